"""Turning untrusted article text into inert page text, and the few markup helpers pages share.

The approach: every ASCII punctuation character of input text becomes a
numeric character reference (``<`` is ``&#60;``, ``{`` is ``&#123;``, ``-`` is
``&#45;``). What remains are letters, digits, spaces and non-ASCII characters,
none of which means anything to Markdown, its extensions or HTML. So no
preprocessor (snippets' ``--8<--``, CriticMarkup, ``{{ }}`` templates, attr_list
``{: }``), no inline pattern (links, emphasis, autolinks) and no HTML parser can
find syntax in it, wherever it is placed: paragraph, table cell, heading, link
text, attribute value or page title. Every kind of whitespace becomes one
space, so input can never start a Markdown line of its own, where block syntax
and preprocessor directives live. Browsers and the search indexer decode the
references back to the original characters, so the text reads and searches as
written. Bidirectional control characters cannot be made inert that way (the
decoded character would still reorder the line), so they are shown as visible
code-point labels (``[U+202E]``) instead; other control, surrogate, private-use
and unassigned code points are shown as U+FFFD.

Input text must reach a page only through `inert` (or `href`, `external_link`,
`diff_html`, which use it). docs/security.md describes the whole approach.
"""

from __future__ import annotations

import html
import posixpath
import re
import string
import unicodedata
from collections.abc import Iterable, Sequence

import yaml

from digest.model import DiffOp

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_ESCAPED = {ord(ch): f"&#{ord(ch)};" for ch in string.punctuation}
_UNPRINTABLE = ("Cc", "Cs", "Co", "Cn")


def _visible(ch: str) -> str:
    """A bidi control as the label ``[U+202E]``, already in entity form."""
    return f"[U+{ord(ch):04X}]".translate(_ESCAPED)


def shown_controls(text: str) -> str:
    """Plain text (for a feed, not a page) with each bidi control shown as its label ``[U+202E]``:
    a control reverses the text around it wherever the text is displayed, so it is shown as a
    label everywhere the pages show one."""
    if text.isprintable():
        return text
    return "".join(f"[U+{ord(ch):04X}]" if ch in _BIDI_CONTROLS else ch for ch in text)


def _plain(ch: str) -> str:
    if ch in _BIDI_CONTROLS:
        return _visible(ch)
    if ch.isspace():
        # Tabs, line and paragraph separators, NEL: any of them would start a new
        # Markdown line, where a block construct could begin.
        return " "
    if unicodedata.category(ch) in _UNPRINTABLE:
        # Control, surrogate, private-use and unassigned code points: shown as the
        # replacement character rather than passed to a browser.
        return "\ufffd"
    return ch.translate(_ESCAPED)


def inert(text: str | None) -> str:
    """Input text as page text that no Markdown or HTML processor can interpret."""
    if not text:
        return ""
    # Printable text (no whitespace but spaces, no control or format character) needs its
    # punctuation escaped and nothing else: the common case, done in one pass.
    escaped = text.translate(_ESCAPED) if text.isprintable() else "".join(_plain(ch) for ch in text)
    # Runs of spaces would become Markdown line breaks or code indentation.
    return re.sub(r" {2,}", " ", escaped).strip()


_WEB_ADDRESS = re.compile(r"https?://[^\s]+", re.IGNORECASE)


def href(url: str | None) -> str | None:
    """An escaped http(s) address for an href, or None for anything else.

    Only an address that begins with ``http://`` or ``https://`` as written is
    linked, so ``javascript:``, ``data:`` and spellings that a browser would
    decode into them (``java&#115;cript:``, embedded tabs or controls) are shown
    as text instead. Invisible characters (controls, bidi and other format
    characters) make an address unusable for the same reason.
    """
    if not url:
        return None
    cleaned = url.strip()
    if not _WEB_ADDRESS.fullmatch(cleaned) or not cleaned.isprintable():
        return None
    return inert(cleaned)


def external_link(url: str | None, label: str) -> str:
    """A link to an original article, or the bare escaped address when it is not http(s)."""
    target = href(url)
    if target is None:
        return inert(url) if url else ""
    return f'<a href="{target}" rel="nofollow noopener">{inert(label)}</a>'


def link(label_markup: str, target: str) -> str:
    """A link to another page of the site; ``label_markup`` must already be inert."""
    return f'<a href="{html.escape(target)}">{label_markup}</a>'


def page_url(page: str) -> str:
    """A generated file's address relative to the site root: pages in directory-URL style."""
    if not page.endswith(".md"):
        return page
    if page == "index.md" or page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page.removesuffix(".md") + "/"


def relative(here: str, target: str) -> str:
    """The address of ``target`` (a generated file) relative to the page ``here`` as a browser sees it.

    Pages are finished HTML that no engine rewrites, so links point at the
    published address (``claims/c1/``), not at the source file (``claims/c1.md``).
    """
    base = page_url(here)
    address = page_url(target)
    found = posixpath.relpath(address or ".", base or ".")
    if found == ".":
        return "./"
    return found + "/" if address in ("", "./") or address.endswith("/") else found


def front_matter(title: str, **extra: object) -> str:
    """YAML front matter built by the YAML library, never by string formatting."""
    data: dict[str, object] = {"title": inert(title)}
    data.update(extra)
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=10_000) + "---\n\n"


def diff_html(ops: Sequence[DiffOp]) -> str:
    """Inline diff: deletions struck through and insertions underlined, with hidden labels.

    Between a deletion and an insertion there is a space, so the search index
    never glues the two words into one.
    """
    parts: list[str] = []
    for op in ops:
        if op.kind == "equal":
            parts.append(inert(op.out) + _space(op.out))
        elif op.kind == "delete":
            # A deletion glued to the word before it would read (and index) as one word.
            gap = " " if parts and not parts[-1].endswith(" ") else ""
            parts.append(gap + _deleted(op.ref) + _space(op.ref))
        elif op.kind == "insert":
            parts.append(_inserted(op.out) + _space(op.out))
        else:
            gap = " " if parts and not parts[-1].endswith(" ") else ""
            parts.append(gap + _deleted(op.ref) + " " + _inserted(op.out) + _space(op.out))
    return "".join(parts).strip()


def _space(text: str) -> str:
    return " " if text[-1:].isspace() else ""


def _deleted(text: str) -> str:
    return f'<del class="px-del">{inert(text)}</del>'


def _inserted(text: str) -> str:
    return f'<ins class="px-ins">{inert(text)}</ins>'


def block(css_class: str, markup: str, extra: str = "") -> str:
    """A styled paragraph-like block; ``markup`` must already be inert or built by these helpers."""
    attributes = f" {extra}" if extra else ""
    return f'<div class="{css_class}"{attributes}>{markup.strip()}</div>\n'


def paragraph(markup: str) -> str:
    return f"<p>{markup.strip()}</p>\n"


def heading(level: int, markup: str) -> str:
    """A heading; `digest.render.page.finish` gives it its anchor and its place in the contents."""
    return f"<h{level}>{markup}</h{level}>\n"


def strong(markup: str) -> str:
    return f"<strong>{markup}</strong>"


def bullet_list(items: Iterable[str], extra: str = "") -> str:
    lines = [f"<li>{item}</li>" for item in items]
    if not lines:
        return ""
    attributes = f" {extra}" if extra else ""
    return f"<ul{attributes}>\n" + "\n".join(lines) + "\n</ul>\n"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An HTML table; cells must already be inert or built by these helpers."""
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n"


def stacked_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table that the stylesheet stacks into one block per row on a phone, each cell led by its
    column's name from ``data-label``. ``header`` must be fixed words, never input text."""
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{html.escape(label)}">{cell}</td>'
            for label, cell in zip(header, row, strict=True)
        )
        + "</tr>\n"
        for row in rows
    )
    return (
        '<div class="px-stack">\n'
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n</div>\n"
    )


def fold(summary: str, body: str, is_open: bool = False) -> str:
    """A section a reader opens and closes; both parts must already be inert markup."""
    attribute = " open" if is_open else ""
    return f'<details class="px-fold"{attribute}>\n<summary>{summary}</summary>\n{body}</details>\n'


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"
