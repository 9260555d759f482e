"""Debian's chromium, driven by Playwright, for the browser tests (marked ``browser``).

Playwright's own browser download is not reachable from our machines, so the tests launch the
system's chromium (.ci/run installs it) with the flags a closed network and a root user need, and
skip, saying why, where it or Playwright is missing.
"""
from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = os.environ.get("STUDYGUIDE_CHROMIUM", "/usr/bin/chromium")
# no sandbox as root; no GPU headless; no calls home that the closed network refuses, many at a time
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]


def skip_reason(*modules: str) -> str | None:
    """Why the browser tests cannot run here (None: they can); ``modules``: what else they import."""
    if not Path(CHROMIUM).exists():
        return f"no chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)"
    for name in ("playwright.sync_api", *modules):
        try:
            __import__(name)
        except ImportError:
            return f"{name.split('.')[0]} is not installed (pip install -e '.[test,edit]')"
    return None
