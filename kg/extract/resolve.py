"""Who "we" and "you" are: pronouns and named countries to alpha-3 codes.

In a talk between two leaders "we" is almost always the speaker's country and
"you" the addressee's; narrator text speaks for the publisher (kremlin.ru for
Russia).  Explicit names beat pronouns: "from Russia" names the giver,
"to Azerbaijan" the receiver, whoever is speaking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import CountryMention, Document, Person, Span, Utterance

SOURCE_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
# The owner or agent right after a directed cue: "the visit of the Chinese President", "a visit by French ...".
AGENT_BEFORE = re.compile(r"\s+(?:of|by)\s+(?:the\s+)?$", re.I)
# The one thanked gives: "Mr Aliyev thanked Mr Putin for the vaccine".
THANKED_BEFORE = re.compile(r"\b(?:thank\w*|appreciat\w*|grateful to|gratitude to)\s+"
                            r"(?:(?:the|Mr|Mrs|Ms|President|Prime Minister)\s+)*$", re.I)
# A leader who reports or judges ("Mr Putin said that ...", "appreciated") is not the subject of the act.
REPORTS = re.compile(r"\s+(?:also\s+|again\s+)?(?:said|says|noted|notes|stressed|emphasi[sz]ed|pointed out|added|"
                     r"told|recalled|informed|reported|believes|hoped|hopes|appreciat\w*|welcomed|praised)\b", re.I)
TARGET_BEFORE = re.compile(r"\b(?:to|in|into|for|with|at)\s+(?:the\s+)?$", re.I)
RECEIVE = re.compile(r"\b(?:received?|receiving|get|got|getting|obtain\w*|import\w*|buy\w*|bought|"
                     r"expect\w*)\b", re.I)
# The owner named right after the cue gives: "deliveries of your food products".
OWNER_AFTER = re.compile(r"\s+of\s+(?:(?:the|these|those)\s+)?(?P<who>your|our)\b", re.I)
DIRECT_OBJECT = re.compile(r"\s+(?:the\s+)?")
WE = re.compile(r"\b(?:we|our|us|ours|I|my)\b|\bRussian side\b", re.I)  # "we're" matches by its "we"; "you're" is you
YOU = re.compile(r"\b(?:you|your|yours|he|his|she|her)\b", re.I)


def speaker_country(doc: Document, utterance: Utterance) -> str | None:
    """The country "we" means in this utterance."""
    if utterance.speaker is None:
        return doc.publisher_country
    return utterance.speaker.country


def _principals(doc: Document) -> list[Person]:
    return [p for p in (doc.participants or doc.cast) if p.country]


def other_country(doc: Document, utterance: Utterance) -> str | None:
    """The country "you" means: the addressee's, else the other principal's.

    With no cast at all (a readout naming nobody by label) the first country
    the text names other than the speaker's stands in.
    """
    own = speaker_country(doc, utterance)
    if utterance.addressee is not None and utterance.addressee.country not in (None, own):
        return utterance.addressee.country
    for person in _principals(doc):
        if person.country != own:
            return person.country
    for mention in doc.countries or find_countries(doc, Span(0, len(doc.text))):
        if mention.code != own:
            return mention.code
    return None


def find_countries(doc: Document, span: Span) -> list[CountryMention]:
    """Countries named in ``span``, by the shared gazetteer."""
    from kg.people.gazetteer import default_gazetteer

    return default_gazetteer().find_countries(doc.text, span.start, span.end)


def leader_mentions(doc: Document, text: str, span: Span) -> list[CountryMention]:
    """The principals named in ``span`` (full name or surname: "Mr Aznar", "Vladimir Putin"), each as a
    mention of their country: a readout names the sides by their leaders more often than by their countries."""
    found: list[CountryMention] = []
    for pattern, code in _leader_patterns(doc).items():
        found += [CountryMention(code, Span(m.start(), m.end())) for m in pattern.finditer(text, span.start, span.end)]
    return sorted(found, key=lambda m: m.span.start)


def _leader_patterns(doc: Document) -> dict[re.Pattern[str], str]:
    names: dict[str, str] = {}
    for person in (*doc.participants, *doc.cast):
        words = person.name.split() if person.name and person.country else []
        surname = words[-1].strip(".,") if words else ""
        if len(surname) > 2 and surname[0].isupper():
            first = rf"(?:{re.escape(' '.join(words[:-1]))}\s+)?" if len(words) > 1 else ""
            names.setdefault(rf"\b{first}{re.escape(surname)}\b", person.country)
    return {re.compile(pattern): code for pattern, code in names.items()}


# The titles a readout calls a principal by; an office holding two ("Crown Prince and Prime Minister") gives the
# one listed first.  "Minister" alone is not one: a readout's "the Minister" is seldom a principal.
_TITLE_WORDS = ("Secretary of State", "Secretary-General", "Secretary General", "Foreign Minister", "Crown Prince",
                "Prime Minister", "President", "Chancellor", "Premier", "King", "Queen", "Emir", "Amir", "Sultan")
_DEPUTY = re.compile(r"\b(?:vice|deputy|acting|former)\b", re.I)


def title_references(doc: Document, text: str, sentence: Span) -> list[tuple[int, int, str]]:
    """(start, end, code) of "the President", "the Prime Minister" in a readout: the principal holding that
    title, when one does ("The President thanked the Prime Minister for ..." names both sides), else the
    publisher's, whose readout it is.  "the President of Finland" and "President Biden" are left to the
    name that follows."""
    holders: dict[str, set[str]] = {}
    for person in doc.participants or doc.cast:
        if person.country and person.office and not _DEPUTY.search(person.office):
            title = next((t for t in _TITLE_WORDS if t.lower() in person.office.lower()), None)
            if title:
                holders.setdefault(title, set()).add(person.country)
    found = []
    for title, codes in holders.items():
        code = next(iter(codes)) if len(codes) == 1 else doc.publisher_country if doc.publisher_country in codes \
            else None
        if code is None:
            continue
        # "the German Chancellor" is the one Chancellor; of two Presidents, "the Chinese President" is not ours
        qualifier = r"(?:[A-Z][\w-]+\s+)?" if len(codes) == 1 else ""
        pattern = re.compile(rf"\b[Tt]he\s+{qualifier}{re.escape(title)}\b(?!\s+(?:of\b|[A-Z]))")
        found += [(m.start(), m.end(), code) for m in pattern.finditer(text, sentence.start, sentence.end)]
    return found


@dataclass(frozen=True)
class Parties:
    """The giver and the receiver of one commitment."""

    by: str | None
    to: str | None


def resolve_parties(doc: Document, utterance: Utterance, clause: Span, cue: Span,
                    mutual: bool) -> Parties:
    """``by`` and ``to`` for a commitment cued at ``cue`` inside ``clause``.

    For mutual acts ``by`` is the speaker's side and ``to`` the first other
    country named, else the addressee's.  For directed acts the giver is
    "from X", a country named before the cue as its subject or owner
    ("Russian investment", "Russia has been exporting"), "you" when "you"
    is the subject, else "we"; the receiver is "to/in/for X", a country
    named right after the cue ("supplying Kyrgyzstan"), else the other side.
    A receiving verb ("we have received ... from Russia") swaps the default,
    and makes a country named before it the receiver.  The one thanked gives
    ("Mr Aliyev thanked Mr Putin for ..."), and a readout's leaders stand for
    their countries where no country is named in their place.
    """
    own = speaker_country(doc, utterance)
    other = other_country(doc, utterance)
    text = doc.text
    mentions = _named_sides(doc, utterance, clause, mutual)
    if mutual:
        if own is None and mentions:  # a readout of unknown origin: the first country it names acts
            own = mentions[0].code
            other = None if other == own else other
        return Parties(own, _mutual_partner(text, clause, cue, mentions, own, other))
    giver, receiver = _thanked(text, clause, mentions), None
    receiving = RECEIVE.search(text, clause.start, cue.end) is not None
    for m in mentions:
        before = text[max(clause.start, m.span.start - 12):m.span.start]
        if SOURCE_BEFORE.search(before) or AGENT_BEFORE.match(text, cue.end, m.span.start):
            giver = giver or m.code
        elif TARGET_BEFORE.search(before) or DIRECT_OBJECT.fullmatch(text, cue.end, m.span.start):
            receiver = receiver or m.code
        elif m.span.end <= cue.end and receiving:
            receiver = receiver or m.code  # "China imports coal from Russia": the subject receives
        elif m.span.end <= cue.end and giver is None:
            giver = m.code
    if giver is None and own is None:
        # a readout of unknown origin: a named country other than the receiver acts
        giver = next((m.code for m in mentions if m.code != receiver), None)
    head = text[clause.start:cue.start]
    owner = OWNER_AFTER.match(text, cue.end, clause.end)
    if giver is None and owner and not receiving:
        giver = own if owner.group("who").lower() == "our" else other
    if giver is None:
        if receiving and WE.search(head):
            receiver = receiver or own
            giver = other if receiver == own else own
        elif _last_is_you(head):
            giver = other
        else:
            giver = own
    if receiver is None or receiver == giver:
        tail = text[cue.end:clause.end]
        if giver != own and (WE.search(tail) or receiving):
            receiver = own
        elif giver == own:
            receiver = other
        else:
            receiver = own if own != giver else other
    return Parties(giver, receiver)


def _named_sides(doc: Document, utterance: Utterance, clause: Span, mutual: bool) -> list[CountryMention]:
    """The countries named in the clause and, in a readout's directed act, the leaders named by name or by
    title who do not merely report ("Mr Aznar invited Mr Putin", "The President thanked the Prime Minister"),
    after the countries so that a country named wins."""
    mentions = find_countries(doc, clause)
    if utterance.speaker is None and not mutual:
        leaders = leader_mentions(doc, doc.text, clause) + [
            CountryMention(code, Span(start, end)) for start, end, code in title_references(doc, doc.text, clause)]
        mentions += [m for m in sorted(leaders, key=lambda m: m.span.start)
                     if not REPORTS.match(doc.text, m.span.end, clause.end)]
    return mentions


def _thanked(text: str, clause: Span, mentions: list[CountryMention]) -> str | None:
    """The side thanked for an act gives it, wherever the one who thanks stands ("Mr Aliyev thanked Mr Putin")."""
    return next((m.code for m in mentions
                 if THANKED_BEFORE.search(text, max(clause.start, m.span.start - 40), m.span.start)), None)


BILATERAL = re.compile(r"\b(?:bilateral|(?:our|the|both) (?:two )?countries|both sides|the parties)\b", re.I)
WITH_BEFORE = re.compile(r"\b(?:with|and|between)\s+(?:the\s+)?$", re.I)


def _mutual_partner(text: str, clause: Span, cue: Span, mentions: list[CountryMention], own: str | None,
                    other: str | None) -> str | None:
    """The other side of a joint act: the meeting's other party unless a third country is a partner.

    "Bilateral" and "our two countries" mean the two who meet, never a country
    merely named ("bilateral cooperation ... and the situation in Syria").  A
    third country is a partner where it acts with the speaker's side: named
    before the cue ("Russia and Finland cooperate") or after "with"/"and"
    ("a similar project with Finland"); one named after the cue otherwise is
    a topic ("coordinate actions in seeking a resolution to the Syrian crisis").
    """
    candidates = [m for m in mentions if m.code != own]
    if other is None:
        return candidates[0].code if candidates else None
    if any(m.code == other for m in candidates) or BILATERAL.search(text, clause.start, clause.end):
        return other
    for m in candidates:
        before = text[max(clause.start, m.span.start - 12):m.span.start]
        if m.span.end <= cue.start or WITH_BEFORE.search(before):
            return m.code
    return other


def _last_is_you(head: str) -> bool:
    """Whether the pronoun nearest before the cue is "you"/"he" rather than "we"."""
    you = [m.start() for m in YOU.finditer(head)]
    we = [m.start() for m in WE.finditer(head)]
    return bool(you) and (not we or max(you) > max(we))
