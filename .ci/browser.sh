#!/usr/bin/env bash
# Sourced by .ci/run: Debian's chromium for the end-to-end browser tests (tests/web/test_browser.py),
# driven by the `playwright` Python package with the system browser (never `playwright install`).
# Needs root (CI machines); there it also sets CHRONIK_REQUIRE_BROWSER=1 so the tests fail instead
# of skipping when the browser is missing. Elsewhere it does nothing and the browser tests skip.
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    if [ ! -x /usr/bin/chromium ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
    export CHRONIK_REQUIRE_BROWSER=1
fi
