"""How many meeting participants link to Wikidata, per source folder.

Usage: ``python tools/link_rate.py FOLDER... [--exclude LIST] [--unlinked N] [-j N]``

Each folder (one publisher's pages, e.g. a kremlin.ru corpus and a White
House one) is read and run through the meeting, participants and identities
stages only (the others do not change who takes part), so the count is what
a build writes as ``irkg:participant`` with or without ``owl:sameAs``.  Two rates are printed: over participant mentions
(one per person per meeting page) and over distinct person IRIs, which is
how the issue measured it.

``--exclude`` names a file listing paths to leave out (a sealed test split):
with ``--unlinked N`` the most frequent unlinked names are printed (IRI slug, then the
spellings the pages give and the country or organisation), and never from an excluded file.  Name clusters (:func:`kg.people.namekey.name_clusters`)
that span several IRIs are printed as ``split`` (as ``namesakes`` when each IRI is linked
to a QID of its own: George H. W. and George W. Bush); ``--clusters`` also prints
each IRI that the pages write several ways.  The rates themselves cover every file unless
``--exclude-from-rates`` is given.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.people.namekey import name_clusters  # noqa: E402

PIPELINE = ("meeting", "participants", "identities")


def _participants(path: str) -> list[tuple[str, str | None, str, str]]:
    """(IRI slug, QID or None, written name, country or organisation) of each participant at
    ``path``, [] when no meeting."""
    from kg.errors import KgError
    from kg.rdf.namespace import person_name_key, slug
    from kg.extract.pipeline import process
    from kg.inputs.reader import read

    try:
        doc = process(next(read(path)), None, PIPELINE)
    except (KgError, StopIteration):
        return []
    if not doc.is_meeting:
        return []
    return [(slug(person_name_key(p)), p.qid, p.name, p.country or p.organisation or "-") for p in doc.participants if p.name]


def _excluded(listing: str | None) -> set[str]:
    if not listing:
        return set()
    # the listing's paths are relative to a checkout of the project (the current directory)
    return {str(Path(line.strip()).resolve()) for line in open(listing, encoding="utf-8") if line.strip()}


def measure(folder: str, excluded: set[str], skip_excluded: bool, workers: int
            ) -> tuple[Counter, Counter, dict[str, str | None], dict[str, set[str]], dict[str, set[str]]]:
    """Mentions linked/unlinked, unlinked names, slug -> QID, and the spellings and the
    countries (or organisations) of each IRI outside the excluded files."""
    paths = sorted(str(p.resolve()) for p in Path(folder).rglob("*.txt"))
    if skip_excluded:
        paths = [p for p in paths if p not in excluded]
    counts: Counter = Counter()
    unlinked: Counter = Counter()
    people: dict[str, str | None] = {}
    spellings: dict[str, set[str]] = {}
    sides: dict[str, set[str]] = {}
    with ProcessPoolExecutor(workers) as pool:
        for path, found in zip(paths, pool.map(_participants, paths, chunksize=16)):
            for name, qid, written, side in found:
                counts["linked" if qid else "unlinked"] += 1
                people[name] = people.get(name) or qid
                if path not in excluded:
                    spellings.setdefault(name, set()).add(written)
                    sides.setdefault(name, set()).add(side)
                    if not qid:
                        unlinked[name] += 1
    return counts, unlinked, people, spellings, sides


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--exclude", help="file listing paths (relative to the current directory) to keep out of name listings")
    parser.add_argument("--exclude-from-rates", action="store_true", help="leave excluded files out of the rates too")
    parser.add_argument("--unlinked", type=int, default=0, help="print the N most frequent unlinked names")
    parser.add_argument("--clusters", action="store_true",
                        help="also print every IRI written several ways (IRIs split across spellings always print)")
    parser.add_argument("-j", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    excluded = _excluded(args.exclude)
    for folder in args.folders:
        counts, unlinked, people, spellings, sides = measure(folder, excluded, args.exclude_from_rates, args.j)
        mentions = counts["linked"] + counts["unlinked"]
        distinct = len(people)
        linked_people = sum(1 for qid in people.values() if qid)
        print(f"{Path(folder).name}: participants {mentions}, linked {counts['linked']} "
              f"({counts['linked'] / max(mentions, 1):.1%}); distinct people {distinct}, "
              f"linked {linked_people} ({linked_people / max(distinct, 1):.1%})")
        for name, count in unlinked.most_common(args.unlinked):
            print(f"  unlinked {count:4d} {name} ({' / '.join(sorted(spellings[name]))}; "
                  f"{' '.join(sorted(sides[name]))})")
        for group in name_clusters(spellings):
            names = sorted(set().union(*(spellings[key] for key in group)))
            qids = {people[key] for key in group}
            if len(group) > 1 and None not in qids and len(qids) == len(group):
                print(f"  namesakes: {', '.join(sorted(group))} ({' / '.join(names)})")  # each its own QID
            elif len(group) > 1:
                print(f"  split: {len(group)} IRIs for one name: {', '.join(sorted(group))} ({' / '.join(names)})")
            elif args.clusters and len(names) > 1:
                print(f"  cluster: {next(iter(group))} ({' / '.join(names)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
