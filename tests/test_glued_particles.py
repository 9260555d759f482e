"""Korean and Japanese write a particle onto the word (자음+입니다, 漢字+を): a vocabulary term is then never a
whole word of its example, and the word-bank sentences gave the definition instead, silently."""
from __future__ import annotations

import re

from conftest import build_into, norm, write_guide
from studyguide.activities import cloze

KO = """
    title: 한글
    language: {language}
    vocabulary:
      - {{term: 자음, definition: 목이나 입에 막혀 나는 소리., example: ㄱ과 ㄴ은 자음입니다.}}
      - {{term: 한자, definition: 중국에서 만든 뜻글자., example: 옛날에는 한자로 글을 썼습니다.}}
      - {{term: 백성, definition: 나라의 보통 사람들., example: 세종은 백성을 사랑했습니다.}}
      - {{term: 모음, definition: 막힘 없이 나는 소리., example: 모음은 소리의 중심입니다.}}
      - {{term: DNA, definition: 유전 정보., example: DNA는 세포 속에 있습니다.}}
    activities: [cloze]
    """


def _cloze_lines(built) -> tuple[str, str]:
    """The handout's and the key's numbered sentences (the page the word-bank sentences are on)."""
    out = []
    for pdf in (built.student, built.key):
        page = next(norm(p) for p in pdf.pages if "1." in p)
        out.append(page[page.index("Word bank"):])
    return out[0], out[1]


def test_a_korean_example_is_used_with_its_particle_written_onto_the_term(tmp_path):
    built = build_into(write_guide(tmp_path, "ko.yaml", KO.format(language="ko")), tmp_path / "out")
    handout, key = _cloze_lines(built)
    for sentence in ("은 입니다.", "옛날에는 로 글을 썼습니다.", "세종은 을 사랑했습니다.", "은 소리의 중심입니다.",
                     "는 세포 속에 있습니다."):  # the term is a drawn blank; its particle stays printed after it
        assert sentence in handout, handout
    assert "막혀" not in handout and "뜻글자" not in handout  # no sentence is a definition
    for filled in ("자음입니다.", "한자로", "백성을", "모음은소리", "DNA는"):
        assert filled in key.replace(" ", ""), key
    assert not [w for w in built.result.warnings if "word-bank" in w.message]


def test_a_japanese_example_is_used_with_the_term_anywhere_in_its_run_of_text():
    data = cloze.make([("百姓", "国の普通の人々。", "世宗は百姓を愛した。"),
                       ("漢字", "中国で生まれた文字。", "昔は漢字で書いた。"),
                       ("DNA", "遺伝の情報。", "DNAは細胞の中にある。")], "s", language="ja")
    texts = {s.term: (s.source, s.text(), s.answers) for s in data.sentences}
    assert texts == {"百姓": ("example", "世宗は___を愛した。", ["百姓"]),
                     "漢字": ("example", "昔は___で書いた。", ["漢字"]),
                     "DNA": ("example", "___は細胞の中にある。", ["DNA"])}
    # a Korean term is a word's start, not any part of one: 자음 is not blanked inside 모자음
    assert cloze.sentence("자음", "x", "모자음과 자음은 다릅니다.", "ko").text() == "모자음과 ___은 다릅니다."
    # Latin letters stay whole words: DNA is not blanked inside mDNA
    assert cloze.sentence("DNA", "x", "mDNA는 DNA와 다릅니다.", "ko").text() == "mDNA는 ___와 다릅니다."


ZH = """
    title: 中国
    language: zh
    vocabulary:
      - {term: 中国, definition: 亚洲东部的国家。, example: 中国很大。}
      - {term: 长城, definition: 古代修建的防御工程。, example: 我们去看了长城和故宫。}
      - {term: 汉字, definition: 汉语的文字。, example: 他每天写汉字。}
    activities: [cloze]
    """


def test_a_chinese_example_is_used_with_the_term_anywhere_in_its_run_of_text(tmp_path):
    """Chinese words are not spaced: 中国很大。 never held 中国 as a word, and every sentence was the definition."""
    built = build_into(write_guide(tmp_path, "zh.yaml", ZH), tmp_path / "out")
    handout, key = (norm(pdf.pages[0])[norm(pdf.pages[0]).index("词库"):] for pdf in (built.student, built.key))
    for sentence in ("很大。", "我们去看了 和故宫。", "他每天写 。"):  # the term a drawn blank, the rest printed
        assert sentence in handout, handout
    assert "亚洲东部" not in handout and "防御" not in handout and "文字" not in handout  # no definitions
    for filled in ("中国很大。", "我们去看了长城和故宫。", "他每天写汉字。"):
        assert filled in key.replace(" ", ""), key
    assert not [w for w in built.result.warnings if "word-bank" in w.message]


def test_english_sentences_are_as_before():
    assert cloze.sentence("tariff", "A tax.", "Tariffs rose; the tariff stayed.", "en").text() == \
        "Tariffs rose; the ___ stayed."


def test_an_example_the_sentences_cannot_use_is_named_in_a_warning(tmp_path):
    path = write_guide(tmp_path, "en.yaml", """
        title: Magnets
        vocabulary:
          - {term: attract, definition: To pull toward., example: Magnets pull paper clips.}
          - {term: repel, definition: To push away., example: "Like poles repel. Repel, repel!"}
          - {term: pole, definition: An end of a magnet., example: A magnet has two poles.}
          - {term: magnet, definition: A thing that pulls iron., example: The magnet holds the note.}
        activities: [cloze]
        """)
    warnings = [f"{w.where.line}: {w.message}" for w in build_into(path, tmp_path / "out").result.warnings]
    assert warnings == [
        "3: word-bank sentences: 1 term printed with the definition, not the example (the example does not hold "
        "the term: write the term in it as `term:` writes it): 'attract'",
        "5: word-bank sentences: 1 term printed with the definition, not the example (the example holds the term "
        "only inside a longer word: write it as a word of its own, as `term:` writes it): 'pole' (in 'poles')"], warnings
    assert not [w for w in warnings if "'repel'" in w or "'magnet'" in w], warnings
    ko = write_guide(tmp_path, "ko.yaml", KO.format(language="en"))  # Korean typed in a guide said to be English
    warnings = [w.message for w in build_into(ko, tmp_path / "ko").result.warnings]
    assert any(re.search(r"word-bank sentences: 5 terms .*inside a longer word.*'자음' \(in '자음입니다'\), "
                         r"'한자' \(in '한자로'\), '백성' \(in '백성을'\), '모음' \(in '모음은'\), 'DNA' \(in 'DNA는'\)",
                         w) for w in warnings), warnings


YEARS = """
    title: 훈민정음
    language: {language}
    versions: 3
    questions:
      - type: multiple_choice
        prompt: 훈민정음을 만든 해는?
        choices: [{choices}]
        answer: B
      - type: multiple_choice
        prompt: 모음이 본뜬 것이 아닌 것은?
        choices: [하늘, 땅, 사람, 바다]
        answer: D
    """


def test_years_with_a_unit_written_on_keep_their_order_in_every_version(tmp_path):
    """'1392년' is a number with its unit written onto it, as '1392 years' is one with a space: choices of one
    unit written in increasing order keep that order in every version (they shuffled, and the answer came
    to A in all three versions of the trial)."""
    from conftest import Pdf
    from studyguide.classroom import SetOptions, build_set

    for language, choices, unit in (("ko", "1392년, 1443년, 1592년, 1910년", "년"),
                                    ("ko", "15세기, 16세기, 17세기, 18세기", "세기"),
                                    ("ja", "100円, 500円, 1000円, 5000円", "円"),
                                    ("zh", "3人, 5人, 12人, 40人", "人")):
        path = write_guide(tmp_path / language / unit, "g.yaml", YEARS.format(language=language, choices=choices))
        out = tmp_path / language / unit / "out"
        build_set(path, out, None, SetOptions(versions=3))
        first, second, third = (c.strip() for c in choices.split(",")[:3])
        for letter in "ABC":
            text = norm(" ".join(Pdf(out / f"g-{letter}-key.pdf").pages))
            assert re.search(rf"A\. ?{first} B ?\. ?{second} C\. ?{third}", text), (letter, text)
    # mixed units, words among numbers and Latin letters written on ('5m': metres or millions?) still shuffle
    from studyguide.amounts import amount, ascending
    assert ascending(["1392년", "1443년도", "1592년"]) is None and ascending(["1392년", "조선"]) is None
    assert amount("1392 년")[1] == amount("1392년")[1] and amount("5m") is None and amount("18th") is None
    assert amount("1,000명") == (1000, "|명") and amount("25%") == (25, "%|")


def test_a_term_is_not_blanked_inside_a_longer_korean_or_japanese_word(tmp_path):
    """물 'water' was blanked at the start of 물리학 'physics' (the handout printed '___리학은') and 水 inside
    水曜日 'Wednesday': only a particle (Korean) or kana (Japanese) may follow the term, and in Japanese no kanji
    or katakana may come before it."""
    path = write_guide(tmp_path, "ko.yaml", """
        title: 과학 낱말
        language: ko
        activities: [cloze]
        vocabulary:
          - {term: 물, definition: 생명에 필요한 액체., example: 물리학은 재미있다. 나는 물을 마신다.}
          - {term: 한자, definition: 중국에서 온 글자., example: 한자어는 어렵다. 우리는 한자로 이름을 쓴다.}
          - {term: 세포, definition: 생물의 기본 단위., example: 세포막이 세포를 감싼다.}
          - {term: 모음, definition: 막힘 없이 나는 소리., example: 모음사각도를 보세요.}
        """)
    built = build_into(path, tmp_path / "out")
    handout, key = _cloze_lines(built)
    for sentence in ("물리학은 재미있다. 나는 을 마신다.", "한자어는 어렵다. 우리는 로 이름을 쓴다.", "세포막이 를 감싼다.",
                     "막힘 없이 나는 소리."):  # the longer words printed whole; 모음사각도 holds no 모음 word: the definition
        assert sentence in handout, handout
    for filled in ("나는물을마신다", "우리는한자로", "세포막이세포를"):
        assert filled in key.replace(" ", ""), key
    warnings = [w.message for w in built.result.warnings if "word-bank" in w.message]
    assert len(warnings) == 1 and "'모음' (in '모음사각도를')" in warnings[0] and "세포" not in warnings[0], warnings
    ja = [cloze.sentence("水", "透明な液体。", text, "ja") for text in ("水曜日に水を飲む。", "水泳が好きです。", "香水です。")]
    assert [(s.source, s.text()) for s in ja] == [("example", "水曜日に___を飲む。"),
                                                  ("definition", "___ means: 透明な液体。"),
                                                  ("definition", "___ means: 透明な液体。")]
    assert cloze.sentence("漢字", "x", "漢字を書く。", "ja").text() == "___を書く。"
    assert cloze.sentence("자음", "x", "자음이라고 합니다.", "ko").text() == "___이라고 합니다."


HADA = """
    title: 물의 순환
    language: ko
    vocabulary:
      - {term: 증발하다, definition: 액체가 기체로 변하다., example: 햇볕이 강하면 바닷물이 빨리 증발한다.}
      - {term: 중요하다, definition: 매우 귀하고 꼭 필요하다., example: 물은 모든 생명에게 중요한 물질입니다.}
      - {term: 응결하다, definition: 기체가 액체로 변하다., example: 수증기는 차가운 공기 속에서 응결했습니다.}
      - {term: 대하다, definition: 마주 보다., example: 대한민국은 반도에 있습니다.}
      - {term: 강수, definition: 비나 눈으로 내리는 물., example: 강수는 구름에서 내립니다.}
    activities: [cloze]
    """


def test_a_korean_hada_verb_is_found_inflected_and_blanked_as_the_whole_word(tmp_path):
    """증발하다 was never found in 증발한다 or 증발했다 (nor 중요하다 in 중요한): each such term printed its definition.
    The whole inflected word is the blank, which the bank's 증발하다 fills in the sentence's form, shown in the key;
    a 하다 form never starts a longer word (대하다 is not blanked in 대한민국)."""
    built = build_into(write_guide(tmp_path, "hada.yaml", HADA), tmp_path / "out")
    handout, key = _cloze_lines(built)
    for sentence in ("햇볕이 강하면 바닷물이 빨리 .", "물은 모든 생명에게 물질입니다.", "수증기는 차가운 공기 속에서 ."):
        assert sentence in handout, handout
    for word in ("증발한다", "중요한", "응결했습니다", "변하다", "귀하고"):
        assert word not in handout, handout  # no inflected form or definition left in the handout
    assert "대한민국" not in handout and "마주 보다" in handout  # 대하다: its definition, not a blank in 대한민국
    for filled in ("빨리증발한다.", "생명에게중요한물질", "속에서응결했습니다."):
        assert filled in key.replace(" ", ""), key
    [said] = [w.message for w in built.result.warnings if "word-bank" in w.message]  # 대하다's alone
    assert said.endswith("does not hold the term: write the term in it as `term:` writes it): '대하다'"), said
