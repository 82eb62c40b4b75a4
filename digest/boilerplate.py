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
AUTHOR_NOTE = "note about the writer"
WIDGET = "share, newsletter or app prompt"
RELATED = "related-article link"
FOOTER = "site footer"
ADVERT = "advertisement"
TIMESTAMP = "publication date or reading time"
SYMBOL = "lone symbol"
LIVE_BLOG = "live-blog heading or marker"
UPDATE_NOTE = "update note"
EMBED = "embedded social-media post"

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
        # A bracketed credit or note is short; a bracketed aside that is a whole
        # sentence ("(In 2013, the minister ... decision.)") is article text.
        inner = line[1:-1].strip()
        return None if _SENTENCE_END.search(inner) or not _short(inner, 12) else CAPTION
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
    r"^(by|words by|reporting by|additional reporting by|written by|writing by|story by|text by|"
    r"editing by|edited by)\s+[A-Z][\w.'\-]+(\s+[\w.'\-]+){0,10}$",
    re.IGNORECASE,
)
_NEWSROOM = frozenset(
    {"and", "in", "of", "for", "de", "van", "staff", "reporter", "reporters", "team", "desk"}
)
"""Lower-case words a byline may hold besides names ("By Kreis Online staff")."""


def byline(text: str) -> str | None:
    """ "By Name and Name, Agency": a short unpunctuated line of capitalised names."""
    line = fold(text).rstrip(".")
    match = _BYLINE.match(line.replace(",", " ").replace("|", " "))
    if not _short(line, 14) or not match:
        return None
    names = [w for w in re.split(r"[\s,|]+", line[match.end(1) :]) if w]
    lowercase = [w for w in names if w[:1].islower() and w.lower() not in _NEWSROOM]
    return BYLINE if not lowercase else None


def page_metadata(text: str) -> str | None:
    """A line of bylines, dates and reading times run together ("By Ana Ruiz | Updated 13 June
    2025, 08:15", "Reporting by Ana Ruiz; Editing by Tom Lee"): each part is page furniture."""
    parts = [part.strip() for part in re.split(r"\s[|\u2022\u00b7]\s|;\s", fold(text)) if part.strip()]
    if len(parts) < 2 or not _short(fold(text), 24):
        return None
    found = [byline(part) or timestamp(part) for part in parts]
    if not all(found):
        return None
    return BYLINE if BYLINE in found else TIMESTAMP


_AUTHOR_NOTE = re.compile(
    r"\bfollow (him|her|them|me)\b[^.]{0,40}\b(on|at)\b|"
    r"\b(is|was) (a|an|the) [^.]{0,60}\b(editor|correspondent|reporter|writer|columnist)\b[^.]{0,40}\.\s+"
    r"(follow|email|contact|reach)\b",
    re.IGNORECASE,
)


def author_note(text: str) -> str | None:
    """A few lines about the writer and where to follow them ("Jon Lee is the paper's transport
    editor. Follow him on X at @jlee."): about the byline, not the event."""
    line = fold(text)
    return AUTHOR_NOTE if _short(line, 45) and _AUTHOR_NOTE.search(line) and "@" in line else None


_RELATED = re.compile(
    r"^(read (more|also|next|this)|related( articles?| stories| content| coverage| reading| news| topics)?|"
    r"see also|more on this( story)?|more from|recommended( for you)?|you (may|might) also like|also read|"
    r"watch( more)?|listen|most (read|popular)|trending|top stories|topics|what to read next|up next)"
    r"\b\s*(:|\||$)"
    r"|^more (from|in|on) ([A-Z][\w&'\-]*\s*){1,3}$",
    re.IGNORECASE,
)


def related_label(text: str) -> bool:
    """Whether a line is a label heading a list of links ("Read more:", "Most read"), with no
    link title of its own after it."""
    line = fold(text)
    match = _RELATED.match(line)
    return match is not None and not line[match.end() :].strip()


def related_link(text: str) -> str | None:
    """ "Read more: …", "Related Article: …" and similar links to other pages."""
    line = fold(text)
    return RELATED if _short(line, 30) and _RELATED.match(line) else None


_SPEECH = re.compile(r"\b(?:said|says|told|according\s+to|added|asked|urged|wrote)\b", re.IGNORECASE)
"""Reported speech: a line that reports someone's words is article text, whatever it says."""
_WIDGET = re.compile(
    r"share (this|on|via|the)\b|^share$|^tweet$|copy (the )?link|"
    r"\b(our|free|daily|weekly|morning|evening|e-?mail) newsletters?\b|^newsletters?\b|newsletters?$|"
    r"sign up (for|to|now|here)|subscribe (to|now|for|today)|^subscribe$|"
    r"(download|get|install) (our|the) (free )?(news )?apps?\b|follow us\b|"
    r"^follow [^.]{1,40} on (facebook|x|twitter|instagram|tiktok|threads|bluesky|linkedin|youtube|whatsapp|"
    r"telegram)\b|"
    r"email you\b|in your inbox|click here|tap here|"
    r"listen to (this|the) (full )?(article|story|report|interview|episode|podcast|programme|program)\b|"
    r"print (this|article)|comments? \(\d+\)|^\d+ comments?$|join the (conversation|discussion)|"
    r"skip to (main )?content|^(log in|sign in|register)$|enable javascript|"
    r"support (our|independent) journalism|become a (member|subscriber)|^our journalism\b|"
    r"already (a|an) (subscriber|member|account holder)|^(email|print|comments?|share this)$",
    re.IGNORECASE,
)


def reader_prompt(text: str) -> str | None:
    """Short lines that speak to the reader about sharing, subscribing or apps."""
    line = fold(text)
    return WIDGET if _short(line, 16) and _WIDGET.search(line) and not _SPEECH.search(line) else None


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


_QUOTE_MARKS = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')


def lone_symbol(text: str) -> str | None:
    """A block with no letter or digit at all: a close button's "\u00d7", a rule of underscores, "* * *"."""
    return SYMBOL if not re.search(r"[^\W_]", text) else None


_TIMES_NOTE = re.compile(
    r"\((?:all\s+)?times?\s+(?:are\s+|in\s+|shown\s+in\s+)?(?:local|[A-Z]{2,5}|[a-z]+\s+time)\b[^()]{0,30}\)",
    re.IGNORECASE,
)
_CLOCK_ONLY = re.compile(
    r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?)(?:\s+[A-Z]{2,5})?|\d{1,2}:\d\d(?:\s+[A-Z]{2,5})?", re.I
)
_LABEL_ONLY = re.compile(r"^[A-Z][A-Z'\-]*(?:\s+[A-Z][A-Z'\-]*){0,2}\s*:$")


def live_blog(text: str) -> str | None:
    """The furniture of a live page: its header with a time-zone note ("… (all times local):"),
    a running header ending in a colon that announces the entries below ("The Latest on …:"),
    the clock time heading each entry ("4:10 p.m.") and bare entry markers in capitals
    ("NEXT:", "UPDATE:")."""
    line = fold(text)
    if _LABEL_ONLY.match(line) or _CLOCK_ONLY.fullmatch(line):
        return LIVE_BLOG
    if not _short(line, 30):
        return None
    if _TIMES_NOTE.search(line) and (line.endswith(":") or not _SENTENCE_END.search(line)):
        return LIVE_BLOG
    if re.match(r"^the latest\b", line, re.IGNORECASE) and line.endswith(":"):
        return LIVE_BLOG
    return None


_UPDATE_NOTE = re.compile(
    r"^(?:this|the)\s+(?:post|story|article|page|report|blog|live\s+blog|item|file)\b.{0,40}?"
    r"\b(?:will|may|is\s+going\s+to|is\s+being|would)\s+(?:be\s+)?(?:updated|update[sd]?)\b"
    r"|^(?:this|the)\s+(?:post|story|article|page|report)\s+is\s+(?:a\s+)?(?:developing|breaking)\b"
    r"|^this\s+is\s+a\s+(?:developing|breaking)\s+(?:news\s+)?story\b"
    r"|^(?:please\s+)?(?:check|come)\s+back\s+(?:later|soon|for\s+(?:updates|more))"
    r"|^(?:refresh|reload)\s+(?:this\s+page\s+)?for\s+(?:the\s+latest\s+)?updates",
    re.IGNORECASE,
)


def update_note(text: str) -> str | None:
    """ "This post will be updated", "This is a developing story": notes about the page, not the event."""
    line = fold(text)
    return (
        UPDATE_NOTE if _short(line, 25) and _UPDATE_NOTE.search(line) and not _SPEECH.search(line) else None
    )


_SUBSCRIPTION = re.compile(
    r"\b(?:newsletters?|briefings?|digests?|inbox(?:es)?|(?:e-?mail|news|breaking(?:\s+news)?)\s+alerts?|"
    r"alerts|podcasts?|subscri(?:be|bed|bing|ption|ptions|ber|bers)|sign(?:ing)?[\s-]?up|membership|"
    r"premium|(?:free\s+)?trial)\b",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you're|you've|you'll)\b", re.IGNORECASE)
_PITCH_START = re.compile(
    r"^(?:get|try|start|receive|want|need|like|enjoy|love|stay|keep|make|never\s+miss|don't\s+miss|"
    r"sign\s+up|subscribe|join|listen|hear|catch\s+up|be\s+the\s+first|looking\s+for)\b",
    re.IGNORECASE,
)


def subscription_pitch(text: str) -> str | None:
    """A pitch for the site's newsletter, briefing or podcast: it speaks to the reader ("you",
    an imperative, "our") about something to subscribe to or receive, and quotes nobody.

    Articles *about* subscribers report in the third person; a pitch addresses
    the reader, so both the second person (or an order) and a subscription noun
    must be there.
    """
    line = fold(text)
    if not _short(line, 40) or _QUOTE_MARKS.search(text) or _SPEECH.search(line):
        return None
    if not _SUBSCRIPTION.search(line):
        return None
    addressed = _SECOND_PERSON.search(line) or _PITCH_START.match(line) or _IMPERATIVE.match(line)
    ours = re.search(r"\bour\b", line, re.IGNORECASE)
    return WIDGET if addressed or (ours and not _SENTENCE_END.search(line)) else None


_POLICY = re.compile(
    r"\b(?:policy|policies|standards|principles|guidelines|ethics|code\s+of\s+conduct|corrections?|"
    r"sourcing|methodology|independence|editorial\s+(?:process|values|team))\b",
    re.IGNORECASE,
)
_CONTACT_US = re.compile(
    r"\b(?:e-?mail|write\s+to|contact|reach|call|text|message|tell|send|tip\s+off)\s+(?:us|our\s+\w+)\b"
    r"|\b(?:have|got|know)\s+(?:a|any|more)\s+(?:news\s+)?(?:tips?|story|information)\b"
    r"|\b(?:send|share|submit)\s+(?:your\s+|a\s+|news\s+)?(?:tips?|stories|photos|videos)\b"
    r"|\byou\s+can\s+(?:e-?mail|reach|contact|write\s+to)\b",
    re.IGNORECASE,
)


def publisher_footer(text: str) -> str | None:
    """The publisher's own closing lines: where to send tips, how to e-mail the newsroom, how it
    chooses its sources. They speak as "we"/"our" or to "you" and quote nobody."""
    line = fold(text)
    if not _short(line, 40) or _QUOTE_MARKS.search(text) or _SPEECH.search(line):
        return None
    if _CONTACT_US.search(line) and re.search(r"\b(?:us|our|you|your|we)\b", line, re.IGNORECASE):
        return FOOTER
    if _POLICY.search(line) and re.search(
        r"^(?:our|we|this\s+(?:story|article|report))\b|\b(?:learn|read|find\s+out)\s+more\s+about\s+"
        r"(?:our|how\s+we|why\s+we)\b",
        line,
        re.IGNORECASE,
    ):
        return FOOTER
    return None


_EMBED_END = re.compile(
    r"\(@\w{1,30}\)\s*(?:on\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d\d(?:\s+at\s+[\d:apmAPM. ]+\w*)?$"
    r"|\bpic\.\w+\.\w+/\w+"
)


def social_embed(text: str) -> str | None:
    """A post embedded from a social network: its text followed by "— Name (@handle) Month D, YYYY"."""
    return EMBED if _short(text, 80) and _EMBED_END.search(fold(text)) else None


_GLUED_CREDIT = re.compile(
    r"(?:\.|\s)(?:Credit|Photo|Image)s?:?\s*[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}\s*/\s*"
    r"[A-Z][\w.&'\-]*(?:\s+[\w.&'\-]+){0,3}$"
)


def glued_credit(text: str) -> str | None:
    """A caption whose credit is run into it ("… at the Capitol.CreditName Surname/Agency")."""
    line = fold(text)
    return CAPTION if _short(line, 45) and _GLUED_CREDIT.search(line) else None


_CAPTION_VERB = re.compile(
    r"\b(?:speaks|talks|gestures|looks\s+on|look\s+on|arrives|arrive|leaves|departs|waves|wave|walks|"
    r"poses|pose|listens|attends|stands|sits|holds|celebrates|celebrate|addresses|delivers|greets|"
    r"shakes\s+hands|reacts|react|smiles|watches|waits|carries|carry|prepares|prepare|rests|gathers|"
    r"gather|embraces|hugs|mourns|mourn|marches|clear|clears|search|searches|inspect|inspects|fill|fills|"
    r"(?:is|are)\s+(?:seen|pictured|shown|escorted|carried)|"
    r"pictured)\b"
)
_CAPTION_DATE = re.compile(
    r"\b(?:on|last|this)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*(?:19|20)\d\d)?\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\bin\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_CALENDAR_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s*(?:19|20)\d\d\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_REPORTING = re.compile(r"\b(?:said|says|say|told|according|will|would|could|should|can|may|might)\b")


def uncredited_caption(text: str) -> str | None:
    """A photo caption without its credit: who does what, in the present tense, often with the
    date the picture was taken ("A minister speaks at a rally in the capital on Tuesday").

    News sentences tell past events in the past tense; a caption describes the
    picture in the present. A line counts only when it is short, quotes nobody,
    reports no speech and opens with its subject; then either it dates a scene
    without ending in a full stop (a section head is shorter and undated), or
    it describes one with a present-tense verb and lacks a full stop or gives
    the date.
    """
    line = fold(text)
    if not _short(line, 30) or _QUOTE_MARKS.search(text) or not line[:1].isupper():
        return None
    first = line.split()[0].lower()
    if first in {"he", "she", "they", "it", "we", "i", "you", "this", "that", "there", "here"}:
        return None
    if _REPORTING.search(line) or len(re.findall(r"[.!?](?:\s|$)", line)) > 1:
        return None  # reported speech, or more than one sentence: a paragraph, not a caption
    dated = bool(_CAPTION_DATE.search(line))
    if not _SENTENCE_END.search(line) and dated and _short(line, 30) and not _short(line, 5):
        return CAPTION  # a dated scene with no full stop, too long for a section head
    verb = _CAPTION_VERB.search(line)
    if not verb or len(line[: verb.start()].split()) > 12:
        return None
    # With a full stop, only a calendar date marks a caption: "speaks on Friday." may announce an event.
    return CAPTION if not _SENTENCE_END.search(line) or _CALENDAR_DATE.search(line) else None


LINE_RULES: tuple[Rule, ...] = (
    lone_symbol,
    advertisement,
    live_blog,
    update_note,
    social_embed,
    glued_credit,
    timestamp,
    disclaimer,
    reader_address,
    tag_list,
    related_link,
    page_metadata,
    author_note,
    reader_prompt,
    copyright_sign,
    photo_label,
    credit_in_parentheses,
    lone_credit,
    byline,
    subscription_pitch,
    publisher_footer,
    uncredited_caption,
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
    r"(?:\s*\([^()]{1,40}\))?\s*[\-\u2013\u2014\u2015:]+)\s+(?=[A-Z\"'\u201c])"
)


def split_dateline(text: str) -> tuple[str, str] | None:
    """("LONDON (Wire) —", rest) when a paragraph opens with a capitalised place line."""
    match = _DATELINE.match(text)
    if not match:
        return None
    head = match.group("dateline")
    place = re.sub(r"\([^()]*\)", "", head).strip(" -\u2013\u2014\u2015:,")
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
