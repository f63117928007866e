"""Numbers with their units, as leaders state them.

Shared by the commitment and figure extractors, because both need the same
reading of "over 200,000 Sputnik V vaccine doses" or "$1.5 billion": a value,
a unit and a qualifier kept out of the value.  Things that look like numbers
but measure nothing (dates, calendar years, clock times, ordinals, model
names such as "G7" or "COVID-19") are never returned, so callers only decide
*which* quantities matter, not *what* a number is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.extract.counted_nouns import COUNTS_AFTER_NAMES, named_before, of_count, plain_count, singular
from kg.extract.number_words import PATTERN as _WORDS, WORD_NUMBERS, word_value
from kg.extract.scaled_units import carry_scale, unit_further_on
from kg.inputs.text import MONTHS, normalise
from kg.model import Quantity, Span

SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mln": 1e6, "bln": 1e9, "bn": 1e9,
}
# Phrases before a number that say how exact it is; kept out of the value.
QUALIFIERS: dict[str, str] = {
    "a little over": "over", "a little more than": "more than", "just over": "over",
    "well over": "over", "more than": "more than", "over": "over", "above": "over",
    "exceeds": "more than", "exceeded": "more than", "exceeding": "more than",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "almost": "almost", "nearly": "almost", "close to": "almost",
    "up to": "up to", "at least": "at least", "less than": "less than", "under": "less than",
}
CURRENCY_SYMBOLS: dict[str, str] = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
# ISO codes and prefixed dollar signs written before an amount ("CAD $1.5 billion", "USD1.6 billion", "A$50 million").
CURRENCY_CODES: dict[str, str] = {
    **{code: code for code in ("USD", "CAD", "AUD", "NZD", "SGD", "EUR", "GBP", "CNY", "RUB", "JPY", "INR", "NOK",
                               "CHF")},
    "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "S$": "SGD",
}
# Every currency an amount can be read in (signs and unit words name these too: a test keeps them so).
CURRENCIES: frozenset[str] = frozenset(CURRENCY_CODES.values())
# Unit words after a number, matched on their lower-case form; the value is the unit name.
UNIT_WORDS: dict[str, str] = {
    "percent": "percent", "per cent": "percent", "%": "percent", "percentage points": "percent",
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "rubles": "RUB",
    "ruble": "RUB", "roubles": "RUB", "rouble": "RUB", "yuan": "CNY", "yen": "JPY",
    "rupees": "INR", "pounds sterling": "GBP", "pounds": "GBP", "krone": "NOK", "kroner": "NOK",
    "canadian dollars": "CAD", "australian dollars": "AUD", "swiss francs": "CHF",
    "tonnes": "tonne", "tonne": "tonne", "tons": "tonne", "ton": "tonne",
    "doses": "dose", "dose": "dose", "vaccines": "dose",
    "cubic metres": "cubic metre", "cubic meters": "cubic metre", "barrels": "barrel",
    "kilometres": "kilometre", "kilometers": "kilometre", "km": "km", "megawatts": "megawatt", "megawatt": "megawatt",
    "mw": "megawatt", "gigawatts": "gigawatt", "gw": "GW", "hectares": "hectare", "kwh": "kWh",
    "years": "year", "year": "year", "year-long": "year", "months": "month", "days": "day",
    "companies": "company", "enterprises": "enterprise", "joint ventures": "company",
    "firms": "company", "businesses": "company", "projects": "project",
    "units": "unit", "aircraft": "aircraft", "airplanes": "aircraft", "planes": "aircraft", "jets": "aircraft",
    "helicopters": "helicopter", "vehicles": "vehicle",
    "students": "person", "people": "person", "persons": "person", "citizens": "person",
    "tourists": "person", "workers": "person", "jobs": "person", "specialists": "person",
    "graduates": "person", "children": "person", "employees": "person", "migrants": "person",
    "soldiers": "person", "troops": "person", "doctors": "person", "teachers": "person",
    "pupils": "person", "visitors": "person", "residents": "person", "refugees": "person", "descendants": "person",
    "scientists": "person", "engineers": "person", "ministers": "person",
    "presidents": "person", "servicemen": "person", "experts": "person", "customers": "person",
    "clients": "person", "fans": "person", "spectators": "person", "participants": "person",
    "passengers": "person", "volunteers": "person", "athletes": "person", "researchers": "person",
    "officials": "person", "representatives": "person", "managers": "person", "professionals": "person",
    "firefighters": "person", "pilots": "person", "technicians": "person", "veterans": "person",
    "consumers": "person", "officers": "person", "peacekeepers": "person", "delegates": "person",
    "entrepreneurs": "person", "businessmen": "person", "smugglers": "person", "forces": "person",
    "detainees": "person", "individuals": "person", "servicemembers": "person", "service members": "person",
    "youths": "person", "personnel": "person", "prisoners": "person", "hostages": "person", "nationals": "person",
    "compatriots": "person", "immigrants": "person", "policemen": "person",
    "square metres": "square metre", "square meters": "square metre", "square kilometres": "square kilometre",
    "square kilometers": "square kilometre", "minutes": "minute", "hours": "hour", "weeks": "week",
    "fold": "times",  # "2.5-fold": a growth factor (gold calls it "times"; "N times" alone counts meetings)
    "meetings": "meeting", "times": "time", "rounds": "meeting", "visits": "visit",
}
_MONTH_NAMES = "|".join(MONTHS).lower()
# Words that end the noun phrase after a number: the unit must come before them.
_PHRASE_STOPS = frozenset(
    "of in to from for with at by on and or which that who whose is are was were has have "
    "had will would than as this these it its be been".split()
)
_UNIT_WINDOW = 4  # words after the number in which its unit noun may appear

# A decimal comma ("2,1 billion dollars") is read only before a scale word or a
# percent sign, where a thousands separator cannot stand.
_DECIMAL_COMMA = r"\d{1,3},\d{1,2}(?=[\s\u00a0-]*(?:thousand|million|billion|trillion|mln|bln|bn|percent|per cent|%))"
_DIGITS = rf"{_DECIMAL_COMMA}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = "|".join(SCALES)
_CODES = "|".join(re.escape(code) for code in sorted(CURRENCY_CODES, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?P<cur>(?-i:{_CODES})(?:\s?\$)?|US\$|[$€£¥])?\s?(?:(?P<digits>{_DIGITS})|\b(?P<words>{_WORDS}))"
    rf"(?:[\s\u00a0-]*(?P<scale>{_SCALE})\b)?",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w’'-]+|%|[^\w\s]")
# Every match of _NUMBER holds a digit or a number word, found by these scans ten times faster than by
# _NUMBER (:func:`_numbers`); the look-ahead on a number word's first letters lets the engine skip ahead.
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(rf"(?=[{''.join(sorted({w[0] for w in WORD_NUMBERS} | {'a'}))}])\b(?:{_WORDS})",
                          re.IGNORECASE)


_PREFIX_REACH = max(map(len, CURRENCY_CODES)) + 3  # a match starts at most a code, " $" and a space before its digit


def _numbers(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_NUMBER.finditer(text, start, end)``, each match searched for from :data:`_PREFIX_REACH` before the
    next digit or number word (none starts sooner): not trying the currency prefix at every character before."""
    pos, digit, word = start, -1, -1
    while True:
        if digit < pos:
            found = _DIGIT.search(text, pos, end)
            digit = found.start() if found else end
        if word < pos:
            found = _NUMBER_WORD.search(text, pos, end)
            word = found.start() if found else end
        if min(digit, word) >= end:
            return
        match = _NUMBER.search(text, max(pos, min(digit, word) - _PREFIX_REACH), end)
        if match is None:
            return
        yield match
        pos = match.end()


def _number_value(match: re.Match[str]) -> float:
    if match.group("digits"):
        digits = match.group("digits")
        if re.fullmatch(r"\d{1,3},\d{1,2}", digits):
            return float(digits.replace(",", "."))
        return float(digits.replace(",", ""))
    return word_value(match.group("words"))


def _currency(symbol: str) -> str:
    """The currency code of a sign or code written before an amount ("$", "CAD $", "USD", "A$")."""
    symbol = symbol.replace(" ", "").replace("\u00a0", "")
    if symbol.upper() in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[symbol.upper()]
    return CURRENCY_CODES.get(symbol, CURRENCY_CODES.get(symbol.rstrip("$"), "USD"))


# The second number of a range written with a dash and followed by its scale or unit: "15–20 billion", "2.9–3%".
_DASH_RANGE_END = re.compile(rf"[-–][\s\u00a0]?(?:{_DIGITS})[\s\u00a0-]*(?:{_SCALE}|percent|per cent|%|km\b|kilomet)",
                             re.IGNORECASE)
_DASH_RANGE_START = re.compile(r"\d[\s\u00a0]?[-–][\s\u00a0]?$")
_RANGE_UNIT = re.compile(r"[\s\u00a0-]*(?:percent|per cent|%|km\b|kilomet)", re.I)
# Unit abbreviations written against the number: "1GW", "5bn".
_JOINED_UNIT = re.compile(r"(?:GW|MW|bn|km)\b")
_MONTH_BEFORE = re.compile(r"(" + _MONTH_NAMES + r")\W{0,2}$")  # "March 1"
_MONTH_AFTER = re.compile(r"\W{0,2}(" + _MONTH_NAMES + ")")  # "1 March"


def _is_not_a_measure(text: str, match: re.Match[str], unit: str | None) -> bool:
    """Dates, years, times, ordinals and names that contain digits."""
    start = match.start("cur") if match.group("cur") else match.start(
        "digits" if match.group("digits") else "words")
    end = match.end()
    before = text[max(0, start - 12):start].lower()
    after = text[end:end + 12]
    # the look-back ends at ``start`` and is at most 5 characters long: search only those, not the whole text
    if start > 1 and _DASH_RANGE_START.search(text, max(0, start - 8), start) and \
            (match.group("scale") or _RANGE_UNIT.match(text, end)):
        return False  # the second number of "15–20 km", not of "2018–2019 school year"
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-–/:.^"):
        return True  # G7, COVID-19, 2019–2020, 1:28, the 30 of 10^30
    if re.search(r"\d[eE][+-]$", text[max(0, start - 24):start]) or text[end:end + 1] in ("^", "e", "E"):
        return True  # 1.79e+309 or 10^30: scientific notation is no count of anything
    if match.group("digits") and len(match.group("digits").replace(",", "").split(".")[0]) > 15:
        return True  # more digits than any real figure, and than a float holds exactly
    if match.group("digits") and not match.group("scale"):
        if (after[:1].isalpha() and not _JOINED_UNIT.match(after)) or after[:1] in ":/" or \
                re.match(r"(st|nd|rd|th)\b", after):
            return True  # 1990s, 90th, 1:28
        if re.match(r"[-–]\d", after) and not _DASH_RANGE_END.match(after + text[end + 12:end + 40]):
            return True  # a phone number or a range of years written with a dash
        if _MONTH_BEFORE.search(before):
            return True  # March 1
        if _MONTH_AFTER.match(after.lower()):
            return True  # 1 March
        digits = match.group("digits")
        if unit in (None, "year") and re.fullmatch(r"1[89]\d\d|20\d\d", digits) and not match.group("cur"):
            return True  # a calendar year: "in 2019", "the year 2019 Years of Culture", "making 2022 the year"
    return False


def _unit_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """Find the unit noun among the next few words, stopping at punctuation or a function word."""
    words: list[tuple[str, int, int]] = []
    for tok in _TOKEN.finditer(text, pos, limit):
        word = tok.group().lower()
        if tok.start() == pos and word.startswith("-") and len(word) > 1:
            word = word[1:]  # "a 33-percent growth"
        if word in "[]":
            continue
        if word == "%":
            return "percent", tok.end()
        if not (word[0].isalnum()) or word.isdigit() or word in WORD_NUMBERS:
            break  # "10 billion over the next five years": the years are the next number's
        words.append((word, tok.start(), tok.end()))
        if len(words) > _UNIT_WINDOW or word in _PHRASE_STOPS:
            break
    for i, (word, _, end) in enumerate(words):
        if i + 1 < len(words):
            pair = f"{word} {words[i + 1][0]}"
            if pair in UNIT_WORDS:
                return UNIT_WORDS[pair], words[i + 1][2]
        if word in _PHRASE_STOPS:
            break
        if word in UNIT_WORDS:
            return UNIT_WORDS[word], end
        if word.endswith("-year") or word.endswith("-year-long"):
            return "year", end
    return None, pos


# Words after "N million" that leave it an amount of money ("45 billion worth of goods").
_MONEY_CONTEXT = frozenset(
    "worth investment investments loan loans credit credits trade turnover contract contracts deal deals "
    "package programme program fund funds budget annually per each a an the more less".split())
_COUNTED = re.compile(r"[\s\u00a0]+((?:[a-z][a-z-]+\s+)?[a-z][a-z-]+?s)\b(?<!ss)(?<!us)(?<!is)")


# "500 Palestinians", "1 million Russian-speaking Israelis": people named by a demonym.
_DEMONYM_PLURAL = re.compile(r"[\s\u00a0]+(?:[\w-]+[\s\u00a0]+){0,1}?(?-i:[A-Z])[a-z]+(?:ians|ans|is|ese|ks|hs|ers)\b(?![\s\u00a0]+(?-i:[A-Z]))")
_AMMUNITION = re.compile(r"[\s\u00a0]+of[\s\u00a0]+(?:[\w-]+[\s\u00a0]+)?(?:ammunition|artillery|shells|munitions)",
                         re.I)
_NEXT_WORD = re.compile(r"[\s\u00a0]+([a-z][a-z-]*s)\b")
# Words ending in "s" that are no plural noun: "1 million Americans across all 50 states" counts Americans.
_NOT_PLURALS = frozenset("across always perhaps unless besides towards whereas thus plus less".split())


def _noun_after(text: str, pos: int, limit: int) -> bool:
    """Whether a lower-case plural noun follows: then the demonym before it is an adjective."""
    match = _NEXT_WORD.match(text, pos, limit)
    return bool(match) and match.group(1) not in _PHRASE_STOPS and match.group(1) not in _NOT_PLURALS


# "increased 2.2 times", "three times more": a growth factor, not a count of meetings.
_GROWTH_BEFORE = re.compile(r"\b(?:increased|grew|grown|rose|risen|up|expanded|multiplied|jumped|decreased|fell|"
                            r"dropped|declined|went up|gone up)[\s\u00a0]+(?:by[\s\u00a0]+)?(?:almost|nearly|over|"
                            r"more than|about)?[\s\u00a0]*$", re.I)
_GROWTH_AFTER = re.compile(r"[\s\u00a0]*(?:more|less|higher|lower|larger|greater|faster|over|as much)\b", re.I)


def _growth_factor(text: str, match_start: int, unit_end: int) -> bool:
    """Whether "N times" measures a growth ("increased 2.2 times") rather than counting events."""
    return bool(_GROWTH_BEFORE.search(text[max(0, match_start - 40):match_start]) or
                _GROWTH_AFTER.match(text, unit_end))


def _counted_noun(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """The thing a scaled number counts, singular: "2.1 million overnight stays" counts "overnight stay".

    Without it "N million" reads as dollars; with a plural noun that names no
    money it is a count of that noun.
    """
    match = _COUNTED.match(text, pos, limit)
    if match is None:
        return None
    words = match.group(1).split()
    if any(w in _MONEY_CONTEXT or w in _PHRASE_STOPS for w in words):
        return None
    return " ".join(words[:-1] + [singular(words[-1])]), match.end()


@lru_cache(maxsize=1)
def _qualifier_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each qualifier phrase as a regex ending the text before a number, longest phrase first;
    compiled once, where the loop used to format, look up and sort them for every number."""
    return tuple((re.compile(rf"\b{re.escape(phrase)}\s*(?:by\s+)?$"), QUALIFIERS[phrase])
                 for phrase in sorted(QUALIFIERS, key=len, reverse=True))


_TRAILING_DASHES = re.compile(r"[\s—–-]+$")


def _qualifier_before(text: str, start: int) -> str | None:
    before = normalise(text[max(0, start - 30):start].lower(), quotes=False)
    before = _TRAILING_DASHES.sub(" ", before)
    for pattern, qualifier in _qualifier_patterns():
        if pattern.search(before):
            return qualifier
    return None


def parse_quantities(text: str, start: int, end: int) -> list[Quantity]:
    """Every measured number in ``text[start:end]``, in order of appearance.

    A number with a scale word and no unit ("45 billion") is taken as US
    dollars, the genre's habit for trade figures.  In a range ("from 1.5 to
    6.5 percent") the first number takes the unit of the second.
    """
    return list(_quantities(text, start, end))


@lru_cache(maxsize=512)
def _quantities(text: str, start: int, end: int) -> tuple[Quantity, ...]:
    """:func:`parse_quantities`, kept for the sentences read again: the figures, the commitments and the
    reader's features each parse the same sentence (a quarter of the calls).  A page's text hashes once;
    Quantity is frozen, so the cached tuple is safe to share."""
    found: list[Quantity] = []
    for match in _numbers(text, start, end):
        value = _number_value(match)
        scale = match.group("scale")
        if scale:
            value *= SCALES[scale.lower()]
        unit, unit_end = _unit_after(text, match.end(), end)
        if match.group("cur"):
            currency = _currency(match.group("cur"))
            if unit != currency:  # "$10 billion over 5 years": the years are another quantity
                unit_end = match.end()
            unit = currency
        if _is_not_a_measure(text, match, unit):
            continue
        if unit in COUNTS_AFTER_NAMES and match.group("digits") and not scale and \
                named_before(text[max(0, match.start("digits") - 30):match.start("digits")]):
            continue  # "the Sukhoi Superjet 100 aircraft", "Boeing 737 planes": the number ends a name
        if match.group("words") and unit is None and not scale:
            continue  # "one of the most important" is no quantity
        if unit == "meeting" and _AMMUNITION.match(text, unit_end):
            unit = "round"  # "2 million rounds of artillery ammunition"
        if unit == "time" and _growth_factor(text, match.start("digits" if match.group("digits") else 0),
                                             unit_end):
            unit = "times"
        if unit is None and (demonym := _DEMONYM_PLURAL.match(text, match.end(), end)) and \
                not _noun_after(text, demonym.end(), end):  # "20 Chinese cities" counts cities
            unit, unit_end = "person", demonym.end()
        if unit is None and scale and SCALES[scale.lower()] >= 1e6:
            unit, unit_end = unit_further_on(text, match.end(), end, UNIT_WORDS, _PHRASE_STOPS) or \
                _counted_noun(text, match.end(), end) or ("USD", unit_end)
        elif unit is None and match.group("digits") and not scale and \
                not named_before(text[max(0, match.start("digits") - 30):match.start("digits")]):
            unit, unit_end = plain_count(text, match.end(), end, _PHRASE_STOPS) or \
                of_count(text, match.end(), end, UNIT_WORDS, _PHRASE_STOPS) or (None, unit_end)
        span_start = match.start("cur") if match.group("cur") else match.start(
            "digits" if match.group("digits") else "words")
        found.append(Quantity(value=value, unit=unit, qualifier=_qualifier_before(text, span_start),
                              span=Span(span_start, max(unit_end, match.end()))))
    shared = _share_units(text, found)
    return tuple(carry_scale(text, shared, lambda q: _magnitude(text, q), CURRENCIES))


def _share_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """Give a bare number the unit of its neighbour in a range or a breakdown.

    "between 1.5 and 6.5 percent" and "from 22 to 30 percent" give the first
    number the second's unit; "16,000 students, including 6,500 whose ..."
    gives the second the first's.
    """
    out = list(found)
    for i, q in enumerate(out):
        if q.span is None:
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        prev = out[i - 1] if i > 0 else None
        if nxt is not None and nxt.span is not None and nxt.unit and (q.unit is None or q.unit == nxt.unit):
            gap = text[q.span.end:nxt.span.start].strip().lower()
            bare = q.unit is None or (_magnitude(text, q) == 1.0 and text[q.span.end - 1].isdigit())  # "$15–20 bn"
            if gap in ("to", "and", "-", "–", "or") and bare:
                scale = _magnitude(text, nxt) if q.value < _magnitude(text, nxt) else 1.0
                out[i] = Quantity(q.value * scale, nxt.unit, q.qualifier, q.span)
                continue
        if q.unit is not None:
            continue
        if prev is not None and prev.unit and prev.unit not in CURRENCIES:
            # normalised: pages keep their non-breaking spaces ("1,500 of\u00a0them")
            before = normalise(text[max(0, q.span.start - 25):q.span.start]).lower()
            after = normalise(text[q.span.end:q.span.end + 10]).lower()
            if re.search(r"(including|of them|of whom|another)\W+(\w+\W+){0,2}$", before) or \
                    re.match(r"\s*(whose|of whom|of them)\b", after):
                out[i] = Quantity(q.value, prev.unit, q.qualifier, q.span)
    return out


def _magnitude(text: str, q: Quantity) -> float:
    """The scale factor a quantity's text applied (1e9 for "3 billion")."""
    assert q.span is not None
    match = _NUMBER.match(text, q.span.start)
    return q.value / _number_value(match) if match else 1.0

