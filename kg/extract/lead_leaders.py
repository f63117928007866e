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
  country adjectives gives each country's holder of that office ("leaders"
  is left alone: which office leads differs from country to country).

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
from kg.people.namekey import fold_word, name_words, similar_word
from kg.people.usualnames import usual_name

_LEAD_SENTENCES = 2
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
_PLURAL_OFFICE = re.compile(r"\b(Presidents|Prime Ministers|heads of (?:\w+ )?states?)\b", re.I)
_PLURAL_MAX = 4  # past a handful of countries a plural office is a summit's, and guessing its members fails
# A plural office over a list of countries names each of them, however many: "The Presidents of Russia,
# Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan", "the Russian, Armenian, ... and Tajik presidents".
_COUNTRY = r"[A-Z][\w'’\-]+(?:[ \u00a0]+[A-Z][\w'’\-]+){0,2}"
_COUNTRY_LIST = rf"(?:(?:,|[ \u00a0]+and)[ \u00a0]+(?:the[ \u00a0]+)?{_COUNTRY})+"
_LISTED = re.compile(rf"\b(?i:presidents|prime ministers|heads[ \u00a0]+of[ \u00a0]+state)[ \u00a0]+of[ \u00a0]+"
                     rf"(?:the[ \u00a0]+)?(?P<after>{_COUNTRY}{_COUNTRY_LIST})"
                     rf"|(?P<before>\b[A-Z][\w'’\-]+(?:,[ \u00a0]+[A-Z][\w'’\-]+)*,?[ \u00a0]+and[ \u00a0]+[A-Z][\w'’\-]+)"
                     rf"[ \u00a0]+(?i:presidents|prime ministers|heads[ \u00a0]+of[ \u00a0]+state)\b"
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
    title = normalise(doc.quote(doc.title), quotes=False) if doc.title else ""  # the lead may speak of others
    single = {country_of(m["country"]): _SINGULAR_KIND[normalise(m["office"])] for m in _SINGULAR.finditer(title)}
    found: list[Person] = []
    for country in countries:
        tenures = [t for t in index.of_country(country, date, 0) if t.kind in _KINDS]
        named = [(t, w) for t in tenures if _surname(index.label(t.qid) or t.name) for w in written
                 if w == _surname(index.label(t.qid) or t.name) or len(w) > 3
                 and similar_word(w, _surname(index.label(t.qid) or t.name), edit_from=7)]
        if not named and plural and (len(countries) <= _PLURAL_MAX or country in listed) and not beside:
            kind = _PLURAL_KIND.get(plural.group(1).lower(), "head_of_state")  # "heads of six states"
            named = [(t, "") for t in tenures if t.kind == kind]
        if not named and country in single and not beside:
            named = [(t, "") for t in tenures if t.kind == single[country]]
        for tenure, word in named[:1]:
            label = index.label(tenure.qid) or tenure.name
            name = _as_written(label, written[word]) if word else usual_name(tenure.qid, date, label)
            found.append(Person(name, tenure.office or _KINDS[tenure.kind], country, qid=tenure.qid, label=label))
    return found


def _listed_countries(text: str) -> set[str]:
    """The countries a plural office is followed or preceded by a list of ("the Presidents of Russia,
    Armenia and Belarus"): each has its holder of that office there."""
    from kg.people.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    return {mention.code for match in _LISTED.finditer(text)
            for mention in gazetteer.find_countries(match["after"] or match["before"] or match["dashed"])}


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
# monument", "Vladimir Putin attended wreath-laying ceremonies along with Almazbek Atambayev".
_BESIDE_HOST = re.compile(r"\b(?:and|along[ \u00a0]+with|together[ \u00a0]+with|alongside)[ \u00a0]+"
                          r"(?P<name>[A-Z][^,;:()\n]{2,60})")


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

