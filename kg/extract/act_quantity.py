"""A number for an act read without one: the sentence's only number of a unit annotators give its type.

The rules take a commitment's quantity only in the units of the type's table
(:data:`kg.extract.cues.QUANTITY_UNITS`: doses and tonnes for Supply, money for
Investment), because a number in another unit is most often a figure about
something else ("trade grew by 20 percent").  The annotators give more: a
Cooperation in dollars ("a $12 million programme of student mobility"), a
Visit of "two meetings", a Supply of "18 aircraft" or "5,000 trees", a joint
venture's capital.  Once the sentence is taken to state one act of the type
and that act has no number, the sentence's number is its number when it is
the only one in such a unit: with two or more nobody can tell which.

Agreements are left alone here: a counted set of documents ("twelve documents
were signed") gets its number where the entries are counted
(:func:`kg.extract.act_count.counted_set`).  A number written out before a
thing the annotators count ("two Russian reactors") is read here too, though
the quantity parser leaves such counts out as no figures.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract import cues
from kg.extract.number_words import ONES, TEENS
from kg.extract.quantities import CURRENCIES, parse_quantities
from kg.model import Commitment, Quantity, Span

LONE_NUMBERS = True  # off: entries keep the rules' numbers only (for measuring the change)
COUNTED_WORDS = True  # off: written-out counts ("two reactors") are no act's number (for measuring the change)

# Units the train split's gold gives a type's quantity in besides the table's (counted on train).
EXTRA_UNITS: dict[str, frozenset[str]] = {
    "Cooperation": CURRENCIES | frozenset({"initiative", "scholarship", "school", "reactor", "astronaut", "tonne",
                                           "mission", "satellite", "programme", "university", "visa"}),
    "Visit": frozenset({"person", "meeting"}),
    "JointProduction": CURRENCIES | frozenset({"dose", "tonne", "enterprise", "joint venture", "car"}),
    "Supply": frozenset({"tree", "aircraft", "submarine", "helicopter", "warship", "vehicle", "truck", "system",
                         "reactor", "textbook", "car"}),
    "Investment": frozenset({"project", "company", "scholarship", "package"}),
}


# Things built, held or handed over that the annotators count when the text writes the number out ("two
# Russian reactors", "five new Russian-language schools", "three warships"): numbers that are no figures
# (GOLD-FORMAT: written-out small counts count only as a commitment's quantity), so the quantity parser
# leaves them out.  Per type, the singular nouns, counted on train.
COUNTED_THINGS: dict[str, frozenset[str]] = {
    "Cooperation": frozenset({"reactor", "school", "university", "institution", "plant", "bridge", "base",
                              "satellite", "unit", "centre", "center", "project", "programme", "initiative"}),
    "Supply": frozenset({"reactor", "warship", "ship", "aircraft", "airplane", "plane", "submarine", "helicopter",
                         "vase", "system", "tank", "vehicle", "truck", "car"}),
    "JointProduction": frozenset({"plant", "factory", "enterprise", "car", "aircraft"}),
    "Visit": frozenset({"meeting", "summit", "visit"}),
}
_WRITTEN_COUNT = re.compile(r"\b(?P<n>" + "|".join(w for w in (*ONES, *TEENS) if w != "one") +
                            r")\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z]+?)(?:es|s)\b", re.I)
_SINGULAR_FIXES = {"aircraft": "aircraft", "centr": "centre", "cent": "center"}
_COUNT_VALUES = {**ONES, **TEENS}


def written_counts(norm: str, sentence: Span, kind: str) -> list[Quantity]:
    """Each written-out count of a thing the annotators count for ``kind``: "two Russian reactors" gives 2
    reactors (at most three words between the number and the noun)."""
    things = COUNTED_THINGS.get(kind, frozenset())
    found = []
    for match in _WRITTEN_COUNT.finditer(norm, sentence.start, sentence.end):
        noun = match.group("noun").lower()
        noun = noun[:-1] + "y" if noun.endswith("i") else noun  # "universities"
        noun = noun if noun in things else noun + "e" if noun + "e" in things else _SINGULAR_FIXES.get(noun, noun)
        if noun in things:
            value = _COUNT_VALUES[match.group("n").lower()]
            found.append(Quantity(value=value, unit=noun, span=Span(match.start(), match.end())))
    return found


def with_lone_number(norm: str, sentence: Span, kind: str, chosen: list[Commitment]) -> list[Commitment]:
    """``chosen`` with its one entry given the sentence's only number in a unit of ``kind``, where it has none."""
    if not LONE_NUMBERS or len(chosen) != 1 or chosen[0].quantity is not None or kind not in EXTRA_UNITS:
        return chosen
    units = cues.units_of(kind) | EXTRA_UNITS[kind]
    found = [q for q in parse_quantities(norm, sentence.start, sentence.end) if q.unit in units]
    if not found and COUNTED_WORDS:
        found = written_counts(norm, sentence, kind)
    return [replace(chosen[0], quantity=found[0])] if len(found) == 1 else chosen
