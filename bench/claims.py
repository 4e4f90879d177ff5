"""Claims across outlets: how fast a new article's statements find their claims, and how right the groups are.

    python bench/scale.py build /tmp/claims-1m.db --statements 1000000   # once, about 2 minutes
    python bench/claims.py speed /tmp/claims-1m.db                       # index it (once), time 20 articles
    python bench/claims.py quality                                       # PolNeAR + samples: groups, pairs
    python bench/claims.py quality --score tests/data/claim_pairs.jsonl  # precision / recall of the labels

``speed`` gives every statement of the synthetic database its LSH band keys and a claim of its own
in bulk (the first time; the same keys :func:`attrib.db.assign_claims` stores, written with one sort
instead of a B-tree insert each), then stores 20 new articles one at a time, each in a transaction
that is rolled back afterwards (the database stays as it was): half of each article's statements
repeat a stored statement with small changes (a word dropped, another case, an ellipsis), so they
join a claim, the other half are new.  It prints the median and 95th percentile of
:func:`attrib.db.assign_claims` alone (wall clock, and the CPU time of the process, which other
programs on a busy machine do not inflate) and of the save and the assignment together, in ms.

``quality`` runs attrib on every PolNeAR document (dev and train: seven outlets covering the same
2016 events) whose parse is in the parse cache (no stanza) and on the samples, stores them with
their outlet and date, rebuilds the claims (earliest first) and prints how many claims span several
articles and outlets.  ``--pairs FILE`` writes a random sample of statement pairs for hand-checking
(merged pairs: two articles' statements in one claim; near misses: two articles' statements in
different claims that were suggested, or share LSH band keys), with their texts, to FILE (keep it
out of the repository: the texts are the publishers').  ``--score LABELS`` reads hand labels (the
statements as document ids and offsets only, no text, each with the stratum it was drawn from and
its size) and prints merge precision and recall with the sample sizes, weighting each stratum by
its size; a pair of statements that shares no band key and was never suggested is taken to be two
claims.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ATTRIB_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from attrib import claims as cl  # noqa: E402
from attrib import db as dbmod  # noqa: E402
from attrib.types import Article, Attribution  # noqa: E402

# ------------------------------------------------------------------ speed


def bulk_index(db, batch: int = 20000) -> None:
    """Band keys for every statement and a claim of its own, unless the database has them already."""
    if db.execute("select exists (select 1 from claim_buckets)").fetchone()[0]:
        return
    from tqdm import tqdm

    conn = db.conn
    n = conn.execute("select count(*) from statements").fetchone()[0]
    conn.execute("create temp table keys (key integer, statement_rowid integer)")
    t0 = time.perf_counter()
    cur = conn.execute("select rowid, content from statements")
    with tqdm(total=n, unit="statement", file=sys.stderr) as bar:
        while rows := cur.fetchmany(batch):
            conn.executemany("insert into temp.keys values (?, ?)",
                             [(k, rowid) for rowid, content in rows for k in cl.lsh_keys(cl.features(content or ""))])
            bar.update(len(rows))
    t1 = time.perf_counter()
    conn.commit()  # the inserts above opened a transaction of their own
    conn.execute("BEGIN")
    conn.execute("drop index if exists idx_claim_buckets_statement")
    conn.execute("insert or ignore into claim_buckets select key, statement_rowid from temp.keys "
                 "order by key, statement_rowid")
    conn.execute("create index idx_claim_buckets_statement on claim_buckets(statement_rowid)")
    conn.execute("insert into claims (id, label, n_statements, n_articles, n_outlets, n_speakers, first_statement_id, "
                 "first_article_id, first_published, first_outlet, last_published) "
                 "select s.rowid, s.content, 1, 1, a.outlet is not null, s.speaker_id is not null, s.id, s.article_id, "
                 "s.published, a.outlet, s.published from statements s join articles a on a.id = s.article_id")
    conn.execute("drop index if exists idx_statements_claim_id_published")
    conn.execute("update statements set claim_id = rowid")
    conn.execute("create index idx_statements_claim_id_published on statements(claim_id, published)")
    conn.execute("COMMIT")
    conn.execute("drop table temp.keys")
    dbmod.optimize(db)
    print(f"indexed {n:,} statements: keys {t1 - t0:.0f} s, tables {time.perf_counter() - t1:.0f} s", file=sys.stderr)


def _variant(rng: random.Random, content: str) -> str:
    """A stored statement as another outlet might print it: a word dropped, other case, an ellipsis."""
    ws = content.split()
    if len(ws) > 8:
        del ws[rng.randrange(1, len(ws) - 1)]
    if len(ws) > 6:
        ws.insert(len(ws) // 2, "\u2026")
    return " ".join(ws).lower()


def new_articles(db, n: int, seed: int) -> list[tuple[Article, list[Attribution]]]:
    """``n`` new articles of 20 statements each: even ones repeat stored statements, odd ones are new."""
    rng = random.Random(seed)
    top = db.execute("select max(rowid) from statements").fetchone()[0]
    speakers = [r[0] for r in db.execute("select name from speakers order by id limit 2000")]
    out = []
    for i in range(n):
        parts, atts = [], []
        pos = 0
        for j in range(20):
            if j % 2 == 0:
                row = None
                while row is None:
                    row = db.execute("select s.content, sp.name from statements s left join speakers sp on "
                                     "sp.id = s.speaker_id where s.rowid = ?", [rng.randrange(1, top + 1)]).fetchone()
                content, name = _variant(rng, row[0]), row[1]
            else:
                donors = [db.execute("select content from statements where rowid = ?",
                                     [rng.randrange(1, top + 1)]).fetchone() for _ in range(2)]
                words = " ".join(d[0] for d in donors if d).split()
                rng.shuffle(words)
                content, name = " ".join(words[:rng.randrange(8, 25)]), rng.choice(speakers)
            sentence = f"\u201c{content},\u201d {name or 'he'} said. "
            atts.append(Attribution(((pos + 1, pos + 1 + len(content)),), None, None, "direct", "bench", 0.9,
                                    source_name=name, speaker_kind="person" if name else "unknown"))
            parts.append(sentence)
            pos += len(sentence)
        out.append((Article(f"bench-claims-{seed}-{i}", "".join(parts), outlet="Bench Wire",
                            published=f"2025-01-{i % 28 + 1:02d}"), atts))
    return out


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]


def speed(path: str, n: int, seed: int) -> None:
    db = dbmod.open_db(path)
    bulk_index(db)
    n_statements = db.execute("select count(*) from statements").fetchone()[0]
    n_keys = db.execute("select count(*) from claim_buckets").fetchone()[0]
    articles = new_articles(db, n + 1, seed)
    assign_ms, total_ms, cpu_ms, joined = [], [], [], 0
    for k, (art, atts) in enumerate(articles):
        cl.features.cache_clear()  # every candidate read and normalised afresh
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            t0 = time.perf_counter()
            dbmod.save_article(db, art, atts)
            t1, c1 = time.perf_counter(), time.process_time()
            res = dbmod.assign_claims(db, art.id)
            t2, c2 = time.perf_counter(), time.process_time()
        finally:
            db.conn.execute("ROLLBACK")
        if k == 0:
            continue  # warm-up
        assign_ms.append((t2 - t1) * 1000)
        cpu_ms.append((c2 - c1) * 1000)
        total_ms.append((t2 - t0) * 1000)
        joined += res.joined
    print(f"{n_statements:,} statements stored, {n_keys:,} band keys; {n} new articles of 20 statements, "
          f"{joined} of {20 * n} statements joined an existing claim")
    print("| step | median ms | p95 ms | max ms |")
    print("|---|---|---|---|")
    for label, xs in (("assign_claims (one article)", assign_ms), ("assign_claims, CPU time of the process", cpu_ms),
                      ("save_article + assign_claims", total_ms)):
        print(f"| {label} | {statistics.median(xs):.1f} | {_p95(xs):.1f} | {max(xs):.1f} |")


# ------------------------------------------------------------------ quality


def documents() -> list[tuple[Article, object]]:
    """(article, cached parse) of every PolNeAR dev/train document and sample article whose parse is cached."""
    from attrib.pipeline import Parsing

    parsing = Parsing(models_dir=os.environ.get("STANZA_RESOURCES_DIR", SHARED / "models" / "stanza"))
    out = []
    seen: set[str] = set()  # a document annotated twice is one article
    for name in ("polnear_dev", "polnear_train"):
        with (SHARED / "eval" / f"{name}.jsonl").open(encoding="utf-8") as f:
            for line in f:
                g = json.loads(line)
                parse = parsing.cache.get(parsing.model, g["text"])
                if parse is not None and g["text"] not in seen:
                    seen.add(g["text"])
                    meta = g.get("meta", {})
                    out.append((Article(g["doc_id"], g["text"], outlet=meta.get("publisher"),
                                        published=meta.get("date")), parse))
    with (SHARED / "samples" / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            parse = parsing.cache.get(parsing.model, g["text"])
            if parse is not None:
                out.append((Article("sample-" + g["id"], g["text"], outlet="samples"), parse))
    return out


def build_quality_db(path: str) -> object:
    from attrib.attribute import find_attributions

    Path(path).unlink(missing_ok=True)
    db = dbmod.open_db(path)
    docs = documents()
    for art, parse in docs:
        dbmod.save_article(db, art, find_attributions(parse), None)
    t0 = time.perf_counter()
    n_claims = dbmod.rebuild_claims(db)
    n = db.execute("select count(*) from statements").fetchone()[0]
    multi = db.execute("select count(*), sum(n_statements) from claims where n_articles > 1").fetchone()
    outlets = db.execute("select count(*) from claims where n_outlets > 1").fetchone()[0]
    print(f"{len(docs)} documents, {n:,} statements, {n_claims:,} claims ({time.perf_counter() - t0:.1f} s); "
          f"{multi[0]} claims span several articles ({multi[1] or 0} statements), {outlets} several outlets")
    return db


def _statement(db, sid: str) -> dict:
    r = db.execute("select s.id, s.article_id, s.start, s.[end], s.content_spans, s.content, s.type, sp.name, "
                   "s.claim_id, s.sentence from statements s left join speakers sp on sp.id = s.speaker_id "
                   "where s.id = ?", [sid]).fetchone()
    return {"id": r[0], "doc": r[1], "spans": json.loads(r[4]), "type": r[6], "speaker": r[7],
            "claim": r[8], "content": r[5], "sentence": r[9]}


#: Pairs sampled from each pool for labelling.
SAMPLE = {"merged": 50, "suggested": 40, "shared2": 30, "shared1": 20}


def pair_pools(db) -> dict[str, list[tuple[str, str]]]:
    """Statement pairs of two articles: merged (one claim), and the unmerged near misses in three
    strata: suggested; sharing two or more LSH band keys; sharing one."""
    merged = [tuple(r) for r in db.execute(
        "select a.id, b.id from statements a join statements b on a.claim_id = b.claim_id and a.id < b.id "
        "and a.article_id != b.article_id order by a.id, b.id")]
    suggested = {tuple(sorted(r)) for r in db.execute(
        "select x.statement_id, x.with_statement_id from claim_suggestions x "
        "join statements a on a.id = x.statement_id join statements b on b.id = x.with_statement_id "
        "where a.article_id != b.article_id and a.claim_id != b.claim_id")}
    shared: dict[int, set[tuple[str, str]]] = {1: set(), 2: set()}
    for a, b, n in db.execute(
            "select a.id, b.id, count(*) from claim_buckets x join claim_buckets y on x.key = y.key "
            "and x.statement_rowid < y.statement_rowid "
            "join statements a on a.rowid = x.statement_rowid join statements b on b.rowid = y.statement_rowid "
            "where a.article_id != b.article_id and a.claim_id != b.claim_id group by 1, 2"):
        pair = tuple(sorted((a, b)))
        if pair not in suggested:
            shared[min(n, 2)].add(pair)
    return {"merged": merged, "suggested": sorted(suggested), "shared2": sorted(shared[2]),
            "shared1": sorted(shared[1])}


def write_pairs(db, out: str, seed: int) -> None:
    rng = random.Random(seed)
    pools = pair_pools(db)
    with open(out, "w", encoding="utf-8") as f:
        for pool, pairs in pools.items():
            for a, b in sorted(rng.sample(pairs, min(SAMPLE[pool], len(pairs)))):
                f.write(json.dumps({"pool": pool, "a": _statement(db, a), "b": _statement(db, b)},
                                   ensure_ascii=False) + "\n")
    print("pairs: " + ", ".join(f"{k} {len(v)} (sampled {min(SAMPLE[k], len(v))})" for k, v in pools.items())
          + f"; written to {out}")


def _find(db, ref: dict) -> str | None:
    """The statement id of a labelled statement (document id and content spans), in this run's database."""
    row = db.execute("select id from statements where article_id = ? and content_spans = ?",
                     [ref["doc"], json.dumps(ref["spans"])]).fetchone()
    return row[0] if row else None


def score(db, labels_path: str) -> None:
    """Merge precision and recall from hand labels, against this run's claims.  The labelled pairs
    are a stratified sample: ``pool`` is the stratum a pair was drawn from and ``stratum_size`` the
    number of pairs in it then; each stratum's same-claim pairs merged now (true positives), not
    merged now (misses) and different-claim pairs merged now (false merges) are its labelled
    shares times its size."""
    rows = [json.loads(line) for line in Path(labels_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    strata: dict[str, dict[str, int]] = {}
    missing = 0
    for r in rows:
        a, b = _find(db, r["a"]), _find(db, r["b"])
        if a is None or b is None:
            missing += 1
            continue
        merged = db.execute("select (select claim_id from statements where id = ?) = "
                            "(select claim_id from statements where id = ?)", [a, b]).fetchone()[0]
        c = strata.setdefault(r["pool"], {"size": r["stratum_size"], "n": 0, "same": 0, "merged": 0, "tp": 0})
        c["n"] += 1
        c["same"] += r["label"] == "same"
        c["merged"] += merged
        c["tp"] += merged and r["label"] == "same"
    tp = fn = fp = 0.0
    print("| pairs of statements of two articles, drawn from | pairs | labelled | same claim | merged now "
          "| same and merged |")
    print("|---|---|---|---|---|---|")
    names = {"merged": "merged into one claim", "suggested": "not merged, suggested",
             "shared2": "not merged, 2+ LSH band keys shared", "shared1": "not merged, 1 band key shared"}
    for k, c in strata.items():
        w = c["size"] / c["n"]
        tp += w * c["tp"]
        fn += w * (c["same"] - c["tp"])
        fp += w * (c["merged"] - c["tp"])
        print(f"| {names.get(k, k)} | {c['size']:,} | {c['n']} | {c['same']} | {c['merged']} | {c['tp']} |")
    n = sum(c["n"] for c in strata.values())
    print()
    print(f"merge precision {tp / (tp + fp):.2f}, merge recall {tp / (tp + fn):.2f} (estimated from {n} labelled "
          f"pairs: {tp:.0f} same-claim pairs merged, {fp:.0f} different-claim pairs merged, {fn:.0f} missed)")
    if missing:
        print(f"({missing} labelled pairs not found in this run: the extraction changed)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("speed", help="time assign_claims on a large database")
    s.add_argument("db")
    s.add_argument("--articles", type=int, default=20)
    s.add_argument("--seed", type=int, default=12)
    q = sub.add_parser("quality", help="claims on PolNeAR and the samples")
    q.add_argument("--db", default="/tmp/claims-polnear.db")
    q.add_argument("--pairs", help="write a sample of pairs (with their texts) here, for labelling")
    q.add_argument("--seed", type=int, default=12)
    q.add_argument("--score", help="hand labels (tests/data/claim_pairs.jsonl): print precision and recall")
    args = ap.parse_args(argv)
    if args.cmd == "speed":
        speed(args.db, args.articles, args.seed)
        return
    db = build_quality_db(args.db)
    if args.pairs:
        write_pairs(db, args.pairs, args.seed)
    if args.score:
        score(db, args.score)


if __name__ == "__main__":
    main()
