"""URLs of the plugin's pages (``/-/attrib/...``); path segments are tilde-encoded like Datasette's."""

from __future__ import annotations

import urllib.parse
from typing import Any

from datasette.utils import tilde_encode


def _seg(value: Any) -> str:
    return tilde_encode(str(value))


def article_url(datasette: Any, database: str, article_id: Any, statement_id: Any = None) -> str:
    """URL of the article view, with ``statement_id`` selected and anchored if given."""
    path = f"/-/attrib/article/{_seg(database)}/{_seg(article_id)}"
    if statement_id not in (None, ""):
        quoted = urllib.parse.quote(str(statement_id), safe="")
        path += f"?statement={quoted}#s-{quoted}"
    return str(datasette.urls.path(path))


def statement_url(datasette: Any, database: str, statement_id: Any) -> str:
    """URL that redirects to the statement highlighted in its article."""
    return str(datasette.urls.path(f"/-/attrib/statement/{_seg(database)}/{_seg(statement_id)}"))


def speaker_url(datasette: Any, database: str, speaker_id: Any) -> str:
    """URL of a speaker's page."""
    return str(datasette.urls.path(f"/-/attrib/speaker/{_seg(database)}/{_seg(speaker_id)}"))


def organisation_url(datasette: Any, database: str, organisation_id: Any) -> str:
    """URL of an organisation's page."""
    return str(datasette.urls.path(f"/-/attrib/organisation/{_seg(database)}/{_seg(organisation_id)}"))


def claim_url(datasette: Any, database: str, claim_id: Any) -> str:
    """URL of a claim's page (every appearance of the claim across outlets)."""
    return str(datasette.urls.path(f"/-/attrib/claim/{_seg(database)}/{_seg(claim_id)}"))
