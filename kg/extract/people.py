"""The principals who meet: heads of state and government, ministers, kings.

Who counts (one rule, so it can be checked by hand):

- a leader of another country than the publisher's who is named with an
  office in the title or the opening of the lead ("had a telephone
  conversation with US President Donald Trump and King of Saudi Arabia
  Salman bin Abdulaziz Al Saud"), or who speaks under a principal's office;
- the publisher's own leader (kremlin.ru: Putin, or Medvedev in 2008–2012;
  White House: the President), once someone foreign takes part;
- a guest the title names under any office of state (:mod:`kg.extract.guests`);
- for a summit or a visit, the leaders the lead names further down;
- for an occasion (a ceremony, an arrival: :mod:`kg.extract.occasions`), the
  leaders its lead says attended; for a title that says the host and another did
  something together ("Vladimir Putin and George Bush visited a school"), the
  leader it names beside him, by name alone too; one a lead sentence recalls from another
  contact (a call, a message), or one another acts for, was not there;
- for a title that says the host met his own government (the Cabinet, the
  Security Council's members), nobody foreign; for one that names whom he met
  ("held a meeting with Foreign Minister Igor Ivanov"), nobody the lead names
  by another surname (a leader the minister's report speaks of).

Journalists, officials in the room and people merely spoken about do not
count: when the title names whom the host met, other leaders the lead goes on
to mention are spoken of; someone described as a former office holder, a
parliament's or party's head, a journalist or a cleric is no principal.
Without a foreign principal the page is domestic and the participants stay
empty, unless it is a joint statement or a summit.
"""

from __future__ import annotations

import re

from kg.people.cast import Mention, name_at, find_mentions
from kg.people.leaders import fuller_name, known_leader, office_holder
from kg.extract.signatories import is_joint_statement, signatories
from kg.people.names import looks_like_person_name
from kg.extract.identity import document_date
from kg.extract.guests import (guest_phrase, holds_state_office, is_non_principal, lead_guests, names_domestic_body,
                               names_no_principal, non_principal_at, non_principal_at_text, reigning_here,
                               title_guest_names, title_guests)
from kg.extract.lead_contacts import lead_contacts
from kg.extract.lead_leaders import lead_leaders, named_beside_host
from kg.extract.meeting import (attends_a_meeting, headline_over_talks, is_multilateral, names_occasion_only,
                                names_pair)
from kg.extract.occasions import (ATTENDANCE_SENTENCES, acting_for, attendance_sentences, calls_the_roll, lead_opening,
                                  meets_leaders_in_turn, opens_on_a_speaker, recalls_other_contact, tells_a_meeting)
from kg.people.linking import known_elsewhere
from kg.model import Document, Person, Span, evolve
from kg.people.namekey import name_words
from kg.people.royals import is_consort
from kg.people.sameness import is_host, longer_name, overlap, same_person, without_host
from kg.inputs.text import normalise, split_sentences

_LEAD_SENTENCES = 2
_SUMMIT_SENTENCES = 8  # a summit's or a visit's page names the others further down than a call's lead
_VISIT_TO = re.compile(r"\b(?:visit|visits) to\b", re.I)  # "Working visit to Germany": its hosts meet the guest
# Offices that speak for a country; a mention of one without "of Country" takes the page's country.
_STATE_OFFICES = frozenset({
    "President", "Prime Minister", "Chancellor", "Federal Chancellor", "King", "Queen", "Emir", "Amir",
    "Crown Prince", "Sultan", "Premier", "Vice President", "Vice-President", "Federal President",
    "Acting President", "Acting Prime Minister", "Taoiseach", "Head of State", "Prince", "Grand Duke",
})
_WITH_NAME = re.compile(r"\bwith[ \u00a0]+(?:the[ \u00a0]+)?(?P<rest>[A-Z][^,;:()\n]{2,80})")


def _lead_spans(doc: Document, occasion: bool = False, summit: bool = False) -> list[Span]:
    """The title, then the first sentences of the lead (narrator text before the first turn); for an
    occasion, also the later lead sentences that say who else attended; for a summit, its lead's first
    sentences, where it names the leaders who took part ("As he met with Tajik President ...")."""
    spans = [doc.title] if doc.title else []
    for utterance in doc.utterances[:2]:
        if utterance.speaker is not None:
            break
        # the parser split the turn already (a Document built by hand may come without its sentences)
        sentences = utterance.sentences or split_sentences(doc.text, utterance.span.start, utterance.span.end)
        spans.extend(sentences[:_SUMMIT_SENTENCES if summit else _LEAD_SENTENCES])
        if occasion and utterance is doc.utterances[0]:
            spans.extend(attendance_sentences(doc, sentences, _LEAD_SENTENCES))
        if (occasion or summit) and utterance is doc.utterances[0]:  # a roll call further down the lead
            shown = max(ATTENDANCE_SENTENCES if occasion else 0, _SUMMIT_SENTENCES if summit else _LEAD_SENTENCES)
            in_turn = bool(doc.title) and meets_leaders_in_turn(doc.quote(doc.title))
            spans.extend(s for s in sentences[shown:] if calls_the_roll(doc.quote(s))
                         or in_turn and tells_a_meeting(doc.quote(s)) or summit and opens_on_a_speaker(doc.quote(s)))
    salutation = _salutation(doc) if occasion or summit else None
    return spans + [salutation] if salutation else spans


_SALUTATION_MAX = 150


def _salutation(doc: Document) -> Span | None:
    """The first line of the first turn where it greets the room ("Mr President Xi Jinping, colleagues,"):
    at an occasion or a summit, those the host greets by name are there."""
    for utterance in doc.utterances:
        if utterance.speaker is None:
            continue
        line = doc.text[utterance.span.start:utterance.span.end].split("\n", 1)[0].rstrip()
        if len(line) <= _SALUTATION_MAX and line.endswith((",", "!", ":")):
            return Span(utterance.span.start, utterance.span.start + len(line))
        return None
    return None


def _mentions(doc: Document, occasion: bool = False, summit: bool = False) -> list[tuple[Mention, bool]]:
    """Office-and-name mentions in the title and lead; True for those in the title or first sentence.

    On an occasion's or a summit's page a leader is present where the lead says so: one a sentence recalls
    from another contact, or one another acts for ("on behalf of Queen Elizabeth II"), was not there."""
    spans = _lead_spans(doc, occasion, summit)
    head = spans[:2] if doc.title else spans[:1]
    return [(mention, span in head) for span in spans
            if not ((occasion or summit) and span != doc.title and recalls_other_contact(doc.quote(span)))
            for mention in find_mentions(doc.text, span.start, span.end)
            if not (mention.span and acting_for(doc.text, mention.span.start))]


def _page_countries(doc: Document, spans: list[Span]) -> set[str]:
    """Foreign countries the title and lead name ("Russian-Indian summit talks" gives IND)."""
    from kg.people.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    return {m.code for span in spans for m in gazetteer.find_countries(doc.text, span.start, span.end)
            if m.code != doc.publisher_country}


def _title_names(doc: Document, date: str | None) -> list[Person]:
    """Leaders a title names without an office ("Telephone conversation with Xi Jinping")."""
    if not doc.title:
        return []
    found = []
    title = normalise(doc.quote(doc.title), quotes=False)
    for match in _WITH_NAME.finditer(title):
        first = match["rest"].split(" and ")[0]
        if non_principal_at_text(title, match.start("rest"), match.start("rest") + len(first)) \
                or _no_principal_in_lead(doc, first):
            continue  # "with Recep Tayyip Erdogan, the leader of Turkey's Justice and Development Party"
        for part in re.split(r"\band\b", match["rest"]):
            words = name_at(part.split())
            name = " ".join(words)
            if len(words) >= 2 and looks_like_person_name(name):
                whole = len(words) == len(part.split())  # not "Special Envoy" of "... of the Chinese President"
                known = known_leader(Mention(name, None, None), date) or (
                    _office_in_lead(doc, name) if whole else None)
                if known and (known.country or known.organisation):
                    found.append(known)
    return found


def _no_principal_in_lead(doc: Document, name: str) -> bool:
    """Whether the lead's first sentence describes a guest the title names alone as no principal: "Meeting with
    Romano Prodi" over "Vladimir Putin met with former Prime Minister of Italy ... Romano Prodi"."""
    phrase = guest_phrase(normalise(lead_opening(doc), quotes=False)) or ""
    at = phrase.find(name.strip())
    return at >= 0 and is_non_principal(phrase[:at + len(name.strip())])


def _office_in_lead(doc: Document, name: str) -> Person | None:
    """The office the lead gives a titled name without one: "congratulated Ursula von der Leyen on
    assuming the office of President of the European Commission".  Only when the lead's first
    sentences name the person and exactly one foreign office, so the office cannot be another's."""
    from kg.people.cast import OFFICE_PATTERN, read_description

    if OFFICE_PATTERN.search(name):  # "Deputy Crown Prince and Defence Minister of ...": an office
        return None
    offices = []
    for span in _lead_spans(doc)[1:]:
        sentence = normalise(doc.quote(span), quotes=False)
        if name not in sentence:
            continue
        for match in OFFICE_PATTERN.finditer(sentence):
            mention = read_description(sentence[match.start():].split(",")[0].split(".")[0])
            if mention.office and not mention.name and (
                    mention.organisation or mention.country not in (None, doc.publisher_country)):
                offices.append(mention)
    if len({(m.office, m.country, m.organisation) for m in offices}) != 1:
        return None
    return Person(name, offices[0].office, offices[0].country, offices[0].organisation)


def _as_person(mention: Mention, doc: Document, date: str | None) -> Person:
    """The cast's Person for a mention when it speaks, else one filled in from known leaders."""
    candidate = Person(mention.name or "", mention.office, mention.country, mention.organisation)
    for speaker in doc.cast:
        if (speaker.country or speaker.organisation) and same_person(candidate, speaker) \
                and mention.country in (None, speaker.country):
            return speaker
    if mention.organisation:
        return candidate
    if mention.country and known_elsewhere(candidate, mention.country, date):
        return evolve(candidate, country=None)  # a country glued on by the layout, not this person's
    known = known_leader(mention, date)
    if known and (not mention.country or known.country == mention.country):
        return Person(fuller_name(candidate.name, known.name), mention.office or known.office,
                      known.country, None, known.qid)
    if not mention.country and mention.office in _STATE_OFFICES and candidate.name:  # "Queen Elizabeth II"
        return reigning_here(candidate.name, mention.office, doc, date) or candidate
    return candidate


_IN_YEAR = re.compile(r"[ \u00a0]+in[ \u00a0]+(?P<year>1[0-9]{3}|20[0-9]{2})\b")


def _of_an_earlier_year(doc: Document, mention: Mention, date: str | None) -> bool:
    """Whether the text dates the mention, right after the name, to a year before the page's ("by
    the British Queen Victoria in 1894"): someone spoken of in history, not met."""
    at = doc.text.find(mention.name, mention.span.start, mention.span.end) if mention.name and mention.span else -1
    if at < 0 or not mention.name:
        return False
    found = _IN_YEAR.match(doc.text, at + len(mention.name))
    return bool(found and date and date[:4].isdigit() and int(found["year"]) < int(date[:4]) - 1)


def _with_page_country(person: Person, country: str, doc: Document, date: str | None) -> Person:
    """``person`` given the one foreign country the page names, unless that would misplace them.

    An office is only ever the text's: the page's own leader ("President
    Vladimir Putin noted that Russia and Jordan...") and anyone the leader
    list knows as holding no office of ``country`` keep no country.
    """
    host = _publisher_leader(doc, date)
    if host and same_person(person, host) or known_elsewhere(person, country, date):
        return person
    return evolve(person, country=country)


def _publisher_leader(doc: Document, date: str | None) -> Person | None:
    for speaker in doc.cast:
        if speaker.country == doc.publisher_country and speaker.office in (
                "President", "Prime Minister", "Acting President"):
            return speaker
    if doc.publisher_country:
        return office_holder(doc.publisher_country, "President", date) or (
            office_holder(doc.publisher_country, "Acting President", date))
    return None


def foreign_principals(doc: Document) -> tuple[Person, ...]:
    """Participants who speak for another country than the publisher, or for an organisation."""
    countries = {p.country for p in doc.participants if p.country}
    if doc.publisher_country is None:  # plain text: foreign means two countries meet
        return doc.participants if len(countries) >= 2 else ()
    return tuple(p for p in doc.participants
                 if p.organisation or (p.country and p.country != doc.publisher_country))


def extract_participants(doc: Document) -> Document:
    """Fill ``doc.participants`` with the principals who meet, publisher's leader first.

    After :func:`kg.extract.meeting.extract_meeting` has said a page is no
    meeting (a message, a greeting), nobody meets, so participants stay empty.
    When its heading names an encounter but nobody foreign takes part (the
    President with his ministers), the page is domestic: ``is_meeting``
    becomes False and participants stay empty.
    """
    if doc.meeting is not None and not doc.is_meeting:
        return evolve(doc, participants=())
    if doc.meeting is not None and names_domestic_body(doc):  # "Meeting with permanent members of the Security
        return evolve(doc, participants=(), is_meeting=False)  # Council": the leaders it discusses are not there
    found = evolve(doc, participants=_principals(doc))
    if doc.meeting is not None and not foreign_principals(found):
        if is_multilateral(doc) and not names_no_principal(doc):  # a summit: the host takes part, whoever
            # else the page leaves unnamed ("met with Russian journalists following the APEC summit" is no summit)
            date = document_date(doc)
            host = _publisher_leader(doc, date)
            members = lead_leaders(doc, date, sentences=_SUMMIT_SENTENCES)
            return evolve(found, participants=((host,) if host else ()) + tuple(members))
        # a joint statement is agreed between parties even where the text names none of their leaders
        return evolve(found, participants=(), is_meeting=is_joint_statement(doc))
    return found


def _mentioned(doc: Document, date: str | None) -> list[Person]:
    """Foreign principals the title and the lead's opening mention, and the title's guests.

    When the title names whom the host met, leaders the lead goes on to mention
    ("discussed the visit of Pakistan's President ...") are spoken of, not met.
    """
    people: list[Person] = []
    in_title: list[bool] = []  # whether each of the people mentioned is mentioned in the title
    page_countries = _page_countries(doc, [doc.title] if doc.title else _lead_spans(doc)[:1])  # the title heads them
    host = _publisher_leader(doc, date)
    title_partner_is_domestic = False
    summit = (is_multilateral(doc) or bool(doc.title) and meets_leaders_in_turn(doc.quote(doc.title))) \
        and not names_no_principal(doc)  # not "met with journalists after the summit"
    for mention, in_head in _mentions(doc, names_occasion_only(doc) or attends_a_meeting(doc), summit):
        titled = bool(doc.title and mention.span in doc.title)
        if title_partner_is_domestic and not titled:
            break  # "Meeting with Defence Minister Igor Sergeyev": the lead's others are spoken about
        person = _as_person(mention, doc, date)
        if person.country != doc.publisher_country and non_principal_at(doc, mention.span, mention.name):
            continue  # "former US President George Bush", "President of the French Senate Gerard Larcher"
        if _of_an_earlier_year(doc, mention, date):
            continue  # "granted ... by the British Queen Victoria in 1894" on a page of 2003
        if titled and not is_host(person, host) and not person.organisation and (  # "Donald J. Trump": the host
                person.country == doc.publisher_country
                or not person.country and person.office not in _STATE_OFFICES):
            title_partner_is_domestic = True
        if (not person.country and not person.organisation and in_head and len(page_countries) == 1
                and person.office in _STATE_OFFICES  # "Prime Minister Atal Bihari Vajpayee"
                and not is_host(person, host)):  # "Joseph R. Biden, Jr."
            person = _with_page_country(person, next(iter(page_countries)), doc, date)
        if person.organisation or person.country and person.country != doc.publisher_country:
            people.append(person)
            in_title.append(titled)
    people.extend(p for p in _title_names(doc, date) if p.country != doc.publisher_country)
    guests = [g for g in title_guests(doc, date) if not any(overlap(g, p) for p in people)]  # any office
    if not people and not guests and not title_partner_is_domestic:  # a title that names nobody
        guests = _named_in_title(doc, lead_guests(doc, date))
    people.extend(guests)
    # "met with US Secretary of Defence Donald Rumsfeld": a guest the title names under any office is whom
    # the host met, and "his talks with US President George W. Bush" in the lead is spoken of
    if any(in_title) or guests:
        people = [p for i, p in enumerate(people) if i >= len(in_title) or in_title[i]]
    return people if any(in_title) else _named_in_title(doc, people)  # "a meeting with Sergei Shoigu"


def _named_in_title(doc: Document, guests: list[Person]) -> list[Person]:
    """The guests a lead names, less those of another surname than every person the title says the host
    met: "held a meeting with Foreign Minister Igor Ivanov" over "Mr Putin would meet with US President
    George W. Bush" is a meeting with his own minister, and Mr Bush is spoken of."""
    titled = {name_words(name)[-1] for name in title_guest_names(doc)}
    return [g for g in guests if not titled or titled & set(name_words(g.name))]


def _principals(doc: Document) -> tuple[Person, ...]:
    """The principals the title, the lead, the speakers and a joint statement's signatures name."""
    date = document_date(doc)
    people = _mentioned(doc, date)
    business = names_no_principal(doc)  # "Meeting with German business leaders": a speaker needs an office of state
    for speaker in doc.cast:
        if speaker.office and (speaker.organisation or speaker.country and speaker.country != doc.publisher_country) \
                and not (business and not holds_state_office(speaker.office)):
            people.append(speaker)
    unique: list[Person] = []
    for person in sorted(people, key=lambda p: p.country is None):  # a country beats an organisation
        if not any(same_person(person, earlier) and (person.country == earlier.country or not person.country)
                   or longer_name(person, earlier) for earlier in unique):
            unique.append(person)
    unique.sort(key=people.index)
    unique = signatories(doc, unique, date)  # a joint statement's parties, named anywhere in it
    if doc.publisher_country is None:
        speakers = [s for s in doc.cast if s.country and s.office]
        unique = [s for s in speakers if not any(same_person(s, u) for u in unique)] + unique
        return tuple(unique) if len({p.country for p in unique}) >= 2 else ()
    unique = [p for p in unique if not is_consort(p, date)]  # "Harald V and Queen Sonja received Mr Putin"
    return tuple(_with_contacts(doc, _with_host(doc, unique, date), date))


def _with_contacts(doc: Document, found: list[Person], date: str | None) -> list[Person]:
    """``found`` and the host's further contacts the lead tells, where the title names nobody he met."""
    host = _publisher_leader(doc, date)
    titled = find_mentions(doc.text, doc.title.start, doc.title.end) if doc.title else iter(())
    named = [n for n in title_guest_names(doc) if not (host and is_host(Person(n, None, None, None), host))]
    if names_no_principal(doc) or title_guests(doc, date) or named or any(
            not (host and same_person(_as_person(m, doc, date), host)) for m in titled):
        return found  # "Meeting with President of ...", "with Minister ... Shoigu": the others are spoken of
    more = [p for p in lead_contacts(doc, host, lambda m: None if non_principal_at(doc, m.span, m.name)
                                     else _as_person(m, doc, date), date) if not any(overlap(p, q) for q in found)]
    return found + more if found or not host else [host] + more


def _with_host(doc: Document, unique: list[Person], date: str | None) -> list[Person]:
    """The publisher's leader first, then the guests; where nobody foreign was named, the leaders the
    lead names by surname or plural office ("Mr Putin and Mr Chretien", "the three Presidents")."""
    host = _publisher_leader(doc, date)
    occasion = names_occasion_only(doc)
    if unique and host:  # "President Joseph R. Biden" in a readout is the host, not a second guest
        unique = [without_host(p, host) for p in unique if not (same_person(p, host) and p.country in (None, host.country))]
        unique.insert(0, host)
    if not any(p.organisation or p.country not in (None, doc.publisher_country) for p in unique):
        beside = host.name.split()[-1] if host and names_no_principal(doc) else None
        visit = doc.title and _VISIT_TO.search(normalise(doc.quote(doc.title), quotes=False))
        further = visit or headline_over_talks(doc)  # the partner of talks a headline's lead opens on
        guests = _named_in_title(doc, lead_leaders(doc, date, beside, _SUMMIT_SENTENCES if further else
                                                   _LEAD_SENTENCES, first_turn=bool(visit),  # a visit's news
                                                   occasion=occasion))  # conference may open on the host
        if guests:
            unique = ([host] if host else []) + [p for p in unique if p.country == doc.publisher_country
                                                 and not (host and same_person(p, host))] + guests
    if occasion or names_pair(doc) or is_multilateral(doc) and not names_no_principal(doc):
        beside = [p for p in named_beside_host(doc, date, host, occasion=True)  # "Vladimir Putin and Benjamin
                  if not any(overlap(p, q) for q in unique)]  # Netanyahu unveiled the monument"
        unique = unique + beside if unique or not beside else ([host] if host else []) + beside
    return unique
