"""Every kind of input becomes a :class:`kg.model.Transcript`.

Paths, folders, globs and ``-`` (stdin) name the inputs; ``.txt``, ``.html``
/ ``.htm`` and ``.jsonl`` files are read.  Text is decoded (UTF-8 with or
without BOM, else cp1251 or cp1252 by a small heuristic), line endings become
``\\n`` and nothing else is touched, so gold quotes stay exact substrings.
The sha256 is of the final text, which is why a kremlin.ru page and its
``.txt`` version are the same transcript.

:func:`read` raises :class:`~kg.errors.InputError` on the first problem;
:func:`read_all` turns each problem into a yielded error so a batch goes on.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from kg.errors import InputError
from kg.htmltext import html_to_page
from kg.model import Transcript

__all__ = ["READABLE_SUFFIXES", "decode", "iter_paths", "read", "read_all",
           "transcript_from_text"]

READABLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
HTML_SUFFIXES = (".html", ".htm")
STDIN = "-"
STDIN_SOURCE = "<stdin>"
GLOB_CHARS = re.compile(r"[*?\[]")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TRAILING_BLANKS = re.compile(r"[ \t\n]+\Z")
JSONL_FIELDS = ("title", "date", "url", "id")
WORD = re.compile(r"[^\W\d_]+")  # runs of letters
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # not text in any code page


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
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield arg
            for match in matches:
                yield from (_walk_folder(match) if os.path.isdir(match) else [match])


def _walk_folder(folder: str) -> Iterator[str]:
    found = False
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # no .git, .cache...
        for name in sorted(files):
            if name.lower().endswith(READABLE_SUFFIXES) and not name.startswith("."):
                found = True
                yield os.path.join(root, name)
    if not found:
        yield folder


def read(path: str, *, stdin: TextIO | BinaryIO | None = None) -> Iterator[Transcript]:
    """Yield the transcripts in one input: one per file, one per JSONL record.

    Raises InputError at the first problem (for a JSONL file, after the good
    records before the bad line); use :func:`read_all` to go past it.
    """
    for item in _read_items(path, stdin):
        if isinstance(item, InputError):
            raise item
        yield item


def read_all(args: Sequence[str]) -> Iterator[Transcript | InputError]:
    """Read every input named by ``args``; a bad file or record yields its error."""
    for path in iter_paths(args):
        try:
            yield from _read_items(path, None)
        except InputError as error:
            yield error


def transcript_from_text(text: str, source: str, **meta: Any) -> Transcript:
    """Normalise ``text`` and wrap it as a Transcript with its sha256.

    Normalising means: drop a leading BOM, make every line ending ``\\n``,
    end with exactly one newline.  Everything else (U+00A0, curly quotes,
    dashes) is kept, because quotes in gold files are exact substrings.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "empty: no text to read")
    text = TRAILING_BLANKS.sub("", text) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Transcript(text=text, source=source, sha256=digest, **meta)


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 (BOM dropped), UTF-16 with a BOM, else cp1251 or cp1252.

    Transcripts come from Windows machines as often as not, so a legacy code
    page is told apart by which reading gives plausible words (see
    :func:`_guess_code_page`) rather than refused.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, "starts with a UTF-16 mark but is not UTF-16; "
                             "re-save as UTF-8") from None
    if b"\x00" in data:
        raise InputError(source, "binary file (NUL bytes), not a text transcript")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    text = _guess_code_page(data)
    if text is None:
        raise InputError(source, "not UTF-8 and the encoding could not be detected; "
                         "re-save as UTF-8")
    return text


def _guess_code_page(data: bytes) -> str | None:
    """Decide between cp1251 (Cyrillic) and cp1252/latin-1 (Western), or None.

    Read as cp1251, Russian gives whole words of Cyrillic letters, while
    Western text gives Cyrillic letters stuck inside Latin words ("cafй").
    So each non-ASCII letter votes by the word it sits in; one-letter words
    abstain.  With no letters to vote (only curly quotes, dashes, euro
    signs), the Western reading is taken when its non-ASCII characters are
    all punctuation or symbols.
    """
    cyrillic = data.decode("cp1251", errors="replace")
    whole = mixed = 0
    for word in WORD.findall(cyrillic):
        foreign = sum(1 for ch in word if not ch.isascii())
        if not foreign:
            continue
        if any(ch.isascii() for ch in word):
            mixed += foreign
        elif len(word) > 1:
            whole += foreign
    if whole > mixed:
        return cyrillic if "\ufffd" not in cyrillic and not CONTROL.search(cyrillic) else None
    western = _western(data)
    if western is None:
        return None
    if mixed > whole or not any(ch.isalpha() for ch in western if not ch.isascii()):
        return western
    return None


def _western(data: bytes) -> str | None:
    for code_page in ("cp1252", "latin-1"):
        try:
            text = data.decode(code_page)
        except UnicodeDecodeError:
            continue
        return None if CONTROL.search(text) else text
    return None


# -- one input -------------------------------------------------------------

def _read_items(path: str, stdin: TextIO | BinaryIO | None) -> Iterator[Transcript | InputError]:
    if path == STDIN:
        yield _read_stdin(stdin)
        return
    file = Path(path)
    if file.is_dir():
        raise InputError(path, "folder holds no .txt, .html, .htm or .jsonl files")
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    suffix = file.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(decode(data, path), path)
    elif suffix in HTML_SUFFIXES:
        yield _read_html(decode(data, path), path)
    else:
        yield transcript_from_text(decode(data, path), path)


def _read_stdin(stdin: TextIO | BinaryIO | None) -> Transcript:
    stream: Any = stdin if stdin is not None else sys.stdin
    stream = getattr(stream, "buffer", stream)  # bytes when there are, to detect encodings
    data = stream.read()
    text = decode(data, STDIN_SOURCE) if isinstance(data, bytes) else data
    return transcript_from_text(text, STDIN_SOURCE)


def _read_html(html: str, source: str) -> Transcript:
    page = html_to_page(html)
    if not page.text.strip():
        raise InputError(source, "no text found in the HTML page")
    return transcript_from_text(page.text, source, title=page.title, date=page.date,
                                url=page.url, media_type="text/html")


def _read_jsonl(text: str, path: str) -> Iterator[Transcript | InputError]:
    """One transcript per line; a bad line is yielded as an error naming FILE:LINE."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            yield _record_to_transcript(line, source)
        except InputError as error:
            yield error


def _record_to_transcript(line: str, source: str) -> Transcript:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(source, f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError(source, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(source, 'record has no "text" string')
    meta: dict[str, str] = {}
    for key in JSONL_FIELDS:
        value = record.get(key)
        if value is None:
            continue
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise InputError(source, f'"{key}" must be a string')
        meta[key] = value
    if "date" in meta:
        if not ISO_DATE.match(meta["date"]):
            raise InputError(source, f'"date" must be YYYY-MM-DD, got {meta["date"]!r}')
        meta["date"] = meta["date"][:10]
    return transcript_from_text(text, source, **meta)
