"""The synthetic corpus: repeatable, in the input format, and shaped as the benchmark claims."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.corpus import write_corpus
from digest.pipeline import analyze


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 3, seed=7)
    write_corpus(tmp_path / "b", 3, seed=7)
    write_corpus(tmp_path / "c", 3, seed=8)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_stories_read_cleanly_with_the_promised_shape(tmp_path: Path) -> None:
    folders = write_corpus(tmp_path, 8)
    reprints = 0
    suffixes: set[str] = set()
    for folder in folders:
        story = analyze(folder)
        assert not story.problems, story.problems
        assert 3 <= len(story.articles) <= 8
        assert all(20 <= len(a.sentences) <= 60 for a in story.articles)
        assert story.claims, folder.name
        single = {s.id for a in story.articles for s in a.sentences} - {
            sid for view in story.claims for sid in view.claim.sentences
        }
        assert single, "some facts are reported by one outlet only"
        listed = yaml.safe_load((folder / "story.yml").read_text(encoding="utf-8"))["articles"]
        reprints += sum(1 for entry in listed if ", " in entry["byline"])
        suffixes.update(Path(entry["file"]).suffix for entry in listed)
    assert reprints >= 1
    assert suffixes == {".txt", ".md"}
