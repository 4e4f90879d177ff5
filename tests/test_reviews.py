"""Issue 14: fact-checkers' reviews (append-only, corrections win and survive), the review
commands, ``attrib serve --review`` behind a login, and the ClaimReview export."""

from __future__ import annotations

import copy
import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO_ROOT, DatasetteSample
from datasette.app import Datasette
from helpers import FakeModels, cli_ingest, connect_ro, sample_article

from attrib.cli import cli
from attrib.datasette import serve
from attrib.db import REVIEW_FIELDS, open_db, replace_statements

A1 = "yonhap-2024-05-01-missile"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def view_row(db: Path, sid: str) -> dict:
    conn = connect_ro(db)
    conn.row_factory = sqlite3.Row
    try:
        return dict(conn.execute("select * from statements_view where id = ?", [sid]).fetchone())
    finally:
        conn.close()


@pytest.fixture
def sample_db(datasette_sample: DatasetteSample, tmp_path: Path) -> DatasetteSample:
    """A writable copy of the Datasette sample database (also called attrib.db)."""
    path = tmp_path / "attrib.db"
    shutil.copy(datasette_sample.path, path)
    return DatasetteSample(path=path, ids=datasette_sample.ids, articles=datasette_sample.articles,
                           attributions=datasette_sample.attributions)


# ------------------------------------------------------------------ the table and the CLI


def test_reviews_are_append_only_and_the_latest_wins(sample_db: DatasetteSample) -> None:
    sid = sample_db.ids["anon_launches"]
    assert run("review", sample_db.path, sid, "--verdict", "confirmed", "--reviewer", "ana")[0] == 0
    code, _, err = run("review", sample_db.path, sid, "--verdict", "wrong_speaker", "--reviewer", "ben",
                       "--speaker", "Shin Won-sik", "--role", "defence minister", "--organisation", "Defence Ministry")
    assert code == 0, err
    row = view_row(sample_db.path, sid)
    assert (row["verdict"], row["speaker"], row["role"], row["organisation"], row["reviewer"]) == (
        "wrong_speaker", "Shin Won-sik", "defence minister", "Defence Ministry", "ben")
    assert row["extracted_speaker"] is None and row["speaker_text"] == "A government official"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", row["reviewed_at"])
    code, out, _ = run("reviews", sample_db.path)
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0].split("\t")[3:5] == ["confirmed", "ana"] and lines[1].endswith("*")
    db = open_db(str(sample_db.path))
    for sql in ("update reviews set verdict = 'confirmed'", "delete from reviews"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(sql)
    db.conn.close()


def test_review_refuses_unknown_statements_and_bad_values(sample_db: DatasetteSample) -> None:
    sid = sample_db.ids["jcs_provocation"]
    code, _, err = run("review", sample_db.path, "nosuchstatement", "--verdict", "confirmed", "--reviewer", "ana")
    assert code == 1 and "no statement" in err
    code, _, err = run("review", sample_db.path, sid, "--verdict", "confirmed", "--reviewer", "ana",
                       "--url", "javascript:alert(1)")
    assert code == 1 and "http" in err
    code, _, err = run("review", sample_db.path, sid, "--verdict", "maybe", "--reviewer", "ana")
    assert code == 2
    code, _, err = run("review", sample_db.path, sid, "--verdict", "confirmed", "--reviewer", "ana", "--rating",
                       "False", "--rating-value", "7", "--best-rating", "5", "--worst-rating", "1")
    assert code == 1 and "between" in err
    assert run("reviews", sample_db.path)[1] == ""


def test_orphaned_review_is_kept_and_listed(sample_db: DatasetteSample) -> None:
    sid = sample_db.ids["anon_launches"]
    assert run("review", sample_db.path, sid, "--verdict", "not_a_statement", "--reviewer", "ana")[0] == 0
    db = open_db(str(sample_db.path))
    keep = [a for k, a in sample_db.attributions.items()
            if k in ("jcs_provocation", "ministry_violation", "kcna_official")]
    replace_statements(db, sample_db.articles[A1], keep, None)  # a rule change drops the statement
    latest = dict(zip(["statement_id", "orphaned", "statement_content"], db.execute(
        "select statement_id, orphaned, statement_content from latest_reviews").fetchone(), strict=True))
    db.conn.close()
    assert latest == {"statement_id": sid, "orphaned": 1, "statement_content": "more launches were expected"}
    out = run("reviews", sample_db.path)[1]
    assert sid in out and "ORPHANED" in out


def test_cli_review_shows_on_the_page_and_survives_reextract_and_reingest(tmp_path: Path) -> None:
    """The done-when of issue 14 on a sample article: review with the CLI, see it on the statement's page,
    re-extract, re-ingest the same article, re-ingest a corrected version of it: the review stays."""
    fake = FakeModels.create(tmp_path)
    story = tmp_path / "story.txt"
    story.write_text(sample_article().read_text(encoding="utf-8"), encoding="utf-8")
    fake.prime_inputs([story])
    db = tmp_path / "attrib.db"
    assert cli_ingest(db, [story], fake).exit_code == 0
    conn = connect_ro(db)
    sid, aid = conn.execute("select id, article_id from statements order by start limit 1").fetchone()
    conn.close()
    code, _, err = run("review", db, sid, "--verdict", "confirmed", "--reviewer", "ana", "--rating", "Misleading",
                       "--url", "https://factcheck.example/1")
    assert code == 0, err

    async def page() -> str:
        ds = Datasette(files=[str(db)], metadata=serve.load_metadata())
        r = await ds.client.get(f"/-/attrib/article/attrib/{aid}?statement={sid}")
        assert r.status_code == 200
        return r.text

    import asyncio

    text = asyncio.run(page())
    card = text[text.index('id="attrib-selected"'):text.index("</aside>")]
    assert "confirmed" in card and "Misleading" in card and "https://factcheck.example/1" in card
    assert run("reextract", db, "-q")[0] == 0
    assert view_row(db, sid)["rating"] == "Misleading"
    assert cli_ingest(db, [story], fake).exit_code == 0  # the same article again: unchanged
    story.write_text(story.read_text(encoding="utf-8") + "\nThe talks were to resume on Friday.\n", encoding="utf-8")
    fake.prime_inputs([story])
    assert cli_ingest(db, [story], fake).exit_code == 0  # a corrected version: statements replaced
    conn = connect_ro(db)
    assert conn.execute("select count(*) from article_versions").fetchone()[0] == 1
    conn.close()
    row = view_row(db, sid)
    assert (row["verdict"], row["rating"], row["reviewer"]) == ("confirmed", "Misleading", "ana")
    assert "ORPHANED" not in run("reviews", db)[1]


# ------------------------------------------------------------------ ClaimReview export

REQUIRED = ("claimReviewed", "url", "author")


def test_claimreview_export_has_the_required_fields(sample_db: DatasetteSample, tmp_path: Path) -> None:
    path = sample_db.path
    kim = sample_db.ids["jcs_provocation"]
    assert run("review", path, kim, "--verdict", "confirmed", "--reviewer", "ana", "--rating", "False",
               "--rating-value", "1", "--best-rating", "5", "--worst-rating", "1",
               "--url", "https://factcheck.example/claims/1")[0] == 0
    ministry = sample_db.ids["ministry_violation"]
    assert run("review", path, ministry, "--verdict", "confirmed", "--reviewer", "ana", "--rating", "True",
               "--url", "https://factcheck.example/claims/2")[0] == 0
    # no rating: not exported
    assert run("review", path, sample_db.ids["sign"], "--verdict", "confirmed", "--reviewer", "ana")[0] == 0
    out = tmp_path / "claims.json"
    code, stdout, err = run("export", path, "--format", "claimreview", "-o", out,
                            "--publisher", "Example Fact Check")
    assert code == 0 and stdout == "" and "2 ClaimReview" in err
    assert not list(tmp_path.glob(".claims.json.*"))  # the temporary file was renamed
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"] == "https://schema.org"
    by_id = {r["identifier"]: r for r in doc["@graph"]}
    assert set(by_id) == {kim, ministry}
    for r in doc["@graph"]:
        assert r["@type"] == "ClaimReview"
        for key in REQUIRED:
            assert r[key], key
        assert r["reviewRating"]["alternateName"]
        assert r["author"] == {"@type": "Organization", "name": "Example Fact Check"}
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", r["datePublished"])
    r = by_id[kim]
    assert r["claimReviewed"] == "This is a clear provocation, … We are ready to respond."
    assert r["reviewRating"] == {"@type": "Rating", "alternateName": "False", "ratingValue": 1, "bestRating": 5,
                                 "worstRating": 1}
    claim = r["itemReviewed"]
    assert claim["@type"] == "Claim" and claim["datePublished"] == "2024-05-01"
    assert claim["author"] == {"@type": "Person", "name": "Kim Min-jun", "jobTitle": "spokesperson",
                               "worksFor": {"@type": "Organization", "name": "Joint Chiefs of Staff"}}
    assert claim["appearance"][0]["url"] == "https://en.yna.co.kr/view/AEN20240501000100315"
    assert by_id[ministry]["itemReviewed"]["author"] == {"@type": "Organization", "name": "Foreign Ministry"}
    assert "bestRating" not in by_id[ministry]["reviewRating"]


# ------------------------------------------------------------------ Datasette

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def password_hash() -> str:
    from datasette_auth_passwords.utils import hash_password

    return hash_password(PASSWORD)


def review_ds(sample: DatasetteSample, metadata: dict, password_hash: str,
              monkeypatch: pytest.MonkeyPatch) -> Datasette:
    """A Datasette as ``attrib serve --review`` runs it: writable file, review query, one account."""
    accounts = serve.reviewer_accounts(f"# the team\nana:{password_hash}\n")
    for key, value in serve.review_environment(accounts).items():
        monkeypatch.setenv(key, value)
    return Datasette(files=[str(sample.path)], metadata=serve.review_metadata(copy.deepcopy(metadata), "attrib",
                                                                             accounts))


async def csrf_form(ds: Datasette, path: str, cookies: dict | None = None) -> tuple[str, dict]:
    r = await ds.client.get(path, cookies=cookies)
    token = re.search(r'name="csrftoken" value="([^"]+)"', r.text)
    assert token, (path, r.status_code, r.text[:500])
    return token.group(1), {**(cookies or {}), "ds_csrftoken": r.cookies["ds_csrftoken"]}


async def login(ds: Datasette) -> dict:
    token, cookies = await csrf_form(ds, "/-/login")
    r = await ds.client.post("/-/login", data={"username": "ana", "password": PASSWORD, "csrftoken": token},
                             cookies=cookies)
    assert r.status_code == 302 and "ds_actor" in r.cookies
    return {"ds_actor": r.cookies["ds_actor"]}


def n_reviews(path: Path) -> int:
    conn = connect_ro(path)
    try:
        return conn.execute("select count(*) from reviews").fetchone()[0]
    finally:
        conn.close()


async def test_anonymous_post_is_refused(sample_db: DatasetteSample, datasette_metadata: dict, password_hash: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    ds = review_ds(sample_db, datasette_metadata, password_hash, monkeypatch)
    assert (await ds.client.get("/attrib/record_review")).status_code == 403
    # a valid CSRF token from another form, so it is the permission that refuses
    token, cookies = await csrf_form(ds, "/-/login")
    writable = [n for n, q in ds.metadata("queries", database="attrib").items() if q.get("write")]
    assert writable == ["record_review"]
    for name in writable:
        r = await ds.client.post(f"/attrib/{name}", cookies=cookies, data={
            "statement_id": sample_db.ids["jcs_provocation"], "verdict": "confirmed", "csrftoken": token})
        assert r.status_code == 403
    bad = await ds.client.post("/-/login", data={"username": "ana", "password": "wrong", "csrftoken": token},
                               cookies=cookies)
    assert "ds_actor" not in bad.cookies
    assert n_reviews(sample_db.path) == 0


async def test_logged_in_review_records_actor_and_time(sample_db: DatasetteSample, datasette_metadata: dict,
                                                       password_hash: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ds = review_ds(sample_db, datasette_metadata, password_hash, monkeypatch)
    actor = await login(ds)
    sid = sample_db.ids["kim_drills"]
    card = await ds.client.get(f"/-/attrib/article/attrib/yonhap-2024-06-10-kcna?statement={sid}", cookies=actor)
    assert f"/attrib/record_review?statement_id={sid}" in card.text
    token, cookies = await csrf_form(ds, f"/attrib/record_review?statement_id={sid}", actor)
    r = await ds.client.post("/attrib/record_review", cookies=cookies, data={
        "statement_id": sid, "verdict": "wrong_span", "rating": "False", "rating_value": "", "best_rating": "",
        "worst_rating": "", "speaker": "", "role": "", "organisation": "", "note": "only half of it",
        "url": "https://factcheck.example/drills", "csrftoken": token})
    assert r.status_code == 302, r.text[:500]
    row = view_row(sample_db.path, sid)
    assert (row["reviewer"], row["verdict"], row["rating"], row["review_note"]) == ("ana", "wrong_span", "False",
                                                                                    "only half of it")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", row["reviewed_at"])
    assert row["speaker"] == "Kim Yo-jong" and row["rating_value"] is None  # blanks are no correction
    # shown on the pages, faceted, and in the canned query
    speaker = await ds.client.get(f"/-/attrib/speaker/attrib/{row['speaker_id']}")
    assert "wrong span" in speaker.text and "False" in speaker.text
    # (no default facets on the view at scale: a fact-checker asks for them)
    data = (await ds.client.get("/attrib/statements_view.json?_facet=verdict&_facet=rating")).json()
    assert {r["value"]: r["count"] for r in data["facet_results"]["rating"]["results"]} == {"False": 1}
    assert {r["value"] for r in data["facet_results"]["verdict"]["results"]} == {"wrong_span"}
    rows = (await ds.client.get("/attrib/claims_rated_false_by_speaker.json",
                                params={"speaker": "Kim", "_shape": "array"})).json()
    assert [(r["speaker"], r["statement_id"], r["claims_rated_false"]) for r in rows] == [("Kim Yo-jong", sid, 1)]


async def post_review(ds: Datasette, actor: dict, **fields: str):
    """POST ``fields`` to record_review as the logged-in ``actor``; the response and the message then shown."""
    token, cookies = await csrf_form(ds, "/attrib/record_review", actor)
    form = {k: "" for k in REVIEW_FIELDS} | fields  # a browser sends every field of the form
    r = await ds.client.post("/attrib/record_review", cookies=cookies, data={**form, "csrftoken": token})
    assert r.status_code == 302, r.text[:500]
    page = await ds.client.get(r.headers["location"], cookies={**cookies, **dict(r.cookies)})
    return r, page.text


async def test_review_of_an_unknown_statement_says_so_and_records_nothing(
        sample_db: DatasetteSample, datasette_metadata: dict, password_hash: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ds = review_ds(sample_db, datasette_metadata, password_hash, monkeypatch)
    actor = await login(ds)
    _, text = await post_review(ds, actor, statement_id="nosuchstatement", verdict="confirmed", rating="False")
    assert "Review recorded" not in text
    assert "no statement has this statement_id" in text and "message-error" in text
    assert n_reviews(sample_db.path) == 0
    # the JSON answer says so too
    token, cookies = await csrf_form(ds, "/attrib/record_review", actor)
    r = await ds.client.post("/attrib/record_review", cookies=cookies, headers={"accept": "application/json"},
                             data={**{k: "" for k in REVIEW_FIELDS}, "statement_id": "nosuchstatement",
                                   "verdict": "confirmed", "csrftoken": token})
    assert r.json()["ok"] is False and "no statement" in r.json()["message"]
    assert n_reviews(sample_db.path) == 0
    # a known one (padded with spaces, as pasted) is recorded with the success message
    sid = sample_db.ids["jcs_provocation"]
    _, text = await post_review(ds, actor, statement_id=f" {sid} ", verdict="confirmed")
    assert "Review recorded" in text and n_reviews(sample_db.path) == 1
    assert view_row(sample_db.path, sid)["verdict"] == "confirmed"


async def test_review_with_a_non_numeric_rating_value_is_refused_not_stored_as_zero(
        sample_db: DatasetteSample, datasette_metadata: dict, password_hash: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ds = review_ds(sample_db, datasette_metadata, password_hash, monkeypatch)
    actor = await login(ds)
    sid = sample_db.ids["kim_drills"]
    for field, value in (("rating_value", "abc"), ("rating_value", "1,5"), ("best_rating", "five"),
                         ("worst_rating", "x1")):
        _, text = await post_review(ds, actor, statement_id=sid, verdict="confirmed", rating="False",
                                    **{field: value})
        assert "Review recorded" not in text and "must be numbers" in text, (field, value)
    assert n_reviews(sample_db.path) == 0
    _, text = await post_review(ds, actor, statement_id=sid, verdict="confirmed", rating="Mostly false",
                                rating_value=" 2 ", best_rating="5", worst_rating="1.0")
    assert "Review recorded" in text
    row = view_row(sample_db.path, sid)
    assert (row["rating"], row["rating_value"], row["best_rating"], row["worst_rating"]) == ("Mostly false", 2.0,
                                                                                          5.0, 1.0)
    conn = connect_ro(sample_db.path)
    try:
        assert conn.execute("select typeof(rating_value), typeof(best_rating) from reviews").fetchall() == [
            ("real", "real")]
    finally:
        conn.close()


async def test_without_review_nothing_can_be_written(sample_db: DatasetteSample, datasette_metadata: dict) -> None:
    ds = Datasette(files=[str(sample_db.path)], metadata=copy.deepcopy(datasette_metadata))
    assert not [n for n, q in ds.metadata("queries", database="attrib").items() if q.get("write")]
    assert (await ds.client.get("/attrib/record_review")).status_code == 404
    actor = {"ds_actor": ds.sign({"a": {"id": "ana"}}, "actor")}
    token, cookies = await csrf_form(ds, "/-/login", actor)
    r = await ds.client.post("/attrib", cookies=cookies, data={
        "sql": "insert into reviews (statement_id, reviewer, reviewed_at, verdict) values ('x', 'a', 'b', 'confirmed')",
        "csrftoken": token})
    assert r.status_code in (403, 405)
    assert n_reviews(sample_db.path) == 0


def test_serve_review_serves_writable_behind_the_login(sample_db: DatasetteSample, password_hash: str) -> None:
    accounts = serve.reviewer_accounts(f"ana:{password_hash}")
    args = serve.review_args(sample_db.path, accounts)
    assert "-i" not in args and str(sample_db.path) in args
    meta_text = Path(args[args.index("--metadata") + 1]).read_text(encoding="utf-8")
    assert password_hash not in meta_text  # the hash travels in the environment, not in a file
    meta = json.loads(meta_text)
    assert meta["databases"]["attrib"]["queries"]["record_review"]["allow"] == {"id": "*"}
    assert "-i" in serve.datasette_args(sample_db.path)
    with pytest.raises(ValueError):
        serve.reviewer_accounts("ana:plaintext-password")
    code, _, err = run("serve", sample_db.path, "--review")  # no accounts: refused before serving
    assert code == 1 and "ATTRIB_REVIEWERS" in err


# ------------------------------------------------------------------ bench/reviews.py


def test_bench_reviews_reports_precision_by_confidence(sample_db: DatasetteSample) -> None:
    for key, verdict in (("jcs_provocation", "confirmed"), ("xss_script", "confirmed"),
                         ("ministry_inner", "wrong_speaker"), ("sign", "not_a_statement")):
        assert run("review", sample_db.path, sample_db.ids[key], "--verdict", verdict, "--reviewer", "ana")[0] == 0
    out = subprocess.run([sys.executable, str(REPO_ROOT / "bench" / "reviews.py"), str(sample_db.path)],
                         capture_output=True, text=True, check=True).stdout
    assert "4 reviewed statements" in out and "3 confirmed" not in out
    assert re.search(r"0\.9-1\.0\s+3\s+0\.91\s+0\.67", out), out
    assert re.search(r"0\.4-0\.5\s+1\s+0\.40\s+0\.00", out), out
