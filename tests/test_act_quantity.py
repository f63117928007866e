"""A lone act's number: the sentence's only number in a unit the annotators give the type."""

from __future__ import annotations

import pytest

from kg.extract.act_quantity import with_lone_number
from kg.model import Commitment, Quantity, Span


def _act(kind: str, quantity: Quantity | None = None) -> Commitment:
    return Commitment(type=kind, by="USA", to="JPN", status="planned", span=Span(0, 10), utterance=0,
                      quantity=quantity)


def _number(text: str, kind: str, acts: int = 1) -> tuple[float, str] | None:
    chosen = with_lone_number(text, Span(0, len(text)), kind, [_act(kind) for _ in range(acts)])
    q = chosen[0].quantity
    return (q.value, q.unit) if q else None


@pytest.mark.parametrize("text, kind, expected", [
    ("We will fund student exchanges through a $12 million programme.", "Cooperation", (12_000_000, "USD")),
    ("Two meetings will take place in St Petersburg.", "Visit", (2, "meeting")),
    ("Russia will plant 5,000 trees in the park.", "Supply", (5000, "tree")),
    # two numbers of such units: which one is the act's nobody can tell
    ("We sent 5,000 trees and 300 trees more.", "Supply", None),
    # a unit annotators do not give the type is another figure
    ("Our cooperation has grown by 20 percent.", "Cooperation", None),
    # documents are counted as entries, not as a number
    ("Twelve agreements were signed, worth $3 billion in all.", "Agreement", None),
])
def test_the_only_number_of_a_fitting_unit_is_the_acts(text, kind, expected):
    assert _number(text, kind) == expected


def test_an_act_with_its_number_or_several_acts_keep_theirs():
    text = "Two meetings will take place in St Petersburg."
    assert _number(text, "Visit", acts=2) is None  # listed acts: the number is not one act's
    held = Quantity(value=3, unit="meeting")
    assert with_lone_number(text, Span(0, len(text)), "Visit", [_act("Visit", held)])[0].quantity == held


@pytest.mark.parametrize("text, kind, expected", [
    ("As you know, we have purchased two Russian reactors.", "Supply", (2, "reactor")),
    ("Russia will build five new Russian-language schools in Tajikistan.", "Cooperation", (5, "school")),
    ("Ten Iranian universities now teach Russian.", "Cooperation", (10, "university")),
    ("We have worked together for two decades.", "Cooperation", None),  # a written-out count of no thing built
    ("We will send two reactors and three ships.", "Supply", None),  # two counts: which one is the act's
])
def test_a_written_out_count_of_a_thing_annotators_count(text, kind, expected):
    assert _number(text, kind) == expected
