"""attrib.db's queries and its clean-up of speakers and organisations that no statement names.

Parses come from :mod:`fakeparse`: "X said ..." makes a statement of X (a person,
or an organisation when the name ends in an organisation word such as "Agency").
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from fakeparse import fake_parse
from helpers import content_dump, integrity_problems

import attrib.db as dbmod
import attrib.pipeline as pipeline
from attrib.attribute import find_attributions
from attrib.cache import text_sha256
from attrib.db import (
    count_articles,
    delete_orphans,
    open_db,
    replace_statements,
    save_article,
    stored_articles,
    stored_text_sha256,
)
from attrib.types import Article

HARBOUR = ("Anna Berg said the harbour would reopen on Friday.\n"
           "The Port Agency said the ferries were late because of fog.\n")
HARBOUR_CORRECTED = ("Anna Berg said the harbour would reopen on Friday.\n"
                     "Oskar Lind said the ferries were late because of fog.\n")
BRIDGE = "Anna Berg said the bridge was safe.\n"


def save(db, article: Article) -> str:
    parse = fake_parse(article.text)
    return save_article(db, article, find_attributions(parse), parse).status


def names(db, table: str) -> dict[str, int]:
    return {r["name"]: r["id"] for r in db.query(f"select id, name from {table}")}


@pytest.fixture
def db(tmp_path: Path):
    db = open_db(str(tmp_path / "t.db"))
    yield db
    db.conn.close()


def test_the_sentences_name_the_speakers_the_tests_expect(db):
    save(db, Article("harbour", HARBOUR))
    assert set(names(db, "speakers")) == {"Anna Berg", "The Port Agency"}
    assert set(names(db, "organisations")) == {"The Port Agency"}


def test_corrected_article_removes_speakers_and_organisations_left_without_statements(db, tmp_path: Path):
    save(db, Article("harbour", HARBOUR))
    save(db, Article("bridge", BRIDGE))
    anna = names(db, "speakers")["Anna Berg"]
    assert save(db, Article("harbour", HARBOUR_CORRECTED)) == "updated"
    assert names(db, "speakers") == {"Anna Berg": anna, "Oskar Lind": names(db, "speakers")["Oskar Lind"]}
    assert names(db, "organisations") == {}
    # Anna Berg is kept while any article still quotes her, then goes with the last statement
    assert save(db, Article("harbour", "The weather was calm.\n")) == "updated"
    assert save(db, Article("bridge", "The bridge was closed.\n")) == "updated"
    assert names(db, "speakers") == {}
    assert integrity_problems(tmp_path / "t.db") == []


def test_new_article_deletes_nothing(db):
    db["organisations"].insert({"name": "Named elsewhere"})
    save(db, Article("harbour", HARBOUR))
    assert "Named elsewhere" in names(db, "organisations")


def test_reextract_removes_speakers_the_rules_no_longer_find(db, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    save(db, Article("harbour", HARBOUR))
    save(db, Article("bridge", BRIDGE))
    monkeypatch.setattr(pipeline, "find_attributions",
                        lambda parse: [a for a in find_attributions(parse) if a.source_name != "The Port Agency"])
    done, total, missing = pipeline.reextract(db)
    assert (done, total, missing) == (2, 2, [])
    assert set(names(db, "speakers")) == {"Anna Berg"}
    assert names(db, "organisations") == {}
    assert integrity_problems(tmp_path / "t.db") == []


def test_replace_statements_removes_orphans(db):
    save(db, Article("harbour", HARBOUR))
    article = Article("harbour", HARBOUR)
    parse = fake_parse(HARBOUR)
    kept = [a for a in find_attributions(parse) if a.source_name == "Anna Berg"]
    assert replace_statements(db, article, kept, parse) == (2, 1)
    assert set(names(db, "speakers")) == {"Anna Berg"} and names(db, "organisations") == {}


def test_replace_statements_keeps_the_rowid_of_unchanged_statements(db):
    """The statements view exposes the rowid (full-text search goes through it)."""
    save(db, Article("harbour", HARBOUR))
    save(db, Article("bridge", BRIDGE))
    before = {r["id"]: r["rowid"] for r in db.query("select rowid, id from statements")}
    parse = fake_parse(HARBOUR)
    atts = find_attributions(parse)
    assert replace_statements(db, Article("harbour", HARBOUR), atts[:1], parse) == (2, 1)
    after = {r["id"]: r["rowid"] for r in db.query("select rowid, id from statements")}
    assert len(after) == 2 and after.items() <= before.items()
    hits = [r["id"] for r in db.query("select s.id from statements_fts f join statements s on s.rowid = f.rowid "
                                      "where statements_fts match 'harbour'")]
    assert hits == [dbmod.statement_id("harbour", atts[0])]


def test_replace_statements_writes_nothing_when_no_statement_changed(db):
    """A re-extraction that finds what is stored rewrites no row (and so no search index entry)."""
    save(db, Article("harbour", HARBOUR))
    parse = fake_parse(HARBOUR)
    changes = db.conn.total_changes
    assert replace_statements(db, Article("harbour", HARBOUR), find_attributions(parse), parse) == (2, 2)
    assert db.conn.total_changes == changes
    # one changed statement: only its row is written (an update in place)
    db.execute("create temp table touched (id text)")
    for op, row in (("insert", "new"), ("update", "new"), ("delete", "old")):
        db.execute(f"create temp trigger touch_{op} after {op} on statements "
                   f"begin insert into touched values ({row}.id); end")
    atts = find_attributions(parse)
    atts[1] = dataclasses.replace(atts[1], confidence=0.5)
    rowids = dict(db.execute("select id, rowid from statements").fetchall())
    assert replace_statements(db, Article("harbour", HARBOUR), atts, parse) == (2, 2)
    assert [r[0] for r in db.execute("select id from touched")] == [dbmod.statement_id("harbour", atts[1])]
    assert dict(db.execute("select id, rowid from statements").fetchall()) == rowids


def test_replace_statements_writes_only_the_columns_that_changed_and_relinks_only_for_new_speakers(
        db, monkeypatch: pytest.MonkeyPatch):
    """A statement whose confidence alone changed is updated in that column only, so the search
    index trigger (an update of a column it copies) does not fire; with the same (alias, role)
    pairs the speakers are not relinked.  A new role for a speaker is relinked."""
    save(db, Article("harbour", HARBOUR))
    parse = fake_parse(HARBOUR)
    db.execute("create temp table fired (what text)")
    db.execute("create temp trigger fired_search after update of content, speaker_id, speaker_text, role, "
               "organisation_id, reported_by_id, article_id on statements "
               "begin insert into fired values ('search'); end")
    db.execute("create temp trigger fired_confidence after update of confidence on statements "
               "begin insert into fired values ('confidence'); end")
    linked: list[str] = []
    link = dbmod.link_article_speakers
    monkeypatch.setattr(dbmod, "link_article_speakers",
                        lambda db, aid, *a, **k: (linked.append(aid), link(db, aid, *a, **k)))
    atts = find_attributions(parse)
    assert atts[1].source_name
    atts[1] = dataclasses.replace(atts[1], confidence=0.5)
    assert replace_statements(db, Article("harbour", HARBOUR), atts, parse) == (2, 2)
    assert [r[0] for r in db.execute("select what from fired")] == ["confidence"]
    assert linked == []
    assert db.execute("select confidence from statements where id = ?",
                      [dbmod.statement_id("harbour", atts[1])]).fetchone()[0] == 0.5
    atts[1] = dataclasses.replace(atts[1], role="harbour master")
    assert replace_statements(db, Article("harbour", HARBOUR), atts, parse) == (2, 2)
    assert linked == ["harbour"]
    assert "search" in [r[0] for r in db.execute("select what from fired")]


def _changed_rules(parse):
    """A rule change: the agency's statement goes, Anna Berg's harbour statement becomes a belief."""
    return [dataclasses.replace(a, kind="belief", confidence=0.42) if "harbour" in a.content_text(parse.text) else a
            for a in find_attributions(parse) if a.source_name != "The Port Agency"]


def _search_rows(db) -> list[tuple]:
    return sorted(db.execute("select s.id, f.content, f.speaker, f.organisation, f.article_title "
                             "from statements_fts f join statements s on s.rowid = f.rowid").fetchall())


def test_reextract_after_a_rule_change_stores_what_a_fresh_ingest_with_the_new_rules_stores(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    articles = [Article("harbour", HARBOUR), Article("bridge", BRIDGE), Article("fixed", HARBOUR_CORRECTED)]
    old = open_db(str(tmp_path / "old.db"))
    for art in articles:
        save(old, art)
    monkeypatch.setattr(pipeline, "find_attributions", _changed_rules)
    assert pipeline.reextract(old, batch=2)[:2] == (3, 4)
    fresh = open_db(str(tmp_path / "fresh.db"))
    for art in articles:
        parse = fake_parse(art.text)
        save_article(fresh, art, _changed_rules(parse), parse)
        pipeline.statements_saved(fresh, art.id)  # claims, as an ingest and reextract assign them
    assert _search_rows(old) == _search_rows(fresh)
    old.conn.close()
    fresh.conn.close()
    assert content_dump(tmp_path / "old.db") == content_dump(tmp_path / "fresh.db")


def test_orphans_are_deleted_in_the_same_transaction(db, monkeypatch: pytest.MonkeyPatch):
    save(db, Article("harbour", HARBOUR))
    before = {t: list(db[t].rows) for t in ("articles", "statements", "speakers", "organisations")}

    def boom(db):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(dbmod, "delete_orphans", boom)
    with pytest.raises(RuntimeError):
        save(db, Article("harbour", HARBOUR_CORRECTED))
    parse = fake_parse(HARBOUR)
    with pytest.raises(RuntimeError):
        replace_statements(db, Article("harbour", HARBOUR), [], parse)
    assert {t: list(db[t].rows) for t in before} == before


def test_delete_orphans_counts_and_keeps_relays(db):
    sp = db["speakers"].insert({"name": "Nobody", "kind": "person"}).last_pk
    relay = db["organisations"].insert({"name": "Wire"}).last_pk
    db["organisations"].insert({"name": "Gone"})
    db["articles"].insert({"id": "a", "text": "x"}, pk="id")
    db["statements"].insert({"id": "s", "article_id": "a", "reported_by_id": relay}, pk="id")
    delete_orphans(db)
    assert names(db, "organisations") == {"Wire": relay} and sp not in names(db, "speakers").values()


def test_queries(db):
    assert stored_text_sha256(db, "harbour") is None and count_articles(db) == 0
    save(db, Article("harbour", HARBOUR))
    save(db, Article("bridge", BRIDGE))
    assert stored_text_sha256(db, "harbour") == text_sha256(HARBOUR) and count_articles(db) == 2
    db.execute("update parses set data = x'00ff00' where article_id = 'harbour'")
    stored = list(stored_articles(db))
    assert [s.article.id for s in stored] == ["bridge", "harbour"]
    assert stored[0].article.text == BRIDGE and stored[0].parse == fake_parse(BRIDGE)
    assert stored[1].parse is None  # damaged data


def test_sentence_of_by_bisection_is_the_scan():
    """The sentence range stored with a statement is found by bisection; it must be what a scan finds."""
    text = HARBOUR + "Then it rained. " + BRIDGE
    parse = fake_parse(text)
    bounds = dbmod._sentence_bounds(parse)
    assert bounds is not None and len(parse.sentences) >= 3
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1, 3):
            assert dbmod._sentence_of(parse, start, end, bounds) == dbmod._sentence_of(parse, start, end)



def test_optimize_takes_the_write_lock_before_analyze(tmp_path: Path):
    """The end of an ingest refreshes the planner statistics while a second ``attrib ingest``
    may be committing.  ANALYZE reads and then writes; as a deferred transaction its read
    snapshot goes stale when the other writer commits, and SQLite answers "database is
    locked" at once, whatever the busy_timeout (seen in tests/test_crash.py's two-writer
    test).  Taking the write lock first (BEGIN IMMEDIATE) makes it wait its turn instead; the
    race itself cannot be timed reliably in a test, so the statements sent are checked."""
    db = dbmod.open_db(str(tmp_path / "stats.db"))
    sent: list[str] = []
    db.conn.set_trace_callback(sent.append)
    dbmod.optimize(db)
    db.conn.set_trace_callback(None)
    order = [x for x in sent if x in ("BEGIN IMMEDIATE", "ANALYZE", "PRAGMA optimize", "COMMIT")]
    assert order == ["BEGIN IMMEDIATE", "ANALYZE", "PRAGMA optimize", "COMMIT"]
    assert db.execute("select count(*) from sqlite_master where name = 'sqlite_stat1'").fetchone()[0] == 1
    db.conn.close()


def test_reextract_in_worker_processes_stores_what_one_process_stores(tmp_path: Path):
    """``attrib reextract --workers 2`` runs the rules in two processes and writes in one: the
    rows (with their rowids), the search index, speakers and claims are those of one process."""
    import shutil

    one = tmp_path / "one.db"
    db = open_db(str(one))
    for i, text in enumerate([HARBOUR, BRIDGE, HARBOUR_CORRECTED] * 3):
        save(db, Article(f"a{i}", text))
    with db.conn:  # as after a rule change: every statement differs from what the rules find
        db.conn.execute("update statements set confidence = -1, rule = 'old'")
        db.conn.execute("delete from statements where rowid % 4 = 0")
    db.conn.close()
    two = tmp_path / "two.db"
    shutil.copy(one, two)
    for path, workers in ((one, 1), (two, 2)):
        db = open_db(str(path))
        assert pipeline.reextract(db, batch=2, workers=workers)[0] == 9
        db.conn.close()
    assert content_dump(one) == content_dump(two)
    assert integrity_problems(two) == []
    rowids = ["select rowid, id from statements order by id",
              "select rowid, content from statements_fts order by rowid"]
    a, b = open_db(str(one)), open_db(str(two))
    assert [a.execute(q).fetchall() for q in rowids] == [b.execute(q).fetchall() for q in rowids]
    a.conn.close()
    b.conn.close()
