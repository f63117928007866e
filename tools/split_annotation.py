"""Assign every sampled page to train, dev or test, once, with a recorded seed.

Why now and once: the split is drawn before any page is annotated or read by
whoever writes rules, so the test pages can be kept out of every rule, threshold
and model from the start. Re-running gives the same split (same seed, same
manifest order); a page's split never changes after it is recorded.

The older hand-annotated sets keep their roles: the sets the rules were tuned on
(tests/data/dev, dev2..dev5) join train; heldout and heldout2 join test.

    python tools/split_annotation.py            # writes data/annotated/SPLITS.json
"""
from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 20261130
# The draws, in order, with the split a whole draw goes to (None: drawn page by page).
# The third to tenth draws were made after the split, for training only: adding to train never
# touches the test split. Draws 8-10 (pages of other genres than meetings) form the ``extra`` split,
# which the shipped recipe leaves out: they did not help it (data/annotated/README.md).
MANIFESTS: tuple[tuple[str, str | None], ...] = (
    ("SAMPLE.json", None), ("SAMPLE2.json", None), ("SAMPLE3.json", "train"), ("SAMPLE4.json", "train"),
    ("SAMPLE5.json", "train"), ("SAMPLE6.json", "train"),
    ("SAMPLE7.json", "train"), ("SAMPLE8.json", "extra"),
    ("SAMPLE9.json", "extra"), ("SAMPLE10.json", "extra"))
SHARES = (("test", 0.40), ("dev", 0.15), ("train", 0.45))
OLD_SETS = {"dev": "train", "dev2": "train", "dev3": "train", "dev4": "train", "dev5": "train",
            "heldout": "test", "heldout2": "test"}


def main() -> None:
    repo = Path(__file__).resolve().parent.parent
    splits: dict[str, str] = {}
    for offset, (manifest, whole) in enumerate(MANIFESTS):  # each draw its own seed: a later draw moves no page
        rng = random.Random(SEED + offset)
        for page in json.loads((repo / "data/annotated" / manifest).read_text("utf-8"))["pages"]:
            if whole:
                splits[page["id"]] = whole
                continue
            draw, edge = rng.random(), 0.0
            for name, share in SHARES:
                edge += share
                if draw < edge:
                    splits[page["id"]] = name
                    break
            else:
                splits[page["id"]] = SHARES[-1][0]
    old = {}
    for folder, split in OLD_SETS.items():
        for gold in sorted((repo / "tests/data" / folder).glob("*.gold.json")):
            old[f"tests/data/{folder}/{gold.name.removesuffix('.gold.json')}"] = split
    out = {"seed": SEED, "shares": dict(SHARES), "sample": splits, "older_sets": old}
    (repo / "data/annotated/SPLITS.json").write_text(json.dumps(out, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
