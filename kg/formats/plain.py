"""Plain transcripts: "Name: words" turns, or prose with no turns at all.

Nothing is assumed about the publisher: another government's press conference
("PM RUDD:", "PRIME MINISTER KEY:", "JOURNALIST:") is plain text whose ALL-CAPS
labels are read as offices and names.  A first line counts as a title
only when it is short and set apart by a blank line, so a transcript that
opens straight into a turn or a paragraph keeps all its words.
"""

from __future__ import annotations

import re

from kg.formats.assemble import assemble
from kg.formats.header import OMISSION, SEPARATOR, TIME_STAMP, header_date, read_dateline
from kg.formats.labels import label_at, readable_caps
from kg.formats.turns import Label, Line
from kg.model import Document, Span, Transcript
from kg.inputs.text import lines


def classify(text: str, span: Span, index: int) -> Line:
    quote = span.of(text)
    if SEPARATOR.match(quote) or TIME_STAMP.match(quote) or read_dateline(text, span):
        return Line(span, "skip")
    if OMISSION.match(quote):
        return Line(span, "neutral")
    label = label_at(text, span)
    if label and label.description.isupper():  # "PRIME MINISTER KEY:", "PM RUDD:", "JOURNALIST:"
        label = Label(label.span, readable_caps(label.description), label.body_start, label.interpreted)
    return Line(span, "label", label) if label else Line(span, "content")


def plain_title(text: str) -> Span | None:
    first = next(lines(text), None)
    if first is None or label_at(text, first):
        return None
    quote = first.of(text)
    set_apart = re.match(r"[ \t\u00a0]*\r?\n[ \t\u00a0]*\r?\n", text[first.end:]) is not None
    if set_apart and len(quote) <= 200 and not quote.endswith((".", ",", ";")):
        return first
    return None


def parse(transcript: Transcript) -> Document:
    text = transcript.text
    return assemble(transcript, "plain", None, plain_title(text), classify, header_date(text))
