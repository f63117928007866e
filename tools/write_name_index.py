"""Writes the folded-name index beside each shipped names file (``kg/data/*_names.index.tsv``).

    python tools/write_name_index.py

Run it after a names file (``tools/build_leaders.py``, ``tools/build_officeholders.py``) or the
folding code (``kg/people/namekey.py``, ``kg/people/nameindex.py``) changed: until then the build
folds the names itself, which is slower and gives the same index (kg/people/nameindex.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.people.gazetteer import Gazetteer  # noqa: E402
from kg.people.nameindex import index_path, write_index  # noqa: E402
from kg.resources import data_path  # noqa: E402

NAMES = {"leader_names.tsv": Gazetteer.leaders, "officeholder_names.tsv": Gazetteer.officeholders}


def main() -> int:
    gazetteer = Gazetteer()
    for names, people in NAMES.items():
        out = index_path(data_path(names))
        write_index(out, people(gazetteer).spellings)
        shown = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
        print(f"{shown}: {out.stat().st_size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
