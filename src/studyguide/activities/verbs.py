"""A verb's conjugated forms, which `check` counts as uses of its infinitive (trial r16 #9: "'adelgazar' is used
nowhere else", where topic 2 writes "Alicia adelgaza"), in Spanish, Portuguese, French and Italian.

A form is the infinitive's stem with an ending of its class (-ar, -er, -ir ...): the common ones of the present,
the preterite, the imperfect, the future and conditional, the present subjunctive, the participle and the gerund.
Any letters after the stem were counted before, and 'cantidad' was a use of 'cantar', 'contra' of 'contar' (hostile
r16 #2). A form that is also a noun is still the verb's form, and counts: 'cocina' (she cooks) for 'cocinar',
'trabajo' for 'trabajar', 'paseo' for 'pasear', 'forma' for 'formar'; a reader sees the verb's word in them too.
Irregular forms ('tiene' of 'tener', 'cuento' of 'contar') are not found.
"""
from __future__ import annotations

import re

# the endings of each class, as a folded text writes them (no accents: 'adelgazó' is 'adelgazo')
_ES_ER_IR = ("i", "iste", "io", "isteis", "ieron", "ia", "ias", "iamos", "iais", "ian", "ido", "ida", "idos", "idas",
             "iendo", "a", "as", "amos", "an", "iera", "ieras", "ieran")
_PT_ER_IR = ("i", "eu", "iu", "ia", "ias", "iamos", "iam", "ido", "ida", "idos", "idas", "a", "as", "am")
ENDINGS = {
    "es": {"ar": ("ar", "o", "as", "a", "amos", "ais", "an", "e", "aste", "asteis", "aron", "aba", "abas", "abamos",
                  "abais", "aban", "ado", "ada", "ados", "adas", "ando", "are", "aras", "ara", "aremos", "areis",
                  "aran", "aria", "arias", "ariamos", "arian", "es", "emos", "eis", "en", "ase", "asen"),
           "er": ("er", "o", "es", "e", "emos", "eis", "en", "ere", "eras", "era", "eremos", "eran", "eria", "erias",
                  "erian") + _ES_ER_IR,
           "ir": ("ir", "o", "es", "e", "imos", "is", "en", "ire", "iras", "ira", "iremos", "iran", "iria", "irias",
                  "irian") + _ES_ER_IR},
    "pt": {"ar": ("ar", "o", "as", "a", "amos", "ais", "am", "ei", "aste", "ou", "aram", "ava", "avas", "avamos",
                  "avam", "ado", "ada", "ados", "adas", "ando", "arei", "ara", "aras", "aremos", "arao", "aria", "e",
                  "es", "em", "emos"),
           "er": ("er", "o", "es", "e", "emos", "em", "este", "eram", "endo", "erei", "era", "eremos", "erao",
                  "eria") + _PT_ER_IR,
           "ir": ("ir", "o", "es", "e", "imos", "em", "iste", "iram", "indo", "irei", "ira", "iremos", "irao",
                  "iria") + _PT_ER_IR},
    "fr": {"er": ("er", "e", "es", "ent", "ons", "ez", "ai", "as", "a", "ames", "ates", "erent", "ais", "ait", "ions",
                  "iez", "aient", "ee", "ees", "ant", "erai", "eras", "era", "erons", "erez", "eront", "erais",
                  "erait", "eraient", "eons", "eais", "eait", "eaient", "eant"),  # (-ger: 'mangeons')
           "ir": ("ir", "is", "it", "issons", "issez", "issent", "issais", "issait", "issions", "issaient", "i", "ie",
                  "ies", "issant", "irai", "iras", "ira", "irons", "irez", "iront", "irais", "irait", "isse", "irent"),
           "re": ("re", "s", "", "ons", "ez", "ent", "ais", "ait", "ions", "iez", "aient", "u", "ue", "us", "ues",
                  "ant", "rai", "ras", "ra", "rons", "rez", "ront", "rais", "rait", "e", "es", "it", "irent"),
           "oir": ("oir", "ons", "ez", "ais", "ait", "ions", "iez", "aient", "ant", "rai", "ra", "rons", "rez",
                   "ront", "rait")},
    "it": {"are": ("are", "o", "i", "a", "iamo", "ate", "ano", "avo", "avi", "ava", "avamo", "avate", "avano", "ai",
                   "asti", "ammo", "aste", "arono", "ato", "ata", "ati", "ando", "ero", "erai", "era", "eremo",
                   "erete", "eranno", "erei", "erebbe", "ino", "amo", "hi", "hiamo", "hero", "hera"),
           # (-iare: 'mangiamo'; -care: 'cerchi')
           "ere": ("ere", "o", "i", "e", "iamo", "ete", "ono", "evo", "evi", "eva", "evamo", "evate", "evano", "ei",
                   "esti", "emmo", "este", "erono", "uto", "uta", "uti", "ute", "endo", "ero", "erai", "era", "eremo",
                   "erete", "eranno", "erei", "erebbe", "a", "ano"),
           "ire": ("ire", "o", "i", "e", "iamo", "ite", "ono", "isco", "isci", "isce", "iscono", "isca", "ivo", "ivi",
                   "iva", "ivamo", "ivate", "ivano", "ii", "isti", "immo", "iste", "irono", "ito", "ita", "iti",
                   "endo", "iro", "irai", "ira", "iremo", "irete", "iranno", "irei", "irebbe", "a", "ano"),
           "rre": ("rre", "co", "ci", "ce", "ciamo", "cete", "cono", "cevo", "ceva", "cevano", "ssi", "sse", "ssero",
                   "tto", "tta", "cendo", "rro", "rra", "rrebbe")},
}
# the reflexive pronoun Spanish and Portuguese write onto an infinitive ('casarse', 'lavar-se')
REFLEXIVE = {"es": ("se",), "pt": ("-se",)}
# an infinitive whose stem is shorter is not looked for ('ir', 'ser', 'dar', 'leer': their forms start other words)
VERB_STEM = 4


def verb_forms(words: list[str], language: str, definition: str = "") -> list[str]:
    """Patterns (to be matched as whole words) of the forms of a one-word infinitive, ``words`` as the text to search
    writes them (folded alike): its stem with an ending of its class (:data:`ENDINGS`: 'adelgaza', 'adelgazo' of
    'adelgazar'; not 'cantidad' of 'cantar'). Only for a verb, as its ``definition`` shows, opening with an infinitive
    ('Perder peso') or with 'to' ('to lose weight'): an adjective that ends as an infinitive does ('celular',
    'molecular') would be found in the noun it comes from ('celula'), a word that is not it. [] for any other term."""
    code = (language or "").split("-")[0].lower()
    if len(words) != 1 or code not in ENDINGS:
        return []
    first = (re.findall(r"\w+", definition.lower()) or [""])[0]
    if first != "to" and not _stem(first, code)[0]:
        return []
    stem, kind = _stem(words[0], code)
    if len(stem) < VERB_STEM:
        return []
    endings = sorted(ENDINGS[code][kind], key=len, reverse=True)
    return [re.escape(stem) + "(?:" + "|".join(re.escape(e) for e in endings) + ")"]


def _stem(word: str, code: str) -> tuple[str, str]:
    """An infinitive's stem and class ('adelgaz', 'ar' of 'adelgazar'; 'pon', 'er' of 'ponerse'), or ("", "")."""
    for pronoun in REFLEXIVE.get(code, ()):
        word = word[:-len(pronoun)] if word.endswith(pronoun) and len(word) > len(pronoun) + 2 else word
    kind = next((k for k in sorted(ENDINGS[code], key=len, reverse=True) if word.endswith(k)), "")
    stem = word[:-len(kind)] if kind else ""
    return (stem, kind) if stem.isalpha() else ("", "")
