"""Topics from cue lexicons, with a threshold against passing mentions."""

from __future__ import annotations

from kg.extract.topics import TOPICS, extract_topics, topic_hits
from kg.model import Person
from test_commitments import LULA, PUTIN, make_doc


def test_repeated_cues_make_a_topic():
    doc = extract_topics(make_doc((PUTIN, "Our vaccines work. The pandemic is receding."),
                                  (LULA, "Vaccination is going well.")))
    assert "health" in doc.topics and set(doc.topics) <= set(TOPICS)


def test_a_passing_mention_is_not_a_topic():
    doc = extract_topics(make_doc((PUTIN, "Energy matters. We discussed many things."), (LULA, "Yes.")))
    assert "energy" not in doc.topics


def test_short_cues_match_whole_words_only():
    assert topic_hits("a warm award")["regional-conflict"] == 0
    assert topic_hits("the war and the wars")["regional-conflict"] == 2


def test_journalists_questions_do_not_make_topics():
    doc = extract_topics(make_doc((Person("Question"), "What about the oil and gas and pipelines?"),
                                  (PUTIN, "Thank you.")))
    assert "energy" not in doc.topics


def test_hits_counted_up_to_enough_agree_with_the_full_count_below_it():
    text = "oil, gas and coal; the war, the wars; free trade"
    full, capped = topic_hits(text), topic_hits(text, 2)
    assert full["energy"] == 3 and capped["energy"] == 2  # stops at two
    assert capped["regional-conflict"] == full["regional-conflict"] == 2
    assert capped["trade"] == full["trade"] == 1  # "free trade" is one hit, not two
