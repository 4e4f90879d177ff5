"""``attrib ingest --dask SCHEDULER``: parse and attribute on a Dask cluster, store here.

``--dask local:N`` starts a ``LocalCluster`` of N single-threaded worker processes on this
machine; any other value is the address of a running scheduler (``tcp://host:8786``).
Every worker loads the parser once (:class:`ParsingPlugin`, a Dask worker plugin) and turns
batches of texts into parses and attributions (:func:`attrib.parallel.work_with`); the
results come back to this process, the single SQLite writer, which stores them in input
order, one transaction per article (:func:`attrib.parallel.ingest_ordered`).  A batch is a
pure function of its texts and storing is idempotent (an article stored with the same text
is left alone), so a batch whose worker dies is simply run again elsewhere: Dask reschedules
the tasks of a lost worker, and ``retries`` re-runs one that raised.  The workers need
attrib and the models (``--models``, the same path on every machine) installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import sqlite_utils

from . import nlp
from .inputs import Skipped
from .types import Article

try:
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - dask[distributed] is a dependency
    WorkerPlugin = object  # type: ignore[assignment,misc]


class ParsingPlugin(WorkerPlugin):
    """Makes the worker's :class:`~attrib.pipeline.Parsing` once, when the worker starts
    (stanza itself is loaded on the first parse the cache cannot answer), on one torch thread."""

    name = "attrib-parsing"

    def __init__(self, models_dir: str | None, use_cache: bool, device: str, cache_dir: str | None = None):
        self.models_dir, self.use_cache, self.device, self.cache_dir = models_dir, use_cache, device, cache_dir

    def setup(self, worker: Any) -> None:
        from .cache import ParseCache
        from .parallel import _init_worker
        from .pipeline import Parsing

        _init_worker(self.models_dir, self.use_cache, self.device)  # one thread
        cache = ParseCache(self.cache_dir) if self.cache_dir else None
        worker.attrib_parsing = Parsing(self.models_dir, cache=cache, use_cache=self.use_cache, device=self.device)


def dask_work(texts: list[str]) -> list[Any]:
    """The task: parses and attributions of ``texts`` with this worker's parser."""
    from distributed import get_worker

    from .parallel import work_with

    return work_with(get_worker().attrib_parsing, texts)


class _Future:
    def __init__(self, future: Any):
        self.future = future

    def get(self) -> list[Any]:
        return self.future.result()


def client_for(scheduler: str) -> tuple[Any, Any, int]:
    """(client, cluster or None, number of workers) for ``local:N`` or a scheduler address."""
    from distributed import Client, LocalCluster

    if scheduler.startswith("local:"):
        n = int(scheduler.split(":", 1)[1])
        if n < 1:
            raise ValueError("local:N needs N >= 1")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster, n
    client = Client(scheduler)
    return client, None, max(1, len(client.scheduler_info().get("workers", {})))


def ingest_dask(
    db: sqlite_utils.Database,
    records: Iterable[Article | Skipped],
    *,
    scheduler: str,
    models_dir: str | None,
    use_cache: bool = True,
    device: str = "auto",
    batch_size: int = nlp.BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    report: Any = None,
    retries: int = 2,
) -> Any:
    """:func:`attrib.pipeline.ingest` with the parsing on a Dask cluster; same result as a serial run."""
    from .cache import default_cache_dir
    from .parallel import ingest_ordered

    client, cluster, n = client_for(scheduler)
    try:
        local_cache = str(default_cache_dir()) if cluster is not None else None  # a remote worker has its own
        client.register_plugin(ParsingPlugin(models_dir, use_cache, device, local_cache))
        return ingest_ordered(
            db, records, lambda texts: _Future(client.submit(dask_work, texts, pure=False, retries=retries)),
            window=2 * n, batch_size=batch_size, progress=progress, report=report)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
