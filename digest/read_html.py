"""Read an HTML article with trafilatura, an optional extra.

Hand-written extraction breaks on every site's markup; trafilatura is a
maintained main-text extractor that already drops navigation, share bars and
comment sections. It returns the text as XML (paragraphs, heads, quotes, list
items), which keeps the block structure that the later stages need.

libxml2, under lxml and trafilatura, stops building the page at 255 nested
elements and the text inside and after that point vanishes. A page that goes
deeper is parsed again with libxml2's larger limit and the tree handed to
trafilatura; past that limit too, the loss is reported rather than silent.
"""

from __future__ import annotations

import contextlib
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from typing import Any

from digest.errors import InputError, MissingExtra
from digest.model import RawBlock, Removal

INSTALL_HINT = 'reading .html articles needs the optional extra: pip install "parallax-digest[html]"'
DEEP_LIMIT = 2_048
"""Nesting libxml2 reads with its larger limit (``huge_tree``); past it the rest of the page is lost."""


@dataclass(slots=True)
class ParsedHtml:
    front: dict[str, str | None]
    headline: str
    blocks: tuple[RawBlock, ...]
    lost: tuple[str, ...] = field(default=())
    """Why parts of the page are not in ``blocks``: input left out, to be reported."""
    dropped: tuple[Removal, ...] = field(default=())
    """Parts of the main text that are not sentences (data tables), listed with the removed parts."""


def _too_deep(text: str, huge: bool) -> bool:
    """Whether libxml2 stops reading the page because its elements nest past its limit."""
    from lxml import etree

    parser = etree.HTMLParser(huge_tree=huge, recover=True)
    with contextlib.suppress(etree.LxmlError, ValueError):
        etree.fromstring(text.encode("utf-8"), parser)
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def _deep_tree(text: str) -> Any:
    """The page parsed with libxml2's larger nesting limit, for trafilatura to read."""
    from lxml import html

    parser = html.HTMLParser(
        huge_tree=True, encoding="utf-8", collect_ids=False, remove_comments=True, remove_pis=True
    )
    return html.document_fromstring(text.encode("utf-8"), parser=parser)


def _extract(text: str, lost: list[str]) -> str | None:
    try:
        import trafilatura
    except ImportError as error:
        raise MissingExtra(f"{INSTALL_HINT} ({error.name or error})") from None
    page: Any = text
    if _too_deep(text, huge=False):
        if _too_deep(text, huge=True):
            lost.append(
                f"left out: the page nests elements more than {DEEP_LIMIT:,} deep; the text inside and "
                "after the deepest part cannot be read"
            )
        page = _deep_tree(text)
    result: str | None = trafilatura.extract(
        page,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        # Older pages lay the article out in table cells; without tables
        # trafilatura loses that text and falls back to flattening the page.
        # Data tables themselves are skipped when blocks are read.
        include_tables=True,
        include_formatting=False,
        # Only dates the page states as its own, never guesses from copyright lines.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return result


def _plain(element: ElementTree.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


_ENDS_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019)]*$")


def _lines(pieces: list[tuple[str, bool]]) -> list[str]:
    """Join text pieces into paragraphs, breaking at a line break that follows a sentence end.

    Pages from older systems separate paragraphs with ``<br>`` instead of
    ``<p>``, and trafilatura then returns one run of text with ``<lb/>``
    marks. A break after a full stop is a paragraph end; one inside a sentence
    is only a line wrap, so the text around it stays one paragraph.
    """
    paragraphs: list[str] = []
    current = ""
    for text, is_break in pieces:
        if is_break:
            if _ENDS_SENTENCE.search(current.rstrip()):
                paragraphs.append(current)
                current = ""
            else:
                current += " "
        else:
            current += text
    paragraphs.append(current)
    return [cleaned for line in paragraphs if (cleaned := re.sub(r"\s+", " ", line).strip())]


def _pieces(element: ElementTree.Element) -> list[tuple[str, bool]]:
    """The text of an element in order, with its line breaks marked."""
    pieces: list[tuple[str, bool]] = [(element.text or "", False)]
    for child in element:
        if child.tag == "lb":
            pieces.append(("", True))
        else:
            pieces.extend(_pieces(child))
        pieces.append((child.tail or "", False))
    return pieces


TABLE = "table: its cells are not sentences"


def _blocks(main: ElementTree.Element, dropped: list[Removal]) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    loose: list[tuple[str, bool]] = [(main.text or "", False)]

    def flush() -> None:
        # Text loose in the main area is trafilatura's fallback for pages without
        # paragraph markup; short unpunctuated bits of it are link labels.
        blocks.extend(
            RawBlock("paragraph", line)
            for line in _lines(loose)
            if _ENDS_SENTENCE.search(line) or len(line.split()) > 4
        )
        loose.clear()

    for element in main:
        tag = element.tag
        if tag == "lb":
            loose.append(("", True))
        else:
            flush()
            if tag == "table":
                # A data table is not sentences; it is listed with what was removed, not lost.
                if _plain(element):
                    dropped.append(Removal(_plain(element), TABLE))
            elif tag == "list":
                blocks.extend(RawBlock("item", _plain(item)) for item in element if _plain(item))
            else:
                kind: Any = {"head": "heading", "quote": "quote"}.get(tag, "paragraph")
                blocks.extend(RawBlock(kind, line) for line in _lines(_pieces(element)))
        loose.append((element.tail or "", False))
    flush()
    return blocks


def parse(text: str) -> ParsedHtml:
    """Title, author, date, site name and main-text blocks of an HTML page."""
    lost: list[str] = []
    extracted = _extract(text, lost)
    if not extracted:
        raise InputError("no article text could be found in this HTML page")
    try:
        document = ElementTree.fromstring(extracted)
    except ElementTree.ParseError as error:
        raise InputError(f"the extracted text could not be read ({error})") from None
    main = document.find("main")
    dropped: list[Removal] = []
    blocks = _blocks(main, dropped) if main is not None else []
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
    return ParsedHtml(front, headline, tuple(blocks), tuple(lost), tuple(dropped))
