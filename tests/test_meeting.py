"""Meeting extraction: end-to-end on the dev transcripts and HTML pages, and unit cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract.meeting import extract_meeting, split_place
from kg.extract.people import extract_participants
from kg.formats import parse
from kg.model import Transcript

DATA = Path(__file__).parent / "data"
DEV = sorted((DATA / "dev").glob("*.txt"))


def run(text: str, source: str = "test.txt"):
    return extract_participants(extract_meeting(parse(Transcript(text, source, "0"))))


def surname(name: str) -> str:
    return name.split()[-1].lower()


@pytest.mark.parametrize("path", DEV, ids=lambda p: p.stem)
def test_dev_meeting_and_participants_match_gold(path):
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    doc = run(path.read_text(encoding="utf-8"), str(path))
    meeting = doc.meeting
    assert doc.is_meeting
    assert (meeting.date, meeting.city, meeting.format) == (
        gold["meeting"]["date"], gold["meeting"]["city"], gold["meeting"]["format"])
    found = {(p.country, surname(p.name)) for p in doc.participants}
    for person in gold["participants"]:
        assert (person["country"], surname(person["name"])) in found, person


@pytest.mark.parametrize("path", sorted((DATA / "html").glob("*.html")), ids=lambda p: p.stem)
def test_html_pages_parse_to_meetings_with_dates(path):
    read = pytest.importorskip("kg.inputs.reader").read
    transcript = next(iter(read(path)))
    doc = extract_participants(extract_meeting(parse(transcript)))
    assert doc.format == "kremlin" and doc.meeting.date and doc.utterances


def test_html_pages_of_dev_transcripts_give_the_same_meeting():
    read = pytest.importorskip("kg.inputs.reader").read
    for page, dev in (("17622", "kremlin-2013-03-04-ukraine"), ("60159", "kremlin-2019-03-28-kyrgyzstan")):
        from_html = run(next(iter(read(DATA / "html" / f"{page}.html"))).text)
        from_text = run((DATA / "dev" / f"{dev}.txt").read_text(encoding="utf-8"))
        assert from_html.meeting.date == from_text.meeting.date
        assert from_html.meeting.city == from_text.meeting.city
        assert from_html.participants == from_text.participants


@pytest.mark.parametrize("place, expected", [
    ("Novo-Ogaryovo, Moscow Region", ("Novo-Ogaryovo", None)),
    ("The Kremlin, Moscow", ("Moscow", "The Kremlin")),
    ("Zavidovo, Tver Region", ("Zavidovo", None)),
    ("Kuala Lumpur, Malaysia", ("Kuala Lumpur", None)),
    ("Bishkek", ("Bishkek", None)),
])
def test_city_is_the_locality_of_the_place_line(place, expected):
    assert split_place(place) == expected


def test_formats_and_visit_kind():
    phone = run("Telephone conversation with President of Belarus Alexander Lukashenko\n\nMay 1, 2019\n\n"
                "Vladimir Putin had a telephone conversation with President of Belarus Alexander Lukashenko.")
    assert phone.meeting.format == "phone" and phone.is_meeting and phone.meeting.city is None
    video = run("Meeting with President of France Emmanuel Macron\n\nJune 26, 2020, Novo-Ogaryovo, Moscow Region\n\n"
                "The talks were held via videoconference. Macron is on a state visit.")
    assert (video.meeting.format, video.meeting.city, video.meeting.visit_kind) == ("video", "Novo-Ogaryovo", "state")


def test_format_comes_from_the_title_or_first_sentence_not_recalled_contacts():
    talks = run("Talks with President of Belarus Alexander Lukashenko\n\nFebruary 7, 2020, Sochi\n\n"
                "Vladimir Putin held talks with President of Belarus Alexander Lukashenko. "
                "During two telephone conversations in December they had discussed gas prices.")
    assert talks.meeting.format == "in_person"
    called = run("President Vladimir Putin met with President Askar Akayev of Kyrgyzstan\n\nMay 14, 2002, Moscow\n\n"
                 "The Russian President called on his counterpart to reverse the fall in trade.")
    assert called.meeting.format == "in_person"


def test_documents_signed_after_talks_report_the_talks():
    doc = run("A joint communique was signed following Russian-Turkmen negotiations\n\nMay 2, 2002, Ashgabat\n\n"
              "President Vladimir Putin and President Saparmurat Niyazov of Turkmenistan signed a communique.")
    assert doc.is_meeting and {p.country for p in doc.participants} == {"RUS", "TKM"}


@pytest.mark.parametrize("title", [
    "Greetings to President of India Ram Nath Kovind and Prime Minister of India Narendra Modi",
    "Vladimir Putin will make an official visit to India",  # a trip announced: what he will do there is not said
    "Meeting with Head of Khakassia Viktor Zimin",
    "Executive order on measures to protect orphaned children",
])
def test_not_meetings_have_no_meeting_flag(title):
    doc = run(f"{title}\n\nMarch 4, 2018, The Kremlin, Moscow\n\nVladimir Putin: Good afternoon.\n")
    assert not doc.is_meeting


def test_domestic_meeting_has_no_participants():
    doc = run("Working meeting with Emergency Situations Minister Vladimir Puchkov\n\nMarch 4, 2015, Moscow\n\n"
              "Vladimir Putin: Good afternoon.\n\nVladimir Puchkov: Good afternoon.\n")
    assert not doc.is_meeting and doc.participants == ()
