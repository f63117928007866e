"""Draw the pages of the annotated corpus: a seeded, stratified random sample.

Why a script: the sample must be reproducible by anyone with the two source
corpora, and the way it was drawn belongs in the data card. The draw reads only
titles and datelines (never extractor output), so the sample cannot lean
towards pages the extractor reads well.

kremlin.ru news (two thirds): strata are (period of the page, world region of
the first foreign country named in its title; "none" when the title names none).
Pages whose title names a foreign country get 85% of the draw, spread over their
strata in proportion to size; the other 15% are drawn from the "none" pages
(greetings, domestic meetings, speeches): they stay in so that the reader learns
that most such pages hold no commitments.

whitehouse.gov (one third): strata are (kind of page, year); kinds are readouts,
remarks and joint statements.

Pages already in an annotated set (same sha256) are left out. Output: a JSON
manifest in random order, so any prefix of it is itself a random sample.

    python tools/sample_annotation.py --shared ../shared -o data/annotated/SAMPLE.json
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import defaultdict
from pathlib import Path

SEED = 20261129
_drawn_before: set[str] = set()  # sha256 of pages an earlier sample already holds
_ids_before: set[str] = set()  # their ids, which a new draw must not reuse
PERIODS = [(2000, 2004), (2005, 2009), (2010, 2014), (2015, 2020)]
DATE_RE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|"
                     r"October|November|December) \d{1,2}, (\d{4})")


def _regions(shared: Path) -> dict[str, str]:
    regions = {}
    for line in (shared / "data/countries/rigour_territories.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        if record.get("alpha3") and record.get("region"):
            regions[record["alpha3"].upper()] = record["region"]
    return regions


MEETING_TITLE = re.compile(r"\b(?:talks|met|meets|meeting|telephone|phone|conversation|statements?|"
                           r"news conference|press conference|visit|summit)\b", re.I)


def _known_hashes(repo: Path) -> set[str]:
    hashes = set(_drawn_before)
    for path in (repo / "tests/data").glob("*/*.txt"):  # the older sets; earlier draws come by --exclude
        hashes.add(hashlib.sha256(path.read_bytes()).hexdigest())
    return hashes


def _allocate(strata: dict, total: int, rng: random.Random) -> list:
    """Proportional allocation with largest remainders, then a seeded draw per stratum."""
    size = sum(len(v) for v in strata.values())
    quotas = {k: total * len(v) / size for k, v in strata.items()}
    counts = {k: int(q) for k, q in quotas.items()}
    for k in sorted(quotas, key=lambda k: (counts[k] - quotas[k], str(k)))[: total - sum(counts.values())]:
        counts[k] += 1
    picked = []
    for key in sorted(strata, key=str):
        members = sorted(strata[key])
        picked += rng.sample(members, min(counts[key], len(members)))
    return picked


def kremlin_pages(shared: Path, repo: Path, total: int, rng: random.Random,
                  meetings_only: bool = False, foreign_only: bool = False,
                  text_mentions: int = 0, max_words: int = 0) -> list[dict]:
    """The kremlin.ru part of a draw. ``text_mentions`` > 0 keeps only pages whose title names no
    foreign country but whose text names foreign countries that many times, and ``max_words`` > 0
    only pages that short: the tenth draw, from pages a title alone does not show to be foreign."""
    from kg.people.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    regions = _regions(shared)
    known = _known_hashes(repo)
    folder = shared / "corpus/kremlin-news"
    index = {f["file"]: f for f in json.loads((folder / "INDEX.json").read_text("utf-8"))["files"]}
    foreign, none = defaultdict(list), defaultdict(list)
    for name, entry in sorted(index.items()):
        if entry["sha256"] in known:
            continue
        text = (folder / name).read_text("utf-8")
        title = text.split("\n", 1)[0]
        year_match = DATE_RE.search(text[:400])
        if not year_match:
            continue
        year = int(year_match.group(1))
        period = next((f"{a}-{b}" for a, b in PERIODS if a <= year <= b), None)
        if period is None:
            continue
        codes = [m.code for m in gazetteer.find_countries(title) if m.code != "RUS"]
        if meetings_only and not (codes and MEETING_TITLE.search(title)):
            continue
        if text_mentions and (codes or max_words and len(text.split()) > max_words or sum(
                1 for m in gazetteer.find_countries(text) if m.code != "RUS") < text_mentions):
            continue
        record = {"source": "kremlin-news", "file": name, "url": entry["url"], "sha256": entry["sha256"],
                  "year": year, "title": title}
        if codes:
            region = regions.get(codes[0], "other")
            foreign[(period, region)].append(json.dumps(record, sort_keys=True))
        else:
            none[(period, "none")].append(json.dumps(record, sort_keys=True))
    n_foreign = total if meetings_only or foreign_only else 0 if text_mentions else round(total * 0.85)
    picked = _allocate(foreign, n_foreign, rng) + _allocate(none, total - n_foreign, rng)
    return [json.loads(p) for p in picked]


def _wh_kind(name: str) -> str:
    if "readout" in name:
        return "readout"
    if "joint" in name and "statement" in name or "declaration" in name:
        return "joint-statement"
    if name.split("-", 3)[-1].startswith("remarks"):
        return "remarks"
    return "other"


def whitehouse_pages(shared: Path, repo: Path, total: int, rng: random.Random) -> list[dict]:
    known = _known_hashes(repo)
    folder = shared / "corpus/whitehouse"
    strata = defaultdict(list)
    for entry in json.loads((folder / "SOURCES.json").read_text("utf-8")):
        text_file = folder / f"{entry['name']}.txt"
        # Earlier draws record the hash of the text annotated, not SOURCES.json's hash of the page as
        # published: compare that one, or a page already drawn is drawn again (it was, in draws 3-6).
        if not text_file.exists() or hashlib.sha256(text_file.read_bytes()).hexdigest() in known:
            continue
        kind = _wh_kind(entry["name"])
        record = {"source": "whitehouse", "file": f"{entry['name']}.txt", "url": entry["url"],
                  "sha256": entry["sha256"], "year": int(entry["name"][:4]), "kind": kind}
        strata[(kind, entry["name"][:4])].append(json.dumps(record, sort_keys=True))
    picked = [json.loads(p) for p in _allocate(strata, total, rng)]
    for page in picked:  # SOURCES.json hashes the page as published; record the hash of the text annotated
        page["sha256"] = hashlib.sha256((folder / page["file"]).read_bytes()).hexdigest()
    return picked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--kremlin", type=int, default=380)
    parser.add_argument("--whitehouse", type=int, default=190)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("-o", "--output", type=Path, default=Path("data/annotated/SAMPLE.json"))
    parser.add_argument("--meetings-only", action="store_true",
                        help="kremlin.ru pages only when the title names a foreign country and a meeting, "
                             "talks, call, statements or visit (a second draw, richer in commitments)")
    parser.add_argument("--foreign-titles", action="store_true",
                        help="kremlin.ru pages only when the title names a foreign country, meeting or not "
                             "(messages, visits, interviews: the eighth draw, once the meeting pages ran out)")
    parser.add_argument("--text-mentions", type=int, default=0, metavar="N",
                        help="kremlin.ru pages whose title names no foreign country but whose text names "
                             "foreign countries at least N times (the tenth draw)")
    parser.add_argument("--max-words", type=int, default=0, metavar="N",
                        help="with --text-mentions: only pages of at most N words")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a manifest of an earlier draw whose pages are left out")
    args = parser.parse_args()
    repo = Path(__file__).resolve().parent.parent
    for manifest in args.exclude:
        earlier = json.loads(manifest.read_text("utf-8"))["pages"]
        _drawn_before.update(p["sha256"] for p in earlier)
        _ids_before.update(p["id"] for p in earlier)
    rng = random.Random(args.seed)
    pages = kremlin_pages(args.shared, repo, args.kremlin, rng, args.meetings_only,
                          args.foreign_titles, args.text_mentions, args.max_words) + \
        whitehouse_pages(args.shared, repo, args.whitehouse, rng)
    rng.shuffle(pages)
    seen: set[str] = set(_ids_before)
    for page in pages:
        stem = page["file"].removesuffix(".txt")
        page["id"] = f"kremlin-news-{stem}" if page["source"] == "kremlin-news" else f"whitehouse-{stem[:80]}"
        if page["id"] in seen:  # two long White House names cut to the same prefix
            page["id"] += "-" + page["sha256"][:6]
        seen.add(page["id"])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"seed": args.seed, "pages": pages}, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
