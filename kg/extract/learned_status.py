"""What the status classifier knows of one act beyond its sentence's words.

The sentence's words and the cue book's status records say what the sentence
as a whole sounds like; a sentence often states one act as done and another as
planned ("we signed the agreement and will build the plant").  So the
classifier also sees, for the act of one type:

- each status cue crossed with the type ("signed" weighs differently for an
  Agreement than for a Visit);
- the rules' own status for this act (the rule hit of the type, or the status
  read from the sentence's tense for an act the reader proposes);
- the words right before and after the word the act is anchored at, where its
  governing verb usually stands ("will supply", "have delivered");
- the status cues of the clause the anchor stands in, and which cues come
  before the anchor and which after it: in "we have agreed on a plan which
  will double trade" the "will" is the effect's, not the plan's;
- the nearest tense, aspect or modal word before the anchor ("will",
  "agreed", "have", "continue"), the word that usually governs the act;
- the voice crossed with the cues: a narrator's "agreed to" or "would" reports
  a leader's plan, a leader's "would" is often an offer;
- each statement of intent in the sentence and the verb it governs ("committed
  to build", "concurred to implement", "continue to work"), alone, by type and
  by voice, wherever the anchor stands: the anchor is often a word such as
  "two" or "including" with nothing before it, where the nearest tense word
  says nothing; and where a document stands (to be signed, under negotiation
  or drafting, signed), by type.

Each feature is given once: the classifier was trained on features that are
present or not, so reading must not count one twice.

Training (:mod:`kg.learn.train`) and reading (:mod:`kg.extract.learned`) both
build these features here, so they cannot drift apart.
"""

from __future__ import annotations

import re

from kg.extract.commitment_rules import read_status
from kg.extract.quantities import parse_quantities
from kg.extract.reader_features import status_features
from kg.model import Commitment, Document, Span

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_BEFORE = 5  # words before the anchor
_AFTER = 4  # words from the anchor on

# where one clause of a sentence ends and the next begins: strong punctuation, a comma before a
# conjunction or a relative word, and a relative "which" or "that" (which starts a clause about an effect)
_CLAUSE_BREAK = re.compile(r"[;:—–()]|,\s+(?:and|but|while|which|who|where|whereas|as well as)\b|\bwhich\b|\bthat\b")

# words that carry tense, aspect or modality, or a time that places an act: the nearest one before the
# anchor is what usually governs it ("will supply", "agreed to build", "have delivered", "continue to work")
TENSE_WORDS = frozenset({
    "will", "would", "shall", "'ll", "going", "plan", "plans", "planned", "planning", "agreed", "agree", "agrees",
    "decided", "intend", "intends", "expect", "expects", "ready", "hope", "hopes", "propose", "proposed",
    "proposes", "invite", "invited", "invites", "offer", "offered", "can", "could", "may", "might", "should",
    "must", "have", "has", "had", "'ve", "is", "are", "was", "were", "be", "being", "been", "continue",
    "continues", "continued", "continuing", "already", "today", "signed", "launched", "committed", "commit",
    "commits", "want", "wish", "need", "discussed", "noted", "welcomed", "welcome", "welcomes", "announced",
    "announce", "announces", "look", "looking", "intention", "readiness", "interest", "interested", "potential",
    "prospects", "upcoming", "next", "future", "soon", "currently", "now", "underway", "ongoing", "last", "ago",
    "since", "yesterday", "recently", "developing", "working", "implementing", "reaffirmed", "reaffirm", "let's",
    "let", "important", "necessary", "ask", "asked", "called", "urge", "urged", "set", "aim", "aims", "seek",
    "seeks",
})


# a statement of intent and the verb it governs: "committed to build", "concurred to implement", "agreed on",
# "intend to sharpen", "continue to work"; the guide reads most as planned, the gold often as ongoing when the act
# is already under way ("remain committed to", "continue"), so the classifier weighs each pair
_INTENT = re.compile(
    r"\b(commit(?:ted|s|ment|ments)?|concur(?:red|s)?|agree[ds]?|agreement|intend(?:s|ed)?|intention|plan(?:s|ned)?"
    r"|decided|decision|resolved|pledge[ds]?|determined|determination|aim(?:s|ed)?|seeks?|expect(?:s|ed)?|desire"
    r"|ready|readiness|willing(?:ness)?|hope[sd]?|want(?:s|ed)?|wish(?:es|ed)?|excited|interest(?:ed)?|efforts?|need"
    r"|important|importance|instructed|tasked|asked|called|urged|set out|began|started|continue[sd]?|continuing)"
    r"\s+(?:to|on)\s+(?:further\s+|jointly\s+|continue\s+|continuing\s+)?([a-z]+)")

# where a document stands: to be signed, being negotiated or drafted, signed; and "today"
_PHASES = (
    ("fut", re.compile(r"\b(?:to be|will be|would be|shall be|are to be|is to be|be) (?:\w+ )?"
                       r"(?:signed|concluded|adopted|finali[sz]ed|ratified)\b|\bwill (?:sign|conclude|adopt)\b"
                       r"|\bsigning of\b|\bto sign\b")),
    ("work", re.compile(r"\bnegotiat\w*|\bdraft(?:ing|ed)?\b|\bprepar(?:ing|ation|ations|ed)\b|\bwork(?:ing|ed)? on\b")),
    ("done", re.compile(r"\b(?:signed|concluded|adopted|ratified|initiall?ed)\b|\breached (?:an? )?agreement\b"
                        r"|\bagreed in principle\b")),
    ("today", re.compile(r"\btoday\b|\bjust\b|\bfollowing the talks\b")),
)


def act_status_features(norm: str, sentence: Span, kind: str, cues: list[str], rule_status: str | None,
                        anchor: Span, narrator: bool | None = None) -> list[str]:
    """The status features of one ``kind`` act in ``sentence`` (``cues`` are the sentence's ``cue:`` features;
    ``narrator``: whether the publisher's text states it, None when not known)."""
    feats = [f"{kind}|{cue}" for cue in cues]
    status = rule_status or "none"
    feats += [f"rst:{status}", f"rst:{kind}:{status}"]
    text = norm[sentence.start:sentence.end].lower()
    at = max(0, anchor.start - sentence.start)
    before = _TOKEN.findall(text[:at])
    feats += [f"nb:{w}" for w in before[-_BEFORE:]]
    feats += [f"na:{w}" for w in _TOKEN.findall(text[at:])[:_AFTER]]
    feats += clause_features(norm, sentence, kind, anchor)
    feats += tense_word_features(before, kind)
    feats += intent_features(text, kind, narrator)
    if narrator is not None:
        voice = "n" if narrator else "l"
        feats += [f"v:{voice}:{cue}" for cue in cues] + [f"v:{voice}:rst:{status}", f"v:{voice}:{kind}"]
    return list(dict.fromkeys(feats))


def clause_features(norm: str, sentence: Span, kind: str, anchor: Span) -> list[str]:
    """The status cues of the anchor's clause (alone and as their status by type), and the statuses of
    the cues before the anchor and after it."""
    text = norm[sentence.start:sentence.end]
    at = max(0, anchor.start - sentence.start)
    start, end = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= at:
            start = match.end()
        elif match.start() >= at:
            end = match.start()
            break
    # each part read within its sentence: which cues the sentence holds is worked out once for the three
    own = status_features(norm, Span(sentence.start + start, sentence.start + end), sentence)
    pre = status_features(norm, Span(sentence.start, anchor.start), sentence)
    post = status_features(norm, Span(anchor.start, sentence.end), sentence)
    feats = [f"ac:{cue[4:]}" for cue in own] + [f"ac:{kind}:{_status_of(cue)}" for cue in own]
    feats += [f"pre:{_status_of(cue)}" for cue in pre]
    feats += [f"post:{_status_of(cue)}" for cue in post]
    return feats


def tense_word_features(before: list[str], kind: str) -> list[str]:
    """The nearest tense, aspect or modal word before the anchor (alone and by type), and the one before it."""
    found = [w for w in reversed(before) if w in TENSE_WORDS][:2]
    if not found:
        return ["nm:none"]
    feats = [f"nm:{found[0]}", f"nm:{kind}:{found[0]}"]
    if len(found) == 2:
        feats.append(f"nm2:{found[1]}_{found[0]}")
    return feats


def intent_features(text: str, kind: str, narrator: bool | None = None) -> list[str]:
    """Each statement of intent of the (lower-cased) sentence ``text`` with the verb it governs, alone, by type
    and by voice (``iv:none`` when there is none), and the phases of a document it names, by type."""
    feats = []
    for match in _INTENT.finditer(text):
        head, verb = match.group(1)[:6], match.group(2)
        feats += [f"iv:{head}", f"iv:{kind}:{head}", f"iv:{head}>{verb[:5]}"]
        if "contin" in match.group(0):
            feats.append(f"iv:{head}>cont")
    if not feats:
        feats = ["iv:none"]
    if narrator is not None:
        voice = "n" if narrator else "l"
        feats += [f"iv:{voice}:{f[3:]}" for f in feats if f.count(":") == 1]
    feats += [f"ph:{kind}:{name}" for name, pattern in _PHASES if pattern.search(text)]
    return feats


def _status_of(cue: str) -> str:
    """The status a ``cue:status/name`` feature stands for."""
    return cue[4:].split("/", 1)[0]


def rule_status_of(doc: Document, norm: str, rules: tuple[Commitment, ...], sentence: Span, kind: str,
                   anchor: Span) -> str:
    """The rules' status of a ``kind`` act: their hit's, else the one the sentence's tense gives at the anchor
    (what :func:`kg.extract.learned.propose_commitment` reads for an act it proposes)."""
    hit = next((c for c in rules if c.type == kind), None)
    if hit is not None:
        return hit.status
    quantities = parse_quantities(doc.text, sentence.start, sentence.end)
    return read_status(norm, sentence, [q.span.start for q in quantities if q.span], anchor.end)
