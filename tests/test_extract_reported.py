"""Reported speech, cues, relays and negatives, on hand-built parses (no stanza models).

Each parse is written the way stanza's English EWT model parses the sentence when it gets it
right: "X said (that) S" has S as ``ccomp`` of the root "said"; in "S, X said" the cue is
``parataxis`` of the clause; "according to" is ``case`` + ``fixed``.

Conventions asserted here: reported content carries no edge punctuation ("S, X said." ->
"S"); a cue is the verb with its auxiliaries ("have denied").
"""

from __future__ import annotations

import pytest
from parsebuilder import build, rules_fired, statements

from attrib.attribute import find_attributions
from attrib.extract import find_candidates
from attrib.types import ParsedArticle


def one(p: ParsedArticle) -> dict:
    """The only statement in ``p``."""
    found = statements(p)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- X said (that) S

SAID_THAT = build(
    "The Foreign Ministry said that the drills were a rehearsal for invasion.",
    """
    The        DET     3 det
    Foreign    PROPN   3 compound  B-ORG
    Ministry   PROPN   4 nsubj     E-ORG
    said       VERB    0 root
    that       SCONJ  10 mark
    the        DET     7 det
    drills     NOUN   10 nsubj     drill
    were       AUX    10 cop
    a          DET    10 det
    rehearsal  NOUN    4 ccomp
    for        ADP    12 case
    invasion   NOUN   10 nmod
    .          PUNCT   4 punct
    """,
)


def test_said_that():
    s = one(SAID_THAT)
    assert s["rule"] == "reported_after"
    assert s["content"] == ["the drills were a rehearsal for invasion"]
    assert (s["cue"], s["source"], s["type"]) == ("said", "The Foreign Ministry", "indirect")
    assert (s["name"], s["kind"], s["organisation"]) == ("Foreign Ministry", "organisation", "Foreign Ministry")


def test_said_without_that():
    p = build(
        "Campbell said the allies would respond together.",
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
    )
    s = one(p)
    assert s["rule"] == "reported_after"
    assert s["content"] == ["the allies would respond together"]
    assert (s["cue"], s["source"], s["type"]) == ("said", "Campbell", "indirect")
    assert (s["name"], s["kind"]) == ("Campbell", "person")


def test_content_before_the_cue():
    p = build(
        "The talks were useful, Campbell said.",
        """
        The       DET    2 det
        talks     NOUN   4 nsubj  talk
        were      AUX    4 cop
        useful    ADJ    0 root
        ,         PUNCT  4 punct
        Campbell  PROPN  7 nsubj  S-PER
        said      VERB   4 parataxis
        .         PUNCT  4 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "reported_before"
    assert s["content"] == ["The talks were useful"]
    assert (s["cue"], s["source"], s["type"], s["name"]) == ("said", "Campbell", "indirect", "Campbell")


def test_content_before_the_cue_with_a_speech_verb_inside():
    p = build(
        "The allies will respond together, Campbell said.",
        """
        The       DET    2 det
        allies    NOUN   4 nsubj  ally
        will      AUX    4 aux
        respond   VERB   0 root
        together  ADV    4 advmod
        ,         PUNCT  4 punct
        Campbell  PROPN  8 nsubj  S-PER
        said      VERB   4 parataxis
        .         PUNCT  4 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "reported_before"
    assert s["content"] == ["The allies will respond together"]
    assert (s["cue"], s["source"], s["name"]) == ("said", "Campbell", "Campbell")


def test_said_on_thursday_that_excludes_the_time():
    p = build(
        "Kim Yo-jong said on Thursday that the drills were a rehearsal for invasion.",
        """
        Kim        PROPN   3 nsubj  B-PER
        Yo-jong    PROPN   1 flat   E-PER
        said       VERB    0 root
        on         ADP     5 case
        Thursday   PROPN   3 obl
        that       SCONJ  11 mark
        the        DET     8 det
        drills     NOUN   11 nsubj  drill
        were       AUX    11 cop
        a          DET    11 det
        rehearsal  NOUN    3 ccomp
        for        ADP    13 case
        invasion   NOUN   11 nmod
        .          PUNCT   3 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "reported_after"
    assert s["content"] == ["the drills were a rehearsal for invasion"]
    assert (s["cue"], s["source"], s["name"], s["kind"]) == ("said", "Kim Yo-jong", "Kim Yo-jong", "person")


def test_cue_inside_the_sentence_splits_the_content():
    p = build(
        "Less clear, he said, is what the North will do next.",
        """
        Less   ADV/RBR  2 advmod
        clear  ADJ      0 root
        ,      PUNCT    5 punct
        he     PRON     5 nsubj
        said   VERB     2 parataxis
        ,      PUNCT    5 punct
        is     AUX      2 cop
        what   PRON     2 nsubj
        the    DET     10 det
        North  PROPN   12 nsubj  S-LOC
        will   AUX     12 aux
        do     VERB     8 acl:relcl
        next   ADV     12 advmod
        .      PUNCT    2 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "reported_split"
    assert s["content"] == ["Less clear", "is what the North will do next"]
    assert (s["cue"], s["source"], s["type"]) == ("said", "he", "indirect")


def test_told_reporters_that_leaves_the_recipient_out():
    p = build(
        "Peskov told reporters that Russia had no such plans.",
        """
        Peskov     PROPN  2 nsubj  S-PER
        told       VERB   0 root
        reporters  NOUN   2 obj    reporter
        that       SCONJ  6 mark
        Russia     PROPN  6 nsubj  S-LOC
        had        VERB   2 ccomp
        no         DET    9 det
        such       ADJ    9 amod
        plans      NOUN   6 obj    plan
        .          PUNCT  2 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "reported_after"
    assert s["content"] == ["Russia had no such plans"]
    assert (s["cue"], s["source"], s["name"]) == ("told", "Peskov", "Peskov")


def test_denied_a_noun_phrase_but_vowed_to_act_is_only_the_vow():
    p = build(
        "North Korea denied the arms deals, but vowed to deepen ties with Moscow.",
        """
        North   PROPN  2 compound  B-LOC
        Korea   PROPN  3 nsubj     E-LOC
        denied  VERB   0 root
        the     DET    6 det
        arms    NOUN   6 compound  arm
        deals   NOUN   3 obj       deal
        ,       PUNCT  9 punct
        but     CCONJ  9 cc
        vowed   VERB   3 conj
        to      PART  11 mark
        deepen  VERB   9 xcomp
        ties    NOUN  11 obj       tie
        with    ADP   14 case
        Moscow  PROPN 11 obl       S-LOC
        .       PUNCT  3 punct
        """,
    )
    # "the arms deals" is the verb's object, not a clause, a quotation or a claim noun;
    # the coordinated vow is a statement of its own (an intention: no words reported)
    (vow,) = statements(p)
    assert (vow["cue"], vow["content"], vow["rule"]) == ("vowed", ["to deepen ties with Moscow"], "reported_after")
    assert (vow["source"], vow["type"], vow["kind"]) == ("North Korea", "indirect", "organisation")
    assert (vow["name"], vow["organisation"]) == ("North Korea", "North Korean government")
    assert [a.kind for a in find_attributions(p)] == ["intention"]


# --------------------------------------------------------------------------- cues beyond "said"


@pytest.mark.parametrize("text, table, cue, source, content", [
    ("He added that the talks would continue.", """
        He        PRON   2 nsubj
        added     VERB   0 root
        that      SCONJ  7 mark
        the       DET    5 det
        talks     NOUN   7 nsubj  talk
        would     AUX    7 aux
        continue  VERB   2 ccomp
        .         PUNCT  2 punct
     """, "added", "He", "the talks would continue"),
    ("The minister vowed to strengthen the alliance.", """
        The         DET    2 det
        minister    NOUN   3 nsubj
        vowed       VERB   0 root
        to          PART   5 mark
        strengthen  VERB   3 xcomp
        the         DET    7 det
        alliance    NOUN   5 obj
        .           PUNCT  3 punct
     """, "vowed", "The minister", "to strengthen the alliance"),
    ("The ministry warned that any provocation would be met with force.", """
        The          DET       2 det
        ministry     NOUN      3 nsubj
        warned       VERB      0 root
        that         SCONJ     9 mark
        any          DET       6 det
        provocation  NOUN      9 nsubj:pass
        would        AUX       9 aux
        be           AUX       9 aux:pass
        met          VERB/VBN  3 ccomp  meet
        with         ADP      11 case
        force        NOUN      9 obl
        .            PUNCT     3 punct
     """, "warned", "The ministry", "any provocation would be met with force"),
    pytest.param("China accused the US of hypocrisy.", """
        China      PROPN  2 nsubj  S-LOC
        accused    VERB   0 root
        the        DET    4 det
        US         PROPN  2 obj    S-LOC
        of         ADP    6 case
        hypocrisy  NOUN   2 obl
        .          PUNCT  2 punct
     """, "accused", "China", "the US of hypocrisy"),
    ("Zwirko wrote that the regime was nervous.", """
        Zwirko   PROPN  2 nsubj  S-PER
        wrote    VERB   0 root
        that     SCONJ  7 mark
        the      DET    5 det
        regime   NOUN   7 nsubj
        was      AUX    7 cop
        nervous  ADJ    2 ccomp
        .        PUNCT  2 punct
     """, "wrote", "Zwirko", "the regime was nervous"),
    ("NK News reported that the launch had failed.", """
        NK        PROPN     2 compound  B-ORG
        News      PROPN     3 nsubj     E-ORG
        reported  VERB      0 root
        that      SCONJ     8 mark
        the       DET       6 det
        launch    NOUN      8 nsubj
        had       AUX       8 aux
        failed    VERB/VBN  3 ccomp  fail
        .         PUNCT     3 punct
     """, "reported", "NK News", "the launch had failed"),
], ids=["added", "vowed", "warned", "accused", "wrote", "reported"])
def test_reporting_verbs(text, table, cue, source, content):
    s = one(build(text, table))
    assert s["rule"] == "reported_after"
    assert (s["cue"], s["source"], s["content"], s["type"]) == (cue, source, [content], "indirect")


def test_chanted_two_quotes_joined_by_and_are_two_statements():
    p = build(
        "Protesters chanted “No war” and “Peace now.”",
        """
        Protesters  NOUN   2 nsubj  protester
        chanted     VERB   0 root
        “           PUNCT  5 punct
        No          DET    5 det
        war         NOUN   2 obj
        ”           PUNCT  5 punct
        and         CCONJ  9 cc
        “           PUNCT  9 punct
        Peace       NOUN   5 conj
        now         ADV    9 advmod
        .           PUNCT  2 punct
        ”           PUNCT  2 punct
        """,
    )
    first, second = statements(p)
    assert first["content"] == ["No war"] and second["content"] == ["Peace now."]
    for s in (first, second):
        assert s["rule"] == "quote_cue_after"
        assert (s["cue"], s["source"], s["type"]) == ("chanted", "Protesters", "direct")
        assert (s["name"], s["kind"]) == ("Protesters", "group")


# --------------------------------------------------------------------------- belief, that-clauses


def test_belief_verb_with_a_clause_is_belief():
    p = build(
        "The coach believes his players can win the title.",
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
    s = one(p)
    assert s["rule"] == "belief"
    assert s["content"] == ["his players can win the title"]
    assert (s["cue"], s["source"], s["type"]) == ("believes", "The coach", "indirect")


def test_that_clause_after_a_verb_outside_the_cue_lists():
    # ("The survey found that ..." is a cue site of its own now: an evidence verb with a
    # document subject; with a person as subject "found" stays outside the cue lists)
    p = build(
        "The inspector found that most doors stayed open.",
        """
        The        DET       2 det
        inspector  NOUN      3 nsubj
        found      VERB      0 root   find
        that       SCONJ     7 mark
        most       ADJ       6 amod
        doors      NOUN      7 nsubj  door
        stayed     VERB/VBD  3 ccomp  stay
        open       ADJ       7 xcomp
        .          PUNCT     3 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "that_clause"
    assert s["content"][0].endswith("most doors stayed open")  # (whether "that" is kept: not asserted)
    assert (s["cue"], s["source"], s["type"]) == ("found", "The inspector", "indirect")


# --------------------------------------------------------------------------- according to


def test_according_to_at_the_start():
    p = build(
        "According to the Defense Ministry, the launch failed.",
        """
        According  VERB/VBG  5 case   accord
        to         ADP       1 fixed
        the        DET       5 det
        Defense    PROPN     5 compound  B-ORG
        Ministry   PROPN     9 obl       E-ORG
        ,          PUNCT     5 punct
        the        DET       8 det
        launch     NOUN      9 nsubj
        failed     VERB      0 root   fail
        .          PUNCT     9 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "according_to"
    assert s["content"] == ["the launch failed"]
    assert (s["cue"], s["source"], s["type"]) == ("According to", "the Defense Ministry", "indirect")
    assert (s["name"], s["kind"]) == ("Defense Ministry", "organisation")


def test_according_to_at_the_end():
    p = build(
        "The launch failed, according to South Korea’s military.",
        """
        The        DET       2 det
        launch     NOUN      3 nsubj
        failed     VERB      0 root      fail
        ,          PUNCT    10 punct
        according  VERB/VBG 10 case      accord
        to         ADP       5 fixed
        South      PROPN     8 compound  B-LOC
        Korea      PROPN    10 nmod:poss E-LOC
        ’s         PART      8 case
        military   NOUN      3 obl
        .          PUNCT     3 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "according_to"
    assert s["content"] == ["The launch failed"]
    assert (s["cue"], s["source"], s["type"]) == ("according to", "South Korea’s military", "indirect")
    assert s["kind"] == "organisation"  # its name: see test_resolve.py::test_org_name


# --------------------------------------------------------------------------- mixed, relays

ACCUSING_TEXT = "Kim Son-gyong issued a statement accusing Washington of staging a “serious political provocation.”"
ACCUSING_TAIL = """
    Washington   PROPN    6 obj     S-LOC
    of           SCONJ    9 mark
    staging      VERB     6 advcl   stage
    a            DET     14 det
    “            PUNCT   14 punct
    serious      ADJ     14 amod
    political    ADJ     14 amod
    provocation  NOUN     9 obj
    .            PUNCT    3 punct
    ”            PUNCT    3 punct
"""


def accusing(attachment: str) -> ParsedArticle:
    """The sentence with "accusing" as ``acl`` of "statement" or ``advcl`` of "issued"."""
    head = 5 if attachment == "acl" else 3
    return build(ACCUSING_TEXT, f"""
        Kim          PROPN    3 nsubj   B-PER
        Son-gyong    PROPN    1 flat    E-PER
        issued       VERB     0 root    issue
        a            DET      5 det
        statement    NOUN     3 obj
        accusing     VERB  {head} {attachment}
    """ + ACCUSING_TAIL)


@pytest.mark.parametrize("attachment", ["acl", "advcl"])
def test_quoted_fragment_in_reported_speech_is_mixed(attachment):
    s = one(accusing(attachment))
    assert s["rule"] == "reported_after"
    assert s["content"] == ["Washington of staging a “serious political provocation.”"]
    assert (s["cue"], s["type"]) == ("accusing", "mixed")


@pytest.mark.parametrize("attachment", [
    pytest.param("acl"),
    "advcl",
])
def test_issued_a_statement_accusing_is_said_by_the_issuer(attachment):
    s = one(accusing(attachment))
    assert s["rule"] == "reported_after"
    assert (s["source"], s["name"], s["kind"]) == ("Kim Son-gyong", "Kim Son-gyong", "person")


def test_relay_is_one_statement_reported_by_the_outer_speaker():
    p = build(
        "Kim said the drills were a rehearsal for invasion, the Foreign Ministry said.",
        """
        Kim        PROPN   2 nsubj     S-PER
        said       VERB    0 root
        the        DET     4 det
        drills     NOUN    7 nsubj     drill
        were       AUX     7 cop
        a          DET     7 det
        rehearsal  NOUN    2 ccomp
        for        ADP     9 case
        invasion   NOUN    7 nmod
        ,          PUNCT  14 punct
        the        DET    13 det
        Foreign    PROPN  13 compound  B-ORG
        Ministry   PROPN  14 nsubj     E-ORG
        said       VERB    2 parataxis
        .          PUNCT   2 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "reported_after"  # Kim's "said S"; the ministry's trailing cue only relays it
    assert s["content"] == ["the drills were a rehearsal for invasion"]
    assert (s["source"], s["name"], s["kind"]) == ("Kim", "Kim", "person")
    assert s["reported_by"] == "Foreign Ministry"
    (a,) = find_attributions(p)
    assert a.cue == (4, 8)  # Kim's "said", not the ministry's


CARRIED = build(
    "In a speech carried by KCNA, Kim praised the soldiers for their courage.",
    """
    In        ADP       3 case
    a         DET       3 det
    speech    NOUN      9 obl
    carried   VERB/VBN  3 acl        carry
    by        ADP       6 case
    KCNA      PROPN     4 obl:agent  S-ORG
    ,         PUNCT     3 punct
    Kim       PROPN     9 nsubj      S-PER
    praised   VERB      0 root
    the       DET      11 det
    soldiers  NOUN      9 obj        soldier
    for       ADP      14 case
    their     PRON     14 nmod:poss
    courage   NOUN      9 obl
    .         PUNCT     9 punct
    """,
)


def test_speech_carried_by_a_medium_is_reported_by_it():
    s = one(CARRIED)
    assert s["rule"] == "reported_after"
    assert (s["cue"], s["source"], s["name"]) == ("praised", "Kim", "Kim")
    assert s["reported_by"] == "KCNA"


def test_praised_for_keeps_the_reason_in_the_content():
    s = one(CARRIED)
    assert (s["rule"], s["content"]) == ("reported_after", ["the soldiers for their courage"])


# --------------------------------------------------------------------------- Name: statement


def test_person_name_and_colon_introduce_a_statement():
    p = build(
        "Kasich: ‘We are going to Cleveland’",
        """
        Kasich     PROPN     0 root       S-PER
        :          PUNCT     6 punct
        ‘          PUNCT     6 punct
        We         PRON      6 nsubj
        are        AUX       6 aux
        going      VERB/VBG  1 parataxis  go
        to         ADP       8 case
        Cleveland  PROPN     6 obl        S-LOC
        ’          PUNCT     6 punct
        """,
    )
    s = one(p)
    assert s["rule"] == "colon"
    assert "We are going to Cleveland" in s["content"][0]
    assert (s["cue"], s["source"], s["type"], s["name"], s["kind"]) == (":", "Kasich", "direct", "Kasich", "person")


def test_capitalised_label_and_colon_is_no_speaker():
    p = build(
        "FALLEN: The nine soldiers were given the title of Hero.",
        """
        FALLEN    VERB/VBN  0 root       fall
        :         PUNCT     7 punct
        The       DET       5 det
        nine      NUM       5 nummod
        soldiers  NOUN      7 nsubj:pass  soldier
        were      AUX       7 aux:pass
        given     VERB/VBN  1 parataxis  give
        the       DET       9 det
        title     NOUN      7 obj
        of        ADP      11 case
        Hero      PROPN     9 nmod
        .         PUNCT     1 punct
        """,
    )
    assert statements(p) == []


# --------------------------------------------------------------------------- negatives


def test_photo_credit_is_nothing():
    p = build(
        "Photo: EPA-EFE / Alexander Kazakov",
        """
        Photo      NOUN   0 root
        :          PUNCT  3 punct
        EPA        PROPN  1 appos     B-ORG
        -          PUNCT  5 punct     I-ORG
        EFE        PROPN  3 flat      E-ORG
        /          PUNCT  7 punct
        Alexander  PROPN  3 conj      B-PER
        Kazakov    PROPN  7 flat      E-PER
        """,
    )
    assert statements(p) == []


def test_the_said_agreement_is_nothing():
    p = build(
        "Both sides signed the said agreement in 2018.",
        """
        Both       DET    2 det
        sides      NOUN   3 nsubj   side
        signed     VERB   0 root    sign
        the        DET    6 det
        said       ADJ    6 amod
        agreement  NOUN   3 obj
        in         ADP    8 case
        2018       NUM    3 obl
        .          PUNCT  3 punct
        """,
    )
    assert statements(p) == []


def test_the_said_agreement_tagged_as_participle_is_nothing():
    p = build(
        "Both sides signed the said agreement in 2018.",
        """
        Both       DET       2 det
        sides      NOUN      3 nsubj   side
        signed     VERB      0 root    sign
        the        DET       6 det
        said       VERB/VBN  6 amod    say
        agreement  NOUN      3 obj
        in         ADP       8 case
        2018       NUM       3 obl
        .          PUNCT     3 punct
        """,
    )
    assert statements(p) == []


def test_think_tank_mistagged_as_verb_is_nothing():
    p = build(
        "A think tank in Seoul published a report on the drills.",
        """
        A          DET       3 det
        think      VERB/VBP  3 compound  think
        tank       NOUN      6 nsubj
        in         ADP       5 case
        Seoul      PROPN     3 nmod      S-LOC
        published  VERB      0 root      publish
        a          DET       8 det
        report     NOUN      6 obj
        on         ADP      11 case
        the        DET      11 det
        drills     NOUN      8 nmod      drill
        .          PUNCT     6 punct
        """,
    )
    assert statements(p) == []


def test_think_tank_inside_a_speaker_apposition_adds_nothing():
    p = build(
        "Lee, a researcher at a think tank in Seoul, said the launch failed.",
        """
        Lee         PROPN     12 nsubj    S-PER
        ,           PUNCT      4 punct
        a           DET        4 det
        researcher  NOUN       1 appos
        at          ADP        8 case
        a           DET        8 det
        think       VERB/VBP   8 compound  think
        tank        NOUN       4 nmod
        in          ADP       10 case
        Seoul       PROPN      8 nmod      S-LOC
        ,           PUNCT      4 punct
        said        VERB       0 root
        the         DET       14 det
        launch      NOUN      15 nsubj
        failed      VERB      12 ccomp    fail
        .           PUNCT     12 punct
        """,
    )
    s = one(p)
    assert (s["rule"], s["cue"], s["content"], s["name"]) == ("reported_after", "said", ["the launch failed"], "Lee")


def test_passive_without_agent_is_nothing():
    p = build(
        "It was reported that the launch failed.",
        """
        It        PRON      3 expl
        was       AUX       3 aux:pass
        reported  VERB/VBN  0 root   report
        that      SCONJ     7 mark
        the       DET       6 det
        launch    NOUN      7 nsubj
        failed    VERB      3 csubj:pass  fail
        .         PUNCT     3 punct
        """,
    )
    assert statements(p) == []


ASKED = build(
    "Asked to respond to the criticism, Carson said, “I have nothing to hide.”",
    """
    Asked      VERB/VBN   9 advcl  ask
    to         PART       3 mark
    respond    VERB       1 xcomp
    to         ADP        6 case
    the        DET        6 det
    criticism  NOUN       3 obl
    ,          PUNCT      1 punct
    Carson     PROPN      9 nsubj  S-PER
    said       VERB       0 root
    ,          PUNCT     13 punct
    “          PUNCT     13 punct
    I          PRON      13 nsubj
    have       VERB/VBP   9 ccomp  have
    nothing    PRON/NN   13 obj
    to         PART      16 mark
    hide       VERB      14 acl
    .          PUNCT     13 punct
    ”          PUNCT     13 punct
    """,
)


def test_asked_to_respond_carson_said_quote():
    (s,) = [s for s in statements(ASKED) if s["cue"] == "said"]
    assert s["rule"] == "quote_cue_after"
    assert s["content"] == ["I have nothing to hide."]
    assert (s["source"], s["type"], s["name"]) == ("Carson", "direct", "Carson")


def test_asked_to_respond_is_circumstance_not_a_statement():
    assert [s["cue"] for s in statements(ASKED)] == ["said"]
    assert rules_fired(ASKED) == ["quote_cue_after"]


def test_told_reporters_on_thursday_with_nothing_after_is_nothing():
    p = build(
        "Kim told reporters on Thursday.",
        """
        Kim        PROPN  2 nsubj  S-PER
        told       VERB   0 root
        reporters  NOUN   2 obj    reporter
        on         ADP    5 case
        Thursday   PROPN  2 obl
        .          PUNCT  2 punct
        """,
    )
    assert statements(p) == []


def test_nested_cue_inside_the_content_is_not_separate():
    text = "Campbell said the sanctions, which he said have had a chilling effect, would remain in place."
    p = build(text, """
        Campbell   PROPN     2 nsubj  S-PER
        said       VERB      0 root
        the        DET       4 det
        sanctions  NOUN     16 nsubj  sanction
        ,          PUNCT     8 punct
        which      PRON      10 nsubj
        he         PRON      8 nsubj
        said       VERB      4 acl:relcl
        have       AUX      10 aux
        had        VERB/VBN  8 ccomp
        a          DET      13 det
        chilling   ADJ      13 amod
        effect     NOUN     10 obj
        ,          PUNCT     8 punct
        would      AUX      16 aux
        remain     VERB      2 ccomp
        in         ADP      18 case
        place      NOUN     16 obl
        .          PUNCT     2 punct
    """)
    s = one(p)
    assert s["cue"] == "said" and s["source"] == "Campbell"
    assert s["rule"] == "reported_after"
    assert s["content"] == ["the sanctions, which he said have had a chilling effect, would remain in place"]
    _, cands = find_candidates(p)
    assert [c.cue[0] for c in cands] == [text.index("said")]


def test_according_to_an_apposition_after_the_source_is_part_of_it():
    """doc_rules._past_apposition: "According to Li Na, a professor at Fudan University, S":
    the noun phrase between the two commas says who the source is, so it belongs to the
    source, and the content is S alone."""
    p = build("According to Li Na, a professor at Fudan University, the reforms have stalled.", """
        According    VERB/VBG      15 advcl        accord
        to           ADP/IN         3 case         to
        Li           PROPN/NNP      1 obl          Li B-PER
        Na           PROPN/NNP      3 flat         Na E-PER
        ,            PUNCT/,        1 punct        ,
        a            DET/DT         7 det          a
        professor    NOUN/NN        3 appos        professor
        at           ADP/IN        10 case         at
        Fudan        PROPN/NNP     10 compound     Fudan B-ORG
        University   PROPN/NNP      7 nmod         University E-ORG
        ,            PUNCT/,        1 punct        ,
        the          DET/DT        13 det          the
        reforms      NOUN/NNS      15 nsubj        reform
        have         AUX/VBP       15 aux          have
        stalled      VERB/VBN       0 root         stall
        .            PUNCT/.       15 punct        .
    """)
    (s,) = statements(p)
    assert (s["rule"], s["content"], s["source"]) == (
        "according_to", ["the reforms have stalled"], "Li Na, a professor at Fudan University")


def test_according_to_a_clause_between_commas_is_no_apposition():
    """doc_rules._past_apposition: "according to the data, most people eat badly, which ...":
    what follows the source's comma is a clause (a verb), the content, not who the source is."""
    p = build("Sales fell, according to the data, most shops closed early, which hurt.", """
        Sales      NOUN    2 nsubj  sale
        fell       VERB    0 root   fall
        ,          PUNCT   4 punct
        according  VERB    2 advcl  accord
        to         ADP     7 case
        the        DET     7 det
        data       NOUN    4 obl
        ,          PUNCT  11 punct
        most       ADJ    10 amod
        shops      NOUN   11 nsubj  shop
        closed     VERB    2 conj   close
        early      ADV    11 advmod
        ,          PUNCT  15 punct
        which      PRON   15 nsubj
        hurt       VERB   11 acl:relcl
        .          PUNCT   2 punct
    """)
    (s,) = statements(p)
    assert s["rule"] == "according_to" and s["source"] == "the data"


def test_according_to_a_participle_after_the_document_names_it():
    """according_to: in "S, according to a memo seen by Reuters." the participle says which
    memo (who saw it), not what it says: the content is S."""
    p = build("The factory will close in March, according to a memo seen by Reuters.", """
        The          DET/DT         2 det          the
        factory      NOUN/NN        4 nsubj        factory
        will         AUX/MD         4 aux          will
        close        VERB/VB        0 root         close
        in           ADP/IN         6 case         in
        March        PROPN/NNP      4 obl          March
        ,            PUNCT/,        8 punct        ,
        according    VERB/VBG       4 advcl        accord
        to           ADP/IN        11 case         to
        a            DET/DT        11 det          a
        memo         NOUN/NN       12 obl          memo
        seen         VERB/VBN       4 advcl        see
        by           ADP/IN        14 case         by
        Reuters      PROPN/NNP     12 obl          Reuters S-ORG
        .            PUNCT/.        4 punct        .
    """)
    (s,) = statements(p)
    assert (s["rule"], s["content"], s["source"]) == ("according_to", ["The factory will close in March"], "a memo")


def test_while_with_a_second_speaker_is_a_statement_of_its_own():
    """conflicts.main_clause: "Officials in Kyiv said S, while Moscow said S2" sets a second
    speaker beside the first (the parser hung the contrast inside the first complement): two
    statements, the first ending before ", while"."""
    p = build("Officials in Kyiv said the attack killed four people, while Moscow said its forces had hit targets.", """
        Officials  PROPN/NNP   4 nsubj   Official
        in         ADP/IN      3 case    in
        Kyiv       PROPN/NNP   1 nmod    Kyiv S-LOC
        said       VERB/VBD    0 root    say
        the        DET/DT      6 det     the
        attack     NOUN/NN     7 nsubj   attack
        killed     VERB/VBD    4 ccomp   kill
        four       NUM/CD      9 nummod  four
        people     NOUN/NNS    7 obj     people
        ,          PUNCT/,    13 punct   ,
        while      SCONJ/IN   13 mark    while
        Moscow     PROPN/NNP  13 nsubj   Moscow S-LOC
        said       VERB/VBD    4 ccomp   say
        its        PRON/PRP$  15 nmod:poss its
        forces     NOUN/NNS   17 nsubj   force
        had        AUX/VBD    17 aux     have
        hit        VERB/VBN   13 ccomp   hit
        targets    NOUN/NNS   17 obj     target
        .          PUNCT/.     4 punct   .
    """)
    first, second = statements(p)
    assert (first["source"], first["content"]) == ("Officials in Kyiv", ["the attack killed four people"])
    assert (second["source"], second["content"]) == ("Moscow", ["its forces had hit targets"])


def test_while_with_a_participle_is_the_first_speakers_next_act():
    """conflicts.main_clause: "The senators said they would back the bill, while stressing S2"
    has no second speaker after "while": the first statement keeps its content."""
    p = build("The senators said they would back the bill, while stressing it was not an endorsement.", """
        The        DET/DT      2 det     the
        senators   NOUN/NNS    3 nsubj   senator
        said       VERB/VBD    0 root    say
        they       PRON/PRP    6 nsubj   they
        would      AUX/MD      6 aux     would
        back       VERB/VB     3 ccomp   back
        the        DET/DT      8 det     the
        bill       NOUN/NN     6 obj     bill
        ,          PUNCT/,    11 punct   ,
        while      SCONJ/IN   11 mark    while
        stressing  VERB/VBG    6 advcl   stress
        it         PRON/PRP   16 nsubj   it
        was        AUX/VBD    16 cop     be
        not        PART/RB    16 advmod  not
        an         DET/DT     16 det     a
        endorsement NOUN/NN   11 ccomp   endorsement
        .          PUNCT/.     3 punct   .
    """)
    found = statements(p)
    assert found[0]["source"] == "The senators"
    assert found[0]["content"][0].startswith("they would back the bill")
