"""Datasette plugin: pages and links that make an attrib database usable for fact-checking.

Registered through the ``datasette`` entry point in ``pyproject.toml``, so it is
active whenever ``attrib`` is installed next to Datasette (``datasette
attrib.db`` is enough).  It adds:

- ``/-/attrib/article/{database}/{article_id}?statement={id}#s-{id}``: the
  article text with every attributed statement highlighted in place (content,
  cue and speaker spans in different colours, details in the ``title``
  tooltip); the chosen statement is outlined and scrolled into view;
- ``/-/attrib/statement/{database}/{statement_id}``: redirects to the above;
- ``/-/attrib/speaker/{database}/{speaker_id}``: a speaker's statements over
  time, with the roles and organisations seen with them;
- ``/-/attrib/organisation/{database}/{organisation_id}``: what an organisation
  said itself, what its people said and what it relayed;
- ``/-/attrib/claim/{database}/{claim_id}``: every appearance of a claim across
  outlets, earliest first, with its first appearance, outlets and speakers;
- ``/-/attrib/{database}``: the landing page for a fact-checker's questions
  (:mod:`.landing`); ``/-/attrib/export/{database}/statements.csv|json``:
  exports that cite (:mod:`.export`);
- ``extra_body_script`` and ``extra_template_vars``: data-first table and query pages, whose ids
  and offsets are not rendered until asked for (:mod:`.listpages`);
- cheaper plans for ``statements_view`` pages, with the same rows, counts and facets: counts
  from the statements alone when every filter is a statement column, a speaker's or
  organisation's name found by index, facets over their own column, and search pages of common
  words by a walk of the page order (:mod:`.viewplans`);
- ``render_cell`` links from the statement, article, speaker and organisation
  tables (and from canned query results) to those pages.

This module holds the hooks only: :mod:`.pages` (queries and views),
:mod:`.highlight` (the highlighted article text), :mod:`.cells` (the links),
:mod:`.urls`, and :mod:`.serve` (``attrib serve``).  The page templates are in
:mod:`attrib.dbfiles` (the repository's ``db/templates``), which the second
``datasette`` entry point registers so that Datasette's own plugin-templates
mechanism finds them, from a wheel as from a source checkout.
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from markupsafe import Markup

from .cells import LINKED_COLUMNS, cell_link, needs_label, with_label
from .export import export_view
from .landing import landing_redirect, landing_view
from .listpages import hidden_columns, list_page_script, table_body
from .pages import (
    article_view,
    claim_view,
    is_attrib_database,
    known_attrib_database,
    organisation_view,
    speaker_view,
    statement_redirect,
)
from .viewplans import plan_view_queries


@hookimpl
def startup(datasette: Any) -> None:
    """``attrib serve`` gives Datasette the row count of ``statements_view`` in its inspect file
    (:func:`.serve.inspect_data`), for the view's own page; the database page takes every
    entry there for a table, so the views are left out of its cached counts.  A filtered
    ``statements_view`` page is counted from the statements when it can be (:mod:`.viewplans`)."""
    from .serve import COUNTED_VIEWS

    for db in datasette.databases.values():
        plan_view_queries(db)
        counts = getattr(db, "cached_table_counts", None)
        if isinstance(counts, dict):
            for view in COUNTED_VIEWS:
                counts.pop(view, None)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    """The plugin's pages under ``/-/attrib/``."""
    return [
        (r"^/-/attrib/article/(?P<database>[^/]+)/(?P<article_id>[^/]+)$", article_view),
        (r"^/-/attrib/statement/(?P<database>[^/]+)/(?P<statement_id>[^/]+)$", statement_redirect),
        (r"^/-/attrib/speaker/(?P<database>[^/]+)/(?P<speaker_id>[^/]+)$", speaker_view),
        (r"^/-/attrib/organisation/(?P<database>[^/]+)/(?P<organisation_id>[^/]+)$", organisation_view),
        (r"^/-/attrib/claim/(?P<database>[^/]+)/(?P<claim_id>[^/]+)$", claim_view),
        (r"^/-/attrib/export/(?P<database>[^/]+)/statements\.(?P<format>csv|json)$", export_view),
        (r"^/-/attrib/?$", landing_redirect),
        (r"^/-/attrib/(?P<database>[^/]+)$", landing_view),
    ]


@hookimpl
def extra_body_script(template: str, database: str | None, view_name: str, datasette: Any) -> Any:
    """Data first on an attrib database's table and query pages (see :mod:`.listpages`)."""
    if view_name not in ("table", "database", "row", "query") or not database:
        return None

    async def inner() -> str:
        return list_page_script() if await is_attrib_database(datasette, database) else ""

    return inner


@hookimpl
def extra_template_vars(
    template: str, database: str | None, columns: list[str] | None, view_name: str, request: Any, datasette: Any
) -> Any:
    """``attrib_hidden_columns`` and ``attrib_table_body`` for ``_table.html``: the ids and offsets
    an attrib table page does not render unless asked for (:func:`.listpages.hidden_columns`), and
    its rows written in Python (:func:`.listpages.table_body`)."""
    if view_name != "table" or not database or not columns:
        return None

    async def inner() -> dict[str, Any]:
        if not await is_attrib_database(datasette, database):
            return {}
        return {"attrib_hidden_columns": hidden_columns(columns, request), "attrib_table_body": table_body}

    return inner


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    """Link statement, article, speaker and organisation cells to the plugin's pages.  Called for
    every cell of a page (17,000 for 1,000 rows): a column it never links returns at once, and a
    cell that needs no query returns its link at once (no coroutine) once the database is known."""
    if column not in LINKED_COLUMNS or value in (None, ""):
        return None
    if not needs_label(table, column, value) and known_attrib_database(datasette, database):
        try:
            return cell_link(row, value, column, table, database, datasette)
        except (KeyError, IndexError, TypeError, ValueError):
            return None

    async def inner() -> Markup | None:
        if not await is_attrib_database(datasette, database):
            return None
        try:
            labelled = await with_label(datasette, database, table, column, value)
            return cell_link(row, labelled, column, table, database, datasette)
        except (KeyError, IndexError, TypeError, ValueError):
            return None

    return inner
