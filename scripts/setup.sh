#!/usr/bin/env bash
# Create .venv and install torch, then attrib, into it.
# Usage: scripts/setup.sh [--test]     (--test adds the test tools and Debian's chromium)
# torch comes from pip's own configuration (from PyPI on Linux that is the CUDA build); set
# TORCH_INDEX_URL to choose, e.g. https://download.pytorch.org/whl/cpu for the small CPU-only build.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "torch==2.13.0" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
  if [ -f .ci/browser-setup.sh ]; then bash .ci/browser-setup.sh; fi
else
  .venv/bin/python -m pip install -q -e .
fi
