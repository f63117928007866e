"""Label unlabeled pages' candidate sentences with a teacher, for tools/train_reader.py --pseudo.

    pip install -e '.[train]'
    python tools/pseudo_label.py --list PAGES.txt           # -> build/teacher-labels.jsonl.gz
    python tools/train_reader.py --pseudo build/teacher-labels.jsonl.gz

PAGES.txt lists corpus pages, one path a line, relative to the repository
root.  Pages of the annotated train and dev splits are left out (train has
gold, dev must stay unseen); a test-split page stops the run
(kg.learn.pseudo.unlabeled).  The teacher is the linear reader blended with
the hidden-layer network (kg.learn.hidden), fitted six times: on all of train
(for the shipped student) and on train without each of the five folds (for the
students whose out-of-fold readings choose the thresholds), so no reading is
taught by a teacher that saw its page.  Same inputs, same file, byte for byte.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.learn import pseudo  # noqa: E402
from kg.learn.corpus import load_split  # noqa: E402
from kg.learn.folds import FOLDS, fold_of  # noqa: E402
from kg.learn.pages import prepare  # noqa: E402
from kg.learn.train import fit, reader_of  # noqa: E402
from kg.model import COMMITMENT_TYPES  # noqa: E402

TEACHER = "linear models blended with the hidden-layer network (kg.learn.hidden), C 0.3, no status"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", type=Path, required=True, help="pages to label, paths relative to the repository")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "build/teacher-labels.jsonl.gz")
    parser.add_argument("--c", type=float, default=0.3, help="the teacher's inverse regularisation (the reader's 0.3)")
    args = parser.parse_args()

    def note(message: str) -> None:
        print(message, file=sys.stderr)

    listed = [line.strip() for line in args.list.read_text("utf-8").splitlines() if line.strip()]
    chosen = pseudo.unlabeled(ROOT, listed)
    note(f"{len(chosen)} of {len(listed)} listed pages are in no split; reading them")
    pages = [pseudo.read_page(ROOT, rel, digest) for rel, digest in chosen]
    note("preparing the train split")
    train = [prepare(p) for p in sorted(load_split(ROOT, "train"), key=lambda p: p.name)]
    teachers = ["all"] + [f"fold{k + 1}" for k in range(FOLDS)]
    scores = []
    for k, name in enumerate(teachers):
        note(f"teacher {name}")
        seen = train if k == 0 else [p for p in train if fold_of(p.name) != k - 1]
        reader = reader_of(fit(seen, args.c, with_status=False, network=True))
        scores.append([[reader.scores(f) for f in page.features] for page in pages])
    header = {"types": list(COMMITMENT_TYPES), "teachers": teachers, "teacher": TEACHER,
              "train_sha256": pseudo.names_sha256(p.name for p in train), "pages": len(pages),
              "sentences": sum(len(p.starts) for p in pages)}
    pseudo.write_labels(args.output, header, pseudo.label_lines(pages, scores, COMMITMENT_TYPES))
    note(f"{header['sentences']} sentences of {len(pages)} pages -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
