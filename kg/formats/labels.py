"""Speaker labels in "Name: words" transcripts (kremlin.ru and plain text).

A label is a run of capitalised words, with the connectors offices need
("President of the Republic of the Congo Denis Sassou-Nguesso"), an
optional "(retranslated)"-style marker, and a colon.  Lowercase words rule
out prose that happens to end in a colon ("The message reads, in part:").
"""

from __future__ import annotations

import re

from kg.formats.turns import Label
from kg.model import Span

_LABEL = re.compile(
    r"(?P<desc>[^:\n()]{1,150}?)[ \u00a0]*(?:\((?P<marker>[A-Za-z .\-]{2,40})\)[ \u00a0]*)?:(?=[ \u00a0\t]|$)"
)
_CONNECTORS = frozenset(
    "of the and for on in at de da del della der di du dos bin ibn bint al el van von la le y to "
    "s".split()
)
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "Gen"})
INTERPRETER_MARKERS = ("retranslat", "interpret", "translat")
_MAX_WORDS = 16


def _looks_like_speaker(description: str) -> bool:
    words = description.split()  # str.split() splits at NBSP too
    if not words or len(words) > _MAX_WORDS or not words[0][:1].isupper():
        return False
    if words[-1] in _CONNECTORS or re.search(r"[!?;\"“”]", description):
        return False
    for dotted in re.finditer(r"(\w+)\.", description):  # only "Mr.", "Dr.", initials
        if len(dotted.group(1)) > 1 and dotted.group(1) not in _TITLES:
            return False
    for word in words:
        bare = word.strip(",’'")
        if not bare:
            return False
        if not (bare[:1].isupper() or bare[:1].isdigit() or bare in _CONNECTORS or "-" in bare[:3]):
            return False
    return True


def label_at(text: str, line: Span) -> Label | None:
    """The speaker label opening ``line``, if it has one.

    Neither the description nor the marker holds a colon, so the label's colon is the line's first:
    a line without one (most of a page's prose) is passed over by a search in C, before the lazy
    description is tried at each of its first 150 characters.
    """
    if text.find(":", line.start, line.end) < 0:
        return None
    match = _LABEL.match(text, line.start, line.end)
    if not match or not _looks_like_speaker(match["desc"]):
        return None
    marker = (match["marker"] or "").lower()
    body_start = match.end()
    return Label(Span(line.start, match.end()), match["desc"].strip(), body_start,
                 interpreted=any(m in marker for m in INTERPRETER_MARKERS))


# Abbreviated offices in ALL-CAPS labels of government transcripts ("PM RUDD:", "FM LAVROV:").
_CAPS_ABBREVIATIONS = {"PM": "Prime Minister", "FM": "Foreign Minister", "VP": "Vice President"}


def readable_caps(description: str) -> str:
    """ "PRIME MINISTER LEE" -> "Prime Minister Lee", "PM RUDD" -> "Prime Minister Rudd": an office the cast reads."""
    if description != description.upper():
        return description
    words = description.split()
    if words and words[0] in _CAPS_ABBREVIATIONS:
        words[0] = _CAPS_ABBREVIATIONS[words[0]].upper()
    return " ".join(w if w == "Q" else w.capitalize() for w in " ".join(words).split())
