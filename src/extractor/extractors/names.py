"""Whether a word is a person's name: the test every mention and every quote's speaker passes.

Names are no closed list, so the test is a family name first and Kiwi's reading of the word,
with word lists of what stands where names stand but is none (신임 장관, 당시 시장).
"""

from __future__ import annotations

from functools import cache

from .. import places, rules
from ..analysis import Document
from ..rules.schemas.organizations import Organizations
from ..rules.schemas.surnames import Surnames
from ..rules.schemas.titles import Titles


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(family names, words that are no names, offices and roles, organization aliases,
    offices that name a foreign leader): sets, so each test is one lookup."""
    names, titles = rules.get(Surnames), rules.get(Titles)
    return (names.every_name(), frozenset(names.not_names), frozenset(titles.offices) | frozenset(titles.roles.names),
            frozenset(rules.get(Organizations).aliases), frozenset(titles.foreign_offices))


def is_person_name(doc: Document, name: str, start: int, *, title: str | None = None,
                   has_org: bool = False) -> bool:
    """Whether a word before an office is a person's name.

    A Korean name starts with a family name. Kiwi often misreads names that start with
    이 or 정 (이 as "this", 정 as an adverb), so its tags only veto a three-syllable name
    when they read a verb or a particle into it; a two-syllable name needs Kiwi's proper-
    noun reading or an organization beside it. A name Kiwi reads as one proper noun needs
    no Korean family name when its country or a head-of-government office stands with it:
    foreign leaders are named by their family name alone (바이든 미국 대통령, 기시다 총리).
    """
    surnames, not_names, offices, aliases, foreign_titles = _lexicon()
    if name in not_names or name in aliases or name in offices or places.is_place(name):
        return False
    tokens = doc.tokens_between(start, start + len(name))
    one_proper_noun = (len(tokens) == 1 and tokens[0].tag == "NNP"
                       and tokens[0].end - tokens[0].start == len(name))
    if one_proper_noun and (has_org or title in foreign_titles):
        return True
    if not (name[0] in surnames or name[:2] in surnames):
        return False
    if len(name) == 2:
        return one_proper_noun or has_org
    if len(name) == 4 and name[:2] not in surnames:
        return False  # four syllables: 남궁민수, not 소통채널
    compound = sum(1 for t in tokens if t.tag == "NNG" and t.end - t.start >= 2) >= 2
    # A common noun with a suffix or bound noun after it is no name (주민들, 정부측); a
    # suffix elsewhere is Kiwi misreading a name (이권재 as 이+권+재).
    suffixed = (len(tokens) >= 2 and tokens[-1].tag in ("XSN", "NNB") and tokens[-2].tag == "NNG"
                and tokens[-2].end - tokens[-2].start >= 2)
    return not compound and not suffixed and not any(t.tag.startswith(("V", "J", "E", "XSV", "XSA")) for t in tokens)


def common_noun_inside(doc: Document, start: int, end: int) -> bool:
    """Whether Kiwi reads a common noun of two or more syllables inside body[start:end]:
    an office word is often a common noun's neighbour (시장 경쟁력, 대통령 기록관)."""
    return any(t.tag == "NNG" and t.end - t.start >= 2 for t in doc.tokens_between(start, end))


@cache
def _foreign() -> frozenset[str]:
    return frozenset(rules.get(Organizations).foreign)


def is_foreign(organization: str | None) -> bool:
    """Whether an organization is one abroad (미국, 백악관, 프랑스): its people are named given name first."""
    return organization in _foreign()


def given_names_before(doc: Document, start: int) -> int:
    """Where a foreign name starts whose family name starts at `start`: 제이크 설리번, 카린 장 피에르.

    Up to two words before it, each of one to five syllables that Kiwi reads as nouns only, and not
    as one common noun (이날, 당시), and that no word list names as something else (an office, a place).
    """
    _, not_names, offices, aliases, _ = _lexicon()
    at = start
    for _ in range(2):
        if at < 2 or doc.body[at - 1] != " ":
            break
        word_start = at - 1
        while word_start > 0 and "가" <= doc.body[word_start - 1] <= "힣" and at - 1 - word_start < 5:
            word_start -= 1
        word = doc.body[word_start:at - 1]
        opens_a_word = word_start == 0 or doc.body[word_start - 1].isspace() or doc.body[word_start - 1] in "([\"'“‘"
        if not word or not opens_a_word:
            break
        if word in not_names or word in aliases or word in offices or places.is_place(word) or word in _foreign():
            break
        tokens = doc.tokens_between(word_start, at - 1)
        if not tokens or any(not t.tag.startswith(("NN", "SL")) for t in tokens):
            break
        if len(tokens) == 1 and tokens[0].tag == "NNG" and len(word) >= 2:
            break  # a common noun of the dictionary (이날 바이든 미국 대통령)
        at = word_start
    return at
