"""kg.inputs.text (spans, sentences, dates) and kg.inputs.limits, as properties and as cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.inputs import limits
from kg.inputs.text import lines, split_sentences, trim, valid_date

SPACES = " \t\r\n\u00a0\u2009\u202f\ufeff"


def sentences(text: str) -> list[str]:
    return [s.of(text) for s in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize("text,expected", [
    ("Mr. Putin met Dr. Smith. They talked.", ["Mr. Putin met Dr. Smith.", "They talked."]),
    ("The U.S. and Russia met. The talks went well.", ["The U.S. and Russia met.", "The talks went well."]),
    ("He lives in Washington, D.C. Moscow is far.", ["He lives in Washington, D.C. Moscow is far."]),
    ("He came from the U.S. We welcomed him.", ["He came from the U.S.", "We welcomed him."]),
    ("George W. Bush spoke. Then Putin.", ["George W. Bush spoke.", "Then Putin."]),
    ("Resolution No. 5 passed. It was late.", ["Resolution No. 5 passed.", "It was late."]),
    ("Growth was 1.5 percent. Good.", ["Growth was 1.5 percent.", "Good."]),
    ("Wait... What happened? Nothing!", ["Wait...", "What happened?", "Nothing!"]),
    ("He said \u201cyes.\u201d Then left.", ["He said \u201cyes.\u201d", "Then left."]),
    ("We supplied 100,000 [vaccine doses. More later]. Then more.",
     ["We supplied 100,000 [vaccine doses. More later].", "Then more."]),
    ("It costs approx. 5 dollars. Fine.", ["It costs approx. 5 dollars.", "Fine."]),
    ("lower case after a stop. is not a new sentence", ["lower case after a stop. is not a new sentence"]),
    ("First line without a stop\nSecond line", ["First line without a stop", "Second line"]),
    ("Ends with an ellipsis\u2026 And goes on.", ["Ends with an ellipsis\u2026", "And goes on."]),
    ("(Applause.) Thank you.", ["(Applause.)", "Thank you."]),
    ("Is it No. 1? No. It is not.", ["Is it No. 1?", "No.", "It is not."]),
])
def test_sentence_cases(text, expected):
    assert sentences(text) == expected


def test_sentences_of_a_slice_stay_in_the_slice():
    text = "Outside. Inside one. Inside two. Outside again."
    start, end = text.index("Inside one"), text.index(" Outside again")
    spans = split_sentences(text, start, end)
    assert [s.of(text) for s in spans] == ["Inside one.", "Inside two."]
    assert all(start <= s.start < s.end <= end for s in spans)


_WORDS = st.lists(st.sampled_from([
    "Mr.", "Putin", "said", "U.S.", "we", "The", "No.", "5", "1.5", "...", "\u2026", "[doses.", "more]", "yes.",
    "\u201cok.\u201d", "Dr.", "W.", "Bush", "!", "?", "\u00a0", "\n", "It", "is", "(Applause.)", "etc.", "",
]), max_size=40)


@settings(max_examples=150, deadline=None)
@given(_WORDS)
def test_sentences_are_trimmed_ordered_disjoint_and_cover_every_word(words):
    text = " ".join(words)
    spans = split_sentences(text, 0, len(text))
    for span in spans:
        quote = span.of(text)
        assert quote and quote[0] not in SPACES and quote[-1] not in SPACES
        assert "\n" not in quote  # a line break always ends a sentence
    for left, right in zip(spans, spans[1:]):
        assert left.end <= right.start
    covered = "".join(s.of(text) for s in spans)
    assert "".join(ch for ch in covered if ch not in SPACES) == "".join(ch for ch in text if ch not in SPACES)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\u00a0\t"), max_size=60))
def test_lines_are_the_trimmed_non_blank_lines(text):
    assert [s.of(text) for s in lines(text)] == [
        line.strip(SPACES) for line in text.split("\n") if line.strip(SPACES)]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \u00a0\t\n"), max_size=30), st.data())
def test_trim_shrinks_to_the_same_content(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    a, b = trim(text, start, end)
    assert start <= a <= b <= end
    assert text[a:b] == text[start:end].strip(SPACES)


@pytest.mark.parametrize("iso,ok", [
    ("2021-07-20", True), ("2024-02-29", True), ("2023-02-29", False), ("2021-02-31", False),
    ("2021-13-01", False), ("2021-7-20", False), ("20210720", True), ("", False), ("July 20, 2021", False),
])
def test_valid_date(iso, ok):
    # Python 3.11 reads the basic format 20210720 too; sources never write it, but it is a real day
    assert valid_date(iso) is ok


# -- limits ---------------------------------------------------------------------

def test_limit_messages_name_sizes_as_people_read_them():
    small = limits.Limits(file_bytes=2 * limits.MB, text_bytes=1536, turns=10)
    assert small.too_big_file(2 * limits.MB) is None
    assert small.too_big_file(3 * limits.MB + limits.MB // 2) == (
        "file is 3.5 MB, over the 2 MB limit (raise it with --max-file-mb)")
    assert small.too_big_text(1536) is None
    assert small.too_big_text(2048, "record") == (
        "record is 2 KB, over the 1.5 KB limit for one transcript (raise it with --max-text-mb)")
    assert small.too_many_turns(10) is None
    assert small.too_many_turns(11) == (
        "11 speaker turns, over the limit of 10 for one transcript (raise it with --max-turns)")


@pytest.mark.parametrize("file_mb,text_mb,turns,expected", [
    (None, None, None, (100 * limits.MB, 5 * limits.MB, 3000)),
    ("0.5", "2", "10", (limits.MB // 2, 2 * limits.MB, 10)),
    ("junk", "-3", "0", (100 * limits.MB, 5 * limits.MB, 3000)),  # nonsense keeps the default
])
def test_limits_from_the_environment(monkeypatch, file_mb, text_mb, turns, expected):
    for name, value in ((limits.FILE_ENV, file_mb), (limits.TEXT_ENV, text_mb), (limits.TURNS_ENV, turns)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    current = limits.current()
    assert (current.file_bytes, current.text_bytes, current.turns) == expected


def test_set_limits_reaches_the_environment_workers_inherit(monkeypatch):
    for name in (limits.FILE_ENV, limits.TEXT_ENV, limits.TURNS_ENV):
        monkeypatch.setenv(name, "1")  # recorded, so whatever set_limits writes is undone after the test
        monkeypatch.delenv(name)
    limits.set_limits(text_mb=7, turns=12)
    import os

    assert os.environ[limits.TEXT_ENV] == "7" and os.environ[limits.TURNS_ENV] == "12"
    assert limits.FILE_ENV not in os.environ
    assert (limits.current().text_bytes, limits.current().turns) == (7 * limits.MB, 12)
