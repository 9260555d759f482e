"""Seeded generator of benchmark guides: N "units" of English-like text, valid studyguide YAML.

A unit is one topic (a summary and 3 points), two benefits, two criticisms, five
vocabulary terms and six questions. The six questions cycle through
multiple_choice, true_false, short_answer, fill_in_blank, matching, and a sixth
slot that rotates select_all → ordering → essay from one unit to the next, so
every one of the eight question types appears in any guide of three units or more.

The same (units, seed) always gives the same bytes, on any machine.

    python bench/generate.py 4 -o guide-4.yaml            # one guide of 4 units
    python bench/generate.py 4 --count 100 -o batch/      # 100 four-unit guides (seeds seed..seed+99)
    python bench/generate.py --sizes 1 4 50 166 -o dir/   # units-1.yaml ... units-166.yaml

LARGEST (166 units) is the most the format's limits allow: 996 questions, one
list that may hold at most 1,000 items; 830 terms; about 660 KB, under the 1 MB a
file may have. The benchmark's largest size is that one (see bench/README.md).
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import yaml

# --------------------------------------------------------------------------- words
NOUNS = """
river forest village market teacher student council harbor mountain valley farmer merchant
climate rainfall harvest factory railway bridge library museum treaty empire colony citizen
government election senate court law budget tax trade tariff export import currency bank
energy carbon oxygen nitrogen cell membrane protein enzyme organism species habitat predator
prey population community ecosystem wetland glacier volcano earthquake continent ocean current
island desert canyon plateau delta estuary soil mineral fossil rock layer crystal magnet
circuit battery engine turbine machine telescope microscope experiment hypothesis theory
evidence sample measurement variable graph model pattern signal network archive manuscript
newspaper pamphlet speech debate argument source author reader audience neighborhood city
province region border frontier settlement migration journey voyage expedition explorer
reform movement protest union worker wage contract industry supply demand price consumer
producer resource scarcity surplus policy program agency committee report survey census
vaccine disease hospital nurse doctor medicine diet nutrient vitamin muscle bone nerve brain
""".split()

ADJECTIVES = """
ancient modern rural urban coastal northern southern eastern western local national global
early late rapid gradual steady sudden gentle severe narrow broad shallow deep dense sparse
fertile barren humid arid tropical temperate frozen volcanic sedimentary organic chemical
physical economic political social cultural religious civic public private formal informal
independent dependent reliable uncertain careful bold cautious fair unequal stable fragile
common rare visible hidden primary secondary central remote efficient costly renewable
traditional experimental major minor complex simple similar distinct constant variable
""".split()

VERBS = """
explains shows changes supports reduces increases protects limits shapes controls affects
records measures describes compares connects divides shares builds moves carries stores
releases absorbs produces transforms predicts challenges questions defends replaces follows
""".split()

VERBS_BASE = """
explain describe compare predict identify summarize evaluate trace classify argue justify
""".split()

ADVERBS = "slowly quickly often rarely usually sometimes clearly directly carefully widely".split()
PREPS = "in across from toward within beyond under over through between near along".split()
DETS = "the a each every this that".split()
CONNECT = ["because", "although", "while", "since", "so that", "even though", "whereas", "unless"]
NAMES = ["Rivera", "Okafor", "Nguyen", "Schmidt", "Haddad", "Kowalski", "Tanaka", "Dubois", "Mensah",
         "Lindqvist", "Moreau", "Castillo", "Brennan", "Ivanova", "Sato", "Adeyemi"]
SUBJECTS = ["Earth Science", "World History", "Civics", "Biology", "Economics", "Geography",
            "Chemistry", "Current Events", "Environmental Science", "U.S. History"]
# a few characters beyond ASCII that the bundled DejaVu family covers (no fallback font is needed)
FLOURISH = ["—", "–", "“", "”", "’", "é", "°", "≈", "→", "²", "₂"]


class Text:
    """English-like text from word lists, all drawn from one seeded random stream."""

    def __init__(self, rng: random.Random):
        self.r = rng

    def pick(self, words):
        return self.r.choice(words)

    def phrase(self) -> str:
        adj = f"{self.pick(ADJECTIVES)} " if self.r.random() < 0.6 else ""
        det, rest = self.pick(DETS), f"{adj}{self.pick(NOUNS)}"
        if det == "a" and rest[0] in "aeiou":
            det = "an"
        return f"{det} {rest}"

    def clause(self) -> str:
        adv = f" {self.pick(ADVERBS)}" if self.r.random() < 0.25 else ""
        tail = f" {self.pick(PREPS)} {self.phrase()}" if self.r.random() < 0.7 else ""
        return f"{self.phrase()}{adv} {self.pick(VERBS)} {self.phrase()}{tail}"

    def sentence(self, low: int = 1, high: int = 3, emphasis: float = 0.08) -> str:
        parts = [self.clause()]
        for _ in range(self.r.randint(low, high) - 1):
            parts.append(f"{self.pick(CONNECT)} {self.clause()}")
        words = " ".join(parts).split()
        if self.r.random() < emphasis and len(words) > 4:  # **bold** or *italic* on one word
            i = self.r.randrange(1, len(words))
            words[i] = f"**{words[i]}**" if self.r.random() < 0.5 else f"*{words[i]}*"
        if self.r.random() < 0.12 and len(words) > 3:  # a dash aside, a curly quote, a unit
            i = self.r.randrange(1, len(words))
            words.insert(i, self.pick(FLOURISH))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def sentences(self, low: int, high: int) -> str:
        return " ".join(self.sentence() for _ in range(self.r.randint(low, high)))

    def short(self, low: int = 2, high: int = 6) -> str:
        """A short phrase (a choice, a benefit's title), without a full stop."""
        words = [self.pick(ADJECTIVES if i % 2 == 0 else NOUNS) for i in range(self.r.randint(low, high))]
        words.insert(self.r.randint(1, len(words)), self.pick(PREPS))
        text = " ".join(words)
        return text[0].upper() + text[1:]

    def title(self, words: int = 3) -> str:
        picked = [self.pick(ADJECTIVES), *(self.pick(NOUNS) for _ in range(words - 1))]
        return " ".join(w.capitalize() for w in picked)

    def term(self) -> str:
        if self.r.random() < 0.5:
            return self.pick(NOUNS)
        return f"{self.pick(ADJECTIVES)} {self.pick(NOUNS)}"

    def question(self) -> str:
        return f"{self.pick(['Why', 'How', 'Which', 'What'])} {self.clause()}?"


# --------------------------------------------------------------------------- questions
SIXTH = ("select_all", "ordering", "essay")


def _choices(t: Text, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        c = t.short(1, 5)
        if c not in out:
            out.append(c)
    return out


def question(t: Text, kind: str) -> dict:
    r = t.r
    q: dict = {"type": kind}
    if kind == "multiple_choice":
        choices = _choices(t, r.randint(3, 5))
        q.update(prompt=t.question(), choices=choices, answer="ABCDE"[r.randrange(len(choices))], points=1)
    elif kind == "select_all":
        choices = _choices(t, r.randint(4, 5))
        right = sorted(r.sample(range(len(choices)), 2))
        q.update(prompt=f"Which of these {t.pick(VERBS)} {t.phrase()}? Choose every correct answer.",
                 choices=choices, answer=["ABCDE"[i] for i in right], points=2)
    elif kind == "true_false":
        q.update(prompt=t.sentence(1, 2), answer=r.random() < 0.5, points=1)
    elif kind == "short_answer":
        q.update(prompt=f"{t.pick(VERBS_BASE).capitalize()} how {t.clause()}.", answer=t.sentence(1, 2),
                 lines=r.randint(2, 4), points=2)
    elif kind == "essay":
        notes = t.sentence(1, 2)
        q.update(prompt=f"{t.pick(VERBS_BASE).capitalize()} whether {t.clause()}. {t.sentence(1, 2)}",
                 answer="Look for " + notes[0].lower() + notes[1:],
                 lines=r.randint(6, 10), points=6)
    elif kind == "fill_in_blank":
        words = t.sentence(2, 3, emphasis=0).rstrip(".").split()
        spots = sorted(r.sample(range(1, len(words)), min(2, len(words) - 1)))
        for n, i in enumerate(spots):
            word = words[i].strip(",;")
            alt = f"|{t.pick(NOUNS)}" if n == 0 and r.random() < 0.3 else ""
            words[i] = f"[[{word}{alt}]]"
        q.update(prompt=" ".join(words) + ".", points=len(spots))
        if r.random() < 0.5:
            q["word_bank"] = True
    elif kind == "matching":
        lefts: list[str] = []
        count = r.randint(3, 5)
        while len(lefts) < count:
            term = t.term()
            if term not in lefts:
                lefts.append(term)
        q.update(prompt="Match each term with its meaning.",
                 pairs=[{"left": left, "right": t.short(3, 7)} for left in lefts], points=len(lefts))
    elif kind == "ordering":
        q.update(prompt=f"Put the steps of {t.phrase()} in order, starting with the first.",
                 items=[t.sentence(1, 1, emphasis=0) for _ in range(r.randint(3, 5))], points=2)
    else:
        raise ValueError(kind)
    if r.random() < 0.45:
        q["explanation"] = t.sentence(1, 2)
    return q


# --------------------------------------------------------------------------- guide
def guide(units: int, seed: int = 1) -> dict:
    """The guide of ``units`` units for ``seed``, as plain data (dump it with :func:`dump`)."""
    rng = random.Random(f"studyguide-bench/{seed}/{units}")
    t = Text(rng)
    g: dict = {
        "title": f"{t.title(3)}: a {units}-unit study guide",
        "subtitle": t.sentence(1, 1, emphasis=0).rstrip("."),
        "subject": t.pick(SUBJECTS),
        "grade": rng.choice(["6–8", "9–10", "9–12", "11–12"]),
        "author": f"Ms. {t.pick(NAMES)}",
        "source": {"title": t.title(4), "author": f"{t.pick('ABCDEJKLMS')}. {t.pick(NAMES)}",
                   "publisher": f"The {t.title(2)} Review", "date": f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                   "url": f"https://example.org/{t.pick(NOUNS)}-{t.pick(NOUNS)}"},
        "summary": "\n\n".join(t.sentences(3, 5) for _ in range(2)) + "\n",
        "objectives": [f"{t.pick(VERBS_BASE).capitalize()} how {t.clause()}." for _ in range(3)],
        "topics": [], "benefits": [], "criticisms": [],
        "takeaways": [t.sentence(1, 2) for _ in range(3)],
        "vocabulary": [], "questions": [],
    }
    used: set[str] = set()  # (a term given twice is an error: each term is drawn until it is new)
    for unit in range(units):
        g["topics"].append({"title": t.title(rng.randint(2, 4)), "summary": t.sentences(1, 3),
                            "points": [t.sentence(1, 2) for _ in range(3)]})
        for side in ("benefits", "criticisms"):
            for _ in range(2):
                if rng.random() < 0.5:
                    g[side].append({"point": t.short(2, 4), "detail": t.sentence(1, 2, emphasis=0)})
                else:
                    g[side].append(t.sentence(1, 2))
        for _ in range(5):
            term = {"term": _unused(t, used), "definition": t.sentence(1, 2)}
            if rng.random() < 0.6:
                term["example"] = t.sentence(1, 1)
            g["vocabulary"].append(term)
        kinds = ("multiple_choice", "true_false", "short_answer", "fill_in_blank", "matching", SIXTH[unit % 3])
        g["questions"] += [question(t, k) for k in kinds]
    return g


def _unused(t, used: set[str]) -> str:
    """A term not drawn before in this guide (in any capitals); past 50 draws, the last with a number."""
    for _ in range(50):
        term = t.term()
        if term.lower() not in used:
            break
    else:
        term = f"{term} {len(used) + 1}"
    used.add(term.lower())
    return term


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    pass


def _str(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)


def write(path: Path, units: int, seed: int = 1) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = f"# generated by bench/generate.py: {units} units, seed {seed}\n" + dump(guide(units, seed))
    path.write_text(text, encoding="utf-8")
    return path


LARGEST = 1_000 // 6  # units: six questions each, and a list may hold at most 1,000 items (reading.walker)


def write_sizes(folder: Path, sizes=(1, 4, 50, LARGEST), seed: int = 1) -> dict[int, Path]:
    return {n: write(Path(folder) / f"units-{n}.yaml", n, seed) for n in sizes}


def write_batch(folder: Path, count: int = 100, units: int = 4, seed: int = 1) -> list[Path]:
    return [write(Path(folder) / f"batch-{i:03d}.yaml", units, seed + i) for i in range(count)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("units", nargs="?", type=int, default=4, help="units in the guide (default 4)")
    ap.add_argument("-o", "--out", required=True, help="file to write, or a folder with --count / --sizes")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, help="write this many guides (seeds seed, seed+1, ...) into the folder --out")
    ap.add_argument("--sizes", type=int, nargs="+", help="write units-N.yaml for each N into the folder --out")
    a = ap.parse_args(argv)
    if a.sizes:
        for n, p in write_sizes(Path(a.out), a.sizes, a.seed).items():
            print(f"{p} ({n} units, {p.stat().st_size:,} bytes)")
    elif a.count:
        paths = write_batch(Path(a.out), a.count, a.units, a.seed)
        print(f"{len(paths)} guides of {a.units} units in {a.out}")
    else:
        p = write(Path(a.out), a.units, a.seed)
        print(f"{p} ({a.units} units, {p.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
