"""The host's other contacts of the day that a lead tells past its opening.

Pages of other genres than talks (a summit's day, a visit's programme, a trip called off by telephone)
often tell the host's contacts one by one further down the lead than the sentences the participants stage
reads: "During his talk with Chinese Prime Minister Zhu Rongji, President Putin discussed ...", "Later
Vladimir Putin had meetings with President of Turkey ...", "Earlier, Vladimir Putin had a telephone
conversation with Kazakhstan's President ...", "Mr Putin also had a telephone conversation with the Prime
Minister of Malaysia".  A careful reader counts each as a participant of the page's meeting.

A sentence counts when the host (by surname, office or pronoun) is the one who meets, in the page's own
format (a call on a call's page, a meeting face to face on any other), and it does not place the contact
on another day: a meeting still to come ("will meet"), one of a past year or visit ("last year", "in
2001", "during his previous visit", "recalled"), or one another person had.
"""

from __future__ import annotations

import re

from collections.abc import Callable

from kg.inputs.text import normalise
from kg.model import Document, Person, Span
from kg.people.cast import Mention, find_mentions, read_description

# How far down its lead a page tells the host's contacts one by one (the lead's first sentences are read
# already by the participants stage).
CONTACT_SENTENCES = 8
# "met with", "had meetings with", "During his talk with", "held brief contacts with", "spoke with".
_CONTACT = re.compile(r"\b(?:met|meets|meetings?|talks?|contacts|conversations?|spoke)(?:[ \u00a0]+[a-z]+){0,8}?"
                      r"[ \u00a0]+with\b", re.I)
_BY_PHONE = re.compile(r"\b(?:tele)?phone\b|\bcalls?\b|\bcalled\b", re.I)
# Who meets: the host by surname (filled in), his office, or a pronoun ("During his talk with").
_HOST = (r"\b(?:{surname}|[Tt]he[ \u00a0]+(?:[A-Z]\w+[ \u00a0]+)?(?:President|leader|head[ \u00a0]+of[ \u00a0]+state)"
         r"|[Hh]e|[Hh]is)\b")
# A contact of another day: to come, of a past year or visit, or recalled.
_ANOTHER_DAY = re.compile(r"\b(?:will|would|is to|are to|expected|plans?|last|past|ago|recall(?:s|ed)|remember\w*|"
                          r"previous (?:visit|meeting|talks|summit|year|month|week)|this (?:month|year)|"
                          r"(?:1[0-9]|20)[0-9]{2})\b", re.I)


def contact_at(sentence: str, host_surname: str, by_phone: bool, titled: bool = False) -> int | None:
    """Where the partners start in a lead sentence that tells the host's contact on the day, in the page's
    format (see the module docstring; ``by_phone`` for a call's page): after its "with"; None for another
    sentence.  Those named before it ("Mr Zhu passed greetings from President Jiang, who looked forward to
    meeting with the Russian President") do not meet.  A title may leave the host unsaid ("Telephone
    conversation with the President of Kazakhstan")."""
    found = _CONTACT.search(sentence)
    text = normalise(sentence, quotes=False)
    if not found or _ANOTHER_DAY.search(text) or bool(_BY_PHONE.search(text)) != by_phone:
        return None
    before = sentence[:found.start()]
    hosted = re.search(_HOST.format(surname=re.escape(host_surname)), before)
    return found.end() if hosted or titled and not re.search(r"[A-Z]", before[1:]) else None


def contact_sentences(doc: Document, host_surname: str, after: int) -> list[Span]:
    """The parts naming the partners of the title and of the lead's sentences past its first ``after`` that
    tell the host's contacts of the day."""
    if not doc.meeting or not host_surname:
        return []
    by_phone = doc.meeting.format == "phone"
    lead = doc.utterances[0].sentences[after:CONTACT_SENTENCES] if doc.utterances and \
        doc.utterances[0].speaker is None else ()
    found = [(s, contact_at(doc.quote(s), host_surname, by_phone, s == doc.title))
             for s in ([doc.title] if doc.title else []) + list(lead)]
    return [Span(s.start + at, s.end) for s, at in found if at is not None]


def lead_contacts(doc: Document, host: Person | None, read: Callable[[Mention], Person | None],
                  date: str | None = None) -> list[Person]:
    """The foreign principals the lead's sentences tell the host met or called that day (see the module
    docstring), each mention made a Person by ``read`` (None for one who is no principal); one named by
    office alone ("with the Prime Minister of Malaysia") is who held it on ``date``."""
    people: list[Person | None] = []
    for span in contact_sentences(doc, host.name.split()[-1] if host else "", 0):
        named = [read(m) for m in find_mentions(doc.text, span.start, span.end)]
        people.extend(named or [_by_office(doc.text[span.start:span.end], date)])
    found = [p for p in people if p and (p.organisation or p.country and p.country != doc.publisher_country)]
    return [p for i, p in enumerate(found) if p.name not in {q.name for q in found[:i]}]


_OFFICE_ALONE = re.compile(r"[ \u00a0]+the[ \u00a0]+(?P<office>(?:President|Prime[ \u00a0]+Minister)[ \u00a0]+of"
                           r"(?:[ \u00a0]+(?:of|the|and|[A-Z][\w'’\-]*))+)")


def _by_office(partners: str, date: str | None) -> Person | None:
    """The head of state or government ``partners`` names by office alone: "the Prime Minister of Malaysia"."""
    from kg.extract.lead_leaders import holder_of

    found = _OFFICE_ALONE.match(partners)
    mention = read_description(found["office"]) if found else None
    if not mention or mention.name or not mention.country or not mention.office:
        return None
    return holder_of(mention.country, mention.office, date)
