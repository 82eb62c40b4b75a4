"""Hard-wrapped text is read as the paragraphs it was cut from; text that is not wrapped is left alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import DATA, ROOT

from digest import reflow
from digest.ingest import read_article

REFLOW = DATA / "reflow"
DEV = Path(os.environ.get("PARALLAX_DEV", ROOT.parent / "shared" / "dev"))
WIRE = DEV / "stories" / "2018-07-10-thai-cave-rescue-complete" / "ekusheralo24-afp.txt"


def blocks(name: str) -> list[str]:
    article, _ = read_article(REFLOW / name)
    return [block.text for block in article.blocks]


def test_blank_separated_wrapped_paragraphs_are_joined() -> None:
    found = blocks("ferry-wrapped.txt")
    assert found[:2] == ["By Tamsin Oakes", "March 3, 2025"]
    assert len(found) == 6
    assert found[2].startswith("DUNMERE, Westland") and found[2].endswith("the harbour authority said.")
    # A full line that ends a sentence inside a paragraph does not end the paragraph.
    assert found[3] == (
        "The service had been suspended for nine days. Around 1,400 passengers a day normally use the "
        "route, most of them commuters and pupils who attend the secondary school on the larger island."
    )
    assert found[4].startswith("\u201cWe are grateful") and "harbour master Elin Carrow" in found[4]


def test_indented_first_lines_open_paragraphs() -> None:
    found = blocks("library-indented.txt")
    assert len(found) == 3
    assert found[0].startswith("The town council voted") and found[0].endswith("to sell it.")
    assert found[1].startswith("Councillors said") and found[1].endswith("older people.")
    assert found[2].endswith("before the summer recess.")


def test_list_items_stay_apart_and_keep_their_continuations() -> None:
    found = blocks("square-list.txt")
    assert len(found) == 5
    assert found[0].endswith("the council said in a notice on Friday:")
    assert found[1] == (
        "- the eastern car park will close from next Tuesday while its surface is relaid by the contractor"
    )
    assert found[3].endswith("which stays open during the whole of the works")
    assert found[4].startswith("The square itself")


def test_text_that_is_not_wrapped_keeps_one_paragraph_per_line() -> None:
    found = blocks("short-lines.txt")
    assert len(found) == 5
    assert reflow.wrap_width((REFLOW / "short-lines.txt").read_text().splitlines()) is None


def test_markdown_soft_line_breaks_are_already_joined() -> None:
    article, _ = read_article(REFLOW / "poem-like.md")
    assert [block.text for block in article.blocks] == [
        "The coast road between the two villages was closed on Sunday after waves threw stones and "
        "driftwood onto the carriageway, the county highways team said.",
        "A spokeswoman said the road would reopen once the debris had been cleared and the sea wall "
        "inspected.",
    ]


def test_a_word_split_at_a_hyphen_is_rejoined_without_a_space() -> None:
    lines = [
        "The agreement was described by both sides as a long-",
        "awaited step towards a settlement of the dispute over the fishing",
        "grounds, which has lasted for more than a decade without any result.",
        "",
        "Talks resume in May.",
    ]
    assert reflow.paragraphs(lines) == [
        "The agreement was described by both sides as a long-awaited step towards a settlement of the "
        "dispute over the fishing grounds, which has lasted for more than a decade without any result.",
        "Talks resume in May.",
    ]


def test_a_full_line_ending_a_sentence_ends_the_paragraph_when_there_are_no_blank_lines() -> None:
    lines = [
        "The museum will open its new wing to visitors at the start of next month.",
        "Tickets can be booked from Monday, and entry for children under twelve",
        "will be free on weekdays throughout the first summer of the new wing.",
        "The old entrance on the side street will close for good in October.",
        "Staff who work there now will move to the new desk in the main hall,",
        "which has been fitted with a lift and a ramp for visitors with prams.",
    ]
    assert reflow.paragraphs(lines) == [
        lines[0],
        f"{lines[1]} {lines[2]}",
        lines[3],
        f"{lines[4]} {lines[5]}",
    ]


@pytest.mark.skipif(not WIRE.is_file(), reason="the development stories are not next to the repository")
def test_the_dev_wire_story_has_no_wrapped_line_fragments() -> None:
    raw = WIRE.read_text(encoding="utf-8").split("\n")
    groups = [g for g in "\n".join(raw[1:]).split("\n\n") if g.strip()]
    article, _ = read_article(WIRE)
    found = [block.text for block in article.blocks]
    assert len(found) == len(groups)
    for block, group in zip(found, groups, strict=True):
        assert block == " ".join(line.strip() for line in group.split("\n") if line.strip())
        assert not block[:1].islower()
