"""The scorer's rules beyond tests/test_scoring.py: counts at the edges, names, sentences,
intervals, per-type rows, misses, the printed table, and finding gold cases on disk.

Properties (hypothesis) check what must hold for any input: every found and
gold entry is paired at most once, and scoring the gold against itself is perfect.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings, strategies as st

from kg.errors import InputError
from kg.eval.evaluate import collect, find_all_cases, find_cases, format_misses, format_table, lowest_f1
from kg.eval.scoring import (Accuracy, Counts, Report, fold, locality, match, same_person, same_sentence, score,
                             score_transcript)
from kg.model import COMMITMENT_TYPES, MUTUAL_TYPES


def commitment(kind="Supply", by="RUS", to="AZE", quantity=None, status="planned", quote="We will supply gas.",
               item=None) -> dict:
    return {"type": kind, "by": by, "to": to, "quantity": quantity, "unit": None, "status": status,
            "quote": quote, "item": item}


def page(**fields) -> dict:
    base = {"meeting": {"date": "2021-07-20", "city": "Moscow", "format": "in_person"},
            "participants": [], "countries": [], "commitments": [], "figures": []}
    base.update(fields)
    return base


# --- counts -----------------------------------------------------------------------


@pytest.mark.parametrize("tp, fp, fn, p, r, f1", [
    (0, 0, 0, 1.0, 1.0, 1.0),    # nothing to find and nothing found: perfect
    (0, 3, 0, 0.0, 1.0, 0.0),    # only false finds
    (0, 0, 3, 0.0, 0.0, 0.0),    # only misses: no precision to speak of
    (3, 1, 0, 0.75, 1.0, 6 / 7),
    (1, 1, 1, 0.5, 0.5, 0.5),
])
def test_precision_recall_and_f1_at_the_edges(tp, fp, fn, p, r, f1):
    c = Counts(tp, fp, fn)
    assert (c.precision, c.recall) == (pytest.approx(p), pytest.approx(r))
    assert c.f1 == pytest.approx(f1)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 50), st.integers(0, 50), st.integers(0, 50))
def test_f1_lies_between_precision_and_recall(tp, fp, fn):
    c = Counts(tp, fp, fn)
    low, high = sorted((c.precision, c.recall))
    assert 0.0 <= c.f1 <= 1.0
    if c.f1:
        assert low - 1e-12 <= c.f1 <= high + 1e-12


def test_counts_add_up_and_an_empty_accuracy_is_perfect():
    total = Counts(1, 2, 3)
    total.add(Counts(10, 20, 30))
    assert (total.tp, total.fp, total.fn) == (11, 22, 33)
    a = Accuracy()
    assert a.value == 1.0
    a.add(True), a.add(False), a.add(False)
    assert (a.right, a.total) == (1, 3) and a.value == pytest.approx(1 / 3)


# --- names --------------------------------------------------------------------------


@pytest.mark.parametrize("found, gold, same", [
    ("Lee", "Lee Hsien Loong", True),              # family name first
    ("Loong", "Lee Hsien Loong", True),
    ("Jinping", "Xi Jinping", True),
    ("Xi", "Xi Jinping", False),                   # a two-word name's first word is a given name
    ("Juncker", "Jean-Claude Juncker", True),
    ("Erdogan", "Recep Tayyip Erdoğan", True),     # diacritics folded
    ("PUTIN", "Vladimir Putin", True),             # case folded
    ("Mr. Putin", "Vladimir Putin", True),
    ("Biden", "Joseph R. Biden, Jr.", True),
    ("Joseph R. Biden, Jr.", "Biden", True),
    ("Vladimir", "Vladimir Putin", False),
    ("", "Vladimir Putin", False),
    ("Vladimir Putin", None, False),
])
def test_same_person_by_surname_with_family_names_first(found, gold, same):
    assert same_person(found, gold) is same


def test_fold_strips_accents_case_and_edges():
    assert fold("  Andrés Manuel LÓPEZ Obrador ") == "andres manuel lopez obrador"
    assert fold(None) == "" and fold("") == ""


@pytest.mark.parametrize("found, gold, same", [
    ("Washington", "Washington, D.C.", True),      # the region after the comma names the same place
    ("Novo-Ogaryovo", "Novo-Ogaryovo, Moscow Region", True),
    ("São Paulo", "SAO PAULO", True),
    ("Washington", "Moscow", False),
    ("Moscow", "Moscow Region", False),           # a region is not its city: no comma, no cut
    ("Washington", None, False),
    (None, None, True),
])
def test_a_city_is_right_when_its_locality_is(found, gold, same):
    assert (locality(found) == locality(gold)) is same


def test_a_meeting_city_is_scored_by_its_locality():
    report = Report()
    gold = {"meeting": {"date": "2005-11-21", "city": "Washington, D.C.", "format": "in_person"}}
    score_transcript(report, "a", {"meeting": {"date": "2005-11-21", "city": "Washington",
                                               "format": "in_person"}}, gold)
    score_transcript(report, "b", {"meeting": {"date": "2005-11-21", "city": "Moscow",
                                               "format": "in_person"}}, gold)
    assert (report.accuracy["meeting.city"].right, report.accuracy["meeting.city"].total) == (1, 2)


# --- sentences ----------------------------------------------------------------------

_SENTENCES = st.lists(st.sampled_from("we will supply gas to serbia next year and build a plant there".split()),
                      min_size=1, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(a=_SENTENCES, b=_SENTENCES)
def test_same_sentence_is_symmetric_and_reflexive(a, b):
    assert same_sentence(a, a)
    assert same_sentence(a, b) == same_sentence(b, a)


@settings(max_examples=50, deadline=None)
@given(a=_SENTENCES)
def test_same_sentence_ignores_case_punctuation_and_non_breaking_spaces(a):
    shouted = a.upper().replace(" ", "\u00a0", 1) + "!"
    assert same_sentence(shouted, a)
    assert same_sentence(f"He said: \u201c{a}.\u201d", a)


def test_same_sentence_wants_whole_words_not_parts_of_words():
    assert not same_sentence("supply", "We will resupply the plant soon enough.")
    assert same_sentence("We will supply gas.", "[Vladimir Putin:] We will supply gas.")


def test_same_sentence_shares_at_least_half_the_words_of_the_shorter():
    assert same_sentence("a b c d", "a b x y z w")          # 2 of 4
    assert not same_sentence("a b c d e", "a b x y z w")    # 2 of 5


# --- matching -------------------------------------------------------------------------

_COMMITMENTS = st.builds(commitment, kind=st.sampled_from(COMMITMENT_TYPES), by=st.sampled_from(["RUS", "AZE"]),
                         to=st.sampled_from(["RUS", "AZE", "TUR"]), quantity=st.sampled_from([None, 5, 100000]),
                         quote=st.sampled_from(["We will supply gas.", "We have signed the treaty.",
                                                "Trade grew by a third."]))


@settings(max_examples=60, deadline=None)
@given(found=st.lists(_COMMITMENTS, max_size=6), gold=st.lists(_COMMITMENTS, max_size=6),
       strict=st.booleans())
def test_every_entry_is_paired_at_most_once_and_counts_add_up(found, gold, strict):
    c = score([("p", page(commitments=found), page(commitments=gold))], strict=strict).counts["commitments"]
    assert c.tp + c.fp == len(found) and c.tp + c.fn == len(gold)
    pairs, extra, missing = match(found, gold, lambda f, g: f["type"] == g["type"])
    assert len(pairs) + len(extra) == len(found) and len(pairs) + len(missing) == len(gold)
    assert all(f["type"] == g["type"] for f, g in pairs)


@settings(max_examples=40, deadline=None)
@given(gold=st.lists(_COMMITMENTS, max_size=6))
def test_the_gold_scored_against_itself_is_perfect(gold):
    report = score([("p", page(commitments=gold), page(commitments=gold))])
    c = report.counts["commitments"]
    assert (c.fp, c.fn) == (0, 0) and c.f1 == 1.0
    assert report.accuracy["commitments.status"].value == 1.0


@pytest.mark.parametrize("kind", COMMITMENT_TYPES)
def test_only_mutual_kinds_match_either_way_round(kind):
    c = score([("p", page(commitments=[commitment(kind, "AZE", "RUS")]),
                page(commitments=[commitment(kind, "RUS", "AZE")]))]).counts["commitments"]
    assert c.tp == (1 if kind in MUTUAL_TYPES else 0)


def test_quantities_match_with_a_relative_tolerance_and_only_when_the_gold_has_one():
    gold = [commitment(quantity=2e9)]
    assert score([("p", page(commitments=[commitment(quantity=2e9 + 1)]), page(commitments=gold))]
                 ).counts["commitments"].tp == 1
    assert score([("p", page(commitments=[commitment(quantity=2.1e9)]), page(commitments=gold))]
                 ).counts["commitments"].tp == 0
    assert score([("p", page(commitments=[commitment(quantity="a lot")]), page(commitments=gold))]
                 ).counts["commitments"].tp == 0
    anything = score([("p", page(commitments=[commitment(quantity=7)]), page(commitments=[commitment()]))])
    assert anything.counts["commitments"].tp == 1  # no gold quantity: any found one is fine


def test_each_type_gets_its_own_row_and_item_accuracy_counts_matched_pairs():
    found = [commitment("Supply", item="gas"), commitment("Visit", quote="We will come.", status="planned")]
    gold = [commitment("Supply", item="Gas"), commitment("Visit", quote="We will come.", status="proposed"),
            commitment("Agreement", quote="We have signed the treaty.")]
    report = score([("p", page(commitments=found), page(commitments=gold))])
    rows = {k: (c.tp, c.fp, c.fn) for k, c in report.counts.items() if k.startswith("commitments.")}
    assert rows["commitments.Supply"] == (1, 0, 0) and rows["commitments.Visit"] == (1, 0, 0)
    assert rows["commitments.Agreement"] == (0, 0, 1) and rows["commitments.Investment"] == (0, 0, 0)
    assert report.accuracy["commitments.item"].value == 1.0  # "gas" and "Gas" fold to one
    assert report.accuracy["commitments.status"].value == 0.5


# --- misses, for --explain ---------------------------------------------------------------


def test_misses_name_the_transcript_field_and_sentence():
    found = page(participants=[{"name": "Vladimir Putin", "country": "RUS"}], countries=["RUS", "TUR"],
                 commitments=[commitment("Visit", status="planned", quote="We will come.")],
                 figures=[{"value": 5, "unit": "percent", "quote": "Trade grew 5 percent."}])
    gold = page(participants=[{"name": "Vladimir Putin", "country": "RUS"}, {"name": "Ilham Aliyev", "country": "AZE"}],
                countries=["RUS", "AZE"], commitments=[commitment("Visit", status="proposed", quote="We will come.")],
                meeting={"date": "2021-07-21", "city": "Moscow", "format": "in_person"})
    report = score([("aze", found, gold)])
    seen = {(m.field, m.kind, m.detail) for m in report.misses}
    assert ("participants", "missed", "Ilham Aliyev (AZE)") in seen
    assert ("countries", "missed", "AZE") in seen and ("countries", "false", "TUR") in seen
    assert ("meeting.date", "wrong", "found '2021-07-20', gold '2021-07-21'") in seen
    assert ("commitments.status", "wrong", "Visit RUS->AZE [planned], gold status proposed") in seen
    assert ("figures", "false", "5 percent") in seen
    assert all(m.transcript == "aze" for m in report.misses)
    [figure] = [m for m in report.misses if m.field == "figures"]
    assert figure.quote == "Trade grew 5 percent."
    text = format_misses(report)
    assert text.startswith("== aze") and "\u201cTrade grew 5 percent.\u201d" in text
    assert text.count("== ") == 1


def test_a_meeting_found_where_the_gold_has_none_is_one_miss():
    report = score([("speech", page(), page(meeting=None))])
    assert [(m.field, m.detail) for m in report.misses] == [("meeting.present", "found a meeting, gold has none")]
    nothing = score([("call", page(meeting={"title": None, "date": None}), page())])
    assert nothing.accuracy["meeting.present"].value == 0.0  # an empty meeting is no meeting found


# --- intervals, the dictionary and the table ----------------------------------------------


def _pages(n: int, every: int) -> list[tuple[str, dict, dict]]:
    items = []
    for i in range(n):
        gold = [commitment("Visit", quote=f"Visit number {i}.")]
        items.append((f"p{i}", page(commitments=gold if i % every else []), page(commitments=gold)))
    return items


def test_the_interval_is_reproducible_with_a_seed_and_moves_with_another():
    report = score(_pages(40, 3))
    a = report.interval("commitments", seed=7, resamples=300)
    assert report.interval("commitments", seed=7, resamples=300) == a
    others = {report.interval("commitments", seed=s, resamples=300) for s in range(4)}
    assert len(others) > 1  # the seed is used
    low, high = a
    assert low <= report.counts["commitments"].f1 <= high


def test_a_lower_level_gives_a_narrower_interval():
    report = score(_pages(40, 3))
    wide = report.interval("commitments", level=0.99, resamples=300)
    narrow = report.interval("commitments", level=0.5, resamples=300)
    assert wide[0] <= narrow[0] <= narrow[1] <= wide[1] and narrow != wide


def test_an_empty_report_has_a_zero_interval_and_a_page_without_facts_still_resamples():
    assert score([]).interval("commitments") == (0.0, 0.0)
    report = score([("empty", page(), page())] + _pages(3, 2))
    assert "empty" in report.per_transcript and report.transcripts == 4


def test_as_dict_says_how_it_matched_and_round_trips_through_json():
    strict = json.loads(json.dumps(score(_pages(6, 2)).as_dict()))
    loose = score(_pages(6, 2), strict=False).as_dict()
    assert strict["matching"] == "strict" and loose["matching"] == "loose"
    field = strict["fields"]["commitments"]
    assert (field["tp"], field["fp"], field["fn"]) == (3, 0, 3)
    assert len(field["f1_ci95"]) == 2 and field["f1_ci95"][0] <= field["f1"] <= field["f1_ci95"][1]
    assert strict["accuracy"]["meeting.date"] == {"accuracy": 1.0, "right": 6, "total": 6}
    assert strict["transcripts"] == 6 and isinstance(strict["misses"], list)


def test_the_table_shows_headline_fields_and_only_types_that_occur():
    report = score(_pages(6, 2))
    table = format_table(report)
    lines = table.splitlines()
    assert lines[0].startswith("commitments matched in the same sentence")
    assert any(line.startswith("commitments.Visit ") for line in lines)
    assert not any(line.startswith("commitments.Supply ") for line in lines)
    assert table.rstrip().endswith("6 transcripts")
    assert format_table(score(_pages(6, 2), strict=False)).startswith("commitments matched anywhere")


def test_lowest_f1_names_the_weakest_headline_field():
    found = page(countries=["RUS"], commitments=[commitment()])
    gold = page(countries=["RUS"], commitments=[commitment(), commitment("Visit", quote="We will come.")])
    field, value = lowest_f1(score([("p", found, gold)]))
    assert field == "commitments" and value == pytest.approx(2 / 3)


# --- gold cases on disk ----------------------------------------------------------------------


def _gold(folder, name: str, body: dict | str = None, text: str | None = "Talks.\n", suffix: str = ".txt"):
    folder.mkdir(parents=True, exist_ok=True)
    raw = body if isinstance(body, str) else json.dumps(body or {"commitments": []})
    (folder / f"{name}.gold.json").write_text(raw, encoding="utf-8")
    if text is not None:
        (folder / f"{name}{suffix}").write_text(text, encoding="utf-8")


def test_cases_pair_gold_files_with_transcripts_by_stem_or_source_file(tmp_path):
    _gold(tmp_path / "g", "a")
    _gold(tmp_path / "g", "b", text="<html></html>", suffix=".html")
    _gold(tmp_path / "g", "c", {"source": {"file": "other.txt"}}, text=None)
    (tmp_path / "g" / "other.txt").write_text("Talks.\n", encoding="utf-8")
    cases = find_cases(tmp_path / "g")
    assert [(c.name, c.transcript.name) for c in cases] == [("a", "a.txt"), ("b", "b.html"), ("c", "other.txt")]


def test_transcripts_may_live_in_another_folder(tmp_path):
    _gold(tmp_path / "g", "a", text=None)
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.txt").write_text("Talks.\n", encoding="utf-8")
    assert find_cases(tmp_path / "g", tmp_path / "t")[0].transcript == tmp_path / "t" / "a.txt"


@pytest.mark.parametrize("setup, message", [
    (lambda d: None, "not a folder"),
    (lambda d: d.mkdir(), "contains no .gold.json files"),
    (lambda d: _gold(d, "a", "{broken"), "cannot read gold file"),
    (lambda d: _gold(d, "a", text=None), "no transcript for it"),
])
def test_bad_gold_folders_are_one_input_error_naming_the_path(tmp_path, setup, message):
    folder = tmp_path / "gold"
    setup(folder)
    with pytest.raises(InputError, match=message) as error:
        find_cases(folder)
    assert str(folder) in str(error.value)


def test_cases_of_several_folders_keep_names_apart_and_select_filters(tmp_path):
    _gold(tmp_path / "one", "kremlin-a")
    _gold(tmp_path / "two", "kremlin-a")
    _gold(tmp_path / "two", "whitehouse-b")
    names = [c.name for c in find_all_cases([tmp_path / "one", tmp_path / "two"])]
    assert names == ["kremlin-a", "two/kremlin-a", "whitehouse-b"]
    assert [c.name for c in find_all_cases([tmp_path / "two"], select="white*")] == ["whitehouse-b"]
    with pytest.raises(InputError, match=re.escape("no gold file matches 'nothing-*'")):
        collect([tmp_path / "one"], select="nothing-*")
