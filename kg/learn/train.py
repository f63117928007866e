"""Fit the sentence reader on the train split and choose its thresholds out of fold on train and on dev.

Steps, each deterministic (sorted inputs, fixed seeds, liblinear with a fixed
``random_state``), so the same data gives the same model file byte for byte:

1. every annotated page is parsed (meeting, participants, countries) and its
   candidate sentences get features and the rules' hits
   (:mod:`kg.extract.learned`), in :mod:`kg.learn.pages`;
2. each gold commitment labels the candidate sentence that states it (the
   scorer's same-sentence test, best word overlap first), there too;
3. one logistic regression per type over sentences, and a multinomial status
   classifier over (sentence, type) pairs with a gold status (the sentence's
   features and the act's own, :mod:`kg.extract.learned_status`);
4. per type, the ``keep`` and ``propose`` thresholds that give the best strict
   F1 five-fold out of fold on train (:mod:`kg.learn.folds`; on dev with
   ``thresholds="dev"``), the ranker's two thresholds that do best on dev;
   the status classifier is kept only when it beats the rules' status on dev.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field, replace
from typing import Callable, Sequence

from kg.learn import folds, hidden, joint, linear, pseudo, tuning
from kg.learn.extra import ExtraUse, for_other_models, row_weights, status_only, tunes, weighted
from kg.learn.figures import FIGURE_C, fit_figures, tune_figures
from kg.learn.linear import MIN_FEATURE_COUNT, binary_weights, require_sklearn
from kg.extract.learned import (
    FORMAT_VERSION, Reading, SentenceReader, act_status, apply_parties, decide, propose_commitment, rank_pairs,
    two_sided_acts,
)
from kg.extract.party_group import lone_country
from kg.extract.learned_parties import candidate_pairs, pair_context, pair_features, same_pair
from kg.eval.goldjson import _commitment as commitment_json
from kg.learn.corpus import GoldPage
from kg.learn.pages import PageData, prepare
from kg.learn.status import status_classifier, status_data
from kg.learn.pseudo import Lessons, Taught
from kg.model import COMMITMENT_TYPES, STATUSES, Commitment
from kg.eval.scoring import Counts, score

KEEP_GRID = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
PROPOSE_GRID = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: never propose
PRUNE = 0.03  # weights below this (in every column) are dropped: a smaller file, the same decisions on dev


@dataclass
class Fitted:
    """Weights before thresholds are chosen."""

    weights: dict[str, tuple[float, ...]]
    status_weights: dict[str, tuple[float, ...]] | None
    vocabulary_size: int
    positives: dict[str, int] = field(default_factory=dict)
    hidden: dict[str, tuple[float, ...]] | None = None  # the network blended with the linear scores
    hidden_out: tuple[tuple[float, ...], ...] = ()
    joint: dict[str, tuple[float, ...]] | None = None  # the softmax over no act and the types (kg.learn.joint)


def fit(pages: Sequence[PageData], c: float = 1.0, with_status: bool = True, network: bool = True,
        types_jointly: bool = True, taught: Sequence[Taught] = (), taught_weight: float = 1.0,
        status_pages: Sequence[PageData] | None = None) -> Fitted:
    """One logistic regression per type, the hidden-layer network blended with them (unless not
    ``network``, :mod:`kg.learn.hidden`), the softmax over the types (unless not ``types_jointly``,
    :mod:`kg.learn.joint`), and the status classifier (unless not ``with_status``: the out-of-fold
    readers need no status, which never decides a match), fitted on ``status_pages`` (default ``pages``);
    ``taught``, unlabeled sentences with a teacher's sure labels (:mod:`kg.learn.pseudo`), join the
    sentence models, each counting ``taught_weight`` of a gold sentence.  A page's rows count its
    ``weight`` in every model (:mod:`kg.learn.extra`)."""
    require_sklearn()
    import numpy as np

    rows = [feats for page in pages for feats in page.features]
    labels = [lab for page in pages for lab in page.labels]
    row_weight = [page.weight for page in pages for _ in page.features]
    sample = row_weights(row_weight)  # None when all count one: the unweighted fit, bit for bit
    vocabulary = linear.vocabulary(rows + [t.features for t in taught], MIN_FEATURE_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    x = linear.matrix(rows + [t.features for t in taught], index, len(vocabulary))
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
        model = pseudo.fit_type(x, y, kind, taught, taught_weight, c, sample)
        w = model.coef_[0].copy()
        w[index["bias"]] += model.intercept_[0]
        columns.append(w)
    weights = _rows(vocabulary, np.stack(columns, axis=1))
    net, net_out = (hidden.fit_hidden(rows, [[1 if k in lab else 0 for k in COMMITMENT_TYPES] for lab in labels],
                                      vocabulary, sample) if network else (None, ()))
    softmax = (joint.fit_joint(rows, labels, list(COMMITMENT_TYPES), vocabulary, c,
                               None if sample is None else row_weight) if types_jointly else None)
    status_weights = (fit_status(pages if status_pages is None else status_pages, weights, vocabulary, c)
                      if with_status else None)
    return Fitted(weights, status_weights, len(vocabulary), positives, net, net_out, softmax)


def fit_status(pages: Sequence[PageData], weights: dict[str, tuple[float, ...]], vocabulary: list[str],
               c: float) -> dict[str, tuple[float, ...]] | None:
    """The multinomial status classifier over :func:`status_data`'s rows, each weighted as its page; its own
    features (types, cues, the act's) join ``vocabulary`` (in place); None unless every status is seen."""
    status_rows, status_y, row_weight = status_data(pages, weights)
    if len(set(status_y)) != len(STATUSES):
        return None
    model, index = status_classifier(status_rows, status_y, row_weights(row_weight), vocabulary, c)
    w = model.coef_.T.copy()  # features x statuses
    w[index["bias"]] += model.intercept_
    return _rows(vocabulary, w)


def _rows(vocabulary: list[str], matrix) -> dict[str, tuple[float, ...]]:
    """Feature -> weights, dropping features whose weights are all negligible."""
    out = {}
    for feature, row in zip(vocabulary, matrix.tolist()):
        if feature == "bias" or max(abs(v) for v in row) >= PRUNE:
            out[feature] = tuple(float(v) for v in row)
    return out


def reader_of(fitted: Fitted, keep: dict[str, float] | None = None, propose: dict[str, float] | None = None,
              with_status: bool = False, party_weights: dict[str, float] | None = None,
              override: float = 1.01, extra: float = 1.01) -> SentenceReader:
    return SentenceReader(types=tuple(COMMITMENT_TYPES), weights=fitted.weights,
                          keep=keep or {k: 0.0 for k in COMMITMENT_TYPES},
                          propose=propose or {k: 1.01 for k in COMMITMENT_TYPES},
                          statuses=STATUSES if with_status else (),
                          status_weights=fitted.status_weights if with_status else None,
                          party_weights=party_weights, party_override=override, party_extra=extra,
                          hidden=fitted.hidden, hidden_out=fitted.hidden_out,
                          blend=hidden.BLEND if fitted.hidden else 0.0,
                          joint=fitted.joint, joint_blend=joint.BLEND if fitted.joint else 0.0)


def fit_parties(pages: Sequence[PageData], reader: SentenceReader, c: float = 1.0) -> dict[str, float] | None:
    """The pair ranker, from every (sentence, type) of train whose gold names both parties (each pair's row
    weighted as its page)."""
    rows: list[list[str]] = []
    ys: list[int] = []
    row_weight: list[float] = []
    for page in pages:
        norm = page.norm
        for candidate, gold_pairs in zip(page.candidates, page.pairs):
            for kind, golds in sorted(gold_pairs.items()):
                golds = [g for g in golds if g[0] and g[1]]
                if not golds:
                    continue
                base = next((h for h in candidate.rules if h.type == kind), None) or \
                    propose_commitment(page.doc, norm, reader, candidate, kind)
                rule_pair = (base.by, base.to) if base else (None, None)
                anchor = reader.anchor(norm, candidate.sentence, kind)
                context = pair_context(page.doc, norm, candidate.utterance, candidate.sentence, kind, anchor)
                for pair in candidate_pairs(context):
                    rows.append(pair_features(context, pair, rule_pair))
                    ys.append(int(any(same_pair(kind, pair, g) for g in golds)))
                    row_weight.append(page.weight)
    return binary_weights(rows, ys, c, weight=row_weights(row_weight))


@dataclass
class Scored:
    """A page's readings with every type's rule hits, proposal and ranked pairs, for threshold search."""

    page: PageData
    readings: list[Reading]
    proposals: list[dict[str, Commitment | None]]
    ranked: list[dict[str, list]]  # per reading: type -> the ranker's pairs for its first commitment


def score_pages(pages: Sequence[PageData], reader: SentenceReader) -> list[Scored]:
    out = []
    for page in pages:
        norm = page.norm
        readings = [Reading(c, f, reader.scores(f)) for c, f in zip(page.candidates, page.features)]
        proposals = [{kind: (propose_commitment(page.doc, norm, reader, r.candidate, kind)
                             if not any(h.type == kind for h in r.candidate.rules) else None)
                      for kind in COMMITMENT_TYPES} for r in readings]
        ranked = []
        for r, props in zip(readings, proposals):
            row = {}
            if reader.party_weights:
                for kind in COMMITMENT_TYPES:
                    base = next((h for h in r.candidate.rules if h.type == kind), None) or props[kind]
                    if base is not None:
                        row[kind] = rank_pairs(page.doc, norm, reader, r.candidate, kind, base)
            ranked.append(row)
        out.append(Scored(page, readings, proposals, ranked))
    return out


def select(scored: Sequence[Scored], keep: dict[str, float], propose: dict[str, float],
           status: Callable[[Reading, str, Commitment], str | None] | None = None,
           override: float = 1.01, extra: float = 1.01) -> list[tuple[str, dict, dict]]:
    """(name, found, gold) items for the scorer, commitments only, at these thresholds."""
    items = []
    for s in scored:
        found = []
        for reading, proposals, ranked in zip(s.readings, s.proposals, s.ranked):
            for kind in COMMITMENT_TYPES:
                chosen = decide(reading, kind, keep[kind], propose[kind], lambda: proposals[kind])
                if chosen and kind in ranked:
                    chosen = apply_parties(kind, chosen, ranked[kind], override, extra)
                chosen = two_sided_acts(s.page.norm, reading.candidate.sentence, kind, chosen,
                                        lone_country(s.page.doc))
                new_status = status(reading, kind, chosen[0]) if status and chosen else None
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


OVERRIDE_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
EXTRA_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def tune(fitted: Fitted, dev: Sequence[PageData], party_weights: dict[str, float] | None = None,
         given: tuple[dict[str, float], dict[str, float], float, float] | None = None) -> tuple[SentenceReader, dict]:
    """Per-type thresholds with the best strict F1 on dev, the ranker's two thresholds, and whether
    the status model beats the rules; ``given`` (keep, propose, override, extra) skips the search."""
    reader = reader_of(fitted, with_status=True, party_weights=party_weights)
    scored = score_pages(dev, reader)
    keep = {k: 0.0 for k in COMMITMENT_TYPES}
    propose = {k: 1.01 for k in COMMITMENT_TYPES}
    report: dict = {"types": {}}
    for kind in COMMITMENT_TYPES if given is None else ():
        best = (-1.0, 0.0, 1.01)
        for k in KEEP_GRID:
            for p in PROPOSE_GRID:
                counts = commitment_counts(select(scored, {**keep, kind: k}, {**propose, kind: p}))
                f1 = counts[f"commitments.{kind}"].f1
                if f1 > best[0] + 1e-9:
                    best = (f1, k, p)
        keep[kind], propose[kind] = best[1], best[2]
        report["types"][kind] = {"dev_f1": round(best[0], 4), "keep": best[1], "propose": best[2]}
    override = extra = 1.01
    if given is not None:
        keep, propose, override, extra = given
    elif party_weights:
        best = (-1.0, 1.01, 1.01)
        for o in OVERRIDE_GRID:
            for e in EXTRA_GRID:
                f1 = commitment_counts(select(scored, keep, propose, override=o, extra=e))["commitments"].f1
                if f1 > best[0] + 1e-9:
                    best = (f1, o, e)
        override, extra = best[1], best[2]
        report["parties"] = {"override": override, "extra": extra, "dev_f1": round(best[0], 4)}
    rules_status = score(select(scored, keep, propose, override=override, extra=extra)
                         ).accuracy["commitments.status"]
    norms = {id(r): s.page.norm for s in scored for r in s.readings}

    def model_status_of(r: Reading, k: str, first: Commitment) -> str | None:
        return act_status(norms[id(r)], reader, r, k, first)

    model_status = score(select(scored, keep, propose, model_status_of,
                                override=override, extra=extra)).accuracy["commitments.status"]
    use_status = fitted.status_weights is not None and model_status.value > rules_status.value
    total = score(select(scored, keep, propose, model_status_of if use_status else None,
                         override=override, extra=extra))
    report.update(dev_f1=round(total.counts["commitments"].f1, 4),
                  dev_status_rules=round(rules_status.value, 4), dev_status_model=round(model_status.value, 4),
                  status_from="model" if use_status else "rules")
    return reader_of(fitted, keep, propose, with_status=use_status, party_weights=party_weights,
                     override=override, extra=extra), report


def out_of_fold_options(train_data: Sequence[PageData], c: float, parties: bool, override: float, extra: float,
                        note: Callable[[str], None], network: bool = True, lessons: Lessons | None = None,
                        types_jointly: bool = True, use: ExtraUse = ExtraUse()) -> list[tuning.PageOptions]:
    """Every page's options (:func:`kg.learn.tuning.page_options`) read five-fold out of fold: by a reader
    fitted on the other folds (with ``lessons``, also on what the teacher fitted without the page's fold
    taught, :mod:`kg.learn.pseudo`); ``use``: how the extra split's pages count (:mod:`kg.learn.extra`)."""
    def fold_reader(pages: list[PageData]) -> SentenceReader:
        taught = lessons.for_student([p.name for p in pages]) if lessons else ()
        fitted = fit(pages, c, with_status=False, network=network, types_jointly=types_jointly, taught=taught,
                     taught_weight=pseudo.WEIGHT)
        ranked = for_other_models(pages, use)
        return reader_of(fitted, party_weights=fit_parties(ranked, reader_of(fitted), c) if parties else None)

    every = status_only(weighted(train_data, use), use)[0]  # pages that teach status only read nothing here
    return folds.out_of_fold(every, fold_reader, override, extra, note)


def thresholds_of(options: Sequence[tuning.PageOptions], use: ExtraUse = ExtraUse(),
                  per_page: dict[str, Counts] | None = None) -> tuple[dict[str, float], dict[str, float], dict]:
    """Per-type keep and propose with the best out-of-fold F1 over the readings ``use`` tunes on, and the
    F1 of all of ``options`` at them; ``per_page`` gets every page's counts (for a paired comparison of two
    recipes, :func:`kg.learn.folds.paired_change`)."""
    keep, propose, _ = tuning.best_thresholds([o for o in options if tunes(o.name, use)])
    total, per_type, rows = tuning.page_counts(options, keep, propose)
    if per_page is not None:
        per_page.update((o.name, row) for o, row in zip(options, rows))
    return keep, propose, {"f1": round(total.f1, 4), "precision": round(total.precision, 4),
                           "recall": round(total.recall, 4), "pages": len(options),
                           "types": {k: round(v.f1, 4) for k, v in per_type.items()}}


def train(train_pages: Sequence[GoldPage], dev_pages: Sequence[GoldPage], *, c: float = 1.0,
          fraction: float = 1.0, seed: int = 0, parties: bool = True, thresholds: str = "train",
          clusters: dict[str, int] | None = None, network: bool = True, types_jointly: bool = True,
          progress: Callable[[str], None] | None = None, lessons: Lessons | None = None,
          per_page: dict[str, Counts] | None = None, use: ExtraUse = ExtraUse()) -> tuple[SentenceReader, dict]:
    """The whole recipe: prepare, fit on (a seeded ``fraction`` of) train, choose thresholds on dev
    (``thresholds="dev"``) or out of fold on train (``"train"``: the ranker's two still from dev);
    ``clusters``, word clusters from unlabeled text (:mod:`kg.learn.wordvectors`), add their features;
    ``network``: blend the hidden-layer network (:mod:`kg.learn.hidden`) with the linear scores;
    ``types_jointly``: blend the softmax over the types (:mod:`kg.learn.joint`) with them;
    ``lessons``: unlabeled sentences a teacher labelled (:mod:`kg.learn.pseudo`) join the sentence models;
    ``per_page`` gets each train page's out-of-fold counts (for :func:`kg.learn.folds.paired_change`);
    ``use``: how the extra split's pages among ``train_pages`` count (:mod:`kg.learn.extra`)."""
    note = progress or (lambda message: None)
    chosen = sorted(train_pages, key=lambda p: p.name)
    if fraction < 1.0:
        chosen = sorted(random.Random(seed).sample(chosen, max(1, round(len(chosen) * fraction))),
                        key=lambda p: p.name)
    note(f"preparing {len(chosen)} train and {len(dev_pages)} dev pages")
    train_data, status_extra = status_only(weighted([prepare(p, clusters) for p in chosen], use), use)
    dev_data = [prepare(p, clusters) for p in sorted(dev_pages, key=lambda p: p.name)]
    note("fitting")
    taught = lessons.for_student([p.name for p in train_data]) if lessons else ()
    others = for_other_models(train_data, use)  # the ranker's, the status classifier's, the figure filter's
    fitted = fit(train_data, c, network=network, types_jointly=types_jointly, taught=taught,
                 taught_weight=pseudo.WEIGHT, status_pages=others + status_extra)
    party_weights = fit_parties(others, reader_of(fitted), c) if parties else None
    figure_weights = fit_figures(others, FIGURE_C)
    note("choosing thresholds on dev")
    reader, report = tune(fitted, dev_data, party_weights)
    if thresholds == "train":
        options = out_of_fold_options(train_data, c, parties, reader.party_override, reader.party_extra, note,
                                      network, lessons, types_jointly, use)
        keep, propose, report["out_of_fold"] = thresholds_of(options, use, per_page)
        given = (keep, propose, reader.party_override, reader.party_extra)
        reader, chosen = tune(fitted, dev_data, party_weights, given)
        report["dev_thresholds"] = {"dev_f1": report["dev_f1"], "types": report["types"]}
        report.update({k: v for k, v in chosen.items() if k != "types"},
                      types={k: {"keep": keep[k], "propose": propose[k]} for k in COMMITMENT_TYPES})
    if figure_weights:
        keep, report["figures"] = tune_figures(figure_weights, dev_data)
        reader = replace(reader, figure_weights=figure_weights, figure_keep=keep)
    reader = replace(reader, clusters=clusters or None)
    report.update(train_pages=len(train_data), dev_pages=len(dev_data),
                  **({"status_extra_pages": len(status_extra)} if status_extra else {}), features=len(fitted.weights),
                  train_positives=fitted.positives, c=c, fraction=fraction, format=FORMAT_VERSION,
                  **({"extra": asdict(use)} if use != ExtraUse() else {}))
    if lessons:
        report["taught"] = {"pages": len(lessons.pages), "sentences": len(taught), "teacher": lessons.header["teacher"]}
    return reader, report
