"""The rule table, its confidence file and the README's rule table agree."""

from __future__ import annotations

import re
from pathlib import Path

from attrib.extract.confidence import confidence, measured
from attrib.extract.rules import RULES, SITE_RULES, rule_names

README = Path(__file__).resolve().parent.parent / "README.md"


def test_confidence_file_names_exactly_the_rules():
    assert set(measured()["rules"]) == set(rule_names())


def test_every_rule_has_a_probability_as_confidence():
    for rule in RULES:
        assert 0.0 < rule.confidence < 1.0, rule.name
        assert rule.confidence == confidence(rule.name)


def test_rule_names_are_unique_and_documented_in_code():
    assert len(set(rule_names())) == len(RULES)
    for rule in RULES:
        assert rule.scope in ("site", "document", "floating"), rule.name
        assert (rule.find.__doc__ or "").strip(), f"{rule.name} has no docstring saying why it exists"


def test_site_rules_try_quotation_marks_first():
    """The quote rules claim a cue site before the reported-speech rules do."""
    names = [r.name for r in SITE_RULES]
    last_quote = max(i for i, n in enumerate(names) if n.startswith("quote"))
    first_reported = min(i for i, n in enumerate(names) if n.startswith("reported"))
    assert last_quote < first_reported


def test_readme_rule_table_matches_the_code():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("**Rules**") :]
    section = section[: section.index("\n\n", section.index("| rule |"))]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.M)
    assert documented == rule_names()
