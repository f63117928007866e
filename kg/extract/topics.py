"""Topics: what the leaders talked about, as names from a small fixed scheme.

A topic counts when its cue words occur in the leaders' speech or the
narrator's lead more than incidentally: at least ``MIN_HITS`` times, or
more in long transcripts (one hit per ``WORDS_PER_HIT`` words), so a
passing "energy" in a 5,000-word press conference does not make it an
energy meeting.  Journalists' questions do not count: they ask about
everything.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.inputs.text import normalise
from kg.model import Document, evolve

#: the ontology's topic scheme (irkg:TopicScheme), in its order; tests/test_ontology.py holds the two equal
TOPICS: tuple[str, ...] = (
    "health", "trade", "transport", "energy", "education", "security", "regional-conflict",
    "culture-religion", "science-technology", "agriculture", "finance", "humanitarian", "environment",
)

TOPIC_CUES: dict[str, tuple[str, ...]] = {
    "health": ("health", "healthcare", "coronavirus", "covid", "pandemic", "vaccin", "sputnik v",
               "medical", "medicine", "epidemic", "hospital", "doses"),
    "trade": ("trade", "turnover", "export", "import", "tariff", "customs", "market access",
              "free trade", "commodit", "goods"),
    "transport": ("transport", "railway", "railroad", "corridor", "shipping", "port", "logistic",
                  "airline", "flights", "highway", "transit", "freight"),
    "energy": ("energy", "oil", "gas", "nuclear power", "power plant", "electricity", "pipeline",
               "opec", "lng", "renewable", "fuel", "hydropower", "coal"),
    "education": ("education", "student", "universit", "school", "scholarship", "training of personnel",
                  "graduates", "academic", "tuition"),
    "security": ("security", "military", "defence", "defense", "terroris", "counterterrorism",
                 "armed forces", "missile", "weapon", "army", "military-technical", "cyber"),
    "regional-conflict": ("conflict", "settlement", "ceasefire", "hostilities", "war", "crisis",
                          "occupation", "post-conflict", "peacekeep", "invasion", "aggression"),
    "culture-religion": ("culture", "cultural", "religio", "church", "orthodox", "muslim", "islam",
                         "eid", "festival", "cinema", "theatre", "heritage", "language", "christian"),
    "science-technology": ("science", "scientific", "technolog", "high-tech", "space", "innovati",
                           "digital", "research", "aerospace", "satellite", "artificial intelligence"),
    "agriculture": ("agricultur", "agro", "farm", "grain", "wheat", "food security", "produce",
                    "fertiliser", "fertilizer", "livestock", "meat"),
    "finance": ("investment", "invest", "loan", "credit", "financ", "bank", "debt", "currenc",
                "fund", "imf", "budget"),
    "humanitarian": ("humanitarian", "refugee", "aid", "relief", "migration", "migrant", "amnesty",
                     "disaster", "assistance"),
    "environment": ("climate", "environment", "emission", "carbon", "green", "pollution",
                    "biodiversity", "net zero", "sustainable development"),
}
MIN_HITS = 2
WORDS_PER_HIT = 1500


@lru_cache(maxsize=None)
def _pattern(topic: str) -> re.Pattern[str]:
    """One topic's cues as a case-sensitive regex over lower-cased text.

    Long cues are stems ("vaccin" finds "vaccines"); short ones whole words and
    their plurals, so "war" does not find "warm" nor "aid" "aides".  The word
    boundary sits after the cue's first letter as a look-behind, so every alternative
    starts with a literal and the regex engine skips ahead to the letters
    that can begin a cue instead of trying each alternative at every word.  The cues are grouped by that
    letter (in their order within a group): where a letter can begin a cue, only its group is tried, and
    the matches are the alternation's written one cue after another, a sixth quicker.
    """
    groups: dict[str, list[str]] = {}
    for cue in sorted(TOPIC_CUES[topic], key=len, reverse=True):
        rest = re.escape(cue[1:]) + (r"\w*" if len(cue) >= 5 else _plural(cue) + r"\b")
        groups.setdefault(cue[0], []).append(rest)
    return re.compile("|".join(re.escape(first) + r"(?<!\w.)(?:" + "|".join(rests) + ")"
                               for first, rests in groups.items()))


def _plural(cue: str) -> str:
    """The plural ending a short cue may take: "gases", "wars" -- but not "aides" or "wares"."""
    return r"(?:es)?" if cue.endswith(("s", "x", "z", "ch", "sh")) else r"s?"


def topic_hits(text: str, enough: int | None = None) -> dict[str, int]:
    """How often each topic's cues occur in ``text``, case aside; with ``enough``, counted no further
    than that (a topic that reaches the threshold early need not be scanned to the end)."""
    lowered = text.lower()
    return {topic: _count(lowered, topic, enough) for topic in TOPICS}


def _count(lowered: str, topic: str, enough: int | None) -> int:
    """The matches of the topic's regex in ``lowered`` (at most ``enough``), tried only where a cue occurs.

    Every match starts with one of the topic's cues as it is written, so a text holding none of them
    (three topics in four on a page) is passed over by substring searches in C, and in the others the
    regex is tried at the cues' places (``str.find``), in order and past the last match's end: the
    matches ``finditer`` finds, without stepping the engine through every letter that may begin a cue
    (a scan of the whole text cost as much as the cues' searches of the thirteen topics).
    """
    starts = []
    for cue in TOPIC_CUES[topic]:
        at = lowered.find(cue)
        while at >= 0:
            starts.append(at)
            at = lowered.find(cue, at + 1)
    if not starts or enough == 0:
        return 0
    match = _pattern(topic).match
    count, end = 0, 0
    for at in sorted(starts):
        if at < end:
            continue  # inside the last match, or the same place again (a cue that begins another)
        found = match(lowered, at)
        if found:
            count, end = count + 1, found.end()
            if count == enough:
                break
    return count


def extract_topics(doc: Document) -> Document:
    """Fills ``doc.topics`` with the topics the leaders dwell on, in scheme order."""
    spoken = " ".join(doc.quote(u.span) for u in doc.utterances if not u.is_journalist)
    spoken = normalise(spoken, quotes=False)
    if doc.title is not None:
        spoken = doc.quote(doc.title) + " " + spoken
    # n words take at least 2n - 1 characters: a text too short to raise the threshold is not split
    short = (len(spoken) + 1) // 2 // WORDS_PER_HIT <= MIN_HITS
    threshold = MIN_HITS if short else max(MIN_HITS, len(spoken.split()) // WORDS_PER_HIT)
    hits = topic_hits(spoken, threshold)
    return evolve(doc, topics=tuple(t for t in TOPICS if hits[t] >= threshold))
