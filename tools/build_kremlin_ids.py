"""Regenerate kg/data/kremlin_ids.tsv: the publication date of kremlin.ru news pages by page number.

Usage: ``python tools/build_kremlin_ids.py KREMLIN_NEWS_DIR``

kremlin.ru numbers its news pages in the order it publishes them
(``/events/president/news/17151`` went up on December 17, 2012, the next
number a day later).  A page that lost its dateline ("On December 18, Vladimir
Putin will meet ...", no year anywhere) still has its number, so the dated
pages numbered just before and after it bound the day it went up
(:mod:`kg.inputs.kremlin_ids`).  This script reads KREMLIN_NEWS_DIR (the
pages and the ``INDEX.json`` that gives each page's URL), takes each page's
dateline as the parser reads it (:func:`kg.formats.header.header_date`) and
writes ``number<TAB>date`` for every dated page, sorted by number.

The sealed test split is left out: a page of any of its folders
(:func:`kg.learn.corpus.split_folders`, matched by its text, whatever its file
name) gives no row, so the table never holds the date of a page that scores are reported on.
The dates are facts from kremlin.ru pages (CC BY 4.0, "President of Russia,
kremlin.ru"); see kg/data/LICENSES.md.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.formats.header import header_date  # noqa: E402
from kg.inputs.kremlin_ids import TABLE, page_number  # noqa: E402
from kg.inputs.sources import sidecar_url  # noqa: E402
from kg.learn.corpus import split_folders  # noqa: E402


def _digest(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def sealed_digests() -> set[str]:
    """The texts of the sealed test split, as digests: only to leave those pages out."""
    return {_digest(path.read_text(encoding="utf-8")) for folder in split_folders(ROOT, "test")
            for path in sorted(folder.glob("*.txt"))}


def dated_pages(corpus: Path, leave_out: set[str]) -> dict[int, str]:
    """Page number -> dateline date for every dated page of ``corpus`` not left out."""
    found: dict[int, str] = {}
    for path in sorted(corpus.glob("*.txt")):
        number = page_number(sidecar_url(str(path)))
        text = path.read_text(encoding="utf-8")
        if number is None or _digest(text) in leave_out:
            continue
        date = header_date(text)
        if date:
            found[number] = date
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="the kremlin-news folder (pages and INDEX.json)")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "kg" / "data" / TABLE)
    args = parser.parse_args()
    if not (args.corpus / "INDEX.json").is_file():
        print(f"build_kremlin_ids: {args.corpus}: no INDEX.json (page URLs) in this folder", file=sys.stderr)
        return 2
    found = dated_pages(args.corpus, sealed_digests())
    rows = ["number\tdate"] + [f"{number}\t{found[number]}" for number in sorted(found)]
    args.output.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(found)} dated pages -> {args.output.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
