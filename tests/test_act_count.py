"""How many acts a sentence lists: coordinated goods, gatherings and documents give one entry each."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.extract.act_count import listed_acts, with_listed_acts
from kg.extract.quantities import parse_quantities
from kg.model import Commitment, Quantity, Span


def _listed(text: str, kind: str) -> list[str]:
    return listed_acts(text, Span(0, len(text)), kind)


@pytest.mark.parametrize("text, kind, expected", [
    ("Our country sells Armenia oil and natural gas.", "Supply", ["oil", "gas"]),
    ("Norway delivers coal, fertilisers, as well as grain to the region.", "Supply", ["coal", "fertiliser", "grain"]),
    ("We will deliver 200,000 doses of vaccine to Laos.", "Supply", []),  # one goods word twice is one act
    ("They spoke of cooperation in the oil and gas sector.", "Supply", []),  # goods that qualify a noun
    ("We provide weapons and equipment to the army.", "Supply", []),  # equipment beside arms is arms
    ("They discussed the G20 summit and the Arctic Council session in Oslo.", "Visit", ["summit", "session"]),
    ("We will continue our meetings and consultations.", "Visit", []),  # plural sets, no listed events
    ("They will meet at the summit or the forum in Kazan.", "Visit", []),  # "or": one event named twice
    ("We expect your visit, a state visit, to Chile.", "Visit", []),  # an apposition restates the act
    ("The Border Treaty and the Joint Declaration were signed.", "Agreement", ["treaty", "declaration"]),
    ("Several agreements and contracts were signed.", "Agreement", []),
    ("We build the Baltic Stream pipeline and the Kola nuclear power plant.", "Cooperation",
     ["pipeline", "nuclear power plant"]),
    ("Oslo hosted the Danish Culture Days and the Danish Film Week.", "Cooperation", []),  # gold is split
    ("Gas pipeline projects will continue in the coming days and weeks.", "Cooperation", []),
    ("The two sides will work together.", "JointProduction", []),  # a type without a table is never counted
])
def test_listed_acts(text: str, kind: str, expected: list[str]) -> None:
    assert _listed(text, kind) == expected


def _commitment(kind: str, by: str, to: str, item: str | None = None, quantity: Quantity | None = None
                ) -> Commitment:
    return Commitment(type=kind, by=by, to=to, status="ongoing", span=Span(0, 10), utterance=0, item=item,
                      quantity=quantity)


def test_one_entry_per_listed_goods_each_with_its_word() -> None:
    text = "Russia supplies electricity and coal to China."
    amount = Quantity(5.0, "tonne")
    first = _commitment("Supply", "RUS", "CHN", item="electricity", quantity=amount)
    out = with_listed_acts(text, Span(0, len(text)), "Supply", [first])
    assert [c.item for c in out] == ["electricity", "coal"]
    assert out[0].quantity == amount and out[1].quantity is None  # the amount belongs to one act
    assert {(c.by, c.to) for c in out} == {("RUS", "CHN")}


def test_entries_already_enough_stay_as_they_are() -> None:
    text = "The Border Treaty and the Joint Declaration were signed."
    chosen = [_commitment("Agreement", "RUS", "CHN"), _commitment("Agreement", "RUS", "CHN")]
    assert with_listed_acts(text, Span(0, len(text)), "Agreement", chosen) == chosen
    assert with_listed_acts(text, Span(0, len(text)), "Agreement", []) == []


def test_copies_go_to_the_first_pair_only() -> None:
    text = "They discussed the G20 summit and the Arctic Council session in Oslo."
    chosen = [_commitment("Visit", "RUS", "NOR"), _commitment("Visit", "RUS", "FIN")]
    out = with_listed_acts(text, Span(0, len(text)), "Visit", chosen)
    assert [(c.by, c.to) for c in out] == [("RUS", "NOR"), ("RUS", "FIN"), ("RUS", "NOR")]


def _agreements(text: str, chosen: list[Commitment]) -> list[Commitment]:
    return with_listed_acts(text, Span(0, len(text)), "Agreement", chosen)


def test_an_unlisted_counted_set_is_one_entry_per_pair_with_the_count() -> None:
    text = "Following my visit, 12 documents were signed."
    out = _agreements(text, [_commitment("Agreement", "RUS", "MNG") for _ in range(12)])
    assert len(out) == 1 and out[0].quantity.value == 12 and out[0].quantity.unit == "document"
    money = Quantity(1.3e9, "USD")
    kept = _agreements("Last year we signed 20 agreements worth $1.3 billion.",
                       [_commitment("Agreement", "RUS", "ITA", quantity=money)])
    assert kept[0].quantity == money  # an amount of its own stays


@pytest.mark.parametrize("text", [
    "The delegations signed four joint documents: on border guarding, on customs and on sport.",
    "Ten documents were signed, including agreements on customs and on transport.",
])
def test_a_listed_counted_set_keeps_its_entries_the_first_carrying_the_count(text: str) -> None:
    chosen = [_commitment("Agreement", "RUS", "NOR"), _commitment("Agreement", "RUS", "NOR")]
    out = _agreements(text, chosen)
    assert len(out) >= 2 and out[0].quantity is not None and out[1].quantity is None


def test_the_signers_are_no_count_of_documents() -> None:
    out = _agreements("The two parties signed documents on customs.", [_commitment("Agreement", "RUS", "KGZ")])
    assert out[0].quantity is None


@pytest.mark.parametrize("text, expected", [
    ("Intergovernmental agreements were signed on air traffic, on fishery, and on investment.", 3),
    ("The signed documents are related to consultations, space research, nuclear energy and transport.", 3),
    ("The following agreements were signed: on road traffic; on tax and customs; and on communications.", 3),
    ("Agreements on trade and investment were signed.", 1),  # one document's subject
    ("They signed a package of documents on cooperation, in particular in science, education and health.", 1),
])
def test_a_readout_lists_one_document_per_subject(text: str, expected: int) -> None:
    narrated = replace(_commitment("Agreement", "RUS", "IND"), speaker=None)
    assert len(_agreements(text, [narrated])) == expected


def test_named_gatherings_of_one_plural_noun_are_one_visit_each() -> None:
    assert _listed("We will come to attend the SCO and CSTO summits in Bishkek.", "Visit") == ["summit", "summit"]


def test_a_delivery_is_given_once_without_its_growth_or_range_start() -> None:
    text = ("Gas deliveries grew by 50 percent to 9 billion cubic metres, and transits from 12 to 18 billion "
            "cubic metres.")
    amounts = parse_quantities(text, 0, len(text))
    chosen = [_commitment("Supply", "RUS", "AUT", item="gas", quantity=q) for q in amounts]
    out = with_listed_acts(text, Span(0, len(text)), "Supply", chosen)
    assert [(c.quantity.value, c.quantity.unit) for c in out] == [(9e9, "cubic metre"), (18e9, "cubic metre")]
    alone = [_commitment("Supply", "RUS", "TUR", item="gas", quantity=Quantity(55, "percent"))]
    assert with_listed_acts("Russia meets 55 percent of its gas needs.", Span(0, 40), "Supply", alone) == alone
