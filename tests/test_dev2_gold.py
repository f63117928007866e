"""Structural checks on the hand-written gold files of the second development set.

The gold files are written by hand, so typos slip in easily: a quote retyped
with a plain space where the page has a non-breaking one, a status spelled
"complete", an unsorted country list. Scoring would then silently miss matches.
These tests read only the JSON and the transcripts; they never run the extractor,
so the gold stays independent of what the tool finds.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

DEV2_DIR = Path(__file__).parent / "data" / "dev2"
GOLD_PATHS = sorted(DEV2_DIR.glob("*.gold.json"))

COMMITMENT_TYPES = {"Supply", "JointProduction", "Investment", "Visit", "Agreement", "Cooperation"}
STATUSES = {"completed", "ongoing", "planned", "proposed"}
FORMATS = {"in_person", "phone", "video"}
ITEM_TYPES = {"Supply", "JointProduction"}
COUNTRY_CODE = re.compile(r"[A-Z]{3}")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TOP_LEVEL_KEYS = {"id", "source", "meeting", "participants", "countries", "commitments", "figures"}
COMMITMENT_KEYS = {"type", "by", "to", "item", "quantity", "unit", "status", "speaker", "quote"}
FIGURE_KEYS = {"value", "unit", "about", "speaker", "quote"}


def _load(gold_path: Path) -> tuple[dict[str, Any], str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (gold_path.parent / gold["source"]["file"]).read_text(encoding="utf-8")
    return gold, text


def _speaker_names(gold: dict[str, Any]) -> set[str | None]:
    """Speakers may be a participant or the narrator (None)."""
    return {p["name"] for p in gold["participants"]} | {None}


def test_the_set_has_eight_transcripts() -> None:
    assert len(GOLD_PATHS) == 8
    assert len(list(DEV2_DIR.glob("*.txt"))) == 8


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=lambda p: p.name)
def test_header_fields(gold_path: Path) -> None:
    gold, text = _load(gold_path)
    assert set(gold) == TOP_LEVEL_KEYS
    assert gold["id"] + ".gold.json" == gold_path.name
    assert gold["source"]["file"] == gold["id"] + ".txt"
    assert gold["source"]["url"].startswith("http://en.kremlin.ru/events/president/news/")
    meeting = gold["meeting"]
    assert text.startswith(meeting["title"] + "\n")
    assert meeting["date"] is None or ISO_DATE.fullmatch(meeting["date"])
    assert meeting["format"] in FORMATS
    assert meeting["date"] in gold["id"]


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=lambda p: p.name)
def test_participants_and_countries(gold_path: Path) -> None:
    gold, _ = _load(gold_path)
    countries = gold["countries"]
    assert countries == sorted(set(countries))
    assert all(COUNTRY_CODE.fullmatch(code) for code in countries)
    assert len(gold["participants"]) >= 2
    for person in gold["participants"]:
        assert person["name"] and person["office"]
        if person["country"] is None:
            assert person.get("organisation")
        else:
            assert COUNTRY_CODE.fullmatch(person["country"])
            assert person["country"] in countries


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=lambda p: p.name)
def test_commitments(gold_path: Path) -> None:
    gold, text = _load(gold_path)
    speakers = _speaker_names(gold)
    for commitment in gold["commitments"]:
        assert set(commitment) == COMMITMENT_KEYS
        assert commitment["type"] in COMMITMENT_TYPES
        assert commitment["status"] in STATUSES
        for side in ("by", "to"):
            assert COUNTRY_CODE.fullmatch(commitment[side])
            assert commitment[side] in gold["countries"]
        assert commitment["by"] != commitment["to"]
        if commitment["type"] not in ITEM_TYPES:
            assert commitment["item"] is None
        assert (commitment["quantity"] is None) == (commitment["unit"] is None)
        assert commitment["speaker"] in speakers
        assert commitment["quote"] in text, commitment["quote"]


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=lambda p: p.name)
def test_figures(gold_path: Path) -> None:
    gold, text = _load(gold_path)
    speakers = _speaker_names(gold)
    for figure in gold["figures"]:
        assert set(figure) == FIGURE_KEYS
        assert isinstance(figure["value"], (int, float)) and figure["value"] > 0
        assert figure["unit"] and figure["about"]
        assert figure["speaker"] in speakers
        assert figure["quote"] in text, figure["quote"]


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=lambda p: p.name)
def test_commitment_quantities_are_also_figures(gold_path: Path) -> None:
    """GOLD-FORMAT: a commitment's quantity is also a figure.

    Written-out small counts ("two units") are the one exception the format
    allows, so quantities below ten are not required among the figures.
    """
    gold, _ = _load(gold_path)
    figures = {(f["value"], f["unit"]) for f in gold["figures"]}
    for commitment in gold["commitments"]:
        if commitment["quantity"] is not None and commitment["quantity"] >= 10:
            assert (commitment["quantity"], commitment["unit"]) in figures
