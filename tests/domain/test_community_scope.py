"""A community worker handles the street's duties in their community, not a district unit's work (issue 15's
walkthrough: 丁艳 signed and resolved a request dispatched to 区卫健委)."""

from __future__ import annotations

import pytest

from models.catalog.departments import get_or_create_department
from models.core.errors import PermissionDenied
from models.requests import workflow
from models.requests.intake import log_request
from models.requests.queries import request_detail
from models.requests.workflow import Actor
from models.store.engine import session_scope
from tests.conftest import area_chain

ADMIN = Actor("管理员", "admin")


def _sent_to(engine, unit: str, level: str) -> tuple[int, Actor]:
    with session_scope(engine) as session:
        _street, community, grid = area_chain(session, "槐安街道", "东社区", "第1网格")
        department = get_or_create_department(session, unit, level)
        request = log_request(session, ADMIN, title="楼道灯不亮", area_id=grid.id, item_code="JD-007").request
        workflow.accept(session, request, ADMIN)
        workflow.dispatch(session, request, ADMIN, department_id=department.id)
        assert request.id is not None and community.id is not None and grid.id is not None
        return request.id, Actor("丁艳", "community", area_ids=frozenset({community.id, grid.id}))


def test_a_community_worker_cannot_sign_or_resolve_a_district_units_work(catalog_engine) -> None:
    request_id, community = _sent_to(catalog_engine, "区卫健委", "district")
    with session_scope(catalog_engine) as session:
        assert "sign" not in request_detail(session, request_id, community).actions
        request = workflow.get_request(session, request_id)
        with pytest.raises(PermissionDenied, match=r"派给了区卫健委.*社区工作者只办理街道和社区的事项"):
            workflow.sign(session, request, community)
    with session_scope(catalog_engine) as session:  # the unit's own handler still can
        request = workflow.get_request(session, request_id)
        workflow.sign(session, request, Actor("卫健承办", "department", department_id=request.department_id))
        assert request.status == "in_progress"
        with pytest.raises(PermissionDenied):
            workflow.resolve(session, request, community, "已处理", hours=1)


@pytest.mark.parametrize("level", ["street", "community"])
def test_a_community_worker_handles_the_streets_and_the_communitys_own_duties(catalog_engine, level: str) -> None:
    request_id, community = _sent_to(catalog_engine, "街道城管科" if level == "street" else "东社区居委会", level)
    with session_scope(catalog_engine) as session:
        assert "sign" in request_detail(session, request_id, community).actions
        request = workflow.get_request(session, request_id)
        workflow.sign(session, request, community)
        workflow.resolve(session, request, community, "已修好", hours=1)
        assert request.status == "resolved"


def test_my_work_lists_only_what_a_community_worker_may_take_on(catalog_engine) -> None:
    from models.requests.queries import list_requests

    district_id, community = _sent_to(catalog_engine, "区卫健委", "district")
    with session_scope(catalog_engine) as session:
        _, _, grid = area_chain(session, "槐安街道", "东社区", "第2网格")
        street = get_or_create_department(session, "街道城管科", "street")
        request = log_request(session, ADMIN, title="垃圾桶满了", area_id=grid.id, item_code="JD-007").request
        workflow.accept(session, request, ADMIN)
        workflow.dispatch(session, request, ADMIN, department_id=street.id)
        street_id = request.id
    community = Actor(community.name, "community", area_ids=community.area_ids | {grid.id})
    with session_scope(catalog_engine) as session:
        mine = {row.id for row in list_requests(session, "mine", None, actor=community)}
    assert street_id in mine and district_id not in mine
