"""People named with a role that is no office (양무진 교수, 김 앵커): they may speak in a
quote but are no officials, so they are found apart from officials and never merged in."""

from __future__ import annotations

from ..analysis import Document
from ..coverage import Coverage
from ..rules.schemas.officials import anchored
from .coreference import back_references
from .mentions import Mention
from .names import is_person_name


def find_speakers(doc: Document) -> list[Mention]:
    """People named with a non-office role (양무진 교수, and then 양 교수), in the order the
    role's shapes find them."""
    out = []
    taken = Coverage(len(doc.body))
    for match in anchored("name_and_role").finditer(doc.body):
        name = match.group("name")
        if is_person_name(doc, name, match.start("name")):
            out.append(Mention(name, match.group("title"), match.group("org"), match.group("org"),
                               match.start(), match.end("title"), official=False, office=match.group("title")))
            taken.add(match.start(), match.end("title"))
    return out + back_references(doc, out, taken, anchored("family_name_and_role"))
