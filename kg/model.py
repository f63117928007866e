"""Plain data passed between the pipeline's stages.

Every stage takes and returns these frozen dataclasses and nothing else, so a
stage can be tested on a hand-built value and replaced without touching its
neighbours.  Every fact carries a :class:`Span` into ``Transcript.text``: the
quote of a fact is always ``transcript.text[span.start:span.end]``, which is
what makes evidence in the graph exact.

Country codes are ISO 3166-1 alpha-3 strings (``"RUS"``); dates are ISO
``YYYY-MM-DD`` strings.  Nothing here knows about RDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

MeetingFormat = Literal["in_person", "phone", "video"]
CommitmentType = Literal[
    "Supply", "JointProduction", "Investment", "Visit", "Agreement", "Cooperation"
]
Status = Literal["completed", "ongoing", "planned", "proposed"]

COMMITMENT_TYPES: tuple[str, ...] = (
    "Supply", "JointProduction", "Investment", "Visit", "Agreement", "Cooperation",
)
MUTUAL_TYPES: frozenset[str] = frozenset({"JointProduction", "Cooperation", "Agreement"})
STATUSES: tuple[str, ...] = ("completed", "ongoing", "planned", "proposed")
FORMATS: tuple[str, ...] = ("in_person", "phone", "video")
#: speaker labels that stand for the press, not for a person of the cast
JOURNALIST_LABELS: frozenset[str] = frozenset({
    "question", "q", "remark", "reply", "response", "audience member", "participant",
    "journalist", "voice", "from the audience", "questions", "comment",
})


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into a transcript's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        """The quote this span selects from ``text``."""
        return text[self.start:self.end]

    def __contains__(self, other: object) -> bool:
        return isinstance(other, Span) and self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Transcript:
    """One source document as read: its text and where it came from.

    ``source`` is the path or URL it was read from; ``sha256`` is of the
    *text* (UTF-8), so the same text read from a .txt or an .html page is the
    same transcript.  ``title``, ``date`` and ``url`` are metadata that came
    with the file (HTML meta tags, JSONL fields), not read from the text.
    """

    text: str
    source: str
    sha256: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None
    media_type: str = "text/plain"
    language: str = "en"


def is_press_label(label: str) -> bool:
    """Whether a speaker label, or a name made from one, is the press's ("Q", "Question", "Remark").

    Case aside; callers trim what their text may carry (spaces, a final "." or ":").
    """
    return label.lower() in JOURNALIST_LABELS


@dataclass(frozen=True)
class Person:
    """A leader or official as the transcript presents them.

    ``office`` is the title as the text gives it ("President", "Prime
    Minister"); ``country`` the alpha-3 code of the country they speak for, or
    None for someone who speaks for an ``organisation``.  ``qid`` is a
    Wikidata id where the gazetteer knows the person, and ``label`` their name
    as the reference list gives it: ``name`` stays as this transcript writes
    it ("Emomali Rakhmonov"), ``label`` is the one spelling every transcript
    shares ("Emomali Rahmon"), so the graph has one IRI per person.
    """

    name: str
    office: str | None = None
    country: str | None = None
    organisation: str | None = None
    qid: str | None = None
    label: str | None = None

    @property
    def identity(self) -> str:
        """The name a person is known by in the graph: the reference label when linked."""
        return self.label or self.name

    @property
    def key(self) -> str:
        """What a person's IRI is minted from: the reference label when linked (readable,
        "ilham-aliyev"), else the written name folded by :func:`kg.people.namekey.person_key`, so
        that "Sergei Ignatiev" and "Sergey Ignatyev" are one IRI ("sergei-ignatiev")."""
        if self.label:
            return self.label
        from kg.people.namekey import person_key

        return person_key(self.name) or self.name

    @property
    def is_journalist(self) -> bool:
        """A voice from the press ("Q", "Question", "Remark"): speaks for no country or body.

        Parsers give such turns a Person with a label-like name and no office,
        country or organisation; they commit nobody and are not principals.
        """
        return (is_press_label(self.name.strip().rstrip(".:"))
                or not (self.country or self.organisation or self.office))


@dataclass(frozen=True)
class Utterance:
    """One speaker turn, or a stretch of narrator text (``speaker is None``).

    ``span`` covers the words spoken, without the speaker label;
    ``label`` is the span of the label ("President of Russia Vladimir
    Putin:") when there is one.  ``addressee`` is the person the turn is
    spoken to, where the cast makes that clear (in a two-party meeting, the
    other principal).  ``sentences`` split ``span`` into sentences.
    """

    index: int
    span: Span
    speaker: Person | None = None
    label: Span | None = None
    addressee: Person | None = None
    sentences: tuple[Span, ...] = ()
    interpreted: bool = False  # "(retranslated)", "(via interpreter)", "(As interpreted.)"

    @property
    def is_journalist(self) -> bool:
        """A question from the press: its numbers and wishes commit nobody (narration is no question)."""
        return self.speaker is not None and self.speaker.is_journalist


@dataclass(frozen=True)
class Meeting:
    """The event a transcript reports, as far as the text states it."""

    title: str | None = None
    date: str | None = None
    city: str | None = None
    venue: str | None = None
    format: MeetingFormat | None = None
    visit_kind: str | None = None  # "state", "official", "working"
    date_span: Span | None = None
    place_span: Span | None = None


@dataclass(frozen=True)
class CountryMention:
    """A country named or referred to at ``span`` (name, demonym, adjective)."""

    code: str
    span: Span


@dataclass(frozen=True)
class Quantity:
    """A stated number: ``qualifier`` keeps "over", "about", "up to" out of ``value``."""

    value: float
    unit: str | None = None
    qualifier: str | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Commitment:
    """A concrete act of one country towards another, as one speaker states it."""

    type: CommitmentType
    by: str | None
    to: str | None
    status: Status
    span: Span  # the sentence that states it
    utterance: int  # Utterance.index
    speaker: Person | None = None
    item: str | None = None
    quantity: Quantity | None = None
    title: str | None = None  # an Agreement's document title as the text gives it


@dataclass(frozen=True)
class Figure:
    """A number a leader states about the relations (trade, students, doses)."""

    quantity: Quantity
    about: str | None
    span: Span  # the sentence that states it
    utterance: int
    speaker: Person | None = None


@dataclass(frozen=True)
class Document:
    """A parsed transcript and everything extracted from it so far.

    Stages return a new Document with more fields filled in
    (``dataclasses.replace``).  ``is_meeting`` is False for pages that report
    no meeting (greetings, decrees, speeches): they are still transcripts,
    but no Meeting is invented for them.
    """

    transcript: Transcript
    format: str  # "kremlin", "whitehouse", "plain"
    title: Span | None = None
    publisher_country: str | None = None  # RUS for kremlin.ru, USA for the White House
    date: str | None = None  # publication date: the page's dateline, else the file's metadata
    utterances: tuple[Utterance, ...] = ()
    cast: tuple[Person, ...] = ()
    meeting: Meeting | None = None
    is_meeting: bool = False
    participants: tuple[Person, ...] = ()
    countries: tuple[CountryMention, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    figures: tuple[Figure, ...] = ()
    topics: tuple[str, ...] = ()  # SKOS concept local names: "health", "trade"...
    warnings: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.transcript.text

    def quote(self, span: Span) -> str:
        return span.of(self.transcript.text)

    @property
    def country_codes(self) -> tuple[str, ...]:
        """Distinct country codes mentioned, sorted."""
        return tuple(sorted({m.code for m in self.countries}))
