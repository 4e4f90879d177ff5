"""Claims across outlets: which statements carry the same claim (pure functions, no model, no database).

Two statements carry the same claim when

- they are the same quotation with small differences: case, punctuation, quotation marks, an
  ellipsis, a word more or less (``words`` of :func:`features`, compared as sets); such a quotation
  joins whoever the speaker is, because outlets attribute one quotation to different mentions
  ("the ministry", "a spokesman", "Lu Kang");
- or the same speaker (``statements.speaker_id``) says the same thing in other words: "said the
  tariffs would protect American jobs" / "the tariffs will protect American jobs, he said"
  (``stems``: the content words, stop words left out and suffixes stripped, compared as sets).

Candidates come from MinHash signatures of the ``stems`` (``words`` when a statement has fewer
than two content words) cut into LSH bands: two statements whose sets have Jaccard similarity
``J`` share at least one band key with probability ``1 - (1 - J**ROWS)**BANDS`` (0.93 at J = 0.5,
0.73 at 0.4, 0.15 at 0.2), so :mod:`attrib.db` finds them with indexed lookups of the band keys;
:func:`decide` then checks every candidate with the exact measures and the rules below.

Signatures are deterministic: the hash of a word is BLAKE2b of its UTF-8 bytes, and the MinHash
permutations (multiply-add modulo 2**64, in numpy) come from a ``random.Random`` with the fixed
:data:`SEED` (never Python's ``hash``, which changes from process to process).  Every threshold
is in the "thresholds" block below.
"""

from __future__ import annotations

import functools
import hashlib
import random
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .lexicon import CLAIM_NEGATIONS, CLAIM_STOPWORDS

# ------------------------------------------------------------------ thresholds (the only place)

#: Same quotation, any speaker: Jaccard similarity of the two word sets at least this.  A word
#: more or less in a quotation of 6 words or more gives 6/7 = 0.86; one word changed in 10 gives
#: 9/11 = 0.82; case, punctuation, quotation marks and an ellipsis do not count at all (1.0).
QUOTE_JOIN = 0.8
#: ... but only for quotations of at least this many words: short ones ("We will see", "No
#: comment", "This is unacceptable") are said by many people about many things.
MIN_WORDS_ANY_SPEAKER = 6
#: Same quotation, cut: one outlet prints a long passage, another a part of it.  The shorter is
#: this share of the longer one's words (containment) ...
QUOTE_CONTAIN_JOIN = 0.9
#: ... and has at least this many words when the speakers differ (fewer words are a stock phrase) ...
MIN_WORDS_CONTAINED = 8
#: ... or at least this many words when the speaker is the same (their own phrase, quoted in part).
MIN_WORDS_CONTAINED_SAME_SPEAKER = 4
#: The same long passage reported (not quoted) of two different speakers joins too when it is
#: near-identical (Jaccard at least :data:`QUOTE_LONG_REPORTED_JOIN`) and this long: fifteen
#: identical words are one text copied (a wire story re-edited, a boilerplate editor's note) whose
#: speaker was resolved differently, not two people who happened to say the same thing; a short
#: reported claim ("the toll would pay for two hospitals") by two speakers stays two claims.
MIN_WORDS_LONG_REPORTED = 15
QUOTE_LONG_REPORTED_JOIN = 0.9
#: A quotation seen with a different or unknown speaker in this band of word similarity
#: (below the join threshold, or too short to join) is only suggested.
QUOTE_SUGGEST = 0.6
#: ... and only when it has at least this many words (two-word fragments match everything).
MIN_WORDS_SUGGEST = 4

#: Same speaker, other words: Jaccard similarity of the content-word stems at least this.
#: "the tariffs would protect American jobs" / "the tariffs will protect American jobs" is 1.0;
#: one content word of four changed ("protect" -> "destroy") is 3/5 = 0.6 and does not join.
SAME_SPEAKER_JOIN = 0.65
#: ... with at least this many content words on both sides ("it was good" / "it was very good"
#: are no claim one can follow across outlets); fewer are not suggested on their content words either.
MIN_STEMS_SAME_SPEAKER = 3
#: Between this and :data:`SAME_SPEAKER_JOIN` (same speaker), or at or above the join threshold
#: with another speaker (the same reported claim by two people is two claims), it is only suggested.
SAME_SPEAKER_SUGGEST = 0.4

#: LSH: BANDS bands of ROWS MinHash values each (see the module docstring for the recall).
BANDS = 20
ROWS = 3
#: The seed of the MinHash permutations: changing it (or BANDS/ROWS) changes every stored band
#: key, so ``attrib claims rebuild`` must then run.
SEED = 20_160_101
#: Candidates verified per statement: those sharing the most band keys first.
MAX_CANDIDATES = 30
#: Statements read per band key (the newest): a key that thousands of statements share (their
#: three MinHash words are all common ones) says little, and reading all of it would cost more than
#: the rest of an article's assignment; a true near match shares several keys, most of them rare.
MAX_PER_BAND = 50
#: A candidate is verified only when it shares this many band keys: one shared key is what two
#: unrelated statements with three common words have (most candidates at a million statements),
#: while a statement that joins shares many (content-word similarity 0.65, the lowest that joins,
#: misses two keys of 20 in 1.4 % of cases; a quotation that joins shares about ten).  Weaker
#: suggestions (similarity 0.4 to 0.65) are found less often.
MIN_SHARED_KEYS = 2

_RNG = random.Random(SEED)
#: MinHash "permutations": h(x) = a*x + b mod 2**64 with odd a (a bijection of 64-bit hashes);
#: numpy's uint64 arithmetic wraps, which is exactly mod 2**64 on every platform.
_A = np.array([_RNG.getrandbits(64) | 1 for _ in range(BANDS * ROWS)], dtype=np.uint64)
_B = np.array([_RNG.getrandbits(64) for _ in range(BANDS * ROWS)], dtype=np.uint64)
#: Band key: a random linear combination (mod 2**64) of the band's values plus a constant per band.
_C = np.array([[_RNG.getrandbits(64) | 1 for _ in range(ROWS)] for _ in range(BANDS)], dtype=np.uint64)
_D = np.array([_RNG.getrandbits(64) for _ in range(BANDS)], dtype=np.uint64)

# ------------------------------------------------------------------ normalisation

_QUOTES = str.maketrans({c: "'" for c in "\u2018\u2019\u201b\u2032`\u00b4"})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_DIGIT_GROUP = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")  # 1,000 and 1.000 -> 1000
_ABBREVIATION = re.compile(r"\b(?:[^\W\d_]\.){2,}")  # U.S. -> us, U.N. -> un
_NOT = re.compile(r"n't\b")  # don't -> do not, can't -> ca not: both outlets alike


def words(text: str) -> list[str]:
    """The words of ``text`` as a claim sees them: NFKC, case-folded, curly quotes made straight,
    ``n't`` made ``not``, a possessive ``'s`` and other apostrophes dropped, abbreviations with
    dots and digit groups joined; punctuation, quotation marks and ellipses are not words."""
    t = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    if "'" in t:
        t = _NOT.sub(" not", t)
    if "." in t:
        t = _ABBREVIATION.sub(lambda m: m.group().replace(".", ""), t)
    if "," in t or "." in t:
        t = _DIGIT_GROUP.sub("", t)
    out = _WORD.findall(t)
    if "'" in t:
        out = [(w[:-2] if w.endswith("'s") else w).replace("'", "") for w in out]
    return out


def normalise(text: str) -> str:
    """The normalised content: :func:`words` joined by single spaces."""
    return " ".join(words(text))


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light, deterministic English suffix stripper: tariffs -> tariff, protected/protecting/
    protects -> protect, policies -> polici, raised/raise -> rais (plurals, -ed, -ing, final -e)."""
    w = word
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "i"
    elif len(w) > 4 and w.endswith("sses"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def content_stems(ws: Iterable[str]) -> list[str]:
    """The stems of the words that carry a claim: stop words (:data:`attrib.lexicon.CLAIM_STOPWORDS`)
    left out; negations and numbers kept."""
    return [stem(w) for w in ws if w not in CLAIM_STOPWORDS]


def shingles(ws: list[str], n: int = 2) -> set[str]:
    """Word ``n``-grams of ``ws`` (the words themselves when there are fewer than ``n``)."""
    if len(ws) < n:
        return set(ws)
    return {" ".join(ws[i:i + n]) for i in range(len(ws) - n + 1)}


# ------------------------------------------------------------------ MinHash / LSH


def _word_hashes(tokens: Iterable[str]) -> np.ndarray:
    """64-bit BLAKE2b hashes of the distinct tokens, big-endian bytes read as unsigned integers."""
    digests = b"".join(hashlib.blake2b(t.encode("utf-8", "surrogatepass"), digest_size=8).digest()
                       for t in sorted(set(tokens)))
    return np.frombuffer(digests, dtype=">u8").astype(np.uint64)


def minhash(tokens: Iterable[str]) -> tuple[int, ...]:
    """The MinHash signature of a set of tokens (``BANDS * ROWS`` values); empty for no tokens."""
    xs = _word_hashes(tokens)
    if not len(xs):
        return ()
    return tuple(int(v) for v in (np.multiply.outer(xs, _A) + _B).min(axis=0))


def band_keys(signature: tuple[int, ...]) -> tuple[int, ...]:
    """One key per LSH band, a signed 64-bit integer (what SQLite stores): equal keys mean
    (but for a chance of 2**-64) the same band number and the same values in it."""
    if not signature:
        return ()
    sig = np.array(signature, dtype=np.uint64).reshape(BANDS, ROWS)
    keys = (sig * _C).sum(axis=1, dtype=np.uint64) + _D
    return tuple(keys.view(np.int64).tolist())


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """The share of the smaller set's members that are in the other (0 when one is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# ------------------------------------------------------------------ statements and the decision


@dataclass(frozen=True)
class ClaimText:
    """What the decision needs of a statement's content: its words, content stems, negations and numbers."""

    words: frozenset[str]
    n_words: int
    stems: frozenset[str]
    negated: bool
    numbers: frozenset[str]


@functools.lru_cache(maxsize=65536)
def features(content: str) -> ClaimText:
    """:class:`ClaimText` of a statement's content (cached: a claim's statements are candidates again
    and again while articles are ingested)."""
    ws = words(content)
    stems = content_stems(ws)
    return ClaimText(
        words=frozenset(ws), n_words=len(ws), stems=frozenset(stems),
        negated=any(w in CLAIM_NEGATIONS for w in ws),
        numbers=frozenset(w for w in ws if w.isdigit()))


def lsh_keys(text: ClaimText) -> tuple[int, ...]:
    """The LSH band keys of a content: MinHash of its content stems, or of all its words when it
    has fewer than two content words ("We will not"); empty for a content without words."""
    return band_keys(minhash(text.stems if len(text.stems) >= 2 else text.words))


@dataclass(frozen=True)
class ClaimStatement:
    """A statement as the claim decision sees it."""

    text: ClaimText
    speaker_id: int | None
    type: str | None  # direct, indirect, mixed


@dataclass(frozen=True)
class Match:
    """How two statements relate: ``verdict`` "join", "suggest" or ``None``; ``score`` in [0, 1]
    (for choosing the best claim); ``reason`` in words, stored with a suggestion."""

    verdict: str | None
    score: float
    reason: str


NO_MATCH = Match(None, 0.0, "")
QUOTED_TYPES = frozenset({"direct", "mixed"})


def _conflict(a: ClaimText, b: ClaimText, part: bool) -> str | None:
    """Why two contents cannot be one claim however similar their words, or ``None``.  When one is
    a part of the other (``part``: a cut quotation) the rest of the longer one may hold a negation
    or figures of its own; the part's figures must be among the whole's."""
    if part:
        short, long = (a, b) if a.n_words <= b.n_words else (b, a)
        return "different figures" if not short.numbers <= long.numbers else None
    if a.negated != b.negated:  # "will protect jobs" / "will not protect jobs"
        return "one is negated"
    if a.numbers and b.numbers and a.numbers != b.numbers:  # "3 million jobs" / "4 million jobs"
        return "different figures"
    return None


def _quotation(a: ClaimStatement, b: ClaimStatement, same_speaker: bool) -> Match:
    """The near-verbatim rules (same quotation, small differences or cut)."""
    ta, tb = a.text, b.text
    sim = jaccard(ta.words, tb.words)
    shorter = min(ta.n_words, tb.n_words)
    contained = containment(ta.words, tb.words)
    if same_speaker:
        if sim >= QUOTE_JOIN and shorter >= 2:
            return Match("join", sim, "same words, same speaker")
        if contained >= QUOTE_CONTAIN_JOIN and shorter >= MIN_WORDS_CONTAINED_SAME_SPEAKER:
            return Match("join", max(sim, QUOTE_JOIN), "part of the same speaker's words")
        return NO_MATCH
    # another or an unknown speaker: only a quotation (not a reported claim) joins on its words
    quoted = a.type in QUOTED_TYPES or b.type in QUOTED_TYPES
    if quoted and sim >= QUOTE_JOIN and shorter >= MIN_WORDS_ANY_SPEAKER:
        return Match("join", sim, "same quotation")
    if quoted and contained >= QUOTE_CONTAIN_JOIN and shorter >= MIN_WORDS_CONTAINED:
        return Match("join", max(sim, QUOTE_JOIN), "part of the same quotation")
    if sim >= QUOTE_LONG_REPORTED_JOIN and shorter >= MIN_WORDS_LONG_REPORTED:
        return Match("join", sim, "same long passage")
    if sim >= QUOTE_SUGGEST and shorter >= MIN_WORDS_SUGGEST:
        return Match("suggest", sim, "similar words, another speaker" if quoted else
                     "same words reported of another speaker")
    return NO_MATCH


def decide(a: ClaimStatement, b: ClaimStatement) -> Match:
    """Whether ``a`` and ``b`` carry the same claim: "join", "suggest" or no match (see the thresholds)."""
    same_speaker = a.speaker_id is not None and a.speaker_id == b.speaker_id
    quote = _quotation(a, b, same_speaker)
    sim = jaccard(a.text.stems, b.text.stems)
    enough = min(len(a.text.stems), len(b.text.stems)) >= MIN_STEMS_SAME_SPEAKER
    if same_speaker and enough and sim >= SAME_SPEAKER_JOIN and quote.verdict != "join":
        quote = Match("join", sim, "same speaker, same claim in other words")
    elif quote.verdict is None and enough and sim >= (SAME_SPEAKER_SUGGEST if same_speaker else SAME_SPEAKER_JOIN):
        quote = Match("suggest", sim, "same speaker, similar claim" if same_speaker else
                      "same claim, another speaker")
    if quote.verdict == "join":
        conflict = _conflict(a.text, b.text, part=quote.reason.startswith("part of"))
        if conflict:
            return Match("suggest", quote.score, f"{quote.reason}, but {conflict}")
    return quote
