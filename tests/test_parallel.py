"""``attrib ingest --workers N``: parser processes (spawn), one writer; the same database as a serial run.

The fake parser's cache (``helpers.FakeModels``) answers every parse, so the workers never load
stanza; nothing here is timed (speed is measured by ``bench/``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers import FakeModels, cli_ingest, generated_article, write_jsonl


def _rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    write_jsonl(d / "feed.jsonl", (generated_article(k, 3) for k in range(23)))
    (d / "story.txt").write_text(generated_article(200, 2)["text"], encoding="utf-8")
    return d


def test_workers_store_exactly_what_a_serial_run_stores(tmp_path: Path, inputs: Path):
    fake = FakeModels.create(tmp_path)
    fake.prime_inputs([inputs])
    serial, parallel = tmp_path / "serial.db", tmp_path / "parallel.db"
    assert cli_ingest(serial, [inputs], fake).exit_code == 0
    result = cli_ingest(parallel, [inputs], fake, "--workers", "2", "--batch-size", "3")
    assert result.exit_code == 0, result.stderr
    assert "articles: 24 new, 0 updated, 0 unchanged, 0 skipped" in result.stderr
    for sql in ("select id, article_id, seq, kind, content, speaker_id, organisation_id, rule from statements",
                "select id, name, kind from speakers", "select id, name from organisations",
                "select id, text_sha256, n_statements from articles"):
        want = sorted(_rows(serial, sql + " order by 1"))
        assert want and sorted(_rows(parallel, sql + " order by 1")) == want, sql
    again = cli_ingest(parallel, [inputs], fake, "--workers", "2")
    assert again.exit_code == 0 and "0 new, 0 updated, 24 unchanged" in again.stderr


def test_workers_without_models_fail_before_starting(tmp_path: Path, inputs: Path):
    result = cli_ingest(tmp_path / "x.db", [inputs], None, "--workers", "2", models=tmp_path / "none")
    assert result.exit_code == 1


def test_dask_local_cluster_stores_exactly_what_a_serial_run_stores(tmp_path: Path, inputs: Path):
    pytest.importorskip("distributed")
    fake = FakeModels.create(tmp_path)
    fake.prime_inputs([inputs])
    serial, spread = tmp_path / "serial.db", tmp_path / "dask.db"
    assert cli_ingest(serial, [inputs], fake).exit_code == 0
    result = cli_ingest(spread, [inputs], fake, "--dask", "local:2", "--batch-size", "4")
    assert result.exit_code == 0, result.stderr
    assert "articles: 24 new, 0 updated, 0 unchanged, 0 skipped" in result.stderr
    for sql in ("select id, article_id, seq, kind, content, speaker_id, organisation_id, rule from statements",
                "select id, name, kind from speakers"):
        want = sorted(_rows(serial, sql + " order by 1"))
        assert want and sorted(_rows(spread, sql + " order by 1")) == want, sql


def test_dask_batches_are_retried_when_they_fail(tmp_path: Path):
    """A batch that raises is run again (``retries``); storing stays idempotent."""
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    from attrib import daskrun

    marker = tmp_path / "tries"  # the task is a copy on the worker: count the tries in a file

    def flaky(texts):
        with marker.open("a") as f:
            f.write("x")
        if len(marker.read_text()) == 1:
            raise RuntimeError("worker lost")
        return texts

    with LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        assert client.submit(flaky, ["a"], pure=False, retries=2).result() == ["a"]
    assert marker.read_text() == "xx" and daskrun.ParsingPlugin.name == "attrib-parsing"
