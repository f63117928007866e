"""A Document's facts in the gold JSON shape of the evaluation format.

``kg extract -f json`` prints this, and the scorer compares the same shape
(read back from the store) with gold files, so people can diff what the tool
read against what an analyst wrote by hand.
"""

from __future__ import annotations

from typing import Any

from kg.model import Commitment, Document, Figure, Person, Quantity


def number(value: float | None) -> int | float | None:
    """Whole numbers as ints, so 100000.0 prints as 100000 like the gold files."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def _person(p: Person) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": p.name, "office": p.office, "country": p.country}
    if p.organisation:
        entry["organisation"] = p.organisation
    return entry


def _quantity_fields(q: Quantity | None) -> dict[str, Any]:
    if q is None:
        return {"quantity": None, "unit": None}
    return {"quantity": number(q.value), "unit": q.unit}


def _commitment(doc: Document, c: Commitment) -> dict[str, Any]:
    return {
        "type": c.type,
        "by": c.by,
        "to": c.to,
        "item": c.item,
        **_quantity_fields(c.quantity),
        "status": c.status,
        "speaker": c.speaker.name if c.speaker else None,
        "quote": doc.quote(c.span),
    }


def _figure(doc: Document, f: Figure) -> dict[str, Any]:
    return {
        "value": number(f.quantity.value),
        "unit": f.quantity.unit,
        "about": f.about,
        "speaker": f.speaker.name if f.speaker else None,
        "quote": doc.quote(f.span),
    }


def document_to_gold(doc: Document, name: str | None = None) -> dict[str, Any]:
    """The gold-file dictionary for ``doc``; ``name`` becomes its ``id``."""
    t = doc.transcript
    meeting = doc.meeting if doc.is_meeting else None
    return {
        "id": name or t.id or t.source,
        "source": {"file": t.source, "url": t.url},
        "is_meeting": doc.is_meeting,
        "meeting": None if meeting is None else {
            "title": meeting.title,
            "date": meeting.date,
            "city": meeting.city,
            "venue": meeting.venue,
            "format": meeting.format,
        },
        "participants": [_person(p) for p in doc.participants],
        "countries": list(doc.country_codes),
        "commitments": [_commitment(doc, c) for c in doc.commitments],
        "figures": [_figure(doc, f) for f in doc.figures],
        "topics": list(doc.topics),
    }
