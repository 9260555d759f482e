"""The full scan behind tests/test_blank_pages.py: every short test guide in every look (editions, papers,
half and quarter sheets), handout and key; prints each page that holds nothing but its footer. The test
suite builds two looks of each guide (each look twice over the guides); run this after a layout change.

    python bench/blank_pages.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_blank_pages import LOOKS, SHORT, footer_only  # noqa: E402


def main() -> int:
    found = [line for name in SHORT for line in footer_only(name, LOOKS)]
    print("\n".join(found) or f"no page of {len(SHORT) * len(LOOKS)} builds (handout and key) holds only its footer")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
