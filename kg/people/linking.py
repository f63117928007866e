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
  Rahmon), and no first name that cannot be theirs (:func:`_score`); of two
  such holders, the one whose kind of office the text gives ("President Sall"
  is Macky Sall, not the foreign minister Aïssata Tall Sall); with "Jr." written, the
  surname alone of the one holder in that kind of office that day ("Ferdinand Marcos Jr"
  is the list's "Bongbong Marcos"); failing all, the one head of state or government that
  day of the kind the text gives, of the same surname and a given name of the same first
  two letters ("Stipe Mesic" is Stjepan Mesić);
- **by an office held that day**: failing both, the second list of office-holders
  (ministers, speakers, heads of international organisations:
  :meth:`kg.people.gazetteer.Gazetteer.officeholders`) is asked only about people
  holding an office of the country, or of the organisation, the text gives on the
  page's date: by name as above, else by surname when the office the text gives fits
  the one held (:func:`_office_fits`: "Foreign Minister" is the "Minister of Foreign
  Affairs", not the "Minister of Justice");
- **by a name of the country's office-holders**: failing all, a full name of someone who
  held an office of the country the text gives within some years of the page's date
  (:func:`_by_name_held_near`: met as a party leader or an envoy, in an office the list
  leaves out); met in an office the list dates to other days, they get the list's label
  (one IRI) and no QID, unless the next rule links them;
- **by a full name no one else carries**: failing all, the one person of all the reference
  data whose full name the text gives, met for any side within some years of their tenures
  (:func:`kg.people.linking_unique.unique_full_name`: "Paul Wolfowitz" of the World Bank is
  the list's United States' Deputy Secretary of Defence);
- **royals**: failing all, the monarch an heir named by one word later became (:mod:`kg.people.royals`:
  "Prince Felipe" of Spain in 2002 is Felipe VI), or the one monarch of the realm that day spelt another
  way (same module: "King Pumipon Aulyadet" of Thailand is Bhumibol Adulyadej).

A linked person gets the QID and the list's label; the mapping mints their
IRI from the label and keeps the written name as ``skos:altLabel``, so every
spelling lands on one IRI.  Someone no list knows, written by surname alone, gets as
label the full name the other pages give for the same side, and no QID
(:mod:`kg.people.fullnames`: "President von der Leyen" is "Ursula von der Leyen").  Nobody is linked on a name alone when the name
is a single word, nor to someone who never held an office of the country
the text gives.
"""

from __future__ import annotations

import re

from kg.people.fullnames import full_name
from kg.people.leaderdata import LeaderIndex, LeaderInfo
from kg.people.royals import heir_later_monarch, reigning_monarch
from kg.people.linking_unique import unique_full_name
from kg.model import Person, evolve
from kg.people.namekey import (HONORIFICS, PARTICLES, compatible_first_names, generation, name_words,
                               plain_words, similar_word, telling_words, unaccented)


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


def _by_name(index: LeaderIndex, person: Person, day: str | None, allowed: set[str] | None = None) -> str | None:
    """Who the written name is, of the people who served the country given (of ``allowed``
    when given: those holding an office of the country or organisation that day)."""
    words = _words(person.name)
    if len(words) < 2:
        return None
    name, country = " ".join(words), person.country
    side = country or (person.organisation if allowed is not None else None)
    finders = (lambda: index.keyed(name), lambda: index.with_words(name), lambda: index.regnal(person.name),
               lambda: _spelt_alike(index, words, side), lambda: _contained(index, words, side))
    for finder in finders:  # the strictest that finds someone who served the country given
        qids = {q for q in finder() if (q in allowed if allowed is not None else _served(index, q, country))}
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
    if not (person.country and day):
        return None
    holders = index.of_country(person.country, day)
    return (_best_fit(index, person, day, holders) or _namesake_son(index, person, day, holders)
            or _head_named_otherwise(index, person, day, holders))


def _namesake_son(index: LeaderIndex, person: Person, day: str, holders: list[LeaderInfo]) -> str | None:
    """A son named after his father may go by a name the list gives instead of the father's
    ("Ferdinand Marcos Jr" is the list's "Bongbong Marcos"): with "Jr." written, the surname
    alone, of the one holder in office that very day in the kind of office the text gives."""
    if generation(person.name) != "jr" or not person.office:
        return None
    surname = _words(person.name)[-1:]
    qids = {t.qid for t in holders if t.held_on(day, 0) and _kind_fits(person.office, t.kind)
            and _score(surname, index.spellings.get(t.qid, (t.name,))) >= 2}
    return next(iter(qids)) if len(qids) == 1 else None


#: Words of a written office that say its holder no longer holds it.
_FORMER_WORDS = frozenset("former late ex".split())


def _head_named_otherwise(index: LeaderIndex, person: Person, day: str, holders: list[LeaderInfo]) -> str | None:
    """A head of state or government whose given name the text writes in a form the list
    lacks ("Croatian President Stipe Mesic" is the list's "Stjepan Mesić"; Stipe is Stjepan's
    short form): the one holder that very day of the kind of office the text gives, whose
    surname is the written one folded alike (five letters or more) and whose given name
    begins with the same two letters.  Only when no rule found anyone by name; a wife or a
    brother ("Lyudmila Putin", "Imee Marcos") has another given name, and a "former" or
    "late" president is not that day's."""
    words = _words(person.name)
    office = plain_words(person.office or "")
    if len(words) < 2 or len(words[-1]) < 5 or office & _FORMER_WORDS:
        return None
    qids = {t.qid for t in holders if t.held_on(day, 0) and t.kind in ("head_of_state", "head_of_government")
            and _kind_fits(person.office or "", t.kind)
            and any(len(theirs := name_words(s)) >= 2 and theirs[-1] == words[-1] and theirs[0][:2] == words[0][:2]
                    for s in index.spellings.get(t.qid, (t.name,)))}
    return next(iter(qids)) if len(qids) == 1 else None


def _unhyphenated(name: str) -> str:
    """A name with its hyphenated syllables joined: "Lee Nak-yeon" -> "Lee Nakyeon"."""
    return _HYPHEN_IN_NAME.sub("", name)


_HYPHEN_IN_NAME = re.compile(r"(?<=\w)[-\u2010](?=\w)")


def _fits(index: LeaderIndex, name: str, tenures: list[LeaderInfo], spelt=lambda name: name) -> dict[str, int]:
    """How well ``name`` fits each holder of ``tenures`` (:func:`_score`), for those it fits."""
    words = _words(spelt(name))
    scores: dict[str, int] = {}
    for tenure in tenures if words else ():
        score = _score(words, tuple(spelt(s) for s in index.spellings.get(tenure.qid, (tenure.name,))))
        if score:
            scores[tenure.qid] = max(score, scores.get(tenure.qid, 0))
    return scores


def _best_fit(index: LeaderIndex, person: Person, day: str, tenures: list[LeaderInfo]) -> str | None:
    """The one holder of ``tenures`` whose name fits the written one best (:func:`_score`); failing
    any, with hyphenated syllables joined: a Korean given name is one word, whose syllables
    romanisations spell apart ("Lee Nak-yeon" is Lee Nak-yon: "nakyeon" and "nakyon")."""
    scores = _fits(index, person.name, tenures) or _fits(index, person.name, tenures, _unhyphenated)
    if not scores:
        return None
    top = max(scores.values())
    best = [qid for qid, score in scores.items() if score == top]
    if len(best) > 1:  # two holders fit (a father and son both "Aliyev"): the one in office that very day
        best = [qid for qid in best if any(t.held_on(day, 0) and t.country == person.country
                                            for t in index.of_person(qid))]
    if len(best) > 1 and person.office:  # both in office ("Sall": Macky Sall and Aissata Tall Sall)
        fitting = [qid for qid in best if any(t.held_on(day, 0) and t.country == person.country
                                               and _kind_fits(person.office, t.kind) for t in index.of_person(qid))]
        best = fitting if len(fitting) == 1 else best
    return best[0] if len(best) == 1 else None


#: Words of a written office that name a head of state or government, and those that name a deputy.
_HEAD_WORDS = frozenset("president prime premier chancellor king queen emir amir sultan".split())
_NOT_HEAD_WORDS = frozenset("vice deputy foreign secretary speaker".split())


def _kind_fits(written: str, kind: str) -> bool:
    """Whether the office the text gives is of the leader list's kind of tenure: "President" a
    head of state's or government's, "Foreign Minister" a foreign minister's."""
    words = plain_words(written)
    if kind == "foreign_minister":
        return "foreign" in words
    if kind in ("head_of_state", "head_of_government"):
        return bool(words & _HEAD_WORDS) and not words & _NOT_HEAD_WORDS
    return False


def known_elsewhere(person: Person, country: str, day: str | None) -> bool:
    """Whether the list knows ``person`` by name as someone who held no office of ``country``."""
    index = _index()
    qid = person.qid or _by_name(index, evolve(person, country=None), day)
    return bool(qid) and bool(index.of_person(qid)) and not _served(index, qid, country)


def link(person: Person, day: str | None, home: str | None = None) -> Person:
    """``person`` with the QID and reference label of whoever they are, when that is known
    (``home``: the publisher's country, see :func:`_by_name_held_near`)."""
    if person.is_journalist or not person.name.strip():
        return person
    index = _index()
    qid = person.qid or _by_name(index, person, day) or _by_office(index, person, day)
    if not qid:
        qid = _by_held_office(person, day)
    if not qid:
        near = _by_name_held_near(person, day, home)
        dated_elsewhere = bool(near) and _dated_elsewhere(person, near)
        unique = unique_full_name(person, day, home) if not near or dated_elsewhere else None
        if dated_elsewhere and unique != near:  # not that day's office-holder, but one IRI with them
            return evolve(person, label=_officeholders().label(near))
        qid = near or unique or heir_later_monarch(person, day) or reigning_monarch(person, day)
    if not qid:  # no QID; a surname alone may still be the full name other pages give (one IRI)
        full = full_name(person)
        return evolve(person, label=full) if full and not person.label else person
    label = index.label(qid) or _officeholders().label(qid)  # the leader list's label first: one IRI
    return evolve(person, qid=qid, label=label or person.label or person.name)


def _officeholders() -> LeaderIndex:
    from kg.people.gazetteer import default_gazetteer

    return default_gazetteer().officeholders()


#: Words of an office title that tell nothing about it, and words that say only what kind of
#: post it is (a minister, a secretary): the rest say which one (foreign, defence, state).
_GENERIC_OFFICE_WORDS = frozenset("of the and for in on to at its by affairs deputy first vice acting former "
                                  "a an".split())
_ROLE_WORDS = frozenset("minister ministers secretary president chairman chairperson chair director speaker "
                        "governor commissioner advisor adviser representative ambassador head chief leader".split())


def _office_fits(written: str | None, held: str) -> bool:
    """Whether the office the text gives may be ``held``: "Foreign Minister" is the "Minister
    of Foreign Affairs" and "US Secretary of State" the "Secretary of State", but "Secretary
    of State" is not the "Secretary of Defence" nor "President" the "President of the Senate".
    The words that say which post it is must meet; where the held title has none, its kind."""
    if not written:
        return False
    mine, theirs = ({w.replace("defense", "defence") for w in re.findall(r"[a-z]+", unaccented(o).lower())}
                    - _GENERIC_OFFICE_WORDS for o in (written, held))
    which = theirs - _ROLE_WORDS
    return bool(which & mine) if which else bool(theirs & mine)


def _holders(index: LeaderIndex, person: Person, day: str) -> list[LeaderInfo]:
    """Tenures of an office of the country, else of the organisation, the text gives, held on ``day``."""
    if person.country:
        return index.of_country(person.country, day)
    if not person.organisation:
        return []
    from kg.people.gazetteer import default_gazetteer

    known = default_gazetteer().organisation(person.organisation)
    names = dict.fromkeys([known.name] if known else []) | dict.fromkeys([person.organisation])
    return [t for name in names for t in index.of_organisation(name, day)]


def _by_held_office(person: Person, day: str | None) -> str | None:
    """Someone of the other office-holders (:meth:`kg.people.gazetteer.Gazetteer.officeholders`)
    holding an office of the country or organisation the text gives on ``day``: by name,
    else by surname when the text also gives an office that fits the one held."""
    if not day:
        return None
    index = _officeholders()
    holders = _holders(index, person, day)
    if not holders:
        return None
    qid = _by_name(index, person, day, {t.qid for t in holders})
    if qid:
        return qid
    return _best_fit(index, person, day, [t for t in holders if _office_fits(person.office, t.office)])


#: How many years from the page's date an office of the country the text gives may lie for
#: a full name to link someone of the office-holders: the list knows only the offices its
#: source wanted, and people are met in others before or after (a party leader, an envoy).
NEAR_YEARS = 8


def _by_name_held_near(person: Person, day: str | None, home: str | None) -> str | None:
    """Failing an office held that day, someone of the office-holders who held an office of the
    country the text gives within :data:`NEAR_YEARS` of ``day``, by a name of two words or more, particles
    aside (a surname alone, "von der Leyen", is no full name)
    (:func:`_by_name`, else first name and surname each maybe spelt otherwise, :func:`_best_fit`):
    "Nong Duc Manh", chairman of Vietnam's National Assembly until 2001, met in 2002 as the
    party's general secretary; "Ioannis Papandoniou", minister of the economy until October
    2001, met that December as minister of defence.  Of two such namesakes, nobody; nobody of
    the publisher's own country (``home``), whose officials the list knows in the offices the
    pages give them, and whose common names have namesakes outside it (the general Nikolai
    Makarov is not the academy's vice president)."""
    if not (day and person.country) or person.country == home or len([w for w in _words(person.name)
                                                                       if w not in PARTICLES]) < 2:
        return None
    index = _officeholders()
    tenures = index.of_country(person.country, day, slack=NEAR_YEARS * 366)
    near = {t.qid for t in tenures}
    return (_by_name(index, person, day, near) or _best_fit(index, person, day, tenures)) if near else None


def _dated_elsewhere(person: Person, qid: str) -> bool:
    """Whether the list dates the very office the text gives ``person`` to other days than the
    page's (:func:`_by_name_held_near` found them out of office): its dates say it was not
    theirs then, so no QID on the name near that office alone ("President Hamid Karzai" in 2003,
    whose presidency Wikidata starts in December 2004), though the name is still theirs, and a
    name only they carry still links them (:func:`kg.people.linking_unique.unique_full_name`)."""
    return any(t.country == person.country and _same_post(person.office, t.office)
               for t in _officeholders().of_person(qid))


def _same_post(written: str | None, held: str) -> bool:
    """Whether the office the text gives is ``held`` itself, kind of post and all (:func:`_office_fits`
    and, when both name one, the same role): "President" is the "President", but the
    "Secretary of the National Security and Defence Council" is not the "Minister of Defence"."""
    if not _office_fits(written, held):
        return False
    mine, theirs = (plain_words(o) & _ROLE_WORDS
                    for o in (written or "", held))
    return not (mine and theirs) or bool(mine & theirs)
