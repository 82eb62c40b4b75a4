"""End to end: a real ``mkdocs build`` of the repository's site shows each lens on the seed story.

Pages are found through the published JSON (claim ids come from alignment, so
they are looked up, never written here), and every finding is checked both in
the JSON and in the built HTML of the page that should show it.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, make_project
from mkdocs.commands.build import build
from mkdocs.config import load_config

STORY = "iran-crimea-drones"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    target = tmp_path_factory.mktemp("site")
    project = make_project(tmp_path_factory.mktemp("project"), SEEDS)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(target)))
    return target


@pytest.fixture(scope="module")
def data(site: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((site / "data" / f"{STORY}.json").read_text(encoding="utf-8"))
    return result


def _text(path: Path) -> str:
    """The page's visible text: tags dropped, character references decoded, spaces collapsed."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<script\b.*?</script>", " ", raw, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def _story_page(site: Path) -> str:
    """The story's own pages: the story page and its "how the outlets differ" page."""
    folder = site / "stories" / STORY
    return _text(folder / "index.html") + "\n" + _text(folder / "differences" / "index.html")


def _section(page: str, heading: str, until: str | None = None) -> str:
    """The text after the last occurrence of ``heading`` (the first is in the table of contents)."""
    found = page.rsplit(heading, 1)[1]
    return found.split(until, 1)[0] if until else found


def _claim_page(site: Path, claim_id: str) -> str:
    return _text(site / "stories" / STORY / "claims" / claim_id / "index.html")


def _article(data: dict[str, Any], outlet: str) -> str:
    return next(str(a["id"]) for a in data["articles"] if a["outlet"] == outlet)


def _sentence(data: dict[str, Any], outlet: str, words: str) -> str:
    article = next(a for a in data["articles"] if a["outlet"] == outlet)
    return next(str(s["id"]) for s in article["sentences"] if words in s["text"])


def _claims_with(data: dict[str, Any], sentence_id: str) -> list[str]:
    return [c["id"] for c in data["claims"] if sentence_id in c["sentences"]]


def test_no_evidence_hedges_of_one_outlet(site: Path, data: dict[str, Any]) -> None:
    lens = data["lenses"]["attribution"]
    rt = _article(data, "RT")
    phrases = [h["phrase"] for h in lens["outlets"][rt]["hedges"]]
    assert "without providing evidence for the claim" in phrases
    assert "did not explain where the information had come from" in phrases
    story = _story_page(site)
    assert "did not explain where the information had come from" in story
    assert "without providing evidence for the claim" in story
    # On the claim page the hedge is a badge beside that outlet's phrasing.
    sentence = _sentence(data, "RT", "without providing evidence")
    claims = _claims_with(data, sentence)
    assert claims
    for claim in claims:
        page = _claim_page(site, claim)
        assert "without providing evidence" in page
        assert "told reporters: US National Security Council spokesman John Kirby" in page


def test_allegedly(site: Path, data: dict[str, Any]) -> None:
    hngn = _article(data, "HNGN")
    markers = [h["marker"] for h in data["lenses"]["attribution"]["outlets"][hngn]["hedges"]]
    assert "allegedly" in markers
    story = _story_page(site)
    section = _section(story, "Hedges and distancing: HNGN", "Hedges and distancing: RT")
    assert "allegedly work to assist Russian soldiers" in section


def test_name_variants(site: Path, data: dict[str, Any]) -> None:
    groups = [{s["spelling"] for s in v["spellings"]} for v in data["lenses"]["names"]["variants"]]
    assert {"Kiev", "Kyiv"} in groups
    assert {"Vladimir", "Volodymyr"} in groups
    story = _story_page(site)
    names = _section(story, "Spellings of names", "Text reuse")
    assert "Kiev / Kyiv" in names
    assert "Vladimir / Volodymyr" in names
    assert "Vladimir: RT" in names


def test_thirty_percent_against_roughly_thirty_percent(site: Path, data: dict[str, Any]) -> None:
    claims = data["lenses"]["numbers"]["claims"]
    flagged = [
        (claim_id, row)
        for claim_id, rows in claims.items()
        for row in rows
        if row["value"] == "30%" and row["qualifiers_differ"]
    ]
    assert flagged
    claim_id, row = flagged[0]
    assert row["qualifiers"] == ["exact", "roughly"]
    page = _claim_page(site, claim_id)
    assert "destroyed 30% of Ukraine" in page
    assert "destroyed roughly 30% of Ukraine" in page
    assert "qualified differently" in page
    assert "bought as many as 2,400" in _story_page(site)


def _quote(data: dict[str, Any], words: str) -> dict[str, Any]:
    quote: dict[str, Any] = next(q for q in data["lenses"]["quotes"]["quotes"] if words in q["text"])
    return quote


def test_relatively_small_number_is_quoted_verbatim(site: Path, data: dict[str, Any]) -> None:
    quote = _quote(data, "relatively small number")
    statuses = {c["article"]: c["status"] for c in quote["carriers"]}
    assert statuses == {_article(data, name): "verbatim" for name in ("BreakingNews.ie", "HNGN", "RT")}
    assert quote["speakers_differ"] is False
    claim = _claims_with(data, _sentence(data, "BreakingNews.ie", "relatively small number"))[0]
    page = _claim_page(site, claim)
    section = _section(page, "Quotations")
    assert "\u201ca relatively small number\u201d" in section
    assert section.count("quotes it verbatim") >= 3
    # The quotation is shown once above the table; verbatim rows say so rather than repeat it.
    table = _section(page, "Quotations", until="Outlets not matched to it")
    table = table.split("Outlet How Credited to Wording", 1)[1].split("Not carried by", 1)[0]
    assert "relatively small number" not in table
    assert table.count("the same words") == table.count("quotes it verbatim") >= 3


def test_quote_against_reported_speech(site: Path, data: dict[str, Any]) -> None:
    quote = _quote(data, "The information we have is")
    statuses = {c["article"]: c["status"] for c in quote["carriers"]}
    assert statuses[_article(data, "RT")] == "verbatim"
    assert statuses[_article(data, "BreakingNews.ie")] == "verbatim"
    assert statuses[_article(data, "HNGN")] == "reported"
    rt = _sentence(data, "RT", "The information we have is")
    hngn = _sentence(data, "HNGN", "the information the US has")
    claim = next(c for c in _claims_with(data, rt) if c in _claims_with(data, hngn))
    page = _claim_page(site, claim)
    row = _section(page, "Quotations")
    assert "RT quotes it verbatim Kirby the same words" in row
    assert (
        "HNGN reported speech, no quotation Kirby On the other hand, Kirby said that the information" in row
    )


def test_text_reuse_between_the_wire_copy_and_its_rewrite(site: Path, data: dict[str, Any]) -> None:
    lens = data["lenses"]["reuse"]
    bn, hngn, rt = (_article(data, name) for name in ("BreakingNews.ie", "HNGN", "RT"))
    ids = lens["articles"]
    share = lens["reuse"][ids.index(hngn)][ids.index(bn)]
    assert share >= lens["thresholds"]["shared_copy"]
    assert lens["reuse"][ids.index(rt)][ids.index(bn)] < lens["thresholds"]["shared_copy"]
    assert [bn, hngn] in lens["groups"]
    story = _story_page(site)
    matrix = _section(story, "Text reuse")
    assert f"HNGN {round(share * 100)}% " in matrix
    assert "shared copy" in matrix
    assert "3 outlets amount to 2 independent accounts" in matrix


def test_headlines_and_blind_spots(site: Path, data: dict[str, Any]) -> None:
    coverage = data["lenses"]["coverage"]
    assert coverage["headlines"]["reference"] in {a["id"] for a in data["articles"]}
    story = _story_page(site)
    assert "Headlines compared" in story
    rt = _article(data, "RT")
    if coverage["outlets"][rt]["blind_spots"]:
        assert "Not matched in RT" in story


def test_lens_stylesheet_is_served_and_linked(site: Path) -> None:
    assert (site / "assets" / "lenses.css").read_text(encoding="utf-8").startswith("/*")
    page = (site / "stories" / STORY / "index.html").read_text(encoding="utf-8")
    assert "assets/lenses.css" in page
