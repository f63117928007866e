"""The pair ranker's view of who does what: sides referred to by their leaders' names and by "we"/"you",
and which side stands right before or after a direction word ("X invited Y", "your invitation").

The page is a short readout of a telephone call followed by one leader's turn,
written for these tests.
"""

from __future__ import annotations

import pytest

from kg.extract.learned_parties import pair_context, pair_features
from kg.inputs.text import normalise
from kg.model import Span

from candidate_pages import candidates_by_quote

TEXT = ("Telephone conversation with President of Finland Sauli Niinisto\n\nMay 5, 2019\n\n"
        "Vladimir Putin had a telephone conversation with President of Finland Sauli Niinisto.\n\n"
        "Mr Niinisto invited Mr Putin to make an official visit to Helsinki in the autumn.\n\n"
        "President of Russia Vladimir Putin: Mr President, thank you for your invitation; we will come.\n")


@pytest.fixture(scope="module")
def page():
    doc, by_quote = candidates_by_quote(TEXT, "finland.txt")
    return doc, normalise(doc.text), by_quote


def _context(page, quote: str, cue: str):
    doc, norm, by_quote = page
    candidate = by_quote[quote]
    start = doc.text.index(cue, candidate.sentence.start)
    return pair_context(doc, norm, candidate.utterance, candidate.sentence, "Visit", Span(start, start + len(cue)))


def test_a_readout_refers_to_each_side_by_its_leaders_name(page):
    context = _context(page, "Mr Niinisto invited Mr Putin to make an official visit to Helsinki in the autumn.", "visit")
    assert context.named == {}  # no country is named: only the leaders are
    assert set(context.referred) == {"FIN", "RUS"}
    assert context.referred["FIN"] < context.referred["RUS"]
    assert context.ref_before == {"FIN": "^", "RUS": "invited"}  # "Mr" is a title, not the word before


def test_the_side_before_an_invitation_invites_and_the_one_after_is_invited(page):
    context = _context(page, "Mr Niinisto invited Mr Putin to make an official visit to Helsinki in the autumn.", "visit")
    assert "subj:invite" in context.agents["FIN"] and "obj:invite" in context.agents["RUS"]
    host_first = set(pair_features(context, ("FIN", "RUS"), ("RUS", "FIN")))
    assert {"d:a:subj:invite", "d:b:obj:invite", "d:a-ref-first", "Visit:invite:a-ref-first"} <= host_first
    guest_first = set(pair_features(context, ("RUS", "FIN"), ("RUS", "FIN")))
    assert "d:b:subj:invite" in guest_first and "d:a:subj:invite" not in guest_first


def test_your_invitation_is_the_addressees_and_we_are_the_speakers_side(page):
    context = _context(page, "Mr President, thank you for your invitation; we will come.", "come")
    assert "subj:invite" in context.agents["FIN"]  # "your invitation": the one addressed invites
    assert "subj:come" in context.agents["RUS"]  # "we will come": the speaker's side travels
    assert context.ref_before["FIN"] == "thank"


def test_a_narrators_we_and_you_refer_to_nobody(page):
    doc, norm, by_quote = page
    candidate = by_quote["Vladimir Putin had a telephone conversation with President of Finland Sauli Niinisto."]
    sentence = candidate.sentence
    context = pair_context(doc, norm, candidate.utterance, sentence, "Visit", Span(sentence.start, sentence.start + 1))
    assert context.narrator and context.agents == {}
    assert context.referred["RUS"] == sentence.start  # the full name, first name included
