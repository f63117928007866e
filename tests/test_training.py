"""Training the reader: deterministic, and never reading the sealed test split."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract.learned import load_reader
from kg.extract.reader_json import model_to_json
from kg.learn.corpus import SealedSplitError, load_split, split_folders

pytest.importorskip("sklearn")

ROOT = Path(__file__).resolve().parent.parent


def test_the_test_split_is_refused_to_training_code():
    with pytest.raises(SealedSplitError):
        load_split(ROOT, "test")
    assert load_split(ROOT, "test", evaluating=True)  # reporting may read it


def test_splits_do_not_share_a_page():
    names = {split: {p.text.read_bytes() for p in load_split(ROOT, split, evaluating=True)}
             for split in ("train", "dev", "test", "extra")}
    for one, other in (("train", "test"), ("dev", "test"), ("train", "dev"), ("extra", "test"),
                       ("extra", "dev"), ("extra", "train")):
        assert not names[one] & names[other], (one, other)


def test_the_extra_split_is_its_own_and_matches_the_record():
    # The recipe fits on train alone; the extra pages are there only for --with-extra, so
    # they must not leak into train, and every page the record gives to extra is there.
    record = json.loads((ROOT / "data/annotated/SPLITS.json").read_text("utf-8"))["sample"]
    extra = {p.text.name.removesuffix(".txt") for p in load_split(ROOT, "extra")}
    train = {p.text.name.removesuffix(".txt") for p in load_split(ROOT, "train")}
    assert extra and extra == {name for name, split in record.items() if split == "extra"}
    assert not extra & train


def test_same_data_gives_the_same_model_byte_for_byte():
    from kg.learn.train import train

    train_pages, dev_pages = load_split(ROOT, "train")[:15], load_split(ROOT, "dev")[:6]
    first, report = train(train_pages, dev_pages)
    second, _ = train(train_pages, dev_pages)
    assert model_to_json(first, report) == model_to_json(second, report)
    assert set(report["types"]) == set(first.types)


AUDIT = """
import os, runpy, sys
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, os.PathLike)):
        opened.append(os.path.abspath(os.fspath(args[0])))
sys.addaudithook(hook)
sys.argv = ["train_reader.py", "--fraction", "0.05", "-o", sys.argv[1]]
try:
    runpy.run_path("tools/train_reader.py", run_name="__main__")
except SystemExit:
    pass
with open(sys.argv[-1] + ".opened", "w") as f:
    f.write("\\n".join(opened))
"""


def test_training_opens_no_file_of_the_test_split(tmp_path):
    model = tmp_path / "model.json"
    done = subprocess.run([sys.executable, "-c", AUDIT, str(model)], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    opened = Path(str(model) + ".opened").read_text().splitlines()
    sealed = [str(folder.resolve()) for folder in split_folders(ROOT, "test")]
    train = [str(folder.resolve()) for folder in split_folders(ROOT, "train")]
    assert any(path.startswith(tuple(train)) for path in opened)  # the hook saw the training data
    leaked = [path for path in opened if path.startswith(tuple(sealed))]
    assert not leaked, leaked[:5]
    assert load_reader(model).types  # and the model it wrote loads
    assert json.loads(model.read_text())["meta"]["fraction"] == 0.05
