"""Known people link to their own QID, never to another's.

A wrong link is worse than none: it merges two people in the graph.  Each case is a real
participant of the kremlin.ru or White House corpus, written as the page writes it, on the
page's date, with the QID and label the shipped lists (``kg/data/leader_names.tsv``,
``officeholder_names.tsv``: Wikidata query output) give that person.  The label is checked
too, so a QID mistyped here fails rather than pinning a wrong link.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.model import Person
from kg.people.linking import link

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"

PINS = [  # (written name, office, country, organisation, page date, QID, the lists' label)
    ("Geidar Aliev", "President", "AZE", None, "1999-04-26", "Q157451", "Heydar Aliyev"),
    ("Ilkham Aliyev", "President", "AZE", None, "2004-02-06", "Q57371", "Ilham Aliyev"),
    ("Mehriban Aliyeva", "First Vice President", "AZE", None, "2017-03-01", "Q671930", "Mehriban Aliyeva"),
    ("Emomali Rakhmonov", "President", "TJK", None, "2002-04-09", "Q57366", "Emomali Rahmon"),
    ("George Bush", "President", "USA", None, "2002-05-24", "Q207", "George W. Bush"),
    ("Kofi Annan", "Secretary-General", None, "United Nations", "2003-05-01", "Q1254", "Kofi Annan"),
    ("Lee Nak-yeon", "Prime Minister", "KOR", None, "2018-09-12", "Q12611134", "Lee Nak-yon"),
    ("Sall", "President", "SEN", None, "2022-12-14", "Q57438", "Macky Sall"),
    ("Sall", "Foreign Minister", "SEN", None, "2022-12-14", "Q15542603", "Aïssata Tall Sall"),
]


def _labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for name in ("leader_names.tsv", "officeholder_names.tsv"):
        with open(DATA / name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                labels.setdefault(row["qid"], row["label"])
    return labels


@pytest.mark.parametrize("name,office,country,organisation,day,qid,label", PINS)
def test_a_known_name_links_to_its_own_qid(name, office, country, organisation, day, qid, label):
    linked = link(Person(name, office, country, organisation), day)
    assert (linked.qid, linked.label) == (qid, label)


def test_the_pinned_qids_are_the_lists_own():
    labels = _labels()
    assert {qid: labels.get(qid) for *_, qid, _ in PINS} == {qid: label for *_, qid, label in PINS}


@pytest.mark.parametrize("name,office,country,day", [
    ("Sall", None, "SEN", "2022-12-14"),  # two Salls in office, no office to tell them apart
    ("Lee Nak-yeon", "Prime Minister", "KOR", "2021-09-12"),  # after his term
])
def test_a_name_that_fits_several_or_none_in_office_links_nobody(name, office, country, day):
    assert link(Person(name, office, country), day).qid is None
