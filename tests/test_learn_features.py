"""The learned reader's parts: candidate sentences, features, scores, decisions, party pairs, model files,
and the corpus splits training reads.

Hand-made models (a few weights) make each decision predictable; the page is
a short kremlin.ru-style transcript with a question from the press.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest
from hypothesis import given, strategies as st

from kg.errors import KgError
from kg.inputs.text import normalise
from kg.extract.learned import (
    Reading, SentenceReader, _sigmoid, apply_parties, decide, load_reader,
    sentence_features, status_features,
)
from kg.extract.reader_features import _TOKEN, _abstract_words
from kg.extract.reader_json import model_to_json
from kg.extract.learned_parties import candidate_pairs, pair_context, pair_features, same_pair
from kg.extract.learned_status import act_status_features, intent_features, rule_status_of
from kg.learn.corpus import SealedSplitError, load_split
from kg.learn.pages import _best_sentence
from kg.model import COMMITMENT_TYPES, Commitment, Span

from candidate_pages import candidates_by_quote

TEXT = ("Meeting with President of Serbia Aleksandar Vucic\n\nJune 23, 2020, The Kremlin, Moscow\n\n"
        "Vladimir Putin held talks with President of Serbia Aleksandar Vucic.\n\n"
        "President of Russia Vladimir Putin: Mr President, we will deliver 200,000 tonnes of fertiliser to Serbia. "
        "What do you think? We are glad to see you.\n\nQuestion: Will you sign a gas contract?\n\n"
        "Aleksandar Vucic: Thank you. We have signed two agreements.\n")


@pytest.fixture(scope="module")
def page():
    return candidates_by_quote(TEXT, "serbia.txt")


# --- candidates and features -------------------------------------------------------------


def test_candidates_are_leader_and_narrator_sentences_but_not_questions_or_the_press(page):
    _, by_quote = page
    assert list(by_quote) == [
        "Vladimir Putin held talks with President of Serbia Aleksandar Vucic.",
        "Mr President, we will deliver 200,000 tonnes of fertiliser to Serbia.",
        "We are glad to see you.", "Thank you.", "We have signed two agreements."]
    assert [c.type for c in by_quote["We have signed two agreements."].rules] == ["Agreement", "Agreement"]
    assert by_quote["Thank you."].rules == ()


def test_countries_and_numbers_are_abstracted_in_the_words(page):
    doc, by_quote = page
    feats = sentence_features(doc, by_quote["Mr President, we will deliver 200,000 tonnes of fertiliser to Serbia."])
    assert "w:ctry" in feats and not any("serbia" in f for f in feats)
    assert "w:num" in feats and "b:deliver_num" in feats and "b:to_ctry" in feats
    assert "t:we_will_deliver" in feats and "p:deliv" in feats and "p:we" not in feats  # short words have no family
    assert {"r:Supply", "rs:Supply:planned", "u:tonne", "spk:leader", "fmt:kremlin", "bias"} <= set(feats)
    assert feats == sorted(set(feats))


def test_voice_rules_and_the_page_kind_are_features(page):
    doc, by_quote = page
    narrator = sentence_features(doc, by_quote["Vladimir Putin held talks with President of Serbia Aleksandar Vucic."])
    assert "spk:narrator" in narrator and "page:no-meeting" not in narrator
    several = sentence_features(doc, by_quote["We have signed two agreements."])
    assert {"r:Agreement", "r:several"} <= set(several)
    not_meeting = sentence_features(replace(doc, is_meeting=False), by_quote["Thank you."])
    assert "page:no-meeting" in not_meeting and not any(f.startswith("u:") for f in not_meeting)


def test_status_features_name_the_cue_records_that_fire(page):
    doc, by_quote = page
    norm = normalise(doc.text)
    assert status_features(norm, by_quote["Mr President, we will deliver 200,000 tonnes of fertiliser to Serbia."]
                           .sentence) == ["cue:planned/will"]
    signed = status_features(norm, by_quote["We have signed two agreements."].sentence)
    assert signed and all(f.startswith("cue:completed/") for f in signed)
    assert status_features(norm, by_quote["Thank you."].sentence) == []


# --- scores and decisions -----------------------------------------------------------------------


def reader(**weights: tuple[float, ...]) -> SentenceReader:
    return SentenceReader(types=("Supply", "Visit"), weights=dict(weights), keep={"Supply": 0.5, "Visit": 0.5},
                          propose={"Supply": 0.9, "Visit": 0.9})


def test_scores_are_the_sigmoid_of_the_summed_weights_of_known_features():
    model = reader(bias=(-1.0, 0.0), **{"w:deliver": (3.0, -2.0)})
    scores = model.scores(["bias", "w:deliver", "w:unknown"])
    assert scores["Supply"] == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert scores["Visit"] == pytest.approx(1 / (1 + math.exp(2.0)))
    assert model.scores(["w:unknown"]) == {"Supply": 0.5, "Visit": 0.5}


@given(st.floats(min_value=-1e4, max_value=1e4, allow_nan=False))
def test_the_sigmoid_is_bounded_symmetric_and_never_overflows(x):
    assert 0.0 <= _sigmoid(x) <= 1.0
    assert _sigmoid(x) + _sigmoid(-x) == pytest.approx(1.0)


def test_the_anchor_is_the_word_that_weighs_most_for_the_type():
    model = reader(**{"w:deliver": (3.0, 0.0), "w:visit": (0.0, 5.0), "w:we": (0.5, 0.5)})
    text = "We will deliver and visit."
    quoted = lambda span: text[span.start:span.end]  # noqa: E731
    assert quoted(model.anchor(text, Span(0, len(text)), "Supply")) == "deliver"
    assert quoted(model.anchor(text, Span(0, len(text)), "Visit")) == "visit"
    text = "Thank you."
    assert quoted(model.anchor(text, Span(0, len(text)), "Visit")) == "Thank"  # no weights: the first word


def test_status_comes_from_the_status_weights_and_the_type():
    model = replace(reader(), statuses=("completed", "planned"),
                    status_weights={"cue:planned/will": (0.0, 2.0), "type:Visit": (3.0, 0.0)})
    assert model.status(["cue:planned/will"], "Supply") == "planned"
    assert model.status(["cue:planned/will"], "Visit") == "completed"  # the type weighs more
    assert reader().status(["cue:planned/will"], "Supply") is None


def _commitment(kind="Supply", by="RUS", to="SRB") -> Commitment:
    return Commitment(type=kind, by=by, to=to, status="planned", span=Span(0, 5), utterance=0)


def _reading(scores: dict[str, float], rules=()) -> Reading:
    from kg.extract.learned import Candidate
    from kg.model import Utterance

    candidate = Candidate(0, Utterance(0, Span(0, 5), None), Span(0, 5), tuple(rules))
    return Reading(candidate, [], scores)


def test_a_rule_hit_stays_only_when_the_sentence_scores_high_enough():
    hit = _commitment()
    assert decide(_reading({"Supply": 0.6}, [hit]), "Supply", 0.5, 0.9, lambda: None) == [hit]
    assert decide(_reading({"Supply": 0.4}, [hit]), "Supply", 0.5, 0.9, lambda: None) == []


def test_a_sentence_without_a_hit_proposes_only_above_the_propose_threshold():
    proposal = _commitment("Visit")
    calls = []

    def propose():
        calls.append(1)
        return proposal

    assert decide(_reading({"Visit": 0.95}), "Visit", 0.5, 0.9, propose) == [proposal]
    assert decide(_reading({"Visit": 0.85}), "Visit", 0.5, 0.9, propose) == []
    assert len(calls) == 1  # the proposal is only read when it will be used
    assert decide(_reading({"Visit": 0.95}), "Visit", 0.5, 0.9, lambda: None) == []


def test_the_rankers_pair_overrules_the_rules_only_when_sure_and_adds_further_sure_pairs():
    chosen = [_commitment(by="RUS", to="SRB")]
    ranked = [(0.95, ("SRB", "RUS")), (0.8, ("RUS", "HUN")), (0.2, ("HUN", "RUS"))]
    sure = apply_parties("Supply", chosen, ranked, override=0.9, extra=0.7)
    assert [(c.by, c.to) for c in sure] == [("SRB", "RUS"), ("RUS", "HUN")]
    unsure = apply_parties("Supply", chosen, ranked, override=0.99, extra=1.01)
    assert [(c.by, c.to) for c in unsure] == [("RUS", "SRB")]
    unresolved = apply_parties("Supply", [_commitment(by="RUS", to="RUS")], ranked, override=0.99, extra=1.01)
    assert [(c.by, c.to) for c in unresolved] == [("SRB", "RUS")]  # the rules had no pair: the best one wins
    assert apply_parties("Supply", chosen, [], 0.5, 0.5) == chosen


def _delivery(page):
    """The page's delivery sentence, the page's normalised text and the act's anchor ("deliver")."""
    doc, by_quote = page
    start = doc.text.index("deliver")
    return by_quote["Mr President, we will deliver 200,000 tonnes of fertiliser to Serbia."], normalise(doc.text), Span(start, start + 7)


# --- party pairs --------------------------------------------------------------------------------------


def test_candidate_pairs_are_ordered_for_directed_acts_and_once_each_for_joint_ones(page):
    doc, _ = page
    sentence, norm, anchor = _delivery(page)
    directed = pair_context(doc, norm, sentence.utterance, sentence.sentence, "Supply", anchor)
    assert (directed.own, directed.other, directed.named) == ("RUS", "SRB", {"SRB": [doc.text.index("Serbia.")]})
    assert sorted(candidate_pairs(directed)) == [("RUS", "SRB"), ("SRB", "RUS")]
    joint = replace(directed, kind="Cooperation")
    assert candidate_pairs(joint) == [("RUS", "SRB")]  # the speaker's side first
    feats = pair_features(directed, ("RUS", "SRB"), ("RUS", "SRB"))
    assert {"d:a:own", "d:b:other", "d:b:named", "d:b:named-after", "d:b:prev=to", "d:a:unnamed",
            "d:rule=same", "d:rule.by=a", "d:rule.to=b", "d:voice=leader", "k:Supply"} <= set(feats)
    assert "d:rule=swapped" in pair_features(directed, ("SRB", "RUS"), ("RUS", "SRB"))


def test_direction_words_of_the_sentence_are_crossed_with_each_sides_roles(page):
    doc, _ = page
    sentence, norm, anchor = _delivery(page)
    context = pair_context(doc, norm, sentence.utterance, sentence.sentence, "Supply", anchor)
    assert "we" in context.cues and "invite" not in context.cues
    feats = set(pair_features(context, ("RUS", "SRB"), ("RUS", "SRB")))
    assert {"Supply:we:a:own", "Supply:we:b:other", "Supply:we:b:named-after"} <= feats
    swapped = set(pair_features(context, ("SRB", "RUS"), ("RUS", "SRB")))
    assert "Supply:we:b:own" in swapped and "Supply:we:a:own" not in swapped


def test_the_status_classifier_sees_the_acts_rule_status_cues_by_type_and_words_at_its_anchor(page):
    doc, _ = page
    candidate, norm, anchor = _delivery(page)
    cues = status_features(norm, candidate.sentence)
    rule = rule_status_of(doc, norm, candidate.rules, candidate.sentence, "Supply", anchor)
    assert rule == "planned"
    feats = set(act_status_features(norm, candidate.sentence, "Supply", cues, rule, anchor))
    assert {"rst:planned", "rst:Supply:planned", "nb:we", "nb:will", "na:deliver", "na:tonnes"} <= feats
    assert {f"Supply|{cue}" for cue in cues} <= feats and cues
    assert "na:serbia" not in feats  # only the words next to the anchor


def test_the_status_classifier_sees_the_tense_word_that_governs_the_act_and_the_voice(page):
    candidate, norm, anchor = _delivery(page)
    cues = status_features(norm, candidate.sentence)
    leader = act_status_features(norm, candidate.sentence, "Supply", cues, "planned", anchor, narrator=False)
    assert {"nm:will", "nm:Supply:will", "ac:planned/will", "ac:Supply:planned", "pre:planned",
            "v:l:rst:planned", "v:l:cue:planned/will"} <= set(leader)
    assert not any(f.startswith("v:n:") for f in leader)
    assert "v:n:rst:planned" in act_status_features(norm, candidate.sentence, "Supply", cues, "planned", anchor,
                                                    narrator=True)


def test_the_status_of_a_relative_clause_is_not_the_acts_own():
    norm = normalise("We have already signed an agreement which will double our trade.")
    anchor = Span(norm.index("agreement"), norm.index("agreement") + 9)
    feats = act_status_features(norm, Span(0, len(norm)), "Agreement", [], "completed", anchor)
    assert "ac:completed/have-done" in feats and "pre:completed" in feats
    assert "post:planned" in feats and not any(f.startswith("ac:planned") for f in feats)
    assert {"nm:signed", "nm:Agreement:signed", "nm2:already_signed"} <= set(feats)


def test_each_status_feature_is_given_once_as_the_classifier_was_trained_on_presence():
    norm = normalise("We will soon agree that the partners of the sides build the plant.")  # "the" twice before
    anchor = Span(norm.index("build"), norm.index("build") + 5)
    feats = act_status_features(norm, Span(0, len(norm)), "Cooperation", ["cue:planned/will"], "planned", anchor)
    assert len(feats) == len(set(feats)) and "nb:the" in feats


def test_the_status_classifier_sees_each_statement_of_intent_wherever_the_anchor_stands():
    norm = normalise("The two leaders committed to build a plant and will continue to work together.")
    anchor = Span(norm.index("two"), norm.index("two") + 3)  # an anchor with nothing before it
    narrated = act_status_features(norm, Span(0, len(norm)), "Cooperation", [], "planned", anchor, narrator=True)
    assert {"iv:commit", "iv:Cooperation:commit", "iv:commit>build", "iv:n:commit", "iv:n:commit>build",
            "iv:contin>work", "iv:contin>cont"} <= set(narrated)
    assert "nm:none" in narrated and not any(f.startswith(("iv:l:", "ph:")) for f in narrated)
    plain = act_status_features(norm, Span(0, len(norm)), "Cooperation", [], "planned", anchor)
    assert not any(f.startswith(("iv:n:", "iv:l:")) for f in plain)  # no voice when it is not known
    assert intent_features("we cooperate in energy.", "Cooperation", False) == ["iv:none", "iv:l:none"]


@pytest.mark.parametrize("sentence, phases", [
    ("we will sign the treaty next week.", {"fut"}),
    ("the agreement is to be signed soon.", {"fut", "done"}),  # "signed" is there too: the classifier weighs both
    ("the sides are negotiating a treaty on trade.", {"work"}),
    ("today we signed an agreement on trade.", {"done", "today"}),
    ("we discussed trade.", set()),
])
def test_where_a_document_stands_is_a_status_feature_by_type(sentence, phases):
    feats = intent_features(sentence, "Agreement")
    assert {f[len("ph:Agreement:"):] for f in feats if f.startswith("ph:")} == phases


@pytest.mark.parametrize("kind, found, gold, same", [
    ("Supply", ("RUS", "SRB"), ("RUS", "SRB"), True), ("Supply", ("SRB", "RUS"), ("RUS", "SRB"), False),
    ("Cooperation", ("SRB", "RUS"), ("RUS", "SRB"), True), ("Agreement", ("RUS", None), ("RUS", "SRB"), False),
])
def test_same_pair_follows_the_scorer(kind, found, gold, same):
    assert same_pair(kind, found, gold) is same


# --- model files --------------------------------------------------------------------------------------


@pytest.mark.parametrize("body, message", [
    ("{not json", "not a reader model"),
    ("[1, 2]", "a JSON list, not an object"),
    (json.dumps({"format": 99}), "reader model format 99, this irkg reads 1; retrain it"),
    (json.dumps({"format": 1}), "not a reader model \\(KeyError: 'types'\\)"),
    (json.dumps({"format": 1, "types": ["Supply", "Visit"], "weights": {"bias": [1, 2]},
                 "keep": {"Supply": 0.1}, "propose": {"Supply": 0.5}}), "no thresholds for Visit"),
    (json.dumps({"format": 1, "types": ["Supply"], "weights": {"bias": [1, 2]},
                 "keep": {"Supply": 0.1}, "propose": {"Supply": 0.5}}), "weights of 'bias' do not fit the types"),
    (json.dumps({"format": 1, "types": ["Supply"], "weights": [], "keep": {}, "propose": {}}), "AttributeError"),
])
def test_a_file_that_is_no_model_is_one_error_naming_it(tmp_path, body, message):
    path = tmp_path / "model.json"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(KgError, match=message) as error:
        load_reader(path)
    assert str(error.value).startswith(f"{path}: ")


def test_a_model_file_keeps_every_part_and_its_version_is_its_bytes(tmp_path):
    model = replace(reader(bias=(0.123456789, -1.0)), statuses=("completed", "planned"),
                    status_weights={"type:Visit": (1.0, 0.0)}, party_weights={"bias": 0.5}, party_override=0.8,
                    figure_weights={"f:bias": 1.5}, figure_keep=0.3)
    path = tmp_path / "model.json"
    path.write_text(model_to_json(model, {"trained_on": "test"}), encoding="utf-8")
    back = load_reader(path)
    assert back.weights == {"bias": (0.12346, -1.0)} and back.keep == model.keep
    assert (back.statuses, back.party_weights, back.party_override, back.figure_keep) == (
        ("completed", "planned"), {"bias": 0.5}, 0.8, 0.3)
    assert len(back.version) == 16 and back.version == load_reader(path).version
    path.write_text(model_to_json(model, {"trained_on": "other"}), encoding="utf-8")
    assert load_reader(path).version != back.version


def test_the_shipped_model_has_a_threshold_for_every_type():
    shipped = load_reader()
    assert set(shipped.types) == set(COMMITMENT_TYPES)
    assert all(len(row) == len(shipped.types) for row in list(shipped.weights.values())[:50])


# --- training's corpus and labels ------------------------------------------------------------------------


def _corpus(root, splits: dict[str, list[str]], older: dict[str, str]) -> None:
    (root / "data/annotated").mkdir(parents=True)
    (root / "data/annotated/SPLITS.json").write_text(json.dumps({"older_sets": older}), encoding="utf-8")
    for split, names in splits.items():
        folder = root / split if "/" in split else root / "data/annotated" / split
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            (folder / f"{name}.gold.json").write_text(json.dumps({"commitments": []}), encoding="utf-8")
            if not name.startswith("no-text"):
                (folder / f"{name}.txt").write_text("Talks.\n", encoding="utf-8")


def test_a_split_gathers_its_own_folder_and_the_older_sets_given_to_it(tmp_path):
    _corpus(tmp_path, {"train": ["a", "no-text"], "tests/old1": ["b"], "tests/old2": ["c"]},
            {"tests/old1/b.txt": "train", "tests/old2/c.txt": "dev"})
    assert [p.name for p in load_split(tmp_path, "train")] == ["train/a", "old1/b"]
    assert [p.name for p in load_split(tmp_path, "dev")] == ["old2/c"]
    assert load_split(tmp_path, "train")[0].gold == {"commitments": []}


def test_the_test_split_is_sealed_and_unknown_splits_are_named(tmp_path):
    _corpus(tmp_path, {"train": ["a"]}, {})
    with pytest.raises(SealedSplitError, match="only for reporting"):
        load_split(tmp_path, "test")
    assert load_split(tmp_path, "test", evaluating=True) == []
    with pytest.raises(KgError, match="unknown split 'holdout'; known: train, dev, test"):
        load_split(tmp_path, "holdout")


def test_a_gold_quote_labels_the_sentence_that_shares_most_of_its_words():
    texts = ["We will supply gas.", "We will supply gas to Serbia next year.", "Thank you."]
    assert _best_sentence(texts, "We will supply gas to Serbia next year.") == 1
    assert _best_sentence(texts, "Something else entirely was said.") is None


@given(st.text(alphabet="ab'1 2٣Z-x", max_size=30))
def test_digit_runs_become_num_as_if_each_digit_token_were_renamed(page, text):
    # _abstract_words renames digit runs before the split; the words must be those of splitting first
    # and renaming every token made of digits (as the reader did when the model was trained)
    doc = replace(page[0], countries=())  # the words come from norm; the page gives no countries
    norm = normalise(text)
    expected = ["num" if w.isdigit() else w for w in _TOKEN.findall(norm.lower())]
    assert _abstract_words(doc, norm, Span(0, len(norm))) == expected
