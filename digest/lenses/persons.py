"""Who a text names: people's names, the titles and roles around them, and the person a sentence
is about.

The attribution and quotation lenses both need to know who "he" is, whether "Mr. Lee" and "Lee"
are one person, and where a name stops and a title starts. Those answers depend on the words of
a name and of the sentences around it, not on any verb, so they live here, apart from the
patterns that find who said what.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.evidence import name_key
from digest.lenses.quoting import masked
from digest.model import Article
from digest.text import fold_key

TITLES = frozenset(
    """
    president vice prime minister mr mrs ms dr prof sir dame gen general brig lt col colonel maj major
    capt captain sgt adm admiral secretary senator sen rep representative gov governor mayor king queen
    prince princess pope chancellor ambassador judge justice chief speaker spokesman spokeswoman professor
    """.split()
)
"""Capitalised words in front of a name that say what the person is, not who."""

FUNCTION_WORDS = frozenset(
    "while although though but and as after before when if because in on at this these so then however "
    "meanwhile yet since".split()
)
ROLES = frozenset(
    """
    government governments official officials spokesman spokeswoman spokesperson spokespeople source
    sources minister ministry president secretary police authorities authority administration department
    military army officers officer analysts analyst experts expert witnesses witness residents resident
    lawmakers spokesmen prosecutors prosecutor investigators investigator diplomats diplomat leader leaders
    agency office council chief director commander ambassador press specialist specialists researcher
    researchers scientist scientists professor doctor doctors lawyer lawyers attorney engineer manager
    chairman chairwoman founder editor correspondent aide aides adviser advisers advisor envoy member
    members coach captain owner economist economists organisers organizers campaigners activists
    critics supporters opponents observers voters protesters demonstrators neighbours neighbors
    relatives colleagues staff staffers employees workers students teachers parents victims survivors
    rescuers firefighters nurses
    """.split()
)
"""Lower-case nouns that can head who is speaking ("officials", "the government")."""
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "mr.", "mrs.", "ms.", "dr.", "prof", "prof."})

TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    yesterday today tonight morning afternoon evening night week weekend month year earlier later
    """.split()
)
"""Words of a time phrase that can stand between a subject and its verb ("Trump on Monday said")."""


def speaker_key(name: str) -> str:
    """A key under which "John Kirby", "Mr Kirby" and "Kirby" meet: the folded last name."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019\-]*", name) if w.lower() not in HONORIFICS]
    if not words:
        return fold_key(name)
    last = re.sub(r"['\u2019]s$", "", words[-1])
    if len(words) == 1 or words[-1][:1].isupper():
        return fold_key(last)
    return fold_key(" ".join(words))


def same_speaker(a: str, b: str) -> bool:
    """True when two credits name one person, allowing transliterations ("Havryliuk"/"Gavrilyuk").

    Last names meet on `digest.evidence.name_key`; past that, a frame of four or more consonants
    that agrees after its first letter is taken as one name spelled from another alphabet.
    """
    first, second = speaker_key(a), speaker_key(b)
    if first == second or name_key(first) == name_key(second):
        return True
    frame_a, frame_b = name_key(first)[1:], name_key(second)[1:]
    return " " not in first + second and len(frame_a) >= 4 and frame_a[1:] == frame_b[1:]


def is_name_word(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in PRONOUNS


def split_name(words: Sequence[str]) -> str | None:
    """The trailing run of capitalised words after any title: the name itself ("Pat Ryder")."""
    run: list[str] = []
    for word in reversed(words):
        if not is_name_word(word) or word.lower().rstrip(".") in TITLES | ROLES:
            break
        run.append(word)
    run.reverse()
    while run and run[0].lower() in {"the", "a", "an"}:
        run.pop(0)
    rest = list(words[: len(words) - len(run)])
    if run and len(rest) >= 2 and rest[-1] == "of":
        # "Sen. Ann Lee of Oregon", "the Secretary of State": what follows "of" is where or what
        # the person is; the name, if any, comes before it.
        return split_name(rest[:-1])
    if len(run) == 1 and run[0].lower() in ROLES:
        return None  # "Officials said": a capitalised role opening the sentence is nobody's name
    return " ".join(run) if run else None


def first_name_run(words: Sequence[str]) -> str | None:
    """The first run of capitalised words of an apposition, titles dropped ("Dr. Ana Ruiz of ...")."""
    run: list[str] = []
    for word in words:
        if is_name_word(word) and word.lower() not in FUNCTION_WORDS:
            run.append(word)
        elif run:
            break
    return split_name(run) if run else None


_IRREGULAR_PAST = (
    "spoke|told|met|took|made|gave|went|came|left|saw|won|lost|ran|wrote|sent|held|kept|began|became|"
    "found|thought|felt|knew|got|put|set|led|sat|stood|fell|rose|chose|broke|bought|brought|caught|"
    "fought|sought|built|spent|paid|sold|hit|cut|quit|fled|struck|drew|grew|threw|swore|shook|stole|"
    "flew|rode|withdrew|understood|undertook|did|had|was|will|would|could"
)
"""Common past forms that do not end in "-ed": a name before one is the subject of its clause."""
_NOT_VERB_S = r"(?!(?:as|its|his|this|thus|plus|less|unless|always|perhaps|us|yes)\b)"
"""Words ending in "s" that are no verbs: a name before them is not a subject ("Iraq as a Marine")."""
_NAMED_SUBJECT = re.compile(
    r"^(?P<run>[A-Z][\w'\u2019\-]*\.?(?:\s+[A-Z][\w'\u2019\-]*\.?){0,3})"
    r"(?=,|\s+(?:has\s+|had\s+|was\s+|is\s+|also\s+)?(?:[a-z]+ed|"
    + _IRREGULAR_PAST
    + r")\b|\s+"
    + _NOT_VERB_S
    + r"[a-z]+s\b)"
)


def named_subject(text: str) -> str | None:
    """The person a sentence opens with as its subject ("Mr. Anker, 54, …", "Paul Anker resigned …"),
    or None. A name needs two capitalised words or a title before it, so that a place or a body
    ("Police arrested …") is not taken for a person."""
    match = _NAMED_SUBJECT.match(text)
    if not match:
        return None
    run = match.group("run").split()
    titled_name = False
    while run and (run[0].lower().rstrip(".") in TITLES or run[0].lower() in HONORIFICS):
        run.pop(0)
        titled_name = True
    blocked = (
        FUNCTION_WORDS | ROLES | TITLES | PRONOUNS | {"the", "a", "an", "north", "south", "east", "west"}
    )
    if not run or any(w.lower().rstrip(".") in blocked for w in run):
        return None
    if any(w.endswith(("'s", "\u2019s")) for w in run[:-1]):
        return None  # "Varnia's National Assembly": a place's body, not a person
    if len(run) < 2 and not titled_name:
        return None
    return " ".join(run)


_CLAUSE_SUBJECT = re.compile(
    r"(?:^|[,;]\s+|\b(?:as|when|after|while|because|since|and|but|before)\s+)"
    r"(?P<run>(?:[A-Z][\w'\u2019\-]*\.?\s+){0,3}[A-Z][\w\-]*[\w])"
    r"(?=\s+(?:has\s+|had\s+|was\s+|is\s+|also\s+|then\s+|later\s+|first\s+)?(?:"
    + _NOT_VERB_S
    + r"[a-z]+(?:ed|s)|"
    + _IRREGULAR_PAST
    + r")\b)"
)
_NOT_NAMES = (
    FUNCTION_WORDS
    | ROLES
    | TITLES
    | PRONOUNS
    | TIME_WORDS
    | {"the", "a", "an", "north", "south", "east", "west"}
)


def clause_subject(text: str, end: int, first: bool = False) -> str | None:
    """The person named as the subject of the last clause before ``end`` (or of the first clause,
    with ``first``): "…, but Mr. Lee denied", "as Lee turned down …". A single capitalised word
    counts only inside the sentence, where a capital marks a name rather than the first word."""
    found = None
    for match in _CLAUSE_SUBJECT.finditer(text, 0, max(end, 0)):
        if first and match.start("run") > 0 and (match.start() != text.find(",") or match.start() > 60):
            break  # the first clause opens the sentence or follows its opening phrase, nothing later
        run = match.group("run").split()
        titled_name = False
        while run and (run[0].lower().rstrip(".") in TITLES or run[0].lower() in HONORIFICS):
            run.pop(0)
            titled_name = True
        if not run or any(w.lower().rstrip(".") in _NOT_NAMES for w in run):
            continue
        if len(run) < 2 and not titled_name and match.start("run") == 0:
            continue
        found = " ".join(run)
        if first:
            break
    return found


_OPENING_ROLE = re.compile(
    r"^(?:the|a|an)\s+(?:[a-z][\w'\u2019\-]*\s+){0,2}?(?P<role>[a-z]+)\b(?=\s+[a-z])", re.IGNORECASE
)


_KNOWN_OPENING = re.compile(
    r"^(?P<name>[A-Z][\w'\u2019\-]+)(?:,|\s+(?:has\s+|had\s+|was\s+|also\s+)?(?:[a-z]+ed|"
    + _IRREGULAR_PAST
    + r"|"
    + _NOT_VERB_S
    + r"[a-z]+s)\b)"
)
_TITLED_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Senator|Representative|Governor|Prime\s+Minister|"
    r"Minister|Chancellor|Mayor|Premier|Ambassador|Judge|Secretary)\.?\s+"
    r"(?:[A-Z][\w'\u2019\-]+\s+){0,2}(?P<last>[A-Z][\w'\u2019\-]+)"
)


def titled_people(text: str) -> set[str]:
    """The `speaker_key` of every person a sentence names with a title ("Rep. Duncan Hunter")."""
    return {speaker_key(match.group("last")) for match in _TITLED_NAME.finditer(text)}


def subject_name(text: str, known: frozenset[str] = frozenset()) -> str | None:
    """The person a sentence is about: the name it opens with as its subject, or failing that the
    named subject of its first clause ("After the meeting, Mr. Lee made a quick exit"), or a
    surname alone that the article has already given as a person's ("Akin made the remarks")."""
    found = named_subject(text) or clause_subject(masked(text), len(text), first=True)
    if found:
        return found
    single = _KNOWN_OPENING.match(text)
    if single and speaker_key(single.group("name")) in known:
        return single.group("name")
    return None


def opening_subject(text: str) -> tuple[str, str | None] | None:
    """Who a sentence opens with as its subject, as (source, speaker): a named person ("Mr. Anker
    resigned …") or a determiner and a role ("The president downplayed …"), else None."""
    name = subject_name(text)
    if name:
        return name, name
    match = _OPENING_ROLE.match(text)
    if match and match.group("role").lower() in ROLES | TITLES:
        return match.group(0), None
    return None


_GENDERED = re.compile(r"\b(?P<title>Mr|Mrs|Ms|Miss)\.?\s+(?P<name>[A-Z][\w'\u2019\-]+)")


def genders(article: Article) -> dict[str, str]:
    """Who the article calls "Mr." (``"he"``) or "Ms."/"Mrs." (``"she"``), by `speaker_key`: the
    only sign of a person's pronoun that the text gives. A name given both is left out."""
    found: dict[str, set[str]] = {}
    for sentence in article.sentences:
        for match in _GENDERED.finditer(sentence.text):
            pronoun = "he" if match.group("title") == "Mr" else "she"
            found.setdefault(speaker_key(match.group("name")), set()).add(pronoun)
    return {key: next(iter(values)) for key, values in found.items() if len(values) == 1}


def fits(pronoun: str, name: str | None, known: dict[str, str]) -> bool:
    """Whether "he" or "she" can stand for ``name``: not when the article calls that person by
    the other title ("Mr. Lee" is no "she")."""
    if not name or pronoun.lower() not in {"he", "she"}:
        return True
    return known.get(speaker_key(name), pronoun.lower()) == pronoun.lower()
