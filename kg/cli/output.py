"""How the ``kg`` command hands results to people: exit codes, output streams, progress.

Data goes to stdout or the ``-o`` file, progress to stderr and only when stderr
is a terminal, so a piped run carries nothing but data.
"""

from __future__ import annotations

import sys
from typing import IO, Any

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, done: int, total: int, source: str) -> None:
        if not self.enabled:
            return
        if total and done <= total:
            width = 30
            filled = int(width * done / total)
            bar = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        else:
            bar = f"{done} done"
        name = source[-40:]
        sys.stderr.write(f"\r{bar} {name:<40}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 90 + "\r")
            sys.stderr.flush()


def open_output(path: str | None, binary: bool = False) -> IO[Any]:
    """stdout (its byte buffer when ``binary``) for no path or ``-``, else the file, created or emptied."""
    if path in (None, "-"):
        return sys.stdout.buffer if binary else sys.stdout
    return open(path, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"}))


def describe_record(r: dict) -> str:
    """One gold-shaped record as the readable block ``kg extract`` prints."""
    lines = [f"# {r['source']['file']}"]
    m = r.get("meeting")
    if m:
        lines.append(f"meeting: {m['title']!s}")
        lines.append(f"  date {m['date']}, city {m['city']}, venue {m['venue']}, format {m['format']}")
    else:
        lines.append("not a meeting")
    for p in r["participants"]:
        lines.append(f"participant: {p['name']} ({p['office']}, {p['country'] or p.get('organisation')})")
    lines.append(f"countries: {' '.join(r['countries'])}")
    for c in r["commitments"]:
        qty = f" {c['quantity']} {c['unit'] or ''}" if c["quantity"] is not None else ""
        lines.append(f"commitment: {c['type']} {c['by']}->{c['to']} {c['status']}"
                     f"{' ' + c['item'] if c['item'] else ''}{qty} — {c['speaker']}: {c['quote']}")
    for f in r["figures"]:
        lines.append(f"figure: {f['value']} {f['unit']} ({f['about']}) — {f['speaker']}")
    if r.get("topics"):
        lines.append(f"topics: {', '.join(r['topics'])}")
    return "\n".join(lines) + "\n\n"

