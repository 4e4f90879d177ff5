"""URLs of the plugin's pages (``/-/attrib/...``); path segments are tilde-encoded like Datasette's."""

from __future__ import annotations

import re
import urllib.parse
import weakref
from typing import Any

from datasette.utils import tilde_encode

#: The characters tilde_encode and urllib.parse.quote leave as they are (ids are made of them).
_TILDE_SAFE = re.compile(r"[A-Za-z0-9_-]*")
_QUOTE_SAFE = re.compile(r"[A-Za-z0-9_.~-]*")


def _seg(value: Any) -> str:
    text = str(value)
    return text if _TILDE_SAFE.fullmatch(text) else tilde_encode(text)


def _quote(value: Any) -> str:
    text = str(value)
    return text if _QUOTE_SAFE.fullmatch(text) else urllib.parse.quote(text, safe="")


#: datasette -> {(page, database): the URL up to the last path segment} (``urls.path`` prefixes a
#: path with the base URL; made once per page and database instead of once per cell).
_prefixes: weakref.WeakKeyDictionary[Any, dict[tuple[str, str], str]] = weakref.WeakKeyDictionary()


def _prefix(datasette: Any, page: str, database: str) -> str:
    try:
        known = _prefixes.setdefault(datasette, {})
    except TypeError:  # not weak-referenceable: no cache
        known = {}
    key = (page, database)
    if key not in known:
        known[key] = str(datasette.urls.path(f"/-/attrib/{page}/{_seg(database)}/"))
    return known[key]


def article_url(datasette: Any, database: str, article_id: Any, statement_id: Any = None) -> str:
    """URL of the article view, with ``statement_id`` selected and anchored if given."""
    url = _prefix(datasette, "article", database) + _seg(article_id)
    if statement_id not in (None, ""):
        quoted = _quote(statement_id)
        url += f"?statement={quoted}#s-{quoted}"
    return url


def statement_url(datasette: Any, database: str, statement_id: Any) -> str:
    """URL that redirects to the statement highlighted in its article."""
    return _prefix(datasette, "statement", database) + _seg(statement_id)


def speaker_url(datasette: Any, database: str, speaker_id: Any) -> str:
    """URL of a speaker's page."""
    return _prefix(datasette, "speaker", database) + _seg(speaker_id)


def organisation_url(datasette: Any, database: str, organisation_id: Any) -> str:
    """URL of an organisation's page."""
    return _prefix(datasette, "organisation", database) + _seg(organisation_id)


def claim_url(datasette: Any, database: str, claim_id: Any) -> str:
    """URL of a claim's page (every appearance of the claim across outlets)."""
    return _prefix(datasette, "claim", database) + _seg(claim_id)
