"""End to end: a real ``datasette`` server and Debian's Chromium driven by Playwright.

Needs ``/usr/bin/chromium`` (``.ci/browser-setup.sh`` installs it); skipped
without it, except under ``CI=true`` where a missing browser is a failure.
Playwright's own browser downloads are never used.

With ``ATTRIB_SCREENSHOT`` set, the article view is also saved as a PNG: to
``docs/article-view.png`` for ``ATTRIB_SCREENSHOT=1``, or to the path given.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO_ROOT, DatasetteSample

from attrib.datasette.serve import datasette_args

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
A1, A2 = "yonhap-2024-05-01-missile", "example-times-xss"


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser test must run; see .ci/browser-setup.sh)")
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(db_path: Path, log_dir: Path, attrib_serve: list[str] | None = None,
          env: dict[str, str] | None = None) -> Iterator[str]:
    """``datasette serve`` (as ``attrib serve`` runs it) on ``db_path``; yields its base URL.

    With ``attrib_serve`` (its options, e.g. ``["--review"]``), runs ``attrib serve`` itself,
    with ``env`` added to the environment."""
    port = free_port()
    log_path = log_dir / "server.log"
    if attrib_serve is None:
        cmd = [sys.executable, "-m", "datasette", *datasette_args(db_path, port=port)]
    else:
        cmd = [sys.executable, "-m", "attrib", "serve", str(db_path), "--port", str(port), *attrib_serve]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT,
                                env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"datasette did not start:\n{log_path.read_text(errors='replace')}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def datasette_server(datasette_sample: DatasetteSample, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample database served by Datasette; yields its base URL."""
    with serve(datasette_sample.path, tmp_path_factory.mktemp("datasette-log")) as base:
        yield base


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Wire</title>
<item><title>Port to reopen after storm</title><link>https://harbour.example/port</link><guid>harbour-port</guid>
<pubDate>Fri, 04 Mar 2022 05:06:07 GMT</pubDate>
<content:encoded><![CDATA[<p>The harbour master said the port would reopen on Monday after the storm.</p>
<p>Shipping companies said they would resume sailings at once.</p>]]></content:encoded></item>
</channel></rss>
"""


@pytest.fixture(scope="module")
def feed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database with one article read from an RSS feed (as ``attrib ingest DB feed.xml`` reads it)."""
    from attrib.db import open_db, save_article
    from attrib.inputs import Reader

    tmp = tmp_path_factory.mktemp("feed")
    (tmp / "wire.xml").write_text(FEED, encoding="utf-8")
    db = open_db(str(tmp / "feed.db"))
    for article in Reader().read([tmp / "wire.xml"]):
        save_article(db, article, [])
    db.conn.close()
    with serve(tmp / "feed.db", tmp) as base:
        yield base


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's Chromium, launched headless through Playwright."""
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def screenshot_path() -> Path | None:
    value = os.environ.get("ATTRIB_SCREENSHOT", "")
    if not value or value == "0":
        return None
    return REPO_ROOT / "docs" / "article-view.png" if value == "1" else Path(value)


def test_search_open_statement_and_see_it_in_the_article(
    chromium: Any, datasette_server: str, datasette_sample: DatasetteSample
) -> None:
    from playwright.sync_api import expect

    dialogs: list[str] = []
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    s5, s6 = datasette_sample.ids["xss_script"], datasette_sample.ids["xss_img"]

    # 1. a canned query from the database page: statements by a speaker
    page.goto(datasette_server + "/attrib")
    page.get_by_role("link", name="Statements by a speaker").click()
    page.fill('input[name="speaker"]', "Jane")
    page.click('input[type="submit"][value="Run SQL"]')
    page.wait_for_load_state()
    rows = page.locator("table.rows-and-columns tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first.locator("td.col-speaker a")).to_have_text("Jane Doe")

    # 2. full-text search in the statements table, then open the statement's row page
    page.goto(datasette_server + "/attrib/statements")
    page.fill("input#_search", "is harmless")  # "harmless" alone also finds the article title
    page.press("input#_search", "Enter")
    page.wait_for_url("**_search=is+harmless**")
    rows = page.locator("table.rows-and-columns tbody tr")
    expect(rows).to_have_count(1)
    rows.first.locator("td.col-id a").click()
    page.wait_for_url(f"**/attrib/statements/{s5}")

    # 3. follow the statement's content link to the article view
    content_link = page.locator("td.col-content a")
    expect(content_link).to_have_text("<script>alert(1)</script> is harmless,")
    content_link.click()
    page.wait_for_url(f"**/-/attrib/article/attrib/{A2}?statement={s5}#s-{s5}")

    # 4. the clicked statement is highlighted and scrolled into view
    target = page.locator("#attrib-text .attrib-target.attrib-content")
    expect(target).to_have_count(1)
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()
    expect(target).to_have_text("<script>alert(1)</script> is harmless,")
    expect(page.locator("#attrib-text .attrib-target.attrib-speaker")).to_have_text("Jane Doe")
    expect(page.locator("#attrib-text .attrib-target.attrib-cue")).to_have_text("said")
    assert "confidence 0.92" in (target.get_attribute("title") or "")
    expect(page.locator(".attrib-selected blockquote")).to_have_text("<script>alert(1)</script> is harmless,")

    # 5. the payloads are text: no element was created from them, no dialog fired
    article_text = page.locator("#attrib-text").inner_text()
    assert "<script>alert(1)</script>" in article_text
    assert "<img src=x onerror=alert(1)>" in article_text
    assert page.locator("#attrib-text img, #attrib-text script, svg[onload]").count() == 0
    assert page.locator("img[src='x']").count() == 0

    # 6. clicking another highlight selects that statement
    page.locator(f'#attrib-text [data-statement="{s6}"].attrib-content').first.click()
    page.wait_for_url(f"**statement={s6}#s-{s6}")
    expect(page.locator(".attrib-selected blockquote")).to_contain_text("<img src=x onerror=alert(1)> tags were")
    expect(page.locator(f'#attrib-text [data-statement="{s6}"].attrib-target').first).to_be_visible()

    # 7. a bare #s-ID fragment moves the highlight without a reload
    page.evaluate(f"window.location.hash = 's-{s5}'")
    expect(page.locator("#attrib-text .attrib-target.attrib-content")).to_have_text(
        "<script>alert(1)</script> is harmless,")

    # 8. the speaker link leads to the speaker page with both statements
    page.locator(".attrib-selected dd a", has_text="Jane Doe").click()
    page.wait_for_url("**/-/attrib/speaker/attrib/*")
    expect(page.locator("table.attrib-statements tbody tr")).to_have_count(2)

    page.wait_for_timeout(300)  # let any late script run before checking for dialogs
    assert dialogs == []
    page.close()


def test_article_view_screenshot(chromium: Any, datasette_server: str, datasette_sample: DatasetteSample) -> None:
    """The article view renders Datasette's chrome and the highlights; saved as a PNG on request."""
    from playwright.sync_api import expect

    page = chromium.new_page(viewport={"width": 1200, "height": 900}, device_scale_factor=1)
    sid = datasette_sample.ids["kcna_official"]
    page.goto(f"{datasette_server}/-/attrib/article/attrib/{A1}?statement={sid}#s-{sid}")
    expect(page.locator("header p.crumbs")).to_be_visible()  # Datasette's base.html
    expect(page.locator("#attrib-text .attrib-target.attrib-content")).to_be_in_viewport()
    expect(page.locator("#attrib-text .attrib-content")).to_have_count(5)
    out = screenshot_path()
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(out), full_page=True)
        assert out.stat().st_size > 10_000
    page.close()


def test_fact_checker_journey(chromium: Any, datasette_server: str, datasette_sample: DatasetteSample,
                              tmp_path: Path) -> None:
    """Search a name on the landing page -> the speaker page -> a statement -> its card in sight; a CSV file."""
    from playwright.sync_api import expect

    page = chromium.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page.goto(datasette_server + "/-/attrib/")
    page.wait_for_url("**/-/attrib/attrib")
    page.fill("#attrib-q", "Jane Doe")
    page.press("#attrib-q", "Enter")
    page.wait_for_url("**/attrib/statements_view?_search=Jane+Doe**")
    rows = page.locator("table.rows-and-columns tbody tr")
    expect(rows).to_have_count(2)  # the "She added" statement is found by the resolved name
    expect(rows.first).to_be_in_viewport()  # data first: the descriptions are folded away
    expect(page.locator("details.attrib-about")).to_have_count(1)
    expect(page.locator("th.col-start")).to_be_hidden()  # offsets hidden unless asked for
    rows.first.locator("td.col-speaker a").click()
    page.wait_for_url("**/-/attrib/speaker/attrib/*")
    expect(page.locator("h1")).to_contain_text("Jane Doe")
    expect(page.locator(".attrib-charts svg")).to_have_count(3)

    with page.expect_download() as download_info:
        page.locator(".attrib-export a", has_text="CSV").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("quote,speaker,role,organisation") and "date unknown" in text and "highlighted_url" in text

    page.locator("table.attrib-statements td.attrib-quote a").first.click()
    page.wait_for_url("**/-/attrib/article/attrib/*?statement=*")
    card = page.locator("#attrib-selected")
    expect(card).to_be_in_viewport()
    expect(page.locator("#attrib-text .attrib-target.attrib-content")).to_be_in_viewport()
    expect(card.locator("dt", has_text="Relayed by")).to_be_visible()
    expect(card.locator(".attrib-others")).to_contain_text("other statement by Jane Doe")
    box, text_box = card.bounding_box(), page.locator("#attrib-text").bounding_box()
    assert box and text_box and box["x"] > text_box["x"] + text_box["width"] - 1  # beside the text

    # narrow screen: the card is above the text and still in sight at the selected statement
    page.set_viewport_size({"width": 600, "height": 800})
    page.reload()
    expect(card).to_be_in_viewport()
    expect(page.locator("#attrib-text .attrib-target.attrib-content").first).to_be_in_viewport()
    page.close()


def test_ids_and_offsets_button_shows_them_and_is_remembered(chromium: Any, datasette_server: str) -> None:
    """The table page leaves the ids and offsets out; the button reloads it with them, the browser
    remembers the choice on the next visit, and on a query page it hides and shows them in place."""
    from playwright.sync_api import expect

    context = chromium.new_context()
    page = context.new_page()
    page.goto(datasette_server + "/attrib/statements_view")
    expect(page.locator("th.col-start")).to_have_count(0)
    expect(page.locator("th.col-content")).to_have_count(1)
    page.locator("button.attrib-columns-toggle", has_text="Show ids and offsets").click()
    page.wait_for_url("**/attrib/statements_view?_attrib_all=1")
    expect(page.locator("th.col-start")).to_be_visible()
    page.goto(datasette_server + "/attrib/statements")  # another table: the cookie asks for them
    expect(page.locator("th.col-start")).to_be_visible()
    page.locator("button.attrib-columns-toggle", has_text="Hide ids and offsets").click()
    page.wait_for_url("**/attrib/statements?_attrib_all=0")
    expect(page.locator("th.col-start")).to_have_count(0)
    page.goto(datasette_server + f"/attrib/article_statements?article={A1}")  # a query page: CSS
    expect(page.locator("th.col-article_id")).to_be_hidden()
    page.locator("button.attrib-columns-toggle", has_text="Show ids and offsets").click()
    expect(page.locator("th.col-article_id")).to_be_visible()
    context.close()


def test_canned_query_pages_link_to_each_other(chromium: Any, datasette_server: str) -> None:
    """A canned query's page 2 links back to page 1; a page with fewer than 100 rows has no next page."""
    from playwright.sync_api import expect

    page = chromium.new_page()
    page.goto(datasette_server + "/attrib/new_statements_since?since=2000-01-01&page=2")
    nav = page.locator("p.attrib-pages")
    expect(nav).to_contain_text("Page 2 (100 rows a page)")
    expect(nav.locator("a[rel=next]")).to_have_count(0)
    nav.locator("a[rel=prev]").click()
    page.wait_for_url("**/attrib/new_statements_since?since=2000-01-01&page=1")
    expect(page.locator("table.rows-and-columns tbody tr").first).to_be_visible()
    expect(page.locator("p.attrib-pages a")).to_have_count(0)  # page 1 of fewer than 100 rows
    page.close()


def test_a_feed_article_shows_its_title_and_date(chromium: Any, feed_server: str) -> None:
    from playwright.sync_api import expect

    page = chromium.new_page(viewport={"width": 1280, "height": 800})
    page.goto(feed_server + "/feed/articles")
    link = page.locator("td.col-title a", has_text="Port to reopen after storm")
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url("**/-/attrib/article/feed/harbour-port")
    expect(page.locator("h1")).to_have_text("Port to reopen after storm")
    expect(page.locator(".attrib-meta")).to_contain_text("Harbour Wire")
    expect(page.locator(".attrib-published")).to_have_text("published 2022-03-04T05:06:07+00:00")
    page.close()


REVIEWER, REVIEWER_PASSWORD = "ana", "correct horse battery staple"


@pytest.fixture
def review_server(datasette_sample: DatasetteSample, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``attrib serve DB --review`` on a writable copy of the sample database, with one reviewer
    account in ``$ATTRIB_REVIEWERS`` (as the README documents); yields the base URL and the file."""
    from datasette_auth_passwords.utils import hash_password

    db_path = tmp_path / "attrib.db"
    shutil.copy(datasette_sample.path, db_path)
    env = {"ATTRIB_REVIEWERS": f"{REVIEWER}:{hash_password(REVIEWER_PASSWORD)}",
           "ATTRIB_CACHE_DIR": str(tmp_path / "cache")}
    with serve(db_path, tmp_path, attrib_serve=["--review"], env=env) as base:
        yield base, db_path


def _reviews(db_path: Path) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute("select statement_id, reviewer, verdict, rating, rating_value, best_rating, "
                            "review_note from reviews order by id").fetchall()
    finally:
        conn.close()


def test_reviewer_logs_in_and_records_a_review_on_the_card(
    chromium: Any, review_server: tuple[str, Path], datasette_sample: DatasetteSample
) -> None:
    """Issue 14: log in at /-/login, follow "Review this statement" from the card, fill in the
    record_review form; the card then shows the verdict and rating.  An unknown statement id is
    refused with a message; a logged-out browser's POST is refused with 403."""
    from playwright.sync_api import expect

    base, db_path = review_server
    sid = datasette_sample.ids["kim_drills"]
    card_url = f"{base}/-/attrib/article/attrib/yonhap-2024-06-10-kcna?statement={sid}#s-{sid}"
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    # not logged in: the card offers no review form
    page.goto(card_url)
    expect(page.locator("#attrib-selected")).to_contain_text("not reviewed")
    expect(page.locator("a.attrib-review-link")).to_have_count(0)

    # 1. log in
    page.goto(base + "/-/login")
    page.fill("#id_username", REVIEWER)
    page.fill("#id_password", REVIEWER_PASSWORD)
    page.click('input[type="submit"][value="Log in"]')
    page.wait_for_load_state()
    assert any(c["name"] == "ds_actor" for c in context.cookies())

    # 2. from the statement's card to the form, filled in with the statement
    page.goto(card_url)
    link = page.locator("#attrib-selected a.attrib-review-link", has_text="Review this statement")
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url(f"**/attrib/record_review?statement_id={sid}")
    expect(page.locator('input[name="statement_id"]')).to_have_value(sid)

    # 3. an unknown statement id: an error, no "Review recorded", nothing written
    page.fill('input[name="statement_id"]', "nosuchstatement")
    page.fill('input[name="verdict"]', "confirmed")
    page.click('input[type="submit"][value="Run SQL"]')
    page.wait_for_load_state()
    expect(page.locator(".message-error")).to_contain_text("no statement has this statement_id")
    expect(page.locator(".message-info")).to_have_count(0)
    assert _reviews(db_path) == []

    # 4. the review, with a rating
    page.fill('input[name="statement_id"]', sid)
    page.fill('input[name="verdict"]', "wrong_span")
    page.fill('input[name="rating"]', "Misleading")
    page.fill('input[name="rating_value"]', "2")
    page.fill('input[name="best_rating"]', "5")
    page.fill('input[name="worst_rating"]', "1")
    page.fill('input[name="note"]', "only half of it")
    page.click('input[type="submit"][value="Run SQL"]')
    page.wait_for_load_state()
    expect(page.locator(".message-info")).to_contain_text("Review recorded")
    assert _reviews(db_path) == [(sid, REVIEWER, "wrong_span", "Misleading", 2.0, 5.0, "only half of it")]

    # 5. the card shows the verdict and the rating
    page.goto(card_url)
    review = page.locator("#attrib-selected .attrib-review")
    expect(review).to_contain_text("wrong span")
    expect(review.locator(".attrib-rating")).to_have_text("Misleading")
    expect(review).to_contain_text("(2.0 of 5.0)")
    assert REVIEWER in (review.get_attribute("title") or "")
    context.close()

    # 6. a logged-out browser, with a valid CSRF token from the login form, is refused
    anon = chromium.new_context()
    page = anon.new_page()
    page.goto(base + "/-/login")
    token = page.locator('input[name="csrftoken"]').first.get_attribute("value")
    status = page.evaluate("""async ([sid, token]) => {
        const body = new URLSearchParams({statement_id: sid, verdict: "confirmed", speaker: "", role: "",
            organisation: "", rating: "False", rating_value: "", best_rating: "", worst_rating: "", note: "",
            url: "", csrftoken: token});
        const r = await fetch("/attrib/record_review", {method: "POST", body, redirect: "manual"});
        return r.status;
    }""", [sid, token])
    assert status == 403
    assert page.goto(base + "/attrib/record_review").status == 403
    anon.close()
    assert len(_reviews(db_path)) == 1


def test_missing_browser_skips_locally_and_fails_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        _missing("no browser")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        _missing("no browser")
