"""Rules that recognise lines which are page furniture rather than article text.

Each rule looks at one block on its own and returns the reason it is not
article text, or None. The rules describe the *shape* of furniture (a credit
in parentheses closing an unpunctuated line, a copyright sign, a short line
addressed to the reader about sharing or subscribing) and never name a site or
an outlet, so they carry over to pages they were not written against.

Precision matters more than recall here: a dropped sentence is lost from the
comparison, so every rule is limited to short lines, and a line that ends like
a sentence is only removed on strong evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from digest.text import fold, words

Rule = Callable[[str], "str | None"]

CAPTION = "photo caption or credit"
BYLINE = "byline"
WIDGET = "share, newsletter or app prompt"
RELATED = "related-article link"
FOOTER = "site footer"
ADVERT = "advertisement"
TIMESTAMP = "publication date or reading time"

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")


def ends_sentence(text: str) -> bool:
    """Whether a line ends the way a sentence does (stop, question or exclamation mark)."""
    return bool(_SENTENCE_END.search(fold(text)))


def _short(text: str, limit: int = 14) -> bool:
    return len(words(text)) <= limit


_STRONG_CREDIT = re.compile(
    r"^(photo|photograph|picture|image|video|credit|file photo)s?\s*(:|by\b)|\S\s+/\s+\S|\bvia\b"
    r"|\bphotos?\s*/\s*\w|\bimages\b",
    re.IGNORECASE,
)


def credit_in_parentheses(text: str) -> str | None:
    """A caption: an unpunctuated line closed by a short parenthesised credit, or made of them.

    Article sentences end with punctuation; a caption under a photo usually
    does not, and ends with the picture's source in parentheses instead.
    """
    line = fold(text)
    if line.startswith("(") and line.endswith(")"):
        return CAPTION
    match = re.search(r"\(([^()]{1,80})\)$", line)
    if not match:
        return None
    before = line[: match.start()].rstrip()
    credit = match.group(1)
    credit_words = words(credit)
    if not credit_words or len(credit_words) > 12:
        return None
    if _SENTENCE_END.search(before):
        # A sentence followed by a bracket is article text ("... (local time)"),
        # unless the bracket is unmistakably a picture credit: a "Photo:" label
        # or the "photographer / agency" pair that only credits use.
        return CAPTION if _short(before, 40) and _STRONG_CREDIT.search(credit) else None
    looks_credited = (
        bool(_STRONG_CREDIT.search(credit))
        or "via" in credit_words
        or credit.isupper()
        or all(
            w[:1].isupper() or w.lower() in {"via", "of", "and", "the", "for", "/"} or not w[:1].isalpha()
            for w in credit.replace("/", " / ").split()
        )
    )
    return CAPTION if looks_credited else None


_PHOTO_PREFIX = re.compile(
    r"^\(?\s*((photo|photograph|picture|image|video|graphic|illustration|credit|"
    r"photo credit|pictured|above|top image|main image)s?\s*(:|by\b|credit\b)"
    r"|(image|media|video) (source|caption)\s*[,:]|file( photo)?\s*[-\u2013\u2014:])",
    re.IGNORECASE,
)


def photo_label(text: str) -> str | None:
    """Lines that announce themselves as a picture credit ("Photo: …", "Image by …")."""
    return CAPTION if _short(text, 25) and _PHOTO_PREFIX.match(fold(text)) else None


def copyright_sign(text: str) -> str | None:
    """A copyright notice: on a short line it is a photo credit or the site footer."""
    line = fold(text)
    if not _short(line, 20):
        return None
    if "\u00a9" in text or re.search(r"\(c\)\s*\d{4}|copyright\s+(\u00a9\s*)?\d{4}", line, re.I):
        # A dated notice closes the site; an undated one credits a picture.
        return FOOTER if re.search(r"\b(19|20)\d\d\b", line) else CAPTION
    if re.search(
        r"all rights reserved|terms (of use|of service|and conditions|& conditions)|privacy (policy|notice)|"
        r"cookie (policy|settings)",
        line,
        re.I,
    ):
        return FOOTER
    return None


_BYLINE = re.compile(
    r"^(by|words by|reporting by|written by|story by|text by)\s+[A-Z][\w.'\-]+(\s+[\w.'\-]+){0,10}$",
    re.IGNORECASE,
)


def byline(text: str) -> str | None:
    """ "By Name and Name, Agency": a short unpunctuated line of capitalised names."""
    line = fold(text).rstrip(".")
    match = _BYLINE.match(line.replace(",", " ").replace("|", " "))
    if not _short(line, 14) or not match:
        return None
    names = [w for w in re.split(r"[\s,|]+", line[match.end(1) :]) if w]
    lowercase = [
        w for w in names if w[:1].islower() and w.lower() not in {"and", "in", "of", "for", "de", "van"}
    ]
    return BYLINE if not lowercase else None


_RELATED = re.compile(
    r"^(read (more|also|next|this)|related( articles?| stories| content| coverage| reading| news| topics)?|"
    r"see also|more on this( story)?|more from|recommended( for you)?|you (may|might) also like|also read|"
    r"watch( more)?|listen|most (read|popular)|trending|top stories|topics|what to read next|up next)"
    r"\b\s*(:|\||$)"
    r"|^more (from|in|on) ([A-Z][\w&'\-]*\s*){1,3}$",
    re.IGNORECASE,
)


def related_link(text: str) -> str | None:
    """ "Read more: …", "Related Article: …" and similar links to other pages."""
    line = fold(text)
    return RELATED if _short(line, 30) and _RELATED.match(line) else None


_WIDGET = re.compile(
    r"share (this|on|via|the)\b|^share$|^tweet$|copy (the )?link|"
    r"\b(our|free|daily|weekly|morning|evening|e-?mail) newsletters?\b|^newsletters?\b|newsletters?$|"
    r"sign up (for|to|now|here)|subscribe (to|now|for|today)|^subscribe$|"
    r"(download|get|install) (our|the) (free )?(news )?apps?\b|follow us\b|"
    r"email you\b|in your inbox|click here|tap here|listen to (this|the) (article|story)|"
    r"print (this|article)|comments? \(\d+\)|^\d+ comments?$|join the (conversation|discussion)|"
    r"skip to (main )?content|^(log in|sign in|register)$|enable javascript|"
    r"support (our|independent) journalism|become a (member|subscriber)|^our journalism\b|"
    r"already (a|an) (subscriber|member|account holder)|^(email|print|comments?|share this)$",
    re.IGNORECASE,
)


def reader_prompt(text: str) -> str | None:
    """Short lines that speak to the reader about sharing, subscribing or apps."""
    line = fold(text)
    return WIDGET if _short(line, 16) and _WIDGET.search(line) else None


def advertisement(text: str) -> str | None:
    line = fold(text).strip(" -:|").lower()
    if line and set(line.split()) <= {"advertisement", "advertising", "ad", "sponsored"}:
        return ADVERT
    return (
        ADVERT
        if line
        in {
            "advertisement",
            "advertising",
            "ad",
            "sponsored",
            "sponsored content",
            "story continues below advertisement",
            "story continues below",
            "article continues below",
            "article continues after advertisement",
            "continue reading",
            "continue reading below",
            "scroll to continue",
            "scroll to continue with content",
            "advertisement scroll to continue",
            "advertisement - scroll to continue",
        }
        else None
    )


_DATE_WORDS = re.compile(
    r"\b(published|updated|posted|last|first|modified|on|at|am|pm|a\.m|p\.m|gmt|bst|utc|cet|cest|"
    r"est|edt|pst|pdt|local|time|mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|"
    r"sat(urday)?|sun(day)?|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
    r"sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?|today|yesterday|ago|hours?|mins?|minutes?)\b"
    r"|\d+(?:[:.]\d+)*(?:st|nd|rd|th)?",
    re.IGNORECASE,
)


def timestamp(text: str) -> str | None:
    """ "Published 11:04 Wednesday, October 8, 2025", "4 min read": page metadata, not text.

    The line must consist of date and time words alone (plus a label such as
    "Published" or "Updated"), so a sentence that merely mentions a date stays.
    """
    line = fold(text)
    if not _short(line, 14):
        return None
    if re.fullmatch(r"\d+\s*(min|mins|minute|minutes)\s+(read|listen)", line, re.I):
        return TIMESTAMP
    if not re.search(r"\d", line):
        return None
    rest = _DATE_WORDS.sub(" ", line)
    rest = re.sub(r"[\s,.:;|/\u2022\u00b7()\-]+", "", rest)
    has_label = re.match(r"(published|updated|posted|last updated|first published)\b", line, re.I)
    has_date = re.search(
        r"\b(19|20)\d\d\b|\d{1,2}:\d\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
        line,
        re.I,
    )
    if rest or not (has_label or (has_date and not _SENTENCE_END.search(line))):
        return None
    return TIMESTAMP


_DISCLAIMER = re.compile(
    r"not (a substitute|intended as a substitute) for (professional )?(medical|legal|financial|"
    r"investment)? ?advice|for (general )?information(al)? (purposes )?only|"
    r"(views|opinions) expressed (here|in this article)|^this (article|story) (was|has been) "
    r"(updated|amended|corrected)\b|^(additional|further) reporting by\b|^(edited|compiled) by\b",
    re.IGNORECASE,
)


def disclaimer(text: str) -> str | None:
    """Notes the site adds to every article: advice disclaimers, reporting credits."""
    line = fold(text)
    return FOOTER if _short(line, 30) and _DISCLAIMER.search(line) else None


# A match may start only where a run of address characters starts: without the lookbehind a
# long word is scanned again from each of its letters (quadratic time on one long word).
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(\.[\w\-]+)+")
_IMPERATIVE = re.compile(
    r"^(follow|subscribe|download|sign up|join|listen|watch|support|become|get|try|register|log in|"
    r"click|tap|share|like|email|e-mail|contact|send|tell|write to|read|visit|find|see|don't miss)\b",
    re.IGNORECASE,
)


def reader_address(text: str) -> str | None:
    """An imperative addressed to the reader about the site itself ("Follow us on ...",
    "Got a story? Email ...").

    Article sentences report what others did; a short line that opens with an
    order and speaks of "our" channels, "your" inbox or an e-mail address is the
    site talking to its readers.
    """
    line = fold(text)
    if not _short(line, 20):
        return None
    if re.match(r"^(got|have) a (story|tip|news tip)\b", line, re.I):
        return WIDGET
    if _EMAIL.search(line) and re.search(r"\b(email|e-mail|contact|write|send|tips?)\b", line, re.I):
        return WIDGET
    if _IMPERATIVE.match(line) and re.search(r"\b(our|us|your)\b", line, re.I):
        return WIDGET
    return None


_TAGS = re.compile(r"^(tags|topics|filed under|more about|categories|keywords|related|see more)\s*:", re.I)


def tag_list(text: str) -> str | None:
    """ "Topics: A, B" and a lone "Related:" label: site navigation under the article."""
    line = fold(text)
    return RELATED if _short(line, 20) and _TAGS.match(line) and not _SENTENCE_END.search(line) else None


_LONE_CREDIT = re.compile(
    r"\b(images|pictures|photos?)$|\bphotos?\s*/\s*\w|\w/\w[^/]*\bvia\b",
    re.IGNORECASE,
)


def lone_credit(text: str) -> str | None:
    """A picture credit on its own line: "Name/Agency via Picture Desk", "Agency Images".

    The line is short, has no sentence punctuation and ends with a picture
    word or carries the "photographer/agency" slash that only credits use.
    """
    line = fold(text)
    if not _short(line, 8) or _SENTENCE_END.search(line) or not line[:1].isupper():
        return None
    return CAPTION if _LONE_CREDIT.search(line) else None


LINE_RULES: tuple[Rule, ...] = (
    advertisement,
    timestamp,
    disclaimer,
    reader_address,
    tag_list,
    related_link,
    reader_prompt,
    copyright_sign,
    photo_label,
    credit_in_parentheses,
    lone_credit,
    byline,
)


def classify(text: str) -> str | None:
    """The reason a block is furniture, or None when it is article text."""
    for rule in LINE_RULES:
        reason = rule(text)
        if reason:
            return reason
    return None


_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]+){0,4}"
    r"(?:\s*\([^()]{1,40}\))?\s*[\-\u2013\u2014:]+)\s+(?=[A-Z\"'\u201c])"
)


def split_dateline(text: str) -> tuple[str, str] | None:
    """("LONDON (Wire) —", rest) when a paragraph opens with a capitalised place line."""
    match = _DATELINE.match(text)
    if not match:
        return None
    head = match.group("dateline")
    place = re.sub(r"\([^()]*\)", "", head).strip(" -\u2013\u2014:,")
    first_word = place.split()[0] if place.split() else ""
    if len(first_word) < 3 or not first_word.replace(".", "").isupper():
        return None
    return head.strip(), text[match.end() :]


_QUESTION_HEAD = re.compile(
    r"^(what|why|how|when|where|who|which|is|are|was|were|can|could|will|would|should|does|do|did)\b"
    r"[^\"]{0,60}\?$",
    re.IGNORECASE,
)


def is_subhead(text: str) -> bool:
    """A short unpunctuated line inside the body, or a short question standing as its own
    paragraph ("What happens next?"): a section head, not a sentence."""
    line = fold(text)
    if not line or not _short(line, 12):
        return False
    if _QUESTION_HEAD.match(line) and _short(line, 7) and line[0].isupper():
        return True
    if _SENTENCE_END.search(line) or line[-1] in ",;:\"'":
        return False
    return line[0].isupper() or line[0].isdigit()
