"""Format parsers: Transcript -> Document with header, turns and cast.

One module per source convention (kremlin.ru, the White House, plain
"Name: words" text).  :func:`detect` picks one from the text itself, so a
folder of mixed files needs no flags; ``parse(t, format=...)`` forces one.
"""

from __future__ import annotations

import re

from kg.errors import InputError
from kg.formats import kremlin, plain, whitehouse
from kg.model import Document, Transcript

FORMATS = ("kremlin", "whitehouse", "plain")

_PARSERS = {"kremlin": kremlin.parse, "whitehouse": whitehouse.parse, "plain": plain.parse}
_KREMLIN_LABEL = re.compile(r"^(?:President of Russia|Vladimir Putin|Dmitry Medvedev)(?: \([a-z ]+\))?:", re.M)
_KREMLIN_DATELINE = re.compile(
    r"^[A-Z][a-z]+ \d{1,2}, (?:19|20)\d\d, (?:The Kremlin|Novo-Ogaryovo|Moscow|Sochi|Gorki)", re.M)
_WHITEHOUSE = re.compile(
    r"^(?:Remarks by|THE WHITE HOUSE|Readout of|Statement by)|^(?:THE PRESIDENT|PRESIDENT [A-Z]+|PRIME MINISTER [A-Z]+):"
    r"|^\d{1,2}:\d\d [AP]\.M\. E[SD]T$", re.M)
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
    if _KREMLIN_LABEL.search(head) or _KREMLIN_DATELINE.search(head[:600]):
        return "kremlin"
    if _WHITEHOUSE.search(head):
        return "whitehouse"
    if re.search(r"\b(?:Vladimir Putin|Dmitry Medvedev|President of Russia|Russian President)\b", head[:1500]):
        return "kremlin"
    return "plain"


def parse(transcript: Transcript, format: str | None = None) -> Document:
    """Split ``transcript`` into title, utterances and cast, in the given or detected format."""
    chosen = format or detect(transcript)
    if chosen not in _PARSERS:
        raise InputError(transcript.source, f"unknown transcript format {chosen!r}; "
                         f"choose one of {', '.join(FORMATS)}")
    return _PARSERS[chosen](transcript)
