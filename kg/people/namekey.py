"""One key for the spellings of one name: Rakhmon/Rahmon, Aliyev/Aliev, Nazarbayev/Nazarbaev.

Names of leaders from Cyrillic, Arabic or Turkic scripts reach English text
in several romanisations, and publishers change theirs over the years
(kremlin.ru wrote "Heidar Aliyev", the White House "Heydar Aliyev"; "Ilkham"
and "Ilham"; "Zheenbekov" and "Jeenbekov").  :func:`name_key` folds the
differences that romanisation systems make — diacritics and the letters no
decomposition strips (ð, ø, ł…), đ/dj, kh/h, zh/j, y/i (so iu/yu, ia/ya, -ii/-iy/-y),
w/v, x/ks, tz/ts, ou/u, doubled letters, a glide between vowels, an Arabic
article or patronymic written el/al or ibn/bin, a particle glued to its name
("ElBaradei") — and keeps everything that tells two people apart.  It knows
no names, only letters, so it is a rule, not a list.  :func:`similar_word` says whether two folded words may be one
name spelt two ways (a suffix dropped, one letter changed), for matching a
surname against a reference list where the country and date already agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.people.nicknames import name_and_short_form

# Longest first: "dzh" before "zh", "shch" before "sh".
# "tz"/"ts" and "ou"/"u" are how a name comes back from Cyrillic ("Volfovits", "Buteflika").
# "dj" is how ASCII text writes the Serbo-Croatian đ, which folds to d: "Djindjic" is "Đinđić".
_DIGRAPHS = (("shch", "sh"), ("dzh", "j"), ("dj", "d"), ("tch", "ch"), ("kh", "h"), ("zh", "j"), ("ph", "f"),
             ("th", "t"), ("x", "ks"), ("tz", "ts"), ("w", "v"), ("q", "k"), ("y", "i"), ("oe", "o"), ("ue", "u"),
             ("ou", "u"))
# Letters NFKD leaves whole (casefolded): "Guðni Jóhannesson", "Løkke", "Wałęsa", "Tıraş".
_UNDECOMPOSED = str.maketrans({"ð": "d", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "ı": "i",
                               "þ": "th", "ħ": "h"})
# A particle glued to the name it belongs to, as some publishers write it: "ElBaradei", "AlNahyan".
_GLUED_PARTICLE = re.compile(r"\b(Al|El|Ad|Abu|Bin|Ben|Ibn|De|Di|Da|Du|Del|La|Le|Van|Von)(?=[A-Z][a-z])")
# One particle, two spellings: the Arabic article (el-Sisi, al-Sisi) and "son of" (ibn, bin, ben).
_PARTICLE_SPELLINGS = {"el": "al", "ibn": "bin", "ben": "bin"}
_VOWELS = "aeiou"
_GLIDE = re.compile(r"(?<=[aeo])i(?=[aeou])")  # Nazarbaiev -> Nazarbaev, Kochariian -> (kept)
_DOUBLE = re.compile(r"(.)\1+")
_ROMAN = re.compile(r"[ivx]+")
_NUMERAL = re.compile(r"\b[IVX][IVXivx]*\b")
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


def plain_words(text: str) -> set[str]:
    """The lower-case words of a title or name, accents off ("Président" gives "president"): what the
    linking rules compare offices and titles by."""
    return set(re.findall(r"[a-z]+", unaccented(text).lower()))


def _ascii(text: str) -> str:
    folded = unaccented(text.replace("’", "'")).casefold()
    return folded if folded.isascii() else folded.translate(_UNDECOMPOSED)


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
    possessive dropped, a glued particle split off and a particle after the first word
    in one spelling ("Mohamed ElBaradei" and "Mohamed el-Baradei" are "mohamed al baradei")."""
    name = _GLUED_PARTICLE.sub(r"\1 ", name)
    words = _WORD_BREAK.split(_POSSESSIVE.sub("", _ascii(name)).replace(".", ". "))
    folded = [w for w in (fold_word(word) for word in words) if len(w) > 1 and w not in _SUFFIXES]
    return folded[:1] + [_PARTICLE_SPELLINGS.get(w, w) for w in folded[1:]]


#: Folded words that name nobody: honorifics before a name (the Malay "Tuanku", the "Syed"
#: of a Prophet's descendant; not "Sayyid", which folds to the given name "Said"; the "Lord"
#: and "Lady" of a British peer, whose title is often their name: "Lord Russell-Johnston") and
#: the particles inside Arabic names ("Sheikh Tamim bin Hamad Al Thani"); alone they must not
#: pick a person.
HONORIFICS = frozenset(fold_word(w) for w in
                       "sheikh shaikh sir lord lady dr mr mrs ms madame cardinal tuanku syed seyed".split())
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


def regnal_name(name: str) -> tuple[str, str] | None:
    """The folded name before a regnal number, and the number: "Abdullah II ibn Al Hussein"
    and "Abdullah II of Jordan" are ("abdulah", "ii"), "Juan Carlos I" and "João Carlos I de
    Espanha" ("carlos", "i").  None without one; the number must be written in capitals
    ("Felipe VI", or "Felipe Vi" in a title-cased heading), so "Li" or "Xi" never counts."""
    if not _NUMERAL.search(name):  # most names: no need to look at each word
        return None
    tokens = _WORD_BREAK.split(name.strip(" ,."))
    for before, token in zip(tokens, tokens[1:]):
        bare = token.strip(",.")
        capitals = bare[:1].isupper() and bare[1:] in (bare[1:].upper(), bare[1:].lower())
        if capitals and _ROMAN.fullmatch(bare.lower()):
            word = fold_word(before)
            usable = len(word) > 1 and word not in PARTICLES and not _ROMAN.fullmatch(word)
            return (word, bare.lower()) if usable else None
    return None


def generation(name: str) -> str | None:
    """"sr" or "jr" when a name carries a generation ("George Bush Sr.", "Ferdinand Marcos Jr"):
    the older or the younger of two namesakes."""
    for token in reversed(_WORD_BREAK.split(_ascii(name).replace(".", " ").replace(",", " ").strip())):
        if token in ("sr", "senior", "jr", "junior"):
            return token[0] + "r"
    return None


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


def similar_word(a: str, b: str, edit_from: int = 5) -> bool:
    """Whether two folded words may spell one name.

    Equal; or, for words of five letters or more: one a prefix of the other
    ("rahmon" in "rahmonov", a Russian suffix dropped), the same first five
    letters or more with at most two others after them ("beatrix"/"beatriz"),
    or, for words of ``edit_from`` letters or more, one letter added, dropped
    or changed ("heidar"/"geidar", "timoshenko"/"timochenko" after folding).
    A surname written alone has no first name to confirm it, so its callers
    ask for seven letters before one changed letter counts ("trong" is not
    "tuong", Vo Van Thuong).
    """
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < 5:
        return False
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), len(short))
    if common == len(short) or common >= 5 and len(long) - common <= 2:
        return True  # a suffix dropped or spelt otherwise: rahmon/rahmonov, beatriks/beatriz
    return len(short) >= edit_from and _edits_within_one(a, b)


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(letter in letters for letter in short)


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
    "toni" in "antoni", "kostas" drawn from "konstantinos", or one an English name goes by:
    "mike" for "michael", :mod:`kg.people.nicknames`), a respelling, or another
    romanisation ("volodimir"/"vladimir", "biniamin"/"benjamin", "ioanis"/"ianos")."""
    if similar_word(a, b):
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 2 and (long.startswith(short) or len(short) >= 3 and long.endswith(short)):
        return True
    if len(short) >= 5 and a[0] == b[0] and _is_subsequence(short, long):
        return True  # a short form made of the full name's letters: kostas/konstantinos
    if len(short) >= 6 and a[0] == b[0] and _distance(a, b) <= 2:
        return True
    greek = (_GREEK_IO.sub("i", a), _GREEK_IO.sub("i", b))
    return greek != (a, b) and similar_word(*greek) or frozenset((a, b)) in _short_forms()


@lru_cache(maxsize=1)
def _short_forms() -> frozenset[frozenset[str]]:
    """Folded pairs of an English given name and a short form of it (:mod:`kg.people.nicknames`)."""
    folded = (frozenset((fold_word(name), fold_word(short))) for name, short in name_and_short_form())
    return frozenset(pair for pair in folded if len(pair) == 2)


#: A Greek first name in Ιω- before a vowel, written "Io-" or "Y-" ("Ioannis", "Yiannos": folded
#: "ioanis", "ianos"): both are the one letter i.
_GREEK_IO = re.compile(r"^io(?=[aeiou])")


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
