"""The answer grid gives a short model answer whatever the lines a question leaves for working (trial r9,
M7): a math test's word problems ('2 m/s' under two lines) said "see the key" on every row."""
from __future__ import annotations

import re

from conftest import Pdf, cli_main

GUIDE = """\
title: Rates
questions:
  - type: short_answer
    prompt: A cart moves from d = −6 m to d = 4 m in 5 s. What is its velocity?
    answer: 2 m/s
    lines: 3
  - type: short_answer
    prompt: The temperature falls from 5 °C at noon to −7 °C at 4 p.m. What is the rate of change?
    answer: −3 °C per hour
    points: 2
  - type: short_answer
    prompt: Simplify (−3/4) − (−1/2).
    answer: "−1/4"
    lines: 4
  - type: short_answer
    prompt: Why is the graph of a steady walk a straight line?
    answer: Because the position changes by the same amount every second.
    lines: 3
  - type: short_answer
    prompt: Name the slope's unit.
    answer: metres per second, written m/s
    lines: 1
"""


def test_a_short_model_answer_is_on_the_grid_whatever_its_lines_and_a_sentence_is_the_keys(tmp_path):
    path = tmp_path / "rates.yaml"
    path.write_text(GUIDE, encoding="utf-8")
    proc = cli_main("build", path, "--versions", "1", "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    text = Pdf(tmp_path / "out" / "rates-A-grid.pdf").text.split(" Points ", 1)[1]
    rows = re.findall(r"\d+\. (.*?)(?= \d+\. |$)", text)  # each row's answer (and points), in the version's order
    assert sorted(rows) == sorted(["2 m/s", "−3 °C per hour 2", "−1/4", "see the key",
                                   "metres per second, written m/s"])  # (one line: as before, whatever its words)
