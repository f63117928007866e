"""The hidden-layer network blended into the sentence scores: its arithmetic and its file."""

from __future__ import annotations

import math

import pytest

from kg.errors import KgError
from kg.extract.learned import SentenceReader, load_reader
from kg.extract.reader_json import model_to_json


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def reader(blend: float = 0.5) -> SentenceReader:
    # two hidden units, two types; the bias row carries the units' intercepts
    return SentenceReader(types=("Supply", "Visit"), weights={"bias": (-1.0, 0.0), "w:gas": (2.0, -1.0)},
                          keep={"Supply": 0.5, "Visit": 0.5}, propose={"Supply": 0.9, "Visit": 0.9},
                          hidden={"bias": (0.5, -0.5), "w:gas": (1.0, 0.25), "w:visit": (-2.0, 3.0)},
                          hidden_out=((2.0, -1.0), (-1.0, 4.0), (0.1, -0.2)), blend=blend)


def test_the_network_is_rectified_and_blended_with_the_linear_probability():
    scores = reader().scores(["bias", "w:gas"])
    # units: 1.5 and -0.25 -> 1.5 and 0 after the rectifier; output 0.1 + 1.5 * 2, -0.2 + 1.5 * -1
    assert scores["Supply"] == pytest.approx(0.5 * sigmoid(1.0) + 0.5 * sigmoid(3.1))
    assert scores["Visit"] == pytest.approx(0.5 * sigmoid(-1.0) + 0.5 * sigmoid(-1.7))
    visit = reader().scores(["bias", "w:visit"])  # units -1.5 (off) and 2.5
    assert visit["Visit"] == pytest.approx(0.5 * sigmoid(0.0) + 0.5 * sigmoid(-0.2 + 2.5 * 4.0))


def test_without_a_network_the_scores_are_the_linear_ones():
    plain = SentenceReader(types=("Supply", "Visit"), weights={"bias": (-1.0, 0.0)}, keep={}, propose={})
    assert plain.scores(["bias"])["Supply"] == pytest.approx(sigmoid(-1.0))
    assert reader(blend=0.0).scores(["bias"])["Supply"] == pytest.approx(sigmoid(-1.0))


def test_the_network_survives_the_model_file(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(model_to_json(reader(), {}), "utf-8")
    loaded = load_reader(path)
    assert loaded.hidden_out == reader().hidden_out and loaded.blend == 0.5
    assert loaded.scores(["bias", "w:gas", "w:visit"]) == pytest.approx(reader().scores(["bias", "w:gas", "w:visit"]))


def test_a_network_of_the_wrong_shape_is_refused(tmp_path):
    path = tmp_path / "model.json"
    bad = reader().__class__(**{**reader().__dict__, "hidden_out": ((2.0, -1.0), (0.1, -0.2))})  # one unit short
    path.write_text(model_to_json(bad, {}), "utf-8")
    with pytest.raises(KgError, match="do not fit"):
        load_reader(path)
