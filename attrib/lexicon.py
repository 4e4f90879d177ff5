"""Word lists the rules consult.  Data only: no logic beyond small lookups.

Every list is general English news vocabulary, not drawn from any one article.
"""

from __future__ import annotations

# Verbs that introduce what someone said or wrote (lemmas).  "speech" verbs get
# the highest confidence: their complement is, by definition, an utterance.
SPEECH_VERBS = frozenset(
    """
    say tell add state declare announce report write tweet post reply respond answer
    explain note remark comment observe stress emphasize emphasise insist assert argue
    contend maintain claim allege charge testify confirm deny acknowledge admit concede
    reveal disclose predict forecast warn caution pledge vow promise threaten urge
    recommend suggest propose demand ask question accuse blame praise criticize
    criticise condemn denounce slam chant shout yell cry scream whisper recall repeat
    reiterate complain lament boast agree counter rebut retort quip joke concede
    conclude estimate project indicate signal hint mention describe brief inform
    assure reassure tout dismiss reject decry hail welcome applaud call
    advise remind recount cite blast blurt scoff muse concur
    """.split()
)

# The commonest cues of news writing, whose complement is nearly always the words said.
CORE_SPEECH_VERBS = frozenset("say tell add write state explain note".split())

# Verbs of belief and intention.  PolNeAR marks them as attributions; they
# are weaker evidence of a *statement*, so their rule gets a lower confidence.
BELIEF_VERBS = frozenset(
    """
    think believe feel hope fear worry expect know suspect doubt reckon guess
    consider assume acknowledge understand want plan intend
    """.split()
)

# Verbs that are cues only with their particle: "points out that ...".
PARTICLE_CUES = {"point": "out"}

# Verbs that take the person spoken to as object: "told reporters that ...".
RECIPIENT_VERBS = frozenset("tell inform assure reassure brief warn remind ask urge advise".split())

# Pronouns that can only be subjects: one right after a cue opens the reported clause
# ("insisted he has different questions", never the cue's object).
NOMINATIVE_PRONOUNS = frozenset("i he she we they".split())

# Subordinators of a closing concession: "..., though she acknowledged it was unlikely to work".
CONCESSIVES = frozenset("although though whereas".split())

# Verbs that give something a name: "described Clinton as a “disgrace”".
NAMING_VERBS = frozenset("call describe label dub brand".split())

# Verbs that introduce speech only when a quotation follows: "He continued, “…”".
QUOTE_ONLY_CUES = frozenset("continue follow begin start finish go".split())

# Verbs whose noun-phrase object is itself what was said ("denied arms deals",
# "pledged continued cooperation"); other cues need a clause or a quotation
# ("posted a message", "asked a question" report no content).
OBJECT_CUES = frozenset(
    """
    deny praise accuse pledge vow promise criticize criticise condemn denounce urge demand
    warn blame hail welcome reject dismiss propose recommend call threaten predict decry
    applaud slam chant
    """.split()
)

# Nouns that name something said: a noun phrase headed by one is content on its
# own ("denied the allegations", "repeated his warning", "issued an apology");
# any other noun phrase after a cue is an object, not a statement ("posted his
# best score", "writing the council", "denied them the votes").
# "accused X of Y", "praised X for Y": the phrase that carries the claim about X.
CHARGE_PREPOSITIONS = frozenset("of for".split())

CLAIM_NOUNS = frozenset(
    """
    statement claim assertion allegation accusation charge denial warning threat promise pledge vow
    rumour rumor remark comment message plea demand apology criticism prediction assurance
    suggestion proposal argument insistence admission confession announcement report
    """.split()
)

# Statement kinds (what a fact-checker filters on): ``speech`` is something said
# or written; ``belief`` a state of mind reported by someone else; ``intention``
# a plan or commitment reported without the words; ``evidence`` what a document,
# poll or record shows (attrib.types.STATEMENT_KINDS).

# Verbs of intention: "X plans to ...", "X vowed to ..." (with an infinitive and
# no quotation, nothing said is reported; "vowed that ..." or "vowed: “…”" is speech).
INTENTION_VERBS = frozenset("plan intend aim vow pledge promise threaten seek".split())

# Verbs that report evidence when their subject is a document or a measurement.
EVIDENCE_VERBS = frozenset("show indicate suggest reveal find demonstrate confirm conclude estimate".split())

# Subjects that cannot speak but can show: "polls show", "records indicate", "a study found".
EVIDENCE_NOUNS = frozenset(
    """
    poll survey study report record data document figure analysis research evidence statistic
    number result test filing audit review estimate projection model chart map footage video
    photo image average tally count
    """.split()
)

CUE_LEMMAS = SPEECH_VERBS | BELIEF_VERBS | frozenset(PARTICLE_CUES)

# Evidence verbs that are no speech or belief cue: a cue only when a document or
# a measurement is their subject ("polls show Clinton ahead", "the audit found").
EVIDENCE_ONLY_VERBS = EVIDENCE_VERBS - CUE_LEMMAS

# Never cues even though they look like one in context.
NOT_CUES = frozenset("decline refuse".split())

# Words of time: a mention ends before "on Thursday", "last month" ("A senior
# official said on Wednesday"); "a day after her son said" is a time phrase.
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december yesterday today tonight week month year
    morning afternoon evening night weekend""".split()
)
# Month names that are also given names or surnames ("May said", "June Roe"): as the
# subject of a verb, capitalised and not tagged a date, they name a person
# (extract.site.month_as_name).
MONTHS_ALSO_NAMES = frozenset("april may june august".split())
# Singular nouns that name a group and may be a subject with no determiner ("staff said",
# "management says"; with ORG_HEADS such as "police" and, in headlines, ROLE_HEADS such as
# "mayor says"); any other bare singular noun as a speaker is a misread word.
BARE_GROUP_NOUNS = frozenset(
    """staff management security leadership everyone everybody someone somebody anyone anybody
    nobody press clergy intelligence prosecution defence defense counsel""".split()
)

# Words of a photo caption ("Open this photo in gallery A cyclist rides by ... . Ben Nelms"):
# the name that ends it is the photographer's credit, not a speaker's signature.
CAPTION_WORDS = frozenset("photo photos photograph gallery pictured caption".split())
SHORT_TIME_UNITS = frozenset("hour minute moment day".split())
TIME_DEICTICS = frozenset("yesterday today tonight".split())
TIME_PREMODIFIERS = frozenset("on last this next earlier late early".split())

# Function words the rules test for.
# Verbs whose object is nothing but the words said: a long noun phrase after
# "said" is a clause the parser misread ("officials said the two raised $3 million",
# with "raised" tagged as an adjective), never a recipient or a thing acted on.
WORDS_ONLY_CUES = frozenset({"say"})
COMPLEMENTIZERS = frozenset("that whether if".split())  # open reported content: "said that/whether ..."
DEMAND_PARTICLES = frozenset("for on".split())  # "called for talks", "called on X to resign"
RELATIVE_PRONOUNS = frozenset("which who whom that whose".split())  # "the ministry, which said ..."
TIME_CONJUNCTIONS = frozenset("after before since".split())  # "a day after her son said"
ARTICLES = frozenset("the a an".split())
# "X, a correspondent with NK Pro": the prepositions that attach a person to an
# organisation; an unnamed official can also be "in" one ("an official in the ministry").
AFFILIATION_PREPOSITIONS = frozenset("with at of for from".split())
ORG_PREPOSITIONS = AFFILIATION_PREPOSITIONS | {"in"}

WH_WORDS = frozenset("how what why when where who whom which whether".split())  # embedded questions
NEGATIONS = frozenset("not n't never".split())
#: Events, which cannot speak: "the debate said", "the storm prompted the city to urge" are a
#: parser's or a rule's mistake, never a speaker (issue 9: a speaker is a person, an organisation,
#: a group, an anonymous source or a pronoun).
EVENT_NOUNS = frozenset(
    "debate game match vote election ceremony hearing trial funeral parade race tournament concert storm "
    "crash fire attack war earthquake flood hurricane".split()
)
#: What a speaker said, as an amount, not as words: "said nothing about the deficit", "said little".
AMOUNT_WORDS = frozenset("nothing little much something anything more less".split())
#: A subject that says no one spoke: "Nobody said S", "None of the officials said S" (S was not said).
NEGATIVE_SUBJECTS = frozenset("nobody none neither noone nothing".split())
#: A clause opened by these only supposes its cue: "If the president says S, ..." (nothing is said).
CONDITIONAL_MARKERS = frozenset("if unless whether".split())
SUBJECT_DEPRELS = ("nsubj", "nsubj:pass", "csubj", "nsubj:outer", "expl")
# Belief verbs that take no to-infinitive of their own: right before "to" they are a reduced
# passive ("fifty people believed to have been inside", "a man thought to be armed").
PASSIVE_BEFORE_TO = frozenset("believe think consider know suspect assume understand reckon".split())
# "Suffice it to say", "needless to say": the cue is a complement of these.
IDIOM_HEADS = frozenset("suffice needless".split())
CURRENCY_SIGNS = frozenset("$ € £ ¥".split())

# Claims across outlets (attrib/claims.py).  Words left out when two reported claims are
# compared in other words ("said the tariffs WOULD protect ..." / "the tariffs WILL protect
# ..., HE said"): articles, pronouns, auxiliaries and modals, common prepositions and
# conjunctions.  Negations and numbers are never in it: they are what a claim turns on.
CLAIM_STOPWORDS = frozenset(
    """
    a an the this that these those it its it's itself they them their theirs themselves he him his
    himself she her hers herself we us our ours ourselves i me my mine myself you your yours
    be is are was were been being am do does did doing done have has had having will would shall
    should can could may might must ought to of in on at by for with from into onto over about
    as than then so and or but if because while also just very really quite there here which who
    whom whose what when where why how all any some such each other more most much many
    said says say saying told tell
    """.split()
)
# Negations: a claim and its negation ("will" / "will not protect jobs") are never one claim.
CLAIM_NEGATIONS = frozenset("not no never nobody nothing none neither nor without".split())

# Nouns that head a speech event: "in a statement", "issued a statement".
SPEECH_NOUNS = frozenset(
    "statement announcement remarks remark interview speech testimony communique post tweet report "
    "briefing letter op-ed editorial comment comments feed account website blog page".split()
)

# Prepositions/participles that name the channel that relayed someone's words:
# "in a speech carried by KCNA", "a statement via state media", "quoted by Tass",
# "X said S, according to Kyodo News" (an organisation only: resolve.Resolver.relay_of).
RELAY_MARKERS = ("carried by", "published by", "broadcast by", "released by", "issued by", "quoted by",
                 "according to", "via")

# Heads of unnamed person mentions: a speaker with such a head and no name is
# anonymous ("a senior official", "a source familiar with ...").
ANONYMOUS_HEADS = frozenset(
    "official source aide diplomat insider person spokesman spokeswoman spokesperson representative "
    "officer staffer adviser advisor insider employee member".split()
)

# Heads that make a mention an organisation ("the ministry", "the junta").
ORG_HEADS = frozenset(
    """
    ministry government junta agency office department administration newspaper paper
    daily magazine broadcaster network channel website site outlet media service
    company firm corporation bank council committee commission parliament congress
    senate court army military police party union association organisation
    organization group institute center centre foundation university school
    regime cabinet kremlin presidency embassy mission tribunal board authority
    authorities team campaign
    """.split()
)

# Role words: the head of a title ("Vice Minister of Foreign Affairs").
ROLE_HEADS = frozenset(
    """
    minister secretary director spokesman spokeswoman spokesperson president leader
    chairman chairwoman chair chief head ceo cfo founder governor mayor senator
    representative congressman congresswoman ambassador envoy correspondent reporter
    editor analyst professor researcher economist official commander general admiral
    officer chancellor premier king queen prince emperor lawyer attorney judge
    justice adviser advisor aide deputy candidate nominee manager strategist
    executive dean superintendent commissioner coordinator lawmaker legislator
    coach forecaster meteorologist scientist physician doctor surgeon cardiologist
    epidemiologist prosecutor investigator consultant historian
    """.split()
)
# (the last line: occupations that serve as titles too, lower-case before a name, "said
# forecaster Mike Doyle", "coach Amy Li", or in an apposition, "a cardiologist at X")

# Words that may precede a role head inside the title ("Vice", "senior").
ROLE_MODIFIERS = frozenset(
    """
    vice deputy prime acting former senior junior chief foreign defense defence
    interior finance state assistant associate general special top principal
    executive managing press national
    """.split()
)

# Heads of government: "Japanese Prime Minister X" speaks for "Japanese government".
GOVERNMENT_ROLES = ("prime minister", "president", "premier", "chancellor")
# Heads of state by title: "North Korean leader X" speaks for North Korea.
STATE_ROLES = ("leader", "supreme leader", "king", "queen", "emperor")

# "Minister of X" works for the "Ministry of X" (standard naming of
# government bodies in English-language news).
ROLE_TO_BODY = (
    ("minister of ", "Ministry of "),
    ("secretary of ", "Department of "),
    ("director of ", "Office of the Director of "),
)

# Gender the article itself gives a person: a courtesy title, or the pronoun
# used of them (no first-name lists: world knowledge is not guessed).
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
TITLE_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m",
                "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dame": "f", "lady": "f"}
# A kinship word right before a name ("her father Khaled", "his wife Jane") gives its gender.
KIN_GENDER = {
    **dict.fromkeys("father dad son brother husband boyfriend grandfather grandson uncle nephew".split(), "m"),
    **dict.fromkeys("mother mom mum daughter sister wife girlfriend grandmother granddaughter aunt niece"
                    .split(), "f"),
}
# Courtesy and office titles that open a name as the tagger marks it ("Justice
# Sean Dunphy", "Mr. Porter"): not part of the person's name.
NAME_TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. justice judge sen sen. pres pres.
    senator rep rep. gov gov. governor president premier minister mayor councillor councilor chief
    gen gen. general col col. capt capt. sgt sgt. lt lt. officer constable father sister brother
    """.split()
)

PRONOUNS = {
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "it": "organisation",
    "they": "group",
    "we": "group",
    "i": "person",
}

# Country name -> nationality adjective.  Used both ways: "South Korean" ->
# South Korea and "China" -> "Chinese government".
COUNTRIES = {
    "Afghanistan": "Afghan", "Argentina": "Argentine", "Australia": "Australian",
    "Austria": "Austrian", "Belarus": "Belarusian", "Belgium": "Belgian", "Brazil": "Brazilian",
    "Britain": "British", "Burma": "Burmese", "Canada": "Canadian", "Chile": "Chilean",
    "China": "Chinese", "Colombia": "Colombian", "Cuba": "Cuban", "Denmark": "Danish",
    "Egypt": "Egyptian", "Finland": "Finnish", "France": "French", "Germany": "German",
    "Greece": "Greek", "Hungary": "Hungarian", "India": "Indian", "Indonesia": "Indonesian",
    "Iran": "Iranian", "Iraq": "Iraqi", "Ireland": "Irish", "Israel": "Israeli", "Italy": "Italian",
    "Japan": "Japanese", "Jordan": "Jordanian", "Kenya": "Kenyan", "Lebanon": "Lebanese",
    "Mexico": "Mexican", "Myanmar": "Myanmar", "Netherlands": "Dutch", "Nigeria": "Nigerian",
    "North Korea": "North Korean", "Norway": "Norwegian", "Pakistan": "Pakistani",
    "Philippines": "Philippine", "Poland": "Polish", "Portugal": "Portuguese", "Qatar": "Qatari",
    "Russia": "Russian", "Saudi Arabia": "Saudi", "South Africa": "South African",
    "South Korea": "South Korean", "Spain": "Spanish", "Sweden": "Swedish", "Switzerland": "Swiss",
    "Syria": "Syrian", "Taiwan": "Taiwanese", "Thailand": "Thai", "Turkey": "Turkish",
    "Ukraine": "Ukrainian", "United Kingdom": "British", "UK": "British", "United States": "US",
    "US": "US", "U.S.": "US", "America": "American", "Venezuela": "Venezuelan",
    "Vietnam": "Vietnamese", "Yemen": "Yemeni",
}
NATIONALITIES = {adj: country for country, adj in COUNTRIES.items()}
NATIONALITIES.update({"American": "United States", "US": "United States", "U.S.": "United States"})

# Capitals used as metonyms for their country ("Seoul's presidential office").
CAPITALS = {
    "Washington": "United States", "Seoul": "South Korea", "Pyongyang": "North Korea",
    "Moscow": "Russia", "Beijing": "China", "Tokyo": "Japan", "Kyiv": "Ukraine", "Kiev": "Ukraine",
    "London": "United Kingdom", "Paris": "France", "Berlin": "Germany", "Tehran": "Iran",
    "Taipei": "Taiwan", "New Delhi": "India", "Brasilia": "Brazil", "Ankara": "Turkey",
    "Jerusalem": "Israel", "Damascus": "Syria", "Baghdad": "Iraq", "Riyadh": "Saudi Arabia",
    "Hanoi": "Vietnam", "Naypyidaw": "Myanmar", "Ottawa": "Canada", "Canberra": "Australia",
}


def nationality_of(country: str) -> str | None:
    """"South Korea" -> "South Korean"; None when unknown."""
    return COUNTRIES.get(country)


def country_of(word: str) -> str | None:
    """"South Korean", "Seoul" or "South Korea" -> the country name; None when unknown."""
    return NATIONALITIES.get(word) or CAPITALS.get(word) or (word if word in COUNTRIES else None)


# Common English short forms of given names ("Bill Clinton" is William Clinton): the same
# person may be written either way across outlets.  Only forms that stand for one full name.
NICKNAMES = {
    "bill": "william", "billy": "william", "will": "william", "bob": "robert", "bobby": "robert",
    "rob": "robert", "dick": "richard", "rick": "richard", "jim": "james", "jimmy": "james",
    "mike": "michael", "tom": "thomas", "tommy": "thomas", "joe": "joseph", "dan": "daniel",
    "danny": "daniel", "dave": "david", "chris": "christopher", "rudy": "rudolph", "tony": "anthony",
    "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine", "kathy": "katherine", "nick": "nicholas",
    "chuck": "charles", "charlie": "charles", "ed": "edward", "eddie": "edward", "steve": "steven",
    "larry": "lawrence", "jerry": "gerald", "pat": "patrick", "pete": "peter", "sam": "samuel",
    "ben": "benjamin", "andy": "andrew", "drew": "andrew", "matt": "matthew", "greg": "gregory",
    "jeff": "jeffrey", "ken": "kenneth", "ron": "ronald", "don": "donald", "newt": "newton",
}

# Words that are never part of a personal name ("Clinton White House", "Jupiter Democrat"):
# a mention holding one is an organisation, a place or a party.
NOT_NAME_WORDS = ORG_HEADS | frozenset("house hall street democrat democrats republican republicans".split())
