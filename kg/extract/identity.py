"""Every person of a Document linked to who they are, the same way wherever they appear.

The last stage of the pipeline: a participant, a speaker, an addressee and
the author of a claim are often one person written several ways on one page
("Emomali Rakhmonov" in the lead, "Emomali Rahmon" in a label) and across
pages.  Each distinct Person is linked once (:func:`kg.people.linking.link`) and
replaced everywhere, so the mapping mints one IRI for them.  It runs last so
the extractors before it see the names as the text writes them.
"""

from __future__ import annotations

from kg.people.linking import link
from kg.model import Document, Person, evolve


def document_date(doc: Document) -> str | None:
    """The date people's offices are checked against: the meeting's, else the page's."""
    if doc.meeting and doc.meeting.date:
        return doc.meeting.date
    from kg.formats.header import header_date

    return header_date(doc.text) or doc.transcript.date


def link_people(doc: Document) -> Document:
    """``doc`` with every Person carrying the QID and label of whoever they are, when known."""
    day = document_date(doc)
    linked: dict[Person, Person] = {}

    def same(person: Person | None) -> Person | None:
        if person is None:
            return None
        if person not in linked:
            linked[person] = link(person, day, doc.publisher_country)
        return linked[person]

    participants = tuple(same(p) if same(p).qid else _as_lead_names(same(p), doc, day) for p in doc.participants)
    # a speaker named as a participant is that participant, whichever of their spellings the label uses
    for person in [*doc.cast, *(u.speaker for u in doc.utterances if u.speaker)]:
        if person in linked:
            continue
        found = link(person, day, doc.publisher_country)
        twin = None if found.qid else _participant_named(person, participants)
        linked[person] = evolve(person, qid=twin.qid, label=twin.label) if twin else found
    return evolve(
        doc,
        participants=participants,
        cast=tuple(same(p) for p in doc.cast),
        utterances=tuple(evolve(u, speaker=same(u.speaker), addressee=same(u.addressee))
                         for u in doc.utterances),
        commitments=tuple(evolve(c, speaker=same(c.speaker)) for c in doc.commitments),
        figures=tuple(evolve(f, speaker=same(f.speaker)) for f in doc.figures),
    )


def _participant_named(person: Person, participants: tuple[Person, ...]) -> Person | None:
    """The linked participant a speaker label stands for ("President Biden" for "Joseph R. Biden")."""
    if person.is_journalist:
        return None
    words = person.name.lower().split()
    for participant in participants:
        if participant.qid and words and words[-1] in participant.name.lower().split() \
                and person.country in (None, participant.country):
            return participant
    return None


def _as_lead_names(person: Person, doc: Document, day: str | None) -> Person:
    """An unlinked participant the lead names again under another given name, with the same surname
    and side, linked as the lead names them, when that links: "Meeting with CIS Executive Secretary
    Nikolai Lebedev" over "... Executive Secretary of the Commonwealth of Independent States Sergei
    Lebedev" (the title's slip; the lead is the fuller account)."""
    from kg.extract.occasions import lead_opening
    from kg.people.cast import find_mentions
    from kg.people.namekey import name_words

    mine, lead = name_words(person.name), lead_opening(doc)
    for mention in find_mentions(lead, 0, len(lead)):
        theirs = name_words(mention.name)
        if len(mine) < 2 or len(theirs) < 2 or theirs[-1] != mine[-1] or theirs == mine:
            continue
        if (mention.country, mention.organisation) != (person.country, person.organisation):
            continue
        found = link(Person(mention.name, mention.office, mention.country, organisation=mention.organisation),
                     day, doc.publisher_country)
        if found.qid:
            return evolve(person, qid=found.qid, label=found.label)
    return person
