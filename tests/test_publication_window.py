"""A kremlin.ru page that names no day of its own is placed in the graph by its window of publication.

The window comes from the page number (kg.inputs.kremlin_ids); the graph says it with
irkg:publishedNotBefore and irkg:publishedNotAfter, never as a day, and the build summary
counts the transcripts that have only such a window.  A page with a dateline keeps its day.
"""

from __future__ import annotations

import pytest

from kg.building.builder import build_transcripts
from kg.extract.pipeline import pipeline_for, process
from kg.inputs.kremlin_ids import _table, publication_window
from kg.inputs.reader import transcript_from_text
from kg.rdf.mapping import map_document, reference_triples
from kg.rdf.namespace import irkg
from kg.store.embedded import OxigraphStore
from kg.validation.shacl import GraphValidator

RULES = pipeline_for("rules")
NEWS = "http://en.kremlin.ru/events/president/news/"
# An announcement without a dateline whose lead names no day: nothing on the page dates it.
NO_DAY = """Vladimir Putin will meet with President of Ukraine Viktor Yanukovych

Viktor Yanukovych will be in Russia on a working visit.
"""
DATELINE = """Telephone conversation with President of Ukraine Viktor Yanukovych

February 28, 2013

Vladimir Putin had a telephone conversation with President of Ukraine Viktor Yanukovych.
"""


@pytest.fixture(scope="module")
def placed_url() -> str:
    """The URL of a page number between dated pages a few days apart: it has a window."""
    numbers, _ = _table()
    number = next(n + 1 for n in numbers[100:] if (w := publication_window(NEWS + str(n + 1)))
                  and (w[1] - w[0]).days >= 1)
    return NEWS + str(number)


def _dates(text: str, url: str | None) -> dict[str, str]:
    meta = {"url": url} if url else {}
    doc = process(transcript_from_text(text, "page.txt", **meta), "kremlin", RULES)
    wanted = {irkg(p): p for p in ("published", "publishedNotBefore", "publishedNotAfter")}
    return {wanted[t.predicate]: t.object.value for t in map_document(doc).triples if t.predicate in wanted}


def test_a_page_without_a_day_gets_the_window_of_its_page_number(placed_url):
    first, last = publication_window(placed_url)
    assert first < last
    assert _dates(NO_DAY, placed_url) == {"publishedNotBefore": first.isoformat(),
                                          "publishedNotAfter": last.isoformat()}


def test_a_page_with_a_dateline_keeps_its_day_and_has_no_window(placed_url):
    assert _dates(DATELINE, placed_url) == {"published": "2013-02-28"}


def test_a_page_its_url_places_nowhere_has_neither():
    assert _dates(NO_DAY, None) == {}
    assert _dates(NO_DAY, "https://www.gov.uk/news/17602") == {}


def test_the_window_conforms_to_the_shapes(placed_url):
    doc = process(transcript_from_text(NO_DAY.replace("will meet with", "sent a message to"), "page.txt",
                                       url=placed_url), "kremlin", RULES)
    results = GraphValidator(reference_triples(), "pyshacl").validate_triples(map_document(doc).all_triples, "g")
    assert [r.shape for r in results if r.shape.startswith("irkgsh:Transcript")] == []


def test_the_build_summary_counts_transcripts_with_only_a_window(placed_url):
    store = OxigraphStore(None)
    try:
        items = [transcript_from_text(NO_DAY, "a.txt", url=placed_url),
                 transcript_from_text(DATELINE, "b.txt", url=placed_url),
                 transcript_from_text(NO_DAY.replace("Ukraine", "Belarus"), "c.txt")]
        result = build_transcripts(items, store, pipeline=RULES, total=len(items))
    finally:
        store.close()
    assert (result.built, result.undated, result.windowed) == (3, 2, 1)
    assert "2 without a date (1 with only a window of publication days)" in result.summary()
