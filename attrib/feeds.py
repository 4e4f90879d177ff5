"""RSS and Atom feed files as articles (feedparser): one article per item.

An item's text is its ``content:encoded`` (Atom ``content``) or else its
summary, turned from HTML into text the way ``.html`` inputs are (trafilatura,
with a plain tag-stripping fallback for fragments too short for it); its title,
link, author and publication date come with it, and the feed's title is the
outlet.  :mod:`attrib.inputs` turns each record into an
:class:`~attrib.types.Article` like a JSONL line.
"""

from __future__ import annotations

import html as html_lib
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from .articlemeta import normalise_date

FEED_SUFFIXES = {".xml", ".rss", ".atom"}
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


def looks_like_feed(text: str) -> bool:
    """True for an RSS, RDF or Atom document."""
    head = text.lstrip()[:2000].lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf:rdf" in head) or head.startswith(
        ("<rss", "<feed")
    )


class _TextOnly(HTMLParser):
    """HTML to text: block elements become line breaks, scripts and styles are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_fragment_to_text(fragment: str) -> str:
    """The text of an HTML fragment (an item's content): trafilatura as for ``.html``
    pages, or the tags stripped when trafilatura finds no article in it."""
    if "<" not in fragment:
        return html_lib.unescape(fragment).strip()
    import trafilatura

    text = trafilatura.extract(f"<html><body><article>{fragment}</article></body></html>",
                               include_comments=False, include_tables=False) or ""
    if text.strip():
        return text
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _item_html(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or entry.get("description") or "")


def _item_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        date = normalise_date(entry.get(key))
        if date:
            return date
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
    return None


def feed_records(text: str) -> tuple[list[dict[str, Any]], str | None]:
    """The items of the feed document ``text`` as article records (``id``, ``text``,
    ``title``, ``url``, ``outlet``, ``published``, ``author``), and why the document is not
    a usable feed (``None`` when it is)."""
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        return [], f"not an RSS/Atom feed with items ({problem})" if problem else "feed has no items"
    outlet = parsed.feed.get("title") or None
    records = []
    for entry in parsed.entries:
        title = html_fragment_to_text(entry.get("title") or "") or None
        records.append({
            "id": entry.get("id") or entry.get("link") or None,
            "text": html_fragment_to_text(_item_html(entry)),
            "title": re.sub(r"\s+", " ", title) if title else None,
            "url": entry.get("link") or None,
            "outlet": outlet,
            "published": _item_date(entry),
            "author": entry.get("author") or None,
        })
    return records, None


def iter_feed(text: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(item number, record) for every item, or a single (0, reason) for a document that is no feed."""
    records, problem = feed_records(text)
    if problem:
        yield 0, problem
        return
    yield from enumerate(records, 1)
