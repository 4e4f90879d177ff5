"""Claims across outlets (issue 12, item 4): the decision rules, the incremental assignment in the
database, the rebuild command, and the claim page and canned queries in Datasette.

Every sentence here is made up for these tests."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from attrib import claims as cl
from attrib.cli import cli
from attrib.db import (
    assign_claims,
    checkpoint,
    count_unclaimed,
    open_db,
    rebuild_claims,
    replace_statements,
    statement_id,
)
from attrib.pipeline import Report, store_attributed
from attrib.types import Article, Attribution, ParsedArticle

# ------------------------------------------------------------------ the decision, without a database


def st(content: str, speaker: int | None = 1, typ: str = "direct") -> cl.ClaimStatement:
    return cl.ClaimStatement(cl.features(content), speaker, typ)


def test_normalised_words_ignore_case_punctuation_quotes_and_ellipsis() -> None:
    a = cl.normalise("\u201cWe won\u2019t\u2026 give up the harbour,\u201d")
    b = cl.normalise('we won\'t give up -- the HARBOUR...')
    assert a == b == "we wo not give up the harbour"
    assert cl.words("The U.S. sent 1,200 engineers to Korea's coast") == [
        "the", "us", "sent", "1200", "engineers", "to", "korea", "coast"]


def test_signatures_are_the_same_in_another_process() -> None:
    text = "The new ferry line will carry ten thousand commuters a day across the bay"
    here = cl.lsh_keys(cl.features(text))
    code = f"from attrib import claims as c; print(list(c.lsh_keys(c.features({text!r}))))"
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": "12345", "PATH": ""}).stdout
    assert json.loads(there) == list(here)
    assert len(here) == cl.BANDS and len(set(here)) == cl.BANDS


def test_near_verbatim_quotation_joins_whoever_the_speaker() -> None:
    base = st("We will never sell the harbour to a private company.", 1)
    for variant in ("we will never sell the harbour to a private company",  # case, punctuation
                    "We will never … sell the harbour to a private company!",  # an ellipsis
                    "We will never sell the old harbour to a private company.",  # a word more
                    "We will never sell the harbour to private company."):  # a word less
        for speaker in (1, 2, None):
            assert cl.decide(base, st(variant, speaker)).verdict == "join", (variant, speaker)


def test_cut_quotation_joins() -> None:
    long = st("The bridge is safe for cars, but we will close it to lorries heavier than ten tonnes from May.", 5)
    cut = st("we will close it to lorries heavier than ten tonnes", None)
    assert cl.decide(long, cut).verdict == "join"


def test_short_quotation_needs_the_same_speaker() -> None:
    assert cl.decide(st("This is unacceptable.", 1), st("This is unacceptable!", 2)).verdict is None
    assert cl.decide(st("This is unacceptable.", 1), st("This is unacceptable!", 1)).verdict == "join"


def test_reported_claim_in_other_words_joins_for_the_same_speaker_only() -> None:
    a = st("the tariffs would protect American jobs", 7, "indirect")
    b = st("The tariffs will protect American jobs", 7, "indirect")
    assert cl.decide(a, b).verdict == "join"
    other = cl.decide(a, st("The tariffs will protect American jobs", 8, "indirect"))
    assert other.verdict == "suggest" and "another speaker" in other.reason
    unknown = cl.decide(a, st("The tariffs will protect American jobs", None, "indirect"))
    assert unknown.verdict != "join"


def test_a_long_reported_passage_joins_whoever_the_speaker() -> None:
    passage = ("the company had promised to build three schools, a clinic and a new road to the valley "
               "before the mine opened")
    assert cl.decide(st(passage, 1, "indirect"), st(passage.capitalize() + ".", 2, "indirect")).verdict == "join"
    short = "the company had promised to build three schools"
    assert cl.decide(st(short, 1, "indirect"), st(short, 2, "indirect")).verdict != "join"


def test_unrelated_claim_of_the_same_speaker_does_not_join() -> None:
    a = st("the tariffs would protect American jobs", 7, "indirect")
    assert cl.decide(a, st("the new stadium would open before the summer", 7, "indirect")).verdict is None
    assert cl.decide(a, st("the tariffs would hurt American farmers badly", 7, "indirect")).verdict is None


def test_suggestion_band() -> None:
    a = st("the tariffs would protect American jobs", 7, "indirect")
    changed = cl.decide(a, st("the tariffs would destroy American jobs", 7, "indirect"))  # 3 of 5 stems
    assert changed.verdict == "suggest"
    assert cl.SAME_SPEAKER_SUGGEST <= changed.score < cl.SAME_SPEAKER_JOIN
    quote = cl.decide(st("We expect the port to reopen within two weeks", 1),
                      st("We expect the airport to reopen within three weeks", 2))
    assert quote.verdict == "suggest" and cl.QUOTE_SUGGEST <= quote.score < cl.QUOTE_JOIN


def test_negation_or_another_figure_is_never_the_same_claim() -> None:
    a = st("the tariffs would protect American jobs", 7, "indirect")
    neg = cl.decide(a, st("the tariffs would not protect American jobs", 7, "indirect"))
    assert neg.verdict == "suggest" and "negated" in neg.reason
    figures = cl.decide(st("The plant will cost 300 jobs in the region.", 3),
                        st("The plant will cost 400 jobs in the region.", 3))
    assert figures.verdict == "suggest" and "figures" in figures.reason


def test_lsh_finds_similar_contents_and_not_unrelated_ones() -> None:
    a = set(cl.lsh_keys(cl.features("the tariffs would protect American jobs in the steel industry")))
    b = set(cl.lsh_keys(cl.features("The tariffs will protect American jobs in the steel industry, he said")))
    c = set(cl.lsh_keys(cl.features("the orchestra will tour three cities in the autumn")))
    assert a & b and not a & c


# ------------------------------------------------------------------ in the database


def attribution(text: str, content: str, speaker: str | None, typ: str = "direct") -> Attribution:
    start = text.index(content)
    return Attribution(((start, start + len(content)),), None, None, typ, "test_rule", 0.9, cue_lemma="say",
                       source_name=speaker, speaker_kind="person" if speaker else "unknown")


def article(aid: str, text: str, outlet: str, published: str | None) -> Article:
    return Article(aid, text, url=f"https://{outlet.lower()}.example/{aid}", title=f"{outlet} story {aid}",
                   outlet=outlet, published=published)


#: Four short stories from four outlets; (article, [(content, speaker, type)]).
QUOTE = "We will keep the border crossing open to every family that needs it"
STORIES = {
    "north-1": (article("north-1", (
        f'"{QUOTE}," said Governor Lena Marsh on Monday. Marsh said the new toll would pay for '
        "two hospitals. She also said the festival would move to the old docks."), "Northern Post", "2021-04-06"),
        [(QUOTE + ",", "Lena Marsh", "direct"),
         ("the new toll would pay for two hospitals", "Lena Marsh", "indirect"),
         ("the festival would move to the old docks", "Lena Marsh", "indirect")]),
    "east-1": (article("east-1", (
        "The new toll will pay for two hospitals, Marsh said. "
        '"We will keep the border crossing open … to every family that needs it!" a spokesman added.'),
        "East Herald", "2021-04-05"),
        [("The new toll will pay for two hospitals", "Lena Marsh", "indirect"),
         ("We will keep the border crossing open … to every family that needs it!", None, "direct")]),
    "west-1": (article("west-1", (
        "Mayor Tom Ruiz said the new toll would pay for two hospitals. "
        "Ruiz said the harbour ferries would run all night."), "West Times", "2021-04-07"),
        [("the new toll would pay for two hospitals", "Tom Ruiz", "indirect"),
         ("the harbour ferries would run all night", "Tom Ruiz", "indirect")]),
    "south-1": (article("south-1", (
        f'"{QUOTE.lower()}," Marsh told reporters.'), "South Wire", None),
        [(QUOTE.lower() + ",", "Lena Marsh", "direct")]),
}


def store(db, key: str, text: str | None = None, items=None) -> None:
    art, default = STORIES[key]
    if text is not None:
        art = Article(art.id, text, art.url, art.title, art.outlet, art.published)
    atts = [attribution(art.text, c, s, t) for c, s, t in (items if items is not None else default)]
    store_attributed(db, art, None, atts, Report())  # the pipeline's one path: save, then claims


def sid(key: str, content: str, speaker: str | None, typ: str = "direct", text: str | None = None) -> str:
    art = STORIES[key][0]
    return statement_id(art.id, attribution(text or art.text, content, speaker, typ))


def claim_of(db, statement: str) -> int | None:
    return db.execute("select claim_id from statements where id = ?", [statement]).fetchone()[0]


def claims_state(db) -> list[tuple]:
    """Everything the claims are made of, for comparing two runs."""
    return [db.execute("select * from claims order by id").fetchall(),
            db.execute("select id, claim_id from statements order by id").fetchall(),
            db.execute("select * from claim_buckets order by 1, 2").fetchall(),
            db.execute("select * from claim_suggestions order by 1, 2").fetchall()]


def assert_consistent(db) -> None:
    """No dangling or empty claims, band keys or suggestions; every aggregate matches its statements."""
    assert count_unclaimed(db) == 0
    assert not db.execute("select id from claims c where not exists "
                          "(select 1 from statements s where s.claim_id = c.id)").fetchall()
    assert not db.execute("select 1 from claim_buckets b where not exists "
                          "(select 1 from statements s where s.rowid = b.statement_rowid)").fetchall()
    assert not db.execute("select 1 from claim_suggestions x where not exists (select 1 from statements s "
                          "where s.id = x.statement_id) or not exists (select 1 from claims c "
                          "where c.id = x.claim_id)").fetchall()
    for cid, n, n_art, n_out in db.execute("select id, n_statements, n_articles, n_outlets from claims"):
        assert (n, n_art, n_out) == db.execute(
            "select count(*), count(distinct s.article_id), count(distinct a.outlet) from statements s "
            "join articles a on a.id = s.article_id where s.claim_id = ?", [cid]).fetchone()


@pytest.fixture
def news(tmp_path: Path):
    db = open_db(str(tmp_path / "attrib.db"))  # Datasette names it "attrib", as the metadata expects
    for key in ("north-1", "east-1", "west-1", "south-1"):
        store(db, key)
    yield db
    db.conn.close()


def test_quotation_and_reported_claim_across_outlets(news) -> None:
    quote = {claim_of(news, sid("north-1", QUOTE + ",", "Lena Marsh")),
             claim_of(news, sid("east-1", "We will keep the border crossing open … to every family that needs it!",
                                None)),
             claim_of(news, sid("south-1", QUOTE.lower() + ",", "Lena Marsh"))}
    assert len(quote) == 1 and None not in quote
    toll = claim_of(news, sid("north-1", "the new toll would pay for two hospitals", "Lena Marsh", "indirect"))
    assert toll == claim_of(news, sid("east-1", "The new toll will pay for two hospitals", "Lena Marsh", "indirect"))
    # the same words reported of another speaker: another claim, only suggested
    ruiz = claim_of(news, sid("west-1", "the new toll would pay for two hospitals", "Tom Ruiz", "indirect"))
    assert ruiz != toll
    suggestion = news.execute("select claim_id, reason from claim_suggestions where statement_id = ?",
                              [sid("west-1", "the new toll would pay for two hospitals", "Tom Ruiz", "indirect")]
                              ).fetchall()
    assert (toll, "same claim, another speaker") in suggestion or \
        (toll, "same words reported of another speaker") in suggestion
    # an unrelated claim of the same speaker keeps its own claim
    festival = claim_of(news, sid("north-1", "the festival would move to the old docks", "Lena Marsh", "indirect"))
    assert festival not in (toll, *quote)
    assert_consistent(news)


def test_first_appearance_is_the_earliest_publication(news) -> None:
    quote = claim_of(news, sid("north-1", QUOTE + ",", "Lena Marsh"))
    row = news.execute("select first_outlet, first_article_id, first_published, n_outlets, n_articles, "
                       "n_statements, label from claims where id = ?", [quote]).fetchone()
    # East Herald published a day before Northern Post (ingested later); South Wire has no date
    assert row[:6] == ("East Herald", "east-1", "2021-04-05", 3, 3, 3)
    assert row[6].startswith("We will keep the border crossing open …")


def test_reingest_and_reassignment_change_nothing(news) -> None:
    before = claims_state(news)
    store(news, "east-1")  # the same text: unchanged
    for key in STORIES:
        assign_claims(news, key)  # assigned again, in another order than the ingest
    assert claims_state(news) == before


def test_updated_article_leaves_no_dangling_claims(news) -> None:
    quote = claim_of(news, sid("north-1", QUOTE + ",", "Lena Marsh"))
    festival = claim_of(news, sid("north-1", "the festival would move to the old docks", "Lena Marsh", "indirect"))
    text = "Governor Lena Marsh said the festival would move to the old docks. Nothing else was said."
    store(news, "north-1", text=text, items=[("the festival would move to the old docks", "Lena Marsh", "indirect")])
    assert_consistent(news)
    assert news.execute("select n_outlets, first_outlet from claims where id = ?", [quote]).fetchone() == (
        2, "East Herald")
    # the old statements went with their claim; the new one has a claim of its own
    assert news.execute("select count(*) from claims where id = ?", [festival]).fetchone()[0] == 0
    new_id = sid("north-1", "the festival would move to the old docks", "Lena Marsh", "indirect", text=text)
    assert news.execute("select n_statements, first_article_id from claims where id = ?",
                        [claim_of(news, new_id)]).fetchone() == (1, "north-1")
    # the story is corrected again, without any statement: its claims go with them
    store(news, "north-1", text="A correction: the governor gave no interview.", items=[])
    assert_consistent(news)
    assert news.execute("select count(*) from claims where first_article_id = 'north-1'").fetchone()[0] == 0


def test_reextract_keeps_claims(news) -> None:
    before = claims_state(news)
    art, items = STORIES["west-1"]
    empty = ParsedArticle(art.text, (), (), ())
    with_claims = [attribution(art.text, c, s, t) for c, s, t in items]
    replace_statements(news, art, with_claims, empty)
    assign_claims(news, art.id)
    assert claims_state(news) == before


def test_rebuild_gives_the_same_groups(news) -> None:
    def groups() -> set[frozenset[str]]:
        by: dict[int, set[str]] = {}
        for s, c in news.execute("select id, claim_id from statements"):
            by.setdefault(c, set()).add(s)
        return {frozenset(g) for g in by.values()}

    before = groups()
    assert rebuild_claims(news) == len(before)
    assert groups() == before
    assert_consistent(news)


def test_claims_rebuild_command(news, tmp_path: Path) -> None:
    news.execute("update statements set claim_id = null")
    news.conn.commit()
    result = CliRunner().invoke(cli, ["claims", "rebuild", str(tmp_path / "attrib.db"), "-q"])
    assert result.exit_code == 0, result.output
    assert "claims over 8 statements" in result.output
    assert count_unclaimed(news) == 0
    help_text = CliRunner().invoke(cli, ["claims", "rebuild", "--help"]).output
    assert "attrib claims rebuild news.db" in help_text


# ------------------------------------------------------------------ Datasette


@pytest.fixture
def claims_ds(news, tmp_path: Path, datasette_metadata: dict) -> Datasette:
    checkpoint(news)  # everything in the .db file: Datasette opens it immutable
    return Datasette(immutables=[str(tmp_path / "attrib.db")], metadata=copy.deepcopy(datasette_metadata))


async def test_claim_page(claims_ds: Datasette, tmp_path: Path) -> None:
    ds = claims_ds
    quote_sid = sid("north-1", QUOTE + ",", "Lena Marsh")
    rows = (await ds.client.get(f"/attrib/statements_view.json?id={quote_sid}&_shape=array")).json()
    claim = rows[0]["claim_id"]
    response = await ds.client.get(f"/-/attrib/claim/attrib/{claim}")
    assert response.status_code == 200, response.text
    page = response.text
    assert "3 outlets" in page and "First appearance" in page
    # every appearance, earliest first, each linking to its highlighted article
    east = page.index("/-/attrib/article/attrib/east-1?statement=")
    north = page.index("/-/attrib/article/attrib/north-1?statement=" + quote_sid)
    south = page.index("/-/attrib/article/attrib/south-1?statement=")
    assert east < north < south
    assert "East Herald" in page and "Lena Marsh" in page
    assert (await ds.client.get("/-/attrib/claim/attrib/999999")).status_code == 404
    # the statements table links a claim id to its page
    table = (await ds.client.get(f"/attrib/statements_view?id={quote_sid}")).text
    assert f'href="/-/attrib/claim/attrib/{claim}"' in table


async def test_claim_page_lists_suggestions(claims_ds: Datasette) -> None:
    ruiz = sid("west-1", "the new toll would pay for two hospitals", "Tom Ruiz", "indirect")
    marsh = sid("north-1", "the new toll would pay for two hospitals", "Lena Marsh", "indirect")
    claim = (await claims_ds.client.get(f"/attrib/statements.json?id={marsh}&_shape=array")).json()[0]["claim_id"]
    page = (await claims_ds.client.get(f"/-/attrib/claim/attrib/{claim}")).text
    assert "Possibly the same claim" in page and f"statement={ruiz}" in page


async def test_canned_queries_for_claims(claims_ds: Datasette) -> None:
    rows = (await claims_ds.client.get("/attrib/claims_by_outlets.json?about=&_shape=array")).json()
    assert rows[0]["n_outlets"] == 3 and rows[0]["first_outlet"] == "East Herald"
    assert [r["n_outlets"] for r in rows] == sorted((r["n_outlets"] for r in rows), reverse=True)
    toll = (await claims_ds.client.get("/attrib/claims_by_outlets.json?about=hospitals&_shape=array")).json()
    assert len(toll) == 1 and toll[0]["n_outlets"] == 2 and "Lena Marsh" in toll[0]["speakers"]
    first = (await claims_ds.client.get("/attrib/first_appearance_of_claim.json?q=border+crossing&_shape=array")
             ).json()
    assert len(first) == 1 and first[0]["first_outlet"] == "East Herald" and first[0]["first_date"] == "2021-04-05"
    assert first[0]["n_outlets"] == 3
    by_id = (await claims_ds.client.get(
        f"/attrib/first_appearance_of_claim.json?q={first[0]['claim_id']}&_shape=array")).json()
    assert [r["claim_id"] for r in by_id] == [first[0]["claim_id"]]


def test_a_statement_that_bridges_two_claims_makes_them_one(tmp_path: Path) -> None:
    db = open_db(str(tmp_path / "bridge.db"))
    first = "The ferry will stop at the island twice a day from June"
    second = "the old pier will be rebuilt by autumn with money from the port authority"
    n_claims = []
    for n, (aid, content) in enumerate([("b1", first), ("b2", second), ("b3", f"{first}, and {second}")]):
        text = f'"{content}," a spokesperson said.'
        art = Article(aid, text, outlet=f"Outlet {aid}", published=f"2022-01-0{n + 1}")
        store_attributed(db, art, None, [attribution(text, content, None)], Report())
        n_claims.append(db.execute("select count(*) from claims").fetchone()[0])
    # each half is its own claim until the full quotation, which carries both, makes them one
    assert n_claims == [1, 2, 1]
    assert db.execute("select n_statements, n_outlets, first_article_id from claims").fetchall() == [(3, 3, "b1")]
    assert_consistent(db)
    rebuild_claims(db)
    assert db.execute("select n_statements from claims").fetchall() == [(3,)]


def test_a_cut_quotation_joins_though_the_rest_is_negated() -> None:
    whole = st("I like the plan, but these are hard times for the town. I am not sure it can wait.", 4)
    part = st("I like the plan, but these are hard times for the town", 4)
    assert cl.decide(whole, part).verdict == "join"
    assert cl.decide(st("the plan will cost 30 jobs and save 12 million", 4, "indirect"),
                     st("The plan will cost 40 jobs", 4, "indirect")).verdict != "join"


# ------------------------------------------------------------------ hand-labelled PolNeAR pairs

LABELS = Path(__file__).parent / "data" / "claim_pairs.jsonl"
POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def test_hand_labelled_pairs() -> None:
    """The pairs of bench/claims.py (document ids and offsets into ../shared/eval, a label each):
    what the rules join directly is almost always the same claim, and no pair that merely shares
    a few words joins."""
    texts = {}
    for name in ("polnear_dev.jsonl", "polnear_train.jsonl"):
        if not (POLNEAR / name).is_file():
            pytest.skip(f"{POLNEAR / name} not found")
        for line in (POLNEAR / name).open(encoding="utf-8"):
            doc = json.loads(line)
            texts.setdefault(doc["doc_id"], doc["text"])
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 100 and {r["label"] for r in rows} == {"same", "different"}

    def statement(ref: dict, speaker: int) -> cl.ClaimStatement:
        content = " … ".join(texts[ref["doc"]][s:e] for s, e in ref["spans"])
        return cl.ClaimStatement(cl.features(content), speaker, ref["type"])

    joined = []
    for r in rows:
        m = cl.decide(statement(r["a"], 1), statement(r["b"], 1 if r["same_speaker"] else 2))
        if m.verdict == "join":
            joined.append(r)
            assert r["label"] == "same" or r["pool"] == "merged", r  # no word-sharing near miss joins
    assert len(joined) >= 40
    assert sum(r["label"] == "same" for r in joined) / len(joined) >= 0.95
