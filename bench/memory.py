"""Peak memory of parsing a text that never ends a sentence, next to an ordinary article.

    python bench/memory.py                          # 3,000 words without a full stop vs a 5,000-character article
    python bench/memory.py --words 2000 --max-sentence-words 120

Each text is parsed in a fresh child process (models loaded, one parse, no
cache), so the two peaks are comparable: the peak resident memory
(``ru_maxrss``) of each child, side by side, with their ratio.  The parser
cuts sentences longer than ``--max-sentence-words`` into pieces
(:func:`attrib.nlp.split_long_sentences`); the target is a ratio within
1.5x.  The texts are generated here (no shared texts).  On 2 CPU cores one
run takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ATTRIB_SHARED", ROOT.parent / "shared"))

CHILD = """
import json, resource, sys, time
from attrib.nlp import Parser
args = json.loads(sys.argv[1])
parser = Parser(args["models"], device=args["device"], max_words=args["max_words"])
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
parse = parser.parse(args["text"])
print(json.dumps({"loaded_kib": loaded, "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "seconds": time.perf_counter() - t0, "sentences": len(parse.sentences),
                  "tokens": len(parse.tokens)}))
"""

WORDS = ("the minister and the mayor of the harbour town discussed the plan for a new bridge across the river "
         "while residents who had waited for hours outside the council building asked when the work would "
         "begin and whether the old ferry would keep running during the winter months").split()

SENTENCES = [
    "The harbour authority said on Tuesday that the new bridge would open next spring.",
    "“We have waited long enough,” said Maria Lopez, who runs a bakery near the old ferry landing.",
    "The mayor told reporters the council had approved the final budget after a long debate.",
    "Engineers from the regional transport office said the foundations were already in place.",
    "Residents said they worried about the noise, and several asked for the work to stop at night.",
    "A spokesman for the construction company said the crews would follow the agreed schedule.",
]


def never_ending(words: int) -> str:
    """``words`` words of prose without a single full stop (or any other sentence end)."""
    return " ".join(WORDS[k % len(WORDS)] for k in range(words))


def ordinary(chars: int) -> str:
    """An ordinary news-like article of about ``chars`` characters in paragraphs of short sentences."""
    paras, n, k = [], 0, 0
    while n < chars:
        para = " ".join(SENTENCES[(k + j) % len(SENTENCES)] for j in range(3))
        paras.append(para)
        n += len(para) + 2
        k += 1
    return "\n\n".join(paras)[:chars].rsplit(" ", 1)[0] + "."


def measure(text: str, models: str, device: str, max_words: int) -> dict:
    """Parse ``text`` in a child process; its peak memory and timings."""
    arg = json.dumps({"text": text, "models": models, "device": device, "max_words": max_words})
    out = subprocess.run([sys.executable, "-c", CHILD, arg], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default=os.environ.get("STANZA_RESOURCES_DIR") or str(SHARED / "models" / "stanza"))
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--words", type=int, default=3000, help="words of the text without a full stop")
    ap.add_argument("--chars", type=int, default=5000, help="characters of the ordinary article")
    ap.add_argument("--max-sentence-words", type=int, default=None, help="default: attrib.nlp.MAX_SENTENCE_WORDS")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from attrib.nlp import MAX_SENTENCE_WORDS

    max_words = args.max_sentence_words or MAX_SENTENCE_WORDS
    cases = [(f"ordinary article ({args.chars:,} chars)", ordinary(args.chars)),
             (f"{args.words:,} words, no full stop", never_ending(args.words))]
    rows = [(name, text, measure(text, args.models, args.device, max_words)) for name, text in cases]
    print(f"max sentence words: {max_words}; device: {args.device}; each parse in its own process\n")
    print("| text | chars | sentences | tokens | RSS after model load MiB | peak RSS MiB | parse s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, text, m in rows:
        print(f"| {name} | {len(text):,} | {m['sentences']} | {m['tokens']:,} | {m['loaded_kib'] / 1024:,.0f} "
              f"| {m['peak_kib'] / 1024:,.0f} | {m['seconds']:.1f} |")
    ratio = rows[1][2]["peak_kib"] / rows[0][2]["peak_kib"]
    print(f"\npeak RSS ratio (no full stop / ordinary): {ratio:.2f}x (target: within 1.5x)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
