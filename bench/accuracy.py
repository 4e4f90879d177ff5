"""Accuracy benchmark: run attrib on the samples, ggt_dev and PolNeAR dev, score each
with the reference scorer (../shared/eval/score.py) and print the tables.

    python bench/accuracy.py                      # samples + ggt_dev + PolNeAR dev
    python bench/accuracy.py --write-confidence   # measure each rule on PolNeAR train -> attrib/data/
    python bench/accuracy.py --misses             # also: the missed gold statements by class
    python bench/accuracy.py --conventions        # also: the dev sets under PolNeAR's conventions

The samples and ggt_dev annotate speech only, so they are scored on attrib's
default output (``kind = speech``); PolNeAR annotates beliefs, intentions and
evidence too, so it is scored on every kind.  Parses come from the parse cache
when present (``--no-cache`` parses again); a first run parses with stanza
(about 45 articles a minute on 2 cores).

Printed: content and content+speaker P/R/F1; among the statements whose content
matches (cov30), the share whose speaker span overlaps the gold one and whose
resolved name matches; for the samples, role, organisation and reported_by
agreement; per-rule precision; and a reliability table (confidence bins ->
measured share of statements right, content cov30 and speaker) with the expected
calibration error (ECE).

``--conventions`` (also ``--joined-quotes``) scores the dev sets again under PolNeAR's two
conventions where ggt_dev's differ: each quotation that continues the one before it (the same
speaker, the same paragraph: “A,” she said. “B.”) joined to it, and each floating quote given
the mention of its speaker in the sentence before as its source; ggt_dev annotates both as
attrib stores them (apart, no mention).  It shows what the conventions are worth on each set;
attrib's output does not change.

``--write-confidence`` measures every rule's precision (content jacc50 against the
annotators' spans) on PolNeAR *train* and writes ``attrib/data/rule_confidence.json``,
the file the rules read their confidence from; dev files are never used for it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ATTRIB_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from attrib.attribute import find_attributions  # noqa: E402
from attrib.extract.rules import rule_names  # noqa: E402
from attrib.pipeline import Parsing  # noqa: E402
from attrib.types import STATEMENT_KINDS  # noqa: E402

CONFIDENCE_FILE = ROOT / "attrib" / "data" / "rule_confidence.json"
BINS = tuple(i / 10 for i in range(11))  # ten equal confidence bins; the last one includes 1.0


@dataclass
class Scored:
    """One data set: gold docs, system docs and the scorer's summary."""

    name: str
    gold: list[dict]
    pred: list[dict]
    summary: dict


def load_scorer():
    """Import ../shared/eval/score.py as a module."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def read_gold(path: Path, limit: int | None = None) -> list[dict]:
    """The documents of a gold JSONL file (the first ``limit`` ones)."""
    gold = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                gold.append(json.loads(line))
            if limit and len(gold) >= limit:
                break
    return gold


def train_documents(gold: list[dict], parsing: Parsing, parse_missing: bool) -> list[tuple[dict, object]]:
    """The gold documents with their parse; without ``parse_missing`` only those whose
    parse is cached (stanza never runs), else every one (stanza parses the rest: about
    45 articles a minute on 2 cores)."""
    if parse_missing:
        return list(zip(gold, parsing.parse_many([g["text"] for g in gold]), strict=True))
    cached = ((g, parsing.cache.get(parsing.model, g["text"])) for g in gold)
    return [(g, p) for g, p in cached if p is not None]


def predict(gold: list[dict], parsing: Parsing, kinds: frozenset[str]) -> list[dict]:
    """attrib's output for each gold document, keeping the statements of ``kinds``."""
    parses = parsing.parse_many([g["text"] for g in gold])
    pred = []
    for g, p in zip(gold, parses, strict=True):
        atts = [x.to_json(g["text"]) for x in find_attributions(p) if x.kind in kinds]
        pred.append({"doc_id": g["doc_id"], "attributions": atts})
    return pred


def score(scorer, gold: list[dict], pred: list[dict]) -> dict:
    """The reference scorer's summary over all documents."""
    gd = {g["doc_id"]: g for g in gold}
    pd = {p["doc_id"]: p for p in pred}
    counts = []
    for doc_id in sorted(gd):
        g_items, s_items = scorer.prepare(gd[doc_id], pd.get(doc_id), set())
        counts.append(scorer.count_doc(g_items, s_items))
    return scorer.summarize(counts)


def statement_outcomes(scorer, gold: list[dict], pred: list[dict]) -> list[tuple[dict, bool, bool]]:
    """Each system statement with (a real statement, and its speaker right as well).

    A system statement is a real statement when at least half of its words lie in
    one gold statement's content, and its speaker is right when its span overlaps
    that statement's speaker span or its resolved name matches (the scorer's "any"
    source mode); a statement with no speaker mention (a floating quote) is judged by
    its resolved name alone, since absent spans would agree with an annotation scheme
    that leaves them absent whoever the speaker is.  Containment rather than the scorer's one-to-one alignment: the
    annotation schemes cut quotations differently (PolNeAR joins the sentences of a
    quotation into one statement, ggt and attrib keep one per sentence), and a
    statement that is a true part of a longer gold one is right for a fact-checker.
    This is the label the calibrator is fitted to and the reliability table measures."""
    return [(a, real, right) for a, real, right, _ in statements_judged(scorer, gold, pred)]


def statements_judged(scorer, gold: list[dict], pred: list[dict]) -> list[tuple[dict, bool, bool, dict | None]]:
    """:func:`statement_outcomes`, each with the gold item it was judged against (the
    scorer's item of the gold statement holding most of its words; None if there is none)."""
    pd = {p["doc_id"]: p for p in pred}
    out = []
    for g in gold:
        sys_atts = pd.get(g["doc_id"], {}).get("attributions", [])
        g_items, s_items = scorer.prepare(g, {"attributions": sys_atts}, set())
        ti = scorer.TokenIndex(g["text"])
        kept = [a for a in sys_atts if ti.tokens(scorer.spans_of(a, "content"))]  # as the scorer keeps them
        for a, item in zip(kept, s_items, strict=True):
            best = max(g_items, key=lambda gi: len(gi["ctok"] & item["ctok"]), default=None)
            real = best is not None and 2 * len(best["ctok"] & item["ctok"]) >= len(item["ctok"])
            # (a statement with no speaker mention, a floating quote, is judged by its name alone)
            mode = "any" if a.get("source") else "name"
            out.append((a, real, real and scorer.source_ok(best, item, mode), best))
    return out


def norm(s: str | None) -> str:
    """Case, apostrophes and a leading "the" normalised, for comparing attribute values."""
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


Bin = tuple[float, float, int, "float | None", "float | None"]


def reliability(outcomes: list[tuple[dict, bool, bool]]) -> tuple[list[Bin], float]:
    """Rows (bin low, bin high, n, mean confidence, share right), one per bin, and the expected
    calibration error: the mean over statements of |mean confidence - share right| of their bin.

    An empty bin has n = 0 and None for its mean confidence and share right."""
    bins: list[list[tuple[float, bool]]] = [[] for _ in BINS[1:]]
    for a, _, right in outcomes:
        c = a["confidence"]
        i = next((k for k, hi in enumerate(BINS[1:]) if c < hi), len(bins) - 1)  # 1.0 in the last bin
        bins[i].append((c, right))
    rows = []
    ece = 0.0
    total = len(outcomes) or 1
    for lo, hi, inbin in zip(BINS, BINS[1:], bins, strict=False):
        if not inbin:
            rows.append((lo, hi, 0, None, None))
            continue
        conf = sum(c for c, _ in inbin) / len(inbin)
        acc = sum(r for _, r in inbin) / len(inbin)
        rows.append((lo, hi, len(inbin), conf, acc))
        ece += len(inbin) / total * abs(conf - acc)
    return rows, ece


def brier(outcomes: list[tuple[dict, bool, bool]]) -> float:
    """The mean squared difference between confidence and outcome (1 right, 0 wrong): lower is better.

    Unlike the ECE it also rewards telling right statements from wrong ones: a constant
    confidence equal to the overall share right has ECE 0 but no better Brier score than that share allows."""
    return sum((a["confidence"] - right) ** 2 for a, _, right in outcomes) / (len(outcomes) or 1)


def speaker_accuracy(s: Scored) -> tuple[float, float]:
    """Among statements whose content matches (cov30): speaker span right, resolved name right."""
    return (s.summary["content+source_span/cov30"]["attr_acc"], s.summary["content+source_name/cov30"]["attr_acc"])


ROWS = (
    ("content jacc50", "content/jacc50"),
    ("content cov30", "content/cov30"),
    ("content+speaker span jacc50", "content+source_span/jacc50"),
    ("content+speaker span cov30", "content+source_span/cov30"),
    ("content+speaker name cov30", "content+source_name/cov30"),
)


def print_tables(scorer, sets: list[Scored], model: str) -> dict:
    """Print every table; return the figures for --json."""
    print(f"attrib accuracy (reference scorer ../shared/eval/score.py); model {model}")
    print(f"{'':30}" + "".join(f"{s.name:>27}" for s in sets))
    print(f"{'':30}" + "".join(f"{'P':>9}{'R':>9}{'F1':>9}" for _ in sets))
    for label, key in ROWS:
        print(f"{label:30}" + "".join(
            f"{s.summary[key]['P']:9.3f}{s.summary[key]['R']:9.3f}{s.summary[key]['F1']:9.3f}" for s in sets))
    print("\namong statements whose content matches (cov30):")
    for s in sets:
        span, name = speaker_accuracy(s)
        print(f"  {s.name:14} speaker span right {span:.3f}, resolved name right {name:.3f}")
    for s in sets:
        rec = ", ".join(f"{k} {v['R']:.3f} (n={v['n']})" for k, v in s.summary["recall_by_type/jacc50"].items())
        print(f"recall by type, jacc50, {s.name}: {rec}")
        print(f"  documents {s.summary['n_docs']}, gold statements {s.summary['n_gold']}, "
              f"system statements {s.summary['n_sys']}")
    agree = attribute_agreement(scorer, sets[0].gold, sets[0].pred)
    print(f"{sets[0].name}, matched statements (cov30) with the gold value: " + ", ".join(
        f"{k} {a}/{b} = {a / b:.3f}" for k, (a, b) in agree.items() if b))
    calibration = {}
    for s in sets[1:]:
        outcomes = statement_outcomes(scorer, s.gold, s.pred)
        rows, ece = reliability(outcomes)
        share = sum(r for _, _, r in outcomes) / (len(outcomes) or 1)
        calibration[s.name] = {"bins": rows, "ece": ece, "brier": brier(outcomes), "share_right": share}
        print(f"\nreliability, {s.name}: statements by confidence -> share right "
              "(inside a gold statement, same speaker)")
        print(f"{'bin':>12}{'n':>7}{'mean conf':>11}{'right':>8}{'|gap|':>8}")
        for lo, hi, n, conf, acc in rows:
            if n and conf is not None and acc is not None:
                print(f"{lo:5.2f}-{hi:4.2f}  {n:7d}{conf:11.3f}{acc:8.3f}{abs(conf - acc):8.3f}")
            else:
                print(f"{lo:5.2f}-{hi:4.2f}  {n:7d}{'-':>11}{'-':>8}{'-':>8}")
        print(f"  {sum(r[2] for r in rows)} statements; expected calibration error (ECE, "
              f"mean |confidence - share right| of each statement's bin): {ece:.3f}")
        print(f"  Brier score {calibration[s.name]['brier']:.3f} (a constant {share:.3f}, the share right, would "
              f"score {share * (1 - share):.3f})")
    print("\nper rule, " + ", ".join(s.name for s in sets) + ": matched / produced = precision at jacc50")
    rules = per_rule(scorer, [g for s in sets for g in s.gold], [p for s in sets for p in s.pred])
    for rule, (m, n) in rules.items():
        print(f"  {rule:20}{m:6d} / {n:<6d}{m / n:7.3f}")
    return {"scores": {s.name: s.summary for s in sets}, "attributes": agree, "calibration": calibration,
            "rules": rules}


def write_confidence(scorer, parsing: Parsing, path: Path, limit: int | None, parse_missing: bool,
                     out: Path = CONFIDENCE_FILE) -> None:
    """Measure each rule's precision on ``path`` (PolNeAR train, every kind) and write the confidence file.

    Precision is smoothed as (matched + 1) / (produced + 2), so that a rule seldom
    seen in training gets a value near 0.5 rather than 0 or 1."""
    docs = train_documents(read_gold(path, limit), parsing, parse_missing)
    gold = [g for g, _ in docs]
    pred = [{"doc_id": g["doc_id"], "attributions": [x.to_json(g["text"]) for x in find_attributions(p)]}
            for g, p in docs]
    counts = per_rule(scorer, gold, pred)
    rules = {}
    for name in rule_names():
        m, n = counts.get(name, (0, 0))
        rules[name] = {"precision": round((m + 1) / (n + 2), 3), "matched": m, "n": n}
    data = {
        "measured_on": f"{path.name}, {len(gold)} documents, model {parsing.model}",
        "criterion": "content jacc50 against the annotators' spans; precision = (matched + 1) / (produced + 2)",
        "command": "python bench/accuracy.py --write-confidence" + (f" --limit {limit}" if limit else ""),
        "rules": rules,
    }
    out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    for name, r in rules.items():
        print(f"  {name:20}{r['matched']:6d} / {r['n']:<6d}{r['precision']:7.3f}")


#: Finite verb tags: content holding one is a clause.
FINITE_TAGS = frozenset("VBD VBZ VBP MD".split())
QUOTE_CHARS = frozenset('“”"‘’«»')


def miss_class(parse, gold_att: dict) -> str:
    """Why a gold statement may have been missed, read from its cue and content tokens:
    no cue; a noun, preposition or punctuation cue; a verb cue with noun-phrase or
    infinitive content; a clause after a verb outside the cue lists; or a clause or
    quotation after a listed cue (a miss of the rules proper)."""
    from attrib import lexicon

    c0, c1 = gold_att["content"]
    content = [t for t in parse.tokens if c0 <= t.start < c1]
    clause = any(t.xpos in FINITE_TAGS or t.text in QUOTE_CHARS for t in content)
    cs = gold_att.get("cue")
    verbs = [t for t in parse.tokens if cs and cs[0] <= t.start < cs[1] and t.upos == "VERB"]
    if not cs:
        return "no cue"
    if not verbs:
        return "noun, preposition or punctuation cue"
    if not clause:
        return "verb cue, noun-phrase or infinitive content"
    if verbs[-1].lemma.lower() not in lexicon.CUE_LEMMAS | lexicon.EVIDENCE_ONLY_VERBS:
        return "clause after a verb outside the cue lists"
    return "clause or quotation after a listed cue"


def print_misses(scorer, s: Scored, parsing: Parsing) -> None:
    """The gold statements of ``s`` that no output statement covers (cov30), by :func:`miss_class`."""
    counts: dict[str, int] = {}
    pd = {p["doc_id"]: p for p in s.pred}
    for g, parse in zip(s.gold, parsing.parse_many([g["text"] for g in s.gold]), strict=True):
        gi, si = scorer.prepare(g, pd[g["doc_id"]], set())
        found = {i for i, _ in scorer.align(gi, si, "cov30")}
        for i, a in enumerate(g["attributions"]):
            if i not in found:
                k = miss_class(parse, a)
                counts[k] = counts.get(k, 0) + 1
    total = sum(counts.values())
    print(f"\nmissed gold statements, {s.name} (no output statement covers 30 %): {total}")
    for k, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {n:5}  {n / max(total, 1):4.0%}  {k}")


#: The rules of a quotation that a floating quote can continue (“A,” she said. “B.”).
QUOTE_RULES = frozenset({"quote_cue_before", "quote_cue_after", "quote_split", "floating_quote"})


def joined_quotes(doc: dict, text: str) -> dict:
    """``doc`` (system output) with each floating quote joined to the quotation before it when both
    have the same resolved speaker and no paragraph break lies between them: one statement with
    both contents (``content_spans``), its speaker that of the first."""
    out: list[dict] = []
    for b in sorted(doc["attributions"], key=lambda a: a["content"][0]):
        a = out[-1] if out else None
        spans = (a.get("content_spans") or [a["content"]]) if a else []
        if (a and b.get("rule") == "floating_quote" and a.get("rule") in QUOTE_RULES
                and a.get("source_name") == b.get("source_name") and "\n" not in text[spans[-1][1]:b["content"][0]]):
            out[-1] = {**a, "content_spans": spans + [b["content"]]}
            out[-1].pop("content", None)
            continue
        out.append(b)
    return {"doc_id": doc["doc_id"], "attributions": out}


def floating_mentions(doc: dict) -> dict:
    """``doc`` (system output) with each floating quote given the speaker mention of the latest
    statement before it that has its resolved speaker and a mention (PolNeAR annotates that
    mention as the floating quote's source; ggt_dev annotates none, as attrib stores it)."""
    out: list[dict] = []
    last: dict[str, list[int]] = {}
    for a in sorted(doc["attributions"], key=lambda a: (a.get("content_spans") or [a["content"]])[0][0]):
        name = a.get("source_name")
        if a.get("rule") == "floating_quote" and not a.get("source") and name in last:
            a = {**a, "source": last[name]}
        if a.get("source") and name:
            last[name] = a["source"]
        out.append(a)
    return {"doc_id": doc["doc_id"], "attributions": out}


#: The what-ifs of :func:`print_conventions`: a label and how each output document changes.
CONVENTIONS: tuple[tuple[str, Callable[[dict, str], dict]], ...] = (
    ("as stored", lambda doc, text: doc),
    ("continued quotations joined", joined_quotes),
    ("floating quotes given their speaker's mention", lambda doc, text: floating_mentions(doc)),
    ("both", lambda doc, text: joined_quotes(floating_mentions(doc), text)),
)


def print_conventions(scorer, sets: list[Scored]) -> None:
    """Each dev set scored as attrib stores its statements and under PolNeAR's two conventions
    where ggt_dev's differ: continued quotations (“A,” she said. “B.”) joined into one statement,
    and a floating quote's source annotated as the mention of its speaker in an earlier sentence."""
    keys = (("content jacc50 F1", "content/jacc50"), ("content cov30 F1", "content/cov30"),
            ("content+speaker span jacc50 F1", "content+source_span/jacc50"))
    print("\nPolNeAR's conventions where ggt_dev's differ (attrib stores ggt_dev's):")
    print(f"  {'set':12} {'output':46} " + " | ".join(label for label, _ in keys))
    for s in sets:
        if s.name == "samples":
            continue
        texts = {g["doc_id"]: g["text"] for g in s.gold}
        for label, change in CONVENTIONS:
            summary = score(scorer, s.gold, [change(p, texts[p["doc_id"]]) for p in s.pred])
            print(f"  {s.name:12} {label:46} " + " | ".join(f"{summary[k]['F1']:>{len(h)}.3f}" for h, k in keys))


def main(argv: list[str] | None = None) -> None:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=Path, default=SHARED / "samples" / "gold.jsonl")
    ap.add_argument("--ggt", type=Path, default=SHARED / "eval" / "ggt_dev.jsonl")
    ap.add_argument("--polnear", type=Path, default=SHARED / "eval" / "polnear_dev.jsonl")
    ap.add_argument("--limit", type=int, default=None, help="only the first N PolNeAR documents")
    ap.add_argument("--models", default=os.environ.get("STANZA_RESOURCES_DIR") or str(SHARED / "models" / "stanza"))
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--json", type=Path, help="also write all figures here")
    ap.add_argument("--write-confidence", action="store_true",
                    help="measure each rule on --train and write attrib/data/rule_confidence.json")
    ap.add_argument("--train", type=Path, default=SHARED / "eval" / "polnear_train.jsonl")
    ap.add_argument("--cached-only", action="store_true",
                    help="with --write-confidence: only the train documents whose parse is cached")
    ap.add_argument("--conventions", "--joined-quotes", dest="conventions", action="store_true",
                    help="also score the dev sets under PolNeAR's conventions where ggt_dev's differ "
                         "(continued quotations joined; floating quotes given their speaker's mention)")
    ap.add_argument("--misses", action="store_true",
                    help="also print the missed gold statements of each set by class (bench/accuracy.miss_class)")
    args = ap.parse_args(argv)

    scorer = load_scorer()
    parsing = Parsing(args.models, use_cache=not args.no_cache)
    if args.write_confidence:
        write_confidence(scorer, parsing, args.train, args.limit, parse_missing=not args.cached_only)
        return
    speech, every = frozenset({"speech"}), frozenset(STATEMENT_KINDS)
    sets = []
    for name, path, limit, kinds in (("samples", args.samples, None, speech), ("ggt_dev", args.ggt, None, speech),
                                     (args.polnear.stem, args.polnear, args.limit, every)):
        gold = read_gold(path, limit)
        pred = predict(gold, parsing, kinds)
        sets.append(Scored(name, gold, pred, score(scorer, gold, pred)))
    figures = print_tables(scorer, sets, parsing.model)
    for s in sets if args.misses else ():
        print_misses(scorer, s, parsing)
    if args.conventions:
        print_conventions(scorer, sets)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
