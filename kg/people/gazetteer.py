"""Countries, demonyms, cities, leaders and organisations, from ``kg/data/``.

Every extractor that needs to know that "Azerbaijani students" points at AZE,
that "Erdogan" is Recep Tayyip Erdoğan, or that the "European Union" is an
organisation and not a country asks one :class:`Gazetteer`.  The data files
are built by ``tools/build_gazetteer.py`` from permissively licensed sources
plus two small hand-written supplements (see ``kg/data/LICENSES.md``).

Country phrases are matched case-sensitively: "Chad", "Jordan", "Turkey" and
"Georgia" are countries only when written as names.  All phrases live in one
regular expression compiled from a character trie, so a scan costs one pass
over the text whatever the number of phrases, and the longest phrase wins
("Papua New Guinea" over "Guinea", "Latin American" over "American").
Phrases listed with the code ``-`` match but give no country: they exist to
swallow "Indian Ocean" or "Indo-Pacific" before a shorter phrase can fire.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import KgError
from kg.loadcache import cached, compiled_of, key_of
from kg.people.leaderdata import LeaderIndex, LeaderInfo
from kg.people.listcache import people_list
from kg.people.nameindex import index_path
from kg.people import namekey
from kg.people.namekey import generation, unaccented
from kg.model import CountryMention, Span
from kg.resources import data_path

NO_COUNTRY = "-"


class GazetteerError(KgError):
    """A gazetteer data file is missing or malformed."""


@dataclass(frozen=True)
class CountryInfo:
    iso3: str
    iso2: str
    name: str
    qid: str | None
    capital: str | None


@dataclass(frozen=True)
class CityInfo:
    name: str
    country: str  # alpha-3
    geonameid: int | None


@dataclass(frozen=True)
class OrganisationInfo:
    name: str
    abbreviation: str | None
    qid: str | None
    family: str | None = None  # the source's group of bodies ("EU institutions and bodies")


def fold(text: str) -> str:
    """Key for loose lookups: no diacritics, no case, hyphens and runs of space as one space."""
    plain = unaccented(text.replace("’", "'"))
    return " ".join(plain.casefold().replace("-", " ").replace(".", " ").split())


def _exact_key(text: str) -> str:
    """Key for a matched phrase: typography (NBSP, curly apostrophe) ignored, case kept."""
    return text.replace("\u00a0", " ").replace("’", "'")


_CHAR_CLASSES = {" ": "[ \u00a0]", "'": "['’]"}


def phrase_pattern(phrases: Iterable[str], cache_as: str | None = None) -> re.Pattern[str]:
    """One regex matching any phrase as a whole word, longest first (its text and compiled form kept
    in the load cache as ``cache_as``, when given, under the phrases and this module's code:
    :func:`kg.loadcache.compiled_of`, so a build worker neither writes nor compiles it again).

    The alternation is nested along a character trie, so the engine follows
    one branch per character instead of trying thousands of alternatives at
    every position; a greedy optional tail makes longer phrases win, and
    backtracking falls back to a shorter one when a longer one would end
    inside a word.
    """
    keys = sorted({_exact_key(phrase) for phrase in phrases})  # the trie, hence the text, is made of these
    if not keys:
        return re.compile(r"(?!x)x")
    if cache_as is None:
        return re.compile(_pattern_text(keys))
    key = key_of("phrase pattern", Path(__file__).read_bytes(), "\0".join(keys))
    return compiled_of(cache_as, key, lambda: _pattern_text(keys))


def _pattern_text(keys: list[str]) -> str:
    """The text of :func:`phrase_pattern`'s regex for these phrase keys (not empty)."""
    trie: dict = {}
    for phrase in keys:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    escaped: dict[str, str] = {}

    def piece(ch: str) -> str:
        if ch not in escaped:
            escaped[ch] = _CHAR_CLASSES.get(ch, re.escape(ch))
        return escaped[ch]

    def emit(node: dict) -> str:
        chain = []  # a run of nodes with one child and no phrase ending there: plain characters
        while len(node) == 1 and "" not in node:
            (ch, node), = node.items()
            chain.append(piece(ch))
        branches = [piece(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return "".join(chain)
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            body = (body if len(branches) > 1 else "(?:" + body + ")") + "?"
        return "".join(chain) + body

    # the word boundary before a phrase is tested after its first character, as a look-behind: every
    # alternative then opens on a literal, and the engine skips ahead (in C) to a character that can
    # begin a phrase instead of testing the boundary and the trie's first branch at every position
    heads = [piece(ch) + r"(?<!\w.)" + emit(child) for ch, child in sorted(trie.items())]
    return "(?:" + "|".join(heads) + r")(?!\w)"


def _read_tsv(name: str, directory: Path | None) -> list[list[str]]:
    """Rows of a shipped TSV file, without the header and ``#`` comment lines."""
    path = (directory / name) if directory else data_path(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer file ({exc.strerror})") from exc
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    if not rows:
        raise GazetteerError(f"{path}: gazetteer file is empty")
    return rows[1:]


def _int(value: str) -> int | None:
    return int(value) if value.strip() else None


def _city_table(rows: list[list[str]]) -> tuple[list[tuple], dict[str, list[tuple[int, int]]]]:
    """The cities file's rows as (name, alpha-3, GeoNames id) and, by folded name or alias, the
    (population, row) of each city so called, most populous first: plain values, for the load cache."""
    cities: list[tuple] = []
    table: dict[str, list[tuple[int, int]]] = {}
    for name, iso3, geonameid, population, aliases in rows:
        for key in {fold(n) for n in [name, *aliases.split("|")] if n}:
            table.setdefault(key, []).append((int(population), len(cities)))
        cities.append((name, iso3, _int(geonameid)))
    for entries in table.values():
        entries.sort(key=lambda entry: -entry[0])
    return cities, table


def _fold_code() -> tuple[bytes, bytes, str]:
    """What :func:`fold` does, for the key of what it made: its code and the Unicode tables it reads."""
    return Path(__file__).read_bytes(), Path(namekey.__file__).read_bytes(), unicodedata.unidata_version


class Gazetteer:
    """Lookups over the shipped data; build once (see :func:`default_gazetteer`)."""

    def __init__(self, directory: Path | None = None) -> None:
        self._dir = directory
        self._countries: dict[str, CountryInfo] = {}
        for iso3, iso2, name, qid, capital in _read_tsv("countries.tsv", directory):
            info = CountryInfo(iso3, iso2, name, qid or None, capital or None)
            self._countries[iso3] = self._countries[iso2] = info
        self._phrase_code: dict[str, str] = {}
        for row in _read_tsv("country_names.tsv", directory):
            self._phrase_code.setdefault(_exact_key(row[0]), row[1])
        for phrase, code in _read_tsv("country_aliases.tsv", directory):
            self._phrase_code[_exact_key(phrase)] = code  # our supplement overrides sources
        for phrase, code in list(self._phrase_code.items()):
            if len(phrase) >= 4 and phrase.upper() not in self._phrase_code:
                self._phrase_code[phrase.upper()] = code  # ALL-CAPS headings
        self._folded_code = {fold(p): c for p, c in self._phrase_code.items() if c != NO_COUNTRY}
        self._country_re: re.Pattern[str] | None = None
        self._cities: dict[str, list[tuple[int, CityInfo]]] | None = None
        self._leaders: LeaderIndex | None = None
        self._officeholders: LeaderIndex | None = None
        self._organisations: dict[str, OrganisationInfo] | None = None
        self._org_re: re.Pattern[str] | None = None

    # countries ------------------------------------------------------------

    def country(self, code: str) -> CountryInfo | None:
        """The country with this ISO alpha-3 or alpha-2 code, any case."""
        return self._countries.get(code.strip().upper())

    def countries(self) -> Iterator[CountryInfo]:
        """Every country once, sorted by alpha-3 code."""
        seen = {info.iso3: info for info in self._countries.values()}
        return iter(sorted(seen.values(), key=lambda info: info.iso3))

    def country_code(self, phrase: str) -> str | None:
        """Alpha-3 code for a name, official name, demonym or adjectival, else None."""
        key = fold(phrase)
        key = key[4:] if key.startswith("the ") else key
        code = self._folded_code.get(key)
        if code is None and phrase.strip().isupper() and len(phrase.strip()) == 3:
            info = self._countries.get(phrase.strip())
            code = info.iso3 if info else None
        return code

    def find_countries(self, text: str, start: int = 0,
                       end: int | None = None) -> list[CountryMention]:
        """Every country phrase in ``text[start:end]``, with spans into ``text``."""
        if self._country_re is None:
            self._country_re = phrase_pattern(self._phrase_code, "country-phrases")
        found = []
        for match in self._country_re.finditer(text, start, len(text) if end is None else end):
            code = self._phrase_code.get(_exact_key(match.group()))
            if code and code != NO_COUNTRY:
                found.append(CountryMention(code, Span(match.start(), match.end())))
        return found

    # cities ---------------------------------------------------------------

    def city(self, name: str, country: str | None = None) -> CityInfo | None:
        """The most populous city called ``name`` (in ``country``, alpha-3 or alpha-2)."""
        if self._cities is None:
            self._cities = self._load_cities()
        wanted = self.country(country).iso3 if country and self.country(country) else country
        for _, info in self._cities.get(fold(name), []):
            if wanted is None or info.country == wanted:
                return info
        return None

    def _load_cities(self) -> dict[str, list[tuple[int, CityInfo]]]:
        """The cities by folded name, most populous first.  Folding their 18,000 names took a build worker
        0.03 CPU-s before its first page: the folded table is kept in the load cache (:mod:`kg.loadcache`)
        under the file's bytes and the code that folds, and made again when either changes."""
        path = (self._dir / "cities.tsv") if self._dir else data_path("cities.tsv")
        try:
            data = path.read_bytes()
        except OSError:  # the file's own error, from the usual reading
            data = None
        make = lambda: _city_table(_read_tsv("cities.tsv", self._dir))  # noqa: E731
        rows, table = make() if data is None else cached("cities", key_of("cities", data, *_fold_code()), make)
        infos = [CityInfo(*row) for row in rows]
        return {key: [(population, infos[i]) for population, i in entries] for key, entries in table.items()}

    # leaders --------------------------------------------------------------

    def leaders(self) -> LeaderIndex:
        """The dated list of heads of state and government and foreign ministers (loaded once)."""
        if self._leaders is None:
            files = ("leader_names.tsv", "leaders.tsv")
            self._leaders = people_list("leaders", self._paths(files),
                                        lambda: LeaderIndex(lambda name: _read_tsv(name, self._dir),
                                                            index_file=self._index_file(files[0])), Path(__file__))
        return self._leaders

    def officeholders(self) -> LeaderIndex:
        """The dated list of other offices (ministers, speakers, heads of international
        organisations), kept apart from :meth:`leaders`; empty for a data folder without it."""
        if self._officeholders is None:
            files = ("officeholder_names.tsv", "officeholders.tsv")
            present = self._dir is None or all((self._dir / name).exists() for name in files)
            make = lambda: LeaderIndex(lambda name: _read_tsv(name, self._dir) if present else [], *files,  # noqa: E731
                                       index_file=self._index_file(files[0]))
            self._officeholders = people_list("officeholders", self._paths(files), make, Path(__file__)) \
                if present else make()
        return self._officeholders

    def _paths(self, names: tuple[str, ...]) -> tuple[Path, ...]:
        """The data files of these names."""
        return tuple(self._dir / name if self._dir else data_path(name) for name in names)

    def _index_file(self, names: str) -> Path:
        """Where the index of a names file, made before, would be (:mod:`kg.people.nameindex`)."""
        return index_path(self._dir / names if self._dir else data_path(names))

    def leaders_named(self, name: str, year: int | None = None) -> list[LeaderInfo]:
        """Offices held by the person called ``name`` (spellings folded by :mod:`kg.people.namekey`).

        A full name finds its holder; a partial name ("Erdogan", "Tayyip
        Erdogan") only when every word of it fits one person, and a "Sr." or
        "Jr." the older or younger of namesakes.  ``year`` keeps the offices held
        in that year.
        """
        index = self.leaders()
        qids = index.namesake(index.keyed(name), generation(name))
        if not qids:
            qids = index.with_words(name)
            if len(qids) != 1:
                return []
        found = [tenure for qid in sorted(qids) for tenure in index.of_person(qid)]
        if year is not None:
            found = [lead for lead in found
                     if (lead.start_year is None or lead.start_year <= year)
                     and (lead.end_year is None or year <= lead.end_year)]
        # one tenure per person, country and kind of office; a row that names the office wins
        best: dict[tuple, LeaderInfo] = {}
        for lead in sorted(found, key=lambda lead: not lead.office):
            best.setdefault((lead.qid, lead.country, lead.kind), lead)
        return [lead for lead in found if best[(lead.qid, lead.country, lead.kind)] is lead]

    # organisations --------------------------------------------------------

    def organisation(self, name: str) -> OrganisationInfo | None:
        """The organisation with this name, alias or abbreviation ("NATO", "the UN")."""
        index = self._load_organisations()
        stripped = name.strip()
        stripped = stripped[4:] if stripped.lower().startswith("the ") else stripped
        return index.get(stripped) or index.get(_org_key(stripped))

    def find_organisations(self, text: str, start: int = 0, end: int | None = None
                           ) -> list[tuple[OrganisationInfo, Span]]:
        """Every organisation named in ``text[start:end]``, longest name first."""
        index = self._load_organisations()
        if self._org_re is None:
            self._org_re = phrase_pattern((k for k in index if not k.startswith("\x00")), "organisation-phrases")
        found = []
        for match in self._org_re.finditer(text, start, len(text) if end is None else end):
            info = index.get(_exact_key(match.group()))
            if info:
                found.append((info, Span(match.start(), match.end())))
        return found

    def _load_organisations(self) -> dict[str, OrganisationInfo]:
        """Index: exact names, aliases and abbreviations, plus ``\\x00``-prefixed folded keys."""
        if self._organisations is not None:
            return self._organisations
        by_key: dict[str, OrganisationInfo] = {}
        rows = [(r, False) for r in _read_tsv("organisations.tsv", self._dir)]
        rows += [(r, True) for r in _read_tsv("organisations_extra.tsv", self._dir)]
        for row, supplement in rows:
            name, abbreviation, qid, aliases = row[:4]
            family = row[4] if len(row) > 4 and row[4] else None
            known = by_key.get(_org_key(name))
            if supplement and known:
                info = OrganisationInfo(known.name, known.abbreviation or abbreviation or None,
                                        known.qid or qid or None, known.family)
                names = [k for k, v in by_key.items() if v == known]
            else:
                info = OrganisationInfo(name, abbreviation or None, qid or None, family)
                names = []
            spellings = {name, name.replace("Organisation", "Organization"),
                         name.replace("Organization", "Organisation")}
            for alias in [*spellings, *aliases.split("|")]:
                if alias:
                    names += [alias, _org_key(alias)]
            if info.abbreviation:
                names.append(info.abbreviation)
            for key in names:
                if supplement or key not in by_key:
                    by_key[key] = info
        self._organisations = by_key
        return by_key


def _org_key(name: str) -> str:
    return "\x00" + fold(name).replace("organization", "organisation")


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer over the shipped data, built once per process."""
    return Gazetteer()


_SPACES = re.compile(r"[ \u00a0]+")


@lru_cache(maxsize=20000)
def country_of(phrase: str) -> str | None:
    """ISO alpha-3 code of a country name, demonym or adjective; None if not a country.

    A phrase must start with a capital (or "the "): "turkey" in lower case is
    a bird, and people and places are written with capitals in these texts.
    """
    phrase = _SPACES.sub(" ", phrase).strip(" ,")
    if not phrase or not phrase[0].isupper() and not phrase.startswith("the "):
        return None
    return default_gazetteer().country_code(phrase)
