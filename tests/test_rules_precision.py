"""Precision of the verb-cue rules: words that look like a cue but report nothing said, and
the statement kind of what is found.

Each test names the class of false positive (or of wrong kind) it guards, and is built so
that it fails when the check in attrib/extract/ that prevents it stops working: the
sentence is one where, without that check, some rule would find a statement.  Parses are
written the way stanza's English EWT model parses the sentence (see tests/parsebuilder.py).
"""

from __future__ import annotations

import pytest
from parsebuilder import build, rules_fired, statements

from attrib.attribute import find_attributions
from attrib.types import ParsedArticle


def one(p: ParsedArticle) -> dict:
    """The only statement in ``p``."""
    found = statements(p)
    assert len(found) == 1, found
    return found[0]


def kinds(p: ParsedArticle) -> list[tuple[str, str]]:
    """(rule, statement kind) of each attribution in ``p``."""
    return [(a.rule, a.kind) for a in find_attributions(p)]


# --------------------------------------------------------------------------- 1. participles


@pytest.mark.parametrize("text,table", [
    ("By noon an estimated 5,000 people had joined the march.", """
        By         ADP       2 case
        noon       NOUN      8 obl
        an         DET       6 det
        estimated  VERB/VBN  6 amod    estimate
        5,000      NUM       6 nummod
        people     NOUN      8 nsubj
        had        AUX       8 aux
        joined     VERB/VBN  0 root    join
        the        DET      10 det
        march      NOUN      8 obj
        .          PUNCT     8 punct
    """),
    ("The agency spent an estimated $14 million on the plan.", """
        The        DET       2 det
        agency     NOUN      3 nsubj
        spent      VERB      0 root    spend
        an         DET       6 det
        estimated  VERB/VBN  6 amod    estimate
        $          SYM       3 obj
        14         NUM       8 compound
        million    NUM       6 nummod
        on         ADP      11 case
        the        DET      11 det
        plan       NOUN      3 obl
        .          PUNCT     3 punct
    """),
])
def test_participle_modifying_a_noun_is_no_cue(text, table):
    """A participle after a determiner that modifies a noun ("an estimated 5,000 people")
    predicates nothing of a speaker (site._modifies_noun).  Without the check, "estimated"
    is a cue whose speaker is taken from the surface ("noon an") and whose complement is
    the rest of the clause ("5,000 people had joined the march")."""
    assert statements(build(text, table)) == []


@pytest.mark.parametrize("text,table", [
    ("The news site NK Pro reported the launch failed.", """
        The       DET    5 det
        news      NOUN   3 compound
        site      NOUN   5 compound
        NK        PROPN  5 compound  B-ORG
        Pro       PROPN  0 root      E-ORG
        reported  VERB   5 acl       report
        the       DET    8 det
        launch    NOUN   9 nsubj
        failed    VERB   6 ccomp     fail
        .         PUNCT  5 punct
    """),
    ("NK Pro, a news site, reported the launch failed.", """
        NK        PROPN   2 compound  B-ORG
        Pro       PROPN   0 root      E-ORG
        ,         PUNCT   6 punct
        a         DET     6 det
        news      NOUN    6 compound
        site      NOUN    2 appos
        ,         PUNCT   8 punct
        reported  VERB    6 acl       report
        the       DET    10 det
        launch    NOUN   11 nsubj
        failed    VERB    8 ccomp     fail
        .         PUNCT   2 punct
    """),
], ids=["right-after-the-name", "after-an-apposition"])
def test_finite_verb_labelled_acl_of_its_subject_stays_a_cue(text, table):
    """The parser labels a finite verb ``acl`` of the noun before it ("NK Pro reported
    ..."): only a present participle right after its noun ("threats demanding money") is
    a modifier; a past tense verb after a name or noun that can be its subject is still the
    cue (site._modifies_noun), else a whole class of real statements is lost."""
    s = one(build(text, table))
    assert (s["rule"], s["cue"], s["content"]) == ("reported_after", "reported", ["the launch failed"])
    assert "NK Pro" in s["source"]


# --------------------------------------------------------------------------- 2-4. no speaker, idioms, figures


def test_imperative_has_no_speaker():
    """An imperative ("Add the onions and stir") is an instruction, not a report: a root
    verb in the base form with no subject is no cue (site.is_cue).  Without the check,
    "the onions and stir for five minutes" counts as a clause (the coordinated verb) and
    becomes a statement with no speaker."""
    p = build(
        "Add the onions and stir for five minutes.",
        """
        Add      VERB   0 root   add
        the      DET    3 det
        onions   NOUN   1 obj    onion
        and      CCONJ  5 cc
        stir     VERB   1 conj   stir
        for      ADP    8 case
        five     NUM    8 nummod
        minutes  NOUN   5 obl    minute
        .        PUNCT  1 punct
        """,
    )
    assert statements(p) == []


def test_suffice_it_to_say_is_no_statement():
    """"Suffice it to say S" is an idiom: nobody says S (site.is_cue, lexicon.IDIOM_HEADS).
    Without the check, "say" climbs to the subject of "suffice" and "it" says "the plan
    failed"."""
    p = build(
        "Suffice it to say the plan failed.",
        """
        Suffice  VERB   0 root   suffice
        it       PRON   1 expl
        to       PART   4 mark
        say      VERB   1 xcomp
        the      DET    6 det
        plan     NOUN   7 nsubj
        failed   VERB   4 ccomp  fail
        .        PUNCT  1 punct
        """,
    )
    assert statements(p) == []


def test_suffice_it_to_say_with_the_subject_parsed_as_nsubj():
    """Same idiom, with "it" parsed as the subject of "suffice": the speaker found by
    climbing from "say" would then be "it"; the idiom check removes the cue first."""
    p = build(
        "Suffice it to say the plan failed.",
        """
        Suffice  VERB   0 root   suffice
        it       PRON   1 nsubj
        to       PART   4 mark
        say      VERB   1 xcomp
        the      DET    6 det
        plan     NOUN   7 nsubj
        failed   VERB   4 ccomp  fail
        .        PUNCT  1 punct
        """,
    )
    assert statements(p) == []


@pytest.mark.parametrize("text,table", [
    ("The index added 0.4 per cent as markets rallied.", """
        The      DET    2 det
        index    NOUN   3 nsubj
        added    VERB   0 root
        0.4      NUM    6 nummod
        per      ADP    6 compound
        cent     NOUN   3 obj
        as       SCONJ  9 mark
        markets  NOUN   9 nsubj  market
        rallied  VERB   3 advcl  rally
        .        PUNCT  3 punct
    """),
    ("The index added 0.4 per cent to 5,800.", """
        The      DET    2 det
        index    NOUN   3 nsubj
        added    VERB   0 root
        0.4      NUM    6 nummod
        per      ADP    6 compound
        cent     NOUN   3 obj
        to       ADP    8 case
        5,800    NUM    3 obl
        .        PUNCT  3 punct
    """),
])
def test_added_a_figure_is_no_statement(text, table):
    """"The index added 0.4 per cent" is a rise, not words (site._numeric_object).  Without
    the check the first sentence becomes a statement of the index: its complement runs on
    into the adverbial clause, which makes it look like a clause."""
    assert statements(build(text, table)) == []


def test_added_that_is_a_statement():
    """The counterpart: "added that S" is speech."""
    p = build(
        "The mayor added that the road would reopen.",
        """
        The     DET    2 det
        mayor   NOUN   3 nsubj
        added   VERB   0 root
        that    SCONJ  8 mark
        the     DET    6 det
        road    NOUN   8 nsubj
        would   AUX    8 aux
        reopen  VERB   3 ccomp  reopen
        .       PUNCT  3 punct
        """,
    )
    s = one(p)
    assert (s["rule"], s["source"], s["content"]) == ("reported_after", "The mayor", ["the road would reopen"])


# --------------------------------------------------------------------------- 5. headlines

MAYOR_SAID = """
    The     DET    2 det
    mayor   NOUN   3 nsubj
    said    VERB   0 root
    the     DET    5 det
    bridge  NOUN   7 nsubj
    would   AUX    7 aux
    reopen  VERB   3 ccomp  reopen
    in      ADP    9 case
    May     PROPN  7 obl
    .       PUNCT  3 punct
"""


def test_headline_line_is_no_statement():
    """A headline (a short line without final punctuation) is an editor's paraphrase, not
    a statement (conflicts.outside_headlines); the same words as a sentence of the text are
    one.  Without the filter, "Mayor says bridge will reopen in May" is a statement too."""
    p = build(
        "Mayor says bridge will reopen in May\nThe mayor said the bridge would reopen in May.",
        """
        Mayor   PROPN  2 nsubj
        says    VERB   0 root
        bridge  NOUN   5 nsubj
        will    AUX    5 aux
        reopen  VERB   2 ccomp  reopen
        in      ADP    7 case
        May     PROPN  5 obl
        """,
        MAYOR_SAID,
    )
    s = one(p)
    assert (s["rule"], s["source"], s["content"]) == ("reported_after", "The mayor", ["the bridge would reopen in May"])


def test_quotation_in_a_headline_line_still_counts():
    """Quotations are kept even in a headline line: quotation marks say the words are the
    speaker's own (conflicts.outside_headlines keeps the quote rules)."""
    p = build(
        "“We will reopen the bridge,” mayor says\nThe mayor said the bridge would reopen in May.",
        """
        “       PUNCT  4 punct
        We      PRON   4 nsubj
        will    AUX    4 aux
        reopen  VERB   0 root   reopen
        the     DET    6 det
        bridge  NOUN   4 obj
        ,       PUNCT  4 punct
        ”       PUNCT  4 punct
        mayor   NOUN  10 nsubj
        says    VERB   4 parataxis
        """,
        MAYOR_SAID,
    )
    found = statements(p)
    assert [(s["rule"], s["content"]) for s in found] == [
        ("quote_cue_before", ["We will reopen the bridge,"]),
        ("reported_after", ["the bridge would reopen in May"]),
    ]


# --------------------------------------------------------------------------- 6. what counts as content

POSTED_SCORE = ("The coach posted his best score on Friday.", """
    The     DET    2 det
    coach   NOUN   3 nsubj
    posted  VERB   0 root   post
    his     PRON   6 nmod:poss
    best    ADJ    6 amod   good
    score   NOUN   3 obj
    on      ADP    8 case
    Friday  PROPN  3 obl
    .       PUNCT  3 punct
""")
WRITING_COUNCIL = ("The club is writing the city council.", """
    The      DET    2 det
    club     NOUN   4 nsubj
    is       AUX    4 aux
    writing  VERB   0 root   write
    the      DET    7 det
    city     NOUN   7 compound
    council  NOUN   4 obj
    .        PUNCT  4 punct
""")
YELLED_AT = ("The fans yelled at the referee.", """
    The      DET    2 det
    fans     NOUN   3 nsubj  fan
    yelled   VERB   0 root   yell
    at       ADP    6 case
    the      DET    6 det
    referee  NOUN   3 obl
    .        PUNCT  3 punct
""")
DENIED_VOTES = ("Democrats denied Republicans the votes.", """
    Democrats    PROPN  2 nsubj  S-MISC
    denied       VERB   0 root
    Republicans  PROPN  2 iobj   S-MISC
    the          DET    5 det
    votes        NOUN   2 obj    vote
    .            PUNCT  2 punct
""")


@pytest.mark.parametrize("case", [POSTED_SCORE, WRITING_COUNCIL, YELLED_AT, DENIED_VOTES],
                         ids=["posted-score", "writing-council", "yelled-at", "denied-them-votes"])
def test_object_or_circumstance_after_a_cue_is_no_content(case):
    """Content is a clause, a quotation or a noun phrase naming something said
    (verb_cues._complement).  After a speech verb an ordinary object ("posted his best
    score"), the addressee ("writing the city council"), a prepositional phrase ("yelled at
    the referee") or two objects ("denied Republicans the votes") are not what was said."""
    text, table = case
    assert statements(build(text, table)) == []


def test_claim_noun_object_is_content():
    """A noun phrase headed by a claim noun ("repeated her warning") names what was said
    (lexicon.CLAIM_NOUNS): it is a statement even without a clause."""
    p = build(
        "The minister repeated her warning.",
        """
        The       DET    2 det
        minister  NOUN   3 nsubj
        repeated  VERB   0 root   repeat
        her       PRON   5 nmod:poss
        warning   NOUN   3 obj
        .         PUNCT  3 punct
        """,
    )
    s = one(p)
    assert (s["rule"], s["source"], s["content"]) == ("reported_after", "The minister", ["her warning"])


@pytest.mark.parametrize("text,table,content", [
    ("The senator accused the governor of corruption.", """
        The         DET    2 det
        senator     NOUN   3 nsubj
        accused     VERB   0 root
        the         DET    5 det
        governor    NOUN   3 obj
        of          ADP    7 case
        corruption  NOUN   3 obl
        .           PUNCT  3 punct
    """, "the governor of corruption"),
    ("The senator accused the governor of hiding the report.", """
        The       DET       2 det
        senator   NOUN      3 nsubj
        accused   VERB      0 root
        the       DET       5 det
        governor  NOUN      3 obj
        of        SCONJ     7 mark
        hiding    VERB/VBG  3 advcl   hide
        the       DET       9 det
        report    NOUN      7 obj
        .         PUNCT     3 punct
    """, "the governor of hiding the report"),
])
def test_accused_x_of_y_is_content(text, table, content):
    """"accused X of Y": the of-phrase is the charge made about the object, so the object
    and the charge are what was said (verb_cues._charge, lexicon.OBJECT_CUES).  With a noun
    charge ("of corruption") nothing else makes the complement content."""
    s = one(build(text, table))
    assert (s["rule"], s["source"], s["content"]) == ("reported_after", "The senator", [content])


# --------------------------------------------------------------------------- 7. negated, modal, "call"


@pytest.mark.parametrize("text,table", [
    ("The spokesman did not say that the talks had failed.", """
        The        DET    2 det
        spokesman  NOUN   5 nsubj
        did        AUX    5 aux
        not        PART   5 advmod
        say        VERB   0 root
        that       SCONJ 10 mark
        the        DET    8 det
        talks      NOUN  10 nsubj  talk
        had        AUX   10 aux
        failed     VERB/VBN 5 ccomp fail
        .          PUNCT  5 punct
    """),
    ("The spokesman did not say whether the talks would resume.", """
        The        DET    2 det
        spokesman  NOUN   5 nsubj
        did        AUX    5 aux
        not        PART   5 advmod
        say        VERB   0 root
        whether    SCONJ 10 mark
        the        DET    8 det
        talks      NOUN  10 nsubj  talk
        would      AUX   10 aux
        resume     VERB   5 ccomp  resume
        .          PUNCT  5 punct
    """),
    ("Critics will argue that the plan is too costly.", """
        Critics  NOUN   3 nsubj  critic
        will     AUX    3 aux
        argue    VERB   0 root   argue
        that     SCONJ  9 mark
        the      DET    6 det
        plan     NOUN   9 nsubj
        is       AUX    9 cop
        too      ADV    9 advmod
        costly   ADJ    3 ccomp
        .        PUNCT  3 punct
    """),
])
def test_negated_or_modal_cue_reports_nothing(text, table):
    """"did not say that S" and "will argue that S" report nothing said: a negated or
    modal cue is no speech (verb_cues._speech_sense).  Without the check the first and last
    become statements of their that-clause."""
    assert statements(build(text, table)) == []


@pytest.mark.parametrize("text,table", [
    ("The mayor called his lawyer on Sunday.", """
        The     DET    2 det
        mayor   NOUN   3 nsubj
        called  VERB   0 root
        his     PRON   5 nmod:poss
        lawyer  NOUN   3 obj
        on      ADP    7 case
        Sunday  PROPN  3 obl
        .       PUNCT  3 punct
    """),
    ("The mayor called his lawyer after the police arrived.", """
        The      DET    2 det
        mayor    NOUN   3 nsubj
        called   VERB   0 root
        his      PRON   5 nmod:poss
        lawyer   NOUN   3 obj
        after    SCONJ  9 mark
        the      DET    8 det
        police   NOUN   9 nsubj
        arrived  VERB   3 advcl  arrive
        .        PUNCT  3 punct
    """),
], ids=["on-sunday", "after-clause"])
def test_called_someone_is_a_phone_call(text, table):
    """"called his lawyer" is a phone call, not speech: "call" is a cue only with an object
    complement or "for"/"on" (verb_cues._speech_sense).  Without the check the second
    sentence becomes a statement ("his lawyer after the police arrived" has a verb)."""
    assert statements(build(text, table)) == []


def test_called_someone_on_a_day_is_still_a_phone_call():
    """"called his lawyer on Sunday after ..." is a phone call: "on Sunday" is a time, not
    "called on X" (an appeal).  Guards the call-sense check against time phrases."""
    p = build(
        "The mayor called his lawyer on Sunday after the police arrived.",
        """
        The      DET    2 det
        mayor    NOUN   3 nsubj
        called   VERB   0 root
        his      PRON   5 nmod:poss
        lawyer   NOUN   3 obj
        on       ADP    7 case
        Sunday   PROPN  3 obl
        after    SCONJ 11 mark
        the      DET   10 det
        police   NOUN  11 nsubj
        arrived  VERB   3 advcl  arrive
        .        PUNCT  3 punct
        """,
    )
    assert statements(p) == []


def test_called_x_y_is_speech():
    """"called the plan reckless" (object + xcomp) is a judgement the mayor voiced: a
    statement (verb_cues._speech_sense)."""
    p = build(
        "The mayor called the plan reckless.",
        """
        The       DET    2 det
        mayor     NOUN   3 nsubj
        called    VERB   0 root
        the       DET    5 det
        plan      NOUN   3 obj
        reckless  ADJ    3 xcomp
        .         PUNCT  3 punct
        """,
    )
    s = one(p)
    assert (s["rule"], s["source"], s["content"]) == ("reported_after", "The mayor", ["the plan reckless"])


# --------------------------------------------------------------------------- 8. embedded questions


def test_asked_how_is_an_embedded_question():
    """"asked how long the strike would last" is a question, not a claim: content opening
    with a wh-word is no statement (verb_cues._complement, lexicon.WH_WORDS).  Without the
    check the embedded clause is content."""
    p = build(
        "Reporters asked how long the strike would last.",
        """
        Reporters  NOUN   2 nsubj  reporter
        asked      VERB   0 root
        how        ADV    4 advmod
        long       ADV    8 advmod
        the        DET    6 det
        strike     NOUN   8 nsubj
        would      AUX    8 aux
        last       VERB   2 ccomp  last
        .          PUNCT  2 punct
        """,
    )
    assert statements(p) == []


# --------------------------------------------------------------------------- 9. statement kinds


def test_believes_is_belief():
    """"believes S" is what the coach thinks, not what he said: kind belief (kinds.statement_kind)."""
    p = build(
        "The coach believes his players can win.",
        """
        The       DET    2 det
        coach     NOUN   3 nsubj
        believes  VERB   0 root
        his       PRON   5 nmod:poss
        players   NOUN   7 nsubj  player
        can       AUX    7 aux
        win       VERB   3 ccomp
        .         PUNCT  3 punct
        """,
    )
    assert kinds(p) == [("belief", "belief")]
    assert one(p)["content"] == ["his players can win"]


def test_plans_to_is_intention():
    """"plans to V" is an intention (a belief verb that is also an intention verb)."""
    p = build(
        "The council plans to vote next week.",
        """
        The      DET    2 det
        council  NOUN   3 nsubj
        plans    VERB   0 root   plan
        to       PART   5 mark
        vote     VERB   3 xcomp
        next     ADJ    7 amod
        week     NOUN   5 obl:tmod
        .        PUNCT  3 punct
        """,
    )
    assert kinds(p) == [("belief", "intention")]


def test_vowed_to_is_intention_vowed_that_is_speech():
    """"vowed to fight" states an intention; "vowed that she would fight" reports words
    (kinds._infinitive_content): the same verb, two kinds."""
    to = build(
        "The minister vowed to fight the ruling.",
        """
        The       DET    2 det
        minister  NOUN   3 nsubj
        vowed     VERB   0 root
        to        PART   5 mark
        fight     VERB   3 xcomp
        the       DET    7 det
        ruling    NOUN   5 obj
        .         PUNCT  3 punct
        """,
    )
    that = build(
        "The minister vowed that she would fight the ruling.",
        """
        The       DET    2 det
        minister  NOUN   3 nsubj
        vowed     VERB   0 root
        that      SCONJ  7 mark
        she       PRON   7 nsubj
        would     AUX    7 aux
        fight     VERB   3 ccomp
        the       DET    9 det
        ruling    NOUN   7 obj
        .         PUNCT  3 punct
        """,
    )
    assert kinds(to) == [("reported_after", "intention")]
    assert kinds(that) == [("reported_after", "speech")]


def test_survey_shows_is_evidence():
    """"a survey shows that S": a document or measurement as subject of an evidence verb
    is evidence, not speech (kinds._evidence_source)."""
    p = build(
        "A new survey shows that most voters back the plan.",
        """
        A       DET    3 det
        new     ADJ    3 amod
        survey  NOUN   4 nsubj
        shows   VERB   0 root   show
        that    SCONJ  8 mark
        most    ADJ    7 amod
        voters  NOUN   8 nsubj  voter
        back    VERB   4 ccomp
        the     DET   10 det
        plan    NOUN   8 obj
        .       PUNCT  4 punct
        """,
    )
    # (an evidence verb with a document or measurement subject is a cue site, so the
    # cue-site rule finds it and that_clause leaves it alone: one statement, not two)
    assert kinds(p) == [("reported_after", "evidence")]
    assert one(p)["content"][0] == "most voters back the plan"


def test_realized_that_is_belief():
    """"realized that S" (a verb outside the cue lists, that_clause) reports what someone
    concluded: kind belief."""
    p = build(
        "The engineers realized that the bridge was unsafe.",
        """
        The        DET    2 det
        engineers  NOUN   3 nsubj  engineer
        realized   VERB   0 root   realize
        that       SCONJ  8 mark
        the        DET    6 det
        bridge     NOUN   8 nsubj
        was        AUX    8 cop
        unsafe     ADJ    3 ccomp
        .          PUNCT  3 punct
        """,
    )
    assert kinds(p) == [("that_clause", "belief")]


# --------------------------------------------------------------------------- 10. floating quotes


def test_each_following_quotation_is_its_own_statement_of_the_same_speaker():
    """Wire style: a quote with a cue, then quotations with none.  Each following quotation
    is a statement of its own (floating.floating_quote) with no speaker mention (source
    None: its sentence names no one) and the same resolved speaker."""
    p = build(
        "“We are ready,” coach Dana Reyes said. “The team has worked hard.” "
        "“We expect a full stadium on Saturday.”",
        """
        “       PUNCT  4 punct
        We      PRON   4 nsubj
        are     AUX    4 cop
        ready   ADJ    0 root
        ,       PUNCT  4 punct
        ”       PUNCT  4 punct
        coach   NOUN   8 compound
        Dana    PROPN 10 nsubj     B-PER
        Reyes   PROPN  8 flat      E-PER
        said    VERB   4 parataxis
        .       PUNCT  4 punct
        """,
        """
        “       PUNCT  5 punct
        The     DET    3 det
        team    NOUN   5 nsubj
        has     AUX    5 aux
        worked  VERB   0 root   work
        hard    ADV    5 advmod
        .       PUNCT  5 punct
        ”       PUNCT  5 punct
        """,
        """
        “         PUNCT  3 punct
        We        PRON   3 nsubj
        expect    VERB   0 root
        a         DET    6 det
        full      ADJ    6 amod
        stadium   NOUN   3 obj
        on        ADP    8 case
        Saturday  PROPN  3 obl
        .         PUNCT  3 punct
        ”         PUNCT  3 punct
        """,
    )
    found = statements(p)
    assert [(s["rule"], s["source"], s["name"]) for s in found] == [
        ("quote_cue_before", "coach Dana Reyes", "Dana Reyes"),
        ("floating_quote", None, "Dana Reyes"),
        ("floating_quote", None, "Dana Reyes"),
    ]
    assert [s["content"] for s in found] == [
        ["We are ready,"], ["The team has worked hard."], ["We expect a full stadium on Saturday."]]
    assert rules_fired(p).count("floating_quote") == 2


def test_points_out_that_is_a_cue_but_points_to_is_not():
    """lexicon.PARTICLE_CUES: "point" introduces speech only with its particle ("pointed out
    that S"); the particle is not part of the content; "pointed to the door" says nothing."""
    out = build(
        "The auditor pointed out that the accounts were late.",
        """
        The       DET    2 det
        auditor   NOUN   3 nsubj
        pointed   VERB   0 root          point
        out       ADP    3 compound:prt
        that      SCONJ  9 mark
        the       DET    7 det
        accounts  NOUN   9 nsubj         account
        were      AUX    9 cop           be
        late      ADJ    3 ccomp
        .         PUNCT  3 punct
        """,
    )
    (s,) = statements(out)
    assert (s["rule"], s["cue"], s["content"]) == ("reported_after", "pointed", ["the accounts were late"])
    door = build(
        "She pointed to the door.",
        """
        She      PRON   2 nsubj  she
        pointed  VERB   0 root   point
        to       ADP    5 case
        the      DET    5 det
        door     NOUN   2 obl
        .        PUNCT  2 punct
        """,
    )
    assert statements(door) == []


def test_advised_is_a_cue_that_takes_the_person_advised():
    """lexicon.RECIPIENT_VERBS: "advised clients that S" -- the clients are told, S is said."""
    p = build(
        "The lawyer advised clients that the rules had changed.",
        """
        The      DET    2 det
        lawyer   NOUN   3 nsubj
        advised  VERB   0 root   advise
        clients  NOUN   3 obj    client
        that     SCONJ  9 mark
        the      DET    7 det
        rules    NOUN   9 nsubj  rule
        had      AUX    9 aux    have
        changed  VERB   3 ccomp  change
        .        PUNCT  3 punct
        """,
    )
    (s,) = statements(p)
    assert (s["cue"], s["source"], s["content"]) == ("advised", "The lawyer", ["the rules had changed"])


# --------------------------------------------------------------------------- nothing said


@pytest.mark.parametrize("text, table", [
    ("If the president says the war is over, markets will rally.", """
        If           SCONJ/IN       4 mark         if
        the          DET/DT         3 det          the
        president    NOUN/NN        4 nsubj        president
        says         VERB/VBZ      12 advcl        say
        the          DET/DT         6 det          the
        war          NOUN/NN        4 obj          war
        is           AUX/VBZ        8 cop          be
        over         ADV/RB         4 ccomp        over
        ,            PUNCT/,        4 punct        ,
        markets      NOUN/NNS      12 nsubj        market
        will         AUX/MD        12 aux          will
        rally        VERB/VB        0 root         rally
        .            PUNCT/.       12 punct        .
     """),
    ("No one said the project would be easy.", """
        No           DET/DT         2 det          no
        one          NUM/CD         3 nsubj        one
        said         VERB/VBD       0 root         say
        the          DET/DT         5 det          the
        project      NOUN/NN        8 nsubj        project
        would        AUX/MD         8 aux          would
        be           AUX/VB         8 cop          be
        easy         ADJ/JJ         3 ccomp        easy
        .            PUNCT/.        3 punct        .
     """),
    ("None of the officials said the plan had failed.", """
        None         ADP/IN         4 case         none
        of           ADP/IN         4 case         of
        the          DET/DT         4 det          the
        officials    NOUN/NNS       5 obl          official
        said         VERB/VBD       0 root         say
        the          DET/DT         7 det          the
        plan         NOUN/NN        8 nsubj        plan
        had          VERB/VBD       5 ccomp        have
        failed       VERB/VBN       8 xcomp        fail
        .            PUNCT/.        5 punct        .
     """),
], ids=["if-says", "no-one-said", "none-of-said"])
def test_a_supposed_or_denied_speech_act_is_no_statement(text, table):
    """site._unsaid: "If X says S" only supposes that S is said, and "No one said S" / "None
    of the officials said S" says that it was not: neither reports S as anyone's words, and
    storing it would put S in a speaker's mouth (with "the officials" as speaker, the reverse
    of the sentence)."""
    assert statements(build(text, table)) == []


def test_a_speech_act_with_a_speaker_is_still_a_statement_after_a_comma_no():
    """site._unsaid: "No" as an answer before a comma is no negative subject: "No, the mayor
    said, the vote will go ahead" is the mayor's statement."""
    p = build("No, the mayor said, the vote will go ahead.", """
        No       INTJ    9 discourse  no
        ,        PUNCT   1 punct
        the      DET     4 det
        mayor    NOUN    5 nsubj
        said     VERB    9 parataxis  say
        ,        PUNCT   5 punct
        the      DET     8 det
        vote     NOUN    10 nsubj
        will     AUX    10 aux
        go       VERB    0 root
        ahead    ADV    10 advmod
        .        PUNCT  10 punct
    """)
    assert [s["source"] for s in statements(p)] == ["the mayor"]


def test_a_clause_joined_after_the_object_is_not_the_content():
    """verb_cues._complement: in "He told a joke and the room laughed" what follows the
    recipient verb's object is a clause joined to the act, not what he told."""
    p = build("He told a joke and the room laughed.", """
        He           PRON/PRP       2 nsubj        he
        told         VERB/VBD       0 root         tell
        a            DET/DT         4 det          a
        joke         NOUN/NN        2 obj          joke
        and          CCONJ/CC       8 cc           and
        the          DET/DT         7 det          the
        room         NOUN/NN        8 nsubj        room
        laughed      VERB/VBD       2 conj         laugh
        .            PUNCT/.        2 punct        .
    """)
    assert statements(p) == []


def test_the_clause_a_relative_clause_hangs_on_is_not_its_cues_content():
    """site._left_part: in "The deal, which the president called the best in history, was
    signed on Friday" the split around the cue is the deal's clause, which the relative clause
    only describes: the signing is not what the president said."""
    p = build("The deal, which the president called the best in history, was signed on Friday.", """
        The          DET/DT         2 det          the
        deal         NOUN/NN       14 nsubj:pass   deal
        ,            PUNCT/,        2 punct        ,
        which        PRON/WDT       7 obj          which
        the          DET/DT         6 det          the
        president    NOUN/NN        7 nsubj        president
        called       VERB/VBD       0 root         call
        the          DET/DT         9 det          the
        best         ADJ/JJS        7 obj          good
        in           ADP/IN        11 case         in
        history      NOUN/NN        9 nmod         history
        ,            PUNCT/,        2 punct        ,
        was          AUX/VBD       14 aux:pass     be
        signed       VERB/VBN       7 conj         sign
        on           ADP/IN        16 case         on
        Friday       PROPN/NNP     14 obl          Friday
        .            PUNCT/.       14 punct        .
    """)
    assert "reported_split" not in rules_fired(p)
    assert all("was signed" not in " ".join(s["content"]) for s in statements(p))


def test_said_nothing_about_is_an_amount_of_talk_not_its_words():
    """verb_cues._words_object: a long noun phrase after "said" is a misread clause, but one
    opening with an amount word ("said nothing about the new budget", "said little about it")
    tells how much was said, not what."""
    p = build("The minister said nothing about the new budget.", """
        The       DET    2 det
        minister  NOUN   3 nsubj
        said      VERB   0 root   say
        nothing   PRON   3 obj
        about     ADP    8 case
        the       DET    8 det
        new       ADJ    8 amod
        budget    NOUN   4 nmod
        .         PUNCT  3 punct
    """)
    assert statements(p) == []


def test_citing_a_source_is_no_small_clause():
    """verb_cues._small_clause: "called the plan reckless" (a naming verb, its object and their
    predicate) reports words; "..., citing people familiar with the plans" names whom a report
    relied on, so the participle's object and adjective are no statement of the plant's."""
    p = build("The plant will close in June, Bloomberg reported, citing people familiar with the plans.", """
        The       DET/DT      2 det      the
        plant     NOUN/NN     4 nsubj    plant
        will      AUX/MD      4 aux      will
        close     VERB/VB     0 root     close
        in        ADP/IN      6 case     in
        June      PROPN/NNP   4 obl      June
        ,         PUNCT/,     9 punct    ,
        Bloomberg PROPN/NNP   9 nsubj    Bloomberg S-ORG
        reported  VERB/VBD    4 ccomp    report
        ,         PUNCT/,    11 punct    ,
        citing    VERB/VBG    4 conj     cite
        people    NOUN/NNS   11 obj      people
        familiar  ADJ/JJ     11 xcomp    familiar
        with      ADP/IN     16 case     with
        the       DET/DT     16 det      the
        plans     NOUN/NNS   11 obl      plan
        .         PUNCT/.     4 punct    .
    """)
    assert [(s["rule"], s["source"], s["content"]) for s in statements(p)] == [
        ("reported_before", "Bloomberg", ["The plant will close in June"])]


def test_a_past_participle_after_a_common_noun_is_a_reduced_relative_not_a_cue():
    """site._modifies_noun: in "The plan announced last week drew sharp criticism" the
    participle describes the plan (the one that was announced), it is nobody's speech act:
    nothing is stored, not "last week drew sharp criticism" as the plan's words."""
    p = build("The plan announced last week drew sharp criticism.", """
        The        DET/DT    2 det      the
        plan       NOUN/NN   3 nsubj    plan
        announced  VERB/VBN  5 amod     announce
        last       ADJ/JJ    5 amod     last
        week       NOUN/NN   6 nsubj    week
        drew       VERB/VBD  0 root     draw
        sharp      ADJ/JJ    8 amod     sharp
        criticism  NOUN/NN   6 obj      criticism
        .          PUNCT/.   6 punct    .
    """)
    assert statements(p) == []


def test_the_content_of_a_cue_in_a_relative_clause_ends_where_the_clause_does():
    """complement._end_of_relative_clause: in "The law, which opponents call a power grab,
    passed on Tuesday" the comma closes the relative clause: "passed on Tuesday" is the
    sentence the clause interrupts, not what the opponents call the law."""
    p = build("The law, which opponents call a power grab, passed on Tuesday.", """
        The        DET/DT    2 det      the
        law        NOUN/NN   6 nsubj    law
        ,          PUNCT/,   2 punct    ,
        which      PRON/WDT  6 nsubj    which
        opponents  NOUN/NNS  6 nsubj    opponent
        call       VERB/VBP  0 root     call
        a          DET/DT    9 det      a
        power      NOUN/NN   9 compound power
        grab       NOUN/NN   6 obj      grab
        ,          PUNCT/,  11 punct    ,
        passed     VERB/VBD  6 xcomp    pass
        on         ADP/IN   13 case     on
        Tuesday    PROPN/NNP 11 obl     Tuesday
        .          PUNCT/.   6 punct    .
    """)
    assert all("passed" not in " ".join(s["content"]) for s in statements(p))
