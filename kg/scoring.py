"""Scores found facts against gold facts, exactly as the gold format's "Scoring" says.

Both sides are dictionaries in the gold JSON shape, so the scorer knows
nothing of how the facts were found: ``kg eval`` feeds it facts read back from
the store, tests may feed it anything.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from kg.model import COMMITMENT_TYPES, MUTUAL_TYPES


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Accuracy:
    """Right out of total, for fields scored as accuracy (meeting fields, status, item)."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1


@dataclass
class Miss:
    """One miss or false find, with the sentence, for ``--explain``."""

    transcript: str
    field: str
    kind: str  # "missed" or "false"
    detail: str
    quote: str | None = None


@dataclass
class Report:
    """Every score of one evaluation run."""

    counts: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    accuracy: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))
    misses: list[Miss] = field(default_factory=list)
    transcripts: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "transcripts": self.transcripts,
            "fields": {
                name: {"precision": round(c.precision, 4), "recall": round(c.recall, 4),
                       "f1": round(c.f1, 4), "tp": c.tp, "fp": c.fp, "fn": c.fn}
                for name, c in sorted(self.counts.items())
            },
            "accuracy": {
                name: {"accuracy": round(a.value, 4), "right": a.right, "total": a.total}
                for name, a in sorted(self.accuracy.items())
            },
            "misses": [vars(m) for m in self.misses],
        }


def fold(name: str | None) -> str:
    """Case- and diacritic-insensitive form of a name."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def same_person(found: str | None, gold: str | None) -> bool:
    """A found name matches when it equals the gold name or shares its surname.

    The surname is the last word, or the first for names written family name
    first ("Lee Hsien Loong"): any word of the found name that equals the gold
    name's first or last word counts.
    """
    f, g = fold(found).replace("-", " ").split(), fold(gold).replace("-", " ").split()
    if not f or not g:
        return False
    return f == g or g[-1] in f or (len(g) > 2 and g[0] in f and g[0] == f[0])


def _pair_key(c: dict[str, Any]) -> tuple:
    if c.get("type") in MUTUAL_TYPES:
        return (c.get("type"), frozenset((c.get("by"), c.get("to"))))
    return (c.get("type"), c.get("by"), c.get("to"))


def _same_number(found: Any, gold: Any) -> bool:
    try:
        return abs(float(found) - float(gold)) < 1e-6 * max(1.0, abs(float(gold)))
    except (TypeError, ValueError):
        return False


def _commitment_matches(found: dict[str, Any], gold: dict[str, Any]) -> bool:
    if _pair_key(found) != _pair_key(gold):
        return False
    return gold.get("quantity") is None or _same_number(found.get("quantity"), gold["quantity"])


def match(found: list[dict], gold: list[dict], same) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pairs found and gold entries, each at most once; pairs stating the same sentence first.

    Returns (pairs, unmatched found, unmatched gold).
    """
    free_gold = list(range(len(gold)))
    pairs: list[tuple[int, int]] = []
    free_found = list(range(len(found)))
    for same_quote_only in (True, False):
        for i in list(free_found):
            for j in free_gold:
                if same_quote_only and found[i].get("quote") != gold[j].get("quote"):
                    continue
                if same(found[i], gold[j]):
                    pairs.append((i, j))
                    free_gold.remove(j)
                    free_found.remove(i)
                    break
    return ([(found[i], gold[j]) for i, j in pairs],
            [found[i] for i in free_found], [gold[j] for j in free_gold])


def _count(pairs, extra, missing) -> Counts:
    return Counts(tp=len(pairs), fp=len(extra), fn=len(missing))


def score_transcript(report: Report, name: str, found: dict[str, Any], gold: dict[str, Any]) -> None:
    """Adds one transcript's comparison to ``report``."""
    report.transcripts += 1
    _score_meeting(report, name, found.get("meeting") or {}, gold.get("meeting") or {})
    _score_participants(report, name, found.get("participants") or [], gold.get("participants") or [])
    found_codes, gold_codes = set(found.get("countries") or []), set(gold.get("countries") or [])
    report.counts["countries"].add(Counts(len(found_codes & gold_codes), len(found_codes - gold_codes),
                                          len(gold_codes - found_codes)))
    _list_unmatched(report, name, "countries", sorted(gold_codes - found_codes),
                    sorted(found_codes - gold_codes), str)
    _score_commitments(report, name, found.get("commitments") or [], gold.get("commitments") or [])
    _score_figures(report, name, found.get("figures") or [], gold.get("figures") or [])


def _list_unmatched(report: Report, name: str, field: str, missing: list, extra: list,
                    describe: Callable[[Any], str], with_quote: bool = False) -> None:
    """Note what the gold has and was not found, then what was found beyond the gold, for ``--explain``."""
    for kind, entries in (("missed", missing), ("false", extra)):
        for entry in entries:
            quote = entry.get("quote") if with_quote else None
            report.misses.append(Miss(name, field, kind, describe(entry), quote))


def _score_meeting(report: Report, name: str, found: dict, gold: dict) -> None:
    for key in ("date", "city", "format"):
        ok = fold(found.get(key)) == fold(gold.get(key))
        report.accuracy[f"meeting.{key}"].add(ok)
        if not ok:
            report.misses.append(Miss(name, f"meeting.{key}", "wrong",
                                      f"found {found.get(key)!r}, gold {gold.get(key)!r}"))


def _score_participants(report: Report, name: str, found: list, gold: list) -> None:
    def same(f: dict, g: dict) -> bool:
        return f.get("country") == g.get("country") and same_person(f.get("name"), g.get("name"))

    pairs, extra, missing = match(found, gold, same)
    report.counts["participants"].add(_count(pairs, extra, missing))
    _list_unmatched(report, name, "participants", missing, extra,
                    lambda p: f"{p.get('name')} ({p.get('country')})")


def _describe(c: dict) -> str:
    qty = f" {c.get('quantity')} {c.get('unit') or ''}".rstrip() if c.get("quantity") is not None else ""
    return f"{c.get('type')} {c.get('by')}->{c.get('to')}{qty} [{c.get('status')}]"


def _score_commitments(report: Report, name: str, found: list, gold: list) -> None:
    pairs, extra, missing = match(found, gold, _commitment_matches)
    report.counts["commitments"].add(_count(pairs, extra, missing))
    for kind in COMMITMENT_TYPES:
        report.counts[f"commitments.{kind}"].add(Counts(
            sum(1 for _, g in pairs if g.get("type") == kind),
            sum(1 for f in extra if f.get("type") == kind),
            sum(1 for g in missing if g.get("type") == kind)))
    for f, g in pairs:
        report.accuracy["commitments.status"].add(f.get("status") == g.get("status"))
        report.accuracy["commitments.item"].add(fold(f.get("item")) == fold(g.get("item")))
        if f.get("status") != g.get("status"):
            report.misses.append(Miss(name, "commitments.status", "wrong",
                                      f"{_describe(f)}, gold status {g.get('status')}", g.get("quote")))
    _list_unmatched(report, name, "commitments", missing, extra, _describe, with_quote=True)


def _score_figures(report: Report, name: str, found: list, gold: list) -> None:
    def same(f: dict, g: dict) -> bool:
        return f.get("unit") == g.get("unit") and _same_number(f.get("value"), g.get("value"))

    pairs, extra, missing = match(found, gold, same)
    report.counts["figures"].add(_count(pairs, extra, missing))
    _list_unmatched(report, name, "figures", missing, extra,
                    lambda f: f"{f.get('value')} {f.get('unit')}", with_quote=True)


def score(items: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> Report:
    """Scores (name, found, gold) triples into one report."""
    report = Report()
    for name, found, gold in items:
        score_transcript(report, name, found, gold)
    return report
