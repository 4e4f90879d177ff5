"""A tiny stand-in for stanza: builds a :class:`~attrib.types.ParsedArticle` from any text in
milliseconds, so that attribution, storage and ingest can run on arbitrary or generated text
without loading the models.

It is deliberately crude but structurally valid:

- tokens: every run of ``\\w`` characters, and every other non-space character on its own;
- sentences: end after ``.``, ``!`` or ``?`` and at line breaks;
- heads: every token of a sentence hangs off the sentence's first cue ("said", "says", "told")
  when there is one (the cue is the root), else every token is a root (head -1);
- deprel: "root" for the cue, "nsubj" for the nearest name or pronoun before it, "dep" otherwise;
- upos: cue -> VERB (lemma say/tell), pronoun -> PRON, auxiliary -> AUX, capitalised -> PROPN, digits -> NUM,
  punctuation -> PUNCT, anything else -> NOUN;
- entities: runs of capitalised tokens, PER unless the run ends in an organisation word.
"""

from __future__ import annotations

import re

from attrib.types import Entity, ParsedArticle, Sentence, Token

TOKEN = re.compile(r"\w+|[^\w\s]")
CUES = {"said": ("say", "VBD"), "says": ("say", "VBZ"), "told": ("tell", "VBD")}
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you"}
# auxiliaries make a reported clause a clause (the rules want a verb in "said S")
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "will", "would", "can", "could", "has", "have", "had",
               "should", "may", "might", "must", "do", "does", "did"}
ORG_WORDS = {"ministry", "agency", "government", "party", "office", "council", "army", "news"}
SENTENCE_END = {".", "!", "?"}


def _tag(word: str) -> tuple[str, str, str]:
    """(upos, xpos, lemma) of one token."""
    low = word.lower()
    if low in CUES:
        lemma, xpos = CUES[low]
        return "VERB", xpos, lemma
    if low in PRONOUNS:
        return "PRON", "PRP", low
    if low in AUXILIARIES:
        return "AUX", "MD", low
    if not re.match(r"\w", word):
        return "PUNCT", ".", word
    if word.isdigit():
        return "NUM", "CD", word
    if word[:1].isupper():
        return "PROPN", "NNP", word
    return "NOUN", "NN", low


def fake_parse(text: str, model: str = "fake") -> ParsedArticle:
    """A :class:`ParsedArticle` of ``text`` (see the module docstring)."""
    raw: list[tuple[str, int, int]] = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
    # split into sentences: after . ! ? and wherever a line break lies between two tokens
    groups: list[list[tuple[str, int, int]]] = []
    cur: list[tuple[str, int, int]] = []
    for k, (w, s, e) in enumerate(raw):
        if cur and "\n" in text[cur[-1][2] : s]:
            groups.append(cur)
            cur = []
        cur.append((w, s, e))
        if w in SENTENCE_END and not (k + 1 < len(raw) and raw[k + 1][0] in SENTENCE_END):
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)

    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for si, group in enumerate(groups):
        base = len(tokens)
        tags = [_tag(w) for w, _, _ in group]
        cue = next((k for k, (w, _, _) in enumerate(group) if w.lower() in CUES), None)
        subj = None
        if cue is not None:
            subj = next((k for k in range(cue - 1, -1, -1) if tags[k][0] in ("PROPN", "PRON")), None)
        for k, ((w, s, e), (upos, xpos, lemma)) in enumerate(zip(group, tags, strict=True)):
            if cue is None or k == cue:
                head, deprel = -1, "root" if k == cue else "dep"
            else:
                head, deprel = base + cue, "nsubj" if k == subj else "dep"
            tokens.append(Token(len(tokens), w, s, e, lemma, upos, xpos, head, deprel, si))
        sentences.append(Sentence(si, group[0][1], group[-1][2], base, len(tokens)))

    entities: list[Entity] = []
    k = 0
    while k < len(tokens):
        if tokens[k].upos != "PROPN":
            k += 1
            continue
        j = k
        while j < len(tokens) and tokens[j].upos == "PROPN" and tokens[j].sent == tokens[k].sent:
            j += 1
        label = "ORG" if tokens[j - 1].text.lower() in ORG_WORDS else "PER"
        s, e = tokens[k].start, tokens[j - 1].end
        entities.append(Entity(s, e, label, text[s:e], k, j))
        for m in range(k, j):
            tag = "S" if j - k == 1 else "B" if m == k else "E" if m == j - 1 else "I"
            tokens[m] = Token(**{**tokens[m].__dict__, "ner": f"{tag}-{label}"})
        k = j
    return ParsedArticle(text, tuple(tokens), tuple(sentences), tuple(entities), model)
