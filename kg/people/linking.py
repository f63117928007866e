"""Which Wikidata person a Person is: one identity across spellings and transliterations.

A person is linked when the shipped leader list (:mod:`kg.people.leaderdata`) knows
them, in one of two ways:

- **by name**: one of the list's spellings folds to the same key as the
  name the text gives (:func:`kg.people.namekey.name_key`: "Ilkham Aliyev" is
  "Ilham Aliyev"), or holds all its telling words, or the same name and
  regnal number ("Juan Carlos I" is "João Carlos I de Espanha"), or as many
  words spelt alike; with a country given, also a first name in another form
  ("Binyamin Netanyahu") or a spelling that lies whole in the written name
  ("Mohammad bin Salman Al Saud").  When the text gives a country, that
  person held an office of that country; of namesakes, "Sr." picks the older
  ("George Bush Sr"), else the one in office that day;
- **by office**: the text gives a country and the page a date, and exactly
  one person holding an office of that country then has a surname that may
  be the written one spelt another way ("Geidar Aliev" in 1999 is the
  President of Azerbaijan, Heydar Aliyev; "Emomali Rakhmonov" is Emomali
  Rahmon), and no first name that cannot be theirs (:func:`_score`).

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
from kg.people.namekey import (HONORIFICS, PARTICLES, compatible_first_names, generation, name_words,
                               similar_word, telling_words)


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
    name, country = " ".join(words), person.country
    finders = (lambda: index.keyed(name), lambda: index.with_words(name), lambda: index.regnal(person.name),
               lambda: _spelt_alike(index, words, country), lambda: _contained(index, words, country))
    for finder in finders:  # the strictest that finds someone who served the country given
        qids = {q for q in finder() if _served(index, q, country)}
        if qids:
            break
    if len(qids) > 1:
        qids = _namesake(index, qids, generation(person.name), day)
    return next(iter(qids)) if len(qids) == 1 else None


def _namesake(index: LeaderIndex, qids: set[str], older_or_younger: str | None, day: str | None) -> set[str]:
    """Which of several people one name fits: the older for "Sr.", the younger for "Jr.",
    else whoever held office that day."""
    qids = index.namesake(qids, older_or_younger)
    if len(qids) > 1 and day:
        return {q for q in qids if any(t.held_on(day) for t in index.of_person(q))}
    return qids


def _spelt_alike(index: LeaderIndex, words: list[str], country: str | None) -> set[str]:
    """People one of whose spellings has as many words, each maybe the same spelt otherwise;
    with a country given, the first name may be another form of it ("Binyamin Netanyahu")."""
    found = set()
    for qid in index.with_words(words[-1]) | index.with_words(words[0]):
        for spelling in index.spellings.get(qid, ()):
            theirs = name_words(spelling)
            if len(theirs) != len(words) or not all(similar_word(a, b) for a, b in zip(words[1:], theirs[1:])):
                continue
            if similar_word(words[0], theirs[0]) or country and compatible_first_names(words[0], theirs[0]):
                found.add(qid)
    return found


def _contained(index: LeaderIndex, words: list[str], country: str | None) -> set[str]:
    """With a country given, people one of whose spellings (two telling words or more, the
    same first word) lies whole in the written name: "Mohammad bin Salman Al Saud" holds the
    list's "Mohammad bin Salman"."""
    if not country:
        return set()
    written = set(words)
    return {qid for qid in index.with_words(words[0]) for spelling in index.spellings.get(qid, ())
            if len(theirs := telling_words(spelling)) >= 2 and theirs[0] == words[0] and set(theirs) <= written}


def _score(words: list[str], spellings: tuple[str, ...]) -> int:
    """How well a written name fits a person's spellings; 0 when it does not.

    A surname must fit: any word after the first ("Ricardo Lagos Escobar",
    "Dina Boluarte Zegarra" carry a second family name the list leaves out),
    or the only word — then spelt alike without one letter changed if shorter
    than seven ("Trong" is not Thuong).  The other written words must hold a
    possible form of one of the spelling's other words: a middle name
    ("Mohammad Ashraf Ghani" is Ashraf Ghani), a short form ("Konstantinos
    Simitis" is Kostas Simitis); "Mehriban Aliyeva" is not Ilham Aliyev,
    "Natwar Singh" not Manmohan Singh.  Points: 1 for the surname, 1 more when
    it is the spelling's last word (a lone "Ghani" is Ashraf Ghani, not Abdul
    Ghani Baradar), 2 more when a first name is spelt alike.
    """
    lone = len(words) == 1
    surnames = [w for w in words[1:] if len(w) > 2 and w not in PARTICLES] or words[-1:]
    best = 0
    for spelling in spellings:
        theirs = [w for w in name_words(spelling) if w not in PARTICLES]
        hits = [(mine, i) for mine in surnames for i, w in enumerate(theirs)
                if similar_word(mine, w, 7 if lone else 5)]
        if not hits:
            continue
        mine_hit, theirs_hit = {mine for mine, _ in hits}, {i for _, i in hits}
        given = [w for w in words if w not in mine_hit and w not in PARTICLES]
        others = [w for i, w in enumerate(theirs) if i not in theirs_hit]
        if given and others and not any(compatible_first_names(g, o) for g in given for o in others):
            continue
        first = any(similar_word(g, o) for g in given for o in others)
        best = max(best, 1 + (len(theirs) - 1 in theirs_hit) + 2 * first)
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
