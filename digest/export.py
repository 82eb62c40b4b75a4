"""The story as JSON: the same data the site publishes at ``data/<story>.json``.

Keys are sorted and the text is dumped with ``ensure_ascii`` so the bytes are
identical for identical input and every character is inert: JSON strings carry
article text as data, never as markup.
"""

from __future__ import annotations

import json
import re
from typing import Any

from digest.compare import to_row
from digest.model import Article, ClaimView, Phrasing, Story

SCHEMA = 4


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "file": article.file,
        "outlet": article.source.outlet,
        "url": article.source.url,
        "byline": article.source.byline,
        "published": article.source.published,
        "headline": article.headline,
        "subheads": [{"text": h.text, "before_paragraph": h.before_paragraph} for h in article.subheads],
        "sentences": [{"id": s.id, "text": s.text, "paragraph": s.paragraph} for s in article.sentences],
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
    }


def _claim(view: ClaimView) -> dict[str, Any]:
    return {
        "id": view.claim.id,
        "summary": view.summary,
        "reference": view.claim.reference,
        "sentences": list(view.claim.sentences),
        "outlets": list(view.outlets),
        "missing": list(view.missing),
        "near": list(view.claim.near),
        "phrasings": [_phrasing(p, p.sentence == view.claim.reference) for p in view.phrasings],
    }


def _phrasing(phrasing: Phrasing, reference: bool) -> dict[str, Any]:
    """One outlet's phrasing. The reference phrasing, which the others are compared with, is
    the sentence alone: a diff with itself would only repeat it, and its similarity is 1. A
    phrasing too different for a readable diff says so (``diffable`` false); the others leave
    that key out."""
    found: dict[str, Any] = {"sentence": phrasing.sentence}
    if reference:
        return found
    found["similarity"] = phrasing.similarity
    if not phrasing.diffable:
        found["diffable"] = False
    found["diff"] = [to_row(op) for op in phrasing.ops]
    return found


def _lenses(lenses: dict[str, Any]) -> dict[str, Any]:
    """The lenses as published: an outlet quoting a passage verbatim carries neither its own copy
    of the words nor an empty diff, since both are the quotation's."""
    quotes = lenses.get("quotes")
    if not quotes:
        return lenses
    trimmed = {
        **quotes,
        "quotes": [
            {
                **quote,
                "carriers": [
                    {key: value for key, value in carrier.items() if key not in {"text", "diff"}}
                    if carrier.get("status") == "verbatim"
                    else carrier
                    for carrier in quote["carriers"]
                ],
            }
            for quote in quotes["quotes"]
        ],
    }
    return {**lenses, "quotes": trimmed}


def to_data(story: Story) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "story": {"id": story.meta.id, "title": story.meta.title, "date": story.meta.date},
        "articles": [_article(a) for a in story.articles],
        "claims": [_claim(c) for c in story.claims],
        "problems": [{"file": p.file, "reason": p.reason, "severity": p.severity} for p in story.problems],
        "lenses": _lenses(story.lenses),
    }


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_MARKUP = {ord(ch): f"\\u{ord(ch):04x}" for ch in "<>&{}"}


def to_json(story: Story) -> str:
    """The JSON text; inside strings ``< > & { }`` are written as ``\\u`` escapes, so no
    byte sequence of the file reads as a tag or a template to anything that is not
    a JSON parser."""
    text = json.dumps(to_data(story), ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return _STRING.sub(lambda match: match.group(0).translate(_MARKUP), text) + "\n"
