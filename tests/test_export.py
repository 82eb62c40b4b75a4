from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import SEED_STORY

from digest.compare import from_row
from digest.export import SCHEMA, to_json
from digest.pipeline import analyze


def test_export_is_deterministic_and_ascii() -> None:
    first, second = to_json(analyze(SEED_STORY)), to_json(analyze(SEED_STORY))
    assert first == second
    assert first.isascii()


def test_export_keeps_original_characters_of_sentences() -> None:
    data = json.loads(to_json(analyze(SEED_STORY)))
    texts = [s["text"] for a in data["articles"] for s in a["sentences"]]
    assert any("\u201cdirectly engaged on the ground\u201d" in t for t in texts)


def test_diff_rows_rebuild_both_phrasings() -> None:
    data = json.loads(to_json(analyze(SEED_STORY)))
    assert data["schema"] == SCHEMA == 4
    texts = {s["id"]: s["text"] for a in data["articles"] for s in a["sentences"]}
    rows = [row for claim in data["claims"] for p in claim["phrasings"] for row in p.get("diff", [])]
    assert any(len(row) == 2 for row in rows)
    assert all(len(row) == 2 or row[1] != row[2] for row in rows)
    for claim in data["claims"]:
        for phrasing in claim["phrasings"]:
            # The reference phrasing is what the others are compared with: it has no diff.
            if phrasing["sentence"] == claim["reference"]:
                assert phrasing == {"sentence": claim["reference"]}
                continue
            # Only a phrasing too different for a readable diff says so.
            assert phrasing.get("diffable", False) is False
            ops = [from_row(row) for row in phrasing["diff"]]
            assert "".join(op.out for op in ops) == texts[phrasing["sentence"]]
            assert "".join(op.ref for op in ops) == texts[claim["reference"]]


def test_cli_export_works_outside_seeds(tmp_path: Path) -> None:
    story = tmp_path / "elsewhere" / "a-story"
    story.mkdir(parents=True)
    (story / "one.txt").write_text(
        "Bridge closes for repairs\n\nThe city closed the old river bridge on Monday for repairs.\n"
        "Engineers found cracks in two of its supports last week.\n"
    )
    (story / "two.md").write_text(
        "---\ntitle: River bridge shut\noutlet: The Other Paper\n---\n\n"
        "The old river bridge was closed by the city on Monday so that repairs can start.\n\n"
        "Traffic will use the ferry road until spring.\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "digest.cli", "export", str(story)],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert data["story"]["id"] == "a-story"
    assert [a["outlet"] for a in data["articles"]] == ["one", "The Other Paper"]
    assert len(data["claims"]) == 1
    assert sorted(data["claims"][0]["sentences"]) == ["one-s1", "two-s1"]


def test_cli_export_rejects_a_missing_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "digest.cli", "export", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "is not a folder" in result.stderr


def test_verbatim_quotation_carriers_hold_no_copy_of_the_words() -> None:
    data = json.loads(to_json(analyze(SEED_STORY)))
    carriers = [c for q in data["lenses"]["quotes"]["quotes"] for c in q["carriers"]]
    verbatim = [c for c in carriers if c["status"] == "verbatim"]
    others = [c for c in carriers if c["status"] != "verbatim"]
    assert verbatim and others
    assert all("text" not in c and "diff" not in c for c in verbatim)
    assert all(c["text"] for c in others)
