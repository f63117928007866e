"""When a kremlin.ru page went up, from its page number, for pages that lost their dateline.

kremlin.ru numbers its pages in the order it publishes them, so a page whose
text gives a day without a year ("On December 18, Vladimir Putin will meet
...") or no date at all can still be placed in time: the dated pages numbered
just before and after it bound the day it went up.  The table of numbers and
dates (``kg/data/kremlin_ids.tsv``) is made by ``tools/build_kremlin_ids.py``
from the datelines of kremlin.ru pages.

Numbers are not perfectly in order (a page is sometimes published under an
older number), so each bound is the middle date of the three nearest dated
pages on its side, and a window wider than :data:`MAX_WINDOW_DAYS` is no
window at all: the caller then has no date rather than a guess.

The window places a page to within days, but not to the day: left out of the
table one at a time, its own pages fall inside their window nine times in ten,
and within a month of it all but 13 of 6,811.  It is good for the year of a
day the text names ("On December 18"), which is what :func:`kg.extract.when.window_date`
takes from it, and not for a publication date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date as Date
from functools import lru_cache
from urllib.parse import urlsplit

from kg.resources import data_path

TABLE = "kremlin_ids.tsv"
#: the dated neighbours on each side whose middle date is a bound
NEIGHBOURS = 3
#: a page between neighbours further apart than this is not placed
MAX_WINDOW_DAYS = 60

_NUMBERED = re.compile(r"^/events/(?:[a-z-]+/)+(\d{1,9})/?$")


def page_number(url: str | None) -> int | None:
    """The page number of a kremlin.ru page URL (``http://en.kremlin.ru/events/president/news/17152``)."""
    if not url:
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host != "kremlin.ru" and not host.endswith(".kremlin.ru"):
        return None
    found = _NUMBERED.match(parts.path)
    return int(found.group(1)) if found else None


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[int, ...], tuple[Date, ...]]:
    numbers: list[int] = []
    dates: list[Date] = []
    path = data_path(TABLE)
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            number, _, day = line.partition("\t")
            numbers.append(int(number))
            dates.append(Date.fromisoformat(day))
    return tuple(numbers), tuple(dates)


def publication_window(url: str | None) -> tuple[Date, Date] | None:
    """The first and last day a kremlin.ru page can have gone up, from the pages numbered around it.

    None for another site's URL, a page number outside the table, or
    neighbours so far apart in time that the window says little.
    """
    number = page_number(url)
    if number is None:
        return None
    numbers, dates = _table()
    at = bisect_left(numbers, number)
    end = at + 1 if at < len(numbers) and numbers[at] == number else at
    before, after = dates[max(0, at - NEIGHBOURS):at], dates[end:end + NEIGHBOURS]
    if len(before) < NEIGHBOURS or len(after) < NEIGHBOURS:
        return None
    first, last = sorted(before)[NEIGHBOURS // 2], sorted(after)[NEIGHBOURS // 2]
    first, last = min(first, last), max(first, last)
    if (last - first).days > MAX_WINDOW_DAYS:
        return None
    return first, last

