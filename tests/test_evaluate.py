"""The scorer against hand-written exports and references whose right answer is known."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from digest.cli import main
from digest.evaluate import GoldError, check_gold, format_report, format_table, load_gold, score

DATA = Path(__file__).resolve().parent / "data"
EVAL_DATA = DATA / "eval"


def _export(
    claims: list[list[str]], headlines: tuple[str, str] = ("Bridge shut", "Bridge closed")
) -> dict[str, Any]:
    """Two articles, three sentences each, and the given claims (lists of sentence ids)."""
    return {
        "story": {"id": "bridge"},
        "articles": [
            {
                "file": "one.txt",
                "headline": headlines[0],
                "sentences": [
                    {"id": "one-s1", "text": "The city closed the river bridge on Monday."},
                    {"id": "one-s2", "text": "Engineers found cracks in two supports."},
                    {"id": "one-s3", "text": "Share this article"},
                ],
            },
            {
                "file": "two.txt",
                "headline": headlines[1],
                "sentences": [
                    {"id": "two-s1", "text": "The river bridge was shut by the city on Monday."},
                    {"id": "two-s2", "text": "Cracks were found in two of its supports, engineers said."},
                    {"id": "two-s3", "text": "Traffic will use the ferry road until spring."},
                ],
            },
        ],
        "claims": [{"sentences": members} for members in claims],
    }


def _gold(**extra: Any) -> dict[str, Any]:
    gold: dict[str, Any] = {
        "story": "bridge",
        "files": {"A": "one.txt", "B": "two.txt"},
        "headline": {"A": "Bridge shut", "B": "Bridge closed"},
        "same_fact": [
            {"A": "closed the river bridge", "B": "was shut by the city"},
            {"A": "Engineers found cracks", "B": "Cracks were found"},
        ],
    }
    gold.update(extra)
    return gold


def test_perfect_alignment_scores_one() -> None:
    result = score(_export([["one-s1", "two-s1"], ["one-s2", "two-s2"]]), _gold())
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert (result.true_positives, result.false_positives, result.false_negatives) == (2, 0, 0)
    assert result.headlines_right == result.headlines_total == 2


def test_a_wrong_link_costs_precision_and_is_named() -> None:
    result = score(_export([["one-s1", "two-s1"], ["one-s2", "two-s2"], ["one-s2", "two-s3"]]), _gold())
    assert result.false_positives == 1
    assert result.precision == pytest.approx(2 / 3)
    assert result.recall == 1.0
    assert result.wrong_links == [("one-s2", "two-s3")]


def test_a_missed_link_costs_recall_and_is_named() -> None:
    result = score(_export([["one-s1", "two-s1"]]), _gold())
    assert result.precision == 1.0
    assert result.recall == 0.5
    assert result.f1 == pytest.approx(2 / 3)
    assert result.missed_links == [("one-s2", "two-s2")]


def test_a_maybe_pair_is_neither_rewarded_nor_punished() -> None:
    gold = _gold(maybe=[{"A": "Engineers found cracks", "B": "ferry road"}])
    with_it = score(_export([["one-s1", "two-s1"], ["one-s2", "two-s2"], ["one-s2", "two-s3"]]), gold)
    without = score(_export([["one-s1", "two-s1"], ["one-s2", "two-s2"]]), gold)
    assert with_it.as_dict()["precision"] == without.as_dict()["precision"] == 1.0
    assert with_it.true_positives == without.true_positives == 2


def test_pairs_inside_one_article_do_not_count() -> None:
    result = score(_export([["one-s1", "one-s2"], ["one-s1", "two-s1"], ["two-s2", "one-s2"]]), _gold())
    assert result.false_positives == 0
    assert result.true_positives == 2


def test_an_anchor_matching_no_sentence_is_reported_lost() -> None:
    gold = _gold(keep={"B": ["Traffic will use the ferry road", "The mayor apologised"]})
    result = score(_export([["one-s1", "two-s1"], ["one-s2", "two-s2"]]), gold)
    assert result.sentences_lost == ["B: The mayor apologised"]


def test_a_lost_same_fact_anchor_is_lost_and_its_pairs_missing_from_recall() -> None:
    gold = _gold(same_fact=[{"A": "closed the river bridge", "B": "a sentence normalization dropped"}])
    result = score(_export([["one-s1", "two-s1"]]), gold)
    assert result.sentences_lost == ["B: a sentence normalization dropped"]
    assert result.false_positives == 1


def test_leftover_boilerplate_is_counted_and_short_lines_match_whole() -> None:
    gold = _gold(boilerplate={"A": ["Share this article"], "B": ["Traffic", "ferry road until spring"]})
    result = score(_export([]), gold)
    # "Share this article" is a sentence of A; the one-word line "Traffic" only
    # opens a real sentence of B, the longer line sits inside one.
    assert result.boilerplate_left == ["A: Share this article", "B: ferry road until spring"]


def test_subheads_kept_as_sentences_are_counted() -> None:
    gold = _gold(subheads={"A": ["Share this article"]})
    assert score(_export([]), gold).subheads_as_sentences == ["A: Share this article"]


def test_headlines_match_after_folding_case_quotes_and_dashes() -> None:
    export = _export([], headlines=("\u201cBridge\u201d \u2013 shut", "Bridge  CLOSED"))
    gold = _gold(headline={"A": '"bridge" - Shut', "B": "Bridge closed"})
    assert score(export, gold).headlines_right == 2


def test_a_headline_mismatch_is_counted() -> None:
    result = score(_export([], headlines=("Bridge shut for good", "Bridge closed")), _gold())
    assert (result.headlines_right, result.headlines_total) == (1, 2)


def test_a_file_missing_from_the_story_is_reported() -> None:
    gold = _gold(files={"A": "one.txt", "B": "two.txt", "C": "three.txt"})
    result = score(_export([["one-s1", "two-s1"], ["one-s2", "two-s2"]]), gold)
    assert result.files_missing == ["C: three.txt"]
    assert "file missing from the story: C: three.txt" in format_report(result)


@pytest.mark.parametrize(
    ("gold", "message"),
    [
        (["not", "a", "mapping"], "must be a mapping"),
        ({"same_fact": []}, "no 'files' mapping"),
        ({"files": {"A": ""}}, "files.A must be a file name"),
        ({"files": {"A": "a.txt"}, "same_facts": []}, "unknown section(s) same_facts"),
        ({"files": {"A": "a.txt"}, "headline": {"Z": "x"}}, "names 'Z'"),
        ({"files": {"A": "a.txt"}, "keep": {"A": "one line"}}, "keep.A must be a list"),
        ({"files": {"A": "a.txt"}, "keep": {"A": [""]}}, "empty or non-text line"),
        ({"files": {"A": "a.txt"}, "same_fact": {"A": "x"}}, "'same_fact' must be a list"),
        ({"files": {"A": "a.txt", "B": "b.txt"}, "same_fact": [{"A": "x"}]}, "at least two file keys"),
        ({"files": {"A": "a.txt", "B": "b.txt"}, "maybe": [{"A": "x", "B": ""}]}, "empty anchor for 'B'"),
    ],
)
def test_malformed_references_are_refused_with_the_reason(gold: Any, message: str) -> None:
    with pytest.raises(GoldError) as error:
        check_gold(gold, "ref.yml")
    assert message in str(error.value)


def test_score_checks_its_reference_too() -> None:
    with pytest.raises(GoldError):
        score(_export([]), {"files": {}})


def test_load_gold_reports_yaml_errors_with_the_file_name() -> None:
    with pytest.raises(GoldError) as error:
        load_gold(EVAL_DATA / "broken.yml")
    assert "broken.yml" in str(error.value) and "not valid YAML" in str(error.value)


def test_load_gold_reads_the_seed_reference() -> None:
    gold = load_gold(DATA / "reference" / "iran-crimea-drones.yml")
    assert set(gold["files"]) == {"B", "H", "R"}


def test_report_and_table_show_the_figures() -> None:
    result = score(_export([["one-s1", "two-s1"]]), _gold())
    report = format_report(result, {"one-s2": "Engineers found cracks", "two-s2": "Cracks were found"})
    assert "precision: 1.000" in report and "recall: 0.500" in report
    assert "missed link: one-s2 ~ two-s2" in report and "Engineers found cracks" in report
    table = format_table([result, result])
    assert table.splitlines()[-1].split()[-3:] == ["1.000", "0.500", "0.667"]


def test_cli_eval_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "eval",
            "--json",
            str(DATA / "reference" / "iran-crimea-drones.yml"),
            str(DATA / "seed" / "iran-crimea-drones"),
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["story"] == "iran-crimea-drones"
    assert {"precision", "recall", "f1", "boilerplate_left", "sentences_lost", "headlines_right"} <= set(data)


def test_cli_eval_refuses_a_malformed_reference(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["eval", str(EVAL_DATA / "no-files.yml"), str(DATA / "stories" / "varnia-no-confidence-vote")]
    )
    assert code == 2
    assert "no 'files' mapping" in capsys.readouterr().err


def test_cli_eval_refuses_a_missing_story_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["eval", str(DATA / "reference" / "iran-crimea-drones.yml"), str(tmp_path / "nowhere")])
    assert code == 2
    assert "is not a folder" in capsys.readouterr().err


def test_cli_eval_all_scores_every_reference(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["eval", "--all", "--json", str(DATA / "gold"), str(DATA / "stories")])
    assert code == 0
    stories = {item["story"] for item in json.loads(capsys.readouterr().out)}
    assert stories == {path.stem for path in (DATA / "gold").glob("*.yml")}


def test_cli_eval_all_fails_when_a_story_folder_is_missing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(["eval", "--all", str(DATA / "gold"), str(tmp_path)])
    assert code == 2
    assert "no story folder" in capsys.readouterr().err


# Anchor location, as the reference format prescribes -----------------------------------------


def test_an_anchor_running_past_the_sentence_is_found_by_its_first_five_words() -> None:
    """The segmenter may end a sentence earlier than the annotator's anchor does."""
    gold = _gold(
        same_fact=[{"A": "The city closed the river bridge early on", "B": "The river bridge was shut"}]
    )
    result = score(_export([["one-s1", "two-s1"]]), gold)
    assert (result.true_positives, result.false_positives, result.sentences_lost) == (1, 0, [])


def test_an_anchor_is_found_without_its_bullet_or_upper_case_dateline() -> None:
    """Cleaning takes datelines and bullets off sentences; the anchor still names the sentence."""
    gold = _gold(
        same_fact=[
            {"A": "RIVERTON (AP) -- The city closed", "B": "\u2022 The river bridge was shut"},
            {"A": "RIVERTON \u2014 Engineers found cracks", "B": "Cracks were found"},
        ]
    )
    result = score(_export([["one-s1", "two-s1"], ["one-s2", "two-s2"]]), gold)
    assert (result.true_positives, result.false_negatives, result.sentences_lost) == (2, 0, [])


def test_a_maybe_pair_found_by_the_fallbacks_is_not_counted_as_wrong() -> None:
    anchor = "RIVERTON -- Engineers found cracks in two supports today"
    gold = _gold(maybe=[{"A": anchor, "B": "Traffic will"}])
    result = score(_export([["one-s2", "two-s3"]]), gold)
    assert result.false_positives == 0


def test_headline_anchors_are_scored_as_headlines_not_as_pairs() -> None:
    """A same-fact entry naming two headlines adds no pair: the headline check scores them."""
    gold = _gold()
    gold["same_fact"].append({"A": "Bridge shut", "B": "Bridge closed"})
    result = score(_export([["one-s1", "two-s1"], ["one-s2", "two-s2"]]), gold)
    assert (result.true_positives, result.false_negatives) == (2, 0)
    assert result.headlines_right == 2
