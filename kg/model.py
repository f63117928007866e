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

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter
from typing import Any, Literal, TypeVar, get_args

# ---------------------------------------------------------------- vocabularies
#
# The one place that lists them.  Everything else imports these names: the
# mapping mints their IRIs through kg.rdf.namespace, the queries read the
# commitment classes from the ontology in the store, and tests check that
# ontology/irkg.ttl and shapes/irkg.ttl agree with them.

MeetingFormat = Literal["in_person", "phone", "video"]
Status = Literal["completed", "ongoing", "planned", "proposed"]
#: a name in :data:`COMMITMENT_TYPES` (a plain ``str``: types can be registered at run time)
CommitmentType = str

STATUSES: tuple[str, ...] = get_args(Status)
FORMATS: tuple[str, ...] = get_args(MeetingFormat)
#: speaker labels that stand for the press, not for a person of the cast
JOURNALIST_LABELS: frozenset[str] = frozenset({
    "question", "q", "remark", "reply", "response", "audience member", "participant",
    "journalist", "voice", "from the audience", "questions", "comment",
})


@dataclass(frozen=True)
class CommitmentKind:
    """One commitment type, as the gold format defines it.

    ``mutual``: a joint act, where ``by`` is only the speaker's side, so the
    pair of countries is compared unordered (scoring, follow-ups, learned
    parties).  ``has_item``: the type names goods (``item``); for the others
    the item is always null.
    """

    name: str
    mutual: bool = False
    has_item: bool = False


_BUILT_IN_KINDS: tuple[CommitmentKind, ...] = (
    CommitmentKind("Supply", has_item=True),
    CommitmentKind("JointProduction", mutual=True, has_item=True),
    CommitmentKind("Investment"),
    CommitmentKind("Visit"),
    CommitmentKind("Agreement", mutual=True),
    CommitmentKind("Cooperation", mutual=True),
)
_KINDS: dict[str, CommitmentKind] = {kind.name: kind for kind in _BUILT_IN_KINDS}


class TypeNames(Sequence[str]):
    """The names of the registered commitment types, in registration order: a live view.

    Live because a type registered later (:func:`register_commitment_type`)
    must reach code that imported :data:`COMMITMENT_TYPES` before; ``flag``
    keeps only the kinds with that attribute set (``"mutual"``,
    ``"has_item"``).  Equal to any sequence of the same names.
    """

    __slots__ = ("_flag",)

    def __init__(self, flag: str | None = None) -> None:
        self._flag = flag

    def _names(self) -> tuple[str, ...]:
        return tuple(k.name for k in _KINDS.values() if self._flag is None or getattr(k, self._flag))

    def __getitem__(self, index):  # type: ignore[override]
        return self._names()[index]

    def __len__(self) -> int:
        return len(self._names())

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __contains__(self, name: object) -> bool:
        kind = _KINDS.get(name) if isinstance(name, str) else None
        return kind is not None and (self._flag is None or bool(getattr(kind, self._flag)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (set, frozenset)):
            return set(self) == other
        if isinstance(other, Sequence) and not isinstance(other, str):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"TypeNames{self._names()!r}"


COMMITMENT_TYPES = TypeNames()
#: the joint kinds (JointProduction, Agreement, Cooperation): their parties are an unordered pair
MUTUAL_TYPES = TypeNames("mutual")
#: the kinds that name goods (Supply, JointProduction)
ITEM_TYPES = TypeNames("has_item")


def commitment_kind(name: str) -> CommitmentKind:
    """The registered kind called ``name``; ``KeyError`` for any other."""
    return _KINDS[name]


def register_commitment_type(name: str, *, mutual: bool = False, has_item: bool = False) -> CommitmentKind:
    """Adds a commitment type for this process: an extension, or a test.

    A type is a change in three places only: here (built in, in
    ``_BUILT_IN_KINDS``), the ontology (``irkg:<name> rdfs:subClassOf
    irkg:Commitment``) and, for a directed type, the shapes' list of types
    whose parties differ.  At run time, register it here and give
    :func:`kg.resources.add_turtle` the ontology and shapes snippets.
    Undo with :func:`unregister_commitment_type`.
    """
    if not name.isidentifier() or not name[0].isupper():
        raise ValueError(f"a commitment type is a CapWords name like 'Supply', not {name!r}")
    if name in _KINDS:
        raise ValueError(f"commitment type {name!r} is already registered")
    kind = CommitmentKind(name, mutual=mutual, has_item=has_item)
    _KINDS[name] = kind
    return kind


def unregister_commitment_type(name: str) -> None:
    """Takes back a type :func:`register_commitment_type` added; the built-in ones stay."""
    if any(kind.name == name for kind in _BUILT_IN_KINDS):
        raise ValueError(f"{name!r} is a built-in commitment type and cannot be unregistered")
    _KINDS.pop(name, None)


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


_Frozen = TypeVar("_Frozen")
#: per class: its field names, and a getter of all of them (None: a class ``evolve`` leaves to ``replace``)
_PLAIN_FIELDS: dict[type, tuple[tuple[str, ...], frozenset[str], Callable[[Any], tuple]] | None] = {}


def evolve(value: _Frozen, /, **changes: Any) -> _Frozen:
    """``dataclasses.replace(value, **changes)``, for the stages' many copies of a Document with one more
    field (some fifteen a page, and one an utterance where speakers are linked).

    ``replace`` reads the class's fields and builds keyword arguments for its ``__init__``: some 4.5 us a
    Document.  Where that ``__init__`` only stores its arguments (no ``__post_init__``, every field an
    argument, a ``__dict__``), the fields are read at once and stored as ``__init__`` stores them
    (``object.__setattr__``, which keeps the instance's values inline: through ``__dict__`` every later
    attribute read was three times slower), half the time.  Any other class, or a name that is no
    field, goes to ``replace`` as before (which runs the checks and raises its error).
    """
    kind = type(value)
    if kind not in _PLAIN_FIELDS:
        names = tuple(f.name for f in fields(kind))
        plain = not hasattr(kind, "__post_init__") and not hasattr(kind, "__slots__") and all(
            f.init for f in fields(kind))
        _PLAIN_FIELDS[kind] = (names, frozenset(names), attrgetter(*names)) if plain and len(names) > 1 else None
    plain = _PLAIN_FIELDS[kind]
    if plain is None or not changes.keys() <= plain[1]:
        return replace(value, **changes)
    names, _, read_all = plain
    new = object.__new__(kind)
    store = object.__setattr__
    for name, field_value in zip(names, read_all(value)):
        store(new, name, field_value)
    for name, field_value in changes.items():
        store(new, name, field_value)
    return new
