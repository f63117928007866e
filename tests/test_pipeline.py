"""The extraction pipeline's contract: components declare what they read and fill, and order follows."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from kg.errors import PipelineError
from kg.extract import pipeline as registry
from kg.extract.pipeline import COMPONENTS, PARSED, READERS, check_pipeline, component, pipeline_for, process
from kg.formats import parse
from kg.inputs.reader import read
from kg.model import Document, Transcript

AZE = Path(__file__).resolve().parent / "data" / "dev" / "kremlin-2021-07-20-azerbaijan.txt"
DOMESTIC = ("Working meeting with Emergency Situations Minister Vladimir Puchkov\n\nMarch 4, 2015, Moscow\n\n"
            "Vladimir Putin: Good afternoon.\n\nVladimir Puchkov: Good afternoon.\n")


@pytest.fixture()
def restore_registry():
    saved = dict(COMPONENTS)
    yield
    COMPONENTS.clear()
    COMPONENTS.update(saved)
    check_pipeline.cache_clear()


def test_the_readers_pipelines_keep_their_requirements():
    for reader in READERS:
        assert check_pipeline(pipeline_for(reader)) == pipeline_for(reader)


def test_every_declared_field_is_a_document_field():
    known = {f.name for f in fields(Document)}
    assert set(PARSED) <= known
    for name, spec in COMPONENTS.items():
        assert spec.assigns, f"{name} declares nothing it fills"
        assert set(spec.requires + spec.assigns) <= known, name


@pytest.mark.parametrize("order, before, after", [
    (("participants", "meeting"), "participants", "meeting"),
    (("meeting", "countries", "participants"), "countries", "participants"),
    (("meeting", "participants", "countries", "figures", "commitments"), "figures", "commitments"),
    (("meeting", "participants", "countries", "commitments", "identities", "figures"), "identities", "figures"),
])
def test_process_refuses_a_component_before_what_it_requires(order, before, after):
    transcript = next(read(str(AZE)))
    with pytest.raises(PipelineError) as error:
        process(transcript, pipeline=order)
    message = str(error.value)
    assert f"{before!r} requires" in message and f"put {after!r} first" in message


def test_a_partial_pipeline_in_order_runs():
    doc = process(next(read(str(AZE))), pipeline=("meeting", "participants", "identities"))
    assert doc.is_meeting and {p.country for p in doc.participants} >= {"AZE", "RUS"}
    assert doc.commitments == ()  # nobody filled them: their empty default


def test_an_unknown_component_or_field_is_refused(restore_registry):
    with pytest.raises(PipelineError, match="unknown pipeline component 'summary'"):
        check_pipeline(("meeting", "summary"))
    with pytest.raises(PipelineError, match="summaries: no such Document field"):
        registry.register("summary", "kg.extract.topics:extract_topics", requires=("summaries",))


def test_a_registered_component_is_held_to_its_requirements(restore_registry):
    registry.register("topics-after-figures", "kg.extract.topics:extract_topics", requires=("figures",),
                      assigns=("topics",))
    assert check_pipeline(pipeline_for("rules") + ("topics-after-figures",))
    with pytest.raises(PipelineError, match="put 'figures' first"):
        check_pipeline(("meeting", "participants", "countries", "commitments", "topics-after-figures", "figures"))


@pytest.mark.parametrize("reader", sorted(READERS))
def test_each_component_changes_only_the_fields_it_assigns(reader):
    doc = parse(next(read(str(AZE))))
    for name in pipeline_for(reader):
        result = component(name)(doc)
        changed = {f.name for f in fields(Document) if getattr(result, f.name) != getattr(doc, f.name)}
        assert changed <= set(COMPONENTS[name].assigns), f"{name} changed {changed - set(COMPONENTS[name].assigns)}"
        doc = result
    assert doc.commitments and doc.figures and doc.topics  # the page exercised every component


def test_meeting_leaves_participants_to_the_participants_stage():
    """The meeting stage reads the heading only; who takes part is found once, by the next stage."""
    transcript = next(read(str(AZE)))
    heading_only = process(transcript, pipeline=("meeting",))
    assert heading_only.is_meeting and heading_only.participants == ()
    both = process(transcript, pipeline=("meeting", "participants"))
    assert both.is_meeting and len(both.participants) >= 2


def test_a_meeting_nobody_foreign_attends_is_made_domestic_by_the_participants_stage():
    transcript = Transcript(DOMESTIC, "t.txt", "0")
    assert process(transcript, pipeline=("meeting",)).is_meeting  # the heading names a meeting
    doc = process(transcript, pipeline=("meeting", "participants"))
    assert not doc.is_meeting and doc.participants == ()
