"""Speaker resolution on hand-built parses (no stanza models): pronouns, surnames, "the
ministry", titles and appositions, anonymous and group speakers; and the pure helpers
``split_title`` and ``org_name``.
"""

from __future__ import annotations

import pytest
from parsebuilder import build, statements

from attrib.extract.base import DocView, party_tag_start
from attrib.resolve import org_name, split_title
from attrib.types import ParsedArticle


def one(p: ParsedArticle) -> dict:
    """The only statement in ``p``."""
    found = statements(p)
    assert len(found) == 1, found
    return found[0]


def speaker(s: dict) -> tuple:
    return s["name"], s["kind"], s["role"], s["organisation"]


ALLIANCE_STRONG = """
    {subject}  {tag}  2 nsubj  {ner}
    said       VERB   0 root
    the        DET    4 det
    alliance   NOUN   6 nsubj
    was        AUX    6 cop
    strong     ADJ    2 ccomp
    .          PUNCT  2 punct
"""
CAMPBELL_ARRIVED = """
    Kurt      PROPN  3 nsubj  B-PER
    Campbell  PROPN  1 flat   E-PER
    arrived   VERB   0 root   arrive
    in        ADP    5 case
    Seoul     PROPN  3 obl    S-LOC
    on        ADP    7 case
    Monday    PROPN  3 obl
    .         PUNCT  3 punct
"""


# --------------------------------------------------------------------------- pronouns, surnames


def test_he_is_the_previous_person():
    p = build("Kurt Campbell arrived in Seoul on Monday. He said the alliance was strong.",
              CAMPBELL_ARRIVED, ALLIANCE_STRONG.format(subject="He", tag="PRON", ner=""))
    s = one(p)
    assert (s["source"], s["content"]) == ("He", ["the alliance was strong"])
    assert speaker(s) == ("Kurt Campbell", "person", None, None)


def test_she_is_the_previous_person():
    p = build(
        "Avril Haines testified on Tuesday. She said the threat was growing.",
        """
        Avril      PROPN  3 nsubj  B-PER
        Haines     PROPN  1 flat   E-PER
        testified  VERB   0 root   testify
        on         ADP    5 case
        Tuesday    PROPN  3 obl
        .          PUNCT  3 punct
        """,
        """
        She      PRON   2 nsubj
        said     VERB   0 root
        the      DET    4 det
        threat   NOUN   6 nsubj
        was      AUX    6 aux
        growing  VERB   2 ccomp  grow
        .        PUNCT  2 punct
        """,
    )
    s = one(p)
    assert s["source"] == "She"
    assert (s["name"], s["kind"]) == ("Avril Haines", "person")


def test_he_after_a_statement_is_its_speaker_with_role():
    p = build(
        "Kremlin spokesman Dmitry Peskov said the talks were useful. He added that they would continue.",
        """
        Kremlin    PROPN  2 compound  S-ORG
        spokesman  NOUN   3 compound
        Dmitry     PROPN  5 nsubj     B-PER
        Peskov     PROPN  3 flat      E-PER
        said       VERB   0 root
        the        DET    7 det
        talks      NOUN   9 nsubj     talk
        were       AUX    9 cop
        useful     ADJ    5 ccomp
        .          PUNCT  5 punct
        """,
        """
        He        PRON   2 nsubj
        added     VERB   0 root
        that      SCONJ  6 mark
        they      PRON   6 nsubj
        would     AUX    6 aux
        continue  VERB   2 ccomp
        .         PUNCT  2 punct
        """,
    )
    first, added = statements(p)
    assert added["content"] == ["they would continue"] and added["source"] == "He"
    assert speaker(added) == speaker(first) == ("Dmitry Peskov", "person", "spokesman", "Kremlin")


def test_it_is_the_country_that_was_subject():
    p = build(
        "China held a memorial ceremony on Friday. It said the massacre must not be forgotten.",
        """
        China     PROPN  2 nsubj  S-LOC
        held      VERB   0 root   hold
        a         DET    5 det
        memorial  ADJ    5 amod
        ceremony  NOUN   2 obj
        on        ADP    7 case
        Friday    PROPN  2 obl
        .         PUNCT  2 punct
        """,
        """
        It         PRON      2 nsubj
        said       VERB      0 root
        the        DET       4 det
        massacre   NOUN      8 nsubj:pass
        must       AUX       8 aux
        not        PART      8 advmod
        be         AUX       8 aux:pass
        forgotten  VERB/VBN  2 ccomp  forget
        .          PUNCT     2 punct
        """,
    )
    s = one(p)
    assert (s["source"], s["content"]) == ("It", ["the massacre must not be forgotten"])
    assert speaker(s) == ("China", "organisation", None, "Chinese government")


def test_surname_is_the_full_name_given_earlier():
    p = build("Kurt Campbell arrived in Seoul on Monday. Campbell said the alliance was strong.",
              CAMPBELL_ARRIVED, ALLIANCE_STRONG.format(subject="Campbell", tag="PROPN", ner="S-PER"))
    s = one(p)
    assert s["source"] == "Campbell"
    assert (s["name"], s["kind"]) == ("Kurt Campbell", "person")


def test_surname_takes_the_role_given_with_the_full_name():
    p = build(
        "US Deputy Secretary of State Kurt Campbell arrived on Monday. Campbell said the alliance was strong.",
        """
        US         PROPN  3 compound  S-LOC
        Deputy     PROPN  3 compound
        Secretary  PROPN  6 compound
        of         ADP    5 case
        State      PROPN  3 nmod
        Kurt       PROPN  8 nsubj     B-PER
        Campbell   PROPN  6 flat      E-PER
        arrived    VERB   0 root      arrive
        on         ADP   10 case
        Monday     PROPN  8 obl
        .          PUNCT  8 punct
        """,
        ALLIANCE_STRONG.format(subject="Campbell", tag="PROPN", ner="S-PER"),
    )
    s = one(p)
    assert speaker(s) == ("Kurt Campbell", "person", "Deputy Secretary of State", "US Department of State")


def test_the_ministry_is_the_ministry_named_earlier():
    p = build(
        "The Russian Foreign Ministry summoned the ambassador on Monday. The ministry said the drills were dangerous.",
        """
        The         DET    4 det
        Russian     ADJ    4 amod      S-MISC
        Foreign     PROPN  4 compound  B-ORG
        Ministry    PROPN  5 nsubj     E-ORG
        summoned    VERB   0 root      summon
        the         DET    7 det
        ambassador  NOUN   5 obj
        on          ADP    9 case
        Monday      PROPN  5 obl
        .           PUNCT  5 punct
        """,
        """
        The        DET    2 det
        ministry   NOUN   3 nsubj
        said       VERB   0 root
        the        DET    5 det
        drills     NOUN   7 nsubj  drill
        were       AUX    7 cop
        dangerous  ADJ    3 ccomp
        .          PUNCT  3 punct
        """,
    )
    s = one(p)
    assert s["source"] == "The ministry"
    assert speaker(s) == ("Russian Foreign Ministry", "organisation", None, "Russian Foreign Ministry")


# --------------------------------------------------------------------------- titles, appositions


def test_title_before_the_name_gives_role_and_organisation():
    p = build(
        "Kremlin spokesman Dmitry Peskov said the talks were useful.",
        """
        Kremlin    PROPN  2 compound  S-ORG
        spokesman  NOUN   3 compound
        Dmitry     PROPN  5 nsubj     B-PER
        Peskov     PROPN  3 flat      E-PER
        said       VERB   0 root
        the        DET    7 det
        talks      NOUN   9 nsubj     talk
        were       AUX    9 cop
        useful     ADJ    5 ccomp
        .          PUNCT  5 punct
        """,
    )
    s = one(p)
    assert s["source"] == "Kremlin spokesman Dmitry Peskov"
    assert speaker(s) == ("Dmitry Peskov", "person", "spokesman", "Kremlin")


def test_minister_of_title_gives_the_ministry_and_a_hyphenated_name():
    # the tokenizer splits "Hong-kyun" and NER ends the name at "Hong" (the offline model's habits)
    p = build(
        "South Korean Vice Minister of Foreign Affairs Kim Hong-kyun said the visit was regrettable.",
        """
        South        PROPN       2 compound  B-MISC
        Korean       ADJ         4 amod      E-MISC
        Vice         PROPN       4 compound
        Minister     PROPN       8 compound
        of           ADP         7 case
        Foreign      PROPN       7 compound
        Affairs      PROPN       4 nmod
        Kim          PROPN      12 nsubj     B-PER
        Hong         PROPN       8 flat      E-PER
        -            PUNCT/HYPH 11 punct
        kyun         PROPN       8 flat
        said         VERB        0 root
        the          DET        14 det
        visit        NOUN       16 nsubj
        was          AUX        16 cop
        regrettable  ADJ        12 ccomp
        .            PUNCT      12 punct
        """,
    )
    s = one(p)
    assert s["source"] == "South Korean Vice Minister of Foreign Affairs Kim Hong-kyun"
    assert s["content"] == ["the visit was regrettable"]
    assert speaker(s) == ("Kim Hong-kyun", "person", "Vice Minister of Foreign Affairs",
                          "South Korean Ministry of Foreign Affairs")


def test_head_of_government_speaks_for_the_government():
    p = build(
        "Japanese Prime Minister Sanae Takaichi said the attack could trigger a response.",
        """
        Japanese  ADJ    3 amod      S-MISC
        Prime     PROPN  3 compound
        Minister  PROPN  4 compound
        Sanae     PROPN  6 nsubj     B-PER
        Takaichi  PROPN  4 flat      E-PER
        said      VERB   0 root
        the       DET    8 det
        attack    NOUN  10 nsubj
        could     AUX   10 aux
        trigger   VERB   6 ccomp
        a         DET   12 det
        response  NOUN  10 obj
        .         PUNCT  6 punct
        """,
    )
    s = one(p)
    assert s["source"] == "Japanese Prime Minister Sanae Takaichi"
    assert speaker(s) == ("Sanae Takaichi", "person", "Prime Minister", "Japanese government")


def test_apposition_gives_role_and_organisation():
    p = build(
        "Colin Zwirko, a senior analytical correspondent with NK Pro, said the regime was nervous.",
        """
        Colin          PROPN 12 nsubj     B-PER
        Zwirko         PROPN  1 flat      E-PER
        ,              PUNCT  7 punct
        a              DET    7 det
        senior         ADJ    7 amod
        analytical     ADJ    7 amod
        correspondent  NOUN   1 appos
        with           ADP   10 case
        NK             PROPN 10 compound  B-ORG
        Pro            PROPN  7 nmod      E-ORG
        ,              PUNCT  7 punct
        said           VERB   0 root
        the            DET   14 det
        regime         NOUN  16 nsubj
        was            AUX   16 cop
        nervous        ADJ   12 ccomp
        .              PUNCT 12 punct
        """,
    )
    s = one(p)
    assert s["source"] == "Colin Zwirko, a senior analytical correspondent with NK Pro"
    assert s["content"] == ["the regime was nervous"]
    assert speaker(s) == ("Colin Zwirko", "person", "senior analytical correspondent", "NK Pro")


# --------------------------------------------------------------------------- anonymous, groups


def test_anonymous_official_keeps_the_description():
    p = build(
        "A senior official at Seoul’s presidential office said the launch was a provocation.",
        """
        A             DET    3 det
        senior        ADJ    3 amod
        official      NOUN   9 nsubj
        at            ADP    8 case
        Seoul         PROPN  8 nmod:poss  S-LOC
        ’s            PART   5 case
        presidential  ADJ    8 amod
        office        NOUN   3 nmod
        said          VERB   0 root
        the           DET   11 det
        launch        NOUN  14 nsubj
        was           AUX   14 cop
        a             DET   14 det
        provocation   NOUN   9 ccomp
        .             PUNCT  9 punct
        """,
    )
    s = one(p)
    assert s["source"] == "A senior official at Seoul’s presidential office"
    assert s["content"] == ["the launch was a provocation"]
    assert speaker(s) == ("A senior official at Seoul’s presidential office", "anonymous", None,
                          "South Korean presidential office")


def test_anonymous_official_never_takes_a_persons_name():
    # a person named before must not be guessed as the unnamed official
    p = build(
        "Kurt Campbell arrived in Seoul on Monday. A senior official said the alliance was strong.",
        CAMPBELL_ARRIVED,
        """
        A         DET    3 det
        senior    ADJ    3 amod
        official  NOUN   4 nsubj
        said      VERB   0 root
        the       DET    6 det
        alliance  NOUN   8 nsubj
        was       AUX    8 cop
        strong    ADJ    4 ccomp
        .         PUNCT  4 punct
        """,
    )
    s = one(p)
    assert speaker(s) == ("A senior official", "anonymous", None, None)


def test_officials_in_several_capitals_are_a_group():
    p = build(
        "Officials in Washington, Seoul and Kyiv said the missiles were used in Ukraine.",
        """
        Officials   NOUN      8 nsubj  official
        in          ADP       3 case
        Washington  PROPN     1 nmod   S-LOC
        ,           PUNCT     5 punct
        Seoul       PROPN     3 conj   S-LOC
        and         CCONJ     7 cc
        Kyiv        PROPN     3 conj   S-LOC
        said        VERB      0 root
        the         DET      10 det
        missiles    NOUN     12 nsubj:pass  missile
        were        AUX      12 aux:pass
        used        VERB/VBN  8 ccomp  use
        in          ADP      14 case
        Ukraine     PROPN    12 obl    S-LOC
        .           PUNCT     8 punct
        """,
    )
    s = one(p)
    assert s["source"] == "Officials in Washington, Seoul and Kyiv"
    assert s["content"] == ["the missiles were used in Ukraine"]
    assert speaker(s) == ("Officials in Washington, Seoul and Kyiv", "group", None, None)


def test_two_countries_are_a_group():
    p = build(
        "North Korea and Russia have denied that the deals exist.",
        """
        North   PROPN     2 compound  B-LOC
        Korea   PROPN     6 nsubj     E-LOC
        and     CCONJ     4 cc
        Russia  PROPN     2 conj      S-LOC
        have    AUX       6 aux
        denied  VERB/VBN  0 root      deny
        that    SCONJ    10 mark
        the     DET       9 det
        deals   NOUN     10 nsubj     deal
        exist   VERB      6 ccomp
        .       PUNCT     6 punct
        """,
    )
    s = one(p)
    assert (s["source"], s["cue"], s["content"]) == ("North Korea and Russia", "have denied", ["the deals exist"])
    assert speaker(s) == ("North Korea and Russia", "group", None, None)


def test_country_possessor_becomes_the_nationality_in_a_speaker_name():
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
    assert (s["name"], s["kind"], s["organisation"]) == (
        "South Korean military", "organisation", "South Korean military")


# --------------------------------------------------------------------------- split_title


@pytest.mark.parametrize("title, role, organisation", [
    ("Kremlin spokesman", "spokesman", "Kremlin"),
    ("South Korean Vice Minister of Foreign Affairs", "Vice Minister of Foreign Affairs",
     "South Korean Ministry of Foreign Affairs"),
    ("Japanese Prime Minister", "Prime Minister", "Japanese government"),
    ("Brazilian President", "President", "Brazilian government"),
    ("North Korean leader", "leader", "North Korea"),
    ("US Deputy Secretary of State", "Deputy Secretary of State", "US Department of State"),
    ("US Director of National Intelligence", "Director of National Intelligence",
     "US Office of the Director of National Intelligence"),
    ("President", "President", None),
    ("Foreign Minister", "Foreign Minister", None),
])
def test_split_title(title, role, organisation):
    assert split_title(title.split()) == (role, organisation)


@pytest.mark.parametrize("title", ["", "Echoing", "The Burmese", "Monday"])
def test_split_title_without_a_role_word(title):
    assert split_title(title.split()) == (None, None)


# --------------------------------------------------------------------------- org_name


def np_view(text: str, table: str) -> DocView:
    return DocView(build(text, table))


@pytest.mark.parametrize("text, table, expected", [
    ("Russia’s Vedomosti newspaper", """
        Russia     PROPN  4 nmod:poss  S-LOC
        ’s         PART   1 case
        Vedomosti  PROPN  4 compound   S-ORG
        newspaper  NOUN   0 root
     """, "Vedomosti"),
    ("state media KCNA", """
        state  NOUN   2 compound
        media  NOUN   3 compound
        KCNA   PROPN  0 root  S-ORG
     """, "KCNA"),
    ("Seoul’s presidential office", """
        Seoul         PROPN  4 nmod:poss  S-LOC
        ’s            PART   1 case
        presidential  ADJ    4 amod
        office        NOUN   0 root
     """, "South Korean presidential office"),
    ("the Foreign Ministry", """
        the       DET    3 det
        Foreign   PROPN  3 compound  B-ORG
        Ministry  PROPN  0 root      E-ORG
     """, "Foreign Ministry"),
    ("The Burmese junta", """
        The      DET    3 det
        Burmese  ADJ    3 amod  S-MISC
        junta    NOUN   0 root
     """, "Burmese junta"),
    pytest.param("South Korea’s military", """
        South     PROPN  2 compound   B-LOC
        Korea     PROPN  4 nmod:poss  E-LOC
        ’s        PART   2 case
        military  NOUN   0 root
     """, "South Korean military"),
], ids=["possessor-and-generic-head", "descriptor", "capital-possessor", "determiner", "nationality",
        "country-possessor"])
def test_org_name(text, table, expected):
    d = np_view(text, table)
    assert org_name(d, 0, len(d.toks)) == expected


# --------------------------------------------------------------------------- names the tagger missed


def test_title_then_capitalised_name_is_a_person_even_when_tagged_as_an_organisation():
    # the offline tagger labels "CEO Sundar Pichai" ORG; the title word before a
    # capitalised name makes it a person, and the title gives role and organisation
    p = build(
        "Google CEO Sundar Pichai said the company would grow. Pichai said the plan was ready.",
        """
        Google   PROPN  2 compound
        CEO      PROPN  4 compound B-ORG
        Sundar   PROPN  4 compound I-ORG
        Pichai   PROPN  5 nsubj    E-ORG
        said     VERB   0 root
        the      DET    7 det
        company  NOUN   9 nsubj
        would    AUX    9 aux
        grow     VERB   5 ccomp
        .        PUNCT  5 punct
        """,
        """
        Pichai  PROPN  2 nsubj  S-PER
        said    VERB   0 root
        the     DET    4 det
        plan    NOUN   6 nsubj
        was     AUX    6 cop
        ready   ADJ    2 ccomp
        .       PUNCT  2 punct
        """,
    )
    first, second = statements(p)
    assert speaker(first) == ("Sundar Pichai", "person", "CEO", "Google")
    # the surname later refers back to the full name found through the title
    assert speaker(second) == ("Sundar Pichai", "person", "CEO", "Google")


def test_the_title_alone_is_the_latest_person_with_that_title():
    p = build(
        "Senator Maria Lopez arrived in Seoul on Monday. The senator said the alliance was strong.",
        """
        Senator  PROPN  3 compound
        Maria    PROPN  4 nsubj    B-PER
        Lopez    PROPN  2 flat     E-PER
        arrived  VERB   0 root     arrive
        in       ADP    6 case
        Seoul    PROPN  4 obl      S-LOC
        on       ADP    8 case
        Monday   PROPN  4 obl
        .        PUNCT  4 punct
        """,
        """
        The       DET    2 det
        senator   NOUN   3 nsubj
        said      VERB   0 root
        the       DET    5 det
        alliance  NOUN   7 nsubj
        was       AUX    7 cop
        strong    ADJ    3 ccomp
        .         PUNCT  3 punct
        """,
    )
    s = one(p)
    assert (s["source"], s["name"], s["kind"]) == ("The senator", "Maria Lopez", "person")


def test_the_title_alone_without_anyone_named_is_anonymous_not_invented():
    p = build(
        "The spokesman said the alliance was strong.",
        """
        The        DET    2 det
        spokesman  NOUN   3 nsubj
        said       VERB   0 root
        the        DET    5 det
        alliance   NOUN   7 nsubj
        was        AUX    7 cop
        strong     ADJ    3 ccomp
        .          PUNCT  3 punct
        """,
    )
    s = one(p)
    assert (s["name"], s["kind"]) == ("The spokesman", "anonymous")


def test_dateline_is_not_part_of_the_speaker():
    p = build(
        "BERLIN (Reuters) - Chancellor Anna Weber said the alliance was strong.",
        """
        BERLIN      PROPN  10 dep      S-LOC
        (           PUNCT   3 punct
        Reuters     PROPN   1 appos    S-ORG
        )           PUNCT   3 punct
        -           PUNCT   1 punct
        Chancellor  PROPN   7 compound
        Anna        PROPN   9 nsubj    B-PER
        Weber       PROPN   7 flat     E-PER
        said        VERB    0 root
        the         DET    11 det
        alliance    NOUN   13 nsubj
        was         AUX    13 cop
        strong      ADJ     9 ccomp
        .           PUNCT   9 punct
        """.replace("10 dep", "9 dep"),
    )
    s = one(p)
    assert s["source"] == "Chancellor Anna Weber"
    assert (s["name"], s["role"]) == ("Anna Weber", "Chancellor")


def test_anonymous_official_keeps_the_body_named_after_for():
    p = build(
        "A spokesperson for the European Commission said the alliance was strong.",
        """
        A            DET    2 det
        spokesperson NOUN   7 nsubj
        for          ADP    6 case
        the          DET    6 det
        European     PROPN  6 compound B-ORG
        Commission   PROPN  2 nmod     E-ORG
        said         VERB   0 root
        the          DET    9 det
        alliance     NOUN  11 nsubj
        was          AUX   11 cop
        strong       ADJ    7 ccomp
        .            PUNCT  7 punct
        """,
    )
    s = one(p)
    assert (s["name"], s["kind"], s["organisation"]) == (
        "A spokesperson for the European Commission", "anonymous", "European Commission")


def test_apposition_names_the_organisation_at_the_end_of_the_chain():
    p = build(
        "“Words are cheap,” said Jana Puglierin, head of the Berlin office of the European Council.",
        """
        “          PUNCT  4 punct
        Words      NOUN   4 nsubj   word
        are        AUX    4 cop
        cheap      ADJ    7 ccomp
        ,          PUNCT  4 punct
        ”          PUNCT  4 punct
        said       VERB   0 root
        Jana       PROPN  7 nsubj   B-PER
        Puglierin  PROPN  8 flat    E-PER
        ,          PUNCT  11 punct
        head       NOUN   8 appos
        of         ADP    15 case
        the        DET    15 det
        Berlin     PROPN  15 compound S-LOC
        office     NOUN   11 nmod
        of         ADP    19 case
        the        DET    19 det
        European   PROPN  19 compound B-ORG
        Council    PROPN  15 nmod    E-ORG
        .          PUNCT  7 punct
        """,
    )
    s = one(p)
    assert (s["name"], s["role"], s["organisation"]) == ("Jana Puglierin", "head", "European Council")


def test_title_with_the_body_in_a_prepositional_phrase_is_an_anonymous_person():
    """"said the founder of Zed Press, which opened in May": the organisation named after
    the title is the body the person serves; the speaker is the title (up to its comma),
    not "of Zed Press", and the body its organisation."""
    p = build(
        "“We print comics,” said the founder of Zed Press, which opened in May.",
        """
        “        PUNCT  3 punct
        We       PRON   3 nsubj   we
        print    VERB   7 ccomp
        comics   NOUN   3 obj     comic
        ,        PUNCT  3 punct
        ”        PUNCT  3 punct
        said     VERB   0 root    say
        the      DET    9 det
        founder  NOUN   7 nsubj
        of       ADP   12 case
        Zed      PROPN 12 compound B-ORG
        Press    PROPN  9 nmod     E-ORG
        ,        PUNCT 15 punct
        which    PRON  15 nsubj
        opened   VERB  12 acl:relcl open
        in       ADP   17 case
        May      PROPN 15 obl
        .        PUNCT  7 punct
        """,
    )
    s = one(p)
    assert (s["name"], s["kind"], s["organisation"]) == ("the founder of Zed Press", "anonymous", "Zed Press")


def test_title_with_the_body_after_it_is_still_the_person_named_with_that_title():
    """The limit: when a person was named earlier with that title, "the founder of Zed
    Press" refers back to that person."""
    p = build(
        "Jane Roe, the founder of Zed Press, left. “We print comics,” said the founder of Zed Press.",
        """
        Jane     PROPN 10 nsubj    B-PER
        Roe      PROPN  1 flat     E-PER
        ,        PUNCT  5 punct
        the      DET    5 det
        founder  NOUN   1 appos
        of       ADP    8 case
        Zed      PROPN  8 compound B-ORG
        Press    PROPN  5 nmod     E-ORG
        ,        PUNCT  5 punct
        left     VERB   0 root     leave
        .        PUNCT 10 punct
        """,
        """
        “        PUNCT  3 punct
        We       PRON   3 nsubj   we
        print    VERB   7 ccomp
        comics   NOUN   3 obj     comic
        ,        PUNCT  3 punct
        ”        PUNCT  3 punct
        said     VERB   0 root    say
        the      DET    9 det
        founder  NOUN   7 nsubj
        of       ADP   12 case
        Zed      PROPN 12 compound B-ORG
        Press    PROPN  9 nmod     E-ORG
        .        PUNCT  7 punct
        """,
    )
    s = one(p)
    assert (s["name"], s["kind"]) == ("Jane Roe", "person")


def test_party_and_state_tag_after_a_senator_is_no_person():
    """"Sen. Jane Roe, D-Mich., a member of the panel, said S": the entity tagger reads the
    state as a person; the apposition after the tag belongs to the senator, who is the
    speaker, and "Mich." is no one (extract.base.party_tag_start)."""
    p = build("Sen. Jane Roe, D-Mich., a member of the panel, said the plan failed.", """
        Sen.     PROPN 15 nsubj    B-PER
        Jane     PROPN  1 flat     I-PER
        Roe      PROPN  1 flat     E-PER
        ,        PUNCT  7 punct
        D        PROPN  7 compound
        -        PUNCT  5 punct
        Mich.    PROPN  1 list     S-PER
        ,        PUNCT 10 punct
        a        DET   10 det
        member   NOUN  15 nsubj
        of       ADP   13 case
        the      DET   13 det
        panel    NOUN  10 nmod
        ,        PUNCT 10 punct
        said     VERB   0 root     say
        the      DET   17 det
        plan     NOUN  18 nsubj
        failed   VERB  15 ccomp    fail
        .        PUNCT 15 punct
    """)
    s = one(p)
    assert (s["name"], s["kind"]) == ("Jane Roe", "person")


def test_hyphenated_name_after_a_comma_is_no_party_tag():
    """The limit: only D, R or I before the hyphen make a party tag; "Jane Roe, Do-Yeon
    Kim's mother, said S" keeps "Do-Yeon Kim" a person of the article."""
    p = build("Jane Roe, Do-Yeon Kim's mother, said the plan failed.", """
        Jane     PROPN 11 nsubj    B-PER
        Roe      PROPN  1 flat     E-PER
        ,        PUNCT  9 punct
        Do       PROPN  7 compound B-PER
        -        PUNCT  4 punct    I-PER
        Yeon     PROPN  7 compound I-PER
        Kim      PROPN  9 nmod:poss E-PER
        's       PART   7 case
        mother   NOUN   1 appos
        ,        PUNCT  9 punct
        said     VERB   0 root     say
        the      DET   13 det
        plan     NOUN  14 nsubj
        failed   VERB  11 ccomp    fail
        .        PUNCT 11 punct
    """)
    d = DocView(p)
    assert party_tag_start(d, 7) is None
    assert one(p)["name"] == "Jane Roe"


# --------------------------------------------------------------------------- surnames the tagger misread

BEN_MYERS_ARRIVED = """
    Ben      PROPN  3 nsubj  B-PER
    Myers    PROPN  1 flat   E-PER
    arrived  VERB   0 root   arrive
    in       ADP    5 case
    Seoul    PROPN  3 obl    S-LOC
    on       ADP    7 case
    Monday   PROPN  3 obl
    .        PUNCT  3 punct
"""


def test_surname_the_tagger_calls_a_place_is_still_the_person_named_in_full():
    p = build("Ben Myers arrived in Seoul on Monday. Myers said the alliance was strong.",
              BEN_MYERS_ARRIVED, ALLIANCE_STRONG.format(subject="Myers", tag="PROPN", ner="S-LOC"))
    s = one(p)
    assert (s["source"], s["name"], s["kind"]) == ("Myers", "Ben Myers", "person")


def test_he_after_a_misread_surname_as_subject_is_that_person_not_the_earlier_speaker():
    p = build(
        "Ben Myers arrived in Seoul on Monday. Kurt Campbell said the alliance was strong. "
        "Myers smiled. He said the talks were useful.",
        BEN_MYERS_ARRIVED,
        """
        Kurt      PROPN  3 nsubj  B-PER
        Campbell  PROPN  1 flat   E-PER
        said      VERB   0 root
        the       DET    5 det
        alliance  NOUN   7 nsubj
        was       AUX    7 cop
        strong    ADJ    3 ccomp
        .         PUNCT  3 punct
        """,
        """
        Myers   ADJ    2 nsubj  S-LOC
        smiled  VERB   0 root   smile
        .       PUNCT  2 punct
        """,
        """
        He      PRON   2 nsubj
        said    VERB   0 root
        the     DET    4 det
        talks   NOUN   6 nsubj  talk
        were    AUX    6 cop
        useful  ADJ    2 ccomp
        .       PUNCT  2 punct
        """,
    )
    campbell, he = statements(p)
    assert campbell["name"] == "Kurt Campbell"
    assert (he["source"], he["name"]) == ("He", "Ben Myers")


def test_surname_as_a_modifier_or_in_a_quotation_is_not_the_person():
    # "the Myers campaign" is a campaign; a "Myers" inside the words quoted is the speaker's topic
    p = build(
        "Ben Myers arrived in Seoul on Monday. Kurt Campbell said the alliance was strong. "
        "“Myers smiled.” He said the talks were useful. The Myers campaign said the talks failed.",
        BEN_MYERS_ARRIVED,
        """
        Kurt      PROPN  3 nsubj  B-PER
        Campbell  PROPN  1 flat   E-PER
        said      VERB   0 root
        the       DET    5 det
        alliance  NOUN   7 nsubj
        was       AUX    7 cop
        strong    ADJ    3 ccomp
        .         PUNCT  3 punct
        """,
        """
        “       PUNCT  3 punct
        Myers   ADJ    3 nsubj  S-LOC
        smiled  VERB   0 root   smile
        .       PUNCT  3 punct
        ”       PUNCT  3 punct
        """,
        """
        He      PRON   2 nsubj
        said    VERB   0 root
        the     DET    4 det
        talks   NOUN   6 nsubj  talk
        were    AUX    6 cop
        useful  ADJ    2 ccomp
        .       PUNCT  2 punct
        """,
        """
        The       DET    3 det
        Myers     PROPN  3 compound
        campaign  NOUN   4 nsubj
        said      VERB   0 root
        the       DET    6 det
        talks     NOUN   7 nsubj  talk
        failed    VERB   4 ccomp  fail
        .         PUNCT  4 punct
        """,
    )
    found = {s["source"]: s for s in statements(p)}
    assert found["He"]["name"] == "Kurt Campbell"
    assert found["The Myers campaign"]["name"] != "Ben Myers"


# --------------------------------------------------------------------------- gender evidence

CAMPBELL_SMILED = """
    Kurt      PROPN  3 nsubj  B-PER
    Campbell  PROPN  1 flat   E-PER
    arrived   VERB   0 root   arrive
    .         PUNCT  3 punct
""", """
    He      PRON   2 nsubj
    smiled  VERB   0 root   smile
    .       PUNCT  2 punct
"""


def _myers_praised(tail: list[tuple[str, str]]) -> str:
    return "\n".join(["Ben     PROPN  3 nsubj     B-PER", "Myers   PROPN  1 flat      E-PER",
                      "praised VERB   0 root      praise", "Kim     PROPN  6 nmod:poss S-PER",
                      "’s      PART   4 case", "plan    NOUN   3 obj"] + [f"{w} {rest}" for w, rest in tail])


def test_he_after_a_possessor_named_in_passing_still_continues_the_subject():
    # "Kim's" names someone in passing: the "He" that follows is still evidence for Ben Myers,
    # who then outranks the earlier man Kurt Campbell
    p = build(
        "Kurt Campbell arrived. He smiled. Ben Myers praised Kim’s plan. He said the talks were useful.",
        *CAMPBELL_SMILED, _myers_praised([(".", "PUNCT 3 punct")]),
        """
        He      PRON   2 nsubj
        said    VERB   0 root
        the     DET    4 det
        talks   NOUN   6 nsubj  talk
        were    AUX    6 cop
        useful  ADJ    2 ccomp
        .       PUNCT  2 punct
        """,
    )
    s = one(p)
    assert (s["source"], s["name"]) == ("He", "Ben Myers")


def test_his_after_a_possessor_named_in_passing_is_no_evidence():
    from attrib.extract.base import DocView
    from attrib.resolve import Resolver

    p = build("Ben Myers praised Kim’s plan and his courage.",
              _myers_praised([("and", "CCONJ 9 cc"), ("his", "PRON 9 nmod:poss"), ("courage", "NOUN 6 conj"),
                              (".", "PUNCT 3 punct")]))
    people = {x.name: x for x in Resolver(DocView(p)).people}
    assert people["Ben Myers"].votes == {}


MYERS_QUOTED = """
    “         PUNCT  8 punct
    The       DET    3 det
    talks     NOUN   5 nsubj  talk
    were      AUX    5 cop
    useful    ADJ    8 ccomp
    ,         PUNCT  5 punct
    ”         PUNCT  5 punct
    said      VERB   0 root
    Ben       PROPN  8 obj    B-PER
    Myers     PROPN  9 flat   E-PER
    .         PUNCT  8 punct
"""
BUT_HE_SAID = """
    But       CCONJ  3 cc
    he        PRON   3 nsubj
    said      VERB   0 root
    the       DET    5 det
    alliance  NOUN   7 nsubj
    was       AUX    7 cop
    strong    ADJ    3 ccomp
    .         PUNCT  3 punct
"""


def test_he_right_after_an_inverted_speaker_is_evidence_of_the_speakers_gender():
    # the parse made "Ben Myers" the object of "said"; the "he" that follows in the paragraph is
    # still his, though an earlier man (Kurt Campbell) is of known gender
    p = build("Kurt Campbell arrived. He smiled. “The talks were useful,” said Ben Myers. "
              "But he said the alliance was strong.",
              *CAMPBELL_SMILED, MYERS_QUOTED, BUT_HE_SAID)
    quoted, but = statements(p)
    assert quoted["name"] == "Ben Myers"
    assert (but["source"], but["name"]) == ("he", "Ben Myers")


def test_he_after_a_paragraph_break_is_no_evidence_for_the_speaker_before():
    p = build("Kurt Campbell arrived. He smiled. “The talks were useful,” said Ben Myers.\n\n"
              "But he said the alliance was strong.",
              *CAMPBELL_SMILED, MYERS_QUOTED, BUT_HE_SAID)
    quoted, but = statements(p)
    assert quoted["name"] == "Ben Myers"
    assert (but["source"], but["name"]) == ("he", "Kurt Campbell")


def test_he_after_a_quotation_is_not_the_person_the_quotation_names():
    p = build(
        "Ben Myers arrived in Seoul on Monday. “Kurt Campbell lost,” he said.",
        BEN_MYERS_ARRIVED,
        """
        “         PUNCT  4 punct
        Kurt      PROPN  4 nsubj  B-PER
        Campbell  PROPN  2 flat   E-PER
        lost      VERB   8 ccomp  lose
        ,         PUNCT  4 punct
        ”         PUNCT  4 punct
        he        PRON   8 nsubj
        said      VERB   0 root
        .         PUNCT  8 punct
        """,
    )
    s = one(p)
    assert (s["source"], s["name"]) == ("he", "Ben Myers")


def test_a_possessor_the_tagger_put_with_its_s_is_not_the_speaker():
    p = build(
        "Myers’s dad, Darrin, said the talks were useful.",
        """
        Myers   PROPN  3 nmod:poss  B-PER
        ’s      PART   1 case       E-PER
        dad     NOUN   7 nsubj
        ,       PUNCT  5 punct
        Darrin  PROPN  3 appos      S-PER
        ,       PUNCT  5 punct
        said    VERB   0 root
        the     DET    9 det
        talks   NOUN   11 nsubj     talk
        were    AUX    11 cop
        useful  ADJ    7 ccomp
        .       PUNCT  7 punct
        """,
    )
    s = one(p)
    assert (s["source"], s["name"]) == ("Myers’s dad, Darrin", "Darrin")


def test_a_person_named_by_surname_between_a_speaker_and_he_ends_the_speakers_evidence():
    # "For Espinos, he said": the tagger calls the surname a plural noun and an organisation, but
    # the article named Ben Espinos, so the "he" is no evidence that Dan Roe, quoted before, is a man
    p = build(
        "Ben Espinos arrived. He smiled. “The talks were useful,” said Dan Roe. "
        "For Espinos, he said the alliance was strong.",
        """
        Ben      PROPN  3 nsubj  B-PER
        Espinos  PROPN  1 flat   E-PER
        arrived  VERB   0 root   arrive
        .        PUNCT  3 punct
        """,
        CAMPBELL_SMILED[1],
        MYERS_QUOTED.replace("Ben ", "Dan ").replace("Myers", "Roe  "),
        """
        For       ADP        2 case
        Espinos   NOUN/NNS   5 obl    S-ORG
        ,         PUNCT      2 punct
        he        PRON       5 nsubj
        said      VERB       0 root
        the       DET        7 det
        alliance  NOUN       9 nsubj
        was       AUX        9 cop
        strong    ADJ        5 ccomp
        .         PUNCT      5 punct
        """,
    )
    quoted, for_espinos = statements(p)
    assert quoted["name"] == "Dan Roe"
    assert (for_espinos["source"], for_espinos["name"]) == ("he", "Ben Espinos")


def test_a_kinship_word_before_a_name_gives_its_gender():
    # "Her father Kim Lee" is a man: the "She" after him is Dana Roe, not he
    p = build(
        "Dana Roe arrived. She smiled. Her father Kim Lee arrived. She said the talks were useful.",
        """
        Dana     PROPN  3 nsubj  B-PER
        Roe      PROPN  1 flat   E-PER
        arrived  VERB   0 root   arrive
        .        PUNCT  3 punct
        """,
        """
        She     PRON   2 nsubj
        smiled  VERB   0 root   smile
        .       PUNCT  2 punct
        """,
        """
        Her      PRON   2 nmod:poss
        father   NOUN   5 nsubj
        Kim      PROPN  2 appos  B-PER
        Lee      PROPN  3 flat   E-PER
        arrived  VERB   0 root   arrive
        .        PUNCT  5 punct
        """,
        """
        She     PRON   2 nsubj
        said    VERB   0 root
        the     DET    4 det
        talks   NOUN   6 nsubj  talk
        were    AUX    6 cop
        useful  ADJ    2 ccomp
        .       PUNCT  2 punct
        """,
    )
    s = one(p)
    assert (s["source"], s["name"]) == ("She", "Dana Roe")


@pytest.mark.parametrize("before", ["the father of", "the senator"])
def test_no_kinship_gender_without_the_word_right_before_the_name(before):
    from attrib.extract.base import DocView
    from attrib.resolve import Resolver

    words = before.split()
    rows = [f"{w} {'DET' if w == 'the' else 'ADP' if w == 'of' else 'NOUN'} {len(words) + 1} dep" for w in words]
    p = build(f"{before} Kim Lee arrived.",
              "\n".join(rows + [f"Kim PROPN {len(words) + 3} nsubj B-PER", f"Lee PROPN {len(words) + 1} flat E-PER",
                                "arrived VERB 0 root arrive", f". PUNCT {len(words) + 3} punct"]))
    people = {x.name: x for x in Resolver(DocView(p)).people}
    assert people["Kim Lee"].gender is None


def test_one_word_name_after_a_title_is_a_person_even_when_tagged_as_an_organisation():
    p = build(
        "Hereditary Chief Na'kel said the talks were useful.",
        """
        Hereditary  PROPN  2 compound  B-ORG
        Chief       PROPN  3 compound  I-ORG
        Na'kel      PROPN  4 nsubj     E-ORG
        said        VERB   0 root
        the         DET    6 det
        talks       NOUN   8 nsubj     talk
        were        AUX    8 cop
        useful      ADJ    4 ccomp
        .           PUNCT  4 punct
        """,
    )
    s = one(p)
    assert (s["name"], s["kind"]) == ("Na'kel", "person")


def test_one_word_after_a_title_that_runs_on_into_a_noun_is_no_person():
    # "the chief Cuban economist": "Cuban" modifies the title's noun, it names no one
    p = build(
        "The chief Cuban economist said the talks were useful.",
        """
        The        DET    4 det
        chief      ADJ    4 amod
        Cuban      PROPN  4 amod   S-MISC
        economist  NOUN   5 nsubj
        said       VERB   0 root
        the        DET    7 det
        talks      NOUN   9 nsubj  talk
        were       AUX    9 cop
        useful     ADJ    5 ccomp
        .          PUNCT  5 punct
        """,
    )
    s = one(p)
    assert s["name"] != "Cuban" and s["kind"] != "person"


def _statement_prep(prep: str) -> str:
    return f"""
        A         DET    2 det
        statement NOUN   6 nsubj
        {prep:9} ADP    4 case
        Kim       PROPN  2 nmod   B-PER
        Lee       PROPN  4 flat   E-PER
        said      VERB   0 root
        the       DET    8 det
        talks     NOUN  10 nsubj  talk
        were      AUX   10 cop
        useful    ADJ    6 ccomp
        .         PUNCT  6 punct
    """


def test_a_statement_by_a_person_is_that_persons_and_the_he_after_it_too():
    p = build(
        "Kurt Campbell arrived. He smiled. A statement by Kim Lee said the talks were useful. "
        "But he said the alliance was strong.",
        *CAMPBELL_SMILED, _statement_prep("by"), BUT_HE_SAID,
    )
    by, but = statements(p)
    assert (by["name"], by["kind"]) == ("Kim Lee", "person")
    assert (but["source"], but["name"]) == ("he", "Kim Lee")


def test_a_statement_about_a_person_is_not_that_persons():
    p = build("A statement about Kim Lee said the talks were useful.", _statement_prep("about"))
    assert one(p)["name"] != "Kim Lee"


def _mention(p: ParsedArticle, a: int, b: int) -> str | None:
    from attrib.extract.base import DocView
    from attrib.resolve import Resolver

    d = DocView(p)
    return Resolver(d).mention(a, b, d.toks[a].start).name


def test_of_two_names_in_a_mention_cut_too_wide_the_subject_of_the_cue_speaks():
    p = build(
        "Before he met Kim Lee, Ben Myers said the talks were useful.",
        """
        Before   SCONJ  3 mark
        he       PRON   3 nsubj
        met      VERB   9 advcl  meet
        Kim      PROPN  3 obj    B-PER
        Lee      PROPN  4 flat   E-PER
        ,        PUNCT  3 punct
        Ben      PROPN  9 nsubj  B-PER
        Myers    PROPN  7 flat   E-PER
        said     VERB   0 root
        the      DET   11 det
        talks    NOUN  13 nsubj  talk
        were     AUX   13 cop
        useful   ADJ    9 ccomp
        .        PUNCT  9 punct
        """,
    )
    assert _mention(p, 3, 8) == "Ben Myers"  # "Kim Lee, Ben Myers"


def test_a_subject_inside_the_mentions_own_clause_is_not_the_speaker():
    p = build(
        "“The talks were useful,” said Ben Myers, who said Kim Lee won.",
        """
        “       PUNCT  8 punct
        The     DET    3 det
        talks   NOUN   5 nsubj      talk
        were    AUX    5 cop
        useful  ADJ    8 ccomp
        ,       PUNCT  5 punct
        ”       PUNCT  5 punct
        said    VERB   0 root
        Ben     PROPN  8 obj        B-PER
        Myers   PROPN  9 flat       E-PER
        ,       PUNCT 13 punct
        who     PRON  13 nsubj
        said    VERB   9 acl:relcl
        Kim     PROPN 16 nsubj      B-PER
        Lee     PROPN 14 flat       E-PER
        won     VERB  13 ccomp      win
        .       PUNCT  8 punct
        """,
    )
    assert _mention(p, 8, 16) == "Ben Myers"  # "Ben Myers, who said Kim Lee won"


def test_a_surname_the_parser_hung_on_himself_is_the_person():
    p = build(
        "Ben Myers arrived in Seoul on Monday. Kurt Campbell said the alliance was strong. "
        "Myers himself smiled. He said the talks were useful.",
        BEN_MYERS_ARRIVED,
        """
        Kurt      PROPN  3 nsubj  B-PER
        Campbell  PROPN  1 flat   E-PER
        said      VERB   0 root
        the       DET    5 det
        alliance  NOUN   7 nsubj
        was       AUX    7 cop
        strong    ADJ    3 ccomp
        .         PUNCT  3 punct
        """,
        """
        Myers    PROPN  2 compound
        himself  PRON   3 nsubj
        smiled   VERB   0 root   smile
        .        PUNCT  3 punct
        """,
        """
        He      PRON   2 nsubj
        said    VERB   0 root
        the     DET    4 det
        talks   NOUN   6 nsubj  talk
        were    AUX    6 cop
        useful  ADJ    2 ccomp
        .       PUNCT  2 punct
        """,
    )
    campbell, he = statements(p)
    assert (he["source"], he["name"]) == ("He", "Ben Myers")
