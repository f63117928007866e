"""Joint statements and declarations: every signatory is a participant.

A joint statement's title names the parties ("U.S.-Singapore Joint Leaders'
Statement", "Joint Statement from the Leaders of the United States, Egypt, and
Qatar") more often than the leaders, and the leaders are named somewhere in the
body ("we, President Joseph R. Biden, Jr. of the United States and President
William S. Ruto of Kenya").  So the parties come from the title's subject
(before "on ..." or a colon: "... Joint Statement on Long-Range Fires
Deployment in Germany" is about Germany, not from it) and each party's leader
from the first mention of a principal of that country in the text.  A party
whose leader the text never names stays without a participant: nobody is
invented.
"""

from __future__ import annotations

import re

from kg.inputs.text import normalise
from kg.people.cast import Mention, find_mentions
from kg.people.leaders import known_leader
from kg.people.usualnames import usual_name
from kg.model import Document, Person

JOINT_STATEMENT = re.compile(r"\bJoint\b[^\n]{0,40}\b(?:Statement|Declaration|Communiqu[eé])|\bDeclaration\b"
                             # "Statement by President of Russia ..., Federal Chancellor of Germany ... and ...":
                             # several signatories named before what it is about
                             r"|^Statement (?:by|of|from)\b(?:(?!\s(?:on|regarding|concerning)\s|:)[^\n])*?\sand\s",
                             re.I)
_SUBJECT_END = re.compile(r"\s(?:on|to|in|regarding|following|at)\s|:|\|")
_LEADERS = re.compile(r"\b(Leaders|Presidents|Prime Ministers)[’']?(?!\w)", re.I)
_LEADER_KINDS = {"leaders": ("head_of_government", "head_of_state"), "presidents": ("head_of_state",),
                 "prime ministers": ("head_of_government",)}
_KIND_OFFICE = {"head_of_government": "Prime Minister", "head_of_state": "President"}
# Republics whose President, not the Prime Minister, leads the country and signs for it abroad
# (semi-presidential or presidential with a premier): "the Leaders of ... France, ... Romania, Serbia" are
# Presidents Macron, Iohannis and Vucic.
_PRESIDENT_LEADS = frozenset("""FRA ROU SRB RUS UKR BLR KAZ UZB KGZ TJK TKM AZE EGY DZA TUN KOR LKA PER SEN
CMR CIV GAB COD COG TCD MLI NER BFA GIN MDG MOZ NAM RWA SYR YEM TWN""".split())
_HEADS = frozenset({"President", "Prime Minister", "Chancellor", "Federal Chancellor", "King", "Queen", "Emir",
                    "Amir", "Crown Prince", "Sultan", "Premier", "Taoiseach", "Federal President"})


def is_joint_statement(doc: Document) -> bool:
    return bool(doc.title and JOINT_STATEMENT.search(doc.quote(doc.title)))


def parties(doc: Document) -> list[str]:
    """Countries the title's subject names, in order: the signatories."""
    from kg.people.gazetteer import default_gazetteer

    if not doc.title:
        return []
    title = normalise(doc.quote(doc.title), quotes=False)
    if title.isupper():  # "JOINT LEADERS' STATEMENT: ELEVATING UNITED STATES-VIETNAM RELATIONS"
        title = title.title()
    joint = JOINT_STATEMENT.search(title)
    subject_end = _SUBJECT_END.search(title, joint.end() if joint else 0)
    subject = title[:subject_end.start()] if subject_end else title
    if subject_end and not default_gazetteer().find_countries(subject) and subject_end.group() in (":", "|"):
        subject = title  # "Joint Leaders' Statement: Elevating United States-Vietnam Relations"
    found: list[str] = []
    for mention in default_gazetteer().find_countries(subject):
        if mention.code not in found:
            found.append(mention.code)
    if not found:  # "Joint Statement from President Biden and Prime Minister Meloni": the lead names the parties
        for utterance in doc.utterances[:1]:
            for sentence in utterance.sentences[:2]:
                for mention in default_gazetteer().find_countries(doc.text, sentence.start, sentence.end):
                    if mention.code not in found:
                        found.append(mention.code)
    return found


def signatories(doc: Document, people: list[Person], date: str | None) -> list[Person]:
    """``people`` and, for each party of a joint statement not among them, its leader as the text names him."""
    if not is_joint_statement(doc):
        return people
    people = people + _organisation_heads(doc, people, date)
    have = {p.country for p in people}
    wanted = [code for code in parties(doc) if code not in have and code != doc.publisher_country]
    if not wanted:
        return people
    added = list(people)
    mentions = [m for m in find_mentions(doc.text, 0, len(doc.text)) if m.office in _HEADS and m.name]
    for mention in mentions:
        if mention.country in wanted:
            added.append(_person(mention, mention.country, date))
            wanted.remove(mention.country)
            if not wanted:
                return added
    leaders = _LEADERS.search(doc.quote(doc.title))
    if leaders:  # "Joint Statement from the Leaders of ...": each party's leader
        for code in list(wanted):
            kinds = _LEADER_KINDS[leaders.group(1).lower()]
            if code in _PRESIDENT_LEADS and leaders.group(1).lower() == "leaders":
                kinds = ("head_of_state", "head_of_government")
            leader = _leader_of(code, date, kinds)
            if leader:
                added.append(leader)
                wanted.remove(code)
    if len(wanted) == 1:  # "President Biden and Prime Minister Meloni": the one other leader is the other party's
        named = {word.lower() for p in added for word in p.name.split()} | {_host_surname(doc, date).lower()}
        others = [m for m in mentions if not m.country and not named & set(m.name.lower().split())]
        if others and all(set(m.name.lower().split()) & set(others[0].name.lower().split()) for m in others):
            person = _person(others[0], wanted[0], date)
            if person.country == wanted[0]:
                added.append(person)
    return added


def _leader_of(country: str, date: str | None, kinds: tuple[str, ...]) -> Person | None:
    """The leader who signs for ``country`` on ``date``: the holder of the first of ``kinds`` (head of
    government, then head of state, for "Leaders") the list knows."""
    from kg.people.gazetteer import default_gazetteer

    if not date:
        return None
    index = default_gazetteer().leaders()
    tenures = index.of_country(country, date, 0)
    for kind in kinds:
        # the list repeats a tenure with a year only and no end: the latest exactly dated one is today's
        holders = sorted((t for t in tenures if t.kind == kind), key=lambda t: (len(t.start) == 10, t.start))
        if holders:
            label = index.label(holders[-1].qid) or holders[-1].name
            name = usual_name(holders[-1].qid, date, label)  # the page gives no name: the pages' usual one
            return Person(name, _KIND_OFFICE[kind], country, qid=holders[-1].qid, label=label)
    return None


def _person(mention: Mention, country: str, date: str | None) -> Person:
    known = known_leader(Mention(mention.name, None, None), date)
    if known and known.country not in (None, country):
        return known  # the name is another country's leader: not this party's
    name = known.name if known and len(known.name) >= len(mention.name or "") else mention.name
    return Person(name or "", mention.office, country, None, known.qid if known else None)


def _host_surname(doc: Document, date: str | None) -> str:
    from kg.people.leaders import office_holder

    host = office_holder(doc.publisher_country, "President", date) if doc.publisher_country else None
    return host.name.split()[-1] if host else ""


# "Joint Statement by President Biden and President von der Leyen on U.S.-EU ...": the head of an organisation
# the title's subject names, by office and name (a name may start with a particle: "von der Leyen").
_TITLE_HEAD = re.compile(r"\b(?:President|Secretary[- ]General|Chair(?:man|woman|person)?)[ \u00a0]+"
                         r"(?P<name>(?:(?:von|van|der|de|den|du|da|al)[ \u00a0]+)*[A-Z][\w'’\-]*"
                         r"(?:[ \u00a0]+(?:(?:von|van|der|de|den|du|da|al)[ \u00a0]+)*[A-Z][\w'’\-]*)*)")


def _organisation_heads(doc: Document, people: list[Person], date: str | None) -> list[Person]:
    """The head of an organisation that signs a joint statement with the host, when the title names them
    and no country ("President von der Leyen"): they speak for the organisation its subject names."""
    from kg.people.gazetteer import default_gazetteer

    title = normalise(doc.quote(doc.title), quotes=False) if doc.title else ""
    joint = JOINT_STATEMENT.search(title)
    subject_end = _SUBJECT_END.search(title, joint.end() if joint else 0)
    organisations = default_gazetteer().find_organisations(title, 0, len(title))
    if not organisations and doc.utterances:  # "... on European Energy Security": the lead names it
        lead = doc.utterances[0].span
        organisations = default_gazetteer().find_organisations(doc.text, lead.start, lead.end)
    subject = title[:subject_end.start()] if subject_end else title
    if not organisations or any(p.organisation for p in people) or any(  # a country's leader signs with the host
            m.code != doc.publisher_country for m in default_gazetteer().find_countries(subject)):
        return []
    named = {w.lower() for p in people for w in p.name.split()} | {_host_surname(doc, date).lower()}
    heads = []
    for match in _TITLE_HEAD.finditer(title, 0, subject_end.start() if subject_end else len(title)):
        words = match["name"].split()
        if named & {w.lower() for w in words} or default_gazetteer().find_countries(match["name"]) or \
                title[match.end():match.end() + 1] == ".":  # "President Joseph R. Biden": an initial, not a surname
            continue
        office = match.group().split()[0]
        heads.append(Person(match["name"], office, None, organisation=organisations[0][0].name))
    return heads[:1]
