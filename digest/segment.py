"""Stage 3: split a cleaned article into a headline, section heads and sentences.

News text defeats a naive split on full stops: "U.S.", "Oct. 10", "Brig. Gen.",
"No. 10" and initials are not sentence ends, and a quotation of several
sentences belongs to one speaker. A boundary is a full stop, question or
exclamation mark (with any closing quotes or brackets) followed by space and a
capital, digit or opening quote, unless the word before it is a known
abbreviation or an initial, or the mark sits inside a quotation that closes
later in the same paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from digest.ingest import slug
from digest.model import Article, CleanArticle, Sentence, Subhead

# Words that end with a full stop without ending a sentence, lower-cased, without the stop.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof gen brig col lt maj sgt capt cmdr adm cpl pvt sen sens rep reps gov govs lt-gov
    pres supt insp det rev fr sr jr st mt ft no nos vol art sec ch para fig figs jan feb mar
    apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun inc corp co
    ltd llc plc bros dept univ assn est approx vs etc al cf ave blvd rd hon a.m p.m e.g i.e
    u.s u.k u.n e.u u.s.a d.c n.y l.a
    """.split()
)
# Words that, capitalised after "U.S." and the like, start a new sentence.
SENTENCE_STARTERS = frozenset(
    """
    the a an he she it they we i in on at but and so this that these those there his her its
    their our after before when while however meanwhile officials
    """.split()
)
_TIME_FOLLOWERS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday jan january feb february mar march
    apr april may jun june jul july aug august sep sept september oct october nov november dec
    december gmt bst utc cet cest et est edt ct cdt pt pdt pst local eastern central pacific mountain
    """.split()
)
_OPENERS = "\"'\u201c\u2018\u00ab(["
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_AFTER_MARK = re.compile(r"\s*[" + re.escape(_OPENERS) + r"]*")
"""What may stand between a full stop and the next sentence's first letter."""
_DIGIT_NEXT = re.compile(r"\s*\d")
_WORD = re.compile(r"\w+")
_CANDIDATE = re.compile(r"[.!?\u2026]+[" + re.escape(_CLOSERS) + r"]*(?=\s+[" + re.escape(_OPENERS) + r"\w])")


_ATTRIBUTION_TAIL = re.compile(
    r"\s+(?!(?:He|She|They|We|It|This|That|The|A|An)\b)"
    r"(?:(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+){0,3}\s+)?"
    r"(?:said|says|wrote|writes|added|adds|asked|asks|continued|tweeted|replied|told|insisted|declared)"
    r"(?=[\s,.;:])"
)
"""Who said the quotation that just closed ("“Stop lying!” Mr. Reyes wrote."): the same sentence.
A capitalised pronoun there opens a new one ("“…” He added, “…"), and so does a verb that
hands over to what follows ("Ruiz said:")."""
_HANDS_OVER = re.compile(r"\s*[,:]?\s*$|\s*:")


def _quotation_then_speaker(text: str, closes: dict[int, int], start: int, end: int) -> bool:
    """Whether the sentence from ``start`` is one quotation, closing just before ``end``, whose
    speaker follows it ("“Stop lying!” Mr. Reyes wrote."): a phrase quoted at the end of a
    sentence (He called it "a deal." Nobody replied.) is no such quotation. ``closes`` maps where
    each quotation of the paragraph opens to where it closes."""
    if text[end - 1] not in _CLOSERS:
        return False
    opening = len(text) - len(text[start:].lstrip())
    if closes.get(opening) != end - 1:
        return False
    tail = _ATTRIBUTION_TAIL.match(text, end)
    return tail is not None and not _HANDS_OVER.match(text, tail.end())


def _word_before(text: str, end: int) -> str:
    # Only the last few characters can hold an abbreviation or an initial; searching the
    # whole prefix would take quadratic time on a run-on word.
    match = re.search(r"([\w.\-']+)$", text[max(0, end - 40) : end])
    return match.group(1) if match else ""


def _next_word(text: str, at: int) -> re.Match[str] | None:
    """The word that follows position ``at``, past spaces and opening quotes.

    Matched in place rather than on a copy of the rest of the text, which
    would make a paragraph of many short sentences cost quadratic time.
    """
    start = _AFTER_MARK.match(text, at)
    return _WORD.match(text, start.end() if start else at)


def _is_abbreviation(text: str, mark: int) -> bool:
    """Whether the full stop at ``mark`` belongs to the word before it."""
    if text[mark] != ".":
        return False
    word = _word_before(text, mark)
    lowered = word.lower().rstrip(".")
    if lowered in {"a.m", "p.m"}:
        # A time ends a sentence unless a day, month or time zone completes it ("3 a.m. Wednesday").
        next_word = _next_word(text, mark + 1)
        if next_word and next_word.group(0)[:1].isupper():
            return next_word.group(0).lower().rstrip(".") in _TIME_FOLLOWERS
        return True
    if lowered in ABBREVIATIONS:
        if "." in lowered or lowered in {"no", "nos"}:
            # "U.S." ends a sentence when a sentence starter follows it.
            next_word = _next_word(text, mark + 1)
            if next_word and next_word.group(0).lower() in SENTENCE_STARTERS and lowered != "no":
                return False
            if lowered in {"no", "nos"}:
                return bool(_DIGIT_NEXT.match(text, mark + 1))
        return True
    # An initial: a single capital letter ("J. Smith"), or dotted letters ("J.R.").
    return bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word))


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of double quotations that open and close within the text."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for index, char in enumerate(text):
        if start is None and char in '\u201c"':
            start = index
        elif start is not None and char in '\u201d"':
            spans.append((start, index))
            start = None
    return spans


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph, in the paragraph's original characters."""
    text = text.strip()
    if not text:
        return []
    quotes = _quote_spans(text)
    starts = [start for start, _ in quotes]
    closes = dict(quotes)
    cuts: list[int] = []
    for match in _CANDIDATE.finditer(text):
        mark = match.start()
        if _is_abbreviation(text, mark):
            continue
        end = match.end()
        after = _AFTER_MARK.match(text, end)
        following = text[after.end() : after.end() + 1] if after else text[end : end + 1]
        if following.islower():
            # News sentences open with a capital, a digit or a quote; a lower-case
            # word after a stop ("2:40 a.m. in a shed") continues the sentence.
            continue
        # Quotations do not overlap, so only the last one opening before the mark can hold it.
        inside = bisect_left(starts, mark) - 1
        if inside >= 0 and end - 1 < quotes[inside][1]:
            continue
        if _quotation_then_speaker(text, closes, cuts[-1] if cuts else 0, end):
            continue
        cuts.append(end)
    pieces: list[str] = []
    start = 0
    for cut in cuts:
        piece = text[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def segment(article: CleanArticle) -> Article:
    """Number sentences and section heads; sentence ids are stable for unchanged files."""
    article_id = slug(article.file.rsplit(".", 1)[0])
    sentences: list[Sentence] = []
    subheads: list[Subhead] = []
    paragraph = 0
    for block in article.blocks:
        if block.kind == "heading":
            subheads.append(Subhead(block.text, paragraph))
            continue
        for text in split_sentences(block.text):
            index = len(sentences) + 1
            sentences.append(Sentence(f"{article_id}-s{index}", article_id, index, paragraph, text))
        paragraph += 1
    return Article(
        id=article_id,
        file=article.file,
        source=article.source,
        headline=article.headline,
        sentences=tuple(sentences),
        subheads=tuple(subheads),
        removed=article.removed,
    )
