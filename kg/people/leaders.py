"""Looking a leader up by name and date: the publishers' own, then the gazetteer.

kremlin.ru's "Vladimir Putin:" label gives no office; who he was depends on
the date (Prime Minister in 1999 and 2008–2012, President otherwise), and
in 2008–2012 the President the site speaks for is Dmitry Medvedev.  The
White House's "THE PRESIDENT:" is whoever held the office then.  These few
tenures are facts (Wikidata P39), kept here because the gazetteer's leader
list only covers 2021–22.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.people.cast import Mention
from kg.model import Person
from kg.people.namekey import generation, name_key, name_words

if TYPE_CHECKING:
    from kg.people.leaderdata import LeaderInfo

# name, qid, country, office, from (ISO, inclusive), to (ISO, exclusive; None = still)
PUBLISHER_TENURES: tuple[tuple[str, str, str, str, str, str | None], ...] = (
    ("Vladimir Putin", "Q7747", "RUS", "Prime Minister", "1999-08-09", "1999-12-31"),
    ("Vladimir Putin", "Q7747", "RUS", "Acting President", "1999-12-31", "2000-05-07"),
    ("Vladimir Putin", "Q7747", "RUS", "President", "2000-05-07", "2008-05-07"),
    ("Vladimir Putin", "Q7747", "RUS", "Prime Minister", "2008-05-08", "2012-05-07"),
    ("Vladimir Putin", "Q7747", "RUS", "President", "2012-05-07", None),
    ("Dmitry Medvedev", "Q23530", "RUS", "President", "2008-05-07", "2012-05-07"),
    ("Dmitry Medvedev", "Q23530", "RUS", "Prime Minister", "2012-05-08", "2020-01-16"),
    ("Barack Obama", "Q76", "USA", "President", "2009-01-20", "2017-01-20"),
    ("Donald Trump", "Q22686", "USA", "President", "2017-01-20", "2021-01-20"),
    ("Joe Biden", "Q6279", "USA", "President", "2021-01-20", "2025-01-20"),
    ("Donald Trump", "Q22686", "USA", "President", "2025-01-20", None),
    ("Kamala Harris", "Q10853588", "USA", "Vice President", "2021-01-20", "2025-01-20"),
)


def _held(start: str, end: str | None, date: str | None) -> bool:
    return date is None or (start <= date and (end is None or date < end))


def office_holder(country: str, office: str, date: str | None) -> Person | None:
    """Who held ``office`` of ``country`` on ``date`` ("THE PRESIDENT" at the White House)."""
    for name, qid, code, held_office, start, end in PUBLISHER_TENURES:
        if code == country and held_office == office and date and _held(start, end, date):
            return Person(name, office, code, None, qid)
    return None


def known_leader(mention: Mention, date: str | None) -> Person | None:
    """The leader a (possibly surname-only) name stands for on ``date``, if one is known."""
    if not mention.name:
        return None
    wanted = mention.name.lower()
    candidates = [t for t in PUBLISHER_TENURES
                  if (t[0].lower() == wanted or t[0].lower().split()[-1] == wanted)
                  and (mention.country in (None, t[2]))]
    dated = [t for t in candidates if _held(t[4], t[5], date)]
    if candidates:
        name, qid, code, office, _, _ = (dated or candidates)[-1]
        return Person(name, office, code, None, qid)
    from kg.people.gazetteer import default_gazetteer, fold

    year = int(date[:4]) if date else None
    gazetteer = default_gazetteer()
    found = [leader for leader in gazetteer.leaders_named(mention.name, year)
             if mention.country in (None, leader.country)]
    if mention.office:
        found = [f for f in found if f.office.lower().startswith(mention.office.lower())] or found
    if len({f.qid for f in found}) == 1 and len({f.country for f in found}) > 1:
        found = [f for f in found if _names_own_country(f)] or found  # not "French co-prince of Andorra"
    if len({(f.name, f.country) for f in found}) == 1:
        leader = found[0]
        return Person(leader.name, _bare_office(leader.office), leader.country, None, leader.qid)
    if found or year is None or len(mention.name.split()) < 2:
        return None
    # The gazetteer knows 2021-22 terms only; a full name still tells the country, not the office then
    # (a "Sr."/"Jr." name without its initials: "George Bush Sr." is the list's "George H. W. Bush").
    undated = [leader for leader in gazetteer.leaders_named(mention.name)
               if leader.country and mention.country in (None, leader.country)
               and (fold(leader.name) == fold(mention.name)
                    or generation(mention.name) and name_key(leader.name) == name_key(mention.name))]
    if len({(f.name, f.country) for f in undated}) != 1:
        return None
    return Person(undated[0].name, None, undated[0].country, None, undated[0].qid)


def _names_own_country(tenure: LeaderInfo) -> bool:
    """Whether the office of a person who heads several countries names its country first ("President of
    the French Republic" for France): the office is his own, not one his own brings with it ("French co-prince
    of Andorra", a territory's head of state who is the French President)."""
    from kg.people.gazetteer import default_gazetteer

    named = default_gazetteer().find_countries(tenure.office) if tenure.office else []
    return bool(named) and named[0].code == tenure.country


def fuller_name(written: str, known: str) -> str:
    """The reference name when it completes a partial written one ("Morrison" -> "Scott Morrison").

    A full name keeps the text's spelling ("Viktor Yanukovych", not the list's
    "Viktor Yanukovytch"): the person is the same, and the mapping records both.
    A completed one keeps it for the words the text wrote ("Kuchma" -> "Leonid Kuchma",
    not the list's "Leonid Kutchma"; "Bashar Asad" stays, not "Bashar al-Assad"), as
    the gold format writes a name: the text's, its missing words from the usual form.
    """
    if " of " in known:  # "Abdullah II of Jordan" is a label, not a fuller name
        return written
    mine, theirs = name_words(written), name_words(known)
    if not (len(theirs) > len(mine) and set(mine) <= set(theirs)):
        return written
    return respelt(known, written.split())


def respelt(known: str, written: list[str]) -> str:
    """``known`` with each of its words that the text wrote in ``written`` (the same folded
    spelling) in the text's form; of a hyphenated word ("al-Assad"), the part after the particle
    ("Asad" makes al-Asad)."""
    folded = {tuple(name_words(word)): word for word in written if name_words(word)}
    out = []
    for word in known.split():
        words = tuple(name_words(word))
        if words in folded:
            out.append(folded[words])
        elif len(words) > 1 and "-" in word and words[-1:] in folded:
            out.append(word.rsplit("-", 1)[0] + "-" + folded[words[-1:]])
        else:
            out.append(word)
    return " ".join(out)


def _bare_office(office: str | None) -> str | None:
    """"President of the United States" -> "President": the office as a label gives it."""
    if not office:
        return None
    from kg.people.gazetteer import country_of

    position = office.find(" of ")
    while position >= 0:
        if country_of(office[position + 4:]):
            return office[:position]
        position = office.find(" of ", position + 1)
    return office
