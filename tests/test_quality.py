"""Regression floors for comparison quality, measured against the hand-made references.

The gate that counts is the real coverage in ``../shared/dev`` (fifteen stories
with a two-annotator reference), scored pooled exactly as ``digest eval --all``
scores it, and the seed story against its own reference. The own-words stories
in ``tests/data`` are unit checks: they were written to be aligned and overstate
quality. A change that makes alignment or normalization worse fails here with
the figures in the message.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from digest.evaluate import Score, load_gold, score
from digest.export import to_data
from digest.model import Story
from digest.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
DEV_REFERENCES = sorted((DATA / "gold").glob("*.yml"))
SEED_REFERENCE = DATA / "reference" / "iran-crimea-drones.yml"


def _score(reference: Path, folder: Path) -> Score:
    return score(to_data(analyze(folder)), load_gold(reference))


def _figures(result: Score) -> str:
    return (
        f"{result.story}: P {result.precision:.3f} R {result.recall:.3f} F1 {result.f1:.3f}, "
        f"wrong {result.wrong_links}, boilerplate left {result.boilerplate_left}, "
        f"lost {result.sentences_lost}"
    )


def test_there_are_dev_stories() -> None:
    assert len(DEV_REFERENCES) >= 4


@pytest.mark.parametrize("reference", DEV_REFERENCES, ids=[p.stem for p in DEV_REFERENCES])
def test_dev_story_quality(reference: Path) -> None:
    result = _score(reference, DATA / "stories" / reference.stem)
    assert result.precision >= 0.90, _figures(result)
    assert result.f1 >= 0.65, _figures(result)
    assert result.boilerplate_left == [], _figures(result)
    assert result.sentences_lost == [], _figures(result)
    assert result.subheads_as_sentences == [], _figures(result)
    assert result.headlines_right == result.headlines_total, _figures(result)


def test_seed_story_quality() -> None:
    result = _score(SEED_REFERENCE, DATA / "seed" / "iran-crimea-drones")
    assert result.precision >= 0.95, _figures(result)
    assert result.f1 >= 0.95, _figures(result)
    assert result.boilerplate_left == [], _figures(result)
    assert result.sentences_lost == [], _figures(result)
    assert result.subheads_as_sentences == [], _figures(result)
    assert (result.headlines_right, result.headlines_total) == (3, 3), _figures(result)


def test_held_out_story_quality() -> None:
    """An own-words story kept out of every fitting: P 1.000, F1 0.632 with the fitted pair model."""
    folder = DATA / "heldout" / "harlow-water-main"
    result = _score(DATA / "heldout" / "harlow-water-main.yml", folder)
    assert result.precision >= 0.90, _figures(result)
    assert result.f1 >= 0.55, _figures(result)
    assert result.boilerplate_left == [], _figures(result)
    assert result.sentences_lost == [], _figures(result)


def test_second_held_out_story_quality() -> None:
    """Heavy paraphrase in own words: P 1.000, R 0.286, F1 0.444 with the fitted pair model.
    The floor guards precision first."""
    folder = DATA / "heldout" / "kestrel-pilots-strike"
    result = _score(DATA / "heldout" / "kestrel-pilots-strike.yml", folder)
    assert result.precision >= 0.90, _figures(result)
    assert result.f1 >= 0.40, _figures(result)
    assert result.boilerplate_left == [], _figures(result)
    assert result.sentences_lost == [], _figures(result)


DEV = Path(os.environ.get("PARALLAX_DEV", ROOT.parent / "shared" / "dev"))


def _dev_folder() -> Path:
    """The real dev stories beside the repository (or at ``PARALLAX_DEV``); a bare clone has none.

    They are not part of the repository (the texts belong to their publishers), so without
    them the gate is skipped with the place it looked in, shown in the test summary.
    """
    if not (DEV / "gold").is_dir():
        pytest.skip(f"no dev stories at {DEV} (set PARALLAX_DEV to their folder)")
    return DEV


def test_real_coverage_pooled_quality() -> None:
    """Pooled over the real dev stories: P 0.877, R 0.448, F1 0.593 now, P 0.876, R 0.443 when
    the floors were set (leave-one-story-out P 0.869, R 0.435). Precision first; the floors leave
    a small margin."""
    dev = _dev_folder()
    results = [
        _score(reference, dev / "stories" / str(load_gold(reference)["story"]))
        for reference in sorted((dev / "gold").glob("*.yml"))
    ]
    assert len(results) == 15
    total = Score("pooled")
    for result in results:
        total.true_positives += result.true_positives
        total.false_positives += result.false_positives
        total.false_negatives += result.false_negatives
    figures = f"P {total.precision:.3f} R {total.recall:.3f} F1 {total.f1:.3f}"
    assert total.precision >= 0.85, figures
    assert total.recall >= 0.40, figures
    assert sum(len(r.sentences_lost) for r in results) <= 1, [r.sentences_lost for r in results]


def _states(story: Story, wanted: set[frozenset[str]], claim: dict[str, Any], article_id: str) -> bool:
    """Whether the reference pairs a sentence of the article with a member of the claim."""
    return any(
        frozenset((member, sentence.id)) in wanted
        for member in claim["sentences"]
        for sentence in story.article(article_id).sentences
    )


def test_real_coverage_outlets_not_found_mostly_leave_the_fact_out() -> None:
    """An outlet a claim page calls "not found" should really leave the fact out, and one it calls
    "perhaps" should mostly state it. When the floors were set: 13 of 47 "not found" marks had a
    sentence the reference pairs with a member (28%; before related sentences were told apart,
    51 of 95), and 38 of 48 "perhaps" marks did (79%)."""
    dev = _dev_folder()
    not_found = wrongly_not_found = perhaps = rightly_perhaps = 0
    for reference in sorted((dev / "gold").glob("*.yml")):
        gold = load_gold(reference)
        story = analyze(dev / "stories" / str(gold["story"]))
        export = to_data(story)
        wanted = score(export, gold).same_fact_pairs

        for claim in export["claims"]:
            not_found += len(claim["missing"])
            wrongly_not_found += sum(_states(story, wanted, claim, aid) for aid in claim["missing"])
            perhaps += len(claim["near"])
            rightly_perhaps += sum(
                _states(story, wanted, claim, sid.rsplit("-s", 1)[0]) for sid in claim["near"]
            )
    figures = f"not found {wrongly_not_found}/{not_found} wrong, perhaps {rightly_perhaps}/{perhaps} right"
    assert wrongly_not_found <= 0.35 * not_found, figures
    assert rightly_perhaps >= 0.70 * perhaps, figures
