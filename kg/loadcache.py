"""A cache of what a process derives from the shipped data before its first page, in a form that loads fast.

A build worker loads the gazetteer, the people lists and the reader before its
first page, and every page of an incremental build waits for that.  Part of
the loading is work that gives the same result every time from the same
inputs: compiling the two regular expressions of the country and organisation
phrases (0.06 CPU-s of a worker's 0.55: Python's regex parser and compiler
are pure Python), folding the names of 12,000 cities.  This module keeps such
results in files of a cache folder and gives them back when their inputs are
unchanged.

Each file holds one value under one key: a SHA-256 of everything the value
is made from (the inputs' bytes, the version of the code that makes it, the
Python version).  The value is written with :mod:`marshal` (plain tuples,
lists, dicts, strings and numbers: no pickle, no code), behind a header
that names the key and the SHA-256 of the value's bytes, so a file that is
stale (another key), truncated or damaged is never decoded: it is made
again and rewritten.  A file is written whole under another name, then
renamed, so a reader never sees half of one, and two processes writing the
same file leave one whole copy.  A cache that cannot be read or written costs
the time of making the value, never a different value.

The folder is ``$IRKG_CACHE`` or ``$XDG_CACHE_HOME/irkg`` (``~/.cache/irkg``);
``IRKG_CACHE=off`` turns the cache off.  It holds a few files of a few
hundred kilobytes, one per kind of value; a value made again replaces its file.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CACHE_ENV = "IRKG_CACHE"
#: characters of a pattern :func:`regex_programs` leaves alone (the gazetteer's have a file each: :func:`compiled`)
LONG_PATTERN = 5000
#: patterns :func:`regex_programs` may find missing and still leave its file as it is
FEW_NEW = 8
#: the first line of every file: this format, and the Python whose marshal wrote it
#: (2: equal strings written once, :func:`_shared`; a file of 1 is made again once, in the form that loads faster)
MAGIC = f"irkg-load-cache 2 {sys.implementation.cache_tag} {marshal.version}".encode()


def cache_dir() -> Path | None:
    """The cache folder (not made yet, perhaps); None when the cache is off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(home) / "irkg"


def key_of(*parts: str | bytes) -> str:
    """The key of a value made from ``parts`` (each part's length goes in too, so no two lists collide)."""
    digest = hashlib.sha256(MAGIC)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


def load(name: str, key: str) -> Any | None:
    """The value kept as ``name`` under ``key``; None when there is none, or another key's, or a damaged one."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = (folder / f"{name}.bin").read_bytes()
    except OSError:
        return None
    # the header's three lines found, the value not copied out of ``data`` (partition made two copies
    # of it: 0.007 CPU-s of a build worker's 0.05 for the office-holders' 4 MB)
    first = data.find(b"\n")
    second = data.find(b"\n", first + 1)
    third = data.find(b"\n", second + 1)
    if min(first, second, third) < 0 or data[:first] != MAGIC or data[first + 1:second] != key.encode():
        return None
    payload = memoryview(data)[third + 1:]
    if data[second + 1:third] != hashlib.sha256(payload).hexdigest().encode():
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def save(name: str, key: str, value: Any) -> None:
    """Keeps ``value`` (what :mod:`marshal` writes) as ``name`` under ``key``; a cache it cannot write is left."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        payload = marshal.dumps(_shared(value, {}))
    except ValueError:  # a value of a type marshal does not write: not kept
        return
    data = b"\n".join((MAGIC, key.encode(), hashlib.sha256(payload).hexdigest().encode(), payload))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=f".{name}-", suffix=".part", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(partial, folder / f"{name}.bin")
        except BaseException:
            os.unlink(partial)
            raise
    except OSError:
        pass


def _shared(value: Any, strings: dict[str, str]) -> Any:
    """``value`` with equal strings made one object, as :mod:`marshal` then writes each once and refers
    to it after: the people lists name each QID and spelling in several of their indexes, and
    so shared the office-holders' file went from 4.1 to 2.6 MB and its loading from 0.04 to 0.02 CPU-s
    (a string made once, not once per place).  Containers keep their types and order: the value is
    equal to ``value``."""
    kind = type(value)
    if kind is str:
        return strings.setdefault(value, value)
    if kind is dict:
        return {_shared(k, strings): _shared(v, strings) for k, v in value.items()}
    if kind in (list, tuple, set, frozenset):
        return kind(_shared(item, strings) for item in value)
    return value


def cached(name: str, key: str, make: Callable[[], Any]) -> Any:
    """The value kept as ``name`` under ``key``, else ``make()``, kept for the next process."""
    value = load(name, key)
    if value is None:
        value = make()
        save(name, key, value)
    return value


def kept(name: str, key: str, make: Callable[[], Any], freeze: Callable[[Any], Any], thaw: Callable[[Any], Any]) -> Any:
    """``make()``, or what ``thaw`` rebuilds from the plain values ``freeze`` made of it in an earlier
    process: for a value marshal cannot write (an index of objects, an rdflib graph).  A kept value
    ``thaw`` refuses (TypeError, ValueError, IndexError: another shape) costs ``make()``; without a
    cache folder nothing is frozen, so a lazy ``make()`` stays lazy."""
    if cache_dir() is None:
        return make()
    value = load(name, key)
    if value is not None:
        try:
            return thaw(value)
        except (TypeError, ValueError, IndexError):
            pass
    made = make()
    save(name, key, freeze(made))
    return made


# ---------------------------------------------------------------- regular expressions

def compiled(pattern: str, name: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its compiled program kept as ``name`` for the next process.

    Python parses and compiles a pattern in pure Python: the gazetteer's
    patterns of 25,000 and 32,000 characters took 0.03 CPU-s each, and their
    program (a list of integers) loads in a millisecond.  The program is what
    :func:`re.compile` would hand to the regex engine for this pattern and
    flags in this Python (the key holds all three), so the pattern object is
    equal to the one it makes (``==`` compares programs); where the engine
    does not take it, the pattern is compiled as usual.
    """
    key = key_of("regex", pattern, str(flags), sys.version)
    made = load(name, key)
    if made is not None:
        try:
            import _sre

            return _sre.compile(pattern, *made)
        except (ImportError, TypeError, ValueError, RuntimeError):
            pass
    program, pattern_object = _program(pattern, flags)
    if program is not None:
        save(name, key, program)
    return pattern_object


def compiled_of(name: str, key: str, make_pattern: Callable[[], str], flags: int = 0) -> re.Pattern[str]:
    """The pattern :func:`compiled` gives for ``make_pattern()``, without making its text when the file
    ``name`` holds it under ``key``: a key of everything the text is made from (the caller's).

    The gazetteer's phrase patterns took a build worker 0.06 CPU-s to write out (a trie of 30,000
    phrases) even when their program came from the cache, which :func:`compiled` keys by that text.
    Here the file keeps the text with the program, under the caller's key of its inputs; a file that is
    missing, stale or damaged, or whose program the engine refuses, costs the text and the compiling.
    """
    full_key = key_of("regex of", key, str(flags), sys.version)
    made = load(name, full_key)
    if isinstance(made, tuple) and len(made) == 2 and isinstance(made[0], str):
        try:
            import _sre

            return _sre.compile(made[0], *made[1])
        except (ImportError, TypeError, ValueError, RuntimeError):
            pass
    pattern = make_pattern()
    program, pattern_object = _program(pattern, flags)
    if program is not None:
        save(name, full_key, (pattern, program))
    return pattern_object


def _program(pattern: str, flags: int) -> tuple[tuple | None, re.Pattern[str]]:
    """What :func:`re.compile` hands the engine for ``pattern`` (flags, code, groups, groupindex, indexgroup),
    and the pattern; None for the first where this Python's ``re`` is not laid out as expected."""
    usual = re.compile(pattern, flags)
    return _program_of(pattern, flags, usual), usual


def _program_of(pattern: str, flags: int, usual: re.Pattern[str]) -> tuple | None:
    """The program of ``usual``, the pattern Python compiled of ``pattern`` and ``flags``
    (None: see :func:`_program`)."""
    try:
        import _sre
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        state = parsed.state
        groupindex = dict(state.groupdict)
        indexgroup = [None] * state.groups
        for group, index in groupindex.items():
            indexgroup[index] = group
        program = (int(flags | state.flags), code, state.groups - 1, groupindex, tuple(indexgroup))
        return program if _sre.compile(pattern, *program) == usual else None
    except (ImportError, AttributeError, TypeError, ValueError):
        return None


@contextmanager
def regex_programs(name: str) -> Iterator[None]:
    """Within: every pattern Python compiles (imports' module-level patterns included) comes from the
    programs kept as ``name`` where they hold it, and those it lacks are kept for the next process.

    A build worker compiles some 370 patterns as it loads the extractors, 0.06 CPU-s besides the
    gazetteer's two.  Each program is what :func:`re.compile` makes of that pattern and flags in this
    Python, so the patterns are equal to its own (:func:`compiled`).  When more than :data:`FEW_NEW`
    were missing, the file is rewritten with the patterns compiled within, so those of an older code go;
    a few are left to compile every time, since some libraries make a pattern of a set whose order
    changes with each process (two, as a worker loads), and their misses must not rewrite the file at
    every start.  A pattern longer than :data:`LONG_PATTERN` is left to :func:`compiled`.
    """
    try:
        from re import _compiler
    except ImportError:  # Python 3.10 keeps its compiler elsewhere (sre_compile): patterns compile as usual
        yield
        return
    key = key_of("regex programs", sys.version)
    kept = load(name, key)
    kept = kept if isinstance(kept, dict) else {}
    used: dict = {}
    usual = _compiler.compile

    def compile_kept(pattern, flags=0):
        if not isinstance(pattern, str) or flags & re.DEBUG or len(pattern) > LONG_PATTERN:
            return usual(pattern, flags)
        entry = (pattern, int(flags))
        program = kept.get(entry)
        if program is not None:
            try:
                import _sre

                used[entry] = program
                return _sre.compile(pattern, *program)
            except (ImportError, TypeError, ValueError, RuntimeError):
                pass
        made = usual(pattern, flags)
        program = _program_of(pattern, flags, made)
        if program is not None:
            used[entry] = program
        return made

    _compiler.compile = compile_kept
    try:
        yield
    finally:
        _compiler.compile = usual
        if len(used.keys() - kept.keys()) > FEW_NEW:
            save(name, key, used)
