"""Weights of the pair model, written by ``bench/fit_alignment.py --write``: not by hand."""

WEIGHTS = {
    "dice": 6.8755,
    "containment": 2.1444,
    "shared_terms": 0.0213,
    "clause_dice": 1.0106,
    "quote": 0.7552,
    "quote_cover": 1.4748,
    "figures": 1.2178,
    "figure_conflict": 0.1255,
    "withheld_conflict": -1.2971,
    "quote_conflict": 0.3601,
    "word_run": 0.1012,
    "position_gap": -0.7765,
    "length": 0.3371,
    "overlap_gap_near": -1.9335,
    "overlap_gap_far": 2.2434,
    "clause_gap_near": 2.0372,
    "clause_gap_far": 0.2783,
}
BIAS = -5.0418
LINK = 0.65
"""Lowest probability that links a pair: chosen for precision on held-out stories."""
WEAK = 0.3
"""Lowest probability that lets a pair sit in a claim another link started."""
