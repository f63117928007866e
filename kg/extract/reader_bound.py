"""The sentences the reader must read in full: those whose scores may reach a type's floor.

Nineteen sentences in twenty score below every type's floor (``min(keep, propose)``)
and give nothing (:func:`kg.extract.learned.read_commitments`).  Writing their
features as strings ("b:will_supply"), sorting them and looking them up was
half of the reader's time, and the rules' reading of them a third.  Here a
sentence's scores are first worked out from its words: the model's word,
family, pair and triple rows are held in tables keyed by the words themselves
(a pair as a tuple of two words), so the lookups take the words, pairs and
triples ``zip`` makes, with no string written.  The features are the same set
(each counted once, as the reader's set of features counts it), so the sums
are the reader's sums added in another order: they differ by rounding only,
some 1e-13 of a score at most, far below :data:`MARGIN`.

The rule hits are features too, and the rules are read only for a sentence
that may still reach a floor with them.  Every rule hit of a type comes from a
cue of the type, and every cue holds one of the type's keywords
(:data:`kg.extract.cues.TYPE_KEYWORDS`), so a sentence holding no keyword of
a type has no hit of it.  Until the rules are read, the hits' weight for a
type is bounded by the positive weights of every hit feature of the types
whose keywords the sentence holds, and the softmax's share by the sigmoid of
the type's sum less the "no act" sum (a softmax probability is at most that).
A sentence whose every score, so bounded, ends more than the margin below its
type's floor gives nothing and is passed over; every other sentence is read
exactly as before, so what the reader decides is unchanged.  Only for a model
of per-type regressions and a softmax (no hidden layer, no word clusters):
for any other every sentence is read in full.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence, Set as AbstractSet
from dataclasses import dataclass, field

from kg.extract import cues
from kg.extract.commitments import sentence_commitments, statements
from kg.extract.learned_joint import blended_scores, sigmoid
from kg.extract.reader_features import (
    _PREFIX, TRIGRAMS, Candidate, _abstract_words, _may_count, plain_extras, rule_features, sentence_features,
    unit_features,
)
from kg.model import Document

MARGIN = 1e-9  # a score this far below a floor is below it whatever order the sums are added in

Row = tuple[float, ...]


@dataclass(frozen=True)
class WordTables:
    """A model's rows (``SentenceReader._with_joint`` of :mod:`kg.extract.learned`: the per-type weights, then
    the softmax's, "no act" first) keyed by what a sentence's words give: the word, its family (first
    letters), a pair and a triple of words; the rest by feature.  ``hits`` is, per type, the most its rule
    hits' features can add to each type's sum and to each type's softmax sum less the "no act" one."""

    types: tuple[str, ...]
    floors: tuple[float, ...]  # per type, the least score that gives a commitment of it
    words: dict[str, Row]
    families: dict[str, Row]
    pairs: dict[tuple[str, str], Row]
    triples: dict[tuple[str, str, str], Row]
    named: dict[str, Row]
    hits: dict[str, list[float]]
    cuts: tuple[float, ...]
    width: int
    _bounds: dict[tuple[frozenset[str], bool], list[float] | None] = field(default_factory=dict)

    @property
    def no_lift(self) -> list[float]:
        return [0.0] * (2 * len(self.types))

    def unread_bound(self, kinds: frozenset[str], counted: bool) -> list[float] | None:
        """The most a sentence's rule hits (of ``kinds`` at most: :attr:`hits`, and "r:several") and, when it
        ``counted`` a number, its units can add, per type's sum then per type's softmax sum less the "no act"
        one; None when neither can be there.  Kept per case (a page meets a few)."""
        key = (kinds, counted)
        if key not in self._bounds:
            parts = [self.hits[kind] for kind in sorted(kinds) if kind in self.hits] + \
                ([self.hits["r:several"]] if kinds else []) + ([self.hits["u:"]] if counted else [])
            self._bounds[key] = [sum(column) for column in zip(*parts)] if parts else None
        return self._bounds[key]


def word_tables(types: Sequence[str], rows: Mapping[str, Row], floors: Sequence[float]) -> WordTables:
    """The tables of ``rows`` (feature -> row) for a model of ``types`` with these ``floors``.  Words hold
    no "_" (they are letters, digits and "'"), so a pair's or a triple's feature splits into its words at "_"."""
    words: dict[str, Row] = {}
    families: dict[str, Row] = {}
    pairs: dict[tuple[str, str], Row] = {}
    triples: dict[tuple[str, str, str], Row] = {}
    named: dict[str, Row] = {}
    for feature, row in rows.items():
        kind, body = feature[:2], feature[2:]
        if kind == "w:":
            words[body] = row
        elif kind == "p:":
            families[body] = row
        elif kind == "b:" and body.count("_") == 1:
            pairs[tuple(body.split("_"))] = row  # type: ignore[index]
        elif kind == "t:" and body.count("_") == 2:
            triples[tuple(body.split("_"))] = row  # type: ignore[index]
        else:
            named[feature] = row
    width = len(next(iter(rows.values()))) if rows else 2 * len(types) + 1
    # each floor's log-odds less the margin; none for a floor the margin does not fit under (never passed over so)
    cuts = tuple(math.log((f - MARGIN) / (1.0 - f + MARGIN)) if 2 * MARGIN < f < 1.0 else -math.inf for f in floors)
    return WordTables(tuple(types), tuple(floors), words, families, pairs, triples, named, _hit_bounds(types, rows),
                      cuts, width)


def _hit_bounds(types: Sequence[str], rows: Mapping[str, Row]) -> dict[str, list[float]]:
    """Per type (and "r:several"), the positive parts of what its hit features ("r:Supply", "rs:Supply:*")
    add to each type's sum and to each type's softmax sum less the "no act" one; under "u:", those of
    every unit feature."""
    width = len(types)

    def gains(row: Row) -> list[float]:
        return [max(0.0, v) for v in (*row[:width], *(row[width + 1 + i] - row[width] for i in range(width)))]

    bounds = {kind: [0.0] * (2 * width) for kind in (*types, "r:several", "u:")}
    for feature, row in rows.items():
        parts = feature.split(":")
        owner = "r:several" if feature == "r:several" else parts[1] if parts[0] in ("r", "rs") else \
            "u:" if parts[0] == "u" else None
        if owner is not None:
            bounds.setdefault(owner, [0.0] * (2 * width))
            bounds[owner] = [a + b for a, b in zip(bounds[owner], gains(row))]
    return bounds


def word_totals(tables: WordTables, words: Sequence[str], extras: Sequence[str]) -> list[float]:
    """The column sums of the rows of every distinct feature that ``words`` and ``extras``
    (:func:`~kg.extract.reader_features.sentence_extras`) give (:func:`sentence_features`' set), in no set order."""
    after, distinct = words[1:], set(words)
    rows = [*map(tables.words.get, distinct),
            *map(tables.families.get, {w[:_PREFIX] for w in distinct if len(w) > _PREFIX}),
            *map(tables.pairs.get, set(zip(words, after))),
            *map(tables.named.get, set(extras))]
    if TRIGRAMS:
        rows.extend(map(tables.triples.get, set(zip(words, after, words[2:]))))
    return list(map(sum, zip(*filter(None, rows)))) or [0.0] * tables.width


def with_rows(tables: WordTables, totals: list[float], extras: Sequence[str]) -> list[float]:
    """``totals`` with the rows of ``extras`` (features :func:`word_totals` did not add) added."""
    rows = [*filter(None, map(tables.named.get, set(extras)))]
    return [sum(column) for column in zip(totals, *rows)] if rows else totals


def may_reach(tables: WordTables, totals: list[float], share: float,
              raise_by: Sequence[float] | None = None) -> bool:
    """Whether the scores of these sums (:func:`word_totals`) come within :data:`MARGIN` of a type's floor
    (:attr:`WordTables.floors`);
    with ``raise_by`` (the most the features not yet read can add, per type's sum, then per type's softmax
    sum less the "no act" one), whether they may once those are read."""
    width = len(tables.types)
    lifts = raise_by or tables.no_lift
    none = totals[width]
    # the sums' sigmoids below the floor's log-odds each, so is their blend: most sentences end here, no exp
    gaps = [totals[width + 1 + i] - none + lifts[width + i] for i in range(width)]
    if all(totals[i] + lifts[i] < cut and gap < cut for i, gap, cut in zip(range(width), gaps, tables.cuts)):
        return False
    if raise_by is None:
        scores = blended_scores(tables.types, totals, share)
        return any(score >= floor - MARGIN for score, floor in zip(scores.values(), tables.floors))
    own = 1.0 - share  # a softmax probability is at most the sigmoid of its sum less the "no act" one
    return any(own * sigmoid(totals[i] + lifts[i]) + share * sigmoid(gap) >= tables.floors[i] - MARGIN
               for i, gap in zip(range(width), gaps))


def kinds_held(text: str) -> frozenset[str]:
    """The types one of whose keywords ``text`` holds (as :func:`kg.extract.commitment_rules.find_type_cues`
    tests a clause): a sentence has no rule hit of any other type."""
    held = text.casefold().__contains__
    return frozenset(kind for kind, keywords in cues.TYPE_KEYWORDS.items() if any(map(held, keywords)))


def to_read(doc: Document, norm: str, tables: WordTables, share: float, clusters: Mapping[str, int] | None,
            heads: AbstractSet[str]) -> Iterator[tuple[Candidate, list[str]]]:
    """Each candidate sentence (:func:`~kg.extract.reader_features.candidates`) whose scores may reach a
    floor, with its rule hits and features: ``tables`` are a reader's :attr:`word_tables`, ``share`` its
    softmax's share, ``clusters`` and ``heads`` what :func:`sentence_features` takes of it."""
    starts = [mention.span.start for mention in doc.countries]
    for position, utterance, sentence in statements(doc, norm):
        words = _abstract_words(doc, norm, sentence, starts)
        plain = plain_extras(doc, utterance)
        totals = word_totals(tables, words, plain)
        counted, kinds = _may_count(norm, sentence), kinds_held(norm[sentence.start:sentence.end])
        if not may_reach(tables, totals, share, tables.unread_bound(kinds, counted)):
            continue
        units = unit_features(doc, sentence) if counted else []
        totals = with_rows(tables, totals, units)  # the units read, the hits alone are bounded before the rules
        if counted and not may_reach(tables, totals, share, tables.unread_bound(kinds, False)):
            continue
        rules = tuple(sentence_commitments(doc, norm, position, utterance, sentence))
        # all read, the sums are the reader's (to rounding): a sentence they leave below every floor goes
        if may_reach(tables, with_rows(tables, totals, rule_features(rules)), share):
            candidate = Candidate(position, utterance, sentence, rules)
            yield candidate, sentence_features(doc, candidate, norm, clusters, starts, heads)
