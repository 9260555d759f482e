"""The commands the tests start run the code under test, not another tree's.

Many tests start `python -m studyguide` in a temporary folder. With a relative PYTHONPATH (`PYTHONPATH=src`,
as a worktree is tested) such a command imported the installed package instead, so a test could pass or fail
on code that was never the branch's (it happened: a closed-streams test imported /work/main mid-merge).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import studyguide


def test_a_command_started_in_another_folder_imports_the_tree_under_test(tmp_path):
    p = subprocess.run([sys.executable, "-c", "import studyguide; print(studyguide.__file__)"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert Path(p.stdout.strip()).resolve() == Path(studyguide.__file__).resolve()
