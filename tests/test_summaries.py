"""m016's speaker summaries (``speaker_articles``, ``speaker_outlet_counts``, ``outlet_speakers``,
``speaker_months``, ``speaker_role_counts``) stay equal to a fresh
``group by`` of the statements through every writer: ingest, re-ingest of an updated article,
reextract, a review that corrects a speaker, speakers merge and split, relink, and a changed
outlet or date.  The articles are made up (see :func:`test_identity.article_of`)."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from pathlib import Path

import pytest
from conftest import REPO_ROOT
from test_identity import Said, article_of

import attrib.db as dbmod
from attrib import speakers


@pytest.fixture
def db(tmp_path: Path):
    db = dbmod.open_db(str(tmp_path / "summary.db"))
    yield db
    db.conn.close()


def summary(db) -> tuple[list[tuple], ...]:
    """The rows of speaker_articles, speaker_outlet_counts, outlet_speakers, speaker_months and
    speaker_role_counts, each sorted."""
    return (sorted(db.execute("select * from speaker_articles").fetchall()),
            sorted(db.execute("select outlet, outlet_null, speaker_id, kinds, n_articles, n_speech, n_belief, "
                              "n_intention, n_evidence, first_published, last_published "
                              "from speaker_outlet_counts").fetchall()),
            sorted(db.execute("select outlet, outlet_null, speaker_id, n_speech, n_belief, n_intention, n_evidence "
                              "from outlet_speakers").fetchall()),
            sorted(db.execute("select * from speaker_months").fetchall()),
            sorted(db.execute("select * from speaker_role_counts").fetchall()))


def fresh(db) -> tuple[list[tuple], ...]:
    """The same rows grouped from the statements now."""
    outlet_rows = dbmod.SPEAKER_OUTLET_ROWS.format(source=f"({dbmod.SPEAKER_ARTICLE_ROWS})")
    return (sorted(db.execute(dbmod.SPEAKER_ARTICLE_ROWS).fetchall()),
            sorted(db.execute(outlet_rows).fetchall()),
            sorted(db.execute(dbmod.OUTLET_SPEAKER_ROWS.format(source=f"({outlet_rows})")).fetchall()),
            sorted(db.execute(dbmod.SPEAKER_MONTH_ROWS.format(source=f"({dbmod.SPEAKER_ARTICLE_ROWS})")).fetchall()),
            sorted(db.execute(dbmod.SPEAKER_ROLE_ROWS).fetchall()))


def assert_exact(db) -> tuple[list[tuple], ...]:
    kept = summary(db)
    assert kept == fresh(db)
    assert all(kept), "a summary is empty: the comparison proves nothing"
    return kept


def kinds(atts, *ks):
    return [dataclasses.replace(a, kind=k) for a, k in zip(atts, ks, strict=True)]


def articles():
    kim, lee = "Kim Min-jun", "Lee Seo-yeon"
    a1, t1 = article_of("a1", "harbor", "2024-03-05", [Said("The port reopens today", kim, kim, role="mayor"),
                                                       Said("Ships will wait", kim, kim, role="mayor",
                                                            organisation="Port Authority"),
                                                       Said("Costs rose sharply", lee, lee,
                                                            organisation="Fleet Union")])
    a2, t2 = article_of("a2", "harbor", "2024-04-01", [Said("Nothing changed at all", "Kim", kim, role="mayor"),
                                                       Said("We expect more rain", lee, lee, role="analyst",
                                                            organisation="Fleet Union")])
    a3, t3 = article_of("a3", None, None, [Said("A reply comes next week", kim, kim)])
    return (a1, kinds(t1, "speech", "belief", "speech")), (a2, t2), (a3, kinds(t3, "intention"))


def test_summary_is_exact_after_ingest_and_updates(db):
    stored = []
    for art, atts in articles():
        dbmod.save_article(db, art, atts)
        stored.append((art, atts))
    first = assert_exact(db)
    assert {r[3] for r in first[1]} >= {1, 3, 4}  # speech; speech+belief in one article; intention
    assert any(r[1] == 1 for r in first[1])  # the article without an outlet

    # re-ingest of an updated article: new text, another outlet and date, a statement of another kind
    art, atts = stored[0]
    new_art, new_atts = article_of("a1", "coast", "2024-02-01", [Said("The port reopens tomorrow", "Lee Seo-yeon",
                                                                      "Lee Seo-yeon"),
                                                                 Said("Ships will wait", "Kim Min-jun",
                                                                      "Kim Min-jun")])
    assert dbmod.save_article(db, new_art, kinds(new_atts, "evidence", "speech")).status == "updated"
    second = assert_exact(db)
    assert second != first

    # reextract: the same article's statements swapped in place (kinds and speakers change)
    dbmod.replace_statements(db, new_art, kinds(new_atts, "speech", "belief"), None)
    assert assert_exact(db) != second

    # the article's date and outlet corrected in place (the trigger on articles)
    db.execute("update articles set published = '2023-12-31', outlet = 'bay' where id = 'a2'")
    assert any(r[0] == "bay" and r[9] == "2023-12-31" for r in assert_exact(db)[1])


def test_summary_is_exact_through_reviews_merges_splits_and_relink(db):
    for art, atts in articles():
        dbmod.save_article(db, art, atts)
    sid = db.execute("select id from statements where content = 'Costs rose sharply'").fetchone()[0]
    before = assert_exact(db)
    dbmod.insert_review(db, "checker", {"statement_id": sid, "verdict": "wrong_speaker", "speaker": "Park Ji-ho"})
    assert assert_exact(db) == before  # a review corrects the view's name, not statements.speaker_id

    merged = speakers.merge(db, "Kim Min-jun", "Lee Seo-yeon")
    after_merge = assert_exact(db)
    assert {r[2] for r in after_merge[1]} == {merged["id"]}
    dbmod.relink_all(db)
    assert_exact(db)
    # a bare surname in another article joins the one person of that surname; split it off again
    a4, t4 = article_of("a4", "harbor", "2024-05-02", [Said("Rain is coming", "Park", "Park"),
                                                       Said("Boats are safe", "Park Ji-ho", "Park Ji-ho")])
    dbmod.save_article(db, a4, kinds(t4, "speech", "belief"))
    park = speakers._one_speaker(db, "Park Ji-ho")
    apart = speakers.split(db, park["id"], "Park", "Park Tae-yang")
    after_split = assert_exact(db)
    assert {park["id"], apart["id"]} <= {r[2] for r in after_split[1]}
    dbmod.relink_all(db)
    assert_exact(db)
    # statements deleted and a speaker set by hand: still exact
    db.execute("update statements set speaker_id = null where content = 'Ships will wait'")
    db.execute("delete from statements where content = 'A reply comes next week'")
    assert_exact(db)


def test_migration_fills_the_summary_of_an_existing_database(db):
    for art, atts in articles():
        dbmod.save_article(db, art, atts)
    kept = summary(db)
    db.execute("delete from speaker_outlet_counts")
    db.execute("delete from outlet_speakers")
    db.execute("delete from speaker_role_counts")
    dbmod.rebuild_speaker_summary(db)
    assert summary(db) == kept == fresh(db)
    # the month rows follow their (speaker, article) rows even when one is deleted outright
    db.execute("delete from speaker_articles where article_id = 'a2'")
    assert sorted(db.execute("select * from speaker_months").fetchall()) == sorted(db.execute(
        dbmod.SPEAKER_MONTH_ROWS.format(source="speaker_articles")).fetchall())


#: ``top_speakers_by_outlet`` before m016 (a group by of every statement of the view): the reference.
TOP_SPEAKERS_BEFORE_M016 = """
with counts as (
  select v.outlet, v.speaker, v.speaker_record_kind as speaker_kind, v.speaker_id, count(*) as statements,
    count(distinct v.article_id) as articles, min(v.date) as first_seen, max(v.date) as last_seen
  from statements_view v
  where v.speaker_id is not null and (:outlet = '' or v.outlet like '%' || :outlet || '%')
    and (lower(trim(:kinds)) = 'all'
      or instr(',' || replace(lower(coalesce(nullif(trim(:kinds), ''), 'speech')), ' ', '') || ',',
               ',' || v.kind || ','))
  group by v.outlet, v.speaker_id
),
ranked as (select *, row_number() over (partition by outlet order by statements desc, speaker) as position from counts)
select outlet, position, speaker, speaker_kind, statements, articles, first_seen, last_seen, speaker_id
from ranked where position <= coalesce(cast(nullif(trim(:top), '') as integer), 10) order by outlet, position
"""

#: Parameter sets: every outlet or a part of a name; top default, small (padded), 0, large; kinds default,
#: one, several, all (padded), unknown.
TOP_SPEAKERS_PARAMS = [{"outlet": o, "top": t, "kinds": k}
                       for o in ("", "news", "harbor", "nowhere")
                       for t in ("", " 3 ", "0", "40")
                       for k in ("", "belief", "belief,evidence", " ALL ", "speech, intention", "x")]


def assert_top_speakers_unchanged(db, sql: str) -> int:
    """The canned query ``sql`` gives the old query's rows for every parameter set; the number of rows."""
    n = 0
    for params in TOP_SPEAKERS_PARAMS:
        want = db.execute(TOP_SPEAKERS_BEFORE_M016, params).fetchall()
        assert db.execute(sql, params).fetchall() == want, params
        n += len(want)
    return n


def test_top_speakers_by_outlet_reads_the_summary_and_gives_the_old_rows(tmp_path: Path, datasette_metadata) -> None:
    sql = datasette_metadata["databases"]["attrib"]["queries"]["top_speakers_by_outlet"]["sql"]
    assert not re.search(r"\b(from|join) statements|statements_view", sql)  # the summaries only
    spec = importlib.util.spec_from_file_location("scale", REPO_ROOT / "bench" / "scale.py")
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    path = str(tmp_path / "scale.db")
    scale.build(path, 4000, 200, 150, seed=5, analyze=False)  # many speakers an outlet, ties in the counts
    db = dbmod.open_db(path)
    try:
        # the build dates every statement with its article, as an ingest does
        assert db.execute("select count(*) from statements s join articles a on a.id = s.article_id "
                          "where s.published is not a.published or s.published is null").fetchone()[0] == 0
        assert_exact(db)
        assert assert_top_speakers_unchanged(db, sql) > 1000
        # after writes through the triggers: an article moved to another outlet, statements deleted
        db.execute("update articles set outlet = 'Asia Wire' where id in (select id from articles limit 20)")
        db.execute("delete from statements where rowid % 7 = 0")
        assert_exact(db)
        assert_top_speakers_unchanged(db, sql)
    finally:
        db.conn.close()


def test_top_speakers_by_outlet_on_ingested_articles(db, datasette_metadata) -> None:
    """An article without an outlet, one with an empty one, and the review that renames a speaker:
    the new query shows ``speakers.name`` where the old showed the review's name."""
    sql = datasette_metadata["databases"]["attrib"]["queries"]["top_speakers_by_outlet"]["sql"]
    for art, atts in articles():
        dbmod.save_article(db, art, atts)
    a5, t5 = article_of("a5", "", "2024-06-01", [Said("The tide is low", "Kim Min-jun", "Kim Min-jun")])
    dbmod.save_article(db, a5, t5)
    assert {r[0] for r in db.execute(sql, {"outlet": "", "top": "", "kinds": "all"})} == {None, "", "harbor"}
    assert_top_speakers_unchanged(db, sql)
    sid = db.execute("select id from statements where content = 'Costs rose sharply'").fetchone()[0]
    dbmod.insert_review(db, "checker", {"statement_id": sid, "verdict": "wrong_speaker", "speaker": "Park Ji-ho"})
    params = {"outlet": "harbor", "top": "", "kinds": "all"}
    old = db.execute(TOP_SPEAKERS_BEFORE_M016, params).fetchall()
    new = db.execute(sql, params).fetchall()
    assert [r[2] for r in new] == ["Kim Min-jun", "Lee Seo-yeon"]
    assert old[1][2] in {"Lee Seo-yeon", "Park Ji-ho"}  # the old: either name, the review's is on one of two rows
    assert [r[:2] + r[3:] for r in new] == [r[:2] + r[3:] for r in old]
