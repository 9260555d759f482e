"""What a fresh `studyguide build` spends before its first page (bench/README.md, "Whole process"): the patterns for
scripts written without spaces, glued units and worded quantities were compiled at every start-up, 11 ms of a
4-unit build's 0.5 s, a guide that needs them or not. They are compiled when first needed, and match as before."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

LAZY = "(wordbreaks._cjk, scripts.glued_letter, amounts._reference_and_quantity, figurerefs._unspaced, lint._unspaced)"
PROGRAM = f"""
import sys
from studyguide import api, amounts, figurerefs, lint, scripts, wordbreaks
built = api.build(sys.argv[1], sys.argv[2])
print([f.cache_info().currsize for f in {LAZY}], [o.pages > 1 for o in built.outputs])
print(wordbreaks.is_unspaced("東京"), wordbreaks.is_unspaced("Tokyo"), amounts.amount("1392년"), amounts.amount("5m"),
      amounts.given("Cookies sell for 3 for $1.50. How much do 12 cookies cost?"), amounts.given("See Figure 2."),
      bool(figurerefs._named("図表 2. 東京").search("図表2を見て")))
print([f.cache_info().currsize for f in {LAZY}[:4]])
"""


def test_a_build_in_english_compiles_none_of_the_patterns_kept_for_other_scripts(tmp_path):
    guide = tmp_path / "units-4.yaml"
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "4", "-o", str(guide)], check=True,
                   capture_output=True)
    done = subprocess.run([sys.executable, "-c", PROGRAM, str(guide), str(tmp_path / "out")], capture_output=True,
                          text=True, encoding="utf-8", cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "[0, 0, 0, 0, 0] [True, True]"  # (the handout and the key, pages each)
    assert lines[1] == "True False (Fraction(1392, 1), '|년') None True False True"  # compiled when asked, as before
    assert lines[2] == "[1, 1, 1, 1]"
