"""The build worker's shortcuts in the stages around the reader (issue 14) give what the longer way gave:
the speaker label's colon gate, the phrase regex's boundary after a first letter, the topics' scan at
the cues' places, the stages' Document copies."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError, dataclass, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.formats import labels
from kg.formats.labels import label_at
from kg.model import Document, Person, Span, Transcript, Utterance, evolve
from kg.people import gazetteer

_LINE_PARTS = ["President", "of", "Russia", "Vladimir", "Putin", "Question", ":", ": ", "(retranslated)",
               " ", "\u00a0", "we", "said", "(", ")", "Mr.", "U.S.", "words", "—", "1", "\t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PARTS), max_size=20))
def test_a_line_is_read_for_a_label_as_the_label_pattern_alone_reads_it(parts):
    text = "Title\n" + "".join(parts) + "\nmore"
    line = Span(6, 6 + len("".join(parts)))
    match = labels._LABEL.match(text, line.start, line.end)
    assert (label_at(text, line) is None) == (match is None or not labels._looks_like_speaker(match["desc"]))


def _boundary_first(keys: list[str]) -> re.Pattern[str]:
    """The phrase regex as it was written before: the word boundary tested before the trie."""
    pattern = gazetteer._pattern_text(keys)
    heads = re.sub(r"\(\?<!\\w\.\)", "", pattern)  # the look-behinds after each first letter taken out
    return re.compile(r"(?<!\w)" + heads)


_PHRASES = ["Russia", "Russian", "Russian Federation", "India", "Indian", "Iran", "Iraq", "Niger", "Nigeria",
            "US", "U.S.", "Côte d'Ivoire", "the Gambia", "A", "Ab"]
_TEXT_PARTS = _PHRASES + [" ", "x", "_", "9", "-", ".", "’", "'", "\u00a0", "n", "s", "Federation", "d"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TEXT_PARTS), max_size=25), st.integers(0, 5), st.integers(0, 3))
def test_the_phrase_regex_finds_what_the_boundary_first_regex_finds(parts, start, cut):
    keys = sorted({gazetteer._exact_key(p) for p in _PHRASES})
    text = "".join(parts)
    end = max(start, len(text) - cut)
    new, old = re.compile(gazetteer._pattern_text(keys)), _boundary_first(keys)
    assert [m.span() for m in new.finditer(text, start, end)] == [m.span() for m in old.finditer(text, start, end)]


def test_the_phrase_regex_still_keeps_words_whole():
    pattern = re.compile(gazetteer._pattern_text(sorted({"Iran", "Iraq", "India", "Indian"})))
    assert [m.group() for m in pattern.finditer("Iran, Iranian, xIraq, Indiana, Indian_ and India.")] == \
        ["Iran", "India"]


def _doc() -> Document:
    text = "Talks\nPresident Putin: Hello."
    return Document(transcript=Transcript(text, "s", "h"), format="kremlin", title=Span(0, 5),
                    utterances=(Utterance(0, Span(22, 28), Person("Vladimir Putin", "President", "RUS")),))


def test_a_document_copied_by_evolve_is_the_one_replace_makes():
    doc = _doc()
    copied, replaced = evolve(doc, topics=("trade",), is_meeting=True), replace(doc, topics=("trade",), is_meeting=True)
    assert copied == replaced and hash(copied) == hash(replaced) and repr(copied) == repr(replaced)
    assert doc.topics == () and not doc.is_meeting  # the original is left as it was
    with pytest.raises(FrozenInstanceError):
        copied.topics = ()  # type: ignore[misc]


def test_evolve_leaves_checks_and_unknown_fields_to_replace():
    with pytest.raises(ValueError):
        evolve(Span(2, 4), end=1)  # Span checks itself after __init__
    with pytest.raises(TypeError):
        evolve(_doc(), no_such_field=1)

    @dataclass(frozen=True)
    class Counted:
        kept: int
        made: int = 0

        def __post_init__(self) -> None:
            object.__setattr__(self, "made", self.made + 1)

    assert evolve(Counted(1), kept=2) == Counted(2, 1)


_SENTENCE_PARTS = ["Mr", "Mr.", "U.S.", "W.", "No.", "no", "5", "word", "Putin.", " ", "  ", "\u00a0", ".", "!",
                   "?", "\u2026", "[", "]", "\"", "\u201d", ")", "The", "we", "the", "\n", "1.5", "a" * 70 + "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PARTS), max_size=30))
def test_the_word_before_a_full_stop_is_found_past_the_last_space_as_in_the_whole_window(parts):
    from kg.inputs import text as text_module

    text = "".join(parts)
    for dot in (i for i, ch in enumerate(text) if ch == "."):
        window = max(0, dot - 60)
        whole = text_module._WORD_BEFORE.search(text, window, dot)
        past_space = text_module._WORD_BEFORE.search(text, max(window, text.rfind(" ", window, dot) + 1), dot)
        assert (whole and whole.span()) == (past_space and past_space.span())
    assert all(text[s.start:s.end].strip() for s in text_module.split_sentences(text, 0, len(text)))
