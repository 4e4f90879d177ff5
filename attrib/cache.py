"""A file cache of parses, keyed by model identity and text hash.

A change to the attribution rules then re-runs without stanza: ``attrib
extract`` and ``attrib ingest`` look here before parsing.  Entries are gzip'd
JSON in ``$ATTRIB_CACHE_DIR`` (default ``~/.cache/attrib``)/parses/MODEL/.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
import zlib
from pathlib import Path

from .types import ParsedArticle


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text (the article's content hash)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def default_cache_dir() -> Path:
    """``$ATTRIB_CACHE_DIR`` or ``~/.cache/attrib``."""
    env = os.environ.get("ATTRIB_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "attrib"


class ParseCache:
    """Get and put parses by (model, text)."""

    def __init__(self, root: str | os.PathLike[str] | None = None):
        self.root = Path(root) if root else default_cache_dir()

    def _path(self, model: str, text: str) -> Path:
        return self.root / "parses" / model / f"{text_sha256(text)}.json.gz"

    def get(self, model: str, text: str) -> ParsedArticle | None:
        """The cached parse of ``text`` by ``model``, or ``None``."""
        path = self._path(model, text)
        try:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                return ParsedArticle.from_dict(json.load(f), text)
        except (OSError, EOFError, zlib.error, ValueError, KeyError, IndexError, TypeError):
            return None  # missing, truncated or damaged: parse again (and overwrite it)

    def put(self, parse: ParsedArticle) -> None:
        """Store a parse atomically (write to a temp file, then rename)."""
        path = self._path(parse.model, parse.text)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb") as f:
                f.write(parse.to_json().encode("utf-8"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
