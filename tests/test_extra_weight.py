"""The extra split's pages in training at less than full weight (kg.learn.extra): every model they feed
feels the weight, the fit stays deterministic, weight 1.0 is the old --with-extra, and the thresholds can be
chosen on the train pages' readings alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.learn.corpus import load_split
from kg.learn.extra import ExtraUse, for_other_models, is_extra, row_weights, status_only, tunes, weighted
from kg.learn.tuning import Option, PageOptions
from kg.model import COMMITMENT_TYPES

pytest.importorskip("sklearn")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pages():
    from kg.learn.pages import prepare

    chosen = load_split(ROOT, "train")[:20] + load_split(ROOT, "extra")[:12]
    return sorted((prepare(p) for p in chosen), key=lambda p: p.name)


def every_model(pages, use: ExtraUse):
    """What each classifier the pages feed learns: sentence types, softmax, status, pair ranker, figures."""
    from kg.learn.figures import fit_figures
    from kg.learn.train import fit, fit_parties, reader_of

    data = weighted(pages, use)
    others = for_other_models(data, use)
    fitted = fit(data, 0.3, network=False, status_pages=others)
    return {"types": fitted.weights, "softmax": fitted.joint, "status": fitted.status_weights,
            "pairs": fit_parties(others, reader_of(fitted), 0.3), "figures": fit_figures(others, 1.0)}


def test_the_weight_reaches_every_model_and_the_fit_is_deterministic(pages):
    assert any(is_extra(p.name) for p in pages) and not all(is_extra(p.name) for p in pages)
    full, light, again = every_model(pages, ExtraUse()), every_model(pages, ExtraUse(0.5)), \
        every_model(pages, ExtraUse(0.5))
    assert all(value is not None for value in full.values())  # each model was fitted, so each comparison means it
    assert light == again
    assert [name for name in full if full[name] == light[name]] == []


def test_weight_one_is_the_old_with_extra(pages):
    # the old --with-extra fitted every row unweighted: weight 1.0 must pass no sample weight at all
    assert row_weights([1.0, 1.0]) is None and list(row_weights([1.0, 0.2])) == [1.0, 0.2]
    assert weighted(pages, ExtraUse(1.0)) == list(pages)
    assert every_model(pages, ExtraUse(1.0)) == every_model(pages, ExtraUse())


def test_sentences_only_leaves_the_other_models_to_the_train_pages(pages):
    use = ExtraUse(0.5, sentences_only=True)
    assert [p.name for p in for_other_models(pages, use)] == [p.name for p in pages if not is_extra(p.name)]
    from kg.learn.figures import fit_figures

    train_only = [p for p in pages if not is_extra(p.name)]
    assert every_model(pages, use)["figures"] == fit_figures(train_only, 1.0)


def test_status_only_teaches_the_status_classifier_alone(pages):
    from kg.learn.train import fit

    use = ExtraUse(status_only=True)
    kept, extra = status_only(pages, use)
    assert [p.name for p in kept] == [p.name for p in pages if not is_extra(p.name)]
    assert [p.name for p in extra] == [p.name for p in pages if is_extra(p.name)] != []
    assert status_only(pages, ExtraUse()) == (list(pages), [])
    alone = fit(kept, 0.3, network=False)
    taught = fit(kept, 0.3, network=False, status_pages=for_other_models(kept, use) + extra)
    assert (taught.weights, taught.joint) == (alone.weights, alone.joint)  # the sentence models never see them
    assert taught.status_weights is not None and taught.status_weights != alone.status_weights


def option(score: float, right: bool) -> Option:
    """A sentence without a rule hit, proposing one entry that matches gold entry 0, or none."""
    return Option(ruled=False, score=score, found=[], matches=[[0] if right else []],
                  same_quote=[[0] if right else []], keys=[("key", score, right)])


def page(name: str, supply: list[Option], gold: int) -> PageOptions:
    """A page that reads Supply only."""
    return PageOptions(name, {k: (supply if k == "Supply" else []) for k in COMMITMENT_TYPES},
                       {k: (gold if k == "Supply" else 0) for k in COMMITMENT_TYPES})


def test_thresholds_on_the_train_pages_readings_only():
    from kg.learn.train import thresholds_of

    use = ExtraUse(tune_on_train=True)
    assert tunes("train/a", use) and not tunes("extra/b", use) and tunes("extra/b", ExtraUse())
    read = [page("extra/b", [option(0.2, False) for _ in range(5)], 0), page("train/a", [option(0.35, True)], 1)]
    _, everywhere, _ = thresholds_of(read)
    counts: dict = {}
    _, on_train, _ = thresholds_of(read, use, counts)
    assert everywhere["Supply"] == 0.25  # the extra page's five false proposals at 0.2 keep it above them
    assert on_train["Supply"] == 0.1  # the train page alone: the first of the grid that takes its 0.35
    assert (counts["train/a"].tp, counts["extra/b"].fp) == (1, 5)  # every page's counts are still told


def test_the_extra_options_need_the_extra_pages():
    done = subprocess.run([sys.executable, "tools/reader_oof.py", "--extra-weight", "0.5"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "need --with-extra" in done.stderr
    both = subprocess.run([sys.executable, "tools/reader_oof.py", "--with-extra", "--extra-status-only",
                           "--extra-sentences-only"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert both.returncode == 2 and "exclude each other" in both.stderr
