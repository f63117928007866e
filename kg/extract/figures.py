"""Figures: the numbers leaders state about their countries' relations.

Every measured number in a leader's (or the narrator's) sentence is a
figure, except what the genre uses numbers for besides measuring relations:
time references ("eight months after", "over the past ten years"), ages,
counts of meetings, written-out small counts ("two units", unless they are a
commitment's quantity), numbers about one country's domestic affairs, and
anything a journalist says.  Dates, calendar years and ordinals never reach
this module: :func:`kg.extract.quantities.parse_quantities` drops them.
"""

from __future__ import annotations

import re

from kg.extract.quantities import parse_quantities
from kg.extract.regex_gate import possible_in
from kg.inputs.text import normalise
from kg.model import Document, Figure, Person, Quantity, Span, evolve, is_press_label

NOT_FIGURE_UNITS = frozenset({"meeting", "time", "visit", "month", "week", "day", "hour", "minute"})
# Around a number of years, words that make it a point in time or an age, not a length.
TIME_REFERENCE_BEFORE = re.compile(r"\b(?:past|last|ago|after|within|since|before|aged|age of|every|"
                                   r"first|next few|coming)\s+(?:\w+\s+)?$", re.I)
TIME_REFERENCE_AFTER = re.compile(r"^\s*(?:ago|later|after|since|before|old|of age)\b", re.I)
# "200 last year", "300 this year": "year" names a time, not the number's unit.
_YEAR_AS_TIME = re.compile(r"\b(?:last|this|next|that|per|each|every)\s+years?\b", re.I)
# "60 years since the establishment of diplomatic relations" is the length of a relationship.
# So is "50 years since the first delivery of gas" or "20 years of our partnership": a joint undertaking's length.
LENGTH_OF_RELATIONS = re.compile(r"\s*(?:since|of)\s+(?:the\s+|our\s+)?(?:establish\w*|(?:[\w'’-]+\s+){0,3}?"
                                 r"(?:relations|relationship|ties|supplies|supply|deliveries|delivery|cooperation|"
                                 r"partnership|alliance|treaty|agreement|friendship)\b)", re.I)
# "the 85th anniversary of our bilateral relations": an ordinal that measures a relationship's length.
ORDINAL_WORDS: dict[str, int] = {
    "fifth": 5, "tenth": 10, "fifteenth": 15, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
ANNIVERSARY_OF_RELATIONS = re.compile(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary|\b(?P<w>" + "|".join(ORDINAL_WORDS) + r")\s+anniversary",
    re.I)
# What an anniversary measures: relations, or a joint undertaking that has lasted
# ("the 50th anniversary of gas supplies", "of the first contract on gas supplies").
_RELATIONS_AFTER_ANNIVERSARY = re.compile(
    r"\s+of\s+(?:the\s+)?(?:establish\w*\s+(?:of\s+)?)?(?:the\s+|our\s+)?(?:[\w'’.-]+\s+){0,6}?"
    r"(?:relations|relationship|ties|supplies|deliveries|cooperation|partnership|alliance|treaty|agreement)\b",
    re.I)
# In a sentence about a relationship, "65 years ago ... established relations" and "over the past
# 70 years, the alliance" tell its length: the rules keep them and the filter decides.
RELATIONSHIP_CONTEXT = re.compile(r"\b(?:(?:diplomatic\s+)?relations|relationship|alliance|partnership|treaty|"
                                  r"friendship|establish\w*|allies|ties)\b", re.I)
# Spoken in dollars: "$" and "dollars" are the speaker's country's own dollar.
DOLLAR_COUNTRIES: dict[str, str] = {"CAN": "CAD", "AUS": "AUD", "NZL": "NZD", "SGP": "SGD"}
_US_DOLLAR = re.compile(r"US\$|USD|U\.S\.|US dollar|American dollar", re.I)
# Units that measure rather than count: a written-out "two percent" is a figure, "two ministers" is not.
MEASURED_UNITS = frozenset({"percent", "times", "USD", "EUR", "RUB", "GBP", "CNY", "JPY", "INR", "CAD", "AUD",
                            "NZD", "SGD", "NOK", "CHF"})
DOMESTIC = re.compile(r"\b(?:GDP|inflation|unemployment|birth rate|population|budget deficit|"
                      r"domestic|our economy|the economy|national debt|harvest)\b", re.I)
RELATIONS = re.compile(r"\b(?:trade|bilateral|mutual|between|both|exports?|imports?|invest\w*|"
                       r"supplie\w*|deliver\w*|joint|partner\w*|relations|union|integration|join\w*|students)\b",
                       re.I)
# Nouns that say what a percentage or an amount of money measures.
ABOUT_NOUNS = re.compile(
    r"\b(?:trade(?: turnover)?|turnover|investments?|exports?|imports?|freight(?: volumes?)?|"
    r"GDP(?: growth)?|growth|supplies|deliveries|loans?|credit|tourist flow|share|volume|"
    r"economic effect|production|output|(?:natural )?gas|oil|grain|coal|wheat|fertili[sz]ers?|vaccines?|"
    r"tourists?|students?|revenue|capital|financing)\b", re.I)
_SMALL = 100
# Mentions of foreign countries per 1,000 characters from which a page of one country's officials is
# about relations (a news conference abroad, a talk with foreign business), not about domestic affairs.
FOREIGN_DENSITY = 1.5


def extract_figures(doc: Document) -> Document:
    """Fills ``doc.figures``; a commitment's written-out quantity counts too."""
    if _is_domestic_meeting(doc):
        return evolve(doc, figures=())
    commitment_spans = {c.quantity.span for c in doc.commitments if c.quantity and c.quantity.span}
    text = doc.text
    norm = normalise(text)
    possible = possible_in(norm, (CENTURIES, ANNIVERSARY_OF_RELATIONS))  # most pages tell no anniversary
    figures: list[Figure] = []
    for utterance in doc.utterances:
        if utterance.is_journalist:
            continue
        for sentence in utterance.sentences:
            anniversaries = _anniversaries(norm, sentence, possible)
            quantities = parse_quantities(text, sentence.start, sentence.end) + anniversaries
            if not quantities:  # as most sentences: the tests of the sentence below are for its quantities
                continue
            quote = norm[sentence.start:sentence.end]
            domestic_only = DOMESTIC.search(quote) and not RELATIONS.search(quote)
            relationship = bool(RELATIONSHIP_CONTEXT.search(quote))
            stated: set[tuple[float, str | None]] = set()  # a number said again in its sentence is one figure
            for quantity in quantities:
                if quantity not in anniversaries and \
                        not _is_figure(norm, quantity, quantity.span in commitment_spans, relationship):
                    continue
                if domestic_only:
                    continue
                quantity = _own_dollar(norm, quantity, utterance.speaker)
                if (quantity.value, quantity.unit) in stated:
                    continue  # "50 nations — 50 nations", "the 25th anniversary ... these 25 years"
                stated.add((quantity.value, quantity.unit))
                figures.append(Figure(quantity=quantity, about=_about(norm, sentence, quantity),
                                      span=sentence, utterance=utterance.index,
                                      speaker=utterance.speaker))
    return evolve(doc, figures=tuple(figures))


def _is_figure(norm: str, quantity: Quantity, is_commitment_quantity: bool, relationship: bool = False) -> bool:
    span = quantity.span
    if quantity.unit is None or quantity.unit in NOT_FIGURE_UNITS or span is None:
        return False
    if quantity.unit == "year" and _YEAR_AS_TIME.search(norm, span.start, span.end):
        return False  # "it stood at 200 last year": the year is when, the number has no unit
    written_out = not any(ch.isdigit() for ch in norm[span.start:span.end])
    if written_out and quantity.value < _SMALL and not is_commitment_quantity and \
            quantity.unit not in MEASURED_UNITS and not (quantity.unit == "year" and relationship):
        return False
    if quantity.unit == "year":
        before = norm[max(0, span.start - 25):span.start]
        after = norm[span.end:span.end + 15]
        if LENGTH_OF_RELATIONS.match(norm, span.end, span.end + 60):
            return True
        if (TIME_REFERENCE_BEFORE.search(before) or TIME_REFERENCE_AFTER.match(after)) and not relationship:
            return False
    return True


def _own_dollar(norm: str, quantity: Quantity, speaker: Person | None) -> Quantity:
    """A Canadian's or an Australian's "$15 million" is in their own dollars, unless the text says US."""
    if quantity.unit != "USD" or speaker is None or speaker.country not in DOLLAR_COUNTRIES or quantity.span is None:
        return quantity
    phrase = norm[max(0, quantity.span.start - 5):quantity.span.end]
    if _US_DOLLAR.search(phrase) or not ("$" in phrase or "dollar" in phrase.lower()):
        return quantity
    return evolve(quantity, unit=DOLLAR_COUNTRIES[speaker.country])


# "the centenary of our diplomatic relations", "for more than a century", "spanning over five centuries"
CENTURIES = re.compile(r"\b(?:(?P<centenary>centenary)|(?P<n>a|one)\s+century|"
                       r"(?P<m>two|three|four|five|six|seven|eight|nine|ten)\s+centuries)\b(?!-)", re.I)
_TOGETHER = re.compile(r"\b(?:together|our (?:two )?(?:countries|nations|peoples))\b", re.I)
_CENTURY_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9, "ten": 10}


def _anniversaries(norm: str, sentence: Span, possible: tuple[bool, bool] = (True, True)) -> list[Quantity]:
    """Years of a relationship told as an anniversary ("the tenth anniversary of diplomatic relations")
    or in centuries, in a sentence about a relationship.  ``possible``: whether the page may hold
    :data:`CENTURIES` and :data:`ANNIVERSARY_OF_RELATIONS` at all (:func:`kg.extract.regex_gate.possible_in`)."""
    found: list[Quantity] = []
    centuries, anniversary = possible
    if not (centuries or anniversary):
        return found
    if centuries and (RELATIONSHIP_CONTEXT.search(norm, sentence.start, sentence.end) or
                      _TOGETHER.search(norm[sentence.start:sentence.end])):
        for match in CENTURIES.finditer(norm, sentence.start, sentence.end):
            count = match.group("n") or match.group("m")
            value = 100 * _CENTURY_COUNT[count.lower()] if count else 100
            found.append(Quantity(value=value, unit="year", span=Span(match.start(), match.end())))
    for match in ANNIVERSARY_OF_RELATIONS.finditer(norm, sentence.start, sentence.end) if anniversary else ():
        if not _RELATIONS_AFTER_ANNIVERSARY.match(norm, match.end(), sentence.end):
            continue
        value = int(match.group("n")) if match.group("n") else ORDINAL_WORDS[match.group("w").lower()]
        found.append(Quantity(value=value, unit="year", span=Span(match.start(), match.end())))
    return found


def _is_domestic_meeting(doc: Document) -> bool:
    """A meeting with officials of one country only: its numbers concern no relations.

    The head of an international organisation (the European Commission) is a
    foreign counterpart even without a country.
    """
    if not doc.is_meeting and _foreign_mentions_per_1000(doc) >= FOREIGN_DENSITY:
        return False  # a news conference or a talk with business about other countries: the filter decides
    return one_country_cast(doc)


def _foreign_mentions_per_1000(doc: Document) -> float:
    foreign = sum(1 for c in doc.countries if c.code != doc.publisher_country)
    return 1000 * foreign / max(1, len(doc.text))


def one_country_cast(doc: Document) -> bool:
    """Whether every person of the page (press labels aside) is of the publisher's country."""
    # press labels only: a nameless official with no office still makes the meeting domestic
    people = [p for p in (doc.participants or doc.cast) if not is_press_label(p.name.strip())]
    return bool(people) and all(p.country in (None, doc.publisher_country) and p.organisation is None
                                for p in people)


_OF_PHRASE = re.compile(r"\s+of\s+((?:[\w'-]+\s+){0,4}[\w'-]+)")
# Words that end a noun phrase taken for ``about``, and words that open it but say nothing.
_PHRASE_END = frozenset("of from to between in into with were was is are and that which for on by during as "
                        "at than have has had will would this".split())
_PHRASE_OPENERS = frozenset("the a an our their your its his her these those".split())
_TIME_WORDS = frozenset("year years month months quarter period week weeks day days".split())
# Units whose own word says nothing about what is measured ("tonnes", "percent", "$").
MEASURE_UNITS = frozenset({"USD", "EUR", "RUB", "GBP", "CNY", "JPY", "INR", "CAD", "AUD", "NZD", "SGD", "NOK", "CHF",
                           "percent", "tonne", "cubic metre", "barrel", "year", "km", "kilometre", "megawatt",
                           "gigawatt", "GW", "hectare", "kWh", "times"})
_EVENT_OF_RELATIONS = frozenset("restoration establishment establishing resumption start beginning signing".split())
_RELATIONS_NOUN = re.compile(r"\b((?:diplomatic\s+|bilateral\s+|our\s+)?relations|partnership|cooperation)\b", re.I)
_SCALE_OR_NUMBER = re.compile(r"^(?:thousand|million|billion|trillion|[a-z]+(?:ty|teen)|one|two|three|four|five|six|"
                              r"seven|eight|nine|ten|eleven|twelve|hundred|a|half)$", re.I)


def _noun_phrase(words: list[str]) -> str | None:
    """The leading noun phrase of ``words``: openers dropped, cut at the first function word."""
    kept: list[str] = []
    for word in words:
        if word.lower() in _PHRASE_END:
            break
        if not kept and word.lower() in _PHRASE_OPENERS:
            continue
        kept.append(word)
    if not kept or all(w.lower() in _TIME_WORDS for w in kept) or kept[-1].lower() in _TIME_WORDS:
        return None
    return " ".join(kept)


def _about(norm: str, sentence: Span, quantity: Quantity) -> str | None:
    """A few words for what the number measures.

    In order: a relationship's length names the relationship; the noun phrase
    after "of" ("30 million tonnes of oil"); the noun a count is of ("5,500
    enterprises"); the topic noun nearest before the number ("trade grew by 7
    percent"), else the first after it.
    """
    assert quantity.span is not None
    phrase = norm[quantity.span.start:quantity.span.end]
    words = re.sub(r"^[\s$€£¥\d.,]+|\[|\]", " ", phrase).split()
    words = [w for w in words if not _SCALE_OR_NUMBER.match(w)]
    of_phrase = _OF_PHRASE.match(norm, quantity.span.end, sentence.end)
    noun = _noun_phrase(of_phrase.group(1).split()) if of_phrase and quantity.unit != "percent" else None
    if quantity.unit == "year" and (noun is None or noun.lower() in _EVENT_OF_RELATIONS):
        # "the 25th anniversary of the restoration of our diplomatic relations"
        relation = _RELATIONS_NOUN.search(norm, quantity.span.end, min(sentence.end, quantity.span.end + 80))
        if relation:
            return relation.group(1).lower().removeprefix("our ").strip()
    if noun:
        return noun
    if quantity.unit not in MEASURE_UNITS and words:
        return " ".join(words)
    before = [m.group() for m in ABOUT_NOUNS.finditer(norm, sentence.start, quantity.span.start)]
    if before:
        return before[-1].lower()
    after = ABOUT_NOUNS.search(norm, quantity.span.end, sentence.end)
    if after:
        return after.group().lower()
    return None
