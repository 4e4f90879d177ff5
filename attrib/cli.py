"""The ``attrib`` command line: thin click wrappers over the library.

Exit codes: 0 everything was stored (or unchanged); 1 a fatal error (no
models, unreadable database); 2 wrong usage; 3 the run finished but some
input records were skipped (each one is listed on standard error); 130
interrupted (Ctrl-C): what was stored so far is kept, run again to continue.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__

EXIT_SKIPPED = 3
EXIT_INTERRUPTED = 130  # the shell's code for Ctrl-C


def _open(db_path: str):
    """The database, or a fatal error (exit 1) that names it."""
    from .db import open_db

    try:
        return open_db(db_path)
    except Exception as e:  # noqa: BLE001
        raise click.ClickException(f"cannot open database {db_path}: {e}") from None


def _reader(max_chars: int):
    from .inputs import Reader

    return Reader(max_chars=max_chars)


def _count_records(inputs: tuple[str, ...]) -> int | None:
    """A quick count of records for the progress bar (files + JSONL lines)."""
    from .inputs import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES

    n = 0
    try:
        for raw in inputs:
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


def _parsing(models_dir: str | None, no_cache: bool, device: str):
    """The :class:`~attrib.pipeline.Parsing`, or a fatal error (exit 1): no models, or no GPU for cuda."""
    from .nlp import SetupError
    from .pipeline import Parsing

    try:
        return Parsing(models_dir, use_cache=not no_cache, device=device)
    except SetupError as e:
        raise click.ClickException(str(e)) from None


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(dir_okay=False))
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@models_option
@device_option
@cache_option
@max_chars_option
@click.option("--batch-size", default=8, show_default=True, type=click.IntRange(1), help="Articles per stanza batch.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1),
              help="Parser processes (each loads the models once, one thread each); one writer stores in order.")
@click.option("--dask", "dask_scheduler", metavar="SCHEDULER|local:N",
              help="Parse on a Dask cluster (a scheduler address, or local:N for N local workers); stored here.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def ingest(db_path, inputs, models_dir, device, no_cache, max_chars, batch_size, workers, dask_scheduler,
           quiet) -> None:
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
    """
    from tqdm import tqdm

    from .pipeline import Report
    from .pipeline import ingest as run

    db = _open(db_path)
    total = _count_records(inputs)
    bar = tqdm(total=total, unit="article", disable=True if quiet else None, file=sys.stderr)
    report = Report()
    elsewhere = workers > 1 or dask_scheduler
    if elsewhere:
        run = _run_elsewhere(workers, dask_scheduler, models_dir, no_cache, device)
    try:
        run(
            db,
            _reader(max_chars).read(inputs),
            **({} if elsewhere else {"parsing": lambda: _parsing(models_dir, no_cache, device)}),
            batch_size=batch_size,
            progress=bar.update,
            report=report,
        )
    except KeyboardInterrupt:
        # the article being written was rolled back; every one before it is stored
        bar.close()
        _report_skips(report.skipped)
        click.echo(f"interrupted; {report.summary()}", err=True)
        click.echo("run the same command again to continue where it stopped", err=True)
        sys.exit(EXIT_INTERRUPTED)
    bar.close()
    _report_skips(report.skipped)
    click.echo(report.summary(), err=True)
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


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
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of standard output.")
@models_option
@device_option
@cache_option
@max_chars_option
@kinds_option
def extract(inputs, fmt, output, models_dir, device, no_cache, max_chars, kinds) -> None:
    """Print attributions as JSONL (the shape of gold.jsonl), without a database.

    Offsets are character offsets into each article's text as given, so the
    output can be scored with ../shared/eval/score.py.  Only speech is printed
    unless --kinds asks for beliefs, intentions or evidence too; every
    attribution carries its "kind".

    \b
    Example:
        attrib extract ../shared/samples/articles.jsonl --models ../shared/models/stanza > pred.jsonl
        python ../shared/eval/score.py --gold ../shared/samples/gold.jsonl --pred pred.jsonl
        attrib extract article.txt --kinds speech,belief
        attrib extract article.txt --kinds all
    """
    from .inputs import Skipped
    from .pipeline import extract_records

    parsing = _parsing(models_dir, no_cache, device)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    skipped = []
    try:
        for item in extract_records(_reader(max_chars).read(inputs), parsing):
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            article, atts = item
            shown = [a.to_json(article.text) for a in atts if a.kind in kinds]
            out.write(json.dumps({"doc_id": article.id, "attributions": shown}, ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    _report_skips(skipped)
    if skipped:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def reextract(db_path, quiet) -> None:
    """Re-run attribution on the parses stored in DB, without stanza.

    Use after changing the rules: statements whose offsets did not change keep
    their ids, so links into Datasette stay valid (their kind, rule and other
    columns are updated).  Every kind of statement is stored.

    \b
    Example:
        attrib reextract news.db
    """
    from tqdm import tqdm

    from .db import count_articles
    from .pipeline import reextract as run

    db = _open(db_path)
    n = count_articles(db)
    with tqdm(total=n, unit="article", disable=True if quiet else None, file=sys.stderr) as bar:
        done, total, missing = run(db, progress=bar.update)
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
def serve(db_path, host, port, live) -> None:
    """Explore DB in Datasette (read-only, bound to localhost).

    \b
    Example:
        attrib serve news.db            # then open http://127.0.0.1:8001/
    """
    from .datasette.serve import serve as run
    from .db import pending_migrations

    pending = pending_migrations(db_path)
    if pending:
        raise click.ClickException(
            f"{db_path} was made by an older attrib (missing {', '.join(pending)}); "
            f"run `attrib reextract {db_path}` once to bring it up to date, then serve it")
    run(db_path, host=host, port=port, immutable=not live)


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
