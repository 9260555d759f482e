"""Take the README's picture of `studyguide edit` from the real page, in Debian's chromium.

    python docs/editor_screenshot.py        (needs '.[test,edit]' and /usr/bin/chromium)

Edits a copy of the first guide (guides/ is not touched): one mistake typed, so the picture shows
a message underlined at its line, in the list below the editor, and the last good pages beside it.
"""
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import expect, sync_playwright

HERE = Path(__file__).parent
FIRST = HERE.parent / "guides" / "china-foreign-police-training.yaml"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]

with tempfile.TemporaryDirectory() as tmp:
    guide = Path(tmp) / "guides" / FIRST.name
    guide.parent.mkdir()
    shutil.copyfile(FIRST, guide)
    lines = guide.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if re.match(r"\s+answer: (true|false)$", text))
    proc = subprocess.Popen([sys.executable, "-m", "studyguide", "edit", f"guides/{guide.name}", "--no-browser"],
                            stdout=subprocess.PIPE, text=True, cwd=tmp)
    url = re.search(r" at (\S+)", proc.stdout.readline()).group(1)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            page.goto(url)
            page.wait_for_function("() => { const i = document.querySelector('#pages img'); return i && i.complete && i.naturalWidth > 0 }")
            page.evaluate(f"() => window.studyguidePage.editor.goto({line}, {len(lines[line - 1]) + 1})")
            page.keyboard.type("ly")
            expect(page.locator("#problems li.error")).to_have_count(1)
            page.wait_for_timeout(300)
            page.mouse.move(10, 10)
            shot = Path(tmp) / "shot.png"
            page.screenshot(path=str(shot))
            browser.close()
        Image.open(shot).convert("RGB").quantize(64).save(HERE / "editor.png", optimize=True)
        print("wrote docs/editor.png")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=15)
