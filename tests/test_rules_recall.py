"""Recall of the verb-cue rules: the statements the rule changes of commit 0a1250e find, and
the limit of each change (the sentence just outside it, where nothing new is found).

Several changes exist because stanza's English model misreads the sentence ("said the two
raised $40,000" with "raised" as an adjective; "Low said Tuesday" with Tuesday as the
subject), so the hand-built parses below are the misparse, not the correct tree.  Each
positive asserts the content, the speaker, the rule that fired and the statement kind;
each negative fails when the change is widened past its limit.  Sentences are our own.
"""

from __future__ import annotations

import pytest
from parsebuilder import build, rules_fired, statements

from attrib.attribute import find_attributions
from attrib.extract import DocView
from attrib.extract.site import is_cue
from attrib.types import Attribution, ParsedArticle, parse_kinds


def only(p: ParsedArticle) -> tuple[dict, Attribution]:
    """The only statement in ``p``: described (texts) and as found (for its statement kind)."""
    found = find_attributions(p)
    assert len(found) == 1, statements(p)
    return statements(p)[0], found[0]


def by_cue(p: ParsedArticle, cue: str) -> list[tuple[dict, Attribution]]:
    """The statements of ``p`` whose cue text is ``cue``."""
    return [(s, a) for s, a in zip(statements(p), find_attributions(p), strict=True) if s["cue"] == cue]


# --------------------------------------------------------------------------- 1. a long noun phrase after "said"


def test_long_noun_phrase_object_of_said_is_a_misread_clause():
    """verb_cues._words_object: the parser reads "the two raised $40,000 ..." as a noun
    phrase ("raised" an adjective of "$", "$" the object of "said"); the object of "say"
    can only be the words said, so four words or more are content."""
    p = build(
        "The coach said the two raised $40,000 for the new pitch.",
        """
        The      DET       2 det
        coach    NOUN      3 nsubj
        said     VERB      0 root
        the      DET       7 det
        two      NUM       7 nummod
        raised   VERB/VBN  7 amod    raise
        $        SYM       3 obj
        40,000   NUM       7 nummod
        for      ADP      12 case
        the      DET      12 det
        new      ADJ      12 amod
        pitch    NOUN      7 nmod
        .        PUNCT     3 punct
        """,
    )
    s, a = only(p)
    assert (s["rule"], s["content"]) == ("reported_after", ["the two raised $40,000 for the new pitch"])
    assert (s["cue"], s["source"], s["type"], a.kind) == ("said", "The coach", "indirect", "speech")


def test_short_noun_phrase_object_of_said_is_no_content():
    """Three words after "said" ("the same thing") report nothing: the four-word floor of
    verb_cues._words_object."""
    p = build(
        "The coach said the same thing.",
        """
        The    DET    2 det
        coach  NOUN   3 nsubj
        said   VERB   0 root
        the    DET    6 det
        same   ADJ    6 amod
        thing  NOUN   3 obj
        .      PUNCT  3 punct
        """,
    )
    assert statements(p) == []


def test_long_noun_phrase_object_of_told_is_no_content():
    """Only "say" (lexicon.WORDS_ONLY_CUES): the object of "told" after its recipient ("told
    the board the long history of the old mill") is a thing told about, not the words."""
    p = build(
        "The coach told the board the long history of the old mill.",
        """
        The      DET    2 det
        coach    NOUN   3 nsubj
        told     VERB   0 root
        the      DET    5 det
        board    NOUN   3 iobj
        the      DET    8 det
        long     ADJ    8 amod
        history  NOUN   3 obj
        of       ADP   12 case
        the      DET   12 det
        old      ADJ   12 amod
        mill     NOUN   8 nmod
        .        PUNCT  3 punct
        """,
    )
    assert statements(p) == []


# --------------------------------------------------------------------------- 2. "said that, in 2019, ..."




@pytest.mark.parametrize("text,table", [
    pytest.param("The foreman said that, in 2019, the mill closed.", """
        The      DET     2 det
        foreman  NOUN    3 nsubj
        said     VERB    0 root
        that     SCONJ  11 mark
        ,        PUNCT   7 punct
        in       ADP     7 case
        2019     NUM    11 obl
        ,        PUNCT   7 punct
        the      DET    10 det
        mill     NOUN   11 nsubj
        closed   VERB    3 ccomp   close
        .        PUNCT   3 punct
    """, id="commas"),
    pytest.param("The foreman said that in 2019 the mill closed.", """
        The      DET     2 det
        foreman  NOUN    3 nsubj
        said     VERB    0 root
        that     SCONJ   9 mark
        in       ADP     6 case
        2019     NUM     9 obl
        the      DET     8 det
        mill     NOUN    9 nsubj
        closed   VERB    3 ccomp   close
        .        PUNCT   3 punct
    """, id="no-commas"),
])
def test_clause_after_that_may_open_with_a_preposition(text, table):
    """verb_cues._complement (after_that): after the complementiser "that" the content is
    the clause's, even when its first word is a preposition ("in 2019")."""
    s, a = only(build(text, table))
    assert s["rule"] == "reported_after"
    assert s["content"] == [text[text.index("that") + len("that"):].strip(" ,.")]
    assert (s["cue"], s["source"], a.kind) == ("said", "The foreman", "speech")


def test_prepositional_phrase_after_a_cue_without_that_is_no_content():
    """Without "that" a prepositional start is still a circumstance: "commented on the
    closure of the mill" reports no words.  (Not "spoke in the hall": "speak" is no cue.)"""
    p = build(
        "The foreman commented on the closure of the mill.",
        """
        The        DET    2 det
        foreman    NOUN   3 nsubj
        commented  VERB   0 root   comment
        on         ADP    6 case
        the        DET    6 det
        closure    NOUN   3 obl
        of         ADP    9 case
        the        DET    9 det
        mill       NOUN   6 nmod
        .          PUNCT  3 punct
        """,
    )
    assert statements(p) == []


# --------------------------------------------------------------------------- 3. a date as subject of "said"

LOW_SAID_TUESDAY = build(
    "“We will not back down,” Senator Ann Low said Tuesday.",
    """
    “        PUNCT   5 punct
    We       PRON    5 nsubj
    will     AUX     5 aux
    not      PART    5 advmod
    back     VERB    0 root    back
    down     ADP     5 compound:prt
    ,        PUNCT   5 punct
    ”        PUNCT   5 punct
    Senator  PROPN  11 compound
    Ann      PROPN  11 compound  B-PER
    Low      PROPN   5 dep       E-PER
    said     VERB    5 parataxis
    Tuesday  PROPN  12 nsubj
    .        PUNCT   5 punct
    """,
)


def test_date_subject_falls_back_to_the_name_before_the_cue():
    """site._speaker: the parser made "Tuesday" the subject of "said" and hung the name on
    the quotation; a date cannot speak, so the noun phrase right before the cue is the
    speaker."""
    s, a = only(LOW_SAID_TUESDAY)
    assert (s["rule"], s["content"]) == ("quote_cue_before", ["We will not back down,"])
    assert (s["cue"], s["source"], s["name"], s["kind"]) == ("said", "Senator Ann Low", "Ann Low", "person")
    assert a.kind == "speech"


def test_date_subject_before_the_cue_is_never_the_speaker():
    """The limit of the fallback: a date before the cue is no speaker, and the noun phrase
    right before the cue is that same date, so the statement stays unattributed."""
    p = build(
        "“We will not back down,” Tuesday said.",
        """
        “        PUNCT   5 punct
        We       PRON    5 nsubj
        will     AUX     5 aux
        not      PART    5 advmod
        back     VERB    0 root    back
        down     ADP     5 compound:prt
        ,        PUNCT   5 punct
        ”        PUNCT   5 punct
        Tuesday  PROPN  10 nsubj
        said     VERB    5 parataxis
        .        PUNCT   5 punct
        """,
    )
    assert all(s["source"] is None and s["name"] is None for s in statements(p)), statements(p)


# --------------------------------------------------------------------------- 4. a conjunct's own comma and "but"

FARCE = build(
    "The senator described the vote as “a farce,” but stopped short of calling for a recount.",
    """
    The        DET    2 det
    senator    NOUN   3 nsubj
    described  VERB   0 root    describe
    the        DET    5 det
    vote       NOUN   3 obj
    as         ADP    9 case
    “          PUNCT  9 punct
    a          DET    9 det
    farce      NOUN   3 obl
    ,          PUNCT 13 punct
    ”          PUNCT  9 punct
    but        CCONJ 13 cc
    stopped    VERB   3 conj    stop
    short      ADV   13 advmod
    of         SCONJ 16 mark
    calling    VERB  13 advcl   call
    for        ADP   19 case
    a          DET   19 det
    recount    NOUN  16 obl
    .          PUNCT  3 punct
    """,
)


def test_content_ends_before_a_conjunct_whose_comma_is_its_own():
    """complement._end_at_new_predicate: the comma and "but" before "stopped" belong to the
    conjunct's subtree, and still mark a new predicate: the content ends with the quotation."""
    (s, a), = by_cue(FARCE, "described")
    assert (s["rule"], s["content"]) == ("reported_after", ["the vote as “a farce,”"])
    assert (s["source"], a.kind) == ("The senator", "speech")


def test_conjunct_joined_by_and_alone_stays_in_the_content():
    """The limit: a conjunct after nothing but "and", with no subject of its own and no speech
    verb, may be part of what was said, so the content runs on over it."""
    p = build(
        "The senator said the vote was a farce and left the chamber early.",
        """
        The      DET    2 det
        senator  NOUN   3 nsubj
        said     VERB   0 root
        the      DET    5 det
        vote     NOUN   8 nsubj
        was      AUX    8 cop
        a        DET    8 det
        farce    NOUN   3 ccomp
        and      CCONJ 10 cc
        left     VERB   3 conj    leave
        the      DET   12 det
        chamber  NOUN  10 obj
        early    ADV   10 advmod
        .        PUNCT  3 punct
        """,
    )
    s, _ = only(p)
    assert (s["rule"], s["content"]) == ("reported_after", ["the vote was a farce and left the chamber early"])


# --------------------------------------------------------------------------- 5. "call"


def test_called_object_and_quoted_name_is_speech():
    """verb_cues._speech_sense (named): "called the plan “a betrayal of every worker”", which
    the parser reads as two objects (no xcomp): an object and a quotation after "called"."""
    p = build(
        "The union called the plan “a betrayal of every worker.”",
        """
        The       DET    2 det
        union     NOUN   3 nsubj
        called    VERB   0 root    call
        the       DET    5 det
        plan      NOUN   3 iobj
        “         PUNCT  8 punct
        a         DET    8 det
        betrayal  NOUN   3 obj
        of        ADP   11 case
        every     DET   11 det
        worker    NOUN   8 nmod
        .         PUNCT  3 punct
        ”         PUNCT  8 punct
        """,
    )
    s, a = only(p)
    assert (s["rule"], s["content"]) == ("reported_after", ["the plan “a betrayal of every worker.”"])
    assert (s["cue"], s["source"], a.kind) == ("called", "The union", "speech")


@pytest.mark.parametrize("text,table,content", [
    ("The mayor called for a moratorium on drilling.", """
        The         DET    2 det
        mayor       NOUN   3 nsubj
        called      VERB   0 root   call
        for         ADP    6 case
        a           DET    6 det
        moratorium  NOUN   3 obl
        on          ADP    8 case
        drilling    NOUN   6 nmod
        .           PUNCT  3 punct
    """, "a moratorium on drilling"),
    ("The residents called on the council to resign.", """
        The        DET    2 det
        residents  NOUN   3 nsubj  resident
        called     VERB   0 root   call
        on         ADP    6 case
        the        DET    6 det
        council    NOUN   3 obl
        to         PART   8 mark
        resign     VERB   3 xcomp
        .          PUNCT  3 punct
    """, "the council to resign"),
], ids=["called-for", "called-on"])
def test_unquoted_demand_is_an_intention(text, table, content):
    """verb_cues._demand and kinds._demand_unquoted: what "called for/on" asks follows the
    particle, and reported without its words it is an intention, not speech."""
    s, a = only(build(text, table))
    assert (s["rule"], s["content"], s["cue"]) == ("reported_after", [content], "called")
    assert s["source"] == text.split(" called")[0]
    assert a.kind == "intention"


def test_quoted_demand_is_speech():
    """The limit of kinds._demand_unquoted: "called for “an immediate halt”" quotes the words."""
    p = build(
        "The lawyer called for “an immediate halt.”",
        """
        The        DET    2 det
        lawyer     NOUN   3 nsubj
        called     VERB   0 root   call
        for        ADP    8 case
        “          PUNCT  8 punct
        an         DET    8 det
        immediate  ADJ    8 amod
        halt       NOUN   3 obl
        .          PUNCT  3 punct
        ”          PUNCT  8 punct
        """,
    )
    s, a = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("reported_after", ["“an immediate halt.”"], "The lawyer")
    assert a.kind == "speech"


def test_phone_call_is_no_statement():
    """"called her brother on Sunday": an object, but no quotation, no for/on and no xcomp."""
    p = build(
        "Kim called her brother on Sunday.",
        """
        Kim      PROPN  2 nsubj  S-PER
        called   VERB   0 root   call
        her      PRON   4 nmod:poss
        brother  NOUN   2 obj
        on       ADP    6 case
        Sunday   PROPN  2 obl
        .        PUNCT  2 punct
        """,
    )
    assert statements(p) == []


def test_called_with_a_quotation_but_no_object_is_no_statement():
    """The limit of the named sense: a quotation after "called" needs an object before it;
    "called at the house marked “Private”" is a visit."""
    p = build(
        "The courier called at the house marked “Private.”",
        """
        The      DET       2 det
        courier  NOUN      3 nsubj
        called   VERB      0 root   call
        at       ADP       6 case
        the      DET       6 det
        house    NOUN      3 obl
        marked   VERB/VBN  6 acl    mark
        “        PUNCT     9 punct
        Private  ADJ       7 xcomp
        .        PUNCT     3 punct
        ”        PUNCT     9 punct
        """,
    )
    assert statements(p) == []


def test_quotation_inside_the_object_of_a_phone_call_is_no_statement():
    """"called the number on the “Help wanted” sign": the quotation names the sign; nobody
    called the number anything."""
    p = build(
        "Kim called the number on the “Help wanted” sign.",
        """
        Kim      PROPN     2 nsubj  S-PER
        called   VERB      0 root   call
        the      DET       4 det
        number   NOUN      2 obj
        on       ADP      11 case
        the      DET      11 det
        “        PUNCT     8 punct
        Help     NOUN     11 compound
        wanted   VERB/VBN  8 acl    want
        ”        PUNCT     8 punct
        sign     NOUN      4 nmod
        .        PUNCT     2 punct
        """,
    )
    assert statements(p) == []


# --------------------------------------------------------------------------- 6. evidence verbs


SURVEY = build(
    "A new survey shows most voters favour the plan.",
    """
    A       DET    3 det
    new     ADJ    3 amod
    survey  NOUN   4 nsubj
    shows   VERB   0 root   show
    most    ADJ    6 amod
    voters  NOUN   7 nsubj  voter
    favour  VERB   4 ccomp
    the     DET    9 det
    plan    NOUN   7 obj
    .       PUNCT  4 punct
    """,
)


def test_what_a_survey_shows_is_evidence():
    """site.is_cue (lexicon.EVIDENCE_ONLY_VERBS): "show" is a cue with a document or
    measurement as subject, and what it shows is evidence."""
    s, a = only(SURVEY)
    assert (s["rule"], s["content"]) == ("reported_after", ["most voters favour the plan"])
    assert (s["cue"], s["source"], a.kind) == ("shows", "A new survey", "evidence")


def test_evidence_is_left_out_of_the_default_kinds():
    """The default output is speech only (types.parse_kinds, as ``attrib extract`` and the
    pages filter): the survey's evidence is not in it."""
    assert parse_kinds(None) == ("speech",)
    assert [a for a in find_attributions(SURVEY) if a.kind in parse_kinds(None)] == []
    assert [a.kind for a in find_attributions(SURVEY) if a.kind in parse_kinds("all")] == ["evidence"]


FOUND_THAT = [
    ("The audit found that the fund was short.", """
        The    DET    2 det
        audit  NOUN   3 nsubj
        found  VERB   0 root   find
        that   SCONJ  8 mark
        the    DET    6 det
        fund   NOUN   8 nsubj
        was    AUX    8 cop
        short  ADJ    3 ccomp
        .      PUNCT  3 punct
    """, "the fund was short"),
    ("The footage demonstrates that the guard was asleep.", """
        The           DET    2 det
        footage       NOUN   3 nsubj
        demonstrates  VERB   0 root   demonstrate
        that          SCONJ  8 mark
        the           DET    6 det
        guard         NOUN   8 nsubj
        was           AUX    8 cop
        asleep        ADJ    3 ccomp
        .             PUNCT  3 punct
    """, "the guard was asleep"),
]
FOUND_THAT_IDS = ["audit-found", "footage-demonstrates"]


@pytest.mark.parametrize("text,table,content", FOUND_THAT, ids=FOUND_THAT_IDS)
def test_what_a_document_finds_is_evidence(text, table, content):
    """site.is_cue: "find", "demonstrate" with a document or record as subject are cues
    (reported_after), and what they report is evidence."""
    p = build(text, table)
    found = [(s, a) for s, a in zip(statements(p), find_attributions(p), strict=True) if s["rule"] == "reported_after"]
    assert len(found) == 1, statements(p)
    s, a = found[0]
    assert (s["content"], s["source"], a.kind) == ([content], " ".join(text.split()[:2]), "evidence")


@pytest.mark.parametrize("text,table,content", FOUND_THAT, ids=FOUND_THAT_IDS)
def test_what_a_document_finds_is_one_statement(text, table, content):
    """One cue, one statement: "The audit found that S" is S, once."""
    s, a = only(build(text, table))
    assert (s["rule"], s["content"], a.kind) == ("reported_after", [content], "evidence")


def test_what_people_find_is_no_evidence():
    """The limit of site.is_cue for "find": with people as subject it is no cue; only the
    generic that-clause rule reports it, and as a belief, not evidence."""
    p = build(
        "The inspectors found that the fund was short.",
        """
        The         DET    2 det
        inspectors  NOUN   3 nsubj  inspector
        found       VERB   0 root   find
        that        SCONJ  8 mark
        the         DET    6 det
        fund        NOUN   8 nsubj
        was         AUX    8 cop
        short       ADJ    3 ccomp
        .           PUNCT  3 punct
        """,
    )
    assert [(a.rule, a.kind) for a in find_attributions(p)] == [("that_clause", "belief")]


def test_what_a_poll_shows_may_be_a_noun_phrase():
    """verb_cues._shown: what a poll shows is content even as a noun phrase (three words or more)."""
    p = build(
        "The latest poll shows a close race in the north.",
        """
        The     DET    3 det
        latest  ADJ    3 amod
        poll    NOUN   4 nsubj
        shows   VERB   0 root   show
        a       DET    7 det
        close   ADJ    7 amod
        race    NOUN   4 obj
        in      ADP   10 case
        the     DET   10 det
        north   NOUN   7 nmod
        .       PUNCT  4 punct
        """,
    )
    s, a = only(p)
    assert (s["rule"], s["content"], s["source"], a.kind) == (
        "reported_after", ["a close race in the north"], "The latest poll", "evidence")


@pytest.mark.parametrize("text,table", [
    ("She showed the visitors the garden.", """
        She       PRON   2 nsubj
        showed    VERB   0 root   show
        the       DET    4 det
        visitors  NOUN   2 iobj   visitor
        the       DET    6 det
        garden    NOUN   2 obj
        .         PUNCT  2 punct
    """),
    ("The inspectors found a hole in the fence.", """
        The         DET    2 det
        inspectors  NOUN   3 nsubj  inspector
        found       VERB   0 root   find
        a           DET    5 det
        hole        NOUN   3 obj
        in          ADP    8 case
        the         DET    8 det
        fence       NOUN   5 nmod
        .           PUNCT  3 punct
    """),
    ("The poll shows a lead.", """
        The    DET    2 det
        poll   NOUN   3 nsubj
        shows  VERB   0 root   show
        a      DET    5 det
        lead   NOUN   3 obj
        .      PUNCT  3 punct
    """),
], ids=["person-shows-a-thing", "people-find", "two-word-object"])
def test_evidence_verb_needs_a_document_subject_and_content(text, table):
    """"show", "find" are cues only with a document or measurement as subject (site.is_cue);
    a person who shows or finds something reports nothing, and a poll's two-word object
    ("a lead") is below the three-word floor of verb_cues._shown."""
    p = build(text, table)
    assert statements(p) == [] and rules_fired(p) == []



# --------------------------------------------------------------------------- 7. "…,” X said, adding that S


MAYOR_ADDING = """
    “         PUNCT   3 punct
    We        PRON    3 nsubj
    see       VERB    0 root
    no        DET     5 det
    link      NOUN    3 obj
    ,         PUNCT  10 punct
    ”         PUNCT  10 punct
    the       DET     9 det
    mayor     NOUN   10 nsubj
    said      VERB    3 parataxis
    ,         PUNCT  12 punct
    adding    VERB/VBG 10 advcl   add
    that      SCONJ  17 mark
    the       DET    15 det
    inquiry   NOUN   17 nsubj
    would     AUX    17 aux
    take      VERB   12 ccomp
    weeks     NOUN   17 obj      week
    .         PUNCT   3 punct
"""


def test_participle_after_a_cue_is_its_own_statement():
    """verb_cues._participle_of_cue: "…,” the mayor said, adding that S": the quotation is
    the statement of "said"; "adding" does not claim it again (a duplicate the dedupe then
    dropped, and S with it) but states S, with the same speaker."""
    p = build("“We see no link,” the mayor said, adding that the inquiry would take weeks.", MAYOR_ADDING)
    said, adding = by_cue(p, "said"), by_cue(p, "adding")
    assert [(s["rule"], s["content"]) for s, _ in said] == [("quote_cue_before", ["We see no link,"])]
    assert [(s["rule"], s["content"], s["source"]) for s, _ in adding] == [
        ("reported_after", ["the inquiry would take weeks"], "the mayor")]


def test_participle_of_a_verb_that_is_no_cue_keeps_the_quotation():
    """The limit: hanging on a verb that is no speech verb ("the mayor left, adding ..."),
    the participle is the cue of the quotation before its speaker."""
    p = build("“We see no link,” the mayor left, adding nothing.", """
        “         PUNCT   3 punct
        We        PRON    3 nsubj
        see       VERB    0 root
        no        DET     5 det
        link      NOUN    3 obj
        ,         PUNCT  10 punct
        ”         PUNCT  10 punct
        the       DET     9 det
        mayor     NOUN   10 nsubj
        left      VERB    3 parataxis  leave
        ,         PUNCT  12 punct
        adding    VERB/VBG 10 advcl    add
        nothing   PRON   12 obj
        .         PUNCT   3 punct
    """)
    assert [(s["rule"], s["cue"], s["content"]) for s in statements(p)] == [
        ("quote_cue_before", "adding", ["We see no link,"])]


# --------------------------------------------------------------------------- 8. a verb in -s tagged as a plural noun


def test_verb_in_s_tagged_a_noun_before_that_is_a_cue():
    """site._mistagged_verb: "The survey shows that S" with "shows" tagged a plural noun
    (and the parse built around it) is still the evidence verb and its clause."""
    p = build("The survey shows that most voters back the plan.", """
        The      DET    2 det
        survey   NOUN   3 compound
        shows    NOUN/NNS 7 nsubj  show
        that     SCONJ  7 mark
        most     ADJ    6 amod
        voters   NOUN   7 nsubj    voter
        back     VERB   0 root
        the      DET    9 det
        plan     NOUN   7 obj
        .        PUNCT  7 punct
    """)
    s, a = only(p)
    assert (s["rule"], s["content"], s["source"], a.kind) == (
        "reported_after", ["most voters back the plan"], "The survey", "evidence")


def test_verb_in_s_tagged_a_noun_closing_an_attribution_is_a_cue():
    """"S, Foster writes in his book." with "writes" tagged a plural noun: a name after a
    comma and only a short adjunct after the cue make a trailing attribution."""
    p = build("The railway hired few local men, Foster writes in his book.", """
        The      DET    2 det
        railway  NOUN   3 nsubj
        hired    VERB   0 root    hire
        few      ADJ    6 amod
        local    ADJ    6 amod
        men      NOUN   3 obj     man
        ,        PUNCT  9 punct
        Foster   PROPN  9 compound
        writes   NOUN/NNS 3 appos  write
        in       ADP   12 case
        his      PRON  12 nmod:poss
        book     NOUN   9 nmod
        .        PUNCT  3 punct
    """)
    s, a = only(p)
    assert (s["rule"], s["content"], s["source"], a.kind) == (
        "reported_before", ["The railway hired few local men"], "Foster", "speech")


def test_name_tagged_an_adjective_before_a_verb_tagged_a_noun_is_the_speaker():
    """"S, Foster writes." with "Foster" tagged an adjective (but a person to the entity
    tagger) and "writes" a plural noun hung on the object: the name is the speaker, not the
    subject the parse reaches by climbing from that noun ("The railway")."""
    p = build("The railway hired few local men, Foster writes.", """
        The      DET    2 det
        railway  NOUN   3 nsubj
        hired    VERB   0 root    hire
        few      ADJ    6 amod
        local    ADJ    6 amod
        men      NOUN   3 obj     man
        ,        PUNCT  9 punct
        Foster   ADJ    9 amod    S-PER
        writes   NOUN/NNS 6 conj  write
        .        PUNCT  3 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("reported_before", ["The railway hired few local men"], "Foster")


def test_adjective_no_name_before_a_plural_noun_is_no_speaker():
    """The limit of site._tagged_name: a capitalised adjective the entity tagger does not
    mark as a person or an organisation ("Canadian", a nationality) is no speaker."""
    p = build("The railway hired few local men, Canadian writes.", """
        The      DET    2 det
        railway  NOUN   3 nsubj
        hired    VERB   0 root    hire
        few      ADJ    6 amod
        local    ADJ    6 amod
        men      NOUN   3 obj     man
        ,        PUNCT  9 punct
        Canadian ADJ    9 amod    S-MISC
        writes   NOUN/NNS 6 conj  write
        .        PUNCT  3 punct
    """)
    assert statements(p) == []


def test_trailing_cue_before_a_semicolon_closes_its_attribution():
    """"S, Foster writes; S2.": a semicolon closes the cue's clause as a comma does, so the
    cue tagged a plural noun still closes a trailing attribution and S is its content."""
    p = build("They had two aims, Foster writes; few of them were met.", """
        They     PRON   2 nsubj   they
        had      VERB   0 root    have
        two      NUM    4 nummod
        aims     NOUN   2 obj     aim
        ,        PUNCT  7 punct
        Foster   PROPN  7 compound S-PER
        writes   NOUN/NNS 4 conj  write
        ;        PUNCT 13 punct
        few      ADJ   13 nsubj:pass
        of       ADP   11 case
        them     PRON   9 nmod    they
        were     AUX   13 aux:pass be
        met      VERB/VBN 2 parataxis meet
        .        PUNCT  2 punct
    """)
    assert [(s["rule"], s["content"], s["source"]) for s in statements(p)] == [
        ("reported_before", ["They had two aims"], "Foster")]


def test_semicolon_after_the_cue_makes_no_split_statement():
    """The limit: after "S, he said;" what follows the semicolon is no second half of a
    split statement ("Less clear, he said, is what ..." needs a comma)."""
    p = build("Less clear, he said; the vote is next week.", """
        Less     ADV    2 advmod
        clear    ADJ    5 dep
        ,        PUNCT  5 punct
        he       PRON   5 nsubj
        said     VERB   0 root    say
        ;        PUNCT 10 punct
        the      DET    8 det
        vote     NOUN  10 nsubj
        is       AUX   10 cop     be
        next     ADJ   11 amod
        week     NOUN   5 parataxis
        .        PUNCT  5 punct
    """)
    assert "reported_split" not in [s["rule"] for s in statements(p)]


def test_particle_cue_tagged_a_noun_is_a_cue():
    """"Foster points out that S" with "points" tagged a plural noun and "out" hung on it
    as a stray word (goeswith, not a particle): the particle right after it, then "that",
    make it the cue; and "Foster", tagged an adjective with no entity tag, is the speaker
    because the article names a person Foster (DocView.person_words)."""
    p = build("Lee Foster wrote a book. Foster points out that the pay was low.", """
        Lee      PROPN  2 compound B-PER
        Foster   PROPN  3 nsubj    E-PER
        wrote    VERB   0 root     write
        a        DET    5 det
        book     NOUN   3 obj
        .        PUNCT  3 punct
    """, """
        Foster   ADJ    2 amod
        points   NOUN/NNS 0 root  point
        out      ADP    2 goeswith
        that     SCONJ  8 mark
        the      DET    6 det
        pay      NOUN   8 nsubj
        was      AUX    8 cop     be
        low      ADJ    2 acl
        .        PUNCT  2 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("reported_after", ["the pay was low"], "Foster")


def test_particle_cue_tagged_a_noun_needs_that_after_its_particle():
    """The limit: "Foster points out the window" (the particle, then no clause) stays a noun."""
    p = build("Foster points out the window.", """
        Foster   PROPN  2 compound S-PER
        points   NOUN/NNS 0 root  point
        out      ADP    5 case
        the      DET    5 det
        window   NOUN   2 nmod
        .        PUNCT  2 punct
    """)
    assert statements(p) == []


def test_adverb_of_manner_between_a_cue_tagged_a_noun_and_that():
    """"The ministry suggests quietly that S": an adverb in -ly between the cue tagged a
    plural noun and "that" is the manner of saying; the clause after it is the content."""
    p = build("The ministry suggests quietly that the plan works.", """
        The      DET    2 det
        ministry NOUN   3 compound
        suggests NOUN/NNS 0 root  suggest
        quietly  ADV    8 advmod
        that     SCONJ  8 mark
        the      DET    7 det
        plan     NOUN   8 nsubj
        works    VERB   3 acl:relcl work
        .        PUNCT  3 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("reported_after", ["the plan works"], "The ministry")


def test_other_adverb_before_that_keeps_the_plural_noun():
    """The limit: an adverb of place ("the reports here that the mayor read") is no manner
    of saying: "reports" stays a noun with its relative clause."""
    p = build("The reports here that the mayor read were long.", """
        The      DET    2 det
        reports  NOUN/NNS 9 nsubj report
        here     ADV    2 advmod
        that     SCONJ  7 mark
        the      DET    6 det
        mayor    NOUN   7 nsubj
        read     VERB   2 acl:relcl
        were     AUX    9 cop     be
        long     ADJ    0 root
        .        PUNCT  9 punct
    """)
    assert statements(p) == []


def test_that_read_as_a_pronoun_after_a_name_and_a_cue_tagged_a_noun():
    """"The Ledger advises that Smith may win": after a name, a cue tagged a plural
    noun and a complementiser tagged a pronoun (a relative "that" on a noun) still open the
    reported clause."""
    p = build("The Ledger advises that Smith may win.", """
        The        DET    3 det     B-ORG
        Ledger PROPN  3 compound E-ORG
        advises    NOUN/NNS 0 root  advise
        that       PRON/WDT 7 nsubj
        Smith      PROPN  7 nsubj   S-PER
        may        AUX    7 aux
        win        VERB   3 acl:relcl
        .          PUNCT  3 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("reported_after", ["Smith may win"], "The Ledger")


def test_relative_that_after_a_plural_noun_stays_a_relative():
    """The limit: "the ministry reports that the council filed" -- a pronoun "that" after a
    common noun opens a relative clause on "reports", not a reported clause."""
    p = build("The ministry reports that the council filed were long.", """
        The      DET    3 det
        ministry NOUN   3 compound
        reports  NOUN/NNS 9 nsubj report
        that     PRON/WDT 7 obj
        the      DET    6 det
        council  NOUN   7 nsubj
        filed    VERB   3 acl:relcl file
        were     AUX    9 cop     be
        long     ADJ    0 root
        .        PUNCT  9 punct
    """)
    assert statements(p) == []


def test_base_form_tagged_a_noun_after_a_plural_subject_is_a_cue():
    """"Officials explain they will ...": after a plural subject the tagger read the base
    form "explain" as a singular noun; a nominative pronoun after it opens the reported
    clause (site._base_form_after_plural)."""
    p = build("Officials explain they will close the hall.", """
        Officials PROPN/NNPS 2 compound Official
        explain   NOUN   5 nsubj
        they      PRON   5 nsubj  they
        will      AUX    5 aux
        close     VERB   0 root
        the       DET    7 det
        hall      NOUN   5 obj
        .         PUNCT  5 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("reported_after", ["they will close the hall"], "Officials")


def test_base_form_tagged_a_noun_closing_an_attribution_is_a_cue():
    """"S, researchers report.": a base form tagged a noun after a plural noun, after a comma
    and at the end of the sentence, closes a trailing attribution."""
    p = build("Heart patients earned less later, researchers report.", """
        Heart       NOUN   2 compound
        patients    NOUN   3 nsubj  patient
        earned      VERB   0 root   earn
        less        ADV    3 advmod
        later       ADV    3 advmod
        ,           PUNCT  8 punct
        researchers NOUN   8 compound researcher
        report      NOUN   3 obl
        .           PUNCT  3 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == (
        "reported_before", ["Heart patients earned less later"], "researchers")


def test_base_form_tagged_a_noun_before_a_quotation_after_a_comma():
    """"The fans shout, “…”": a comma and a quotation after the cue tagged a noun."""
    p = build("The fans shout, “Go home!”", """
        The   DET    2 det
        fans  NOUN   3 compound fan
        shout NOUN   0 root
        ,     PUNCT  6 punct
        “     PUNCT  6 punct
        Go    VERB   3 parataxis go
        home  ADV    6 advmod
        !     PUNCT  6 punct
        ”     PUNCT  6 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("quote_cue_after", ["Go home!"], "The fans")


@pytest.mark.parametrize("text,table", [
    pytest.param("The mayor read the officials report they wrote.", """
        The       DET    2 det
        mayor     NOUN   3 nsubj
        read      VERB   0 root
        the       DET    6 det
        officials NOUN   6 compound official
        report    NOUN   3 obj
        they      PRON   8 nsubj  they
        wrote     VERB   6 acl:relcl write
        .         PUNCT  3 punct
    """, id="verb-before-the-subject"),
    pytest.param("The company report they filed was long.", """
        The     DET    3 det
        company NOUN   3 compound
        report  NOUN   7 nsubj
        they    PRON   5 nsubj  they
        filed   VERB   3 acl:relcl file
        was     AUX    7 cop    be
        long    ADJ    0 root
        .       PUNCT  7 punct
    """, id="singular-noun-before"),
])
def test_base_form_noun_stays_a_noun(text, table):
    """The limits of site._base_form_after_plural: a pronoun after "officials report" when a
    verb comes before them ("read the officials report they wrote": a noun and its relative
    clause), or a singular noun before ("the company report")."""
    assert statements(build(text, table)) == []


def test_inverted_cue_tagged_a_noun_after_a_quotation():
    """"“…,” notes Varga, who ...": a cue tagged a plural noun after a closing quotation,
    then a name up to a comma, is an inverted attribution; the name alone is the speaker
    (site._inverted_name_after)."""
    p = build("“We print comics,” notes Varga, who runs the shop.", """
        “        PUNCT  3 punct
        We       PRON   3 nsubj  we
        print    VERB   0 root
        comics   NOUN   3 obj    comic
        ,        PUNCT  3 punct
        ”        PUNCT  8 punct
        notes    NOUN/NNS 8 compound note
        Varga    NOUN/NNS 4 conj varga  S-PER
        ,        PUNCT 11 punct
        who      PRON  11 nsubj
        runs     VERB   3 conj   run
        the      DET   13 det
        shop     NOUN  11 obj
        .        PUNCT  3 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("quote_cue_before", ["We print comics,"], "Varga")


def test_inverted_cue_tagged_a_noun_after_a_clause():
    """"S, insists 16-year-old Jane Roe, in ...": after the comma closing a clause."""
    p = build("There is a real joy, insists 16-year-old Jane Roe, in finishing.", """
        There    PRON   2 expl
        is       VERB   0 root   be
        a        DET    5 det
        real     ADJ    5 amod
        joy      NOUN   2 nsubj
        ,        PUNCT  7 punct
        insists  NOUN/NNS 13 compound insist
        16       NUM   10 nummod
        -        PUNCT  8 punct
        year     NOUN  12 obl:npmod
        -        PUNCT 10 punct
        old      ADJ   13 amod
        Jane     PROPN 14 compound B-PER
        Roe      PROPN  5 appos  E-PER
        ,        PUNCT 17 punct
        in       SCONJ 17 mark
        finishing VERB  2 advcl finish
        .        PUNCT  2 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == (
        "reported_before", ["There is a real joy"], "16-year-old Jane Roe")


def test_inverted_particle_cue_tagged_a_noun_with_a_role_after_a_quotation():
    """"“…,” points out the shop owner, who ...": right after a quotation the inverted
    speaker may be a role opened by a determiner, past the cue's particle."""
    p = build("“We print comics,” points out the shop owner, who runs it.", """
        “        PUNCT  3 punct
        We       PRON   3 nsubj  we
        print    VERB   0 root
        comics   NOUN   3 obj    comic
        ,        PUNCT  3 punct
        ”        PUNCT  7 punct
        points   NOUN/NNS 4 appos point
        out      ADP   11 case
        the      DET   11 det
        shop     NOUN  11 compound
        owner    NOUN   7 nmod
        ,        PUNCT 14 punct
        who      PRON  14 nsubj
        runs     VERB   3 conj   run
        it       PRON  14 obj
        .        PUNCT  3 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("quote_cue_before", ["We print comics,"], "the shop owner")


@pytest.mark.parametrize("text,table", [
    pytest.param("She sold pens, notes Roe left, and ink.", """
        She   PRON   2 nsubj she
        sold  VERB   0 root  sell
        pens  NOUN   2 obj   pen
        ,     PUNCT  5 punct
        notes NOUN/NNS 3 conj note
        Roe   PROPN  7 nsubj S-PER
        left  VERB   5 acl:relcl leave
        ,     PUNCT 10 punct
        and   CCONJ 10 cc
        ink   NOUN   3 conj
        .     PUNCT  2 punct
    """, id="verb-after-the-name"),
    pytest.param("Police found letters, notes four pages long.", """
        Police  NOUN   2 nsubj
        found   VERB   0 root  find
        letters NOUN   2 obj   letter
        ,       PUNCT  5 punct
        notes   NOUN/NNS 3 appos note
        four    NUM    7 nummod
        pages   NOUN   8 obl:npmod page
        long    ADJ    5 amod
        .       PUNCT  2 punct
    """, id="no-name"),
    pytest.param("Police found letters, notes the old kind.", """
        Police  NOUN   2 nsubj
        found   VERB   0 root  find
        letters NOUN   2 obj   letter
        ,       PUNCT  5 punct
        notes   NOUN/NNS 3 appos note
        the     DET    8 det
        old     ADJ    8 amod
        kind    NOUN   5 nmod
        .       PUNCT  2 punct
    """, id="no-name-after-a-clause"),
])
def test_plural_noun_in_a_list_is_no_inverted_cue(text, table):
    """The limits of site._inverted_name_after: a name followed by a verb (the noun's relative
    clause), or no name at all ("notes four pages long"; "the old kind": a determiner opens a
    speaker without a name only right after a quotation), after "notes" in a list."""
    assert statements(build(text, table)) == []


@pytest.mark.parametrize("text,table", [
    pytest.param("The savings plans that your bank offers are cheap.", """
        The      DET    3 det
        savings  NOUN   3 compound  saving
        plans    NOUN/NNS 9 nsubj   plan
        that     SCONJ  7 mark
        your     PRON   6 nmod:poss
        bank     NOUN   7 nsubj
        offers   VERB   3 acl:relcl offer
        are      AUX    9 cop       be
        cheap    ADJ    0 root
        .        PUNCT  9 punct
    """, id="no-speech-verb"),
    pytest.param("The new reports that were filed are long.", """
        The      DET    3 det
        new      ADJ    3 amod
        reports  NOUN/NNS 8 nsubj   report
        that     SCONJ  6 mark
        were     AUX    6 aux:pass  be
        filed    VERB   3 acl:relcl file
        are      AUX    8 cop       be
        long     ADJ    0 root
        .        PUNCT  8 punct
    """, id="adjective-and-relative-clause"),
])
def test_plural_noun_before_that_stays_a_noun(text, table):
    """The limits of site._mistagged_verb: no speech verb ("plans"), or an adjective before
    it and a verb right after "that" (a relative clause: "reports that were filed")."""
    assert statements(build(text, table)) == []


# --------------------------------------------------------------------------- 9. a name tagged as a verb


def test_name_tagged_as_a_verb_before_the_cue_is_the_speaker():
    """site.name_as_verb: "But Marsh claims that S" with "Marsh" tagged a verb: two verbs
    in a row cannot both predicate, and a capitalised one right before the cue is a name."""
    p = build("But Marsh claims that the fund is empty.", """
        But     CCONJ   3 cc
        Marsh   VERB/VBP 3 conj  marsh
        claims  VERB/VBZ 0 root  claim
        that    SCONJ   8 mark
        the     DET     6 det
        fund    NOUN    8 nsubj
        is      AUX     8 cop    be
        empty   ADJ     3 ccomp
        .       PUNCT   3 punct
    """)
    s, a = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("reported_after", ["the fund is empty"], "Marsh")


def test_name_tagged_as_a_verb_opening_the_sentence_needs_the_name_elsewhere():
    """Opening the sentence, the capitalised "verb" is a name only when the article names
    that person (here "Dana Marsh" in the sentence before)."""
    p = build("Dana Marsh runs the fund. Marsh says the fund is empty.", """
        Dana   PROPN   2 compound  B-PER
        Marsh  PROPN   3 nsubj     E-PER
        runs   VERB    0 root      run
        the    DET     5 det
        fund   NOUN    3 obj
        .      PUNCT   3 punct
    """, """
        Marsh  VERB/VBP 2 nsubj  marsh
        says   VERB/VBZ 0 root   say
        the    DET     4 det
        fund   NOUN    6 nsubj
        is     AUX     6 cop    be
        empty  ADJ     2 ccomp
        .      PUNCT   2 punct
    """)
    s, a = only(p)
    assert (s["rule"], s["content"], s["source"], s["name"]) == (
        "reported_after", ["the fund is empty"], "Marsh", "Dana Marsh")


def test_verb_opening_the_sentence_is_no_name_of_its_own():
    """The limit: a capitalised verb opening the sentence, named nowhere in the article,
    stays a verb; the statement has no speaker rather than the speaker "Forward"."""
    p = build("Forward said the union would strike.", """
        Forward  VERB/VBP 2 advcl  forward
        said     VERB     0 root
        the      DET      4 det
        union    NOUN     6 nsubj
        would    AUX      6 aux
        strike   VERB     2 ccomp
        .        PUNCT    2 punct
    """)
    assert [s["source"] for s in statements(p)] in ([], [None])


# --------------------------------------------------------------------------- 10. "…,” said one senior aide


def test_inverted_speaker_opening_with_a_number():
    """site._speaker: "…,” said one senior aide" with the mention parsed as the object of
    "said": a number opens the speaker mention after an inverted cue too."""
    p = build("“We will win,” said one senior aide.", """
        “       PUNCT   4 punct
        We      PRON    4 nsubj
        will    AUX     4 aux
        win     VERB    0 root
        ,       PUNCT   7 punct
        ”       PUNCT   7 punct
        said    VERB    4 parataxis
        one     NUM    10 nummod
        senior  ADJ    10 amod
        aide    NOUN    7 obj
        .       PUNCT   4 punct
    """)
    s, a = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("quote_cue_before", ["We will win,"], "one senior aide")


# --------------------------------------------------------------------------- 11. a short adjunct before the quotation


def test_quotation_after_a_short_adjunct_of_the_cue():
    """site._past_short_adjunct: "said of the plan, “…”": the quotation after a short
    prepositional phrase and a comma is what was said, the phrase is the cue's adjunct."""
    p = build("The mayor said of the plan, “It is a mistake.”", """
        The      DET     2 det
        mayor    NOUN    3 nsubj
        said     VERB    0 root
        of       ADP     6 case
        the      DET     6 det
        plan     NOUN    3 obl
        ,        PUNCT   3 punct
        “        PUNCT  12 punct
        It       PRON   12 nsubj
        is       AUX    12 cop    be
        a        DET    12 det
        mistake  NOUN    3 parataxis
        .        PUNCT  12 punct
        ”        PUNCT  12 punct
    """)
    s, a = only(p)
    assert (s["rule"], s["content"], s["source"], s["type"]) == (
        "quote_cue_after", ["It is a mistake."], "The mayor", "direct")


# --------------------------------------------------------------------------- 12. "that" after a longer adjunct


def test_that_after_a_place_of_ten_tokens():
    """complement._past_that: "says at a town hall in Dayton, Ohio, that S": the
    complementiser may come after a place of up to a dozen tokens."""
    p = build("Low says at a town hall in Dayton, Ohio, that the plant will reopen.", """
        Low     PROPN   2 nsubj
        says    VERB/VBZ 0 root  say
        at      ADP     6 case
        a       DET     6 det
        town    NOUN    6 compound
        hall    NOUN    2 obl
        in      ADP     8 case
        Dayton  PROPN   6 nmod
        ,       PUNCT  10 punct
        Ohio    PROPN   8 appos
        ,       PUNCT   2 punct
        that    SCONJ  16 mark
        the     DET    14 det
        plant   NOUN   16 nsubj
        will    AUX    16 aux
        reopen  VERB    2 ccomp
        .       PUNCT   2 punct
    """)
    s, a = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("reported_after", ["the plant will reopen"], "Low")


# --------------------------------------------------------------------------- 14. a clause split into object + conjunct


def test_clause_split_into_object_and_conjunct_is_one_content():
    """complement.object_predicate: the parser reads "the council or the board would decide"
    as the object of "said" ("the council") and a conjunct of "said" ("would decide", with
    "the board" its subject); the conjunct is the predicate of the reported clause, not a new
    predicate of the speaker's, so the content runs over it."""
    p = build(
        "The mayor said the council or the board would decide the matter.",
        """
        The      DET    2 det
        mayor    NOUN   3 nsubj
        said     VERB   0 root
        the      DET    5 det
        council  NOUN   3 obj
        or       CCONJ 10 cc
        the      DET    8 det
        board    NOUN  10 nsubj
        would    AUX/MD 10 aux
        decide   VERB  3 conj
        the      DET   12 det
        matter   NOUN  10 obj
        .        PUNCT  3 punct
        """,
    )
    s, a = only(p)
    assert (s["rule"], s["content"]) == ("reported_after", ["the council or the board would decide the matter"])
    assert (s["source"], a.kind) == ("The mayor", "speech")


def test_belief_clause_split_into_object_and_conjunct_is_a_belief():
    """site.is_cue: a belief verb needs a clause; "believe the plan and its costs are
    reasonable" parsed as an object and a conjunct predicate (complement.object_predicate) is one."""
    p = build(
        "Many residents believe the plan and its costs are reasonable.",
        """
        Many        ADJ    2 amod
        residents   NOUN   3 nsubj
        believe     VERB/VBP 0 root
        the         DET    5 det
        plan        NOUN   3 obj
        and         CCONJ  8 cc
        its         PRON   8 nmod:poss
        costs       NOUN  10 nsubj
        are         AUX/VBP 10 cop
        reasonable  ADJ    3 conj
        .           PUNCT  3 punct
        """,
    )
    s, a = only(p)
    assert (s["rule"], s["content"]) == ("belief", ["the plan and its costs are reasonable"])
    assert (s["source"], a.kind) == ("Many residents", "belief")


def test_clause_after_a_comma_and_conjunction_is_a_new_predicate():
    """The limit of complement.object_predicate: ", and the crowd went home" -- a comma
    before the conjunction closes the reported words (the object opens no list), so the
    conjunct is a new clause and "a prayer" alone says nothing."""
    p = build(
        "The mayor said a prayer, and the crowd went home.",
        """
        The      DET    2 det
        mayor    NOUN   3 nsubj
        said     VERB   0 root
        a        DET    5 det
        prayer   NOUN   3 obj
        ,        PUNCT 10 punct
        and      CCONJ 10 cc
        the      DET    9 det
        crowd    NOUN  10 nsubj
        went     VERB   3 conj   go
        home     ADV   10 advmod
        .        PUNCT  3 punct
        """,
    )
    assert statements(p) == []


# --------------------------------------------------------------------------- 15. a plural present tagged as a base form


def test_base_form_after_its_subject_is_no_imperative():
    """site._noun_before: after a long subject the tagger reads "say" as a base form (VB)
    and the parser gives it no subject; a noun before it in its clause shows it is no
    imperative, so it stays a cue and the noun phrase before it is the speaker."""
    p = build(
        "All the players involved say the new coach is strict.",
        """
        All       DET    3 det
        the       DET    3 det
        players   NOUN   4 nsubj
        involved  VERB/VBN 5 ccomp  involve
        say       VERB/VB 0 root
        the       DET    8 det
        new       ADJ    8 amod
        coach     NOUN  10 nsubj
        is        AUX   10 cop
        strict    ADJ    5 ccomp
        .         PUNCT  5 punct
        """,
    )
    s, a = only(p)
    assert (s["rule"], s["content"]) == ("reported_after", ["the new coach is strict"])
    assert (s["source"], a.kind) == ("All the players involved", "speech")


def test_imperative_opening_its_clause_is_no_cue():
    """The limit of site._noun_before: "Then say the plan failed." -- nothing but an adverb
    before the verb: an imperative, which has no speaker and reports nothing."""
    p = build(
        "Then say the plan failed.",
        """
        Then    ADV    2 advmod
        say     VERB/VB 0 root
        the     DET    4 det
        plan    NOUN   5 nsubj
        failed  VERB   2 ccomp  fail
        .       PUNCT  2 punct
        """,
    )
    assert statements(p) == []


# --------------------------------------------------------------------------- 16. the speaker of a trailing attribution


def test_subject_before_the_cue_that_cannot_speak_falls_back_to_the_name():
    """site._speaker: the parser made the age "82" the subject of "told"; a number cannot
    speak, and before the cue (as after it) the noun phrase right before the cue is tried:
    the name before the age."""
    p = build(
        "“We will stay open,” Mr. Roe, 82, told me.",
        """
        “      PUNCT   5 punct
        We     PRON    5 nsubj
        will   AUX     5 aux
        stay   VERB    0 root
        open   ADJ     4 xcomp
        ,      PUNCT   4 punct
        ”      PUNCT   4 punct
        Mr.    PROPN   4 dep      B-PER
        Roe    PROPN   8 flat     E-PER
        ,      PUNCT  11 punct
        82     NUM    13 nsubj
        ,      PUNCT  11 punct
        told   VERB    4 parataxis
        me     PRON   13 obj
        .      PUNCT   4 punct
        """,
    )
    s, a = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("quote_cue_before", ["We will stay open,"], "Mr. Roe, 82")
    assert (s["name"], a.kind) == ("Roe", "speech")


def _long_title(text: str, first: tuple[str, str, str], second: tuple[str, str, str]) -> ParsedArticle:
    """ "“We rebuild,” A B, the town's new director of roads and public works for the county,
    said." with the two words A B given as (word, upos, ner); the apposition hangs on A."""
    (w1, u1, n1), (w2, u2, n2) = first, second
    return build(text, [
        ("“", "PUNCT", None, 3, "punct"), ("We", "PRON", None, 3, "nsubj"), ("rebuild", "VERB", None, 0, "root"),
        (",", "PUNCT", None, 3, "punct"), ("”", "PUNCT", None, 3, "punct"),
        (w1, u1, None, 3, "dep", None, n1), (w2, u2, None, 6, "flat", None, n2), (",", "PUNCT", None, 13, "punct"),
        ("the", "DET", None, 10, "det"), ("town", "NOUN", None, 13, "nmod:poss"), ("'s", "PART", None, 10, "case"),
        ("new", "ADJ", None, 13, "amod"), ("director", "NOUN", None, 6, "appos"), ("of", "ADP", None, 15, "case"),
        ("roads", "NOUN", None, 13, "nmod"), ("and", "CCONJ", None, 18, "cc"), ("public", "ADJ", None, 18, "amod"),
        ("works", "NOUN", None, 15, "conj"), ("for", "ADP", None, 21, "case"), ("the", "DET", None, 21, "det"),
        ("county", "NOUN", None, 13, "nmod"), (",", "PUNCT", None, 13, "punct"),
        ("said", "VERB", None, 3, "parataxis", "say"), (".", "PUNCT", None, 3, "punct"),
    ])


def test_long_apposition_after_a_name_is_stepped_over():
    """site._skip_apposition_back: a title of thirteen words after a person's name ("the
    town's new director of roads and public works for the county") is an apposition; the
    name before it is the speaker of the cue that follows it."""
    p = _long_title("“We rebuild,” Jane Roe, the town's new director of roads and public works for the county, said.",
                    ("Jane", "PROPN", "B-PER"), ("Roe", "PROPN", "E-PER"))
    s, _ = only(p)
    assert (s["rule"], s["content"]) == ("quote_cue_before", ["We rebuild,"])
    assert s["source"].startswith("Jane Roe")


def test_long_apposition_after_no_name_is_not_stepped_over():
    """The limit: past ten words the stretch between two commas is an apposition only after
    a person's name; after "our crew" it is not stepped over, no speaker is found, and a
    quotation before a cue with no speaker is no statement of this rule."""
    p = _long_title("“We rebuild,” our crew, the town's new director of roads and public works for the county, said.",
                    ("our", "PRON", "O"), ("crew", "NOUN", "O"))
    assert statements(p) == []


def test_trailing_inverted_cue_without_quotation_marks():
    """site._trailing_inverted: "S, noted the county clerk." -- the parser found no subject
    and made the speaker the object; a cue after the comma that closes a clause, followed
    by a short noun phrase to the end of the sentence, is an inverted attribution."""
    p = build(
        "Turnout will be low this year, noted the county clerk.",
        """
        Turnout  NOUN    4 nsubj
        will     AUX     4 aux
        be       AUX     4 cop
        low      ADJ     0 root
        this     DET     6 det
        year     NOUN    4 obl:tmod
        ,        PUNCT   8 punct
        noted    VERB    4 parataxis  note
        the      DET    11 det
        county   NOUN   11 compound
        clerk    NOUN    8 obj
        .        PUNCT   4 punct
        """,
    )
    s, a = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("reported_before", ["Turnout will be low this year"],
                                                        "the county clerk")
    assert a.kind == "speech"


def test_trailing_cue_followed_by_more_than_a_name_is_not_inverted():
    """The limit of site._trailing_inverted: a comma after the noun phrase ("..., noted the
    clerk, who counts the ballots.") means more than a name follows: no inverted speaker."""
    p = build(
        "Turnout will be low this year, noted the clerk, who counts the ballots.",
        """
        Turnout  NOUN    4 nsubj
        will     AUX     4 aux
        be       AUX     4 cop
        low      ADJ     0 root
        this     DET     6 det
        year     NOUN    4 obl:tmod
        ,        PUNCT   8 punct
        noted    VERB    4 parataxis  note
        the      DET    10 det
        clerk    NOUN    8 obj
        ,        PUNCT  13 punct
        who      PRON   13 nsubj
        counts   VERB/VBZ 10 acl:relcl  count
        the      DET    15 det
        ballots  NOUN   13 obj
        .        PUNCT   4 punct
        """,
    )
    assert all(s["source"] is None for s in statements(p)), statements(p)


# --------------------------------------------------------------------------- 17. "that" read as a pronoun


@pytest.mark.parametrize("text,table,content", [
    pytest.param("The agency tweeted out that at noon, there was only one road open.", """
        The      DET     2 det
        agency   NOUN    3 nsubj
        tweeted  VERB    0 root    tweet
        out      ADP     3 compound:prt
        that     PRON    3 obj
        at       ADP     7 case
        noon     NOUN    3 obl
        ,        PUNCT  14 punct
        there    PRON   14 expl
        was      AUX/VBD 14 cop
        only     ADV    12 advmod
        one      NUM    13 nummod
        road     NOUN   14 obl:unmarked
        open     ADJ     3 conj
        .        PUNCT   3 punct
    """, "at noon, there was only one road open", id="object"),
    pytest.param("The mayor announced in a statement this week that she had signed the order.", """
        The        DET     2 det
        mayor      NOUN    3 nsubj
        announced  VERB    0 root    announce
        in         ADP     6 case
        a          DET     6 det
        statement  NOUN    3 obl
        this       DET     8 det
        week       NOUN    3 obl:tmod
        that       PRON   12 obj
        she        PRON   12 nsubj
        had        AUX    12 aux
        signed     VERB    8 acl:relcl  sign
        the        DET    14 det
        order      NOUN   12 obj
        .          PUNCT   3 punct
    """, "she had signed the order", id="relative-after-an-adjunct"),
])
def test_that_read_as_a_pronoun_opens_the_content(text, table, content):
    """complement.misread_that: right after the cue (past its particle) or after an adjunct
    opened by a preposition, a "that" the parser took for a pronoun (the cue's object, or the
    relative pronoun of "week") but followed by a preposition or the subject of a clause is
    the complementiser: the clause after it is the content."""
    s, a = only(build(text, table))
    assert (s["rule"], s["content"]) == ("reported_after", [content])
    assert a.kind == "speech"


def test_relative_that_after_a_noun_phrase_is_no_complementiser():
    """The limit of complement.misread_that: after a noun phrase ("the same thing"), not an
    adjunct, "that she said" is a relative clause of that noun (the content, if any, is the
    noun phrase with it), never a clause of its own."""
    p = build(
        "The mayor said the same thing that she said last week.",
        """
        The    DET     2 det
        mayor  NOUN    3 nsubj
        said   VERB    0 root
        the    DET     6 det
        same   ADJ     6 amod
        thing  NOUN    3 obj
        that   PRON    9 obj
        she    PRON    9 nsubj
        said   VERB    6 acl:relcl
        last   ADJ    11 amod
        week   NOUN    9 obl:tmod
        .      PUNCT   3 punct
        """,
    )
    assert all("she said last week" != s["content"][0] for s in statements(p)), statements(p)


def test_after_that_the_content_is_not_moved_to_a_misattached_clause():
    """complement._start: after "that" (here one read as a pronoun) the clause starts with
    whatever comes first; a relative clause the parser hung on the cue as its complement
    ("which include Elm") is not where the content starts."""
    p = build(
        "The study found that in the two counties, which include Elm, voters were removed.",
        """
        The       DET     2 det
        study     NOUN    3 nsubj
        found     VERB    0 root    find
        that      PRON    3 obj
        in        ADP     8 case
        the       DET     8 det
        two       NUM     8 nummod
        counties  NOUN    3 obl
        ,         PUNCT  11 punct
        which     PRON   11 nsubj
        include   VERB/VBP 3 ccomp
        Elm       PROPN  11 obj
        ,         PUNCT  16 punct
        voters    NOUN   16 nsubj:pass
        were      AUX    16 aux:pass
        removed   VERB    3 conj    remove
        .         PUNCT   3 punct
        """,
    )
    s, a = only(p)
    assert s["rule"] == "reported_after" and s["content"][0].startswith("in the two counties"), s
    assert a.kind == "evidence"


# --------------------------------------------------------------------------- 18. a second attribution hung on the cue


def test_cue_with_its_own_subject_hung_on_the_cue_ends_the_content():
    """complement._end_at_own_attribution: the parser hung ", she believed the plan would
    pass" on "said" as a parataxis; a cue verb with its own subject is a second attribution,
    so the content of "said" ends before it and "believed" has a statement of its own."""
    p = build(
        "Though the mayor said the budget was tight, she believed the plan would pass.",
        """
        Though    SCONJ   4 mark
        the       DET     3 det
        mayor     NOUN    4 nsubj
        said      VERB    0 root
        the       DET     6 det
        budget    NOUN    8 nsubj
        was       AUX     8 cop
        tight     ADJ     4 ccomp
        ,         PUNCT   4 punct
        she       PRON   11 nsubj
        believed  VERB    4 parataxis  believe
        the       DET    13 det
        plan      NOUN   15 nsubj
        would     AUX/MD 15 aux
        pass      VERB   11 ccomp
        .         PUNCT   4 punct
        """,
    )
    (said, _), = by_cue(p, "said")
    (believed, b), = by_cue(p, "believed")
    assert (said["rule"], said["content"]) == ("reported_after", ["the budget was tight"])
    assert (believed["rule"], believed["content"], believed["source"], b.kind) == (
        "belief", ["the plan would pass"], "she", "belief")


def test_cue_without_a_subject_hung_on_the_cue_stays_in_the_content():
    """The limit of complement._end_at_own_attribution: "believe it or not" has no subject of
    its own, so it is no second attribution and the content runs on over it."""
    p = build(
        "The mayor said the budget was tight, believe it or not.",
        """
        The      DET     2 det
        mayor    NOUN    3 nsubj
        said     VERB    0 root
        the      DET     5 det
        budget   NOUN    7 nsubj
        was      AUX     7 cop
        tight    ADJ     3 ccomp
        ,        PUNCT   9 punct
        believe  VERB/VBP 3 parataxis
        it       PRON    9 obj
        or       CCONJ  12 cc
        not      PART    9 advmod
        .        PUNCT   3 punct
        """,
    )
    (said, _), = by_cue(p, "said")
    assert said["content"] == ["the budget was tight, believe it or not"]


# --------------------------------------------------------------------------- 19. a speech act hung on the reported verb


@pytest.mark.parametrize("text,table,first,second", [
    pytest.param("The mayor said that the budget was tight, and the unions warned that cuts would follow.", """
        The      DET     2 det
        mayor    NOUN    3 nsubj
        said     VERB    0 root
        that     SCONJ   8 mark
        the      DET     6 det
        budget   NOUN    8 nsubj
        was      AUX     8 cop
        tight    ADJ     3 ccomp
        ,        PUNCT  13 punct
        and      CCONJ  13 cc
        the      DET    12 det
        unions   NOUN   13 nsubj
        warned   VERB    8 conj    warn
        that     SCONJ  17 mark
        cuts     NOUN   17 nsubj
        would    AUX/MD 17 aux
        follow   VERB   13 ccomp
        .        PUNCT   3 punct
    """, "the budget was tight", ("warned", "cuts would follow", "the unions"), id="another-speaker"),
    pytest.param("The mayor said that the city would sell the land and suggested that the park would stay.", """
        The        DET     2 det
        mayor      NOUN    3 nsubj
        said       VERB    0 root
        that       SCONJ   8 mark
        the        DET     6 det
        city       NOUN    8 nsubj
        would      AUX/MD  8 aux
        sell       VERB    3 ccomp
        the        DET    10 det
        land       NOUN    8 obj
        and        CCONJ  12 cc
        suggested  VERB    8 conj    suggest
        that       SCONJ  17 mark
        the        DET    15 det
        park       NOUN   17 nsubj
        would      AUX/MD 17 aux
        stay       VERB   12 ccomp
        .          PUNCT   3 punct
    """, "the city would sell the land", ("suggested", "the park would stay", "The mayor"), id="same-speaker"),
])
def test_speech_act_hung_on_the_reported_verb_ends_the_content(text, table, first, second):
    """complement._end_at_inner_speech_act: the parser hung a coordinated speech verb with a
    clause of its own on the reported verb ("sell", "tight") instead of the cue; it is another
    speech act, so the first content ends before its conjunction and it has its own statement."""
    p = build(text, table)
    (said, _), = by_cue(p, "said")
    assert (said["rule"], said["content"]) == ("reported_after", [first])
    cue, content, source = second
    (other, a), = by_cue(p, cue)
    assert (other["content"], other["source"], a.kind) == ([content], source, "speech")


def test_speech_act_after_but_ends_the_content_with_an_infinitive():
    """complement._end_at_inner_speech_act: after "but" a speech verb with an infinitive
    ("but pledged to keep playing") is the speaker's next act too, even on a belief verb
    ("wanted") the parser took for its head."""
    p = build(
        "The players said they wanted a raise but pledged to keep playing.",
        """
        The      DET     2 det
        players  NOUN    3 nsubj
        said     VERB    0 root
        they     PRON    5 nsubj
        wanted   VERB    3 ccomp   want
        a        DET     7 det
        raise    NOUN    5 obj
        but      CCONJ   9 cc
        pledged  VERB    5 conj    pledge
        to       PART   11 mark
        keep     VERB    9 xcomp
        playing  VERB   11 xcomp   play
        .        PUNCT   3 punct
        """,
    )
    (said, _), = by_cue(p, "said")
    assert (said["rule"], said["content"]) == ("reported_after", ["they wanted a raise"])


def test_speech_verb_with_a_noun_phrase_on_the_reported_verb_stays_in_the_content():
    """The limit of complement._end_at_inner_speech_act: "proposed an amendment" has a noun
    phrase, not a clause -- something the mayor did, part of what he says, not a new
    speech act."""
    p = build(
        "The mayor says he voted no and proposed an amendment.",
        """
        The       DET     2 det
        mayor     NOUN    3 nsubj
        says      VERB    0 root
        he        PRON    5 nsubj
        voted     VERB    3 ccomp   vote
        no        INTJ    5 obj
        and       CCONJ   8 cc
        proposed  VERB    5 conj    propose
        an        DET    10 det
        amendment NOUN    8 obj
        .         PUNCT   3 punct
        """,
    )
    (says, _), = by_cue(p, "says")
    assert says["content"] == ["he voted no and proposed an amendment"]


def test_speech_act_coordinated_with_a_reported_cue_keeps_that_cue_s_subject():
    """The limit of base._speech_act_on_reported_verb: when the reported verb is a cue itself
    ("the firm reported losses and warned that ..."), the coordinated speech verb is the
    firm's act, so its speaker is the firm, not the mayor."""
    p = build(
        "The mayor said the firm reported losses and warned that jobs would go.",
        """
        The       DET     2 det
        mayor     NOUN    3 nsubj
        said      VERB    0 root
        the       DET     5 det
        firm      NOUN    6 nsubj
        reported  VERB    3 ccomp   report
        losses    NOUN    6 obj
        and       CCONJ   9 cc
        warned    VERB    6 conj    warn
        that      SCONJ  13 mark
        jobs      NOUN   13 nsubj
        would     AUX/MD 13 aux
        go        VERB    9 ccomp
        .         PUNCT   3 punct
        """,
    )
    (warned, _), = by_cue(p, "warned")
    assert warned["source"] == "the firm"


# --------------------------------------------------------------------------- 20. a recipient verb with no recipient


def test_recipient_verb_with_that_right_after_it_starts_at_that_clause():
    """complement._past_recipient: "warns that the team will “fold.”" has no recipient; the
    clause starts after "that", not at the quotation inside it (one word, no statement)."""
    p = build(
        "The coach warns that the team will “fold.”",
        """
        The    DET     2 det
        coach  NOUN    3 nsubj
        warns  VERB    0 root   warn
        that   SCONJ   9 mark
        the    DET     6 det
        team   NOUN    9 nsubj
        will   AUX/MD  9 aux
        “      PUNCT   9 punct
        fold   VERB    3 ccomp
        .      PUNCT   3 punct
        ”      PUNCT   3 punct
        """,
    )
    s, a = only(p)
    assert (s["rule"], s["content"], a.kind) == ("reported_after", ["the team will “fold.”"], "speech")


def test_recipient_of_a_recipient_verb_is_still_skipped():
    """The limit: only "that" right after the cue means no recipient; "warned the players the
    team would “fold.”" still has one, and the content starts after it."""
    p = build(
        "The coach warned the players the team would “fold.”",
        """
        The      DET     2 det
        coach    NOUN    3 nsubj
        warned   VERB    0 root   warn
        the      DET     5 det
        players  NOUN    3 obj
        the      DET     7 det
        team     NOUN   10 nsubj
        would    AUX/MD 10 aux
        “        PUNCT  10 punct
        fold     VERB    3 ccomp
        .        PUNCT   3 punct
        ”        PUNCT   3 punct
        """,
    )
    s, _ = only(p)
    assert s["content"] == ["the team would “fold.”"]


# ---------------------------------------------------------------- 21. a fronted adjunct of the reported clause


@pytest.mark.parametrize("text,table,content", [
    pytest.param("The doctor said, for some patients, the drug can help.", """
        The       DET     2 det
        doctor    NOUN    3 nsubj
        said      VERB    0 root
        ,         PUNCT   3 punct
        for       ADP     7 case
        some      DET     7 det
        patients  NOUN   12 obl
        ,         PUNCT   7 punct
        the       DET    10 det
        drug      NOUN   12 nsubj
        can       AUX/MD 12 aux
        help      VERB    3 ccomp
        .         PUNCT   3 punct
    """, "for some patients, the drug can help", id="prepositional"),
    pytest.param("The doctor said after the ward opened, the nurses were ready.", """
        The      DET     2 det
        doctor   NOUN    3 nsubj
        said     VERB    0 root
        after    SCONJ   7 mark
        the      DET     6 det
        ward     NOUN    7 nsubj
        opened   VERB   12 advcl   open
        ,        PUNCT   7 punct
        the      DET    10 det
        nurses   NOUN   12 nsubj
        were     AUX/VBD 12 cop
        ready    ADJ     3 ccomp
        .        PUNCT   3 punct
    """, "after the ward opened, the nurses were ready", id="adverbial-clause"),
])
def test_fronted_adjunct_of_the_reported_clause_is_content(text, table, content):
    """verb_cues._adjunct_then_clause: content opening with a preposition or a subordinator
    is a circumstance of the cue, unless a comma closes it and the subject of a finite verb
    follows: then it is the fronted adjunct of the reported clause."""
    s, a = only(build(text, table))
    assert (s["rule"], s["content"], a.kind) == ("reported_after", [content], "speech")


def test_adverbial_clause_after_the_cue_with_no_clause_after_it_is_no_content():
    """The limit of verb_cues._adjunct_then_clause: "said as the crowd cheered, smiling
    broadly" -- after the comma comes no subject of a clause, so the adverbial clause is the
    circumstance of the saying and nothing is reported."""
    p = build(
        "The doctor said as the crowd cheered, smiling broadly.",
        """
        The      DET     2 det
        doctor   NOUN    3 nsubj
        said     VERB    0 root
        as       SCONJ   7 mark
        the      DET     6 det
        crowd    NOUN    7 nsubj
        cheered  VERB    3 advcl   cheer
        ,        PUNCT   9 punct
        smiling  VERB    3 advcl   smile
        broadly  ADV     9 advmod
        .        PUNCT   3 punct
        """,
    )
    assert statements(p) == []


# --------------------------------------------------------------------------- 22. a reduced passive of a belief verb


def test_reduced_passive_of_a_belief_verb_is_no_cue():
    """site._reduced_passive: "Ten workers believed to have been inside" -- the parser made
    "believed" the root with "workers" its subject, which would make the workers believers
    and the trailing "the agency said" a relay of their belief; a belief verb right before
    "to" is a reduced passive, so the agency's statement is the whole clause."""
    p = build(
        "Ten workers believed to have been inside are missing, the agency said.",
        """
        Ten       NUM      2 nummod
        workers   NOUN     3 nsubj
        believed  VERB/VBD 0 root    believe
        to        PART     7 mark
        have      AUX      7 aux
        been      AUX      7 cop
        inside    ADV      3 ccomp
        are       AUX      9 cop
        missing   ADJ      7 conj
        ,         PUNCT   13 punct
        the       DET     12 det
        agency    NOUN    13 nsubj
        said      VERB     3 parataxis
        .         PUNCT    3 punct
        """,
    )
    s, a = only(p)
    assert (s["cue"], s["rule"], s["content"], s["source"]) == (
        "said", "reported_before", ["Ten workers believed to have been inside are missing"], "the agency")
    assert a.kind == "speech"


def test_belief_verb_that_takes_an_infinitive_is_still_a_cue():
    """The limit: "hope" takes a to-infinitive of its own ("The workers hoped to return"), so
    it is no reduced passive and stays a belief cue."""
    p = build(
        "The workers hoped to return to the site soon.",
        """
        The      DET      2 det
        workers  NOUN     3 nsubj
        hoped    VERB/VBD 0 root    hope
        to       PART     5 mark
        return   VERB     3 xcomp
        to       ADP      8 case
        the      DET      8 det
        site     NOUN     5 obl
        soon     ADV      5 advmod
        .        PUNCT    3 punct
        """,
    )
    assert [(s["cue"], s["content"]) for s in statements(p)] == [("hoped", ["to return to the site soon"])]


# --------------------------------------------------------------------------- 23. a conjunct that can only be reported


@pytest.mark.parametrize("text,table,content", [
    pytest.param("The coach said he was tired and that the team needed rest.", """
        The      DET     2 det
        coach    NOUN    3 nsubj
        said     VERB    0 root
        he       PRON    6 nsubj
        was      AUX     6 cop
        tired    ADJ     3 ccomp
        and      CCONJ  11 cc
        that     SCONJ  11 mark
        the      DET    10 det
        team     NOUN   11 nsubj
        needed   VERB    3 conj    need
        rest     NOUN   11 obj
        .        PUNCT   3 punct
    """, "he was tired and that the team needed rest", id="second-that-clause"),
    pytest.param("The coach said the players should be paid, and be thanked.", """
        The      DET     2 det
        coach    NOUN    3 nsubj
        said     VERB    0 root
        the      DET     5 det
        players  NOUN    8 nsubj:pass
        should   AUX/MD  8 aux
        be       AUX     8 aux:pass
        paid     VERB/VBN 3 ccomp  pay
        ,        PUNCT  12 punct
        and      CCONJ  12 cc
        be       AUX/VB 12 aux:pass
        thanked  VERB/VBN 3 conj   thank
        .        PUNCT   3 punct
    """, "the players should be paid, and be thanked", id="base-form-under-the-modal"),
    pytest.param("The coach said the team could win and the fans will come.", """
        The      DET     2 det
        coach    NOUN    3 nsubj
        said     VERB    0 root
        the      DET     5 det
        team     NOUN    7 nsubj
        could    AUX/MD  7 aux
        win      VERB    3 ccomp
        and      CCONJ  12 cc
        the      DET    10 det
        fans     NOUN   12 nsubj
        will     AUX/MD 12 aux
        come     VERB    3 conj
        .        PUNCT   3 punct
    """, "the team could win and the fans will come", id="modal-after-a-past-cue"),
])
def test_conjunct_that_can_only_be_reported_stays_in_the_content(text, table, content):
    """complement._reported_conjunct: the parser hung the second half of the reported clause on
    the cue; a second that-clause, a base form under the clause's modal, or a present or
    modal verb after a cue in the past can only be more of what was said."""
    (said, _), = by_cue(build(text, table), "said")
    assert (said["rule"], said["content"]) == ("reported_after", [content])


def test_past_conjunct_with_its_own_subject_is_a_new_predicate():
    """The limit of complement._reported_conjunct: ", and the fans went home" is in the
    narrator's past, with its own subject after a comma: a new predicate, not content."""
    p = build(
        "The coach said the team played well, and the fans went home.",
        """
        The     DET     2 det
        coach   NOUN    3 nsubj
        said    VERB    0 root
        the     DET     5 det
        team    NOUN    6 nsubj
        played  VERB    3 ccomp   play
        well    ADV     6 advmod
        ,       PUNCT  12 punct
        and     CCONJ  12 cc
        the     DET    11 det
        fans    NOUN   12 nsubj
        went    VERB    3 conj    go
        home    ADV    12 advmod
        .       PUNCT   3 punct
        """,
    )
    (said, _), = by_cue(p, "said")
    assert said["content"] == ["the team played well"]


# --------------------------------------------------------------------------- 24. a trailing relative clause


def test_trailing_relative_clause_on_which_is_the_writer_s_gloss():
    """complement._end_at_trailing_relative: ", which was a record for the town" closes the
    sentence: the writer's gloss on the last noun, not part of what the mayor said."""
    p = build(
        "The mayor said the fair drew 900 visitors, which was a record for the town.",
        """
        The       DET     2 det
        mayor     NOUN    3 nsubj
        said      VERB    0 root
        the       DET     5 det
        fair      NOUN    6 nsubj
        drew      VERB    3 ccomp   draw
        900       NUM     8 nummod
        visitors  NOUN    6 obj
        ,         PUNCT  13 punct
        which     PRON   13 nsubj
        was       AUX    13 cop
        a         DET    13 det
        record    NOUN    8 acl:relcl
        for       ADP    16 case
        the       DET    16 det
        town      NOUN   13 nmod
        .         PUNCT   3 punct
        """,
    )
    s, _ = only(p)
    assert (s["rule"], s["content"]) == ("reported_after", ["the fair drew 900 visitors"])


def test_relative_clause_inside_the_content_stays():
    """The limit of complement._end_at_trailing_relative: a relative clause in mid-sentence
    (", which passed,") is part of the reported clause."""
    p = build(
        "The mayor said the plan, which passed, will cost more.",
        """
        The     DET     2 det
        mayor   NOUN    3 nsubj
        said    VERB    0 root
        the     DET     5 det
        plan    NOUN   11 nsubj
        ,       PUNCT   8 punct
        which   PRON    8 nsubj
        passed  VERB    5 acl:relcl  pass
        ,       PUNCT   8 punct
        will    AUX/MD 11 aux
        cost    VERB    3 ccomp
        more    ADJ    11 obj
        .       PUNCT   3 punct
        """,
    )
    s, _ = only(p)
    assert s["content"] == ["the plan, which passed, will cost more"]


def test_closing_apposition_after_a_dash_is_the_writer_s():
    """complement._closing_apposition: "— a cost borne by the town" after the reported clause
    is a noun phrase to the end of the sentence: the writer's apposition, not content."""
    p = build(
        "The mayor said the city overpaid for the bridge — a cost borne by the town.",
        """
        The      DET     2 det
        mayor    NOUN    3 nsubj
        said     VERB    0 root
        the      DET     5 det
        city     NOUN    6 nsubj
        overpaid VERB    3 ccomp   overpay
        for      ADP     9 case
        the      DET     9 det
        bridge   NOUN    6 obl
        —        PUNCT  12 punct
        a        DET    12 det
        cost     NOUN    9 appos
        borne    VERB/VBN 12 acl  bear
        by       ADP    16 case
        the      DET    16 det
        town     NOUN   13 obl
        .        PUNCT   3 punct
        """,
    )
    s, _ = only(p)
    assert (s["rule"], s["content"]) == ("reported_after", ["the city overpaid for the bridge"])


def test_parenthesis_between_two_dashes_stays_in_the_content():
    """The limit of complement._closing_apposition: a noun phrase closed by a second dash
    ("— the city and the county —") is a parenthesis inside the reported clause."""
    p = build(
        "The mayor said both governments — the city and the county — should pay.",
        """
        The          DET     2 det
        mayor        NOUN    3 nsubj
        said         VERB    0 root
        both         DET     5 det
        governments  NOUN   14 nsubj
        —            PUNCT   8 punct
        the          DET     8 det
        city         NOUN    5 appos
        and          CCONJ  11 cc
        the          DET    11 det
        county       NOUN    8 conj
        —            PUNCT   8 punct
        should       AUX/MD 14 aux
        pay          VERB    3 ccomp
        .            PUNCT   3 punct
        """,
    )
    s, _ = only(p)
    assert s["content"] == ["both governments — the city and the county — should pay"]


# --------------------------------------------------------------------------- 25. a participle after a closing quotation


def test_participle_after_a_quotation_closing_on_its_comma_is_the_speaker_s_act():
    """complement._end_at_participle_clause: "“the plan will work,” pointing to the budget" --
    right after a quotation that closes on its comma, the participle is the speaker's act,
    even when the parser hung it on the quoted verb."""
    p = build(
        "The mayor said that “the plan will work,” pointing to the budget.",
        """
        The       DET     2 det
        mayor     NOUN    3 nsubj
        said      VERB    0 root
        that      SCONJ   9 mark
        “         PUNCT   9 punct
        the       DET     7 det
        plan      NOUN    9 nsubj
        will      AUX/MD  9 aux
        work      VERB    3 ccomp
        ,         PUNCT   9 punct
        ”         PUNCT   9 punct
        pointing  VERB/VBG 9 conj  point
        to        ADP    15 case
        the       DET    15 det
        budget    NOUN   12 obl
        .         PUNCT   3 punct
        """,
    )
    (said, _), = by_cue(p, "said")
    assert (said["rule"], said["content"]) == ("reported_after", ["“the plan will work,”"])


def test_participle_not_after_a_quotation_stays_in_the_content():
    """The limit: only right after a closing quotation; a participle phrase between commas
    inside the reported clause ("the town, facing a deficit, would cut jobs") is content."""
    p = build(
        "The mayor said the town, facing a deficit, would cut jobs.",
        """
        The      DET     2 det
        mayor    NOUN    3 nsubj
        said     VERB    0 root
        the      DET     5 det
        town     NOUN   12 nsubj
        ,        PUNCT   7 punct
        facing   VERB/VBG 5 acl  face
        a        DET     9 det
        deficit  NOUN    7 obj
        ,        PUNCT   7 punct
        would    AUX/MD 12 aux
        cut      VERB    3 ccomp
        jobs     NOUN   12 obj
        .        PUNCT   3 punct
        """,
    )
    (said, _), = by_cue(p, "said")
    assert said["content"] == ["the town, facing a deficit, would cut jobs"]


# --------------------------------------------------------------------------- 26. a closing concession


def test_closing_concession_with_its_own_subject_is_the_writer_s():
    """complement._closing_concession: ", although the council disagreed" closes the sentence
    with a subject of its own: the writer's counterweight, not part of the claim."""
    p = build(
        "The mayor claimed the plan was cheap, although the council disagreed.",
        """
        The       DET     2 det
        mayor     NOUN    3 nsubj
        claimed   VERB    0 root    claim
        the       DET     5 det
        plan      NOUN    7 nsubj
        was       AUX     7 cop
        cheap     ADJ     3 ccomp
        ,         PUNCT  12 punct
        although  SCONJ  12 mark
        the       DET    11 det
        council   NOUN   12 nsubj
        disagreed VERB    7 advcl   disagree
        .         PUNCT   3 punct
        """,
    )
    s, _ = only(p)
    assert (s["rule"], s["content"]) == ("reported_after", ["the plan was cheap"])


def test_concession_inside_the_reported_clause_stays():
    """The limit: a concession in mid-sentence with no subject ("the plan, although costly,
    was sound") belongs to the reported clause."""
    p = build(
        "The mayor said the plan, although costly, was sound.",
        """
        The       DET     2 det
        mayor     NOUN    3 nsubj
        said      VERB    0 root
        the       DET     5 det
        plan      NOUN   11 nsubj
        ,         PUNCT   8 punct
        although  SCONJ   8 mark
        costly    ADJ     5 amod
        ,         PUNCT   8 punct
        was       AUX    11 cop
        sound     ADJ     3 ccomp
        .         PUNCT   3 punct
        """,
    )
    s, _ = only(p)
    assert s["content"] == ["the plan, although costly, was sound"]


# --------------------------------------------------------------------------- 27. an inverted cue read as an adjective


def test_inverted_cue_after_a_closing_quotation_is_no_adjective():
    """site._modifies_noun: the parser read "quipped" as an adjective of "Roe"; right after a
    closing quotation mark it is the inverted cue of that quotation."""
    p = build(
        "“We will win,” quipped Roe, who lives nearby.",
        """
        “        PUNCT    4 punct
        We       PRON     4 nsubj
        will     AUX/MD   4 aux
        win      VERB     0 root
        ,        PUNCT    4 punct
        ”        PUNCT    4 punct
        quipped  VERB/VBN 8 amod    quip
        Roe      PROPN    4 dep     S-PER
        ,        PUNCT   11 punct
        who      PRON    11 nsubj
        lives    VERB/VBZ 8 acl:relcl  live
        nearby   ADV     11 advmod
        .        PUNCT    4 punct
        """,
    )
    s, a = only(p)
    assert (s["cue"], s["rule"], s["content"], a.kind) == ("quipped", "quote_cue_before", ["We will win,"], "speech")
    assert s["source"].startswith("Roe")


def test_participle_after_an_opening_quotation_mark_modifies_its_noun():
    """The limit: after an opening mark (“estimated costs”) the participle is still an
    adjective of its noun, no cue (site.is_cue says no, and no statement has it)."""
    p = build(
        "The report listed “estimated costs” for the bridge.",
        """
        The        DET      2 det
        report     NOUN     3 nsubj
        listed     VERB     0 root   list
        “          PUNCT    6 punct
        estimated  VERB/VBN 6 amod   estimate
        costs      NOUN     3 obj    cost
        ”          PUNCT    6 punct
        for        ADP     10 case
        the        DET     10 det
        bridge     NOUN     6 nmod
        .          PUNCT    3 punct
        """,
    )
    assert not is_cue(DocView(p), 4)
    assert [s for s in statements(p) if s["cue"] == "estimated"] == []


# ------------------------------------------------------------- 28. a subject after the cue that is no speaker


def test_subject_of_the_reported_clause_after_the_cue_is_no_inverted_speaker():
    """site._speaker (_subject_of_clause_after): the parser made "Elm County" the subject of
    "said"; a finite verb right after it ("has") makes it the subject of the reported clause,
    so the speaker is the name that opens the sentence, past its relative clause
    (site._sentence_opening_name)."""
    p = build(
        "Jane Roe, who runs the clinic, said Elm County has “a staffing crisis.”",
        """
        Jane      PROPN    5 nsubj    B-PER
        Roe       PROPN    1 flat     E-PER
        ,         PUNCT    5 punct
        who       PRON     5 nsubj
        runs      VERB/VBZ 0 root     run
        the       DET      7 det
        clinic    NOUN     5 obj
        ,         PUNCT    9 punct
        said      VERB     5 parataxis
        Elm       PROPN    9 nsubj    B-ORG
        County    PROPN   10 flat     E-ORG
        has       VERB/VBZ 9 ccomp    have
        “         PUNCT   16 punct
        a         DET     16 det
        staffing  NOUN    16 compound
        crisis    NOUN    12 obj
        .         PUNCT    5 punct
        ”         PUNCT    5 punct
        """,
    )
    (said, a), = by_cue(p, "said")
    assert (said["rule"], said["content"], said["source"]) == (
        "reported_after", ["Elm County has “a staffing crisis.”"], "Jane Roe")
    assert a.kind == "speech"


def test_inverted_speaker_followed_by_another_clause_stays_inverted():
    """The limit of site._subject_of_clause_after: the finite verb must follow the noun phrase
    directly; in "said Roe, and the crowd cheered" a comma and a clause of their own follow
    the inverted speaker."""
    p = build(
        "“We won,” said Roe, and the crowd cheered.",
        """
        “        PUNCT    3 punct
        We       PRON     3 nsubj
        won      VERB     0 root    win
        ,        PUNCT    3 punct
        ”        PUNCT    3 punct
        said     VERB     3 parataxis
        Roe      PROPN    6 nsubj   S-PER
        ,        PUNCT   12 punct
        and      CCONJ   12 cc
        the      DET     11 det
        crowd    NOUN    12 nsubj
        cheered  VERB     3 conj    cheer
        .        PUNCT    3 punct
        """,
    )
    (said, _), = by_cue(p, "said")
    assert (said["rule"], said["content"], said["source"]) == ("quote_cue_before", ["We won,"], "Roe")


# --------------------------------------------------------------------------- 29. a split statement resumed by "that"


def test_split_statement_may_resume_with_that():
    """verb_cues._goes_on_with_verb: "It is on the mayor's watch, Roe said, that the town is
    failing" -- the rest after the cue opens with "that" and goes on with a finite verb: the
    second half of a split statement."""
    p = build(
        "It is on the mayor's watch, Roe said, that the town is failing.",
        """
        It       PRON     7 nsubj
        is       AUX      7 cop
        on       ADP      7 case
        the      DET      5 det
        mayor    NOUN     7 nmod:poss
        's       PART     5 case
        watch    NOUN    10 ccomp
        ,        PUNCT   10 punct
        Roe      PROPN   10 nsubj   S-PER
        said     VERB     0 root
        ,        PUNCT   10 punct
        that     SCONJ   16 mark
        the      DET     14 det
        town     NOUN    16 nsubj
        is       AUX     16 aux
        failing  VERB    10 ccomp   fail
        .        PUNCT   10 punct
        """,
    )
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == (
        "reported_split", ["It is on the mayor's watch", "that the town is failing"], "Roe")


def test_rest_opening_with_that_but_no_verb_is_no_split():
    """The limit: after "that" a finite verb must follow ("..., Roe said, that week." is a
    time phrase, no second half)."""
    p = build(
        "The town is failing, Roe said, that week.",
        """
        The      DET     2 det
        town     NOUN     4 nsubj
        is       AUX      4 aux
        failing  VERB     7 ccomp   fail
        ,        PUNCT    7 punct
        Roe      PROPN    7 nsubj   S-PER
        said     VERB     0 root
        ,        PUNCT    7 punct
        that     SCONJ   10 mark
        week     NOUN     7 obl:tmod
        .        PUNCT    7 punct
        """,
    )
    assert rules_fired(p) != ["reported_split"]


def test_speech_verb_after_an_interruption_is_no_adjective():
    """site._modifies_noun: "The mayor, at the meeting, cited a report that the costs had
    doubled" -- the parser read "cited" as an adjective of "report"; after the comma that
    closes an interruption, a speech verb before its object is the verb of the sentence."""
    p = build(
        "The mayor, at the meeting, cited a report that the costs had doubled.",
        """
        The      DET      2 det
        mayor    NOUN    10 nsubj
        ,        PUNCT    6 punct
        at       ADP      6 case
        the      DET      6 det
        meeting  NOUN     2 nmod
        ,        PUNCT    6 punct
        cited    VERB/VBN 10 amod    cite
        a        DET     10 det
        report   NOUN     0 root
        that     SCONJ   15 mark
        the      DET     13 det
        costs    NOUN    15 nsubj
        had      AUX     15 aux
        doubled  VERB    10 acl      double
        .        PUNCT   10 punct
        """,
    )
    assert [s["cue"] for s in statements(p)] == ["cited"], statements(p)


def test_speech_participle_after_its_noun_stays_an_adjective():
    """The limit: a participle whose noun comes before it ("the figures, reported, were
    low") still modifies that noun."""
    p = build(
        "The figures, reported, were low.",
        """
        The       DET      2 det
        figures   NOUN     7 nsubj
        ,         PUNCT    4 punct
        reported  VERB/VBN 2 amod   report
        ,         PUNCT    4 punct
        were      AUX      7 cop
        low       ADJ      0 root
        .         PUNCT    7 punct
        """,
    )
    assert not is_cue(DocView(p), 3)


# --------------------------------------------------------------------------- 30. a nominative pronoun after the cue


def test_nominative_pronoun_after_the_cue_opens_a_clause():
    """verb_cues._complement (subject): the parser hung "he has better players ..." on
    "players" as the cue's object; "he" can only be a subject, so a reported clause starts."""
    p = build(
        "The coach insisted he has better players than the ones he lost.",
        """
        The      DET      2 det
        coach    NOUN     3 nsubj
        insisted VERB     0 root     insist
        he       PRON     6 nsubj
        has      AUX/VBZ  6 aux      have
        better   ADJ      7 amod
        players  NOUN     3 obj      player
        than     ADP     10 case
        the      DET     10 det
        ones     NOUN     7 nmod     one
        he       PRON    12 nsubj
        lost     VERB    10 acl:relcl  lose
        .        PUNCT    3 punct
        """,
    )
    s, a = only(p)
    assert (s["rule"], s["content"], a.kind) == (
        "reported_after", ["he has better players than the ones he lost"], "speech")


def test_pronoun_that_can_be_an_object_opens_no_clause():
    """The limit: "it" can be the object ("said it all again"), so it opens no clause of its
    own and the short object reports nothing."""
    p = build(
        "The coach said it all again.",
        """
        The    DET    2 det
        coach  NOUN   3 nsubj
        said   VERB   0 root
        it     PRON   3 obj
        all    DET    4 det
        again  ADV    3 advmod
        .      PUNCT  3 punct
        """,
    )
    assert statements(p) == []


# ------------------------------------------------------------ 31. a participle after a quotation after the cue


def test_participle_after_the_quotation_after_the_cue_is_the_next_act():
    """verb_cues._is_mixed: 'said: “The plan works,” adding that costs fell' -- after a
    quotation closed on its comma, the participle is the speaker's next act: the quotation
    alone is the statement of "said", and "adding" has its own."""
    p = build(
        "The mayor said: “The plan works,” adding that costs fell.",
        """
        The     DET      2 det
        mayor   NOUN     3 nsubj
        said    VERB     0 root
        :       PUNCT    3 punct
        “       PUNCT    8 punct
        The     DET      7 det
        plan    NOUN     8 nsubj
        works   VERB/VBZ 3 ccomp   work
        ,       PUNCT    8 punct
        ”       PUNCT    8 punct
        adding  VERB/VBG 3 advcl   add
        that    SCONJ   14 mark
        costs   NOUN    14 nsubj   cost
        fell    VERB    11 ccomp   fall
        .       PUNCT    3 punct
        """,
    )
    (said, _), = by_cue(p, "said")
    (adding, _), = by_cue(p, "adding")
    assert (said["rule"], said["content"]) == ("quote_cue_after", ["The plan works,"])
    assert adding["content"] == ["costs fell"]


def test_participle_continuing_the_quoted_words_is_mixed():
    """The limit: a quotation not closed on a comma ('said “we are” winning') is continued by
    the participle: one mixed statement."""
    p = build(
        "The mayor said “we are” winning.",
        """
        The      DET      2 det
        mayor    NOUN     3 nsubj
        said     VERB     0 root
        “        PUNCT    8 punct
        we       PRON     8 nsubj
        are      AUX/VBP  8 aux
        ”        PUNCT    8 punct
        winning  VERB/VBG 3 ccomp  win
        .        PUNCT    3 punct
        """,
    )
    s, _ = only(p)
    assert s["content"] == ["“we are” winning"]


# --------------------------------------------------------------------------- 32. a quoted name after "as"


def test_quoted_name_after_as_ends_the_content():
    """complement._end_after_quoted_name: "described the plan as a “disaster” after the vote"
    -- what the object is called ends with the quotation after "as"; the time after it is
    circumstance."""
    p = build(
        "The senator described the plan as a “disaster” after the vote.",
        """
        The        DET    2 det
        senator    NOUN   3 nsubj
        described  VERB   0 root   describe
        the        DET    5 det
        plan       NOUN   3 obj
        as         ADP    9 case
        a          DET    9 det
        “          PUNCT  9 punct
        disaster   NOUN   3 obl
        ”          PUNCT  9 punct
        after      ADP   13 case
        the        DET   13 det
        vote       NOUN   3 obl
        .          PUNCT  3 punct
        """,
    )
    s, _ = only(p)
    assert (s["rule"], s["content"]) == ("reported_after", ["the plan as a “disaster”"])


def test_reason_after_a_quoted_name_stays_in_the_content():
    """The limit: after "praised X as “Y”" the reason introduced by "for" is part of the
    praise (as in verb_cues._charge), so the content runs on."""
    p = build(
        "The senator praised the mayor as a “hero” for her courage.",
        """
        The      DET    2 det
        senator  NOUN   3 nsubj
        praised  VERB   0 root   praise
        the      DET    5 det
        mayor    NOUN   3 obj
        as       ADP    9 case
        a        DET    9 det
        “        PUNCT  9 punct
        hero     NOUN   3 obl
        ”        PUNCT  9 punct
        for      ADP   13 case
        her      PRON  13 nmod:poss
        courage  NOUN   3 obl
        .        PUNCT  3 punct
        """,
    )
    s, _ = only(p)
    assert s["content"] == ["the mayor as a “hero” for her courage"]


# --------------------------------------------------------------------------- "according to" with its noun tagged a verb


def test_according_to_with_the_first_word_tagged_a_verb():
    """doc_rules._ends_source: the tagger read "to" as an infinitive marker, "media" as a
    verb and "buying" as its participle; both belong to the source."""
    p = build("Sales will fall this year, according to media buying firm Zed.", """
        Sales     NOUN   3 nsubj   sale
        will      AUX    3 aux
        fall      VERB   0 root
        this      DET    5 det
        year      NOUN   3 obl:tmod
        ,         PUNCT  7 punct
        according VERB/VBG 9 mark accord
        to        PART   9 mark
        media     VERB   3 advcl
        buying    VERB/VBG 9 xcomp buy
        firm      NOUN  10 obj
        Zed       PROPN 11 flat    S-ORG
        .         PUNCT  3 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == (
        "according_to", ["Sales will fall this year"], "media buying firm Zed")


@pytest.mark.parametrize("text,table,source", [
    pytest.param("Sales fell, according to a report released Monday.", """
        Sales     NOUN   2 nsubj   sale
        fell      VERB   0 root    fall
        ,         PUNCT  7 punct
        according VERB/VBG 7 case accord
        to        ADP    4 fixed
        a         DET    7 det
        report    NOUN   2 obl
        released  VERB/VBN 7 acl  release
        Monday    PROPN  8 obl:tmod
        .         PUNCT  2 punct
    """, "a report", id="participle-after-a-noun"),
    pytest.param("Sales fell, according to police investigating the case.", """
        Sales     NOUN   2 nsubj   sale
        fell      VERB   0 root    fall
        ,         PUNCT  6 punct
        according VERB/VBG 6 case accord
        to        ADP    4 fixed
        police    NOUN   2 obl
        investigating VERB/VBG 6 acl investigate
        the       DET    9 det
        case      NOUN   7 obj
        .         PUNCT  2 punct
    """, "police", id="gerund-after-a-noun"),
])
def test_according_to_source_ends_at_a_participle_after_its_noun(text, table, source):
    """The limit: after a word tagged a noun, a participle opens the source's own modifier."""
    s, _ = only(build(text, table))
    assert (s["rule"], s["source"]) == ("according_to", source)


def test_according_to_keeps_the_main_clause_it_attributes():
    """conflicts.drop_nested: "At noon, according to Roe, Lee said S": "according to" hangs on
    "said" in the parse, but the clause it attributes is "Lee said S", inner cue and all:
    one statement of Roe's, the cue inside it part of its content."""
    p = build("At noon, according to Roe, Lee said the road was clear.", """
        At        ADP    2 case
        noon      NOUN   8 obl
        ,         PUNCT  2 punct
        according VERB/VBG 6 case accord
        to        ADP    4 fixed
        Roe       PROPN  8 obl     S-PER
        ,         PUNCT  6 punct
        Lee       PROPN  9 nsubj   S-PER
        said      VERB   0 root
        the       DET   11 det
        road      NOUN  13 nsubj
        was       AUX   13 cop     be
        clear     ADJ    9 ccomp
        .         PUNCT  9 punct
    """)
    assert [(s["rule"], s["content"], s["source"]) for s in statements(p)] == [
        ("according_to", ["At noon", "Lee said the road was clear"], "Roe")]


def test_according_to_gives_way_to_a_participle_cue_governing_it():
    """The limit: a participle cue that is no main clause ("On Monday, Lee gave an interview
    noting S, according to CNN") governs "according to" and keeps its own statement."""
    p = build("On Monday, Lee gave an interview noting the road was clear, according to CNN.", """
        On        ADP    2 case
        Monday    PROPN  5 obl
        ,         PUNCT  2 punct
        Lee       PROPN  5 nsubj   S-PER
        gave      VERB   0 root    give
        an        DET    7 det
        interview NOUN   5 obj
        noting    VERB/VBG 7 acl  note
        the       DET   10 det
        road      NOUN  12 nsubj
        was       AUX   12 cop     be
        clear     ADJ    8 ccomp
        ,         PUNCT 16 punct
        according VERB/VBG 16 case accord
        to        ADP   14 fixed
        CNN       PROPN  8 obl     S-ORG
        .         PUNCT  5 punct
    """)
    assert [(s["rule"], s["cue"]) for s in statements(p)] == [("reported_after", "noting")]


def test_according_to_source_ends_before_its_relative_clause():
    """doc_rules.according_to: "S, according to sources who were not allowed to speak": the
    relative clause says who the source is; it is neither the source nor content."""
    p = build("The bid failed, according to sources who were not allowed to speak.", """
        The       DET    2 det
        bid       NOUN   3 nsubj
        failed    VERB   0 root    fail
        ,         PUNCT  7 punct
        according VERB/VBG 7 case accord
        to        ADP    5 fixed
        sources   NOUN   3 obl     source
        who       PRON  11 nsubj:pass
        were      AUX   11 aux:pass be
        not       PART  11 advmod
        allowed   VERB/VBN 7 acl:relcl allow
        to        PART  13 mark
        speak     VERB  11 xcomp
        .         PUNCT  3 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("according_to", ["The bid failed"], "sources")


def test_according_to_content_goes_on_after_the_relative_clause():
    """The limit: past the comma closing the source's relative clause, the rest of the
    sentence is content again ("According to Roe, who was there, the bid failed")."""
    p = build("According to Roe, who was there, the bid failed badly.", """
        According VERB/VBG 3 case accord
        to        ADP    1 fixed
        Roe       PROPN 11 obl     S-PER
        ,         PUNCT  3 punct
        who       PRON   7 nsubj
        was       AUX    7 cop     be
        there     ADV    3 acl:relcl
        ,         PUNCT  3 punct
        the       DET   10 det
        bid       NOUN  11 nsubj
        failed    VERB   0 root    fail
        badly     ADV   11 advmod
        .         PUNCT 11 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("according_to", ["the bid failed badly"], "Roe")


def test_that_after_the_comma_of_according_to_is_content():
    """The limit: after a comma "that" opens no relative clause (a non-restrictive one takes
    who or which): "According to Roe, that plan failed" -- "that plan failed" is content."""
    p = build("According to Roe, that plan failed.", """
        According VERB/VBG 3 case accord
        to        ADP    1 fixed
        Roe       PROPN  7 obl     S-PER
        ,         PUNCT  3 punct
        that      DET    6 det
        plan      NOUN   7 nsubj
        failed    VERB   0 root    fail
        .         PUNCT  7 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("according_to", ["that plan failed"], "Roe")


# --------------------------------------------------------------------------- a name read as an oblique of the cue


def test_name_read_as_an_oblique_right_before_the_cue_is_its_subject():
    """site._oblique_subject: "The remarks came after Roe told reporters that S": the parser
    read "after Roe" as a prepositional phrase on "told" and gave it the subject of "came";
    the name right before the finite cue, hanging on it, is its subject."""
    p = build("The remarks came after Roe told reporters that the plan failed.", """
        The      DET    2 det
        remarks  NOUN   3 nsubj   remark
        came     VERB   0 root    come
        after    ADP    5 case
        Roe      PROPN  6 obl     S-PER
        told     VERB   3 conj
        reporters NOUN  6 obj     reporter
        that     SCONJ 11 mark
        the      DET   10 det
        plan     NOUN  11 nsubj
        failed   VERB   6 ccomp   fail
        .        PUNCT  3 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("reported_after", ["the plan failed"], "Roe")


def test_name_inside_the_subject_before_the_cue_is_no_oblique():
    """The limit: "Aides to Roe told reporters that S" -- the name right before the cue hangs
    on the subject, not on the cue: the speaker is the aides, not Roe."""
    p = build("Aides to Roe told reporters that the plan failed.", """
        Aides    NOUN   4 nsubj   aide
        to       ADP    3 case
        Roe      PROPN  1 nmod    S-PER
        told     VERB   0 root
        reporters NOUN  4 obj     reporter
        that     SCONJ  9 mark
        the      DET    8 det
        plan     NOUN   9 nsubj
        failed   VERB   4 ccomp   fail
        .        PUNCT  4 punct
    """)
    s, _ = only(p)
    assert (s["rule"], s["source"]) == ("reported_after", "Aides to Roe")
    assert s["name"] != "Roe"


# --------------------------------------------------------------------------- where an inverted speaker ends


def test_inverted_speaker_ends_before_a_participle():
    """site._inverted_mention_end: "“…,” says the shop owner, noting that S": the parser gave
    the cue no subject; the speaker after it ends at the comma before the participle (the
    speaker's next act), not at the end of the sentence."""
    p = build("“We print comics,” says the shop owner, noting that sales rose.", """
        “        PUNCT  3 punct
        We       PRON   3 nsubj  we
        print    VERB   7 ccomp
        comics   NOUN   3 obj    comic
        ,        PUNCT  3 punct
        ”        PUNCT  3 punct
        says     VERB   0 root   say
        the      DET   10 det
        shop     NOUN  10 compound
        owner    NOUN   7 obj
        ,        PUNCT 12 punct
        noting   VERB/VBG 7 advcl note
        that     SCONJ 15 mark
        sales    NOUN  15 nsubj  sale
        rose     VERB  12 ccomp  rise
        .        PUNCT  7 punct
    """)
    (s, _), = by_cue(p, "says")
    assert (s["rule"], s["content"], s["source"]) == ("quote_cue_before", ["We print comics,"], "the shop owner")


def test_inverted_speaker_keeps_its_apposition():
    """The limit: an apposition after the inverted speaker ("the owner, a former teacher") is
    still part of the mention; only a participle, "and" or a quotation mark ends it."""
    p = build("“We print comics,” says the owner, a former teacher.", """
        “        PUNCT  3 punct
        We       PRON   3 nsubj  we
        print    VERB   7 ccomp
        comics   NOUN   3 obj    comic
        ,        PUNCT  3 punct
        ”        PUNCT  3 punct
        says     VERB   0 root   say
        the      DET    9 det
        owner    NOUN   7 obj
        ,        PUNCT 13 punct
        a        DET   13 det
        former   ADJ   13 amod
        teacher  NOUN   9 appos
        .        PUNCT  7 punct
    """)
    s, _ = only(p)
    assert s["source"] == "the owner, a former teacher"


# --------------------------------------------------------------------------- 2. a quotation signed with a dash


def _signed(text: str, *sign: str) -> ParsedArticle:
    """``text``: “We will appeal.” then a signature (its rows in ``sign``), a sentence of its own."""
    return build(text, """
        “        PUNCT  4 punct
        We       PRON   4 nsubj  we
        will     AUX    4 aux
        appeal   VERB   0 root
        .        PUNCT  4 punct
        ”        PUNCT  4 punct
    """, *sign)


def test_quotation_signed_with_a_dash_and_a_role():
    """dash.dash_quote: a quotation that ends like a sentence, then a dash, a name and a role
    at the end of the line (a pull quote): the name is the speaker, the dash the cue."""
    p = _signed("“We will appeal.” — Mira Osei, lawyer", """
        —        PUNCT  2 punct
        Mira     PROPN  0 root   B-PER
        Osei     PROPN  2 flat   E-PER
        ,        PUNCT  5 punct
        lawyer   NOUN   2 appos
    """)
    s, a = only(p)
    assert (s["rule"], s["content"], s["source"], s["cue"]) == ("dash_quote", ["We will appeal."], "Mira Osei", "—")
    assert (a.kind, a.type) == ("speech", "direct")


def test_quotation_with_the_signature_on_the_next_line():
    """The reverse layout: the quotation alone on its line, the next line only "― Name"."""
    p = _signed("“We will appeal.”\n― Dana Lee", """
        ―        PUNCT  2 punct
        Dana     PROPN  0 root   B-PER
        Lee      PROPN  2 flat   E-PER
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"], s["cue"]) == ("dash_quote", ["We will appeal."], "Dana Lee", "―")


def test_embedded_post_signed_with_an_account_and_a_date():
    """An embedded post has no quotation marks: its text, its link, then "— Name (@handle) date";
    the handle says it is a post, and the link and the final stop are not what was said."""
    post = "Crews are out across the island tonight. pic.twitter.com/Ab12Cd"
    p = build(post + " — Coast Power (@coastpower) June 3, 2019", """
        Crews    NOUN   2 nsubj  crew
        are      AUX    0 root   be
        out      ADV    2 advmod
        across   ADP    6 case
        the      DET    6 det
        island   NOUN   2 obl
        tonight  NOUN   2 obl:tmod
        .        PUNCT  2 punct
    """, """
        pic.twitter.com/Ab12Cd PROPN 0 root
        —        PUNCT  4 punct
        Coast    PROPN  4 compound B-ORG
        Power    PROPN  1 appos    E-ORG
        (        PUNCT  6 punct
        @coastpower PROPN 4 appos
        )        PUNCT  6 punct
        June     PROPN  4 obl:tmod
        3        NUM    8 nummod
        ,        PUNCT 11 punct
        2019     NUM    8 nummod
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"]) == ("dash_quote", ["Crews are out across the island tonight"],
                                                      "Coast Power")


@pytest.mark.parametrize("sign", [
    ("— Friday, June 3", "—  PUNCT 2 punct\nFriday PROPN 0 root\n, PUNCT 4 punct\nJune PROPN 2 appos\n"
     "3 NUM 4 nummod"),
    ("— Toronto", "—  PUNCT 2 punct\nToronto PROPN 0 root S-LOC"),
    ("— and then they left", "—  PUNCT 5 punct\nand CCONJ 5 cc\nthen ADV 5 advmod\nthey PRON 5 nsubj they\n"
     "left VERB 0 root leave"),
])
def test_dash_after_a_quotation_needs_a_name(sign):
    """The limits: a date, a place alone or lower-case words after the dash sign nothing."""
    p = _signed("“We will appeal.” " + sign[0], sign[1])
    assert "dash_quote" not in rules_fired(p)


def test_dash_inside_a_sentence_is_no_signature():
    """The limit: a dash inside a sentence, not after a closing quotation mark."""
    p = build("The plan — Osei said — failed.", """
        The      DET    2 det
        plan     NOUN   7 nsubj
        —        PUNCT  5 punct
        Osei     PROPN  5 nsubj  S-PER
        said     VERB   2 parataxis
        —        PUNCT  5 punct
        failed   VERB   0 root   fail
        .        PUNCT  7 punct
    """)
    assert "dash_quote" not in rules_fired(p)


def test_quoted_title_with_a_dash_is_no_statement():
    """The limit: a quoted title (no sentence end inside the marks) and its author."""
    p = build("“Blue Water Road” — Sam Reyes", """
        “        PUNCT  4 punct
        Blue     ADJ    4 amod
        Water    PROPN  4 compound
        Road     PROPN  0 root
        ”        PUNCT  4 punct
    """, """
        —        PUNCT  2 punct
        Sam      PROPN  0 root   B-PER
        Reyes    PROPN  2 flat   E-PER
    """)
    assert "dash_quote" not in rules_fired(p)


def test_signed_quotation_another_rule_attributed_keeps_that_statement():
    """The limit: a quotation a cue already claimed ("Osei said: “…”") stays that rule's
    statement; the signature adds none."""
    p = build("Mira Osei said:\n“We will appeal.” — Mira Osei", """
        Mira     PROPN  3 nsubj  B-PER
        Osei     PROPN  1 flat   E-PER
        said     VERB   0 root   say
        :        PUNCT  3 punct
    """, """
        “        PUNCT  4 punct
        We       PRON   4 nsubj  we
        will     AUX    4 aux
        appeal   VERB   0 root
        .        PUNCT  4 punct
        ”        PUNCT  4 punct
    """, """
        —        PUNCT  2 punct
        Mira     PROPN  0 root   B-PER
        Osei     PROPN  2 flat   E-PER
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"]) == ("quote_cue_after", ["We will appeal."])


def _pull(text: str, tail: str) -> ParsedArticle:
    """``text``: "The new ward will save lives every week." then ``tail`` (its rows)."""
    return build(text, """
        The      DET    3 det
        new      ADJ    3 amod
        ward     NOUN   5 nsubj
        will     AUX    5 aux
        save     VERB   0 root
        lives    NOUN   5 obj    life
        every    DET    8 det
        week     NOUN   5 obl:tmod
        .        PUNCT  5 punct
    """, tail)


def test_pull_quote_whose_dash_was_lost():
    """dash._undashed: a paragraph whose last sentence is only a person's name (and a role) is a
    pull quote that lost its dash with its layout; it has no cue."""
    p = _pull("The new ward will save lives every week. Mira Osei, nurse", """
        Mira     PROPN  0 root   B-PER
        Osei     PROPN  1 flat   E-PER
        ,        PUNCT  4 punct
        nurse    NOUN   1 appos
    """)
    s, _ = only(p)
    assert (s["rule"], s["content"], s["source"], s["cue"]) == (
        "dash_quote", ["The new ward will save lives every week"], "Mira Osei", None)


def test_paragraph_ending_in_a_name_after_an_abbreviation_is_no_pull_quote():
    """The limit: the full stop of an abbreviation ends no sentence ("... in the U.S. Senate")."""
    p = build("The new ward will save lives in the U.S. Army Medical Corps", """
        The      DET    3 det
        new      ADJ    3 amod
        ward     NOUN   5 nsubj
        will     AUX    5 aux
        save     VERB   0 root
        lives    NOUN   5 obj    life
        in       ADP   12 case
        the      DET   12 det
        U.S.     PROPN 12 compound
        Army     PROPN 12 compound B-ORG
        Medical  PROPN 12 compound I-ORG
        Corps    PROPN  5 obl      E-ORG
    """)
    assert "dash_quote" not in rules_fired(p)


def test_photo_caption_and_its_credit_is_no_pull_quote():
    """The limit: a caption ends with the photographer's name, not a speaker's."""
    p = build("Open this photo of the new ward in the gallery. Mira Osei", """
        Open     VERB   0 root
        this     DET    3 det
        photo    NOUN   1 obj
        of       ADP    7 case
        the      DET    7 det
        new      ADJ    7 amod
        ward     NOUN   3 nmod
        in       ADP   10 case
        the      DET   10 det
        gallery  NOUN   1 obl
        .        PUNCT  1 punct
    """, """
        Mira     PROPN  0 root   B-PER
        Osei     PROPN  1 flat   E-PER
    """)
    assert "dash_quote" not in rules_fired(p)


def test_sentence_ending_in_a_lower_case_word_after_a_name_is_no_pull_quote():
    """The limit: the last sentence must be the name alone ("Mira Osei agreed" is a clause)."""
    p = _pull("The new ward will save lives every week. Mira Osei agreed", """
        Mira     PROPN  3 nsubj  B-PER
        Osei     PROPN  1 flat   E-PER
        agreed   VERB   0 root   agree
    """)
    assert "dash_quote" not in rules_fired(p)


# --------------------------------------------------------------------------- 3. a speaker that cannot speak


def test_lone_singular_noun_is_no_speaker():
    """site._bare_singular: stanza tags an adverb a noun and makes it the subject ("Trump
    further described ...", with "Trump" read as a verb); a lone lower-case singular noun
    with no determiner is no subject English allows, so the noun phrase before the cue is
    taken instead."""
    p = build("Trump further described the plan as “a big mistake.”", """
        Trump    VERB   0 root
        further  NOUN   3 nsubj
        described VERB  1 xcomp  describe
        the      DET    5 det
        plan     NOUN   3 obj
        as       ADP   10 case
        “        PUNCT 10 punct
        a        DET   10 det
        big      ADJ   10 amod
        mistake  NOUN   5 nmod
        .        PUNCT  3 punct
        ”        PUNCT  3 punct
    """)
    s, _ = only(p)
    assert (s["cue"], s["source"]) == ("described", "Trump further")


def test_bare_group_noun_still_speaks():
    """The limit: a group noun stands alone as a subject ("police said")."""
    p = build("The road was closed, police said.", """
        The      DET    2 det
        road     NOUN   4 nsubj:pass
        was      AUX    4 aux:pass
        closed   VERB   0 root   close
        ,        PUNCT  7 punct
        police   NOUN   7 nsubj
        said     VERB   4 parataxis
        .        PUNCT  4 punct
    """)
    s, _ = only(p)
    assert s["source"] == "police"


def test_cue_hung_on_the_last_noun_of_a_relative_clause():
    """base.subject_of: "Dr. Ann Roe, who later retired from the navy as an admiral, said
    that ...": the parser made "said" a relative clause on "admiral"; after a comma, with no
    relative pronoun of its own, it is none, and the name that opens the sentence speaks."""
    p = build("Dr. Ann Roe, who later retired from the navy as an admiral, said that the plan failed.", """
        Dr.      PROPN  0 root
        Ann      PROPN  1 flat  B-PER
        Roe      PROPN  1 flat  E-PER
        ,        PUNCT  7 punct
        who      PRON   7 nsubj
        later    ADV    7 advmod
        retired  VERB   1 acl:relcl retire
        from     ADP   10 case
        the      DET   10 det
        navy     NOUN   7 obl
        as       ADP   13 case
        an       DET   13 det
        admiral  NOUN  10 nmod
        ,        PUNCT 15 punct
        said     VERB  13 acl:relcl say
        that     SCONJ 19 mark
        the      DET   18 det
        plan     NOUN  19 nsubj
        failed   VERB  15 ccomp fail
        .        PUNCT  1 punct
    """)
    s, _ = only(p)
    assert (s["content"], s["source"]) == (["the plan failed"], "Ann Roe")


def test_object_of_another_verb_is_no_speaker_of_a_participle():
    """site._object_of_verb_before: "Roe unleashed a series of messages saying that ..." (with
    Roe read as a verb, so "saying" has no subject): the noun phrase before the participle is
    the object of "unleashed", and did not speak; the statement is left without a speaker."""
    p = build("Roe unleashed a series of messages saying that the plan failed.", """
        Roe      VERB   0 root
        unleashed VERB  1 xcomp  unleash
        a        DET    4 det
        series   NOUN   2 obj
        of       ADP    6 case
        messages NOUN   4 nmod   message
        saying   VERB   2 advcl
        that     SCONJ 11 mark
        the      DET   10 det
        plan     NOUN  11 nsubj
        failed   VERB   7 ccomp  fail
        .        PUNCT  2 punct
    """)
    s, _ = only(p)
    assert (s["cue"], s["content"], s["source"]) == ("saying", ["the plan failed"], None)
