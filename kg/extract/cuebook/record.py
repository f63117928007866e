"""One cue: a pattern, what its match means, and the sentences that show it.

A record says everything a reader needs to trust a cue: the regex, its role
(a commitment type, an exclusion, a status, an item, or a pattern a rule uses
by name), plain sentences it must find and sentences it must not, and why it
is there.  ``tests/test_cue_records.py`` runs every record's examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROLES: tuple[str, ...] = ("type", "exclude", "status", "item", "rule")
USES: tuple[str, ...] = ("search", "match", "fullmatch")
EXCLUDE_ALL_TYPES = "*"  # the value of an exclusion that holds for every type

# Patterns more than one record uses, under one name so they cannot drift apart.
# A host's welcome to come: "we will be happy to see you at the summit" (an invitation; a Visit cue).
FUTURE_WELCOME = (r"\b(?:will|would|'ll|shall) be (?:very |most |so )?(?:glad|happy|pleased|delighted) "
                  r"to (?:see|welcome|host) you\b")
# A topic the passive "were discussed" follows: "the prospects for cooperation ... were discussed".
DISCUSSED_AFTER = (r"\b(?:was|were|is|are|been|being) (?:also |briefly |thoroughly |extensively )?"
                   r"(?:discussed|considered|reviewed|examined|analy[sz]ed|addressed|touched upon|mentioned)\b")
# Agreement reached to act: a Cooperation, status planned.
REACH_AGREEMENT_ON = r"\breach\w* (?:an? )?agreements? (?:on|to|that)\b"
# "Agreements have been reached": no document (an Agreement exclusion), status planned.
AGREEMENTS_REACHED = r"\bagreements? (?:has|have|had|was|were) been reached\b"


@dataclass(frozen=True)
class Cue:
    """A pattern and what its match means, with sentences it must and must not find.

    ``role`` and ``value`` give the meaning: ("type", "Supply") a Supply cue;
    ("exclude", "Visit") a clause that holds no Visit, ("exclude", "*") none
    of any type; ("status", "planned"); ("item", "grain"); ("rule", "NEGATION")
    a pattern a rule uses by that name (see :mod:`kg.extract.cues`).
    ``keywords`` (type cues): words, case-folded, that every match contains;
    a clause with none of its type's keywords is passed over unscanned.
    ``use`` says how the rule applies the pattern (``search`` anywhere,
    ``match`` at the start of the text given, ``fullmatch`` the whole of it) and
    ``case`` whether case matters; the examples are run the same way.
    ``capitalised`` (type cues): its matches are capitalised by nature ("the
    Year of Russia"), so a capital letter does not make them part of a name.
    """

    name: str
    role: str
    value: str
    pattern: str
    matches: tuple[str, ...]
    misses: tuple[str, ...] = ()
    why: str = ""
    keywords: tuple[str, ...] = ()
    use: str = "search"
    case: bool = False
    capitalised: bool = False

    def find(self, text: str) -> re.Match[str] | None:
        """The pattern's match in ``text`` the way its rule applies it (see ``use`` and ``case``)."""
        flags = 0 if self.case else re.IGNORECASE
        return getattr(re, self.use)(self.pattern, text, flags)
