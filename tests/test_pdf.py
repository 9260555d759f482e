"""PDF structure of every guide: fonts, glyphs, page size, metadata, identical rebuilds."""
from __future__ import annotations

import re

import pytest

from conftest import ASSETS_DIR, GUIDES, Pdf, build_into, guide_params, write_guide
from studyguide import render
from studyguide.theming import fonts
from studyguide.inline import plain

SUBSET = re.compile(r"^[A-Z]{6}\+")
LETTER = (612, 792)
A4 = (595.28, 841.89)


def descriptor(font):
    """The font descriptor of a simple or composite (Type0) font, or None (standard-14 fonts)."""
    font = font.get_object()
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    desc = font.get("/FontDescriptor")
    return desc.get_object() if desc is not None else None


def font_program(font):
    """The embedded font file, if any."""
    desc = descriptor(font)
    if desc is None:
        return None
    return desc.get("/FontFile2") or desc.get("/FontFile3") or desc.get("/FontFile")


def page_fonts(pdf: Pdf):
    for number, page in enumerate(pdf.reader.pages, 1):
        for name, font in page["/Resources"]["/Font"].items():
            yield number, name, font.get_object()


@pytest.mark.parametrize("guide_path", guide_params())
def test_bundled_fonts_embedded_and_subset(built):
    """Every TrueType font is embedded (FontFile2) and subset (ABCDEF+Name); the text is drawn in them."""
    for pdf in (built.student, built.key):
        truetype = set()
        for number, name, font in page_fonts(pdf):
            if font.get("/Subtype") not in ("/TrueType", "/Type0"):
                continue
            base = str(font["/BaseFont"]).lstrip("/")
            assert SUBSET.match(base), f"{pdf.path.name} p{number} {name}: {base} is not subset"
            desc = descriptor(font)
            assert desc is not None and "/FontFile2" in desc, f"{pdf.path.name} p{number} {name}: {base} not embedded"
            assert desc["/FontFile2"].get_object().get_data(), f"{base}: empty font program"
            truetype.add(base.split("+", 1)[1])
        assert {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"} <= truetype, truetype
        title_fonts = pdf.fonts_of(plain(built.guide.title)[:20])
        assert title_fonts and all(SUBSET.match(f) for f in title_fonts), title_fonts


@pytest.fixture(scope="session")
def lists_guide(tmp_path_factory):
    path = write_guide(tmp_path_factory.mktemp("lists"), "lists.yaml", """
        title: Lists
        objectives: [First aim, Second aim]
        takeaways: [One takeaway, Another takeaway]
        """)
    return build_into(path, path.parent / "out")


def test_no_unembedded_fonts(lists_guide):
    for pdf in (lists_guide.student, lists_guide.key):
        bad = {(n, str(f.get("/BaseFont"))) for n, _, f in page_fonts(pdf) if font_program(f) is None}
        assert not bad, f"{pdf.path.name}: fonts without an embedded program: {sorted(bad)}"
        drawn = {r.font for page in pdf.runs for r in page}
        assert all(SUBSET.match(f) for f in drawn), f"text drawn in {sorted(drawn)}"
        assert "• One takeaway" in pdf.text


# -- glyphs ---------------------------------------------------------------------------

SCIENCE = next((p for p in GUIDES if p.stem == "photosynthesis-and-the-carbon-cycle"), None)
SCIENCE_CHARS = ["CO₂", "H₂O", "C₆H₁₂O₆", "λ", "Δ", "μ", "→", "⇌", "≈", "×", "°C", "≤", "−", "÷", "10⁶", "¹⁸O",
                 "HCO₃⁻", "H⁺", "m²", "“", "”", "’", "‘", "—", "–"]


@pytest.mark.skipif(SCIENCE is None, reason="the science guide is not in guides/")
def test_science_characters_print_as_themselves(builds):
    built = builds[SCIENCE.stem]
    assert render.glyph_plan(built.guide)[1] == []
    assert built.result.warnings == []
    for chars in SCIENCE_CHARS:
        assert chars in built.student.text + built.key.text, f"{chars!r} not in the science guide's PDFs"
    assert "CO₂" in built.student.text and "⇌" in built.student.text and "λ ≈ 450 nm" in built.student.text


@pytest.mark.parametrize("guide_path", guide_params())
def test_every_character_of_the_guide_is_drawn(built):
    """Each non-ASCII character typed in the guide comes back out of the PDFs, drawn by a font that has it."""
    typed = {c for _, text in built.guide.texts for c in text if not c.isascii() and not c.isspace()}
    typed -= set(fonts.IGNORED)
    shown = set(built.student.text) | set(built.key.text)
    assert typed - shown == set()
    assert render.glyph_plan(built.guide)[1] == [], "characters no installed font has"
    covered = fonts.coverage()
    fallback = render.glyph_plan(built.guide)[0]
    assert all(ord(c) in covered or c in fallback for c in typed)


def test_missing_character_warns_with_its_location(tmp_path):
    odd = "\U0010fffd"  # a private-use character no font draws
    if fonts.plan({odd}).font_for.get(odd):
        pytest.skip("an installed font has U+10FFFD")
    path = write_guide(tmp_path, "odd.yaml", f"""
        title: Odd characters
        vocabulary:
          - term: box
            definition: "This prints as a box: {odd}"
        """)
    result = build_into(path, tmp_path / "out").result
    assert [str(w) for w in result.warnings] == [
        # at the character itself, not where its text starts (4:17, the quote)
        f"{path}:4:40: warning: no font has the character '{odd}' (U+10FFFD, line 4:40); it would print as a box: "
        "it is a private-use character, which means something only in the font it was typed with: install that font "
        "(a .ttf file) and build again, or retype it"]


def test_fallback_font_draws_what_the_bundled_font_lacks(tmp_path):
    char = "⟂"  # U+27C2: not in DejaVu Sans; DejaVu Math TeX Gyre has it
    assert ord(char) not in fonts.coverage()
    chosen = fonts.plan({char}).font_for.get(char)
    if not chosen:
        pytest.skip("no installed font has U+27C2")
    path = write_guide(tmp_path, "perp.yaml", f"""
        title: Lines AB {char} CD
        questions:
          - type: short_answer
            prompt: What does {char} mean?
            answer: perpendicular {char}
        """)
    built = build_into(path, tmp_path / "out")
    assert built.result.warnings == []
    for pdf in (built.student, built.key):
        runs = [r for page in pdf.runs for r in page if char in r.text]
        # title, prompt and footer (and the key's answer) each draw it, always with a font that has it
        assert len(runs) >= (4 if pdf is built.key else 3)
        assert all(SUBSET.match(r.font) and "DejaVuSans" not in r.font for r in runs), {r.font for r in runs}
        assert pdf.pages[0].endswith(f"Lines AB {char} CD{' · Answer Key' if pdf is built.key else ''} · Page 1 of 1")


# -- page size, metadata, determinism -------------------------------------------------

def sizes(pdf: Pdf):
    return {(round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) for p in pdf.reader.pages}


@pytest.mark.parametrize("guide_path", guide_params())
def test_letter_by_default(built):
    if built.guide.paper != "letter":
        pytest.skip("guide asks for another paper")
    for pdf in (built.student, built.key):
        assert sizes(pdf) == {LETTER}


@pytest.fixture(scope="session")
def a4_build(tmp_path_factory):
    path = SCIENCE or GUIDES[0]
    return build_into(path, tmp_path_factory.mktemp("a4"), paper="a4")


def test_a4_paper(a4_build):
    for pdf in (a4_build.student, a4_build.key):
        (w, h), = sizes(pdf)
        assert abs(w - A4[0]) < 0.5 and abs(h - A4[1]) < 0.5
    s, k = a4_build.result.outputs
    assert s.pages <= k.pages and s.question_pages == k.question_pages  # (the key's notes may follow)
    assert a4_build.student.pages[-1].endswith(f"Page {s.pages} of {s.pages}")


def test_paper_key_in_guide(tmp_path):
    path = write_guide(tmp_path, "a4.yaml", """
        title: On A4
        paper: A4
        """)
    built = build_into(path, tmp_path / "out")
    assert built.guide.paper == "a4"
    (w, h), = sizes(built.student)
    assert abs(w - A4[0]) < 0.5 and abs(h - A4[1]) < 0.5
    letter = build_into(path, tmp_path / "letter", paper="letter")
    assert sizes(letter.student) == {LETTER}


@pytest.mark.parametrize("guide_path", guide_params())
def test_metadata(built):
    g = built.guide
    title = plain(g.title)
    for pdf, want in ((built.student, title), (built.key, f"{title} (Answer Key)")):
        meta = pdf.reader.metadata
        assert meta["/Title"] == want
        assert meta["/Author"] == (g.author or "")
        assert meta["/Subject"] == plain(g.subject or g.subtitle or "")
        assert pdf.reader.trailer["/Root"]["/Lang"] == g.language


def test_metadata_of_a_plain_guide(tmp_path):
    path = write_guide(tmp_path, "meta.yaml", """
        title: "**Bold** & <Co> *notes*"
        subtitle: Only a subtitle
        language: es-MX
        """)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student, built.key):
        meta = pdf.reader.metadata
        assert meta["/Title"].startswith("Bold & <Co> notes")
        assert meta["/Subject"] == "Only a subtitle"
        assert meta.get("/Author", "") == ""
        assert pdf.reader.trailer["/Root"]["/Lang"] == "es-MX"
    assert built.student.pages[0].startswith("Bold & <Co> notes")


@pytest.mark.parametrize("guide_path", guide_params())
def test_identical_bytes_on_rebuild(built, tmp_path):
    again = build_into(built.source, tmp_path / "again")
    assert again.student.data == built.student.data
    assert again.key.data == built.key.data


def test_identical_bytes_from_another_folder(tmp_path):
    image = next(ASSETS_DIR.glob("*.png"))
    made = []
    for folder in ("one", "two"):
        path = write_guide(tmp_path / folder, "pictured.yaml", f"""
            title: A guide with a picture
            topics:
              - title: The picture
                image: {image.name}
            """)
        (tmp_path / folder / image.name).write_bytes(image.read_bytes())
        made.append(build_into(path, tmp_path / folder / "out"))
    assert made[0].student.pages == made[1].student.pages
    assert made[0].student.data == made[1].student.data
    assert made[0].key.data == made[1].key.data


@pytest.mark.parametrize("guide_path", guide_params())
def test_guides_build_without_warnings(built):
    assert [str(w) for w in built.result.warnings] == []


def test_coverage_key_keeps_the_table_to_the_answer_key(tmp_path):
    """'coverage: key': the table of objectives × questions prints in the key only; the handout leaves
    its space blank, so every question starts on the same page in both."""
    text = """
        title: The Road to War
        {coverage}
        objectives:
          - Explain the alliance system.
          - Describe the spark in Sarajevo.
        questions:
        """ + "".join(f"""
          - type: short_answer
            prompt: Question number {n} about the causes of the war?
            objective: {1 + n % 2}
            lines: 6
        """ for n in range(1, 9))
    both = build_into(write_guide(tmp_path / "a", "g.yaml", text.format(coverage="")), tmp_path / "a" / "out")
    key_only = build_into(write_guide(tmp_path / "b", "g.yaml", text.format(coverage="coverage: key")),
                          tmp_path / "b" / "out")
    assert "What the questions check" in both.student.pages[0]
    assert "What the questions check" not in key_only.student.text
    assert "Points" not in key_only.student.pages[0] and "Points" in both.student.pages[0]
    assert "Coverage: objectives × questions" in key_only.key.pages[0]
    assert key_only.key.pages == both.key.pages  # the key is the same as before
    assert key_only.student.page_count == key_only.key.page_count == both.student.page_count
    for n in range(1, 9):
        where = [next(i for i, p in enumerate(pdf.pages) if f"Question number {n} " in p)
                 for pdf in (key_only.student, key_only.key)]
        assert where[0] == where[1], n
