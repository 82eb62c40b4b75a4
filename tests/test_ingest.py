"""Bad files in a story folder: each is reported by name with a reason, the rest is still read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import DATA

from digest.errors import InputError
from digest.ingest import MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARACTERS, decode, printable, read_story
from digest.model import Problem, StoryInput

BAD = DATA / "bad"


def make_mixed(tmp_path: Path) -> Path:
    """The mixed story plus the two files too big or too odd to commit: random bytes, 20 MB."""
    folder = tmp_path / "mixed"
    shutil.copytree(BAD / "mixed", folder)
    noise = bytearray(os.urandom(4096))
    noise[100] = 0
    (folder / "scan.txt").write_bytes(bytes(noise))
    (folder / "random-no-nul.txt").write_bytes(bytes(b or 1 for b in os.urandom(4096)))
    sentence = "The bridge stayed closed on day {} of the repairs, the agency said.\n"
    (folder / "long-text.txt").write_text(
        "A long text\n\n" + "".join(sentence.format(n) for n in range(4000)), encoding="utf-8"
    )
    line = b"The bridge was closed on Friday after a cargo ship struck a pier of it.\n"
    with (folder / "huge.txt").open("wb") as handle:
        handle.write(b"A very long article\n\n")
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    return folder


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> StoryInput:
    return read_story(make_mixed(tmp_path_factory.mktemp("bad")))


def _problem(found: StoryInput, name: str) -> Problem:
    matches = [p for p in found.problems if p.file == name]
    assert len(matches) == 1, (name, found.problems)
    return matches[0]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.txt", "is empty"),
        ("headline-only.txt", "headline but no article text"),
        ("scan.txt", "binary file"),
        ("random-no-nul.txt", "binary file"),
        ("huge.txt", f"more than the {MAX_ARTICLE_BYTES:,}"),
        ("long-text.txt", f"characters of text, more than the {MAX_ARTICLE_CHARACTERS:,}"),
        ("duplicate-of-coast.txt", "same text as coast-courier.txt"),
        ("notes.docx", "not an article"),
    ],
)
def test_each_unusable_file_is_skipped_with_its_reason(mixed: StoryInput, name: str, words: str) -> None:
    problem = _problem(mixed, name)
    assert problem.severity == "skipped"
    assert words in problem.reason
    assert name not in {a.file for a in mixed.articles}


def test_story_file_naming_a_missing_file_is_reported(mixed: StoryInput) -> None:
    reasons = [p.reason for p in mixed.problems if p.file == "story.yml"]
    assert reasons == ["lists 'gone-missing.txt', which is not in the folder"]


def test_a_file_left_out_of_story_yml_is_read_with_a_note(mixed: StoryInput) -> None:
    problem = _problem(mixed, "crlf-lines.txt")
    assert problem.severity == "note" and "not listed in story.yml" in problem.reason
    article = next(a for a in mixed.articles if a.file == "crlf-lines.txt")
    assert article.source.outlet == "crlf-lines"
    assert article.headline == "Ship strikes bridge pier"
    assert all("\r" not in block.text for block in article.blocks)
    assert len(article.blocks) == 2


def test_legacy_encodings_are_decoded_and_noted(mixed: StoryInput) -> None:
    cp1252 = next(a for a in mixed.articles if a.file == "legacy-cp1252.txt")
    assert (
        cp1252.headline
        == "Bridge shut: \u201cweeks\u201d of repairs \u2013 caf\u00e9 owners fear \u20ac losses"
    )
    assert "Windows-1252" in _problem(mixed, "legacy-cp1252.txt").reason
    latin1 = next(a for a in mixed.articles if a.file == "old-latin1.txt")
    assert latin1.headline == "Pont ferm\u00e9 apr\u00e8s la collision"
    assert "Jos\u00e9 Pe\u00f1a" in latin1.blocks[0].text
    assert _problem(mixed, "old-latin1.txt").severity == "note"


def test_a_byte_order_mark_is_dropped_silently(mixed: StoryInput) -> None:
    article = next(a for a in mixed.articles if a.file == "with-bom.txt")
    assert article.headline == "Bridge closed for two weeks"
    assert not [p for p in mixed.problems if p.file == "with-bom.txt"]


def test_the_good_articles_are_all_read(mixed: StoryInput) -> None:
    assert [a.file for a in mixed.articles] == [
        "coast-courier.txt",
        "crlf-lines.txt",
        "harbour-daily.md",
        "legacy-cp1252.txt",
        "old-latin1.txt",
        "with-bom.txt",
    ]
    assert mixed.meta.title == "Harbour bridge closed after cargo ship strikes pier"
    outlets = {a.file: a.source.outlet for a in mixed.articles}
    assert outlets["coast-courier.txt"] == "Coast Courier"
    assert outlets["harbour-daily.md"] == "Harbour Daily"


def test_every_problem_names_a_file_of_the_folder(tmp_path: Path) -> None:
    folder = make_mixed(tmp_path)
    found = read_story(folder)
    names = {p.name for p in folder.iterdir()} | {folder.name}
    assert found.problems
    for problem in found.problems:
        assert problem.file in names
        assert problem.reason and problem.reason[0].islower()


def test_malformed_story_yml_falls_back_and_keeps_the_articles() -> None:
    found = read_story(BAD / "malformed-yaml")
    problem = _problem(found, "story.yml")
    assert problem.severity == "skipped"
    assert "cannot be read as YAML (line 5" in problem.reason
    assert [a.file for a in found.articles] == ["one.txt", "two.txt"]
    assert [a.source.outlet for a in found.articles] == ["one", "two"]
    assert found.meta.title == "Storm closes schools"


def test_a_folder_without_articles_says_so() -> None:
    found = read_story(BAD / "no-articles")
    assert not found.articles
    assert _problem(found, "no-articles").reason == "has no readable articles"
    assert _problem(found, "photo.jpg").severity == "skipped"
    assert found.meta.title == "A story whose articles were never added"


def test_a_single_article_is_read_with_a_note() -> None:
    found = read_story(BAD / "single-article")
    assert len(found.articles) == 1
    problem = _problem(found, "single-article")
    assert problem.severity == "note" and "nothing to compare" in problem.reason


def test_files_that_would_share_a_page_address_are_not_merged(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "Wire Copy.txt").write_text("One\n\nFirst text about the event.\n", encoding="utf-8")
    (folder / "wire-copy.md").write_text("# Two\n\nSecond text about the event.\n", encoding="utf-8")
    found = read_story(folder)
    assert [a.file for a in found.articles] == ["Wire Copy.txt"]
    problem = _problem(found, "wire-copy.md")
    assert "same page address ('wire-copy') as Wire Copy.txt" in problem.reason


def test_links_out_of_the_story_folder_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Private\n\nA line that must never be published.\n", encoding="utf-8")
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "leak.txt").symlink_to(secret)
    found = read_story(folder)
    assert not found.articles
    assert "outside the story folder" in _problem(found, "leak.txt").reason


def test_a_story_yml_entry_listed_twice_is_noted(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    shutil.copytree(BAD / "single-article", folder)
    (folder / "story.yml").write_text(
        "articles:\n  - file: bay-herald.txt\n    outlet: First\n"
        "  - file: bay-herald.txt\n    outlet: Second\n",
        encoding="utf-8",
    )
    found = read_story(folder)
    assert found.articles[0].source.outlet == "First"
    assert "twice" in _problem(found, "story.yml").reason


@pytest.mark.parametrize(
    ("data", "text", "note"),
    [
        (b"plain", "plain", None),
        ("\ufeffcaf\u00e9".encode(), "caf\u00e9", None),
        ("caf\u00e9 \u2019".encode("utf-16"), "caf\u00e9 \u2019", "UTF-16"),
        ("\u201cquoted\u201d".encode("cp1252"), "\u201cquoted\u201d", "Windows-1252"),
        ("na\u00efve \u2014 ".encode() * 5 + b"\x93", "na\u00efve \u2014 " * 5 + "\ufffd", "U+FFFD"),
    ],
)
def test_decode(data: bytes, text: str, note: str | None) -> None:
    decoded = decode(data)
    assert decoded.text == text
    assert (decoded.note is None) if note is None else (note in (decoded.note or ""))


def test_decode_refuses_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"GIF89a\x00\x01")


def test_printable_escapes_what_a_terminal_would_obey() -> None:
    assert printable("name\x1b[2J\u202eexe.txt: ok") == "name\\x1b[2J\\u202eexe.txt: ok"
    assert printable("caf\u00e9 \u201cquoted\u201d") == "caf\u00e9 \u201cquoted\u201d"


def test_a_story_folder_linking_out_of_the_seeds_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "private"
    shutil.copytree(BAD / "single-article", outside)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "linked").symlink_to(outside, target_is_directory=True)
    found = read_story(seeds / "linked")
    assert not found.articles
    assert "outside the seeds folder" in found.problems[0].reason
    assert found.problems[0].severity == "skipped"


def test_a_story_yml_linking_out_of_the_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.yml").write_text("title: Not from this folder\n", encoding="utf-8")
    folder = tmp_path / "story"
    shutil.copytree(BAD / "malformed-yaml", folder)
    (folder / "story.yml").unlink()
    (folder / "story.yml").symlink_to(tmp_path / "elsewhere.yml")
    found = read_story(folder)
    assert found.meta.title == "Storm closes schools"
    assert "outside the story folder" in _problem(found, "story.yml").reason


def test_a_story_yml_key_that_is_not_read_is_noted(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    shutil.copytree(BAD / "single-article", folder)
    (folder / "story.yml").write_text(
        "tittle: Bay storm\narticles:\n  - file: bay-herald.txt\n    outlett: Herald\n", encoding="utf-8"
    )
    notes = [p.reason for p in read_story(folder).problems if p.file == "story.yml"]
    assert any("not read" in n and "'tittle'" in n and "title, date and articles" in n for n in notes)
    assert any("entry 1" in note and "'outlett'" in note for note in notes)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: ok\noutlet: a: b\n---\n\nText.\n", "line 3: mapping values are not allowed here"),
        (
            '---\ntitle: "open\noutlet: x\n---\n\nText.\n',
            "while scanning a quoted scalar that starts on line 2",
        ),
        ("---\ntitle: ok\n\nNo closing fence here.\n", "never closed"),
    ],
)
def test_front_matter_problems_name_the_files_line(tmp_path: Path, text: str, reason: str) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "bad.md").write_text(text, encoding="utf-8")
    (folder / "good.txt").write_text("Headline\n\nA sentence of text.\n", encoding="utf-8")
    found = read_story(folder)
    assert reason in _problem(found, "bad.md").reason
    assert [a.source.outlet for a in found.articles] == ["good"]


def test_an_impossible_date_and_utf16_without_a_mark_are_explained(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    shutil.copytree(BAD / "single-article", folder)
    (folder / "story.yml").write_text("title: Bay storm\ndate: 2025-02-30\n", encoding="utf-8")
    (folder / "wide.txt").write_bytes("Headline\n\nSome text here.\n".encode("utf-16-be"))
    found = read_story(folder)
    assert "line 2: holds a value YAML cannot build" in _problem(found, "story.yml").reason
    assert "UTF-16 without a byte-order mark" in _problem(found, "wide.txt").reason


def test_a_date_not_written_year_month_day_is_noted(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    shutil.copytree(BAD / "single-article", folder)
    (folder / "story.yml").write_text("title: Bay storm\ndate: June 12, 2025\n", encoding="utf-8")
    found = read_story(folder)
    assert found.meta.date == "June 12, 2025"
    assert "not written YYYY-MM-DD" in _problem(found, "story.yml").reason
    (folder / "story.yml").write_text("title: Bay storm\ndate: 2025-06-12\n", encoding="utf-8")
    assert all(p.file != "story.yml" for p in read_story(folder).problems)
