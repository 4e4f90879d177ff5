"""Speed and memory benchmark: where the time of one run goes.

    python bench/speed.py                         # the 5 samples + 40 PolNeAR dev articles
    python bench/speed.py --limit 84 --batch-size 16

Measures, on this machine, with the stanza models in --models:
  - model load time;
  - stanza parse time per article and per 1,000 characters (no cache);
  - attribution time (rules + resolution) per article, from the parses;
  - ingest into SQLite per article (parse already done);
  - parse cache read per article (what `attrib reextract` / a re-run pays);
  - peak resident memory of the process.
Prints a table and the ratios that matter: attribution vs parse, cache vs parse.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ATTRIB_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from attrib.attribute import find_attributions  # noqa: E402
from attrib.cache import ParseCache  # noqa: E402
from attrib.db import open_db, save_article  # noqa: E402
from attrib.nlp import Parser  # noqa: E402
from attrib.types import Article  # noqa: E402


def texts(limit: int) -> list[tuple[str, str]]:
    out = []
    for path in (SHARED / "samples" / "articles.jsonl", SHARED / "eval" / "polnear_dev.jsonl"):
        with path.open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                out.append((d.get("id") or d["doc_id"], d["text"]))
    return out[: 5 + limit]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default=os.environ.get("STANZA_RESOURCES_DIR") or str(SHARED / "models" / "stanza"))
    ap.add_argument("--limit", type=int, default=40, help="PolNeAR dev articles besides the 5 samples")
    ap.add_argument("--batch-size", type=int, default=8)
    args = ap.parse_args(argv)

    docs = texts(args.limit)
    chars = sum(len(t) for _, t in docs)
    t0 = time.perf_counter()
    parser = Parser(args.models)
    load = time.perf_counter() - t0

    t0 = time.perf_counter()
    parses = list(parser.parse_many([t for _, t in docs], batch_size=args.batch_size))
    parse = time.perf_counter() - t0

    t0 = time.perf_counter()
    results = [find_attributions(p) for p in parses]
    attr = time.perf_counter() - t0
    n_statements = sum(len(r) for r in results)

    with tempfile.TemporaryDirectory() as tmp:
        cache = ParseCache(tmp)
        for p in parses:
            cache.put(p)
        t0 = time.perf_counter()
        for _, t in docs:
            assert cache.get(parser.model, t) is not None
        cached = time.perf_counter() - t0

        db = open_db(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        for (doc_id, text), p, r in zip(docs, parses, results, strict=True):
            save_article(db, Article(doc_id, text), r, p)
        store = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    n = len(docs)
    print(f"attrib speed: {n} articles, {chars:,} characters, {n_statements} statements, "
          f"batch size {args.batch_size}, {os.cpu_count()} CPUs, torch threads {_threads()}")
    print(f"{'step':34}{'total s':>10}{'ms/article':>12}{'ms/1k chars':>13}")
    for label, secs in (("load stanza models (once)", load), ("stanza parse", parse),
                        ("attribution (rules + speakers)", attr), ("store in SQLite (1 txn/article)", store),
                        ("read parse cache", cached)):
        per_article = "" if label.startswith("load") else f"{secs / n * 1000:12.1f}"
        per_chars = "" if label.startswith("load") else f"{secs / chars * 1e6:13.2f}"
        print(f"{label:34}{secs:10.2f}{per_article:>12}{per_chars:>13}")
    print(f"throughput, parse + attribution + store: {n / (parse + attr + store) * 60:.0f} articles/minute")
    print(f"ratios: attribution / parse = {attr / parse:.3f}; re-run from cache (read + attribution + store) "
          f"/ first run = {(cached + attr + store) / (parse + attr + store):.3f}")
    print(f"peak resident memory: {peak_mb:,.0f} MiB")


def _threads() -> int:
    try:
        import torch

        return torch.get_num_threads()
    except Exception:  # noqa: BLE001
        return 0


if __name__ == "__main__":
    main()
