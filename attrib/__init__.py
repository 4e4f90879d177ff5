"""attrib: find who said what in news articles, store it in SQLite, explore it in Datasette.

As a library::

    import attrib

    for a in attrib.find_statements(text):          # stanza models as the CLI finds them
        print(a.type, a.source_name, a.content_text(text))
    db = attrib.open_db("news.db")                  # sqlite-utils Database, schema applied

``import attrib`` stays cheap: stanza and torch are imported by the first
:func:`find_statements` that has to parse.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import sqlite_utils

    from .pipeline import Parsing
    from .types import Attribution

__version__ = "0.1.0"
__all__ = ["__version__", "find_statements", "open_db"]

#: One :class:`~attrib.pipeline.Parsing` (and so one stanza pipeline) per (models dir, device).
_parsings: dict[tuple[str, str], Parsing] = {}


def _parsing(models_dir: str | os.PathLike[str] | None, device: str) -> Parsing:
    """The cached :class:`~attrib.pipeline.Parsing` for these models and device, created on first use."""
    from .nlp import resolve_device, resolve_models_dir
    from .pipeline import Parsing

    key = (str(resolve_models_dir(models_dir)), resolve_device(device))
    if key not in _parsings:
        _parsings[key] = Parsing(key[0], device=key[1])
    return _parsings[key]


def find_statements(
    text: str, models_dir: str | os.PathLike[str] | None = None, device: str = "auto"
) -> list[Attribution]:
    """The attributed statements (:class:`attrib.types.Attribution`) of one text.

    Models are found as the command line finds them: ``models_dir``, else
    ``$STANZA_RESOURCES_DIR``, else ``~/stanza_resources``
    (:func:`attrib.nlp.resolve_models_dir`; raises
    :class:`attrib.nlp.ModelsNotFound` when none are there).  ``device`` is
    ``auto``, ``cuda`` or ``cpu`` (:func:`attrib.nlp.resolve_device`; ``cuda``
    without a GPU raises :class:`attrib.nlp.DeviceUnavailable`).  Parses are
    cached on disk like the command line's (``$ATTRIB_CACHE_DIR``), and the
    stanza pipeline is loaded once, on the first call that has to parse, and
    kept for later calls.  Offsets are character offsets into ``text``.
    """
    from .attribute import find_attributions

    (parse,) = _parsing(models_dir, device).parse_many([text])
    return find_attributions(parse)


def open_db(path: str | os.PathLike[str]) -> sqlite_utils.Database:
    """The attrib database at ``path`` (created if needed) as a sqlite-utils ``Database``,
    with the schema applied (:func:`attrib.db.open_db`)."""
    from .db import open_db as _open_db

    return _open_db(os.fspath(path))
