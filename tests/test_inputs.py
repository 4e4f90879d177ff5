"""Reading input: the hostile corpus (tests/hostile/), the big generated cases, directories.

Every corpus file has its expected outcome in :data:`EXPECTED`, one entry per
record in file order: :class:`Stored` (the article id it gets) or
:class:`Skip` (the line, ``None`` for a whole file, and a substring of the
reason).  The table was written from the rules in ``attrib/inputs.py``, with
the reasoning in the comments; the tests check both what :class:`Reader`
yields and what ``attrib ingest`` does with each file (exit code, the
``skipped FILE[:LINE]: REASON`` lines, the rows stored, and nothing else
touched).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from fakeparse import fake_parse
from helpers import FakeModels, cli_ingest, integrity_problems, offset_problems, skipped_lines, sql_dump, stored_ids
from hostile import make_corpus
from hostile.make_corpus import CORPUS, good

from attrib.attribute import find_attributions
from attrib.db import open_db, save_article
from attrib.inputs import CONTROL, Reader, Skipped, article_id_for, clean_text, decode
from attrib.types import Article


@dataclass(frozen=True)
class Stored:
    """The record is stored as article ``id``."""

    id: str


@dataclass(frozen=True)
class Skip:
    """The record at ``line`` (``None``: the whole file) is skipped with a reason containing ``reason``."""

    line: int | None
    reason: str


def sha_id(tag: str) -> str:
    """The id of a record without one whose text is ``good(tag)``."""
    return article_id_for(good(tag))


NOT_UTF8 = "not valid UTF-8"
BINARY = "binary data (NUL bytes)"
NO_PROSE = "no prose: fewer than 20 letters"
NOT_ENGLISH = "does not look like English"
BAD_ID = "'id' must be a string or an integer"

EXPECTED: dict[str, list[Stored | Skip]] = {
    # --- whole files that are not text: a NUL byte in the first 4 KB means binary
    "empty.txt": [Skip(None, "empty article")],
    "whitespace-only.txt": [Skip(None, "empty article")],
    "binary-png.txt": [Skip(None, BINARY)],  # the PNG header has 00 00 00 0d
    "binary-elf.dat": [Skip(None, BINARY)],
    "sqlite-database.sqlite": [Skip(None, BINARY)],  # "SQLite format 3\0"
    "compressed.gz": [Skip(None, BINARY)],  # gzip flags/mtime bytes are 0
    # --- encodings: UTF-8 with or without BOM, UTF-16/32 with a BOM are read; anything else is refused
    "latin1.txt": [Skip(None, NOT_UTF8 + " (byte 0xe9")],  # é in Latin-1
    "windows-1252-quotes.txt": [Skip(None, NOT_UTF8 + " (byte 0x93")],  # “ in cp1252
    "truncated-utf8.txt": [Skip(None, NOT_UTF8 + " (byte 0xc3")],  # first byte of é, then EOF
    "utf8-bom.txt": [Stored("utf8-bom")],
    "utf16le-bom.txt": [Stored("utf16le-bom")],
    "utf16be-bom.txt": [Stored("utf16be-bom")],
    "utf32le-bom.txt": [Stored("utf32le-bom")],  # FF FE 00 00 is checked before the UTF-16 BOM
    "utf16-no-bom.txt": [Skip(None, BINARY)],  # every other byte of ASCII text in UTF-16 is 0
    "utf16-bom-odd-length.txt": [Skip(None, "not valid UTF-16 despite its byte-order mark")],
    "nul-bytes.txt": [Skip(None, BINARY)],
    # --- HTML: trafilatura extracts the article; a page without one is skipped
    "article.html": [Stored("article")],
    "html-with-txt-suffix.txt": [Stored("html-with-txt-suffix")],  # sniffed by its <!DOCTYPE html>
    "xhtml-declaration.xhtml": [Stored("xhtml-declaration")],
    "script-only.htm": [Skip(None, "HTML page with no article text")],
    "nav-only.html": [Skip(None, NO_PROSE)],  # trafilatura returns the link texts "Home News"
    # --- odd but fine: stored, control and zero-width characters become spaces one for one
    "unclosed-quote.txt": [Stored("unclosed-quote")],
    "emoji-rtl.txt": [Stored("emoji-rtl")],
    "bidi-override.txt": [Stored("bidi-override")],
    "combining-marks.txt": [Stored("combining-marks")],
    "control-chars.txt": [Stored("control-chars")],
    "zero-width.txt": [Stored("zero-width")],
    "crlf.txt": [Stored("crlf")],
    "cr-only.txt": [Stored("cr-only")],
    "markdown.md": [Stored("markdown")],
    "no-suffix": [Stored("no-suffix")],  # named on the command line, so read as text
    "typographic.txt": [Stored("typographic")],
    # --- not prose, or not English (letters mostly non-Latin, or < 8% English function words)
    "only-quotes.txt": [Skip(None, NO_PROSE)],
    "tiny.txt": [Skip(None, NO_PROSE)],
    "numbers-only.txt": [Skip(None, NO_PROSE)],
    "german.txt": [Skip(None, NOT_ENGLISH)],  # ~65 words, one of them "in"
    "chinese.txt": [Skip(None, NOT_ENGLISH)],
    "russian.txt": [Skip(None, NOT_ENGLISH)],
    "arabic.txt": [Skip(None, NOT_ENGLISH)],
    # --- JSONL: one bad line costs that line; line numbers count every physical line
    "good-bad-good.jsonl": [Stored("gbg-1"), Skip(2, "invalid JSON (Unterminated string"), Stored("gbg-3")],
    "not-objects.jsonl": [
        Skip(1, "expected a JSON object, got an array"),
        Skip(2, "expected a JSON object, got a string"),
        Skip(3, "expected a JSON object, got a number"),
        Skip(4, "expected a JSON object, got null"),
        Skip(5, "expected a JSON object, got a boolean"),
        Stored("notobj-6"),
    ],
    "missing-text.jsonl": [Skip(1, "missing 'text'"), Skip(2, "missing 'text'"), Skip(3, "missing 'text'"),
                           Stored("mt-4")],
    "text-not-string.jsonl": [Skip(n, "'text' is not a string") for n in (1, 2, 3, 4)],
    "truncated.jsonl": [Stored("trunc-1"), Stored("trunc-2"), Skip(3, "invalid JSON (Unterminated string")],
    "bom.jsonl": [Stored("bom-1"), Stored("bom-2")],
    "utf16.jsonl": [Stored("u16-1"), Stored("u16-2")],  # u16-2's text holds a raw U+2028 and U+0085
    "crlf.jsonl": [Stored("crlf-1"), Stored("crlf-2")],
    "blank-lines.jsonl": [Stored("blank-3"), Skip(6, "invalid JSON (Expecting value"), Stored("blank-8")],
    "empty.jsonl": [Skip(None, "no records")],
    "blank.jsonl": [Skip(None, "no records")],
    "huge-int-id.jsonl": [Skip(1, "invalid JSON (Exceeds the limit (4300 digits)"), Stored("after-huge-int")],
    "big-int-id.jsonl": [Stored("123456789012345678901234567890"), Stored("0"), Stored("-7")],
    "long-id.jsonl": [Skip(1, "'id' is too long (5,000 characters; at most 1,000)"), Stored("L" * 1000)],
    "id-bool.jsonl": [Skip(1, BAD_ID + ", not a boolean"), Skip(2, BAD_ID + ", not a boolean")],
    "id-list-object.jsonl": [Skip(1, BAD_ID + ", not an array"), Skip(2, BAD_ID + ", not an object")],
    "id-float.jsonl": [Skip(1, BAD_ID + ", not a decimal number"), Skip(2, BAD_ID)],  # 1.5 and NaN
    "id-empty.jsonl": [Stored(sha_id("id-empty")), Stored(sha_id("id-blank")), Stored(sha_id("id-null"))],
    "id-unicode.jsonl": [Stored("a/b?c#d%20 é 🦀 <script>"), Stored("padded-id"), Stored("x\ty")],
    # the 2nd line repeats the 1st exactly: stored once, nothing to report
    "duplicate-ids.jsonl": [Stored("dup"), Skip(3, "duplicate id 'dup' with other text (first at "),
                            Stored("dup-2")],
    "deep-nesting.jsonl": [Skip(1, "invalid JSON (nested too deeply)"), Stored("after-deep")],
    "nul-byte-line.jsonl": [Stored("nul-1"), Skip(2, BINARY), Stored("nul-3")],  # line 3 has an escaped \u0000
    "invalid-utf8-line.jsonl": [Stored("iu-1"), Skip(2, NOT_UTF8 + " (byte 0xe9"), Stored("iu-3")],
    "metadata-types.jsonl": [Stored("meta-1")],
    "doc-id.jsonl": [Stored("docid-1")],
    "lone-surrogate.jsonl": [Stored("sur-\ufffd")],
    "json-array.json": [Skip(1, "expected a JSON object, got an array")],
    "trailing-garbage.jsonl": [Skip(1, "invalid JSON (Extra data")],
    "single-quoted.jsonl": [Skip(1, "invalid JSON (Expecting property name enclosed in double quotes")],
    "plain-text.jsonl": [Skip(1, "invalid JSON (Expecting value")],
    "short-and-foreign.jsonl": [Skip(1, NO_PROSE), Skip(2, "empty article"), Skip(3, NOT_ENGLISH),
                                Stored("sf-4")],
    "text-is-html.jsonl": [Stored("html-in-json")],  # a JSONL text is taken as plain text, tags and all
}

#: The generated big cases (tests/hostile/make_corpus.py: write_big_cases).
EXPECTED_BIG: dict[str, list[Stored | Skip]] = {
    "big-10mb.txt": [Skip(None, "file too large (10,48")],  # > 4 bytes per allowed character
    "big-10mb-line.jsonl": [Stored("big-before"), Skip(2, "line too long (10,"), Stored("big-after")],
    "long-line-prose.txt": [Stored("long-line-prose")],  # 100,000 characters, with spaces
    "long-line-nospace.txt": [Skip(None, "no prose: a very long line without spaces")],
}

CORPUS_FILES = sorted(p.name for p in CORPUS.iterdir() if p.is_file())
#: Suffixes a directory walk reads (others are read only when named on the command line).
WALKED = {".txt", ".text", ".md", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml"}


def outcomes(records: list[Article | Skipped], path: Path) -> list[Stored | Skip]:
    """Records as :class:`Stored`/:class:`Skip` (with the reason in full, for comparing by substring)."""
    out: list[Stored | Skip] = []
    for r in records:
        if isinstance(r, Article):
            out.append(Stored(r.id))
        else:
            where = r.where
            line = None if where == str(path) else int(where.rsplit(":", 1)[1])
            assert where == (str(path) if line is None else f"{path}:{line}"), where
            out.append(Skip(line, r.reason))
    return out


def assert_matches(got: list[Stored | Skip], want: list[Stored | Skip]) -> None:
    assert len(got) == len(want), (got, want)
    for g, w in zip(got, want, strict=True):
        assert type(g) is type(w), (g, w)
        if isinstance(w, Skip):
            assert g.line == w.line and w.reason in g.reason, (g, w)  # type: ignore[union-attr]
        else:
            assert g == w


# ------------------------------------------------------------------ the corpus itself


def test_corpus_is_generated_and_big_enough():
    """The checked-in files are exactly what make_corpus.py writes; every file has an expectation."""
    want = make_corpus.cases()
    assert sorted(want) == CORPUS_FILES
    for name, data in want.items():
        assert (CORPUS / name).read_bytes() == data, f"{name}: run python tests/hostile/make_corpus.py"
    assert sorted(EXPECTED) == CORPUS_FILES
    assert len(CORPUS_FILES) + len(EXPECTED_BIG) >= 50


@pytest.fixture(scope="module")
def big_cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_corpus.write_big_cases(tmp_path_factory.mktemp("big"))


# ------------------------------------------------------------------ what Reader yields


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_reader_outcome(name: str):
    path = CORPUS / name
    assert_matches(outcomes(list(Reader().read([path])), path), EXPECTED[name])


@pytest.mark.parametrize("name", sorted(EXPECTED_BIG))
def test_reader_outcome_big(name: str, big_cases: dict[str, Path]):
    path = big_cases[name]
    assert_matches(outcomes(list(Reader().read([path])), path), EXPECTED_BIG[name])


def test_big_article_is_refused_at_any_limit_below_its_size(big_cases: dict[str, Path]):
    path = big_cases["big-10mb.txt"]
    for limit in (1_000_000, 2_000_000):
        [rec] = Reader(max_chars=limit).read([path])
        assert isinstance(rec, Skipped) and f"--max-chars {limit:,}" in rec.reason


def test_max_chars_is_configurable(tmp_path: Path):
    text = good("limit") * 5  # about 1,300 characters
    path = tmp_path / "limit.txt"
    path.write_text(text, encoding="utf-8")
    [rec] = Reader(max_chars=500).read([path])
    assert isinstance(rec, Skipped)
    assert rec.reason == f"article too long ({len(text):,} characters > --max-chars 500)"
    [rec] = Reader(max_chars=len(text)).read([path])
    assert isinstance(rec, Article) and rec.text == text
    # just over the default limit: refused by default, read with a higher one
    big = tmp_path / "big.txt"
    big.write_text((good("x") * (1_000_001 // len(good("x")) + 1))[:1_000_001], encoding="utf-8")
    assert isinstance(next(iter(Reader().read([big]))), Skipped)
    assert isinstance(next(iter(Reader(max_chars=2_000_000).read([big]))), Article)


def test_stored_texts_are_cleaned_one_for_one():
    """Control and zero-width characters become spaces, BOMs vanish, line endings stay:
    the stored text is as long as the decoded file, so offsets mean the same in both."""
    for name in ("control-chars.txt", "zero-width.txt", "crlf.txt", "cr-only.txt", "utf8-bom.txt",
                 "utf16le-bom.txt", "utf16be-bom.txt", "utf32le-bom.txt", "emoji-rtl.txt", "combining-marks.txt"):
        path = CORPUS / name
        [art] = Reader().read([path])
        assert isinstance(art, Article), name
        decoded = decode(path.read_bytes())
        assert art.text == clean_text(decoded) and len(art.text) == len(decoded), name
        assert not CONTROL.search(art.text), name
        assert art.text.startswith("The "), name
    [crlf] = Reader().read([CORPUS / "crlf.txt"])
    assert "\r\n" in crlf.text
    [html] = Reader().read([CORPUS / "article.html"])
    assert "This is a clear provocation" in html.text and "Copyright" not in html.text
    assert "tracker" not in html.text and html.title == "Missile launch condemned"


def test_jsonl_details():
    by_id = {a.id: a for a in Reader().read([CORPUS / "metadata-types.jsonl", CORPUS / "lone-surrogate.jsonl",
                                             CORPUS / "utf16.jsonl", CORPUS / "nul-byte-line.jsonl"])
             if isinstance(a, Article)}
    meta = by_id["meta-1"]
    # a title that is not a string is dropped and the headline (first line) stands in for it
    assert meta.title.startswith("The meta-1 report was filed on Monday.") and meta.title.endswith(" …")
    assert (meta.outlet, meta.published, meta.author, meta.url) == (None, "2024", None, "True")
    sur = by_id["sur-\ufffd"]
    assert sur.title == "bad \ufffd title" and "Broken \ufffd emoji" in sur.text
    assert "Line separator and next\x85line" in by_id["u16-2"].text  # U+2028 -> space, one record
    assert by_id["nul-3"].text.startswith("Mon day ")
    assert by_id["nul-1"].source == f"{CORPUS / 'nul-byte-line.jsonl'}:1"


def test_directories(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "others").mkdir()
    (tmp_path / "others" / "a.pdf").write_bytes(b"%PDF-1.4")
    nested = tmp_path / "nested" / "deeper"
    nested.mkdir(parents=True)
    (nested / "b.txt").write_text(good("b"), encoding="utf-8")
    (tmp_path / "nested" / "a.TXT").write_text(good("a"), encoding="utf-8")
    (tmp_path / "nested" / ".hidden.txt").write_text(good("hidden"), encoding="utf-8")
    (tmp_path / "nested" / "notes.pdf").write_bytes(b"%PDF-1.4")
    recs = list(Reader().read([tmp_path / "empty", tmp_path / "others", tmp_path / "nested",
                               tmp_path / "missing.txt"]))
    assert [(type(r).__name__, getattr(r, "id", None) or r.reason) for r in recs] == [
        ("Skipped", "directory has no files"),
        ("Skipped", "directory has no .txt, .md, .html or .jsonl files (others are ignored)"),
        ("Article", "a"),
        ("Article", "b"),
        ("Skipped", "no such file or directory"),
    ]


def test_duplicate_ids_across_files(tmp_path: Path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "story.txt").write_text(good("first"), encoding="utf-8")
    (tmp_path / "two" / "story.txt").write_text(good("second"), encoding="utf-8")
    (tmp_path / "copy.jsonl").write_text(json.dumps({"id": "story", "text": good("first")}) + "\n",
                                         encoding="utf-8")
    recs = list(Reader().read([tmp_path / "one", tmp_path / "two", tmp_path / "copy.jsonl"]))
    assert isinstance(recs[0], Article) and recs[0].id == "story"
    assert isinstance(recs[1], Skipped) and "duplicate id 'story' with other text" in recs[1].reason
    assert len(recs) == 2  # the JSONL copy has the first text: stored once, silently


# ------------------------------------------------------------------ what `attrib ingest` does with each file


@pytest.fixture(scope="module")
def fake_models(tmp_path_factory: pytest.TempPathFactory) -> FakeModels:
    return FakeModels.create(tmp_path_factory.mktemp("fake"))


BASELINE = Article("baseline", good("baseline"), title="Already there", source="earlier run")


@pytest.fixture(scope="module")
def baseline_db(tmp_path_factory: pytest.TempPathFactory, fake_models: FakeModels) -> Path:
    """A database that already holds one article, copied for every test."""
    path = tmp_path_factory.mktemp("baseline") / "base.db"
    db = open_db(str(path))
    parse = fake_parse(BASELINE.text, fake_models.model)
    save_article(db, BASELINE, find_attributions(parse), parse)
    db.conn.close()
    return path


def check_ingest(path: Path, want: list[Stored | Skip], tmp_path: Path, fake: FakeModels, baseline_db: Path):
    db = tmp_path / "t.db"
    shutil.copy(baseline_db, db)
    before = sql_dump(db)
    fake.prime_inputs([path])
    result = cli_ingest(db, [path], fake)
    skips = [w for w in want if isinstance(w, Skip)]
    assert result.exit_code == (3 if skips else 0), result.stderr
    lines = skipped_lines(result.stderr)
    assert len(lines) == len(skips), result.stderr
    for line, w in zip(lines, skips, strict=True):
        prefix = f"skipped {path}: " if w.line is None else f"skipped {path}:{w.line}: "
        assert line.startswith(prefix) and w.reason in line[len(prefix):], (line, w)
    stored = sorted({w.id for w in want if isinstance(w, Stored)} | {"baseline"})
    assert stored_ids(db) == stored
    assert integrity_problems(db) == [] and offset_problems(db) == []
    if stored == ["baseline"]:
        assert sql_dump(db) == before  # nothing was written at all
    else:
        keep = [s for s in before if "baseline" in s and s.startswith('INSERT INTO "statements"')]
        assert keep and set(keep) <= set(sql_dump(db))  # the earlier article's rows are untouched


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_ingest_outcome(name: str, tmp_path: Path, fake_models: FakeModels, baseline_db: Path):
    check_ingest(CORPUS / name, EXPECTED[name], tmp_path, fake_models, baseline_db)


@pytest.mark.parametrize("name", sorted(EXPECTED_BIG))
def test_ingest_outcome_big(name: str, tmp_path: Path, fake_models: FakeModels, baseline_db: Path,
                            big_cases: dict[str, Path]):
    check_ingest(big_cases[name], EXPECTED_BIG[name], tmp_path, fake_models, baseline_db)


def test_ingest_whole_corpus_directory(tmp_path: Path, fake_models: FakeModels):
    """The whole corpus in one run: every good record stored, every bad one listed, exit code 3.
    A second run changes nothing and reports the same skips."""
    walked = [n for n in CORPUS_FILES if Path(n).suffix.lower() in WALKED]
    want = [w for n in walked for w in EXPECTED[n]]
    fake_models.prime_inputs([CORPUS])
    db = tmp_path / "all.db"
    first = cli_ingest(db, [CORPUS], fake_models)
    assert first.exit_code == 3
    assert len(skipped_lines(first.stderr)) == sum(isinstance(w, Skip) for w in want)
    ids = sorted(w.id for w in want if isinstance(w, Stored))
    assert stored_ids(db) == ids
    assert f"{len(ids)} new, 0 updated, 0 unchanged" in first.stderr
    assert integrity_problems(db) == [] and offset_problems(db) == []
    dump = sql_dump(db)
    second = cli_ingest(db, [CORPUS], fake_models)
    assert second.exit_code == 3 and skipped_lines(second.stderr) == skipped_lines(first.stderr)
    assert f"0 new, 0 updated, {len(ids)} unchanged" in second.stderr
    assert sql_dump(db) == dump
