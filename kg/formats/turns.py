"""Turning labelled lines into utterances, and labels into one cast of Persons.

The format modules only say which lines are header, separators or labels;
this module does the rest the same way for all of them: a turn runs from
its label to the next label or separator, consecutive narrator paragraphs
are one utterance, and every label that names the same person yields the
very same :class:`~kg.model.Person` value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.people.cast import Mention, read_description
from kg.people.leaders import fuller_name
from kg.model import Person, Span, Utterance, evolve, is_press_label
from kg.inputs.text import split_sentences, trim

_MARKER_IN_TEXT = re.compile(
    r"\((?:as interpreted|via interpreter|through an interpreter|retranslated|interpreted)\.?\)\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Label:
    """A speaker label on a line: its span, the description, and where the words begin."""

    span: Span
    description: str
    body_start: int
    interpreted: bool = False


@dataclass(frozen=True)
class Line:
    span: Span
    kind: str  # "content", "label", "skip" (ends a turn), "neutral" (kept inside, never extends)
    label: Label | None = None


def build_utterances(text: str, body: Iterable[Line],
                     speaker_of: Callable[[Label], Person | None]) -> tuple[Utterance, ...]:
    """Group body lines into turns; narrator stretches get ``speaker=None``."""
    turns: list[list] = []  # [start, end, label, interpreted]
    current: list | None = None
    for line in body:
        if line.kind == "skip":
            current = None
        elif line.kind == "label" and line.label:
            start, end = trim(text, line.label.body_start, line.span.end)
            marker = _MARKER_IN_TEXT.match(text, start, end)
            interpreted = line.label.interpreted or bool(marker)
            if marker:
                start = marker.end()
            current = [start, end if start < end else None, line.label, interpreted]
            turns.append(current)
        elif line.kind == "content":
            if current is None:
                current = [line.span.start, line.span.end, None, False]
                turns.append(current)
            else:
                if current[1] is None:
                    current[0] = line.span.start
                    marker = _MARKER_IN_TEXT.match(text, line.span.start, line.span.end)
                    if marker:
                        current[0], current[3] = marker.end(), True
                current[1] = line.span.end
    utterances = []
    for start, end, label, interpreted in turns:
        if end is None and label is None:
            continue
        span = Span(start, end) if end is not None and end >= start else Span(label.span.end, label.span.end)
        speaker = speaker_of(label) if label else None
        utterances.append(Utterance(
            index=len(utterances), span=span, speaker=speaker,
            label=label.span if label else None,
            sentences=split_sentences(text, span.start, span.end), interpreted=interpreted))
    return tuple(utterances)


def _same_person(label: Mention, known: Mention) -> bool:
    if not label.name or not known.name:
        return False
    if label.name.lower() == known.name.lower():
        return True
    label_words, known_words = label.name.lower().split(), known.name.lower().split()
    if len(label_words) == 1:  # "PRIME MINISTER LEE" is Lee Hsien Loong; "Morrison" is Scott Morrison
        return label_words[0] in known_words and (not label.office or not known.office
                                                  or label.office == known.office)
    return label_words[-1] == known_words[-1] and label_words[0] == known_words[0]


class Cast:
    """Resolves speaker descriptions to Persons, one Person value per person.

    ``context`` are mentions from the title and lead ("President of Azerbaijan
    Ilham Aliyev"); ``known_leader`` looks a bare name up by the document's
    date (the publisher's own leaders, then the gazetteer).
    """

    def __init__(self, context: list[Mention],
                 known_leader: Callable[[Mention], Person | None]) -> None:
        self._context = list(context)
        self._known_leader = known_leader
        self._by_name: dict[str, Person] = {}
        self._by_description: dict[str, Person] = {}

    @property
    def people(self) -> tuple[Person, ...]:
        return tuple(self._by_name.values())

    def resolve(self, description: str) -> Person:
        if description in self._by_description:
            return self._by_description[description]
        if is_press_label(description.strip()):
            person = self._intern(Person(description.strip().title() if len(description) > 1 else "Q"))
        else:
            mention = read_description(description)
            for known in self._context:
                if _same_person(mention, known):
                    mention = Mention(
                        known.name if len(known.name or "") > len(mention.name or "") else mention.name,
                        mention.office or known.office, mention.country or known.country,
                        organisation=mention.organisation or known.organisation)
                    break
            found = self._known_leader(mention) if mention.name else None
            if found:
                name = fuller_name(mention.name, found.name) if found.name else mention.name
                person = Person(name or "", mention.office or found.office,  # a head of an organisation
                                mention.country or (None if mention.organisation else found.country),  # speaks
                                mention.organisation or found.organisation, found.qid)  # for no country
            else:
                person = Person(mention.name or description.strip(), mention.office, mention.country,
                                mention.organisation)
            person = self._intern(person)
            if person.office or person.country:
                self._context.append(Mention(person.name, person.office, person.country,
                                             organisation=person.organisation))
        self._by_description[description] = person
        return person

    def _intern(self, person: Person) -> Person:
        """The first Person value seen under this name, filled in by later, fuller ones."""
        earlier = self._by_name.get(person.name.lower())
        if earlier is None:
            self._by_name[person.name.lower()] = person
            return person
        return earlier


def with_addressees(utterances: tuple[Utterance, ...]) -> tuple[Utterance, ...]:
    """In a two-principal exchange, each principal's turns are addressed to the other."""
    principals: list[Person] = []
    for utterance in utterances:
        speaker = utterance.speaker
        if speaker and (speaker.country or speaker.organisation) and speaker not in principals:
            principals.append(speaker)
    if len(principals) != 2:
        return utterances
    first, second = principals
    return tuple(
        evolve(u, addressee=second if u.speaker == first else first if u.speaker == second else None)
        for u in utterances
    )
