"""Write an article as a Markdown file that `digest.read_markdown` reads back unchanged.

Article text comes from the web. Written into Markdown as it is, a line starting
with ``1.`` or ``#`` would turn into a list or a heading, ``*stars*`` would lose
their asterisks and ``<b>`` would be dropped as raw HTML, so the text read back
would differ from the article. Every character that CommonMark could take as
syntax is therefore backslash-escaped, which CommonMark defines to mean the
literal character; the rest stays as written, so the file remains easy to read
and edit by hand. Front matter is made with ``yaml.safe_dump``, never by
formatting strings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import yaml

from digest.model import RawBlock

_INLINE = re.compile(r"([\\`*_\[\]<>&!#|~{}])")
"""Characters with an inline meaning anywhere in a line (escapes, code, emphasis, links,
HTML, entities, heading closers), plus a few that other Markdown dialects give one."""
_LINE_START = re.compile(r"^([-+=>]|\d{1,9}(?=[.)](?: |$)))")
"""What opens a block only at the start of a line: list markers, quotes, setext underlines,
and the number of an ordered list item (its ``.`` or ``)`` is escaped instead)."""
_PREFIX = {"heading": "## ", "quote": "> ", "item": "- ", "paragraph": ""}


def escape(text: str) -> str:
    """One line of literal text, as Markdown that renders to exactly that text."""
    line = " ".join(text.split())
    line = _INLINE.sub(r"\\\1", line)
    match = _LINE_START.match(line)
    if match and match.group(1).isdigit():
        end = match.end()
        return line[:end] + "\\" + line[end:]
    if match:
        return "\\" + line
    return line


def front_matter(fields: Mapping[str, str | None]) -> str:
    """A YAML front matter block of the fields that have a value."""
    kept = {key: " ".join(value.split()) for key, value in fields.items() if value and value.strip()}
    dumped = yaml.safe_dump(kept, sort_keys=False, allow_unicode=True, width=1_000_000)
    return f"---\n{dumped}---\n"


def article(fields: Mapping[str, str | None], blocks: Sequence[RawBlock]) -> str:
    """A whole article file: front matter (``title`` is the headline), then one block a paragraph."""
    body = "\n\n".join(
        _PREFIX.get(block.kind, "") + escape(block.text) for block in blocks if block.text.strip()
    )
    return f"{front_matter(fields)}\n{body}\n"
