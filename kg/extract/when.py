"""The meeting's own date, which is not always the page's.

A readout is often published the day after the call ("President Biden spoke
with Mexican President López Obrador yesterday") or names the weekday
("met on Tuesday").  Two pages of one event must carry the event's date, or
they would not share its meeting.  The first sentence of the narrator's lead
is where readouts say when; later sentences recall other contacts, so they
are not read.  Only the past is read: an event is never dated after the page.

An announcement published without a dateline ("Vladimir Putin will meet on
December 14, 2012, with ...") is dated by a date it writes with its year, or,
when the publisher's page numbers place the page in time
(:mod:`kg.inputs.kremlin_ids`), by a day it names without one
(:func:`window_date`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date as Date, timedelta

from kg.inputs.text import MONTHS, normalise

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_YESTERDAY = re.compile(r"\byesterday\b|\blast night\b", re.I)
_WEEKDAY = re.compile(r"\b[Oo]n (?P<day>" + "|".join(_WEEKDAYS) + r")\b")
# "on December 14, 2012", "on March 22\u201324, 2013" (a visit of several days starts on the first)
_MONTH_DAY = re.compile(r"\b[Oo]n (?P<month>" + "|".join(MONTHS) + r")[ \u00a0](?P<day>\d{1,2})\b"
                        r"(?:[\u2013\-]\d{1,2}\b)?(?:,? (?P<year>\d{4}))?")
_TODAY = re.compile(r"\b(?:today|this (?:morning|afternoon|evening))\b", re.I)


_VERB = re.compile(r"\b(?:spoke|speaks|met|meets|held|had|called|talked|hosted|received|welcomed)\b")
# Before the verb, these words mean the sentence recalls another event ("the EU summit held on ...").
_RECALL = re.compile(r"\b(?:following|during|after|results?|summit|meeting|conversation|events?|"
                     r"accords?|previous|earlier)\b", re.I)


# A verb before the date phrase makes it no opening ("Late at night on March 18, ..." opens; "The protocol
# part of his visit finished on December 16, after which ..." dates an earlier part of the visit).
_FINITE = re.compile(r"\b(?:\w+ed|will|is|was|are|were|has|have|had)\b")


def _of_this_event(text: str, found: re.Match[str]) -> bool:
    """Whether a date phrase dates the sentence's own encounter, not one it recalls.

    It must open the sentence ("Yesterday, President Trump and King Abdullah held...") or
    follow the encounter verb in the same clause ("spoke with ... yesterday", "met
    virtually on November 15 with ..."), with nothing before the verb that names another event.
    """
    if found.start() <= 40 and re.match(r"[^,;]*,", text[found.end():found.end() + 60]) \
            and not _RECALL.search(text[:found.start()]) and not _FINITE.search(text[:found.start()]):
        return True
    for verb in _VERB.finditer(text, 0, found.start()):
        between = text[verb.end():found.start()]
        if len(between) <= 120 and not re.search(r"[,;]", between) and not _RECALL.search(text[:verb.start()]):
            return True
    return False


def event_date(published: str | None, first_sentence: str) -> str | None:
    """The date the first sentence of a lead gives the event, counted back from ``published``.

    "today" or nothing said gives the publication date itself.
    """
    if not published:
        return None
    try:
        day = Date.fromisoformat(published)
    except ValueError:
        return published
    text = normalise(first_sentence, quotes=False)
    if _TODAY.search(text):
        return published
    yesterday = _YESTERDAY.search(text)
    if yesterday and _of_this_event(text, yesterday):
        return (day - timedelta(days=1)).isoformat()
    weekday = _WEEKDAY.search(text)
    if weekday and _of_this_event(text, weekday):
        back = (day.weekday() - _WEEKDAYS.index(weekday["day"])) % 7
        return (day - timedelta(days=back)).isoformat()
    month_day = _MONTH_DAY.search(text)
    if month_day and _of_this_event(text, month_day):
        month, number = MONTHS.index(month_day["month"]) + 1, int(month_day["day"])
        years = (int(month_day["year"]),) if month_day["year"] else (day.year, day.year - 1)
        for year in years:
            try:
                candidate = Date(year, month, number)
            except ValueError:
                return published
            if candidate <= day:
                return candidate.isoformat() if (day - candidate).days <= 31 else published
    return published


_ANNOUNCED_WITHIN = 62  # days: an announcement names a date in the coming weeks


def announced_date(published: str | None, texts: list[str]) -> str | None:
    """The date an announcement gives the coming meeting ("will meet on December 11, 2012", "talks
    will be held on March 5"): the first "on Month Day" of ``texts`` on or after ``published``."""
    if not published:
        return None
    try:
        day = Date.fromisoformat(published)
    except ValueError:
        return None
    return _first_named_day(texts, (day.year, day.year + 1),
                            lambda candidate: 0 <= (candidate - day).days <= _ANNOUNCED_WITHIN)


def _first_named_day(texts: list[str], years: Sequence[int], fits: Callable[[Date], bool]) -> str | None:
    """The first "on Month Day" of ``texts`` that ``fits``, in its own year or the first of ``years``
    that makes it fit (:func:`announced_date`, :func:`window_date`)."""
    for text in texts:
        for found in _MONTH_DAY.finditer(normalise(text, quotes=False)):
            month, number = MONTHS.index(found["month"]) + 1, int(found["day"])
            for year in (int(found["year"]),) if found["year"] else years:
                try:
                    candidate = Date(year, month, number)
                except ValueError:
                    break
                if fits(candidate):
                    return candidate.isoformat()
    return None


#: how far a day named without its year may lie before the first day a page can have gone up (a report)
_REPORTED_WITHIN = 31


#: how far ahead a heading that announces an event ("Sochi will host Russia-Africa Summit on October 24")
#: may name its day: summits are announced months before
ANNOUNCED_AHEAD = 366


def window_date(window: tuple[Date, Date], texts: list[str], announces: bool = False) -> str | None:
    """The first "on Month Day" of ``texts``, in the year that puts it near ``window``, the days
    the page went up: from a month before it (a report) to two months after (an announcement), or
    to a year after when the heading ``announces`` the event ("will host", :data:`ANNOUNCED_AHEAD`).
    None when no year does: the day then belongs to some other event."""
    first, last = window
    ahead = ANNOUNCED_AHEAD if announces else _ANNOUNCED_WITHIN
    return _first_named_day(texts, range(first.year - 1, last.year + 2),
                            lambda candidate: -_REPORTED_WITHIN <= (candidate - first).days
                            and (candidate - last).days <= ahead)


def stated_date(texts: list[str]) -> str | None:
    """For a page that gives no publication date: the first date ``texts`` write out in full, with its
    year ("will meet on December 14, 2012").  A day without its year ("On December 18") is not read:
    the year would be a guess."""
    for text in texts:
        for found in _MONTH_DAY.finditer(normalise(text, quotes=False)):
            if found["year"]:
                try:
                    return Date(int(found["year"]), MONTHS.index(found["month"]) + 1, int(found["day"])).isoformat()
                except ValueError:
                    continue
    return None
