"""Time sentence alignment on a generated six-outlet story.

The story is made up here from a fixed seed: a pool of facts (who did what,
where, with which figure), each outlet telling a random share of them in its
own order and wording, plus sentences of its own. That gives alignment the
shape of real coverage (shared facts, paraphrase, filler) at a known size.

    PYTHONPATH=$PWD python bench/align_speed.py [--outlets 6] [--sentences 40] [--repeat 5]

Prints the wall-clock and CPU time of ``digest.align.align`` on its first run
(cold caches, what one build pays) and the best over the repeats; CPU time is
the steadier figure on a busy machine.
"""

from __future__ import annotations

import argparse
import random
import time

from digest.align import align
from digest.model import Article, Sentence, Source

PEOPLE = ["Mara Ellison", "Tomas Reyes", "Ilse Varga", "Oren Bakri", "Lena Okoro", "Piet Andrus"]
BODIES = ["the harbour authority", "the regional council", "the transport ministry", "the rail operator"]
PLACES = ["Kelby", "Marrowfield", "Ostrand", "Vell Bay", "Hornwick", "Silverdale"]
THINGS = ["bridge", "ferry terminal", "tram line", "power station", "water plant", "depot"]
VERBS = [("closed", "shut"), ("inspected", "examined"), ("repaired", "fixed"), ("sent", "dispatched")]
SAY = ["said", "told reporters", "according to", "announced"]
FILLER = [
    "Residents in {place} described a long and difficult week.",
    "The weather in {place} turned colder on {day}.",
    "Local shops near the {thing} reported fewer customers than usual.",
    "Commuters were advised to check timetables before travelling.",
    "The {thing} has been a familiar landmark for decades.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _fact(rng: random.Random) -> dict[str, str]:
    return {
        "person": rng.choice(PEOPLE),
        "body": rng.choice(BODIES),
        "place": rng.choice(PLACES),
        "thing": rng.choice(THINGS),
        "verb": str(rng.randrange(len(VERBS))),
        "figure": str(rng.randrange(12, 900)),
        "day": rng.choice(DAYS),
    }


def _tell(fact: dict[str, str], rng: random.Random) -> str:
    verb = rng.choice(VERBS[int(fact["verb"])])
    say = rng.choice(SAY)
    if rng.random() < 0.5:
        return (
            f"{fact['body'].capitalize()} {verb} the {fact['thing']} in {fact['place']} on "
            f"{fact['day']} after {fact['figure']} complaints, {fact['person']} {say}."
        )
    return (
        f"On {fact['day']}, {fact['person']} {say} that the {fact['thing']} at {fact['place']} "
        f"had been {verb} by {fact['body']} following {fact['figure']} complaints."
    )


def story(outlets: int, sentences: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    facts = [_fact(rng) for _ in range(sentences)]
    articles: list[Article] = []
    for number in range(outlets):
        article_id = f"outlet-{number}"
        told = rng.sample(facts, k=int(sentences * 0.6))
        lines = [_tell(fact, rng) for fact in told]
        while len(lines) < sentences:
            lines.append(
                rng.choice(FILLER).format(
                    place=rng.choice(PLACES), thing=rng.choice(THINGS), day=rng.choice(DAYS)
                )
            )
        rng.shuffle(lines)
        items = tuple(
            Sentence(f"{article_id}-s{index}", article_id, index, index // 3, text)
            for index, text in enumerate(lines, 1)
        )
        articles.append(
            Article(article_id, f"{article_id}.txt", Source(article_id), "Headline", items, (), ())
        )
    return articles


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--outlets", type=int, default=6)
    options.add_argument("--sentences", type=int, default=40)
    options.add_argument("--repeat", type=int, default=5)
    args = options.parse_args()
    articles = story(args.outlets, args.sentences)
    times: list[float] = []
    cpu: list[float] = []
    claims = 0
    for _ in range(max(args.repeat, 1)):
        start, start_cpu = time.perf_counter(), time.process_time()
        claims = len(align(articles))
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    total = sum(len(a.sentences) for a in articles)
    # The first run is the honest figure for one build: later runs reuse the word-form cache.
    print(
        f"{args.outlets} outlets, {total} sentences, {claims} claims: first run {times[0]:.3f} s "
        f"(CPU {cpu[0]:.3f} s), best of {len(times)} {min(times):.3f} s (CPU {min(cpu):.3f} s)"
    )


if __name__ == "__main__":
    main()
