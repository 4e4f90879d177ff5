"""Fit the confidence model: a logistic regression over each statement's features, on PolNeAR train.

    python bench/calibrate.py                # every train document (parses those not cached: slow)
    python bench/calibrate.py --cached-only  # only the train documents whose parse is cached

Reads PolNeAR *train* only (``../shared/eval/polnear_train.jsonl``, every kind of
statement); the dev sets are never used, they measure the result
(``bench/accuracy.py``).  Only documents whose parse is in the parse cache are used:
this never runs stanza.  A statement is labelled right when its content matches
the annotators' under cov30 and its speaker is right too (span overlap or resolved
name, the scorer's "any" mode), exactly as ``bench/accuracy.py`` scores calibration.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from accuracy import SHARED, load_scorer, read_gold, reliability, statement_outcomes, train_documents  # noqa: E402

from attrib import calibrate  # noqa: E402
from attrib.attribute import attributions_with_features  # noqa: E402
from attrib.pipeline import Parsing  # noqa: E402
from attrib.types import STATEMENT_KINDS  # noqa: E402

OUT = ROOT / "attrib" / "data" / calibrate.DATA_FILE
CS = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
FOLDS = 5


def labelled_statements(scorer, docs: list[tuple[dict, object]]) -> tuple[list[dict], list[int], list[str]]:
    """Features, right (1) / wrong (0) and document id of every system statement of every kind."""
    gold, pred = [], []
    for g, p in docs:
        atts = []
        for a, f in attributions_with_features(p):
            if a.kind in STATEMENT_KINDS:
                atts.append({**a.to_json(g["text"]), "_features": f})
        gold.append(g)
        pred.append({"doc_id": g["doc_id"], "attributions": atts})
    X, y, groups = [], [], []
    by_doc = {p["doc_id"]: p for p in pred}
    for g in gold:
        outcomes = statement_outcomes(scorer, [g], [by_doc[g["doc_id"]]])
        for a, _, right in outcomes:
            X.append(a["_features"])
            y.append(int(right))
            groups.append(g["doc_id"])
    return X, y, groups


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
    X, y, groups = labelled_statements(scorer, docs)
    vec, lr, table = fit(X, y, groups)
    names = list(vec.get_feature_names_out())
    m = {
        "intercept": round(float(lr.intercept_[0]), 4),
        "coef": {n: round(float(w), 4) for n, w in zip(names, lr.coef_[0], strict=True)},
        "features": names,
        "C": lr.C,
        "trained_on": {
            "file": args.train.name,
            "documents": len(docs),
            "documents_without_cached_parse": len(gold) - len(docs),
            "statements": len(y),
            "positive_rate": round(sum(y) / len(y), 4),
            "model": parsing.model,
        },
        "label": "right = content matches the annotators' under cov30 and the speaker is right (scorer mode 'any')",
        "command": "python bench/calibrate.py" + (f" --limit {args.limit}" if args.limit else ""),
    }
    outcomes = [({"confidence": calibrate.probability(f, m)}, True, bool(r)) for f, r in zip(X, y, strict=True)]
    rows, ece = reliability(outcomes)
    m["train_ece"] = round(ece, 4)
    args.out.write_text(json.dumps(m, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    print(f"fitted on {args.train.name}: {len(docs)} documents with a cached parse (of {len(gold)}), "
          f"{len(y)} statements, {sum(y) / len(y):.3f} right; model {parsing.model}")
    print(f"C by {FOLDS}-fold CV (folds by document), mean log loss: "
          + ", ".join(f"{c:g} {loss:.4f}" for c, loss in table) + f" -> C = {lr.C:g}")
    print(f"train ECE {ece:.3f}; wrote {args.out}")
    print("largest weights:")
    for n, w in sorted(m["coef"].items(), key=lambda kv: -abs(kv[1]))[:12]:
        print(f"  {n:32}{w:+8.3f}")


if __name__ == "__main__":
    main()
