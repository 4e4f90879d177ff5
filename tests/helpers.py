"""Helpers for the ingest, crash, input and offset tests (not fixtures: plain functions).

The central trick is :class:`FakeModels`: a stanza "resources directory" that
:func:`attrib.nlp.resolve_models_dir` accepts (a ``resources.json`` and an
``en/`` folder) plus a parse cache (``$ATTRIB_CACHE_DIR``) primed with
:func:`fakeparse.fake_parse` parses under that directory's model identity.  An
``attrib ingest --models FAKE`` run then finds every parse in the cache and
never loads stanza, so hundreds of articles go through the real command in
seconds.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from fakeparse import fake_parse

from attrib.cache import ParseCache
from attrib.cli import cli
from attrib.inputs import Reader
from attrib.nlp import model_identity
from attrib.types import Article, ParsedArticle

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
SAMPLE_ARTICLE = SHARED / "samples" / "articles" / "putin-north-korea.txt"

#: Columns whose values are times of the run, not data.
TIME_COLUMNS = {"ingested_at", "updated_at", "parsed_at", "replaced_at"}


# ------------------------------------------------------------------ stanza models


def stanza_models_dir() -> Path | None:
    """The real stanza models, if present: ``$STANZA_RESOURCES_DIR``, ``../shared/models/stanza``
    relative to the repository root."""
    candidates = [os.environ.get("STANZA_RESOURCES_DIR"), SHARED / "models" / "stanza"]
    for c in candidates:
        if c and (Path(c) / "resources.json").is_file() and (Path(c) / "en").is_dir():
            return Path(c)
    return None


def require_stanza_models() -> Path:
    """The real models directory; skips the test when missing (fails instead when ``CI=true``)."""
    path = stanza_models_dir()
    if path is None:
        msg = "stanza models not found (../shared/models/stanza or $STANZA_RESOURCES_DIR)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg + " and CI=true")
        pytest.skip(msg)
    return path


def sample_article(name: str = "putin-north-korea.txt") -> Path:
    """A sample article from ../shared/samples/articles (skips/fails like the models)."""
    for base in (REPO_ROOT.parent / "shared" / "samples" / "articles", SAMPLE_ARTICLE.parent):
        if (base / name).is_file():
            return base / name
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"sample article {name} not found and CI=true")
    pytest.skip(f"sample article {name} not found")


# ------------------------------------------------------------------ fake models


@dataclass
class FakeModels:
    """A fake models directory and a parse cache primed with fake parses."""

    models_dir: Path
    cache_dir: Path

    @classmethod
    def create(cls, root: Path) -> FakeModels:
        models = root / "fake-models"
        (models / "en").mkdir(parents=True, exist_ok=True)
        (models / "resources.json").write_text('{"fake": true}', encoding="utf-8")
        cache = root / "cache"
        cache.mkdir(exist_ok=True)
        return cls(models, cache)

    @property
    def model(self) -> str:
        return model_identity(self.models_dir)

    def prime(self, texts: Iterable[str]) -> int:
        """Put a fake parse of every text into the cache; returns how many."""
        cache = ParseCache(self.cache_dir)
        n = 0
        for t in texts:
            cache.put(fake_parse(t, self.model))
            n += 1
        return n

    def prime_parses(self, parses: Iterable[ParsedArticle]) -> None:
        """Put given parses (e.g. hand-built with :func:`parsebuilder.build`) into the cache as
        this directory's model's parses of their texts."""
        cache = ParseCache(self.cache_dir)
        for p in parses:
            cache.put(dataclasses.replace(p, model=self.model))

    def prime_inputs(self, inputs: Sequence[str | Path], max_chars: int | None = None) -> list[Article]:
        """Prime the cache for every article :class:`Reader` makes of ``inputs``; returns them."""
        reader = Reader() if max_chars is None else Reader(max_chars=max_chars)
        arts = [r for r in reader.read(inputs) if isinstance(r, Article)]
        self.prime(a.text for a in arts)
        return arts

    def env(self) -> dict[str, str]:
        """Environment for a subprocess (or CliRunner) that must use this cache."""
        return {**os.environ, "ATTRIB_CACHE_DIR": str(self.cache_dir), "STANZA_RESOURCES_DIR": str(self.models_dir)}


# ------------------------------------------------------------------ running the command


def attrib_command() -> list[str]:
    """The installed ``attrib`` console script (falls back to ``python -c``)."""
    script = Path(sys.executable).parent / "attrib"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from attrib.cli import cli; cli()"]


def run_attrib(args: Sequence[str | Path], env: dict[str, str] | None = None, timeout: float = 120,
               ) -> subprocess.CompletedProcess[str]:
    """Run ``attrib ARGS`` to completion; text output."""
    return subprocess.run([*attrib_command(), *map(str, args)], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=REPO_ROOT)


def _default_sigint() -> None:
    """In the child: Ctrl-C as in a terminal.  A shell starts a background job with SIGINT
    ignored, and a child inherits that, so a test that interrupts ``attrib`` would fail
    whenever the suite itself runs in the background (``nohup pytest &``)."""
    signal.signal(signal.SIGINT, signal.default_int_handler)


def start_attrib(args: Sequence[str | Path], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start ``attrib ARGS`` in the background (output to pipes)."""
    return subprocess.Popen([*attrib_command(), *map(str, args)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=REPO_ROOT, preexec_fn=_default_sigint)


def cli_ingest(db: Path, inputs: Sequence[str | Path], fake: FakeModels | None, *extra: str,
               models: Path | None = None) -> Result:
    """``attrib ingest DB INPUTS --models ... -q EXTRA`` in this process (click's CliRunner),
    with the fake models and their cache unless ``fake`` is None (then ``models`` is used)."""
    models_dir = fake.models_dir if fake is not None else models
    env = {"ATTRIB_CACHE_DIR": str(fake.cache_dir)} if fake is not None else {}
    return CliRunner().invoke(cli, ["ingest", str(db), *map(str, inputs), "--models", str(models_dir), "-q", *extra],
                              env=env, catch_exceptions=False)


def skipped_lines(stderr: str) -> list[str]:
    """The ``skipped WHERE: REASON`` lines of a run's standard error."""
    return [line for line in stderr.splitlines() if line.startswith("skipped ")]


# ------------------------------------------------------------------ generated articles

FIRST = ["Kim", "Anna", "Lee", "Maria", "John", "Park", "Olga", "Ahmed", "Sofia", "Chen"]
LAST = ["Jong-un", "Schmidt", "Min-jun", "Garcia", "Smith", "Soo-min", "Ivanova", "Hassan", "Rossi", "Wei"]
ORGS = ["Foreign Ministry", "Defence Ministry", "News Agency", "Workers Party", "Security Council"]


def generated_article(k: int, paragraphs: int = 6) -> dict[str, Any]:
    """A deterministic English news-like article (JSONL record) with several attributed statements."""
    name = f"{FIRST[k % 10]} {LAST[(k // 10) % 10]}"
    other = f"{FIRST[(k + 3) % 10]} {LAST[(k + 7) % 10]}"
    org = ORGS[k % len(ORGS)]
    paras = [f"SEOUL, report number {k} -- The talks on the border dispute resumed on Monday after a long pause."]
    for p in range(paragraphs):
        paras += [
            f"“We will not accept any delay in round {p},” {name} said on Tuesday.",
            f"{other} said the proposal number {k * 10 + p} was a serious mistake and had to be withdrawn.",
            f"The {org} said in a statement that the meeting would continue for {p + 2} more days.",
            "He told reporters: “There is no other way forward for the region.”",
            "Observers said the mood in the capital was calm, and shops stayed open late into the night.",
        ]
    return {"id": f"gen-{k:04d}", "title": f"Generated story {k}", "outlet": "Test Wire",
            "published": f"2024-01-{k % 28 + 1:02d}", "text": "\n".join(paras)}


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


# ------------------------------------------------------------------ reading the database


def connect_ro(db_path: Path) -> sqlite3.Connection:
    """A read-only connection (like Datasette's) with a busy timeout."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10, isolation_level=None)
    return conn


def integrity_problems(db_path: Path) -> list[str]:
    """Everything that would make the database inconsistent; empty when it is sound.

    Checks SQLite's own integrity and foreign keys, orphan statements, parses and
    versions, and that every article's ``n_statements`` equals its statement count.
    All checks run in one read transaction, so they see one snapshot.
    """
    conn = connect_ro(db_path)
    try:
        conn.execute("begin")
        problems: list[str] = []
        ic = [r[0] for r in conn.execute("pragma integrity_check")]
        if ic != ["ok"]:
            problems.append(f"integrity_check: {ic[:5]}")
        fk = conn.execute("pragma foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk[:5]}")
        for table in ("statements", "parses", "article_versions"):
            n = conn.execute(
                f"select count(*) from {table} t where not exists (select 1 from articles a where a.id = t.article_id)"
            ).fetchone()[0]
            if n:
                problems.append(f"{n} orphan rows in {table}")
        bad = conn.execute(
            "select a.id, a.n_statements, (select count(*) from statements s where s.article_id = a.id) as n "
            "from articles a where a.n_statements is not (select count(*) from statements s where s.article_id = a.id)"
        ).fetchall()
        if bad:
            problems.append(f"n_statements differs from the statement count: {bad[:5]}")
        conn.execute("commit")
        return problems
    finally:
        conn.close()


def content_dump(db_path: Path, keep_times: bool = False, drop: Iterable[str] = ()) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the data tables, sorted, with ids of speakers/organisations replaced by names,
    a claim id by the ids of the statements that share it, and (unless ``keep_times``) time columns
    and the ``drop`` columns left out, for comparing two databases."""
    dropped = set(drop)
    conn = connect_ro(db_path)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("begin")
        out: dict[str, list[tuple[Any, ...]]] = {}
        names = {
            ("speakers", r["id"]): (r["name"], r["kind"]) for r in conn.execute("select * from speakers")
        } | {("organisations", r["id"]): r["name"] for r in conn.execute("select * from organisations")}
        if conn.execute("select 1 from sqlite_master where name = 'speaker_aliases'").fetchone():
            names |= {("speaker_aliases", r["id"]): (r["alias"], r["kind"], r["scope"])
                      for r in conn.execute("select * from speaker_aliases")}
        fk_cols = {"speaker_id": "speakers", "organisation_id": "organisations", "reported_by_id": "organisations",
                   "alias_id": "speaker_aliases"}
        if "claim_id" in {r[1] for r in conn.execute("pragma table_info(statements)")}:
            # a claim is the group of statements that carry it (its id is a counter; m013)
            groups: dict[Any, list[str]] = {}
            for sid, cid in conn.execute("select id, claim_id from statements where claim_id is not null"):
                groups.setdefault(cid, []).append(sid)
            names |= {("claims", cid): tuple(sorted(ids)) for cid, ids in groups.items()}
            fk_cols["claim_id"] = "claims"
        for table in ("articles", "statements", "parses", "article_versions"):
            rows = []
            for r in conn.execute(f"select * from {table}"):
                row = []
                for k in r.keys():
                    if (k in TIME_COLUMNS and not keep_times) or k in dropped or (
                            table == "article_versions" and k == "id"):
                        continue
                    v = r[k]
                    if k in fk_cols and v is not None:
                        v = names[(fk_cols[k], v)]
                    row.append((k, v))
                rows.append(tuple(row))
            out[table] = sorted(rows, key=repr)
        conn.execute("commit")
        return out
    finally:
        conn.close()


def sql_dump(db_path: Path) -> list[str]:
    """The whole database as SQL (``iterdump``), for checking that nothing changed at all."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def stored_ids(db_path: Path) -> list[str]:
    conn = connect_ro(db_path)
    try:
        return [r[0] for r in conn.execute("select id from articles order by id")]
    finally:
        conn.close()


def offset_problems(db_path: Path) -> list[str]:
    """Every stored statement whose text columns are not the slices of the article text at its offsets."""
    conn = connect_ro(db_path)
    conn.row_factory = sqlite3.Row
    try:
        texts = {r["id"]: r["text"] for r in conn.execute("select id, text from articles")}
        problems = []
        for s in conn.execute("select * from statements"):
            text = texts[s["article_id"]]
            spans = json.loads(s["content_spans"])
            if s["content"] != " … ".join(text[a:b] for a, b in spans):
                problems.append(f"{s['id']}: content")
            if spans and (s["start"], s["end"]) != (min(a for a, _ in spans), max(b for _, b in spans)):
                problems.append(f"{s['id']}: start/end")
            for col in ("speaker", "cue", "sentence"):
                a, b = s[f"{col}_start"], s[f"{col}_end"]
                value = s["speaker_text" if col == "speaker" else col]
                if a is None:
                    if value is not None:
                        problems.append(f"{s['id']}: {col} without offsets")
                elif not (0 <= a <= b <= len(text)) or value != text[a:b]:
                    problems.append(f"{s['id']}: {col} {a}:{b} does not slice to {value!r}")
        return problems
    finally:
        conn.close()
