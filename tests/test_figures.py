"""Figures: which numbers count as statements about relations (the dev-set ratchet: test_ratchet.py)."""

from __future__ import annotations

from kg.extract.commitments import extract_commitments
from kg.extract.figures import extract_figures
from kg.model import Person
from test_commitments import LULA, PUTIN, make_doc



def figures(*turns) -> list[tuple[float, str]]:
    doc = extract_figures(extract_commitments(make_doc(*turns)))
    return [(f.quantity.value, f.quantity.unit) for f in doc.figures]


def test_trade_students_and_money_are_figures():
    assert figures((PUTIN, "Trade grew by 12 percent to $4.2 billion. Over 9,000 Brazilian students study here."),
                   (LULA, "Yes.")) == [(12, "percent"), (4.2e9, "USD"), (9000, "person")]


def test_range_gives_two_figures():
    assert figures((PUTIN, "Growth could be from 2 to 3 percent."), (LULA, "Yes.")) == [(2, "percent"), (3, "percent")]


def test_length_of_relations_counts_but_time_references_do_not():
    assert figures((PUTIN, "We mark 200 years of diplomatic relations."), (LULA, "Yes.")) == [(200, "year")]
    assert figures((PUTIN, "In the past 10 years, much has changed. He is 60 years old."), (LULA, "Yes.")) == []


def test_dates_meetings_and_written_out_counts_are_not_figures():
    assert figures((PUTIN, "On May 5, 2019 we met for the third time. We have held 15 meetings. "
                           "Three ministers came."), (LULA, "Yes.")) == []


def test_written_out_count_counts_as_a_commitments_quantity():
    assert (2, "unit") in figures((PUTIN, "We will speed up the construction of two power plant units."),
                                  (LULA, "Yes."))


def test_journalists_numbers_do_not_count():
    assert figures((Person("Question"), "Is it true trade fell 30 percent?"), (PUTIN, "No.")) == []


def test_domestic_numbers_do_not_count():
    assert figures((PUTIN, "Our GDP grew 3 percent and inflation is 4 percent."), (LULA, "Yes.")) == []


def test_about_says_what_is_measured():
    doc = extract_figures(make_doc((PUTIN, "We exported 2 million tonnes of crude oil."), (LULA, "Yes.")))
    assert doc.figures[0].about == "crude oil" and doc.figures[0].speaker == PUTIN


def test_about_a_count_of_doses_names_what_the_doses_are():
    doc = extract_figures(make_doc((PUTIN, "We have delivered 300,000 flu vaccine doses."), (LULA, "Yes.")))
    assert [(f.quantity.unit, f.about) for f in doc.figures] == [("dose", "flu vaccine doses")]


def test_anniversary_and_years_since_establishment_of_relations_are_lengths():
    assert figures((PUTIN, "Next year we mark the 45th anniversary of our diplomatic relations."),
                   (LULA, "Yes.")) == [(45, "year")]
    assert figures((PUTIN, "We celebrate the twentieth anniversary of establishing relations."),
                   (LULA, "Yes.")) == [(20, "year")]
    assert figures((PUTIN, "A lot was done in the 40 years since the establishment of relations."),
                   (LULA, "Yes.")) == [(40, "year")]


def test_anniversaries_of_people_and_events_are_not_figures():
    assert figures((PUTIN, "We marked the 90th anniversary of the writer's birth."), (LULA, "Yes.")) == []


def test_anniversaries_of_joint_undertakings_and_possessive_relations_are_lengths():
    assert figures((PUTIN, "This year we celebrate the 50th anniversary of gas supplies from Russia to Brazil."),
                   (LULA, "Yes.")) == [(50, "year")]
    assert figures((PUTIN, "This year marks the 70th anniversary of the two countries' diplomatic relations."),
                   (LULA, "Yes.")) == [(70, "year")]


def test_a_scaled_number_before_a_plural_noun_counts_that_noun_not_dollars():
    assert figures((PUTIN, "We recorded 2.1 million overnight stays of Brazilian tourists."), (LULA, "Yes.")) \
        == [(2.1e6, "overnight stay")]
    assert figures((PUTIN, "Our trade reached 45 billion worth of goods."), (LULA, "Yes.")) == [(45e9, "USD")]


def test_the_head_of_an_organisation_is_a_foreign_counterpart():
    barroso = Person("Jose Manuel Barroso", "President", None, organisation="European Commission")
    assert figures((PUTIN, "Our trade turnover amounted to more than $410 billion."), (barroso, "Indeed.")) \
        == [(410e9, "USD")]


def test_about_names_the_counted_thing_not_the_unit_or_a_function_word():
    doc = extract_figures(make_doc(
        (PUTIN, "We mark the 25th anniversary of the restoration of our diplomatic relations. "
                "Last year, Russia supplied 30 million tonnes of oil to you. Bilateral trade grew by 7 percent. "
                "There are 500 Brazilians studying here."), (LULA, "Yes.")))
    abouts = {(f.quantity.value, f.quantity.unit): f.about for f in doc.figures}
    assert abouts == {(25, "year"): "diplomatic relations", (3e7, "tonne"): "oil", (7, "percent"): "trade",
                      (500, "person"): "Brazilians"}


def test_lengths_of_a_relationship_told_as_time_references_or_centuries():
    assert figures((PUTIN, "65 years ago our countries established diplomatic relations."), (LULA, "Yes.")) \
        == [(65, "year")]
    assert figures((PUTIN, "We celebrate the centenary of our diplomatic relations."), (LULA, "Yes.")) \
        == [(100, "year")]
    assert figures((PUTIN, "Our countries have stood together for more than a century."), (LULA, "Yes.")) \
        == [(100, "year")]
    assert figures((PUTIN, "We marked the 70th anniversary of the U.S.-Brazil Alliance."), (LULA, "Yes.")) \
        == [(70, "year")]
    assert figures((PUTIN, "In the past 10 years, much has changed."), (LULA, "Yes.")) == []


def test_written_out_percentages_are_figures_and_a_canadians_dollars_are_canadian():
    trudeau = Person("Justin Trudeau", "Prime Minister", "CAN")
    assert figures((PUTIN, "Trade grew by two percent."), (LULA, "Yes.")) == [(2, "percent")]
    assert figures((trudeau, "Canada will invest $100 million in Brazil and US$5 million more."), (PUTIN, "Good.")) \
        == [(1e8, "CAD"), (5e6, "USD")]


def test_a_range_with_a_dash_gives_two_figures():
    assert figures((PUTIN, "The project will cost $15–20 billion."), (LULA, "Yes.")) == [(15e9, "USD"), (20e9, "USD")]


def test_centuries_old_history_and_school_years_are_not_lengths():
    assert figures((PUTIN, "Our relations have a centuries-old history."), (LULA, "Yes.")) == []
    assert figures((PUTIN, "Our relations span five centuries."), (LULA, "Yes.")) == [(500, "year")]
    assert figures((PUTIN, "We gave 618 scholarships for the 2018–2019 school year."), (LULA, "Yes.")) \
        == [(618, "scholarship")]


def test_a_number_before_last_year_has_no_unit_of_years():
    assert figures((PUTIN, "Our trade stood at 200 last year and reached $300 billion this year."), (LULA, "Yes.")) \
        == [(300e9, "USD")]


def test_a_count_of_them_takes_its_neighbours_unit_across_non_breaking_spaces():
    assert figures((PUTIN, "Around 5,500 Armenian students study here, more than 1,500 of\u00a0them at our expense."),
                   (LULA, "Yes.")) == [(5500, "person"), (1500, "person")]


def test_a_number_said_again_in_its_sentence_is_one_figure_and_in_another_sentence_another():
    assert figures((PUTIN, "We invested $5 billion — $5 billion — in Brazil. Next year, $5 billion more."),
                   (LULA, "Yes.")) == [(5e9, "USD"), (5e9, "USD")]


def test_length_of_a_joint_undertaking_counts_but_years_since_an_event_do_not():
    assert figures((PUTIN, "This June we are marking 50 years since the first delivery of gas to your market."),
                   (LULA, "Yes.")) == [(50, "year")]
    assert figures((PUTIN, "We have 20 years of partnership behind us."), (LULA, "Yes.")) == [(20, "year")]
    assert figures((PUTIN, "Ten years after the crisis, 15 years since the election, all changed."),
                   (LULA, "Yes.")) == []


def test_the_filter_tells_a_written_out_measure_from_a_written_out_count():
    from kg.extract.figures import extract_figures as rule_figures
    from kg.extract.learned_figures import figure_features
    from kg.inputs.text import normalise

    doc = rule_figures(extract_commitments(make_doc(
        (PUTIN, "Our trade grew by twenty percent, and we opened 300 offices."), (LULA, "Yes."))))
    norm = normalise(doc.text)
    feats = {f.quantity.unit: figure_features(doc, norm, f, []) for f in doc.figures}
    assert "written-out:measure" in feats["percent"]
    assert not any(f.startswith("written-out") for f in feats["office"])
