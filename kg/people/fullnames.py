"""The full name of someone a page names by surname alone, taken from the pages that give it.

A joint statement may give the head of an organisation by office and surname only
("Joint Statement by President Biden and President von der Leyen") while other pages
write "Ursula von der Leyen".  When no reference list links her to a QID, the two
spellings would mint two IRIs.  ``kg/data/full_names.tsv`` (made by
``tools/build_full_names.py`` from the corpora) holds each surname that exactly one
participant of the pages carries with a given name, that person's full name and the sides
(countries, or organisations by the family of bodies they belong to: the European Commission
and the European Union are both "EU institutions and bodies") they were met for.  A person no
list links, written as that surname alone for one of those sides, is given the full name as
label, so the mapping mints one IRI for both; no QID is ever taken from the table.  A row's key
may also be a name written without its middle name ("Mohammed Barkindo" for "Mohammed Sanusi
Barkindo", both unlinked, on one side): it is looked up the same way.
"""

from __future__ import annotations

from functools import lru_cache

from kg.model import Person
from kg.people.namekey import HONORIFICS, PARTICLES, name_words
from kg.resources import data_path

TABLE = "full_names.tsv"


def _words(name: str) -> list[str]:
    words = name_words(name)
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return words


def surname_keys(name: str) -> list[str]:
    """The surnames a full name may be written by alone: the words after the given name and,
    when that is several, the last one ("Ursula von der Leyen": "von der leyen", "leyen");
    none for a name without a given name or only particles after it."""
    words = _words(name)
    if len(words) < 2 or all(w in PARTICLES for w in words[1:]):
        return []
    keys = [" ".join(words[1:])]
    if len(words) > 2 and words[-1] not in PARTICLES:
        keys.append(words[-1])
    return keys


def side_of(person: Person) -> str | None:
    """For whom the text says a person speaks: a country code, else the organisation's family of
    bodies (or the organisation itself when the source gives it no family)."""
    if person.country:
        return person.country
    if not person.organisation:
        return None
    from kg.people.gazetteer import default_gazetteer

    known = default_gazetteer().organisation(person.organisation)
    if known is None:
        return f"organisation:{person.organisation}"
    return f"family:{known.family}" if known.family else f"organisation:{known.name}"


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[str, frozenset[str]]], dict[str, str]]:
    """Surname -> (full name, sides), and each full name's folded words -> the full name."""
    path = data_path(TABLE)
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line] \
        if path.is_file() else []
    by_surname = {key: (name, frozenset(sides.split("|"))) for key, name, sides in rows}
    return by_surname, {" ".join(_words(name)): name for _, name, _ in rows}


def full_name(person: Person) -> str | None:
    """The label under which ``person`` is one IRI with themselves written by surname alone: the
    full name of the table, for that full name written any way that folds alike, or for its
    surname written alone on a side the full name was met for; else None."""
    if person.is_journalist:
        return None
    by_surname, by_words = _table()
    key = " ".join(_words(person.name))
    if key in by_words:
        return by_words[key]
    name, sides = by_surname.get(key, ("", frozenset()))
    return name if name and side_of(person) in sides else None


def known_full_names() -> list[str]:
    """The full names of the table: people met on the pages whom no list links (their namesakes
    in a list must not be linked on the name alone, :mod:`kg.people.linking_unique`)."""
    return list(_table()[1].values())
