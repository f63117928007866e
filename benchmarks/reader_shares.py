"""Where the commitments reader's CPU goes: weighing every sentence (the bound) against reading the kept ones.

    python benchmarks/reader_shares.py [stage_cpu.py options, e.g. --spread --pages 400]

Runs :mod:`stage_cpu` (same pages, same stages, its table printed first) with
the reader's pieces wrapped in CPU clocks (``time.process_time``), then prints
each piece's seconds and share of the commitments stage, and how many
sentences reached each step.  A profiler is no guide here: it charges each of
the bound's many small calls its own overhead and made the bound look three
times its real cost, and the name matcher's 56 calls ten times theirs.  The
wrappers cost about a microsecond a call (some 60,000 calls on 400 pages),
counted in the pieces.  Nested pieces are not subtracted: "rules" is inside
"readings".  The counts start after stage_cpu's 20 warm-up pages (at its
``gc.freeze``), as its own do: the first calls load tables and compile patterns.
"""

from __future__ import annotations

import gc
import importlib
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stage_cpu  # noqa: E402  (beside this file)

# (module, function, label): the bound's steps over every sentence, then the steps of the sentences it keeps
PIECES = (
    ("kg.extract.learned", "extract_commitments", "commitments stage (all)"),
    ("kg.extract.learned", "readings", "readings: bound + rules + features of kept"),
    ("kg.extract.reader_bound", "_abstract_words", "  bound: words of a sentence"),
    ("kg.extract.reader_bound", "word_totals", "  bound: sums of the word rows"),
    ("kg.extract.reader_bound", "kinds_held", "  bound: keyword kinds"),
    ("kg.extract.reader_bound", "_may_count", "  bound: number test"),
    ("kg.extract.reader_bound", "may_reach", "  bound: floor tests"),
    ("kg.extract.reader_bound", "unit_features", "  units of a counted sentence"),
    ("kg.extract.reader_bound", "sentence_commitments", "  rules of a sentence"),
    ("kg.extract.reader_bound", "sentence_features", "  features of a kept sentence"),
    ("kg.extract.learned", "settle_act", "settle: ranker, lists, status"),
    ("kg.extract.learned", "rank_pairs", "  party ranker"),
    ("kg.extract.learned", "act_status", "  status classifier"),
    ("kg.extract.learned", "propose_commitment", "proposals"),
)


def wrap(module: object, name: str, label: str, seconds: dict[str, float], calls: dict[str, int]) -> None:
    """Replaces ``module.name`` by the same function adding its CPU seconds and calls under ``label``."""
    inner = getattr(module, name)

    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            seconds[label] = seconds.get(label, 0.0) + time.process_time() - started
            calls[label] = calls.get(label, 0) + 1

    setattr(module, name, timed)


#: the pieces inside "readings" that only the sentences the bound keeps reach; the rest of it is the bound
KEPT = ("  units of a counted sentence", "  rules of a sentence", "  features of a kept sentence")


def main(argv: list[str] | None = None) -> int:
    seconds: dict[str, float] = {}
    calls: dict[str, int] = {}
    for module, name, label in PIECES:
        wrap(importlib.import_module(module), name, label, seconds, calls)

    def freeze() -> None:  # stage_cpu's warm-up is over: count from here, as it does
        seconds.clear()
        calls.clear()
        gc.freeze()

    stage_cpu.gc = SimpleNamespace(freeze=freeze)
    stage_cpu.main(argv)
    stage = seconds.get(PIECES[0][2], 0.0) or 1.0
    print("\ncommitments reader (CPU s, share of its stage, calls):")
    for _, _, label in PIECES:
        print(f"  {label:46s} {seconds.get(label, 0.0):6.3f} s {100 * seconds.get(label, 0.0) / stage:5.1f} %"
              f" {calls.get(label, 0):7d}")
    kept = sum(seconds.get(label, 0.0) for label in KEPT)
    bound = seconds.get(PIECES[1][2], 0.0) - kept
    print(f"  {'weighing every sentence (readings less kept)':46s} {bound:6.3f} s {100 * bound / stage:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
