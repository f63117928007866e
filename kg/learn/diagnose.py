"""Where the reader loses commitments: misses and false finds sorted into buckets by stage.

Two views, both over prepared pages (:mod:`kg.learn.pages`) of the train or dev
split, never the test split:

- :func:`decision_buckets`: the reader's own decisions (the sentence scorer's
  thresholds included), scored strictly; each unmatched entry is put in one
  bucket by what the other side holds in its sentence (``sentence``, ``type``,
  ``by-to``, ``quantity``, ``count``), and matched pairs with a wrong status by
  (gold, found) status.
- :func:`given_sentence_buckets`: what the reader decides once the sentence and
  type are right, for every gold commitment whose sentence is a candidate: the
  rule hits of that type (or the reader's proposal), the ranker's parties, the
  status.  This isolates the parts read after the sentence scorer (parties,
  quantity, how many entries, status) from its choice of sentence.

Buckets of wrong parties and quantities are also tagged with the pattern they
show (narrator voice, mutual type, swapped direction, a number after "over").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

from kg.eval.goldjson import _commitment as commitment_json
from kg.eval.scoring import _pair_key, _same_number, _commitment_matches, match, same_sentence
from kg.extract.learned import (
    Reading, SentenceReader, act_status, decide, propose_commitment, settle_act,
)
from kg.learn.pages import PageData, _best_sentence
from kg.model import COMMITMENT_TYPES, MUTUAL_TYPES, Commitment

_APPROX = re.compile(r"\b(?:over|more than|about|around|almost|nearly|some|up to|at least|approximately)\s+\S*$", re.I)


@dataclass
class Buckets:
    """Counts per bucket, with the entries behind each for reading."""

    counts: Counter = field(default_factory=Counter)
    examples: list[tuple[str, str, dict, dict | None]] = field(default_factory=list)  # bucket, page, entry, other

    def add(self, bucket: str, page: str, entry: dict, other: dict | None = None) -> None:
        self.counts[bucket] += 1
        self.examples.append((bucket, page, entry, other))


def _bucket(entry: dict, others: list[dict], gold_side: bool) -> tuple[str, dict | None]:
    """What the other side holds in ``entry``'s sentence (``gold_side``: ``entry`` is a gold one)."""
    there = [o for o in others if same_sentence(entry.get("quote"), o.get("quote"))]
    if not there:
        return "sentence", None
    typed = [o for o in there if o.get("type") == entry.get("type")]
    if not typed:
        return "type", there[0]
    paired = [o for o in typed if _pair_key(o) == _pair_key(entry)]
    if not paired:
        return "by-to", typed[0]
    gold_of = (lambda o: entry) if gold_side else (lambda o: o)
    found_of = (lambda o: o) if gold_side else (lambda o: entry)
    fitting = [o for o in paired if gold_of(o).get("quantity") is None
               or _same_number(found_of(o).get("quantity"), gold_of(o).get("quantity"))]
    if not fitting:
        return "quantity", paired[0]
    return "count", fitting[0]


def party_pattern(gold: dict, found: dict, narrator: bool) -> str:
    """The shape of a wrong pair: swapped, one side right, or both wrong; with the voice and the kind."""
    mutual = gold.get("type") in MUTUAL_TYPES
    g, f = (gold.get("by"), gold.get("to")), (found.get("by"), found.get("to"))
    if not mutual and f == (g[1], g[0]):
        shape = "swapped"
    elif (mutual and set(f) & set(g)) or (not mutual and f[0] == g[0]):
        shape = "receiver wrong" if not mutual else "one side wrong"
    elif not mutual and f[1] == g[1]:
        shape = "giver wrong"
    elif not mutual and (set(f) & set(g)):
        shape = "one side misplaced"
    else:
        shape = "both wrong"
    voice = "narrator" if narrator else "leader"
    return f"{'mutual' if mutual else gold.get('type')} {voice}: {shape}"


def quantity_pattern(gold: dict, found: dict | None, sentence: str) -> str:
    """Why a number is wrong: none found, none wanted, a qualifier before it, a currency, another number."""
    gq, fq = gold.get("quantity"), (found or {}).get("quantity")
    if gq is None:
        return "found a number, gold none"
    if fq is None:
        return f"no number found (gold unit {gold.get('unit')})"
    text = sentence.replace("\u00a0", " ")
    number = f"{gq:,}" if isinstance(gq, int) else str(gq)
    at = text.find(number.split(".")[0].split(",")[0])
    if at > 0 and _APPROX.search(text[:at]):
        return "other number, qualifier before the gold one"
    if gold.get("unit") != (found or {}).get("unit"):
        return f"other number and unit ({found.get('unit')} for {gold.get('unit')})"
    return "other number, same unit"


def decision_buckets(items: Sequence[tuple[str, dict, dict]], narrator_of: Callable[[str, str], bool] | None = None
                     ) -> Buckets:
    """Buckets of the reader's decisions, strictly matched (``narrator_of(page, quote)`` tags the voice)."""
    out = Buckets()
    for name, found, gold in items:
        fc, gc = found.get("commitments") or [], gold.get("commitments") or []
        pairs, extra, missing = match(fc, gc, lambda f, g: _commitment_matches(f, g, True))
        out.counts["gold"] += len(gc)
        out.counts["found"] += len(fc)
        out.counts["matched"] += len(pairs)
        for side, entries, others in (("missed", missing, fc), ("false", extra, gc)):
            for entry in entries:
                bucket, other = _bucket(entry, others, side == "missed")
                out.add(f"{side}: {bucket}", name, entry, other)
                if side == "missed" and bucket == "by-to" and other is not None:
                    narrator = bool(narrator_of and narrator_of(name, entry.get("quote") or ""))
                    out.counts[f"  by-to {party_pattern(entry, other, narrator)}"] += 1
                if side == "missed" and bucket == "quantity":
                    out.counts[f"  quantity {quantity_pattern(entry, other, entry.get('quote') or '')}"] += 1
        for f, g in pairs:
            if f.get("status") != g.get("status"):
                out.add(f"status {g.get('status')} -> {f.get('status')}", name, f, g)
        out.counts["status right"] += sum(f.get("status") == g.get("status") for f, g in pairs)
    return out


def decision_items(pages: Sequence[PageData], reader: SentenceReader) -> list[tuple[str, dict, dict]]:
    """(name, found, gold) items of the reader's own decisions on prepared pages, as ``kg eval`` reads them."""
    from kg.learn.train import score_pages, select

    scored = score_pages(pages, reader)
    norms = {id(r): s.page.norm for s in scored for r in s.readings}

    def status_of(r: Reading, kind: str, first: Commitment) -> str | None:
        return act_status(norms[id(r)], reader, r, kind, first)

    return select(scored, reader.keep, reader.propose, status_of if reader.status_weights else None,
                  override=reader.party_override, extra=reader.party_extra)


def upper_bound_parties(items: Sequence[tuple[str, dict, dict]]) -> dict[str, float]:
    """Strict F1 if every found commitment had the right parties: matching ignores by and to."""
    def same(f: dict, g: dict) -> bool:
        if f.get("type") != g.get("type"):
            return False
        if g.get("quantity") is not None and not _same_number(f.get("quantity"), g["quantity"]):
            return False
        return same_sentence(f.get("quote"), g.get("quote"))

    tp = fp = fn = 0
    for _, found, gold in items:
        pairs, extra, missing = match(found.get("commitments") or [], gold.get("commitments") or [], same)
        tp, fp, fn = tp + len(pairs), fp + len(extra), fn + len(missing)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {"precision": p, "recall": r, "f1": 2 * p * r / max(1e-9, p + r)}


def sentence_commitments(page: PageData, reader: SentenceReader, reading: Reading, kind: str) -> list[Commitment]:
    """What the reader gives for a sentence once it is taken to state a ``kind`` commitment."""
    chosen = decide(reading, kind, -1.0, -1.0,
                    lambda: propose_commitment(page.doc, page.norm, reader, reading.candidate, kind))
    return settle_act(page.doc, page.norm, reader, reading, kind, chosen)


def given_sentence_buckets(pages: Sequence[PageData], reader: SentenceReader,
                           decide_sentence: Callable | None = None) -> Buckets:
    """Buckets of parties, quantity, count and status for every gold (sentence, type) of the pages."""
    decide_sentence = decide_sentence or sentence_commitments
    out = Buckets()
    for page in pages:
        texts = [page.doc.text[c.sentence.start:c.sentence.end] for c in page.candidates]
        groups: dict[tuple[int, str], list[dict]] = {}
        for gold in page.gold.get("commitments") or []:
            at = _best_sentence(texts, gold.get("quote") or "")
            if at is None or gold.get("type") not in COMMITMENT_TYPES:
                out.counts["gold without a candidate sentence"] += 1
                continue
            groups.setdefault((at, gold["type"]), []).append(gold)
        for (at, kind), golds in sorted(groups.items(), key=lambda kv: kv[0]):
            candidate = page.candidates[at]
            reading = Reading(candidate, page.features[at], reader.scores(page.features[at]))
            found = [commitment_json(page.doc, c) for c in decide_sentence(page, reader, reading, kind)]
            for f in found:
                f["quote"] = texts[at]
            _score_group(out, page.name, kind, [{**g, "quote": texts[at]} for g in golds], found,
                         candidate.utterance.speaker is None, bool(candidate.rules))
    return out


def _score_group(out: Buckets, name: str, kind: str, golds: list[dict], found: list[dict], narrator: bool,
                 ruled: bool) -> None:
    pairs, extra, missing = match(found, golds, lambda f, g: _commitment_matches(f, g, True))
    out.counts["gold"] += len(golds)
    out.counts["found"] += len(found)
    out.counts["matched"] += len(pairs)
    out.counts["groups"] += 1
    out.counts[f"groups with {'a rule hit' if ruled else 'a proposal'}"] += 1
    if len(found) != len(golds):
        out.counts[f"count {kind}: gold {min(len(golds), 3)}{'+' if len(golds) > 3 else ''} found "
                   f"{min(len(found), 3)}{'+' if len(found) > 3 else ''}"] += 1
    for g in missing:
        bucket, other = _bucket(g, found, True)
        out.add(f"missed: {bucket}", name, g, other)
        if bucket == "by-to" and other is not None:
            out.counts[f"  by-to {party_pattern(g, other, narrator)}"] += 1
        if bucket == "quantity":
            out.counts[f"  quantity {quantity_pattern(g, other, g.get('quote') or '')}"] += 1
    for f in extra:
        bucket, other = _bucket(f, golds, False)
        out.add(f"false: {bucket}", name, f, other)
    for f, g in pairs:
        out.counts["status right" if f.get("status") == g.get("status") else
                   f"status {g.get('status')} -> {f.get('status')}"] += 1
        if f.get("status") != g.get("status"):
            out.examples.append((f"status {g.get('status')} -> {f.get('status')}", name, f, g))
