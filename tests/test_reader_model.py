"""The trained sentence reader: the shipped model, its decisions over the rules, its file format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.extract.learned import (
    SentenceReader, load_reader, read_commitments, shipped_reader,
)
from kg.extract.reader_json import model_to_json
from kg.model import COMMITMENT_TYPES, STATUSES
from kg.inputs.reader import transcript_from_text
from kg.extract.pipeline import pipeline_for, process

DEV = Path(__file__).resolve().parent / "data" / "dev"


def _doc(text: str, name: str = "t.txt"):
    return process(transcript_from_text(text, name), None, ("meeting", "participants", "countries"))


def test_the_shipped_model_loads_and_covers_every_type():
    reader = shipped_reader()
    assert reader.types == COMMITMENT_TYPES
    assert set(reader.keep) == set(reader.propose) == set(COMMITMENT_TYPES)
    assert all(0.0 <= reader.keep[t] <= 1.01 and 0.0 <= reader.propose[t] <= 1.01 for t in COMMITMENT_TYPES)
    assert "bias" in reader.weights and len(reader.weights) > 1000
    assert not reader.status_weights or reader.statuses == STATUSES


def test_the_model_scores_a_supply_sentence_above_small_talk():
    reader = shipped_reader()
    supply = reader.scores(["bias", "w:supply", "w:deliver", "w:gas", "w:tonnes", "r:Supply", "spk:leader"])
    thanks = reader.scores(["bias", "w:thank", "w:you", "w:for", "w:coming", "spk:leader"])
    assert supply["Supply"] > thanks["Supply"]


def _tiny(keep: float, propose: float) -> SentenceReader:
    """A hand-made model: 'deliver' means Supply, nothing else counts."""
    weights = {"bias": tuple(-4.0 for _ in COMMITMENT_TYPES),
               "w:deliver": tuple(8.0 if t == "Supply" else 0.0 for t in COMMITMENT_TYPES)}
    return SentenceReader(types=COMMITMENT_TYPES, weights=weights,
                          keep={t: keep for t in COMMITMENT_TYPES}, propose={t: propose for t in COMMITMENT_TYPES})


TEXT = ("Meeting with President of Serbia Aleksandar Vucic\n\nJune 23, 2020, The Kremlin, Moscow\n\n"
        "President of Russia Vladimir Putin: Mr President, friends, we will deliver fertiliser to Serbia. "
        "We are glad to see you.\n")


def test_a_confident_sentence_the_rules_missed_is_proposed_with_the_rules_parts():
    doc = _doc(TEXT)
    found = read_commitments(doc, _tiny(keep=0.0, propose=0.5))
    supplies = [c for c in found if c.type == "Supply"]
    assert len(supplies) == 1
    assert (supplies[0].by, supplies[0].to) == ("RUS", "SRB")
    assert doc.quote(supplies[0].span).startswith("Mr President, friends, we will deliver")
    assert supplies[0].status == "planned"


def test_thresholds_veto_and_propose():
    doc = _doc(TEXT)
    rules = [c for c in process(transcript_from_text(TEXT, "t.txt"), None, pipeline_for("rules")).commitments
             if c.type == "Supply"]
    kept = [c for c in read_commitments(doc, _tiny(keep=0.0, propose=1.01)) if c.type == "Supply"]
    def key(c):
        return (c.type, c.by, c.to, c.span, c.status, c.item)

    assert [key(c) for c in kept] == [key(c) for c in rules]  # keep 0, never propose: the rules' own hits
    vetoing = _tiny(keep=1.01, propose=1.01)  # nothing passes
    assert read_commitments(doc, vetoing) == ()


def test_model_file_round_trip_is_byte_stable(tmp_path):
    reader = _tiny(0.1, 0.6)
    text = model_to_json(reader, {"note": "test"})
    path = tmp_path / "m.json"
    path.write_text(text, "utf-8")
    again = load_reader(path)
    assert again.weights == {k: tuple(round(w, 5) for w in v) for k, v in reader.weights.items()}
    assert model_to_json(again, {"note": "test"}) == text


def test_a_bad_model_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(KgError, match="bad.json: not a reader model"):
        load_reader(bad)
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"format": 0}), "utf-8")
    with pytest.raises(KgError, match="retrain"):
        load_reader(old)


def test_both_readers_run_in_the_pipeline_and_can_differ():
    rules = model = 0
    for path in sorted(DEV.glob("*.txt")):
        transcript = transcript_from_text(path.read_text("utf-8"), path.name)
        rules += len(process(transcript, None, pipeline_for("rules")).commitments)
        model += len(process(transcript, None, pipeline_for("model")).commitments)
    assert rules > 0 and model > 0
    with pytest.raises(KgError, match="unknown reader"):
        pipeline_for("oracle")


def test_cli_reader_option_and_model_file(tmp_path, restore_model):
    from kg.cli import main

    path = tmp_path / "m.json"
    path.write_text(model_to_json(_tiny(1.01, 1.01), {}), "utf-8")  # a model that vetoes everything
    out = tmp_path / "out.json"
    assert main(["extract", str(DEV / "kremlin-2021-07-20-azerbaijan.txt"), "-f", "json", "--model", str(path),
                 "-o", str(out)]) == 0
    assert json.loads(out.read_text())["commitments"] == []
    assert main(["extract", str(DEV / "kremlin-2021-07-20-azerbaijan.txt"), "-f", "json", "--reader", "rules",
                 "-o", str(out)]) == 0
    assert json.loads(out.read_text())["commitments"]


def test_the_model_loads_from_the_installed_package_outside_the_checkout(tmp_path):
    code = ("from kg.extract.learned import shipped_reader; r = shipped_reader(); "
            "print(len(r.types), r.version)")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    count, version = done.stdout.split()
    assert int(count) == len(COMMITMENT_TYPES) and len(version) == 16
