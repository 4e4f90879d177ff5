"""Reading articles from plain-text files, HTML pages, JSONL and directories.

Every record becomes either an :class:`~attrib.types.Article` or a
:class:`Skipped` with the file, line and a reason a person can act on.  Bad
input never raises: one broken line costs that line only.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .articlemeta import headline, normalise_date
from .cache import text_sha256
from .feeds import FEED_SUFFIXES, iter_feed, looks_like_feed
from .types import Article

DEFAULT_MAX_CHARS = 1_000_000
#: Longer ids are refused: they would make unusable Datasette URLs.
MAX_ID_CHARS = 1_000
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
#: Every suffix a directory's files are read for (feeds: :data:`attrib.feeds.FEED_SUFFIXES`).
READABLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
META_FIELDS = ("url", "title", "outlet", "published", "author")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2028\u2029\ufeff]")
#: Lone UTF-16 surrogates: only a JSON "\\ud800" escape can produce them, and
#: they cannot be stored (SQLite and the cache need valid UTF-8).
SURROGATE = re.compile("[\ud800-\udfff]")
JSON_TYPE_NAMES = {"list": "an array", "str": "a string", "int": "a number", "float": "a decimal number",
                   "bool": "a boolean", "NoneType": "null", "dict": "an object"}
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for on with as was said by at it from he she his her they be has have "
    "are were an not this but or its will would who which".split()
)


@dataclass(frozen=True)
class Skipped:
    """A record that was not stored, with where it came from and why."""

    where: str
    reason: str


class MissingLibrary(RuntimeError):
    """A library the input needs is not installed: fatal for the run, never a bad record."""


#: What ``-`` as an input reads, and how its records are named.
STDIN = "-"
STDIN_NAME = "<stdin>"


def display_name(path: str | Path) -> str:
    """A path as text that can be stored and printed: bytes of a file name that are not
    UTF-8 are written as ``\\xNN`` (the name stays distinct and readable)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def article_id_for(text: str) -> str:
    """The id of an article that has none: a prefix of its text's SHA-256."""
    return "sha256-" + text_sha256(text)[:16]


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16/32 with a BOM.

    Raises ``ValueError`` with a readable reason for binary data or bytes that
    are not valid UTF-8.
    """
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise ValueError(f"not valid {enc.upper()} despite its byte-order mark ({e.reason})") from None
    if b"\x00" in data[:4096]:
        raise ValueError("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(
            f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); convert the file to UTF-8"
        ) from None


def clean_text(text: str) -> str:
    """Replace control and zero-width characters by spaces, and lone surrogates
    by U+FFFD, one for one.

    Offsets into the cleaned text are offsets into the original, so the stored
    text and the spans stay aligned with what the user gave.
    """
    return SURROGATE.sub("\ufffd", CONTROL.sub(" ", text))


def check_text(text: str, max_chars: int) -> str | None:
    """Why ``text`` cannot be processed, or ``None`` when it can."""
    if not text.strip():
        return "empty article (no text)"
    if len(text) > max_chars:
        return f"article too long ({len(text):,} characters > --max-chars {max_chars:,})"
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return "no prose: fewer than 20 letters"
    if max((len(line) for line in text.splitlines()), default=0) > 100_000 and text.count(" ") < len(text) / 50:
        return "no prose: a very long line without spaces"
    words = re.findall(r"[A-Za-z]+", text.lower())
    non_latin = sum(1 for c in letters if not ("a" <= c.lower() <= "z")) / len(letters)
    if non_latin > 0.5 or (len(words) >= 40 and sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words) < 0.08):
        return "does not look like English (the models are English-only)"
    return None


def looks_like_html(text: str) -> bool:
    """True for an HTML page rather than plain text."""
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def html_to_article(html: str, where: str) -> tuple[str, str | None]:
    """Main text and title of an HTML page (trafilatura).

    Raises :class:`MissingLibrary` when trafilatura or what it needs for HTML
    (``lxml_html_clean``) is not installed.
    """
    try:
        import trafilatura
    except ImportError as e:
        raise _missing(e) from None

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    meta = trafilatura.extract_metadata(html)
    title = getattr(meta, "title", None) if meta else None
    return text, title


def html_metadata(html: str) -> dict[str, str | None]:
    """Title, URL, outlet (site name), publication date and author an HTML page states in
    its markup (trafilatura; the date only from the page's metadata, never guessed)."""
    import trafilatura

    meta = trafilatura.extract_metadata(html, extensive=False)
    if meta is None:
        return {}
    return {"title": meta.title, "url": meta.url, "outlet": meta.sitename,
            "published": normalise_date(meta.date), "author": meta.author}


def record_metadata(obj: dict, meta: dict[str, str | None], text: str) -> dict[str, str | None]:
    """``meta`` completed for a fact-checker: the publication date as ISO 8601 (also read from
    ``date`` or a nested ``meta.date``/``meta.publisher``, as in PolNeAR), and the text's
    headline (first line) as the title when the record has none."""
    nested = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    published = meta.get("published") or obj.get("date") or nested.get("date")
    out = dict(meta, published=normalise_date(published))
    if not out.get("outlet") and isinstance(nested.get("publisher"), str):
        out["outlet"] = nested["publisher"]
    if not (out.get("title") or "").strip():
        out["title"] = headline(text)
    return out


def _missing(e: ImportError) -> MissingLibrary:
    """The fatal error for an import that failed while reading HTML, naming what to install."""
    name = e.name or ""
    package = "lxml_html_clean" if "clean" in (name + str(e)) else (name.split(".")[0] or "trafilatura")
    return MissingLibrary(f"reading HTML needs the Python package {package}, which is not installed "
                          f"({e}); run `pip install {package}` (or reinstall attrib)")


def json_type(value: object) -> str:
    """The JSON name of a decoded value's type ("an array", "null", ...)."""
    return JSON_TYPE_NAMES.get(type(value).__name__, type(value).__name__)


@dataclass
class Reader:
    """Turns input paths into articles and skips."""

    max_chars: int = DEFAULT_MAX_CHARS
    max_bytes: int | None = None

    def __post_init__(self) -> None:
        if self.max_bytes is None:
            self.max_bytes = self.max_chars * 4 + 1024

    def read(self, inputs: Iterable[str | Path]) -> Iterator[Article | Skipped]:
        """All records of all inputs, in order; directories are walked sorted."""
        seen: dict[str, tuple[str, str]] = {}
        for item in self._records(inputs):
            if isinstance(item, Article):
                sha = text_sha256(item.text)
                if item.id in seen:
                    first_where, first_sha = seen[item.id]
                    if first_sha == sha:
                        continue  # the same article twice in one run: store once, say nothing
                    reason = f"duplicate id {item.id!r} with other text (first at {first_where})"
                    yield Skipped(item.source or "?", reason)
                    continue
                seen[item.id] = (item.source or "?", sha)
            yield item

    def _records(self, inputs: Iterable[str | Path]) -> Iterator[Article | Skipped]:
        for raw in inputs:
            if str(raw) == STDIN:
                yield from self._stream(STDIN_NAME)
                continue
            path = Path(raw)
            if path.is_dir():
                yield from self._directory(path)
            elif path.is_file() or _is_fifo(path):
                yield from self._file(path)
            else:
                yield Skipped(display_name(path), "no such file or directory")

    def _directory(self, path: Path) -> Iterator[Article | Skipped]:
        """Every usable file under ``path``, sorted; a folder that cannot be listed is a skip."""
        errors: list[OSError] = []
        files: list[Path] = []
        for top, dirs, names in os.walk(path, onerror=errors.append):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            files += [Path(top) / n for n in names if not n.startswith(".")]
        files = sorted(f for f in files if f.is_file())
        for e in errors:
            yield Skipped(display_name(e.filename or path), f"cannot list directory: {e.strerror or e}")
        usable = [f for f in files if f.suffix.lower() in READABLE_SUFFIXES]
        if not files and not errors:
            yield Skipped(display_name(path), "directory has no files")
        elif files and not usable:
            yield Skipped(display_name(path), "directory has no .txt, .md, .html or .jsonl files (others are ignored)")
        for f in usable:
            yield from self._file(f)

    def _stream(self, where: str) -> Iterator[Article | Skipped]:
        """Standard input: JSONL when its first non-blank character is ``{``, else one text article."""
        data = sys.stdin.buffer.read((self.max_bytes or 0) + 1)
        if data.lstrip()[:1] == b"{":
            yield from self._jsonl_lines(where, data.split(b"\n"))
        elif len(data) > (self.max_bytes or 0):
            yield Skipped(where, f"input too large (limit set by --max-chars {self.max_chars:,})")
        else:
            yield from self._decoded(data, where, None, html=False)

    def _file(self, path: Path) -> Iterator[Article | Skipped]:
        where = display_name(path)
        try:
            if path.suffix.lower() in JSONL_SUFFIXES:
                yield from self._jsonl(path)
                return
            size = path.stat().st_size
            if size > (self.max_bytes or 0):
                yield Skipped(where, f"file too large ({size:,} bytes; limit set by --max-chars {self.max_chars:,})")
                return
            with path.open("rb") as f:  # read(), not the size: a named pipe has none
                data = f.read((self.max_bytes or 0) + 1)
        except OSError as e:
            yield Skipped(where, f"cannot read: {e.strerror or e}")
            return
        if len(data) > (self.max_bytes or 0):
            yield Skipped(where, f"file too large (over {self.max_bytes:,} bytes; limit set by --max-chars)")
            return
        yield from self._decoded(data, where, path, html=path.suffix.lower() in HTML_SUFFIXES)

    def _decoded(self, data: bytes, where: str, path: Path | None, html: bool) -> Iterator[Article | Skipped]:
        """The article of one file's (or standard input's) bytes; its id is the file name, or the
        text's hash for standard input."""
        try:
            text = decode(data)
        except ValueError as e:
            yield Skipped(where, str(e))
            return
        title, page_meta = None, {}
        if path is not None and path.suffix.lower() in FEED_SUFFIXES or looks_like_feed(text):
            yield from self._feed(text, where)
            return
        if html or looks_like_html(text):
            try:
                page_meta = html_metadata(text)
                text, title = html_to_article(text, where)
            except ImportError as e:  # a missing library is the installation's fault, not the page's
                raise _missing(e) from None
            except MissingLibrary:
                raise
            except Exception as e:  # noqa: BLE001 - a page the HTML parser chokes on costs that page only
                yield Skipped(where, f"cannot extract text from HTML ({type(e).__name__}: {e})")
                return
            if not text.strip():
                yield Skipped(where, "HTML page with no article text")
                return
        obj = {**page_meta, "id": display_name(path.stem) if path else None, "text": text, "title": title}
        source_path = display_name(path.resolve()) if path else None
        yield from self._article(obj, where, source_path)

    def _feed(self, text: str, where: str) -> Iterator[Article | Skipped]:
        """One article per item of an RSS/Atom feed (see :mod:`attrib.feeds`)."""
        try:
            items = list(iter_feed(text))
        except Exception as e:  # noqa: BLE001 - a feed the parser chokes on costs that file only
            yield Skipped(where, f"cannot read the feed ({type(e).__name__}: {e})")
            return
        for n, record in items:
            if isinstance(record, str):
                yield Skipped(where, record)
            else:
                yield from self._article(record, f"{where}#item{n}")

    def _jsonl(self, path: Path) -> Iterator[Article | Skipped]:
        try:
            with path.open("rb") as f:
                head = f.read(4)
            wide = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            lines: Iterable[bytes | str]
            if wide:  # UTF-16 JSONL: decode the whole file, then split lines
                # at "\n" only: str.splitlines() would also split inside a JSON
                # string at U+2028, U+0085 and the like, which JSON allows raw
                lines = decode(path.read_bytes()).split("\n")
            else:
                lines = path.open("rb")
        except (OSError, ValueError) as e:
            yield Skipped(display_name(path), f"cannot read: {getattr(e, 'strerror', None) or e}")
            return
        try:
            yield from self._jsonl_lines(display_name(path), lines)
        finally:
            if hasattr(lines, "close"):
                lines.close()

    def _jsonl_lines(self, path: str, lines: Iterable[bytes | str]) -> Iterator[Article | Skipped]:
        records = 0
        for n, raw in enumerate(lines, 1):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            records += 1
            if len(raw) > (self.max_bytes or 0):
                yield Skipped(where, f"line too long ({len(raw):,} bytes; limit set by --max-chars)")
                continue
            try:
                line = raw if isinstance(raw, str) else decode(raw)
            except ValueError as e:
                yield Skipped(where, str(e))
                continue
            try:
                obj = json.loads(line.rstrip("\r\n"))  # a line end is no part of the record
            except json.JSONDecodeError as e:
                # "Unterminated string starting at" + " column 25"
                yield Skipped(where, f"invalid JSON ({e.msg.removesuffix(' at')} at column {e.colno})")
                continue
            except RecursionError:
                yield Skipped(where, "invalid JSON (nested too deeply)")
                continue
            except ValueError as e:  # e.g. an integer of more than 4300 digits
                yield Skipped(where, f"invalid JSON ({str(e).split(':')[0]})")
                continue
            if not isinstance(obj, dict):
                yield Skipped(where, f"expected a JSON object, got {json_type(obj)}")
                continue
            yield from self._article(obj, where)
        if not records:
            yield Skipped(path, "no records (the file is empty or blank)")

    def _article(self, obj: dict, where: str, source_path: str | None = None) -> Iterator[Article | Skipped]:
        text = obj.get("text")
        if not isinstance(text, str):
            yield Skipped(where, "missing 'text' (a string)" if text is None else "'text' is not a string")
            return
        text = clean_text(text)
        problem = check_text(text, self.max_chars)
        if problem:
            yield Skipped(where, problem)
            return
        raw_id = obj.get("id") if obj.get("id") is not None else obj.get("doc_id")  # "id": null -> doc_id
        if raw_id is not None and not isinstance(raw_id, (str, int)) or isinstance(raw_id, bool):
            yield Skipped(where, f"'id' must be a string or an integer, not {json_type(raw_id)}")
            return
        art_id = SURROGATE.sub("\ufffd", str(raw_id)).strip() if raw_id is not None else ""
        if len(art_id) > MAX_ID_CHARS:
            yield Skipped(where, f"'id' is too long ({len(art_id):,} characters; at most {MAX_ID_CHARS:,})")
            return
        art_id = art_id or article_id_for(text)
        meta = {}
        for k in META_FIELDS:
            v = obj.get(k)
            meta[k] = SURROGATE.sub("\ufffd", str(v)) if v is not None and not isinstance(v, (dict, list)) else None
        yield Article(id=art_id, text=text, source=where, source_path=source_path,
                      **record_metadata(obj, meta, text))


def _is_fifo(path: Path) -> bool:
    """True for a named pipe (read like a file, once)."""
    try:
        return stat.S_ISFIFO(path.stat().st_mode)
    except OSError:
        return False
