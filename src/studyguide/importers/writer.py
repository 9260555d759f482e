"""A draft → the text of a guide file: the keys filled from the import, the rest as commented starters."""
from __future__ import annotations

import yaml

from ._common import Draft

STARTERS = """
# The rest of a guide, to fill in when you like (remove the '# ' to use a section):
# summary: |
#   A summary of the reading, in a paragraph or two.
# objectives:
#   - What students should be able to do after the reading.
# topics:
#   - title: A key topic
#     summary: What it is about.
# takeaways:
#   - The main point to remember.
"""


def _clean(value):
    """Numbers as a teacher writes them: 2 rather than 2.0."""
    if isinstance(value, float) and value == int(value):
        return int(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def guide_text(draft: Draft) -> str:
    data: dict = {"title": draft.title or draft.source.stem.replace("-", " ").replace("_", " ").strip() or "Imported"}
    if draft.subtitle:
        data["subtitle"] = draft.subtitle
    if draft.language and draft.language != "en":
        data["language"] = draft.language
    if draft.vocabulary:
        data["vocabulary"] = draft.vocabulary
    if draft.questions:
        data["questions"] = draft.questions
    body = yaml.safe_dump(_clean(data), sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    head = (f"# yaml-language-server: $schema=studyguide.schema.json\n"
            f"# Imported by studyguide from {draft.source.name}. Check it with: studyguide validate\n")
    return head + body + STARTERS
