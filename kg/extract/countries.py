"""Country mentions: every country the transcript names, plus the participants' own.

A meeting's participants speak for their countries even when the text never
names them ("President Jeenbekov" in a Kremlin page may never say
"Kyrgyzstan" in a turn), so each participant's country is added when no
phrase in the text gives it, anchored where that person is first named.
The stage reads only the text and ``doc.participants``, so it runs after the
participants stage and before nothing else in particular.
"""

from __future__ import annotations

from kg.people.gazetteer import Gazetteer, default_gazetteer
from kg.model import CountryMention, Document, Person, Span, evolve


def extract_countries(doc: Document, gazetteer: Gazetteer | None = None) -> Document:
    """Fill ``doc.countries`` from the whole text and the participants' countries."""
    gazetteer = gazetteer or default_gazetteer()
    mentions = gazetteer.find_countries(doc.text)
    named = {mention.code for mention in mentions}
    for person in doc.participants:
        if person.country and person.country not in named:
            mentions.append(CountryMention(person.country, _first_naming(doc, person)))
            named.add(person.country)
    mentions.sort(key=lambda mention: (mention.span, mention.code))
    return evolve(doc, countries=tuple(mentions))


def _first_naming(doc: Document, person: Person) -> Span:
    """Where the text first names ``person`` (full name, then surname); else the title."""
    text = doc.text
    for form in (person.name, person.name.split()[-1] if person.name.split() else ""):
        if form:
            at = text.find(form)
            if at >= 0:
                return Span(at, at + len(form))
    return doc.title or Span(0, 0)
