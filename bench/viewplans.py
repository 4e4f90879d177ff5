"""What Datasette's ``statements_view`` counts and search pages cost, by plan (m015's evidence).

    python bench/viewplans.py /tmp/scale.db          # a database of ``bench/scale.py build``

Times (best and worst of 3, ms) and query plans, on the database read-only:

- **counts**: ``select count(*) from statements_view where F`` for a statement-column filter
  (``kind``, ``speaker_id``) and joined ones (the resolved speaker and organisation names, the
  outlet), on the view itself, on ``statements_view_unjoined`` (m015; statement columns only) and
  on a candidate view made here whose joined columns are scalar subqueries (not shipped: the
  outlet filter loses the index on ``articles.outlet``), and as a count of a subquery that
  returns rows (``select 1 from statements_view where ... limit -1``), where SQLite 3.40 does
  drop the left joins the filter does not use;
- **search**: the page of Datasette's view search (``statement_rowid in (select rowid from
  statements_fts where ... match ...) order by speech_then_date desc limit 101``) looking every
  match up by rowid (SQLite's own plan) or walking the sort index (``+statement_rowid``), and its
  count on the unjoined view, for a rare word, the common one and the most common one of
  ``bench/scale.py pages``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from attrib import db as dbmod  # noqa: E402

_LATEST = "(select r.{c} from reviews r where r.statement_id = s.id order by r.id desc limit 1)"
_ART = "(select a.{c} from articles a where a.id = s.article_id)"
_SP = "(select sp.{c} from speakers sp where sp.id = s.speaker_id)"
_ORG = "(select o.name from organisations o where o.id = s.{c})"


def subquery_view() -> str:
    """The candidate: :data:`attrib.db.STATEMENTS_VIEW`'s columns with every joined one a scalar subquery."""
    rv = {c: _LATEST.format(c=c) for c in ("speaker_name", "speaker_role", "speaker_organisation", "verdict",
                                           "rating", "rating_value", "best_rating", "worst_rating", "reviewer",
                                           "reviewed_at", "review_note", "review_url", "id")}
    joined = {
        "speaker": f"coalesce({rv['speaker_name']}, {_SP.format(c='name')})",
        "role": f"case when {rv['speaker_name']} is not null then {rv['speaker_role']} "
                f"else coalesce({rv['speaker_role']}, s.role) end",
        "organisation": f"case when {rv['speaker_name']} is not null then {rv['speaker_organisation']} "
                        f"else coalesce({rv['speaker_organisation']}, {_ORG.format(c='organisation_id')}) end",
        "outlet": _ART.format(c="outlet"), "article_title": _ART.format(c="title"),
        "reported_by": _ORG.format(c="reported_by_id"), "article_url": _ART.format(c="url"),
        "ingested_at": _ART.format(c="ingested_at"), "updated_at": _ART.format(c="updated_at"),
        "speaker_record_kind": _SP.format(c="kind"), "extracted_speaker": _SP.format(c="name"),
        "extracted_organisation": _ORG.format(c="organisation_id"), "review_id": rv["id"],
        **{c: rv[c] for c in ("verdict", "rating", "rating_value", "best_rating", "worst_rating", "reviewer",
                              "reviewed_at", "review_note", "review_url")},
    }
    items = [f"{joined.get(name, expr)} as {name}" for expr, name in dbmod._select_items(dbmod.STATEMENTS_VIEW)]
    return "select\n  " + ",\n  ".join(items) + "\nfrom statements s\n"


def timed(conn: sqlite3.Connection, sql: str, params: list | dict) -> tuple[int, int, object]:
    """(best ms, worst ms, first value) of 3 runs of ``sql``."""
    times, first = [], None
    for _ in range(3):
        t0 = time.perf_counter()
        rows = conn.execute(sql, params).fetchall()
        times.append((time.perf_counter() - t0) * 1000)
        first = rows[0][0] if rows else None
    return round(min(times)), round(max(times)), first


def plan(conn: sqlite3.Connection, sql: str, params: list | dict) -> str:
    """The query plan on one line."""
    return " / ".join(r[-1] for r in conn.execute("explain query plan " + sql, params))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    args = ap.parse_args(argv)
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "scale.py")
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    t = scale._targets(args.db)
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    conn.execute(f"create temp view statements_view_subqueries as {subquery_view()}")
    filters = [("kind = ?", "speech"), ("speaker_id = ?", t["speaker"]), ("speaker = ?", t["speaker_name"]),
               ("organisation = ?", t["org_name"]), ("outlet = ?", t["outlet"])]
    print("| count where | statements_view | a subquery that returns rows | unjoined (m015) | scalar-subquery view |")
    print("|---|---:|---:|---:|---:|")
    for where, value in filters:
        cells = []
        for sql in (f"select count(*) from statements_view where {where}",
                    f"select count(*) from (select 1 from statements_view where {where} limit -1)",
                    f"select count(*) from statements_view_unjoined where {where}",
                    f"select count(*) from temp.statements_view_subqueries where {where}"):
            try:
                lo, hi, n = timed(conn, sql, [value])
                cells.append(f"{lo:,}–{hi:,} ms ({n:,})")
            except sqlite3.OperationalError:
                cells.append("– (not a statement column)")
        print(f"| `{where.replace('?', repr(value))}` | " + " | ".join(cells) + " |")
    for where, value in filters[:1] + filters[2:3] + filters[-1:]:
        for view in ("statements_view", "rows", "statements_view_unjoined", "temp.statements_view_subqueries"):
            sql = (f"select count(*) from (select 1 from statements_view where {where} limit -1)" if view == "rows"
                   else f"select count(*) from {view} where {where}")
            try:
                print(f"plan, count from {view} where {where}: {plan(conn, sql, [value])}")
            except sqlite3.OperationalError as e:
                print(f"plan, count from {view} where {where}: {e}")
    print()
    print("| search word (matches) | page, lookups | page, walk | count (unjoined) |")
    print("|---|---:|---:|---:|")
    fts = "(select rowid from statements_fts where statements_fts match ?)"
    page = "select id, speaker, outlet from statements_view where {col} in " + fts + \
           " order by speech_then_date desc limit 101"
    for key in ("rare", "common", "most_common"):
        word = f'"{t[key]}"'
        n = conn.execute("select count(*) from statements_fts where statements_fts match ?", [word]).fetchone()[0]
        look = timed(conn, page.format(col="statement_rowid"), [word])
        walk = timed(conn, page.format(col="+statement_rowid"), [word])
        count = timed(conn, f"select count(*) from statements_view_unjoined where statement_rowid in {fts}", [word])
        print(f"| {t[key]} ({n:,}) | {look[0]:,}–{look[1]:,} ms | {walk[0]:,}–{walk[1]:,} ms | "
              f"{count[0]:,}–{count[1]:,} ms |")
    for col in ("statement_rowid", "+statement_rowid"):
        print(f"plan, page where {col} in (search): {plan(conn, page.format(col=col), ['x'])}")
    conn.close()


if __name__ == "__main__":
    main()
