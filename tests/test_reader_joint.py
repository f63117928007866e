"""The softmax over the types blended into the sentence scores: its arithmetic, its file and its fit."""

from __future__ import annotations

import math

import pytest

from kg.errors import KgError
from kg.extract.learned import SentenceReader, load_reader
from kg.extract.learned_joint import blend_joint
from kg.extract.reader_json import model_to_json


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def reader(share: float = 0.5) -> SentenceReader:
    # classes: no act, Supply, Cooperation; "deliveries" pulls towards Supply and away from Cooperation
    return SentenceReader(types=("Supply", "Cooperation"), weights={"bias": (-1.0, 0.5), "w:deliveries": (1.0, 0.5)},
                          keep={"Supply": 0.5, "Cooperation": 0.5}, propose={"Supply": 0.9, "Cooperation": 0.9},
                          joint={"bias": (1.0, 0.0, 0.5), "w:deliveries": (0.0, 2.0, -1.0)}, joint_blend=share)


def softmax(values: list[float]) -> list[float]:
    exps = [math.exp(v) for v in values]
    return [e / sum(exps) for e in exps]


def test_the_types_compete_in_the_softmax_and_it_is_blended_with_the_per_type_probability():
    scores = reader().scores(["bias", "w:deliveries"])
    _, supply, cooperation = softmax([1.0, 2.0, -0.5])
    assert scores["Supply"] == pytest.approx(0.5 * sigmoid(0.0) + 0.5 * supply)
    assert scores["Cooperation"] == pytest.approx(0.5 * sigmoid(1.0) + 0.5 * cooperation)
    # the per-type model alone ranks Cooperation first; with the softmax, Supply wins
    assert reader(0.0).scores(["bias", "w:deliveries"])["Cooperation"] > reader(0.0).scores(
        ["bias", "w:deliveries"])["Supply"]
    assert scores["Supply"] > scores["Cooperation"]


@pytest.mark.parametrize("features", [["bias", "w:deliveries"], ["w:deliveries", "w:unknown"], [], ["w:only-joint"]])
def test_the_one_pass_sum_is_the_two_lookups_to_the_bit(features):
    # the reader's hot path sums the per-type and the softmax rows in one lookup per feature
    # (_linear_and_joint); it must give exactly what the per-type scores blended with the softmax give
    model = SentenceReader(**{**reader().__dict__, "joint": {**reader().joint, "w:only-joint": (0.5, -0.5, 1.5)}})
    assert model.scores(features) == blend_joint(model._linear(features), model.joint, features, model.joint_blend)


def test_without_a_softmax_the_scores_are_the_per_type_ones():
    plain = SentenceReader(types=("Supply", "Cooperation"), weights=reader().weights, keep={}, propose={})
    assert plain.scores(["bias"]) == pytest.approx({"Supply": sigmoid(-1.0), "Cooperation": sigmoid(0.5)})


def test_the_softmax_survives_the_model_file_and_a_wrong_shape_is_refused(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(model_to_json(reader(), {}), "utf-8")
    loaded = load_reader(path)
    assert loaded.joint_blend == 0.5
    assert loaded.scores(["bias", "w:deliveries"]) == pytest.approx(reader().scores(["bias", "w:deliveries"]))
    bad = SentenceReader(**{**reader().__dict__, "joint": {"bias": (1.0, 0.0)}})  # one class short
    path.write_text(model_to_json(bad, {}), "utf-8")
    with pytest.raises(KgError, match="do not fit"):
        load_reader(path)


def test_the_fit_gives_a_row_per_class_and_learns_which_type_a_sentence_states():
    pytest.importorskip("sklearn")
    from kg.learn.joint import fit_joint

    types = ["Supply", "Cooperation"]
    rows = [["bias", "w:deliver"]] * 20 + [["bias", "w:together"]] * 20 + [["bias", "w:weather"]] * 40 \
        + [["bias", "w:deliver", "w:together"]] * 4
    labels = [{"Supply": "completed"}] * 20 + [{"Cooperation": "ongoing"}] * 20 + [{}] * 40 \
        + [{"Supply": "planned", "Cooperation": "planned"}] * 4
    weights = fit_joint(rows, labels, types, ["bias", "w:deliver", "w:together", "w:weather"], 1.0)
    assert all(len(row) == 3 for row in weights.values())
    probe = SentenceReader(types=tuple(types), weights={"bias": (0.0, 0.0)}, keep={}, propose={},
                           joint=weights, joint_blend=1.0)
    assert max(probe.scores(["bias", "w:deliver"]).items(), key=lambda kv: kv[1])[0] == "Supply"
    assert max(probe.scores(["bias", "w:together"]).items(), key=lambda kv: kv[1])[0] == "Cooperation"
    assert sum(probe.scores(["bias", "w:weather"]).values()) < 0.2  # no act
    two = fit_joint(rows[:20] + rows[40:60], labels[:20] + labels[40:60], types,
                    ["bias", "w:deliver", "w:weather"], 1.0)  # Supply and no act only: scikit-learn's binary case
    assert all(len(row) == 3 for row in two.values()) and two["bias"][2] < -10  # Cooperation never seen
    assert fit_joint(rows[:20], labels[:20], types, ["bias", "w:deliver"], 1.0) is None  # one class: nothing to learn
