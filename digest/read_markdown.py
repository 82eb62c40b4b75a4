"""Read a Markdown article: YAML front matter plus a CommonMark body.

The body is parsed with markdown-it-py rather than pattern matching, so that
emphasis, links, block quotes and lists come out as the plain text a reader
sees. Images and raw HTML are not article text; they are recorded as dropped.

Nothing else may vanish on the way. markdown-it stops reading containers
nested deeper than its limit and keeps link reference definitions out of the
text, so each source line is checked against the lines the parser turned into
something: a definition's title is kept as text (its address is dropped like a
link's), and any other line left unread is reported by number as input left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from digest import safe_yaml
from digest.errors import InputError
from digest.model import RawBlock, Removal

FRONT_FIELDS = ("title", "outlet", "url", "byline", "published")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
MAX_NESTING = 100
"""Block quotes and lists nested deeper than this are not read (markdown-it's own default for
CommonMark is 20, which loses a list item nested past level nine); each level costs the
parser a few Python stack frames, so the limit keeps deep input far from the recursion limit."""
_PARSER = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
_LEAVES = frozenset({"inline", "paragraph_open", "heading_open", "fence", "code_block", "html_block", "hr"})
_MARKERS_ONLY = re.compile(r"^[\s>]*(?:(?:[-+*]|\d{1,9}[.)])(?:[\s>]+|$))*[\s>]*$")
"""A line of nothing but block quote marks and list bullets: structure, no text of its own."""


@dataclass(slots=True)
class ParsedMarkdown:
    front: dict[str, str | None]
    headline: str
    blocks: tuple[RawBlock, ...]
    dropped: tuple[Removal, ...] = field(default=())
    lost: tuple[str, ...] = field(default=())
    """Why parts of the body are not in ``blocks``: input left out, to be reported."""


_OPENING_FENCE = re.compile(r"\A---[ \t]*\n")


def _front_matter(text: str) -> tuple[dict[str, str | None], str]:
    match = _FRONT.match(text)
    if not match:
        if _OPENING_FENCE.match(text) and re.match(r"[ \t]*[A-Za-z_][\w-]*[ \t]*:", text[4:].lstrip("\n")):
            # "---" and then "title: …" with no closing fence: read as text, the front matter
            # would become the headline and the first paragraph.
            raise InputError("front matter opened by '---' on line 1 is never closed by another '---'")
        return {}, text
    try:
        # The front matter starts on the file's second line: a blank line before it keeps the
        # line numbers YAML reports equal to the file's.
        data = safe_yaml.load("\n" + match.group(1))
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
    first_line = text[: len(text) - len(body)].count("\n")
    dropped: list[Removal] = []
    placed: list[tuple[int, RawBlock]] = []
    containers: list[str] = []
    pending_heading = False
    env: dict[str, Any] = {}
    try:
        tokens = _PARSER.parse(body, env)
    except RecursionError:
        raise InputError("is nested too deeply to be read as Markdown") from None
    read_lines: set[int] = set()
    for token in tokens:
        if token.type in _LEAVES and token.map:
            read_lines.update(range(*token.map))
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
            placed.append((token.map[0] if token.map else 0, RawBlock(kind, content)))  # type: ignore[arg-type]
        elif token.type in ("fence", "code_block"):
            dropped.append(Removal(token.content.strip(), "code block"))
        elif token.type == "html_block":
            dropped.append(Removal(token.content.strip(), "raw HTML in Markdown"))
    source_lines = body.split("\n")
    for reference in env.get("references", {}).values():
        start, end = reference.get("map") or (0, 0)
        read_lines.update(range(start, end))
        written = " ".join(line.strip() for line in source_lines[start:end])
        dropped.append(Removal(written, "link definition (its address)"))
        title = re.sub(r"\s+", " ", reference.get("title") or "").strip()
        if title:
            placed.append((start, RawBlock("paragraph", title)))
    blocks = [block for _, block in sorted(placed, key=lambda item: item[0])]
    lost = _unread(source_lines, read_lines, first_line)
    headline = front.get("title") or ""
    if not headline and blocks:
        headline = blocks[0].text
        blocks = blocks[1:]
    if not headline:
        raise InputError("the file is empty")
    return ParsedMarkdown(front, headline, tuple(blocks), tuple(dropped), lost)


def _unread(source_lines: list[str], read_lines: set[int], first_line: int) -> tuple[str, ...]:
    """Why lines of text the parser read into nothing are left out, one reason for them all."""
    unread = [
        number
        for number, line in enumerate(source_lines)
        if number not in read_lines and not _MARKERS_ONLY.match(line)
    ]
    if not unread:
        return ()
    shown = ", ".join(str(first_line + number + 1) for number in unread[:5])
    more = f" and {len(unread) - 5:,} more" if len(unread) > 5 else ""
    return (
        f"left out: the text on line {shown}{more} is not read as Markdown (block quotes or lists "
        f"nested more than {MAX_NESTING} levels deep, or a repeated link definition)",
    )
