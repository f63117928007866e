"""The annotated corpus and its splits, with the test split sealed.

Every page belongs to one split, recorded once in ``data/annotated/SPLITS.json``
(see ``tools/split_annotation.py``): ``train`` fits the model, ``dev`` chooses
its thresholds and settings, ``test`` only reports.  ``extra`` holds annotated
pages of other genres (messages, speeches, interviews) that the shipped recipe
leaves out because they did not improve it; training can add them on request.  Training code gets pages
through :func:`load_split`, which refuses the test split unless the caller
says it is evaluating, so a slip cannot quietly train or tune on it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError

SPLITS = ("train", "dev", "test", "extra")


@dataclass(frozen=True)
class GoldPage:
    """One annotated page: its name, text file and gold facts."""

    name: str
    text: Path
    gold: dict


class SealedSplitError(KgError):
    """Training or tuning code asked for the test split."""


def split_folders(root: Path, split: str) -> list[Path]:
    """The folders that hold a split's pages: its part of the new corpus and the older sets."""
    record = json.loads((root / "data/annotated/SPLITS.json").read_text("utf-8"))
    folders = [root / "data/annotated" / split]
    older = sorted({key.rsplit("/", 1)[0] for key, value in record["older_sets"].items() if value == split})
    return folders + [root / folder for folder in older]


def load_split(root: str | Path, split: str, *, evaluating: bool = False) -> list[GoldPage]:
    """Every annotated page of ``split`` under the repository ``root``.

    Raises SealedSplitError for ``test`` unless ``evaluating`` is True.
    """
    if split not in SPLITS:
        raise KgError(f"unknown split {split!r}; known: {', '.join(SPLITS)}")
    if split == "test" and not evaluating:
        raise SealedSplitError("the test split is only for reporting scores: training and tuning use "
                               "train and dev")
    pages = []
    for folder in split_folders(Path(root), split):
        for gold_path in sorted(folder.glob("*.gold.json")):
            name = gold_path.name.removesuffix(".gold.json")
            text = folder / f"{name}.txt"
            if text.is_file():
                pages.append(GoldPage(f"{folder.name}/{name}", text, json.loads(gold_path.read_text("utf-8"))))
    return pages
