"""Stage 2: strip what is not article text, recording each removal and its reason.

The line rules live in `digest.boilerplate`; this module applies them in the
context only a whole article gives: where the headline is, which lines repeat,
what comes first and last.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from digest import boilerplate
from digest.model import CleanArticle, CleanBlock, RawArticle, RawBlock, Removal
from digest.text import fold_key, words

REPEATED_HEADLINE = "repeated headline"
REPEATED_BLOCK = "repeated paragraph"
DATELINE = "dateline"
VIDEO_TITLE = "video or gallery title"
CUT_OFF = "text cut off at the end of the page"
CUT_OFF_WORDS = 15
"""A final fragment longer than this is kept: it is more likely a sentence whose end is missing
than a scrap of the next page."""


_BULLET = re.compile(r"^[-*\u2022\u2013\u2014\u00b7\u25aa\u25cf]\s+(?=\S)")
_SITE_SEPARATOR = re.compile(r"\s+[|\u2022\u00b7]\s+|\s+[-\u2013\u2014:]{1,2}\s+")


def _repeats_headline(text: str, headline: str) -> bool:
    """True for a line that is the headline again: re-cased, run together with itself,
    followed by the site's name after a separator ("Headline | Site"), or the
    page title's variant of it: an unpunctuated line in capitals, or before a
    site name, that shares nearly all its words with the headline."""
    line, head = fold_key(text), fold_key(headline)
    if not head:
        return False
    if line == head or line.replace(head, "").strip(" .:-|") == "":
        return True
    if not boilerplate.ends_sentence(text):
        for separator in _SITE_SEPARATOR.finditer(line):
            before, after = line[: separator.start()], line[separator.end() :]
            if len(words(after)) <= 6 and (before == head or _variant(before, head)):
                return True
        if fuzz.ratio(line, head) >= 92:
            return True
        letters = [c for c in text if c.isalpha()]
        if letters and all(c.isupper() for c in letters) and _variant(line, head):
            return True
    line_words, head_words = words(text), set(words(headline))
    return (
        len(line_words) >= 3 and all(w in head_words for w in line_words) and not text.rstrip().endswith(".")
    )


def _variant(line: str, head: str) -> bool:
    """A title-tag rewording: most words shared, in the same order, a word or two swapped."""
    return fuzz.ratio(line, head) >= 92 or (
        len(words(line)) >= 4
        and fuzz.token_sort_ratio(line, head) >= 80
        and fuzz.partial_ratio(line, head) >= 85
    )


def _clean_headline(headline: str) -> str:
    return " ".join(headline.split())


def normalize(article: RawArticle) -> CleanArticle:
    """Keep the article's own text; move everything else into ``removed`` with a reason."""
    headline = _clean_headline(article.headline)
    removed: list[Removal] = list(article.dropped)
    kept: list[CleanBlock] = []
    seen: set[str] = set()
    after_headline = False
    listed = 0
    for block in article.blocks:
        text = " ".join(block.text.split())
        bullet = _BULLET.match(text) if block.kind == "paragraph" else None
        if bullet:
            # A list line of a plain-text file: the marker is layout, the rest is text.
            block, text = RawBlock("item", text[bullet.end() :]), text[bullet.end() :]
        if not text:
            continue
        if after_headline and kept and _unpunctuated_title(text):
            # An embedded video or gallery repeats the headline and puts its own title under it.
            reason: str | None = VIDEO_TITLE
        elif 0 < listed <= RELATED_LIST and _listed_title(block, text):
            # The titles listed under "Read more:" or "Most read" are links to other pages.
            reason = boilerplate.RELATED
        else:
            reason = _furniture(block, text, headline)
        after_headline = reason == REPEATED_HEADLINE
        # Only a bare label ("Read more:", "Most read") heads a list; "Read more: <title>" is whole.
        listed = (
            listed + 1 if reason == boilerplate.RELATED and (listed or boilerplate.related_label(text)) else 0
        )
        if reason:
            removed.append(Removal(text, reason))
            continue
        key = fold_key(text)
        if key in seen:
            removed.append(Removal(text, REPEATED_BLOCK))
            continue
        seen.add(key)
        if not kept or all(b.kind == "heading" for b in kept):
            dateline = boilerplate.split_dateline(text)
            if dateline:
                removed.append(Removal(dateline[0], DATELINE))
                text = dateline[1]
        kept.append(CleanBlock(block.kind, text))
    if _cut_off(kept):
        removed.append(Removal(kept.pop().text, CUT_OFF))
    kept = _mark_subheads(kept)
    return CleanArticle(article.file, article.source, headline, tuple(kept), tuple(removed))


def _furniture(block: RawBlock, text: str, headline: str) -> str | None:
    if _repeats_headline(text, headline):
        return REPEATED_HEADLINE
    return boilerplate.classify(text)


RELATED_LIST = 10
"""Titles removed at most after one "Read more:" line: a list of links is short."""
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")


def _listed_title(block: RawBlock, text: str) -> bool:
    """A list item, or a short line with no sentence end (numbered or not): a link's title."""
    return (
        block.kind == "item"
        or (_unpunctuated_title(text) and text[-1:] not in ":,;")
        or (bool(_NUMBERED.match(text)) and len(words(text)) <= CUT_OFF_WORDS)
    )


def _unpunctuated_title(text: str) -> bool:
    short = len(words(text)) <= CUT_OFF_WORDS
    return short and not boilerplate.ends_sentence(text) and text[-1:] not in ":,;"


def _cut_off(blocks: list[CleanBlock]) -> bool:
    """Whether the last block is a scrap the page stopped in: a short paragraph with no end,
    after a paragraph that has one (a long one is kept, missing end and all)."""
    if len(blocks) < 2 or blocks[-1].kind != "paragraph" or blocks[-2].kind == "heading":
        return False
    last = blocks[-1].text
    return (
        3 <= len(words(last)) <= CUT_OFF_WORDS
        and not boilerplate.ends_sentence(last)
        and last[-1:].isalnum()
        and boilerplate.ends_sentence(blocks[-2].text)
    )


def _mark_subheads(blocks: list[CleanBlock]) -> list[CleanBlock]:
    """Plain-text files have no heading markup: an unpunctuated short line between
    paragraphs is taken as a section head. Trailing ones are kept as text, since
    a head with nothing under it is more likely a stray sentence."""
    marked: list[CleanBlock] = []
    for position, block in enumerate(blocks):
        following = blocks[position + 1 :]
        if (
            block.kind == "paragraph"
            and position > 0
            and any(b.kind != "heading" for b in following)
            and boilerplate.is_subhead(block.text)
        ):
            marked.append(CleanBlock("heading", block.text))
        else:
            marked.append(block)
    return marked
