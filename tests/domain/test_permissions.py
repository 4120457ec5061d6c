"""Roles and reach, enforced in the domain layer: each role tries what it may and what it may not."""

from __future__ import annotations

import pytest

from models.people.permissions import (
    ROLE_ACTIONS,
    Actor,
    PermissionDenied,
    actor_for,
    add_operator,
    list_operators,
    may,
)
from models.requests import workflow
from models.requests.intake import log_request
from models.requests.queries import count_requests, list_requests, request_detail
from models.store.engine import session_scope
from models.store.tables import Department, Request
from tests.conftest import area_chain

ADMIN = Actor("管理员")


@pytest.fixture
def people(catalog_engine):
    """Two communities with grids, a worker in each place, two department handlers, a supervisor."""
    from models.store.tables import Area

    with session_scope(catalog_engine) as s:
        street, east, east_1 = area_chain(s, "和平街道", "东社区", "东一网格")
        east_2 = Area(name="东二网格", kind="grid", parent_id=east.id)
        west = Area(name="西社区", kind="community", parent_id=street.id)
        s.add_all([east_2, west])
        s.flush()
        west_1 = Area(name="西一网格", kind="grid", parent_id=west.id)
        s.add(west_1)
        s.flush()
        add_operator(s, "王东一", "grid_worker", area="东一网格")
        add_operator(s, "李西一", "grid_worker", area="西一网格")
        add_operator(s, "赵东社区", "community", area="东社区")
        add_operator(s, "水务局·钱", "department", department="区水务局")
        add_operator(s, "城管执法·孙", "department", department="区城管执法局")
        add_operator(s, "周主任", "supervisor")
        grids = {"东一": east_1.id, "东二": east_2.id, "西一": west_1.id}
    return catalog_engine, grids


def _leak(s, grids, grid: str = "东一") -> Request:
    """A leaking pipe (JD-003, now the water bureau's) logged by an administrator in that grid."""
    return log_request(s, ADMIN, title="楼上水管漏水", item_code="JD-003", area_id=grids[grid]).request


def test_actor_for_gives_each_role_its_reach(people) -> None:
    engine, grids = people
    with session_scope(engine) as s:
        assert actor_for(s, "王东一").area_ids == {grids["东一"]}
        community = actor_for(s, "赵东社区")
        assert community.area_ids is not None and {grids["东一"], grids["东二"]} <= community.area_ids
        assert grids["西一"] not in community.area_ids
        water = s.exec(Department.__table__.select().where(Department.name == "区水务局")).first()
        assert actor_for(s, "水务局·钱").department_id == water.id
        assert actor_for(s, "周主任").sees_everything
        with pytest.raises(PermissionDenied, match="没有登记的操作员"):
            actor_for(s, "路人甲")
        assert [o.role for o in list_operators(s)][:2] == ["grid_worker", "grid_worker"]
        from models.requests.queries import list_grids

        assert [name for _, name in list_grids(s, community)] == ["东一网格", "东二网格"]
        assert [name for _, name in list_grids(s, actor_for(s, "王东一"))] == ["东一网格"]
        assert len(list_grids(s, actor_for(s, "周主任"))) == 3


def test_a_grid_worker_logs_and_dispatches_in_their_own_grid_only(people) -> None:
    engine, grids = people
    with session_scope(engine) as s:
        worker = actor_for(s, "王东一")
        mine = log_request(s, worker, title="楼上水管漏水", item_code="JD-003", area_id=grids["东一"]).request
        with pytest.raises(PermissionDenied, match="只能登记自己负责网格"):
            log_request(s, worker, title="西边的路灯", item_code="JD-007", area_id=grids["西一"])
        workflow.accept(s, mine, worker)
        workflow.dispatch(s, mine, worker)
        with pytest.raises(PermissionDenied, match="网格员不能签收办理"):
            workflow.sign(s, mine, worker)
        theirs = _leak(s, grids, "西一")
        with pytest.raises(PermissionDenied, match="不是在您负责的网格"):
            workflow.accept(s, theirs, worker)
        assert theirs.status == "new" and theirs.version == 1  # refused before anything changed


def test_a_department_handles_only_what_was_dispatched_to_it(people) -> None:
    engine, grids = people
    with session_scope(engine) as s:
        water, enforcement = actor_for(s, "水务局·钱"), actor_for(s, "城管执法·孙")
        leak = _leak(s, grids)
        workflow.accept(s, leak, ADMIN)
        assert count_requests(s, actor=water) == 0  # routed to the bureau, not yet dispatched: not its work yet
        workflow.dispatch(s, leak, ADMIN)
        assert [r.ref for r in list_requests(s, actor=water)] == [leak.ref]
        assert count_requests(s, actor=enforcement) == 0
        with pytest.raises(PermissionDenied, match="不是派给本单位"):
            workflow.sign(s, leak, enforcement)
        with pytest.raises(PermissionDenied, match="部门承办人不能登记诉求"):
            log_request(s, water, title="又漏了", item_code="JD-003", area_id=grids["东一"])
        workflow.sign(s, leak, water)
        workflow.request_extension(s, leak, water, 3, "要等配件")
        with pytest.raises(PermissionDenied, match="不能批准延期"):
            workflow.transition(s, leak, "extend", water)
        workflow.resolve(s, leak, water, "已更换水管")
        with pytest.raises(PermissionDenied, match="部门承办人不能回访评价"):
            workflow.callback(s, leak, water, satisfaction="satisfied")
        with pytest.raises(PermissionDenied, match="不在您的工作范围"):
            request_detail(s, _leak(s, grids).id, actor=water)


def test_community_workers_reach_every_grid_of_their_community(people) -> None:
    engine, grids = people
    with session_scope(engine) as s:
        community = actor_for(s, "赵东社区")
        east_1, east_2, west_1 = (_leak(s, grids, g) for g in ("东一", "东二", "西一"))
        assert {r.ref for r in list_requests(s, actor=community)} == {east_1.ref, east_2.ref}
        assert count_requests(s, actor=actor_for(s, "王东一")) == 1
        assert count_requests(s, actor=actor_for(s, "周主任")) == 3
        workflow.accept(s, east_2, community)
        with pytest.raises(PermissionDenied):
            workflow.accept(s, west_1, community)
        detail = request_detail(s, east_2.id, actor=community)
        assert "dispatch" in detail.actions and "extend" not in detail.actions


def test_the_detail_offers_only_the_actions_the_role_may_take(people) -> None:
    engine, grids = people
    with session_scope(engine) as s:
        leak = _leak(s, grids)
        workflow.accept(s, leak, ADMIN)
        workflow.dispatch(s, leak, ADMIN)
        handler = actor_for(s, "水务局·钱")
        assert request_detail(s, leak.id, actor=handler).actions == ["sign", "return", "pause", "extension_requested"]
        workflow.pause(s, leak, handler, "resident", "等居民在家")
        assert request_detail(s, leak.id, actor=handler).actions == ["sign", "return", "resume", "extension_requested"]
        assert "sign" not in request_detail(s, leak.id, actor=actor_for(s, "王东一")).actions


@pytest.mark.parametrize("role", sorted(ROLE_ACTIONS))
def test_every_role_is_refused_every_action_it_lacks(people, role: str) -> None:
    """Each action the role lacks, tried on a request in the operator's own reach, is refused by the domain."""
    engine, grids = people
    names = {"grid_worker": "王东一", "community": "赵东社区", "department": "水务局·钱", "supervisor": "周主任"}
    with session_scope(engine) as s:
        actor = actor_for(s, names[role]) if role in names else ADMIN
        for action in sorted(workflow.ALLOWED_FROM):
            leak = _leak(s, grids)
            workflow.accept(s, leak, ADMIN)
            workflow.dispatch(s, leak, ADMIN)  # in the grid worker's grid and dispatched to the handler's unit
            if may(actor, action):
                continue
            before = leak.version
            with pytest.raises(PermissionDenied):
                workflow.transition(s, leak, action, actor)
            assert leak.version == before


def test_revealing_a_residents_phone_needs_reach_and_a_reason_and_is_audited(people) -> None:
    from sqlmodel import select

    from models.core.errors import UserError
    from models.requests.personal_data import reveal_contact
    from models.store.tables import AuditEvent

    engine, grids = people
    with session_scope(engine) as s:
        mine = log_request(
            s, ADMIN, title="楼上漏水", item_code="JD-003", area_id=grids["东一"], resident_phone="13812345678"
        ).request
        worker, other_grid, unit = actor_for(s, "王东一"), actor_for(s, "李西一"), actor_for(s, "水务局·钱")
        with pytest.raises(UserError, match="用途"):
            reveal_contact(s, mine.id, worker, " ")
        for outsider in (other_grid, unit):  # another grid; a unit the request was not dispatched to
            with pytest.raises(PermissionDenied, match="不能查看居民联系方式"):
                reveal_contact(s, mine.id, outsider, "回访")
        assert reveal_contact(s, mine.id, worker, "回访居民").phone == "13812345678"
        audits = s.exec(select(AuditEvent)).all()
    assert [(a.actor, a.action) for a in audits] == [("王东一", "reveal_personal_data")]
    assert "回访居民" in audits[0].detail and mine.ref in audits[0].detail
