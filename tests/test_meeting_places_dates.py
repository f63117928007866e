"""Where and when a meeting was, and how it was held, on small made-up pages of the genre.

Each case is one pattern found in the training pages (issue 10): a place line
that names a country alone, a summit "in the capital of" a country, a White
House place line ending on "D.C.", a title that ends on the day of the event,
an announcement published without a dateline, "called" that names rather than
telephones, and joint statements "from the Leaders of" republics whose
President leads.
"""

from __future__ import annotations

import pytest

from kg.extract.meeting import meeting_format
from kg.extract.place import stated_city
from kg.extract.when import stated_date

from genre_pages import kremlin, read_page, whitehouse


def test_a_place_line_naming_a_country_alone_leaves_the_city_to_the_title():
    doc = kremlin("The Presidents of Russia and Belarus met in Vitebsk", "July 2, 2004, Belarus",
                  "Vladimir Putin and Alexander Lukashenko discussed the Union State budget.")
    assert doc.meeting.city == "Vitebsk"


def test_a_place_line_naming_a_country_alone_and_a_title_naming_none_gives_no_city():
    doc = kremlin("The Presidents of Russia and Belarus held talks", "July 2, 2004, Belarus",
                  "Vladimir Putin and Alexander Lukashenko discussed the Union State budget in Vitebsk.")
    assert doc.meeting.city is None


@pytest.mark.parametrize("sentence, city", [
    ("The Russia-EU summit was held in the capital of Italy, which holds the EU presidency", "Rome"),
    ("Talks were held in the capital of Finland", "Helsinki"),
    ("The leaders met in Oslo, not in the capital of Sweden", "Oslo"),  # the first place the clause names
    ("The summit was held in the capital of the region", None),  # no country: no capital
])
def test_a_summit_in_the_capital_of_a_country_is_in_its_capital(sentence, city):
    assert stated_city(sentence) == city


def test_a_white_house_place_line_may_end_on_an_abbreviation():
    doc = whitehouse("Remarks by President Biden and President Sato of Japan Before Bilateral Meeting",
                     "July 11, 2024\n\nRiverside Convention Center\nWashington, D.C.\n\n12:51 P.M. EDT",
                     "PRESIDENT BIDEN:  Welcome, Mr. President.  We have a lot to talk about.")
    assert doc.meeting.city == "Washington"
    assert doc.meeting.venue == "Riverside Convention Center"


def test_a_title_that_ends_on_a_date_gives_the_day_of_the_event():
    doc = whitehouse("Remarks by President Biden and Prime Minister Sato of Japan Before Bilateral Meeting | "
                     "Wilmington, DE (September 21, 2024)",
                     "September 23, 2024\n\nArchmere Academy\nWilmington, Delaware\n\n4:05 P.M. EDT",
                     "PRESIDENT BIDEN:  Welcome to Delaware, Mr. Prime Minister.")
    assert doc.meeting.date == "2024-09-21"
    plain = whitehouse("Remarks by President Biden and Prime Minister Sato of Japan Before Bilateral Meeting",
                       "September 23, 2024\n\nOval Office\n\n4:05 P.M. EDT",
                       "PRESIDENT BIDEN:  Welcome, Mr. Prime Minister.")
    assert plain.meeting.date == "2024-09-23"


def test_called_that_names_a_visit_is_no_telephone_call():
    visit = kremlin("President Vladimir Putin called the current visit by Prime Minister of India Ravi Kumar an "
                    "important step", "November 12, 2003", "The two sides discussed bilateral cooperation.")
    assert meeting_format(visit) == "in_person"
    call = kremlin("President Vladimir Putin called President of France Jacques Chirac",
                   "November 12, 2003", "The two presidents discussed the situation in Iraq.")
    assert meeting_format(call) == "phone"


def test_an_announcement_without_a_dateline_is_dated_only_by_a_date_with_its_year():
    full = read_page("Vladimir Putin will meet with President of Chile Ana Rojas\n\nVladimir Putin will meet on "
                "May 14, 2013, with President of Chile Ana Rojas, who will be in Russia on an official visit.\n",
                "kremlin")
    assert full.date is None and full.meeting.date == "2013-05-14"
    no_year = read_page("Vladimir Putin will meet with President of Chile Ana Rojas\n\nOn May 14, Vladimir Putin will "
                   "meet in Moscow with President of Chile Ana Rojas.\n", "kremlin")
    assert no_year.meeting.date is None


@pytest.mark.parametrize("text, date", [
    ("Vladimir Putin will meet on December 14, 2012, with the President", "2012-12-14"),
    ("The President will make a state visit to Russia on March 22\u201324, 2013.", "2013-03-22"),
    ("On December 18, Vladimir Putin will meet the President.", None),
    ("The talks will be held on February 30, 2013.", None),  # no such day
])
def test_a_stated_date_needs_its_year(text, date):
    assert stated_date([text]) == date


def test_the_leaders_of_republics_whose_president_leads_are_their_presidents():
    doc = whitehouse("Joint Statement from the Leaders of the United States, France, Germany, and Romania on "
                     "Support for Ukraine", "April 25, 2024",
                     "We reaffirm our steadfast support for Ukraine's sovereignty.")
    offices = {p.country: p.office for p in doc.participants}
    assert offices["FRA"] == "President" and offices["ROU"] == "President"
    assert offices["DEU"] != "President"  # Germany's Chancellor leads it, not its Federal President


@pytest.mark.parametrize("sentence, city", [
    ("The CIS leaders arrived in ex-Kazakhstan's capital, Almaty", "Almaty"),
    ("The President spent the second day of his visit in the Scottish capital Edinburgh", "Edinburgh"),
    ("President Joseph R. Biden, Jr. is honored to welcome Prime Minister Tan of Singapore to Washington, D.C.",
     "Washington"),
    ("President Joseph R. Biden, Jr. welcomed President Ruiz of Spain to the White House today", None),  # a venue
    ("President Vladimir Putin told journalists before leaving Paris for Moscow", "Paris"),
    ("Before leaving for Paris, the President met the Governor", None),  # where he goes is not where he is
])
def test_a_named_capital_and_a_welcome_to_a_city_place_the_meeting(sentence, city):
    assert stated_city(sentence) == city


@pytest.mark.parametrize("room, city", [("Oval Office", None), ("East Room", "Washington")])
def test_remarks_in_the_oval_office_read_no_city_from_here_in(room, city):
    doc = whitehouse("Remarks by President Biden and Prime Minister Sato of Japan Before Bilateral Meeting",
                     f"May 12, 2023\n\n{room}\n\n2:20 P.M. EDT",
                     "PRESIDENT BIDEN:  Welcome, Mr. Prime Minister.\n\n"
                     "PRIME MINISTER SATO:  Thank you.  I am happy to be here in Washington.")
    assert doc.meeting.city == city


def test_the_head_of_an_organisation_a_joint_statement_names_signs_for_it():
    doc = whitehouse("Joint Statement by President Biden and President van den Berg on U.S.-EU Cooperation on "
                     "Critical Minerals", "March 10, 2023",
                     "The United States and the European Union share the goal of secure supply chains.")
    heads = [p for p in doc.participants if p.organisation]
    assert doc.is_meeting and [(p.name, p.organisation) for p in heads] == [("van den Berg", "European Union")]
    countries = whitehouse("Joint Statement by President Biden and President Ruto of Kenya on Trade",
                           "March 10, 2023", "The United States and Kenya share the goal of open trade.")
    assert not any(p.organisation for p in countries.participants)


@pytest.mark.parametrize("place, city", [
    ("Moscow, Kremlin", "Moscow"),  # the city written before the venue
    ("New York, UN Headquarters", "New York"),
    ("Finland, Turku", "Turku"),  # the country written first
    ("The Kremlin, Moscow.", "Moscow"),  # a stray full stop
    ("Washington, D.C.", "Washington"),  # an abbreviation's full stop stays
    ("Via Teleconference, Oval Office", None),  # rooms only
])
def test_a_place_line_in_another_order_or_with_a_full_stop_gives_its_city(place, city):
    from kg.extract.place import split_place

    assert split_place(place)[0] == city
