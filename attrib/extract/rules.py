"""The rule table: every documented extraction rule, its pattern and its measured confidence.

The README's rule table lists exactly these names.  Three scopes:

- ``site``: tried on each cue site (:mod:`attrib.extract.site`) in table order;
  the first rule whose pattern applies claims the site.  Quotation marks are
  the strongest evidence, so the quote rules come first; then a clause before
  the speaker; the complement after the cue last.
- ``document``: scans the whole document for its own marker ("according to",
  a name and a colon, a that-clause).
- ``floating``: runs last, over the statements found, for quotations no cue claimed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import dash, doc_rules, floating, verb_cues
from .confidence import confidence


@dataclass(frozen=True)
class Rule:
    """One extraction rule: its stored name, scope, function and an example of its pattern."""

    name: str
    scope: str  # "site", "document" or "floating"
    find: Callable[..., Any]
    example: str

    @property
    def confidence(self) -> float:
        """The rule's measured precision (``attrib/data/rule_confidence.json``)."""
        return confidence(self.name)


RULES: tuple[Rule, ...] = (
    Rule("quote_split", "site", verb_cues.quote_split, "“A,” he said, “B.”"),
    Rule("quote_cue_after", "site", verb_cues.quote_cue_after, "X said: “…” / X continued, “…”"),
    Rule("quote_cue_before", "site", verb_cues.quote_cue_before, "“…,” the ministry said. / “…,” said X"),
    Rule("reported_split", "site", verb_cues.reported_split, "Less clear, he said, is what …"),
    Rule("reported_before", "site", verb_cues.reported_before, "S, X said (yesterday)."),
    Rule("reported_after", "site", verb_cues.reported_after, "X said (on Thursday) (that) S"),
    Rule("belief", "site", verb_cues.belief, "X believes / thinks / fears S"),
    Rule("according_to", "document", doc_rules.according_to, "S, according to X / According to X, S"),
    Rule("that_clause", "document", doc_rules.that_clause, "X signalled that S"),
    Rule("colon", "document", doc_rules.colon, "Kasich: ‘We are going to Cleveland’"),
    Rule("dash_quote", "floating", dash.dash_quote, "“We will appeal.” — Mira Osei, lawyer"),
    Rule("floating_quote", "floating", floating.floating_quote, "a full-sentence quotation after X's statement"),
)

SITE_RULES = tuple(r for r in RULES if r.scope == "site")
DOCUMENT_RULES = tuple(r for r in RULES if r.scope == "document")
FLOATING_RULES = tuple(r for r in RULES if r.scope == "floating")


def rule_names() -> list[str]:
    """The names of every rule, in table order."""
    return [r.name for r in RULES]
