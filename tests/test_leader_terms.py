"""The leaders list keeps a term open only when no other statement of it gives its end.

Wikidata often holds one term twice, once with its end date and once without (a statement
added while the term ran and never closed).  Taken as open, a king who handed the premiership
to his son would still be Prime Minister years later, and a readout of a call with the son
would name the father.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.people.gazetteer import default_gazetteer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from build_leaders import without_lost_ends  # noqa: E402


def test_an_open_term_that_another_row_closes_is_dropped():
    rows = [["Q1", "AAA", "head_of_government", "", "2015-01-23", "", "h"],
            ["Q1", "AAA", "head_of_government", "", "2015-01-23", "2022-09-27", "h"],
            ["Q1", "AAA", "head_of_state", "", "2015-01-23", "", "h"],  # another office: still open
            ["Q2", "AAA", "head_of_government", "", "2022-09-27", "", "h"],
            ["Q3", "BBB", "head_of_government", "", "2015-01-23", "", "h"]]  # another country's term
    kept = without_lost_ends(rows)
    assert ["Q1", "AAA", "head_of_government", "", "2015-01-23", "", "h"] not in kept
    assert len(kept) == 4


def test_the_shipped_list_has_no_open_term_that_another_row_closes():
    index = default_gazetteer().leaders()
    closed = {(t.qid, t.country, t.kind, t.start) for t in index.tenures if t.end}
    lost = [t for t in index.tenures if not t.end and (t.qid, t.country, t.kind, t.start) in closed]
    assert lost == []
