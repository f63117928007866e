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

Documents are also counted as a readout lists them ("documents were signed on A,
on B and on C": :func:`documents_listed`) and as a sentence counts them ("12
documents were signed" is one entry carrying the count: :func:`counted_set`);
a Supply is given once without its growth percentage or the start of a range.

Measured given the gold sentence and type on train (designed there) and dev,
and in the reader's five-fold out-of-fold F1 on train: see docs/model-card.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract import cues
from kg.extract.commitment_rules import agreement_titles, indefinite_documents
from kg.extract.number_words import PATTERN as WORD_NUMBER, word_value
from kg.model import MUTUAL_TYPES, Commitment, Quantity, Span

LISTED_ACTS = True  # off: one entry per cue as before (for measuring the change)
COUNTED_SETS = True  # off: "twelve documents were signed" stays twelve entries (for measuring the change)

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
    if kind == "Visit" and len(named := _named_events(norm, sentence)) > len(best):
        best = named
    return best if len(best) > 1 else []


# "the SCO and CSTO summits", "the G20 and G8 summits": names coordinated before one plural event noun
_NAME = r"(?:[A-Z][\w-]*|G\d+)"
_NAMED_EVENTS = re.compile(rf"\b(?P<names>{_NAME}(?:\s*,\s*(?:the\s+)?{_NAME})*,?\s+and\s+(?:the\s+)?{_NAME})\s+"
                           r"(?P<noun>summits|forums)\b")


def _named_events(norm: str, sentence: Span) -> list[str]:
    """One label per named gathering of a plural event noun: "the SCO and CSTO summits" gives two."""
    match = _NAMED_EVENTS.search(norm, sentence.start, sentence.end)
    if match is None:
        return []
    names = re.split(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", match.group("names"))
    return [match.group("noun")[:-1]] * len([n for n in names if n])


def with_listed_acts(norm: str, sentence: Span, kind: str, chosen: list[Commitment]) -> list[Commitment]:
    """``chosen`` (the entries of one sentence and type, parties settled) with one more entry for the
    first pair per act the sentence lists beyond those it has: each a copy of the first, without its
    amount (that belongs to one act), carrying its own goods word for Supply.  A counted set of
    documents the sentence does not list is one entry per pair with the count (:func:`counted_set`)."""
    if not chosen or kind not in ACT_NOUNS or not LISTED_ACTS:
        return chosen
    counted = counted_set(norm, sentence) if kind == "Agreement" and COUNTED_SETS else None
    if counted is not None:
        chosen = _with_count(chosen, counted)
    if kind == "Supply" and COUNTED_SETS:
        chosen = _one_amount_per_delivery(norm, chosen)
    labels = listed_acts(norm, sentence, kind)
    if kind == "Agreement":
        labels = max(labels, indefinite_documents(norm, sentence),
                     documents_listed(norm, sentence) if chosen[0].speaker is None else [], key=len)
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


# "signed 12 documents", "a package of 18 agreements", "around 40 joint agreements": a count of documents,
# with at most two modifiers between ("inter-governmental", "joint") that are not the signers ("two parties
# signed documents" counts parties)
_COUNTED = re.compile(rf"\b(?P<n>{WORD_NUMBER}|\d{{1,3}})\s+(?P<modifiers>(?:[\w-]+\s+){{0,2}}?)"
                      r"(?P<noun>documents|agreements|protocols|memoranda|memorandums|contracts|treaties|"
                      r"resolutions|declarations|roadmaps|deals)\b", re.I)
_SIGNERS = re.compile(r"\b(?:parties|sides|countries|nations|states|leaders|presidents|heads|delegations|"
                      r"governments|signed|and|or|of)\b", re.I)
_LIST_OPENS = re.compile(r"[:\u2014\u2013]|\s-\s|\binclud\w*|\bsuch as\b|\bamong (?:them|others)\b|"
                         r"\bin particular\b|\bnamely\b", re.I)
_SINGULAR = {"memoranda": "memorandum", "memorandums": "memorandum", "treaties": "treaty"}


# a readout's list of signed documents: a plural document noun, then what opens the list of their subjects
# ("documents were signed on A, on B and on C", "the signed documents are related to A, B, C", "agreements:
# on A; on B")
_DOCUMENTS_HEAD = re.compile(r"(?<!package of )(?<!set of )\b(?:documents|agreements|memorand(?:a|ums)|statements|"
                             r"declarations|protocols|contracts|resolutions|treaties)\b[^.;:]{0,60}?"
                             r"(?::|\binclud(?:e|es|ed|ing)\b|\bconcern(?:s|ed|ing)?\b|"
                             r"\brelat\w*,?(?:\s+in particular,)?\s+to\b|\bdeal\w* with\b|\bon\b|\bregarding\b)", re.I)
_SIGNED = re.compile(r"\b(?:sign|adopt|conclud|initial)\w*", re.I)  # "documents" alone are signed ones
_DOCUMENTS_END = re.compile(r"\s+(?:were|was|have been|has been)\s+(?:\w+\s+)?signed\b")
_ITEMS = re.compile(r",\s+(?:and\s+|as well as\s+)?|\s+as well as\s+")


def documents_listed(norm: str, sentence: Span) -> list[str]:
    """The subjects of the signed documents a narrator's sentence lists after a plural document noun, one
    per document (GOLD-FORMAT: a sentence listing six signed documents gives six Agreements), or [] for
    fewer than two.  Items are split at semicolons where there are any, else at commas and "as well as";
    an "and" inside an item is left alone ("on trade and investment" is one document's subject)."""
    text = norm[sentence.start:sentence.end]
    head = _DOCUMENTS_HEAD.search(text)
    if head is None or not (_SIGNED.search(text) or head.group().lower().startswith("documents")):
        return []
    body = _DOCUMENTS_END.split(text[head.end():])[0]
    parts = re.split(r";\s*", body) if ";" in body else _ITEMS.split(body)
    items = [part.strip(" .") for part in parts if len(part.strip(" .")) > 2]
    return items if len(items) > 1 else []


def counted_set(norm: str, sentence: Span) -> tuple[Quantity, bool] | None:
    """The count of a set of documents the sentence gives, as a quantity with the document noun for unit,
    and whether the sentence also lists documents ("ten documents, including agreements on A and B",
    "four documents: on A, on B ..."); None where it counts no documents, or one.  The gold gives an
    unlisted set one Agreement carrying the count ("12 documents were signed", "about 250 agreements")
    and a listed one an entry per listed document, one of them carrying the count."""
    match = next((m for m in _COUNTED.finditer(norm, sentence.start, sentence.end)
                  if not _SIGNERS.search(m.group("modifiers"))), None)
    if match is None:
        return None
    raw = match.group("n")
    value = int(raw) if raw.isdigit() else int(word_value(raw))
    if value < 2:
        return None
    noun = match.group("noun").lower()
    listed = bool(_LIST_OPENS.search(norm, match.end(), sentence.end) or agreement_titles(norm, norm, sentence)
                  or indefinite_documents(norm, sentence))
    return Quantity(value=value, unit=_SINGULAR.get(noun, noun.removesuffix("s")),
                    span=Span(match.start(), match.end())), listed


def _with_count(chosen: list[Commitment], counted: tuple[Quantity, bool]) -> list[Commitment]:
    """An unlisted set: one entry per pair carrying the count; a listed one: the entries, the first of
    each pair carrying the count where it has no amount of its own ("worth $1.3 billion")."""
    quantity, listed = counted
    firsts: dict = {}
    for commitment in chosen:
        firsts.setdefault(_pair(commitment), commitment)
    kept = chosen if listed else list(firsts.values())
    given = {id(c) for c in firsts.values() if c.quantity is None}
    return [replace(c, quantity=quantity) if id(c) in given else c for c in kept]


def _one_amount_per_delivery(norm: str, chosen: list[Commitment]) -> list[Commitment]:
    """Supply entries without the amounts that measure no delivery of their own: a percentage beside an
    amount of goods ("deliveries grew by 50 percent to 9 billion cubic metres") and the first number of a
    range ("from 12 to 18 billion cubic metres"), where the gold gives the delivery once."""
    def measured(c: Commitment) -> bool:
        return c.quantity is not None and c.quantity.unit not in (None, "percent")
    spans = sorted((c.quantity.span.start, c.quantity.span.end) for c in chosen if measured(c) and c.quantity.span)
    ranged = {start for (start, end), (after, _) in zip(spans, spans[1:])
              if re.fullmatch(r"\s*(?:to|-|\u2013)\s*", norm[end:after])}
    with_goods = {_pair(c) for c in chosen if measured(c)}
    kept = [c for c in chosen
            if not (c.quantity is not None and c.quantity.unit == "percent" and _pair(c) in with_goods)
            and not (measured(c) and c.quantity.span and c.quantity.span.start in ranged)]
    return kept or chosen


def _pair(commitment: Commitment) -> tuple[str | None, str | None] | frozenset[str | None]:
    """The scorer's pair: ordered for directed types, unordered for mutual ones."""
    pair = (commitment.by, commitment.to)
    return frozenset(pair) if commitment.type in MUTUAL_TYPES else pair
