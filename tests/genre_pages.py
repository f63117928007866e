"""Small made-up pages of the genre, parsed and read for their meeting and participants.

The meeting tests write a page as its title, dateline and body in the layout of
one publisher; the parts the format reads around them (the dateline repeated at
a kremlin.ru page's end, a White House page's closing ``###``) are added here.
"""

from __future__ import annotations

from kg.extract.meeting import extract_meeting
from kg.extract.people import extract_participants
from kg.formats import parse
from kg.model import Document, Transcript


def read_page(text: str, fmt: str) -> Document:
    """``text`` parsed as format ``fmt``, with its meeting and participants read."""
    return extract_participants(extract_meeting(parse(Transcript(text, f"{fmt}-1.txt", "0"), fmt)))


def kremlin(title: str, dateline: str, body: str) -> Document:
    """A kremlin.ru news page: title, dateline, body, the dateline again."""
    return read_page(f"{title}\n\n{dateline}\n\n{body}\n\n{dateline}\n", "kremlin")


def whitehouse(title: str, header: str, body: str) -> Document:
    """A whitehouse.gov page: title, the date line, body, ``###``."""
    return read_page(f"{title}\n\n{header}\n\n{body}\n\n###\n", "whitehouse")
