"""Chinese and Japanese lines break between characters with no mark (trial r12 finding 1: since the long-word cutter,
a run of CJK text, which has no spaces, was cut as one over-long word and every wrapped line ended in a hyphen,
"1-／867年", "以-／上"). Read back line by line from the PDFs: no hyphen the source lacks, no number or Latin word
cut, no line starting with a closing mark or ending with an opening one."""
from __future__ import annotations

import re

import pytest

from conftest import Pdf, build_into, cli_main, write_guide
from studyguide.classroom import SetOptions, build_set
from studyguide import wordbreaks
from studyguide.theming import fonts

JA = """
    title: 明治維新
    language: ja
    paper: {paper}
    summary: |
      明治維新は、江戸幕府が終わり、天皇を中心とする新しい政府ができた大きな変化です（1853年〜1889年ごろ）。政府は「富国強兵」をめざして、学校、軍隊、税、交通を新しくしました。1871年、政府は藩をなくして、全国に県を置きました（廃藩置県）。1872年には学制ができ、子どもたちはみんな小学校に通うことになりました。1873年には徴兵令で二十歳の男子が軍隊に入るようになり、地租改正で税はお米ではなくお金で払うことになりました。アメリカのPerryはSusquehannaという船で来ました。1877年の西南戦争では、西郷隆盛が政府軍と戦って負けました。「広く会議を開き、大切なことはみんなで話し合って決める」という方針です。
    questions:
      - type: short_answer
        prompt: 明治維新で、得をしたのはだれですか。損をしたのはだれですか。本文から二つ以上の例を挙げて、あなたの考えを書きなさい。
        answer: 得をしたのは新しい政府や商人で、損をしたのは仕事と刀を失った士族です。1876年の廃刀令で刀を持てなくなりました。
    """

ZH = """
    title: 水的循环
    language: zh
    paper: {paper}
    summary: |
      太阳把海洋、湖泊和河流里的水晒热，水就会蒸发，变成看不见的水蒸气。水蒸气升到高空，遇冷凝结成小水滴，小水滴聚在一起就成了云。云里的水滴越来越大，就会变成雨或雪落下来（大约每年落下505000立方千米的水）。雨水流进河里，最后又回到海洋，这就是“水的循环”。植物的根也会把水带回空气里，叫做蒸腾作用（transpiration）。
    """

KO = """
    title: 물의 순환
    language: ko
    paper: {paper}
    summary: |
      태양이 바다와 호수와 강의 물을 데우면 물은 증발하여 눈에 보이지 않는 수증기가 됩니다. 수증기는 높이 올라가 차가워지면 작은 물방울이 되고, 물방울이 모여 구름이 됩니다. 해마다 약 505000세제곱킬로미터의 물이 비나 눈으로 내립니다. 빗물은 강으로 흘러 다시 바다로 돌아갑니다.
    """

_OPENERS, _CLOSERS = "（「『【", "、。，）」』】"


def _printed_lines(pdf) -> list[str]:
    return [line for page in pdf.lines for line in page]


def _wrapped(lines: list[str], needle: str) -> list[str]:
    """The run of lines that prints the paragraph starting with ``needle``."""
    at = next(i for i, line in enumerate(lines) if line.startswith(needle))
    out = [lines[at]]
    for line in lines[at + 1:]:
        if not re.search(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]", line):
            break
        out.append(line)
    return out


@pytest.mark.parametrize("paper", ["a5", "letter"])
@pytest.mark.parametrize("name,guide,start,words", [
    ("ja", JA, "明治維新は", ["1853", "1889", "1871", "1872", "1873", "1877", "Perry", "Susquehanna"]),
    ("zh", ZH, "太阳把", ["505000", "transpiration"]),
    ("ko", KO, "태양이", ["505000세제곱킬로미터의"]),
])
def test_cjk_lines_break_between_characters_with_no_hyphen(tmp_path, paper, name, guide, start, words):
    built = build_into(write_guide(tmp_path, f"{name}.yaml", guide.format(paper=paper)), tmp_path / "out")
    for pdf in (built.student, built.key):
        lines = _printed_lines(pdf)
        assert not [line for line in lines if line.endswith("-")], lines  # the sources hold no hyphen
        para = _wrapped(lines, start)
        assert len(para) >= 3, para  # the summary wraps
        for before, after in zip(para, para[1:]):
            assert not (before[-1].isalnum() and before[-1].isascii() and after[0].isalnum() and after[0].isascii()), \
                (before, after)  # never inside a number or a Latin word
            assert after[0] not in _CLOSERS and before[-1] not in _OPENERS, (before, after)
        joined = "".join(para) if name != "ko" else " ".join(para)
        for word in words:
            assert word in joined, (word, para)


def test_a_narrow_cjk_row_is_cut_by_the_line_breaking_rules():
    """Rows with room for three characters: 'あいう、えお' does not put '、' first on a row, no row ends with '「',
    and a number stays whole."""
    face, size = fonts.register("SGCJK"), 10
    w = wordbreaks.width("あ", face, size)
    for text in ("あいう、えお", "あい「うえ」お", "年は1867年です"):
        got = wordbreaks.pieces(text, face, size, 3.2 * w, lambda n: 3.2 * w, False)
        assert "".join(got) == text, got  # no mark added
        assert not [p for p in got[1:] if p[0] in _CLOSERS] and not [p for p in got if p[-1] in _OPENERS], got
        assert "1867" not in text or any("1867" in p for p in got), got
    assert wordbreaks.pieces("あいう、えお", face, size, 3.2 * w, lambda n: 3.2 * w, False) == ["あい", "う、え", "お"]


READ = """
    title: 明治維新
    language: {language}
    reading:
      title: 読み物
      text: |
        {text}
    """


@pytest.mark.parametrize("language,text,said,minutes", [
    ("ja", "港を開いたあと、物の値段が上がり、生活は苦しくなりました。" * 25, "650 characters", "3"),
    ("zh", "太阳把海洋里的水晒热，水就会蒸发。" * 40, "600 characters", "2"),
    ("ja", "1853年、アメリカのPerryが来ました。" * 20, "220 characters, 40 words", "1"),
])
def test_check_counts_chinese_and_japanese_by_the_character(tmp_path, language, text, said, minutes):
    """Trial r12: 650 characters of Japanese were '46 words', read in under a minute (a run of them is one word to
    '\\w+'). Han and kana are read at 250 a minute (readtime.READING_CPM; punctuation is not counted), numbers and Latin words
    still as words."""
    path = write_guide(tmp_path, "g.yaml", READ.format(language=language, text=text))
    run = cli_main("check", path)
    assert run.returncode == 0, run.stderr
    row = next(line for line in run.stdout.splitlines() if line.strip().startswith("reading"))
    assert row.split()[-len(said.split()):] == said.split(), row
    assert row.split()[2] == minutes, row


CITED = """
    title: 明治維新
    language: ja
    reading:
      text: |
        {@perry}1853年、アメリカのペリーが四隻の黒船で浦賀に来ました。{@/perry}そのころ日本は二百年以上、外国との貿易をほとんどしていませんでした。大きな蒸気船を見て、人々はとても驚きました。
    questions:
      - {type: multiple_choice, prompt: "{@perry}によると、ペリーは何で浦賀に来ましたか。", choices: [黒船, 鉄道],
         answer: A, points: 1}
      - {type: multiple_choice, prompt: "{@perry}に出てくる「浦賀」の読み方はどれですか。", choices: [うらが, うらか],
         answer: A, points: 1}
    """


def test_a_citation_label_written_onto_japanese_text_stays_with_its_number(tmp_path):
    """Trial r12 (large print, ja Q1 and Q4): 'Lines' ended a line alone and '1–2によると…' began the next: the
    label and its number are one word where Japanese text is written straight after them."""
    run = cli_main("build", "--edition", "large-print", "-o", tmp_path / "out", write_guide(tmp_path, "g.yaml", CITED))
    assert run.returncode == 0, run.stderr
    pdfs = sorted((tmp_path / "out").glob("*.pdf"))
    assert len(pdfs) == 2, pdfs
    for pdf in map(Pdf, pdfs):
        lines = [line.replace("\u00a0", " ") for line in _printed_lines(pdf)]
        assert not [line for line in lines if line.endswith(("Line", "Lines"))], lines
        assert len([line for line in lines if re.match(r"Lines 1–2に(よると|出てくる)", line)]) == 2, lines


SPACED = """
    title: 明治
    language: ja
    summary: |
      明治時代は日本が大きく変わった時代です。 1868年に江戸幕府が終わり、天皇を中心とする新しい政府ができました。 政府は学校と軍隊と税の制度を新しくしました。 Perryの黒船が来てから、日本は外国との貿易を始めました。

      明治維新は、江戸幕府が終わり、天皇を中心とする新しい政府ができた大きな変化です。政府は「富国強兵」をめざして、学校、軍隊、税、交通を新しくしました。
    questions:
      - type: fill_in_blank
        prompt: 1868年に [[江戸幕府]] が終わりました。 天皇を中心とする新しい政府ができて、学校と軍隊と税の制度が新しくなりました。
    """


def _line_ends(path, starts: str) -> list[tuple[str, float]]:
    """Each printed line of the paragraph that starts with ``starts`` (page 1): its text and its right edge."""
    from test_rtl_lines import _chars

    chars = _chars(path)
    tops: list[float] = []
    for y in sorted({t[3] for t in chars}, reverse=True):  # (a digit's box sits a point off the kana's)
        if not tops or tops[-1] - y > 3:
            tops.append(y)
    rows = [sorted((t for t in chars if abs(t[3] - y) <= 3), key=lambda t: t[1]) for y in tops]
    texts = ["".join(c for c, *_ in row) for row in rows]
    at = next(i for i, t in enumerate(texts) if t.startswith(starts))
    out = [(texts[at], rows[at][-1][2])]
    for text, row in zip(texts[at + 1:], rows[at + 1:]):
        if row[0][1] > rows[at][0][1] + 1 or text.startswith("明治維新"):
            break
        out.append((text, row[-1][2]))
    return out


def test_a_japanese_run_after_a_space_fills_the_line_before_it(tmp_path):
    """A space in mixed text (after a sentence, a year, a Latin word) made the Japanese run after it one word to
    reportlab, and a run that fitted the next line went there whole, leaving a line a third empty. It now breaks
    between its characters as a run with no space does: every line but the last ends within 2 em of the margin
    (where the paragraph with no spaces ends its lines), and the key's lines are the handout's."""
    built = build_into(write_guide(tmp_path, "g.yaml", SPACED), tmp_path / "out")
    size = 10.5  # (the body's: 2 em is 21 pt)
    margin = max(right for _, right in _line_ends(built.student.path, "明治維新は")[:-1])
    lines = _line_ends(built.student.path, "明治時代は")
    short = [(text, round(margin - right)) for text, right in lines[:-1] if margin - right > 2 * size]
    assert not short, (short, margin, lines)  # (before: 284, 141 and 262 pt short, and a fourth line)
    assert len(lines) == 3 and _line_ends(built.key.path, "明治時代は") == lines, lines
    # the question's blank: the key's lines break where the handout's do, its answer inside the blank
    handout, key = ([line for line in sum(pdf.lines, []) if line.startswith(("1868年に ", "の制度が"))]
                    for pdf in (built.student, built.key))
    def words(lines, answer=""):
        return [" ".join(line.replace(answer, "").split()) for line in lines]
    assert len(handout) == 2 and words(key, "江戸幕府") == words(handout), (handout, key)


TERMS = ["大政奉還", "天皇", "将軍", "幕府", "廃藩置県", "憲法", "改革", "条約", "武士", "貿易", "鉄道", "黒船", "地租改正",
         "富国強兵"]


def test_a_word_banks_japanese_terms_are_never_cut(tmp_path):
    """A word bank lists its terms between spaced dots: once Japanese runs broke inside lines, the bank printed
    '鉄' at a line's end and '道' on the next. A bank's lines break between terms only (the cloze's, and the one
    a question or the notes print)."""
    vocabulary = "\n".join(f"      - {{term: {t}, definition: 明治の言葉。, example: これは{t}です。}}" for t in TERMS)
    points = "\n".join(f"          - これは{t}です。" for t in TERMS)
    path = write_guide(tmp_path, "g.yaml", f"""
    title: 明治
    language: ja
    accommodations: {{word_bank: true}}
    activities: [cloze]
    topics:
      - title: 言葉
        points:
{points}
    vocabulary:
{vocabulary}
    """)
    built = build_into(path, tmp_path / "out")
    build_set(path, tmp_path / "notes", None, SetOptions(format="notes"))
    notes = Pdf(tmp_path / "notes" / "g-notes-word-bank.pdf")
    for pdf in (built.student, notes):
        lines = [line for page in pdf.lines for line in page if "·" in line and "Page" not in line]
        assert len(lines) >= 2, lines  # (a bank of two lines or more)
        for line in lines:
            pieces = [piece.strip() for piece in line.replace("Word bank:", "").split("·")]
            assert all(piece in TERMS for piece in pieces if piece), line  # ('·' ends a line the bank goes on from)
