#!/bin/sh
# Install what tests/test_browser.py needs: Debian's Chromium at /usr/bin/chromium
# (Playwright drives it through executable_path; `playwright install` is never used).
# Needs root (or run it under sudo). Idempotent. Source it or run it: sh .ci/browser-setup.sh
set -eu

export DEBIAN_FRONTEND=noninteractive
if [ ! -x /usr/bin/chromium ]; then
    apt-get update
    # chromium's recommends bring fonts-liberation, which the screenshots use
    apt-get install -y chromium
fi

# smoke test: headless Chromium starts and renders a page
/usr/bin/chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --dump-dom 'data:text/html,<p>chromium-ok</p>' 2>/dev/null | grep -q chromium-ok
echo "browser-setup: $(/usr/bin/chromium --version 2>/dev/null) is ready"
