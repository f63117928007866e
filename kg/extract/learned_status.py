"""What the status classifier knows of one act beyond its sentence's words.

The sentence's words and the cue book's status records say what the sentence
as a whole sounds like; a sentence often states one act as done and another as
planned ("we signed the agreement and will build the plant").  So the
classifier also sees, for the act of one type:

- each status cue crossed with the type ("signed" weighs differently for an
  Agreement than for a Visit);
- the rules' own status for this act (the rule hit of the type, or the status
  read from the sentence's tense for an act the reader proposes);
- the words right before and after the word the act is anchored at, where its
  governing verb usually stands ("will supply", "have delivered").

Training (:mod:`kg.learn.train`) and reading (:mod:`kg.extract.learned`) both
build these features here, so they cannot drift apart.
"""

from __future__ import annotations

import re

from kg.extract.commitment_rules import read_status
from kg.extract.quantities import parse_quantities
from kg.model import Commitment, Document, Span

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_BEFORE = 5  # words before the anchor
_AFTER = 4  # words from the anchor on


def act_status_features(norm: str, sentence: Span, kind: str, cues: list[str], rule_status: str | None,
                        anchor: Span) -> list[str]:
    """The status features of one ``kind`` act in ``sentence`` (``cues`` are the sentence's ``cue:`` features)."""
    feats = [f"{kind}|{cue}" for cue in cues]
    status = rule_status or "none"
    feats += [f"rst:{status}", f"rst:{kind}:{status}"]
    text = norm[sentence.start:sentence.end].lower()
    at = max(0, anchor.start - sentence.start)
    feats += [f"nb:{w}" for w in _TOKEN.findall(text[:at])[-_BEFORE:]]
    feats += [f"na:{w}" for w in _TOKEN.findall(text[at:])[:_AFTER]]
    return feats


def rule_status_of(doc: Document, norm: str, rules: tuple[Commitment, ...], sentence: Span, kind: str,
                   anchor: Span) -> str:
    """The rules' status of a ``kind`` act: their hit's, else the one the sentence's tense gives at the anchor
    (what :func:`kg.extract.learned.propose_commitment` reads for an act it proposes)."""
    hit = next((c for c in rules if c.type == kind), None)
    if hit is not None:
        return hit.status
    quantities = parse_quantities(doc.text, sentence.start, sentence.end)
    return read_status(norm, sentence, [q.span.start for q in quantities if q.span], anchor.end)
