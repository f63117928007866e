"""Thresholds chosen fast: what each (sentence, type) would give worked out once, then counted per grid point.

The reader's decision for a sentence and a type depends on two thresholds
(``keep`` for a rule hit, ``propose`` for a sentence without one) and, for the
parties, on the ranker's two.  Reading the pages again at every grid point
repeats the same work hundreds of times, so :func:`page_options` works out once
what each (sentence, type) gives if taken, and which gold entries of that type
each of its commitments would match (commitments of different types never
match, so the types are counted apart).  Counting a grid point is then a
greedy match over booleans, in the scorer's order (same quote first).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from kg.eval.goldjson import _commitment as commitment_json
from kg.eval.scoring import Counts, _commitment_matches
from kg.extract.learned import (
    SentenceReader, apply_parties, distinct_key, propose_commitment, rank_pairs, two_sided_acts,
)
from kg.extract.party_group import lone_country
from kg.model import COMMITMENT_TYPES, Commitment


@dataclass
class Option:
    """What one sentence gives for one type if the reader takes it, at fixed ranker thresholds."""

    ruled: bool  # the rules hit the sentence for this type
    score: float
    found: list[Commitment]  # after the ranker, parties resolved
    matches: list[list[int]] = field(default_factory=list)  # per commitment: gold entries it would match
    same_quote: list[list[int]] = field(default_factory=list)  # per commitment: those with its very quote
    keys: list[tuple] = field(default_factory=list)  # per commitment: what makes it distinct in its utterance


@dataclass
class PageOptions:
    """A page's options per type and how many gold entries of each type it has."""

    name: str
    options: dict[str, list[Option]]
    gold: dict[str, int]


def page_options(page, scores: list[dict[str, float]], reader: SentenceReader, override: float, extra: float,
                 floor: float = 0.0) -> PageOptions:
    """The options of one prepared page (:class:`kg.learn.pages.PageData`) under ``scores``.

    ``scores`` holds each candidate's per-type probability (from the model in
    use, or out of fold); sentences without a rule hit scoring below ``floor``
    are left out, since no threshold of the grid would take them.
    """
    gold = {k: [g for g in page.gold.get("commitments") or [] if g.get("type") == k] for k in COMMITMENT_TYPES}
    options: dict[str, list[Option]] = {k: [] for k in COMMITMENT_TYPES}
    for candidate, score in zip(page.candidates, scores):
        for kind in COMMITMENT_TYPES:
            hits = [h for h in candidate.rules if h.type == kind]
            ruled = bool(hits)
            if not ruled:
                if score[kind] < floor:
                    continue
                proposal = propose_commitment(page.doc, page.norm, reader, candidate, kind)
                hits = [proposal] if proposal else []
            if hits and reader.party_weights:
                ranked = rank_pairs(page.doc, page.norm, reader, candidate, kind, hits[0])
                hits = apply_parties(kind, hits, ranked, override, extra)
            found = two_sided_acts(page.norm, candidate.sentence, kind, hits, lone_country(page.doc))
            option = Option(ruled, score[kind], found)
            for c in found:
                option.keys.append(distinct_key(c))
                entry = commitment_json(page.doc, c)
                option.matches.append([j for j, g in enumerate(gold[kind]) if _commitment_matches(entry, g)])
                option.same_quote.append([j for j in option.matches[-1] if gold[kind][j].get("quote") == entry["quote"]])
            options[kind].append(option)
    return PageOptions(page.name, options, {k: len(v) for k, v in gold.items()})


def _greedy(chosen: list[tuple[list[int], list[int]]], n_gold: int) -> Counts:
    """The scorer's matching (:func:`kg.eval.scoring.match`) over precomputed candidates."""
    free = set(range(n_gold))
    taken = [False] * len(chosen)
    tp = 0
    for pass_index in (1, 0):
        for i, pair in enumerate(chosen):
            if taken[i]:
                continue
            j = next((j for j in sorted(pair[pass_index]) if j in free), None)
            if j is not None:
                free.discard(j)
                taken[i] = True
                tp += 1
    return Counts(tp, len(chosen) - tp, n_gold - tp)


def type_counts(pages: Sequence[PageOptions], kind: str, keep: float, propose: float,
                per_page: list[Counts] | None = None, once: bool = False) -> Counts:
    """Strict counts of ``kind`` over ``pages`` at these thresholds (``per_page`` gets each page's);
    ``once``: a commitment stated again in its utterance counts only from its best-scored sentence."""
    total = Counts()
    for page in pages:
        taken = [(o.score, i, key, m, q) for i, o in enumerate(page.options[kind])
                 if o.score >= (keep if o.ruled else propose)
                 for key, m, q in zip(o.keys, o.matches, o.same_quote)]
        if once:  # the best-scored sentence of each key keeps all its commitments (a listed six stay six)
            best: dict[tuple, tuple[float, int]] = {}
            for score, i, key, _, _ in taken:
                best[key] = max(best.get(key, (score, -i)), (score, -i))
            taken = [row for row in taken if best[row[2]] == (row[0], -row[1])]
        chosen = [(m, q) for _, _, _, m, q in taken]
        counts = _greedy(chosen, page.gold[kind])
        total.add(counts)
        if per_page is not None:
            per_page.append(counts)
    return total


KEEP_GRID = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
PROPOSE_GRID = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: never propose


def best_thresholds(pages: Sequence[PageOptions], once: bool = False
                    ) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Per type, the (keep, propose) with the best F1 over ``pages`` (ties: the first in the grids)."""
    keep, propose, f1 = {}, {}, {}
    for kind in COMMITMENT_TYPES:
        best = (-1.0, 0.0, 1.01)
        for k in KEEP_GRID:
            for p in PROPOSE_GRID:
                value = type_counts(pages, kind, k, p, once=once).f1
                if value > best[0] + 1e-9:
                    best = (value, k, p)
        f1[kind], keep[kind], propose[kind] = best
    return keep, propose, f1


def page_counts(pages: Sequence[PageOptions], keep: dict[str, float], propose: dict[str, float],
                once: bool = False) -> tuple[Counts, dict[str, Counts], list[Counts]]:
    """Total, per-type and per-page strict counts at these thresholds (per page for paired bootstraps)."""
    per_type, per_page = {}, [Counts() for _ in pages]
    for kind in COMMITMENT_TYPES:
        rows: list[Counts] = []
        per_type[kind] = type_counts(pages, kind, keep[kind], propose[kind], rows, once)
        for total, row in zip(per_page, rows):
            total.add(row)
    overall = Counts()
    for counts in per_type.values():
        overall.add(counts)
    return overall, per_type, per_page
