"""One ``kg build`` into a fresh store, and whose CPU it took: the writer's main thread, its other threads, the rest.

    python benchmarks/build_cpu.py PAGES STORE [KG-BUILD-OPTIONS...]
    e.g. PYTHONPATH=../main-copy python benchmarks/build_cpu.py build/pages build/store-a

Runs the build in this process and prints one JSON line: wall seconds; the
writer's main thread's CPU (``time.thread_time``: the per-page writes, the
files, the build's tail); its other threads' (the process clock less the main
thread's: RocksDB's flushes, compactions and bulk loads, the queues' feeders);
the children's (the workers, the forked follow-up linker: ``RUSAGE_CHILDREN``)
and the writer's peak resident memory.  On 2 shared cores every CPU-second of
the writer is wall time the workers wait for; alternate two checkouts with
``PYTHONPATH`` for an A/B.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sys
import time


def main(argv: list[str]) -> int:
    pages, store, *options = argv
    shutil.rmtree(store, ignore_errors=True)
    from kg.cli import main as kg_main

    started, process, thread = time.perf_counter(), time.process_time(), time.thread_time()
    code = kg_main(["build", pages, "--store", store, "-q", *options])
    wall = time.perf_counter() - started
    thread = time.thread_time() - thread
    process = time.process_time() - process
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"code": code, "wall": round(wall, 3), "writer_main": round(thread, 3),
                      "writer_other": round(process - thread, 3),
                      "children": round(children.ru_utime + children.ru_stime, 3),
                      "writer_peak_mb": round(peak, 1), "load": round(os.getloadavg()[0], 2)}))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
