#!/usr/bin/env bash
# Install everything (torch, attrib with test extras, Debian chromium; see scripts/setup.sh),
# run ruff, the tests and the wheel check.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
if [ -d ../shared/models/stanza ]; then
  export STANZA_RESOURCES_DIR=${STANZA_RESOURCES_DIR:-$(cd ../shared/models/stanza && pwd)}
fi
.venv/bin/ruff check attrib tests bench
.venv/bin/python -m pytest -q "$@"
# attrib installed from its wheel (not editable) serves every page; ATTRIB_SKIP_WHEEL_CHECK=1 skips it
if [ "${ATTRIB_SKIP_WHEEL_CHECK:-0}" != 1 ]; then bash .ci/wheel-check.sh; fi
