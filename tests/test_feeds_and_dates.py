"""Issue 11, items 1 and 2: search by who said it, real publication dates and titles,
RSS/Atom feeds as inputs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from attrib.articlemeta import headline, normalise_date
from attrib.db import open_db, save_article
from attrib.feeds import html_fragment_to_text, looks_like_feed
from attrib.inputs import Reader, Skipped
from attrib.types import Article, Attribution

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://wire.example/</link>
<item><title>Minister rejects &lt;b&gt;claims&lt;/b&gt;</title><link>https://wire.example/a1</link><guid>wire-a1</guid>
<pubDate>Mon, 12 Sep 2016 14:03:00 GMT</pubDate><author>Ann Lee</author>
<content:encoded><![CDATA[<p>"The claims are false," said Maria Lopez, the finance minister, on Monday.</p>
<p>She added that the budget was balanced and that the figures would be published next week.</p>]]></content:encoded>
</item>
<item><title>Bridge to reopen</title><link>https://wire.example/a2</link>
<pubDate>Tue, 13 Sep 2016 08:00:00 +0200</pubDate>
<description>&lt;p&gt;Officials said the bridge would reopen in the spring,
 after repairs that took two years.&lt;/p&gt;</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:atom-news</id>
<updated>2020-01-02T00:00:00Z</updated>
<entry><title>Council votes</title><id>urn:atom-news:1</id><link href="https://atom.example/1"/>
<published>2020-01-02T10:00:00Z</published>
<content type="html">&lt;p&gt;The mayor said the council had voted to close the old market
 by the end of the year.&lt;/p&gt;</content>
</entry></feed>
"""


@pytest.mark.parametrize(("value", "expected"), [
    ("2016-09-12", "2016-09-12"),
    ("2024-05-01T09:30:00+09:00", "2024-05-01T09:30:00+09:00"),
    ("2024-05-01T09:30:00Z", "2024-05-01T09:30:00+00:00"),
    ("Mon, 12 Sep 2016 14:03:00 GMT", "2016-09-12T14:03:00+00:00"),
    ("September 12, 2016", "2016-09-12"),
    ("2024", "2024"),
    (2024, "2024"),
    ("2016-13-40", None),
    ("soon", None),
    ("", None),
    (None, None),
])
def test_dates_are_iso_or_nothing(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_headline_is_the_first_line() -> None:
    assert headline("\n  Minister resigns \nThe minister said ...") == "Minister resigns"
    long = "word " * 60
    assert headline(long).endswith(" …") and len(headline(long)) <= 142
    assert headline("") is None and headline(None) is None


def test_rss_items_are_articles_with_titles_and_dates(tmp_path: Path) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_text(RSS, encoding="utf-8")
    a1, a2 = Reader().read([feed])
    assert (a1.id, a1.title, a1.url, a1.outlet, a1.published, a1.author) == (
        "wire-a1", "Minister rejects claims", "https://wire.example/a1", "Example Wire",
        "2016-09-12T14:03:00+00:00", "Ann Lee")
    assert a1.text.startswith('"The claims are false," said Maria Lopez') and "<p>" not in a1.text
    assert "\nShe added" in a1.text  # paragraphs are lines, as for .html inputs
    assert a1.source == f"{feed}#item1"
    assert (a2.id, a2.title) == ("https://wire.example/a2", "Bridge to reopen")
    assert a2.published == "2016-09-13T08:00:00+02:00"
    assert a2.text.startswith("Officials said the bridge")


def test_atom_feeds_and_feeds_in_directories(tmp_path: Path) -> None:
    (tmp_path / "news.atom").write_text(ATOM, encoding="utf-8")
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    records = list(Reader().read([tmp_path]))
    assert [r.id for r in records] == ["urn:atom-news:1", "wire-a1", "https://wire.example/a2"]
    assert records[0].published == "2020-01-02T10:00:00+00:00" and records[0].outlet == "Atom News"


def test_a_broken_feed_is_skipped_with_a_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>", encoding="utf-8")
    [skip] = Reader().read([bad])
    assert isinstance(skip, Skipped) and "no items" in skip.reason


def test_feed_helpers() -> None:
    assert looks_like_feed(RSS) and looks_like_feed(ATOM) and not looks_like_feed("<html><body>x</body></html>")
    assert html_fragment_to_text("<p>One &amp; two</p><p>three</p>") == "One & two\nthree"


def test_jsonl_dates_from_meta_and_html_metadata(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    text = "Breitbart headline here\nThe senator said the bill would pass the chamber easily and that the vote was set."
    jsonl.write_text('{"doc_id": "p1", "text": %r, "meta": {"date": "2016-09-12", "publisher": "breitbart"}}\n'
                     .replace("%r", '"' + text.replace("\n", "\\n") + '"'), encoding="utf-8")
    [a] = Reader().read([jsonl])
    assert (a.published, a.outlet, a.title) == ("2016-09-12", "breitbart", "Breitbart headline here")
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>Port reopens | Harbour Times</title><meta property="og:site_name" content="Harbour Times">'
        '<meta property="article:published_time" content="2021-03-04T05:06:07+00:00">'
        '<link rel="canonical" href="https://harbour.example/port"></head><body><article><h1>Port reopens</h1>'
        "<p>The harbour master said the port would reopen on Monday after the storm had passed and the cranes "
        "were checked.</p><p>Shipping companies said they welcomed the news and would resume sailings.</p>"
        "</article></body></html>", encoding="utf-8")
    [h] = Reader().read([page])
    assert h.published == "2021-03-04" or h.published.startswith("2021-03-04")
    assert h.outlet == "Harbour Times" and h.url == "https://harbour.example/port" and "Port reopens" in h.title


def _statement(text: str, content: str, source: str, **kw: object) -> Attribution:
    c0 = text.index(content)
    s0 = text.index(source)
    return Attribution(content_spans=((c0, c0 + len(content)),), cue=None, source=(s0, s0 + len(source)),
                       type="indirect", rule="r", confidence=0.5, **kw)


def test_search_finds_the_resolved_speaker_and_dates_are_never_ingest_times(tmp_path: Path) -> None:
    text = "Kurt Campbell met the minister.\nHe said the talks were useful.\n"
    db = open_db(str(tmp_path / "s.db"))
    save_article(db, Article("a1", text, published=None), [
        _statement(text, "the talks were useful", "He", source_name="Kurt Campbell", speaker_kind="person",
                   role="deputy secretary", organisation="State Department")])
    hits = db.execute("select v.speaker, v.date, v.article_title from statements_fts f "
                      "join statements_view v on v.statement_rowid = f.rowid "
                      "where statements_fts match '\"Kurt\" \"Campbell\"'").fetchall()
    assert hits == [("Kurt Campbell", None, "Kurt Campbell met the minister.")]
    for words in ("deputy", "department", "minister"):  # role, organisation, article title
        n = db.execute("select count(*) from statements_fts where statements_fts match ?", [words]).fetchone()[0]
        assert n == 1, words
    db.execute("update speakers set name = 'Kurt M. Campbell'")
    assert db.execute("select count(*) from statements_fts where statements_fts match 'M'").fetchone()[0] == 1
    db.conn.close()


def test_migration_fixes_old_dates_and_titles(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = open_db(str(path))
    db.conn.close()
    con = sqlite3.connect(path)
    con.execute("insert into articles (id, title, text, published, ingested_at) values "
                "('x', '', 'Headline\nBody said ...', 'Mon, 12 Sep 2016 14:03:00 GMT', '2026-01-01T00:00:00+00:00')")
    con.execute("delete from _sqlite_migrations where name = 'm007_search_names_and_real_dates'")
    con.commit()
    con.close()
    open_db(str(path)).conn.close()
    con = sqlite3.connect(path)
    assert con.execute("select title, published from articles").fetchone() == ("Headline", "2016-09-12T14:03:00+00:00")
    con.close()
