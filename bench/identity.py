"""Identity across articles, measured: how often two names that attrib made one speaker are
one person (merge precision), and how often two speakers it kept apart are one person
(what recall misses).

    python bench/identity.py                        # build the database, print the table
    python bench/identity.py --sample 60 -o new.tsv # pairs to label by hand (TSV)

The database is built from PolNeAR train + dev (1,008 US political articles from several
outlets covering the same 2016 events) and the five samples, with the rules of today, from
the parse cache (articles without a cached parse are left out; ``--parse`` parses them
with stanza).  Two kinds of pairs are drawn, with a fixed seed:

- **merged**: two different names of one speaker (``speaker_aliases``), e.g. "Donald Trump"
  and "Trump";
- **kept apart**: two speakers whose names share a surname (the same block), e.g.
  "Hillary Clinton" and "Bill Clinton": the only pairs the rules could have merged.

Each pair was judged by hand (same person or not, from the names, their roles and the
articles) in ``bench/data/identity_pairs.jsonl``: names of public figures and a reason,
no article text.  Printed: precision of merges, the share of same-person pairs among those
kept apart, and recall estimated from both samples weighted by how many pairs of each kind
there are.  ``tests/test_identity_pairs.py`` replays the labelled pairs through the rules.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ATTRIB_SHARED", ROOT.parent / "shared"))
LABELS = ROOT / "bench" / "data" / "identity_pairs.jsonl"
sys.path.insert(0, str(ROOT))

from attrib import db as dbmod  # noqa: E402
from attrib.attribute import find_attributions  # noqa: E402
from attrib.pipeline import Parsing  # noqa: E402
from attrib.types import Article  # noqa: E402


def documents() -> list[dict]:
    """PolNeAR train + dev and the samples, as {doc_id, text, outlet, published}."""
    docs = []
    for name in ("polnear_train.jsonl", "polnear_dev.jsonl"):
        for line in (SHARED / "eval" / name).read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            m = re.match(r"([a-z-]+)_(\d{4}-\d{2}-\d{2})", d["doc_id"])  # "breitbart_2016-09-12_..."
            docs.append({"doc_id": d["doc_id"], "text": d["text"], "outlet": m.group(1) if m else None,
                         "published": m.group(2) if m else None})
    for line in (SHARED / "samples" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        docs.append({"doc_id": d["id"], "text": d["text"], "outlet": d.get("outlet"), "published": d.get("published")})
    return docs


def build(path: str, parse_missing: bool) -> int:
    """Store every document whose parse is cached (or all, with ``parse_missing``); returns how many."""
    parsing = Parsing(os.environ.get("STANZA_RESOURCES_DIR"))
    db = dbmod.open_db(path)
    n = 0
    for d in documents():
        parse = parsing.parse_many([d["text"]])[0] if parse_missing else parsing.cache.get(parsing.model, d["text"])
        if parse is None:
            continue
        art = Article(d["doc_id"], d["text"], outlet=d["outlet"], published=d["published"])
        dbmod.save_article(db, art, find_attributions(parse))
        n += 1
    db.conn.close()
    return n


def merged_pairs(conn) -> list[tuple[str, str]]:
    """Pairs of different names of one person speaker (titles kept: they are what was written)."""
    names: dict[int, set[str]] = {}
    for sp, alias in conn.execute("select a.speaker_id, a.alias from speaker_aliases a join speakers s on "
                                  "s.id = a.speaker_id where s.kind = 'person'"):
        names.setdefault(sp, set()).add(alias)
    return sorted((a, b) for v in names.values() for a, b in combinations(sorted(v), 2))


def apart_pairs(conn) -> list[tuple[str, str]]:
    """Pairs of person speakers of one block (same surname) that were kept apart, by name."""
    blocks: dict[str, set[str]] = {}
    for block, name in conn.execute("select distinct a.block, s.name from speaker_aliases a join speakers s on "
                                    "s.id = a.speaker_id where s.kind = 'person' and a.block like 'p:%'"):
        blocks.setdefault(block, set()).add(name)
    return sorted((a, b) for v in blocks.values() for a, b in combinations(sorted(v), 2) if a != b)


def load_labels(path: Path = LABELS) -> dict[tuple[str, str], dict]:
    """The hand labels, by (name, name) in sorted order."""
    if not path.exists():
        return {}
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return {tuple(sorted((r["a"], r["b"]))): r for r in rows}


def sample(pairs: list[tuple[str, str]], n: int, seed: int) -> list[tuple[str, str]]:
    return sorted(random.Random(seed).sample(pairs, min(n, len(pairs))))


def table(merged: list, apart: list, labels: dict, n: int) -> None:
    """Print precision of merges, same-person share of the pairs kept apart, and recall."""
    rows = []
    for what, pairs, seed in (("merged", merged, 1), ("kept apart", apart, 2)):
        drawn = sample(pairs, n, seed)
        judged = [labels[p] for p in drawn if p in labels and labels[p]["same"] is not None]
        same = sum(1 for r in judged if r["same"])
        rows.append((what, len(pairs), len(drawn), len(judged), same))
    print("| pairs | in the database | drawn | hand-labelled | same person | share same |")
    print("|---|---:|---:|---:|---:|---:|")
    for what, total, drawn, judged, same in rows:
        share = f"{same / judged:.3f}" if judged else "n/a"
        print(f"| {what} | {total} | {drawn} | {judged} | {same} | {share} |")
    (_, m_total, _, m_judged, m_same), (_, a_total, _, a_judged, a_same) = rows
    if m_judged and a_judged:
        precision = m_same / m_judged
        found, missed = precision * m_total, a_same / a_judged * a_total
        print(f"\nmerge precision {precision:.3f} (n={m_judged}); estimated merge recall "
              f"{found / (found + missed):.3f} (true merges found {found:.0f}, missed among pairs of one "
              f"surname {missed:.0f}; pairs of different surnames are not counted)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="build into (or reuse) this database instead of a temporary one")
    ap.add_argument("--parse", action="store_true", help="parse the documents without a cached parse (slow)")
    ap.add_argument("-n", type=int, default=60, help="pairs drawn of each kind (default 60)")
    ap.add_argument("--sample", type=int, help="write this many unlabelled drawn pairs of each kind as TSV (-o)")
    ap.add_argument("-o", "--output", help="TSV file for --sample")
    args = ap.parse_args(argv)
    path = args.db or os.path.join(tempfile.mkdtemp(prefix="attrib-identity-"), "identity.db")
    if not (args.db and Path(path).exists()):
        print(f"building {path}: {build(path, args.parse)} articles", file=sys.stderr)
    conn = dbmod.open_db(path).conn
    merged, apart, labels = merged_pairs(conn), apart_pairs(conn), load_labels()
    if args.sample:
        with open(args.output or "/dev/stdout", "w", encoding="utf-8") as out:
            for what, pairs, seed in (("merged", merged, 1), ("apart", apart, 2)):
                for a, b in sample(pairs, args.sample, seed):
                    if (a, b) not in labels:
                        out.write(f"{what}\t{a}\t{b}\n")
        return
    table(merged, apart, labels, args.n)


if __name__ == "__main__":
    main()
