"""HTML articles: read with trafilatura from pages shaped like real news markup."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from digest.errors import InputError
from digest.ingest import read_article, read_story
from digest.normalize import normalize
from digest.read_html import INSTALL_HINT, TABLE, parse
from digest.segment import segment

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
PAGES = sorted((DATA / "html").glob("*.html"))


def _expected(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(page.with_suffix(".expected.yml").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_pages_give_the_article_and_none_of_the_furniture(page: Path) -> None:
    expected = _expected(page)
    raw, problems = read_article(page)
    article = segment(normalize(raw))
    sentences = [s.text for s in article.sentences]
    assert problems == ()
    assert article.headline == expected["headline"]
    for sentence in expected["must_contain"]:
        assert sentence in sentences
    text = "\n".join([article.headline, *sentences, *(h.text for h in article.subheads)])
    for line in expected["must_not_contain"]:
        assert line not in text.replace(expected["headline"], "")


def test_pages_keep_their_paragraphs_apart() -> None:
    """Realistic pages keep one block per paragraph, so sentences keep their paragraph numbers."""
    raw, _ = read_article(DATA / "html" / "larkspur-library-reopens.html")
    assert len([b for b in raw.blocks if b.kind == "paragraph"]) >= 10


def test_story_page_keeps_section_heads_as_headings() -> None:
    raw, _ = read_article(DATA / "stories" / "porthaven-ibarra-transfer" / "touchline-central.html")
    article = segment(normalize(raw))
    assert [h.text for h in article.subheads] == ["A long pursuit"]
    assert article.source.outlet == "Touchline Central"
    assert not any("Share on Facebook" in s.text or "Topics:" in s.text for s in article.sentences)


def test_page_metadata_fills_the_source() -> None:
    raw, _ = read_article(DATA / "html" / "larkspur-library-reopens.html")
    assert raw.source.outlet == "The Larkspur Observer"
    assert raw.source.byline == "Dana Whitlock"
    assert raw.source.published == "2025-09-06"


def test_a_page_without_article_text_is_refused() -> None:
    with pytest.raises(InputError, match="no article text"):
        parse("<html><body><nav><a href='/'>Home</a></nav></body></html>")


def test_a_page_with_only_a_title_is_reported_not_read(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text(
        "<html><head><title>Hello</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    with pytest.raises(InputError, match="no article text"):
        read_article(page)


_BLOCKED = textwrap.dedent(
    """
    import sys
    sys.modules["trafilatura"] = None  # what Python does for a module that is not installed
    from pathlib import Path
    from digest.errors import MissingExtra
    from digest.ingest import read_story
    from digest.read_html import parse
    try:
        parse("<html><body><p>Text.</p></body></html>")
    except MissingExtra as error:
        print("parse:", error)
    story = read_story(Path(sys.argv[1]))
    for problem in story.problems:
        print("problem:", problem.file, "|", problem.reason)
    print("articles:", len(story.articles))
    """
)


def test_without_trafilatura_html_files_are_reported_with_the_install_command() -> None:
    story = DATA / "stories" / "porthaven-ibarra-transfer"
    result = subprocess.run(
        [sys.executable, "-c", _BLOCKED, str(story)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("parse: " + INSTALL_HINT)
    assert 'pip install "parallax-digest[html]"' in lines[0]
    assert any(line.startswith("problem: touchline-central.html | " + INSTALL_HINT) for line in lines)
    # The other outlets of the story are still read.
    assert lines[-1] == "articles: 3"


def test_with_trafilatura_the_same_story_reads_all_four() -> None:
    story = read_story(DATA / "stories" / "porthaven-ibarra-transfer")
    assert len(story.articles) == 4
    assert not [p for p in story.problems if p.severity == "skipped"]


def test_a_data_table_is_not_read_as_sentences() -> None:
    page = (
        "<html><head><title>Survey results</title></head><body><article>"
        "<p>The council published the results of its survey on Monday, "
        "and most residents backed the plan.</p>"
        "<table><tr><th>Option</th><th>Votes</th></tr><tr><td>Yes</td><td>412</td></tr></table>"
        "<p>Turnout was higher than at the last survey, officials said.</p>"
        "</article></body></html>"
    )
    parsed = parse(page)
    texts = [block.text for block in parsed.blocks]
    assert texts == [
        "The council published the results of its survey on Monday, and most residents backed the plan.",
        "Turnout was higher than at the last survey, officials said.",
    ]
    # Nothing is left out silently: the table is listed with what was removed, and why.
    assert [(r.text, r.reason) for r in parsed.dropped] == [("Option Votes Yes 412", TABLE)]


def test_a_line_break_inside_a_sentence_does_not_split_it() -> None:
    page = (
        "<html><head><title>Bridge shut</title></head><body><div id='story'><p>"
        "The city closed the bridge on Monday after engineers found cracks in<br>two of its supports.<br>"
        "Repairs start in May and will take six weeks, the council said.</p></div></body></html>"
    )
    assert [block.text for block in parse(page).blocks] == [
        "The city closed the bridge on Monday after engineers found cracks in two of its supports.",
        "Repairs start in May and will take six weeks, the council said.",
    ]
