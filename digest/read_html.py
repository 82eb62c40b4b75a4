"""Read an HTML article with trafilatura, an optional extra.

Hand-written extraction breaks on every site's markup; trafilatura is a
maintained main-text extractor that already drops navigation, share bars and
comment sections. It returns the text as XML (paragraphs, heads, quotes, list
items), which keeps the block structure that the later stages need.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from typing import Any

from digest.errors import InputError, MissingExtra
from digest.model import RawBlock

INSTALL_HINT = 'reading .html articles needs the optional extra: pip install "parallax-digest[html]"'


@dataclass(slots=True)
class ParsedHtml:
    front: dict[str, str | None]
    headline: str
    blocks: tuple[RawBlock, ...]


def _extract(text: str) -> str | None:
    try:
        import trafilatura
    except ImportError as error:
        raise MissingExtra(f"{INSTALL_HINT} ({error.name or error})") from None
    result: str | None = trafilatura.extract(
        text,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_formatting=False,
        # Only dates the page states as its own, never guesses from copyright lines.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return result


def _plain(element: ElementTree.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _blocks(main: ElementTree.Element) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    for element in main:
        tag = element.tag
        if tag == "list":
            blocks.extend(RawBlock("item", _plain(item)) for item in element if _plain(item))
            continue
        kind: Any = {"head": "heading", "quote": "quote"}.get(tag, "paragraph")
        content = _plain(element)
        if content:
            blocks.append(RawBlock(kind, content))
    return blocks


def parse(text: str) -> ParsedHtml:
    """Title, author, date, site name and main-text blocks of an HTML page."""
    extracted = _extract(text)
    if not extracted:
        raise InputError("no article text could be found in this HTML page")
    try:
        document = ElementTree.fromstring(extracted)
    except ElementTree.ParseError as error:
        raise InputError(f"the extracted text could not be read ({error})") from None
    main = document.find("main")
    blocks = _blocks(main) if main is not None else []
    front: dict[str, str | None] = {
        "title": document.get("title"),
        "outlet": document.get("sitename"),
        "byline": document.get("author"),
        "published": document.get("date"),
        "url": document.get("url"),
    }
    front = {key: value.strip() for key, value in front.items() if value and value.strip()}
    headline = front.get("title") or ""
    if not headline:
        if not blocks:
            raise InputError("no article text could be found in this HTML page")
        headline, blocks = blocks[0].text, blocks[1:]
    return ParsedHtml(front, headline, tuple(blocks))
