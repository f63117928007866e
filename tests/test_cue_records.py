"""Every cue record's examples hold, and the tables derived from the records agree with them."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kg.extract import cues
from kg.inputs.text import normalise
from kg.extract.cuebook import CUES, EXCLUDE_ALL_TYPES, ROLES, USES, Cue
from kg.model import COMMITMENT_TYPES, STATUSES

DATA = Path(__file__).parent / "data"
_NEGATIVE_LOOKAROUND = re.compile(r"\(\?<?!")


@pytest.mark.parametrize("cue", CUES, ids=lambda c: c.name)
def test_cue_finds_its_matches_and_none_of_its_misses(cue: Cue):
    assert cue.role in ROLES and cue.use in USES, cue
    assert cue.matches, f"{cue.name}: give at least one sentence it must find"
    for sentence in cue.matches:
        assert cue.find(normalise(sentence)), f"{cue.name} does not find {sentence!r}"
    for sentence in cue.misses:
        assert cue.find(normalise(sentence)) is None, f"{cue.name} finds {sentence!r}, which it must miss"
    if _NEGATIVE_LOOKAROUND.search(cue.pattern):
        assert cue.misses, f"{cue.name}: its pattern guards against a reading; show one in misses"
    if cue.misses:
        assert cue.why, f"{cue.name}: say in why what the misses guard against"


@pytest.mark.parametrize("cue", [c for c in CUES if c.role == "type"], ids=lambda c: c.name)
def test_type_cue_keywords_are_in_every_match_of_its_examples(cue: Cue):
    assert cue.keywords, f"{cue.name}: list the words every match contains"
    for sentence in cue.matches:
        folded = cue.find(normalise(sentence)).group().casefold()
        assert any(word in folded for word in cue.keywords), (cue.name, sentence)


def test_type_cue_keywords_are_in_every_match_on_the_dev_texts():
    """The keyword pre-filter may skip a clause only where no pattern of the type could match."""
    texts = [normalise(p.read_text(encoding="utf-8")) for d in ("dev", "dev2") for p in sorted((DATA / d).glob("*.txt"))]
    for cue in (c for c in CUES if c.role == "type"):
        for text in texts:
            for match in re.finditer(cue.pattern, text, re.IGNORECASE):
                folded = match.group().casefold()
                assert any(word in folded for word in cue.keywords), (cue.name, match.group())


def test_names_are_unique_and_say_their_group():
    counts = Counter(c.name for c in CUES)
    assert [name for name, n in counts.items() if n > 1] == []
    assert all(re.fullmatch(r"[a-z-]+/[a-z'-]+", c.name) for c in CUES), \
        [c.name for c in CUES if not re.fullmatch(r"[a-z-]+/[a-z'-]+", c.name)]


def test_every_type_and_status_has_cues_and_every_value_is_known():
    assert set(cues.TYPE_CUES) == set(COMMITMENT_TYPES)
    assert all(cues.TYPE_CUES.values())
    assert set(cues.STATUS_CUES) == set(STATUSES) == set(cues.STATUS_PRECEDENCE)
    assert set(cues.EXCLUDE_BY_TYPE) <= set(COMMITMENT_TYPES)
    assert cues.EXCLUDE_ALL
    assert {c.value for c in CUES if c.role == "exclude"} <= set(COMMITMENT_TYPES) | {EXCLUDE_ALL_TYPES}


def test_every_keyword_and_pattern_comes_from_a_record():
    for kind, words in cues.TYPE_KEYWORDS.items():
        own = {w for c in CUES if c.role == "type" and c.value == kind for w in c.keywords}
        assert set(words) == own and len(words) == len(own), kind
    assert sum(len(p) for p in cues.TYPE_CUES.values()) == sum(c.role == "type" for c in CUES)
    assert cues.CAPITALISED_BY_NATURE <= {c.pattern for c in CUES if c.role == "type"}
    assert [item for _, item in cues.ITEM_CUES] == [c.value for c in CUES if c.role == "item"]


def test_every_rule_record_names_a_table_the_rules_read():
    for name in {c.value for c in CUES if c.role == "rule"}:
        table = getattr(cues, name)
        patterns = {c.pattern for c in CUES if c.role == "rule" and c.value == name}
        assert (set(table) if isinstance(table, tuple) else {table}) == patterns, name


def test_every_pattern_compiles():
    for cue in CUES:
        re.compile(cue.pattern)
