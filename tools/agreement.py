"""Agreement between two annotators of the same pages, scored as kg eval scores extraction.

    python tools/agreement.py FIRST_DIR SECOND_DIR [--loose] [--markdown]

The first annotator's files play the gold, the second's the found facts; F1
is symmetric, so the order only swaps precision and recall. Commitments match
in the same sentence (strict) unless --loose. This is the ceiling a reader of
the genre can be held to: where two careful people differ, no model is wrong.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.eval.evaluate import format_table  # noqa: E402
from kg.eval.scoring import score  # noqa: E402


def pairs(first: Path, second: Path) -> list[tuple[str, dict, dict]]:
    items = []
    for gold_path in sorted(first.glob("*.gold.json")):
        other = second / gold_path.name
        if other.is_file():
            items.append((gold_path.name.removesuffix(".gold.json"),
                          json.loads(other.read_text("utf-8")), json.loads(gold_path.read_text("utf-8"))))
    return items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--loose", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()
    items = pairs(args.first, args.second)
    if not items:
        print(f"agreement: no page annotated in both {args.first} and {args.second}", file=sys.stderr)
        return 2
    report = score(items, strict=not args.loose)
    if args.json:
        body = report.as_dict()
        body.pop("misses")
        print(json.dumps(body, indent=1))
    else:
        print(format_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
