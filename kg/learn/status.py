"""The status classifier's rows and its fit: which of completed, ongoing, planned or proposed an act is.

One row per gold (sentence, type) of the annotated pages, read as the shipped
reader reads an act (:mod:`kg.extract.learned_status`); a step of
:func:`kg.learn.train.fit`, which keeps the weights it gives, and of
``tools/status_oof.py``, which reads the rows with the fitted model itself.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from kg.extract.learned import SentenceReader, status_features
from kg.extract.learned_status import act_status_features, rule_status_of
from kg.learn import linear
from kg.learn.linear import MIN_FEATURE_COUNT
from kg.learn.pages import PageData
from kg.model import COMMITMENT_TYPES, STATUSES


def status_classifier(rows: Sequence[list[str]], ys: Sequence[int], sample_weight, vocabulary: list[str], c: float):
    """The fitted multinomial regression over status rows and its feature index: ``vocabulary``'s features,
    then the rows' own (every type and cue, others seen often enough) appended to it in place.  Shared with
    ``tools/status_oof.py``, which reads the rows with the fitted model itself."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    index = {f: i for i, f in enumerate(vocabulary)}
    seen = Counter(f for row in rows for f in set(row) if f not in index)
    for feature in sorted(seen):
        if feature.startswith(("type:", "cue:")) or seen[feature] >= MIN_FEATURE_COUNT:
            index[feature] = len(vocabulary)
            vocabulary.append(feature)
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=3000)
    model.fit(linear.matrix(rows, index, len(vocabulary)), np.array(ys), sample_weight=sample_weight)
    return model, index


def status_data(pages: Sequence[PageData], weights: dict[str, tuple[float, ...]]
                ) -> tuple[list[list[str]], list[int], list[float]]:
    """One row per (sentence, type) with a gold status: the sentence's features, its status cues, the type,
    and the act's own status features (:mod:`kg.extract.learned_status`), anchored with ``weights``;
    with each row's status and its page's weight."""
    probe = SentenceReader(types=tuple(COMMITMENT_TYPES), weights=weights, keep={}, propose={})
    rows, ys, row_weight = [], [], []
    for page in pages:
        norm = page.norm
        for candidate, feats, lab in zip(page.candidates, page.features, page.labels):
            cues = status_features(norm, candidate.sentence) if lab else []
            for kind, status in sorted(lab.items()):
                if status not in STATUSES:
                    continue
                anchor = probe.anchor(norm, candidate.sentence, kind)
                rule = rule_status_of(page.doc, norm, candidate.rules, candidate.sentence, kind, anchor)
                rows.append(feats + cues + [f"type:{kind}"]
                            + act_status_features(norm, candidate.sentence, kind, cues, rule, anchor,
                                                  narrator=candidate.utterance.speaker is None))
                ys.append(STATUSES.index(status))
                row_weight.append(page.weight)
    return rows, ys, row_weight
