#!/usr/bin/env bash
# Sourced by .ci/run: Java for the Spark tests (pyspark needs a JVM, 17 or newer), from
# Debian's packages where the machine has none (needs root), and the `spark` extra.
# CHRONIK_REQUIRE_SPARK=1 turns "pyspark or Java missing" from a skip into a failure.
if ! command -v java >/dev/null && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
export CHRONIK_REQUIRE_SPARK=1
