"""Constituent states of federations and unions whose heads of government meet foreign leaders.

kremlin.ru news pages report the President receiving or being hosted by the head of a German Land
("Minister-President of Saxony", "Minister President of Bavaria") or of a nation of the United
Kingdom ("First Minister of Scotland"): a head of a state's government, who speaks for a part of
that country.  Only an office of such a head (:data:`REGIONAL_OFFICES`) reads a region as its
country; the region alone names no country (a page that names Bavaria does not name Germany).
"""

from __future__ import annotations

import re

#: offices of a constituent state's head of government, read before "of <region>"
REGIONAL_OFFICES: tuple[str, ...] = ("Minister-President", "Minister President", "First Minister")

_REGIONS: dict[str, str] = {
    **dict.fromkeys((
        "Baden-Wurttemberg", "Baden-Württemberg", "Bavaria", "Berlin", "Brandenburg", "Bremen", "Hamburg",
        "Hesse", "Lower Saxony", "Mecklenburg-Western Pomerania", "Mecklenburg-Vorpommern",
        "North Rhine-Westphalia", "Rhineland-Palatinate", "Saarland", "Saxony", "Saxony-Anhalt",
        "Schleswig-Holstein", "Thuringia"), "DEU"),
    **dict.fromkeys(("Scotland", "Wales", "Northern Ireland"), "GBR"),
    **dict.fromkeys(("Flanders", "Wallonia", "the Brussels-Capital Region"), "BEL"),
}
# "the federal German state of Bavaria", "the Free State of Saxony": words before the region's name
_STATE_OF = re.compile(r"^(?:the[ \u00a0]+)?(?:(?:federal|Free|German|federal[ \u00a0]+German)[ \u00a0]+)?"
                       r"(?:[Ss]tate|Land)[ \u00a0]+of[ \u00a0]+")


def region_country_after_of(words: list[str]) -> tuple[str | None, int]:
    """Country of the constituent state the longest prefix of ``words`` (after an office's "of") names,
    and how many words it takes ("the federal German state of Bavaria Markus Soeder" gives DEU, 6)."""
    text = " ".join(words)
    lead = _STATE_OF.match(text)
    skipped = len(lead.group().split()) if lead else 0
    for length in range(min(len(words) - skipped, 3), 0, -1):
        phrase = " ".join(words[skipped:skipped + length]).rstrip(",;.")
        if phrase in _REGIONS:
            return _REGIONS[phrase], skipped + length
    return None, 0
