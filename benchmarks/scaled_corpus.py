"""Make a corpus N times the size of another: every page copied N times, each copy with its own first line.

Issue 14 asks that a 4x kremlin-news corpus (29k pages) builds and that peak memory stays flat; copies
whose first line (the title) differs are distinct transcripts to irkg (another text, another hash),
while the work per page stays what it is in the real corpus.

    python benchmarks/scaled_corpus.py ../shared/corpus/kremlin-news build/kn-x4 --times 4
    python benchmarks/suite.py --corpus build/kn-x4 --only memory --sizes 1000,7225 --runs 1 --out ...
"""
from __future__ import annotations

import argparse
from pathlib import Path


def scale(source: Path, target: Path, times: int) -> int:
    """Write ``times`` copies of every ``.txt`` page of ``source`` into ``target``; returns the count."""
    target.mkdir(parents=True, exist_ok=True)
    written = 0
    for page in sorted(source.glob("*.txt")):
        title, _, rest = page.read_text(encoding="utf-8").partition("\n")
        for copy in range(times):
            suffix = "" if copy == 0 else f" (copy {copy})"
            (target / f"{page.stem}-{copy}.txt").write_text(f"{title}{suffix}\n{rest}", encoding="utf-8")
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--times", type=int, default=4)
    args = parser.parse_args()
    print(f"{scale(args.source, args.target, args.times)} pages -> {args.target}")


if __name__ == "__main__":
    main()
