"""A generated page as finished HTML: its title, its body and its table of contents.

The render modules write headings without anchors; `finish` gives every
heading the anchor a Markdown table-of-contents extension would give it
(lower case, punctuation dropped, spaces as hyphens, ``_1`` for a repeat), so
links such as ``#coverage`` keep working, and records the headings for the
theme's contents sidebar.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify

from digest.render.markup import front_matter

_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>")
_ANCHORED = re.compile(r'<h([2-6]) id="([\w-]+)">(.*?)</h\1>')
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    anchor: str
    """Letters, digits, ``_`` and ``-`` only: safe in an attribute and an address."""
    markup: str
    """The heading's text as inert markup, links removed."""


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    """Where the page lives, as a Markdown source path (``stories/x/index.md``)."""
    title: str
    """The page title as written in the input; `markdown` and the plugin make it inert."""
    html: str
    """The finished body, every piece of input text in it already inert."""
    toc: tuple[Heading, ...] = ()
    kind: str = ""
    """What the page is, one of `KINDS`: search results show it beside the title."""

    def markdown(self) -> str:
        """The page as a Markdown file for any engine: front matter, then one raw HTML block.

        The body has no blank line and no Markdown syntax outside its tags, so a Markdown
        processor passes it through as it is.
        """
        meta = f' data-pagefind-meta="page:{self.kind}"' if self.kind else ""
        return (
            front_matter(self.title)
            + f'<div class="px-page" data-pagefind-body{meta}>\n'
            + self.html
            + "</div>\n"
        )


KINDS = frozenset({"story", "differences", "claim", "article"})
"""The kinds of generated page, each the word a search result shows for it ("Page: claim"): fixed
words, never input, so that a reader can tell a claim from the article it comes from before
opening either. Short, because every page carries its word."""


HEADING_PREFIX = "part_"
"""Prefix of heading anchors on pages whose other elements carry ids made from input (an
article's sentences, ``<article>-s<n>``). Those ids are letters, digits and single dashes, never
an underscore, so a prefixed heading anchor can never equal one, whatever a subhead says."""


def finish(path: str, title: str, body: str, prefix: str = "", kind: str = "") -> Page:
    """The page with anchors on its headings and its contents; blank lines dropped from the body.

    ``prefix`` goes before every heading anchor; see `HEADING_PREFIX`. ``kind`` is one of `KINDS`,
    or empty for a page search does not label.
    """
    if kind and kind not in KINDS:
        raise ValueError(f"unknown page kind: {kind!r}")
    used: dict[str, int] = {}
    toc: list[Heading] = []

    def anchor(match: re.Match[str]) -> str:
        level, inner = int(match.group(1)), match.group(2)
        if level == 1:
            return match.group(0)  # the title: nothing links to it
        text = _TAG.sub("", inner)
        # The same anchors Markdown's contents extension would give these headings.
        base = slugify(html.unescape(text), "-") or "section"
        count = used.get(base, 0)
        used[base] = count + 1
        name = prefix + (base if count == 0 else f"{base}_{count}")
        toc.append(Heading(level, name, text))
        return f'<h{level} id="{name}">{inner}</h{level}>'

    finished = _HEADING.sub(anchor, body)
    lines = [line for line in finished.splitlines() if line.strip()]
    return Page(path, title, "\n".join(lines) + "\n", tuple(toc), kind)


def headings(body: str) -> list[Heading]:
    """The anchored headings of a finished body, for the theme's contents sidebar."""
    return [Heading(int(level), name, _TAG.sub("", inner)) for level, name, inner in _ANCHORED.findall(body)]
