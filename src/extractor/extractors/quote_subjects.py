"""Who a quote's sentence speaks of when no official is named right before it.

Three readings the quote stage falls back on: a family name and an office that refer to no
one named in full (권 시장은 "…": the speaker is 권, with the office, and no official); a name
with no office as the subject (이준호는 "…"); and whether an opening holds any
subject at all (한편 … 관련해 "…"고 말했다 goes on speaking of the last speaker).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from .. import rules
from ..analysis import Document
from ..coverage import Coverage
from ..rules.schemas.officials import anchored
from ..rules.schemas.quotes import Quotes
from ..rules.schemas.quotes import pattern as quote_pattern
from ..rules.schemas.surnames import Surnames
from . import organizations as orgs
from .names import is_person_name

# Subject particles after a bare name (이준호는, 베조스가).
_SUBJECT_MARKS = ("JKS", "JX")


@dataclass(frozen=True)
class Named:
    name: str
    start: int
    end: int
    role: str | None = None


def short_forms(doc: Document, taken: Coverage) -> list[Named]:
    """권 시장, 최 판사, 조 씨: a family name and an office or role that no earlier mention
    resolved (those are `taken`); the family name alone names the speaker. A family name that
    is also a word before an office (전, 한) is left out."""
    ambiguous = frozenset(rules.get(Surnames).ambiguous)
    hanja = rules.get(Surnames).hanja
    out = []
    for shape in ("family_name_and_office", "family_name_and_role"):
        for match in anchored(shape).finditer(doc.body):
            surname = hanja.get(match.group("surname"), match.group("surname"))
            if surname in ambiguous or taken.overlaps(match.start(), match.end()):
                continue
            if (match.groupdict().get("former")) or not is_family_name(surname):
                continue
            out.append(Named(surname, match.start(), match.end(), match.group("title")))
    return out


def is_family_name(syllable: str) -> bool:
    return syllable in rules.get(Surnames).every_name()


def named_subject(doc: Document, start: int, end: int) -> Named | None:
    """The last person named without an office as a subject in body[start:end] (이준호는, 김서윤이):
    one proper noun by Kiwi's reading, a subject particle right after it, and a name's shape."""
    tokens = doc.tokens_between(start, end)
    topic = rules.get(Quotes).topic_particles
    for prev, tok in reversed(list(pairwise(tokens))):
        if tok.tag not in _SUBJECT_MARKS or prev.tag != "NNP" or prev.end != tok.start:
            continue
        if tok.tag == "JX" and tok.form not in topic:
            continue
        name = doc.body[prev.start:prev.end]
        before = doc.body[prev.start - 1] if prev.start > 0 else " "
        if len(name) < 2 or not (before.isspace() or before in "\"'“‘(["):
            continue
        # (a Korean name's shape only: a foreign word alone, 갤럽 or 코레일, is as often a body as a person)
        if (len(name) <= 4 and (is_family_name(name[0]) or is_family_name(name[:2]))
                and not orgs.is_organization(name) and is_person_name(doc, name, prev.start)):
            return Named(name, prev.start, prev.end)
    return None


def has_subject(doc: Document, start: int, end: int) -> bool:
    """Whether body[start:end] holds a subject: a noun with 이/가, or with 은/는 (…에 대해서는
    is a topic of the verb, not a noun's, and counts as none)."""
    tokens = doc.tokens_between(start, end)
    topic = rules.get(Quotes).topic_particles
    return any(tok.tag == "JKS" or (tok.tag == "JX" and tok.form in topic and prev.tag.startswith(("NN", "NP")))
               for prev, tok in pairwise(tokens))


def unnamed_speaker(doc: Document, start: int, end: int) -> Named | None:
    """The last unnamed speaker in body[start:end] that is a subject: 국토부 관계자는, 재판부는,
    소속사 측은. Its name stays null; the role says who spoke."""
    found = None
    for match in quote_pattern("unnamed_speaker").finditer(doc.body, start, end):
        found = Named("", match.start("role"), match.end("role"), match.group("role"))
    return found


def is_not_the_subject(doc: Document, end: int) -> bool:
    """Whether the word a mention ends is followed by a particle that makes it no subject:
    조 실장과의 통화에서 "…", 조 감독의 요청에 대해서는 "…" speak of that person, not as them."""
    tokens = doc.tokens_between(end, end + 4)
    return bool(tokens) and tokens[0].start == end and tokens[0].tag in _NOT_SUBJECT


# Particles after a name that make it an object, a possessor or a partner (을, 의, 과, 에게).
_NOT_SUBJECT = frozenset({"JKO", "JKG", "JKB", "JC"})
