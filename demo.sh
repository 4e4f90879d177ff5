#!/usr/bin/env bash
# Set up .venv, ingest articles into attrib.db and serve them with Datasette on http://127.0.0.1:8001
#   ./demo.sh                  the sample articles in ../shared/samples/articles
#   ./demo.sh news/ feed.jsonl your own files, directories or JSONL
# Models: ../shared/models/stanza when present (offline), else $STANZA_RESOURCES_DIR or
# ~/stanza_resources, where the official models are downloaded first if missing (needs internet).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
if [ "$#" -eq 0 ]; then set -- ../shared/samples/articles; fi
if [ -d ../shared/models/stanza ]; then
  export STANZA_RESOURCES_DIR=${STANZA_RESOURCES_DIR:-$(cd ../shared/models/stanza && pwd)}
else
  export STANZA_RESOURCES_DIR=${STANZA_RESOURCES_DIR:-$HOME/stanza_resources}
  [ -f "$STANZA_RESOURCES_DIR/resources.json" ] || .venv/bin/attrib models download --dir "$STANZA_RESOURCES_DIR"
fi
status=0
.venv/bin/attrib ingest attrib.db "$@" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then exit "$status"; fi   # 3 = some records skipped (listed above)
exec .venv/bin/attrib serve attrib.db
