"""Writes ``kg/data/reader-model.tables``, the quick-loading form of the shipped reader model.

    python tools/write_model_tables.py [MODEL_JSON]

``tools/train_reader.py`` writes it with each model it ships; run this after
a model JSON was changed any other way (a merge, a hand edit).  The build
reads the tables file only while it matches the JSON (kg/extract/model_tables.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.learned import MODEL_FILE  # noqa: E402
from kg.extract.model_tables import write_beside  # noqa: E402


def main(argv: list[str]) -> int:
    model = Path(argv[0]) if argv else ROOT / "kg/data" / MODEL_FILE
    out = write_beside(model)
    shown = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"{shown}: {out.stat().st_size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
