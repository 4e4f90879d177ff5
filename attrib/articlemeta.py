"""Article metadata as a fact-checker needs it: real publication dates and a title.

:func:`normalise_date` turns the dates sources give (ISO 8601, RFC 822 from
feeds, "September 12, 2016") into ISO 8601, so that sorting and "since"
comparisons on ``articles.published`` are right; :func:`headline` gives a text
without a title its first line as one.  Neither ever invents a date: what
cannot be read as a date is dropped (the pages then say "date unknown").
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

#: A title longer than this is cut at a word boundary (with an ellipsis).
MAX_TITLE_CHARS = 140
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: A year or a year and month alone (ISO 8601 reduced precision): kept, never given a made-up day.
_ISO_PART = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")


def _iso(value: dt.datetime, with_time: bool) -> str:
    if not with_time:
        return value.date().isoformat()
    return value.isoformat(timespec="seconds")


def _parse(value: str) -> dt.datetime | None:
    """``value`` as a datetime: ISO 8601, RFC 822 (feeds) or a written-out date (dateutil)."""
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        from dateutil import parser as date_parser

        default = dt.datetime(1, 1, 1)
        parsed = date_parser.parse(value, default=default)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed if parsed.year > 1 else None


def normalise_date(value: object) -> str | None:
    """ISO 8601 for a publication date as a source gives it: ``YYYY-MM-DD`` when it has
    no time of day, else the timestamp with seconds (and its offset, when given).
    ``None`` for no value or one that is not a date."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not text:
        return None
    if _ISO_PART.match(text):
        return text
    if _ISO_DAY.match(text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    parsed = _parse(text)
    if parsed is None or not 1000 <= parsed.year <= 9999:
        return None
    return _iso(parsed, bool(_HAS_TIME.search(text)))


def headline(text: str | None) -> str | None:
    """The first non-blank line of ``text`` as a title (cut at a word boundary when long)."""
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if line:
            if len(line) <= MAX_TITLE_CHARS:
                return line
            cut = line[:MAX_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:–- ")
            return cut + " …"
    return None
