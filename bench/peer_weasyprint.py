"""A peer for context: the same handout as HTML + CSS, laid out by WeasyPrint.

Same content as bench/floor.py (the handout plus the key's explanation notes),
the same DejaVu Sans files, the same page size, margins and type sizes, and a
"title · Page X of Y" footer from CSS page counters. Used by bench/run.py only
when ``import weasyprint`` works in the running interpreter.

    python bench/peer_weasyprint.py guide.yaml out.pdf
"""
from __future__ import annotations

import html
import math
import re
import sys
from pathlib import Path

import yaml

FONT_DIR = Path(__file__).resolve().parent.parent / "src" / "studyguide" / "fonts"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
HEADINGS = {"summary": "Summary", "objectives": "Objectives", "topics": "Key Topics",
            "chart": "Benefits and Criticisms", "benefits": "Benefits", "criticisms": "Criticisms",
            "takeaways": "Key Takeaways", "vocabulary": "Vocabulary", "questions": "Questions"}
INSTRUCTIONS = {
    "multiple_choice": "Circle the letter of the best answer.",
    "select_all": "Circle the letter of every correct answer; there may be more than one.",
    "true_false": "Circle True or False.",
    "short_answer": "Answer in complete sentences on the lines.",
    "essay": "Write your answer on the lines. Support it with evidence from the reading.",
    "fill_in_blank": "Write the missing word or words in each blank.",
    "fill_in_blank_bank": "Write the missing word or words in each blank, choosing from the word bank.",
    "matching": "Write the letter of the matching item on the line beside each number.",
    "ordering": "Number the items in the boxes in the right order, 1 for the first.",
}
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])", re.S)


def md(text) -> str:
    out = html.escape(" ".join(str(text).split()), quote=False)
    if "*" in out:
        out = _ITALIC.sub(r"<i>\1</i>", _BOLD.sub(r"<b>\1</b>", out))
    return out


def css(title: str) -> str:
    faces = "".join(
        f"@font-face {{ font-family: DV; src: url('{(FONT_DIR / f).as_uri()}'); font-weight: {w}; font-style: {s}; }}\n"
        for f, w, s in (("DejaVuSans.ttf", 400, "normal"), ("DejaVuSans-Bold.ttf", 700, "normal"),
                        ("DejaVuSans-Oblique.ttf", 400, "italic"), ("DejaVuSans-BoldOblique.ttf", 700, "italic")))
    footer = title.replace("\\", "\\\\").replace('"', '\\"')
    return faces + f"""
@page {{ size: letter; margin: 0.7in 0.75in 0.9in 0.75in;
  @bottom-left {{ content: "{footer} · Page " counter(page) " of " counter(pages);
                 font: 8.5pt DV; color: #333; border-top: 0.4pt solid #333; width: 100%; vertical-align: top; padding-top: 3pt; }} }}
body {{ font: 10.5pt/14.5pt DV; margin: 0; }}
p {{ margin: 0 0 4pt 0; }}
h1 {{ font-size: 21pt; line-height: 25pt; margin: 0 0 2pt 0; }}
.sub {{ font-style: italic; font-size: 12.5pt; line-height: 16pt; }}
.meta, .cite {{ font-size: 9.5pt; line-height: 12.5pt; color: #333; }}
.cite {{ font-size: 8.5pt; line-height: 11.5pt; margin-top: 6pt; }}
.names {{ height: 0.42in; display: flex; align-items: flex-end; gap: 12pt; }}
.names span {{ border-bottom: 0.6pt solid #555; flex: 1; }}
h2 {{ font-size: 14pt; line-height: 18pt; margin: 14pt 0 6pt 0; break-after: avoid; }}
h3 {{ font-size: 11.5pt; line-height: 15pt; margin: 8pt 0 2pt 0; break-after: avoid; }}
ul, ol {{ margin: 0; padding-left: 16pt; }} li {{ margin-bottom: 2pt; }}
table {{ border-collapse: collapse; width: 100%; font-size: 9.5pt; line-height: 12.5pt; }}
td, th {{ vertical-align: top; text-align: left; padding: 4pt 5pt 5pt 5pt; border-bottom: 0.5pt solid #555; }}
thead th {{ background: #e6e6e6; border-bottom: 1pt solid black; font-size: 10pt; }}
tr {{ break-inside: avoid; }}
.ex {{ font-style: italic; color: #333; margin-top: 2pt; }}
.q {{ break-inside: avoid; margin-top: 12pt; padding-left: 0.36in; position: relative; }}
.q .n {{ position: absolute; left: 0; font-weight: bold; }}
.q .pts {{ float: right; font-size: 9.5pt; }}
.ins {{ font-style: italic; font-size: 9pt; line-height: 12pt; color: #333; margin-bottom: 4pt; }}
.ch {{ padding-left: 0.3in; text-indent: -0.3in; margin: 0; }}
.line {{ height: 0.34in; border-bottom: 0.6pt solid #555; }}
.bank {{ border: 0.8pt solid #555; padding: 5pt 8pt 6pt 8pt; font-size: 9.5pt; margin-top: 4pt; }}
.match td {{ border: none; padding: 3pt 6pt 3pt 2pt; font-size: 10.5pt; }}
.box {{ display: inline-block; width: 0.3in; height: 0.3in; border: 0.6pt solid black; vertical-align: middle; margin-right: 10pt; }}
.why {{ font-style: italic; font-size: 9.5pt; line-height: 12.5pt; color: #333; margin-top: 3pt; }}
u {{ text-decoration: underline; }}
"""


def question(n: int, q: dict) -> str:
    kind, notes, body = q["type"], [], []
    pts = q.get("points")
    prompt = md(q["prompt"])
    if kind == "fill_in_blank":
        answers = []

        def blank(m):
            alts = [a.strip() for a in m.group(1).split("|")]
            answers.append(alts[0])
            if len(alts) > 1:
                notes.append("<b>Also accept</b> " + ", ".join(f"“{md(a)}”" for a in alts[1:]) + f" for “{md(alts[0])}”.")
            return "<u>" + "&nbsp;" * math.ceil(max(len(alts[0]) * 1.25 * 2 + 5, 20)) + "</u>"

        prompt = re.sub(r"\[\[(.*?)\]\]", blank, prompt)
        if q.get("word_bank"):
            body.append('<div class="bank"><b>Word bank:</b>  ' + "   ·   ".join(md(w) for w in sorted(set(answers), key=str.casefold)) + "</div>")
            kind = "fill_in_blank_bank"
    if kind in ("multiple_choice", "select_all"):
        body += [f'<p class="ch">{LETTERS[i]}.&nbsp;&nbsp;&nbsp;{md(c)}</p>' for i, c in enumerate(q["choices"])]
    elif kind == "true_false":
        body.append('<p style="line-height:23pt">True&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;False</p>')
    elif kind in ("short_answer", "essay"):
        body += ['<div class="line"></div>'] * int(q.get("lines") or (3 if kind == "short_answer" else 12))
    elif kind == "matching":
        pairs = q["pairs"]
        rights = [p["right"] for p in pairs]
        rights = rights[1:] + rights[:1]
        rows = "".join(f"<tr><td>______</td><td>{i + 1}.</td><td>{md(p['left'])}</td><td><b>{LETTERS[i]}.</b></td>"
                       f"<td>{md(rights[i])}</td></tr>" for i, p in enumerate(pairs))
        body.append(f'<table class="match">{rows}</table>')
    elif kind == "ordering":
        items = q["items"]
        body += [f'<p><span class="box"></span>{md(x)}</p>' for x in items[1:] + items[:1]]
    if q.get("explanation"):
        notes.append("<b>Why:</b> " + md(q["explanation"]))
    if notes:
        body.append('<p class="why">' + "<br>".join(notes) + "</p>")
    pts_html = f'<span class="pts">({pts:g} pt{"" if pts == 1 else "s"})</span>' if pts is not None else ""
    return (f'<div class="q"><span class="n">{n}.</span>{pts_html}<p style="margin:0">{prompt}</p>'
            f'<p class="ins">{INSTRUCTIONS[kind]}</p>{"".join(body)}</div>')


def to_html(g: dict) -> str:
    H = dict(HEADINGS, **(g.get("headings") or {}))
    title = re.sub(r"\*+", "", str(g["title"]))
    out = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
           f"<style>{css(title)}</style></head><body>", f"<h1>{md(g['title'])}</h1>"]
    if g.get("subtitle"):
        out.append(f'<p class="sub">{md(g["subtitle"])}</p>')
    meta = [str(x) for x in (g.get("subject"), f"Grade {g['grade']}" if g.get("grade") else None, g.get("author")) if x]
    out.append(f'<p class="meta">{md("  ·  ".join(meta))}</p>')
    pts = [q["points"] for q in g.get("questions") or () if q.get("points") is not None]
    out.append('<div class="names">Name <span></span> Date <span></span> Period <span></span>'
               + (f"<b>Total: {sum(pts):g} points</b>" if pts else "") + "</div>")
    src = g.get("source")
    if isinstance(src, dict):
        parts = [md(src[k]) for k in ("author",) if src.get(k)]
        parts += [f"“{md(src['title'])}”"] if src.get("title") else []
        parts += [f"<i>{md(src['publisher'])}</i>"] if src.get("publisher") else []
        parts += [md(src["date"])] if src.get("date") else []
        out.append('<p class="cite"><b>Source:</b> ' + ", ".join(parts) + (f". {md(src['url'])}" if src.get("url") else "") + "</p>")
    if g.get("summary"):
        out.append(f"<h2>{md(H['summary'])}</h2>" + "".join(f"<p>{md(p)}</p>" for p in re.split(r"\n\s*\n", g["summary"]) if p.strip()))
    if g.get("objectives"):
        out.append(f"<h2>{md(H['objectives'])}</h2><ol>" + "".join(f"<li>{md(x)}</li>" for x in g["objectives"]) + "</ol>")
    if g.get("topics"):
        out.append(f"<h2>{md(H['topics'])}</h2>")
        for t in g["topics"]:
            out.append(f"<h3>{md(t['title'])}</h3>" + (f"<p>{md(t['summary'])}</p>" if t.get("summary") else ""))
            out.append("<ul>" + "".join(f"<li>{md(x)}</li>" for x in t.get("points") or ()) + "</ul>")

    def point(x):
        if x is None:
            return ""
        if isinstance(x, dict):
            return f"<b>{md(x['point'])}</b> — {md(x['detail'])}" if x.get("detail") else md(x["point"])
        return md(x)

    ben, cri = g.get("benefits") or [], g.get("criticisms") or []
    if ben and cri:
        rows = "".join(f"<tr><td>{point(ben[i] if i < len(ben) else None)}</td><td>{point(cri[i] if i < len(cri) else None)}</td></tr>"
                       for i in range(max(len(ben), len(cri))))
        out.append(f"<h2>{md(H['chart'])}</h2><table><thead><tr><th>{md(H['benefits'])}</th><th>{md(H['criticisms'])}</th></tr></thead>"
                   f"<tbody>{rows}</tbody></table>")
    if g.get("takeaways"):
        out.append(f"<h2>{md(H['takeaways'])}</h2><ul>" + "".join(f"<li>{md(x)}</li>" for x in g["takeaways"]) + "</ul>")
    if g.get("vocabulary"):
        rows = "".join(f"<tr><th>{md(t['term'])}</th><td>{md(t['definition'])}"
                       + (f'<div class="ex">{md(t["example"])}</div>' if t.get("example") else "") + "</td></tr>"
                       for t in g["vocabulary"])
        out.append(f"<h2>{md(H['vocabulary'])}</h2><table><colgroup><col style='width:27%'><col></colgroup>"
                   f"<thead><tr><th>Term</th><th>Meaning</th></tr></thead><tbody>{rows}</tbody></table>")
    if g.get("questions"):
        out.append(f"<h2>{md(H['questions'])}</h2>")
        out += [question(n, q) for n, q in enumerate(g["questions"], 1)]
    out.append("</body></html>")
    return "".join(out)


def render(path) -> tuple[bytes, int]:
    import weasyprint

    with open(path, "rb") as fh:
        g = yaml.load(fh, Loader=yaml.CSafeLoader)
    doc = weasyprint.HTML(string=to_html(g), base_url=str(Path(path).parent)).render()
    return doc.write_pdf(), len(doc.pages)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("usage: python bench/peer_weasyprint.py GUIDE.yaml OUT.pdf", file=sys.stderr)
        return 2
    pdf, pages = render(argv[0])
    Path(argv[1]).write_bytes(pdf)
    print(f"{argv[1]} ({pages} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
