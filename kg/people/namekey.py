"""One key for the spellings of one name: Rakhmon/Rahmon, Aliyev/Aliev, Nazarbayev/Nazarbaev.

Names of leaders from Cyrillic, Arabic or Turkic scripts reach English text
in several romanisations, and publishers change theirs over the years
(kremlin.ru wrote "Heidar Aliyev", the White House "Heydar Aliyev"; "Ilkham"
and "Ilham"; "Zheenbekov" and "Jeenbekov").  :func:`name_key` folds the
differences that romanisation systems make — diacritics, kh/h, zh/j, y/i,
w/v, doubled letters, a glide between vowels — and keeps everything that
tells two people apart.  It knows no names, only letters, so it is a rule,
not a list.  :func:`similar_word` says whether two folded words may be one
name spelt two ways (a suffix dropped, one letter changed), for matching a
surname against a reference list where the country and date already agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Longest first: "dzh" before "zh", "shch" before "sh".
_DIGRAPHS = (("shch", "sh"), ("dzh", "j"), ("tch", "ch"), ("kh", "h"), ("zh", "j"), ("ph", "f"), ("th", "t"),
             ("x", "ks"), ("w", "v"), ("q", "k"), ("y", "i"), ("oe", "o"), ("ue", "u"))
_VOWELS = "aeiou"
_GLIDE = re.compile(r"(?<=[aeo])i(?=[aeou])")  # Nazarbaiev -> Nazarbaev, Kochariian -> (kept)
_DOUBLE = re.compile(r"(.)\1+")
_ROMAN = re.compile(r"[ivx]+")
_NOT_LETTER = re.compile(r"[^a-z]")
_WORD_BREAK = re.compile(r"[\s\-‐]+")
_SUFFIXES = frozenset({"jr", "sr"})
_POSSESSIVE = re.compile(r"'s\b")  # "Mohamed ElBaradei’s, Director General" (curly quotes are folded first)  # "Joseph R. Biden Jr.": a generation, not a name


def unaccented(text: str) -> str:
    """``text`` without diacritics (NFKD, combining marks dropped): "Erdoğan" -> "Erdogan"."""
    if text.isascii():  # nothing to decompose (most names): the same text, five times quicker
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _ascii(text: str) -> str:
    return unaccented(text.replace("’", "'")).casefold()


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word in its folded spelling: "Rakhmonov" -> "rahmonov", "Aliyev" -> "aliev".

    Cached: the leader list folds some 30,000 words when it is loaded, and
    names repeat on every page.
    """
    word = _NOT_LETTER.sub("", _ascii(word))
    if _ROMAN.fullmatch(word):  # "Abdullah II", "Felipe VI": a regnal number is no spelling
        return word
    for written, folded in _DIGRAPHS:
        word = word.replace(written, folded)
    word = _DOUBLE.sub(r"\1", word)
    return _GLIDE.sub("", word)


def name_words(name: str) -> list[str]:
    """The folded words of a name; initials ("W."), one-letter particles, "Jr." and a
    possessive dropped."""
    words = _WORD_BREAK.split(_POSSESSIVE.sub("", _ascii(name)).replace(".", ". "))
    return [w for w in (fold_word(word) for word in words) if len(w) > 1 and w not in _SUFFIXES]


#: Folded words that name nobody: honorifics before a name and the particles inside Arabic
#: names ("Sheikh Tamim bin Hamad Al Thani"); alone they must not pick a person.
HONORIFICS = frozenset(fold_word(w) for w in "sheikh shaikh sir dr mr mrs ms madame cardinal".split())
PARTICLES = frozenset("bin ibn bint al el ad as ash abu ben de da del der di du dos van von la le".split())


def telling_words(name: str) -> list[str]:
    """The folded words of a name that can tell people apart: no honorific, no particle."""
    return [w for w in name_words(name) if w not in HONORIFICS and w not in PARTICLES]


def person_key(name: str) -> str:
    """The key of a person the reference list does not know: the folded name without
    honorifics ("Cardinal Pietro Parolin" is "pietro parolin")."""
    words = name_words(name)
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def name_key(name: str) -> str:
    """The key spellings of one name share: "Emomali Rakhmon" and "Emomali Rahmon" -> "emomali rahmon"."""
    return " ".join(name_words(name))


def _edits_within_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def similar_word(a: str, b: str) -> bool:
    """Whether two folded words may spell one name.

    Equal; or, for words of five letters or more: one a prefix of the other
    ("rahmon" in "rahmonov", a Russian suffix dropped), the same first five
    letters or more with at most two others after them ("beatrix"/"beatriz"),
    or one letter added, dropped or changed ("heidar"/"geidar",
    "timoshenko"/"timochenko" after folding).
    """
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < 5:
        return False
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), len(short))
    if common == len(short) or common >= 5 and len(long) - common <= 2:
        return True  # a suffix dropped or spelt otherwise: rahmon/rahmonov, beatriks/beatriz
    return _edits_within_one(a, b)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (names are short: the plain dynamic programme is fast enough)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def compatible_first_names(a: str, b: str) -> bool:
    """Whether two folded first names may be one person's: a short form ("jo" in "joseph",
    "toni" in "antoni"), a respelling, or another romanisation ("volodimir"/"vladimir")."""
    if similar_word(a, b):
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 2 and (long.startswith(short) or len(short) >= 3 and long.endswith(short)):
        return True
    return len(short) >= 6 and a[0] == b[0] and _distance(a, b) <= 2


def same_name(a: str, b: str) -> bool:
    """Whether two full names (two words or more) may be one person's, spelt or ordered otherwise.

    First names and surnames must both be alike ("Geidar Aliev" and "Heydar
    Aliyev"), in either order ("Kishida Fumio"); "Heydar Aliyev" and "Ilham
    Aliyev" stay two people.
    """
    mine, theirs = telling_words(a), telling_words(b)
    if len(mine) < 2 or len(theirs) < 2:
        return False
    first, last = mine[0], mine[-1]
    return (similar_word(first, theirs[0]) and similar_word(last, theirs[-1])
            or similar_word(first, theirs[-1]) and similar_word(last, theirs[0]))


def name_clusters(spellings: dict[str, set[str]]) -> list[set[str]]:
    """Groups of keys (person IRIs) any of whose spellings may name the same person.

    ``spellings`` maps each key to the names it carries (foaf:name and
    skos:altLabel); a group of two keys or more is one person split in two,
    unless two people really share a name.
    """
    keys = sorted(spellings)
    parent = {key: key for key in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    by_surname: dict[str, list[tuple[str, str]]] = {}
    for key in keys:
        for name in spellings[key]:
            words = telling_words(name)
            for word in {words[0], words[-1]} if len(words) >= 2 else ():
                by_surname.setdefault(word[:4], []).append((key, name))
    for entries in by_surname.values():
        for i, (key, name) in enumerate(entries):
            for other_key, other in entries[i + 1:]:
                if root(key) != root(other_key) and same_name(name, other):
                    parent[root(key)] = root(other_key)
    groups: dict[str, set[str]] = {}
    for key in keys:
        groups.setdefault(root(key), set()).add(key)
    return sorted(groups.values(), key=lambda group: sorted(group))


def surname(name: str) -> str:
    """The part of a name two reports of one person agree on: the last word, less "Jr."/"III".

    Meeting IRIs are minted from surnames (:func:`kg.rdf.namespace.meeting_iri`), and the
    extractors compare people by them.
    """
    words = [w for w in name.replace(",", " ").split() if w.rstrip(".").lower() not in _SURNAME_SUFFIXES]
    return words[-1] if words else name


_SURNAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
