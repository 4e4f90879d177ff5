"""``statements_view`` pages served by the cheaper plans of :mod:`attrib.datasette.viewplans` (the
count on ``statements_view_unjoined`` or of a subquery that returns rows, the search page that
walks the sort order) show the rows,
columns, facets and counts of the view itself.  The database is a small ``bench/scale.py build``
with reviews that correct speakers, roles, organisations and ratings (so the view's joined columns
differ from the statements'); every page is compared with its own SQL run on ``statements_view``
directly.  No timing here: ``bench/scale.py pages`` measures the speed."""

from __future__ import annotations

import importlib.util
import re
import sqlite3
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from datasette.app import Datasette
from datasette.database import Database
from datasette.utils import escape_fts

from attrib import db as dbmod
from attrib.datasette import serve, viewplans

ROOT = Path(__file__).resolve().parent.parent


def _scale():
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "scale.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _add_reviews(path: Path) -> None:
    """Reviews of every 40th statement: a corrected speaker (with role and organisation) on some,
    a rating on others, and a second, later review of some (the latest wins in the view)."""
    conn = sqlite3.connect(path)
    try:
        ids = [r[0] for r in conn.execute("select id from statements where rowid % 40 = 0 order by rowid")]
        rows = []
        for i, sid in enumerate(ids):
            if i % 3 == 0:
                rows.append((sid, "wrong_speaker", "Corrected Person", "corrected role", "Corrected Org", None))
            elif i % 3 == 1:
                rows.append((sid, "confirmed", None, None, None, "false"))
            else:
                rows.append((sid, "confirmed", None, "only a role", None, "true"))
        rows += [(sid, "confirmed", None, None, None, "misleading") for sid in ids[::5]]
        conn.executemany("insert into reviews (statement_id, reviewer, reviewed_at, verdict, speaker_name, "
                         "speaker_role, speaker_organisation, rating) "
                         "values (?, 'tester', '2025-01-01', ?, ?, ?, ?, ?)", rows)
        conn.commit()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def scale_db(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A 5,000-statement synthetic database with reviews, and names and words the pages use."""
    path = tmp_path_factory.mktemp("viewplans") / "scale.db"
    _scale().build(str(path), 5000, 250, 300, 13, analyze=True)
    _add_reviews(path)
    conn = sqlite3.connect(path)
    try:
        words = Counter()
        for (text,) in conn.execute("select content from statements"):
            words.update(set(text.lower().split()))

        def matches(w: str) -> int:
            return conn.execute("select count(*) from statements_fts where statements_fts match ?",
                                [f'"{w}"']).fetchone()[0]

        common = words.most_common(1)[0][0]
        rare = next(w for w, n in sorted(words.items(), key=lambda x: (x[1], x[0])) if 1 <= matches(w) <= 3)
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        t = {
            "path": path, "common": common, "rare": rare, "n_common": matches(common),
            "speaker_id": one("select speaker_id from statements where speaker_id is not null "
                              "group by 1 order by count(*) desc limit 1"),
            "speaker": one("select speaker from statements_view where speaker is not null "
                           "group by 1 order by count(*) desc limit 1"),
            "organisation": one("select organisation from statements_view where organisation is not null "
                                "group by 1 order by count(*) desc limit 1"),
            "outlet": one("select outlet from articles group by 1 order by count(*) desc limit 1"),
            "reported_by": one("select reported_by from statements_view where reported_by is not null limit 1"),
        }
    finally:
        conn.close()
    assert t["n_common"] >= viewplans.WALK_FROM  # so the walk is taken
    return t


async def _datasette(path: Path) -> Datasette:
    """The database served as ``attrib serve`` serves it (settings, metadata, inspect counts)."""
    words = {"on": True, "off": False}
    settings = {k: int(v) if str(v).isdigit() else words.get(str(v).lower(), v)
                for k, v in serve.DEFAULT_SETTINGS.items()}
    ds = Datasette(immutables=[str(path)], settings=settings,
                   metadata=serve.load_metadata(serve.metadata_for(path)), inspect_data=serve.inspect_data(path))
    await ds.invoke_startup()
    return ds


def _read(path: Path) -> sqlite3.Connection:
    """A read-only connection with Datasette's ``escape_fts`` (its search condition uses it)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.create_function("escape_fts", 1, escape_fts)
    return conn


def _pages(t: dict) -> list[str]:
    q = quote
    return [
        "", "?kind=speech", "?kind=belief", "?kind=speech&_sort_desc=date", "?kind__in=belief,evidence",
        f"?speaker_id={t['speaker_id']}", f"?speaker={q(t['speaker'])}", "?speaker=Corrected%20Person",
        f"?speaker={q(t['speaker'])}&kind=speech", "?kind=speech&organisation=Corrected%20Org",
        f"?organisation={q(t['organisation'])}", "?organisation=Corrected%20Org", "?role=only%20a%20role",
        f"?outlet={q(t['outlet'])}", f"?reported_by={q(t['reported_by'])}", "?verdict=wrong_speaker",
        "?rating=misleading", "?rating=false", f"?_where={q(chr(34) + 'outlet' + chr(34))}={q(repr(t['outlet']))}",
        f"?_where=outlet={q(repr(t['outlet']))}%20--%20a%20comment", "?type=direct&speaker_kind=person",
        "?confidence__gt=0.5", "?speaker__contains=a", "?_sort=outlet",
        "?_sort_desc=date", "?_next=100", "?kind=speech&_next=200",
        f"?_search={t['common']}", f"?_search={t['rare']}", f"?_search={t['common']}&kind=belief",
        f"?_search={t['common']}&_sort_desc=date", f"?_search={t['common']}&_sort=speaker",
        f"?_search={t['common']}&speaker_id={t['speaker_id']}", f"?_search={t['common']}&_next=100",
        f"?_search={t['common']}&speaker={q(t['speaker'])}",
        "?_facet=kind", "?_facet=outlet&kind=speech", f"?_facet=speaker&speaker_id={t['speaker_id']}",
        "?_facet=organisation&_facet=verdict&_facet=rating", f"?_facet=kind&_search={t['common']}",
    ]


def _unlimited(sql: str) -> tuple[str, int]:
    """Datasette's page query without its ``limit`` / ``offset``, and the offset."""
    m = re.search(r"\s+limit \d+(?: offset (\d+))?\s*$", sql)
    assert m, sql
    return sql[:m.start()], int(m.group(1) or 0)


def _check_page(conn: sqlite3.Connection, j: dict) -> None:
    """The page's rows, count and facets are those of its SQL run on ``statements_view``."""
    sql, params = j["query"]["sql"], j["query"]["params"]
    assert " from statements_view " in sql and "statements_view_unjoined" not in sql
    body, offset = _unlimited(sql)
    truth = [list(r) for r in conn.execute(body, params)]
    assert j["filtered_table_rows_count"] == len(truth), sql
    cols = j["columns"]
    assert cols == [d[0] for d in conn.execute(body + " limit 0", params).description]
    rows = j["rows"]
    assert len(rows) == min(100, max(0, len(truth) - offset))
    keyed = {tuple(map(repr, r)) for r in truth}
    assert all(tuple(map(repr, r)) in keyed for r in rows)  # every row shown is a row of the view's result
    sort = j.get("sort_desc") or j.get("sort")
    if sort:  # in the same order (rows that tie on the sort column may come in another order)
        k = cols.index(sort)
        assert [r[k] for r in rows] == [r[k] for r in truth[offset:offset + len(rows)]]
    for name, facet in j.get("facet_results", {}).items():
        want = conn.execute(f"select [{name}], count(*) from ({body}) where [{name}] is not null "
                            f"group by [{name}] order by count(*) desc, [{name}] limit 30", params).fetchall()
        assert [(r["value"], r["count"]) for r in facet["results"]] == [tuple(w) for w in want], name


async def test_pages_show_the_views_rows_counts_and_facets(scale_db: dict, monkeypatch) -> None:
    ran: list[str] = []
    original = Database.execute

    async def spy(self, sql, *args, **kwargs):
        ran.append(sql)
        return await original(self, sql, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", spy)
    ds = await _datasette(scale_db["path"])
    conn = _read(scale_db["path"])
    try:
        for page in _pages(scale_db):
            r = await ds.client.get("/scale/statements_view.json" + page)
            assert r.status_code == 200, (page, r.text[:300])
            j = r.json()
            assert set(re.findall(r"_facet=(\w+)", page)) <= set(j["facet_results"]), page  # none gave up
            _check_page(conn, j)
    finally:
        conn.close()
    # and the cheaper plans were used: counts without the joins (or with only those a joined
    # column's filter needs), the common word's page walked
    assert any(s.startswith(viewplans.UNJOINED_COUNT) and '"kind" = :p0' in s for s in ran)
    assert any(s.startswith("select count(*) from (select 1 from statements_view ") and '"outlet" = :p0' in s
               for s in ran)
    # a name filter counts the statements found by index, on the unjoined view
    assert any(s.startswith("select count(*) from (select s.rowid from statements s where s.speaker_id in "
                            "(select id from speakers where name = :p0)") for s in ran)
    assert any(s.startswith("select count(*) from (select s.rowid from statements s where s.organisation_id in "
                            "(select id from organisations where name = :p0)") for s in ran)
    assert any(s.startswith(viewplans.UNJOINED_COUNT) and "select id from speakers where name = :p0" in s
               for s in ran)  # with another filter
    # and the page of a name with few statements looks them up (the walk would read the whole index)
    assert any(s.startswith("select ") and not s.startswith("select count(*)")
               and "statement_rowid in (select s.rowid from statements s where s.organisation_id in" in s for s in ran)
    assert not any('"speaker" = :p0' in s and "count(*)" in s for s in ran)
    assert not any(s.startswith(viewplans.VIEW_COUNT) for s in ran)
    # the common word (in most statements) is looked up statement by statement on the walk
    assert any("exists (select 1 from statements_fts f where statements_fts match" in s for s in ran)
    # facets over their own column: a statement column's on the unjoined view, a joined one's on the view
    assert any(s.startswith("select kind as value, count(*) as count from (select kind from statements_view_unjoined ")
               for s in ran)
    assert any(s.startswith("select outlet as value, count(*) as count from (select outlet from statements_view ")
               and "limit -1" in s for s in ran)
    assert not [s for s in ran if "as count from (" in s and "select content, speaker" in s]  # over every column
    # and a search alone is counted in the search index
    assert any(s.startswith("select count(*) from statements_fts where statements_fts match ") for s in ran)


async def test_html_page_shows_the_right_count(scale_db: dict) -> None:
    ds = await _datasette(scale_db["path"])
    conn = _read(scale_db["path"])
    try:
        for page, where, params in [
            ("?kind=belief", "kind = ?", ["belief"]),
            (f"?speaker={quote(scale_db['speaker'])}", "speaker = ?", [scale_db["speaker"]]),
            (f"?_search={scale_db['common']}", "statement_rowid in (select rowid from statements_fts "
             "where statements_fts match ?)", [f'"{scale_db["common"]}"']),
        ]:
            n = conn.execute(f"select count(*) from statements_view where {where}", params).fetchone()[0]
            html = (await ds.client.get("/scale/statements_view" + page)).text
            assert f"{n:,} row" in html, page
    finally:
        conn.close()


def test_counts_go_unjoined_only_for_statement_columns(scale_db: dict) -> None:
    conn = _read(scale_db["path"])
    try:
        count = viewplans.VIEW_COUNT + "where "
        search = "statement_rowid in (select rowid from statements_fts where statements_fts match :search)"
        yes = ['"kind" = :p0', '"speaker_id" = :p0', search, '"speech_then_date" > :p0', '"end" > 5',
               "id in (select statement_id from reviews where verdict = :p0)"]
        # a joined column, also double-quoted (which SQLite would take for a string on the unjoined view)
        no = ['"speaker" = :p0', "outlet = :p0", '"organisation" like :p0', f'"kind" = :p0 and {search} '
              'and "verdict" = :p0', "id in (select id from statements_view where outlet = :p0)"]
        params = {"p0": "x", "search": "x"}
        for where in yes:
            assert viewplans.counts_on_statements(conn, count + where, params), where
        for where in no:
            assert not viewplans.counts_on_statements(conn, count + where, params), where
        assert not viewplans.counts_on_statements(conn, count + "no_such_column = 1", params)
    finally:
        conn.close()
    # without the unjoined view (no m015) the count keeps the view and drops only the unused joins
    mem = sqlite3.connect(":memory:")
    mem.execute("create table statements (kind text)")
    mem.execute("create view statements_view as select kind from statements")
    assert not viewplans.counts_on_statements(mem, count + '"kind" = :p0', params)
    assert viewplans.better_sql(mem, count + '"kind" = :p0', params) == (
        'select count(*) from (select 1 from statements_view where "kind" = :p0\nlimit -1)')


def test_search_walks_only_for_common_words_and_an_indexed_order(scale_db: dict, monkeypatch) -> None:
    assert scale_db["n_common"] > 0.5 * 5000  # in most statements: looked up on the walk
    monkeypatch.setattr(viewplans, "PROBE_FROM_SHARE", 1.0)  # the list of matches, for this part
    conn = _read(scale_db["path"])
    try:
        def page(order: str) -> str:
            return ("select id from statements_view where statement_rowid in (select rowid from statements_fts "
                    f"where statements_fts match escape_fts(:search)) order by {order} limit 101")

        walked = viewplans.walked_search_sql(conn, page("speech_then_date desc"), {"search": scale_db["common"]})
        assert walked == page("speech_then_date desc").replace("statement_rowid in", "+statement_rowid in")
        plan = " / ".join(r[-1] for r in conn.execute("explain query plan " + walked, {"search": "x"}))
        assert "TEMP B-TREE" not in plan and "idx_statements_speech_then_date" in plan
        assert viewplans.walked_search_sql(conn, page("speech_then_date desc"), {"search": scale_db["rare"]}) is None
        assert viewplans.walked_search_sql(conn, page("speaker"), {"search": scale_db["common"]}) is None
        monkeypatch.setattr(viewplans, "PROBE_FROM_SHARE", 0.5)
        probed = viewplans.walked_search_sql(conn, page("speech_then_date desc"), {"search": scale_db["common"]})
        assert probed == page("speech_then_date desc").replace(
            "statement_rowid in (select rowid from statements_fts where statements_fts match escape_fts(:search))",
            viewplans.probed_search("escape_fts(:search)"))
        got = [r[0] for r in conn.execute(probed, {"search": scale_db["common"]})]
        assert got == [r[0] for r in conn.execute(walked, {"search": scale_db["common"]})] and len(got) == 101
    finally:
        conn.close()


def test_unjoined_view_is_the_views_statement_columns(scale_db: dict) -> None:
    conn = _read(scale_db["path"])
    try:
        own = [r[1] for r in conn.execute("pragma table_info(statements_view_unjoined)")]
        view = [r[1] for r in conn.execute("pragma table_info(statements_view)")]
        joined = {"speaker", "role", "organisation", "outlet", "article_title", "reported_by", "verdict", "rating",
                  "article_url", "ingested_at", "updated_at", "speaker_record_kind", "extracted_speaker",
                  "extracted_organisation", "rating_value", "best_rating", "worst_rating", "reviewer",
                  "reviewed_at", "review_note", "review_url", "review_id"}
        assert own == [c for c in view if c not in joined]
        cols = ", ".join(f"[{c}]" for c in own)
        assert conn.execute("select count(*) from statements_view").fetchone()[0] == 5000
        assert (conn.execute(f"select {cols} from statements_view order by statement_rowid").fetchall()
                == conn.execute(f"select {cols} from statements_view_unjoined order by statement_rowid").fetchall())
        assert serve.inspect_data(scale_db["path"])["scale"]["tables"]["statements_view"]["count"] == 5000
    finally:
        conn.close()


def test_kind_pages_walk_an_index_in_their_order(tmp_path: Path) -> None:
    db = dbmod.open_db(str(tmp_path / "a.db"))
    try:
        for order in ("speech_then_date desc", "date desc"):
            for kind in ("speech", "belief"):
                plan = " / ".join(r[-1] for r in db.execute(
                    f"explain query plan select * from statements_view where kind = ? order by {order} limit 101",
                    [kind]).fetchall())
                assert "TEMP B-TREE" not in plan, (order, plan)
    finally:
        db.conn.close()


async def test_every_view_page_of_the_bench_answers_with_the_views_rows(scale_db: dict) -> None:
    scale = _scale()
    ds = await _datasette(scale_db["path"])
    conn = _read(scale_db["path"])
    try:
        pages = [(label, url) for label, url in scale.pages(scale._targets(str(scale_db["path"])), "scale")
                 if url.startswith("/scale/statements_view")]
        assert {"statements_view speaker=name", "statements_view outlet=", "statements_view facet outlet"} <= {
            label for label, _ in pages}
        for label, url in pages:
            path, _, query = url.partition("?")
            r = await ds.client.get(f"{path}.json?{query}")
            assert r.status_code == 200, label
            _check_page(conn, r.json())
    finally:
        conn.close()


# ------------------------------------------------------------------- canned query pages

#: The offset of a page of every paged canned query (db/metadata.yml); the limit before it is 100.
PAGE_OFFSET = "offset (max(coalesce(cast(nullif(trim(:page), '') as integer), 1), 1) - 1) * 100"


def unpaged(sql: str) -> str:
    """A paged canned query's SQL with every row on its one page."""
    sql = sql.replace(PAGE_OFFSET, "offset 0").replace("limit 100 offset 0", "limit -1 offset 0")
    return sql.replace("then 100 else 0 end", "then -1 else 0 end")


def test_every_paged_canned_query_pages_by_the_rows_the_page_links_expect() -> None:
    from attrib.datasette.listpages import QUERY_PAGE_ROWS

    queries = serve.load_metadata(serve.metadata_for(Path("attrib.db")))["databases"]["attrib"]["queries"]
    paged = {name for name, q in queries.items() if "page" in q.get("params", [])}
    assert len(paged) >= 12 and QUERY_PAGE_ROWS == 100
    for name in paged:
        sql = queries[name]["sql"]
        assert PAGE_OFFSET in sql and "limit 100" not in unpaged(sql) and "then 100" not in unpaged(sql), name
    # the one unpaged query lists at most 'top' speakers of each outlet
    assert set(queries) - paged == {"top_speakers_by_outlet"}


def test_search_statements_lists_the_newest_first_past_its_threshold(scale_db: dict) -> None:
    """Up to 200,000 matches the search ranks them; past it (here lowered to 10) it walks the
    statements newest first: the same statements either way, in the view's date order."""
    canned = serve.load_metadata(serve.metadata_for(Path("attrib.db")))["databases"]["attrib"]["queries"][
        "search_statements"]
    conn = _read(scale_db["path"])
    params = {"q": scale_db["common"], "kinds": "", "page": ""}
    ranked = [r[0] for r in conn.execute(f"select statement_id from ({unpaged(canned['sql'])})", params)]
    walked = [r[0] for r in conn.execute(f"select statement_id from ({unpaged(canned['sql']).replace('200000', '10')})",
                                         params)]
    expected = conn.execute(
        "select v.id from statements_view v where v.kind = 'speech' and v.statement_rowid in "
        "(select rowid from statements_fts where statements_fts match ?) "
        "order by v.date desc, v.article_id, v.start", [f'"{scale_db["common"]}"']).fetchall()
    conn.close()
    expected = [e[0] for e in expected]
    assert len(walked) == len(ranked) == len(expected) > 100
    assert walked == expected
    assert sorted(ranked) == sorted(expected) and ranked != expected  # ranked, not by date


def _paged_params(t: dict) -> dict[str, dict[str, str]]:
    return {
        "search_statements": {"q": t["common"]},
        "statements_by_speaker": {"speaker": t["speaker"]},
        "statements_by_organisation": {"organisation": "a"},  # most organisations' names
        "anonymous_statements": {},
        "relayed_statements": {},
        "new_statements_since": {"since": "2020-01-01"},
        "added_since": {"since": "2000-01-01"},
        "what_did_x_say_about_y": {"speaker": t["speaker"], "about": ""},
    }


async def test_canned_query_pages_hold_every_row_once_in_order(scale_db: dict) -> None:
    """Pages 1, 2, ... of a canned query are its whole result, in order, 100 rows at a time."""
    ds = await _datasette(scale_db["path"])
    queries = ds.metadata()["databases"][serve.database_name(scale_db["path"])]["queries"]
    conn = _read(scale_db["path"])
    for name, params in _paged_params(scale_db).items():
        canned = queries[name]
        every = {p: "" for p in canned["params"]} | params
        whole = [list(r) for r in conn.execute(unpaged(canned["sql"]), every)]
        pages: list[list] = []
        for page in range(1, 100):
            r = await ds.client.get(f"/{serve.database_name(scale_db['path'])}/{name}.json",
                                    params={**params, "page": str(page), "_shape": "arrays"})
            assert r.status_code == 200, (name, r.text[:500])
            rows = r.json()["rows"]
            assert len(rows) <= 100
            pages.append(rows)
            if len(rows) < 100:
                break
        assert len(whole) > 100, name  # so that there is a second page
        assert [row for rows in pages for row in rows] == whole, name
    conn.close()


async def test_a_canned_query_page_links_to_the_next_and_previous_pages(scale_db: dict) -> None:
    ds = await _datasette(scale_db["path"])
    name = serve.database_name(scale_db["path"])
    page = (await ds.client.get(f"/{name}/anonymous_statements?page=2")).text
    assert 'name="page" value="2"' in page and "attrib-pages" in page  # the script that adds the links
    assert len(re.findall(r"<tr>\s*<td", page)) == 100


#: What ``statements_by_speaker`` and ``what_did_x_say_about_y`` list, written plainly on the view
#: (slow at 1M statements, exact by definition): the queries pick their rows another way.
_BY_SPEAKER_REFERENCE = """
select v.id from statements_view v
where :speaker != '' and {who}
  and (lower(trim(:kinds)) = 'all' or instr(',' || replace(lower(coalesce(nullif(trim(:kinds), ''), 'speech')),
       ' ', '') || ',', ',' || v.kind || ','))
  {about}
order by v.date desc, v.article_id, v.start, v.statement_rowid
"""


@pytest.mark.parametrize("name", ["statements_by_speaker", "what_did_x_say_about_y"])
async def test_speaker_queries_list_what_the_view_says(scale_db: dict, name: str) -> None:
    """Every statement whose speaker (a review's correction first) holds the text, and no other,
    newest first, for names that reviews correct to and from, kinds, and words of 'about'."""
    canned = serve.load_metadata(serve.metadata_for(Path("attrib.db")))["databases"]["attrib"]["queries"][name]
    what = name == "what_did_x_say_about_y"
    who = "v.speaker like '%' || :speaker || '%'"
    if what:
        who = f"({who} or (v.speaker_id is null and v.speaker_text like '%' || :speaker || '%'))"
    about = ("and (:about = '' or v.statement_rowid in (select rowid from statements_fts "
             "where statements_fts match 'content : (\"' || :about || '\")'))") if what else ""
    reference = _BY_SPEAKER_REFERENCE.format(who=who, about=about)
    conn = _read(scale_db["path"])
    cases = [(scale_db["speaker"], "", ""), ("Corrected Person", "", ""), ("Corrected", "all", ""),
             ("a", "speech,belief", ""), ("official", "", ""), ("", "", "")]
    if what:
        cases += [(scale_db["speaker"], "", scale_db["common"]), ("a", "all", scale_db["common"])]
    found = 0
    for speaker, kinds, words in cases:
        params = {"speaker": speaker, "kinds": kinds, "about": words, "page": ""}
        got = [r[0] for r in conn.execute(f"select statement_id from ({unpaged(canned['sql'])})", params)]
        want = [r[0] for r in conn.execute(reference, params)]
        assert got == want, (name, speaker, kinds, words)
        found += bool(want)
    assert found >= len(cases) - 2  # the empty name lists nothing; 'official' only as an unresolved mention
    assert conn.execute("select count(*) from statements_view where speaker = 'Corrected Person'").fetchone()[0]
    conn.close()


def test_the_page_table_marks_each_target(capsys) -> None:
    scale = _scale()
    labels = [label for label, _ in scale.pages({"speaker": 1, "org": 2, "article": "a", "org_name": "Org X",
                                                 "speaker_name": "Ann Lee", "outlet": "O", "rare": "r",
                                                 "common": "c", "most_common": "m"}, "db")]
    assert set(scale.TARGETS) <= set(labels)  # every target names a page that is timed
    assert scale.target_of("q anonymous_statements") == 200 and scale.target_of("statements_view outlet=") is None
    scale.print_table([{"page": "statements table", "status": 200, "median_ms": 90, "p95_ms": 201},
                       {"page": "q search_statements (common)", "status": 200, "median_ms": 1500, "p95_ms": 999},
                       {"page": "statements_view outlet=", "status": 200, "median_ms": 9, "p95_ms": 9}])
    out = capsys.readouterr().out
    assert "| statements table | 200 | 90 | 201 | p95 ≤ 200 ✗ |" in out
    assert "| q search_statements (common) | 200 | 1,500 | 999 | p95 ≤ 1,000 ✓ |" in out
    assert "| statements_view outlet= | 200 | 9 | 9 | – |" in out
