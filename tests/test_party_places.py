"""The pair ranker's hints of place and origin: the side where an act is held, and a name that qualifies a thing.

Sentences written for these tests; the page at the end is a short readout of
a meeting of three leaders followed by one leader's turn.
"""

from __future__ import annotations

import pytest

from kg.extract.learned_parties import pair_context, pair_features
from kg.extract.party_places import name_use, venues
from kg.inputs.text import normalise
from kg.model import Span

from candidate_pages import candidates_by_quote

CODES = ["RUS", "DEU", "KGZ", "USA", "GBR"]


def _venues(sentence: str, own: str | None = "RUS", voiced: bool = True) -> frozenset[str]:
    return venues(sentence, Span(0, len(sentence)), CODES, own, voiced)


@pytest.mark.parametrize("sentence, expected", [
    ("The two leaders discussed the forum to be held in Weimar in April.", {"DEU"}),  # a city of one side
    ("They look forward to the summit in Great Britain in July.", {"GBR"}),  # a country's name after "in"
    ("The President said Bishkek will soon host a meeting of the council.", {"KGZ"}),  # a city before "host"
    ("The United States will host the forum in 2023.", {"USA"}),  # the country before "host"
    ("The leaders will meet at the summit to discuss trade.", set()),  # no place named
    ("They discussed prospects in energy.", set()),  # "in" before a plain word
    ("We will discuss it in Paris.", set()),  # a city of a country not in play
])
def test_the_place_of_an_act_is_a_city_or_country_after_in_or_before_host(sentence, expected):
    assert _venues(sentence) == expected


def test_here_is_the_speakers_country_only_in_a_leaders_words():
    sentence = "The next meeting of the commission will be held here."
    assert _venues(sentence, "KGZ", voiced=True) == {"KGZ"}
    assert _venues(sentence, "RUS", voiced=False) == set()  # a narrator's "here" is no side's


@pytest.mark.parametrize("text, name, expected", [
    ("Ukraine is ready to pay for Russian gas supplies.", "Russian", "mod"),  # qualifies the gas
    ("We are buying American weapons.", "American", "mod"),
    ("This is Russia's contribution.", "Russia", "poss"),
    ("This is Russia’s contribution.", "Russia", "poss"),  # a curly apostrophe
    ("Russia and China will cooperate.", "Russia", "free"),  # a conjunction qualifies nothing
    ("The gas comes from Russia.", "Russia", "free"),  # the sentence's end
    ("Russia will supply gas.", "Russia", "free"),  # a verb after the name
])
def test_a_name_before_a_plain_word_qualifies_it(text, name, expected):
    end = text.index(name) + len(name)
    assert name_use(text, end, len(text)) == expected


TEXT = ("Meeting with President of Germany and President of Kyrgyzstan\n\nMay 5, 2019\n\n"
        "Vladimir Putin met with President of Germany Frank-Walter Steinmeier and President of Kyrgyzstan "
        "Sooronbay Jeenbekov.\n\n"
        "The leaders agreed to hold the next forum in Weimar, and Russian gas supplies will continue.\n")


@pytest.fixture(scope="module")
def page():
    doc, by_quote = candidates_by_quote(TEXT, "three.txt")
    return doc, normalise(doc.text), by_quote


def test_the_ranker_sees_the_venue_and_the_qualifying_name(page):
    doc, norm, by_quote = page
    quote = "The leaders agreed to hold the next forum in Weimar, and Russian gas supplies will continue."
    candidate = by_quote[quote]
    start = doc.text.index("forum", candidate.sentence.start)
    context = pair_context(doc, norm, candidate.utterance, candidate.sentence, "Visit", Span(start, start + 5))
    assert {"DEU", "KGZ", "RUS"} <= context.participants
    assert context.venues == {"DEU"}
    assert context.uses["RUS"] == "mod"
    host_first = set(pair_features(context, ("DEU", "RUS"), ("RUS", "DEU")))
    assert {"d:a:venue", "d:b:use=mod"} <= host_first
    assert "event" in context.cues and "Visit:event:a:venue" in host_first  # a forum held at the host's
    guest_first = set(pair_features(context, ("RUS", "DEU"), ("RUS", "DEU")))
    assert "d:b:venue" in guest_first and "d:a:venue" not in guest_first
