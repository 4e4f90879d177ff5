"""Speaker resolution across an article (attrib/resolve.py): titles, gender evidence, shared
surnames, a person inside a longer mention, appositions, and the topic a pronoun continues.

Each test names the class of wrong speaker it guards and is built so that the expected
name follows from the documented rule and a different name comes out when that rule
breaks.  Parses are written the way stanza's English EWT model parses the sentence (see
tests/parsebuilder.py).
"""

from __future__ import annotations

from parsebuilder import build, statements

from attrib.attribute import attributions_with_features
from attrib.extract.base import DocView
from attrib.extract.site import can_speak, trim_mention

# --------------------------------------------------------------------------- 11. titles


def test_title_is_not_part_of_the_name():
    """"Justice Anna Weber" (the tagger puts the title inside the entity) is Anna Weber:
    name titles are stripped when people are indexed (lexicon.NAME_TITLES), so the later
    "Weber" resolves to the bare full name, not "Justice Anna Weber"."""
    p = build(
        "Justice Anna Weber ruled on Monday. Weber said the law was clear.",
        """
        Justice  PROPN  2 compound  B-PER
        Anna     PROPN  4 nsubj     I-PER
        Weber    PROPN  2 flat      E-PER
        ruled    VERB   0 root      rule
        on       ADP    6 case
        Monday   PROPN  4 obl
        .        PUNCT  4 punct
        """,
        """
        Weber  PROPN  2 nsubj  S-PER
        said   VERB   0 root
        the    DET    4 det
        law    NOUN   6 nsubj
        was    AUX    6 cop
        clear  ADJ    2 ccomp
        .      PUNCT  2 punct
        """,
    )
    (s,) = statements(p)
    assert (s["source"], s["name"], s["kind"]) == ("Weber", "Anna Weber", "person")


# --------------------------------------------------------------------------- 12. gender from the article

LEE_MET_BAKER = """
    Ms.    PROPN  3 compound
    Grace  PROPN  4 nsubj     B-PER
    Lee    PROPN  2 flat      E-PER
    met    VERB   0 root      meet
    Tom    PROPN  4 obj       B-PER
    Baker  PROPN  5 flat      E-PER
    .      PUNCT  4 punct
"""


def test_she_skips_a_man_for_the_woman_titled_ms():
    """"she" after "Baker said he would resign" is not Baker (the pronoun after his name
    votes m) but Ms. Grace Lee, the latest subject-named person whose gender fits
    (Resolver._person_pronoun)."""
    p = build(
        "Ms. Grace Lee met Tom Baker. Baker said he would resign. Later, she said the board agreed.",
        LEE_MET_BAKER,
        """
        Baker   PROPN  2 nsubj  S-PER
        said    VERB   0 root
        he      PRON   5 nsubj
        would   AUX    5 aux
        resign  VERB   2 ccomp
        .       PUNCT  2 punct
        """,
        """
        Later   ADV    4 advmod
        ,       PUNCT  4 punct
        she     PRON   4 nsubj
        said    VERB   0 root
        the     DET    6 det
        board   NOUN   7 nsubj
        agreed  VERB   4 ccomp  agree
        .       PUNCT  4 punct
        """,
    )
    first, second = statements(p)
    assert (first["source"], first["name"]) == ("Baker", "Tom Baker")
    assert (second["source"], second["name"], second["kind"]) == ("she", "Grace Lee", "person")


def test_ms_title_outweighs_a_following_he():
    """A "Ms." title is evidence (two votes) that the person is a woman: "he" after Lee's
    statement skips her and goes back to Tom Baker, even though the first pronoun after
    "Lee said ..." is that "he" (one vote m).  Without the title vote Lee would count as
    male and be taken."""
    p = build(
        "Tom Baker met Ms. Grace Lee on Monday. Lee said the talks went well. Later, he said the board agreed.",
        """
        Tom     PROPN  3 nsubj     B-PER
        Baker   PROPN  1 flat      E-PER
        met     VERB   0 root      meet
        Ms.     PROPN  5 compound
        Grace   PROPN  3 obj       B-PER
        Lee     PROPN  5 flat      E-PER
        on      ADP    8 case
        Monday  PROPN  3 obl
        .       PUNCT  3 punct
        """,
        """
        Lee    PROPN  2 nsubj  S-PER
        said   VERB   0 root
        the    DET    4 det
        talks  NOUN   5 nsubj  talk
        went   VERB   2 ccomp  go
        well   ADV    5 advmod
        .      PUNCT  2 punct
        """,
        """
        Later   ADV    4 advmod
        ,       PUNCT  4 punct
        he      PRON   4 nsubj
        said    VERB   0 root
        the     DET    6 det
        board   NOUN   7 nsubj
        agreed  VERB   4 ccomp  agree
        .       PUNCT  4 punct
        """,
    )
    first, second = statements(p)
    assert (first["source"], first["name"]) == ("Lee", "Grace Lee")
    assert (second["source"], second["name"]) == ("he", "Tom Baker")


def test_pronoun_after_a_name_votes_its_gender():
    """"Omar Haddad spoke next; he was calm": the first pronoun after a name is evidence of
    that person's gender (Resolver._vote_pronoun), so a later "she" skips Haddad, the latest
    subject, for Ana Costa.  Without the vote Haddad's gender is unknown and he is taken."""
    p = build(
        "Ana Costa opened the meeting. Omar Haddad spoke next; he was calm. Later, she said the plan would pass.",
        """
        Ana      PROPN  3 nsubj  B-PER
        Costa    PROPN  1 flat   E-PER
        opened   VERB   0 root   open
        the      DET    5 det
        meeting  NOUN   3 obj
        .        PUNCT  3 punct
        """,
        """
        Omar    PROPN  3 nsubj      B-PER
        Haddad  PROPN  1 flat       E-PER
        spoke   VERB   0 root       speak
        next    ADV    3 advmod
        ;       PUNCT  8 punct
        he      PRON   8 nsubj
        was     AUX    8 cop
        calm    ADJ    3 parataxis
        .       PUNCT  3 punct
        """,
        """
        Later  ADV    4 advmod
        ,      PUNCT  4 punct
        she    PRON   4 nsubj
        said   VERB   0 root
        the    DET    6 det
        plan   NOUN   8 nsubj
        would  AUX    8 aux
        pass   VERB   4 ccomp
        .      PUNCT  4 punct
        """,
    )
    (s,) = statements(p)
    assert (s["source"], s["name"]) == ("she", "Ana Costa")


# --------------------------------------------------------------------------- 13. shared surnames

SILVA_FOUNDED = """
    Maria    PROPN  3 nsubj  B-PER
    Silva    PROPN  1 flat   E-PER
    founded  VERB   0 root   found
    the      DET    5 det
    bakery   NOUN   3 obj
    .        PUNCT  3 punct
"""
SILVA_SAID = """
    Silva    PROPN  2 nsubj  S-PER
    said     VERB   0 root
    sales    NOUN   5 nsubj  sale
    had      AUX    5 aux
    doubled  VERB/VBN 2 ccomp double
    .        PUNCT  2 punct
"""


def test_shared_surname_is_the_person_named_most_often():
    """Maria Silva and her husband Paul Silva: a later "Silva" is the Silva named most often
    so far (the article's main person, Resolver._match_person), even though Paul was named
    last."""
    p = build(
        "Maria Silva founded the bakery. Maria Silva still bakes every morning. "
        "Her husband, Paul Silva, keeps the books. Silva said sales had doubled.",
        SILVA_FOUNDED,
        """
        Maria    PROPN  4 nsubj   B-PER
        Silva    PROPN  1 flat    E-PER
        still    ADV    4 advmod
        bakes    VERB   0 root    bake
        every    DET    6 det
        morning  NOUN   4 obl:tmod
        .        PUNCT  4 punct
        """,
        """
        Her      PRON   2 nmod:poss
        husband  NOUN   7 nsubj
        ,        PUNCT  4 punct
        Paul     PROPN  2 appos  B-PER
        Silva    PROPN  4 flat   E-PER
        ,        PUNCT  4 punct
        keeps    VERB   0 root   keep
        the      DET    9 det
        books    NOUN   7 obj    book
        .        PUNCT  7 punct
        """,
        SILVA_SAID,
    )
    (s,) = statements(p)
    assert (s["source"], s["name"], s["kind"]) == ("Silva", "Maria Silva", "person")


def test_shared_surname_on_a_tie_is_the_latest():
    """Each Silva named once: the tie goes to the one named latest (Paul)."""
    p = build(
        "Maria Silva founded the bakery. Her husband, Paul Silva, keeps the books. Silva said sales had doubled.",
        SILVA_FOUNDED,
        """
        Her      PRON   2 nmod:poss
        husband  NOUN   7 nsubj
        ,        PUNCT  4 punct
        Paul     PROPN  2 appos  B-PER
        Silva    PROPN  4 flat   E-PER
        ,        PUNCT  4 punct
        keeps    VERB   0 root   keep
        the      DET    9 det
        books    NOUN   7 obj    book
        .        PUNCT  7 punct
        """,
        SILVA_SAID,
    )
    (s,) = statements(p)
    assert s["name"] == "Paul Silva"


# --------------------------------------------------------------------------- 14-16. mentions, appositions

def _okafor_said():
    """Harbour spokesperson Jane Okafor said the ferries were late."""
    return """
    Harbour       PROPN  2 compound  S-ORG
    spokesperson  NOUN   3 compound
    Jane          PROPN  5 nsubj     B-PER
    Okafor        PROPN  3 flat      E-PER
    said          VERB   0 root
    the           DET    7 det
    ferries       NOUN   9 nsubj     ferry
    were          AUX    9 cop
    late          ADJ    5 ccomp
    .             PUNCT  5 punct
    """


def test_person_in_a_mention_wins_over_role_and_organisation():
    """"Harbour spokesperson Jane Okafor": the named person is the speaker, with the title
    as role and organisation (Resolver._person_in), not the organisation named first."""
    p = build("Harbour spokesperson Jane Okafor said the ferries were late.", _okafor_said())
    (s,) = statements(p)
    assert (s["source"], s["name"], s["kind"]) == ("Harbour spokesperson Jane Okafor", "Jane Okafor", "person")
    assert (s["role"], s["organisation"]) == ("spokesperson", "Harbour")


def test_person_inside_a_prepositional_phrase_is_not_the_speaker():
    """"A spokeswoman for Okafor" speaks for Okafor; she is not Okafor: a name after a
    preposition is skipped (Resolver._person_in)."""
    p = build(
        "Harbour spokesperson Jane Okafor said the ferries were late. "
        "A spokeswoman for Okafor said the timetable would change.",
        _okafor_said(),
        """
        A            DET    2 det
        spokeswoman  NOUN   5 nsubj
        for          ADP    4 case
        Okafor       PROPN  2 nmod   S-PER
        said         VERB   0 root
        the          DET    7 det
        timetable    NOUN   9 nsubj
        would        AUX    9 aux
        change       VERB   5 ccomp
        .            PUNCT  5 punct
        """,
    )
    first, second = statements(p)
    assert first["name"] == "Jane Okafor"
    assert second["source"] == "A spokeswoman for Okafor"
    assert second["name"] != "Jane Okafor" and second["kind"] != "person"


def test_name_before_an_apposition_subject_is_the_speaker():
    """"“…,” says Okafor, a spokesperson for the harbour" with the parser making the
    apposition the subject: the name right before it belongs to the speaker mention
    (site._named_apposition), and resolves to the full name given earlier."""
    p = build(
        "Jane Okafor runs the harbour office. “The ferries are late,” says Okafor, a spokesperson for the harbour.",
        """
        Jane     PROPN  3 nsubj  B-PER
        Okafor   PROPN  1 flat   E-PER
        runs     VERB   0 root   run
        the      DET    6 det
        harbour  NOUN   6 compound
        office   NOUN   3 obj
        .        PUNCT  3 punct
        """,
        """
        “             PUNCT   5 punct
        The           DET     3 det
        ferries       NOUN    5 nsubj  ferry
        are           AUX     5 cop
        late          ADJ     0 root
        ,             PUNCT   5 punct
        ”             PUNCT   5 punct
        says          VERB    5 parataxis
        Okafor        PROPN   8 obj    S-PER
        ,             PUNCT  12 punct
        a             DET    12 det
        spokesperson  NOUN    8 nsubj
        for           ADP    15 case
        the           DET    15 det
        harbour       NOUN   12 nmod
        .             PUNCT   5 punct
        """,
    )
    (s,) = statements(p)
    assert s["rule"] == "quote_cue_before"
    assert s["source"].startswith("Okafor")
    assert (s["name"], s["kind"]) == ("Jane Okafor", "person")


def test_sentence_opening_name_with_a_long_apposition_is_the_speaker():
    """"Lena Park, a nurse in Dayton, Ohio, and a union member, said S" with no subject on
    the cue: the person's name that opens the sentence, before an apposition with commas
    of its own, is the speaker (site._sentence_opening_name).  Stepping back from the cue
    alone stops at the comma after "Ohio" and finds no speaker."""
    p = build(
        "Lena Park, a nurse in Dayton, Ohio, and a union member, said the wait was too long.",
        """
        Lena    PROPN   2 compound    B-PER
        Park    PROPN  16 dislocated  E-PER
        ,       PUNCT   5 punct
        a       DET     5 det
        nurse   NOUN    2 appos
        in      ADP     7 case
        Dayton  PROPN   5 nmod        S-LOC
        ,       PUNCT   9 punct
        Ohio    PROPN   7 appos       S-LOC
        ,       PUNCT  14 punct
        and     CCONJ  14 cc
        a       DET    14 det
        union   NOUN   14 compound
        member  NOUN    5 conj
        ,       PUNCT  16 punct
        said    VERB    0 root
        the     DET    18 det
        wait    NOUN   21 nsubj
        was     AUX    21 cop
        too     ADV    21 advmod
        long    ADJ    16 ccomp
        .       PUNCT  16 punct
        """,
    )
    (s,) = statements(p)
    assert (s["rule"], s["content"]) == ("reported_after", ["the wait was too long"])
    assert (s["source"], s["name"], s["kind"]) == ("Lena Park", "Lena Park", "person")


# --------------------------------------------------------------------------- 17. the topic a pronoun continues

TREASURER_HE_SAID = """
    He        PRON   2 nsubj
    said      VERB   0 root
    the       DET    4 det
    budget    NOUN   6 nsubj
    was       AUX    6 aux:pass
    balanced  VERB/VBN 2 ccomp balance
    .         PUNCT  2 punct
"""


def test_pronoun_continues_a_person_named_as_subject_after_the_speaker():
    """Centering: "he" is the latest person named as a subject (Mark Chen, who presented
    the accounts) when that mention is later than the latest speaker (Ana Ruiz)
    (Resolver._person_pronoun, Resolver._subject_at)."""
    p = build(
        "Ana Ruiz said the vote was fair. Mark Chen, the treasurer, presented the accounts. "
        "He said the budget was balanced.",
        """
        Ana   PROPN  3 nsubj  B-PER
        Ruiz  PROPN  1 flat   E-PER
        said  VERB   0 root
        the   DET    5 det
        vote  NOUN   7 nsubj
        was   AUX    7 cop
        fair  ADJ    3 ccomp
        .     PUNCT  3 punct
        """,
        """
        Mark       PROPN  7 nsubj  B-PER
        Chen       PROPN  1 flat   E-PER
        ,          PUNCT  5 punct
        the        DET    5 det
        treasurer  NOUN   1 appos
        ,          PUNCT  1 punct
        presented  VERB   0 root   present
        the        DET    9 det
        accounts   NOUN   7 obj    account
        .          PUNCT  7 punct
        """,
        TREASURER_HE_SAID,
    )
    first, second = statements(p)
    assert first["name"] == "Ana Ruiz"
    assert (second["source"], second["name"]) == ("He", "Mark Chen")


def test_pronoun_continues_the_speaker_over_a_person_named_as_object():
    """A person named after the speaker, but only as an object ("thanked Tom Reed"), is not
    the topic: "he" continues the latest speaker, Paul Ortiz (Resolver._person_pronoun:
    only subject mentions compete with the speaker)."""
    p = build(
        "Paul Ortiz said the vote was fair. The clerk thanked Tom Reed for the count. "
        "He said the results would be posted on Monday.",
        """
        Paul   PROPN  3 nsubj  B-PER
        Ortiz  PROPN  1 flat   E-PER
        said   VERB   0 root
        the    DET    5 det
        vote   NOUN   7 nsubj
        was    AUX    7 cop
        fair   ADJ    3 ccomp
        .      PUNCT  3 punct
        """,
        """
        The      DET    2 det
        clerk    NOUN   3 nsubj
        thanked  VERB   0 root   thank
        Tom      PROPN  3 obj    B-PER
        Reed     PROPN  4 flat   E-PER
        for      ADP    8 case
        the      DET    8 det
        count    NOUN   3 obl
        .        PUNCT  3 punct
        """,
        """
        He       PRON   2 nsubj
        said     VERB   0 root
        the      DET    4 det
        results  NOUN   7 nsubj:pass  result
        would    AUX    7 aux
        be       AUX    7 aux:pass
        posted   VERB/VBN 2 ccomp     post
        on       ADP    9 case
        Monday   PROPN  7 obl
        .        PUNCT  2 punct
        """,
    )
    first, second = statements(p)
    assert first["name"] == "Paul Ortiz"
    assert (second["source"], second["name"]) == ("He", "Paul Ortiz")


def test_pronoun_whose_gender_rules_out_the_speaker_falls_back_to_the_latest_person():
    """When the latest speaker's gender contradicts the pronoun (Ms. Ana Ruiz, "he") and no
    person was named as a subject since, the latest person named at all is taken: Mark
    Chen, heard from as the treasurer."""
    p = build(
        "Ms. Ana Ruiz said the vote was fair. The council then heard from Mark Chen, the treasurer. "
        "He said the budget was balanced.",
        """
        Ms.   PROPN  2 compound
        Ana   PROPN  4 nsubj  B-PER
        Ruiz  PROPN  2 flat   E-PER
        said  VERB   0 root
        the   DET    6 det
        vote  NOUN   8 nsubj
        was   AUX    8 cop
        fair  ADJ    4 ccomp
        .     PUNCT  4 punct
        """,
        """
        The        DET    2 det
        council    NOUN   4 nsubj
        then       ADV    4 advmod
        heard      VERB   0 root   hear
        from       ADP    6 case
        Mark       PROPN  4 obl    B-PER
        Chen       PROPN  6 flat   E-PER
        ,          PUNCT 10 punct
        the        DET   10 det
        treasurer  NOUN   6 appos
        .          PUNCT  4 punct
        """,
        TREASURER_HE_SAID,
    )
    first, second = statements(p)
    assert first["name"] == "Ana Ruiz"
    assert (second["source"], second["name"]) == ("He", "Mark Chen")


def test_a_date_is_never_a_speaker():
    """can_speak: a mis-parsed subject that is a date ("Friday") or a phrase cut in
    mid-construction is no speaker mention, so it can never become a speakers row; the
    statement stays, unattributed."""
    p = build(
        "Friday said the talks had failed.",
        """
        Friday  PROPN  2 nsubj
        said    VERB   0 root   say
        the     DET    4 det
        talks   NOUN   6 nsubj  talk
        had     AUX    6 aux
        failed  VERB   2 ccomp  fail
        .       PUNCT  2 punct
        """,
    )
    (s,) = statements(p)
    assert (s["source"], s["name"], s["content"]) == (None, None, ["the talks had failed"])


def test_a_phrase_cut_before_its_object_is_never_a_speaker():
    d = DocView(build("Many changing their plans to said so.", """
        Many      ADJ    2 nsubj
        changing  VERB   6 csubj  change
        their     PRON   4 nmod:poss
        plans     NOUN   2 obj    plan
        to        ADP    4 case
        said      VERB   0 root   say
        so        ADV    6 advmod
        .         PUNCT  6 punct
    """))
    assert not can_speak(d, 0, 5)
    assert can_speak(d, 0, 1)


def test_pronoun_prefers_a_recent_person_of_the_gender_the_article_gave():
    """_person_pronoun: "she" goes to the recent person the article called Ms., over a more
    recent person of unknown gender (no pronoun follows Chris Moreau's name in its sentence or
    the next, so the article gives no evidence about Chris)."""
    p = build(
        "Ms. Ana Lee said the vote was fair.\nChris Moreau spoke next.\nThe hall was quiet.\n"
        "She said the count would resume.",
        """
        Ms.     PROPN  2 compound  B-PER
        Ana     PROPN  4 nsubj     I-PER
        Lee     PROPN  2 flat      E-PER
        said    VERB   0 root      say
        the     DET    6 det
        vote    NOUN   8 nsubj
        was     AUX    8 cop       be
        fair    ADJ    4 ccomp
        .       PUNCT  4 punct
        """,
        """
        Chris   PROPN  3 nsubj     B-PER
        Moreau  PROPN  1 flat      E-PER
        spoke   VERB   0 root      speak
        next    ADV    3 advmod
        .       PUNCT  3 punct
        """,
        """
        The     DET    2 det
        hall    NOUN   4 nsubj
        was     AUX    4 cop       be
        quiet   ADJ    0 root
        .       PUNCT  4 punct
        """,
        """
        She     PRON   2 nsubj     she
        said    VERB   0 root      say
        the     DET    4 det
        count   NOUN   6 nsubj
        would   AUX    6 aux
        resume  VERB   2 ccomp
        .       PUNCT  2 punct
        """,
    )
    first, second = statements(p)
    assert first["name"] == "Ana Lee"
    assert (second["source"], second["name"]) == ("She", "Ana Lee")


def test_a_pronoun_that_could_be_either_of_two_people_says_so():
    """_rival: "He" follows two people named as subjects, and the article gives neither's
    gender: the latest is taken, marked pronoun_ambiguous so that its confidence is lower."""
    p = build(
        "Sam Ortiz spoke first.\nChris Moreau spoke next.\nThe hall was quiet.\nHe said the plan was fair.",
        """
        Sam     PROPN  3 nsubj  B-PER
        Ortiz   PROPN  1 flat   E-PER
        spoke   VERB   0 root   speak
        first   ADV    3 advmod
        .       PUNCT  3 punct
        """,
        """
        Chris   PROPN  3 nsubj  B-PER
        Moreau  PROPN  1 flat   E-PER
        spoke   VERB   0 root   speak
        next    ADV    3 advmod
        .       PUNCT  3 punct
        """,
        """
        The     DET    2 det
        hall    NOUN   4 nsubj
        was     AUX    4 cop    be
        quiet   ADJ    0 root
        .       PUNCT  4 punct
        """,
        """
        He      PRON   2 nsubj  he
        said    VERB   0 root   say
        the     DET    4 det
        plan    NOUN   6 nsubj
        was     AUX    6 cop    be
        fair    ADJ    2 ccomp
        .       PUNCT  2 punct
        """,
    )
    ((a, feats),) = attributions_with_features(p)
    assert a.source_name == "Chris Moreau"
    assert feats["how=pronoun_ambiguous"] == 1.0


def test_a_surname_given_in_full_only_later_resolves_to_the_full_name():
    """_match_person: "Weber said ..." before "Justice Anna Weber" is named in full: the
    surname is that person, with the full name (a surname never given in full stays a name)."""
    p = build(
        "Weber said the law was clear.\nJustice Anna Weber ruled on Monday.",
        """
        Weber  PROPN  2 nsubj  S-PER
        said   VERB   0 root   say
        the    DET    4 det
        law    NOUN   6 nsubj
        was    AUX    6 cop    be
        clear  ADJ    2 ccomp
        .      PUNCT  2 punct
        """,
        """
        Justice  PROPN  4 nsubj     B-PER
        Anna     PROPN  1 flat      I-PER
        Weber    PROPN  1 flat      E-PER
        ruled    VERB   0 root      rule
        on       ADP    6 case
        Monday   PROPN  4 obl
        .        PUNCT  4 punct
        """,
    )
    (s,) = statements(p)
    assert (s["source"], s["name"], s["kind"]) == ("Weber", "Anna Weber", "person")


def test_a_clause_the_parser_made_the_subject_is_no_speaker_the_name_after_the_cue_is():
    """_speaker / can_speak: in "S, said one aide in the room." the parser may make the clause
    before the comma the subject of "said" and the speaker its object.  A clause ("the plan
    did not go over well") cannot speak, so the short noun phrase after the cue is the
    inverted speaker and the clause is the content."""
    p = build(
        "Lee's plan did not go over well, said one aide in the room.",
        """
        Lee      PROPN   3 nmod:poss  S-PER
        's       PART    1 case
        plan     NOUN   10 nsubj
        did      AUX     6 aux
        not      PART    6 advmod
        go       VERB    3 acl
        over     ADP     8 case
        well     ADJ     6 obl
        ,        PUNCT   3 punct
        said     VERB    0 root
        one      NUM    12 nummod
        aide     NOUN   10 obj
        in       ADP    15 case
        the      DET    15 det
        room     NOUN   12 nmod
        .        PUNCT  10 punct
        """,
    )
    (s,) = statements(p)
    assert (s["rule"], s["source"], s["content"]) == (
        "reported_before", "one aide in the room", ["Lee's plan did not go over well"])


def test_a_clause_is_never_a_speaker_mention():
    """can_speak: a finite verb before any comma, relative pronoun or subordinator makes the
    words a clause ("Kim is the one", "will the editors"), never a speakers row; a name
    with an adjunct ("Kim when asked"), a relative clause ("the man who ran") or an
    apposition ("Kim, who ran") after it is still a mention."""
    d = DocView(build("Kim is the one. Kim when asked ran. The man who ran spoke. Kim, who ran, spoke.", """
        Kim    PROPN  4 nsubj  S-PER
        is     AUX    4 cop
        the    DET    4 det
        one    NOUN   0 root
        .      PUNCT  4 punct
    """, """
        Kim    PROPN  4 nsubj  S-PER
        when   ADV/WRB  3 advmod
        asked  VERB/VBN  1 acl  ask
        ran    VERB   0 root   run
        .      PUNCT  4 punct
    """, """
        The    DET    2 det
        man    NOUN   5 nsubj
        who    PRON   4 nsubj
        ran    VERB   2 acl:relcl  run
        spoke  VERB   0 root   speak
        .      PUNCT  5 punct
    """, """
        Kim    PROPN  6 nsubj  S-PER
        ,      PUNCT  4 punct
        who    PRON   4 nsubj
        ran    VERB   1 acl:relcl  run
        ,      PUNCT  4 punct
        spoke  VERB   0 root   speak
        .      PUNCT  6 punct
    """))
    assert not can_speak(d, 0, 4)     # Kim is the one
    assert can_speak(d, 5, 8)         # Kim when asked
    assert can_speak(d, 10, 14)       # The man who ran
    assert can_speak(d, 16, 20)       # Kim, who ran


def test_a_relative_pronoun_ending_a_mention_is_left_out_and_an_infinitive_is_no_speaker():
    """trim_mention / can_speak: "voters who said" names the voters, so the speaker is the
    antecedent without "who"; "many of whom" says who and stays whole; words opening with
    an infinitive ("to comment and ...") are what someone did, not who spoke."""
    d = DocView(build("Voters who spoke. Many of whom spoke. To comment and aides spoke.", """
        Voters  NOUN   3 nsubj  voter
        who     PRON   3 nsubj
        spoke   VERB   0 root   speak
        .       PUNCT  3 punct
    """, """
        Many    ADJ    4 nsubj
        of      ADP    3 case
        whom    PRON   1 nmod
        spoke   VERB   0 root   speak
        .       PUNCT  4 punct
    """, """
        To       PART   2 mark
        comment  VERB   5 csubj
        and      CCONJ  4 cc
        aides    NOUN   2 conj  aide
        spoke    VERB   0 root  speak
        .        PUNCT  5 punct
    """))
    assert trim_mention(d, 0, 2) == (0, 1)
    assert trim_mention(d, 4, 7) == (4, 7)
    assert not can_speak(d, 9, 13)
    assert can_speak(d, 12, 13)


def test_a_noun_phrase_right_before_the_cue_is_its_subject_not_an_inverted_speaker():
    """_speaker: the parser may make the object of a cue its subject ("the Democrats stressed
    the need for calm", with "need" as subject and "Democrats" hung on the clause before).
    An inverted speaker follows a comma or a quotation ("…,” said X), so a noun right before
    the verb keeps the subject there: "the need for calm" never becomes a speaker, and with
    no clause, quotation or speech noun as its content the sentence reports nothing."""
    p = build(
        "As the rivals quarrelled, the Democrats stressed the need for calm.",
        """
        As          SCONJ   4 mark
        the         DET     3 det
        rivals      NOUN    4 nsubj  rival
        quarrelled  VERB    8 advcl  quarrel
        ,           PUNCT   4 punct
        the         DET     7 det
        Democrats   PROPN   4 obj    S-ORG
        stressed    VERB    0 root   stress
        the         DET    10 det
        need        NOUN    8 nsubj
        for         ADP    12 case
        calm        NOUN   10 nmod
        .           PUNCT   8 punct
        """,
    )
    assert statements(p) == []


def test_a_participle_after_a_comma_is_the_next_act_of_the_speaker_before_it():
    """floating.next_acts: in "“…,” Ana Roe said in a statement, adding that S" the parser may
    give "said" no subject of its own (Roe hung on a word inside the quotation), so "adding"
    reaches no speaker; it is Roe's next act and takes her name, with no speaker mention of
    its own (as a floating quote has none)."""
    p = build(
        "“We will appeal,” Ana Roe said in a statement, adding that the ruling was wrong.",
        """
        “          PUNCT   4 punct
        We         PRON    4 nsubj
        will       AUX     4 aux
        appeal     VERB    0 root
        ,          PUNCT   4 punct
        ”          PUNCT   4 punct
        Ana        PROPN   4 obj      B-PER
        Roe        PROPN   7 flat     E-PER
        said       VERB    4 parataxis
        in         ADP    12 case
        a          DET    12 det
        statement  NOUN    9 obl
        ,          PUNCT  14 punct
        adding     VERB    9 advcl    add
        that       SCONJ  19 mark
        the        DET    17 det
        ruling     NOUN   19 nsubj
        was        AUX    19 cop
        wrong      ADJ    14 ccomp
        .          PUNCT   4 punct
        """,
    )
    quote, act = statements(p)
    assert (quote["rule"], quote["source"], quote["name"]) == ("quote_cue_before", "Ana Roe", "Ana Roe")
    assert (act["rule"], act["cue"], act["content"]) == ("reported_after", "adding", ["the ruling was wrong"])
    assert (act["source"], act["name"]) == (None, "Ana Roe")


def test_a_participle_is_not_the_next_act_of_a_speaker_inside_a_relative_clause():
    """floating.next_acts: in "The firm refused to pay a builder who said he was owed, saying
    the work was poor" the one saying it is the firm, not the builder of the relative clause.
    Where the parser hangs "saying" on "refused", the firm is reached through the parse
    (site._speaker_of_verb_above); where it makes "saying" the root, nothing is, and the
    statement stays unattributed rather than going to the builder."""
    rows = """
        The      DET     2 det
        firm     NOUN    3 nsubj
        refused  VERB    {refused} refuse
        to       PART    5 mark
        pay      VERB    3 xcomp
        a        DET     7 det
        builder  NOUN    5 obj
        who      PRON    9 nsubj
        said     VERB    7 acl:relcl
        he       PRON   12 nsubj:pass
        was      AUX    12 aux:pass
        owed     VERB    9 ccomp   owe
        ,        PUNCT  14 punct
        saying   VERB    {saying} say
        the      DET    16 det
        work     NOUN   19 nsubj
        was      AUX    19 cop
        poor     ADJ    14 ccomp
        .        PUNCT   {stop} punct
        """
    text = "The firm refused to pay a builder who said he was owed, saying the work was poor."
    hung = build(text, rows.format(refused="0 root", saying="3 parataxis", stop=3))
    (act,) = [s for s in statements(hung) if s["cue"] == "saying"]
    assert (act["rule"], act["content"], act["source"]) == ("reported_after", ["the work was poor"], "The firm")
    rooted = build(text, rows.format(refused="14 parataxis", saying="0 root", stop=14))
    (act,) = [s for s in statements(rooted) if s["cue"] == "saying"]
    assert (act["rule"], act["content"], act["name"]) == ("reported_after", ["the work was poor"], None)


def test_the_text_before_a_comma_is_no_content_when_a_clause_stands_between_it_and_the_mention():
    """site._left_part: "S, X said" takes S as content when only the speaker (or a connective)
    stands between the comma and the cue.  In "The rivals quarrelled, the Democrats stressed
    the need that would emphasize calm" the relative clause's cue reaches "the need", and the
    comma before it closes "the Democrats stressed": "The rivals quarrelled" is not what the
    need emphasized."""
    p = build(
        "The rivals quarrelled, the Democrats stressed the need that would emphasize calm.",
        """
        The        DET     2 det
        rivals     NOUN    3 nsubj   rival
        quarrelled VERB    7 advcl   quarrel
        ,          PUNCT   3 punct
        the        DET     6 det
        Democrats  PROPN   7 nsubj   S-ORG
        stressed   VERB    0 root    stress
        the        DET     9 det
        need       NOUN    7 obj
        that       PRON   12 nsubj
        would      AUX    12 aux
        emphasize  VERB    9 acl:relcl
        calm       NOUN   12 obj
        .          PUNCT   7 punct
        """,
    )
    assert [s for s in statements(p) if s["source"] == "the need"] == []


def test_a_cue_joined_to_the_clause_before_it_with_a_noun_phrase_after_is_inverted():
    """_speaker: in "The ceasefire is holding, said three diplomats briefed on the talks." the
    parser may join "said" to "holding" and reach that verb's subject; a finite cue after the
    comma closing that clause, followed by nothing but a noun phrase, is an inverted cue: the
    diplomats are the speaker and the clause before the comma is what they said."""
    p = build(
        "The ceasefire is holding, said three diplomats briefed on the talks.",
        """
        The          DET/DT         2 det          the
        ceasefire    NOUN/NN        4 nsubj        ceasefire
        is           AUX/VBZ        4 aux          be
        holding      VERB/VBG       0 root         hold
        ,            PUNCT/,        4 punct        ,
        said         VERB/VBD       4 conj         say
        three        NUM/CD         8 nummod       three
        diplomats    NOUN/NNS       6 obj          diplomat
        briefed      VERB/VBN       8 acl          brief
        on           ADP/IN        12 case         on
        the          DET/DT        12 det          the
        talks        NOUN/NNS       9 obl          talk
        .            PUNCT/.        6 punct        .
        """,
    )
    (s,) = statements(p)
    assert (s["rule"], s["source"], s["content"]) == (
        "reported_before", "three diplomats briefed on the talks", ["The ceasefire is holding"])


def test_an_event_is_never_a_speaker():
    """can_speak: an event ("the debate", "Wednesday's debate", "the storm") cannot speak, as
    issue 9 says of a speaker; a body named after one ("the debate commission") can."""
    d = DocView(build("Wednesday's debate said so. The debate commission said so.", """
        Wednesday  PROPN  3 nmod:poss
        's         PART   1 case
        debate     NOUN   4 nsubj
        said       VERB   0 root   say
        so         ADV    4 advmod
        .          PUNCT  4 punct
    """, """
        The         DET    3 det
        debate      NOUN   3 compound
        commission  NOUN   4 nsubj
        said        VERB   0 root   say
        so          ADV    4 advmod
        .           PUNCT  4 punct
    """))
    assert not can_speak(d, 0, 3)
    assert not can_speak(d, 2, 3)
    assert can_speak(d, 6, 9)


def test_according_to_or_quoted_by_an_organisation_around_a_statement_relays_it():
    """Resolver.relay_of: "According to state media, President Lukin said S" and "The minister,
    quoted by the Tass news agency, said S" are Lukin's and the minister's words, relayed by
    the outlet (reported_by); the tagger reading "state" as a verb does not hide the outlet."""
    p = build(
        "According to state media, President Lukin said the army was ready. "
        "The minister, quoted by the Tass news agency, said the pipeline was safe.",
        """
        According    VERB/VBG       8 advcl        accord
        to           PART/TO        3 mark         to
        state        VERB/VB        8 advcl        state
        media        NOUN/NN        3 obj          media
        ,            PUNCT/,        3 punct        ,
        President    PROPN/NNP      7 nmod:desc    President
        Lukin        PROPN/NNP      8 nsubj        Lukin S-PER
        said         VERB/VBD       0 root         say
        the          DET/DT        10 det          the
        army         NOUN/NN       12 nsubj        army
        was          AUX/VBD       12 cop          be
        ready        ADJ/JJ         8 ccomp        ready
        .            PUNCT/.        8 punct        .
        """,
        """
        The          DET/DT         2 det          the
        minister     NOUN/NN       11 nsubj        minister
        ,            PUNCT/,        2 punct        ,
        quoted       VERB/VBN      11 ccomp        quote
        by           ADP/IN         9 case         by
        the          DET/DT         9 det          the
        Tass         PROPN/NNP      8 compound     Tass S-ORG
        news         NOUN/NN        9 compound     news
        agency       NOUN/NN        4 obl          agency
        ,            PUNCT/,        2 punct        ,
        said         VERB/VBD       0 root         say
        the          DET/DT        13 det          the
        pipeline     NOUN/NN       15 nsubj        pipeline
        was          AUX/VBD       15 cop          be
        safe         ADJ/JJ        11 ccomp        safe
        .            PUNCT/.       11 punct        .
        """,
    )
    lukin, minister = statements(p)
    assert (lukin["name"], lukin["reported_by"]) == ("Lukin", "state media")
    assert (minister["source"], minister["reported_by"]) == ("The minister", "Tass news agency")


def test_according_to_is_no_relay_of_its_own_statement():
    """Resolver.relay_of: "According to police, S" is police's own statement, not one police
    relayed (the marker is the statement's cue)."""
    p = build("According to police, the suspect fled.", """
        According  VERB/VBG   7 advcl  accord
        to         ADP/IN     3 case
        police     NOUN/NNS   1 obl    police
        ,          PUNCT/,    1 punct
        the        DET/DT     6 det
        suspect    NOUN/NN    7 nsubj
        fled       VERB/VBD   0 root   flee
        .          PUNCT/.    7 punct
    """)
    (s,) = statements(p)
    assert (s["rule"], s["source"], s["reported_by"]) == ("according_to", "police", None)


def test_a_pronoun_after_two_coordinated_subjects_says_it_could_be_either():
    """_rival: "Anna Berg and Sofia Lind spoke at the rally. She said S": either of two
    coordinated subjects of unknown gender is as likely, so the one taken is marked
    pronoun_ambiguous (a lower confidence) instead of guessed silently."""
    p = build(
        "Anna Berg and Sofia Lind spoke at the rally. She said the fight was not over.",
        """
        Anna    PROPN  6 nsubj  B-PER
        Berg    PROPN  1 flat   E-PER
        and     CCONJ  4 cc
        Sofia   PROPN  1 conj   B-PER
        Lind    PROPN  4 flat   E-PER
        spoke   VERB   0 root   speak
        at      ADP    9 case
        the     DET    9 det
        rally   NOUN   6 obl
        .       PUNCT  6 punct
        """,
        """
        She     PRON   2 nsubj  she
        said    VERB   0 root   say
        the     DET    4 det
        fight   NOUN   7 nsubj
        was     AUX    7 cop    be
        not     PART   7 advmod
        over    ADV    2 ccomp
        .       PUNCT  2 punct
        """,
    )
    ((a, feats),) = attributions_with_features(p)
    assert a.source_name in ("Anna Berg", "Sofia Lind")
    assert feats["how=pronoun_ambiguous"] == 1.0


def test_an_anonymous_speaker_before_its_relative_clause_is_found_through_a_misparse():
    """_before_relative: in "A senior official who asked not to be named said S" the parser may
    hang "said" inside the relative clause (a participle of "named"); the noun phrase before
    "who" is the speaker, and the anonymity formula is no part of it."""
    p = build("A senior official who asked not to be named said the deal was close.", """
        A            DET/DT         3 det          a
        senior       NOUN/NN        3 compound     senior
        official     NOUN/NN        0 root         official
        who          PRON/WP        5 nsubj        who
        asked        VERB/VBD       3 acl:relcl    ask
        not          PART/RB        9 advmod       not
        to           PART/TO        9 mark         to
        be           AUX/VB         9 aux:pass     be
        named        VERB/VBN       3 acl          name
        said         VERB/VBN       9 xcomp        say
        the          DET/DT        12 det          the
        deal         NOUN/NN       14 nsubj        deal
        was          AUX/VBD       14 cop          be
        close        ADJ/JJ         9 xcomp        close
        .            PUNCT/.        3 punct        .
    """)
    (s,) = statements(p)
    assert (s["rule"], s["source"], s["content"]) == ("reported_after", "A senior official", ["the deal was close"])
