"""Build a :class:`~attrib.types.ParsedArticle` by hand, for rule tests that need no stanza models.

A parse is the article text plus one table per sentence, one word a line::

    p = build(
        "Kim said the talks failed.",
        '''
        Kim      PROPN  2 nsubj  S-PER
        said     VERB   0 root
        the      DET    4 det
        talks    NOUN   5 nsubj
        failed   VERB   2 ccomp
        .        PUNCT  2 punct
        ''',
    )

Columns: ``text  UPOS[/XPOS]  head  deprel  [lemma]  [ner]``.  ``head`` is the 1-based index of
the head word within the sentence, 0 for the root (the CoNLL-U convention).  The optional last
columns are told apart by their shape: a BIOES tag (``B-PER``, ``E-ORG``, ``S-LOC``, ...) is
the entity tag, anything else the lemma.  A sentence may also be given as a list of tuples
``(text, upos, xpos, head, deprel, lemma, ner)`` with trailing items left out or ``None``.

What is left out is derived:

- ``xpos`` from the UPOS and the word (``said`` VBD, ``“`` ````` ``, ``”`` ``''``, ``’s`` POS, ...);
- ``lemma``: the word itself for PROPN, else a small table of inflected forms (said -> say,
  was -> be) and the lower-cased word for anything not in it;
- ``ner``: ``O``.

Character offsets are found by locating each word in the text in order; only whitespace may
lie between words, and every non-space character must belong to a word (as with stanza's
tokenizer), so the text given is reproduced exactly: curly quotes, newlines and all.
Entities are built from the BIOES tags with the labels PER, ORG, LOC, MISC.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from attrib.types import Attribution, Entity, ParsedArticle, Sentence, Token

Row = Sequence[Any]

NER_TAG = re.compile(r"^[BIES]-(PER|ORG|LOC|MISC)$|^O$")
LABELS = ("PER", "ORG", "LOC", "MISC")

#: Inflected forms whose lemma is not the word itself.
LEMMAS = {
    # be / have / do
    "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be", "'s": "be", "’s": "be",
    "am": "be", "has": "have", "had": "have", "having": "have", "does": "do", "did": "do", "done": "do",
    "'re": "be", "’re": "be", "n't": "not", "n’t": "not", "wo": "will", "ca": "can",
    # reporting verbs
    "said": "say", "says": "say", "saying": "say", "told": "tell", "tells": "tell", "telling": "tell",
    "wrote": "write", "written": "write", "writes": "write", "added": "add", "adds": "add", "adding": "add",
    "pledged": "pledge", "vowed": "vow", "warned": "warn", "warns": "warn", "accused": "accuse",
    "accusing": "accuse", "reported": "report", "reports": "report", "chanted": "chant",
    "denied": "deny", "denies": "deny", "praised": "praise", "asked": "ask", "thought": "think",
    "thinks": "think", "believes": "believe", "believed": "believe", "quoted": "quote",
    "according": "accord", "stated": "state", "claimed": "claim", "insisted": "insist",
    "called": "call", "urged": "urge", "announced": "announce", "noted": "note",
    # other verbs used in the tests
    "carried": "carry", "staging": "stage", "failed": "fail", "drills": "drill", "sent": "send",
    "held": "hold", "made": "make", "went": "go", "took": "take", "gave": "give", "came": "come",
    "left": "leave", "met": "meet", "won": "win", "fired": "fire", "launched": "launch",
    "continued": "continue", "responded": "respond", "agreed": "agree",
    # pronouns and determiners
    "him": "he", "his": "he", "her": "she", "them": "they", "their": "they", "us": "we", "our": "we",
    "me": "I", "my": "I", "its": "it", "an": "a", "these": "this", "those": "that",
}

#: xpos of words whose tag does not follow from the UPOS alone.
XPOS_WORDS = {
    "PRON": {"his": "PRP$", "her": "PRP$", "its": "PRP$", "their": "PRP$", "our": "PRP$", "my": "PRP$",
             "your": "PRP$", "who": "WP", "what": "WP", "whom": "WP", "which": "WDT", "that": "WDT"},
    "DET": {"which": "WDT", "what": "WDT"},
    "AUX": {"is": "VBZ", "'s": "VBZ", "’s": "VBZ", "has": "VBZ", "does": "VBZ", "are": "VBP", "have": "VBP",
            "do": "VBP", "am": "VBP", "'re": "VBP", "’re": "VBP", "was": "VBD", "were": "VBD", "had": "VBD",
            "did": "VBD", "been": "VBN", "be": "VB", "being": "VBG"},
    "PART": {"'s": "POS", "’s": "POS", "'": "POS", "’": "POS", "to": "TO", "not": "RB", "n't": "RB", "n’t": "RB"},
    "ADV": {"when": "WRB", "where": "WRB", "how": "WRB", "why": "WRB"},
}
MODALS = {"will", "would", "can", "could", "may", "might", "must", "shall", "should", "wo", "ca"}
PLAIN_XPOS = {"PROPN": "NNP", "NOUN": "NN", "DET": "DT", "ADP": "IN", "SCONJ": "IN", "CCONJ": "CC",
              "PRON": "PRP", "ADJ": "JJ", "ADV": "RB", "NUM": "CD", "PART": "RP", "INTJ": "UH", "SYM": "SYM",
              "X": "FW", "AUX": "VB", "VERB": "VB"}
OPENING_MARKS = ("“", "‘", "„", "«", "``", "`")
CLOSING_MARKS = ("”", "’", "»", "''")
PUNCT_XPOS = {",": ",", ".": ".", "?": ".", "!": ".", ":": ":", ";": ":", "—": ":", "–": ":", "-": "HYPH",
              "(": "-LRB-", ")": "-RRB-", "[": "-LRB-", "]": "-RRB-", "/": ",", "...": ":", "…": ":"}


def default_xpos(word: str, upos: str, lemma: str | None = None) -> str:
    """The Penn tag stanza would give ``word`` with this UPOS, in the common case."""
    low = word.lower()
    if upos == "PUNCT":
        if word in OPENING_MARKS:
            return "``"
        if word in CLOSING_MARKS:
            return "''"
        if word in ('"', "'"):
            return "``"  # direction unknown; pass "PUNCT/''" for a closing straight mark
        return PUNCT_XPOS.get(word, ".")
    special = XPOS_WORDS.get(upos, {}).get(low)
    if special:
        return special
    if upos == "AUX" and low in MODALS:
        return "MD"
    if upos in ("VERB", "AUX"):
        if low.endswith("ing"):
            return "VBG"
        if low == (lemma or "").lower():
            return "VB"
        if low.endswith("s") and not low.endswith("ss"):
            return "VBZ"
        return "VBD"  # past tense; pass VERB/VBN for a participle
    if upos == "NOUN" and len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ws")):
        return "NNS"
    return PLAIN_XPOS.get(upos, upos)


def default_lemma(word: str, upos: str) -> str:
    """stanza's lemma for ``word`` in the common case (see :data:`LEMMAS`)."""
    if upos == "PROPN":
        return word
    if upos == "PUNCT":
        return {"“": '"', "”": '"', "``": '"', "''": '"', "‘": "'", "’": "'"}.get(word, word)
    if upos == "PART" and word in ("'s", "’s"):
        return "'s"
    if upos == "PRON" and word.lower() == "i":
        return "I"
    low = word.lower()
    if upos in ("NOUN", "VERB", "AUX", "PRON", "DET", "PART"):
        return LEMMAS.get(low, LEMMAS.get(word, low))
    return low


def _rows(sentence: str | Sequence[Row]) -> list[tuple[str, str, str | None, int, str, str | None, str]]:
    """Normalise one sentence (table string or tuples) to full rows, xpos/lemma possibly None."""
    out = []
    if isinstance(sentence, str):
        for line in sentence.strip("\n").splitlines():
            cols = line.split()
            if not cols:
                continue
            if len(cols) < 4:
                raise ValueError(f"need at least: text UPOS head deprel, got {line!r}")
            text, tag, head, deprel, *rest = cols
            upos, _, xpos = tag.partition("/")
            lemma = ner = None
            for extra in rest:
                if NER_TAG.match(extra):
                    ner = extra
                elif lemma is None:
                    lemma = extra
                else:
                    raise ValueError(f"too many columns in {line!r}")
            out.append((text, upos, xpos or None, int(head), deprel, lemma, ner or "O"))
    else:
        for row in sentence:
            full = list(row) + [None] * (7 - len(row))
            text, upos, xpos, head, deprel, lemma, ner = full
            out.append((text, upos, xpos, int(head), deprel, lemma, ner or "O"))
    return out


def build(text: str, *sentences: str | Sequence[Row], model: str = "hand-built") -> ParsedArticle:
    """A :class:`ParsedArticle` of ``text`` from per-sentence tables (see the module docstring).

    Raises ``ValueError`` when a word is not found where expected, when text other than
    whitespace is left between words, or when a head index is out of range.
    """
    tokens: list[Token] = []
    sents: list[Sentence] = []
    pos = 0
    for si, sentence in enumerate(sentences):
        rows = _rows(sentence)
        if not rows:
            raise ValueError(f"sentence {si} is empty")
        base = len(tokens)
        roots = 0
        for k, (word, upos, xpos, head, deprel, lemma, ner) in enumerate(rows):
            start = text.find(word, pos)
            if start < 0 or text[pos:start].strip():
                found = "not found" if start < 0 else f"found after {text[pos:start]!r}"
                raise ValueError(f"sentence {si}, word {k + 1} {word!r}: {found} (at offset {pos})")
            end = start + len(word)
            pos = end
            if not 0 <= head <= len(rows) or head == k + 1:
                raise ValueError(f"sentence {si}, word {k + 1} {word!r}: bad head {head}")
            if head == 0:
                roots += 1
                if deprel != "root":
                    raise ValueError(f"sentence {si}, word {k + 1} {word!r}: head 0 needs deprel root")
            if not NER_TAG.match(ner):
                raise ValueError(f"sentence {si}, word {k + 1} {word!r}: bad ner tag {ner!r}")
            lemma = lemma or default_lemma(word, upos)
            tokens.append(Token(
                i=len(tokens), text=word, start=start, end=end, lemma=lemma, upos=upos,
                xpos=xpos or default_xpos(word, upos, lemma), head=base + head - 1 if head else -1,
                deprel=deprel, sent=si, ner=ner,
            ))
        if roots != 1:
            raise ValueError(f"sentence {si} has {roots} roots, expected 1")
        for t in tokens[base:]:
            seen, h = 0, t.head
            while h >= 0 and seen <= len(rows):
                h, seen = tokens[h].head, seen + 1
            if h >= 0:
                raise ValueError(f"sentence {si}, word {t.i - base + 1} {t.text!r}: heads form a cycle")
        sents.append(Sentence(si, tokens[base].start, tokens[-1].end, base, len(tokens)))
    if text[pos:].strip():
        raise ValueError(f"text after the last word is not parsed: {text[pos:]!r}")
    return ParsedArticle(text, tuple(tokens), tuple(sents), tuple(_entities(text, tokens)), model)


def _entities(text: str, tokens: list[Token]) -> list[Entity]:
    """Entities from the tokens' BIOES tags."""
    out: list[Entity] = []
    open_at: int | None = None
    for t in tokens:
        tag, _, label = t.ner.partition("-")
        if tag == "O":
            if open_at is not None:
                raise ValueError(f"entity opened at token {open_at} not closed before {t.text!r}")
            continue
        if label not in LABELS:
            raise ValueError(f"unknown entity label {label!r}")
        if tag in ("B", "S"):
            if open_at is not None:
                raise ValueError(f"entity opened at token {open_at} not closed before {t.text!r}")
            open_at = t.i
        elif open_at is None or tokens[open_at].ner[2:] != label:
            raise ValueError(f"{t.ner} at {t.text!r} continues no open {label} entity")
        if tag in ("E", "S"):
            first = tokens[open_at]
            out.append(Entity(first.start, t.end, label, text[first.start : t.end], open_at, t.i + 1))
            open_at = None
    if open_at is not None:
        raise ValueError(f"entity opened at token {open_at} never closed")
    return out


def span_text(text: str, span: tuple[int, int] | None) -> str | None:
    """``text[start:end]`` of a span, or None."""
    return None if span is None else text[span[0] : span[1]]


def described(parse: ParsedArticle, a: Attribution) -> dict[str, Any]:
    """An attribution with its spans as text, for readable assertions."""
    t = parse.text
    return {
        "content": [t[s:e] for s, e in a.content_spans],
        "cue": span_text(t, a.cue),
        "source": span_text(t, a.source),
        "type": a.type,
        "name": a.source_name,
        "kind": a.speaker_kind,
        "role": a.role,
        "organisation": a.organisation,
        "reported_by": a.reported_by,
        "rule": a.rule,
    }


def statements(parse: ParsedArticle) -> list[dict[str, Any]]:
    """:func:`attrib.attribute.find_attributions` on ``parse``, each statement :func:`described`."""
    from attrib.attribute import find_attributions

    return [described(parse, a) for a in find_attributions(parse)]


def rules_fired(parse: ParsedArticle) -> list[str]:
    """The ``rule`` of each statement :func:`attrib.attribute.find_attributions` finds in ``parse``,
    in text order (for asserting which rule fired, or that one did not)."""
    from attrib.attribute import find_attributions

    return [a.rule for a in find_attributions(parse)]


def pick(d: dict[str, Any], *keys: str) -> dict[str, Any]:
    """The given keys of ``d`` (to compare only what a test is about)."""
    return {k: d[k] for k in keys}
