"""Royals: an heir named by one word, a monarch spelt far from the leaders list, a consort.

**An heir.** Pages name a crown prince by his first name and realm alone: "President Vladimir Putin met
with Prince Felipe of Asturias, heir to the Spanish throne" (2003), "Crown Prince Felipe of
Spain" (2002).  The leader list knows him only as the head of state he became, "Felipe VI of
Spain", from 2014; the rules of :mod:`kg.people.linking` ask who held an office on the page's
date, so they find nobody (the King that day was Juan Carlos I), and a one-word name is never
linked on the name alone.

:func:`heir_later_monarch` links such an heir when all of these hold:

- the text gives a realm (a country) and the page a date;
- the name, honorifics left out, is one word, and the text calls the person a prince or
  princess, a crown prince or an heir, never a king, a queen or another reigning title
  (who reigns that day is :mod:`kg.people.linking`'s question);
- exactly one head of state of that realm in the leader list reigned under that very name
  with a regnal number ("Felipe VI": "felipe"), and that reign began after the page's date,
  within :data:`HEIR_YEARS` of it.  An heir is met before the reign, never after: Crown
  Prince Hussein of Jordan, met in 2017, is not King Hussein, who died in 1999; a queen
  consort ("Queen Sonja", "Queen Sirikit") reigns under no name of her own in the list.

**A reigning monarch spelt otherwise, and a consort.** Royal names reach English in transliterations
further apart than the folding of :mod:`kg.people.namekey` bridges: a Thai king is "Bhumibol Adulyadej" on one kremlin.ru
page and "Pumipon Aulyadet" on another.  A careful reader needs no spelling to know him:
on a given day a realm has one reigning monarch, and "the King of Thailand" that day is he.
So :func:`reigning_monarch` links a person the text calls a king, queen, emperor, emir or
sultan of a realm to the one head of state of that realm on the page's date, when the two
names are still recognisably one (:data:`SAME_REIGN`): a former king of a republic ("King
Michael of Romania") or a king who has abdicated ("King Juan Carlos", met in 2015) shares
too little of his name with whoever is head of state that day.

The guide's principals are heads of state, heads of government, ministers and heads of
international organisations.  A queen beside a reigning king ("His Majesty Harald V and
Queen Sonja received Mr Putin") is his consort and holds none of these offices;
:func:`is_consort` tells her by the same test the other way round: the realm's one head of
state that day bears a name that has nearly nothing in common with hers.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from difflib import SequenceMatcher

from kg.model import Person
from kg.people.leaderdata import LeaderIndex
from kg.people.namekey import HONORIFICS, name_words, plain_words, regnal_name

#: Titles of someone who reigns.
_REIGNING = frozenset("king queen emperor empress emir amir sultan".split())


def _index() -> LeaderIndex:
    from kg.people.gazetteer import default_gazetteer

    return default_gazetteer().leaders()


#: How many years after the page's date the reign of the heir it names may begin.  Heirs
#: met abroad as adults wait a decade or two (Felipe VI: 2002 to 2014; Frederik X: 2024).
HEIR_YEARS = 25

#: Words that make someone an heir to a throne, and the words of someone already reigning.
_HEIR_WORDS = frozenset("prince princess crown heir".split())
_REIGNING_WORDS = _REIGNING | {"monarch", "majesty"}


def heir_later_monarch(person: Person, day: str | None) -> str | None:
    """The QID of the monarch whom the heir the text names by one word became, or None."""
    if not (day and person.country) or len(day) < 10:
        return None
    titles = plain_words(f"{person.office or ''} {person.name}")
    if not titles & _HEIR_WORDS or titles & _REIGNING_WORDS:
        return None
    words = [w for w in name_words(person.name) if w not in HONORIFICS]
    if len(words) != 1 or len(words[0]) < 3:
        return None
    met = date.fromisoformat(day[:10])
    latest = met + timedelta(days=HEIR_YEARS * 366)
    index = _index()
    qids = {t.qid for t in index.of_country(person.country, latest.isoformat(), slack=HEIR_YEARS * 366)
            if t.kind == "head_of_state" and t.start[:10] > day[:10] and t.start[:10] <= latest.isoformat()
            and any((regnal_name(s) or ("", ""))[0] == words[0] for s in index.spellings.get(t.qid, ()))}
    return next(iter(qids)) if len(qids) == 1 else None


#: How alike (difflib's ratio of the folded names, honorifics and regnal numbers left out) a written name
#: and the reigning monarch's must be to be one person; "Pumipon Aulyadet" and "Bhumibol Adulyadej" are
#: 0.71, "Michael" and "Carol" 0.5.
SAME_REIGN = 0.65
#: Below this likeness a queen and the realm's reigning head of state are two people: "Sonja" and
#: "Harald V" are 0.18, "Sirikit" and "Bhumibol Adulyadej" 0.16.
OTHER_PERSON = 0.35

_ROMAN = re.compile(r"^[ivxl]+$")
_OF = frozenset("of de da do".split())


def _folded(name: str) -> str:
    """The name's telling words: no honorific, title or regnal number, and not the realm a list's label
    adds ("Harald V of Norway", "João Carlos I de Espanha")."""
    words = name_words(name)
    realm = next((i for i, w in enumerate(words) if i and w in _OF), len(words))
    return " ".join(w for w in words[:realm] if w not in HONORIFICS and not _ROMAN.match(w) and w not in _REIGNING)


def _likeness(person: Person, qid: str, index: LeaderIndex) -> float:
    written = _folded(person.name)
    return max((SequenceMatcher(None, written, _folded(s)).ratio() for s in index.spellings.get(qid, ())),
               default=0.0)


def _reigning_that_day(person: Person, day: str | None) -> str | None:
    """The QID of the one head of state of the person's realm on ``day``, when the person bears a reigning
    title, is named by more than a title and is not said to be former."""
    titles = plain_words(person.office or "")
    if not (day and person.country and titles & _REIGNING) or "former" in titles or not _folded(person.name):
        return None
    qids = {t.qid for t in _index().of_country(person.country, day[:10], 0) if t.kind == "head_of_state"}
    return next(iter(qids)) if len(qids) == 1 else None


def reigning_monarch(person: Person, day: str | None) -> str | None:
    """The QID of the reigning monarch the text names under another spelling (see the module docstring)."""
    qid = _reigning_that_day(person, day)
    return qid if qid and _likeness(person, qid, _index()) >= SAME_REIGN else None


def is_consort(person: Person, day: str | None) -> bool:
    """Whether a queen or empress the text names reigns beside another: the consort of the realm's monarch."""
    if not plain_words(person.office or "") & {"queen", "empress"}:
        return False
    qid = _reigning_that_day(person, day)
    return bool(qid) and qid != person.qid and _likeness(person, qid, _index()) < OTHER_PERSON
