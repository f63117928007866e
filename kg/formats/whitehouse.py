"""White House remarks: title, date, place, time stamps, ALL-CAPS labels, "Q" turns, END.

The publisher is the United States.  Labels give office and surname only
("PRIME MINISTER LEE:"); the title ("Remarks by President Biden and Prime
Minister Lee Hsien Loong of Singapore ...") and the gazetteer give the full
name.  "Q" is a journalist; "THE PRESIDENT" is whoever held the office on
the date of the remarks.
"""

from __future__ import annotations

import re

from kg.formats.assemble import assemble
from kg.formats.header import (OMISSION, SEPARATOR, TIME_STAMP, header_date, iso_date, read_dateline,
                               title_line)
from kg.formats.labels import readable_caps
from kg.people.leaders import office_holder
from kg.formats.turns import Label, Line
from kg.model import Document, Person, Span, Transcript
from kg.inputs.text import MONTHS, lines

PUBLISHER = "USA"
_CAPS_LABEL = re.compile(r"(?P<desc>[A-Z][A-Z.'’\-]*(?:[ \u00a0][A-Z][A-Z.'’\-]*){0,6})[ \u00a0]*:(?=[ \u00a0\t]|$)")
_Q_LABEL = re.compile(r"Q(?:[ \u00a0\t]+|:[ \u00a0\t]*|$)")
_END = re.compile(r"^(?:END|\[END\]|# # #)$")
_HEADER_WORDS = re.compile(r"^(?:THE WHITE HOUSE|Office of the (?:Press Secretary|Vice President)|For Immediate Release)$", re.I)
EVENT_DATE = re.compile(r"^\((?P<month>" + "|".join(MONTHS) + r")[ \u00a0]+(?P<day>\d{1,2}),?[ \u00a0]+"
                        r"(?P<year>(?:19|20)\d\d)\)$")
_NOT_LABELS = frozenset({"NOTE", "WASHINGTON", "END"})
# A place line may end on an abbreviation's full stop ("Washington, D.C."): that is no sentence.
_ABBREVIATED = re.compile(r"(?:^|[\s,])(?:[A-Z]\.){2,}$")
# A title that ends on the day of the event ("... Summit Meeting | Claymont, DE (September 21, 2024)").
_TITLE_EVENT_DATE = re.compile(r"\((?P<month>" + "|".join(MONTHS) + r")[ \u00a0]+(?P<day>\d{1,2}),?[ \u00a0]+"
                               r"(?P<year>(?:19|20)\d\d)\)$")


def label_at(text: str, line: Span) -> Label | None:
    match = _CAPS_LABEL.match(text, line.start, line.end)
    if match and len(match["desc"]) >= 2 and match["desc"] not in _NOT_LABELS:
        return Label(Span(line.start, match.end()), match["desc"], match.end())
    match = _Q_LABEL.match(text, line.start, line.end)
    if match:
        return Label(Span(line.start, line.start + 1), "Q", match.end())
    return None


def classify(text: str, span: Span, index: int) -> Line:
    quote = span.of(text)
    if (SEPARATOR.match(quote) or TIME_STAMP.match(quote) or _END.match(quote)
            or _HEADER_WORDS.match(quote) or read_dateline(text, span) or EVENT_DATE.match(quote)):
        return Line(span, "skip")
    if OMISSION.match(quote):
        return Line(span, "neutral")
    label = label_at(text, span)
    return Line(span, "label", label) if label else Line(span, "content")


def place_lines(text: str) -> list[Span]:
    """The lines naming the room and place, between the date and the first time stamp.

    Abroad the place takes two lines ("Kantei," then "Tokyo, Japan"); at home one ("East Room").
    """
    found: list[Span] = []
    seen_date = False
    for index, span in enumerate(lines(text)):
        if index > 7:
            break
        quote = span.of(text)
        if read_dateline(text, span):
            seen_date = True
            continue
        if not seen_date or _HEADER_WORDS.match(quote):
            continue
        if TIME_STAMP.match(quote) or label_at(text, span) or len(found) == 3:
            break
        if EVENT_DATE.match(quote):  # "(October 25, 2023)": when the remarks were given, not where
            continue
        if len(quote) <= 80 and (not quote.endswith((".", "?", "!")) or _ABBREVIATED.search(quote)):
            found.append(span)
            continue
        break
    return found


def event_dateline(text: str) -> str | None:
    """The date in brackets under the place ("(October 25, 2023)") or ending the title ("... | Claymont,
    DE (September 21, 2024)"): remarks published days later."""
    for index, span in enumerate(lines(text)):
        if index > 8:
            return None
        match = EVENT_DATE.match(span.of(text)) or index == 0 and _TITLE_EVENT_DATE.search(span.of(text).rstrip())
        if match:
            return iso_date(match["month"], match["day"], match["year"])
    return None


def place_line(text: str) -> Span | None:
    """The first place line (the room, or the place when there is no room)."""
    found = place_lines(text)
    return found[0] if found else None


def _special(label: Label, date: str | None) -> Person | None:
    """ "THE PRESIDENT" and "THE VICE PRESIDENT": the office holder on that date."""
    office = {"THE PRESIDENT": "President", "THE VICE PRESIDENT": "Vice President"}.get(label.description)
    return office_holder(PUBLISHER, office, date) if office else None


def parse(transcript: Transcript) -> Document:
    text = transcript.text
    date = header_date(text)

    places = place_lines(text)

    def readable_classify(text: str, span: Span, index: int) -> Line:
        if span in places:
            return Line(span, "skip")
        line = classify(text, span, index)
        if line.label and line.label.description != "Q":
            label = line.label
            line = Line(span, "label", Label(label.span, readable_caps(label.description),
                                             label.body_start, label.interpreted))
        return line

    def special(label: Label, date: str | None) -> Person | None:
        return _special(Label(label.span, label.description.upper(), label.body_start), date)

    return assemble(transcript, "whitehouse", PUBLISHER, title_line(text), readable_classify,
                    date, special)
