"""Crashes, interruptions and concurrent access, against a real ``attrib ingest`` process.

The ingest runs as a subprocess on generated articles whose parses are
already in a fake parse cache (``helpers.FakeModels``), so it never loads
stanza and stores a few dozen articles a second: fast enough to test, slow
enough to be killed in the middle.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
import urllib.parse
from pathlib import Path

import pytest
from helpers import (
    FakeModels,
    cli_ingest,
    connect_ro,
    content_dump,
    generated_article,
    integrity_problems,
    offset_problems,
    start_attrib,
    stored_ids,
    write_jsonl,
)

from attrib.db import open_db

N_ARTICLES = 150


@pytest.fixture(scope="module")
def workload(tmp_path_factory: pytest.TempPathFactory) -> tuple[FakeModels, Path, Path]:
    """(fake models, an input file of N_ARTICLES articles, a database from one clean run of it)."""
    root = tmp_path_factory.mktemp("crash")
    fake = FakeModels.create(root)
    src = write_jsonl(root / "feed.jsonl", (generated_article(k, 3) for k in range(N_ARTICLES)))
    fake.prime_inputs([src])
    clean = root / "clean.db"
    result = cli_ingest(clean, [src], fake)
    assert result.exit_code == 0, result.stderr
    assert stored_ids(clean) == [f"gen-{k:04d}" for k in range(N_ARTICLES)]
    return fake, src, clean


def count_articles(db: Path) -> int:
    try:
        conn = connect_ro(db)
    except sqlite3.OperationalError:
        return 0  # not created yet
    try:
        return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # schema not there yet
    finally:
        conn.close()


def ingest_args(db: Path, src: Path, fake: FakeModels) -> list[str | Path]:
    return ["ingest", db, src, "--models", fake.models_dir, "-q", "--batch-size", "4"]


def wait_for(db: Path, proc: subprocess.Popen[bytes], at_least: int, timeout: float = 60) -> int:
    """Poll until ``db`` holds ``at_least`` articles or ``proc`` ends; the count."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        n = count_articles(db)
        if n >= at_least or proc.poll() is not None:
            return n
        time.sleep(0.01)
    raise AssertionError(f"no progress: {count_articles(db)} articles after {timeout} s")


@pytest.mark.slow
def test_kill_9_mid_run_then_resume(tmp_path: Path, workload: tuple[FakeModels, Path, Path]):
    """SIGKILL at arbitrary moments leaves a sound database with whole articles only; the next
    run stores exactly what is missing and ends with the same content as a clean run."""
    fake, src, clean = workload
    db = tmp_path / "killed.db"
    rng = random.Random(1234)
    seen = 0
    kills = 0
    for target in (10, 50, 90):
        proc = start_attrib(ingest_args(db, src, fake), env=fake.env())
        n = wait_for(db, proc, seen + (target - seen) // 2 + 1)
        time.sleep(rng.uniform(0, 0.08))  # land anywhere: inside a transaction, between two, ...
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=30)
        if proc.returncode != -signal.SIGKILL:
            assert proc.returncode == 0  # it finished first
        assert integrity_problems(db) == []
        assert offset_problems(db) == []
        ids = stored_ids(db)
        assert len(ids) >= n >= seen  # nothing committed is lost
        assert set(ids) <= {f"gen-{k:04d}" for k in range(N_ARTICLES)}
        # whole articles only: each one with its parse and all its statements (their claims group
        # only the articles stored so far: compared after the resume)
        ref = content_dump(clean, drop=("claim_id",))
        got = content_dump(db, drop=("claim_id",))
        for table in ("articles", "statements", "parses"):
            assert set(got[table]) <= set(ref[table]), table
        seen = len(ids)
    assert kills >= 2, "the ingest finished before it could be killed; make the workload bigger"
    assert 0 < seen < N_ARTICLES

    resume = start_attrib(ingest_args(db, src, fake), env=fake.env())
    _, err = resume.communicate(timeout=120)
    assert resume.returncode == 0, err.decode()
    assert f"{N_ARTICLES - seen} new, 0 updated, {seen} unchanged, 0 skipped" in err.decode()
    assert integrity_problems(db) == []
    assert content_dump(db) == content_dump(clean)


@pytest.mark.slow
def test_ctrl_c_stops_cleanly(tmp_path: Path, workload: tuple[FakeModels, Path, Path]):
    fake, src, clean = workload
    db = tmp_path / "interrupted.db"
    proc = start_attrib(ingest_args(db, src, fake), env=fake.env())
    wait_for(db, proc, 20)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    stored = len(stored_ids(db))
    assert proc.returncode == 130, err.decode()
    # the count can be one short when the signal lands between a commit and the count's update
    assert any(f"interrupted; articles: {n} new" in err.decode() for n in (stored, stored - 1)), err.decode()
    assert "run the same command again to continue" in err.decode()
    assert integrity_problems(db) == []
    assert cli_ingest(db, [src], fake).exit_code == 0
    assert content_dump(db) == content_dump(clean)


def snapshot_problems(conn: sqlite3.Connection) -> tuple[int, list[str]]:
    """Read everything in one transaction; (articles, problems)."""
    conn.execute("begin")
    try:
        articles = dict(conn.execute("select id, n_statements from articles").fetchall())
        counts: dict[str, int] = {}
        for (aid,) in conn.execute("select article_id from statements"):
            counts[aid] = counts.get(aid, 0) + 1
        parses = {r[0] for r in conn.execute("select article_id from parses")}
    finally:
        conn.execute("commit")
    problems = [f"orphan statements of {a}" for a in counts if a not in articles]
    problems += [f"{a}: n_statements {n} but {counts.get(a, 0)} statements"
                 for a, n in articles.items() if counts.get(a, 0) != n]
    problems += [f"{a}: no parse" for a in articles if a not in parses]
    return len(articles), problems


CONSISTENCY_SQL = """
select
  (select count(*) from articles) as articles,
  (select count(*) from statements) as statements,
  (select count(*) from statements s where not exists (select 1 from articles a where a.id = s.article_id))
    as orphans,
  (select count(*) from articles a
     where a.n_statements != (select count(*) from statements s where s.article_id = a.id)) as miscounted
"""


@pytest.mark.slow
async def test_readers_see_consistent_data_during_ingest(tmp_path: Path, workload: tuple[FakeModels, Path, Path]):
    """Datasette (and a plain read-only SQLite connection) reading while `attrib ingest` writes
    always see whole articles: no statement without its article, no article with a wrong count."""
    from datasette.app import Datasette

    fake, src, clean = workload
    db = tmp_path / "live.db"
    open_db(str(db)).conn.close()  # Datasette needs the file to exist
    ds = Datasette([str(db)], settings={"max_returned_rows": 100_000, "sql_time_limit_ms": 5000})
    await ds.invoke_startup()
    name = db.stem
    conn = connect_ro(db)
    proc = start_attrib(ingest_args(db, src, fake), env=fake.env())
    partial_views = 0
    rounds = 0
    try:
        while True:
            done = proc.poll() is not None
            # one SQL statement = one snapshot
            r = await ds.client.get(f"/{name}.json?_shape=array&sql={urllib.parse.quote(CONSISTENCY_SQL)}")
            assert r.status_code == 200, r.text
            [row] = r.json()
            assert row["orphans"] == 0 and row["miscounted"] == 0, row
            # two table pages: statements first, then articles; articles only ever grow,
            # so every statement's article must be in the later page
            r1 = await ds.client.get(f"/{name}/statements.json?_shape=array&_col=article_id&_size=max")
            r2 = await ds.client.get(f"/{name}/articles.json?_shape=array&_col=n_statements&_size=max")
            assert r1.status_code == 200 and r2.status_code == 200, (r1.text, r2.text)
            article_ids = {a["id"] for a in r2.json()}
            assert {s["article_id"] for s in r1.json()} <= article_ids
            # a plain reader in one transaction sees exact counts
            n, problems = snapshot_problems(conn)
            assert problems == []
            if 0 < row["articles"] < N_ARTICLES:
                partial_views += 1
            rounds += 1
            if done:
                break
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)
        conn.close()
    assert proc.returncode == 0
    assert partial_views >= 3, f"only {partial_views} of {rounds} reads saw the ingest in progress"
    assert content_dump(db) == content_dump(clean)


@pytest.mark.slow
def test_two_ingests_into_one_database(tmp_path: Path, workload: tuple[FakeModels, Path, Path]):
    """Two writers at once take turns (BEGIN IMMEDIATE + busy_timeout) instead of failing with
    "database is locked"; together they store everything."""
    fake, src, clean = workload
    lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("".join(lines[: N_ARTICLES // 2]), encoding="utf-8")
    b.write_text("".join(lines[N_ARTICLES // 3 :]), encoding="utf-8")  # overlapping on purpose
    db = tmp_path / "shared.db"
    open_db(str(db)).conn.close()
    procs = [start_attrib(ingest_args(db, part, fake), env=fake.env()) for part in (a, b)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
        assert "locked" not in err.decode()
    assert integrity_problems(db) == []
    assert content_dump(db, drop=["input"]) == content_dump(clean, drop=["input"])  # input: a.jsonl:N


def test_kill_leaves_wal_that_the_next_open_recovers(tmp_path: Path, workload: tuple[FakeModels, Path, Path]):
    """After a kill the -wal file may hold committed articles; any reader (here a read-only
    one, as Datasette opens it) sees them, and the next writer checkpoints them."""
    fake, src, _ = workload
    db = tmp_path / "wal.db"
    proc = start_attrib(ingest_args(db, src, fake), env=fake.env())
    wait_for(db, proc, 5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    n = count_articles(db)
    assert n >= 5 and integrity_problems(db) == []
    open_db(str(db)).conn.close()
    assert count_articles(db) == n
