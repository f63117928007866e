"""Who published a transcript, under which licence, and how to credit it, from its URL.

The graph republishes the full text of every transcript, so each one must
carry its licence and the credit its licence asks for.  kremlin.ru puts its
content under CC BY 4.0 with the credit "President of Russia, kremlin.ru";
texts of the White House are works of the US federal government, in the
public domain in the United States (17 U.S.C. 105).  A transcript whose URL
names no known publisher gets no licence triples: claiming one would be a
guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/"
PUBLIC_DOMAIN_MARK = "https://creativecommons.org/publicdomain/mark/1.0/"


@dataclass(frozen=True)
class Publisher:
    """A source of transcripts: its agent, its licence and the credit it asks for."""

    key: str
    name: str
    homepage: str
    licence: str
    credit: str
    rights: str
    hosts: tuple[str, ...]
    #: whether the licence names a rights holder (public-domain texts have none)
    holds_rights: bool = True
    #: the transcript format (:mod:`kg.formats`) that is this publisher's own page layout
    format: str | None = None


PUBLISHERS: tuple[Publisher, ...] = (
    Publisher(
        key="kremlin.ru", name="President of Russia", homepage="http://en.kremlin.ru/",
        licence=CC_BY_4, credit="President of Russia, kremlin.ru",
        rights="Content of kremlin.ru is licensed under CC BY 4.0; credit \"President of Russia, kremlin.ru\".",
        hosts=("kremlin.ru",), format="kremlin"),
    Publisher(
        key="whitehouse.gov", name="The White House", homepage="https://www.whitehouse.gov/",
        licence=PUBLIC_DOMAIN_MARK, credit="The White House",
        rights="A work of the United States federal government: in the public domain in the "
               "United States (17 U.S.C. 105).",
        hosts=("whitehouse.gov", "bidenwhitehouse.archives.gov", "trumpwhitehouse.archives.gov",
               "obamawhitehouse.archives.gov"),
        holds_rights=False, format="whitehouse"),
)


def publisher_for(url: str | None, format: str | None = None) -> Publisher | None:
    """The publisher whose site ``url`` is on (subdomains included), or None.

    Without a URL, a transcript in a publisher's own page layout (kremlin.ru's
    "President of Russia Vladimir Putin:" labels, the White House's readouts)
    is taken as that publisher's: the parser recognised its pages.
    """
    if not url:
        return next((p for p in PUBLISHERS if format and p.format == format), None)
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    for publisher in PUBLISHERS:
        if any(host == h or host.endswith("." + h) for h in publisher.hosts):
            return publisher
    return None
