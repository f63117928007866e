"""One meeting per event: dates of the event, IRIs that reports of one event share, build counts.

The pages are real (tests/data/pages): a joint statement and remarks of one virtual meeting,
two readouts of one day's meetings with Italy's president and with its prime minister, two
calls of one day with Kazakhstan's president and its first president, and an announcement
that carries no date at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.building.builder import build
from kg.extract.when import event_date
from kg.store.embedded import OxigraphStore

PAGES = Path(__file__).parent / "data" / "pages"


@pytest.mark.parametrize("published, sentence, expected", [
    ("2021-01-23", "President Biden spoke with Mexican President López Obrador yesterday to review ties.",
     "2021-01-22"),
    ("2021-11-16", "President Joseph R. Biden, Jr. met virtually on November 15 with President Xi Jinping.",
     "2021-11-15"),
    ("2024-04-29", "President Biden and President López Obrador spoke by telephone on Sunday, April 28th.",
     "2024-04-28"),
    ("2025-02-12", "Yesterday, President Trump and King Abdullah II held a working meeting.", "2025-02-11"),
    ("2021-01-23", "President Biden spoke today with Prime Minister Trudeau.", "2021-01-23"),
    # a date that belongs to another event the sentence recalls
    ("2003-02-18", "Vladimir Putin and Romano Prodi discussed the results of the EU summit held on February 17.",
     "2003-02-18"),
    ("2003-02-07", "Following the accords reached during their previous meeting on February 4, 2003, they talked.",
     "2003-02-07"),
    # never after the page, never far back
    ("2013-03-10", "Vladimir Putin will meet on March 14 with President Abbas.", "2013-03-10"),
    (None, "They spoke yesterday.", None),
])
def test_event_date_counts_back_from_the_page(published, sentence, expected):
    assert event_date(published, sentence) == expected


def meeting_iris(store) -> list[str]:
    rows = store.query("SELECT DISTINCT ?m WHERE { ?m a irkg:Meeting } ORDER BY ?m")
    return [row["m"].value.rsplit("/", 1)[1] for row in rows]


def test_two_reports_of_one_event_share_its_meeting_and_the_build_says_so():
    store = OxigraphStore(None)
    result = build([str(PAGES / "wh-2021-03-17-joint-statement-martin.txt"),
                    str(PAGES / "wh-2021-03-17-remarks-martin-virtual.txt")], store)
    assert (result.built, result.meetings, result.joined) == (2, 1, 1)
    assert meeting_iris(store) == ["2021-03-17-irl-usa-biden-martin-video"]
    assert "meetings 1 (1 transcripts joined an existing meeting)" in result.summary()


@pytest.mark.parametrize("pages, expected", [
    (("wh-2021-10-29-meeting-mattarella.txt", "wh-2021-10-29-meeting-draghi.txt"),
     ["2021-10-29-ita-usa-biden-draghi", "2021-10-29-ita-usa-biden-mattarella"]),
    (("kremlin-62530-call-tokayev.txt", "kremlin-62534-call-nazarbayev.txt"),
     ["2019-12-31-kaz-rus-nazarbayev-putin-phone", "2019-12-31-kaz-rus-putin-tokayev-phone"]),
])
def test_two_events_of_one_day_between_the_same_countries_stay_apart(pages, expected):
    store = OxigraphStore(None)
    result = build([str(PAGES / page) for page in pages], store)
    assert (result.meetings, result.joined) == (2, 0)
    assert meeting_iris(store) == expected


def test_rebuilding_a_transcript_does_not_join_its_own_meeting(tmp_path):
    page = str(PAGES / "kremlin-62530-call-tokayev.txt")
    with OxigraphStore(tmp_path / "store") as store:
        build([page], store)
        again = build([page], store, rebuild=True)  # unchanged, it would be skipped
    assert (again.meetings, again.joined) == (1, 0)


def test_build_counts_the_same_meetings_as_stats_and_the_undated_transcripts():
    from kg.store.stats import store_stats

    store = OxigraphStore(None)
    result = build([str(PAGES)], store)
    assert result.meetings == store_stats(store)["totals"]["meetings"]
    # the announcement has no dateline and no metadata, but its first sentence writes the meeting's day in
    # full ("will meet on December 14, 2012"): its meeting is dated by it, so no transcript is left undated
    # (an undated page is counted in test_building_batches)
    assert result.undated == 0 and "without a date" not in result.summary()
    rows = store.query("SELECT ?d WHERE { ?m irkg:reportedIn ?t ; irkg:date ?d . "
                       "FILTER NOT EXISTS { ?t irkg:published ?p } }")
    assert [row["d"].value for row in rows] == ["2012-12-14"]


def test_a_dateline_is_the_transcripts_publication_date():
    store = OxigraphStore(None)
    build([str(PAGES / "kremlin-62534-call-nazarbayev.txt")], store)
    rows = list(store.query("SELECT ?d WHERE { ?t a irkg:Transcript ; irkg:published ?d }"))
    assert [row["d"].value for row in rows] == ["2019-12-31"]
