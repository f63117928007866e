"""One act, several partners: the extra pairs of a trilateral sentence's mutual act.

The gold gives a mutual act of a multilateral meeting once per pair with the
speaker's country ("our trilateral defense cooperation" at a Japan-Korea-US
summit is one ``Cooperation`` of the United States with Japan and one with
Korea), while the rules and the pair ranker give one pair.  Where the sentence
itself calls the act the three countries' own ("trilateral", "the three of
us", "our three nations") and the page has three or more participants'
countries, each further participant's country gets its own entry.  Lists of
named partners ("with Japan and Korea") and looser words ("all three", "Quad")
were tried and cost more false entries than they found, on train and on dev.
"""

from __future__ import annotations

import re

from kg.extract.resolve import speaker_country
from kg.model import Document, Span, Utterance

_MULTILATERAL = re.compile(r"\btrilateral\b|\bthree of us\b|\bour three\b|\bthree (?:nations|countries)\b", re.I)


def partner_pairs(doc: Document, utterance: Utterance, sentence: Span,
                  current: tuple[str, str]) -> list[tuple[str, str]]:
    """Further (hub, partner) pairs of a mutual act a trilateral sentence states; ``current``: the pair given.

    The hub is the speaker's country when it is one side of ``current``, else
    the first side; the partners are the other participants' countries.
    """
    if not _MULTILATERAL.search(doc.text, sentence.start, sentence.end):
        return []
    countries = sorted({p.country for p in doc.participants if p.country})
    if len(countries) < 3:
        return []
    own = speaker_country(doc, utterance)
    hub = own if own in current else current[0]
    have = {frozenset(current)}
    out = []
    for code in countries:
        pair = frozenset((hub, code))
        if code != hub and pair not in have:
            have.add(pair)
            out.append((hub, code))
    return out
