"""The guest a title names, whatever their office, and whether a named guest is a principal.

A kremlin.ru title says whom the President met: "Meeting with First Vice
Premier of the State Council of China Zhang Gaoli", "President Vladimir Putin
met with Condoleezza Rice, the National Security Advisor of the US President".
The cast reader (:mod:`kg.people.cast`) knows the offices of heads of state and
government and of a few ministers; a guest under any other office (a Vice
Premier, a security council's secretary, an envoy, a Governor General) was
read as nobody, and the page as domestic.  Here the guest is read by shape
instead: the name is the run of name words that ends a description, and the
country is the one the description names next to it ("... of Iran Hassan
Rouhani", "Condoleezza Rice, ... of the US President").

Who is no principal (the gold format: heads of state or government, ministers,
heads of international organisations): someone described as a former office
holder, as the head of a parliament or of a party (a ruling Communist Party
excepted: its General Secretary leads the state), or as a journalist, writer,
businessman or cleric.  A meeting with them is no meeting of leaders.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.inputs.text import normalise
from kg.model import Document, Person, Span
from kg.people.cast import OFFICE_PATTERN
from kg.people.names import NAME_PARTICLES, is_hyphenated_particle, is_thing_word, looks_like_person_name

# Where a title names whom the host met: the words after these.
_GUEST_START = re.compile(
    r"\b(?i:(?:met|meets|meeting|talks|conversation|call|spoke|speaks|negotiations)(?:[ \u00a0]+by[ \u00a0]+"
    r"(?:tele)?phone)?[ \u00a0]+with|met|received|receiving)[ \u00a0]+(?:the[ \u00a0]+)?")
# Where the guest's description ends: a clause about something else.
_GUEST_END = re.compile(r"\s(?:who|which|during|to[ \u00a0]+(?!the\b|an?\b)[a-z]+|and[ \u00a0]+(?:discussed|addressed|"
                        r"held|signed|answered))\s|[;(:]\s|(?<=[a-z]{2})\.(?:\s|$)|\s[\u2013\u2014]\s")
_NAME_WORD = re.compile(r"[A-Z\u00c0-\u00de][\w\u00c0-\u024f'’.\-]*")
# Capitalised words of a description, never of the name after it.
_DESCRIPTION = frozenset("""
Right Honourable Sheikh His Her Majesty Highness Excellency Mr Mrs Ms Dr Member Co-Chairman Co-Chair Head Chief
Deputy First Vice Special Presidential Envoy Representative Adviser Advisor Secretary Minister Director Speaker
Governor General Premier Interim Acting Cooperation Trade Economic Commission Council Prince King Queen Emir
Crown President Chancellor Chairman Chairwoman Chairperson Leader Senior Economics Defence Defense Foreign
""".split())
_MAX_NAME = 6
_ELECT = re.compile(r"-(?:[Ee]lect|[Dd]esignate)$")  # "President-Elect", "Prime Minister-designate"
# A clause after "Name," that describes the person ("the President of the French National Assembly")
_APPOSITION = re.compile(r"(?:the|a|an|former|ex-|head|leader|chairman|chairwoman|chairperson|speaker|president|"
                         r"member|secretary|minister|co-chairman|special)\b", re.I)

_FORMER = re.compile(r"\b(?:former|ex-|retired|late)\b(?![ \u00a0]+(?:Yugoslav|Soviet)\b)", re.I)
# A former leader sent as a government's envoy speaks for it again: "former Japanese Prime Minister Yoshiro Mori,
# Special Envoy of the Japanese Government", "former Prime Minister of Japan and Special Envoy of ...".
_ENVOY_NOW = re.compile(r"(?<!former[ \u00a0])(?<!former[ \u00a0]the[ \u00a0])\b(?:Special|Personal)[ \u00a0]+"
                        r"(?:Presidential[ \u00a0]+)?(?:Envoy|Representative)\b")
_LEGISLATURE = re.compile(r"\b(?:Parliament|parliament\w*|Senate|National Assembly|House of (?:Representatives|"
                          r"Commons|Lords|Councillors)|Congress|Duma|Rada|Hural|Majlis|Sejm|Bundestag|Knesset|"
                          r"Speakers?|Legislative|legislators?|deputies)\b")
_PARTY = re.compile(r"\bParty\b")
_RULING_PARTY = re.compile(r"\bCommunist Party of (?:China|Vietnam|Viet Nam|Cuba|Laos)|\b(?:Chinese|Vietnamese|"
                           r"Cuban|Lao) Communist Party|Workers[’']? Party of Korea")
_NOT_OFFICE = re.compile(r"\b(?:journalists?|writer|author|businessm[ae]n|business|entrepreneurs?|bankers?|"
                         r"Patriarch|Metropolitan|Archbishop|Bishop|Cardinal|Catholicos|Mufti|Rabbi|Pope|Church|"
                         r"Sheikh-ul-Islam|scientists?|students?|activists?|Mayor|Ambassadors?|Staff|Executive Office|"
                         r"Group|Company|Corporation|CEO|chief executive officer|Academy|University|Institute|"
                         r"Foundation|Society|film[ \u00a0]+director|screenwriter|actors?|actress|singers?|musicians?|"
                         r"composer|conductor|painter|sculptor)\b", re.I)
# A board is a company's, unless the description names an international body whose board it is:
# "Chairman of the Eurasian Economic Commission's Board" heads the Commission's executive.
_BOARD = re.compile(r"\bboard\b", re.I)
# "the leader of Germany's Christian Democratic Union": a leader of something else than a country
_LEADER_OF = re.compile(r"\bleader of (?!(?:the )?X\b(?![’']s))", re.I)
# A guest the title describes by an office of state: words one of those has in its description.
_STATE_OFFICE = re.compile(r"\b(?:Minister|Secretary|President|Premier|Chancellor|Advis[eo]r|Envoy|Representative|"
                           r"Governor|Government|Administration|King|Queen|Prince|Princess|Emir|Amir|Sultan|Council|"
                           r"Commission|Director|Head of State|Vice)", re.I)


def is_non_principal(description: str) -> bool:
    """Whether the words describing someone make them no principal (see the module docstring)."""
    from kg.people.gazetteer import default_gazetteer

    text = normalise(description, quotes=False)
    if _FORMER.search(text) and not _ENVOY_NOW.search(text) or _LEGISLATURE.search(text) or _NOT_OFFICE.search(text):
        return True
    if _PARTY.search(text) and not _RULING_PARTY.search(text):
        return True
    if _BOARD.search(text) and not default_gazetteer().find_organisations(text):
        return True
    if not _LEADER_OF.search(text):
        return False
    for mention in reversed(default_gazetteer().find_countries(text)):  # "leader of the DPRK" leads a country
        text = text[:mention.span.start] + "X" + text[mention.span.end:]
    return bool(_LEADER_OF.search(text))


def holds_state_office(description: str) -> bool:
    """Whether the words describing someone give an office of state or of an international body ("President
    of Kazakhstan"), not a post in business ("Chairman of the German Committee on Eastern European Economic
    Relations")."""
    return bool(_STATE_OFFICE.search(description)) and not is_non_principal(description)


def guest_phrase(title: str) -> str | None:
    """The words of a title that describe whom the host met ("First Vice Premier ... Zhang Gaoli")."""
    start = _GUEST_START.search(title)
    if not start:
        return None
    rest = title[start.end():]
    end = _GUEST_END.search(rest)
    return rest[:end.start()] if end else rest


def _name_runs(phrase: str) -> list[list[re.Match[str]]]:
    """Maximal runs of capitalised words (and the particles inside names), as word matches."""
    runs: list[list[re.Match[str]]] = []
    for match in re.finditer(r"[^\s,]+", phrase):
        word = match.group()
        joined = bool(runs) and re.fullmatch(r"[ \u00a0]", phrase[runs[-1][-1].end():match.start()]) is not None
        if _NAME_WORD.fullmatch(word) or is_hyphenated_particle(word) or (word in NAME_PARTICLES and joined):
            if joined:
                runs[-1].append(match)
            else:
                runs.append([match])
    return runs


def _trailing_name(words: list[str]) -> list[str]:
    """The person's name that ends a run of capitalised words ("... of Iran Hassan Rouhani")."""
    while words and words[-1] in NAME_PARTICLES:
        words = words[:-1]
    name: list[str] = []
    for word in reversed(words):
        if (len(name) == _MAX_NAME or word in _DESCRIPTION or is_thing_word(word) or OFFICE_PATTERN.fullmatch(word)
                or _ELECT.search(word)):
            break
        candidate = [word] + name
        if len(candidate) >= 2 and word not in NAME_PARTICLES and not looks_like_person_name(" ".join(candidate)):
            break
        name = candidate
    while name and name[0] in NAME_PARTICLES:
        name = name[1:]
    return name if len(name) >= 2 and looks_like_person_name(" ".join(name)) else []


def _guest(name: str, before: str, after: str, publisher: str | None) -> Person | None:
    """The guest ``name`` with the country or organisation the words before or after name."""
    from kg.people.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    if is_non_principal(f"{before} {after}") or not _STATE_OFFICE.search(f"{before} {after}"):
        return None
    for description in (before, after):
        countries = [m.code for m in gazetteer.find_countries(description)]
        foreign = [code for code in countries if code != publisher]
        if countries:
            office = description.strip(" ,").removeprefix("the ")
            return Person(name, office or None, foreign[-1]) if foreign else None
        organisations = gazetteer.find_organisations(description)
        if organisations:
            return Person(name, description.strip(" ,").removeprefix("the ") or None, None,
                          organisations[0][0].name)
    return None


def _first_name(phrase: str, start: int, end: int) -> bool:
    """Whether the country word at ``phrase[start:end]`` is a first name ("Minister German Gref"): a
    name word follows it, and it is no noun after "of" ("Council of Iran Hassan Rouhani")."""
    following = re.match(r"[ \u00a0]+([A-Z][\w'’\-]*)", phrase[end:])
    if not following or re.search(r"\bof[ \u00a0]+(?:the[ \u00a0]+)?\Z", phrase[:start]):
        return False
    word = following.group(1)
    return not (word in _DESCRIPTION or is_thing_word(word) or OFFICE_PATTERN.match(phrase, end + following.start(1)))


def _known(name: str, before: str, doc: Document, date: str | None) -> Person | None:
    """A guest the title names by office and name alone ("King Charles III"), when the leaders list
    knows who that was on the day: their country is the list's."""
    from kg.people.cast import Mention
    from kg.people.leaders import known_leader

    office = OFFICE_PATTERN.search(before)
    if not office or is_non_principal(before):
        return None
    known = known_leader(Mention(name, None, None), date)
    if known and known.country and known.country != doc.publisher_country:
        return Person(name, office.group(), known.country, qid=known.qid)
    return reigning_here(name, office.group(), doc, date)


def reigning_here(name: str, office: str, doc: Document, date: str | None) -> Person | None:
    """A monarch of several realms ("King Charles III", "Queen Elizabeth II") as the sovereign of the one
    realm the page names in its opening sentences, or whose city the dateline gives ("June 24, 2003,
    London")."""
    from kg.people.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    if not date or not doc.utterances:
        return None
    lead = doc.utterances[0]
    named = {m.code for s in lead.sentences[:3] for m in gazetteer.find_countries(doc.text, s.start, s.end)}
    city = gazetteer.city(doc.meeting.city) if doc.meeting and doc.meeting.city else None
    named |= {city.country} if city else set()
    realms = {leader.country: leader for leader in gazetteer.leaders_named(name, int(date[:4]))
              if leader.country in named and leader.country != doc.publisher_country}
    if len(realms) != 1:
        return None
    (country, leader), = realms.items()
    return Person(name, office, country, qid=leader.qid)


def title_guests(doc: Document, date: str | None = None) -> list[Person]:
    """The guests the title names with a description that gives a foreign country, any office.

    Each name takes the country its own description names: the words between
    the previous name and it, else the clause after it ("Condoleezza Rice, the
    National Security Advisor of the US President").  A guest of the publisher's
    own country, or one who is no principal, is left out.
    """
    return _guests_in(doc, normalise(doc.quote(doc.title), quotes=False), date) if doc.title else []


def lead_guests(doc: Document, date: str | None = None) -> list[Person]:
    """The guests the lead's first sentence names, read like a title's, for a title that names nobody:
    "... held a meeting with the coordinating Troika of the Rio Group" over "Mr Putin held a meeting with
    Foreign Ministers Celso Amorim of Brazil, ... and Allan Wagner Tizon of Peru"."""
    from kg.extract.occasions import lead_opening

    return _guests_in(doc, normalise(lead_opening(doc), quotes=False), date)


def _guests_in(doc: Document, text: str, date: str | None) -> list[Person]:
    """The guests ``text`` (a title, or a sentence shaped like one) names after "met with" or the like."""
    from kg.people.gazetteer import default_gazetteer

    phrase = guest_phrase(text)
    if not phrase:
        return []
    masked = phrase  # a country's name is no part of a name: "... of Bosnia and Herzegovina Milorad Dodik"
    for mention in default_gazetteer().find_countries(phrase):
        if _first_name(phrase, mention.span.start, mention.span.end):
            continue
        masked = masked[:mention.span.start] + "x" * (mention.span.end - mention.span.start) + masked[mention.span.end:]
    names = []  # (start, end, name words) of every name in the phrase
    for run in _name_runs(masked):
        name = _trailing_name([m.group() for m in run])
        if name:
            names.append((run[-len(name)].start(), run[-1].end(), name))
    for start, end, _ in names:  # a name is no description: "German" of "Minister German Gref" names no country
        phrase = phrase[:start] + " " * (end - start) + phrase[end:]
    guests: list[Person] = []
    described_from = 0  # where the description of the next name starts: after the last guest read
    office_before = ""  # the office before the last guest read, shared by a list of "Name of Country"
    for index, (start, end, name) in enumerate(names):
        respective = _respective_country(phrase, names, index, doc.publisher_country)
        if respective is not None:  # "Russian and Ukrainian ministers ... Vladimir Rushailo and Yury Kravchenko"
            if respective:
                guests.append(Person(" ".join(name), respective[1], respective[0]))
            described_from = end
            continue
        before = phrase[described_from:start]
        if "," in before and described_from:  # "Jaime Gama, foreign minister of Portugal, ..., and Javier Solana"
            before = before.rsplit(",", 1)[1]
        before = re.sub(r"^[\s,]*(?:and\s+)?(?:the\s+)?", "", before)
        following = phrase[end:names[index + 1][0] if index + 1 < len(names) else len(phrase)]
        # "Claudia Sheinbaum of Mexico" (White House titles), "Condoleezza Rice, the National Security Advisor"
        of = re.match(r"[ \u00a0]+of[ \u00a0]+(?:(?![ \u00a0]+and[ \u00a0])[^,])*", following)
        after = of.group() if of else following.split(",")[1] if following.startswith(",") else ""
        if not before.strip() and guests and after:  # "Foreign Ministers A of Brazil, B of Costa Rica and C ..."
            before = office_before
        person = _guest(" ".join(name), before, after, doc.publisher_country) or _known(
            " ".join(name), before, doc, date)
        if person:
            guests.append(person)
            described_from, office_before = end + (len(of.group()) if of else 0), before
    return guests


_AND = re.compile(r"[ \u00a0]+and[ \u00a0]+")


def _respective_country(phrase: str, names: list[tuple[int, int, list[str]]], index: int,
                        publisher: str | None) -> tuple[str, str] | tuple[()] | None:
    """The country and office of the ``index``-th name where one description of several countries
    precedes as many names joined by "and", each name the country in the same place ("Russian and
    Ukrainian ministers of internal affairs Vladimir Rushailo and Yury Kravchenko"): () for a name
    of the publisher's own country, None where the names do not share such a description."""
    from kg.people.gazetteer import default_gazetteer

    def joined(left: int) -> bool:  # names[left] and names[left + 1] stand "A and B"
        return _AND.fullmatch(phrase, names[left][1], names[left + 1][0]) is not None

    first, last = index, index
    while first and joined(first - 1):
        first -= 1
    while last + 1 < len(names) and joined(last):
        last += 1
    if first == last:
        return None
    description = phrase[names[first - 1][1] if first else 0:names[first][0]]
    description = re.sub(r"^[\s,]*(?:and\s+)?(?:the\s+)?", "", description.rsplit(",", 1)[-1])
    countries = list(dict.fromkeys(m.code for m in default_gazetteer().find_countries(description)))
    if (len(countries) != last - first + 1 or is_non_principal(description)
            or not _STATE_OFFICE.search(description)):
        return None
    country = countries[index - first]
    return () if country == publisher else (country, description.strip(" ,"))


def _described(text: str, start: int, end: int) -> str:
    """The words that describe the person at ``text[start:end]``: back to the clause's start, and a
    clause after a comma ("Jean-Louis Debre, the President of the French National Assembly")."""
    before = re.split(r"[,;:()]|(?<=[a-z]{2})\.|\bwith\b|\band\b", text[max(0, start - 80):start])[-1]
    after = re.match(r",[ \u00a0]*(?P<clause>[^,;:.()\n]*)", text[end:end + 120])
    clause = after["clause"] if after and _APPOSITION.match(after["clause"]) else ""
    return f"{before} {text[start:end]} {'' if _next_in_list(clause) else clause}"


def _next_in_list(clause: str) -> bool:
    """Whether a clause after "Name," ends on another person's name: the next one of a list ("Croatian
    President Stipe Mesic, former Polish President ... Wojciech Jaruzelski"), which describes nobody before."""
    from kg.people.gazetteer import default_gazetteer

    run = re.search(r"(?:[A-Z][\w'’\-]+[ \u00a0]+)+[A-Z][\w'’\-]+[ \u00a0]*$", clause)
    return bool(run) and looks_like_person_name(run.group().strip()) \
        and not default_gazetteer().find_countries(run.group())  # "... to the Situation Around Afghanistan"


def non_principal_at(doc: Document, span: Span, name: str | None) -> bool:
    """Whether the person a mention at ``span`` names ``name`` is described as no principal; the
    description ends with the name ("... Anthony Blair met with members of the business community")."""
    found = doc.text.find(name, span.start, span.end) if name else -1
    return non_principal_at_text(doc.text, span.start, found + len(name) if name and found >= 0 else span.end)


def non_principal_at_text(text: str, start: int, end: int) -> bool:
    """Whether the person named at ``text[start:end]`` is described as no principal."""
    return is_non_principal(_described(text, start, end))


def _title_guest_phrase(doc: Document) -> str | None:
    """What the title says the host met ("... met with <phrase>"), if it says."""
    return _guest_phrase_of(doc.quote(doc.title) if doc.title else None)


def _guest_phrase_of(title: str | None) -> str | None:
    """:func:`_title_guest_phrase` of a title's text (None: no title)."""
    return guest_phrase(normalise(title, quotes=False)) if title is not None else None


def title_guest_names(doc: Document) -> list[str]:
    """The names of people the title says the host met, foreign or not ("held a meeting with Federal
    Security Service Director Nikolai Patrushev": "Nikolai Patrushev")."""
    return list(_guest_names_in_title(doc.quote(doc.title) if doc.title else None))


@lru_cache(maxsize=8)  # the participants stage asks for a page's title names up to three times
def _guest_names_in_title(title: str | None) -> tuple[str, ...]:
    """:func:`title_guest_names` of a title's text (None: no title), of which they are a function alone."""
    from kg.people.gazetteer import default_gazetteer

    phrase = _guest_phrase_of(title) or ""
    names = ((" ".join(_trailing_name([m.group() for m in run])), run[-1].end()) for run in _name_runs(phrase))
    return tuple(name for name, end in names if name and not default_gazetteer().find_countries(name)  # "Ukrainian
                 and not _OF_BODY.match(phrase, end))  # Presidents", "International Bureau of Exhibitions"


_OF_BODY = re.compile(r"[ \u00a0]+of[ \u00a0]")


def names_no_principal(doc: Document) -> bool:
    """Whether the title says the host met people who are no principals ("met with American
    journalists", "met with the Chief of the Ukrainian President's Staff, ..."): then a leader the
    lead merely speaks of is no guest."""
    phrase = _title_guest_phrase(doc)
    return bool(phrase and is_non_principal(phrase))


# Whom the host meets when it is his own government's body: "Meeting with permanent members of the Security
# Council", "held a meeting with the Cabinet", "Meeting with Government members".
_DOMESTIC_BODY = re.compile(r"^(?:(?:permanent[ \u00a0]+)?members[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?Security"
                            r"[ \u00a0]+Council|Government[ \u00a0]+members|members[ \u00a0]+of[ \u00a0]+the[ \u00a0]+"
                            r"Government|(?:Government[ \u00a0]+)?Cabinet)\b")


def names_domestic_body(doc: Document) -> bool:
    """Whether the title says the host met a body of his own government (the Security Council's permanent
    members, the Cabinet), no foreign country named: foreign leaders its lead mentions are discussed."""
    from kg.people.gazetteer import default_gazetteer

    phrase = _title_guest_phrase(doc)
    return bool(phrase and _DOMESTIC_BODY.match(phrase) and not default_gazetteer().find_countries(phrase))
