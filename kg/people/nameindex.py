"""The folded-name index of a people list, and a shipped copy of it that loads without folding.

:meth:`kg.people.leaderdata.LeaderIndex.index_names` indexes every spelling of
a list by its folded key, its folded words and its regnal name.  Folding the
13,000 spellings of the two shipped lists took a build worker about 0.15
CPU-s, a quarter of its loading before the first page (measured in an
incremental build of 100 pages).  ``tools/write_name_index.py`` writes the
index of each shipped names file beside it (``leader_names.index.tsv``), and
a worker reads that instead: a split per line.

The copy is used only while it is the index :func:`fold_names` would make:
its first line holds a fingerprint of the spellings it was made from, of the
source of the code that folds them (this module and
:mod:`kg.people.namekey`) and of the Unicode version of the case and accent
rules.  Any change to one of them makes the copy stale, and a stale or
missing copy costs time, never a different index (``tests/test_nameindex.py``
holds the shipped copies to the code).  No pickle: the file is text.
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache
from pathlib import Path

from kg.people import namekey
from kg.people.namekey import name_words, regnal_name

FORMAT = "irkg-name-index 1"
SUFFIX = ".index.tsv"
#: spellings by QID, as a people list's names file gives them (label first)
Spellings = dict[str, tuple[str, ...]]
#: folded key -> QIDs, folded word -> QIDs, regnal name -> QIDs
Index = tuple[dict[str, set[str]], dict[str, set[str]], dict[tuple[str, str], set[str]]]


def fold_names(spellings: Spellings) -> Index:
    """The index of ``spellings``: what :meth:`LeaderIndex.index_names` looks names up in."""
    by_key: dict[str, set[str]] = {}
    by_word: dict[str, set[str]] = {}
    by_regnal: dict[tuple[str, str], set[str]] = {}
    for qid, names in spellings.items():
        for spelling in names:
            words = name_words(spelling)
            if words:  # a spelling in another script folds to nothing: it must not match every such name
                by_key.setdefault(" ".join(words), set()).add(qid)  # name_key(spelling)
            for word in words:
                by_word.setdefault(word, set()).add(qid)
            regnal = regnal_name(spelling)
            if regnal:
                by_regnal.setdefault(regnal, set()).add(qid)
    return by_key, by_word, by_regnal


def index_path(names: Path) -> Path:
    """Where the index of the names file ``names`` is kept: beside it."""
    return names.with_name(names.name.removesuffix(".tsv") + SUFFIX)


def fingerprint(spellings: Spellings) -> str | None:
    """What an index of ``spellings`` depends on, hashed; None when the folding code cannot be read."""
    code = _folding_code()
    if code is None:
        return None
    text = "\n".join("\t".join((qid, *names)) for qid, names in spellings.items())
    digest = hashlib.sha256(f"{FORMAT}\n{unicodedata.unidata_version}\n".encode())
    digest.update(code)
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _folding_code() -> bytes | None:
    try:
        return b"\0".join(Path(source).read_bytes() for source in (namekey.__file__, __file__))
    except (OSError, TypeError):  # no source beside the module (a frozen build): fold every time
        return None


def write_index(path: Path, spellings: Spellings) -> None:
    """Writes the index of ``spellings`` to ``path``, with its fingerprint (sets sorted, so a rewrite diffs cleanly)."""
    stamp = fingerprint(spellings)
    if stamp is None:
        raise OSError("the source of kg.people.namekey cannot be read: no index can be vouched for")
    by_key, by_word, by_regnal = fold_names(spellings)
    lines = [f"{FORMAT}\t{stamp}"]
    for kind, table in (("k", by_key), ("w", by_word), ("r", {" ".join(k): v for k, v in by_regnal.items()})):
        lines += [f"{kind}\t{key}\t{' '.join(sorted(qids))}" for key, qids in table.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_index(path: Path, spellings: Spellings) -> Index | None:
    """The index kept at ``path`` when it was made from ``spellings`` by this code; else None."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    head, _, body = text.partition("\n")
    stamp = fingerprint(spellings)
    if stamp is None or head != f"{FORMAT}\t{stamp}":
        return None
    by_key: dict[str, set[str]] = {}
    by_word: dict[str, set[str]] = {}
    by_regnal: dict[tuple[str, str], set[str]] = {}
    tables = {"k": by_key, "w": by_word}
    try:
        for line in body.splitlines():
            kind, key, qids = line.split("\t")
            if kind == "r":
                word, number = key.split(" ")
                by_regnal[(word, number)] = set(qids.split(" "))
            else:
                tables[kind][key] = set(qids.split(" "))
    except (ValueError, KeyError):  # a damaged file: fold instead
        return None
    return by_key, by_word, by_regnal
