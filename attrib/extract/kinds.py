"""The kind of each statement: speech, belief, intention or evidence.

Fact-checkers check what people *said*; beliefs ("X thinks S"), intentions
("X plans to S") and evidence ("polls show S") are attributions too (PolNeAR
annotates them) but are not quotes, so every output shows speech unless asked.
The kind is read from the cue, its complement and its subject:
- a quotation (quote rules, colon, floating quotes) is speech;
- a belief verb is belief, or intention for "plan", "intend" ...; so is a
  that-clause after a verb outside the speech lists ("realized that S");
- an intention verb with an infinitive and no quotation is intention
  ("vowed to fight"; "vowed that ..." is speech), and so is a demand reported
  without its words ("called for a moratorium", "called on X to resign");
- a cue whose subject is a document or a measurement is evidence ("a study found
  that", "records indicate", "according to a poll").
"""

from __future__ import annotations

from .. import lexicon
from .base import Candidate, DocView, calls_for

QUOTE_RULES = frozenset({"quote_split", "quote_cue_after", "quote_cue_before", "colon", "floating_quote",
                         "dash_quote"})


def statement_kind(d: DocView, c: Candidate) -> str:
    """The kind of candidate ``c`` (one of :data:`attrib.types.STATEMENT_KINDS`)."""
    if c.rule in QUOTE_RULES:
        return "speech"
    if _evidence_source(d, c):
        return "evidence"
    lemma = (c.cue_lemma or "").lower()
    if c.rule == "belief":
        return "intention" if lemma in lexicon.INTENTION_VERBS else "belief"
    if lemma in lexicon.INTENTION_VERBS and _infinitive_content(d, c):
        return "intention"
    if _demand_unquoted(d, c):
        return "intention"
    if c.rule == "that_clause":
        # its verbs are outside the speech lists by definition: "realized that",
        # "learned that", "decided that" report what someone knows or concluded
        return "belief"
    return "speech"


def _evidence_source(d: DocView, c: Candidate) -> bool:
    """The speaker mention is headed by a document or measurement noun."""
    if c.source is None:
        return False
    a, b = c.source
    heads = [k for k in d.heads(a, b) if d.toks[k].upos == "NOUN"]
    head = heads[0] if heads else b - 1
    # ("Video shows that ...": a capitalised evidence noun is often tagged a name)
    if d.toks[head].upos not in ("NOUN", "PROPN") or d.lemma(head).lower() not in lexicon.EVIDENCE_NOUNS:
        return False
    return c.rule == "according_to" or (c.cue_lemma or "").lower() in lexicon.EVIDENCE_VERBS


def _infinitive_content(d: DocView, c: Candidate) -> bool:
    """The content is an infinitive ("to fight the ruling") with no quotation mark in it."""
    if c.cue_tok is None:
        return False
    k = c.cue_tok + 1
    while k < len(d.toks) and (d.is_punct(k) or d.toks[k].upos == "ADV"):
        k += 1
    infinitive = k < len(d.toks) and d.low(k) == "to" and k + 1 < len(d.toks) and d.toks[k + 1].upos in (
        "VERB", "AUX")
    return infinitive and not any(d.in_quote(s) for s, _ in c.content)


def _demand_unquoted(d: DocView, c: Candidate) -> bool:
    """"called for a moratorium", "called on X to resign" with no quotation: a demand
    reported without its words, like a pledge, is the speaker's aim, not speech."""
    if c.cue_tok is None or not calls_for(d, c.cue_tok):
        return False
    # (a quotation that opens the content starts with its mark, which in_quote does not count)
    return not any(d.has_quote_mark(d.tok_at(s), d.tok_at(max(s, e - 1)) + 1) or d.in_quote(s) for s, e in c.content)
