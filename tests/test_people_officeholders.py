"""The second list: ministers, speakers and heads of organisations, linked within their tenure.

Each case is a real participant of the kremlin.ru or White House corpus (written as the
page writes it, on the page's date) or a real pair of people the list must keep apart.
(A full name of a country's office-holder may also link some years from their tenure, in
an office the list leaves out: ``test_people_link_near``.)
"""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from kg.model import Person
from kg.people.gazetteer import default_gazetteer
from kg.people.linking import _office_fits, link

TOOL = Path(__file__).resolve().parent.parent / "tools" / "build_officeholders.py"


def _tool():
    spec = importlib.util.spec_from_file_location("build_officeholders", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("person,day,qid", [
    (Person("Kofi Anan", "Secretary-General", None, "United Nations"), "2003-05-01", "Q1254"),
    (Person("Lord Russell-Johnston", "President of the Parliamentary Assembly", None, "Council of Europe"),
     "2000-01-17", "Q333754"),  # the Parliamentary Assembly's president, named by its Council
    (Person("Condoleezza Rice", None, "USA"), "2002-05-01", "Q47216"),  # National Security Advisor then
    (Person("Rice", "Secretary of State", "USA"), "2006-05-01", "Q47216"),  # a surname and a fitting office
    (Person("Lionel Jospin", "Prime Minister", "FRA"), "2001-01-01", "Q187099"),
    (Person("Hubert Vedrine", "Foreign Minister", "FRA"), "2001-01-01", "Q560682"),
])
def test_an_office_holder_of_the_country_or_organisation_given_is_linked(person, day, qid):
    assert link(person, day).qid == qid


@pytest.mark.parametrize("person,day", [
    # long after his term (within WINDOW_YEARS of it, his full name, which no one else in the
    # lists carries, links him wherever he is met: test_people_link_unique)
    (Person("Kofi Annan", "Secretary-General", None, "United Nations"), "2023-05-01"),
    (Person("Kofi Annan", None, None, "North Atlantic Treaty Organisation"), "2023-05-01"),  # not NATO's either
    (Person("Kofi Annan", None, None, None), "2003-05-01"),  # no country, no organisation: nothing to check
    (Person("Condoleezza Rice", None, "GBR"), "2006-05-01"),  # no office of that country
    (Person("Rice", None, "USA"), "2006-05-01"),  # a surname without an office
    (Person("Rice", "Secretary of Defence", "USA"), "2006-05-01"),  # an office she did not hold
    (Person("Karzai", "President", "AFG"), "2003-10-16"),  # Wikidata's presidency starts in Dec. 2004
])
def test_no_link_outside_the_tenure_country_organisation_or_office(person, day):
    assert link(person, day).qid is None


def test_susan_and_condoleezza_rice_stay_apart():
    assert link(Person("Susan Rice", None, "USA"), "2014-05-01").qid == "Q50612"
    assert link(Person("Rice", "National Security Advisor", "USA"), "2014-05-01").qid == "Q50612"
    assert link(Person("Rice", "National Security Advisor", "USA"), "2003-05-01").qid == "Q47216"


def test_the_leader_list_does_not_grow_with_the_second_list():
    gazetteer = default_gazetteer()
    assert gazetteer.leaders_named("Condoleezza Rice") == []  # what extraction reads is unchanged
    assert gazetteer.officeholders().of_person("Q47216")
    leaders = {t.qid for t in gazetteer.leaders().tenures}
    assert link(Person("Vladimir Putin", None, "RUS"), "2003-05-01").qid == "Q7747"
    assert "Q1254" not in leaders


@pytest.mark.parametrize("written,held,fits", [
    ("Foreign Minister", "Minister of Foreign Affairs", True),
    ("US Secretary of State", "Secretary of State", True),
    ("Defense Secretary", "Secretary of Defence", True),
    ("Prime Minister", "Minister of Justice", False),
    ("President", "President of the Senate", False),  # the senate says which president
    ("Secretary of State", "Secretary of Defence", False),
    ("President", "President", True),
    (None, "Secretary of State", False),
])
def test_office_fit_needs_a_telling_word(written, held, fits):
    assert _office_fits(written, held) is fits


def test_build_tool_keeps_precision_and_drops_rows_it_cannot_place(tmp_path):
    tool = _tool()
    assert tool._day("2003-03", last=False) == "2003-03-01" and tool._day("2004-02", last=True) == "2004-02-29"
    assert tool._day("1990s", last=False) == "1990" and tool._day("1990s", last=True) == "1999"
    assert tool._day("2001-05-02", last=True) == "2001-05-02" and tool._day("", last=True) == ""
    world = tmp_path / "world.csv"
    with open(world, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["position", "person", "personID", "start", "end"])
        writer.writerow(["Secretary-General of the United Nations", "Kofi Annan", "Q1254", "1997-01-01", "2006-12-31"])
        writer.writerow(["Permanent Representative to the United Nations", "Someone", "Q5", "2001", ""])  # no org
        writer.writerow(["Secretary-General of the United Nations", "Nobody", "Q6", "", "2001"])  # no start
        writer.writerow(["Substitute member of the Parliamentary Assembly of the Council of Europe", "Helle Degn",
                         "Q4307386", "1998-04-20", "2001-01-22"])  # a seat of the legislators file
    rows, names = tool.read_source(world, "")
    assert rows == [["Q1254", "", "United Nations", "organisation_office", "Secretary-General of the United Nations",
                     "1997-01-01", "2006-12-31", "world"],
                    ["Q4307386", "", "Council of Europe", "organisation_office",
                     "Substitute member of the Parliamentary Assembly of the Council of Europe", "1998-04-20",
                     "2001-01-22", "world"]]
    assert names == {"Q1254": ["Kofi Annan"], "Q4307386": ["Helle Degn"]}
    cabinet = tmp_path / "bulgaria-cabinet.csv"
    cabinet.write_text("position,person,personID,start,end,gender,DOB,DOD,image,enwiki\n"
                       "Prime Minister,Simeon II of Bulgaria,Q1060355,2001-07-24,2005-08-17,male,,,,"
                       "Simeon Saxe-Coburg-Gotha\n", encoding="utf-8")
    rows, names = tool.read_source(cabinet, "BGR")
    assert rows[0][:4] == ["Q1060355", "BGR", "", "national_office"]
    assert names == {"Q1060355": ["Simeon II of Bulgaria", "Simeon Saxe-Coburg-Gotha"]}


def test_everypolitician_offices_keep_organisations_offices_of_members_with_a_qid(tmp_path):
    """The converter of EveryPolitician's positions keeps an organisation's office of a member whose
    Popolo entry gives a QID, and drops national offices, undated rows and members without one."""
    spec = importlib.util.spec_from_file_location(
        "build_everypolitician_offices", TOOL.parent / "build_everypolitician_offices.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    popolo = {"persons": [{"id": "a", "identifiers": [{"scheme": "wikidata", "identifier": "Q333056"}]},
                          {"id": "b", "identifiers": [{"scheme": "datadotparl", "identifier": "7"}]}]}
    positions = [
        {"id": "a", "name": "George Robertson", "position": "Secretary General of NATO",
         "start_date": "1999-10-14", "end_date": "2003-12-17"},
        {"id": "a", "name": "George Robertson", "position": "Secretary of State for Defence",
         "start_date": "1997-05-03", "end_date": "1999-10-11"},  # a national office: the country files'
        {"id": "b", "name": "Terry Davis", "position": "Secretary General of the Council of Europe",
         "start_date": "2004-09-01", "end_date": "2009-10-01"},  # no QID
        {"id": "a", "name": "George Robertson", "position": "Secretary General of NATO",
         "start_date": "", "end_date": ""},  # no start
    ]
    rows = module.organisation_offices(positions, module.wikidata_ids(popolo))
    assert rows == [["Secretary General of NATO", "George Robertson", "Q333056", "1999-10-14", "2003-12-17"]]


@pytest.mark.parametrize("day,qid", [
    ("2002-11-11", "Q333056"),  # NATO's Secretary General that day
    ("2025-01-01", None),  # long after his term
])
def test_natos_secretary_general_of_the_everypolitician_offices(day, qid):
    assert link(Person("George Robertson", "Secretary General", None, "North Atlantic Treaty Organisation"),
                day).qid == qid


def test_everypolitician_cabinet_keeps_labelled_dated_tenures_ended_from_2000():
    spec = importlib.util.spec_from_file_location(
        "build_everypolitician_offices", TOOL.parent / "build_everypolitician_offices.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cabinet = [
        {"id": "Q160902", "name": "Sigmar Gabriel", "label": "Federal Minister for Foreign Affairs",
         "start_date": "2017-01-27", "end_date": '""'},  # no end: still in office when queried
        {"id": "Q159913", "name": "Klaus Kinkel", "label": "Federal Minister for Foreign Affairs",
         "start_date": "1992-05-18", "end_date": "1998-10-26"},  # ended before 2000
        {"id": "Q61053", "name": "Olaf Scholz", "label": "Q1663929", "start_date": "2001-05-30",
         "end_date": "2001-09-23"},  # a post without an English label
        {"id": "Q109375", "name": "Oliver Wittke", "label": "transport minister", "start_date": '""',
         "end_date": '""'},  # undated
    ]
    assert module.cabinet_offices(cabinet) == [  # open: closed on the file's latest date, his own start
        ["Federal Minister for Foreign Affairs", "Sigmar Gabriel", "Q160902", "2017-01-27", "2017-01-27"]]


@pytest.mark.parametrize("person,day,qid", [
    (Person("Sigmar Gabriel", "Foreign Minister", "DEU"), "2017-03-09", "Q160902"),
    (Person("Michael Glos", "Economics Minister", "DEU"), "2005-12-08", "Q61803"),
    (Person("Ursula von der Leyen", "President", None, "European Commission"), "2019-12-03", "Q60772"),
    (Person("Sigmar Gabriel", "Foreign Minister", "AUT"), "2017-03-09", None),  # no office of Austria
])
def test_german_ministers_of_the_everypolitician_cabinet(person, day, qid):
    assert link(person, day).qid == qid
