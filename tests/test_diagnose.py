"""The error buckets of tools/reader_errors.py: each unmatched commitment in the bucket its sentence explains."""

from __future__ import annotations

from kg.learn.diagnose import decision_buckets, upper_bound_parties


def _c(kind: str, by: str, to: str, quote: str, quantity: int | None = None, status: str = "planned") -> dict:
    return {"type": kind, "by": by, "to": to, "quantity": quantity, "unit": "tonne" if quantity else None,
            "status": status, "quote": quote}


GOLD = [_c("Visit", "FRA", "RUS", "Macron will visit Russia in May."),
        _c("Supply", "RUS", "SRB", "We will deliver 5 tonnes of grain.", 5),
        _c("Agreement", "RUS", "SRB", "We signed the treaty on friendship."),
        _c("Cooperation", "RUS", "SRB", "Our engineers keep building the bridge together.")]
FOUND = [_c("Visit", "RUS", "FRA", "Macron will visit Russia in May."),
         _c("Supply", "RUS", "SRB", "We will deliver 5 tonnes of grain.", 6),
         _c("Agreement", "RUS", "SRB", "We signed the treaty on friendship.", status="completed"),
         _c("Investment", "RUS", "SRB", "Trade grew by a fifth over the past year alone.")]


def test_each_unmatched_commitment_lands_in_the_bucket_of_what_its_sentence_holds():
    buckets = decision_buckets([("page", {"commitments": FOUND}, {"commitments": GOLD})])
    counts = buckets.counts
    assert (counts["gold"], counts["found"], counts["matched"]) == (4, 4, 1)
    assert (counts["missed: by-to"], counts["missed: quantity"], counts["missed: sentence"]) == (1, 1, 1)
    assert (counts["false: by-to"], counts["false: quantity"], counts["false: sentence"]) == (1, 1, 1)
    assert counts["  by-to Visit leader: swapped"] == 1
    assert counts["status planned -> completed"] == 1 and counts["status right"] == 0


def test_the_upper_bound_takes_every_found_party_as_right_but_nothing_else():
    bound = upper_bound_parties([("page", {"commitments": FOUND}, {"commitments": GOLD})])
    assert round(bound["f1"], 3) == 0.5  # the Visit and the Agreement match; the Supply's number still differs
