"""Two queries of Datasette's ``statements_view`` page, run on the same rows by a cheaper plan.

**The count.**  Datasette counts a filtered page with ``select count(*) from statements_view
where ...``.  SQLite 3.40 drops a view's unused left joins from a query that returns rows, but
not from an aggregate one: that count joins every matching statement to its article, speaker,
organisations and latest review (3 s for ``?kind=speech`` at a million statements, against 60 ms
for the statements alone).  So the count runs, on the same rows, either

- on ``statements_view_unjoined`` (m015, :data:`attrib.db.STATEMENTS_VIEW_UNJOINED`: the view's
  statement columns with the view's own expressions, one row per statement as in the view) when
  every column of ``statements_view`` that the count reads is one of those.  SQLite says which
  columns it reads: the count is prepared (``explain``, not run) with an authorizer that records
  them.  (Trying the count on the unjoined view and falling back on an error would not do:
  SQLite takes a double-quoted name that is no column, as in Datasette's ``"speaker" = :p0``, for
  a string, and would count nothing);
- or else as ``select count(*) from (select 1 from statements_view where ... limit -1)``: the
  ``limit`` keeps SQLite from folding the subquery into the aggregate, so the subquery is a query
  that returns rows, and SQLite drops the joins its filter does not use (a speaker's name keeps
  the speaker and the review, an outlet only the article, and walks the outlet's index).

**A speaker's or an organisation's name.**  ``?speaker=`` and ``?organisation=`` filter on the
view's names, which a review may correct (its latest review's name first, else the resolved one):
no index holds them, and the count joined the review and the speaker of every statement (1 s for
the most quoted speaker of a million).  In the count, ``"speaker" = :p0`` becomes
``statement_rowid in (...)`` of the statements whose view name is that one, found by index
(:data:`NAME_ROWS`: the speaker's or organisation's statements less those a latest review
renames, and those a latest review gives that name), so that the count runs on the unjoined view.
The page's rows walk the page's order and stop after a page of matches, which is quick when the
name has many statements and reads the whole index when it has few: with fewer than
:data:`LOOK_UP_BELOW` statements, the page's query looks them up by the same condition instead.

**A facet.**  Datasette counts a facet's values over ``select <every column> from statements_view
where ...``, so each of the view's joins is made for every matching statement (330-440 ms at a
million, where a count of the same rows takes 10-60 ms).  The facet runs on ``select <its
column> from statements_view where ... limit -1`` instead (the same rows: the ``limit`` keeps
SQLite from folding the subquery into the ``group by``, so it drops the joins neither the column
nor the filters use), or on ``statements_view_unjoined`` when they are all statement columns.

**The rows of a search.**  A search adds ``statement_rowid in (select rowid from statements_fts
where ... match ...)``; SQLite cannot know how many statements match, and always looks each match
up by rowid and sorts them all for the page: 1 ms for a rare word, 0.5 s for a word in 16 % of a
million statements, 2 s for one in 94 % (``bench/viewplans.py``).  When the word has :data:`WALK_FROM` matches or more,
the page's query is run with ``+statement_rowid in (...)`` (the same condition on the same
values; the ``+`` only keeps SQLite from looking the matches up by rowid), provided SQLite then
walks an index in the page's order (no temporary B-tree for the ``order by``): it reads the
statements in that order and stops after a page of matches (40-250 ms for those words).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

#: The count Datasette's table page runs for ``statements_view`` (its ``count_sql``).
VIEW_COUNT = "select count(*) from statements_view "
#: The same count on the view's statement columns.
UNJOINED = "statements_view_unjoined"
UNJOINED_COUNT = f"select count(*) from {UNJOINED} "
#: Datasette's search condition on the view (``fts_pk`` and ``fts_table`` of db/metadata.yml).
SEARCH = re.compile(r"(?<![+\w])statement_rowid in \(select rowid from statements_fts where statements_fts "
                    r"match (escape_fts\(:search\)|:search)\)")
#: From how many matches a search page walks the view's order instead of looking every match up:
#: a lookup and its share of the sort cost 2-3.5 µs a match, a walk about 0.15 µs an index entry,
#: and it reads about 101 / (matches / statements) entries for a page of 101 rows: at a million
#: statements the two meet near 2,000 matches (and a walk never reads more than the index).
WALK_FROM = 2000
#: From what share of all statements matching a walked search looks each statement up in the search
#: index (about 50 µs a look-up, about 101 / share of them a page) rather than building the list of
#: every match (about 0.2 µs a match): from half, the look-ups cost at most 10 ms a page, the list
#: 100 ms at a million statements (200 ms for a word in 94 % of them).
PROBE_FROM_SHARE = 0.5


#: The latest review of a statement (the view's ``r``).
_LATEST = "r.id = (select max(r2.id) from reviews r2 where r2.statement_id = r.statement_id)"
#: For each name column of the view: the rowids of the statements whose value of it is ``{p}``,
#: exactly (the view's ``coalesce`` of the latest review and the resolved name, read by index).
NAME_ROWS = {
    "speaker": (
        "(select s.rowid from statements s where s.speaker_id in (select id from speakers where name = {p})"
        " and s.rowid not in (select s2.rowid from reviews r join statements s2 on s2.id = r.statement_id"
        f" where r.speaker_name is not null and r.speaker_name != {{p}} and {_LATEST})"
        " union all select s.rowid from reviews r join statements s on s.id = r.statement_id"
        f" where r.speaker_name = {{p}} and {_LATEST}"
        " and (s.speaker_id is null or s.speaker_id not in (select id from speakers where name = {p})))"),
    "organisation": (
        "(select s.rowid from statements s where s.organisation_id in (select id from organisations where name = {p})"
        " and s.rowid not in (select s2.rowid from reviews r join statements s2 on s2.id = r.statement_id"
        f" where (r.speaker_name is not null or r.speaker_organisation is not null) and {_LATEST})"
        " union all select s.rowid from reviews r join statements s on s.id = r.statement_id"
        f" where r.speaker_organisation = {{p}} and {_LATEST})"),
}
#: Datasette's filter on one of them, as one of the conditions its ``where`` joins with ``and``.
#: Datasette's count of a page whose one filter is a name.
NAME_ONLY = re.compile(r'select count\(\*\) from statements_view where "(speaker|organisation)" = (:p\d+)\s*')
NAME_FILTER = re.compile(r'(?:(?<=where )|(?<= and ))"(speaker|organisation)" = (:p\d+)(?= and | order by |\s*$)')


def named_rows_sql(sql: str) -> str:
    """``sql`` (a count of the view) with each ``"speaker" = :pN`` or ``"organisation" = :pN`` of its
    ``where`` as ``statement_rowid in (...)`` of :data:`NAME_ROWS`: the same rows, found by index."""
    only = NAME_ONLY.fullmatch(sql)
    if only:  # the name is the only filter: count its statements themselves, from the index
        return f"select count(*) from {NAME_ROWS[only.group(1)].format(p=only.group(2))}"
    return NAME_FILTER.sub(lambda m: "statement_rowid in " + NAME_ROWS[m.group(1)].format(p=m.group(2)), sql)


#: Below how many statements of a name a page looks them up and sorts them rather than walking the
#: page's order: a look-up and its share of the sort cost about 3 µs a statement, a walk about 1.5 µs
#: an index entry (with the name's joins) for 101 / (statements / all) entries: at a million
#: statements the two meet near 7,000.
LOOK_UP_BELOW = 5000


def named_page_sql(conn: sqlite3.Connection, sql: str, params: Any) -> str | None:
    """``sql`` (a page of ``statements_view`` rows) with its name filters as :func:`named_rows_sql`
    when one of them has fewer than :data:`LOOK_UP_BELOW` statements; else None."""
    found = NAME_FILTER.findall(sql)
    if not found:
        return None
    try:
        for column, p in found:
            rows = NAME_ROWS[column].format(p=p)
            n = conn.execute(f"select count(*) from (select 1 from {rows} limit {LOOK_UP_BELOW})",
                             params if params is not None else {}).fetchone()[0]
            if n < LOOK_UP_BELOW:
                return named_rows_sql(sql)
    except sqlite3.Error:
        return None
    return None


#: Datasette's facet query on the view (``datasette.facets.ColumnFacet``): the values of one column
#: and their counts over every column of the page's rows.
FACET = re.compile(
    r"\s*select (?P<col>\S+) as value, count\(\*\) as count from \(\s*select .+? from statements_view "
    r"(?P<rest>.*?)\s*\)\s*where (?P=col) is not null\s*group by (?P=col) order by count desc, value "
    r"limit (?P<limit>\d+)\s*", re.S)


def facet_sql(conn: sqlite3.Connection, sql: str, params: Any) -> str | None:
    """``sql`` (a facet of ``statements_view``) over its column alone: on the unjoined view when
    the column and the filters are statement columns, else on the view with a ``limit -1``; None
    when ``sql`` is no such facet or the narrower form does not prepare."""
    m = FACET.fullmatch(sql)
    if m is None:
        return None
    col, rest, limit = m.group("col"), m.group("rest"), m.group("limit")
    outer = (f"select {col} as value, count(*) as count from ({{inner}}) where {col} is not null "
             f"group by {col} order by count desc, value limit {limit}")
    narrow = outer.format(inner=f"select {col} from statements_view {rest}\nlimit -1")
    if counts_on_statements(conn, narrow, params):
        # no joins to drop here: folded into the group by, it can read an index of the column
        return outer.format(inner=f"select {col} from {UNJOINED} {rest}\n")
    return narrow if prepares(conn, narrow, params) else None


def unjoined_count_sql(sql: Any) -> str | None:
    """``sql`` on the unjoined view when it is Datasette's count of ``statements_view``, else None."""
    if isinstance(sql, str) and sql.startswith(VIEW_COUNT):
        return UNJOINED_COUNT + sql[len(VIEW_COUNT):]
    return None


def view_columns_read(conn: sqlite3.Connection, sql: str, params: Any) -> set[str] | None:
    """The columns of ``statements_view`` that ``sql`` reads (SQLite's own name resolution: the
    query is prepared with an authorizer, not run); None when it does not prepare."""
    read: set[str] = set()

    def authorize(action: int, table: str | None, column: str | None, _db: Any, _source: Any) -> int:
        if action == sqlite3.SQLITE_READ and table == "statements_view":
            read.add(column or "")
        return sqlite3.SQLITE_OK

    conn.set_authorizer(authorize)
    try:
        conn.execute("explain " + sql, params if params is not None else {}).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.set_authorizer(None)
    return read


def unjoined_columns(conn: sqlite3.Connection) -> set[str]:
    """The columns of the database's ``statements_view_unjoined`` (none before m015, nor when the
    view does not resolve)."""
    try:
        return {r[1] for r in conn.execute(f"pragma table_info({UNJOINED})")}
    except sqlite3.Error:
        return set()


def counts_on_statements(conn: sqlite3.Connection, sql: str, params: Any) -> bool:
    """Whether ``sql`` (a count of ``statements_view``) reads only columns the unjoined view has."""
    own = unjoined_columns(conn)
    read = view_columns_read(conn, sql, params)
    return bool(own) and read is not None and read <= own


def walked_search_sql(conn: sqlite3.Connection, sql: str, params: Any) -> str | None:
    """``sql`` (a page of ``statements_view`` rows) with its search condition made a filter on a
    walk of the page's order, when the search has :data:`WALK_FROM` matches or more and SQLite then
    walks an index for the ``order by``; else None.  When :data:`PROBE_FROM_SHARE` of the statements match,
    each statement walked is looked up in the search index instead (:func:`probed_search`): the
    list of every match would cost more to build than the few look-ups a page needs."""
    m = SEARCH.search(sql)
    if m is None or " order by " not in sql[m.end():]:
        return None
    p = params if params is not None else {}
    walked = sql[:m.start()] + "+" + sql[m.start():]
    try:
        total = conn.execute("select max(rowid) from statements").fetchone()[0] or 0
        half = max(WALK_FROM, int(total * PROBE_FROM_SHARE))
        n = conn.execute(f"select count(*) from (select 1 from statements_fts where statements_fts match {m.group(1)} "
                         f"limit {half})", p).fetchone()[0]
        if n < WALK_FROM:
            return None
        plan = conn.execute("explain query plan " + walked, p).fetchall()
    except sqlite3.Error:
        return None
    if any("TEMP B-TREE FOR ORDER BY" in r[-1] for r in plan):
        return None
    return sql[:m.start()] + probed_search(m.group(1)) + sql[m.end():] if n >= half else walked


def probed_search(match: str) -> str:
    """The search condition as one look-up in the search index for each statement (its rowid)."""
    return (f"exists (select 1 from statements_fts f where statements_fts match {match} "
            "and f.rowid = statement_rowid)")


#: Datasette's count of a page whose one filter is a search: the number of matches (the search
#: index has one row for each statement, kept by the schema's triggers).
SEARCH_ONLY_COUNT = re.compile(r"select count\(\*\) from statements_view where " + SEARCH.pattern[len(r"(?<![+\w])"):]
                               + r"\s*")


def rows_count_sql(sql: str) -> str:
    """``sql`` (Datasette's count of ``statements_view``) as a count of a subquery that returns rows
    (the line break ends a ``--`` comment a ``_where`` may end with)."""
    return f"select count(*) from (select 1 from statements_view {sql[len(VIEW_COUNT):]}\nlimit -1)"


def prepares(conn: sqlite3.Connection, sql: str, params: Any) -> bool:
    """Whether ``sql`` prepares (``explain``: nothing is run)."""
    try:
        conn.execute("explain " + sql, params if params is not None else {}).fetchall()
    except sqlite3.Error:
        return False
    return True


def better_sql(conn: sqlite3.Connection, sql: str, params: Any) -> str | None:
    """The cheaper form of ``sql`` with the same result (see the module), or None."""
    only_search = SEARCH_ONLY_COUNT.fullmatch(sql) if isinstance(sql, str) else None
    if only_search:
        return f"select count(*) from statements_fts where statements_fts match {only_search.group(1)}"
    if sql.startswith(VIEW_COUNT):
        sql = named_rows_sql(sql)
        if not sql.startswith(VIEW_COUNT):  # the count of one name's statements
            return sql
    unjoined = unjoined_count_sql(sql)
    if unjoined is not None:
        if counts_on_statements(conn, sql, params):
            return unjoined
        rows = rows_count_sql(sql)
        return rows if prepares(conn, rows, params) else None
    if FACET.fullmatch(sql):
        return facet_sql(conn, sql, params)
    return walked_search_sql(conn, sql, params) or named_page_sql(conn, sql, params)


def _candidate(sql: Any) -> bool:
    """Whether ``sql`` may have a cheaper form: a count or a facet of the view, or a page of a view
    search or of a speaker's or organisation's name."""
    if not isinstance(sql, str) or " from statements_view " not in sql:
        return False
    return sql.startswith(VIEW_COUNT) or FACET.fullmatch(sql) is not None or (
        sql.startswith("select ") and " from statements_view where " in sql
        and (SEARCH.search(sql) is not None or NAME_FILTER.search(sql) is not None))


def plan_view_queries(db: Any) -> None:
    """Make ``db`` (a :class:`datasette.database.Database`) run Datasette's count and search pages of
    ``statements_view`` by the cheaper plans of this module; every other query runs unchanged."""
    if getattr(db, "_attrib_view_plans", False):
        return
    execute = db.execute

    async def planned(sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        if _candidate(sql):
            sql = await db.execute_fn(lambda conn: better_sql(conn, sql, params)) or sql
        return await execute(sql, params, *args, **kwargs)

    db.execute = planned
    db._attrib_view_plans = True
