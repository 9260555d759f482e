"""A seeded fuzzer for what teachers paste and import: mutated guides and mutated bank files.

It takes real guides (guides/, tests/cases/layout, tests/cases/trial) and files that studyguide's own
exporters make from them (Quizlet and Anki text, Moodle XML, QTI zips, Kahoot/Quizizz spreadsheets,
Blooket/Gimkit CSV) plus small GIFT and Aiken banks, changes them a little (lines deleted, doubled,
swapped or re-indented; odd characters inserted; values swapped for lists, maps, numbers, null, empty
text or huge numbers), and runs the CLI in this process on each: validate, check and build for a guide,
import (and validate on what it wrote) for a bank. A case is a finding when

  traceback   the output holds a traceback or 'internal error'
  partial     a failed command left files behind, or a build's file is missing or not a whole PDF
  unlocated   a line on stderr has no FILE:LINE: in front (the CLI's summary lines aside)
  echo        stderr repeats more than ECHO characters of the file in a row
  slow        one command took longer than SLOW seconds
  bad-import  import wrote a guide that validate refuses
  jargon      a message names a Python exception (ValueError, BadZipFile...) instead of saying what is wrong
  no-line     a message names the file but no line, for a file that has lines

The same --seed gives the same cases. Findings go to OUT/findings/NNNN-KIND/ (the input, and what the
command printed, in case.json); one line each is printed, and a summary at the end. See bench/README.md.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import shutil
import signal
import sys
import time
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = {"guides": REPO / "guides", "layout": REPO / "tests/cases/layout", "trial": REPO / "tests/cases/trial"}
LOCATED = re.compile(r"^[^:]+:\d+(:\d+)?: ")
SUMMARY = re.compile(r"^(failed: .+|\d+ of \d+ guides? failed)$")
JARGON = re.compile(r"\b(\w+Error|\w+Exception|BadZipFile|errno \d+)\b")  # Python's names, not a teacher's words
ECHO = 80  # characters of the file a message may quote in a row
SLOW = 20.0
LIMIT = 90.0  # a command still running after this is stopped (and is a 'slow' finding)

ODD = ["\t", "\u00a0", "\u200b", "\u200d", "\ufeff", "\u200f", "\u202e", "\u2066", "\u061c", "😀", "👩‍👩‍👧",
       "e\u0301\u0301\u0301", "\u0300", "\x00", "\x07", "\x1b[31m", "\x0c", "\x85", "\u2028", "\r", "\ud800",
       "\U0010ffff", "\ufffe", "²", "٣", "W" * 3000, "ﷺ", "ꦿ", "𝕏", "\\", '"', "'", "#", ": ", "- ", "{", "[", "&", "*a",
       "!!python/name:os.system", "%", "@", "`", "|", ">", "<b>", "]]>", "~", "="]
VALUES = ["[a, b]", "{x: 1}", "[]", "{}", "0", "-1", "1.5", "12345678901234567890", "1e308", ".nan", "null", "~",
          '""', "''", "true", "no", "2024-01-01", "!!binary aGk=", "&a x", "*a", "|", ">-", "-", "[[[[[[]]]]]]",
          "\"\\uD800\"", "999999999", "0x10", "'" + "x" * 5000 + "'"]
HUGE_KEYS = ["lines", "versions", "points", "copies", "extra_lines", "columns", "size", "rows", "answer"]


# -- mutations ---------------------------------------------------------------------------------------

def mutate_text(rng: random.Random, text: str, n: int) -> tuple[str, list[str]]:
    """``text`` with ``n`` random edits, and a short name for each."""
    lines = text.split("\n")
    done = []
    for _ in range(n):
        i = rng.randrange(len(lines)) if lines else 0
        op = rng.choice(["delete", "duplicate", "swap", "indent", "dedent", "tab-indent", "odd", "odd", "odd",
                         "value", "value", "value", "huge", "empty", "long-word", "truncate"])
        if not lines:
            lines = [""]
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = " " * rng.choice([1, 2, 4]) + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][rng.choice([1, 2]):] if lines[i].startswith(" ") else lines[i]
        elif op == "tab-indent":
            lines[i] = re.sub(r"^ +", "\t", lines[i])
        elif op in ("odd", "long-word"):
            odd = "Pneumonoultramicroscopic" * rng.choice([4, 40, 400]) if op == "long-word" else rng.choice(ODD)
            k = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + odd + lines[i][k:]
            op = f"{op} {odd[:12]!r}"
        elif op in ("value", "huge", "empty"):
            keyed = [j for j, ln in enumerate(lines) if re.match(r"^\s*(- )?[\w ]+:( |$)", ln)]
            if keyed:
                i = rng.choice(keyed)
                if op == "huge":
                    key = rng.choice(HUGE_KEYS)
                    lines[i] = re.sub(r"^(\s*(- )?)[\w ]+:.*", rf"\g<1>{key}: {rng.choice(['10**9', '99999999999', '-5', '0', '1e9', '26', '27', '1000000'])}", lines[i])
                    lines[i] = lines[i].replace("10**9", "1000000000")
                    op = f"huge {key}"
                else:
                    value = '""' if op == "empty" else rng.choice(VALUES)
                    lines[i] = re.sub(r"^(\s*(- )?[\w ]+:).*", lambda m: f"{m.group(1)} {value}", lines[i])
                    op = f"{op} {value[:12]!r}"
        elif op == "truncate":
            k = rng.randrange(len(text) + 1)
            lines = text[:k].split("\n")
        done.append(op)
    return "\n".join(lines), done


def mutate_xml(rng: random.Random, text: str, n: int) -> tuple[str, list[str]]:
    """XML: edits inside element text, elements doubled or dropped, attributes changed, then line edits."""
    done = []
    for _ in range(n):
        op = rng.choice(["text", "text", "drop", "double", "attr", "lines"])
        spans = [m for m in re.finditer(r">([^<]{1,400})<", text)]
        if op == "text" and spans:
            m = rng.choice(spans)
            new = rng.choice(ODD + VALUES + ["", "x" * 20000, "&amp;&lt;", "&bogus;", "<![CDATA[x]]>"])
            text = text[:m.start(1)] + (new if rng.random() < .5 else m.group(1) + new) + text[m.end(1):]
            done.append(f"xml-text {new[:12]!r}")
        elif op in ("drop", "double"):
            elems = list(re.finditer(r"<(\w+)[^>]*>[^<]*</\1>", text))
            if elems:
                m = rng.choice(elems)
                text = text[:m.start()] + ("" if op == "drop" else m.group(0) * 2) + text[m.end():]
                done.append(f"xml-{op} <{m.group(1)}>")
        elif op == "attr":
            attrs = list(re.finditer(r'(\w+)="([^"]*)"', text))
            if attrs:
                m = rng.choice(attrs)
                new = rng.choice(["", "-1", "100000000000", "abc", "1e309", "nan", "50.5", "0"])
                text = text[:m.start(2)] + new + text[m.end(2):]
                done.append(f"xml-attr {m.group(1)}={new!r}")
        else:
            text, more = mutate_text(rng, text, 1)
            done += more
    return text, done


def mutate_bytes(rng: random.Random, data: bytes) -> tuple[bytes, list[str]]:
    op = rng.choice(["truncate", "flip", "zero"])
    k = rng.randrange(len(data) + 1)
    if op == "truncate":
        return data[:k], [f"truncate at {k}"]
    if op == "flip" and data:
        k = min(k, len(data) - 1)
        return data[:k] + bytes([data[k] ^ 0xFF]) + data[k + 1:], [f"flip byte {k}"]
    return data[:k] + b"\0" * 64 + data[k + 64:], [f"zero 64 bytes at {k}"]


def mutate_zip(rng: random.Random, data: bytes, n: int) -> tuple[bytes, list[str]]:
    if rng.random() < 0.15:
        return mutate_bytes(rng, data)
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    texts = [nm for nm in names if nm.endswith((".xml", ".rels", ".qti", ".html"))]
    victim = rng.choice([nm for nm in texts if "sharedStrings" in nm or "sheet" in nm or "quiz" in nm.lower()
                         or nm.endswith(".xml")] or texts or names)
    out = io.BytesIO()
    done = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for nm in names:
            body = src.read(nm)
            if nm == victim:
                if rng.random() < 0.1:
                    done.append(f"drop member {nm}")
                    continue
                text, done = mutate_xml(rng, body.decode("utf-8", "replace"), n)
                body = text.encode("utf-8", "surrogatepass")
                done = [f"{nm}: {d}" for d in done]
            dst.writestr(nm, body)
    return out.getvalue(), done


# -- running the CLI in this process -----------------------------------------------------------------

class Timeout(Exception):
    pass


def cli(args: list[str], cwd: Path) -> dict:
    from studyguide.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = Path.cwd()
    os.chdir(cwd)

    def alarm(signum, frame):
        raise Timeout()

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, LIMIT)
    start = time.perf_counter()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                main(args)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except Timeout:
                code = "timeout"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        os.chdir(old)
    return {"args": args, "code": code, "out": out.getvalue(), "err": err.getvalue(),
            "seconds": round(time.perf_counter() - start, 2)}


def echoed(err: str, source: str, names: list[str]) -> str:
    """The first run of more than ECHO characters of ``source`` that ``err`` repeats ('' if none)."""
    for name in names:
        err = err.replace(name, "")
    for line in err.splitlines():
        for k in range(0, max(0, len(line) - ECHO), ECHO // 2):
            piece = line[k:k + ECHO + 1]
            if len(piece) > ECHO and piece in source:
                return piece
    return ""


def judge(run: dict, source: str, names: list[str], outdir: Path | None = None, lineless: bool = False) -> list[str]:
    """What is wrong with one command's run (empty when nothing). ``lineless``: the file has no lines (a zip),
    so FILE: alone is its location."""
    kinds = []
    text = run["out"] + run["err"]
    if "Traceback" in text or "internal error" in text:
        kinds.append("traceback")
    if run["code"] == "timeout" or run["seconds"] > SLOW:
        kinds.append("slow")
    lines = [ln for ln in run["err"].splitlines() if ln.strip() and not SUMMARY.match(ln)]
    if any(not LOCATED.match(ln) for ln in lines) and "traceback" not in kinds:
        whole = [ln for ln in lines if not LOCATED.match(ln) and any(ln.startswith(f"{n}: ") for n in names)]
        if len(whole) < len([ln for ln in lines if not LOCATED.match(ln)]):
            kinds.append("unlocated")
        elif not lineless:
            kinds.append("no-line")
    if JARGON.search(run["err"]) and "traceback" not in kinds:
        kinds.append("jargon")
    if echoed(run["err"], source, names):
        kinds.append("echo")
    if outdir is not None:
        made = sorted(p for p in outdir.rglob("*") if p.is_file()) if outdir.exists() else []
        if run["code"] != 0 and made:
            kinds.append("partial")
        elif run["code"] == 0:
            pdfs = [p for p in made if p.suffix == ".pdf"]
            stray = [p for p in made if p.suffix != ".pdf"]
            if not pdfs or stray or any(not p.read_bytes().rstrip().endswith(b"%%EOF") for p in pdfs):
                kinds.append("partial")
    return kinds


# -- the cases ---------------------------------------------------------------------------------------

GIFT = """// a small GIFT bank
::Q1:: What is 2+2? {=4 ~3 ~5}
::Q2:: The sun is a star. {T}
::Q3:: Name the largest planet. {=Jupiter =jupiter}
::Q4:: Match these. {=cat -> meow =dog -> woof =cow -> moo}
::Q5:: Pi to two places {#3.14:0.01}
"""
AIKEN = """What is the capital of France?
A. Paris
B. Rome
C. Madrid
ANSWER: A

1. Which is a mammal?
a) Shark
b) Whale
Answer: b
"""
EXPORTS = {"quizlet": ".txt", "anki": ".txt", "moodle": ".xml", "qti": ".zip", "kahoot": ".xlsx",
           "quizizz": ".xlsx", "blooket": ".csv", "gimkit": ".csv"}


def make_arena(work: Path) -> tuple[list[Path], list[Path]]:
    """Copies of the corpora (with their pictures) and bank files exported from them, under ``work``."""
    arena = work / "arena"
    if arena.exists():
        shutil.rmtree(arena)
    shutil.copytree(REPO / "assets", arena / "assets")
    guides = []
    for name, folder in CORPORA.items():
        shutil.copytree(folder, arena / name, ignore=shutil.ignore_patterns("*.md"))
        guides += sorted((arena / name).glob("*.yaml"))
    banks = arena / "banks"
    banks.mkdir()
    (banks / "bank.gift").write_text(GIFT, encoding="utf-8")
    (banks / "bank-aiken.txt").write_text(AIKEN, encoding="utf-8")
    for fmt in EXPORTS:
        for guide in guides[:: max(1, len(guides) // 4)]:
            tmp = work / "export-tmp"
            cli(["export", str(guide), "--to", fmt, "-o", str(tmp)], arena)
            for made in sorted(tmp.rglob("*")) if tmp.exists() else []:
                if made.is_file() and made.suffix in (".txt", ".xml", ".zip", ".xlsx", ".csv"):
                    shutil.move(str(made), banks / f"{fmt}-{guide.stem}-{made.name}")
            shutil.rmtree(tmp, ignore_errors=True)
    return guides, sorted(banks.iterdir())


OPTIONS = [["--edition", "large-print"], ["--edition", "fillable"], ["--edition", "readable"], ["--versions", "2"],
           ["--format", "quiz"], ["--format", "exit-ticket"], ["--format", "cornell"], ["--paper", "a5"],
           ["--class-set", "--copies", "3"], ["--theme", "compact"]]  # what check and build are given now and then


def guide_case(rng: random.Random, guide: Path, arena: Path, work: Path, cmds: list[str],
               options: float = 0.0) -> tuple[list, str, bytes]:
    text, ops = mutate_text(rng, guide.read_text(encoding="utf-8"), rng.choice([1, 1, 2, 3, 5]))
    data = text.encode("utf-8", "surrogatepass")
    mutant = guide.parent / f"fz-{guide.name}"
    mutant.write_bytes(data)
    names = [str(mutant), mutant.name, str(mutant.relative_to(arena))]
    rel = str(mutant.relative_to(arena))
    extra = rng.choice(OPTIONS) if options and rng.random() < options else []  # (no draw at 0: seeds as before)
    found = []
    try:
        for cmd in cmds:
            out = work / "out"
            shutil.rmtree(out, ignore_errors=True)
            args = [cmd, rel] + (["-o", str(out), "-j", "1"] if cmd == "build" else [])
            if cmd in ("check", "build") and extra:
                args += extra
            run = cli(args, arena)
            kinds = judge(run, text, names, out if cmd == "build" else None)
            if kinds:
                found.append((kinds, run))
            if cmd == "validate" and run["code"] != 0 and rng.random() < 0.7:
                break  # a refused guide: build says the same (checked now and then)
    finally:
        mutant.unlink()
    return found, " / ".join(ops), data


def bank_case(rng: random.Random, bank: Path, arena: Path, work: Path) -> tuple[list, str, bytes]:
    data = bank.read_bytes()
    n = rng.choice([1, 1, 2, 3])
    if bank.suffix in (".zip", ".xlsx"):
        data, ops = mutate_zip(rng, data, n)
        try:
            source = "\n".join(zipfile.ZipFile(io.BytesIO(data)).read(nm).decode("utf-8", "replace")
                               for nm in zipfile.ZipFile(io.BytesIO(data)).namelist())
        except Exception:  # noqa: BLE001  (a damaged zip: its bytes are the source)
            source = data.decode("latin-1")
    elif rng.random() < 0.05:
        data, ops = mutate_bytes(rng, data)
        source = data.decode("utf-8", "replace")
    else:
        mutate = mutate_xml if bank.suffix == ".xml" else mutate_text
        source, ops = mutate(rng, data.decode("utf-8"), n)
        data = source.encode("utf-8", "surrogatepass")
    mutant = bank.parent / f"fz-{bank.name}"
    mutant.write_bytes(data)
    made = work / "imported"
    shutil.rmtree(made, ignore_errors=True)
    made.mkdir()
    target = made / "guide.yaml"
    rel = str(mutant.relative_to(arena))
    found = []
    try:
        run = cli(["import", rel, "-o", str(target)], arena)
        kinds = judge(run, source, [str(mutant), mutant.name, rel], lineless=bank.suffix in (".zip", ".xlsx"))
        if run["code"] != 0 and any(made.iterdir()):
            kinds.append("partial")
        if kinds:
            found.append((kinds, run))
        if run["code"] == 0 and target.exists():
            check = cli(["validate", str(target)], arena)
            if check["code"] != 0:
                found.append((["bad-import"], check))
    finally:
        mutant.unlink()
    return found, " / ".join(ops), data


def signature(kinds: list[str], run: dict) -> str:
    first = next((ln for ln in run["err"].splitlines() if "internal error" in ln or "Traceback" in ln), "")
    if not first:
        first = next((ln for ln in run["err"].splitlines() if ln.strip()), "")
        first = first.split(": ", 1)[-1] if LOCATED.match(first) else first
    first = re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "_", first)[:90]
    return f"{','.join(kinds)}|{run['args'][0]}|{first}"


def replay(folders: list[Path]) -> int:
    """Each finding's command again, in a fresh arena (a copy of the folder its file was made from);
    1 if any still fails."""
    import tempfile

    bad = 0
    for folder in folders:
        case = json.loads((folder / "case.json").read_text())
        source = Path(case["source"])
        with tempfile.TemporaryDirectory() as tmp:
            arena = Path(tmp) / "arena"
            shutil.copytree(REPO / "assets", arena / "assets")
            shutil.copytree(source.parent, arena / source.parent.name,
                            ignore=shutil.ignore_patterns("fz-*"))
            mutant = arena / source.parent.name / f"fz-{source.name}"
            shutil.copyfile(folder / mutant.name, mutant)
            out = Path(tmp) / "out"
            args = [str(out) if a.endswith("/out") else str(Path(tmp) / "imported" / "guide.yaml")
                    if a.endswith("imported/guide.yaml") else a for a in case["args"]]
            (Path(tmp) / "imported").mkdir()
            run = cli(args, arena)
            rel = str(mutant.relative_to(arena))
            kinds = judge(run, mutant.read_bytes().decode("utf-8", "replace"), [str(mutant), mutant.name, rel],
                          out if args[0] == "build" else None, lineless=source.suffix in (".zip", ".xlsx"))
        bad += bool(kinds)
        print(f"{folder.name}: {','.join(kinds) or 'fine'} (exit {run['code']})")
        for line in run["err"].splitlines()[:3]:
            print("   ", line[:240])
    return 1 if bad else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cases", type=int, default=1000, help="cases to run (default 1000)")
    ap.add_argument("--minutes", type=float, default=None, help="stop after this long, whatever --cases says")
    ap.add_argument("--banks", type=float, default=0.4, help="share of cases that are bank files (default 0.4)")
    ap.add_argument("--build", type=float, default=0.35,
                    help="share of guide cases also checked and built (default 0.35; validate runs on all)")
    ap.add_argument("--options", type=float, default=0.0,
                    help="share of checks and builds also given an option (an edition, versions, a format...; "
                         "default 0, as the round of 2026-12-05 ran)")
    ap.add_argument("-o", "--out", type=Path, default=Path("/tmp/studyguide-fuzz"))
    ap.add_argument("--replay", nargs="+", type=Path, metavar="FINDING",
                    help="run the command of each finding folder again (on this checkout's code) and judge it")
    ns = ap.parse_args(argv)
    if ns.replay:
        return replay(ns.replay)
    work = ns.out.resolve()
    work.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(work / "findings", ignore_errors=True)
    guides, banks = make_arena(work)
    arena = work / "arena"
    rng = random.Random(ns.seed)
    seen: dict[str, int] = {}
    count, start = 0, time.monotonic()
    stats = {"guide": 0, "bank": 0, "findings": 0}
    for case in range(ns.cases):
        if ns.minutes and time.monotonic() - start > ns.minutes * 60:
            break
        crng = random.Random(f"{ns.seed}-{case}")  # each case repeatable on its own (--seed S --only N)
        if crng.random() < ns.banks:
            source = crng.choice(banks)
            found, ops, data = bank_case(crng, source, arena, work)
            stats["bank"] += 1
        else:
            source = crng.choice(guides)
            cmds = ["validate", "check", "build"] if crng.random() < ns.build else ["validate"]
            found, ops, data = guide_case(crng, source, arena, work, cmds, ns.options)
            stats["guide"] += 1
        count += 1
        for kinds, run in found:
            sig = signature(kinds, run)
            seen[sig] = seen.get(sig, 0) + 1
            if seen[sig] > 1:
                continue
            stats["findings"] += 1
            folder = work / "findings" / f"{case:05d}-{kinds[0]}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"fz-{source.name}").write_bytes(data)
            (folder / "case.json").write_text(json.dumps({"seed": ns.seed, "case": case, "source": str(source),
                                                          "ops": ops, "kinds": kinds, **run}, indent=1))
            print(f"case {case}: {','.join(kinds)} in {run['args'][0]} of {source.name} ({ops[:80]}): "
                  f"{(run['err'].strip().splitlines() or [''])[-1][:160]}", flush=True)
        rng.random()
    elapsed = time.monotonic() - start
    print(f"{count} cases ({stats['guide']} guides, {stats['bank']} banks) in {elapsed / 60:.1f} min; "
          f"{stats['findings']} distinct findings ({sum(seen.values())} in all) in {work / 'findings'}")
    for sig, n in sorted(seen.items(), key=lambda kv: -kv[1]):
        print(f"  {n:5d}  {sig}")
    return 1 if seen else 0


if __name__ == "__main__":
    sys.exit(main())
