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

import contextlib
import datetime as dt
import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils
from sqlite_utils.migrations import Migrations

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
#: organisation, relaying body and article joined in.  The Datasette pages and
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
  s.content, sp.name as speaker, s.role, o.name as organisation,
  a.published as date, a.outlet, a.title as article_title, rb.name as reported_by,
  s.kind, s.type, s.speaker_kind, s.cue, s.confidence,
  s.id, s.article_id, a.url as article_url, a.published,
  s.cue_lemma, s.speaker_text, s.sentence, s.rule,
  s.start, s.end, s.speaker_id, s.organisation_id, s.reported_by_id,
  s.rowid as statement_rowid,
  s.seq, a.ingested_at, a.updated_at,
  sp.kind as speaker_record_kind, s.content_spans, s.cue_start, s.cue_end,
  s.speaker_start, s.speaker_end, s.sentence_start, s.sentence_end,
  (s.kind = 'speech') || ' ' || coalesce(a.published, '') as speech_then_date
from statements s
join articles a on a.id = s.article_id
left join speakers sp on sp.id = s.speaker_id
left join organisations o on o.id = s.organisation_id
left join organisations rb on rb.id = s.reported_by_id
"""


#: The statements view since m008: the date is the statement's copy of its
#: article's publication date (``statements.published``), so the default sort
#: (``speech_then_date``, :data:`SPEECH_THEN_DATE`), the date sort and the
#: speaker/organisation filters walk an index of ``statements`` instead of
#: sorting a million joined rows; the article is a left join (every statement
#: has one: a foreign key), so the planner may start from ``statements``.
STATEMENTS_VIEW = (
    STATEMENTS_VIEW_BEFORE_M008
    .replace("a.published as date,", "s.published as date,")
    .replace("a.url as article_url, a.published,", "a.url as article_url, s.published,")
    .replace("(s.kind = 'speech') || ' ' || coalesce(a.published, '') as speech_then_date",
             "(s.kind = 'speech') || ' ' || coalesce(s.published, '') as speech_then_date")
    .replace("\njoin articles a on", "\nleft join articles a on")
)


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
def m008_indexes_for_the_view(db: sqlite_utils.Database) -> None:
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
    db.create_view("statements_view", STATEMENTS_VIEW, replace=True)


def open_db(path: str, *, wal: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) a database at ``path`` in the current shape."""
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
    """Inverse of :func:`encode_parse`; raises ``ValueError`` on a stale format or damaged data."""
    try:
        return ParsedArticle.from_dict(json.loads(zlib.decompress(data)), text)
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


def _sentence_of(parse: ParsedArticle | None, start: int, end: int) -> tuple[int, int]:
    """The character range of the sentences that ``[start, end)`` touches."""
    if parse is None or not parse.sentences:
        return start, end
    touched = [s for s in parse.sentences if s.start < end and start < s.end]
    if not touched:
        return start, end
    return min(touched[0].start, start), max(touched[-1].end, end)


def spans_fit(a: Attribution, n: int) -> bool:
    """True when every span of ``a`` is a non-empty slice of a text of length ``n``."""
    spans = [*a.content_spans, *(x for x in (a.cue, a.source) if x is not None)]
    return bool(a.content_spans) and all(0 <= s < e <= n for s, e in spans)


def _lookup(db: sqlite_utils.Database, table: str, values: dict[str, Any]) -> int:
    """The id of the row of ``table`` (speakers, organisations) with these values, inserted when
    there is none: what sqlite-utils' ``lookup`` does, in two plain statements (its schema checks
    on every call were most of the time of ``attrib reextract``)."""
    cols = list(values)
    row = db.execute(f"select id from [{table}] where " + " and ".join(f"[{c}] = ?" for c in cols),
                          [values[c] for c in cols]).fetchone()
    if row is not None:
        return row[0]
    cur = db.execute(f"insert into [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
                          f"values ({', '.join('?' * len(cols))})", [values[c] for c in cols])
    return cur.lastrowid


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
    db: sqlite_utils.Database, article: Article, attributions: Iterable[Attribution], parse: ParsedArticle | None
) -> list[dict[str, Any]]:
    """Rows for the ``statements`` table (looks up/creates speakers and organisations)."""
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
    for seq, a in enumerate(sorted(fitting, key=lambda a: (a.start, a.end))):
        sid = statement_id(article.id, a)
        if sid in seen:
            continue
        seen.add(sid)
        speaker_id = None
        if a.source_name:
            speaker_id = _lookup(db, "speakers", {"name": a.source_name, "kind": a.speaker_kind})
        org_id = _lookup(db, "organisations", {"name": a.organisation}) if a.organisation else None
        rb_id = _lookup(db, "organisations", {"name": a.reported_by}) if a.reported_by else None
        s0, s1 = _sentence_of(parse, a.start, a.end)
        if a.source:
            s0, s1 = min(s0, a.source[0]), max(s1, a.source[1])
        rows.append(
            {
                "id": sid,
                "article_id": article.id,
                "published": normalise_date(article.published),  # the article's date, for the view's indexes
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
            "select text_sha256, ingested_at, n_statements, updated_at from articles where id = ?", [article.id]
        ).fetchone()
        if existing and existing[0] == sha:
            return SaveResult("unchanged", existing[2] or 0)
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
            db["statements"].delete_where("article_id = ?", [article.id])
            db["parses"].delete_where("article_id = ?", [article.id])
        rows = statement_rows(db, article, atts, parse)
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
            delete_orphans(db)
        return SaveResult("updated" if existing else "new", len(rows))


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
    orphans: bool = True,
) -> tuple[int, int]:
    """Re-extraction: swap an article's statements in one transaction.

    Statements whose id is unchanged keep their row id.  Returns
    (statements before, statements after).  ``orphans=False`` leaves the speakers and
    organisations no statement names any more for the caller to delete with
    :func:`delete_orphans` (``attrib reextract`` does, once at the end: each call
    scans every statement).
    """
    with write_transaction(db):
        before = count_statements(db, article.id)
        rows = statement_rows(db, article, attributions, parse)
        db.execute(
            "delete from statements where article_id = ? and id not in (select value from json_each(?))",
            [article.id, json.dumps([r["id"] for r in rows])],
        )
        if rows:
            _upsert_statements(db, rows)  # an existing id is updated in place: same rowid
        db.conn.execute("update articles set n_statements = ? where id = ?", [len(rows), article.id])
        if orphans:
            delete_orphans(db)
    return before, len(rows)


def delete_orphans(db: sqlite_utils.Database) -> tuple[int, int]:
    """Delete the speakers and organisations that no statement refers to any more.

    Called inside the write transaction of :func:`save_article` (an updated
    article) and :func:`replace_statements`, so a speaker never outlives the
    last statement that named it.  Returns (speakers deleted, organisations deleted).
    """
    speakers = db.execute(
        "delete from speakers where not exists (select 1 from statements s where s.speaker_id = speakers.id)"
    ).rowcount
    organisations = db.execute(
        "delete from organisations where not exists (select 1 from statements s "
        "where s.organisation_id = organisations.id or s.reported_by_id = organisations.id)"
    ).rowcount
    return speakers, organisations


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


def stored_articles(db: sqlite_utils.Database) -> Iterator[StoredArticle]:
    """Every stored article in id order, with its decoded parse (``None`` when it has no
    parse, the parse is of another text or format, or its data is damaged)."""
    rows = db.execute(
        "select a.id, a.text, a.title, a.url, a.outlet, a.published, a.author, a.input, p.data, "
        "a.text_sha256 is p.text_sha256 "
        "from articles a left join parses p on p.article_id = a.id order by a.id"
    ).fetchall()  # all first: the caller writes to the same tables while iterating
    for art_id, text, title, url, outlet, published, author, where, data, same_text in rows:
        article = Article(art_id, text, url, title, outlet, published, author, where)
        yield StoredArticle(article, _usable_parse(data, text) if same_text else None)


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
    db.conn.execute("ANALYZE")
    db.conn.execute("PRAGMA optimize")
