"""Properties that must hold for any text at all, checked with generated input."""

from __future__ import annotations

import html
import re
import string
import unicodedata
from html.parser import HTMLParser

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.align import align
from digest.compare import apply, word_diff
from digest.model import RawArticle, RawBlock, Source
from digest.normalize import normalize
from digest.numbers import _QUALIFIER, QUALIFIERS
from digest.render.markup import href, inert
from digest.segment import segment, split_sentences
from digest.text import tokens

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"

# Text that looks like prose often enough to reach the interesting branches:
# words, sentence ends, quotes, abbreviations, plus arbitrary Unicode.
_WORDS = st.sampled_from(
    [
        "The",
        "council",
        "said",
        "U.S.",
        "Dr.",
        "No.",
        "10",
        "2,400",
        "\u201cWe",
        "won.\u201d",
        "Oct.",
        "J.",
        "it.",
    ]
)
_PIECE = st.one_of(
    _WORDS, st.text(min_size=1, max_size=8), st.sampled_from([" ", "  ", "\n", ". ", "! ", "? "])
)
PROSE = st.lists(_PIECE, max_size=40).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=200), PROSE)


def _squeezed(text: str) -> str:
    return "".join(text.split())


@FAST
@given(ANY_TEXT)
def test_sentences_account_for_every_character(text: str) -> None:
    pieces = split_sentences(text)
    assert all(piece and piece == piece.strip() for piece in pieces)
    assert _squeezed("".join(pieces)) == _squeezed(text)
    position = 0
    for piece in pieces:
        found = text.find(piece, position)
        assert found >= 0
        position = found + len(piece)


def _article(name: str, paragraphs: list[str]) -> RawArticle:
    blocks = tuple(RawBlock("paragraph", p) for p in paragraphs)
    return RawArticle(f"{name}.txt", Source(name), "Headline of " + name, blocks)


@FAST
@given(st.lists(st.lists(ANY_TEXT, min_size=1, max_size=5), min_size=1, max_size=4))
def test_alignment_never_crashes_and_claims_are_well_formed(texts: list[list[str]]) -> None:
    articles = tuple(
        segment(normalize(_article(f"outlet-{n}", paragraphs))) for n, paragraphs in enumerate(texts)
    )
    sentences = {s.id: s for a in articles for s in a.sentences}
    claims = align(articles)
    assert len({c.id for c in claims}) == len(claims)
    for claim in claims:
        assert re.fullmatch(r"[a-z0-9-]+x*", claim.id) and len(claim.id) < 200
        assert claim.reference in claim.sentences
        assert set(claim.sentences) <= sentences.keys()
        assert len({sentences[s].article for s in claim.sentences}) >= 2


@FAST
@given(ANY_TEXT, ANY_TEXT)
def test_a_diff_rebuilds_both_sentences(reference: str, other: str) -> None:
    ops, similarity = word_diff(reference, other)
    assert apply(ops) == other.lstrip()
    assert "".join(op.ref for op in ops) == reference.lstrip()
    assert 0.0 <= similarity <= 1.0
    for op in ops:
        assert op.kind != "equal" or [t.key for t in tokens(op.ref)] == [t.key for t in tokens(op.out)]
        assert op.kind != "insert" or not op.ref
        assert op.kind != "delete" or not op.out


@FAST
@given(PROSE)
def test_a_sentence_against_itself_is_all_equal(text: str) -> None:
    ops, similarity = word_diff(text, text)
    assert all(op.kind == "equal" for op in ops)
    assert similarity == 1.0


_ENTITY = re.compile(r"&#\d+;")


@FAST
@given(ANY_TEXT)
def test_inert_leaves_no_ascii_punctuation_outside_entities(text: str) -> None:
    out = inert(text)
    assert not set(_ENTITY.sub("", out)) & set(string.punctuation)
    assert not set(out) & set(BIDI)
    assert "\n" not in out and "  " not in out


def _plain(text: str) -> bool:
    return not any(
        ch in BIDI or (unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and not ch.isspace())
        for ch in text
    )


@FAST
@given(ANY_TEXT.filter(_plain))
def test_inert_decodes_back_to_the_input(text: str) -> None:
    assert html.unescape(inert(text)) == " ".join(text.split())


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


_RISKY = markdown.Markdown(
    extensions=[
        "attr_list",
        "md_in_html",
        "tables",
        "pymdownx.critic",
        "pymdownx.magiclink",
        "pymdownx.snippets",
    ]
)
_HOSTILE_PIECES = st.sampled_from(
    [
        "<",
        ">",
        "&",
        "{",
        "}",
        "[",
        "]",
        "(",
        ")",
        "!",
        "*",
        "_",
        "`",
        "#",
        "|",
        ":",
        "--8<--",
        "{++",
        "{:",
        "{{",
        "javascript:",
        "www.x.org",
        "https://x.org",
        "\n",
        "    ",
        "&#60;",
        "&lt;",
        "<!--",
        "-->",
        '"',
        "'",
        "~~",
    ]
)
MARKUP_SOUP = st.lists(st.one_of(_HOSTILE_PIECES, _WORDS, st.text(max_size=4)), max_size=30).map("".join)


@FAST
@given(MARKUP_SOUP.filter(lambda t: bool(t.strip()) and _plain(t)))
def test_inert_text_renders_as_one_plain_paragraph(text: str) -> None:
    """Whatever the text, Markdown with risky extensions sees only a paragraph of characters."""
    _RISKY.reset()
    rendered = _RISKY.convert(inert(text))
    parser = _Tags()
    parser.feed(rendered)
    parser.close()
    expected = " ".join(text.split())
    if expected:
        assert parser.tags == ["p"], (text, rendered)
        assert "".join(parser.text) == expected


@FAST
@given(ANY_TEXT)
def test_href_accepts_only_plain_web_addresses(text: str) -> None:
    for candidate in (text, "https://" + text, "java&#115;cript:" + text):
        target = href(candidate)
        if target is not None:
            assert html.unescape(target).lower().startswith(("http://", "https://"))
            assert html.unescape(target) == candidate.strip()
            assert not set(_ENTITY.sub("", target)) & set(string.punctuation)


_WHOLE_QUALIFIER = re.compile(
    r"(?:^|\W)(" + "|".join(re.escape(q) for q in QUALIFIERS) + r")\s+$", re.IGNORECASE
)
_NEAR_FIGURES = st.lists(
    st.one_of(
        st.sampled_from([*QUALIFIERS, "about", "More Than", " ", " " * 70, "-", "x"]), st.text(max_size=5)
    ),
    max_size=30,
).map(" ".join)


@FAST
@given(_NEAR_FIGURES)
def test_qualifier_search_near_the_end_finds_what_a_whole_search_finds(text: str) -> None:
    whole = _WHOLE_QUALIFIER.search(text)
    near = _QUALIFIER.search(text)
    assert (whole.group(1) if whole else None) == (near.group(1) if near else None)
