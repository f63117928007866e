"""Where a meeting took place: the city and the venue, from the lines the publisher puts them on.

kremlin.ru: "city is the locality of the place line" — "Novo-Ogaryovo, Moscow Region"
gives Novo-Ogaryovo, "The Kremlin, Moscow" gives Moscow and the venue The Kremlin.

White House: one to three lines under the date name the room and the place ("East Room";
"Kantei," / "Tokyo, Japan"; "Los Angeles Convention Center" / "Los Angeles, California"),
or the title ends in "| City, Country".  A room is a venue, never a city; a US state or a
country after the city is dropped.  Without a place line the city is where the lead or
the speakers say the leaders are ("met today in Hiroshima", "here in New York"), or the city
the opening turns welcome the guest to ("welcome back to Washington", "welcome to Bali",
"thank you for making the long trip to Washington").  The White House or the Oval Office
alone names no city (the gold format's rule: a room is not taken to mean Washington), and in
the Oval Office a speaker's "here in Washington" is not read either.  A leaders' country
residence is a place of its own ("at Camp David", "Novo-Ogaryovo"), and the city of an
event still to come is not the meeting's ("ahead of NATO's Summit in Washington next month").

kremlin.ru without a place, or with a country alone ("July 25, 2001, Belarus"): the city
the title states ("The Presidents ... met in Vitebsk", "In his country residence
Novo-Ogaryovo, ..."); the lead is not read (the gold format leaves those pages without a
city), unless the title puts the visit in a foreign country and not yet in a city
("arrived in Italy for a state visit"): then the first city of that country the lead's
opening sentences name ("landed at the Amsterdam airport"); or the page announces a visit
and its lead, or else its title, says where the guest will come ("President Lukashenko will be
in Moscow on a working visit", "..., who will come to Moscow on an official visit") or, as a
report's title would, where the meeting will be ("On October 17 in Sochi, ... will meet", "will
hold talks in Sochi", "Moscow will host talks"). A title or lead may name the city as a
country's capital ("held in the capital of Italy", "arrived in Kazakhstan's capital, Almaty"),
as where the guest is welcomed ("to welcome ... to Washington, D.C."), as the city the
President is leaving ("told journalists before leaving Paris for Moscow"), visits ("visited
Amsterdam", "made a one-day visit to Paris") or arrives at ("the port of Samsun").
"""

from __future__ import annotations

import re

from kg.inputs.text import normalise
from kg.people.gazetteer import country_of
from kg.model import Document, Span

_REGION = re.compile(r"\b(?:Region|Territory|Oblast|Krai|Province|District|Republic|State|County)$")
# "here in Hiroshima", "today in New York"; not "we met in Glasgow" nor "I visited in Tokyo", other encounters
_HERE_IN = re.compile(r"\b(?:here|today|we are|we're)\s+(?:here\s+|today\s+)?in\s+"
                      r"(?P<city>[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+)?)")
_VENUE_WORDS = re.compile(r"\b(?:Room|Office|House|Lawn|Garden|Center|Centre|Building|Base|Palace|Hotel|Academy|"
                          r"Residence|Hall|Teleconference|Loop|Court|Library|Museum|Embassy|University|"
                          r"Headquart?ers|Headquaters|Kremlin|Street|Castle|Chancellery|Airport)\b")
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
    """(city, venue) of a place line: drop a trailing region, state or country; the last part is the city.

    The locality is the first part that is no venue when what follows it is no city the gazetteer
    knows ("Porto Rotondo, Sardinia") or when it is an island ("Russky Island, Vladivostok"); a
    residence alone names its locality ("Zavidovo Residence, Tver Region").
    """
    place = re.sub(r"\([^)]*\)", "", place).strip()  # "Pratica di Mare (Italian Air Force Base)"
    place = re.sub(r"(?<![A-Z])\.$", "", place).strip()  # "The Kremlin, Moscow.", but "Washington, D.C."
    parts = [normalise(p, quotes=False).strip() for p in place.split(",") if p.strip()]
    while len(parts) > 1 and (_REGION.search(parts[-1]) or country_of(parts[-1])):
        parts.pop()
    while len(parts) > 1 and country_of(parts[0]):  # "Finland, Turku": the country first
        parts.pop(0)
    if len(parts) > 1 and parts[-1] in US_STATES and _state_not_city(parts):
        parts.pop()  # "Los Angeles, California"; but "UN Headquarters, New York" is in the city
    if not parts or len(parts) == 1 and country_of(parts[0]):  # "Belarus": a country alone names no city
        return None, None
    if _VENUE_WORDS.search(parts[-1]):  # "Via Teleconference, Oval Office": rooms only
        residence = re.fullmatch(r"(?P<place>[A-Z][\w\-]+) Residence", parts[-1])
        if not residence and len(parts) > 1 and _known_city(parts[0]) and not _VENUE_WORDS.search(parts[0]):
            return parts[0], ", ".join(parts[1:])  # "Moscow, Kremlin": the city written before the venue
        return (residence["place"] if residence else None), ", ".join(parts)
    for index, part in enumerate(parts[:-1]):
        if _LOCALITY.search(part) or index == len(parts) - 2 and _unknown_region(part, parts[-1]):
            return part, ", ".join(parts[index + 1:])
    city = parts[-1]
    venue = ", ".join(parts[:-1]) or None
    return city, venue


_LOCALITY = re.compile(r"\b(?:Island|Peninsula)$")


def _state_not_city(parts: list[str]) -> bool:
    """Whether the last part is a US state, not the city: "California" always; "New York" or
    "Washington" (cities too) only after a city the gazetteer knows."""
    return not _known_city(parts[-1]) or _known_city(parts[-2])


# A part that opens on "The" names a place in the locality, not the locality ("The Hague" is a known city).
_THE_PLACE = re.compile(r"The[ \u00a0]")


def _unknown_region(part: str, last: str) -> bool:
    """"Porto Rotondo, Sardinia": the last part is no city the gazetteer knows and ``part`` no venue."""
    return not (_VENUE_WORDS.search(part) or country_of(part) or _known_city(last) or re.search(r"\d", part)
                or _THE_PLACE.match(part) and not _known_city(part))  # "The Vršič Pass, Kranjska Gora"


def _abroad(doc: Document) -> bool:
    """The time stamp is in a zone outside the United States ("12:50 P.M. CEST")."""
    zone = _ZONE.search(doc.text[:3000])
    return bool(zone and zone["zone"] not in _US_ZONES)


# "met today with ... on the margins of the UN General Assembly in New York", "talks were held in Oslo":
# the place the encounter's own clause names (no full stop, other than an initial's, between).
_ENCOUNTER_WORD = re.compile(r"\b(?i:met|meet|meets|meeting|meetings|held|talks|summit|conference|hosted|"
                             r"took place|taking place|arrived|gathered|convene|convened|convening|visit|dinner|lunch|"
                             r"luncheon)\b")
_CLAUSE_END = re.compile(r"[;:]|(?<![A-Z])\.(?:\s|$)")
_IN_PLACE = re.compile(r"\b(?:in|at)[ \u00a0]+(?:the[ \u00a0]+)?"
                       r"(?P<place>[A-Z][\w'’\-]*(?:[ \u00a0](?:[A-Z][\w'’\-]*|de|da|do|el|al|del|la)){0,3})"
                       r"(?P<country>,[ \u00a0]+[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*)*)?")
_OPENING = re.compile(r"^(?:(?:Today|Yesterday|This \w+),?[ \u00a0]+)?[Ii]n[ \u00a0]+(?P<place>[A-Z][\w'’\-]*"
                      r"(?:[ \u00a0][A-Z][\w'’\-]*){0,2}),")
# "In his country residence Novo-Ogaryovo, President ... met with ...": a residence names its locality,
# known to the gazetteer or not, as a place line does.
_RESIDENCE = re.compile(r"^In[ \u00a0]+(?:his|her|their|the)[ \u00a0]+(?:[a-z]+[ \u00a0]+){0,2}residence,?[ \u00a0]+"
                        r"(?:(?:in|at)[ \u00a0]+)?(?P<place>[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*){0,2}),")
_HOSTED = re.compile(r"^(?P<place>[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*)?)[ \u00a0]+"
                     r"(?:hosted|hosts|is[ \u00a0]+hosting|will[ \u00a0]+host)\b")
# "On October 17 in Sochi, ...", "On February 15, Moscow will host talks ...": the date a sentence opens on.
_ON_DATE = re.compile(r"^On[ \u00a0]+(?:January|February|March|April|May|June|July|August|September|October|"
                      r"November|December)[ \u00a0]+\d{1,2}(?:[–\-]\d{1,2})?(?:,[ \u00a0]+\d{4})?,?[ \u00a0]+")
# "The President of Russia visited Amsterdam": the place visited is named without "in".
_VISITED = re.compile(r"\bvisited[ \u00a0]+(?P<place>[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*){0,2})")
# "made a one-day visit to Paris", "paid a working visit to Minsk": a visit made to a city names it; a visit
# still to come ("discussed his coming visit to Paris") is not the encounter's place, so the verb must say it is made.
_MADE_VISIT_TO = re.compile(r"\b(?:made|makes|making|paid|pays|paying|began|begins|completed|concluded|ended)\b"
                            r"(?:[ \u00a0]+[\w\-]+){0,4}?[ \u00a0]+(?:visit|trip)[ \u00a0]+to[ \u00a0]+"
                            r"(?P<place>[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*){0,2})")
# "arrived at the port of Samsun": a locality named by its kind.
_TOWN_OF = re.compile(r"\b(?:port|city|town|resort|village)[ \u00a0]+of[ \u00a0]+"
                      r"(?P<place>[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*){0,2})")


def stated_city(text: str) -> str | None:
    """The city a title or lead sentence says the encounter is in ("A summit was held in Oslo",
    "met ... in Sharm El Sheikh, Egypt", "Today in Jeddah, ...", "Odessa hosted a meeting").  A country,
    a venue ("at Windsor Castle", "at the White House") or a city the gazetteer does not know (unless
    a country follows: "in Apulia, Italy") is none."""
    text = _ON_DATE.sub("", _FUTURE_EVENT.sub("", normalise(text, quotes=False)))
    residence = _RESIDENCE.match(text)
    if residence and not country_of(residence["place"]):
        return residence["place"]
    opening = _OPENING.match(text) or _HOSTED.match(text)
    candidates = [(opening["place"], None)] if opening else []
    candidates += [(m["place"], m["country"]) for m in _WELCOMED_TO.finditer(text)]
    candidates += [(m["place"], None) for m in _LEAVING.finditer(text)]
    candidates += [(m["place"], None) for m in _VISITED.finditer(text)]
    candidates += [(m["place"], None) for m in _MADE_VISIT_TO.finditer(text)]
    for verb in _ENCOUNTER_WORD.finditer(text):
        end = _CLAUSE_END.search(text, verb.end())
        clause = text[verb.end():min(end.start() if end else len(text), verb.end() + 200)]
        candidates += [(m["place"], None) for m in _NAMED_CAPITAL.finditer(clause)]
        candidates += [(m["place"], None) for m in _TOWN_OF.finditer(clause)]
        capital = _CAPITAL_OF.search(clause)
        if capital and not any(m.start() < capital.start() for m in _IN_PLACE.finditer(clause)):
            return _capital(capital["country"])
        candidates += [(m["place"], m["country"]) for m in _IN_PLACE.finditer(clause)]
    for place, country in candidates:
        city = _city_of(place, country)
        if city:
            return city
    return None


# "met today with ... ahead of NATO's Summit in Washington next month": the place of an event still to come.
_FUTURE_EVENT = re.compile(r"\b(?:ahead of|in the run-up to|on the eve of|in preparations? for|preparations for)\b"
                           r"[^.;:,]*", re.I)
# "is honored to welcome Prime Minister ... to Washington, D.C.": the host's city receives the guest.
_WELCOMED_TO = re.compile(r"\b(?:welcome[sd]?|welcoming)\b(?:[^.;:]|(?<=\b[A-Z])\.|(?<=\bJr)\.){0,150}?\bto[ \u00a0]+"
                          r"(?P<place>[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*){0,2})"
                          r"(?P<country>,[ \u00a0]+[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*)*)?")
# "told journalists before leaving Paris for Moscow": the city being left is where the page's events were.
_LEAVING = re.compile(r"\b(?:[Bb]efore|[Oo]n|[Uu]pon)[ \u00a0]+leaving[ \u00a0]+"
                      r"(?P<place>[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*){0,2})")
# "held in the capital of Italy": the country's capital.
_CAPITAL_OF = re.compile(r"\b(?:in|to)[ \u00a0]+the[ \u00a0]+capital[ \u00a0]+of[ \u00a0]+"
                         r"(?P<country>(?:the[ \u00a0]+)?[A-Z][\w'’\-]*(?:[ \u00a0](?:(?:of|and)[ \u00a0])?[A-Z][\w'’\-]*){0,4})")
# "arrived in ex-Kazakhstan's capital, Almaty", "in the Scottish capital Edinburgh": the capital is named.
_NAMED_CAPITAL = re.compile(r"\b(?:in|to)[ \u00a0]+(?:the[ \u00a0]+)?(?:[A-Z][\w\-]*|[\w\-]+['’]s)[ \u00a0]+capital,?"
                            r"[ \u00a0]+(?P<place>[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*){0,2})")


def _capital(country: str) -> str | None:
    """The capital of the country named ``country``, when the gazetteer knows both."""
    from kg.people.gazetteer import default_gazetteer

    words = country.split()
    for size in range(len(words), 0, -1):  # "the capital of Italy Silvio Berlusconi said": the country's words
        code = country_of(" ".join(words[:size]))
        if code:
            info = default_gazetteer().country(code)
            return info.capital if info and info.capital else None
    return None


def _city_of(place: str, country: str | None) -> str | None:
    """The city that ``place`` starts with: known to the gazetteer, or followed by a country.  A name a
    possessive follows is a person's ("at Vladimir Putin's invitation"), not the city of Vladimir."""
    words = place.split()
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        following = words[size:size + 1]
        if country_of(name) or following and _VENUE_WORDS.search(following[0]) or _VENUE_WORDS.search(name):
            return None
        if following and re.search(r"['’]s$", following[0]):
            continue
        if _known_city(name) or size == len(words) and country and country_of(country.strip(", \u00a0")):
            return name
    return None


# Leaders' country residences that the genre names as the place itself ("met ... at Camp David today",
# "Novo-Ogaryovo, Moscow Region"): localities the gold format takes as the city, which no gazetteer lists.
# Bocharov Ruchei is not one: "Bocharov Ruchei, Sochi" is a residence in a city the line goes on to name.
RESIDENCES = frozenset({"Camp David", "Novo-Ogaryovo", "Zavidovo", "Meseberg"})


def _known_city(name: str) -> bool:
    from kg.people.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    return name in RESIDENCES or bool(gazetteer.city(name) or gazetteer.city(f"{name} City"))


# "arrived in Italy for a three-day state visit", "made his first state visit to the Netherlands", "The first
# ever Russia-ASEAN summit ended in Malaysia": the title puts the encounter in a country, not yet a city.
_IN_COUNTRY = re.compile(r"\b(?:arrived|arrives|visit|visits|trip|summit|talks)\b[^.;:]{0,40}?\b(?:in|to)[ \u00a0]+"
                         r"(?:the[ \u00a0]+)?(?P<country>[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*){0,2})")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*){0,2}")
_VISIT_LEAD_SENTENCES = 4


def visit_city(doc: Document) -> str | None:
    """For a title that puts the encounter in a foreign country ("arrived in Italy for a state visit"):
    the first city of that country the lead's opening sentences name ("landed at the Amsterdam airport",
    "the conference in Kuala Lumpur"), so a city of another country the lead recalls is never taken."""
    from kg.people.gazetteer import default_gazetteer

    title = normalise(doc.quote(doc.title), quotes=False) if doc.title else ""
    found = _IN_COUNTRY.search(title)
    code = country_of(found["country"]) if found else None
    if not code or code == doc.publisher_country:
        return None
    gazetteer = default_gazetteer()
    for utterance in doc.utterances[:1]:
        if utterance.speaker is not None:
            return None
        for sentence in utterance.sentences[:_VISIT_LEAD_SENTENCES]:
            for run in _CAPITALISED_RUN.finditer(normalise(doc.quote(sentence), quotes=False)):
                words = run.group().split()
                for size in range(len(words), 0, -1):  # "Amsterdam airport", "Kuala Lumpur Summit"
                    name = " ".join(words[:size])
                    if gazetteer.city(name, code) and not country_of(name):
                        return name
    return None


def lead_city(doc: Document) -> str | None:
    """The city the lead's first sentence puts the encounter in ("met today in Bali")."""
    for utterance in doc.utterances[:1]:
        if utterance.speaker is None and utterance.sentences:
            return stated_city(doc.quote(utterance.sentences[0]))
    return None


# An announcement says where the guest is coming: "President Lukashenko will be in Moscow on a working visit",
# "will arrive to St Petersburg", "who will come to Moscow", "who will be on an official visit to Moscow";
# "will pay an official visit to St Petersburg" (not a past "visit to Tashkent" the page recalls).
_COMING_TO = re.compile(r"\bwill[ \u00a0]+(?:be[ \u00a0]+in|arrive[ \u00a0]+(?:to|in)|come[ \u00a0]+to"
                        r"|(?:[a-z]+[ \u00a0]+){1,4}?(?:visit|trip)[ \u00a0]+to)[ \u00a0]+"
                        r"(?P<place>[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*){0,2})")


def announced_city(doc: Document) -> str | None:
    """For a page announcing a visit: the city the lead's first sentences, or else the title ("..., who will
    come to Moscow on an official visit", a lead that does not repeat it), say the guest will come to, or
    else the city its first sentence, or a second that still speaks of what will be, puts the meeting in,
    as a report's would ("will meet in Sochi with", "On October 17 in Sochi, ...", "Moscow will host talks",
    "a meeting ..., to be held in Sochi")."""
    title = [normalise(doc.quote(doc.title), quotes=False)] if doc.title else []
    for utterance in doc.utterances[:1]:
        if utterance.speaker is not None or not utterance.sentences:
            return None
        sentences = [normalise(doc.quote(s), quotes=False) for s in utterance.sentences[:2]]
        for sentence in sentences + title:
            for found in _COMING_TO.finditer(sentence):
                city = _city_of(found["place"], None)
                if city:
                    return city
        future = sentences[:1] + [s for s in sentences[1:] if re.search(r"\bwill\b", s)]  # not "they began in Durban"
        return next((city for city in map(stated_city, future) if city), None)
    return None


def heading_city(doc: Document) -> str | None:
    """For a page whose place line names no place: the city its title or first sentence states."""
    return (stated_city(doc.quote(doc.title)) if doc.title else None) or lead_city(doc)


# A speaker's welcome names where the guest has come: "Welcome back to Washington", "welcome to Bali",
# "thank you for making the long trip to Washington", "Great to have you back in Washington".
_GUEST_CAME = re.compile(r"(?:\b(?:[Ww]elcome(?: you)?(?: back)?|(?:trip|visit|journey)(?: here)?) to"
                         r"|\b(?:have you|you) back(?: here)? in)[ \u00a0]+"
                         r"(?P<place>[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*)?)")
_OPENING_TURNS = 2


def _welcomed_city(doc: Document) -> str | None:
    """The city the opening turns of remarks welcome the guest to (see :data:`_GUEST_CAME`): the
    first city the gazetteer knows that is no country ("welcome to Indonesia" names none)."""
    turns = [u for u in doc.utterances if u.speaker is not None][:_OPENING_TURNS]
    for utterance in turns:
        text = normalise(" ".join(doc.quote(s) for s in utterance.sentences[:6]), quotes=False)
        for found in _GUEST_CAME.finditer(text):
            words = found["place"].split()
            for size in range(len(words), 0, -1):
                name = " ".join(words[:size])
                if _known_city(name) and not country_of(name):
                    return name
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
        city = lead_city(doc) or _welcomed_city(doc)
    # Remarks in the Oval Office are the pool spray before a bilateral meeting: the room names no city, and
    # a speaker's "happy to be here in Washington" is not read for one either (the gold format's rule).
    here = None if venue and re.search(r"\bOval Office\b", venue) else _HERE_IN.search(doc.text)
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
