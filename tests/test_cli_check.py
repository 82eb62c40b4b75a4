"""``digest check``: the problems a build would report, without building."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATA, SEEDS

from digest.cli import main

BAD = DATA / "bad"


def test_check_reports_skipped_files_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BAD / "malformed-yaml"), str(BAD / "single-article")]) == 1
    out = capsys.readouterr().out
    assert "malformed-yaml: 2 articles read" in out
    assert "skipped  story.yml: cannot be read as YAML (line 5:" in out
    assert "note     single-article: has a single readable article" in out
    assert "2 stories, 1 problem that leaves input out, 1 note" in out


def test_notes_alone_are_printed_and_pass(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BAD / "single-article")]) == 0
    assert "single readable article" in capsys.readouterr().out


def test_a_folder_of_stories_is_checked_story_by_story(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BAD)]) == 1
    out = capsys.readouterr().out
    for name in ("mixed", "single-article", "no-articles", "malformed-yaml"):
        assert f"{BAD / name}:" in out
    assert "duplicate-of-coast.txt: has the same text as coast-courier.txt" in out


def test_without_arguments_every_seed_story_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "iran-crimea-drones: 3 articles read" in out
    shutil.copytree(BAD / "no-articles", tmp_path / "seeds" / "no-articles")
    assert main(["check"]) == 1
    assert "skipped  photo.jpg: is not an article" in capsys.readouterr().out


def test_a_missing_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_check_agrees_with_the_build(capsys: pytest.CaptureFixture[str]) -> None:
    """The same problems the plugin logs: both come from the same reading of the folder."""
    from digest.pipeline import analyze

    main(["check", str(BAD / "mixed")])
    out = capsys.readouterr().out
    for problem in analyze(BAD / "mixed").problems:
        assert f"{problem.severity:<8} {problem.file}: {problem.reason}" in out


def test_story_folders_with_the_same_address_are_not_merged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from digest.stories import analyze_all

    shutil.copytree(BAD / "malformed-yaml", tmp_path / "Storm Story")
    shutil.copytree(BAD / "single-article", tmp_path / "storm-story")
    stories = analyze_all(tmp_path)
    assert len(stories) == 1
    assert [a.file for a in stories[0].articles] == ["one.txt", "two.txt"]
    clash = stories[0].problems[-1]
    assert clash.file == "storm-story" and "same page address ('storm-story') as Storm Story" in clash.reason
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "skipped  storm-story: is a story folder with the same page address" in out
    assert "1 story," in out


def test_check_output_cannot_drive_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "story"
    shutil.copytree(BAD / "single-article", folder)
    (folder / "evil\x1b[31m\u202e.bin").write_text("x", encoding="utf-8")
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "evil\\x1b[31m\\u202e.bin: is not an article" in out
