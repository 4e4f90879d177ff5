"""Fact-checkers' reviews of statements and their ClaimReview export.

A review says whether an attribution is right (``confirmed``) or how it is wrong
(``wrong_speaker``, ``wrong_span``, ``not_a_statement``), may correct the
speaker (name, role, organisation) and may rate the claim ("False", with an
optional numeric rating between worst and best).  Reviews are append-only (see
:func:`attrib.db.m009_reviews`): the latest one of a statement is the one that
counts, in ``statements_view`` and everywhere that reads it.  Statement ids are
stable across ``attrib reextract`` and re-ingests, so reviews stay attached; a
review whose statement a rule change removed is kept and listed as orphaned.

The SQL is in :mod:`attrib.db`; this module validates, lists and exports.
"""

from __future__ import annotations

import json
import os
import tempfile
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from . import db as dbm

VERDICTS = dbm.VERDICTS


@dataclass(frozen=True)
class Review:
    """What a reviewer says about one statement (see :data:`attrib.db.REVIEW_FIELDS`)."""

    statement_id: str
    verdict: str
    speaker: str | None = None
    role: str | None = None
    organisation: str | None = None
    rating: str | None = None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    note: str | None = None
    url: str | None = None

    def problems(self) -> list[str]:
        """What is wrong with the review (empty when it can be recorded)."""
        out = []
        if self.verdict not in VERDICTS:
            out.append(f"verdict must be one of {', '.join(VERDICTS)}, not {self.verdict!r}")
        if self.url and not _http_url(self.url):
            out.append(f"the fact-check URL must be an http(s) URL: {self.url!r}")
        if self.rating_value is not None and not (self.rating or "").strip():
            out.append("a numeric rating needs a textual one too (--rating, e.g. 'False')")
        if None not in (self.best_rating, self.worst_rating) and self.best_rating == self.worst_rating:
            out.append("best and worst rating must differ")
        if self.rating_value is not None and None not in (self.best_rating, self.worst_rating):
            lo, hi = sorted((self.best_rating, self.worst_rating))
            if not lo <= self.rating_value <= hi:
                out.append(f"rating {self.rating_value} is not between {self.worst_rating} and {self.best_rating}")
        return out


class ReviewError(ValueError):
    """A review that cannot be recorded (bad values, or no such statement)."""


def record_review(db: sqlite_utils.Database, reviewer: str, review: Review, at: str | None = None) -> int:
    """Append ``review`` by ``reviewer`` (at ``at``, default now); returns the review id."""
    problems = review.problems()
    if not reviewer.strip():
        problems.append("the reviewer must be named")
    if problems:
        raise ReviewError("; ".join(problems))
    fields = {k: getattr(review, k) for k in dbm.REVIEW_FIELDS}
    review_id = dbm.insert_review(db, reviewer.strip(), fields, at)
    if review_id is None:
        raise ReviewError(f"no statement with id {review.statement_id!r}")
    return review_id


def list_reviews(db: sqlite_utils.Database, statement_id: str | None = None) -> list[dict[str, Any]]:
    """Every review, oldest first (see :func:`attrib.db.review_rows`)."""
    return dbm.review_rows(db, statement_id)


def _http_url(url: Any) -> str | None:
    """``url`` when it is an http(s) URL, else None (never a ``javascript:`` one)."""
    if isinstance(url, str) and urllib.parse.urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def _claim_author(st: dict[str, Any]) -> dict[str, Any] | None:
    """The schema.org Person or Organization who made the claim (the effective speaker)."""
    name = st.get("speaker") or st.get("speaker_text")
    if not name:
        return None
    corrected = st.get("extracted_speaker") != st.get("speaker")
    is_org = not corrected and st.get("speaker_record_kind") == "organisation"
    author: dict[str, Any] = {"@type": "Organization" if is_org else "Person", "name": name}
    if st.get("role") and not is_org:
        author["jobTitle"] = st["role"]
    if st.get("organisation") and st.get("organisation") != name:
        author["worksFor" if not is_org else "parentOrganization"] = {"@type": "Organization",
                                                                     "name": st["organisation"]}
    return author


def _rating(st: dict[str, Any]) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": st["rating"]}
    for key, col in (("ratingValue", "rating_value"), ("bestRating", "best_rating"), ("worstRating", "worst_rating")):
        if st.get(col) is not None:
            value = st[col]
            rating[key] = int(value) if float(value).is_integer() else value
    return rating


def claim_review(st: dict[str, Any], publisher: str | None) -> dict[str, Any]:
    """One schema.org ``ClaimReview`` of a rated statement (a ``statements_view`` row)."""
    claim: dict[str, Any] = {"@type": "Claim"}
    author = _claim_author(st)
    if author:
        claim["author"] = author
    if st.get("date"):
        claim["datePublished"] = str(st["date"])[:10]
    article_url = _http_url(st.get("article_url"))
    if article_url:
        work = {"@type": "CreativeWork", "url": article_url}
        if st.get("article_title"):
            work["headline"] = st["article_title"]
        claim["appearance"] = [work]
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": st["content"],
        "reviewRating": _rating(st),
        "itemReviewed": claim,
        "author": ({"@type": "Organization", "name": publisher} if publisher
                   else {"@type": "Person", "name": st["reviewer"]}),
        "datePublished": str(st["reviewed_at"])[:10],
        "identifier": st["id"],
    }
    url = _http_url(st.get("review_url"))
    if url:
        review["url"] = url
    return review


def claimreview_document(db: sqlite_utils.Database, publisher: str | None = None) -> dict[str, Any]:
    """The JSON-LD document: one ``ClaimReview`` per statement whose latest review rates it."""
    return {"@context": "https://schema.org",
            "@graph": [claim_review(st, publisher) for st in dbm.rated_statements(db)]}


def write_atomically(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, renamed at the end,
    so a reader never sees half a file and a failed run leaves the old one in place."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def claimreview_json(db: sqlite_utils.Database, publisher: str | None = None) -> tuple[str, int, int]:
    """The export as text, how many ClaimReviews it has and how many of them lack a ``url``."""
    doc = claimreview_document(db, publisher)
    n = len(doc["@graph"])
    no_url = sum(1 for r in doc["@graph"] if "url" not in r)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n", n, no_url
