"""A site's own history judges itself: when its index is built, part of it is held out, matched against the rest,
and the answers decide (1) how far history outweighs the catalog, (2) how much a department that never received a
confirmed routing keeps of its catalog score, and (3) what a match's score means as a probability (Platt scaling).

Nothing here is fitted to the development data: every choice is made again on each site's own confirmations, by
cross-validation, when the index is (re)built. Below MIN_ROUTINGS confirmations there is too little to judge by,
and the defaults of Fusion hold, with the PRIOR calibration.

Cost: at most SAMPLE held-out routings are matched against histories of at most TRAIN_CAP others, FOLDS times (a
few seconds, once per rebuild; the cached index keeps the result).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np

from models.matching.fusion import features, fuse, top_department
from models.matching.history_index import Fusion, HistoryIndex

if TYPE_CHECKING:
    from models.matching.fusion import Evidence


class Matching(Protocol):
    """The matcher as calibration uses it (models.matching.engine.Matcher)."""

    def evidence(self, text: str, history: HistoryIndex, body: str = "") -> Evidence | None: ...


MIN_ROUTINGS = 200
PLATT_L2 = 1.0
SAMPLE = 500
TRAIN_CAP = 5000
FOLDS = 5
HISTORY_WEIGHTS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
UNSEEN = (1.0, 0.5, 0.2)


def calibrate(matcher: Matching, texts: Sequence[str], labels: Sequence[tuple[str | None, str | None]]) -> Fusion:
    labelled = [i for i, (_, department) in enumerate(labels) if department]
    if len(labelled) < MIN_ROUTINGS:
        return Fusion()
    rng = np.random.default_rng(len(labelled))  # the same history always makes the same choice
    order = rng.permutation(labelled)
    held = order[:SAMPLE]
    gathered: list[tuple[Evidence, str, frozenset[str]]] = []
    for fold in range(FOLDS):
        out = set(held[fold::FOLDS].tolist())
        others = [i for i in order.tolist() if i not in out][:TRAIN_CAP]
        history = HistoryIndex.build([texts[i] for i in others], [labels[i] for i in others])
        known = history.known_departments()
        for i in sorted(out):
            evidence = matcher.evidence(texts[i], history)
            department = labels[i][1]
            if evidence is not None and department:
                gathered.append((evidence, department, known))
    best_choice, best_right = Fusion(), -1
    for weight in HISTORY_WEIGHTS:
        for unseen in UNSEEN:
            fusion = Fusion(weight, unseen)
            right = sum(top_department(fuse(e, fusion, known)[0]) == truth for e, truth, known in gathered)
            if right > best_right:  # ties keep the earlier (weaker) choice
                best_choice, best_right = fusion, right
    inputs, outcomes = [], []
    for evidence, truth, known in gathered:
        combined = fuse(evidence, best_choice, known)[0]
        inputs.append(features(combined, evidence.posterior))
        outcomes.append(float(top_department(combined) == truth))
    # L2 of 1 (scikit-learn LogisticRegression's default strength): the score and its lead move together, and
    # unregularized their weights swung by ±2 between folds (on the demo to −11 and +24); this costs 0.002 of
    # calibration error out of fold (benchmarks/README.md)
    a, b, c, d = fit_logistic(np.asarray(inputs), np.asarray(outcomes), l2=PLATT_L2)
    return Fusion(best_choice.history_weight, best_choice.unseen, (a, b, c, d), len(labelled))


def fit_logistic(inputs: np.ndarray, outcomes: np.ndarray, l2: float = 1e-3) -> tuple[float, ...]:
    """Logistic regression by Newton's method (Platt scaling over several inputs; the last weight is the intercept),
    a little L2 so a history that is always right (or always wrong) still gives finite weights."""
    x = np.hstack([inputs, np.ones((len(inputs), 1))])
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - outcomes) + l2 * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return tuple(float(v) for v in w)
