"""Who each sentence is attributed to, with which verb, and how far the outlet keeps its distance.

Outlets reporting the same statement differ less in the words of the
statement than in its frame: "said" or "claimed", "told reporters" or
"insisted", a bare assertion or one "without providing evidence". Those frames
are short, fixed phrases, so plain patterns find them; everything inside a
quotation is masked first, because a speaker's own words are not the outlet's
frame.

The data covers every sentence, yet most sentences have no frame at all, so it
writes only what was found (absent means default): a sentence with no
attribution and no hedge is left out of ``sentences``, empty lists are left
out, ``loaded`` appears only when true and ``speaker`` only when it is not the
``source`` itself. A sentence without attributions is unattributed.
`sentence_frames` and `row_speaker` read the data back with those defaults.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypedDict

from digest.compare import summary
from digest.lenses.persons import (
    FUNCTION_WORDS,
    HONORIFICS,
    PRONOUNS,
    ROLES,
    TIME_WORDS,
    TITLES,
    clause_subject,
    first_name_run,
    fits,
    genders,
    is_name_word,
    opening_subject,
    speaker_key,
    split_name,
    subject_name,
    titled_people,
)
from digest.lenses.quoting import masked
from digest.model import Article, ClaimView, Sentence

# Attribution verbs: (pattern of its forms, label shown, whether the verb itself keeps a distance).
_VERBS: tuple[tuple[str, str, bool], ...] = (
    (r"according\s+to", "according to", False),
    (r"as\s+per", "according to", False),
    (
        r"told\s+(?:reporters|journalists|the\s+press|a\s+news\s+conference|a\s+briefing)",
        "told reporters",
        False,
    ),
    (r"went\s+on\s+to\s+say", "said", False),
    (r"(?:say|says|said|saying)", "said", False),
    (r"(?:tells|told)", "told", False),
    (r"(?:claim|claims|claimed|claiming)", "claimed", True),
    (r"(?:insist|insists|insisted|insisting)", "insisted", True),
    (r"(?:allege|alleges|alleged|alleging)", "alleged", True),
    (r"(?:elaborates|elaborated|elaborating)", "elaborated", False),
    (r"(?:adds|added|adding)", "added", False),
    (r"(?:notes|noted|noting)", "noted", False),
    (r"(?:states|stated|stating)", "stated", False),
    (r"(?:explains|explained|explaining)", "explained", False),
    (r"(?:announces|announced|announcing)", "announced", False),
    (r"(?:writes|wrote|writing)", "wrote", False),
    (r"(?:tweets|tweeted|tweeting)", "tweeted", False),
    (r"(?:suggest|suggests|suggested|suggesting)", "suggested", False),
    (r"(?:ask|asks|asked)", "asked", False),
    (r"continued(?=\s*[,.;])", "continued", False),
    (r"(?:contend|contends|contended|contending)", "contended", True),
    (r"(?:reply|replies|replied|replying)", "replied", False),
    (r"(?:demand|demands|demanded|demanding)", "demanded", False),
    (r"(?:argue|argues|argued|arguing)", "argued", True),
    (r"(?:warns|warned|warning)", "warned", False),
    (r"(?:confirms|confirmed|confirming)", "confirmed", False),
    (r"(?:acknowledges|acknowledged|acknowledging|admits|admitted|admitting)", "acknowledged", False),
    (r"(?:maintain|maintains|maintained|maintaining|assert|asserts|asserted|asserting)", "maintained", True),
    (r"(?:reports|reported|reporting)", "reported", False),
    (r"(?:reveals|revealed|revealing)", "revealed", False),
    (r"(?:believe|believes|believed)", "believe", False),
    (r"(?:accuses|accused|accusing)", "accused", False),
    (r"(?:deny|denies|denied|denying)", "denied", False),
    (r"(?:calls|called|calling)", "called", False),
    (r"(?:describes|described|describing)", "described", False),
)
_NAME_ONLY = frozenset({"called", "described", "believe", "reported", "revealed", "asked"})
"""Verbs that also have non-attributing uses ("a group called"): they need a name or role before them."""
_VERB = re.compile(
    r"(?<![\w'])(?:" + "|".join(f"(?P<v{i}>{form})" for i, (form, _, _) in enumerate(_VERBS)) + r")(?![\w'])",
    re.IGNORECASE,
)

# Markers of distance or missing support, by kind. Each is matched outside quotations.
_HEDGES: tuple[tuple[str, str], ...] = (
    (r"allegedly|supposedly|purportedly|reportedly|ostensibly|so-called", "distancing"),
    # "the alleged fraud", "Russia's alleged role": the adjective keeps the same distance.
    (r"(?<=the\s)alleged|(?<=an\s)alleged|(?<=['\u2019]s\s)alleged", "distancing"),
    (r"(?:claims|claimed|claiming|purports|purported)\s+to", "distancing"),
    (
        r"without\s+(?:providing|offering|giving|presenting|citing|showing|producing)\s+(?:any\s+)?"
        r"(?:evidence|proof|specifics|details)|without\s+(?:any\s+)?(?:evidence|proof)",
        "no evidence",
    ),
    (
        r"(?:did|does|do|would)\s+not\s+(?:explain|say|specify|provide|elaborate|give|offer|disclose|reveal|"
        r"cite|clarify|detail)|declined\s+to\s+(?:say|comment|elaborate|specify|explain|give)",
        "no evidence",
    ),
    (
        r"(?:could|can|has|have)\s+not\s+(?:been\s+|be\s+)?(?:independently\s+)?(?:verified|confirmed)|"
        r"unverified|unconfirmed",
        "no evidence",
    ),
    (r"(?:is|was|it's|remains|remained)\s+(?:not|n't)\s+(?:immediately\s+)?clear|unclear", "uncertain"),
    (r"may\s+have|might\s+have|believed\s+to|appear(?:s|ed)?\s+to|apparently|possibly", "uncertain"),
)
_HEDGE = re.compile(
    r"(?<![\w'])(?:" + "|".join(f"(?P<h{i}>{form})" for i, (form, _) in enumerate(_HEDGES)) + r")(?![\w'])",
    re.IGNORECASE,
)

_WORD = re.compile(r"[^\W\d_][\w'\u2019.\-]*|[,;:()]")
_AUXILIARIES = frozenset(
    "has have had is was were are will would also repeatedly further later earlier previously then "
    "again already first now still recently publicly privately once twice independently immediately".split()
)
_LEADING_PREPOSITIONS = frozenset("in on at during from with via through under".split())
_DETERMINERS = frozenset("the a an its his her their our this that".split())
_CLAUSE_STOPS = frozenset(
    {"that", "and", "but", "while", "which", "who", "as", "because", "although", "after"}
)
MAX_SOURCE_WORDS = 8
MAX_APPOSITION_WORDS = 20
_TIME_LEADS = frozenset("on last this next early late in".split())
_NEGATIONS = frozenset("not n't never cannot to".split())
"""A verb after these is no attribution: "did not say", "declined to say", "cannot say"."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """One "who said it" found in a sentence."""

    source: str
    """Who, as the outlet wrote it ("US National Security Council spokesman John Kirby")."""
    speaker: str | None
    """The person or body's name inside the source ("John Kirby"), if it has one."""
    verb: str
    """The attribution verb's label ("told reporters", "according to")."""
    loaded: bool
    """True for verbs that keep a distance ("claimed", "insisted")."""
    position: int
    """Where the verb starts in the sentence, to find the attribution nearest a quotation."""


@dataclass(frozen=True, slots=True)
class Hedge:
    marker: str
    """The marker as written ("allegedly", "did not explain")."""
    kind: str
    """``distancing``, ``no evidence`` or ``uncertain``."""
    phrase: str
    """The marker with the rest of its clause, so a reader sees what it applies to."""


@dataclass(frozen=True, slots=True)
class Frame:
    """Everything this lens finds in one sentence."""

    attributions: tuple[Attribution, ...]
    hedges: tuple[Hedge, ...]


def _before_verb(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The words before a verb without what may stand between its subject and it: auxiliaries
    and adverbs ("has also said") and a time phrase ("Trump on Monday said", "officials last
    week said", "the minister on Dec. said" once the figure is gone)."""
    words = list(words)
    while True:
        size = len(words)
        while words and words[-1][0].lower() in _AUXILIARIES:
            words.pop()
        if words and words[-1][0] == ")":
            # A tag in brackets after the name ("Sen. Ann Lee (D-Ore.) said") is not the source.
            opening = next(
                (i for i in range(len(words) - 2, max(len(words) - 7, -1), -1) if words[i][0] == "("), None
            )
            if opening is not None:
                del words[opening:]
        timed = 0
        while words and words[-1][0].lower().rstrip(".") in TIME_WORDS:
            words.pop()
            timed += 1
        if timed and words and words[-1][0].lower() in _TIME_LEADS:
            words.pop()
        if len(words) == size:
            return words


def _inner_apposition(words: Sequence[tuple[str, int]]) -> int | None:
    """Where a further apposition before the one already cut starts (its comma), or None.

    It is one when a name stands before its comma and it is either a description opening with a
    determiner ("an aunt of the coach") or a party and state tag ("D-Ore.").
    """
    commas = [i for i, (w, _) in enumerate(words) if w in ",;:()"]
    if not commas or words[commas[-1]][0] != "," or commas[-1] == 0:
        return None
    start = commas[-1]
    segment = [w for w, _ in words[start + 1 :]]
    if not segment or len(segment) > MAX_APPOSITION_WORDS or not is_name_word(words[start - 1][0]):
        return None
    described = segment[0].lower() in _DETERMINERS
    # A party and state tag is one word with a hyphen or a full stop ("D-Ore.", "R-Texas"); two
    # capitalised words are a name ("In May, Ann Lee, the chair, said"), and stay the source.
    tagged = (
        len(segment) == 1 and is_name_word(segment[0]) and ("-" in segment[0] or segment[0].endswith("."))
    )
    return start if described or tagged else None


def _backward_source(text: str, end: int, clause_allowed: bool = True) -> tuple[str, str | None] | None:
    """The noun phrase just before an attribution verb: "The White House", "He", "John Kirby"."""
    words = _before_verb([(m.group(0), m.start()) for m in _WORD.finditer(text[:end])])
    if words and words[-1][0].lower() in _NEGATIONS:
        return None  # "did not say", "declined to comment": no attribution
    apposition: list[str] = []
    if words and words[-1][0] == ",":
        # An apposition: "Pat Ryder, the Pentagon press secretary, told reporters".
        commas = [i for i, (w, _) in enumerate(words[:-1]) if w == ","]
        if not commas or len(words) - 1 - commas[-1] > MAX_APPOSITION_WORDS:
            return None
        apposition = [w for w, _ in words[commas[-1] + 1 : -1]]
        words = words[: commas[-1]]
        while (inner := _inner_apposition(words)) is not None:
            # Appositions in a row ("Sen. Ann Lee, D-Ore., the panel's chair, said"; "Ana Ruiz,
            # an aunt of the rescued pilot, Tom Ruiz, said"): the speaker is the name before them.
            apposition = [w for w, _ in words[inner + 1 :]]
            words = words[:inner]
    if words and words[-1][0].lower() in PRONOUNS:
        return words[-1][0], None
    taken: list[str] = []
    reversed_words = [w for w, _ in reversed(words)]
    listing = False
    for position, word in enumerate(reversed_words):
        lowered = word.lower()
        before = reversed_words[position + 1] if position + 1 < len(reversed_words) else ""
        after_comma = reversed_words[position + 2] if position + 2 < len(reversed_words) else ""
        if lowered == "and" and taken and taken[-1][:1].isupper():
            if before[:1].isupper() and is_name_word(before):
                listing = True  # "the Health and Human Services Department", "Lee and Ruiz said"
                taken.append(word)
                continue
            if before == "," and is_name_word(after_comma):
                listing = True  # "the United States, Britain, and France said"
                taken.append(word)
                continue
        if listing and word == "," and is_name_word(before) and len(taken) < 2 * MAX_SOURCE_WORDS:
            taken.append(word)
            continue
        if (
            word in ",;:()"
            or len(taken) >= MAX_SOURCE_WORDS * (2 if listing else 1)
            or lowered in FUNCTION_WORDS
        ):
            break
        if is_name_word(word) or lowered in ROLES or lowered in {"of", "the", "a", "an", "one", "two"}:
            taken.append(word)
            continue
        # One lower-case word between capitalised ones belongs to a title ("Harbour master").
        if (
            taken
            and is_name_word(before)
            and before.lower() not in FUNCTION_WORDS
            and lowered not in _CLAUSE_STOPS
        ):
            taken.append(word)
            continue
        break
    # Every word looked at before the one that stopped the scan was taken, so that word is here.
    head = reversed_words[len(taken) : len(taken) + 3]
    taken.reverse()
    while taken and taken[0].lower() in {"of"}:
        taken.pop(0)
    if taken and len(head) >= 2 and head[0].lower() in _HEAD_LINKS and head[1].lower() in ROLES:
        # "A spokesman for Mayor Reyes said": the speaker is the spokesman, whose name (if any) is
        # in the apposition, not the person or body the spokesman speaks for.
        lead = [head[2]] if len(head) > 2 and head[2].lower() in {"a", "an", "the", "one"} else []
        return " ".join([*lead, head[1], head[0], *taken]), first_name_run(apposition)
    content = [w for w in taken if w.lower() not in {"of", "the", "a", "an", "one", "two"}]
    if content:
        source = " ".join(taken).replace(" ,", ",")
        if listing and not _ONE_BODY.search(source):
            return source, None  # several people or bodies speak: no one name is the speaker
        # "A specialist, Dr. Ana Ruiz of the clinic, said": the name is in the apposition.
        return source, split_name(taken) or first_name_run(apposition)
    if not clause_allowed:
        return None
    # No name or role right before the verb: take the clause back to its start if it is short
    # ("one source briefed on the findings said").
    clause: list[str] = []
    for word, _ in reversed(words):
        if word in ",;:()" or word.lower() in _CLAUSE_STOPS:
            break
        clause.append(word)
    clause.reverse()
    if all(word.lower() in FUNCTION_WORDS for word in clause):
        return None  # "…, before again claiming": a conjunction is nobody
    if clause and clause[0].lower() in _LEADING_PREPOSITIONS:
        # "In a statement the company said": the source is the phrase after the setting.
        starts = [i for i, word in enumerate(clause) if i > 0 and word.lower() in _DETERMINERS]
        if len(starts) < 2:
            return None
        clause = clause[starts[-1] :]
    if 1 <= len(clause) <= MAX_SOURCE_WORDS - 1:
        return " ".join(clause), split_name(clause)
    return None


_ONE_BODY = re.compile(r"\b(?:Department|Ministry|Committee|Office|Agency|Council|Service|Services)$")
"""The last word of a body's name that has "and" inside it ("Health and Human Services Department")."""
_HEAD_LINKS = frozenset("for within at with from".split())
"""Words that tie a role to the body it speaks for ("a spokesman for", "a source within")."""
_MODIFIERS = frozenset("former then acting deputy outgoing incoming retired late longtime".split())


def _forward_source(text: str, start: int, any_noun: bool = False) -> tuple[str, str | None] | None:
    """The source after the verb: "according to the British government", "said John Kirby"."""
    taken: list[str] = []
    for match in _WORD.finditer(text[start:]):
        word = match.group(0)
        if word in ",;:()" or len(taken) >= MAX_SOURCE_WORDS:
            break
        if word.lower() in _CLAUSE_STOPS and taken:
            break
        taken.append(word.rstrip("."))
    content = [w for w in taken if w.lower() not in {"the", "a", "an"}]
    while content and content[0].lower() in _MODIFIERS:
        content.pop(0)  # "said former Representative Tom Davis"
    if not content:
        return None
    if not any_noun and not (is_name_word(content[0]) or content[0].lower() in ROLES | {"one"}):
        return None
    return " ".join(taken), split_name(taken)


def _verb_index(match: re.Match[str]) -> int:
    return next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)


_NOT_A_VERB = re.compile(
    r"(?:\b(?:a|an|the|this|that|these|those|its|his|her|their|our|any|every|each|no|of)|\d[\d,.]*|['\u2019]s"
    r"|\b(?:whether|if)(?:\s+\w+){0,2})\s+$",
    re.IGNORECASE,
)
"""What makes the word after it a noun or an adjective ("a warning", "the 37 states", "of reported
cases", "the mayor's alleged abuse") or a question rather than a statement ("asked whether she
believed")."""
_ADDING_SPEECH = re.compile(
    r"\s*(?:(?:that|it|he|she|they|we|i|there)\b|[,.:;!?\"\u201c\u2018]|$)", re.IGNORECASE
)
"""What follows "add" or "states" when they report speech: "that" or the subject of a reported
clause ("added it may reopen"), punctuation or a quotation; not "added his voice", "adds more"."""
_SPEECH_ONLY_BEFORE_A_CLAUSE = frozenset("adds added adding states".split())
_BARE_FORMS = frozenset(
    "claim insist allege argue maintain assert deny suggest contend reply demand ask".split()
)
_BARE_SUBJECT = re.compile(
    r"(?:\b(?:they|we|you|i)|\b[a-z]+s|\b[A-Z][\w'\u2019\-]*|[,)])"
    r"(?:\s+(?:now|also|still|often|repeatedly|further|again))*\s+$"
)
"""What may stand before a bare verb form used as a verb: a plural pronoun or noun, a name, or
the end of an apposition ("officials claim", "Lee and his lawyer, Ana Ruiz, now claim")."""


_DOCUMENT_BEFORE = re.compile(
    r"\b(?:statement|letter|post|tweet|message|release|interview|video|note|email|op-ed)"
    r"(?:\s+(?:on|last|this|late|early)\s+\w+(?:\s+\w+)?)?,?\s+$",
    re.IGNORECASE,
)
"""A document or an utterance just before a participle ("a statement saying"): its author speaks."""
_COORDINATED = re.compile(r"\band\s+(?:(?:also|then|later)\s+)?$", re.IGNORECASE)
"""A verb joined to an earlier one by "and", sharing its subject."""


_PASSIVE = re.compile(r"\b(?:am|is|are|was|were|be|been|being)\s+(?:[a-z]+\s+)?$")
"""A form of "be" just before the verb: "residents were told to stay inside", "it is said". The
words before it are who was told or what was said, not who said it."""


_PARTICIPLE = re.compile(
    r"(?:[,\u201d\"]|\b(?:before|after|while|when|by|then|and))\s+(?:(?:again|also|repeatedly|later|then)\s+)?$",
    re.IGNORECASE,
)
"""What introduces a participial clause whose subject is the sentence's: a comma (or the end of a
quotation, which the masking leaves in place of a comma inside it) or a conjunction."""


def _clause_speaker(found: Sequence[Attribution], plain: str, end: int) -> tuple[str, str | None] | None:
    """Who speaks for a verb that shares its clause's subject (a participle, a verb after "and"):
    the sentence's last attribution so far, else the person its clause is about."""
    if found:
        return found[-1].source, found[-1].speaker
    near = clause_subject(plain, end)
    return (near, near) if near else None


_INVERTIBLE = frozenset({"said", "added", "noted", "wrote", "reported"})
_AFTER_THE_SPEAKER = re.compile(r"\s*(?:,[^,;:]{1,80})?[.!?\"\u201d']*\s*$")
_SPEAKER_WORDS = ROLES | TITLES | {"the", "a", "an", "one", "of"}
"""Lower-case words a speaker named after the verb may hold ("said the chief of staff")."""


def _inverted_source(plain: str, verb: re.Match[str]) -> tuple[str, str | None] | None:
    """The speaker of a sentence that ends ", said <speaker>[, <who they are>].", if it does."""
    if not plain[: verb.start()].rstrip().endswith(","):
        return None
    source = _forward_source(plain, verb.end())
    if source is None or not all(w[:1].isupper() or w.lower() in _SPEAKER_WORDS for w in source[0].split()):
        return None  # "Lee, a spokesman, said Ruiz would resign": a clause, not a speaker
    if any(word.lower() in TIME_WORDS for word in source[0].split()):
        return None  # "…, Senator Lee, Democrat of Oregon, said Tuesday.": when, not who
    after = plain.find(source[0], verb.end())
    return source if after >= 0 and _AFTER_THE_SPEAKER.match(plain, after + len(source[0])) else None


@lru_cache(maxsize=16384)
def attributions(text: str) -> tuple[Attribution, ...]:
    """Every attribution of the sentence, left to right; quoted words are never read as one, and
    neither is a verb in the passive, whose subject is not the source.

    Several lenses ask for the same sentence's attributions; the answer depends on the text
    alone and is immutable, so it is computed once."""
    plain = masked(text)
    found: list[Attribution] = []
    for match in _VERB.finditer(plain):
        _, label, loaded = _VERBS[_verb_index(match)]
        if match.group(0)[:1].isupper() and label != "according to":
            continue  # "States", "Reports": a capitalised form is a name or a heading word
        if label != "according to" and _PASSIVE.search(plain, max(0, match.start() - 40), match.start()):
            continue
        if label != "according to" and _NOT_A_VERB.search(plain, max(0, match.start() - 40), match.start()):
            continue  # "a warning shot", "the 37 states", "asked whether she believed"
        if match.group(0).lower() in _SPEECH_ONLY_BEFORE_A_CLAUSE and not _ADDING_SPEECH.match(
            plain, match.end()
        ):
            continue  # "adding more acrimony", "added his voice", "states will find": not speech
        if match.group(0).lower() in _BARE_FORMS and not _BARE_SUBJECT.search(
            plain, max(0, match.start() - 60), match.start()
        ):
            continue  # "a harassment claim": the bare form is a noun unless a plural subject precedes it
        source: tuple[str, str | None] | None
        if label == "according to":
            source = _forward_source(plain, match.end(), any_noun=True)
        elif match.group(0).lower().endswith("ing") and _PARTICIPLE.search(plain, 0, match.start()):
            # ", claiming …", "before again claiming …": the participle's subject is the main
            # clause's, not the noun just before it ("Trump called the case against adviser
            # Michael Flynn unfair, claiming …").
            source = _clause_speaker(found, plain, match.start()) or opening_subject(plain)
        elif label in _INVERTIBLE and (inverted := _inverted_source(plain, match)) is not None:
            # "…, said Petra Lind, the station chief.": the speaker ends the sentence after the
            # verb, whatever clause comes before it ("…after 9pm, and crews fought it for hours").
            source = inverted
        else:
            source = _backward_source(plain, match.start(), clause_allowed=label not in _NAME_ONLY)
            if match.group(0).lower().endswith("ing") and _DOCUMENT_BEFORE.search(plain, 0, match.start()):
                # "Lee released a statement saying …": the statement speaks for its author.
                opening = _CAPITALISED_OPENING.match(plain)
                author = _clause_speaker(found, plain, match.start())
                if author is None and opening:
                    author = (opening.group(0).strip(), opening.group("name"))
                source = author or opening_subject(plain) or source
            if source is None and match.group(0).lower().endswith("ing") and found:
                source = (found[-1].source, found[-1].speaker)
            if source is None and _COORDINATED.search(plain, 0, match.start()):
                # "Lee visited the port and told reporters …": the verb shares its clause's subject.
                source = _clause_speaker(found, plain, match.start())
            if source is None and label in {"said", "added", "noted", "wrote", "reported"}:
                # "…, said Lee". Not "told": what follows "told" is who was told.
                source = _forward_source(plain, match.end())
        if source is None:
            continue
        if source[1] is None and source[0].lower() in {"he", "she"}:
            # "Mr. Lee denied it, but he acknowledged …": the person the sentence itself has just
            # named is the one the pronoun stands for, before anyone named earlier.
            source = (source[0], clause_subject(plain, match.start() - len(source[0])))
        found.append(Attribution(source[0], source[1], label, loaded, match.start()))
    return tuple(found)


_CLAUSE_END = re.compile(r"[,;:.!?()\"\u201c\u201d]|\s[-\u2013\u2014]\s")
_ABBREVIATED = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr|Prof|No|vs))$")


def _clause(text: str, start: int, limit: int = 10) -> str:
    """From ``start`` to the end of its clause, at most ``limit`` words; the full stop of an
    abbreviation or an initial ("Mrs.", "U.S.") does not end it."""
    rest = text[start:]
    end = len(rest)
    for stop in _CLAUSE_END.finditer(rest):
        if stop.group(0) == "." and _ABBREVIATED.search(rest, 0, stop.start()):
            continue
        end = stop.start()
        break
    words = rest[:end].split()
    return " ".join(words[:limit])


def hedges(text: str, reported_from: int | None = None, reported_until: int = 0) -> tuple[Hedge, ...]:
    """The outlet's hedges in a sentence. Words inside a quotation are the speaker's, and so is
    doubt or distance after ``reported_from``, the position of an attribution verb ("Kirby said
    that the systems apparently failed": "apparently" is Kirby's, not the outlet's), or before
    ``reported_until``, where an attribution that closes the sentence starts ("The systems
    apparently failed, Kirby said"). A note of missing evidence there is the outlet's still: it
    describes the telling ("told reporters without providing evidence")."""
    plain = masked(text)
    found: list[Hedge] = []
    for match in _HEDGE.finditer(plain):
        _, kind = _HEDGES[next(int(n[1:]) for n, v in match.groupdict().items() if v is not None)]
        reported = (
            reported_from is not None and match.start() > reported_from
        ) or match.start() < reported_until
        if reported and kind != "no evidence":
            continue
        marker = " ".join(text[match.start() : match.end()].split())
        found.append(Hedge(marker, kind, _clause(text, match.start())))
    return tuple(found)


_CLOSING = re.compile(r",\s*(?P<source>[^,;:]{1,80}?)\s*$")
_AFTER_CLOSING = re.compile(r"^\S+(?:\s+(?:on|in|at|late|early|this|last)?\s*[\w.]+){0,3}\s*[.!?]?\s*$")


def closing_attribution(text: str, found: Sequence[Attribution]) -> int:
    """Where the reported clause ends when an attribution closes the sentence ("…, he said." or
    "…, officials said on Tuesday."): the position of the comma before its source; 0 if none."""
    plain = masked(text)
    for item in found:
        before = _CLOSING.search(plain, 0, item.position)
        if (
            before
            and before.group("source").strip() == item.source
            and _AFTER_CLOSING.match(plain[item.position :])
        ):
            return before.start()
    return 0


def frame(text: str) -> Frame:
    found = attributions(text)
    first = min((a.position for a in found), default=None)
    until = closing_attribution(text, found)
    return Frame(found, hedges(text, None if until else first, until))


def resolve(attribution: Attribution, previous: str | None) -> str | None:
    """The named speaker of an attribution, following "he"/"she" back to the last name given."""
    if attribution.speaker:
        return attribution.speaker
    if attribution.source.lower() in {"he", "she"}:
        return previous
    return None


def speakers_in(article: Article) -> dict[str, str | None]:
    """For each sentence id, the person "he" or "she" in it refers to: the last person named
    before it, by an attribution or as the subject of a sentence, or None."""
    found: dict[str, str | None] = {}
    last: str | None = None
    people: set[str] = set()
    for sentence in article.sentences:
        found[sentence.id] = last
        named = [item.speaker for item in attributions(sentence.text) if item.speaker and not _a_body(item)]
        people.update(titled_people(sentence.text))
        subject = subject_name(sentence.text, frozenset(people))
        people.update(speaker_key(name) for name in [*named, subject] if name)
        if named:
            last = named[-1]
        elif subject:
            last = subject
    return found


def _a_body(item: Attribution) -> bool:
    """Whether a source is a body named with "the" ("the Times", "The Harbour Board"), which no
    "he" or "she" stands for: "According to the Times, Ms. Lee … she wrote" is Ms. Lee's."""
    words = item.source.split(maxsplit=1)
    return len(words) == 2 and words[0].lower() == "the" and words[1] == item.speaker


def _bare_pronoun(text: str) -> Attribution | None:
    return next(
        (
            item
            for item in attributions(text)
            if item.speaker is None and item.source.lower() in {"he", "she"}
        ),
        None,
    )


def credited_name(source: str, speaker: str | None) -> str:
    """What a badge shows for an attribution: the resolved name where the outlet wrote only a pronoun.

    The claim page's badge (`digest.render.lens_sections.badges`) should show
    ``credited_name(item["source"], item["speaker"])`` rather than the source alone.
    """
    if speaker and (source.lower() in PRONOUNS or source.islower()):
        return speaker  # "he", or a bare role ("director", with the name in an apposition)
    return source


def titled(view: ClaimView, articles: Sequence[Article], credited: Data | None = None) -> ClaimView:
    """The claim with a summary that names who speaks when its reference phrasing says only "he".

    The phrasing of another outlet in the claim that names the speaker is used
    first, since it is that outlet's own sentence; failing that, the pronoun is
    followed by the name the article gave last, in brackets as an editor's
    insertion ("…, he [Anker] says.").
    """
    texts = {s.id: s for article in articles for s in article.sentences}
    reference = texts.get(view.claim.reference)
    if reference is None:
        return view
    article = next((a for a in articles if a.id == reference.article), None)
    if _all_quoted(reference.text):
        return _speaker_named(view, reference, texts, credited, article)
    if _opens_a_quotation_cut_off(view, reference):
        # "“…as long as the quotation runs…,” Lee said.": the title keeps the quotation and loses
        # its speaker to the cut; name the speaker after it, as for a quotation standing alone.
        return _speaker_named(view, reference, {}, credited, article)
    if _bare_pronoun(reference.text) is None:
        return _subject_named(view, reference, articles)
    for sentence_id in view.claim.sentences:
        other = texts.get(sentence_id)
        if other is not None and sentence_id != reference.id:
            named = [item for item in attributions(other.text) if item.speaker]
            if named and _bare_pronoun(other.text) is None:
                return replace(view, summary=summary(other))
    name = speakers_in(article).get(reference.id) if article else None
    pronoun = _bare_pronoun(reference.text)
    if not name or pronoun is None or article is None or not fits(pronoun.source, name, genders(article)):
        return view
    found = list(re.finditer(rf"\b{re.escape(pronoun.source)}\b", reference.text[: pronoun.position]))
    return _named_after(view, reference, found[-1].end(), name) if found else view


def _opens_a_quotation_cut_off(view: ClaimView, reference: Sentence) -> bool:
    return reference.text.lstrip()[:1] in _OPENING_MARKS and view.summary.endswith("\u2026")


def _full_name(name: str, article: Article | None) -> str:
    """The name as the article writes it most fully ("Vicente Fox" for "Fox"), so that a bracket
    never reads as an outlet's or a common word's; the name itself when the article has no longer one."""
    if " " in name or article is None:
        return name
    pattern = re.compile(r"\b((?:[A-Z][\w'\u2019\-]+\.?\s+){1,2})" + re.escape(name) + r"\b")
    for sentence in article.sentences:
        for match in pattern.finditer(masked(sentence.text)):
            given = [w for w in match.group(1).split() if w.rstrip(".").lower() not in _NOT_GIVEN_NAMES]
            if given and all(is_name_word(w) for w in given):
                return " ".join([*given, name])
    return name


_NOT_GIVEN_NAMES = TITLES | ROLES | HONORIFICS


def _speaker_named(
    view: ClaimView,
    reference: Sentence,
    texts: Mapping[str, Sentence],
    credited: Data | None,
    article: Article | None = None,
) -> ClaimView:
    """The claim titled so that a quotation standing alone says whose it is: the quotation with
    the speaker the attribution lens credits it to in brackets after it ("“Stop lying!”
    [Fox]"), else another outlet's phrasing that names the speaker."""
    rows = sentence_frames(credited, reference.id)[0] if credited is not None else []
    name = row_speaker(rows[-1]) if rows else None
    if name:
        name = _full_name(name, article)
        shown = summary(reference, limit=SPEAKER_ROOM)
        if name.split()[-1] in masked(shown):
            return view  # the title names the speaker already, outside the quotation
        return replace(view, summary=f"{shown} [{name}]")
    for sentence_id in view.claim.sentences:
        other = texts.get(sentence_id)
        if other is None or sentence_id == reference.id or _all_quoted(other.text):
            continue
        if any(item.speaker for item in attributions(other.text)) and _bare_pronoun(other.text) is None:
            return replace(view, summary=summary(other))
    return view


SPEAKER_ROOM = 130
"""Characters of a quotation kept in a title that names its speaker after it in brackets."""


def _named_after(view: ClaimView, reference: Sentence, end: int, name: str) -> ClaimView:
    """The claim titled with ``name`` in brackets after the pronoun that ends at ``end``, as an
    editor's insertion ("he [Anker] says")."""
    text = f"{reference.text[:end]} [{name}]{reference.text[end:]}"
    return replace(view, summary=summary(replace(reference, text=text)))


_SUBJECT_PRONOUN = re.compile(r"^(?:[^,;:]{1,60},\s+)?(?P<pronoun>[Hh]e|[Ss]he)\s+(?=[a-z])")


def _subject_named(view: ClaimView, reference: Sentence, articles: Sequence[Article]) -> ClaimView:
    """The claim with the person named in brackets when its reference phrasing opens with "he" or
    "she" as its subject ("On Friday, he [Anker] resigned"): a title must stand alone."""
    found = _SUBJECT_PRONOUN.match(masked(reference.text))
    article = next((a for a in articles if a.id == reference.article), None)
    name = speakers_in(article).get(reference.id) if found and article else None
    if not found or not name or article is None or not fits(found.group("pronoun"), name, genders(article)):
        return view
    return _named_after(view, reference, found.end("pronoun"), name)


# JSON shapes -------------------------------------------------------------------------------


class _AttributionFields(TypedDict):
    source: str
    verb: str


class AttributionData(_AttributionFields, total=False):
    speaker: str | None
    """Left out when it is the source itself (see `row_speaker`)."""
    loaded: bool
    """Left out when false."""
    continued: bool
    """True for a sentence that is all quotation, or inside a quotation opened earlier, continuing
    the one before it: the attribution is that sentence's ("…," Lee wrote. "…"); also for the
    opening sentences of a quotation whose speaker is named only where it closes, a paragraph or
    more later: the attribution is the closing sentence's. Left out when false."""


class HedgeData(TypedDict):
    marker: str
    kind: str
    phrase: str


class SentenceData(TypedDict, total=False):
    """Left out when empty; a sentence with neither is left out of ``sentences`` altogether."""

    attributions: list[AttributionData]
    hedges: list[HedgeData]


class HedgedSentence(TypedDict):
    sentence: str
    marker: str
    kind: str
    phrase: str


class OutletData(TypedDict):
    sentences: int
    attributed: int
    hedged: int
    unattributed: int
    hedged_share: float
    verbs: list[list[object]]
    """[verb, count] pairs, most used first."""
    hedges: list[HedgedSentence]


class Data(TypedDict):
    sentences: dict[str, SentenceData]
    outlets: dict[str, OutletData]


def row_speaker(row: AttributionData) -> str | None:
    """Whom an attribution row credits: the name its pronoun was followed back to, else its source."""
    return row.get("speaker", row["source"])


def sentence_frames(data: Data, sentence_id: str) -> tuple[list[AttributionData], list[HedgeData]]:
    """A sentence's attributions and hedges; a sentence left out of the data has neither."""
    entry = data["sentences"].get(sentence_id, {})
    return entry.get("attributions", []), entry.get("hedges", [])


_OPENING_MARKS = frozenset('"\u201c\u00ab')


def quotation_open_after(text: str, inside: bool) -> bool:
    """Whether a quotation is still open at the end of a sentence, given whether one was open at
    its start: an outlet quoting a long statement opens the marks in one sentence and closes them
    sentences later."""
    for ch in text:
        if ch in "\u201c\u00ab":
            inside = True
        elif ch in "\u201d\u00bb":
            inside = False
        elif ch == '"':
            inside = not inside
    return inside


def _opens_and_runs_on(text: str) -> bool:
    """Whether a sentence opens a quotation that it does not close: the first sentence of a long one."""
    return text.lstrip()[:1] in _OPENING_MARKS and quotation_open_after(text, False)


_BEFORE_A_COLON = re.compile(r":\s*$")
_CAPITALISED_OPENING = re.compile(
    r"^(?:The\s+)?(?P<name>(?:[A-Z][\w'\u2019\-]*\s+){0,4}[A-Z][\w'\u2019\-]*)"
    r"(?=\s+(?:has\s+|had\s+)?(?:[a-z]{2,}(?:ed|s)|gave|wrote|sent|put|made|told)\b)"
)


_DESCRIBED_OPENING = re.compile(
    r"^(?:A|An|The|This|That|Its|His|Her|Their)\s+(?:[a-z][\w'\u2019\-]*\s+){0,5}?[a-z][\w'\u2019\-]*"
    r"(?=\s+(?:has\s+|had\s+)?(?:[a-z]{2,}(?:ed|es)|gave|wrote|sent|put|made|told|offers|reads)\b)"
)
"""A thing described rather than named, opening a sentence as its subject ("A post accompanying
the video provides …"): only read before a colon that hands over to a quotation."""
_LEADING_SETTING = re.compile(
    r"^(?:Over|In|On|At|After|Before|Earlier|Later|Meanwhile|Elsewhere|There|Here)\b[^,:;]{0,60},\s*"
)
"""A place or time set before the subject ("Over at the rival site, …", "On Monday, …")."""


def _introducer(text: str) -> AttributionData | None:
    """Who a sentence ending with a colon and naming no speech verb hands over to ("The group
    gave this account of the meeting:"): the subject it opens with, after any place or time set
    before it, if any."""
    if not _BEFORE_A_COLON.search(masked(text)):
        return None
    plain = masked(text)
    setting = _LEADING_SETTING.match(plain)
    rest = plain[setting.end() :] if setting else plain
    plain = rest[:1].upper() + rest[1:]
    subject = opening_subject(plain)
    if subject is None:
        # A body or a publication names itself with capitals ("The Harbour Board gave …").
        body = _CAPITALISED_OPENING.match(plain)
        subject = (body.group(0).strip(), body.group("name")) if body else None
    if subject is None:
        described = _DESCRIBED_OPENING.match(plain)
        subject = (rest[: described.end()], None) if described else None
    if subject is None:
        return None
    if plain.startswith(subject[0]):
        subject = (rest[: len(subject[0])], subject[1])
    row: AttributionData = {"source": subject[0], "verb": "said"}
    if subject[1] != subject[0]:
        row["speaker"] = subject[1]
    return row


def _all_quoted(text: str) -> bool:
    """Whether every word of a sentence is inside quotation marks."""
    return bool(text.strip()) and not re.search(r"[^\W\d_]", masked(text))


def _closing_credit(
    text: str, found: Sequence[Attribution], rows: Sequence[AttributionData]
) -> AttributionData | None:
    """The attribution that follows the closing mark of a quotation opened in an earlier sentence
    ("… through the night,” Ms Ruiz said."): whose the whole quotation is."""
    if not rows or rows[0].get("continued") or len(rows) != len(found):
        return None
    closing = _closing_mark(text)
    if closing is None:
        return None
    for item, row in zip(found, rows, strict=True):
        if item.position > closing:
            return row
    return None


def _closing_mark(text: str) -> int | None:
    """Where a quotation open at a sentence's start closes in it (a new paragraph of a quotation
    opens with a mark of its own, which does not close it)."""
    stripped = text.lstrip()
    start = len(text) - len(stripped) + (stripped[:1] in _OPENING_MARKS)
    for index, ch in enumerate(text[start:], start):
        if ch in '\u201d\u00bb"':
            return index
        if ch in "\u201c\u00ab":
            return None
    return None


def _credit_backwards(
    rows: list[list[AttributionData]], carried_in: Sequence[bool], closers: Sequence[AttributionData | None]
) -> None:
    """Credit the opening sentences of a quotation that names its speaker only where it closes.

    Outlets often open a long quotation, run it over two or three sentences and only then write
    who said it ("“The pumps failed twice. So the crews worked through the night,” Ms Ruiz
    said."); read forward, the first sentences name nobody.
    """
    credit: AttributionData | None = None
    for index in range(len(rows) - 1, -1, -1):
        if credit is not None and not rows[index] and carried_in[index + 1]:
            rows[index] = [{**credit, "continued": True}]
        else:
            credit = closers[index]
            continue
        if not carried_in[index]:
            credit = None


def analyse(articles: Sequence[Article]) -> Data:
    """Frames of every sentence and a summary per outlet (the whole articles, not only claims)."""
    sentences: dict[str, SentenceData] = {}
    outlets: dict[str, OutletData] = {}
    for article in articles:
        known = genders(article)
        before = speakers_in(article)
        verbs: Counter[str] = Counter()
        hedged_rows: list[HedgedSentence] = []
        attributed = hedged = 0
        previous: list[AttributionData] = []
        inside = False
        introducer: AttributionData | None = None
        handed_over = False
        paragraph = -1
        found_rows: list[list[AttributionData]] = []
        closers: list[AttributionData | None] = []
        carried_in: list[bool] = []
        frames = [frame(sentence.text) for sentence in article.sentences]
        for sentence, found in zip(article.sentences, frames, strict=True):
            last_speaker = before[sentence.id]
            rows: list[AttributionData] = []
            if sentence.paragraph != paragraph and sentence.text.lstrip()[:1] not in _OPENING_MARKS:
                # A quotation runs on into a new paragraph only when the paragraph opens with a
                # quotation mark; otherwise a mark left open is a slip of the text, not a quotation.
                inside = False
            paragraph = sentence.paragraph
            opened_before, inside = inside, quotation_open_after(sentence.text, inside)
            for item in found.attributions:
                speaker = resolve(item, last_speaker if fits(item.source, last_speaker, known) else None)
                row: AttributionData = {"source": item.source, "verb": item.verb}
                if speaker != item.source:
                    row["speaker"] = speaker
                if item.loaded:
                    row["loaded"] = True
                rows.append(row)
                verbs[item.verb] += 1
                if item.speaker:
                    last_speaker = item.speaker
            quoted = (
                opened_before
                or _all_quoted(sentence.text)
                or _opens_and_runs_on(sentence.text)
                or (handed_over and sentence.text.lstrip()[:1] in _OPENING_MARKS)
            )
            if not rows and quoted and not previous and introducer is not None:
                # "The group gave this account:" and then the account in quotation marks.
                previous = [introducer]
            if not rows and previous and quoted:
                # A quotation running on from the sentence before (whole, or opened there and not
                # yet closed) is still that speaker's.
                rows.append({**previous[-1], "continued": True})
            previous = rows
            introducer = _introducer(sentence.text) if not rows else None
            # "…, Lee writes in reply:" hands over to the quotation that follows, however it ends.
            handed_over = bool(rows) and bool(_BEFORE_A_COLON.search(masked(sentence.text)))
            found_rows.append(rows)
            carried_in.append(opened_before)
            closing = _closing_credit(sentence.text, found.attributions, rows) if opened_before else None
            closers.append(closing)
        _credit_backwards(found_rows, carried_in, closers)
        for sentence, found, rows in zip(article.sentences, frames, found_rows, strict=True):
            hedge_rows: list[HedgeData] = [
                {"marker": h.marker, "kind": h.kind, "phrase": h.phrase} for h in found.hedges
            ]
            entry: SentenceData = {}
            if rows:
                entry["attributions"] = rows
            if hedge_rows:
                entry["hedges"] = hedge_rows
            if entry:
                sentences[sentence.id] = entry
            attributed += bool(rows)
            hedged += bool(hedge_rows)
            hedged_rows.extend(
                {"sentence": sentence.id, "marker": h["marker"], "kind": h["kind"], "phrase": h["phrase"]}
                for h in hedge_rows
            )
        total = len(article.sentences)
        outlets[article.id] = {
            "sentences": total,
            "attributed": attributed,
            "hedged": hedged,
            "unattributed": total - attributed,
            "hedged_share": round(hedged / total, 4) if total else 0.0,
            "verbs": [[verb, count] for verb, count in sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0]))],
            "hedges": hedged_rows,
        }
    return {"sentences": sentences, "outlets": outlets}
