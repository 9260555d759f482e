"""`language:` in a guide: a code (en, fr, pt-BR); a language's name is refused with its code, and a
language with no labels built in is said once, with how many are still to give under `labels:`."""
from __future__ import annotations

import re
from typing import Optional

from ..labels import code_of, not_built_in
from .walker import clip

LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
# the two-letter language codes (a fact: ISO 639-1, its five withdrawn ones last); three-letter codes
# (ISO 639-2/3, thousands of them) are taken as given
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en
eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja
jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb
nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq
sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
in iw ji mo sh
""".split())


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
        if getattr(self, "lang_wrong", True):
            return
        code = (self.lang or "en").split("-")[0].lower()
        if len(code) == 2 and code not in ISO_639_1:  # 'xx-YY': said instead of 'no built-in labels for it'
            self.warn(self.lang_node.where, f"language: '{clip(self.lang)}' is not a language code ('{code}' is no "
                      "language's): the PDF tells screen readers to read it in that language, and headings print "
                      "in English; use a code such as en, es, fr or pt-BR")
            return
        why = not_built_in(self.lang, labels)
        if why:
            self.warn(self.lang_node.where, f"language: {why}")
