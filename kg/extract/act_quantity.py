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

Agreements are left alone: "twelve documents were signed" is read as twelve
entries (:func:`kg.extract.commitment_rules.document_count`), not one with a
number.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract import cues
from kg.extract.quantities import CURRENCIES, parse_quantities
from kg.model import Commitment, Span

LONE_NUMBERS = True  # off: entries keep the rules' numbers only (for measuring the change)

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


def with_lone_number(norm: str, sentence: Span, kind: str, chosen: list[Commitment]) -> list[Commitment]:
    """``chosen`` with its one entry given the sentence's only number in a unit of ``kind``, where it has none."""
    if not LONE_NUMBERS or len(chosen) != 1 or chosen[0].quantity is not None or kind not in EXTRA_UNITS:
        return chosen
    units = cues.units_of(kind) | EXTRA_UNITS[kind]
    found = [q for q in parse_quantities(norm, sentence.start, sentence.end) if q.unit in units]
    return [replace(chosen[0], quantity=found[0])] if len(found) == 1 else chosen
