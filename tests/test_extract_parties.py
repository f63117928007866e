"""Who gives and who receives: pronouns, named countries, the narrator, and pages of unknown origin.

``resolve_parties`` is called directly on hand-built turns, with the cue at a
chosen word, so each rule of its docstring is checked on its own; a few cases
then go through the whole rule extractor and a plain page.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.extract.commitments import extract_commitments
from kg.extract.pipeline import pipeline_for, process
from kg.extract.resolve import (
    other_country, resolve_parties, speaker_country, title_references,
)
from kg.inputs.reader import transcript_from_text
from kg.model import Person, Span
from test_commitments import LULA, PUTIN, make_doc

XI = Person("Xi Jinping", "President", "CHN")
YES = (LULA, "Yes.")


def parties(turns, cue: str, mutual: bool = False, publisher: str | None = "RUS", which: int = 0):
    """(by, to) for the act cued at the first ``cue`` of turn ``which``, the turn as one clause."""
    doc = replace(make_doc(*turns), publisher_country=publisher)
    utterance = doc.utterances[which]
    start = doc.text.index(cue, utterance.span.start)
    found = resolve_parties(doc, utterance, utterance.span, Span(start, start + len(cue)), mutual)
    return found.by, found.to


# --- we and you -------------------------------------------------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("We will supply wheat to your country.", ("RUS", "BRA")),
    ("Our companies will supply turbines.", ("RUS", "BRA")),
    ("I will send experts.", ("RUS", "BRA")),
    ("You will supply coffee to us.", ("BRA", "RUS")),
    ("Your companies will supply coffee.", ("BRA", "RUS")),
    ("He will supply coffee.", ("BRA", "RUS")),
    ("We know that you will supply coffee.", ("BRA", "RUS")),  # the pronoun nearest the cue
    ("You know that we will supply grain.", ("RUS", "BRA")),
    ("They will supply coffee.", ("RUS", "BRA")),  # no "you": the speaker's side, as for "we"
])
def test_the_pronoun_nearest_before_the_cue_names_the_giver(sentence, expected):
    cue = "supply" if "supply" in sentence else "send"
    assert parties([(PUTIN, sentence), YES], cue) == expected


def test_the_same_words_from_the_other_leader_turn_round():
    assert parties([(PUTIN, "Hello."), (LULA, "We will supply coffee.")], "supply", which=1) == ("BRA", "RUS")
    assert parties([(PUTIN, "Hello."), (LULA, "You will supply wheat.")], "supply", which=1) == ("RUS", "BRA")


def test_an_owner_after_the_cue_gives_the_giver():
    assert parties([(PUTIN, "Deliveries of your coffee grow."), YES], "Deliveries") == ("BRA", "RUS")
    assert parties([(PUTIN, "Deliveries of our grain grow."), YES], "Deliveries") == ("RUS", "BRA")


# --- named countries beat pronouns ------------------------------------------------


@pytest.mark.parametrize("speaker, sentence, cue, expected", [
    (PUTIN, "We will supply wheat to Brazil.", "supply", ("RUS", "BRA")),
    (PUTIN, "We are supplying Kyrgyzstan with fuel.", "supplying", ("RUS", "KGZ")),
    (PUTIN, "Russia has been exporting grain to Egypt.", "exporting", ("RUS", "EGY")),
    (PUTIN, "China imports coal from Russia.", "imports", ("RUS", "CHN")),  # the subject receives
    (LULA, "We have received wheat from Russia.", "received", ("RUS", "BRA")),
    (PUTIN, "We look forward to the visit of the Chinese President.", "visit", ("CHN", "RUS")),
    (PUTIN, "We welcome a visit by the French Prime Minister.", "visit", ("FRA", "RUS")),
    (PUTIN, "Japanese investment in our regions grows.", "investment", ("JPN", "RUS")),
])
def test_from_to_of_by_and_the_subject_name_the_parties_whoever_speaks(speaker, sentence, cue, expected):
    other = LULA if speaker is PUTIN else PUTIN
    turns = [(speaker, sentence), (other, "Yes.")]
    assert parties(turns, cue, which=0) == expected


def test_a_receiving_verb_with_we_makes_the_speaker_the_receiver():
    assert parties([(LULA, "We are receiving gas."), (PUTIN, "Good.")], "receiving") == ("RUS", "BRA")


# --- the narrator and pages of unknown origin ----------------------------------------


def test_the_narrator_speaks_for_the_publisher():
    turns = [(None, "We will send experts."), (PUTIN, "Hi."), (LULA, "Hi.")]
    assert parties(turns, "send") == ("RUS", "BRA")
    assert parties(turns, "send", publisher="BRA") == ("BRA", "RUS")


@pytest.mark.parametrize("sentence, cue, expected", [
    ("Mr Silva invited Mr Putin to pay a visit.", "visit", ("BRA", "RUS")),  # named by their leaders
    ("Vladimir Putin invited Mr Silva to pay a visit.", "visit", ("RUS", "BRA")),
    ("Mr Putin thanked Mr Silva for the supplies of coffee.", "supplies", ("BRA", "RUS")),  # the one thanked gives
    ("Mr Silva expressed gratitude to President Putin for the deliveries of wheat.", "deliveries", ("RUS", "BRA")),
    ("Mr Putin said Brazil will supply coffee.", "supply", ("BRA", "RUS")),  # who reports does not act
    ("Mr Silva noted that Russia would send experts.", "send", ("RUS", "BRA")),
    ("Mr Silva valued Russia's supplies of wheat highly.", "supplies", ("RUS", "BRA")),  # a country beats a leader
])
def test_a_readout_names_the_sides_by_their_leaders(sentence, cue, expected):
    assert parties([(None, sentence), (PUTIN, "Hi."), (LULA, "Hi.")], cue) == expected


MODI = Person("Narendra Modi", "Prime Minister", "IND")


@pytest.mark.parametrize("sentence, cue, expected", [
    # a readout's "the President" and "the Prime Minister" are the principals holding those titles
    ("The President thanked the Prime Minister for the decision to buy wheat.", "buy", ("IND", "RUS")),
    ("The Prime Minister thanked the President for the deliveries of wheat.", "deliveries", ("RUS", "IND")),
    ("The Prime Minister invited the President to pay a visit.", "visit", ("IND", "RUS")),
])
def test_a_readout_names_the_sides_by_their_titles(sentence, cue, expected):
    assert parties([(None, sentence), (PUTIN, "Hi."), (MODI, "Hi.")], cue) == expected


def test_a_title_two_principals_hold_is_the_publishers_unless_a_country_qualifies_it():
    doc = replace(make_doc((None, "The President invited the Chinese President."), (PUTIN, "Hi."), (XI, "Hi.")),
                  publisher_country="RUS")
    sentence = doc.utterances[0].span
    assert [code for _, _, code in title_references(doc, doc.text, sentence)] == ["RUS"]
    assert title_references(doc, doc.text, Span(sentence.start, sentence.start + 3)) == []


def test_a_leader_speaking_is_read_by_pronouns_not_by_the_names_they_mention():
    assert parties([(PUTIN, "Mr Silva and I agreed that we will send experts."), YES], "send") == ("RUS", "BRA")


def test_a_readout_of_unknown_origin_takes_its_parties_from_the_countries_it_names():
    assert parties([(None, "Japan will send experts to India.")], "send", publisher=None) == ("JPN", "IND")
    assert parties([(None, "Japan and India will cooperate.")], "cooperate", True, publisher=None) == ("JPN", "IND")
    assert parties([(None, "India will cooperate with Japan.")], "cooperate", True, publisher=None) == ("IND", "JPN")


def test_a_readout_of_unknown_origin_naming_nobody_has_no_parties():
    by, to = parties([(None, "The parties will cooperate.")], "cooperate", True, publisher=None)
    assert by is None and to is None


def test_a_plain_page_gives_the_joint_act_of_its_narrator():
    text = ("Press statements by Prime Minister Modi and Prime Minister Kishida\n\n"
            "Japan and India agreed to cooperate in clean energy.\n\n"
            "Narendra Modi: We welcome our Japanese friends.\n\n"
            "Fumio Kishida: Thank you. We will invest $5 billion in India.\n")
    doc = process(transcript_from_text(text, "readout.txt"), None, pipeline_for("rules"))
    assert doc.format == "plain" and doc.publisher_country is None
    got = {(c.type, c.by, c.to, c.status) for c in doc.commitments}
    assert ("Cooperation", "JPN", "IND", "planned") in got
    assert ("Investment", "JPN", "IND", "planned") in got


# --- joint acts -----------------------------------------------------------------------


@pytest.mark.parametrize("sentence, cue, partner", [
    ("We will cooperate in energy.", "cooperate", "BRA"),
    ("We are cooperating with Finland on a similar project.", "cooperating", "FIN"),
    ("Russia and Finland cooperate in energy.", "cooperate", "FIN"),
    ("Our bilateral cooperation grows, and so does the crisis in Syria.", "cooperation", "BRA"),
    ("We coordinate actions to resolve the Syrian crisis.", "coordinate", "BRA"),  # a topic, not a partner
    ("Cooperation between our two countries and Syria grows.", "Cooperation", "BRA"),
    ("We will cooperate with Brazil and with Chile.", "cooperate", "BRA"),  # the meeting's other party first
])
def test_a_joint_act_is_with_the_other_party_unless_a_third_country_acts_with_us(sentence, cue, partner):
    assert parties([(PUTIN, sentence), YES], cue, mutual=True) == ("RUS", partner)


# --- the helpers ------------------------------------------------------------------------


def test_speaker_and_other_country():
    doc = make_doc((None, "Talks were held."), (PUTIN, "Welcome."), (LULA, "Thank you."))
    narrator, putin, lula = doc.utterances
    assert [speaker_country(doc, u) for u in doc.utterances] == ["RUS", "RUS", "BRA"]
    assert other_country(doc, putin) == "BRA" and other_country(doc, lula) == "RUS"
    assert other_country(doc, narrator) == "BRA"  # the principal who is not the publisher's


def test_other_country_without_a_cast_is_the_first_other_country_named():
    doc = make_doc((None, "Russia and Serbia discussed gas. Serbia thanked Russia."))
    assert other_country(doc, doc.utterances[0]) == "SRB"
    lonely = make_doc((None, "Russia discussed gas."))
    assert other_country(lonely, lonely.utterances[0]) is None


def test_an_addressee_of_the_speakers_own_country_is_passed_over():
    lavrov = Person("Sergei Lavrov", "Foreign Minister", "RUS")
    doc = make_doc((PUTIN, "Sergei, please."), (lavrov, "Yes."), (LULA, "Thanks."))
    putin = replace(doc.utterances[0], addressee=lavrov)
    assert other_country(doc, putin) == "BRA"


def test_only_the_press_are_journalists():
    doc = make_doc((Person("Question"), "Will you sign?"), (PUTIN, "Yes."), (None, "The talks ended."))
    assert [u.is_journalist for u in doc.utterances] == [True, False, False]


def test_nobody_commits_through_a_journalist_or_a_question():
    doc = extract_commitments(make_doc(
        (Person("Question"), "Russia will supply 2 million tonnes of wheat to Brazil."),
        (PUTIN, "Will we supply 2 million tonnes of wheat to Brazil? We will supply 2 million tonnes of wheat."),
        YES))
    assert [(c.type, c.by, c.to, doc.quote(c.span)) for c in doc.commitments] == [
        ("Supply", "RUS", "BRA", "We will supply 2 million tonnes of wheat.")]


def test_at_a_news_conference_you_is_nobody_abroad_but_a_named_country_is():
    press = Person("Question")
    assert extract_commitments(make_doc((press, "What about gas?"),
                                        (PUTIN, "We will supply gas to you next year."))).commitments == ()
    doc = extract_commitments(make_doc((press, "What about gas?"), (PUTIN, "We will supply gas to Serbia next year.")))
    assert [(c.type, c.by, c.to, c.status) for c in doc.commitments] == [("Supply", "RUS", "SRB", "planned")]
