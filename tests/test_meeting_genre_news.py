"""Rules of the genre for kremlin.ru news items that are no talks transcript (visits, arrivals,
receptions, summits, headline titles), on small made-up pages written fresh in the genre's words."""

from __future__ import annotations

from genre_pages import kremlin


def people(doc) -> set[tuple[str, str | None]]:
    return {(p.name.split()[-1], p.country or p.organisation) for p in doc.participants}


def test_two_leaders_who_discussed_something_meet_though_the_lead_says_nothing_more():
    doc = kremlin("President Vladimir Putin and Portuguese Prime Minister Jorge Almeida discussed prospects for "
                  "energy cooperation", "October 3, 2001, New York", "")
    assert doc.is_meeting and ("Almeida", "PRT") in people(doc) and doc.meeting.format == "in_person"


def test_two_leaders_who_arrive_together_meet_however_long_the_guests_offices():
    doc = kremlin("Vladimir Putin and Danish Prime Minister and current President of the European Union Lars Holm "
                  "arrive in Moscow from Rome", "June 4, 2003",
                  "The President's plane landed at Vnukovo airport. On board with him was Lars Holm.")
    assert doc.is_meeting and ("Putin", "RUS") in people(doc)


def test_a_leader_the_title_names_by_name_alone_beside_the_host_takes_part():
    doc = kremlin("Vladimir Putin and George Bush toured a cattle farm near Waco together with their wives",
                  "November 16, 2001, Texas", "The Presidents talked with the farmers over lunch.")
    assert doc.is_meeting and {("Putin", "RUS"), ("Bush", "USA")} <= people(doc)


def test_law_enforcement_in_a_headline_is_no_law():
    doc = kremlin("Cooperation between the law-enforcement bodies of Russia and Indonesia is growing", "May 3, 2006",
                  "The sides are stepping up joint work against terrorism, President Vladimir Putin said following "
                  "talks with President of Indonesia Susilo Bambang Yudhoyono.")
    assert doc.is_meeting and ("Yudhoyono", "IDN") in people(doc)


def test_a_headline_that_states_what_will_be_done_after_talks_is_the_meeting():
    will = kremlin("Russia will help Kenya train its customs officers", "March 6, 2006",
                   "Russia will send instructors and equipment, Vladimir Putin said at a press conference in Moscow "
                   "after a meeting with President of Kenya Mwai Kibaki.")
    announced = kremlin("President Vladimir Putin announced plans to launch a joint weather satellite",
                        "March 6, 2006, Astana",
                        "Following the talks with President of Kazakhstan Nursultan Nazarbayev, Mr Putin also "
                        "said that a joint bank would be set up.")
    assert will.is_meeting and ("Kibaki", "KEN") in people(will)
    assert announced.is_meeting and ("Nazarbayev", "KAZ") in people(announced)


def test_a_headline_that_announces_a_visit_still_to_come_is_no_meeting():
    doc = kremlin("Vladimir Putin will visit Kenya next month", "March 6, 2006",
                  "The President will hold talks with President of Kenya Mwai Kibaki.")
    assert not doc.is_meeting


def test_the_head_of_a_constituent_states_government_is_a_principal_of_its_country():
    met = kremlin("Meeting with Minister President of Hesse Klaus Brenner", "March 2, 2019, The Kremlin, Moscow",
                  "Vladimir Putin received Minister President of the federal German state of Hesse Klaus Brenner.")
    toured = kremlin("Vladimir Putin and spouse visited Cardiff Castle", "June 26, 2003, Cardiff",
                     "Accompanied by the First Minister of Wales, Gareth Morgan, they walked round the castle.")
    assert met.is_meeting and ("Brenner", "DEU") in people(met) and met.meeting.city == "Moscow"
    assert toured.is_meeting and ("Morgan", "GBR") in people(toured)


def test_a_region_alone_names_no_country():
    from kg.people.cast import read_description

    assert read_description("Governor of Bavaria Klaus Brenner").country is None
    assert read_description("Minister-President of Saxony Klaus Brenner").country == "DEU"


def test_a_meeting_of_an_organisations_leaders_is_a_summit_of_the_host():
    doc = kremlin("Meeting of CSTO leaders", "November 7, 2019, Yerevan",
                  "Vladimir Putin attends the Collective Security Treaty Organisation summit. The participants are "
                  "discussing the current state of interaction within the organisation.")
    assert doc.is_meeting and ("Putin", "RUS") in people(doc) and doc.meeting.city == "Yerevan"


def test_a_meeting_of_business_leaders_is_no_summit():
    doc = kremlin("Meeting of business leaders", "November 7, 2019, Moscow",
                  "Vladimir Putin met with heads of major Russian companies.")
    assert not doc.is_meeting


def test_a_former_leader_sent_as_his_governments_special_envoy_is_a_principal():
    doc = kremlin("President Vladimir Putin received former Italian Prime Minister Marco Bellini, Special Envoy of "
                  "the Italian Government on the Situation Around Libya", "March 4, 2002, The Kremlin, Moscow",
                  "Vladimir Putin and Marco Bellini discussed the settlement in Libya.")
    assert doc.is_meeting and people(doc) == {("Putin", "RUS"), ("Bellini", "ITA")}


def test_a_former_leader_without_a_current_office_is_still_no_principal():
    doc = kremlin("President Vladimir Putin received former Italian Prime Minister Marco Bellini, the former Special "
                  "Envoy of the Italian Government on the Situation Around Libya", "March 4, 2002, The Kremlin, Moscow",
                  "They discussed the settlement in Libya.")
    assert not doc.is_meeting


def test_a_guest_the_title_names_alone_whom_the_lead_calls_former_is_no_principal():
    former = kremlin("Meeting with Silvio Berlusconi", "June 10, 2015, The Kremlin, Moscow",
                     "Vladimir Putin met with former Prime Minister of Italy and leader of a party Silvio Berlusconi.")
    envoy = kremlin("Meeting with Yoshiro Mori", "June 10, 2015, The Kremlin, Moscow",
                    "Vladimir Putin met with Yoshiro Mori, former Prime Minister of Japan and Special Envoy of the "
                    "Japanese Government.")
    assert not former.is_meeting and former.participants == ()
    assert envoy.is_meeting and ("Mori", "JPN") in people(envoy)


def test_a_courtesy_title_before_a_name_and_its_office_is_no_part_of_the_name():
    doc = kremlin("Dr Klaus Brenner, Minister-President of Thuringia, and Mrs Brenner gave a dinner in honour of "
                  "President Vladimir Putin", "September 28, 2001, Erfurt",
                  "Speaking at the dinner, President Putin thanked his hosts.")
    assert doc.is_meeting and ("Brenner", "DEU") in people(doc)
    assert all(not p.name.startswith("Dr") for p in doc.participants)


def test_a_leader_who_currently_chairs_a_union_in_turn_keeps_his_country():
    doc = kremlin("President Vladimir Putin met with Danish Prime Minister and current President of the European "
                  "Union Lars Holm", "June 4, 2003, The Kremlin, Moscow", "They discussed visa rules.")
    assert ("Holm", "DNK") in people(doc) and ("Holm", "European Union") not in people(doc)


def test_an_award_passed_between_leaders_is_an_encounter():
    given = kremlin("Vladimir Putin awarded the Order of Friendship of Kazakhstan", "May 29, 2014, Astana",
                    "President of Kazakhstan Nursultan Nazarbayev awarded the Order of Friendship to Vladimir Putin.")
    own = kremlin("Vladimir Putin awarded state decorations", "May 29, 2014, The Kremlin, Moscow",
                  "Vladimir Putin presented state decorations to Russian scientists, teachers and doctors.")
    assert given.is_meeting and ("Nazarbayev", "KAZ") in people(given)
    assert not own.is_meeting


def test_those_the_lead_says_attended_a_meeting_the_host_attended_take_part():
    doc = kremlin("Acting President Vladimir Putin attended a foreign ministers' meeting of the Contact Group on "
                  "the Balkans", "March 2, 2000, President Hotel, Moscow",
                  "The Balkans feature prominently in Russia's foreign policy, Mr Putin said when addressing the "
                  "meeting. He hoped the Contact Group would help to settle the conflict. The meeting was attended by "
                  "US Secretary of State John Harper and foreign ministers of several European countries.")
    assert doc.is_meeting and ("Harper", "USA") in people(doc)


def test_a_place_line_part_opening_on_the_is_a_place_in_the_locality():
    from kg.extract.place import split_place

    assert split_place("The Lovćen Pass, Njeguši") == ("Njeguši", "The Lovćen Pass")
    assert split_place("Porto Cervo, Sardinia") == ("Porto Cervo", "Sardinia")


def test_a_leader_who_heads_several_countries_by_name_alone_is_of_the_one_his_office_names():
    from kg.people.cast import Mention
    from kg.people.leaders import known_leader

    found = known_leader(Mention("Emmanuel Macron", None, None), "2019-12-10")
    assert found is not None and found.country == "FRA"


def test_leaders_listed_by_name_after_the_host_at_a_summit_take_part():
    doc = kremlin("Joint news conference following a Normandy format summit", "December 10, 2019, Paris",
                  "Following a Normandy format summit in Paris, Vladimir Putin, Emmanuel Macron and Angela Merkel "
                  "held a joint press conference.")
    assert {("Macron", "FRA"), ("Merkel", "DEU")} <= people(doc)
