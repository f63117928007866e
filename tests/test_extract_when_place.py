"""When and where a meeting took place: dates counted back from the page, cities apart from venues.

The transcripts here are short pages written in the genre's usual shapes (a
kremlin.ru header with a dateline, a White House page with a place block and a
time stamp, a readout), not copies of corpus pages.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from kg.extract.meeting import extract_meeting, meeting_format
from kg.extract.people import extract_participants
from kg.extract.place import split_place, title_city
from kg.extract.when import event_date
from kg.formats import parse
from kg.model import Transcript

WEDNESDAY = "2021-07-21"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def run(text: str, source: str = "page.txt"):
    return extract_participants(extract_meeting(parse(Transcript(text, source, "0"))))


# --- dates: "yesterday", weekdays, month and day -------------------------------


@pytest.mark.parametrize("sentence", [
    "President Biden spoke with President Lopez Obrador of Mexico yesterday.",
    "Yesterday, President Trump and King Abdullah held talks on energy.",
    "The President met yesterday with Chancellor Merkel in Berlin.",
    "The Prime Minister called the President last night to discuss the ceasefire.",
])
def test_yesterday_of_this_event_is_the_day_before_the_page(sentence):
    assert event_date(WEDNESDAY, sentence) == "2021-07-20"


@pytest.mark.parametrize("sentence", [
    "Following the summit held yesterday, the President spoke with President Macron.",
    "The President spoke with Macron today about the meeting held yesterday.",
    "During the conversation, the leaders recalled the results of yesterday's events.",
])
def test_yesterday_of_a_recalled_event_leaves_the_page_date(sentence):
    assert event_date(WEDNESDAY, sentence) == WEDNESDAY


@pytest.mark.parametrize("sentence", [
    "This morning, the President spoke with the King.", "The President met the King today.",
    "The President met the King.", "", "Talks took place in a friendly atmosphere.",
])
def test_today_or_nothing_said_is_the_page_date(sentence):
    assert event_date(WEDNESDAY, sentence) == WEDNESDAY


@pytest.mark.parametrize("day, expected", [
    ("Monday", "2021-07-19"), ("Tuesday", "2021-07-20"), ("Wednesday", "2021-07-21"),
    ("Thursday", "2021-07-15"), ("Sunday", "2021-07-18"),
])
def test_a_weekday_is_the_last_such_day_on_or_before_the_page(day, expected):
    assert event_date(WEDNESDAY, f"Vladimir Putin met on {day} with the Prime Minister of India.") == expected
    assert event_date(WEDNESDAY, f"On {day}, the leaders met in Geneva.") == expected


def test_a_weekday_of_a_recalled_meeting_leaves_the_page_date():
    assert event_date(WEDNESDAY, "The leaders discussed the results of the meeting held on Monday.") == WEDNESDAY


@settings(max_examples=100, deadline=None)
@given(published=st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31)),
       weekday=st.sampled_from(WEEKDAYS))
def test_a_weekday_is_never_after_the_page_nor_a_week_before_it(published, weekday):
    found = date.fromisoformat(event_date(published.isoformat(), f"The President met on {weekday} with the King."))
    assert timedelta(0) <= published - found < timedelta(days=7)
    assert WEEKDAYS[found.weekday()] == weekday


@settings(max_examples=100, deadline=None)
@given(published=st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31)))
def test_yesterday_is_always_one_day_back(published):
    found = event_date(published.isoformat(), "The President spoke with the Chancellor yesterday.")
    assert date.fromisoformat(found) == published - timedelta(days=1)


def test_a_month_and_day_within_a_month_before_the_page_dates_the_event():
    assert event_date(WEDNESDAY, "On July 15, the President met Chancellor Merkel.") == "2021-07-15"
    assert event_date(WEDNESDAY, "President Biden met virtually on July 19 with the Quad leaders.") == "2021-07-19"


def test_a_month_and_day_across_new_year_is_last_years():
    assert event_date("2021-01-05", "On December 30, the leaders met in Moscow.") == "2020-12-30"


@pytest.mark.parametrize("sentence", [
    "On July 25, the President met Chancellor Merkel.",       # after the page: never
    "On May 1, the President met Chancellor Merkel.",         # more than a month back: another event
    "On July 15, 2020, the President met Chancellor Merkel.",  # a year before
    "On February 30, the President met Chancellor Merkel.",   # no such day
])
def test_an_implausible_month_and_day_leaves_the_page_date(sentence):
    assert event_date(WEDNESDAY, sentence) == WEDNESDAY


def test_a_leap_day_is_read_in_a_leap_year():
    assert event_date("2020-03-02", "On February 29, the leaders met.") == "2020-02-29"


def test_no_page_date_gives_none_and_an_unreadable_one_is_kept():
    assert event_date(None, "They met yesterday.") is None
    assert event_date("July 2021", "They met yesterday.") == "July 2021"


# --- places: city, venue, regions, states, countries --------------------------------


@pytest.mark.parametrize("place, expected", [
    ("The Kremlin, Moscow", ("Moscow", "The Kremlin")),
    ("Bocharov Ruchei, Sochi, Krasnodar Territory", ("Sochi", "Bocharov Ruchei")),
    ("Konstantinovsky Palace, St Petersburg", ("St Petersburg", "Konstantinovsky Palace")),
    ("Hotel Adlon, Berlin, Germany", ("Berlin", "Hotel Adlon")),
    ("Kantei, Tokyo, Japan", ("Tokyo", "Kantei")),
    ("Brasilia, Brazil", ("Brasilia", None)),
    ("Los Angeles, California", ("Los Angeles", None)),
    ("New York, New York", ("New York", None)),
    ("Washington, D.C.", ("Washington", None)),
    ("East Room", (None, "East Room")),
    ("Via Teleconference, Oval Office", (None, "Via Teleconference, Oval Office")),
    ("Rose Garden", (None, "Rose Garden")),
    ("", (None, None)),
    (" , ", (None, None)),
])
def test_a_place_line_splits_into_city_and_venue(place, expected):
    assert split_place(place) == expected


def test_a_non_breaking_space_in_a_place_line_is_a_space():
    assert split_place("The Kremlin,\u00a0Moscow") == ("Moscow", "The Kremlin")
    assert split_place("Kuala\u00a0Lumpur, Malaysia") == ("Kuala Lumpur", None)


@pytest.mark.parametrize("title, city", [
    ("Joint press conference with Prime Minister of Australia, Sydney", "Sydney"),
    ("Talks, Sochi", "Sochi"),
    ("Talks, France", None),          # a country is no city
    ("Talks with Xi Jinping, Xyzzyville", None),  # a town the gazetteer does not know
    ("Talks", None), (None, None),
])
def test_a_plain_title_may_end_on_its_city(title, city):
    assert title_city(title) == city


KREMLIN_TALKS = """Russian-Chinese talks

May 8, 2015, The Kremlin, Moscow

Vladimir Putin held talks with President of China Xi Jinping, who is in Russia on a state visit.

Vladimir Putin: Mr President, friends, welcome.

Xi Jinping (retranslated): Thank you.
"""


def test_a_kremlin_dateline_gives_date_city_venue_and_the_visit_kind():
    doc = run(KREMLIN_TALKS)
    m = doc.meeting
    assert (doc.format, m.date, m.city, m.venue, m.format, m.visit_kind) == (
        "kremlin", "2015-05-08", "Moscow", "The Kremlin", "in_person", "state")
    assert doc.quote(m.date_span) == "May 8, 2015" and "The Kremlin, Moscow" in doc.quote(m.place_span)
    assert doc.is_meeting and {p.country for p in doc.participants} == {"RUS", "CHN"}


def test_a_kremlin_phone_call_has_no_city():
    doc = run("Telephone conversation with President of France Emmanuel Macron\n\nJuly 21, 2021\n\n"
              "Vladimir Putin had a telephone conversation with President of France Emmanuel Macron.\n")
    assert (doc.meeting.format, doc.meeting.city, doc.is_meeting) == ("phone", None, True)


def _whitehouse(title: str, place: str, body: str, day: str = "May 23, 2022", stamp: str = "10:45 A.M. JST") -> str:
    block = f"{place}\n\n{stamp}\n\n" if place else ""
    return f"{title}\n\n{day}\n\n{block}{body}\n"


def test_a_white_house_place_abroad_has_a_venue_line_and_a_city_line():
    doc = run(_whitehouse("Remarks by President Biden and Prime Minister Kishida of Japan Before Bilateral Meeting",
                          "Akasaka Palace\nTokyo, Japan",
                          "PRESIDENT BIDEN:  Thank you, Mr. Prime Minister.\n\nPRIME MINISTER KISHIDA:  Thank you."))
    assert (doc.format, doc.meeting.city, doc.meeting.venue, doc.meeting.date) == (
        "whitehouse", "Tokyo", "Akasaka Palace", "2022-05-23")
    assert {p.country for p in doc.participants} == {"USA", "JPN"}


def test_a_white_house_room_names_no_city():
    doc = run(_whitehouse("Remarks by President Biden and Prime Minister Albanese of Australia Before Bilateral Meeting",
                          "Oval Office", "PRESIDENT BIDEN:  Welcome.\n\nPRIME MINISTER ALBANESE:  Thank you.",
                          "October 25, 2023", "2:05 P.M. EDT"))
    assert (doc.meeting.city, doc.meeting.venue) == (None, "Oval Office")


def test_a_us_state_after_the_city_is_dropped():
    doc = run(_whitehouse("Remarks by President Biden and Governor Newsom at an Event",
                          "Los Angeles Convention Center\nLos Angeles, California", "PRESIDENT BIDEN:  Hello.",
                          "June 5, 2022", "3:00 P.M. PDT"))
    assert (doc.meeting.city, doc.meeting.venue) == ("Los Angeles", "Los Angeles Convention Center")
    assert not doc.is_meeting  # a governor is no foreign counterpart


def test_a_virtual_meeting_from_the_oval_office_is_video_and_placed_nowhere():
    doc = run(_whitehouse("Remarks by President Biden and Chancellor Scholz of Germany Before Virtual Meeting",
                          "Via Teleconference\nOval Office", "PRESIDENT BIDEN:  Thank you.\n\nCHANCELLOR SCHOLZ:  Thanks.",
                          "March 3, 2023", "11:00 A.M. EST"))
    assert (doc.meeting.format, doc.meeting.city) == ("video", None)


def test_a_title_ending_in_a_bar_and_a_place_gives_the_city():
    doc = run(_whitehouse("Remarks by President Biden and President Yoon of the Republic of Korea | Seoul, Republic of Korea",
                          "", "PRESIDENT BIDEN:  Thank you.\n\nPRESIDENT YOON:  Thank you.", "May 21, 2022"))
    assert doc.meeting.city == "Seoul"


def test_without_a_place_line_the_lead_or_the_speakers_say_where_the_leaders_are():
    lead = run(_whitehouse("Readout of President Biden's Meeting with Prime Minister Modi of India", "",
                           "President Biden met today in Bali with Prime Minister Narendra Modi of India. "
                           "They discussed trade.", "November 15, 2022"))
    assert lead.meeting.city == "Bali" and lead.is_meeting
    here = run(_whitehouse("Remarks by President Biden and President Macron of France Before Bilateral Meeting", "",
                           "PRESIDENT BIDEN:  It is good to be here in New York with my friend.\n\n"
                           "PRESIDENT MACRON:  Thank you.", "September 21, 2022"))
    assert here.meeting.city == "New York"


def test_a_readout_of_yesterdays_call_is_dated_yesterday_and_placed_nowhere():
    doc = run(_whitehouse("Readout of President Biden's Call with President Lopez Obrador of Mexico", "",
                          "President Biden spoke with President Andres Manuel Lopez Obrador of Mexico yesterday. "
                          "The leaders discussed migration.", "July 21, 2021"))
    assert (doc.meeting.date, doc.meeting.format, doc.meeting.city) == ("2021-07-20", "phone", None)
    assert "MEX" in {p.country for p in doc.participants}


def test_a_bracketed_event_date_under_the_place_wins_over_the_page_date():
    doc = run(_whitehouse("Remarks by President Biden and Prime Minister Albanese of Australia at Arrival Ceremony",
                          "South Lawn\n\n(October 25, 2023)", "PRESIDENT BIDEN:  Welcome.\n\nPRIME MINISTER ALBANESE:  Thanks.",
                          "October 27, 2023", "10:00 A.M. EDT"))
    assert doc.meeting.date == "2023-10-25"


# --- format: in person, phone, video ------------------------------------------------


@pytest.mark.parametrize("title, lead, expected", [
    ("Telephone conversation with Prime Minister of India Narendra Modi", "They spoke.", "phone"),
    ("Meeting with Prime Minister of India Narendra Modi", "The talks were held via videoconference.", "video"),
    ("Meeting with Prime Minister of India Narendra Modi", "The leaders met virtually to discuss trade.", "video"),
    ("Call with Prime Minister Modi", "The leaders held a secure video call.", "video"),
    ("Meeting with Prime Minister of India Narendra Modi", "The President called on India to help.", "in_person"),
    ("Meeting with Prime Minister of India Narendra Modi",
     "The leaders met in Moscow. They recalled their telephone conversation in May.", "in_person"),
])
def test_the_format_comes_from_the_title_and_the_first_sentence(title, lead, expected):
    doc = run(f"{title}\n\nMarch 4, 2019, Moscow\n\n{lead}\n\nVladimir Putin: Welcome.\n\nNarendra Modi: Thanks.\n")
    assert meeting_format(doc) == expected == doc.meeting.format


@pytest.mark.parametrize("title, expected", [
    ("Telephone conversation with President of Belarus Alexander Lukashenko", True),
    ("Telephone conversation to congratulate President of Belarus Alexander Lukashenko", True),
    ("Message of greetings to President of Belarus Alexander Lukashenko", False),
    ("Condolences to President of Belarus Alexander Lukashenko", False),
    ("Vladimir Putin will hold talks with President of Belarus Alexander Lukashenko", True),  # announced: the meeting
    ("Joint statement by Russia and Belarus", True),
])
def test_what_counts_as_an_encounter(title, expected):
    doc = run(f"{title}\n\nMarch 4, 2019\n\nVladimir Putin and President of Belarus Alexander Lukashenko "
              "spoke about energy.\n")
    assert doc.is_meeting is expected


def test_the_hosts_welcome_names_the_city_the_guest_came_to():
    """'Welcome back to Washington' names the city even from the Oval Office, whose room alone names none;
    a country welcomed to is no city, and a welcome after the opening turns (a journalist's) is not read."""
    oval = run(_whitehouse("Remarks by President Biden and President Herzog of Israel Before Bilateral Meeting",
                           "Oval Office", "PRESIDENT BIDEN:  Well, Mr. President, welcome back to Washington.\n\n"
                           "PRESIDENT HERZOG:  Thank you.", "July 18, 2023", "1:20 P.M. EDT"))
    assert (oval.meeting.city, oval.meeting.venue) == ("Washington", "Oval Office")
    abroad = run(_whitehouse("Remarks by President Biden and President Widodo of Indonesia Before Bilateral Meeting",
                             "", "PRESIDENT WIDODO:  President Biden, welcome to Bali.  Welcome to Indonesia.\n\n"
                             "PRESIDENT BIDEN:  Thank you.", "November 14, 2022", "12:34 P.M. WITA"))
    assert abroad.meeting.city == "Bali"
    country = run(_whitehouse("Remarks by President Biden and President Widodo of Indonesia Before Bilateral Meeting",
                              "", "PRESIDENT WIDODO:  Welcome to Indonesia.\n\nPRESIDENT BIDEN:  Thank you.",
                              "November 14, 2022", "12:34 P.M. WITA"))
    assert country.meeting.city is None
    late = run(_whitehouse("Remarks by President Biden and President Herzog of Israel in Joint Press Conference",
                           "East Room", "PRESIDENT BIDEN:  Please be seated.\n\nPRESIDENT HERZOG:  Thank you.\n\n"
                           "Q:  And for President Herzog, welcome back to Washington.", "July 18, 2023",
                           "1:20 P.M. EDT"))
    assert late.meeting.city is None


def test_a_leaders_country_residence_is_the_place_and_a_coming_summits_city_is_not():
    camp = run(_whitehouse("Readout of President Biden's Meeting with Prime Minister Kishida of Japan", "",
                           "President Joseph R. Biden, Jr. met with Prime Minister Kishida Fumio of Japan at Camp David "
                           "today to discuss security.", "August 18, 2023"))
    assert camp.meeting.city == "Camp David"
    coming = run(_whitehouse("Readout of President Biden's Meeting with Secretary General Stoltenberg of NATO", "",
                             "President Joseph R. Biden, Jr. met today with Secretary General Jens Stoltenberg ahead of "
                             "NATO's 75th Anniversary Summit in Washington, DC next month.", "June 17, 2024"))
    assert coming.meeting.city is None
