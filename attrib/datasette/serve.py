"""Serve an attrib database with Datasette, read-only, with the project's metadata and templates.

The canonical metadata and templates live in the repository's ``db/``
directory, installed as the package :mod:`attrib.dbfiles` (in a wheel as in
an editable install) and found with :mod:`importlib.resources`; Datasette
finds the templates itself (see :mod:`attrib.dbfiles`).  Datasette keys metadata by
database name, which it takes from the file name (``news.db`` -> ``news``);
``db/metadata.yml`` describes a database called ``attrib``, so for any other
file name :func:`metadata_for` writes a copy with the section renamed (to
``$ATTRIB_CACHE_DIR/datasette/``) and passes that instead.

Default is ``-i`` (immutable): Datasette opens the file read-only without
locking and may cache counts, which is right for a finished database.  While
an ingest is still writing, pass ``immutable=False``: Datasette then opens the
file with ``mode=ro`` and sees new rows as they are committed.  Datasette never
writes to the database either way (no write plugins, no ``--root``), except with
``attrib serve --review`` (:func:`review_args`): then the file is served writable
and one writable canned query, ``record_review``, appends reviews for logged-in
reviewers (datasette-auth-passwords); anyone not logged in can still write nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from ..cache import default_cache_dir


def db_file(name: str) -> Path:
    """Path of ``name`` (e.g. ``metadata.yml``) in the installed :mod:`attrib.dbfiles` (the repository's ``db/``)."""
    return Path(str(files("attrib.dbfiles").joinpath(name)))


#: The project's Datasette metadata (``db/metadata.yml``).
DEFAULT_METADATA = db_file("metadata.yml")
#: The plugin pages' templates (``db/templates``); Datasette finds them without ``--template-dir``.
TEMPLATE_DIR = db_file("templates")

#: Datasette settings for fact-checking use: shorter article cells in tables,
#: a little more time for full-text queries on big databases, no facet
#: suggestions (at a million statements they cost seconds on every table page:
#: Datasette tries a facet on every column) and facets that give up quickly
#: (a facet asked for on the joined view of a big database is left out, the page
#: still answers; those on ``statements`` itself are fast).
DEFAULT_SETTINGS = {
    "truncate_cells_html": "400",
    "sql_time_limit_ms": "3000",
    "facet_time_limit_ms": "250",
    "suggest_facets": "off",
}

#: Views whose row count ``attrib serve`` works out once for an immutable file
#: (Datasette counts the view's five-table join on every unfiltered page otherwise).
COUNTED_VIEWS = ("statements_view",)
#: The view each of :data:`COUNTED_VIEWS` is counted on: the same rows without the joins (m015).
_UNJOINED = {"statements_view": "statements_view_unjoined"}


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives the database in ``db_path`` (its file name without extension)."""
    return Path(db_path).stem


def load_metadata(path: str | Path = DEFAULT_METADATA) -> dict[str, Any]:
    """Read a Datasette metadata file (YAML or JSON)."""
    text = Path(path).read_text(encoding="utf-8")
    data = json.loads(text) if str(path).endswith(".json") else yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: Datasette metadata must be a mapping")
    return data


def metadata_for(db_path: str | Path, metadata: str | Path = DEFAULT_METADATA) -> Path:
    """A metadata file whose database section matches ``db_path``'s Datasette name.

    Returns ``metadata`` itself when it already has a section of that name, or
    when it does not have exactly one database section to rename; otherwise a
    JSON copy with the section renamed, written once (content-addressed) under
    ``$ATTRIB_CACHE_DIR/datasette/``.
    """
    metadata = Path(metadata)
    name = database_name(db_path)
    data = load_metadata(metadata)
    databases = data.get("databases") or {}
    if name in databases or len(databases) != 1:
        return metadata
    (section,) = databases.values()
    data["databases"] = {name: section}
    body = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    name = f"metadata-{digest}.json"
    try:
        return _write_once(default_cache_dir() / "datasette" / name, body, digest)
    except OSError:  # $ATTRIB_CACHE_DIR is a file, or read-only: use the temporary folder
        return _write_once(Path(tempfile.gettempdir()) / "attrib-datasette" / name, body, digest)


def _write_once(out: Path, body: str, digest: str) -> Path:
    """``out`` holding ``body``, written (atomically) unless it is already there."""
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(f".{digest}.tmp")
        tmp.write_text(body, encoding="utf-8")
        tmp.replace(out)
    return out


#: Where ``attrib serve --review`` reads reviewers' password hashes: one ``name:hash`` a line
#: (hashes from ``datasette hash-password``), in this environment variable or in ``--reviewers FILE``.
REVIEWERS_ENV = "ATTRIB_REVIEWERS"
#: The environment variable that carries reviewer ``i``'s hash to Datasette (``$env`` in the plugin
#: configuration, so no hash is written to the generated metadata file).
_HASH_ENV = "ATTRIB_REVIEWER_HASH_{}"


def reviewer_accounts(text: str) -> dict[str, str]:
    """``name -> password hash`` from ``name:hash`` lines (blank lines and ``#`` comments skipped)."""
    accounts = {}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, hashed = line.partition(":")
        name, hashed = name.strip(), hashed.strip()
        if not sep or not name or not hashed.startswith("pbkdf2_sha256$") or "_password_hash" in name:
            raise ValueError(f"reviewers line {n}: expected NAME:HASH with a hash from `datasette hash-password`")
        accounts[name] = hashed
    return accounts


def review_metadata(data: dict[str, Any], database: str, accounts: dict[str, str]) -> dict[str, Any]:
    """``data`` (Datasette metadata) with the writable canned query ``record_review`` on ``database``,
    allowed to logged-in actors only, and datasette-auth-passwords configured for ``accounts``
    (their hashes read from :data:`_HASH_ENV` variables, see :func:`review_environment`)."""
    from ..db import REVIEW_FIELDS, REVIEW_INSERT_SQL, VERDICTS

    data = json.loads(json.dumps(data))
    section = data.setdefault("databases", {}).setdefault(database, {})
    section.setdefault("queries", {})["record_review"] = {
        "title": "Record a review of a statement",
        "description": (f"Verdict: one of {', '.join(VERDICTS)}. Optional: the right speaker (speaker, role, "
                        "organisation), a rating (e.g. False) with an optional numeric value between worst and "
                        "best, a note and the fact-check URL. Recorded with your login and the time; the "
                        "latest review of a statement counts, earlier ones are kept."),
        "sql": REVIEW_INSERT_SQL.strip(),
        "params": list(REVIEW_FIELDS),
        "write": True,
        "allow": {"id": "*"},
        "on_success_message": "Review recorded",
    }
    plugin = {f"{name}_password_hash": {"$env": _HASH_ENV.format(i)} for i, name in enumerate(accounts)}
    data.setdefault("plugins", {})["datasette-auth-passwords"] = plugin
    return data


def review_environment(accounts: dict[str, str]) -> dict[str, str]:
    """The environment variables :func:`review_metadata`'s configuration reads the hashes from."""
    return {_HASH_ENV.format(i): hashed for i, hashed in enumerate(accounts.values())}


def _write_cached_json(data: dict[str, Any]) -> Path:
    """``data`` as a content-addressed JSON file under ``$ATTRIB_CACHE_DIR/datasette/``."""
    body = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    out = default_cache_dir() / "datasette" / f"metadata-{digest}.json"
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(f".{digest}.{os.getpid()}.tmp")
        tmp.write_text(body, encoding="utf-8")
        tmp.replace(out)
    return out


def inspect_data(db_path: str | Path) -> dict[str, Any]:
    """What ``datasette inspect`` says about ``db_path`` (row counts of every table and of
    :data:`COUNTED_VIEWS`), for an immutable file: Datasette then shows these counts
    instead of counting on every request.  The "hash" is of the file's path, size and
    modification time, not of its bytes (hashed URLs are not used)."""
    import sqlite3

    path = Path(db_path).resolve()
    st = path.stat()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
        names += [v for v in COUNTED_VIEWS
                  if conn.execute("select 1 from sqlite_master where type = 'view' and name = ?", [v]).fetchone()]
        tables = {}
        for name in names:
            # the view has one row per statement: counted without its joins when m015 is there
            counted = _UNJOINED.get(name, name)
            if counted != name and not conn.execute(
                    "select 1 from sqlite_master where type = 'view' and name = ?", [counted]).fetchone():
                counted = name
            try:
                tables[name] = {"count": conn.execute(f"select count(*) from [{counted}]").fetchone()[0]}
            except sqlite3.DatabaseError:  # a virtual table of a module this SQLite lacks
                continue
    finally:
        conn.close()
    key = hashlib.sha256(f"{path}\0{st.st_size}\0{st.st_mtime_ns}".encode()).hexdigest()
    return {database_name(path): {"hash": key, "size": st.st_size, "file": str(path), "tables": tables}}


def inspect_file(db_path: str | Path) -> Path:
    """:func:`inspect_data` written once per version of the file (path, size, time) under
    ``$ATTRIB_CACHE_DIR/datasette/``, for ``datasette --inspect-file``."""
    path = Path(db_path).resolve()
    st = path.stat()
    digest = hashlib.sha256(f"{path}\0{st.st_size}\0{st.st_mtime_ns}".encode()).hexdigest()[:16]
    out = default_cache_dir() / "datasette" / f"inspect-{digest}.json"
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".tmp")
        tmp.write_text(json.dumps(inspect_data(path)), encoding="utf-8")
        tmp.replace(out)
    return out


def review_args(db_path: str | Path, accounts: dict[str, str], **kwargs: Any) -> list[str]:
    """:func:`datasette_args` for ``attrib serve --review``: the file served writable (not
    immutable, not read-only) and metadata with the review query and the login."""
    if not accounts:
        raise ValueError(f"--review needs at least one reviewer account (${REVIEWERS_ENV} or --reviewers FILE)")
    meta = load_metadata(metadata_for(db_path, kwargs.pop("metadata", None) or DEFAULT_METADATA))
    meta = review_metadata(meta, database_name(db_path), accounts)
    return datasette_args(db_path, immutable=False, metadata=_write_cached_json(meta), **kwargs)


def datasette_args(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    immutable: bool = True,
    metadata: str | Path | None = None,
    template_dir: str | Path | None = None,
    open_browser: bool = False,
    settings: dict[str, str] | None = None,
) -> list[str]:
    """Command-line arguments for ``datasette`` (starting with ``serve``) to browse ``db_path``.

    ``metadata`` defaults to the project's ``db/metadata.yml`` (renamed to
    the database's name by :func:`metadata_for`).  The plugin's templates need
    no ``--template-dir``; a ``template_dir`` given is passed on and overrides
    them.  ``settings`` are added to :data:`DEFAULT_SETTINGS`.  Binds to
    127.0.0.1 unless told otherwise.
    """
    meta_src = Path(metadata) if metadata is not None else DEFAULT_METADATA
    paths = [meta_src] + ([Path(template_dir)] if template_dir is not None else [])
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"{path} not found")
    meta = metadata_for(db_path, meta_src)
    args = ["serve"]
    args += ["-i", str(db_path)] if immutable else [str(db_path)]
    if immutable and Path(db_path).is_file():  # counts worked out once, not on every page
        args += ["--inspect-file", str(inspect_file(db_path))]
    args += ["--host", host, "--port", str(port), "--metadata", str(meta)]
    if template_dir is not None:
        args += ["--template-dir", str(template_dir)]
    for key, value in {**DEFAULT_SETTINGS, **(settings or {})}.items():
        args += ["--setting", key, str(value)]
    if open_browser:
        args.append("--open")
    return args


def serve(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8001,
    immutable: bool = True,
    open_browser: bool = False,
    reviewers: dict[str, str] | None = None,
) -> None:
    """Run Datasette on ``db_path`` in this process until it is stopped.

    The process *becomes* ``python -m datasette`` (``os.execv``) with
    :func:`datasette_args`, so a signal sent to ``attrib serve`` (Ctrl-C,
    ``kill``, a supervisor's stop) reaches Datasette itself and never leaves an
    orphan server behind.  Use ``immutable=False`` while an ingest is writing.
    """
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"no database at {path}")
    if reviewers is not None:  # attrib serve --review: writable, behind the reviewers' login
        args = review_args(path, reviewers, host=host, port=port, open_browser=open_browser)
        os.environ.update(review_environment(reviewers))
    else:
        args = datasette_args(path, host=host, port=port, immutable=immutable, open_browser=open_browser)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "datasette", *args])
