"""Regenerate kg/data/usual_names.tsv: how the pages usually spelt each listed leader, year by year.

Usage: ``python tools/build_usual_names.py FOLDER... [-j N]``

Each folder (the kremlin-news and whitehouse corpora) is run through the meeting,
participants and identities stages (as ``tools/build_full_names.py`` does).  Every
participant linked to a QID whose name the page writes out in full (a given name and a
surname, found verbatim in the text) counts one vote for that spelling in the page's year.
A row ``qid<TAB>year<TAB>spelling<TAB>votes`` is the spelling most voted for that person and
year (the first in sorted order on a tie); people whose every year's spelling is the
leader list's label get no row (the label already serves).  The sealed test split is
left out: a page whose text is one of its pages' (``build_kremlin_ids.sealed_digests``)
gives nothing.  The names are the pages' own (kremlin.ru CC BY 4.0; White House texts
public domain in the US); see kg/data/LICENSES.md.
"""

from __future__ import annotations

import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from build_full_names import table_main  # noqa: E402
from build_kremlin_ids import _digest, sealed_digests  # noqa: E402  (one definition of the sealed pages)

from kg.people.namekey import HONORIFICS, fold_word  # noqa: E402
from kg.people.usualnames import TABLE  # noqa: E402

PIPELINE = ("meeting", "participants", "identities")


def _full(name: str) -> str | None:
    """``name`` without a leading honorific when a given name and a surname remain, else None."""
    words = name.replace("\u00a0", " ").split()
    while len(words) > 1 and fold_word(words[0].rstrip(".")) in HONORIFICS:
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else None


def _votes(path: str) -> list[tuple[str, int, str, str]]:
    """(QID, year, spelling written, list label) of each linked participant the page names in full."""
    from kg.errors import KgError
    from kg.extract.pipeline import process
    from kg.inputs.reader import read

    try:
        doc = process(next(read(path)), None, PIPELINE)
    except (KgError, StopIteration):
        return []
    if not doc.is_meeting or not doc.date or not doc.date[:4].isdigit():
        return []
    text = doc.transcript.text.replace("\u00a0", " ")
    rows = []
    for person in doc.participants:
        full = _full(person.name) if person.qid and not person.is_journalist else None
        if full and full in text:
            rows.append((person.qid, int(doc.date[:4]), full, person.label or full))
    return rows


def read_corpora(folders: list[Path], workers: int) -> list[tuple[str, int, str, str]]:
    """Every vote of every page of ``folders`` but the sealed test split's."""
    sealed = sealed_digests()
    paths = [str(p) for folder in folders for p in sorted(folder.rglob("*.txt"))
             if _digest(p.read_text(encoding="utf-8")) not in sealed]
    with ProcessPoolExecutor(workers) as pool:
        return [row for rows in pool.map(_votes, paths, chunksize=16) for row in rows]


def usual_names(votes: list[tuple[str, int, str, str]]) -> list[list[str]]:
    """The rows of the table (see the module docstring), sorted by QID and year."""
    counts: dict[tuple[str, int], Counter] = {}
    labels: dict[str, str] = {}
    for qid, year, spelling, label in votes:
        counts.setdefault((qid, year), Counter())[spelling] += 1
        labels[qid] = label
    best = {key: min(c.items(), key=lambda kv: (-kv[1], kv[0])) for key, c in counts.items()}
    differs = {qid for (qid, _), (spelling, _) in best.items() if spelling != labels[qid]}
    return [[qid, str(year), spelling, str(n)] for (qid, year), (spelling, n) in sorted(best.items())
            if qid in differs]


def main(argv: list[str] | None = None) -> int:
    return table_main(argv, __doc__.splitlines()[0], TABLE, "qid\tyear\tspelling\tvotes",
                      lambda folders, workers: usual_names(read_corpora(folders, workers)))

if __name__ == "__main__":
    sys.exit(main())
