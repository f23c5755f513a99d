"""The pruned tree made the tree its markup would parse to, without writing and parsing it.

The readers once read a bs4 tree built from the pruned tree's markup (lxml.html.tostring),
and records must read as they did; writing and parsing again cost more than the readers.
Writing out is not the identity. lxml.html.tostring deletes each match of
<meta http-equiv="Content-Type"[^>]*> from its output (a <meta> whose first attribute that
is; its tail stays), and libxml2 writes a URL attribute (href, src, action, an <a>'s name;
the readers read href) without leading blanks, with spaces, controls and non-ASCII
%-escaped: those two are done to the tree here. For what is rarer and harder to mimic the
tree is still written and parsed: an empty <li> is written without its end tag (what
follows falls into it); the text of <xmp>, <iframe>, <noembed>, <noframes> and <plaintext>
is written escaped but read raw; a carriage return (&#13;) is written raw and read as a
newline; the <meta> pattern in a script's text, or a '>' in such a <meta>'s attribute,
cuts the markup elsewhere.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from .tree import Element

_META = '<meta http-equiv="Content-Type"'
_RAW_READ = ("xmp", "iframe", "noembed", "noframes", "plaintext")
# A carriage return in the tree comes from a character reference: the parser reads a raw one as a newline.
_CR_REFERENCE = re.compile(r"&#(?:0*13(?!\d)|[xX]0*[dD](?![0-9a-fA-F]))")
_EMPTY_ITEM = etree.XPath("boolean(descendant::li[not(node())])")
_URLS = etree.XPath("descendant-or-self::*[@href or @src or @action or self::a[@name]]")


def as_serialized(root: Element, page: str) -> Element:
    """`root` as lxml.html.tostring() and a parse of its output make it (bs4 parsed that
    output); `page` is the source the tree was parsed from."""
    metas = [m for m in root.iter("meta") if m.keys()[:1] == ["http-equiv"] and m.get("http-equiv") == "Content-Type"]
    if (_EMPTY_ITEM(root) or next(root.iter(*_RAW_READ), None) is not None or _CR_REFERENCE.search(page)
            or any(_META in (script.text or "") for script in root.iter("script", "style"))
            or any(">" in value for meta in metas for value in meta.values())):
        return lxml_html.document_fromstring(lxml_html.tostring(root, encoding="unicode"))
    for meta in metas:
        meta.drop_tree()
    for element in _URLS(root):
        for name in ("href", "src", "action", "name") if element.tag == "a" else ("href", "src", "action"):
            if (value := element.get(name)) is not None and (escaped := _uri(value)) != value:
                element.set(name, escaped)
    return root


def _uri(value: str) -> str:
    value = value.lstrip(" \t\n\r")
    return "".join(c if " " < c < "\x7f" else "".join(f"%{b:02X}" for b in c.encode()) for c in value)
