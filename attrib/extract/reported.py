"""Rules for statements introduced by a cue: a reporting verb or "according to".

Each rule is a function ``(DocView) -> list[Candidate]``; the comment above
each branch says which pattern it handles and why.
"""

from __future__ import annotations

from .. import lexicon
from .base import FINITE_XPOS, Candidate, DocView, mention_range, subject_of

# Confidence = the rule's measured precision (content jacc50 against the
# annotators' spans) on 290 PolNeAR *train* documents, rounded; rerun with
#   python bench/accuracy.py --polnear ../shared/eval/polnear_train.jsonl --limit 290
# and update when a rule changes.  bench/accuracy.py prints the resulting
# confidence curve on dev (higher confidence, higher precision).
CONF = {
    "quote_split": 0.93,  # “…,” X said, “…”  (few cases: 17/18)
    "quote_cue_after": 0.92,  # X said: “…”
    "quote_cue_before": 0.89,  # “…,” X said  — quote marks + adjacent cue
    "colon": 0.84,  # Name: statement (headlines, transcripts)
    "according_to": 0.82,  # S, according to X
    "reported_after": 0.76,  # X said (that) S
    "reported_split": 0.69,  # S1, X said, S2
    "reported_before": 0.62,  # S, X said
    "that_clause": 0.62,  # X <any verb> that S
    "belief": 0.55,  # X believes S
}


def _is_cue(d: DocView, i: int) -> bool:
    t = d.toks[i]
    lem = t.lemma.lower()
    # "He continued, “…”" / "as follows: “…”": verbs that only introduce speech
    # when a quotation follows them directly
    if lem in lexicon.QUOTE_ONLY_CUES:
        k = i + 1
        while k < len(d.toks) and d.toks[k].text in (",", ":"):
            k += 1
        return k > i + 1 and k < len(d.toks) and d.is_quote_mark(k)
    if lem in lexicon.NOT_CUES or lem not in lexicon.CUE_LEMMAS:
        return False
    # Verbs only: "the said agreement" (ADJ, or a participle modifying a noun)
    # or "a report" (NOUN) are not cues.
    if not (t.upos == "VERB" or t.xpos.startswith("VB")):
        return False
    if t.deprel == "amod" and i > 0 and d.toks[i - 1].upos == "DET":
        return False  # "the said agreement"
    kids = d.children(i)
    # Passive without an agent ("it was reported that") names no speaker.
    if any(c.deprel == "aux:pass" for c in kids) and not any(c.deprel == "obl:agent" for c in kids):
        return False
    # "call" is speech only as "called X Y" / "called for" / "called on",
    # not "a group called X" or "called him on the phone"
    if lem == "call":
        return t.xpos != "VBN" or any(c.deprel == "aux" for c in kids)
    # A belief verb counts only with a subject of its own ("they think ...",
    # not the noun compound "think tank" mis-tagged as a verb).
    if lem in lexicon.BELIEF_VERBS and lem not in lexicon.SPEECH_VERBS:
        return any(c.deprel in ("nsubj", "nsubj:outer") for c in kids) and any(
            c.deprel in ("ccomp", "xcomp") for c in kids)
    return True


def _opens_clause(d: DocView, char: int) -> bool:
    """A quotation starting at ``char`` opens its clause: it follows the start of
    a sentence or paragraph, or a colon, comma, dash or end punctuation."""
    before = d.text[:char].rstrip()
    return before[-1:] in ("", ".", ":", ",", "—", "\n", "?", "!", ";") or d.tok_at(char) == d.sent_range(
        d.tok_at(char))[0]


def _trivial(d: DocView, i: int, j: int) -> bool:
    """Tokens ``[i, j)`` add nothing but time/place/manner ("on Thursday", "in a statement",
    "at a news conference announcing ...")."""
    # "said matter-of-factly as confetti fell", "said, answering a question":
    # a subordinate or participle clause after the cue is circumstance, not content
    first = next((k for k in range(i, j) if d.toks[k].upos != "ADV" and not d.is_punct(k)), None)
    if first is not None and (
        d.toks[first].upos == "SCONJ" and d.low(first) not in ("that", "whether", "if")
        or d.toks[first].xpos == "VBG" and first == i
    ):
        return True
    if i < j and d.toks[i].upos == "ADP" and d.low(i) != "that" and not any(
        d.toks[k].xpos in FINITE_XPOS or d.low(k) == "that" or d.is_quote_mark(k) for k in range(i, j)
    ):
        return True
    if d.words(i, j) > 8:
        return False
    for k in range(i, j):
        t = d.toks[k]
        if t.upos in ("VERB", "AUX") or d.is_quote_mark(k) or t.text.lower() == "that":
            return False
    return True


def _content_after(d: DocView, v: int, s_end: int) -> tuple[int, int]:
    """Token range of the complement after cue ``v``, up to the sentence end.

    Skips the recipient of "told reporters that", a temporal phrase before
    "that" ("said on Thursday that"), the complementiser itself, and stops
    before a coordinated verb ("denied arms deals, but vowed ...").
    """
    i = v + 1
    while i < s_end and d.toks[i].text in (",", ":", "—", "–"):
        i += 1
    if d.lemma(v) in lexicon.RECIPIENT_VERBS:
        # "told a Planned Parenthood gathering in Washington (that) she will ...":
        # the content starts at the clause (or quotation), after the recipient
        comp = next((c for c in d.children(v) if c.deprel == "ccomp" and min(d.subtree(c.i)) > i), None)
        quote = next((k for k in range(i, min(s_end, i + 12)) if d.is_quote_mark(k)), None)
        starts = [x for x in (min(d.subtree(comp.i)) if comp else None, quote) if x is not None]
        if starts and min(starts) - i < 12:
            i = min(starts)
        else:
            for c in d.children(v):
                if c.deprel in ("obj", "iobj") and c.i >= i:
                    sub = d.subtree(c.i)
                    if sub[0] == i and len(sub) < 8:
                        i = sub[-1] + 1
                    break
        while i < s_end and d.toks[i].text in (",", ":"):
            i += 1
    # "said on Thursday that ..." / "said in a statement that ..."
    for k in range(i, min(i + 8, s_end)):
        t = d.toks[k]
        if t.text.lower() == "that" and t.upos == "SCONJ":
            if all(d.toks[m].upos not in ("VERB", "AUX") for m in range(i, k)):
                i = k + 1
            break
        if t.upos in ("VERB", "AUX"):
            break
    # "said in an interview he would ...": step over a leading adjunct to the clause
    if i < s_end and d.toks[i].upos == "ADP" and d.low(i) != "that":
        comp = next((c for c in d.children(v) if c.deprel == "ccomp" and min(d.subtree(c.i)) > i), None)
        if comp is not None and min(d.subtree(comp.i)) - i <= 8:
            i = min(d.subtree(comp.i))
            if d.low(i) == "that":
                i += 1
    j = s_end
    for c in d.children(v):
        # a coordinated verb starts a new predicate, not more content, when it
        # is a speech verb ("announced X and said Y"), has its own subject
        # ("Republicans said X and Democrats accused Y") or follows a comma or
        # "but" ("denied X, but vowed Y"); otherwise ("said he had not heard
        # ... and believes ...") it may be part of the reported clause
        if c.deprel == "conj" and c.i > i and c.upos in ("VERB", "AUX"):
            k = min(d.subtree(c.i))
            if k <= i:  # the "conjunct" holds the content itself (a mis-attached complement)
                continue
            gap = {d.low(m) for m in range(max(i, k - 3), k)}
            own_subject = any(g.deprel in ("nsubj", "nsubj:pass") for g in d.children(c.i))
            if not (gap & {",", "but", ";", "—"} or own_subject or c.lemma.lower() in lexicon.SPEECH_VERBS):
                continue
            while k > i and (d.is_punct(k - 1) or d.toks[k - 1].upos == "CCONJ"):
                k -= 1
            j = min(j, k)
    for k in range(i + 1, j):
        # "..., Campbell said." — a trailing speaker and cue close the clause
        # before them: what follows the comma is another attribution
        if d.toks[k].text == "," and k + 1 < j:
            m = k + 1
            while m < j and m - k <= 7 and d.toks[m].upos in ("PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM"):
                m += 1
            if m > k + 1 and m < j and d.lemma(m) in lexicon.SPEECH_VERBS and d.toks[m].upos == "VERB" \
                    and d.words(m + 1, j) <= 6:
                j = k
                break
    for k in range(i + 1, j - 1):
        # ", telling X that ..." / ", adding ...": the speaker's next speech act
        if d.toks[k].text == "," and d.toks[k + 1].xpos == "VBG" and d.lemma(k + 1) in lexicon.SPEECH_VERBS:
            j = k
            break
    for c in d.children(v):
        # ", citing satellite imagery" / ", adding that ...": a participle clause
        # after a comma is the speaker's next act, not part of the content
        if c.deprel in ("advcl", "xcomp") and c.xpos == "VBG" and c.i > i + 1:
            k = min(d.subtree(c.i))
            if k > i and d.toks[k - 1].text == ",":
                j = min(j, k - 1)
    # the complement ends where its subtree ends: trailing adjuncts of the cue
    # (", a swipe at ...", "with a speech that ...") are not content
    comps = [c for c in d.children(v) if c.deprel in COMPLEMENTS and c.i >= i]
    if comps:
        last = max(max(d.subtree(c.i)) for c in comps) + 1
        # keep the closing mark of a quotation that ends the complement (“… health,”)
        while last < j and (d.is_quote_mark(last) or d.toks[last].text in (".", "?", "!")
                            or d.toks[last].text == "," and last + 1 < j and d.is_quote_mark(last + 1)
                            and d.quote_ending_at(d.toks[last + 1].end, slack=0)):
            last += 1
        # (", but that ...", ", fix the ..." and a quotation further on still continue it)
        cont = last + 1 < j and (d.toks[last + 1].upos in ("CCONJ", "VERB") or d.low(last + 1) == "that"
                                 or any(d.is_quote_mark(m) for m in range(last, j)))
        # (for "accused X of Y" / "praised X for Y" the phrase is part of what was said)
        after_quote = 0 < last < j and d.is_quote_mark(last - 1) and d.toks[last].upos in ("DET", "NOUN", "NUM")
        if last < j and not cont and (d.words(last, j) >= 3 and (d.toks[last].text in (",", "—", "–", ";", "(")
                                                                 or after_quote)
                                      or d.toks[last].upos == "ADP" and d.lemma(v) not in lexicon.OBJECT_CUES):
            j = min(j, last)
    # a cue inside a quotation speaks only up to the closing mark
    q = d.quote_around(d.toks[v].start)
    if q is not None:
        while j > i and d.toks[j - 1].start >= q.inner_end:
            j -= 1
    # a quotation opened in the content runs to its closing mark, over sentences
    if j > i:
        for chain in d.chains:
            if d.toks[i].start <= chain[0].start < d.toks[j - 1].end and chain[-1].end > d.toks[j - 1].end \
                    and len(chain) == 1 and q is None:
                j = d.tok_at(chain[-1].end - 1) + 1
                break
    return d.trim(i, j, keep_quotes=True)


def surface_subject(d: DocView, v: int, s0: int) -> tuple[int, int] | None:
    """The noun phrase just before cue ``v``, back to a comma, colon or quote
    mark, when the parser gave the verb no subject ("…, US Director of National
    Intelligence Avril Haines said")."""
    k = v
    while k - 1 >= s0 and (d.toks[k - 1].upos == "AUX" or d.toks[k - 1].upos == "ADV"):
        k -= 1
    end = k
    # "…, NK Pro, a Seoul-based Web site, reported": skip back over an apposition
    if k - 1 >= s0 and d.toks[k - 1].text == ",":
        m = k - 2
        while m >= s0 and d.toks[m].text != "," and m > k - 10:
            m -= 1
        if m >= s0 and d.toks[m].text == "," and d.toks[m + 1].upos in ("DET", "NUM"):
            k = m
    n = 0
    while k - 1 >= s0 and n < 14:
        t = d.toks[k - 1]
        if t.text == ")":  # "Rep. John Mica (R-Fla.) said": step over the parenthesis
            m = k - 1
            while m > s0 and d.toks[m].text != "(":
                m -= 1
            if d.toks[m].text == "(" and k - 1 - m < 8:
                k = m
                continue
        if t.text in (",", ";", ":", "(", ")") or d.is_quote_mark(k - 1) or (
            t.xpos in FINITE_XPOS and t.upos in ("VERB", "AUX") and t.ner == "O"  # "The New York Times" as a verb
        ):
            break
        k -= 1
        n += 1
    if end <= k or not any(d.toks[m].upos in ("NOUN", "PROPN", "PRON") for m in range(k, end)):
        return None
    return k, end


COMPLEMENTS = ("ccomp", "xcomp", "obj", "iobj", "parataxis", "csubj")

TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december yesterday today tonight week month year
    morning afternoon evening night weekend""".split()
)


def trim_mention(d: DocView, a: int, b: int) -> tuple[int, int] | None:
    """Drop what is not part of the speaker: a leading conjunction or
    preposition ("since Japanese Prime Minister X") and a trailing time phrase
    ("A senior official ... on Wednesday", "X last month")."""
    # "BERLIN (Reuters) - German Chancellor X": a dateline before a dash is no part of the speaker
    for k in range(b - 1, a, -1):
        if d.toks[k].text in ("-", "—", "–", "--") and d.text[d.toks[k].start - 1 : d.toks[k].start].isspace():
            a = k + 1
            break
    while a < b and d.toks[a].upos in ("SCONJ", "ADP", "CCONJ", "ADV", "PUNCT"):
        a += 1
    # "a day after her son", "hours before the senator": a time phrase, then the speaker
    for k in range(a, min(b - 1, a + 4)):
        if d.low(k) in ("after", "before", "since") and any(
            d.lemma(m) in TIME_WORDS or d.lemma(m) in ("hour", "minute", "moment", "day") for m in range(a, k)
        ):
            a = k + 1
            break
    for k in range(a + 1, b):
        low = d.low(k)
        nxt = d.low(k + 1) if k + 1 < b else ""
        if low in ("yesterday", "today", "tonight") or (
            low in ("on", "last", "this", "next", "earlier", "late", "early") and nxt in TIME_WORDS
        ):
            b = k
            break
    a, b = d.trim(a, b)
    return (a, b) if b > a else None


def _cand(d: DocView, v: int, cue: tuple[int, int], src: tuple[int, int] | None, belief: bool,
          spans: list[tuple[int, int]], rule: str, orient: str) -> Candidate:
    rule = "belief" if belief and not rule.startswith("quote") else rule
    return Candidate(content=spans, rule=rule, confidence=CONF[rule], cue_tok=v, cue=cue, cue_lemma=d.lemma(v),
                     source=src, orientation=orient)


def verb_cue_rule(d: DocView) -> list[Candidate]:
    """Reported and direct speech around a reporting verb.

    The content side is decided from the surface, because the parser is least
    reliable exactly here (inverted and trailing cues):
    - nothing but adverbials after the cue and a clause before the speaker
      -> content before ("S, X said", "“…,” the ministry said in a statement");
    - a comma, the speaker and the cue inside a sentence that goes on with a
      finite verb -> split ("Less clear, he said, is what ...");
    - otherwise the content follows the cue ("X said (that) S", "X said: “…”").
    """
    out: list[Candidate] = []
    for v in range(len(d.toks)):
        if not _is_cue(d, v):
            continue
        s0, s1 = d.sent_range(v)
        end = s1
        while end > s0 and d.is_punct(end - 1) and not d.is_quote_mark(end - 1):
            end -= 1
        h = subject_of(d, v)
        src = mention_range(d, h, v) if h is not None else None
        if src is not None and (d.is_quote_mark(src[0]) or d.in_quote(d.toks[src[0]].start)) and not d.in_quote(
            d.toks[v].start
        ):
            src = None  # words inside a quotation are content, never the speaker of a cue outside it
        if src is None:
            src = surface_subject(d, v, s0)
        if src is not None:
            src = trim_mention(d, *src)
        src_in_sentence = src is None or s0 <= src[0] < s1
        belief = d.lemma(v) in lexicon.BELIEF_VERBS and d.lemma(v) not in lexicon.SPEECH_VERBS
        # the cue spans its auxiliaries ("has said", "have denied")
        k = v
        while k - 1 >= s0 and d.toks[k - 1].upos == "AUX" and d.toks[k - 1].head == v:
            k -= 1
        cue = (d.toks[k].start, d.toks[v].end)

        # Inverted cue: “…,” said X  /  S, wrote X.  Speaker after the verb.
        # (only the verb's own subject: "Asked to respond, Carson said" climbs
        # from "respond" to Carson, who is not an inverted speaker of "respond")
        inverted = src is not None and src[0] > v and h is not None and d.toks[h].head == v
        if src is not None and src[0] > v and not inverted and h is not None:
            continue  # a fronted participle clause ("Asked to respond, ..., Carson said"): circumstance
        if src is None and v + 1 < end and d.toks[v + 1].upos in ("PROPN", "DET", "NOUN", "ADJ"):
            # parser found no subject; "…,” said Jane Smith" has one after the cue
            before = v - 1
            while before >= s0 and d.toks[before].text == ",":
                before -= 1
            if before >= s0 and d.is_quote_mark(before):
                src = d.trim(v + 1, end)
                inverted = True
        if inverted and src is not None:
            left = d.trim(s0, v, keep_quotes=True)
            chain = d.quote_ending_at(d.toks[v - 1].end, slack=3) if v > s0 else None
            if chain is None and v - 2 >= 0:
                chain = d.quote_ending_at(d.toks[v - 2].end, slack=3)
            if chain:
                out.append(_cand(d, v, cue, src, belief, [q.inner for q in chain], "quote_cue_before", "before"))
            elif left[1] > left[0] and d.words(*left) >= 2:
                out.append(_cand(d, v, cue, src, belief, [d.char_span(*left)], "reported_before", "before"))
            continue
        if not src_in_sentence:
            src = None
        # What follows the cue, up to the first comma.
        i = v + 1
        while i < end and d.toks[i].text != ",":
            i += 1
        after_is_trivial = _trivial(d, v + 1, i)
        first_after = v + 1
        while first_after < len(d.toks) and d.toks[first_after].text in (",", ":"):
            first_after += 1
        # X said: “…”  — the content is the quotation that opens after the cue,
        # even when the tokenizer put it in the next sentence ("says:\n\n“Well ...")
        opens_quote = first_after < len(d.toks) and d.is_quote_mark(first_after) and (
            first_after < end or first_after > v + 1 and d.toks[first_after - 1].text in (",", ":"))
        if opens_quote:
            end = max(end, d.sent_range(first_after)[1] - 1)
            chain = d.quote_starting_at(d.toks[first_after].start)
            if chain:
                spans = [q.inner for q in chain]
                q_end_tok = d.tok_at(chain[-1].end - 1)
                tail = q_end_tok + 1
                # sentence goes on after the quote without a comma: mixed content
                if tail < end and d.toks[tail].text not in (",", ";") and not d.is_quote_mark(tail) \
                        and d.toks[tail].upos != "CCONJ" and len(chain) == 1:
                    spans = [(chain[0].start, d.toks[end - 1].end)]
                    out.append(_cand(d, v, cue, src, belief, spans, "reported_after", "after"))
                else:
                    # “A,” he said, “B.”: the quotation before the speaker is the same statement
                    before = d.quote_ending_at(d.toks[src[0] - 1].end, slack=2) if src and src[0] > s0 else None
                    if before and src[0] < v and d.text[before[-1].inner_end - 1] in ",—":
                        out.append(_cand(d, v, cue, src, belief, [q.inner for q in before] + spans,
                                         "quote_split", "split"))
                        continue
                    out.append(_cand(d, v, cue, src, belief, spans, "quote_cue_after", "after"))
                    # “No amnesty” and “Out with X”: each further quote joined by and/or is its own statement
                    nxt = d.chains.index(chain) + 1
                    while nxt < len(d.chains):
                        gap = d.text[chain[-1].end : d.chains[nxt][0].start].strip(" ,")
                        if gap not in ("and", "or", ""):
                            break
                        chain = d.chains[nxt]
                        out.append(_cand(d, v, cue, src, belief, [q.inner for q in chain], "quote_cue_after", "after"))
                        nxt += 1
                continue
        src_start = src[0] if src else v
        # “…,” Trump said in August after ...: a quotation that closes right
        # before the speaker, its last words ending in , ? or !, is the content
        # whatever follows the cue
        if src is not None and src_start > s0 and src_start <= v:
            chain = d.quote_ending_at(d.toks[src_start - 1].end, slack=2)
            if chain is None and src_start - 2 > s0 and d.toks[src_start - 1].text == ",":
                # “…,” Jenna Golden, director of political advertising, said: the
                # parser took the apposition for the subject; the name precedes it
                k = src_start - 2
                while k > s0 and d.toks[k].upos == "PROPN" and src_start - k < 6:
                    k -= 1
                if k < src_start - 2 and d.is_quote_mark(k):
                    chain = d.quote_ending_at(d.toks[k].end, slack=1)
                    if chain:
                        src = (k + 1, src[1])
            # (the quotation must open its clause: in "X is “in good health,” a
            # day after her son said" it belongs to X's sentence, not to the son)
            opens = chain is not None and _opens_clause(d, chain[0].start)
            if chain and opens and d.text[chain[-1].inner_end - 1] in ",?!—":
                out.append(_cand(d, v, cue, src, belief, [q.inner for q in chain], "quote_cue_before", "before"))
                continue
        left_end = src_start
        # content before the speaker: a comma or closing quote just before the
        # speaker (allowing a connective such as "as well as" in between)
        sep = next((k for k in range(src_start - 1, max(s0, src_start - 5) - 1, -1)
                    if d.toks[k].text == "," or d.is_quote_mark(k)), None) if src is not None else None
        # ... and what stands there is a clause, not an adjunct ("Last week, X called ...")
        # (a left part opening with a subordinator, "Though X is
        # gaining, Clinton maintains ...", is an adverbial clause, not content)
        has_left = sep is not None and d.words(s0, sep) >= 2 and (
            d.is_quote_mark(sep) or any(d.toks[m].xpos in FINITE_XPOS for m in range(s0, sep))
            and d.toks[d.trim(s0, sep)[0]].upos != "SCONJ")
        # "Less clear, he said, is what ...": a verbless fronted part can still be
        # the first half of a split statement (checked below: the rest needs a verb)
        split_left = sep is not None and d.words(s0, sep) >= 2 and d.toks[sep].text == ","
        if sep is not None:
            left_end = sep + 1 if d.is_quote_mark(sep) else sep
        if after_is_trivial and (has_left or split_left) and src is not None:
            rest = i + 1 if i < end and d.toks[i].text == "," else i
            # Less clear, he said, is what ...: the sentence continues with a finite verb
            if rest < end and d.words(rest, end) >= 2 and (
                d.toks[rest].xpos in FINITE_XPOS
                or any(d.toks[m].xpos in FINITE_XPOS for m in range(rest, min(end, rest + 8)))
                and d.toks[rest].upos not in ("ADP", "SCONJ") and d.toks[rest].xpos != "VBG"
                or d.toks[rest].xpos == "VBG" and any(d.toks[m].xpos in FINITE_XPOS for m in range(rest, end))
                and d.toks[rest].deprel in ("csubj", "nsubj")
            ):
                a = d.trim(s0, left_end)
                b = d.trim(rest, end, keep_quotes=True)
                out.append(_cand(d, v, cue, src, belief, [d.char_span(*a), d.char_span(*b)], "reported_split", "split"))
                continue
            if has_left:
                # “…,” the ministry said in a statement.
                chain = d.quote_ending_at(d.toks[src_start - 1].end, slack=3) if src_start > 0 else None
                if chain is None and src_start > 1:
                    chain = d.quote_ending_at(d.toks[src_start - 2].end, slack=3)
                if chain and not _opens_clause(d, chain[0].start):
                    chain = None  # '... the remarks as "militaristic rhetoric", X told reporters': a phrase
                if chain:
                    spans = [q.inner for q in chain]
                    # “A,” Tester said, referring to X, “B.”: the quote resumes after the cue clause
                    nxt = next((ch for ch in d.chains if d.toks[v].end < ch[0].start < d.toks[s1 - 1].end), None)
                    if nxt is not None and d.text[: nxt[0].start].rstrip().endswith(",") and d.text[
                            spans[-1][1] - 1 : spans[-1][1] + 1].strip().endswith(","):
                        spans += [q.inner for q in nxt]
                    out.append(_cand(d, v, cue, src, belief, spans, "quote_cue_before", "before"))
                    continue
                a = d.trim(s0, left_end, keep_quotes=True)
                if a[1] > a[0]:
                    out.append(_cand(d, v, cue, src, belief, [d.char_span(*a)], "reported_before", "before"))
                continue
        a, b = _content_after(d, v, end)
        # Reported content is a clause, a noun phrase or a quotation; what starts
        # with a preposition ("told reporters on Thursday", "responded to
        # problems") or a subordinator ("said when Boyle asked") is circumstance.
        if b > a and (d.toks[a].upos == "ADP" and not any(
            d.toks[m].upos in ("VERB", "AUX") or d.is_quote_mark(m) for m in range(a, b)
        ) or d.toks[a].upos == "SCONJ" and d.low(a) not in ("that", "whether", "if")):
            continue
        if b > a and d.lemma(v) not in lexicon.OBJECT_CUES and d.words(a, b) <= 2 and not any(
            d.toks[m].upos in ("VERB", "AUX") or d.is_quote_mark(m) for m in range(a, b)
        ):
            continue  # "posted a lengthy message": a noun phrase is no content for this verb
        if b > a and (d.words(a, b) >= 2 or d.words(a, b) >= 1 and d.lemma(v) in ("deny", "praise")):
            out.append(_cand(d, v, cue, src, belief, [d.char_span(a, b)], "reported_after", "after"))
    return out


def according_to_rule(d: DocView) -> list[Candidate]:
    """"S, according to X" / "According to X, S": the source is the noun
    phrase after "to"; the content is the rest of the sentence."""
    out: list[Candidate] = []
    for i in range(len(d.toks) - 1):
        if d.low(i) != "according" or d.low(i + 1) != "to":
            continue
        s0, s1 = d.sent_range(i)
        end = s1
        while end > s0 and d.is_punct(end - 1) and not d.is_quote_mark(end - 1):
            end -= 1
        j = i + 2
        while j < end and d.toks[j].text not in (",", ";") and d.toks[j].upos not in ("VERB", "AUX"):
            j += 1
        src = d.trim(i + 2, j)
        if src[1] <= src[0]:
            continue
        cue = (d.toks[i].start, d.toks[i + 1].end)
        left = d.trim(s0, i)
        right = d.trim(j, end, keep_quotes=True)
        spans = [d.char_span(*r) for r in (left, right) if d.words(*r) >= 2]
        if not spans:
            continue
        out.append(Candidate(content=spans, rule="according_to", confidence=CONF["according_to"], cue_tok=i,
                             cue=cue, cue_lemma="according to", source=src,
                             orientation="before" if left[1] > left[0] else "after"))
    return out


def that_clause_rule(d: DocView) -> list[Candidate]:
    """"X <verb> that S" with a verb outside the cue lists ("X signalled that
    S", "the report concluded that S"): a that-clause complement after a verb
    with a nominal subject is reported content far more often than not, so it
    is kept, with a low confidence."""
    out: list[Candidate] = []
    for v in range(len(d.toks)):
        t = d.toks[v]
        if t.upos != "VERB" or t.lemma.lower() in lexicon.CUE_LEMMAS or t.lemma.lower() in lexicon.NOT_CUES:
            continue
        # a finite verb (or one with an auxiliary): "a warning that ..." is no predicate
        if t.xpos not in FINITE_XPOS and not any(c.deprel == "aux" for c in d.children(v)):
            continue
        comp = next((c for c in d.children(v) if c.deprel == "ccomp" and c.i > v), None)
        if comp is None:
            continue
        sub = d.subtree(comp.i)
        # a that-clause, or a full clause with its own subject right after the verb
        has_that = d.low(sub[0]) == "that"
        full_clause = any(c.deprel in ("nsubj", "nsubj:pass") for c in d.children(comp.i))
        if sub[0] - v > 4 or not (has_that or full_clause and sub[0] == v + 1):
            continue
        h = subject_of(d, v)
        if h is None or d.low(h) in ("it", "this", "that", "there") or d.toks[h].upos not in ("NOUN", "PROPN", "PRON"):
            continue
        src = mention_range(d, h, v)
        src = trim_mention(d, *src) if src else None
        a, b = d.trim(sub[0], sub[-1] + 1, keep_quotes=True)
        if src is None or d.words(a, b) < 3:
            continue
        out.append(Candidate(content=[d.char_span(a, b)], rule="that_clause", confidence=CONF["that_clause"],
                             cue_tok=v, cue=d.char_span(v, v + 1), cue_lemma=d.lemma(v), source=src,
                             orientation="after"))
    return out


def colon_rule(d: DocView) -> list[Candidate]:
    """"Kasich: ‘We are going to Cleveland’" / "TAPPER: Do you think ...": a
    sentence that opens with a person's name and a colon attributes the rest
    (headline and transcript style).  The name must be a person entity, or
    an all-capitals word used as a person's name elsewhere in the text, so
    "Photo: ..." or "FALLEN: ..." are not speakers."""
    out: list[Candidate] = []
    surnames = {e.text.split()[-1].upper() for e in d.p.entities if e.label == "PER"}
    for sent in d.p.sentences:
        s0, s1 = sent.tok_start, sent.tok_end
        colon = next((k for k in range(s0, min(s1, s0 + 6)) if d.toks[k].text == ":"), None)
        if colon is None or colon == s0 or d.words(colon + 1, s1) < 3:
            continue
        name = d.text[d.toks[s0].start : d.toks[colon - 1].end]
        per = any(e.label == "PER" and e.tok_start == s0 and e.tok_end >= colon for e in d.p.entities)
        caps = name.isupper() and name.split()[-1] in surnames
        if not (per or caps):
            continue
        a, b = d.trim(colon + 1, s1, keep_quotes=True)
        out.append(Candidate(content=[d.char_span(a, b)], rule="colon", confidence=CONF["colon"], cue_tok=colon,
                             cue=d.char_span(colon, colon + 1), cue_lemma=":", source=(s0, colon),
                             orientation="after"))
    return out
