"""Turn a saved HTML page into transcript text, with the stdlib parser only.

kremlin.ru pages get special care: their plain-text versions (the dev
``.txt`` files and the kremlin-news corpus) lay a page out as

    Title

    Month D, YYYY, Place

    Lead paragraph

    Body paragraph ...

    Month D, YYYY, Place

and reading the HTML of a page must give the *same* text, so the sha256 (and
with it the transcript's IRI) is the same whichever form was read.  Other
pages get a generic reading: ``<title>`` and the text of block elements
outside navigation, headers and footers.

Whitespace follows the browser's rule: runs of ASCII whitespace become one
space, but U+00A0 and all other typography stay, because gold quotes are
exact substrings of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from kg.inputs.text import ISO_DATE, valid_date

VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
BLOCK_TAGS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote tr td th dd dt dl pre section "
    "article table header footer nav aside main figure form".split()
)
# Never text: code, media, and the chrome of a generic page.
SKIP_TAGS = frozenset(
    "script style noscript template svg iframe video audio object figcaption select button".split()
)
GENERIC_CHROME_TAGS = frozenset("nav header footer aside form".split())
# kremlin.ru classes whose subtree is no part of the transcript: photo
# sliders and captions, "See also" boxes, tag lists, publication status.
KREMLIN_SKIP_CLASSES = ("slider", "read__cut", "cut", "masha-ignore", "read__bottommeta",
                        "read__tags", "hidden-copy", "photo", "video", "read__share")
TITLE_SUFFIX = re.compile(r"\s*[•|–—-]\s*President of Russia\s*$")
ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")


@dataclass
class Page:
    """What was read from one page: its text and the metadata the page states."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    is_kremlin: bool = False


def clean(text: str) -> str:
    """Collapse ASCII whitespace as a browser does; keep U+00A0 and the rest."""
    return ASCII_SPACE.sub(" ", text).strip(" ")


@dataclass
class _Region:
    """Paragraphs collected for one part of the page (lead, body...)."""

    paragraphs: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)

    def flush(self) -> None:
        text = clean("".join(self.current))
        if text.strip():  # full Unicode strip: a lone &nbsp; is no paragraph
            self.paragraphs.append(text)
        self.current.clear()


class _PageParser(HTMLParser):
    """Collects title, meta and paragraphs by region while tracking open elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []  # (tag, region it opened or None)
        self.open_tags: Counter[str] = Counter()  # tags on the stack, so "is it open?" is O(1)
        self.open_regions: list[str] = []  # the regions opened by elements on the stack, in order
        self.skip_depth = 0  # > 0 while inside a skipped subtree
        self.region: str | None = None
        self.regions: dict[str, _Region] = {}
        self.meta: dict[str, str] = {}
        self.time_datetime: str | None = None
        self.is_kremlin = False

    # -- element bookkeeping -------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "meta":
            self._meta(attr)
            return
        if tag == "link" and "canonical" in attr.get("rel", "").lower().split():
            self.meta.setdefault("canonical", attr.get("href", "").strip())
            return
        if tag == "br":
            self._break()
            return
        if tag in VOID_TAGS:
            return
        classes = attr.get("class", "").split()
        skip = self.skip_depth > 0 or self._skips(tag, classes)
        opened = None if skip else self._region_opened(tag, classes, attr)
        if skip:
            self.skip_depth += 1
        elif tag in BLOCK_TAGS:
            self._break()
        self.stack.append((tag, opened))
        self.open_tags[tag] += 1
        if opened:
            self.open_regions.append(opened)
            self.region = opened

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or not self.open_tags[tag]:
            return  # stray end tag: ignore, as browsers do
        while self.stack:
            open_tag, opened = self.stack.pop()
            self.open_tags[open_tag] -= 1
            if opened:
                self.open_regions.pop()
            if self.skip_depth > 0:
                self.skip_depth -= 1
            else:
                if open_tag in BLOCK_TAGS or opened:
                    self._break()
                if opened:
                    self.region = self._enclosing_region()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skip_depth == 0 and self.region is not None:
            self.regions.setdefault(self.region, _Region()).current.append(data)

    # -- helpers ---------------------------------------------------------
    def _skips(self, tag: str, classes: list[str]) -> bool:
        if tag in SKIP_TAGS:
            return True
        if self.is_kremlin and self.region == "body":
            return any(c.startswith(KREMLIN_SKIP_CLASSES) for c in classes)
        return False

    def _region_opened(self, tag: str, classes: list[str], attr: dict[str, str]) -> str | None:
        """The kremlin.ru region this element starts, or a generic one."""
        if tag == "h1" and self.region != "title":
            return "h1"
        if tag == "title" and not self.stack_has("body"):
            return "title"
        if "read__lead" in classes:
            return "lead"
        if tag == "time" and "read__published" in classes:
            self.time_datetime = attr.get("datetime")
            return "published"
        if "read__place" in classes:
            return "place"
        if "entry-content" in classes or "read__internal_content" in classes:
            self.is_kremlin = True
            return "body"
        if tag == "body":
            return "page"
        if tag in GENERIC_CHROME_TAGS and self.region == "page":
            return "chrome"
        return None

    def stack_has(self, tag: str) -> bool:
        return self.open_tags[tag] > 0

    def _enclosing_region(self) -> str | None:
        return self.open_regions[-1] if self.open_regions else None

    def _break(self) -> None:
        if self.region is not None and self.skip_depth == 0:
            self.regions.setdefault(self.region, _Region()).flush()

    def _meta(self, attr: dict[str, str]) -> None:
        key = attr.get("property") or attr.get("name") or attr.get("itemprop")
        if key and "content" in attr and key not in self.meta:
            self.meta[key] = attr["content"]

    def paragraphs(self, region: str) -> list[str]:
        found = self.regions.get(region)
        if found is None:
            return []
        found.flush()
        return found.paragraphs


def _page_url(meta: dict[str, str]) -> str | None:
    """The page's own address: its canonical link when absolute (saved pages often make it
    relative, ``17622.html``), else ``og:url``."""
    for key in ("canonical", "og:url"):
        value = meta.get(key, "")
        if value.startswith(("http://", "https://")) and not any(c.isspace() for c in value):
            return value
    return None


def html_to_page(html: str) -> Page:
    """Read a page's text and metadata; kremlin.ru pages in the .txt layout."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    headings = parser.paragraphs("h1")
    h1 = headings[0] if headings else None
    head_title = " ".join(parser.paragraphs("title")) or None
    og_title = clean(parser.meta.get("og:title", "")) or None
    head_title = TITLE_SUFFIX.sub("", head_title) if head_title else None
    url = _page_url(parser.meta)
    date = _iso_date(parser.time_datetime) or _iso_date(
        parser.meta.get("article:published_time") or parser.meta.get("ya:ovs:upload_date")
    )
    if parser.is_kremlin:
        title = h1 or og_title or head_title
        dateline = ", ".join(parser.paragraphs("published") + parser.paragraphs("place"))
        blocks = [title or "", dateline, *parser.paragraphs("lead"),
                  *parser.paragraphs("body"), dateline]
    else:
        title = og_title or head_title or h1
        extra_headings = [h for h in headings if h != title]
        blocks = [title or "", *extra_headings, *parser.paragraphs("page")]
    text = "\n\n".join(b for b in blocks if b)
    return Page(text=text + "\n" if text else "", title=title, date=date, url=url,
                is_kremlin=parser.is_kremlin)


def _iso_date(value: str | None) -> str | None:
    if value:
        found = ISO_DATE.match(value.strip())
        if found and valid_date(found.group(0)):
            return found.group(0)
    return None
