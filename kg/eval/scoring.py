"""Scores found facts against gold facts, exactly as the gold format's "Scoring" says.

Both sides are dictionaries in the gold JSON shape, so the scorer knows
nothing of how the facts were found: ``kg eval`` feeds it facts read back from
the store, tests may feed it anything.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from kg.inputs.text import normalise
from kg.model import COMMITMENT_TYPES, MUTUAL_TYPES
from kg.people.namekey import unaccented


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
    strict: bool = True  # commitments matched only when stated in the same sentence
    #: transcript -> field -> counts, kept so intervals can resample transcripts
    per_transcript: dict[str, dict[str, Counts]] = field(default_factory=lambda: defaultdict(dict))

    def add_counts(self, transcript: str, name: str, counts: Counts) -> None:
        """Adds ``counts`` to the field's total and to the transcript's own row."""
        self.counts[name].add(counts)
        self.per_transcript[transcript].setdefault(name, Counts()).add(counts)

    def interval(self, name: str, *, resamples: int = 1000, level: float = 0.95,
                 seed: int = 0) -> tuple[float, float]:
        """Bootstrap confidence interval of a field's F1, resampling whole transcripts.

        Transcripts, not facts, are the unit of sampling: facts of one page are
        not independent (one speaker, one style), so resampling facts would
        make the interval too narrow.
        """
        rows = [fields.get(name, Counts()) for fields in self.per_transcript.values()]
        if not rows:
            return (0.0, 0.0)
        rng = random.Random(seed)
        values = []
        for _ in range(resamples):
            total = Counts()
            for _ in rows:
                total.add(rows[rng.randrange(len(rows))])
            values.append(total.f1)
        values.sort()
        tail = (1.0 - level) / 2
        return (values[int(tail * (resamples - 1))], values[int(round((1 - tail) * (resamples - 1)))])

    def as_dict(self) -> dict[str, Any]:
        return {
            "transcripts": self.transcripts,
            "matching": "strict" if self.strict else "loose",
            "fields": {
                name: {"precision": round(c.precision, 4), "recall": round(c.recall, 4),
                       "f1": round(c.f1, 4), "f1_ci95": [round(v, 4) for v in self.interval(name)],
                       "tp": c.tp, "fp": c.fp, "fn": c.fn}
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
    return unaccented(name).casefold().strip()


def locality(city: str | None) -> str:
    """A city's folded locality: what comes before a qualifying region ("Washington, D.C." is Washington).

    The gold format takes the locality of the place line ("Novo-Ogaryovo, Moscow
    Region" gives Novo-Ogaryovo), yet an annotator sometimes keeps the region
    after the comma; it names the same place, so it is not a wrong city.
    """
    return fold(city).split(",")[0].strip()


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _name_words(name: str | None) -> list[str]:
    """A name's words, folded, without punctuation and without a generational suffix.

    "Joseph R. Biden, Jr." has the surname Biden: "Jr." is no surname.
    """
    words = [w.strip(".,;:()\"'") for w in fold(name).replace("-", " ").split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words


def same_person(found: str | None, gold: str | None) -> bool:
    """A found name matches when it equals the gold name or shares its surname.

    The surname is the last word, or the first for names written family name
    first ("Lee Hsien Loong"): any word of the found name that equals the gold
    name's first or last word counts.
    """
    f, g = _name_words(found), _name_words(gold)
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


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(normalise(text, quotes=False)))


def same_sentence(found: str | None, gold: str | None) -> bool:
    """Whether two quotes state the same sentence, as GOLD-FORMAT's scoring says.

    One contains the other (compared case- and accent-insensitively, spaces and
    punctuation ignored), or they share at least half the words of the shorter.
    Annotators and the extractor cut sentences a little differently (a bracketed
    insertion, a sentence split at a colon), so equality would be too strict.
    """
    if not found or not gold:
        return False
    fw, gw = _words(found), _words(gold)
    if not fw or not gw:
        return False
    fj, gj = " " + " ".join(fw) + " ", " " + " ".join(gw) + " "
    if fj in gj or gj in fj:
        return True
    fs, gs = set(fw), set(gw)
    return 2 * len(fs & gs) >= min(len(fs), len(gs))


def _commitment_matches(found: dict[str, Any], gold: dict[str, Any], strict: bool = True) -> bool:
    if _pair_key(found) != _pair_key(gold):
        return False
    if gold.get("quantity") is not None and not _same_number(found.get("quantity"), gold["quantity"]):
        return False
    return not strict or same_sentence(found.get("quote"), gold.get("quote"))


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
    report.per_transcript[name]  # a page with nothing to score still counts when resampling
    _score_meeting(report, name, found.get("meeting"), gold.get("meeting"))
    _score_participants(report, name, found.get("participants") or [], gold.get("participants") or [])
    found_codes, gold_codes = set(found.get("countries") or []), set(gold.get("countries") or [])
    report.add_counts(name, "countries", Counts(len(found_codes & gold_codes), len(found_codes - gold_codes),
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


def _score_meeting(report: Report, name: str, found: dict | None, gold: dict | None) -> None:
    """Date, city and format where the gold has a meeting; whether there is one on every page.

    A gold ``"meeting": null`` marks a page that reports no meeting (a greeting,
    a speech): finding one there is wrong, and so is missing a real one.
    """
    has_found = bool(found) and any(found.get(k) for k in ("date", "city", "format", "title"))
    report.accuracy["meeting.present"].add(has_found == (gold is not None))
    if has_found != (gold is not None):
        report.misses.append(Miss(name, "meeting.present", "wrong",
                                  f"found {'a' if has_found else 'no'} meeting, gold {'has' if gold else 'has none'}"))
    if gold is None:
        return
    found = found or {}
    for key in ("date", "city", "format"):
        same = locality if key == "city" else fold
        ok = same(found.get(key)) == same(gold.get(key))
        report.accuracy[f"meeting.{key}"].add(ok)
        if not ok:
            report.misses.append(Miss(name, f"meeting.{key}", "wrong",
                                      f"found {found.get(key)!r}, gold {gold.get(key)!r}"))


def _score_participants(report: Report, name: str, found: list, gold: list) -> None:
    def same(f: dict, g: dict) -> bool:
        return f.get("country") == g.get("country") and same_person(f.get("name"), g.get("name"))

    pairs, extra, missing = match(found, gold, same)
    report.add_counts(name, "participants", _count(pairs, extra, missing))
    _list_unmatched(report, name, "participants", missing, extra,
                    lambda p: f"{p.get('name')} ({p.get('country')})")


def _describe(c: dict) -> str:
    qty = f" {c.get('quantity')} {c.get('unit') or ''}".rstrip() if c.get("quantity") is not None else ""
    return f"{c.get('type')} {c.get('by')}->{c.get('to')}{qty} [{c.get('status')}]"


def _score_commitments(report: Report, name: str, found: list, gold: list) -> None:
    pairs, extra, missing = match(found, gold, lambda f, g: _commitment_matches(f, g, report.strict))
    report.add_counts(name, "commitments", _count(pairs, extra, missing))
    for kind in COMMITMENT_TYPES:
        report.add_counts(name, f"commitments.{kind}", Counts(
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


def same_figure(found: dict, gold: dict) -> bool:
    """Whether a found figure is a gold one: the same unit and number (a figure's sentence is not asked)."""
    return found.get("unit") == gold.get("unit") and _same_number(found.get("value"), gold.get("value"))


def _score_figures(report: Report, name: str, found: list, gold: list) -> None:
    pairs, extra, missing = match(found, gold, same_figure)
    report.add_counts(name, "figures", _count(pairs, extra, missing))
    _list_unmatched(report, name, "figures", missing, extra,
                    lambda f: f"{f.get('value')} {f.get('unit')}", with_quote=True)


def score(items: Iterable[tuple[str, dict[str, Any], dict[str, Any]]], *, strict: bool = True) -> Report:
    """Scores (name, found, gold) triples into one report.

    ``strict`` (the default) matches a found commitment to a gold one only when
    both quotes state the same sentence; ``strict=False`` is the older loose
    matching, which lets a fact stated anywhere in the transcript count and so
    overstates extraction on unseen pages.
    """
    report = Report(strict=strict)
    for name, found, gold in items:
        score_transcript(report, name, found, gold)
    return report
