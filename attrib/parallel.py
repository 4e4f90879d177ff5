"""``attrib ingest --workers N``: N parser processes, one writer.

Each worker is a process of its own (multiprocessing's ``spawn`` context: nothing
of the parent's state, torch's threads included, is shared) that loads the
stanza models once (:class:`~attrib.pipeline.Parsing`, created on the first
parse that the cache cannot answer), runs torch on one thread, and turns a batch
of texts into parses and attributions.  The parent reads the input, skips the
articles already stored with the same text, hands batches to the workers, and
stores the results **in input order**, one transaction per article, as
:func:`attrib.pipeline.ingest` does; so the database ends up exactly as after a
serial run (the same statement ids, the same speaker ids).
"""

from __future__ import annotations

import collections
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable
from typing import Any

import sqlite_utils

from . import nlp
from .inputs import Skipped
from .types import Article, Attribution, ParsedArticle

log = logging.getLogger(__name__)

#: The worker's :class:`~attrib.pipeline.Parsing` (one per process).
_PARSING: Any = None


def _init_worker(models_dir: str | None, use_cache: bool, device: str) -> None:
    """Runs once in each worker: one torch thread, and the parser's settings."""
    global _PARSING
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:  # pragma: no cover - torch is a dependency
        pass
    from .pipeline import Parsing

    _PARSING = Parsing(models_dir, use_cache=use_cache, device=device)


Result = tuple[ParsedArticle, list[Attribution]] | str


def _work(texts: list[str]) -> list[Result]:
    """Parses and attributions of ``texts`` in order (in a worker process)."""
    return work_with(_PARSING, texts)


def work_with(parsing: Any, texts: list[str]) -> list[Result]:
    """Parses and attributions of ``texts`` in order; a text that fails gives the reason instead."""
    from .attribute import find_attributions

    try:
        parses: list[ParsedArticle | str] = list(parsing.parse_many(texts))
    except Exception:  # noqa: BLE001 - one bad batch: parse one by one
        parses = []
        for t in texts:
            try:
                parses.extend(parsing.parse_many([t]))
            except Exception as e:  # noqa: BLE001
                parses.append(f"parser failed: {e!r}")
    out: list[Result] = []
    for p in parses:
        if isinstance(p, str):
            out.append(p)
            continue
        try:
            out.append((p, find_attributions(p)))
        except Exception as e:  # noqa: BLE001
            out.append(f"internal error: {e!r}")
    return out


def ingest_parallel(
    db: sqlite_utils.Database,
    records: Iterable[Article | Skipped],
    *,
    workers: int,
    models_dir: str | None,
    use_cache: bool = True,
    device: str = "auto",
    batch_size: int = nlp.BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    report: Any = None,
) -> Any:
    """:func:`attrib.pipeline.ingest` with ``workers`` parser processes; same result as a serial run."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(models_dir, use_cache, device)) as pool:
        return ingest_ordered(db, records, lambda texts: pool.apply_async(_work, (texts,)), window=2 * workers,
                              batch_size=batch_size, progress=progress, report=report)


def ingest_ordered(
    db: sqlite_utils.Database,
    records: Iterable[Article | Skipped],
    submit: Callable[[list[str]], Any],
    *,
    window: int,
    batch_size: int = nlp.BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    report: Any = None,
) -> Any:
    """Store every article of ``records``, parsed elsewhere: ``submit(texts)`` starts the work on a
    batch and returns a handle whose ``get()`` gives :func:`work_with`'s results.  At most
    ``window`` batches are in flight; results are stored in input order, one transaction per
    article (the single writer), so the database is the one a serial run makes."""
    from . import pipeline

    report = report if report is not None else pipeline.Report()
    in_flight: collections.deque[tuple[int, list[Article], Any]] = collections.deque()

    def drain_one() -> None:
        n_records, todo, pending = in_flight.popleft()
        for article, res in zip(todo, pending.get(), strict=True):
            if isinstance(res, str):
                report.skipped.append(Skipped(article.source or article.id, res))
            else:
                pipeline.store_attributed(db, article, res[0], res[1], report)
        if progress:
            progress(n_records)

    from . import db as dbmod

    try:
        for batch in pipeline._batches(records, batch_size):
            todo = pipeline._needs_storing(db, batch, report)
            in_flight.append((len(batch), todo, submit([a.text for a in todo]) if todo else _Done()))
            while len(in_flight) > window:  # keep every worker busy, memory bounded
                drain_one()
        while in_flight:
            drain_one()
        if report.new or report.updated:
            dbmod.optimize(db)
    finally:  # as a serial ingest: on Ctrl-C, SIGTERM and fatal errors too, the .db file holds every commit
        dbmod.checkpoint(db)
    return report


class _Done:
    """The result of an empty batch."""

    def get(self) -> list[Result]:
        return []
