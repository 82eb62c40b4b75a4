"""Weights of the pair model, written by ``bench/fit_alignment.py --write``; do not edit by hand."""

WEIGHTS = {
    "dice": 8.9846,
    "containment": 2.7845,
    "shared_terms": 0.0917,
    "clause_dice": 1.8005,
    "quote": 0.7497,
    "quote_cover": 1.2399,
    "figures": 1.6206,
    "figure_conflict": 0.37,
    "withheld_conflict": -1.4454,
    "quote_conflict": -0.1507,
    "word_run": 0.2311,
    "position_gap": -0.9718,
    "length": 0.2039,
    "overlap_gap_near": -1.0026,
    "overlap_gap_far": 1.1503,
    "clause_gap_near": 0.1499,
    "clause_gap_far": 0.7307,
}
BIAS = -5.9345
LINK = 0.75
"""Lowest probability that links a pair: chosen for precision on held-out stories."""
WEAK = 0.3
"""Lowest probability that lets a pair sit in a claim another link started."""
