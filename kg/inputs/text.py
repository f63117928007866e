"""Offsets-first text helpers: paragraphs, trimming and sentence splitting.

Everything here returns :class:`~kg.model.Span` values into the caller's
text instead of new strings, so every quote the pipeline makes later is an
exact substring of the transcript (typography, U+00A0 and all).

Sentence splitting is rules, tuned to the speech of diplomatic transcripts:
titles ("Mr.", "Dr."), initialisms ("U.S.", "D.C."), initials ("George W.
Bush"), "No. 5", decimals, ellipses, closing quotes and kremlin.ru's
bracketed editorial insertions ("100,000 [vaccine doses].") must not end or
break a sentence in the wrong place.  A line break always ends a sentence:
transcripts put one paragraph on a line.

:func:`normalise` does return a string, for matching, never for quoting: it
keeps the length, so an offset found in its copy is an offset into the
transcript.  Dates are here too: month names, the ISO date shape and
:func:`valid_date`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Span

_SPACE = " \t\r\n\u00a0\u2009\u202f\ufeff"

MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December")
#: the shape of an ISO date, ``YYYY-MM-DD`` (``match`` also takes a longer timestamp's date)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Words that end with a period but rarely end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof gen col lt sgt capt gov sen rep jr sr messrs mme mlle "
    "inc co ltd corp vs etc al approx dept est fig no nos vol art para pp "
    "jan feb mar apr aug sep sept oct nov dec".split()
)
# After an initialism ("U.S.") a sentence ends only if one of these starts the next.
_SENTENCE_STARTERS = frozenset(
    "the we i it and but so this that these those they he she you our my in as "
    "there here what when if now today thank let".split()
)
_TERMINATOR = re.compile(r"[.!?]+|\u2026|\.\s?\.\s?\.")
_CLOSERS = "\"'\u201d\u2019)]\u00bb"
_OPENERS = "\"'\u201c\u2018([\u00ab<"
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_LETTERS = re.compile(r"[A-Za-z]+")
#: the characters a sentence split looks at: brackets (no split inside) and terminators
_MARK = re.compile(r"[\[\].!?\u2026]")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding whitespace (NBSP included)."""
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Trimmed spans of the non-blank lines of ``text[start:end]``."""
    end = len(text) if end is None else end
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline < 0 else newline
        a, b = trim(text, position, line_end)
        if a < b:
            yield Span(a, b)
        position = line_end + 1


def _ends_sentence(text: str, dot: int, term_end: int, after: int, limit: int) -> bool:
    """Whether the terminator at ``text[dot:term_end]`` ends a sentence.

    ``after`` is the first character of the next word (past closers and space).
    """
    nxt = text[after] if after < limit else ""
    if not nxt:
        return True
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    if text[dot:term_end] != ".":
        return True  # "!", "?", "...", "…" followed by a capital
    # a window: searching from 0 is quadratic; and the word holds no space, so it starts past the last one
    window = max(0, dot - 60)
    match = _WORD_BEFORE.search(text, max(window, text.rfind(" ", window, dot) + 1), dot)
    if not match:
        return True
    word = match.group(1)
    if word.lower().rstrip(".") in _ABBREVIATIONS:
        return word.lower() == "no" and not nxt.isdigit()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "George W. Bush"
    if "." in word:  # an initialism: "U.S.", "D.C."
        next_word = _LETTERS.match(text, after, limit)
        return bool(next_word) and next_word.group(0).lower() in _SENTENCE_STARTERS
    return True


def _split_line(text: str, start: int, end: int) -> Iterator[Span]:
    sentence_start = start
    depth = 0
    position = start
    while position < end:
        found = _MARK.search(text, position, end)  # other characters change nothing: jump past them
        if found is None:
            break
        position = found.start()
        char = text[position]
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        if depth or char not in ".!?\u2026":
            position += 1
            continue
        match = _TERMINATOR.match(text, position, end)
        term_end = match.end() if match else position + 1
        close = term_end
        while close < end and text[close] in _CLOSERS:
            close += 1
        after = close
        while after < end and text[after] in _SPACE:
            after += 1
        if after == close and after < end:  # "1.5", "U.S.": no space after the terminator
            position = term_end
            continue
        if _ends_sentence(text, position, term_end, after, end):
            a, b = trim(text, sentence_start, close)
            if a < b:
                yield Span(a, b)
            sentence_start = after
        position = max(after, term_end)
    a, b = trim(text, sentence_start, end)
    if a < b:
        yield Span(a, b)


def split_sentences(text: str, start: int, end: int) -> tuple[Span, ...]:
    """Sentences of ``text[start:end]`` as trimmed spans into ``text``, in order."""
    return tuple(
        sentence
        for line in lines(text, start, end)
        for sentence in _split_line(text, line.start, line.end)
    )


def normalise(text: str, *, quotes: bool = True) -> str:
    """Same-length copy of ``text`` for matching: NBSP as a plain space and, unless ``quotes`` is
    False, curly single quotes as ``'``.

    The one place that says which typography patterns need not care about.  Transcripts keep
    their typography (quotes in the graph are exact substrings), so callers match on this copy
    and quote from the original: the length is kept, so offsets carry over.  ``quotes=False``
    is for strings that leave as values (a city, a venue, a name) with their apostrophes.
    """
    text = text.replace("\u00a0", " ")
    return text.replace("\u2019", "'").replace("\u2018", "'") if quotes else text


def valid_date(iso: str) -> bool:
    """True for a calendar date ``YYYY-MM-DD`` that exists: sources do write February 31."""
    import datetime

    try:
        datetime.date.fromisoformat(iso)
    except ValueError:
        return False
    return True
