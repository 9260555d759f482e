"""`language:` in a guide: a code (en, fr, pt-BR); a language's name is refused with its code, and a
language with no labels built in is said once, with how many are still to give under `labels:`."""
from __future__ import annotations

import re
from typing import Optional

from ..labels import code_of, not_built_in
from .walker import clip

LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


class LanguageMixin:
    """For the guide's walker: ``lang`` is the language its true/false answers are read in (its name's code
    when the name was written: 'vrai' is then not a second message); ``lang_wrong`` when it was refused."""

    def language(self, node) -> Optional[str]:
        value = self.text(node, "language", max_len=35)
        self.lang_node, self.lang_wrong = node, value is not None and not LANG_RE.match(value)
        self.lang = code_of(value) if self.lang_wrong else value
        if self.lang_wrong:
            use = f"'{self.lang}'" if self.lang else "a code such as en, es, fr or pt-BR"
            self.error(node, f"language: '{clip(value)}' is not a language code (use {use})")
        return self.lang

    def untranslated(self, labels: Optional[dict]) -> None:
        """The one warning of a guide in a language with no labels built in (none when it gives them all)."""
        why = None if getattr(self, "lang_wrong", True) else not_built_in(self.lang, labels)
        if why:
            self.warn(self.lang_node.where, f"language: {why}")
