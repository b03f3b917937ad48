# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-Python pieces of the sharing tags (OpenGraph, Twitter cards) of public pages and
of the article blocks of newsletters (no Odoo import)."""
import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree, html as lxml_html

DESCRIPTION_LIMIT = 200  # characters of og:description and twitter:description
_SPACES = re.compile(r"\s+", re.UNICODE)


def plain_text(value, limit=DESCRIPTION_LIMIT):
    """The text of an HTML fragment (tags, scripts and styles dropped, white space
    collapsed), at most `limit` characters, cut at a word with an ellipsis."""
    if not value:
        return ""
    text = value
    if "<" in value or "&" in value:
        try:
            doc = lxml_html.fragment_fromstring(value, create_parent="div")
        except (etree.ParserError, ValueError):
            doc = None
        if doc is not None:
            for bad in doc.xpath("//script|//style"):
                bad.drop_tree()
            text = doc.text_content()
    text = _SPACES.sub(" ", text).strip()
    if limit and len(text) > limit:
        cut = text[:limit - 1]
        if " " in cut[limit // 2:]:
            cut = cut[:cut.rindex(" ")]
        text = cut.rstrip(" ,;:.-") + "\u2026"
    return text


def absolute_url(base_url, path):
    """`path` made absolute on `base_url`, without query or fragment (a canonical
    address); an address that already is absolute (http/https) is kept as it is."""
    if not path:
        return ""
    parts = urlsplit(path)
    if parts.scheme in ("http", "https"):
        return path
    url = urljoin((base_url or "").rstrip("/") + "/", path.lstrip("/"))
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def absolute_image_url(base_url, path):
    """Like absolute_url, but keeps the query (an image URL may need its unique key)."""
    if not path:
        return ""
    if urlsplit(path).scheme in ("http", "https"):
        return path
    return (base_url or "").rstrip("/") + "/" + path.lstrip("/")
