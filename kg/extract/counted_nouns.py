"""What a plain number counts: the plural noun after it, made singular.

"200 offices" counts ``office``, "70 Russian regions" ``region``, "about 700
of our companies" ``company``: a count the gold names by its noun when no
standard unit (:data:`kg.extract.quantities.UNIT_WORDS`) applies.  A word
ending in "ss", "us" or "is" is no plural ("900 business partners" counts
partners), and "-ies" and "-es" plurals lose what they added ("sorties",
"branches").  A number that ends a name ("Nord Stream 2", "the Superjet 100
aircraft") counts nothing, unless the capitalised word before it is a place
("In Azerbaijan 338 schools").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

# "70 Russian regions", "200 offices": up to two modifiers, then a plural head noun.
_PLAIN_COUNT = re.compile(r"[\s\u00a0]+(?:(?:[A-Z][a-z]+|[a-z][a-z-]+)[\s\u00a0]+){0,2}?([a-z][a-z-]+?(?:ies|s))\b"
                          r"(?<!ss)(?<!us)(?<!is)")
_NOT_COUNTED = frozenset("areas points issues things ways kinds sorts steps times years countries".split())


def plain_count(text: str, pos: int, limit: int, stops: Collection[str]) -> tuple[str, int] | None:
    """The singular noun a plain number counts when no standard unit applies: "200 offices" counts office
    (``stops``: the words that end the noun phrase after a number)."""
    match = _PLAIN_COUNT.match(text, pos, limit)
    if match is None:
        return None
    between = text[pos:match.start(1)].lower().split()
    plural = match.group(1)
    if plural in _NOT_COUNTED or plural in stops or any(w in stops for w in between):
        return None
    return singular(plural), match.end()


# "700 of our companies", "1,000 of such companies": a part of a set named after "of" and a determiner.
_OF_COUNT = re.compile(r"[\s\u00a0]+of[\s\u00a0]+(?:our|such|these|those|their|your)[\s\u00a0]+"
                       r"(?:[a-z][a-z-]+[\s\u00a0]+)?([a-z][a-z-]+?(?:ies|s))\b(?<!ss)(?<!us)(?<!is)")


def of_count(text: str, pos: int, limit: int, unit_words: Mapping[str, str], stops: Collection[str]
             ) -> tuple[str, int] | None:
    """The unit of a number that counts part of a set: "about 700 of our companies" counts companies
    (the unit word's unit where ``unit_words`` names one, else the singular noun)."""
    match = _OF_COUNT.match(text, pos, limit)
    if match is None or match.group(1) in _NOT_COUNTED or match.group(1) in stops:
        return None
    plural = match.group(1)
    return unit_words.get(plural, singular(plural)), match.end()


# Plurals in "-ies" of nouns whose singular ends in "-ie" ("sorties"), not "-y" ("cities").
_IE_NOUNS = frozenset("sortie movie cookie rookie calorie zombie prairie".split())
_ES_ENDINGS = ("sses", "shes", "ches", "xes")  # not "-zes": "prizes", "sizes"


def singular(plural: str) -> str:
    """The singular of a plural noun: "cities" city, "sorties" sortie, "businesses" business, "offices" office."""
    if plural.endswith("ies"):
        return plural[:-1] if plural[:-1] in _IE_NOUNS else plural[:-3] + "y"
    if plural.endswith(_ES_ENDINGS):
        return plural[:-2]
    return plural[:-1] if plural.endswith("s") and not plural.endswith("ss") else plural


# A capitalised word that does not open the sentence, right before a number: "Nord Stream 2".
_NAME_BEFORE = re.compile(r"(?<=[\w,)][\s\u00a0])(?-i:[A-Z])[\w-]*[\s\u00a0]+$")
# ... unless a preposition puts it as a place: "In Azerbaijan 338 schools offer instruction in Russian".
_PLACE_BEFORE = re.compile(r"\b(?:in|to|across|throughout)[\s\u00a0]+(?-i:[A-Z])[\w-]*[\s\u00a0]+$", re.I)
# Units a model name's number may stand before: "Superjet 100 aircraft", "Boeing 737 planes", "Su-35 fighters".
COUNTS_AFTER_NAMES = frozenset({"aircraft", "helicopter", "vehicle", "unit"})


def named_before(before: str) -> bool:
    """Whether the number ends a name ("Nord Stream 2", "Sukhoi Superjet 100") rather than counting."""
    return bool(_NAME_BEFORE.search(before)) and not _PLACE_BEFORE.search(before)
