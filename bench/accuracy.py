"""Accuracy benchmark: run attrib on the sample articles and on PolNeAR dev,
score with the reference scorer (../shared/eval/score.py) and print one table.

    python bench/accuracy.py                      # samples + PolNeAR dev
    python bench/accuracy.py --polnear ../shared/eval/polnear_train.jsonl --limit 200
    python bench/accuracy.py --write-confidence   # measure each rule on PolNeAR train -> attrib/data/

``--write-confidence`` measures every rule's precision (content jacc50 against
the annotators' spans) on PolNeAR *train* and writes it to
``attrib/data/rule_confidence.json``, the file the rules read their confidence
from; dev files are never used for it.

Parses come from the parse cache when present (``--no-cache`` parses again);
the first run parses PolNeAR dev with stanza (about 2 minutes on 2 cores).
Also printed: for the samples, the share of matched statements whose role,
organisation and reported_by equal the gold (after normalising case,
apostrophes and a leading "the"), and a confidence curve: precision and
recall of the statements at or above each confidence.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ATTRIB_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from attrib.attribute import find_attributions  # noqa: E402
from attrib.extract.rules import rule_names  # noqa: E402
from attrib.pipeline import Parsing  # noqa: E402
from attrib.types import Article  # noqa: E402


def load_scorer():
    """Import ../shared/eval/score.py as a module."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def run(path: Path, parsing: Parsing, limit: int | None) -> tuple[list[dict], list[dict]]:
    """(gold docs, system docs) for the JSONL file at ``path``."""
    gold = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                gold.append(json.loads(line))
            if limit and len(gold) >= limit:
                break
    arts = [Article(id=g["doc_id"], text=g["text"]) for g in gold]
    parses = parsing.parse_many([a.text for a in arts])
    pred = []
    for a, p in zip(arts, parses, strict=True):
        pred.append({"doc_id": a.id, "attributions": [x.to_json(a.text) for x in find_attributions(p)]})
    return gold, pred


def score(scorer, gold: list[dict], pred: list[dict]) -> dict:
    gd = {g["doc_id"]: g for g in gold}
    pd = {p["doc_id"]: p for p in pred}
    counts = []
    for doc_id in sorted(gd):
        g_items, s_items = scorer.prepare(gd[doc_id], pd.get(doc_id), set())
        counts.append(scorer.count_doc(g_items, s_items))
    return scorer.summarize(counts)


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s).replace("’", "'").lower().strip()
    return s[4:] if s.startswith("the ") else s


def attribute_agreement(scorer, gold: list[dict], pred: list[dict]) -> dict[str, tuple[int, int]]:
    """For statements matched under cov30: how many have the gold role, organisation, reported_by."""
    pd = {p["doc_id"]: p for p in pred}
    out = {"role": [0, 0], "organisation": [0, 0], "reported_by": [0, 0], "all three": [0, 0]}
    for g in gold:
        ti = scorer.TokenIndex(g["text"])
        ga = g["attributions"]
        sa = pd.get(g["doc_id"], {}).get("attributions", [])
        gi = [{"ctok": ti.tokens(scorer.spans_of(a, "content"))} for a in ga]
        si = [{"ctok": ti.tokens(scorer.spans_of(a, "content"))} for a in sa]
        for i, j in scorer.align(gi, si, "cov30"):
            ok_all = True
            for key in ("role", "organisation", "reported_by"):
                ok = norm(ga[i].get(key)) == norm(sa[j].get(key))
                out[key][0] += ok
                out[key][1] += 1
                ok_all &= ok
            out["all three"][0] += ok_all
            out["all three"][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def confidence_curve(scorer, gold: list[dict], pred: list[dict], cuts=(0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)):
    """Precision/recall (content jacc50) of the statements with confidence >= each cut."""
    rows = []
    for cut in cuts:
        kept = [{"doc_id": p["doc_id"], "attributions": [a for a in p["attributions"] if a["confidence"] >= cut]}
                for p in pred]
        r = score(scorer, gold, kept)["content/jacc50"]
        n = sum(len(p["attributions"]) for p in kept)
        rows.append((cut, n, r["P"], r["R"], r["F1"]))
    return rows


def per_rule(scorer, gold: list[dict], pred: list[dict]) -> dict[str, tuple[int, int]]:
    """(matched, produced) statements per rule, content jacc50."""
    gd = {g["doc_id"]: g for g in gold}
    out: dict[str, list[int]] = {}
    for p in pred:
        g = gd[p["doc_id"]]
        ti = scorer.TokenIndex(g["text"])
        gi = [{"ctok": ti.tokens(scorer.spans_of(a, "content"))} for a in g["attributions"]]
        si = [{"ctok": ti.tokens(scorer.spans_of(a, "content"))} for a in p["attributions"]]
        matched = {j for _, j in scorer.align(gi, si, "jacc50")}
        for j, a in enumerate(p["attributions"]):
            r = out.setdefault(a["rule"], [0, 0])
            r[0] += j in matched
            r[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


CONFIDENCE_FILE = ROOT / "attrib" / "data" / "rule_confidence.json"


def write_confidence(scorer, parsing: Parsing, path: Path, limit: int | None, out: Path = CONFIDENCE_FILE) -> None:
    """Measure each rule's precision on ``path`` (PolNeAR train) and write the confidence file.

    Precision is smoothed as (matched + 1) / (produced + 2), so that a rule seldom
    seen in training gets a value near 0.5 rather than 0 or 1."""
    gold, pred = run(path, parsing, limit)
    counts = per_rule(scorer, gold, pred)
    rules = {}
    for name in rule_names():
        m, n = counts.get(name, (0, 0))
        rules[name] = {"precision": round((m + 1) / (n + 2), 3), "matched": m, "n": n}
    data = {
        "measured_on": f"{path.name}, {len(gold)} documents, model {parsing.model}",
        "criterion": "content jacc50 against the annotators' spans; precision = (matched + 1) / (produced + 2)",
        "command": "python bench/accuracy.py --write-confidence",
        "rules": rules,
    }
    out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    for name, r in rules.items():
        print(f"  {name:20}{r['matched']:6d} / {r['n']:<6d}{r['precision']:7.3f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=Path, default=SHARED / "samples" / "gold.jsonl")
    ap.add_argument("--polnear", type=Path, default=SHARED / "eval" / "polnear_dev.jsonl")
    ap.add_argument("--limit", type=int, default=None, help="only the first N PolNeAR documents")
    ap.add_argument("--models", default=os.environ.get("STANZA_RESOURCES_DIR") or str(SHARED / "models" / "stanza"))
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--json", type=Path, help="also write all figures here")
    ap.add_argument("--write-confidence", action="store_true",
                    help="measure each rule on --train and write attrib/data/rule_confidence.json")
    ap.add_argument("--train", type=Path, default=SHARED / "eval" / "polnear_train.jsonl")
    args = ap.parse_args(argv)

    scorer = load_scorer()
    parsing = Parsing(args.models, use_cache=not args.no_cache)
    if args.write_confidence:
        write_confidence(scorer, parsing, args.train, args.limit)
        return
    sets = {}
    for name, path, limit in (("samples", args.samples, None), (args.polnear.stem, args.polnear, args.limit)):
        gold, pred = run(path, parsing, limit)
        sets[name] = (gold, pred, score(scorer, gold, pred))

    rows = [
        ("content jacc50", "content/jacc50"),
        ("content cov30", "content/cov30"),
        ("content+speaker span jacc50", "content+source_span/jacc50"),
        ("content+speaker name jacc50", "content+source_name/jacc50"),
        ("content+speaker name cov30", "content+source_name/cov30"),
    ]
    names = list(sets)
    print(f"attrib accuracy (reference scorer ../shared/eval/score.py); model {parsing.model}")
    print(f"{'':30}" + "".join(f"{n:>27}" for n in names))
    print(f"{'':30}" + "".join(f"{'P':>9}{'R':>9}{'F1':>9}" for _ in names))
    for label, key in rows:
        line = f"{label:30}"
        for n in names:
            r = sets[n][2][key]
            line += f"{r['P']:9.3f}{r['R']:9.3f}{r['F1']:9.3f}"
        print(line)
    for n in names:
        res = sets[n][2]
        rec = ", ".join(f"{k} {v['R']:.3f} (n={v['n']})" for k, v in res["recall_by_type/jacc50"].items())
        print(f"recall by type, jacc50, {n}: {rec}")
        print(f"documents {res['n_docs']}, gold statements {res['n_gold']}, system statements {res['n_sys']}")
    agree = attribute_agreement(scorer, *sets["samples"][:2])
    print("samples, matched statements (cov30) with the gold value: " + ", ".join(
        f"{k} {a}/{b} = {a / b:.3f}" for k, (a, b) in agree.items() if b))
    all_gold = sets["samples"][0] + sets[names[1]][0]
    all_pred = sets["samples"][1] + sets[names[1]][1]
    print("\nconfidence curve (samples + " + names[1] + ", content jacc50): keep statements with confidence >= c")
    print(f"{'c':>6}{'kept':>8}{'P':>9}{'R':>9}{'F1':>9}")
    curve = confidence_curve(scorer, all_gold, all_pred)
    for cut, n, p, r, f in curve:
        print(f"{cut:6.2f}{n:8d}{p:9.3f}{r:9.3f}{f:9.3f}")
    print("\nper rule (samples + " + names[1] + "): matched / produced = precision at jacc50")
    rules = per_rule(scorer, all_gold, all_pred)
    for rule, (m, n) in rules.items():
        print(f"  {rule:20}{m:6d} / {n:<6d}{m / n:7.3f}")
    if args.json:
        args.json.write_text(json.dumps({
            "scores": {n: sets[n][2] for n in names}, "attributes": agree, "confidence_curve": curve,
            "rules": rules}, indent=1))


if __name__ == "__main__":
    main()
