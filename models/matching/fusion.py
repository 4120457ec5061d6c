"""Weighing the catalog against a site's history, and what the result's score means as a probability.

Kept apart from the matcher (models.matching.engine gathers the evidence) and from calibration (which chooses the
weights on a site's own history), so both use one definition of how evidence becomes an answer.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from models.matching.history_index import Fusion

# share of the history evidence given to the department model (the rest: votes of the nearest examples)
MODEL_SHARE = 0.7
# a nearest confirmed example at least this similar (cosine) gives the history its full weight
FULL_TRUST_SIMILARITY = 0.1


@dataclass(frozen=True)
class Evidence:
    """What Matcher.evidence gathers for one text (see there)."""

    query: str
    ranked: list[tuple[int, float]]  # catalog items (as suggested), best first
    came_from: dict[int, int]
    keyword_hits: dict[int, list[str]]
    dept_catalog: dict[str, float]  # the catalog's say per department, in [0, 1]
    dept_votes: dict[str, float]  # similarity-weighted votes of the nearest confirmed requests
    dept_counts: dict[str, int]
    posterior: dict[str, float]  # the history's department model
    history_strength: float  # cosine of the nearest confirmed request
    model_rank: tuple[str, ...] = ()  # departments by the history's department model, best first ((): no reading)


def fuse(evidence: Evidence, fusion: Fusion, known: frozenset[str]) -> tuple[dict[str, float], float]:
    """Each department's combined score, and the history's share in it.

    History earns its share by similarity (the nearest confirmed request), up to fusion.history_weight, which a
    site's own history chooses (models.matching.calibration). Once history is substantial, a department that never
    received a confirmed routing keeps only fusion.unseen of its catalog score: on real sets such departments took
    about a fifth of the catalog-only answers, all wrong (issue 17).
    """
    votes = evidence.dept_votes
    history_weight = (
        fusion.history_weight * min(1.0, evidence.history_strength / FULL_TRUST_SIMILARITY) if votes else 0.0
    )
    vote_total = sum(votes.values()) or 1.0
    combined: dict[str, float] = defaultdict(float)
    for department, score in evidence.dept_catalog.items():
        prior = 1.0 if not known or department in known else fusion.unseen
        combined[department] += (1.0 - history_weight) * score * prior
    for department, vote in votes.items():
        combined[department] += history_weight * (1.0 - MODEL_SHARE) * vote / vote_total
    for department, probability in evidence.posterior.items():
        combined[department] += history_weight * MODEL_SHARE * probability
    return combined, history_weight


def department_order(combined: dict[str, float], model_rank: Sequence[str]) -> list[str]:
    """Every candidate department, each once, best first: the combined score's best, then the others as the history's
    department model ranks them, then those it has no margin for (no confirmed routing) by the combined score.

    The fused score picks the answer; the runner-ups come from the model because the catalog, whose say in the fused
    score is needed for the first place, ranks the second and third worse than the model does. Top-3 over 15
    held-out folds of the development data: 0.972 against 0.963 with the fused order, level with LinearSVC (0.972);
    at 500 confirmed routings 0.954 against 0.945 (issue 17, benchmarks/README.md). With no history, or a query it
    cannot read, the order is the fused score's.
    """
    ordered = sorted(combined, key=combined.__getitem__, reverse=True)
    if not ordered or not model_rank:
        return ordered
    first = ordered[0]
    tail = [department for department in model_rank if department != first and department in combined]
    listed = {first, *tail}
    return [first, *tail, *(department for department in ordered if department not in listed)]


def top_department(combined: dict[str, float]) -> str | None:
    return max(combined.items(), key=lambda kv: kv[1])[0] if combined else None


def best_and_lead(combined: dict[str, float]) -> tuple[float, float]:
    scores = sorted(combined.values(), reverse=True) or [0.0]
    return scores[0], scores[0] - (scores[1] if len(scores) > 1 else 0.0)


# with no history to judge by: P(right) = σ(a·best + b·lead + c), the same logistic regression fitted to the
# catalog-only answers for the 2,000 development titles (0.59 of them right), rounded. Fitted on one half and
# scored on the other, the error is 0.049 and 0.022 (expected calibration error, ten bins); a site's own history
# replaces it as soon as it has MIN_ROUTINGS confirmations
PRIOR = (1.8, 2.9, -1.7)  # (best, lead, intercept)


def features(combined: dict[str, float], posterior: dict[str, float]) -> tuple[float, float, float]:
    """What a match's confidence is read from: the best combined score, its lead over the second, and the logit of
    the history's department model for that department. The model's own certainty ranks answers best (alone, at
    80% coverage, as well as LinearSVC's margin); with the lead and the score it ranks them better than either."""
    best, lead = best_and_lead(combined)
    top = top_department(combined)
    p = min(1.0 - 1e-4, max(1e-4, posterior.get(top, 0.0) if top else 0.0))
    return best, lead, math.log(p / (1.0 - p))


def confidence(fusion: Fusion, best: float, lead: float, model_logit: float) -> float:
    """P(the department is right): the site's own Platt scaling once it has history, PRIOR before."""
    if fusion.platt:
        a, b, c, d = fusion.platt
        z = a * best + b * lead + c * model_logit + d
    else:
        a, b, d = PRIOR
        z = a * best + b * lead + d
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
