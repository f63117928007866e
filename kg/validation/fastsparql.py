"""The shapes' named SPARQL constraints of severity Violation, written again in Python for
:mod:`kg.validation.fastcheck`.

Each twin answers for one focus node whether the constraint's query would
select nothing (True); where the query's arithmetic or string functions
could read a value otherwise than plain Python (a number that is not a plain
integer, a date with a time zone) it raises
:class:`kg.validation.fastterms.Unsure`.  A constraint added to the shapes
without a twin here makes its shape go to the engine, never pass unread.
``tests/test_fastcheck.py`` breaks each of them on a real page graph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import pyoxigraph as ox

from kg.validation.fastterms import Unsure, integer

SHAPES = "https://w3id.org/irkg/shapes#"
IRKG = "https://w3id.org/irkg/ontology#"
OA = "http://www.w3.org/ns/oa#"
_P = {name: ox.NamedNode(iri) for name, iri in {
    "sha256": IRKG + "sha256", "value": "http://www.w3.org/1999/02/22-rdf-syntax-ns#value",
    "notBefore": IRKG + "publishedNotBefore", "notAfter": IRKG + "publishedNotAfter", "published": IRKG + "published",
    "endOffset": IRKG + "endOffset", "startOffset": IRKG + "startOffset", "inTranscript": IRKG + "inTranscript",
    "alpha3": IRKG + "alpha3", "assertedBy": IRKG + "assertedBy", "speaker": IRKG + "speaker",
    "derivedFrom": "http://www.w3.org/ns/prov#wasDerivedFrom", "evidence": IRKG + "evidence",
    "exact": OA + "exact", "start": OA + "start", "end": OA + "end",
    "earlier": IRKG + "earlierCommitment", "later": IRKG + "laterCommitment", "continues": IRKG + "continues",
}.items()}
_PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _text(term) -> str:
    """STR() of an IRI or literal; a blank node's is not plain."""
    if isinstance(term, ox.BlankNode):
        raise Unsure("STR of a blank node")
    return term.value


def _texts(index, transcript) -> list[str]:
    """The rdf:value strings of a node, read from pyoxigraph once a page (a copy of the whole text each time)."""
    key = ("texts", transcript)
    if key not in index.memo:
        index.memo[key] = [_text(text) for text in index.values(transcript, _P["value"])]
    return index.memo[key]


def sha256_of_text(index, this) -> bool:
    texts = _texts(index, this)
    return all(hashlib.sha256(text.encode("utf-8")).hexdigest() == _text(value)
               for value in index.values(this, _P["sha256"]) for text in texts)


def iri_from_sha256(index, this) -> bool:
    return all(_text(this).endswith("/transcript/" + _text(value)[:16]) for value in index.values(this, _P["sha256"]))


def _date(term) -> str:
    if not (isinstance(term, ox.Literal) and term.datatype.value.endswith("#date") and _PLAIN_DATE.fullmatch(term.value)):
        raise Unsure("a window bound that is not a plain xsd:date")
    return term.value


def window(index, this) -> bool:
    first, last = index.values(this, _P["notBefore"]), index.values(this, _P["notAfter"])
    if bool(first) != bool(last) or (first and index.values(this, _P["published"])):
        return False
    return not any(_date(a) > _date(b) for a in first for b in last)


def utterance_within_text(index, this) -> bool:
    ends = index.values(this, _P["endOffset"])
    transcripts = index.values(this, _P["inTranscript"])
    if not ends or not transcripts:
        return True
    lengths = [len(text) for t in transcripts for text in _texts(index, t)]
    return all(integer(end) <= length for end in ends for length in lengths)


def country_iri_from_alpha3(index, this) -> bool:
    return all(_text(this).endswith("/country/" + _text(value)) for value in index.values(this, _P["alpha3"]))


def speaker_is_utterance_speaker(index, this) -> bool:
    utterances = index.values(this, _P["derivedFrom"])
    return all(value in index.values(u, _P["speaker"]) for value in index.values(this, _P["assertedBy"])
               for u in utterances)


def evidence_in_utterance(index, this) -> bool:
    spans = [(integer(s), integer(e)) for u in index.values(this, _P["derivedFrom"])
             for s in index.values(u, _P["startOffset"]) for e in index.values(u, _P["endOffset"])]
    for evidence in index.values(this, _P["evidence"]):
        for start in index.values(evidence, _P["start"]):
            for end in index.values(evidence, _P["end"]):
                if spans and any(integer(start) < u_start or integer(end) > u_end for u_start, u_end in spans):
                    return False
    return True


def quote_at_offsets(index, this) -> bool:
    quotes, starts, ends = (index.values(this, _P[p]) for p in ("exact", "start", "end"))
    if not (quotes and starts and ends):
        return True
    texts = [text for t in index.values(this, _P["inTranscript"]) for text in _texts(index, t)]
    for start in map(integer, starts):
        for end in map(integer, ends):
            if start < 0:
                raise Unsure("SUBSTR from before the text")
            if end < start and texts:
                return False
            if any(_text(quote) != text[start:end] for quote in quotes for text in texts):
                return False
    return True


def followup_has_continues(index, this) -> bool:
    return all(value in index.values(later, _P["continues"]) for value in index.values(this, _P["earlier"])
               for later in index.values(this, _P["later"]))


#: constraint IRI -> its twin (index, focus) -> no result
SPARQL_CHECKS: dict[str, Callable] = {SHAPES + name: twin for name, twin in {
    "Transcript-sha256-of-text": sha256_of_text, "Transcript-iri-from-sha256": iri_from_sha256,
    "Transcript-window": window, "Utterance-within-text": utterance_within_text,
    "Country-iri-from-alpha3": country_iri_from_alpha3,
    "Claim-speaker-is-utterance-speaker": speaker_is_utterance_speaker,
    "Claim-evidence-in-utterance": evidence_in_utterance, "Evidence-quote-at-offsets": quote_at_offsets,
    "FollowUp-has-continues": followup_has_continues,
}.items()}
