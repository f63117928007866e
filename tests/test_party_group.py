"""An act of a meeting with an organisation or a club: given by the one country present, to no country."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.learned import read_commitments, shipped_reader, two_sided_acts
from kg.extract.party_group import lone_country, toward_group
from kg.inputs.text import normalise
from kg.model import Commitment, Person, Span
from tests.test_commitments import make_doc

BIDEN = Person("Joseph Biden", "President", "USA")
VON_DER_LEYEN = Person("Ursula von der Leyen", "President", None, organisation="European Commission")
SCHOLZ = Person("Olaf Scholz", "Chancellor", "DEU")
SENTENCE = "We will work together to make affordable energy supplies available to businesses in Ukraine."


def _page(cast):
    doc = make_doc((BIDEN, SENTENCE), (cast[-1], "Thank you."))
    return replace(doc, participants=tuple(cast))


def test_lone_country_only_when_the_principals_hold_one_country():
    assert lone_country(_page((BIDEN, VON_DER_LEYEN))) == "USA"
    assert lone_country(_page((BIDEN, SCHOLZ))) is None
    assert lone_country(_page((BIDEN, SCHOLZ, VON_DER_LEYEN))) is None


def test_toward_group_gives_one_entry_per_act_without_a_receiver():
    act = Commitment(type="Cooperation", by="USA", to="UKR", status="planned", span=Span(0, 10), utterance=0)
    same_act_other_partner = replace(act, to="DEU")
    other_act = replace(act, item="gas")
    out = toward_group([act, same_act_other_partner, other_act], "USA")
    assert [(c.by, c.to, c.item) for c in out] == [("USA", None, None), ("USA", None, "gas")]


def test_two_sided_acts_keeps_a_one_sided_act_only_on_such_a_page():
    doc = _page((BIDEN, VON_DER_LEYEN))
    sentence = doc.utterances[0].sentences[0]
    act = Commitment(type="Cooperation", by="USA", to="UKR", status="planned", span=sentence, utterance=0)
    norm = normalise(doc.text)
    assert [(c.by, c.to) for c in two_sided_acts(norm, sentence, "Cooperation", [act], "USA")] == [("USA", None)]
    one_sided = replace(act, to=None)
    assert two_sided_acts(norm, sentence, "Cooperation", [one_sided]) == []


def test_reader_gives_no_receiver_at_a_meeting_with_an_organisation():
    found = [c for c in read_commitments(_page((BIDEN, VON_DER_LEYEN)), shipped_reader()) if c.utterance == 0]
    assert found and all(c.by == "USA" and c.to is None for c in found)
    bilateral = [c for c in read_commitments(_page((BIDEN, SCHOLZ)), shipped_reader()) if c.utterance == 0]
    assert all(c.to is not None for c in bilateral)
