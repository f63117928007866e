"""The softmax over "no act" and the types, blended into the per-type sentence scores.

Trained by :mod:`kg.learn.joint`; here only its arithmetic, in plain Python
like the rest of the reader: the classes' sums over the sentence's features,
a softmax, and a weighted average with the per-type probabilities.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def joint_probabilities(weights: Mapping[str, Sequence[float]], features: Sequence[str], width: int) -> list[float]:
    """The softmax probability of each class (no act first, then the types) for a sentence's features."""
    totals = [sum(column) for column in zip(*filter(None, map(weights.get, features)))] or [0.0] * width
    top = max(totals)
    exps = [math.exp(v - top) for v in totals]
    whole = sum(exps)
    return [e / whole for e in exps]


def blend_joint(scores: dict[str, float], weights: Mapping[str, Sequence[float]], features: Sequence[str],
                share: float) -> dict[str, float]:
    """``scores`` (type -> per-type probability, in the model's type order) averaged with the softmax's
    probability of each type, the softmax weighing ``share``."""
    joint = joint_probabilities(weights, features, len(scores) + 1)
    return {t: (1.0 - share) * p + share * q for (t, p), q in zip(scores.items(), joint[1:])}
