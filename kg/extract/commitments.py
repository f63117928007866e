"""Commitments: concrete acts of one country towards another, one per sentence and act.

The extractor walks the leaders' sentences (journalists' questions and
questions in general commit nobody), splits each into clauses, finds type
cues (:mod:`kg.extract.cues`), reads the status from tense and modality,
resolves "we"/"you" and named countries to the giver and the receiver
(:mod:`kg.extract.resolve`), and attaches the item and the quantity.  Rules
are per family in :mod:`kg.extract.commitment_rules`, and what a type adds to
reading its cue in :mod:`kg.extract.type_rules`; this module only decides how
many commitments a sentence gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from kg.extract import cues
from kg.extract.commitment_rules import (
    agreement_title, agreement_titles, document_count, indefinite_documents, named_documents, clauses, find_item, find_type_cues, is_negated,
    continues_infinitive, explicit_status, local_status, production_object, read_status,
)
from kg.extract.quantities import parse_quantities
from kg.extract.resolve import find_countries, resolve_parties, speaker_country
from kg.extract.type_rules import RULES, SHARED, Cue, speaks_of_document_act
from kg.inputs.text import normalise
from kg.model import ITEM_TYPES, MUTUAL_TYPES, Commitment, Document, Quantity, Span, Utterance

# Types of which one sentence states at most one act (a sentence listing
# several areas of one cooperation programme is one Cooperation).
ONE_PER_SENTENCE = frozenset({"Cooperation", "JointProduction", "Visit", "Agreement"})
LISTED_DOCUMENTS = True  # documents listed one by one with "a"/"an" are one Agreement each
_ITEM_LOOKBACK = 6  # earlier sentences searched for the goods a sentence leaves unnamed


def statements(doc: Document, norm: str) -> Iterator[tuple[int, Utterance, Span]]:
    """(utterance position, utterance, sentence) of every leader's and narrator's sentence that asks nothing.

    Journalists commit nobody, and a question states no act: the rules and the
    learned reader both read these sentences and no others.
    """
    for position, utterance in enumerate(doc.utterances):
        if utterance.is_journalist:
            continue
        for sentence in utterance.sentences:
            if not norm[sentence.start:sentence.end].rstrip(" \"”)").endswith("?"):
                yield position, utterance, sentence


def extract_commitments(doc: Document) -> Document:
    """Fills ``doc.commitments`` from every leader's and narrator's sentence."""
    norm = normalise(doc.text)
    found: list[Commitment] = []
    for position, utterance, sentence in statements(doc, norm):
        found.extend(sentence_commitments(doc, norm, position, utterance, sentence))
    return replace(doc, commitments=tuple(found))


def sentence_commitments(doc: Document, norm: str, position: int, utterance: Utterance,
                         sentence: Span) -> list[Commitment]:
    """The commitments the rules read in one sentence: a sentence's hits depend on it and the text
    alone, so the reader (:mod:`kg.extract.reader_bound`) asks only for the sentences it may keep."""
    titles: list[str] | None = None  # read at the first clause with a cue: most sentences have none
    out: list[Commitment] = []
    seen: set[tuple] = set()
    previous: tuple[Span, str | None] | None = None  # the clause before and the status it inherited
    for clause in clauses(norm, sentence):
        inherited = None  # the status "agreed to A, and to B" hands on to B, read only when B continues A
        if previous is not None and continues_infinitive(norm, clause):
            inherited = explicit_status(norm, previous[0]) or previous[1]
        previous = (clause, inherited)
        found_cues = find_type_cues(norm, clause)
        if not found_cues:
            continue
        titles = _titles(doc, norm, sentence) if titles is None else titles
        quantities = parse_quantities(doc.text, clause.start, clause.end)
        document_act = any(kind == "Agreement" for kind, _ in found_cues) and \
            speaks_of_document_act(norm, utterance, sentence)
        for kind, match in found_cues:
            if kind != "Agreement" and (titles or (kind == "Cooperation" and document_act)):
                continue  # the topic of a document is no act of its own
            read = _read_cue(Cue(doc, norm, utterance, sentence, clause, kind, match), position, quantities,
                             inherited)
            one_key = (kind, "one")
            if read is None or (kind in ONE_PER_SENTENCE and not titles and one_key in seen):
                continue
            base, fitting = read
            for commitment in _expand(doc, norm, base, kind, fitting, titles, sentence, match.start()):
                key = (commitment.type, commitment.by, commitment.to,
                       commitment.quantity.value if commitment.quantity else None, commitment.title)
                if key in seen:
                    continue
                seen.add(key)
                out.append(commitment)
            seen.add(one_key)
    return out


def _titles(doc: Document, norm: str, sentence: Span) -> list[str]:
    """The documents a sentence lists, one commitment each; [] when it lists none."""
    titles = agreement_titles(doc.text, norm, sentence)
    if not titles and len(named := named_documents(doc.text, sentence)) > 1:
        titles = named  # "adopted the Moscow Declaration and the Joint Statement": one per document
    if not titles and LISTED_DOCUMENTS:
        titles = indefinite_documents(norm, sentence)  # "signed an agreement on A and a protocol on B"
    return titles


def _read_cue(cue: Cue, position: int, quantities: list[Quantity],
              inherited: str | None) -> tuple[Commitment, list[Quantity]] | None:
    """The commitment one cue states, before documents and amounts are counted, with the quantities
    that fit its type; None when it states none.  Each type's own rules come from :data:`RULES`."""
    rules = RULES.get(cue.kind, SHARED)
    doc, norm, clause, kind = cue.doc, cue.norm, cue.clause, cue.kind
    if not rules.is_act(cue) or is_negated(norm, clause, cue.match.start()):
        return None
    number_starts = [q.span.start for q in quantities if q.span]
    status = rules.status(cue, read_status(norm, clause, number_starts, cue.match.end(), inherited))
    if status is None:
        return None
    parties = resolve_parties(doc, cue.utterance, clause, Span(cue.match.start(), cue.match.end()),
                              kind in MUTUAL_TYPES)
    if parties.by is None or parties.to is None or parties.by == parties.to:
        return None
    parties = rules.parties(cue, parties)
    if _without_counterpart(doc) and not _names_other_country(doc, cue.utterance, clause):
        return None  # a speech or a press conference: "you" is nobody abroad
    fitting = [q for q in quantities if q.unit in cues.units_of(kind)]
    status = rules.amount(cue, status, fitting)
    if status is None:
        return None
    item = _item(doc, norm, position, cue.utterance, cue.sentence, clause, kind, cue.match.end())
    return Commitment(type=kind, by=parties.by, to=parties.to, status=status, span=cue.sentence,
                      utterance=cue.utterance.index, speaker=cue.utterance.speaker, item=item), fitting


def _without_counterpart(doc: Document) -> bool:
    """A page with speakers but no foreign leader among them (a speech, a news conference)."""
    if doc.is_meeting or not doc.cast:
        return False
    return not any(p.country and p.country != doc.publisher_country for p in doc.participants or doc.cast)


def _names_other_country(doc: Document, utterance: Utterance, clause: Span) -> bool:
    own = speaker_country(doc, utterance)
    return any(m.code != own for m in find_countries(doc, clause))


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
