"""Weights of the pair model, written by ``bench/fit_alignment.py --write``: not by hand."""

WEIGHTS = {
    "dice": 9.4806,
    "containment": 2.6642,
    "shared_terms": 0.0515,
    "clause_dice": 2.4553,
    "quote": 0.5851,
    "quote_cover": 1.7349,
    "figures": 1.6883,
    "figure_conflict": 0.3954,
    "withheld_conflict": -1.4604,
    "quote_conflict": -0.1298,
    "word_run": 0.2216,
    "position_gap": -0.8816,
    "length": 0.2804,
    "overlap_gap_near": -0.9961,
    "overlap_gap_far": 1.1029,
    "clause_gap_near": 0.3578,
    "clause_gap_far": 0.8134,
}
BIAS = -6.4778
LINK = 0.75
"""Lowest probability that links a pair: chosen for precision on held-out stories."""
WEAK = 0.3
"""Lowest probability that lets a pair sit in a claim another link started."""
