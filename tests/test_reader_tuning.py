"""Choosing the reader's thresholds: the fast counts agree with the scorer, folds are by page, and a
sentence's context is among its features."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.learned import distinct_key, shipped_reader
from kg.extract.reader_features import context_features
from kg.learn.corpus import load_split
from kg.learn.folds import FOLDS, fold_of
from kg.model import COMMITMENT_TYPES, Commitment, Quantity, Span

from candidate_pages import candidate_page

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("Meeting with President of Serbia Aleksandar Vucic\n\nJune 23, 2020, The Kremlin, Moscow\n\n"
        "Vladimir Putin held talks with President of Serbia Aleksandar Vucic.\n\n"
        "President of Russia Vladimir Putin: Mr President, we will deliver 200,000 tonnes of fertiliser to Serbia. "
        "We are glad to see you.\n\n"
        "President of Serbia Aleksandar Vucic: Thank you. We have signed two agreements.\n")


def test_context_features_say_who_speaks_where_in_the_turn_and_what_the_neighbours_hold():
    doc, found = candidate_page(TEXT, "serbia.txt")
    by_quote = {doc.quote(c.sentence): context_features(doc, found, i) for i, c in enumerate(found)}
    lead = by_quote["Vladimir Putin held talks with President of Serbia Aleksandar Vucic."]
    assert {"role:narrator", "ctx:first", "ctx:last"} <= set(lead)
    supply = by_quote["Mr President, we will deliver 200,000 tonnes of fertiliser to Serbia."]
    assert {"role:host", "ctx:first"} <= set(supply) and "ctx:last" not in supply
    glad = by_quote["We are glad to see you."]
    assert "prev:r:Supply" in glad and "ctx:last" in glad and "ctx:first" not in glad
    thanks = by_quote["Thank you."]
    assert "role:guest" in thanks and "next:r:Agreement" in thanks
    assert not any(f.startswith("prev:") for f in thanks)  # the turn before is another speaker's


def test_a_commitment_is_the_same_in_its_utterance_whatever_the_order_of_a_mutual_pair():
    def made(kind, by, to, value=None, utterance=1):
        return Commitment(type=kind, by=by, to=to, status="planned", span=Span(0, 5), utterance=utterance,
                          quantity=Quantity(value, "tonne") if value else None)

    assert distinct_key(made("Agreement", "RUS", "SRB")) == distinct_key(made("Agreement", "SRB", "RUS"))
    assert distinct_key(made("Supply", "RUS", "SRB")) != distinct_key(made("Supply", "SRB", "RUS"))
    assert distinct_key(made("Supply", "RUS", "SRB", 5)) != distinct_key(made("Supply", "RUS", "SRB", 6))
    assert distinct_key(made("Visit", "RUS", "SRB")) != distinct_key(made("Visit", "RUS", "SRB", utterance=2))


def test_folds_are_by_page_name_stable_and_all_used():
    names = [f"dev/page-{i}" for i in range(200)]
    folds = [fold_of(n) for n in names]
    assert folds == [fold_of(n) for n in names]
    assert set(folds) == set(range(FOLDS))
    assert min(folds.count(k) for k in range(FOLDS)) > 20


@pytest.fixture(scope="module")
def dev_pages():
    from kg.learn.pages import prepare

    return [prepare(p) for p in load_split(ROOT, "dev")[:8]]


def test_fast_counts_are_what_reading_the_pages_and_scoring_them_gives(dev_pages):
    from kg.learn.folds import options_of
    from kg.learn.train import commitment_counts, score_pages, select
    from kg.learn.tuning import page_counts

    reader = shipped_reader()
    keep, propose = dict(reader.keep), dict(reader.propose)
    slow = commitment_counts(select(score_pages(dev_pages, reader), keep, propose,
                                    override=reader.party_override, extra=reader.party_extra))
    fast, per_type, per_page = page_counts(options_of(dev_pages, reader, reader.party_override, reader.party_extra),
                                           keep, propose)
    assert (fast.tp, fast.fp, fast.fn) == (slow["commitments"].tp, slow["commitments"].fp, slow["commitments"].fn)
    assert fast.tp > 0
    for kind in COMMITMENT_TYPES:
        want = slow.get(f"commitments.{kind}")
        if want is not None:
            assert (per_type[kind].tp, per_type[kind].fp, per_type[kind].fn) == (want.tp, want.fp, want.fn)
    assert sum(c.tp for c in per_page) == fast.tp and len(per_page) == len(dev_pages)


def test_paired_change_of_two_readers_on_the_same_pages_and_its_interval():
    from kg.eval.scoring import Counts
    from kg.learn.folds import interval, paired_change

    before = [Counts(3, 2, 2) for _ in range(40)]
    better = [Counts(4, 1, 1) for _ in range(40)]  # every page gains: the whole interval lies above zero
    change, low, high = paired_change(before, better, draws=200)
    assert change == pytest.approx(0.8 - 0.6) and low == pytest.approx(0.2) and high == pytest.approx(0.2)
    mixed = [Counts(4, 1, 1) if i % 2 else Counts(2, 3, 3) for i in range(40)]  # half gain, half lose
    change, low, high = paired_change(before, mixed, draws=500)
    assert change == pytest.approx(0.0) and low < 0.0 < high
    low, high = interval(mixed, draws=500)
    assert low < 0.6 < high and 0.0 < low and high < 1.0
    with pytest.raises(ValueError):
        paired_change(before, better[:-1])
