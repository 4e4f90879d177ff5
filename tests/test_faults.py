"""The faults a careless or hostile user will hit (issue 10): nothing lost, nothing mangled.

Each test names the item of the issue it covers.  They run the real command
(in-process with click's runner, or as a subprocess where a signal is sent)
on fake models with a primed parse cache (``helpers.FakeModels``), except
:func:`test_long_sentence_is_parsed_in_pieces`, which needs the stanza models.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import socket
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import (
    REPO_ROOT,
    FakeModels,
    cli_ingest,
    generated_article,
    require_stanza_models,
    skipped_lines,
    start_attrib,
    stored_ids,
    write_jsonl,
)

from attrib import db as dbmod
from attrib import inputs, nlp, pipeline
from attrib.cli import cli
from attrib.inputs import Reader
from attrib.nlp import Parser
from attrib.pipeline import Parsing, extract_records
from attrib.types import Article

STORY_A = ("The harbour master said on Monday that the new pier would open in spring, "
           "and that the ferries would run every hour. “We are ready,” she told reporters.")
STORY_B = ("Farmers in the valley said the late frost had damaged most of the apple blossom. "
           "The cooperative said it would ask the regional council for help with the losses.")


@pytest.fixture
def fake(tmp_path: Path) -> FakeModels:
    return FakeModels.create(tmp_path)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _invoke(args: list[str], fake: FakeModels | None = None, **kw) -> object:
    env = fake.env() if fake is not None else {}
    return CliRunner().invoke(cli, args, env=env, **kw)


# ------------------------------------------------------------------ 1. a sentence that never ends


def _tokens(words: list[str], start: int = 0) -> list[dict]:
    out, pos = [], start
    for k, w in enumerate(words, 1):
        out.append({"id": k, "text": w, "start_char": pos, "end_char": pos + len(w)})
        pos += len(w) + 1
    return out


def test_split_long_sentences_keeps_offsets_and_bounds_length():
    words = [("word" if k % 7 else "clause,")[: 4 + (k % 3)] for k in range(1, 251)]
    text = " ".join(words)
    sentence = _tokens(words)
    # one multi-word token ("can't" = ca + n't) that must stay in one piece
    sentence[99:100] = [{"id": (100, 101), "text": "can't", "start_char": sentence[99]["start_char"],
                         "end_char": sentence[99]["end_char"]}]
    pieces = nlp.split_long_sentences([sentence], 40)
    assert len(pieces) >= 7
    flat = [t for p in pieces for t in p]
    assert [t["start_char"] for t in flat] == [t["start_char"] for t in sentence]  # nothing lost or moved
    for p in pieces:
        assert len([t for t in p if not (isinstance(t["id"], int) and any(
            isinstance(u["id"], tuple) and t["id"] in u["id"] for u in p))]) <= 40
        assert p[0]["id"] in (1, (1, 2))  # ids start again in every piece
    short = _tokens(["A", "short", "one", "."])
    assert nlp.split_long_sentences([short], 40) == [short]
    assert all(text[t["start_char"]:t["end_char"]] == t["text"] for t in flat if isinstance(t["id"], int))


class _FlakyParser(Parser):
    """A :class:`Parser` without stanza whose batches fail when they hold a text with 'BAD'."""

    def __init__(self) -> None:  # no models, no stanza
        self.model = "flaky"
        self.calls: list[int] = []

    def _run(self, texts: list[str]):
        from fakeparse import fake_parse

        self.calls.append(len(texts))
        if any("BAD" in t for t in texts):
            raise RuntimeError("could not create a primitive")
        return [fake_parse(t, self.model) for t in texts]


def test_one_failing_article_costs_only_itself(fake: FakeModels):
    parsing = Parsing(fake.models_dir, use_cache=False)
    parsing._parser = _FlakyParser()
    parsing.parse_each = getattr(parsing, "parse_each", None) or parsing.parse_many
    arts = [Article("a", STORY_A, source="a.txt"), Article("bad", "BAD " + STORY_B, source="bad.txt"),
            Article("b", STORY_B, source="b.txt")]
    out = list(extract_records(arts, parsing, batch_size=8))
    skipped = [o for o in out if not isinstance(o, tuple)]
    assert [o[0].id for o in out if isinstance(o, tuple)] == ["a", "b"]
    assert len(skipped) == 1 and skipped[0].where == "bad.txt" and "could not create a primitive" in skipped[0].reason
    assert isinstance(parsing.parse_each([STORY_A, "BAD one"])[1], nlp.ParseFailed)


@pytest.mark.models
@pytest.mark.slow
def test_long_sentence_is_parsed_in_pieces():
    models = require_stanza_models()
    words = ("the council and the mayor of the old town discussed the new plan for the bridge "
             "while residents waited outside in the rain").split()
    text = " ".join(words[k % len(words)] for k in range(400))  # 400 words, no full stop
    parse = Parser(models, device="cpu", max_words=60).parse(text)
    assert len(parse.sentences) >= 7
    assert all(s.tok_end - s.tok_start <= 60 for s in parse.sentences)
    assert all(text[t.start:t.end] == t.text for t in parse.tokens)
    assert len(parse.tokens) == 400


# ------------------------------------------------------------------ 2. extract -o


def test_extract_refuses_an_output_that_is_an_input(tmp_path: Path, fake: FakeModels):
    src = _write(tmp_path / "in" / "story.txt", STORY_A)
    fake.prime([STORY_A])
    for out in (src, tmp_path / "in" / "new.jsonl"):
        result = _invoke(["extract", str(tmp_path / "in"), "-o", str(out)], fake)
        assert result.exit_code == 2, result.output
        assert "also an input" in result.stderr
    assert src.read_text(encoding="utf-8") == STORY_A
    missing = _invoke(["extract", str(src), "-o", str(tmp_path / "missing" / "dir" / "x")], fake)
    assert missing.exit_code == 2 and "does not exist" in missing.stderr and missing.exception is not None
    assert "Traceback" not in missing.output


def test_interrupted_extract_leaves_no_half_file_and_exits_130(tmp_path: Path, fake: FakeModels, monkeypatch):
    src = _write(tmp_path / "story.txt", STORY_A)
    fake.prime([STORY_A])
    out = tmp_path / "out" / "pred.jsonl"
    out.parent.mkdir()
    ok = _invoke(["extract", str(src), "-o", str(out)], fake)
    assert ok.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["doc_id"] == "story"
    out.unlink()

    def interrupted(records, parsing, batch_size=8):
        yield from list(extract_records(records, parsing))[:1]
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "extract_records", interrupted)
    result = _invoke(["extract", str(src), "-o", str(out)], fake)
    assert result.exit_code == 130, result.output
    assert list(out.parent.iterdir()) == []  # neither the output nor a temporary file


# ------------------------------------------------------------------ 3. file ids


def test_same_file_name_in_another_folder_is_a_conflict_not_a_correction(tmp_path: Path, fake: FakeModels):
    a = _write(tmp_path / "site-a" / "story.txt", STORY_A)
    b = _write(tmp_path / "site-b" / "story.txt", STORY_B)
    fake.prime([STORY_A, STORY_B, STORY_A + " She added nothing."])
    db = tmp_path / "news.db"
    assert cli_ingest(db, [a.parent], fake).exit_code == 0
    second = cli_ingest(db, [b.parent], fake)
    assert second.exit_code == 3
    (line,) = skipped_lines(second.stderr)
    assert str(a.resolve()) in line and str(b.resolve()) in line and "0 updated" in second.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("select text, source_path from articles").fetchall() == [(STORY_A, str(a.resolve()))]
    conn.close()
    a.write_text(STORY_A + " She added nothing.", encoding="utf-8")  # the same source, corrected
    third = cli_ingest(db, [a.parent], fake)
    assert third.exit_code == 0 and "1 updated" in third.stderr


# ------------------------------------------------------------------ 4 and 7. WAL, SIGTERM


def test_sigterm_rolls_back_checkpoints_and_exits_143(tmp_path: Path, fake: FakeModels):
    src = write_jsonl(tmp_path / "feed.jsonl", (generated_article(k, 3) for k in range(150)))
    fake.prime_inputs([src])
    db = tmp_path / "news.db"
    proc = start_attrib(["ingest", db, src, "--models", fake.models_dir, "-q", "--batch-size", "4"], env=fake.env())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            n = conn.execute("select count(*) from articles").fetchone()[0]
            conn.close()
        except sqlite3.OperationalError:
            n = 0
        if n >= 10:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err.decode()
    assert "interrupted; articles:" in err.decode() and "Traceback" not in err.decode()
    wal = Path(f"{db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # everything is in the .db file itself
    conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
    assert conn.execute("select count(*) from articles").fetchone()[0] >= 10
    conn.close()


def _leave_wal(db: Path) -> None:
    """Commit a change that stays in the -wal file, as after a crash."""
    code = ("import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('pragma wal_autocheckpoint=0'); c.execute(\"update articles set title = 'after the crash'\"); "
            "os._exit(0)")
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", code, str(db)], check=True)
    assert Path(f"{db}-wal").stat().st_size > 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_folds_a_leftover_wal_in_before_serving_immutably(tmp_path: Path, fake: FakeModels, monkeypatch):
    src = _write(tmp_path / "story.txt", STORY_A)
    fake.prime([STORY_A])
    db = tmp_path / "news.db"
    assert cli_ingest(db, [src], fake).exit_code == 0
    gc.collect()  # no connection of the run above is left open to checkpoint behind the test's back
    _leave_wal(db)
    calls = []
    monkeypatch.setattr("attrib.datasette.serve.serve", lambda *a, **kw: calls.append(kw))
    result = _invoke(["serve", str(db), "-p", str(_free_port())], fake)
    assert result.exit_code == 0, result.output
    assert calls[0]["immutable"] is True
    conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True)  # what an immutable Datasette reads
    assert conn.execute("select title from articles").fetchone() == ("after the crash",)
    conn.close()


# ------------------------------------------------------------------ 5. someone else's database


@pytest.mark.parametrize("tables", [["create table notes (id integer primary key, body text)"],
                                    ["create table articles (id integer primary key, headline text)"]])
def test_someone_elses_database_is_refused_and_left_unchanged(tmp_path: Path, fake: FakeModels, tables):
    src = _write(tmp_path / "story.txt", STORY_A)
    fake.prime([STORY_A])
    db = tmp_path / "theirs.db"
    conn = sqlite3.connect(db)
    for sql in tables:
        conn.execute(sql)
    conn.execute(f"insert into {tables[0].split()[2]} values (1, 'theirs')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    for args in (["ingest", str(db), str(src), "--models", str(fake.models_dir), "-q"], ["reextract", str(db)]):
        result = _invoke(args, fake)
        assert result.exit_code == 1, result.output
        assert "another application's SQLite database" in result.stderr
        assert tables[0].split()[2] in result.stderr
        assert db.read_bytes() == before
        assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()


# ------------------------------------------------------------------ 6. fatal conditions


def test_a_database_that_cannot_be_written_stops_at_the_first_failure(tmp_path: Path, fake: FakeModels, monkeypatch):
    src = write_jsonl(tmp_path / "feed.jsonl", (generated_article(k, 1) for k in range(6)))
    fake.prime_inputs([src])
    db = tmp_path / "news.db"
    calls = []

    def full(*args, **kwargs):
        calls.append(1)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(dbmod, "save_article", full)
    result = cli_ingest(db, [src], fake)
    assert result.exit_code == 1
    assert result.stderr.count("disk is full") == 1 and "internal error" not in result.stderr
    assert "Traceback" not in result.stderr and calls == [1]


def test_read_only_database_and_full_disk_are_found_before_work(tmp_path: Path, fake: FakeModels, monkeypatch):
    db = tmp_path / "news.db"
    dbmod.open_db(str(db)).conn.close()
    ro = dbmod.sqlite_utils.Database(sqlite3.connect(f"file:{db}?mode=ro", uri=True))
    with pytest.raises(dbmod.FatalDatabaseError, match="read-only"):
        dbmod.check_writable(ro, str(db))
    ro.conn.close()
    src = _write(tmp_path / "story.txt", STORY_A)
    fake.prime([STORY_A])
    monkeypatch.setattr(dbmod.shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(10**9, 10**9 - 4096, 4096))
    result = cli_ingest(db, [src], fake)
    assert result.exit_code == 1 and "free" in result.stderr
    assert stored_ids(db) == []


def test_models_dir_without_usable_models_is_one_fatal_error(tmp_path: Path):
    models = tmp_path / "models"
    (models / "en").mkdir(parents=True)
    (models / "resources.json").write_text("{}", encoding="utf-8")
    src = write_jsonl(tmp_path / "feed.jsonl", (generated_article(k, 1) for k in range(3)))
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["ingest", str(db), str(src), "--models", str(models), "-q"],
                                env={"ATTRIB_CACHE_DIR": str(tmp_path / "cache")})
    assert result.exit_code == 1, result.output
    assert result.stderr.count("stanza could not load the English models") == 1
    assert "parser failed" not in result.stderr and "Traceback" not in result.stderr


# ------------------------------------------------------------------ 7. the smaller ones


def test_empty_input_path_is_a_usage_error(tmp_path: Path, fake: FakeModels, monkeypatch):
    monkeypatch.chdir(tmp_path)  # "" is not the current folder either
    ingest = _invoke(["ingest", str(tmp_path / "news.db"), ""], fake)
    assert ingest.exit_code == 2 and "input path is empty" in ingest.stderr
    assert _invoke(["extract", ""], fake).exit_code == 2


def test_non_utf8_file_name_is_stored_with_escapes(tmp_path: Path, fake: FakeModels):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w", encoding="utf-8") as f:
        f.write(STORY_A)
    fake.prime([STORY_A])
    result = cli_ingest(tmp_path / "news.db", [folder], fake)
    assert result.exit_code == 0, result.stderr
    assert stored_ids(tmp_path / "news.db") == ["caf\\xe9"]


def test_unlistable_subdirectory_is_reported(tmp_path: Path, monkeypatch):
    _write(tmp_path / "in" / "story.txt", STORY_A)
    (tmp_path / "in" / "locked").mkdir()
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = list(Reader().read([tmp_path / "in"]))
    assert [o.id for o in out if isinstance(o, Article)] == ["story"]
    (skip,) = [o for o in out if not isinstance(o, Article)]
    assert skip.where.endswith("locked") and "cannot list directory: Permission denied" in skip.reason


def test_null_id_falls_back_to_doc_id(tmp_path: Path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": None, "doc_id": "doc-7", "text": STORY_A}])
    (art,) = Reader().read([src])
    assert art.id == "doc-7"


def test_serve_without_tracebacks(tmp_path: Path, fake: FakeModels, monkeypatch):
    monkeypatch.setattr("attrib.datasette.serve.serve", lambda *a, **kw: None)
    notes = _write(tmp_path / "notes.db", "not a database at all\n" * 50)
    bad = _invoke(["serve", str(notes)])
    assert bad.exit_code == 1 and "not an SQLite database" in bad.stderr and bad.exc_info[0] is SystemExit
    db = tmp_path / "news.db"
    dbmod.open_db(str(db)).conn.close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        taken = _invoke(["serve", str(db), "-p", str(port)])
    assert taken.exit_code == 1 and "-p PORT" in taken.stderr
    from attrib.datasette.serve import metadata_for

    cache_file = _write(tmp_path / "cache-is-a-file", "x")
    monkeypatch.setenv("ATTRIB_CACHE_DIR", str(cache_file))
    assert metadata_for(db).is_file()  # no NotADirectoryError


def test_standard_input_and_named_pipes_are_read(tmp_path: Path, fake: FakeModels):
    fake.prime([STORY_A, STORY_B])
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["ingest", str(db), "-", "--models", str(fake.models_dir), "-q"],
                                env={"ATTRIB_CACHE_DIR": str(fake.cache_dir)}, input=STORY_A)
    assert result.exit_code == 0, result.output
    assert len(stored_ids(db)) == 1 and stored_ids(db)[0].startswith("sha256-")
    pipe = tmp_path / "wire.txt"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_text(STORY_B, encoding="utf-8"), daemon=True)
    writer.start()
    result = cli_ingest(db, [pipe], fake)
    if writer.is_alive():  # nobody read the pipe: open it once so the writer ends
        os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))
    writer.join(timeout=10)
    assert result.exit_code == 0, result.stderr
    assert "wire" in stored_ids(db)


# ------------------------------------------------------------------ 8. HTML needs lxml_html_clean


def test_missing_html_library_is_fatal_not_a_bad_record(tmp_path: Path, fake: FakeModels, monkeypatch):
    import trafilatura

    page = _write(tmp_path / "page.html", f"<html><body><article><p>{STORY_A}</p></article></body></html>")

    def no_clean(*a, **kw):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean", name="lxml.html.clean")

    monkeypatch.setattr(trafilatura, "extract", no_clean)
    with pytest.raises(inputs.MissingLibrary, match="pip install lxml_html_clean"):
        list(Reader().read([page]))
    result = cli_ingest(tmp_path / "news.db", [page], fake)
    assert result.exit_code == 1 and "lxml_html_clean" in result.stderr and skipped_lines(result.stderr) == []
    pyproject = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    deps = pyproject.split("dependencies = [", 1)[1].split("]", 1)[0]
    assert '"lxml_html_clean' in deps.replace("-", "_")
