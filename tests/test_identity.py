"""Identity across articles: one person, one speaker row; one organisation, one row
(:mod:`attrib.identity` and the ``speaker_aliases`` / ``organisations.key`` of :mod:`attrib.db`).

The articles are made up here; each statement is given with the name the in-article
resolver would have produced, so no model is needed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

import attrib.db as dbmod
from attrib import identity
from attrib.identity import Alias, Pin, cluster, name_parts, org_key
from attrib.types import Article, Attribution


@dataclass(frozen=True)
class Said:
    """One statement of a made-up article: ``mention`` as written, ``name`` as resolved."""

    content: str
    mention: str
    name: str
    kind: str = "person"
    role: str | None = None
    organisation: str | None = None


def article_of(article_id: str, outlet: str, date: str, said: list[Said]) -> tuple[Article, list[Attribution]]:
    """An article with one sentence per statement: '"CONTENT," said MENTION.'"""
    text, atts = "", []
    for s in said:
        start = len(text) + 1
        sentence = f"“{s.content},” said {s.mention}. "
        content = (start, start + len(s.content))
        cue = (len(text) + sentence.index("said"), len(text) + sentence.index("said") + 4)
        source = (cue[1] + 1, cue[1] + 1 + len(s.mention))
        text += sentence
        atts.append(Attribution((content,), cue, source, "direct", "quote_cue_before", 0.9, "say", s.name, s.kind,
                                s.role, s.organisation))
    return Article(article_id, text, f"https://{outlet}.example/{article_id}", article_id, outlet, date), atts


@pytest.fixture
def db(tmp_path: Path):
    db = dbmod.open_db(str(tmp_path / "id.db"))
    yield db
    db.conn.close()


def store(db, *articles) -> None:
    for art, atts in articles:
        dbmod.save_article(db, art, atts)


def speaker_of(db, content: str) -> tuple[int, str]:
    row = db.execute("select sp.id, sp.name from statements s join speakers sp on sp.id = s.speaker_id "
                     "where s.content = ?", [content]).fetchone()
    assert row is not None, content
    return row


# --- names taken apart -----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "key"), [
    ("Donald Trump", ("donald", "trump", "")),
    ("Donald J. Trump", ("donald", "trump", "")),           # a middle initial is not what tells people apart
    ("President Donald Trump", ("donald", "trump", "")),    # nor an office title
    ("Mr. Donald Trump", ("donald", "trump", "")),
    ("Donald Trump Jr.", ("donald", "trump", "jr")),         # but a suffix is: the son is not the father
    ("Kim Jong-un", ("jong-un", "kim", "")),                # Korean order: surname first
    ("Hillary Rodham Clinton", ("hillary", "clinton", "")),
    ("José Álvarez", ("jose", "alvarez", "")),              # accents do not split a person
    ("Ludwig van Beethoven", ("ludwig", "van beethoven", "")),
])
def test_full_names_are_keyed_by_first_given_name_and_surname(name, key):
    parts = name_parts(name)
    assert parts is not None and parts.full and parts.key == key


@pytest.mark.parametrize(("name", "surname", "gender"), [
    ("Trump", "trump", None), ("Mr. Trump", "trump", "m"), ("Ms. Okafor", "okafor", "f"),
    ("Senator Okafor", "okafor", None), ("D. Trump", "trump", None),
])
def test_a_surname_or_initial_alone_is_not_a_full_name(name, surname, gender):
    parts = name_parts(name)
    assert parts is not None and not parts.full and parts.surname == surname and parts.gender == gender


@pytest.mark.parametrize("name", ["a senior official", "her son", "crowds in the street", "the minister"])
def test_descriptions_are_not_personal_names(name):
    assert name_parts(name) is None
    assert identity.alias_scope(name, "anonymous", "art-1") == "art-1"


@pytest.mark.parametrize("names", [
    ("South Korea's foreign ministry", "the South Korean Ministry of Foreign Affairs", "Seoul's foreign ministry"),
    ("the Kremlin", "Kremlin"),
    ("Japan's defence ministry", "the Japanese Ministry of Defence"),
])
def test_names_of_one_organisation_have_one_key(names):
    assert len({org_key(n) for n in names}) == 1


@pytest.mark.parametrize(("a", "b"), [
    ("South Korea's foreign ministry", "North Korea's foreign ministry"),  # two countries
    ("the foreign ministry", "the defence ministry"),
    ("Port Agency", "Port Authority"),
])
def test_different_organisations_keep_different_keys(a, b):
    assert org_key(a) != org_key(b)


# --- clustering one block --------------------------------------------------------------------


def aliases(*specs) -> list[Alias]:
    """Person aliases; a full name (scope "") is named in two articles: prominent enough for a
    surname alone to join it (identity.PROMINENT_ARTICLES)."""
    return [Alias(i, name, "person", scope, 2 if not scope else 1, frozenset(roles))
            for i, (name, scope, roles) in enumerate(specs, 1)]


def groups_of(clusters) -> set[frozenset[int]]:
    return {frozenset(c.alias_ids) for c in clusters}


def test_a_surname_joins_the_one_person_of_that_surname():
    got = cluster(aliases(("Donald Trump", "", ()), ("Trump", "a2", ()), ("Mr. Trump", "a3", ()),
                          ("Donald J. Trump", "", ())))
    assert groups_of(got) == {frozenset({1, 2, 3, 4})}
    assert got[0].name == "Donald Trump"


def test_a_surname_shared_by_two_people_joins_neither():
    got = cluster(aliases(("Hillary Clinton", "", ()), ("Bill Clinton", "", ()), ("Clinton", "a3", ())))
    assert groups_of(got) == {frozenset({1}), frozenset({2}), frozenset({3})}


def test_a_courtesy_title_of_the_other_gender_keeps_a_surname_apart():
    got = cluster(aliases(("Ms. Ana Lopez", "", ()), ("Mr. Lopez", "a2", ())))
    assert groups_of(got) == {frozenset({1}), frozenset({2})}


def test_a_role_that_shares_no_word_keeps_a_surname_apart():
    got = cluster(aliases(("Maria Okafor", "", ("senator",)), ("Okafor", "a2", ("head coach",)),
                          ("Okafor", "a3", ("state senator",))))
    assert groups_of(got) == {frozenset({1, 3}), frozenset({2})}


def test_korean_names_of_one_family_stay_apart():
    got = cluster(aliases(("Kim Jong-un", "", ()), ("Kim Son-gyong", "", ()), ("Kim", "a3", ())))
    assert groups_of(got) == {frozenset({1}), frozenset({2}), frozenset({3})}


def test_an_initial_joins_the_person_whose_given_name_it_starts():
    got = cluster(aliases(("Ruth Adler", "", ()), ("Simon Adler", "", ()), ("R. Adler", "a3", ())))
    assert groups_of(got) == {frozenset({1, 3}), frozenset({2})}


def test_clusters_do_not_depend_on_the_order_aliases_were_stored_in():
    specs = [("Donald Trump", "", ()), ("Trump", "a2", ()), ("Ivana Ortiz", "", ()), ("Mr. Trump", "a3", ())]
    forward = cluster(aliases(*specs))
    backward = cluster([Alias(10 - a.id, a.name, a.kind, a.scope, 1, a.roles) for a in aliases(*specs)])
    names = lambda cs, ids: {frozenset(ids[i] for i in c.alias_ids) for c in cs}  # noqa: E731
    fwd = {a.id: a.name + a.scope for a in aliases(*specs)}
    bwd = {10 - a.id: a.name + a.scope for a in aliases(*specs)}
    assert names(forward, fwd) == names(backward, bwd)


def test_a_pin_puts_an_alias_where_the_newsroom_says():
    got = cluster(aliases(("Bill Clinton", "", ()), ("William Blythe", "", ())),
                  [Pin("William Blythe", "Bill Clinton", "Q1124")])
    assert groups_of(got) == {frozenset({1, 2})} and got[0].wikidata == "Q1124" and got[0].name == "Bill Clinton"


# --- across stored articles ------------------------------------------------------------------


TRUMP_A = article_of("trump-a", "harbour-news", "2016-10-01", [
    Said("We will build the wall", "Donald Trump", "Donald Trump", role="candidate"),
    Said("My husband will win", "Hillary Clinton", "Hillary Clinton"),
])
TRUMP_B = article_of("trump-b", "valley-times", "2016-10-02", [
    Said("The debate was rigged", "Trump", "Trump"),
    Said("Hillary will be a great president", "Bill Clinton", "Bill Clinton"),
    Said("Talks with Pyongyang are off", "South Korea's foreign ministry", "South Korea's foreign ministry",
         kind="organisation"),
])
TRUMP_D = article_of("trump-d", "metro-daily", "2016-10-04", [
    Said("Trade deals will be renegotiated", "Donald Trump", "Donald Trump"),
])
TRUMP_C = article_of("trump-c", "coast-post", "2016-10-03", [
    Said("I never said that", "Mr. Trump", "Mr. Trump"),
    Said("We regret the missile test", "the South Korean Ministry of Foreign Affairs",
         "South Korean Ministry of Foreign Affairs", kind="organisation"),
    Said("The ferry is late", "Anna Berg", "Anna Berg", organisation="Seoul's foreign ministry", role="spokeswoman"),
])


@pytest.mark.parametrize("order", [(TRUMP_A, TRUMP_B, TRUMP_C, TRUMP_D), (TRUMP_C, TRUMP_B, TRUMP_D, TRUMP_A),
                                   (TRUMP_B, TRUMP_C, TRUMP_A, TRUMP_D)])
def test_one_person_one_speaker_across_articles_in_any_order(db, order):
    store(db, *order)
    trump = {speaker_of(db, c) for c in ("We will build the wall", "The debate was rigged", "I never said that")}
    assert len(trump) == 1 and trump.pop()[1] == "Donald Trump"
    assert speaker_of(db, "My husband will win") != speaker_of(db, "Hillary will be a great president")
    ministry = {speaker_of(db, c)[0] for c in ("Talks with Pyongyang are off", "We regret the missile test")}
    assert len(ministry) == 1
    orgs = db.execute("select count(*) from organisations").fetchone()[0]
    assert orgs == 1  # Anna Berg's organisation is the same ministry
    aliases = {r[0] for r in db.execute("select alias from speaker_alias_counts where speaker_id = ?",
                                        [speaker_of(db, "I never said that")[0]])}
    assert aliases == {"Donald Trump", "Trump", "Mr. Trump"}


def test_a_second_person_of_the_surname_unlinks_the_bare_surname(db):
    store(db, TRUMP_A, TRUMP_B, TRUMP_D)
    assert speaker_of(db, "The debate was rigged") == speaker_of(db, "We will build the wall")
    store(db, article_of("ivana", "coast-post", "2016-10-04", [Said("I like the city", "Ivana Trump", "Ivana Trump")]))
    assert speaker_of(db, "The debate was rigged") != speaker_of(db, "We will build the wall")
    assert speaker_of(db, "The debate was rigged")[1] == "Trump"


def test_descriptions_in_two_articles_are_two_speakers(db):
    store(db, article_of("x1", "a", "2020-01-01", [Said("The deal is done", "an official", "an official",
                                                        kind="anonymous")]),
          article_of("x2", "b", "2020-01-02", [Said("The deal is off", "an official", "an official",
                                                    kind="anonymous")]))
    assert speaker_of(db, "The deal is done") != speaker_of(db, "The deal is off")


def test_statement_ids_stay_when_speakers_merge(db):
    store(db, TRUMP_B)
    ids = {r[0] for r in db.execute("select id from statements")}
    store(db, TRUMP_A)
    assert ids <= {r[0] for r in db.execute("select id from statements")}


def test_search_finds_a_statement_by_the_merged_name(db):
    store(db, TRUMP_B, TRUMP_A, TRUMP_D)
    hits = {r[0] for r in db.execute("select s.content from statements_fts f join statements s on s.rowid = f.rowid "
                                     "where statements_fts match 'speaker:donald'")}
    assert "The debate was rigged" in hits


def test_roles_over_time_have_first_and_last_dates(db):
    store(db, TRUMP_A, article_of("later", "x", "2017-02-01",
                                  [Said("Jobs are back", "Donald Trump", "Donald Trump", role="president")]))
    sp = speaker_of(db, "Jobs are back")[0]
    roles = {r[0]: (r[1], r[2]) for r in db.execute(
        "select role, first_published, last_published from speaker_roles where speaker_id = ?", [sp])}
    assert roles == {"candidate": ("2016-10-01", "2016-10-01"), "president": ("2017-02-01", "2017-02-01")}


def test_a_database_of_before_m012_is_linked_on_open(tmp_path: Path):
    """One speaker row per (name, kind), as m001-m011 stored them: m012 makes aliases of them
    and links them, keeping every statement and its id."""
    import sqlite_utils
    path = str(tmp_path / "old.db")
    old = sqlite_utils.Database(path)
    dbmod.migrations.apply(old, stop_before="m012_identity_across_articles")
    for art, atts in (TRUMP_A, TRUMP_B, TRUMP_D):
        old["articles"].insert({"id": art.id, "text": art.text, "published": art.published, "outlet": art.outlet})
        for a in atts:
            sp = old["speakers"].lookup({"name": a.source_name, "kind": a.speaker_kind})
            old["statements"].insert({"id": dbmod.statement_id(art.id, a), "article_id": art.id,
                                      "content": a.content_text(art.text), "speaker_id": sp,
                                      "start": a.start, "end": a.end, "published": art.published}, pk="id")
    ids = {r[0] for r in old.execute("select id from statements")}
    old.conn.close()
    db = dbmod.open_db(path)
    assert {r[0] for r in db.execute("select id from statements")} == ids
    assert speaker_of(db, "The debate was rigged") == speaker_of(db, "We will build the wall")
    assert speaker_of(db, "Talks with Pyongyang are off")[1] == "South Korea's foreign ministry"
    db.conn.close()


def test_every_statement_points_at_its_aliases_speaker(db):
    store(db, TRUMP_C, TRUMP_A, TRUMP_B)
    bad = db.execute("select count(*) from statements s join speaker_aliases a on a.id = s.alias_id "
                     "where s.speaker_id is not a.speaker_id").fetchone()[0]
    assert bad == 0


# --- newsroom decisions ----------------------------------------------------------------------


CLINTON_1 = article_of("c1", "a", "2016-05-01", [Said("The economy grew", "Bill Clinton", "Bill Clinton")])
CLINTON_2 = article_of("c2", "b", "2016-05-02", [Said("Trade helps", "William Blythe", "William Blythe")])
CLINTON_3 = article_of("c3", "c", "2016-05-03", [Said("I was there", "William Blythe", "William Blythe")])


def test_a_merge_holds_through_reextract_and_new_articles(db):
    from attrib.speakers import merge
    store(db, CLINTON_1, CLINTON_2)
    assert speaker_of(db, "The economy grew") != speaker_of(db, "Trade helps")
    ids = {r[0] for r in db.execute("select id from statements")}
    merged = merge(db, "Bill Clinton", "William Blythe")
    assert merged["name"] == "Bill Clinton" and merged["n_statements"] == 2
    assert speaker_of(db, "The economy grew") == speaker_of(db, "Trade helps")
    art, atts = CLINTON_2
    dbmod.replace_statements(db, art, atts, None)  # what reextract does with each article
    store(db, CLINTON_3)
    assert len({speaker_of(db, c) for c in ("The economy grew", "Trade helps", "I was there")}) == 1
    dbmod.relink_all(db)
    assert len({speaker_of(db, c) for c in ("The economy grew", "Trade helps", "I was there")}) == 1
    assert ids <= {r[0] for r in db.execute("select id from statements")}


def test_a_split_takes_an_alias_off_and_keeps_it_off(db):
    from attrib.speakers import split
    store(db, TRUMP_A, TRUMP_B, TRUMP_D)
    trump = speaker_of(db, "We will build the wall")
    assert speaker_of(db, "The debate was rigged") == trump
    new = split(db, "Donald Trump", "Trump", name="Fred Trump")
    assert speaker_of(db, "The debate was rigged") == (new["id"], "Fred Trump")
    dbmod.relink_all(db)
    store(db, TRUMP_C)
    assert speaker_of(db, "The debate was rigged") == (new["id"], "Fred Trump")
    assert speaker_of(db, "We will build the wall") == trump


def test_a_split_right_after_a_merge_gives_the_alias_its_own_speaker(db):
    """The split alias moves to a block of its own; relinking both blocks at once keeps the
    merged speaker for the alias that stays and gives the split one a new speaker (relinked
    block by block, both clusters took the one speaker id and the split did nothing)."""
    from attrib.speakers import merge, split
    store(db, CLINTON_1, CLINTON_2)
    kept = merge(db, "Bill Clinton", "William Blythe")
    new = split(db, "Bill Clinton", "William Blythe")
    assert speaker_of(db, "Trade helps") == (new["id"], "William Blythe")
    assert speaker_of(db, "The economy grew") == (kept["id"], "Bill Clinton")
    assert new["id"] != kept["id"]


def test_the_aliases_file_names_the_person_and_its_wikidata_id(db, tmp_path: Path):
    from attrib.speakers import load_aliases
    store(db, CLINTON_1, CLINTON_2)
    f = tmp_path / "aliases.csv"
    f.write_text("alias,canonical,wikidata\n# hand-kept\nWilliam Blythe,Bill Clinton,Q1124\n"
                 "Bill Clinton,Bill Clinton,Q1124\n", encoding="utf-8")
    assert load_aliases(db, f) == 2
    assert load_aliases(db, f) == 0  # the same decisions are not recorded twice
    sp = db.execute("select id, name, wikidata from speakers where name = 'Bill Clinton'").fetchall()
    assert len(sp) == 1 and sp[0][2] == "Q1124"
    assert speaker_of(db, "Trade helps")[0] == sp[0][0]


@pytest.mark.parametrize(("content", "message"), [
    ("alias,canonical\nonly one cell\n", "line 2"),
    ("Bill Clinton,Bill Clinton,1124\n", "not a Wikidata id"),
    ("a,b,c,d\n", "line 1"),
])
def test_a_bad_aliases_file_is_refused_with_its_line(db, tmp_path: Path, content, message):
    from attrib.speakers import SpeakerError, load_aliases
    f = tmp_path / "aliases.csv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(SpeakerError, match=message):
        load_aliases(db, f)
    assert db.execute("select count(*) from speaker_pins").fetchone()[0] == 0


def test_speakers_commands(tmp_path: Path):
    from click.testing import CliRunner

    from attrib.cli import cli
    path = tmp_path / "cli.db"
    db = dbmod.open_db(str(path))
    store(db, CLINTON_1, CLINTON_2, TRUMP_A, TRUMP_B, TRUMP_D)
    db.conn.close()
    run = CliRunner().invoke
    res = run(cli, ["speakers", "merge", str(path), "Bill Clinton", "William Blythe"])
    assert res.exit_code == 0, res.output
    assert "Bill Clinton: 3 statements" in res.output  # TRUMP_B has one more statement of Bill Clinton
    res = run(cli, ["speakers", "show", str(path), "Trump"])
    assert res.exit_code == 0 and "Donald Trump" in res.output and "Trump | " not in res.output.split("\t")[1]
    res = run(cli, ["speakers", "merge", str(path), "Nobody Here", "Bill Clinton"])
    assert res.exit_code == 1 and "no speaker 'Nobody Here'" in res.output
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00bad")
    res = run(cli, ["speakers", "aliases", str(path), str(bad)])
    assert res.exit_code == 1 and "not UTF-8" in res.output


def test_a_name_the_resolver_could_not_type_is_still_read_as_a_name():
    """"Trump told supporters": the tagger saw no person, the resolver kept the name with kind unknown."""
    got = cluster([Alias(1, "Donald Trump", "person", "", 2), Alias(2, "Trump", "unknown", "a2")])
    assert groups_of(got) == {frozenset({1, 2})} and got[0].kind == "person"
    assert identity.block_key("Trump", "unknown", "a2") == identity.block_key("Donald Trump", "person", "")


def test_middle_initials_that_differ_keep_father_and_son_apart():
    got = cluster(aliases(("George H.W. Bush", "", ()), ("George W. Bush", "", ()), ("George W Bush", "", ()),
                          ("George Bush", "", ())))
    assert groups_of(got) == {frozenset({1}), frozenset({2, 3}), frozenset({4})}


def test_a_name_without_middle_initials_joins_the_one_person_written_with_them():
    got = cluster(aliases(("Hillary Rodham Clinton", "", ()), ("Hillary Clinton", "", ())))
    assert groups_of(got) == {frozenset({1, 2})} and got[0].name == "Hillary Clinton"


@pytest.mark.parametrize(("a", "b"), [("Bill Clinton", "William Clinton"), ("Rudy Giuliani", "Rudolph Giuliani"),
                                      ("Dick Durbin", "Richard Durbin")])
def test_a_common_short_form_is_its_given_name(a, b):
    assert name_parts(a).key == name_parts(b).key


@pytest.mark.parametrize("name", ["Clinton White House", "Jupiter Democrat", "Senate Republicans"])
def test_organisation_and_party_words_are_not_names(name):
    assert name_parts(name) is None


def test_a_possessive_before_a_name_is_not_part_of_it():
    assert name_parts("Gallup’s Jeffrey M. Jones").key == name_parts("Jeffrey Jones").key


def test_a_named_group_is_one_speaker_across_articles_and_a_described_one_is_not():
    assert identity.alias_scope("House Republicans", "group", "a1") == ""
    assert identity.alias_scope("some residents", "group", "a1") == "a1"


def test_a_surname_alone_joins_only_a_person_named_in_more_than_one_article():
    """One "Robert Mason" quoted once is no reason to think "Mason" in another story is him."""
    once = cluster([Alias(1, "Robert Mason", "person", "", 1), Alias(2, "Mason", "person", "a2")])
    assert groups_of(once) == {frozenset({1}), frozenset({2})}


def test_an_article_naming_another_person_of_the_surname_keeps_its_surname_apart():
    """"Polk County GOP Chairman Glenn Rogers ... Rogers said": not the Fred Rogers of other stories."""
    ctx = identity.article_context("Rogers", ["Glenn Rogers", "Ana Lopez"])
    assert ctx == {("glenn", "rogers", "")}
    got = cluster([Alias(1, "Fred Rogers", "person", "", 5), Alias(2, "Rogers", "person", "a2", 1, frozenset(), ctx)])
    assert groups_of(got) == {frozenset({1}), frozenset({2})}
    named = identity.article_context("Rogers", ["Fred Rogers"])
    got = cluster([Alias(1, "Fred Rogers", "person", "", 1), Alias(2, "Rogers", "person", "a2", 1, frozenset(), named)])
    assert groups_of(got) == {frozenset({1, 2})}  # its own article names him in full


def test_a_claim_of_a_speaker_linked_later_joins_that_speakers_claim(db):
    """The claim of "Trump" was another speaker's until Donald Trump was named in full in two
    articles; once "Trump" is linked to him, the same reported claim is one claim."""
    from attrib import pipeline
    first = article_of("early", "a", "2016-09-01", [
        Said("The new tariffs will protect American factory jobs", "Trump", "Trump", kind="person")])
    later = article_of("late", "b", "2016-09-02", [
        Said("The new tariffs would protect American factory jobs", "Donald Trump", "Donald Trump")])
    for art, atts in (first, later, TRUMP_D):
        dbmod.save_article(db, art, atts)
        pipeline.statements_saved(db, art.id)
    claims = {r[0] for r in db.execute("select claim_id from statements where content like 'The new tariffs%'")}
    assert len(claims) == 1


async def test_the_page_of_a_merged_speaker_redirects_to_the_speaker_it_became(tmp_path: Path, datasette_metadata):
    import copy

    from datasette.app import Datasette

    from attrib.speakers import merge
    path = tmp_path / "merge.db"
    db = dbmod.open_db(str(path))
    store(db, CLINTON_1, CLINTON_2)
    old_id = speaker_of(db, "Trade helps")[0]
    kept = merge(db, "Bill Clinton", "William Blythe")
    assert kept["id"] != old_id
    db.conn.close()
    ds = Datasette(immutables=[str(path)], metadata=copy.deepcopy(datasette_metadata))
    res = await ds.client.get(f"/-/attrib/speaker/merge/{old_id}")
    assert res.status_code == 302 and res.headers["location"].endswith(f"/speaker/merge/{kept['id']}")
    page = await ds.client.get(res.headers["location"])
    assert page.status_code == 200 and "William Blythe" in page.text  # listed as another name
    assert (await ds.client.get("/-/attrib/speaker/merge/999")).status_code == 404


def test_an_updated_article_that_drops_a_name_counts_one_article_fewer(db):
    store(db, CLINTON_1, article_of("c4", "d", "2016-05-04", [Said("Growth is back", "Bill Clinton", "Bill Clinton")]))
    n = lambda: db.execute("select n_articles from speaker_aliases where alias = 'Bill Clinton'").fetchone()[0]  # noqa: E731
    assert n() == 2
    store(db, article_of("c4", "d", "2016-05-04", [Said("Growth is back", "Ana Ruiz", "Ana Ruiz")]))
    assert n() == 1
