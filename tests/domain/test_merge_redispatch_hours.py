"""What the request detail found wrong in the domain: a merge into finished work, a 退单's evidence lost at the next
dispatch, and the hours of a first 办结 lost after 重办."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlmodel import col, select

from models.core.clock import now, simulated_time
from models.core.errors import UserError, WorkflowError
from models.requests import workflow
from models.requests.intake import log_request
from models.requests.queries import merge_target, request_by_ref, request_detail
from models.requests.workflow import Actor
from models.store.engine import session_scope
from models.store.tables import CatalogItem, Department, Request, RequestEvent
from tests.conftest import area_chain, take_on

DISPATCHER = Actor("调度")
CLERK = Actor("承办人")


def _events(session, request: Request) -> list[RequestEvent]:
    query = select(RequestEvent).where(RequestEvent.request_id == request.id).order_by(col(RequestEvent.id))
    return list(session.exec(query).all())


def _department(session, name: str) -> Department:
    return session.exec(select(Department).where(Department.name == name)).one()


def _closed(session, title: str) -> Request:
    request = log_request(session, DISPATCHER, title=title, item_code="JD-007").request
    take_on(session, request, DISPATCHER)
    workflow.resolve(session, request, CLERK, "已修好")
    workflow.callback(session, request, DISPATCHER, satisfaction="satisfied")
    return request


def test_a_duplicate_is_merged_only_into_work_still_being_done(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        closed = _closed(s, "路灯不亮（去年已修）")
        rejected = log_request(s, DISPATCHER, title="看不清写的什么", item_code="JD-007").request
        workflow.reject(s, rejected, DISPATCHER, "内容不清")
        master = log_request(s, DISPATCHER, title="3号楼路灯坏了", item_code="JD-007").request
        merged = log_request(s, DISPATCHER, title="3号楼门口灯不亮", item_code="JD-007").request
        workflow.merge(s, merged, master, DISPATCHER)
        resolved = log_request(s, DISPATCHER, title="5号楼路灯坏了", item_code="JD-007").request
        take_on(s, resolved, DISPATCHER)
        workflow.resolve(s, resolved, CLERK, "已换灯泡")
        new = log_request(s, DISPATCHER, title="路灯又不亮了", item_code="JD-007").request

        for target, refusal in (
            (closed, "为“已回访”，已不再办理"),
            (rejected, "为“不予受理”，已不再办理"),
            (merged, "本身已被合并"),
        ):
            before = len(_events(s, new)), len(_events(s, target))
            with pytest.raises(WorkflowError, match=refusal):
                workflow.merge(s, new, target, DISPATCHER)
            with pytest.raises(WorkflowError, match=refusal):  # the confirmation is never offered for it
                merge_target(s, new.id, target.ref, DISPATCHER)
            assert new.status == "new" and new.duplicate_of is None
            assert (len(_events(s, new)), len(_events(s, target))) == before

        # 已办结 still waits for its callback: a duplicate may join it
        assert merge_target(s, new.id, resolved.ref, DISPATCHER).status == "resolved"
        workflow.merge(s, new, resolved, DISPATCHER)
        assert new.status == "merged" and new.duplicate_of == resolved.id


def test_a_bare_number_means_this_years_ref_within_reach_and_the_target_shows_its_year(catalog_engine) -> None:
    this_year = now().year
    with session_scope(catalog_engine) as s:
        _, _, east = area_chain(s, "槐安街道", "东社区", "东社区第1网格")
        west = area_chain(s, "西社区", "西社区第1网格")[-1]
        worker = Actor("史婷", "grid_worker", area_ids=frozenset({east.id}))
        with simulated_time(datetime(this_year - 1, 6, 1, 9, 0)):
            old = log_request(s, DISPATCHER, title="井盖松动", item_code="JD-007", area_id=east.id).request
        current = log_request(s, DISPATCHER, title="路灯不亮", item_code="JD-007", area_id=east.id).request
        elsewhere = log_request(s, DISPATCHER, title="广场舞太吵", item_code="JD-004", area_id=west.id).request
        source = log_request(s, DISPATCHER, title="路灯坏了好几天", item_code="JD-007", area_id=east.id).request
        assert old.ref.endswith("-000001") and current.ref == f"XS-{this_year}-000001"
        assert elsewhere.ref == f"XS-{this_year}-000002"

        assert request_by_ref(s, "1", worker).id == current.id  # this year's, though last year's is in reach too
        target = merge_target(s, source.id, "1", worker)
        assert (target.ref, target.title, target.status_label, target.this_year) == (
            current.ref,
            "路灯不亮",
            "登记",
            True,
        )
        # 2: this year's is in the west grid, out of her reach; last year's 2 is hers, and says which year it is
        with simulated_time(datetime(this_year - 1, 7, 1, 9, 0)):
            old_two = log_request(s, DISPATCHER, title="楼道堆物", item_code="JD-002", area_id=east.id).request
        target = merge_target(s, source.id, "2", worker)
        assert (target.id, target.this_year, target.year) == (old_two.id, False, str(this_year - 1))
        assert f"XS-{this_year - 1}-000002" == target.ref
        assert request_by_ref(s, "2", DISPATCHER).id == elsewhere.id  # the dispatcher reaches this year's

        # neither is this year's: still refused, naming both
        with simulated_time(datetime(this_year + 1, 1, 5, 9, 0)), pytest.raises(UserError, match="对应多条诉求"):
            request_by_ref(s, "1", worker)


def test_dispatching_to_the_unit_a_return_cites_takes_the_cited_item_along(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        request = log_request(s, DISPATCHER, title="楼道里往下滴水", item_code="JD-007").request
        take_on(s, request, DISPATCHER)
        street = _department(s, "街道城市管理办公室")
        assert request_detail(s, request.id).dispatch_to == street.id  # no 退单 yet: where it is routed
        workflow.return_request(
            s, request, CLERK, "经核实是供水管道漏水，归区水务局", item_code="JD-003", code="not_our_duty"
        )
        water = _department(s, "区水务局")
        detail = request_detail(s, request.id)
        assert (detail.department_id, detail.cited_department_id, detail.dispatch_to) == (street.id, water.id, water.id)

        workflow.dispatch(s, request, DISPATCHER, water.id)
        jd003 = s.exec(select(CatalogItem).where(CatalogItem.code == "JD-003")).one()
        assert (request.item_id, request.department_id, request.match_confirmed_by) == (jd003.id, water.id, "调度")
        dispatched = _events(s, request)[-1]
        assert json.loads(dispatched.data) == {"department": "区水务局", "item": "JD-003"}
        assert dispatched.note == "派往区水务局，事项改为 [JD-003] 供水管道漏水抢修"
        detail = request_detail(s, request.id)
        assert (detail.item_code, detail.department, detail.cited_department_id) == ("JD-003", "区水务局", None)
        assert detail.routing.message == "收回事项：由区水务局办理，不由街道承担"  # the banner agrees with the header

    from models.reporting.stats import figures_by

    with session_scope(catalog_engine) as s:  # per-item (here per-category) figures count the item it was sent on
        by_category = {g.department: g.figures.total for g in figures_by(s, "category", [], now() + timedelta(1))}
    assert by_category == {"公共服务": 1}


def test_dispatching_elsewhere_after_a_return_keeps_the_item(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        request = log_request(s, DISPATCHER, title="楼道里往下滴水", item_code="JD-007").request
        take_on(s, request, DISPATCHER)
        item_id = request.item_id
        workflow.return_request(s, request, CLERK, "是水管的事", item_code="JD-003", code="not_our_duty")
        workflow.dispatch(s, request, DISPATCHER)  # the dispatcher disagrees: back to the unit it was routed to
        assert request.item_id == item_id and request.match_confirmed_by == "调度"  # confirmed at intake, as before
        assert "item" not in json.loads(_events(s, request)[-1].data)


def test_a_return_citing_a_street_duty_lets_a_taken_back_item_come_back_to_the_street(catalog_engine) -> None:
    """The check that taken-back work never goes to the street judges the item the request is sent on."""
    with session_scope(catalog_engine) as s:
        request = log_request(s, DISPATCHER, title="小区里乱停车很吵", item_code="JD-004").request
        take_on(s, request, DISPATCHER)
        workflow.return_request(s, request, CLERK, "是停车秩序问题", item_code="JD-010", code="not_our_duty")
        committee = _department(s, "社区居委会")
        workflow.dispatch(s, request, DISPATCHER, committee.id)
        assert request_detail(s, request.id).item_code == "JD-010"


def test_each_resolve_keeps_its_own_hours(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        request = log_request(s, DISPATCHER, title="楼道灯不亮", item_code="JD-007").request
        take_on(s, request, DISPATCHER)
        workflow.resolve(s, request, CLERK, "已换灯泡", hours=2.5)
        workflow.callback(s, request, DISPATCHER, satisfaction="unsatisfied", solved=False, comment="还是暗")
        workflow.sign(s, request, CLERK)
        workflow.resolve(s, request, CLERK, "更换线路")  # hours not given
        workflow.callback(s, request, DISPATCHER, satisfaction="unsatisfied", solved=False, comment="又坏了")
        workflow.sign(s, request, CLERK)
        workflow.resolve(s, request, CLERK, "整条线路重新布设", hours=1)
        resolves = [json.loads(e.data) for e in _events(s, request) if e.action == "resolve"]
        assert resolves == [{"hours": 2.5}, {}, {"hours": 1}]
        assert request.hours_spent == 1
