"""How fast ``attrib reextract`` runs: articles per second, start-up excluded.

    python bench/reextract.py                  # 500 articles of about 20 statements
    python bench/reextract.py --articles 2000 --profile

Builds a database of synthetic articles with stored parses (the crude stand-in
parser of ``tests/fakeparse.py``: no stanza), then times
:func:`attrib.pipeline.reextract` over all of them, three times: first after every
stored statement was altered (as after a rule change that touches them all: every row and
its search entry are rewritten), then twice as it is (the rules find what is stored:
nothing is rewritten); with one process and with two worker processes that run the rules
while this one writes (``attrib reextract --workers 2``), side by side; the workers are
started before the timing.  Checks that every statement row,
its search entry, the speakers and organisations are the same after each run.  The
load average is printed beside each run: on a shared machine, trust the best one.  Target (issue 13):
200 articles/s or more.
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import os
import pstats
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fakeparse import fake_parse  # noqa: E402

from attrib import pipeline  # noqa: E402
from attrib.attribute import find_attributions  # noqa: E402
from attrib.db import open_db, save_article  # noqa: E402
from attrib.types import Article  # noqa: E402

NAMES = ["Kim Min-jun", "Jane Doe", "John Roe", "Lee Su-bin", "Park Ji-ho", "Maria Lopez", "Ahmed Khan"]
ORGS = ["Foreign Ministry", "Defence Ministry", "KCNA news agency", "Unification Ministry"]
WORDS = ("the plan would help the talks and the region was calm but the army had moved troops near the border "
         "while officials could not confirm the report on the new sanctions").split()


def article_text(rng: random.Random, n_sentences: int) -> str:
    out = []
    for _ in range(n_sentences):
        clause = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(6, 16)))
        who = rng.choice(NAMES + ORGS + ["He", "She"])
        form = rng.randrange(3)
        if form == 0:
            out.append(f"\u201c{clause.capitalize()},\u201d {who} said.")
        elif form == 1:
            out.append(f"{who} said {clause}.")
        else:
            out.append(f"{clause.capitalize()}, {who} told reporters.")
    return "Seoul news\n\n" + " ".join(out) + "\n"


def build(path: str, n: int, seed: int = 13) -> None:
    rng = random.Random(seed)
    db = open_db(path)
    for i in range(n):
        art = Article(f"r{i:06d}", article_text(rng, rng.randrange(15, 30)), outlet="Bench",
                      published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}")
        parse = fake_parse(art.text)
        save_article(db, art, find_attributions(parse), parse)
        pipeline.statements_saved(db, art.id)  # claims, as attrib ingest assigns them
    db.conn.close()


def snapshot(db) -> list[list[tuple]]:
    """Every statement row (all columns, with its rowid), its search index entry, the speakers,
    organisations and article counts: what a re-run must leave as it was."""
    return [db.execute(sql).fetchall() for sql in (
        "select rowid, * from statements order by id",
        "select rowid, * from statements_fts order by rowid",
        "select * from speakers order by id", "select * from organisations order by id",
        "select id, n_statements from articles order by id")]


def _warm(seconds: float) -> None:
    """In a worker: import the rules and wait, so that every worker of a pool has started."""
    import attrib.pipeline  # noqa: F401

    time.sleep(seconds)


def _started_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes with the rules imported: start-up is not timed."""
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    list(pool.map(_warm, [0.5] * workers))
    return pool


def _runs(path: str, workers: int, pool: ProcessPoolExecutor | None, profile: bool) -> None:
    """The three timed runs over the database at ``path``, with ``workers`` rule processes."""
    db = open_db(path)
    before = snapshot(db)
    n_statements = len(before[0])
    for run in (1, 2, 3):
        if run == 1:  # as after a rule change that alters every statement: each row is rewritten
            with db.conn:
                db.conn.execute("update statements set confidence = -1")
        prof = cProfile.Profile() if profile and run == 3 and workers == 1 else None
        t0, c0 = time.perf_counter(), time.process_time()
        if prof:
            prof.enable()
        done, total, missing = pipeline.reextract(db, workers=workers, pool=pool)
        if prof:
            prof.disable()
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        same = snapshot(db) == before
        what = "every statement changed" if run == 1 else "nothing changed"
        print(f"workers {workers}, run {run} ({what}): {done} articles, {total} statements in {dt:.2f} s "
              f"(CPU of this process {cpu:.2f} s): {done / dt:.0f} articles/s ({n_statements / dt:.0f} statements/s); "
              f"every row unchanged: {same}; without a parse: {len(missing)}; "
              f"load average {os.getloadavg()[0]:.1f}")
        if prof:
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    db.conn.close()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--db", help="keep the database here (default: a temporary file)")
    ap.add_argument("--profile", action="store_true", help="print where the time of the timed run goes")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                    help="time the three runs with each of these (attrib reextract --workers); default 1 and 2")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or str(Path(tmp) / "reextract.db")
        if not Path(path).exists():
            t0 = time.perf_counter()
            build(path, args.articles)
            print(f"built {args.articles} articles in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        for workers in args.workers:
            pool = _started_pool(workers) if workers > 1 else None
            try:
                _runs(path, workers, pool, args.profile)
            finally:
                if pool is not None:
                    pool.shutdown()


if __name__ == "__main__":
    main()
