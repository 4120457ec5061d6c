"""The matcher on the development data (real citizen messages), as a site would meet it: zero-shot from the
catalog, and learning from confirmed history, cross-validated."""

import csv
import random

from models.matching.engine import ItemInfo, Matcher
from tests.conftest import shared_file


def _dev_rows() -> list[dict[str, str]]:
    with shared_file("tipdm_dev_2000.csv").open(encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _taxonomy() -> list[ItemInfo]:
    with shared_file("taxonomy_catalog.csv").open(encoding="utf-8-sig") as fh:
        return [ItemInfo(r["code"], r["name"], r["category"], r["department"], r["duty"]) for r in csv.DictReader(fh)]


def test_zero_shot_accuracy_on_real_messages_stays_above_the_brute_force_level() -> None:
    """Regression guard on real data: brute-force WRatio scores about 0.44 top-1 on this set."""
    m = Matcher(_taxonomy())
    rows = _dev_rows()
    hits = sum(m.match(r["title"]).department == r["label"] for r in rows)
    assert hits / len(rows) >= 0.44


def test_learning_from_history_cross_validated() -> None:
    """5-fold cross-validation: four folds as confirmed history, the fifth matched."""
    items, rows = _taxonomy(), _dev_rows()
    order = list(range(len(rows)))
    random.Random(7).shuffle(order)
    accuracies = []
    for fold in range(5):
        test = set(order[fold::5])
        m = Matcher(
            items,
            ((rows[i]["title"] + rows[i]["text"], None, rows[i]["label"]) for i in order if i not in test),
        )
        accuracies.append(sum(m.match(rows[i]["title"]).department == rows[i]["label"] for i in test) / len(test))
    assert sum(accuracies) / 5 >= 0.72
