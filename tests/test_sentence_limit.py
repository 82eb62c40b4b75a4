"""A story's sentences are limited like its articles and characters: past the limit, by file name."""

from __future__ import annotations

from pathlib import Path

from digest.ingest import MAX_STORY_SENTENCES, read_story
from digest.segment import split_sentences


def _article(folder: Path, name: str, sentences: int) -> None:
    body = " ".join('"Go."' for _ in range(sentences))
    (folder / name).write_text(f"Harbour works\n\n{body}\n", encoding="utf-8")


def test_articles_past_the_sentence_limit_are_left_out_by_name(tmp_path: Path) -> None:
    _article(tmp_path, "a.txt", 3_000)
    _article(tmp_path, "b.txt", 1_999)
    _article(tmp_path, "c.txt", 2)
    _article(tmp_path, "d.txt", 1)
    found = read_story(tmp_path)
    assert [a.file for a in found.articles] == ["a.txt", "b.txt", "d.txt"]
    skipped = [(p.file, p.reason) for p in found.problems if p.severity == "skipped"]
    assert skipped == [
        (
            "c.txt",
            f"left out: its 2 sentences would take the story past the {MAX_STORY_SENTENCES:,} "
            "sentences a story may have",
        )
    ]


def test_one_article_over_the_limit_is_refused_and_the_others_read(tmp_path: Path) -> None:
    _article(tmp_path, "huge.txt", 28_000)
    _article(tmp_path, "small.txt", 3)
    found = read_story(tmp_path)
    assert [a.file for a in found.articles] == ["small.txt"]
    assert [p.file for p in found.problems if p.severity == "skipped"] == ["huge.txt"]
    assert "its 28,000 sentences" in found.problems[0].reason


def test_a_paragraph_of_quoted_sentences_splits_at_each_one() -> None:
    text = " ".join(f"\u201cWe go {n}.\u201d" for n in range(2_000))
    pieces = split_sentences(text)
    assert pieces == [f"\u201cWe go {n}.\u201d" for n in range(2_000)]
    # A full stop inside a quotation that closes later in the paragraph is not a boundary.
    assert split_sentences('He said "Stop. Wait here." Then he left.') == [
        'He said "Stop. Wait here."',
        "Then he left.",
    ]
