"""The status cues' text filter: a cue is passed over only where it cannot match."""

import re

from kg.extract.reader_features import _status_cues, required_text, status_features
from kg.model import Span


def test_required_text_is_the_longest_plain_run_at_the_top_level():
    assert required_text(re.compile(r"\bprospects?\b")) == "prospect"  # the optional "s" is not required
    assert required_text(re.compile(r"\bReady To\b", re.IGNORECASE)) == "ready to"
    assert required_text(re.compile(r"\bReady To\b")) == "Ready To"
    assert required_text(re.compile(r"\b(?:is|are)\b")) == ""
    assert required_text(re.compile(r"\b(?:have|has)\b")) == "ha"  # the parser takes out a common start
    assert required_text(re.compile(r"\bcafé\b", re.IGNORECASE)) == ""  # not ASCII: no filter


def test_every_match_of_a_cue_holds_its_required_text():
    text = ("We are ready to continue working on it, and we will certainly sign the agreement soon; "
            "the contracts were signed last year, and we hope to see you in Moscow. We can and must do more.")
    for name, pattern, needed, folded in _status_cues():
        for match in pattern.finditer(text):
            assert needed in (match.group().lower() if folded else match.group()), name


def test_the_filter_gives_what_every_regex_gives():
    text = "They said it WILL be Signed, and it's under way; the Kelvin sign \u212a is not ASCII. Newly built."
    for start, end in ((0, len(text)), (0, 30), (10, 45), (50, len(text)), (4, 7)):
        plain = [f"cue:{name}" for name, pattern, _, _ in _status_cues() if pattern.search(text, start, end)]
        assert status_features(text, Span(start, end)) == plain
