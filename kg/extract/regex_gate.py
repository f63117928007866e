"""Texts that every match of a regex holds: a test cheaper than the regex that says where it cannot match.

The status classifier's cues (:func:`kg.extract.reader_features.status_features`)
are 72 regexes run over every sentence of an act, four times; most find
nothing, and a substring test (``"held" in text``) costs a fraction of a
search.  A cue whose every match holds one of a few texts is passed over in a
sentence that holds none of them.  The texts come from the parsed pattern,
never from its source text, so a cue edited later keeps a sound test or none.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:
    from re import _constants as constants, _parser as parser  # Python 3.11 and later
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as constants  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

_MOST = 40  # more alternatives than this are not worth testing one by one
# the characters past ASCII that a case-blind regex takes for an ASCII letter: dotted and dotless I for "i", the
# long s for "s", the Kelvin sign for "k" (a test finds them by trying every character)
ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"
_LOOKALIKE = re.compile(f"[{ASCII_LOOKALIKES}]")


def case_safe(text: str) -> bool:
    """Whether every case-blind match in ``text`` of a run of ASCII characters is, lower-cased, that run
    lower-cased within ``text.lower()``: so when the text holds no character that matches an ASCII letter
    ignoring case but is none (:data:`ASCII_LOOKALIKES`), which the tests of required texts need."""
    return text.isascii() or _LOOKALIKE.search(text) is None


def required_texts(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Texts of which every match of ``pattern`` holds at least one (lower-cased for a case-blind pattern):
    the longest run of plain characters at its top level, or one run per alternative of a required
    alternation where the shortest of those is longer ("held", "sent", "signed" for
    ``(?<!being )\\b(?:held|sent|signed)\\b``, which has no plain run at all); () when none is known or a
    text is not ASCII (case-blind matching past ASCII has more equivalences: "K" and the Kelvin sign)."""
    found = _best(parser.parse(pattern.pattern, pattern.flags))
    if not all(text.isascii() for text in found):
        return ()
    return tuple(text.lower() for text in found) if pattern.flags & re.IGNORECASE else found


def _best(items) -> tuple[str, ...]:
    """The strongest set of texts (:func:`_strength`) that every match of a parsed sequence holds one of."""
    sets: list[tuple[str, ...]] = []
    run = ""
    for op, value in [*items, (None, None)]:
        if op is constants.LITERAL:
            run += chr(value)
            continue
        if run:
            sets.append((run,))
        if op is constants.SUBPATTERN and not value[1] and not value[2]:  # a group without flags of its own
            sets.append(_best(value[3]))
        elif op is constants.BRANCH:  # a match holds one of the texts of the alternative it took
            options = [_best(alternative) for alternative in value[1]]
            if all(options):
                sets.append(tuple(dict.fromkeys(text for option in options for text in option)))
            # the parser takes a common start out of the alternatives ("w(?:as|ere)"): it begins each of them
            leads = [_leading_run(alternative) for alternative in value[1]]
            if run and all(leads):
                sets.append(tuple(dict.fromkeys(run + lead for lead in leads)))
        run = ""
    return max((_pruned(s) for s in sets if s and len(s) <= _MOST), key=_strength, default=())


def _pruned(texts: tuple[str, ...]) -> tuple[str, ...]:
    """``texts`` without those that hold another of them: a sentence holding "hopes" holds "hope"."""
    return tuple(t for t in texts if not any(o != t and o in t for o in texts))


def _leading_run(items) -> str:
    """The plain characters a parsed sequence begins with."""
    run = ""
    for op, value in items:
        if op is not constants.LITERAL:
            break
        run += chr(value)
    return run


def _strength(texts: tuple[str, ...]) -> tuple[int, int]:
    """How well ``texts`` sort sentences out for their cost: the shorter their shortest, the more sentences hold
    one (past five letters few do either way); then the fewer, the fewer tests."""
    return min(5, *map(len, texts)), -len(texts)


@lru_cache(maxsize=None)
def union_texts(patterns: tuple[str, ...], flags: int = 0) -> tuple[str, ...]:
    """Texts of which every match of any of ``patterns`` (compiled with ``flags``) holds one: each one's
    :func:`required_texts` together, so a text holding none of them matches none of the patterns.
    () when one of the patterns has none known, so that no text test can rule a match out."""
    found: list[str] = []
    for pattern in patterns:
        texts = required_texts(re.compile(pattern, flags))
        if not texts:
            return ()
        found.extend(texts)
    return _pruned(tuple(dict.fromkeys(found)))


@lru_cache(maxsize=None)
def _required(pattern: re.Pattern[str]) -> tuple[str, ...]:
    return required_texts(pattern)


def possible_in(text: str, patterns: tuple[re.Pattern[str], ...]) -> tuple[bool, ...]:
    """For each of ``patterns``, whether a search of ``text`` or of any part of it may find a match: False when
    ``text`` holds none of the texts every match holds (:func:`required_texts`), so that the sentences of a
    page need not each be searched for a phrase the page never uses.  True when unsure."""
    safe = case_safe(text)
    lowered = text.lower() if safe else text
    return tuple(not safe or _holds_required(pattern, text, lowered) for pattern in patterns)


def _holds_required(pattern: re.Pattern[str], text: str, lowered: str) -> bool:
    texts = _required(pattern)
    within = lowered if pattern.flags & re.IGNORECASE else text
    return not texts or any(map(within.__contains__, texts))


_MOST_FIRST = 60  # a wider class than this is not worth the test


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can begin with (as the pattern writes them: a class made of them
    with the same ``flags`` holds every first character of a match), or None when not known or when a match
    can be empty.  A regex that tests them first skips the positions where no alternative can start."""
    chars, nullable = _first(parser.parse(pattern, flags))
    return None if chars is None or nullable or len(chars) > _MOST_FIRST else frozenset(chars)


def _first(items) -> tuple[set[str] | None, bool]:
    """(first characters, whether the sequence can match the empty text); None when not known."""
    found: set[str] = set()
    for op, value in items:
        if op is constants.AT or op is constants.ASSERT or op is constants.ASSERT_NOT:
            continue  # takes no character
        if op is constants.LITERAL:
            return found | {chr(value)}, False
        if op is constants.IN:
            listed = _class_chars(value)
            return (None, False) if listed is None else (found | listed, False)
        if op is constants.SUBPATTERN:
            chars, nullable = _first(value[3])
        elif op is constants.BRANCH:
            options = [_first(alternative) for alternative in value[1]]
            chars = None if any(c is None for c, _ in options) else set().union(*(c for c, _ in options))
            nullable = any(n for _, n in options)
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            chars, nullable = _first(value[2])
            nullable = nullable or value[0] == 0
        else:
            return None, False  # any character, a category, a back reference: not known
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _class_chars(items) -> set[str] | None:
    """The characters a class lists one by one or in short ranges; None for a category or a negation."""
    chars: set[str] = set()
    for op, value in items:
        if op is constants.LITERAL:
            chars.add(chr(value))
        elif op is constants.RANGE and value[1] - value[0] < 64:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:
            return None
    return chars
