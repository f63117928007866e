"""Write offices from EveryPolitician's Wikidata files as a holders file for tools/build_officeholders.py.

Usage: ``python tools/build_everypolitician_offices.py POSITIONS_CSV POPOLO_JSON > HOLDERS_DIR/NAME.csv``
or ``python tools/build_everypolitician_offices.py --cabinet CABINET_CSV > HOLDERS_DIR/NAME.csv``

EveryPolitician (everypolitician/everypolitician-data) keeps, for each parliament it
covers, ``unstable/positions.csv``: the other positions its members held, as Wikidata's
"position held" (P39) statements with their start and end dates (P580/P582), one row per
tenure, the member named by EveryPolitician's own id; the parliament's
``ep-popolo-v1.0.json`` gives each member's Wikidata QID among their identifiers.  A
member of the House of Commons who became NATO's Secretary General is found there, with
the dates Wikidata gives.

Only the rows of an organisation's office that :data:`build_officeholders.ORGANISATION_OF`
places are kept: the country offices of the same file are the every-politician-scrapers
country files' job, and many of this file's are older or wrong in Wikidata of the time.
Rows without a start date, or whose member has no QID in the Popolo file, are dropped.  The
output has the columns ``tools/build_officeholders.py`` reads from the world repository's
holders file: position, person, personID, start, end.

With ``--cabinet``, the file is a parliament's ``sources/morph/cabinet.csv``: the output of
EveryPolitician's Wikidata query for the country's cabinet posts (federal and state ministers),
one row per P39 statement with the holder's QID, the post's English label and P580/P582.  As
the every-politician-scrapers holders files (:data:`ENDED_FROM`), only tenures that ended in
2000 or later, or have no end, are kept; and none whose post has no English label.

A tenure without an end was open when EveryPolitician ran the query, years ago: it is closed on
the latest date the file gives anywhere (:func:`_latest_day`), so that a minister of the snapshot
is not taken for one long after it (Ursula von der Leyen, Germany's defence minister "since
2013-12-17" in a file of 2017, left in 2019).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_officeholders import ORGANISATION_OF  # noqa: E402  (one list of the organisations' offices)

HEADER = ["position", "person", "personID", "start", "end"]
#: The first year a kept cabinet tenure may end in, as the holders21 query of every-politician-scrapers.
ENDED_FROM = "2000"


def wikidata_ids(popolo: dict) -> dict[str, str]:
    """EveryPolitician id -> Wikidata QID, for the people of a Popolo file that have one."""
    found = {}
    for person in popolo.get("persons", []):
        qids = [i["identifier"] for i in person.get("identifiers", []) if i.get("scheme") == "wikidata"]
        if qids:
            found[person["id"]] = qids[0]
    return found


def organisation_offices(positions: list[dict[str, str]], qids: dict[str, str]) -> list[list[str]]:
    """Rows (position, person, QID, start, end) of the organisations' offices, sorted."""
    rows = {(r["position"], r["name"], qids[r["id"]], r.get("start_date", ""), r.get("end_date", "").strip('"'))
            for r in positions
            if r.get("position") in ORGANISATION_OF and r.get("start_date") and r.get("id") in qids}
    return sorted([list(row) for row in rows])


def cabinet_offices(cabinet: list[dict[str, str]]) -> list[list[str]]:
    """Rows (position, person, QID, start, end) of a cabinet file's dated tenures ended in 2000 or later,
    an open one closed on the file's latest date."""
    rows = set()
    latest = _latest_day(cabinet)
    for r in cabinet:
        label, start, end = r.get("label", ""), r.get("start_date", "").strip('"'), r.get("end_date", "").strip('"')
        if start and label and not _bare_qid(label) and (not end or end >= ENDED_FROM):
            rows.add((label, r["name"], r["id"], start, end or latest))
    return sorted([list(row) for row in rows])


def _latest_day(records: list[dict[str, str]]) -> str:
    """The latest start or end date of a file's rows: when its query last saw a change."""
    return max((d for r in records for d in (r.get("start_date", "").strip('"'), r.get("end_date", "").strip('"'))
                if d), default="")


def _bare_qid(text: str) -> bool:
    return text[:1] == "Q" and text[1:].isdigit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("positions", type=Path, help="a parliament's unstable/positions.csv, or with --cabinet "
                        "its sources/morph/cabinet.csv")
    parser.add_argument("popolo", type=Path, nargs="?", help="the same parliament's ep-popolo-v1.0.json")
    parser.add_argument("--cabinet", action="store_true", help="read a cabinet file instead")
    args = parser.parse_args(argv)
    with open(args.positions, encoding="utf-8", newline="") as f:
        records = list(csv.DictReader(f))
    if args.cabinet:
        rows = cabinet_offices(records)
    elif args.popolo:
        rows = organisation_offices(records, wikidata_ids(json.loads(args.popolo.read_text(encoding="utf-8"))))
    else:
        parser.error("a positions file needs the parliament's Popolo file")
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
