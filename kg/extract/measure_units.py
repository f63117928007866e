"""Units whose reading depends on the words after them: a rate per day, and pounds of weight.

"800,000 barrels a day" is a rate, which the gold names ``barrel per day``,
not a stock of barrels; "20,000 pounds of fentanyl" weighs something, where
"14 billion pounds of investment" is money.  :mod:`kg.extract.quantities`
reads the unit word first and asks here whether the words after it change it.
"""

from __future__ import annotations

import re

# Rates the gold names with "per day": oil and gas flows.
_DAILY_UNITS = frozenset({"barrel", "cubic metre", "tonne"})
_PER_DAY = re.compile(r"[\s\u00a0]+(?:a|per|each|every)[\s\u00a0]+day\b", re.I)
# "pounds of <goods>": up to two modifiers, then a noun that is not money.
_POUNDS_OF = re.compile(r"[\s\u00a0]+of[\s\u00a0]+((?:[\w’'-]+[\s\u00a0]+){0,2}[\w’'-]+)", re.I)
_MONEY_NOUNS = frozenset("investment investments trade aid funding funds fund financing support assistance "
                         "loans loan credit credits revenue exports imports sterling money capital budget".split())


def unit_read_on(text: str, unit: str | None, unit_word: str, unit_end: int, limit: int) -> tuple[str | None, int]:
    """``unit`` as the words after it make it: "barrels a day" is ``barrel per day``, "pounds of beef" is
    ``pound`` (weight, not sterling); with where the unit phrase ends."""
    if unit in _DAILY_UNITS and (match := _PER_DAY.match(text, unit_end, limit)):
        return f"{unit} per day", match.end()
    if unit == "GBP" and unit_word.lower() == "pounds" and (match := _POUNDS_OF.match(text, unit_end, limit)):
        if not any(word.lower() in _MONEY_NOUNS for word in match.group(1).split()):
            return "pound", unit_end
    return unit, unit_end
