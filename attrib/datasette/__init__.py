"""Datasette plugin: pages and links that make an attrib database usable for fact-checking.

Registered through the ``datasette`` entry point in ``pyproject.toml``, so it is
active whenever ``attrib`` is installed next to Datasette.  It adds:

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

Path segments are tilde-encoded like Datasette's own URLs.  Article text and
every stored value are untrusted and escaped everywhere.  The page templates
are ``attrib_*.html`` in ``db/templates`` of the repository; a
``--template-dir`` with templates of the same names overrides them.
"""

from __future__ import annotations

import json
import time
import urllib.parse
import weakref
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Request, Response
from markupsafe import Markup, escape

#: Templates of the plugin's pages (``attrib_article.html`` etc.).
TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "db" / "templates"

#: Tables whose presence marks a database as an attrib database.
ATTRIB_TABLES = frozenset({"articles", "statements", "speakers", "organisations"})

STATEMENT_TABLES = ("statements", "statements_view")

_MISSING = object()


# --------------------------------------------------------------------------- URLs


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


# ------------------------------------------------------------------ highlighting


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    part: str  # "content", "cue" or "speaker"
    statement: str


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def _clip(start: Any, end: Any, n: int) -> tuple[int, int] | None:
    s, e = _as_int(start), _as_int(end)
    if s is None or e is None:
        return None
    s, e = max(0, min(n, s)), max(0, min(n, e))
    return (s, e) if s < e else None


def _content_spans(st: Mapping[str, Any], n: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    raw = st.get("content_spans")
    try:
        parsed = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        parsed = None
    if isinstance(parsed, (list, tuple)):
        for item in parsed:
            if isinstance(item, (list, tuple)) and len(item) == 2:
                span = _clip(item[0], item[1], n)
                if span:
                    spans.append(span)
    if not spans:
        span = _clip(st.get("start"), st.get("end"), n)
        if span:
            spans.append(span)
    return sorted(spans)


def _fmt_confidence(value: Any) -> str:
    try:
        return f"{float(value):.2f}"
    except (TypeError, ValueError):
        return "?"


def statement_summary(st: Mapping[str, Any]) -> str:
    """One line describing a statement's speaker, role, organisation and confidence (plain text)."""
    speaker = st.get("speaker_name") or st.get("speaker") or st.get("speaker_text") or "unknown speaker"
    kind = st.get("speaker_kind")
    parts = [f"{speaker} ({kind})" if kind else str(speaker)]
    if st.get("role"):
        parts.append(f"role: {st['role']}")
    org = st.get("organisation_name") or st.get("organisation")
    if org:
        parts.append(f"organisation: {org}")
    relay = st.get("reported_by_name") or st.get("reported_by")
    if relay:
        parts.append(f"reported by: {relay}")
    if st.get("type"):
        parts.append(str(st["type"]))
    parts.append(f"confidence {_fmt_confidence(st.get('confidence'))}")
    if st.get("rule"):
        parts.append(f"rule {st['rule']}")
    return " · ".join(parts)


_PART_LABEL = {"content": "statement", "cue": "cue", "speaker": "speaker"}


def highlight_article(
    text: str | None, statements: Sequence[Mapping[str, Any]], target: str | None = None
) -> Markup:
    """HTML of ``text`` with the content, cue and speaker spans of ``statements`` marked.

    ``statements`` are rows with at least ``id`` and the offset columns of the
    ``statements`` table (``content_spans`` or ``start``/``end``, ``cue_start``/
    ``cue_end``, ``speaker_start``/``speaker_end``); other columns feed the
    tooltips (see :func:`statement_summary`).  Spans may overlap or nest in any
    way: the text is cut at every span boundary and each piece becomes one
    ``<span>`` carrying the classes of all spans covering it
    (``attrib-content``, ``attrib-cue``, ``attrib-speaker``, plus
    ``attrib-target`` for the statement ``target``).  Each statement gets an
    empty ``<span id="s-{id}">`` anchor where its content starts.  Offsets out
    of range are clipped, empty or malformed ones ignored; every piece of text
    and attribute is escaped.
    """
    text = text if isinstance(text, str) else ""
    n = len(text)
    marks: list[_Mark] = []
    anchors: dict[int, list[str]] = {}
    info: dict[str, Mapping[str, Any]] = {}
    extent: dict[str, int] = {}
    for st in statements:
        sid = st.get("id")
        if sid in (None, ""):
            continue
        sid = str(sid)
        if sid in info:
            continue
        info[sid] = st
        spans = _content_spans(st, n)
        for s, e in spans:
            marks.append(_Mark(s, e, "content", sid))
        for part, a, b in (("cue", "cue_start", "cue_end"), ("speaker", "speaker_start", "speaker_end")):
            span = _clip(st.get(a), st.get(b), n)
            if span:
                marks.append(_Mark(span[0], span[1], part, sid))
        extent[sid] = sum(e - s for s, e in spans) if spans else n + 1
        first = spans[0][0] if spans else _as_int(st.get("start"))
        anchors.setdefault(max(0, min(n, first if first is not None else 0)), []).append(sid)

    # Every span start and end is a boundary, so a span covers the piece
    # [a, next boundary) exactly when start <= a < end: sweep left to right.
    bounds = sorted({0, n, *anchors, *(m.start for m in marks), *(m.end for m in marks)})
    by_start = sorted(marks, key=lambda m: m.start)
    j = 0
    active: list[_Mark] = []
    out: list[str] = []
    for i, a in enumerate(bounds):
        for sid in anchors.get(a, ()):
            out.append(f'<span class="attrib-anchor" id="s-{escape(sid)}"></span>')
        if i + 1 == len(bounds):
            break
        while j < len(by_start) and by_start[j].start <= a:
            active.append(by_start[j])
            j += 1
        active = [m for m in active if m.end > a]
        piece = escape(text[a : bounds[i + 1]])
        if not active:
            out.append(str(piece))
            continue
        out.append(str(_segment(piece, active, info, extent, target)))
    return Markup("".join(out))


def _segment(
    piece: Markup,
    active: list[_Mark],
    info: Mapping[str, Mapping[str, Any]],
    extent: Mapping[str, int],
    target: str | None,
) -> Markup:
    parts = {m.part for m in active}
    # innermost statement first: the one whose content is shortest
    sids = sorted({m.statement for m in active}, key=lambda s: (extent.get(s, 0), s))
    classes = [f"attrib-{p}" for p in ("content", "cue", "speaker") if p in parts]
    depth = len({m.statement for m in active if m.part == "content"})
    if depth > 1:
        classes.append("attrib-nested")
    if target is not None and target in sids:
        classes.append("attrib-target")
    lines = []
    for sid in sids:
        own = [_PART_LABEL[p] for p in ("content", "cue", "speaker") if any(
            m.statement == sid and m.part == p for m in active)]
        lines.append(f"{' + '.join(own)}: {statement_summary(info[sid])}")
    return Markup(
        '<span class="{}" data-statement="{}" data-statements="{}" title="{}">{}</span>'
    ).format(" ".join(classes), sids[0], " ".join(sids), "\n".join(lines), piece)


# ------------------------------------------------------------------- render_cell

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


def _col(row: Any, key: str) -> Any:
    """``row[key]`` (the plain value of an expanded foreign key), or ``_MISSING``."""
    try:
        keys = row.keys()
    except AttributeError:
        return _MISSING
    if key not in keys:
        return _MISSING
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
    if title:
        return Markup('<a href="{}" title="{}">{}</a>').format(href, title, text)
    return Markup('<a href="{}">{}</a>').format(href, text)


def _cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | None:
    raw, label = _split_fk(value)
    if raw in (None, ""):
        return None
    shown = label if label not in (None, "") else raw
    if table in STATEMENT_TABLES or table is None:
        if column == "content":
            sid = _col(row, "id") if table else _col(row, "statement_id")
            if table is None and not _present(sid) and _present(_col(row, "article_id")):
                sid = _col(row, "id")
            if not _present(sid):
                return None
            aid = _col(row, "article_id")
            href = article_url(datasette, database, aid, sid) if _present(aid) else statement_url(
                datasette, database, sid)
            return _link(href, raw, "Show this statement highlighted in its article")
        if column == "id" and table == "statements_view" and _present(_col(row, "article_id")):
            return _link(article_url(datasette, database, _col(row, "article_id"), raw), raw,
                         "Show this statement highlighted in its article")
        if column == "article_id":
            return _link(article_url(datasette, database, raw), shown, "Open the article view")
        if column == "article_title" and _present(_col(row, "article_id")):
            return _link(article_url(datasette, database, _col(row, "article_id")), raw)
        if column == "speaker_id" and table == "statements":
            return _link(speaker_url(datasette, database, raw), shown, "Speaker page")
        if column in ("organisation_id", "reported_by_id") and table == "statements":
            return _link(organisation_url(datasette, database, raw), shown, "Organisation page")
        if column == "speaker" and _present(_col(row, "speaker_id")):
            return _link(speaker_url(datasette, database, _col(row, "speaker_id")), raw)
        if column in ("organisation", "reported_by") and _present(_col(row, f"{column}_id")):
            return _link(organisation_url(datasette, database, _col(row, f"{column}_id")), raw)
        return None
    if table == "articles" and column == "title" and _present(_col(row, "id")):
        return _link(article_url(datasette, database, _col(row, "id")), raw, "Open the article view")
    if table == "speakers" and column == "name" and _present(_col(row, "id")):
        return _link(speaker_url(datasette, database, _col(row, "id")), raw, "Speaker page")
    if table == "organisations" and column == "name" and _present(_col(row, "id")):
        return _link(organisation_url(datasette, database, _col(row, "id")), raw, "Organisation page")
    return None


_LINKED_COLUMNS = frozenset(
    {"id", "content", "article_id", "article_title", "speaker", "speaker_id", "organisation",
     "organisation_id", "reported_by", "reported_by_id", "title", "name"}
)


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    """Link statement, article, speaker and organisation cells to the plugin's pages."""
    if column not in _LINKED_COLUMNS or value in (None, ""):
        return None

    async def inner() -> Markup | None:
        if not await is_attrib_database(datasette, database):
            return None
        try:
            return _cell(row, value, column, table, database, datasette)
        except (KeyError, IndexError, TypeError, ValueError):
            return None

    return inner


# ------------------------------------------------------------------------ pages

STATEMENT_SELECT = """
select
  s.*,
  sp.name as speaker_name, sp.kind as speaker_record_kind,
  o.name as organisation_name, rb.name as reported_by_name,
  a.title as article_title, a.outlet, a.published, a.ingested_at,
  coalesce(a.published, a.ingested_at) as date
from statements s
join articles a on a.id = s.article_id
left join speakers sp on sp.id = s.speaker_id
left join organisations o on o.id = s.organisation_id
left join organisations rb on rb.id = s.reported_by_id
"""


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
        await db.execute(STATEMENT_SELECT + " where s.article_id = ? order by s.start, s.end, s.id",
                         [article_id])
    )
    _decorate(datasette, database, statements)
    target = request.args.get("statement") or None
    selected = next((s for s in statements if s["id"] == target), None)
    context = {
        "database": database,
        "article": article,
        "article_url_safe": _safe_url(article.get("url")),
        "article_row_url": datasette.urls.row(database, "articles", tilde_encode(article_id)),
        "statements_table_url": datasette.urls.table(database, "statements_view")
        + "?"
        + urllib.parse.urlencode({"article_id": article_id}),
        "highlighted": highlight_article(article.get("text"), statements, target if selected else None),
        "statements": statements,
        "selected": selected,
        "target": target,
        "target_missing": bool(target) and selected is None,
    }
    return await _render(datasette, request, "attrib_article.html", context)


async def statement_redirect(datasette: Any, request: Request) -> Response:
    """Redirect a statement id to the statement highlighted in its article."""
    database, db = await _database(datasette, request)
    sid = tilde_decode(request.url_vars["statement_id"])
    row = await _one(db, "select article_id from statements where id = ?", sid, "Statement")
    return Response.redirect(article_url(datasette, database, row["article_id"], sid))


def _counts(values: list[Any]) -> list[tuple[Any, int]]:
    return Counter(v for v in values if v not in (None, "")).most_common()


def _timeline(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    months = Counter(str(s.get("date") or "")[:7] or "unknown" for s in statements)
    peak = max(months.values(), default=1)
    return [{"month": m, "count": c, "width": round(100 * c / peak)} for m, c in sorted(months.items())]


async def speaker_view(datasette: Any, request: Request) -> Response:
    """A speaker's statements in date order, with the roles and organisations seen with them."""
    database, db = await _database(datasette, request)
    speaker_id = tilde_decode(request.url_vars["speaker_id"])
    speaker = await _one(db, "select * from speakers where id = ?", speaker_id, "Speaker")
    statements = _rows(
        await db.execute(STATEMENT_SELECT + " where s.speaker_id = ? order by date, s.article_id, s.start",
                         [speaker["id"]])
    )
    _decorate(datasette, database, statements)
    orgs: dict[Any, dict[str, Any]] = {}
    for st in statements:
        if st.get("organisation_id"):
            entry = orgs.setdefault(
                st["organisation_id"],
                {"name": st["organisation_name"], "url": st["organisation_url"], "count": 0},
            )
            entry["count"] += 1
    context = {
        "database": database,
        "speaker": speaker,
        "statements": statements,
        "roles": _counts([s.get("role") for s in statements]),
        "organisations": sorted(orgs.values(), key=lambda o: (-o["count"], str(o["name"]))),
        "outlets": _counts([s.get("outlet") for s in statements]),
        "timeline": _timeline(statements),
        "first_date": statements[0]["date"] if statements else None,
        "last_date": statements[-1]["date"] if statements else None,
        "table_url": datasette.urls.table(database, "statements_view")
        + "?"
        + urllib.parse.urlencode({"speaker_id": speaker["id"]}),
        "row_url": datasette.urls.row(database, "speakers", tilde_encode(str(speaker["id"]))),
    }
    return await _render(datasette, request, "attrib_speaker.html", context)


def organisation_relation(st: Mapping[str, Any], org: Mapping[str, Any]) -> str:
    """"own", "people" or "relayed": how statement ``st`` relates to organisation ``org``.

    Same precedence as the ``statements_by_organisation`` canned query: the
    organisation speaking as itself, then one of its people, then relayed.
    """
    if st.get("speaker_kind") == "organisation" and (
        st.get("speaker_name") == org["name"] or st.get("organisation_id") == org["id"]
    ):
        return "own"
    if st.get("organisation_id") == org["id"]:
        return "people"
    return "relayed"


async def organisation_view(datasette: Any, request: Request) -> Response:
    """What an organisation said, what its people said and what it relayed."""
    database, db = await _database(datasette, request)
    org_id = tilde_decode(request.url_vars["organisation_id"])
    org = await _one(db, "select * from organisations where id = ?", org_id, "Organisation")
    statements = _rows(
        await db.execute(
            STATEMENT_SELECT
            + """ where s.organisation_id = :id or s.reported_by_id = :id
                  or s.speaker_id in (select id from speakers where kind = 'organisation' and name = :name)
                  order by date, s.article_id, s.start""",
            {"id": org["id"], "name": org["name"]},
        )
    )
    _decorate(datasette, database, statements)
    groups: dict[str, list[dict[str, Any]]] = {"own": [], "people": [], "relayed": []}
    for st in statements:
        groups[organisation_relation(st, org)].append(st)
    people: dict[tuple[Any, Any], dict[str, Any]] = {}
    for st in groups["people"] + groups["own"]:
        name = st.get("speaker_name") or st.get("speaker_text") or "(unnamed)"
        entry = people.setdefault(
            (name, st.get("speaker_kind")),
            {"name": name, "kind": st.get("speaker_kind"), "url": st["speaker_url"], "roles": Counter(),
             "count": 0},
        )
        entry["count"] += 1
        if st.get("role"):
            entry["roles"][st["role"]] += 1
    context = {
        "database": database,
        "organisation": org,
        "own": groups["own"],
        "people_statements": groups["people"],
        "relayed": groups["relayed"],
        "people": sorted(people.values(), key=lambda p: (-p["count"], str(p["name"]))),
        "n_statements": len(statements),
        "table_url": datasette.urls.table(database, "statements_view")
        + "?"
        + urllib.parse.urlencode({"organisation_id": org["id"]}),
        "relayed_url": datasette.urls.table(database, "statements_view")
        + "?"
        + urllib.parse.urlencode({"reported_by_id": org["id"]}),
        "row_url": datasette.urls.row(database, "organisations", tilde_encode(str(org["id"]))),
    }
    return await _render(datasette, request, "attrib_organisation.html", context)


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
def startup(datasette: Any) -> None:
    """Let Datasette find the plugin's templates even without ``--template-dir db/templates``.

    The repository's ``db/templates`` is appended to Datasette's template
    loader, after the ``--template-dir`` and Datasette's own templates, so a
    ``--template-dir`` can still override them.
    """
    from jinja2 import ChoiceLoader, FileSystemLoader

    if not TEMPLATE_DIR.is_dir():
        return
    env = datasette.jinja_env
    env.loader = ChoiceLoader([env.loader, FileSystemLoader(str(TEMPLATE_DIR))])
