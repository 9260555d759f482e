"""Themes as data, school branding and a folder's shared defaults, read back from the PDFs."""
from __future__ import annotations

import re

import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from PIL import Image, ImageFilter

from studyguide import api
from studyguide.errors import GuideError
from studyguide.theming import themefiles

from conftest import ASSETS_DIR, GUIDES, REPO, Pdf, build_into, built_once, cli_main, run_cli, write_guide

FIRST = REPO / "guides" / "china-foreign-police-training.yaml"
BUNDLED = ("classic", "compact", "ink-saver", "modern")
FONT = REPO / "src" / "studyguide" / "fonts" / "AtkinsonHyperlegible-Regular.ttf"


@pytest.fixture(scope="module")
def by_theme(tmp_path_factory):
    """(built by one xdist worker of the run, read by both: conftest.built_once)"""
    return {name: built_once(tmp_path_factory, "test_themes.by_theme", FIRST, theme=name) for name in BUNDLED}


def test_the_bundled_themes_are_listed():
    assert themefiles.bundled() == list(BUNDLED)


@pytest.mark.parametrize("name", BUNDLED)
def test_first_guide_in_each_theme_prints_its_labels(by_theme, name):
    b = by_theme[name]
    first = b.student.pages[0]
    for label in ("Name", "Date", "Period", "Summary", "Total: 46 points"):
        assert label in first, (name, label)
    assert "ANSWER KEY" in b.key.pages[0] and "ANSWER KEY" not in first
    assert "Questions" in b.student.text
    n, k = b.student.page_count, b.key.page_count
    assert n <= k <= n + 1  # the key may go on with its notes on the answers
    assert b.student.pages[-1].endswith(f"Page {n} of {n}") and b.key.pages[-1].endswith(f"Page {k} of {k}")
    assert {tuple(map(float, p.mediabox[2:])) for p in b.student.reader.pages} == {(612.0, 792.0)}


def test_denser_themes_take_fewer_pages(by_theme):
    pages = {name: b.student.page_count for name, b in by_theme.items()}
    assert pages["compact"] < pages["classic"]
    assert pages["ink-saver"] < pages["classic"]


def test_theme_margins_reach_the_page(by_theme):
    """The text starts at the theme's left margin: 0.75 in classic, 0.55 in compact."""
    for name, margin in (("classic", 54.0), ("compact", 0.55 * 72), ("modern", 0.85 * 72)):
        page = by_theme[name].student.reader.pages[0]
        xs = []
        page.extract_text(visitor_text=lambda text, cm, tm, fd, size: xs.append(tm[4] * cm[0] + cm[4])
                          if text.strip() else None)
        assert min(xs) == pytest.approx(margin, abs=0.5), name


def _darkest_filled_area(pdf_path: Path, window: int = 5, dpi: int = 40) -> int:
    """The lightest grey of the darkest area at least ``window`` pixels square (9 pt at 40 dpi) that
    is filled on any page: 255 when no such area is anything but white. The text is taken off each
    page before it is drawn, and rules are much thinner than the window, so only filled areas
    (bands, boxes, pictures) count."""
    darkest = 255
    doc = pdfium.PdfDocument(str(pdf_path))
    for page in doc:
        for obj in list(page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_TEXT])):
            page.remove_obj(obj)
        page.gen_content()
        grey = page.render(scale=dpi / 72).to_pil().convert("L")
        filled = grey.filter(ImageFilter.MaxFilter(window))  # dark only where the whole window is dark
        darkest = min(darkest, filled.getextrema()[0])
    return darkest


def test_the_fill_detector_sees_a_filled_area(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(tmp_path / "box.pdf"))
    c.setFont("Helvetica-Bold", 40)
    c.drawString(72, 700, "Bold text is not a filled area.")
    c.setFillGray(0.5)
    c.rect(72, 500, 40, 40, stroke=0, fill=1)
    c.save()
    assert _darkest_filled_area(tmp_path / "box.pdf") < 140
    c = Canvas(str(tmp_path / "text.pdf"))
    c.setFont("Helvetica-Bold", 40)
    c.drawString(72, 700, "Bold text is not a filled area.")
    c.save()
    assert _darkest_filled_area(tmp_path / "text.pdf") == 255


def test_ink_saver_has_no_filled_areas(by_theme):
    """Every page of the handout and the key: nothing filled, not even light grey; classic has its bands."""
    for doc in (by_theme["ink-saver"].student, by_theme["ink-saver"].key):
        assert _darkest_filled_area(doc.path) >= 250, doc.path.name
    assert _darkest_filled_area(by_theme["classic"].key.path) < 240  # the key's grey banner


# -- a teacher's own themes -------------------------------------------------------------------------

def _folder(tmp_path: Path, defaults: str | None = None, theme_files: dict | None = None) -> Path:
    """guides/ with the first guide (without its own language and paper, which the defaults may give),
    assets/, and optionally guides/studyguide.yaml and guides/themes/*.yaml."""
    guides = tmp_path / "guides"
    guides.mkdir()
    lines = FIRST.read_text(encoding="utf-8").splitlines(keepends=True)
    (guides / FIRST.name).write_text("".join(l for l in lines if not l.startswith(("language:", "paper:"))),
                                     encoding="utf-8")
    shutil.copytree(ASSETS_DIR, tmp_path / "assets")
    if defaults is not None:
        write_guide(guides, "studyguide.yaml", defaults)
    for name, text in (theme_files or {}).items():
        write_guide(guides / "themes", name, text)
    return guides


def _errors(guides: Path, *args) -> list[str]:
    run = cli_main("validate", "guides", *args, cwd=guides.parent)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    return run.stderr.splitlines()


def test_a_teachers_theme_overrides_a_bundled_one_key_by_key(tmp_path):
    guides = _folder(tmp_path, theme_files={"classic.yaml": """
        page:
          margin_x: 1.5in
        """})
    b = build_into(guides / FIRST.name, tmp_path / "out")
    page = b.student.reader.pages[0]
    xs = []
    page.extract_text(visitor_text=lambda text, cm, tm, fd, size: xs.append(tm[4] * cm[0] + cm[4]) if text.strip() else None)
    assert min(xs) == pytest.approx(108, abs=0.5)
    assert "Summary" in b.student.pages[0]  # everything else still classic's


def test_a_theme_may_name_a_truetype_font_from_assets(tmp_path):
    guides = _folder(tmp_path, theme_files={"mine.yaml": """
        parent: modern
        fonts:
          regular: MyFont.ttf
        """})
    shutil.copy(FONT, tmp_path / "assets" / "MyFont.ttf")
    text = (guides / FIRST.name).read_text(encoding="utf-8")
    (guides / FIRST.name).write_text("theme: mine\n" + text, encoding="utf-8")
    b = build_into(guides / FIRST.name, tmp_path / "out")
    assert any(f.endswith("+AtkinsonHyperlegible-Regular") for f in b.student.fonts_of("Make police in partner countries"))
    assert b.student.fonts_of("Summary") == {"AAAAAA+AtkinsonHyperlegible-Regular"}  # no bold given: regular
    # the same fonts give the same bytes from another folder
    again = build_into(guides / FIRST.name, tmp_path / "out2")
    assert again.student.data == b.student.data


THEME_ERRORS = [
    ("colors:\n  shade: #EEEEEE\n", "guides/themes/mine.yaml:2:9: colors.shade: expected a colour such as "
     "\"#1F5F8B\" (in quotes) or none, found nothing (a # starts a comment in YAML: put the colour in quotes)"),
    ("page:\n  margin_x: 5in\n", "guides/themes/mine.yaml:2:13: page.margin_x: 5in is out of range "
     "(use 18 to 144 pt, 0.25 to 2 in)"),
    ("page:\n  margin_x: wide\n", "guides/themes/mine.yaml:2:13: page.margin_x: 'wide' is not a length (write a "
     "number of points, or one with a unit: 0.5in, 1.2cm, 8mm)"),
    ("colours:\n  ink: \"#000000\"\n", "guides/themes/mine.yaml:1:1: theme: unknown key 'colours' "
     "(did you mean 'colors'?)"),
    ("styles:\n  heading: {size: 14, leading: 10}\n", "guides/themes/mine.yaml:2:32: styles.heading: size 14 with "
     "leading 10, so lines would overlap; give it leading: 17 (about 1.2 × the size)"),
    ("styles:\n  heading: {font: heavy}\n", "guides/themes/mine.yaml:2:19: styles.heading.font: 'heavy' is not a "
     "font role (use regular, bold, italic, bold_italic)"),
    ("styles:\n  headline: {size: 14}\n", "guides/themes/mine.yaml:2:3: styles: unknown key 'headline' "
     "(did you mean 'heading'?)"),
    ("parent: modrn\n", "guides/themes/mine.yaml:1:9: parent: no theme named 'modrn' (did you mean 'modern'?); "
     "a theme of your own goes in themes/modrn.yaml beside the guides"),
    ("fonts:\n  regular: nothere.ttf\n", "guides/themes/mine.yaml:2:12: fonts.regular: font 'nothere.ttf' not found "
     "(looked in {guides} or {assets}); check the file name"),
    ("fonts:\n  regular: ../x.ttf\n", "guides/themes/mine.yaml:2:12: fonts.regular: '../x.ttf' leads out of the "
     "guide's folder ('..'); put the font in the guide's folder or assets/"),
    ("fonts:\n  regular: crest.png\n", "guides/themes/mine.yaml:2:12: fonts.regular: 'crest.png' is not a "
     "TrueType font (.ttf)"),
    # what only the merged theme shows: the parent's keys count too
    ("styles:\n  heading: {parent: subheading}\n  subheading: {parent: heading}\n",
     "guides/themes/mine.yaml:2:21: styles.heading.parent: the styles name each other as parents in a loop "
     "(heading → subheading → heading); remove one of these parents"),
    ("styles:\n  body: {parent: title}\n", "guides/themes/mine.yaml:2:18: styles.body.parent: the styles name each "
     "other as parents in a loop (body → title → body); remove one of these parents"),
    ("colors: {shade: none}\nstyles: {heading: {color: shade}}\n", "guides/themes/mine.yaml:2:27: "
     "styles.heading.color: 'shade' is none in this theme, so the text would not print; choose another colour"),
    # text that would hardly show on white paper (hostile 8: white ink built invisible pages)
    ('colors:\n  ink: "#FFFFFF"\n', 'guides/themes/mine.yaml:2:8: colors.ink: #FFFFFF on white paper has a contrast of '
     "only 1.0 to 1, so its text would hardly show; choose a darker colour (such as #333333; at least 2 to 1)"),
    ('styles:\n  title: {color: "#FFFF00"}\n', "guides/themes/mine.yaml:2:18: styles.title.color: #FFFF00 on white "
     "paper has a contrast of only 1.1 to 1, so its text would hardly show; choose a darker colour (such as #333333; "
     "at least 2 to 1)"),
    ("page: {margin_bottom: 0.5in}\n", "guides/themes/mine.yaml:1:23: page: the footer (its line at 0.66in from "
     "the bottom edge) would print over the text, which starts at margin_bottom 0.50in; make margin_bottom at "
     "least 0.71in or lower footer_y to 0.29in or less"),
    # footer_y at its 1.5in maximum under a 48 pt footer: margin_bottom's 2in maximum alone cannot make room
    ("page: {footer_y: 108}\nstyles: {footer: {size: 48, leading: 56}}\n", "guides/themes/mine.yaml:1:18: page: "
     "the footer (its line at 2.21in from the bottom edge) would print over the text, which starts at margin_bottom "
     "0.90in; make margin_bottom 2.00in and lower footer_y to 1.24in or less"),
    ("styles: {title: {size: 40}}\n", "guides/themes/mine.yaml:1:24: styles.title: size 40 with leading 25, so "
     "lines would overlap; give it leading: 48 (about 1.2 × the size)"),
    ("parent: mine\n", "guides/themes/mine.yaml:1:9: parent: a theme cannot be its own parent; name the theme it "
     "starts from, such as classic"),
]


@pytest.mark.parametrize("text,message", THEME_ERRORS, ids=[m.split(": ")[1] + str(i) for i, (_, m) in enumerate(THEME_ERRORS)])
def test_a_theme_with_a_mistake_gets_a_located_error(tmp_path, text, message):
    guides = _folder(tmp_path, defaults="theme: mine\n")
    (guides / "themes").mkdir()
    (guides / "themes" / "mine.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "assets" / "crest.png").write_bytes((REPO / "assets" / "carbon-cycle.png").read_bytes())
    lines = _errors(guides)
    message = message.format(guides=guides.resolve(), assets=(tmp_path / "assets").resolve())
    assert lines[0] == message


def test_themes_naming_each_other_as_parents_are_refused(tmp_path):
    guides = _folder(tmp_path, defaults="theme: a\n", theme_files={"a.yaml": "parent: b\n", "b.yaml": "parent: a\n"})
    assert _errors(guides)[0] == ("guides/themes/b.yaml:1:9: parent: the themes name each other as parents in a "
                                  "loop (a → b → a); one of them must name a bundled theme")


def test_a_damaged_font_is_reported_at_its_line_when_building(tmp_path):
    _folder(tmp_path, defaults="theme: mine\n", theme_files={"mine.yaml": "fonts:\n  regular: Bad.ttf\n"})
    (tmp_path / "assets" / "Bad.ttf").write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 200)
    run = run_cli("build", "guides", "-o", tmp_path / "out", cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith("guides/themes/mine.yaml:2:12: fonts.regular: 'Bad.ttf' cannot be used as a "
                                 "TrueType font (")
    assert not (tmp_path / "out" / FIRST.with_suffix(".pdf").name).exists()


def test_unknown_theme_on_the_command_line(tmp_path):
    guides = _folder(tmp_path)
    run = cli_main("build", guides, "--theme", "modrn", "-o", tmp_path / "out", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == ("--theme: no theme named 'modrn' (did you mean 'modern'?); a theme of "
                                          "your own goes in themes/modrn.yaml beside the guides")


def test_a_guide_asking_for_colours_is_sent_to_themes(tmp_path):
    path = write_guide(tmp_path, "g.yaml", "title: T\ncolour: blue\n")
    with pytest.raises(GuideError) as exc:
        api.load(path)
    assert str(exc.value.problems[0]).endswith("guide: unknown key 'colour' (a guide does not set colours, fonts or "
                                               "sizes; a theme does: write 'theme: NAME', and see 'studyguide themes')")


# -- the folder's defaults file, and branding ---------------------------------------------------------

DEFAULTS = """
    school: Lincoln High School
    course: World History
    teacher: Ms. Rivera
    logo: carbon-cycle.png
    header: Unit 4 · Global Governance
    footer: Room 214
    paper: a4
    theme: compact
    language: es
    labels:
      period: Clase
      name: Alumno
    """


def test_every_guide_inherits_the_defaults_file(tmp_path):
    guides = _folder(tmp_path, DEFAULTS)
    b = build_into(guides / FIRST.name, tmp_path / "out")
    first = b.student.pages[0]
    assert first.startswith("Lincoln High School World History · Ms. Rivera China’s Plan to Train Foreign Police")
    assert "Alumno" in first and "Clase" in first and "Fecha" in first  # labels merge with the language's
    for n, page in enumerate(b.student.pages, 1):
        assert "Unit 4 · Global Governance" in page, n  # the running header on every page
        assert f"Room 214 · China’s Plan to Train Foreign Police · Página {n} de" in page
    assert {tuple(round(float(x)) for x in p.mediabox[2:]) for p in b.student.reader.pages} == {(595, 842)}
    logos = [page for page in b.student.reader.pages if page["/Resources"].get("/XObject")]
    assert logos == [b.student.reader.pages[0]]  # the logo, on page 1 only


def test_a_guides_own_keys_win_and_labels_merge_key_by_key(tmp_path):
    guides = _folder(tmp_path, DEFAULTS)
    text = (guides / FIRST.name).read_text(encoding="utf-8")
    own = "school: Escuela Dos\npaper: letter\nlanguage: fr\nlabels:\n  name: Élève\n"
    (guides / FIRST.name).write_text(own + text, encoding="utf-8")
    b = build_into(guides / FIRST.name, tmp_path / "out")
    first = b.student.pages[0]
    assert "Escuela Dos" in first and "Lincoln" not in first       # the guide's own school
    assert "World History · Ms. Rivera" in first                   # the rest from the defaults
    assert "Élève" in first and "Alumno" not in first              # its own label wins ...
    assert "Clase" in first                                         # ... the defaults' other label stays
    assert "Date" in first and "Fecha" not in first                # French, from the guide
    assert float(b.student.reader.pages[0].mediabox[2]) == 612     # letter, from the guide


def test_theme_order_command_line_over_guide_over_defaults(tmp_path):
    guides = _folder(tmp_path, "theme: compact\n", theme_files={"wide.yaml": "page:\n  margin_x: 1.5in\n"})

    def margin(pdf: Pdf) -> float:
        xs = []
        pdf.reader.pages[0].extract_text(visitor_text=lambda t, cm, tm, fd, s: xs.append(tm[4] * cm[0] + cm[4])
                                         if t.strip() else None)
        return round(min(xs), 1)

    assert margin(build_into(guides / FIRST.name, tmp_path / "a").student) == round(0.55 * 72, 1)
    text = (guides / FIRST.name).read_text(encoding="utf-8")
    (guides / FIRST.name).write_text("theme: wide\n" + text, encoding="utf-8")
    assert margin(build_into(guides / FIRST.name, tmp_path / "b").student) == 108
    assert margin(build_into(guides / FIRST.name, tmp_path / "c", theme="modern").student) == round(0.85 * 72, 1)


def test_the_defaults_file_is_not_built_as_a_guide(tmp_path):
    guides = _folder(tmp_path, DEFAULTS)
    assert api.find_guides([guides]) == [guides / FIRST.name]
    run = cli_main("build", "guides/studyguide.yaml", "-o", tmp_path / "out", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == ("guides/studyguide.yaml: is the defaults file every guide in its folder "
                                          "inherits, not a guide; build or validate the folder or the guides beside it")


def test_validate_checks_the_defaults_file_once_with_located_errors(tmp_path):
    guides = _folder(tmp_path, "title: Not here\nschool: [a, b]\nlabels:\n  perod: Class\n")
    shutil.copy(FIRST, guides / "second.yaml")
    assert _errors(guides) == [
        "guides/studyguide.yaml:1:1: title: belongs in each guide, not in studyguide.yaml, which sets what every "
        "guide in the folder shares (subject, grade, author, language, paper, headings, versions, seed, activities, "
        "accommodations, labels, coverage, theme, school, course, teacher, logo, header, footer)",
        "guides/studyguide.yaml:2:9: school: expected text, found a list (put the text on the same line, in quotes if "
        "it contains ': ')",
        "guides/studyguide.yaml:4:3: labels: unknown key 'perod' (did you mean 'period'?)",
    ]
    build = cli_main("build", "guides", "-o", tmp_path / "out", cwd=tmp_path)
    assert build.returncode == 1
    assert build.stderr.count("perod") == 1  # shown once for the two guides that inherit it
    assert build.stderr.count("failed: ") == 2


def test_validate_reports_a_good_defaults_file(tmp_path):
    _folder(tmp_path, DEFAULTS)
    run = cli_main("validate", "guides", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == ("ok: guides/studyguide.yaml (defaults for the guides beside it: school, "
                                          "course, teacher, logo, header, footer, paper, theme, language, labels)")


# -- studyguide themes ---------------------------------------------------------------------------------

def test_themes_lists_bundled_and_own(tmp_path):
    guides = _folder(tmp_path, theme_files={"lincoln.yaml": "parent: modern\ndescription: Our colours\n"})
    run = cli_main("themes", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(BUNDLED) + ["lincoln"]
    assert lines[-1].endswith("Our colours  [guides/themes/lincoln.yaml, parent modern]")
    assert guides.is_dir()


def test_themes_preview_writes_one_page_of_each(tmp_path):
    _folder(tmp_path)
    run = cli_main("themes", "--preview", "-o", tmp_path / "prev", cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    for name in BUNDLED:
        pdf = Pdf(tmp_path / "prev" / f"theme-{name}.pdf")
        assert pdf.page_count == 1
        assert pdf.pages[0].startswith("China’s Plan to Train Foreign Police")
    # the PNGs of a one-page guide's previews (the size is the paper's at 100 dpi, whatever the guide; the first
    # guide's 28 pages, laid out again in each theme, cost the PDF run above as much again)
    small = write_guide(tmp_path / "small", "small.yaml", "title: Small\nsummary: One line.\n")
    png = cli_main("themes", small, "--preview", "--png", "-o", tmp_path / "png", cwd=tmp_path, timeout=120)
    assert png.returncode == 0, png.stderr
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == [f"theme-{name}.png" for name in BUNDLED]
    with Image.open(tmp_path / "png" / "theme-ink-saver.png") as im:
        assert im.size == (850, 1100)  # letter at 100 dpi


def test_every_bundled_guide_builds_in_every_theme_without_warnings_of_its_own(tmp_path, by_theme):
    """Other guides too: the themes are not tuned to the first one (whose builds by_theme holds)."""
    for guide in GUIDES:
        for name in ("compact", "ink-saver"):
            result = by_theme[name].result if guide == FIRST else api.build(guide, tmp_path / name, theme=name)
            assert result.outputs[0].question_pages == result.outputs[1].question_pages
            assert result.outputs[0].pages <= result.outputs[1].pages  # (the key's notes may follow)


# each key a defaults file may set: (its value there, the guide's own, what the guide gets from each)
KEY_BY_KEY = {
    "subject": ("Defaults", "Own", lambda g: g.subject),
    "grade": ("7", "8", lambda g: g.grade),
    "author": ("Defaults", "Own", lambda g: g.author),
    "language": ("es", "fr", lambda g: g.language),
    "paper": ("a4", "letter", lambda g: g.paper),
    "versions": ("2", "3", lambda g: g.versions),
    "seed": ("one", "two", lambda g: g.seed),
    "coverage": ("key", "both", lambda g: g.coverage),
    "activities": ("[matching]", "[cloze]", lambda g: g.activities),
    "theme": ("compact", "modern", lambda g: g.theme),
    "school": ("Defaults", "Own", lambda g: g.branding.school),
    "course": ("Defaults", "Own", lambda g: g.branding.course),
    "teacher": ("Defaults", "Own", lambda g: g.branding.teacher),
    "logo": ("a.png", "b.png", lambda g: g.branding.logo.name),
    "header": ("Defaults", "Own", lambda g: g.branding.header),
    "footer": ("Defaults", "Own", lambda g: g.branding.footer),
}
# mappings merge key by key: (defaults, guide's own, what the guide gets)
MERGED = {
    "labels": ("{name: Pupil, period: Class}", "{name: Student}",
               lambda g: g.labels, {"name": "Student", "period": "Class"}),
    "headings": ("{summary: Overview, topics: Themes}", "{topics: Big ideas}",
                 lambda g: g.headings, {"summary": "Overview", "topics": "Big ideas"}),
    "accommodations": ("{word_bank: true, extra_lines: 1}", "{extra_lines: 3}",
                       lambda g: (g.accommodations.word_bank, g.accommodations.extra_lines), (True, 3)),
}


def test_every_shareable_key_is_covered():
    from studyguide.reading.schema import DEFAULT_KEYS

    assert set(KEY_BY_KEY) | set(MERGED) == set(DEFAULT_KEYS)


def _load_pair(tmp_path, key, there, own):
    folder = tmp_path / key
    folder.mkdir()
    for name in ("a.png", "b.png"):
        shutil.copy(ASSETS_DIR / "carbon-cycle.png", folder / name)
    (folder / "studyguide.yaml").write_text(f"{key}: {there}\n", encoding="utf-8")
    write_guide(folder, "inherits.yaml", "title: T\n")
    write_guide(folder, "own.yaml", f"title: T\n{key}: {own}\n")
    return api.load(folder / "inherits.yaml"), api.load(folder / "own.yaml")


@pytest.mark.parametrize("key", sorted(KEY_BY_KEY))
def test_a_guide_inherits_each_key_and_its_own_wins(tmp_path, key):
    there, own, read = KEY_BY_KEY[key]
    inherits, mine = _load_pair(tmp_path, key, there, own)
    expect = {"[matching]": ("matching",), "[cloze]": ("cloze",), "2": 2, "3": 3}
    assert read(inherits) == expect.get(there, there)
    assert read(mine) == expect.get(own, own)


@pytest.mark.parametrize("key", sorted(MERGED))
def test_mappings_merge_key_by_key(tmp_path, key):
    there, own, read, merged = MERGED[key]
    _, mine = _load_pair(tmp_path, key, there, own)
    assert read(mine) == merged


@pytest.mark.parametrize("name", BUNDLED)
def test_no_matching_set_is_split_across_pages(by_theme, name):
    """Whatever a theme does to page length, each vocabulary-matching set is on one page: 13 terms, cut
    into sets where they land (as many terms as the room left holds), each with one spare definition."""
    for doc in (by_theme[name].student, by_theme[name].key):
        sets = [(p, m) for p in doc.pages for m in re.finditer(r"Set (\d+): terms (\d+)–(\d+)", p)]
        assert [int(m.group(1)) for _, m in sets] == list(range(1, len(sets) + 1)) and len(sets) >= 2, doc.path.name
        assert int(sets[0][1].group(2)) == 1 and int(sets[-1][1].group(3)) == 13
        for (page, m), nxt in zip(sets, sets[1:] + [None]):
            first, last = int(m.group(2)), int(m.group(3))
            assert last - first + 1 >= 4 and (nxt is None or int(nxt[1].group(2)) == last + 1), (name, m.group(0))
            tail = page[m.end():]
            tail = tail.split(nxt[1].group(0))[0] if nxt is not None and nxt[0] is page else tail
            letter = "ABCDEFGHIJKLMNOP"[last - first + 1]  # the terms' definitions and one spare
            assert f"{last}." in tail and f"{letter}." in tail, (name, doc.path.name, m.group(0))


def test_a_theme_giving_only_a_bold_font_keeps_its_familys_regular(tmp_path):
    guides = _folder(tmp_path, defaults="theme: mine\n",
                     theme_files={"mine.yaml": "fonts:\n  family: readable\n  bold: MyBold.ttf\n"})
    shutil.copy(REPO / "src" / "studyguide" / "fonts" / "DejaVuSans-Bold.ttf", tmp_path / "assets" / "MyBold.ttf")
    b = build_into(guides / FIRST.name, tmp_path / "out")
    assert b.student.fonts_of("Make police in partner countries") == {"AAAAAA+AtkinsonHyperlegible-Regular"}
    assert b.student.fonts_of("Summary") == {"AAAAAA+DejaVuSans-Bold"}


def test_a_broken_own_theme_is_reported_and_the_others_still_listed(tmp_path):
    _folder(tmp_path, theme_files={"bad.yaml": "colors: {ink: red}\n", "classic.yaml": "page: {margin_x: 1in}\n"})
    run = cli_main("themes", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.splitlines() == ["guides/themes/bad.yaml:1:15: colors.ink: expected a colour such as "
                                       "\"#1F5F8B\" (in quotes), found the text 'red'"]
    names = [line.split()[0] for line in run.stdout.splitlines()]
    assert names == list(BUNDLED) + ["classic"]
    assert run.stdout.splitlines()[-1].endswith("overrides the bundled classic for these guides]")


def test_preview_of_an_own_theme_with_no_guide_yet(tmp_path):
    (tmp_path / "guides" / "themes").mkdir(parents=True)
    (tmp_path / "guides" / "themes" / "mine.yaml").write_text("parent: modern\n", encoding="utf-8")
    run = cli_main("themes", "--preview", "-o", tmp_path / "prev", cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    assert Pdf(tmp_path / "prev" / "theme-mine-own.pdf").pages[0].startswith("My Study Guide — mine")


def test_long_name_date_period_labels_never_overlap(tmp_path):
    """Labels a teacher lengthened move Date and Period to a second row (and get smaller only when even
    that is too narrow): every label's text starts after the one before it ends."""
    path = write_guide(tmp_path, "g.yaml", """
        title: Long labels
        labels:
          name: "Student's full name (first and last)"
          date: "Today's date (month and day)"
          period: "Class period or section"
        questions:
          - type: true_false
            prompt: The sky is blue.
            answer: true
            points: 3
        """)
    from studyguide.classroom import SetOptions, build_set

    for edition, name in (("standard", "g.pdf"), ("large-print", "g-large-print.pdf")):
        build_set(path, tmp_path / edition, None, SetOptions(edition=edition))
        result = Pdf(tmp_path / edition / name)
        spans = []

        def visit(text, cm, tm, fd, size, spans=spans):
            if text.strip() and any(w in text for w in ("Student's", "Today's", "Class period", "Total")):
                spans.append((round(tm[5] + cm[5]), tm[4] + cm[4], text.strip()))

        result.reader.pages[0].extract_text(visitor_text=visit)
        rows = {}
        for y, x, text in spans:
            rows.setdefault(y, []).append((x, text))
        total = [y for y, _, text in spans if text.startswith("Total")]
        named = {y for y, _, text in spans if not text.startswith("Total")}
        assert len(named) == 2, (edition, spans)  # Name above, Date and Period below
        # the total beside Name, or on a line of its own above it when it would leave the name too little line
        assert len(total) == 1 and total[0] >= max(named), (edition, spans)
        for row in rows.values():
            row.sort()
            for (x0, t0), (x1, _) in zip(row, row[1:]):
                assert x1 > x0 + len(t0) * 3, (edition, row)  # a later label starts past the one before


def test_theme_on_the_command_line_as_the_shell_completes_it(tmp_path):
    guides = _folder(tmp_path, theme_files={"wide.yaml": "page:\n  margin_x: 1.5in\n"})
    run = cli_main("build", f"guides/{FIRST.name}", "--theme", "guides/themes/wide.yaml", "--no-key",
                  "-o", tmp_path / "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert Pdf(tmp_path / "out" / FIRST.with_suffix(".pdf").name).data == \
        api.build(guides / FIRST.name, tmp_path / "again", key=False, theme="wide").outputs[0].path.read_bytes()
    upper = cli_main("build", f"guides/{FIRST.name}", "--theme", "MODERN", "--no-key", "-o", tmp_path / "m",
                    cwd=tmp_path)
    assert upper.returncode == 0, upper.stderr


def test_the_same_name_as_author_and_teacher_prints_once(tmp_path):
    """The starter's author: and a defaults file's teacher: are the same person: one name on page 1,
    above the title, in the handout and the key alike; different names both print."""
    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "studyguide.yaml").write_text("school: Lincoln High School\nteacher: Ms. Rivera\n", encoding="utf-8")
    (guides / "g.yaml").write_text("title: The Road to War\nsubject: History\nauthor: ms.  Rivera\n", encoding="utf-8")
    built = build_into(guides / "g.yaml", tmp_path / "out")
    for pdf in (built.student, built.key):
        first = pdf.pages[0]
        assert first.count("Rivera") == 1, first
        assert first.index("Lincoln High School") < first.index("Rivera") < first.index("The Road to War")
        assert "History" in first and "ms. Rivera" not in first
    (guides / "g.yaml").write_text("title: The Road to War\nauthor: Mr. Okafor\n", encoding="utf-8")
    built = build_into(guides / "g.yaml", tmp_path / "out2")
    assert built.student.pages[0].count("Rivera") == 1 and built.student.pages[0].count("Okafor") == 1


def test_png_previews_without_pypdfium2_say_how_to_install_it(monkeypatch):
    import sys

    from studyguide import preview

    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # as after the README's plain install
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(api.UsageError) as info:
        preview.to_png(b"%PDF-1.4")
    assert str(info.value) == ("PNG previews need pypdfium2, which the plain install leaves out: install it with "
                               f"'{sys.executable} -m pip install pypdfium2' (or install poppler's pdftoppm), "
                               "or leave out --png for PDF previews")


def test_theme_on_the_command_line_as_a_full_path(tmp_path):
    """--theme FILE takes a full path too, inside the guide's folder or assets/ (checked as a theme named
    there); one elsewhere is told where to put it, since its parents and fonts are read from beside the guide."""
    guides = _folder(tmp_path, theme_files={"wide.yaml": "page:\n  margin_x: 1.5in\n"})
    (tmp_path / "assets" / "wide.yaml").write_text("page:\n  margin_x: 1.5in\n", encoding="utf-8")
    by_name = api.build(guides / FIRST.name, tmp_path / "n", key=False, theme="wide").outputs[0].path.read_bytes()
    for full in (guides / "themes" / "wide.yaml", tmp_path / "assets" / "wide.yaml"):
        built = api.build(guides / FIRST.name, tmp_path / "f", key=False, theme=str(full))
        assert built.outputs[0].path.read_bytes() == by_name
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text("page:\n  margin_x: 1.5in\n", encoding="utf-8")
    for path, message in (
            (elsewhere, f"'{elsewhere}' is outside the guide's folder ({guides}) and assets/, where a theme and its "
                        f"fonts are read from; copy it into {guides / 'themes'} and name it there"),
            (tmp_path / "none.yaml", f"'{tmp_path / 'none.yaml'}': no such file (name a theme, or a theme file in "
                                     "the guide's folder or assets/)")):
        with pytest.raises(GuideError) as info:
            api.build(guides / FIRST.name, tmp_path / "x", key=False, theme=str(path))
        assert [str(p) for p in info.value.problems] == [f"--theme: {message}"]
    assert not (tmp_path / "x").exists()
