"""The host's further contacts of the day that a lead tells, an arrival for a summit, and offices of
ministers that several countries use, on small made-up kremlin.ru pages written in the genre's words."""

from __future__ import annotations

import pytest

from genre_pages import kremlin
from kg.extract.lead_contacts import contact_at


def people(doc) -> set[tuple[str, str | None]]:
    return {(p.name.split()[-1], p.country or p.organisation) for p in doc.participants}


@pytest.mark.parametrize("title, dateline, lead, guests", [
    ("Summit of the Group of Twenty. Day Two", "July 8, 2017, Hamburg",
     "The summit concluded. Later Vladimir Putin had meetings with President of Turkey Recep Tayyip Erdogan. "
     "The previous evening, the Russian leader also held brief contacts with Prime Minister of Italy Paolo "
     "Gentiloni and UN Secretary-General Antonio Guterres.",
     {("Erdogan", "TUR"), ("Gentiloni", "ITA"), ("Guterres", "United Nations")}),
    ("President Putin discussed bilateral questions with the Chinese leadership", "December 2, 2002, Beijing",
     "The Russian President visited the university. He spoke to the students about education. During his talk "
     "with Chinese Prime Minister Zhu Rongji, President Putin discussed economic issues.",
     {("Rongji", "CHN")}),
])
def test_the_hosts_contacts_further_down_the_lead_take_part(title, dateline, lead, guests):
    doc = kremlin(title, dateline, lead)
    assert doc.is_meeting and guests | {("Putin", "RUS")} <= people(doc)


def test_a_call_further_down_a_calls_lead_takes_part():
    doc = kremlin("Vladimir Putin discussed over the phone the coming session with the leaders of the CSTO",
                  "April 16, 2002",
                  "Vladimir Putin spoke with Kyrgyz President Askar Akayev. The consultations were devoted to the "
                  "session. Earlier, Vladimir Putin had a telephone conversation with Kazakhstan’s President "
                  "Nursultan Nazarbayev.")
    assert doc.meeting.format == "phone" and ("Nazarbayev", "KAZ") in people(doc)


@pytest.mark.parametrize("title, lead", [
    # the title names whom the host met: the lead's other contacts are spoken of
    ("President Vladimir Putin met with Belarusian President Alexander Lukashenko",
     "The talks were held in the Kremlin. The leaders discussed trade. Mr Putin also told Mr Lukashenko about his "
     "talks with Georgian President Eduard Shevardnadze."),
    # the one named before "with" is not the host's partner
    ("President Putin discussed bilateral questions with the Chinese leadership",
     "The Russian President met with Chinese Premier Zhu Rongji. They discussed trade. Mr Zhu passed to Mr Putin "
     "greetings from President of China Jiang Zemin, who was looking forward to meeting with the Russian President."),
])
def test_contacts_spoken_of_take_no_part(title, lead):
    doc = kremlin(title, "May 5, 2002, Moscow", lead)
    assert not {("Shevardnadze", "GEO"), ("Zemin", "CHN")} & people(doc)


@pytest.mark.parametrize("sentence, by_phone", [
    ("Vladimir Putin will meet with President of Kyrgyzstan Sooronbay Jeenbekov.", False),
    ("Last year Vladimir Putin met with President of Kyrgyzstan Sooronbay Jeenbekov.", False),
    ("Vladimir Putin met with President of Kyrgyzstan Sooronbay Jeenbekov in 2015.", False),
    ("Earlier this month Vladimir Putin also met with President of Bulgaria Rumen Radev in Sochi.", False),
    ("Vladimir Putin had a telephone conversation with President of Bulgaria Rumen Radev.", False),
    ("Vladimir Putin met with President of Bulgaria Rumen Radev.", True),
    ("Foreign Minister Sergei Lavrov met with Foreign Minister of Bulgaria Ekaterina Zaharieva.", False),
])
def test_a_contact_of_another_day_or_format_or_person_is_none(sentence, by_phone):
    assert contact_at(sentence, "Putin", by_phone) is None


def test_a_contact_on_the_day_names_its_partners_after_with():
    sentence = "Later that day, Mr Putin met with President of Bulgaria Rumen Radev."
    at = contact_at(sentence, "Putin", False)
    assert at is not None and sentence[at:].strip().startswith("President of Bulgaria")


def test_an_arrival_for_a_summit_is_a_meeting_of_the_host():
    doc = kremlin("Vladimir Putin arrived in Astana", "June 8, 2017, Kazakhstan",
                  "The President has arrived in Astana to take part in a summit of the Shanghai Cooperation "
                  "Organisation. The summit participants will examine the current activity.")
    assert doc.is_meeting and ("Putin", "RUS") in people(doc)


def test_an_arrival_for_anything_else_with_nobody_foreign_is_no_meeting():
    doc = kremlin("Vladimir Putin arrived in Kaliningrad", "June 8, 2017, Kaliningrad",
                  "The President has arrived in Kaliningrad to take part in a meeting of the Government Commission.")
    assert not doc.is_meeting and not doc.participants


@pytest.mark.parametrize("office, guest", [
    ("Minister of National Defence of the People’s Republic of China", ("Fenghe", "CHN")),
    ("Minister for Foreign Affairs of Ireland", ("Fenghe", "IRL")),
    ("Minister of External Affairs of India", ("Fenghe", "IND")),
])
def test_ministers_under_offices_several_countries_use_attend(office, guest):
    doc = kremlin("Vostok military manoeuvres", "September 13, 2018, Tsugol training range",
                  f"Vladimir Putin observed the manoeuvres. The President was accompanied by Defence Minister "
                  f"Sergei Shoigu and {office} Wei Fenghe.")
    assert doc.is_meeting and guest in people(doc)


def test_a_partner_named_by_office_alone_is_who_held_it_that_day():
    doc = kremlin("President Vladimir Putin cancelled his visits abroad", "July 6, 2003",
                  "Mr Putin told this in a telephone conversation to President of Uzbekistan Islam Karimov. The "
                  "President fully understood. Mr Putin also had a telephone conversation with the Prime Minister "
                  "of Malaysia, as he was to go to Kuala Lumpur.")
    assert doc.meeting.format == "phone" and ("Mohamad", "MYS") in people(doc)


def test_an_office_alone_of_another_day_names_nobody():
    doc = kremlin("President Vladimir Putin cancelled his visits abroad", "July 6, 2003",
                  "Mr Putin told this in a telephone conversation to President of Uzbekistan Islam Karimov. The "
                  "President fully understood. Mr Putin will have a telephone conversation with the Prime Minister "
                  "of Malaysia tomorrow.")
    assert not any(country == "MYS" for _, country in people(doc))


@pytest.mark.parametrize("opening, guest", [
    ("Meeting with the Japanese Prime Minister in the Kremlin the President said trade had grown.", ("Abe", "JPN")),
    ("Russia will sell more grain to Asia, the President told Japanese journalists.", None),
])
def test_a_headline_over_a_meeting_names_the_partner_further_down(opening, guest):
    doc = kremlin("Trade between Russia and Japan has grown by a third", "May 5, 2015, Moscow",
                  f"{opening} The President spoke of the coming year. Mr Putin and Mr Abe agreed to meet again.")
    assert (guest in people(doc)) if guest else ("Abe", "JPN") not in people(doc)


@pytest.mark.parametrize("title, lead", [
    ("President Vladimir Putin had a telephone conversation with the President of Kazakhstan",
     "The leaders discussed trade."),
    ("Talks with the President of Kazakhstan", "The leaders discussed trade in the Kremlin."),
    ("Trade is growing", "Vladimir Putin met with the President of Kazakhstan in the Kremlin. They discussed trade."),
])
def test_a_partner_the_title_or_opening_names_by_office_alone_takes_part(title, lead):
    doc = kremlin(title, "May 5, 2015, Moscow", lead)
    assert doc.is_meeting and people(doc) == {("Putin", "RUS"), ("Nazarbayev", "KAZ")}


@pytest.mark.parametrize("title, lead", [
    ("Talks with the President of Kazakhstan will be held", "The leaders will discuss trade in the Kremlin."),
    ("Meeting with the President of the Russian Academy of Sciences", "They discussed research in the Kremlin."),
])
def test_an_office_alone_not_met_that_day_names_nobody(title, lead):
    doc = kremlin(title, "May 5, 2015, Moscow", lead)
    assert ("Nazarbayev", "KAZ") not in people(doc)


def _mentioned(text: str) -> set[tuple[str, str | None]]:
    from kg.people.cast import find_mentions

    return {(m.name.split()[-1], m.country or m.organisation) for m in find_mentions(text, 0, len(text)) if m.name}


def test_one_person_under_two_offices_joined_by_and_is_named():
    assert ("Aznar", "ESP") in _mentioned("Taking part were Spanish Prime Minister and head of the EU Council Jose "
                                          "Maria Aznar, and European Commission President Romano Prodi.")


@pytest.mark.parametrize("text, wrong", [
    ("He met the US President and his wife Laura Bush.", ("Bush", "USA")),
    ("He met President of France and Prime Minister of Italy Paolo Gentiloni.", ("Gentiloni", "FRA")),
    ("He met the President of France and German businessman Jean Dupont.", ("Dupont", "FRA")),
])
def test_a_second_name_after_and_is_no_second_office(text, wrong):
    assert wrong not in _mentioned(text)
