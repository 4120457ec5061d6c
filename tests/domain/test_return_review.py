"""Issue 18, item 6: a supervisor rules on each 退单 within a deadline (upheld, or overruled and sent back), and the
list learns from it: an item returned three or more times by its own lead department, or work refused at the door
and later admitted, becomes a catalog change proposal with its evidence — on both databases."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlmodel import select

from models.admission import procedure
from models.admission.door import decide_for_code
from models.admission.register import TaskInput, log_task
from models.core.clock import simulated_time
from models.core.errors import PermissionDenied, WorkflowError
from models.matching.loader import load_matcher
from models.people.areas import add_area_chain
from models.people.permissions import Actor
from models.reporting.proposals import catalog_proposals
from models.reporting.report import return_reviews
from models.requests import workflow
from models.requests.intake import log_request
from models.requests.workflow import possible_actions
from models.store.engine import session_scope
from models.store.tables import Department, Request, RequestEvent

WORKER = Actor("王网格", "grid_worker")
SUPERVISOR = Actor("秦主任", "supervisor")
ADMIN = Actor("管理员", "admin")


def _returned(session, title: str = "楼道里想放几把折叠椅") -> Request:
    """A request for JD-002 (its lead: 街道城市管理办公室) sent there and returned by that office itself."""
    request = log_request(session, WORKER, title=title, item_code="JD-002", matcher=load_matcher(session)).request
    workflow.accept(session, request, WORKER)
    workflow.dispatch(session, request, WORKER)
    office = session.exec(select(Department).where(Department.name == "街道城市管理办公室")).one()
    clerk = Actor("城管办·钱", "department", department_id=office.id)
    workflow.sign(session, request, clerk)
    workflow.return_request(session, request, clerk, "物业管理区域内的设施应由物业负责", code="other")
    return request


def test_a_return_waits_for_a_ruling_within_working_days(catalog_engine) -> None:
    with simulated_time(datetime(2026, 9, 30, 10)), session_scope(catalog_engine) as s:
        request = _returned(s)
        # three working days after 30 September: the National Day holiday is skipped, the make-up Saturday counts
        assert request.return_review_due_at == datetime(2026, 10, 10, 10)
        assert "uphold_return" in possible_actions(request) and "overrule_return" in possible_actions(request)
        with pytest.raises(PermissionDenied):
            workflow.review_return(s, request, WORKER, uphold=True, reason="同意")
        with pytest.raises(WorkflowError, match="必须写明理由"):
            workflow.review_return(s, request, SUPERVISOR, uphold=False, reason=" ")
    with session_scope(catalog_engine) as s:  # the report counts the rulings waiting, and those past their limit
        assert return_reviews(s, datetime(2026, 10, 9, 17)) == (1, 0)
        assert return_reviews(s, datetime(2026, 10, 12, 9)) == (1, 1)
    with simulated_time(datetime(2026, 10, 12, 9)), session_scope(catalog_engine) as s:
        request = s.exec(select(Request)).one()
        workflow.review_return(s, request, SUPERVISOR, uphold=False, reason="清单明确由城管办牵头，应当办理")
        assert (request.status, request.return_review_due_at) == ("dispatched", None)
        ruling = s.exec(select(RequestEvent).where(RequestEvent.action == "overrule_return")).one()
        assert '"late": true' in ruling.data and ruling.to_status == "dispatched"
        with pytest.raises(WorkflowError, match="没有待裁定的退单"):
            workflow.review_return(s, request, SUPERVISOR, uphold=True, reason="再裁一次")


def test_an_upheld_return_may_come_after_the_field_has_routed_it_again(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        request = _returned(s)
        water = s.exec(select(Department).where(Department.name == "区水务局")).one()
        workflow.dispatch(s, request, WORKER, department_id=water.id)
        workflow.review_return(s, request, ADMIN, uphold=True, reason="确属物业范围")
        assert (request.status, request.return_review_due_at) == ("dispatched", None)


def test_three_returns_by_the_lead_department_become_a_proposal_an_overruled_one_does_not(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        requests = [_returned(s, f"{n}号楼楼道想放折叠椅") for n in range(1, 5)]
        workflow.review_return(s, requests[0], SUPERVISOR, uphold=False, reason="应当办理")
        for request in requests[1:3]:
            workflow.review_return(s, request, SUPERVISOR, uphold=True, reason="确属物业范围")
    with session_scope(catalog_engine) as s:
        [proposal] = catalog_proposals(s, SUPERVISOR)
        assert (proposal.kind, proposal.item_code, proposal.department) == ("returns", "JD-002", "街道城市管理办公室")
        assert sorted(e.ref for e in proposal.evidence) == sorted(r.ref for r in requests[1:])  # not the overruled
        with pytest.raises(PermissionDenied):
            catalog_proposals(s, WORKER)
    with session_scope(catalog_engine) as s:  # one more overruled: two left, below the three that make a proposal
        workflow.review_return(s, s.get(Request, requests[3].id), SUPERVISOR, uphold=False, reason="应当办理")
        assert catalog_proposals(s, ADMIN) == []


def test_work_refused_at_the_door_then_admitted_is_a_proposal(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        add_area_chain(s, "和平街道", "东社区")
        task = TaskInput(department="区城管执法局", title="违建摸排", received_on=date(2026, 9, 1), target="东社区")
        cut = log_task(s, SUPERVISOR, task, decide_for_code(s, "JD-006"))
        other = TaskInput(department="区水务局", title="节水宣传", received_on=date(2026, 9, 2), target="东社区")
        off = log_task(s, SUPERVISOR, other, decide_for_code(s, None))
        procedure.decide(s, SUPERVISOR, off, admit=False, reason="清单外")
        for ref in (cut, off):
            procedure.apply(s, SUPERVISOR, ref)
            procedure.decide(s, SUPERVISOR, ref, admit=True, reason="确需街道配合")
    with session_scope(catalog_engine) as s:
        found = {(p.kind, p.item_code, p.department): [e.ref for e in p.evidence] for p in catalog_proposals(s, ADMIN)}
    assert found == {("readmitted", "JD-006", "区城管执法局"): [cut], ("readmitted", None, "区水务局"): [off]}


def test_a_title_that_looks_like_a_formula_stays_text_in_the_proposals_sheet(catalog_engine, tmp_path) -> None:
    import openpyxl

    from models.files.proposal_file import write_proposals_xlsx

    with session_scope(catalog_engine) as s:
        add_area_chain(s, "和平街道", "东社区")
        title = '=HYPERLINK("http://evil.example/x","违建摸排")'
        task = TaskInput(department="区城管执法局", title=title, received_on=date(2026, 9, 1), target="东社区")
        ref = log_task(s, SUPERVISOR, task, decide_for_code(s, "JD-006"))
        procedure.apply(s, SUPERVISOR, ref)
        procedure.decide(s, SUPERVISOR, ref, admit=True, reason="确需街道配合")
        found = catalog_proposals(s, ADMIN)
    path = write_proposals_xlsx(found, tmp_path / "建议.xlsx")
    cell = openpyxl.load_workbook(path)["清单调整建议"]["I2"]
    assert (cell.data_type, cell.value) == ("s", title)
