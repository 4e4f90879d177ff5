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
