"""What each commitment type adds to the shared reading of one type cue.

:mod:`kg.extract.commitments` reads every cue the same way: is it an act at
all, its status, its giver and receiver, its amounts.  Some types have a rule
of their own at one of those steps (a visit already made commits nobody; an
agreement must be signed or negotiated here, not named as context; a stock of
investment is completed).  Those rules are listed per type in :data:`RULES`
rather than written as branches of the reader, so a type's exceptions are
read in one place and a new type needs no change to the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from kg.extract import cues
from kg.extract.commitment_rules import find_item, search_any
from kg.extract.resolve import Parties, find_countries, speaker_country
from kg.model import Document, Quantity, Span, Utterance

_EVENT_REACH = 70  # characters either side of "summit"/"forum" where the verb holding it must stand
_SUPPLY_WITHOUT_ITEM = (r"\bmilitary\b", r"\bhumanitarian\b", r"\bdefen[cs]e\b", r"\baid\b", r"\brelief\b")
_VISIT_TO = re.compile(r"\s+(?:\w+\s+){0,2}?to\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class Cue:
    """One type cue found in a clause, with the text around it that the rules look at."""

    doc: Document
    norm: str  # the normalised text of the whole document
    utterance: Utterance
    sentence: Span
    clause: Span
    kind: str
    match: re.Match[str]

    def in_clause(self, patterns: tuple[str, ...]) -> bool:
        return search_any(patterns, self.norm, self.clause.start, self.clause.end) is not None


def speaks_of_document_act(norm: str, utterance: Utterance, sentence: Span) -> bool:
    """Whether a document is signed, adopted, negotiated... here, or in the sentence a list continues."""
    act = (cues.AGREEMENT_ACT,)
    if search_any(act, norm, sentence.start, sentence.end):
        return True
    if not re.compile(cues.LIST_CONTINUATION, re.I).match(norm, sentence.start, sentence.end):
        return False
    earlier = [s for s in utterance.sentences if s.end <= sentence.start]
    return bool(earlier) and search_any(act, norm, earlier[-1].start, earlier[-1].end) is not None


# --- Visit -------------------------------------------------------------------------------------

def _visit_is_act(cue: Cue) -> bool:
    """A summit or forum is a visit only held or hosted, not named as a venue, a wish or a prediction."""
    if not re.fullmatch(cues.EVENT_NOUN, cue.match.group(), re.I):
        return True
    return bool(search_any(cues.EVENT_ACT, cue.norm, max(cue.clause.start, cue.match.start() - _EVENT_REACH),
                           min(cue.clause.end, cue.match.end() + _EVENT_REACH)))


def _visit_status(cue: Cue, status: str) -> str | None:
    """An invitation proposes a visit; past visits and the visit under way are no commitments."""
    if cue.in_clause(cues.INVITATION):
        return "proposed"
    if cue.match.group().lower() == "visited":
        return None  # "when he visited Cairo": a past visit whatever the clause's other words
    return None if status in ("completed", "ongoing") else status


def _visit_parties(cue: Cue, parties: Parties) -> Parties:
    """The other side travels when the invitation came to the speaker, or the visit is to their country."""
    if cue.in_clause(cues.INVITATION_RECEIVED) or (
            parties.by == speaker_country(cue.doc, cue.utterance) and _visit_to_own_country(cue)):
        return replace(parties, by=parties.to, to=parties.by)
    return parties


def _visit_to_own_country(cue: Cue) -> bool:
    """A visit "to" the speaker's own country, named right after the cue, is made by the other side.

    A host who speaks of "the visit to France you are planning" receives it;
    only an invitation (handled before) goes the other way.
    """
    own = speaker_country(cue.doc, cue.utterance)
    cue_end = cue.match.end()
    for mention in find_countries(cue.doc, Span(cue_end, cue.clause.end)):
        if mention.span.start - cue_end > 30:
            break
        if _VISIT_TO.fullmatch(cue.doc.text, cue_end, mention.span.start):
            return mention.code == own
    return False


# --- Agreement ---------------------------------------------------------------------------------

def _agreement_status(cue: Cue, status: str) -> str | None:
    """An agreement is an act only when signed, adopted... here; one "under way" only when said so."""
    if not speaks_of_document_act(cue.norm, cue.utterance, cue.sentence):
        return None  # an old document named as context
    if status == "ongoing" and not cue.in_clause((cues.AGREEMENT_UNDER_WAY,)):
        return "completed"
    return status


# --- Investment, Supply ------------------------------------------------------------------------

def _investment_amount(cue: Cue, status: str, fitting: list[Quantity]) -> str | None:
    if fitting and status == "ongoing" and cue.in_clause((cues.INVESTMENT_STOCK,)):
        return "completed"  # "investments amount to $2 billion": a stock
    if not fitting and cue.in_clause(cues.INVESTMENT_TREND):
        return None  # a trend of investment flows is a figure's topic
    return status


def _supply_amount(cue: Cue, status: str, fitting: list[Quantity]) -> str | None:
    if not fitting and find_item(cue.norm, cue.sentence) is None and not cue.in_clause(_SUPPLY_WITHOUT_ITEM):
        return None  # "supply everyone" names no goods: not a concrete act
    return status


def _any_act(cue: Cue) -> bool:
    return True


def _same_status(cue: Cue, status: str) -> str | None:
    return status


def _same_parties(cue: Cue, parties: Parties) -> Parties:
    return parties


def _same_amount(cue: Cue, status: str, fitting: list[Quantity]) -> str | None:
    return status


@dataclass(frozen=True)
class TypeRules:
    """One type's rules at each step of reading a cue; a status rule returning None drops the cue."""

    is_act: Callable[[Cue], bool] = _any_act
    status: Callable[[Cue, str], str | None] = _same_status  # after the status is read from tense and modality
    parties: Callable[[Cue, Parties], Parties] = _same_parties  # after giver and receiver are resolved
    amount: Callable[[Cue, str, list[Quantity]], str | None] = _same_amount  # given the quantities that fit


#: type -> its own rules; a type not listed reads every cue the shared way
RULES: dict[str, TypeRules] = {
    "Visit": TypeRules(is_act=_visit_is_act, status=_visit_status, parties=_visit_parties),
    "Agreement": TypeRules(status=_agreement_status),
    "Investment": TypeRules(amount=_investment_amount),
    "Supply": TypeRules(amount=_supply_amount),
}
SHARED = TypeRules()
