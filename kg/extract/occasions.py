"""Occasions a leader attends that are meetings when a foreign principal is there too.

kremlin.ru reports many meetings under headings that name no talks: a
ceremony or reception ("Opening of Year of Chinese Tourism in Russia", "Gala
marking the 70th anniversary of diplomatic relations"), a trip ("Vladimir
Putin arrived in Azerbaijan", "Visiting St Petersburg State University"), a
forum, conference or council session, a parade, a signing ("The Presidents of
Russia, Belarus, Kazakhstan and Ukraine signed an agreement ...").  The
narrator's lead then says who was there: "Vladimir Putin and President of the
People's Republic of China Xi Jinping attended ...", "President Putin was
accompanied by ...", "... attended the awards ceremony".  A careful reader
counts such a page as a meeting of the leaders present, and a page where
nobody foreign is present (a plant the President tours alone) as none: the
heading here only says an occasion may be a meeting; the participants stage
(:mod:`kg.extract.people`) decides by who is named present.

Greetings are read the same way: a birthday or a victory congratulated over
the telephone ("telephoned Mr Aliyev to congratulate him", "A number of leaders
have telephoned the President of Russia to convey their birthday greetings"),
or a visit called off in a telephone conversation with the host, is a call,
while greetings sent in a message stay none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.inputs.text import normalise
from kg.model import Document, Span

# Words of a heading (or of a headline's first lead sentence) that name an occasion a leader attends.
EVENT = re.compile(r"\b(?:attend(?:s|ed)?|took part|takes part|taking part|participated|ceremon(?:y|ies)|reception|"
                   r"banquet|parade|gala|celebrations?|visit(?:ed|s|ing)|arriv(?:ed|es)|toured|opened|opening|"
                   r"inaugurat\w*|launch(?:ed|es)?|unveil\w*|laid|forum|conference|council|session|exhibition|"
                   r"festival|concert|manoeuvres|accompanied|signed|exchanged|event)\b", re.I)
# A heading of greetings, or of visits called off, that may have been told by telephone; one that names a
# message, a letter or a telegram was written, whatever the lead adds.
_GREETING = re.compile(r"\b(?:congratulat\w*|greetings?|birthday|condolences?|cancel\w*|postpone\w*)\b", re.I)
_WRITTEN = re.compile(r"\b(?:messages?|telegrams?|letters?|address|article)\b", re.I)
# The call itself, said by the lead: "telephoned", "over the telephone", "in a telephone conversation".
_CALLED = re.compile(r"\b(?:tele)?phoned\b|\b(?:over|by) (?:the )?(?:tele)?phone\b"
                     r"|\b(?:in|had|held) a (?:tele)?phone (?:conversation|call)\b", re.I)
_CALL_SENTENCES = 2


def names_event(text: str) -> bool:
    """Whether ``text`` (a heading, or a headline's first lead sentence) names an occasion a leader
    attends: a ceremony, reception, visit, arrival, forum, session, parade, signing."""
    return bool(EVENT.search(text))


def lead_opening(doc: Document, sentences: int = 1) -> str:
    """The narrator lead's first ``sentences`` sentences, joined: "" where the page opens on a speaker."""
    for utterance in doc.utterances:
        if utterance.speaker is None:
            return " ".join(doc.quote(s) for s in utterance.sentences[:sentences])
        break
    return ""


def told_by_phone(doc: Document) -> bool:
    """Whether the heading gives greetings (congratulations, birthday wishes, condolences), or calls off a
    visit, that the lead's first sentences say were told over the telephone: a call, not a message."""
    title = normalise(doc.quote(doc.title), quotes=False) if doc.title else ""
    if not _GREETING.search(title) or _WRITTEN.search(title):
        return False
    return bool(_CALLED.search(normalise(lead_opening(doc, _CALL_SENTENCES), quotes=False)))


# A lead sentence that recalls another contact than the occasion ("Mr Putin was the first head of state to make
# a telephone call to US President George W. Bush after ..."): the leader it names was not there.
_OTHER_CONTACT = re.compile(r"\b(?:(?:tele)?phone|calls?|called|messages?|letters?|telegrams?|earlier|previous|"
                            r"last (?:year|month|week))\b", re.I)
# Lead sentences past the opening that say who else attended ("Prime Minister of Japan Shinzo Abe, ...
# attended the awards ceremony", "President Putin was accompanied by Fidel Castro, ...").
_ATTENDED = re.compile(r"\b(?:attended|took part|taking part|participated|accompanied|alongside|together with|"
                       r"joined|welcomed|greeted|(?:was|were) present|in the presence of)\b", re.I)
ATTENDANCE_SENTENCES = 5
# "welcomed by Lord Evans on behalf of Queen Elizabeth II": whoever another acts for is not there.
_ACTED_FOR = re.compile(r"\bon[ \u00a0]+behalf[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w'’.\-]*"
                        r"(?:[ \u00a0]+(?:(?:of|the)[ \u00a0]+)*[A-Z][\w'’.\-]*){0,5}")
_ON_BEHALF = re.compile(r"\bon[ \u00a0]+behalf[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?(?:[A-Z][\w'’.\-]*[ \u00a0]+){0,3}$")


def recalls_other_contact(sentence: str) -> bool:
    """Whether a lead sentence of an occasion speaks of another contact (a call, a message, an earlier
    meeting), so that the leaders it names are spoken of, not present."""
    return bool(_OTHER_CONTACT.search(normalise(sentence, quotes=False)))


# A roll call of those present, which a summit's or an occasion's page may give anywhere in its lead ("The
# participants included President of Russia Vladimir Putin, Prime Minister of Armenia ...", "Taking part in the
# talks were ...", "Representing the European Union were ..."); one that looks ahead ("will be attended by")
# announces.
_ROLL_CALL = re.compile(r"\b(?:participants (?:included|were)|(?:taking|took) part in [^.;]{0,60}? were|"
                        r"representing [^.;,]{0,60}? were|(?:was|were) attended by|(?:also|were|are) attending)\b",
                        re.I)
_AHEAD = re.compile(r"\b(?:will|would|is to|are to|expected)\b", re.I)


def calls_the_roll(sentence: str) -> bool:
    """Whether a lead sentence lists those present at a summit or an occasion (see ``_ROLL_CALL``)."""
    text = normalise(sentence, quotes=False)
    found = _ROLL_CALL.search(text)
    return bool(found) and not _AHEAD.search(text[:found.end()])


# A heading of the host's meetings, one by one, with leaders it does not name ("President Vladimir Putin held
# a number of bilateral meetings with CIS leaders", "attended bilateral meetings with the leaders of other CIS
# countries"), and a lead sentence telling one of them ("Mr Putin also met with Kyrgyz President Askar
# Akayev", "As he met with Ukrainian President Leonid Kuchma, ...", "During his talk with ...").
_MEETINGS_WITH_LEADERS = re.compile(r"\b(?:meetings|talks)[ \u00a0]+with[ \u00a0]+(?:the[ \u00a0]+)?"
                                    r"(?:[\w'’-]+[ \u00a0]+){0,2}?(?:leaders|leadership|heads[ \u00a0]+of[ \u00a0]+state)\b",
                                    re.I)
_MET_WITH = re.compile(r"\b(?:met|meeting|talks?)[ \u00a0]+with\b", re.I)


def meets_leaders_in_turn(title: str) -> bool:
    """Whether a heading gives the host's meetings with leaders it leaves unnamed, whom the lead names one
    by one (see ``_MEETINGS_WITH_LEADERS``)."""
    return bool(_MEETINGS_WITH_LEADERS.search(normalise(title, quotes=False)))


def tells_a_meeting(sentence: str) -> bool:
    """Whether a lead sentence tells the host's meeting with someone ("also met with ...")."""
    text = normalise(sentence, quotes=False)
    return bool(_MET_WITH.search(text)) and not _AHEAD.search(text)


# A summit's lead sentence that opens on someone speaking there ("President Heidar Aliyev of Azerbaijan
# recalled that ...", "In turn, President Robert Kocharian of Armenia noted ..."): the speaker, named before
# the verb in a short subject, was there.
_SPEAKS_FIRST = re.compile(r"^(?:(?:In turn|For his part|For their part|Also),? )?(?P<subject>[^,.;:]{5,80}?"
                           r"(?:, [^,.;:]{3,60},)?) (?:also )?(?:said|noted|stressed|recalled|pointed out|"
                           r"emphasi[sz]ed|acknowledged|expressed|agreed|proposed|suggested)\b")
# The subject is one principal: an office of state and a name, not "The summit's participants".
_ONE_PRINCIPAL = re.compile(r"\b(?:President|Prime Minister|Chancellor|King|Queen|Emir|Sultan|head of state)\b")
_MANY = re.compile(r"\b(?:participants|leaders|heads|delegations)\b", re.I)


def opens_on_a_speaker(sentence: str) -> bool:
    """Whether a lead sentence opens on someone speaking at the summit (see ``_SPEAKS_FIRST``), not on
    one who spoke elsewhere."""
    text = normalise(sentence, quotes=False)
    found = _SPEAKS_FIRST.match(text)
    return bool(found) and " that " not in found["subject"] and bool(_ONE_PRINCIPAL.search(found["subject"])) \
        and not _MANY.search(found["subject"]) and not _OTHER_CONTACT.search(text)


def says_who_attended(sentence: str) -> bool:
    """Whether a lead sentence past the opening says who else attended the occasion."""
    return bool(_ATTENDED.search(normalise(sentence, quotes=False)))


def others_attended(doc: Document) -> bool:
    """Whether a sentence of the lead past its opening says who else attended ("Prime Minister of Japan
    ... attended the awards ceremony"), and recalls no other contact: the participants stage then says
    whether anyone foreign was among them."""
    if not doc.utterances or doc.utterances[0].speaker is not None:
        return False
    return any(not recalls_other_contact(doc.quote(s))
               for s in attendance_sentences(doc, doc.utterances[0].sentences, 1))


def attendance_sentences(doc: Document, sentences: Sequence[Span], after: int) -> list[Span]:
    """The lead ``sentences`` past the first ``after``, as far as an occasion's lead goes on saying who was
    there, that say who else attended: the participants stage reads them with the opening."""
    return [s for s in sentences[after:ATTENDANCE_SENTENCES] if says_who_attended(doc.quote(s))]


def without_those_acted_for(text: str) -> str:
    """``text`` without the names of those whom another acts for ("on behalf of Queen Elizabeth II")."""
    return _ACTED_FOR.sub(" ", text)


def acting_for(text: str, start: int) -> bool:
    """Whether the name at ``text[start:]`` is one whom another acts for ("on behalf of Queen ...")."""
    return bool(_ON_BEHALF.search(text[max(0, start - 80):start]))


def award_with_a_foreign_leader(doc: Document) -> bool:
    """Whether the lead's first sentence names a leader of another country as the one who gives or receives
    the award ("President of China Xi Jinping awarded the Order of Friendship ... to Vladimir Putin"): an
    award passed between leaders is an encounter, unlike a ceremony for the host's own citizens."""
    from kg.people.cast import find_mentions

    for utterance in doc.utterances[:1]:
        if utterance.speaker is None and utterance.sentences:
            first = utterance.sentences[0]
            return any(m.name and m.country and m.country != doc.publisher_country
                       for m in find_mentions(doc.text, first.start, first.end))
    return False

