"""The cue book: every cue of the commitment rules as one record with its examples.

Add a cue by adding one :class:`Cue` to the module of its role (type_cues,
exclusions, status_cues, items, rules); :mod:`kg.extract.cues` derives the
tables the rules read, and ``tests/test_cue_records.py`` runs its examples.

The records are a Python table rather than a TOML or JSON file: a regex sits in
a raw string exactly as written (no second layer of escaping for backslashes
and quotes), patterns several records share are one named constant, nothing is
parsed at import (every build worker imports this), it needs no tomllib
(Python 3.10 is supported) and the records are type-checked like the code.
"""

from __future__ import annotations

from kg.extract.cuebook.exclusions import EXCLUSION_RECORDS
from kg.extract.cuebook.items import ITEM_RECORDS
from kg.extract.cuebook.record import EXCLUDE_ALL_TYPES, ROLES, USES, Cue
from kg.extract.cuebook.rules import RULE_RECORDS
from kg.extract.cuebook.status_cues import STATUS_RECORDS
from kg.extract.cuebook.type_cues import TYPE_RECORDS

CUES: tuple[Cue, ...] = TYPE_RECORDS + EXCLUSION_RECORDS + STATUS_RECORDS + ITEM_RECORDS + RULE_RECORDS

__all__ = ["CUES", "Cue", "EXCLUDE_ALL_TYPES", "ROLES", "USES"]
