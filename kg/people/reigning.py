"""Who reigns: a monarch the text spells far from the leaders list, and a consort beside a monarch.

Royal names reach English in transliterations further apart than the folding of
:mod:`kg.people.namekey` bridges: a Thai king is "Bhumibol Adulyadej" on one kremlin.ru
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
from difflib import SequenceMatcher

from kg.model import Person
from kg.people.leaderdata import LeaderIndex
from kg.people.namekey import HONORIFICS, name_words, unaccented

#: How alike (difflib's ratio of the folded names, honorifics and regnal numbers left out) a written name
#: and the reigning monarch's must be to be one person; "Pumipon Aulyadet" and "Bhumibol Adulyadej" are
#: 0.71, "Michael" and "Carol" 0.5.
SAME_REIGN = 0.65
#: Below this likeness a queen and the realm's reigning head of state are two people: "Sonja" and
#: "Harald V" are 0.18, "Sirikit" and "Bhumibol Adulyadej" 0.16.
OTHER_PERSON = 0.35

_REIGNING = frozenset("king queen emperor empress emir amir sultan".split())
_ROMAN = re.compile(r"^[ivxl]+$")
_OF = frozenset("of de da do".split())


def _index() -> LeaderIndex:
    from kg.people.gazetteer import default_gazetteer

    return default_gazetteer().leaders()


def _folded(name: str) -> str:
    """The name's telling words: no honorific, title or regnal number, and not the realm a list's label
    adds ("Harald V of Norway", "João Carlos I de Espanha")."""
    words = name_words(name)
    realm = next((i for i, w in enumerate(words) if i and w in _OF), len(words))
    return " ".join(w for w in words[:realm] if w not in HONORIFICS and not _ROMAN.match(w) and w not in _REIGNING)


def _titles(person: Person) -> set[str]:
    return set(re.findall(r"[a-z]+", unaccented(person.office or "").lower()))


def _likeness(person: Person, qid: str, index: LeaderIndex) -> float:
    written = _folded(person.name)
    return max((SequenceMatcher(None, written, _folded(s)).ratio() for s in index.spellings.get(qid, ())),
               default=0.0)


def _reigning_that_day(person: Person, day: str | None) -> str | None:
    """The QID of the one head of state of the person's realm on ``day``, when the person bears a reigning
    title, is named by more than a title and is not said to be former."""
    titles = _titles(person)
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
    if not _titles(person) & {"queen", "empress"}:
        return False
    qid = _reigning_that_day(person, day)
    return bool(qid) and qid != person.qid and _likeness(person, qid, _index()) < OTHER_PERSON
