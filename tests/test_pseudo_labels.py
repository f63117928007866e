"""Teacher labels of unlabeled pages (kg.learn.pseudo): which pages may be taught, the file, the student's fit."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.extract.reader_json import model_to_json
from kg.learn import pseudo
from kg.learn.corpus import SealedSplitError, load_split
from kg.learn.folds import FOLDS, fold_of
from kg.model import COMMITMENT_TYPES

pytest.importorskip("sklearn")

ROOT = Path(__file__).resolve().parent.parent
OLDER = ["tests/data/dev/kremlin-2013-03-04-ukraine.txt", "tests/data/dev/kremlin-2019-03-28-kyrgyzstan.txt"]


def made_up_root(tmp_path: Path) -> Path:
    """A repository with three annotated corpus pages (train, dev, test) and two pages in no split."""
    texts = {"train": "A train page.", "dev": "A dev page.", "test": "A test page.", "free": "A free page.",
             "other": "Another free page."}
    corpus = tmp_path / "corpus/kremlin-news"
    corpus.mkdir(parents=True)
    manifest = []
    for i, (kind, text) in enumerate(texts.items()):
        (corpus / f"{i}.txt").write_text(text, "utf-8")
        manifest.append({"id": f"kremlin-news-{i}", "file": f"{i}.txt", "source": "kremlin-news",
                         "sha256": hashlib.sha256(text.encode()).hexdigest()})
    annotated = tmp_path / "data/annotated"
    annotated.mkdir(parents=True)
    (annotated / "SAMPLE.json").write_text(json.dumps({"pages": manifest[:3]}), "utf-8")
    (annotated / "SPLITS.json").write_text(json.dumps(
        {"sample": {"kremlin-news-0": "train", "kremlin-news-1": "dev", "kremlin-news-2": "test"}}), "utf-8")
    return tmp_path


def test_train_and_dev_pages_are_left_out(tmp_path):
    root = made_up_root(tmp_path)
    kept = pseudo.unlabeled(root, [f"corpus/kremlin-news/{i}.txt" for i in (0, 1, 3, 4)])
    assert [rel for rel, _ in kept] == ["corpus/kremlin-news/3.txt", "corpus/kremlin-news/4.txt"]


def test_a_test_split_page_is_refused_by_name_and_by_content(tmp_path):
    root = made_up_root(tmp_path)
    with pytest.raises(SealedSplitError):
        pseudo.unlabeled(root, ["corpus/kremlin-news/3.txt", "corpus/kremlin-news/2.txt"])
    copy = root / "corpus/kremlin-news/copy.txt"  # the same text under another name
    copy.write_text("A test page.", "utf-8")
    with pytest.raises(SealedSplitError):
        pseudo.unlabeled(root, ["corpus/kremlin-news/copy.txt"])


def test_each_student_gets_the_teacher_that_saw_the_same_pages():
    names = [f"page-{i}" for i in range(60)]
    assert pseudo.teacher_of(names, FOLDS) == "all"
    for fold in range(FOLDS):
        assert pseudo.teacher_of([n for n in names if fold_of(n) != fold], FOLDS) == f"fold{fold + 1}"
    with pytest.raises(KgError):
        pseudo.teacher_of([n for n in names if fold_of(n) > 1], FOLDS)


@pytest.fixture(scope="module")
def lessons() -> pseudo.Lessons:
    """Two older transcripts read as unlabeled pages, taught by made-up teachers (one per fold and all)."""
    pages = [pseudo.read_page(ROOT, rel, hashlib.sha256((ROOT / rel).read_bytes()).hexdigest()) for rel in OLDER]
    teachers = ["all"] + [f"fold{k + 1}" for k in range(FOLDS)]
    scores = [[[{k: (0.9 if "cooperat" in " ".join(f) and k == "Cooperation" else 0.01) for k in COMMITMENT_TYPES}
                for f in page.features] for page in pages] for _ in teachers]
    header = {"types": list(COMMITMENT_TYPES), "teachers": teachers, "teacher": "made up"}
    lines = pseudo.label_lines(pages, scores, COMMITMENT_TYPES)
    return pseudo.Lessons(pages, header, [json.loads(line) for line in lines])


def test_the_label_file_is_the_same_bytes_each_time_and_reads_back(tmp_path, lessons):
    lines = [json.dumps(r, separators=(",", ":")) for r in lessons.records]
    pseudo.write_labels(tmp_path / "a.jsonl.gz", lessons.header, lines)
    pseudo.write_labels(tmp_path / "b.jsonl.gz", lessons.header, lines)
    assert (tmp_path / "a.jsonl.gz").read_bytes() == (tmp_path / "b.jsonl.gz").read_bytes()
    header, records = pseudo.read_labels(tmp_path / "a.jsonl.gz")
    assert header == lessons.header and records == lessons.records


def test_only_sure_types_are_taught(lessons):
    taught = pseudo.taught(lessons.pages, lessons.records, lessons.header, "all")
    assert len(taught) == sum(len(p.starts) for p in lessons.pages)  # every sentence is sure of some type
    positives = [t for t in taught if t.labels.get("Cooperation") == 1]
    assert positives and all(any("cooperat" in f for f in t.features) for t in positives)
    unsure = pseudo.taught(lessons.pages, lessons.records, lessons.header, "all", sure_yes=0.95, sure_no=0.005)
    assert unsure == []  # 0.9 and 0.01 are neither sure enough


def test_labels_from_other_train_pages_are_refused(tmp_path):
    header = {"types": list(COMMITMENT_TYPES), "teachers": ["all"], "train_sha256": pseudo.names_sha256(["a"])}
    pseudo.write_labels(tmp_path / "labels.jsonl.gz", header, [])
    with pytest.raises(KgError):
        pseudo.load_lessons(ROOT, tmp_path / "labels.jsonl.gz", ["a", "b"])
    assert pseudo.load_lessons(ROOT, tmp_path / "labels.jsonl.gz", ["a"]).pages == []


def test_labels_whose_pages_are_missing_are_refused(tmp_path):
    header = {"types": list(COMMITMENT_TYPES), "teachers": ["all"], "train_sha256": pseudo.names_sha256(["a"])}
    line = json.dumps({"page": "no/such/page.txt", "sha256": "0", "sentences": []})
    pseudo.write_labels(tmp_path / "labels.jsonl.gz", header, [line])
    with pytest.raises(KgError, match="without these labels"):
        pseudo.load_lessons(ROOT, tmp_path / "labels.jsonl.gz", ["a"])


def test_a_student_fitted_on_taught_sentences_is_the_same_byte_for_byte(lessons):
    from kg.learn.pages import prepare
    from kg.learn.train import fit

    pages = [prepare(p) for p in load_split(ROOT, "train")[:12]]
    taught = lessons.for_student([p.name for p in pages])
    first = fit(pages, 0.3, with_status=False, network=False, taught=taught, taught_weight=0.5)
    second = fit(pages, 0.3, with_status=False, network=False, taught=taught, taught_weight=0.5)
    assert json.dumps(first.weights) == json.dumps(second.weights)
    plain = fit(pages, 0.3, with_status=False, network=False)
    assert first.weights != plain.weights  # the taught sentences moved the sentence models


def test_training_with_lessons_reports_what_was_taught(lessons):
    from kg.learn.train import train

    train_pages = load_split(ROOT, "train")[:15]
    reader, report = train(train_pages, load_split(ROOT, "dev")[:6], network=False, lessons=lessons)
    assert report["taught"]["sentences"] == len(lessons.for_student([p.name for p in train_pages])) > 0
    assert json.loads(model_to_json(reader, report))["meta"]["taught"]["pages"] == 2
