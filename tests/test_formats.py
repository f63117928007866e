"""Format parsers, detection and sentence splitting, on texts written for each case."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from kg.formats import detect

from kg.formats import parse
from kg.model import Transcript
from kg.inputs.text import ISO_DATE, MONTHS, normalise, split_sentences


def doc_of(text: str, format: str | None = None):
    return parse(Transcript(text, "test.txt", "0"), format)


def sentences(text: str) -> list[str]:
    return [s.of(text) for s in split_sentences(text, 0, len(text))]


def test_normalise_keeps_offsets_and_says_what_it_folds():
    text = "Xi\u2019an,\u00a0the \u2018Belt\u2019"
    assert normalise(text) == "Xi'an, the 'Belt'" and len(normalise(text)) == len(text)
    assert normalise(text, quotes=False) == "Xi\u2019an, the \u2018Belt\u2019"  # a city keeps its apostrophe


def test_dates_have_one_shape_and_one_set_of_month_names():
    assert ISO_DATE.fullmatch("2021-07-20") and not ISO_DATE.fullmatch("20 July 2021")
    assert len(MONTHS) == 12 and MONTHS.index("July") == 6
    assert doc_of(KREMLIN, "kremlin").date == "2021-07-20"  # the header's first dateline


KREMLIN = """Meeting with President of Azerbaijan Ilham Aliyev

July 20, 2021, The Kremlin, Moscow

Vladimir Putin held a meeting with President of the Republic of Azerbaijan Ilham Aliyev.

President of Russia Vladimir Putin: Mr President, welcome.

We supplied 100,000 [vaccine doses].

President of Azerbaijan Ilham Aliyev (retranslated): Thank you.

Vladimir Putin:
Thank you too.

Question: Will you meet again?

July 20, 2021, The Kremlin, Moscow"""


def test_kremlin_turns_labels_and_cast():
    doc = doc_of(KREMLIN)
    assert doc.format == "kremlin" and doc.publisher_country == "RUS"
    assert doc.quote(doc.title) == "Meeting with President of Azerbaijan Ilham Aliyev"
    quotes = [doc.quote(u.span) for u in doc.utterances]
    assert quotes[0].startswith("Vladimir Putin held") and doc.utterances[0].speaker is None
    assert quotes[1] == "Mr President, welcome.\n\nWe supplied 100,000 [vaccine doses]."
    assert quotes[2] == "Thank you." and doc.utterances[2].interpreted
    assert quotes[3] == "Thank you too."  # label on its own line
    assert quotes[4] == "Will you meet again?"  # closing dateline is no part of a turn
    putin, aliyev = doc.utterances[1].speaker, doc.utterances[2].speaker
    assert (putin.name, putin.office, putin.country) == ("Vladimir Putin", "President", "RUS")
    assert (aliyev.name, aliyev.office, aliyev.country) == ("Ilham Aliyev", "President", "AZE")
    assert doc.utterances[3].speaker == putin
    assert doc.utterances[1].addressee == aliyev and doc.utterances[2].addressee == putin
    assert doc.utterances[4].speaker.name == "Question" and doc.utterances[4].speaker.country is None


def test_kremlin_putin_was_prime_minister_in_2010():
    text = "Meeting\n\nMarch 4, 2010, Moscow\n\nVladimir Putin: Good afternoon.\n"
    speaker = doc_of(text, "kremlin").utterances[0].speaker
    assert (speaker.office, speaker.country) == ("Prime Minister", "RUS")


def test_kremlin_readout_is_all_narrator_and_separators_split():
    text = ("Telephone conversation with Federal Chancellor of Germany Angela Merkel\n\nMay 1, 2019\n\n"
            "Vladimir Putin had a telephone conversation.\n\nThe message reads, in part:\n\n"
            "* * *\n\nSecond part.\n\nMay 1, 2019")
    doc = doc_of(text)
    assert all(u.speaker is None for u in doc.utterances)
    assert [doc.quote(u.span) for u in doc.utterances] == [
        "Vladimir Putin had a telephone conversation.\n\nThe message reads, in part:", "Second part."]


WHITEHOUSE = """Remarks by President Biden and Prime Minister Lee Hsien Loong of Singapore in Joint Press Conference

March 29, 2022

East Room

1:28 P.M. EDT

PRESIDENT BIDEN:  Welcome to the White House.

It is good.

PRIME MINISTER LEE:  (As interpreted.)  Thank you, Mr. President.

Q    A question, Mr. President?

THE PRESIDENT:  An answer.

END

1:42 P.M. EDT"""


def test_whitehouse_labels_q_marker_and_end():
    doc = doc_of(WHITEHOUSE)
    assert doc.format == "whitehouse" and doc.publisher_country == "USA"
    quotes = [doc.quote(u.span) for u in doc.utterances]
    assert quotes == ["Welcome to the White House.\n\nIt is good.", "Thank you, Mr. President.",
                      "A question, Mr. President?", "An answer."]
    biden, lee, journalist, president = (u.speaker for u in doc.utterances)
    assert (biden.name, biden.country) == ("Joe Biden", "USA") and president == biden
    assert (lee.name, lee.office, lee.country) == ("Lee Hsien Loong", "Prime Minister", "SGP")
    assert doc.utterances[1].interpreted and journalist.country is None


def test_plain_turns_and_prose():
    doc = doc_of("Alice Smith: Hello there.\nBob Jones: Hi.\n")
    assert doc.format == "plain" and doc.publisher_country is None
    assert [u.speaker.name for u in doc.utterances] == ["Alice Smith", "Bob Jones"]
    prose = doc_of("The two ministers met. They talked: at length.")
    assert len(prose.utterances) == 1 and prose.utterances[0].speaker is None


def test_detect_and_forced_format():
    assert detect(Transcript(KREMLIN, "a", "0")) == "kremlin"
    assert detect(Transcript(WHITEHOUSE, "a", "0")) == "whitehouse"
    assert detect(Transcript("Alice: hi", "a", "0")) == "plain"
    assert doc_of(KREMLIN, "plain").format == "plain"


def test_sentences_keep_abbreviations_numbers_and_insertions():
    assert sentences("Mr. Smith met Dr. Jones. They talked.") == ["Mr. Smith met Dr. Jones.", "They talked."]
    assert sentences("Trade grew 1.5 percent. Room No. 5 is free.") == [
        "Trade grew 1.5 percent.", "Room No. 5 is free."]
    assert sentences("The U.S. President came. We met in the U.S. The end.") == [
        "The U.S. President came.", "We met in the U.S.", "The end."]
    assert sentences("George W. Bush said “We will.” Then he left.") == [
        "George W. Bush said “We will.”", "Then he left."]
    assert sentences("We supplied 100,000 [vaccine doses. More]. Yes!") == [
        "We supplied 100,000 [vaccine doses. More].", "Yes!"]
    assert sentences("Well… Maybe. Wait... what?") == ["Well…", "Maybe.", "Wait... what?"]
    assert sentences("One\nTwo") == ["One", "Two"]


_WORDS = st.sampled_from(["President of Russia Vladimir Putin:", "Q", "Mr.", "U.S.", "1.5", "[doses]",
                          "hello", "World.", "* * *", "\n", "\n\n", "Question:", "PRESIDENT BIDEN:",
                          "(retranslated)", "…", "“Yes.”", "Ilham Aliyev:", "\u00a0", "END"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.sampled_from(["kremlin", "whitehouse", "plain"]))
def test_spans_lie_inside_text_and_utterances(words, format):
    text = " ".join(words)
    doc = doc_of(text, format)
    for utterance in doc.utterances:
        assert 0 <= utterance.span.start <= utterance.span.end <= len(text)
        for sentence in utterance.sentences:
            assert sentence in utterance.span and sentence.start < sentence.end


def test_offices_with_non_breaking_spaces_are_read():
    from kg.people.cast import find_mentions

    text = "Vladimir Putin met with Chinese Minister of\u00a0Foreign Affairs Tang Jiaxuan"
    found = [(m.name, m.office, m.country) for m in find_mentions(text, 0, len(text))]
    assert found == [("Tang Jiaxuan", "Minister of Foreign Affairs", "CHN")]


def test_medvedev_readout_without_place_is_kremlin():
    text = ("Telephone conversation with President of Belarus Alexander Lukashenko\n\nJune 7, 2010\n\n"
            "Dmitry Medvedev and Alexander Lukashenko exchanged views.\n")
    assert detect(Transcript(text, "a", "0")) == "kremlin"
