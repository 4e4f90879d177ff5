"""Shared pytest fixtures.

Fixtures are grouped by the feature they serve; each group's names carry its
prefix (``datasette_*`` for the Datasette plugin, metadata and browser tests).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from attrib.db import open_db, save_article, statement_id
from attrib.types import Article, Attribution

REPO_ROOT = Path(__file__).resolve().parent.parent


# ------------------------------------------------------------ Datasette sample

#: Article texts of the Datasette sample database.  They include HTML/JS
#: payloads that every page must show as text.
DATASETTE_SAMPLE_TEXTS = {
    "yonhap-2024-05-01-missile": (
        "SEOUL, May 1 (Yonhap) -- North Korea fired a ballistic missile into the East Sea on Wednesday.\n"
        '"This is a clear provocation," said Kim Min-jun, a spokesperson for the Joint Chiefs of Staff. '
        '"We are ready to respond."\n'
        "The Foreign Ministry said the launch violated UN Security Council resolutions.\n"
        'KCNA quoted a senior official as saying that "the exercise was a legitimate act of self-defence."\n'
        "A government official, speaking on condition of anonymity, said more launches were expected.\n"
    ),
    "example-times-xss": (
        '"<script>alert(1)</script> is harmless," said Jane Doe, a researcher at Acme Labs.\n'
        'She added that <img src=x onerror=alert(1)> tags were "fine in moderation".\n'
        '"Stay calm," read a sign outside the lab.\n'
    ),
    "yonhap-2024-06-10-kcna": (
        "PYONGYANG -- KCNA said the Foreign Ministry had warned that "
        '"any provocation will be met with force." '
        'Kim Yo-jong said the joint drills were "a rehearsal for invasion".\n'
        "Residents near the border said they heard explosions overnight.\n"
    ),
}

#: A role with an attribute-breaking payload (shows up in tooltips).
DATASETTE_XSS_ROLE = 'researcher "><svg onload=alert(3)>'


@dataclass
class DatasetteSample:
    """The sample database for the Datasette tests and where its statements are.

    ``ids`` maps the short keys used in the tests ("jcs_provocation", ...) to
    statement ids; ``articles`` maps article ids to :class:`Article`.
    """

    path: Path
    ids: dict[str, str] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    attributions: dict[str, Attribution] = field(default_factory=dict)


def _span(text: str, needle: str, after: str | None = None) -> tuple[int, int]:
    """Offsets of ``needle`` in ``text`` (first occurrence after ``after``, if given)."""
    base = text.index(after) if after else 0
    start = text.index(needle, base)
    return start, start + len(needle)


def datasette_sample_attributions() -> dict[str, tuple[str, Attribution]]:
    """key -> (article id, Attribution) for the sample database, offsets computed from the texts."""
    a1 = DATASETTE_SAMPLE_TEXTS["yonhap-2024-05-01-missile"]
    a2 = DATASETTE_SAMPLE_TEXTS["example-times-xss"]
    a3 = DATASETTE_SAMPLE_TEXTS["yonhap-2024-06-10-kcna"]
    out: dict[str, tuple[str, Attribution]] = {}
    out["jcs_provocation"] = ("yonhap-2024-05-01-missile", Attribution(
        content_spans=(_span(a1, "This is a clear provocation,"), _span(a1, "We are ready to respond.")),
        cue=_span(a1, "said", after="provocation"), source=_span(a1, "Kim Min-jun"), type="direct",
        rule="direct_quote_said", confidence=0.92, cue_lemma="say", source_name="Kim Min-jun",
        speaker_kind="person", role="spokesperson", organisation="Joint Chiefs of Staff"))
    out["ministry_violation"] = ("yonhap-2024-05-01-missile", Attribution(
        content_spans=(_span(a1, "the launch violated UN Security Council resolutions"),),
        cue=_span(a1, "said", after="The Foreign Ministry"), source=_span(a1, "The Foreign Ministry"),
        type="indirect", rule="indirect_org_said", confidence=0.74, cue_lemma="say",
        source_name="Foreign Ministry", speaker_kind="organisation", organisation="Foreign Ministry"))
    out["kcna_official"] = ("yonhap-2024-05-01-missile", Attribution(
        content_spans=(_span(a1, "the exercise was a legitimate act of self-defence."),),
        cue=_span(a1, "saying"), source=_span(a1, "a senior official"), type="mixed",
        rule="quoted_as_saying", confidence=0.81, cue_lemma="say", source_name=None,
        speaker_kind="anonymous", organisation="Foreign Ministry", reported_by="KCNA"))
    out["anon_launches"] = ("yonhap-2024-05-01-missile", Attribution(
        content_spans=(_span(a1, "more launches were expected"),),
        cue=_span(a1, "said", after="anonymity"), source=_span(a1, "A government official"),
        type="indirect", rule="indirect_anonymous", confidence=0.63, cue_lemma="say",
        speaker_kind="anonymous"))
    out["xss_script"] = ("example-times-xss", Attribution(
        content_spans=(_span(a2, "<script>alert(1)</script> is harmless,"),),
        cue=_span(a2, "said"), source=_span(a2, "Jane Doe"), type="direct", rule="direct_quote_said",
        confidence=0.92, cue_lemma="say", source_name="Jane Doe", speaker_kind="person",
        role="researcher", organisation="Acme Labs"))
    out["xss_img"] = ("example-times-xss", Attribution(
        content_spans=(_span(a2, '<img src=x onerror=alert(1)> tags were "fine in moderation"'),),
        cue=_span(a2, "added"), source=_span(a2, "She"), type="indirect", rule="indirect_pronoun",
        confidence=0.7, cue_lemma="add", source_name="Jane Doe", speaker_kind="person",
        role=DATASETTE_XSS_ROLE, organisation="Acme Labs"))
    out["sign"] = ("example-times-xss", Attribution(
        content_spans=(_span(a2, "Stay calm,"),), cue=_span(a2, "read"), source=None, type="direct",
        rule="direct_quote_no_speaker", confidence=0.4, cue_lemma="read", speaker_kind="unknown"))
    out["kcna_outer"] = ("yonhap-2024-06-10-kcna", Attribution(
        content_spans=(_span(
            a3, 'the Foreign Ministry had warned that "any provocation will be met with force."'
        ),),
        cue=_span(a3, "said"), source=_span(a3, "KCNA"), type="indirect", rule="indirect_org_said",
        confidence=0.74, cue_lemma="say", source_name="KCNA", speaker_kind="organisation",
        organisation="KCNA"))
    out["ministry_inner"] = ("yonhap-2024-06-10-kcna", Attribution(
        content_spans=(_span(a3, "any provocation will be met with force."),),
        cue=_span(a3, "warned"), source=_span(a3, "the Foreign Ministry"), type="direct",
        rule="direct_quote_said", confidence=0.9, cue_lemma="warn", source_name="Foreign Ministry",
        speaker_kind="organisation", organisation="Foreign Ministry", reported_by="KCNA"))
    out["kim_drills"] = ("yonhap-2024-06-10-kcna", Attribution(
        content_spans=(_span(a3, 'the joint drills were "a rehearsal for invasion"'),),
        cue=_span(a3, "said", after="Kim Yo-jong"), source=_span(a3, "Kim Yo-jong"), type="mixed",
        rule="mixed_said", confidence=0.77, cue_lemma="say", source_name="Kim Yo-jong",
        speaker_kind="person", organisation="Workers' Party of Korea"))
    out["residents"] = ("yonhap-2024-06-10-kcna", Attribution(
        content_spans=(_span(a3, "they heard explosions overnight"),),
        cue=_span(a3, "said", after="Residents"), source=_span(a3, "Residents near the border"),
        type="indirect", rule="indirect_group", confidence=0.66, cue_lemma="say",
        source_name="residents near the border", speaker_kind="group"))
    return out


def datasette_sample_articles() -> dict[str, Article]:
    """The three sample articles (one without a publication date, with a javascript: URL)."""
    t = DATASETTE_SAMPLE_TEXTS
    return {
        "yonhap-2024-05-01-missile": Article(
            id="yonhap-2024-05-01-missile", text=t["yonhap-2024-05-01-missile"],
            url="https://en.yna.co.kr/view/AEN20240501000100315", title="North Korea fires ballistic missile",
            outlet="Yonhap", published="2024-05-01T09:30:00+09:00", author="Park Soo-min", source="sample:1"),
        "example-times-xss": Article(
            id="example-times-xss", text=t["example-times-xss"], url="javascript:alert(1)",
            title="Researcher says <script>alert(1)</script> tags are harmless", outlet="Example Times",
            published=None, author="<b>Mallory</b>", source="sample:2"),
        "yonhap-2024-06-10-kcna": Article(
            id="yonhap-2024-06-10-kcna", text=t["yonhap-2024-06-10-kcna"],
            url="https://en.yna.co.kr/view/AEN20240610000200315",
            title="North warns of 'merciless' response to drills", outlet="Yonhap", published="2024-06-10",
            author="Lee Ji-won", source="sample:3"),
    }


def build_datasette_sample(path: Path) -> DatasetteSample:
    """Write the sample database to ``path`` with :func:`attrib.db.save_article`."""
    articles = datasette_sample_articles()
    atts = datasette_sample_attributions()
    db = open_db(str(path))
    try:
        for aid, article in articles.items():
            save_article(db, article, [a for k, (art, a) in atts.items() if art == aid])
    finally:
        db.conn.close()
    sample = DatasetteSample(path=path, articles=articles)
    for key, (aid, a) in atts.items():
        sample.ids[key] = statement_id(aid, a)
        sample.attributions[key] = a
    return sample


@pytest.fixture(scope="session")
def datasette_sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatasetteSample]:
    """A small attrib database named ``attrib.db`` (Datasette name "attrib"), built once per session."""
    path = tmp_path_factory.mktemp("datasette") / "attrib.db"
    yield build_datasette_sample(path)


@pytest.fixture(scope="session")
def datasette_metadata() -> dict:
    """The repository's db/metadata.yml as a dict."""
    import yaml

    return yaml.safe_load((REPO_ROOT / "db" / "metadata.yml").read_text(encoding="utf-8"))
