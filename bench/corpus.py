"""A synthetic corpus of stories in the input format, for measuring speed and size at scale.

Every story is built from a seeded random generator, so the same ``(count,
seed)`` always writes the same bytes. The text is invented from small word
lists and sentence frames: it reads like news copy only from a distance, but
it has what the pipeline's cost depends on: several outlets per story, 20 to 60
sentences each, facts that two or more outlets state in different words and
orders, figures written as digits or words (sometimes changed), facts that only
one outlet has, and wire copy reprinted with small edits.

Run ``python bench/corpus.py --stories 50 --out DIR`` to look at one.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

# Invented names are assembled from syllables so that stories do not share them.
_ONSETS = "b br c d dr f g gr h k l m n p r s st t th v w z".split()
_VOWELS = "a e i o u ai ea oa".split()
_CODAS = "ck ld lm n nd r rn sh st th x".split()
_PLACE_ENDS = "ton by ford mouth wick stead bury field haven dale".split()
_FIRST_NAMES = (
    "Ada Amir Bea Carlos Dara Elif Femi Greta Hana Ines Jonas Kofi Lena Mateo Nadia Omar "
    "Priya Quinn Rosa Sami Tomas Uma Viktor Wen Yara Zoltan"
).split()
_OUTLET_KINDS = "Herald Gazette Courier Post Ledger Times Review Chronicle Observer Tribune".split()
_WIRE_KINDS = "Press Agency|Wire|News Service".split("|")
_ROLES = (
    "spokesperson for|director of|deputy head of|chair of|an engineer at|a senior official at|"
    "a lawyer for|the treasurer of"
).split("|")
_BODIES = (
    "Council|Water Board|Port Authority|Fire Service|Transport Office|Health Trust|Housing "
    "Association|Chamber of Commerce|Planning Committee|Police Department"
).split("|")
_NOUNS = (
    "residents workers officials passengers students patients firefighters volunteers engineers "
    "voters inspectors families drivers nurses pupils tenants fishermen shopkeepers"
).split()
# Each action has synonyms so outlets can say the same thing differently.
_ACTIONS = [
    ("evacuated from", "moved out of", "taken away from"),
    ("stranded near", "stuck near", "unable to leave"),
    ("working at", "employed at", "stationed at"),
    ("injured at", "hurt at", "wounded at"),
    ("sent to", "dispatched to", "deployed to"),
    ("waiting outside", "queueing outside", "gathered outside"),
    ("registered at", "signed up at", "enrolled at"),
    ("rescued from", "pulled from", "brought out of"),
]
_DECISIONS = [
    ("approved", "backed", "endorsed"),
    ("rejected", "turned down", "refused"),
    ("postponed", "delayed", "put off"),
    ("announced", "unveiled", "set out"),
    ("suspended", "halted", "paused"),
    ("reviewed", "examined", "looked into"),
]
_PLANS = (
    "plan|budget|contract|inquiry|repair programme|safety review|rescue operation|timetable|"
    "expansion|settlement|inspection|appeal"
).split("|")
_SITES = (
    "bridge|harbour|depot|clinic|northern road|pumping station|market hall|rail yard|"
    "old mill|school|riverside estate|ferry terminal|warehouse|town square"
).split("|")
_DAYS = "on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|on Saturday|on Sunday|overnight".split("|")
_TIMES = "by the end of the week|within a month|before the winter|by next spring|later this year".split("|")
_QUALIFIERS = ("about", "more than", "nearly", "at least", "some", "")
_QUOTE_WORDS = (
    "answers anger appeal budget careful cheaper children closed costs courage crews damage "
    "danger deadline decision delays disaster drivers early effort engineers evidence failure "
    "families fault funding future grateful harbour help honest houses insurance justice "
    "kindness lessons letters lives losses mistake months neighbours night nobody patience "
    "pressure promise proud questions quickly rebuild recovery relief repairs rescue respect "
    "responsibility safety schools shelter shock sorry staff storms stronger support surprise "
    "teams tired together trust truth unfair urgent victims volunteers waiting warning water "
    "weeks winter workers worried wrong years"
).split()
_FILLER = (
    "The situation remained unclear late in the day|Further details were not immediately "
    "available|Local reporters at the scene described a tense atmosphere|The area has seen "
    "similar problems in recent years|Critics said the response had been too slow|Supporters "
    "welcomed the news|Traffic in the centre was heavier than usual|Officials promised an "
    "update in the coming days"
).split("|")
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_BOILERPLATE = ("Share this article", "Advertisement", "Sign up for our daily newsletter")


def _word(rng: random.Random, syllables: int) -> str:
    parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)]
    return ("".join(parts) + rng.choice(_CODAS)).capitalize()


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact as slots; `say` writes it in one of several equivalent ways."""

    kind: str
    who: str
    role: str
    body: str
    count: int
    noun: str
    action: tuple[str, str, str]
    site: str
    day: str
    plan: str
    when: str
    quote: tuple[str, ...]


def _number(rng: random.Random, value: int) -> str:
    if value <= 20 and rng.random() < 0.5:
        return _NUMBER_WORDS[value]
    if value >= 1000:
        return f"{value:,}"
    return str(value)


def _with_qualifier(rng: random.Random, value: int) -> str:
    qualifier = rng.choice(_QUALIFIERS)
    number = _number(rng, value)
    return f"{qualifier} {number}" if qualifier else number


def say(fact: Fact, rng: random.Random, town: str) -> str:
    """One outlet's sentence for a fact: frame, synonyms, number format and detail order vary."""
    if fact.kind == "quote":
        words = " ".join(fact.quote)
        text = words[0].upper() + words[1:]
        frame = rng.randrange(3)
        if frame == 0:
            return f"\u201c{text},\u201d said {fact.who}, {fact.role} the {town} {fact.body}."
        if frame == 1:
            return f"{fact.who} said: \u201c{text}.\u201d"
        return f"\u201c{text},\u201d {fact.who} told reporters."
    if fact.kind == "count":
        verb = rng.choice(fact.action)
        place = f"the {fact.site} in {town}"
        clause = f"{_with_qualifier(rng, fact.count)} {fact.noun} were {verb} {place}"
        if rng.random() < 0.5:
            clause = f"{clause} {fact.day}"
        frame = rng.randrange(4)
        if frame == 0:
            return f"The {town} {fact.body} said {clause}."
        if frame == 1:
            return f"{clause[0].upper()}{clause[1:]}, according to the {fact.body}."
        if frame == 2:
            return f"According to {fact.who}, {clause}."
        return f"{clause[0].upper()}{clause[1:]}, {fact.who} said."
    verb = rng.choice(fact.action)
    frame = rng.randrange(3)
    if frame == 0:
        return f"The {town} {fact.body} {verb} the {fact.plan} for the {fact.site} {fact.day}."
    if frame == 1:
        return (
            f"{fact.day[0].upper()}{fact.day[1:]}, the {fact.body} in {town} {verb} its {fact.plan} "
            f"for the {fact.site}, which {fact.who} said would take effect {fact.when}."
        )
    return f"The {fact.plan} for the {fact.site} was {verb}, {fact.who}, {fact.role} the {fact.body}, said."


def _fact(rng: random.Random, people: list[str]) -> Fact:
    kind = rng.choices(("count", "decision", "quote"), weights=(5, 4, 2))[0]
    # A named site per fact keeps different facts of one story from reading alike.
    site = f"{_word(rng, rng.randint(1, 2))} {rng.choice(_SITES)}"
    return Fact(
        kind=kind,
        who=rng.choice(people),
        role=rng.choice(_ROLES),
        body=rng.choice(_BODIES),
        count=rng.choice((rng.randint(2, 20), rng.randint(21, 900), rng.randint(1000, 9000))),
        noun=rng.choice(_NOUNS),
        action=rng.choice(_ACTIONS if kind == "count" else _DECISIONS),
        site=site,
        day=rng.choice(_DAYS),
        plan=rng.choice(_PLANS),
        when=rng.choice(_TIMES),
        quote=tuple(rng.sample(_QUOTE_WORDS, rng.randint(8, 14))),
    )


def _perturb(fact: Fact, rng: random.Random) -> Fact:
    """The same fact with a detail changed, as when outlets disagree on a figure or a day."""
    if fact.kind == "count" and rng.random() < 0.7:
        change = rng.choice((-1, 1)) * rng.randint(1, 9)
        return replace(fact, count=max(2, fact.count + change))
    return replace(fact, day=rng.choice(_DAYS))


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    slug: str
    wire: bool


def outlets(rng: random.Random, count: int) -> list[Outlet]:
    """A pool of outlets shared by all stories, as real outlets cover many events."""
    pool: dict[str, Outlet] = {}
    while len(pool) < count:
        wire = rng.random() < 0.25
        base = _word(rng, rng.randint(1, 2))
        name = f"{base} {rng.choice(_WIRE_KINDS if wire else _OUTLET_KINDS)}"
        slug = name.lower().replace(" ", "-")
        pool.setdefault(slug, Outlet(name, slug, wire))
    return [pool[key] for key in sorted(pool)]


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    paragraphs: list[str] = []
    position = 0
    while position < len(sentences):
        size = rng.choice((1, 1, 2, 2, 3))
        paragraphs.append(" ".join(sentences[position : position + size]))
        position += size
    return paragraphs


def _reorder(items: list[str], rng: random.Random) -> list[str]:
    """Lead facts stay near the top; the rest drift a few places, as different editors order them."""
    keyed = [(index + rng.uniform(-4, 4), index, item) for index, item in enumerate(items)]
    return [item for _, _, item in sorted(keyed)]


def write_story(folder: Path, number: int, seed: int, pool: list[Outlet]) -> None:
    rng = random.Random(f"{seed}/{number}")
    town = _word(rng, rng.randint(1, 2)) + rng.choice(_PLACE_ENDS)
    people = [f"{rng.choice(_FIRST_NAMES)} {_word(rng, rng.randint(2, 3))}" for _ in range(rng.randint(3, 6))]
    shared = [_fact(rng, people) for _ in range(rng.randint(12, 35))]
    # Wire copy is written first so that other outlets can reprint it.
    chosen = sorted(rng.sample(pool, rng.randint(3, 8)), key=lambda o: not o.wire)
    wires = [o for o in chosen if o.wire]
    event = rng.choice(_PLANS)
    title = f"{town} {rng.choice(_BODIES)} and the {event} for the {rng.choice(_SITES)}"
    date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    folder.mkdir(parents=True)
    entries = []
    texts: dict[str, list[str]] = {}
    for position, outlet in enumerate(chosen):
        reprint = wires and not outlet.wire and wires[0].slug in texts and rng.random() < 0.4
        if reprint:
            source = wires[0]
            body = list(texts[source.slug])
            for _ in range(rng.randint(1, 3)):
                if len(body) > 20:
                    del body[rng.randrange(3, len(body))]
            body = [s.replace(" said", " says") if rng.random() < 0.1 else s for s in body]
            if len(body) < 60:
                body.append(f"This report first appeared on {source.name}.")
            byline = f"{people[0].split()[0]} {_word(rng, 2)}, {source.name}"
        else:
            size = rng.randint(20, 60)
            taken = rng.sample(shared, min(len(shared), round(size * rng.uniform(0.35, 0.7))))
            taken.sort(key=shared.index)
            body = [say(_perturb(f, rng) if rng.random() < 0.1 else f, rng, town) for f in taken]
            while len(body) < size:
                own = rng.random() < 0.85
                body.append(say(_fact(rng, people), rng, town) if own else rng.choice(_FILLER) + ".")
            body = _reorder(body, rng)
            byline = f"{rng.choice(_FIRST_NAMES)} {_word(rng, 2)}"
        texts[outlet.slug] = body
        headline = f"{town}: {rng.choice(_BODIES)} {rng.choice(_DECISIONS)[position % 3]} {event}"
        markdown = rng.random() < 0.4
        name = f"{outlet.slug}.{'md' if markdown else 'txt'}"
        paragraphs = _paragraphs(body, rng)
        if rng.random() < 0.3:
            paragraphs.insert(rng.randrange(1, len(paragraphs)), rng.choice(_BOILERPLATE))
        if markdown:
            front = yaml.safe_dump({"title": headline}, sort_keys=True, allow_unicode=True)
            lines = [f"---\n{front}---\n"]
            for index, paragraph in enumerate(paragraphs):
                if index and index % 9 == 0:
                    lines.append(f"## {rng.choice(_SITES).capitalize()}\n")
                lines.append(paragraph + "\n")
            text = "\n".join(lines)
        else:
            text = headline + "\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / name).write_text(text, encoding="utf-8")
        entries.append(
            {
                "file": name,
                "outlet": outlet.name,
                "url": f"https://{outlet.slug}.test/{date.replace('-', '/')}/{folder.name}",
                "byline": byline,
                "published": f"{date}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00Z",
            }
        )
    meta = {"title": title, "date": date, "articles": entries}
    (folder / "story.yml").write_text(
        yaml.safe_dump(meta, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )


def write_corpus(seeds: Path, count: int, seed: int = 1) -> list[Path]:
    """Write ``count`` story folders under ``seeds``; the same arguments give the same bytes."""
    pool = outlets(random.Random(f"{seed}/outlets"), 40)
    folders = []
    for number in range(count):
        folder = seeds / f"story-{number:05d}"
        write_story(folder, number, seed, pool)
        folders.append(folder)
    return folders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="folder to create the story folders in")
    args = parser.parse_args()
    written = write_corpus(Path(args.out), args.stories, args.seed)
    print(f"{len(written)} stories written to {args.out}")


if __name__ == "__main__":
    main()
