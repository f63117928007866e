"""From classified lines to a Document: the part every format parser shares.

A format module supplies a *classifier* that says, for each non-blank
line, whether it is header (skipped), a separator (ends a turn), an
editorial omission (neutral), a speaker label or plain content.  The lead
(narrator lines before the first label) and the title name the principals
in full, so they seed the cast before any label is resolved.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.people.cast import Mention, find_mentions
from kg.people.leaders import known_leader
from kg.formats.turns import Cast, Label, Line, build_utterances, with_addressees
from kg.model import Document, Person, Span, Transcript
from kg.inputs.text import lines

Classifier = Callable[[str, Span, int], Line]
_LEAD_LINES = 4


def context_mentions(text: str, title: Span | None, body: list[Line]) -> list[Mention]:
    """Principals named in the title and the lead paragraphs, in order of appearance."""
    spans = [title] if title else []
    for line in body:
        if line.kind == "label":
            break
        if line.kind == "content" and len(spans) <= _LEAD_LINES:
            spans.append(line.span)
    return [mention for span in spans for mention in find_mentions(text, span.start, span.end)]


def assemble(transcript: Transcript, format: str, publisher: str | None,
             title: Span | None, classify: Classifier, date: str | None,
             resolve_special: Callable[[Label, str | None], Person | None] | None = None) -> Document:
    """Parse ``transcript`` with a format's line classifier into a Document with turns and cast."""
    text = transcript.text
    body = [classify(text, span, index) for index, span in enumerate(lines(text))]
    body = [line for line in body if not (title and line.span == title)]
    date = date or transcript.date
    cast = Cast(context_mentions(text, title, body), lambda mention: known_leader(mention, date))

    def speaker_of(label: Label) -> Person:
        special = resolve_special(label, date) if resolve_special else None
        return special or cast.resolve(label.description)

    utterances = with_addressees(build_utterances(text, body, speaker_of))
    speakers: list[Person] = []
    for utterance in utterances:
        if utterance.speaker and utterance.speaker not in speakers:
            speakers.append(utterance.speaker)
    return Document(transcript=transcript, format=format, title=title, date=date,
                    publisher_country=publisher, utterances=utterances, cast=tuple(speakers))
