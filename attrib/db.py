"""The one module that owns the database schema.

:func:`ensure_db_shape` applies the :data:`migrations` (sqlite-utils
``Migrations``: tables, foreign keys, indexes, full-text search, views) and is
safe to call on every open.  :func:`save_article` writes one article, its parse
and its statements in a single transaction; statement ids are derived from the
article id and the statement's offsets, so re-ingesting the same text keeps
every id (and every Datasette link) the same.

Every SQL statement on the schema lives here: the writers (:func:`save_article`,
:func:`replace_statements`, :func:`delete_orphans`) and the queries the
pipeline and the command line need (:func:`stored_text_sha256`,
:func:`stored_articles`, :func:`count_articles`).  The Datasette plugin's
read-only page queries are the one exception (they run on Datasette's own
connections).
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import hashlib
import itertools
import json
import logging
import os
import re
import shutil
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import sqlite_utils
from sqlite_utils.migrations import Migrations

from . import identity
from .articlemeta import headline, normalise_date
from .cache import text_sha256
from .types import Article, Attribution, ParsedArticle

log = logging.getLogger(__name__)
migrations = Migrations("attrib")


def now() -> str:
    """UTC time as ISO 8601 with seconds."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@migrations()
def m001_tables(db: sqlite_utils.Database) -> None:
    """Articles, parses, speakers, organisations, statements and article versions."""
    db["articles"].create(
        {
            "id": str,
            "title": str,
            "url": str,
            "outlet": str,
            "published": str,
            "author": str,
            "text": str,
            "text_sha256": str,
            "n_statements": int,
            "input": str,
            "ingested_at": str,
            "updated_at": str,
        },
        pk="id",
    )
    db["organisations"].create({"id": int, "name": str}, pk="id")
    db["organisations"].create_index(["name"], unique=True)
    db["speakers"].create({"id": int, "name": str, "kind": str}, pk="id")
    db["speakers"].create_index(["name", "kind"], unique=True)
    db["parses"].create(
        {
            "article_id": str,
            "model": str,
            "format_version": int,
            "text_sha256": str,
            "data": bytes,
            "parsed_at": str,
        },
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["statements"].create(
        {
            "id": str,
            "article_id": str,
            "seq": int,
            "type": str,
            "content": str,
            "content_spans": str,
            "start": int,
            "end": int,
            "cue": str,
            "cue_lemma": str,
            "cue_start": int,
            "cue_end": int,
            "speaker_id": int,
            "speaker_text": str,
            "speaker_start": int,
            "speaker_end": int,
            "speaker_kind": str,
            "role": str,
            "organisation_id": int,
            "reported_by_id": int,
            "sentence": str,
            "sentence_start": int,
            "sentence_end": int,
            "rule": str,
            "confidence": float,
        },
        pk="id",
        foreign_keys=[
            ("article_id", "articles", "id"),
            ("speaker_id", "speakers", "id"),
            ("organisation_id", "organisations", "id"),
            ("reported_by_id", "organisations", "id"),
        ],
    )
    db["article_versions"].create(
        {
            "id": int,
            "article_id": str,
            "text_sha256": str,
            "ingested_at": str,
            "replaced_at": str,
            "n_statements": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    for table, cols in [
        ("statements", ["article_id", "start"]),
        ("statements", ["speaker_id"]),
        ("statements", ["organisation_id"]),
        ("statements", ["reported_by_id"]),
        ("statements", ["speaker_kind"]),
        ("statements", ["type"]),
        ("statements", ["cue_lemma"]),
        ("article_versions", ["article_id"]),
        ("articles", ["published"]),
        ("articles", ["outlet"]),
    ]:
        db[table].create_index(cols, if_not_exists=True)


@migrations()
def m002_search(db: sqlite_utils.Database) -> None:
    """Full-text search on statement content/speaker and on article title/text."""
    db["statements"].enable_fts(["content", "speaker_text"], create_triggers=True, tokenize="porter")
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")


#: The one definition of ``statements_view``: every statement with its speaker,
#: organisation, relaying body and article joined in, and its latest review (m008):
#: a review's corrected speaker, role and organisation win over the extracted ones
#: (kept as ``extracted_*``), and its verdict and rating are columns.  The Datasette pages and
#: canned queries (``attrib/datasette/pages.py``, ``db/metadata.yml``) select
#: from it instead of repeating the join; a migration that changes the view
#: recreates it from this constant.  (On a new database the earlier view
#: migrations create it before m006 adds ``statements.kind``: SQLite resolves a
#: view's columns when it is used, and m006 recreates it.)  ``speech_then_date``
#: is the view's default sort in Datasette: speech first, then newest first.
#: ``date`` is the publication date only (never the ingest time: an article
#: without one has no date).  The columns a reader wants come first (the
#: statement, who said it, when, where); ids and offsets come last.
STATEMENTS_VIEW_BEFORE_M008 = """
select
  s.content, coalesce(r.speaker_name, sp.name) as speaker,
  case when r.speaker_name is not null then r.speaker_role else coalesce(r.speaker_role, s.role) end as role,
  case when r.speaker_name is not null then r.speaker_organisation
       else coalesce(r.speaker_organisation, o.name) end as organisation,
  a.published as date, a.outlet, a.title as article_title, rb.name as reported_by,
  s.kind, s.type, s.speaker_kind, s.cue, s.confidence, r.verdict, r.rating,
  s.id, s.article_id, a.url as article_url, a.published,
  s.cue_lemma, s.speaker_text, s.sentence, s.rule,
  s.start, s.end, s.speaker_id, s.organisation_id, s.reported_by_id,
  s.rowid as statement_rowid,
  s.seq, a.ingested_at, a.updated_at,
  sp.kind as speaker_record_kind, s.content_spans, s.cue_start, s.cue_end,
  s.speaker_start, s.speaker_end, s.sentence_start, s.sentence_end,
  (s.kind = 'speech') || ' ' || coalesce(a.published, '') as speech_then_date,
  sp.name as extracted_speaker, s.role as extracted_role, o.name as extracted_organisation,
  r.rating_value, r.best_rating, r.worst_rating, r.reviewer, r.reviewed_at, r.review_note, r.review_url,
  r.id as review_id
from statements s
join articles a on a.id = s.article_id
left join speakers sp on sp.id = s.speaker_id
left join organisations o on o.id = s.organisation_id
left join organisations rb on rb.id = s.reported_by_id
left join reviews r on r.id = (select max(r2.id) from reviews r2 where r2.statement_id = s.id)
"""


#: The statements view since m008: the date is the statement's copy of its
#: article's publication date (``statements.published``), so the default sort
#: (``speech_then_date``, :data:`SPEECH_THEN_DATE`), the date sort and the
#: speaker/organisation filters walk an index of ``statements`` instead of
#: sorting a million joined rows; the article is a left join (every statement
#: has one: a foreign key), so the planner may start from ``statements``.
STATEMENTS_VIEW_BEFORE_M013 = (
    STATEMENTS_VIEW_BEFORE_M008
    .replace("a.published as date,", "s.published as date,")
    .replace("a.url as article_url, a.published,", "a.url as article_url, s.published,")
    .replace("(s.kind = 'speech') || ' ' || coalesce(a.published, '') as speech_then_date",
             "(s.kind = 'speech') || ' ' || coalesce(s.published, '') as speech_then_date")
    .replace("\njoin articles a on", "\nleft join articles a on")
)

#: The statements view since m013 (the current one): each statement's claim (``claims.id``) too.
STATEMENTS_VIEW = STATEMENTS_VIEW_BEFORE_M013.replace(
    "s.speaker_id, s.organisation_id, s.reported_by_id,",
    "s.speaker_id, s.organisation_id, s.reported_by_id, s.claim_id,")



def _select_items(view_sql: str) -> list[tuple[str, str]]:
    """(expression, column name) of each item of a view's select list, split at top-level commas."""
    body = view_sql.split("select", 1)[1].rsplit("\nfrom statements s", 1)[0]
    items, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(body + ","):
        if ch == "'":
            quoted = not quoted
        elif not quoted and ch in "()":
            depth += 1 if ch == "(" else -1
        elif not quoted and depth == 0 and ch == ",":
            items.append(" ".join(body[start:i].split()))
            start = i + 1
    out = []
    for item in items:
        expr, _, alias = item.rpartition(" as ")
        out.append((expr, alias) if expr and re.fullmatch(r"\w+", alias) else (item, item.rsplit(".", 1)[-1]))
    return out


def unjoined_view(view_sql: str) -> str:
    """The columns of ``view_sql`` (a statements view) that it computes from the statement alone,
    each with the view's own expression, selected from ``statements`` without any join."""
    own = [f"{expr} as {name}" for expr, name in _select_items(view_sql)
           if set(re.findall(r"\b([a-z]\w*)\.\w", expr)) <= {"s"}]
    return "select\n  " + ",\n  ".join(own) + "\nfrom statements s\n"


#: ``statements_view_unjoined`` (m015): the columns of :data:`STATEMENTS_VIEW` that come from the
#: statement alone, with the same expressions, and no join: one row per statement, as in the view.
#: A count of the view whose every filter is one of these columns is the same count of this view,
#: without joining every matching statement to its article, speaker, organisations and review
#: (SQLite 3.40 keeps a view's unused left joins under ``count(*)``; see
#: :mod:`attrib.datasette.counts`).  A migration that recreates the statements view recreates
#: this one from the same constant.
STATEMENTS_VIEW_UNJOINED = unjoined_view(STATEMENTS_VIEW)


@migrations()
def m003_views(db: sqlite_utils.Database) -> None:
    """A statements view with speaker, organisation, relay and article joined in."""
    db.create_view("statements_view", STATEMENTS_VIEW_BEFORE_M008, replace=True)


@migrations()
def m004_searchable_view(db: sqlite_utils.Database) -> None:
    """The view carries the statement's rowid so Datasette can search it through
    statements_fts (databases made before this column existed get it here)."""
    db.create_view("statements_view", STATEMENTS_VIEW_BEFORE_M008, replace=True)


@migrations()
def m005_complete_view(db: sqlite_utils.Database) -> None:
    """The view carries every column the Datasette pages and canned queries need
    (sequence, date, ingest times, speaker record kind, all offsets), so none of
    them repeats the five-table join."""
    db.create_view("statements_view", STATEMENTS_VIEW_BEFORE_M008, replace=True)


@migrations()
def m006_statement_kind(db: sqlite_utils.Database) -> None:
    """Every statement has a kind (speech, belief, intention, evidence; see
    :data:`attrib.types.STATEMENT_KINDS`), indexed; statements stored before
    kinds existed were all speech.  The view carries the kind and a sort key
    that puts speech first."""
    db.execute("drop view if exists statements_view")  # no view refers to the table while it changes
    db["statements"].add_column("kind", str, not_null_default="speech")
    db["statements"].create_index(["kind"], if_not_exists=True)
    db.create_view("statements_view", STATEMENTS_VIEW_BEFORE_M008, replace=True)


#: Columns of ``statements_fts`` (m007): what a search finds a statement by.
SEARCH_COLUMNS = ("content", "speaker", "speaker_text", "role", "organisation", "reported_by", "article_title")

#: The ``statements_fts`` row of the statements that ``{where}`` selects (alias ``s``).
_SEARCH_ROWS = """
insert into statements_fts (rowid, content, speaker, speaker_text, role, organisation, reported_by, article_title)
select s.rowid, s.content, sp.name, s.speaker_text, s.role, o.name, rb.name, a.title
from statements s
join articles a on a.id = s.article_id
left join speakers sp on sp.id = s.speaker_id
left join organisations o on o.id = s.organisation_id
left join organisations rb on rb.id = s.reported_by_id
where {where};
"""

#: Triggers that keep ``statements_fts`` in step with the statements and with
#: the names (speaker, organisation, article title) it copies.
_SEARCH_TRIGGERS = {
    "statements_search_ai": ("after insert on statements",
                             _SEARCH_ROWS.format(where="s.rowid = new.rowid")),
    "statements_search_ad": ("after delete on statements",
                             "delete from statements_fts where rowid = old.rowid;"),
    "statements_search_au": ("after update on statements",
                             "delete from statements_fts where rowid = old.rowid;"
                             + _SEARCH_ROWS.format(where="s.rowid = new.rowid")),
    "articles_search_au": ("after update of title on articles",
                           "delete from statements_fts where rowid in "
                           "(select rowid from statements where article_id = new.id);"
                           + _SEARCH_ROWS.format(where="s.article_id = new.id")),
    "speakers_search_au": ("after update of name on speakers",
                           "delete from statements_fts where rowid in "
                           "(select rowid from statements where speaker_id = new.id);"
                           + _SEARCH_ROWS.format(where="s.speaker_id = new.id")),
    "organisations_search_au": ("after update of name on organisations",
                                "delete from statements_fts where rowid in (select rowid from statements "
                                "where organisation_id = new.id or reported_by_id = new.id);"
                                + _SEARCH_ROWS.format(where="s.organisation_id = new.id or s.reported_by_id = new.id")),
}


@migrations()
def m007_search_names_and_real_dates(db: sqlite_utils.Database) -> None:
    """Search finds a statement by who said it: ``statements_fts`` indexes the
    resolved speaker name, role, organisation, relaying body and article title
    beside the content and the mention ("he"), kept current by triggers.
    Publication dates are ISO 8601 (unreadable ones dropped: never replaced by the
    ingest time), an article without a title gets its headline (first line), and
    the view's ``date`` is the publication date only."""
    for art_id, title, published, text in db.execute(
        "select id, title, published, text from articles"
    ).fetchall():
        new_title = title if (title or "").strip() else headline(text)
        new_published = normalise_date(published)
        if (new_title, new_published) != (title, published):
            db.execute("update articles set title = ?, published = ? where id = ?", [new_title, new_published, art_id])
    db.execute("drop view if exists statements_view")
    # sqlite-utils' triggers of m002 and any of this migration's, then the old index
    for name in ("statements_ai", "statements_ad", "statements_au", *_SEARCH_TRIGGERS):
        db.execute(f"drop trigger if exists [{name}]")
    db.execute("drop table if exists statements_fts")
    db.execute(f"create virtual table statements_fts using fts5({', '.join(SEARCH_COLUMNS)}, tokenize='porter')")
    for name, (when, body) in _SEARCH_TRIGGERS.items():
        db.execute(f"create trigger [{name}] {when} begin {body} end")
    db.execute(_SEARCH_ROWS.format(where="1"))
    db.create_view("statements_view", STATEMENTS_VIEW_BEFORE_M008, replace=True)


#: The index expression of the view's default sort (must match the view's ``speech_then_date`` word for word).
SPEECH_THEN_DATE = "(kind = 'speech') || ' ' || coalesce(published, '')"


@migrations()
def m008_source_path(db: sqlite_utils.Database) -> None:
    """Articles read from a file (whose id is the file name) record the file's absolute path,
    so that another folder's file of the same name is a conflict, not a correction."""
    db["articles"].add_column("source_path", str)


class NotAttribDatabase(Exception):
    """An existing file that is not empty and not a database attrib made; it is left as it was."""


class FatalDatabaseError(Exception):
    """The database cannot be written at all (read-only, disk full, I/O error): the run stops."""


class IdConflict(Exception):
    """An article's id is already stored for another file with another text."""


#: Refuse to start a write when less than this is free next to the database.
MIN_FREE_BYTES = 20 * 1024 * 1024

#: Tables whose presence in a file means "someone else's database"; attrib's own are listed in
#: ``_sqlite_migrations`` under the migration set "attrib".
_SQLITE_OWN = ("sqlite_", "_sqlite_migrations")


def _tables_of(path: str) -> list[str] | None:
    """The table names of an existing database file (read-only), ``None`` for a new or empty file.

    Raises :class:`NotAttribDatabase` when the file is not an SQLite database.
    """
    if path == ":memory:" or not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    side = [Path(path + suffix) for suffix in ("-wal", "-shm")]
    existed = [p.exists() for p in side]
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")]
    except sqlite3.DatabaseError as e:
        raise NotAttribDatabase(f"not an SQLite database ({e}); the file was left unchanged") from None
    finally:
        conn.close()
        for p, was_there in zip(side, existed, strict=True):
            if not was_there:
                p.unlink(missing_ok=True)  # a read-only open of a WAL file leaves these behind


def check_own_database(path: str) -> None:
    """Raise :class:`NotAttribDatabase` unless ``path`` is new, empty, or a database attrib made.

    Reads only: the file (and any ``-wal``/``-shm``) is left byte for byte as it was.
    """
    tables = _tables_of(path)
    if not tables:
        return
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        own = "_sqlite_migrations" in tables and conn.execute(
            "select count(*) from _sqlite_migrations where migration_set = 'attrib'").fetchone()[0] > 0
    except sqlite3.DatabaseError:
        own = False
    finally:
        conn.close()
    if not own:
        foreign = [t for t in tables if not t.startswith(_SQLITE_OWN)]
        shown = ", ".join(foreign[:8]) + (", ..." if len(foreign) > 8 else "")
        raise NotAttribDatabase(
            f"another application's SQLite database, not one attrib made (it has the tables {shown}); "
            "the file was left unchanged. Give attrib a new file name.")


def fatal_reason(exc: BaseException) -> str | None:
    """A message for an SQLite error that no article can get past (read-only, full, I/O), else ``None``."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    msg = str(exc).lower()
    if "readonly" in msg or "read-only" in msg:
        return "the database is read-only (check the file's and its folder's permissions)"
    if "full" in msg:
        return "the disk is full (free some space, then run the command again)"
    if "disk i/o" in msg or "unable to open" in msg:
        return f"the database cannot be written ({exc})"
    return None


def check_writable(db: sqlite_utils.Database, path: str) -> None:
    """Raise :class:`FatalDatabaseError` when ``db`` cannot take a write or its disk is (nearly) full."""
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        try:  # a write that is rolled back: a read-only file or folder fails here, not at the first article
            db.conn.execute("CREATE TABLE _attrib_write_check (x)")
        finally:
            db.conn.execute("ROLLBACK")
    except sqlite3.DatabaseError as e:
        if is_locked_error(e):
            return  # another writer: each article waits its turn (see write_transaction)
        raise FatalDatabaseError(fatal_reason(e) or str(e)) from None
    if path != ":memory:":
        free = shutil.disk_usage(Path(path).resolve().parent).free
        if free < MIN_FREE_BYTES:
            raise FatalDatabaseError(
                f"only {free // 1024:,} KiB free next to {path} (at least {MIN_FREE_BYTES // 2**20} MiB needed); "
                "free some space, then run the command again")


def checkpoint(db: sqlite_utils.Database) -> None:
    """Copy every committed transaction from the ``-wal`` file into the database file and empty it,
    so the ``.db`` file alone holds everything (a copy of it, or an immutable reader, sees it all)."""
    with contextlib.suppress(sqlite3.DatabaseError):
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def fold_wal(path: str) -> str | None:
    """Fold a leftover ``-wal`` file of ``path`` into the database (after a crash or kill).

    Returns ``None`` when there is nothing left in a ``-wal`` file, else why it could not be folded in.
    """
    wal = Path(path + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(path, timeout=2)
        try:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        return f"its -wal file could not be folded in ({e})"
    if busy:
        return "another process is writing to it"
    return None if not wal.exists() or wal.stat().st_size == 0 else "its -wal file could not be emptied"


#: Verdicts a review can give (``reviews.verdict``); ``confirmed`` is the only one that accepts the attribution.
VERDICTS = ("confirmed", "wrong_speaker", "wrong_span", "not_a_statement")


@migrations()
def m009_reviews(db: sqlite_utils.Database) -> None:
    """Fact-checkers' reviews, append-only: one row per review (the latest one of a
    statement is what counts; the older ones are the audit trail), never updated or
    deleted (triggers refuse it).  No foreign key to ``statements``: a review outlives a
    statement that a rule change removed (it is listed as orphaned), and it carries a
    copy of the content it reviewed.  The statements view shows the latest review."""
    verdicts = ", ".join(f"'{v}'" for v in VERDICTS)
    db.execute("drop view if exists statements_view")
    db.execute(f"""
        create table if not exists reviews (
          id integer primary key,
          statement_id text not null,
          reviewer text not null check (trim(reviewer) != ''),
          reviewed_at text not null,
          verdict text not null check (verdict in ({verdicts})),
          speaker_name text, speaker_role text, speaker_organisation text,
          rating text, rating_value real, best_rating real, worst_rating real,
          review_note text, review_url text,
          statement_content text, article_id text
        )""")
    db.execute("create index if not exists reviews_statement on reviews (statement_id, id)")
    for op in ("update", "delete"):
        db.execute(f"create trigger if not exists reviews_no_{op} before {op} on reviews "
                   "begin select raise(abort, 'reviews are append-only: record a new review instead'); end")
    db.create_view("latest_reviews", LATEST_REVIEWS_VIEW, replace=True)
    db.create_view("statements_view", STATEMENTS_VIEW_BEFORE_M013, replace=True)



@migrations()
def m010_indexes_for_the_view(db: sqlite_utils.Database) -> None:
    """Fast at a million statements: every statement carries its article's publication
    date (``statements.published``, kept equal by a trigger), and indexes let the planner
    walk the view's default sort, the date sort and the speaker, organisation and relay
    filters in order (composite indexes replace the single-column ones)."""
    db.execute("drop view if exists statements_view")
    db["statements"].add_column("published", str)
    db.execute("update statements set published = "
               "(select a.published from articles a where a.id = statements.article_id)")
    for col in ("speaker_id", "organisation_id", "reported_by_id"):
        db.execute(f"drop index if exists idx_statements_{col}")
        db.execute(f"create index if not exists idx_statements_{col}_published on statements({col}, published)")
    db.execute("create index if not exists idx_statements_published on statements(published)")
    db.execute(f"create index if not exists idx_statements_speech_then_date on statements(({SPEECH_THEN_DATE}))")
    # the view's columns that its joins need ride along, so counting a speaker's statements
    # through the view (Datasette does on every filtered page) reads the index only
    db.execute(f"create index if not exists idx_statements_speaker_id_speech_then_date "
               f"on statements(speaker_id, ({SPEECH_THEN_DATE}), article_id, organisation_id, reported_by_id)")
    db.execute("create trigger if not exists [articles_published_au] after update of published on articles "
               "begin update statements set published = new.published where article_id = new.id; end")
    db.create_view("statements_view", STATEMENTS_VIEW_BEFORE_M013, replace=True)


#: What :func:`m011_review_checks` refuses to record, with the message the reviewer sees
#: (Datasette's ``record_review`` shows it instead of the success message).
REVIEW_INSERT_CHECKS = {
    "reviews_known_statement": ("not exists (select 1 from statements s where s.id = new.statement_id)",
                                "nothing recorded: no statement has this statement_id"),
    "reviews_numeric_rating": ("typeof(new.rating_value) = 'text' or typeof(new.best_rating) = 'text' "
                               "or typeof(new.worst_rating) = 'text'",
                               "nothing recorded: rating_value, best_rating and worst_rating must be numbers"),
}


@migrations()
def m011_review_checks(db: sqlite_utils.Database) -> None:
    """A review is only recorded for a statement that exists when it is recorded (it may
    outlive it later, as an orphan), and its numeric ratings are numbers: a value the
    ``real`` columns' affinity cannot turn into one (``"abc"``, ``"1,5"``) stays text and
    is refused, never stored as 0 or as text.  Triggers, so every writer is held to it:
    ``attrib review``, and Datasette's ``record_review`` query, which has no other way to
    tell the reviewer (it shows the trigger's message as the error)."""
    for name, (when, message) in REVIEW_INSERT_CHECKS.items():
        db.execute(f"create trigger if not exists {name} before insert on reviews when {when} "
                   f"begin select raise(abort, '{message}'); end")


@migrations()
def m012_identity_across_articles(db: sqlite_utils.Database) -> None:
    """One person, one row across articles (:mod:`attrib.identity`).  A statement names
    its speaker as the article did (``speaker_aliases``: alias, kind, scope, block) and
    points at the person that alias belongs to (``statements.speaker_id``, kept equal to
    its alias's speaker by :func:`relink_blocks`); hand decisions are ``speaker_pins``.
    Organisations are one row per :func:`attrib.identity.org_key` (``organisations.key``)
    with every name seen in ``organisation_aliases``.  Existing speakers become aliases and
    are linked; organisations of the same key are merged."""
    db.execute("drop view if exists statements_view")
    db.execute("drop index if exists idx_speakers_name_kind")
    db["speakers"].add_column("wikidata", str)
    db.execute("create index if not exists idx_speakers_name on speakers(name)")
    db.execute("""create table if not exists speaker_aliases (
        id integer primary key, alias text not null, kind text not null, scope text not null,
        block text not null, speaker_id integer references speakers(id), n_articles integer not null default 0,
        context text, unique (alias, kind, scope))""")
    db.execute("create index if not exists idx_speaker_aliases_block on speaker_aliases(block)")
    db.execute("create index if not exists idx_speaker_aliases_speaker on speaker_aliases(speaker_id)")
    db.execute("""create table if not exists speaker_pins (
        id integer primary key, alias text not null, alias_folded text not null, canonical text not null,
        wikidata text, source text not null, decided_at text not null)""")
    db.execute("create index if not exists idx_speaker_pins_alias on speaker_pins(alias_folded, id)")
    db.execute("create table if not exists speaker_redirects (old_id integer primary key, speaker_id integer)")
    # plain ALTER TABLE: sqlite-utils' add_column(fk=...) rebuilds the table, dropping its search triggers
    db.execute("alter table statements add column alias_id integer references speaker_aliases(id)")
    db.execute("create index if not exists idx_statements_alias_article on statements(alias_id, article_id)")
    db.execute("create index if not exists idx_statements_alias_role on statements(alias_id, role)")
    db.execute("create index if not exists idx_statements_speaker_roles "
               "on statements(speaker_id, role, organisation_id, published)")
    db["organisations"].add_column("key", str)
    db.execute("""create table if not exists organisation_aliases (
        id integer primary key, alias text not null unique, organisation_id integer references organisations(id))""")
    _aliases_from_speakers(db)
    _merge_organisations_by_key(db)
    db.execute("create index if not exists idx_organisations_key on organisations(key)")
    relink_blocks(db, [r[0] for r in db.execute("select distinct block from speaker_aliases")])
    db.create_view("speaker_alias_counts", SPEAKER_ALIAS_COUNTS_VIEW, replace=True)
    db.create_view("speaker_roles", SPEAKER_ROLES_VIEW_BEFORE_M016, replace=True)
    db.create_view("statements_view", STATEMENTS_VIEW, replace=True)


def _aliases_from_speakers(db: sqlite_utils.Database) -> None:
    """m012: every (speaker, article) of the stored statements becomes an alias."""
    pairs = db.execute("select distinct s.speaker_id, s.article_id, sp.name, sp.kind from statements s "
                       "join speakers sp on sp.id = s.speaker_id").fetchall()
    for speaker_id, article_id, name, kind in pairs:
        alias_id = _alias(db, name, kind, article_id, speaker_id)[0]
        db.execute("update statements set alias_id = ? where speaker_id = ? and article_id = ?",
                   [alias_id, speaker_id, article_id])
    db.execute("update speaker_aliases set n_articles = (select count(distinct article_id) from statements s "
               "where s.alias_id = speaker_aliases.id)")


def _merge_organisations_by_key(db: sqlite_utils.Database) -> None:
    """m012: organisations of one key become one (the oldest row), every name an alias."""
    survivors: dict[str, int] = {}
    for org_id, name in db.execute("select id, name from organisations order by id").fetchall():
        key = identity.org_key(name)
        keep = survivors.setdefault(key, org_id)
        db.execute("insert or ignore into organisation_aliases (alias, organisation_id) values (?, ?)", [name, keep])
        if keep == org_id:
            db.execute("update organisations set key = ? where id = ?", [key, org_id])
            continue
        for col in ("organisation_id", "reported_by_id"):
            db.execute(f"update statements set {col} = ? where {col} = ?", [keep, org_id])
        db.execute("delete from organisations where id = ?", [org_id])


#: Every name a speaker was given, in how many articles (the speaker page's "also named").
SPEAKER_ALIAS_COUNTS_VIEW = """
select speaker_id, alias, sum(n_articles) as n_articles, count(*) as n_alias_rows
from speaker_aliases group by speaker_id, alias
"""

#: A speaker's roles and organisations over time (m012 until m016): each (role, organisation) with
#: its first and last publication date, grouped first (over ``idx_statements_speaker_roles``, which
#: covers it: 80 ms for a speaker of 85,000 statements) and the organisation's name joined after.
SPEAKER_ROLES_VIEW_BEFORE_M016 = """
select g.speaker_id, g.role, o.name as organisation, g.organisation_id, g.first_published, g.last_published,
  g.n_statements
from (select speaker_id, role, organisation_id, min(published) as first_published,
        max(published) as last_published, count(*) as n_statements
      from statements where speaker_id is not null and (role is not null or organisation_id is not null)
      group by speaker_id, role, organisation_id) g
left join organisations o on o.id = g.organisation_id
"""


#: The latest review of every reviewed statement, with ``orphaned`` = 1 when the
#: statement no longer exists and ``n_reviews`` its number of reviews.
LATEST_REVIEWS_VIEW = """
select r.*, (select count(*) from reviews r3 where r3.statement_id = r.statement_id) as n_reviews,
  not exists (select 1 from statements s where s.id = r.statement_id) as orphaned
from reviews r
where r.id = (select max(r2.id) from reviews r2 where r2.statement_id = r.statement_id)
"""

#: Records one review of a statement.  The same statement is Datasette's writable canned
#: query in ``attrib serve --review``, where ``:_actor_id`` and ``:_now_datetime_utc`` are the
#: logged-in actor and the time; :func:`insert_review` passes the reviewer and time itself.
#: Blank values are NULL.  It always tries one row, so that an unknown statement id or a
#: numeric rating that is not a number fails with :data:`REVIEW_INSERT_CHECKS`' message (the
#: ``real`` columns' affinity turns numeric text into numbers; no ``cast``, which makes 0 of "abc").
REVIEW_INSERT_SQL = """
insert into reviews (statement_id, reviewer, reviewed_at, verdict, speaker_name, speaker_role,
  speaker_organisation, rating, rating_value, best_rating, worst_rating, review_note, review_url,
  statement_content, article_id)
select p.id, :_actor_id, strftime('%Y-%m-%dT%H:%M:%SZ', :_now_datetime_utc), lower(trim(:verdict)),
  nullif(trim(:speaker), ''), nullif(trim(:role), ''), nullif(trim(:organisation), ''),
  nullif(trim(:rating), ''), nullif(trim(:rating_value), ''),
  nullif(trim(:best_rating), ''), nullif(trim(:worst_rating), ''),
  nullif(trim(:note), ''), nullif(trim(:url), ''), s.content, s.article_id
from (select trim(:statement_id) as id) p left join statements s on s.id = p.id
"""

#: The parameters of :data:`REVIEW_INSERT_SQL` a reviewer fills in.
REVIEW_FIELDS = ("statement_id", "verdict", "speaker", "role", "organisation", "rating", "rating_value",
                 "best_rating", "worst_rating", "note", "url")


def insert_review(
    db: sqlite_utils.Database, reviewer: str, fields: dict[str, Any], at: str | None = None
) -> int | None:
    """Append a review (``fields``: :data:`REVIEW_FIELDS`, missing ones blank); returns its id,
    or ``None`` when the statement does not exist.  Raises ``sqlite3.IntegrityError`` on an
    unknown verdict, an empty reviewer or a numeric rating that is not a number."""
    params = {k: "" if fields.get(k) is None else str(fields[k]) for k in REVIEW_FIELDS}
    params |= {"_actor_id": reviewer, "_now_datetime_utc": at or now()}
    with write_transaction(db):
        if not db.execute("select 1 from statements where id = trim(?)", [params["statement_id"]]).fetchone():
            return None
        cur = db.execute(REVIEW_INSERT_SQL, params)
        return cur.lastrowid


def review_rows(db: sqlite_utils.Database, statement_id: str | None = None) -> list[dict[str, Any]]:
    """Every review (oldest first), or those of one statement, with ``latest`` and ``orphaned`` flags."""
    sql = ("select r.*, r.id = (select max(r2.id) from reviews r2 where r2.statement_id = r.statement_id) as latest, "
           "not exists (select 1 from statements s where s.id = r.statement_id) as orphaned from reviews r")
    args: list[Any] = []
    if statement_id is not None:
        sql += " where r.statement_id = ?"
        args.append(statement_id)
    cur = db.execute(sql + " order by r.id", args)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def rated_statements(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """The statements whose latest review gives a textual rating, from the statements view
    (effective speaker, article date and URL), oldest review first."""
    cur = db.execute("select * from statements_view where review_id is not null and rating is not null "
                     "order by review_id")
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def reviewed_confidences(db: sqlite_utils.Database) -> list[tuple[float, str]]:
    """(confidence, latest verdict) of every reviewed statement that still exists."""
    return db.execute("select confidence, verdict from statements_view "
                      "where review_id is not null and confidence is not null").fetchall()


def open_db(path: str, *, wal: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) a database at ``path`` in the current shape.

    An existing file that is neither empty nor attrib's own is refused
    (:class:`NotAttribDatabase`) before anything is written to it.
    """
    check_own_database(path)
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA foreign_keys = ON")
    db.conn.execute("PRAGMA busy_timeout = 10000")
    if wal and path != ":memory:":
        db.enable_wal()
    ensure_db_shape(db)
    return db


def pending_migrations(path: str) -> list[str]:
    """Names of the migrations an attrib database at ``path`` still lacks; read-only (for
    ``attrib serve``, which opens the file read-only).  Empty for a file without a
    ``statements`` table: that is not a database attrib made."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        db = sqlite_utils.Database(conn)
        if not db["statements"].exists():
            return []
        return [m.name for m in migrations.pending(db)]
    finally:
        conn.close()


def ensure_db_shape(db: sqlite_utils.Database) -> None:
    """Apply pending migrations; idempotent."""
    migrations.apply(db)


def statement_id(article_id: str, a: Attribution) -> str:
    """A stable id from the article id and the statement's offsets."""
    key = json.dumps([article_id, [list(s) for s in a.content_spans], list(a.source or ())])
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def encode_parse(p: ParsedArticle) -> bytes:
    """Compressed JSON of a parse, for the ``parses`` table."""
    return zlib.compress(p.to_json().encode("utf-8"), 6)


def decode_parse(data: bytes, text: str) -> ParsedArticle:
    """Inverse of :func:`encode_parse`; raises ``ValueError`` on a stale format or damaged data.

    Read with orjson: the same lists, numbers and strings as :func:`json.loads` (a parse holds no
    floats), in well under half the time -- ``attrib reextract`` decodes every stored parse."""
    try:
        return ParsedArticle.from_dict(orjson.loads(zlib.decompress(data)), text)
    except (zlib.error, KeyError, IndexError, TypeError) as e:
        raise ValueError(f"damaged parse data: {e!r}") from None


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction that takes the write lock up front (``BEGIN IMMEDIATE``).

    sqlite-utils' ``atomic()`` starts a deferred transaction; one that reads
    first and then writes cannot wait for another writer in WAL mode (SQLite
    answers "database is locked" at once, ignoring ``busy_timeout``).  Taking the
    lock at the start makes a second ``attrib ingest`` into the same database
    wait its turn instead.  Inside an open transaction this is a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


@dataclass(frozen=True)
class SaveResult:
    """What :func:`save_article` did: "new", "unchanged" or "updated"."""

    status: str
    n_statements: int


def _sentence_of(parse: ParsedArticle | None, start: int, end: int,
                 bounds: tuple[list[int], list[int]] | None = None) -> tuple[int, int]:
    """The character range of the sentences that ``[start, end)`` touches.

    ``bounds`` (:func:`_sentence_bounds`) finds them by bisection instead of a scan."""
    if parse is None or not parse.sentences:
        return start, end
    if bounds is not None:
        starts, ends = bounds
        first, last = bisect.bisect_right(ends, start), bisect.bisect_left(starts, end) - 1
        touched = [parse.sentences[first], parse.sentences[last]] if first <= last else []
    else:
        touched = [s for s in parse.sentences if s.start < end and start < s.end]
    if not touched:
        return start, end
    return min(touched[0].start, start), max(touched[-1].end, end)


def _sentence_bounds(parse: ParsedArticle | None) -> tuple[list[int], list[int]] | None:
    """The starts and ends of the sentences of ``parse``, when both are in order (they are,
    in every parse; else ``None``, and :func:`_sentence_of` scans)."""
    if parse is None:
        return None
    starts, ends = [s.start for s in parse.sentences], [s.end for s in parse.sentences]
    ordered = all(a <= b for a, b in itertools.pairwise(starts)) and all(a <= b for a, b in itertools.pairwise(ends))
    return (starts, ends) if ordered else None


def spans_fit(a: Attribution, n: int) -> bool:
    """True when every span of ``a`` is a non-empty slice of a text of length ``n``."""
    spans = [*a.content_spans, *(x for x in (a.cue, a.source) if x is not None)]
    return bool(a.content_spans) and all(0 <= s < e <= n for s, e in spans)


def _upsert_statements(db: sqlite_utils.Database, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``statements``; a row whose id is stored is updated in place (same rowid,
    the update trigger re-indexes it), as sqlite-utils' ``upsert_all`` does, in one statement each."""
    cols = list(rows[0])
    names = ", ".join(f"[{c}]" for c in cols)
    sets = ", ".join(f"[{c}] = excluded.[{c}]" for c in cols if c != "id")
    with write_transaction(db):
        db.conn.executemany(
            f"insert into statements ({names}) values ({', '.join('?' * len(cols))}) "
            f"on conflict(id) do update set {sets}",
            [[r[c] for c in cols] for r in rows])


def statement_rows(
    db: sqlite_utils.Database, article: Article, attributions: Iterable[Attribution], parse: ParsedArticle | None,
    new_blocks: set[str] | None = None, known: dict[tuple, Any] | None = None,
) -> list[dict[str, Any]]:
    """Rows for the ``statements`` table (looks up/creates speaker aliases and organisations;
    the blocks of new aliases go to ``new_blocks``, for :func:`link_article_speakers`; ``known``
    remembers the organisation and alias ids found in one transaction: see :func:`replace_statements`)."""
    text = article.text
    rows = []
    seen: set[str] = set()
    fitting = []
    for a in attributions:
        if spans_fit(a, len(text)):
            fitting.append(a)
        else:
            log.warning("not storing a statement of %s with spans outside the text or empty: %s, cue %s, "
                        "source %s (%s)", article.id, a.content_spans, a.cue, a.source, a.rule)
    people = [e.text for e in parse.entities if e.label == "PER"] if parse is not None else []
    people += [a.source_name for a in fitting if a.source_name]
    bounds = _sentence_bounds(parse)
    published = normalise_date(article.published)
    for seq, a in enumerate(sorted(fitting, key=lambda a: (a.start, a.end))):
        sid = statement_id(article.id, a)
        if sid in seen:
            continue
        seen.add(sid)
        speaker_id = alias_id = None
        if a.source_name:
            alias_id, speaker_id = _alias(db, a.source_name, a.speaker_kind, article.id, new_blocks=new_blocks,
                                          people=people, known=known)
        org_id = _organisation(db, a.organisation, known) if a.organisation else None
        rb_id = _organisation(db, a.reported_by, known) if a.reported_by else None
        s0, s1 = _sentence_of(parse, a.start, a.end, bounds)
        if a.source:
            s0, s1 = min(s0, a.source[0]), max(s1, a.source[1])
        rows.append(
            {
                "id": sid,
                "article_id": article.id,
                "published": published,  # the article's date, for the view's indexes
                "seq": seq,
                "kind": a.kind,
                "type": a.type,
                "content": a.content_text(text),
                "content_spans": json.dumps([list(s) for s in a.content_spans]),
                "start": a.start,
                "end": a.end,
                "cue": text[a.cue[0] : a.cue[1]] if a.cue else None,
                "cue_lemma": a.cue_lemma,
                "cue_start": a.cue[0] if a.cue else None,
                "cue_end": a.cue[1] if a.cue else None,
                "speaker_id": speaker_id,
                "alias_id": alias_id,
                "speaker_text": text[a.source[0] : a.source[1]] if a.source else None,
                "speaker_start": a.source[0] if a.source else None,
                "speaker_end": a.source[1] if a.source else None,
                "speaker_kind": a.speaker_kind,
                "role": a.role,
                "organisation_id": org_id,
                "reported_by_id": rb_id,
                "sentence": text[s0:s1],
                "sentence_start": s0,
                "sentence_end": s1,
                "rule": a.rule,
                "confidence": round(a.confidence, 3),
            }
        )
    return rows


def save_article(
    db: sqlite_utils.Database,
    article: Article,
    attributions: Iterable[Attribution],
    parse: ParsedArticle | None = None,
) -> SaveResult:
    """Store one article with its statements (and parse) in one transaction.

    - same id and same text: nothing is written ("unchanged");
    - same id, new text (a corrected story): the old text's hash, the time it
      was stored and its statement count go to ``article_versions``, and the
      statements and parse are replaced ("updated");
    - otherwise the article is inserted ("new").
    """
    sha = text_sha256(article.text)
    atts = list(attributions)
    with write_transaction(db):
        existing = db.execute(
            "select text_sha256, ingested_at, n_statements, updated_at, source_path from articles where id = ?",
            [article.id],
        ).fetchone()
        if existing and existing[0] == sha:
            return SaveResult("unchanged", existing[2] or 0)
        if existing:
            check_same_source(article, existing[4])
        stamp = now()
        if existing:
            db["article_versions"].insert(
                {
                    "article_id": article.id,
                    "text_sha256": existing[0],
                    # when the replaced text was stored: the last update, or the first ingest
                    "ingested_at": existing[3] or existing[1],
                    "replaced_at": stamp,
                    "n_statements": existing[2],
                }
            )
            old_aliases = _article_aliases(db, article.id)
            db["statements"].delete_where("article_id = ?", [article.id])
            db["parses"].delete_where("article_id = ?", [article.id])
        new_blocks: set[str] = set()
        rows = statement_rows(db, article, atts, parse, new_blocks)
        db["articles"].upsert(
            {
                "id": article.id,
                "title": article.title if (article.title or "").strip() else headline(article.text),
                "url": article.url,
                "outlet": article.outlet,
                "published": normalise_date(article.published),
                "author": article.author,
                "text": article.text,
                "text_sha256": sha,
                "n_statements": len(rows),
                "input": article.source,
                "source_path": article.source_path,
                "ingested_at": existing[1] if existing else stamp,
                "updated_at": stamp,
            },
            pk="id",
        )
        if parse is not None:
            save_parse(db, article.id, parse)
        if rows:
            db["statements"].insert_all(rows, pk="id")
        if existing:
            new_blocks |= delete_orphans(db)
        link_article_speakers(db, article.id, new_blocks, new_article=not existing)
        if existing:  # the aliases the old text used and the new one does not: one article fewer
            _recount_aliases(db, old_aliases - _article_aliases(db, article.id))
        return SaveResult("updated" if existing else "new", len(rows))


def check_same_source(article: Article, stored_path: str | None) -> None:
    """Raise :class:`IdConflict` when ``article`` (new text) comes from another file than the
    stored article of its id: two files of the same name in different folders are two
    articles, not a correction.  Records without a file path (JSONL, standard input) carry
    their own ids and are never a conflict."""
    if stored_path and article.source_path and stored_path != article.source_path:
        raise IdConflict(
            f"id {article.id!r} is already stored for another file with other text ({stored_path}; "
            f"this one is {article.source_path}); rename one of the files, or give the articles "
            "their own ids in a JSONL file")


def stored_source(db: sqlite_utils.Database, article_id: str) -> tuple[str, str | None] | None:
    """(text SHA-256, source path) of the stored article ``article_id``, or ``None`` when it is not stored."""
    row = db.execute("select text_sha256, source_path from articles where id = ?", [article_id]).fetchone()
    return (row[0], row[1]) if row else None


def save_parse(db: sqlite_utils.Database, article_id: str, parse: ParsedArticle) -> None:
    """Store (replace) the parse of an article."""
    db["parses"].upsert(
        {
            "article_id": article_id,
            "model": parse.model,
            "format_version": parse.version,
            "text_sha256": text_sha256(parse.text),
            "data": encode_parse(parse),
            "parsed_at": now(),
        },
        pk="article_id",
    )


def replace_statements(
    db: sqlite_utils.Database, article: Article, attributions: Iterable[Attribution], parse: ParsedArticle,
    orphans: bool = True, known: dict[tuple, Any] | None = None,
) -> tuple[int, int]:
    """Re-extraction: swap an article's statements in one transaction.

    Only what changed is written: a stored statement whose row would be the same is not
    touched (no update, so its search index entry is not rewritten either), one whose
    id is unchanged but whose columns differ is updated in place (same row id), the
    others are deleted or inserted; of an updated statement only the columns that differ
    are written.  Speakers are relinked (:func:`link_article_speakers`) only when a new alias
    appeared or the article's (alias, role) pairs changed.  Returns (statements before,
    statements after).
    ``orphans=False`` leaves the speakers and organisations no statement names any more
    for the caller to delete with :func:`delete_orphans` (``attrib reextract`` does, once
    at the end: each call scans every statement, and then ``known`` may carry the alias
    and organisation ids over several calls in one transaction: see :func:`statement_rows`;
    the aliases are forgotten whenever speakers are relinked).
    """
    with write_transaction(db):
        new_blocks: set[str] = set()
        rows = statement_rows(db, article, attributions, parse, new_blocks, known)
        cols = list(rows[0]) if rows else ["id"]
        stored = _stored_statement_rows(db, article.id, cols)
        new_ids = {r["id"] for r in rows}
        stale = [(sid,) for sid in stored if sid not in new_ids]
        if stale:
            db.conn.executemany("delete from statements where id = ?", stale)
        changed = [r for r in rows if stored.get(r["id"]) != tuple(r.values())]
        added = [r for r in changed if r["id"] not in stored]
        if added:
            _upsert_statements(db, added)
        _update_columns(db, cols, [(r, stored[r["id"]]) for r in changed if r["id"] in stored])
        # only when it changed: an update of an article re-indexes its whole text (articles_fts)
        db.conn.execute("update articles set n_statements = ? where id = ? and n_statements is not ?",
                        [len(rows), article.id, len(rows)])
        if orphans:
            new_blocks |= delete_orphans(db)
        # who is who is decided from each statement's alias and role (the articles an alias is
        # named in, the roles given with it: :func:`_block_aliases`): a new rule name, confidence,
        # span or content with the same speakers cannot change it
        if new_blocks or (stale or changed) and (
                not rows or _identity_inputs(cols, stored.values()) != _identity_inputs(cols, rows)):
            link_article_speakers(db, article.id, new_blocks)
            if known is not None:  # aliases may have changed speaker
                for key in [k for k in known if k[0] == "speaker_aliases"]:
                    del known[key]
    return len(stored), len(rows)


def _identity_inputs(cols: list[str], rows: Iterable[tuple | dict[str, Any]]) -> set[tuple[Any, Any]]:
    """The (alias, role) pairs of an article's statements (rows as tuples in ``cols`` order, or dicts)."""
    ia, ir = cols.index("alias_id"), cols.index("role")
    return {(r[ia], r[ir]) if isinstance(r, tuple) else (r["alias_id"], r["role"]) for r in rows}


def _update_columns(db: sqlite_utils.Database, cols: list[str], pairs: list[tuple[dict[str, Any], tuple]]) -> None:
    """Update stored statements in place (same rowid), each (new row, stored values in ``cols``
    order) writing only the columns that differ: the search index trigger fires on an update
    *of* a column it copies (m013), so a new confidence or rule name leaves the index alone."""
    by_cols: dict[tuple[str, ...], list[list[Any]]] = {}
    for row, old in pairs:
        diff = tuple(c for c, was in zip(cols, old, strict=True) if row[c] != was)
        by_cols.setdefault(diff, []).append([*(row[c] for c in diff), row["id"]])
    for diff, params in by_cols.items():
        db.conn.executemany(f"update statements set {', '.join(f'[{c}] = ?' for c in diff)} where id = ?", params)


def _stored_statement_rows(db: sqlite_utils.Database, article_id: str, cols: list[str]) -> dict[str, tuple]:
    """The stored statements of an article: id -> the values of ``cols`` (the first is ``id``)."""
    names = ", ".join(f"[{c}]" for c in cols)
    return {r[0]: r for r in db.conn.execute(f"select {names} from statements where article_id = ?", [article_id])}


def delete_orphans(db: sqlite_utils.Database) -> set[str]:
    """Delete the speaker aliases, speakers and organisations that no statement refers to
    any more (hand decisions, ``speaker_pins``, stay).

    Called inside the write transaction of :func:`save_article` (an updated
    article) and :func:`replace_statements`, so a speaker never outlives the
    last statement that named it.  Returns the blocks that lost an alias: the
    speakers left in them may now be linked otherwise (:func:`relink_blocks`).
    """
    blocks = {r[0] for r in db.execute(
        "select distinct block from speaker_aliases where not exists "
        "(select 1 from statements s where s.alias_id = speaker_aliases.id)").fetchall()}
    db.execute("delete from speaker_aliases where not exists (select 1 from statements s "
               "where s.alias_id = speaker_aliases.id)")
    db.execute("delete from speakers where not exists (select 1 from statements s where s.speaker_id = speakers.id) "
               "and not exists (select 1 from speaker_aliases a where a.speaker_id = speakers.id)")
    db.execute("delete from organisation_aliases where not exists (select 1 from statements s "
               "where s.organisation_id = organisation_aliases.organisation_id "
               "or s.reported_by_id = organisation_aliases.organisation_id)")
    db.execute("delete from organisations where not exists (select 1 from statements s "
               "where s.organisation_id = organisations.id or s.reported_by_id = organisations.id)")
    return blocks


def count_statements(db: sqlite_utils.Database, article_id: str) -> int:
    """How many statements of the article are stored."""
    return db.execute("select count(*) from statements where article_id = ?", [article_id]).fetchone()[0]


def count_articles(db: sqlite_utils.Database) -> int:
    """How many articles are stored."""
    return db["articles"].count


def stored_text_sha256(db: sqlite_utils.Database, article_id: str) -> str | None:
    """The content hash of the stored article ``article_id``, or ``None`` when it is not stored."""
    row = db.execute("select text_sha256 from articles where id = ?", [article_id]).fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class StoredArticle:
    """An article as stored, with its parse when one of the current format matches its text."""

    article: Article
    parse: ParsedArticle | None


#: A stored article as read for re-extraction: id, text, title, url, outlet, published,
#: author, input, the parse's data and whether the parse is of that text.
StoredRow = tuple[Any, ...]


def stored_articles(db: sqlite_utils.Database, batch: int = 50) -> Iterator[StoredArticle]:
    """Every stored article in id order, with its decoded parse (``None`` when it has no
    parse, the parse is of another text or format, or its data is damaged)."""
    for rows in stored_rows(db, batch):
        yield from (decode_stored(r) for r in rows)


def stored_rows(db: sqlite_utils.Database, batch: int = 50) -> Iterator[list[StoredRow]]:
    """The stored articles in id order, ``batch`` rows at a time, undecoded (:func:`decode_stored`).
    The ids are read first (the caller writes to the same tables while iterating), the texts
    and parses a batch at a time (an archive's parses do not fit in memory at once)."""
    ids = [r[0] for r in db.execute("select id from articles order by id")]
    for k in range(0, len(ids), batch):
        part = ids[k : k + batch]
        rows = db.execute(
            "select a.id, a.text, a.title, a.url, a.outlet, a.published, a.author, a.input, p.data, "
            "a.text_sha256 is p.text_sha256 from articles a left join parses p on p.article_id = a.id "
            "where a.id in (select value from json_each(?)) order by a.id", [json.dumps(part)]).fetchall()
        yield [tuple(r) for r in rows]


def decode_stored(row: StoredRow) -> StoredArticle:
    """The :class:`StoredArticle` of a row of :func:`stored_rows`."""
    art_id, text, title, url, outlet, published, author, where, data, same_text = row
    article = Article(art_id, text, url, title, outlet, published, author, where)
    return StoredArticle(article, _usable_parse(data, text) if same_text else None)


def _usable_parse(data: bytes | None, text: str) -> ParsedArticle | None:
    """The decoded parse, or ``None`` when there is none or it cannot be decoded."""
    if data is None:
        return None
    try:
        return decode_parse(data, text)
    except (ValueError, OSError):
        return None


def is_locked_error(exc: BaseException) -> bool:
    """True for SQLite 'database is locked' errors."""
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)


def optimize(db: sqlite_utils.Database, analysis_limit: int = 1000) -> None:
    """Refresh the query planner's statistics (``ANALYZE``, sampled: ``analysis_limit`` rows
    per index, then ``PRAGMA optimize``), called at the end of ``attrib ingest`` and
    ``attrib reextract``.  Without statistics SQLite sorts ``statements_view`` by a column
    of ``articles`` with a full scan and a temporary B-tree (seconds at a million
    statements) instead of walking the index (milliseconds)."""
    db.conn.execute(f"PRAGMA analysis_limit = {int(analysis_limit)}")
    # (ANALYZE reads, then writes sqlite_stat1: in a deferred transaction it could not wait for
    # another ingest's commit and failed with "database is locked"; the write lock comes first)
    with write_transaction(db):
        db.conn.execute("ANALYZE")
        db.conn.execute("PRAGMA optimize")


# --- identity across articles (m012, :mod:`attrib.identity`) ---------------------------------


def _alias_block(db: sqlite_utils.Database, name: str, kind: str, scope: str) -> str:
    """The block of an alias: that of the name a hand decision gives it, else its own."""
    pin = _pin_of(db, name)
    if pin is not None:
        return identity.block_key(pin.canonical, "person" if identity.name_parts(pin.canonical) else kind, "")
    return identity.block_key(name, kind, scope)


def _alias(db: sqlite_utils.Database, name: str, kind: str, article_id: str,
           speaker_id: int | None = None, new_blocks: set[str] | None = None,
           people: Iterable[str] = (), known: dict[tuple, Any] | None = None) -> tuple[int, int | None]:
    """(alias id, its speaker) of ``name`` in ``article_id``; a new alias is inserted (with
    ``speaker_id``, ``None``: linked by :func:`relink_blocks`, its block added to ``new_blocks``,
    and for a per-article alias the full names of its surname among ``people``).  ``known``
    remembers the answers until the caller forgets them (when speakers are relinked)."""
    scope = identity.alias_scope(name, kind, article_id)
    key = ("speaker_aliases", name, kind, scope)
    if known is not None and key in known:
        return known[key]
    found = _alias_row(db, name, kind, scope, speaker_id, new_blocks, people)
    if known is not None:
        known[key] = found
    return found


def _alias_row(db: sqlite_utils.Database, name: str, kind: str, scope: str, speaker_id: int | None,
               new_blocks: set[str] | None, people: Iterable[str]) -> tuple[int, int | None]:
    row = db.conn.execute("select id, speaker_id from speaker_aliases where alias = ? and kind = ? and scope = ?",
                          [name, kind, scope]).fetchone()
    if row is not None:
        return row[0], row[1]
    block = _alias_block(db, name, kind, scope)
    if new_blocks is not None:
        new_blocks.add(block)
    context = sorted(identity.article_context(name, people)) if scope else []
    return db.execute("insert into speaker_aliases (alias, kind, scope, block, speaker_id, context) "
                      "values (?, ?, ?, ?, ?, ?)",
                      [name, kind, scope, block, speaker_id, json.dumps(context) if context else None]
                      ).lastrowid, speaker_id


def _organisation(db: sqlite_utils.Database, name: str, known: dict[tuple, int] | None = None) -> int:
    """The organisation ``name`` is (one per :func:`attrib.identity.org_key`), inserted when new;
    ``name`` is recorded as one of its aliases.  ``known`` remembers the ids found in one
    transaction (no organisation is deleted before it ends), so a name is looked up once."""
    if known is not None and ("organisations", name) in known:
        return known[("organisations", name)]
    org_id = _organisation_row(db, name)
    if known is not None:
        known[("organisations", name)] = org_id
    return org_id


def _organisation_row(db: sqlite_utils.Database, name: str) -> int:
    key = identity.org_key(name)
    row = db.execute("select id, name from organisations where key = ? order by id limit 1", [key]).fetchone()
    if row is None:
        org_id = db.execute("insert into organisations (name, key) values (?, ?)", [name, key]).lastrowid
    else:
        org_id = row[0]
        if identity.org_display_rank(name) < identity.org_display_rank(row[1]):
            db.execute("update organisations set name = ? where id = ?", [name, org_id])
    db.execute("insert or ignore into organisation_aliases (alias, organisation_id) values (?, ?)", [name, org_id])
    return org_id


def _pins(db: sqlite_utils.Database) -> dict[str, identity.Pin]:
    """The latest hand decision for every alias (by folded alias)."""
    rows = db.execute("select alias_folded, alias, canonical, wikidata from speaker_pins p where id = "
                      "(select max(id) from speaker_pins q where q.alias_folded = p.alias_folded)").fetchall()
    return {f: identity.Pin(alias, canonical, wikidata) for f, alias, canonical, wikidata in rows}


def _pin_of(db: sqlite_utils.Database, name: str) -> identity.Pin | None:
    row = db.execute("select alias, canonical, wikidata from speaker_pins where alias_folded = ? "
                     "order by id desc limit 1", [identity.fold(name)]).fetchone()
    return identity.Pin(*row) if row else None


#: The distinct roles of one alias's statements, by a loose index scan of
#: ``idx_statements_alias_role`` (one seek per role: a person of 85,000 statements has a few
#: roles, and a plain ``distinct`` would read every statement), at most 20.
_DISTINCT_ROLES = """
with recursive r(role) as (
  select min(role) from statements where alias_id = ?1 and role > ''
  union all
  select (select min(role) from statements where alias_id = ?1 and role > r.role) from r where r.role is not null
)
select role from r where role is not null limit 20
"""


def _block_aliases(db: sqlite_utils.Database, block: str) -> list[tuple[identity.Alias, int | None]]:
    """The aliases of ``block`` with the roles given with each, and their current speaker."""
    rows = db.execute("select id, alias, kind, scope, n_articles, speaker_id, context from speaker_aliases "
                      "where block = ?", [block]).fetchall()
    roles: dict[int, set[str]] = {}
    # roles only matter where a surname alone may join someone (identity._fits)
    if any(r[3] and r[2] in identity.PERSONAL_KINDS for r in rows):
        for r in rows:
            if r[2] in identity.PERSONAL_KINDS:
                roles[r[0]] = {x[0] for x in db.conn.execute(_DISTINCT_ROLES, [r[0]])}
    return [(identity.Alias(i, name, kind, scope, n, frozenset(roles.get(i, ())),
                            frozenset(tuple(k) for k in json.loads(ctx or "[]"))), sp)
            for i, name, kind, scope, n, sp, ctx in rows]


def relink_blocks(db: sqlite_utils.Database, blocks: Iterable[str]) -> int:
    """Put the aliases of ``blocks`` into speakers by :func:`attrib.identity.cluster` and
    point their statements at them; only what changed is written.  A speaker keeps its id
    when it keeps most of its aliases; one left without aliases is deleted.  Returns the
    number of aliases that changed speaker."""
    pins = list(_pins(db).values())
    # (the clusters of every block are written together: an alias split off to a block of its
    # own must not take back the speaker its old block's cluster keeps, nor the other way round)
    members: list[tuple[identity.Alias, int | None]] = []
    clusters: list[identity.Cluster] = []
    for block in sorted(set(blocks)):
        found = _block_aliases(db, block)
        members += found
        clusters += identity.cluster([a for a, _ in found], pins) if found else []
    changed = _apply_clusters(db, members, clusters) if members else set()
    if changed and db["claim_suggestions"].exists():
        claims_after_relink(db, changed)
    return len(changed)


def _apply_clusters(db: sqlite_utils.Database, members: list[tuple[identity.Alias, int | None]],
                    clusters: list[identity.Cluster]) -> set[int]:
    """Write the clusters of one block; returns the aliases whose speaker changed."""
    current = {a.id: sp for a, sp in members}
    weight = {a.id: max(a.n_articles, 1) for a, _ in members}
    taken: set[int] = set()
    changed: set[int] = set()
    now_of: dict[int, int] = {}  # alias -> the speaker it was given here
    for c in sorted(clusters, key=lambda c: (-sum(weight[i] for i in c.alias_ids), c.alias_ids)):
        votes: dict[int, int] = {}
        for i in c.alias_ids:
            if current[i] is not None and current[i] not in taken:
                votes[current[i]] = votes.get(current[i], 0) + weight[i]
        speaker_id = min(votes, key=lambda s: (-votes[s], s)) if votes else None
        if speaker_id is None:
            speaker_id = db.execute("insert into speakers (name, kind, wikidata) values (?, ?, ?)",
                                    [c.name, c.kind, c.wikidata]).lastrowid
        else:
            db.execute("update speakers set name = ?, kind = ?, wikidata = ? where id = ? and "
                       "(name is not ? or kind is not ? or wikidata is not ?)",
                       [c.name, c.kind, c.wikidata, speaker_id, c.name, c.kind, c.wikidata])
        taken.add(speaker_id)
        for i in c.alias_ids:
            now_of[i] = speaker_id
            if current[i] != speaker_id:
                changed.add(i)
                db.execute("update speaker_aliases set speaker_id = ? where id = ?", [speaker_id, i])
                db.execute("update statements set speaker_id = ? where alias_id = ?", [speaker_id, i])
    gone = {sp for sp in current.values() if sp is not None} - taken
    for sp in gone:
        # its page's URL keeps working: it redirects to the speaker most of its aliases went to
        heirs = Counter(now_of[i] for i, old in current.items() if old == sp)
        heir = min(heirs, key=lambda h: (-heirs[h], h))
        db.execute("delete from speakers where id = ? and not exists "
                   "(select 1 from speaker_aliases a where a.speaker_id = speakers.id)", [sp])
        db.execute("insert or replace into speaker_redirects (old_id, speaker_id) values (?, ?)", [sp, heir])
    if taken:  # a reused id is a speaker again, not a redirect
        db.execute("delete from speaker_redirects where old_id in (select value from json_each(?))",
                   [json.dumps(sorted(taken))])
    return changed


def link_article_speakers(db: sqlite_utils.Database, article_id: str, new_blocks: set[str],
                          new_article: bool = False) -> None:
    """After an article's statements are written: count the articles of its aliases and
    relink their blocks and ``new_blocks`` (those that lost an alias), so that who is who
    does not depend on the order articles came in.  A ``new_article`` adds one to each of its
    aliases' article counts (no recount: a person of 85,000 statements costs nothing more)."""
    ids = json.dumps(sorted(_article_aliases(db, article_id)))
    if new_article:
        db.execute("update speaker_aliases set n_articles = n_articles + 1 where id in "
                   "(select value from json_each(?))", [ids])
    else:
        _recount_aliases(db, json.loads(ids))
    blocks = set(new_blocks) | {r[0] for r in db.execute(
        "select distinct block from speaker_aliases where id in (select value from json_each(?))", [ids])}
    relink_blocks(db, blocks)


def _article_aliases(db: sqlite_utils.Database, article_id: str) -> set[int]:
    """The aliases an article's statements name."""
    return {r[0] for r in db.execute("select distinct alias_id from statements where article_id = ? "
                                     "and alias_id is not null", [article_id])}


def _recount_aliases(db: sqlite_utils.Database, alias_ids: Iterable[int]) -> None:
    """Count again the articles of these aliases (after an article's statements were replaced)."""
    counts = db.execute("select a.id, a.n_articles, (select count(distinct s.article_id) from statements s "
                        "where s.alias_id = a.id) from speaker_aliases a where a.id in "
                        "(select value from json_each(?))", [json.dumps(sorted(alias_ids))]).fetchall()
    db.conn.executemany("update speaker_aliases set n_articles = ? where id = ?",
                        [(n, i) for i, old, n in counts if n != old])  # only what changed: reextract writes nothing


def add_pins(db: sqlite_utils.Database, pins: Iterable[identity.Pin], source: str) -> int:
    """Record hand decisions (alias -> canonical name, optional Wikidata id) and relink the
    blocks they touch; they hold through re-ingest and ``reextract``.  A decision equal to
    the latest one for its alias is not recorded again.  Returns how many were recorded."""
    known = _pins(db)
    pins = [p for p in pins if known.get(identity.fold(p.name)) != p]
    if not pins:
        return 0
    with write_transaction(db):
        stamp = now()
        for p in pins:
            db.execute("insert into speaker_pins (alias, alias_folded, canonical, wikidata, source, decided_at) "
                       "values (?, ?, ?, ?, ?, ?)",
                       [p.name, identity.fold(p.name), p.canonical, p.wikidata, source, stamp])
        relink_blocks(db, _reblock(db, {identity.fold(p.name) for p in pins}))
    return len(pins)


def _reblock(db: sqlite_utils.Database, folded: set[str] | None) -> set[str]:
    """Recompute the block of the aliases named in ``folded`` (every alias for ``None``);
    returns their old and new blocks."""
    blocks: set[str] = set()
    for alias_id, name, kind, scope, block in db.execute(
            "select id, alias, kind, scope, block from speaker_aliases").fetchall():
        if folded is not None and identity.fold(name) not in folded:
            continue
        new = _alias_block(db, name, kind, scope)
        blocks |= {block, new}
        if new != block:
            db.execute("update speaker_aliases set block = ? where id = ?", [new, alias_id])
    return blocks


def speaker_aliases(db: sqlite_utils.Database, speaker_id: int) -> list[str]:
    """Every alias text of a speaker."""
    return [r[0] for r in db.execute("select distinct alias from speaker_aliases where speaker_id = ? order by alias",
                                     [speaker_id]).fetchall()]


def find_speakers(db: sqlite_utils.Database, ref: str) -> list[dict[str, Any]]:
    """The speakers ``ref`` names: an id, a speaker's name or one of its aliases."""
    cur = db.execute("select id, name, kind, wikidata, (select count(*) from statements s where s.speaker_id = "
                     "sp.id) as n_statements from speakers sp where cast(id as text) = ? or name = ? or id in "
                     "(select speaker_id from speaker_aliases where alias = ?) order by id", [ref, ref, ref])
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def claims_after_relink(db: sqlite_utils.Database, alias_ids: set[int]) -> None:
    """Statements whose speaker changed (``alias_ids``) are decided again against the statements
    they were only suggested with: "the tariffs will protect American jobs, he said" was another
    speaker's claim until "Trump" was linked to Donald Trump, and now joins his claim."""
    from . import claims as cl

    rows = db.execute(
        "select g.statement_id, g.with_statement_id, a.claim_id, a.content, a.speaker_id, a.type, "
        "b.claim_id, b.content, b.speaker_id, b.type from claim_suggestions g "
        "join statements a on a.id = g.statement_id join statements b on b.id = g.with_statement_id "
        "where a.alias_id in (select value from json_each(?))", [json.dumps(sorted(alias_ids))]).fetchall()
    touched: set[int] = set()
    for sid, oid, ca, ta, spa, ya, cb, tb, spb, yb in rows:
        if ca is None or cb is None or ca == cb:
            continue
        m = cl.decide(cl.ClaimStatement(cl.features(ta or ""), spa, ya),
                      cl.ClaimStatement(cl.features(tb or ""), spb, yb))
        if m.verdict == "join":
            keep = min(ca, cb)
            touched |= _merge_claims(db, keep, {max(ca, cb)})
            db.execute("delete from claim_suggestions where (statement_id = ? and with_statement_id = ?) or "
                       "(statement_id = ? and with_statement_id = ?)", [sid, oid, oid, sid])
    if touched:
        refresh_claims(db, touched)


def relink_all(db: sqlite_utils.Database) -> int:
    """Recompute every alias's block and speaker (``attrib speakers relink``)."""
    with write_transaction(db):
        _reblock(db, None)
        return relink_blocks(db, [r[0] for r in db.execute("select distinct block from speaker_aliases")])
# ====================================================================== claims (issue 12, item 4)
#
# Statements that carry the same claim share a row of ``claims`` (``statements.claim_id``); which
# ones do is decided by :mod:`attrib.claims` (normalised words, MinHash/LSH candidates, thresholds,
# same-speaker evidence).  The LSH band keys of every statement are stored (``claim_buckets``), so
# a new article's statements find their candidates with indexed lookups and join existing claims
# without recomputing the others.  ``claim_suggestions`` keeps the near misses (the band between
# the two thresholds of each rule).  Triggers keep all of it in step when statements are deleted.

#: Recompute one claim's aggregates from its statements, then delete it if it has none left.
#: ``{claim}`` is the claim id: ``?`` from Python, ``old.claim_id`` in the delete trigger.  The first
#: appearance is the statement with the earliest publication date (undated ones last), then the
#: article id and offset, so equal dates give the same answer every time.
_CLAIM_REFRESH = ("""
update claims set
  (n_statements, n_articles, n_speakers, last_published) = (
    select count(*), count(distinct s.article_id), count(distinct s.speaker_id), max(s.published)
    from statements s where s.claim_id = claims.id),
  n_outlets = (select count(distinct a.outlet) from statements s join articles a on a.id = s.article_id
               where s.claim_id = claims.id),
  (label, first_statement_id, first_article_id, first_published, first_outlet) = (
    select s.content, s.id, s.article_id, s.published, a.outlet
    from statements s left join articles a on a.id = s.article_id
    where s.claim_id = claims.id
    order by s.published is null, s.published, s.article_id, s.start, s.id limit 1)
where id = {claim}""", "delete from claims where id = {claim} and n_statements = 0")

#: Who made each claim: one row per (claim, speaker) with the number of statements.
CLAIM_SPEAKERS_VIEW = """
select s.claim_id, s.speaker_id, sp.name as speaker, sp.kind as speaker_kind, count(*) as n_statements,
  min(s.published) as first_published
from statements s join speakers sp on sp.id = s.speaker_id
where s.claim_id is not null
group by s.claim_id, s.speaker_id
"""

#: The columns ``statements_fts`` copies from a statement (m007's update trigger fired on any column,
#: so writing a claim id re-indexed the statement's text).
_SEARCHED_COLUMNS = "content, speaker_id, speaker_text, role, organisation_id, reported_by_id, article_id"


@migrations()
def m013_claims(db: sqlite_utils.Database) -> None:
    """Claims across outlets: ``claims`` (a label, the first appearance, counts of statements,
    articles, outlets and speakers), ``statements.claim_id``, the stored LSH band keys
    (``claim_buckets``) and the suggested near misses (``claim_suggestions``), kept in step by
    triggers when statements or claims are deleted; the ``claim_speakers`` view; the statements
    view gets ``claim_id``; the search index is only rewritten when a column it copies changes.
    Statements stored before this migration get their claims from ``attrib reextract`` (article by
    article, as it rewrites them) or ``attrib claims rebuild`` (earliest article first)."""
    db.execute("drop view if exists statements_view")
    db.execute("""create table if not exists claims (
        id integer primary key, label text,
        n_statements integer not null default 0, n_articles integer not null default 0,
        n_outlets integer not null default 0, n_speakers integer not null default 0,
        first_statement_id text, first_article_id text, first_published text, first_outlet text,
        last_published text)""")
    if "claim_id" not in db["statements"].columns_dict:
        db["statements"].add_column("claim_id", int)
    db.execute("create index if not exists idx_statements_claim_id_published on statements(claim_id, published)")
    db.execute("create index if not exists idx_claims_outlets on claims(n_outlets desc, n_articles desc, "
               "n_statements desc)")
    db.execute("create index if not exists idx_claims_first_published on claims(first_published)")
    db.execute("create table if not exists claim_buckets (key integer not null, statement_rowid integer not null, "
               "primary key (key, statement_rowid)) without rowid")
    db.execute("create index if not exists idx_claim_buckets_statement on claim_buckets(statement_rowid)")
    db.execute("create table if not exists claim_suggestions (statement_id text not null, claim_id integer not null, "
               "with_statement_id text not null, score real not null, reason text, "
               "primary key (statement_id, with_statement_id))")
    db.execute("create index if not exists idx_claim_suggestions_claim on claim_suggestions(claim_id)")
    db.execute("create index if not exists idx_claim_suggestions_with on claim_suggestions(with_statement_id)")
    refresh = ";\n".join(sql.format(claim="old.claim_id") for sql in _CLAIM_REFRESH)
    db.execute("create trigger if not exists claims_statement_ad after delete on statements begin "
               "delete from claim_buckets where statement_rowid = old.rowid; "
               "delete from claim_suggestions where statement_id = old.id or with_statement_id = old.id; "
               f"{refresh}; end")
    db.execute("create trigger if not exists claims_ad after delete on claims begin "
               "delete from claim_suggestions where claim_id = old.id; "
               "update statements set claim_id = null where claim_id = old.id; end")
    when, body = _SEARCH_TRIGGERS["statements_search_au"]
    db.execute("drop trigger if exists [statements_search_au]")
    db.execute(f"create trigger [statements_search_au] after update of {_SEARCHED_COLUMNS} on statements "
               f"begin {body} end")
    db.create_view("claim_speakers", CLAIM_SPEAKERS_VIEW, replace=True)
    db.create_view("statements_view", STATEMENTS_VIEW, replace=True)


#: m014's indexes: each lets a canned query of ``db/metadata.yml`` walk its statements in the
#: query's own order (``date desc, article_id, start``: a descending date column) and stop after
#: the rows it shows, instead of sorting every match.
CANNED_QUERY_INDEXES = {
    # anonymous_statements (and Datasette's speaker_kind filter and facet: the old one-column index goes)
    "idx_statements_speaker_kind_date": "statements(speaker_kind, published desc, article_id, start)",
    # relayed_statements: only the relayed statements are in it
    "idx_statements_relayed_date": "statements(published desc, article_id, start) where reported_by_id is not null",
    # added_since: the newest articles first, then their statements in reading order
    "idx_articles_updated_at": "articles(updated_at desc, id)",
    # article_statements: a title matched with like '%...%' reads this index, not every article's text
    "idx_articles_title_id": "articles(title, id)",
}


@migrations()
def m014_indexes_for_the_canned_queries(db: sqlite_utils.Database) -> None:
    """Fast canned queries at a million statements: the queries pick the rows they show by index
    first (:data:`CANNED_QUERY_INDEXES`) and join the view for those rows only."""
    db.execute("drop index if exists idx_statements_speaker_kind")
    for name, target in CANNED_QUERY_INDEXES.items():
        db.execute(f"create index if not exists {name} on {target}")


@migrations()
def m015_statements_view_unjoined(db: sqlite_utils.Database) -> None:
    """``statements_view_unjoined`` (:data:`STATEMENTS_VIEW_UNJOINED`): what Datasette counts for a
    ``statements_view`` page whose filters are statement columns (``?kind=speech``, a speaker id,
    a search), instead of the view's five-table join of every matching statement; and indexes on
    (kind, the view's default sort) and (kind, date), so that ``?kind=`` pages walk an index in
    the page's order for every kind instead of sorting all the statements of that kind (the
    one-column kind index, a prefix of the second, goes)."""
    db.create_view("statements_view_unjoined", STATEMENTS_VIEW_UNJOINED, replace=True)
    db.execute("create index if not exists idx_statements_kind_speech_then_date "
               f"on statements(kind, ({SPEECH_THEN_DATE}))")
    db.execute("create index if not exists idx_statements_kind_published on statements(kind, published)")
    db.execute("drop index if exists idx_statements_kind")


# --- speaker summaries (m016): counts the charts and top_speakers_by_outlet read ---------------

#: The kinds' bits in ``speaker_outlet_counts.kinds`` (speech 1, belief 2, intention 4, evidence 8:
#: the order of :data:`attrib.types.STATEMENT_KINDS`).
_KIND_BITS = (("speech", 1), ("belief", 2), ("intention", 4), ("evidence", 8))


def _kinds_mask(r: str) -> str:
    """SQL: the kinds bit mask of ``speaker_articles`` row ``r`` (the kinds its speaker has in its article)."""
    return "(" + " | ".join(f"(({r}.n_{k} > 0) * {bit})" for k, bit in _KIND_BITS) + ")"


_KIND_COLS = ", ".join(f"n_{k}" for k, _ in _KIND_BITS)
#: SQL: a summary row's statements of every kind together (a row at zero is deleted).
_KIND_TOTAL = " + ".join(f"n_{k}" for k, _ in _KIND_BITS)
#: SQL: an upsert's conflict clause adding the inserted row's counts to the stored row's.
_ADD_EXCLUDED = ", ".join(f"n_{k} = n_{k} + excluded.n_{k}" for k, _ in _KIND_BITS)
#: SQL: an upsert's conflict clause widening the stored date range to the inserted row's.
_WIDEN_DATES = ("first_published = min(coalesce(first_published, excluded.first_published), "
                "coalesce(excluded.first_published, first_published)), "
                "last_published = max(coalesce(last_published, excluded.last_published), "
                "coalesce(excluded.last_published, last_published))")


def _kind_flags(r: str) -> str:
    """SQL: statement ``r``'s kind as one 0/1 column per kind (the counts it adds)."""
    return ", ".join(f"{r}.kind = '{k}'" for k, _ in _KIND_BITS)


def _take_kind(r: str) -> str:
    """SQL: the counts less statement ``r`` (its kind's count, by one)."""
    return ", ".join(f"n_{k} = n_{k} - ({r}.kind = '{k}')" for k, _ in _KIND_BITS)


def _take_counts(r: str) -> str:
    """SQL: the counts less summary row ``r``'s."""
    return ", ".join(f"n_{k} = n_{k} - {r}.n_{k}" for k, _ in _KIND_BITS)


def _counts_of(r: str, sign: str = "") -> str:
    """SQL: summary row ``r``'s counts as values (negated with ``sign`` '-')."""
    return ", ".join(f"{sign}{r}.n_{k}" for k, _ in _KIND_BITS)

#: m016's tables.  ``speaker_articles``: one row per (speaker, article) with the number of its
#: statements of each kind and a copy of the article's outlet and date.  ``speaker_outlet_counts``:
#: per (outlet, speaker, kinds) -- ``kinds`` the bit mask of the kinds the speaker has in an
#: article -- the number of such articles, their statements of each kind and their first and
#: last publication date.  An article counts once whatever kinds are asked for (the articles
#: whose mask meets them), so every count of top_speakers_by_outlet and of the speaker page's
#: charts is exact for any set of kinds.  A null outlet is ``outlet = ''`` with ``outlet_null = 1``
#: (a primary key column cannot be null).  ``outlet_speakers``: per (outlet, speaker) its statements
#: of each kind (the sums of its ``speaker_outlet_counts`` rows), indexed on the speech count within
#: an outlet, so top_speakers_by_outlet reads an outlet's most-quoted speakers from the index.
#: ``speaker_months``: per (speaker, month of the article's date; ``undated`` 1 and ``month = ''``
#: for an article without one) the statements of each kind (the speaker page's time chart).
#: ``speaker_role_counts``: per (speaker, role, organisation) -- a null role is ``role = ''`` with
#: ``role_null = 1``, no organisation is ``organisation_id = 0`` -- the statements of each kind and
#: their first and last date, for the statements with a role or an organisation (the speaker
#: page's organisations and :data:`SPEAKER_ROLES_VIEW`).
SPEAKER_SUMMARY_TABLES = (
    "create table if not exists speaker_articles (speaker_id integer not null, article_id text not null, "
    "outlet text, published text, "
    + ", ".join(f"n_{k} integer not null default 0" for k, _ in _KIND_BITS)
    + ", primary key (speaker_id, article_id)) without rowid",
    "create index if not exists idx_speaker_articles_article on speaker_articles(article_id)",
    "create table if not exists speaker_outlet_counts (outlet text not null, outlet_null integer not null, "
    "speaker_id integer not null, kinds integer not null, n_articles integer not null, "
    + ", ".join(f"n_{k} integer not null" for k, _ in _KIND_BITS)
    + ", first_published text, last_published text, "
    "primary key (outlet, outlet_null, speaker_id, kinds)) without rowid",
    "create index if not exists idx_speaker_outlet_counts_speaker on speaker_outlet_counts(speaker_id)",
    "create table if not exists outlet_speakers (outlet text not null, outlet_null integer not null, "
    "speaker_id integer not null, "
    + ", ".join(f"n_{k} integer not null" for k, _ in _KIND_BITS)
    + ", primary key (outlet, outlet_null, speaker_id)) without rowid",
    "create index if not exists idx_outlet_speakers_speech on outlet_speakers(outlet, outlet_null, n_speech desc)",
    "create table if not exists speaker_months (speaker_id integer not null, month text not null, "
    "undated integer not null, "
    + ", ".join(f"n_{k} integer not null" for k, _ in _KIND_BITS)
    + ", primary key (speaker_id, month, undated)) without rowid",
    "create table if not exists speaker_role_counts (speaker_id integer not null, role text not null, "
    "role_null integer not null, organisation_id integer not null, "
    + ", ".join(f"n_{k} integer not null" for k, _ in _KIND_BITS)
    + ", first_published text, last_published text, "
    "primary key (speaker_id, role, role_null, organisation_id)) without rowid",
)


def _article_add(r: str) -> str:
    """SQL: statement ``r`` (new/old) counted in its (speaker, article) row."""
    flags, sets = _kind_flags(r), _ADD_EXCLUDED
    return (f"insert into speaker_articles (speaker_id, article_id, outlet, published, {_KIND_COLS}) "
            f"select {r}.speaker_id, {r}.article_id, (select outlet from articles where id = {r}.article_id), "
            f"(select published from articles where id = {r}.article_id), {flags} where {r}.speaker_id is not null "
            f"on conflict (speaker_id, article_id) do update set {sets};")


def _article_sub(r: str) -> str:
    """SQL: statement ``r`` taken out of its (speaker, article) row (deleted when it has none left)."""
    key = f"speaker_id = {r}.speaker_id and article_id = {r}.article_id"
    return (f"update speaker_articles set {_take_kind(r)} where {key};"
            f"delete from speaker_articles where {key} and {_KIND_TOTAL} <= 0;")


def _outlet_key(r: str) -> str:
    return (f"outlet = coalesce({r}.outlet, '') and outlet_null = ({r}.outlet is null) "
            f"and speaker_id = {r}.speaker_id and kinds = {_kinds_mask(r)}")


def _outlet_add(r: str) -> str:
    """SQL: ``speaker_articles`` row ``r`` counted in its (outlet, speaker, kinds) row."""
    sets, vals = _ADD_EXCLUDED, _counts_of(r)
    return (f"insert into speaker_outlet_counts (outlet, outlet_null, speaker_id, kinds, n_articles, {_KIND_COLS}, "
            f"first_published, last_published) select coalesce({r}.outlet, ''), {r}.outlet is null, {r}.speaker_id, "
            f"{_kinds_mask(r)}, 1, {vals}, {r}.published, {r}.published where {_kinds_mask(r)} != 0 "
            f"on conflict (outlet, outlet_null, speaker_id, kinds) do update set n_articles = n_articles + 1, {sets}, "
            f"{_WIDEN_DATES};")


def _outlet_sub(r: str) -> str:
    """SQL: ``speaker_articles`` row ``r`` taken out of its (outlet, speaker, kinds) row; the first and
    last date are read again from ``speaker_articles`` when ``r`` had one of them."""
    sets = _take_counts(r)
    same = (f"from speaker_articles x where x.speaker_id = {r}.speaker_id and x.outlet is {r}.outlet "
            f"and {_kinds_mask('x')} = {_kinds_mask(r)}")
    return (f"update speaker_outlet_counts set n_articles = n_articles - 1, {sets} where {_outlet_key(r)};"
            f"delete from speaker_outlet_counts where {_outlet_key(r)} and n_articles <= 0;"
            f"update speaker_outlet_counts set first_published = (select min(x.published) {same}), "
            f"last_published = (select max(x.published) {same}) where {_outlet_key(r)} "
            f"and ({r}.published = first_published or {r}.published = last_published);")


_OUTLET_SPEAKER_KEY = "outlet = {r}.outlet and outlet_null = {r}.outlet_null and speaker_id = {r}.speaker_id"


def _outlet_speaker_sub(r: str) -> str:
    """SQL: ``speaker_outlet_counts`` row ``r`` taken out of its (outlet, speaker) row (deleted at zero)."""
    key = _OUTLET_SPEAKER_KEY.format(r=r)
    return (f"update outlet_speakers set {_take_counts(r)} where {key};"
            f"delete from outlet_speakers where {key} and {_KIND_TOTAL} <= 0;")


def _outlet_speaker_add(r: str) -> str:
    """SQL: ``speaker_outlet_counts`` row ``r`` counted in its (outlet, speaker) row."""
    sets, vals = _ADD_EXCLUDED, _counts_of(r)
    return (f"insert into outlet_speakers (outlet, outlet_null, speaker_id, {_KIND_COLS}) "
            f"values ({r}.outlet, {r}.outlet_null, {r}.speaker_id, {vals}) "
            f"on conflict (outlet, outlet_null, speaker_id) do update set {sets};")


def _month_change(r: str, sign: str) -> str:
    """SQL: ``speaker_articles`` row ``r`` added (``sign`` '+') to or taken (``sign`` '-') from its
    (speaker, month) row, deleted at zero."""
    month, undated = f"coalesce(substr({r}.published, 1, 7), '')", f"({r}.published is null)"
    sets, vals = _ADD_EXCLUDED, _counts_of(r, sign)  # (the excluded row has the sign)
    key = f"speaker_id = {r}.speaker_id and month = {month} and undated = {undated}"
    return (f"insert into speaker_months (speaker_id, month, undated, {_KIND_COLS}) "
            f"values ({r}.speaker_id, {month}, {undated}, {vals}) "
            f"on conflict (speaker_id, month, undated) do update set {sets};"
            f"delete from speaker_months where {key} and {_KIND_TOTAL} <= 0;")


_HAS_ROLE = "{r}.speaker_id is not null and ({r}.role is not null or {r}.organisation_id is not null)"
_ROLE_KEY = ("speaker_id = {r}.speaker_id and role = coalesce({r}.role, '') and role_null = ({r}.role is null) "
             "and organisation_id = coalesce({r}.organisation_id, 0)")


def _role_add(r: str) -> str:
    """SQL: statement ``r`` counted in its (speaker, role, organisation) row."""
    flags, sets = _kind_flags(r), _ADD_EXCLUDED
    return (f"insert into speaker_role_counts (speaker_id, role, role_null, organisation_id, {_KIND_COLS}, "
            f"first_published, last_published) select {r}.speaker_id, coalesce({r}.role, ''), {r}.role is null, "
            f"coalesce({r}.organisation_id, 0), {flags}, {r}.published, {r}.published where {_HAS_ROLE.format(r=r)} "
            f"on conflict (speaker_id, role, role_null, organisation_id) do update set {sets}, {_WIDEN_DATES};")


def _role_sub(r: str) -> str:
    """SQL: statement ``r`` taken out of its (speaker, role, organisation) row (deleted at zero); the
    first and last date read again from the statements (``idx_statements_speaker_roles``) when
    ``r`` had one of them."""
    sets = _take_kind(r)
    key = _ROLE_KEY.format(r=r)
    same = (f"from statements x where x.speaker_id = {r}.speaker_id and x.role is {r}.role "
            f"and x.organisation_id is {r}.organisation_id")
    return (f"update speaker_role_counts set {sets} where {key};"
            f"delete from speaker_role_counts where {key} and {_KIND_TOTAL} <= 0;"
            f"update speaker_role_counts set first_published = (select min(x.published) {same}), "
            f"last_published = (select max(x.published) {same}) where {key} "
            f"and ({r}.published = first_published or {r}.published = last_published);")


_SAME_OUTLET_ROW = (f"old.speaker_id = new.speaker_id and old.outlet is new.outlet and old.published is new.published "
                    f"and {_kinds_mask('old')} = {_kinds_mask('new')}")

#: m016's triggers: every write to ``statements`` (ingest, reextract, relink, speakers merge and
#: split) and to an article's outlet or date keeps the speaker summaries exact.
SPEAKER_SUMMARY_TRIGGERS = {
    "speaker_articles_si": ("after insert on statements when new.speaker_id is not null", _article_add("new")),
    "speaker_articles_sd": ("after delete on statements when old.speaker_id is not null", _article_sub("old")),
    "speaker_articles_su": ("after update of speaker_id, kind, article_id on statements when old.speaker_id "
                            "is not new.speaker_id or old.kind is not new.kind or old.article_id is not new.article_id",
                            _article_sub("old") + _article_add("new")),
    "speaker_articles_au": ("after update of outlet, published on articles when old.outlet is not new.outlet "
                            "or old.published is not new.published",
                            "update speaker_articles set outlet = new.outlet, published = new.published "
                            "where article_id = new.id;"),
    "speaker_outlet_counts_ai": ("after insert on speaker_articles", _outlet_add("new")),
    "speaker_outlet_counts_ad": ("after delete on speaker_articles", _outlet_sub("old")),
    "speaker_outlet_counts_au_same": (
        f"after update on speaker_articles when {_SAME_OUTLET_ROW}",
        "update speaker_outlet_counts set "
        + ", ".join(f"n_{k} = n_{k} + new.n_{k} - old.n_{k}" for k, _ in _KIND_BITS)
        + f" where {_outlet_key('new')};"),
    "speaker_outlet_counts_au_moved": (f"after update on speaker_articles when not ({_SAME_OUTLET_ROW})",
                                       _outlet_sub("old") + _outlet_add("new")),
    "outlet_speakers_ai": ("after insert on speaker_outlet_counts", _outlet_speaker_add("new")),
    "outlet_speakers_ad": ("after delete on speaker_outlet_counts", _outlet_speaker_sub("old")),
    "outlet_speakers_au": ("after update of outlet, outlet_null, speaker_id, "
                           + ", ".join(f"n_{k}" for k, _ in _KIND_BITS) + " on speaker_outlet_counts",
                           _outlet_speaker_sub("old") + _outlet_speaker_add("new")),
    "speaker_months_ai": ("after insert on speaker_articles", _month_change("new", "+")),
    "speaker_months_ad": ("after delete on speaker_articles", _month_change("old", "-")),
    "speaker_months_au": ("after update on speaker_articles", _month_change("old", "-") + _month_change("new", "+")),
    "speaker_role_counts_si": (f"after insert on statements when {_HAS_ROLE.format(r='new')}", _role_add("new")),
    "speaker_role_counts_sd": (f"after delete on statements when {_HAS_ROLE.format(r='old')}", _role_sub("old")),
    "speaker_role_counts_su": ("after update of speaker_id, role, organisation_id, kind, published on statements "
                               "when old.speaker_id is not new.speaker_id or old.role is not new.role "
                               "or old.organisation_id is not new.organisation_id or old.kind is not new.kind "
                               "or old.published is not new.published",
                               _role_sub("old") + _role_add("new")),
}

#: Every (speaker, article) row of ``speaker_articles``, from the statements.
SPEAKER_ARTICLE_ROWS = (
    "select s.speaker_id, s.article_id, a.outlet, a.published, "
    + ", ".join(f"sum(s.kind = '{k}') as n_{k}" for k, _ in _KIND_BITS)
    + " from statements s left join articles a on a.id = s.article_id where s.speaker_id is not null "
    "group by s.speaker_id, s.article_id")

#: Every row of ``speaker_outlet_counts`` from the (speaker, article) rows of ``{source}``.
SPEAKER_OUTLET_ROWS = (
    "select coalesce(x.outlet, '') as outlet, x.outlet is null as outlet_null, x.speaker_id, "
    f"{_kinds_mask('x')} as kinds, count(*) as n_articles, "
    + ", ".join(f"sum(x.n_{k}) as n_{k}" for k, _ in _KIND_BITS)
    + f", min(x.published) as first_published, max(x.published) as last_published from {{source}} x "
    f"where {_kinds_mask('x')} != 0 group by 1, 2, 3, 4")

#: Every row of ``outlet_speakers`` from the (outlet, speaker, kinds) rows of ``{source}``.
OUTLET_SPEAKER_ROWS = ("select x.outlet, x.outlet_null, x.speaker_id, "
                       + ", ".join(f"sum(x.n_{k}) as n_{k}" for k, _ in _KIND_BITS)
                       + " from {source} x group by 1, 2, 3")

#: Every row of ``speaker_months`` from the (speaker, article) rows of ``{source}``.
SPEAKER_MONTH_ROWS = ("select x.speaker_id, coalesce(substr(x.published, 1, 7), '') as month, "
                      "x.published is null as undated, "
                      + ", ".join(f"sum(x.n_{k}) as n_{k}" for k, _ in _KIND_BITS)
                      + " from {source} x group by 1, 2, 3")

#: Every row of ``speaker_role_counts``, from the statements.
SPEAKER_ROLE_ROWS = ("select s.speaker_id, coalesce(s.role, '') as role, s.role is null as role_null, "
                     "coalesce(s.organisation_id, 0) as organisation_id, "
                     + ", ".join(f"sum(s.kind = '{k}') as n_{k}" for k, _ in _KIND_BITS)
                     + ", min(s.published) as first_published, max(s.published) as last_published "
                     "from statements s where " + _HAS_ROLE.format(r="s") + " group by 1, 2, 3, 4")

#: A speaker's roles and organisations over time (since m016): each (role, organisation) with its
#: first and last publication date and its statements, from ``speaker_role_counts``.
SPEAKER_ROLES_VIEW = """
select g.speaker_id, case when g.role_null then null else g.role end as role, o.name as organisation,
  nullif(g.organisation_id, 0) as organisation_id, g.first_published, g.last_published,
  g.n_speech + g.n_belief + g.n_intention + g.n_evidence as n_statements
from speaker_role_counts g
left join organisations o on o.id = g.organisation_id
"""


def rebuild_speaker_summary(db: sqlite_utils.Database) -> None:
    """Fill m016's summary tables from the statements in five insert-selects (their triggers
    dropped meanwhile, then created): for the migration, and for ``bench/scale.py build``,
    which loads its statements without triggers."""
    for name in SPEAKER_SUMMARY_TRIGGERS:
        db.execute(f"drop trigger if exists [{name}]")
    for sql in SPEAKER_SUMMARY_TABLES:
        db.execute(sql)
    for table in ("speaker_role_counts", "speaker_months", "outlet_speakers"):
        db.execute(f"delete from {table}")
    db.execute("delete from speaker_outlet_counts")
    db.execute("delete from speaker_articles")
    db.execute(f"insert into speaker_articles (speaker_id, article_id, outlet, published, {_KIND_COLS}) "
               + SPEAKER_ARTICLE_ROWS)
    db.execute(f"insert into speaker_outlet_counts (outlet, outlet_null, speaker_id, kinds, n_articles, {_KIND_COLS}, "
               "first_published, last_published) " + SPEAKER_OUTLET_ROWS.format(source="speaker_articles"))
    db.execute(f"insert into outlet_speakers (outlet, outlet_null, speaker_id, {_KIND_COLS}) "
               + OUTLET_SPEAKER_ROWS.format(source="speaker_outlet_counts"))
    db.execute(f"insert into speaker_months (speaker_id, month, undated, {_KIND_COLS}) "
               + SPEAKER_MONTH_ROWS.format(source="speaker_articles"))
    db.execute(f"insert into speaker_role_counts (speaker_id, role, role_null, organisation_id, {_KIND_COLS}, "
               "first_published, last_published) " + SPEAKER_ROLE_ROWS)
    for name, (when, body) in SPEAKER_SUMMARY_TRIGGERS.items():
        db.execute(f"create trigger [{name}] {when} begin {body} end")


@migrations()
def m016_speaker_summaries(db: sqlite_utils.Database) -> None:
    """Speaker summaries kept by triggers (:data:`SPEAKER_SUMMARY_TRIGGERS`): counts per (speaker,
    article), (outlet, speaker, kinds), (outlet, speaker), (speaker, month) and (speaker, role,
    organisation), so that ``top_speakers_by_outlet`` and the speaker page read a few rows a speaker
    instead of grouping every statement (a million); ``speaker_roles`` reads the last."""
    rebuild_speaker_summary(db)
    db.create_view("speaker_roles", SPEAKER_ROLES_VIEW, replace=True)


#: m017's index of a speaker's statements: every column ``statements_by_speaker`` and
#: ``what_did_x_say_about_y`` read to choose a page (the date order, the article and offset that
#: break its ties, the kind, the id a review names, and the mention of an unresolved speaker).
SPEAKER_PAGE_INDEX = "statements(speaker_id, published, article_id, start, kind, id, speaker_text)"


@migrations()
def m017_speaker_statements_covering_index(db: sqlite_utils.Database) -> None:
    """``idx_statements_speaker_id_published`` holds :data:`SPEAKER_PAGE_INDEX`'s columns, not just
    (speaker_id, published): the canned queries by speaker choose their page from the index alone.
    At 1M statements the most quoted speaker has 85,000; reading each statement's row to sort
    them by date was most of ``statements_by_speaker`` (400 ms; 115 ms from the index).  The
    index keeps its name and its first two columns, so every query that used it still can."""
    db.execute("drop index if exists idx_statements_speaker_id_published")
    db.execute(f"create index idx_statements_speaker_id_published on {SPEAKER_PAGE_INDEX}")


@dataclass(frozen=True)
class ClaimsResult:
    """What :func:`assign_claims` did with an article's statements."""

    statements: int
    joined: int  # joined a claim of another statement
    created: int  # started a claim of their own
    suggested: int  # suggestions stored


#: The newest stored statements of one band key (at most :data:`attrib.claims.MAX_PER_BAND`):
#: a walk of the primary key of ``claim_buckets``.
_BAND_MEMBERS = "select statement_rowid from claim_buckets where key = ? order by statement_rowid desc limit ?"


def _claim_matches(db: sqlite_utils.Database, st: Any, keys: tuple[int, ...]) -> list[tuple[int, str, Any]]:
    """(claim id, statement id, :class:`attrib.claims.Match`) of every candidate statement that
    ``st`` joins or is suggested with.  Candidates are the stored statements sharing at least
    :data:`attrib.claims.MIN_SHARED_KEYS` band keys with it, the :data:`attrib.claims.MAX_CANDIDATES`
    sharing the most first (one indexed lookup per key: cheaper than one compound query)."""
    from . import claims as cl

    shared: Counter[int] = Counter()
    for key in keys:
        shared.update(r[0] for r in db.conn.execute(_BAND_MEMBERS, [key, cl.MAX_PER_BAND]))
    best = sorted(((n, rowid) for rowid, n in shared.items() if n >= cl.MIN_SHARED_KEYS), reverse=True)
    rowids = [rowid for _, rowid in best[:cl.MAX_CANDIDATES]]
    if not rowids:
        return []
    found = {r[0]: r[1:] for r in db.conn.execute(
        "select rowid, claim_id, id, content, speaker_id, type from statements "
        "where rowid in (select value from json_each(?)) and claim_id is not null", [json.dumps(rowids)])}
    out = []
    for rowid in rowids:  # most shared keys first, then newest
        if rowid not in found:
            continue
        claim_id, sid, content, speaker_id, typ = found[rowid]
        m = cl.decide(st, cl.ClaimStatement(cl.features(content or ""), speaker_id, typ))
        if m.verdict is not None:
            out.append((claim_id, sid, m))
    return out


def _new_claim(db: sqlite_utils.Database, article_id: str, previous: int | None, used: set[int]) -> int:
    """A claim for a statement that joins none: its previous claim when no other article's statement
    is in it (so re-extracting an article keeps its claim ids), else a new one."""
    if previous is not None and previous not in used and not db.execute(
            "select 1 from statements where claim_id = ? and article_id != ? limit 1",
            [previous, article_id]).fetchone():
        db.execute("insert or ignore into claims (id) values (?)", [previous])
        return previous
    return db.execute("insert into claims default values").lastrowid


def _merge_claims(db: sqlite_utils.Database, into: int, others: set[int]) -> set[int]:
    """Move every statement (and suggestion) of the claims ``others`` into claim ``into``: a statement
    that is the same claim as two claims' statements bridges them.  Returns the claims touched."""
    if not others:
        return set()
    ids = json.dumps(sorted(others))
    db.execute("update statements set claim_id = ? where claim_id in (select value from json_each(?))", [into, ids])
    db.execute("update or replace claim_suggestions set claim_id = ? where claim_id in "
               "(select value from json_each(?))", [into, ids])
    return {into, *others}


def refresh_claims(db: sqlite_utils.Database, claim_ids: Iterable[int]) -> None:
    """Recompute the aggregates of these claims; those without statements are deleted."""
    for cid in sorted(set(claim_ids)):
        for sql in _CLAIM_REFRESH:
            db.execute(sql.format(claim="?"), [cid])


def assign_claims(db: sqlite_utils.Database, article_id: str) -> ClaimsResult:
    """Give every statement of one article its claim, in one transaction (a savepoint inside one).

    In reading order, each statement's LSH band keys find its candidates among the stored
    statements (of every article, this one's earlier statements included); it joins the claim of
    the best "join" match (highest score, then lowest claim id) or starts a claim; when it is a
    "join" match of statements of several claims, those claims become one.  A near miss
    (or a join match with another claim) is stored as a suggestion both ways, with the statement it
    was matched with, so the suggestions do not depend on which article came first.  Idempotent:
    the article's old keys and suggestions are replaced, claims left without statements are
    deleted, and a statement that joins nothing keeps its previous claim id when no other
    article's statement shares that claim.
    """
    from . import claims as cl

    with write_transaction(db):
        rows = db.execute("select rowid, id, content, speaker_id, type, claim_id from statements "
                          "where article_id = ? order by seq, id", [article_id]).fetchall()
        db.execute("delete from claim_buckets where statement_rowid in "
                   "(select rowid from statements where article_id = ?)", [article_id])
        db.execute("delete from claim_suggestions where statement_id in (select id from statements where "
                   "article_id = :a) or with_statement_id in (select id from statements where article_id = :a)",
                   {"a": article_id})
        touched = {r[5] for r in rows if r[5] is not None}
        used: set[int] = set()
        joined = suggested = 0
        for rowid, sid, content, speaker_id, typ, previous in rows:
            st = cl.ClaimStatement(cl.features(content or ""), speaker_id, typ)
            keys = cl.lsh_keys(st.text)
            matches = _claim_matches(db, st, keys)
            joins = [(m.score, -cid) for cid, _, m in matches if m.verdict == "join"]
            if joins:
                claim_id = -max(joins)[1]
                joined += 1
                merged = {-c for _, c in joins}
                touched |= _merge_claims(db, claim_id, merged - {claim_id})
                matches = [(claim_id if c in merged else c, o, m) for c, o, m in matches]
            else:
                claim_id = _new_claim(db, article_id, previous, used)
            used.add(claim_id)
            touched.add(claim_id)
            if claim_id != previous:
                db.execute("update statements set claim_id = ? where rowid = ?", [claim_id, rowid])
            db.conn.executemany("insert or ignore into claim_buckets (key, statement_rowid) values (?, ?)",
                                [(k, rowid) for k in keys])
            near = [(cid, other, round(m.score, 3), m.reason) for cid, other, m in matches if cid != claim_id]
            db.conn.executemany(
                "insert or replace into claim_suggestions (statement_id, claim_id, with_statement_id, score, reason) "
                "values (?, ?, ?, ?, ?)",
                [r for cid, other, score, reason in near
                 for r in ((sid, cid, other, score, reason), (other, claim_id, sid, score, reason))])
            suggested += len(near)
        refresh_claims(db, touched)
    return ClaimsResult(len(rows), joined, len(rows) - joined, suggested)


def claim_inputs(db: sqlite_utils.Database, article_id: str) -> frozenset[tuple[Any, ...]]:
    """What an article's claims are decided from: each statement's id, content, speaker and type.
    When a re-extraction leaves these as they were (a new rule name or confidence), its claims
    stand, with their ids."""
    return frozenset(db.execute("select id, content, speaker_id, type from statements where article_id = ?",
                                [article_id]).fetchall())


def has_unclaimed(db: sqlite_utils.Database, article_id: str) -> bool:
    """Whether a statement of the article has no claim (stored before m013, or by a writer
    that did not assign claims)."""
    return db.execute("select 1 from statements where article_id = ? and claim_id is null limit 1",
                      [article_id]).fetchone() is not None


def claim_articles(db: sqlite_utils.Database) -> list[str]:
    """Every article id in the order :func:`rebuild_claims` assigns them: earliest publication first
    (undated last), then by id, so a claim's first statement is its first appearance."""
    return [r[0] for r in db.execute("select id from articles order by published is null, published, id")]


def clear_claims(db: sqlite_utils.Database) -> None:
    """Forget every claim, band key and suggestion (the first step of :func:`rebuild_claims`)."""
    with write_transaction(db):
        db.execute("delete from claim_suggestions")
        db.execute("delete from claim_buckets")
        db.execute("update statements set claim_id = null where claim_id is not null")
        db.execute("drop trigger if exists claims_ad")  # nothing refers to a claim any more: no per-row work
        db.execute("delete from claims")
        db.execute("create trigger if not exists claims_ad after delete on claims begin "
                   "delete from claim_suggestions where claim_id = old.id; "
                   "update statements set claim_id = null where claim_id = old.id; end")


def rebuild_claims(db: sqlite_utils.Database, progress: Any = None, batch: int = 200) -> int:
    """Recompute every claim from scratch: :func:`clear_claims`, then :func:`assign_claims` for every
    article in :func:`claim_articles` order, ``batch`` articles a transaction (an interrupted run
    keeps what it committed; run it again to start over).  Returns the number of claims."""
    clear_claims(db)
    ids = claim_articles(db)
    for i in range(0, len(ids), batch):
        with write_transaction(db):
            for article_id in ids[i:i + batch]:
                assign_claims(db, article_id)
        if progress:
            progress(len(ids[i:i + batch]))
    return db.execute("select count(*) from claims").fetchone()[0]


def count_unclaimed(db: sqlite_utils.Database) -> int:
    """How many statements have no claim (stored before m013, or by a writer that did not assign them)."""
    return db.execute("select count(*) from statements where claim_id is null").fetchone()[0]
