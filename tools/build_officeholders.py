"""Regenerate kg/data/officeholders.tsv and kg/data/officeholder_names.tsv: who held which other office when.

Usage: ``python tools/build_officeholders.py HOLDERS_DIR``

The leader list (``tools/build_leaders.py``) knows heads of state and government and
the foreign ministers of 2022; the pages also meet ministers of earlier years, US
Secretaries of State, parliament speakers and the heads of international
organisations.  The every-politician-scrapers project keeps, in each of its country
repositories, ``html/holders21.csv``: every holder of the country's wanted positions
whose term ended in 2000 or later, with Wikidata QIDs and P580/P582 dates — the output
of the SPARQL query ``pcb/holders.js`` of every-politician-scrapers/shared, so Wikidata
data (CC0).  Its ``world`` repository holds the same for the United Nations, the
International Court of Justice and a few other organisations.

``HOLDERS_DIR`` holds one file per repository of :data:`SOURCES`, named
``<repository>.csv`` and taken at the commit listed there, e.g.
``git --git-dir=<mirror of every-politician-scrapers/us-cabinet> show 0d5e73c:html/holders21.csv
> HOLDERS_DIR/us-cabinet.csv``.  A country repository's rows get that country; the
world repository's rows get the organisation of :data:`ORGANISATION_OF` (others are
dropped: a permanent representative to the UN speaks for a country the row does not
give).  Dates keep the query's precision ("2003-03" becomes 2003-03-01 as a start and
2003-03-31 as an end, "1990s" 1990 and 1999); rows without a start are dropped, since an
open start would cover any earlier day.  The last column of a country file, the person's
English Wikipedia title (a Wikidata sitelink), is kept as another spelling when it
differs from the label ("Simeon Saxe-Coburg-Gotha" for "Simeon II of Bulgaria").
Output is sorted, so a rebuild diffs cleanly.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_leaders import OUT, write_names  # noqa: E402  (one writer of a people list's names file)

#: every-politician-scrapers repository -> (ISO 3166 alpha-3, or "" for organisations; commit taken)
SOURCES: dict[str, tuple[str, str]] = {
    "afghanistan": ("AFG", "f54eb517a816eb2db1f6d5e4ad0d60dcf9de7e74"),
    "abkhazia-ministers": ("GEO", "7e9640c1d751435964ce7de5caf8f929b5795175"),  # ISO 3166-2 GE-AB
    "azerbaijan-cabinet": ("AZE", "88e2221afaeb133eb9ac369d5a036c69bbeefc4d"),
    "belarus-ministers": ("BLR", "3edd7c7cbcba709c6165f7df09653dcbf50c7712"),
    "belgium-cabinet": ("BEL", "a1420fcaec8b2c2966eebb13f352b95725d3785b"),
    "bulgaria-cabinet": ("BGR", "2068236a3e5af84bd30f347afe86bcc089d6fd5d"),
    "canada-cabinet": ("CAN", "3b3f0da86ca64c7e3ce6d0f073ed66612885d06f"),
    "chad-ministers": ("TCD", "4f57b9626bf40b944bb63ea9d4f016420f71e3b7"),
    "china-ministers": ("CHN", "300341654d57cd10776238bae41c89b6ea315276"),
    "costa-rica": ("CRI", "e0bae021bc72c9b44bc08521819804da661bb23b"),
    "cuba": ("CUB", "5f8fa4ee8913ea123ef6727fbf0c8b3453fbbb86"),
    "egypt-ministers": ("EGY", "f3820a30ce92a8557e3503202fed731e9d91275c"),
    "france-cabinet": ("FRA", "7ff37baf3297a83711c90ac84b1d3b2ecb50a541"),
    "georgia-ministers": ("GEO", "e843205baddb9cd7321170ede5d08210b1bf6c78"),
    "greece-cabinet": ("GRC", "34bf1d17b4c2afa95e6063f93742e53f3d4c7454"),
    "india-ministers": ("IND", "66f344bbf207d35eaa3225edf5584ae0bb164fe8"),
    "iran-ministers": ("IRN", "a8e7c2fb16372b8b77a09303ae27d46a9ea21e67"),
    "italy-ministers": ("ITA", "4f9e038f62f3c71f737fd7e30a4e35df1686f4eb"),
    "japan-ministers": ("JPN", "8ba3cb1992bee87f5b8dc566da87db2be8550a1a"),
    "jordan-ministers": ("JOR", "34bc64166cbe64a6a784a7b134f2fd55872fa5f7"),
    "kazakhstan-cabinet": ("KAZ", "caf651f97dc0efed4955887c17fd6fadcdf7b111"),
    "mexico-ministers": ("MEX", "87f5ae7dc992a800173a7c9de53ccbe25661dc61"),
    "moldova-ministers": ("MDA", "8f20086e5f2cc7b6019a841225e3c9e323c8d19d"),
    "netherlands-cabinet": ("NLD", "a542323a663b1a7232e6f8e4843eda1f019a8705"),
    "norway-cabinet": ("NOR", "c0bc52971dac1a8734320e298a714903adae5b83"),
    "portugal-cabinet": ("PRT", "49dd0287a8d715a217ba067c04d574b2632864af"),
    "russia-cabinet": ("RUS", "3871831d9846a16c5017acc229e003ab706202ab"),
    "saudi-ministers": ("SAU", "566c58806bee4d91167f3dcbd19abbb596e65497"),
    "scotland-cabinet": ("GBR", "082f5ce4eda96d7e9ea8af82df53fefd85962cca"),  # ISO 3166-2 GB-SCT
    "serbia-ministers": ("SRB", "a4a525577243b1a2ebc9c98de0801347aba26e52"),
    "south-korea-ministers": ("KOR", "6f17960017c672790f0997885e5b2ff5937305de"),
    "spain-ministers": ("ESP", "1e1550ca85af4c39b71e6a462fead133849fe078"),
    "turkey-ministers": ("TUR", "288fbd45ee3fa59f8a226437bf43d726c9845f4f"),
    "turkmenistan": ("TKM", "db857efe4e49f9efb787394ca3065f3d8a462f8f"),
    "ukraine-cabinet": ("UKR", "4fc6ab0f4d90d6170b674172a115f1bc98478e4b"),
    "united-kingdom-cabinet": ("GBR", "3a5ec686630cbefc0fe4b96da38a2a50b52d2556"),
    "us-cabinet": ("USA", "0d5e73cb24ba9f78bc36f6cd0fbe9839e6cd8600"),
    "vietnam": ("VNM", "906e493fe5ae307bf6184baa4fa9e48d75f9866d"),
    "world": ("", "4a3b394d9a35d26d138cded8718d0805b7ce9336"),
    # the world repository's html/legislators.csv (members of international parliamentary
    # assemblies, the same query's output for their seats), saved as world-legislators.csv
    "world-legislators": ("", "4a3b394d9a35d26d138cded8718d0805b7ce9336"),
    # offices of international organisations held by members of the House of Commons: everypolitician/
    # everypolitician-data data/UK/Commons/unstable/positions.csv at this commit, members' QIDs from the
    # same parliament's ep-popolo-v1.0.json (tools/build_everypolitician_offices.py)
    "everypolitician-uk-commons": ("", "7fcd18bf53dfea5859fa89084f14d30781c22b76"),
    # Germany's federal and state cabinet posts: everypolitician-data data/Germany/Bundestag/sources/morph/
    # cabinet.csv at this commit (the output of EveryPolitician's Wikidata query; the same tool, --cabinet)
    "everypolitician-germany-cabinet": ("DEU", "fa3fc62c3dd8ed803d220dde5dcb35e4c60db1b0"),
}

#: the organisation each position of the world repository belongs to, as the gazetteer names it
#: (the Parliamentary Assembly is the Council of Europe's: the pages name the Council)
ORGANISATION_OF: dict[str, str] = {
    "Secretary-General of the United Nations": "United Nations",
    "Deputy Secretary-General of the United Nations": "United Nations",
    "Under-Secretary-General of the United Nations": "United Nations",
    "President of the United Nations General Assembly": "United Nations General Assembly",
    "Director-General of the World Trade Organization": "World Trade Organization",
    "President of the International Court of Justice": "International Court of Justice",
    "Vice President of the International Court of Justice": "International Court of Justice",
    "Judge of the International Court of Justice": "International Court of Justice",
    "OSCE High Commissioner on National Minorities": "Organization for Security and Co-operation in Europe",
    "president of the Parliamentary Assembly of the Council of Europe": "Council of Europe",
    "Speaker of the Arab Parliament": "Arab Parliament",
    # seats of the world repository's legislators file: delegates of national parliaments
    "Representative of the Parliamentary Assembly of the Council of Europe": "Council of Europe",
    "Substitute member of the Parliamentary Assembly of the Council of Europe": "Council of Europe",
    "Observer of the Parliamentary Assembly of the Council of Europe": "Council of Europe",
    "Special Guest of the Parliamentary Assembly of the Council of Europe": "Council of Europe",
    "Member of the Pan-African Parliament": "Pan-African Parliament",
    "member of the Andean Parliament": "Andean Parliament",
    # offices of the EveryPolitician positions files (Wikidata's labels of the positions)
    "Secretary General of NATO": "North Atlantic Treaty Organisation",
    "Secretary General of the Council of Europe": "Council of Europe",
    "European Commissioner for Trade": "European Commission",
    "Under-Secretary-General for Humanitarian Affairs and Emergency Relief Coordinator": "United Nations",
}

NATIONAL, ORGANISATION = "national_office", "organisation_office"


def _day(value: str, last: bool) -> str:
    """A holders21 date at its own precision as the leader files write dates: an ISO day or a year."""
    value = value.strip()
    if re.fullmatch(r"\d{4}s", value):  # a decade
        return str(int(value[:4]) + (9 if last else 0))
    month = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        return f"{value}-{calendar.monthrange(year, number)[1] if last else 1:02d}"
    return value[:10]


def _spelling(title: str) -> str:
    """An English Wikipedia title as a name: "Shun'ichi Suzuki (politician)" -> "Shun'ichi Suzuki"."""
    return re.sub(r"\s*\([^)]*\)$", "", title).strip()


def _clean(text: str) -> str:
    """A cell without the separators of the output files."""
    return re.sub(r"[\t|]+", " ", text).strip()


def read_source(path: Path, country: str) -> tuple[list[list[str]], dict[str, list[str]]]:
    """Tenures and spellings of one holders21 file."""
    rows, names = [], {}
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        for record in reader:
            r = dict(zip(header, record))
            qid, label, position = r.get("personID", ""), r.get("person", "").strip(), r.get("position", "")
            organisation = "" if country else ORGANISATION_OF.get(position, "")
            if not re.fullmatch(r"Q[1-9][0-9]*", qid) or not label or label == qid or not r.get("start"):
                continue
            if not country and not organisation:
                continue
            rows.append([qid, country, organisation, ORGANISATION if organisation else NATIONAL, _clean(position),
                         _day(r["start"], False), _day(r.get("end", ""), True), path.stem])
            spellings = names.setdefault(qid, [_clean(label)])
            title = _clean(_spelling(r.get("enwiki", "")))
            if title and title not in spellings:
                spellings.append(title)
    return rows, names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("holders", type=Path, help="folder of <repository>.csv holders21 files")
    args = parser.parse_args(argv)
    tenures: set[tuple[str, ...]] = set()
    names: dict[str, list[str]] = {}
    for repository, (country, _commit) in sorted(SOURCES.items()):
        rows, spellings = read_source(args.holders / f"{repository}.csv", country)
        tenures.update(tuple(row) for row in rows)
        for qid, found in spellings.items():
            known = names.setdefault(qid, [])
            known.extend(s for s in found if s not in known)
    with open(OUT / "officeholders.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("qid\tiso3\torganisation\tkind\toffice\tstart\tend\tsource\n")
        f.writelines("\t".join(row) + "\n" for row in sorted(tenures))
    write_names(OUT / "officeholder_names.tsv", names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
