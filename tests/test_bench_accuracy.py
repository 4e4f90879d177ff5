"""``bench/accuracy.py``'s what-ifs of PolNeAR's conventions (joined quotations, floating-quote mentions)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _accuracy():
    spec = importlib.util.spec_from_file_location("bench_accuracy", ROOT / "bench" / "accuracy.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


TEXT = ('"We will appeal," Mira Osei said. "The ruling is wrong." "It will not stand."\n'
        '"Next paragraph," Osei said.\n"A new paragraph."')


def _att(text: str, quote: str, rule: str, name: str = "Mira Osei") -> dict:
    start = text.index(quote)
    return {"content": [start, start + len(quote)], "rule": rule, "source_name": name}


def test_a_floating_quote_joins_the_quotation_before_it_in_its_paragraph() -> None:
    acc = _accuracy()
    doc = {"doc_id": "d", "attributions": [
        _att(TEXT, "We will appeal,", "quote_cue_before"),
        _att(TEXT, "The ruling is wrong.", "floating_quote"),
        _att(TEXT, "It will not stand.", "floating_quote"),
        _att(TEXT, "Next paragraph,", "quote_cue_before"),
        _att(TEXT, "A new paragraph.", "floating_quote"),  # after a paragraph break: apart
    ]}
    joined = acc.joined_quotes(doc, TEXT)["attributions"]
    assert len(joined) == 3
    spans = joined[0]["content_spans"]
    assert [TEXT[a:b] for a, b in spans] == ["We will appeal,", "The ruling is wrong.", "It will not stand."]
    assert "content" not in joined[0] and joined[0]["rule"] == "quote_cue_before"
    assert joined[1]["content"] and joined[2]["rule"] == "floating_quote"


def test_another_speaker_or_a_reported_statement_is_not_joined() -> None:
    acc = _accuracy()
    text = 'Osei said the ruling was wrong. "It will not stand." "We disagree," Lund said. "Entirely."'
    doc = {"doc_id": "d", "attributions": [
        _att(text, "the ruling was wrong", "reported_after"),
        _att(text, "It will not stand.", "floating_quote"),
        _att(text, "We disagree,", "quote_cue_before", "Per Lund"),
        _att(text, "Entirely.", "floating_quote"),  # joins Lund's, whose name it has
    ]}
    doc["attributions"][3]["source_name"] = "Per Lund"
    joined = acc.joined_quotes(doc, text)["attributions"]
    assert len(joined) == 3 and "content_spans" not in joined[0] and "content_spans" not in joined[1]
    assert [text[a:b] for a, b in joined[2]["content_spans"]] == ["We disagree,", "Entirely."]


def test_a_floating_quote_gets_the_mention_of_its_speaker_before_it() -> None:
    """floating_mentions: PolNeAR's convention, a floating quote's source is the latest mention
    of its (resolved) speaker before it; one whose speaker has no mention yet keeps none."""
    acc = _accuracy()
    text = '"We will appeal," Mira Osei said. "The ruling is wrong." "No," a clerk said. "Never."'
    first = _att(text, "We will appeal,", "quote_cue_before")
    first["source"] = [text.index("Mira Osei"), text.index("Mira Osei") + len("Mira Osei")]
    doc = {"doc_id": "d", "attributions": [
        first,
        _att(text, "The ruling is wrong.", "floating_quote"),
        _att(text, "No,", "quote_cue_before", "a clerk"),       # a speaker with no mention given
        _att(text, "Never.", "floating_quote", "a clerk"),
    ]}
    out = acc.floating_mentions(doc)["attributions"]
    assert out[1]["source"] == first["source"]
    assert "source" not in out[3]
    assert "source" not in doc["attributions"][1]  # the input is not changed
