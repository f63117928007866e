"""kg.formats line by line: datelines, titles, labels, White House headers, turns, detection."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.formats import detect, parse
from kg.formats import whitehouse as wh
from kg.formats.header import MONTHS, header_datelines, iso_date, read_dateline, title_line
from kg.formats.labels import label_at, readable_caps
from kg.formats.turns import Cast, Label, Line, build_utterances, with_addressees
from kg.model import is_press_label
from kg.inputs.text import lines
from kg.people.cast import Mention
from kg.model import Person, Span, Transcript, Utterance


def whole(text: str) -> Span:
    return Span(0, len(text))


def dateline(text: str):
    found = read_dateline(text, whole(text))
    return found and (found.date, found.place)


# -- datelines ------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("July 20, 2021", ("2021-07-20", None)),
    ("July 20, 2021, The Kremlin, Moscow", ("2021-07-20", "The Kremlin, Moscow")),
    ("July 20-21, 2021, Sochi", ("2021-07-20", "Sochi")),
    ("July 5\u20136, 2022, Ashgabat", ("2022-07-05", "Ashgabat")),
    ("July 20 2021", ("2021-07-20", None)),
    ("July\u00a020,\u00a02021,\u00a0Novo-Ogaryovo", ("2021-07-20", "Novo-Ogaryovo")),
    ("Wednesday, 27 February 2008", ("2008-02-27", None)),
    ("27 February 2008, Canberra", ("2008-02-27", "Canberra")),
    ("December 31, 1999", ("1999-12-31", None)),
    ("February 29, 2024", ("2024-02-29", None)),
    ("February 29, 2023", None),
    ("February 31, 2021", None),
    ("July 20, 1899", None),
    ("Julyy 20, 2021", None),
    ("july 20, 2021", None),
    ("July 20, 2021. Then we met", None),
    ("On July 20, 2021, The Kremlin", None),
    ("July 20, 2021, " + "x" * 81, None),
])
def test_dateline_shapes(text, expected):
    assert dateline(text) == expected


def test_dateline_spans_point_into_the_text():
    text = "Title\n\nJuly 20, 2021, The Kremlin, Moscow\n\nBody"
    line = Span(7, 7 + len("July 20, 2021, The Kremlin, Moscow"))
    found = read_dateline(text, line)
    assert found.span == line
    assert found.date_span.of(text) == "July 20, 2021"
    assert found.place_span.of(text) == "The Kremlin, Moscow"


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31)),
       st.sampled_from(["", ", Moscow", ", The Kremlin, Moscow"]), st.booleans())
def test_every_real_day_reads_back_in_both_orders(day, place, day_first):
    month = MONTHS[day.month - 1]
    text = (f"{day.day} {month} {day.year}" if day_first else f"{month} {day.day}, {day.year}") + place
    assert dateline(text) == (day.isoformat(), place[2:] or None)
    assert iso_date(month, str(day.day), str(day.year)) == day.isoformat()


def test_header_datelines_only_look_at_the_first_lines():
    text = "\n".join(["Title", "July 20, 2021", "a", "b", "c", "d", "July 21, 2021", "e"])
    assert [d.date for d in header_datelines(text)] == ["2021-07-20"]
    assert [d.date for d in header_datelines(text, limit=7)] == ["2021-07-20", "2021-07-21"]
    assert header_datelines("") == []


@pytest.mark.parametrize("text,title", [
    ("Meeting with Ilham Aliyev\n\nJuly 20, 2021\n\nText.", "Meeting with Ilham Aliyev"),
    ("Joint Statement: A Partnership\nJuly 20, 2021\n", "Joint Statement: A Partnership"),
    ("Vladimir Putin: Good afternoon.\n\nMore.", None),
    ("A" * 401 + "\n\nJuly 20, 2021", None),
    ("We met and we talked about a very great many things, " * 5 + "all of them.\n\nMore.", None),
    ("Short sentence of speech.\n\nMore.", "Short sentence of speech."),
    ("\n\n   \n", None),
])
def test_title_line(text, title):
    found = title_line(text)
    assert (found.of(text) if found else None) == title


# -- labels -------------------------------------------------------------------

@pytest.mark.parametrize("text,description,interpreted,body", [
    ("President of Russia Vladimir Putin: Hello.", "President of Russia Vladimir Putin", False, " Hello."),
    ("Ilham Aliyev (retranslated): Thanks", "Ilham Aliyev", True, " Thanks"),
    ("Sergei Lavrov (as interpreted): ok", "Sergei Lavrov", True, " ok"),
    ("Vladimir Putin:", "Vladimir Putin", False, ""),
    ("President of the Republic of the Congo Denis Sassou-Nguesso: Hi",
     "President of the Republic of the Congo Denis Sassou-Nguesso", False, " Hi"),
    ("Mr. Smith: hi", "Mr. Smith", False, " hi"),
    ("Abdullah II: hi", "Abdullah II", False, " hi"),
    ("Saud al-Faisal: hi", "Saud al-Faisal", False, " hi"),
    ("Question: Why?", "Question", False, " Why?"),
])
def test_speaker_labels(text, description, interpreted, body):
    label = label_at(text, whole(text))
    assert (label.description, label.interpreted, text[label.body_start:]) == (description, interpreted, body)
    assert label.span.start == 0 and text[label.span.end - 1] == ":"


@pytest.mark.parametrize("text", [
    "The message reads, in part:", "He said: no", "Putin!: x", "President of:x", "Mrs Smith and: hi",
    "Yesterday. Putin: hi", "Quoted \u201cPutin\u201d: hi",
    " ".join(["Word"] * 17) + ": too many words",
])
def test_prose_ending_in_a_colon_is_no_label(text):
    assert label_at(text, whole(text)) is None


@pytest.mark.parametrize("caps,readable", [
    ("PRIME MINISTER LEE", "Prime Minister Lee"), ("PM RUDD", "Prime Minister Rudd"),
    ("FM LAVROV", "Foreign Minister Lavrov"), ("VP HARRIS", "Vice President Harris"), ("Q", "Q"),
    ("Prime Minister Lee", "Prime Minister Lee"), ("JOURNALIST", "Journalist"),
])
def test_readable_caps(caps, readable):
    assert readable_caps(caps) == readable


# -- White House headers ----------------------------------------------------------

@pytest.mark.parametrize("text,description,body", [
    ("PRESIDENT BIDEN:  Welcome", "PRESIDENT BIDEN", "  Welcome"),
    ("THE PRESIDENT: Yes", "THE PRESIDENT", " Yes"),
    ("Q    A question", "Q", "A question"),
    ("Q:  A question", "Q", "A question"),
    ("Q", "Q", ""),
])
def test_whitehouse_labels(text, description, body):
    label = wh.label_at(text, whole(text))
    assert (label.description, text[label.body_start:]) == (description, body)


@pytest.mark.parametrize("text", ["NOTE: x", "WASHINGTON: x", "Questions remain", "I: no", "Quite so: yes"])
def test_whitehouse_non_labels(text):
    assert wh.label_at(text, whole(text)) is None


ABROAD = """Remarks by President Biden and Prime Minister Kishida Fumio of Japan

May 23, 2022

Akasaka Palace,
Tokyo, Japan

(May 22, 2022)

2:34 P.M. JST

PRESIDENT BIDEN: Thank you.
"""


def test_place_lines_event_date_and_their_roles():
    places = [s.of(ABROAD) for s in wh.place_lines(ABROAD)]
    assert places == ["Akasaka Palace,", "Tokyo, Japan"]
    assert wh.place_line(ABROAD).of(ABROAD) == "Akasaka Palace,"
    assert wh.event_dateline(ABROAD) == "2022-05-22"
    doc = parse(Transcript(ABROAD, "wh.txt", "0"), "whitehouse")
    assert [doc.quote(u.span) for u in doc.utterances] == ["Thank you."]  # header lines are not speech
    assert doc.utterances[0].speaker.name == "Joe Biden" and doc.date == "2022-05-23"


def test_the_president_is_whoever_held_the_office_that_day():
    for day, name in (("January 19, 2017", "Barack Obama"), ("January 21, 2017", "Donald Trump"),
                      ("March 1, 2022", "Joe Biden")):
        text = f"Remarks by the President\n\n{day}\n\nTHE PRESIDENT: Hello.\n"
        assert parse(Transcript(text, "wh.txt", "0"), "whitehouse").utterances[0].speaker.name == name
    undated = "Remarks by the President\n\nTHE PRESIDENT: Hello.\n"
    speaker = parse(Transcript(undated, "wh.txt", "0"), "whitehouse").utterances[0].speaker
    assert speaker.qid is None  # no date: no office holder to name


def test_no_place_lines_without_a_dateline():
    assert wh.place_lines("Remarks\n\nEast Room\n\nTHE PRESIDENT: Hi.") == []
    assert wh.event_dateline("No brackets here") is None


# -- turns -------------------------------------------------------------------------

def test_utterances_from_classified_lines():
    text = "Narration one.\nNarration two.\nAlice: Hello.\nMore from Alice.\n* * *\nAfter the break.\nBob:\n"
    spans = list(lines(text))
    alice = Label(Span(spans[2].start, spans[2].start + 6), "Alice", spans[2].start + 6)
    bob = Label(Span(spans[6].start, spans[6].start + 4), "Bob", spans[6].start + 4)
    body = [Line(spans[0], "content"), Line(spans[1], "content"), Line(spans[2], "label", alice),
            Line(spans[3], "content"), Line(spans[4], "skip"), Line(spans[5], "content"),
            Line(spans[6], "label", bob)]
    people = {"Alice": Person("Alice"), "Bob": Person("Bob")}
    utterances = build_utterances(text, body, lambda label: people[label.description])
    assert [(u.index, u.speaker.name if u.speaker else None, u.span.of(text)) for u in utterances] == [
        (0, None, "Narration one.\nNarration two."), (1, "Alice", "Hello.\nMore from Alice."),
        (2, None, "After the break."), (3, "Bob", "")]
    assert utterances[1].label.of(text) == "Alice:"
    assert [s.of(text) for s in utterances[1].sentences] == ["Hello.", "More from Alice."]
    assert utterances[3].sentences == ()


def test_an_interpreter_marker_in_the_text_is_cut_and_remembered():
    text = "Lee: (As interpreted.) Thank you."
    label = Label(Span(0, 4), "Lee", 4)
    [u] = build_utterances(text, [Line(whole(text), "label", label)], lambda _: Person("Lee"))
    assert u.span.of(text) == "Thank you." and u.interpreted


def test_journalist_labels():
    assert all(is_press_label(d.strip()) for d in ("Question", " question ", "Q", "Remark"))
    assert not is_press_label("Questioner Smith")


def test_cast_gives_one_person_per_name_and_completes_it_from_the_context():
    cast = Cast([Mention("Ilham Aliyev", "President", "AZE")], lambda mention: None)
    first = cast.resolve("Ilham Aliyev")
    assert (first.name, first.office, first.country) == ("Ilham Aliyev", "President", "AZE")
    assert cast.resolve("Ilham Aliyev") is first
    assert cast.resolve("President of Azerbaijan Ilham Aliyev") is first
    question, q = cast.resolve("Question"), cast.resolve("Q")
    assert (question.name, q.name) == ("Question", "Q") and question.country is None
    assert [p.name for p in cast.people] == ["Ilham Aliyev", "Question", "Q"]


def test_addressees_only_in_a_two_principal_exchange():
    a, b, c = Person("A", country="RUS"), Person("B", country="AZE"), Person("C", country="TUR")
    q = Person("Question")
    span = Span(0, 0)
    two = tuple(Utterance(i, span, speaker=s) for i, s in enumerate((a, b, q, a, None)))
    assert [u.addressee for u in with_addressees(two)] == [b, a, None, b, None]
    three = two + (Utterance(5, span, speaker=c),)
    assert with_addressees(three) == three


# -- detection ---------------------------------------------------------------------

@pytest.mark.parametrize("text,source,url,expected", [
    ("Anything at all.", "en.kremlin.ru-6152.txt", None, "kremlin"),
    ("Anything at all.", "x.txt", "https://www.whitehouse.gov/briefing-room/", "whitehouse"),
    ("Talks\n\nMay 1, 2019, Sochi\n\nThe leaders talked.", "x.txt", None, "kremlin"),
    ("Talks\n\nMay 1, 2019, Tokyo\n\nThe leaders talked.\n\nMay 1, 2019, Tokyo", "x.txt", None, "kremlin"),
    ("Talks\n\nMay 1, 2019, Tokyo\n\nThe leaders talked.\n\nMay 2, 2019, Tokyo", "x.txt", None, "plain"),
    ("Readout of the call\n\nThe leaders talked.", "x.txt", None, "whitehouse"),
    ("Call summary\n\nPresident Biden spoke with Prime Minister Kishida.", "x.txt", None, "whitehouse"),
    ("PRESS CONFERENCE\nPRIME MINISTER KEY: Hello.\nJOURNALIST: Question?", "x.txt", None, "plain"),
    ("Call summary\n\nPresident Biden spoke.\nPRIME MINISTER: Hello.", "x.txt", None, "plain"),
    ("Talks\n\nRussian President Vladimir Putin met the Prime Minister.", "x.txt", None, "kremlin"),
    ("Alice: hi\nBob: hello", "x.txt", None, "plain"),
])
def test_detection(text, source, url, expected):
    assert detect(Transcript(text, source, "0", url=url)) == expected


def test_unknown_format_is_an_input_error_naming_the_choices():
    with pytest.raises(InputError, match=r"^t\.txt: unknown transcript format 'pdf'; choose one of kremlin, "
                                         r"whitehouse, plain$"):
        parse(Transcript("Text.", "t.txt", "0"), "pdf")
