"""The landing page for a fact-checker's questions: ``/-/attrib/{database}``.

A search box (the statements, by content, speaker, role, organisation, relay
and article title); the most quoted speakers and organisations in a chosen
period (``?since=YYYY-MM-DD&until=YYYY-MM-DD``, publication dates); the newest
statements; charts of the period's statements over time, by outlet and by kind;
and the canned questions as links.  ``/-/attrib/`` goes to the first attrib
database's landing page.
"""

from __future__ import annotations

from typing import Any

from datasette.utils import tilde_encode
from datasette.utils.asgi import NotFound, Request, Response

from .charts import statement_charts
from .export import _where, export_links
from .urls import organisation_url, speaker_url

#: The canned queries a fact-checker starts from, in this order, with the question they answer.
QUESTIONS = (
    ("what_did_x_say_about_y", "What did X say about Y?"),
    ("speakers_for_organisation", "Who spoke for an organisation?"),
    ("relayed_statements", "Statements relayed by state media, agencies or ministries"),
    ("anonymous_statements", "Statements by anonymous officials and sources"),
    ("statements_by_speaker", "Everything a speaker said"),
    ("statements_by_organisation", "An organisation: itself, its people, what it relayed"),
    ("new_statements_since", "New statements since a date (publication date)"),
    ("top_speakers_by_outlet", "Most-quoted speakers per outlet"),
)
TOP = 10


def landing_url(datasette: Any, database: str) -> str:
    """URL of a database's landing page."""
    return str(datasette.urls.path(f"/-/attrib/{tilde_encode(database)}"))


async def landing_redirect(datasette: Any, request: Request) -> Response:
    """``/-/attrib/``: the landing page of the first attrib database."""
    from .pages import is_attrib_database

    for name in datasette.databases:
        if await is_attrib_database(datasette, name):
            return Response.redirect(landing_url(datasette, name))
    raise NotFound("No attrib database is served")


async def _top(db: Any, where: str, params: dict[str, Any], key: str, name: str, extra: str = "") -> list[dict]:
    sql = (f"select v.{key} as id, v.{name} as name, count(*) as n, count(distinct v.article_id) as articles "
           f"from statements_view v{where or ' where 1'} and v.{key} is not null {extra} "
           f"group by v.{key} order by n desc, name limit {TOP}")
    return [dict(r) for r in (await db.execute(sql, params)).rows]


async def landing_view(datasette: Any, request: Request) -> Response:
    """Search box, most quoted speakers and organisations of the period, newest statements, charts, questions."""
    from .pages import _database, _decorate, _render, _requested_kinds, _table_url, select_kinds

    database, db = await _database(datasette, request)
    kinds = _requested_kinds(request)
    args = {k: request.args.get(k) for k in ("since", "until", "kinds") if request.args.get(k)}
    where, params = _where(args)
    speakers = await _top(db, where, params, "speaker_id", "speaker", "and v.speaker_record_kind != 'anonymous'")
    for sp in speakers:
        sp["url"] = speaker_url(datasette, database, sp["id"])
    organisations = await _top(db, where, params, "organisation_id", "organisation")
    for org in organisations:
        org["url"] = organisation_url(datasette, database, org["id"])
    rows = [dict(r) for r in (await db.execute(
        f"select * from statements_view v{where} order by v.date desc nulls last, v.article_id, v.start", params)).rows]
    newest, kind_choice = select_kinds(request, rows[:TOP])
    where_all, params_all = _where({**args, "kinds": "all"})
    all_kinds = [dict(r) for r in (await db.execute(
        f"select v.date, v.outlet, v.kind from statements_view v{where_all}", params_all)).rows]
    _decorate(datasette, database, newest)
    canned = await datasette.get_canned_queries(database, request.actor)
    questions = [{"title": title, "url": str(datasette.urls.table(database, name)),
                  "description": (canned[name].get("description") or "")}
                 for name, title in QUESTIONS if name in canned]
    n_dated = (await db.execute("select count(*), min(published), max(published) from articles "
                                "where published is not null")).first()
    n_articles = (await db.execute("select count(*) from articles")).first()[0]
    context = {
        "database": database,
        "since": args.get("since", ""), "until": args.get("until", ""), "kinds": kinds,
        "kind_choice": kind_choice,
        "speakers": speakers, "organisations": organisations, "newest": newest, "n_statements": len(rows),
        "charts": statement_charts(all_kinds),
        "questions": questions,
        "search_action": str(datasette.urls.table(database, "statements_view")),
        "statements_url": _table_url(datasette, database, "statements_view"),
        "articles_url": str(datasette.urls.table(database, "articles")),
        "n_articles": n_articles, "n_dated": n_dated[0], "first_published": n_dated[1], "last_published": n_dated[2],
        "export": export_links(datasette, database, **args),
    }
    return await _render(datasette, request, "attrib_landing.html", context)
