"""Mistakes on the ``digest`` command line: one line naming the mistake, a non-zero exit, no traceback.

The commands run as a user runs them, in a separate process, so a traceback or a
second line of output cannot hide behind pytest's own error handling.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT, SEED_STORY, SEEDS

from tests.site_build import build, env, write_config


def _digest(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "digest.cli", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr.strip()


def test_render_into_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine\n")
    line = _one_line(_digest("render", "--seeds", str(SEEDS), "--out", str(target), cwd=tmp_path))
    assert line == (
        f"digest render: --out {target} is a file; give a folder to write mkdocs.yml and docs/ into"
    )
    assert target.read_text() == "mine\n"
    line = _one_line(_digest("render", "--seeds", str(SEEDS), "--out", str(target / "out"), cwd=tmp_path))
    assert line == f"digest render: --out {target / 'out'} cannot be made: {target} is a file"


def test_exporting_a_folder_of_stories_is_refused(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(DATA / "stories" / "varnia-no-confidence-vote", seeds / "varnia-no-confidence-vote")
    result = _digest("export", "seeds", cwd=tmp_path)
    assert result.returncode == 2
    assert _one_line(result) == (
        "digest export: seeds is a folder of stories; give one story folder, such as seeds/iran-crimea-drones"
    )
    assert result.stdout == ""


def test_exporting_a_folder_without_articles_fails_and_names_it_once(tmp_path: Path) -> None:
    (tmp_path / "emptydir").mkdir()
    result = _digest("export", "emptydir", cwd=tmp_path)
    assert result.returncode == 1
    assert _one_line(result) == "digest export: emptydir: has no readable articles"
    assert result.stdout == ""


def test_export_names_each_problem_file_by_its_path(tmp_path: Path) -> None:
    result = _digest("export", str(DATA / "bad" / "mixed"), cwd=tmp_path)
    assert result.returncode == 0
    assert f"digest export: {DATA / 'bad' / 'mixed'}/" in result.stderr
    assert "mixed/mixed" not in result.stderr


@pytest.mark.parametrize("command", [["check"], ["render", "--out", "out"], ["add", "a-story", "x.txt"]])
def test_outside_the_project_the_commands_say_where_they_looked(tmp_path: Path, command: list[str]) -> None:
    line = _one_line(_digest(*command, cwd=tmp_path))
    assert f"found no mkdocs.yml and no seeds folder in {tmp_path}: run this in the project folder" in line
    assert not (tmp_path / "out").exists()


def test_in_a_project_without_seeds_the_missing_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    line = _one_line(_digest("check", cwd=tmp_path))
    assert line.startswith(f"digest check: no folder of stories at {tmp_path / 'seeds'}; create it, or")


def test_the_commands_look_for_stories_where_the_site_build_does(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nextra:\n  key: !ENV [HOME]\nplugins:\n  - digest:\n      seeds_dir: stories\n"
    )
    line = _one_line(_digest("check", cwd=tmp_path))
    assert f"no folder of stories at {tmp_path / 'stories'}; create it, or change seeds_dir" in line
    shutil.copytree(SEED_STORY, tmp_path / "stories" / SEED_STORY.name)
    result = _digest("check", cwd=tmp_path)
    assert result.returncode == 0 and f"stories/{SEED_STORY.name}: 3 articles read" in result.stdout


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["eval", str(DATA / "reference"), str(SEED_STORY)], "is a folder; give one reference file"),
        (["eval", str(DATA / "nothing.yml"), str(SEED_STORY)], "cannot read reference"),
        (["render", "--out", "o", "--workers", "0"], "--workers must be 1 or more"),
        (["render", "--out", "o", "--workers", "two"], "invalid int value: 'two' (see digest render --help)"),
        (["export"], "the following arguments are required: STORY_DIR (see digest export --help)"),
        (["publish"], "invalid choice: 'publish'"),
        ([], "the following arguments are required: COMMAND (see digest --help)"),
    ],
)
def test_usage_mistakes_are_one_line(tmp_path: Path, arguments: list[str], expected: str) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    assert expected in _one_line(_digest(*arguments, cwd=tmp_path))


@pytest.mark.parametrize("command", ["add", "export", "eval", "render", "check"])
def test_help_is_plain_text(tmp_path: Path, command: str) -> None:
    for arguments in (["--help"], [command, "--help"]):
        result = _digest(*arguments, cwd=tmp_path)
        assert result.returncode == 0
        assert "usage: digest" in result.stdout
        assert not re.search(r"``|`[a-z]|:(func|class|mod):", result.stdout), result.stdout


def test_counts_are_pluralised(tmp_path: Path) -> None:
    result = _digest("check", str(SEED_STORY), cwd=tmp_path)
    assert "digest check: 1 story, 0 problems that leave input out, 0 notes" in result.stdout
    config = write_config(tmp_path / "project", SEEDS)
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert "digest: 1 story: 1 analysed, 0 from the cache" in built.stderr


def test_the_readme_eval_example_names_a_file_of_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"^digest eval (\S+) (\S+)", readme, flags=re.M)
    assert examples
    for reference, _story in examples:
        assert (ROOT / reference).is_file(), reference
