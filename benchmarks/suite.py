"""The performance suite of issue 14: every figure a median, and a ratio to a bare pass in the same run.

    python benchmarks/suite.py [--corpus DIR] [--runs 3] [--out benchmarks/results/NAME]

The bare pass reads every page of the corpus and counts its words, in this
process: the floor any build pays.  Before each timed command the bare pass
runs again, and the command's ratio is taken to that pass, so a machine busy
with other work slows both and the ratio stays put; the tables give the
median of the per-run ratios.  Commands run as ``kg`` does (a fresh process,
the real CLI) through ``benchmarks/_child.py``, which also records the peak
resident memory of the writer process and of its largest worker.

Sections (``--only`` picks some): ``build`` (default, ``-j 1``, ``-j 2``,
``--no-validate``, ``--reader rules``), ``incremental`` (nothing changed, one
page changed, 100 pages added), ``startup`` (``kg --help``, ``kg query``),
``validate`` (``kg validate`` on the full store), ``memory`` (peak RSS of a
default build of the first 1k, 2k, 4k pages and of all of them), ``shards``
(``kg build --out nquads DIR`` against the default build into a store, on the
same pages, and its peak RSS on the first 1k pages).

Results go to NAME.json and NAME.md.  To measure another checkout without
installing it, put it first on the path: ``PYTHONPATH=/tmp/old python benchmarks/suite.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "_child.py"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "kremlin-news"
SECTIONS = ("build", "incremental", "startup", "validate", "memory", "shards")
STORE_BUILD, SHARDS_BUILD = "build, default (model reader, SHACL on)", "build, --out nquads (shards, no store)"


def bare_pass(paths: list[Path]) -> tuple[float, int]:
    """Seconds to read every file and count its words, and the word count (so the work is not skipped)."""
    started = time.perf_counter()
    words = 0
    for path in paths:
        words += len(path.read_bytes().decode("utf-8", "replace").split())
    return time.perf_counter() - started, words


def corpus_name(corpus: str | Path) -> str:
    """How results name a corpus: relative to the checkout when it lies beside it (``../shared/corpus/…``),
    else by its folder's name alone, so that no path of this machine goes into committed results."""
    path = Path(os.path.abspath(corpus))  # not resolved: a corpus linked in beside the checkout stays beside it
    return os.path.relpath(path, ROOT) if path.is_relative_to(ROOT.parent) else path.name


def link_folder(folder: Path, paths: list[Path]) -> Path:
    """A folder of symbolic links to ``paths``: a corpus subset to build without copying pages.

    The index files beside the pages (``INDEX.json``, ``SOURCES.json``) are linked too: they give
    each page its URL, and a page read without one skips work a real build does (its licence, its
    kremlin.ru page-number date), which would flatter the timing.
    """
    from kg.inputs.sources import INDEX_NAMES

    folder.mkdir(parents=True, exist_ok=True)
    sources = {path.resolve().parent for path in paths}
    for path in [*paths, *(source / name for source in sorted(sources) for name in INDEX_NAMES)]:
        target = folder / path.name
        if path.exists() and not target.exists():
            target.symlink_to(path.resolve())
    return folder


class Suite:
    """Runs commands against the bare pass and keeps every measurement."""

    def __init__(self, paths: list[Path], work: Path, runs: int) -> None:
        self.paths, self.work, self.runs = paths, work, runs
        self.rows: dict[str, dict] = {}
        self.bare: list[float] = []

    def bare_seconds(self) -> float:
        seconds, _ = bare_pass(self.paths)
        self.bare.append(seconds)
        return seconds

    def command(self, argv: list[str], script: bool = False) -> dict:
        """One run of ``kg ARGV`` in a fresh process: wall seconds, exit code, peak RSS."""
        result = self.work / "child.json"
        result.unlink(missing_ok=True)
        if script:  # the installed console script, as a user starts it (no wrapper imports)
            cmd = [str(Path(sys.executable).with_name("kg")), *argv]
        else:
            cmd = [sys.executable, str(CHILD), str(result), *argv]
        started = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - started
        out = {"seconds": seconds, "code": done.returncode}
        if result.exists():
            out.update(json.loads(result.read_text()))
        if out.get("code", done.returncode) not in (0, 1):
            raise RuntimeError(f"kg {' '.join(argv)} failed: {done.stderr[-2000:]}")
        return out

    def measure(self, name: str, argv, runs: int | None = None, setup=None, script: bool = False) -> dict:
        """Median over runs of ``kg ARGV`` (``argv`` may be a function of the run number), with ratios."""
        samples = []
        for run in range(runs or self.runs):
            if setup:
                setup(run)
            bare = self.bare_seconds()
            sample = self.command(argv(run) if callable(argv) else argv, script)
            sample["ratio"] = sample["seconds"] / bare
            samples.append(sample)
        row = {"runs": len(samples),
               "seconds": statistics.median(s["seconds"] for s in samples),
               "ratio": statistics.median(s["ratio"] for s in samples),
               "codes": sorted({s.get("code") for s in samples})}
        for key in ("rss_mb", "worker_rss_mb"):
            if all(key in s for s in samples):
                row[key] = statistics.median(s[key] for s in samples)
        self.rows[name] = row
        print(f"{name:<34} {row['seconds']:8.2f} s {row['ratio']:9.1f}x"
              + (f"  rss {row['rss_mb']:.0f} MB (worker {row['worker_rss_mb']:.0f})" if "rss_mb" in row else ""),
              file=sys.stderr)
        return row


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    return path


def run_suite(args: argparse.Namespace) -> dict:
    corpus = sorted(p for p in Path(args.corpus).iterdir() if p.suffix in (".txt", ".html", ".htm"))
    if args.limit:
        corpus = corpus[: args.limit]
    work = Path(tempfile.mkdtemp(prefix="irkg-bench-", dir=args.workdir))
    suite = Suite(corpus, work, args.runs)
    sections = set(args.only or SECTIONS)
    # the whole corpus as links, but the last page a real copy, so one page can be changed
    pages = link_folder(work / "pages", corpus[:-1])
    changed_page = pages / corpus[-1].name
    shutil.copyfile(corpus[-1], changed_page)
    full_store = work / "full-store"
    try:
        for _ in range(max(3, args.runs)):
            suite.bare_seconds()
        if "build" in sections or {"incremental", "startup", "validate"} & sections:
            builds = {"build, default (model reader, SHACL on)": [],
                      "build, -j 1": ["-j", "1"],
                      "build, -j 2": ["-j", "2"],
                      "build, --no-validate": ["--no-validate"],
                      "build, --reader rules": ["--reader", "rules"]}
            if "build" not in sections:
                builds = dict(list(builds.items())[:1])
            elif args.builds:  # the default build always: later sections read its store
                keys = dict(zip(("default", "j1", "j2", "no-validate", "rules"), builds))
                builds = {name: builds[name] for key, name in keys.items() if key == "default" or key in args.builds}
            for number, (name, extra) in enumerate(builds.items()):
                suite.measure(name, ["build", str(pages), "--store", str(fresh(work / "store")), "-q", *extra],
                              setup=lambda run: fresh(work / "store"))
                if number == 0:  # the default build's store is the one the later sections read
                    shutil.copytree(work / "store", fresh(full_store))
        if "incremental" in sections:
            incremental(suite, work, pages, changed_page, full_store, corpus)
        if "startup" in sections:
            suite.measure("start-up, kg --help", ["--help"], runs=args.startup_runs, script=True)
            suite.measure("start-up, kg query (one ASK)", ["query", "-e", "ASK { ?s ?p ?o }", "--store",
                                                           str(full_store)], runs=args.startup_runs, script=True)
        if "validate" in sections:
            suite.measure("kg validate (full store)", ["validate", "--store", str(full_store), "-f", "json"])
        if "memory" in sections:
            default = suite.rows.get("build, default (model reader, SHACL on)")
            for size in dict.fromkeys([*args.sizes, len(corpus)]):  # every page once, when a size given is all
                if size > len(corpus):
                    continue
                if size == len(corpus) and default and "rss_mb" in default:
                    suite.rows[f"memory, build of {size} pages"] = dict(default, runs=default["runs"])
                    continue  # the default builds above are builds of every page
                folder = link_folder(work / f"first-{size}", corpus[:size])
                suite.measure(f"memory, build of {size} pages", ["build", str(folder), "--store",
                                                                 str(fresh(work / "mem-store")), "-q"],
                              runs=1, setup=lambda run: fresh(work / "mem-store"))
        if "shards" in sections:
            shards(suite, work, pages, corpus, args.sizes)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    bare = statistics.median(suite.bare)
    return {"derived": derived(suite.rows, len(corpus), args.sizes), "corpus": corpus_name(args.corpus),
            "pages": len(corpus), "runs": args.runs,
            "bare_pass_seconds": bare, "bare_pass_runs": len(suite.bare),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                        "load_average_at_end": os.getloadavg()},
            "date": time.strftime("%Y-%m-%d %H:%M"), "label": args.label, "rows": suite.rows}


def incremental(suite: Suite, work: Path, pages: Path, changed_page: Path, full_store: Path,
                corpus: list[Path]) -> None:
    """No change, one page changed, 100 pages added: each on a copy of a store built before."""
    store = work / "inc-store"

    def copy_of(source: Path):
        return lambda run: (fresh(store), shutil.copytree(source, store))

    build = ["build", str(pages), "--store", str(store), "-q"]
    suite.measure("rebuild, nothing changed", build, setup=copy_of(full_store))
    original = changed_page.read_bytes()
    changed_page.write_bytes(original + b"\n(This page was edited for the benchmark.)\n")
    try:
        suite.measure("rebuild, 1 page changed", build, setup=copy_of(full_store))
    finally:
        changed_page.write_bytes(original)
    added = corpus[-101:-1]
    grown = link_folder(work / "grown", [p for p in corpus[:-1] if p not in set(added)])
    base = fresh(work / "base-store")
    suite.command(["build", str(grown), "--store", str(base), "-q"])
    link_folder(grown, added)
    suite.measure("rebuild, 100 pages added", ["build", str(grown), "--store", str(store), "-q"],
                  setup=copy_of(base))


def shards(suite: Suite, work: Path, pages: Path, corpus: list[Path], sizes: list[int]) -> None:
    """A build into N-Quads shards against the default build into a store, on the same pages."""
    if STORE_BUILD not in suite.rows:
        suite.measure(STORE_BUILD, ["build", str(pages), "--store", str(fresh(work / "store")), "-q"],
                      setup=lambda run: fresh(work / "store"))
    suite.measure(SHARDS_BUILD, ["build", str(pages), "--out", "nquads", str(fresh(work / "shards")), "-q"],
                  setup=lambda run: fresh(work / "shards"))
    small = min(sizes) if sizes else 0
    if 0 < small < len(corpus):
        folder = link_folder(work / f"first-{small}", corpus[:small])
        suite.measure(f"{SHARDS_BUILD}, first {small} pages",
                      ["build", str(folder), "--out", "nquads", str(fresh(work / "small-shards")), "-q"],
                      runs=1, setup=lambda run: fresh(work / "small-shards"))


def derived(rows: dict[str, dict], pages: int, sizes: list[int]) -> dict[str, float]:
    """The figures the issue's targets are stated in, from the rows measured."""
    def seconds(name: str) -> float | None:
        return rows[name]["seconds"] if name in rows else None

    out = {}
    full = seconds(STORE_BUILD)
    rules = seconds("build, --reader rules")
    if full and rules:
        out["build time, model reader / rules reader"] = full / rules
    added = seconds("rebuild, 100 pages added")
    if full and added:
        out["100 pages added / full default build"] = added / full
    if "rebuild, nothing changed" in rows:
        out["nothing changed / bare pass"] = rows["rebuild, nothing changed"]["ratio"]
    small = rows.get(f"memory, build of {min(sizes)} pages", {}).get("rss_mb") if sizes else None
    large = rows.get(f"memory, build of {pages} pages", {}).get("rss_mb")
    if small and large:
        out[f"peak RSS of the writer, {pages} / {min(sizes)} pages"] = large / small
    validate = seconds("kg validate (full store)")
    if full and validate:
        out["kg validate / full default build"] = validate / full
    sharded = seconds(SHARDS_BUILD)
    if full and sharded:
        out["build into shards / build into a store"] = sharded / full
    small = rows.get(f"{SHARDS_BUILD}, first {min(sizes)} pages", {}).get("rss_mb") if sizes else None
    if small and "rss_mb" in rows.get(SHARDS_BUILD, {}):
        out[f"peak RSS of the writer into shards, {pages} / {min(sizes)} pages"] = rows[SHARDS_BUILD]["rss_mb"] / small
    return out


def to_markdown(report: dict) -> str:
    lines = [f"# Benchmarks: {report['label'] or 'run'} ({report['date']})", "",
             f"{report['pages']} pages of `{Path(report['corpus']).name}`; bare pass (read every page, "
             f"count words) {report['bare_pass_seconds']:.3f} s, median of {report['bare_pass_runs']}. "
             f"Each row: median of its runs; ratio = the command's wall time over the bare pass run just "
             f"before it. {report['machine']['cpus']} CPUs, Python {report['machine']['python']}.", "",
             "| what | runs | median s | ratio to bare pass | peak RSS writer MB | peak RSS worker MB |",
             "|---|---|---|---|---|---|"]
    for name, row in report["rows"].items():
        rss = f"{row['rss_mb']:.0f}" if "rss_mb" in row else ""
        worker = f"{row['worker_rss_mb']:.0f}" if row.get("worker_rss_mb") else ""
        lines.append(f"| {name} | {row['runs']} | {row['seconds']:.3f} | {row['ratio']:.1f} | {rss} | {worker} |")
    if report.get("derived"):
        lines += ["", "| derived | value |", "|---|---|"]
        lines += [f"| {name} | {value:.3f} |" for name, value in report["derived"].items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--startup-runs", type=int, default=10)
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1000, 2000, 4000])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (a quick try)")
    parser.add_argument("--only", action="append", choices=SECTIONS)
    parser.add_argument("--builds", type=lambda s: s.split(","),
                        help="of the build section only these: default,j1,j2,no-validate,rules")
    parser.add_argument("--workdir", help="where stores are built (default: the system temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--label", default="")
    parser.add_argument("--out", help="write OUT.json and OUT.md")
    args = parser.parse_args(argv)
    report = run_suite(args)
    text = to_markdown(report)
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out + ".json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        Path(args.out + ".md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
