"""Quotation marks and direct quotes, on hand-built parses (no stanza models).

Three parts: the parse builder itself (tests/parsebuilder.py), ``find_quotes`` on raw text, and
direct-quote statements found by :func:`attrib.resolve.attribute` on parses written the way
stanza's English EWT model parses such sentences (a trailing "X said" is ``parataxis`` of the
quoted clause, a leading one takes the quote as ``ccomp``).

Conventions asserted here: a direct quote's content is the text between the marks, its own
punctuation included (“We will respond firmly,” -> "We will respond firmly,").  A rule's name
says where the content lies relative to its cue: “…,” X said is ``quote_cue_before`` (so the
tests named "cue after" assert it), X said: “…” is ``quote_cue_after``.
"""

from __future__ import annotations

import pytest
from parsebuilder import build, default_lemma, default_xpos, described, rules_fired, statements

from attrib.extract import find_candidates
from attrib.extract.quotemarks import find_quotes, quote_chains
from attrib.types import ParsedArticle

# --------------------------------------------------------------------------- the builder

BUILDER_TEXT = "Kim Yo-jong  said:\n“We will  win.”\n\nThe Foreign Ministry agreed."
BUILDER_SENTS = (
    """
    Kim       PROPN  3 nsubj   B-PER
    Yo-jong   PROPN  1 flat    E-PER
    said      VERB   0 root
    :         PUNCT  3 punct
    """,
    """
    “         PUNCT  4 punct
    We        PRON   4 nsubj
    will      AUX    4 aux
    win       VERB   0 root
    .         PUNCT  4 punct
    ”         PUNCT  4 punct
    """,
    """
    The       DET    3 det
    Foreign   PROPN  3 compound B-ORG
    Ministry  PROPN  4 nsubj    E-ORG
    agreed    VERB/VBD  0 root  agree
    .         PUNCT  4 punct
    """,
)


def test_builder_offsets_slice_the_text_exactly():
    p = build(BUILDER_TEXT, *BUILDER_SENTS)
    assert [p.text[t.start : t.end] for t in p.tokens] == [t.text for t in p.tokens]
    assert [t.i for t in p.tokens] == list(range(len(p.tokens)))
    assert [p.text[s.start : s.end] for s in p.sentences] == [
        "Kim Yo-jong  said:", "“We will  win.”", "The Foreign Ministry agreed."]
    assert [(s.tok_start, s.tok_end) for s in p.sentences] == [(0, 4), (4, 10), (10, 15)]
    assert [t.sent for t in p.tokens] == [0] * 4 + [1] * 6 + [2] * 5


def test_builder_heads_are_global_and_roots_are_minus_one():
    p = build(BUILDER_TEXT, *BUILDER_SENTS)
    heads = {t.text: t.head for t in p.tokens}
    assert heads["said"] == -1 and heads["win"] == -1 and heads["agreed"] == -1
    assert p.tokens[heads["Yo-jong"]].text == "Kim"
    assert p.tokens[p.tokens[4].head].text == "win"  # “ of sentence 2 -> win (global index 7)
    assert p.tokens[4].head == 7
    assert [c.text for c in p.children(7)] == ["“", "We", "will", ".", "”"]


def test_builder_entities_from_bioes():
    p = build(BUILDER_TEXT, *BUILDER_SENTS)
    assert [(e.label, e.text, e.tok_start, e.tok_end) for e in p.entities] == [
        ("PER", "Kim Yo-jong", 0, 2), ("ORG", "Foreign Ministry", 11, 13)]
    assert all(p.text[e.start : e.end] == e.text for e in p.entities)
    assert p.tokens[0].ner == "B-PER" and p.tokens[2].ner == "O"


def test_builder_derives_xpos_and_lemma():
    p = build(BUILDER_TEXT, *BUILDER_SENTS)
    tags = {t.text: (t.xpos, t.lemma) for t in p.tokens}
    assert tags["said"] == ("VBD", "say")
    assert tags["Kim"] == ("NNP", "Kim")
    assert tags["“"] == ("``", '"') and tags["”"] == ("''", '"')
    assert tags["will"] == ("MD", "will") and tags["win"] == ("VB", "win")
    assert tags["The"] == ("DT", "the")
    assert tags["agreed"] == ("VBD", "agree")
    assert default_xpos("officials", "NOUN") == "NNS"
    assert default_xpos("’s", "PART") == "POS"
    assert default_xpos("accusing", "VERB", "accuse") == "VBG"
    assert default_xpos("says", "VERB", "say") == "VBZ"
    assert default_lemma("told", "VERB") == "tell"
    assert default_lemma("Officials", "NOUN") == "officials"


def test_builder_tuple_rows_equal_table_rows():
    text = "He said no."
    table = build(text, """
        He    PRON  2 nsubj
        said  VERB  0 root
        no    INTJ  2 obj
        .     PUNCT 2 punct
    """)
    tuples = build(text, [("He", "PRON", None, 2, "nsubj"), ("said", "VERB", "VBD", 0, "root", "say"),
                          ("no", "INTJ", None, 2, "obj"), (".", "PUNCT", ".", 2, "punct", None, "O")])
    assert table == tuples


def test_builder_parse_survives_the_json_round_trip():
    p = build(BUILDER_TEXT, *BUILDER_SENTS)
    assert ParsedArticle.from_dict(p.to_dict(), p.text) == p


@pytest.mark.parametrize("text, table, message", [
    ("He said.", "He PRON 2 nsubj\nsays VERB 0 root\n. PUNCT 2 punct", "not found"),
    ("He, said.", "He PRON 2 nsubj\nsaid VERB 0 root\n. PUNCT 2 punct", "found after ', '"),
    ("He said.", "He PRON 2 nsubj\nsaid VERB 0 root", "not parsed"),
    ("He said.", "He PRON 5 nsubj\nsaid VERB 0 root\n. PUNCT 2 punct", "bad head"),
    ("He said.", "He PRON 0 root\nsaid VERB 0 root\n. PUNCT 2 punct", "2 roots"),
    ("He said.", "He PRON 3 nsubj\nsaid VERB 0 root\n. PUNCT 1 punct", "cycle"),
    ("He said.", "He PRON 2 nsubj\nsaid VERB 0 root\n. PUNCT 2 punct E-PER", "continues no open"),
    ("He said.", "He PRON 2 nsubj B-PER\nsaid VERB 0 root\n. PUNCT 2 punct", "not closed"),
])
def test_builder_rejects_inconsistent_input(text, table, message):
    with pytest.raises(ValueError, match=message):
        build(text, table)


# --------------------------------------------------------------------------- find_quotes


def inners(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ("He said “we will win” today.", ["we will win"]),
    ('He said "we will win" today.', ["we will win"]),
    ('The word "yes" and the word "no".', ["yes", "no"]),
    ("Kasich: ‘We are going to Cleveland’", ["We are going to Cleveland"]),
    ("He called it 'a farce' on Monday.", ["a farce"]),
    ("“He called it ‘a farce,’ and left,” she said.", ["He called it ‘a farce,’ and left,"]),
    ('"He called it \'a farce\' and left," she said.', ["He called it 'a farce' and left,"]),
    ("«Nous gagnerons», a-t-il dit.", ["Nous gagnerons"]),
])
def test_find_quotes_pairs_marks(text, expected):
    assert inners(text) == expected


def test_quote_offsets_include_and_exclude_the_marks():
    text = "He said “we will win” today."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "“we will win”"
    assert q.inner == (q.inner_start, q.inner_end)
    assert q.closed and not q.continues and not q.single


def test_single_marks_inside_double_belong_to_the_double_quote():
    text = "“They call it a ‘special operation,’ but it is a war,” Zelensky said."
    (q,) = find_quotes(text)
    assert not q.single
    assert text[q.inner_start : q.inner_end] == "They call it a ‘special operation,’ but it is a war,"


def test_top_level_single_quote_is_marked_single():
    (q,) = find_quotes("Kasich: ‘We are going to Cleveland’")
    assert q.single and q.closed


@pytest.mark.parametrize("text", [
    "Putin’s visit is expected soon, it’s said.",
    "Putin's visit is expected soon, it's said.",
    "They played rock’n’roll and rock'n'roll all night.",
    "The soldiers’ families and the ministers' aides waited.",
    "It was the ’90s, he recalled.",
])
def test_apostrophes_open_no_quote(text):
    assert find_quotes(text) == []


def test_apostrophes_inside_a_quote_do_not_close_it():
    text = "“Putin’s visit is rock’n’roll, it’s clear,” she said."
    assert inners(text) == ["Putin’s visit is rock’n’roll, it’s clear,"]


@pytest.mark.parametrize("text, expected", [
    ("``We will win,'' he said.", ["We will win,"]),
    ("He said, ``We will win.''", ["We will win."]),
    ("He said ``no'' and ``never.''", ["no", "never."]),
    ("“We will win,’’ he said. “Not now.”", ["We will win,", "Not now."]),
])
def test_two_mark_newspaper_quotes(text, expected):
    assert inners(text) == expected
    assert all(q.closed for q in find_quotes(text))


def test_curled_apostrophe_in_a_single_quote_is_no_double_mark():
    """The limit: one ’ closing a single quote after a plural possessive ("the players’") stays
    a single mark; only two in a row are read as a double closing mark."""
    text = "“The coach said ‘the players’ first,” Roe said."
    assert inners(text) == ["The coach said ‘the players’ first,"]


def test_two_mark_quotes_keep_offsets_into_the_original_text():
    text = "``We will win,'' he said."
    (q,) = find_quotes(text)
    assert text[q.inner_start : q.inner_end] == "We will win,"
    assert q.end <= len(text)


def test_opening_mark_typed_for_a_closing_one():
    text = "“We will win,“ he said."
    (q,) = find_quotes(text)
    assert q.closed and text[q.inner_start : q.inner_end] == "We will win,"


def test_unclosed_quote_at_the_end_runs_to_the_end():
    text = "Kim said: “The enemy will pay a heavy price for"
    (q,) = find_quotes(text)
    assert not q.closed
    assert text[q.inner_start : q.inner_end] == "The enemy will pay a heavy price for"
    assert q.end == len(text)


def test_unclosed_quote_at_the_end_drops_trailing_space():
    text = "Kim said: “The enemy will pay  "
    (q,) = find_quotes(text)
    assert not q.closed
    assert text[q.inner_start : q.inner_end] == "The enemy will pay"


def test_quote_reopened_in_the_next_paragraph_continues():
    text = "“We have no plans to attack anyone.\n“But we will defend ourselves,” the minister said."
    q1, q2 = find_quotes(text)
    assert text[q1.inner_start : q1.inner_end] == "We have no plans to attack anyone."
    assert text[q2.inner_start : q2.inner_end] == "But we will defend ourselves,"
    assert not q1.continues and q2.continues
    assert quote_chains([q1, q2]) == [[q1, q2]]


def test_continuation_over_blank_lines_and_three_paragraphs():
    text = "He said: “One.\n\n“Two.\n\n“Three,” he added."
    qs = find_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in qs] == ["One.", "Two.", "Three,"]
    assert [q.continues for q in qs] == [False, True, True]
    assert len(quote_chains(qs)) == 1


def test_open_quote_at_paragraph_end_without_continuation():
    text = "He said: “We have no plans.\nThe talks ended on Monday."
    (q,) = find_quotes(text)
    assert text[q.inner_start : q.inner_end] == "We have no plans."
    assert not q.continues
    assert q.end <= text.index("\n")


def test_separate_quotes_in_separate_paragraphs_are_separate_chains():
    text = "“One,” he said.\n“Two,” she said."
    qs = find_quotes(text)
    assert [q.continues for q in qs] == [False, False]
    assert len(quote_chains(qs)) == 2


@pytest.mark.parametrize("text", ["", "No quotes here.", "“”", "A stray ” closing mark.", '""'])
def test_no_quotes(text):
    assert find_quotes(text) == []


# --------------------------------------------------------------------------- direct quotes


def one(p: ParsedArticle) -> dict:
    """The only statement in ``p``."""
    found = statements(p)
    assert len(found) == 1, found
    return found[0]


CURLY_AFTER = build(
    "“We will respond firmly,” the Foreign Ministry said in a statement.",
    """
    “          PUNCT   4 punct
    We         PRON    4 nsubj
    will       AUX     4 aux
    respond    VERB    0 root
    firmly     ADV     4 advmod
    ,          PUNCT   4 punct
    ”          PUNCT   4 punct
    the        DET    10 det
    Foreign    PROPN  10 compound  B-ORG
    Ministry   PROPN  11 nsubj     E-ORG
    said       VERB    4 parataxis
    in         ADP    14 case
    a          DET    14 det
    statement  NOUN   11 obl
    .          PUNCT   4 punct
    """,
)


def test_curly_quote_with_cue_after():
    s = one(CURLY_AFTER)
    assert s["rule"] == "quote_cue_before"
    assert s["content"] == ["We will respond firmly,"]
    assert (s["cue"], s["source"], s["type"]) == ("said", "the Foreign Ministry", "direct")
    assert (s["name"], s["kind"], s["organisation"]) == ("Foreign Ministry", "organisation", "Foreign Ministry")


def test_straight_quote_with_cue_after():
    p = build(
        '"The door remains open," Kurt Campbell said.',
        """
        "         PUNCT     4 punct
        The       DET       3 det
        door      NOUN      4 nsubj
        remains   VERB      0 root    remain
        open      ADJ       4 xcomp
        ,         PUNCT     4 punct
        "         PUNCT/''  4 punct
        Kurt      PROPN    10 nsubj   B-PER
        Campbell  PROPN     8 flat    E-PER
        said      VERB      4 parataxis
        .         PUNCT     4 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "quote_cue_before"
    assert s["content"] == ["The door remains open,"]
    assert (s["cue"], s["source"], s["type"]) == ("said", "Kurt Campbell", "direct")
    assert (s["name"], s["kind"]) == ("Kurt Campbell", "person")


@pytest.mark.parametrize("opening, closing", [("“", "”"), ('"', '"')])
def test_quote_with_cue_before(opening, closing):
    text = f"Peskov said: {opening}Russia has never threatened anyone.{closing}"
    p = build(text, f"""
        Peskov      PROPN     2 nsubj   S-PER
        said        VERB      0 root
        :           PUNCT     8 punct
        {opening}   PUNCT     8 punct
        Russia      PROPN     8 nsubj   S-LOC
        has         AUX       8 aux
        never       ADV       8 advmod
        threatened  VERB/VBN  2 ccomp   threaten
        anyone      PRON/NN   8 obj
        .           PUNCT     8 punct
        {closing}   PUNCT/''  8 punct
    """)
    s = one(p)
    assert s["rule"] == "quote_cue_after"
    assert s["content"] == ["Russia has never threatened anyone."]
    assert (s["cue"], s["source"], s["type"], s["name"]) == ("said", "Peskov", "direct", "Peskov")


def test_single_quotes_inside_double_are_part_of_the_quote():
    # "call" is itself a cue lemma: inside the quotation it is the quoted speaker's word, not a statement
    p = build(
        "“They call it a ‘special operation,’ but it is a war,” Zelensky said.",
        """
        “          PUNCT  3 punct
        They       PRON   3 nsubj
        call       VERB/VBP  0 root  call
        it         PRON   3 obj
        a          DET    8 det
        ‘          PUNCT  8 punct
        special    ADJ    8 amod
        operation  NOUN   3 xcomp
        ,          PUNCT  8 punct
        ’          PUNCT  8 punct
        but        CCONJ 15 cc
        it         PRON  15 nsubj
        is         AUX   15 cop
        a          DET   15 det
        war        NOUN   3 conj
        ,          PUNCT  3 punct
        ”          PUNCT  3 punct
        Zelensky   PROPN 19 nsubj     S-PER
        said       VERB   3 parataxis
        .          PUNCT  3 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "quote_cue_before"
    assert s["content"] == ["They call it a ‘special operation,’ but it is a war,"]
    assert (s["cue"], s["source"], s["type"], s["name"]) == ("said", "Zelensky", "direct", "Zelensky")


SPLIT = build(
    "Kurt Campbell spoke in Seoul. “We are ready,” he said, “but the decision is theirs.”",
    """
    Kurt      PROPN  3 nsubj  B-PER
    Campbell  PROPN  1 flat   E-PER
    spoke     VERB   0 root   speak
    in        ADP    5 case
    Seoul     PROPN  3 obl    S-LOC
    .         PUNCT  3 punct
    """,
    """
    “         PUNCT  4 punct
    We        PRON   4 nsubj
    are       AUX    4 cop
    ready     ADJ    0 root
    ,         PUNCT  4 punct
    ”         PUNCT  4 punct
    he        PRON   8 nsubj
    said      VERB   4 parataxis
    ,         PUNCT 15 punct
    “         PUNCT 15 punct
    but       CCONJ 15 cc
    the       DET   13 det
    decision  NOUN  15 nsubj
    is        AUX   15 cop
    theirs    PRON   4 conj   they
    .         PUNCT  4 punct
    ”         PUNCT  4 punct
    """,
)


def test_quote_split_around_its_cue_is_one_statement():
    s = one(SPLIT)
    assert s["rule"] == "quote_split"
    assert s["content"] == ["We are ready,", "but the decision is theirs."]
    assert (s["cue"], s["source"], s["type"]) == ("said", "he", "direct")
    assert (s["name"], s["kind"]) == ("Kurt Campbell", "person")


def test_multi_sentence_quote():
    p = build(
        "“The drills are defensive. They pose no threat to anyone,” the Pentagon said.",
        """
        “          PUNCT  5 punct
        The        DET    3 det
        drills     NOUN   5 nsubj   drill
        are        AUX    5 cop
        defensive  ADJ    0 root
        .          PUNCT  5 punct
        """,
        """
        They       PRON   2 nsubj
        pose       VERB/VBP  0 root  pose
        no         DET    4 det
        threat     NOUN   2 obj
        to         ADP    6 case
        anyone     PRON/NN   4 nmod
        ,          PUNCT  2 punct
        ”          PUNCT  2 punct
        the        DET   10 det
        Pentagon   PROPN 11 nsubj  S-ORG
        said       VERB   2 parataxis
        .          PUNCT  2 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "quote_cue_before"
    assert s["content"] == ["The drills are defensive. They pose no threat to anyone,"]
    assert (s["cue"], s["source"], s["type"]) == ("said", "the Pentagon", "direct")
    assert (s["name"], s["kind"]) == ("Pentagon", "organisation")


def test_quote_over_two_paragraphs_cue_before():
    p = build(
        "The minister said: “We have no plans to attack anyone.\n“But we will defend ourselves.”",
        """
        The        DET    2 det
        minister   NOUN   3 nsubj
        said       VERB   0 root
        :          PUNCT  7 punct
        “          PUNCT  7 punct
        We         PRON   7 nsubj
        have       VERB/VBP  3 ccomp  have
        no         DET    9 det
        plans      NOUN   7 obj   plan
        to         PART  11 mark
        attack     VERB  9 acl   attack
        anyone     PRON/NN  11 obj
        .          PUNCT  3 punct
        """,
        """
        “          PUNCT  5 punct
        But        CCONJ  5 cc
        we         PRON   5 nsubj
        will       AUX    5 aux
        defend     VERB   0 root   defend
        ourselves  PRON   5 obj    we
        .          PUNCT  5 punct
        ”          PUNCT  5 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "quote_cue_after"
    assert s["content"] == ["We have no plans to attack anyone.", "But we will defend ourselves."]
    assert (s["cue"], s["source"], s["type"]) == ("said", "The minister", "direct")


def test_quote_over_two_paragraphs_cue_after():
    p = build(
        "“We have no plans to attack anyone.\n“But we will defend ourselves,” the minister said.",
        """
        “          PUNCT  3 punct
        We         PRON   3 nsubj
        have       VERB/VBP  0 root  have
        no         DET    5 det
        plans      NOUN   3 obj   plan
        to         PART   7 mark
        attack     VERB   5 acl   attack
        anyone     PRON/NN   7 obj
        .          PUNCT  3 punct
        """,
        """
        “          PUNCT  5 punct
        But        CCONJ  5 cc
        we         PRON   5 nsubj
        will       AUX    5 aux
        defend     VERB   0 root   defend
        ourselves  PRON   5 obj    we
        ,          PUNCT  5 punct
        ”          PUNCT  5 punct
        the        DET   10 det
        minister   NOUN  11 nsubj
        said       VERB   5 parataxis
        .          PUNCT  5 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "quote_cue_before"
    assert s["content"] == ["We have no plans to attack anyone.", "But we will defend ourselves,"]
    assert (s["cue"], s["source"], s["type"]) == ("said", "the minister", "direct")


def test_unclosed_quote_of_a_truncated_teaser():
    p = build(
        "Kim said: “The enemy will pay a heavy price for",
        """
        Kim     PROPN  2 nsubj  S-PER
        said    VERB   0 root
        :       PUNCT  8 punct
        “       PUNCT  8 punct
        The     DET    6 det
        enemy   NOUN   8 nsubj
        will    AUX    8 aux
        pay     VERB   2 ccomp
        a       DET   11 det
        heavy   ADJ   11 amod
        price   NOUN   8 obj
        for     ADP    8 obl
        """,
    )
    s = one(p)
    assert s["rule"] == "quote_cue_after"
    assert s["content"] == ["The enemy will pay a heavy price for"]
    assert (s["cue"], s["source"], s["type"], s["name"]) == ("said", "Kim", "direct", "Kim")


CAMPBELL_SAID = """
    Kurt      PROPN  3 nsubj  B-PER
    Campbell  PROPN  1 flat   E-PER
    said      VERB   0 root
    the       DET    5 det
    allies    NOUN   7 nsubj  ally
    would     AUX    7 aux
    respond   VERB   3 ccomp
    together  ADV    7 advmod
    .         PUNCT  3 punct
"""
NOBODY_QUOTE = """
    “        PUNCT  4 punct
    Nobody   PRON/NN  4 nsubj
    should   AUX    4 aux
    doubt    VERB   0 root
    our      PRON   6 nmod:poss
    resolve  NOUN   4 obj
    .        PUNCT  4 punct
    ”        PUNCT  4 punct
"""


def test_floating_quote_in_the_next_paragraph_has_the_previous_speaker():
    p = build("Kurt Campbell said the allies would respond together.\n“Nobody should doubt our resolve.”",
              CAMPBELL_SAID, NOBODY_QUOTE)
    first, floating = statements(p)
    assert (first["rule"], floating["rule"]) == ("reported_after", "floating_quote")
    assert first["content"] == ["the allies would respond together"]
    assert floating["content"] == ["Nobody should doubt our resolve."]
    assert floating["cue"] is None
    assert (floating["type"], floating["name"], floating["kind"]) == ("direct", "Kurt Campbell", "person")
    assert floating["source"] is None  # its sentence names no one: the name comes from the statement before


def test_quote_after_a_quote_in_the_same_paragraph_is_the_same_speakers_next_statement():
    p = build(
        "“We are ready,” Campbell said. “Nobody should doubt our resolve.”",
        """
        “         PUNCT  4 punct
        We        PRON   4 nsubj
        are       AUX    4 cop
        ready     ADJ    0 root
        ,         PUNCT  4 punct
        ”         PUNCT  4 punct
        Campbell  PROPN  8 nsubj  S-PER
        said      VERB   4 parataxis
        .         PUNCT  4 punct
        """,
        NOBODY_QUOTE,
    )
    first, second = statements(p)
    assert first["rule"] == "quote_cue_before"
    assert first["content"] == ["We are ready,"]
    assert (first["cue"], first["source"], first["name"]) == ("said", "Campbell", "Campbell")
    # a new sentence is a new statement (as quote trackers count them), by the same speaker
    assert second["rule"] == "floating_quote"
    assert second["content"] == ["Nobody should doubt our resolve."]
    assert (second["cue"], second["source"], second["name"]) == (None, None, "Campbell")


def test_short_quote_after_a_quote_in_the_same_paragraph_is_a_statement_too():
    # two words only: on its own it would be a slogan, right after a quote statement it goes on from it
    p = build(
        "“We are ready,” Campbell said. “Nobody listened.”",
        """
        “         PUNCT  4 punct
        We        PRON   4 nsubj
        are       AUX    4 cop
        ready     ADJ    0 root
        ,         PUNCT  4 punct
        ”         PUNCT  4 punct
        Campbell  PROPN  8 nsubj  S-PER
        said      VERB   4 parataxis
        .         PUNCT  4 punct
        """,
        """
        “         PUNCT  3 punct
        Nobody    PRON   3 nsubj
        listened  VERB   0 root  listen
        .         PUNCT  3 punct
        ”         PUNCT  3 punct
        """,
    )
    first, second = statements(p)
    assert (first["rule"], first["content"]) == ("quote_cue_before", ["We are ready,"])
    assert (second["rule"], second["content"], second["name"]) == ("floating_quote", ["Nobody listened."], "Campbell")


def test_short_quote_alone_is_not_a_floating_statement():
    p = build("Kurt Campbell said the allies would respond together.\n“Never again.”", CAMPBELL_SAID,
              """
              “      PUNCT  3 punct
              Never  ADV    3 advmod
              again  ADV    0 root
              .      PUNCT  3 punct
              ”      PUNCT  3 punct
              """)
    assert [s["content"] for s in statements(p)] == [["the allies would respond together"]]
    assert rules_fired(p) == ["reported_after"]


def test_floating_quote_needs_a_previous_speaker():
    p = build("“Nobody should doubt our resolve.”", NOBODY_QUOTE)
    assert statements(p) == []


INVERTED = "“The door remains open,” said Jane Smith."
INVERTED_HEAD = """
    “        PUNCT  4 punct
    The      DET    3 det
    door     NOUN   4 nsubj
    remains  VERB   8 ccomp  remain
    open     ADJ    4 xcomp
    ,        PUNCT  4 punct
    ”        PUNCT  4 punct
    said     VERB   0 root
"""


@pytest.mark.parametrize("speaker_rel", ["nsubj", "obj"], ids=["subject", "misparsed-as-object"])
def test_inverted_cue_said_name(speaker_rel):
    p = build(INVERTED, INVERTED_HEAD + f"""
        Jane     PROPN  8 {speaker_rel}  B-PER
        Smith    PROPN  9 flat   E-PER
        .        PUNCT  8 punct
    """)
    s = one(p)
    assert s["rule"] == "quote_cue_before"
    assert s["content"] == ["The door remains open,"]
    assert (s["cue"], s["source"], s["type"]) == ("said", "Jane Smith", "direct")
    assert (s["name"], s["kind"]) == ("Jane Smith", "person")


def test_inverted_cue_wrote_with_apposition_gives_role_and_organisation():
    p = build(
        "“The regime is nervous,” wrote Colin Zwirko, a senior analytical correspondent with NK Pro.",
        """
        “              PUNCT  5 punct
        The            DET    3 det
        regime         NOUN   5 nsubj
        is             AUX    5 cop
        nervous        ADJ    0 root
        ,              PUNCT  5 punct
        ”              PUNCT  5 punct
        wrote          VERB   5 parataxis
        Colin          PROPN  8 nsubj     B-PER
        Zwirko         PROPN  9 flat      E-PER
        ,              PUNCT 15 punct
        a              DET   15 det
        senior         ADJ   15 amod
        analytical     ADJ   15 amod
        correspondent  NOUN   9 appos
        with           ADP   18 case
        NK             PROPN 18 compound  B-ORG
        Pro            PROPN 15 nmod      E-ORG
        .              PUNCT  5 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "quote_cue_before"
    assert s["content"] == ["The regime is nervous,"]
    assert (s["cue"], s["type"]) == ("wrote", "direct")
    assert s["source"] == "Colin Zwirko, a senior analytical correspondent with NK Pro"
    assert (s["name"], s["kind"]) == ("Colin Zwirko", "person")
    assert (s["role"], s["organisation"]) == ("senior analytical correspondent", "NK Pro")


def test_cue_inside_a_quotation_is_not_a_statement_of_its_own():
    p = build(
        "“We deny the claims,” he said.",
        """
        “       PUNCT  3 punct
        We      PRON   3 nsubj
        deny    VERB/VBP  0 root  deny
        the     DET    5 det
        claims  NOUN   3 obj   claim
        ,       PUNCT  3 punct
        ”       PUNCT  3 punct
        he      PRON   9 nsubj
        said    VERB   3 parataxis
        .       PUNCT  3 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "quote_cue_before"
    assert s["content"] == ["We deny the claims,"]
    assert (s["cue"], s["source"], s["type"]) == ("said", "he", "direct")


def test_headline_quote_at_text_start_without_cue_is_no_statement():
    p = build(
        "“Our patience has limits”\nNorth Korea fired two missiles on Monday. Kim said the test was a success.",
        """
        “         PUNCT  4 punct
        Our       PRON   3 nmod:poss
        patience  NOUN   4 nsubj
        has       VERB/VBZ  0 root  have
        limits    NOUN   4 obj   limit
        ”         PUNCT  4 punct
        """,
        """
        North     PROPN  2 compound  B-LOC
        Korea     PROPN  3 nsubj     E-LOC
        fired     VERB   0 root      fire
        two       NUM    5 nummod
        missiles  NOUN   3 obj       missile
        on        ADP    7 case
        Monday    PROPN  3 obl
        .         PUNCT  3 punct
        """,
        """
        Kim       PROPN  2 nsubj  S-PER
        said      VERB   0 root
        the       DET    4 det
        test      NOUN   7 nsubj
        was       AUX    7 cop
        a         DET    7 det
        success   NOUN   2 ccomp
        .         PUNCT  2 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "reported_after"
    assert s["content"] == ["the test was a success"]
    assert "patience" not in " ".join(s["content"])


def test_scare_quotes_without_cue_are_no_statement():
    p = build(
        "Kim said the drills were a success.\nThe “heroic” conduct of the troops was shown on state television.",
        """
        Kim       PROPN  2 nsubj  S-PER
        said      VERB   0 root
        the       DET    4 det
        drills    NOUN   7 nsubj  drill
        were      AUX    7 cop
        a         DET    7 det
        success   NOUN   2 ccomp
        .         PUNCT  2 punct
        """,
        """
        The         DET    5 det
        “           PUNCT  3 punct
        heroic      ADJ    5 amod
        ”           PUNCT  3 punct
        conduct     NOUN  10 nsubj:pass
        of          ADP    8 case
        the         DET    8 det
        troops      NOUN   5 nmod  troop
        was         AUX   10 aux:pass
        shown       VERB/VBN   0 root  show
        on          ADP   13 case
        state       NOUN  13 compound
        television  NOUN  10 obl
        .           PUNCT 10 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "reported_after"
    assert s["content"] == ["the drills were a success"]


def test_candidates_of_a_direct_quote_carry_rule_and_spans():
    d, cands = find_candidates(CURLY_AFTER)
    (c,) = cands
    assert c.rule == "quote_cue_before" and c.orientation == "before"
    assert [CURLY_AFTER.text[s:e] for s, e in c.content] == ["We will respond firmly,"]
    assert d.text[c.cue[0] : c.cue[1]] == "said"


def test_described_spans_slice_the_text():
    from attrib.attribute import find_attributions

    for p in (CURLY_AFTER, SPLIT):
        for a in find_attributions(p):
            d = described(p, a)
            assert d["content"] == [p.text[s:e] for s, e in a.content_spans]
            assert a.to_json(p.text)["cue_text"] == d["cue"]
            assert d["rule"] == a.rule


def test_rules_fired_lists_each_statements_rule_in_text_order():
    assert rules_fired(CURLY_AFTER) == ["quote_cue_before"]
    assert rules_fired(SPLIT) == ["quote_split"]
    assert rules_fired(build("“Nobody should doubt our resolve.”", NOBODY_QUOTE)) == []


def test_a_quotation_resumed_after_an_inverted_speaker_is_the_same_statement():
    """verb_cues.quote_cue_before: in "“A,” said Hannah Weiss, “B.”" the quotation goes on
    after the speaker and its comma: one statement in two spans, the speaker's."""
    p = build("“The numbers are worse than we thought,” said Hannah Weiss, “and they will get worse still.”", """
        “          PUNCT   5 punct
        The        DET     3 det
        numbers    NOUN    5 nsubj   number
        are        AUX     5 cop     be
        worse      ADJ    11 ccomp   bad
        than       SCONJ   8 mark
        we         PRON    8 nsubj
        thought    VERB    5 advcl   think
        ,          PUNCT   5 punct
        ”          PUNCT   5 punct
        said       VERB    0 root    say
        Hannah     PROPN  11 nsubj   B-PER
        Weiss      PROPN  12 flat    E-PER
        ,          PUNCT  19 punct
        “          PUNCT  19 punct
        and        CCONJ  19 cc
        they       PRON   19 nsubj
        will       AUX    19 aux
        get        VERB   11 conj
        worse      ADJ    19 xcomp   bad
        still      ADV    19 advmod
        .          PUNCT  11 punct
        ”          PUNCT  11 punct
    """)
    (s,) = statements(p)
    assert (s["rule"], s["source"]) == ("quote_cue_before", "Hannah Weiss")
    assert s["content"] == ["The numbers are worse than we thought,", "and they will get worse still."]
