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
    return softmax([sum(column) for column in zip(*filter(None, map(weights.get, features)))] or [0.0] * width)


def softmax(totals: Sequence[float]) -> list[float]:
    """Each class's probability from its summed log-odds (the largest taken off first, so no exp overflows)."""
    top = max(totals)
    exps = [math.exp(v - top) for v in totals]
    whole = sum(exps)
    return [e / whole for e in exps]


def blend_joint(scores: dict[str, float], weights: Mapping[str, Sequence[float]], features: Sequence[str],
                share: float) -> dict[str, float]:
    """``scores`` (type -> per-type probability, in the model's type order) averaged with the softmax's
    probability of each type, the softmax weighing ``share``."""
    return blend(scores, joint_probabilities(weights, features, len(scores) + 1), share)


def blend(scores: dict[str, float], joint: Sequence[float], share: float) -> dict[str, float]:
    """The per-type ``scores`` averaged with the softmax's ``joint`` probabilities (no act first)."""
    return {t: (1.0 - share) * p + share * q for (t, p), q in zip(scores.items(), joint[1:])}


def blended_scores(types: Sequence[str], totals: Sequence[float], share: float) -> dict[str, float]:
    """Type -> the sigmoid of its per-type sum (``totals[:len(types)]``) blended with the softmax over the
    classes' sums that follow (no act first): :func:`blend` of the sigmoids and :func:`softmax`, without
    the dict of sigmoids between them (a sentence's scores in fewer Python calls)."""
    own_share = 1.0 - share
    return {kind: own_share * sigmoid(v) + share * q
            for kind, v, q in zip(types, totals, softmax(totals[len(types):])[1:])}


def sigmoid(x: float) -> float:
    """The probability of summed log-odds ``x`` (no exp overflows for a large sum of either sign)."""
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def joined_rows(first: Mapping[str, Sequence[float]], second: Mapping[str, Sequence[float]],
                first_width: int, second_width: int) -> dict[str, tuple[float, ...]]:
    """Feature -> its row in ``first`` and its row in ``second`` end to end, zeros where it has none:
    the reader sums the per-type weights and the softmax's (or the network's) in one pass over a sentence."""
    first_zeros, second_zeros = (0.0,) * first_width, (0.0,) * second_width
    # looked up by key only, so in no particular order: sorting the union of 50,000 keys, as this did,
    # took a third of its 0.06 CPU-s, spent by a build worker before its first page
    joined = {k: tuple(row) + second_zeros for k, row in first.items() if k not in second}
    joined.update({k: tuple(first.get(k, first_zeros)) + tuple(row) for k, row in second.items()})
    return joined
