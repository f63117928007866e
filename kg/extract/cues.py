"""Cue lexicons for commitments: the tables the rules read, derived from the cue book.

Leaders' statements announce acts in a small, stable vocabulary ("we have
supplied", "we plan to send a delegation", "agreements were signed").  Each
cue is one record in :mod:`kg.extract.cuebook` (pattern, meaning, example
sentences, why); this module only groups the records into the tables
:mod:`kg.extract.commitment_rules` and :mod:`kg.extract.commitments` use, in
the records' order (where two cues match at one place the first listed wins).
The patterns are matched case-insensitively against a normalised copy of the
text (non-breaking spaces and curly apostrophes made plain, same length, so
offsets stay valid).  Tables that are not patterns (units, local status words)
stay here as plain data.
"""

from __future__ import annotations

from kg.extract.cuebook import CUES, EXCLUDE_ALL_TYPES
from kg.extract.quantities import CURRENCIES


def _patterns(role: str, value: str) -> tuple[str, ...]:
    """The patterns of the records with this meaning, in record order."""
    return tuple(c.pattern for c in CUES if c.role == role and c.value == value)


def _by_value(role: str) -> dict[str, tuple[str, ...]]:
    """Every value of ``role`` (in order of first record) to its patterns."""
    values = dict.fromkeys(c.value for c in CUES if c.role == role)
    return {value: _patterns(role, value) for value in values}


def _rule(name: str) -> str:
    """The one pattern a rule uses under ``name``."""
    (pattern,) = _patterns("rule", name)
    return pattern


# --- commitment types -------------------------------------------------------

TYPE_CUES: dict[str, tuple[str, ...]] = _by_value("type")
# Words every match of a type's cues contains (case-folded): a clause without
# any of them cannot hold the type, and is passed over without running the
# patterns.  Each record lists its own; tests/test_cue_records.py checks them.
TYPE_KEYWORDS: dict[str, tuple[str, ...]] = {
    kind: tuple(dict.fromkeys(word for c in CUES if c.role == "type" and c.value == kind for word in c.keywords))
    for kind in TYPE_CUES
}
# Cues for events whose names are capitalised by nature ("the Year of Russia",
# "Moscow Days"): a capital letter does not make them part of an organisation's name.
CAPITALISED_BY_NATURE = frozenset(c.pattern for c in CUES if c.role == "type" and c.capitalised)
# Capitalised words after a cue that make it part of a name, not an act:
# "Shanghai Cooperation Organisation", "Direct Investment Fund".
NAME_TAILS = _rule("NAME_TAILS")

# Clauses that talk about a topic instead of committing to it.
EXCLUDE_ALL: tuple[str, ...] = _patterns("exclude", EXCLUDE_ALL_TYPES)
EXCLUDE_BY_TYPE: dict[str, tuple[str, ...]] = {
    kind: patterns for kind, patterns in _by_value("exclude").items() if kind != EXCLUDE_ALL_TYPES
}

# What makes "cooperation", joint work, ties and contacts an act rather than a topic word
# (kg.extract.commitment_rules.is_topic_word; each record says what it guards against).
GENERIC_BEFORE_COOPERATION = _rule("GENERIC_BEFORE_COOPERATION")
COOPERATION_AREA_AFTER = _rule("COOPERATION_AREA_AFTER")
GENERIC_AREA_AFTER = _rule("GENERIC_AREA_AFTER")
JOINT_WORK_CHANNEL = _rule("JOINT_WORK_CHANNEL")
QUANTIFIED_AREA = _rule("QUANTIFIED_AREA")
BARE_JOINT_WORK = _rule("BARE_JOINT_WORK")
JOINT_WORK_AIM_AFTER = _rule("JOINT_WORK_AIM_AFTER")
GENERIC_TIES = _rule("GENERIC_TIES")
GROWTH_VERB_BEFORE = _rule("GROWTH_VERB_BEFORE")
TIES_AREA_AFTER = _rule("TIES_AREA_AFTER")
GENERIC_AIM = _rule("GENERIC_AIM")

# Visits, agreements and investments: the decisions around a type cue.
EVENT_NOUN = _rule("EVENT_NOUN")
EVENT_ACT: tuple[str, ...] = _patterns("rule", "EVENT_ACT")
INVITATION: tuple[str, ...] = _patterns("rule", "INVITATION")
INVITATION_RECEIVED: tuple[str, ...] = _patterns("rule", "INVITATION_RECEIVED")
AGREEMENT_ACT = _rule("AGREEMENT_ACT")
LIST_CONTINUATION = _rule("LIST_CONTINUATION")
AGREEMENT_UNDER_WAY = _rule("AGREEMENT_UNDER_WAY")
INVESTMENT_TREND: tuple[str, ...] = _patterns("rule", "INVESTMENT_TREND")
INVESTMENT_STOCK = _rule("INVESTMENT_STOCK")

# --- status -----------------------------------------------------------------

SUBORDINATE_AFTER = _rule("SUBORDINATE_AFTER")
# Reporting frames say nothing about the act's status: "I would like to tell
# you that ...", "I think ...".  They are blanked before status is read.
REPORTING_FRAMES: tuple[str, ...] = _patterns("rule", "REPORTING_FRAMES")
STATUS_CUES: dict[str, tuple[str, ...]] = _by_value("status")
STATUS_PRECEDENCE: tuple[str, ...] = ("proposed", "planned", "completed", "ongoing")
UNDER_WAY_MAIN_VERB: tuple[str, ...] = _patterns("rule", "UNDER_WAY_MAIN_VERB")
# Words right before a number that give that number its own status.
LOCAL_STATUS: dict[str, str] = {
    "planned": "planned", "projected": "planned", "promised": "planned", "envisaged": "planned",
    "target": "planned",
}

NEGATION = _rule("NEGATION")

# --- items ------------------------------------------------------------------

ITEM_CUES: tuple[tuple[str, str], ...] = tuple((c.pattern, c.value) for c in CUES if c.role == "item")


# Units a commitment's quantity may carry, by type (see units_of: a type not listed takes none).
# Each entry is what the gold gives on train: Supply in money ("a $300 million package of arms"), in
# shares of a need ("meets 55 percent of Turkey's gas needs") and in rounds of ammunition; Cooperation
# in people ("500 Tajikistani servicemen are studying at our academies").  A percent of growth ("imports
# grew by 40 percent") fits Supply too and is the price of the shares.  Cooperation is not given money:
# on train that picked the amount where the gold counts projects or units, and lost more than it won.
QUANTITY_UNITS: dict[str, frozenset[str]] = {
    "Supply": frozenset({"dose", "tonne", "cubic metre", "barrel", "unit", "aircraft", "helicopter", "vehicle", "round",
                         "percent"}) | CURRENCIES,
    "JointProduction": frozenset({"company", "unit", "aircraft", "helicopter", "vehicle", "project"}),
    "Investment": CURRENCIES,
    "Cooperation": frozenset({"project", "unit", "person"}),
    "Visit": frozenset(),
    "Agreement": CURRENCIES,  # contracts worth $1 billion
}


def units_of(kind: str) -> frozenset[str]:
    """The units a quantity of a commitment of this type may carry: none for a type not in the table."""
    return QUANTITY_UNITS.get(kind, frozenset())
