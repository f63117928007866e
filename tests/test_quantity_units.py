"""Which units a commitment of each type takes its quantity in (cues.QUANTITY_UNITS), on made-up sentences.

Each case is a unit the gold gives on train that the table once refused, or one it must keep refusing.
"""

from __future__ import annotations

import pytest

from kg.extract import cues
from kg.extract.commitments import extract_commitments
from kg.extract.quantities import CURRENCY_CODES, CURRENCY_SYMBOLS, UNIT_WORDS
from test_commitments import LULA, PUTIN, make_doc


def read(sentence: str) -> list[tuple]:
    """(type, by, to, value, unit) of each commitment the rules read in Putin's sentence to Lula."""
    doc = extract_commitments(make_doc((PUTIN, sentence), (LULA, "Thank you.")))
    return [(c.type, c.by, c.to, c.quantity and c.quantity.value, c.quantity and c.quantity.unit)
            for c in doc.commitments]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("We will supply your army with arms worth $300 million.", ("Supply", "RUS", "BRA", 3e8, "USD")),
    ("We supply 40 percent of the gas your country consumes.", ("Supply", "RUS", "BRA", 40, "percent")),
    ("We have delivered 500,000 rounds of artillery ammunition to your country.",
     ("Supply", "RUS", "BRA", 500000, "round")),
    ("We are cooperating in education: 1,000 Brazilian students are studying at Russian universities.",
     ("Cooperation", "RUS", "BRA", 1000, "person")),
    ("Our companies will invest 4 billion kroner in your economy.", ("Investment", "RUS", "BRA", 4e9, "NOK")),
    ("Our companies will invest A$50 million in your economy.", ("Investment", "RUS", "BRA", 5e7, "AUD")),
])
def test_a_commitment_takes_its_quantity_in_the_units_the_gold_gives(sentence, expected):
    assert read(sentence) == [expected]


def test_cooperation_keeps_counting_projects_rather_than_money():
    assert read("We will cooperate on two joint projects worth $50 million.") == \
        [("Cooperation", "RUS", "BRA", 2, "project")]
    assert read("We are cooperating with you on research projects worth $50 million.") == \
        [("Cooperation", "RUS", "BRA", None, None)]


def test_money_types_take_every_currency_the_parser_names():
    named = set(CURRENCY_CODES.values()) | set(CURRENCY_SYMBOLS.values()) | \
        {unit for unit in UNIT_WORDS.values() if len(unit) == 3 and unit.isupper()}
    assert named == cues.CURRENCIES
    for kind in ("Investment", "Agreement", "Supply"):
        assert cues.CURRENCIES <= cues.units_of(kind)
    assert not cues.CURRENCIES & (cues.units_of("Cooperation") | cues.units_of("Visit"))
