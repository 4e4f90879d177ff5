"""Datasette metadata, canned queries and the attrib plugin's pages, on a small hand-made database."""

from __future__ import annotations

import copy
import html
import json
import shutil
import sqlite3
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markupsafe
import pytest
from conftest import DATASETTE_SAMPLE_TEXTS, DATASETTE_XSS_ROLE, REPO_ROOT, DatasetteSample
from datasette.app import Datasette
from hypothesis import given, settings
from hypothesis import strategies as st

from attrib.datasette import serve
from attrib.datasette.highlight import highlight_article, statement_summary
from attrib.datasette.urls import article_url
from attrib.db import open_db, save_article
from attrib.types import Article, Attribution

A1, A2, A3 = "yonhap-2024-05-01-missile", "example-times-xss", "yonhap-2024-06-10-kcna"

#: Strings that must never appear unescaped in any page.
XSS_PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(3)>",
    "<b>Mallory</b>",
)
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


def make_ds(sample: DatasetteSample, metadata: dict, *, template_dir: Path | None = None,
            immutable: bool = True) -> Datasette:
    """A Datasette on the sample database, as ``attrib serve`` would run it (no ``--template-dir``)."""
    files = {"immutables": [str(sample.path)]} if immutable else {"files": [str(sample.path)]}
    return Datasette(
        **files,
        metadata=copy.deepcopy(metadata),
        template_dir=str(template_dir) if template_dir else None,
    )


@pytest.fixture
def ds(datasette_sample: DatasetteSample, datasette_metadata: dict) -> Datasette:
    return make_ds(datasette_sample, datasette_metadata)


async def get_html(ds: Datasette, url: str, status: int = 200) -> str:
    response = await ds.client.get(url)
    assert response.status_code == status, (url, response.status_code, response.text[:2000])
    return response.text


async def query(ds: Datasette, name: str, **params: str) -> list[dict[str, Any]]:
    """Rows of canned query ``name`` as dicts."""
    response = await ds.client.get(f"/attrib/{name}.json", params={**params, "_shape": "array"})
    assert response.status_code == 200, response.text
    return response.json()


def assert_no_xss(page: str) -> None:
    for payload in XSS_PAYLOADS:
        assert payload not in page
    assert 'href="javascript:' not in page.lower()


def statement_key(sample: DatasetteSample) -> dict[str, str]:
    """statement id -> short key."""
    return {v: k for k, v in sample.ids.items()}


def keys_of(sample: DatasetteSample, rows: list[dict[str, Any]], column: str = "statement_id") -> list[str]:
    by_id = statement_key(sample)
    return [by_id[r[column]] for r in rows]


# ------------------------------------------------------------------ metadata


def test_metadata_top_level(datasette_metadata: dict) -> None:
    m = datasette_metadata
    for key in ("title", "description_html", "license", "license_url", "source"):
        assert m.get(key), key
    assert list(m["databases"]) == ["attrib"]
    assert m["databases"]["attrib"]["description"]


def test_every_table_and_column_is_described(
    datasette_sample: DatasetteSample, datasette_metadata: dict
) -> None:
    tables = datasette_metadata["databases"]["attrib"]["tables"]
    conn = sqlite3.connect(datasette_sample.path)
    names = [r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")]
    assert "statements_view" in names
    for name in names:
        assert tables.get(name, {}).get("description"), f"table {name} has no description"
        if name.endswith(("_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")):
            continue  # FTS5 internals
        columns = [r[1] for r in conn.execute(f"pragma table_info([{name}])")]
        described = tables[name].get("columns", {})
        missing = [c for c in columns if not described.get(c)]
        assert not missing, f"{name}: columns without a description: {missing}"
    conn.close()


def test_key_columns_are_explained(datasette_metadata: dict) -> None:
    cols = datasette_metadata["databases"]["attrib"]["tables"]["statements"]["columns"]
    assert "probability" in cols["confidence"] and "0" in cols["confidence"] and "1" in cols["confidence"]
    assert "rule" in cols["rule"]
    assert "relayed" in cols["reported_by_id"] and "KCNA" in cols["reported_by_id"]
    assert "half-open" in cols["start"]
    assert "JSON" in cols["content_spans"] and "[start, end]" in cols["content_spans"]
    for kind in ("person", "organisation", "group", "anonymous", "unknown"):
        assert kind in cols["speaker_kind"]
    for t in ("direct", "indirect", "mixed"):
        assert t in cols["type"]


def test_facets_configured(datasette_metadata: dict) -> None:
    """No default facets on the statements (each scans every statement on every page view:
    seconds at a million statements on the joined view); they are asked for instead."""
    tables = datasette_metadata["databases"]["attrib"]["tables"]
    assert tables["statements"]["facets"] == []
    assert tables["statements_view"]["facets"] == []


async def test_facets_are_computed(ds: Datasette) -> None:
    facets = "&".join(f"_facet={f}" for f in ("kind", "speaker", "organisation", "cue_lemma", "type"))
    data = (await ds.client.get("/attrib/statements_view.json?" + facets)).json()
    assert {"kind", "speaker", "organisation", "cue_lemma", "type"} <= set(data["facet_results"])
    assert {r["value"]: r["count"] for r in data["facet_results"]["kind"]["results"]} == {"speech": 11}
    counts = {r["value"]: r["count"] for r in data["facet_results"]["type"]["results"]}
    assert counts == {"indirect": 5, "direct": 4, "mixed": 2}
    data = (await ds.client.get("/attrib/statements.json?_facet=speaker_kind&_facet=speaker_id")).json()
    assert set(data["facet_results"]) == {"speaker_kind", "speaker_id"}
    kinds = {r["value"]: r["count"] for r in data["facet_results"]["speaker_kind"]["results"]}
    assert kinds == {"person": 4, "organisation": 3, "anonymous": 2, "group": 1, "unknown": 1}
    speakers = {r["label"]: r["count"] for r in data["facet_results"]["speaker_id"]["results"]}
    assert speakers["Jane Doe"] == 2 and speakers["Foreign Ministry"] == 2


async def test_statements_table_full_text_search(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    data = (await ds.client.get("/attrib/statements.json?_search=provocation&_shape=array")).json()
    assert sorted(keys_of(datasette_sample, data, "id")) == [
        "jcs_provocation", "kcna_outer", "ministry_inner"]


async def test_canned_queries_listed_with_titles(ds: Datasette, datasette_metadata: dict) -> None:
    page = await get_html(ds, "/attrib")
    for name, q in datasette_metadata["databases"]["attrib"]["queries"].items():
        assert f'href="/attrib/{name}"' in page
        assert html.escape(q["title"], quote=False) in page


# ------------------------------------------------------------ canned queries


async def test_search_statements(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    rows = await query(ds, "search_statements", q="provocation")
    assert sorted(keys_of(datasette_sample, rows)) == ["jcs_provocation", "kcna_outer", "ministry_inner"]
    # every word must match; a stray double quote is not an FTS syntax error
    rows = await query(ds, "search_statements", q='provocation "force')
    assert sorted(keys_of(datasette_sample, rows)) == ["kcna_outer", "ministry_inner"]
    # the resolved speaker is searched, not only the mention: S6's mention is "She", resolved to Jane Doe
    rows = await query(ds, "search_statements", q="jane doe")
    assert sorted(keys_of(datasette_sample, rows)) == ["xss_img", "xss_script"]
    # and the role, organisation, relaying body and article title
    assert keys_of(datasette_sample, await query(ds, "search_statements", q="Joint Chiefs")) == ["jcs_provocation"]
    assert sorted(keys_of(datasette_sample, await query(ds, "search_statements", q="KCNA"))) == [
        "kcna_official", "kcna_outer", "ministry_inner"]
    assert len(await query(ds, "search_statements", q="merciless")) == 4
    rows = await query(ds, "search_statements", q="provocation\tforce\n")
    assert sorted(keys_of(datasette_sample, rows)) == ["kcna_outer", "ministry_inner"]
    # FTS5 syntax is neutralised: these are words (or nothing), never errors
    for q in ("U.S.", "AND OR (", "*", "", '"', "content: a:b", "^", "\\", "NOT", "\t"):
        assert await query(ds, "search_statements", q=q) == []
        assert await query(ds, "what_did_x_say_about_y", speaker="Kim", about=q + " zzz") == []


async def test_statements_by_speaker(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    rows = await query(ds, "statements_by_speaker", speaker="Kim")
    # newest first: Kim Yo-jong (2024-06-10), then Kim Min-jun (2024-05-01)
    assert keys_of(datasette_sample, rows) == ["kim_drills", "jcs_provocation"]
    assert [r["speaker"] for r in rows] == ["Kim Yo-jong", "Kim Min-jun"]
    assert rows[1]["role"] == "spokesperson" and rows[1]["organisation"] == "Joint Chiefs of Staff"
    assert rows[1]["content"] == "This is a clear provocation, … We are ready to respond."
    rows = await query(ds, "statements_by_speaker", speaker="jane")
    assert keys_of(datasette_sample, rows) == ["xss_script", "xss_img"]
    assert await query(ds, "statements_by_speaker", speaker="") == []


async def test_statements_by_organisation(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    rows = await query(ds, "statements_by_organisation", organisation="KCNA")
    got = [(datasette_sample_key(datasette_sample, r), r["relation"]) for r in rows]
    assert got == [
        ("kcna_outer", "the organisation itself"),
        ("ministry_inner", "relayed by it"),
        ("kcna_official", "relayed by it"),
    ]
    rows = await query(ds, "statements_by_organisation", organisation="ministry")
    got = [(datasette_sample_key(datasette_sample, r), r["relation"]) for r in rows]
    assert got == [
        ("ministry_inner", "the organisation itself"),
        ("ministry_violation", "the organisation itself"),
        ("kcna_official", "one of its people"),
    ]
    assert {r["organisation_matched"] for r in rows} == {"Foreign Ministry"}
    rows = await query(ds, "statements_by_organisation", organisation="Joint Chiefs")
    assert [(datasette_sample_key(datasette_sample, r), r["relation"]) for r in rows] == [
        ("jcs_provocation", "one of its people")]
    assert await query(ds, "statements_by_organisation", organisation="") == []


def datasette_sample_key(sample: DatasetteSample, row: dict[str, Any]) -> str:
    return statement_key(sample)[row["statement_id"]]


async def test_article_statements(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    rows = await query(ds, "article_statements", article=A1)
    assert keys_of(datasette_sample, rows) == ["jcs_provocation", "ministry_violation", "kcna_official",
                                                "anon_launches"]
    assert [r["seq"] for r in rows] == [0, 1, 2, 3]
    assert rows[1]["sentence"] == (
        "The Foreign Ministry said the launch violated UN Security Council resolutions")
    # part of a title works too; the outer statement starts before the one nested in it
    rows = await query(ds, "article_statements", article="merciless")
    assert keys_of(datasette_sample, rows) == ["kcna_outer", "ministry_inner", "kim_drills", "residents"]
    assert await query(ds, "article_statements", article="") == []


async def test_what_did_x_say_about_y(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    rows = await query(ds, "what_did_x_say_about_y", speaker="Kim", about="provocation")
    assert keys_of(datasette_sample, rows) == ["jcs_provocation"]
    rows = await query(ds, "what_did_x_say_about_y", speaker="Kim", about="drills")
    assert keys_of(datasette_sample, rows) == ["kim_drills"]
    rows = await query(ds, "what_did_x_say_about_y", speaker="Kim", about="")
    assert keys_of(datasette_sample, rows) == ["kim_drills", "jcs_provocation"]
    rows = await query(ds, "what_did_x_say_about_y", speaker="Foreign Ministry", about='force "')
    assert keys_of(datasette_sample, rows) == ["ministry_inner"]
    # "about" searches the content only, not the speaker mention
    assert await query(ds, "what_did_x_say_about_y", speaker="Kim", about="Kim") == []
    # anonymous speakers are found by the mention as written
    rows = await query(ds, "what_did_x_say_about_y", speaker="official", about="launches")
    assert keys_of(datasette_sample, rows) == ["anon_launches"]


async def test_speakers_for_organisation(ds: Datasette) -> None:
    rows = await query(ds, "speakers_for_organisation", organisation="Foreign")
    got = [(r["organisation"], r["speaker"], r["speaker_kind"], r["statements"]) for r in rows]
    assert got == [
        ("Foreign Ministry", "Foreign Ministry", "organisation", 2),
        ("Foreign Ministry", "a senior official", "anonymous", 1),
    ]
    assert rows[0]["first_seen"] == "2024-05-01T09:30:00+09:00" and rows[0]["last_seen"] == "2024-06-10"
    rows = await query(ds, "speakers_for_organisation", organisation="acme")
    assert [(r["speaker"], r["statements"], r["articles"]) for r in rows] == [("Jane Doe", 2, 1)]
    assert set(rows[0]["roles"].split(",")) == {"researcher", DATASETTE_XSS_ROLE}


async def test_anonymous_statements(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    rows = await query(ds, "anonymous_statements")
    assert keys_of(datasette_sample, rows) == ["kcna_official", "anon_launches"]
    assert [r["speaker"] for r in rows] == ["a senior official", "A government official"]
    rows = await query(ds, "anonymous_statements", organisation="Foreign")
    assert keys_of(datasette_sample, rows) == ["kcna_official"]


async def test_relayed_statements(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    rows = await query(ds, "relayed_statements")
    assert keys_of(datasette_sample, rows) == ["ministry_inner", "kcna_official"]
    assert {r["reported_by"] for r in rows} == {"KCNA"}
    assert keys_of(datasette_sample, await query(ds, "relayed_statements", reported_by="kcna")) == [
        "ministry_inner", "kcna_official"]
    assert await query(ds, "relayed_statements", reported_by="Reuters") == []


async def test_new_statements_since(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    rows = await query(ds, "new_statements_since", since="2024-06-01")
    # article 2 has no publication date: it is in no period (its ingest time is never its date)
    assert keys_of(datasette_sample, rows) == ["kcna_outer", "ministry_inner", "kim_drills", "residents"]
    rows = await query(ds, "new_statements_since", since="2024-05-01")
    assert len(rows) == 8 and all(r["date"] for r in rows)
    # a day is compared as a day: an article of 2024-05-01T09:30+09:00 is "since 2024-05-01", not since 05-02
    assert len(await query(ds, "new_statements_since", since="2024-05-02")) == 4
    assert await query(ds, "new_statements_since", since="") == []


async def test_added_since(ds: Datasette) -> None:
    assert len(await query(ds, "added_since", since="2000-01-01")) == 11
    assert await query(ds, "added_since", since="2999-01-01") == []


async def test_top_speakers_by_outlet(ds: Datasette) -> None:
    rows = await query(ds, "top_speakers_by_outlet")
    got = [(r["outlet"], r["position"], r["speaker"], r["statements"]) for r in rows]
    assert got == [
        ("Example Times", 1, "Jane Doe", 2),
        ("Yonhap", 1, "Foreign Ministry", 2),
        ("Yonhap", 2, "KCNA", 1),
        ("Yonhap", 3, "Kim Min-jun", 1),
        ("Yonhap", 4, "Kim Yo-jong", 1),
        ("Yonhap", 5, "residents near the border", 1),
    ]
    rows = await query(ds, "top_speakers_by_outlet", outlet="yonhap", top="2")
    assert [(r["speaker"], r["articles"]) for r in rows] == [("Foreign Ministry", 2), ("KCNA", 1)]


async def test_canned_query_pages_link_and_escape(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    page = await get_html(ds, "/attrib/statements_by_speaker?speaker=jane")
    sid = datasette_sample.ids["xss_script"]
    assert f'href="/-/attrib/article/attrib/{A2}?statement={sid}#s-{sid}"' in page
    assert ESCAPED_SCRIPT in page
    assert_no_xss(page)


# -------------------------------------------------------------- render_cell


async def test_render_cell_links(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    sid = datasette_sample.ids["jcs_provocation"]
    link = f'href="/-/attrib/article/attrib/{A1}?statement={sid}#s-{sid}"'
    page = await get_html(ds, "/attrib/statements")
    assert link in page
    page = await get_html(ds, "/attrib/statements?_attrib_all=1")  # the id columns, shown when asked for
    assert f'href="/-/attrib/article/attrib/{A1}"' in page  # article_id
    assert 'href="/-/attrib/speaker/attrib/' in page and 'href="/-/attrib/organisation/attrib/' in page
    page = await get_html(ds, "/attrib/statements_view")
    assert page.count(link) == 2  # id and content
    page = await get_html(ds, f"/attrib/statements/{sid}")  # row page
    assert link in page
    page = await get_html(ds, "/attrib/articles")
    assert f'href="/-/attrib/article/attrib/{A3}"' in page
    conn = sqlite3.connect(datasette_sample.path)
    jane = conn.execute("select id from speakers where name = 'Jane Doe'").fetchone()[0]
    kcna = conn.execute("select id from organisations where name = 'KCNA'").fetchone()[0]
    conn.close()
    assert f'href="/-/attrib/speaker/attrib/{jane}"' in await get_html(ds, "/attrib/speakers")
    assert f'href="/-/attrib/organisation/attrib/{kcna}"' in await get_html(ds, "/attrib/organisations")


def rendered_columns(page: str) -> set[str]:
    """The ``col-*`` classes of a table page's header cells and body cells."""
    import re

    return set(re.findall(r'<t[hd] [^>]*?class="col-([\w-]+)', page))


async def test_table_pages_leave_out_ids_and_offsets_until_asked_for(ds: Datasette) -> None:
    page = await get_html(ds, "/attrib/statements_view")
    shown = rendered_columns(page)
    assert {"content", "speaker", "cue", "date"} <= shown
    assert not shown & {"article_id", "start", "end", "statement_rowid", "speaker_record_kind"}
    assert 'data-attrib-columns="hidden"' in page
    # the rows keep the ids: the content still links to the statement in its article
    assert 'href="/-/attrib/article/attrib/' in page
    every = rendered_columns(await get_html(ds, "/attrib/statements_view?_attrib_all=1"))
    assert {"article_id", "start", "end", "statement_rowid"} <= every
    # the button's cookie asks for them too, and ?_attrib_all=0 overrides the cookie
    assert "start" in rendered_columns(await get_html_with_cookie(ds, "/attrib/statements_view", "1"))
    assert "start" not in rendered_columns(await get_html_with_cookie(ds, "/attrib/statements_view?_attrib_all=0", "1"))
    # the JSON and CSV keep every column
    data = (await ds.client.get("/attrib/statements_view.json?_shape=array&_size=1")).json()
    assert {"article_id", "start", "end"} <= set(data[0])


async def get_html_with_cookie(ds: Datasette, url: str, value: str) -> str:
    response = await ds.client.get(url, cookies={"attrib_all": value})
    assert response.status_code == 200
    return response.text


async def test_a_database_that_is_not_attrib_renders_every_column(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table things (id integer primary key, start text, article_id text)")
    conn.execute("insert into things values (1, 'a', 'b')")
    conn.commit()
    conn.close()
    page = await get_html(Datasette(immutables=[str(path)]), "/other/things")
    assert {"start", "article_id"} <= rendered_columns(page) and "data-attrib-columns" not in page


async def test_render_cell_links_without_a_coroutine_once_the_database_is_known(ds: Datasette) -> None:
    from attrib.datasette import render_cell

    row = {"statement_id": "s<1>", "article_id": "a&b", "content": "x", "speaker": "y", "speaker_id": 7}
    await get_html(ds, "/attrib/statements")  # the database is known to be attrib's from here on
    link = render_cell(row, "<b>said</b>", "content", None, "attrib", ds)
    assert isinstance(link, markupsafe.Markup)  # not an awaitable: no coroutine for each of 17,000 cells
    assert link == ('<a href="/-/attrib/article/attrib/a~26b?statement=s%3C1%3E#s-s%3C1%3E" '
                    'title="Show this statement highlighted in its article">&lt;b&gt;said&lt;/b&gt;</a>')
    assert render_cell(row, "y", "speaker", None, "attrib", ds) == '<a href="/-/attrib/speaker/attrib/7">y</a>'
    assert render_cell(row, "z", "type", None, "attrib", ds) is None  # a column it never links
    # a row page's bare id still reads its name (a query: an awaitable)
    labelled = await render_cell({"speaker_id": 1}, 1, "speaker_id", "statements", "attrib", ds)()
    assert labelled is not None and "/-/attrib/speaker/attrib/1" in labelled


@given(st.one_of(st.text(), st.integers(), st.from_regex(r"[A-Za-z0-9_.~-]*", fullmatch=True)))
@settings(max_examples=300)
def test_url_segments_skip_encoding_only_when_it_changes_nothing(value: Any) -> None:
    import urllib.parse

    from datasette.utils import tilde_encode

    from attrib.datasette.urls import _quote, _seg

    assert _seg(value) == tilde_encode(str(value))
    assert _quote(value) == urllib.parse.quote(str(value), safe="")


def test_article_url_encoding() -> None:
    class Urls:
        def path(self, p: str) -> str:
            return "/prefix" + p

    class FakeDs:
        urls = Urls()

    assert article_url(FakeDs(), "my db", "a/b c.d", "x y") == (
        "/prefix/-/attrib/article/my+db/a~2Fb+c~2Ed?statement=x%20y#s-x%20y")


async def test_no_links_in_other_databases(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table articles (id text primary key, title text)")
    conn.execute("create table statements (id text primary key, article_id text, content text)")
    conn.execute("insert into articles values ('a', 'A title')")
    conn.execute("insert into statements values ('s', 'a', 'Said something')")
    conn.commit()
    conn.close()
    ds = Datasette([str(path)])
    for url in ("/other/articles", "/other/statements"):
        page = await get_html(ds, url)
        assert "/-/attrib/" not in page
    await get_html(ds, "/-/attrib/article/other/a", status=404)


# -------------------------------------------------------------- article view


class Segments(HTMLParser):
    """Collects the text and the highlight spans inside ``<article id="attrib-text">``."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # > 0 inside the article element
        self.text: list[str] = []
        self.spans: list[dict[str, Any]] = []
        self.anchors: list[tuple[str, int]] = []  # (id, offset)
        self.open_tags = 0
        self.stack: list[dict[str, Any] | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article" and a.get("id") == "attrib-text":
            self.depth = 1
            return
        if not self.depth:
            return
        assert tag == "span", tag
        self.open_tags += 1
        classes = (a.get("class") or "").split()
        if "attrib-anchor" in classes:
            self.anchors.append((a["id"] or "", len("".join(self.text))))
            self.stack.append(None)
            return
        seg = {"classes": set(classes), "statements": (a.get("data-statements") or "").split(),
               "statement": a.get("data-statement"), "title": a.get("title"), "text": ""}
        self.spans.append(seg)
        self.stack.append(seg)

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        if tag == "article":
            self.depth = 0
            return
        self.open_tags -= 1
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.depth:
            return
        self.text.append(data)
        if self.stack and self.stack[-1] is not None:
            self.stack[-1]["text"] += data


def parse_segments(page: str) -> Segments:
    p = Segments()
    p.feed(page)
    p.close()
    assert p.open_tags == 0
    return p


async def test_article_view_highlights(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    sid = datasette_sample.ids["jcs_provocation"]
    page = await get_html(ds, f"/-/attrib/article/attrib/{A1}?statement={sid}")
    assert "<title>North Korea fires ballistic missile: attributed statements</title>" in page
    seg = parse_segments(page)
    assert "".join(seg.text) == DATASETTE_SAMPLE_TEXTS[A1]
    assert sorted(a for a, _ in seg.anchors) == sorted(f"s-{i}" for k, i in datasette_sample.ids.items()
                                                      if k in ("jcs_provocation", "ministry_violation",
                                                               "kcna_official", "anon_launches"))
    text = DATASETTE_SAMPLE_TEXTS[A1]
    assert (f"s-{sid}", text.index("This is a clear")) in seg.anchors
    target = [s for s in seg.spans if "attrib-target" in s["classes"]]
    assert all(sid in s["statements"] for s in target)
    by_part = {p: [s["text"] for s in target if f"attrib-{p}" in s["classes"]]
               for p in ("content", "cue", "speaker")}
    assert by_part == {
        "content": ["This is a clear provocation,", "We are ready to respond."],
        "cue": ["said"],
        "speaker": ["Kim Min-jun"],
    }
    (speaker,) = [s for s in target if "attrib-speaker" in s["classes"]]
    for fragment in ("Kim Min-jun (person)", "role: spokesperson", "organisation: Joint Chiefs of Staff",
                     "confidence 0.92", "rule direct_quote_said"):
        assert fragment in speaker["title"]
    # other statements are highlighted but not as the target
    others = {s["text"] for s in seg.spans if "attrib-target" not in s["classes"]}
    assert {"The Foreign Ministry", "the launch violated UN Security Council resolutions", "saying",
            "a senior official", "A government official", "more launches were expected"} <= others
    # the selected statement's details and the anchor-scrolling script
    assert 'class="attrib-selected"' in page and "Joint Chiefs of Staff" in page
    assert f'var serverTarget = "{sid}";' in page and "scrollIntoView" in page


async def test_article_view_nested_statements(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    inner, outer = datasette_sample.ids["ministry_inner"], datasette_sample.ids["kcna_outer"]
    seg = parse_segments(await get_html(ds, f"/-/attrib/article/attrib/{A3}?statement={inner}"))
    assert "".join(seg.text) == DATASETTE_SAMPLE_TEXTS[A3]
    spans = {s["text"]: s for s in seg.spans}
    quote = spans["any provocation will be met with force."]
    assert quote["classes"] == {"attrib-content", "attrib-nested", "attrib-target"}
    assert quote["statements"] == [inner, outer]  # innermost first
    assert quote["statement"] == inner
    assert quote["title"].splitlines()[0].startswith("statement: Foreign Ministry (organisation)")
    assert "reported by: KCNA" in quote["title"]
    assert spans["the Foreign Ministry"]["classes"] == {"attrib-content", "attrib-speaker", "attrib-target"}
    assert spans["warned"]["classes"] == {"attrib-content", "attrib-cue", "attrib-target"}
    assert spans[" had "]["classes"] == {"attrib-content"} and spans[" had "]["statements"] == [outer]
    assert spans["KCNA"]["classes"] == {"attrib-speaker"}


async def test_article_view_without_target(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    page = await get_html(ds, f"/-/attrib/article/attrib/{A3}")
    seg = parse_segments(page)
    assert not [s for s in seg.spans if "attrib-target" in s["classes"]]
    assert 'class="attrib-selected"' not in page
    page = await get_html(ds, f"/-/attrib/article/attrib/{A3}?statement=nope")
    assert "is not in this article" in page


async def test_statement_redirect(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    sid = datasette_sample.ids["residents"]
    response = await ds.client.get(f"/-/attrib/statement/attrib/{sid}")
    assert response.status_code == 302
    assert response.headers["location"] == f"/-/attrib/article/attrib/{A3}?statement={sid}#s-{sid}"
    await get_html(ds, "/-/attrib/statement/attrib/nope", status=404)


@pytest.mark.parametrize("url", [
    "/-/attrib/article/attrib/no-such-article",
    "/-/attrib/article/nodb/x",
    "/-/attrib/speaker/attrib/999",
    "/-/attrib/speaker/attrib/not-a-number",
    "/-/attrib/organisation/attrib/999",
])
async def test_not_found(ds: Datasette, url: str) -> None:
    await get_html(ds, url, status=404)


async def test_article_view_survives_bad_offsets(tmp_path: Path, datasette_sample: DatasetteSample,
                                                 datasette_metadata: dict) -> None:
    path = tmp_path / "attrib.db"
    shutil.copy(datasette_sample.path, path)
    conn = sqlite3.connect(path)
    conn.execute("update statements set content_spans = 'not json', start = -40, [end] = 5,"
                 " cue_start = 10000, cue_end = 20000, speaker_start = null, speaker_end = 'x'"
                 " where id = ?", [datasette_sample.ids["ministry_violation"]])
    conn.execute("update statements set content_spans = '[[50, 10], [3], \"a\", [-5, 3]]'"
                 " where id = ?", [datasette_sample.ids["jcs_provocation"]])
    conn.commit()
    conn.close()
    ds = make_ds(DatasetteSample(path=path), datasette_metadata)
    sid = datasette_sample.ids["jcs_provocation"]
    page = await get_html(ds, f"/-/attrib/article/attrib/{A1}?statement={sid}")
    seg = parse_segments(page)
    assert "".join(seg.text) == DATASETTE_SAMPLE_TEXTS[A1]
    spans = [(s["text"], "attrib-target" in s["classes"]) for s in seg.spans]
    # [-40, 5) of the bad statement is clipped to "SEOUL"; the target's [-5, 3) to "SEO"
    assert spans[:2] == [("SEO", True), ("UL", False)]
    # the target's valid span [50, 10) is dropped (empty), the rest of its spans too; its cue and speaker stay
    assert ("said", True) in spans and ("Kim Min-jun", True) in spans
    # the bad cue (beyond the end) is not shown
    assert [s for s in seg.spans if "attrib-cue" in s["classes"]] == [
        s for s in seg.spans if "attrib-cue" in s["classes"] and s["text"] in ("said", "saying")]


def _page_urls(sample: DatasetteSample) -> dict[str, str]:
    """One URL of each plugin page on the sample database, by the template that renders it."""
    conn = sqlite3.connect(sample.path)
    speaker_id, org_id = conn.execute(
        "select speaker_id, organisation_id from statements where id = ?", [sample.ids["jcs_provocation"]]
    ).fetchone()
    conn.close()
    return {
        "attrib_article.html": f"/-/attrib/article/attrib/{A1}",
        "attrib_speaker.html": f"/-/attrib/speaker/attrib/{speaker_id}",
        "attrib_organisation.html": f"/-/attrib/organisation/attrib/{org_id}",
    }


async def test_every_page_renders_with_the_packages_own_templates(datasette_sample: DatasetteSample,
                                                                  datasette_metadata: dict) -> None:
    """As plain ``datasette attrib.db`` loads the plugin (entry points, no ``--template-dir``)."""
    ds = Datasette(immutables=[str(datasette_sample.path)], metadata=copy.deepcopy(datasette_metadata))
    assert ds.template_dir is None
    plugins = (await ds.client.get("/-/plugins.json")).json()
    templates = [p for p in plugins if p["name"] == "attrib" and p["templates"]]
    assert templates, f"no attrib plugin with a templates directory: {plugins}"
    for template, url in _page_urls(datasette_sample).items():
        page = await get_html(ds, url)
        assert 'class="attrib-page' in page, (template, url)
    sid = datasette_sample.ids["jcs_provocation"]
    response = await ds.client.get(f"/-/attrib/statement/attrib/{sid}")
    assert response.status_code == 302
    page = await get_html(ds, response.headers["location"].split("#")[0])
    assert 'id="attrib-text"' in page and 'class="attrib-selected"' in page


async def test_template_dir_overrides_the_plugins_templates(tmp_path: Path, datasette_sample: DatasetteSample,
                                                            datasette_metadata: dict) -> None:
    (tmp_path / "attrib_speaker.html").write_text("custom speaker page: {{ speaker.name }}", encoding="utf-8")
    ds = make_ds(datasette_sample, datasette_metadata, template_dir=tmp_path)
    urls = _page_urls(datasette_sample)
    assert (await get_html(ds, urls["attrib_speaker.html"])) == "custom speaker page: Kim Min-jun"
    assert 'id="attrib-text"' in await get_html(ds, urls["attrib_article.html"])


async def test_pages_respect_permissions(datasette_sample: DatasetteSample, datasette_metadata: dict) -> None:
    metadata = copy.deepcopy(datasette_metadata)
    metadata["databases"]["attrib"]["allow"] = {"id": "editor"}
    ds = make_ds(datasette_sample, metadata)
    await get_html(ds, f"/-/attrib/article/attrib/{A1}", status=403)
    await get_html(ds, "/-/attrib/speaker/attrib/1", status=403)
    cookies = {"ds_actor": ds.sign({"a": {"id": "editor"}}, "actor")}
    response = await ds.client.get(f"/-/attrib/article/attrib/{A1}", cookies=cookies)
    assert response.status_code == 200


# ------------------------------------------------------ speaker / organisation


def section(page: str, anchor: str) -> str:
    """The HTML from ``<h2 id=anchor>`` to the next ``<h2``."""
    start = page.index(f'<h2 id="{anchor}">')
    end = page.find("<h2", start + 1)
    return page[start: end if end != -1 else len(page)]


def sql_id(sample: DatasetteSample, table: str, name: str) -> int:
    conn = sqlite3.connect(sample.path)
    try:
        return conn.execute(f"select id from {table} where name = ?", [name]).fetchone()[0]
    finally:
        conn.close()


async def test_speaker_page(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    page = await get_html(ds, f"/-/attrib/speaker/attrib/{sql_id(datasette_sample, 'speakers', 'Jane Doe')}")
    assert "<h1>Jane Doe" in page
    s5, s6 = datasette_sample.ids["xss_script"], datasette_sample.ids["xss_img"]
    assert page.index(f"statement={s5}") < page.index(f"statement={s6}")
    assert "researcher" in page and str(markupsafe.escape(DATASETTE_XSS_ROLE)) in page
    org = sql_id(datasette_sample, "organisations", "Acme Labs")
    org_link = f'<a href="/-/attrib/organisation/attrib/{org}">Acme Labs</a>'
    assert f'{org_link} <span class="attrib-note">(2)</span>' in page
    kim = sql_id(datasette_sample, "speakers", "Kim Min-jun")
    page = await get_html(ds, f"/-/attrib/speaker/attrib/{kim}")
    assert "spokesperson" in page and "Joint Chiefs of Staff" in page and "2024-05" in page


async def test_speaker_page_orders_over_time(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    ministry = sql_id(datasette_sample, "speakers", "Foreign Ministry")
    page = await get_html(ds, f"/-/attrib/speaker/attrib/{ministry}")
    older, newer = datasette_sample.ids["ministry_violation"], datasette_sample.ids["ministry_inner"]
    assert page.index(f"statement={newer}") < page.index(f"statement={older}")  # newest first
    assert "2024-05" in page and "2024-06" in page  # the chart's months
    assert "<svg" in page and "Statements by outlet" in page and "Statements by kind" in page


async def test_organisation_page(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    ids = datasette_sample.ids
    kcna = sql_id(datasette_sample, "organisations", "KCNA")
    page = await get_html(ds, f"/-/attrib/organisation/attrib/{kcna}")
    assert f"statement={ids['kcna_outer']}" in section(page, "own")
    people = section(page, "people")
    assert "statement=" not in people
    relayed = section(page, "relayed")
    assert relayed.index(f"statement={ids['ministry_inner']}") < relayed.index(
        f"statement={ids['kcna_official']}")  # newest first
    page = await get_html(
        ds, f"/-/attrib/organisation/attrib/{sql_id(datasette_sample, 'organisations', 'Foreign Ministry')}")
    own = section(page, "own")
    assert own.index(f"statement={ids['ministry_inner']}") < own.index(
        f"statement={ids['ministry_violation']}")
    assert f"statement={ids['kcna_official']}" in section(page, "people")
    assert "statement=" not in section(page, "relayed")
    assert "a senior official" in page


# ---------------------------------------------------------------------- XSS


def xss_urls(sample: DatasetteSample) -> list[str]:
    s5 = sample.ids["xss_script"]
    return [
        "/",
        "/attrib",
        "/attrib/statements",
        "/attrib/statements?_search=alert",
        "/attrib/statements_view",
        "/attrib/statements_view?_facet=role",
        "/attrib/articles",
        f"/attrib/articles/{A2}",
        f"/attrib/statements/{s5}",
        "/attrib/search_statements?q=alert",
        "/attrib/statements_by_speaker?speaker=jane",
        "/attrib/statements_by_organisation?organisation=acme",
        f"/attrib/article_statements?article={A2}",
        "/attrib/what_did_x_say_about_y?speaker=jane&about=harmless",
        "/attrib/speakers_for_organisation?organisation=acme",
        "/attrib/new_statements_since?since=2024-01-01",
        "/-/attrib/attrib",
        "/-/attrib/attrib?since=2024-01-01",
        "/attrib/added_since?since=2000-01-01",
        "/attrib?sql=select+*+from+statements_view",
        f"/-/attrib/article/attrib/{A2}",
        f"/-/attrib/article/attrib/{A2}?statement={s5}",
        f"/-/attrib/article/attrib/{A2}?statement=%3Cscript%3Ealert(1)%3C/script%3E",
        "/-/attrib/speaker/attrib/{jane}",
        "/-/attrib/organisation/attrib/{acme}",
    ]


async def test_xss_escaped_everywhere(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    jane = sql_id(datasette_sample, "speakers", "Jane Doe")
    acme = sql_id(datasette_sample, "organisations", "Acme Labs")
    for url in xss_urls(datasette_sample):
        page = await get_html(ds, url.format(jane=jane, acme=acme))
        assert_no_xss(page)
        if url not in ("/", "/attrib", "/attrib/speakers_for_organisation?organisation=acme",
                       "/attrib/new_statements_since?since=2024-01-01", "/-/attrib/attrib?since=2024-01-01"):
            assert ESCAPED_SCRIPT in page, url


async def test_article_view_escapes_and_drops_javascript_url(ds: Datasette) -> None:
    page = await get_html(ds, f"/-/attrib/article/attrib/{A2}")
    seg = parse_segments(page)
    assert "".join(seg.text) == DATASETTE_SAMPLE_TEXTS[A2]
    assert "original article" not in page  # javascript: URL not linked
    assert "&lt;b&gt;Mallory&lt;/b&gt;" in page
    titles = " ".join(s["title"] for s in seg.spans)
    assert DATASETTE_XSS_ROLE in titles  # shown as text in the tooltip


# ------------------------------------------------------------ highlighting


def test_highlight_plain_text_and_empty_input() -> None:
    assert str(highlight_article("a < b & c", [])) == "a &lt; b &amp; c"
    assert str(highlight_article(None, [{"id": "x", "start": 0, "end": 3}])) == (
        '<span class="attrib-anchor" id="s-x"></span>')


def test_statement_summary() -> None:
    s = statement_summary({"speaker_name": "Kim", "speaker_kind": "person", "role": "minister",
                           "organisation_name": "MOFA", "reported_by_name": "KCNA", "type": "direct",
                           "confidence": 0.5, "rule": "r1"})
    assert s == ("Kim (person) · role: minister · organisation: MOFA · reported by: KCNA · direct"
                 " · confidence 0.50 · rule r1")
    assert statement_summary({}) == "unknown speaker · confidence ?"


offsets = st.one_of(st.none(), st.integers(-5, 60), st.text(max_size=3))


@st.composite
def statements_strategy(draw: st.DrawFn) -> list[dict[str, Any]]:
    out = []
    for i in range(draw(st.integers(0, 6))):
        spans = draw(st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), max_size=3))
        out.append({
            "id": draw(st.sampled_from([f"s{i}", "dup", '"><x', ""])),
            "content_spans": draw(st.sampled_from([json.dumps(spans), None, "garbage", "[[1,2],[3]]"])),
            "start": draw(offsets), "end": draw(offsets),
            "cue_start": draw(offsets), "cue_end": draw(offsets),
            "speaker_start": draw(offsets), "speaker_end": draw(offsets),
            "speaker_name": draw(st.text(max_size=8)), "role": draw(st.text(max_size=8)),
            "confidence": draw(st.one_of(st.none(), st.floats(0, 1), st.text(max_size=2))),
        })
    return out


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n\u00e9\U0001f600")), max_size=50),
       statements=statements_strategy(), target=st.sampled_from([None, "s0", "dup", "s9"]))
def test_highlight_keeps_text_and_balances_tags(text: str, statements: list[dict[str, Any]],
                                                target: str | None) -> None:
    markup = f'<article id="attrib-text">{highlight_article(text, statements, target)}</article>'
    seg = parse_segments(markup)
    assert "".join(seg.text) == text
    for s in seg.spans:
        assert s["classes"] & {"attrib-content", "attrib-cue", "attrib-speaker"}
        assert s["text"]
        if "attrib-target" in s["classes"]:
            assert target in s["statements"]


# -------------------------------------------------------------------- serve


def test_datasette_args_defaults(datasette_sample: DatasetteSample) -> None:
    args = serve.datasette_args(datasette_sample.path)
    assert args[:3] == ["serve", "-i", str(datasette_sample.path)]
    assert args[args.index("--host") + 1] == "127.0.0.1"
    assert args[args.index("--port") + 1] == "8001"
    assert Path(args[args.index("--metadata") + 1]) == REPO_ROOT / "db" / "metadata.yml"
    assert "--template-dir" not in args  # the plugin's templates are found by Datasette itself
    assert "--open" not in args
    args = serve.datasette_args(datasette_sample.path, immutable=False, port=9000, open_browser=True)
    assert args[:2] == ["serve", str(datasette_sample.path)] and "-i" not in args
    assert args[args.index("--port") + 1] == "9000" and "--open" in args


async def test_metadata_renamed_for_other_file_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     datasette_sample: DatasetteSample) -> None:
    monkeypatch.setenv("ATTRIB_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "news-2024.db"
    shutil.copy(datasette_sample.path, path)
    args = serve.datasette_args(path)
    meta_path = Path(args[args.index("--metadata") + 1])
    assert meta_path.parent == tmp_path / "cache" / "datasette"
    meta = json.loads(meta_path.read_text())
    assert list(meta["databases"]) == ["news-2024"]
    assert serve.metadata_for(path) == meta_path  # same content, same file
    ds = Datasette(immutables=[str(path)], metadata=meta)
    response = await ds.client.get("/news-2024/relayed_statements.json?_shape=array")
    assert response.status_code == 200 and len(response.json()) == 2
    page = await get_html(ds, "/news-2024/statements_view")
    assert "/-/attrib/article/news-2024/" in page


def test_serve_requires_existing_files(tmp_path: Path, datasette_sample: DatasetteSample) -> None:
    with pytest.raises(FileNotFoundError):
        serve.serve(tmp_path / "missing.db")
    with pytest.raises(FileNotFoundError, match="nope.yml not found"):
        serve.datasette_args(datasette_sample.path, metadata=tmp_path / "nope.yml")
    with pytest.raises(FileNotFoundError, match="no-templates not found"):
        serve.datasette_args(datasette_sample.path, template_dir=tmp_path / "no-templates")



async def test_mutable_mode_sees_rows_written_during_ingest(
    tmp_path: Path, datasette_sample: DatasetteSample, datasette_metadata: dict
) -> None:
    """``attrib serve`` without ``-i`` (ingest running): new rows show up without a restart."""
    path = tmp_path / "attrib.db"
    shutil.copy(datasette_sample.path, path)
    writer = open_db(str(path))  # WAL, kept open like a running ingest
    try:
        ds = make_ds(DatasetteSample(path=path), datasette_metadata, immutable=False)
        assert len(await query(ds, "added_since", since="2000-01-01")) == 11
        text = '"Talks will resume," said Kim Min-jun.'
        late = Attribution(content_spans=((1, 19),), cue=(21, 25), source=(26, 37), type="direct", rule="r",
                           confidence=0.9, source_name="Kim Min-jun", speaker_kind="person")
        save_article(writer, Article(id="late", text=text, outlet="Yonhap", published="2024-07-01"), [late])
        rows = await query(ds, "statements_by_speaker", speaker="Kim Min-jun")
        assert [r["content"] for r in rows] == [
            "Talks will resume,", "This is a clear provocation, … We are ready to respond."]
    finally:
        writer.conn.close()


# ------------------------------------------------------ issue 11: fact-checker's questions


async def test_search_box_finds_a_name_resolved_from_a_pronoun(
    ds: Datasette, datasette_sample: DatasetteSample
) -> None:
    data = (await ds.client.get("/attrib/statements_view.json?_search=Jane+Doe&_shape=objects")).json()
    assert sorted(datasette_sample.ids[k] for k in ("xss_script", "xss_img")) == sorted(r["id"] for r in data["rows"])


async def test_row_page_names_the_speaker_not_its_id(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    page = await get_html(ds, f"/attrib/statements/{datasette_sample.ids['xss_img']}")  # "She added ..."
    jane = sql_id(datasette_sample, "speakers", "Jane Doe")
    assert f'/-/attrib/speaker/attrib/{jane}" title="Speaker page">Jane Doe</a>' in page
    assert ">Acme Labs</a>" in page


async def test_no_page_shows_an_ingest_time_as_a_date(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    conn = sqlite3.connect(datasette_sample.path)
    stamps = {r[0][:10] for r in conn.execute("select ingested_at from articles")}
    conn.close()
    jane = sql_id(datasette_sample, "speakers", "Jane Doe")
    for url in (f"/-/attrib/speaker/attrib/{jane}", f"/-/attrib/article/attrib/{A2}", "/-/attrib/attrib"):
        page = await get_html(ds, url)
        assert not any(stamp in page for stamp in stamps), url
        assert "date unknown" in page, url


async def test_canned_queries_hide_their_sql(ds: Datasette, datasette_metadata: dict) -> None:
    queries = datasette_metadata["databases"]["attrib"]["queries"]
    assert queries and all(q.get("hide_sql") is True for q in queries.values())
    page = await get_html(ds, "/attrib/statements_by_speaker?speaker=Jane")
    body = page[page.index("<body"):]  # Datasette's <title> repeats the SQL; the script retitles the tab
    assert "from statements_view" not in body and ">Jane Doe</a>" in body and "document.title" in body


async def test_list_pages_get_the_data_first_script(ds: Datasette) -> None:
    page = await get_html(ds, "/attrib/statements_view")
    assert "About this table and its columns" in page and "attrib-compact" in page and "_dl=1" in page


async def test_landing_page(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    assert (await ds.client.get("/-/attrib/")).headers["location"] == "/-/attrib/attrib"
    page = await get_html(ds, "/-/attrib/attrib")
    assert 'name="_search"' in page and 'action="/attrib/statements_view"' in page
    top = page[page.index("Most quoted speakers"):page.index("Most quoted organisations")]
    assert top.index("Foreign Ministry") < top.index("Kim Min-jun")  # 2 statements before 1
    for title in ("What did X say about Y?", "Who spoke for an organisation?", "relayed by state media",
                  "anonymous officials"):
        assert title in page
    assert page.count("<svg xmlns") == 3 and "date unknown" in page  # the charts (the menu has one too)
    june = await get_html(ds, "/-/attrib/attrib?since=2024-06-01")
    top = june[june.index("Most quoted speakers"):june.index("Most quoted organisations")]
    assert "Kim Yo-jong" in top and "Kim Min-jun" not in top and "Jane Doe" not in top
    assert (await ds.client.get("/-/attrib/attrib?since=yesterday")).status_code == 400


async def test_article_card_links_to_the_speakers_other_statements(
    ds: Datasette, datasette_sample: DatasetteSample
) -> None:
    sid = datasette_sample.ids["ministry_violation"]
    page = await get_html(ds, f"/-/attrib/article/attrib/{A1}?statement={sid}")
    card = page[page.index('<aside class="attrib-selected"'):page.index("</aside>")]
    for label in ("Speaker", "Organisation", "Relayed by", "Kind", "Confidence", "Rule"):
        assert f"<dt>{label}</dt>" in card
    assert "1 other statement by Foreign Ministry" in card
    assert f"statement={datasette_sample.ids['ministry_inner']}" in card


async def test_exports_cite_their_source(ds: Datasette, datasette_sample: DatasetteSample) -> None:
    import csv
    import io

    jane = sql_id(datasette_sample, "speakers", "Jane Doe")
    r = await ds.client.get(f"/-/attrib/export/attrib/statements.csv?speaker_id={jane}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith("attachment; filename=")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2 and {row["speaker"] for row in rows} == {"Jane Doe"}
    assert rows[0]["date"] == "date unknown" and rows[0]["article_url"] == ""  # a javascript: URL is dropped
    assert rows[0]["highlighted_url"].startswith("http://localhost/-/attrib/article/attrib/example-times-xss?statement=")
    r = await ds.client.get("/-/attrib/export/attrib/statements.json?q=provocation")
    data = r.json()["statements"]
    first = data[0]
    assert set(first) >= {"quote", "speaker", "role", "organisation", "date", "outlet", "article_title",
                          "article_url", "highlighted_url", "citation"}
    jcs = next(d for d in data if d["statement_id"] == datasette_sample.ids["jcs_provocation"])
    assert (jcs["speaker"], jcs["role"], jcs["organisation"], jcs["outlet"]) == (
        "Kim Min-jun", "spokesperson", "Joint Chiefs of Staff", "Yonhap")
    assert jcs["article_url"] == "https://en.yna.co.kr/view/AEN20240501000100315"
    assert jcs["date"].startswith("2024-05-01")
    assert "Kim Min-jun (spokesperson, Joint Chiefs of Staff)" in jcs["citation"]
    assert (await ds.client.get("/-/attrib/export/attrib/statements.csv?kinds=nonsense")).status_code == 400


def test_table_body_writes_the_cells_as_datasettes_template_does() -> None:
    from datasette.utils import to_css_class
    from jinja2 import Environment

    from attrib.datasette.listpages import table_body

    rows = [[{"column": "id", "value": markupsafe.Markup('<a href="/x">1</a>'), "value_type": "pk"},
             {"column": "content", "value": "<script>alert(1)</script> & more", "value_type": "str"},
             {"column": "start", "value": 5, "value_type": "int"},
             {"column": "odd name", "value": None, "value_type": "none"}]]
    body = str(table_body(rows, frozenset({"start"})))
    # Datasette's own loop (its _table.html), autoescaped, for the same cells less the hidden one
    env = Environment(autoescape=True)
    env.filters["to_css_class"] = to_css_class
    theirs = env.from_string('{% for row in rows %}<tr>{% for cell in row %}{% if cell.column != "start" %}'
                             '<td class="col-{{ cell.column|to_css_class }} type-{{ cell.value_type }}">'
                             '{{ cell.value }}</td>{% endif %}{% endfor %}</tr>\n{% endfor %}').render(rows=rows)
    assert body == theirs
    assert ESCAPED_SCRIPT in body and '<a href="/x">1</a>' in body and "col-start" not in body
    assert 'class="col-odd-name-' in body  # a name that is no CSS class gets Datasette's hashed one
