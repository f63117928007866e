"""The countries extractor, on hand-built documents and on the dev transcripts' gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract.countries import extract_countries
from kg.model import Document, Person, Span, Transcript

DEV = Path(__file__).parent / "data" / "dev"


def document(text: str, participants: tuple[Person, ...] = (),
             title: Span | None = None) -> Document:
    return Document(transcript=Transcript(text=text, source="test", sha256="0"),
                    format="plain", participants=participants, title=title)


def test_mentions_cover_whole_text_with_exact_quotes() -> None:
    text = "Meeting with President of Azerbaijan\n\nPutin: Azerbaijani students in Russia."
    doc = extract_countries(document(text))
    assert [(m.code, doc.quote(m.span)) for m in doc.countries] == [
        ("AZE", "Azerbaijan"), ("AZE", "Azerbaijani"), ("RUS", "Russia")]
    assert doc.country_codes == ("AZE", "RUS")


def test_participant_country_added_at_first_naming() -> None:
    text = "Talks with Sooronbay Jeenbekov took place in Moscow. Jeenbekov: Thank you."
    people = (Person("Sooronbay Jeenbekov", "President", "KGZ"),
              Person("Vladimir Putin", "President", "RUS"))
    doc = extract_countries(document(text, people, title=Span(0, 10)))
    assert doc.country_codes == ("KGZ", "RUS")
    by_code = {m.code: doc.quote(m.span) for m in doc.countries}
    assert by_code["KGZ"] == "Sooronbay Jeenbekov"
    spans = {m.code: m.span for m in doc.countries}
    assert spans["RUS"] == Span(0, 10)  # Putin is not named: the title span


def test_participant_already_mentioned_is_not_repeated() -> None:
    text = "Vladimir Putin spoke with the President of Kazakhstan."
    doc = extract_countries(document(text, (Person("Vladimir Putin", country="RUS"),
                                            Person("Kassym-Jomart Tokayev", country="KAZ"))))
    assert [m.code for m in doc.countries] == ["RUS", "KAZ"]
    assert doc.countries[0].span == Span(0, len("Vladimir Putin"))
    assert doc.countries[1].span.start == text.index("Kazakhstan")


def test_organisations_and_cities_give_no_country() -> None:
    doc = extract_countries(document("The European Union met in Brussels with ASEAN."))
    assert doc.countries == ()


def dev_cases() -> list[Path]:
    return sorted(DEV.glob("*.gold.json"))


def test_dev_set_country_precision_and_recall_from_text_mentions() -> None:
    tp = fp = fn = 0
    for gold_path in dev_cases():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(
            encoding="utf-8")
        people = tuple(Person(p["name"], p.get("office"), p.get("country"))
                       for p in gold["participants"])
        found = set(extract_countries(document(text, people)).country_codes)
        text_only = set(extract_countries(document(text)).country_codes)
        wanted = set(gold["countries"])
        assert text_only <= wanted, f"{gold_path.name}: spurious {text_only - wanted}"
        tp += len(found & wanted)
        fp += len(found - wanted)
        fn += len(wanted - found)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert len(dev_cases()) == 7
    assert f1 >= 0.97, (precision, recall)
