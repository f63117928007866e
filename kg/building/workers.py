"""Maps a function over a stream in worker processes, a bounded number of items in flight.

A build reads thousands of pages but must hold only a handful at a time: the
writer takes results in input order, and no more than ``window`` items are
sent out before the oldest result comes back.  (``Pool.imap`` has no such
bound: its result queue grows whenever workers outrun the writer, and the
memory of a build with it grew with the corpus.)
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def window_for(jobs: int) -> int:
    """Items in flight for ``jobs`` workers: enough that none waits for work, few enough to stay small."""
    return 4 * jobs


def process_map(func: Callable[[T], R], items: Iterable[T], jobs: int, *,
                initializer: Callable[..., Any] | None = None, initargs: tuple = (),
                window: int | None = None) -> Iterator[R]:
    """``map(func, items)`` in ``jobs`` processes, in order, with at most ``window`` items out at once.

    ``func`` and the items must pickle.  An exception raised by ``func``
    comes back from the item that raised it, and the workers are stopped.
    """
    window = window or window_for(jobs)
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(jobs, initializer, initargs) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.apply_async(func, (item,)))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def dask_map(func: Callable[[T], R], items: Iterable[T], scheduler: Any, *,
             window: int | None = None) -> Iterator[R]:
    """``map(func, items)`` on a Dask cluster, in order, with at most ``window`` items out at once.

    ``scheduler`` is the address of a running scheduler (``tcp://HOST:PORT``)
    or a cluster object.  The workers need irkg installed, the same version,
    since ``func`` is sent by reference.  The default window is four items per
    worker thread, so no worker waits while this process writes.
    """
    try:
        from distributed import Client
    except ImportError as error:
        from kg.errors import KgError

        raise KgError("--executor dask needs dask.distributed: pip install 'irkg[dask]'") from error
    with Client(scheduler, set_as_default=False) as client:
        window = window or window_for(max(1, sum(client.nthreads().values())))
        pending: deque = deque()
        for item in items:
            pending.append(client.submit(func, item, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
