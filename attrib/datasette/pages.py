"""The plugin's pages: article view, statement redirect, speaker and organisation pages.

Every page reads statements from ``statements_view`` (defined once, in
:data:`attrib.db.STATEMENTS_VIEW`), so none repeats the join of statements,
speakers, organisations and articles.  The templates (``attrib_*.html``) are
found by Datasette in the ``templates`` directory of :mod:`attrib.dbfiles`
(the repository's ``db/``); a ``--template-dir`` with templates of the same
names overrides them.

Each page shows speech by default: ``?kinds=all`` (or a comma list such as
``?kinds=speech,belief``) shows the beliefs, intentions and evidence too, and
the page says how many statements of the other kinds it left out.
"""

from __future__ import annotations

import time
import urllib.parse
import weakref
from collections import Counter
from collections.abc import Mapping
from typing import Any

from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import BadRequest, NotFound, Request, Response

from ..types import STATEMENT_KINDS, parse_kinds
from .charts import statement_charts
from .export import export_links
from .highlight import highlight_article, statement_summary
from .reviewing import review_context
from .urls import article_url, organisation_url, speaker_url

#: Tables whose presence marks a database as an attrib database.
ATTRIB_TABLES = frozenset({"articles", "statements", "speakers", "organisations"})

#: Statement rows for the pages: every column of the view (offsets, names, dates).
STATEMENT_SELECT = "select * from statements_view"

_attrib_db_cache: weakref.WeakKeyDictionary[Any, dict[str, tuple[bool, float]]] = weakref.WeakKeyDictionary()


async def is_attrib_database(datasette: Any, database: str | None) -> bool:
    """True if ``database`` has attrib's tables (cached; a negative answer for 10 s)."""
    if not database:
        return False
    try:
        cache = _attrib_db_cache.setdefault(datasette, {})
    except TypeError:
        cache = {}
    hit = cache.get(database)
    now = time.monotonic()
    if hit and (hit[0] or now - hit[1] < 10):
        return hit[0]
    try:
        db = datasette.get_database(database)
        names = set(await db.table_names())
    except Exception:  # noqa: BLE001 - a missing or broken database is simply "not ours"
        return False
    ok = ATTRIB_TABLES <= names
    cache[database] = (ok, now)
    return ok


def _table_url(datasette: Any, database: str, table: str, **filters: Any) -> str:
    """URL of Datasette's page for ``table`` filtered by ``column=value`` pairs."""
    return str(datasette.urls.table(database, table)) + "?" + urllib.parse.urlencode(filters)


async def _database(datasette: Any, request: Request) -> tuple[str, Any]:
    name = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"Database not found: {name}") from None
    if not await is_attrib_database(datasette, name):
        raise NotFound(f"{name} is not an attrib database")
    await datasette.ensure_permissions(
        request.actor,
        [("view-table", (name, "statements")), ("view-database", name), "view-instance"],
    )
    return name, db


async def _render(datasette: Any, request: Request, template: str, context: dict[str, Any]) -> Response:
    return Response.html(await datasette.render_template(template, context, request=request))


def _rows(results: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in results.rows]


def _decorate(datasette: Any, database: str, statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the URLs the templates need to statement rows."""
    for st in statements:
        st["url"] = article_url(datasette, database, st["article_id"], st["id"])
        st["article_url"] = article_url(datasette, database, st["article_id"])
        st["row_url"] = datasette.urls.row(database, "statements", tilde_encode(str(st["id"])))
        sp, org, rb = st.get("speaker_id"), st.get("organisation_id"), st.get("reported_by_id")
        st["speaker_url"] = speaker_url(datasette, database, sp) if sp is not None else None
        st["organisation_url"] = organisation_url(datasette, database, org) if org is not None else None
        st["reported_by_url"] = organisation_url(datasette, database, rb) if rb is not None else None
        st["summary"] = statement_summary(st)
    return statements


async def _one(db: Any, sql: str, key: Any, what: str) -> dict[str, Any]:
    """The single row ``sql`` finds for ``key``, or a 404 saying which ``what`` was not found."""
    row = (await db.execute(sql, [key])).first()
    if row is None:
        raise NotFound(f"{what} not found: {key}")
    return dict(row)


def _requested_kinds(request: Request) -> tuple[str, ...]:
    """The kinds the page shows: ``?kinds=`` (speech when absent); a 400 names an unknown kind."""
    try:
        return parse_kinds(request.args.get("kinds"))
    except ValueError as e:
        raise BadRequest(str(e)) from None


def _with_kinds(request: Request, kinds: str | None) -> str:
    """A link to this page with ``?kinds=`` set to ``kinds`` (removed when ``None``), other arguments
    kept; relative (``?...``), so it works under any base URL."""
    args = [(k, v) for k, v in urllib.parse.parse_qsl(request.query_string, keep_blank_values=True) if k != "kinds"]
    if kinds is not None:
        args.append(("kinds", kinds))
    return "?" + urllib.parse.urlencode(args)


def select_kinds(
    request: Request, statements: list[dict[str, Any]], keep: Any = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The statements of the kinds ``request`` asks for (speech by default; the statement
    ``keep`` always), and what the templates need to say what was left out and link to the rest."""
    kinds = _requested_kinds(request)
    shown, hidden = [], Counter()
    for st in statements:
        kind = st.get("kind") or "speech"
        if kind in kinds or (keep is not None and st["id"] == keep):
            shown.append(st)
        else:
            hidden[kind] += 1
    choice = {
        "kinds": kinds,
        "all": kinds == STATEMENT_KINDS,
        "default": kinds == ("speech",),
        "hidden": hidden.most_common(),
        "n_hidden": sum(hidden.values()),
        "all_url": _with_kinds(request, "all"),
        "speech_url": _with_kinds(request, None),
        # a filter for the statements_view table links: the same kinds
        "table_filter": {} if kinds == STATEMENT_KINDS else {"kind__in": ",".join(kinds)},
    }
    return shown, choice


def _safe_url(url: Any) -> str | None:
    """``url`` if it is an http(s) URL (never a ``javascript:`` one), else None."""
    if isinstance(url, str) and urllib.parse.urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


async def article_view(datasette: Any, request: Request) -> Response:
    """The article text with every statement highlighted; ``?statement=ID`` selects one."""
    database, db = await _database(datasette, request)
    article_id = tilde_decode(request.url_vars["article_id"])
    article = await _one(db, "select * from articles where id = ?", article_id, "Article")
    statements = _rows(
        await db.execute(STATEMENT_SELECT + " where article_id = ? order by start, [end], id",
                         [article_id])
    )
    target = request.args.get("statement") or None
    statements, kind_choice = select_kinds(request, statements, keep=target)
    _decorate(datasette, database, statements)
    selected = next((s for s in statements if s["id"] == target), None)
    others, n_others = await _others_by_speaker(datasette, database, db, selected)
    context = {
        "others_by_speaker": others,
        "n_others_by_speaker": n_others,
        "database": database,
        "article": article,
        "article_url_safe": _safe_url(article.get("url")),
        "article_row_url": datasette.urls.row(database, "articles", tilde_encode(article_id)),
        "statements_table_url": _table_url(datasette, database, "statements_view", article_id=article_id,
                                           **kind_choice["table_filter"]),
        "kind_choice": kind_choice,
        "highlighted": highlight_article(article.get("text"), statements, target if selected else None),
        "statements": statements,
        "selected": selected,
        "target": target,
        "target_missing": bool(target) and selected is None,
        **await review_context(datasette, database, request.actor, selected),
    }
    return await _render(datasette, request, "attrib_article.html", context)


async def _others_by_speaker(
    datasette: Any, database: str, db: Any, selected: dict[str, Any] | None, limit: int = 5
) -> tuple[list[dict[str, Any]], int]:
    """The newest other statements of the selected statement's speaker (at most ``limit``) and how many there are."""
    if not selected or selected.get("speaker_id") is None:
        return [], 0
    args = [selected["speaker_id"], selected["id"]]
    n = (await db.execute("select count(*) from statements where speaker_id = ? and id != ?", args)).first()[0]
    rows = _rows(await db.execute(
        STATEMENT_SELECT + " where speaker_id = ? and id != ? order by date desc nulls last, article_id, start limit ?",
        [*args, limit]))
    return _decorate(datasette, database, rows), n


async def statement_redirect(datasette: Any, request: Request) -> Response:
    """Redirect a statement id to the statement highlighted in its article."""
    database, db = await _database(datasette, request)
    sid = tilde_decode(request.url_vars["statement_id"])
    row = await _one(db, "select article_id from statements where id = ?", sid, "Statement")
    return Response.redirect(article_url(datasette, database, row["article_id"], sid))


def _counts(values: list[Any]) -> list[tuple[Any, int]]:
    return Counter(v for v in values if v not in (None, "")).most_common()


def _date_range(statements: list[dict[str, Any]]) -> dict[str, Any]:
    """First and last publication date of ``statements`` and how many have none (never an ingest time)."""
    dates = sorted(str(s["date"]) for s in statements if s.get("date"))
    return {"first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
            "n_undated": sum(1 for s in statements if not s.get("date"))}


def _kinds_arg(kind_choice: dict[str, Any]) -> dict[str, str]:
    """The ``kinds`` argument that asks an export for the kinds a page shows."""
    return {} if kind_choice["default"] else {"kinds": "all" if kind_choice["all"] else ",".join(kind_choice["kinds"])}


def _timeline(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    months = Counter(str(s.get("date") or "")[:7] or "unknown" for s in statements)
    peak = max(months.values(), default=1)
    return [{"month": m, "count": c, "width": round(100 * c / peak)} for m, c in sorted(months.items())]


def _organisations_seen(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The organisations of ``statements`` (name, page URL, count), most frequent first."""
    orgs: dict[Any, dict[str, Any]] = {}
    for st in statements:
        if st.get("organisation_id"):
            entry = orgs.setdefault(
                st["organisation_id"], {"name": st["organisation"], "url": st["organisation_url"], "count": 0}
            )
            entry["count"] += 1
    return sorted(orgs.values(), key=lambda o: (-o["count"], str(o["name"])))


async def speaker_view(datasette: Any, request: Request) -> Response:
    """A speaker's statements in date order, with the roles and organisations seen with them."""
    database, db = await _database(datasette, request)
    speaker_id = tilde_decode(request.url_vars["speaker_id"])
    speaker = await _one(db, "select * from speakers where id = ?", speaker_id, "Speaker")
    statements = _rows(
        await db.execute(STATEMENT_SELECT + " where speaker_id = ? order by date desc nulls last, article_id, start",
                         [speaker["id"]])
    )
    charts = statement_charts(statements)  # every kind: the kind chart shows what the page leaves out
    statements, kind_choice = select_kinds(request, statements)
    _decorate(datasette, database, statements)
    context = {
        "database": database,
        "speaker": speaker,
        "kind_choice": kind_choice,
        "statements": statements,
        "roles": _counts([s.get("role") for s in statements]),
        "organisations": _organisations_seen(statements),
        "outlets": _counts([s.get("outlet") for s in statements]),
        "timeline": _timeline(statements),
        **_date_range(statements),
        "charts": charts,
        "export": export_links(datasette, database, speaker_id=speaker["id"], **_kinds_arg(kind_choice)),
        "table_url": _table_url(datasette, database, "statements_view", speaker_id=speaker["id"],
                                **kind_choice["table_filter"]),
        "row_url": datasette.urls.row(database, "speakers", tilde_encode(str(speaker["id"]))),
    }
    return await _render(datasette, request, "attrib_speaker.html", context)


def organisation_relation(st: Mapping[str, Any], org: Mapping[str, Any]) -> str:
    """"own", "people" or "relayed": how statement ``st`` relates to organisation ``org``.

    Same precedence as the ``statements_by_organisation`` canned query: the
    organisation speaking as itself, then one of its people, then relayed.
    """
    if st.get("speaker_kind") == "organisation" and (
        st.get("speaker") == org["name"] or st.get("organisation_id") == org["id"]
    ):
        return "own"
    if st.get("organisation_id") == org["id"]:
        return "people"
    return "relayed"


def _people(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who spoke in ``statements`` (name, kind, page URL, roles, count), most frequent first."""
    people: dict[tuple[Any, Any], dict[str, Any]] = {}
    for st in statements:
        name = st.get("speaker") or st.get("speaker_text") or "(unnamed)"
        entry = people.setdefault(
            (name, st.get("speaker_kind")),
            {"name": name, "kind": st.get("speaker_kind"), "url": st["speaker_url"], "roles": Counter(),
             "count": 0},
        )
        entry["count"] += 1
        if st.get("role"):
            entry["roles"][st["role"]] += 1
    return sorted(people.values(), key=lambda p: (-p["count"], str(p["name"])))


async def organisation_view(datasette: Any, request: Request) -> Response:
    """What an organisation said, what its people said and what it relayed."""
    database, db = await _database(datasette, request)
    org_id = tilde_decode(request.url_vars["organisation_id"])
    org = await _one(db, "select * from organisations where id = ?", org_id, "Organisation")
    statements = _rows(
        await db.execute(
            STATEMENT_SELECT
            + """ where organisation_id = :id or reported_by_id = :id
                  or (speaker_record_kind = 'organisation' and speaker = :name)
                  order by date desc nulls last, article_id, start""",
            {"id": org["id"], "name": org["name"]},
        )
    )
    charts = statement_charts(statements)
    statements, kind_choice = select_kinds(request, statements)
    _decorate(datasette, database, statements)
    groups: dict[str, list[dict[str, Any]]] = {"own": [], "people": [], "relayed": []}
    for st in statements:
        groups[organisation_relation(st, org)].append(st)
    context = {
        "database": database,
        "organisation": org,
        "kind_choice": kind_choice,
        "own": groups["own"],
        "people_statements": groups["people"],
        "relayed": groups["relayed"],
        "people": _people(groups["people"] + groups["own"]),
        "n_statements": len(statements),
        **_date_range(statements),
        "charts": charts,
        "export": export_links(datasette, database, organisation_id=org["id"], **_kinds_arg(kind_choice)),
        "table_url": _table_url(datasette, database, "statements_view", organisation_id=org["id"],
                                **kind_choice["table_filter"]),
        "relayed_url": _table_url(datasette, database, "statements_view", reported_by_id=org["id"],
                                  **kind_choice["table_filter"]),
        "row_url": datasette.urls.row(database, "organisations", tilde_encode(str(org["id"]))),
    }
    return await _render(datasette, request, "attrib_organisation.html", context)

