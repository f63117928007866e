"""Annotated pages made ready for training: parsed, their candidate sentences featured and labelled.

The first step of :mod:`kg.learn.train`: every page is parsed (meeting,
participants, countries), its candidate sentences get features and the rules'
hits (:mod:`kg.extract.learned`), and each gold commitment labels the candidate
sentence that states it (the scorer's same-sentence test, best word overlap
first); the rules' figures get features and a label the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from kg.eval.scoring import _words, same_figure, same_sentence
from kg.extract.commitments import extract_commitments as rule_commitments
from kg.extract.learned import Candidate, candidates, page_features
from kg.extract.learned_figures import figure_candidates
from kg.inputs.text import normalise
from kg.learn.corpus import GoldPage
from kg.model import COMMITMENT_TYPES, Document

PARSE_STAGES = ("meeting", "participants", "countries")


@dataclass
class PageData:
    """One page ready for training or tuning."""

    name: str
    doc: Document
    gold: dict
    candidates: list[Candidate]
    features: list[list[str]]
    labels: list[dict[str, str]]  # per candidate: type -> gold status of a commitment it states
    pairs: list[dict[str, list[tuple[str | None, str | None]]]]  # per candidate: type -> gold (by, to) pairs
    figures: list = field(default_factory=list)  # the rules' (figure, features)
    figure_labels: list[int] = field(default_factory=list)  # 1 where a gold figure agrees
    norm: str = ""  # normalise(doc.text), made once for every step that matches text
    weight: float = 1.0  # what each of its rows counts in every fit (the extra split's may count less: kg.learn.extra)


def read_candidates(path: str) -> tuple[Document, list[Candidate]]:
    """A page parsed as far as the reader needs, and its candidate sentences with the rules' hits: the
    same for an annotated page and an unlabeled one (:mod:`kg.learn.pseudo`)."""
    from kg.extract.pipeline import process
    from kg.inputs.reader import read

    doc = process(next(read(path)), None, PARSE_STAGES)
    return doc, candidates(doc, rule_commitments(doc).commitments)


def prepare(page: GoldPage, clusters: Mapping[str, int] | None = None) -> PageData:
    """Parses a page and labels its candidate sentences from the gold (``clusters``: the word
    clusters the model's features use, :func:`kg.extract.reader_features.cluster_features`)."""
    doc, found = read_candidates(str(page.text))
    labels: list[dict[str, str]] = [{} for _ in found]
    pairs: list[dict[str, list]] = [{} for _ in found]
    texts = [doc.text[c.sentence.start:c.sentence.end] for c in found]
    for commitment in page.gold.get("commitments") or []:
        best = _best_sentence(texts, commitment.get("quote") or "")
        if best is not None and commitment.get("type") in COMMITMENT_TYPES:
            labels[best].setdefault(commitment["type"], commitment.get("status") or "ongoing")
            pairs[best].setdefault(commitment["type"], []).append((commitment.get("by"), commitment.get("to")))
    norm = normalise(doc.text)
    figures, figure_labels = labelled_figures(doc, page.gold.get("figures") or [])
    return PageData(page.name, doc, page.gold, found, page_features(doc, found, norm, clusters), labels,
                    pairs, figures, figure_labels, norm)


def labelled_figures(doc: Document, gold_figures: Sequence[dict]) -> tuple[list, list[int]]:
    """The rules' figures of a parsed page with their features, each labelled 1 where a gold figure of its
    value and unit is stated in its sentence: the figure filter's rows (also read alone by
    ``tools/figures_oof.py``, which needs no more of the page)."""
    with_rules = replace(doc, commitments=rule_commitments(doc).commitments)
    figures = figure_candidates(with_rules)
    labels = [int(any(same_figure({"value": f.quantity.value, "unit": f.quantity.unit}, g)
                      and same_sentence(doc.text[f.span.start:f.span.end], g.get("quote")) for g in gold_figures))
              for f, _ in figures]
    return figures, labels


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
