"""Writes the hostile-input corpus: ``python tests/hostile/make_corpus.py`` (re)creates ``tests/hostile/corpus/``.

Every file is a way real input goes wrong (or merely looks odd but is fine).
Small files are checked in; ``tests/test_inputs.py`` checks that the checked-in
corpus is exactly what :data:`CASES` generates, and holds the expected outcome
of every file.  The big cases (a 10 MB article, a 100,000-character line) are
written at test time by :func:`write_big_cases`, never checked in.

Each case's text is unique (it names the case), so the whole corpus can be
ingested in one run without two files colliding on an id.
"""

from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def good(tag: str) -> str:
    """A short, plainly English news text that every check accepts; ``tag`` makes it unique."""
    return (
        f"The {tag} report was filed on Monday. North Korea fired a ballistic missile into the sea, "
        'the military said. "This is a clear provocation," said Kim Min-jun, a spokesman for the '
        "Joint Chiefs of Staff. He told reporters that the army was ready to respond.\n"
    )


def jl(*records: object, sep: str = "\n") -> bytes:
    """JSONL bytes: dicts are JSON-encoded, strings written as they are (for broken lines)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return (sep.join(lines) + sep).encode("utf-8")


def rec(rid: object, tag: str | None = None, **extra: object) -> dict[str, object]:
    """A good JSONL record with id ``rid`` (its text tagged with ``tag`` or the id)."""
    return {"id": rid, "text": good(tag or str(rid)), **extra}


HTML_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Missile launch condemned</title>
<script>window.tracker = {id: 42};</script><style>body { font-family: serif; }</style></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Missile launch condemned</h1>
<p>North Korea fired a ballistic missile into the sea on Monday, the military said in a statement issued
in Seoul after an emergency meeting of senior commanders.</p>
<p>"This is a clear provocation," said Kim Min-jun, a spokesman for the Joint Chiefs of Staff. He told
reporters that the army was ready to respond to any further launch and was watching the coast.</p>
<p>The Foreign Ministry said the launch violated several United Nations Security Council resolutions and
called on Pyongyang to return to talks without conditions.</p>
</article>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>
"""

XHTML_ARTICLE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Talks resume</title></head>
<body><div class="story">
<p>Talks between the two Koreas resumed on Tuesday at the border village, the Unification Ministry said.</p>
<p>"We are cautiously hopeful," said Lee Ji-won, a senior negotiator, who told reporters that the first
session had lasted more than four hours and that both sides had agreed to meet again next week.</p>
</div></body></html>
"""


def cases() -> dict[str, bytes]:
    """File name -> exact bytes, for every small case."""
    c: dict[str, bytes] = {}

    # --- whole files that are not text --------------------------------------------------
    c["empty.txt"] = b""
    c["whitespace-only.txt"] = b" \n\t  \r\n   \n\n"
    c["binary-png.txt"] = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61")
    c["binary-elf.dat"] = b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4
    c["sqlite-database.sqlite"] = b"SQLite format 3\x00" + b"\x10\x00\x01\x01" + bytes(200)
    c["compressed.gz"] = bytes.fromhex("1f8b0800000000000003") + b"\x4b\x4c\x4a\x06\x00\xc2\x41\x24\x35\x03\x00\x00\x00"

    # --- encodings ----------------------------------------------------------------------
    c["latin1.txt"] = good("latin1 café résumé").encode("latin-1")
    c["windows-1252-quotes.txt"] = good("windows-1252").replace('"', "\u201c", 1).encode("cp1252")
    c["truncated-utf8.txt"] = good("truncated-utf8").encode() + "é".encode()[:1]
    c["utf8-bom.txt"] = codecs.BOM_UTF8 + good("utf8-bom").encode()
    c["utf16le-bom.txt"] = codecs.BOM_UTF16_LE + good("utf16le-bom").encode("utf-16-le")
    c["utf16be-bom.txt"] = codecs.BOM_UTF16_BE + good("utf16be-bom").encode("utf-16-be")
    c["utf32le-bom.txt"] = codecs.BOM_UTF32_LE + good("utf32le-bom").encode("utf-32-le")
    c["utf16-no-bom.txt"] = good("utf16-no-bom").encode("utf-16-le")
    c["utf16-bom-odd-length.txt"] = codecs.BOM_UTF16_LE + good("odd").encode("utf-16-le") + b"A"
    c["nul-bytes.txt"] = good("nul-bytes").replace("Monday", "Mon\x00day").encode()

    # --- HTML -----------------------------------------------------------------------------
    c["article.html"] = HTML_ARTICLE.encode()
    c["html-with-txt-suffix.txt"] = HTML_ARTICLE.replace("Missile launch condemned", "Launch condemned").encode()
    c["xhtml-declaration.xhtml"] = XHTML_ARTICLE.encode()
    c["script-only.htm"] = b"<html><head><script>var a = 1; document.write('hi');</script></head><body></body></html>"
    c["nav-only.html"] = (b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a> <a href='/news'>News</a>"
                          b"</nav></body></html>")

    # --- text that is odd but fine ----------------------------------------------------------
    c["unclosed-quote.txt"] = (good("unclosed-quote") + "\u201cThe talks will go on,\u201d he said. \u201cWe never "
                               "give up, and we never will, said nobody in particular\n").encode()
    c["emoji-rtl.txt"] = (
        good("emoji-rtl") + "\U0001f680\U0001f1f0\U0001f1f7 The envoy \u0645\u062d\u0645\u062f \u0639\u0644\u064a "
        "(\u05e9\u05dc\u05d5\u05dd) said the meeting was \u201cwarm \U0001f91d\u201d, and the \u200fminister\u200e "
        "agreed. \U0001f468\u200d\U0001f469\u200d\U0001f467 Families said they were hopeful.\n"
    ).encode()
    c["bidi-override.txt"] = (good("bidi-override") + "The file was named \u202etxt.exe\u202c and "
                              "\u2066\u05d0\u05d1\u2069 was quoted, the analyst said.\n").encode()
    c["combining-marks.txt"] = (good("combining-marks") + "Z\u0351\u0300a\u0308\u0301l\u0327g\u0303o\u0336 "
                                "text and cafe\u0301 were seen, Jose\u0301 Nu\u0301n\u0303ez said.\n").encode()
    c["control-chars.txt"] = (good("control-chars").replace("Monday", "Mon\x07day\x1b[31m")
                              + "Page\x0cbreak and back\x08space, the clerk said.\x7f\n").encode()
    c["zero-width.txt"] = good("zero-width").replace("missile", "mis\u200bsile\u200c").replace(
        "Staff", "St\u200daff\ufeff").encode()
    c["crlf.txt"] = good("crlf").replace("\n", "\r\n").replace(". ", ".\r\n").encode()
    c["cr-only.txt"] = good("cr-only").replace("\n", "\r").replace(". ", ".\r").encode()
    c["markdown.md"] = ("# Missile launch\n\n*By Staff*\n\n" + good("markdown") + "\n> quoted block\n").encode()
    c["no-suffix"] = good("no-suffix").encode()
    c["typographic.txt"] = (good("typographic") + "\u2018It\u2019s over,\u2019 she said \u2014 "
                            "\u00abc\u2019est fini\u00bb \u2026 \u201eja\u201c.\n").encode()

    # --- text that is not usable prose -----------------------------------------------------
    c["only-quotes.txt"] = ('""\u201c\u201d\u2018\u2019\u00ab\u00bb\'\'' * 20 + "\n").encode()
    c["tiny.txt"] = b"Yes.\n"
    c["numbers-only.txt"] = b"12 34 56 78 90 2024-05-01 3.14159 +82 2 1234 5678 99.9% 1,000,000\n"
    c["german.txt"] = (
        "Nordkorea hat am Montag erneut eine ballistische Rakete abgefeuert, wie das s\u00fcdkoreanische "
        "Milit\u00e4r mitteilte. Die Rakete sei vor der Ostk\u00fcste ins Meer gest\u00fcrzt. Ein Sprecher "
        "der Vereinigten Stabschefs sagte, man beobachte die Lage genau und stehe in engem Kontakt mit den "
        "Verb\u00fcndeten. Die Regierung in Seoul verurteilte den Start als klare Provokation und forderte "
        "Pj\u00f6ngjang auf, zu Gespr\u00e4chen zur\u00fcckzukehren.\n"
    ).encode()
    c["chinese.txt"] = (
        "\u671d\u9c9c\u5468\u4e00\u53d1\u5c04\u4e86\u4e00\u679a\u5f39\u9053\u5bfc\u5f39\u3002"
        "\u97e9\u56fd\u519b\u65b9\u8868\u793a\uff0c\u5bfc\u5f39\u843d\u5165\u4e1c\u90e8\u6d77\u57df\u3002"
        "\u4e00\u540d\u53d1\u8a00\u4eba\u8bf4\uff1a\u201c\u8fd9\u662f\u660e\u663e\u7684\u6311\u8845\u3002\u201d\n"
    ).encode()
    c["russian.txt"] = (
        "\u0421\u0435\u0432\u0435\u0440\u043d\u0430\u044f \u041a\u043e\u0440\u0435\u044f \u0432 "
        "\u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a \u0437\u0430\u043f\u0443\u0441\u0442"
        "\u0438\u043b\u0430 \u0431\u0430\u043b\u043b\u0438\u0441\u0442\u0438\u0447\u0435\u0441\u043a\u0443\u044e "
        "\u0440\u0430\u043a\u0435\u0442\u0443, \u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0438 \u0432 "
        "\u0432\u043e\u0435\u043d\u043d\u044b\u0445 \u043a\u0440\u0443\u0433\u0430\u0445 \u0421\u0435\u0443\u043b"
        "\u0430.\n"
    ).encode()
    c["arabic.txt"] = (
        "\u0623\u0637\u0644\u0642\u062a \u0643\u0648\u0631\u064a\u0627 \u0627\u0644\u0634\u0645\u0627\u0644"
        "\u064a\u0629 \u0635\u0627\u0631\u0648\u062e\u0627 \u0628\u0627\u0644\u064a\u0633\u062a\u064a\u0627 "
        "\u064a\u0648\u0645 \u0627\u0644\u0627\u062b\u0646\u064a\u0646\u060c \u062d\u0633\u0628\u0645\u0627 "
        "\u0623\u0639\u0644\u0646 \u0627\u0644\u062c\u064a\u0634 \u0627\u0644\u0643\u0648\u0631\u064a "
        "\u0627\u0644\u062c\u0646\u0648\u0628\u064a.\n"
    ).encode()

    # --- JSONL ----------------------------------------------------------------------------------
    c["good-bad-good.jsonl"] = jl(rec("gbg-1"), '{"id": "gbg-2", "text": "The minister said', rec("gbg-3"))
    c["not-objects.jsonl"] = jl("[1, 2]", '"a string"', "42", "null", "true", rec("notobj-6"))
    c["missing-text.jsonl"] = jl({"id": "mt-1", "title": "No body"}, {"id": "mt-2", "text": None},
                                 {"id": "mt-3", "body": good("mt-3")}, rec("mt-4"))
    c["text-not-string.jsonl"] = jl({"id": "tns-1", "text": 42}, {"id": "tns-2", "text": ["a", "b"]},
                                    {"id": "tns-3", "text": {"en": good("tns-3")}}, {"id": "tns-4", "text": True})
    c["truncated.jsonl"] = jl(rec("trunc-1"), rec("trunc-2"))[:-1] + b'\n{"id": "trunc-3", "text": "The min'
    c["bom.jsonl"] = codecs.BOM_UTF8 + jl(rec("bom-1"), rec("bom-2"))
    c["utf16.jsonl"] = codecs.BOM_UTF16_LE + jl(
        rec("u16-1"), {"id": "u16-2", "text": good("u16-2") + "Line\u2028separator and next\u0085line, he said.\n"}
    ).decode().encode("utf-16-le")
    c["crlf.jsonl"] = jl(rec("crlf-1"), rec("crlf-2"), sep="\r\n")
    c["blank-lines.jsonl"] = b"\n\n" + jl(rec("blank-3")) + b"   \n\n" + b'{"id": oops}\n' + b"\n" + jl(rec("blank-8"))
    c["empty.jsonl"] = b""
    c["blank.jsonl"] = b"\n  \n\t\n"
    c["huge-int-id.jsonl"] = jl('{"id": ' + "9" * 5000 + ', "text": ' + json.dumps(good("huge-int")) + "}",
                                rec("after-huge-int"))
    c["big-int-id.jsonl"] = jl(rec(123456789012345678901234567890), rec(0), rec(-7))
    c["long-id.jsonl"] = jl(rec("L" * 5000, tag="long-id"), rec("L" * 1000, tag="long-id-ok"))
    c["id-bool.jsonl"] = jl(rec(True, tag="id-true"), rec(False, tag="id-false"))
    c["id-list-object.jsonl"] = jl(rec(["a"], tag="id-list"), rec({"a": 1}, tag="id-object"))
    c["id-float.jsonl"] = jl(rec(1.5, tag="id-float"), '{"id": NaN, "text": ' + json.dumps(good("id-nan")) + "}")
    c["id-empty.jsonl"] = jl(rec("", tag="id-empty"), rec("   ", tag="id-blank"), rec(None, tag="id-null"))
    c["id-unicode.jsonl"] = jl(rec("a/b?c#d%20 é 🦀 <script>"), rec("  padded-id  "), rec("x\ty", tag="tab"))
    c["duplicate-ids.jsonl"] = jl(rec("dup", tag="dup A"), rec("dup", tag="dup A"), rec("dup", tag="dup B"),
                                  rec("dup-2"))
    c["deep-nesting.jsonl"] = jl("[" * 20_000, rec("after-deep"))
    c["nul-byte-line.jsonl"] = jl(rec("nul-1"), '{"id": "nul-2", "text": "Mon\x00day ' + json.dumps(good("nul-2"))[1:]
                                  + "}", {"id": "nul-3", "text": "Mon\x00day " + good("nul-3")})
    c["invalid-utf8-line.jsonl"] = (jl(rec("iu-1")) + b'{"id": "iu-2", "text": "caf\xe9 '
                                    + json.dumps(good("iu-2"))[1:].encode() + b"}\n" + jl(rec("iu-3")))
    c["metadata-types.jsonl"] = jl(rec("meta-1", title=["not", "a", "string"], outlet={"name": "X"},
                                       published=2024, author=None, url=True))
    c["doc-id.jsonl"] = jl({"doc_id": "docid-1", "text": good("docid-1")})
    c["lone-surrogate.jsonl"] = ('{"id": "sur-\\udc00", "title": "bad \\ud800 title", "text": '
                                 + json.dumps(good("surrogate") + "Broken XX emoji, he said.").replace("XX", "\\ud83d")
                                 + "}\n").encode()
    c["json-array.json"] = ("[" + json.dumps(rec("arr-1")) + "]\n").encode()
    c["trailing-garbage.jsonl"] = (json.dumps(rec("tg-1")) + " trailing\n").encode()
    c["single-quoted.jsonl"] = ("{'id': 'sq-1', 'text': '" + good("sq-1").strip() + "'}\n").encode()
    c["plain-text.jsonl"] = (good("plain-text-in-jsonl")).encode()
    c["short-and-foreign.jsonl"] = jl({"id": "sf-1", "text": "OK."}, {"id": "sf-2", "text": " \n\t "},
                                      {"id": "sf-3", "text": "El ministro dijo el lunes que las conversaciones "
                                       "con los vecinos del norte seguir\u00e1n durante toda la semana, y que "
                                       "el gobierno espera un acuerdo antes de las fiestas de fin de a\u00f1o, "
                                       "aunque muchos de los observadores creen que las diferencias entre "
                                       "las partes son todav\u00eda muy grandes y que no hay prisa alguna."},
                                      rec("sf-4"))
    c["text-is-html.jsonl"] = jl({"id": "html-in-json", "text": "<p>" + good("html-in-json").strip() + "</p>"})
    return c


def write_corpus(target: Path = CORPUS) -> list[Path]:
    """Write every small case into ``target`` (removing files that are no longer cases)."""
    target.mkdir(parents=True, exist_ok=True)
    want = cases()
    for old in target.iterdir():
        if old.is_file() and old.name not in want:
            old.unlink()
    out = []
    for name, data in want.items():
        path = target / name
        path.write_bytes(data)
        out.append(path)
    return out


#: Size of the generated "10 MB article".
BIG_BYTES = 10 * 1024 * 1024


def write_big_cases(target: Path) -> dict[str, Path]:
    """Write the large cases into ``target`` (a temporary directory); name -> path.

    - ``big-10mb.txt``: a 10 MB English article (over the default --max-chars of 1,000,000);
    - ``big-10mb-line.jsonl``: a good record, then one 10 MB record, then a good record;
    - ``long-line-prose.txt``: one 100,000-character line of ordinary prose (fine);
    - ``long-line-nospace.txt``: one 100,001-character "word" (a base64 blob, not prose).
    """
    target.mkdir(parents=True, exist_ok=True)
    paths = {}
    unit = good("big")
    text = unit * (BIG_BYTES // len(unit.encode()) + 1)
    paths["big-10mb.txt"] = target / "big-10mb.txt"
    paths["big-10mb.txt"].write_text(text, encoding="utf-8")
    paths["big-10mb-line.jsonl"] = target / "big-10mb-line.jsonl"
    paths["big-10mb-line.jsonl"].write_bytes(jl(rec("big-before"), {"id": "big-line", "text": text},
                                                rec("big-after")))
    line = good("long-line-prose").replace("\n", " ")
    prose = (line * (100_000 // len(line) + 1))[:99_999] + "."
    paths["long-line-prose.txt"] = target / "long-line-prose.txt"
    paths["long-line-prose.txt"].write_text(prose + "\n", encoding="utf-8")
    blob = ("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5eg" * 1500)[:100_001]
    paths["long-line-nospace.txt"] = target / "long-line-nospace.txt"
    paths["long-line-nospace.txt"].write_text(blob + "\n", encoding="utf-8")
    return paths


if __name__ == "__main__":
    written = write_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
    print(f"wrote {len(written)} files to {written[0].parent}")
