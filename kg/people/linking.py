"""Which Wikidata person a Person is: one identity across spellings and transliterations.

A person is linked when the shipped leader list (:mod:`kg.people.leaderdata`) knows
them, in one of two ways:

- **by name**: one of the list's spellings folds to the same key as the
  name the text gives (:func:`kg.people.namekey.name_key`: "Ilkham Aliyev" is
  "Ilham Aliyev"), and, when the text gives a country, that person held an
  office of that country;
- **by office**: the text gives a country and the page a date, and exactly
  one person holding an office of that country then has a surname that may
  be the written one spelt another way ("Geidar Aliev" in 1999 is the
  President of Azerbaijan, Heydar Aliyev; "Emomali Rakhmonov" is Emomali
  Rahmon).

A linked person gets the QID and the list's label; the mapping mints their
IRI from the label and keeps the written name as ``skos:altLabel``, so every
spelling lands on one IRI.  Nobody is linked on a name alone when the name
is a single word, nor to someone who never held an office of the country
the text gives.
"""

from __future__ import annotations

from dataclasses import replace

from kg.people.leaderdata import LeaderIndex
from kg.model import Person
from kg.people.namekey import HONORIFICS, compatible_first_names, name_words, similar_word


def _index() -> LeaderIndex:
    from kg.people.gazetteer import default_gazetteer

    return default_gazetteer().leaders()


def _served(index: LeaderIndex, qid: str, country: str | None) -> bool:
    return country is None or any(t.country == country for t in index.of_person(qid))


def _words(name: str) -> list[str]:
    words = name_words(name)
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return words


def _by_name(index: LeaderIndex, person: Person, day: str | None) -> str | None:
    words = _words(person.name)
    if len(words) < 2:
        return None
    name = " ".join(words)
    qids = index.keyed(name) or index.with_words(name) or _spelt_alike(index, words)
    qids = {q for q in qids if _served(index, q, person.country)}
    if len(qids) > 1 and day:
        qids = {q for q in qids if any(t.held_on(day) for t in index.of_person(q))}
    return next(iter(qids)) if len(qids) == 1 else None


def _spelt_alike(index: LeaderIndex, words: list[str]) -> set[str]:
    """People one of whose spellings has as many words, each maybe the same spelt otherwise."""
    found = set()
    for qid in index.with_words(words[-1]) | index.with_words(words[0]):
        for spelling in index.spellings.get(qid, ()):
            theirs = name_words(spelling)
            if len(theirs) == len(words) and all(similar_word(a, b) for a, b in zip(words, theirs)):
                found.add(qid)
    return found


def _score(words: list[str], spellings: tuple[str, ...]) -> int:
    """2 when a surname and the first name fit a spelling, 1 for a surname alone, 0 otherwise.

    Any word after the first may be the surname: "Ricardo Lagos Escobar",
    "Dina Boluarte Zegarra" carry a second family name the list leaves out.
    A first name that cannot be the listed one's rules the spelling out.
    """
    surnames = [w for w in words[1:] if len(w) > 2] or words[-1:]
    best = 0
    for spelling in spellings:
        theirs = name_words(spelling)
        if not any(similar_word(mine, w) for mine in surnames for w in theirs):
            continue
        if len(words) > 1 and len(theirs) > 1 and not compatible_first_names(words[0], theirs[0]):
            continue  # "Mehriban Aliyeva" is not Ilham Aliyev, "Natwar Singh" not Manmohan Singh
        first = len(words) > 1 and any(similar_word(words[0], w) for w in theirs)
        best = max(best, 2 if first else 1)
    return best


def _by_office(index: LeaderIndex, person: Person, day: str | None) -> str | None:
    words = _words(person.name)
    if not (person.country and day and words):
        return None
    scores: dict[str, int] = {}
    for tenure in index.of_country(person.country, day):
        score = _score(words, index.spellings.get(tenure.qid, (tenure.name,)))
        if score:
            scores[tenure.qid] = max(score, scores.get(tenure.qid, 0))
    if not scores:
        return None
    top = max(scores.values())
    best = [qid for qid, score in scores.items() if score == top]
    if len(best) > 1:  # two holders fit (a father and son both "Aliyev"): the one in office that very day
        best = [qid for qid in best if any(t.held_on(day, 0) and t.country == person.country
                                            for t in index.of_person(qid))]
    return best[0] if len(best) == 1 else None


def known_elsewhere(person: Person, country: str, day: str | None) -> bool:
    """Whether the list knows ``person`` by name as someone who held no office of ``country``."""
    index = _index()
    qid = person.qid or _by_name(index, replace(person, country=None), day)
    return bool(qid) and bool(index.of_person(qid)) and not _served(index, qid, country)


def link(person: Person, day: str | None) -> Person:
    """``person`` with the QID and reference label of whoever they are, when that is known."""
    if person.is_journalist or not person.name.strip():
        return person
    index = _index()
    qid = person.qid or _by_name(index, person, day) or _by_office(index, person, day)
    if not qid:
        return person
    return replace(person, qid=qid, label=index.label(qid) or person.label or person.name)
