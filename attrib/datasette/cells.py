"""``render_cell`` links from statement, article, speaker and organisation cells to the plugin's pages.

Covers the ``statements`` table, ``statements_view``, canned query results
(``table`` is None) and the ``articles``, ``speakers``, ``organisations`` and
``claims`` tables.  Every value is escaped.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from .urls import article_url, claim_url, organisation_url, speaker_url, statement_url

STATEMENT_TABLES = ("statements", "statements_view")

#: Columns that may get a link; render_cell returns at once for any other.
LINKED_COLUMNS = frozenset(
    {"id", "content", "article_id", "article_title", "speaker", "speaker_id", "organisation",
     "organisation_id", "reported_by", "reported_by_id", "title", "name", "claim_id", "label"}
)

_IN_ARTICLE = "Show this statement highlighted in its article"
_MISSING = object()

#: (table, column) -> (page URL builder, link title) for the name columns of the other tables.
_NAME_LINKS = {
    ("articles", "title"): (article_url, "Open the article view"),
    ("speakers", "name"): (speaker_url, "Speaker page"),
    ("organisations", "name"): (organisation_url, "Organisation page"),
    ("claims", "label"): (claim_url, "Claim page: every appearance across outlets"),
}


def _col(row: Any, key: str) -> Any:
    """``row[key]`` (the plain value of an expanded foreign key), or ``_MISSING`` (a row without
    that column: ``sqlite3.Row`` raises IndexError, a dict KeyError, a tuple TypeError)."""
    try:
        value = row[key]
    except (KeyError, IndexError, TypeError):
        return _MISSING
    if isinstance(value, dict):
        value = value.get("value")
    return value


def _present(value: Any) -> bool:
    return value is not _MISSING and value not in (None, "")


def _split_fk(value: Any) -> tuple[Any, Any]:
    """(value, label) of a cell that may be an expanded foreign key."""
    if isinstance(value, dict):
        return value.get("value"), value.get("label")
    return value, None


def _link(href: str, text: Any, title: str | None = None) -> Markup:
    """``<a>`` with every value escaped (``escape`` directly: ``Markup.format`` costs five times more)."""
    if title:
        return Markup(f'<a href="{escape(href)}" title="{escape(title)}">{escape(text)}</a>')
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')


#: Foreign keys of ``statements`` -> the table whose ``name`` labels them (row pages show the id alone).
_FK_NAMES = {"speaker_id": "speakers", "organisation_id": "organisations", "reported_by_id": "organisations"}


def needs_label(table: str | None, column: str, value: Any) -> bool:
    """True when :func:`with_label` would read the name of ``value`` (a bare id on a row page)."""
    return table == "statements" and column in _FK_NAMES and not isinstance(value, dict) and value not in (None, "")


async def with_label(datasette: Any, database: str, table: str | None, column: str, value: Any) -> Any:
    """``value`` as an expanded foreign key ``{"value", "label"}`` when it is a bare id of the
    ``statements`` table (a row page), so that it shows the name; else ``value`` unchanged."""
    if not needs_label(table, column, value):
        return value
    target = _FK_NAMES[column]
    row = (await datasette.get_database(database).execute(f"select name from {target} where id = ?", [value])).first()
    return {"value": value, "label": row[0]} if row else value


def cell_link(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Markup | None:
    """The link for one cell, or None to let Datasette render it as usual."""
    raw, label = _split_fk(value)
    if raw in (None, ""):
        return None
    if table in STATEMENT_TABLES or table is None:
        if column == "content":
            return _content_link(row, raw, table, database, datasette)
        shown = label if label not in (None, "") else raw
        return _statement_column_link(row, raw, shown, column, table, database, datasette)
    builder, title = _NAME_LINKS.get((table, column), (None, None))
    if builder is None or not _present(_col(row, "id")):
        return None
    return _link(builder(datasette, database, _col(row, "id")), raw, title)


def _content_link(row: Any, raw: Any, table: str | None, database: str, datasette: Any) -> Markup | None:
    """A statement's content links to it highlighted in its article.

    In a table the statement id is ``id``; canned queries call it
    ``statement_id`` (or ``id`` when they also have an ``article_id``).
    """
    sid = _col(row, "id") if table else _col(row, "statement_id")
    if table is None and not _present(sid) and _present(_col(row, "article_id")):
        sid = _col(row, "id")
    if not _present(sid):
        return None
    aid = _col(row, "article_id")
    href = article_url(datasette, database, aid, sid) if _present(aid) else statement_url(datasette, database, sid)
    return _link(href, raw, _IN_ARTICLE)


def _statement_column_link(
    row: Any, raw: Any, shown: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | None:
    """Links from the other columns of statement rows: id, article, speaker, organisations."""
    aid = _col(row, "article_id")
    if column == "id" and table == "statements_view" and _present(aid):
        return _link(article_url(datasette, database, aid, raw), raw, _IN_ARTICLE)
    if column == "article_id":
        return _link(article_url(datasette, database, raw), shown, "Open the article view")
    if column == "claim_id":
        return _link(claim_url(datasette, database, raw), shown, "Claim page: every appearance across outlets")
    if column == "article_title" and _present(aid):
        return _link(article_url(datasette, database, aid), raw)
    if table == "statements" and column == "speaker_id":
        return _link(speaker_url(datasette, database, raw), shown, "Speaker page")
    if table == "statements" and column in ("organisation_id", "reported_by_id"):
        return _link(organisation_url(datasette, database, raw), shown, "Organisation page")
    return _name_link(row, raw, column, database, datasette)


def _name_link(row: Any, raw: Any, column: str, database: str, datasette: Any) -> Markup | None:
    """``speaker``, ``organisation`` and ``reported_by`` names link to their pages when their id is in the row."""
    if column == "speaker" and _present(_col(row, "speaker_id")):
        return _link(speaker_url(datasette, database, _col(row, "speaker_id")), raw)
    if column in ("organisation", "reported_by") and _present(_col(row, f"{column}_id")):
        return _link(organisation_url(datasette, database, _col(row, f"{column}_id")), raw)
    return None
