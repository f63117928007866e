"""Quantities as leaders state them: currencies, scale words, written numbers, ranges, and what is no measure.

Complements tests/test_quantities.py with the rest of the unit table and with
properties: a number written in any of the genre's ways reads back as the
value, unit and qualifier it was written from, wherever it sits in the text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from kg.extract.quantities import (
    _NUMBER, CURRENCY_SYMBOLS, QUALIFIERS, SCALES, UNIT_WORDS, WORD_NUMBERS, _numbers, parse_quantities,
)


def read(text: str) -> list[tuple[float, str | None, str | None]]:
    return [(q.value, q.unit, q.qualifier) for q in parse_quantities(text, 0, len(text))]


def quotes(text: str) -> list[str]:
    return [text[q.span.start:q.span.end] for q in parse_quantities(text, 0, len(text))]


# --- currencies -------------------------------------------------------------


@pytest.mark.parametrize("text, value, unit", [
    ("a loan of €500 million", 500e6, "EUR"),
    ("£2 billion of investment", 2e9, "GBP"),
    ("¥300 billion in aid", 300e9, "JPY"),
    ("US$1.2 billion in credits", 1.2e9, "USD"),
    ("reached 90 billion yuan", 90e9, "CNY"),
    ("a line of 40 billion rupees", 40e9, "INR"),
    ("2 trillion roubles", 2e12, "RUB"),
    ("100 rubles", 100, "RUB"),
    ("500 pounds sterling", 500, "GBP"),
    ("one and a half billion dollars", 1.5e9, "USD"),
])
def test_every_currency_of_the_genre_reads_to_its_iso_code(text, value, unit):
    assert read(text) == [(value, unit, None)]


def test_a_currency_symbol_wins_over_a_unit_word_after_the_number():
    # "$5 billion worth of tonnes" would be odd, but the symbol is what the speaker said first
    assert read("$5 billion tonnes")[0][1] == "USD"


def test_the_span_of_a_currency_amount_is_the_amount():
    assert quotes("They lent us €500 million last year.") == ["€500 million"]
    assert quotes("We invested US$1.2 billion.") == ["US$1.2 billion"]
    assert quotes("We invested $5 billion dollars.") == ["$5 billion dollars"]  # the same currency, said twice


def test_two_quantities_never_overlap():
    text = "We lent $10 billion over 5 years and 300 tonnes."
    spans = [(q.span.start, q.span.end) for q in parse_quantities(text, 0, len(text))]
    assert quotes(text) == ["$10 billion", "5 years", "300 tonnes"]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize("scale, factor", [("bn", 1e9), ("bln", 1e9), ("mln", 1e6), ("thousand", 1e3),
                                           ("trillion", 1e12)])
def test_abbreviated_scale_words_multiply_like_the_full_ones(scale, factor):
    assert read(f"3 {scale} dollars") == [(3 * factor, "USD", None)]


def test_a_scaled_number_without_a_unit_is_dollars_but_a_thousand_is_not():
    assert read("trade reached 38 billion") == [(38e9, "USD", None)]
    assert read("it reached 7 million") == [(7e6, "USD", None)]
    assert [u for _, u, _ in read("over 4 thousand")] == [None]  # only million and up are money by habit


def test_a_scaled_number_before_a_plural_noun_counts_that_noun():
    assert read("2.1 million overnight stays") == [(2.1e6, "overnight stay", None)]
    assert read("45 billion worth of goods") == [(45e9, "USD", None)]  # "worth" keeps it money


# --- written-out numbers ----------------------------------------------------


@pytest.mark.parametrize("text, value, unit", [
    ("half a million tourists", 5e5, "person"),
    ("a dozen helicopters", 12, "helicopter"),
    ("a quarter of a million doses", 2.5e5, "dose"),
    ("a quarter million doses", 2.5e5, "dose"),
    ("half a billion dollars", 5e8, "USD"),
    ("three billion euros", 3e9, "EUR"),
    ("twenty thousand students", 2e4, "person"),
    ("a hundred companies", 100, "company"),
])
def test_written_numbers_with_units(text, value, unit):
    assert read(text) == [(value, unit, None)]


@pytest.mark.parametrize("text", ["one of the most important partners", "the two of us", "ten of them agreed",
                                  "one could say so"])
def test_written_numbers_without_unit_or_scale_are_no_quantities(text):
    assert read(text) == []


def test_written_number_words_are_matched_whole_words_only():
    assert read("someone sent seventeen") == []  # "one" inside "someone" is no number
    assert read("the tone was tense") == []


# --- units --------------------------------------------------------------------


@pytest.mark.parametrize("text, unit", [
    ("1,200 MW of capacity", "megawatt"), ("4 GW plant", "GW"), ("600 kilometres of railway", "kilometre"),
    ("600 kilometers of road", "kilometre"), ("15 km deep", "km"), ("5,000 hectares of land", "hectare"),
    ("20 billion kWh", "kWh"),
    ("12 million barrels", "barrel"), ("35 billion cubic metres of gas", "cubic metre"),
    ("35 billion cubic meters of gas", "cubic metre"), ("3 million tons of grain", "tonne"),
    ("40 enterprises", "enterprise"), ("15 joint ventures", "company"), ("30 firms", "company"),
    ("12 projects", "project"), ("8 aircraft", "aircraft"), ("300 vehicles", "vehicle"),
    ("2,000 specialists", "person"), ("500 refugees", "person"), ("70 doctors", "person"),
    ("3 percentage points", "percent"), ("5 per cent", "percent"),
])
def test_unit_words_map_to_the_gold_units(text, unit):
    assert [u for _, u, _ in read(text)] == [unit]


def test_every_unit_word_of_the_table_is_read_after_a_number():
    """Each unit word, after a plain number, gives its unit (the table is the contract)."""
    for word, unit in UNIT_WORDS.items():
        if word in ("%", "fold", "times"):
            continue  # "12%" and "2.5-fold" are written without a space; "times" depends on its verb
        got = read(f"we count 37 {word} here")
        assert got and got[0][1] == unit, (word, got)


def test_hyphenated_year_lengths_are_years():
    assert read("a 10-year programme") == [(10, "year", None)]
    assert read("a 25-year-long contract") == [(25, "year", None)]


def test_the_unit_must_come_before_a_function_word():
    # "tonnes" after "of the" belongs to another phrase: 40 counts the trucks' loads, no unit here
    assert [u for _, u, _ in read("40 of the tonnes")] == [None]
    assert read("50,000 tonnes of wheat") == [(50000, "tonne", None)]


def test_a_unit_far_after_the_number_is_not_the_numbers():
    assert [u for _, u, _ in read("7 very large modern new shiny tonnes")] == [None]


# --- growth factors and counts of events -------------------------------------


@pytest.mark.parametrize("text, unit", [
    ("deliveries rose by nearly 3 times", "times"),
    ("trade grew 1.5 times", "times"),
    ("2.5 times more than last year", "times"),
    ("we have met 3 times this year", "time"),
    ("we had 15 rounds of talks", "meeting"), ("2 million rounds of artillery ammunition", "round"),
    ("8 visits in a year", "visit"),
    ("a 2.5-fold rise", "times"),
])
def test_times_is_a_growth_factor_only_after_a_growth_verb_or_before_a_comparative(text, unit):
    assert [u for _, u, _ in read(text)] == [unit]


# --- qualifiers ---------------------------------------------------------------


@pytest.mark.parametrize("phrase, qualifier", sorted(QUALIFIERS.items()))
def test_every_qualifier_phrase_is_kept_out_of_the_value(phrase, qualifier):
    got = read(f"trade was {phrase} 17 percent")
    assert got == [(17, "percent", qualifier)]


def test_the_longest_qualifier_wins():
    assert read("a little more than 6 percent") == [(6, "percent", "more than")]
    assert read("well over 100 companies") == [(100, "company", "over")]


def test_a_qualifier_followed_by_by_still_qualifies():
    assert read("it grew by almost by 4 percent")[0][2] == "almost"


# --- what is not a measure ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "call 555-1234 now", "a value of 1.79e+309", "10^30 atoms", "1234567890123456789 tonnes",
    "on 1 March we met", "by March 1 we will finish", "at 3:45 we met", "the 1990s", "the 2000s",
    "the 21st century", "a 3rd round", "in 2019-2020 we", "page 12/3", "the S-300 system", "Resolution 2254",
])
def test_dates_phone_numbers_notation_and_names_are_not_measures(text):
    assert [q for q in read(text) if q[1] is not None] == []


@pytest.mark.parametrize("year", [1800, 1945, 1999, 2000, 2024, 2099])
def test_a_calendar_year_alone_is_not_a_quantity(year):
    assert read(f"in {year} we signed it") == []


def test_a_year_like_number_with_a_unit_or_a_currency_is_a_quantity():
    assert read("2000 tonnes of fish") == [(2000, "tonne", None)]
    assert read("$2000 for each") == [(2000, "USD", None)]


# --- ranges and breakdowns -------------------------------------------------------


@pytest.mark.parametrize("joiner", ["to", "and", "-", "\u2013", "or"])
def test_the_first_number_of_a_range_takes_the_seconds_unit(joiner):
    assert read(f"from 22 {joiner} 30 percent") == [(22, "percent", None), (30, "percent", None)]


def test_a_dash_range_reads_as_two_numbers_only_before_a_scale_or_unit():
    # a range gives one figure per number; "2019-2020" or a phone number, with no unit after, gives nothing
    assert read("from 22-30 percent") == [(22, "percent", None), (30, "percent", None)]
    assert read("estimated at $15–20 billion") == [(15e9, "USD", None), (20e9, "USD", None)]
    assert read("a zone 15–20 km deep") == [(15, "km", None), (20, "km", None)]
    assert read("in 2019-2020 and at 555-1234") == []


def test_currency_codes_before_an_amount():
    assert read("CAD $1.5 billion for minerals") == [(1.5e9, "CAD", None)]
    assert read("USD1.6 billion acquisition") == [(1.6e9, "USD", None)]
    assert read("providing AUD 50 million") == [(5e7, "AUD", None)]
    assert read("14 billion pounds of investment") == [(14e9, "GBP", None)]


def test_compound_written_numbers():
    assert read("Sixty-four years ago") == [(64, "year", None)]
    assert read("One hundred and fifty Korean companies") == [(150, "company", None)]
    assert read("Six hundred and seventy million doses") == [(6.7e8, "dose", None)]
    assert read("leverage 1GW of geothermal energy") == [(1, "GW", None)]


def test_a_demonym_before_a_plural_noun_is_an_adjective():
    assert read("from more than 20 Chinese cities") == [(20, "city", "more than")]
    assert read("500 Palestinians were freed") == [(500, "person", None)]


def test_the_first_number_of_a_range_takes_the_seconds_scale_only_when_smaller():
    assert read("between 3 and 5 billion dollars") == [(3e9, "USD", None), (5e9, "USD", None)]
    # 800 million to 1 billion: the first number has its own scale and keeps it
    assert read("from 800 million to 1 billion dollars") == [(800e6, "USD", None), (1e9, "USD", None)]


def test_a_breakdown_takes_the_unit_before_it_but_never_a_currency():
    assert read("16,000 students, of whom 6,500 study medicine")[1] == (6500, "person", None)
    assert read("20,000 tourists, another 5,000 came later")[1][1] == "person"
    # money is never shared with a bare number: "$5 billion, including 300 ..." says nothing of the 300
    assert read("$5 billion, including 300 in kind")[1][1] is None


# --- spans and windows -------------------------------------------------------------


def test_only_the_window_is_read_and_spans_stay_inside_it():
    text = "We sent 20,000 tonnes. They sent 30,000 tonnes. Then 40,000 tonnes."
    start, end = text.index("They"), text.index("Then")
    found = parse_quantities(text, start, end)
    assert [q.value for q in found] == [30000]
    assert all(start <= q.span.start < q.span.end <= end for q in found)


def test_a_non_breaking_space_joins_number_and_scale():
    assert read("5\u00a0billion dollars") == [(5e9, "USD", None)]


def test_decimal_comma_only_before_a_scale_word_or_percent():
    assert read("2,5 billion dollars") == [(2.5e9, "USD", None)]
    assert read("12,500 tonnes") == [(12500, "tonne", None)]  # a thousands separator elsewhere


# --- properties ---------------------------------------------------------------------

_UNITS = st.sampled_from([("tonnes", "tonne"), ("percent", "percent"), ("students", "person"),
                          ("doses", "dose"), ("dollars", "USD"), ("euros", "EUR"), ("barrels", "barrel"),
                          ("companies", "company"), ("megawatts", "megawatt")])
_QUALIFIERS = st.sampled_from([("", None)] + [(p + " ", q) for p, q in QUALIFIERS.items()])
_SCALES = st.sampled_from([("", 1.0), (" million", 1e6), (" billion", 1e9), (" thousand", 1e3)])
_FILLER = st.sampled_from(["Last year", "We are glad that", "As you know,", "Mr President,", "In this regard"])


def _grouped(n: int) -> str:
    return f"{n:,}"


@settings(max_examples=80, deadline=None)
@given(n=st.integers(min_value=2, max_value=999_999), cents=st.sampled_from(["", ".5", ".25"]),
       unit=_UNITS, qualifier=_QUALIFIERS, scale=_SCALES, before=_FILLER)
def test_a_written_quantity_reads_back_as_what_was_written(n, cents, unit, qualifier, scale, before):
    if 1800 <= n <= 2099 and not cents:
        n += 300  # a bare calendar-year-like number needs its unit to count; keep the property simple
    word, expected_unit = unit
    text = f"{before} trade reached {qualifier[0]}{_grouped(n)}{cents}{scale[0]} {word} in total."
    found = parse_quantities(text, 0, len(text))
    assert len(found) == 1, (text, found)
    q = found[0]
    assert q.value == pytest.approx(float(f"{n}{cents}") * scale[1])
    assert q.unit == expected_unit and q.qualifier == qualifier[1]
    quoted = text[q.span.start:q.span.end]
    assert quoted.startswith(_grouped(n)) and quoted.endswith(word)


@settings(max_examples=80, deadline=None)
@given(prefix=st.text(alphabet="abc .,\n", max_size=40), n=st.integers(min_value=2, max_value=99_999),
       symbol=st.sampled_from(sorted(CURRENCY_SYMBOLS)), scale=st.sampled_from(sorted(SCALES)))
def test_moving_a_sentence_in_the_text_moves_its_spans_and_nothing_else(prefix, n, symbol, scale):
    sentence = f" We lent {symbol}{n} {scale} last year."
    alone = parse_quantities(sentence, 0, len(sentence))
    text = prefix + sentence
    shifted = parse_quantities(text, len(prefix), len(text))
    assert [(q.value, q.unit, q.qualifier) for q in alone] == [(q.value, q.unit, q.qualifier) for q in shifted]
    assert [(q.span.start + len(prefix), q.span.end + len(prefix)) for q in alone] == \
        [(q.span.start, q.span.end) for q in shifted]
    assert [q.unit for q in alone] == [CURRENCY_SYMBOLS[symbol]]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gives_spans_inside_the_window_and_finite_non_negative_values(text):
    start, end = len(text) // 4, len(text)
    for q in parse_quantities(text, start, end):
        assert start <= q.span.start < q.span.end <= end
        assert q.value >= 0 and q.value == q.value and q.value != float("inf")


@settings(max_examples=60, deadline=None)
@given(word=st.sampled_from(sorted(w for w in WORD_NUMBERS if not w.startswith(("a ", "half", "one and")))),
       unit=_UNITS)
def test_a_number_word_with_a_unit_reads_to_its_value(word, unit):
    text = f"we sent {word} {unit[0]}"
    assert read(text) == [(WORD_NUMBERS[word], unit[1], None)]


_PIECES = ["USD", "NZ$", "CAD", "CAD $", "A$", "US$", "us$", "$", "€", " ", "\u00a0", "1", "25", "3,000", "4.5",
           "2,1", " million", " billion", "bn", "one", "Two", "a", " hundred", "twenty", "-", "seven", "x", "ty", "S",
           "ſix", "\u212a", ".", "%", "e"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=30), cut=st.integers(min_value=0, max_value=8))
def test_the_number_scan_finds_what_the_regex_alone_finds(pieces, cut):
    """_numbers starts each search a little before the next digit or number word: the same matches as
    _NUMBER.finditer over the same window, currency prefixes, number words and case-blind letters included."""
    text = "".join(pieces)
    start, end = min(cut, len(text)), max(min(cut, len(text)), len(text) - cut // 2)
    assert [m.span() for m in _numbers(text, start, end)] == [m.span() for m in _NUMBER.finditer(text, start, end)]
