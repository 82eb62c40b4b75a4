"""The analysis cache, through real ``mkdocs build`` runs and the counts the plugin logs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digest.cache import StoryCache, code_version, story_key
from digest.pipeline import analyze
from tests.site_build import build, cache_counts, copy_stories, tree, write_config

pytestmark = pytest.mark.slow

EDITED = "varnia-no-confidence-vote"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy_stories(tmp_path / "seeds")
    write_config(tmp_path / "project", tmp_path / "seeds", workers=1)
    return tmp_path


def _build(project: Path, site: str) -> tuple[int, int]:
    result = build(project / "project" / "mkdocs.yml", project / site)
    assert result.returncode == 0, result.stderr
    return cache_counts(result.stderr)


def _edit(project: Path) -> None:
    article = project / "seeds" / EDITED / "eastbound-review.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\nThe assembly will meet again on Monday.\n", encoding="utf-8")


def test_an_unchanged_story_is_not_analysed_again(project: Path) -> None:
    assert _build(project, "cold") == (4, 0)
    assert _build(project, "warm") == (0, 4)
    assert (project / "project" / ".cache" / "digest").is_dir()


def test_changing_one_article_analyses_only_its_story(project: Path) -> None:
    _build(project, "cold")
    _edit(project)
    assert _build(project, "edited") == (1, 3)
    pages = (project / "edited" / "stories" / EDITED / "articles").rglob("*.html")
    assert any("meet again on Monday" in page.read_text(encoding="utf-8") for page in pages)


def test_cached_output_is_byte_identical_to_a_cold_build(project: Path) -> None:
    _build(project, "cold")
    _build(project, "warm")
    assert tree(project / "warm") == tree(project / "cold")
    _edit(project)
    _build(project, "edited-warm")
    shutil.rmtree(project / "project" / ".cache")
    assert _build(project, "edited-cold") == (4, 0)
    edited = tree(project / "edited-cold")
    assert tree(project / "edited-warm") == edited
    assert edited != tree(project / "cold")


def test_a_damaged_entry_is_a_miss_not_an_error(project: Path) -> None:
    _build(project, "cold")
    entries = sorted((project / "project" / ".cache" / "digest").glob("*.pickle"))
    assert len(entries) == 4
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(b"")
    assert _build(project, "repaired") == (2, 2)
    assert tree(project / "repaired") == tree(project / "cold")


def test_cache_dir_option_and_switching_the_cache_off(tmp_path: Path) -> None:
    seeds = copy_stories(tmp_path / "seeds", [EDITED])
    config = write_config(tmp_path / "project", seeds, workers=1, cache_dir="../elsewhere/cache")
    for _ in range(2):
        result = build(config, tmp_path / "site")
        assert result.returncode == 0, result.stderr
    assert cache_counts(result.stderr) == (0, 1)
    assert len(list((tmp_path / "elsewhere" / "cache").glob("*.pickle"))) == 1
    assert not (tmp_path / "project" / ".cache").exists()

    config = write_config(tmp_path / "off", seeds, workers=1, cache=False)
    result = build(config, tmp_path / "site-off")
    assert result.returncode == 0, result.stderr
    assert "from the cache" not in result.stderr
    assert not (tmp_path / "off" / ".cache").exists()


def test_an_unwritable_cache_warns_and_the_build_still_succeeds(tmp_path: Path) -> None:
    seeds = copy_stories(tmp_path / "seeds", [EDITED])
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "blocked").write_text("a file where the cache folder should be\n")
    config = write_config(tmp_path / "project", seeds, workers=1, cache_dir="blocked/digest")
    result = build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "cannot write the analysis cache" in result.stderr
    assert (tmp_path / "site" / "stories" / EDITED / "index.html").is_file()


def test_stale_entries_are_pruned(project: Path) -> None:
    _build(project, "cold")
    _edit(project)
    shutil.rmtree(project / "seeds" / "porthaven-ibarra-transfer")
    assert _build(project, "after") == (1, 2)
    cache = project / "project" / ".cache" / "digest"
    kept = {path.stem for path in cache.glob("*.pickle")}
    assert kept == {story_key(folder) for folder in (project / "seeds").iterdir()}


# The key itself.


def test_key_follows_names_bytes_and_folder_name(tmp_path: Path) -> None:
    folder = copy_stories(tmp_path / "a", [EDITED]) / EDITED
    key = story_key(folder)
    assert key == story_key(folder)
    assert len(key) == 64
    article = folder / "cpa-wire.txt"
    original = article.read_bytes()
    article.write_bytes(original.replace(b"Assembly", b"Assembly "))
    assert story_key(folder) != key
    article.write_bytes(original)
    assert story_key(folder) == key
    article.rename(folder / "cpa-wire-2.txt")
    assert story_key(folder) != key
    (folder / "cpa-wire-2.txt").rename(article)
    (folder / "notes").mkdir()
    assert story_key(folder) != key
    (folder / "notes").rmdir()
    assert story_key(folder) == key
    renamed = folder.rename(tmp_path / "a" / "another-name")
    assert story_key(renamed) != key


def test_code_version_is_stable_and_part_of_the_key() -> None:
    version = code_version()
    assert version == code_version()
    assert len(version) == 64
    assert version not in {story_key(folder) for folder in Path("tests/data/stories").iterdir()}


def test_store_then_load_round_trips_and_counts(tmp_path: Path) -> None:
    folder = Path("tests/data/stories") / EDITED
    story = analyze(folder)
    cache = StoryCache(tmp_path / "cache")
    key = story_key(folder)
    assert cache.load(key) is None
    cache.store(key, story)
    assert cache.load(key) == story
    assert (cache.hits, cache.misses) == (1, 1)
    assert (tmp_path / "cache" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172")
    assert cache.prune({key}) == 0
    assert cache.prune(set()) == 1
    assert cache.load(key) is None


def test_an_entry_holding_something_else_is_a_miss(tmp_path: Path) -> None:
    cache = StoryCache(tmp_path)
    cache.store("k", "not a story")  # type: ignore[arg-type]
    assert cache.load("k") is None
    assert cache.misses == 1
