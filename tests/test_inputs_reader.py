"""kg.inputs.reader beyond the happy path: encodings, limits, JSONL records, odd files and stdin."""

from __future__ import annotations

import hashlib
import io
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.inputs import limits
from kg.inputs.reader import decode, display_name, read, read_all, read_as, transcript_from_text


def only(path, **kwargs):
    [transcript] = list(read(str(path), **kwargs))
    return transcript


@pytest.fixture()
def small_limits(monkeypatch):
    """Limits of 1 KB per file and per transcript, as a user's ``--max-*-mb`` options set them."""
    monkeypatch.setenv(limits.FILE_ENV, str(1 / 1024))
    monkeypatch.setenv(limits.TEXT_ENV, str(1 / 1024))
    assert limits.current().file_bytes == 1024 and limits.current().text_bytes == 1024


# -- decode ------------------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_either_byte_order_with_its_mark(codec):
    text = "Встреча — Meeting “Aliyev”"
    assert decode(("\ufeff" + text).encode(codec), "x") == text


def test_utf16_mark_on_an_odd_number_of_bytes_says_to_resave():
    with pytest.raises(InputError, match=r"^odd\.txt: starts with a UTF-16 mark but is not UTF-16; re-save as UTF-8$"):
        decode(b"\xff\xfeA\x00B", "odd.txt")


def test_utf8_bom_goes_but_a_bom_later_in_the_text_stays():
    assert decode("\ufeffA\ufeffB".encode("utf-8"), "x") == "A\ufeffB"


def test_nul_byte_without_utf16_mark_is_binary():
    with pytest.raises(InputError, match="binary file"):
        decode(b"Meeting\x00with\x00", "x")


@pytest.mark.parametrize("text", [
    "Президент России Владимир Путин: Добрый день, уважаемые коллеги!",
    "Ильхам Алиев: Спасибо. Мы с Россией – стратегические партнёры.",
])
def test_russian_in_cp1251_reads_as_russian(text):
    assert decode(text.encode("cp1251"), "ru.txt") == text


@pytest.mark.parametrize("text", [
    "Réunion à l'Élysée: le président a déclaré qu'il était prêt.",
    "Straße und Größe: Gespräche über Zölle in München.",
    "Reunión en Bogotá: el señor presidente habló del año próximo.",
])
def test_western_languages_in_cp1252_read_as_themselves(text):
    assert decode(text.encode("cp1252"), "w.txt") == text


def test_control_characters_of_no_code_page_are_refused():
    # 0x81 is undefined in cp1252 and a control in latin-1; with 0x98 in cp1251 neither reads as text.
    with pytest.raises(InputError, match="encoding could not be detected"):
        decode(b"plain words \x81\x98 and more plain words here", "x")


def test_cyrillic_votes_lose_to_prose_check_on_noise():
    # High bytes that read as Cyrillic words in cp1251 but without spaces or letters enough for prose.
    noise = bytes([0xC0 + (i * 7) % 64 for i in range(200)]) + b"1234567890" * 40
    with pytest.raises(InputError, match="encoding could not be detected"):
        decode(noise, "noise.bin")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"),
               max_size=200))
def test_any_utf8_text_decodes_to_itself(text):
    assert decode(text.encode("utf-8"), "x") == text


# -- transcript_from_text ---------------------------------------------------------

def test_lone_surrogate_in_text_names_its_code_point_and_position():
    with pytest.raises(InputError, match=r"^s\.txt: holds an unpaired surrogate U\+D800 at character 4: not valid"):
        transcript_from_text("abc \ud800 def", "s.txt")


def test_lone_surrogate_in_metadata_is_refused_too():
    with pytest.raises(InputError, match="U\\+DFFF"):
        transcript_from_text("fine text", "m.txt", title="bad \udfff title")


def test_text_over_the_limit_is_refused_with_the_option_to_raise_it(small_limits):
    with pytest.raises(InputError, match=r"transcript is 1\.5 KB, over the 1 KB limit .*--max-text-mb"):
        transcript_from_text("x" * 1536, "big.txt")
    assert transcript_from_text("x" * 1000, "ok.txt").text == "x" * 1000 + "\n"


def test_trailing_blanks_go_and_the_hash_is_of_what_is_kept():
    transcript = transcript_from_text("Title\r\n\r\nBody  \t\n\n\n", "t")
    assert transcript.text == "Title\n\nBody\n"
    assert transcript.sha256 == hashlib.sha256(b"Title\n\nBody\n").hexdigest()


def test_leading_blank_lines_and_inner_typography_are_kept():
    text = "\n\n  Title\u00a0 — “quoted”\u2009text\n"
    assert transcript_from_text(text, "t").text == text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_line_endings_never_change_the_sha256(body, ending):
    body = body.replace("\r", "").replace("\ufeff", "")
    if not body.strip():
        return
    lf = transcript_from_text(body, "a")
    other = transcript_from_text(body.replace("\n", ending), "b")
    assert other.text == lf.text and other.sha256 == lf.sha256


# -- files -------------------------------------------------------------------

def test_file_over_the_limit_is_refused_before_it_is_read(tmp_path, small_limits):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 400)
    with pytest.raises(InputError, match=r"big\.txt: file is 2 KB, over the 1 KB limit \(raise it with --max-file-mb\)"):
        only(path)


def test_a_folder_without_transcripts_says_so(tmp_path):
    (tmp_path / "notes.md").write_text("not a transcript")
    with pytest.raises(InputError, match="folder holds no .txt, .html, .htm or .jsonl files"):
        list(read(str(tmp_path)))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_skipped_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        only(fifo)


def test_uppercase_suffixes_choose_the_reader(tmp_path):
    page = tmp_path / "PAGE.HTM"
    page.write_text("<html><head><title>Talks</title></head><body><p>We agreed.</p></body></html>")
    records = tmp_path / "BATCH.JSONL"
    records.write_text(json.dumps({"text": "One record."}) + "\n")
    assert only(page).media_type == "text/html" and only(page).text == "Talks\n\nWe agreed.\n"
    assert only(records).text == "One record.\n" and only(records).source == "BATCH.JSONL:1"


def test_read_as_publishes_under_the_given_name_but_errors_name_the_file(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Some text.")
    [transcript] = list(read_as(str(good), "corpus/a.txt"))
    assert transcript.source == "corpus/a.txt"
    [error] = list(read_as(str(tmp_path / "missing.txt"), "corpus/missing.txt"))
    assert isinstance(error, InputError) and str(error).startswith(str(tmp_path / "missing.txt"))


def test_read_all_names_sources_relative_to_the_folder_given(tmp_path):
    folder = tmp_path / "news"
    (folder / "2021").mkdir(parents=True)
    (folder / "2021" / "1.txt").write_text("First.")
    (folder / "2.txt").write_text("Second.")
    assert [t.source for t in read_all([str(folder)])] == ["news/2.txt", "news/2021/1.txt"]


def test_display_name_replaces_undecodable_bytes():
    name = os.fsdecode(b"caf\xe9.txt")  # latin-1 byte in a UTF-8 file system: a lone surrogate
    assert display_name(name) == "caf\ufffd.txt"
    assert display_name("plain.txt") == "plain.txt"


def test_file_with_an_undecodable_name_is_read_under_a_printable_name(tmp_path):
    if os.fsencode("x") != b"x":  # pragma: no cover - only on odd file systems
        pytest.skip("file system does not use UTF-8 names")
    path = os.path.join(os.fsencode(str(tmp_path)), b"caf\xe9.txt")
    with open(path, "wb") as handle:
        handle.write(b"Text of the meeting.")
    [transcript] = list(read_all([str(tmp_path)]))
    assert transcript.source.endswith("caf\ufffd.txt")
    transcript.source.encode("utf-8")  # storable and printable


def test_sidecar_url_is_given_to_plain_text_files(tmp_path):
    (tmp_path / "6152.txt").write_text("A transcript.")
    (tmp_path / "INDEX.json").write_text(json.dumps(
        {"files": [{"file": "6152.txt", "url": "http://en.kremlin.ru/events/president/news/6152"}]}))
    assert only(tmp_path / "6152.txt").url == "http://en.kremlin.ru/events/president/news/6152"


# -- JSONL -------------------------------------------------------------------

def _jsonl(tmp_path, *lines: str):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return list(read_all([str(path)]))


def test_jsonl_numeric_id_becomes_a_string_and_a_timestamp_date_its_day(tmp_path):
    [transcript] = _jsonl(tmp_path, json.dumps({"text": "T", "id": 42, "date": "2021-07-20T10:30:00Z",
                                                "title": "Talks", "url": "http://example.org/1"}))
    assert (transcript.id, transcript.date, transcript.title, transcript.url) == (
        "42", "2021-07-20", "Talks", "http://example.org/1")


@pytest.mark.parametrize("record,reason", [
    ({"text": "T", "id": True}, '"id" must be a string'),
    ({"text": "T", "title": 7}, '"title" must be a string'),
    ({"text": "T", "url": ["http://a"]}, '"url" must be a string'),
    ({"text": "T", "date": "2021-02-30"}, '"date" must be a real date as YYYY-MM-DD, got \'2021-02-30\''),
    ({"text": "T", "date": "20 July 2021"}, '"date" must be a real date'),
    ({"text": 5}, 'record has no "text" string'),
    ({"title": "no text"}, 'record has no "text" string'),
    ({"text": "   "}, "empty: no text to read"),
])
def test_jsonl_bad_fields_name_file_and_line(tmp_path, record, reason):
    good = json.dumps({"text": "Good one."})
    items = _jsonl(tmp_path, good, "", json.dumps(record))
    assert items[0].text == "Good one.\n" and items[0].source == "batch.jsonl:1"
    error = items[1]
    assert isinstance(error, InputError)
    assert str(error).startswith(str(tmp_path / "batch.jsonl") + ":3: ")
    assert reason in str(error)


@pytest.mark.parametrize("line,reason", [
    ("[1, 2]", "expected a JSON object, got list"),
    ('"just a string"', "expected a JSON object, got str"),
    ("{not json", "not valid JSON"),
    ("[" * 100000 + "]" * 100000, "JSON nested too deeply"),
])
def test_jsonl_lines_that_are_not_records(tmp_path, line, reason):
    [error] = _jsonl(tmp_path, line)
    assert isinstance(error, InputError) and reason in str(error)


def test_jsonl_record_over_the_text_limit_is_refused_alone(tmp_path, monkeypatch):
    monkeypatch.setenv(limits.TEXT_ENV, str(1 / 1024))  # the file may hold more than one transcript
    items = _jsonl(tmp_path, json.dumps({"text": "x" * 2000}), json.dumps({"text": "small"}))
    assert isinstance(items[0], InputError) and "record is" in str(items[0]) and "--max-text-mb" in str(items[0])
    assert items[1].text == "small\n"


def test_jsonl_in_cp1251_is_decoded_like_text(tmp_path):
    path = tmp_path / "ru.jsonl"
    path.write_bytes((json.dumps({"text": "Добрый день, коллеги и друзья."}, ensure_ascii=False) + "\n")
                     .encode("cp1251"))
    assert only(path).text == "Добрый день, коллеги и друзья.\n"


# -- stdin -------------------------------------------------------------------

def test_stdin_cp1251_bytes_are_detected():
    text = "Путин: Добрый день, уважаемый господин Президент!\n"
    assert only("-", stdin=io.BytesIO(text.encode("cp1251"))).text == text


def test_stdin_over_the_limit_is_refused(small_limits):
    with pytest.raises(InputError, match=r"^<stdin>: standard input is .* over the 1 KB limit"):
        only("-", stdin=io.BytesIO(b"y" * 5000))


def test_stdin_empty_is_an_input_error():
    with pytest.raises(InputError, match=r"^<stdin>: empty"):
        only("-", stdin=io.BytesIO(b""))


def test_stdin_text_with_a_lone_surrogate_is_an_input_error():
    with pytest.raises(InputError, match="unpaired surrogate U\\+D800"):
        only("-", stdin=io.StringIO("a\ud800 text"))
