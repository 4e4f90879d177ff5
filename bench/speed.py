"""Ingest throughput: articles/minute, peak memory and the stanza parse split by processor.

    python bench/speed.py                      # N = 10 and 100, --device cpu (+ cuda when torch sees a GPU),
                                               # then the 2-core tuning experiments on 24 articles
    python bench/speed.py --limit 3            # quick check: every N and the experiments capped at 3 articles
    python bench/speed.py --sizes 10 --tune-n 0

Every configuration runs in a fresh child process (models loaded once, then
`attrib ingest`'s own code, ``attrib.pipeline.ingest``, into a temporary
database with no parse cache), so each peak resident memory (``ru_maxrss``)
belongs to that configuration alone.  The articles are the 5 samples
(../shared/samples/articles.jsonl), then the PolNeAR dev texts
(../shared/eval/polnear_dev.jsonl); there are 89, so N = 100 parses the first 11
a second time (stanza keeps nothing between texts).  Printed:

  - throughput: articles/minute of the whole ingest (parse + rules + SQLite;
    model load excluded and shown apart), peak RSS, the load average before
    and after (other agents share the CPUs);
  - the parse split by processor (:attr:`attrib.nlp.Parser.timings`): ms per
    1,000 characters and share of the parse;
  - tuning experiments on 2 cores, each against the same baseline, as ratios;
  - what skipping depparse for sentences without a cue could save (measured,
    not done).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ATTRIB_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from attrib import lexicon  # noqa: E402
from attrib.nlp import PROCESSORS  # noqa: E402

#: Lemmas that can make a sentence hold a statement, for the depparse-skip estimate: every cue
#: list of the rules, on purpose wider than what a rule fires on (the estimate stays an upper bound
#: of what a real skip would keep).
CUE_WORDS = (lexicon.CUE_LEMMAS | lexicon.QUOTE_ONLY_CUES | lexicon.INTENTION_VERBS | lexicon.EVIDENCE_VERBS
             | lexicon.CLAIM_NOUNS | lexicon.SPEECH_NOUNS)
QUOTE_MARKS = frozenset('"“”„«»‘')

BASELINE = {"device": "cpu", "threads": 0, "batch_size": 8}  # threads 0: torch's default (one per core)
EXPERIMENTS = (
    ("torch threads", {"threads": 2}, {"threads": 1}),
    ("articles per stanza batch", {"batch_size": 8}, {"batch_size": 24}),
)


def texts(n: int) -> list[tuple[str, str]]:
    """``n`` (id, text) pairs: the samples, then the PolNeAR dev texts, repeated from the start past the end."""
    base = []
    for path in (SHARED / "samples" / "articles.jsonl", SHARED / "eval" / "polnear_dev.jsonl"):
        with path.open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                base.append((str(d.get("id") or d["doc_id"]), d["text"]))
    return [(f"{base[k % len(base)][0]}#{k // len(base)}", base[k % len(base)][1]) for k in range(n)]


def skip_estimate(parses: list[Any]) -> dict[str, int]:
    """Sentences (and their words) with no cue lemma and no quotation mark: depparse's candidates to skip."""
    out = {"sentences": 0, "words": 0, "no_cue_sentences": 0, "no_cue_words": 0}
    for p in parses:
        for s in p.sentences:
            toks = p.tokens[s.tok_start:s.tok_end]
            cue = any(t.lemma.lower() in CUE_WORDS or QUOTE_MARKS & set(t.text) for t in toks)
            out["sentences"] += 1
            out["words"] += len(toks)
            if not cue:
                out["no_cue_sentences"] += 1
                out["no_cue_words"] += len(toks)
    return out


def child(config: dict[str, Any]) -> dict[str, Any]:
    """One configuration, measured in this (fresh) process: what :func:`run_config` prints as JSON."""
    import torch

    from attrib.db import open_db
    from attrib.pipeline import Parsing, ingest
    from attrib.types import Article

    if config["threads"]:
        torch.set_num_threads(config["threads"])
    docs = texts(config["n"])
    parsing = Parsing(config["models"], use_cache=False, device=config["device"])
    t0 = time.perf_counter()
    parser = parsing._get_parser()
    load = time.perf_counter() - t0
    loaded_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu0 = _cpu_seconds()
    parses: list[Any] = []
    parse_s = [0.0]
    inner = parsing._parse_each

    def timed_parse_each(batch: list[str]) -> list[Any]:
        t = time.perf_counter()
        out = inner(batch)
        parse_s[0] += time.perf_counter() - t
        parses.extend(out)
        return out

    parsing._parse_each = timed_parse_each  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(str(Path(tmp) / "speed.db"))
        t0 = time.perf_counter()
        report = ingest(db, [Article(i, t) for i, t in docs], parsing, batch_size=config["batch_size"])
        total = time.perf_counter() - t0
    cpu = _cpu_seconds() - cpu0
    gpu_mib = torch.cuda.max_memory_allocated() / 2**20 if config["device"] == "cuda" else None
    return {**config, "articles": report.new, "chars": sum(len(t) for _, t in docs), "statements": report.statements,
            "load_s": load, "ingest_s": total, "cpu_s": cpu, "parse_s": parse_s[0], "processors": parser.timings,
            "loaded_mib": loaded_kib / 1024, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "gpu_peak_mib": gpu_mib, "torch_threads": torch.get_num_threads(), **skip_estimate(parses)}


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process so far (all its threads)."""
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def run_config(models: str, n: int, **overrides: Any) -> dict[str, Any]:
    """Measure one configuration (:data:`BASELINE` with ``overrides``) in a child process."""
    config = {**BASELINE, **overrides, "n": n, "models": models}
    before = os.getloadavg()[0]
    proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(config)], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"bench/speed.py: the run {config} failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["load_before"], result["load_after"] = before, os.getloadavg()[0]
    return result


def per_minute(r: dict[str, Any]) -> float:
    """Articles per minute of the whole ingest (model load excluded)."""
    return r["articles"] / r["ingest_s"] * 60


def print_throughput(runs: list[dict[str, Any]]) -> None:
    """The throughput table: one row per (device, N)."""
    print(f"\n{'device':8}{'N':>5}{'chars':>10}{'stmts':>7}{'load s':>8}{'ingest s':>10}{'CPU s':>8}{'art/min':>9}"
          f"{'parse %':>9}{'peak RSS MiB':>14}{'load avg before/after':>23}")
    for r in runs:
        print(f"{r['device']:8}{r['n']:5}{r['chars']:10,}{r['statements']:7}{r['load_s']:8.1f}{r['ingest_s']:10.1f}{r['cpu_s']:8.1f}"
              f"{per_minute(r):9.1f}{r['parse_s'] / r['ingest_s'] * 100:8.1f}%{r['peak_mib']:14,.0f}"
              f"{r['load_before']:>15.2f} / {r['load_after']:.2f}")


def print_processors(runs: list[dict[str, Any]]) -> None:
    """The parse split by processor, one column pair (ms/1k chars, share) per run."""
    head = "".join(f"{r['device'] + ' N=' + str(r['n']) + ': ms/1k ch  share':>28}" for r in runs)
    print(f"\n{'processor':24}{head}")
    names = [*PROCESSORS.split(","), "other (split, convert)"]
    for name in names:
        cells = ""
        for r in runs:
            secs = r["processors"].get(name, r["parse_s"] - sum(r["processors"].values()))
            cells += f"{secs / r['chars'] * 1e6:19.1f}{secs / r['parse_s'] * 100:8.1f}%"
        print(f"{name:24}{cells}")
    print(f"{'parse (all)':24}" + "".join(f"{r['parse_s'] / r['chars'] * 1e6:19.1f}{100:8.1f}%" for r in runs))


def print_experiments(models: str, n: int, rounds: int) -> None:
    """Each tuning experiment: its baseline and its variant alternated ``rounds`` times (A B A B ...),
    the fastest run of each setting kept (the others were slowed by other processes), and their ratio."""
    print(f"\ntuning on {os.cpu_count()} cores, {n} articles per run, baseline and variant alternated {rounds}x, "
          "fastest run of each shown (all ingest seconds in brackets):")
    print(f"{'experiment':28}{'setting':>14}{'art/min':>9}{'CPU s':>8}{'peak RSS MiB':>14}  ingest s of each run")
    for label, base, variant in EXPERIMENTS:
        tries: dict[str, list[dict[str, Any]]] = {"a": [], "b": []}
        for _ in range(rounds):
            tries["a"].append(run_config(models, n, **base))
            tries["b"].append(run_config(models, n, **variant))
        best = {k: min(v, key=lambda r: r["ingest_s"]) for k, v in tries.items()}
        for name, key, setting in ((label, "a", base), ("", "b", variant)):
            r = best[key]
            each = ", ".join(f"{t['ingest_s']:.1f} (load {t['load_before']:.1f})" for t in tries[key])
            print(f"{name:28}{_setting(setting):>14}{per_minute(r):9.1f}{r['cpu_s']:8.1f}{r['peak_mib']:14,.0f}"
                  f"  {each}")
        a, b = best["a"], best["b"]
        print(f"{'':28}{'ratio':>14}{per_minute(b) / per_minute(a):9.3f}{b['cpu_s'] / a['cpu_s']:8.3f}"
              f"{b['peak_mib'] / a['peak_mib']:14.3f}  (variant / baseline)")


def _setting(setting: dict[str, Any]) -> str:
    return " ".join(f"{k}={v}" for k, v in setting.items())


def print_skip(r: dict[str, Any]) -> None:
    """The share of depparse a skip of cue-less sentences could save (not done)."""
    dep = r["processors"].get("depparse", 0.0) / r["parse_s"]
    words = r["no_cue_words"] / r["words"]
    print(f"\ndepparse skip, NOT DONE (outputs not proven identical; speaker resolution reads the parse of "
          f"sentences around a statement): {r['no_cue_sentences']:,} of {r['sentences']:,} sentences "
          f"({r['no_cue_sentences'] / r['sentences'] * 100:.1f} %), {words * 100:.1f} % of the words, have no cue "
          f"lemma and no quotation mark; depparse is {dep * 100:.1f} % of the parse, so skipping them could save "
          f"at most ~{dep * words * 100:.0f} % of the parse (depparse time taken as proportional to words).")


def devices(asked: list[str]) -> list[str]:
    """The devices of ``asked`` that can run here; prints why cuda is skipped when it is."""
    import torch

    out = [d for d in asked if d != "cuda"]
    if "cuda" in asked:
        if torch.cuda.is_available():
            out.append("cuda")
        else:
            why = "a CPU-only torch build" if torch.version.cuda is None else "no GPU or driver visible"
            print(f"cuda column skipped: torch {torch.__version__} sees no CUDA GPU "
                  f"(torch.cuda.is_available() is False: {why}).")
    return out


def main(argv: list[str] | None = None) -> None:
    """Run every configuration and print the tables."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default=os.environ.get("STANZA_RESOURCES_DIR") or str(SHARED / "models" / "stanza"))
    ap.add_argument("--sizes", default="10,100", help="numbers of articles, comma-separated (default 10,100)")
    ap.add_argument("--devices", default="cpu,cuda", help="cuda is skipped (with the reason) without a GPU")
    ap.add_argument("--tune-n", type=int, default=24, help="articles per tuning run (0: no tuning experiments)")
    ap.add_argument("--rounds", type=int, default=2, help="times each tuning setting runs, alternated (default 2)")
    ap.add_argument("--limit", type=int, default=0, help="cap every N and --tune-n at this (quick checks)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    tune_n = args.tune_n
    if args.limit:
        sizes, tune_n = sorted({min(n, args.limit) for n in sizes}), min(tune_n, args.limit)
    print(f"attrib speed: {os.cpu_count()} CPUs, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, "
          f"no parse cache, batch size {BASELINE['batch_size']}, torch threads = default")
    runs = [run_config(args.models, n, device=d) for d in devices(args.devices.split(",")) for n in sizes]
    print_throughput(runs)
    print_processors(runs)
    print_skip(max(runs, key=lambda r: r["n"]))
    if tune_n:
        print_experiments(args.models, tune_n, args.rounds)
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
