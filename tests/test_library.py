"""attrib as a library: ``attrib.find_statements(text)`` and ``attrib.open_db(path)``.

The parser is :mod:`fakeparse` behind a stand-in for :class:`attrib.nlp.Parser`
(which counts how often it is created), except in the one test marked ``models``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fakeparse import fake_parse
from helpers import FakeModels, require_stanza_models

import attrib
import attrib.nlp as nlp
from attrib.attribute import find_attributions
from attrib.types import Attribution

TEXT = ("Anna Berg said the harbour would reopen on Friday.\n"
        "The Port Agency said the ferries were late because of fog.\n")
OTHER = "Oskar Lind said the bridge was safe.\n"


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeModels:
    """Fake models in $STANZA_RESOURCES_DIR, an empty parse cache in $ATTRIB_CACHE_DIR, no cached parsers."""
    fake = FakeModels.create(tmp_path)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(fake.models_dir))
    monkeypatch.setenv("ATTRIB_CACHE_DIR", str(fake.cache_dir))
    monkeypatch.setattr(attrib, "_parsings", {})
    return fake


@pytest.fixture
def parsers(fake: FakeModels, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str]]:
    """Replace the stanza parser by fake_parse; each creation appends (models dir, device)."""
    created: list[tuple[Path, str]] = []

    class FakeParser:
        def __init__(self, models_dir, device="auto"):
            created.append((Path(models_dir), device))
            self.model = fake.model

        def parse_many(self, texts):
            return (fake_parse(t, fake.model) for t in texts)

    monkeypatch.setattr(nlp, "Parser", FakeParser)
    monkeypatch.setattr(nlp, "cuda_available", lambda: False)
    return created


def test_find_statements_returns_the_attributions_of_the_text(fake: FakeModels, parsers: list):
    found = attrib.find_statements(TEXT)
    assert found == find_attributions(fake_parse(TEXT, fake.model))
    assert all(isinstance(a, Attribution) for a in found)
    assert [(a.source_name, a.content_text(TEXT)) for a in found] == [
        ("Anna Berg", "the harbour would reopen on Friday"),
        ("The Port Agency", "the ferries were late because of fog")]


def test_the_parser_is_loaded_once_and_kept(fake: FakeModels, parsers: list):
    assert attrib.find_statements(TEXT) and attrib.find_statements(OTHER)
    assert parsers == [(fake.models_dir, "cpu")]  # $STANZA_RESOURCES_DIR; auto is cpu without a GPU
    other_models = FakeModels.create(fake.models_dir.parent / "other")
    attrib.find_statements("Kim Lee said it rained.\n", models_dir=other_models.models_dir, device="cpu")
    assert parsers == [(fake.models_dir, "cpu"), (other_models.models_dir, "cpu")]


def test_parses_are_cached_like_the_cli(fake: FakeModels, parsers: list):
    fake.prime([TEXT])
    assert attrib.find_statements(TEXT)
    assert parsers == []  # found in $ATTRIB_CACHE_DIR: no parser needed
    attrib.find_statements(OTHER)
    assert len(parsers) == 1 and len(list(fake.cache_dir.rglob("*.json.gz"))) == 2  # and stored there


def test_missing_models_and_missing_gpu_raise(fake: FakeModels, parsers: list, tmp_path: Path):
    with pytest.raises(nlp.ModelsNotFound, match=str(tmp_path / "nowhere")):
        attrib.find_statements(TEXT, models_dir=tmp_path / "nowhere")
    with pytest.raises(nlp.DeviceUnavailable):
        attrib.find_statements(TEXT, device="cuda")
    assert parsers == []


def test_open_db_applies_the_schema(tmp_path: Path):
    db = attrib.open_db(tmp_path / "news.db")
    try:
        assert {"articles", "statements", "speakers", "organisations", "parses"} <= set(db.table_names())
        assert "statements_view" in db.view_names()
    finally:
        db.conn.close()


def test_import_attrib_is_cheap():
    code = ("import sys, attrib; heavy = {'stanza', 'torch', 'sqlite_utils', 'click'} & "
            "{m.split('.')[0] for m in sys.modules}; print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.models
@pytest.mark.slow
def test_find_statements_with_the_real_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    models = require_stanza_models()
    monkeypatch.setenv("ATTRIB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(attrib, "_parsings", {})
    text = '"We will reopen the harbour on Friday," said Anna Berg, the port director.\n'
    found = attrib.find_statements(text, models_dir=models, device="cpu")
    assert [(a.type, a.source_name, a.content_text(text)) for a in found] == [
        ("direct", "Anna Berg", "We will reopen the harbour on Friday,")]
