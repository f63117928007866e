"""Where a build's writer holds its memory: resident set per phase, sampled while ``kg build`` runs here.

    python benchmarks/memory_phases.py OUT.json build PAGES --store STORE -q

Runs the command in this process (the build's writer; its workers are other
processes) with a thread reading the resident set every 20 ms, and labels
each sample with the build step it fell in (the writes and their flushes,
the follow-up linker, the metadata graph and its counts).  Each time the
store lets go of its memory (``OxigraphStore.release_memory``) it also notes
the resident set, the anonymous memory, glibc's heap (in use and free) and
Python's allocated blocks, SQLite's memory, and the resident set of the brk
heap, of other anonymous mappings and of mapped files: what stays after a
reopening, and whether it is Python's, SQLite's, the C heap's, or pages the
heap keeps without using them (Linux and glibc only).  Prints
the lowest and highest resident set per step; OUT.json has every sample.
"""

from __future__ import annotations

import ctypes
import functools
import json
import os
import resource
import sys
import threading
import time

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
STEPS: list[str] = ["start"]
#: (second, step, highest resident set in it): one a second, so the record stays small (one per sample
#: held some 12 MB of Python objects over a 28,900-page build, the very growth being looked for)
SAMPLES: list[list] = []
#: lowest and highest resident set of each step
RANGES: dict[str, list[float]] = {}
RELEASES: list[dict] = []


class _MallInfo(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def _mb(value: float) -> float:
    return round(value / 2**20, 1)


def rss() -> float:
    """The resident set now, in bytes (Linux: ``/proc/self/statm``)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * PAGE_BYTES


def sample() -> None:
    second, step, now = int(time.monotonic()), "/".join(STEPS[-2:]), _mb(rss())
    low, high = RANGES.setdefault(step, [now, now])
    RANGES[step] = [min(low, now), max(high, now)]
    if SAMPLES and SAMPLES[-1][0] == second and SAMPLES[-1][1] == step:
        SAMPLES[-1][2] = max(SAMPLES[-1][2], now)
    else:
        SAMPLES.append([second, step, now])


def _sampler() -> None:
    while True:
        sample()
        time.sleep(0.02)


def labelled(owner: object, name: str) -> None:
    """Wrap ``owner.name`` so the samples taken while it runs carry its name."""
    function = getattr(owner, name)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        STEPS.append(name)
        sample()
        try:
            return function(*args, **kwargs)
        finally:
            sample()
            STEPS.pop()

    setattr(owner, name, wrapper)


def _mapped() -> dict:
    """Resident MB of the brk heap (glibc's main arena), of the other anonymous mappings (mmap'd blocks,
    other arenas, Python's arenas, stacks) and of mapped files (code): which of them a build's floor gains."""
    out = {"brk_heap_mb": 0.0, "anon_maps_mb": 0.0, "file_maps_mb": 0.0}
    name = ""
    with open("/proc/self/smaps", encoding="ascii", errors="replace") as handle:
        for line in handle:
            head = line.split()
            if not head[0].endswith(":"):  # a mapping's first line: range, perms, offset, device, inode[, name]
                name = head[5] if len(head) > 5 else ""
            elif head[0] == "Rss:":
                key = ("brk_heap_mb" if name == "[heap]" else "file_maps_mb" if name.startswith("/")
                       else "anon_maps_mb")
                out[key] += int(head[1]) / 1024
    return {key: round(value, 1) for key, value in out.items()}


def _sqlite_used():
    """SQLite's own count of the memory it holds (the library Python's sqlite3 uses), or None."""
    try:
        library = ctypes.CDLL("libsqlite3.so.0")
    except OSError:
        return None
    library.sqlite3_memory_used.restype = ctypes.c_int64
    return library.sqlite3_memory_used


def _note_release(function):
    libc = ctypes.CDLL(None)
    libc.mallinfo2.restype = _MallInfo
    sqlite = _sqlite_used()

    @functools.wraps(function)
    def wrapper(self, *args):
        released = function(self, *args)
        heap = libc.mallinfo2()
        with open("/proc/self/smaps_rollup", encoding="ascii") as handle:
            rollup = {line.split(":")[0]: int(line.split()[1]) for line in handle.read().splitlines()[1:]}
        RELEASES.append({"step": STEPS[-2], "rss_mb": _mb(rss()),
                         "anonymous_mb": round(rollup.get("Anonymous", 0) / 1024, 1),
                         "heap_in_use_mb": _mb(heap.uordblks), "heap_free_mb": _mb(heap.fordblks),
                         "python_blocks": sys.getallocatedblocks(), "sqlite_mb": sqlite and _mb(sqlite()),
                         **_mapped()})
        return released

    return wrapper


def instrument() -> None:
    import kg.building.builder as builder
    import kg.building.sink as sink
    import kg.store.census as census
    import kg.store.embedded as embedded
    import kg.store.metadata as metadata

    for name in ("_write_reference", "_write_all", "_finish", "_record_build"):
        labelled(builder, name)
    for name in ("flush", "link_followups", "record_build"):
        labelled(sink.StoreSink, name)
    for name in ("contents_of", "add_triples"):
        labelled(metadata, name)
    for name in ("quads", "classes", "licences"):
        labelled(census, name)
    embedded.OxigraphStore.release_memory = _note_release(embedded.OxigraphStore.release_memory)
    labelled(embedded.OxigraphStore, "release_memory")


def main() -> int:
    out, argv = sys.argv[1], sys.argv[2:]
    instrument()
    threading.Thread(target=_sampler, daemon=True).start()
    from kg.cli import main as kg_main

    code = kg_main(argv)
    sample()
    result = {"code": code, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
              "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
              "steps": RANGES, "releases": RELEASES, "samples": SAMPLES}
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    for step, (low, high) in RANGES.items():
        print(f"{step:45s} {low:7.1f} {high:7.1f}")
    print(f"peak RSS writer {result['rss_mb']:.1f} MB, worker {result['worker_rss_mb']:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
