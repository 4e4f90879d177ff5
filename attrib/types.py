"""Plain, frozen data types shared by every stage after the NLP step.

Nothing in here knows about stanza: :mod:`attrib.nlp` converts a stanza
``Document`` into a :class:`ParsedArticle`, and extraction, resolution, storage
and Datasette only ever see these classes.  That keeps the rules testable on
hand-built parses (see ``tests/conftest.py``) and lets a parse be cached as JSON.

Offsets are Python ``str`` offsets into the article text as given, half-open
``[start, end)``; ``text[start:end]`` is the span's text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

#: Bump when the serialised shape of :class:`ParsedArticle` changes; cached
#: parses with another version are ignored and re-parsed.
PARSE_FORMAT_VERSION = 1

Span = tuple[int, int]


@dataclass(frozen=True)
class Article:
    """One input article: its stable id, its text and optional metadata."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    source: str | None = None  # where it was read from, e.g. "feed.jsonl:12"
    #: the absolute path of the file when the id is the file's name (.txt/.md/.html), else None
    source_path: str | None = None


@dataclass(frozen=True)
class Token:
    """One syntactic word (stanza's ``Word``) with document-wide indices.

    ``i`` is the index in :attr:`ParsedArticle.tokens`; ``head`` is the index of
    the syntactic head in the same list, or ``-1`` for a sentence root.
    ``ner`` is the BIOES entity tag of the surface token the word belongs to.
    """

    i: int
    text: str
    start: int
    end: int
    lemma: str
    upos: str
    xpos: str
    head: int
    deprel: str
    sent: int
    ner: str = "O"


@dataclass(frozen=True)
class Entity:
    """A named entity mention; ``label`` is mapped to PER, ORG, LOC or MISC."""

    start: int
    end: int
    label: str
    text: str
    tok_start: int  # first token index
    tok_end: int  # one past the last token index


@dataclass(frozen=True)
class Sentence:
    """A sentence as a token range and a character range."""

    index: int
    start: int
    end: int
    tok_start: int
    tok_end: int


@dataclass(frozen=True)
class ParsedArticle:
    """The parse of one article in the project's own types."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    model: str = "unknown"
    version: int = PARSE_FORMAT_VERSION

    def children(self, i: int) -> list[Token]:
        """Dependents of token ``i``, in text order."""
        return self._children_index()[i]

    def _children_index(self) -> list[list[Token]]:
        """The dependents of every token (made on first use, then kept)."""
        cached = self.__dict__.get("_kids")
        if cached is None:
            cached = [[] for _ in self.tokens]
            for t in self.tokens:
                if t.head >= 0:
                    cached[t.head].append(t)
            object.__setattr__(self, "_kids", cached)
        return cached

    def subtree(self, i: int) -> list[int]:
        """Indices of token ``i`` and all its descendants, sorted."""
        out, stack = [], [i]
        kids = self._children_index()
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(k.i for k in kids[j])
        return sorted(out)

    def to_dict(self) -> dict[str, Any]:
        """A compact JSON-able form (tokens as rows); see :meth:`from_dict`."""
        return {
            "version": self.version,
            "model": self.model,
            "text_len": len(self.text),
            "tokens": [
                [t.text, t.start, t.end, t.lemma, t.upos, t.xpos, t.head, t.deprel, t.sent, t.ner]
                for t in self.tokens
            ],
            "sentences": [[s.start, s.end, s.tok_start, s.tok_end] for s in self.sentences],
            "entities": [[e.start, e.end, e.label, e.tok_start, e.tok_end] for e in self.entities],
        }

    def to_json(self) -> str:
        """Serialise for the parse cache and the database."""
        return json.dumps(self.to_dict(), separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str) -> ParsedArticle:
        """Rebuild a parse of ``text`` from :meth:`to_dict` output.

        Raises ``ValueError`` when the data is of another format version or was
        made for a text of a different length.
        """
        if d.get("version") != PARSE_FORMAT_VERSION:
            raise ValueError(f"parse format {d.get('version')!r}, expected {PARSE_FORMAT_VERSION}")
        if d.get("text_len") != len(text):
            raise ValueError("parse was made for another text")
        tokens = _tokens(d["tokens"])
        sentences = tuple(Sentence(k, *r) for k, r in enumerate(d["sentences"]))
        entities = tuple(Entity(r[0], r[1], r[2], text[r[0] : r[1]], r[3], r[4]) for r in d["entities"])
        return cls(text, tokens, sentences, entities, d.get("model", "unknown"))


def _tokens(rows: list[list[Any]]) -> tuple[Token, ...]:
    """:class:`Token` objects of the serialised rows of :meth:`ParsedArticle.to_dict`.

    Each field is set with ``object.__setattr__`` in declaration order, as the frozen
    dataclass's ``__init__`` does, but without its call and argument unpacking.  Not
    through ``t.__dict__``: touching an instance's ``__dict__`` turns its attributes into
    a plain dictionary, and every later read of one (the rules read millions an
    article set) is then about three times slower than from the instance's own
    values.  The same objects (equal, same hash).  A row needs the ten serialised
    fields (more are ignored).
    """
    new, put = object.__new__, object.__setattr__
    out = []
    for i, r in enumerate(rows):
        if len(r) < 10:
            raise ValueError(f"token row {i} has {len(r)} fields, expected 10")
        t = new(Token)
        put(t, "i", i)
        put(t, "text", r[0])
        put(t, "start", r[1])
        put(t, "end", r[2])
        put(t, "lemma", r[3])
        put(t, "upos", r[4])
        put(t, "xpos", r[5])
        put(t, "head", r[6])
        put(t, "deprel", r[7])
        put(t, "sent", r[8])
        put(t, "ner", r[9])
        out.append(t)
    return tuple(out)


STATEMENT_KINDS = ("speech", "belief", "intention", "evidence")


def parse_kinds(value: str | None, default: str = "speech") -> tuple[str, ...]:
    """The statement kinds named by ``value``: a comma list such as ``speech,belief``, or
    ``all``; empty or ``None`` means ``default``.  Returned in :data:`STATEMENT_KINDS` order.

    Used by ``attrib extract --kinds`` and the ``?kinds=`` of the Datasette pages.
    Raises ``ValueError`` naming the unknown kinds and the valid ones.
    """
    text = (value or "").strip().lower() or default
    names = {k.strip() for k in text.split(",") if k.strip()}
    if "all" in names:
        return STATEMENT_KINDS
    unknown = sorted(names - set(STATEMENT_KINDS))
    if unknown or not names:
        raise ValueError(f"unknown kind {', '.join(unknown) or repr(value)}; "
                         f"choose from {', '.join(STATEMENT_KINDS)} (comma-separated), or all")
    return tuple(k for k in STATEMENT_KINDS if k in names)


@dataclass(frozen=True)
class Attribution:
    """One attributed statement found in an article.

    ``content_spans`` may hold several spans (a quote split by its cue).
    ``source`` is the speaker mention as written (``None`` when the speaker is
    implicit); ``source_name`` the resolved name ("he" -> "Kurt Campbell").
    ``rule`` names the extraction rule that produced it and ``confidence`` is its
    calibrated precision estimate in [0, 1].
    """

    content_spans: tuple[Span, ...]
    cue: Span | None
    source: Span | None
    type: str
    rule: str
    confidence: float
    cue_lemma: str | None = None
    source_name: str | None = None
    speaker_kind: str = "unknown"
    role: str | None = None
    organisation: str | None = None
    reported_by: str | None = None
    kind: str = "speech"

    @property
    def start(self) -> int:
        """Start of the first content span."""
        return min(s for s, _ in self.content_spans)

    @property
    def end(self) -> int:
        """End of the last content span."""
        return max(e for _, e in self.content_spans)

    def content_text(self, text: str) -> str:
        """The content spans' text joined by " … "."""
        return " … ".join(text[s:e] for s, e in self.content_spans)

    def to_json(self, text: str) -> dict[str, Any]:
        """The gold.jsonl shape used by ``../shared/eval/score.py``."""

        def sl(sp: Span | None) -> str | None:
            return text[sp[0] : sp[1]] if sp else None

        return {
            "content": [self.start, self.end],
            "content_spans": [list(s) for s in self.content_spans],
            "source": list(self.source) if self.source else None,
            "source_spans": [list(self.source)] if self.source else [],
            "cue": list(self.cue) if self.cue else None,
            "cue_spans": [list(self.cue)] if self.cue else [],
            "type": self.type,
            "content_text": self.content_text(text),
            "source_text": sl(self.source),
            "cue_text": sl(self.cue),
            "source_name": self.source_name,
            "speaker_kind": self.speaker_kind,
            "role": self.role,
            "organisation": self.organisation,
            "reported_by": self.reported_by,
            "kind": self.kind,
            "rule": self.rule,
            "confidence": round(self.confidence, 3),
        }
