"""A full name no one else in the reference data carries links its one holder in another office.

Each linked case is a real participant of the kremlin.ru corpus, written as the page writes
it, for the side and on the date the page gives; the label is checked with the QID, so a
QID mistyped here fails rather than pinning a wrong link.
"""

from __future__ import annotations

import pytest

from kg.model import Person
from kg.people.linking import link
from kg.people.linking_unique import WINDOW_YEARS, same_given, unique_full_name
from kg.people.namekey import fold_word

WORLD_BANK = "World Bank"
IAEA = "International Atomic Energy Agency"
IMF = "International Monetary Fund"


@pytest.mark.parametrize("person,day,qid,label", [
    # the list has him as the United States' Deputy Secretary of Defence until June 2005
    (Person("Paul Wolfowitz", "President", None, WORLD_BANK), "2005-10-20", "Q219861", "Paul Wolfowitz"),
    # Mexico's finance minister until 2000; a given name of two, written with one
    (Person("Angel Gurria", "Secretary-General", None, "Organisation for Economic Co-operation and Development"),
     "2013-02-14", "Q948143", "José Ángel Gurría"),
    # Egypt's vice president in 2013; "El Baradei" is "ElBaradei"
    (Person("Mohamed El Baradei", "Director-General", None, IAEA), "2000-11-10", "Q133308", "Mohamed ElBaradei"),
    # Vice Chair of the Federal Reserve from 2014, thirteen years on
    (Person("Stanley Fischer", "First Deputy Managing Director", None, IMF), "2001-06-18", "Q447236",
     "Stanley Fischer"),
    # director of Russia's Foreign Intelligence Service until 2007, then the CIS's executive secretary
    (Person("Sergei Lebedev", "Executive Secretary", None, "Commonwealth of Independent States"), "2017-10-11",
     "Q36150", "Sergei Lebedev"),
    # the Netherlands' foreign minister until December 2003, then NATO's Secretary General
    (Person("Jaap de Hoop Scheffer", "General Secretary", None, "North Atlantic Treaty Organisation"), "2005-06-24",
     "Q273812", "Jaap de Hoop Scheffer"),
    # a substitute member of the Council of Europe's Parliamentary Assembly until January 2001
    (Person("Helle Degn", "President of the OSCE Parliamentary Assembly", None,
            "Organization for Security and Co-operation in Europe"), "2000-03-25", "Q4307386", "Helle Degn"),
    # a peer's "Lord" before a title that is his name, hyphenated: the Assembly's President
    (Person("Lord Russell-Johnston", "President", None, "Parliamentary Assembly of the Council of Europe"),
     "2000-01-17", "Q333754", "Russell Johnston"),
    # Chad's foreign minister until January 2017; his father's name the list leaves out
    (Person("Moussa Faki Mahamat", "Chairperson of the African Union Commission", None, "African Union"),
     "2020-01-19", "Q58117", "Moussa Faki"),
])
def test_a_unique_full_name_links_its_holder_met_in_another_office(person, day, qid, label):
    linked = link(person, day, "RUS")
    assert (linked.qid, linked.label, linked.name) == (qid, label, person.name)


@pytest.mark.parametrize("person,day", [
    (Person("Paul Wolfowitz", "President", None, WORLD_BANK), f"{2005 + WINDOW_YEARS + 1}-10-20"),
    (Person("Stanley Fischer", None, None, IMF), f"{2014 - WINDOW_YEARS - 1}-06-18"),  # long before 2014
    (Person("Moussa Faki Mahamat", None, None, "African Union"), f"{2017 + WINDOW_YEARS + 1}-01-19"),
])
def test_no_link_far_from_every_tenure(person, day):
    assert link(person, day, "RUS").qid is None


def test_namesakes_in_the_lists_are_kept_apart():
    # two Andris Bērziņš: Latvia's prime minister (2000-2002) and president (2011-2015)
    for side in (Person("Andris Berzins", None, None, "European Union"), Person("Andris Berzins", None, "LVA"),
                 Person("Andris Berzins Ozols", None, None, "European Union")):  # a last word dropped as well
        assert unique_full_name(side, "2006-01-01", "RUS") is None
        assert link(side, "2006-01-01", "RUS").qid is None
    # Micheál Martin of Ireland and Michael Martin, the Speaker: one name in two vowellings
    assert unique_full_name(Person("Michael Martin", None, None, "European Union"), "2010-01-01") is None


def test_no_link_on_one_word_a_royal_another_country_or_the_publishers_own():
    assert unique_full_name(Person("Fischer", None, None, IMF), "2001-06-18") is None  # a surname alone
    assert unique_full_name(Person("Lord Johnston", None, None, "Council of Europe"), "2000-01-17") is None
    assert unique_full_name(Person("Stanley Fischer", "Crown Prince", None, IMF), "2001-06-18") is None
    assert unique_full_name(Person("Stanley Fischer", None, "GBR"), "2015-06-18") is None  # no office of the UK
    assert unique_full_name(Person("Stanley Fischer", None, "USA"), "2015-06-18") == "Q447236"
    assert unique_full_name(Person("Stanley Fischer", None, "USA"), "2015-06-18", "USA") is None
    assert unique_full_name(Person("Stanley Fischer", None, None, None), "2015-06-18") is None  # no side


def test_a_given_name_in_another_vowelling_is_the_same():
    mohammad, muhammad, mohammed = (fold_word(w) for w in ("Mohammad", "Muhammad", "Mohammed"))
    assert same_given(mohammad, muhammad) and same_given(mohammad, mohammed) and same_given(muhammad, mohammed)
    assert not same_given(fold_word("Maria"), fold_word("Mario"))
    assert not same_given(fold_word("Mahmoud"), muhammad)
    assert not same_given(fold_word("Lois"), fold_word("Louis"))


@pytest.mark.parametrize("written", ["Mohamed Elbaradei", "Mohammed El-Baradei", "Muhammad ElBaradei"])
def test_an_article_glued_to_the_surname_and_another_vowelling_are_one_name(written):
    person = Person(written, "Director General", None, IAEA)
    assert unique_full_name(person, "2005-03-01", "RUS") == "Q133308"  # the list's "Mohamed ElBaradei"
