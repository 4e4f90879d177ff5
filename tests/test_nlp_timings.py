"""The per-processor timing hook of :class:`attrib.nlp.Parser` (read by ``bench/speed.py``).

The parser runs stanza's processors one by one so each one can be timed; the
parse must be exactly what stanza's own ``Pipeline`` call gives.
"""

from __future__ import annotations

import pytest
from helpers import require_stanza_models

from attrib import nlp

TEXT = ("The harbour master said on Monday that the ferry would sail again.\n\n"
        "\u201cWe are ready,\u201d Ana Ruiz told reporters in Valparaiso.\n")


@pytest.mark.models
@pytest.mark.slow
def test_timed_processors_give_stanza_pipelines_parse():
    parser = nlp.Parser(require_stanza_models(), device="cpu")
    timed = parser.parse(TEXT)
    assert set(parser.timings) == set(nlp.PROCESSORS.split(","))
    assert all(seconds > 0 for seconds in parser.timings.values())
    whole = parser.pipeline([parser._stanza.Document([], text=TEXT)])  # stanza's own loop, untimed
    assert timed == nlp.convert(whole[0], TEXT, parser.model)


BATCH_TEXTS = (
    TEXT,
    "Rain fell all week. The council, which met on Tuesday, said the new bridge would open in May, "
    "a month late, because the steel arrived after the storms.\n",
    "\u201cIt is too early to say,\u201d the coach said.\n\nShe added that two players were hurt.\n",
)


@pytest.mark.models
@pytest.mark.slow
def test_a_batch_parses_each_text_as_it_would_alone():
    """The default batch (``nlp.BATCH_SIZE`` articles per stanza call) is a speed setting only:
    stanza sorts a batch's sentences by length and pads them, and the parse of each text must
    not depend on the texts it is batched with (so cached parses stay valid whatever the batch)."""
    parser = nlp.Parser(require_stanza_models(), device="cpu")
    together = list(parser.parse_many(BATCH_TEXTS, batch_size=len(BATCH_TEXTS)))
    alone = [parser.parse(t) for t in BATCH_TEXTS]
    assert together == alone
