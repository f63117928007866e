"""Where an act takes place and what a country's name qualifies: two hints for the pair ranker.

A summit, forum or meeting goes from its host to its guests, and a sentence
names the host by the place more often than by the country: "the summit in St
Petersburg", "a forum to be held in Weimar", "Bishkek will soon host",
"the meeting will be held here".  So a side is the *venue* where a city of it
or its name follows "in"/"at" or precedes "host", or, in a leader's own words,
where "here" stands for the speaker's country.

A country's name right before a plain word qualifies a thing ("Russian gas",
"American weapons", "Hungarian capital"): the thing comes from that country,
whoever buys or receives it, while "Russia's" or "Russia and" say nothing of
the sort.  :func:`name_use` tells those apart.
"""

from __future__ import annotations

import re

from kg.model import Span

# A capitalised place of one to three words after "in"/"at": "in St Petersburg", "at Camp David".
_PLACE_AFTER = re.compile(r"\b(?:in|at)\s+(?:the\s+)?((?:[A-Z][\w.’'-]*)(?:\s+[A-Z][\w.’'-]*){0,2})")
# A place right before a hosting verb: "Bishkek will soon host", "Vladivostok is hosting".
_PLACE_BEFORE_HOST = re.compile(r"((?:[A-Z][\w.’'-]*)(?:\s+[A-Z][\w.’'-]*){0,2})(?:\s+[a-z]\w*){0,3}\s+host")
_HERE = re.compile(r"\bhere\b", re.I)
_POSSESSIVE = re.compile(r"[’']s\b")
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)")
# Words after a country's name that qualify nothing: conjunctions, prepositions, verbs of being.
_FUNCTION_WORDS = frozenset("""and or but to in into on at of for from with by as than that which who is are was
were be been has have had will would can could should may might must did does do also not the a an""".split())


def venues(text: str, sentence: Span, codes: list[str], own: str | None, voiced: bool) -> frozenset[str]:
    """Those of ``codes`` the sentence names as the place of the act (a city of theirs or their name)."""
    from kg.people.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    found: set[str] = set()
    # each place's names, longest first, from the word next to "in" ("in St Petersburg") or to "host"
    places = []
    for match in _PLACE_AFTER.finditer(text, sentence.start, sentence.end):
        words = match.group(1).split()
        places.append([" ".join(words[:size]) for size in range(len(words), 0, -1)])
    for match in _PLACE_BEFORE_HOST.finditer(text, sentence.start, sentence.end):
        words = match.group(1).split()
        places.append([" ".join(words[-size:]) for size in range(len(words), 0, -1)])
    for names in places:
        for name in (n.rstrip(".,’'") for n in names):
            code = gazetteer.country_code(name) or next(
                (c for c in codes if gazetteer.city(name, c) is not None), None)
            if code in codes:
                found.add(code)
                break
    if voiced and own and _HERE.search(text, sentence.start, sentence.end):
        found.add(own)
    return frozenset(found)


def name_use(text: str, end: int, limit: int) -> str:
    """What follows a country's name ending at ``end``: "poss" ("Russia's"), "mod" (a plain word it
    qualifies: "Russian gas"), or "free" (punctuation, a conjunction, a verb, the sentence's end)."""
    if _POSSESSIVE.match(text, end, limit):
        return "poss"
    word = _NEXT_WORD.match(text, end, limit)
    if word and word.group(1) not in _FUNCTION_WORDS:
        return "mod"
    return "free"
