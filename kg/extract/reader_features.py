"""The reader's sentences and their features: what the trained model sees of a page.

Every sentence the rules read (:func:`kg.extract.commitments.statements`) is a
candidate, with the rules' hits in it; its features are its words (countries as
``ctry``, numbers as ``num``), word pairs and triples, word families, the rule
hits and their statuses, the units of its quantities, the voice, the page kind,
its place among its neighbours (:func:`context_features`, off) and, in a model
trained with word clusters, its words' clusters (:func:`cluster_features`).  Training
(:mod:`kg.learn.pages`) and reading (:mod:`kg.extract.learned`) both come here,
so they see the same features.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.commitments import statements
from kg.extract.quantities import parse_quantities
from kg.extract.regex_gate import case_safe, required_texts
from kg.inputs.text import normalise
from kg.model import Commitment, Document, Span, Utterance

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_DIGITS = re.compile(r"\d+")  # a run of digits, read as the word "num"
TRIGRAMS = True  # word triples: +0.01 F1 on dev
_PREFIX = 5  # a word's first letters stand for its family ("supplied", "supplies" -> "suppl")


@dataclass(frozen=True)
class Candidate:
    """One sentence the reader scores: where it is and what the rules found in it."""

    position: int  # index into doc.utterances
    utterance: Utterance
    sentence: Span
    rules: tuple[Commitment, ...]


def candidates(doc: Document, ruled: tuple[Commitment, ...]) -> list[Candidate]:
    """Every sentence the rules read (:func:`kg.extract.commitments.statements`), with its rule hits,
    so training and reading see the same sentences as the rules."""
    norm = normalise(doc.text)
    by_span: dict[Span, list[Commitment]] = {}
    for commitment in ruled:
        by_span.setdefault(commitment.span, []).append(commitment)
    return [Candidate(position, utterance, sentence, tuple(by_span.get(sentence, ())))
            for position, utterance, sentence in statements(doc, norm)]


def page_features(doc: Document, found: list[Candidate], norm: str | None = None,
                  clusters: Mapping[str, int] | None = None,
                  heads: AbstractSet[str] | None = None) -> list[list[str]]:
    """The features of every candidate sentence of a page (training and reading both come here);
    ``clusters`` is the model's word clusters (:func:`cluster_features`), if it has any; ``heads``, the
    model's :func:`trigram_heads`, when reading."""
    norm = normalise(doc.text) if norm is None else norm
    starts = [mention.span.start for mention in doc.countries]  # for every sentence's bisect (_abstract_words)
    own = [sentence_features(doc, c, norm, clusters, starts, heads) for c in found]
    if not CONTEXT:
        return own
    return [sorted(set(feats) | set(context_features(doc, found, i))) for i, feats in enumerate(own)]


CONTEXT = False  # a sentence's place among its neighbours (context_features)


def context_features(doc: Document, found: list[Candidate], i: int) -> list[str]:
    """Where a sentence stands: first or last of its turn, who speaks (host, guest or narrator),
    and which kinds of act the rules found in the sentences before and after it in the same turn.

    A leader often announces an act in one sentence and gives its substance in
    the next ("We have agreed on one more thing.  Russia will supply..."), and
    the host and the guest state different things (the host invites, the guest
    thanks): the sentence alone does not show either.
    """
    candidate = found[i]
    before = found[i - 1] if i > 0 and found[i - 1].position == candidate.position else None
    after = found[i + 1] if i + 1 < len(found) and found[i + 1].position == candidate.position else None
    feats = [f"role:{speaker_role(doc, candidate.utterance)}"]
    if before is None:
        feats.append("ctx:first")
    if after is None:
        feats.append("ctx:last")
    for side, neighbour in (("prev", before), ("next", after)):
        if neighbour is not None:
            feats.extend(f"{side}:r:{hit.type}" for hit in neighbour.rules)
    return feats


def speaker_role(doc: Document, utterance: Utterance) -> str:
    """``narrator`` for the publisher's own text, ``host`` for a speaker of the publisher's country, else ``guest``."""
    if utterance.speaker is None:
        return "narrator"
    return "host" if utterance.speaker.country and utterance.speaker.country == doc.publisher_country else "guest"


def sentence_features(doc: Document, candidate: Candidate, norm: str | None = None,
                      clusters: Mapping[str, int] | None = None, starts: list[int] | None = None,
                      heads: AbstractSet[str] | None = None) -> list[str]:
    """The features of one sentence: words, word pairs, word families, rule hits, context.

    Kept deliberately plain so that a newcomer can read a model's heaviest
    features and see why it decides as it does.  ``norm`` is
    ``normalise(doc.text)``, passed in so a page is normalised once; ``starts``, where the page's
    country mentions start (:func:`_abstract_words`), likewise.  With ``heads`` (a model's
    :func:`trigram_heads`, when reading) only the word triples the model may weigh are made.
    """
    norm = normalise(doc.text) if norm is None else norm
    words = _abstract_words(doc, norm, candidate.sentence, starts)
    # one set display of list comprehensions: a third quicker than set.update over generators, the same set
    after = words[1:]
    pairs = [f"b:{a}_{b}" for a, b in zip(words, after)]
    feats = {*["w:" + w for w in words], *["p:" + w[:_PREFIX] for w in words if len(w) > _PREFIX], *pairs}
    if TRIGRAMS and heads is None:
        feats.update([f"t:{a}_{b}_{c}" for a, b, c in zip(words, after, words[2:])])
    elif TRIGRAMS:  # "t:a_b_c" is "t:" + the pair's "a_b" + "_c"; one set test of the pair spares most
        feats.update([f"t:{pair[2:]}_{c}" for pair, c in zip(pairs, words[2:]) if pair in heads])
    if clusters:
        feats.update(cluster_features(words, clusters))
    feats.update(sentence_extras(doc, candidate, norm))
    return sorted(feats)


def sentence_extras(doc: Document, candidate: Candidate, norm: str) -> list[str]:
    """A sentence's features other than its words' (:func:`sentence_features`): :func:`plain_extras`,
    :func:`rule_features` and :func:`unit_features`.  Apart, so that :mod:`kg.extract.reader_bound`
    weighs them as the reader does without writing the words' features."""
    feats = plain_extras(doc, candidate.utterance) + rule_features(candidate.rules)
    return feats + unit_features(doc, candidate.sentence) if _may_count(norm, candidate.sentence) else feats


def plain_extras(doc: Document, utterance: Utterance) -> list[str]:
    """The features every sentence has: the bias, the speaker (a leader or the narrator), the page's format
    and whether it reports no meeting."""
    feats = ["bias", "spk:narrator" if utterance.speaker is None else "spk:leader", f"fmt:{doc.format}"]
    return feats if doc.is_meeting else feats + ["page:no-meeting"]


def unit_features(doc: Document, sentence: Span) -> list[str]:
    """The units of the sentence's quantities (asked only where :func:`_may_count` finds a number)."""
    return [f"u:{q.unit}" for q in parse_quantities(doc.text, sentence.start, sentence.end) if q.unit]


def rule_features(rules: tuple[Commitment, ...]) -> list[str]:
    """The features of a sentence's rule hits: each hit's type and its type with its status, and whether
    there are several."""
    feats = [feature for hit in rules for feature in (f"r:{hit.type}", f"rs:{hit.type}:{hit.status}")]
    return feats + ["r:several"] if len(rules) > 1 else feats


def trigram_heads(*tables: Mapping[str, object]) -> frozenset[str]:
    """The word pairs, as their features ("b:will_supply"), that begin a word triple one of ``tables``
    holds ("t:will_supply_gas").

    Three word triples in four that a sentence gives are in no table of the model: a reader that
    looks its features up weighs them nothing (the sums and their order are those of the rest), so
    :func:`sentence_features` makes a triple only where its pair begins one the model holds.
    Words hold no "_", so a triple's pair is all before its last "_".  Training makes them all.
    """
    return frozenset("b:" + key[2:key.rindex("_")] for table in tables for key in table if key[:2] == "t:")


def cluster_features(words: list[str], clusters: Mapping[str, int]) -> set[str]:
    """Each word's cluster and each pair of neighbouring clusters.

    The clusters group words that keep the same company in unlabeled transcripts
    (:mod:`kg.learn.wordvectors`): "purchase" with "buy" and "procurement",
    "upgrading" with "modernising".  So "will purchase gas" shares the pair
    features of "will supply gas" though the labels never showed "purchase".
    Words without a cluster stand as themselves when they are ``ctry`` or ``num``, else as ``?``.
    """
    ids = [clusters.get(w) for w in words]
    feats = {f"c:{i}" for i in ids if i is not None}
    marks = [str(i) if i is not None else (w if w in ("ctry", "num") else "?") for w, i in zip(words, ids)]
    feats.update(f"cb:{a}_{b}" for a, b in zip(marks, marks[1:]))
    return feats


@lru_cache(maxsize=1)
def _status_cues() -> tuple[tuple[str, re.Pattern[str], str | tuple[str, ...], bool], ...]:
    """Each status cue's name, regex, the text every match of it holds or the texts it holds one of
    (:func:`kg.extract.regex_gate.required_texts`; "" for none known, which every text holds) and whether
    it ignores case (kept apart: a test of a regex flag costs more than the text test)."""
    from kg.extract.cuebook import CUES

    compiled = [(c.name, re.compile(c.pattern, 0 if c.case else re.IGNORECASE), not c.case)
                for c in CUES if c.use == "search" and c.role == "status"]
    return tuple((name, pattern, _gate(required_texts(pattern)), folded) for name, pattern, folded in compiled)


def _gate(texts: tuple[str, ...]) -> str | tuple[str, ...]:
    """One text as itself (a test of ``in``, the common case, costs least so), several as a tuple, none as ""."""
    return texts if len(texts) > 1 else "".join(texts)


def status_features(norm: str, sentence: Span, within: Span | None = None) -> list[str]:
    """The cue book's status records that fire in a sentence, for the status classifier.

    The rules read a status from the strongest cue governing the act; the
    classifier sees every status cue of the sentence and weighs them.  Most cues
    are absent from most sentences: in a sentence that is
    :func:`~kg.extract.regex_gate.case_safe`, a cue whose required text the
    sentence lacks is passed over without running its regex.
    ``within`` is a span holding ``sentence`` (the whole sentence of a clause):
    a cue whose text it lacks is lacking in ``sentence`` too, and which cues it
    holds is worked out once for all the parts of a sentence that are read (a
    ``within`` that does not hold ``sentence`` is not used).
    """
    start, end = sentence.start, sentence.end
    text = norm[start:end]
    holding = within is not None and within.start <= start and end <= within.end
    outer = norm[within.start:within.end] if holding else text
    if not case_safe(outer):  # a letter past ASCII that a case-blind regex reads as "i", "s" or "k"
        return [f"cue:{name}" for name, pattern, _, _ in _status_cues() if pattern.search(norm, start, end)]
    lowered = text.lower()
    return [f"cue:{name}" for name, pattern, needed, folded in _cues_held(outer)
            if _holds(lowered if folded else text, needed) and pattern.search(norm, start, end)]


@lru_cache(maxsize=256)
def _cues_held(text: str) -> tuple[tuple[str, re.Pattern[str], str | tuple[str, ...], bool], ...]:
    """The status cues whose required text the :func:`~kg.extract.regex_gate.case_safe` ``text`` holds (:func:`_status_cues`), in their order."""
    lowered = text.lower()
    return tuple(cue for cue in _status_cues() if _holds(lowered if cue[3] else text, cue[2]))


def _holds(text: str, needed: str | tuple[str, ...]) -> bool:
    """Whether ``text`` holds the text a cue needs, or one of the texts it needs one of."""
    return needed in text if needed.__class__ is str else any(map(text.__contains__, needed))


# a sentence without a digit or a number word holds no quantity: skip the parser.  Two scans, each
# of which the engine runs fast: a digit, and a word after a look-ahead on the letters they begin with.
_COUNT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "hundred",
                "thousand", "million", "billion", "trillion", "half", "twice", "double")
_DIGIT = re.compile(r"\d")
_COUNT_WORD = re.compile(rf"(?=[{''.join(sorted({w[0] for w in _COUNT_WORDS}))}])\b(?:{'|'.join(_COUNT_WORDS)})",
                         re.I)


def _may_count(norm: str, sentence: Span) -> bool:
    """Whether the sentence holds a digit or a number word (else it holds no quantity)."""
    return bool(_DIGIT.search(norm, sentence.start, sentence.end)
                or _COUNT_WORD.search(norm, sentence.start, sentence.end))


def _abstract_words(doc: Document, norm: str, sentence: Span, starts: list[int] | None = None) -> list[str]:
    """The sentence's words, lower-cased, with countries as ``ctry`` and numbers as ``num``.

    "supply gas to Serbia" and "supply gas to Egypt" should teach the model the
    same thing; which country it is matters to the parties, not to the type.  ``starts`` is where
    ``doc.countries`` start, when the caller has them (a bisect without a key function is a third quicker).
    """
    pieces, at = [], sentence.start
    first = bisect_left(doc.countries, sentence.start, key=lambda m: m.span.start) if starts is None else \
        bisect_left(starts, sentence.start)
    for mention in doc.countries[first:]:
        if mention.span.start >= sentence.end:
            break
        if mention.span.start >= at and mention.span.end <= sentence.end:
            pieces.append(norm[at:mention.span.start])
            pieces.append(" ctry ")
            at = mention.span.end
    pieces.append(norm[at:sentence.end])
    # each run of digits (a token of its own) becomes the word "num" before the split: the same words as
    # splitting first and renaming the tokens made only of digits, without a test per word
    return _TOKEN.findall(_DIGITS.sub(" num ", "".join(pieces).lower()))

