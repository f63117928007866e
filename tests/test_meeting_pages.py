"""Meetings read from real pages of each kind: readouts, remarks abroad, ceremonies, joint statements.

Every fixture is a page copied unchanged from the development corpora (tests/data/pages);
each test states the meeting a reader of the page would write down.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.pipeline import process
from kg.inputs.reader import read

PAGES = Path(__file__).parent / "data" / "pages"


def meeting_of(name: str):
    return process(next(read(str(PAGES / name))), pipeline=("meeting", "participants"))


def countries(doc) -> list[str | None]:
    return [p.country or p.organisation for p in doc.participants]


@pytest.mark.parametrize("name, format, parties", [
    ("wh-2021-08-23-call-johnson.txt", "phone", ["USA", "GBR"]),
    ("wh-2021-09-21-meeting-morrison.txt", "in_person", ["USA", "AUS"]),  # "Joseph R. Biden Jr.'s Meeting"
    ("wh-2022-03-07-video-call-macron-scholz-johnson.txt", "video", ["USA", "FRA", "DEU", "GBR"]),
    ("wh-2022-03-17-virtual-meeting-martin.txt", "video", ["USA", "IRL"]),
    ("wh-2023-04-26-remarks-yoon-arrival.txt", "in_person", ["USA", "KOR"]),
])
def test_readouts_and_joint_remarks_give_both_sides_and_the_format(name, format, parties):
    doc = meeting_of(name)
    assert doc.is_meeting and doc.meeting.format == format
    assert countries(doc) == parties  # one participant per principal: no "Joseph R. Biden" of the UK


@pytest.mark.parametrize("name, city, venue", [
    ("wh-2022-05-24-remarks-albanese-tokyo.txt", "Tokyo", "Kantei"),
    ("wh-2023-07-12-remarks-zelenskyy-vilnius.txt", "Vilnius", "Lithuanian Exhibition and Congress Centre"),
])
def test_remarks_abroad_are_placed_where_the_leaders_are(name, city, venue):
    meeting = meeting_of(name).meeting
    assert (meeting.city, meeting.venue) == (city, venue)


@pytest.mark.parametrize("name, format, parties", [
    ("kremlin-41779-talks-kim-jong-il.txt", "in_person", ["RUS", "PRK"]),  # "his visiting ... counterpart, Name"
    ("kremlin-42435-call-chavez-counterpart.txt", "phone", ["RUS", "VEN"]),
    ("kremlin-62221-call-von-der-leyen.txt", "phone", ["RUS", "European Commission"]),  # office in the lead
    ("kremlin-8032-call-karimov-no-place.txt", "phone", ["RUS", "UZB"]),  # dateline without a place
    ("kremlin-38057-call-karimov-birthday.txt", "phone", ["RUS", "UZB"]),  # a call to congratulate
    ("kremlin-57043-call-crown-prince-abu-dhabi.txt", "phone", ["RUS", "ARE"]),  # an emirate's city
])
def test_kremlin_calls_and_talks_of_every_layout_give_both_sides(name, format, parties):
    doc = meeting_of(name)
    assert doc.format == "kremlin" and doc.is_meeting and doc.meeting.format == format
    assert countries(doc) == parties


def test_a_kremlin_page_is_known_by_its_closing_dateline_not_its_name(tmp_path):
    from kg.formats import detect

    page = tmp_path / "untitled.txt"
    page.write_text((PAGES / "kremlin-8032-call-karimov-no-place.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert detect(next(read(str(page)))) == "kremlin"


@pytest.mark.parametrize("name", ["wh-2021-03-17-joint-statement-martin.txt"])
def test_a_white_house_joint_statement_without_labels_is_known_by_its_president(name):
    from kg.formats import detect

    assert detect(next(read(str(PAGES / name)))) == "whitehouse"


@pytest.mark.parametrize("name, parties", [
    ("wh-2023-07-27-joint-statement-meloni.txt", ["USA", "ITA"]),  # the lead names the parties
    ("wh-2022-03-29-joint-statement-singapore.txt", ["USA", "SGP"]),  # the title names them
    ("wh-2021-03-17-joint-statement-martin.txt", ["USA", "IRL"]),
])
def test_every_signatory_of_a_joint_statement_is_a_participant(name, parties):
    doc = meeting_of(name)
    assert doc.is_meeting
    assert sorted(countries(doc)) == sorted(parties)


@pytest.mark.parametrize("place, expected", [
    ("Los Angeles Convention Center, Los Angeles, California", ("Los Angeles", "Los Angeles Convention Center")),
    ("InterContinental Barclay, New York, New York", ("New York", "InterContinental Barclay")),
    ("Kantei, Tokyo, Japan", ("Tokyo", "Kantei")),
    ("Via Teleconference, Oval Office", (None, "Via Teleconference, Oval Office")),
])
def test_a_state_or_country_after_the_city_and_a_room_are_never_the_city(place, expected):
    from kg.extract.place import split_place

    assert split_place(place) == expected


def test_remarks_published_later_keep_the_date_in_brackets_and_a_call_has_no_city():
    from kg.model import Transcript
    from kg.extract.pipeline import process as run

    text = ("Remarks by President Biden and Prime Minister Albanese of Australia at State Dinner\n\n"
            "October 26, 2023\n\nSouth Lawn\n(October 25, 2023)\n\n9:02 P.M. EDT\n\n"
            "PRESIDENT BIDEN:  Welcome to the White House.\n\nPRIME MINISTER ALBANESE:  Thank you.\n")
    dinner = run(Transcript(text, "dinner.txt", "1"), pipeline=("meeting", "participants")).meeting
    assert (dinner.date, dinner.city, dinner.venue) == ("2023-10-25", None, "South Lawn")  # a lawn names no city
    call = meeting_of("wh-2021-08-23-call-johnson.txt").meeting
    assert call.format == "phone" and call.city is None


def test_another_governments_press_conference_gives_both_prime_ministers():
    """ALL-CAPS labels of any government: "PM MORRISON:", "PRIME MINISTER ARDERN:", "JOURNALIST:"."""
    from kg.formats import detect
    from kg.model import Transcript
    from kg.extract.pipeline import process as run

    text = ("Joint press conference with Prime Minister of New Zealand Jacinda Ardern, Sydney\n\n"
            "Friday, 28 May 2021\n\n"
            "PM MORRISON: Well, good morning, and it is a pleasure to welcome Jacinda to Sydney.\n\n"
            "PRIME MINISTER ARDERN: Thank you, Scott. It is good to be back.\n\n"
            "JOURNALIST: Prime Minister, do you agree with your counterpart?\n\n"
            "PM MORRISON: We have always had the same view on that.\n")
    transcript = Transcript(text, "press-conference.txt", "2")
    assert detect(transcript) == "plain"  # not the White House: no US label, no US time zone
    doc = run(transcript, pipeline=("meeting", "participants"))
    assert doc.is_meeting and (doc.meeting.date, doc.meeting.city, doc.meeting.format) == (
        "2021-05-28", "Sydney", "in_person")
    assert sorted(p.country for p in doc.participants) == ["AUS", "NZL"]
    assert doc.utterances[2].speaker.is_journalist


@pytest.mark.parametrize("title", [
    "President Vladimir Putin negotiated with Mongolian President Natsagiyn Bagabandi",
    "President Vladimir Putin had a working breakfast with Polish Prime Minister Leszek Miller",
])
def test_negotiations_and_working_meals_are_encounters(title):
    from kg.model import Transcript
    from kg.extract.pipeline import process as run

    text = f"{title}\n\nMay 14, 2001, The Kremlin, Moscow\n\nThe two leaders discussed bilateral relations.\n"
    doc = run(Transcript(text, "meal.txt", "3"), pipeline=("meeting", "participants"))
    assert doc.is_meeting and len({p.country for p in doc.participants}) == 2
