"""The extraction pipeline: parse a Transcript, then run each extractor in turn.

Like a spaCy pipeline, every component is a function ``Document -> Document``
named in a registry; :func:`process` checks each one returns a Document and
names the component when one fails, so an error on page 5,000 of a batch says
which stage broke on which file.

Each component also declares the Document fields it reads (``requires``) and
those it fills (``assigns``), as spaCy's ``Language.component`` does, and a
pipeline is refused before it runs when a component comes before the first
one that fills a field it reads (:func:`check_pipeline`): the order is part
of the contract, not a habit of the default list.  A field no component of
the pipeline fills keeps its empty default, so a partial pipeline
(``("meeting", "participants")``) is allowed.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Sequence

from kg.errors import InputError, KgError, PipelineError, StageError
from kg.inputs.limits import current as current_limits

if TYPE_CHECKING:  # kg.model is imported by process(): the CLI reads READERS here without it
    from kg.model import Document, Transcript

Component = Callable[["Document"], "Document"]

#: what the parser fills before any component runs (:mod:`kg.formats`)
PARSED: tuple[str, ...] = ("transcript", "format", "title", "publisher_country", "date", "utterances", "cast")


@dataclass(frozen=True)
class Spec:
    """A registered component: its function (``"module:function"``, imported when first used), the
    Document fields it reads beyond what the parser fills, and the fields it fills."""

    target: str
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


_MEETING_FIELDS = ("meeting", "is_meeting")
_PEOPLE = ("participants", "cast", "utterances")

#: name -> component, in the order of the default pipeline
COMPONENTS: dict[str, Spec] = {
    "meeting": Spec("kg.extract.meeting:extract_meeting", assigns=_MEETING_FIELDS),
    # reads the meeting's date and verdict; a page nobody foreign attends becomes no meeting
    "participants": Spec("kg.extract.people:extract_participants", requires=_MEETING_FIELDS,
                         assigns=("participants", "is_meeting")),
    "countries": Spec("kg.extract.countries:extract_countries", requires=("participants",), assigns=("countries",)),
    "commitments": Spec("kg.extract.commitments:extract_commitments",
                        requires=("is_meeting", "participants", "countries"), assigns=("commitments",)),
    "commitments-model": Spec("kg.extract.learned:extract_commitments",
                              requires=("is_meeting", "participants", "countries"), assigns=("commitments",)),
    "figures-model": Spec("kg.extract.learned_figures:extract_figures",
                          requires=("is_meeting", "participants", "commitments"), assigns=("figures",)),
    "figures": Spec("kg.extract.figures:extract_figures", requires=("participants", "commitments"),
                    assigns=("figures",)),
    "topics": Spec("kg.extract.topics:extract_topics", assigns=("topics",)),
    # last: links every person of the page, wherever they appear, once the extractors have read the names
    "identities": Spec("kg.extract.identity:link_people", requires=("meeting", *_PEOPLE, "commitments", "figures"),
                       assigns=(*_PEOPLE, "commitments", "figures")),
}

STAGES: tuple[str, ...] = tuple(name for name in COMPONENTS if not name.endswith("-model"))

#: How commitments and figures are read: ``rules`` alone, or the trained
#: ``model`` over the rules (see :mod:`kg.extract.learned`): stage -> component.
READERS: dict[str, dict[str, str]] = {
    "rules": {},
    "model": {"commitments": "commitments-model", "figures": "figures-model"},
}
DEFAULT_READER = "model"


def pipeline_for(reader: str = DEFAULT_READER) -> tuple[str, ...]:
    """The default pipeline with the commitments component of ``reader``."""
    try:
        swaps = READERS[reader]
    except KeyError:
        raise KgError(f"unknown reader {reader!r}; known: {', '.join(READERS)}") from None
    return tuple(swaps.get(name, name) for name in STAGES)


DEFAULT_PIPELINE: tuple[str, ...] = pipeline_for(DEFAULT_READER)

_loaded: dict[str, Component] = {}


def register(name: str, target: str, requires: Sequence[str] = (), assigns: Sequence[str] = ()) -> None:
    """Adds a component (or replaces one of the same name) under ``name``.

    ``target`` is ``"module:function"``; ``requires`` and ``assigns`` name
    Document fields, checked here so a misspelt field fails at once.
    """
    spec = Spec(target, tuple(requires), tuple(assigns))
    _check_fields(name, spec)
    COMPONENTS[name] = spec
    _loaded.pop(name, None)
    check_pipeline.cache_clear()


def _check_fields(name: str, spec: Spec) -> None:
    from dataclasses import fields

    from kg.model import Document

    known = {f.name for f in fields(Document)}
    unknown = sorted(set(spec.requires + spec.assigns) - known)
    if unknown:
        raise PipelineError(f"component {name!r} names {', '.join(unknown)}: no such Document field")


@lru_cache(maxsize=64)
def check_pipeline(pipeline: tuple[str, ...]) -> tuple[str, ...]:
    """``pipeline`` when every name is registered and each component runs after the first one that
    fills every field it requires; else a PipelineError saying which and how to reorder.

    A later component may fill the same field again (``identities`` links the
    people the extractors found): what counts is that the field exists when read.
    """
    for name in pipeline:
        if name not in COMPONENTS:
            raise PipelineError(f"unknown pipeline component {name!r}; known: {', '.join(COMPONENTS)}")
        _check_fields(name, COMPONENTS[name])
    for position, name in enumerate(pipeline):
        for field in COMPONENTS[name].requires:
            fillers = [i for i, other in enumerate(pipeline) if other != name and field in COMPONENTS[other].assigns]
            if fillers and fillers[0] > position:
                first = pipeline[fillers[0]]
                raise PipelineError(f"pipeline {', '.join(pipeline)}: {name!r} requires {field}, which {first!r} "
                                    f"fills, but runs before it; put {first!r} first")
    return pipeline


def component(name: str) -> Component:
    """The extractor registered under ``name``."""
    if name not in _loaded:
        try:
            target = COMPONENTS[name].target
        except KeyError:
            raise PipelineError(f"unknown pipeline component {name!r}; known: {', '.join(COMPONENTS)}") from None
        module, _, func = target.partition(":")
        _loaded[name] = getattr(importlib.import_module(module), func)
    return _loaded[name]


def process(transcript: Transcript, format: str | None = None,
            pipeline: Sequence[str] = DEFAULT_PIPELINE) -> Document:
    """Parses ``transcript`` and runs the named extractors over it.

    Raises PipelineError before anything runs when the pipeline's order breaks
    a component's requirements, and StageError naming the stage and the source
    when a stage fails.
    """
    from kg.formats import parse
    from kg.model import Document

    check_pipeline(tuple(pipeline))
    try:
        doc = parse(transcript, format)
    except KgError:
        raise
    except Exception as exc:  # a parser bug must not stop a 7,000-file batch
        raise StageError(transcript.source, "parse", f"{type(exc).__name__}: {exc}") from exc
    too_many = current_limits().too_many_turns(len(doc.utterances))
    if too_many:  # extraction grows faster than linearly with turns: refuse before it starts
        raise InputError(transcript.source, too_many)
    for name in pipeline:
        try:
            result = component(name)(doc)
        except KgError:
            raise
        except Exception as exc:
            raise StageError(transcript.source, name, f"{type(exc).__name__}: {exc}") from exc
        if not isinstance(result, Document):
            raise StageError(transcript.source, name, f"returned {type(result).__name__}, not a Document")
        doc = result
    return doc
