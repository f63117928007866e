"""Maps a function over a stream in worker processes, a bounded number of items in flight.

A build reads thousands of pages but must hold only a handful at a time: the
writer takes results in input order, and no more than ``window`` items are
sent out before the oldest result comes back.  (``Pool.imap`` has no such
bound: its result queue grows whenever workers outrun the writer, and the
memory of a build with it grew with the corpus.)

Where processes fork, the workers are not a ``Pool``'s: the first one loads
what the pages need (the initializer) and then forks the others, which start
with it all in memory, shared copy-on-write.  Loading took as long as 100
pages' extraction in each worker of an incremental build (:mod:`kg.building.warm`);
loaded once, it runs on one core while the writer scans the inputs on the other.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.reduction import ForkingPickler
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

    ``func`` and the items must pickle.  An exception raised by ``func`` (or by
    ``initializer``) comes back from the item that raised it, and the workers are
    stopped.  On POSIX the first worker runs ``initializer`` and then forks the
    others (:func:`_first_worker`), so what it loaded is loaded once and shared.
    """
    window = window or window_for(jobs)
    if os.name != "posix":
        yield from _pool_map(func, items, jobs, initializer, initargs, window)
        return
    workers = Workers(func, jobs, initializer, initargs)
    try:
        yield from workers.map(items, window)
    finally:
        workers.stop()  # waits for them to end


class Workers:
    """The worker processes of :func:`process_map`, started before their items are known.

    A build knows it will need workers before it has found its first page to
    give them: started then, the first one loads (its ``initializer``) while the
    build does the rest of its start-up.  POSIX only (the others fork from the first).
    """

    def __init__(self, func: Callable[[T], R], jobs: int, initializer: Callable[..., Any] | None = None,
                 initargs: tuple = ()) -> None:
        context = multiprocessing.get_context("fork")
        self.jobs = jobs
        self.tasks, self.results = context.Queue(), context.Queue()
        self.first = context.Process(target=_first_worker,
                                     args=(func, jobs, initializer, initargs, self.tasks, self.results),
                                     name="irkg-worker-1")
        self.first.start()
        _own_group(self.first.pid)
        _keep_ends(self.tasks, self.results, writer=True)
        self._stopped = False

    def map(self, items: Iterable[T], window: int | None = None) -> Iterator[R]:
        """The results of ``items``, in order (once: the workers end after the last)."""
        window = window or window_for(self.jobs)
        finished = False
        try:
            done: dict[int, tuple[bool, Any]] = {}
            sent = taken = 0
            for item in items:
                self.tasks.put((sent, item))
                sent += 1
                if sent - taken >= window:
                    yield _take(taken, done, self.results, self.first)
                    taken += 1
            while taken < sent:
                yield _take(taken, done, self.results, self.first)
                taken += 1
            finished = sent > 0  # given nothing, they are stopped at once, not waited for to load
        finally:
            self.stop(finished)

    def stop(self, finished: bool = False) -> None:
        """Lets the workers end after the last item, or ends them at once; the second time, waits for
        them to have ended.  A build stops its workers after its last page and waits for them after its
        description (:mod:`kg.building.builder`): their ending took 0.01-0.1 s, which they now spend
        beside the description instead of before it, on the path of a build of a few pages."""
        if not self._stopped:
            self._stopped = True
            _stop(self.first, self.tasks, self.jobs, finished)
        else:
            self.first.join()


def _take(index: int, done: dict[int, tuple[bool, Any]], results: Any, first: Any) -> Any:
    """The result of item ``index``, keeping those that come back before it; an error raised."""
    while index not in done:
        try:
            number, ok, value = results.get(timeout=1.0)
        except queue.Empty:  # the first worker killed from outside would leave this waiting for ever
            if first.exitcode is not None:
                raise RuntimeError(f"a build worker stopped (exit code {first.exitcode}) before its results came back")
            continue
        done[number] = (ok, value)
    ok, value = done.pop(index)
    if not ok:
        raise value
    return ForkingPickler.loads(value)


def _stop(first: Any, tasks: Any, jobs: int, finished: bool) -> None:
    """Lets the workers end after the last item (not waited for), or ends them at once (all of them: one
    process group) and waits for that."""
    if finished:
        for _ in range(jobs):
            tasks.put(None)
    else:
        try:
            os.killpg(first.pid, signal.SIGTERM)
        except OSError:  # the group is gone already
            pass
        first.join()
    tasks.close()
    tasks.cancel_join_thread()


def _keep_ends(tasks: Any, results: Any, *, writer: bool) -> None:
    """Closes the ends of the two queues this side never uses, as ``Pool`` does: with the writer
    the only one holding the tasks' sending end, a killed writer ends the workers' wait at once
    (end of file) instead of leaving them, and the store lock they inherited, behind."""
    for connection in ((tasks._reader, results._writer) if writer else (tasks._writer, results._reader)):
        connection.close()


def _own_group(pid: int) -> None:
    """Puts the first worker in a process group of its own; it does so itself too (whichever comes first),
    so the group exists before it forks the others, and stopping the group stops them all."""
    try:
        os.setpgid(pid, pid)
    except OSError:  # it did so already, or has ended
        pass


def _first_worker(func: Callable, jobs: int, initializer: Callable[..., Any] | None, initargs: tuple,
                  tasks: Any, results: Any) -> None:
    """Runs ``initializer`` once, forks the other ``jobs - 1`` workers from this loaded process
    (copy-on-write: what it loaded is loaded for them too), then works beside them.

    The workers form a process group of their own, so the build can stop them all at once.
    """
    _own_group(os.getpid())
    _keep_ends(tasks, results, writer=False)
    try:
        if initializer is not None:
            initializer(*initargs)
    except BaseException as error:  # reported with the first item, as a pool worker's would be
        results.put((0, False, _picklable(error)))
        return
    context = multiprocessing.get_context("fork")
    others = [context.Process(target=_work, args=(func, tasks, results), daemon=True,
                              name=f"irkg-worker-{n}") for n in range(2, jobs + 1)]
    for other in others:
        other.start()
    _work(func, tasks, results)
    for other in others:
        other.join()


def _work(func: Callable, tasks: Any, results: Any) -> None:
    """Takes (number, item) from ``tasks`` until a ``None`` (or the writer's end of the queue is gone),
    puts (number, ok, result or error) in ``results``."""
    while (task := _next_task(tasks)) is not None:
        number, item = task
        try:  # pickled here, not in the queue's thread, so a result that does not pickle is an error of its item
            results.put((number, True, bytes(ForkingPickler.dumps(func(item)))))
        except BaseException as error:
            results.put((number, False, _picklable(error)))


def _next_task(tasks: Any) -> tuple | None:
    try:
        return tasks.get()
    except (EOFError, OSError):  # the writer ended without saying so (killed): so do the workers
        return None


def _picklable(error: BaseException) -> BaseException:
    """``error`` if it pickles (it must cross to the writer), else a RuntimeError that says what it was."""
    try:
        ForkingPickler.loads(ForkingPickler.dumps(error))
        return error
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")


def _pool_map(func: Callable[[T], R], items: Iterable[T], jobs: int, initializer: Callable[..., Any] | None,
              initargs: tuple, window: int) -> Iterator[R]:
    """:func:`process_map` where processes cannot fork: a pool of spawned workers, each initialised."""
    context = multiprocessing.get_context("spawn")
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
