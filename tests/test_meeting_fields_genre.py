"""Meeting fields on small made-up pages of the genre, one rule each (issue 10, third round).

A session of a council of heads of state is a meeting; a title that opens on the host's
residence names the city; a title that puts a visit in a country leaves the city to the
lead; a news conference that opens on the host still names the partner; a leader
completed from the reference list keeps the spelling the text gives; and a date after a
verb does not open the sentence.
"""

from __future__ import annotations

import pytest

from kg.extract.when import event_date
from kg.people.leaders import fuller_name, respelt

from genre_pages import kremlin, whitehouse


def _names(doc) -> list[str]:
    return [p.name for p in doc.participants]


def test_a_session_of_a_council_of_heads_of_state_is_a_meeting():
    doc = kremlin("A session of the Supreme State Council of the Union State took place in the Kremlin",
                  "March 3, 2004, The Kremlin, Moscow",
                  "The Council reviewed the budget shared by Belarus and Russia. Before the session, Vladimir "
                  "Putin and Alexander "
                  "Lukashenko talked in private about the single currency.")
    assert doc.is_meeting
    assert doc.meeting.city == "Moscow"
    assert "Alexander Lukashenko" in _names(doc)


def test_a_greeting_to_a_council_session_is_still_no_meeting():
    doc = kremlin("Vladimir Putin sent greetings to the session of the Council of Heads of State",
                  "March 3, 2004", "The message reads, in part: I wish you fruitful work.")
    assert not doc.is_meeting


@pytest.mark.parametrize("title, city", [
    ("In his country residence Zavidovo, President Vladimir Putin met with Prime Minister of India "
     "Manmohan Singh", "Zavidovo"),
    ("In his residence in Novo-Ogaryovo, President Vladimir Putin held talks with Prime Minister of "
     "India Manmohan Singh", "Novo-Ogaryovo"),
])
def test_a_title_opening_on_the_hosts_residence_names_the_city(title, city):
    doc = kremlin(title, "December 5, 2005", "The leaders discussed energy and defence cooperation.")
    assert doc.meeting.city == city


def test_a_visit_to_a_country_takes_the_city_the_lead_names_there():
    doc = kremlin("President Vladimir Putin arrived in Spain for an official visit", "October 9, 2006",
                  "The President's plane landed at Barajas airport near Madrid. King Juan Carlos of Spain "
                  "greeted the Russian President at the airport.")
    assert doc.meeting.city == "Madrid"


def test_a_visit_takes_no_city_of_another_country_from_the_lead():
    doc = kremlin("President Vladimir Putin arrived in Spain for an official visit", "October 9, 2006",
                  "On the way from Paris the President discussed the programme of the visit. King Juan "
                  "Carlos of Spain will greet the Russian President tomorrow.")
    assert doc.meeting.city is None


def test_a_news_conference_opening_on_the_host_names_the_partner_of_the_visit():
    doc = kremlin("News conference following official visit to Hungary", "February 17, 2015, Budapest",
                  "President of Russia Vladimir Putin: Ladies and gentlemen,\n\nThe talks were useful. "
                  "We had a detailed conversation with Hungarian Prime Minister Mr Orban on energy.")
    assert doc.is_meeting
    assert doc.meeting.city == "Budapest"
    assert any(name.endswith("Orban") for name in _names(doc))


def test_a_surname_the_lead_writes_keeps_its_spelling():
    # the reference list spells him "Leonid Kutchma"; the page writes Kuchma, as the gold format keeps
    doc = kremlin("The Presidents of Russia and Ukraine met in Sochi", "August 14, 2003",
                  "Mr Putin and Mr Kuchma discussed the gas transport consortium.")
    assert "Leonid Kuchma" in _names(doc)


@pytest.mark.parametrize("written, known, expected", [
    ("Kuchma", "Leonid Kutchma", "Leonid Kuchma"),  # only the given name is the list's
    ("Schroeder", "Gerhard Schröder", "Gerhard Schroeder"),
    ("Sisi", "Abdel Fattah el-Sisi", "Abdel Fattah el-Sisi"),  # the particle stays
    ("Asad", "Bashar al-Assad", "Bashar al-Asad"),
    ("Viktor Yanukovych", "Viktor Yanukovytch", "Viktor Yanukovych"),  # a full name is the text's
])
def test_a_completed_name_keeps_the_words_the_text_wrote(written, known, expected):
    assert fuller_name(written, known) == expected


def test_respelling_leaves_words_the_text_did_not_write():
    assert respelt("Recep Tayyip Erdoğan", ["President", "Erdogan"]) == "Recep Tayyip Erdogan"
    assert respelt("Recep Tayyip Erdoğan", ["President"]) == "Recep Tayyip Erdoğan"


@pytest.mark.parametrize("sentence, date", [
    ("Late in the evening on May 14, the two Presidents met again over dinner.", "2007-05-14"),
    # a verb before the date: it dates an earlier part of the visit, not the page's own event
    ("The official programme ended on May 14, after which the President flew to the coast.", "2007-05-15"),
])
def test_a_date_opens_the_sentence_only_before_its_verb(sentence, date):
    assert event_date("2007-05-15", sentence) == date


def test_a_signature_in_markdown_emphasis_after_an_abbreviated_honorific_gives_the_whole_name():
    doc = whitehouse("Joint Statement from the Leaders of the United States and Qatar", "March 4, 2024",
                     "The two countries will expand their cooperation on humanitarian relief.\n\n"
                     "*President of the United States of America Joseph R. Biden Jr.*\n\n"
                     "*Amir of the State of Qatar HH Sheikh Tamim bin Hamad Al Thani*")
    assert "Sheikh Tamim bin Hamad Al Thani" in _names(doc)


def test_a_leader_named_in_full_and_then_shortly_is_one_participant():
    doc = whitehouse("U.S.-Qatar Joint Leaders' Statement", "March 4, 2024",
                     "His Highness Sheikh Tamim bin Hamad Al Thani, Amir of the State of Qatar, and President "
                     "Joseph R. Biden Jr. met today at the White House during a visit of Amir Sheikh Tamim bin "
                     "Hamad to the United States. The leaders discussed energy and security.")
    qatar = [p for p in doc.participants if p.country == "QAT"]
    assert len(qatar) == 1


def test_the_leader_a_titled_guest_reports_on_is_spoken_of_not_met():
    doc = kremlin("President Vladimir Putin met with US Secretary of Commerce Carlos Gutierrez",
                  "March 10, 2005, The Kremlin, Moscow",
                  "Opening the meeting, Vladimir Putin recalled his recent talks with US President George W. Bush "
                  "in Bratislava and asked the Secretary to pass on his regards.")
    names = _names(doc)
    assert any(name.endswith("Gutierrez") for name in names)
    assert not any(name.endswith("Bush") for name in names)


def test_an_announced_visit_takes_the_city_the_guest_will_come_to():
    doc = kremlin("Dmitry Medvedev will meet with President of the Republic of Belarus Alexander Lukashenko on "
                  "June 11, 2010", "June 10, 2010", "President Lukashenko will be in Moscow on a working visit.")
    assert (doc.meeting.city, doc.meeting.date) == ("Moscow", "2010-06-11")
    report = kremlin("Vladimir Putin met with President of Belarus Alexander Lukashenko", "June 10, 2010",
                     "The leaders discussed the Union State. Mr Lukashenko will be in Moscow again in July.")
    assert report.meeting.city is None  # a report's lead tells of a later trip


def test_an_announcement_whose_title_says_where_the_guest_comes_takes_that_city():
    doc = kremlin("On May 23, Vladimir Putin will meet with President of the Republic of the Congo Denis "
                  "Sassou-Nguesso, who will come to Moscow on an official visit", "May 21, 2019",
                  "The presidents will discuss the prospects of bilateral cooperation.")
    assert doc.meeting.city == "Moscow"
    to_country = kremlin("On May 23, Vladimir Putin will meet with President of the Congo, who will come to Russia "
                         "on an official visit", "May 21, 2019", "The presidents will discuss trade.")
    assert to_country.meeting.city is None


@pytest.mark.parametrize("lead, city", [
    ("On October 17 in Sochi, President Vladimir Putin will meet with President of Egypt Abdel Fattah el-Sisi, "
     "who will be on an official visit to Russia.", "Sochi"),
    ("On March 10, Vladimir Putin will meet in Moscow with President of Armenia Serzh Sargsyan.", "Moscow"),
    ("On May 2, Vladimir Putin will hold talks with Federal Chancellor of Germany Angela Merkel in Sochi.", "Sochi"),
    ("On February 15, Moscow will host talks between the President of Russia and King Abdullah II of Jordan.",
     "Moscow"),
    ("On March 14, the President of Russia will hold talks with President of Palestine Mahmoud Abbas who will "
     "be on an official visit to Moscow.", "Moscow"),
    ("The President of Korea will pay an official visit to Russia. On June 22, Moscow will host high-level "
     "talks.", "Moscow"),  # a second sentence that still speaks of what will be
    ("The President of Egypt will be in Russia on a working visit. The leaders plan to continue the discussion "
     "they began in Durban.", None),  # a place the talks were at before
    # a visit to the country names no city; nor does the host's name ("at Vladimir Putin's invitation")
    ("On April 14\u201315, President of Uzbekistan Islam Karimov will make an official visit to Russia at "
     "Vladimir Putin\u2019s invitation. The two presidents will meet on April 15 to discuss the Declaration "
     "signed during Vladimir Putin\u2019s visit to Tashkent.", None),
])
def test_an_announced_meeting_takes_the_city_its_first_sentence_puts_it_in(lead, city):
    doc = kremlin("On October 17, Vladimir Putin will meet with the President", "October 15, 2018", lead)
    assert doc.meeting.city == city


@pytest.mark.parametrize("title, city", [
    ("The President of Russia visited Amsterdam", "Amsterdam"),
    ("Vladimir Putin arrived at the port of Samsun on the Black Sea coast in Turkey", "Samsun"),
    ("The President of Russia visited Kazakhstan", None),  # a country is no city
    ("President Vladimir Putin made a one-day visit to Paris", "Paris"),
    ("President Vladimir Putin paid a working visit to Minsk", "Minsk"),
    ("President Vladimir Putin made a state visit to Kazakhstan", None),  # a country: its city is the lead's
    ("President Vladimir Putin discussed his coming visit to Paris with the Foreign Minister", None),  # not made
])
def test_a_title_names_the_city_visited_or_arrived_at(title, city):
    doc = kremlin(title, "November 1, 2005, The Netherlands",
                  "Vladimir Putin and the Prime Minister discussed trade.")
    assert doc.meeting.city == city
