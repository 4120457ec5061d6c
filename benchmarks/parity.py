"""The hand-written matching algorithms against scikit-learn, beyond what tests/test_matching_parity.py can afford.

    python -m benchmarks.parity [--examples 10000 30000 100000]

- import cost: what the app would pay in every new process for the library equivalents;
- the catalog's department model alone, zero-shot on the 2,000 dev titles: ours (ComplementNB's formula) against
  MultinomialNB on the same TF-IDF rows and on raw counts, which is why it is the complement model;
- the SVM trainer at history sizes the tests cannot reach: histories grown (with the latency benchmark's rewordings)
  from 1,600 dev messages, scored on the other 400 messages as written; against LinearSVC with the same objective
  (hinge loss, C = 1/(alpha·n)) run to convergence, and LinearSVC as it comes.

Needs ../shared/data (or XINSHENG_SHARED_DATA) and the `bench` extra.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from models.core.text import normalize, strip_filler
from models.matching.engine import ItemInfo, Matcher
from models.matching.history_index import NB_ALPHA, SVM_ALPHA, svm_objective, train_linear, training_passes

DATA = Path(os.environ.get("XINSHENG_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
SEED = 2026


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def reference_svm(rows: int) -> Any:
    """LinearSVC set to train_linear's objective for this many rows (its docstring), run to convergence."""
    from sklearn.svm import LinearSVC

    return LinearSVC(loss="hinge", C=1.0 / (SVM_ALPHA * rows), tol=1e-5, max_iter=100_000)


def imports() -> None:
    print("\nImport time in a new process, numpy already imported (median of 3)")
    for module in ("scipy.sparse", "sklearn.feature_extraction.text", "sklearn.linear_model", "sklearn.naive_bayes"):
        code = f"import time, numpy; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
        runs = sorted(
            float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(3)
        )
        print(f"  {module:<36}{runs[1]:.2f} s")


def catalog_model(dev: list[dict[str, str]]) -> None:
    from sklearn.naive_bayes import MultinomialNB

    items = [
        ItemInfo(r["code"], r["name"], r["category"], r["department"], r["duty"]) for r in _rows("taxonomy_catalog.csv")
    ]
    model = Matcher(items)._catalog_model
    features, labels = model.weighted_rows(), model.dept_of
    queries = model.query_rows([strip_filler(normalize(r["title"])) or normalize(r["title"]) for r in dev])
    gold = np.asarray([model.departments.index(r["label"]) for r in dev])
    ours = np.asarray(queries @ model._class_weights.astype(np.float64) + model._class_bias).argmax(axis=1)
    tfidf = MultinomialNB(alpha=NB_ALPHA).fit(features, labels).predict(queries)
    counts = MultinomialNB(alpha=NB_ALPHA).fit(model.counts, labels).predict(queries)
    print("\nThe catalog's department model alone, zero-shot top-1 on the 2,000 dev titles")
    for name, predicted in (
        ("ours = ComplementNB(norm=False) on TF-IDF rows", ours),
        ("MultinomialNB on the same TF-IDF rows", tfidf),
        ("MultinomialNB on raw n-gram counts", counts),
    ):
        print(f"  {name:<48}{float((predicted == gold).mean()):.3f}")


def svm_at_scale(dev: list[dict[str, str]], sizes: list[int]) -> None:
    import opencc
    from sklearn.svm import LinearSVC

    from benchmarks.matching import _variation

    items = [
        ItemInfo(r["code"], r["name"], r["category"], r["department"], r["duty"]) for r in _rows("taxonomy_catalog.csv")
    ]
    to_traditional = opencc.OpenCC("s2t").convert
    rng = random.Random(SEED)
    order = list(range(len(dev)))
    rng.shuffle(order)
    held, pool = [dev[i] for i in order[:400]], [dev[i] for i in order[400:]]
    print("\nSVM trainer: history grown from 1,600 messages, top-1 on the 400 others as written")
    print("  the department model alone: objective ours / the same objective by LinearSVC, accuracy ours / that /")
    print("  LinearSVC(), agreement of the first two; training seconds of the three; Matcher.match department top-1")
    print("  with our weights / the reference's")
    for size in sizes:
        examples = []
        for _ in range(size):
            source = rng.choice(pool)
            text = source["title"] + (source["text"][:60] if rng.random() < 0.3 else "")
            examples.append((_variation(rng, text, to_traditional), None, source["label"]))
        matcher = Matcher(items, examples)
        index = matcher.history
        features, labels = index.weighted_rows(), index.dept_of.astype(np.int64)
        queries = index.query_rows([normalize(r["title"]) for r in held])
        gold = np.asarray([index.departments.index(r["label"]) for r in held])
        passes = training_passes(size)
        started = time.perf_counter()
        weights, bias = train_linear(features, labels, len(index.departments))
        ours_time = time.perf_counter() - started
        started = time.perf_counter()
        reference = reference_svm(size).fit(features, labels)
        reference_time = time.perf_counter() - started
        started = time.perf_counter()
        svc = LinearSVC().fit(features, labels)
        svc_time = time.perf_counter() - started
        ours = np.asarray(queries @ weights + bias).argmax(axis=1)
        theirs, anchor = reference.predict(queries), svc.predict(queries)
        objective = [
            svm_objective(features, labels, weights.astype(np.float64), bias),
            svm_objective(features, labels, reference.coef_.T, reference.intercept_),
        ]
        accuracy = [float((p == gold).mean()) for p in (ours, theirs, anchor)]
        matched = [float(np.mean([matcher.match(r["title"]).department == r["label"] for r in held]))]
        index._class_weights, index._class_bias = reference.coef_.T.astype(np.float32), reference.intercept_
        index._memo = None
        matched.append(float(np.mean([matcher.match(r["title"]).department == r["label"] for r in held])))
        print(
            f"  {size:>7,} examples (at most {passes} passes): "
            f"objective {objective[0]:.4f} / {objective[1]:.4f}, "
            f"accuracy {accuracy[0]:.3f} / {accuracy[1]:.3f} / {accuracy[2]:.3f}, "
            f"agreement {float((ours == theirs).mean()):.3f}\n"
            f"  {'':>7}          training {ours_time:.1f} / {reference_time:.1f} / {svc_time:.1f} s, "
            f"Matcher.match {matched[0]:.3f} / {matched[1]:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, nargs="*", default=[10_000, 30_000, 100_000])
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"development data not found at {DATA} (set XINSHENG_SHARED_DATA)")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        sys.exit('scikit-learn is missing: pip install -e ".[bench]"')
    python = sys.version.split()[0]
    print(f"xinsheng parity benchmark · {time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores · Python {python}")
    dev = _rows("tipdm_dev_2000.csv")
    imports()
    catalog_model(dev)
    svm_at_scale(dev, args.examples)


if __name__ == "__main__":
    main()
