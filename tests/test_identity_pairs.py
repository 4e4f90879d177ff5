"""The hand-labelled speaker pairs of bench/identity.py (bench/data/identity_pairs.jsonl:
names of public figures and the labeller's reason, no article text), replayed through the
name rules: two full names are one speaker exactly when the labeller said they are one
person.  The rules' known mistakes are strict xfails, so fixing one shows up here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attrib.identity import Alias, cluster, name_parts

LABELS = Path(__file__).resolve().parent.parent / "bench" / "data" / "identity_pairs.jsonl"
ROWS = [json.loads(x) for x in LABELS.read_text(encoding="utf-8").splitlines() if x.strip()]

#: Where the rules and the labeller disagree, and why the rules get it wrong.
KNOWN = {
    ("Bob Mason", "Robert Mason"): "two people of one name (a short form): nothing in the names tells them apart",
    ("Steve Rosenthal", "Steven M. Rosenthal"): "two people of one name (a short form)",
    ("Debbie Wasserman Schultz", "Wasserman Schultz"): "a compound surname is read as given name + surname",
    ("Eskelsen García", "Lily Eskelsen García"): "a compound surname",
    ("Geoff Garin", "Geoffrey Garin"): "a short form that is not in the list",
    ("Joe Biden", "Joseph R. Biden Jr"): "a suffix written in one article only keeps them apart",
    ("FranÃ§ois Hollande", "Francois Hollande"): "the source's mis-encoded text",
    ("Ted Cruz", "Texas Sen. Ted Cruz"): "a state name before the title is read as a given name",
}


def full_pairs() -> list:
    params = []
    for r in ROWS:
        a, b = name_parts(r["a"]), name_parts(r["b"])
        if r["same"] is None or a is None or b is None or not (a.full and b.full):
            continue
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN[(r["a"], r["b"])])] if (r["a"], r["b"]) in KNOWN else []
        params.append(pytest.param(r["a"], r["b"], r["same"], id=f"{r['a']}~{r['b']}", marks=marks))
    return params


def test_the_labels_cover_both_kinds_of_pairs():
    assert sum(r["drawn_as"] == "merged" for r in ROWS) >= 50 and sum(r["drawn_as"] == "apart" for r in ROWS) >= 50
    assert all(r["why"] for r in ROWS)


@pytest.mark.parametrize(("a", "b", "same"), full_pairs())
def test_two_full_names_are_one_speaker_when_the_labeller_says_one_person(a, b, same):
    merged = len(cluster([Alias(1, a, "person", ""), Alias(2, b, "person", "")])) == 1
    assert merged == same
