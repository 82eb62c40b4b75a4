"""Score a story's export against a hand-made reference file.

The reference names sentences by *anchors*: substrings compared after folding
case, quotes, dashes and whitespace. Alignment is scored over cross-outlet
sentence pairs: a pair counts as linked when the two sentences share a claim.
Pairs listed under ``maybe`` are neither rewarded nor punished.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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
    wrong_links: list[tuple[str, str]] = field(default_factory=list)
    missed_links: list[tuple[str, str]] = field(default_factory=list)

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
            "headlines_right": f"{self.headlines_right}/{self.headlines_total}",
            "wrong_links": [list(p) for p in self.wrong_links],
            "missed_links": [list(p) for p in self.missed_links],
        }


class GoldError(ValueError):
    pass


def load_gold(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise GoldError(f"{path}: not a reference file (no 'files' mapping)")
    return data


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

    def find(self, key: str, anchor: str) -> str | None:
        wanted = match_key(anchor)
        for sentence_id, text in self.sentences.get(key, []):
            if wanted in text:
                return sentence_id
        return None


def score(export: dict[str, Any], gold: dict[str, Any]) -> Score:
    files: dict[str, str] = {str(k): str(v) for k, v in gold["files"].items()}
    result = Score(str(gold.get("story", export["story"]["id"])))
    index = _Index(export, files)
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
            if index.find(key, str(line)):
                result.boilerplate_left.append(f"{key}: {line}")

    for key, lines in (gold.get("subheads") or {}).items():
        for line in lines or []:
            if index.find(key, str(line)):
                result.subheads_as_sentences.append(f"{key}: {line}")

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
        members = [resolve(str(k), str(v)) for k, v in group.items()]
        present = [m for m in members if m]
        for a, b in itertools.combinations(present, 2):
            if file_of.get(a) != file_of.get(b):
                wanted.add(frozenset((a, b)))
    debatable: set[Pair] = set()
    for pair in gold.get("maybe") or []:
        members = [index.find(str(k), str(v)) for k, v in pair.items()]
        if all(members) and len(set(members)) == 2:
            debatable.add(frozenset(m for m in members if m))

    linked: set[Pair] = set()
    for claim in export["claims"]:
        for a, b in itertools.combinations(claim["sentences"], 2):
            if a in file_of and b in file_of and file_of[a] != file_of[b]:
                linked.add(frozenset((a, b)))

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
