"""``attrib ingest`` and ``attrib reextract``: idempotency, corrected articles, atomic writes,
exit codes, interrupted runs, and re-extraction from the stored parses.

Parses come from :mod:`fakeparse` through a primed parse cache (see
``helpers.FakeModels``), so stanza is never loaded, except in the one test
marked ``models`` that runs the real pipeline on a sample article.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakeparse import fake_parse
from helpers import (
    FakeModels,
    cli_ingest,
    connect_ro,
    content_dump,
    generated_article,
    integrity_problems,
    offset_problems,
    require_stanza_models,
    run_attrib,
    sample_article,
    skipped_lines,
    sql_dump,
    stored_ids,
    write_jsonl,
)

import attrib.db as dbmod
from attrib.attribute import find_attributions
from attrib.cache import ParseCache, text_sha256
from attrib.cli import cli
from attrib.db import open_db, save_article, statement_id
from attrib.types import Article


@pytest.fixture
def fake(tmp_path: Path) -> FakeModels:
    return FakeModels.create(tmp_path)


def corpus(tmp_path: Path, n: int = 6) -> Path:
    """A directory with ``n`` generated articles in a JSONL file and two text files."""
    d = tmp_path / "in"
    d.mkdir()
    write_jsonl(d / "feed.jsonl", (generated_article(k, 2) for k in range(n)))
    (d / "story-a.txt").write_text(generated_article(100, 2)["text"], encoding="utf-8")
    (d / "story-b.txt").write_text(generated_article(101, 2)["text"], encoding="utf-8")
    return d


def statement_ids(db: Path, article_id: str | None = None) -> list[str]:
    conn = connect_ro(db)
    try:
        if article_id is None:
            return [r[0] for r in conn.execute("select id from statements order by id")]
        return [r[0] for r in conn.execute("select id from statements where article_id = ? order by id",
                                           [article_id])]
    finally:
        conn.close()


def expected_ids(article_id: str, text: str) -> list[str]:
    """Statement ids that attribution on the fake parse of ``text`` gives."""
    return sorted({statement_id(article_id, a) for a in find_attributions(fake_parse(text))})


# ------------------------------------------------------------------ idempotency


def test_second_run_changes_no_row(tmp_path: Path, fake: FakeModels):
    inputs = corpus(tmp_path)
    fake.prime_inputs([inputs])
    db = tmp_path / "news.db"
    first = cli_ingest(db, [inputs], fake)
    assert first.exit_code == 0, first.stderr
    assert "articles: 8 new, 0 updated, 0 unchanged, 0 skipped" in first.stderr
    ids = statement_ids(db)
    assert len(ids) > 8 * 5
    dump = sql_dump(db)
    time.sleep(1.1)  # timestamps have one-second resolution: a rewrite would show
    second = cli_ingest(db, [inputs], fake)
    assert second.exit_code == 0, second.stderr
    assert "articles: 0 new, 0 updated, 8 unchanged, 0 skipped; statements stored: 0" in second.stderr
    assert sql_dump(db) == dump  # every row, every timestamp, every statement id
    assert statement_ids(db) == ids
    assert integrity_problems(db) == [] and offset_problems(db) == []


def test_rerun_needs_no_models(tmp_path: Path, fake: FakeModels):
    """Articles already stored are recognised by their text hash before anything is parsed."""
    inputs = corpus(tmp_path, 3)
    fake.prime_inputs([inputs])
    db = tmp_path / "news.db"
    assert cli_ingest(db, [inputs], fake).exit_code == 0
    again = cli_ingest(db, [inputs], None, models=tmp_path / "no-models-here")
    assert again.exit_code == 0, again.stderr
    assert "5 unchanged" in again.stderr


def test_same_text_other_metadata_is_unchanged(tmp_path: Path, fake: FakeModels):
    rec = generated_article(1, 2)
    src = write_jsonl(tmp_path / "a.jsonl", [rec])
    fake.prime_inputs([src])
    db = tmp_path / "news.db"
    assert cli_ingest(db, [src], fake).exit_code == 0
    dump = sql_dump(db)
    write_jsonl(src, [{**rec, "title": "A new headline"}])
    result = cli_ingest(db, [src], fake)
    assert result.exit_code == 0 and "1 unchanged" in result.stderr
    assert sql_dump(db) == dump


def test_duplicate_record_in_one_input_is_stored_once(tmp_path: Path, fake: FakeModels):
    rec = generated_article(2, 2)
    src = write_jsonl(tmp_path / "a.jsonl", [rec, rec, {**rec, "text": rec["text"] + " More."}])
    fake.prime_inputs([src])
    db = tmp_path / "news.db"
    result = cli_ingest(db, [src], fake)
    assert result.exit_code == 3
    assert skipped_lines(result.stderr) == [
        f"skipped {src}:3: duplicate id 'gen-0002' with other text (first at {src}:1)"]
    assert stored_ids(db) == ["gen-0002"]


# ------------------------------------------------------------------ corrected articles


def test_corrected_article_replaces_statements_and_keeps_history(tmp_path: Path, fake: FakeModels,
                                                                 monkeypatch: pytest.MonkeyPatch):
    stamps = (f"2024-06-0{k}T12:00:00+00:00" for k in itertools.count(1))
    monkeypatch.setattr(dbmod, "now", lambda: next(stamps))
    v1 = generated_article(7, 3)
    v2 = {**v1, "text": v1["text"].replace("a serious mistake", "an unfortunate mistake").replace(
        "He told reporters", "Later, he told journalists")}
    other = generated_article(8, 2)
    src = tmp_path / "feed.jsonl"
    for r in (v1, v2, other):
        fake.prime([r["text"]])
    db = tmp_path / "news.db"

    write_jsonl(src, [v1, other])
    assert cli_ingest(db, [src], fake).exit_code == 0  # stamp 1 (v1), 2 (other) ... in order
    ids_v1 = statement_ids(db, "gen-0007")
    assert ids_v1 == expected_ids("gen-0007", v1["text"])
    other_rows = [r for r in sql_dump(db) if "gen-0008" in r]
    conn = connect_ro(db)
    (t1,) = conn.execute("select updated_at from articles where id = 'gen-0007'").fetchone()

    write_jsonl(src, [v2, other])
    result = cli_ingest(db, [src], fake)
    assert result.exit_code == 0, result.stderr
    assert "articles: 0 new, 1 updated, 1 unchanged" in result.stderr
    row = conn.execute("select text, text_sha256, ingested_at, updated_at, n_statements from articles "
                       "where id = 'gen-0007'").fetchone()
    assert row[0] == v2["text"] and row[1] == text_sha256(v2["text"])
    assert row[2] == t1  # first seen
    t2 = row[3]
    assert t2 > t1
    versions = conn.execute("select article_id, text_sha256, ingested_at, replaced_at, n_statements "
                            "from article_versions order by id").fetchall()
    assert versions == [("gen-0007", text_sha256(v1["text"]), t1, t2, len(ids_v1))]
    ids_v2 = statement_ids(db, "gen-0007")
    assert ids_v2 == expected_ids("gen-0007", v2["text"]) and ids_v2 != ids_v1
    assert row[4] == len(ids_v2)
    assert conn.execute("select text_sha256 from parses where article_id = 'gen-0007'").fetchone() == (row[1],)
    assert [r for r in sql_dump(db) if "gen-0008" in r] == other_rows  # the other article is untouched
    assert integrity_problems(db) == [] and offset_problems(db) == []

    # corrected back: the statements get their first ids again, and the history records v2 with *its* time
    write_jsonl(src, [v1, other])
    assert cli_ingest(db, [src], fake).exit_code == 0
    t3 = conn.execute("select updated_at from articles where id = 'gen-0007'").fetchone()[0]
    versions = conn.execute("select text_sha256, ingested_at, replaced_at, n_statements "
                            "from article_versions order by id").fetchall()
    assert versions[1] == (text_sha256(v2["text"]), t2, t3, len(ids_v2))
    assert statement_ids(db, "gen-0007") == ids_v1
    assert integrity_problems(db) == [] and offset_problems(db) == []
    conn.close()


# ------------------------------------------------------------------ one transaction per article


def _article_rows(db) -> dict[str, list]:
    return {t: db.execute(f"select * from {t} order by 1").fetchall()
            for t in ("articles", "statements", "parses", "article_versions", "speakers", "organisations")}


@pytest.mark.parametrize("failing", ["save_parse", "insert_statements"])
def test_save_article_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str):
    db = open_db(str(tmp_path / "t.db"))
    v1 = Article("a1", generated_article(3, 2)["text"])
    p1 = fake_parse(v1.text)
    save_article(db, v1, find_attributions(p1), p1)
    before = _article_rows(db)

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    if failing == "save_parse":
        monkeypatch.setattr(dbmod, "save_parse", boom)
    else:
        real = dbmod.statement_rows
        monkeypatch.setattr(dbmod, "statement_rows",
                            lambda *a, **k: [*real(*a, **k), {"id": None, "article_id": "nope"}])
    v2 = Article("a1", v1.text.replace("mistake", "blunder"))
    new = Article("b2", generated_article(4, 2)["text"])
    for art in (v2, new):  # an update and an insert, each failing half way
        p = fake_parse(art.text)
        with pytest.raises((RuntimeError, sqlite3.IntegrityError)):
            save_article(db, art, find_attributions(p), p)
        assert _article_rows(db) == before
    assert not db.conn.in_transaction
    db.conn.close()
    assert integrity_problems(tmp_path / "t.db") == []


def test_save_article_inside_an_open_transaction_is_a_savepoint(tmp_path: Path):
    db = open_db(str(tmp_path / "t.db"))
    art = Article("a1", generated_article(3, 1)["text"])
    with pytest.raises(ZeroDivisionError), db.atomic():
        save_article(db, art, find_attributions(fake_parse(art.text)))
        assert db["articles"].count == 1
        1 / 0  # noqa: B018
    assert db["articles"].count == 0
    db.conn.close()


def test_open_db_waits_for_another_writer(tmp_path: Path):
    """``open_db`` and ``save_article`` wait (busy_timeout) for a writer in another connection
    instead of failing with "database is locked"."""
    path = tmp_path / "t.db"
    open_db(str(path)).conn.close()
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("begin immediate")
    other.execute("insert into organisations (name) values ('Holding the lock')")
    threading.Timer(1.0, lambda: other.execute("commit")).start()
    t0 = time.monotonic()
    db = open_db(str(path))
    art = Article("a1", generated_article(5, 1)["text"])
    assert save_article(db, art, find_attributions(fake_parse(art.text))).status == "new"
    assert time.monotonic() - t0 >= 0.9
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    db.conn.close()
    other.close()


# ------------------------------------------------------------------ exit codes and messages


def test_exit_codes(tmp_path: Path, fake: FakeModels):
    good = corpus(tmp_path, 2)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(generated_article(50, 1)) + "\n{broken\n" + json.dumps({"id": 3}) + "\n",
                   encoding="utf-8")
    fake.prime_inputs([good, bad])
    db = tmp_path / "news.db"

    ok = cli_ingest(db, [good], fake)
    assert ok.exit_code == 0 and skipped_lines(ok.stderr) == []

    some = cli_ingest(db, [bad, tmp_path / "missing.txt"], fake)
    assert some.exit_code == 3
    assert skipped_lines(some.stderr) == [
        f"skipped {bad}:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"skipped {bad}:3: missing 'text' (a string)",
        f"skipped {tmp_path / 'missing.txt'}: no such file or directory",
    ]
    assert "articles: 1 new, 0 updated, 0 unchanged, 3 skipped" in some.stderr
    assert "gen-0050" in stored_ids(db)

    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(db)]).exit_code == 2  # no inputs
    assert runner.invoke(cli, ["ingest", str(db), str(good), "--max-chars", "0"]).exit_code == 2
    assert runner.invoke(cli, ["ingest", str(db), str(good), "--frobnicate"]).exit_code == 2

    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("just some notes\n" * 100, encoding="utf-8")
    fatal = cli_ingest(not_a_db, [good], fake)
    assert fatal.exit_code == 1 and "cannot open database" in fatal.stderr
    assert not_a_db.read_text(encoding="utf-8") == "just some notes\n" * 100
    assert runner.invoke(cli, ["reextract", str(not_a_db)]).exit_code == 1


def test_missing_models_is_fatal_and_stores_nothing(tmp_path: Path):
    src = write_jsonl(tmp_path / "a.jsonl", [generated_article(1, 1)])
    db = tmp_path / "news.db"
    result = cli_ingest(db, [src], None, models=tmp_path / "nowhere")
    assert result.exit_code == 1
    assert "No stanza English models found" in result.stderr
    assert stored_ids(db) == []


def test_max_chars_option(tmp_path: Path, fake: FakeModels):
    short = generated_article(1, 1)
    long = generated_article(2, 6)
    src = write_jsonl(tmp_path / "a.jsonl", [short, long])
    fake.prime_inputs([src])
    db = tmp_path / "news.db"
    limit = len(short["text"]) + 10
    result = cli_ingest(db, [src], fake, "--max-chars", str(limit))
    assert result.exit_code == 3
    assert skipped_lines(result.stderr) == [
        f"skipped {src}:2: article too long ({len(long['text']):,} characters > --max-chars {limit:,})"]
    assert stored_ids(db) == ["gen-0001"]


def test_database_locked_is_reported_per_article(tmp_path: Path, fake: FakeModels, monkeypatch: pytest.MonkeyPatch):
    src = write_jsonl(tmp_path / "a.jsonl", [generated_article(k, 1) for k in range(3)])
    fake.prime_inputs([src])
    real = dbmod.save_article

    def locked_for_second(db, article, *a, **k):
        if article.id == "gen-0001":
            raise sqlite3.OperationalError("database is locked")
        return real(db, article, *a, **k)

    monkeypatch.setattr(dbmod, "save_article", locked_for_second)
    db = tmp_path / "news.db"
    result = cli_ingest(db, [src], fake)
    assert result.exit_code == 3
    assert skipped_lines(result.stderr) == [
        f"skipped {src}:2: database is locked by another process; run the command again to store it"]
    monkeypatch.setattr(dbmod, "save_article", real)
    assert cli_ingest(db, [src], fake).exit_code == 0
    assert stored_ids(db) == ["gen-0000", "gen-0001", "gen-0002"]


def test_interrupt_keeps_what_was_stored(tmp_path: Path, fake: FakeModels, monkeypatch: pytest.MonkeyPatch):
    """Ctrl-C: the article being written is rolled back, the ones before it stay, exit code 130,
    and the next run stores the rest."""
    src = write_jsonl(tmp_path / "a.jsonl", [generated_article(k, 1) for k in range(6)])
    fake.prime_inputs([src])
    import attrib.pipeline as pipeline

    real = pipeline.find_attributions
    calls = itertools.count()

    def interrupt_third(parse):
        if next(calls) == 2:
            raise KeyboardInterrupt
        return real(parse)

    monkeypatch.setattr(pipeline, "find_attributions", interrupt_third)
    db = tmp_path / "news.db"
    result = cli_ingest(db, [src], fake, "--batch-size", "2")
    assert result.exit_code == 130
    assert "interrupted; articles: 2 new" in result.stderr
    assert "run the same command again" in result.stderr
    assert stored_ids(db) == ["gen-0000", "gen-0001"]
    assert integrity_problems(db) == []
    monkeypatch.setattr(pipeline, "find_attributions", real)
    again = cli_ingest(db, [src], fake)
    assert again.exit_code == 0 and "4 new, 0 updated, 2 unchanged" in again.stderr


def test_damaged_cache_entry_is_parsed_again(tmp_path: Path):
    cache = ParseCache(tmp_path)
    text = generated_article(1, 1)["text"]
    cache.put(fake_parse(text, "m"))
    path = next((tmp_path / "parses" / "m").glob("*.json.gz"))
    data = path.read_bytes()
    for damaged in (data[: len(data) // 2], data[:12] + bytes(len(data) - 12), b"", b"not gzip at all"):
        path.write_bytes(damaged)
        assert cache.get("m", text) is None
    cache.put(fake_parse(text, "m"))
    assert cache.get("m", text) == fake_parse(text, "m")


# ------------------------------------------------------------------ re-extraction


@pytest.fixture
def no_stanza(tmp_path: Path) -> dict[str, str]:
    """Environment for a subprocess in which ``import stanza`` fails."""
    blocker = tmp_path / "block-stanza"
    (blocker / "stanza").mkdir(parents=True)
    (blocker / "stanza" / "__init__.py").write_text("raise ImportError('stanza must not be needed here')\n")
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(blocker), os.environ.get("PYTHONPATH")]))}


def test_reextract_needs_no_stanza_and_keeps_ids(tmp_path: Path, fake: FakeModels, no_stanza: dict[str, str]):
    inputs = corpus(tmp_path, 4)
    fake.prime_inputs([inputs])
    db = tmp_path / "news.db"
    assert cli_ingest(db, [inputs], fake).exit_code == 0
    before = content_dump(db)
    shutil.rmtree(fake.cache_dir)
    shutil.rmtree(fake.models_dir)

    result = run_attrib(["reextract", db, "-q"], env=no_stanza)
    assert result.returncode == 0, result.stderr
    assert f"re-extracted 6 articles; statements stored: {len(before['statements'])}" in result.stderr
    assert content_dump(db) == before

    # statements lost (or rules changed): re-extraction rebuilds them with the same ids
    conn = sqlite3.connect(db)
    conn.execute("delete from statements where article_id = 'gen-0001'")
    conn.execute("update articles set n_statements = 0 where id = 'gen-0001'")
    conn.commit()
    assert run_attrib(["reextract", db, "-q"], env=no_stanza).returncode == 0
    assert content_dump(db) == before

    # an article without a usable parse is reported, the others are still done
    conn.execute("delete from parses where article_id = 'gen-0002'")
    conn.execute("update parses set data = x'00ff00' where article_id = 'gen-0003'")
    conn.commit()
    conn.close()
    result = run_attrib(["reextract", db, "-q"], env=no_stanza)
    assert result.returncode == 3
    assert skipped_lines(result.stderr) == [
        f"skipped {aid}: no stored parse of the current format; run `attrib ingest` on it again"
        for aid in ("gen-0002", "gen-0003")]
    assert "re-extracted 4 articles" in result.stderr
    assert integrity_problems(db) == []


# ------------------------------------------------------------------ the real models


@pytest.mark.models
@pytest.mark.slow
def test_real_models_ingest_and_reextract(tmp_path: Path, no_stanza: dict[str, str]):
    models = require_stanza_models()
    article = sample_article()
    db = tmp_path / "news.db"
    env = {**os.environ, "ATTRIB_CACHE_DIR": str(tmp_path / "cache")}
    result = run_attrib(["ingest", db, article, "--models", models, "-q"], env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "articles: 1 new" in result.stderr
    conn = connect_ro(db)
    n, n_art = conn.execute("select count(*), (select n_statements from articles) from statements").fetchone()
    assert n >= 5 and n == n_art
    text = conn.execute("select text from articles").fetchone()[0]
    assert text == article.read_text(encoding="utf-8")
    speakers = {r[0] for r in conn.execute("select speaker_text from statements where speaker_text is not null")}
    assert speakers and all(s in text for s in speakers)
    conn.close()
    assert offset_problems(db) == [] and integrity_problems(db) == []
    before = content_dump(db)
    again = run_attrib(["reextract", db, "-q"], env=no_stanza)
    assert again.returncode == 0, again.stderr
    after = content_dump(db)
    assert [r[0] for r in after["statements"]] == [r[0] for r in before["statements"]]  # same statement ids
    assert after == before
