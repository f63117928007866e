"""A realm's monarch under another transliteration, and a consort beside a monarch (kg.people.royals)."""

from __future__ import annotations

from kg.model import Person
from kg.people.gazetteer import default_gazetteer
from kg.people.linking import link
from kg.people.royals import is_consort, reigning_monarch


def _head_of_state(country: str, day: str) -> str:
    qids = {t.qid for t in default_gazetteer().leaders().of_country(country, day, 0) if t.kind == "head_of_state"}
    assert len(qids) == 1
    return qids.pop()


def test_a_king_spelt_far_from_the_list_is_the_realms_monarch_that_day():
    day = "2003-10-20"
    king = Person("Pumipon Aulyadet", "King", "THA")
    assert reigning_monarch(king, day) == _head_of_state("THA", day)
    assert link(king, day).qid == _head_of_state("THA", day)


def test_a_king_who_no_longer_reigns_or_never_did_there_is_not_linked_to_the_head_of_state():
    assert reigning_monarch(Person("Juan Carlos", "King", "ESP"), "2015-06-01") is None  # abdicated in 2014
    assert reigning_monarch(Person("Michael", "King", "ROU"), "2005-06-01") is None  # a republic's president
    assert reigning_monarch(Person("Pumipon Aulyadet", "former King", "THA"), "2003-10-20") is None
    assert reigning_monarch(Person("Pumipon Aulyadet", "President", "THA"), "2003-10-20") is None
    assert reigning_monarch(Person("Pumipon Aulyadet", "King", "THA"), None) is None


def test_a_queen_beside_a_king_is_a_consort_and_a_queen_who_reigns_is_not():
    assert is_consort(Person("Sonja", "Queen", "NOR"), "2002-11-12")
    assert is_consort(Person("Sirikit", "Queen", "THA"), "2003-10-20")
    assert not is_consort(Person("Elizabeth II", "Queen", "GBR"), "2003-06-24")
    assert not is_consort(Person("Margrethe II", "Queen", "DNK"), "2011-04-27")
    assert not is_consort(Person("Sonja", "Prime Minister", "NOR"), "2002-11-12")  # no queen's title


def test_a_consort_is_no_participant_of_the_meeting():
    from genre_pages import kremlin

    doc = kremlin("A Russian-Swedish summit was held in Stockholm", "March 22, 2001, Stockholm",
                  "His Majesty Carl XVI Gustaf and Queen Silvia received Mr Putin in the morning, after which he "
                  "met with Prime Minister Goran Persson.")
    names = [p.name for p in doc.participants]
    assert "Goran Persson" in names and not any("Silvia" in n for n in names)
