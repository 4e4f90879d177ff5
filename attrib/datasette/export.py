"""Exports that cite: statements as a CSV file (downloaded, not shown in the tab) or JSON.

``/-/attrib/export/{database}/statements.csv`` (or ``.json``) with any of
``speaker_id``, ``organisation_id`` (its people, itself, or relayed by it),
``article_id``, ``q`` (full text, as the search box), ``since`` / ``until``
(publication dates) and ``kinds`` (speech by default, as on the pages).
Every row carries what a citation needs: the exact quote, who said it (speaker,
role, organisation, relaying body), the article (URL, title, outlet,
publication date or "date unknown") and a link to the statement highlighted in
the article view.
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.parse
from typing import Any

from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import BadRequest, Request, Response

from ..types import STATEMENT_KINDS, parse_kinds
from .urls import article_url

#: The columns of an export, in order.
EXPORT_COLUMNS = ("quote", "speaker", "role", "organisation", "reported_by", "date", "outlet", "article_title",
                  "article_url", "highlighted_url", "kind", "type", "confidence", "statement_id", "article_id",
                  "citation")
DATE_UNKNOWN = "date unknown"
_FILTERS = ("speaker_id", "organisation_id", "article_id", "q", "since", "until", "kinds")
_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def export_links(datasette: Any, database: str, **filters: Any) -> dict[str, str]:
    """URLs of the CSV and JSON exports of the statements ``filters`` select."""
    query = urllib.parse.urlencode({k: v for k, v in filters.items() if v not in (None, "")})
    base = str(datasette.urls.path(f"/-/attrib/export/{tilde_encode(database)}/statements"))
    suffix = f"?{query}" if query else ""
    return {"csv": f"{base}.csv{suffix}", "json": f"{base}.json{suffix}"}


def fts_query(text: str) -> str:
    """Every word of ``text`` quoted for FTS5 (all must match), as the canned queries do."""
    words = re.sub(r'["\s]+', " ", text).split()
    return " ".join(f'"{w}"' for w in words)


def _where(args: Any) -> tuple[str, dict[str, Any]]:
    """The SQL condition on ``statements_view v`` for the request's filters, and its parameters."""
    clauses, params = [], {}
    for col in ("speaker_id", "article_id"):
        if args.get(col):
            clauses.append(f"v.{col} = :{col}")
            params[col] = args.get(col)
    if args.get("organisation_id"):
        clauses.append("(v.organisation_id = :org or v.reported_by_id = :org or (v.speaker_record_kind = "
                       "'organisation' and v.speaker = (select name from organisations where id = :org)))")
        params["org"] = args.get("organisation_id")
    if (args.get("q") or "").strip():
        clauses.append("v.statement_rowid in (select rowid from statements_fts where statements_fts match :q)")
        params["q"] = fts_query(args.get("q"))
    for name, op in (("since", ">="), ("until", "<=")):
        value = (args.get(name) or "").strip()
        if value:
            if not _DAY.match(value):
                raise BadRequest(f"{name} must be a date (YYYY-MM-DD), not {value!r}")
            clauses.append(f"v.date is not null and substr(v.date, 1, {len(value)}) {op} :{name}")
            params[name] = value
    try:
        kinds = parse_kinds(args.get("kinds"))
    except ValueError as e:
        raise BadRequest(str(e)) from None
    if kinds != STATEMENT_KINDS:
        clauses.append("v.kind in (select value from json_each(:kinds))")
        params["kinds"] = json.dumps(list(kinds))
    return (" where " + " and ".join(clauses)) if clauses else "", params


def _safe_url(url: Any) -> str:
    if isinstance(url, str) and urllib.parse.urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return ""


def citation(row: dict[str, Any]) -> str:
    """One line to paste into a fact-check: who, in what capacity, where and when, and the quote."""
    who = row.get("speaker") or row.get("speaker_text") or "an unnamed source"
    capacity = ", ".join(x for x in (row.get("role"), row.get("organisation")) if x)
    relay = f", as relayed by {row['reported_by']}" if row.get("reported_by") else ""
    where = ", ".join(x for x in (row.get("outlet"), f"“{row['article_title']}”" if row.get("article_title") else None,
                                  (row.get("date") or DATE_UNKNOWN)[:10], _safe_url(row.get("article_url"))) if x)
    return f"{who}{f' ({capacity})' if capacity else ''}{relay}: “{row.get('content') or ''}” ({where})"


def export_row(datasette: Any, request: Request, database: str, row: dict[str, Any]) -> dict[str, Any]:
    """One statement as an export row (``date`` is ``None`` when the article has no publication date)."""
    link = datasette.absolute_url(request, article_url(datasette, database, row["article_id"], row["id"]))
    return {
        "quote": row.get("content"), "speaker": row.get("speaker") or row.get("speaker_text"),
        "role": row.get("role"), "organisation": row.get("organisation"), "reported_by": row.get("reported_by"),
        "date": row.get("date"), "outlet": row.get("outlet"), "article_title": row.get("article_title"),
        "article_url": _safe_url(row.get("article_url")) or None, "highlighted_url": link,
        "kind": row.get("kind"), "type": row.get("type"), "confidence": row.get("confidence"),
        "statement_id": row["id"], "article_id": row["article_id"], "citation": citation(row),
    }


def to_csv(rows: list[dict[str, Any]]) -> str:
    """CSV text with a header; a missing date reads "date unknown"."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({**r, "date": r["date"] or DATE_UNKNOWN})
    return out.getvalue()


async def export_view(datasette: Any, request: Request) -> Response:
    """The statements the filters select, newest first, as ``statements.csv`` or ``statements.json``."""
    from .pages import _database

    database, db = await _database(datasette, request)
    fmt = request.url_vars["format"]
    where, params = _where(request.args)
    sql = f"select * from statements_view v{where} order by v.date desc nulls last, v.article_id, v.start"
    rows = [export_row(datasette, request, database, dict(r)) for r in (await db.execute(sql, params)).rows]
    name = "attrib-statements-" + "-".join(
        re.sub(r"[^A-Za-z0-9]+", "_", f"{k}_{request.args.get(k)}")[:40] for k in _FILTERS if request.args.get(k)
    )
    name = name.rstrip("-") or "attrib-statements"
    if fmt == "csv":
        return Response(to_csv(rows), content_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{name}.csv"'})
    body = json.dumps({"database": tilde_decode(request.url_vars["database"]), "filters": {
        k: request.args.get(k) for k in _FILTERS if request.args.get(k)}, "statements": rows}, ensure_ascii=False,
        indent=2)
    return Response(body, content_type="application/json; charset=utf-8",
                    headers={"content-disposition": f'inline; filename="{name}.json"'})
