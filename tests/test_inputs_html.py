"""kg.inputs.html on hand-made pages: generic and kremlin.ru layouts, metadata, whitespace, broken markup."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.inputs.html import clean, html_to_page


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


KREMLIN = page(
    '<header><a>President of Russia</a></header>'
    '<div class="read__top"><h1>Meeting with President of Azerbaijan Ilham Aliyev</h1>'
    '<time class="read__published" datetime="2021-07-20">July 20, 2021</time>'
    '<div class="read__place">The Kremlin, Moscow</div></div>'
    '<div class="read__lead"><p>Vladimir Putin held a meeting with Ilham Aliyev.</p></div>'
    '<div class="entry-content">'
    '<p>Vladimir Putin: Mr President, friends,</p>'
    '<div class="slider"><p>Photo caption that is no speech</p></div>'
    '<p>We are glad to see you.</p>'
    '<div class="read__cut"><p>See also</p></div>'
    '<ul class="read__tags"><li>Azerbaijan</li></ul>'
    '<p>Ilham Aliyev: Thank you.</p>'
    '</div><footer>Publication status</footer>',
    head='<title>Meeting • President of Russia</title>'
         '<meta property="og:url" content="http://en.kremlin.ru/events/president/news/66206">')


def test_kremlin_layout_title_dateline_lead_body_dateline():
    read = html_to_page(KREMLIN)
    assert read.is_kremlin
    assert read.text == (
        "Meeting with President of Azerbaijan Ilham Aliyev\n\n"
        "July 20, 2021, The Kremlin, Moscow\n\n"
        "Vladimir Putin held a meeting with Ilham Aliyev.\n\n"
        "Vladimir Putin: Mr President, friends,\n\n"
        "We are glad to see you.\n\n"
        "Ilham Aliyev: Thank you.\n\n"
        "July 20, 2021, The Kremlin, Moscow\n")
    assert (read.title, read.date, read.url) == (
        "Meeting with President of Azerbaijan Ilham Aliyev", "2021-07-20",
        "http://en.kremlin.ru/events/president/news/66206")


def test_kremlin_skip_classes_only_apply_inside_the_body():
    html = page('<div class="photo-credit"><p>Lead outside the body stays</p></div>'
                '<div class="read__internal_content"><p>Words.</p><p class="photo">Caption</p></div>')
    text = html_to_page(html).text
    assert "Lead outside the body stays" not in text  # not a kremlin region: no text outside regions
    assert "Caption" not in text and "Words." in text


def test_generic_page_title_prefers_og_title_and_keeps_other_headings():
    html = page("<nav><p>Home | About</p></nav><h1>Statement</h1><h2>Sub</h2><p>First&nbsp;para.</p>"
                "<aside>Related</aside><footer>© 2021</footer>",
                head='<title>Site title | Example</title><meta property="og:title" content="  The   real title ">')
    read = html_to_page(html)
    assert read.title == "The real title"
    assert read.text == "The real title\n\nStatement\n\nSub\n\nFirst\u00a0para.\n"
    assert not read.is_kremlin


def test_title_suffix_of_the_kremlin_site_is_dropped():
    read = html_to_page(page("<p>Body.</p>", head="<title>Talks with Xi Jinping – President of Russia</title>"))
    assert read.title == "Talks with Xi Jinping"


def test_h1_is_the_title_when_the_head_has_none():
    read = html_to_page(page("<h1>Only heading</h1><p>Text.</p>"))
    assert read.title == "Only heading" and read.text == "Only heading\n\nText.\n"


@pytest.mark.parametrize("tag", ["script", "style", "noscript", "template", "svg", "iframe", "button", "select",
                                 "figcaption"])
def test_code_media_and_controls_are_never_text(tag):
    read = html_to_page(page(f"<p>Before</p><{tag}><p>hidden {tag}</p></{tag}><p>After</p>"))
    assert read.text == "Before\n\nAfter\n"


def test_br_breaks_and_inline_tags_join():
    read = html_to_page(page("<p>One<br>Two<br/>Three <b>bold</b><i>italic</i></p>"))
    assert read.text == "One\n\nTwo\n\nThree bolditalic\n"


def test_entities_are_decoded_and_nbsp_survives_while_ascii_runs_collapse():
    read = html_to_page(page("<p>A&amp;B   &lt;tag&gt;\n\t&nbsp;&#8212;&nbsp;end&#x2019;s</p>"))
    assert read.text == "A&B <tag> \u00a0—\u00a0end’s\n"


def test_a_paragraph_of_only_nbsp_is_no_paragraph():
    assert html_to_page(page("<p>&nbsp;</p><p>Real.</p>")).text == "Real.\n"


def test_unclosed_tags_and_self_closed_blocks():
    read = html_to_page(page("<div><p>Open para<div/>next<p>another"))
    assert read.text == "Open para\n\nnext\n\nanother\n"


@pytest.mark.parametrize("head,url", [
    ('<link rel="canonical" href="https://example.org/a"><meta property="og:url" content="https://example.org/b">',
     "https://example.org/a"),
    ('<link rel="canonical" href="17622.html"><meta property="og:url" content="https://example.org/b">',
     "https://example.org/b"),
    ('<link rel="alternate canonical" href="https://example.org/c">', "https://example.org/c"),
    ('<meta property="og:url" content="https://example.org/with space">', None),
    ('<meta property="og:url" content="javascript:alert(1)">', None),
    ("", None),
])
def test_page_url_is_absolute_http_and_whitespace_free(head, url):
    assert html_to_page(page("<p>x</p>", head=head)).url == url


@pytest.mark.parametrize("head,date", [
    ('<meta property="article:published_time" content="2021-07-20T10:00:00+03:00">', "2021-07-20"),
    ('<meta name="ya:ovs:upload_date" content=" 2013-03-04 ">', "2013-03-04"),
    ('<meta property="article:published_time" content="2021-02-30">', None),
    ('<meta property="article:published_time" content="July 20, 2021">', None),
    ('<meta property="article:published_time" content="2021-07-20">'
     '<meta property="article:published_time" content="1999-01-01">', "2021-07-20"),  # the first one counts
])
def test_date_from_meta_must_be_a_real_iso_day(head, date):
    assert html_to_page(page("<p>x</p>", head=head)).date == date


def test_time_element_date_wins_over_meta():
    html = page('<div class="entry-content"><p>x</p></div>'
                '<time class="read__published" datetime="2020-01-02">January 2, 2020</time>',
                head='<meta property="article:published_time" content="2021-07-20">')
    assert html_to_page(html).date == "2020-01-02"


def test_empty_and_textless_pages_give_empty_text():
    assert html_to_page("").text == ""
    assert html_to_page(page("<script>x()</script>")).text == ""


def test_deeply_nested_markup_is_read_in_linear_time():
    depth = 5000
    read = html_to_page(page("<div>" * depth + "<p>deep</p>" + "</div>" * depth))
    assert read.text == "deep\n"


def test_clean_collapses_ascii_whitespace_only():
    assert clean("  a \t\n b\u00a0\u00a0c  ") == "a b\u00a0\u00a0c"


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30),
                min_size=1, max_size=6))
def test_paragraph_text_comes_back_escaped_or_not(paragraphs):
    """Whatever the words, each non-blank paragraph comes back whole, collapsed like a browser does."""
    import html as html_lib

    body = "".join(f"<p>{html_lib.escape(p)}</p>" for p in paragraphs)
    expected = [clean(p) for p in paragraphs if clean(p).strip()]
    read = html_to_page(page(body))
    assert read.text == ("\n\n".join(expected) + "\n" if expected else "")
