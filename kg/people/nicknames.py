"""English given names and the short forms people go by: "Mike" is a Michael, "Bill" a William.

A page may write an official by the form they go by ("Mike Pompeo") or by the full given name
("Michael Pompeo"), and a list holds one of them; neither a prefix nor a respelling relates
"mike" to "michael" or "bill" to "william".  The pairs come from ``kg/data/nicknames.tsv``
(``tools/build_nicknames.py``); :func:`kg.people.namekey.compatible_first_names` folds them
as it folds every other name.
"""

from __future__ import annotations

from functools import lru_cache

from kg.resources import data_path


@lru_cache(maxsize=1)
def name_and_short_form() -> tuple[tuple[str, str], ...]:
    """(given name, short form) pairs of the shipped table, as written there (lower case)."""
    with open(data_path("nicknames.tsv"), encoding="utf-8") as f:
        next(f, None)
        return tuple((name, short) for name, _, short in (line.rstrip("\n").partition("\t") for line in f) if short)
