"""notebooks/explore.ipynb runs top to bottom on a small database and answers its three questions.

The database is built here with :func:`attrib.db.save_article` from hand-made
articles and attributions, so every expected number below follows from the
fixture:

- Kim Min-jun (person, South Korean Ministry of Foreign Affairs) has 3
  statements in 2 articles: the most quoted speaker;
- the Ministry itself speaks twice (2 articles), so 5 statements are "by the
  Ministry or its people", and it relays 1 statement from a Russian diplomat;
- Maria Zakharova speaks for the *Russian* Ministry of Foreign Affairs (must
  not match the Ministry by substring); KCNA speaks once and relays once;
- "Putin" is in one statement (Lee Jae-won's quote), in an article title and
  in a sentence that is no statement (neither may count as a hit).

The notebook runs in a fresh ipykernel (the "python3" kernel, which
jupyter_client resolves to this interpreter) with ``ATTRIB_DB``,
``ORGANISATION`` and ``NAME`` set in the environment.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from attrib.db import open_db, save_article
from attrib.types import Article, Attribution, ParsedArticle, Sentence

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"
MINISTRY = "South Korean Ministry of Foreign Affairs"

# Each article text: one sentence per line.
DRILLS = (
    "SEOUL -- South Korea summoned the Russian ambassador on Monday over joint drills with North Korea.\n"
    '"We will not tolerate any military cooperation that threatens our security," said Kim Min-jun, '
    "a spokesperson for the South Korean Ministry of Foreign Affairs.\n"
    'He added that Seoul would "respond firmly" to further drills.\n'
    "The South Korean Ministry of Foreign Affairs said the drills violated UN sanctions.\n"
    "Russian foreign ministry spokeswoman Maria Zakharova said Seoul's protest was \"unfriendly\".\n"
)
PUTIN = (
    "Russian President Vladimir Putin visited Pyongyang last week.\n"
    '"Putin cannot be trusted with anything he signs in Pyongyang," said Lee Jae-won, a lawmaker.\n'
    '"We raised the matter with Moscow again today," said Kim Min-jun.\n'
    "The South Korean Ministry of Foreign Affairs quoted a Russian diplomat as saying that Moscow had no plans "
    "to supply weapons to the North.\n"
    "The South Korean Ministry of Foreign Affairs said it would keep monitoring the situation.\n"
)
KCNA = (
    'KCNA said the South Korean statement was "a provocation".\n'
    "KCNA quoted a military official as saying the drills would continue.\n"
)
PUTIN_SENTENCE = '"Putin cannot be trusted with anything he signs in Pyongyang," said Lee Jae-won, a lawmaker.'


def _line(text: str, n: int) -> tuple[int, int]:
    """Character range of line ``n`` (0-based, without its newline)."""
    start = 0
    for _ in range(n):
        start = text.index("\n", start) + 1
    return start, text.index("\n", start)


def _find(text: str, line: int, needle: str) -> tuple[int, int]:
    """Offsets of the first ``needle`` on line ``line``."""
    lo, hi = _line(text, line)
    start = text.index(needle, lo, hi)
    return start, start + len(needle)


def _att(text: str, line: int, content: str, cue: str, source: str | None, **kw) -> Attribution:
    """An attribution whose spans are found on one line of ``text``."""
    kw.setdefault("confidence", 0.8)
    kw.setdefault("rule", "test_rule")
    return Attribution(
        content_spans=(_find(text, line, content),),
        cue=_find(text, line, cue),
        source=_find(text, line, source) if source else None,
        **kw,
    )


def _parse(text: str) -> ParsedArticle:
    """A parse with one sentence per line and nothing else (enough for the stored sentences)."""
    n = text.count("\n")
    return ParsedArticle(text, (), tuple(Sentence(i, *_line(text, i), 0, 0) for i in range(n)), ())


def _fixture() -> list[tuple[Article, list[Attribution]]]:
    kim = {"source_name": "Kim Min-jun", "speaker_kind": "person", "role": "spokesperson", "organisation": MINISTRY}
    ministry = {"source_name": MINISTRY, "speaker_kind": "organisation", "organisation": MINISTRY}
    drills = Article(
        id="yonhap-2024-03-04-drills", text=DRILLS, title="Seoul protests Russia-North Korea drills",
        outlet="Yonhap", published="2024-03-04",
    )
    putin = Article(
        id="yonhap-2024-03-05-putin", text=PUTIN, title="Lawmakers doubt Putin's promises",
        outlet="Yonhap", published="2024-03-05",
    )
    kcna = Article(id="kcna-watch-drills", text=KCNA, title="KCNA slams protest", outlet="KCNA Watch")
    return [
        (drills, [
            _att(DRILLS, 1, "We will not tolerate any military cooperation that threatens our security,", "said",
                 "Kim Min-jun", type="direct", cue_lemma="say", **kim),
            _att(DRILLS, 2, 'Seoul would "respond firmly" to further drills', "added", "He", type="mixed",
                 cue_lemma="add", **kim),
            _att(DRILLS, 3, "the drills violated UN sanctions", "said", "The South Korean Ministry of Foreign Affairs",
                 type="indirect", cue_lemma="say", **ministry),
            _att(DRILLS, 4, "Seoul's protest was \"unfriendly\"", "said", "Maria Zakharova", type="mixed",
                 cue_lemma="say", source_name="Maria Zakharova", speaker_kind="person", role="spokeswoman",
                 organisation="Russian Ministry of Foreign Affairs"),
        ]),
        (putin, [
            _att(PUTIN, 1, "Putin cannot be trusted with anything he signs in Pyongyang,", "said", "Lee Jae-won",
                 type="direct", cue_lemma="say", source_name="Lee Jae-won", speaker_kind="person", role="lawmaker"),
            _att(PUTIN, 2, "We raised the matter with Moscow again today,", "said", "Kim Min-jun", type="direct",
                 cue_lemma="say", **kim),
            _att(PUTIN, 3, "Moscow had no plans to supply weapons to the North", "saying", "a Russian diplomat",
                 type="indirect", cue_lemma="say", speaker_kind="anonymous", reported_by=MINISTRY),
            _att(PUTIN, 4, "it would keep monitoring the situation", "said",
                 "The South Korean Ministry of Foreign Affairs", type="indirect", cue_lemma="say", **ministry),
        ]),
        (kcna, [
            _att(KCNA, 0, 'the South Korean statement was "a provocation"', "said", "KCNA", type="mixed",
                 cue_lemma="say", source_name="KCNA", speaker_kind="organisation", organisation="KCNA"),
            _att(KCNA, 1, "the drills would continue", "saying", "a military official", type="indirect",
                 cue_lemma="say", speaker_kind="anonymous", reported_by="KCNA"),
        ]),
    ]


def _build_db(path: Path) -> None:
    db = open_db(str(path))
    try:
        for article, atts in _fixture():
            save_article(db, article, atts, _parse(article.text))
    finally:
        db.conn.close()


def _client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **env: str):
    """The notebook and a client that runs it in a fresh kernel, from the notebook's folder, with ``env`` set."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    # keep the kernel's connection files and IPython profile out of $HOME
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "jupyter-runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, kernel_name="python3", timeout=60, startup_timeout=60,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    return nb, client


def _run_notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, organisation: str, name: str) -> dict[str, str]:
    """Execute the notebook against a fresh fixture database; stdout of each code cell by cell id."""
    db_path = tmp_path / "fixture.db"
    _build_db(db_path)
    nb, client = _client(tmp_path, monkeypatch, ATTRIB_DB=str(db_path), ORGANISATION=organisation, NAME=name)
    client.execute()
    out = {}
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not [o for o in cell.outputs if o.output_type == "error"], cell.id
            out[cell.id] = "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
    return out


def _table(output: str, header: str) -> list[list[str]]:
    """The rows of the plain-text table whose header line starts with ``header``, split into cells."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    assert set(lines[start + 1].replace(" ", "")) == {"-"}
    rows = []
    for line in lines[start + 2 :]:
        if not line.strip():
            break
        rows.append(re.split(r"\s{2,}", line.strip()))
    return rows


def _blocks(output: str, heading: str) -> list[str]:
    """The statement blocks ("[n] ...") after ``heading`` and before the next "==" heading."""
    section = output.split(heading, 1)[1].split("\n==", 1)[0]
    return [b for b in re.split(r"\n(?=\[\d+\] )", section) if b.lstrip().startswith("[")]


def test_committed_notebook_is_clean() -> None:
    """Outputs cleared; one code cell tagged ``parameters`` that reads the three environment variables."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and params[0] is code[0]
    for var in ("ATTRIB_DB", "ORGANISATION", "NAME"):
        assert f'os.environ.get("{var}"' in params[0].source
    assert "pandas" not in "".join(c.source for c in code)


def test_notebook_answers_the_three_questions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run_notebook(tmp_path, monkeypatch, MINISTRY, "Putin")

    assert "3 articles, 10 statements." in out["setup"]
    assert "8 statements with a named speaker (5 different speakers); 3 organisations linked" in out["setup"]

    # 1. who is quoted most
    assert "Most quoted speakers (5 of 5):" in out["q1-speakers"]
    assert _table(out["q1-speakers"], "speaker") == [
        ["Kim Min-jun", "person", "3", "2", f"{MINISTRY} (3)"],
        [MINISTRY, "organisation", "2", "2", f"{MINISTRY} (2)"],
        ["KCNA", "organisation", "1", "1", "KCNA (1)"],
        ["Lee Jae-won", "person", "1", "1"],  # no organisation: the empty last cell is stripped
        ["Maria Zakharova", "person", "1", "1", "Russian Ministry of Foreign Affairs (1)"],
    ]
    assert _table(out["q1-speakers"], "kind") == [["anonymous", "2"]]
    assert _table(out["q1-organisations"], "organisation") == [
        [MINISTRY, "5", "2", "1"],
        ["KCNA", "1", "1", "1"],
        ["Russian Ministry of Foreign Affairs", "1", "1", "0"],
    ]

    # 2. what the Ministry said, and relayed
    q2 = out["q2-organisation"]
    assert "5 statements by the organisation or its people, in 2 articles (2 with the organisation itself" in q2
    assert "1 statement relayed from others, in 1 article\n" in q2
    said = _blocks(q2, f"== By {MINISTRY} or its people ==")
    assert len(said) == 5
    for block, content in zip(said, [
        "We will not tolerate any military cooperation",
        'Seoul would "respond firmly" to further drills',
        "the drills violated UN sanctions",
        "We raised the matter with Moscow again today",
        "it would keep monitoring the situation",
    ], strict=True):
        assert content in block
    assert "who:  Kim Min-jun (person, spokesperson, South Korean Ministry" in said[1]  # "He added", resolved
    relayed = _blocks(q2, f"== Relayed by {MINISTRY} ==")
    assert len(relayed) == 1
    assert "Moscow had no plans to supply weapons to the North" in relayed[0]
    assert "who:  “a Russian diplomat” as written (anonymous) · indirect" in relayed[0]
    assert f"relayed by: {MINISTRY}" in relayed[0]
    assert "Zakharova" not in q2 and "the drills would continue" not in q2

    # 3. statements mentioning Putin: only Lee Jae-won's quote, with its exact sentence
    q3 = out["q3-search"]
    assert "“Putin”: 1 statement in 1 article, from 1 named speaker\n" in q3
    (hit,) = _blocks(q3, "named speaker\n")
    assert "Yonhap · Lawmakers doubt Putin's promises" in hit
    assert "who:  Lee Jae-won (person, lawmaker) · direct" in hit
    assert f"sentence: “{PUTIN_SENTENCE}”" in hit
    assert "visited Pyongyang" not in q3


def test_notebook_unknown_organisation_and_odd_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No exact organisation match lists similar names; FTS syntax in NAME is searched as plain words."""
    out = _run_notebook(tmp_path, monkeypatch, "Ministry of Unification", 'NOT "putin OR')
    q2 = out["q2-organisation"]
    assert "0 statements by the organisation or its people, in 0 articles" in q2
    assert _table(q2, "name") == [
        ["Russian Ministry of Foreign Affairs", "organisation"],
        [MINISTRY, "organisation"],
        [MINISTRY, "speaker (organisation)"],
    ]
    assert ": 0 statements in 0 articles, from 0 named speakers" in out["q3-search"]


def test_notebook_stops_on_a_missing_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A wrong ATTRIB_DB fails with a clear message instead of creating an empty database."""
    missing = tmp_path / "missing.db"
    _, client = _client(tmp_path, monkeypatch, ATTRIB_DB=str(missing))
    with pytest.raises(nbclient.exceptions.CellExecutionError, match="no attrib database"):
        client.execute()
    assert not missing.exists()
