"""Speaker resolution: who is behind each candidate statement.

Turns the speaker *mention* a rule found ("he", "Campbell", "the ministry",
"Kremlin spokesman Dmitry Peskov") into a name, a kind (person, organisation,
group, anonymous, unknown), a role, an organisation and the body that relayed
the words.  Works on one article at a time, left to right, so that a pronoun or
a surname can refer back to what came before.  Never invents a name: an
anonymous or group speaker keeps its description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import lexicon
from .extract.base import Candidate, DocView, party_tag_start
from .extract.site import name_as_verb

POSSESSIVE = re.compile(r"(?:['’]s?|\s+)$")
_POSSESSIVE_MARKS = ("’s", "'s", "’", "'")


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker, and how it was found (one of :data:`HOW`)."""

    name: str | None
    kind: str
    role: str | None = None
    organisation: str | None = None
    how: str = "unknown"


#: How a speaker was found: a person's full name in the mention, a part of a name
#: (surname, given name) resolved to the full name seen elsewhere, a pronoun, a
#: title or noun that refers back ("the senator", "the ministry"), an organisation
#: or country named, an anonymous or group description, the speaker of the statement
#: a floating quote continues, no mention at all, or a mention not understood; a
#: pronoun that could as well be another person named just before is "pronoun_ambiguous".
HOW = ("name", "surname", "pronoun", "pronoun_ambiguous", "nominal", "organisation", "description", "continued",
       "none", "unknown")


@dataclass
class Person:
    """A person named in the article, with the title seen with the name."""

    name: str
    role: str | None
    organisation: str | None
    last_seen: int  # character offset
    mentions: int = 1
    votes: dict[str, int] = field(default_factory=dict)  # gender -> evidence count

    @property
    def gender(self) -> str | None:
        """"m" or "f" when the article's own evidence (titles, pronouns) points one way, else None."""
        m, f = self.votes.get("m", 0), self.votes.get("f", 0)
        return "m" if m > f else "f" if f > m else None


def _clean(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\s*-\s*", "-", text) if re.search(r"\w\s-\s?\w|\w-\s\w", text) else text
    return POSSESSIVE.sub("", text).strip(" ,;:.")


class Resolver:
    """Resolves speakers of one article; keeps the people and organisations seen so far."""

    def __init__(self, d: DocView):
        self.d = d
        self.people: list[Person] = []
        self.person_at: dict[int, Person] = {}  # entity start char -> person
        self.history: list[tuple[int, Speaker]] = []  # (char offset, speaker) of resolved statements
        self.resolved: dict[int, Speaker] = {}  # anchor (character offset) of a statement -> its speaker
        self._index_people()

    # -- people -------------------------------------------------------------
    def _name_range(self, tok_start: int, tok_end: int) -> tuple[int, int]:
        """An entity's tokens without non-name edges ("Echoing Kim’s" -> "Kim"),
        extended over hyphenated parts the tokenizer split ("Kim Hong - kyun")."""
        d = self.d
        i, j = tok_start, tok_end
        while i < j and d.toks[i].upos not in ("PROPN",) and not d.toks[i].text[:1].isupper():
            i += 1
        while i < j and d.toks[i].upos not in ("PROPN", "NOUN", "X") and not name_as_verb(d, i):
            i += 1
        while j > i and (d.toks[j - 1].upos in ("PART", "PUNCT") or d.toks[j - 1].text in ("’s", "'s")):
            j -= 1
        while j + 1 < len(d.toks) and d.toks[j].text == "-" and d.toks[j].start == d.toks[j - 1].end \
                and d.toks[j + 1].start == d.toks[j].end:
            j += 2
        return i, j

    def _name_spans(self) -> list[tuple[int, int]]:
        """Token ranges of person names: PER entities, plus a capitalised name
        right after a title word that the tagger missed ("Google CEO Sundar
        Pichai", "Defence Minister Jane Doe")."""
        d = self.d
        # (not a party-and-state tag the tagger read as a person: "Sen. Jane Roe, D-Mich.")
        spans = [(e.tok_start, e.tok_end) for e in d.p.entities if e.label == "PER"
                 and party_tag_start(d, e.tok_end) is None]
        covered = {k for s, e in spans for k in range(s, e)}
        # ("But Trump said": a name the tagger read as a verb, when the article names the person)
        spans += [(k, k + 1) for k, t in enumerate(d.toks)
                  if k not in covered and t.text in d.person_words and name_as_verb(d, k)]
        for k, t in enumerate(d.toks):
            if d.lows[k] not in lexicon.ROLE_HEADS or k + 1 >= len(d.toks):
                continue
            j = k + 1
            # (the tagger's label is not trusted here: it calls "CEO Sundar Pichai" an ORG)
            while j < len(d.toks) and j - k <= 4 and d.toks[j].upos == "PROPN" and d.toks[j].text[:1].isupper() \
                    and d.toks[j].sent == t.sent and d.toks[j].text.lower() not in lexicon.ROLE_HEADS:
                j += 1
            runs_on = j < len(d.toks) and d.toks[j].upos == "PROPN"
            # (one word is enough after a title that opens names, "Hereditary Chief Na'moks
            # said", when it ends the phrase: not "chief U.K. economist")
            one_word = j - k == 2 and d.lows[k] in lexicon.NAME_TITLES and not (
                j < len(d.toks) and d.toks[j].upos in ("NOUN", "PROPN", "ADJ", "NUM"))
            if (j - k >= 3 or one_word) and not covered & set(range(k + 1, j)) and not runs_on:
                spans.append((k + 1, j))
        return sorted(spans)

    def _index_people(self) -> None:
        d = self.d
        for tok_start, tok_end in self._name_spans():
            i, j = self._name_range(tok_start, tok_end)
            if j <= i:
                continue
            title_gender = None
            while j - i > 1 and d.low(i) in lexicon.NAME_TITLES:  # "Justice Sean Dunphy", "Mr. Porter"
                title_gender = title_gender or lexicon.TITLE_GENDER.get(d.low(i))
                i += 1
            if i > 0 and title_gender is None:
                title_gender = lexicon.TITLE_GENDER.get(d.low(i - 1)) or self._kin_gender(i)
            name = _clean(d.text[d.toks[i].start : d.toks[j - 1].end])
            if not name or not name[0].isupper():
                continue
            role, org = self._title_before(i)
            if role is not None and org is None:
                org = self._affiliation_after(j)
            if role is None:
                role, org = self._apposed_title(i, d.toks[i].start)
            if role is None:
                role, org = self._apposition_after(j, d.toks[i].start)
            person = self._match_person(name, d.toks[i].start)
            if person is None:
                person = Person(name, role, org, d.toks[i].start)
                self.people.append(person)
            else:
                person.last_seen = d.toks[i].start
                person.mentions += 1
                if len(name.split()) > len(person.name.split()):
                    person.name = name
                if person.role is None and role:
                    person.role, person.organisation = role, org
            if title_gender:
                person.votes[title_gender] = person.votes.get(title_gender, 0) + 2
            if self._subject_at(d.toks[i].start):  # (a pronoun after an object names someone else as often)
                self._vote_pronoun(person, j)
            self.person_at[d.toks[i].start] = person
            for k in range(tok_start, i):  # the title words point to the person too
                self.person_at.setdefault(d.toks[k].start, person)
        self._index_surnames()

    def _index_surnames(self) -> None:
        """A lone capitalised word that is the surname of a person the article named in
        full is that person, whatever the tagger called it: a later "Guest said", "that
        Foster pieced ..." is the Tim Guest or Cecil Foster of before, though the tagger
        read the word as a place, a company or an adjective (or missed it)."""
        d = self.d
        surnames: dict[str, list[Person]] = {}
        for p in self.people:
            parts = p.name.split()
            if len(parts) >= 2 and parts[-1][:1].isupper() and not parts[-1].isupper():
                surnames.setdefault(parts[-1], []).append(p)
        if not surnames:
            return
        multi = {k for e in d.p.entities if e.tok_end - e.tok_start > 1 for k in range(e.tok_start, e.tok_end)}
        for k, t in enumerate(d.toks):
            # (a name in a quotation is the speaker's topic, not a person the narration goes on about)
            if t.text not in surnames or t.start in self.person_at or k in multi or d.in_quote(t.start):
                continue
            # (a word of a longer name, "Guest House", or a modifier, "Young people", is not the person)
            before = d.toks[k - 1] if k > 0 and d.toks[k - 1].sent == t.sent else None
            after = d.toks[k + 1] if k + 1 < len(d.toks) and d.toks[k + 1].sent == t.sent else None
            if before is not None and before.text[:1].isupper() and before.upos == "PROPN" \
                    and d.low(k - 1) not in lexicon.NAME_TITLES:
                continue
            if after is not None and after.upos == "PROPN" and after.text[:1].isupper():
                continue
            # (only a word standing for someone, a subject or object: "the Trump campaign", "a
            # Lincoln actor" name a campaign and an actor)
            # ("Republicans": a plural proper noun is a group, even when the tagger made a person of
            # "Senate Republicans"; a surname read as a plural common noun, "Espinos", is still a name)
            # ("Green himself was excited": the parser may hang the name on the pronoun that stresses it)
            stressed = t.deprel == "compound" and t.head >= 0 and d.lows[t.head] in ("himself", "herself")
            if t.deprel.split(":")[0] not in _NAME_DEPRELS and not stressed \
                    or t.upos in ("DET", "ADP", "PRON", "AUX", "CCONJ") \
                    or t.xpos == "NNPS":
                continue
            person = max(surnames[t.text], key=lambda p: p.mentions)
            person.mentions += 1
            person.last_seen = max(person.last_seen, t.start)
            self.person_at[t.start] = person
            if self._subject_at(t.start):
                self._vote_pronoun(person, k + 1)

    def _kin_gender(self, i: int) -> str | None:
        """A kinship word right before a name, used as its title, gives its gender: "her
        father Khaled" (the article's own words, no first-name lists).  Not across a
        comma ("his dad, Darrin"): on ggt_dev that form cost more than it gained."""
        d = self.d
        k = i - 1
        return lexicon.KIN_GENDER.get(d.low(k)) if k >= 0 and d.toks[k].sent == d.toks[i].sent else None

    def _vote_as_speaker(self, name: str | None, a: int, b: int) -> None:
        """A person named as the speaker of a statement is the topic as much as a subject
        is: "..., said Mark Roe, the guild's director. But he said ..." -- the pronoun
        after the mention is evidence of the speaker's gender even where the parse made
        the inverted name an object (a subject has had its vote already)."""
        d = self.d
        person = self._person_named(name)
        starts = [d.toks[k].start for k in range(a, b) if self.person_at.get(d.toks[k].start) is person]
        if person is None or not starts or any(self._subject_at(st) for st in starts):
            return
        end = max(k for k in range(a, b) if self.person_at.get(d.toks[k].start) is person) + 1
        while end < b and d.toks[end].upos == "PROPN":  # (the rest of the name)
            end += 1
        # (within its paragraph: the "he said" after a signed post or a tweet is the next speaker's)
        self._vote_pronoun(person, end, paragraph=True)

    def _vote_pronoun(self, person: Person, j: int, paragraph: bool = False) -> None:
        """The first personal pronoun after a name, in its sentence or the next, with
        no other person in between (but for a possessor named in passing), is evidence of
        that person's gender."""
        d = self.d
        last_sent = d.toks[j - 1].sent + 1 if j > 0 else 0
        passed = False  # another person named in passing ("... about Kim's schedule. But he said")
        # (a name inside a quotation: the narration's pronoun after the quotation is its speaker)
        if j > 0 and d.in_quote(d.toks[j - 1].start):
            return
        for k in range(j, min(len(d.toks), j + 60)):
            t = d.toks[k]
            if t.sent > last_sent or paragraph and k > j and "\n" in d.text[d.toks[k - 1].end : t.start]:
                return
            # (a person the tagger missed but the article names counts too: "For Espinos, ... he")
            if t.ner != "O" and t.ner.endswith("PER") or self.person_at.get(t.start, person) is not person:
                # (another person takes over, but a possessor named in passing leaves the topic
                # where it was: a subject pronoun after it still continues the subject, a "his"
                # might be the other's)
                e = next((e for e in d.p.entities if e.tok_start <= k < e.tok_end), None)
                head = self._head(e.tok_start, e.tok_end) if e is not None else k
                if d.toks[head].deprel != "nmod:poss":
                    return
                passed = True
                continue
            gender = lexicon.PRONOUN_GENDER.get(t.text.lower())
            if gender and passed and not t.deprel.startswith("nsubj"):
                return
            if gender and not d.in_quote(t.start):
                person.votes[gender] = person.votes.get(gender, 0) + 1
                return

    def _match_person(self, name: str, at: int) -> Person | None:
        """A surname or given name refers to a full name that has it ("Campbell" ->
        Kurt Campbell); when several people share it, to the one named most often so
        far (the article's main person), the latest on a tie.  A full name refers to
        the person named so far by its surname alone."""
        parts = name.split()
        latest_first = sorted(self.people, key=lambda p: -p.last_seen)
        for p in latest_first:
            if p.name == name:
                return p
        if len(parts) != 1:
            # the full name given only after the surname ("Dunphy said ...", later "Justice Sean
            # Dunphy"): the person named so far by the surname alone is this one
            alone = [p for p in latest_first if len(p.name.split()) == 1 and p.name == parts[-1]]
            return alone[0] if len(alone) == 1 else None
        sharing = [p for p in latest_first if parts[0] in (p.name.split()[-1], p.name.split()[0])]
        return max(sharing, key=lambda p: p.mentions) if sharing else None

    def _title_start(self, i: int, s0: int) -> int:
        """Where the run of title words before the name at token ``i`` starts (not before ``s0``):
        words, and "of" between words ("Vice Minister of Foreign Affairs Kim Hong-kyun")."""
        d = self.d
        k = i
        while k - 1 >= s0:
            t = d.toks[k - 1]
            if t.upos in ("PROPN", "ADJ", "NOUN") or t.text.lower() == "of" and k - 2 >= s0 and \
                    d.toks[k - 2].upos in ("PROPN", "NOUN"):
                k -= 1
                continue
            break
        return k

    def _title_before(self, i: int) -> tuple[str | None, str | None]:
        """Role and organisation from the title before a name:
        "Kremlin spokesman Dmitry Peskov" -> (spokesman, Kremlin)."""
        d = self.d
        s0, _ = d.sent_range(i) if d.toks else (0, 0)
        words = [d.toks[m] for m in range(self._title_start(i, s0), i)]
        return split_title([w.text for w in words])

    def _apposition_after(self, j: int, at: int = 0) -> tuple[str | None, str | None]:
        """"Colin Zwirko, a senior analytical correspondent with NK Pro" -> (role, organisation)."""
        d = self.d
        if j + 1 >= len(d.toks) or d.toks[j].text != ",":
            return None, None
        _, s1 = d.sent_range(j)
        found = self._role_phrase(j + 1, s1, at)
        return found[:2] if found else (None, None)

    def _affiliation_after(self, j: int) -> str | None:
        """The organisation in a phrase right after a titled name: "economist Jane Moss of
        Harbor Bank" (a tagged organisation or an organisation word: "Sen. Jane Roe of Ohio"
        names her state)."""
        d = self.d
        if j >= len(d.toks) or d.low(j) not in lexicon.AFFILIATION_PREPOSITIONS:
            return None
        return self._pp_org(j, d.sent_range(j)[1], strict=True)

    def _apposed_title(self, i: int, at: int) -> tuple[str | None, str | None]:
        """Role and organisation from a title set before the name with a comma: "The
        company's chief executive, Naomi Tan, said", "Her lawyer, Ben Stone", "The
        spokesman for Acme Corp., Tom Ruiz" -- when the parse makes the name an apposition
        of the title's noun (not "Asked about the president, Roe said")."""
        d = self.d
        if i < 2 or d.toks[i - 1].text != ",":
            return None, None
        s0, _ = d.sent_range(i)
        k = i - 1
        while k - 1 >= s0 and (d.toks[k - 1].upos in ("DET", "ADJ", "NOUN", "PROPN", "PART", "NUM")
                               or d.low(k - 1) in lexicon.AFFILIATION_PREPOSITIONS or d.toks[k - 1].xpos == "PRP$"):
            k -= 1
        e = next((e for e in d.p.entities if e.tok_start <= i < e.tok_end), None)
        name_head = self._head(i, e.tok_end if e is not None else i + 1)
        h = d.toks[name_head].head
        if d.toks[name_head].deprel != "appos" or not k <= h < i - 1:
            return None, None
        # (the title opens the clause, or is a cue's subject or object: not "as he was becoming
        # chairman of Donald Trump's campaign, Paul Manafort ...")
        before = d.toks[k - 1] if k > s0 else None
        if before is not None and not (before.upos == "PUNCT" or d.lemma(k - 1) in lexicon.CUE_LEMMAS
                                       or d.low(k - 1) in ("to", "by")):
            return None, None
        for start in range(k, i - 1):  # (the shortest reading that ends at the comma)
            found = self._role_phrase(start, i - 1, at)
            # (the name is set beside the title, "Her lawyer, Ben Stone": the parse may hang it on
            # the last word, "The spokesman for Acme Corp., Tom Ruiz")
            if found and found[2] == i - 1 and start <= h:
                return found[:2]
        return None, None

    def _role_phrase(self, k: int, s1: int, at: int) -> tuple[str | None, str | None, int, int] | None:
        """A role phrase from token ``k``: "a senior analytical correspondent with NK Pro",
        "the company's spokeswoman", "Her lawyer" -> (role, organisation, end token, role head)."""
        d = self.d
        if k < s1 and (d.toks[k].upos == "DET" or d.toks[k].xpos == "PRP$"):
            k += 1
        m = self._noun_run(k, s1)
        owner = None
        if k < m < s1 and d.toks[m].text in _POSSESSIVE_MARKS:  # "the company's spokeswoman"
            owner, k = (k, m), m + 1
            m = self._noun_run(k, s1)
        # (a role word in a person's name is none: "Representative Peter T. King")
        if m == k or d.low(m - 1) not in lexicon.ROLE_HEADS or d.toks[m - 1].ner.endswith("PER"):
            return None
        head = m - 1
        role, org = " ".join(d.toks[x].text for x in range(k, m)), None
        if owner is not None:
            role, org = self._owner_title(owner, k, m, at)
        if m < s1 and d.low(m) in lexicon.AFFILIATION_PREPOSITIONS:
            org = org or self._pp_org(m, s1)
            m = self._pp_end(m, s1)
        return role, org, m, head

    def _noun_run(self, k: int, s1: int) -> int:
        d = self.d
        while k < s1 and d.toks[k].upos in ("ADJ", "NOUN", "PROPN") and d.toks[k].text != ",":
            k += 1
        return k

    def _owner_title(self, owner: tuple[int, int], k: int, m: int, at: int) -> tuple[str, str | None]:
        """Role and organisation of "OWNER's ROLE": the owner is the organisation when it is
        one -- "the agency's director" (the agency named before, if any), "Acme's chief
        executive" -- but not a person ("Gomez's lawyer") nor any other thing ("the family's
        lawyer"); a country goes through :func:`split_title` ("Japan's prime minister")."""
        d = self.d
        words = [d.toks[x].text for x in range(owner[0], owner[1])]
        role = " ".join(d.toks[x].text for x in range(k, m))
        # (a person's aide has a role but no organisation: "Carter's press secretary", when the
        # article names Ash Carter, or "the president's former special envoy")
        person = any(self.person_at.get(d.toks[x].start) or d.toks[x].ner.endswith("PER")
                     for x in range(owner[0], owner[1])) or d.low(owner[1] - 1) in lexicon.ROLE_HEADS \
            or len(words) == 1 and self._match_person(words[0], at) is not None
        if person:
            return role, None
        title_role, org = split_title(words + [d.toks[x].text for x in range(k, m)])
        role = title_role or role
        last = owner[1] - 1
        named = any(d.toks[x].upos == "PROPN" or d.toks[x].text[:1].isupper() for x in range(owner[0], owner[1]))
        if not named:
            generic = d.lemma(last) if d.lemma(last) in lexicon.ORG_HEADS else d.low(last)
            if generic not in lexicon.ORG_HEADS:
                return role, None
            org = self._earlier_org(generic, at) or org
        return role, org

    def _pp_end(self, k: int, s1: int) -> int:
        """End of the prepositional phrase opened by the preposition at token ``k``: its
        noun phrase up to a comma, a relative clause or the sentence end."""
        d = self.d
        m = k + 1
        while m < s1 and d.toks[m].text != "," and (
            d.toks[m].upos in ("PROPN", "DET", "NOUN", "ADJ", "PART")
            or d.low(m) in ("of", "on", "for", "and") and m + 1 < s1 and d.toks[m + 1].upos in ("DET", "PROPN")
        ):
            m += 1
        # ("at the Paris-based consultancy Agrimetrics": the parse's noun phrase goes on over a
        # hyphenated modifier, where the word classes stop at the hyphen, up to the name it
        # governs, the organisation, not the place in the modifier)
        obj = d.toks[k].head
        if k < obj < s1:
            cut = {x for c in d.children(obj) if c.deprel in _NOT_IN_NAME for x in d.subtree(c.i)}
            tree = set(d.subtree(obj)) - cut
            t = k + 1
            # (but not over a second phrase, a conjunct or a number: "a researcher at St. Michael's
            # Hospital in Toronto", "senator of Vermont and self-described socialist", "campaign
            # four years ago")
            while t <= obj and t in tree and d.toks[t].text != "," and not (
                    d.toks[t].upos in ("ADP", "CCONJ", "NUM") and d.low(t) not in ("of", "for", "on")):
                t += 1
            m = max(m, t)
        # (a hyphenated name is one word: "Wealth-X", "the center-left think tank Third Way")
        while m + 1 < s1 and d.toks[m].text == "-" and d.toks[m].start == d.toks[m - 1].end \
                and d.toks[m + 1].start == d.toks[m].end:
            m = self._pp_end(m, s1) if m + 2 < s1 and d.toks[m + 2].upos in ("NOUN", "PROPN") else m + 2
        # (a name begun in the phrase is taken whole: "of Keep the Promise", with "Keep" a verb)
        m = max([m] + [e.tok_end for e in d.p.entities if k < e.tok_start < m < e.tok_end <= s1])
        while m > k + 1 and d.toks[m - 1].upos == "PUNCT":
            m -= 1
        return m

    def _pp_org(self, k: int, s1: int, strict: bool = False) -> str | None:
        """The organisation named by the prepositional phrase at token ``k`` ("with NK Pro",
        "at the Paris-based consultancy Agrimetrics"): the named organisation at the end of
        the chain ("head of the Berlin office of the European Council on Foreign Relations"),
        else the phrase, if it names one.  ``strict``: a tagged organisation or an
        organisation word only (not "of Ohio")."""
        d = self.d
        m = self._pp_end(k, s1)
        named = [e for e in d.p.entities if e.label == "ORG" and k < e.tok_start and e.tok_end <= m]
        if named:
            return org_name(d, named[-1].tok_start, named[-1].tok_end)
        if m <= k + 1:
            return None
        head = self._head(k + 1, m)
        # ("leader of the world's 1.2 billion Roman Catholics": a plural name is a group)
        if d.toks[head].xpos == "NNPS":
            return None
        # ("an attorney for Pagliano": a person is no organisation -- one the article names more
        # than once, as the tagger calls many a firm a person, "a lawyer with McMillan LLP")
        # (or one with a courtesy title, "a spokeswoman for Mrs. Clinton")
        last = d.toks[m - 1].text
        first = next((x for x in range(k + 1, m) if d.toks[x].upos != "DET"), m - 1)
        if d.toks[m - 1].ner.endswith("PER") and (d.low(first) in lexicon.TITLE_GENDER or sum(
                e.label == "PER" and d.toks[e.tok_end - 1].text == last for e in d.p.entities) >= 2):
            return None
        # (an organisation is named or is called one: "a lawyer for the family", "spoke on condition
        # of anonymity" name no organisation, and neither does a place under ``strict``)
        generic = d.lemma(head) in lexicon.ORG_HEADS or d.low(head) in lexicon.ORG_HEADS
        named_words = any(d.toks[x].upos == "PROPN" or d.toks[x].text[:1].isupper() for x in range(k + 1, m))
        if not generic and (strict or not named_words):
            return None
        return org_name(d, k + 1, m)

    # -- mentions -----------------------------------------------------------
    def resolve(self, c: Candidate) -> Speaker:
        """The speaker of candidate ``c`` (and remember it for later pronouns)."""
        d = self.d
        if c.speaker_from is not None:
            sp = replace(self.resolved.get(c.speaker_from, Speaker(None, "unknown")), how="continued")
        elif c.source is None:
            sp = Speaker(None, "unknown", how="none")
        else:
            sp = self.mention(c.source[0], c.source[1], at=d.toks[c.source[0]].start)
            # (a person found through a title or a channel, "a statement by X", is the speaker too)
            if sp.kind == "person" and sp.how in ("name", "surname", "nominal"):
                self._vote_as_speaker(sp.name, c.source[0], c.source[1])
        self.history.append((c.anchor, sp))
        self.resolved[c.anchor] = sp
        return sp

    def mention(self, a: int, b: int, at: int) -> Speaker:
        """Resolve the mention in tokens ``[a, b)``."""
        d = self.d
        text = d.text[d.toks[a].start : d.toks[b - 1].end]
        if b - a == 1 and d.toks[a].upos == "PRON":
            sp = self._pronoun(d.toks[a].text.lower(), at)
            return sp if sp.how == "pronoun_ambiguous" else replace(sp, how="pronoun")
        head = self._head(a, b)
        # A named person inside the mention (before any comma: "X, a correspondent with Y").
        cut = next((k for k in range(a, b) if d.toks[k].text == ","), b)
        conj = [k for k in range(a, cut) if d.toks[k].upos == "CCONJ"]
        person = self._person_in(a, b)
        # "Trump and Clinton", "X and other Liberals" are a group; "city councillor and
        # tenants' advocate Josh Matlow" is one person with two titles
        has_conj = bool(conj) and (person is None or any(d.toks[k].start > self._first_start(person, a, b)
                                                         for k in conj))
        person = None if has_conj else person
        if person is not None:
            how = "name" if len(person.name.split()) <= len(text.split()) else "surname"
            return Speaker(person.name, "person", person.role, person.organisation, how)
        if b - a == 1 and name_as_verb(d, a):
            # a name the tagger read as a verb, never given in full, is still a name ("Marsh claims")
            return Speaker(_clean(text), "person", None, None, "surname")
        hl = d.toks[head].lemma.lower()
        plural = d.toks[head].xpos in ("NNS", "NNPS")
        named = [e for e in d.p.entities if a <= e.tok_start < cut]
        if has_conj or (plural and hl not in lexicon.ORG_HEADS and hl not in ("source",)):
            # "South Korean and US officials", "crowds of voters": a group, named by its description
            if hl in lexicon.ANONYMOUS_HEADS and not named and hl == "source":
                return Speaker(_clean(text), "anonymous", None, None, "description")
            return Speaker(_clean(text), "group", None, None, "description")
        # (a name after the title, in its prepositional phrase, is the body it serves: "the
        # 39-year-old founder of Redline Comics" is a person, not the press)
        before_head = [e for e in named if e.tok_start <= head]
        if hl in lexicon.ROLE_HEADS and not before_head and d.toks[a].lemma.lower() == "the" \
                and hl not in lexicon.ORG_HEADS:
            # "the senator": the latest person seen with that title, else an unnamed official
            for p in sorted(self.people, key=lambda p: -p.last_seen):
                if p.last_seen < at and p.role and hl in p.role.lower().split():
                    return Speaker(p.name, "person", p.role, p.organisation, "nominal")
            # (the description ends at its first comma: "…, which recently celebrated ..." is
            # a relative clause on the body, not part of the speaker)
            said_as = _clean(d.text[d.toks[a].start : d.toks[max(a, cut - 1)].end])
            return Speaker(said_as, "anonymous", None, self._org_in_pp(head, cut), "description")
        if hl in lexicon.ANONYMOUS_HEADS and not any(e.label in ("ORG",) and e.tok_start <= head < e.tok_end
                                                     for e in named):
            return Speaker(_clean(text), "anonymous", None, self._org_in_pp(head, b), "description")
        by = self._speech_by(a, b, hl)
        if by is not None:
            return by
        if named or hl in lexicon.ORG_HEADS or d.toks[head].upos == "PROPN":
            name = org_name(d, a, cut)
            how = "organisation"
            if not any(d.toks[k].upos == "PROPN" for k in range(a, cut)) and hl in lexicon.ORG_HEADS:
                earlier = self._earlier_org(hl, at)
                name, how = (earlier, "nominal") if earlier else (name, how)
            if not name:
                return Speaker(_clean(text), "unknown")
            country = name if name in lexicon.COUNTRIES else None
            if country:
                adj = lexicon.nationality_of(country)
                return Speaker(country, "organisation", None, f"{adj} government", how)
            return Speaker(name, "organisation", None, name, how)
        return self._possessor(a, b, head, at) or Speaker(_clean(text), "unknown")

    def _person_in(self, a: int, b: int) -> Person | None:
        """The person a mention names: "Dr. Robert Strang, the province's chief medical
        officer", "Rogers spokesperson Andrea Goldstein", "Campbell's partner, Jason
        Louth" -- a name that is neither a possessor ("Campbell's") nor inside a
        prepositional phrase ("a spokeswoman for Trudeau"), the one after a title first."""
        d = self.d
        found: list[tuple[int, Person]] = []
        for k in range(a, b):
            person = self.person_at.get(d.toks[k].start)
            if person is None or k > a and d.toks[k - 1].upos == "ADP":
                continue
            entity = next((e for e in d.p.entities if e.tok_start <= k < e.tok_end), None)
            end = min(b, entity.tok_end if entity is not None else k + 1)
            # (a possessor, whether or not the tagger put its "’s" into the name: "Wise’s dad, Darrin")
            if end < b and d.toks[end].text in ("’s", "'s", "’", "'") or end - 1 > k and \
                    d.toks[end - 1].text in ("’s", "'s", "’", "'"):
                continue
            found.append((k, person))
        # a name after a title word is the person the title belongs to ("Rogers
        # spokesperson Jane Roe", "Barron County District Attorney Brian Wright": the
        # tagger also calls "Rogers" and "Barron County" persons)
        # (the title word in the run of title words right before the name: in "Dave Martell, a
        # doctor from Lunenburg, N.S." or "Lionel Sosa, a media consultant ... for Mr. Cruz"
        # the title is the first name's)
        titled = [(k, p) for k, p in found
                  if any(d.low(m) in lexicon.ROLE_HEADS for m in range(self._title_start(k, a), k))]
        if titled:
            return titled[-1][1]
        # (of two names with no title, the subject: a mention cut too wide, "Before he met
        # Cerato, Bardos said", names the speaker as the cue's subject)
        subjects = [(k, p) for k, p in found if self._own_subject(k, a, b)]
        if len({p.name for _, p in found}) > 1 and len(subjects) == 1:
            return subjects[0][1]
        return found[0][1] if found else None

    def _own_subject(self, k: int, a: int, b: int) -> bool:
        """The name at token ``k`` is itself the subject of a verb outside the mention
        ``[a, b)`` (not a word inside an apposition or a title, "Nick Roe, a Clinton
        spokesman", nor the subject of a clause within, "Jo Roe, who said Sanders is ...")."""
        d = self.d
        e = next((e for e in d.p.entities if e.tok_start <= k < e.tok_end), None)
        head = self._head(e.tok_start, e.tok_end) if e is not None else k
        return d.toks[head].deprel.startswith("nsubj") and not a <= d.toks[head].head < b

    def _first_start(self, person: Person, a: int, b: int) -> int:
        """Where ``person`` is first named within tokens ``[a, b)``."""
        d = self.d
        return next((d.toks[k].start for k in range(a, b) if self.person_at.get(d.toks[k].start) is person),
                    d.toks[a].start)

    def _speech_by(self, a: int, b: int, head_lemma: str) -> Speaker | None:
        """A channel of speech with its author after "by" speaks for the author: "a
        statement e-mailed to the paper by Jane Roe" is Jane Roe's."""
        if head_lemma not in lexicon.SPEECH_NOUNS:
            return None
        d = self.d
        for k in range(a, b - 1):
            person = self.person_at.get(d.toks[k + 1].start)
            if d.lows[k] == "by" and person is not None:
                return Speaker(person.name, "person", person.role, person.organisation, "nominal")
        return None

    def _possessor(self, a: int, b: int, head: int, at: int) -> Speaker | None:
        """A channel of speech that names no one but its possessor: "her statement",
        "his social media feed", "the company's website" speak for the possessor."""
        d = self.d
        if d.toks[head].lemma.lower() not in lexicon.SPEECH_NOUNS:
            return None  # "her son" speaks for himself
        poss = next((c for c in d.children(head) if c.deprel == "nmod:poss" and a <= c.i < b), None)
        if poss is not None:
            lo, hi = min(d.subtree(poss.i)), max(d.subtree(poss.i)) + 1
            hi = min(hi, head)
            while hi > lo and d.toks[hi - 1].upos == "PART":
                hi -= 1
            sp = self.mention(lo, hi, at) if hi > lo else None
            return replace(sp, how="nominal") if sp is not None and sp.name else None
        return None

    def _head(self, a: int, b: int) -> int:
        d = self.d
        for k in range(a, b):
            h = d.toks[k].head
            if h < a or h >= b:
                return k
        return b - 1

    def _org_in_pp(self, head: int, b: int) -> str | None:
        """"a senior official at Seoul’s presidential office" -> "South Korean presidential office"."""
        d = self.d
        for k in range(head + 1, b):
            # (a preposition inside a relative clause is not the official's: "an official who spoke
            # on condition of anonymity")
            if d.low(k) in lexicon.RELATIVE_PRONOUNS or d.toks[k].upos in ("VERB", "AUX"):
                return None
            if d.toks[k].text.lower() in lexicon.ORG_PREPOSITIONS and k + 1 < b:
                return self._pp_org(k, b)
        return None

    def _earlier_org(self, head_lemma: str, at: int) -> str | None:
        """"the ministry" -> the latest organisation named earlier whose head is "Ministry"."""
        d = self.d
        best = None
        for e in d.p.entities:
            if e.start >= at or e.label not in ("ORG",):
                continue
            heads = {d.toks[k].lemma.lower() for k in range(e.tok_start, e.tok_end)}
            if head_lemma in heads:
                best = org_name(d, _extend_left(d, e.tok_start), e.tok_end)
        return best

    def _pronoun(self, pron: str, at: int) -> Speaker:
        kind = lexicon.PRONOUNS.get(pron, "unknown")
        if kind == "person":
            sp = self._person_pronoun(lexicon.PRONOUN_GENDER.get(pron), at)
            if sp is not None:
                return sp
        want = {"organisation": ("organisation",), "group": ("group", "organisation")}
        for pos, sp in reversed(self.history):
            if pos < at and sp.kind in want.get(kind, ()) and sp.name and at - pos < 2500:
                return sp
        if kind == "organisation":
            # "China ..., in which it says": the latest organisation or place that was a subject
            d = self.d
            for e in reversed(d.p.entities):
                if e.start < at and e.label in ("ORG", "LOC") and d.toks[e.tok_end - 1].deprel.startswith("nsubj"):
                    return self.mention(e.tok_start, e.tok_end, e.start)
        return Speaker(None, kind if kind != "unknown" else "unknown")

    def _person_pronoun(self, gender: str | None, at: int) -> Speaker | None:
        """"he"/"she": the latest person who spoke (else was named) before ``at`` whose
        gender, as the article gives it, does not contradict the pronoun's -- and among
        the people of the last few paragraphs, one whose gender the article has given
        as the pronoun's first."""
        sp = self._person_pronoun_among(gender, at, strict=True)
        if sp is not None:
            return sp
        sp = self._person_pronoun_among(gender, at)
        if sp is not None and self._rival(sp.name, gender, at):
            return replace(sp, how="pronoun_ambiguous")  # said, not guessed silently: a lower confidence
        return sp

    def _person_named(self, name: str | None) -> Person | None:
        """The person of the article with this (full) name, if any."""
        if name:
            for p in self.people:
                if p.name == name:
                    return p
        return None

    def _rival(self, name: str | None, gender: str | None, at: int) -> bool:
        """Another person of unknown or matching gender was named as a subject in the 400
        characters before ``at``, and the article gives neither's gender: the pronoun could
        be either."""
        chosen = self._person_named(name)
        if chosen is None or chosen.gender is not None:
            return False
        # (either of two coordinated subjects, "Anna Berg and Sofia Lind spoke", is as likely)
        return any(person.name != name and person.gender in (None, gender) and at - 400 <= start < at
                   and self._subject_at(start, conjuncts=True) for start, person in self.person_at.items())

    def _person_pronoun_among(self, gender: str | None, at: int, strict: bool = False) -> Speaker | None:
        """The pronoun's person; with ``strict``, only people of known, matching gender
        within the last 1,500 characters."""
        def fits(name: str | None, pos: int = 0) -> bool:
            p = self._person_named(name)
            if strict:
                return gender is not None and p is not None and p.gender == gender and at - pos < 1500
            if p is not None and len(p.name.split()) < 2 and not p.votes:
                return False  # a one-word "person" with no evidence is often a mis-tagged company or place
            return gender is None or p is None or p.gender in (None, gender)

        # the latest person named as a subject (centering: a pronoun continues the
        # topic), unless a speaker was quoted since
        mention = None
        # (a subject inside a quotation is the speaker's topic: the narration's "he" after it
        # is still about the people the narration names)
        quoted = not self.d.in_quote(at)
        for start, person in self.person_at.items():
            if start < at and (mention is None or start > mention[0]) and fits(person.name, start) \
                    and self._subject_at(start) and not (quoted and self.d.in_quote(start)):
                mention = (start, person)
        for pos, sp in reversed(self.history):
            if pos < at and sp.kind == "person" and sp.name and at - pos < 2500 and fits(sp.name, pos):
                if mention is None or pos > mention[0]:
                    return sp
                break
        if mention is None:
            for start, person in self.person_at.items():
                if start < at and (mention is None or start > mention[0]) and fits(person.name, start):
                    mention = (start, person)
        if mention:
            p = mention[1]
            return Speaker(p.name, "person", p.role, p.organisation)
        return None

    def _subject_at(self, char: int, conjuncts: bool = False) -> bool:
        """The name starting at ``char`` is (part of) the subject of its clause; with
        ``conjuncts``, a conjunct of the subject counts ("Anna Berg and Sofia Lind spoke")."""
        d = self.d
        k = d.tok_at(char)
        through = ("flat", "compound", "appos", "conj") if conjuncts else ("flat", "compound", "appos")
        for _ in range(4):
            if d.toks[k].deprel.startswith("nsubj"):
                return True
            if d.toks[k].deprel not in through or d.toks[k].head < 0:
                return False
            k = d.toks[k].head
        return False

    def relay_of(self, c: Candidate) -> str | None:
        """The body that relayed the words: an outer "…, the ministry said" or a
        "carried by KCNA" / "via state media" / "quoted by Tass" / "according to Kyodo News"
        phrase naming an organisation in the cue's sentence, outside the statement's content."""
        d = self.d
        if c.relay is not None:
            return self.mention(c.relay[0], c.relay[1], d.toks[c.relay[0]].start).name
        if c.cue_tok is None:
            return None
        s0, s1 = d.sent_range(c.cue_tok)
        for k in range(s0, s1):
            low = d.lows[k]
            if low not in _RELAY_LAST_WORDS:  # (no marker ends here: most words)
                continue
            two = f"{d.lows[k - 1]} {low}" if k > s0 else ""
            # (the marker test first: it is cheaper, and most words are none)
            if not (two in lexicon.RELAY_MARKERS or low in lexicon.RELAY_MARKERS and low == "via") \
                    or c.covers(d.toks[k].start) or c.cue and c.cue[0] <= d.toks[k].start < c.cue[1]:
                continue  # (nor the statement's own cue: "According to police, S" is police's)
            m = k + 1
            # (the tagger may read the first word after "to" as a verb: "according to state media")
            while m < s1 and (d.toks[m].upos in ("PROPN", "NOUN", "ADJ", "DET") or m == k + 1 and low == "to"
                              and d.toks[m].upos == "VERB") and d.toks[m].text != ",":
                m += 1
            if m > k + 1:
                sp = self.mention(k + 1, m, d.toks[k + 1].start)
                if sp.kind == "organisation" or d.toks[m - 1].lemma.lower() in lexicon.ORG_HEADS \
                        or d.lows[m - 1] in lexicon.ORG_HEADS:  # ("state media", lemma "medium")
                    return sp.name if sp.kind == "organisation" else _clean(
                        d.text[d.toks[k + 1].start : d.toks[m - 1].end]).removeprefix("the ")
        return None


#: Dependents of an organisation's noun that are no part of its name: a clause, an apposition, a
#: conjunct, a time ("for the Romney campaign four years ago").
_NOT_IN_NAME = frozenset({"acl", "acl:relcl", "appos", "conj", "nmod:tmod", "obl:tmod", "nmod:npmod",
                          "obl:npmod", "advmod"})

#: Dependency relations of a word that stands for someone (a subject, an object, "according
#: to X"), as opposed to a modifier ("the Trump campaign", "Young voters").
_NAME_DEPRELS = frozenset({"nsubj", "obj", "iobj", "obl"})

#: The last word of each of :data:`attrib.lexicon.RELAY_MARKERS` ("by", "via"): a word that is none
#: of these ends no marker (:meth:`Resolver.relay_of`).
_RELAY_LAST_WORDS = frozenset(m.split()[-1] for m in lexicon.RELAY_MARKERS)


def _extend_left(d: DocView, i: int) -> int:
    """Include nationality adjectives before an organisation entity ("South Korean Ministry ...")."""
    while i > 0 and d.toks[i - 1].upos in ("PROPN", "ADJ") and d.toks[i - 1].text[:1].isupper():
        i -= 1
    return i


def org_name(d: DocView, a: int, b: int) -> str | None:
    """Name of an organisation from a mention in tokens ``[a, b)``.

    - drops determiners and a possessor ("Russia’s Vedomosti newspaper");
    - a capital or country as possessor becomes the nationality ("Seoul’s
      presidential office" -> "South Korean presidential office");
    - a descriptor before a proper name is dropped ("state media KCNA" -> KCNA),
      and so is a generic head after one ("Vedomosti newspaper" -> Vedomosti).
    """
    toks = [d.toks[k] for k in range(a, b) if d.toks[k].upos != "DET" or d.toks[k].text[:1].isupper()
            and d.toks[k].lemma.lower() not in lexicon.ARTICLES]
    # possessor: X ’s Y
    prefix = ""
    for n, t in enumerate(toks):
        if t.text in ("’s", "'s", "’", "'") and n > 0:
            owner = _clean(" ".join(x.text for x in toks[:n]))
            country = lexicon.country_of(owner)
            # ("St. Luke's Hospital", "People's Daily": a possessive inside one name, as the tagger
            # marks it, before one word that is no name alone, is part of the name; not with a
            # country, "Russia's Vedomosti", nor a name after it, "the Post's Robert Costa")
            rest = toks[n + 1 :]
            if not country and len(rest) == 1 and rest[0].text not in d.person_words and not owner[:1].islower() \
                    and any(e.tok_start < t.i < e.tok_end - 1 for e in d.p.entities):
                break
            rest = toks[n + 1 :]
            if country and rest and not any(x.upos == "PROPN" or x.text[:1].isupper() for x in rest):
                prefix = (lexicon.nationality_of(country) or owner) + " "
            toks = rest
            break
    toks = [t for t in toks if t.text != ","]
    if not toks:
        return None
    propn = [n for n, t in enumerate(toks) if t.upos == "PROPN" or t.text[:1].isupper()]
    if propn:
        last_common = max((n for n, t in enumerate(toks) if t.upos == "NOUN" and not t.text[:1].isupper()),
                           default=-1)
        if 0 <= last_common < propn[-1]:
            # descriptor before the name: "state media KCNA"
            toks = toks[last_common + 1 :]
        elif last_common > propn[-1] and toks[last_common].lemma.lower() in lexicon.ORG_HEADS and \
                propn[-1] == last_common - 1 and not any(lexicon.country_of(t.text) for t in toks[: propn[-1] + 1]):
            # generic head after the name: "Vedomosti newspaper"
            toks = toks[: propn[-1] + 1]
    name = _clean(d.text[toks[0].start : toks[-1].end])
    return (prefix + name) if name else None


def split_title(words: list[str]) -> tuple[str | None, str | None]:
    """Split the words before a name into (role, organisation).

    "South Korean Vice Minister of Foreign Affairs" -> ("Vice Minister of Foreign
    Affairs", "South Korean Ministry of Foreign Affairs"); "Kremlin spokesman" ->
    ("spokesman", "Kremlin"); "Japanese Prime Minister" -> ("Prime Minister",
    "Japanese government"); "North Korean leader" -> ("leader", "North Korea").
    """
    lows = [w.lower() for w in words]
    r = None
    for n, w in enumerate(lows):
        if w in lexicon.ROLE_HEADS:
            r = n
            break
        if w in lexicon.ROLE_MODIFIERS and any(x in lexicon.ROLE_HEADS for x in lows[n + 1 :]):
            r = n
            break
    if r is None:
        return None, None
    role = " ".join(words[r:])
    # only the words right before the title belong to it: "... Republic of Korea
    # North Korean leader" (a headline run into the text) -> "North Korean"
    for n in range(max(0, r - 3), r):
        if lexicon.country_of(" ".join(words[n:r])):
            words = words[n:]
            r -= n
            break
    pre = " ".join(words[:r]).strip()
    role_l = role.lower()
    nationality = pre if lexicon.country_of(pre) and pre not in lexicon.CAPITALS else None
    if not nationality and pre in lexicon.COUNTRIES:
        nationality = lexicon.nationality_of(pre)
    if nationality:
        for marker, body in lexicon.ROLE_TO_BODY:
            pos = role_l.find(marker)
            if pos >= 0:
                return role, f"{nationality} {body}{role[pos + len(marker):]}"
        if any(role_l.endswith(g) for g in lexicon.STATE_ROLES):
            return role, lexicon.country_of(pre)
        if any(role_l.endswith(g) for g in lexicon.GOVERNMENT_ROLES):
            return role, f"{nationality} government"
        return role, None
    return role, (pre or None)
