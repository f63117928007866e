"""Press questions are spoken by journalists of their own transcript, never by a shared "Leader Q"."""

from __future__ import annotations

from pathlib import Path

from kg.rdf.mapping import map_document
from kg.model import Person, Span, Utterance, is_press_label
from kg.rdf.namespace import irkg, ns_node, RDF
from kg.extract.pipeline import process
from kg.inputs.reader import transcript_from_text

DEV = Path(__file__).resolve().parent / "data" / "dev"
TYPE = ns_node(RDF, "type")


def test_person_is_journalist():
    assert Person("Q").is_journalist and Person("Question").is_journalist
    assert not Person("Ilham Aliyev", "President", "AZE").is_journalist
    assert not Person("Antonio Guterres", "Secretary-General", None, "United Nations").is_journalist


def test_press_labels_and_journalist_turns():
    assert is_press_label("Q") and is_press_label("AUDIENCE MEMBER") and not is_press_label("President")
    assert Person("Question.").is_journalist and not is_press_label("Question.")  # a person's name is trimmed
    speaker = Person("Question", office="Journalist", country="USA")  # the label wins over an office
    assert speaker.is_journalist and Utterance(0, Span(0, 1), speaker).is_journalist
    assert not Utterance(0, Span(0, 1)).is_journalist  # narration is nobody's question


def _typed(mapped, cls):
    return {t.subject for t in mapped.all_triples if t.predicate == TYPE and t.object == irkg(cls)}


def test_journalists_are_per_transcript_and_not_leaders():
    text = (DEV / "whitehouse-2022-03-29-singapore.txt").read_text(encoding="utf-8")
    first = map_document(process(transcript_from_text(text, "a.txt")))
    second = map_document(process(transcript_from_text(text + "\nEND\n", "b.txt")))
    journalists_a, journalists_b = _typed(first, "Journalist"), _typed(second, "Journalist")
    assert journalists_a and journalists_b and not journalists_a & journalists_b
    assert not journalists_a & _typed(first, "Leader")
