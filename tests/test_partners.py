"""A trilateral sentence's mutual act: one entry per partner of the speaker's country."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.learned import read_commitments, shipped_reader
from kg.extract.partners import partner_pairs
from kg.model import Person, Span
from tests.test_commitments import make_doc

BIDEN = Person("Joseph Biden", "President", "USA")
KISHIDA = Person("Fumio Kishida", "Prime Minister", "JPN")
YOON = Person("Yoon Suk Yeol", "President", "KOR")
TRILATERAL = "We agreed to launch annual trilateral military exercises and a new trilateral cooperation on cyber security."


def _summit(words: str, cast=(BIDEN, KISHIDA, YOON)):
    doc = make_doc((BIDEN, words), (KISHIDA, "Thank you."))
    return replace(doc, participants=tuple(cast))


def test_trilateral_sentence_pairs_the_speaker_with_each_other_participant():
    doc = _summit(TRILATERAL)
    utterance = doc.utterances[0]
    assert partner_pairs(doc, utterance, utterance.sentences[0], ("USA", "JPN")) == [("USA", "KOR")]
    assert partner_pairs(doc, utterance, utterance.sentences[0], ("KOR", "USA")) == [("USA", "JPN")]


def test_no_further_partner_without_trilateral_words_or_a_third_participant():
    plain = _summit("We agreed to launch annual military exercises and cooperation on cyber security.")
    assert partner_pairs(plain, plain.utterances[0], plain.utterances[0].sentences[0], ("USA", "JPN")) == []
    two = _summit(TRILATERAL, cast=(BIDEN, KISHIDA))
    assert partner_pairs(two, two.utterances[0], two.utterances[0].sentences[0], ("USA", "JPN")) == []


def test_reader_gives_the_trilateral_cooperation_once_per_partner():
    doc = _summit(TRILATERAL)
    pairs = {frozenset((c.by, c.to)) for c in read_commitments(doc, shipped_reader())
             if c.type == "Cooperation" and c.span and c.span.start == doc.utterances[0].sentences[0].start}
    assert pairs == {frozenset(("USA", "JPN")), frozenset(("USA", "KOR"))}
