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

# Longest first: "dzh" before "zh", "shch" before "sh".
_DIGRAPHS = (("shch", "sh"), ("dzh", "j"), ("tch", "ch"), ("kh", "h"), ("zh", "j"), ("ph", "f"),
             ("x", "ks"), ("w", "v"), ("q", "k"), ("y", "i"), ("oe", "o"), ("ue", "u"))
_VOWELS = "aeiou"
_GLIDE = re.compile(r"(?<=[aeo])i(?=[aeou])")  # Nazarbaiev -> Nazarbaev, Kochariian -> (kept)
_DOUBLE = re.compile(r"(.)\1+")
_ROMAN = re.compile(r"[ivx]+")


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def fold_word(word: str) -> str:
    """One word in its folded spelling: "Rakhmonov" -> "rahmonov", "Aliyev" -> "aliev"."""
    word = re.sub(r"[^a-z]", "", _ascii(word))
    if _ROMAN.fullmatch(word):  # "Abdullah II", "Felipe VI": a regnal number is no spelling
        return word
    for written, folded in _DIGRAPHS:
        word = word.replace(written, folded)
    word = _DOUBLE.sub(r"\1", word)
    return _GLIDE.sub("", word)


def name_words(name: str) -> list[str]:
    """The folded words of a name, initials ("W.") and particles of one letter dropped."""
    words = re.split(r"[\s\-‐]+", _ascii(name).replace(".", ". "))
    return [w for w in (fold_word(word) for word in words) if len(w) > 1]


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
