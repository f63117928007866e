"""How many acts of one type a sentence states: coordinated goods, events and documents, one entry each.

The gold gives one entry per act (GOLD-FORMAT): "China imports its electricity
and coal from Russia" is two Supply entries, "the G8 summit and the SCO summit"
two Visits, "the Border Treaty and the Joint Declaration" two Agreements.  Once the
sentence and type are right, the reader's entries differ from the gold's most
often by being too few, because the rules give one act per cue and most such
sentences have one cue with a list after it.

The count is read as data: per type, a table of the nouns that name one act
each (the goods words of the cue book for Supply, gathering nouns for Visit,
document nouns for Agreement, built or held projects for Cooperation).  Two or
more of them count as that many acts only when they are *coordinated*: the
text between two neighbours is the first one's complement ("of the CIS"), a
list joint ("and", "as well as", a comma that an "and" later closes) and at
most four words of the next one's modifiers, with no word that starts a clause
or a phrase of its own ("or" names one act twice, "including" an example of
it).  So "gas deliveries grew to 9 billion cubic metres of gas" is one act and
"oil and natural gas" two; plural nouns ("agreements and contracts",
"meetings and consultations") are sets, not lists, and goods words that
qualify a noun ("the oil and gas sector") are no goods.  Where nothing is
coordinated the sentence states one act and the reader's entries stand.

Measured given the gold sentence and type on train (designed there) and dev,
and in the reader's five-fold out-of-fold F1 on train: see docs/model-card.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract import cues
from kg.model import MUTUAL_TYPES, Commitment, Span

LISTED_ACTS = True  # off: one entry per cue as before (for measuring the change)

# The nouns that name one act each, per type; a type not listed is never counted.
_EVENT_NOUNS = (r"\b(?:summits?|meetings?|forums?|sessions?|dialogues?|visits?|talks|trips?|conferences?|"
                r"consultations|events|celebrations|ceremon(?:y|ies))\b")
# a joint project, named by what is built or held: "the Turkish Stream pipeline and the Akkuyu power plant"
_PROJECT_NOUNS = (r"\b(?:(?:nuclear |hydroelectric |thermal )?power (?:plant|station)|NPP|pipeline|stream|railway|"
                  r"rail link|bridge|cable car|port|terminal|exhibition|festival|plant|factory|"
                  r"cent(?:re|er)|institute|airport|highway|motorway|tunnel|cosmodrome|satellite|spaceport)\b")
_DOCUMENT_NOUNS = (r"\b(?:agreements?|treat(?:y|ies)|memorand(?:um|ums|a)|declarations?|conventions?|"
                   r"protocols?|roadmaps?|statements?|communiqu\w+|contracts?|programmes?|plans? of action|"
                   r"action plans?)\b")
# between two coordinated nouns: the first one's complement ("of the CIS"), a list joint ("and", a comma,
# "as well as") with a preposition and an article, then at most four words of the next one's modifiers
# (names, adjectives); _NOT_MODIFIERS and _CLAUSE keep out what starts a clause or a phrase of its own
_JOINT = re.compile(r"^(?P<complement>\s+(?:of|in|on)\s+(?:[\w'.-]+\s+){0,5}?[\w'.-]+)?"
                    r"\s*(?:,\s*)?(?:(?:and|as well as|and also|along with|plus)\s+"
                    r"(?:(?:for|during|at|to|on|in|with)\s+)?(?:(?:the|a|an)\s+)?|(?:the|of)\s+)?"
                    r"(?P<modifiers>(?:[\w'.-]+\s+){0,4})$", re.I)
# words that start a clause: no complement of the first noun holds one
_CLAUSE = re.compile(r"\b(?:we|they|he|she|it|is|are|was|were|will|would|has|have|had|that|which|who|to|but|"
                     r"while|whereas|or)\b", re.I)
_NOT_MODIFIERS = re.compile(r"\b(?:we|they|he|she|it|is|are|was|were|will|would|has|have|had|that|which|who|to|"
                            r"but|while|whereas|or|a|an|the|including|such|especially|namely|in|on|for|with|"
                            r"from|before|after|during|at|by|since|until|within|just|also|our|your|their|his|"
                            r"her|its)\b", re.I)
# goods words that qualify what follows them ("the oil and gas sector") name no goods delivered
_QUALIFIED = re.compile(r"\s*(?:[\w-]+\s+)?(?:sector|sectors|company|companies|industry|industries|production|"
                        r"prices?|fields?|producers?|market|markets|projects?|consortium|deposits?|transit|"
                        r"pipelines?)\b", re.I)
# goods words that, listed together, name one kind of delivery: "weapons and equipment" is military aid
_SAME_GOODS = {"equipment": "arms"}
_PLURAL = re.compile(r"(?:s|ies|a|talks)$", re.I)


@dataclass(frozen=True)
class ActNouns:
    """One type's nouns that each name an act, as (pattern, label) pairs; a label of None takes the
    matched word (events, documents), a given label is the plain word the entry carries (goods)."""

    kind: str
    patterns: tuple[tuple[str, str | None], ...]


ACT_NOUNS: dict[str, ActNouns] = {
    "Supply": ActNouns("Supply", tuple((pattern, item) for pattern, item in cues.ITEM_CUES)),
    "Visit": ActNouns("Visit", ((_EVENT_NOUNS, None),)),
    "Agreement": ActNouns("Agreement", ((_DOCUMENT_NOUNS, None),)),
    "Cooperation": ActNouns("Cooperation", ((_PROJECT_NOUNS, None),)),
}


def _mentions(norm: str, sentence: Span, nouns: ActNouns) -> list[tuple[int, int, str]]:
    """(start, end, label) of every act noun in the sentence, in order, overlaps dropped."""
    found = []
    for pattern, label in nouns.patterns:
        for match in re.finditer(pattern, norm[sentence.start:sentence.end], re.I):
            found.append((sentence.start + match.start(), sentence.start + match.end(),
                          label or match.group().lower()))
    found.sort()
    out: list[tuple[int, int, str]] = []
    for mention in found:
        if out and mention[0] < out[-1][1]:
            continue
        out.append(mention)
    return out


def _joint(norm: str, left_end: int, right_start: int) -> str | None:
    """How the text between two act nouns joins them: "and" (a list joint), "comma" (a bare comma: a
    list only if an "and" closes it, else an apposition naming the same act) or None."""
    between = norm[left_end:right_start]
    joint = _JOINT.match(between)
    if joint is None or _NOT_MODIFIERS.search(joint.group("modifiers")) or \
            _CLAUSE.search(joint.group("complement") or ""):
        return None
    if re.search(r"\band\b|\bas well as\b|\bplus\b|\balong with\b", between, re.I):
        return "and"
    return "comma" if "," in between else None


def _labels(run: list[tuple[int, int, str]], kind: str) -> list[str]:
    """One label per act of a run: for goods each distinct kind once (equipment beside arms is arms)."""
    if kind != "Supply":
        return [m[2] for m in run]
    labels = list(dict.fromkeys(m[2] for m in run))
    return [label for label in labels if _SAME_GOODS.get(label) not in labels]


def listed_acts(norm: str, sentence: Span, kind: str) -> list[str]:
    """One label per act of ``kind`` the sentence lists (the goods word for Supply), or [] when it
    lists fewer than two: the longest run of coordinated act nouns with distinct labels."""
    nouns = ACT_NOUNS.get(kind)
    if nouns is None:
        return []
    best: list[str] = []
    run: list[tuple[int, int, str]] = []
    closed = False  # the run holds an "and": its bare commas are list joints, not appositions
    for mention in _mentions(norm, sentence, nouns):
        if (kind != "Supply" and _PLURAL.search(mention[2])) or \
                (kind == "Supply" and _QUALIFIED.match(norm, mention[1], sentence.end)):
            # "agreements and contracts": a set, not listed acts; "the oil and gas sector": no goods
            run, closed = [], False
            continue
        joint = _joint(norm, run[-1][1], mention[0]) if run else None
        if joint:
            run.append(mention)
            closed = closed or joint == "and"
        else:
            run, closed = [mention], False
        labels = _labels(run, kind) if closed else [run[0][2]]
        if len(labels) > len(best):
            best = labels
    return best if len(best) > 1 else []


def with_listed_acts(norm: str, sentence: Span, kind: str, chosen: list[Commitment]) -> list[Commitment]:
    """``chosen`` (the entries of one sentence and type, parties settled) with one more entry for the
    first pair per act the sentence lists beyond those it has: each a copy of the first, without its
    amount (that belongs to one act), carrying its own goods word for Supply."""
    if not chosen or kind not in ACT_NOUNS or not LISTED_ACTS:
        return chosen
    labels = listed_acts(norm, sentence, kind)
    first = chosen[0]
    key = _pair(first)
    mine = [c for c in chosen if _pair(c) == key]
    if len(labels) <= len(mine):
        return chosen
    taken = {c.item for c in mine}
    fresh = [label for label in labels if label not in taken] if kind == "Supply" else labels
    more = [replace(first, quantity=None, item=label if kind == "Supply" else first.item)
            for label in fresh[:len(labels) - len(mine)]]
    return chosen + more


def _pair(commitment: Commitment) -> tuple[str | None, str | None] | frozenset[str | None]:
    """The scorer's pair: ordered for directed types, unordered for mutual ones."""
    pair = (commitment.by, commitment.to)
    return frozenset(pair) if commitment.type in MUTUAL_TYPES else pair
