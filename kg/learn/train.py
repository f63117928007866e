"""Fit the sentence reader on the train split and choose its thresholds on dev.

Steps, each deterministic (sorted inputs, fixed seeds, liblinear with a fixed
``random_state``), so the same data gives the same model file byte for byte:

1. every annotated page is parsed (meeting, participants, countries) and its
   candidate sentences get features and the rules' hits
   (:mod:`kg.extract.learned`);
2. each gold commitment labels the candidate sentence that states it (the
   scorer's same-sentence test, best word overlap first);
3. one logistic regression per type over sentences, and a multinomial status
   classifier over (sentence, type) pairs with a gold status;
4. per type, the ``keep`` and ``propose`` thresholds that give the best strict
   F1 on dev; the status classifier is kept only when it beats the rules'
   status on dev.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Callable, Sequence

from kg.errors import KgError
from kg.extract.commitment_rules import normalise
from kg.extract.learned import (
    FORMAT_VERSION, Candidate, Reading, SentenceReader, candidates, decide, propose_commitment, sentence_features,
)
from kg.extract.commitments import extract_commitments as rule_commitments
from kg.goldjson import _commitment as commitment_json
from kg.learn.corpus import GoldPage
from kg.model import COMMITMENT_TYPES, STATUSES, Commitment, Document
from kg.scoring import Counts, _words, same_sentence, score

PARSE_STAGES = ("meeting", "participants", "countries")
KEEP_GRID = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
PROPOSE_GRID = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: never propose
MIN_FEATURE_COUNT = 2


@dataclass
class PageData:
    """One page ready for training or tuning."""

    name: str
    doc: Document
    gold: dict
    candidates: list[Candidate]
    features: list[list[str]]
    labels: list[dict[str, str]]  # per candidate: type -> gold status of a commitment it states


def prepare(page: GoldPage) -> PageData:
    """Parses a page and labels its candidate sentences from the gold."""
    from kg.pipeline import process
    from kg.reader import read

    transcript = next(read(str(page.text)))
    doc = process(transcript, None, PARSE_STAGES)
    found = candidates(doc, rule_commitments(doc).commitments)
    labels: list[dict[str, str]] = [{} for _ in found]
    texts = [doc.text[c.sentence.start:c.sentence.end] for c in found]
    for commitment in page.gold.get("commitments") or []:
        best = _best_sentence(texts, commitment.get("quote") or "")
        if best is not None and commitment.get("type") in COMMITMENT_TYPES:
            labels[best].setdefault(commitment["type"], commitment.get("status") or "ongoing")
    norm = normalise(doc.text)
    return PageData(page.name, doc, page.gold, found, [sentence_features(doc, c, norm) for c in found], labels)


def _best_sentence(texts: list[str], quote: str) -> int | None:
    words = set(_words(quote))
    best, best_overlap = None, 0.0
    for i, text in enumerate(texts):
        if not same_sentence(text, quote):
            continue
        mine = set(_words(text))
        overlap = len(mine & words) / max(1, len(mine | words))
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


@dataclass
class Fitted:
    """Weights before thresholds are chosen."""

    weights: dict[str, tuple[float, ...]]
    status_weights: dict[str, tuple[float, ...]] | None
    vocabulary_size: int
    positives: dict[str, int] = field(default_factory=dict)


def fit(pages: Sequence[PageData], c: float = 1.0) -> Fitted:
    """One logistic regression per type, and the status classifier."""
    try:
        import numpy as np
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise KgError("training needs scikit-learn: pip install 'irkg[train]'") from exc

    counts: dict[str, int] = {}
    for page in pages:
        for feats in page.features:
            for f in feats:
                counts[f] = counts.get(f, 0) + 1
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT or f == "bias")
    index = {f: i for i, f in enumerate(vocabulary)}

    def matrix(rows: list[list[str]]):
        data, cols, ptr = [], [], [0]
        for feats in rows:
            ids = sorted({index[f] for f in feats if f in index})
            cols.extend(ids)
            data.extend([1.0] * len(ids))
            ptr.append(len(cols))
        return csr_matrix((np.array(data), np.array(cols, dtype=np.int64), np.array(ptr)),
                          shape=(len(rows), len(vocabulary)))

    rows = [feats for page in pages for feats in page.features]
    labels = [lab for page in pages for lab in page.labels]
    x = matrix(rows)
    columns: list[np.ndarray] = []
    positives = {}
    for kind in COMMITMENT_TYPES:
        y = np.array([1 if kind in lab else 0 for lab in labels])
        positives[kind] = int(y.sum())
        if y.sum() == 0 or y.sum() == len(y):  # nothing to learn: a constant score
            constant = np.zeros(len(vocabulary))
            constant[index["bias"]] = -10.0 if y.sum() == 0 else 10.0
            columns.append(constant)
            continue
        model = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=2000)
        model.fit(x, y)
        w = model.coef_[0].copy()
        w[index["bias"]] += model.intercept_[0]
        columns.append(w)
    weights = _rows(vocabulary, np.stack(columns, axis=1))

    status_rows, status_y = [], []
    for page in pages:
        for feats, lab in zip(page.features, page.labels):
            for kind, status in sorted(lab.items()):
                if status in STATUSES:
                    status_rows.append(feats + [f"type:{kind}"])
                    status_y.append(STATUSES.index(status))
    status_weights = None
    if len(set(status_y)) == len(STATUSES):
        for kind in COMMITMENT_TYPES:
            index.setdefault(f"type:{kind}", len(vocabulary))
            if index[f"type:{kind}"] == len(vocabulary):
                vocabulary.append(f"type:{kind}")
        model = LogisticRegression(C=c, solver="lbfgs", max_iter=3000)
        model.fit(matrix(status_rows), np.array(status_y))
        w = model.coef_.T.copy()  # features x statuses
        w[index["bias"]] += model.intercept_
        status_weights = _rows(vocabulary, w)
    return Fitted(weights, status_weights, len(vocabulary), positives)


def _rows(vocabulary: list[str], matrix) -> dict[str, tuple[float, ...]]:
    """Feature -> weights, dropping features whose weights are all negligible."""
    out = {}
    for feature, row in zip(vocabulary, matrix.tolist()):
        if feature == "bias" or max(abs(v) for v in row) >= 1e-4:
            out[feature] = tuple(float(v) for v in row)
    return out


def reader_of(fitted: Fitted, keep: dict[str, float] | None = None, propose: dict[str, float] | None = None,
              with_status: bool = False) -> SentenceReader:
    return SentenceReader(types=COMMITMENT_TYPES, weights=fitted.weights,
                          keep=keep or {k: 0.0 for k in COMMITMENT_TYPES},
                          propose=propose or {k: 1.01 for k in COMMITMENT_TYPES},
                          statuses=STATUSES if with_status else (),
                          status_weights=fitted.status_weights if with_status else None)


@dataclass
class Scored:
    """A page's readings with every type's rule hits and proposal, for threshold search."""

    page: PageData
    readings: list[Reading]
    proposals: list[dict[str, Commitment | None]]


def score_pages(pages: Sequence[PageData], reader: SentenceReader) -> list[Scored]:
    out = []
    for page in pages:
        norm = normalise(page.doc.text)
        readings = [Reading(c, f, reader.scores(f)) for c, f in zip(page.candidates, page.features)]
        proposals = [{kind: (propose_commitment(page.doc, norm, reader, r.candidate, kind)
                             if not any(h.type == kind for h in r.candidate.rules) else None)
                      for kind in COMMITMENT_TYPES} for r in readings]
        out.append(Scored(page, readings, proposals))
    return out


def select(scored: Sequence[Scored], keep: dict[str, float], propose: dict[str, float],
           status: Callable[[Reading, str], str | None] | None = None) -> list[tuple[str, dict, dict]]:
    """(name, found, gold) items for the scorer, commitments only, at these thresholds."""
    items = []
    for s in scored:
        found = []
        for reading, proposals in zip(s.readings, s.proposals):
            for kind in COMMITMENT_TYPES:
                chosen = decide(reading, kind, keep[kind], propose[kind], lambda: proposals[kind])
                new_status = status(reading, kind) if status and chosen else None
                for c in chosen:
                    entry = commitment_json(s.page.doc, c)
                    if new_status:
                        entry["status"] = new_status
                    found.append(entry)
        items.append((s.page.name, {"commitments": found},
                      {"commitments": s.page.gold.get("commitments") or []}))
    return items


def commitment_counts(items) -> dict[str, Counts]:
    report = score(items)
    return {name: c for name, c in report.counts.items() if name.startswith("commitments")}


def tune(fitted: Fitted, dev: Sequence[PageData]) -> tuple[SentenceReader, dict]:
    """Per-type thresholds with the best strict F1 on dev, and whether the status model beats the rules."""
    reader = reader_of(fitted, with_status=True)
    scored = score_pages(dev, reader)
    keep = {k: 0.0 for k in COMMITMENT_TYPES}
    propose = {k: 1.01 for k in COMMITMENT_TYPES}
    report: dict = {"types": {}}
    for kind in COMMITMENT_TYPES:
        best = (-1.0, 0.0, 1.01)
        for k in KEEP_GRID:
            for p in PROPOSE_GRID:
                counts = commitment_counts(select(scored, {**keep, kind: k}, {**propose, kind: p}))
                f1 = counts[f"commitments.{kind}"].f1
                if f1 > best[0] + 1e-9:
                    best = (f1, k, p)
        keep[kind], propose[kind] = best[1], best[2]
        report["types"][kind] = {"dev_f1": round(best[0], 4), "keep": best[1], "propose": best[2]}
    rules_status = score(select(scored, keep, propose)).accuracy["commitments.status"]
    model_status = score(select(scored, keep, propose,
                                lambda r, k: reader.status(r.features, k))).accuracy["commitments.status"]
    use_status = fitted.status_weights is not None and model_status.value > rules_status.value
    total = score(select(scored, keep, propose, (lambda r, k: reader.status(r.features, k)) if use_status else None))
    report.update(dev_f1=round(total.counts["commitments"].f1, 4),
                  dev_status_rules=round(rules_status.value, 4), dev_status_model=round(model_status.value, 4),
                  status_from="model" if use_status else "rules")
    return reader_of(fitted, keep, propose, with_status=use_status), report


def train(train_pages: Sequence[GoldPage], dev_pages: Sequence[GoldPage], *, c: float = 1.0,
          fraction: float = 1.0, seed: int = 0,
          progress: Callable[[str], None] | None = None) -> tuple[SentenceReader, dict]:
    """The whole recipe: prepare, fit on (a seeded ``fraction`` of) train, tune on dev."""
    note = progress or (lambda message: None)
    chosen = sorted(train_pages, key=lambda p: p.name)
    if fraction < 1.0:
        chosen = sorted(random.Random(seed).sample(chosen, max(1, round(len(chosen) * fraction))),
                        key=lambda p: p.name)
    note(f"preparing {len(chosen)} train and {len(dev_pages)} dev pages")
    train_data = [prepare(p) for p in chosen]
    dev_data = [prepare(p) for p in sorted(dev_pages, key=lambda p: p.name)]
    note("fitting")
    fitted = fit(train_data, c)
    note("choosing thresholds on dev")
    reader, report = tune(fitted, dev_data)
    report.update(train_pages=len(train_data), dev_pages=len(dev_data), features=len(fitted.weights),
                  train_positives=fitted.positives, c=c, fraction=fraction, format=FORMAT_VERSION)
    return reader, report
