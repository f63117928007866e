"""Structural checks on the hand-written gold files of the dev2 and dev3 sets.

Gold files are typed by hand, so slips are easy: a quote retyped with a plain
space where the page has a non-breaking one, a status spelled "complete", an
unsorted country list, a commitment aimed at a country the file never lists.
Scoring would then silently miss matches. These checks read only the JSON and
the transcripts and never run the extractor, so the gold stays independent of
what the tool finds. They run over both hand-made sets, so a third set cannot
drift from the conventions of the second.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

DATA_DIR = Path(__file__).parent / "data"
EXPECTED_SIZES = {"dev2": 8, "dev3": 10}
GOLD_PATHS = sorted(
    path for set_name in EXPECTED_SIZES for path in (DATA_DIR / set_name).glob("*.gold.json")
)

COMMITMENT_TYPES = {"Supply", "JointProduction", "Investment", "Visit", "Agreement", "Cooperation"}
STATUSES = {"completed", "ongoing", "planned", "proposed"}
FORMATS = {"in_person", "phone", "video"}
ITEM_TYPES = {"Supply", "JointProduction"}
COUNTRY_CODE = re.compile(r"[A-Z]{3}")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TOP_LEVEL_KEYS = {"id", "source", "meeting", "participants", "countries", "commitments", "figures"}
MEETING_KEYS = {"title", "date", "city", "venue", "format"}
COMMITMENT_KEYS = {"type", "by", "to", "item", "quantity", "unit", "status", "speaker", "quote"}
FIGURE_KEYS = {"value", "unit", "about", "speaker", "quote"}


def _gold_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _load(gold_path: Path) -> tuple[dict[str, Any], str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (gold_path.parent / gold["source"]["file"]).read_text(encoding="utf-8")
    return gold, text


def _speaker_names(gold: dict[str, Any]) -> set[str | None]:
    """Speakers may be a participant or the narrator (None)."""
    return {p["name"] for p in gold["participants"]} | {None}


@pytest.mark.parametrize("set_name", sorted(EXPECTED_SIZES))
def test_each_set_has_its_transcripts_and_a_readme(set_name: str) -> None:
    set_dir = DATA_DIR / set_name
    golds = sorted(p.name.removesuffix(".gold.json") for p in set_dir.glob("*.gold.json"))
    texts = sorted(p.stem for p in set_dir.glob("*.txt"))
    assert len(golds) == EXPECTED_SIZES[set_name]
    assert golds == texts
    assert (set_dir / "README.md").is_file()


def test_no_transcript_is_shared_between_sets() -> None:
    """A page in two sets would count twice and leak tuning into the check."""
    seen: dict[str, str] = {}
    for path in sorted(DATA_DIR.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        assert text not in seen, f"{path} repeats {seen.get(text)}"
        seen[text] = str(path)


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=_gold_id)
def test_header_fields(gold_path: Path) -> None:
    gold, text = _load(gold_path)
    assert set(gold) == TOP_LEVEL_KEYS
    assert gold["id"] + ".gold.json" == gold_path.name
    assert gold["source"]["file"] == gold["id"] + ".txt"
    assert gold["source"]["url"].startswith("http://en.kremlin.ru/events/president/news/")
    meeting = gold["meeting"]
    assert set(meeting) == MEETING_KEYS
    assert text.startswith(meeting["title"] + "\n")
    assert meeting["date"] is None or ISO_DATE.fullmatch(meeting["date"])
    assert meeting["date"] in gold["id"]
    assert meeting["format"] in FORMATS
    if meeting["format"] == "phone":
        assert meeting["city"] is None


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=_gold_id)
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


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=_gold_id)
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


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=_gold_id)
def test_figures(gold_path: Path) -> None:
    gold, text = _load(gold_path)
    speakers = _speaker_names(gold)
    for figure in gold["figures"]:
        assert set(figure) == FIGURE_KEYS
        assert isinstance(figure["value"], (int, float)) and figure["value"] > 0
        assert figure["unit"] and figure["about"]
        assert figure["speaker"] in speakers
        assert figure["quote"] in text, figure["quote"]


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=_gold_id)
def test_quotes_are_whole_sentences(gold_path: Path) -> None:
    """A quote is the sentence that states the fact, not a fragment of it."""
    gold, text = _load(gold_path)
    for entry in gold["commitments"] + gold["figures"]:
        quote = entry["quote"]
        assert quote == quote.strip()
        start = text.index(quote)
        assert start == 0 or text[start - 1] in " \u00a0\n“‘\"(", quote
        assert quote[-1] in ".!?…:”’)]", quote


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=_gold_id)
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
