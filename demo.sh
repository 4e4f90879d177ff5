#!/usr/bin/env bash
# Set up, ingest the sample articles into attrib.db and serve them with Datasette.
# Models: ../shared/models/stanza when present (offline), else $STANZA_RESOURCES_DIR,
# else the official models are downloaded first (needs internet access).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
SAMPLES=${SAMPLES:-../shared/samples/articles}
if [ -d ../shared/models/stanza ]; then
  export STANZA_RESOURCES_DIR=${STANZA_RESOURCES_DIR:-$(cd ../shared/models/stanza && pwd)}
else
  export STANZA_RESOURCES_DIR=${STANZA_RESOURCES_DIR:-$HOME/stanza_resources}
  [ -f "$STANZA_RESOURCES_DIR/resources.json" ] || .venv/bin/attrib models download --dir "$STANZA_RESOURCES_DIR"
fi
.venv/bin/attrib ingest attrib.db "$SAMPLES" || [ $? -eq 3 ]   # 3 = some records skipped (listed above)
exec .venv/bin/attrib serve attrib.db "$@"
