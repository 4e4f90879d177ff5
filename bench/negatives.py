"""Precision probe: sentences of our own that report nothing said, run through the whole
pipeline (stanza and the rules), and which of them attrib still stores as statements.

    python bench/negatives.py            # the table and the count; ~1 min with no parse cached

Each sentence stands for a class of false statement (a cue verb in another sense, an object
or a prepositional phrase taken as content, an event or a clause as speaker, a speech act
that is supposed, denied or refused, a participle used as an adjective, ...).  They were
written for this probe, not taken from any annotated file, so the figure says how attrib does
on news it was not tuned on; the classes found here are tested one by one with hand-built
parses in tests/ (test_rules_precision.py, test_rule_negatives.py, test_speakers.py).
Only the default output (``kind = speech``) counts: what a fact-checker sees first.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from attrib.attribute import find_attributions  # noqa: E402
from attrib.pipeline import Parsing  # noqa: E402

#: (class, sentence): nothing in the sentence is anyone's statement.
NEGATIVES: tuple[tuple[str, str], ...] = (
    ("no content", "Mr. Hale declined to comment on the lawsuit."),
    ("cue in another sense", "The chairman called the meeting to order at 9 a.m."),
    ("cue in another sense", "The Jets posted a record score against Miami on Sunday."),
    ("cue in another sense", "Firefighters responded quickly to the fire on Elm Street."),
    ("idiom", "Suffice it to say, the season did not go as planned."),
    ("narration", "The votes followed a heated debate in the chamber."),
    ("event as speaker", "Friday's debate said nothing about the deficit."),
    ("prepositional phrase", "She writes about style and design for the weekend magazine."),
    ("cue in another sense", "Astronomers noted the comet's tail through a small telescope."),
    ("joined clause", "He told a joke and the room laughed."),
    ("order", "The court ordered the company to pay damages."),
    ("agentless forecast", "Rain is expected to continue through Thursday."),
    ("cue in another sense", "The book tells the story of a family in exile."),
    ("idiom", "Needless to say, the plan was dropped."),
    ("embedded question", "Voters will decide in November whether the tax stays."),
    ("participle as adjective", "The letters announced in bold type were hard to miss."),
    ("headline", "Oil prices jump as OPEC cuts output"),
    ("no content", "He said nothing."),
    ("joined clause", "She told the story and the crowd fell silent."),
    ("joined clause", "He wrote a letter to the board, and two directors resigned the next day."),
    ("participle as adjective", "The figures reported on Monday were lower than expected."),
    ("participle as adjective", "The plan announced last week drew sharp criticism from unions."),
    ("participle as adjective", "The changes proposed by the board will take effect in July."),
    ("event as speaker", "The game told us little about the new coach."),
    ("cue in another sense", "He answered the phone on the second ring."),
    ("cue in another sense", "She called her mother from the airport."),
    ("noun-phrase object", "Critics blasted the decision."),
    ("cue in another sense", "He claimed the title in 2019 after a long battle."),
    ("cue in another sense", "The flood claimed three lives in the valley."),
    ("embedded question", "Reporters asked whether the plan would work."),
    ("negated", "He did not say whether the plant would close."),
    ("negated", "She never said the election was stolen."),
    ("refused", "The minister refused to say when troops would leave."),
    ("supposed", "If the president says the war is over, markets will rally."),
    ("nobody said", "Nobody has claimed that the vaccine is unsafe."),
    ("refused", "The spokesperson declined to say how many workers would lose their jobs."),
    ("naming in a relative clause", "The law, which opponents call a power grab, passed on Tuesday."),
    ("cue in another sense", "The union called off the strike on Sunday."),
    ("participle as adjective", "The budget proposed by the mayor cuts police funding by 10 percent."),
    ("participle as adjective", "The results announced on Friday surprised analysts."),
    ("supposed", "Unless the union says otherwise, the strike will go ahead."),
    ("supposed", "Should the court rule that the law is invalid, thousands of permits would lapse."),
    ("nobody said", "No one said the project would be easy."),
    ("nobody said", "None of the officials said the plan had failed."),
    ("participle as adjective", "The noted author died on Sunday at 91."),
    ("participle as adjective", "He is noted for his temper."),
    ("participle as adjective", "The stated aim of the policy is to cut waste."),
    ("idiom", "It is hard to tell whether the plan is working."),
    ("idiom", "As expected, the bank held rates steady."),
    ("cue in another sense", "She called in sick on Monday."),
    ("speech noun as subject", "The team's warning came too late."),
    ("joined clause", "He told the truth and nothing changed."),
    ("joined clause", "The minister announced the plan and markets rallied."),
)


def stored(parsing: Parsing) -> list[tuple[str, str, list[str]]]:
    """(class, sentence, the speech statements attrib stores for it) for each negative."""
    texts = [t for _, t in NEGATIVES]
    out = []
    for (cls, text), parse in zip(NEGATIVES, parsing.parse_many(texts), strict=True):
        found = [f"{a.rule}: {text[a.start:a.end]!r}" for a in find_attributions(parse) if a.kind == "speech"]
        out.append((cls, text, found))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = os.environ.get("STANZA_RESOURCES_DIR") or str(ROOT.parent / "shared" / "models" / "stanza")
    ap.add_argument("--models", default=default, help="stanza resources directory (default: %(default)s)")
    ap.add_argument("--no-cache", action="store_true", help="parse again even when a parse is cached")
    args = ap.parse_args(argv)
    rows = stored(Parsing(args.models, use_cache=not args.no_cache))
    for cls, text, found in rows:
        if found:
            print(f"STORED  {cls:28} {text}\n        " + "\n        ".join(found))
    n = sum(1 for *_, found in rows if found)
    print(f"\n{n} of {len(rows)} sentences that report nothing said are stored as statements "
          f"({len(rows) - n} rightly left out)")


if __name__ == "__main__":
    main()
