"""Pages without a dateline placed in time by their kremlin.ru page number (kg.inputs.kremlin_ids)."""

from __future__ import annotations

from datetime import date as Date

import pytest

from kg.extract.pipeline import pipeline_for, process
from kg.extract.when import window_date
from kg.inputs.kremlin_ids import _table, page_number, publication_window
from kg.inputs.reader import transcript_from_text

NEWS = "http://en.kremlin.ru/events/president/news/"


@pytest.mark.parametrize("url, number", [
    (NEWS + "17152", 17152),
    ("https://kremlin.ru/events/president/transcripts/62221/", 62221),
    ("http://en.kremlin.ru/events/president/news/copy", None),
    ("https://www.whitehouse.gov/events/president/news/17152", None),
    ("https://notkremlin.ru/events/president/news/17152", None),
    (None, None),
])
def test_page_number_only_from_kremlin_urls(url, number):
    assert page_number(url) == number


def test_left_out_pages_fall_near_their_window():
    """Each dated page of the table, left out, is placed by its neighbours: almost always within the
    tolerance window_date allows, and mostly inside the window itself."""
    numbers, dates = _table()
    assert len(numbers) > 5000 and list(numbers) == sorted(set(numbers))
    inside = near = placed = 0
    for number, day in zip(numbers, dates):
        window = publication_window(NEWS + str(number))
        if window is None:
            continue
        placed += 1
        first, last = window
        inside += first <= day <= last
        near += -31 <= (day - first).days and (day - last).days <= 62
    assert placed > 0.9 * len(numbers)
    assert inside > 0.8 * placed
    assert near > 0.995 * placed


def test_no_window_outside_the_table_or_for_other_sites():
    numbers, _ = _table()
    assert publication_window(NEWS + str(numbers[0] - 1)) is None  # nothing dated before it
    assert publication_window(NEWS + str(numbers[-1] + 10)) is None
    assert publication_window("https://www.gov.uk/news/17152") is None


@pytest.mark.parametrize("window, text, expected", [
    ((Date(2012, 12, 17), Date(2012, 12, 17)), "On December 18, the President will meet the Prime Minister.", "2012-12-18"),
    ((Date(2012, 12, 30), Date(2013, 1, 2)), "on January 10 the leaders will hold talks", "2013-01-10"),
    ((Date(2012, 12, 30), Date(2013, 1, 2)), "On December 28 the two presidents spoke by telephone.", "2012-12-28"),
    ((Date(2013, 4, 1), Date(2013, 4, 2)), "On April 7\u20138, the President will visit Germany.", "2013-04-07"),
    ((Date(2013, 4, 1), Date(2013, 4, 2)), "On October 24 a summit will open.", None),  # half a year away
    ((Date(2013, 4, 1), Date(2013, 4, 2)), "The President will visit Germany next week.", None),
])
def test_window_date_takes_the_year_that_fits(window, text, expected):
    assert window_date(window, [text]) == expected


ANNOUNCEMENT = """Vladimir Putin will meet with President of Finland Sauli Niinisto

On December 18, Vladimir Putin will meet in Moscow with President of Finland Sauli Niinisto, who will be in Russia on a working visit.

The two leaders will discuss trade and energy cooperation.
"""


def _meeting_date(url: str | None) -> str | None:
    meta = {"url": url} if url else {}
    doc = process(transcript_from_text(ANNOUNCEMENT, "announcement.txt", **meta), "kremlin", pipeline_for("rules"))
    return doc.meeting.date if doc.meeting else None


def test_an_announcement_without_dateline_gets_its_year_from_the_page_number():
    numbers, dates = _table()
    # a number between two pages of one December: the day the text names falls in that December
    at = next(i for i in range(3, len(numbers) - 3)
              if dates[i - 3].month == 12 and dates[i + 3].month == 12 and dates[i - 3] == dates[i]
              and numbers[i + 1] > numbers[i] + 1)
    assert _meeting_date(NEWS + str(numbers[at] + 1)) == f"{dates[at].year}-12-18"
    assert _meeting_date(None) is None  # no URL, no year: no guess


def test_a_heading_that_announces_may_name_a_day_months_ahead():
    """'Sochi will host Russia-Africa Summit on October 24', put up in May: a summit is announced months
    before, so an announcing heading's day is read up to a year ahead; any other text's only two months."""
    window = (Date(2019, 5, 27), Date(2019, 5, 28))
    text = "Sochi will host Russia-Africa Summit on October 24"
    assert window_date(window, [text]) is None
    assert window_date(window, [text], announces=True) == "2019-10-24"
    assert window_date(window, ["On April 30 the leaders spoke by telephone."], announces=True) == "2019-04-30"


def test_an_announced_summit_months_ahead_is_dated_by_its_heading():
    numbers, _ = _table()
    at = next(i for i in range(3, len(numbers) - 3)
              if (w := publication_window(NEWS + str(numbers[i] + 1))) and w[0].month == 5 and w[1].month == 5)
    year = publication_window(NEWS + str(numbers[at] + 1))[0].year
    text = ("Sochi will host a summit on October 24\n\nOn October 24, Sochi will host a summit of African "
            "leaders and Russia.\n")
    doc = process(transcript_from_text(text, "summit.txt", url=NEWS + str(numbers[at] + 1)), "kremlin",
                  pipeline_for("rules"))
    assert doc.meeting.date == f"{year}-10-24"
