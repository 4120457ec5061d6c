"""A district's places: set up from the command line, and the many 第1网格 told apart everywhere they are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.core.errors import UserError
from models.people.areas import add_area_chain, display_names, find_area, list_areas
from models.people.permissions import actor_for, add_operator, list_operators
from models.requests.queries import list_grids
from models.store.engine import session_scope
from models.store.tables import Area
from tests.cli.test_cli import invoke


def test_two_grids_of_the_same_name_in_two_communities(engine) -> None:
    with session_scope(engine) as s:
        assert add_area_chain(s, "槐安街道", "东社区", "第1网格") == [
            "槐安街道",
            "槐安街道/东社区",
            "槐安街道/东社区/第1网格",
        ]
        assert add_area_chain(s, "槐安街道", "西社区", "第1网格") == ["槐安街道/西社区", "槐安街道/西社区/第1网格"]
        assert add_area_chain(s, "槐安街道", "西社区", "第1网格") == []  # a setup script may run twice
        add_area_chain(s, "和平街道", "南社区", "第2网格")
        with pytest.raises(UserError, match="有 2 个网格"):
            find_area(s, "第1网格", "grid")
        east = find_area(s, "东社区/第1网格", "grid")
        west = find_area(s, "槐安街道/西社区/第1网格", "grid")
        assert east.id != west.id and find_area(s, "第2网格", "grid").name == "第2网格"
        with pytest.raises(UserError, match="没有名为 “北社区/第1网格” 的网格"):
            find_area(s, "北社区/第1网格", "grid")
        shown = display_names(s, "grid")
        assert shown[east.id] == "东社区/第1网格" and shown[west.id] == "西社区/第1网格"
        assert sorted(shown.values()) == ["东社区/第1网格", "第2网格", "西社区/第1网格"]
        assert [name for _, name in list_grids(s)] == sorted(shown.values())
        add_operator(s, "甲", "grid_worker", area="东社区/第1网格")
        add_operator(s, "乙", "grid_worker", area="西社区/第1网格")
        assert actor_for(s, "乙").area_ids == frozenset({west.id})
        assert {o.name: o.place for o in list_operators(s)} == {"甲": "东社区/第1网格", "乙": "西社区/第1网格"}
        assert [a.path for a in list_areas(s)][:2] == ["和平街道", "和平街道/南社区"]
        s.add(Area(name="第9网格", kind="grid"))  # as an import that named only a grid leaves it
        s.flush()
        with pytest.raises(UserError, match="“第9网格” 已登记为网格，不能再作街道"):
            add_area_chain(s, "第9网格")


def test_areas_from_the_command_line(tmp_path: Path) -> None:
    from tests.accounts import cli_first_admin

    db = tmp_path / "areas.db"
    cli_first_admin(str(db))  # places and accounts are an administrator's
    assert invoke(db, "areas", "add", "槐安街道", "东社区", "第1网格").exit_code == 0
    assert invoke(db, "areas", "add", "槐安街道", "西社区", "第1网格").exit_code == 0
    refused = invoke(db, "operators", "add", "甲", "--role", "grid_worker", "--area", "第1网格")
    assert refused.exit_code == 2 and "请写出上一级" in refused.stderr
    assert invoke(db, "operators", "add", "甲", "--role", "grid_worker", "--area", "西社区/第1网格").exit_code == 0
    listed = invoke(db, "areas", "list")
    assert "网格  槐安街道/西社区/第1网格" in listed.stdout
    assert "西社区/第1网格" in invoke(db, "operators", "list").stdout
    bad = invoke(db, "areas", "add", "槐安街道", "东/社区")
    assert bad.exit_code == 2 and "“/”" in bad.stderr
