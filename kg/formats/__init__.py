"""Format parsers: Transcript -> Document with header, turns and cast.

One module per source convention (kremlin.ru, the White House, plain
"Name: words" text).  :func:`detect` picks one from the text itself, so a
folder of mixed files needs no flags; ``parse(t, format=...)`` forces one.

What the text gives away, strongest first: kremlin.ru's labels ("President of
Russia Vladimir Putin:") and its page that closes on the dateline it opened
with; the White House's labels, time stamps and title words; then who is
named up front (Russia's leaders, or a US president in a page without
speaker labels: readouts and joint statements).  Another government's press
conference ("PRIME MINISTER:", "JOURNALIST:") is plain text.
"""

from __future__ import annotations

import re

from kg.errors import InputError
from kg.formats import kremlin
from kg.formats import plain
from kg.formats import whitehouse
from kg.model import Document, Transcript

FORMATS = ("kremlin", "whitehouse", "plain")

_PARSERS = {"kremlin": kremlin.parse, "whitehouse": whitehouse.parse, "plain": plain.parse}
_KREMLIN_LABEL = re.compile(r"^(?:President of Russia|Vladimir Putin|Dmitry Medvedev)(?: \([a-z ]+\))?:", re.M)
_KREMLIN_DATELINE = re.compile(
    r"^[A-Z][a-z]+ \d{1,2}, (?:19|20)\d\d, (?:The Kremlin|Novo-Ogaryovo|Moscow|Sochi|Gorki)", re.M)
_WHITEHOUSE = re.compile(
    r"^(?:Remarks by|THE WHITE HOUSE|Readout of|Statement by)"
    r"|^(?:THE PRESIDENT|THE VICE PRESIDENT|PRESIDENT (?:BIDEN|TRUMP|OBAMA)|VICE PRESIDENT [A-Z]+):"
    r"|^\d{1,2}:\d\d [AP]\.M\. E[SD]T$", re.M)  # not "PRIME MINISTER KEY:": any government's label
_US_PRESIDENT = re.compile(
    r"\bPresident\s(?:Joe\s|Joseph\sR\.\s|Donald\sJ\.\s|Donald\s|Barack\s)?(?:Biden|Trump|Obama)\b"
    r"|\bPresident\sof\sthe\sUnited\sStates\b"
    r"|\bUnited\sStates\b[^\n]{0,80}\bJoint\b[^\n]*\bStatement\b|\bU\.S\.[-\u2013\s][^\n]{0,40}\bJoint\b"
    r"|^(?:Joint\s)?[^\n]{0,80}\bStatement\b[^\n]{0,200}\bUnited\sStates\b")
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z .'’\-]{1,40}:", re.M)
_KREMLIN_SOURCE = re.compile(r"kremlin\.ru")
_WHITEHOUSE_SOURCE = re.compile(r"whitehouse\.gov")


def detect(transcript: Transcript) -> str:
    """Name of the format that fits ``transcript``: "kremlin", "whitehouse" or "plain"."""
    where = f"{transcript.url or ''} {transcript.source}"
    if _KREMLIN_SOURCE.search(where):
        return "kremlin"
    if _WHITEHOUSE_SOURCE.search(where):
        return "whitehouse"
    head = transcript.text[:20000]
    if _KREMLIN_LABEL.search(head) or _KREMLIN_DATELINE.search(head[:600]) or _closes_on_its_dateline(transcript.text):
        return "kremlin"
    if _WHITEHOUSE.search(head):
        return "whitehouse"
    if re.search(r"\b(?:Vladimir Putin|Dmitry Medvedev|President of Russia|Russian President)\b", head[:1500]):
        return "kremlin"
    body = head[head.find("\n") + 1:] if "\n" in head else ""  # an all-caps title is no label
    if _US_PRESIDENT.search(head[:1500]) and not _CAPS_LABEL.search(body):
        return "whitehouse"
    return "plain"


def _closes_on_its_dateline(text: str) -> bool:
    """kremlin.ru pages end on the dateline they open with ("June 12, 2010" twice)."""
    from kg.formats.header import header_datelines, read_dateline
    from kg.inputs.text import lines

    opening = header_datelines(text, limit=4)
    if not opening:
        return False
    last = None
    for last in lines(text):
        pass
    closing = read_dateline(text, last) if last is not None and last != opening[0].span else None
    return closing is not None and closing.date == opening[0].date


def parse(transcript: Transcript, format: str | None = None) -> Document:
    """Split ``transcript`` into title, utterances and cast, in the given or detected format."""
    chosen = format or detect(transcript)
    if chosen not in _PARSERS:
        raise InputError(transcript.source, f"unknown transcript format {chosen!r}; "
                         f"choose one of {', '.join(FORMATS)}")
    return _PARSERS[chosen](transcript)
