"""Meetings recognised on small made-up pages of the genre (issue 10): a page whose meeting is
not recognised loses its date, city and format at once.

A headline title whose lead opens on talks names the partner further down; a meeting of
several states' leaders is a summit though the page names none of them; the city of talks
named in the lead's first sentence is the meeting's; an instruction to the government
about a coming summit, and a notice accrediting journalists to one, are no meetings.
"""

from __future__ import annotations

import pytest

from genre_pages import kremlin


_HEADLINE = "Trade between Russia and Japan must grow on the basis of mutual trust"
_TALKS_LEAD = ("Following Russian-Japanese talks in Tokyo, President Vladimir Putin said the two sides shared "
               "an approach to energy projects. Trade between the countries is growing. Both sides want more "
               "investment. Contacts between regions are expanding. Mr Putin spoke at a joint press "
               "conference with Japanese Prime Minister Junichiro Koizumi.")


def test_a_headline_over_a_lead_on_talks_is_the_meeting_with_the_partner_named_below():
    doc = kremlin(_HEADLINE, "November 21, 2005", _TALKS_LEAD)
    assert doc.is_meeting
    assert [p.name for p in doc.participants] == ["Vladimir Putin", "Junichiro Koizumi"]
    assert (doc.meeting.date, doc.meeting.city, doc.meeting.format) == ("2005-11-21", "Tokyo", "in_person")


def test_a_headline_over_a_lead_on_other_things_stays_no_meeting():
    doc = kremlin(_HEADLINE, "November 21, 2005",
                  "Trade between the countries is growing, President Vladimir Putin said in Moscow. Both sides "
                  "want more investment. Contacts between regions are expanding. Japanese Prime Minister "
                  "Junichiro Koizumi has said the same.")
    assert not doc.is_meeting
    assert doc.meeting.city is None


@pytest.mark.parametrize("title", [
    "Leaders of the Pacific Rim Forum member countries met in Bandar Seri Begawan",
    "BRICS leaders’ meeting",
    "Roundtable meeting of leaders at the Silk Road international forum",
])
def test_a_meeting_of_several_states_leaders_is_a_summit(title):
    doc = kremlin(title, "November 16, 2000",
                  "During a meeting behind closed doors, the heads of the delegations discussed trade.")
    assert doc.is_meeting
    assert doc.participants and doc.participants[0].name == "Vladimir Putin"


def test_leaders_of_one_country_meeting_its_public_is_no_summit():
    doc = kremlin("Meeting with leaders of public organisations", "June 2, 2010",
                  "Vladimir Putin met with leaders of Russian public organisations in the Kremlin.")
    assert not doc.is_meeting
    assert doc.meeting.city is None


def test_an_instruction_about_a_coming_summit_is_no_meeting_and_names_no_city():
    doc = kremlin("Vladimir Putin instructed the Government to draw up proposals on cooperation between the "
                  "Shanghai Five countries", "March 2, 2000",
                  "The instructions followed a report on the preparations for a meeting of Shanghai Five heads "
                  "of state (Russia, China, Kazakhstan, Kyrgyzstan and Tajikistan) scheduled for May in Dushanbe.")
    assert not doc.is_meeting
    assert doc.meeting.city is None


@pytest.mark.parametrize("title", [
    "Accreditation is open for journalists to cover the meetings of the CIS Council of Heads of State",
    "The list of journalists accredited to cover the Russia-ASEAN summit has been published",
])
def test_a_notice_accrediting_journalists_to_a_summit_is_no_meeting(title):
    doc = kremlin(title, "October 6, 2010", "The summit will be held in Sochi on October 11.")
    assert not doc.is_meeting
