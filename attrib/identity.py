"""Identity across articles: which in-article speaker names are one person, which
organisation names are one organisation.  Pure functions over names (no database, no
models); :mod:`attrib.db` stores their answers (``speaker_aliases``, ``organisations.key``).

Inside one article :mod:`attrib.resolve` already turns "Trump" into "Donald Trump" when the
article gives the full name.  What is left is across articles, and every rule here errs on
the side of keeping people apart: a statement given to the wrong person is worse than a
person who is two rows.

Rules, each with its reason:

- **Full names merge on (first given name, surname, suffix)**: "Donald Trump", "Donald J.
  Trump", "President Donald Trump" and "Mr. Donald Trump" are one person (titles are not
  what tells people apart); "Hillary Clinton" and "Bill Clinton" are two, and so are
  "Donald Trump" and "Donald Trump Jr." (different given names or suffixes are conflicting
  evidence).  Common short forms are their full given name ("Bill" is William, "Rudy" is
  Rudolph: :data:`attrib.lexicon.NICKNAMES`).  Middle initials that differ keep people
  apart ("George H.W. Bush", "George W. Bush"); a name written without them joins the one
  person written with them.
- **Not a name**: a mention with an organisation or party word ("Clinton White House",
  "Jupiter Democrat") is not a personal name; a possessive before a name is not part of it
  ("Gallup's Jeffrey M. Jones" is Jeffrey M. Jones).
- **East Asian order**: "Kim Jong-un" is surname Kim, given name Jong-un (a hyphenated,
  lower-case second part is how Korean given names are romanised), so "Kim Jong-un" and
  "Kim Son-gyong" share a surname and never merge.
- **A surname alone ("Trump", "Mr. Trump", "President Trump") joins the one person with that
  surname** in the whole database, when there is exactly one and nothing conflicts: not a
  Mr. for a person called Ms., not a role that shares no word with that person's roles. With
  two or more people of that surname, it joins none of them. Surname-only mentions are kept
  per article (:func:`alias_scope`): two articles' "Smith" may be two people.
- **A surname alone needs evidence**: its own article names that person in full, or names
  no other person of that surname and the person is named in full in at least
  :data:`PROMINENT_ARTICLES` articles. An article that names someone else of the surname
  ("Polk County GOP Chairman Will Rogers ... Rogers said") keeps its "Rogers" apart.
- **An initial and a surname ("D. Trump")** join the one person whose given name has that initial.
- **A name the resolver could not type** (kind unknown: "Trump told supporters" where the
  tagger saw no person) is read as a personal name when it is written as one.
- **Descriptions are never merged across articles**: "a senior official", "her son" or
  "officials" in two articles are not the same person (:func:`alias_scope`).
- **Organisations merge on a normalised key** (:func:`org_key`): country adjectives and
  capitals used as metonyms become the country ("South Korean", "Seoul's" → South Korea),
  "X ministry" and "Ministry of X (Affairs)" become one form, articles and possessives go.
- **A hand decision wins** (:class:`Pin`): the aliases file or ``attrib speakers merge/split``
  names the person an alias belongs to.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from . import lexicon

#: Words after a surname that are not names ("Martin Luther King Jr.").
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
#: Lower-case words that belong to a surname ("Ludwig van Beethoven", "Bashar al-Assad").
PARTICLES = frozenset("van von der den de da di du del della la le bin ibn al el dos das st st.".split())
#: Speaker kinds whose name may be a personal name: a person, or a mention the resolver could
#: not type ("Trump told supporters", where the tagger saw no person) that reads as a name.
PERSONAL_KINDS = ("person", "unknown")
#: Speaker kinds that name someone or something across articles; the others describe.
NAMED_KINDS = ("person", "organisation", "group")
#: Words of an organisation name that do not tell organisations apart ("Ministry of Foreign Affairs").
ORG_FILLER = frozenset("the of and for 's ’s ' affairs".split())


@functools.lru_cache(maxsize=262144)
def fold(word: str) -> str:
    """Lower case without accents or trailing dots: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip(".,")


@dataclass(frozen=True)
class NameParts:
    """A personal name taken apart: ``given`` (folded, initials left out), the initial of
    the first given name when only an initial is written, the folded ``surname``, and the
    gender a courtesy title gives ("m", "f" or None)."""

    given: tuple[str, ...]
    initial: str | None
    surname: str
    gender: str | None
    suffix: str = ""
    middle: str = ""  # initials of the middle names ("George H.W. Bush": "hw"), "" when none written

    @property
    def full(self) -> bool:
        """A given name is written out ("Donald Trump"), not only a surname or an initial."""
        return bool(self.given)

    @property
    def key(self) -> tuple[str, str, str]:
        """What full names merge on: (first given name, surname, suffix): "Donald Trump Jr."
        is not his father."""
        first = self.given[0] if self.given else self.initial or ""
        return (lexicon.NICKNAMES.get(first, first), self.surname, self.suffix)


def _is_title(word: str) -> bool:
    w = fold(word)
    return w in lexicon.NAME_TITLES or w in lexicon.ROLE_HEADS or w in lexicon.ROLE_MODIFIERS or w == "vice"


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.?-?){1,3}", word))


@functools.lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[tuple[str, ...], str | None, str] | None:
    """The name's words without leading titles and a trailing suffix, the gender of a
    courtesy title and the suffix; None when the words cannot be a personal name."""
    words = [w.strip(",") for w in name.split() if w.strip(",")]
    while len(words) > 1 and re.search(r"[’']s$", words[0]):  # "Gallup's Jeffrey M. Jones", "Florida's Rick Wilson"
        words = words[1:]
    if any(fold(w) in lexicon.NOT_NAME_WORDS for w in words):
        return None
    gender = None
    while len(words) > 1 and _is_title(words[0]):
        gender = gender or lexicon.TITLE_GENDER.get(words[0].lower())
        words = words[1:]
    suffix = ""
    if len(words) > 1 and fold(words[-1]) in SUFFIXES:
        suffix, words = fold(words[-1]), words[:-1]
    if not words or len(words) > 5:
        return None
    for w in words:
        if fold(w) in PARTICLES or _is_initial(w):
            continue
        if not (w[0].isupper() and any(c.isalpha() for c in w)):
            return None
    return tuple(words), gender, suffix


@functools.lru_cache(maxsize=65536)  # a pure function of the name; an archive repeats its names
def name_parts(name: str) -> NameParts | None:
    """``name`` taken apart as a personal name, or None when it is not one ("the ministry",
    "a senior official", "crowds in the street")."""
    got = _name_tokens(name)
    if got is None:
        return None
    words, gender, suffix = got
    if len(words) == 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]):  # "Kim Jong-un": surname first
        return NameParts((fold(words[1]),), None, fold(words[0]), gender, suffix)
    i = len(words) - 1
    while i > 0 and fold(words[i - 1]) in PARTICLES:  # "van Beethoven", "al-Assad" stays whole
        i -= 1
    surname = " ".join(fold(w) for w in words[i:])
    before = words[:i]
    given = tuple(fold(w) for w in before if not _is_initial(w))
    initial = fold(before[0])[:1] if before and _is_initial(before[0]) else None
    if before and _is_initial(before[0]):
        given = ()  # "D. Trump", "J. Edgar Hoover": the first given name is only an initial
    middle = "".join(re.sub(r"[^a-z]", "", fold(w)) if _is_initial(w) else fold(w)[:1] for w in before[1:])
    return NameParts(given, initial, surname, gender, suffix, middle)


@functools.lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """The form organisation names merge on: "South Korea's foreign ministry", "the South
    Korean Ministry of Foreign Affairs" and "Seoul's foreign ministry" are all
    ``"south korea|foreign ministry"``; "the Kremlin" is ``"|kremlin"``."""
    text = re.sub(r"[’']s\b", "", name)
    country = ""
    for form in sorted({*lexicon.COUNTRIES, *lexicon.NATIONALITIES, *lexicon.CAPITALS}, key=len, reverse=True):
        if re.search(rf"(?<![\w.]){re.escape(form)}(?![\w])", text):
            country = lexicon.country_of(form) or form
            text = re.sub(rf"(?<![\w.]){re.escape(form)}(?![\w])", " ", text, count=1)
            break
    if country in lexicon.COUNTRIES and lexicon.country_of(country) not in (None, country):
        country = lexicon.NATIONALITIES.get(lexicon.COUNTRIES[country], country)
    words = [fold(w) for w in re.findall(r"[\w&-]+", text)]
    words = [w for w in words if w and w not in ORG_FILLER and w not in lexicon.ARTICLES]
    return f"{fold(country)}|{' '.join(sorted(words))}"


def org_display_rank(name: str) -> tuple[bool, int, str]:
    """Which of an organisation's names it is shown with (the least wins): a name of its own
    before a possessive or metonym ("South Korean Ministry of Foreign Affairs" before
    "Seoul's foreign ministry"), then the shorter, then alphabetical, so that the name does
    not depend on which article came first."""
    bare = re.sub(r"^(?:the|The)\s+", "", name)
    return (bool(re.search(r"[’']s\b", bare)), len(bare), bare)


def alias_scope(name: str, kind: str, article_id: str) -> str:
    """Where an in-article speaker name means one and the same speaker: ``""`` (every
    article) for a full personal name, an organisation or a named group; the article's id
    for a surname alone, an initial and a surname, and every description ("a senior
    official", "her son"): those are only linked across articles by :func:`cluster`'s rules."""
    if kind == "person":
        parts = name_parts(name)
        return "" if parts is not None and parts.full else article_id
    if kind == "organisation":
        return ""
    if kind == "group" and all(w[:1].isupper() for w in name.split()):  # "Democrats", "House Republicans"
        return ""
    return article_id


def block_key(name: str, kind: str, scope: str) -> str:
    """The group of aliases that may be one person or organisation: ``p:<surname>`` for
    personal names (and a one-word organisation, which may be a surname the tagger read as
    an organisation: "Trump"), ``o:<org key>`` for organisations, and a block of its own
    for a description."""
    parts = name_parts(name) if kind in ("person", "unknown", "organisation", "group") else None
    if parts is not None and (kind in PERSONAL_KINDS or len(name.split()) == 1):
        return "p:" + parts.surname
    if kind == "organisation":
        return "o:" + org_key(name)
    return f"d:{scope}:{kind}:{name}"


@dataclass(frozen=True)
class Alias:
    """One stored in-article speaker name: ``roles`` are the roles given with it."""

    id: int
    name: str
    kind: str
    scope: str
    n_articles: int = 1
    roles: frozenset[str] = frozenset()
    context: frozenset[tuple[str, str, str]] = frozenset()  # full names of its surname in its article


#: A surname alone with no other evidence joins a person only if that person is named in
#: full in at least this many articles: a figure of the archive ("Kasich", "Pence"), not
#: the one "Robert Mason" quoted once, who is not the boy called Mason in another story.
PROMINENT_ARTICLES = 2


def article_context(name: str, people: Iterable[str]) -> frozenset[tuple[str, str, str]]:
    """The keys of the full personal names among ``people`` (the article's person mentions)
    that share ``name``'s surname: what the article itself says about who "Mason" is."""
    parts = name_parts(name)
    if parts is None or parts.full:
        return frozenset()
    keys = set()
    for p in people:
        q = name_parts(p)
        if q is not None and q.full and q.surname == parts.surname:
            keys.add(q.key)
    return frozenset(keys)


@dataclass(frozen=True)
class Pin:
    """A hand decision: alias ``name`` belongs to the person ``canonical`` (from the aliases
    file, ``attrib speakers merge`` or ``split``), optionally with a Wikidata id."""

    name: str
    canonical: str
    wikidata: str | None = None


@dataclass(frozen=True)
class Cluster:
    """Aliases that are one speaker, with the name and kind the speaker is shown with."""

    alias_ids: tuple[int, ...]
    name: str
    kind: str
    wikidata: str | None = None


def _roles_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both have roles and no role shares a word: "senator" vs "coach" are two people."""
    if not a or not b:
        return False
    words_a = {w for r in a for w in fold(r).split()}
    words_b = {w for r in b for w in fold(r).split()}
    return not (words_a & words_b)


class _Groups:
    """Aliases being put into groups (a union of alias ids per group key)."""

    def __init__(self) -> None:
        self.members: dict[str, list[Alias]] = defaultdict(list)
        self.pins: dict[str, Pin] = {}
        self.given: dict[str, str] = {}  # group key -> first given name of its full names

    def add(self, key: str, alias: Alias) -> None:
        self.members[key].append(alias)

    def roles(self, key: str) -> frozenset[str]:
        return frozenset(r for a in self.members[key] for r in a.roles)

    def genders(self, key: str) -> set[str]:
        return {g for a in self.members[key] if (p := name_parts(a.name)) and (g := p.gender)}


def _place_full(groups: _Groups, alias: Alias, parts: NameParts, pinned_keys: dict[tuple[str, ...], str]) -> None:
    """Full names of one key and the same middle initials (or none written) are one person;
    different middle initials are two ("George H.W. Bush", "George W. Bush")."""
    key = pinned_keys.get(parts.key, "full:" + "|".join(parts.key) + "|" + parts.middle)
    groups.given.setdefault(key, parts.given[0])
    groups.add(key, alias)


def _join_middles(groups: _Groups) -> None:
    """A full name written without middle initials joins the one person of its key written
    with them ("Hillary Clinton" and "Hillary Rodham Clinton"); with two, it joins neither."""
    def stem(k: str) -> str:
        return k.rsplit("|", 1)[0]
    bare = [k for k in groups.members if k.startswith("full:") and k.endswith("|")]
    for key in bare:
        with_middle = [k for k in groups.members if k.startswith("full:") and k != key and stem(k) == stem(key)]
        if len(with_middle) == 1:
            groups.members[with_middle[0]].extend(groups.members.pop(key))


def _fits(groups: _Groups, key: str, alias: Alias, parts: NameParts) -> bool:
    """Nothing about ``alias`` conflicts with the group: initial, courtesy title, roles."""
    return ((parts.initial is None or groups.given.get(key, "")[:1] == parts.initial)
            and not (parts.gender and groups.genders(key) - {parts.gender})
            and not _roles_conflict(alias.roles, groups.roles(key)))


def _evidence(groups: _Groups, key: str, alias: Alias) -> bool:
    """Enough to put a surname alone with the person of ``key``: the article names that person
    in full, or names no other person of the surname and the person is prominent."""
    keys = {tuple(a_key) for a_key in alias.context}
    person = {name_parts(a.name).key for a in groups.members[key] if name_parts(a.name) is not None}
    if keys & person:
        return True
    if keys:  # the article names someone else of that surname: "Will Rogers", not Fred Rogers
        return False
    return sum(a.n_articles for a in groups.members[key] if a.scope == "") >= PROMINENT_ARTICLES


def _place_partial(groups: _Groups, alias: Alias, parts: NameParts, full_keys: list[str]) -> None:
    """A surname alone or an initial: the one full person it fits.  With no full name of
    that surname anywhere, surname-only mentions that do not conflict are one person
    (nothing says there are two); with two or more full names, it joins none of them."""
    if full_keys:
        fits = [k for k in full_keys if _fits(groups, k, alias, parts)]  # two people of the surname: neither
        groups.add(fits[0] if len(fits) == 1 and _evidence(groups, fits[0], alias) else f"own:{alias.id}", alias)
        return
    if alias.context:  # its article names the person in full, and that name is no speaker here
        groups.add(f"own:{alias.id}", alias)
        return
    for key in sorted(k for k in groups.members if k.startswith("surname:")):
        if _fits(groups, key, alias, parts):
            groups.add(key, alias)
            return
    groups.add(f"surname:{parts.surname}:{len(groups.members):06d}", alias)


def cluster(aliases: Iterable[Alias], pins: Iterable[Pin] = ()) -> list[Cluster]:
    """The speakers that ``aliases`` (one block, see :func:`block_key`) are, by the rules of
    the module docstring.  Deterministic: the same aliases give the same clusters whatever
    order they were stored in."""
    aliases = sorted(aliases, key=lambda a: a.id)
    by_name = {fold(p.name): p for p in pins}
    groups = _Groups()
    pinned_keys: dict[tuple[str, ...], str] = {}
    for p in by_name.values():
        groups.pins["pin:" + fold(p.canonical)] = p
        parts = name_parts(p.canonical)
        if parts is not None and parts.full:
            pinned_keys.setdefault(parts.key, "pin:" + fold(p.canonical))
            groups.given.setdefault("pin:" + fold(p.canonical), parts.given[0])
    partial: list[tuple[Alias, NameParts]] = []
    later: list[Alias] = []
    for a in aliases:
        parts = name_parts(a.name) if a.kind in PERSONAL_KINDS else None
        if fold(a.name) in by_name:
            groups.add("pin:" + fold(by_name[fold(a.name)].canonical), a)
        elif parts is not None and parts.full:
            _place_full(groups, a, parts, pinned_keys)
        elif parts is not None:
            partial.append((a, parts))
        else:
            later.append(a)
    _join_middles(groups)
    full_keys = sorted(k for k in groups.members if k.startswith(("full:", "pin:")))
    for a, parts in sorted(partial, key=lambda ap: (ap[0].scope, ap[0].name)):  # article order, not storage order
        _place_partial(groups, a, parts, full_keys)
    _place_others(groups, later)
    return [_cluster_of(groups, key) for key in sorted(groups.members)]


def _place_others(groups: _Groups, others: list[Alias]) -> None:
    """Organisations and groups: one group per organisation key; a one-word organisation
    that is also a person's alias in this block ("Trump" tagged once as an organisation)
    goes where that person's alias went."""
    where = {fold(a.name): key for key, members in groups.members.items() for a in members
             if a.kind in PERSONAL_KINDS}
    for a in others:
        if a.kind == "organisation" and len(a.name.split()) == 1 and fold(a.name) in where:
            groups.add(where[fold(a.name)], a)
        elif a.kind in NAMED_KINDS and not a.scope:
            groups.add(f"{a.kind}:{org_key(a.name) if a.kind == 'organisation' else fold(a.name)}", a)
        else:
            groups.add(f"own:{a.id}", a)


def _cluster_of(groups: _Groups, key: str) -> Cluster:
    members = groups.members[key]
    pin = groups.pins.get(key)
    kinds = Counter(a.kind for a in members)
    kind = "person" if kinds["person"] else kinds.most_common(1)[0][0]
    if pin is not None:
        return Cluster(tuple(a.id for a in members), pin.canonical, kind, pin.wikidata)
    return Cluster(tuple(a.id for a in members), display_name(members), kind)


def bare_name(name: str) -> str:
    """A personal name without its leading titles and trailing suffix ("President Donald
    Trump" -> "Donald Trump"); other names unchanged."""
    got = _name_tokens(name)
    if got is None:
        return name
    words, _, suffix = got
    return " ".join(words) + (" " + name.split()[-1].strip(",") if suffix else "")


def display_name(members: list[Alias]) -> str:
    """The name a speaker is shown with: its full name in the most articles (fewest words on
    a tie: "Donald Trump" before "Donald J. Trump"), else its most frequent alias; personal
    names without their titles."""
    def rank(a: Alias) -> tuple[bool, int, int, str]:
        parts = name_parts(a.name) if a.kind in PERSONAL_KINDS else None
        name = bare_name(a.name) if parts is not None else a.name
        return (not (parts is not None and parts.full), -a.n_articles, len(name.split()), name)
    people = [a for a in members if a.kind in PERSONAL_KINDS]
    if not people:  # an organisation or group: the same choice as for an organisation's name
        return min((a.name for a in members), key=org_display_rank)
    best = min(people, key=rank)
    return bare_name(best.name)
