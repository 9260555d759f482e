"""Tables of figures typed in a summary (a Markdown table pasted as it is, or rows copied from a spreadsheet),
read back from the PDF: each cell's text where a table puts it (a column's cells share its edge, figures
right-aligned), the heading row again atop the page a long table goes on to, and the table inside the text
area. A trial's teacher pasted one into her summary and got a paragraph of '|' characters, with no warning
(r8 trial, M1)."""
from __future__ import annotations

import dataclasses

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from conftest import write_guide
from studyguide import api, render
from studyguide.errors import GuideError

REGIONS = """
    title: Brazil's Economy in Figures
    summary: |
      Brazil is the largest economy in Latin America.

      | Region | Population (m) | Share of GDP | GDP per person (R$) |
      |---|---|---|---|
      | Southeast | 84.8 | 52.9 % | 64,000 |
      | South | 29.9 | 17.2 % | 58,000 |
      | Northeast | 54.6 | 13.8 % | 25,000 |
      | Centre-West | 16.3 | 10.4 % | 65,000 |
      | North | 17.4 | 5.7 % | 33,000 |

      Growth was 2.9 % in 2023.
    questions:
      - type: short_answer
        prompt: Which region has the largest GDP per person?
        answer: Centre-West
"""


def words(pdf: bytes) -> list[list[tuple[str, float, float, float, float]]]:
    """Each page's words: (text, left, bottom, right, top) in points, from the characters' boxes."""
    out = []
    doc = pdfium.PdfDocument(pdf)
    for page in doc:
        chars = page.get_textpage()
        text = chars.get_text_range()
        found, word = [], []
        for i, ch in enumerate(text):
            if ch.isspace() or ch == "\ufffe":
                if word:
                    found.append(word)
                word = []
                continue
            word.append((ch, *chars.get_charbox(i)))
        if word:
            found.append(word)
        out.append([("".join(c[0] for c in w), min(c[1] for c in w), min(c[2] for c in w),
                     max(c[3] for c in w), max(c[4] for c in w)) for w in found])
    return out


def find(page, text: str) -> list[tuple[str, float, float, float, float]]:
    return [w for w in page if w[0] == text]


def rendered(tmp_path, text: str, theme=None, edition=None, paper=None, name="t.yaml"):
    guide = api.load(write_guide(tmp_path, name, text))
    th = api.theme_for(guide, theme, edition)
    return guide, th, render.render(guide, paper=paper, theme=th)


def right_edge(theme, paper: str = "letter") -> float:
    return theme.page_size(paper)[0] - theme.margin_x


@pytest.mark.parametrize("theme, edition", [("classic", None), ("modern", None), ("ink-saver", None),
                                            ("compact", None), ("classic", "large-print")])
def test_a_pasted_markdown_table_prints_as_a_table_its_figures_right_aligned(tmp_path, theme, edition):
    guide, th, docs = rendered(tmp_path, REGIONS, theme, edition)
    assert [type(p).__name__ for p in guide.summary] == ["str", "Table", "str"]
    for mode in ("student", "key"):
        pdf = docs[mode].pdf
        page = words(pdf)[0]
        text = " ".join(w[0] for w in page)
        assert "|" not in text and "---" not in text
        assert "Southeast 84.8 52.9 % 64,000" in text  # a row reads across, in its order
        # the names share their left edge; each column of figures its right edge (the percent sign last)
        names = [find(page, n)[0] for n in ("Southeast", "South", "Northeast", "Centre-West", "North")]
        assert max(w[1] for w in names) - min(w[1] for w in names) < 1.2  # (the letters' own side bearings)
        for column in (("84.8", "29.9", "54.6", "16.3", "17.4"), ("64,000", "58,000", "25,000", "65,000", "33,000")):
            cells = [find(page, c)[-1] for c in column]
            assert max(w[3] for w in cells) - min(w[3] for w in cells) < 1.2, column
            assert len({round(w[2]) for w in cells}) == 5  # five rows, one under another
        percents = [w for w in page if w[0] == "%"]
        assert len(percents) >= 5 and max(w[3] for w in percents[:5]) - min(w[3] for w in percents[:5]) < 0.5
        # the figures' right edge is the table's, and within the text area; the names are left of the figures
        assert find(page, "64,000")[-1][3] <= right_edge(th) + 0.5
        assert find(page, "Southeast")[0][3] < find(page, "84.8")[0][1]
        # the heading of a column of figures is right-aligned with them
        assert abs(find(page, "(R$)")[0][3] - find(page, "64,000")[-1][3]) < 0.5
        # the text after the table prints under it
        assert find(page, "Growth")[0][2] < find(page, "North")[-1][2]
    if edition == "large-print":
        doc = pdfium.PdfDocument(docs["student"].pdf)
        chars = doc[0].get_textpage()
        at = chars.get_text_range().find("84.8")
        assert pdfium_raw.FPDFText_GetFontSize(chars.raw, at) >= 16


@pytest.mark.parametrize("cells, right", [
    (["84.8", "5.7", "—", ""], True), (["52.9 %", "+0.5 %", "−3 °C"], True),
    (["R$64,000", "US$53.2 bn", "€ 12", "(4.5)"], True), (["2,487万", "1,204 km²", "3 million", "2.56 ×", "3/4"], True),
    (["84.8", "China"], False), (["Grade 9", "Grade 10"], False), (["—", ""], False), (["9 of 10"], False)])
def test_a_column_of_figures_is_told_from_one_of_words(cells, right):
    from studyguide.layout.tables import figures

    assert figures(cells) is right


def test_a_long_table_repeats_its_heading_row_on_the_next_page(tmp_path):
    rows = "\n".join(f"          | City {n} | {n * 1234:,} | {n / 7:.1f} % |" for n in range(1, 71))
    guide, th, docs = rendered(tmp_path, f"""
        title: Cities
        summary: |
          | City | People | Growth |
          |:--|--:|--:|
{rows}
    """, paper="a4")
    assert docs["student"].pages >= 2
    pages = words(docs["student"].pdf)
    for n, page in enumerate(pages):
        heads = find(page, "People")
        figures = [w for w in page if w[0][:1].isdigit() and w[0] != str(n + 1)]
        assert len(heads) == 1, f"page {n + 1}: {len(heads)} heading rows"
        assert heads[0][2] > max(w[4] for w in figures)  # the heading row above the rows
        assert max(w[3] for w in page) <= right_edge(th, "a4") + 0.5
    cities = [int(w[0]) for page in pages for a, w in zip(page, page[1:]) if a[0] == "City" and w[0].isdigit()]
    assert cities == list(range(1, 71))  # every row once, in order


def test_a_topic_s_table_prints_after_its_text_and_before_its_points_in_notes_too(tmp_path):
    text = """
        title: Exports
        topics:
          - title: Top exports
            summary: |
              Exports of 2023, rounded.

              | Export | Value | Main buyer |
              |---|---|---|
              | Soybeans | US$53.2 bn | China, which buys about seven in ten of the beans Brazil ships, most of them to feed its pigs and chickens |
              | Iron ore | US$30.5 bn | China |
            points:
              - Soy is the [[largest]] export.
    """
    guide, th, docs = rendered(tmp_path, text)
    assert guide.topics[0].summary == "Exports of 2023, rounded."
    notes = dataclasses.replace(guide, format="notes")
    for pdf in (docs["student"].pdf, render.render(notes, theme=th)["student"].pdf):
        page = words(pdf)[0]
        text = " ".join(w[0] for w in page)
        assert "|" not in text
        assert find(page, "rounded.")[0][2] > find(page, "Soybeans")[0][2] > find(page, "Iron")[0][2]
        assert find(page, "Iron")[0][2] > find(page, "Soy")[-1][2]  # the point under the table
        assert find(page, "US$53.2")[0][3] == pytest.approx(find(page, "US$30.5")[0][3], abs=0.5)
        assert max(w[3] for w in page) <= right_edge(th) + 0.5
        # the long cell wraps in its column: its last word on a line under its first, at the column's edge
        first = find(page, "China,")[0]
        said = set("which buys about seven in ten of the beans Brazil ships, most them to feed its pigs and chickens".split())
        cell = [first] + [w for w in page if w[0] in said and w[1] > first[1] - 0.5 and first[2] - 60 < w[2] < first[2] + 1]
        lines: list[list] = []  # the cell's words by line: a word whose middle is 4 pt under the line's, a new line
        for w in sorted(cell, key=lambda w: -(w[2] + w[4])):
            if lines and abs((lines[-1][0][2] + lines[-1][0][4]) - (w[2] + w[4])) / 2 < 4:
                lines[-1].append(w)
            else:
                lines.append([w])
        assert len(lines) >= 2 and all(abs(min(w[1] for w in line) - first[1]) < 1.2 for line in lines), [[(w[0], round(w[1]), round(w[2])) for w in line] for line in lines]


def test_rows_copied_from_a_spreadsheet_are_a_table_too(tmp_path):
    guide, _, docs = rendered(tmp_path, 'title: T\nsummary: "Year\\tRain (mm)\\n2023\\t1,204\\n2024\\t987"\n')
    assert guide.summary[0].rows == (("Year", "Rain (mm)"), ("2023", "1,204"), ("2024", "987"))
    page = words(docs["student"].pdf)[0]
    assert find(page, "1,204")[0][3] == pytest.approx(find(page, "987")[0][3], abs=0.5)


def test_a_hebrew_table_reads_from_the_right_and_chinese_prints_in_its_font(tmp_path):
    _, _, docs = rendered(tmp_path, """
        title: ערים
        language: he
        summary: |
          | עיר | תושבים |
          |---|---|
          | חיפה | 290,000 |
          | אילת | 53,000 |
    """)
    page = words(docs["student"].pdf)[0]
    number = find(page, "290,000")[0]
    city = [w for w in page if abs(w[2] - number[2]) < 2 and any("\u0590" <= c <= "\u05ff" for c in w[0])]
    assert city and min(w[1] for w in city) > number[3]  # the first column (the cities) at the right
    guide, _, docs = rendered(tmp_path, """
        title: 城市
        language: zh
        summary: |
          | 城市 | 人口（万） |
          |---|---|
          | 上海 | 2,487 |
          | 北京 | 2,186 |
    """, name="zh.yaml")
    text = " ".join(w[0] for w in words(docs["student"].pdf)[0])
    assert "上海 2,487" in text and "|" not in text


def test_a_row_with_more_or_fewer_cells_is_an_error_naming_it(tmp_path):
    path = write_guide(tmp_path, "t.yaml", """
        title: T
        summary: |
          | Region | People | Share |
          |---|---|---|
          | South | 29.9 |
          | North | 17.4 | 5.7 % | 3 |
    """)
    with pytest.raises(GuideError) as caught:
        api.load(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:5:3: summary: the table's row 2 ('South') has 2 cells, and its heading row 3 cells: give every "
        "row 3 (an empty cell is '|  |')",
        f"{path}:6:3: summary: the table's row 3 ('North') has 4 cells, and its heading row 3 cells: give every "
        "row 3 (an empty cell is '|  |')"]


def test_a_table_where_none_prints_gets_a_warning_at_its_line(tmp_path):
    path = write_guide(tmp_path, "t.yaml", """
        title: T
        takeaways:
          - "Rain:\\tJan\\tFeb\\nmm\\t80\\t95"
        questions:
          - type: short_answer
            prompt: |
              Use the table.
              | Month | Rain |
              |---|---|
              | May | 80 |
            answer: May
        summary: Folded | a | b | |---|---| | c | d |
    """)
    guide = api.load(path)
    fix = ("a table prints only in the summary or a topic's summary: move it there, each row on a line of its own "
           "under 'summary: |'")
    assert [str(w) for w in guide.warnings] == [
        f"{path}:12:17: warning: summary: this table's rows are run together on one line, so it prints as its '|' "
        "characters; write 'summary: |' and each row on a line of its own under it",
        f"{path}:3:6: warning: takeaways item 1: rows copied from a spreadsheet print here run together, their "
        f"cells without a gap; {fix}",
        f"{path}:8:7: warning: question 1.prompt: a table typed here prints as its '|' characters, run together; {fix}"]


def test_a_table_too_wide_for_its_words_prints_a_row_to_an_entry_in_large_print(tmp_path):
    text = """
        title: Planets
        summary: |
          | Planet | Distance from the Sun (million km) | Diameter (km) | Day (hours) | Year (Earth days) | Moons | Made of |
          |---|---|---|---|---|---|---|
          | Mercury | 57.9 | 4,879 | 4,222.6 | 88 | 0 | Rock and iron |
          | Jupiter | 778.5 | 142,984 | 9.9 | 4,331 | 95 | Hydrogen and helium gas |
    """
    _, th, docs = rendered(tmp_path, text)  # (the standard copy: a table, its figures right-aligned)
    page = words(docs["student"].pdf)[0]
    assert find(page, "4,879")[0][3] == pytest.approx(find(page, "142,984")[0][3], abs=1.2)
    _, th, docs = rendered(tmp_path, text, edition="large-print")
    pdf = docs["student"].pdf
    lines = [" ".join(ln.split()) for ln in pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range().splitlines()]
    assert lines[lines.index("Mercury"):lines.index("Mercury") + 3] == [
        "Mercury", "Distance from the Sun (million km): 57.9", "Diameter (km): 4,879"]
    assert "Moons: 95" in lines
    page = words(pdf)[0]
    assert "Mercu" not in [w[0] for w in page] and max(w[3] for w in page) <= right_edge(th) + 0.5


def test_cornell_notes_sum_up_the_summary_s_first_paragraph_not_its_table(tmp_path):
    guide, th, _ = rendered(tmp_path, """
        title: T
        summary: |
          | Year | Rain |
          |---|---|
          | 2023 | 1,204 |

          Rain fell less in 2024.
        topics:
          - title: Rain
            points:
              - The [[monsoon]] brings most of it.
    """)
    from studyguide import formats

    key = render.render(formats.prepare(guide, "cornell"), theme=th)["key"].pdf
    text = " ".join(w[0] for w in words(key)[0])
    assert "Rain fell less in 2024." in text and "1,204" not in text


def test_a_topic_s_title_never_ends_a_page_whose_table_opens_the_next(tmp_path):
    """Once its title printed alone at page 1's foot, its table (too short to break) opening page 2."""
    table = ["  - title: Top exports", "    summary: |", "      | Export | Value | Main buyer |", "      |---|---|---|",
             "      | Soybeans | US$53.2 bn | China, which buys about seven in ten of the beans Brazil ships |",
             "      | Crude oil | US$42.6 bn | China |", "      | Iron ore | US$30.5 bn | China |",
             "      | Sugar | US$15.9 bn | India |"]
    seen = set()
    for n in range(14, 34):
        points = [f"      - Point {k} of the first topic." for k in range(n)]
        text = "\n".join(["title: Exports", "topics:", "  - title: Regions", "    points:", *points, *table, ""])
        _, _, docs = rendered(tmp_path, text, name=f"t{n}.yaml")
        pages = [" ".join(w[0] for w in page) for page in words(docs["student"].pdf)]
        title = next(i for i, p in enumerate(pages) if "Top exports" in p)
        assert "Soybeans" in pages[title], f"{n} points: the title on page {title + 1}, its table on the next"
        assert "|" not in pages[title]  # (a table, not the paragraph of pipes it printed as)
        seen.add(title)
    assert seen == {0, 1}  # (the table went over to page 2 in some of them)


def test_a_poem_s_lines_indented_with_tabs_are_no_table(tmp_path):
    path = write_guide(tmp_path, "t.yaml", 'title: T\nreading:\n  form: verse\n  text: "Whose woods these are I think '
                                           'I know.\\n\\tHis house is in the village though;\\n\\tHe will not see me '
                                           'stopping here"\n')
    assert not [str(w) for w in api.load(path).warnings if "table" in str(w) or "spreadsheet" in str(w)]


def test_lines_that_start_with_a_bar_are_a_table_only_when_they_are_markdown_rows(tmp_path):
    """'|x| is the distance from 0 to x.' (absolute value) printed as a ruled table, bold heading row and the
    bars gone, with no warning (review2 H3). A table is a '|---|' line, or rows that each start and end with
    '|' with the same count of cells; a maths teacher's sentences print as typed, bars and all."""
    guide, _, docs = rendered(tmp_path, """
        title: Abs
        summary: |
          |x| is the distance from 0 to x.
          |x - y| is the distance between x and y.
        topics:
          - title: Absolute value
            summary: |
              |x| is the distance from 0 to x.
              |x - y| is the distance between x and y.
    """)
    assert guide.summary == ("|x| is the distance from 0 to x. |x - y| is the distance between x and y.",)
    assert guide.topics[0].tables == () and guide.warnings == ()
    text = " ".join(w[0] for w in words(docs["student"].pdf)[0])
    assert text.count("|x| is the distance from 0 to x. |x - y| is the distance between x and y.") == 2
    table, _, _ = rendered(tmp_path, "title: T\nsummary: |\n  | Region | GDP |\n  | North | 5 |\n", name="u.yaml")
    assert table.summary[0].rows == (("Region", "GDP"), ("North", "5"))  # (rows without their '|---|' line)


def test_tabs_pasted_into_prose_print_as_typed_and_a_ragged_table_is_a_warning(tmp_path):
    """Prose pasted from Word with stray tabs between words was refused ("the table's row 2 ('They take in')
    has 3 cells", review2 M1): a guide that built before must build. Rows are a table when each has the same
    count of tabs; when two or more share one and another differs, a warning names the odd line."""
    guide, _, docs = rendered(tmp_path, 'title: Tabs\nsummary: "Plants\\tmake food from light.\\nThey take in\\t'
                                        'carbon dioxide and release\\toxygen.\\n\\nAnimals eat plants."\n')
    assert guide.summary == ("Plants make food from light. They take in carbon dioxide and release oxygen.",
                             "Animals eat plants.") and guide.warnings == ()
    assert "They take in carbon dioxide" in " ".join(w[0] for w in words(docs["student"].pdf)[0])
    path = write_guide(tmp_path, "r.yaml", 'title: Rag\nsummary: "Year\\tRain\\n2023\\t1,204\\n2024\\t987\\tdry"\n')
    ragged = api.load(path)
    assert [str(w) for w in ragged.warnings] == [
        f"{path}:2:36: warning: summary: these 3 lines have tabs between words, but this one has 3 pieces where 2 "
        "other lines have 2, so they print as text, not as a table; if they are rows copied from a spreadsheet, give "
        "every row 2 cells, a tab between two (an empty cell is two tabs side by side)"]
    assert ragged.summary == ("Year Rain 2023 1,204 2024 987 dry",)
