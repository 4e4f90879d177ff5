"""Which mention a verb cue takes as its speaker when the parse offers a wrong one (issue 9:
a statement whose content is right but whose speaker is wrong is worse than a missed one).

Each test names one class of wrong speaker; the hand-built parses are the misparse stanza's
English model gives such sentences (see tests/parsebuilder.py), and each negative marks the
limit of the fix.  Sentences are our own.
"""

from __future__ import annotations

from parsebuilder import build, statements

from attrib.extract.base import DocView
from attrib.extract.site import can_speak

# --------------------------------------------------------------------------- 1. a time word as a second subject


def test_time_word_given_as_a_second_subject_is_not_the_speaker():
    """base.subject_of: the parser made both "Corp" and "month" subjects of "announced";
    the time word is the misread adverbial, the company is the speaker."""
    p = build(
        "Acme Corp just this month announced it would close the plant.",
        """
        Acme       PROPN  2 compound  B-ORG
        Corp       PROPN  6 nsubj     E-ORG
        just       ADV    6 advmod
        this       DET    5 det
        month      NOUN   6 nsubj
        announced  VERB   0 root
        it         PRON   9 nsubj
        would      AUX    9 aux
        close      VERB   6 ccomp
        the        DET   11 det
        plant      NOUN   9 obj
        .          PUNCT  6 punct
        """,
    )
    [s] = statements(p)
    assert (s["rule"], s["cue"], s["source"]) == ("reported_after", "announced", "Acme Corp")
    assert s["content"] == ["it would close the plant"]


def test_month_name_of_a_person_can_speak():
    """The limit of site._time_phrase: "May" is a month's name and a surname; tagged a
    person, it is a speaker."""
    p = build(
        "May said the vote would go ahead.",
        """
        May      PROPN  2 nsubj     S-PER
        said     VERB   0 root
        the      DET    4 det
        vote     NOUN   6 nsubj
        would    AUX    6 aux
        go       VERB   2 ccomp
        ahead    ADV    6 advmod
        .        PUNCT  2 punct
        """,
    )
    [s] = statements(p)
    assert (s["rule"], s["cue"], s["source"]) == ("reported_after", "said", "May")


def test_a_lone_time_subject_is_still_no_speaker():
    """The limit on the other side: with no other subject the time word is kept by
    subject_of, and site.can_speak still refuses it (no speaker rather than a date)."""
    p = build(
        "Earlier this month announced that the plant would close.",
        """
        Earlier    ADV    3 advmod
        this       DET    3 det
        month      NOUN   4 nsubj
        announced  VERB   0 root
        that       SCONJ  9 mark
        the        DET    7 det
        plant      NOUN   9 nsubj
        would      AUX    9 aux
        close      VERB   4 ccomp
        .          PUNCT  4 punct
        """,
    )
    assert all(s["source"] != "this month" for s in statements(p)), statements(p)


def test_a_phrase_headed_by_an_adjective_after_a_time_word_can_speak():
    """The limit: "the 43-year-old" holds a time word but is headed by the adjective: a person."""
    p = build(
        "The 43-year-old said the charges were false.",
        """
        The     DET    6 det
        43      NUM    4 nummod
        -       PUNCT  4 punct
        year    NOUN   6 obl:unmarked
        -       PUNCT  4 punct
        old     ADJ    7 nsubj
        said    VERB   0 root
        the     DET    9 det
        charges NOUN  11 nsubj
        were    AUX   11 cop
        false   ADJ    7 ccomp
        .       PUNCT  7 punct
        """,
    )
    [s] = statements(p)
    assert (s["rule"], s["source"]) == ("reported_after", "The 43-year-old")


# ------------------------------------------------------------------- 2. a participle hung on a noun or a parataxis


def test_participle_hung_on_a_noun_takes_the_speaker_of_the_verb_above():
    """site._speaker_of_verb_above: the parser read "saying" as the case marker of "couple";
    climbing from it, the first verb before it is "rejected", whose subject did the saying."""
    p = build(
        "A judge rejected the request of the couple, saying the courts had no business there.",
        """
        A         DET    2 det
        judge     NOUN   3 nsubj
        rejected  VERB   0 root     reject
        the       DET    5 det
        request   NOUN   3 obj
        of        ADP    8 case
        the       DET    8 det
        couple    NOUN   5 nmod
        ,         PUNCT 10 punct
        saying    VERB   8 case
        the       DET   12 det
        courts    NOUN  13 nsubj
        had       VERB  10 ccomp
        no        DET   15 det
        business  NOUN  13 obj
        there     ADV   13 advmod
        .         PUNCT  3 punct
        """,
    )
    [s] = statements(p)
    assert (s["rule"], s["cue"], s["source"]) == ("reported_after", "saying", "A judge")
    assert s["content"] == ["the courts had no business there"]


def test_participle_after_a_verb_inside_a_quotation_takes_none_of_its_subjects():
    """The limit: the parser hung "adding" on the quoted verb "say"; the quotation's subject
    ("It") is content, never the participle's speaker."""
    p = build(
        "“It does say that,” Kim confirmed, adding that nobody knew.",
        """
        “          PUNCT  4 punct
        It         PRON   4 nsubj
        does       AUX    4 aux
        say        VERB   0 root
        that       PRON   4 obj
        ,          PUNCT  4 punct
        ”          PUNCT  4 punct
        Kim        PROPN  9 nsubj   S-PER
        confirmed  VERB   4 parataxis confirm
        ,          PUNCT 11 punct
        adding     VERB   4 advcl
        that       SCONJ 14 mark
        nobody     PRON  14 nsubj
        knew       VERB  11 ccomp   know
        .          PUNCT  4 punct
        """,
    )
    added = [s for s in statements(p) if s["cue"] == "adding"]
    assert added and all(s["source"] != "It" for s in added), statements(p)


def test_participle_continuing_a_cue_is_left_without_a_speaker():
    """The limit: when the verb above the participle is a cue with no object ("said, adding"),
    that cue's statement names the speaker and the participle's is left as before, with none."""
    p = build(
        "“The deal is done,” Mayor Roe said, adding that talks would go on.",
        """
        “          PUNCT  5 punct
        The        DET    3 det
        deal       NOUN   5 nsubj:pass
        is         AUX    5 aux:pass
        done       VERB   0 root    do
        ,          PUNCT  5 punct
        ”          PUNCT  5 punct
        Mayor      PROPN  9 compound
        Roe        PROPN 10 nsubj   S-PER
        said       VERB   5 parataxis
        ,          PUNCT 12 punct
        adding     VERB  10 parataxis add
        that       SCONJ 16 mark
        talks      NOUN  16 nsubj
        would      AUX   16 aux
        go         VERB  12 ccomp
        on         ADP   16 compound:prt
        .          PUNCT  5 punct
        """,
    )
    by_cue = {s["cue"]: s for s in statements(p)}
    assert by_cue["said"]["source"] == "Mayor Roe", statements(p)
    assert by_cue["adding"]["source"] is None, statements(p)


# ------------------------------------------------------------------- 3. a speech act coordinated inside a report


def test_speech_verb_coordinated_under_an_infinitive_of_the_report_is_the_reporters():
    """base.subject_of: the parser hung "suggested" on "close", the infinitive of the reported
    clause ("the city would try to close"); past the infinitive that clause is the report of
    "said", so "suggested" is the officials' act, not the city's."""
    p = build(
        "Officials said the city would try to close the plant and suggested that it would reopen.",
        """
        Officials  NOUN   2 nsubj
        said       VERB   0 root
        the        DET    4 det
        city       NOUN   6 nsubj
        would      AUX    6 aux
        try        VERB   2 ccomp
        to         PART   8 mark
        close      VERB   6 xcomp
        the        DET   10 det
        plant      NOUN   8 obj
        and        CCONJ 12 cc
        suggested  VERB   8 conj     suggest
        that       SCONJ 16 mark
        it         PRON  16 nsubj
        would      AUX   16 aux
        reopen     VERB  12 ccomp
        .          PUNCT  2 punct
        """,
    )
    by_cue = {s["cue"]: s for s in statements(p)}
    assert by_cue["suggested"]["source"] == "Officials", statements(p)
    assert by_cue["suggested"]["rule"] == "reported_after"


def test_speech_verb_coordinated_with_an_infinitive_outside_a_report_keeps_its_subject():
    """The limit: with no report around the infinitive the coordinated verb shares the
    subject of the verb it is coordinated with."""
    p = build(
        "The city tried to close the plant and suggested that it would reopen.",
        """
        The        DET    2 det
        city       NOUN   3 nsubj
        tried      VERB   0 root     try
        to         PART   5 mark
        close      VERB   3 xcomp
        the        DET    7 det
        plant      NOUN   5 obj
        and        CCONJ  9 cc
        suggested  VERB   5 conj     suggest
        that       SCONJ 13 mark
        it         PRON  13 nsubj
        would      AUX   13 aux
        reopen     VERB   9 ccomp
        .          PUNCT  3 punct
        """,
    )
    [s] = statements(p)
    assert (s["cue"], s["source"]) == ("suggested", "The city")


# ------------------------------------------------------------------- 4. a month's name that names a person


def test_month_name_untagged_as_the_subject_of_a_cue_is_a_person():
    """site.month_as_name: "May" with no entity tag, the subject of "said" and followed by a
    lower-case word, is a surname (lexicon.MONTHS_ALSO_NAMES), so it can speak."""
    p = build(
        "May said the talks would go on.",
        """
        May    PROPN  2 nsubj
        said   VERB   0 root
        the    DET    4 det
        talks  NOUN   6 nsubj
        would  AUX    6 aux
        go     VERB   2 ccomp
        on     ADP    6 compound:prt
        .      PUNCT  2 punct
        """,
    )
    [s] = statements(p)
    assert (s["rule"], s["cue"], s["source"]) == ("reported_after", "said", "May")


def test_month_name_before_a_capitalised_word_is_no_speaker():
    """The limit: in a title-case headline "May" before a capitalised word is the modal
    verb the tagger read as a name; it stays a time word, which cannot speak."""
    p = build(
        "Board May Not Say Why",
        """
        Board  PROPN  4 compound
        May    PROPN  4 nsubj
        Not    PART   4 advmod
        Say    VERB   0 root
        Why    ADV    4 advmod
        """,
    )
    d = DocView(p)
    assert not can_speak(d, 1, 2)
    assert can_speak(d, 0, 1)


# ------------------------------------------------------------------- 5. a sentence opening with an untagged name


GREEN_SHORE = """
    Local       ADJ    2 amod
    group       NOUN   0 root
    Green       PROPN  4 compound
    Shore       PROPN  2 appos     S-LOC
    ,           PUNCT  7 punct
    a           DET    7 det
    coalition   NOUN   2 appos
    of          ADP    9 case
    farmers     NOUN   7 nmod
    fighting    VERB   7 acl       fight
    to          PART  12 mark
    stop        VERB  10 xcomp
    the         DET   16 det
    new         ADJ   16 amod
    river       NOUN  16 compound
    dam         NOUN  12 obj
    upstream    ADV   12 advmod
    ,           PUNCT 19 punct
    said        VERB  10 parataxis
    the         DET   21 det
    plan        NOUN  23 nsubj:pass
    was         AUX   23 aux:pass
    rushed      VERB  19 ccomp     rush
    .           PUNCT  2 punct
    """


def test_sentence_opening_name_the_tagger_missed_is_the_speaker_after_its_apposition():
    """site._opening_noun_phrase: "Green Shore" is tagged a place, "said" hangs on the
    apposition's participle with no subject; the capitalised phrase opening the sentence
    before its first comma names the speaker."""
    p = build((
        "Local group Green Shore, a coalition of farmers fighting to stop the new river dam upstream, said the plan "
        "was rushed."
    ), GREEN_SHORE)
    said = [s for s in statements(p) if s["cue"] == "said"]
    assert said and said[0]["source"] == "Local group Green Shore", statements(p)
    assert said[0]["rule"] == "reported_after"
    assert said[0]["content"] == ["the plan was rushed"]


def test_sentence_opening_prepositional_phrase_is_no_speaker():
    """The limit: a phrase opened by a preposition ("In Green Shore,") is circumstance."""
    p = build((
        "In Green Shore, a coalition of farmers fighting to stop the new river dam upstream, said the plan "
        "was rushed."
    ), """
        In          ADP    3 case
        Green       PROPN  3 compound
        Shore       PROPN  9 obl       S-LOC
        ,           PUNCT  9 punct
        a           DET    6 det
        coalition   NOUN   9 nsubj
        of          ADP    8 case
        farmers     NOUN   6 nmod
        fighting    VERB   0 root      fight
        to          PART  11 mark
        stop        VERB   9 xcomp
        the         DET   15 det
        new         ADJ   15 amod
        river       NOUN  15 compound
        dam         NOUN  11 obj
        upstream    ADV   11 advmod
        ,           PUNCT 18 punct
        said        VERB   9 parataxis
        the         DET   20 det
        plan        NOUN  22 nsubj:pass
        was         AUX   22 aux:pass
        rushed      VERB  18 ccomp     rush
        .           PUNCT  9 punct
        """)
    assert all(s["source"] is None or "Shore" not in s["source"] for s in statements(p)), statements(p)
