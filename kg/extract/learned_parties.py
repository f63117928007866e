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
name Korea alike and point opposite ways; where the act is held ("the forum
in Weimar": the host) and a name that qualifies a thing ("Russian gas": its
origin) come from :mod:`kg.extract.party_places`.  The best pair wins when it is
confident enough to overrule the rules; further pairs above a second
threshold add one commitment each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import permutations
from typing import Iterable

from kg.extract.party_places import name_use, venues
from kg.extract.resolve import find_countries, leader_mentions, other_country, speaker_country
from kg.model import MUTUAL_TYPES, Commitment, Document, Span, Utterance

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
    # a gathering held somewhere goes from its host; one who takes part in it travels there
    ("event", r"\bsummit|\bforum\b|\bconference|\bmeeting|\bevents?\b|\bcelebrat"),
    ("attend", r"\bparticipat|\battend|\bjoin"),
)
_DIRECTION = tuple((name, re.compile(pattern, re.I)) for name, pattern in _DIRECTION_CUES)
# A leader's "we"/"you" refer to a side as surely as its name; narrator text uses names and "he" instead.
_OWN_WORDS = re.compile(r"\b(?:we|our|us|ours|I|my|me)\b")
_OTHER_WORDS = re.compile(r"\b(?:you|your|yours)\b", re.I)
_NOT_ACTS = frozenset({"from", "with", "we", "you"})  # direction words that name no act of their own
_AGENT_REACH = 40  # characters between a direction word and the side it is said of
_TITLES = re.compile(r"(?:\b(?:mr|mrs|ms|president|prime|minister|chancellor|king|emir|premier|"
                     r"secretary|general|crown|prince|his|her|majesty|the)\.?\s+)+$", re.I)


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
    # code -> start of its first reference of any kind (name, a principal's surname, "we"/"you") and the
    # word before it, titles skipped: "Mr Aznar invited Mr Putin" names both sides by their leaders
    referred: dict[str, int] = field(default_factory=dict)
    ref_before: dict[str, str] = field(default_factory=dict)
    agents: dict[str, frozenset[str]] = field(default_factory=dict)  # code -> subj:CUE / obj:CUE (_agents)
    venues: frozenset[str] = frozenset()  # the sides named as the place of the act (party_places.venues)
    uses: dict[str, str] = field(default_factory=dict)  # code -> what follows its first name (party_places.name_use)

    @property
    def codes(self) -> list[str]:
        ordered = [c for c in (self.own, self.other, self.publisher) if c]
        ordered += sorted(self.named) + sorted(self.participants)
        seen: list[str] = []
        for code in ordered:
            if code not in seen:
                seen.append(code)
        return seen[:_MAX_COUNTRIES]

    @cached_property
    def _role_table(self) -> dict[str, tuple[str, ...]]:
        """Each candidate side's roles (:func:`_roles`), worked out once: every pair asks for them twice."""
        return {code: tuple(_roles(self, code)) for code in self.codes}

    def roles_of(self, code: str) -> tuple[str, ...]:
        """The roles of one side (:func:`_roles`), from the table for a candidate side."""
        found = self._role_table.get(code)
        return found if found is not None else tuple(_roles(self, code))


def pair_context(doc: Document, norm: str, utterance: Utterance, sentence: Span, kind: str,
                 anchor: Span) -> PairContext:
    named: dict[str, list[int]] = {}
    before: dict[str, str] = {}
    uses: dict[str, str] = {}
    mentions = find_countries(doc, sentence)  # read once: the names and the references below both use them
    for mention in mentions:
        named.setdefault(mention.code, []).append(mention.span.start)
        uses.setdefault(mention.code, name_use(norm, mention.span.end, sentence.end))
        if mention.code not in before:
            word = _WORD_BEFORE.search(norm[max(sentence.start, mention.span.start - 25):mention.span.start].lower())
            before[mention.code] = word.group(1) if word else "^"
    cues = frozenset(name for name, pattern in _DIRECTION if pattern.search(norm, sentence.start, sentence.end))
    own, other = speaker_country(doc, utterance), other_country(doc, utterance)
    voiced = utterance.speaker is not None
    refs = _references(doc, norm, sentence, own if voiced else None, other if voiced else None)
    refs += [(m.span.start, m.span.end, m.code) for m in mentions]
    refs.sort()
    referred: dict[str, int] = {}
    for start, _, code in refs:
        referred.setdefault(code, start)
    ref_before = {code: _word_before(norm, sentence, start) for code, start in referred.items()}
    participants = frozenset(p.country for p in doc.participants if p.country)
    in_play = [c for c in (own, other, doc.publisher_country) if c] + sorted(named) + sorted(participants)
    return PairContext(kind=kind, own=own, other=other, publisher=doc.publisher_country,
                       participants=participants, named=named, before=before, anchor=anchor, narrator=not voiced,
                       cues=cues, referred=referred, ref_before=ref_before, agents=_agents(norm, sentence, refs, cues),
                       venues=venues(norm, sentence, in_play, own, voiced), uses=uses)


def _references(doc: Document, norm: str, sentence: Span, own: str | None,
                other: str | None) -> list[tuple[int, int, str]]:
    """(start, end, code) of every principal's surname, and of "we"/"you" in a leader's sentence."""
    found = [(m.span.start, m.span.end, m.code) for m in leader_mentions(doc, norm, sentence)]
    for pattern, code in ((_OWN_WORDS, own), (_OTHER_WORDS, other)):
        if code:
            found += [(m.start(), m.end(), code) for m in pattern.finditer(norm, sentence.start, sentence.end)]
    return found


def _agents(norm: str, sentence: Span, refs: list[tuple[int, int, str]],
            cues: frozenset[str] | None = None) -> dict[str, frozenset[str]]:
    """code -> "subj:CUE" where the side is the nearest one referred to right before a direction word
    ("Mr Aznar invited", "your invitation") and "obj:CUE" right after it ("invited Mr Putin"); ``cues``,
    the direction words found in the sentence, spares a scan for those it lacks."""
    out: dict[str, set[str]] = {}
    for name, pattern in _DIRECTION:
        if name in _NOT_ACTS or (cues is not None and name not in cues):
            continue
        for match in pattern.finditer(norm, sentence.start, sentence.end):
            before = [r for r in refs if r[1] <= match.start() and match.start() - r[1] <= _AGENT_REACH]
            after = [r for r in refs if r[0] >= match.end() and r[0] - match.end() <= _AGENT_REACH]
            if before:
                out.setdefault(before[-1][2], set()).add(f"subj:{name}")
            if after:
                out.setdefault(after[0][2], set()).add(f"obj:{name}")
    return {code: frozenset(roles) for code, roles in out.items()}


def _word_before(norm: str, sentence: Span, start: int) -> str:
    head = norm[max(sentence.start, start - 60):start]
    title = _TITLES.search(head)
    head = head[:title.start()] if title else head
    word = _WORD_BEFORE.search(head.lower())
    return word.group(1) if word else "^"


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
        yield f"use={context.uses.get(code, 'free')}"
    else:
        yield "unnamed"
    start = context.referred.get(code)
    if start is not None:
        yield "ref-before" if start < context.anchor.start else "ref-after"
        yield f"rprev={context.ref_before.get(code, '^')}"
    yield from sorted(context.agents.get(code, ()))
    if code in context.venues:
        yield "venue"


def pair_features(context: PairContext, pair: tuple[str, str], rule_pair: tuple[str | None, str | None]) -> list[str]:
    """Features of one pair: each side's roles, the rules' choice, the kind of act, the page's voice."""
    a, b = pair
    group = "m" if context.kind in MUTUAL_TYPES else "d"
    feats = {"bias", f"{group}:bias", f"k:{context.kind}"}
    for role in context.roles_of(a):
        feats.add(f"{group}:a:{role}")
        feats.add(f"{context.kind}:a:{role}")
    for role in context.roles_of(b):
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
    if a in context.referred and b in context.referred:
        first = "a" if context.referred[a] < context.referred[b] else "b"
        feats.add(f"{group}:{first}-ref-first")
        feats.update(f"{context.kind}:{cue}:{first}-ref-first" for cue in context.cues)
    feats.update(_cue_features(context, a, b))
    return sorted(feats)


_CROSSED_ROLES = ("own", "other", "publisher", "named-before", "named-after", "ref-before", "ref-after", "venue",
                  "use=mod")


def _cue_features(context: PairContext, a: str, b: str) -> set[str]:
    """Each direction word of the sentence crossed with the kind and each side's main roles.

    "invite ... to visit Korea" and "a visit to Korea" name Korea the same way
    and point opposite ways; only the verb around tells the ranker which.
    """
    roles_a = [r for r in context.roles_of(a) if r in _CROSSED_ROLES]
    roles_b = [r for r in context.roles_of(b) if r in _CROSSED_ROLES]
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


def apply_parties(kind: str, chosen: list[Commitment], ranked: list[tuple[float, tuple[str, str]]],
                  override: float, extra: float) -> list[Commitment]:
    """The rules' parties, or the ranker's best pair where it is sure; further sure pairs add commitments."""
    if not ranked:
        return chosen
    rule_pair = (chosen[0].by, chosen[0].to)
    best_score, best = ranked[0]
    resolved = rule_pair[0] and rule_pair[1] and rule_pair[0] != rule_pair[1]
    if not same_pair(kind, best, rule_pair) and (best_score >= override or not resolved):
        chosen = [replace(c, by=best[0], to=best[1]) for c in chosen]
    current = (chosen[0].by, chosen[0].to)
    more = [replace(chosen[0], by=pair[0], to=pair[1]) for score, pair in ranked[1:]
            if score >= extra and not same_pair(kind, pair, current)]
    return chosen + more
