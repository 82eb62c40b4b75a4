"""Page templates: escaping by default, and a site's own folder taking precedence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA

from digest.pipeline import analyze
from digest.render import home, templates


@pytest.fixture
def overrides(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "templates"
    folder.mkdir()
    yield folder
    templates.use(None)


def test_plain_values_are_escaped() -> None:
    page = templates.render(
        "home.html", title="<b>x</b>", first=False, feed="", stories="<i>raw</i>", pager=""
    )
    assert "<b>" not in page and "&lt;b&gt;" in page
    assert "<i>" not in page


def test_a_template_in_the_override_folder_replaces_the_packaged_one(overrides: Path) -> None:
    before = templates.fingerprint(str(overrides))
    (overrides / "home.html").write_text("<h1>Our own list</h1>\n{{ stories }}\n", encoding="utf-8")
    assert templates.fingerprint(str(overrides)) != before
    story = analyze(sorted((DATA / "stories").iterdir())[0])
    templates.use(str(overrides))
    _, page = home.render([story])
    assert page.startswith("<h1>Our own list</h1>")
    templates.use(None)
    _, page = home.render([story])
    assert "Our own list" not in page
