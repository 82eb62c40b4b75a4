"""Articles built from hand-written sentences, so each lens test states its own input."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from digest.model import Article, Removal, Sentence, Source

MakeArticle = Callable[..., Article]


def build_article(
    article_id: str,
    sentences: Sequence[str],
    outlet: str | None = None,
    headline: str = "A headline",
    removed: Sequence[str] = (),
) -> Article:
    return Article(
        id=article_id,
        file=f"{article_id}.txt",
        source=Source(outlet or article_id.title()),
        headline=headline,
        sentences=tuple(
            Sentence(f"{article_id}-s{n}", article_id, n, n, text) for n, text in enumerate(sentences, 1)
        ),
        subheads=(),
        removed=tuple(Removal(text, "photo caption or credit") for text in removed),
    )


@pytest.fixture
def make_article() -> MakeArticle:
    return build_article
