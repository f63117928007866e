"""Figures kept or dropped by a trained filter over the rules' candidates.

The figure rules (:mod:`kg.extract.figures`) find nearly every number an
annotator takes, and many more: numbers about one country's own affairs in a
talk about relations ("8 million new jobs", "unemployment is down to 3.6
percent"), crowd sizes, counts of nations in a coalition.  What separates
them is the sentence's topic, which word lists catch poorly and a classifier
over the sentence and the words around the number catches better.  The
filter is part of the reader model (:mod:`kg.extract.learned`): weights and
one threshold, trained on the train split and tuned on dev.
"""

from __future__ import annotations

import math

from kg.extract.figures import (
    DOMESTIC, LENGTH_OF_RELATIONS, MEASURED_UNITS, RELATIONS, RELATIONSHIP_CONTEXT, TIME_REFERENCE_AFTER, TIME_REFERENCE_BEFORE,
    extract_figures as rule_figures, one_country_cast,
)
from kg.inputs.text import normalise
from kg.model import Document, Figure, evolve

_AROUND = 40  # characters either side of the number read as its context


def figure_features(doc: Document, norm: str, figure: Figure, sentence_words: list[str]) -> list[str]:
    """Features of one candidate figure: its unit and size, the words around it, the sentence, the voice."""
    from kg.extract.learned import _TOKEN

    feats = {"bias", f"u:{figure.quantity.unit}", f"fmt:{doc.format}",
             "spk:narrator" if figure.speaker is None else "spk:leader"}
    value = abs(figure.quantity.value) or 1.0
    feats.add(f"mag:{min(13, int(math.log10(value)))}")
    feats.add(f"u-mag:{figure.quantity.unit}:{min(13, int(math.log10(value)))}")
    span = figure.quantity.span
    if span is not None:
        left = _TOKEN.findall(norm[max(figure.span.start, span.start - _AROUND):span.start].lower())[-4:]
        right = _TOKEN.findall(norm[span.end:min(figure.span.end, span.end + _AROUND)].lower())[:4]
        feats.update(f"l:{w}" for w in left)
        feats.update(f"r:{w}" for w in right)
        if left:
            feats.add(f"l1:{left[-1]}")
        if right:
            feats.add(f"r1:{right[0]}")
        if not any(ch.isdigit() for ch in norm[span.start:span.end]):
            feats.add("written-out")
            feats.add("written-out:" + ("measure" if figure.quantity.unit in MEASURED_UNITS else "count"))
    if figure.quantity.qualifier:
        feats.add(f"q:{figure.quantity.qualifier}")
    quote = norm[figure.span.start:figure.span.end]
    if figure.quantity.unit == "year" and span is not None:
        feats.update(_year_features(norm, span))
    if RELATIONSHIP_CONTEXT.search(quote):
        feats.add("relationship-word")
    if DOMESTIC.search(quote):
        feats.add("domestic-word")
    if RELATIONS.search(quote):
        feats.add("relations-word")
    if not doc.is_meeting:
        feats.add("page:no-meeting")
    if one_country_cast(doc):
        feats.add("page:one-country-cast")
    feats.update(f"w:{w}" for w in sentence_words)
    return sorted(feats)


def _year_features(norm: str, span) -> set[str]:
    """A number of years: told as a point in time ("the past 10 years", "20 years ago") or as a length
    ("60 years of diplomatic relations")."""
    feats = set()
    if TIME_REFERENCE_BEFORE.search(norm[max(0, span.start - 25):span.start]) or \
            TIME_REFERENCE_AFTER.match(norm[span.end:span.end + 15]):
        feats.add("year:time-reference")
    if LENGTH_OF_RELATIONS.match(norm, span.end, span.end + 60):
        feats.add("year:of-relations")
    return feats


def figure_candidates(doc: Document) -> list[tuple[Figure, list[str]]]:
    """The rules' figures of ``doc``, each with its features; a number said again gets ``repeat``."""
    from kg.extract.learned import _abstract_words

    norm = normalise(doc.text)
    words: dict = {}
    seen: set = set()
    out = []
    for figure in rule_figures(doc).figures:
        if figure.span not in words:
            words[figure.span] = _abstract_words(doc, norm, figure.span)
        feats = figure_features(doc, norm, figure, words[figure.span])
        key = (figure.quantity.value, figure.quantity.unit)
        if key in seen:
            feats = sorted(feats + ["repeat"])
        seen.add(key)
        out.append((figure, feats))
    return out


def extract_figures(doc: Document) -> Document:
    """Pipeline component: the rules' figures that the shipped reader's filter keeps."""
    from kg.extract.learned import shipped_reader

    reader = shipped_reader()
    if not reader.figure_weights:
        return rule_figures(doc)
    kept = tuple(f for f, feats in figure_candidates(doc) if reader.figure_score(feats) >= reader.figure_keep)
    return evolve(doc, figures=kept)
