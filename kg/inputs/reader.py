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

import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO, TextIO

from kg.errors import InputError
from kg.inputs.html import html_to_page
from kg.inputs.limits import Limits, current as current_limits
from kg.model import Transcript
from kg.inputs.paths import READABLE_SUFFIXES, STDIN, iter_inputs, iter_paths, published_name
from kg.inputs.sources import sidecar_url
from kg.inputs.text import ISO_DATE, valid_date

__all__ = ["READABLE_SUFFIXES", "decode", "display_name", "iter_paths", "read", "read_all",
           "transcript_from_text", "valid_date"]

HTML_SUFFIXES = (".html", ".htm")
STDIN_SOURCE = "<stdin>"
JSONL_FIELDS = ("title", "date", "url", "id")
WORD = re.compile(r"[^\W\d_]+")  # runs of letters
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # not text in any code page
SURROGATE = re.compile(r"[\ud800-\udfff]")
# Prose is mostly letters and spaces: a legacy-code-page reading with fewer is noise, not text.
MIN_LETTER_SHARE, MIN_SPACE_SHARE = 0.6, 0.05


def read(path: str, *, stdin: TextIO | BinaryIO | None = None) -> Iterator[Transcript]:
    """Yield the transcripts in one input: one per file, one per JSONL record.

    Raises InputError at the first problem (for a JSONL file, after the good
    records before the bad line); use :func:`read_all` to go past it.
    """
    for item in _read_items(path, stdin, published_name(path, path)):
        if isinstance(item, InputError):
            raise item
        yield item


def read_all(args: Sequence[str]) -> Iterator[Transcript | InputError]:
    """Read every input named by ``args``; a bad file or record yields its error.

    Each transcript's ``source`` is its name relative to the input it was
    found from (:func:`kg.inputs.paths.published_name`), never an absolute path.
    """
    for path, name in iter_inputs(args):
        try:
            yield from _read_items(path, None, name)
        except InputError as error:
            yield error


def read_as(path: str, name: str) -> Iterator[Transcript | InputError]:
    """One input file read under the name it is published as (see :func:`read_all`)."""
    try:
        yield from _read_items(path, None, name)
    except InputError as error:
        yield error


def display_name(path: str | os.PathLike[str]) -> str:
    """A file name fit to print and to store: undecodable bytes become U+FFFD.

    Names with bytes that are not UTF-8 reach Python as lone surrogates, which
    no terminal, RDF literal or UTF-8 file can hold.
    """
    path = os.fspath(path)
    if not SURROGATE.search(path):
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def transcript_from_text(text: str, source: str, **meta: Any) -> Transcript:
    """Normalise ``text`` and wrap it as a Transcript with its sha256.

    Normalising means: drop a leading BOM, make every line ending ``\\n``,
    end with exactly one newline.  Everything else (U+00A0, curly quotes,
    dashes) is kept, because quotes in gold files are exact substrings.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "empty: no text to read")
    for value in (text, *(v for v in meta.values() if isinstance(v, str))):
        bad = SURROGATE.search(value)
        if bad:
            raise InputError(source, f"holds an unpaired surrogate U+{ord(bad.group()):04X} at character "
                             f"{bad.start()}: not valid Unicode text")
    data = text.encode("utf-8")
    too_big = current_limits().too_big_text(len(data))
    if too_big:
        raise InputError(source, too_big)
    stripped = text.rstrip(" \t\n")  # not a regex: "[ \t\n]+\Z" tries every blank of the text
    data = data[:len(data) - (len(text) - len(stripped))] + b"\n"  # each blank is one byte in UTF-8
    text = stripped + "\n"
    digest = hashlib.sha256(data).hexdigest()
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
        ok = "\ufffd" not in cyrillic and not CONTROL.search(cyrillic) and _looks_like_prose(cyrillic)
        return cyrillic if ok else None
    western = _western(data)
    if western is None or not _looks_like_prose(western):
        return None
    if mixed > whole or not any(ch.isalpha() for ch in western if not ch.isascii()):
        return western
    return None


def _looks_like_prose(text: str) -> bool:
    """Mostly letters, with spaces between words: what random bytes in a code page never are."""
    if not text:
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    spaces = sum(1 for ch in text if ch.isspace())
    return letters >= MIN_LETTER_SHARE * len(text) and spaces >= MIN_SPACE_SHARE * len(text)


def _western(data: bytes) -> str | None:
    for code_page in ("cp1252", "latin-1"):
        try:
            text = data.decode(code_page)
        except UnicodeDecodeError:
            continue
        return None if CONTROL.search(text) else text
    return None


# -- one input -------------------------------------------------------------

def _read_items(path: str, stdin: TextIO | BinaryIO | None,
                published: str) -> Iterator[Transcript | InputError]:
    """The transcripts of one input; errors about the file name it as given, facts by ``published``."""
    if path == STDIN:
        yield _read_stdin(stdin)
        return
    data = _read_file(path, current_limits())
    name = display_name(path)
    source = display_name(published)
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(decode(data, name), name, source)
    elif suffix in HTML_SUFFIXES:
        yield _read_html(decode(data, name), source, sidecar_url(path))
    else:
        url = sidecar_url(path)
        yield transcript_from_text(decode(data, name), source, **({"url": url} if url else {}))


def _read_file(path: str, limits: Limits) -> bytes:
    """The bytes of one regular file, refused before reading when it is not one or is too big.

    A FIFO or device would block or never end, so only regular files are
    opened; the size is checked from ``stat`` and again while reading (a file
    can grow), so a huge input costs nothing.
    """
    name = display_name(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as error:
        raise InputError(name, f"cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        try:
            os.listdir(path)
        except OSError as error:
            raise InputError(name, f"cannot read folder: {error.strerror or error}; skipped") from None
        raise InputError(name, "folder holds no .txt, .html, .htm or .jsonl files")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, "not a regular file (a FIFO, socket or device); skipped")
    too_big = limits.too_big_file(info.st_size)
    if too_big:
        raise InputError(name, too_big)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limits.file_bytes + 1)
    except OSError as error:
        raise InputError(name, f"cannot read: {error.strerror or error}") from None
    too_big = limits.too_big_file(len(data))
    if too_big:
        raise InputError(name, too_big)
    return data


def _read_stdin(stdin: TextIO | BinaryIO | None) -> Transcript:
    stream: Any = stdin if stdin is not None else sys.stdin
    stream = getattr(stream, "buffer", stream)  # bytes when there are, to detect encodings
    limit = current_limits().text_bytes
    data = stream.read(limit + 1)
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    too_big = current_limits().too_big_text(size, "standard input")  # a lone surrogate is refused below
    if too_big:
        raise InputError(STDIN_SOURCE, too_big)
    text = decode(data, STDIN_SOURCE) if isinstance(data, bytes) else data
    return transcript_from_text(text, STDIN_SOURCE)


def _read_html(html: str, source: str, indexed_url: str | None = None) -> Transcript:
    """A saved page: its canonical URL (``og:url``) first, else the one its folder's index gives."""
    page = html_to_page(html)
    if not page.text.strip():
        raise InputError(source, "no text found in the HTML page")
    return transcript_from_text(page.text, source, title=page.title, date=page.date,
                                url=page.url or indexed_url, media_type="text/html")


def _read_jsonl(text: str, path: str, published: str) -> Iterator[Transcript | InputError]:
    """One transcript per line (its source ``published:LINE``); a bad line is an error naming FILE:LINE."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield _record_to_transcript(line, f"{published}:{number}")
        except InputError as error:
            yield InputError(f"{path}:{number}", error.reason)


def _record_to_transcript(line: str, source: str) -> Transcript:
    too_big = current_limits().too_big_text(len(line.encode("utf-8", "surrogatepass")), "record")
    if too_big:
        raise InputError(source, too_big)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(source, f"not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise InputError(source, "JSON nested too deeply to be a transcript record") from None
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
        if not ISO_DATE.match(meta["date"]) or not valid_date(meta["date"][:10]):
            raise InputError(source, f'"date" must be a real date as YYYY-MM-DD, got {meta["date"][:40]!r}')
        meta["date"] = meta["date"][:10]
    return transcript_from_text(text, source, **meta)

