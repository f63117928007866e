"""Number + unit parsing shared by commitments and figures."""

from __future__ import annotations

import pytest

from kg.extract.quantities import parse_quantities


def quantities(text: str) -> list[tuple[float, str | None, str | None]]:
    return [(q.value, q.unit, q.qualifier) for q in parse_quantities(text, 0, len(text))]


@pytest.mark.parametrize("text, expected", [
    ("They shipped 50,000 [wheat tonnes] last week.", [(50000, "tonne", None)]),
    ("We sent over 300,000 EpiVacCorona vaccine doses.", [(300000, "dose", "over")]),
    ("The loan is $2.5 billion.", [(2.5e9, "USD", None)]),
    ("a credit of 3 billion euros", [(3e9, "EUR", None)]),
    ("turnover rose 12 percent", [(12, "percent", None)]),
    ("turnover rose 12% this year", [(12, "percent", None)]),
    ("some 8,000 students", [(8000, "person", "about")]),
    ("almost a thousand engineers", [(1000, "person", "almost")]),
    ("it reached 38 billion", [(38e9, "USD", None)]),
    ("worth 70 billion rubles", [(70e9, "RUB", None)]),
    ("up to 5 million tonnes", [(5e6, "tonne", "up to")]),
    ("more than 40 joint ventures", [(40, "company", "more than")]),
    ("three billion dollars", [(3e9, "USD", None)]),
])
def test_values_units_and_qualifiers(text, expected):
    assert quantities(text) == expected


def test_qualifier_stays_out_of_the_value():
    (value, _, qualifier), = quantities("trade grew by a little over 7 percent")
    assert value == 7 and qualifier == "over"


@pytest.mark.parametrize("text", [
    "On June 12, 2018, the G20 met.", "in 1995 and again in 2004", "at 10:45 a.m.", "the 75th anniversary",
    "COVID-19 and the S-400", "one of the most important partners", "the 1990s",
])
def test_dates_years_times_ordinals_and_names_are_not_quantities(text):
    assert [q for q in quantities(text) if q[1] is not None] == []


def test_range_gives_both_numbers_the_unit():
    assert quantities("between 2 and 4.5 percent") == [(2, "percent", None), (4.5, "percent", None)]
    assert quantities("from 3 to 5 billion dollars") == [(3e9, "USD", None), (5e9, "USD", None)]


def test_breakdown_number_takes_the_unit_before_it():
    assert quantities("12,000 Vietnamese students, including 4,000 whose fees we pay")[1] == (4000, "person", None)


def test_spans_point_at_the_number():
    text = "We delivered 20,000 tonnes."
    (q,) = parse_quantities(text, 0, len(text))
    assert text[q.span.start:q.span.end].startswith("20,000")


def test_scale_word_across_non_breaking_space():
    assert quantities("over a\u00a0thousand students") == [(1000, "person", "over")]


@pytest.mark.parametrize("text, expected", [
    ("trade reached 2,1 billion dollars", [(2.1e9, "USD", None)]),
    ("growth of 3,5 percent", [(3.5, "percent", None)]),
    ("an almost 40-percent rise", [(40, "percent", "almost")]),
    ("12,500 tonnes of grain", [(12500, "tonne", None)]),
])
def test_decimal_commas_before_scale_words_and_hyphenated_percent(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ties with more than 70 Russian regions", [(70, "region", "more than")]),
    ("it has 200 offices that serve four million customers", [(200, "office", None), (4e6, "person", None)]),
    ("Iran received 92 scholarships", [(92, "scholarship", None)]),
    ("capacity up to 480 megawatts, a 2.5-fold rise", [(480, "megawatt", "up to"), (2.5, "times", None)]),
    ("ten universities", []),  # a small count in words is a figure only as a commitment's quantity
    ("the Nord Stream 2 project continues", [(2, None, None)]),  # part of a name, counts nothing
    ("clients in 14 countries", [(14, None, None)]),
])
def test_a_plain_number_counts_the_singular_of_its_plural_noun(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text, unit", [
    ("deliveries have increased 2.2 times", "times"), ("we met three times this year", "time"),
    ("500 Palestinians study here", "person"), ("1 million Russian-speaking Israelis", "person"),
])
def test_growth_factors_and_demonyms(text, unit):
    assert [q.unit for q in parse_quantities(text, 0, len(text))] == [unit]


@pytest.mark.parametrize("text, expected", [
    ("Our pilots flew 34,000 sorties over the region.", [(34000, "sortie", None)]),
    ("As many as 900 business partners will meet today.", [(900, "partner", None)]),
    ("Some 60 new businesses opened there.", [(60, "company", "about")]),
    ("We have 120 partner cities in your country.", [(120, "city", None)]),
    ("Over 40 branches now work in the region.", [(40, "branch", "over")]),
])
def test_a_plain_count_takes_the_singular_of_its_noun(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The exchange of over 300 detainees took place.", [(300, "person", "over")]),
    ("Some 4,700 additional servicemembers are deployed there.", [(4700, "person", "about")]),
    ("The programme brings together 2,500 youths from both countries.", [(2500, "person", None)]),
    ("More than 300,000 individuals have come through this process.", [(300000, "person", "more than")]),
])
def test_people_named_by_role_count_as_persons(text, expected):
    assert quantities(text) == expected


def test_a_number_of_part_of_a_set_counts_the_set_noun():
    assert quantities("About 700 of our companies operate in the market.") == [(700, "company", "about")]
    assert quantities("There are nearly 1,000 of such enterprises.") == [(1000, "enterprise", "almost")]
    assert quantities("We agreed on 12 of these projects.") == [(12, "project", None)]


def test_a_calendar_year_before_the_word_year_is_no_number_of_years():
    assert quantities("They proclaimed 2019 the Year of Culture, and 2020 Years of Science.") == []
    assert quantities("We marked 1000 years of our friendship.") == [(1000, "year", None)]


def test_a_scaled_count_takes_the_singular_of_its_noun():
    assert quantities("They opened 1.2 million new branches.") == [(1.2e6, "new branch", None)]
    assert quantities("We handed out 2 million prizes.") == [(2e6, "prize", None)]


@pytest.mark.parametrize("text, expected", [
    ("The contract is to deliver 18 Su-30MKM airplanes.", [(18, "aircraft", None)]),
    ("We welcome the arrival of our 88 new F-35 fighter jets.", [(88, "aircraft", None)]),
    ("They will buy 96 AH-64 Apache helicopters.", [(96, "helicopter", None)]),
    ("Rosatom will build 4 more units there.", [(4, "unit", None)]),
])
def test_aircraft_and_helicopters_are_named_as_the_gold_names_them_not_as_units(text, expected):
    assert quantities(text) == expected


def test_a_place_before_a_number_is_no_name_the_number_ends():
    assert quantities("In Azerbaijan 338 schools teach in Russian.") == [(338, "school", None)]
    assert quantities("Work on Nord Stream 2 pipelines goes on.") == [(2, None, None)]


def test_the_number_of_a_model_name_counts_no_aircraft():
    assert quantities("They build the Sukhoi Superjet 100 passenger aircraft together.") == []
    assert quantities("We will deliver to Malaysia 18 Su-30MKM airplanes.") == [(18, "aircraft", None)]
