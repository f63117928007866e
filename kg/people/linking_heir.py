"""An heir to a throne named by one word: the monarch of that realm who later reigned under that name.

Pages name a crown prince by his first name and realm alone: "President Vladimir Putin met
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
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.model import Person
from kg.people.leaderdata import LeaderIndex
from kg.people.namekey import HONORIFICS, name_words, regnal_name, unaccented

#: How many years after the page's date the reign of the heir it names may begin.  Heirs
#: met abroad as adults wait a decade or two (Felipe VI: 2002 to 2014; Frederik X: 2024).
HEIR_YEARS = 25

#: Words that make someone an heir to a throne, and the titles of someone already reigning.
_HEIR_WORDS = frozenset("prince princess crown heir".split())
_REIGNING_WORDS = frozenset("king queen emperor empress emir amir sultan monarch majesty".split())


def _index() -> LeaderIndex:
    from kg.people.gazetteer import default_gazetteer

    return default_gazetteer().leaders()


def _title_words(person: Person) -> set[str]:
    return set(re.findall(r"[a-z]+", unaccented(f"{person.office or ''} {person.name}").lower()))


def heir_later_monarch(person: Person, day: str | None) -> str | None:
    """The QID of the monarch whom the heir the text names by one word became, or None."""
    if not (day and person.country) or len(day) < 10:
        return None
    titles = _title_words(person)
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
