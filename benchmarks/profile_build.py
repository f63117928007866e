"""Where a build spends its time: cProfile over an in-process build of a sample of pages.

    python benchmarks/profile_build.py [--corpus DIR] [--pages 300] [--exclude LIST] [--out NAME]

The sample is every k-th page of the sorted corpus (k chosen so ``--pages``
fit), less the files ``--exclude`` lists (one path a line, as a test split is
written), built with ``-j 1`` into a memory store so that every function runs
in this process.  NAME.md gets the top functions by own time and by
cumulative time; NAME.prof keeps the whole profile for ``snakeviz`` or ``pstats``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "kremlin-news"


def sample(corpus: Path, pages: int, exclude: Path | None) -> list[Path]:
    """Every k-th page of the corpus, the excluded ones left out first."""
    excluded = set()
    if exclude:
        excluded = {line.strip().rsplit("/", 1)[-1] for line in exclude.read_text().splitlines() if line.strip()}
    files = [p for p in sorted(corpus.glob("*.txt")) if p.name not in excluded]
    step = max(1, len(files) // pages)
    return files[::step][:pages]


STDLIB = sysconfig.get_paths()["stdlib"]


def top(stats: pstats.Stats, key: str, count: int) -> list[dict]:
    """The ``count`` heaviest functions by ``key`` ('tottime' or 'cumtime')."""
    rows = []
    for (filename, line, name), (calls, _, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = filename.replace(str(ROOT) + "/", "").replace(STDLIB + "/", "<python>/")  # no machine paths
        if "site-packages/" in where:
            where = where.split("site-packages/", 1)[1]
        rows.append({"function": f"{where}:{line}({name})", "calls": calls, "tottime": own, "cumtime": cumulative})
    rows.sort(key=lambda r: -r[key])
    return rows[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--exclude", type=Path, help="a file listing pages to leave out")
    parser.add_argument("--reader", default="model", choices=("model", "rules"))
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out", help="write OUT.md and OUT.prof")
    args = parser.parse_args(argv)
    pages = sample(args.corpus, args.pages, args.exclude)
    with tempfile.TemporaryDirectory() as folder:
        for page in pages:
            (Path(folder) / page.name).symlink_to(page.resolve())
        from kg.cli import main as kg_main

        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.runcall(kg_main, ["build", folder, "--store", "memory", "-j", "1", "-q", "--reader", args.reader])
        seconds = time.perf_counter() - started
    stats = pstats.Stats(profile, stream=io.StringIO())
    lines = [f"# Profile of a build of {len(pages)} pages ({args.reader} reader, -j 1, memory store)", "",
             f"{seconds:.1f} s under cProfile (which slows Python code about twofold); "
             f"{stats.total_tt:.1f} s of profiled time.", ""]  # type: ignore[attr-defined]
    for key, title in (("tottime", "own time"), ("cumtime", "cumulative time")):
        lines += [f"## Top {args.top} by {title}", "", "| function | calls | own s | cumulative s |", "|---|---|---|---|"]
        lines += [f"| `{r['function']}` | {r['calls']} | {r['tottime']:.2f} | {r['cumtime']:.2f} |"
                  for r in top(stats, key, args.top)]
        lines.append("")
    text = "\n".join(lines)
    print(text)
    if args.out:
        Path(args.out + ".md").write_text(text, encoding="utf-8")
        profile.dump_stats(args.out + ".prof")
    return 0


if __name__ == "__main__":
    sys.exit(main())
