"""Quotation marks: pair them into quotes, over sentences and paragraphs.

Works on the raw text, not the parse, because a quote often runs over several
sentences (and the tokenizer's sentences split it).  Rules:

- curly ``“ ”`` pair by direction; straight ``"`` pair by alternation, its
  direction read from the neighbouring characters;
- single ``‘ ’`` / ``'`` count as quote marks only where they cannot be an
  apostrophe (an opening mark after a space or line start, a closing mark not
  followed by a letter), and inside a double quote they are nested quotes that
  belong to it, so they are not returned separately;
- a quote still open at the end of a paragraph is closed there; if the next
  paragraph opens a quote straight away, that quote *continues* the first
  (the wire convention for a quotation over several paragraphs);
- a quote still open at the end of the text (a teaser cut mid-sentence) runs to
  the end and is marked ``closed=False``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‚"
CLOSE_SINGLE = "’"


@dataclass(frozen=True)
class Quote:
    """One quotation: ``start``/``end`` include the marks; ``inner`` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    continues: bool = False  # continues the previous quote (next paragraph)
    single: bool = False

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted text's span without the marks."""
        return (self.inner_start, self.inner_end)


def _is_open_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/:;" or i == 0:
        return not after.isspace()
    return False


def _apostrophe(text: str, i: int) -> bool:
    """True when the single mark at ``i`` sits inside a word (it's, Putin’s, rock’n’roll)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def find_quotes(text: str) -> list[Quote]:
    """All top-level quotations in ``text``, in order (see the module docstring)."""
    # '' (two apostrophes, an old newspaper style for a double quote; ’’ when an editor's
    # software curled them: “We dedicate ourselves …,’’ says X): read the pair as one
    # double mark; the copy keeps every offset
    if "''" in text or "``" in text or "’’" in text:
        text = re.sub(r"``|''|’’", _two_marks, text)
    quotes: list[Quote] = []
    i, n = 0, len(text)
    open_at: int | None = None
    open_single = False
    para_continue = False
    while i < n:
        c = text[i]
        if c == "\n":
            if open_at is not None:
                # close at the paragraph end; the next paragraph may reopen
                j = i
                while j < n and text[j].isspace():
                    j += 1
                # (only white space up to the end: a teaser cut mid-quote, still open)
                quotes.append(_mk(open_at, i, text, j < n, para_continue, open_single, trim_end=True))
                open_at = None
                para_continue = j < n and (text[j] in OPEN_DOUBLE or text[j] == '"')
                i = j
                continue
            para_continue = False
            i += 1
            continue
        if open_at is None:
            if c in OPEN_DOUBLE or (c == '"' and _is_open_straight(text, i)):
                open_at, open_single = i, False
            elif (c in OPEN_SINGLE or c == "'") and _is_open_straight(text, i) and not _apostrophe(text, i):
                if _has_single_close(text, i):
                    open_at, open_single = i, True
            elif c in CLOSE_DOUBLE or c == '"':
                pass  # stray closing mark: ignore
            i = _next_mark(text, i + 1, n)
            continue
        # inside a quote; “ typed for ” (after , . ? ! and before a space) closes it
        typo_close = c in OPEN_DOUBLE and i > 0 and text[i - 1] in ",.?!" and (i + 1 == n or text[i + 1].isspace())
        if not open_single and (c in CLOSE_DOUBLE or typo_close or (c == '"' and not _is_open_straight(text, i))):
            quotes.append(_mk(open_at, i + 1, text, True, para_continue, False))
            open_at, para_continue = None, False
        elif not open_single and c == '"':
            # a straight mark that looks like an opener while one is open: treat as close
            quotes.append(_mk(open_at, i + 1, text, True, para_continue, False))
            open_at, para_continue = None, False
        elif open_single and (c in CLOSE_SINGLE or c == "'") and not _apostrophe(text, i):
            quotes.append(_mk(open_at, i + 1, text, True, para_continue, True))
            open_at, para_continue = None, False
        i = _next_mark(text, i + 1, n)
    if open_at is not None:
        quotes.append(_mk(open_at, n, text, False, para_continue, open_single, trim_end=True))
    return [q for q in quotes if q.inner_end > q.inner_start]


#: The only characters :func:`find_quotes` acts on: quotation marks and line breaks.
_MARKS = re.compile("[\n\"'" + OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + "]")


def _next_mark(text: str, i: int, n: int) -> int:
    """The position of the first quotation mark or line break at ``i`` or after, else ``n``:
    every other character leaves :func:`find_quotes`' state as it is, so it skips them."""
    m = _MARKS.search(text, i)
    return m.start() if m else n


def _two_marks(m: re.Match[str]) -> str:
    """'' (or ’’) or `` as one curly mark plus a space, direction read from the context."""
    text, i = m.string, m.start()
    opening = m.group() == "``" or i == 0 or text[i - 1].isspace() or text[i - 1] in "([—"
    return " “" if opening else "” "


def _has_single_close(text: str, i: int) -> bool:
    """A single opening mark counts only if a closing one follows in the same paragraph."""
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    for j in range(i + 1, end):
        if (text[j] in CLOSE_SINGLE or text[j] == "'") and not _apostrophe(text, j):
            return True
    return False


def _mk(start: int, end: int, text: str, closed: bool, cont: bool, single: bool, trim_end: bool = False) -> Quote:
    inner_start = start + 1
    inner_end = end if trim_end else end - 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    if trim_end:
        end = inner_end
    return Quote(start, end, inner_start, inner_end, closed=closed, continues=cont, single=single)


def quote_chains(quotes: list[Quote]) -> list[list[Quote]]:
    """Group quotes that continue over paragraphs into chains (one statement each)."""
    chains: list[list[Quote]] = []
    for q in quotes:
        if q.continues and chains:
            chains[-1].append(q)
        else:
            chains.append([q])
    return chains
