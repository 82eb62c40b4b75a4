"""Quote fidelity: who quotes a passage word for word, who trims or alters it, who only reports it.

A quotation is the one place where outlets promise the speaker's exact words,
so any change inside it matters more than a change around it. Passages of
different outlets are the same quotation when they share a run of words;
the longest version stands for the quotation and every other version is
compared with it. An outlet that carries no passage but a sentence repeating
most of the quotation's content words gives it in reported speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypedDict

from rapidfuzz.distance import Indel

from digest.compare import to_row, word_diff
from digest.evidence import STOPWORDS, stem
from digest.lenses import attribution
from digest.lenses.attribution import Attribution, AttributionData, attributions, row_speaker, sentence_frames
from digest.lenses.persons import PRONOUNS, opening_subject, same_speaker, speaker_key
from digest.lenses.quoting import masked, passages
from digest.model import Article, ClaimView
from digest.text import titles_written_out, words

MIN_WORDS = 2
"""A one-word quotation ("dozens") is a scare quote rather than a statement to follow."""
SHARED_RUN = 4
"""Words in a row two passages must share to be one quotation (or all of the shorter one)."""
SAME_QUOTE = 0.6
"""Share of the shorter passage's words that must appear, in order, in the longer one (their
longest common subsequence of words) for the two to be one quotation. A trimmed quotation scores
1.0 and one with a word or two changed stays above 0.8, while two different sentences by the same
speaker that share a stock phrase ("I feel very badly for …") score well under half; 0.6 asks for
most of the words in order, so only the same quotation can be called trimmed or altered."""
REPORTED_COVERAGE = 0.5
"""Share of a quotation's content words a sentence must repeat to count as reporting it."""
REPORTED_MIN_TERMS = 4
"""Quotations with fewer content words are too short to recognise in other words."""
MAX_CANDIDATES = 150
"""Passages looked at for each passage, at most. A story quotes far fewer passages alike than
this; only text made of one quotation repeated with small changes reaches it, and then the work
stays linear in the text."""
MAX_SENTENCES = 100
"""Sentences of one article looked at for a quotation given in reported speech, at most: the
earliest of those sharing its rarest words. News articles have fewer sentences than this."""
_EDGE_WORDS = frozenset({"a", "an", "the", "and", "but", "so"})

Status = Literal["verbatim", "trimmed", "altered", "reported"]


@dataclass(frozen=True, slots=True)
class Passage:
    article: str
    sentence: str
    text: str
    words: tuple[str, ...]
    speaker: str | None
    """The named or described speaker credited in the outlet's sentence."""


class CarrierData(TypedDict):
    article: str
    sentence: str
    status: str
    text: str
    """The passage as the outlet quotes it, or its reported-speech sentence."""
    diff: list[list[str]]
    """Word diff from the quotation to this version (empty when verbatim)."""
    similarity: float
    speaker: str | None


class QuoteData(TypedDict):
    id: str
    text: str
    """The longest version of the quotation: what every other version is compared with."""
    carriers: list[CarrierData]
    missing: list[str]
    speakers: list[str]
    speakers_differ: bool


class Data(TypedDict):
    quotes: list[QuoteData]


def _core(sequence: Sequence[str]) -> tuple[str, ...]:
    """The words without leading or trailing articles and conjunctions ("a relatively small number")."""
    items = list(sequence)
    while items and items[0] in _EDGE_WORDS:
        items.pop(0)
    while items and items[-1] in _EDGE_WORDS:
        items.pop()
    return tuple(items)


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """Whether ``shorter`` is a run of words inside ``longer`` (a string search: words hold no NUL)."""
    return f"\0{chr(0).join(shorter)}\0" in f"\0{chr(0).join(longer)}\0"


def _longest_run(a: Sequence[str], b: Sequence[str]) -> int:
    best = 0
    previous = [0] * (len(b) + 1)
    for word in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def in_order_share(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of the shorter word sequence found in the longer one in order (LCS over the shorter)."""
    shorter = min(len(a), len(b))
    if not shorter:
        return 0.0
    common = (len(a) + len(b) - Indel.distance(list(a), list(b))) // 2
    return common / shorter


def _same_quote(a: Passage, b: Passage) -> bool:
    if in_order_share(a.words, b.words) < SAME_QUOTE:
        return False
    # Short passages also need a run of words in common, so that a few scattered common words
    # do not make one quotation; longer ones with most words in order are one with a word changed.
    shorter = min(len(_core(a.words)), len(_core(b.words)))
    return shorter >= 2 * SHARED_RUN or _longest_run(a.words, b.words) >= min(SHARED_RUN, shorter)


def _split(group: list[int], found: Sequence[Passage], near: Sequence[list[int]]) -> list[list[int]]:
    """A matched group cut down to passages that are the same quotation as its longest one.

    Matching is pairwise, so a chain of close versions can link two passages
    that are not the same quotation; every version must match the longest
    itself, and the rest form quotations of their own. Only the passages whose
    words could make them match (``near``) are measured.
    """
    parts: list[list[int]] = []
    left = set(group)
    for quote in sorted(group, key=lambda i: (-len(found[i].words), i)):
        if quote not in left:
            continue
        longest = found[quote].words
        same = [quote] + [
            i for i in near[quote] if i in left and in_order_share(longest, found[i].words) >= SAME_QUOTE
        ]
        left.difference_update(same)
        parts.append(sorted(same))
    return parts


def _row_credit(rows: Sequence[AttributionData], frames: Sequence[Attribution], position: int) -> str | None:
    """Whom a sentence's attribution nearest the position credits, as the attribution lens read it
    (pronouns followed back, a quotation running on from an earlier sentence kept)."""
    row = rows[-1]
    if frames and len(frames) == len(rows):
        nearest = min(range(len(frames)), key=lambda i: abs(frames[i].position - position))
        row = rows[nearest]
    credit = row_speaker(row) or row["source"]
    # "he" or "they" that the attribution lens could not follow to a name credits nobody in
    # particular: listed as such, it would read as a speaker and as one who differs from the others.
    return None if credit.lower() in PRONOUNS else credit


def collect(articles: Sequence[Article], credited: attribution.Data | None = None) -> list[Passage]:
    """Every quoted passage of the story with its credited speaker, in reading order.

    The speaker is the one the attribution lens credits the sentence to, so that the two lenses
    never disagree; a passage in a sentence that credits nobody belongs to the person the sentence
    is about, or else continues the previous sentence's speaker.
    """
    if credited is None:
        credited = attribution.analyse(articles)
    found: list[Passage] = []
    for article in articles:
        last_credit: str | None = None
        for sentence in article.sentences:
            rows, _ = sentence_frames(credited, sentence.id)
            frames = attributions(sentence.text)
            # A sentence that says nobody said anything but opens with someone doing something
            # ("Mr. Lee also praised the …") is about that person: a quotation in it is not the
            # previous speaker's.
            subject = None if rows else opening_subject(masked(sentence.text))
            for position, text in passages(sentence.text):
                keys = quote_words(text)
                if len(keys) < MIN_WORDS or _names_a_work(sentence.text, position, text):
                    continue
                if rows:
                    credit: str | None = _row_credit(rows, frames, position)
                else:
                    credit = (subject[1] or subject[0]) if subject else last_credit
                found.append(Passage(article.id, sentence.id, text, keys, credit))
            if rows:
                last_credit = _row_credit(rows, frames, len(sentence.text))
            elif subject:
                last_credit = subject[1] or subject[0]
    return found


_SMALL_WORDS = frozenset("a an and at by for in of on or the to with".split())
_BEFORE_A_TITLE = re.compile(r"(?:['\u2019]s?|\bthe)\s*[\"\u201c]?$", re.IGNORECASE)


def _names_a_work(sentence: str, position: int, passage: str) -> bool:
    """Whether a quoted passage is the title of a programme, a publication or an operation rather
    than words somebody said: every word capitalised but the small ones, and a possessive or
    "the" just before it ("on the network's “Morning Report”", "the “Clean Rivers” plan")."""
    found = passage.split()
    if not found or len(found) > 6:
        return False
    if not all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in found if w[:1].isalpha()):
        return False
    return bool(_BEFORE_A_TITLE.search(sentence, 0, position))


def _tokens(sequence: Sequence[str]) -> list[tuple[str, int]]:
    """Each word with its occurrence number, so that shared tokens count shared words."""
    seen: dict[str, int] = {}
    found = []
    for word in sequence:
        seen[word] = seen.get(word, 0) + 1
        found.append((word, seen[word]))
    return found


def _near(found: Sequence[Passage]) -> list[list[int]]:
    """For each passage, the shorter (or equally long) passages that may be the same quotation.

    Sharing 60% of the shorter passage's words in order needs that many words in
    common, so any 40% of its words plus one include a shared one: each passage
    looks up its rarest ones among the passages at least as long, so that every
    pair that can match is found from its shorter side without comparing all
    pairs. At most `MAX_CANDIDATES` are kept for each passage, those sharing the
    rarest words.
    """
    postings: dict[tuple[str, int], list[int]] = {}
    for number, item in enumerate(found):
        for token in _tokens(item.words):
            postings.setdefault(token, []).append(number)
    near: list[list[int]] = [[] for _ in found]
    for number, item in enumerate(found):
        size = len(item.words)
        tokens = sorted(_tokens(item.words), key=lambda t: (len(postings[t]), t))
        needed = max(1, int(SAME_QUOTE * size))
        seen: set[int] = {number}
        for token in tokens[: size - needed + 1]:
            for other in postings[token]:
                if other not in seen and len(found[other].words) >= size:
                    seen.add(other)
                    near[other].append(number)
                    if len(seen) > MAX_CANDIDATES:
                        break
            if len(seen) > MAX_CANDIDATES:
                break
    return near


def _groups(found: Sequence[Passage], near: Sequence[list[int]]) -> list[list[int]]:
    """Passages that are one quotation, by union of pairwise matches; in reading order."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, shorter in enumerate(near):
        for j in shorter:
            if root(i) != root(j) and _same_quote(found[i], found[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(found)):
        groups.setdefault(root(i), []).append(i)
    return [groups[key] for key in sorted(groups, key=lambda key: groups[key][0])]


def _status(quote: Passage, version: Passage) -> Status:
    if _core(version.words) == _core(quote.words):
        return "verbatim"
    if _contains(quote.words, _core(version.words)):
        return "trimmed"
    return "altered"


_INITIALISM = re.compile(r"(?:\w\.)+\w")


def quote_words(text: str) -> tuple[str, ...]:
    """A quotation's words as compared: an initialism with or without its full stops is one word
    ("F.B.I." and "FBI"), and a hyphenated compound is its parts ("tax-filing" and "tax filing"),
    since both are the outlet's house style, not the speaker's words."""
    found: list[str] = []
    for key in words(titles_written_out(text)):
        if _INITIALISM.fullmatch(key):
            found.append(key.replace(".", ""))
        else:
            found.extend(part for part in re.split(r"[\-\u2010\u2011]", key) if part)
    return tuple(found)


def _content(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1 and not w.isdigit()}


class _Content:
    """The content words of every sentence, and per article the sentences holding each word."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.sentences: dict[str, list[tuple[str, set[str]]]] = {}
        self.postings: dict[str, dict[str, list[int]]] = {}
        for article in articles:
            own = [(s.id, _content(s.text)) for s in article.sentences]
            postings: dict[str, list[int]] = {}
            for position, (_, terms) in enumerate(own):
                for term in terms:
                    postings.setdefault(term, []).append(position)
            self.sentences[article.id] = own
            self.postings[article.id] = postings

    def reported(self, quote: Passage, article: str) -> tuple[str, float] | None:
        """The sentence of ``article`` that gives the quotation in its own words, with its coverage.

        A sentence must share at least half the quotation's content words, so
        it holds one of any half of them plus one: the rarest are looked up,
        and the earliest of the best covering sentences wins.
        """
        wanted = _content(quote.text)
        if len(wanted) < REPORTED_MIN_TERMS:
            return None
        postings = self.postings[article]
        needed = max(REPORTED_MIN_TERMS, int(REPORTED_COVERAGE * len(wanted)))
        terms = sorted(wanted, key=lambda term: (len(postings.get(term, ())), term))
        candidates: set[int] = set()
        for term in terms[: len(wanted) - needed + 1]:
            candidates.update(postings.get(term, ())[:MAX_SENTENCES])
        best: tuple[str, float] | None = None
        for position in sorted(candidates)[:MAX_SENTENCES]:
            sentence_id, terms_there = self.sentences[article][position]
            shared = len(wanted & terms_there)
            coverage = shared / len(wanted)
            if shared < REPORTED_MIN_TERMS or coverage < REPORTED_COVERAGE:
                continue
            if best is None or coverage > best[1]:
                best = (sentence_id, coverage)
        return best


def _quoted_within(quote: Passage, candidates: Sequence[Passage]) -> Passage | None:
    """The first of an article's passages that holds the whole quotation inside a longer one."""
    core = _core(quote.words)
    if len(core) < SHARED_RUN:
        return None  # a few words recur inside unrelated quotations
    return next((p for p in candidates if len(p.words) > len(core) and _contains(p.words, core)), None)


def _speakers_of(article: Article, credited: attribution.Data) -> dict[str, str | None]:
    """The speaker credited by each sentence, for reported-speech versions."""
    found: dict[str, str | None] = {}
    for sentence in article.sentences:
        rows, _ = sentence_frames(credited, sentence.id)
        found[sentence.id] = _row_credit(rows, attributions(sentence.text), 0) if rows else None
    return found


def analyse(
    articles: Sequence[Article], views: Sequence[ClaimView] = (), credited: attribution.Data | None = None
) -> Data:
    """Every quotation of the story and how each outlet carries it (whole articles, not only claims).
    ``credited`` is the attribution lens's data for these articles, computed here when not given."""
    del views  # quotations are followed through whole articles, claims or not
    by_id = {a.id: a for a in articles}
    texts = {s.id: s.text for a in articles for s in a.sentences}
    quotes: list[QuoteData] = []
    if credited is None:
        credited = attribution.analyse(articles)
    found = collect(articles, credited)
    near = _near(found)
    parts = sorted(part for group in _groups(found, near) for part in _split(group, found, near))
    content = _Content(articles)
    passages_of: dict[str, list[Passage]] = {}
    for item in found:
        passages_of.setdefault(item.article, []).append(item)
    quoting = {item.sentence for item in found if len(item.words) >= REPORTED_MIN_TERMS - 1}
    speakers: dict[str, dict[str, str | None]] = {}
    for number, part in enumerate(parts, 1):
        group = [found[i] for i in part]
        quote = max(enumerate(group), key=lambda item: (len(item[1].words), -item[0]))[1]
        by_article: dict[str, list[Passage]] = {}
        for item in group:
            by_article.setdefault(item.article, []).append(item)
        carriers: list[CarrierData] = []
        missing: list[str] = []
        for article in articles:
            own = by_article.get(article.id)
            inside = None if own else _quoted_within(quote, passages_of.get(article.id, ()))
            if inside is not None:
                # The outlet quotes these words whole, run together with more of the statement in
                # one pair of quotation marks: it carries them, though that passage is another's.
                own = [inside]
            if own:
                scored = [(word_diff(quote.text, p.text), -position, p) for position, p in enumerate(own)]
                (ops, similarity), _, version = max(scored, key=lambda item: (item[0][1], item[1]))
                status = "verbatim" if inside is not None else _status(quote, version)
                carriers.append(
                    {
                        "article": article.id,
                        "sentence": version.sentence,
                        "status": status,
                        "text": version.text,
                        "diff": [] if status == "verbatim" else [to_row(o) for o in ops],
                        "similarity": round(similarity, 4),
                        "speaker": version.speaker,
                    }
                )
                continue
            reported = content.reported(quote, article.id)
            if reported is not None and reported[0] in quoting:
                # A sentence quoting words of its own is a carrier of those words, not a retelling
                # of another quotation that happens to share its subject.
                reported = None
            if reported is not None and article.id not in speakers:
                speakers[article.id] = _speakers_of(by_id[article.id], credited)
            if reported is None or speakers[article.id][reported[0]] is None:
                # Reported speech says who speaks ("Lee said the bridge …"): a sentence sharing the
                # quotation's words but crediting nobody ("Lee praised the …") is not a version of it.
                missing.append(article.id)
                continue
            sentence_id, _ = reported
            ops, similarity = word_diff(quote.text, texts[sentence_id])
            carriers.append(
                {
                    "article": article.id,
                    "sentence": sentence_id,
                    "status": "reported",
                    "text": texts[sentence_id],
                    "diff": [to_row(o) for o in ops],
                    "similarity": round(similarity, 4),
                    "speaker": speakers[article.id][sentence_id],
                }
            )
        keys: dict[str, str] = {}
        for carrier in carriers:
            if carrier["speaker"]:
                keys.setdefault(speaker_key(carrier["speaker"]), carrier["speaker"])
        people: list[str] = []
        for key in sorted(keys):
            if not any(same_speaker(key, other) for other in people):
                people.append(key)
                if len(people) > 1:
                    break  # two different speakers are all the flag needs
        quotes.append(
            {
                "id": f"q{number}",
                "text": quote.text,
                "carriers": carriers,
                "missing": missing,
                "speakers": [keys[k] for k in sorted(keys)],
                "speakers_differ": len(people) > 1,
            }
        )
    return {"quotes": quotes}
