"""Each rule's measured precision, read from ``attrib/data/rule_confidence.json``.

The file is written by ``bench/accuracy.py --write-confidence`` (precision of
each rule's statements against the annotators' spans on PolNeAR *train*), never
by hand; ``tests/test_rules_table.py`` fails when it and
:data:`attrib.extract.rules.RULES` disagree about which rules exist.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

DATA_FILE = "rule_confidence.json"


@cache
def measured() -> dict[str, Any]:
    """The whole data file: how it was measured, and per rule its precision and count."""
    return json.loads(files("attrib.data").joinpath(DATA_FILE).read_text(encoding="utf-8"))


def confidence(rule: str) -> float:
    """The measured precision of ``rule`` (KeyError for a rule the file does not know)."""
    return float(measured()["rules"][rule]["precision"])
