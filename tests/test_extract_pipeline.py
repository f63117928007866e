"""The extraction pipeline's contract, and the sentence rules it runs: status cues, negation, items, figures.

The pipeline must name the stage and the file when a component breaks, so a
failure on page 5,000 of a batch says where to look; the rules are checked on
sentences written in the genre's usual ways.
"""

from __future__ import annotations

import pytest

from kg.errors import InputError, KgError, StageError
from kg.extract import pipeline
from kg.extract.commitment_rules import clauses, find_item, is_negated, local_status, read_status
from kg.inputs.text import normalise
from kg.extract.commitments import extract_commitments
from kg.extract.figures import extract_figures
from kg.extract.pipeline import (
    COMPONENTS, DEFAULT_PIPELINE, READERS, STAGES, component, pipeline_for, process,
)
from kg.inputs.limits import TURNS_ENV
from kg.inputs.reader import transcript_from_text
from kg.model import Document, Person, Span
from test_commitments import LULA, PUTIN, make_doc

PAGE = ("Meeting with President of Serbia Aleksandar Vucic\n\nJune 23, 2020, The Kremlin, Moscow\n\n"
        "Vladimir Putin: Mr President, we will deliver 2 million tonnes of wheat to Serbia.\n\n"
        "Aleksandar Vucic: Thank you.\n")


# --- the pipeline ---------------------------------------------------------------


def explode(doc: Document) -> Document:
    raise ValueError("a bug in a component")


def give_text(doc: Document) -> str:
    return "not a document"


def refuse(doc: Document) -> Document:
    raise InputError(doc.transcript.source, "refused on purpose")


@pytest.fixture
def registered_components(monkeypatch):
    """Three components of this module registered next to the real ones."""
    for name in ("explode", "give_text", "refuse"):
        monkeypatch.setitem(COMPONENTS, name, pipeline.Spec(f"{__name__}:{name}"))
        monkeypatch.delitem(pipeline._loaded, name, raising=False)
    yield
    for name in ("explode", "give_text", "refuse"):
        pipeline._loaded.pop(name, None)


def transcript(name: str = "serbia.txt"):
    return transcript_from_text(PAGE, name)


def test_a_failing_component_is_a_stage_error_naming_the_stage_and_the_file(registered_components):
    with pytest.raises(StageError) as error:
        process(transcript(), None, ("meeting", "explode", "commitments"))
    message = str(error.value)
    assert "serbia.txt" in message and "explode" in message and "ValueError: a bug in a component" in message


def test_a_component_that_returns_no_document_is_named(registered_components):
    with pytest.raises(StageError, match="give_text.*returned str, not a Document"):
        process(transcript(), None, ("meeting", "give_text"))


def test_a_library_error_of_a_component_passes_unchanged(registered_components):
    with pytest.raises(InputError, match="refused on purpose") as error:
        process(transcript(), None, ("refuse",))
    assert not isinstance(error.value, StageError)


def test_an_unknown_component_or_reader_names_the_known_ones():
    with pytest.raises(KgError, match="unknown pipeline component 'oracle'; known: meeting, participants"):
        component("oracle")
    with pytest.raises(KgError, match="unknown reader 'oracle'; known: rules, model"):
        pipeline_for("oracle")


def test_readers_swap_only_the_stages_they_name():
    assert pipeline_for("rules") == STAGES and not any(s.endswith("-model") for s in STAGES)
    model = pipeline_for("model")
    assert len(model) == len(STAGES) and model == DEFAULT_PIPELINE
    swapped = {a: b for a, b in zip(STAGES, model) if a != b}
    assert swapped == READERS["model"]
    assert STAGES.index("commitments") < STAGES.index("figures")  # figures read the commitments' quantities


def test_components_are_imported_once():
    assert component("topics") is component("topics")


def test_an_empty_pipeline_only_parses():
    doc = process(transcript(), None, ())
    assert doc.format == "kremlin" and doc.utterances and doc.commitments == () and doc.meeting is None


def test_too_many_turns_are_refused_before_extraction(monkeypatch):
    monkeypatch.setenv(TURNS_ENV, "1")
    with pytest.raises(InputError, match="serbia.txt") as error:
        process(transcript(), None, pipeline_for("rules"))
    assert "turns" in str(error.value)
    monkeypatch.setenv(TURNS_ENV, "2")
    assert process(transcript(), None, ("meeting",)).meeting is not None


def test_a_forced_format_is_used():
    plain = process(transcript(), "plain", ("meeting",))
    assert plain.format == "plain" and plain.publisher_country is None


# --- status cues ---------------------------------------------------------------------


@pytest.mark.parametrize("sentence, status", [
    ("We signed the agreement last week.", "completed"),
    ("The plant was commissioned in May.", "completed"),
    ("Construction was completed ahead of schedule.", "completed"),
    ("We are now constructing the bridge.", "ongoing"),
    ("Work on the project is under way.", "ongoing"),
    ("The construction is in progress.", "ongoing"),
    ("Negotiations on supplies are continuing.", "ongoing"),
    ("We intend to build a plant.", "planned"),
    ("Next year we will launch production.", "planned"),
    ("The plant is scheduled to open in 2025.", "planned"),
    ("We have agreed to build a bridge.", "planned"),
    ("I am sure that we will build the plant.", "planned"),   # a reporting frame says nothing
    ("We suggest creating a joint fund.", "proposed"),
    ("We could consider joint production.", "proposed"),
    ("We invite you to invest.", "proposed"),
    ("We are interested in supplying gas.", "proposed"),
    ("Trade goes well.", "ongoing"),                          # no status word: the default
])
def test_status_cues(sentence, status):
    assert read_status(normalise(sentence), Span(0, len(sentence))) == status


def test_a_clause_without_status_words_inherits_the_status_it_continues():
    sentence = "Trade goes well."
    assert read_status(normalise(sentence), Span(0, len(sentence)), inherited="planned") == "planned"


def test_a_status_word_before_one_number_belongs_to_that_number():
    text = "We have invested $10 billion out of the planned $40 billion."
    norm = normalise(text)
    assert local_status(norm, text.index("$40")) == "planned"
    assert local_status(norm, text.index("$10")) is None
    number_starts = [text.index("$10"), text.index("$40")]
    assert read_status(norm, Span(0, len(text)), number_starts) == "completed"


def test_clauses_split_where_a_new_subject_begins():
    text = "We have invested $10 billion, and a further $5 billion is planned; they will build a port."
    parts = [text[c.start:c.end] for c in clauses(normalise(text), Span(0, len(text)))]
    assert parts == ["We have invested $10 billion", "a further $5 billion is planned", "they will build a port."]


@pytest.mark.parametrize("sentence, cue, negated", [
    ("We will not supply arms.", "supply", True),
    ("We never signed it.", "signed", True),
    ("We have no plans to build a plant.", "build", True),
    ("We won't send troops.", "send", True),
    ("We will supply gas, not oil.", "supply", False),  # the negation after the cue negates something else
    ("Nobody doubts that we will supply gas.", "supply", False),
])
def test_a_negation_counts_before_the_cue_only(sentence, cue, negated):
    norm = normalise(sentence)
    assert is_negated(norm, Span(0, len(sentence)), norm.index(cue)) is negated


@pytest.mark.parametrize("sentence, item", [
    ("We supply wheat and barley.", "grain"),
    ("We deliver Sputnik V vaccine.", "vaccine"),
    ("Supplies of LNG grow.", "gas"),
    ("Supplies of helicopters continue.", "aircraft"),
    ("We sell fertilisers.", "fertiliser"),
    ("We supply everything you need.", None),
])
def test_items_are_named_by_their_plain_word(sentence, item):
    assert find_item(normalise(sentence), Span(0, len(sentence))) == item


def test_curly_apostrophes_and_non_breaking_spaces_normalise_at_the_same_length():
    text = "We\u2019ll supply\u00a0gas \u2018soon\u2019."
    norm = normalise(text)
    assert len(norm) == len(text) and norm == "We'll supply gas 'soon'."


# --- figures --------------------------------------------------------------------------


def figures(*turns) -> list[tuple[float, str, str | None]]:
    doc = extract_figures(extract_commitments(make_doc(*turns)))
    return [(f.quantity.value, f.quantity.unit, f.about) for f in doc.figures]


YES = (LULA, "Yes.")


@pytest.mark.parametrize("sentence", [
    "We met 10 years ago.", "Within 5 years we will double trade.", "Every 3 years we hold a forum.",
    "He is aged 60 years.", "We mark the tenth anniversary of the summit.", "Unemployment fell to 5 percent.",
    "We have met 4 times this year.", "It took 8 months and 20 days.",
])
def test_time_references_ages_events_and_domestic_numbers_are_no_figures(sentence):
    assert figures((PUTIN, sentence), YES) == []


@pytest.mark.parametrize("sentence, expected", [
    ("It has been 60 years since the establishment of diplomatic relations.", (60, "year", "diplomatic relations")),
    ("We mark the fifteenth anniversary of our partnership.", (15, "year", "partnership")),
    ("The plant will run for 30 years.", (30, "year", None)),
    ("Trade reached $5 billion in the first quarter.", (5e9, "USD", "trade")),
    ("We have 300 joint ventures.", (300, "company", "joint ventures")),
    ("Investments exceeded $1 billion.", (1e9, "USD", "investments")),
    ("Imports of Brazilian beef grew by 40 percent.", (40, "percent", "imports")),
])
def test_figures_and_what_they_are_about(sentence, expected):
    assert figures((PUTIN, sentence), YES) == [expected]


def test_a_domestic_meeting_has_no_figures_but_an_organisations_head_is_foreign():
    minister = Person("Sergei Lavrov", "Foreign Minister", "RUS")
    assert figures((PUTIN, "Trade grew 10 percent."), (minister, "Yes.")) == []
    assert figures((None, "Trade grew 10 percent."), (PUTIN, "Hi."), (minister, "Hi.")) == []
    head = Person("Ursula von der Leyen", "President", None, organisation="European Commission")
    assert figures((PUTIN, "Trade grew 10 percent."), (head, "Yes.")) == [(10, "percent", "trade")]


def test_the_narrators_figures_count_and_carry_no_speaker():
    doc = extract_figures(make_doc((None, "Trade between the two countries grew by 12 percent."),
                                   (PUTIN, "Hi."), YES))
    [figure] = doc.figures
    assert figure.speaker is None and figure.utterance == 0 and doc.quote(figure.span).startswith("Trade between")
