"""Whether a run of words reads as a person's name.

Descriptions in prose ("The President of Turkey congratulated Vladimir
Putin on ... the Constitution of the Russian Federation") put capitalised
words after an office that are no name at all.  A participant's name must
look like one: capitalised words (with the particles names use), none of
them a word of institutions, documents or the calendar, and the whole not
a country, an organisation or an office.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.people.gazetteer import country_of, default_gazetteer

NAME_PARTICLES = frozenset(
    "bin ibn bint al el de da del della der di du dos van von la le ter y".split()
)

# Capitalised words that name things, not people.
_THING_WORDS = frozenset("""
Constitution Federation Republic Kingdom Emirates States State Union Council Government Parliament
Assembly Duma Ministry Ministries Committee Commission Court Agreement Agreements Treaty Declaration
Charter Convention Organisation Organization Bank Fund Corporation Company Party University Academy
Kremlin Office Administration Cabinet Security Forum Summit Group Nations Board Service Agency
Centre Center Institute Foundation Society Association Congress Senate Chamber Region Territory
Province District Area City Army Navy Forces Army Front Movement Church Cathedral Palace House
Hall Museum Theatre Games Olympics Cup Championship Day Year Week Programme Program Strategy
Authority Authorities
Concept Doctrine Act Law Code Resolution Statement Memorandum Protocol Plan Initiative Project
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Russia Russian Soviet Western Eastern Northern
Southern Affairs Defence Defense Foreign Minister President Prime Chairman Secretary General
Majesty Highness Excellency Mr Mrs Ms Dr Ministers Representatives Deputies Senators Communist
National Central Military Supreme People's Popular Democratic Socialist Liberal Legislative
Situation Settlement Crisis Conflict
""".split()) - {"May"}  # "May" is a surname too (Theresa May)
_PARTICLE_HYPHEN = re.compile(r"(?:al|el|ad|ash|as|at|az|bin|ibn|abu|ben)-[A-Z][\w'’\-]*\Z")
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*\Z")


@lru_cache(maxsize=20000)
def looks_like_person_name(name: str | None) -> bool:
    """True when ``name`` has the shape of a person's name and names no thing we know.

    Kept per name (the shipped gazetteer's answers do not change in a process): a page's stages ask
    about the same few names again and again (some 2,500 calls over 400 names in 400 pages)."""
    if not name:
        return False
    words = name.split()  # str.split() splits at NBSP too
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    for word in words:
        if word in NAME_PARTICLES or is_hyphenated_particle(word):
            continue
        if not _WORD.match(word) or not word[:1].isupper() or word.rstrip(".") in _THING_WORDS:
            return False
    if len(words) == 1 and (len(words[0]) < 3 or len(words[0]) > 6 and words[0].endswith("ing")):
        return False  # "Monitoring" in "...United Nations Monitoring, Verification and Inspection Commission"
    if country_of(name) or _starts_with_country(words):
        return False
    return default_gazetteer().organisation(name) is None


def _starts_with_country(words: list[str]) -> bool:
    """A country glued before a name: "Turkey Recep Tayyip Erdogan", "Germany Angela Merkel".

    Layouts drop the "of" or the comma between an office's country and the
    holder's name; a name never starts with a country's name.
    """
    return len(words) >= 3 and any(country_of(" ".join(words[:size])) for size in (1, 2))


def is_hyphenated_particle(word: str) -> bool:
    """A name word that starts with a lower-case particle: "al-Faisal", "el-Sisi", "bin-Zayed"."""
    return bool(_PARTICLE_HYPHEN.match(word))


def is_thing_word(word: str) -> bool:
    """A capitalised word that names a body or a thing ("Senate", "Party"), never a person."""
    return word.rstrip(".,") in _THING_WORDS


def name_after_body(words: list[str]) -> int:
    """Where a person's name starts after a body's name: "Communist Party Nong Duc Manh" gives 2.

    The body runs over capitalised words and "of"/"the"/"and" up to its last
    thing word; 0 when ``words`` do not start with a body's name.
    """
    last = -1
    for index, word in enumerate(words[:10]):
        if is_thing_word(word) or word in ("of", "the", "and", "for"):
            last = index
        elif not word[:1].isupper():
            break
    return last + 1
