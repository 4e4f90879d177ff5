#!/usr/bin/env bash
# Install everything (torch, attrib with test extras, Debian chromium; see scripts/setup.sh) and run the tests.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
if [ -d ../shared/models/stanza ]; then
  export STANZA_RESOURCES_DIR=${STANZA_RESOURCES_DIR:-$(cd ../shared/models/stanza && pwd)}
fi
.venv/bin/ruff check attrib tests bench
exec .venv/bin/python -m pytest -q "$@"
