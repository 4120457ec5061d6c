"""Duplicate detection with realistic near-duplicates (same problem, other words) and near-misses (same building,
other problem; same words, other community; too old; already closed)."""

from datetime import datetime, timedelta

import pytest

from models.core.clock import simulated_time
from models.matching.loader import load_matcher
from models.requests import workflow
from models.requests.duplicates import find_duplicates
from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store.engine import session_scope
from models.store.tables import Area

NOW = datetime(2026, 6, 15, 10, 0)
W = Actor("王网格", "grid_worker")


@pytest.fixture
def scene(catalog_engine):
    with session_scope(catalog_engine) as s:
        street = Area(name="槐安街道", kind="street")
        s.add(street)
        s.flush()
        east, west = (
            Area(name="东社区", kind="community", parent_id=street.id),
            Area(name="西社区", kind="community", parent_id=street.id),
        )
        s.add_all([east, west])
        s.flush()
        g1, g2 = (
            Area(name="东社区第1网格", kind="grid", parent_id=east.id),
            Area(name="东社区第2网格", kind="grid", parent_id=east.id),
        )
        g3 = Area(name="西社区第1网格", kind="grid", parent_id=west.id)
        s.add_all([g1, g2, g3])
        s.flush()
        grids = {"g1": g1.id, "g2": g2.id, "g3": g3.id}

        def log(title: str, text: str, grid: str, code: str, days_ago: float) -> int:
            with simulated_time(NOW - timedelta(days=days_ago)):
                return log_request(s, W, title=title, text=text, area_id=grids[grid], item_code=code).request.id

        ids = {
            "light": log("5号楼东门路灯坏了", "晚上黑漆漆的，老人不敢出门", "g1", "JD-007", 3),
            "leak": log("楼上卫生间漏水", "我家天花板都泡了", "g2", "JD-003", 5),
            "parking": log("5号楼门口乱停车", "车把消防通道堵死了", "g1", "JD-010", 2),
            "other_community": log("5号楼门口路灯不亮", "好几天了", "g3", "JD-007", 1),
            "old": log("5号楼路灯又坏了", "", "g1", "JD-007", 45),
            "closed": log("5号楼门口路灯不亮", "", "g1", "JD-007", 4),
        }
        closed = s.get(workflow.Request, ids["closed"])
        workflow.accept(s, closed, W)
        workflow.reject(s, closed, W, "重复来电")
    return catalog_engine, grids, ids


def _found(engine, grids, title: str, text: str = "", grid: str = "g1") -> list[int]:
    with session_scope(engine) as s:
        return [d.id for d in find_duplicates(s, load_matcher(s), title=title, text=text, area_id=grids[grid], at=NOW)]


def test_same_problem_in_other_words_is_found(scene) -> None:
    engine, grids, ids = scene
    assert _found(engine, grids, "5号楼门口的路灯不亮好几天了") == [ids["light"]]
    assert _found(engine, grids, "楼上漏水渗到我家卫生间顶上", grid="g1") == [ids["leak"]]  # same community


def test_near_misses_are_not_offered(scene) -> None:
    engine, grids, ids = scene
    found = _found(engine, grids, "5号楼门口的路灯不亮好几天了")
    assert ids["parking"] not in found  # same building, different problem
    assert ids["other_community"] not in found  # same words, another community
    assert ids["old"] not in found  # older than 30 days
    assert ids["closed"] not in found  # no longer open
    assert _found(engine, grids, "5号楼门口电动车乱停") == [ids["parking"]]
    assert _found(engine, grids, "社区能不能组织老年人体检") == []


def test_duplicate_scores_and_merge_round_trip(scene) -> None:
    engine, grids, ids = scene
    with session_scope(engine) as s:
        new = log_request(s, W, title="5号楼门口路灯坏了", area_id=grids["g1"], item_code="JD-007").request
        (dup,) = find_duplicates(
            s,
            None,
            title=new.title,
            area_id=grids["g1"],
            item_code="JD-007",
            exclude_id=new.id,
            at=NOW + timedelta(hours=1),
        )
        assert dup.id == ids["light"] and dup.same_item and 60 <= dup.score <= 100
        target = s.get(workflow.Request, dup.id)
        workflow.merge(s, new, target, W)
        assert new.status == "merged"
        workflow.unmerge(s, new, W)
        assert new.status == "new"


def test_a_duplicate_offered_at_intake_shows_no_other_residents_phone_or_name(scene) -> None:
    """The worker at the intake sees the earlier request's title: its resident stays masked (issue 16, item 4)."""
    engine, grids, _ = scene
    with session_scope(engine) as s, simulated_time(NOW - timedelta(days=1)):
        log_request(s, W, title="张秀英反映6号楼路灯坏了，回电 139 1234 5678", area_id=grids["g1"], item_code="JD-007",
                    resident_name="张秀英", resident_phone="13912345678")  # fmt: skip
    with session_scope(engine) as s:
        found = find_duplicates(s, None, title="6号楼路灯坏了", area_id=grids["g1"], item_code="JD-007", at=NOW)
    shown = [d.title for d in found if "6号楼" in d.title]
    assert shown and all("张秀英" not in t and "1234 5678" not in t and "5678" in t for t in shown), shown
