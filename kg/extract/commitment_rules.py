"""Small rules over one sentence: clauses, type cues, status, items, titles.

Each function reads a normalised copy of the transcript text (see
:func:`kg.inputs.text.normalise`) so patterns need not care about non-breaking spaces or
curly apostrophes, and returns offsets valid in the original text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import cues
from kg.extract.regex_gate import case_safe, first_chars, union_texts
from kg.model import Span

# clause breaks; those after a space share one \s+ (same matches as one by one: tests/test_commitments.py)
_CLAUSE_BREAK = re.compile(
    r";\s+|:\s+(?=[a-z])|,\s+(?:and|but|while|whereas)\s+(?=\w)"
    r"|\s+(?:and\s+(?=(?:we|they|you|I)\b|that\b)|but\s+(?=(?:we|they|you|I)\b))"
)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=None)
def alternation(patterns: tuple[str, ...]) -> re.Pattern[str]:
    r"""All patterns as one regex, each its own group (``lastindex`` says which matched).

    One scan finds the earliest match of any of them, and at one position the
    alternative listed first wins: the same match a loop over the patterns
    keeping the earliest would give, at a fraction of the cost.  Neighbouring patterns that begin with
    ``\b`` share it and a test of their first letters (:func:`kg.extract.regex_gate.first_chars`), so at most
    positions the engine fails once instead of once per pattern.
    """
    branches: list[str] = []
    run: list[str] = []  # consecutive patterns that start at a word boundary share one
    for pattern in [*patterns, ""]:  # "" ends the last run
        if pattern.startswith(r"\b") and not _has_top_level_bar(pattern):
            run.append(pattern[2:])
            continue
        if run:
            firsts = [first_chars(rest, re.IGNORECASE) for rest in run]
            test = "" if None in firsts else "(?=[" + "".join(map(re.escape, sorted(set().union(*firsts)))) + "])"
            branches.append(r"\b" + test + "(?:" + "|".join(f"({rest})" for rest in run) + ")")
            run = []
        branches += [f"({pattern})"] if pattern else []
    return re.compile("|".join(branches), re.IGNORECASE)


def _has_top_level_bar(pattern: str) -> bool:
    r"""Whether ``pattern`` is an alternation at its top level ("\ba|\bb")."""
    depth, escaped, in_class = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def search_any(patterns: tuple[str, ...], text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The earliest match of any pattern in ``text[start:end]`` (the first listed at a tie).

    Most of these searches find nothing: a text holding none of the texts every match needs
    (:func:`kg.extract.regex_gate.union_texts`, lower-cased, as the alternation ignores case) is passed over
    without the regex, at a tenth of its cost (when :func:`kg.extract.regex_gate.case_safe` says it may be)."""
    if not patterns:
        return None
    end = len(text) if end is None else end
    needed = union_texts(patterns, re.IGNORECASE)
    if needed:
        part = text[start:end]
        if case_safe(part) and not any(map(part.lower().__contains__, needed)):
            return None
    return alternation(patterns).search(text, start, end)


def clauses(norm: str, sentence: Span) -> list[Span]:
    """Split a sentence where a new clause with its own subject begins."""
    out, start = [], sentence.start
    for match in _CLAUSE_BREAK.finditer(norm, sentence.start, sentence.end):
        if norm[start:match.start()].strip():
            out.append(Span(start, match.start()))
        start = match.end()
    if norm[start:sentence.end].strip():
        out.append(Span(start, sentence.end))
    return out


def _is_name_part(text: str, match: re.Match[str]) -> bool:
    """A capitalised cue mid-sentence is part of a name ("Shanghai Cooperation Organisation")."""
    if not match.group()[:1].isupper():
        return False
    before = text[max(0, match.start() - 3):match.start()].rstrip()
    return bool(before) and before[-1] not in ".!?\n\"“"


def find_type_cues(norm: str, clause: Span) -> list[tuple[str, re.Match[str]]]:
    """Every (type, cue match) in the clause, earliest per type, minus excluded ones.

    A type runs only where the clause holds one of its keywords; its cues are
    then scanned as one alternation, and only when the earliest match is part
    of a name does the slower per-pattern walk look further.
    """
    found: list[tuple[str, re.Match[str]]] = []
    folded = norm[clause.start:clause.end].casefold()
    # plain substring tests in C: a third quicker than one regex of a type's keywords per type
    held = folded.__contains__
    kinds = [kind for kind in cues.TYPE_CUES if any(map(held, cues.TYPE_KEYWORDS[kind]))]
    if not kinds or search_any(cues.EXCLUDE_ALL, norm, clause.start, clause.end):
        return found
    for kind in kinds:
        patterns = cues.TYPE_CUES[kind]
        match = alternation(patterns).search(norm, clause.start, clause.end)
        if match is None or search_any(cues.EXCLUDE_BY_TYPE.get(kind, ()), norm, clause.start, clause.end):
            continue
        if not _is_cue(kind, patterns[match.lastindex - 1], norm, match, clause):
            match = _earliest_cue(kind, patterns, norm, clause)
        if match is not None:
            found.append((kind, match))
    return sorted(found, key=lambda km: km[1].start())


def _is_cue(kind: str, pattern: str, norm: str, match: re.Match[str], clause: Span) -> bool:
    """A match that is no part of a name ("Shanghai Cooperation Organisation") nor a bare topic word."""
    if kind in ("Cooperation", "Investment") and pattern not in cues.CAPITALISED_BY_NATURE \
            and _is_name_part(norm, match):
        return False
    if kind == "Cooperation" and is_topic_word(norm, clause, match):
        return False
    return not _NAME_TAIL.match(norm, match.end(), match.end() + 60)


def is_topic_word(norm: str, clause: Span, cue: re.Match[str]) -> bool:
    """A cue that names no area: talk of relations in general, not a joint effort.

    "Cooperation" with only generic words before it and no area after it
    ("developing bilateral cooperation in the spirit of partnership"), bare
    "joint efforts"/"working together" aimed at nothing but the relations
    themselves, and ties or a partnership qualified only by generic words.
    """
    word, after = cue.group(), norm[cue.end():clause.end]
    if re.fullmatch(cues.BARE_JOINT_WORK, word, re.I):
        if _compiled(cues.JOINT_WORK_CHANNEL).search(norm, clause.start, clause.end):
            return False
        return not re.match(cues.JOINT_WORK_AIM_AFTER, after, re.I) or _generic_aim(after)
    if re.fullmatch(r"(?:contacts|ties|projects) in", word, re.I):
        return re.match(cues.QUANTIFIED_AREA, after, re.I) is not None
    if re.fullmatch(cues.GENERIC_TIES, word, re.I):
        return not re.match(cues.TIES_AREA_AFTER, after, re.I) or _generic_aim(after)
    if not re.fullmatch(r"co-?operation|collaboration", word, re.I):
        return False
    if re.match(cues.COOPERATION_AREA_AFTER, after, re.I) and not _generic_aim(after):
        return False
    before = norm[max(clause.start, cue.start() - 40):cue.start()]
    if _generic_aim(after) and re.search(cues.GROWTH_VERB_BEFORE, before, re.I):
        return True  # "strengthen cooperation in all spheres": growth of relations in general
    return not before.strip() or re.search(cues.GENERIC_BEFORE_COOPERATION, before) is not None


def _generic_aim(after: str) -> bool:
    """What follows a cue names no area: "in all spheres", "to strengthen relations"."""
    return bool(re.match(cues.GENERIC_AREA_AFTER, after, re.I) or re.match(cues.GENERIC_AIM, after, re.I))


_NAME_TAIL = re.compile(r"(?:\s+[A-Z][\w-]*)*\s+" + cues.NAME_TAILS)  # case matters: names


def _earliest_cue(kind: str, patterns: tuple[str, ...], norm: str, clause: Span) -> re.Match[str] | None:
    """The earliest match that is a cue, over each pattern's first such match (pattern order at a tie)."""
    best = None
    for pattern in patterns:
        for match in _compiled(pattern).finditer(norm, clause.start, clause.end):
            if _is_cue(kind, pattern, norm, match, clause):
                if best is None or match.start() < best.start():
                    best = match
                break
    return best


def is_negated(norm: str, clause: Span, cue_start: int) -> bool:
    """A negation before the cue in the same clause ("we have not signed")."""
    return _compiled(cues.NEGATION).search(norm, clause.start, cue_start) is not None


def _blank(text: str, patterns: tuple[str, ...]) -> str:
    """``text`` with each pattern's matches blanked in turn (most clauses have none: one scan says so)."""
    if not search_any(patterns, text):
        return text
    for pattern in patterns:
        text = _compiled(pattern).sub(lambda m: " " * len(m.group()), text)
    return text


def governing_span(norm: str, clause: Span, cue_end: int | None) -> Span:
    """The part of the clause whose verbs govern a cue: up to the first subordinate clause after it.

    "noted the completion of negotiations, something which will strengthen
    trade" is done; the relative clause's "will" speaks of its effect.
    """
    if cue_end is None:
        return clause
    match = _compiled(cues.SUBORDINATE_AFTER).search(norm, cue_end, clause.end)
    return Span(clause.start, match.start()) if match else clause


def read_status(norm: str, clause: Span, number_starts: list[int] = (), cue_end: int | None = None,
                inherited: str | None = None) -> str:
    """The status the clause's tense, aspect and modality give, by precedence.

    Only the verbs that govern the cue count (see :func:`governing_span`).
    Status words that belong to one number ("the planned 100 billion") are
    left out, so they do not colour the clause's other numbers.  A clause
    with no status word of its own takes ``inherited`` (the status of the
    clause it continues), else "ongoing".
    """
    return explicit_status(norm, clause, number_starts, cue_end) or inherited or "ongoing"


def continues_infinitive(norm: str, clause: Span) -> bool:
    """A clause that is one more infinitive of the verb before it: "agreed to A, and to B"."""
    return _compiled(r"\s*(?:also\s+)?to\s+[a-z]").match(norm, clause.start, clause.end) is not None


def explicit_status(norm: str, clause: Span, number_starts: list[int] = (),
                    cue_end: int | None = None) -> str | None:
    """The status the clause's own words give, or None when it has none."""
    if search_any(cues.UNDER_WAY_MAIN_VERB, norm, clause.start, clause.end):
        return "ongoing"
    clause = governing_span(norm, clause, cue_end)
    text = _blank(norm[clause.start:clause.end], cues.REPORTING_FRAMES)
    local = "|".join(cues.LOCAL_STATUS)
    for start in number_starts:
        at = start - clause.start
        if not 0 <= at <= len(text):
            continue
        window = text[max(0, at - 20):at]
        blanked = re.sub(rf"\b(?:{local})\b", lambda m: " " * len(m.group()), window, flags=re.I)
        text = text[:max(0, at - 20)] + blanked + text[at:]
    for status in cues.STATUS_PRECEDENCE:
        if search_any(cues.STATUS_CUES[status], text):
            return status
    return None


def local_status(norm: str, quantity_start: int) -> str | None:
    """A status word right before a number ("the planned 100 billion")."""
    before = norm[max(0, quantity_start - 20):quantity_start].lower().split()
    for word in before[-2:]:
        if word in cues.LOCAL_STATUS:
            return cues.LOCAL_STATUS[word]
    return None


def find_item(norm: str, span: Span, after: int | None = None) -> str | None:
    """The plain word for the goods in ``span``, nearest after ``after`` first."""
    hits = []
    for pattern, item in cues.ITEM_CUES:
        for match in _compiled(pattern).finditer(norm, span.start, span.end):
            hits.append((match.start(), item))
    if not hits:
        return None
    if after is not None:
        later = [h for h in hits if h[0] >= after]
        if later:
            return min(later)[1]
    return min(hits)[1]


_PRODUCTION_OBJECT = re.compile(
    r"\bproduc(?:e|tion of|ing)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?([a-z][\w-]+?)s?\b"
    r"(?=\s+(?:for|in|at|with|of|to|and|jointly)\b|[.,;])", re.I)


def production_object(norm: str, span: Span) -> str | None:
    """The head noun after "production of"/"produce": "wafers for ..." gives wafer."""
    match = _PRODUCTION_OBJECT.search(norm, span.start, span.end)
    return match.group(1).lower() if match else None


# --- agreements listed in one sentence -------------------------------------

_LIST_HEAD = re.compile(
    r"\b(?:agreements|documents|memoranda|memorandums|contracts|treaties|declarations|resolutions|protocols)\b"
    r"(?:[^.;]{0,40}?\b(?:on|concern\w*|regarding|in the (?:fields?|areas?|spheres?) of|of cooperation in)\b"
    r"|,?\s+(?:also\s+)?(?:concern\w*|cover\w*|relat\w* to|deal\w*(?:,\s+(?:in particular|among other things),)?\s+with)\b)",
    re.I)
_LIST_SPLIT_STRONG = re.compile(r",\s+(?:and\s+|as well as\s+)?|\s+as well as\s+|;\s+")
_LIST_SPLIT_AND = re.compile(r"\s+and\s+")
_LIST_END = re.compile(r"\s+(?:were|was|have been|has been|are|is)\s+(?:\w+\s+)?signed\b|[.!?]\s*$")


def agreement_titles(text: str, norm: str, sentence: Span) -> list[str]:
    """Titles of the documents a sentence lists after a plural document noun.

    "agreements on A and B" gives two titles; "documents concern A, B, and
    C" three.  Within a comma list "and" is left alone, because a list item
    often names two partners ("cooperation between X and Y").  A sentence
    with no such list gives [] and stands for one Agreement.
    """
    head = _LIST_HEAD.search(norm, sentence.start, sentence.end)
    if head is None:
        return []
    start = head.end()
    tail = norm[start:sentence.end]
    end_match = _LIST_END.search(tail)
    body_end = start + (end_match.start() if end_match else len(tail))
    body = norm[start:body_end]
    if _LIST_SPLIT_STRONG.search(body):
        parts = _LIST_SPLIT_STRONG.split(body)
    else:
        parts = _LIST_SPLIT_AND.split(body)
    titles = []
    offset = start
    for part in parts:
        at = norm.find(part, offset, body_end)
        offset = at + len(part) if at >= 0 else offset
        cleaned = part.strip(" ,.;").removeprefix("and ").strip()
        if len(cleaned) > 2:
            titles.append(text[at:at + len(part)].strip(" ,.;") if at >= 0 else cleaned)
    return titles if len(titles) > 1 else []


_TITLE = re.compile(
    r"\b(?:(?:an?|the)\s+)?((?:[A-Z][\w-]*\s+)*(?:Agreement|Treaty|Memorandum|Declaration|Convention|"
    r"Protocol|Roadmap|Framework|Statement|Contract|MOU)\b(?:\s+(?:on|of|for|between)\s+[^,.;]{3,80})?)")


_NAMED_DOCUMENT = re.compile(
    r"\b(?:[A-Z][\w-]*\s+)+(?:Agreement|Treaty|Memorandum|Declaration|Convention|Protocol|Roadmap|Statement|"
    r"Contract|Framework|Charter|Communiqu\w+)s?\b")


def named_documents(text: str, sentence: Span) -> list[str]:
    """Distinct capitalised document names in a sentence: "the Moscow Declaration ... and the Joint Statement"."""
    names = [m.group().strip() for m in _NAMED_DOCUMENT.finditer(text, sentence.start, sentence.end)]
    return list(dict.fromkeys(n for n in names if not n.startswith(("The ", "A ", "An "))))


# "an agreement on tourism, a protocol on customs and a joint statement": documents each with its own article.
_LISTED_DOCUMENT = re.compile(
    r"\b(?:an?|one)\s+(?:[\w-]+\s+){0,3}?(?:agreement|treaty|memorandum|declaration|convention|protocol|roadmap|"
    r"statement|communiqu\w+|contract|programme|plan of action|action plan|directive|regulation|resolution)\b",
    re.I)
_SIGNING = re.compile(r"\b(?:sign|adopt|conclud|initial|ink|releas|issu|exchang)\w*", re.I)


def indefinite_documents(norm: str, sentence: Span) -> list[str]:
    """The documents a sentence lists one by one with "a"/"an": "signed an agreement on A and a protocol on B".

    Each such noun phrase is a document of its own (GOLD-FORMAT: one entry per
    named document); a sentence with one or none gives [] and stands for one.
    """
    if not _SIGNING.search(norm, sentence.start, sentence.end):
        return []  # "we have a roadmap and a plan of action to work on" lists no signed documents
    found = [m.group().strip() for m in _LISTED_DOCUMENT.finditer(norm, sentence.start, sentence.end)]
    return found if len(found) > 1 else []


# "Five protocols ... were signed", "signed 12 documents": a count of unlisted documents.
_DOCUMENT_COUNT = re.compile(
    r"(?<!package of )\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>documents|agreements|protocols|memoranda|memorandums|contracts|treaties|"
    r"resolutions|declarations)\b", re.I)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12}


def document_count(norm: str, sentence: Span) -> tuple[int, str] | None:
    """How many documents a sentence counts ("five protocols were signed"), with their noun.

    A counted set stands for that many Agreements; a "package of N documents"
    is one package (GOLD-FORMAT) and gives None, as does a count above 30.
    """
    match = _DOCUMENT_COUNT.search(norm, sentence.start, sentence.end)
    if match is None:
        return None
    raw = match.group("n").lower()
    count = _COUNT_WORDS.get(raw) or int(raw)
    return (count, match.group("noun").lower()) if 2 <= count <= 30 else None


def agreement_title(text: str, sentence: Span) -> str | None:
    """A capitalised document name in the sentence ("Agreement on a free trade zone in the CIS")."""
    match = _TITLE.search(text, sentence.start, sentence.end)
    return match.group(1).strip() if match else None
