"""Tests for kg.inputs.reader and kg.inputs.html: every kind of input becomes a Transcript."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.inputs.html import html_to_page
from kg.model import Transcript
from kg.inputs.reader import decode, iter_paths, read, read_all, transcript_from_text

DATA = Path(__file__).parent / "data"
READ = DATA / "read"
HTML_TO_DEV = {
    "17622.html": "kremlin-2013-03-04-ukraine.txt",
    "60159.html": "kremlin-2019-03-28-kyrgyzstan.txt",
}


def only(path: Path | str, **kwargs) -> Transcript:
    [transcript] = list(read(str(path), **kwargs))
    return transcript


# -- plain text and encodings -------------------------------------------

def test_dev_txt_is_read_as_is_with_its_sha256():
    path = DATA / "dev" / "kremlin-2013-03-04-ukraine.txt"
    transcript = only(path)
    raw = path.read_bytes()
    assert transcript.text == raw.decode("utf-8")
    assert transcript.sha256 == hashlib.sha256(raw).hexdigest()
    assert transcript.source == path.name  # relative to the input given, never a machine path
    assert "\u00a0" in transcript.text  # typography kept


def test_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffMeeting with “friends” – today.\n".encode("utf-8"))
    assert only(path).text == "Meeting with “friends” – today.\n"


def test_crlf_and_cr_become_newlines(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title\r\n\r\nLine one\rLine two\r\n")
    assert only(path).text == "Title\n\nLine one\nLine two\n"


def test_cp1251_file_is_detected(tmp_path):
    text = "Встреча с Президентом Украины.\n\nПутин: Добрый день!\n"
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    assert only(path).text == text


@pytest.mark.parametrize("code_page", ["latin-1", "cp1252"])
def test_western_file_is_detected(tmp_path, code_page):
    text = "Réunion à Genève: déjà vu, Größe, año.\n"
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode(code_page))
    assert only(path).text == text


def test_cp1252_with_only_quotes_and_dashes(tmp_path):
    text = "He said “yes” – and left…\n"
    path = tmp_path / "en.txt"
    path.write_bytes(text.encode("cp1252"))
    assert only(path).text == text


def test_undecidable_encoding_says_to_resave():
    with pytest.raises(InputError, match=r"^junk\.txt: not UTF-8 and the encoding could not be "
                                         r"detected; re-save as UTF-8$"):
        decode(bytes(range(1, 256)), "junk.txt")


def test_utf16_with_bom_is_read():
    assert decode("Hello, мир".encode("utf-16"), "x") == "Hello, мир"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\ufeff\n".encode("utf-8")])
def test_empty_file_is_an_input_error(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="empty"):
        only(path)


def test_binary_file_is_an_input_error(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(InputError, match=r"junk\.txt: binary"):
        only(path)


def test_missing_file_is_an_input_error():
    with pytest.raises(InputError, match=r"^no/such\.txt: no such file$"):
        only("no/such.txt")


# -- transcript_from_text ------------------------------------------------

def test_transcript_from_text_keeps_meta_and_hashes_final_text():
    transcript = transcript_from_text("A\r\nB", "x", title="T", date="2020-01-02", id="7")
    assert transcript.text == "A\nB\n"
    assert transcript.sha256 == hashlib.sha256(b"A\nB\n").hexdigest()
    assert (transcript.title, transcript.date, transcript.id) == ("T", "2020-01-02", "7")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                      blacklist_characters="\r\ufeff"), min_size=1))
def test_transcript_from_text_keeps_text(text):
    if not text.strip():
        with pytest.raises(InputError):
            transcript_from_text(text, "prop")
        return
    transcript = transcript_from_text(text, "prop")
    # Only trailing blank space changes; every offset into the text stays valid.
    assert transcript.text.rstrip(" \t\n") == text.rstrip(" \t\n")
    assert transcript.text.endswith("\n") and not transcript.text.endswith("\n\n")
    assert transcript.sha256 == hashlib.sha256(transcript.text.encode("utf-8")).hexdigest()
    assert transcript_from_text(transcript.text, "again").text == transcript.text


# -- HTML ------------------------------------------------------------------

@pytest.mark.parametrize("page,dev", sorted(HTML_TO_DEV.items()))
def test_kremlin_page_equals_its_dev_text(page, dev):
    from_html = only(DATA / "html" / page)
    from_txt = only(DATA / "dev" / dev)
    assert from_html.text == from_txt.text
    assert from_html.sha256 == from_txt.sha256
    assert from_html.media_type == "text/html"


def test_kremlin_page_metadata():
    transcript = only(DATA / "html" / "17622.html")
    assert transcript.title == "Meeting with President of\u00a0Ukraine Viktor Yanukovych"
    assert transcript.date == "2013-03-04"
    assert transcript.url == "http://en.kremlin.ru/events/president/news/17622"


def test_kremlin_page_skips_chrome_captions_see_also_and_tags():
    text = only(DATA / "html" / "60159.html").text
    for chrome in ("See also", "State visit to Kyrgyzstan", "Geography", "Publication status",
                   "Direct link", "Text version", "President of Russia\n"):
        assert chrome not in text
    assert text.startswith("Press statements following Russia-Kyrgyzstan talks\n\n"
                           "March 28, 2019, Bishkek\n\n")
    assert text.endswith("Thank you.\n\nMarch 28, 2019, Bishkek\n")


@pytest.mark.parametrize("page", ["34323.html", "41507.html", "56692.html", "60193.html"])
def test_other_kremlin_pages_have_the_txt_layout(page):
    transcript = only(DATA / "html" / page)
    blocks = transcript.text.rstrip("\n").split("\n\n")
    assert blocks[0] == transcript.title
    assert blocks[1] == blocks[-1]  # opening and closing dateline
    assert blocks[1].endswith(transcript.date[:4])
    assert len(blocks) >= 4 and all(block.strip() == block for block in blocks)


def test_generic_html_page():
    transcript = only(READ / "generic.html")
    assert transcript.text == (
        "Joint statement on trade\n\nJoint statement\n\n"
        "The leaders met in Geneva\u00a0on Monday.\n\n"
        "They agreed to “deepen” trade – and energy ties.\n\nBoth sides welcomed it.\n"
    )
    assert transcript.title == "Joint statement on trade"


def test_html_without_text_is_an_input_error(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>x()</script></head><body> </body></html>")
    with pytest.raises(InputError, match="no text"):
        only(path)


def test_html_to_page_ignores_stray_end_tags():
    page = html_to_page("<body><p>One</div> two</p></span><p>Three</body>")
    assert page.text == "One two\n\nThree\n"


# -- JSONL -----------------------------------------------------------------

def test_jsonl_good_and_bad_lines():
    path = str(READ / "records.jsonl")
    results = list(read_all([path]))
    good = [r for r in results if isinstance(r, Transcript)]
    bad = [r for r in results if isinstance(r, InputError)]
    assert [t.source for t in good] == ["records.jsonl:1", "records.jsonl:3", "records.jsonl:9"]
    assert good[0].title == "Telephone conversation with President of Finland"
    assert (good[0].date, good[0].url, good[0].id) == ("2019-04-01", "http://example.org/1", "r1")
    assert good[1].id == "2" and good[1].text == "Second record.\nWith a CRLF line.\n"
    reasons = {error.source: error.reason for error in bad}
    assert list(reasons) == [f"{path}:{n}" for n in (4, 5, 6, 7, 8)]
    assert "not valid JSON" in reasons[f"{path}:4"]
    assert "JSON object" in reasons[f"{path}:5"]
    assert '"text"' in reasons[f"{path}:6"]
    assert "YYYY-MM-DD" in reasons[f"{path}:7"]
    assert "empty" in reasons[f"{path}:8"]


def test_read_raises_at_the_first_bad_jsonl_line():
    records = read(str(READ / "records.jsonl"))
    assert len([next(records), next(records)]) == 2
    with pytest.raises(InputError, match=r"records\.jsonl:4: not valid JSON"):
        next(records)


# -- stdin -----------------------------------------------------------------

def test_stdin_bytes_are_decoded():
    transcript = only("-", stdin=io.BytesIO("Привет из stdin\r\n".encode("cp1251")))
    assert transcript.text == "Привет из stdin\n"
    assert transcript.source == "<stdin>"


def test_stdin_text_stream_uses_its_buffer():
    stream = io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfHello\n"), encoding="utf-8")
    assert only("-", stdin=stream).text == "Hello\n"


def test_stdin_plain_text_stream():
    assert only("-", stdin=io.StringIO("Hi there")).text == "Hi there\n"


# -- paths, folders, globs, batches -----------------------------------------

def test_iter_paths_walks_folders_sorted_and_keeps_missing_paths():
    folder = READ / "folder"
    paths = list(iter_paths([str(folder), "-", "missing.txt"]))
    assert paths == [str(folder / "a.txt"), str(folder / "nested" / "b.txt"), "-", "missing.txt"]


def test_iter_paths_expands_globs():
    paths = list(iter_paths([str(DATA / "html" / "60*.html"), str(READ / "*.nomatch")]))
    assert paths == [str(DATA / "html" / "60159.html"), str(DATA / "html" / "60193.html"),
                     str(READ / "*.nomatch")]


def test_read_all_goes_on_after_bad_files(tmp_path):
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    (empty_folder / "notes.md").write_text("not a transcript")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    args = [str(bad), "missing.txt", str(empty_folder), str(READ / "folder")]
    results = list(read_all(args))
    assert [type(r).__name__ for r in results] == ["InputError"] * 3 + ["Transcript"] * 2
    assert results[1].source == "missing.txt"
    assert results[2].source == str(empty_folder) and "no .txt" in results[2].reason
    assert results[4].text == "A nested transcript.\n"


def test_same_text_from_txt_and_jsonl_has_same_sha256(tmp_path):
    text = (DATA / "dev" / "kremlin-2019-03-28-kyrgyzstan.txt").read_text(encoding="utf-8")
    path = tmp_path / "one.jsonl"
    path.write_text('{"text": %s}\n' % json.dumps(text), encoding="utf-8")
    [from_jsonl] = list(read(str(path)))
    assert from_jsonl.sha256 == only(DATA / "html" / "60159.html").sha256


def test_iter_paths_is_idempotent(tmp_path):
    """build() expands paths once and hands them to read_all, which expands again."""
    odd = tmp_path / "odd[1].txt"
    odd.write_text("A file whose name looks like a glob.\n", encoding="utf-8")
    args = [str(READ / "folder"), str(odd), "-", "missing*.txt", str(tmp_path / "x")]
    once = list(iter_paths(args))
    assert list(iter_paths(once)) == once
    assert str(odd) in once
