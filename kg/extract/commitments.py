"""Commitments: concrete acts of one country towards another, one per sentence and act.

The extractor walks the leaders' sentences (journalists' questions and
questions in general commit nobody), splits each into clauses, finds type
cues (:mod:`kg.extract.cues`), reads the status from tense and modality,
resolves "we"/"you" and named countries to the giver and the receiver
(:mod:`kg.extract.resolve`), and attaches the item and the quantity.  Rules
are per family in :mod:`kg.extract.commitment_rules`; this module only
decides how many commitments a sentence gives.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract import cues
from kg.extract.commitment_rules import (
    agreement_title, agreement_titles, document_count, named_documents, clauses, find_item, find_type_cues, is_negated,
    continues_infinitive, explicit_status, local_status, normalise, production_object, read_status, search_any,
)
from kg.extract.quantities import parse_quantities
from kg.extract.resolve import find_countries, is_journalist, resolve_parties, speaker_country
from kg.model import ITEM_TYPES, MUTUAL_TYPES, Commitment, Document, Quantity, Span, Utterance

# Types of which one sentence states at most one act (a sentence listing
# several areas of one cooperation programme is one Cooperation).
ONE_PER_SENTENCE = frozenset({"Cooperation", "JointProduction", "Visit", "Agreement"})
_EVENT_REACH = 70  # characters either side of "summit"/"forum" where the verb holding it must stand
_ITEM_LOOKBACK = 6  # earlier sentences searched for the goods a sentence leaves unnamed
_SUPPLY_WITHOUT_ITEM = (r"\bmilitary\b", r"\bhumanitarian\b", r"\bdefen[cs]e\b", r"\baid\b", r"\brelief\b")


def extract_commitments(doc: Document) -> Document:
    """Fills ``doc.commitments`` from every leader's and narrator's sentence."""
    norm = normalise(doc.text)
    found: list[Commitment] = []
    for position, utterance in enumerate(doc.utterances):
        if is_journalist(utterance):
            continue
        for sentence in utterance.sentences:
            if norm[sentence.start:sentence.end].rstrip(" \"”)").endswith("?"):
                continue
            found.extend(_sentence_commitments(doc, norm, position, utterance, sentence))
    return replace(doc, commitments=tuple(found))


def _sentence_commitments(doc: Document, norm: str, position: int, utterance: Utterance,
                          sentence: Span) -> list[Commitment]:
    titles = agreement_titles(doc.text, norm, sentence)
    if not titles and len(named := named_documents(doc.text, sentence)) > 1:
        titles = named  # "adopted the Moscow Declaration and the Joint Statement": one per document
    out: list[Commitment] = []
    seen: set[tuple] = set()
    previous_status: str | None = None  # the status "agreed to A, and to B" hands on to B
    for clause in clauses(norm, sentence):
        inherited = previous_status if continues_infinitive(norm, clause) else None
        previous_status = explicit_status(norm, clause) or inherited
        found_cues = find_type_cues(norm, clause)
        if not found_cues:
            continue
        quantities = parse_quantities(doc.text, clause.start, clause.end)
        number_starts = [q.span.start for q in quantities if q.span]
        document_act = any(kind == "Agreement" for kind, _ in found_cues) and \
            _speaks_of_document_act(norm, utterance, sentence)
        for kind, cue in found_cues:
            if kind != "Agreement" and (titles or (kind == "Cooperation" and document_act)):
                continue  # the topic of a document is no act of its own
            if kind == "Visit" and re.fullmatch(cues.EVENT_NOUN, cue.group(), re.I) and \
                    not search_any(cues.EVENT_ACT, norm, max(clause.start, cue.start() - _EVENT_REACH),
                                   min(clause.end, cue.end() + _EVENT_REACH)):
                continue  # a forum named as a venue, a wish or a prediction, not one held or hosted
            if is_negated(norm, clause, cue.start()):
                continue
            kind_status = read_status(norm, clause, number_starts, cue.end(), inherited)
            if kind == "Visit":
                if search_any(cues.INVITATION, norm, clause.start, clause.end):
                    kind_status = "proposed"  # an invitation
                elif cue.group().lower() == "visited":
                    continue  # "when he visited Cairo": a past visit whatever the clause's other words
                elif kind_status in ("completed", "ongoing"):
                    continue  # past visits and the visit under way are no commitments
            if kind == "Agreement":
                if not _speaks_of_document_act(norm, utterance, sentence):
                    continue  # an old document named as context
                if kind_status == "ongoing" and \
                        not search_any((cues.AGREEMENT_UNDER_WAY,), norm, clause.start, clause.end):
                    kind_status = "completed"
            parties = resolve_parties(doc, utterance, clause, Span(cue.start(), cue.end()),
                                      kind in MUTUAL_TYPES)
            if parties.by is None or parties.to is None or parties.by == parties.to:
                continue
            if kind == "Visit" and search_any(cues.INVITATION_RECEIVED, norm, clause.start, clause.end):
                parties = replace(parties, by=parties.to, to=parties.by)  # the invitation came to us
            elif kind == "Visit" and parties.by == speaker_country(doc, utterance) and \
                    _visit_to_own_country(doc, utterance, clause, cue.end()):
                parties = replace(parties, by=parties.to, to=parties.by)  # "the visit to France you plan": the other travels
            if _without_counterpart(doc) and not _names_other_country(doc, utterance, clause):
                continue  # a speech or a press conference: "you" is nobody abroad
            item = _item(doc, norm, position, utterance, sentence, clause, kind, cue.end())
            fitting = [q for q in quantities if q.unit in cues.units_of(kind)]
            if kind == "Investment" and fitting and kind_status == "ongoing" and \
                    search_any((cues.INVESTMENT_STOCK,), norm, clause.start, clause.end):
                kind_status = "completed"  # "investments amount to $2 billion": a stock
            if kind == "Investment" and not fitting and \
                    search_any(cues.INVESTMENT_TREND, norm, clause.start, clause.end):
                continue  # a trend of investment flows is a figure's topic
            named_here = find_item(norm, sentence)
            if kind == "Supply" and named_here is None and not fitting and \
                    not search_any(_SUPPLY_WITHOUT_ITEM, norm, clause.start, clause.end):
                continue  # "supply everyone" names no goods: not a concrete act
            base = Commitment(type=kind, by=parties.by, to=parties.to, status=kind_status,
                              span=sentence, utterance=utterance.index, speaker=utterance.speaker,
                              item=item)
            one_key = (kind, "one")
            if kind in ONE_PER_SENTENCE and not titles and one_key in seen:
                continue
            for commitment in _expand(doc, norm, base, kind, fitting, titles, sentence, cue.start()):
                key = (commitment.type, commitment.by, commitment.to,
                       commitment.quantity.value if commitment.quantity else None, commitment.title)
                if key in seen:
                    continue
                seen.add(key)
                out.append(commitment)
            seen.add(one_key)
    return out


def _without_counterpart(doc: Document) -> bool:
    """A page with speakers but no foreign leader among them (a speech, a news conference)."""
    if doc.is_meeting or not doc.cast:
        return False
    return not any(p.country and p.country != doc.publisher_country for p in doc.participants or doc.cast)


_VISIT_TO = re.compile(r"\s+(?:\w+\s+){0,2}?to\s+(?:the\s+)?$", re.I)


def _visit_to_own_country(doc: Document, utterance: Utterance, clause: Span, cue_end: int) -> bool:
    """A visit "to" the speaker's own country, named right after the cue, is made by the other side.

    A host who speaks of "the visit to France you are planning" receives it;
    only an invitation (handled before) goes the other way.
    """
    own = speaker_country(doc, utterance)
    for mention in find_countries(doc, Span(cue_end, clause.end)):
        if mention.span.start - cue_end > 30:
            break
        if _VISIT_TO.fullmatch(doc.text, cue_end, mention.span.start):
            return mention.code == own
    return False


def _names_other_country(doc: Document, utterance: Utterance, clause: Span) -> bool:
    own = speaker_country(doc, utterance)
    return any(m.code != own for m in find_countries(doc, clause))


def _speaks_of_document_act(norm: str, utterance: Utterance, sentence: Span) -> bool:
    """Whether a document is signed, adopted, negotiated... here, or in the sentence a list continues."""
    act = (cues.AGREEMENT_ACT,)
    if search_any(act, norm, sentence.start, sentence.end):
        return True
    if not re.compile(cues.LIST_CONTINUATION, re.I).match(norm, sentence.start, sentence.end):
        return False
    earlier = [s for s in utterance.sentences if s.end <= sentence.start]
    return bool(earlier) and search_any(act, norm, earlier[-1].start, earlier[-1].end) is not None


def _expand(doc: Document, norm: str, base: Commitment, kind: str, fitting: list[Quantity],
            titles: list[str], sentence: Span, cue_start: int) -> list[Commitment]:
    """One commitment per listed document, or per amount in a clause of money or goods."""
    if kind == "Agreement":
        if titles:
            return [replace(base, title=title) for title in titles]
        amount = fitting[0] if len(fitting) == 1 else None  # "contracts worth $1.3 billion"
        title = agreement_title(doc.text, sentence)
        counted = document_count(norm, sentence)
        if counted and amount is None:  # "five protocols were signed": five Agreements
            return [replace(base, title=f"{title or counted[1]} ({i + 1} of {counted[0]})")
                    for i in range(counted[0])]
        return [replace(base, title=title, quantity=amount)]
    if not fitting:
        return [base]
    if kind in ("Investment", "Supply") and len(fitting) > 1:
        chosen = fitting
    else:
        chosen = [min(fitting, key=lambda q: abs((q.span.start if q.span else 0) - cue_start))]
    return [replace(base, quantity=q, status=local_status(norm, q.span.start if q.span else 0) or base.status)
            for q in chosen]


def _item(doc: Document, norm: str, position: int, utterance: Utterance, sentence: Span,
          clause: Span, kind: str, cue_end: int) -> str | None:
    """The goods of a Supply or JointProduction, looked up as far back as the speaker's last turn."""
    if kind not in ITEM_TYPES:
        return None
    item = find_item(norm, clause, after=cue_end) or find_item(norm, sentence, after=cue_end)
    if item is None and kind == "JointProduction":
        item = production_object(norm, sentence)
    if item is not None:
        return item
    earlier = [s for s in utterance.sentences if s.end <= sentence.start]
    for previous in reversed(doc.utterances[:position]):
        if previous.speaker == utterance.speaker and previous.speaker is not None:
            earlier = list(previous.sentences) + earlier
            break
    for previous_sentence in reversed(earlier[-_ITEM_LOOKBACK:]):
        item = find_item(norm, previous_sentence)
        if item is not None:
            return item
    return None
