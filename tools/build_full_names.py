"""Regenerate kg/data/full_names.tsv: the full name of participants some pages name by surname alone.

Usage: ``python tools/build_full_names.py FOLDER... [-j N]``

Each folder (the kremlin-news and whitehouse corpora) is run through the meeting,
participants and identities stages (as ``tools/link_rate.py`` does).  Of every participant
written with a given name ("Ursula von der Leyen") the surnames it may be written by alone
are taken (:func:`kg.people.fullnames.surname_keys`: "von der leyen", "leyen").  A row
``surname<TAB>full name<TAB>sides`` is written when

- exactly one participant of all the pages, linked or not, carries that surname with a given
  name (so "Bush" alone, which is two presidents, gets no row);
- that participant is linked to no QID (a linked one is found by the lists themselves);
- some participant is written as that surname alone, on a side (country, or organisation
  family: :func:`kg.people.fullnames.side_of`) the full name was met for.

``sides`` lists the sides the full name was met for.  A name written without its middle name gets a
row too (:func:`middle_name_rows`), keyed by that short name.  The sealed test split is left out:
a page whose text is one of its pages' (``build_kremlin_ids.sealed_digests``) gives nothing.
The names are the pages' own (kremlin.ru CC BY 4.0; White House texts public domain in the
US); see kg/data/LICENSES.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from build_kremlin_ids import _digest, sealed_digests  # noqa: E402  (one definition of the sealed pages)

from kg.people.fullnames import TABLE, side_of, surname_keys  # noqa: E402
from kg.people.namekey import HONORIFICS, name_words, person_key  # noqa: E402

PIPELINE = ("meeting", "participants", "identities")


def _participants(path: str) -> list[tuple[str, str | None, str, str | None]]:
    """(written name, QID or None, folded name, side) of each participant at ``path``."""
    from kg.errors import KgError
    from kg.extract.pipeline import process
    from kg.inputs.reader import read

    try:
        doc = process(next(read(path)), None, PIPELINE)
    except (KgError, StopIteration):
        return []
    if not doc.is_meeting:
        return []
    return [(p.name, p.qid, person_key(p.name), side_of(p)) for p in doc.participants
            if p.name and not p.is_journalist]


def _written(name: str) -> str:
    words = name_words(name)
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def read_corpora(folders: list[Path], workers: int) -> list[tuple[str, str | None, str, str | None]]:
    """Every participant of every page of ``folders`` but the sealed test split's."""
    sealed = sealed_digests()
    paths = [str(p) for folder in folders for p in sorted(folder.rglob("*.txt"))
             if _digest(p.read_text(encoding="utf-8")) not in sealed]
    with ProcessPoolExecutor(workers) as pool:
        return [row for rows in pool.map(_participants, paths, chunksize=16) for row in rows]


def full_names(participants: list[tuple[str, str | None, str, str | None]]) -> list[list[str]]:
    """The rows of the table (see the module docstring), sorted."""
    holders: dict[str, set[str]] = {}  # surname -> identities written with a given name and it
    spellings: dict[str, Counter] = {}
    sides: dict[str, set[str]] = {}
    linked: set[str] = set()
    for name, qid, key, side in participants:
        identity = qid or key
        if qid:
            linked.add(identity)
        for surname in surname_keys(name):
            holders.setdefault(surname, set()).add(identity)
            spellings.setdefault(identity, Counter())[name] += 1
            if side:
                sides.setdefault(identity, set()).add(side)
    # a name that is itself another's surname ("de Hoop Scheffer") is that person, not a namesake
    alone = {_written(name) for name, *_ in participants}
    rows = []
    for surname, identities in holders.items():
        named = {i for i in identities if i not in holders}  # drop names that are surnames of others
        if len(named) != 1 or surname not in alone:
            continue
        identity = next(iter(named))
        met = sides.get(identity, set())
        used = any(_written(name) == surname and side in met for name, qid, _, side in participants if not qid)
        if identity in linked or not used:
            continue
        rows.append([surname, spellings[identity].most_common(1)[0][0], "|".join(sorted(met))])
    return sorted(rows + middle_name_rows(participants))


def middle_name_rows(participants: list[tuple[str, str | None, str, str | None]]) -> list[list[str]]:
    """Rows that join a name written without a middle name to the one written with it ("Mohammed Barkindo",
    "Mohammed Sanusi Barkindo"): both unlinked, the short name's words the long one's first and last, the
    long name the only one of them with more words, met for a side the short one was (the key is the
    short name, which :func:`kg.people.fullnames.full_name` looks up as it does a surname)."""
    words: dict[str, tuple[str, ...]] = {}
    spellings: dict[str, Counter] = {}
    sides: dict[str, set[str]] = {}
    linked = {_written(name) for name, qid, *_ in participants if qid}
    for name, qid, _, side in participants:
        written = _written(name)
        if qid or written in linked:
            continue
        words[written] = tuple(written.split())
        spellings.setdefault(written, Counter())[name] += 1
        if side:
            sides.setdefault(written, set()).add(side)
    longer: dict[tuple[str, str], set[str]] = {}
    for written, parts in words.items():
        if len(parts) > 2:
            longer.setdefault((parts[0], parts[-1]), set()).add(written)
    rows = []
    for written, parts in words.items():
        found = longer.get((parts[0], parts[-1]), set()) if len(parts) == 2 else set()
        if len(found) != 1:
            continue
        full = next(iter(found))
        shared = sides.get(full, set()) & sides.get(written, set())
        if shared:
            rows.append([written, spellings[full].most_common(1)[0][0], "|".join(sorted(shared))])
    return rows


def table_main(argv: list[str] | None, description: str, table: str, header: str,
               rows_of: Callable[[list[Path], int], list[list[str]]]) -> int:
    """Parse ``FOLDER... [-j N] [-o FILE]``, make the rows from the folders and write them under ``header``
    to ``kg/data/<table>`` (or FILE): one command line for the tables made from the corpora."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("-j", type=int, default=os.cpu_count() or 1)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "kg" / "data" / table)
    args = parser.parse_args(argv)
    rows = rows_of(args.folders, args.j)
    with open(args.output, "w", encoding="utf-8", newline="") as f:
        f.write(header + "\n")
        f.writelines("\t".join(row) + "\n" for row in rows)
    print(f"{len(rows)} rows -> {args.output.name}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    return table_main(argv, __doc__.splitlines()[0], TABLE, "surname\tfull_name\tsides",
                      lambda folders, workers: full_names(read_corpora(folders, workers)))


if __name__ == "__main__":
    sys.exit(main())
