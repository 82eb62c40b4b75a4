"""Read a Markdown article: YAML front matter plus a CommonMark body.

The body is parsed with markdown-it-py rather than pattern matching, so that
emphasis, links, block quotes and lists come out as the plain text a reader
sees. Images and raw HTML are not article text; they are recorded as dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from digest import safe_yaml
from digest.errors import InputError
from digest.model import RawBlock, Removal

FRONT_FIELDS = ("title", "outlet", "url", "byline", "published")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_PARSER = MarkdownIt("commonmark")


@dataclass(slots=True)
class ParsedMarkdown:
    front: dict[str, str | None]
    headline: str
    blocks: tuple[RawBlock, ...]
    dropped: tuple[Removal, ...] = field(default=())


def _front_matter(text: str) -> tuple[dict[str, str | None], str]:
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        data = safe_yaml.load(match.group(1))
    except InputError as error:
        raise InputError(f"front matter is not valid YAML ({error})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of title, outlet, url, byline, published")
    front: dict[str, str | None] = {}
    for key in FRONT_FIELDS:
        try:
            front[key] = safe_yaml.scalar_text(data.get(key))
        except InputError as error:
            raise InputError(f"front matter field '{key}' {error}") from None
    return front, text[match.end() :]


def _inline_text(token: Token, dropped: list[Removal]) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            alt = "".join(c.content for c in child.children or ())
            dropped.append(Removal(alt or str(child.attrs.get("src", "")) or "image", "image"))
        elif child.type == "html_inline":
            dropped.append(Removal(child.content, "raw HTML in Markdown"))
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def parse(text: str) -> ParsedMarkdown:
    """Front matter, headline and body blocks of a Markdown article.

    The headline is the front matter ``title``; without one, a leading level-1
    heading is used, then the first block of text.
    """
    front, body = _front_matter(text)
    dropped: list[Removal] = []
    blocks: list[RawBlock] = []
    containers: list[str] = []
    pending_heading = False
    for token in _PARSER.parse(body):
        if token.type in ("blockquote_open", "list_item_open"):
            containers.append(token.type)
        elif token.type in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif token.type == "heading_open":
            pending_heading = True
        elif token.type == "heading_close":
            pending_heading = False
        elif token.type == "inline":
            content = _inline_text(token, dropped)
            if not content:
                continue
            if pending_heading:
                kind = "heading"
            elif "list_item_open" in containers:
                kind = "item"
            elif "blockquote_open" in containers:
                kind = "quote"
            else:
                kind = "paragraph"
            blocks.append(RawBlock(kind, content))  # type: ignore[arg-type]
        elif token.type in ("fence", "code_block"):
            dropped.append(Removal(token.content.strip(), "code block"))
        elif token.type == "html_block":
            dropped.append(Removal(token.content.strip(), "raw HTML in Markdown"))
    headline = front.get("title") or ""
    if not headline and blocks:
        headline = blocks[0].text
        blocks = blocks[1:]
    if not headline:
        raise InputError("the file is empty")
    return ParsedMarkdown(front, headline, tuple(blocks), tuple(dropped))
