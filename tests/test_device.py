"""``--device auto|cuda|cpu``: how it is resolved, passed to stanza, and refused without a GPU.

No test needs a GPU: whether torch sees one is monkeypatched (``attrib.nlp.cuda_available``),
and stanza is replaced by a stand-in module that records the ``Pipeline`` arguments.
"""

from __future__ import annotations

import sqlite3
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakeparse import fake_parse
from helpers import FakeModels

import attrib.nlp as nlp
from attrib.cli import cli
from attrib.pipeline import Parsing

TEXT = "Anna Berg said the harbour would reopen on Friday.\n"


@pytest.fixture
def fake(tmp_path: Path) -> FakeModels:
    return FakeModels.create(tmp_path)


def gpu(monkeypatch: pytest.MonkeyPatch, present: bool) -> None:
    monkeypatch.setattr(nlp, "cuda_available", lambda: present)


@pytest.fixture
def stanza_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """A stand-in ``stanza`` module; every ``Pipeline(...)`` call's keyword arguments are appended."""
    calls: list[dict] = []

    def pipeline(lang, **kwargs):
        calls.append(kwargs)
        return lambda docs: docs

    monkeypatch.setitem(sys.modules, "stanza", types.SimpleNamespace(Pipeline=pipeline, Document=None))
    return calls


@pytest.mark.parametrize(("asked", "present", "expected"), [
    ("auto", True, "cuda"), ("auto", False, "cpu"), ("cuda", True, "cuda"), ("cpu", True, "cpu"),
    ("cpu", False, "cpu")])
def test_resolve_device(monkeypatch: pytest.MonkeyPatch, asked: str, present: bool, expected: str):
    gpu(monkeypatch, present)
    assert nlp.resolve_device(asked) == expected


def test_cuda_without_gpu_and_unknown_devices_are_refused(monkeypatch: pytest.MonkeyPatch):
    gpu(monkeypatch, False)
    with pytest.raises(nlp.DeviceUnavailable, match="no CUDA GPU"):
        nlp.resolve_device("cuda")
    with pytest.raises(ValueError, match="device must be one of"):
        nlp.resolve_device("tpu")


def test_cpu_does_not_ask_torch(monkeypatch: pytest.MonkeyPatch):
    def no_torch():
        raise AssertionError("torch was asked")

    monkeypatch.setattr(nlp, "cuda_available", no_torch)
    assert nlp.resolve_device("cpu") == "cpu"


@pytest.mark.parametrize(("asked", "present", "use_gpu", "device"), [
    ("cpu", True, False, "cpu"), ("auto", False, False, "cpu"), ("auto", True, True, "cuda"),
    ("cuda", True, True, "cuda")])
def test_parser_passes_the_device_to_stanza(fake: FakeModels, monkeypatch: pytest.MonkeyPatch,
                                            stanza_calls: list[dict], asked: str, present: bool, use_gpu: bool,
                                            device: str):
    gpu(monkeypatch, present)
    parser = nlp.Parser(fake.models_dir, device=asked)
    assert parser.device == device
    assert [(c["use_gpu"], c["device"]) for c in stanza_calls] == [(use_gpu, device)]


def test_parser_refuses_cuda_before_loading_stanza(fake: FakeModels, monkeypatch: pytest.MonkeyPatch,
                                                   stanza_calls: list[dict]):
    gpu(monkeypatch, False)
    with pytest.raises(nlp.DeviceUnavailable):
        nlp.Parser(fake.models_dir, device="cuda")
    assert stanza_calls == []


def test_the_parse_cache_does_not_depend_on_the_device(fake: FakeModels, monkeypatch: pytest.MonkeyPatch,
                                                       stanza_calls: list[dict]):
    fake.prime([TEXT])  # one parse, stored without knowing any device
    monkeypatch.setenv("ATTRIB_CACHE_DIR", str(fake.cache_dir))
    gpu(monkeypatch, True)
    on_gpu = Parsing(fake.models_dir, device="cuda")
    on_cpu = Parsing(fake.models_dir, device="cpu")
    assert (on_gpu.device, on_cpu.device) == ("cuda", "cpu")
    assert on_gpu.model == on_cpu.model == fake.model
    for parsing in (on_gpu, on_cpu):
        assert parsing.parse_many([TEXT]) == [fake_parse(TEXT, fake.model)]
        assert (parsing.cached, parsing.parsed) == (1, 0)
    assert stanza_calls == []


def test_ingest_and_extract_take_the_device_option(fake: FakeModels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    seen: list[str] = []

    class RecordingParser:
        def __init__(self, models_dir, device="auto"):
            seen.append(device)
            self.model = fake.model

        def parse_many(self, texts):
            return (fake_parse(t, fake.model) for t in texts)

    monkeypatch.setattr(nlp, "Parser", RecordingParser)
    gpu(monkeypatch, False)
    runner = CliRunner()
    env = {"ATTRIB_CACHE_DIR": str(fake.cache_dir)}
    args = ["--models", str(fake.models_dir), "--no-cache"]
    result = runner.invoke(cli, ["ingest", str(tmp_path / "t.db"), str(src), *args, "-q", "--device", "cpu"],
                           env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["extract", str(src), *args], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert '"Anna Berg"' in result.stdout
    assert seen == ["cpu", "cpu"]  # auto (the default) is cpu without a GPU
    result = runner.invoke(cli, ["ingest", str(tmp_path / "t.db"), str(src), *args, "--device", "tpu"], env=env)
    assert result.exit_code == 2 and "'tpu' is not one of 'auto', 'cuda', 'cpu'" in result.output


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_cuda_without_gpu_is_fatal(fake: FakeModels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   stanza_calls: list[dict], command: str):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    gpu(monkeypatch, False)
    db = tmp_path / "t.db"
    args = [str(db)] if command == "ingest" else []
    result = CliRunner().invoke(cli, [command, *args, str(src), "--models", str(fake.models_dir), "--device", "cuda"],
                                env={"ATTRIB_CACHE_DIR": str(fake.cache_dir)}, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.startswith("Error: --device cuda: torch sees no CUDA GPU")
    assert "Traceback" not in result.output and stanza_calls == []
    if command == "ingest":
        assert not db.exists() or sqlite3.connect(db).execute("select count(*) from articles").fetchone() == (0,)
