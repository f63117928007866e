"""Whether two names on one page are one person: the same surname with its spellings folded, a shorter
and a fuller form of one name, the publisher's own leader, a name run on into the host's.

The participants stage asks these questions of every pair it may merge; they know only the names
(and a country where one is given), never the page, so they live apart from the stage.
"""

from __future__ import annotations

from kg.model import Person, evolve
from kg.people.namekey import name_words, surname


def same_person(a: Person, b: Person) -> bool:
    """One person twice: the same surname, spellings folded ("Erdogan" and "Erdoğan", "Aliev" and "Aliyev")."""
    words_a, words_b = name_words(a.name), name_words(b.name)
    if not words_a or not words_b:
        return False
    return words_a[-1] == words_b[-1] or (len(words_a) == 1 and words_a[0] in words_b) \
        or (len(words_b) == 1 and words_b[0] in words_a)


def overlap(a: Person, b: Person) -> bool:
    """One person under a shorter and a fuller name: "Mohamed bin Zayed" in "Mohamed bin Zayed Al Nahyan"."""
    words_a, words_b = set(name_words(a.name)), set(name_words(b.name))
    return same_person(a, b) or bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def longer_name(person: Person, earlier: Person) -> bool:
    """One person of one country named twice, once in full: "Sheikh Mohamed bin Zayed" after "Sheikh
    Mohamed bin Zayed Al Nahyan" (two names of two words or more, one's words all in the other's)."""
    words, theirs = set(name_words(person.name)), set(name_words(earlier.name))
    return bool(person.country) and person.country == earlier.country and min(len(words), len(theirs)) >= 2 \
        and (words <= theirs or theirs <= words)


def is_host(person: Person, host: Person | None) -> bool:
    """The publisher's leader under a fuller name ("Joseph R. Biden Jr." for Joe Biden)."""
    return host is not None and surname(person.name).lower() == surname(host.name).lower()


def without_host(person: Person, host: Person) -> Person:
    """A name run on into the host's: "Mauricio Macri Vladimir Putin" (a lost comma) is Mauricio Macri."""
    words, theirs = person.name.split(), host.name.split()
    if len(words) > len(theirs) + 1 and words[-len(theirs):] == theirs:
        return evolve(person, name=" ".join(words[:-len(theirs)]))
    return person
