"""The heavy guide: 1,000 multiple-choice questions and 1,000 terms, with every activity that takes them.

The largest guide the format accepts in its lists (1,000 items a list; about 570 KB, under the 1 MB
limit), as a review first built it by hand: the starter guide's opening sections, then terms
``term0000x`` … ``term0999x`` that share one long definition, 1,000 questions with three choices and
an explanation, and the crossword, word search, matching, cloze and flashcards. It is the guide behind
the 10 s bar for ``studyguide build`` (handout and key; bench/README.md, "The heavy guide").

    python bench/heavy.py -o /tmp/heavy.yaml
    /usr/bin/time -v python -m studyguide build -j 1 /tmp/heavy.yaml -o /tmp/heavy

The same bytes every time (no randomness).
"""
from __future__ import annotations

import argparse
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "src" / "studyguide" / "starter.yaml"
ITEMS = 1000
DEFINITION = "a definition of a term that is fairly long " * 3
PROMPT = "which of these words is right here " * 5


def guide(items: int = ITEMS) -> dict:
    data = yaml.safe_load(STARTER.read_text(encoding="utf-8"))
    data["vocabulary"] = [{"term": f"term{i:04d}x", "definition": DEFINITION} for i in range(items)]
    data["questions"] = [{"type": "multiple_choice", "prompt": f"Question {i}: {PROMPT}",
                          "choices": ["The right answer", "A wrong answer", "Another wrong answer"],
                          "answer": "A", "points": 1,
                          "explanation": "Printed under the question in the answer key only."}
                         for i in range(items)]
    data["activities"] = ["crossword", "word_search", "matching", "cloze", "flashcards"]
    return data


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--out", required=True, help="the guide file to write")
    ap.add_argument("--items", type=int, default=ITEMS, help=f"questions and terms (default {ITEMS})")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(yaml.safe_dump(guide(args.items), sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
