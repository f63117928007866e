"""Office-holders met out of the office the list dates, and names written from Serbo-Croatian.

The office-holders list (``officeholders.tsv``) holds only the offices its source wanted:
people are met before or after those, as a party leader, an envoy or a council's
secretary.  Each linked case is a real participant of the kremlin.ru corpus, written as the
page writes it, on the page's date; the label is checked with the QID, so a QID mistyped
here fails rather than pinning a wrong link.
"""

from __future__ import annotations

import pytest

from kg.model import Person
from kg.people.linking import link
from kg.people.linking_unique import WINDOW_YEARS
from kg.people.namekey import compatible_first_names, name_key


@pytest.mark.parametrize("person,day,qid,label", [
    # chairman of the National Assembly until June 2001, met as the party's general secretary
    (Person("Nong Duc Manh", "Secretary General of the Vietnamese Communist Party", "VNM"), "2002-10-10",
     "Q369596", "Nong Duc Manh"),
    # the list has him as mayor of Incheon (2010-2014); met as a special presidential envoy
    (Person("Song Young-gil", "South Korean Special Presidential Envoy", "KOR"), "2017-05-24",
     "Q484024", "Song Young-gil"),
    # the list dates his defence ministry from 2003; met in 2001 as the council's secretary
    (Person("Yevgeni Marchuk", "Secretary of the National Security and Defence Council of Ukraine", "UKR"),
     "2001-07-18", "Q715633", "Yevhen Marchuk"),
    (Person("Mohammad Fahim", "First Deputy Head of the Afghan Interim Government", "AFG"), "2002-02-12",
     "Q167526", "Muhammad Fahim"),
    # minister of the economy until October 2001, then of defence, which the list leaves out;
    # first name and surname both spelt otherwise (Greek Io-/Y-, nd/nt)
    (Person("Ioannis Papandoniou", "Defence Minister", "GRC"), "2001-12-07", "Q321635", "Yiannos Papantoniou"),
    # the list's vice presidency starts in 2017: a year before, she is herself, never Ilham Aliyev
    (Person("Mehriban Aliyeva", None, "AZE"), "2016-07-20", "Q671930", "Mehriban Aliyeva"),
])
def test_a_full_name_of_the_countrys_office_holders_links_near_their_tenure(person, day, qid, label):
    assert (link(person, day).qid, link(person, day).label) == (qid, label)


def test_an_office_the_list_dates_elsewhere_links_a_name_no_one_else_carries():
    # Wikidata starts his presidency in December 2004, and the text says "President" in 2003:
    # the office is not the list's that day, but the full name is his alone (kg.people.linking_unique)
    linked = link(Person("Hamid Karzai", "President", "AFG"), "2003-10-16")
    assert (linked.qid, linked.label) == ("Q43944", "Hamid Karzai")
    fahim = link(Person("Mohammad Fahim", "Afghanistan's First Vice President and Defence Minister", "AFG"),
                 "2003-07-12")  # the list's vice presidency starts in 2009
    assert (fahim.qid, fahim.label) == ("Q167526", "Muhammad Fahim")


@pytest.mark.parametrize("person,day", [
    (Person("Nong Duc Manh", None, "VNM"), f"{2001 + WINDOW_YEARS + 2}-01-01"),  # too long after his office
    (Person("Song Young-gil", None, "JPN"), "2017-05-24"),  # never held an office of Japan
    (Person("Song Young-gil", None, None, None), "2017-05-24"),  # no country, no organisation to check
    (Person("Song", "Special Presidential Envoy", "KOR"), "2017-05-24"),  # a surname alone
    # two Aleksandr Sokolovs: a minister of culture until 2008, a governor from 2022
    (Person("Aleksandr Sokolov", None, "RUS"), "2016-01-01"),
])
def test_no_link_far_from_any_tenure_for_another_country_or_of_two_namesakes(person, day):
    assert link(person, day).qid is None


def test_nobody_of_the_publishers_own_country_links_out_of_office():
    # the academy's vice president, on a kremlin.ru page of 2018, is not the general who was
    # Chief of the General Staff until 2012; a Russian official's name has namesakes
    academic = Person("Nikolai Makarov", "Vice President of the Russian Academy of Sciences", "RUS")
    assert link(academic, "2018-04-10", "RUS").qid is None
    guest = Person("Song Young-gil", "South Korean Special Presidential Envoy", "KOR")
    assert link(guest, "2017-05-24", "RUS").qid == "Q484024"
    assert link(guest, "2017-05-24", "KOR").qid is None


def test_a_greek_first_name_in_io_is_one_in_y():
    assert compatible_first_names(name_key("Ioannis"), name_key("Yiannos"))
    assert not compatible_first_names(name_key("Ioannis"), name_key("Ivan"))
    assert not compatible_first_names(name_key("Ion"), name_key("Ian"))  # no vowel after "Io"


def test_dj_is_how_ascii_writes_the_serbo_croatian_d_with_stroke():
    assert name_key("Zoran Djindjic") == name_key("Zoran Đinđić")
    assert name_key("Milo Djukanovic") == name_key("Milo Đukanović")
    assert name_key("Zoran Djindjic") != name_key("Zoran Zivkovic")
    # Prime Minister of Serbia from January 2001 to his death in March 2003
    linked = link(Person("Zoran Djindjic", "Prime Minister", "SRB"), "2002-05-01")
    assert (linked.qid, linked.label) == ("Q157131", "Zoran Đinđić")
