"""Weights of the pair model, written by ``bench/fit_alignment.py --write``: not by hand."""

FIRST_WEIGHTS = {
    "dice": 6.8811,
    "containment": 2.1289,
    "shared_terms": 0.0201,
    "clause_dice": 1.0044,
    "quote": 0.7371,
    "quote_cover": 1.457,
    "figures": 1.2204,
    "figure_conflict": 0.1283,
    "withheld_conflict": -1.3054,
    "quote_conflict": 0.3501,
    "word_run": 0.1021,
    "position_gap": -0.7461,
    "length": 0.3267,
    "overlap_gap_near": -1.6968,
    "overlap_gap_far": 2.0875,
    "clause_gap_near": 1.9377,
    "clause_gap_far": 0.323,
}
FIRST_BIAS = -4.9893
"""The first stage: a pair's own measurements; its probabilities measure neighbours."""
WEIGHTS = {
    "dice": 6.4385,
    "containment": 2.0473,
    "shared_terms": 0.0597,
    "clause_dice": 0.5263,
    "quote": 0.5656,
    "quote_cover": 1.6194,
    "figures": 1.3235,
    "figure_conflict": 0.3405,
    "withheld_conflict": -1.1792,
    "quote_conflict": 0.2791,
    "word_run": 0.0979,
    "position_gap": -0.4133,
    "length": 0.208,
    "overlap_gap_near": -0.0011,
    "overlap_gap_far": 1.7285,
    "clause_gap_near": 1.0394,
    "clause_gap_far": 0.5142,
    "neighbours": 2.0443,
}
BIAS = -4.493
LINK = 0.65
"""Lowest probability that links a pair: chosen for precision on held-out stories."""
WEAK = 0.35
"""Lowest probability that lets a pair sit in a claim another link started."""
