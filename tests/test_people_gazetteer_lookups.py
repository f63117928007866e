"""kg.people.gazetteer on its own small data files, the phrase scanner as a property, and description reading."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.people.cast import find_mentions, organisation_of, read_description
from kg.people.gazetteer import Gazetteer, GazetteerError, country_of, default_gazetteer, fold, phrase_pattern

FILES = {
    "countries.tsv": "iso3\tiso2\tname\tqid\tcapital\nAZE\tAZ\tAzerbaijan\tQ227\tBaku\n"
                     "GEO\tGE\tGeorgia\t\tTbilisi\nUSA\tUS\tUnited States\tQ30\tWashington\n",
    "country_names.tsv": "phrase\tiso3\tkind\tsource\nAzerbaijan\tAZE\tname\tx\nAzerbaijani\tAZE\tadj\tx\n"
                         "Georgia\tGEO\tname\tx\nGeorgia\tUSA\tname\tx\nUnited States\tUSA\tname\tx\nUS\tUSA\tabbr\tx\n",
    "country_aliases.tsv": "# hand-written\nphrase\tiso3\nAzeri\tAZE\nUnited States Army\t-\nGeorgia\tGEO\n",
    "cities.tsv": "name\tiso3\tgeonameid\tpopulation\taliases\nBaku\tAZE\t587084\t2000000\tBakı|Baki\n"
                  "Tbilisi\tGEO\t611717\t1100000\tTiflis\nBatumi\tGEO\t\t150000\t\n"
                  "Tbilisi\tUSA\t1\t10\t\n",
    "organisations.tsv": "name\tabbreviation\tqid\taliases\nWorld Health Organization\tWHO\tQ7817\t\n"
                         "Collective Security Treaty Organization\t\t\tCSTO Council\n",
    "organisations_extra.tsv": "# supplement\nname\tabbreviation\tqid\taliases\n"
                               "Collective Security Treaty Organisation\tCSTO\tQ1\t\nShanghai Five\t\t\t\n",
    "leader_names.tsv": "qid\tlabel\taliases\nQ57371\tIlham Aliyev\tIlkham Aliev|Ильхам Алиев\n"
                        "Q157451\tHeydar Aliyev\tGeidar Aliev\n",
    "leaders.tsv": "qid\tiso3\tkind\toffice\tstart\tend\tsource\n"
                   "Q57371\tAZE\thead_of_state\tPresident of Azerbaijan\t2003-10-31\t\tx\n"
                   "Q157451\tAZE\thead_of_state\tPresident of Azerbaijan\t1993\t2003-10-31\tx\n"
                   "Q999\tAZE\thead_of_state\t\t2000\t2001\tx\n",
}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Gazetteer:
    folder = tmp_path_factory.mktemp("gazetteer")
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Gazetteer(folder)


def test_countries_by_either_code_and_sorted_once(small):
    assert small.country("aze").name == small.country("AZ").name == "Azerbaijan"
    assert small.country(" us ").iso3 == "USA" and small.country("XX") is None
    assert [c.iso3 for c in small.countries()] == ["AZE", "GEO", "USA"]
    assert small.country("GEO").qid is None and small.country("GEO").capital == "Tbilisi"


def test_phrases_first_source_wins_and_the_supplement_overrides(small):
    assert small.country_code("Azeri") == "AZE"  # only in the supplement
    assert small.country_code("Georgia") == "GEO"
    assert small.country_code("the United States") == "USA"
    assert small.country_code("AZERBAIJANI") == "AZE"  # ALL-CAPS headings of phrases of four letters or more
    assert small.country_code("USA") == "USA"  # a three-letter code in capitals
    assert small.country_code("usa") is None
    assert small.country_code("United States Army") is None  # swallowed, gives no country


def test_find_countries_longest_phrase_and_no_country_phrases(small):
    text = "The United States Army met Azerbaijani and US officers in Georgia."
    found = [(m.code, text[m.span.start:m.span.end]) for m in small.find_countries(text)]
    assert found == [("AZE", "Azerbaijani"), ("USA", "US"), ("GEO", "Georgia")]
    assert [m.code for m in small.find_countries(text, text.index("US officers"), text.index(" in"))] == ["USA"]


def test_cities_most_populous_first_by_alias_and_country(small):
    assert small.city("Tbilisi").country == "GEO"
    assert small.city("Tbilisi", "USA").geonameid == 1
    assert small.city("tiflis").name == "Tbilisi" and small.city("Bakı").name == "Baku"
    assert small.city("Batumi").geonameid is None
    assert small.city("Baku", "GE") is None and small.city("Nowhere") is None


def test_organisations_merge_the_supplement_into_the_source(small):
    csto = small.organisation("CSTO")
    assert csto.name == "Collective Security Treaty Organization" and csto.qid == "Q1"
    assert small.organisation("the Collective Security Treaty Organisation") == csto
    assert small.organisation("CSTO Council") == csto
    assert small.organisation("world health organisation").abbreviation == "WHO"
    assert small.organisation("Shanghai Five").qid is None
    found = [(info.name, span) for info, span in small.find_organisations("WHO and the CSTO met")]
    assert [name for name, _ in found] == ["World Health Organization", "Collective Security Treaty Organization"]


def test_leaders_by_spelling_and_year(small):
    assert [l.name for l in small.leaders_named("Ilkham Aliev")] == ["Ilham Aliyev"]
    assert small.leaders_named("Ильхам Алиев") == []  # no transliteration: another script matches nothing
    assert small.leaders_named("Aliyev") == []  # two people: a surname alone names neither
    assert [l.start for l in small.leaders_named("Geidar Aliev", 1999)] == ["1993"]
    assert small.leaders_named("Geidar Aliev", 2010) == []
    assert small.leaders_named("Q999") == []  # folds to nothing: matches no spelling, even one in another script
    assert small.leaders().of_person("Q999") == []  # a tenure without a name row is dropped
    assert small.leaders().keyed("Ильхам Алиев") == set() and small.leaders().keyed("") == set()


@pytest.mark.parametrize("name,content,message", [
    ("countries.tsv", None, "cannot read gazetteer file"),
    ("countries.tsv", "# only a comment\n", "gazetteer file is empty"),
])
def test_missing_or_empty_files_are_gazetteer_errors(tmp_path, name, content, message):
    for other, text in FILES.items():
        if other != name:
            (tmp_path / other).write_text(text)
    if content is not None:
        (tmp_path / name).write_text(content)
    with pytest.raises(GazetteerError, match=message):
        Gazetteer(tmp_path)


def test_fold():
    assert fold("Erdoğan\u2019s  Kyiv-Pechersk St. x") == "erdogan's kyiv pechersk st x"
    assert fold("  ") == ""


# -- the phrase scanner -----------------------------------------------------------------

_PHRASES = st.lists(st.text(alphabet="ab ", min_size=1, max_size=5).map(str.strip).filter(bool),
                    min_size=1, max_size=6, unique=True)


@settings(max_examples=150, deadline=None)
@given(_PHRASES, st.text(alphabet="ab .", max_size=30))
def test_the_scanner_finds_whole_word_phrases_longest_first(phrases, text):
    pattern = phrase_pattern(phrases)
    for match in pattern.finditer(text):
        assert match.group() in phrases
        assert match.start() == 0 or not text[match.start() - 1].isalnum()
        assert match.end() == len(text) or not text[match.end()].isalnum()
        longer = [p for p in phrases if len(p) > len(match.group()) and text.startswith(p, match.start())
                  and (match.start() + len(p) == len(text) or not text[match.start() + len(p)].isalnum())]
        assert not longer, (match.group(), longer)
    for phrase in phrases:  # every phrase standing alone is found
        assert [m.group() for m in pattern.finditer(f".{phrase}.")] == [phrase]


def test_scanner_typography_and_an_empty_list():
    pattern = phrase_pattern(["Papua New Guinea", "Cote d'Ivoire"])
    assert pattern.search("Papua\u00a0New Guinea").group() == "Papua\u00a0New Guinea"
    assert pattern.search("C\u00f4te d'Ivoire") is None  # diacritics are not typography: no match
    assert pattern.search("Cote d\u2019Ivoire").group() == "Cote d\u2019Ivoire"
    assert phrase_pattern([]).findall("anything at all") == []


def test_country_of_wants_a_capital_or_the():
    assert country_of("Russian") == "RUS" and country_of("the Netherlands") == "NLD"
    assert country_of("russian") is None and country_of("turkey") is None
    assert country_of(" ,Azerbaijan, ") == "AZE" and country_of("") is None
    assert country_of("Papua\u00a0\u00a0New Guinea") == "PNG"
    assert default_gazetteer().country_code("russian") == "RUS"  # the gazetteer itself folds case


# -- descriptions ----------------------------------------------------------------------

@pytest.mark.parametrize("description,expected", [
    ("Kim Dae-jung, President of South Korea", ("Kim Dae-jung", "President", "KOR", None)),
    ("US President Donald Trump", ("Donald Trump", "President", "USA", None)),
    ("Prime Minister Lee Hsien Loong of Singapore", ("Lee Hsien Loong", "Prime Minister", "SGP", None)),
    ("President of the Kyrgyz Republic Sooronbay Jeenbekov", ("Sooronbay Jeenbekov", "President", "KGZ", None)),
    ("UN Secretary-General Antonio Guterres", ("Antonio Guterres", "Secretary-General", None, "United Nations")),
    ("Crown Prince of Abu Dhabi Mohammed bin Zayed", ("Mohammed bin Zayed", "Crown Prince", "ARE", None)),
    ("His Majesty King Abdullah II", ("Abdullah II", "King", None, None)),
    ("Chairman of the Board of Sberbank German Gref", ("German Gref", "Chairman of the Board of Sberbank", None, None)),
    ("Greek National Defence Minister Nikos Dendias", ("Nikos Dendias", "Defence Minister", "GRC", None)),
    ("President of the French Senate Gerard Larcher", ("Gerard Larcher", "President of the French Senate", "FRA", None)),
    ("President of\u00a0Azerbaijan Ilham\u00a0Aliyev", ("Ilham Aliyev", "President", "AZE", None)),
    ("Federal Chancellor of Germany Angela Merkel", ("Angela Merkel", "Federal Chancellor", "DEU", None)),
    ("President of Russia", (None, "President", "RUS", None)),
    ("Vladimir Putin", ("Vladimir Putin", None, None, None)),
])
def test_read_description(description, expected):
    mention = read_description(description)
    assert (mention.name, mention.office, mention.country, mention.organisation) == expected


def test_find_mentions_in_prose_with_spans():
    text = ("Vladimir Putin met with President of Azerbaijan Ilham Aliyev and his visiting Turkish counterpart, "
            "Recep Tayyip Erdogan, who arrived. The President of Brazil, Luiz Inacio Lula da Silva, spoke.")
    found = [(m.name, m.office, m.country, text[m.span.start:m.span.end]) for m in find_mentions(text, 0, len(text))]
    assert found == [
        ("Ilham Aliyev", "President", "AZE", "President of Azerbaijan Ilham Aliyev"),
        ("Recep Tayyip Erdogan", None, "TUR", "his visiting Turkish counterpart, Recep Tayyip Erdogan"),
        ("Luiz Inacio Lula da Silva", "President", "BRA", "President of Brazil, Luiz Inacio Lula da Silva"),
    ]


def test_an_office_after_a_hyphen_or_followed_by_prose_is_no_mention():
    text = "the ex-President said that President Putin's visit was a success"
    assert [(m.name, m.office) for m in find_mentions(text, 0, len(text))] == [("Putin", "President")]
    prose = "The President congratulated Vladimir Putin on the Constitution of the Russian Federation."
    assert [m.name for m in find_mentions(prose, 0, len(prose))] == []


@pytest.mark.parametrize("phrase,name", [
    ("UN", "United Nations"), ("the African Union", "African Union"), ("NATO", "North Atlantic Treaty Organisation"),
    ("the un", None), ("", None), ("Nonexistent Body", None),
])
def test_organisation_of(phrase, name):
    assert organisation_of(phrase) == name
