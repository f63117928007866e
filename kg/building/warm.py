"""Loads, before a worker's first page, what extraction otherwise loads at its first use.

The extractors load their data lazily (the reader model, the gazetteer's
patterns, the lists of leaders and office-holders), which suits a one-page
``kg extract``.  A build worker needs nearly all of it for any batch of pages,
and measured at the start of an incremental build that loading took as long as
extracting 100 pages.  Loading it in one go lets the worker do it with
Python's cyclic garbage collector off, then move everything it loaded into
the permanent generation (:func:`gc.freeze`): the collections that ran again
and again over the growing tables while they loaded, and later over tables
that live as long as the process, took up to a third of a worker's time
(100 long pages in one process: 1.3 s with the collector off, 1.9-2.2 s on).
What a worker made at its first page instead (the reader's joined rows, the
check's compiled shapes: 0.1 CPU-s) is made here too, before the other workers
are forked from this one, so that they do not each make it again.
Nothing here changes what any extractor returns.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def load_extractors(pipeline: Sequence[str]) -> None:
    """Imports the components of ``pipeline`` and loads the data they read at first use."""
    from kg.extract.pipeline import component
    from kg.people.gazetteer import default_gazetteer

    for name in pipeline:
        component(name)
    gazetteer = default_gazetteer()
    gazetteer.find_countries("")
    gazetteer.find_organisations("")
    gazetteer.city("")
    gazetteer.leaders().index_names()  # asked on every page
    gazetteer.officeholders().index_names()  # asked for a foreign guest the leaders' list lacks: 1 page in 25
    if any(name.endswith("-model") for name in pipeline):
        from kg.extract.learned import shipped_reader

        reader = shipped_reader()
        reader.scores([])  # and its joined rows, made at the first sentence scored (0.06 CPU-s)
        reader.heads  # the word pairs its triples start with, asked at the first page (0.02 CPU-s)
        reader.word_tables  # its rows keyed by words, for the sentences it passes over (0.04 CPU-s)


def warm_up(pipeline: Sequence[str], make: Callable[[], T]) -> T:
    """:func:`load_extractors` and ``make()`` (a worker's set-up, its graph check made there) with the
    collector off; then everything the process holds is frozen, so later collections walk only what its
    pages make.  For a process that extracts until it ends: a build worker."""
    from kg.loadcache import regex_programs

    enabled = gc.isenabled()
    gc.disable()
    try:
        with regex_programs("worker-regex-programs"):  # some 370 patterns' compiling: 0.06 CPU-s
            load_extractors(pipeline)
            return make()
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
