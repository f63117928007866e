"""Scaled numbers whose unit is a few words on, and amounts said again without their scale (issue 9).

Each was a figure read in the wrong unit (dollars for doses or people) or
missed, in the train split's figures.
"""

from __future__ import annotations

import pytest

from kg.extract.quantities import parse_quantities


def read(text: str) -> list[tuple[float, str | None]]:
    return [(q.value, q.unit) for q in parse_quantities(text, 0, len(text))]


@pytest.mark.parametrize("text, expected", [
    ("The Quad delivered more than 400 million safe and effective COVID-19 doses.", [(400e6, "dose")]),
    ("They account for nearly 1.5 million of Israel’s population.", [(1.5e6, "person")]),
    ("Over 20 million of our citizens travel abroad.", [(20e6, "person")]),
    ("We have more than 2 million Dominican descendants in the United States.", [(2e6, "person")]),
    ("Japanese companies employ nearly 1 million Americans across all 50 states.", [(1e6, "person"), (50, "state")]),
])
def test_a_scaled_number_counts_the_unit_a_few_words_on(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    # no known unit noun: still dollars
    ("Trade reached 20 billion, and tourists numbered 3 million.", [(20e9, "USD"), (3e6, "USD")]),
    ("We expect 5 billion in trade and more.", [(5e9, "USD")]),
])
def test_a_unit_beyond_a_function_word_or_another_number_is_not_taken(text, expected):
    assert read(text) == expected


def test_a_unit_after_another_number_belongs_to_that_number():
    assert read("We will invest 10 billion over the next five years.") == [(10e9, "USD"), (5, "year")]


@pytest.mark.parametrize("text, expected", [
    ("Investment reached $312 million as compared to $225 in the whole of last year.",
     [(312e6, "USD"), (225e6, "USD")]),
    ("Our trade topped 400 billion dollars before the crisis, it stood at 200 last year, whereas now it "
     "has reached 300.", [(400e9, "USD"), (200e9, "USD"), (300e9, "USD")]),
])
def test_an_amount_said_again_keeps_the_scale_before_it(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("We invested $2 million in 12 of them.", [(2e6, "USD"), (12, None)]),
    ("Trade grew to $5 billion and 30 companies opened.", [(5e9, "USD"), (30, "company")]),
    ("Loans of $3 billion went to 500 firms.", [(3e9, "USD"), (500, "company")]),
    ("It reached $40 billion; 2 percent of it is oil.", [(40e9, "USD"), (2, "percent")]),
])
def test_other_numbers_keep_their_own_reading(text, expected):
    assert read(text) == expected


def test_signed_documents_are_counted():
    assert read("Following my visit, 12 documents were signed.") == [(12, "document")]
