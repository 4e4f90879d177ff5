"""The ``attrib`` command line: thin click wrappers over the library.

Exit codes: 0 everything was stored (or unchanged); 1 a fatal error (no
models, unreadable, read-only or foreign database, full disk, missing
library); 2 wrong usage; 3 the run finished but some input records were
skipped (each one is listed on standard error); 130 interrupted (Ctrl-C) and
143 terminated (SIGTERM): what was stored so far is kept, run again to continue.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import click

from . import __version__
from .nlp import BATCH_SIZE

EXIT_SKIPPED = 3
EXIT_INTERRUPTED = 130  # the shell's code for Ctrl-C
EXIT_TERMINATED = 143  # the shell's code for SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: the article in progress is rolled back."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated()


@contextlib.contextmanager
def _sigterm_like_ctrl_c() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Terminated` (a ``KeyboardInterrupt``)."""
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupted(e: KeyboardInterrupt, message: str) -> None:
    """Say ``message`` and exit 130 (Ctrl-C) or 143 (SIGTERM)."""
    click.echo(message, err=True)
    sys.exit(EXIT_TERMINATED if isinstance(e, Terminated) else EXIT_INTERRUPTED)


@contextlib.contextmanager
def _fatal_errors() -> Iterator[None]:
    """Turn the errors no record can get past (models, database, disk, missing library) into
    one message and exit 1; what was committed before stays."""
    from .db import FatalDatabaseError, NotAttribDatabase
    from .inputs import MissingLibrary
    from .nlp import SetupError

    try:
        yield
    except (SetupError, MissingLibrary, NotAttribDatabase) as e:
        raise click.ClickException(str(e)) from None
    except FatalDatabaseError as e:
        raise click.ClickException(f"stopped: {e}; every article stored before this one is kept") from None


def _open(db_path: str):
    """The database, checked to take writes, or a fatal error (exit 1) that names it."""
    from .db import FatalDatabaseError, check_writable, open_db

    try:
        db = open_db(db_path)
    except Exception as e:  # noqa: BLE001
        raise click.ClickException(f"cannot open database {db_path}: {e}") from None
    try:
        check_writable(db, db_path)
    except FatalDatabaseError as e:
        db.conn.close()
        raise click.ClickException(f"cannot write to {db_path}: {e}") from None
    return db


def _inputs(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """The input paths; an empty one is a usage error (exit 2)."""
    if any(not v.strip() for v in value):
        raise click.BadParameter("an input path is empty (\"\"); give a file, a directory or - for standard input",
                                 ctx=ctx, param=param)
    return value


def _reader(max_chars: int):
    from .inputs import Reader

    return Reader(max_chars=max_chars)


def _count_records(inputs: tuple[str, ...]) -> int | None:
    """A quick count of records for the progress bar (files + JSONL lines); standard input and
    named pipes are not read here (they can be read once only)."""
    from .inputs import HTML_SUFFIXES, JSONL_SUFFIXES, STDIN, TEXT_SUFFIXES

    n = 0
    try:
        for raw in inputs:
            if raw == STDIN:
                return None
            p = Path(raw)
            files = sorted(p.rglob("*")) if p.is_dir() else [p]
            for f in files:
                if not f.is_file():
                    continue
                if f.suffix.lower() in JSONL_SUFFIXES:
                    with f.open("rb") as fh:
                        n += sum(1 for line in fh if line.strip())
                elif f.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES or not p.is_dir():
                    n += 1
    except OSError:
        return None
    return n


def _report_skips(skipped) -> None:
    for s in skipped:
        click.echo(f"skipped {s.where}: {s.reason}", err=True)


models_option = click.option(
    "--models",
    "models_dir",
    type=click.Path(file_okay=False),
    envvar="STANZA_RESOURCES_DIR",
    help="stanza resources directory (default: $STANZA_RESOURCES_DIR, else ~/stanza_resources).",
)
cache_option = click.option("--no-cache", is_flag=True, help="Ignore the parse cache and parse everything again.")
device_option = click.option(
    "--device", type=click.Choice(["auto", "cuda", "cpu"]), default="auto", show_default=True,
    help="Where stanza runs: auto is cuda when torch sees a GPU, else cpu; cuda without one is an error.",
)


def _kinds(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...]:
    """The ``--kinds`` value as a tuple of statement kinds; an unknown kind is a usage error (exit 2)."""
    from .types import parse_kinds

    try:
        return parse_kinds(value)
    except ValueError as e:
        raise click.BadParameter(str(e), ctx=ctx, param=param) from None


kinds_option = click.option(
    "--kinds", default="speech", show_default=True, callback=_kinds, metavar="KIND[,KIND...]|all",
    help="Which statements to print: speech, belief, intention, evidence (comma-separated), or all.",
)
max_words_option = click.option(
    "--max-sentence-words", "max_words", default=None, type=click.IntRange(10),
    help="Cut sentences longer than this many words into pieces before parsing (bounds memory; default 120).",
)
inputs_argument = click.argument("inputs", nargs=-1, required=True, type=click.Path(), callback=_inputs)
max_chars_option = click.option(
    "--max-chars", default=1_000_000, show_default=True, type=click.IntRange(1),
    help="Skip articles longer than this many characters.",
)


@click.group()
@click.version_option(__version__)
def cli() -> None:
    """Find who said what in news articles; store it in SQLite; explore it in Datasette.

    \b
    Example:
        attrib ingest news.db ../shared/samples/articles --models ../shared/models/stanza
        attrib serve news.db
    """


def _parsing(models_dir: str | None, no_cache: bool, device: str, max_words: int | None = None):
    """The :class:`~attrib.pipeline.Parsing`, or a fatal error (exit 1): no models, or no GPU for cuda."""
    from .nlp import SetupError
    from .pipeline import Parsing

    try:
        return Parsing(models_dir, use_cache=not no_cache, device=device, max_words=max_words)
    except SetupError as e:
        raise click.ClickException(str(e)) from None


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(dir_okay=False))
@inputs_argument
@models_option
@device_option
@cache_option
@max_chars_option
@max_words_option
@click.option("--batch-size", default=BATCH_SIZE, show_default=True, type=click.IntRange(1),
              help="Articles per stanza batch (a speed setting: the parses are the same).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1),
              help="Parser processes (each loads the models once, one thread each); one writer stores in order.")
@click.option("--dask", "dask_scheduler", metavar="SCHEDULER|local:N",
              help="Parse on a Dask cluster (a scheduler address, or local:N for N local workers); stored here.")
@click.option("--aliases", "aliases_file", type=click.Path(exists=True, dir_okay=False),
              help="CSV of alias,canonical name[,wikidata id]: hand-kept identities, applied before ingesting.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def ingest(db_path, inputs, models_dir, device, no_cache, max_chars, max_words, batch_size, workers, dask_scheduler,
           aliases_file, quiet) -> None:
    """Read articles (.txt, .html, .jsonl files or directories) into DB.

    Each article is stored in its own transaction; ingesting the same input
    again changes nothing, and an article whose text changed is replaced (its
    previous version is recorded in article_versions).  Statements of every
    kind (speech, belief, intention, evidence) are stored; Datasette shows
    speech by default.  JSONL lines need
    "text" and may have "id", "url", "title", "outlet", "published", "author".

    \b
    Example:
        attrib ingest news.db ../shared/samples/articles --models ../shared/models/stanza
        attrib ingest news.db articles/ --aliases aliases.csv
    """
    from tqdm import tqdm

    from .pipeline import Report
    from .pipeline import ingest as run

    db = _open(db_path)
    if aliases_file:
        _load_aliases(db, aliases_file)
    total = _count_records(inputs)
    bar = tqdm(total=total, unit="article", disable=True if quiet else None, file=sys.stderr)
    report = Report()
    elsewhere = workers > 1 or dask_scheduler
    if elsewhere:
        run = _run_elsewhere(workers, dask_scheduler, models_dir, no_cache, device)
    try:
        with _sigterm_like_ctrl_c(), _fatal_errors():
            run(
                db,
                _reader(max_chars).read(inputs),
                **({} if elsewhere else {"parsing": lambda: _parsing(models_dir, no_cache, device, max_words)}),
                batch_size=batch_size,
                progress=bar.update,
                report=report,
            )
    except KeyboardInterrupt as e:
        # the article being written was rolled back; every one before it is stored (and checkpointed)
        bar.close()
        _report_skips(report.skipped)
        _interrupted(e, f"interrupted; {report.summary()}\nrun the same command again to continue where it stopped")
    except click.ClickException:
        bar.close()
        if report.new or report.updated or report.unchanged or report.skipped:  # say what was kept
            _report_skips(report.skipped)
            click.echo(report.summary(), err=True)
        raise
    finally:
        db.conn.close()
    bar.close()
    _report_skips(report.skipped)
    click.echo(report.summary(), err=True)
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


def _check_output(output: str | None, inputs: tuple[str, ...]) -> None:
    """A usage error (exit 2) when ``-o`` is one of the inputs (or inside an input folder), or its
    folder does not exist."""
    if not output:
        return
    out = Path(output).resolve()
    for raw in inputs:
        if raw == "-":
            continue
        given = Path(raw).resolve()
        if out == given or given in out.parents:
            raise click.BadParameter(f"{output} is also an input ({raw}); write the output elsewhere",
                                     param_hint="'-o' / '--output'")
    if not out.parent.is_dir():
        raise click.BadParameter(f"folder {out.parent} does not exist", param_hint="'-o' / '--output'")


@contextlib.contextmanager
def _output(output: str | None) -> Iterator:
    """Standard output, or a temporary file next to ``output`` renamed to it when everything was
    written (an interrupted or failed run leaves no half file)."""
    if not output:
        yield sys.stdout
        return
    target = Path(output)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.resolve().parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise click.ClickException(f"cannot write {output}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            yield f
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _write_extractions(items, out, kinds: tuple[str, ...]) -> list:
    """Write one JSON line per article; the skipped records."""
    from .inputs import Skipped

    skipped = []
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        article, atts = item
        shown = [a.to_json(article.text) for a in atts if a.kind in kinds]
        out.write(json.dumps({"doc_id": article.id, "attributions": shown}, ensure_ascii=False) + "\n")
    return skipped


def _run_elsewhere(workers: int, dask_scheduler: str | None, models_dir, no_cache: bool, device: str):
    """The ingest function that parses in worker processes (``--workers``) or on Dask (``--dask``)."""
    from functools import partial

    if workers > 1 and dask_scheduler:
        raise click.UsageError("give --workers or --dask, not both")
    parsing = _parsing(models_dir, no_cache, device)  # no models, no GPU: exit 1 before a worker starts
    common = {"models_dir": str(parsing.models_dir), "use_cache": not no_cache, "device": parsing.device}
    if dask_scheduler:
        from .daskrun import ingest_dask

        return partial(ingest_dask, scheduler=dask_scheduler, **common)
    from .parallel import ingest_parallel

    return partial(ingest_parallel, workers=workers, **common)


@cli.command()
@inputs_argument
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write here instead of standard output (through a temporary file, renamed when done).")
@models_option
@device_option
@cache_option
@max_chars_option
@max_words_option
@kinds_option
def extract(inputs, fmt, output, models_dir, device, no_cache, max_chars, max_words, kinds) -> None:
    """Print attributions as JSONL (the shape of gold.jsonl), without a database.

    Offsets are character offsets into each article's text as given, so the
    output can be scored with ../shared/eval/score.py.  Only speech is printed
    unless --kinds asks for beliefs, intentions or evidence too; every
    attribution carries its "kind".  An input of - reads standard input.

    \b
    Example:
        attrib extract ../shared/samples/articles.jsonl --models ../shared/models/stanza > pred.jsonl
        python ../shared/eval/score.py --gold ../shared/samples/gold.jsonl --pred pred.jsonl
        attrib extract article.txt --kinds speech,belief
        attrib extract article.txt --kinds all
    """
    from .pipeline import extract_records

    _check_output(output, inputs)
    parsing = _parsing(models_dir, no_cache, device, max_words)
    try:
        with _sigterm_like_ctrl_c(), _fatal_errors(), _output(output) as out:
            skipped = _write_extractions(extract_records(_reader(max_chars).read(inputs), parsing), out, kinds)
    except KeyboardInterrupt as e:
        _interrupted(e, "interrupted" + (f"; {output} was not written" if output else ""))
    _report_skips(skipped)
    if skipped:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1),
              help="Processes that run the rules (one more writes); 2 on a 2-core machine.")
def reextract(db_path, quiet, workers) -> None:
    """Re-run attribution on the parses stored in DB, without stanza.

    Use after changing the rules: statements whose offsets did not change keep
    their ids, so links into Datasette stay valid (their kind, rule and other
    columns are updated).  Every kind of statement is stored.  --workers N runs
    the rules in N processes while one writes (the same rows as one process).

    \b
    Example:
        attrib reextract news.db
        attrib reextract news.db --workers 2
    """
    from tqdm import tqdm

    from .db import count_articles
    from .pipeline import reextract as run

    db = _open(db_path)
    n = count_articles(db)
    try:
        with _sigterm_like_ctrl_c(), _fatal_errors(), \
                tqdm(total=n, unit="article", disable=True if quiet else None, file=sys.stderr) as bar:
            done, total, missing = run(db, progress=bar.update, workers=workers)
    except KeyboardInterrupt as e:
        _interrupted(e, "interrupted; every article re-extracted so far is stored; run it again to finish")
    finally:
        db.conn.close()
    for art_id in missing:
        click.echo(f"skipped {art_id}: no stored parse of the current format; run `attrib ingest` on it again",
                   err=True)
    click.echo(f"re-extracted {done} articles; statements stored: {total}", err=True)
    if missing:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.option("-h", "--host", default="127.0.0.1", show_default=True,
              help="Interface to bind (localhost only by default).")
@click.option("-p", "--port", default=8001, show_default=True, type=int)
@click.option("--live", is_flag=True,
              help="Open the file read-only but not immutable, for browsing while `attrib ingest` writes to it.")
@click.option("--review", is_flag=True,
              help="Serve DB writable, with a login for reviewers and a query that records reviews.")
@click.option("--reviewers", "reviewers_file", type=click.Path(exists=True, dir_okay=False),
              help="With --review: a file of NAME:HASH lines (default: $ATTRIB_REVIEWERS, same lines).")
def serve(db_path, host, port, live, review, reviewers_file) -> None:
    """Explore DB in Datasette (read-only, bound to localhost).

    \b
    Example:
        attrib serve news.db            # then open http://127.0.0.1:8001/
        ATTRIB_REVIEWERS="ana:$(datasette hash-password)" attrib serve news.db --review
    """
    from .datasette.serve import serve as run

    _check_servable(db_path)
    if not live:
        live = _fold_wal_or_serve_live(db_path)
    _check_port(host, port)
    try:
        run(db_path, host=host, port=port, immutable=not live,
            reviewers=_reviewers(reviewers_file) if review else None)
    except OSError as e:
        raise click.ClickException(f"cannot start Datasette: {e}") from None


def _check_servable(db_path: str) -> None:
    """A fatal error (exit 1) for a file that is not an SQLite database or an attrib database
    that needs a migration first."""
    import sqlite3

    from .db import pending_migrations

    try:
        pending = pending_migrations(db_path)
    except sqlite3.DatabaseError as e:
        raise click.ClickException(f"cannot serve {db_path}: not an SQLite database ({e})") from None
    if pending:
        raise click.ClickException(
            f"{db_path} was made by an older attrib (missing {', '.join(pending)}); "
            f"run `attrib reextract {db_path}` once to bring it up to date, then serve it")


def _fold_wal_or_serve_live(db_path: str) -> bool:
    """Fold a leftover -wal file into the database before serving it immutably (an immutable
    reader ignores the -wal, where a crashed run's last commits can be); True when that was not
    possible and the file must be served live instead (said on standard error)."""
    from .db import fold_wal

    why = fold_wal(db_path)
    if why:
        click.echo(f"serving {db_path} live (not immutable): {why}, and an immutable server "
                   "would not see the commits still in its -wal file", err=True)
    return bool(why)


def _check_port(host: str, port: int) -> None:
    """A fatal error (exit 1) when ``host:port`` cannot be bound, e.g. another server uses it."""
    import socket

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as e:
        raise click.ClickException(
            f"cannot listen on {host}:{port}: {e.strerror or e}; pass another port with -p PORT") from None


def _reviewers(path: str | None) -> dict[str, str]:
    """The reviewers' accounts for ``attrib serve --review``, or a fatal error."""
    import os

    from .datasette.serve import REVIEWERS_ENV, reviewer_accounts

    text = Path(path).read_text(encoding="utf-8") if path else os.environ.get(REVIEWERS_ENV, "")
    try:
        accounts = reviewer_accounts(text)
    except ValueError as e:
        raise click.ClickException(str(e)) from None
    if not accounts:
        raise click.ClickException(f"--review needs reviewer accounts: NAME:HASH lines in ${REVIEWERS_ENV} or "
                                   "--reviewers FILE (make a hash with `datasette hash-password`)")
    return accounts


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.argument("statement_id")
@click.option("--verdict", required=True, type=click.Choice(["confirmed", "wrong_speaker", "wrong_span",
                                                             "not_a_statement"]))
@click.option("--reviewer", required=True, help="Who reviews (recorded with the time).")
@click.option("--rating", help="Textual rating of the claim, e.g. False, Misleading, True.")
@click.option("--rating-value", type=float, help="Numeric rating (with --best-rating/--worst-rating).")
@click.option("--best-rating", type=float)
@click.option("--worst-rating", type=float)
@click.option("--speaker", help="The right speaker's name (corrects the extracted one).")
@click.option("--role", help="The right speaker's role or title.")
@click.option("--organisation", help="The right speaker's organisation.")
@click.option("--note", help="A note for the audit trail.")
@click.option("--url", help="URL of the published fact-check.")
def review(db_path, statement_id, verdict, reviewer, **fields) -> None:
    """Record a review of statement STATEMENT_ID in DB (append-only: the latest one counts).

    \b
    Example:
        attrib review news.db 3f2a9c0d1e2b4a5c --verdict confirmed --reviewer ana --rating False \\
            --url https://factcheck.example/claims/123
        attrib review news.db 3f2a9c0d1e2b4a5c --verdict wrong_speaker --reviewer ana --speaker "Kim Yo-jong"
    """
    from .reviews import Review, ReviewError, record_review

    db = _open(db_path)
    try:
        review_id = record_review(db, reviewer, Review(statement_id=statement_id, verdict=verdict, **fields))
    except ReviewError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"review {review_id} of statement {statement_id} recorded", err=True)


@cli.command("reviews")
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.option("--statement", "statement_id", help="Only this statement's reviews.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
def reviews_cmd(db_path, statement_id, as_json) -> None:
    """List the reviews in DB, oldest first; the latest of each statement is marked *,
    and a review whose statement no longer exists is marked ORPHANED.

    \b
    Example:
        attrib reviews news.db
    """
    from .reviews import list_reviews

    for r in list_reviews(_open(db_path), statement_id):
        if as_json:
            click.echo(json.dumps(r, ensure_ascii=False))
            continue
        flags = ("*" if r["latest"] else " ") + (" ORPHANED" if r["orphaned"] else "")
        extra = [f"{k}={r[c]}" for k, c in (("rating", "rating"), ("speaker", "speaker_name"), ("url", "review_url"),
                                             ("note", "review_note")) if r[c] is not None]
        click.echo("\t".join([str(r["id"]), r["reviewed_at"], r["statement_id"], r["verdict"], r["reviewer"],
                              " ".join(extra), flags.strip()]))


@cli.command("export")
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["claimreview"]), default="claimreview", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of standard output.")
@click.option("--publisher", help="The fact-checking organisation (the ClaimReview author).")
def export_cmd(db_path, fmt, output, publisher) -> None:
    """Export the rated statements of DB as schema.org ClaimReview JSON-LD.

    \b
    Example:
        attrib export news.db --format claimreview --publisher "Example Fact Check" -o claimreview.json
    """
    from .reviews import claimreview_json, write_atomically

    text, n, no_url = claimreview_json(_open(db_path), publisher)
    if output:
        write_atomically(output, text)
    else:
        click.echo(text, nl=False)
    click.echo(f"{n} ClaimReview(s) exported", err=True)
    if no_url:
        click.echo(f"{no_url} of them have no fact-check URL (review --url): search engines skip those", err=True)
    if not publisher:
        click.echo("no --publisher: each review's author is its reviewer", err=True)


@cli.group()
def claims() -> None:
    """Claims across outlets: statements that carry the same claim share a claim id.

    Ingest and reextract assign the claims of each article as it is stored; these
    commands work on the whole database.

    \b
    Example:
        attrib claims rebuild news.db
    """


@claims.command("rebuild")
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def claims_rebuild(db_path, quiet) -> None:
    """Recompute every claim of DB from scratch, earliest article first.

    Needed once for statements stored before claims existed, and after a change
    of the thresholds or LSH settings in attrib/claims.py.  Claim ids may change.

    \b
    Example:
        attrib claims rebuild news.db
    """
    from tqdm import tqdm

    from .db import checkpoint, count_articles, rebuild_claims

    db = _open(db_path)
    try:
        with _sigterm_like_ctrl_c(), _fatal_errors(), \
                tqdm(total=count_articles(db), unit="article", disable=True if quiet else None,
                     file=sys.stderr) as bar:
            n = rebuild_claims(db, progress=bar.update)
        checkpoint(db)
        n_statements = db.execute("select count(*) from statements").fetchone()[0]
    except KeyboardInterrupt as e:
        _interrupted(e, "interrupted; the claims are incomplete: run `attrib claims rebuild` again")
    finally:
        db.conn.close()
    click.echo(f"{n} claims over {n_statements} statements", err=True)


@cli.group()
def models() -> None:
    """Manage the stanza models.

    \b
    Example:
        attrib models download --dir ~/stanza_resources
    """


@models.command("download")
@click.option("--dir", "models_dir", type=click.Path(file_okay=False), envvar="STANZA_RESOURCES_DIR",
              help="Where to put them (default: $STANZA_RESOURCES_DIR, else ~/stanza_resources).")
def models_download(models_dir) -> None:
    """Download stanza's official English models (needs internet access).

    \b
    Example:
        attrib models download --dir ~/stanza_resources
    """
    from .nlp import download_models

    path = download_models(models_dir)
    click.echo(f"models in {path}")


def _load_aliases(db, path: str) -> None:
    """Record an aliases file's decisions, or a usage error (exit 2) naming its bad line."""
    from .speakers import SpeakerError, load_aliases

    try:
        n = load_aliases(db, path)
    except SpeakerError as e:
        db.conn.close()
        raise click.BadParameter(str(e), param_hint="--aliases") from None
    click.echo(f"aliases: {n} new decisions from {path}", err=True)


@cli.group()
def speakers() -> None:
    """Who is who across articles: merge, split, aliases file, relink.

    Decisions are kept in the database (speaker_pins) and hold through re-ingest and
    reextract; statement ids and links never change.

    \b
    Example:
        attrib speakers show news.db Clinton
        attrib speakers merge news.db "Bill Clinton" "William J. Clinton"
    """


def _speaker_action(db_path: str, action):
    """Run ``action(db)``; a :class:`SpeakerError` is one message and exit 1."""
    from .speakers import SpeakerError

    db = _open(db_path)
    try:
        with _fatal_errors():
            return action(db)
    except SpeakerError as e:
        raise click.ClickException(str(e)) from None
    finally:
        db.conn.close()


def _say_speaker(sp: dict) -> None:
    """The speaker a merge or split left: id, name, statements."""
    click.echo(f"speaker {sp['id']} {sp['name']}: {sp['n_statements']} statements", err=True)


@speakers.command("merge")
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.argument("keep")
@click.argument("other")
@click.option("--name", help="The merged speaker's name (default: KEEP's).")
def speakers_merge(db_path, keep, other, name) -> None:
    """Make OTHER the same speaker as KEEP (each a speaker id, name or alias).

    \b
    Example:
        attrib speakers merge news.db "Bill Clinton" "William J. Clinton"
    """
    from .speakers import merge

    _say_speaker(_speaker_action(db_path, lambda db: merge(db, keep, other, name)))


@speakers.command("split")
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.argument("speaker")
@click.argument("alias")
@click.option("--name", help="The split-off speaker's name (default: ALIAS without titles).")
def speakers_split(db_path, speaker, alias, name) -> None:
    """Take ALIAS off SPEAKER (an id, name or alias): it becomes a speaker of its own.

    \b
    Example:
        attrib speakers split news.db "Donald Trump" "Mr. Trump" --name "Fred Trump"
    """
    from .speakers import split

    _say_speaker(_speaker_action(db_path, lambda db: split(db, speaker, alias, name)))


@speakers.command("aliases")
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.argument("aliases_file", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
def speakers_aliases(db_path, aliases_file) -> None:
    """Record the decisions of an aliases CSV file (alias,canonical name[,wikidata id]).

    \b
    Example:
        printf 'alias,canonical,wikidata\\nPOTUS,Joe Biden,Q6279\\n' > aliases.csv
        attrib speakers aliases news.db aliases.csv
    """
    from .speakers import load_aliases

    n = _speaker_action(db_path, lambda db: load_aliases(db, aliases_file))
    click.echo(f"aliases: {n} new decisions from {aliases_file}", err=True)


@speakers.command("show")
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.argument("speaker")
def speakers_show(db_path, speaker) -> None:
    """Print the speakers SPEAKER (an id, name or alias) names, with their aliases.

    \b
    Example:
        attrib speakers show news.db Trump
    """
    from .db import find_speakers, speaker_aliases

    def show(db):
        found = find_speakers(db, speaker)
        for sp in found:
            click.echo(f"{sp['id']}\t{sp['name']}\t{sp['kind']}\t{sp['n_statements']} statements\t"
                       f"{sp['wikidata'] or ''}\t" + " | ".join(speaker_aliases(db, sp["id"])))
        return found

    if not _speaker_action(db_path, show):
        raise click.ClickException(f"no speaker {speaker!r}")


@speakers.command("relink")
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
def speakers_relink(db_path) -> None:
    """Recompute who is who for every alias in DB (after changing the linking rules).

    \b
    Example:
        attrib speakers relink news.db
    """
    from .db import relink_all

    n = _speaker_action(db_path, relink_all)
    click.echo(f"relinked: {n} aliases changed speaker", err=True)
