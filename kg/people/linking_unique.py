"""A full name only one person of all the reference data carries: linked in another office or country.

The lists (:mod:`kg.people.leaderdata`) hold the offices their sources wanted, and people
move: from national office to an international organisation and back.  The President of
the World Bank in 2005, Paul Wolfowitz, is in the office-holders list as the United States'
Deputy Secretary of Defence until that June; the IAEA's Director General of 2000, "Mohamed
El Baradei", as Egypt's vice president of 2013 ("Mohamed ElBaradei"); the OECD's Secretary
General, "Angel Gurria", as Mexico's finance minister "José Ángel Gurría" until 2000.  The
rules of :mod:`kg.people.linking` ask only about a country's office-holders near the page's
date, so they find none of them.

:func:`unique_full_name` links such a person when all of these hold:

- the text gives a side (a country or an organisation) and a name of a given name and a
  surname at least; no one-word name, no regnal number, no royal ("Prince Felipe", a "Queen");
  nobody the text gives the publisher's own country (its officials' common names have
  namesakes the lists leave out: see :func:`kg.people.linking._by_name_held_near`);
- exactly one person of the two lists (leaders and office-holders) might carry the name,
  asked loosely (:func:`_may_be`: a surname spelt alike and a first name that may be theirs),
  and no full name of :mod:`kg.people.fullnames` (people met on the pages whom no list has)
  might be it either: two such people and nobody is linked;
- one of that person's spellings is the written name strictly (:func:`_is`): the same
  surname once folded (:func:`kg.people.namekey.name_key` folds "ElBaradei"/"El Baradei" and
  transliterations alike), and each written given name one of theirs, equal or in another
  vowelling (:func:`same_given`: Mohammad/Muhammad/Mohammed); when nobody at all might carry
  a written name of three words or more, the same is asked of it without its last word, a
  father's name or second surname the lists leave out ("Moussa Faki Mahamat");
- with a country given, they held an office of it (else they are someone else's namesake);
- the page's date lies within :data:`WINDOW_YEARS` of one of their tenures.

A wrong link is worse than none, so every condition only takes links away.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Person
from kg.people.leaderdata import LeaderIndex, LeaderInfo
from kg.people.namekey import (HONORIFICS, PARTICLES, compatible_first_names, name_words, regnal_name,
                               plain_words, similar_word)

#: How many years before the first or after the last tenure the lists know a unique full name
#: still links its one holder.  Careers in public office run long and cross from national
#: offices to international ones and back: Stanley Fischer left the IMF in 2001 and became
#: Vice Chair of the Federal Reserve in 2014, Mohamed ElBaradei headed the IAEA until 2009 and
#: became Egypt's vice president in 2013, José Ángel Gurría left Mexico's finance ministry in
#: 2000 and led the OECD until 2021.  Fifteen years reaches them; a namesake of the next
#: generation (a son named after his father, 25 to 30 years on) stays out.
WINDOW_YEARS = 15

#: Words of a name or office that make someone a royal, whom no name alone links.
_ROYAL_WORDS = frozenset("king queen prince princess crown duke duchess grand majesty highness royal emperor "
                         "empress monarch".split())
#: Words of an office only: also given names ("Amir Peretz", "Sultan Nazarbayev"'s namesakes).
_ROYAL_OFFICES = _ROYAL_WORDS | {"emir", "amir", "sultan"}

_VOWELS = re.compile(r"[aeiou]+")
#: The Arabic article as a glued surname begins with it (:func:`_given_and_surname`).
_ARTICLES = ("al", "el")


def _given_and_surname(name: str) -> list[str]:
    """The folded words that tell people apart, honorifics and particles left out, and an
    Arabic article glued in lower case to a surname of five letters or more split off as the
    capitalised one is ("Elbaradei" is "El Baradei" and "ElBaradei": "baradei")."""
    words = [w for w in name_words(name) if w not in HONORIFICS and w not in PARTICLES]
    if len(words) >= 2 and words[-1][:2] in _ARTICLES and len(words[-1]) >= 7:
        words[-1] = words[-1][2:]
    return words



def same_given(a: str, b: str) -> bool:
    """Whether two folded given names are one name spelt otherwise: equal, or the same
    consonants with a vowel (or several) in the same places between the same first and last
    letters ("mohamad", "muhamad", "mohamed": the vowels of an Arabic name are the romaniser's
    choice), for names of five letters or more.  "Maria" is not "Mario" (the last letter
    differs), "Mahmud" not "Muhamad" (no vowel between "h" and "m"), "Lois" not "Louis" (too short)."""
    if a == b:
        return True
    return (len(a) >= 5 and len(b) >= 5 and a[0] == b[0] and a[-1] == b[-1]
            and _VOWELS.sub("a", a) == _VOWELS.sub("a", b))


def _is(written: list[str], spelling: str) -> bool:
    """Whether ``spelling`` is the written name: the same folded surname, and each written
    given name a distinct one of the spelling's given names (:func:`same_given`)."""
    theirs = _given_and_surname(spelling)
    if len(theirs) < 2 or theirs[-1] != written[-1]:
        return False
    given = list(theirs[:-1])
    for word in written[:-1]:
        match = next((g for g in given if same_given(word, g)), None)
        if match is None:
            return False
        given.remove(match)
    return True


def _may_be(written: list[str], spelling: str) -> bool:
    """Whether ``spelling`` might be the written name, asked loosely to find namesakes: a
    surname spelt alike and a first name that may be theirs (:func:`compatible_first_names`),
    in either order ("Kishida Fumio")."""
    theirs = _given_and_surname(spelling)
    if len(theirs) < 2:
        return False
    return any(similar_word(surname, theirs[-1]) and any(
        compatible_first_names(mine, other) or same_given(mine, other) for mine in given for other in theirs[:-1])
        for given, surname in ((written[:-1], written[-1]), (written[1:], written[0])))  # either order


def _indexes() -> tuple[LeaderIndex, LeaderIndex]:
    from kg.people.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    return gazetteer.leaders().index_names(), gazetteer.officeholders().index_names()


@lru_cache(maxsize=4096)
def _candidates(written: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """QIDs of the lists whose spellings might be ``written`` (:func:`_may_be`), and of those
    one of whose spellings is them strictly (:func:`_is`); kept, as a name read for the
    shorter form is asked twice (:func:`_only_one_or_shorter`)."""
    words = list(written)
    maybe: set[str] = set()
    strictly: set[str] = set()
    for index in _indexes():
        glued = (index.with_similar_word(article + words[-1]) for article in _ARTICLES)  # "Elbaradei"
        for qid in index.with_similar_word(words[-1]).union(index.with_similar_word(words[0]), *glued):
            spellings = index.spellings.get(qid, ())
            if any(_may_be(words, s) for s in spellings):
                maybe.add(qid)
                if any(_is(words, s) for s in spellings):
                    strictly.add(qid)
    return frozenset(maybe), frozenset(strictly)


def _only_one_or_shorter(written: tuple[str, ...]) -> str | None:
    """:func:`_only_one` of the written name; failing anyone who might carry it, of the name
    without its last word when three or more are written: a father's name or second surname
    the lists leave out ("Moussa Faki Mahamat" is the list's "Moussa Faki")."""
    qid = _only_one(written)
    if qid is None and len(written) >= 3 and not _candidates(written)[0]:
        return _only_one(written[:-1])
    return qid


@lru_cache(maxsize=4096)
def _only_one(written: tuple[str, ...]) -> str | None:
    """The one QID of the lists whose spellings might be ``written``, when it is one of them
    strictly and no other person, nor any full name met on the pages, might be; else None."""
    words = list(written)
    maybe, strictly = _candidates(written)
    if len(maybe) != 1 or len(strictly) != 1:
        return None
    qid = next(iter(strictly))
    spellings = [s for index in _indexes() for s in index.spellings.get(qid, ())]
    from kg.people.fullnames import known_full_names

    for name in known_full_names():
        theirs = _given_and_surname(name)
        if _may_be(words, name) and not (len(theirs) >= 2 and any(_is(theirs, s) for s in spellings)):
            return None  # someone the pages met, whom no list has, might be the written name too
    return qid


def _royal(person: Person) -> bool:
    named = plain_words(person.name)
    office = plain_words(person.office or "")
    return bool(named & _ROYAL_WORDS or office & _ROYAL_OFFICES) or regnal_name(person.name) is not None


def _tenures(qid: str) -> list[LeaderInfo]:
    return [t for index in _indexes() for t in index.of_person(qid)]


def unique_full_name(person: Person, day: str | None, home: str | None = None) -> str | None:
    """The QID of the one person of all the reference data whose full name the text gives,
    when they held an office of the country the text gives (if any) within
    :data:`WINDOW_YEARS` of ``day``; else None.  ``home``: the publisher's country."""
    if not day or person.is_journalist or not (person.country or person.organisation):
        return None
    if person.country and person.country == home or _royal(person):
        return None
    written = _given_and_surname(person.name)
    if len(written) < 2:
        return None
    qid = _only_one_or_shorter(tuple(written))
    if qid is None:
        return None
    tenures = _tenures(qid)
    if person.country and not any(t.country == person.country for t in tenures):
        return None
    return qid if any(t.held_on(day, WINDOW_YEARS * 366) for t in tenures) else None
