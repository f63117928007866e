"""Commitments read by a trained sentence reader over the rules.

The rules (:mod:`kg.extract.commitments`) are good at *what* a commitment
says once the sentence and type are right (parties, quantity, item, listed
documents) and poor at deciding *which* sentence states which kind of
commitment: most sentences they miss hold no cue word, and many they take are
talk about relations.  So a trained classifier per type scores every leader
and narrator sentence, with the rule hits among its features:

- a rule hit whose sentence scores below the type's ``keep`` threshold is
  vetoed;
- a sentence the rules left alone that scores above the type's ``propose``
  threshold gives one commitment of that type, its parties, item and quantity
  read by the same rules, anchored at the word that weighs most for the type;
- where the model carries a status classifier that beat the rules on the dev
  split, it gives the status.

The model is a JSON file shipped in the package (``kg/data/reader-model.json``),
made by ``tools/train_reader.py`` from the train split; it is loaded without
pickle and scored in plain Python (a sentence has about a hundred features, so
a dictionary lookup per feature is all the arithmetic there is).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from itertools import repeat
from typing import Callable
from importlib import resources
from pathlib import Path

from kg.errors import KgError
from kg.extract import cues
from kg.extract.act_count import with_listed_acts
from kg.extract.act_quantity import with_lone_number
from kg.extract.commitment_rules import find_item, read_status
from kg.extract.commitments import extract_commitments as rule_commitments
from kg.extract.learned_joint import blend_joint, blended_scores, joined_rows, sigmoid as _sigmoid
from kg.extract.model_tables import misfits, rows_as_tuples
from kg.extract.learned_parties import apply_parties, candidate_pairs, pair_context, pair_features
from kg.extract.partners import partner_pairs
from kg.extract.party_group import lone_country, toward_group
from kg.extract.learned_status import act_status_features
from kg.extract.quantities import parse_quantities
from kg.extract.reader_bound import WordTables, to_read, word_tables
from kg.extract.reader_json import FORMAT_VERSION
from kg.extract.reader_features import (  # noqa: F401  (re-exported: learned_figures and tests import them here)
    CONTEXT, _TOKEN, Candidate, _abstract_words, candidates, page_features, sentence_features, status_features,
    trigram_heads,
)
from kg.extract.resolve import resolve_parties
from kg.inputs.text import normalise
from kg.model import ITEM_TYPES, MUTUAL_TYPES, Commitment, Document, Span

MODEL_FILE = "reader-model.json"


@dataclass(frozen=True)
class SentenceReader:
    """A trained model: per-type sentence scores, thresholds and an optional status classifier."""

    types: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per type
    keep: dict[str, float]  # a rule hit stays when its sentence scores at least this
    propose: dict[str, float]  # a sentence without a rule hit gives a commitment from this score
    statuses: tuple[str, ...] = ()
    status_weights: dict[str, tuple[float, ...]] | None = None  # feature -> one weight per status
    party_weights: dict[str, float] | None = None  # pair feature -> weight (kg.extract.learned_parties)
    party_override: float = 1.01  # the ranker's best pair replaces the rules' from this score
    party_extra: float = 1.01  # a further pair adds a commitment from this score
    figure_weights: dict[str, float] | None = None  # figure feature -> weight (kg.extract.learned_figures)
    figure_keep: float = 0.0  # a rule figure stays from this score
    clusters: dict[str, int] | None = None  # word -> cluster, for the cluster features (reader_features)
    hidden: dict[str, tuple[float, ...]] | None = None  # feature -> one weight per hidden unit (kg.learn.hidden)
    hidden_out: tuple[tuple[float, ...], ...] = ()  # per hidden unit one weight per type, then the intercepts
    blend: float = 0.0  # the hidden layer's share of a sentence's probability
    joint: dict[str, tuple[float, ...]] | None = None  # feature -> one weight per class: no act, then the types
    joint_blend: float = 0.0  # the softmax's share of a sentence's probability (kg.learn.joint)
    version: str = ""

    def figure_score(self, features: list[str]) -> float:
        """Probability that a rule figure is one an annotator would take."""
        weights = self.figure_weights or {}
        return _sigmoid(sum(map(weights.get, features, repeat(0.0))))  # the lookups in C, in the same order

    def pair_score(self, features: list[str]) -> float:
        """Probability that a candidate pair is the giver and receiver the sentence states."""
        return _sigmoid(sum(map((self.party_weights or {}).get, features, repeat(0.0))))

    def scores(self, features: list[str]) -> dict[str, float]:
        """Probability per type that the sentence states a commitment of that type (the per-type
        regressions, with the network and the softmax over the types blended in where the model has them)."""
        if self.joint and not self.hidden:
            return self._linear_and_joint(features)
        own = self._blended(features) if self.hidden else self._linear(features)
        return blend_joint(own, self.joint, features, self.joint_blend) if self.joint else own

    @cached_property
    def heads(self) -> frozenset[str]:
        """:func:`~kg.extract.reader_features.trigram_heads` of every table a sentence's features are read in."""
        return trigram_heads(self.weights, self.joint or {}, self.hidden or {}, self.status_weights or {})

    @cached_property
    def word_tables(self) -> WordTables | None:
        """The rows keyed by words (:mod:`kg.extract.reader_bound`), for a model it can bound: None for others."""
        if not self.joint or self.hidden or self.clusters or CONTEXT:
            return None
        return word_tables(self.types, self._with_joint, self.floors)

    @cached_property
    def floors(self) -> tuple[float, ...]:
        """Per type (in :attr:`types` order), the least score that gives a commitment of it: below both its
        thresholds a sentence gives nothing of the type (:func:`decide`)."""
        return tuple(min(self.keep[t], self.propose[t]) for t in self.types)

    @cached_property
    def _with_joint(self) -> dict[str, tuple[float, ...]]:
        """Feature -> its linear row and its softmax row end to end, zeros where it has none (as :attr:`_joint`)."""
        return joined_rows(self.weights, self.joint or {}, len(self.types), len(self.types) + 1)

    def _linear_and_joint(self, features: list[str]) -> dict[str, float]:
        # _linear and blend_joint in one lookup per feature: the same sums, since a sum plus 0.0 is the sum
        width = len(self.types)
        totals = list(map(sum, zip(*filter(None, map(self._with_joint.get, features))))) or [0.0] * (2 * width + 1)
        return blended_scores(self.types, totals, self.joint_blend)

    def _linear(self, features: list[str]) -> dict[str, float]:
        # the lookups and the column sums run in C (map, filter, zip), added in the features' order
        totals = list(map(sum, zip(*filter(None, map(self.weights.get, features))))) or [0.0] * len(self.types)
        return {t: _sigmoid(v) for t, v in zip(self.types, totals)}

    @cached_property
    def _joint(self) -> dict[str, tuple[float, ...]]:
        """Feature -> its linear row and its hidden row end to end (zeros where it has none): one lookup and
        one pass of sums for both, the same numbers as two (a sum plus 0.0 is the sum)."""
        return joined_rows(self.weights, self.hidden or {}, len(self.types), len(self.hidden_out) - 1)

    def _blended(self, features: list[str]) -> dict[str, float]:
        """The linear probability blended with the network's: the hidden units are the rectified sums of the
        features' rows, the network's log-odds the output rows weighted by them."""
        width = len(self.types)
        rows = [row for row in map(self._joint.get, features) if row]
        totals = [sum(column) for column in zip(*rows)] if rows else [0.0] * (width + len(self.hidden_out) - 1)
        units = totals[width:]
        out = list(self.hidden_out[-1])
        for unit, weights in zip(units, self.hidden_out):
            if unit > 0.0:
                out = [o + unit * w for o, w in zip(out, weights)]
        share = self.blend
        return {t: (1.0 - share) * _sigmoid(v) + share * _sigmoid(n) for t, v, n in zip(self.types, totals, out)}

    def status(self, features: list[str], kind: str) -> str | None:
        """The most likely status of a ``kind`` commitment stated by the sentence, if the model has one."""
        if not self.status_weights:
            return None
        # the column sums in C, in the features' order (as _linear): the same totals as adding row by row
        rows = filter(None, map(self.status_weights.get, [*features, f"type:{kind}"]))
        totals = list(map(sum, zip(*rows))) or [0.0] * len(self.statuses)
        return self.statuses[max(range(len(totals)), key=totals.__getitem__)]

    def anchor(self, norm: str, sentence: Span, kind: str) -> Span:
        """The word of the sentence that weighs most for ``kind``: where the act is stated."""
        i = self.types.index(kind)
        best, best_weight = Span(sentence.start, sentence.start), -math.inf
        for match in _TOKEN.finditer(norm[sentence.start:sentence.end].lower()):
            row = self.weights.get(f"w:{match.group()}")
            weight = row[i] if row else 0.0
            if weight > best_weight:
                best = Span(sentence.start + match.start(), sentence.start + match.end())
                best_weight = weight
        return best


def load_reader(path: str | Path | None = None) -> SentenceReader:
    """Reads a model file (default: the one shipped in the package)."""
    if path is None:
        raw = resources.files("kg.data").joinpath(MODEL_FILE).read_bytes()
        where = f"kg/data/{MODEL_FILE}"
    else:
        raw, where = Path(path).read_bytes(), str(path)
    digest = hashlib.sha256(raw).hexdigest()
    try:
        body = _shipped_tables(digest) if path is None else None
        body = json.loads(raw) if body is None else body
    except ValueError as exc:
        raise KgError(f"{where}: not a reader model ({exc})") from exc
    if not isinstance(body, dict):
        raise KgError(f"{where}: not a reader model (a JSON {type(body).__name__}, not an object)")
    if body.get("format") != FORMAT_VERSION:
        raise KgError(f"{where}: reader model format {body.get('format')!r}, this irkg reads {FORMAT_VERSION}; "
                      "retrain it with tools/train_reader.py")
    try:
        reader = _reader_from(body, digest[:16])
    except (KeyError, TypeError, AttributeError, ValueError) as exc:  # a truncated or hand-edited file
        raise KgError(f"{where}: not a reader model ({type(exc).__name__}: {exc}); retrain it") from exc
    short = [t for t in reader.types if t not in reader.keep or t not in reader.propose]
    wrong = misfits(reader.weights, len(reader.types))
    if reader.hidden and not wrong:
        units = len(reader.hidden_out) - 1
        wrong = misfits(reader.hidden, units) or \
            [f"hidden_out[{i}]" for i, row in enumerate(reader.hidden_out) if len(row) != len(reader.types)][:1]
    if reader.joint and not wrong:
        wrong = misfits(reader.joint, len(reader.types) + 1)
    if short or wrong:
        problem = f"no thresholds for {', '.join(short)}" if short else f"weights of {wrong[0]!r} do not fit the types"
        raise KgError(f"{where}: not a reader model ({problem}); retrain it with tools/train_reader.py")
    return reader


def _shipped_tables(digest: str) -> dict | None:
    """The shipped model's JSON object from its tables file, made from the JSON with ``digest``
    (:mod:`kg.extract.model_tables`: a third of the time); None when there is none for that JSON."""
    from kg.extract.model_tables import TABLES_FILE, from_tables

    tables = resources.files("kg.data").joinpath(TABLES_FILE)
    return from_tables(tables.read_bytes(), digest) if tables.is_file() else None


def _reader_from(body: dict, version: str) -> SentenceReader:
    """The reader a model file's JSON object describes (KeyError or TypeError when it is not one)."""
    status_weights = body.get("status_weights")
    return SentenceReader(
        types=tuple(body["types"]), weights=rows_as_tuples(body["weights"]),
        keep=dict(body["keep"]), propose=dict(body["propose"]),
        statuses=tuple(body.get("statuses") or ()),
        status_weights=rows_as_tuples(status_weights) if status_weights else None,
        party_weights=body.get("party_weights") or None,
        party_override=body.get("party_override", 1.01), party_extra=body.get("party_extra", 1.01),
        figure_weights=body.get("figure_weights") or None, figure_keep=body.get("figure_keep", 0.0),
        clusters={str(k): int(v) for k, v in body["clusters"].items()} if body.get("clusters") else None,
        hidden=rows_as_tuples(body["hidden"]) if body.get("hidden") else None,
        hidden_out=tuple(tuple(row) for row in body.get("hidden_out") or ()), blend=float(body.get("blend", 0.0)),
        joint=rows_as_tuples(body["joint"]) if body.get("joint") else None,
        joint_blend=float(body.get("joint_blend", 0.0)), version=version)


MODEL_ENV = "IRKG_READER_MODEL"


@lru_cache(maxsize=1)
def shipped_reader() -> SentenceReader:
    """The model in use, loaded once per process: the packaged one, or the file ``$IRKG_READER_MODEL`` names.

    An environment variable rather than an argument, because worker processes of
    a parallel build must load the same model as their parent.
    """
    return load_reader(os.environ.get(MODEL_ENV) or None)


@dataclass(frozen=True)
class Reading:
    """A candidate sentence with its features and per-type scores."""

    candidate: Candidate
    features: list[str]
    scores: dict[str, float]


def readings(doc: Document, reader: SentenceReader, bounded: bool = False) -> list[Reading]:
    """Every candidate sentence of ``doc`` scored by ``reader``, the rules' hits attached; ``bounded``: only
    those whose scores may reach a type's floor, where the reader can tell (:mod:`kg.extract.reader_bound`)."""
    norm = normalise(doc.text)
    if bounded and reader.word_tables:
        bound = to_read(doc, norm, reader.word_tables, reader.joint_blend, reader.clusters, reader.heads)
        return [Reading(c, f, reader.scores(f)) for c, f in bound]
    found = candidates(doc, rule_commitments(doc).commitments)
    features = page_features(doc, found, norm, reader.clusters, reader.heads)  # triples it weighs nothing left out
    return [Reading(c, f, reader.scores(f)) for c, f in zip(found, features)]


def decide(reading: Reading, kind: str, keep: float, propose: float,
           proposal: Callable[[], Commitment | None]) -> list[Commitment]:
    """The ``kind`` commitments a sentence gives at these thresholds.

    Rule hits stay when the sentence scores at least ``keep``; a sentence
    without one gives the ``proposal`` when it scores at least ``propose``.
    """
    hits = [c for c in reading.candidate.rules if c.type == kind]
    if hits:
        return hits if reading.scores[kind] >= keep else []
    proposed = proposal() if reading.scores[kind] >= propose else None
    return [proposed] if proposed else []


def distinct_key(commitment: Commitment) -> tuple:
    """What makes a commitment distinct within its utterance: type, parties (unordered for the mutual
    types) and quantity.  The gold gives one entry per distinct commitment per utterance."""
    pair: tuple = (commitment.by, commitment.to)
    pair = tuple(sorted(pair, key=str)) if commitment.type in MUTUAL_TYPES else pair
    quantity = commitment.quantity.value if commitment.quantity else None
    return (commitment.utterance, commitment.type, pair, quantity)


def read_commitments(doc: Document, reader: SentenceReader) -> tuple[Commitment, ...]:
    """The commitments of ``doc`` as ``reader`` decides them over the rules' hits."""
    norm = normalise(doc.text)
    out: list[Commitment] = []
    # below both thresholds of a type a sentence gives nothing of it (decide), as most do: passed over at once
    floors = list(zip(reader.types, reader.floors))
    for reading in readings(doc, reader, bounded=True):  # the sentences that cannot reach a floor left out
        scores = reading.scores
        for kind, floor in floors:
            if scores[kind] < floor:
                continue
            chosen = decide(reading, kind, reader.keep[kind], reader.propose[kind],
                            lambda: propose_commitment(doc, norm, reader, reading.candidate, kind))
            if chosen:  # most sentences state no act of most types: nothing to settle
                out.extend(settle_act(doc, norm, reader, reading, kind, chosen))
    return tuple(out)


def settle_act(doc: Document, norm: str, reader: SentenceReader, reading: Reading, kind: str,
               chosen: list[Commitment]) -> list[Commitment]:
    """What a sentence taken to state a ``kind`` act gives: its parties (the ranker over the rules', one
    entry per partner of a shared act, none without two sides), one entry per act it lists
    (:mod:`kg.extract.act_count`) and the status classifier's status.
    One place, so that :mod:`kg.learn.diagnose` measures exactly what the reader does."""
    # where the act is stated, for the ranker and the status classifier alike: found once
    anchor = reader.anchor(norm, reading.candidate.sentence, kind) if chosen else None
    if chosen and reader.party_weights:
        ranked = rank_pairs(doc, norm, reader, reading.candidate, kind, chosen[0], anchor)
        chosen = apply_parties(kind, chosen, ranked, reader.party_override, reader.party_extra)
    chosen = with_partners(doc, kind, reading.candidate,
                           two_sided_acts(norm, reading.candidate.sentence, kind, chosen, lone_country(doc)))
    status = act_status(norm, reader, reading, kind, chosen[0], anchor) if chosen and reader.status_weights else None
    return [replace(c, status=status) for c in chosen] if status else chosen


def two_sided_acts(norm: str, sentence: Span, kind: str, chosen: list[Commitment],
                   lone: str | None = None) -> list[Commitment]:
    """The entries of one sentence and ``kind`` that have two different sides (or, on a page whose
    principals hold the one country ``lone``, given by it to no country: :mod:`kg.extract.party_group`),
    one more per act the sentence lists (:mod:`kg.extract.act_count`), a lone act's number
    (:mod:`kg.extract.act_quantity`): the step the reader, its training and its tuning share."""
    sided = toward_group(chosen, lone) if lone else [c for c in chosen if c.by and c.to and c.by != c.to]
    listed = with_listed_acts(norm, sentence, kind, sided)
    return with_lone_number(norm, sentence, kind, listed)


def act_status(norm: str, reader: SentenceReader, reading: Reading, kind: str, first: Commitment,
               anchor: Span | None = None) -> str | None:
    """The status classifier's status of the ``kind`` act a sentence states (``first``: its rules' reading;
    ``anchor``: :meth:`SentenceReader.anchor` of the sentence and kind, found here when not given)."""
    sentence = reading.candidate.sentence
    cues = status_features(norm, sentence)
    anchor = reader.anchor(norm, sentence, kind) if anchor is None else anchor
    extra = act_status_features(norm, sentence, kind, cues, first.status, anchor,
                                narrator=reading.candidate.utterance.speaker is None)
    return reader.status(reading.features + cues + extra, kind)


def rank_pairs(doc: Document, norm: str, reader: SentenceReader, candidate: Candidate, kind: str,
               base: Commitment, anchor: Span | None = None) -> list[tuple[float, tuple[str, str]]]:
    """Every candidate (giver, receiver) pair of the sentence with the ranker's score, best first
    (``anchor``: :meth:`SentenceReader.anchor` of the sentence and kind, found here when not given)."""
    anchor = reader.anchor(norm, candidate.sentence, kind) if anchor is None else anchor
    context = pair_context(doc, norm, candidate.utterance, candidate.sentence, kind, anchor)
    rule_pair = (base.by, base.to)
    scored = [(reader.pair_score(pair_features(context, pair, rule_pair)), pair)
              for pair in candidate_pairs(context)]
    return sorted(scored, key=lambda item: (-item[0], item[1]))


def with_partners(doc: Document, kind: str, candidate: Candidate, chosen: list[Commitment]) -> list[Commitment]:
    """``chosen`` and, for a mutual act the sentence shares among several partners, one more entry per partner."""
    if kind not in MUTUAL_TYPES or not chosen:
        return chosen
    pairs = partner_pairs(doc, candidate.utterance, candidate.sentence, (chosen[0].by, chosen[0].to))
    taken = {frozenset((c.by, c.to)) for c in chosen}
    return chosen + [replace(chosen[0], by=a, to=b) for a, b in pairs if frozenset((a, b)) not in taken]


def propose_commitment(doc: Document, norm: str, reader: SentenceReader, candidate: Candidate,
             kind: str) -> Commitment | None:
    """A commitment of ``kind`` for a sentence the rules passed over, read with the rules' parts."""
    sentence = candidate.sentence
    anchor = reader.anchor(norm, sentence, kind)
    parties = resolve_parties(doc, candidate.utterance, sentence, anchor, kind in MUTUAL_TYPES)
    if (parties.by is None or parties.to is None or parties.by == parties.to) and not reader.party_weights:
        return None  # without the ranker nobody can name the parties
    quantities = parse_quantities(doc.text, sentence.start, sentence.end)
    fitting = [q for q in quantities if q.unit in cues.units_of(kind)]
    quantity = min(fitting, key=lambda q: abs((q.span.start if q.span else 0) - anchor.start)) if fitting else None
    status = read_status(norm, sentence, [q.span.start for q in quantities if q.span], anchor.end)
    item = find_item(norm, sentence) if kind in ITEM_TYPES else None
    return Commitment(type=kind, by=parties.by, to=parties.to, status=status, span=sentence,
                      utterance=candidate.utterance.index, speaker=candidate.utterance.speaker,
                      item=item, quantity=quantity)


def extract_commitments(doc: Document) -> Document:
    """Pipeline component: fills ``doc.commitments`` with the shipped reader's decisions."""
    return replace(doc, commitments=read_commitments(doc, shipped_reader()))

