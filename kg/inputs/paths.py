"""Which files the inputs name: paths, folders walked recursively, globs, ``-`` for stdin.

The walk never follows a link to a folder (:func:`glob.glob` does, so
``loop/**`` over a link to its own parent ran exponentially) and yields a
folder it cannot list, so the reader reports it and the build fails visibly
instead of silently missing files.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterator, Sequence

__all__ = ["READABLE_SUFFIXES", "STDIN", "iter_inputs", "iter_paths", "published_name"]

READABLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
STDIN = "-"
GLOB_CHARS = re.compile(r"[*?\[]")


def iter_paths(args: Sequence[str]) -> Iterator[str]:
    """Expand arguments into the files to read, in a stable order.

    Folders are walked recursively (sorted) for readable suffixes; a folder
    with none is yielded itself so :func:`read` can say so.  A glob that
    matches nothing, or a path that does not exist, is yielded as given so
    the user hears about it instead of it vanishing.
    """
    for arg in args:
        if arg == STDIN:
            yield arg
        elif os.path.isdir(arg):
            yield from _walk_folder(arg)
        elif os.path.exists(arg) or not GLOB_CHARS.search(arg):
            yield arg
        else:
            matches = sorted(_glob(arg))
            if not matches:
                yield arg
            for match in matches:
                yield from (_walk_folder(match) if os.path.isdir(match) else [match])


def iter_inputs(args: Sequence[str]) -> Iterator[tuple[str, str]]:
    """:func:`iter_paths`, each file with the name it is published under (:func:`published_name`)."""
    for arg in args:
        name = namer(arg)
        for path in iter_paths([arg]):
            yield path, name(path)


def published_name(path: str, arg: str) -> str:
    """The name a file goes into the graph under: relative to the input it was found from.

    A file given by itself is its file name; a file found in a folder is the
    folder's name and the path below it (``kremlin-news/6152.txt``); a glob's
    match is relative to the glob's fixed part.  Never an absolute path, so no
    machine's folders leak into published data, and the same files give the
    same names wherever they sit.
    """
    return namer(arg)(path)


def namer(arg: str) -> Callable[[str], str]:
    """:func:`published_name` of each file found from ``arg``, with what depends on ``arg`` alone (a
    stat, the absolute paths) worked out once: per file it had cost more than the rest of the
    scan of an unchanged folder."""
    arg = os.fspath(arg)
    if os.path.isdir(arg):
        root = os.path.dirname(os.path.abspath(arg))
        return _below_folder(arg, root, namer_of_root(root))
    elif GLOB_CHARS.search(arg) and not os.path.exists(arg):
        fixed = []
        for part in arg.split(os.sep):
            if GLOB_CHARS.search(part):
                break
            fixed.append(part)
        root = os.path.abspath(os.sep.join(fixed) or ".")
    else:
        return lambda path: path if os.fspath(path) == STDIN else (os.path.basename(path) or path)
    return namer_of_root(root)


def namer_of_root(root: str) -> Callable[[str], str]:
    """:func:`published_name` of files found below the absolute folder ``root``."""
    cwd = os.getcwd()
    below = root if root.endswith(os.sep) else root + os.sep

    def name(path: str) -> str:
        path = os.fspath(path)
        if path == STDIN:
            return path
        full = os.path.normpath(os.path.join(cwd, path))  # os.path.abspath, without a getcwd per file
        rel = full[len(below):] if full.startswith(below) and len(full) > len(below) \
            else os.path.relpath(full, root)
        return os.path.basename(path) if rel.startswith(os.pardir) else rel.replace(os.sep, "/")

    return name


def _below_folder(folder: str, root: str, slow: Callable[[str], str]) -> Callable[[str], str]:
    """The namer of files found by walking ``folder``: a path the walk made (``folder``, then plain names)
    is named by cutting ``folder`` off, without a join and a normalisation per file (they took 8 of the 13 ms
    of naming the 7,225 pages of a folder); any other path goes to ``slow``, which gives the same names."""
    given = folder if folder.endswith(os.sep) else folder + os.sep
    lead = os.path.relpath(os.path.abspath(folder), root)
    if lead.startswith(os.pardir) or lead == os.curdir:
        return slow
    lead = lead.replace(os.sep, "/") + "/"
    odd = (os.sep + ".", os.sep + os.sep)  # a part ".", ".." or "" that normalising would change

    def name(path: str) -> str:
        path = os.fspath(path)
        if path.startswith(given) and not any(part in os.sep + path[len(given):] for part in odd):
            return lead + path[len(given):].replace(os.sep, "/")
        return slow(path)

    return name


def _walk_folder(folder: str) -> Iterator[str]:
    """Readable files below ``folder``, never following links to folders (no loops).

    A subfolder that cannot be listed is yielded itself, so :func:`read`
    reports it and the build fails visibly instead of silently missing files.
    """
    found = False
    unreadable: list[str] = []
    for root, dirs, files in os.walk(folder, onerror=lambda error: unreadable.append(error.filename)):
        yield from sorted(unreadable)
        found = found or bool(unreadable)
        unreadable.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # no .git, .cache...
        for name in sorted(files):
            if name.lower().endswith(READABLE_SUFFIXES) and not name.startswith("."):
                found = True
                yield os.path.join(root, name)
    yield from sorted(unreadable)
    if not found and not unreadable:
        yield folder


def _glob(pattern: str) -> Iterator[str]:
    """Paths matching ``pattern`` (``**`` for any depth), walking without following folder links.

    :func:`glob.glob` follows symbolic links to folders, so ``loop/**`` over a
    link to its own parent runs exponentially; this walk is linear in the tree.
    """
    parts = pattern.split(os.sep)
    fixed = 0
    while fixed < len(parts) - 1 and not GLOB_CHARS.search(parts[fixed]):
        fixed += 1
    root = os.sep.join(parts[:fixed]) or ("" if not pattern.startswith(os.sep) else os.sep)
    wanted = [p for p in parts[fixed:] if p]
    for folder, dirs, files in os.walk(root or ".", onerror=lambda error: None):
        rel = os.path.relpath(folder, root or ".")
        prefix = [] if rel == "." else rel.split(os.sep)
        names = [n for n in dirs + files if not n.startswith(".")]  # as glob: no hidden names
        for name in names:
            if _matches(wanted, prefix + [name]):
                yield os.path.join(root, *prefix, name) if root else os.path.join(*prefix, name)
        deep_enough = "**" not in wanted and len(prefix) + 1 >= len(wanted)
        dirs[:] = [] if deep_enough else [d for d in dirs if not d.startswith(".")]


def _matches(pattern: list[str], path: list[str]) -> bool:
    """Component-wise match; ``**`` takes zero or more components (memoised, so linear)."""
    seen: dict[tuple[int, int], bool] = {}

    def at(i: int, j: int) -> bool:
        if (i, j) not in seen:
            if i == len(pattern):
                seen[i, j] = j == len(path)
            elif pattern[i] == "**":
                seen[i, j] = at(i + 1, j) or (j < len(path) and at(i, j + 1))
            else:
                seen[i, j] = j < len(path) and fnmatch.fnmatchcase(path[j], pattern[i]) and at(i + 1, j + 1)
        return seen[i, j]

    return at(0, 0)
