"""The review bits of the plugin's pages (``attrib serve --review``, :mod:`attrib.reviews`).

A statement's latest review comes with its ``statements_view`` row (verdict,
rating, corrected speaker); this module adds what the article card needs: a
safe link to the published fact-check, and, when the database has the writable
``record_review`` canned query that ``attrib serve --review`` adds and the
visitor may run it, a link to that query's form filled in with the statement.
"""

from __future__ import annotations

import urllib.parse
from typing import Any

#: The writable canned query of ``attrib serve --review`` (see :func:`attrib.datasette.serve.review_metadata`).
REVIEW_QUERY = "record_review"


def _http_url(url: Any) -> str | None:
    if isinstance(url, str) and urllib.parse.urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


async def review_context(datasette: Any, database: str, actor: Any, selected: dict[str, Any] | None) -> dict[str, Any]:
    """``review_form_url`` for the article card (None when reviews cannot be recorded by ``actor``);
    drops a fact-check URL that is not http(s) from ``selected``."""
    if selected is None:
        return {"review_form_url": None}
    selected["review_url"] = _http_url(selected.get("review_url"))
    query = await datasette.get_canned_query(database, REVIEW_QUERY, actor)
    if not query or not actor:
        return {"review_form_url": None}
    allowed = await datasette.permission_allowed(actor, "view-query", (database, REVIEW_QUERY), default=True)
    if not allowed:
        return {"review_form_url": None}
    url = datasette.urls.database(database) + "/" + REVIEW_QUERY
    return {"review_form_url": url + "?" + urllib.parse.urlencode({"statement_id": selected["id"]})}
