"""Page URLs from the index files that sit beside downloaded transcripts.

Plain-text transcripts do not say where they were published, but the folders
they come in often do: ``INDEX.json`` beside the kremlin-news pages
(``{"files": [{"file": "6152.txt", "url": ...}]}``) and ``SOURCES.json``
beside the White House pages and the dev set (``[{"name": "<file stem>",
"url": ...}]``).  The URL is what makes a transcript citable, and what tells
whose licence its text is under (:mod:`kg.inputs.publishers`).

An index that is missing, too big or not the JSON expected gives no URLs;
the transcripts are still read.  Each folder's index is read once.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

INDEX_NAMES = ("INDEX.json", "SOURCES.json")
#: an index larger than this is not read (7,225 kremlin-news entries take 1.3 MB)
MAX_INDEX_BYTES = 50 * 1024 * 1024


def sidecar_url(path: str) -> str | None:
    """The http(s) URL an index file beside ``path`` gives for it, or None."""
    folder, name = os.path.split(path)
    urls = _folder_urls(os.path.abspath(folder or "."))
    return urls.get(name) or urls.get(Path(name).stem)


@lru_cache(maxsize=64)
def _folder_urls(folder: str) -> dict[str, str]:
    """File name (and stem) -> URL, from every index file of ``folder``."""
    urls: dict[str, str] = {}
    for index in INDEX_NAMES:
        for name, url in _entries(Path(folder) / index):
            urls.setdefault(name, url)
    return urls


def _entries(path: Path) -> list[tuple[str, str]]:
    try:
        if not path.is_file() or path.stat().st_size > MAX_INDEX_BYTES:
            return []
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return []
    records = data.get("files") if isinstance(data, dict) else data
    out = []
    for record in records if isinstance(records, list) else []:
        if not isinstance(record, dict):
            continue
        url = record.get("url")
        name = record.get("file") or record.get("name")
        if isinstance(url, str) and url.startswith(("http://", "https://")) and isinstance(name, str):
            out.append((name, url))
    return out
