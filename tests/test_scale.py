"""What keeps the Datasette pages fast on a big database, checked on the small sample (no timing:
the speed is measured by ``bench/scale.py``)."""

from __future__ import annotations

import sqlite3

from conftest import DatasetteSample
from datasette.app import Datasette

from attrib import db as dbmod
from attrib.datasette import serve


def test_settings_turn_facet_suggestions_off() -> None:
    assert serve.DEFAULT_SETTINGS["suggest_facets"] == "off"
    assert int(serve.DEFAULT_SETTINGS["facet_time_limit_ms"]) <= 500


async def test_inspect_counts_serve_the_view_and_keep_the_database_page(datasette_sample: DatasetteSample) -> None:
    path = str(datasette_sample.path)
    data = serve.inspect_data(path)
    counts = data["attrib"]["tables"]
    conn = sqlite3.connect(path)
    try:
        n = conn.execute("select count(*) from statements").fetchone()[0]
    finally:
        conn.close()
    assert counts["statements"]["count"] == counts["statements_view"]["count"] == n
    ds = Datasette(immutables=[path], metadata=serve.load_metadata(serve.DEFAULT_METADATA), inspect_data=data)
    await ds.invoke_startup()
    assert (await ds.client.get("/attrib")).status_code == 200  # the view is no table there
    r = (await ds.client.get("/attrib/statements_view.json?_size=1")).json()
    assert r["filtered_table_rows_count"] == n
    assert "--inspect-file" in serve.datasette_args(path)
    assert "--inspect-file" not in serve.datasette_args(path, immutable=False)


def test_the_view_walks_indexes_for_its_default_sorts(datasette_sample: DatasetteSample, tmp_path) -> None:
    import shutil

    copy = tmp_path / "a.db"
    shutil.copy(datasette_sample.path, copy)
    db = dbmod.open_db(str(copy))
    dbmod.optimize(db)
    plans = {
        "default": "select * from statements_view order by speech_then_date desc limit 101",
        "date": "select * from statements_view order by date desc limit 101",
        "speaker": "select * from statements_view where speaker_id = 1 order by speech_then_date desc limit 101",
    }
    for name, sql in plans.items():
        plan = " / ".join(r[-1] for r in db.execute("explain query plan " + sql).fetchall())
        assert "TEMP B-TREE" not in plan, (name, plan)
    # the statements' copy of the date follows the article's
    art, published = db.execute("select id, published from articles where published is not null").fetchone()
    db.execute("update articles set published = '1999-01-01' where id = ?", [art])
    assert {r[0] for r in db.execute("select published from statements where article_id = ?", [art])} == {
        "1999-01-01"}
    assert db.execute("select count(*) from statements s join articles a on a.id = s.article_id "
                      "where s.published is not a.published").fetchone()[0] == 0
    db.conn.close()
