"""One IRI for a person some pages name by surname alone (kg.people.fullnames).

The White House joint statements give "President von der Leyen"; other pages give
"Ursula von der Leyen".  No reference list links her, so only the shipped table of full
names (tools/build_full_names.py) makes the two one IRI.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.model import Person
from kg.people.fullnames import full_name, side_of, surname_keys
from kg.people.linking import link
from kg.people.namekey import name_words
from kg.rdf.namespace import person_iri, person_name_key

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from build_full_names import full_names  # noqa: E402

HEAD = Person("Ursula von der Leyen", "President", None, organisation="European Commission")
SURNAME = Person("von der Leyen", "President", None, organisation="European Union")


def _iri(person: Person, day: str) -> str:
    return person_iri(person_name_key(link(person, day))).value


def test_a_surname_alone_and_the_full_name_are_one_iri():
    assert _iri(SURNAME, "2022-03-25") == _iri(HEAD, "2021-06-15")
    assert link(SURNAME, "2022-03-25").label == "Ursula von der Leyen"
    assert link(SURNAME, "2022-03-25").qid is None  # the table names; it never gives a QID


def test_the_european_commission_and_the_union_are_one_side():
    assert side_of(HEAD) == side_of(SURNAME) == "family:EU institutions and bodies"


def test_the_surname_for_another_side_is_someone_else():
    for other in (Person("von der Leyen", "Minister", "DEU"),
                  Person("von der Leyen", "Secretary General", None, organisation="North Atlantic Treaty Organisation")):
        assert full_name(other) is None
        assert _iri(other, "2022-03-25") != _iri(HEAD, "2021-06-15")


def test_surnames_of_a_full_name():
    assert surname_keys("Ursula von der Leyen") == [" ".join(name_words("von der Leyen")), name_words("Leyen")[0]]
    assert surname_keys("Sheikh Tamim") == []  # an honorific is no given name
    assert surname_keys("Trong") == []


def test_a_table_row_needs_one_unlinked_bearer_and_a_mention_by_surname():
    eu = "family:EU institutions and bodies"
    rows = full_names([
        ("Ursula von der Leyen", None, "ursula von der leen", eu),
        ("von der Leyen", None, "von der leen", eu),
        ("Jeb Bush", None, "jeb bush", "USA"),  # "Bush" is also a linked president's
        ("George W. Bush", "Q207", "george bush", "USA"),
        ("Bush", None, "bush", "USA"),
        ("Jaap de Hoop Scheffer", None, "jaap de hop shefer", "organisation:NATO"),  # never written alone
    ])
    assert [row[:2] for row in rows] == [[" ".join(name_words("von der Leyen")), "Ursula von der Leyen"]]


def test_a_name_written_without_its_middle_name_joins_the_one_with_it():
    opec = "organisation:OPEC"
    short = " ".join(name_words("Mohammed Barkindo"))
    rows = full_names([
        ("Mohammed Sanusi Barkindo", None, "x", opec),
        ("Mohammed Barkindo", None, "y", opec),
        ("Abdullah Ahmad Badawi", None, "x", "MYS"),  # the short form met for another side only
        ("Abdullah Badawi", None, "y", "SGP"),
        ("George Herbert Walker Bush", None, "x", "USA"),  # two longer names: which one is meant is unknown
        ("George Walker Bush", None, "y", "USA"),
        ("George Bush", None, "z", "USA"),
        ("Hamad bin Khalifa", "Q1", "x", "QAT"),  # a linked name is found by the lists
        ("Hamad Khalifa", None, "y", "QAT"),
    ])
    assert [row[:2] for row in rows] == [[short, "Mohammed Sanusi Barkindo"]]


def test_the_short_name_takes_the_full_one_on_its_side_only():
    opec = "Organization of the Petroleum Exporting Countries"
    short = Person("Mohammed Barkindo", "Secretary General", None, organisation=opec)
    assert full_name(short) == "Mohammed Sanusi Barkindo"  # a row of the shipped table
    assert _iri(short, "2019-10-03") == _iri(Person("Mohammed Sanusi Barkindo", "Secretary General", None,
                                                    organisation=opec), "2016-10-01")
    assert full_name(Person("Mohammed Barkindo", "Minister", "NGA")) is None
