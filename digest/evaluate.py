"""Score a story's export against a hand-made reference file.

The reference names sentences by *anchors*: substrings compared after folding
case, quotes, dashes and whitespace. An anchor names the sentence that holds it,
failing that the one holding its first five words, failing that the same with a
leading bullet or upper-case dateline taken off; an anchor of the article's
headline is scored by the headline check and adds no pair. Alignment is scored
over cross-outlet sentence pairs: a pair counts as linked when the two sentences
share a claim. Pairs listed under ``maybe`` are neither rewarded nor punished.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from digest.boilerplate import split_dateline
from digest.text import fold_key


def match_key(text: str) -> str:
    """The folding the reference format prescribes: case, quotes, dashes, whitespace."""
    return fold_key(text)


Pair = frozenset[str]


@dataclass(slots=True)
class Score:
    story: str
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    boilerplate_left: list[str] = field(default_factory=list)
    sentences_lost: list[str] = field(default_factory=list)
    headlines_right: int = 0
    headlines_total: int = 0
    subheads_as_sentences: list[str] = field(default_factory=list)
    files_missing: list[str] = field(default_factory=list)
    wrong_links: list[tuple[str, str]] = field(default_factory=list)
    missed_links: list[tuple[str, str]] = field(default_factory=list)
    same_fact_pairs: set[Pair] = field(default_factory=set)
    """The reference's pairs as sentence ids of the export: what fitting and studies learn from."""
    debatable_pairs: set[Pair] = field(default_factory=set)

    @property
    def precision(self) -> float:
        linked = self.true_positives + self.false_positives
        return self.true_positives / linked if linked else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "story": self.story,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
            "boilerplate_left": self.boilerplate_left,
            "sentences_lost": self.sentences_lost,
            "subheads_as_sentences": self.subheads_as_sentences,
            "files_missing": self.files_missing,
            "headlines_right": f"{self.headlines_right}/{self.headlines_total}",
            "wrong_links": [list(p) for p in self.wrong_links],
            "missed_links": [list(p) for p in self.missed_links],
        }


class GoldError(ValueError):
    """A reference file that cannot be used, with the reason in plain words."""


_LINE_SECTIONS = ("boilerplate", "subheads", "keep")
_KNOWN = {"story", "files", "headline", "same_fact", "maybe", *_LINE_SECTIONS}


def load_gold(path: Path) -> dict[str, Any]:
    """Read and check a reference file; every problem raises `GoldError` naming the part at fault."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise GoldError(f"{path}: not valid YAML ({first})") from None
    except UnicodeDecodeError:
        raise GoldError(f"{path}: not UTF-8 text") from None
    check_gold(data, str(path))
    assert isinstance(data, dict)
    return data


def check_gold(data: object, where: str = "reference") -> None:
    """Raise `GoldError` unless ``data`` has the reference format's shape."""
    if not isinstance(data, dict):
        raise GoldError(f"{where}: must be a mapping with 'files', 'same_fact' and friends")
    files = data.get("files")
    if not isinstance(files, dict) or not files:
        raise GoldError(f"{where}: not a reference file (no 'files' mapping of key: file name)")
    for key, name in files.items():
        if not isinstance(name, str) or not name.strip():
            raise GoldError(f"{where}: files.{key} must be a file name")
    keys = {str(key) for key in files}
    unknown = sorted(str(key) for key in data if str(key) not in _KNOWN)
    if unknown:
        raise GoldError(f"{where}: unknown section(s) {', '.join(unknown)}")

    def known_key(key: object, part: str) -> None:
        if str(key) not in keys:
            raise GoldError(f"{where}: {part} names '{key}', which is not a key under 'files'")

    headline = data.get("headline") or {}
    if not isinstance(headline, dict):
        raise GoldError(f"{where}: 'headline' must map file keys to headlines")
    for key, text in headline.items():
        known_key(key, "headline")
        if not isinstance(text, (str, int, float)):
            raise GoldError(f"{where}: headline.{key} must be text")
    for section in _LINE_SECTIONS:
        lines = data.get(section) or {}
        if not isinstance(lines, dict):
            raise GoldError(f"{where}: '{section}' must map file keys to lists of lines")
        for key, items in lines.items():
            known_key(key, section)
            if items is not None and not isinstance(items, list):
                raise GoldError(f"{where}: {section}.{key} must be a list of lines")
            for item in items or []:
                if not isinstance(item, (str, int, float)) or not str(item).strip():
                    raise GoldError(f"{where}: {section}.{key} holds an empty or non-text line")
    for section, minimum in (("same_fact", 2), ("maybe", 2)):
        groups = data.get(section) or []
        if not isinstance(groups, list):
            raise GoldError(f"{where}: '{section}' must be a list of {{key: anchor}} mappings")
        for number, group in enumerate(groups, 1):
            if not isinstance(group, dict) or len(group) < minimum:
                raise GoldError(
                    f"{where}: {section} entry {number} must map at least two file keys to anchors"
                )
            for key, anchor in group.items():
                known_key(key, f"{section} entry {number}")
                if not isinstance(anchor, (str, int, float)) or not str(anchor).strip():
                    raise GoldError(f"{where}: {section} entry {number} has an empty anchor for '{key}'")


class _Index:
    """Sentences of the export, findable by anchor."""

    def __init__(self, export: dict[str, Any], files: dict[str, str]) -> None:
        by_file = {article["file"]: article for article in export["articles"]}
        self.sentences: dict[str, list[tuple[str, str]]] = {}
        self.headlines: dict[str, str] = {}
        for key, name in files.items():
            article = by_file.get(name)
            self.sentences[key] = (
                [(s["id"], match_key(s["text"])) for s in article["sentences"]] if article else []
            )
            self.headlines[key] = article["headline"] if article else ""

    def holds(self, key: str, line: str) -> bool:
        """Whether a line that should be gone is still (part of) a sentence.

        Long lines are looked for anywhere; a line of one to three words
        ("Advertisement", "Read More") only counts when a sentence is that
        line, so an article sentence that merely uses the words does not count
        against normalization.
        """
        wanted = match_key(line)
        if len(wanted.split()) > 3:
            return any(wanted in text for _, text in self.sentences.get(key, []))
        bare = wanted.rstrip(" .:!?")
        return any(text.rstrip(" .:!?") == bare for _, text in self.sentences.get(key, []))

    def find(self, key: str, anchor: str) -> str | None:
        """The sentence an anchor names, located the way the reference format prescribes.

        First the sentence that holds the whole anchor; failing that, the one that
        holds its first five words (an anchor may run past a sentence end that the
        segmenter placed differently); failing that, the same two looks with a
        leading bullet or upper-case dateline ("CITY (AP) --") taken off the anchor,
        since cleaning may have removed it from the sentence.
        """
        wanted = match_key(anchor)
        tries = [wanted]
        bare = match_key(strip_lead(anchor))
        if bare != wanted:
            tries.append(bare)
        for text in tries:
            for look in (text, " ".join(text.split()[:5])):
                if not look:
                    continue
                for sentence_id, sentence in self.sentences.get(key, []):
                    if look in sentence:
                        return sentence_id
        return None


_BULLET = re.compile(r"^\s*[-*\u2022\u00b7\u2013\u2014]\s+")


def strip_lead(anchor: str) -> str:
    """An anchor without a leading bullet or dateline ("WASHINGTON (AP) --"), found the way
    cleaning finds datelines (`digest.boilerplate.split_dateline`)."""
    text = _BULLET.sub("", anchor)
    split = split_dateline(text.strip())
    return split[1] if split else text


def score(export: dict[str, Any], gold: dict[str, Any]) -> Score:
    """Compare an export (`digest.export.to_data`) with a reference (`load_gold`)."""
    check_gold(gold)
    files: dict[str, str] = {str(k): str(v) for k, v in gold["files"].items()}
    result = Score(str(gold.get("story", export["story"]["id"])))
    index = _Index(export, files)
    present_files = {article["file"] for article in export["articles"]}
    result.files_missing = sorted(
        f"{key}: {name}" for key, name in files.items() if name not in present_files
    )
    file_of = {}
    for key in files:
        for sentence_id, _ in index.sentences[key]:
            file_of[sentence_id] = key

    for key, expected in (gold.get("headline") or {}).items():
        result.headlines_total += 1
        if match_key(index.headlines.get(key, "")) == match_key(str(expected)):
            result.headlines_right += 1

    for key, lines in (gold.get("boilerplate") or {}).items():
        for line in lines or []:
            if index.holds(key, str(line)):
                result.boilerplate_left.append(f"{key}: {line}")

    for key, lines in (gold.get("subheads") or {}).items():
        for line in lines or []:
            if index.holds(key, str(line)):
                result.subheads_as_sentences.append(f"{key}: {line}")

    gold_headlines = {str(k): match_key(str(v)) for k, v in (gold.get("headline") or {}).items()}

    def is_headline(key: str, anchor: str) -> bool:
        """Headline anchors are scored by the headline check, not as links to body sentences."""
        wanted = match_key(anchor)
        return bool(wanted) and gold_headlines.get(key, "").startswith(wanted)

    def resolve(key: str, anchor: str) -> str | None:
        found = index.find(key, anchor)
        if found is None:
            lost = f"{key}: {anchor}"
            if lost not in result.sentences_lost:
                result.sentences_lost.append(lost)
        return found

    for key, lines in (gold.get("keep") or {}).items():
        for line in lines or []:
            resolve(key, str(line))

    wanted: set[Pair] = set()
    for group in gold.get("same_fact") or []:
        members = [resolve(str(k), str(v)) for k, v in group.items() if not is_headline(str(k), str(v))]
        present = [m for m in members if m]
        for a, b in itertools.combinations(present, 2):
            if file_of.get(a) != file_of.get(b):
                wanted.add(frozenset((a, b)))
    debatable: set[Pair] = set()
    for pair in gold.get("maybe") or []:
        found = [
            m
            for m in (index.find(str(k), str(v)) for k, v in pair.items() if not is_headline(str(k), str(v)))
            if m
        ]
        for a, b in itertools.combinations(found, 2):
            if file_of.get(a) != file_of.get(b):
                debatable.add(frozenset((a, b)))

    linked: set[Pair] = set()
    for claim in export["claims"]:
        for a, b in itertools.combinations(claim["sentences"], 2):
            if a in file_of and b in file_of and file_of[a] != file_of[b]:
                linked.add(frozenset((a, b)))

    result.same_fact_pairs, result.debatable_pairs = wanted, debatable
    result.true_positives = len(linked & wanted)
    wrong = linked - wanted - debatable
    missed = wanted - linked
    result.false_positives = len(wrong)
    result.false_negatives = len(missed)
    result.wrong_links = sorted(_pair(p) for p in wrong)
    result.missed_links = sorted(_pair(p) for p in missed)
    return result


def _pair(pair: Pair) -> tuple[str, str]:
    first, second = sorted(pair)
    return first, second


def format_report(result: Score, texts: dict[str, str] | None = None) -> str:
    """A plain-text report; with ``texts`` (sentence id to text) it quotes wrong and missed links."""
    lines = [
        f"story: {result.story}",
        f"precision: {result.precision:.3f}",
        f"recall: {result.recall:.3f}",
        f"f1: {result.f1:.3f}",
        f"pairs: {result.true_positives} right, {result.false_positives} wrong, "
        f"{result.false_negatives} missed",
        f"boilerplate left: {len(result.boilerplate_left)}",
        f"sentences lost: {len(result.sentences_lost)}",
        f"subheads taken as sentences: {len(result.subheads_as_sentences)}",
        f"headlines right: {result.headlines_right}/{result.headlines_total}",
    ]
    lines.extend(f"  file missing from the story: {item}" for item in result.files_missing)
    for title, items in (
        ("boilerplate left", result.boilerplate_left),
        ("sentences lost", result.sentences_lost),
        ("subheads taken as sentences", result.subheads_as_sentences),
    ):
        lines.extend(f"  {title}: {item}" for item in items)
    for title, pairs in (("wrong link", result.wrong_links), ("missed link", result.missed_links)):
        for a, b in pairs:
            lines.append(f"  {title}: {a} ~ {b}")
            if texts:
                lines.append(f"      {texts.get(a, '')[:110]}")
                lines.append(f"      {texts.get(b, '')[:110]}")
    return "\n".join(lines)


def format_table(results: list[Score]) -> str:
    """One line per story and a total over all pairs: the view for several stories at once."""
    header = f"{'story':36} {'P':>6} {'R':>6} {'F1':>6} {'left':>5} {'lost':>5} {'subh':>5} {'heads':>6}"
    lines = [header]
    for r in results:
        lines.append(
            f"{r.story[:36]:36} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} "
            f"{len(r.boilerplate_left):5d} {len(r.sentences_lost):5d} {len(r.subheads_as_sentences):5d} "
            f"{r.headlines_right:>3d}/{r.headlines_total:<2d}"
        )
    total = Score("all pairs")
    for r in results:
        total.true_positives += r.true_positives
        total.false_positives += r.false_positives
        total.false_negatives += r.false_negatives
    lines.append(f"{total.story:36} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f}")
    return "\n".join(lines)
