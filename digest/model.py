"""The typed records that flow between the pipeline stages.

Every stage is a pure function from one of these records to the next, so each
record is frozen: a later stage can never change what an earlier one saw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading", "quote", "item"]
Severity = Literal["skipped", "note"]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input file, reported instead of being dropped silently."""

    file: str
    """The file's name inside its story folder (or the folder itself for story-wide problems)."""
    reason: str
    """Plain words a maintainer can act on."""
    severity: Severity = "skipped"
    """``skipped``: the file (or part of it) is not in the digest; ``note``: read, with a remark."""


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the source that normalization took out, and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class RawBlock:
    """One block of source text as the file laid it out, before any cleaning."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class Source:
    """Who published an article and where, as far as the input says."""

    outlet: str
    url: str | None = None
    byline: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article file read from disk: headline candidate plus blocks, nothing removed yet."""

    file: str
    source: Source
    headline: str
    blocks: tuple[RawBlock, ...]
    dropped: tuple[Removal, ...] = ()
    """What the reader itself left out (images, raw HTML), so normalization can report it."""


@dataclass(frozen=True, slots=True)
class CleanBlock:
    """A block that survived normalization; headings are kept apart from body text."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class CleanArticle:
    file: str
    source: Source
    headline: str
    blocks: tuple[CleanBlock, ...]
    removed: tuple[Removal, ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One body sentence, in the outlet's original characters."""

    id: str
    """Stable across builds: ``<article id>-s<position>``."""
    article: str
    index: int
    paragraph: int
    text: str


@dataclass(frozen=True, slots=True)
class Subhead:
    """A section head inside the body; shown as a heading, never aligned."""

    text: str
    before_paragraph: int


@dataclass(frozen=True, slots=True)
class Article:
    """A segmented article: the unit the comparison works on."""

    id: str
    file: str
    source: Source
    headline: str
    sentences: tuple[Sentence, ...]
    subheads: tuple[Subhead, ...]
    removed: tuple[Removal, ...]


@dataclass(frozen=True, slots=True)
class StoryMeta:
    id: str
    title: str
    date: str | None


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What ingest found in a story folder."""

    meta: StoryMeta
    articles: tuple[RawArticle, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Claim:
    """A fact stated by sentences of two or more outlets."""

    id: str
    sentences: tuple[str, ...]
    """Sentence ids, in article then reading order."""
    reference: str
    """The sentence id whose phrasing the others are compared against."""
    near: tuple[str, ...] = ()
    """For outlets absent from the claim, the sentence of each that is at least weakly related to
    a member (`digest.align.near_sentences`), in article order: it may state the fact in other words."""


DiffKind = Literal["equal", "delete", "insert", "replace"]


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step from the reference phrasing to an outlet's phrasing.

    ``ref`` and ``out`` are exact substrings (trailing spaces included), so
    replacing every ``ref`` by its ``out`` turns the reference into the outlet's
    sentence character for character.
    """

    kind: DiffKind
    ref: str
    out: str


@dataclass(frozen=True, slots=True)
class Phrasing:
    """How one outlet's sentence relates to a claim's reference phrasing."""

    sentence: str
    similarity: float
    """Token-level similarity to the reference, 0..1."""
    ops: tuple[DiffOp, ...]
    diffable: bool
    """False when the phrasings share too little text for an inline diff to be readable."""


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim with everything its page shows."""

    claim: Claim
    summary: str
    phrasings: tuple[Phrasing, ...]
    outlets: tuple[str, ...]
    """Article ids that state the fact."""
    missing: tuple[str, ...]
    """Article ids with no sentence stating it, nor one related to it (`Claim.near`)."""


@dataclass(frozen=True, slots=True)
class Story:
    """The whole analysis of one story folder: the input of rendering and export."""

    meta: StoryMeta
    articles: tuple[Article, ...]
    claims: tuple[ClaimView, ...]
    problems: tuple[Problem, ...]
    lenses: dict[str, object] = field(default_factory=dict)
    """Per-lens results keyed by lens name, already in JSON-ready form."""

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def sentence(self, sentence_id: str) -> Sentence:
        article_id = sentence_id.rsplit("-s", 1)[0]
        article = self.article(article_id)
        return article.sentences[int(sentence_id.rsplit("-s", 1)[1]) - 1]
