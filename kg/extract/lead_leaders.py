"""Principals the lead names without a title: "Mr Putin and Mr Chretien", "the Russian, Ukrainian and
Belarusian Presidents".

Older kremlin.ru readouts and many summit pages name the foreign side by
surname alone or by a plural office, where the cast parser, which reads
"Office Name" mentions, finds nobody; the page then read as no meeting at
all.  The dated leaders list (:mod:`kg.people.leaderdata`) knows who held office in
each country on the day, so the lead is enough:

- a country the title or lead names, and the surname of someone who held its
  highest offices that day written there, capitalised, give that person;
- a plural office ("Presidents", "Prime Ministers") with a short list of
  country adjectives gives each country's holder of that office; "leaders"
  only over a list of countries in the title or the lead's first sentence
  ("the Russian and Moldavian leaders", "the leaders of Russia, China, ..."),
  and as the office that leads differs from country to country, the holder
  whose surname the page writes, else the head of state;
- "Mr Surname" where no country is named (older pages: "Mr Putin and Mr
  Trajkovski had a short talk") gives the one leader of that surname on the
  day, unless several share it or the page gives it another first name.

Used only when the ordinary reading found no foreign principal, so a page
that names its guest properly is never second-guessed.  The surname keeps the
spelling the lead gives it ("Mr Kuchma" is Leonid Kuchma, though the list
writes Kutchma); a page that opens on the host's own words, with no lead (a
news conference after a visit), is read in his first turn.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.inputs.text import normalise
from kg.extract.occasions import attendance_sentences, recalls_other_contact, without_those_acted_for
from kg.model import Document, Person
from kg.people.gazetteer import country_of
from kg.people.leaderdata import LeaderInfo
from kg.people.namekey import fold_word, name_words, similar_word
from kg.people.usualnames import usual_name

_LEAD_SENTENCES = 2
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
_PLURAL_OFFICE = re.compile(r"\b(Presidents|Prime Ministers|heads of (?:\w+ )?states?)\b", re.I)
_PLURAL_MAX = 4  # past a handful of countries a plural office is a summit's, and guessing its members fails
# A plural office over a list of countries names each of them, however many: "The Presidents of Russia,
# Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan", "the Russian, Armenian, ... and Tajik presidents";
# so do "the leaders of Russia, China, ..." and "the Russian and Moldavian leaders" (never "business leaders of").
_COUNTRY = r"[A-Z][\w'’\-]+(?:[ \u00a0]+[A-Z][\w'’\-]+){0,2}"
_COUNTRY_LIST = rf"(?:(?:,|[ \u00a0]+and)[ \u00a0]+(?:the[ \u00a0]+)?{_COUNTRY})+"
_OFFICES = r"presidents|prime ministers|heads[ \u00a0]+of[ \u00a0]+state"
_LISTED = re.compile(rf"\b(?i:{_OFFICES}|(?P<leaders_of>(?<=the[ \u00a0])leaders))"
                     rf"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?(?P<after>{_COUNTRY}{_COUNTRY_LIST})"
                     rf"|(?P<before>\b[A-Z][\w'’\-]+(?:,[ \u00a0]+[A-Z][\w'’\-]+)*,?[ \u00a0]+and[ \u00a0]+[A-Z][\w'’\-]+)"
                     rf"[ \u00a0]+(?i:{_OFFICES}|(?P<leaders>leaders))\b"
                     # "the heads of six states – China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan"
                     rf"|\b(?i:heads[ \u00a0]+of[ \u00a0]+(?:\w+[ \u00a0]+)?states)[ \u00a0]*[–—-][ \u00a0]*"
                     rf"(?P<dashed>{_COUNTRY}{_COUNTRY_LIST})")
# One office a country's adjective names, with no name after it, in a title: "The Finnish President held a
# banquet" (a lead's "expressed appreciation towards the US President" speaks of him).
_SINGULAR = re.compile(r"\b[Tt]he[ \u00a0]+(?P<country>[A-Z][\w'’\-]+)[ \u00a0]+(?P<office>President|Prime[ \u00a0]+Minister)"
                       r"\b(?![ \u00a0]+[A-Z])")
_SINGULAR_KIND = {"President": "head_of_state", "Prime Minister": "head_of_government"}
_KINDS = {"head_of_state": "President", "head_of_government": "Prime Minister"}
_PLURAL_KIND = {"presidents": "head_of_state", "prime ministers": "head_of_government",
                "heads of state": "head_of_state"}


def _lead(doc: Document, sentences: int = _LEAD_SENTENCES, first_turn: bool = False, occasion: bool = False) -> str:
    """The title and the lead's first sentences; with ``first_turn``, where the page opens on a
    speaker instead ("News conference following state visit to Turkey"), that turn's first sentences,
    where the host says whom he met ("We had a substantive discussion with Turkish President Mr Erdogan").

    With ``occasion`` (see :func:`kg.extract.meeting.names_occasion_only`), the lead as far as it says who
    was present: later sentences that say who attended join it, and those recalling another contact
    ("the first head of state to make a telephone call to US President George W. Bush") leave it."""
    parts = [doc.quote(doc.title)] if doc.title else []
    for utterance in doc.utterances:
        if utterance.speaker is None or first_turn:
            chosen = list(utterance.sentences[:sentences])
            if occasion:
                chosen = [s for s in chosen + attendance_sentences(doc, utterance.sentences, sentences)
                          if not recalls_other_contact(doc.quote(s))]
            parts.extend(doc.quote(s) for s in chosen)
        break
    return normalise("\n".join(parts), quotes=False)


def lead_leaders(doc: Document, date: str | None, beside: str | None = None,
                 sentences: int = _LEAD_SENTENCES, first_turn: bool = False, occasion: bool = False) -> list[Person]:
    """Foreign heads of state or government the lead names by surname or by a plural office.

    With ``beside`` (the host's surname), only a leader the lead names together with the host
    ("Vladimir Putin and Francois Hollande met with business representatives"): where the title
    says the host met people who are no principals, a leader merely spoken of is no guest.
    """
    from kg.people.gazetteer import default_gazetteer

    if not date:
        return []
    gazetteer = default_gazetteer()
    index = gazetteer.leaders()
    text = without_those_acted_for(_lead(doc, sentences, first_turn, occasion))
    countries: list[str] = []
    for mention in gazetteer.find_countries(text):
        if mention.code != doc.publisher_country and mention.code not in countries:
            countries.append(mention.code)
    # "Belgian businessmen" is no mention of King "Alberto II da Bélgica": a country's name or adjective
    # is never the surname written
    words = _CAPITALISED.findall(_beside(text, beside) if beside else text)
    written = {fold_word(w): w for w in words if not country_of(w.rstrip("'’s"))}
    plural = _PLURAL_OFFICE.search(text)
    listed = _listed_countries(text)
    # "leaders" tell who met in the title and the lead's first sentence only: further down they are of a side
    # event ("Before the summit began, the leaders of ... met with business leaders") or of another contact
    # ("These questions were discussed during ... talks with the leaders of Belgium and Great Britain")
    leaders = _listed_countries(_lead(doc, 1))
    title = normalise(doc.quote(doc.title), quotes=False) if doc.title else ""  # the lead may speak of others
    single = {country_of(m["country"]): _SINGULAR_KIND[normalise(m["office"])] for m in _SINGULAR.finditer(title)}
    found: list[Person] = []
    for country in countries:
        tenures = [t for t in index.of_country(country, date, 0) if t.kind in _KINDS]
        surnames = {t: _surname(_index_label(t)) for t in tenures}
        named = [(t, w) for t in tenures if surnames[t] for w in written
                 if w == surnames[t] or len(w) > 3 and similar_word(w, surnames[t], edit_from=7)]
        if not named and plural and (len(countries) <= _PLURAL_MAX or country in listed) and not beside:
            kind = _PLURAL_KIND.get(plural.group(1).lower(), "head_of_state")  # "heads of six states"
            named = [(t, "") for t in tenures if t.kind == kind]
        if not named and leaders.get(country) and not beside:  # "the Russian and Moldavian leaders"
            named = _the_leader(tenures, doc)
        if not named and country in single and not beside:
            named = [(t, "") for t in tenures if t.kind == single[country]]
        for tenure, word in named[:1]:
            label = _index_label(tenure)
            name = _as_written(label, written[word]) if word else usual_name(tenure.qid, date, label)
            found.append(Person(name, tenure.office or _KINDS[tenure.kind], country, qid=tenure.qid, label=label))
    return found + _by_surname_alone(_beside(text, beside) if beside else text, date, doc, countries)


def holder_of(country: str, office: str, date: str | None) -> Person | None:
    """Who held a country's presidency or premiership on ``date`` (the leaders list's), for a principal
    the text names by office alone: "a telephone conversation with the Prime Minister of Malaysia"."""
    from kg.people.gazetteer import default_gazetteer

    kind = _SINGULAR_KIND.get(office)
    tenures = [t for t in default_gazetteer().leaders().of_country(country, date, 0) if t.kind == kind] if date else []
    if not tenures:
        return None
    label = _index_label(tenures[0])
    return Person(usual_name(tenures[0].qid, date, label), office, country, qid=tenures[0].qid, label=label)


def _other_namesake(text: str, surname: str, tenure: LeaderInfo) -> bool:
    """Whether ``text`` writes ``surname`` after a first name that is none of the leader's names."""
    theirs = set(name_words(_index_label(tenure)) + name_words(tenure.name))
    before = re.finditer(rf"\b([A-Z][\w'’\-]+)[ \u00a0]+{re.escape(surname)}\b", text)
    return any(not _DESCRIBING.fullmatch(m[1]) and fold_word(m[1]) not in theirs for m in before)


# "Mr Putin and Mr Trajkovski had a short talk": a leader the lead calls by surname alone, country unnamed.
_MISTER = re.compile(r"\bM(?:r|rs|s)\.?[ \u00a0]+(?P<surname>[A-Z][\w'’\-]+)")
# Words that may stand before a surname and are no first name: "Mr Trajkovski", "President Trajkovski".
_DESCRIBING = re.compile(r"M(?:r|rs|s)\.?|President|Prime|Minister|Premier|Chancellor|King|Queen|Emir|Sultan|"
                         r"Prince|Sheikh|The|With|And|Dear|Excellency|Majesty|Highness|General|Colonel", re.I)


def _by_surname_alone(text: str, date: str, doc: Document, named: list[str]) -> list[Person]:
    """Foreign heads of state or government ``text`` calls "Mr Surname" without naming their country: where
    that surname is, on ``date``, the surname of one leader only (in the leaders list), of one country, not
    among the ``named`` ones, that leader.  A surname several leaders share then ("Mr Kim") gives nobody, and
    so does one the page writes after another first name ("Director ... Viktor Ivanov" is no Gjorge Ivanov)."""
    from kg.people.gazetteer import default_gazetteer

    index = default_gazetteer().leaders()
    found: list[Person] = []
    for match in _MISTER.finditer(text):
        surname = re.sub(r"['’]s?$", "", match["surname"])
        folded = fold_word(surname)
        held = [t for qid in index.with_words(surname) for t in index.of_person(qid)
                if t.kind in _KINDS and t.held_on(date, 0) and t.country
                and similar_word(folded, _surname(_index_label(t)), edit_from=7)]
        if len({t.qid for t in held}) != 1 or len({t.country for t in held}) != 1 \
                or held[0].country in (doc.publisher_country, *named) \
                or _other_namesake(normalise(doc.text, quotes=False), surname, held[0]):
            continue
        tenure = sorted(held, key=lambda t: t.kind != "head_of_state")[0]
        if not any(p.qid == tenure.qid for p in found):
            label = _index_label(tenure)
            found.append(Person(_as_written(label, surname), tenure.office or _KINDS[tenure.kind], tenure.country,
                                qid=tenure.qid, label=label))
    return found


def _listed_countries(text: str) -> dict[str, bool]:
    """The countries a plural office is followed or preceded by a list of ("the Presidents of Russia,
    Armenia and Belarus"): each has its holder of that office there; True for a country listed only
    under "leaders" ("the leaders of Russia, China, ...", "the Russian and Moldavian leaders")."""
    from kg.people.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    listed: dict[str, bool] = {}
    for match in _LISTED.finditer(text):
        leaders = bool(match["leaders_of"] or match["leaders"])
        for mention in gazetteer.find_countries(match["after"] or match["before"] or match["dashed"]):
            listed[mention.code] = listed.get(mention.code, True) and leaders
    return listed


def _the_leader(tenures: list[LeaderInfo], doc: Document) -> list[tuple[LeaderInfo, str]]:
    """A country's leader, where a list of countries' "leaders" names no office: the head of state or of
    government whose surname the page writes (a Chancellor's, a Prime Minister's where the head of state
    is a monarch or stands aside), else the head of state."""
    written = {fold_word(w) for w in _CAPITALISED.findall(doc.text)}
    heads = sorted((t for t in tenures if t.kind in _KINDS), key=lambda t: t.kind != "head_of_state")
    named = [t for t in heads if _surname(_index_label(t)) in written]
    return [(t, "") for t in (named or heads)[:1]]


def _index_label(tenure: LeaderInfo) -> str:
    """The leaders list's label of a tenure's holder, or the tenure's own name."""
    from kg.people.gazetteer import default_gazetteer

    return default_gazetteer().leaders().label(tenure.qid) or tenure.name


def _as_written(label: str, surname: str) -> str:
    """The list's name with the surname the lead wrote: "Leonid Kutchma" read from "Mr Kuchma" is
    Leonid Kuchma, and "Emomali Rahmon" from "Rakhmonov" Emomali Rakhmonov (the gold format keeps
    the text's spelling, the usual form only for the words it leaves out)."""
    folded = _surname(label)
    words = label.split()
    for index in range(len(words) - 1, -1, -1):
        if name_words(words[index])[-1:] == [folded]:
            words[index] = re.sub(r"['’]s?$", "", surname)  # "Abbas’ visit": the name, not its possessive
            return " ".join(words)
    return label


def _beside(text: str, host: str) -> str:
    """The names written next to the host's, joined by "and": "Putin and Francois Hollande"."""
    words = r"(?:[A-Z][\w'’\-.]*[ \u00a0]+){0,3}"
    pattern = (rf"\b{re.escape(host)}[ \u00a0]+and[ \u00a0]+(?:the[ \u00a0]+)?({words}[A-Z][\w'’\-]*)"
               rf"|\b({words}[A-Z][\w'’\-]*)[ \u00a0]+and[ \u00a0]+{words}{re.escape(host)}\b")
    return " ".join(found for match in re.finditer(pattern, text) for found in match.groups() if found)


@lru_cache(maxsize=4096)
def _surname(name: str) -> str:
    """The word a lead would write: "Salman of Saudi Arabia" and "Alberto II da Bélgica" are written
    Salman and Albert, never by their realm."""
    realm = re.match(r"(?P<name>.*?)\s+(?:of|da|de|do|di|du)\s+(?P<realm>.+)$", name)
    if realm and (re.search(r"\b[IVX]+$", realm["name"]) or country_of(realm["realm"])):
        name = realm["name"]
    words = [w for w in name_words(name) if not re.fullmatch(r"[ivx]+", w)]
    return words[-1] if words else ""


# A leader named beside the host without an office: "Vladimir Putin and Benjamin Netanyahu unveiled the
# monument", "Vladimir Putin attended wreath-laying ceremonies along with Almazbek Atambayev", "Vladimir Putin,
# Emmanuel Macron, Angela Merkel and ... gave a joint news conference" (a list of names that the host opens).
_BESIDE_HOST = re.compile(r"(?:\b(?:and|along[ \u00a0]+with|together[ \u00a0]+with|alongside)|(?<=\w),)[ \u00a0]+"
                          r"(?P<name>[A-Z](?:(?![ \u00a0]and[ \u00a0])[^,;:()\n]){2,60})")


def named_beside_host(doc: Document, date: str | None, host: Person | None, occasion: bool = False) -> list[Person]:
    """Foreign leaders the title or lead names by full name beside the host, in a sentence whose subject
    he is: the leaders list says who they are on the day; the name keeps the text's spelling."""
    from kg.people.cast import Mention, name_at
    from kg.people.leaders import known_leader

    if not date or host is None or not host.name:
        return []
    surname = host.name.split()[-1]
    found: list[Person] = []
    for sentence in _lead(doc, occasion=occasion).split("\n"):
        at = sentence.find(surname)
        for match in _BESIDE_HOST.finditer(sentence, max(at, 0)) if at >= 0 else ():
            words = name_at(match["name"].split())
            known = known_leader(Mention(" ".join(words), None, None), date) if len(words) >= 2 else None
            if known and known.country and known.country != doc.publisher_country:
                found.append(Person(" ".join(words), known.office, known.country, qid=known.qid))
    return found

