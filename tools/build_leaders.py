"""Regenerate kg/data/leaders.tsv and kg/data/leader_names.tsv: who led which country when.

Usage: ``python tools/build_leaders.py SHARED_DATA_DIR HISTORY_CSV``

Three inputs, all Wikidata query output (Wikidata is CC0), none typed by hand:

1. ``SHARED_DATA_DIR/leaders/wikidata_heads_2021_2022.tsv`` — every-politician-scrapers/
   world-leaders-2021 ``data/wikidata.csv``, the union of its 95 committed snapshots up to
   commit be7039cf5952d8121c4f1e24eea64cc5dd465633 (2022-10-10): heads of state and of
   government in office in 2021–2022, English labels, years only.
2. ``SHARED_DATA_DIR/leaders/wikidata_foreign_ministers_2022.tsv`` — every-politician-scrapers/
   world ``sources/foreign/wikidata.csv``, 25 snapshots up to commit
   4a3b394d9a35d26d138cded8718d0805b7ce9336 (2022-12-11): foreign ministers, English labels.
3. ``HISTORY_CSV`` — cfmessias/geografia ``data/leaders_history.csv`` at commit
   2e1e3b9cf6bff86186ae26376a2deafdbd9c67e3 (committed 2025-10-03; taken 2026-11-29 with
   ``git show 2e1e3b9:data/leaders_history.csv``): the output of a Wikidata SPARQL query
   (``scripts/fetch_leaders.py`` in that repository) over every country's head-of-state and
   head-of-government offices (P1313, P1906 and P6/P35 statements) with P580/P582 dates.
   Its labels were asked for in Portuguese first, then English, so some names are the
   Portuguese label ("Leonid Kutchma"); the English sources win where they know the person.

Kept from the history: terms that end in 1990 or later, or that start in 1960 or later
and have not ended; rows without any date (fictional presidents, medieval counts) and
rows whose label is only a QID are dropped, and so is an open term that another row of the same
person, office kind and start closes (a statement added before the term ended and never closed).  The same date rule applies to the 2021–22
snapshots, whose query took every holder of an office without an end date: medieval
emirs (holders of "Amir al-Mu'minin" since 827) and a French co-prince of Andorra since
1946 are no one's tenure on any page.  Output is sorted, so a rebuild diffs cleanly.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "data"

HEAD_OF_STATE, HEAD_OF_GOVERNMENT, FOREIGN_MINISTER = "head_of_state", "head_of_government", "foreign_minister"


def _kind(position: str) -> str:
    """What a 2021–22 position label is: "Prime Minister of India" heads the government."""
    lowered = position.lower()
    if "foreign" in lowered or "external" in lowered:
        return FOREIGN_MINISTER
    if any(word in lowered for word in ("prime minister", "premier", "chancellor", "head of government",
                                        "chief minister", "taoiseach", "chairman of the council of ministers")):
        return HEAD_OF_GOVERNMENT
    return HEAD_OF_STATE


def _stale(start: str, end: str) -> bool:
    """A term that ended before 1990, or that started before 1960 and (as recorded) never ended."""
    return bool(end) and _year(end) < 1990 or not end and _year(start) < 1960


def recent_rows(data: Path) -> tuple[list[list[str]], dict[str, str]]:
    """Tenures and English labels from the 2021–2022 snapshots."""
    rows: dict[tuple[str, str, str], tuple[list[str], str]] = {}
    labels: dict[str, str] = {}
    with open(data / "leaders" / "wikidata_heads_2021_2022.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            row = [r["person_qid"], r["iso3"], _kind(r["position_label"]), r["position_label"],
                   r["start_year"], r["end_year"], "wl2021"]
            key = (r["person_qid"], r["position_qid"], r["start_year"])
            if key not in rows or r["last_seen_snapshot"] > rows[key][1]:
                rows[key] = (row, r["last_seen_snapshot"])
            labels[r["person_qid"]] = r["person_label"]
    with open(data / "leaders" / "wikidata_foreign_ministers_2022.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            row = [r["person_qid"], r["iso3"], FOREIGN_MINISTER, r["position_label"], r["start_date"], "",
                   "fm2022"]
            key = (r["person_qid"], r["position_qid"], r["start_date"])
            if key not in rows or r["last_seen_snapshot"] > rows[key][1]:
                rows[key] = (row, r["last_seen_snapshot"])
            labels.setdefault(r["person_qid"], r["person_label"])
    out = [row for row, _ in rows.values() if labels.get(row[0], "").strip() and not labels[row[0]].startswith("Q")
           and not _stale(row[4], row[5])]
    return out, labels


def _year(value: str) -> int:
    """The year of a Wikidata date ("827-01-01", "1994-11-19"); 0 when there is none."""
    found = re.match(r"-?\d+", value)
    return int(found.group()) if found else 0


def _date(value: str) -> str:
    return value[:10] if value else ""


def history_rows(path: Path) -> tuple[list[list[str]], dict[str, str]]:
    """Dated tenures since 1990 and their (Portuguese-first) labels from the history query."""
    rows, labels = [], {}
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            start, end = _date(r["start"]), _date(r["end"])
            label = r["person"].strip()
            if not (start or end) or not label or label == r["person_qid"] or not r["iso3"]:
                continue
            if _stale(start, end):
                continue
            rows.append([r["person_qid"], r["iso3"], r["role"], "", start, end, "geografia"])
            labels.setdefault(r["person_qid"], label)
    return without_lost_ends(rows), labels


def without_lost_ends(rows: list[list[str]]) -> list[list[str]]:
    """``rows`` less each open term that another row of the same person, country, office kind and start
    closes.  Wikidata often holds a term twice, once with its end and once without (a statement added
    before the term ended and never closed): taken as open, King Salman would still be Saudi Arabia's
    Prime Minister after Mohammed bin Salman became it in 2022."""
    closed = {(r[0], r[1], r[2], r[4]) for r in rows if r[5]}
    return [r for r in rows if r[5] or (r[0], r[1], r[2], r[4]) not in closed]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared reference data folder")
    parser.add_argument("history", type=Path, help="leaders_history.csv from cfmessias/geografia at 2e1e3b9")
    args = parser.parse_args(argv)
    recent, english = recent_rows(args.data)
    history, portuguese_first = history_rows(args.history)
    tenures = sorted({tuple(row) for row in recent + history if re.fullmatch(r"Q[1-9][0-9]*", row[0])})
    names: dict[str, list[str]] = {}
    for qid in {row[0] for row in tenures}:
        spellings = [english.get(qid), portuguese_first.get(qid)]
        names[qid] = list(dict.fromkeys(s for s in spellings if s))
    with open(OUT / "leaders.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("qid\tiso3\tkind\toffice\tstart\tend\tsource\n")
        f.writelines("\t".join(row) + "\n" for row in tenures)
    write_names(OUT / "leader_names.tsv", names)
    return 0


def write_names(path: Path, names: dict[str, list[str]]) -> None:
    """qid, label (the first spelling) and the other spellings, in QID order: the names file of a people list."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("qid\tlabel\taliases\n")
        for qid in sorted(names, key=lambda q: int(q[1:])):
            label, *aliases = names[qid]
            f.write(f"{qid}\t{label}\t{'|'.join(aliases)}\n")


if __name__ == "__main__":
    sys.exit(main())
