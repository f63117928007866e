"""Who is who: reading "office of country + name" descriptions of leaders.

Transcripts introduce their principals in a handful of fixed shapes, and the
same reader serves speaker labels, titles and lead paragraphs:

- ``President of the Kyrgyz Republic Sooronbay Jeenbekov`` (kremlin.ru labels and titles)
- ``US President Donald Trump``, ``Israeli Prime Minister Benjamin Netanyahu`` (adjective first)
- ``Prime Minister Lee Hsien Loong of Singapore`` (White House titles)
- ``Kim Dae-jung, President of South Korea`` (name first)

Country phrases are resolved by the gazetteer, so the reader knows no
country names itself; it only knows the shape of an office and of a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.people.names import NAME_PARTICLES, is_hyphenated_particle, looks_like_person_name, name_after_body
from kg.model import Person, Span, evolve
from kg.people.gazetteer import country_of
from kg.people.regions import REGIONAL_OFFICES, region_country_after_of

# Offices of principals, longest first so "Prime Minister" wins over "Minister".
PRINCIPAL_OFFICES: tuple[str, ...] = tuple(sorted((
    "President", "Acting President", "Vice President", "Vice-President", "Vice Chancellor",
    "Vice-Chancellor", "Prime Minister",
    "Acting Prime Minister", "Federal Chancellor", "Chancellor", "King", "Queen", "Emir", "Amir",
    "Crown Prince", "Sultan", "Premier", "Foreign Minister", "Minister of Foreign Affairs",
    "Foreign Affairs Minister", "Secretary of State", "Secretary-General", "Secretary General",
    "General Secretary", "Chairman", "Chairperson", "Chair", "Grand Duke", "Prince", "Taoiseach",
    "Governor-General", "Head of State", "State Counsellor", "Supreme Leader", "Chief Executive",
    "Federal President", "Vice Premier", "Deputy Prime Minister", "First Deputy Prime Minister",
    "Defence Minister", "Minister of Defence", "Minister of National Defence", "Minister for Foreign Affairs",
    "Minister of External Affairs", "External Affairs Minister", "Chairman of the Presidency",
    "Chairman of the Presidential Council", "Chairman of the Government", "Foreign Secretary",
    "Director-General", "Director General", "Managing Director", "Executive Secretary",
    "High Representative", *REGIONAL_OFFICES,
), key=len, reverse=True))

_NAME_PARTICLES = NAME_PARTICLES
# Capitalised words that end a name in title case ("Morrison of Australia Before Bilateral Meeting").
_NOT_NAME = frozenset(
    "Before After At In On During Following Meeting Meetings Joint Press Conference Bilateral "
    "Remarks Statement Statements Readout Talks Telephone Conversation Call With And The Of "
    "For To From Who Is Was Has Had Will Mr Mrs Ms Dr His Her Majesty Highness Excellency "
    "Sir Madam Federal Republic Kingdom State".split()
)
_HONORIFICS = re.compile(r"^(?:(?:His|Her) (?:Majesty|Royal Highness|Highness|Excellency)|H\.E\.)\s+")
# "His Highness" and "His Excellency" as signature lines abbreviate them, before the name.
_SHORT_HONORIFICS = frozenset({"HH", "H.H.", "HE", "H.E.", "HRH", "H.R.H."})
_NAME_TOKEN = re.compile(r"[A-Z\u00c0-\u00de][\w\u00c0-\u024f'’.\-]*|[a-z]+(?=\s)")
_WORD = re.compile(r"[\w\u00c0-\u024f'’.\-]+")
#: a principal's office anywhere in a text; pages put NBSP inside offices: "Minister of\u00a0Foreign Affairs"
OFFICE_PATTERN = re.compile(
    r"\b(?:" + "|".join(re.escape(o).replace(r"\ ", "[ \u00a0]+") for o in PRINCIPAL_OFFICES) + r")\b"
)
_SEP = re.compile(r"[ \u00a0]+")


@dataclass(frozen=True)
class Mention:
    """A person as one description presents them: parts may be missing."""

    name: str | None
    office: str | None
    country: str | None
    span: Span | None = None
    organisation: str | None = None  # "United Nations" for "UN Secretary-General Antonio Guterres"


def _gaz():  # imported lazily: the gazetteer loads data files once, on first use
    from kg.people.gazetteer import default_gazetteer

    return default_gazetteer()


def name_at(words: list[str]) -> list[str]:
    """Longest run of name-like words at the start of ``words`` (at most six): the name that follows
    an office or a title's "with" ("Narendra Modi of India" gives Narendra Modi)."""
    name: list[str] = []
    while words and words[0] in _SHORT_HONORIFICS:  # "Amir of Qatar HH Sheikh Tamim bin Hamad Al Thani"
        words = words[1:]
    for word in words:
        emphasis_ends = word.endswith("*")  # a signature in markdown emphasis: "*... Abdel Fattah el-Sisi*"
        word = word.rstrip("*")
        bare = word.rstrip(".,;:")
        possessive = bare.endswith(("'s", "’s"))  # "Vladimir Putin's visit": the name ends here
        bare = bare[:-2] if possessive else bare
        capital = bare[:1].isupper() or is_hyphenated_particle(bare)  # "Saud al-Faisal"
        if not bare or bare in _NOT_NAME or not (capital or bare in _NAME_PARTICLES):
            break
        if re.fullmatch(r"[A-Z]", bare):  # an initial keeps its dot: "George W. Bush"
            bare = word.rstrip(",;:")
        name.append(bare)
        if len(name) == 6 or possessive or emphasis_ends or word != word.rstrip(".,;:") \
                and not re.fullmatch(r"[A-Z]\.", word):
            break
    while name and name[-1] in _NAME_PARTICLES:
        name.pop()
    return name


def _country_after_of(words: list[str]) -> tuple[str | None, int]:
    """Country named by the longest prefix of ``words`` (after "of"), and its length."""
    for length in range(min(len(words), 7), 0, -1):
        phrase = " ".join(words[:length]).rstrip(",")
        code = country_of(phrase)
        if code:
            return code, length
    return None, 0


# Monarchs of a city-state or emirate are named by its city: "Crown Prince of Abu Dhabi".
_CITY_OFFICES = frozenset({"Crown Prince", "Emir", "Amir", "King", "Sultan", "Prince"})


def _city_country_after_of(words: list[str]) -> tuple[str | None, int]:
    """Country of the city named by the longest prefix of ``words`` (after "of"), and its length."""
    for length in range(min(len(words), 3), 0, -1):
        phrase = " ".join(words[:length]).rstrip(",")
        if phrase[:1].isupper():
            city = _gaz().city(phrase)
            if city and city.country:
                return city.country, length
    return None, 0


@lru_cache(maxsize=20000)
def organisation_of(phrase: str) -> str | None:
    """Name of the international organisation ``phrase`` names ("UN", "the African Union")."""
    phrase = _SEP.sub(" ", phrase).strip(" ,")
    if not phrase or not phrase[0].isupper() and not phrase.startswith("the "):
        return None
    found = _gaz().organisation(phrase)
    return found.name if found else None


def _organisation_after_of(words: list[str]) -> tuple[str | None, int]:
    """Organisation named by the longest prefix of ``words`` (after "of"), and its length."""
    for length in range(min(len(words), 9), 0, -1):
        found = organisation_of(" ".join(words[:length]).rstrip(","))
        if found:
            return found, length
    return None, 0


def read_description(description: str) -> Mention:
    """Office, country or organisation, and name in one description such as a speaker label."""
    text = _HONORIFICS.sub("", _SEP.sub(" ", description.strip()))
    if "," in text:  # "Kim Dae-jung, President of South Korea"
        head, _, tail = text.partition(",")
        tail_mention = read_description(tail)
        if tail_mention.office and not tail_mention.name and name_at(head.split()):
            return Mention(" ".join(name_at(head.split())), tail_mention.office, tail_mention.country,
                           organisation=tail_mention.organisation)
        text = text.replace(",", "")
    match = OFFICE_PATTERN.search(text)
    if not match:
        return _trailing_name(text, None)
    before = " ".join(text[:match.start()].split())
    office = match.group(0)
    rest = text[match.end():].split()
    country = country_of(before) if before else None
    if not country and len(before.split()) == 2:  # "Greek National Defence Minister"
        country = country_of(before.split()[0])
    organisation = organisation_of(before) if before and not country else None
    if rest and rest[0] == "of":
        found, length = _country_after_of(rest[1:])
        if not found and not country and not organisation:
            organisation, length = _organisation_after_of(rest[1:])
        if not found and not country and not organisation and office in _CITY_OFFICES:
            found, length = _city_country_after_of(rest[1:])
        if not found and not country and not organisation and office in REGIONAL_OFFICES:
            found, length = region_country_after_of(rest[1:])  # "Minister-President of Saxony"
        if found or organisation:
            country = country or found
            rest = rest[1 + length:]
    name = name_at(rest)
    if name and (country or organisation) and not looks_like_person_name(" ".join(name)):
        start = name_after_body(rest)  # "President of the French Senate Gerard Larcher"
        person_name = name_at(rest[start:]) if start else []
        if len(person_name) >= 2 and looks_like_person_name(" ".join(person_name)):
            tail = text[match.start():]
            office = tail[:tail.find(" ".join(person_name))].strip()
            name, rest = person_name, rest[start:]
        elif len(name) == 1:  # "Chairman of German Committee on ... Wolfgang Buchele": no "Committee"
            name = []
    if not name:  # "Chairman of the Board of Sberbank German Gref"; ", President of South Korea"
        if (country or organisation) and not rest:
            return Mention(None, office, country, organisation=organisation)
        return _trailing_name(text, country)
    rest = rest[len(name):]
    if not country and not organisation and len(rest) >= 2 and rest[0] == "of":  # "Prime Minister Lee of Singapore"
        country, _ = _country_after_of(rest[1:])
    return Mention(" ".join(name), office, country, organisation=organisation)


def _trailing_name(text: str, country: str | None) -> Mention:
    """A label with an office we do not list: the name is its last capitalised words."""
    words = text.split()
    if name_at(words) == [w.rstrip(".,;:") for w in words]:
        return Mention(" ".join(name_at(words)) or None, None, country)
    name: list[str] = []
    for word in reversed(words):
        if len(name) == 2 or not (word[:1].isupper() or word in _NAME_PARTICLES) or word in _NOT_NAME:
            break
        name.insert(0, word)
    office = " ".join(words[:len(words) - len(name)]).strip(" ,") or None
    return Mention(" ".join(name) or None, office, country)


_CLAUSE_END = re.compile(r",|;|\band\b|\bwho\b|\bwhich\b|\bhas\b|\bhad\b|\bis\b|\bwas\b|\(|\u2013|\u2014")
_ABBREVIATION_IN_BRACKETS = re.compile(r"\([A-Z]{2,8}\)")
_DESCRIPTION_WORDS = _NAME_PARTICLES | {"of", "the", "for", "and"}


def _prefix(text: str, start: int, office_start: int) -> str:
    """The country adjective ("US", "German Federal") or organisation ("UN") just before an office.

    Only words after the last punctuation count: in "King Abdullah II of Jordan,
    President Vladimir Putin" Jordan is the King's, not the President's.
    """
    before = text[max(start, office_start - 48):office_start]
    words = re.split(r"[,;:.()\u2013\u2014]", before)[-1].split()
    for size in (2, 1):
        candidate = " ".join(words[-size:])
        if len(words) >= size and country_of(candidate):
            return candidate
    if len(words) >= 2 and words[-1][:1].isupper() and country_of(words[-2]):
        return " ".join(words[-2:])  # "Greek National Defence Minister": the adjective leads the office
    for size in (4, 3, 2, 1):
        candidate = " ".join(words[-size:])
        if len(words) >= size and candidate[:1].isupper() and organisation_of(candidate):
            return candidate
    return ""


def _name_after_comma(window: str, clause: str) -> str | None:
    """The name in "the President of Brazil, Luiz Inacio Lula da Silva": a clause that is a name."""
    comma = re.match(r",[ \u00a0]*", window[len(clause):])
    if not comma:
        return None
    following = _CLAUSE_END.split(window[len(clause) + comma.end():])[0].strip().rstrip(".")
    words = following.split()
    name = name_at(words)
    return " ".join(name) if name and len(name) == len(words) and len(name) >= 2 else None


# A second office opens on an office's word, never on "his wife" or "Mr".
_SECOND_OFFICE = re.compile(r"(?:head|chair\w*|leader|(?!M(?:r|rs|s)\b)[A-Z]\w*(?:[ \u00a0]+[A-Z]\w*)*[ \u00a0]+(?:of|for))\b")


def _name_after_and(window: str, clause: str) -> str | None:
    """The name in "Spanish Prime Minister and head of the EU Council Jose Maria Aznar": a second office of
    the same person, of no country or organisation of its own, joined by "and" (not "President of France and
    Prime Minister of Italy Paolo Gentiloni", two people)."""
    joined = re.match(r"[ \u00a0]*and[ \u00a0]+(?P<current>current[ \u00a0]+)?(?P<second>[^,;:.()\n\u2013\u2014]+)",
                      window[len(clause):])
    if not joined or not _SECOND_OFFICE.match(joined["second"]):
        return None
    second = read_description(joined["second"])
    name = second.name or ""
    # "Spanish Prime Minister and current President of the European Union Jose Maria Aznar": a union's or an
    # organisation's chair held in turn by a country's leader
    held_in_turn = bool(joined["current"]) and not second.country
    if second.country or second.organisation and not held_in_turn or len(name.split()) < 2 \
            or not looks_like_person_name(name):
        return None
    at = joined["second"].find(name)
    after = joined["second"][at + len(name):].strip() if at >= 0 else "?"
    return name if not after or held_in_turn and after[0].islower() else None  # "... Jose Maria Aznar arrive in"


_COURTESY = frozenset({"Dr", "Mr", "Mrs", "Ms", "Prof", "Professor", "Sir"})  # before a name, no part of it
_NAME_BEFORE_COMMA = re.compile(
    r"(?:^|(?<=[ \u00a0]))([A-Z][\w'’.\-]*(?:[ \u00a0]+(?:(?:" + "|".join(sorted(NAME_PARTICLES))
    + r")[ \u00a0]+)?[A-Z][\w'’.\-]*){1,4}),[ \u00a0]+(?:the[ \u00a0]+)?\Z")


def _name_before_comma(text: str, start: int, office_start: int) -> tuple[str | None, int]:
    """The name in "Ricardo Alarcon, President of the Cuban National Assembly", and where it starts."""
    before = text[max(start, office_start - 80):office_start]
    found = _NAME_BEFORE_COMMA.search(before)
    if not found:
        return None, office_start
    words = found.group(1).split()
    words[-1] = re.sub(r"['’]s\Z", "", words[-1])  # "Mohamed ElBaradei’s, Director General"
    courtesy = 0  # "Dr Kurt Biedenkopf, Minister-President of Saxony": the title is no part of the name
    while len(words) - courtesy > 2 and words[courtesy].rstrip(".") in _COURTESY:
        courtesy += 1
    words = words[courtesy:]
    name = " ".join(words)
    if len(words) < 2 or not looks_like_person_name(name):
        return None, office_start
    first = list(re.finditer(r"\S+", found.group(1)))[courtesy]
    return name, office_start - len(before) + found.start(1) + first.start()


def _adjoins_office(clause: str, name: str) -> bool:
    """Whether only office words lie between the office and the name (no verb, no prose)."""
    clause = _SEP.sub(" ", clause)
    position = clause.find(name)
    return position >= 0 and all(
        word[:1].isupper() or word in _DESCRIPTION_WORDS for word in clause[:position].split())


# "his visiting North Korean counterpart, Kim Jong Il": the adjective gives the country, no office.
_COUNTERPART = re.compile(
    r"\b(?:his|her|their)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+){0,2}?"
    r"(?P<adjective>[A-Z][\w’'\-]*(?:[ \u00a0][A-Z][\w’'\-]*)?)[ \u00a0]+counterparts?[ \u00a0]*,?[ \u00a0]+"
    r"(?P<rest>[A-Z][^,;:()\n]{2,80})")


def _counterpart_mentions(text: str, start: int, end: int) -> Iterator[Mention]:
    for match in _COUNTERPART.finditer(text, start, end):
        country = country_of(match["adjective"])
        name = " ".join(name_at(match["rest"].split()))
        if country and len(name.split()) >= 2 and looks_like_person_name(name):
            name = _without_full_stop(name)
            yield Mention(name, None, country, Span(match.start(), match.start("rest") + len(name)))


def find_mentions(text: str, start: int, end: int) -> Iterator[Mention]:
    """Every mention of a principal in ``text[start:end]``, in order of appearance.

    Shapes: "[Country adjective|Organisation] Office [of Country|of Organisation][,] Name",
    and "his [visiting] Country-adjective counterpart, Name" (no office: a counterpart's
    title may differ from the host's).
    """
    return iter(_mentions_in(text, start, end))


@lru_cache(maxsize=64)
def _mentions_in(text: str, start: int, end: int) -> tuple[Mention, ...]:
    """:func:`find_mentions`, kept for the lines read again: the parser reads the title and lead for the
    cast, and the participants stage the same lines for the principals (a quarter of the calls).
    A page's text hashes once; Mention is frozen, so the cached tuple is safe to share."""
    found = list(_office_mentions(text, start, end)) + list(_counterpart_mentions(text, start, end))
    return tuple(sorted(found, key=lambda mention: mention.span.start))


def _office_mentions(text: str, start: int, end: int) -> Iterator[Mention]:
    """The "office + name" mentions; the name must follow the office words and look like a name."""
    for match in OFFICE_PATTERN.finditer(text, start, end):
        if match.start() > 0 and text[match.start() - 1] == "-":
            continue
        prefix = _prefix(text, start, match.start())
        window = text[match.start():min(end, match.end() + 160)].split("\n")[0]
        window = _ABBREVIATION_IN_BRACKETS.sub(lambda m: " " * len(m.group()), window)
        clause = _CLAUSE_END.split(window)[0]
        mention = read_description(f"{prefix} {clause}".strip())
        span = Span(match.start(), match.start() + len(clause.rstrip()))
        if mention.name and not looks_like_person_name(mention.name.rstrip(".")):
            mention = evolve(mention, name=None, office=_SEP.sub(" ", clause).strip())
        second_office = None
        if not mention.name and mention.office and (mention.country or mention.organisation):
            second_office = _name_after_and(window, clause)  # "... and head of the EU Council Jose Maria Aznar"
            name = _name_after_comma(window, clause) or second_office
            if name:
                clause = window[:window.find(name, len(clause)) + len(name)]
                span = Span(match.start(), match.start() + len(clause))
            else:
                name, name_start = _name_before_comma(text, start, match.start())
                span = Span(name_start, span.end) if name else span
            mention = evolve(mention, name=name)
        if (mention.name and mention.office and looks_like_person_name(mention.name.rstrip("."))
                and (span.start < match.start() or _adjoins_office(clause, mention.name)
                     or mention.name == second_office)):
            name = _without_full_stop(mention.name)
            if name != mention.name and text[span.end - 1:span.end] == ".":
                span = Span(span.start, span.end - 1)
            yield evolve(mention, name=name, span=span)


def _without_full_stop(name: str) -> str:
    """The sentence's full stop is not part of a name; an initial's or "Jr." point is."""
    last = name.rsplit(None, 1)[-1]
    if name.endswith(".") and len(last.rstrip(".")) > 2 and "." not in last[:-1]:
        return name[:-1]
    return name


def person(mention: Mention, qid: str | None = None) -> Person:
    return Person(mention.name or "", mention.office, mention.country, mention.organisation, qid)
