"""Header lines every format shares: datelines, time stamps and the title.

A dateline is "July 20, 2021" optionally followed by a place ("July 20,
2021, The Kremlin, Moscow").  The meeting extractor reads the same lines
again through :func:`read_dateline`, so the parsers and the extractor
agree on what the header says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Span
from kg.inputs.text import MONTHS, lines, valid_date

_DATE = re.compile(
    r"(?P<month>" + "|".join(MONTHS) + r")[ \u00a0]+(?P<day>\d{1,2})(?:[\u2013\-]\d{1,2})?,?[ \u00a0]+(?P<year>(?:19|20)\d\d)"
)
_DATELINE = re.compile(_DATE.pattern + r"(?:,[ \u00a0]*(?P<place>[^\n]{1,80}))?$")
# Other governments write the day first: "Wednesday, 27 February 2008" or "27 February 2008, Canberra".
_DAY_FIRST = re.compile(
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \u00a0]+)?(?P<day>\d{1,2})[ \u00a0]+"
    r"(?P<month>" + "|".join(MONTHS) + r")[ \u00a0]+(?P<year>(?:19|20)\d\d)(?:,[ \u00a0]*(?P<place>[^\n]{1,80}))?$")
TIME_STAMP = re.compile(r"^\d{1,2}:\d\d\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,4})?$")
SEPARATOR = re.compile(r"^(?:\*\s*){3,}$|^[-_=]{3,}$")
OMISSION = re.compile(r"^[<\[(]?(?:\u2026|\.\.\.)[>\])]?$")


@dataclass(frozen=True)
class Dateline:
    date: str  # ISO
    span: Span  # the whole line
    date_span: Span
    place: str | None = None
    place_span: Span | None = None


def iso_date(month: str, day: str, year: str) -> str:
    return f"{int(year):04d}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"


def read_dateline(text: str, line: Span) -> Dateline | None:
    """The date (and place) of a line that is a dateline and nothing else."""
    match = _DATELINE.match(text, line.start, line.end) or _DAY_FIRST.match(text, line.start, line.end)
    if not match or match.end() != line.end:
        return None
    date = iso_date(match["month"], match["day"], match["year"])
    if not valid_date(date):  # "February 31": no such day, so not a dateline
        return None
    place_span = Span(match.start("place"), match.end("place")) if match["place"] else None
    return Dateline(date, line, Span(line.start, match.end("year")),
                    match["place"].strip() if match["place"] else None, place_span)


def title_line(text: str) -> Span | None:
    """The first non-blank line, when it reads as a title: short, and not a sentence of speech."""
    found = lines(text)
    first = next(found, None)
    if first is None:
        return None
    quote = first.of(text)
    second = next(found, None)
    if len(quote) <= 400 and second is not None and read_dateline(text, second):
        return first  # a line over the dateline is the title, colon or not ("Joint Statement: A Partnership")
    if len(quote) > 400 or re.match(r"^[^:]{1,80}:\s", quote) or quote.endswith((".", "?", "!")) and len(quote) > 200:
        return None
    return first


def header_datelines(text: str, limit: int = 6) -> list[Dateline]:
    """Datelines among the first ``limit`` non-blank lines.

    Kept for the last few pages: the parser reads them for the publication date and the meeting
    stage again for the date and place (a page's text hashes once; a Dateline is frozen)."""
    return list(_header_datelines(text, limit))


@lru_cache(maxsize=8)
def _header_datelines(text: str, limit: int) -> tuple[Dateline, ...]:
    found = []
    for index, line in enumerate(lines(text)):
        if index >= limit:
            break
        dateline = read_dateline(text, line)
        if dateline:
            found.append(dateline)
    return tuple(found)


def header_date(text: str) -> str | None:
    """The date the page's header gives (its first dateline's): the publication date."""
    datelines = header_datelines(text)
    return datelines[0].date if datelines else None
