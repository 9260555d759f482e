"""Every character a guide or its labels draw has a real glyph, from an embedded font; what no font
has is reported once; installed fonts are found on every system. Nothing here depends on fonts
the machine happens to have: the CJK, Hebrew and Arabic fonts are bundled, and the "installed"
font is one a test makes."""
from __future__ import annotations

import os
import time
import zlib
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from conftest import Pdf, build_into, guide_params, write_guide
from glyphs import assert_no_boxes, boxes, drawn, fonts_listed

from studyguide import api, render, rtl
from studyguide.errors import GuideError
from studyguide.theming import fonts, sysfonts

TESTS = Path(__file__).resolve().parent
PUA = "\ue123"  # a private-use character: only the test's own font has it


# -- the .notdef helper sees what extracted text hides --

def test_the_helper_sees_a_box_that_the_extracted_text_hides(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    fonts.register()
    path = tmp_path / "box.pdf"
    canvas = Canvas(str(path), initialFontName=fonts.REGULAR)
    canvas.setFont(fonts.REGULAR, 12)
    canvas.drawString(72, 700, "A 中 B")  # DejaVu Sans has no 中: drawn as .notdef
    canvas.save()
    found = boxes(path)
    assert [d.glyph for d in found] == [".notdef"] and found[0].font.endswith("DejaVuSans")
    assert {d.char for d in drawn(path) if d.glyph != ".notdef"} >= {"A", "B"}
    with pytest.raises(AssertionError, match="1 characters print as boxes"):
        assert_no_boxes(path)


# -- every bundled guide: no box, no unembedded font --

@pytest.mark.parametrize("guide_path", guide_params())
def test_every_bundled_guide_draws_real_glyphs_from_embedded_fonts(built):
    for pdf in (built.student, built.key):
        assert_no_boxes(pdf.data, pdf.path.name)
        listed = fonts_listed(pdf.data)
        assert listed and all(embedded for _, _, embedded in listed), listed
        assert "Helvetica" not in {name for name, _, _ in listed}


# -- Chinese, Japanese, Korean, Hebrew, Arabic from the bundled fonts --

CJK_VOCAB = """
    title: 中英词汇 · Chinese–English Vocabulary
    subject: 中文 · Chinese
    language: zh
    summary: |
      这一课学习十个常用词。每个词都有拼音和英文意思，例如“学校”（school）。
      日本語：ひらがな、カタカナ、漢字。한국어: 학교, 선생님.
    vocabulary:
      - term: 学校
        definition: school（xuéxiào）：学生学习的地方。
      - term: 老师
        definition: teacher（lǎoshī）
      - term: 朋友
        definition: friend（péngyou）
      - term: 學習
        definition: to study (traditional characters)
      - term: 先生
        definition: せんせい — a teacher, in Japanese
      - term: 학생
        definition: student, in Korean
    questions:
      - type: multiple_choice
        prompt: “**老师**”是什么意思？
        choices: [teacher, friend, school]
        answer: A
      - type: short_answer
        prompt: 用“朋友”写一个句子。
        answer: 我和我的朋友一起去学校。
    """


def test_a_chinese_english_vocabulary_guide_prints_every_character(tmp_path):
    path = write_guide(tmp_path, "vocab-zh.yaml", CJK_VOCAB)
    built = build_into(path, tmp_path / "out")
    assert built.result.warnings == []
    for pdf in (built.student, built.key):
        assert_no_boxes(pdf.data, pdf.path.name)
        names = {name.split("+")[-1] for name, _, _ in fonts_listed(pdf.data)}
        assert {"SGNotoSC-Regular", "SGNotoSC-Bold", "SGNotoKR-Regular"} <= names  # bold Chinese is bold
        assert all(embedded for _, _, embedded in fonts_listed(pdf.data))
        shown = {d.char for d in drawn(pdf.data)}
        assert set("学校老师朋友學習ひらがなカタカナ학교선생님") <= shown


SUPERSCRIPTS = """\
title: Energy
summary: A lift stores 1.47 × 10⁵ J; a car needs 3.0 × 10³ N. *Work is 10⁵ J.*
questions:
  - type: short_answer
    prompt: How much energy does the lift store?
    answer: 1.47 × 10⁵ J
"""


def test_a_glyph_the_readable_face_lacks_is_drawn_upright(tmp_path):
    """Atkinson Hyperlegible has ³ but not ⁵: the ⁵ comes from DejaVu Sans, upright (the readable
    edition promises no italics), in the summary, in <i> emphasis and in the key's answer."""
    from studyguide.classroom import SetOptions, build_set

    build_set(write_guide(tmp_path, "energy.yaml", SUPERSCRIPTS), tmp_path / "out", None,
              SetOptions(edition="readable"))
    for name in ("energy-readable.pdf", "energy-readable-key.pdf"):
        data = (tmp_path / "out" / name).read_bytes()
        assert_no_boxes(data, name)
        listed = [font.split("+")[-1] for font, _, _ in fonts_listed(data)]
        assert "DejaVuSans" in listed
        assert not [f for f in listed if "Oblique" in f or "Italic" in f], (name, listed)
        fives = [d for d in drawn(data) if d.char == "⁵"]
        assert len(fives) == (3 if "key" in name else 2) and {d.font.split("+")[-1] for d in fives} == {"DejaVuSans"}


@pytest.mark.parametrize("name", ["hebrew", "arabic"])
def test_right_to_left_guides_print_every_character(name, tmp_path):
    built = build_into(TESTS / "guides" / f"{name}.yaml", tmp_path / "out")
    # no glyph warning; only that the labels print in English ('he' and 'ar' have none built in)
    code = {"hebrew": "he", "arabic": "ar"}[name]
    assert [w.message.split(":")[:2] for w in built.result.warnings] == [["language", f" no built-in labels for '{code}'"]]
    for pdf in (built.student, built.key):
        assert_no_boxes(pdf.data, pdf.path.name)
        assert all(embedded for _, _, embedded in fonts_listed(pdf.data))
    shown = [d.char for d in drawn(built.student.data)]
    if name == "arabic":
        # joined: the letters are drawn in their contextual forms, none in the unjoined base form
        assert any("\ufe70" <= c <= "\ufeff" for c in shown)
        assert not any("\u0628" <= c <= "\u064a" for c in shown)


def test_right_to_left_lines_are_in_display_order_with_numbers_and_latin_kept():
    assert rtl.display("בשנת 1948 הוכרזה", True) == "הזרכוה 1948 תנשב"
    assert rtl.display('המילה "shalom" פירושה', True) == 'השוריפ "shalom" הלימה'
    assert rtl.display("שלום (עולם)", True) == "(םלוע) םולש"  # brackets mirrored: they still enclose
    assert rtl.display("In Hebrew, hello is שלום.", False) == "In Hebrew, hello is םולש."
    shaped = rtl.shape("سلام")
    assert shaped == "\ufeb3\ufefc\ufee1"  # seen initial, lam-alef ligature, final meem


def test_right_to_left_text_reads_top_line_first(tmp_path):
    built = build_into(TESTS / "guides" / "hebrew.yaml", tmp_path / "out")
    lines = [ln for ln in built.student.lines[0] if "1948" in ln or "יום." in ln or ".םוי" in ln]
    assert lines and "1948" in lines[0]  # the paragraph's first sentence is on its top line


def test_bold_inside_right_to_left_text_is_a_located_error(tmp_path):
    path = write_guide(tmp_path, "g.yaml", """
        title: Greetings
        summary: "בעברית, שלום הוא **שלום**."
        """)
    with pytest.raises(GuideError) as err:
        api.load(path)
    assert str(err.value) == (  # at the first star, not where the text starts
        f"{path}:2:28: summary: bold and italic (**…**, *…*) cannot be kept in right-to-left text: the letters are "
        "put in display order line by line, and the emphasis would land on the wrong words; remove the stars")


def test_a_hebrew_word_in_an_english_paragraph_keeps_the_bold_around_it(tmp_path):
    """An English summary with one Hebrew word: its bold and italic print as typed, the Hebrew word's too."""
    path = write_guide(tmp_path, "g.yaml", """
        title: Trees
        summary: |
          Governments promise to plant **millions** of trees.

          The Hebrew word for *tree* is **עץ**.
        """)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student, built.key):
        assert any(f.endswith("-Bold") for f in pdf.fonts_of("millions"))
        assert any(f.endswith("-Bold") for f in pdf.fonts_of("עץ") | pdf.fonts_of("ץע"))  # (either order read back)
        assert any("Oblique" in f or "Italic" in f for f in pdf.fonts_of("tree"))
        assert not any(f.endswith("-Bold") for f in pdf.fonts_of("Governments"))


# -- one warning for what no font has, fast --

def test_thousands_of_characters_no_font_has_get_one_warning_fast(tmp_path):
    odd = "".join(chr(0xF0000 + i) for i in range(3000))  # supplementary private use: no font has them
    if any(fonts.plan(set(odd[:50])).font_for.values()):
        pytest.skip("an installed font has supplementary private-use characters")
    lines = "\n".join(f"  {odd[i:i + 100]}" for i in range(0, 3000, 100))
    path = write_guide(tmp_path, "odd.yaml", "title: Odd\nsummary: |\n" + lines + "\n")
    api.build(path, tmp_path / "warm")  # imports and the installed-font index, as in any earlier run
    start = time.process_time()
    result = api.build(path, tmp_path / "out")
    took = time.process_time() - start
    assert took < 2.0, f"{took:.2f} s of CPU"  # (not the clock's seconds: they count the machine's other work)
    assert len(result.warnings) == 1
    message = str(result.warnings[0])
    # each at the line and column it was typed inside the '|' block (not the 'summary:' line)
    assert message.startswith(f"{path}:3:3: warning: no font has 3,000 characters of this guide; they would "
                              f"print as boxes: '{odd[0]}' (U+F0000, line 3:3), '{odd[1]}' (U+F0001, line 3:4)")
    assert message.endswith("and 2,990 more: they are private-use characters, which mean something only in the font they "
                            "were typed with: install that font (a .ttf file) and build again, or retype them")


def test_labels_are_checked_too(tmp_path, monkeypatch):
    """A built-in label's character that no font has is reported, at the guide (not silently a box)."""
    from studyguide import labels

    table = dict(labels.LANGUAGES["zh"], answer_key="参考答案" + PUA)
    monkeypatch.setitem(labels.LANGUAGES, "zh", table)
    monkeypatch.setattr(fonts, "_installed", [])
    path = write_guide(tmp_path, "g.yaml", "title: T\nlanguage: zh\n")
    _, warnings = render.glyph_plan(api.load(path))
    assert [str(w) for w in warnings] == [
        f"{path}: warning: no font has the character '{PUA}' (U+E123, the labels or footer studyguide prints); it would print as a "
        "box: it is a private-use character, which means something only in the font it was typed with: install that font "
        "(a .ttf file) and build again, or retype it"]


# -- installed fonts: where each system keeps them, read once --

def _make_font(path: Path, chars: str) -> Path:
    """A tiny TrueType font with a square glyph for each of ``chars``."""
    names = [".notdef"] + [f"g{ord(c):x}" for c in chars]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(c): f"g{ord(c):x}" for c in chars})
    glyphs = {}
    for name in names:
        pen = TTGlyphPen(None)
        pen.moveTo((100, 0)), pen.lineTo((100, 700)), pen.lineTo((600, 700)), pen.lineTo((600, 0)), pen.closePath()
        glyphs[name] = pen.glyph()
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({n: (700, 100) for n in names})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    # a family name of its own for each set of letters: fonts are registered by name in the process, so a
    # second test's font under the same name would be taken for the first's (and print its letters as gaps)
    family = f"SG Test Square {zlib.crc32(chars.encode('utf-8')):08x}"
    fb.setupNameTable({"familyName": family, "styleName": "Regular"})
    fb.setupOS2(fsType=0)
    fb.setupPost()
    fb.save(str(path))
    return path


def test_font_folders_on_each_system(tmp_path):
    home = Path("/home/t")
    win = sysfonts.font_dirs("win32", {"WINDIR": r"D:\Win", "LOCALAPPDATA": r"C:\Users\t\AppData\Local"}, home)
    assert win == [Path(r"D:\Win") / "Fonts", Path(r"C:\Users\t\AppData\Local") / "Microsoft" / "Windows" / "Fonts"]
    mac = sysfonts.font_dirs("darwin", {}, home)
    assert mac == [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                   Path("/Library/Fonts"), home / "Library/Fonts"]
    linux = sysfonts.font_dirs("linux", {"XDG_DATA_DIRS": "/opt/share:/usr/share"}, home)
    assert linux == [Path("/opt/share/fonts"), Path("/usr/share/fonts"), home / ".local/share/fonts", home / ".fonts"]
    own = sysfonts.font_dirs("linux", {"STUDYGUIDE_FONT_PATH": f"/a{os.pathsep}/b"}, home)
    assert own[:2] == [Path("/a"), Path("/b")]
    assert sysfonts.cache_path({}, "win32", home) == home / "AppData/Local/studyguide/fonts.json"
    assert sysfonts.cache_path({}, "darwin", home) == home / "Library/Caches/studyguide/fonts.json"
    assert sysfonts.cache_path({"XDG_CACHE_HOME": "/c"}, "linux", home) == Path("/c/studyguide/fonts.json")


def test_the_cmap_reader_agrees_with_reportlab(tmp_path):
    import gzip

    for name in ("SGKorean", "SGSans"):
        fonts.register(name)
        path = fonts.FONT_DIR / fonts.FAMILIES[name][0, 0][1]
        if path.suffix == ".gz":
            path = tmp_path / path.stem
            path.write_bytes(gzip.decompress((fonts.FONT_DIR / fonts.FAMILIES[name][0, 0][1]).read_bytes()))
        [(index, ranges)] = sysfonts.read_faces(path)
        cover = sysfonts.Coverage(ranges)
        expected = set(fonts.coverage(fonts.FAMILIES[name][0, 0][0])) - {0xFFFF}  # a noncharacter
        read = {c for a, b in ranges for c in range(a, b + 1)}
        assert read == expected and all(c in cover for c in list(expected)[:500])


def test_a_cff_or_broken_file_is_skipped(tmp_path):
    (tmp_path / "broken.ttf").write_bytes(b"\x00\x01\x00\x00garbage")
    (tmp_path / "empty.otf").write_bytes(b"")
    assert sysfonts.read_faces(tmp_path / "broken.ttf") == []
    assert sysfonts.read_faces(tmp_path / "empty.otf") == []


def test_the_index_is_cached_between_runs(tmp_path, monkeypatch):
    font = _make_font(tmp_path / "fonts" / "square.ttf" if (tmp_path / "fonts").mkdir() is None else None, PUA)
    cache = tmp_path / "cache" / "fonts.json"
    files = sysfonts.font_files([tmp_path / "fonts"], use_fontconfig=False)
    assert files == [font]
    [(path, face, cover)] = sysfonts.index(files, cache)
    assert path == font and face == 0 and ord(PUA) in cover and cache.exists()
    monkeypatch.setattr(sysfonts, "read_faces", lambda p: pytest.fail("read again though unchanged"))
    assert len(sysfonts.index(files, cache)) == 1
    os.utime(font, ns=(1, 1))  # changed: read again
    monkeypatch.setattr(sysfonts, "read_faces", lambda p: [])
    assert sysfonts.index(files, cache) == []


def installed_test_font(tmp_path, monkeypatch, char: str, name: str = "square.ttf"):
    """The tests' own font, drawing ``char``, installed for this test alone (STUDYGUIDE_FONT_PATH), with a
    fresh font index (its own cache folder; the process's list of installed fonts forgotten)."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    _make_font(folder / name, char)
    monkeypatch.setenv("STUDYGUIDE_FONT_PATH", str(folder))
    monkeypatch.setenv("STUDYGUIDE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(fonts, "_installed", None)


def test_an_installed_font_draws_what_the_bundled_fonts_lack(tmp_path, monkeypatch):
    installed_test_font(tmp_path, monkeypatch, PUA)
    path = write_guide(tmp_path, "g.yaml", f"title: Squares {PUA}\nsummary: A square {PUA} here.\n")
    built = build_into(path, tmp_path / "out")
    assert built.result.warnings == []
    for pdf in (built.student, built.key):
        assert_no_boxes(pdf.data)
        square = [d for d in drawn(pdf.data) if d.char == PUA]
        assert square and all("SGTestSquare" in d.font.replace(" ", "") or d.font for d in square)
        assert all(embedded for _, _, embedded in fonts_listed(pdf.data))
    monkeypatch.setattr(fonts, "_installed", None)


def test_display_order_is_python_bidis_with_positions_kept():
    from bidi_reference import reference  # (python-bidi's Rust algorithm, with bracket pairs; mirrored as printed)

    for text in ("בשנת 1948 הוכרזה", 'abc שלום (hello) 2024 עולם', "اللغة العربية 400 مليون", "plain"):
        for right in (True, False):
            shown, order = rtl.display_order(text, right)
            assert shown == reference(text, right)
            assert sorted(order) == list(range(len(text)))


def test_a_hebrew_crossword_reads_right_to_left():
    from studyguide.activities import crossword

    puzzle = crossword.make([("כתב", "write"), ("בית", "house"), ("תבל", "world")])
    assert len(puzzle.entries) == 3
    for entry in puzzle.entries:
        assert [puzzle.grid[r][c] for r, c in entry.positions()] == list(entry.cells)
        if entry.direction == crossword.ACROSS:  # its number is on its rightmost cell
            r, c = entry.positions()[-1]
            assert c < entry.col
    numbered = [(r, c) for r, c, _ in sorted(puzzle.numbers, key=lambda t: t[2])]
    assert numbered == sorted(numbered, key=lambda p: (p[0], -p[1]))  # numbered right to left


def test_a_crossword_of_mixed_directions_is_a_located_error(tmp_path):
    path = write_guide(tmp_path, "g.yaml", """
        title: Mixed
        vocabulary:
          - term: שלום
            definition: hello
          - term: house
            definition: בית
        activities:
          - matching
          - crossword
        """)
    with pytest.raises(GuideError) as err:
        api.load(path)
    assert str(err.value) == (
        f"{path}:9:5: activities item 2: a crossword cannot mix right-to-left terms ('שלום') with left-to-right "
        "ones ('house'): its Across answers run one way; keep the terms of one script, or leave the crossword out")


@pytest.mark.parametrize("args", [["--format", "exit-ticket", "--questions", "1,2", "--sheet", "half"],
                                  ["--format", "cornell"], ["--format", "organizers"],
                                  ["--format", "quiz", "--versions", "2", "--class-set", "--copies", "3"]],
                         ids=lambda a: "-".join(x.strip("-") for x in a))
def test_every_format_in_chinese_draws_real_glyphs_from_embedded_fonts(args, tmp_path):
    """The other things a guide prints (quizzes, tickets on cut sheets, notes, organizers, versions,
    grids, class sets), built from the first guide in Chinese: no box, no unembedded font."""
    from click.testing import CliRunner

    from conftest import GUIDES_DIR
    from studyguide import cli

    source = (GUIDES_DIR / "china-foreign-police-training.yaml").read_text(encoding="utf-8")
    lines = [ln for ln in source.splitlines() if not ln.startswith("language:")]
    guide = tmp_path / "china-zh.yaml"
    guide.write_text("language: zh\n" + "\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli.cli, ["build", str(guide), "-o", str(tmp_path / "out"), *args])
    assert result.exit_code == 0, result.output
    pdfs = sorted((tmp_path / "out").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert_no_boxes(data, pdf.name)
        assert all(embedded for _, _, embedded in fonts_listed(data)), (pdf.name, fonts_listed(data))


def test_labels_drawn_on_the_canvas_are_in_display_order_too(tmp_path):
    """A teacher's own Hebrew labels: Name / Date / Period, True / False are drawn straight on the
    canvas, not as paragraphs, and still come out right to left (the glyphs in drawing order)."""
    path = write_guide(tmp_path, "g.yaml", """
        title: בדיקה
        labels:
          name: שם התלמיד
          true: נכון
          false: לא נכון
        questions:
          - type: true_false
            prompt: העברית נכתבת מימין לשמאל.
            answer: true
        """)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student, built.key):
        assert_no_boxes(pdf.data)
        shown = "".join(d.char for d in drawn(pdf.data))
        assert "ןוכנ" in shown and "ןוכנ אל" in shown and "לא נכון" not in shown
    shown = "".join(d.char for d in drawn(built.student.data))
    assert "דימלתה םש" in shown and "שם התלמיד" not in shown  # the handout's Name line


def test_a_collection_file_lists_each_truetype_face(tmp_path):
    """.ttc files (most CJK fonts on Windows and macOS) hold several faces; each is indexed."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.ttCollection import TTCollection

    first = TTFont(_make_font(tmp_path / "a.ttf", "AB"))
    second = TTFont(_make_font(tmp_path / "b.ttf", PUA))
    collection = TTCollection()
    collection.fonts = [first, second]
    collection.save(str(tmp_path / "both.ttc"))
    faces = sysfonts.read_faces(tmp_path / "both.ttc")
    assert [index for index, _ in faces] == [0, 1]
    assert ord(PUA) in sysfonts.Coverage(faces[1][1]) and ord(PUA) not in sysfonts.Coverage(faces[0][1])
    assert ord("A") in sysfonts.Coverage(faces[0][1])


def test_a_seed_no_font_has_is_reported(tmp_path):
    """The footer prints the seed as typed (--seed): its characters are checked like the guide's."""
    from click.testing import CliRunner

    from studyguide import cli

    path = write_guide(tmp_path, "g.yaml", "title: Seeds\nquestions:\n  - type: true_false\n    prompt: Yes?\n"
                                           "    answer: true\n")
    result = CliRunner().invoke(cli.cli, ["build", str(path), "-o", str(tmp_path / "out"), "--versions", "2",
                                          "--seed", f"x{PUA}"])
    assert result.exit_code == 0, result.output
    assert f"warning: no font has the character '{PUA}' (U+E123, the labels or footer studyguide prints)" in result.output


# -- one right-to-left word in an English paragraph: still an English paragraph --

MIXED = """
title: Trade
vocabulary:
  - term: caravanserai
    definition: A roadside inn where merchants and their camels rested, like those near حلب (Aleppo).
  - term: silk road
    definition: The network of land routes linking China with Central Asia, Persia and the Mediterranean.
  - term: Baghdad
    definition: Capital of the Abbasid caliphate (بغداد), a great centre of trade and learning.
activities: [flashcards]
"""
ASKED = """
title: Trade
questions:
  - type: short_answer
    prompt: Name one good that travelled from China through بغداد to the Mediterranean.
    answer: Silk
    points: 1
  - type: essay
    prompt: Why did merchants travel together along the silk road?
    answer: For safety.
    points: 2
"""


def _card_back_lines(pdf: bytes) -> list[tuple[str, float]]:
    """(text, centre x) of each line on the right half of the flashcard pages (the cards' backs), read
    with pypdfium2's loose character boxes (a line's boxes share a bottom whatever the script)."""
    import pypdfium2 as pdfium

    out = []
    doc = pdfium.PdfDocument(pdf)
    for page in doc:
        text = page.get_textpage()
        chars = [(text.get_text_range(i, 1), text.get_charbox(i, loose=True)) for i in range(text.count_chars())]
        joined = "".join(c for c, _ in chars)
        if "fold" not in joined:
            continue
        middle, top = page.get_width() / 2, chars[joined.index("fold")][1][1]  # (under the first card's top)
        folds = {i + k for i in range(len(joined)) if joined.startswith("fold", i) for k in range(4)}
        rows: dict[float, list] = {}
        for i, (c, (left, bottom, right, high)) in enumerate(chars):
            if c.strip() and left > middle + 2 and high < top and i not in folds:
                rows.setdefault(round(bottom, 1), []).append((c, left, right))
        for row in rows.values():
            out.append(("".join(c for c, _, _ in row), (min(l for _, l, _ in row) + max(r for _, _, r in row)) / 2))
    return out


@pytest.mark.parametrize("edition", [None, "large-print"])
def test_a_card_with_an_arabic_word_is_centred_like_the_others(tmp_path, edition):
    """Every line of a flashcard's back is centred on the back, an Arabic place name in its definition or
    not (a trial found the definitions naming حلب and بغداد set flush left, every other card centred)."""
    guide = api.load(write_guide(tmp_path, "g.yaml", MIXED))
    lines = _card_back_lines(render.render(guide, theme=api.theme_for(guide, None, edition))["student"].pdf)
    arabic = [x for text, x in lines if rtl.has_rtl(text)]
    assert len(arabic) == 2 and len(lines) >= 6
    centre = lines[0][1]
    assert all(abs(x - centre) < 1.0 for _, x in lines), [(t[:20], round(x, 1)) for t, x in lines]


def _instruction_runs(pdf: bytes) -> list[tuple[str, float, tuple]]:
    """(text, size, fill colour) of each run of the instructions run in after the prompts, as the page's
    operators set them (the size and colour in force at each Tj)."""
    import io

    import pypdf

    out, state = [], {"colour": (), "size": 0.0}

    def operand(op, args, cm, tm):
        if op == b"rg":
            state["colour"] = tuple(round(float(a), 3) for a in args)
        elif op == b"Tf":
            state["size"] = float(args[1])
        elif op == b"Tj":
            text = args[0].decode("latin-1") if isinstance(args[0], bytes) else str(args[0])
            if "Write" in text or "answer on" in text:
                out.append((text.strip(), state["size"], state["colour"]))

    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_operand_before=operand)
    return out


@pytest.mark.parametrize("theme", ["classic", "modern"])
def test_the_instruction_after_a_prompt_with_an_arabic_word_keeps_its_size_and_colour(tmp_path, theme):
    """The instruction run in after a prompt is in the instruction style's size and colour, an Arabic word
    in the prompt or not (after بغداد it had printed at the prompt's 10.5 pt instead of 9 pt)."""
    from studyguide.theming.styles import make_styles

    guide = api.load(write_guide(tmp_path, "g.yaml", ASKED))
    theme = api.theme_for(guide, theme)
    want = make_styles(theme)["instruction"]
    runs = _instruction_runs(render.render(guide, theme=theme)["student"].pdf)
    assert len(runs) >= 2
    colour = tuple(round(c, 3) for c in want.textColor.rgb())
    assert all(size == want.fontSize and shade == colour for _, size, shade in runs), (want.fontSize, colour, runs)


def test_a_justified_english_paragraph_with_an_arabic_word_stays_justified():
    """A theme may justify a style: an English paragraph naming بغداد is justified like one naming Baghdad
    (each line but the last reaches the right edge), not set ragged."""
    import io

    import pypdfium2 as pdfium
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas

    from studyguide.layout import Para

    fonts.register()
    style = ParagraphStyle("j", fontName=fonts.REGULAR, fontSize=10, leading=13, alignment=TA_JUSTIFY)
    words = "Merchants crossed the deserts of Central Asia with silk and paper, resting in caravanserais on the way " \
            "to {} and the Mediterranean ports, where their goods were sold again to traders from every city of Europe."
    rights = {}
    for city in ("Baghdad", "بغداد"):
        out = io.BytesIO()
        canvas = Canvas(out)
        para = Para(words.format(city), style)
        _, h = para.wrap(200, 1000)
        para.drawOn(canvas, 100, 700 - h)
        canvas.save()
        text = pdfium.PdfDocument(out.getvalue())[0].get_textpage()
        lines: dict[float, float] = {}
        for i in range(text.count_chars()):
            if text.get_text_range(i, 1).strip():
                left, bottom, right, _ = text.get_charbox(i, loose=True)
                lines[round(bottom, 1)] = max(lines.get(round(bottom, 1), 0.0), right)
        rights[city] = [round(r) for _, r in sorted(lines.items(), reverse=True)]
    assert len(rights["Baghdad"]) >= 4 and set(rights["Baghdad"][:-1]) == {300}, rights
    assert set(rights["بغداد"][:-1]) == {300} and rights["بغداد"][-1] < 300, rights
