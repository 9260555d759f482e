"""Thai, Lao, Khmer and Myanmar lines break between characters with no mark, as Chinese and Japanese do (these scripts
have no spaces between words, so reportlab saw a whole summary as one over-long word and the long-word cutter ended
every wrapped line with a hyphen). Read back line by line from the PDFs and laid against the source: no hyphen the
source lacks, no line starting with a vowel sign or tone mark, none ending with a vowel written first, no number or
Latin word cut. (Where no font has a script, Thai, Khmer and Myanmar on this machine, its glyphs print as boxes and
read back as NULs, one a character: a NUL stands for any character of the source.)"""
from __future__ import annotations

import json
import textwrap
import unicodedata

import pytest

from conftest import build_into, write_guide
from studyguide import wordbreaks

TH = ("ดวงอาทิตย์ทำให้น้ำในทะเลแม่น้ำและทะเลสาบร้อนขึ้นน้ำจึงระเหยกลายเป็นไอน้ำที่มองไม่เห็นไอน้ำลอยขึ้นไปบนท้องฟ้า"
      "เมื่อเย็นลงก็ควบแน่นเป็นหยดน้ำเล็กๆหยดน้ำรวมกันเป็นเมฆเมื่อหยดน้ำในเมฆใหญ่ขึ้นก็ตกลงมาเป็นฝนประมาณ505000"
      "ลูกบาศก์กิโลเมตรต่อปีน้ำฝนไหลลงสู่แม่น้ำแล้วกลับคืนสู่ทะเลอีกครั้งพืชก็ส่งน้ำกลับสู่อากาศเรียกว่าการคายน้ำ"
      "(transpiration)ของใบไม้ในวันที่อากาศร้อนจัดศักดิ์สิทธิ์สร้างสรรค์๒๕๖๗ไม่ใช่เรื่องแปลก")
LO = ("ດວງອາທິດເຮັດໃຫ້ນ້ຳໃນທະເລຮ້ອນຂຶ້ນນ້ຳຈຶ່ງລະເຫີຍກາຍເປັນອາຍນ້ຳອາຍນ້ຳລອຍຂຶ້ນໄປເທິງທ້ອງຟ້າແລ້ວເຢັນລົງກາຍເປັນເມກ"
      "ເມື່ອເມກໜັກຂຶ້ນກໍຕົກລົງມາເປັນຝົນປະມານ505000ກິໂລແມັດກ້ອນຕໍ່ປີນ້ຳຝົນໄຫຼລົງສູ່ແມ່ນ້ຳແລ້ວກັບຄືນສູ່ທະເລອີກເທື່ອໜຶ່ງ"
      "ພືດກໍສົ່ງນ້ຳກັບຄືນສູ່ອາກາດເອີ້ນວ່າtranspirationຂອງໃບໄມ້ໃນມື້ທີ່ອາກາດຮ້ອນຫຼາຍໆ")
KM = ("ព្រះអាទិត្យធ្វើឱ្យទឹកក្នុងសមុទ្រទន្លេនិងបឹងក្តៅឡើងទឹកក៏ហួតទៅជាចំហាយទឹកដែលមើលមិនឃើញចំហាយទឹកហោះឡើងទៅលើមេឃ"
      "ហើយត្រជាក់ចុះក្លាយជាដំណក់ទឹកតូចៗដំណក់ទឹកប្រមូលផ្តុំគ្នាជាពពកនៅពេលដំណក់ទឹកធំឡើងវាធ្លាក់ចុះមកជាភ្លៀងប្រហែល505000"
      "គីឡូម៉ែត្រគូបក្នុងមួយឆ្នាំរុក្ខជាតិក៏បញ្ជូនទឹកត្រឡប់ទៅខ្យល់វិញហៅថាtranspirationរបស់ស្លឹកឈើ។")
MY = ("နေရောင်ကပင်လယ်မြစ်နှင့်ကန်များထဲရှိရေကိုပူစေသဖြင့်ရေသည်အငွေ့ပျံ၍မမြင်ရသောရေနွေးငွေ့ဖြစ်လာသည်ရေနွေးငွေ့သည်"
      "ကောင်းကင်သို့တက်သွားပြီးအေးလာသောအခါရေစက်ငယ်လေးများဖြစ်လာကာတိမ်တိုက်ဖြစ်သည်တစ်နှစ်လျှင်ကုဗကီလိုမီတာ505000"
      "ခန့်ရှိသောရေသည်မိုးရေအဖြစ်ကျဆင်းသည်အပင်များကလည်းရေကိုလေထဲသို့ပြန်ပို့သည်ကိုtranspirationဟုခေါ်သည်။")

GUIDE = """
    title: Water
    language: {language}
    paper: {paper}
    summary: {summary}
    questions:
      - type: short_answer
        prompt: Explain the water cycle.
        answer: {summary}
    """

# Thai and Lao vowels written first, Myanmar's and Khmer's stacking signs: a line never ends with one
_FIRST = set("\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4\u1039\u17d2")


def _same(line: str, source: str, at: int) -> bool:
    """Whether ``line`` prints ``source`` from ``at`` on (a NUL for a character no font has)."""
    return at + len(line) <= len(source) and all(c == s or c == "\0" and not s.isascii()
                                                  for c, s in zip(line, source[at:]))


def _paragraphs(lines: list[str], source: str) -> list[list[int]]:
    """For each place ``source`` is printed: where each of its lines starts in it."""
    out, i = [], 0
    while i < len(lines):
        if len(lines[i]) <= 10 or not _same(lines[i], source, 0):
            i += 1
            continue
        starts, at = [], 0
        while at < len(source):
            assert i < len(lines) and _same(lines[i], source, at), (lines[i:i + 1], source[at:at + 60])
            starts.append(at)
            at += len(lines[i])
            i += 1
        out.append(starts)
    return out


@pytest.mark.parametrize("paper", ["a5", "letter"])
@pytest.mark.parametrize("language,summary", [("th", TH), ("lo", LO), ("km", KM), ("my", MY)])
def test_lines_without_spaces_break_between_characters_with_no_hyphen(tmp_path, language, summary, paper):
    text = json.dumps(summary, ensure_ascii=False)  # (a quoted YAML string)
    guide = textwrap.dedent(GUIDE).format(language=language, paper=paper, summary=text)
    built = build_into(write_guide(tmp_path, f"{language}.yaml", guide), tmp_path / "out")
    for pdf, printed in ((built.student, 1), (built.key, 2)):  # the key prints the summary and the answer
        lines = [line for page in pdf.lines for line in page]
        assert not [line for line in lines if line.endswith("-")], lines  # the sources hold no hyphen
        paragraphs = _paragraphs(lines, summary)
        assert len(paragraphs) == printed, lines
        for starts in paragraphs:
            assert len(starts) >= 3, starts  # the paragraph wraps
            for at in starts[1:]:
                before, after = summary[at - 1], summary[at]
                assert unicodedata.category(after) not in ("Mn", "Mc", "Me"), (at, summary[at - 3:at + 3])
                assert before not in _FIRST, (at, summary[at - 3:at + 3])
                assert not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()), \
                    (at, summary[at - 8:at + 8])  # never inside a number or a Latin word


def _pieces(text: str, wide: float = 4.0) -> list[str]:
    """``text`` cut into rows ``wide`` characters wide."""
    at = wordbreaks.cuts(text, [1.0] * len(text), wide, lambda n: wide, False, 0.0, 0.0, False, True)
    return [text[i:j] for i, j in zip([0] + at, at + [len(text)])]


def test_a_narrow_thai_row_is_cut_between_syllables_where_the_marks_say():
    """Rows of four characters, each as wide: no row starts with a mark or a following vowel, none ends with a
    leading vowel, a consonant made silent (ศักดิ์) stays with the syllable before it, Thai digits stay together."""
    for text in ("ศักดิ์สิทธิ์", "เมื่อเย็นลง", "น้ำจึงระเหย", "ปี๒๕๖๗แล้ว", "ทำให้น้ำ"):
        got = _pieces(text)
        assert "".join(got) == text and len(got) > 1, got
        for piece in got[1:]:
            assert unicodedata.category(piece[0]) not in ("Mn", "Mc") and piece[0] not in "ะาำๆ", got
        assert not [p for p in got if p[-1] in "เแโใไ"], got
        assert "๒๕๖๗" not in text or any("๒๕๖๗" in p for p in got), got
    assert _pieces("ศักดิ์สิทธิ์", 7.0) == ["ศักดิ์", "สิทธิ์"]  # not 'ศักดิ์สิท|ธิ์'
    assert _pieces("เมื่อเย็นลง", 6.0) == ["เมื่อ", "เย็นลง"]  # not 'เมื่อเ|ย็นลง'
