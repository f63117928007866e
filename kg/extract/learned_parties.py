"""Who gives and who receives: a trained ranker over the candidate country pairs of a sentence.

Once the sentence and the type are right, the rules' giver and receiver
(:mod:`kg.extract.resolve`) are wrong about one time in six, and a sentence of
a joint statement often states one act towards several partners ("with Japan
and the Republic of Korea"), which the rules give once.  The ranker scores
every ordered pair (unordered for the mutual types) of the countries in play —
the speaker's, the addressee's, the publisher's, the participants' and those
named in the sentence — with features of their roles and of the words around
their names, the rules' own choice among them, and the sentence's direction
words ("invite", "host", "thank", "from") crossed with each side's role, since
"invite the President to visit Korea" and "the President's visit to Korea"
name Korea alike and point opposite ways.  The best pair wins when it is
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
# Words that tell which way an act goes once its type is known: an invitation or a hosted event goes
# from the host, a trip from the traveller; the one thanked gives; aid and deliveries go to someone.
_DIRECTION_CUES = (
    ("invite", r"\binvit"), ("host", r"\bhost"), ("welcome", r"\bwelcom"), ("receive", r"\breceiv"),
    ("thank", r"\bthank|\bgrateful|\bgratitude"), ("visit", r"\bvisit"), ("trip", r"\btrip|\btravel"),
    ("come", r"\bcom(?:e|ing)\b"), ("announce", r"\bannounc"), ("provide", r"\bprovid"),
    ("assist", r"\bassist|\baid\b|\bhelp"), ("request", r"\brequest|\bask"), ("from", r"\bfrom\b"),
    ("with", r"\bwith\b"), ("we", r"\b(?:we|our|us)\b"), ("you", r"\b(?:you|your)\b"),
)
_DIRECTION = tuple((name, re.compile(pattern, re.I)) for name, pattern in _DIRECTION_CUES)


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
    cues: frozenset[str] = frozenset()  # the direction words of the sentence (_DIRECTION_CUES)

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
    cues = frozenset(name for name, pattern in _DIRECTION if pattern.search(norm, sentence.start, sentence.end))
    return PairContext(kind=kind, own=speaker_country(doc, utterance), other=other_country(doc, utterance),
                       publisher=doc.publisher_country,
                       participants=frozenset(p.country for p in doc.participants if p.country),
                       named=named, before=before, anchor=anchor, narrator=utterance.speaker is None, cues=cues)


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
    feats.update(_cue_features(context, a, b))
    return sorted(feats)


_CROSSED_ROLES = ("own", "other", "publisher", "named-before", "named-after")


def _cue_features(context: PairContext, a: str, b: str) -> set[str]:
    """Each direction word of the sentence crossed with the kind and each side's main roles.

    "invite ... to visit Korea" and "a visit to Korea" name Korea the same way
    and point opposite ways; only the verb around tells the ranker which.
    """
    roles_a = [r for r in _roles(context, a) if r in _CROSSED_ROLES]
    roles_b = [r for r in _roles(context, b) if r in _CROSSED_ROLES]
    out = set()
    for cue in context.cues:
        out.update(f"{context.kind}:{cue}:a:{role}" for role in roles_a)
        out.update(f"{context.kind}:{cue}:b:{role}" for role in roles_b)
    return out


def same_pair(kind: str, found: tuple[str | None, str | None], gold: tuple[str | None, str | None]) -> bool:
    """The scorer's test of parties: ordered for directed types, unordered for mutual ones."""
    if kind in MUTUAL_TYPES:
        return {found[0], found[1]} == {gold[0], gold[1]}
    return found == gold
