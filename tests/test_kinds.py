"""Statement kinds end to end: stored (and migrated), chosen by ``attrib extract --kinds``,
and shown speech-first by the Datasette metadata, canned queries and pages.

The article has one speech statement and one belief, from a hand-built parse (the
"Campbell said ..." and "The coach believes ..." parses of tests/test_extract_reported.py),
put into a fake models directory's parse cache so the real commands never load stanza.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from datasette.app import Datasette
from helpers import FakeModels, cli_ingest, integrity_problems
from parsebuilder import build
from sqlite_utils.migrations import Migrations

import attrib.db as dbmod
import attrib.pipeline as pipeline
from attrib.attribute import find_attributions
from attrib.cli import cli
from attrib.db import open_db
from attrib.inputs import Reader
from attrib.types import STATEMENT_KINDS, Article, parse_kinds

TEXT = "Campbell said the allies would respond together.\nThe coach believes his players can win the title.\n"
SPEECH = "the allies would respond together"
BELIEF = "his players can win the title"

PARSE = build(
    TEXT,
    """
    Campbell  PROPN  2 nsubj  S-PER
    said      VERB   0 root
    the       DET    4 det
    allies    NOUN   6 nsubj  ally
    would     AUX    6 aux
    respond   VERB   2 ccomp
    together  ADV    6 advmod
    .         PUNCT  2 punct
    """,
    """
    The       DET    2 det
    coach     NOUN   3 nsubj
    believes  VERB   0 root
    his       PRON   5 nmod:poss
    players   NOUN   7 nsubj  player
    can       AUX    7 aux
    win       VERB   3 ccomp
    the       DET    9 det
    title     NOUN   7 obj
    .         PUNCT  3 punct
    """,
)


def test_the_parse_yields_speech_and_a_belief():
    got = {(a.content_text(TEXT), a.kind, a.rule) for a in find_attributions(PARSE)}
    assert got == {(SPEECH, "speech", "reported_after"), (BELIEF, "belief", "belief")}


# ---------------------------------------------------------------- parse_kinds


def test_parse_kinds():
    assert parse_kinds(None) == parse_kinds("") == parse_kinds("  ") == ("speech",)
    assert parse_kinds("all") == parse_kinds(" ALL ") == STATEMENT_KINDS
    assert parse_kinds("belief, speech") == ("speech", "belief")  # in STATEMENT_KINDS order
    assert parse_kinds("evidence,,intention,") == ("intention", "evidence")
    assert parse_kinds(None, default="all") == STATEMENT_KINDS
    for bad in ("quotes", "speech,opinion", ","):
        with pytest.raises(ValueError, match="choose from speech, belief, intention, evidence"):
            parse_kinds(bad)


# ---------------------------------------------------------------- the command line


@pytest.fixture
def article_file(tmp_path: Path) -> tuple[Path, FakeModels]:
    src = tmp_path / "coach.txt"
    src.write_text(TEXT, encoding="utf-8")
    fake = FakeModels.create(tmp_path)
    (article,) = Reader().read([src])
    assert article.text == TEXT
    fake.prime_parses([PARSE])
    return src, fake


def run_extract(src: Path, fake: FakeModels, *extra: str):
    return CliRunner().invoke(cli, ["extract", str(src), "--models", str(fake.models_dir), *extra],
                              env={"ATTRIB_CACHE_DIR": str(fake.cache_dir)}, catch_exceptions=False)


def contents(result) -> list[tuple[str, str]]:
    (line,) = result.stdout.splitlines()
    return [(a["content_text"], a["kind"]) for a in json.loads(line)["attributions"]]


def test_extract_prints_speech_unless_asked(article_file):
    src, fake = article_file
    result = run_extract(src, fake)
    assert result.exit_code == 0, result.output
    assert contents(result) == [(SPEECH, "speech")]
    assert contents(run_extract(src, fake, "--kinds", "all")) == [(SPEECH, "speech"), (BELIEF, "belief")]
    assert contents(run_extract(src, fake, "--kinds", "belief")) == [(BELIEF, "belief")]
    assert contents(run_extract(src, fake, "--kinds", "speech,belief")) == [(SPEECH, "speech"), (BELIEF, "belief")]
    assert contents(run_extract(src, fake, "--kinds", "intention,evidence")) == []


def test_extract_unknown_kind_is_a_usage_error(article_file):
    src, fake = article_file
    result = CliRunner().invoke(cli, ["extract", str(src), "--models", str(fake.models_dir), "--kinds", "opinion"])
    assert result.exit_code == 2
    assert "unknown kind opinion" in result.output and "speech, belief, intention, evidence" in result.output
    assert "--kinds" in CliRunner().invoke(cli, ["extract", "--help"]).output


def stored(db_path: Path) -> dict[str, str]:
    conn = sqlite3.connect(db_path)
    try:
        return dict(conn.execute("select content, kind from statements"))
    finally:
        conn.close()


def test_ingest_stores_every_kind(article_file, tmp_path: Path):
    src, fake = article_file
    result = cli_ingest(tmp_path / "t.db", [src], fake)
    assert result.exit_code == 0, result.output
    assert stored(tmp_path / "t.db") == {SPEECH: "speech", BELIEF: "belief"}
    conn = sqlite3.connect(tmp_path / "t.db")
    view = dict(conn.execute("select content, kind from statements_view"))
    conn.close()
    assert view == {SPEECH: "speech", BELIEF: "belief"}


# ---------------------------------------------------------------- the migration


def old_database(path: Path) -> None:
    """A database in the shape before m006 (migrations m001-m005 only) with the article's
    statements stored the way they were then: without a kind."""
    old = Migrations("attrib")
    for fn in (dbmod.m001_tables, dbmod.m002_search, dbmod.m003_views, dbmod.m004_searchable_view,
               dbmod.m005_complete_view):
        old()(fn)
    db = sqlite_utils.Database(str(path))
    old.apply(db)
    assert "kind" not in db["statements"].columns_dict
    article = Article("coach", TEXT)
    now = dbmod.open_db(":memory:")  # the rows as stored today, then in the old shape
    rows = dbmod.statement_rows(now, article, find_attributions(PARSE), PARSE)
    for r in rows:
        alias = now.execute("select alias, kind from speaker_aliases where id = ?", [r.pop("alias_id")]).fetchone()
        r["speaker_id"] = db["speakers"].lookup({"name": alias[0], "kind": alias[1]}) if alias else None
        for col in ("organisation_id", "reported_by_id"):
            org = now.execute("select name from organisations where id = ?", [r[col]]).fetchone()
            r[col] = db["organisations"].lookup({"name": org[0]}) if org else None
        del r["kind"], r["published"]  # neither column existed then (m006, m008)
    db["articles"].insert({"id": article.id, "text": TEXT, "text_sha256": dbmod.text_sha256(TEXT),
                           "n_statements": len(rows)}, pk="id")
    dbmod.save_parse(db, article.id, PARSE)
    db["statements"].insert_all(rows, pk="id")
    db.conn.close()


def test_old_database_gets_speech_then_reextract_sets_the_kinds(tmp_path: Path):
    path = tmp_path / "old.db"
    old_database(path)
    db = open_db(str(path))
    applied = [r["name"] for r in db.query("select name from _sqlite_migrations order by id")]
    assert applied[-12:] == ["m006_statement_kind", "m007_search_names_and_real_dates", "m008_source_path",
                             "m009_reviews", "m010_indexes_for_the_view", "m011_review_checks",
                             "m012_identity_across_articles", "m013_claims", "m014_indexes_for_the_canned_queries",
                             "m015_statements_view_unjoined", "m016_speaker_summaries",
                             "m017_speaker_statements_covering_index"]
    col = next(c for c in db.execute("pragma table_info(statements)").fetchall() if c[1] == "kind")
    assert (col[2], col[3], col[4]) == ("TEXT", 1, "'speech'")  # type, not null, default
    assert any(i.columns[:1] == ["kind"] for i in db["statements"].indexes)
    assert {"kind", "speech_then_date"} <= set(db["statements_view"].columns_dict)
    before = {r["content"]: (r["id"], r["rowid"], r["kind"]) for r in db.query(
        "select rowid, id, content, kind from statements")}
    assert {c: k for c, (_, _, k) in before.items()} == {SPEECH: "speech", BELIEF: "speech"}
    # search through the view still works after the view was recreated
    assert [r["content"] for r in db.query(
        "select v.content from statements_fts join statements_view v on v.statement_rowid = statements_fts.rowid "
        "where statements_fts match 'coach'")] == [BELIEF]
    # reextract upserts: same ids and rowids, the belief is now a belief
    done, total, missing = pipeline.reextract(db)
    assert (done, total, missing) == (1, 2, [])
    after = {r["content"]: (r["id"], r["rowid"], r["kind"]) for r in db.query(
        "select rowid, id, content, kind from statements")}
    assert after == {SPEECH: before[SPEECH], BELIEF: (*before[BELIEF][:2], "belief")}
    db.conn.close()
    assert integrity_problems(path) == []


def test_reextract_updates_a_changed_kind_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    db = open_db(str(tmp_path / "t.db"))
    dbmod.save_article(db, Article("coach", TEXT), find_attributions(PARSE), PARSE)
    rowids = dict(db.execute("select id, rowid from statements").fetchall())
    monkeypatch.setattr(pipeline, "find_attributions",
                        lambda p: [dataclasses.replace(a, kind="evidence") if a.kind == "belief" else a
                                   for a in find_attributions(p)])
    pipeline.reextract(db)
    assert dict(db.execute("select id, rowid from statements").fetchall()) == rowids
    assert dict(db.execute("select content, kind from statements").fetchall()) == {
        SPEECH: "speech", BELIEF: "evidence"}
    db.conn.close()


# ---------------------------------------------------------------- Datasette


@pytest.fixture
def ds(tmp_path: Path, datasette_metadata: dict) -> Datasette:
    """A Datasette on an attrib.db holding the article (speech + belief) and a speech-only one."""
    path = tmp_path / "attrib.db"
    db = open_db(str(path))
    dbmod.save_article(db, Article("coach", TEXT, title="Coach story", outlet="Test Wire", published="2024-01-01"),
                       find_attributions(PARSE), PARSE)
    later = "Campbell said the allies would respond together.\n"
    dbmod.save_article(db, Article("later", later, title="Later story", outlet="Test Wire", published="2024-02-01"),
                       [a for a in find_attributions(PARSE) if a.kind == "speech"], None)
    db.conn.close()
    return Datasette(immutables=[str(path)], metadata=copy.deepcopy(datasette_metadata))


async def rows(ds: Datasette, url: str, **params: str) -> list[dict]:
    response = await ds.client.get(url, params={**params, "_shape": "array"})
    assert response.status_code == 200, response.text
    return response.json()


async def test_canned_queries_hide_beliefs_unless_asked(ds: Datasette):
    got = await rows(ds, "/attrib/article_statements.json", article="coach")
    assert [(r["content"], r["kind"]) for r in got] == [(SPEECH, "speech")]
    for kinds in ("all", " ALL", "speech,belief", "belief, speech"):
        got = await rows(ds, "/attrib/article_statements.json", article="coach", kinds=kinds)
        assert [r["kind"] for r in got] == ["speech", "belief"], kinds
    got = await rows(ds, "/attrib/article_statements.json", article="coach", kinds="belief")
    assert [r["content"] for r in got] == [BELIEF]
    assert await rows(ds, "/attrib/search_statements.json", q="title") == []
    assert [r["kind"] for r in await rows(ds, "/attrib/search_statements.json", q="title", kinds="all")] == ["belief"]
    assert await rows(ds, "/attrib/new_statements_since.json", since="2000-01-01") != []
    assert {r["kind"] for r in await rows(ds, "/attrib/new_statements_since.json", since="2000-01-01")} == {"speech"}
    assert {r["kind"] for r in await rows(ds, "/attrib/added_since.json", since="2000-01-01", kinds="all")} == {
        "speech", "belief"}


async def test_every_canned_query_takes_kinds(datasette_metadata: dict):
    for name, q in datasette_metadata["databases"]["attrib"]["queries"].items():
        assert "kinds" in q["params"], name
        # a query of the statements filters v.kind; one of m016's summaries, the kinds' bit mask
        assert ":kinds" in q["sql"] and ("v.kind" in q["sql"] or "kinds & r.mask" in q["sql"]), name


async def test_statements_view_has_the_kind_facet_and_puts_speech_first(ds: Datasette):
    data = (await ds.client.get("/attrib/statements_view.json?_facet=kind")).json()
    assert {r["value"]: r["count"] for r in data["facet_results"]["kind"]["results"]} == {
        "speech": 2, "belief": 1}
    kinds = [dict(zip(data["columns"], r, strict=True))["kind"] for r in data["rows"]]
    assert kinds == ["speech", "speech", "belief"]
    data = (await ds.client.get("/attrib/statements.json?_facet=kind")).json()
    assert {r["value"] for r in data["facet_results"]["kind"]["results"]} == {"speech", "belief"}
    only = await rows(ds, "/attrib/statements_view.json", kind="speech")
    assert {r["kind"] for r in only} == {"speech"}


async def test_article_view_highlights_speech_unless_asked(ds: Datasette):
    page = (await ds.client.get("/-/attrib/article/attrib/coach")).text
    assert f"{SPEECH}</span>" in page and f"{BELIEF}</span>" not in page
    assert "1 other statement" in page and "1 belief" in page and 'href="?kinds=all"' in page
    assert "kind__in=speech" in page  # the table link keeps the choice
    page = (await ds.client.get("/-/attrib/article/attrib/coach?kinds=all")).text
    assert f"{BELIEF}</span>" in page and ">belief</td>" in page
    assert "Speech only" in page and "other statement" not in page
    assert (await ds.client.get("/-/attrib/article/attrib/coach?kinds=opinion")).status_code == 400


async def test_article_view_shows_a_selected_belief(ds: Datasette):
    db = sqlite3.connect(ds.databases["attrib"].path)
    (sid,) = db.execute("select id from statements where kind = 'belief'").fetchone()
    db.close()
    page = (await ds.client.get(f"/-/attrib/article/attrib/coach?statement={sid}")).text
    assert "is not in this article" not in page
    assert "<dt>Kind</dt><dd>belief</dd>" in page
    assert "belief · indirect" in page  # the tooltip names the kind


async def test_speaker_page_shows_speech_unless_asked(ds: Datasette):
    db = sqlite3.connect(ds.databases["attrib"].path)
    coach = db.execute("select id from speakers where name = 'The coach'").fetchone()[0]
    campbell = db.execute("select id from speakers where name = 'Campbell'").fetchone()[0]
    db.close()
    page = (await ds.client.get(f"/-/attrib/speaker/attrib/{coach}")).text
    assert "0 statements" in page and BELIEF not in page and 'href="?kinds=all"' in page
    page = (await ds.client.get(f"/-/attrib/speaker/attrib/{coach}?kinds=all")).text
    assert "1 statement<" in page and BELIEF in page
    page = (await ds.client.get(f"/-/attrib/speaker/attrib/{campbell}")).text
    assert "2 statements" in page and "other statement" not in page and "Speech only" not in page


def test_serve_asks_for_a_migration_first(tmp_path: Path):
    path = tmp_path / "old.db"
    old_database(path)
    before = path.read_bytes()
    assert dbmod.pending_migrations(str(path)) == ["m006_statement_kind", "m007_search_names_and_real_dates",
                                                    "m008_source_path", "m009_reviews", "m010_indexes_for_the_view",
                                                    "m011_review_checks", "m012_identity_across_articles",
                                                    "m013_claims", "m014_indexes_for_the_canned_queries",
                                                    "m015_statements_view_unjoined", "m016_speaker_summaries",
                             "m017_speaker_statements_covering_index"]
    result = CliRunner().invoke(cli, ["serve", str(path)])
    assert result.exit_code == 1 and f"run `attrib reextract {path}` once" in result.output
    assert path.read_bytes() == before  # read-only
    open_db(str(path)).conn.close()
    assert dbmod.pending_migrations(str(path)) == []
    other = tmp_path / "other.db"
    sqlite_utils.Database(str(other))["t"].insert({"a": 1})
    assert dbmod.pending_migrations(str(other)) == []
