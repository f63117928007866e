"""Structural checks of the held-out gold files.

The held-out set measures extraction on pages the rules were never tuned on,
so its gold must be trustworthy on its own: every quote has to be findable in
its transcript, and every code and label has to come from the lists in the gold
format. These checks read only the JSON and the text; they never run the
extractor, so the gold stays independent of what the tool finds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

HELDOUT = Path(__file__).parent / "data" / "heldout"
GOLD_FILES = sorted(HELDOUT.glob("*.gold.json"))

COMMITMENT_TYPES = {"Supply", "JointProduction", "Investment", "Visit", "Agreement", "Cooperation"}
STATUSES = {"completed", "ongoing", "planned", "proposed"}
FORMATS = {"in_person", "phone", "video"}
ALPHA3 = re.compile(r"^[A-Z]{3}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COMMITMENT_KEYS = {"type", "by", "to", "item", "quantity", "unit", "status", "speaker", "quote"}
FIGURE_KEYS = {"value", "unit", "about", "speaker", "quote"}


def _load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (HELDOUT / gold["source"]["file"]).read_text(encoding="utf-8")
    return gold, text


def test_set_has_eight_transcripts():
    assert len(GOLD_FILES) == 8


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_header_and_meeting(path: Path):
    gold, text = _load(path)
    assert gold["id"] + ".gold.json" == path.name
    assert gold["source"]["file"] == gold["id"] + ".txt"
    assert gold["source"]["url"].startswith("http://en.kremlin.ru/events/president/news/")
    meeting = gold["meeting"]
    assert set(meeting) == {"title", "date", "city", "venue", "format"}
    assert text.startswith(meeting["title"] + "\n")
    assert meeting["date"] is None or ISO_DATE.match(meeting["date"])
    assert meeting["date"] in gold["id"]
    assert meeting["format"] in FORMATS
    plain = text.replace("\u00a0", " ").casefold()
    for place in (meeting["city"], meeting["venue"]):
        assert place is None or place.casefold() in plain


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_participants_and_countries(path: Path):
    gold, _ = _load(path)
    assert len(gold["participants"]) >= 2
    for person in gold["participants"]:
        assert person["name"] and person["office"]
        if person["country"] is None:
            assert person.get("organisation")
        else:
            assert ALPHA3.match(person["country"])
            assert person["country"] in gold["countries"]
    countries = gold["countries"]
    assert all(ALPHA3.match(code) for code in countries)
    assert countries == sorted(set(countries))


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_commitments_follow_the_format(path: Path):
    gold, text = _load(path)
    speakers = {p["name"] for p in gold["participants"]}
    for entry in gold["commitments"]:
        assert set(entry) == COMMITMENT_KEYS
        assert entry["type"] in COMMITMENT_TYPES
        assert entry["status"] in STATUSES
        assert ALPHA3.match(entry["by"]) and ALPHA3.match(entry["to"])
        assert entry["by"] != entry["to"]
        assert entry["quote"] in text, entry["quote"]
        assert entry["speaker"] is None or entry["speaker"] in speakers
        if entry["type"] not in {"Supply", "JointProduction"}:
            assert entry["item"] is None
        assert (entry["quantity"] is None) == (entry["unit"] is None)
        if entry["quantity"] is not None:
            assert isinstance(entry["quantity"], (int, float)) and entry["quantity"] > 0


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_figures_follow_the_format(path: Path):
    gold, text = _load(path)
    speakers = {p["name"] for p in gold["participants"]}
    for entry in gold["figures"]:
        assert set(entry) == FIGURE_KEYS
        assert isinstance(entry["value"], (int, float)) and entry["value"] > 0
        assert entry["unit"] and entry["about"]
        assert entry["quote"] in text, entry["quote"]
        assert entry["speaker"] is None or entry["speaker"] in speakers
        if entry["unit"] == "percent":
            assert entry["value"] >= 1  # percent as 20, not 0.2


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_quotes_are_whole_sentences(path: Path):
    """A quote is the sentence that states the fact, not a fragment of it."""
    gold, text = _load(path)
    for entry in gold["commitments"] + gold["figures"]:
        quote = entry["quote"]
        start = text.index(quote)
        before = text[start - 2:start] if start >= 2 else "\n"
        assert before[-1] in "\n \u00a0“", quote
        assert quote[-1] in ".!?”", quote


def test_no_heldout_page_is_in_the_dev_sets():
    dev_dirs = [HELDOUT.parent / "dev", HELDOUT.parent / "dev2"]
    dev_texts = {p.read_text(encoding="utf-8") for d in dev_dirs if d.is_dir() for p in d.glob("*.txt")}
    for path in GOLD_FILES:
        _, text = _load(path)
        assert text not in dev_texts, path.name
