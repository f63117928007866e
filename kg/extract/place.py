"""Where a meeting took place: the city and the venue, from the lines the publisher puts them on.

kremlin.ru: "city is the locality of the place line" — "Novo-Ogaryovo, Moscow Region"
gives Novo-Ogaryovo, "The Kremlin, Moscow" gives Moscow and the venue The Kremlin.

White House: one to three lines under the date name the room and the place ("East Room";
"Kantei," / "Tokyo, Japan"; "Los Angeles Convention Center" / "Los Angeles, California"),
or the title ends in "| City, Country".  A room is a venue, never a city; a US state or a
country after the city is dropped.  Without a place line the city is where the lead or
the speakers say the leaders are ("met today in Hiroshima", "here in New York").  The White
House or the Oval Office alone names no city (the gold format's rule: a room is not taken
to mean Washington).
"""

from __future__ import annotations

import re

from kg.inputs.text import normalise
from kg.people.gazetteer import country_of
from kg.model import Document, Span

_REGION = re.compile(r"\b(?:Region|Territory|Oblast|Krai|Province|District|Republic|State|County)$")
_HERE_IN = re.compile(r"\b(?:here|today|we are|we're|meeting|met|meet|visit(?:ed)?)\s+(?:here\s+|today\s+)?in\s+"
                      r"(?P<city>[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+)?)")
_VENUE_WORDS = re.compile(r"\b(?:Room|Office|House|Lawn|Garden|Center|Centre|Building|Base|Palace|Hotel|Academy|"
                          r"Residence|Hall|Teleconference|Loop|Court|Library|Museum|Embassy)\b")
_US_ZONES = frozenset({"EST", "EDT", "ET", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKDT", "HST"})
_ZONE = re.compile(r"^\d{1,2}:\d\d\s*[AaPp]\.?\s?[Mm]\.?\s+(?P<zone>[A-Z]{2,5})$", re.M)
# The White House writes a US place as "City, State": the state is never the city.
US_STATES = frozenset("""Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont
Virginia Washington Wisconsin Wyoming AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO
MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC D.C.""".split()) | {
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Rhode Island",
    "South Carolina", "South Dakota", "West Virginia"}


def split_place(place: str) -> tuple[str | None, str | None]:
    """(city, venue) of a place line: drop a trailing region, state or country; the last part is the city."""
    parts = [normalise(p, quotes=False).strip() for p in place.split(",") if p.strip()]
    while len(parts) > 1 and (_REGION.search(parts[-1]) or country_of(parts[-1])):
        parts.pop()
    if len(parts) > 1 and parts[-1] in US_STATES:  # "New York, New York": the state once, then the city
        parts.pop()
    if not parts:
        return None, None
    if _VENUE_WORDS.search(parts[-1]):  # "Via Teleconference, Oval Office": rooms only
        return None, ", ".join(parts)
    city = parts[-1]
    venue = ", ".join(parts[:-1]) or None
    return city, venue


def _abroad(doc: Document) -> bool:
    """The time stamp is in a zone outside the United States ("12:50 P.M. CEST")."""
    zone = _ZONE.search(doc.text[:3000])
    return bool(zone and zone["zone"] not in _US_ZONES)


_IN_CITY = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?P<city>[A-Z][\w'’\-]+(?:[ \u00a0][A-Z][\w'’\-]+)?)")


def _lead_city(doc: Document) -> str | None:
    """The city the lead's first sentences put the leaders in ("met today in Bali")."""
    from kg.people.gazetteer import default_gazetteer

    for utterance in doc.utterances[:1]:
        if utterance.speaker is not None:
            return None
        for sentence in utterance.sentences[:2]:
            quote = doc.quote(sentence)
            for match in _IN_CITY.finditer(quote):
                name = normalise(match["city"], quotes=False)
                for candidate in (name, name.split()[0]):
                    if default_gazetteer().city(candidate) and not country_of(candidate):
                        return candidate
    return None


def whitehouse_place(doc: Document) -> tuple[str | None, str | None, Span | None]:
    """City, venue and the span of the place lines of a White House page."""
    from kg.formats.whitehouse import place_lines

    spans = place_lines(doc.text)
    span = Span(spans[0].start, spans[-1].end) if spans else None
    place = ", ".join(normalise(doc.quote(s), quotes=False).strip(" ,") for s in spans)
    city = venue = None
    if "," in place:
        city, venue = split_place(place)
    else:
        venue = place or None
    title = normalise(doc.quote(doc.title), quotes=False) if doc.title else ""
    if not city and "|" in title:
        tail = re.sub(r"\(.*?\)", "", title.rsplit("|", 1)[1]).strip()
        if "," in tail or country_of(tail) is None:
            city = split_place(tail)[0]
    if not city:
        city = _lead_city(doc)
    here = _HERE_IN.search(doc.text)
    if not city and here:
        from kg.people.gazetteer import default_gazetteer

        name = normalise(here["city"], quotes=False)
        if default_gazetteer().city(name) or default_gazetteer().city(f"{name} City"):
            city = name
    return city, venue, span  # a room alone ("Oval Office") names no city: the gold format's rule


def title_city(title: str | None) -> str | None:
    """The city a title ends on ("Joint press conference with ..., Sydney"), when the gazetteer knows it."""
    from kg.people.gazetteer import default_gazetteer

    if not title or "," not in title:
        return None
    tail = normalise(title.rsplit(",", 1)[1], quotes=False).strip()
    return tail if tail and default_gazetteer().city(tail) and not country_of(tail) else None
