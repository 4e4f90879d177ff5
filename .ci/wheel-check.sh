#!/usr/bin/env bash
# Does attrib work installed from its wheel (not editable)?  Builds the wheel, installs it in a
# fresh venv, builds a database, serves it with `attrib serve DB` and with plain `datasette DB`
# (plugin loaded by its entry point, no --metadata, no --template-dir) and fetches every plugin
# page and the statements tables; any answer other than 200 (after the statement redirect) fails.
#
#   bash .ci/wheel-check.sh          (test.sh runs it after pytest)
#
# Runs from a temporary directory, so the repository's source is never importable.  The database
# comes from `attrib ingest` on ../shared/samples/articles with ../shared/models/stanza (~30 s), or,
# without them, from the tests' sample database.  PYTHON picks the interpreter that builds the wheel
# and the venv (default .venv/bin/python, else python3).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$(cd "$REPO/.." && pwd)/shared
if [ -x "$REPO/.venv/bin/python" ]; then PY=${PYTHON:-$REPO/.venv/bin/python}; else PY=${PYTHON:-python3}; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/attrib-wheel-check.XXXXXX")
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
log() { echo "wheel-check: $*" >&2; }
cd "$WORK"

log "building the wheel"
"$PY" -m pip wheel -q --no-deps "$REPO" -w "$WORK/dist"
WHEEL=$(ls "$WORK"/dist/attrib-*.whl)
"$PY" - "$WHEEL" <<'EOF'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = {"attrib/dbfiles/metadata.yml", "attrib/dbfiles/__init__.py", "attrib/datasette/__init__.py"} | {
    f"attrib/dbfiles/templates/{t}.html" for t in
    ("attrib_article", "attrib_speaker", "attrib_organisation", "_attrib_macros", "_attrib_style")}
missing = sorted(need - names)
if missing:
    sys.exit(f"wheel-check: not in the wheel: {missing}")
EOF

log "installing it (torch CPU first) in a fresh venv"
"$PY" -m venv "$WORK/venv"
VPY=$WORK/venv/bin/python
"$VPY" -m pip install -q --upgrade pip
"$VPY" -m pip install -q "torch==2.13.0"
"$VPY" -m pip install -q "$WHEEL"
where=$("$VPY" -c "import attrib; print(attrib.__file__)")
case "$where" in
  "$WORK/venv/"*) log "attrib imported from $where" ;;
  *) log "attrib imported from $where, not from the installed wheel"; exit 1 ;;
esac

DB=$WORK/attrib.db
if [ -d "$SHARED/models/stanza" ] && [ -d "$SHARED/samples/articles" ]; then
  log "ingesting the sample articles"
  "$WORK/venv/bin/attrib" ingest "$DB" "$SHARED/samples/articles" --models "$SHARED/models/stanza" -q
else
  log "no ../shared models: using the tests' sample database"
  "$REPO/.venv/bin/python" -c "import sys; sys.path.insert(0, sys.argv[1]); \
from pathlib import Path; from conftest import build_datasette_sample; build_datasette_sample(Path(sys.argv[2]))" \
    "$REPO/tests" "$DB"
fi

# article id, statement id, speaker id, organisation id of one statement with all four
read -r ARTICLE STATEMENT SPEAKER ORG < <("$VPY" - "$DB" <<'EOF'
import sqlite3, sys
from datasette.utils import tilde_encode
row = sqlite3.connect(sys.argv[1]).execute(
    "select article_id, id, speaker_id, organisation_id from statements"
    " where speaker_id is not null and organisation_id is not null order by id limit 1").fetchone()
if row is None:
    sys.exit("no statement with a speaker and an organisation")
print(*(tilde_encode(str(v)) for v in row))
EOF
)

free_port() {
  "$VPY" -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
}

# check_server NAME EXTRA_PATHS COMMAND...: start the server on a free port, fetch the pages, stop it.
check_server() {
  local name=$1 extra=$2 port base pid path
  shift 2
  port=$(free_port)
  base=http://127.0.0.1:$port
  "$@" --port "$port" >"$WORK/$name.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 150); do
    curl -sf -o /dev/null "$base/-/versions.json" && break
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/$name.log" >&2; log "$name exited"; exit 1; }
    sleep 0.2
  done
  for path in "/-/attrib/article/attrib/$ARTICLE" "/-/attrib/speaker/attrib/$SPEAKER" \
      "/-/attrib/organisation/attrib/$ORG" "/-/attrib/statement/attrib/$STATEMENT" \
      "/attrib/statements" "/attrib/statements_view" $extra; do
    # -L follows the statement page's 302 to the article view; -f fails on any 4xx/5xx
    if ! curl -sfL -o "$WORK/page.html" "$base$path"; then
      tail -n 30 "$WORK/$name.log" >&2
      log "FAIL $name $path"
      exit 1
    fi
    case "$path" in
      /-/attrib/*) grep -q 'class="attrib-page' "$WORK/page.html" || { log "FAIL $name $path: not a plugin page"; exit 1; } ;;
    esac
    log "ok   $name $path"
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

# canned queries come with the metadata, which attrib serve passes
check_server "attrib-serve" "/attrib/statements_by_speaker?speaker=a" "$WORK/venv/bin/attrib" serve "$DB"
check_server "datasette" "" "$WORK/venv/bin/datasette" "$DB"
log "passed: $(basename "$WHEEL") serves every plugin page with attrib serve and with datasette"
