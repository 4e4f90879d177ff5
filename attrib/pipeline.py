"""Running articles through parse -> attribution -> storage.

:class:`Parsing` wraps the stanza :class:`~attrib.nlp.Parser` (created only
when a parse is not cached) and the :class:`~attrib.cache.ParseCache`.
:func:`ingest` stores articles one transaction each; :func:`extract_records`
does the same without a database; :func:`reextract` re-runs attribution from
the parses stored in the database, without stanza.
"""

from __future__ import annotations

import collections
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import sqlite_utils

from . import db as dbmod
from . import nlp
from .attribute import find_attributions
from .cache import ParseCache, text_sha256
from .inputs import Skipped
from .types import Article, Attribution, ParsedArticle

if TYPE_CHECKING:
    from .nlp import ParseFailed, Parser

log = logging.getLogger(__name__)


class Parsing:
    """Parses texts, from the cache when possible, else with one stanza pipeline.

    ``device`` (``auto``, ``cuda`` or ``cpu``) is resolved here, so a ``cuda``
    without a GPU fails before anything is read; the cache key is the model
    identity only, so parses made on one device are reused on the other.
    ``max_words`` bounds the length of a sentence the parser sees
    (:data:`attrib.nlp.MAX_SENTENCE_WORDS`).
    """

    def __init__(self, models_dir: str | os.PathLike[str] | None = None, cache: ParseCache | None = None,
                 use_cache: bool = True, device: str = "auto", max_words: int | None = None):
        from .nlp import MAX_SENTENCE_WORDS, model_identity, resolve_device, resolve_models_dir

        self.models_dir = resolve_models_dir(models_dir)
        self.model = model_identity(self.models_dir)
        self.device = resolve_device(device)
        self.max_words = max_words or MAX_SENTENCE_WORDS
        self.cache = cache if cache is not None else ParseCache()
        self.use_cache = use_cache
        self._parser = None
        self.parsed = 0
        self.cached = 0

    def parse_many(self, texts: list[str]) -> list[ParsedArticle]:
        """Parses of ``texts`` in order; raises :class:`~attrib.nlp.ParseFailed` when one fails."""
        out = self.parse_each(texts)
        for p in out:
            if isinstance(p, Exception):
                raise p
        return out  # type: ignore[return-value]

    def parse_each(self, texts: list[str]) -> list[ParsedArticle | ParseFailed]:
        """Parses of ``texts`` in order, a :class:`~attrib.nlp.ParseFailed` for each one the parser failed on."""
        out: list[ParsedArticle | ParseFailed | None] = [
            self.cache.get(self.model, t) if self.use_cache else None for t in texts
        ]
        todo = [k for k, p in enumerate(out) if p is None]
        self.cached += len(texts) - len(todo)
        if todo:
            for k, parse in zip(todo, self._parse_each([texts[k] for k in todo]), strict=True):
                out[k] = parse
                if not isinstance(parse, Exception):
                    self.parsed += 1
                    self._cache_put(parse)
        return [p for p in out if p is not None]

    def _get_parser(self) -> Parser:
        """The stanza parser, loaded on first use (a :class:`~attrib.nlp.SetupError` when it cannot be)."""
        if self._parser is None:
            from .nlp import Parser

            self._parser = Parser(self.models_dir, device=self.device)
            self._parser.max_words = self.max_words  # only the tokenize step reads it
        return self._parser

    def _parse_each(self, texts: list[str]) -> list[ParsedArticle | ParseFailed]:
        """The parser's :meth:`~attrib.nlp.Parser.parse_each` (a parser with only ``parse_many``,
        such as a test's stand-in, fails a whole batch at once)."""
        parser = self._get_parser()
        each = getattr(parser, "parse_each", None)
        return each(texts) if each is not None else list(parser.parse_many(texts))

    def _cache_put(self, parse: ParsedArticle) -> None:
        if self.use_cache:
            try:
                self.cache.put(parse)
            except OSError as e:  # a full or read-only cache must not stop the run
                log.warning("could not write parse cache: %s", e)


@dataclass
class Report:
    """Counts of one run, and every record that was not stored."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    statements: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def summary(self) -> str:
        """One line of counts for the end of a run."""
        return (
            f"articles: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped; statements stored: {self.statements}"
        )


def _batches(items: Iterable[Article | Skipped], size: int) -> Iterator[list[Article | Skipped]]:
    batch: list[Article | Skipped] = []
    for it in items:
        batch.append(it)
        if sum(isinstance(b, Article) for b in batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _LazyParsing:
    """A :class:`Parsing`, or a factory of one that is called the first time a parse is needed."""

    def __init__(self, parsing: Parsing | Callable[[], Parsing]):
        self._parsing = parsing if isinstance(parsing, Parsing) else None
        self._factory = None if isinstance(parsing, Parsing) else parsing

    def get(self) -> Parsing:
        """The :class:`Parsing`, created now if it was a factory."""
        if self._parsing is None:
            self._parsing = self._factory()  # type: ignore[misc]
        return self._parsing


def _needs_storing(db: sqlite_utils.Database, batch: list[Article | Skipped], report: Report) -> list[Article]:
    """The articles of ``batch`` that are not stored with the same text; counts the rest.

    An article whose id is stored for another file with another text is skipped
    (:func:`attrib.db.check_same_source`) before it is parsed.
    """
    todo: list[Article] = []
    for rec in batch:
        if isinstance(rec, Skipped):
            report.skipped.append(rec)
            continue
        stored = dbmod.stored_source(db, rec.id)
        if stored and stored[0] == text_sha256(rec.text):
            report.unchanged += 1
            continue
        try:
            dbmod.check_same_source(rec, stored[1] if stored else None)
        except dbmod.IdConflict as e:
            report.skipped.append(Skipped(rec.source or rec.id, str(e)))
            continue
        todo.append(rec)
    return todo


def _parse_batch(parsing: Parsing, articles: list[Article], report: Report) -> list[ParsedArticle | None]:
    """Parses of ``articles`` in order, ``None`` (and a skip with the reason) for each one the parser failed on.

    The parser itself retries a failed batch one text at a time, so only the bad article is lost.
    """
    parses: list[ParsedArticle | None] = []
    for a, p in zip(articles, parsing.parse_each([a.text for a in articles]), strict=True):
        if isinstance(p, Exception):
            report.skipped.append(Skipped(a.source or a.id, str(p)))
            parses.append(None)
        else:
            parses.append(p)
    return parses


def _store(db: sqlite_utils.Database, article: Article, parse: ParsedArticle, report: Report) -> None:
    """Attribute and store one article, counting it in ``report`` (a failure is a skip, not an error)."""
    try:
        attributions = find_attributions(parse)
    except Exception as e:  # noqa: BLE001
        log.exception("attribution failed for %s", article.id)
        report.skipped.append(Skipped(article.source or article.id, f"internal error: {e!r}"))
        return
    store_attributed(db, article, parse, attributions, report)


def store_attributed(db: sqlite_utils.Database, article: Article, parse: ParsedArticle,
                     attributions: list[Attribution], report: Report) -> None:
    """Store one article with its attributions (found here or by a worker process), counting it
    in ``report`` (a failure is a skip, not an error).

    Raises :class:`attrib.db.FatalDatabaseError` when the database cannot be written at all
    (read-only, disk full): no later article could be stored either.
    """
    where = article.source or article.id
    try:
        with dbmod.write_transaction(db):  # the statements and their claims: one commit
            res = dbmod.save_article(db, article, attributions, parse)
            if res.status != "unchanged":
                statements_saved(db, article.id)
    except dbmod.IdConflict as e:
        report.skipped.append(Skipped(where, str(e)))
        return
    except Exception as e:  # noqa: BLE001
        fatal = dbmod.fatal_reason(e)
        if fatal:
            raise dbmod.FatalDatabaseError(fatal) from None
        if dbmod.is_locked_error(e):
            report.skipped.append(Skipped(
                where, "database is locked by another process; run the command again to store it"))
        else:
            log.exception("attribution failed for %s", article.id)
            report.skipped.append(Skipped(where, f"internal error: {e!r}"))
        return
    setattr(report, res.status, getattr(report, res.status) + 1)
    if res.status != "unchanged":
        report.statements += res.n_statements


def statements_saved(db: sqlite_utils.Database, article_id: str) -> None:
    """What follows every write of an article's statements (an ingest, an updated article, a
    re-extraction), inside the same write transaction: they join the claims across outlets
    (:func:`attrib.db.assign_claims`)."""
    dbmod.assign_claims(db, article_id)


def ingest(
    db: sqlite_utils.Database,
    records: Iterable[Article | Skipped],
    parsing: Parsing | Callable[[], Parsing],
    batch_size: int = nlp.BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    report: Report | None = None,
) -> Report:
    """Store every article of ``records``; one transaction per article.

    Articles already stored with the same text are not parsed again.  A record
    that fails is reported in :attr:`Report.skipped` and the run goes on.
    ``parsing`` may be a factory, so stanza is only loaded when something needs parsing.
    Pass ``report`` to see the counts so far if the run is interrupted.
    """
    report = report if report is not None else Report()
    lazy = _LazyParsing(parsing)
    try:
        for batch in _batches(records, batch_size):
            todo = _needs_storing(db, batch, report)
            if todo:
                for article, parse in zip(todo, _parse_batch(lazy.get(), todo, report), strict=True):
                    if parse is not None:
                        _store(db, article, parse, report)
            if progress:
                progress(len(batch))
        if report.new or report.updated:
            dbmod.optimize(db)  # fresh planner statistics: the Datasette pages walk indexes
    finally:  # also on Ctrl-C, SIGTERM and fatal errors: the .db file alone then holds every commit
        dbmod.checkpoint(db)
    return report


def extract_records(
    records: Iterable[Article | Skipped], parsing: Parsing, batch_size: int = nlp.BATCH_SIZE
) -> Iterator[tuple[Article, list[Attribution]] | Skipped]:
    """Attributions for every article, without a database."""
    for batch in _batches(records, batch_size):
        arts = [r for r in batch if isinstance(r, Article)]
        for r in batch:
            if isinstance(r, Skipped):
                yield r
        parses = parsing.parse_each([a.text for a in arts]) if arts else []
        for a, p in zip(arts, parses, strict=True):
            if isinstance(p, Exception):
                yield Skipped(a.source or a.id, str(p))
            else:
                yield a, find_attributions(p)


def reextract(db: sqlite_utils.Database, progress: Callable[[int], None] | None = None,
              batch: int = 50, workers: int = 1, pool: ProcessPoolExecutor | None = None
              ) -> tuple[int, int, list[str]]:
    """Re-run attribution on every stored parse (no stanza).

    Speakers and organisations that no statement names any more are deleted (once, at
    the end).  ``batch`` articles share a transaction (one commit each, not one per
    article); stopping half way keeps the batches committed, and a re-run gives the
    same result.  ``workers`` > 1 decodes the parses and runs the rules in that many
    processes while this one writes, batch by batch in id order: the same rows as one
    process (``pool``: processes already started, which are left running).  Returns
    (articles done, statements now stored, ids without a usable parse).
    """
    done = total = 0
    missing: list[str] = []
    try:
        for extracted in _extracted_batches(db, batch, workers, pool):
            done, total = _reextract_chunk(db, extracted, missing, done, total)
            if progress:
                progress(len(extracted))
        with dbmod.write_transaction(db):
            dbmod.relink_blocks(db, dbmod.delete_orphans(db))  # once, not per article: each pass scans every statement
        dbmod.optimize(db)
    finally:
        dbmod.checkpoint(db)
    return done, total, missing


#: One article re-extracted: the article, its statements (``None``: no usable parse) and the
#: parse the writer reads the sentence bounds and the named people of.
Extracted = tuple[Article, "list[Attribution] | None", "ParsedArticle | None"]


def extract_stored(rows: list[dbmod.StoredRow], slim: bool = False) -> list[Extracted]:
    """Decode and re-extract stored rows (:func:`attrib.db.stored_rows`).  ``slim`` (in a
    worker process) sends back the parse without its tokens: the writer reads only its
    sentences and entities, and a parse's tokens are most of its size."""
    out: list[Extracted] = []
    for row in rows:
        stored = dbmod.decode_stored(row)
        if stored.parse is None:
            out.append((stored.article, None, None))
            continue
        atts = find_attributions(stored.parse)
        out.append((stored.article, atts, replace(stored.parse, tokens=()) if slim else stored.parse))
    return out


def _extracted_batches(db: sqlite_utils.Database, batch: int, workers: int,
                       pool: ProcessPoolExecutor | None) -> Iterator[list[Extracted]]:
    """The re-extracted articles, ``batch`` at a time in id order: here, or by ``workers``
    processes (spawned, as for ``attrib ingest --workers``) that keep up to two batches each
    in flight ahead of the writer."""
    if workers <= 1 and pool is None:
        for rows in dbmod.stored_rows(db, batch):
            yield extract_stored(rows)
        return
    own = pool is None
    pool = pool or ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    pending: collections.deque[Future[list[Extracted]]] = collections.deque()
    try:
        for rows in dbmod.stored_rows(db, batch):
            pending.append(pool.submit(extract_stored, rows, True))
            if len(pending) >= 2 * max(workers, 2):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for f in pending:
            f.cancel()
        if own:
            pool.shutdown(wait=True, cancel_futures=True)


def _reextract_chunk(db: sqlite_utils.Database, chunk: list[Extracted], missing: list[str],
                     done: int, total: int) -> tuple[int, int]:
    """Write ``chunk`` in one transaction; a database that cannot be written is a
    :class:`attrib.db.FatalDatabaseError`.  Returns the running (articles done, statements)."""
    try:
        with dbmod.write_transaction(db):
            known: dict[tuple, Any] = {}  # alias and organisation ids, valid to the end of the transaction
            for article, atts, parse in chunk:
                if atts is None or parse is None:
                    missing.append(article.id)
                    continue
                claimed = dbmod.claim_inputs(db, article.id)
                _, after = dbmod.replace_statements(db, article, atts, parse, orphans=False, known=known)
                # else its claims stand (and keep their ids), unless some statement has none yet
                if dbmod.claim_inputs(db, article.id) != claimed or dbmod.has_unclaimed(db, article.id):
                    statements_saved(db, article.id)
                done += 1
                total += after
    except Exception as e:
        fatal = dbmod.fatal_reason(e)
        if fatal:
            raise dbmod.FatalDatabaseError(fatal) from None
        raise
    return done, total

