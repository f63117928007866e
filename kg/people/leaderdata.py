"""Who held which office of which country when: the shipped Wikidata leader list.

``kg/data/leaders.tsv`` holds one row per tenure (Wikidata QID, country,
head of state / head of government / foreign minister, office label when
the source gives one, start and end as ISO dates or years) and
``kg/data/leader_names.tsv`` each person's label and other spellings; both
are made by ``tools/build_leaders.py`` from Wikidata query output (CC0).  The same
index serves ``officeholders.tsv``/``officeholder_names.tsv`` (``tools/build_officeholders.py``):
other offices since 2000, a row naming an organisation instead of a country for the
heads of international organisations.

Names are indexed by their folded words (:mod:`kg.people.namekey`), so "Ilkham
Aliyev", "Ilham Aliev" and "Ilham Aliyev" find the same person, and tenures
by country, so a description such as "President of Ukraine Leonid Kuchma"
on a date can be checked against whoever held the office then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date as Date, timedelta
from pathlib import Path
from typing import Callable

from kg.people.nameindex import fold_names, read_index
from kg.people.namekey import name_key, regnal_name, similar_word, telling_words, unaccented

#: Wikidata dates are sometimes a day or a month off the publishers' (an inauguration
#: on the 7th recorded as the 1st); a tenure counts as held this many days either side.
SLACK_DAYS = 45


@dataclass(frozen=True)
class LeaderInfo:
    """One tenure of one person, with that person's label."""

    name: str
    qid: str
    country: str | None
    office: str
    start: str = ""
    end: str = ""
    kind: str = ""
    organisation: str = ""

    @property
    def start_year(self) -> int | None:
        return int(self.start[:4]) if self.start else None

    @property
    def end_year(self) -> int | None:
        return int(self.end[:4]) if self.end else None

    def held_on(self, day: str, slack: int = SLACK_DAYS) -> bool:
        """Whether the tenure covers ``day`` (ISO), give or take ``slack`` days."""
        wanted = _as_date(day, low=True)
        if wanted is None:
            return False
        start, end = _as_date(self.start, low=True), _as_date(self.end, low=False)
        margin = timedelta(days=slack)
        return (start is None or start - margin <= wanted) and (end is None or wanted <= end + margin)


@lru_cache(maxsize=None)  # the list's few thousand dates, asked for each tenure a page's leaders are looked up in
def _as_date(text: str, low: bool) -> Date | None:
    """An ISO date or a bare year (its first day when ``low``, else its last); a date is immutable, so
    the cached one is safe to share."""
    if not text:
        return None
    try:
        if len(text) == 4:
            return Date(int(text), 1, 1) if low else Date(int(text), 12, 31)
        return Date.fromisoformat(text[:10])
    except ValueError:
        return None


def organisation_key(name: str) -> str:
    """An organisation's name folded so that spellings compare equal ("Organisation"/"Organization")."""
    return re.sub(r"[^a-z0-9]+", " ", unaccented(name).lower()).strip().replace("organization", "organisation")


class LeaderIndex:
    """Tenures by person, by name key, by name word, by country and by organisation.

    The same index serves the leader list and the list of other office-holders
    (``officeholders.tsv``, whose rows also name an organisation, for the heads of
    international organisations); the two are kept apart so that who counts as a
    leader does not change with the second list.
    """

    def __init__(self, read_tsv: Callable[[str], list[list[str]]], names: str = "leader_names.tsv",
                 tenures: str = "leaders.tsv", index_file: Path | None = None) -> None:
        labels: dict[str, str] = {}
        self.spellings: dict[str, tuple[str, ...]] = {}
        for qid, label, aliases in read_tsv(names):
            labels[qid] = label
            self.spellings[qid] = (label, *[a for a in aliases.split("|") if a])
        self.tenures: list[LeaderInfo] = []
        self._by_qid: dict[str, list[int]] = {}
        self._by_country: dict[str, list[int]] = {}
        self._by_organisation: dict[str, list[int]] = {}
        for row in read_tsv(tenures):
            qid, iso3, organisation = row[0], row[1], row[2] if len(row) == 8 else ""
            kind, office, start, end = row[-5:-1]
            if qid not in labels:
                continue
            index = len(self.tenures)
            self.tenures.append(LeaderInfo(labels[qid], qid, iso3 or None, office, start, end, kind, organisation))
            self._by_qid.setdefault(qid, []).append(index)
            self._by_country.setdefault(iso3, []).append(index)
            if organisation:
                self._by_organisation.setdefault(organisation_key(organisation), []).append(index)
        self._by_key: dict[str, set[str]] = {}
        self._by_word: dict[str, set[str]] = {}
        self._by_regnal: dict[tuple[str, str], set[str]] = {}
        self._names_indexed = False
        self._index_file = index_file  # the names' index made before (kg.people.nameindex), if any
        self._by_word_end: dict[str, list[str]] | None = None

    def index_names(self) -> LeaderIndex:
        """Indexes every spelling by its folded key, words and regnal name, once; the lookups by name call
        it.  Folding the 10,000 names of the office-holder list takes a tenth of a second, which a one-page
        ``kg extract`` that never asks that list need not spend; a build worker indexes them before it forks
        (:mod:`kg.building.warm`), since one page in about 25 asks: from the index made before, when
        ``index_file`` holds it (:mod:`kg.people.nameindex`), in a fifth of the time."""
        if self._names_indexed:
            return self
        kept = read_index(self._index_file, self.spellings) if self._index_file else None
        self._by_key, self._by_word, self._by_regnal = kept or fold_names(self.spellings)
        self._names_indexed = True
        return self

    def state(self) -> tuple:
        """Everything the index holds, names indexed, as plain tuples, lists, dicts and sets: what
        :mod:`kg.people.listcache` keeps so that a build worker need not read and index the lists."""
        self.index_names()
        tenures = [(t.name, t.qid, t.country, t.office, t.start, t.end, t.kind, t.organisation) for t in self.tenures]
        return (self.spellings, tenures, self._by_qid, self._by_country, self._by_organisation,
                self._by_key, self._by_word, self._by_regnal)

    @classmethod
    def from_state(cls, state: tuple) -> LeaderIndex:
        """The index whose :meth:`state` this is (names indexed)."""
        index = cls.__new__(cls)
        (index.spellings, tenures, index._by_qid, index._by_country, index._by_organisation,
         index._by_key, index._by_word, index._by_regnal) = state
        index.tenures = [LeaderInfo(*row) for row in tenures]
        index._names_indexed, index._index_file, index._by_word_end = True, None, None
        return index

    def label(self, qid: str) -> str | None:
        """The person's name as the list gives it (English where a source has it)."""
        spellings = self.spellings.get(qid)
        return spellings[0] if spellings else None

    def of_person(self, qid: str) -> list[LeaderInfo]:
        return [self.tenures[i] for i in self._by_qid.get(qid, [])]

    def of_country(self, country: str, day: str, slack: int = SLACK_DAYS) -> list[LeaderInfo]:
        """Tenures of ``country`` that cover ``day``."""
        return [t for t in (self.tenures[i] for i in self._by_country.get(country, []))
                if t.held_on(day, slack)]

    def of_organisation(self, organisation: str, day: str, slack: int = SLACK_DAYS) -> list[LeaderInfo]:
        """Tenures of an office of ``organisation`` (any spelling :func:`organisation_key` folds alike)
        that cover ``day``."""
        return [t for t in (self.tenures[i] for i in self._by_organisation.get(organisation_key(organisation), []))
                if t.held_on(day, slack)]

    def keyed(self, name: str) -> set[str]:
        """QIDs of everyone one of whose spellings folds to the same key as ``name``."""
        key = name_key(name)
        return set(self.index_names()._by_key.get(key, ())) if key else set()

    def namesake(self, qids: set[str], older_or_younger: str | None) -> set[str]:
        """Of several people one name fits, the one who took office first ("sr": "George Bush
        Sr" is George H. W. Bush) or last ("jr"); ``qids`` unchanged without a generation or
        without a start date for each."""
        starts = {q: min((t.start for t in self.of_person(q) if t.start), default="") for q in qids}
        if len(qids) < 2 or not older_or_younger or not all(starts.values()):
            return qids
        pick = min if older_or_younger == "sr" else max
        return {pick(qids, key=lambda q: starts[q])}

    def regnal(self, name: str) -> set[str]:
        """QIDs of everyone with the same name and regnal number ("Juan Carlos I" is the list's
        "João Carlos I de Espanha"); none when ``name`` has no number."""
        regnal = regnal_name(name)
        return set(self.index_names()._by_regnal.get(regnal, ())) if regnal else set()

    def with_words(self, name: str) -> set[str]:
        """QIDs of everyone whose spellings contain every telling word of ``name``
        (honorifics and particles ignored: "Sheikh Al Thani" is no one in particular)."""
        words = telling_words(name)
        if not words:
            return set()
        by_word = self.index_names()._by_word
        return set.intersection(*(by_word.get(w, set()) for w in words))

    def with_similar_word(self, word: str) -> set[str]:
        """QIDs of everyone one of whose spellings has a folded word that may be the folded ``word``
        spelt otherwise (:func:`kg.people.namekey.similar_word`).  Such a word shares the first two
        letters or the last three (equal; one letter changed, added or dropped in five or more; a
        suffix after five alike), so only those are compared, from an index made on first use."""
        by_word = self.index_names()._by_word
        if self._by_word_end is None:
            self._by_word_end = {}
            for theirs in by_word:
                for end in (theirs[:2] + "-", "-" + theirs[-3:]):
                    self._by_word_end.setdefault(end, []).append(theirs)
        nearby = {*self._by_word_end.get(word[:2] + "-", ()), *self._by_word_end.get("-" + word[-3:], ())}
        return {qid for theirs in nearby if similar_word(word, theirs) for qid in by_word[theirs]}
