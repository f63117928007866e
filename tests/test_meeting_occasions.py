"""Occasions a leader attends, read as meetings when a foreign principal is there, on small made-up pages.

Each case is one pattern of kremlin.ru pages of other genres than talks (a ceremony, a reception, an
arrival, a council session, a signing, greetings given by telephone), written fresh in the genre's words.
"""

from __future__ import annotations

import pytest

from genre_pages import kremlin


def people(doc) -> set[tuple[str, str | None]]:
    return {(p.name.split()[-1], p.country or p.organisation) for p in doc.participants}


@pytest.mark.parametrize("title, dateline, lead, guest", [
    ("Opening of the Year of Korean Culture in Russia", "April 2, 2014, The Kremlin, Moscow",
     "Vladimir Putin and President of the Republic of Korea Park Geun-hye attended the opening ceremony of the "
     "Year of Korean Culture at the State Kremlin Palace.", ("Geun-hye", "KOR")),
    ("Vladimir Putin arrived in Armenia", "October 14, 2016, Yerevan",
     "The President of Russia arrived in Yerevan at the invitation of President of Armenia Serzh Sargsyan.",
     ("Sargsyan", "ARM")),
    ("Visiting the Hermitage Museum", "June 7, 2019, St Petersburg",
     "Vladimir Putin and President of Finland Sauli Niinisto toured the new wing of the museum.",
     ("Niinisto", "FIN")),
    ("Closing ceremony of the Baltic Sailing Cup", "July 20, 2017, Kaliningrad",
     "Vladimir Putin presented medals to the crews that came first in the Baltic Sailing Cup. The winning "
     "crew received the cup from the President. President of Estonia Kersti Kaljulaid attended the "
     "ceremony.", ("Kaljulaid", "EST")),
    ("President Vladimir Putin visited a shipyard in Gdansk", "June 3, 2002, Gdansk",
     "President Putin was accompanied by President of Poland Aleksander Kwasniewski.", ("Kwasniewski", "POL")),
])
def test_an_occasion_a_foreign_leader_attends_is_a_meeting(title, dateline, lead, guest):
    doc = kremlin(title, dateline, lead)
    assert doc.is_meeting and doc.meeting.format == "in_person"
    assert guest in people(doc) and ("Putin", "RUS") in people(doc)


@pytest.mark.parametrize("title, lead", [
    ("President Vladimir Putin visited a tractor plant in Chelyabinsk",
     "The President toured the assembly shop and spoke with workers about new models."),
    ("Vladimir Putin attended a gala concert marking Russia Day",
     "The concert in the Kremlin Palace brought together leading Russian performers."),
    ("Vladimir Putin visited the memorial to the victims of the earthquake",
     "Mr Putin laid a wreath. He was the first head of state to make a telephone call to President of Turkey "
     "Abdullah Gul after the earthquake."),
])
def test_an_occasion_with_nobody_foreign_present_is_no_meeting(title, lead):
    doc = kremlin(title, "May 5, 2008, Moscow", lead)
    assert not doc.is_meeting and doc.participants == ()


def test_one_acted_for_is_not_present():
    doc = kremlin("Vladimir Putin arrived in Denmark", "April 27, 2011, Copenhagen",
                  "At the airport Mr Putin was welcomed by the Foreign Minister on behalf of Queen of Denmark "
                  "Margrethe II.")
    assert ("II", "DNK") not in people(doc) and not any(p.name.startswith("Margrethe") for p in doc.participants)


@pytest.mark.parametrize("title, lead, members", [
    ("A meeting of the Collective Security Council took place in Dushanbe",
     "The Presidents of Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan discussed regional "
     "security.", {"ARM", "BLR", "KAZ", "KGZ", "TJK"}),
    ("The Interstate Council of the Eurasian Economic Community met in Astana",
     "The meeting opened with a gathering of the Russian, Belarusian, Kazakh, Kyrgyz and Tajik presidents.",
     {"BLR", "KAZ", "KGZ", "TJK"}),
])
def test_a_union_council_with_its_presidents_listed_is_a_meeting_of_each(title, lead, members):
    doc = kremlin(title, "June 15, 2005, Astana", lead)
    assert doc.is_meeting
    assert {p.country for p in doc.participants} == members | {"RUS"}


def test_a_signing_by_presidents_of_listed_countries_is_a_meeting():
    doc = kremlin("The Presidents of Russia, Belarus and Kazakhstan signed a treaty on the customs union",
                  "May 29, 2014, Astana", "The three heads of state stressed the importance of the document.")
    assert doc.is_meeting and {p.country for p in doc.participants} == {"RUS", "BLR", "KAZ"}


def test_a_country_adjective_and_office_in_a_title_name_its_holder():
    doc = kremlin("The Finnish President held a banquet in honour of President Vladimir Putin",
                  "September 3, 2001, Helsinki", "In his speech, President Putin spoke of cooperation.")
    assert doc.is_meeting and ("Halonen", "FIN") in people(doc)


def test_a_leader_the_lead_praises_is_no_guest_named_by_office():
    doc = kremlin("President Vladimir Putin gave a news conference on the results of his visit to Kyrgyzstan",
                  "October 23, 2003, Bishkek",
                  "President Putin said he was satisfied with the visit. He also expressed appreciation towards "
                  "the US President for his position on terrorism.")
    assert ("USA" not in {p.country for p in doc.participants})


@pytest.mark.parametrize("title, lead", [
    ("Vladimir Putin congratulated Nursultan Nazarbayev on his re-election as President of Kazakhstan",
     "The President of Russia telephoned Mr Nazarbayev to congratulate him on his victory in the election."),
    ("Birthday greetings to Vladimir Putin",
     "Vladimir Putin is receiving birthday greetings from heads of state. A number of leaders telephoned the "
     "President of Russia, in particular, President of Kazakhstan Nursultan Nazarbayev."),
])
def test_greetings_given_by_telephone_are_a_call(title, lead):
    doc = kremlin(title, "December 6, 2005", lead)
    assert doc.is_meeting and doc.meeting.format == "phone" and ("Nazarbayev", "KAZ") in people(doc)


@pytest.mark.parametrize("title, lead", [
    ("Vladimir Putin congratulated Nursultan Nazarbayev on his re-election",
     "In his message, the President of Russia wished Mr Nazarbayev success."),
    ("Message of congratulations to Nursultan Nazarbayev on his birthday",
     "Earlier the two leaders had a telephone conversation."),
    ("President Vladimir Putin and President of Finland Tarja Halonen exchanged letters on the anniversary",
     "The letters stress the good-neighbourly character of relations."),
])
def test_greetings_and_letters_written_are_no_meeting(title, lead):
    doc = kremlin(title, "July 6, 2005", lead)
    assert not doc.is_meeting and doc.participants == ()


@pytest.mark.parametrize("title, organisation", [
    ("President Vladimir Putin met with PACE President Lars Holm", "Parliamentary Assembly of the Council of Europe"),
    ("Meeting with Inter-Parliamentary Union President Anna Berg", "Inter-Parliamentary Union"),
])
def test_a_head_of_an_international_assembly_is_a_principal(title, organisation):
    doc = kremlin(title, "November 27, 2006, The Kremlin, Moscow", "They discussed cooperation.")
    assert doc.is_meeting and any(p.organisation == organisation for p in doc.participants)


@pytest.mark.parametrize("title", [
    "President Vladimir Putin sent a response on the summit talks to President of Chile Ricardo Morales",
    "President Vladimir Putin sent the Foreign Minister on a visit to Tbilisi",
])
def test_what_the_host_sends_is_no_meeting(title):
    doc = kremlin(title, "March 3, 2003", "President of Chile Ricardo Morales and President of Georgia Levan "
                  "Gelashvili are to receive the President's views.")
    assert not doc.is_meeting and doc.participants == ()


@pytest.mark.parametrize("title", [
    "Meeting with permanent members of the Security Council",
    "President Vladimir Putin held a meeting with the Cabinet",
    "Meeting with Government members",
])
def test_a_meeting_with_the_hosts_own_government_is_domestic_whoever_it_discusses(title):
    doc = kremlin(title, "May 5, 2017, The Kremlin, Moscow",
                  "The participants discussed the outcome of the talks with Federal Chancellor of Germany "
                  "Angela Merkel and President of Turkey Recep Tayyip Erdogan.")
    assert not doc.is_meeting and doc.participants == ()


def test_a_summit_names_its_leaders_further_down_the_lead():
    doc = kremlin("President Vladimir Putin held a number of bilateral meetings with CIS leaders",
                  "August 1, 2001, Sochi",
                  "President Putin met with Uzbek President Islam Karimov during the informal summit. They discussed "
                  "Central Asia. Mr Putin and Armenian President Robert Kocharian discussed the coming visit to "
                  "Yerevan. President Putin and Tajik President Emomali Rakhmonov discussed trade. Earlier Mr Putin "
                  "had a telephone conversation with President of Kyrgyzstan Askar Akayev.")
    assert {"UZB", "ARM", "TJK"} <= {p.country for p in doc.participants}
    assert "KGZ" not in {p.country for p in doc.participants}  # a call recalled is no presence


@pytest.mark.parametrize("title, lead, form", [
    ("President Vladimir Putin discussed over the phone preparations for the summit with President of Armenia "
     "Robert Kocharian", "The two Presidents agreed on the agenda.", "phone"),
    ("The Russia-European Union summit took place in Brussels with President of the European Commission "
     "Romano Prodi", "The summit moved from Copenhagen, which hosted the so-called Chechen Congress.", "in_person"),
])
def test_the_format_a_heading_and_lead_state(title, lead, form):
    doc = kremlin(title, "November 11, 2002", lead)
    assert doc.is_meeting and doc.meeting.format == form


def test_a_headline_over_a_lead_whose_second_sentence_tells_the_talks_is_a_meeting():
    doc = kremlin("Russia sees Laos as a promising partner in Asia", "June 7, 2005",
                  "Relations between the two countries have a long history. Now they need a solid economic "
                  "foundation, President Vladimir Putin said following talks at the Kremlin with President of Laos "
                  "Khamtai Siphandon.")
    assert doc.is_meeting and ("Siphandon", "LAO") in people(doc)


def test_a_statement_after_several_summits_is_a_summit_page():
    doc = kremlin("Press statement following CIS and EAEU summits", "October 11, 2017, Sochi",
                  "Following the meetings of the CIS Heads of State Council, Vladimir Putin made a statement.")
    assert doc.is_meeting and doc.meeting.city == "Sochi" and ("Putin", "RUS") in people(doc)


def test_the_head_of_an_international_organisation_speaks_for_no_country():
    doc = kremlin("Meeting with UN Secretary-General Antonio Guterres", "June 7, 2019, St Petersburg",
                  "Vladimir Putin met with UN Secretary-General Antonio Guterres.\n\nPresident of Russia Vladimir "
                  "Putin: Mr Secretary-General, welcome.\n\nUN Secretary-General Antonio Guterres: Thank you.")
    guterres = next(p for p in doc.participants if p.name.endswith("Guterres"))
    assert guterres.organisation == "United Nations" and guterres.country is None


def test_heads_of_states_listed_after_a_dash_are_each_a_participant():
    doc = kremlin("The heads of state of the Shanghai Forum adopted a declaration", "June 15, 2001, Shanghai",
                  "At an expanded meeting, the heads of six states – China, Russia, Kazakhstan, Kyrgyzstan, "
                  "Tajikistan and Uzbekistan – signed a declaration.")
    assert {p.country for p in doc.participants} == {"RUS", "CHN", "KAZ", "KGZ", "TJK", "UZB"}


def test_a_visit_called_off_in_a_telephone_conversation_is_a_call():
    doc = kremlin("President Vladimir Putin cancelled his visit abroad after the floods in the south of Russia",
                  "July 6, 2003",
                  "Mr Putin told this in a telephone conversation to President of Uzbekistan Islam Karimov.")
    assert doc.is_meeting and doc.meeting.format == "phone" and ("Karimov", "UZB") in people(doc)


def test_a_visit_called_off_with_no_call_is_no_meeting():
    doc = kremlin("President Vladimir Putin cancelled his visit to Uzbekistan", "July 6, 2003",
                  "The visit will take place later, President of Uzbekistan Islam Karimov was told.")
    assert not doc.is_meeting


def test_a_surname_one_letter_from_a_leaders_is_not_his_when_short():
    doc = kremlin("President Vladimir Putin visited the Russian-Czech ice hockey match", "August 14, 2001, Moscow",
                  "Mr Putin visited a charity match. At half time he talked to Pavel Novak and Jiri Svoboda, the "
                  "captains of the Russian and Czech teams.")
    assert not doc.is_meeting and doc.participants == ()


@pytest.mark.parametrize("lead, guest", [
    ("In Jerusalem, Vladimir Putin and Benjamin Netanyahu unveiled the monument to the defenders of Leningrad.",
     ("Netanyahu", "ISR")),
    ("Vladimir Putin attended the wreath-laying ceremony along with Almazbek Atambayev at the memorial.",
     ("Atambayev", "KGZ")),
])
def test_a_leader_named_beside_the_host_at_an_occasion_takes_part(lead, guest):
    doc = kremlin("Ceremony to unveil a monument", "September 17, 2016, Bishkek", lead)
    assert doc.is_meeting and guest in people(doc) and ("Putin", "RUS") in people(doc)


def test_a_name_beside_the_host_that_is_no_leader_is_no_guest():
    doc = kremlin("Visiting a children's hospital", "September 17, 2016, Moscow",
                  "Vladimir Putin and Pavel Novak, the head doctor, toured the new wing.")
    assert not doc.is_meeting and doc.participants == ()


def test_a_leader_the_host_greets_at_a_forum_is_present():
    doc = kremlin("Silk Road Forum for International Cooperation", "April 26, 2019, Beijing",
                  "Vladimir Putin attended the second Silk Road Forum.\n\nPresident of Russia Vladimir Putin: "
                  "President Xi Jinping, ladies and gentlemen,\n\nI am glad to take part in the forum.")
    assert doc.is_meeting and ("Jinping", "CHN") in people(doc)


def test_a_leader_the_host_names_in_his_speech_is_not_greeted():
    doc = kremlin("Silk Road Forum for International Cooperation", "April 26, 2019, Beijing",
                  "Vladimir Putin attended the second Silk Road Forum.\n\nPresident of Russia Vladimir Putin: "
                  "Ladies and gentlemen, as President Xi Jinping said last year, the road is long.")
    assert not doc.is_meeting


_ROLL_LEAD = ("Vladimir Putin took part in the meeting of the Council in Minsk. The leaders discussed trade. They "
              "spoke of customs. They spoke of transport. They spoke of energy. They spoke of migration. They "
              "spoke of culture. They spoke of sport. Documents were signed. ")


@pytest.mark.parametrize("roll, present", [
    ("The participants included President of Russia Vladimir Putin, President of Belarus Alexander Lukashenko "
     "and President of Kazakhstan Nursultan Nazarbayev.", True),
    ("Taking part in the talks were President of Belarus Alexander Lukashenko and President of Kazakhstan "
     "Nursultan Nazarbayev.", True),
    ("The next meeting will be attended by President of Belarus Alexander Lukashenko and President of "
     "Kazakhstan Nursultan Nazarbayev.", False),
])
def test_a_summits_roll_call_far_down_the_lead_names_those_present(roll, present):
    doc = kremlin("Meeting of the CIS Heads of State Council", "November 28, 2014, Minsk", _ROLL_LEAD + roll)
    assert doc.is_meeting
    assert ({("Lukashenko", "BLR"), ("Nazarbayev", "KAZ")} <= people(doc)) is present


@pytest.mark.parametrize("title, present", [
    ("President Vladimir Putin held a number of bilateral meetings with CIS leaders", True),
    ("President Vladimir Putin attended bilateral meetings with the leaders of other CIS countries", True),
    ("President Vladimir Putin met with Armenian President Robert Kocharian", False),
])
def test_meetings_with_unnamed_leaders_take_in_each_the_lead_tells(title, present):
    lead = ("Bilateral talks started with Mr Putin's talk to Armenian President Robert Kocharian. They discussed "
            "trade. They discussed gas. They discussed transport. They discussed culture. They discussed "
            "migration. They discussed the border. They discussed education. They discussed sport. "
            "Mr Putin also met with Moldovan President Vladimir Voronin to exchange opinions.")
    doc = kremlin(title, "March 1, 2002, Almaty", lead)
    assert doc.is_meeting and (("Voronin", "MDA") in people(doc)) is present


def test_a_meeting_the_lead_announces_is_not_told():
    from kg.extract.occasions import tells_a_meeting

    assert tells_a_meeting("Mr Putin also met with Kyrgyz President Askar Akayev.")
    assert not tells_a_meeting("Tomorrow Mr Putin will meet with Kyrgyz President Askar Akayev.")
    assert not tells_a_meeting("Vladimir Putin will have talks with Kyrgyz President Askar Akayev.")


@pytest.mark.parametrize("sentence, speaks", [
    ("President Heidar Aliyev of Azerbaijan recalled that his country had proposed a meeting.", True),
    ("In turn, President Robert Kocharian of Armenia noted that every conflict had its background.", True),
    ("The summit's participants also spoke with President of Belarus Alexander Lukashenko.", False),
    ("The leaders of the member states stressed the importance of the treaty.", False),
    ("President Askar Akayev said in a telephone conversation that he supported the plan.", False),
])
def test_a_summit_lead_sentence_opening_on_a_principal_speaking(sentence, speaks):
    from kg.extract.occasions import opens_on_a_speaker

    assert opens_on_a_speaker(sentence) is speaks


def test_a_summits_members_speaking_far_down_the_lead_were_there():
    doc = kremlin("CIS leaders held a news conference after their summit", "November 30, 2001, Moscow",
                  _ROLL_LEAD + "President Heidar Aliyev of Azerbaijan recalled that as early as 1993 Azerbaijan "
                  "proposed holding such a meeting.")
    assert ("Aliyev", "AZE") in people(doc)


@pytest.mark.parametrize("title, guest", [
    ("Meeting with Chairman of the Eurasian Economic Commission’s Board Viktor Khristenko",
     ("Khristenko", "Eurasian Economic Commission")),
    ("Meeting with Chairman of the Board of the Eurasian Economic Commission Pavel Orlov",
     ("Orlov", "Eurasian Economic Commission")),
])
def test_the_board_of_an_international_commission_heads_it(title, guest):
    doc = kremlin(title, "April 17, 2013, Sochi", "Vladimir Putin met with the guest, who briefed him on "
                  "the Commission's work.")
    assert doc.is_meeting and guest in people(doc)


def test_a_company_board_chairman_is_still_no_principal():
    doc = kremlin("Meeting with Chairman of the Board of Gazprom Alexei Miller", "April 17, 2013, Sochi",
                  "Vladimir Putin met with Chairman of the Board of Gazprom Alexei Miller.")
    assert not doc.is_meeting and not doc.participants


def test_ministers_listed_each_with_their_country_share_the_office():
    doc = kremlin("Meeting with Foreign Ministers Ana Ribeiro of Brazil, Luis Mora of Costa Rica and Pedro Vargas "
                  "of Peru", "April 1, 2003, The Kremlin, Moscow", "Vladimir Putin met with the ministers.")
    assert {("Ribeiro", "BRA"), ("Mora", "CRI"), ("Vargas", "PER")} <= people(doc)


def test_a_name_after_a_guest_of_a_country_needs_its_own_office():
    doc = kremlin("Meeting with Foreign Minister Ana Ribeiro of Brazil and Luis Mora", "April 1, 2003, Moscow",
                  "Vladimir Putin met with the minister.")
    assert ("Ribeiro", "BRA") in people(doc) and not any(name == "Mora" for name, _ in people(doc))


def test_the_lead_names_the_guests_a_title_describes_only_as_a_group():
    doc = kremlin("President Vladimir Putin held a meeting with the coordinating Troika of the Rio Group",
                  "April 1, 2003, The Kremlin, Moscow",
                  "Mr Putin held a meeting with Foreign Ministers Ana Ribeiro of Brazil, Luis Mora of Costa Rica "
                  "and Pedro Vargas of Peru.")
    assert doc.is_meeting and {("Ribeiro", "BRA"), ("Vargas", "PER")} <= people(doc)


def test_the_lead_guests_of_a_domestic_body_stay_domestic():
    doc = kremlin("Vladimir Putin held a meeting with the Government", "April 1, 2003, The Kremlin, Moscow",
                  "Mr Putin held a meeting with Prime Minister of Russia Mikhail Kasyanov and the ministers.")
    assert not doc.is_meeting


@pytest.mark.parametrize("title, dateline, lead, guest", [
    ("The Russian and Armenian leaders opened a monument to the victims of the war", "September 15, 2004, Yerevan",
     "Vladimir Putin said the monument honoured those who fell.", ("Kocharian", "ARM")),
    ("Wreath-laying ceremony in Berlin", "April 10, 2003, Berlin",
     "The leaders of Russia and Germany laid wreaths at the memorial. Mr Schroeder called the day a milestone.",
     ("Schroeder", "DEU")),  # the leader whose surname the page writes: Germany's Chancellor, not its President
])
def test_the_leaders_of_listed_countries_are_their_leaders(title, dateline, lead, guest):
    doc = kremlin(title, dateline, lead)
    assert doc.is_meeting and guest in people(doc) and ("Putin", "RUS") in people(doc)


@pytest.mark.parametrize("title, dateline, lead", [
    ("Vladimir Putin visited a trade fair", "April 10, 2003, Moscow",
     "The business leaders of Russia and Germany showed their products to the President."),
    # past the lead's first sentence, the leaders are of another contact
    ("Vladimir Putin met with the Director of the Federal Drugs Control Service, Viktor Cherkesov",
     "October 6, 2005, The Kremlin, Moscow",
     "The meeting's main theme was cooperation against drug trafficking. These questions were discussed during "
     "the summit and talks with the leaders of Belgium and Great Britain."),
])
def test_leaders_of_countries_who_met_nobody(title, dateline, lead):
    doc = kremlin(title, dateline, lead)
    assert not doc.is_meeting and not doc.participants


def test_leaders_further_down_a_summits_lead_tell_a_side_event():
    doc = kremlin("BRICS summit", "March 27, 2013, Durban",
                  "Vladimir Putin took part in the BRICS summit. The summit adopted a declaration. The declaration "
                  "covers trade and finance. Before the summit began, the leaders of Brazil, India and China met "
                  "with business leaders.")
    assert doc.is_meeting and {country for _, country in people(doc)} == {"RUS"}


def test_a_leader_called_by_surname_alone_is_the_one_who_held_office_then():
    doc = kremlin("President Vladimir Putin attended a reception on Independence Day", "August 24, 2001, Kiev",
                  "Mr Putin addressed the gathering. Mr Putin and Mr Trajkovski had a short talk before the "
                  "reception.")
    assert doc.is_meeting and ("Trajkovski", "MKD") in people(doc)


@pytest.mark.parametrize("title, dateline, lead", [
    # the page writes the surname after another first name: Gjorge Ivanov of Macedonia is not meant
    ("Working meeting with Director of the Federal Drug Control Service Viktor Ivanov", "March 11, 2013, Moscow",
     "Mr Ivanov briefed Vladimir Putin on the Service’s work."),
    # several leaders share the surname that day
    ("Vladimir Putin attended a concert", "June 1, 2010, Moscow", "Mr Putin and Mr Kim listened to the orchestra."),
])
def test_a_surname_that_may_be_someone_else_gives_nobody(title, dateline, lead):
    doc = kremlin(title, dateline, lead)
    assert not doc.is_meeting and not doc.participants


@pytest.mark.parametrize("city, realm", [("London", "GBR"), ("Ottawa", "CAN")])
def test_a_monarch_of_several_realms_reigns_where_the_dateline_is(city, realm):
    doc = kremlin("A reception in honour of the Russian President was held at the palace", f"June 24, 2003, {city}",
                  "Queen Elizabeth II made a brief speech on relations between the two countries.")
    assert doc.is_meeting and ("II", realm) in people(doc)


def test_a_monarch_of_several_realms_outside_them_is_nobody():
    doc = kremlin("A reception in honour of the Russian President was held at the palace", "June 24, 2003, Paris",
                  "Queen Elizabeth II made a brief speech on relations between the two countries.")
    assert not any(name == "II" for name, _ in people(doc))


def test_an_awards_ceremony_foreign_leaders_attended_is_a_meeting():
    doc = kremlin("Presenting awards to winners of the sailing regatta", "September 12, 2018, Vladivostok",
                  "Vladimir Putin presented awards to the winners of the regatta. Prime Minister of Japan Shinzo Abe "
                  "and President of Mongolia Khaltmaagiin Battulga attended the awards ceremony.")
    assert doc.is_meeting and {("Abe", "JPN"), ("Battulga", "MNG"), ("Putin", "RUS")} <= people(doc)


@pytest.mark.parametrize("lead", [
    "Vladimir Putin presented state decorations to distinguished citizens. Members of the Government attended "
    "the ceremony.",
    "Vladimir Putin presented state decorations to distinguished citizens.",
])
def test_an_awards_ceremony_without_foreign_guests_is_no_meeting(lead):
    doc = kremlin("Presenting state awards", "May 5, 2018, The Kremlin, Moscow", lead)
    assert not doc.is_meeting and not doc.participants


def test_a_former_office_holder_next_in_a_list_describes_nobody_before():
    doc = kremlin("A reception was held in honour of the anniversary of Victory", "May 9, 2005, Moscow",
                  "The medal was awarded to Croatian President Stipe Mesic, former Polish President Wojciech "
                  "Jaruzelski and former King of Romania Michael I. The guests attended the reception.")
    assert ("Mesic", "HRV") in people(doc) and not any(name == "Jaruzelski" for name, _ in people(doc))
