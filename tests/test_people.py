"""Participants and cast: who the principals are, with office and country."""

from __future__ import annotations

from kg.extract.meeting import extract_meeting
from kg.extract.people import extract_participants
from kg.formats import parse
from kg.people.cast import read_description
from kg.model import Transcript


def participants(text: str):
    doc = extract_participants(extract_meeting(parse(Transcript(text, "t.txt", "0"))))
    return [(p.name, p.office, p.country) for p in doc.participants]


def test_phone_readout_names_every_leader():
    text = ("Telephone conversations with Donald Trump and Salman bin Abdulaziz Al Saud\n\nApril 12, 2020\n\n"
            "Vladimir Putin had a telephone conversation with US President Donald Trump and King of Saudi "
            "Arabia Salman bin Abdulaziz Al Saud. Foreign Minister Sergei Lavrov was present.\n")
    assert participants(text) == [("Vladimir Putin", "President", "RUS"), ("Donald Trump", "President", "USA"),
                                  ("Salman bin Abdulaziz Al Saud", "King", "SAU")]


def described(text: str):
    mention = read_description(text)
    return mention.name, mention.office, mention.country


def test_name_first_and_adjective_first_descriptions():
    assert described("Kim Dae-jung, President of South Korea") == ("Kim Dae-jung", "President", "KOR")
    assert described("Israeli Prime Minister Benjamin Netanyahu") == (
        "Benjamin Netanyahu", "Prime Minister", "ISR")
    assert described("Prime Minister Lee Hsien Loong of Singapore") == (
        "Lee Hsien Loong", "Prime Minister", "SGP")
    assert described("Governor of Tula Region Alexei Dyumin") == (
        "Alexei Dyumin", "Governor of Tula Region", None)


def test_whitehouse_surname_label_gets_full_name_from_gazetteer():
    text = ("Remarks by President Biden and Prime Minister Morrison of Australia Before Bilateral Meeting\n\n"
            "September 21, 2021\n\n12:09 P.M. EDT\n\nPRESIDENT BIDEN:  Welcome.\n\n"
            "PRIME MINISTER MORRISON:  Thank you.\n\n12:12 P.M. EDT\n")
    assert participants(text) == [("Joe Biden", "President", "USA"), ("Scott Morrison", "Prime Minister", "AUS")]


def test_medvedev_is_the_host_in_2010():
    text = ("Meeting with President of Finland Tarja Halonen\n\nMarch 4, 2010, The Kremlin, Moscow\n\n"
            "Dmitry Medvedev met with President of Finland Tarja Halonen.\n")
    found = participants(text)
    assert found[0] == ("Dmitry Medvedev", "President", "RUS") and ("Tarja Halonen", "President", "FIN") in found


def test_journalists_are_not_participants():
    text = ("Press statements following talks with President of Turkey Recep Tayyip Erdogan\n\n"
            "May 3, 2017, Sochi\n\nPresident of Russia Vladimir Putin: Good afternoon.\n\n"
            "President of Turkey Recep Tayyip Erdogan (via interpreter): Thank you.\n\nQuestion: Why?\n")
    assert [p[2] for p in participants(text)] == ["RUS", "TUR"]


def test_comma_between_office_and_name():
    text = ("Vladimir Putin met with the Prime Minister of Norway, Kjell Magne Bondevik\n\n"
            "May 4, 2003, The Kremlin, Moscow\n\nThe two leaders held talks on fisheries.\n")
    assert ("Kjell Magne Bondevik", "Prime Minister", "NOR") in participants(text)


def test_office_without_country_takes_the_country_of_the_title():
    text = ("Russian-Chilean talks took place in the Kremlin\n\nMay 4, 2003, Moscow\n\n"
            "President Vladimir Putin and President Ricardo Lagos held talks in private.\n")
    found = participants(text)
    assert found[0][2] == "RUS" and ("Ricardo Lagos", "President", "CHL") in found


def test_office_without_country_stays_unknown_when_two_countries_are_named():
    text = ("Talks between Russia, Chile and Peru\n\nMay 4, 2003, Moscow\n\n"
            "President Vladimir Putin and President Anibal Nadie held talks in private.\n")
    assert all(p[0] != "Anibal Nadie" for p in participants(text))
    # the reference list knows who was President of Chile then: that is knowledge, not a guess
    known = participants(text.replace("Anibal Nadie", "Ricardo Lagos"))
    assert ("Ricardo Lagos", "President", "CHL") in known


def test_words_after_an_office_that_are_no_name_are_not_participants():
    text = ("Telephone conversation with President of Finland Sauli Niinisto\n\nJuly 3, 2020\n\n"
            "The President of Finland congratulated Vladimir Putin on the vote on amendments to the "
            "Constitution of the Russian Federation.\n")
    names = [p[0] for p in participants(text)]
    assert "Constitution" not in names and any(n.startswith("Sauli Niinist") for n in names)


def test_heads_of_organisations_have_no_country():
    text = ("Meeting with heads of international organisations\n\nMay 4, 2019, Sochi\n\n"
            "Vladimir Putin met with UN Secretary-General Antonio Guterres, Secretary General of NATO "
            "Jens Stoltenberg and President of the European Commission Jose Manuel Barroso.\n")
    doc = extract_participants(extract_meeting(parse(Transcript(text, "t.txt", "0"))))
    heads = {(p.name, p.organisation, p.country) for p in doc.participants}
    assert doc.is_meeting
    assert ("Antonio Guterres", "United Nations", None) in heads
    assert ("Jose Manuel Barroso", "European Commission", None) in heads


def test_title_names_a_known_leader_without_office():
    text = ("Telephone conversation with Xi Jinping\n\nMarch 14, 2013\n\n"
            "Vladimir Putin warmly congratulated Xi Jinping on his election.\n")
    assert ("CHN", "Xi Jinping") in {(p[2], p[0]) for p in participants(text)}


def test_person_name_shape():
    from kg.people.names import looks_like_person_name

    assert looks_like_person_name("Luiz Inacio Lula da Silva")
    assert looks_like_person_name("Theresa May")
    for thing in ("Constitution", "the Russian Federation", "Security Council", "France", "NATO", "Prime Minister"):
        assert not looks_like_person_name(thing), thing


def test_name_after_a_body_and_name_before_the_office():
    from kg.people.cast import find_mentions

    text = ("Vladimir Putin met with Chairman of the Norwegian Parliament Olemic Thommessen. "
            "He also met with Ana Pastor, the President of the Spanish Congress of Deputies.")
    found = {(m.name, m.country) for m in find_mentions(text, 0, len(text))}
    assert ("Olemic Thommessen", "NOR") in found and ("Ana Pastor", "ESP") in found


def test_domestic_partner_in_title_keeps_foreigners_spoken_about_out():
    text = ("Vladimir Putin held a meeting with Defence Minister Igor Petrov\n\nMay 4, 2003, The Kremlin, Moscow\n\n"
            "They discussed the coming talks with NATO Secretary General George Robertson.\n")
    assert participants(text) == []


def test_possessive_ends_a_name():
    from kg.people.cast import find_mentions

    text = "President Vladimir Putin's visit to Kazakhstan ended."
    assert [m.name for m in find_mentions(text, 0, len(text))] == ["Vladimir Putin"]


def test_someone_the_lead_dates_to_an_earlier_year_is_not_met():
    text = ("Vladimir Putin and spouse visited the Edinburgh Castle\n\nJune 25, 2003, Edinburgh\n\n"
            "They looked at the fortifications and the castle's Grand Hall. The museum's exhibits include a "
            "portrait of Russian Emperor Nicholas II who was granted the title of the honourary chief of the "
            "Royal Scottish Dragoons Regiment by the British Queen Victoria in 1894.\n")
    assert ("Victoria", "Queen", "GBR") not in participants(text)


def test_one_description_of_two_countries_gives_each_name_its_own():
    text = ("Acting President and Prime Minister Vladimir Putin met with Russian and Ukrainian ministers of "
            "internal affairs Vladimir Rushailo and Yury Kravchenko\n\nJanuary 17, 2000\n\n"
            "The parties discussed cooperation between the two ministries.\n")
    found = {name: country for name, _, country in participants(text)}
    assert found.get("Yury Kravchenko") == "UKR"
    assert found.get("Vladimir Rushailo") in (None, "RUS")  # the host's own minister: no foreign guest


def test_a_meeting_with_the_hosts_own_minister_names_no_foreign_guest():
    """The title names whom the host met, his own minister: leaders the lead goes on to speak of
    (a meeting to come, a counterpart of the minister's talks) did not take part."""
    from genre_pages import kremlin

    minister = kremlin("President Vladimir Putin held a meeting with Foreign Minister Igor Ivanov",
                       "August 28, 2003, Novo-Ogaryovo",
                       "Mr Ivanov spoke about the preparations for a working visit by President Putin to New "
                       "York and Camp David, where Mr Putin would meet with US President George W. Bush.")
    assert [p.name for p in minister.participants] == []
    security = kremlin("President Vladimir Putin held a meeting with Federal Security Service Director "
                       "Nikolai Patrushev", "January 15, 2002, The Kremlin, Moscow",
                       "The FSB Director reported to the head of state the results of his negotiations with "
                       "Georgia's State Security Minister Valery Khaburzania.")
    assert [p.name for p in security.participants] == []
    briefing = kremlin("Vladimir Putin had a meeting with Deputy Prime Minister and Minister of Civil Defence, "
                       "Emergencies and Disaster Relief Sergei Shoigu", "September 22, 2000, The Kremlin, Moscow",
                       "Sergei Shoigu informed the President of the ministry's performance in the past month.\n\n"
                       "Mr Shoigu also briefed Mr Putin on the results of his meeting with the NATO "
                       "Secretary-General George Robertson.")
    assert [p.name for p in briefing.participants] == []
    bureau = kremlin("Meeting with heads of the International Bureau of Exhibitions", "March 28, 2013, Sochi",
                     "Vladimir Putin met with heads of the International Bureau of Exhibitions, including with BIE "
                     "Secretary General Vicente Loscertales.")  # a body, no person, in the title
    assert "Vicente Loscertales" in [p.name for p in bureau.participants]


def test_a_guest_the_title_names_is_still_read_from_the_lead():
    """A title naming the guest without an office ("Meeting with Michel Platini"): the lead that names
    him with one still makes him a participant; and a title naming the guest does not lose him."""
    from genre_pages import kremlin

    doc = kremlin("Meeting with Michel Platini", "April 17, 2013, Sochi",
                  "Vladimir Putin met with French football legend and UEFA President Michel Platini.")
    assert "Michel Platini" in [p.name for p in doc.participants]
    call = kremlin("President Vladimir Putin spoke by telephone with Italian Prime Minster Silvio Berlusconi",
                   "May 5, 2003", "The leaders discussed issues related to international policy.")
    assert "Silvio Berlusconi" in [p.name for p in call.participants]


def test_the_host_named_in_the_title_with_a_middle_initial_is_no_domestic_partner():
    """A readout's title may name the host more fully than the leaders list ("Donald J. Trump"): he is still
    the host, not a partner of his own country whose meeting would make the lead's foreign guest spoken of."""
    from genre_pages import whitehouse

    doc = whitehouse("Readout of President Donald J. Trump Call with Crown Prince Khalid bin Nasser",
                     "February 4, 2025",
                     "Today, President Donald J. Trump held a call with Crown Prince Khalid bin Nasser of the Kingdom "
                     "of Bahrain. The two leaders discussed energy markets and regional security.")
    found = {p.name: p.country for p in doc.participants}
    assert found.get("Khalid bin Nasser") == "BHR"
    minister = whitehouse("Readout of President Donald J. Trump Meeting with Secretary of Energy Chris Wright",
                          "February 4, 2025",
                          "Today, President Donald J. Trump met with Secretary Wright to discuss the call the "
                          "Secretary held with Crown Prince Khalid bin Nasser of the Kingdom of Bahrain.")
    assert all(p.country != "BHR" for p in minister.participants)


def test_a_film_director_or_a_singer_the_host_meets_is_no_principal():
    """The guide's principals hold public office: a page on the host meeting an artist reports no meeting of
    leaders, while a foreign minister of culture met the same way is one."""
    from genre_pages import kremlin

    artist = kremlin("Meeting with Jean Marchetti", "March 4, 2016, The Kremlin, Moscow",
                     "Vladimir Putin met at the Kremlin with French film director and screenwriter Jean Marchetti.")
    assert all(p.country != "FRA" for p in artist.participants)
    singer = kremlin("Meeting with Anna Kowalska", "March 4, 2016, The Kremlin, Moscow",
                     "Vladimir Putin met with Polish opera singer Anna Kowalska.")
    assert all(p.country != "POL" for p in singer.participants)
    minister = kremlin("Meeting with Minister of Culture of France Jean Marchetti", "March 4, 2016, The Kremlin, Moscow",
                       "Vladimir Putin met with Minister of Culture of France Jean Marchetti.")
    assert [p.country for p in minister.participants if p.name.endswith("Marchetti")] == ["FRA"]


def test_a_speaker_at_a_meeting_with_business_leaders_needs_an_office_of_state():
    """Where the title says the host met business people, a foreign speaker who holds a post in business is
    no principal; a foreign head of state who also took part is one."""
    from genre_pages import kremlin

    doc = kremlin("Meeting with French business leaders", "June 5, 2016, Sochi",
                  "Vladimir Putin met with French business leaders.\n\n"
                  "President of Kazakhstan Nursultan Nazarbayev also took part in the meeting.\n\n"
                  "President of Russia Vladimir Putin: Good afternoon, colleagues.\n\n"
                  "Chairman of the French Committee on Foreign Trade Relations Pierre Durand: Thank you, Mr President.")
    found = {p.name: p.country for p in doc.participants}
    assert "Pierre Durand" not in found
    assert found.get("Nursultan Nazarbayev") == "KAZ"
