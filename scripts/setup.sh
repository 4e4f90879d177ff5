#!/usr/bin/env bash
# Create .venv and install attrib into it (CPU torch first, so pip never pulls a CUDA build).
# Usage: scripts/setup.sh [--test]     (--test adds the test tools and Debian's chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "torch==2.13.0"
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
  if [ -f .ci/browser-setup.sh ]; then bash .ci/browser-setup.sh; fi
else
  .venv/bin/python -m pip install -q -e .
fi
