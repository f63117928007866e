"""The usual spelling of a listed leader's name on a date, for pages that give no name at all.

A summit page may name its members by country only ("The Presidents of Russia, Belarus,
Kazakhstan and Ukraine signed ..."): the participant is then whoever held the office, and
their name has to come from elsewhere.  The leader list's label is one IRI's name, not
always the spelling English-language pages use ("Leonid Kutchma", Wikidata's Portuguese
label), and a leader's own spelling may change over the years ("Emomali Rakhmonov" until
2007, "Emomali Rahmon" after).  ``kg/data/usual_names.tsv`` (made by
``tools/build_usual_names.py`` from the corpora) holds, per QID and year, the full name the
pages wrote most often; the year nearest the page's wins.  The QID, hence the IRI, is never
changed: the spelling is only the name the text would have given.
"""

from __future__ import annotations

from functools import lru_cache

from kg.resources import data_path

TABLE = "usual_names.tsv"


@lru_cache(maxsize=1)
def _table() -> dict[str, list[tuple[int, str]]]:
    """QID -> (year, spelling) rows sorted by year."""
    rows: dict[str, list[tuple[int, str]]] = {}
    path = data_path(TABLE)
    if not path.exists():
        return rows
    with open(path, encoding="utf-8") as f:
        next(f, None)
        for line in f:
            qid, year, spelling = line.rstrip("\n").split("\t")[:3]
            rows.setdefault(qid, []).append((int(year), spelling))
    for spellings in rows.values():
        spellings.sort()
    return rows


def usual_name(qid: str | None, day: str | None, fallback: str) -> str:
    """How the pages usually wrote the person ``qid`` around ``day`` (ISO), else ``fallback``:
    the spelling of the nearest year the table has (the earlier one on a tie)."""
    spellings = _table().get(qid or "")
    if not spellings:
        return fallback
    if not day or not day[:4].isdigit():
        return fallback
    year = int(day[:4])
    return min(spellings, key=lambda row: (abs(row[0] - year), row[0]))[1]
