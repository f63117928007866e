"""The status cues' text filter: a cue is passed over only where it cannot match."""

import re

from kg.extract import cues
from kg.extract.commitment_rules import alternation, search_any
from kg.extract.reader_features import _status_cues, status_features
from kg.extract.regex_gate import ASCII_LOOKALIKES, case_safe, first_chars, possible_in, required_texts, union_texts
from kg.model import Span


def test_required_texts_are_the_longest_plain_run_or_one_per_alternative():
    assert required_texts(re.compile(r"\bprospects?\b")) == ("prospect",)  # the optional "s" is not required
    assert required_texts(re.compile(r"\bReady To\b", re.IGNORECASE)) == ("ready to",)
    assert required_texts(re.compile(r"\bReady To\b")) == ("Ready To",)
    assert required_texts(re.compile(r"\b(?:is|are)\b")) == ("is", "are")
    assert required_texts(re.compile(r"\b(?:have|has)\b")) == ("have", "has")  # the start the parser took out
    assert required_texts(re.compile(r"\bw(?:as|ere) done\b")) == (" done",)  # longest beats two of three
    assert required_texts(re.compile(r"\b(?:was|were)\b")) == ("was", "were")
    assert required_texts(re.compile(r"(?<!being )\b(?:sent|held|organi[sz]ed)\b")) == ("sent", "held", "organi")
    assert required_texts(re.compile(r"\b(?:hope|hopes|hoping)\b")) == ("hope", "hoping")  # "hopes" holds "hope"
    assert required_texts(re.compile(r"\b(?:a|i)\b")) == ()  # alternatives of one letter: a class, no text
    assert required_texts(re.compile(r"\bcafé\b", re.IGNORECASE)) == ()  # not ASCII: no filter


def test_every_match_of_a_cue_holds_one_of_its_required_texts():
    text = ("We are ready to continue working on it, and we will certainly sign the agreement soon; "
            "the contracts were signed last year, and we hope to see you in Moscow. We can and must do more. "
            "It was organised and held; we have supplied what was asked, and are counting on you.")
    for name, pattern, needed, folded in _status_cues():
        for match in pattern.finditer(text):
            found = match.group().lower() if folded else match.group()
            assert any(t in found for t in ((needed,) if isinstance(needed, str) else needed)), name


def test_the_filter_gives_what_every_regex_gives():
    text = "They said it WILL be Signed, and it's under way; the Kelvin sign \u212a is not ASCII. Newly built."
    for start, end in ((0, len(text)), (0, 30), (10, 45), (50, len(text)), (4, 7)):
        plain = [f"cue:{name}" for name, pattern, _, _ in _status_cues() if pattern.search(text, start, end)]
        assert status_features(text, Span(start, end)) == plain


def test_a_part_read_within_its_sentence_gives_what_every_regex_gives():
    text = "Newly built, it was signed; we hope to continue working on it. The plants are being held to account."
    sentence = Span(0, 62)
    for start, end in ((0, 62), (0, 12), (13, 40), (27, 62), (40, 62), (70, 90)):  # the last: outside, not used
        plain = [f"cue:{name}" for name, pattern, _, _ in _status_cues() if pattern.search(text, start, end)]
        assert status_features(text, Span(start, end), sentence) == plain


def test_union_texts_are_every_pattern_texts_or_none_when_one_has_none():
    assert union_texts((r"\bwill\b", r"\bshall\b"), re.IGNORECASE) == ("will", "shall")
    assert union_texts((r"\bHope\b", r"\bhopes\b"), re.IGNORECASE) == ("hope",)  # "hopes" holds "hope"
    assert union_texts((r"\bwill\b", r"\b(?:a|i)\b"), re.IGNORECASE) == ()  # the second has no text: no filter


def test_search_any_gives_what_the_alternation_gives():
    """The text filter of search_any never loses a match: every cue list, over windows of sentences
    that hold some of the cues, none of them, cues in capitals only, and a cue whose "s" is the long s
    (which a case-blind regex takes for "s", and ``lower`` leaves as it is)."""
    text = ("We are READY to continue working on it, and we will certainly sign the agreement soon; thanks to "
            "you the contracts were signed last year. Nothing here. WE WILL SIGN. THANKS TO YOU. It was "
            "\u017figned; it is necessary to proceed. I would like to tell you that the talks are under way.")
    lists = [cues.EXCLUDE_ALL, cues.UNDER_WAY_MAIN_VERB, cues.REPORTING_FRAMES, *cues.STATUS_CUES.values(),
             *cues.EXCLUDE_BY_TYPE.values()]
    windows = [(0, len(text)), (0, 40), (40, 120), (118, 135), (135, 150), (150, 165), (165, 180), (180, 200),
               (187, 195), (200, len(text))]
    gated = 0
    for patterns in lists:
        gated += bool(union_texts(patterns, re.IGNORECASE))
        for start, end in windows:
            match = search_any(patterns, text, start, end)
            plain = alternation(patterns).search(text, start, end)
            assert (match and match.span()) == (plain and plain.span()), (patterns[0], start, end)
    assert gated >= len(lists) // 2  # most lists have a filter: the test reads the filtered path


def test_first_chars_are_the_characters_a_match_can_begin_with():
    assert first_chars(r"(?:tourist|youth) exchanges?", re.IGNORECASE) == {"t", "y"}
    assert first_chars(r"(?<!to )deal\b(?! with)") == {"d"}  # the look-arounds take no character
    assert first_chars(r"(?:very )?a?b") == {"v", "a", "b"}  # past what may be left out
    assert first_chars(r"[x-z]+ or [0-2]") == {"x", "y", "z"}
    assert first_chars(r"\w+ing") is None and first_chars(r"[^a]b") is None  # a category, a negation: not known
    assert first_chars(r"(?:a|b)*") is None  # a match can be empty: every position may start one


def test_the_alternation_matches_as_its_patterns_joined_plainly():
    """alternation() shares the \\b of neighbouring patterns and tests their first letters first: the
    same match and the same pattern (lastindex) as a plain join, capitals, a long s and a Kelvin sign
    (which ignoring case are "s" and "k") included."""
    text = ("Thanks to you, WE SIGNED and ſigned the \u212aey deal; the talks are under way, we will "
            "cooperate. I would like to tell you that our partnership and joint projects grow. 'Tis done.")
    lists = [cues.EXCLUDE_ALL, cues.UNDER_WAY_MAIN_VERB, cues.REPORTING_FRAMES, *cues.STATUS_CUES.values(),
             *cues.EXCLUDE_BY_TYPE.values(), *cues.TYPE_CUES.values(), (r"\bkey\b", r"\bsigned\b", r"\b'tis\b")]
    tested = 0
    for patterns in lists:
        plain = re.compile("|".join(f"({p})" for p in patterns), re.IGNORECASE)
        tested += "(?=[" in alternation(patterns).pattern
        for start in range(0, len(text), 7):
            for found, expected in zip(alternation(patterns).finditer(text, start), plain.finditer(text, start)):
                assert (found.span(), found.lastindex) == (expected.span(), expected.lastindex), patterns[0]
            assert len(alternation(patterns).findall(text, start)) == len(plain.findall(text, start))
    assert tested >= len(lists) // 2  # most lists have the letter test: the test reads it


def test_the_lookalikes_are_every_character_past_ascii_a_case_blind_regex_reads_as_an_ascii_letter():
    everything = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert set(re.findall(r"[a-z]", everything, re.IGNORECASE)) == set(ASCII_LOOKALIKES)
    assert case_safe("Café — “held”") and not case_safe("ſigned") and case_safe("signed")


def test_the_filters_give_what_every_regex_gives_past_ascii():
    """Text with letters past ASCII (accents, dashes, curly quotes) is filtered too; a lookalike turns it off."""
    text = "Mr Müller — “we signed it” — WILL SHIP it to Zürich; İt was ſigned, \u212aept ready. Façade’s plan."
    for start, end in ((0, len(text)), (0, 30), (10, 45), (30, 60), (45, 70), (70, len(text)), (4, 9)):
        plain = [f"cue:{name}" for name, pattern, _, _ in _status_cues() if pattern.search(text, start, end)]
        assert status_features(text, Span(start, end)) == plain
        for patterns in (cues.EXCLUDE_ALL, cues.REPORTING_FRAMES, *cues.STATUS_CUES.values()):
            found, expected = search_any(patterns, text, start, end), alternation(patterns).search(text, start, end)
            assert (found and found.span()) == (expected and expected.span())


def test_possible_in_rules_out_only_a_page_that_holds_no_required_text():
    anniversary = re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary", re.I)
    plain = re.compile(r"Joint Statement")  # case matters: its text is looked for as written
    page = "The 30TH ANNIVERSARY of our relations.  They signed a joint statement."
    assert possible_in(page, (anniversary, plain)) == (True, False)
    assert possible_in("The 30th jubilee.", (anniversary,)) == (False,)
    assert anniversary.search("The 30th jubilee.") is None
    # a long s reads as "s" to the case-blind regex but is no "s" in the lower-cased text: unsure, so possible
    long_s = "The 30th anniver\u017fary."
    assert anniversary.search(long_s) and possible_in(long_s, (anniversary,)) == (True,)
    assert possible_in("no digits at all", (re.compile(r"\d+"),)) == (True,)  # no required text known
