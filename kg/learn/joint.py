"""One softmax over "no act" and the six types, blended with the six per-type regressions.

Each per-type regression learns its type against every other sentence, so a
sentence about gas deliveries teaches Supply "yes" and Cooperation "no" only
when the annotator left Cooperation out; nothing makes the types compete.
A multinomial regression over seven classes (no act, then one per type) does:
raising one type's probability lowers the others'.  Its probabilities are
blended with the per-type ones (:meth:`kg.extract.learned.SentenceReader.scores`),
because a sentence may state two acts of different types (about one positive
sentence in twenty-five on train), which a softmax alone cannot say.

A sentence with several gold types gives one row per type, each weighted by
one over their number, so every sentence weighs the same.  Out of fold on
train the blend at one half raised strict F1 by +0.005 (95% interval
+0.001..+0.009), see docs/model-card.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.learn import linear

BLEND = 0.5  # the softmax's share of a sentence's per-type probability
PRUNE = 0.03  # feature rows whose weights are all under this are dropped (as the per-type rows)
NONE = "none"  # the first class: the sentence states no act


def fit_joint(rows: Sequence[Sequence[str]], labels: Sequence[Sequence[str]], types: Sequence[str],
              vocabulary: list[str], c: float, row_weight: Sequence[float] | None = None
              ) -> dict[str, tuple[float, ...]] | None:
    """Feature -> one weight per class (no act, then ``types`` in order), the ``bias`` row holding the
    intercepts; None when the rows hold fewer than two classes.  ``row_weight``: what each sentence
    counts (:mod:`kg.learn.extra`; None: one each)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    picked, classes, weights = [], [], []
    for r, label in enumerate(labels):
        kinds = [k for k in types if k in label]
        for kind in kinds or [NONE]:
            picked.append(r)
            classes.append(0 if kind == NONE else 1 + list(types).index(kind))
            weights.append((1.0 if row_weight is None else row_weight[r]) / max(1, len(kinds)))
    if len(set(classes)) < 2:
        return None
    index = {f: i for i, f in enumerate(vocabulary)}
    x = linear.matrix([rows[r] for r in picked], index, len(vocabulary))
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=3000)
    model.fit(x, np.array(classes), sample_weight=np.array(weights))
    coef, intercept = model.coef_, model.intercept_
    if coef.shape[0] == 1:  # two classes: scikit-learn keeps one row, the second class's log-odds
        coef, intercept = np.vstack([np.zeros_like(coef[0]), coef[0]]), np.array([0.0, intercept[0]])
    full = np.zeros((len(vocabulary), len(types) + 1))
    full[:, model.classes_] = coef.T  # a class absent from the rows keeps zero weights
    full[index["bias"], model.classes_] += intercept
    if len(model.classes_) < len(types) + 1:
        missing = [i for i in range(len(types) + 1) if i not in set(model.classes_.tolist())]
        full[index["bias"], missing] = -30.0  # never seen: never chosen
    out = {}
    for feature, row in zip(vocabulary, full.tolist()):
        if feature == "bias" or max(abs(v) for v in row) >= PRUNE:
            out[feature] = tuple(float(v) for v in row)
    return out
