"""A made-up page read up to the reader's candidate sentences, for tests of the reader's features.

Several feature tests start from the same place: a short transcript run through the stages the reader
needs (meeting, participants, countries) and the rules' commitments, then every candidate sentence of
it.  One helper, so that what "a page as the reader sees it" means is written once.
"""

from __future__ import annotations

from kg.extract.commitments import extract_commitments
from kg.extract.learned import candidates
from kg.extract.pipeline import process
from kg.inputs.reader import transcript_from_text
from kg.model import Document

STAGES = ("meeting", "participants", "countries")


def candidate_page(text: str, name: str) -> tuple[Document, list]:
    """The document of ``text`` (as file ``name``) and its candidate sentences, in page order."""
    doc = process(transcript_from_text(text, name), None, STAGES)
    return doc, candidates(doc, extract_commitments(doc).commitments)


def candidates_by_quote(text: str, name: str) -> tuple[Document, dict]:
    """The document of ``text`` and its candidate sentences by their quote: tests name a sentence by its words."""
    doc, found = candidate_page(text, name)
    return doc, {doc.quote(c.sentence): c for c in found}
