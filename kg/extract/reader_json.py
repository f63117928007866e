"""Writes the reader model file, apart from the reader that reads it.

Only training writes a model, and the reader module is long enough already;
this keeps the file's shape (its format version, sorted keys, weights rounded
to five places so retraining on the same data gives the same bytes) in one
place that the loader checks against.
"""

from __future__ import annotations

import json
from typing import Any

FORMAT_VERSION = 1


def model_to_json(reader: Any, meta: dict) -> str:
    """The model file's text for a :class:`kg.extract.learned.SentenceReader`: sorted keys and rounded weights,
    so the same model gives the same bytes."""
    def rows(table: dict[str, tuple[float, ...]] | None) -> dict[str, list[float]] | None:
        if table is None:
            return None
        return {k: [round(w, 5) for w in v] for k, v in sorted(table.items())}

    body = {"format": FORMAT_VERSION, "types": list(reader.types), "keep": reader.keep, "propose": reader.propose,
            "statuses": list(reader.statuses), "weights": rows(reader.weights),
            "status_weights": rows(reader.status_weights),
            "party_weights": ({k: round(v, 5) for k, v in sorted(reader.party_weights.items())}
                              if reader.party_weights else None),
            "party_override": reader.party_override, "party_extra": reader.party_extra,
            "figure_weights": ({k: round(v, 5) for k, v in sorted(reader.figure_weights.items())}
                               if reader.figure_weights else None),
            "figure_keep": reader.figure_keep, "meta": meta}
    if reader.clusters:  # only in a model trained with them, so older files keep their bytes
        body["clusters"] = dict(sorted(reader.clusters.items()))
    if reader.hidden:  # likewise
        body["hidden"] = {k: list(v) for k, v in sorted(reader.hidden.items())}
        body["hidden_out"] = [list(row) for row in reader.hidden_out]
        body["blend"] = reader.blend
    if reader.joint:  # likewise
        body["joint"] = rows(reader.joint)
        body["joint_blend"] = reader.joint_blend
    return json.dumps(body, sort_keys=True, separators=(",", ":")) + "\n"
