"""An act towards a group or an organisation: no receiving country.

The gold format codes only countries (`GOLD-FORMAT.md`: "organisations (EU,
ASEAN) are not countries"), so an act of a meeting whose other side is the
European Union, NATO, or a summit's club ("the BRICS leaders adopted a
declaration") has its giver's country as ``by`` and ``to`` null.  The page
says which meetings these are: its principals hold one country only, the
others speaking for an organisation or not being principals of a country at
all.  On train, of 36 gold acts on such pages 33 have no receiver (8 of 8 on
dev), while the rules and the pair ranker, which need two countries, give
each one a partner named somewhere (Ukraine, Italy as the EU's presidency).
"""

from __future__ import annotations

from dataclasses import replace

from kg.model import Commitment, Document


def lone_country(doc: Document) -> str | None:
    """The one country of the page's principals when they hold exactly one, else None."""
    countries = {p.country for p in doc.participants if p.country}
    return next(iter(countries)) if len(countries) == 1 else None


def toward_group(chosen: list[Commitment], lone: str) -> list[Commitment]:
    """``chosen`` given by ``lone`` to no country, the entries that thereby become one kept once."""
    out: list[Commitment] = []
    for commitment in chosen:
        one_sided = replace(commitment, by=lone, to=None)
        if one_sided not in out:
            out.append(one_sided)
    return out
