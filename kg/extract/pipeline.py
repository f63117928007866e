"""The extraction pipeline: parse a Transcript, then run each extractor in turn.

Like a spaCy pipeline, every component is a function ``Document -> Document``
named in a registry; :func:`process` checks each one returns a Document and
names the component when one fails, so an error on page 5,000 of a batch says
which stage broke on which file.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Callable, Sequence

from kg.errors import InputError, KgError, StageError
from kg.inputs.limits import current as current_limits

if TYPE_CHECKING:  # kg.model is imported by process(): the CLI reads READERS here without it
    from kg.model import Document, Transcript

Component = Callable[["Document"], "Document"]

#: name -> "module:function"; imported lazily so a one-file build stays quick to start.
COMPONENTS: dict[str, str] = {
    "meeting": "kg.extract.meeting:extract_meeting",
    "participants": "kg.extract.people:extract_participants",
    "countries": "kg.extract.countries:extract_countries",
    "commitments": "kg.extract.commitments:extract_commitments",
    "commitments-model": "kg.extract.learned:extract_commitments",
    "figures-model": "kg.extract.learned_figures:extract_figures",
    "figures": "kg.extract.figures:extract_figures",
    "topics": "kg.extract.topics:extract_topics",
    "identities": "kg.extract.identity:link_people",
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


def component(name: str) -> Component:
    """The extractor registered under ``name``."""
    if name not in _loaded:
        try:
            target = COMPONENTS[name]
        except KeyError:
            raise KgError(f"unknown pipeline component {name!r}; known: {', '.join(COMPONENTS)}") from None
        module, _, func = target.partition(":")
        _loaded[name] = getattr(importlib.import_module(module), func)
    return _loaded[name]


def process(transcript: Transcript, format: str | None = None,
            pipeline: Sequence[str] = DEFAULT_PIPELINE) -> Document:
    """Parses ``transcript`` and runs the named extractors over it.

    Raises StageError naming the stage and the source when a stage fails.
    """
    from kg.formats import parse
    from kg.model import Document

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
