"""Compare the crossword generator with an earlier one (issue 14): words kept, rows × cols, ms.

    python bench/crossword_compare.py              # against the generator of commit abfbff5 (before issue 14)
    python bench/crossword_compare.py --old REV    # against another commit's
    python bench/crossword_compare.py --rows       # every case, not only the summary and the exceptions

The corpus: the bundled guides, the frozen guide, tests/guides/*, and 36 term lists made from
bench/generate.py's words (4 to 40 terms; single nouns, two-word and three-word terms), each
under the crossword limits of classic letter, A4, compact, modern, large print (letter and A4)
and half-letter, as a build of the frozen guide asks for them. The new generator must keep at least as many words
as the old in every case; rows are reported where they grow. Not part of the test suite.
"""
from __future__ import annotations

import argparse
import glob
import json
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from studyguide import api, render  # noqa: E402
from studyguide.activities import crossword, seed_of  # noqa: E402

import generate  # noqa: E402

CONFIGS = [("classic", {}), ("A4", {"paper": "a4"}), ("compact", {"theme": "compact"}),
           ("modern", {"theme": "modern"}), ("large print", {"edition": "large-print"}),
           ("LP A4", {"edition": "large-print", "paper": "a4"}), ("half-letter", {"paper": "half-letter"})]
FROZEN = ROOT / "tests/cases/frozen/china-foreign-police-training-2026-12.yaml"


def old_module(rev: str) -> types.ModuleType:
    """The generator as it was at ``rev``, loaded beside the new one (same package, other name)."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:src/studyguide/activities/crossword.py"],
                            check=True, capture_output=True, text=True).stdout
    mod = types.ModuleType("studyguide.activities._crossword_old")
    mod.__package__ = "studyguide.activities"
    sys.modules[mod.__name__] = mod
    exec(compile(source, f"{rev}:crossword.py", "exec"), mod.__dict__)
    return mod


def limits() -> dict[str, dict]:
    """The crossword limits each paper/theme/edition's build asks for (its frame, not the bare page:
    modern's is narrower than page_limits() on the paper less the margins would say)."""
    guide = api.load(FROZEN)
    out = {}
    real = crossword.make
    for name, kw in CONFIGS:
        def spy(*args, _name=name, **lim):
            out[_name] = lim
            return real(*args, **lim)
        crossword.make = spy
        try:
            render.render(guide, paper=kw.get("paper"), theme=api.theme_for(guide, kw.get("theme"), kw.get("edition")))
        finally:
            crossword.make = real
    return out


def corpus() -> list[tuple[str, list[tuple[str, str]], str]]:
    """(name, (term, definition) pairs, seed) for every case."""
    cases = []
    paths = sorted(p for p in glob.glob(str(ROOT / "guides/*.yaml")) if not p.endswith("/studyguide.yaml")) + [str(FROZEN)] + sorted(glob.glob(str(ROOT / "tests/guides/*.yaml")))
    for path in paths:
        g = api.load(path)
        if len(g.vocabulary) >= 2:
            cases.append((Path(path).stem, [(t.term, t.definition) for t in g.vocabulary], seed_of(g, "crossword")))
    for n in range(36):
        r = generate.random.Random(1400 + n)
        text = generate.Text(r)
        count = 4 + (n * 36) // 35  # 4 … 40
        kind = n % 3  # single nouns, the generator's mix, three-word terms
        terms: list[str] = []
        while len(terms) < count:
            if kind == 0:
                t = text.pick(generate.NOUNS)
            elif kind == 1:
                t = text.term()
            else:
                t = f"{text.pick(generate.ADJECTIVES)} {text.pick(generate.NOUNS)} {text.pick(generate.NOUNS)}"
            if t not in terms:
                terms.append(t)
        cases.append((f"gen{n:02d} {('nouns', 'mixed', '3-word')[kind]} x{count}", [(t, f"about {t}") for t in terms], f"g{n}"))
    return cases


def run(module, pairs, seed, lim) -> tuple[int, int, int, float]:
    t0 = time.perf_counter()
    cw = module.make(pairs, seed, **lim)
    ms = (time.perf_counter() - t0) * 1000
    return len(cw.entries), cw.rows, cw.cols, ms


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", default="abfbff5", help="the commit whose generator is the baseline")
    ap.add_argument("--rows", action="store_true", help="print every case")
    ap.add_argument("--cache", help="a JSON file keeping the old generator's results between runs (it is slow)")
    args = ap.parse_args()
    old = old_module(args.old)
    cache = json.loads(Path(args.cache).read_text()) if args.cache and Path(args.cache).exists() else {}
    lims = limits()
    print("limits:", ", ".join(f"{k} {v['max_rows']}x{v['max_cols']}" for k, v in lims.items()))
    fewer, taller, shorter, more = [], [], [], []
    t_old = t_new = 0.0
    n = 0
    print("| case | paper/theme | old words | old rows×cols | old ms | new words | new rows×cols | new ms |")
    print("|---|---|---|---|---|---|---|---|")
    for name, pairs, seed in corpus():
        for conf, lim in lims.items():
            ck = f"{args.old} {name} {conf} {lim['max_rows']}x{lim['max_cols']}"
            a = cache[ck] = cache.get(ck) or run(old, pairs, seed, lim)
            b = run(crossword, pairs, seed, lim)
            n += 1
            t_old += a[3]
            t_new += b[3]
            row = f"| {name} | {conf} | {a[0]} | {a[1]}×{a[2]} | {a[3]:.0f} | {b[0]} | {b[1]}×{b[2]} | {b[3]:.0f} |"
            if args.rows or name.startswith("china-foreign-police-training-2026") or b[0] < a[0] or (b[0] == a[0] and b[1] > a[1]):
                print(row)
            (fewer if b[0] < a[0] else more if b[0] > a[0] else taller if b[1] > a[1] else shorter if b[1] < a[1] else []).append(row)
    if args.cache:
        Path(args.cache).write_text(json.dumps(cache))
    print(f"\n{n} cases: new keeps fewer words in {len(fewer)}, more in {len(more)}; with the same words, "
          f"more rows in {len(taller)}, fewer rows in {len(shorter)}, the same in {n - len(fewer) - len(more) - len(taller) - len(shorter)}")
    print(f"time: old {t_old:.0f} ms, new {t_new:.0f} ms in all (one run each)")
    guide = api.load(FROZEN)
    pairs = [(t.term, t.definition) for t in guide.vocabulary]
    for conf in ("classic", "modern"):
        for label, mod in (("old", old), ("new", crossword)):
            best = min(run(mod, pairs, seed_of(guide, "crossword"), lims[conf])[3] for _ in range(5))
            print(f"frozen guide, {conf}, {label}: best of 5 {best:.1f} ms")


if __name__ == "__main__":
    main()
