"""Topics from cue lexicons, with a threshold against passing mentions."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

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


def _one_cue_after_another(topic: str):
    """A topic's cues as a plain alternation, one cue after another (longest first): what the grouped pattern
    must match as."""
    import re

    from kg.extract.topics import TOPIC_CUES, _plural

    cues = sorted(TOPIC_CUES[topic], key=len, reverse=True)
    return re.compile("|".join(re.escape(c[0]) + r"(?<!\w.)" + re.escape(c[1:])
                               + (r"\w*" if len(c) >= 5 else _plural(c) + r"\b") for c in cues))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["health", "healthcare", "war", "wars", "warm", "aid", "aides", "gas", "gases",
                                 "port", "ports", "portal", "oil", "trade", "free trade", "food security",
                                 "security", "x", "-", " ", "  ", "\n", "s", "es", "ing"]), max_size=16),
       st.sampled_from(TOPICS))
def test_a_topic_pattern_matches_as_its_cues_one_after_another(words, topic):
    from kg.extract.topics import _pattern

    text = "".join(words)
    plain = _one_cue_after_another(topic)
    assert [m.span() for m in _pattern(topic).finditer(text)] == [m.span() for m in plain.finditer(text)]
