"""Measure how well meetings are read from whole corpora, without gold files.

Two measures, for issue 10:

``whitehouse DIR``: each page is put in a kind by its title (call readout,
meeting readout, bilateral remarks, joint statement), and the title says what
a right answer looks like: the foreign countries it names (with the United
States) must each have a participant, and the format must be the one the
title names ("Call" is a phone call, "Meeting" and "Remarks" are in person,
unless the title or the first sentence says video or virtual).  This is a
proxy for a gold file, so the tool prints the misses for reading by eye.

``kremlin DIR``: builds the pages into a memory store and counts
transcripts without a published date, meetings without a date, and the
meetings ``kg build`` reports against those ``kg stats`` counts.

Pages listed in ``--exclude FILE`` (one path a line, such as a sealed test
split) are skipped: they are matched by their last two path parts.

    python tools/measure_meetings.py whitehouse CORPUS/whitehouse --exclude SPLIT -v
    python tools/measure_meetings.py kremlin CORPUS/kremlin-news --exclude SPLIT
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

_VIRTUAL = re.compile(r"\b(?:video|virtual(?:ly)?|videoconference|secure video)\b", re.I)


def _key(path: str | Path) -> str:
    parts = Path(path).parts
    return "/".join(parts[-2:])


def pages(folder: str, exclude: str | None) -> list[Path]:
    """The .txt pages of ``folder``, less those an exclusion list names."""
    skip: set[str] = set()
    if exclude:
        skip = {_key(line.strip()) for line in Path(exclude).read_text("utf-8").splitlines() if line.strip()}
    return sorted(p for p in Path(folder).glob("*.txt") if _key(p) not in skip)


def kind_of(title: str) -> str | None:
    """The kind of White House page a title announces, or None for other pages."""
    if re.search(r"Joint\b.*\b(?:Statement|Declaration)|\bDeclaration\b", title, re.I):
        return "joint statement"
    if title.startswith("Readout"):
        if re.search(r"\b(?:Call|Calls|Phone|Telephone)\b", title, re.I):
            return "call readout"
        if re.search(r"\bMeeting|Meets?\b|\bVisit\b|Bilateral", title, re.I):
            return "meeting readout"
        return "other readout"
    if re.match(r"Remarks by", title, re.I):
        return "bilateral remarks"
    return None


def expected_format(kind: str, title: str, first_sentence: str) -> str | None:
    if kind == "joint statement" or kind == "other readout":
        return None
    if _VIRTUAL.search(title) or _VIRTUAL.search(first_sentence):
        return "video"
    return "phone" if kind == "call readout" else "in_person"


def expected_parties(title: str, kind: str | None) -> tuple[set[str], set[str]]:
    """Countries (besides the USA) and organisations the title names as the leaders' own.

    In remarks and readouts that is a country after "of" ("Prime Minister Kishida of Japan"),
    not the place after a bar ("| Vilnius, Lithuania"); a joint statement names its parties.
    """
    from kg.people.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    title = title.split("|")[0]
    mentions = gazetteer.find_countries(title)
    if kind != "joint statement":
        mentions = [m for m in mentions if re.search(r"\bof (?:the )?$", title[:m.span.start])]
    countries = {m.code for m in mentions} - {"USA"}
    organisations = {info.name for info, _ in gazetteer.find_organisations(title)}
    return countries, organisations


def _surname(name: str) -> str:
    """Last word less "Jr."/"III", so the tool also measures older versions of the package."""
    words = [w for w in name.replace(",", " ").split() if w.rstrip(".").lower() not in ("jr", "sr", "ii", "iii")]
    return words[-1] if words else name


def judge(path: Path) -> dict:
    """What one White House page gives and what its title expects."""
    from kg.extract.pipeline import process
    from kg.inputs.reader import read

    transcript = next(read(str(path)))
    doc = process(transcript, pipeline=("meeting", "participants"))
    title = transcript.text.strip().splitlines()[0]
    kind = kind_of(title)
    narrated = [u for u in doc.utterances if u.speaker is None and u.sentences]
    first = doc.quote(narrated[0].sentences[0]) if narrated and not doc.cast else ""
    want_format = expected_format(kind, title, first) if kind else None
    countries, organisations = expected_parties(title, kind)
    got_countries = {p.country for p in doc.participants if p.country}
    got_orgs = {p.organisation for p in doc.participants if p.organisation}
    fmt = doc.meeting.format if doc.meeting and doc.is_meeting else None
    missing = sorted((countries | {"USA"}) - got_countries)
    if organisations and not got_orgs and not countries:
        missing.append("ORG")
    surnames = [_surname(p.name) for p in doc.participants if p.name]
    if len(set(surnames)) < len(surnames):
        missing.append("TWICE")  # one person under two countries
    ok = doc.is_meeting and not missing and (want_format is None or fmt == want_format) \
        and len(got_countries | got_orgs) >= 2
    return {"path": path, "kind": kind, "title": title, "ok": ok, "meeting": doc.is_meeting,
            "format": fmt, "want": want_format, "missing": missing,
            "date": doc.meeting.date if doc.meeting else None,
            "city": doc.meeting.city if doc.meeting else None,
            "participants": [f"{p.name} ({p.country or p.organisation})" for p in doc.participants]}


def measure_whitehouse(folder: str, exclude: str | None, verbose: bool) -> None:
    totals: Counter = Counter()
    right: Counter = Counter()
    for path in pages(folder, exclude):
        result = judge(path)
        kind = result["kind"]
        if kind is None:
            continue
        totals[kind] += 1
        right[kind] += result["ok"]
        if verbose and not result["ok"]:
            print(f"MISS [{kind}] {path.name}\n  meeting={result['meeting']} format={result['format']} "
                  f"want={result['want']} missing={result['missing']} date={result['date']} "
                  f"city={result['city']}\n  {result['participants']}")
    for kind in sorted(totals):
        print(f"{kind:20} {right[kind]:4} / {totals[kind]:4}  {right[kind] / totals[kind]:.1%}")
    core = ("call readout", "meeting readout", "bilateral remarks", "joint statement")
    n, r = sum(totals[k] for k in core), sum(right[k] for k in core)
    print(f"{'readouts+remarks+joint':20} {r:4} / {n:4}  {r / max(n, 1):.1%}")


def measure_kremlin(folder: str, exclude: str | None) -> None:
    from kg.building.builder import build_transcripts
    from kg.inputs.reader import read_all
    from kg.store.stats import store_stats
    from kg.store.factory import open_store

    paths = [str(p) for p in pages(folder, exclude)]
    with open_store("memory") as store:
        result = build_transcripts(read_all(paths), store, total=len(paths), jobs=4)
        stats = store_stats(store)["totals"]
        undated = next(iter(store.query(
            "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a irkg:Transcript "
            "FILTER NOT EXISTS { ?t irkg:published ?d } }")))["n"].value
        meetings_undated = next(iter(store.query(
            "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a irkg:Meeting "
            "FILTER NOT EXISTS { ?m irkg:date ?d } }")))["n"].value
        two_formats = next(iter(store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT ?m WHERE { ?m irkg:meetingFormat ?f } "
            "GROUP BY ?m HAVING (COUNT(DISTINCT ?f) > 1) }")))["n"].value
    print(f"pages {len(paths)}; build: {result.summary()}")
    print(f"stats: transcripts {stats['transcripts']}, meetings {stats['meetings']}")
    print(f"transcripts without a published date {undated}; meetings without a date {meetings_undated}; "
          f"meetings with two formats {two_formats}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", choices=("whitehouse", "kremlin"))
    parser.add_argument("folder")
    parser.add_argument("--exclude", help="file listing pages to skip (a sealed test split)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each miss")
    args = parser.parse_args(argv)
    if args.corpus == "whitehouse":
        measure_whitehouse(args.folder, args.exclude, args.verbose)
    else:
        measure_kremlin(args.folder, args.exclude)


if __name__ == "__main__":
    sys.exit(main())
