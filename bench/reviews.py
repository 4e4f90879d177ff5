"""Calibration from reviews: how far to trust attrib's confidence on your own news.

    python bench/reviews.py news.db

Every statement whose latest review is ``confirmed`` counts as right, one whose
latest review is ``wrong_speaker``, ``wrong_span`` or ``not_a_statement`` as
wrong; orphaned reviews (their statement is gone) are left out.  Printed: per
confidence bin (the bins of ``bench/accuracy.py``), the number of reviewed
statements, their mean confidence and the measured precision (share confirmed),
and the expected calibration error (ECE).  Reviewers tend to look at doubtful
statements first, so the sample is not random: read it as "of what we checked".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from accuracy import BINS, reliability  # noqa: E402

from attrib.db import open_db, reviewed_confidences  # noqa: E402


def outcomes(db_path: str) -> list[tuple[dict, bool, bool]]:
    """(statement, True, confirmed) of every reviewed statement, in the shape ``reliability`` takes."""
    db = open_db(db_path, wal=False)
    try:
        return [({"confidence": c}, True, verdict == "confirmed") for c, verdict in reviewed_confidences(db)]
    finally:
        db.conn.close()


def report(rows: list[tuple[dict, bool, bool]]) -> str:
    table, ece = reliability(rows)
    n_right = sum(r for _, _, r in rows)
    lines = [f"{len(rows)} reviewed statements: {n_right} confirmed, {len(rows) - n_right} rejected",
             f"{'confidence':<12}{'n':>5}{'mean conf':>11}{'precision':>11}"]
    for lo, hi, n, conf, acc in table:
        if n:
            lines.append(f"{f'{lo:.1f}-{hi:.1f}':<12}{n:>5}{conf:>11.2f}{acc:>11.2f}")
    lines.append(f"ECE {ece:.3f} over {len(BINS) - 1} bins")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", help="an attrib database with reviews (attrib review / attrib serve --review)")
    args = ap.parse_args(argv)
    if not Path(args.db).is_file():
        ap.error(f"no database at {args.db}")
    print(report(outcomes(args.db)))


if __name__ == "__main__":
    main()
