"""Regenerate the gazetteer files in kg/data/ from the shared reference data.

Usage: ``python tools/build_gazetteer.py SHARED_DATA_DIR``

Only permissive sources are read (rigour MIT, cartogrify MIT, GeoNames CC BY
4.0), plus a small name/abbreviation/QID subset of supraverden (CC BY-SA 4.0)
for organisations.  The leader tables come from ``tools/build_leaders.py``.  The hand-written
supplements (``country_aliases.tsv``, ``organisations_extra.tsv``) are our own
data and are not touched here.  Output is deterministic so a rebuild diffs
cleanly.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "data"

# Entries that are not countries in the ISO sense but that leaders' texts name as states.
EXTRA_TERRITORIES = {"ps"}

# Source names that are cities, languages, jokes, or too ambiguous to mark a country.
DROPPED_NAMES = {
    "Tunis", "Brazzaville", "Island", "Mann", "Cayman", "Trinidad", "Tobago", "Best Korea",
    "Magyar", "Iraki", "Yisraeli", "Israelite", "Aquaserbia", "Nederlands", "Valletta, Malta",
    "Dzayeri", "CAR", "Republic of China", "Lietuvių kalba", "Jèrriais", "Estonian",
    "Ukrainian", "Gabonese", "Qatari", "Turkmen", "El Salvadori", "El Salvadore", "Naoero",
    "Republic of Naoero", "Emetab Israel", "Burkina Faso nutome", "Vanuatu nutome",
    "ALAND ISLANDS", "Saudia Arabia", "Jamiaca", "Jamiaca Island", "Siberian", "Rossiya",
}
DROPPED_TERMS = {
    "united states", "u.s.", "united kingdom", "uk", "english", "englishmen and englishwomen",
    "gibraltar", "gibraltarians", "scotland", "wales", "jersey", "guernsey", "bouvet island",
    "jan mayen", "svalbard", "bonaire", "saban", "sint eustatius", "statian", "guadeloupe",
    "french guianese", "french southern territories", "martiniquais", "martinican", "mahoran",
    "réunionese", "réunionnais", "tokelauan", "british people", "antarctic", "persian",
    "persians", "israelite", "habesha", "banyarwanda", "papuan", "papuans", "koreans",
    "bouvet islanders", "jan mayen residents", "svalbard residents", "bonaire dutch",
    "saba dutch", "statians", "tokelauans", "guadeloupians", "guadeloupeans",
    "martiniquaises", "mahorans", "réunionnais and réunionnaises", "english",
    "myanmar", "lao", "laos", "luxembourg", "greenland", "botswana", "kiribati", "new zealand",
    "biot", "british virgin island", "british virgin islanders",
}
# Adjectivals shared by two countries: the one this genre means by default.
SHARED_TERMS = {"congolese": "COG", "dominican": "DOM", "dominicans": "DOM", "chinese": "CHN"}


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.category(ch).startswith("P") for ch in name)


def _capitalise(term: str) -> str:
    """Cartogrify keeps terms lower-case; texts write them capitalised."""
    return "-".join(" ".join(w if w == "and" else w[:1].upper() + w[1:]
                             for w in part.split(" "))
                    for part in term.split("-"))


def build_countries(data: Path) -> tuple[list[list[str]], list[list[str]], dict[str, str]]:
    geo = {r["iso"]: r for r in csv.DictReader(
        open(data / "geonames" / "geonames_countries.tsv", encoding="utf-8"), delimiter="\t")}
    rows, names, alpha2_to_3 = [], [], {}
    for line in open(data / "countries" / "rigour_territories.jsonl", encoding="utf-8"):
        t = json.loads(line)
        if not t.get("alpha3") or t.get("is_historical"):
            continue
        if not t.get("is_country") and t["code"] not in EXTRA_TERRITORIES:
            continue
        iso2, iso3 = t["code"].upper(), t["alpha3"].upper()
        alpha2_to_3[iso2] = iso3
        capital = geo.get(iso2, {}).get("capital", "")
        rows.append([iso3, iso2, t["name"], t.get("qid") or "", capital])
        phrases = [t["name"], t.get("full_name") or ""]
        phrases.append((t.get("in_sentence") or "").removeprefix("the "))
        phrases += [n for n in t.get("names_strong", []) if _latin(n)]
        for phrase in dict.fromkeys(p.strip() for p in phrases):
            if phrase and phrase not in DROPPED_NAMES and not phrase.islower():
                names.append([phrase, iso3, "name", "rigour"])
    return sorted(rows), names, alpha2_to_3


def build_terms(data: Path, alpha2_to_3: dict[str, str]) -> list[list[str]]:
    out = []
    for r in csv.DictReader(open(data / "demonyms" / "cartogrify_country_terms.tsv",
                                 encoding="utf-8"), delimiter="\t"):
        iso3 = alpha2_to_3.get(r["alpha2"])
        if not iso3:
            continue
        for kind in ("adjectivals", "demonyms"):
            for term in r[kind].replace(", ", "|").split("|"):
                term = term.strip()
                if not term or term in DROPPED_TERMS or "(" in term or "/" in term:
                    continue
                code = SHARED_TERMS.get(term, iso3)
                if code == iso3:
                    out.append([_capitalise(term), iso3, kind.rstrip("s"), "cartogrify"])
    return out


def build_cities(data: Path, alpha2_to_3: dict[str, str]) -> list[list[str]]:
    out = []
    for r in csv.DictReader(open(data / "geonames" / "cities15000.tsv", encoding="utf-8"),
                            delimiter="\t"):
        population = int(r["population"])
        iso3 = alpha2_to_3.get(r["countrycode"])
        if population < 50000 or not iso3:
            continue
        aliases = ""
        if population >= 500000:
            alts = [a for a in r["alternatenames_latin"].split("|")
                    if a.isascii() and len(a) >= 4 and a[:1].isupper() and " " not in a
                    and a != r["name"] and not a.isupper()]
            aliases = "|".join(alts[:8])
        out.append([r["name"], iso3, r["geonameid"], str(population), aliases])
    return out


def build_organisations(data: Path) -> list[list[str]]:
    out = []
    for r in csv.DictReader(open(data / "organisations" / "supraverden_organisations.tsv",
                                 encoding="utf-8"), delimiter="\t"):
        qid = r["Wikidata_code"] if r["Wikidata_code"].startswith("Q") else ""
        if not qid:
            continue
        others = [r[k] for k in r if k.startswith("Name_other") and r[k]]
        abbrevs = [r[k] for k in ("Abbreviation_other_en", "Abbreviation_other_2_en",
                                  "Abbreviation_former_en") if r[k]]
        family = r.get("Org_family", "") if r.get("Org_family", "") not in ("", "none") else ""
        out.append([r["Name_en"], r["Abbreviation_en"], qid, "|".join(others + abbrevs), family])
    return sorted(out)


def write(name: str, header: list[str], rows: list[list[str]]) -> None:
    with open(OUT / name, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar="\\")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared reference data folder")
    args = parser.parse_args(argv)
    countries, names, alpha2_to_3 = build_countries(args.data)
    write("countries.tsv", ["iso3", "iso2", "name", "qid", "capital"], countries)
    write("country_names.tsv", ["phrase", "iso3", "kind", "source"],
          names + build_terms(args.data, alpha2_to_3))
    write("cities.tsv", ["name", "iso3", "geonameid", "population", "aliases"],
          build_cities(args.data, alpha2_to_3))
    write("organisations.tsv", ["name", "abbreviation", "qid", "aliases", "family"],
          build_organisations(args.data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
