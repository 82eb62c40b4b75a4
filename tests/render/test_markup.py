"""inert and href on the inputs they exist for."""

from __future__ import annotations

import html

import pytest

from digest.render.markup import external_link, front_matter, href, inert, relative
from digest.render.times import shown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>", "&#60;script&#62;"),
        ("{{ config }}", "&#123;&#123; config &#125;&#125;"),
        ("--8<--", "&#45;&#45;8&#60;&#45;&#45;"),
        ("&#60;", "&#38;&#35;60&#59;"),
        ("a\u202eb", "a&#91;U&#43;202E&#93;b"),
        ("a\tb\n\nc\u2028d", "a b c d"),
        ("bell\x07", "bell\ufffd"),
        ("  padded  ", "padded"),
        ("caf\u00e9 \u201cquoted\u201d", "caf\u00e9 \u201cquoted\u201d"),
        ("", ""),
        (None, ""),
    ],
)
def test_inert(text: str | None, expected: str) -> None:
    assert inert(text) == expected


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java&#115;cript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "https://exa mple.org/",
        "https://example.org/\x00",
        "https://example.org/\u202egnp.exe",
        "https://example.org/\u200b",
        "ftp://example.org/file",
        "",
        None,
    ],
)
def test_href_refuses_anything_but_plain_web_addresses(url: str | None) -> None:
    assert href(url) is None


def test_href_escapes_an_accepted_address() -> None:
    url = 'https://example.org/a?b=1&c="x"<y>'
    target = href(url)
    assert target is not None
    assert '"' not in target and "<" not in target and "&c" not in target
    assert html.unescape(target) == url


def test_a_refused_address_is_shown_as_text() -> None:
    shown = external_link("javascript:alert(1)", "original")
    assert "<a" not in shown and html.unescape(shown) == "javascript:alert(1)"


def test_front_matter_title_is_inert_yaml() -> None:
    text = front_matter("x\n---\ntitle: <script>")
    assert text.count("---") == 2
    assert "<script>" not in text and "\n" not in text.split("title: ", 1)[1].rstrip("-\n")


@pytest.mark.parametrize(
    ("here", "target", "expected"),
    [
        ("index.md", "stories/a/index.md", "stories/a/"),
        ("page/2.md", "index.md", "../../"),
        ("page/2.md", "page/3.md", "../3/"),
        ("stories/a/claims/c.md", "stories/a/index.md", "../../"),
        ("stories/a/claims/c.md", "stories/a/claims/d.md", "../d/"),
        ("stories/a/index.md", "stories/a/articles/x.md", "articles/x/"),
        ("stories/a/index.md", "data/a.json", "../../data/a.json"),
        ("index.md", "feed.xml", "feed.xml"),
        ("stories/a/index.md", "stories/a/index.md", "./"),
    ],
)
def test_relative_gives_the_published_address(here: str, target: str, expected: str) -> None:
    assert relative(here, target) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-10-08T11:04:00+01:00", "8 Oct 2025, 11:04 (UTC+01:00)"),
        ("2025-10-25T20:19:00Z", "25 Oct 2025, 20:19 (UTC+00:00)"),
        ("2025-10-08 09:30", "8 Oct 2025, 09:30"),
        ("2025-10-08", "8 Oct 2025"),
        ("last Tuesday <b>", "last Tuesday <b>"),
        (None, ""),
    ],
)
def test_publication_times_read_as_dates_in_the_outlets_own_offset(value: str | None, expected: str) -> None:
    assert shown(value) == inert(expected)
