"""``kg eval``: build transcripts that have gold files, read the facts back, score them.

The facts are read back from the store with SPARQL rather than taken from the
in-memory Documents, so the score measures the graph analysts query: a fact
lost in mapping costs points here too.
"""

from __future__ import annotations

import json
from fnmatch import fnmatch
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from kg.building.builder import BuildResult, build_transcripts
from kg.errors import InputError, KgError
from kg.rdf.mapping import DEFAULT_BASE
from kg.extract.pipeline import DEFAULT_READER, pipeline_for
from kg.inputs.reader import read
from kg.eval.readback import read_document_facts
from kg.eval.scoring import Report, score
from kg.store.embedded import OxigraphStore

TRANSCRIPT_SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class GoldCase:
    """A gold file and the transcript it annotates."""

    name: str
    gold: dict
    transcript: Path


def find_cases(gold_dir: str | Path, text_dir: str | Path | None = None) -> list[GoldCase]:
    """Pairs every ``*.gold.json`` in ``gold_dir`` with its transcript.

    The transcript is the gold's ``source.file`` or the file with the same
    stem, looked up in ``text_dir`` (default: beside the gold file).
    """
    gold_dir = Path(gold_dir)
    texts = Path(text_dir) if text_dir else gold_dir
    if not gold_dir.is_dir():
        raise InputError(str(gold_dir), "not a folder of .gold.json files")
    cases = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(str(gold_path), f"cannot read gold file: {exc}") from exc
        stem = gold_path.name[: -len(".gold.json")]
        named = (gold.get("source") or {}).get("file")
        candidates = ([texts / named] if named else []) + [texts / (stem + s) for s in TRANSCRIPT_SUFFIXES]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            raise InputError(str(gold_path), f"no transcript for it in {texts} (looked for {candidates[0].name})")
        cases.append(GoldCase(stem, gold, found))
    if not cases:
        raise InputError(str(gold_dir), "contains no .gold.json files")
    return cases


def find_all_cases(gold_dirs: Sequence[str | Path], text_dir: str | Path | None = None,
                   select: str | None = None) -> list[GoldCase]:
    """The cases of several gold folders (a split spread over folders), names kept distinct.

    ``select`` is a shell pattern on the names ("whitehouse-*"): only those are scored.
    """
    cases: list[GoldCase] = []
    seen: set[str] = set()
    for gold_dir in gold_dirs:
        for case in find_cases(gold_dir, text_dir):
            if select and not fnmatch(case.name, select):
                continue
            if case.name in seen:
                case = GoldCase(f"{Path(gold_dir).name}/{case.name}", case.gold, case.transcript)
            seen.add(case.name)
            cases.append(case)
    return cases


def collect(gold_dir: str | Path | Sequence[str | Path], text_dir: str | Path | None = None, *,
            base: str = DEFAULT_BASE, reader: str = DEFAULT_READER, select: str | None = None
            ) -> tuple[list[tuple[str, dict, dict]], BuildResult]:
    """Builds the gold transcripts into a memory store and reads their facts back.

    Returns (name, found, gold) items for :func:`kg.eval.scoring.score`, so one
    build can be scored several ways (strict and loose).
    """
    from kg.rdf.mapping import transcript_graph

    dirs = [gold_dir] if isinstance(gold_dir, (str, Path)) else list(gold_dir)
    cases = find_all_cases(dirs, text_dir, select)
    if not cases:
        raise InputError(", ".join(str(d) for d in dirs), f"no gold file matches {select!r}")
    store = OxigraphStore(None)
    transcripts = [next(read(str(case.transcript))) for case in cases]
    result = build_transcripts(transcripts, store, base=base, pipeline=pipeline_for(reader))
    if result.errors:
        raise KgError(f"evaluation build failed: {result.errors[0]}")
    items = []
    for case, transcript in zip(cases, transcripts):
        found = read_document_facts(store, transcript_graph(transcript, base))
        items.append((case.name, found, case.gold))
    return items, result


def evaluate(gold_dir: str | Path | Sequence[str | Path], text_dir: str | Path | None = None, *,
             base: str = DEFAULT_BASE, strict: bool = True,
             reader: str = DEFAULT_READER, select: str | None = None) -> tuple[Report, BuildResult]:
    """Builds the gold transcripts into a memory store and scores what the store says.

    ``gold_dir`` is one folder or several; ``reader`` picks how commitments are
    read (``"rules"`` or ``"model"``), as ``kg build --reader`` does.
    """
    items, result = collect(gold_dir, text_dir, base=base, reader=reader, select=select)
    return score(items, strict=strict), result


def format_table(report: Report) -> str:
    """The score table as plain text: P/R/F1 with a 95% interval, then accuracies."""
    matching = ("commitments matched in the same sentence (strict)" if report.strict else
                "commitments matched anywhere in the transcript (loose: overstates; quote beside strict)")
    lines = [matching,
             f"{'field':<28} {'P':>6} {'R':>6} {'F1':>6} {'F1 95% CI':>13} {'tp':>5} {'fp':>5} {'fn':>5}"]
    order = ["participants", "countries", "commitments"] + sorted(
        k for k in report.counts if k.startswith("commitments.")) + ["figures"]
    for name in order:
        c = report.counts.get(name)
        if c is None or (name.startswith("commitments.") and c.tp + c.fp + c.fn == 0):
            continue
        low, high = report.interval(name)
        lines.append(f"{name:<28} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}  {low:5.3f}-{high:5.3f} "
                     f"{c.tp:5d} {c.fp:5d} {c.fn:5d}")
    lines.append("")
    lines.append(f"{'accuracy':<28} {'value':>6} {'right':>6} {'total':>6}")
    for name, a in sorted(report.accuracy.items()):
        lines.append(f"{name:<28} {a.value:6.3f} {a.right:6d} {a.total:6d}")
    lines.append(f"\n{report.transcripts} transcripts")
    return "\n".join(lines)


def format_misses(report: Report) -> str:
    """Every miss and false find, grouped by transcript, with its sentence."""
    lines: list[str] = []
    current = None
    for miss in report.misses:
        if miss.transcript != current:
            current = miss.transcript
            lines.append(f"\n== {current}")
        lines.append(f"  {miss.kind:<6} {miss.field}: {miss.detail}")
        if miss.quote:
            lines.append(f"         \u201c{miss.quote}\u201d")
    return "\n".join(lines).lstrip("\n")


HEADLINE_FIELDS = ("participants", "countries", "commitments", "figures")


def lowest_f1(report: Report) -> tuple[str, float]:
    """The headline field with the lowest F1, for ``--min-f1``."""
    return min(((f, report.counts[f].f1) for f in HEADLINE_FIELDS if f in report.counts),
               key=lambda pair: pair[1])
