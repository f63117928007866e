"""A one-hidden-layer network over the sentence features, blended with the linear scores.

Six logistic regressions see each feature alone; a hidden layer of a few
dozen units sees them together ("agreed" with "will supply" is not "agreed"
plus "supply").  Alone it reads slightly worse than the linear models out of
fold (its recall drops), but the average of the two probabilities reads
better than either (docs/model-card.md), so the reader keeps both and blends.

Fitted with scikit-learn (fixed ``random_state``, sorted inputs, so the same
rows give the same weights) and shipped as plain numbers in the model file:
one row of ``HIDDEN`` weights per feature (the ``bias`` feature, which every
sentence has, carries the hidden layer's intercepts) and one row of output
weights per hidden unit plus one of output intercepts
(:meth:`kg.extract.learned.SentenceReader.scores`).
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.learn import linear

HIDDEN = 32  # hidden units
ALPHA = 1e-3  # L2 penalty
EPOCHS = 10  # passes over the train sentences (adam, batches of 512)
BLEND = 0.5  # the network's share of a sentence's probability
PRUNE = 0.02  # feature rows whose weights are all under this are dropped; at 0.08 a third of the rows stay,
#               but half the out-of-fold gain goes (OOF F1 0.5163 against 0.5189; docs/model-card.md)
DIGITS = 4  # weights are rounded so that the file stays small and its bytes stable


def fit_hidden(rows: Sequence[Sequence[str]], labels: Sequence[Sequence[int]], vocabulary: list[str], weight=None
               ) -> tuple[dict[str, tuple[float, ...]], tuple[tuple[float, ...], ...]]:
    """The network's feature rows (feature -> one weight per hidden unit) and its output rows
    (one per hidden unit, then the intercepts; one column per label); ``weight``, each row's sample
    weight (None: one each, :func:`kg.learn.extra.row_weights`)."""
    import numpy as np
    from sklearn.neural_network import MLPClassifier

    index = {f: i for i, f in enumerate(vocabulary)}
    model = MLPClassifier(hidden_layer_sizes=(HIDDEN,), alpha=ALPHA, batch_size=512, max_iter=EPOCHS,
                          random_state=0, learning_rate_init=1e-3, shuffle=True)
    import warnings
    with warnings.catch_warnings():  # ten epochs is the choice, not a failure to converge
        warnings.simplefilter("ignore")
        model.fit(linear.matrix(rows, index, len(vocabulary)), np.array(labels), sample_weight=weight)
    first = model.coefs_[0].copy()
    first[index["bias"]] += model.intercepts_[0]
    hidden = {}
    for feature, row in zip(vocabulary, first.tolist()):
        if feature == "bias" or max(abs(v) for v in row) >= PRUNE:
            hidden[feature] = tuple(round(v, DIGITS) for v in row)
    output = [tuple(round(v, DIGITS) for v in row) for row in model.coefs_[1].tolist()]
    output.append(tuple(round(v, DIGITS) for v in model.intercepts_[1].tolist()))
    return hidden, tuple(output)
