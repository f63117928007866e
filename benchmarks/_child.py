"""Runs one ``kg`` command and records its exit code and peak memory, for benchmarks/suite.py.

    python benchmarks/_child.py RESULT.json kg-arguments...

The peak resident set of this process (the build's writer) and of its
largest worker are read from ``getrusage`` after the command returns, so the
figure is the kernel's high-water mark rather than a sample that could miss
the peak.  Wall time is measured by the caller.
"""

from __future__ import annotations

import json
import resource
import sys


def main() -> int:
    out, argv = sys.argv[1], sys.argv[2:]
    from kg.cli import main as kg_main

    code = kg_main(argv)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"code": code, "rss_mb": own / 1024, "worker_rss_mb": workers / 1024}, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
