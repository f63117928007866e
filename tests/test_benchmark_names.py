"""The benchmark suite names its corpus without a path of the machine it ran on (results are committed)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _suite():
    spec = importlib.util.spec_from_file_location("bench_suite", ROOT / "benchmarks" / "suite.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_corpus_elsewhere_is_named_by_its_folder_alone(tmp_path):
    corpus = tmp_path / "kn-x4"
    corpus.mkdir()
    assert _suite().corpus_name(corpus) == "kn-x4"


def test_a_corpus_beside_the_checkout_keeps_its_relative_path():
    beside = ROOT.parent / "shared" / "corpus" / "kremlin-news"
    assert _suite().corpus_name(beside) == str(Path("..", "shared", "corpus", "kremlin-news"))
