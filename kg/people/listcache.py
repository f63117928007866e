"""The people lists as a build worker needs them, kept in the load cache so that it need not read and index them.

A worker reads the leaders' and office-holders' lists before its first page
(:mod:`kg.building.warm`): two TSV files of 2.7 MB split into 25,000 tenures,
with the folded-name index of their 17,000 spellings.  That took 0.14 CPU-s
of a worker's 0.5 s loading, the critical path of a one-page incremental
build.  The finished index (:meth:`LeaderIndex.state`: tuples, lists, dicts
and sets) is kept by :mod:`kg.loadcache` under a key of both files' bytes
and of the source of the code that reads, folds and indexes them, so any
edit to the lists or that code makes it again; a stale, damaged or missing
cache costs the usual reading, never a different index.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from kg import loadcache
from kg.people import leaderdata, nameindex, namekey
from kg.people.leaderdata import LeaderIndex

#: the modules whose code decides the index made of the lists' bytes (the gazetteer reads the TSV files)
_CODE = (leaderdata, nameindex, namekey)


def people_list(name: str, files: tuple[Path, ...], make: Callable[[], LeaderIndex],
                reader: Path) -> LeaderIndex:
    """``make()``'s index of the list in ``files``, kept as ``name`` (``reader``: the module that reads
    the files, whose code goes in the key too).  Without a cache or a readable file: ``make()`` as is."""
    if loadcache.cache_dir() is None:  # not even the files read for a key
        return make()
    try:
        parts = [path.read_bytes() for path in (*files, reader, *(Path(m.__file__) for m in _CODE))]
    except (OSError, TypeError):  # a file the reading will report, or code without its source
        return make()
    key = loadcache.key_of("people list", unicodedata.unidata_version, *(p.name for p in files), *parts)
    return loadcache.kept(name, key, make, LeaderIndex.state, LeaderIndex.from_state)
