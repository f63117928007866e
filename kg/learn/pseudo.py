"""Teacher labels for unlabeled pages: more sentences for the shipped reader to learn from.

The learning curve of the sentence reader still rises with each doubling of
labelled pages, and annotating is slow.  So a stronger model than the shipped
one (the *teacher*: the linear models blended with the hidden-layer network,
:mod:`kg.learn.hidden`, too large and slow to ship) reads the candidate
sentences of corpus pages nobody annotated, and the shipped linear reader (the
*student*, unchanged at run time) is trained on the gold sentences plus the
unlabeled sentences whose teacher score is sure either way
(:func:`kg.learn.train.fit`, ``taught``).

The teacher's scores are data (a ``.jsonl.gz`` file made by
``tools/pseudo_label.py``, read by ``tools/train_reader.py --pseudo``), so
training stays deterministic and needs nothing the teacher needed.  Measured
out of fold it did not pay (docs/model-card.md), so the shipped model is
trained on the gold alone.  Only pages in no annotated split are taught: a train page
has gold already, a dev page must stay unseen, and a test-split page is refused
outright (:class:`kg.learn.corpus.SealedSplitError`), whether named by file or
by content.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from kg.errors import KgError
from kg.learn.corpus import SealedSplitError
from kg.learn.linear import fit_binary

SCALE = 100  # teacher scores are stored as whole percents: small files, stable bytes
SURE_YES = 0.5  # a taught sentence is a positive of a type from this teacher score
SURE_NO = 0.05  # and a negative up to this one; between the two it teaches nothing for the type
WEIGHT = 1.0  # a taught sentence counts this much of a gold one


@dataclass(frozen=True)
class Taught:
    """One unlabeled sentence: its features and, per type the teacher is sure of, 1 or 0."""

    features: list[str]
    labels: dict[str, int]


@dataclass(frozen=True)
class UnlabeledPage:
    """An unlabeled page read up to its candidate sentences (:mod:`kg.extract.reader_features`)."""

    path: str  # relative to the repository root, as listed
    sha256: str
    starts: list[int]  # each candidate sentence's first character
    features: list[list[str]]


def annotated_pages(root: Path) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """The split of every annotated corpus page, by (source, file name) and by the text's sha256,
    from the draw manifests (``data/annotated/SAMPLE*.json``) and ``SPLITS.json``."""
    folder = root / "data/annotated"
    split_of = json.loads((folder / "SPLITS.json").read_text("utf-8"))["sample"]
    by_file: dict[tuple[str, str], str] = {}
    by_hash: dict[str, str] = {}
    for manifest in sorted(folder.glob("SAMPLE*.json")):
        for page in json.loads(manifest.read_text("utf-8"))["pages"]:
            split = split_of.get(page["id"])
            if split:
                by_file[(page["source"], page["file"])] = split
                by_hash[page["sha256"]] = split
    return by_file, by_hash


def unlabeled(root: Path, listed: Iterable[str]) -> list[tuple[str, str]]:
    """(path, sha256) of the ``listed`` pages (paths relative to ``root``) that no split holds, sorted.

    Raises SealedSplitError if any is a test-split page; train and dev pages are left out.
    """
    by_file, by_hash = annotated_pages(root)
    out = []
    for rel in sorted(set(listed)):
        path = root / rel
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        split = by_file.get((path.parent.name, path.name)) or by_hash.get(digest)
        if split == "test":
            raise SealedSplitError(f"{rel} is a test-split page: it may not be taught from")
        if split is None:
            out.append((rel, digest))
    return out


def read_page(root: Path, rel: str, sha256: str) -> UnlabeledPage:
    """Parses an unlabeled page as :func:`kg.learn.pages.prepare` does, without gold."""
    from kg.extract.learned import page_features
    from kg.inputs.text import normalise
    from kg.learn.pages import read_candidates

    path = root / rel
    if hashlib.sha256(path.read_bytes()).hexdigest() != sha256:
        raise KgError(f"{rel} changed since it was taught (sha256 differs): make the labels again")
    doc, found = read_candidates(str(path))
    return UnlabeledPage(rel, sha256, [c.sentence.start for c in found],
                         page_features(doc, found, normalise(doc.text), None))


def teacher_of(names: Iterable[str], folds: int) -> str:
    """Which teacher may teach a student fitted on the train pages ``names``: ``all`` for the whole split,
    ``foldN`` for all but fold N (:func:`kg.learn.folds.fold_of`), so that an out-of-fold reading never
    learns, through the teacher, from the pages it is scored on."""
    from kg.learn.folds import fold_of

    missing = sorted(set(range(folds)) - {fold_of(name, folds) for name in names})
    if not missing:
        return "all"
    if len(missing) > 1:
        raise KgError(f"no teacher was fitted without folds {missing}")
    return f"fold{missing[0] + 1}"


def label_lines(pages: Sequence[UnlabeledPage], scores: Sequence[Sequence[list[dict[str, float]]]],
                types: Sequence[str]) -> list[str]:
    """One JSON line per page: its path, sha256 and, per sentence, its start and every teacher's
    scores (``scores[teacher][page][sentence]``, one per type) in whole percents, teacher after teacher."""
    lines = []
    for i, page in enumerate(pages):
        rows = [[start] + [round(by_teacher[i][j][k] * SCALE) for by_teacher in scores for k in types]
                for j, start in enumerate(page.starts)]
        lines.append(json.dumps({"page": page.path, "sha256": page.sha256, "sentences": rows},
                                separators=(",", ":")))
    return lines


def write_labels(path: Path, header: dict, lines: Sequence[str]) -> None:
    """A gzip of the label lines after the ``header`` (types, teachers, what they were fitted on);
    no time stamp, so the bytes are stable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "\n".join([json.dumps(header, sort_keys=True)] + list(lines)) + "\n"
    path.write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))


def read_labels(path: Path) -> tuple[dict, list[dict]]:
    """The header and the page records of a label file."""
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    return json.loads(lines[0]), [json.loads(line) for line in lines[1:] if line]


def taught(pages: Sequence[UnlabeledPage], records: Sequence[dict], header: dict, teacher: str,
           sure_yes: float = SURE_YES, sure_no: float = SURE_NO) -> list[Taught]:
    """The sentences of ``pages`` that ``teacher`` taught: a sentence the labels know (same page, same
    start) with the types whose score is at least ``sure_yes`` (1) or at most ``sure_no`` (0)."""
    types = header["types"]
    first = 1 + header["teachers"].index(teacher) * len(types)
    by_page = {r["page"]: {row[0]: row[first:first + len(types)] for row in r["sentences"]} for r in records}
    out = []
    for page in pages:
        known = by_page.get(page.path, {})
        for start, features in zip(page.starts, page.features):
            percents = known.get(start)
            if percents is None:
                continue
            labels = {k: 1 if p >= sure_yes * SCALE else 0 for k, p in zip(types, percents)
                      if p >= sure_yes * SCALE or p <= sure_no * SCALE}
            if labels:
                out.append(Taught(features, labels))
    return out


def names_sha256(names: Iterable[str]) -> str:
    """What a label file records of the train pages its teachers were fitted on."""
    return hashlib.sha256("\n".join(sorted(names)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Lessons:
    """A label file with its unlabeled pages read: what each student may learn."""

    pages: list[UnlabeledPage]
    header: dict
    records: list[dict]

    def for_student(self, names: Sequence[str]) -> list[Taught]:
        """The taught sentences for a student fitted on the train pages ``names`` (the whole split or all
        but one fold), from the teacher fitted on the same pages."""
        from kg.learn.folds import FOLDS

        return taught(self.pages, self.records, self.header, teacher_of(names, FOLDS))


def load_lessons(root: Path, path: Path, train_names: Sequence[str]) -> Lessons:
    """Reads a label file and its pages; refuses one whose teachers saw other train pages."""
    header, records = read_labels(path)
    if header.get("train_sha256") != names_sha256(train_names):
        raise KgError(f"{path.name}: its teachers were fitted on other train pages; make the labels again "
                      "(tools/pseudo_label.py)")
    listed = [r["page"] for r in records]
    missing = [rel for rel in listed if not (root / rel).is_file()]
    if missing:
        raise KgError(f"{len(missing)} pages that {path.name} teaches are not here (first {missing[0]}): "
                      "put the corpus beside the checkout, or train without these labels")
    kept = dict(unlabeled(root, listed))
    pages = [read_page(root, r["page"], r["sha256"]) for r in records if r["page"] in kept]
    return Lessons(pages, header, records)


def fit_type(x, y, kind: str, taught: Sequence[Taught], taught_weight: float, c: float, weight=None):
    """One type's regression: the gold rows of ``x`` with labels ``y`` (``weight``: their sample weights,
    None for all one), then the taught rows the teacher is sure of for ``kind`` (``x`` holds the taught
    rows after the gold ones, in order)."""
    import numpy as np

    if not taught:
        return fit_binary(x, y, c, weight)
    sure = [(len(y) + i, t.labels[kind]) for i, t in enumerate(taught) if kind in t.labels]
    chosen = np.concatenate([np.arange(len(y)), np.array([i for i, _ in sure], dtype=np.int64)])
    targets = np.concatenate([y, np.array([label for _, label in sure], dtype=y.dtype)])
    gold = np.ones(len(y)) if weight is None else weight
    return fit_binary(x[chosen], targets, c, np.concatenate([gold, np.full(len(sure), taught_weight)]))
