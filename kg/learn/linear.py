"""Logistic regressions over string features: the vocabulary, the sparse 0/1 matrix, the fit.

The reader's sentence types, its pair ranker and its figure filter (:mod:`kg.learn.train`)
are each a logistic regression over lists of feature strings.  They share these steps, so
the same rows give the same matrix, and liblinear with a fixed ``random_state`` the same
weights, byte for byte.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from kg.errors import KgError

MIN_FEATURE_COUNT = 3  # features seen fewer times are left out of the vocabulary (the whole recipe's)


def require_sklearn() -> None:
    """Raise a :class:`KgError` that says how to install the training extras, when they are missing."""
    try:
        for module in ("numpy", "scipy.sparse", "sklearn.linear_model"):
            importlib.import_module(module)
    except ImportError as exc:
        raise KgError("training needs scikit-learn: pip install 'irkg[train]'") from exc


def vocabulary(rows: Sequence[Sequence[str]], min_count: int = 1) -> list[str]:
    """Sorted features seen at least ``min_count`` times (each occurrence counts); "bias" always."""
    counts: dict[str, int] = {}
    for row in rows:
        for feature in row:
            counts[feature] = counts.get(feature, 0) + 1
    return sorted(f for f, n in counts.items() if n >= min_count or f == "bias")


def matrix(rows: Sequence[Sequence[str]], index: dict[str, int], width: int):
    """A ``len(rows) x width`` CSR matrix with a 1.0 where a row has an indexed feature."""
    import numpy as np
    from scipy.sparse import csr_matrix

    data: list[float] = []
    cols: list[int] = []
    ptr = [0]
    for row in rows:
        ids = sorted({index[f] for f in row if f in index})
        cols.extend(ids)
        data.extend([1.0] * len(ids))
        ptr.append(len(cols))
    return csr_matrix((np.array(data), np.array(cols, dtype=np.int64), np.array(ptr)), shape=(len(rows), width))


def fit_binary(x, y, c: float, weight=None):
    """A liblinear logistic regression of 0/1 labels ``y`` on ``x`` (deterministic: fixed ``random_state``);
    ``weight``, one per row, lets a teacher's labels (:mod:`kg.learn.pseudo`) or another genre's pages
    (:mod:`kg.learn.extra`) count for less than gold of train."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=2000)
    model.fit(x, y, sample_weight=weight)
    return model


def binary_weights(rows: Sequence[Sequence[str]], labels: Sequence[int], c: float,
                   min_count: int = 1, weight=None) -> dict[str, float] | None:
    """Feature -> weight (``bias`` holding the intercept) of one binary model; None with one class only.

    Weights under 1e-4 are dropped: they change no decision and would only grow the model file.
    ``weight``: each row's sample weight (None: all count one; :func:`kg.learn.extra.row_weights`).
    """
    import numpy as np

    if len(set(labels)) < 2:
        return None
    features = vocabulary(rows, min_count)
    index = {f: i for i, f in enumerate(features)}
    model = fit_binary(matrix(rows, index, len(features)), np.array(labels), c, weight)
    weights = {f: float(w) for f, w in zip(features, model.coef_[0].tolist()) if abs(w) >= 1e-4}
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    return weights
