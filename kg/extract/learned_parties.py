"""Who gives and who receives: a trained ranker over the candidate country pairs of a sentence.

Once the sentence and the type are right, the rules' giver and receiver
(:mod:`kg.extract.resolve`) are wrong about one time in six, and a sentence of
a joint statement often states one act towards several partners ("with Japan
and the Republic of Korea"), which the rules give once.  The ranker scores
every ordered pair (unordered for the mutual types) of the countries in play —
the speaker's, the addressee's, the publisher's, the participants' and those
named in the sentence — with features of their roles and of the words around
their names, the rules' own choice among them.  The best pair wins when it is
confident enough to overrule the rules; further pairs above a second
threshold add one commitment each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import permutations
from typing import Iterable

from kg.extract.resolve import find_countries, other_country, speaker_country
from kg.model import MUTUAL_TYPES, Document, Span, Utterance

_MAX_COUNTRIES = 8
_WORD_BEFORE = re.compile(r"([a-z']+)\W*$")


@dataclass(frozen=True)
class PairContext:
    """What the ranker knows of one (sentence, type): the countries in play and where they are named."""

    kind: str
    own: str | None
    other: str | None
    publisher: str | None
    participants: frozenset[str]
    named: dict[str, list[int]]  # code -> start offsets of its mentions in the sentence
    before: dict[str, str]  # code -> the word right before its first mention
    anchor: Span
    narrator: bool

    @property
    def codes(self) -> list[str]:
        ordered = [c for c in (self.own, self.other, self.publisher) if c]
        ordered += sorted(self.named) + sorted(self.participants)
        seen: list[str] = []
        for code in ordered:
            if code not in seen:
                seen.append(code)
        return seen[:_MAX_COUNTRIES]


def pair_context(doc: Document, norm: str, utterance: Utterance, sentence: Span, kind: str,
                 anchor: Span) -> PairContext:
    named: dict[str, list[int]] = {}
    before: dict[str, str] = {}
    for mention in find_countries(doc, sentence):
        named.setdefault(mention.code, []).append(mention.span.start)
        if mention.code not in before:
            word = _WORD_BEFORE.search(norm[max(sentence.start, mention.span.start - 25):mention.span.start].lower())
            before[mention.code] = word.group(1) if word else "^"
    return PairContext(kind=kind, own=speaker_country(doc, utterance), other=other_country(doc, utterance),
                       publisher=doc.publisher_country,
                       participants=frozenset(p.country for p in doc.participants if p.country),
                       named=named, before=before, anchor=anchor, narrator=utterance.speaker is None)


def candidate_pairs(context: PairContext) -> list[tuple[str, str]]:
    """Ordered pairs, or for a mutual type each unordered pair once (the speaker's side first)."""
    codes = context.codes
    pairs = list(permutations(codes, 2))
    if context.kind not in MUTUAL_TYPES:
        return pairs
    out, seen = [], set()
    for a, b in pairs:
        key = frozenset((a, b))
        if key in seen:
            continue
        seen.add(key)
        out.append((a, b) if a == context.own or b != context.own else (b, a))
    return out


def _roles(context: PairContext, code: str) -> Iterable[str]:
    if code == context.own:
        yield "own"
    if code == context.other:
        yield "other"
    if code == context.publisher:
        yield "publisher"
    if code in context.participants:
        yield "participant"
    starts = context.named.get(code)
    if starts:
        yield "named"
        yield "named-before" if starts[0] < context.anchor.start else "named-after"
        yield f"prev={context.before.get(code, '^')}"
        if len(starts) > 1:
            yield "named-twice"
    else:
        yield "unnamed"


def pair_features(context: PairContext, pair: tuple[str, str], rule_pair: tuple[str | None, str | None]) -> list[str]:
    """Features of one pair: each side's roles, the rules' choice, the kind of act, the page's voice."""
    a, b = pair
    group = "m" if context.kind in MUTUAL_TYPES else "d"
    feats = {"bias", f"{group}:bias", f"k:{context.kind}"}
    for role in _roles(context, a):
        feats.add(f"{group}:a:{role}")
        feats.add(f"{context.kind}:a:{role}")
    for role in _roles(context, b):
        feats.add(f"{group}:b:{role}")
        feats.add(f"{context.kind}:b:{role}")
    same = (a, b) == rule_pair or (group == "m" and {a, b} == set(rule_pair))
    swapped = group == "d" and (b, a) == rule_pair
    feats.add(f"{group}:rule={'same' if same else 'swapped' if swapped else 'other'}")
    if rule_pair[0] == a:
        feats.add(f"{group}:rule.by=a")
    if rule_pair[1] == b:
        feats.add(f"{group}:rule.to=b")
    feats.add(f"{group}:named={min(len(context.named), 4)}")
    feats.add(f"{group}:voice={'narrator' if context.narrator else 'leader'}")
    if context.named.get(a) and context.named.get(b):
        feats.add(f"{group}:a-named-first" if context.named[a][0] < context.named[b][0] else f"{group}:b-named-first")
    return sorted(feats)


def same_pair(kind: str, found: tuple[str | None, str | None], gold: tuple[str | None, str | None]) -> bool:
    """The scorer's test of parties: ordered for directed types, unordered for mutual ones."""
    if kind in MUTUAL_TYPES:
        return {found[0], found[1]} == {gold[0], gold[1]}
    return found == gold
