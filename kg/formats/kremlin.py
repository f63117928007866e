"""kremlin.ru pages: title, dateline, lead, "* * *", labelled turns, closing dateline.

The publisher is Russia.  Datelines ("July 20, 2021, The Kremlin, Moscow")
head the page and close it again; neither belongs to a turn.  Labels come
in full ("President of Russia Vladimir Putin:") the first time and short
("Vladimir Putin:") after; journalists speak as "Question:" and "Remark:".
"""

from __future__ import annotations

from kg.formats.assemble import assemble
from kg.formats.header import OMISSION, SEPARATOR, header_date, read_dateline, title_line
from kg.formats.labels import label_at
from kg.formats.turns import Line
from kg.model import Document, Span, Transcript

PUBLISHER = "RUS"


def classify(text: str, span: Span, index: int) -> Line:
    quote = span.of(text)
    if SEPARATOR.match(quote) or read_dateline(text, span):
        return Line(span, "skip")
    if OMISSION.match(quote):
        return Line(span, "neutral")
    label = label_at(text, span)
    if label:
        return Line(span, "label", label)
    return Line(span, "content")


def parse(transcript: Transcript) -> Document:
    text = transcript.text
    return assemble(transcript, "kremlin", PUBLISHER, title_line(text), classify, header_date(text))
