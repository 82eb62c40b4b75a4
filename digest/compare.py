"""Stage 5: word-level differences between each outlet's phrasing and the reference.

Diffs run on folded token keys (`digest.text.tokens`) with rapidfuzz's
difflib-compatible opcodes, so typography (quote style, dashes, spacing, case)
never shows as a difference, while every operation carries the exact original
characters of both sides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import Indel, Levenshtein

from digest.model import Article, Claim, ClaimView, DiffKind, DiffOp, Phrasing, Sentence
from digest.text import Token, shortened, tokens

DIFFABLE_SIMILARITY = 0.5
"""Below this share of common tokens an inline diff is mostly strike-through and
unreadable; such phrasings are shown whole, side by side. Between 0.4 and 0.5 a reader of the dev
stories' pages found most of a line struck or underlined, and a changed subject read as a swap
of names ("Hillary Clinton" struck, "Michael Flynn" inserted) rather than another sentence."""


_KINDS: dict[str, DiffKind] = {"equal": "equal", "delete": "delete", "insert": "insert", "replace": "replace"}


def _join(toks: Sequence[Token]) -> str:
    return "".join(t.text + t.space for t in toks)


def word_diff(reference: str, other: str) -> tuple[tuple[DiffOp, ...], float]:
    """Operations turning ``reference`` into ``other``, and their token similarity (0..1)."""
    ref_tokens, out_tokens = tokens(reference), tokens(other)
    ref_keys = [t.key for t in ref_tokens]
    out_keys = [t.key for t in out_tokens]
    similarity = Indel.normalized_similarity(ref_keys, out_keys) if ref_keys or out_keys else 1.0
    ops: list[DiffOp] = []
    for opcode in Levenshtein.opcodes(ref_keys, out_keys):
        ref_text = _join(ref_tokens[opcode.src_start : opcode.src_end])
        out_text = _join(out_tokens[opcode.dest_start : opcode.dest_end])
        ops.append(DiffOp(_KINDS[opcode.tag], ref_text, out_text))
    return _merge_changes(ops), float(similarity)


def _merge_changes(ops: list[DiffOp]) -> tuple[DiffOp, ...]:
    """Fold runs of delete/insert/replace into one replace, so a rewritten phrase reads as
    one change rather than alternating fragments."""
    merged: list[DiffOp] = []
    for op in ops:
        if merged and op.kind != "equal" and merged[-1].kind != "equal":
            last = merged.pop()
            ref, out = last.ref + op.ref, last.out + op.out
            kind = "replace" if ref and out else ("delete" if ref else "insert")
            merged.append(DiffOp(kind, ref, out))  # type: ignore[arg-type]
        else:
            merged.append(op)
    return tuple(merged)


def to_row(op: DiffOp) -> list[str]:
    """An operation as a JSON row: ``[kind, ref]`` when both sides are the same characters,
    else ``[kind, ref, out]``.

    Most operations are "equal" ones whose two sides are identical, so the text is written
    once. Sides that only fold to the same words (quote style, spacing, capitals) differ in
    characters and keep both.
    """
    return [op.kind, op.ref] if op.out == op.ref else [op.kind, op.ref, op.out]


def from_row(row: Sequence[str]) -> DiffOp:
    """The operation a row of `to_row` stands for."""
    if len(row) not in (2, 3) or row[0] not in _KINDS:
        raise ValueError(f"not a diff row: {row!r}")
    return DiffOp(_KINDS[row[0]], row[1], row[-1])


def apply(ops: Sequence[DiffOp]) -> str:
    """The outlet's sentence rebuilt from the operations (used to check them)."""
    return "".join(op.out for op in ops)


def phrasing(reference: Sentence, sentence: Sentence) -> Phrasing:
    ops, similarity = word_diff(reference.text, sentence.text)
    return Phrasing(sentence.id, round(similarity, 4), ops, similarity >= DIFFABLE_SIMILARITY)


_LINK_WORD = re.compile(
    r"^(?:(?:But|And|Also)\s+|(?:However|Meanwhile|Still|Instead|Moreover|Furthermore|Separately|"
    r"In addition|At the same time),\s+)(?=[A-Za-z\u201c\"])"
)
"""A word that ties a sentence to the one before it in its article ("But", "Meanwhile,"): a
claim's title stands alone, so it leaves the word out."""


def summary(reference: Sentence, limit: int = 160) -> str:
    """The fact in one line: the reference phrasing without a word linking it to the sentence
    before, shortened at a word boundary."""
    text = reference.text
    link_word = _LINK_WORD.match(text)
    if link_word:
        rest = text[link_word.end() :]
        text = rest[:1].upper() + rest[1:]
    return shortened(text, limit)


def view(claim: Claim, articles: Sequence[Article]) -> ClaimView:
    by_id = {s.id: s for article in articles for s in article.sentences}
    reference = by_id[claim.reference]
    phrasings = tuple(phrasing(reference, by_id[sid]) for sid in claim.sentences)
    present = {by_id[sid].article for sid in claim.sentences}
    near = {by_id[sid].article for sid in claim.near}
    outlets = tuple(a.id for a in articles if a.id in present)
    missing = tuple(a.id for a in articles if a.id not in present and a.id not in near)
    return ClaimView(claim, summary(reference), phrasings, outlets, missing)
