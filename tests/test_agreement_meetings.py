"""The second annotations of meetings (data/annotated/double-meetings) against the first, as the data card
reports them: the ceiling the meeting fields on pages of other genres are read against."""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECOND = ROOT / "data/annotated/double-meetings"
FIRST = ROOT / "data/annotated/extra"
sys.path.insert(0, str(ROOT / "tools"))

from agreement import pairs  # noqa: E402

from kg.eval.scoring import score  # noqa: E402


def test_every_second_annotation_has_a_first_and_says_its_scope():
    names = sorted(p.name for p in SECOND.glob("*.gold.json"))
    sample = json.loads((SECOND / "SAMPLE.json").read_text("utf-8"))
    assert len(names) == 120
    assert sorted(f"{n}.gold.json" for n in sample["with_meeting"] + sample["without"]) == names
    for name in names:
        second = json.loads((SECOND / name).read_text("utf-8"))
        assert second["scope"] == "meeting" and second["commitments"] == [] and second["figures"] == []
        assert (FIRST / name).is_file() and (FIRST / name.replace(".gold.json", ".txt")).is_file()


def test_the_data_card_reports_the_agreement_the_files_give():
    report = score(pairs(FIRST, SECOND), strict=True).as_dict()
    accuracy = report["accuracy"]
    assert (accuracy["meeting.present"]["right"], accuracy["meeting.present"]["total"]) == (115, 120)
    for field in ("date", "city", "format"):
        assert (accuracy[f"meeting.{field}"]["right"], accuracy[f"meeting.{field}"]["total"]) == (76, 80)
    assert round(report["fields"]["participants"]["f1"], 3) == 0.908
    card = (ROOT / "data/annotated/README.md").read_text("utf-8")
    assert "115 of 120" in card and "76 of 80" in card and "0.908" in card
