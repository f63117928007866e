"""Joint statements (every signatory a participant), leaders a lead names by office, people linked
once per page, and topics counted above a passing mention.

The pages are short White House-style statements and readouts written for
these tests; names and offices are those of the leaders on the dates given.
"""

from __future__ import annotations

import pytest

from kg.extract.meeting import extract_meeting
from kg.extract.people import extract_participants
from kg.extract.pipeline import pipeline_for, process
from kg.extract.signatories import is_joint_statement, parties
from kg.extract.topics import MIN_HITS, TOPICS, WORDS_PER_HIT, extract_topics, topic_hits
from kg.formats import parse
from kg.inputs.reader import transcript_from_text
from kg.model import Person, Transcript
from test_commitments import LULA, PUTIN, make_doc


def read(text: str, name: str = "statement.txt"):
    return extract_participants(extract_meeting(parse(Transcript(text, name, "0"))))


THREE = """Joint Statement from the Leaders of the United States, Egypt, and Qatar

August 8, 2024

We, President Joseph R. Biden, Jr. of the United States, President Abdel Fattah al-Sisi of Egypt, and Amir Tamim bin Hamad Al Thani of Qatar, call for a ceasefire.
"""


def test_a_joint_statement_names_its_parties_in_the_title_and_each_leader_in_the_text():
    doc = read(THREE)
    assert is_joint_statement(doc) and parties(doc) == ["USA", "EGY", "QAT"]
    assert doc.is_meeting
    assert [(p.country, p.name.split()[-1]) for p in doc.participants] == [
        ("USA", "Biden"), ("EGY", "al-Sisi"), ("QAT", "Thani")]


def test_a_hyphenated_pair_of_countries_in_the_title_gives_both_parties():
    doc = read("U.S.-Kenya Joint Statement on Trade\n\nMay 23, 2024\n\n"
               "President Biden and President William Ruto of Kenya met today. They agreed on trade.\n")
    assert parties(doc) == ["USA", "KEN"]
    assert {p.country for p in doc.participants} == {"USA", "KEN"}


def test_an_upper_case_title_is_read_and_the_subject_runs_past_a_colon():
    doc = read("JOINT LEADERS' STATEMENT: ELEVATING UNITED STATES-VIETNAM RELATIONS\n\nSeptember 11, 2023\n\n"
               "President Biden and General Secretary Nguyen Phu Trong met in Hanoi.\n")
    assert parties(doc) == ["USA", "VNM"] and doc.meeting.city == "Hanoi"


def test_a_country_after_on_is_what_the_statement_is_about_and_nobody_is_invented():
    doc = read("United States-Germany Joint Statement on Long-Range Fires Deployment in Germany\n\nJuly 10, 2024\n\n"
               "The United States and Germany announced deployments.\n")
    assert parties(doc) == ["USA", "DEU"]  # Germany once, from the subject before "on"
    assert doc.participants == ()  # no leader named: no participant made up
    assert doc.is_meeting  # a joint statement is a meeting even when it names no leader (as the gold reads it)


def test_without_countries_in_the_title_the_other_leader_is_the_other_party():
    doc = read("Joint Statement from President Biden and Prime Minister Meloni\n\nJuly 27, 2023\n\n"
               "President Biden welcomed Italian Prime Minister Giorgia Meloni to the White House.\n")
    assert "ITA" in parties(doc)
    assert {(p.country, p.name) for p in doc.participants} >= {("ITA", "Giorgia Meloni")}


def test_a_page_that_is_no_joint_statement_keeps_its_participants():
    doc = read("Readout of President Biden's Call with President Lopez Obrador of Mexico\n\nJuly 21, 2021\n\n"
               "President Biden spoke with President Andres Manuel Lopez Obrador of Mexico.\n")
    assert not is_joint_statement(doc) and {p.country for p in doc.participants} == {"USA", "MEX"}


def test_a_plural_office_in_the_lead_names_the_office_holders_of_each_country():
    doc = read("Readout of President Biden's Call with the Presidents of Egypt and Qatar\n\nAugust 8, 2024\n\n"
               "President Biden spoke with the presidents of Egypt and Qatar about the ceasefire.\n")
    assert doc.meeting.format == "phone"
    assert {p.country for p in doc.participants} == {"USA", "EGY", "QAT"}


def test_speakers_and_participants_are_linked_to_one_identity():
    text = ("Readout of President Biden's Meeting with Prime Minister Kishida\n\nMay 23, 2022\n\n"
            "President Biden met with Prime Minister Kishida of Japan in Tokyo.\n\n"
            "PRESIDENT BIDEN:  Thank you.\n\nPRIME MINISTER KISHIDA:  Thank you.\n")
    doc = process(transcript_from_text(text, "kishida.txt"), None, pipeline_for("rules"))
    by_country = {p.country: p for p in doc.participants}
    assert by_country["JPN"].qid and by_country["JPN"].label == "Fumio Kishida"
    speakers = {u.speaker.name: u.speaker for u in doc.utterances if u.speaker}
    assert speakers["Fumio Kishida"].qid == by_country["JPN"].qid
    assert speakers["Joe Biden"].qid == by_country["USA"].qid


# --- topics ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, topic, hits", [
    ("Aid and aids. Presidential aides came.", "humanitarian", 2),
    ("Wars and wares.", "regional-conflict", 1),
    ("Gas and gases; gasoline.", "energy", 2),
    ("Vaccines, vaccination and vaccinated people.", "health", 3),
    ("Ports, portfolio, passport.", "transport", 1),
    ("An artificial intelligence lab and a satellite.", "science-technology", 2),
])
def test_short_cues_are_words_with_their_plural_and_long_cues_are_stems(text, topic, hits):
    assert topic_hits(text)[topic] == hits


def test_hits_ignore_case():
    assert topic_hits("OIL and Oil and oil")["energy"] == 3


def test_every_topic_is_found_by_its_own_name():
    for topic in TOPICS:
        hits = topic_hits(f"We spoke of {topic.replace('-', ' and ')}.")
        assert hits[topic] >= 1, topic


def test_a_topic_needs_more_hits_in_a_long_transcript():
    filler = "We talked at length. " * WORDS_PER_HIT  # four words a sentence: over 3 hits' worth of words
    short = extract_topics(make_doc((PUTIN, "Oil and gas matter."), (LULA, "Yes.")))
    long = extract_topics(make_doc((PUTIN, f"Oil and gas matter. {filler}"), (LULA, "Yes.")))
    assert MIN_HITS == 2 and "energy" in short.topics and "energy" not in long.topics
    longer = extract_topics(make_doc((PUTIN, f"Oil, gas, coal and fuel matter. {filler}"), (LULA, "Yes.")))
    assert "energy" in longer.topics


def test_the_title_counts_and_topics_come_in_scheme_order():
    doc = process(transcript_from_text(
        "Talks on energy\n\nMay 8, 2015, The Kremlin, Moscow\n\nVladimir Putin: Security matters, and oil.\n\n"
        "Xi Jinping: Security matters to us too.\n", "talks.txt"), None, ("meeting", "participants", "topics"))
    assert doc.topics == ("energy", "security")  # energy: once in the title, once in the talk


def test_the_press_asks_about_everything_and_counts_for_nothing():
    doc = extract_topics(make_doc((Person("Question"), "Oil, gas, trade, tariffs, vaccines, the pandemic?"),
                                  (PUTIN, "Thank you."), (LULA, "Thank you.")))
    assert doc.topics == ()
