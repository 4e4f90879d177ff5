"""Fit the confidence model: a logistic regression over each statement's features, on PolNeAR train.

    python bench/calibrate.py                # every train document (parses those not cached: slow)
    python bench/calibrate.py --cached-only  # only the train documents whose parse is cached

Reads PolNeAR *train* only (``../shared/eval/polnear_train.jsonl``, every kind of
statement); the dev sets are never used, they measure the result
(``bench/accuracy.py``).  Only documents whose parse is in the parse cache are used:
this never runs stanza.  A statement is labelled right exactly as ``bench/accuracy.py`` scores calibration
(``statement_outcomes``: most of its words inside one gold statement, and its speaker
right by span overlap or resolved name); statements whose speaker the annotations
cannot judge are left out (``undetermined``).  An ambiguous pronoun is fitted as a
pronoun and its probability then halved (``FACTORS``).
The features are :func:`attrib.calibrate.features`; an L2 logistic regression is
fitted, its C chosen by 5-fold cross-validation (folds by document, log loss),
and written to ``attrib/data/calibration.json``, which ``attrib.calibrate`` reads
at run time (without scikit-learn).

Needs scikit-learn: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from accuracy import SHARED, load_scorer, read_gold, reliability, statements_judged, train_documents  # noqa: E402

from attrib import calibrate, lexicon  # noqa: E402
from attrib.attribute import attributions_with_features  # noqa: E402
from attrib.pipeline import Parsing  # noqa: E402
from attrib.types import STATEMENT_KINDS  # noqa: E402

OUT = ROOT / "attrib" / "data" / calibrate.DATA_FILE
CS = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
FOLDS = 5
#: Gold speakers that are only a pronoun: without a resolved name (PolNeAR train has
#: none), no speaker name can be checked against them.
PRONOUN_SPEAKERS = (frozenset(lexicon.PRONOUNS) | lexicon.RELATIVE_PRONOUNS
                    | frozenset("his its their them us me you".split()))
#: Features the training data cannot measure, fitted as another feature and then
#: applied as a factor on the probability (attrib.calibrate.probability): an ambiguous
#: pronoun is fitted as a pronoun (the annotations say that "he" spoke, not who he
#: is, so a wrong choice between two people goes unseen), and as two people are
#: equally likely behind it, its name is right at most half as often.
FACTORS = {"how=pronoun_ambiguous": ("how=pronoun", 0.5)}


def undetermined(a: dict, real: bool, best: dict | None) -> bool:
    """The label says nothing about the speaker: the statement has no speaker mention,
    so it is judged by its resolved name, and the gold statement's speaker is only a
    pronoun with no resolved name ("he"), which no name can match.  Such statements
    would count as wrong whoever the system named; left out of the fit (a floating
    quote continuing a speaker's words is otherwise taught that it is wrong far more
    often than it is)."""
    if a.get("source") or not real or best is None or best.get("name") or best.get("coref"):
        return False
    return (best.get("stext") or "").strip().lower() in PRONOUN_SPEAKERS


def labelled_statements(scorer, docs: list[tuple[dict, object]]) -> tuple[list[dict], list[int], list[str], Counter]:
    """Features, right (1) / wrong (0) and document id of every system statement of
    every kind whose label is determined (:func:`undetermined`), and how many were not, by rule."""
    X, y, groups, left_out = [], [], [], Counter()
    for g, p in docs:
        atts = [{**a.to_json(g["text"]), "_features": f}
                for a, f in attributions_with_features(p) if a.kind in STATEMENT_KINDS]
        for a, real, right, best in statements_judged(scorer, [g], [{"doc_id": g["doc_id"], "attributions": atts}]):
            if undetermined(a, real, best):
                left_out[a["rule"]] += 1
                continue
            X.append(fitted_as(a["_features"]))
            y.append(int(right))
            groups.append(g["doc_id"])
    return X, y, groups, left_out


def fitted_as(f: dict[str, float]) -> dict[str, float]:
    """The features as the fit sees them: each feature of :data:`FACTORS` replaced by the one it is fitted as."""
    out = dict(f)
    for k, (same, _) in FACTORS.items():
        if out.pop(k, 0.0):
            out[same] = 1.0
    return out


def fit(X: list[dict], y: list[int], groups: list[str]):
    """The fitted vectorizer, the logistic regression with the cross-validated C, and the CV table."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV, GroupKFold

    vec = DictVectorizer(sparse=False)
    M = vec.fit_transform(X)
    search = GridSearchCV(LogisticRegression(max_iter=5000), {"C": list(CS)}, scoring="neg_log_loss",
                          cv=GroupKFold(n_splits=FOLDS), refit=True)
    search.fit(M, y, groups=groups)
    table = [(c, -s) for c, s in zip(CS, search.cv_results_["mean_test_score"], strict=True)]
    return vec, search.best_estimator_, table


def main(argv: list[str] | None = None) -> None:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=SHARED / "eval" / "polnear_train.jsonl")
    ap.add_argument("--limit", type=int, default=None, help="only the first N train documents")
    ap.add_argument("--models", default=os.environ.get("STANZA_RESOURCES_DIR") or str(SHARED / "models" / "stanza"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cached-only", action="store_true",
                    help="use only the documents whose parse is cached (a quick refit); else parse the rest")
    args = ap.parse_args(argv)
    if "dev" in args.train.name:
        ap.error("the confidence model is fitted on train only; the dev sets measure it")

    scorer = load_scorer()
    parsing = Parsing(args.models)
    gold = read_gold(args.train, args.limit)
    docs = train_documents(gold, parsing, parse_missing=not args.cached_only)
    if not docs:
        sys.exit(f"no document of {args.train} has a cached parse for model {parsing.model}")
    X, y, groups, left_out = labelled_statements(scorer, docs)
    vec, lr, table = fit(X, y, groups)
    coef = {n: round(float(w), 4) for n, w in zip(vec.get_feature_names_out(), lr.coef_[0], strict=True)}
    for k, (same, _) in FACTORS.items():
        coef[k] = coef.get(same, 0.0)
    m = {
        "intercept": round(float(lr.intercept_[0]), 4),
        "coef": dict(sorted(coef.items())),
        "features": sorted(coef),
        "factors": {k: factor for k, (_, factor) in FACTORS.items()},
        "C": lr.C,
        "trained_on": {
            "file": args.train.name,
            "documents": len(docs),
            "documents_without_cached_parse": len(gold) - len(docs),
            "statements": len(y),
            "statements_left_out": sum(left_out.values()),
            "positive_rate": round(sum(y) / len(y), 4),
            "model": parsing.model,
        },
        "label": "right = at least half the statement's words lie in one gold statement and its speaker is right "
                 "(span overlap or name; by name alone without a mention), as bench/accuracy.py measures it; "
                 "left out: statements judged by name whose gold speaker is a bare pronoun with no resolved name",
        "command": "python bench/calibrate.py" + (f" --limit {args.limit}" if args.limit else ""),
    }
    outcomes = [({"confidence": calibrate.probability(f, m)}, True, bool(r)) for f, r in zip(X, y, strict=True)]
    rows, ece = reliability(outcomes)
    m["train_ece"] = round(ece, 4)
    args.out.write_text(json.dumps(m, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    print(f"fitted on {args.train.name}: {len(docs)} documents with a cached parse (of {len(gold)}), "
          f"{len(y)} statements, {sum(y) / len(y):.3f} right ({sum(left_out.values())} left out: speaker "
          f"undetermined; {dict(left_out.most_common())}); "
          f"model {parsing.model}")
    print(f"C by {FOLDS}-fold CV (folds by document), mean log loss: "
          + ", ".join(f"{c:g} {loss:.4f}" for c, loss in table) + f" -> C = {lr.C:g}")
    print(f"train ECE {ece:.3f}; wrote {args.out}")
    floating = [r for f, r in zip(X, y, strict=True) if f.get("rule=floating_quote")]
    out = left_out["floating_quote"]
    print(f"floating quotes judged: {len(floating)}, right {sum(floating) / max(1, len(floating)):.3f}; "
          f"with the {out} left out counted wrong, as the label would: "
          f"{sum(floating) / max(1, len(floating) + out):.3f}")
    print("largest weights:")
    for n, w in sorted(m["coef"].items(), key=lambda kv: -abs(kv[1]))[:12]:
        print(f"  {n:32}{w:+8.3f}")


if __name__ == "__main__":
    main()
