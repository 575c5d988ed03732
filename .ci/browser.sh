# Sourced by .ci/run: Debian's chromium for the end-to-end browser tests (tests/web/test_browser.py).
# playwright drives this system browser; it never downloads one (`playwright install` is not used).
if [ ! -x /usr/bin/chromium ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export CHRONIK_REQUIRE_BROWSER=1
