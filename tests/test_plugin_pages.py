"""What the plugin trims from the theme's output of generated pages."""

from __future__ import annotations

import json

from digest.plugin import _without_search_wording

SETTINGS = {
    "base": "../..",
    "features": [],
    "translations": {
        "clipboard.copy": "Copy to clipboard",
        "search.result.none": "No matching documents",
        "select.version": "Select version",
    },
    "search": "assets/javascripts/workers/search.js",
}


def _page(script: str) -> str:
    return f'<main></main>\n<script id="__config" type="application/json">{script}</script>\n'


def test_the_settings_keep_all_but_the_search_box_and_version_wording() -> None:
    trimmed = _without_search_wording(_page(json.dumps(SETTINGS)))
    script = trimmed.split('type="application/json">', 1)[1].split("</script>", 1)[0]
    settings = json.loads(script)
    assert settings["translations"] == {"clipboard.copy": "Copy to clipboard"}
    assert {key: value for key, value in settings.items() if key != "translations"} == {
        key: value for key, value in SETTINGS.items() if key not in ("translations", "search")
    }
    assert trimmed.startswith("<main></main>\n") and trimmed.endswith("</script>\n")


def test_markup_characters_stay_escaped_inside_the_script() -> None:
    settings = {**SETTINGS, "base": "</script><b>"}
    trimmed = _without_search_wording(_page(json.dumps(settings).replace("<", "\\u003c")))
    assert "</script><b>" not in trimmed
    assert trimmed.count("</script>") == 1


def test_anything_unexpected_is_left_as_it_is() -> None:
    for script in ("not json", json.dumps({"translations": ["a"]}), json.dumps({"base": "."})):
        page = _page(script)
        assert _without_search_wording(page) == page
    assert _without_search_wording("<p>no settings</p>") == "<p>no settings</p>"
