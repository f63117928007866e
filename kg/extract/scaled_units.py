"""What a scaled number counts when no unit stands beside it, and amounts said again without their scale.

:mod:`kg.extract.quantities` reads "N million" or "N billion" with no unit
word right after it as US dollars, the genre's habit for trade figures.  Its
unit noun is often a few words on, past adjectives a leader stacks before it
("400 million safe and effective COVID-19 doses"), or it counts people named by
an "of" phrase ("1.5 million of Israel's population", "20 million of our
citizens"); read as dollars, both are a wrong figure and a missed one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import replace

from kg.model import Quantity, Span

# Tokens skipped on the way to the unit noun: modifiers, and "and" between two of them.
_MODIFIER = re.compile(r"[\w’'-]+")
_MAX_MODIFIERS = 5
# Words that end the noun phrase besides the caller's stops ("10 billion over the next five years").
_ENDS = frozenset("over the a an per each every during within since after before until through into across "
                  "worth under about nearly almost".split())
# Units that tell when or how often, not what is counted.
_NOT_COUNTS = frozenset({"year", "month", "week", "day", "hour", "minute", "time", "times", "meeting", "visit"})
# Nouns after "of" that make a scaled number a count of people.
_PEOPLE_OF = re.compile(r"[\s\u00a0]+of[\s\u00a0]+(?:[\w’'-]+[\s\u00a0]+){0,2}?"
                        r"(?:population|citizens|people|residents|compatriots|nationals)\b", re.I)
_OF_AFTER = re.compile(r"[\s\u00a0]+of\b")
# "it stood at 200 last year": the year says when, the number has no unit of its own.
_WHEN_YEAR = re.compile(r"[\s\u00a0]+(?:last|this|next|that|the\s+previous)[\s\u00a0]+year\b", re.I)


def unit_further_on(text: str, pos: int, limit: int, unit_words: Mapping[str, str],
                    stops: Collection[str]) -> tuple[str, int] | None:
    """The unit noun a few modifiers after a scaled number, with where it ends, or None.

    Only a known unit word counts (``unit_words``), so "2 billion in trade"
    stays dollars; a function word other than "and", a number or any other
    punctuation ends the search.
    """
    if match := _PEOPLE_OF.match(text, pos, limit):
        return "person", match.end()
    skipped = 0
    at = pos
    while skipped <= _MAX_MODIFIERS:
        token = _MODIFIER.search(text, at, limit)
        if token is None or text[at:token.start()].strip():
            return None  # punctuation other than a comma between the words
        word = token.group().lower()
        if word in unit_words and word not in stops:
            unit = unit_words[word]
            return None if unit in _NOT_COUNTS else (unit, token.end())
        if word == "and" and skipped:
            pass  # "safe and effective doses"
        elif word.isdigit() or word in _ENDS or word in stops:
            return None
        skipped += 1
        at = token.end()
    return None


def carry_scale(text: str, found: list[Quantity], magnitude: Callable[[Quantity], float],
                currencies: Collection[str]) -> list[Quantity]:
    """An amount said again without its scale keeps the one of the amount before it in the sentence.

    "investment reached $312 million as compared to $225 in the whole of last
    year"; "our trade topped 400 billion dollars before the crisis, it stood at
    200 last year": the second number is millions or billions of the same
    currency.  Only a number of the same order as the scaled one (within ten
    times its figure) with no unit or the same currency takes the scale; a
    quantity of another unit in between ends the run.
    """
    out = list(found)
    last: tuple[str, float, float] | None = None  # currency, scale, the number before the scale
    for i, q in enumerate(out):
        if q.span is None or not q.value:
            continue  # a zero has no scale to read
        scale = magnitude(q)
        if q.unit in currencies and scale >= 1e6:
            last = (q.unit, scale, q.value / scale)
        elif last is not None and scale == 1.0 and (end := _bare_end(text, q, last[0])) and \
                last[2] / 10 <= q.value <= last[2] * 10:
            out[i] = replace(q, value=q.value * last[1], unit=last[0], span=Span(q.span.start, end))
        elif q.unit is not None:
            last = None
    return out


def _bare_end(text: str, q: Quantity, currency: str) -> int | None:
    """Where the number of ``q`` ends, if it has no unit of its own (or the currency given) and is not
    "12 of them"."""
    assert q.span is not None
    number_end = re.match(r"[$€£¥]?[\d.,]*\d", text[q.span.start:q.span.end])
    if number_end is None:
        return None  # written out
    end = q.span.start + number_end.end()
    if q.unit == "year" and _WHEN_YEAR.match(text, end):
        return end
    bare = (q.unit is None or q.unit == currency) and end == q.span.end and not _OF_AFTER.match(text, end)
    return end if bare else None
