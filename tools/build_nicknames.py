"""Regenerate kg/data/nicknames.tsv: English given names and their short forms ("Michael", "Mike").

Usage: ``python tools/build_nicknames.py NAMES_CSV``

``NAMES_CSV`` is ``nicknames/names.csv`` of the PyPI package nicknames 1.0.1 (Apache-2.0;
carltonnorthern/nicknames), a hand-curated list of ``name1,relationship,name2`` rows
("michael,has_nickname,mike").  Only its ``has_nickname`` rows are kept, as they are;
:mod:`kg.people.nicknames` folds them as it reads them.  Output is sorted, so a rebuild
diffs cleanly.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "nicknames.tsv"


def read_pairs(path: Path) -> set[tuple[str, str]]:
    """(name, short form) pairs of the package's file, lower case."""
    with open(path, encoding="utf-8", newline="") as f:
        return {(r["name1"].strip().lower(), r["name2"].strip().lower()) for r in csv.DictReader(f)
                if r.get("relationship") == "has_nickname" and r["name1"].strip() and r["name2"].strip()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", type=Path, help="names.csv of the nicknames package")
    args = parser.parse_args(argv)
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write("name\tnickname\n")
        f.writelines(f"{name}\t{short}\n" for name, short in sorted(read_pairs(args.names)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
