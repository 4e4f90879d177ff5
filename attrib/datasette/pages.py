"""The plugin's pages: article view, statement redirect, speaker, organisation and claim pages.

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

import json
import time
import urllib.parse
import weakref
from collections import Counter
from collections.abc import Mapping
from typing import Any

from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import BadRequest, NotFound, Request, Response

from ..types import STATEMENT_KINDS, parse_kinds
from .charts import bar_chart, timeline_chart_of
from .export import export_links
from .highlight import highlight_article, statement_summary
from .reviewing import review_context
from .urls import article_url, claim_url, organisation_url, speaker_url

#: Tables whose presence marks a database as an attrib database.
ATTRIB_TABLES = frozenset({"articles", "statements", "speakers", "organisations"})

#: Statement rows for the pages: every column of the view (offsets, names, dates).
STATEMENT_SELECT = "select * from statements_view"

_attrib_db_cache: weakref.WeakKeyDictionary[Any, dict[str, tuple[bool, float]]] = weakref.WeakKeyDictionary()


def known_attrib_database(datasette: Any, database: str | None) -> bool:
    """True when :func:`is_attrib_database` has already found ``database`` to be an attrib one (no
    query: for ``render_cell``, called for every cell of a page)."""
    try:
        hit = _attrib_db_cache.get(datasette, {}).get(database)
    except TypeError:
        return False
    return bool(hit and hit[0])


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
        st["claim_url"] = claim_url(datasette, database, st["claim_id"]) if st.get("claim_id") is not None else None
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


#: Statements per page on the speaker and organisation pages (``?page=2`` for the next ones).
PAGE_SIZE = 100

#: The statements of ``{where}`` (alias ``s``) of the kinds in ``:kinds`` (a JSON list).
_OF_KINDS = " and coalesce(s.kind, 'speech') in (select value from json_each(:kinds))"


def _page_number(request: Request) -> int:
    """``?page=`` (1 when absent); a 400 for one that is not a positive number."""
    raw = request.args.get("page") or "1"
    try:
        page = int(raw)
    except ValueError:
        raise BadRequest(f"page must be a positive number, not {raw!r}") from None
    if page < 1:
        raise BadRequest("page must be a positive number")
    return page


def _paging(request: Request, page: int, total: int) -> dict[str, Any]:
    """What the templates need to link to the pages before and after this one (relative links)."""
    n_pages = max(1, -(-total // PAGE_SIZE))

    def url(n: int) -> str:
        args = [(k, v) for k, v in urllib.parse.parse_qsl(request.query_string, keep_blank_values=True) if k != "page"]
        return "?" + urllib.parse.urlencode(args + ([("page", str(n))] if n > 1 else []))

    return {"page": page, "n_pages": n_pages, "total": total, "first": (page - 1) * PAGE_SIZE + 1,
            "last": min(total, page * PAGE_SIZE),
            "prev_url": url(page - 1) if page > 1 else None, "next_url": url(page + 1) if page < n_pages else None}


async def _grouped(db: Any, expr: str, where: str, params: dict[str, Any], join: str = "") -> list[tuple[Any, int]]:
    """(value of ``expr``, count) over the statements ``where`` selects, most frequent first."""
    rows = await db.execute(
        f"select {expr} as value, count(*) as n from statements s {join} where {where} group by 1 order by 2 desc, 1",
        params)
    return [(r["value"], r["n"]) for r in rows.rows]


def _kind_choice(request: Request, by_kind: list[tuple[Any, int]]) -> dict[str, Any]:
    """:func:`select_kinds` from counts per kind (worked out in SQL) instead of the rows."""
    _, choice = select_kinds(request, [])
    hidden = Counter({k or "speech": n for k, n in by_kind if (k or "speech") not in choice["kinds"]})
    choice["hidden"] = hidden.most_common()
    choice["n_hidden"] = sum(hidden.values())
    return choice


async def _statement_summary(db: Any, where: str, params: dict[str, Any]) -> dict[str, Any]:
    """Counts of the statements ``where`` selects, in SQL: per kind (every kind: the kind chart
    shows what a page leaves out), per month and outlet (the charts), and the date range of
    the kinds shown (``where`` with :data:`_OF_KINDS`)."""
    by_kind = await _grouped(db, "coalesce(s.kind, 'speech')", where, params)
    months = await _grouped(db, "substr(s.published, 1, 7)", where, params)
    outlets = await _grouped(db, "a.outlet", where, params, join="left join articles a on a.id = s.article_id")
    shown = where + _OF_KINDS
    r = (await db.execute(f"select count(*), min(s.published), max(s.published), sum(s.published is null) "
                          f"from statements s where {shown}", params)).first()
    charts = {"time": timeline_chart_of(months), "outlet": bar_chart(outlets, "Statements by outlet"),
              "kind": bar_chart(by_kind, "Statements by kind")}
    return {"by_kind": by_kind, "charts": charts, "n_shown": r[0],
            "range": {"first_date": r[1], "last_date": r[2], "n_undated": r[3] or 0}}


#: A speaker's statements of the kinds whose bits are in ``:mask`` (m016's summary rows ``c``).
_OF_MASK = ("c.n_speech * (:mask & 1 > 0) + c.n_belief * (:mask & 2 > 0) + c.n_intention * (:mask & 4 > 0) "
            "+ c.n_evidence * (:mask & 8 > 0)")
_ALL_KINDS = "c.n_speech + c.n_belief + c.n_intention + c.n_evidence"


async def _speaker_summary(db: Any, params: dict[str, Any], kinds: tuple[str, ...]) -> dict[str, Any]:
    """:func:`_statement_summary` of one speaker, from m016's summary tables (a few rows per outlet
    and one per article instead of every statement); the same counts and dates."""
    p = {**params, "mask": sum(1 << i for i, k in enumerate(STATEMENT_KINDS) if k in kinds)}
    sums = (await db.execute(
        "select sum(c.n_speech), sum(c.n_belief), sum(c.n_intention), sum(c.n_evidence), "
        f"sum({_OF_MASK}), min(case when c.kinds & :mask then c.first_published end), "
        "max(case when c.kinds & :mask then c.last_published end) "
        "from speaker_outlet_counts c where c.speaker_id = :id", p)).first()
    by_kind = sorted(((k, n) for k, n in zip(STATEMENT_KINDS, sums[:4], strict=True) if n),
                     key=lambda kn: (-kn[1], kn[0]))
    month_rows = (await db.execute(f"select case when c.undated then null else c.month end, {_ALL_KINDS}, "
                                   f"c.undated, {_OF_MASK} from speaker_months c where c.speaker_id = :id", p)).rows
    months = [(r[0], r[1]) for r in month_rows]
    undated = sum(r[3] for r in month_rows if r[2])
    outlets = [(r[0], r[1]) for r in (await db.execute(
        f"select case when c.outlet_null then null else c.outlet end, sum({_ALL_KINDS}) as n "
        "from speaker_outlet_counts c where c.speaker_id = :id group by c.outlet, c.outlet_null", p)).rows]
    outlets.sort(key=lambda on: (-on[1], on[0] is not None, on[0] or ""))
    charts = {"time": timeline_chart_of(months), "outlet": bar_chart(outlets, "Statements by outlet"),
              "kind": bar_chart(by_kind, "Statements by kind")}
    shown_outlets = [(r[0], r[1]) for r in (await db.execute(
        f"select c.outlet, sum({_OF_MASK}) as n from speaker_outlet_counts c where c.speaker_id = :id "
        "and not c.outlet_null and c.outlet != '' group by c.outlet having n > 0 order by n desc, c.outlet", p)).rows]
    return {"by_kind": by_kind, "charts": charts, "n_shown": sums[4] or 0, "outlets": shown_outlets, "params": p,
            "range": {"first_date": sums[5], "last_date": sums[6], "n_undated": undated or 0}}


async def _page_of(db: Any, where: str, params: dict[str, Any], page: int, order: str) -> list[dict[str, Any]]:
    """One page of the statements ``where`` selects (alias ``s`` of ``statements``), as view rows."""
    return _rows(await db.execute(
        f"{STATEMENT_SELECT} where statement_rowid in (select s.rowid from statements s where {where} "
        f"order by {order} limit {PAGE_SIZE} offset {(page - 1) * PAGE_SIZE}) "
        f"order by date desc nulls last, article_id, start", params))


async def speaker_view(datasette: Any, request: Request) -> Response:
    """A speaker's statements in date order, a page at a time, with the roles, organisations and
    outlets seen with them (every count in SQL)."""
    database, db = await _database(datasette, request)
    speaker_id = tilde_decode(request.url_vars["speaker_id"])
    if (await db.execute("select 1 from speakers where id = ?", [speaker_id])).first() is None:
        moved = (await db.execute("select speaker_id from speaker_redirects where old_id = ?", [speaker_id])).first()
        if moved is not None:  # merged into another speaker: its old URL leads there
            return Response.redirect(speaker_url(datasette, database, moved[0]))
    speaker = await _one(db, "select * from speakers where id = ?", speaker_id, "Speaker")
    page = _page_number(request)
    kinds = _requested_kinds(request)
    params = {"id": speaker["id"], "kinds": json.dumps(list(kinds))}
    where = "s.speaker_id = :id"
    summary = await _speaker_summary(db, params, kinds)
    shown = where + _OF_KINDS
    statements = await _page_of(db, shown, params, page, "s.published desc, s.article_id, s.start")
    kind_choice = _kind_choice(request, summary["by_kind"])
    _decorate(datasette, database, statements)
    orgs = [(r[0], r[1]) for r in (await db.execute(
        f"select c.organisation_id, sum({_OF_MASK}) as n from speaker_role_counts c where c.speaker_id = :id "
        "and c.organisation_id != 0 group by 1 having n > 0 order by 2 desc, 1", summary["params"])).rows]
    names = {r["id"]: r["name"] for r in (await db.execute(
        "select id, name from organisations where id in (select value from json_each(?))",
        [json.dumps([o for o, _ in orgs])])).rows}
    outlets = summary["outlets"]
    context = {
        "database": database,
        "speaker": speaker,
        **await _identity_of(datasette, database, db, speaker["id"]),
        "kind_choice": kind_choice,
        "statements": statements,
        "n_statements": summary["n_shown"],
        "paging": _paging(request, page, summary["n_shown"]),
        "organisations": sorted(
            ({"name": names.get(o), "url": organisation_url(datasette, database, o), "count": n} for o, n in orgs),
            key=lambda o: (-o["count"], str(o["name"]))),
        "outlets": outlets,
        **summary["range"],
        "charts": summary["charts"],
        "export": export_links(datasette, database, speaker_id=speaker["id"], **_kinds_arg(kind_choice)),
        "table_url": _table_url(datasette, database, "statements_view", speaker_id=speaker["id"],
                                **kind_choice["table_filter"]),
        "row_url": datasette.urls.row(database, "speakers", tilde_encode(str(speaker["id"]))),
    }
    return await _render(datasette, request, "attrib_speaker.html", context)


async def _identity_of(datasette: Any, database: str, db: Any, speaker_id: int) -> dict[str, Any]:
    """The names a speaker was given across articles (with article counts) and its roles and
    organisations over time (first and last publication date), for the speaker page."""
    aliases = (await db.execute(
        "select alias, n_articles from speaker_alias_counts where speaker_id = ? order by n_articles desc, alias "
        "limit 50", [speaker_id])).rows
    roles = _rows(await db.execute(
        "select role, organisation, organisation_id, first_published, last_published, n_statements "
        "from speaker_roles where speaker_id = ? order by first_published is null, first_published, role "
        "limit 50", [speaker_id]))
    for r in roles:
        r["organisation_url"] = (organisation_url(datasette, database, r["organisation_id"])
                                 if r["organisation_id"] is not None else None)
    return {"aliases": [(a, n) for a, n in aliases], "roles_over_time": roles}


def _kinds_arg(kind_choice: dict[str, Any]) -> dict[str, str]:
    """The ``kinds`` argument that asks an export for the kinds a page shows."""
    return {} if kind_choice["default"] else {"kinds": "all" if kind_choice["all"] else ",".join(kind_choice["kinds"])}


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


#: How a statement (alias ``s``, its speaker ``sp``) relates to organisation ``:id`` named ``:name``:
#: the same precedence as :func:`organisation_relation` and the ``statements_by_organisation`` query.
_RELATION = """case
  when s.speaker_kind = 'organisation' and (sp.name = :name or s.organisation_id = :id) then 'own'
  when s.organisation_id = :id then 'people' else 'relayed' end"""

#: The statements an organisation page shows: its own, its people's and those it relayed.
_OF_ORGANISATION = ("(s.organisation_id = :id or s.reported_by_id = :id or s.speaker_id in "
                    "(select id from speakers where kind = 'organisation' and name = :name))")


async def _people(datasette: Any, database: str, db: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Who spoke for the organisation (its own statements and its people's: name, kind, page URL,
    roles, count), most frequent first; counted in SQL."""
    rows = await db.execute(
        f"""select coalesce(sp.name, s.speaker_text, '(unnamed)') as name, s.speaker_kind as kind,
                   min(s.speaker_id) as speaker_id, s.role as role, count(*) as n
            from statements s left join speakers sp on sp.id = s.speaker_id
            where {_OF_ORGANISATION + _OF_KINDS} and {_RELATION} != 'relayed'
            group by 1, 2, 4""", params)
    people: dict[tuple[Any, Any], dict[str, Any]] = {}
    for r in rows.rows:
        sid = r["speaker_id"]
        entry = people.setdefault((r["name"], r["kind"]), {
            "name": r["name"], "kind": r["kind"], "roles": Counter(), "count": 0,
            "url": speaker_url(datasette, database, sid) if sid is not None else None})
        entry["count"] += r["n"]
        if r["role"]:
            entry["roles"][r["role"]] += r["n"]
    return sorted(people.values(), key=lambda p: (-p["count"], str(p["name"])))


async def organisation_view(datasette: Any, request: Request) -> Response:
    """What an organisation said, what its people said and what it relayed, a page at a time."""
    database, db = await _database(datasette, request)
    org_id = tilde_decode(request.url_vars["organisation_id"])
    org = await _one(db, "select * from organisations where id = ?", org_id, "Organisation")
    page = _page_number(request)
    kinds = _requested_kinds(request)
    params = {"id": org["id"], "name": org["name"], "kinds": json.dumps(list(kinds))}
    summary = await _statement_summary(db, _OF_ORGANISATION, params)
    shown = _OF_ORGANISATION + _OF_KINDS
    relation_counts = dict(await _grouped(db, _RELATION, shown, params,
                                          join="left join speakers sp on sp.id = s.speaker_id"))
    statements = await _page_of(db, shown, params, page, "s.published desc, s.article_id, s.start")
    kind_choice = _kind_choice(request, summary["by_kind"])
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
        "n_own": relation_counts.get("own", 0),
        "n_people": relation_counts.get("people", 0),
        "n_relayed": relation_counts.get("relayed", 0),
        "people": await _people(datasette, database, db, params),
        "n_statements": summary["n_shown"],
        "paging": _paging(request, page, summary["n_shown"]),
        **summary["range"],
        "charts": summary["charts"],
        "export": export_links(datasette, database, organisation_id=org["id"], **_kinds_arg(kind_choice)),
        "table_url": _table_url(datasette, database, "statements_view", organisation_id=org["id"],
                                **kind_choice["table_filter"]),
        "relayed_url": _table_url(datasette, database, "statements_view", reported_by_id=org["id"],
                                  **kind_choice["table_filter"]),
        "row_url": datasette.urls.row(database, "organisations", tilde_encode(str(org["id"]))),
    }
    return await _render(datasette, request, "attrib_organisation.html", context)


async def claim_view(datasette: Any, request: Request) -> Response:
    """Every appearance of one claim (statements of every kind), earliest publication first, a page at
    a time, with its first appearance, the outlets and speakers that carried it (counted in SQL) and
    the statements only suggested as the same claim."""
    database, db = await _database(datasette, request)
    claim_id = tilde_decode(request.url_vars["claim_id"])
    claim = await _one(db, "select * from claims where id = ?", claim_id, "Claim")
    page = _page_number(request)
    params = {"id": claim["id"]}
    statements = _decorate(datasette, database, _rows(await db.execute(
        f"{STATEMENT_SELECT} where statement_rowid in (select s.rowid from statements s where s.claim_id = :id "
        f"order by s.published is null, s.published, s.article_id, s.start limit {PAGE_SIZE} "
        f"offset {(page - 1) * PAGE_SIZE}) order by date is null, date, article_id, start", params)))
    outlets = _rows(await db.execute(
        "select a.outlet as outlet, count(*) as n, min(s.published) as first_date from statements s "
        "left join articles a on a.id = s.article_id where s.claim_id = :id "
        "group by a.outlet order by first_date is null, first_date, outlet", params))
    speakers = _rows(await db.execute(
        "select speaker_id, speaker, speaker_kind, n_statements from claim_speakers where claim_id = :id "
        "order by n_statements desc, speaker", params))
    for sp in speakers:
        sp["url"] = speaker_url(datasette, database, sp["speaker_id"])
    suggested = _decorate(datasette, database, _rows(await db.execute(
        f"select v.*, cs.score as suggestion_score, cs.reason as suggestion_reason from "
        f"(select statement_id, max(score) as score, min(reason) as reason from claim_suggestions "
        f"where claim_id = :id group by statement_id) cs "
        f"join ({STATEMENT_SELECT}) v on v.id = cs.statement_id where v.claim_id is not :id "
        f"order by cs.score desc, v.id limit 20", params)))
    first = (await db.execute(f"{STATEMENT_SELECT} where id = ?", [claim["first_statement_id"]])).first()
    context = {
        "database": database,
        "claim": claim,
        "first": _decorate(datasette, database, [dict(first)])[0] if first else None,
        "statements": statements,
        "paging": _paging(request, page, claim["n_statements"] or 0),
        "outlets": outlets,
        "speakers": speakers,
        "suggested": suggested,
        "table_url": _table_url(datasette, database, "statements_view", claim_id=claim["id"]),
        "row_url": datasette.urls.row(database, "claims", tilde_encode(str(claim["id"]))),
    }
    return await _render(datasette, request, "attrib_claim.html", context)
