#!/usr/bin/env bash
# Sourced by .ci/run: install and start a local PostgreSQL server (Debian packages) and export
# CHRONIK_TEST_PG_URL so the store tests also run against PostgreSQL. Needs root (CI machines);
# elsewhere it does nothing and the PostgreSQL tests skip unless CHRONIK_TEST_PG_URL is set.
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    if ! command -v pg_ctlcluster >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    PG_VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
    PG_CLUSTERS="$(pg_lsclusters -h)"
    case "$PG_CLUSTERS" in *"$PG_VERSION main"*) ;; *) pg_createcluster "$PG_VERSION" main >/dev/null ;; esac
    pg_ctlcluster "$PG_VERSION" main start >/dev/null 2>&1 || pg_ctlcluster "$PG_VERSION" main status >/dev/null
    PG_PORT="$(pg_conftool -s "$PG_VERSION" main show port)"
    pg_sql() { su postgres -c "psql -p $PG_PORT -qtAc \"$1\""; }
    [ "$(pg_sql "SELECT 1 FROM pg_roles WHERE rolname = 'chronik'")" = "1" ] \
        || pg_sql "CREATE ROLE chronik LOGIN PASSWORD 'chronik'" >/dev/null
    [ "$(pg_sql "SELECT 1 FROM pg_database WHERE datname = 'chronik_test'")" = "1" ] \
        || pg_sql "CREATE DATABASE chronik_test OWNER chronik" >/dev/null
    export CHRONIK_TEST_PG_URL="postgresql://chronik:chronik@localhost:$PG_PORT/chronik_test"
fi
