"""Numbers written out in words: "twenty-five", "one hundred and fifty", "a quarter of a million".

Leaders' transcripts spell out many of their numbers ("Sixty-four years ago,
our two nations signed a treaty"; "Six hundred and seventy million doses").
A fixed list of phrases covers the idioms; compounds of tens and units and
of hundreds are read by a small grammar, so every number below a thousand
reads without listing each one.
"""

from __future__ import annotations

import re

ONES: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# Idioms read as a whole; the value of the phrase with its words separated by single spaces.
IDIOMS: dict[str, float] = {
    "hundred": 100, "a hundred": 100, "a thousand": 1e3, "a dozen": 12, "a million": 1e6,
    "a billion": 1e9, "a quarter million": 2.5e5, "a quarter of a million": 2.5e5,
    "half a million": 5e5, "half a billion": 5e8, "one and a half": 1.5,
}
WORD_NUMBERS: dict[str, float] = {**ONES, **TEENS, **TENS, **IDIOMS}


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_BELOW_100 = rf"(?:(?:{_alternatives(TENS)})(?:[\s-]+(?:{_alternatives(ONES)}))?|{_alternatives(TEENS)}|" \
             rf"{_alternatives(ONES)})"
# "one hundred and fifty", "a hundred twenty", "sixty-four", then the idioms and the single words.
PATTERN = rf"(?:(?:{_alternatives(ONES)}|a)\s+hundred(?:\s+(?:and\s+)?{_BELOW_100}\b)?|" \
          rf"(?:{_alternatives(TENS)})[\s-]+(?:{_alternatives(ONES)})\b|{_alternatives(WORD_NUMBERS)})"


def word_value(phrase: str) -> float:
    """The value of a phrase that :data:`PATTERN` matched ("Sixty-four" -> 64, "one hundred and five" -> 105)."""
    words = phrase.lower().replace("-", " ").split()
    joined = " ".join(words)
    if joined in WORD_NUMBERS:
        return WORD_NUMBERS[joined]
    total = 0.0
    for word in words:
        if word == "hundred":
            total = (total or 1) * 100
        elif word != "and":
            total += 1 if word == "a" else WORD_NUMBERS[word]
    return total
