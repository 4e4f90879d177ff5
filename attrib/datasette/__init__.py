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

from .cells import LINKED_COLUMNS, cell_link
from .pages import article_view, is_attrib_database, organisation_view, speaker_view, statement_redirect


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    """The plugin's pages under ``/-/attrib/``."""
    return [
        (r"^/-/attrib/article/(?P<database>[^/]+)/(?P<article_id>[^/]+)$", article_view),
        (r"^/-/attrib/statement/(?P<database>[^/]+)/(?P<statement_id>[^/]+)$", statement_redirect),
        (r"^/-/attrib/speaker/(?P<database>[^/]+)/(?P<speaker_id>[^/]+)$", speaker_view),
        (r"^/-/attrib/organisation/(?P<database>[^/]+)/(?P<organisation_id>[^/]+)$", organisation_view),
    ]


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    """Link statement, article, speaker and organisation cells to the plugin's pages."""
    if column not in LINKED_COLUMNS or value in (None, ""):
        return None

    async def inner() -> Markup | None:
        if not await is_attrib_database(datasette, database):
            return None
        try:
            return cell_link(row, value, column, table, database, datasette)
        except (KeyError, IndexError, TypeError, ValueError):
            return None

    return inner
