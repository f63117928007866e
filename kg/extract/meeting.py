"""The meeting a transcript reports: title, date, place, format, kind of visit.

Rule for ``is_meeting`` (kept simple so it can be checked by hand): the title
or lead must name an encounter (talks, meeting, telephone conversation,
press statements, joint press conference, summit) and not an announcement
of a future one ("will meet"), a message, greeting, condolence, decree, law
or speech; and someone foreign must take part — a principal of another
country than the publisher's, or of an international organisation.  This
stage reads the heading; the participants stage that follows it
(:mod:`kg.extract.people`) checks who takes part: a meeting of the President
with his own ministers or governors is domestic, and there ``is_meeting``
becomes False and it has no participants.

An occasion a leader attends (a ceremony, reception, arrival, visit, forum, council session, parade,
signing: :mod:`kg.extract.occasions`) is read as a possible encounter as well, and greetings or a visit
called off that the lead says were told by telephone as a call, and an awards ceremony whose lead says who
else attended ("Prime Minister of Japan ... attended the awards ceremony"); who is present then decides.

Headings of the genre that this reads as encounters too: an announced meeting
with a named partner ("Vladimir Putin will meet with President of Uganda ...",
"talks will be held on March 5", a foreign leader's coming visit to the
publisher's country), dated the day announced; two leaders doing something
together ("Putin and US President Bush visited St Petersburg State
University"); a summit or council of heads of state, whose other members the
page may not name; and, for a headline title ("The dialogue on a peace treaty
must be ..."), the lead's first sentence ("Following Russian-Japanese talks in
Tokyo, ..."); a headline that states what was said ("Russia will continue to provide ...", "President
Vladimir Putin announced plans to ...") over a lead that tells the talks it followed is that meeting.
A cancelled, postponed or proposed meeting, or one still to come ("interviewed ... in the run-up to his
meeting with ..."), is none.

Place: see kg.extract.place.  Date: the dateline's, counted back to the event
when the lead says "yesterday" (see kg.extract.when).
"""

from __future__ import annotations

import re

from kg.extract.place import (announced_city, lead_city, split_place, stated_city, title_city, visit_city,
                              whitehouse_place)
from kg.extract.occasions import (award_with_a_foreign_leader, lead_opening, names_event, others_attended,
                                  told_by_phone)
from kg.extract.signatories import JOINT_STATEMENT
from kg.extract.when import announced_date, event_date, stated_date, window_date
from kg.formats.header import header_datelines
from kg.inputs.kremlin_ids import publication_window
from kg.inputs.text import normalise
from kg.model import Document, Meeting, evolve

# "called the current visit ... an important step": "called" names, it does not telephone.
# "the so-called World Chechen Congress" calls nobody.
_PHONE = re.compile(r"telephone|phone call|by phone|(?:on|over) the phone|(?<!-)\bcalled\b(?! (?:on|for|upon)\b"
                    r"| (?:the|this|his|her|their|its) (?:\w+ )?(?:visit|talks|meeting|negotiations|summit)\b)"
                    r"|\bcalls? (?:with|between)\b|\bcall to\b|\bfollowing (?:a |their |the )?call\b", re.I)
_VIDEO = re.compile(r"video ?conference|video link|videolink|via video|video call|videoconferenc|secure video"
                    r"|\bvirtual (?:\w+ )?(?:meeting|bilateral|summit|call|conversation|talks|event|session)"
                    r"|\b(?:met|meet|meeting|held|spoke|convened|joined) virtually\b", re.I)
# Remarks that open on the host: "I'm pleased to have this opportunity to speak with you today virtually".
_VIRTUALLY_NOW = re.compile(r"\b(?:speak|talk|meet|see)(?:ing)? (?:with )?you (?:today |now )?virtually\b", re.I)
# A title that names an encounter face to face ("met with", "talks with"): a telephone the first
# sentence mentions is an earlier call ("arranged the meeting during their telephone conversation").
_IN_PERSON = re.compile(r"\b(?:met|meets|meeting|talks|visit)\b", re.I)
_VISIT = re.compile(r"\b(state|official|working)\s+visit", re.I)
_ENCOUNTER = re.compile(
    r"\b(?:talks|meeting|meetings|met|meets|conversation|conversations|negotiations|spoke|"
    r"press statements?|press conference|news conference|joint statement|summit|received|"
    r"media availability|press availability|doorstop|negotiated|lunch|luncheon|dinner|breakfast|"
    r"bilateral|consultations|visit|calls?|spoke with|speaks with)\b", re.I)
_NOT_ENCOUNTER = re.compile(
    r"\b(?:will|to meet|greetings?|congratulat\w*|condolences?|messages?|telegrams?|letters?|executive order|"
    r"decree|law(?!-)|appointed|address|speech|interview|award\w*|veto|instruct\w*|"
    r"article|announce\w*|birthday|cancel\w*|postpone\w*|called off|accredit\w*|sent|sends|response|reply)\b"
    r"|\b(?-i:proposal|proposed|proposes) to (?:convene|hold)\b", re.I)
# An awards ceremony is no encounter, unless the lead says who else attended it (see others_attended).
_AWARDS = re.compile(r"\baward\w*", re.I)
# An announced meeting with a named partner is the meeting (dated the day it is to be held); an announced
# trip abroad is not (what the host will do there is not yet said).
_ANNOUNCED = re.compile(r"\bwill (?:meet|hold talks|have talks|be held)\b|\btalks will\b", re.I)
_VISIT_TO = re.compile(r"\bwill (?:make an? |pay an? )?(?:\w+ )?visit (?:to )?(?P<place>[A-Z][^\n,]*?)(?= on\b|$|,)")
# "Remarks by President Biden and Prime Minister Albanese at State Dinner": leaders who speak
# together meet, whatever the occasion (a dinner, an arrival ceremony, a signing).
_JOINT_REMARKS = re.compile(r"^(?:Joint )?Remarks by\b[^\n]*?(?:\band\b|,)", re.I)
# Two leaders doing something together make an encounter: "President Vladimir Putin and US President George
# Bush visited St Petersburg State University", "... and Chancellor Schroeder answered journalists' questions",
# "... and Israeli Prime Minister Ehud Barak discussed prospects for ...", "... and Spanish Prime Minister and
# current President of the European Union Jose Maria Aznar arrive in Moscow" (a guest's offices run long).
_TOGETHER = re.compile(r"^(?:[\w.’'\-]+[ \u00a0]+){1,8}?and[ \u00a0]+(?:[\w.’'\-]+[ \u00a0]+){1,14}?(?:visited|"
                       r"answered|signed|attended|opened|toured|laid|watched|inspected|unveiled|launched|addressed"
                       r"|discussed|arrived?)\b")
# "said at a press conference following talks with ...": a statement reported from the encounter.
_REPORTED = re.compile(r"\b(?:announce[sd]?|said|stated)\b(?=[^.;]{0,20}\b(?:at|during|after|following)\b)")
# A meeting still to come that the heading mentions: "in the run-up to his meeting with ...".
_FUTURE_ENCOUNTER = re.compile(r"\b(?:in the run-up to|ahead of|on the eve of|in preparation for)[ \u00a0]+"
                               r"(?:his|the|a|their)[ \u00a0]+[^,.;]*", re.I)
# What a telephone heading may still announce that is no conversation.
_NOT_BY_PHONE = re.compile(r"\b(?:messages?|telegrams?|letters?|executive order|decree|law|address|speech|article)\b",
                           re.I)


# A headline title over a lead that opens on talks ("Following Russian-Japanese talks in Tokyo, ...", "Meeting
# with Chairman of ..., President Vladimir Putin said ..."), see headline_over_talks.
_TALKS_LEAD = re.compile(r"\b(?:talks|negotiations|(?:meeting|met)[ \u00a0]+with)\b", re.I)
# A headline that states what was said ("Russia will continue to provide ...", "President Vladimir Putin announced
# plans to launch ..."): over a lead that opens on talks, its "will" or "announced" is the statement's, no meeting's.
_HEADLINE_STATEMENT = re.compile(r"\b(?:will|announce[sd]?)\b", re.I)
_AFTER_TALKS = re.compile(r"\b(?:after|following)[ \u00a0]+(?:(?:a|the|his|their)[ \u00a0]+)?(?:[\w\-]+[ \u00a0]+)?"
                          r"(?:talks|negotiations|meeting)\b", re.I)
# "answered questions posed by Russian journalists": the results of talks told to the press are no headline over them.
_TO_THE_PRESS = re.compile(r"\b(?:journalists|reporters|questions|the media|the press)\b", re.I)
# A gathering of several states' leaders: it is a meeting even where the page names none of the others, and
# leaders of several states who met: "BRICS leaders' meeting", "Roundtable meeting of leaders at ... forum", "Leaders
# of the Asia-Pacific Economic Cooperation (APEC) member countries met at the APEC forum in ...".
_MULTILATERAL = re.compile(r"\bsummits?\b|\bSupreme State Council\b|\bCouncil of (?:the )?Heads of "
                           r"(?:State|Government)\b|\bIntergovernmental Council\b|\bheads of state\b|\bCIS leaders\b"
                           # the councils of a union's heads of state: "Collective Security Council", "Interstate
                           # Council of the Eurasian Economic Community", "Supreme Eurasian Economic Council"
                           r"|\b(?:Collective Security|Interstate|Supreme Eurasian Economic)[ \u00a0]+Council\b"
                           r"|\bHeads[ \u00a0]+of[ \u00a0]+(?:State|Government)[ \u00a0]+Council\b"
                           r"|\bleaders[’']?[ \u00a0]+meeting\b"
                           # "Meeting of SCO leaders", "meeting of the BRICS leaders"
                           r"|\bmeeting[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?(?-i:[A-Z][A-Z0-9\-]+[ \u00a0]+)?"
                           r"leaders\b"
                           r"|\bleaders[ \u00a0]+of\b[^.;\n]{0,80}?\b(?:countries|states|nations)[ \u00a0]+met\b",
                           re.I)


# An arrival for a summit: "The President has arrived in Astana to take part in a summit of the ...".
_TO_TAKE_PART = re.compile(r"\b(?:to|will) (?:take part|participate) in\b", re.I)


def is_multilateral(doc: Document) -> bool:
    """Whether the title names a summit or a council of heads of state (the page is a meeting even
    where it names no other leader: "The CIS summit adopted statements on ..."), or names an arrival
    or a visit whose lead opens on the summit the host has come to take part in."""
    if not doc.title or not doc.is_meeting:
        return False
    title = normalise(doc.quote(doc.title), quotes=False)
    if _MULTILATERAL.search(title):
        return True
    first = normalise(lead_opening(doc), quotes=False)
    return names_event(title) and bool(_TO_TAKE_PART.search(first) and _MULTILATERAL.search(first))


def names_pair(doc: Document) -> bool:
    """Whether the title says the host and another did something together ("Vladimir Putin and George Bush
    visited a school"): the other is named beside him, often by name alone."""
    return bool(doc.title and _TOGETHER.match(normalise(doc.quote(doc.title), quotes=False)))


# "attended a foreign ministers' meeting of the Multilateral Steering Group": the host is one of those at a gathering
_ATTENDS_MEETING = re.compile(r"\b(?:attended|took[ \u00a0]+part[ \u00a0]+in|participated[ \u00a0]+in)[ \u00a0]+"
                              r"(?:a|an|the)[ \u00a0]+[^.;]{0,60}?\bmeeting\b", re.I)


def attends_a_meeting(doc: Document) -> bool:
    """Whether the title says the host attended a meeting of others ("Acting President Vladimir Putin attended
    a foreign ministers' meeting of ..."): like an occasion, the lead then says who else attended."""
    return bool(doc.title and _ATTENDS_MEETING.search(normalise(doc.quote(doc.title), quotes=False)))


def headline_over_talks(doc: Document) -> bool:
    """Whether a headline title that names no encounter ("The dialogue on a peace treaty must be ...") stands
    over a lead that opens on talks or a meeting ("Following Russian-Japanese talks in Tokyo, ...", "Meeting
    with ..., President Vladimir Putin said ..."): such a page names
    the partner further down the lead ("... at a joint press conference with Prime Minister ...")."""
    title = normalise(doc.quote(doc.title), quotes=False) if doc.title else ""
    return bool(title and not (_ENCOUNTER.search(title) or _PHONE.search(title) or _TO_THE_PRESS.search(title))
                and _TALKS_LEAD.search(normalise(lead_opening(doc), quotes=False)))


def _lead_text(doc: Document) -> str:
    """The title and the narrator text before the first turn: where the kind of event is said."""
    parts = [doc.quote(doc.title)] if doc.title else []
    for utterance in doc.utterances:
        if utterance.speaker is not None:
            break
        parts.append(doc.quote(utterance.span)[:600])
    return "\n".join(parts)


def meeting_format(doc: Document) -> str:
    """The format the title, or else the lead's first sentence, states.

    Later lead sentences often recall other contacts ("during several telephone
    conversations in December they discussed..."), which say nothing of this one.
    """
    title = normalise(doc.quote(doc.title), quotes=False) if doc.title else ""
    first = normalise(lead_opening(doc), quotes=False)
    if _VIDEO.search(title) or _VIDEO.search(first) or _VIRTUALLY_NOW.search(_host_opening(doc)):
        return "video"  # "Call with ..." held as "a secure video call"
    if _PHONE.search(title) or _PHONE.search(first) and not _IN_PERSON.search(title) or told_by_phone(doc):
        return "phone"
    return "in_person"


def _host_opening(doc: Document) -> str:
    """The first sentences of remarks that open on a speaker ("... to speak with you today virtually")."""
    for utterance in doc.utterances[:1]:
        if utterance.speaker is not None:
            return normalise(" ".join(doc.quote(s) for s in utterance.sentences[:5]), quotes=False)
    return ""


def _without_announcement(doc: Document, heading: str) -> str:
    """The heading without the "will" of an announced meeting with a partner: "Vladimir Putin will meet
    with President of Uganda ...", "Russian-Turkish talks will be held on March 5", "President of France
    Nicolas Sarkozy will visit Russia" (a visit to the publisher's country is a visit to its leader)."""
    from kg.people.gazetteer import country_of

    visit = _VISIT_TO.search(heading)
    if _ANNOUNCED.search(heading) or visit and country_of(visit["place"]) == doc.publisher_country:
        return re.sub(r"\bwill\b", "", heading)
    return heading


def _heading_encounter(heading: str) -> bool:
    """Whether the heading itself names talks, a call, a joint statement, a summit or two leaders together."""
    return bool(_ENCOUNTER.search(heading) or _PHONE.search(heading) or _VIDEO.search(heading)
                or JOINT_STATEMENT.search(heading) or _ANNOUNCED.search(heading) or _TOGETHER.match(heading)
                or _MULTILATERAL.search(heading))  # "A session of the Supreme State Council was held"


def names_occasion_only(doc: Document) -> bool:
    """Whether a meeting page's heading (or a headline's first lead sentence) names an occasion a leader
    attends ("Gala marking ...", "Vladimir Putin visited Tianjin") and no talks: who is present is what
    the lead says of it, and a leader its sentences recall from another contact was not there."""
    if not doc.is_meeting or not doc.title:
        return False
    heading = normalise(doc.quote(doc.title), quotes=False)
    return not _heading_encounter(heading) and not told_by_phone(doc) and (
        names_event(heading) or names_event(normalise(lead_opening(doc), quotes=False)))


def _names_encounter(doc: Document, heading: str, lead: str, titled: bool) -> bool:
    """Whether the heading reports an encounter (see the module docstring); a title that is a headline
    ("The dialogue on a peace treaty must be conducted ...") leaves it to the lead's first sentence."""
    heading = _FUTURE_ENCOUNTER.sub("", heading)  # "interviewed ... in the run-up to his meeting with ..."
    encounter = _heading_encounter(heading) or names_event(heading)  # "Vladimir Putin arrived in Azerbaijan"
    # under a headline title the second sentence often tells the occasion ("Now there is a need ...,
    # President Vladimir Putin said following talks at the Kremlin with the Sultan of ...")
    first = normalise(lead_opening(doc, 2), quotes=False) if titled else lead
    statement = heading
    if titled and not _heading_encounter(heading) and _AFTER_TALKS.search(first):
        encounter, statement = True, _HEADLINE_STATEMENT.sub("", heading)  # "Russia will continue to ..."
    if not encounter:  # a headline: the lead's opening says what happened ("... said following talks with ...")
        encounter = bool(_ENCOUNTER.search(first) or names_event(first))
    vetoed = _NOT_ENCOUNTER.search(_REPORTED.sub("", _without_announcement(doc, statement)))
    if vetoed and (_PHONE.search(heading) or _VIDEO.search(heading)) and not re.search(r"\bwill\b", heading):
        vetoed = _NOT_BY_PHONE.search(heading)  # a call to congratulate is still a call
    if vetoed and told_by_phone(doc):  # "congratulated ..." where the lead says he telephoned
        encounter, vetoed = True, None
    if vetoed and _AWARDS.fullmatch(vetoed.group()) and (others_attended(doc) or award_with_a_foreign_leader(doc)) \
            and not _NOT_ENCOUNTER.search(_AWARDS.sub(" ", heading)):  # "... attended the awards ceremony"
        encounter, vetoed = True, None
    if encounter and not vetoed:
        return True
    return bool(_JOINT_REMARKS.match(heading)) and not re.search(r"\bwill\b", heading)


def extract_meeting(doc: Document) -> Document:
    """Fill ``doc.meeting`` (title, date, place, format, visit kind) and ``doc.is_meeting``, as far
    as the heading tells: the participants stage then makes a page nobody foreign attends domestic."""
    lead = normalise(_lead_text(doc), quotes=False)
    datelines = header_datelines(doc.text)
    dateline = datelines[0] if datelines else None
    published = dateline.date if dateline else (doc.date or doc.transcript.date)
    date = event_date(published, lead_opening(doc))
    heading = normalise(doc.quote(doc.title), quotes=False) if doc.title else ""
    if _without_announcement(doc, heading) != heading:  # "will meet on December 11": the day it is to be held
        announced = [heading, lead_opening(doc)]
        date = (announced_date(published, announced) if published else stated_date(announced)) or date
    if date is None and doc.format == "kremlin" and (window := publication_window(doc.transcript.url)):
        if re.search(r"\bwill\b", heading):  # "Sochi will host Russia-Africa Summit on October 24": months ahead
            date = window_date(window, [heading, lead_opening(doc)], announces=True)
        date = date or window_date(window, [heading, lead_opening(doc), lead])  # "On December 18", no year
    if doc.format == "whitehouse":
        from kg.formats.whitehouse import event_dateline

        date = event_dateline(doc.text) or date
    city = venue = None
    place_span = dateline.place_span if dateline else None
    held = meeting_format(doc)  # read once: three questions below ask it
    if doc.format == "whitehouse":
        city, venue, place_span = whitehouse_place(doc)
        if place_span is None and held != "in_person":
            city = None  # a call is placed nowhere; the White House it was made from is no meeting place
    elif dateline and dateline.place:
        city, venue = split_place(dateline.place)
    if doc.format == "kremlin" and not city and doc.title:  # no place, or a country alone: the title's
        city = stated_city(doc.quote(doc.title)) or visit_city(doc)
        if not city and held == "in_person":  # "Following ... talks in Tokyo, ...": the lead's
            city = lead_city(doc)
        if not city and _without_announcement(doc, heading) != heading:  # "will be in Moscow on a working visit"
            city = announced_city(doc)
    elif doc.format == "plain" and not (dateline and dateline.place):
        city = title_city(doc.quote(doc.title) if doc.title else None)
    visit = _VISIT.search(lead)
    title = doc.quote(doc.title) if doc.title else None
    meeting = Meeting(title=title, date=date, city=city, venue=venue, format=held,
                      visit_kind=visit.group(1).lower() if visit else None,
                      date_span=dateline.date_span if dateline and dateline.date == date else None,
                      place_span=place_span)
    is_meeting = _names_encounter(doc, normalise(title or lead[:300], quotes=False), lead, bool(title))
    return evolve(doc, meeting=meeting, is_meeting=is_meeting)
