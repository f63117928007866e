"""A leader a page names by country and office only gets the spelling the pages used then, not the list's label.

The leader list labels some people in another language's spelling ("Leonid Kutchma") and a leader may
change the spelling of his own name ("Emomali Rakhmonov" became "Emomali Rahmon" in 2007); the table
made by tools/build_usual_names.py gives the pages' own spelling of the nearest year, and the IRI stays
the list's.
"""

from __future__ import annotations

import sys
from pathlib import Path

from genre_pages import kremlin

from kg.people.usualnames import usual_name

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from build_usual_names import _full, usual_names  # noqa: E402

KUCHMA, RAHMON = "Q629702", "Q57366"


def test_the_usual_spelling_follows_the_year():
    assert usual_name(RAHMON, "2001-06-15", "Emomali Rahmon") == "Emomali Rakhmonov"
    assert usual_name(RAHMON, "2019-04-10", "Emomali Rahmon") == "Emomali Rahmon"
    assert usual_name(KUCHMA, "2004-01-29", "Leonid Kutchma") == "Leonid Kuchma"
    assert usual_name("Q0", "2004-01-29", "Someone Else") == "Someone Else"
    assert usual_name(KUCHMA, None, "Leonid Kutchma") == "Leonid Kutchma"


def test_presidents_named_by_country_get_the_pages_spelling_and_keep_their_qid():
    doc = kremlin("The Presidents of Russia, Belarus, Kazakhstan and Ukraine signed an agreement",
                  "September 19, 2003, Yalta", "The four heads of state invited other countries to join.")
    ukraine = [p for p in doc.participants if p.country == "UKR"]
    assert [(p.name, p.qid, p.label) for p in ukraine] == [("Leonid Kuchma", KUCHMA, "Leonid Kutchma")]


def test_a_spelling_the_page_writes_is_kept():
    doc = kremlin("The Presidents of Russia and Tajikistan held talks", "May 25, 2001, Dushanbe",
                  "Vladimir Putin and President of Tajikistan Emomali Rahmon discussed regional security.")
    assert "Emomali Rahmon" in {p.name for p in doc.participants}


def test_the_table_keeps_each_years_most_written_spelling_of_people_the_label_misses():
    votes = [("Q1", 2001, "Leonid Kuchma", "Leonid Kutchma"), ("Q1", 2001, "Leonid Kuchma", "Leonid Kutchma"),
             ("Q1", 2001, "Leonid Kutschma", "Leonid Kutchma"), ("Q1", 2004, "Leonid Kutchma", "Leonid Kutchma"),
             ("Q2", 2001, "Jacques Chirac", "Jacques Chirac")]
    assert usual_names(votes) == [["Q1", "2001", "Leonid Kuchma", "2"], ["Q1", "2004", "Leonid Kutchma", "1"]]
    assert _full("Mr Putin") is None and _full("Sheikh Tamim Al Thani") == "Tamim Al Thani"
