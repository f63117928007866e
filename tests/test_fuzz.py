"""Property-based fuzzing of every reader and parser (issue 13): whatever bytes or text come in,
each one returns its result or raises the library's own error (a :class:`KgError`), never
anything else.  Examples are few and derandomised, so the whole file runs in seconds and the
same way on every machine; raise ``KG_FUZZ_EXAMPLES`` to fuzz longer by hand.
"""

from __future__ import annotations

import json
import math
import os

from hypothesis import HealthCheck, given, settings, strategies as st

from kg.errors import KgError, StoreError
from kg.model import Document, Transcript

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "60"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
slow_fuzz = settings(fuzz, max_examples=max(5, EXAMPLES // 4))

# Pieces transcripts are made of, so the fuzzer reaches past "not a transcript" into the parsers.
PIECES = ["Meeting with President of Azerbaijan Ilham Aliyev", "July 20, 2021, The Kremlin, Moscow",
          "February 31, 2021, Moscow", "President of Russia Vladimir Putin:", "Vladimir Putin:",
          "THE PRESIDENT:", "PRIME MINISTER MODI:", "Question:", "Ilham Aliyev:", "(Retranslated.)",
          "We will supply 100,000 doses of vaccine to Azerbaijan.", "10^30 doses", "1.79e+309 percent",
          "$45 billion", "20 percent", "Thank you.", "<…>", "* * *", "\x1b[31m", "\u00a0", "\ufffe",
          "Biden:", "Q", ":", "\n", "\n\n", " ", "2021-02-31", "we have supplied", "joint production"]
transcript_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=40).map(
    lambda parts: " ".join(parts))
TAGS = ["<p>", "</p>", "<div class='read__lead'>", "</div>", "<h1>", "</h1>", "<title>", "</title>",
        "<script>", "</script>", "<!--", "-->", "<br>", "</span>", "<b>", "<time class='read__published' "
        "datetime='2021-02-31'>", "</time>", "<div class='entry-content'>", "<meta property='og:title' "
        "content='x'>", "<![CDATA[", "&amp;", "&#0;", "&#xD800;", "<body>", "</body>"]
html_text = st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(PIECES), st.text(max_size=20)),
                     max_size=60).map("".join)
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                               st.sampled_from(["text", "title", "date", "url", "id", "head", "vars",
                                                "results", "bindings", "boolean", "type", "value"]) | st.text(max_size=5),
                               inner, max_size=5), max_leaves=20)


def transcript(text: str) -> Transcript:
    from kg.inputs.reader import transcript_from_text

    return transcript_from_text(text if text.strip() else "x", "fuzz.txt")


# ---------------------------------------------------------------- readers

@fuzz
@given(st.binary(max_size=2000))
def test_decode_gives_text_or_input_error(data):
    from kg.inputs.reader import decode

    try:
        assert isinstance(decode(data, "f.txt"), str)
    except KgError:
        pass


@fuzz
@given(st.text(max_size=500))
def test_transcript_from_text_is_exact_or_refuses(text):
    import hashlib

    from kg.inputs.reader import transcript_from_text

    try:
        t = transcript_from_text(text, "f.txt")
    except KgError:
        return
    assert t.sha256 == hashlib.sha256(t.text.encode("utf-8")).hexdigest()


@fuzz
@given(st.lists(st.one_of(json_values.map(json.dumps), st.text(max_size=40),
                          st.just('{"text": "a \\ud800 b"}'), st.just("[" * 5000)), max_size=5))
def test_jsonl_lines_each_give_a_transcript_or_an_error(lines):
    from kg.inputs.reader import _read_jsonl

    items = list(_read_jsonl("\n".join(lines), "f.jsonl", "f.jsonl"))
    assert all(isinstance(item, (Transcript, KgError)) for item in items)


@fuzz
@given(html_text)
def test_html_reader_never_crashes(html):
    from kg.inputs.html import html_to_page
    from kg.inputs.text import valid_date

    page = html_to_page(html)
    assert isinstance(page.text, str)
    assert page.date is None or valid_date(page.date)


@fuzz
@given(st.lists(st.sampled_from(["a", "*", "**", "?", "[", "]", "x.txt", ".", ".."]), min_size=1, max_size=5))
def test_globs_never_crash(parts):
    from kg.inputs.reader import iter_paths

    assert isinstance(list(iter_paths(["/".join(["tests", *parts])])), list)


# ---------------------------------------------------------------- parsers

@fuzz
@given(transcript_text, st.sampled_from([None, "kremlin", "whitehouse", "plain"]))
def test_format_parsers_give_a_document_or_an_error(text, fmt):
    from kg.formats import parse

    try:
        doc = parse(transcript(text), fmt)
    except KgError:
        return
    assert isinstance(doc, Document)
    for utterance in doc.utterances:
        assert 0 <= utterance.span.start <= utterance.span.end <= len(doc.transcript.text)


@slow_fuzz
@given(transcript_text)
def test_whole_pipeline_gives_a_document_or_an_error(text):
    from kg.extract.pipeline import pipeline_for, process

    try:
        doc = process(transcript(text), None, pipeline_for("rules"))
    except KgError:
        return
    assert isinstance(doc, Document)


@fuzz
@given(transcript_text)
def test_quantities_are_finite_and_inside_the_text(text):
    from kg.extract.quantities import parse_quantities

    for q in parse_quantities(text, 0, len(text)):
        assert math.isfinite(q.value)
        assert 0 <= q.span.start <= q.span.end <= len(text)


@fuzz
@given(transcript_text)
def test_datelines_are_real_dates(text):
    from kg.formats.header import header_datelines
    from kg.inputs.text import valid_date

    for dateline in header_datelines(text):
        assert valid_date(dateline.date)


# ---------------------------------------------------------------- queries and answers

@fuzz
@given(st.text(max_size=200))
def test_query_header_and_syntax_checks_raise_only_query_errors(text):
    from kg.store.sparql_text import check_syntax
    from kg.sparql.library import parse_query
    from kg.sparql.guard import uses_service

    for call in (lambda: parse_query(text, "q"), lambda: check_syntax(text)):
        try:
            call()
        except KgError:
            pass
    assert isinstance(uses_service(text), bool)


@fuzz
@given(st.text(max_size=40), st.sampled_from(["iri", "date", "integer", "decimal", "string"]))
def test_parameters_become_terms_or_query_errors(value, kind):
    from kg.sparql.library import to_term

    try:
        to_term(value, kind, "p")
    except KgError:
        pass


@fuzz
@given(st.one_of(json_values.map(lambda v: json.dumps(v).encode()), st.binary(max_size=200)),
       st.sampled_from(["SELECT", "CONSTRUCT"]))
def test_endpoint_answers_are_results_or_one_store_error(body, kind):
    from kg.store.endpoint import read_answer

    try:
        read_answer(body, "application/sparql-results+json", kind, "query http://x/query")
    except StoreError:
        pass
