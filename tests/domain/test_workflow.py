from datetime import datetime

import pytest
from sqlmodel import select

from models.core.clock import simulated_time
from models.core.errors import ConflictError, UserError, WorkflowError
from models.matching.loader import load_matcher
from models.requests import workflow
from models.requests.intake import log_request
from models.requests.queries import request_detail
from models.requests.workflow import Actor
from models.store.engine import session_scope
from models.store.tables import Department, MatchExample, Request, RequestEvent

WORKER = Actor("王网格", "grid_worker")
CLERK = Actor("区水务局·李", "department")


def _log(session, title: str, **kw):
    return log_request(session, WORKER, title=title, matcher=load_matcher(session), **kw)


def _events(session, request: Request) -> list[tuple[str, str | None, str | None]]:
    rows = session.exec(select(RequestEvent).where(RequestEvent.request_id == request.id).order_by(RequestEvent.id))
    return [(e.action, e.from_status, e.to_status) for e in rows]


def test_full_path_writes_one_event_per_step(catalog_engine) -> None:
    with session_scope(catalog_engine) as session:
        result = _log(session, "楼道里想放几把折叠椅", text="5号楼没电梯，老人爬不动", item_code="JD-002")
        r = result.request
        assert result.routing.message == "基本履职事项：由街道城市管理办公室办理"
        workflow.accept(session, r, WORKER)
        workflow.dispatch(session, r, WORKER)
        workflow.sign(session, r, CLERK)
        workflow.resolve(session, r, CLERK, "已在 5 号楼各单元楼道安装折叠座椅", hours=3)
        workflow.callback(session, r, WORKER, satisfaction="basically")
        assert r.status == "closed" and r.version == 6
        assert r.callback_solved is True and r.hours_spent == 3
        assert _events(session, r) == [
            ("create", None, "new"),
            ("accept", "new", "accepted"),
            ("dispatch", "accepted", "dispatched"),
            ("sign", "dispatched", "in_progress"),
            ("resolve", "in_progress", "resolved"),
            ("callback", "resolved", "closed"),
        ]
        actors = session.exec(select(RequestEvent.actor).where(RequestEvent.request_id == r.id)).all()
        assert actors == ["王网格", "王网格", "王网格", "区水务局·李", "区水务局·李", "王网格"]
        # accepting a suggestion is a confirmed routing the matcher learns from
        assert session.exec(select(MatchExample).where(MatchExample.request_id == r.id)).one().source == "intake"


@pytest.mark.parametrize(
    ("steps", "action"),
    [
        ([], "resolve"),
        ([], "dispatch"),
        (["accept"], "sign"),
        (["accept"], "callback"),
        (["accept", "dispatch", "sign", "resolve"], "accept"),
    ],
)
def test_illegal_transitions_are_refused_and_leave_no_event(catalog_engine, steps, action) -> None:
    with session_scope(catalog_engine) as session:
        r = _log(session, "路灯不亮", item_code="JD-007").request
        for step in steps:
            {
                "accept": lambda: workflow.accept(session, r, WORKER),
                "dispatch": lambda: workflow.dispatch(session, r, WORKER),
                "sign": lambda: workflow.sign(session, r, CLERK),
                "resolve": lambda: workflow.resolve(session, r, CLERK, "修好了"),
            }[step]()
        before = len(_events(session, r))
        calls = {
            "resolve": lambda: workflow.resolve(session, r, CLERK, "修好了"),
            "dispatch": lambda: workflow.dispatch(session, r, WORKER),
            "sign": lambda: workflow.sign(session, r, CLERK),
            "callback": lambda: workflow.callback(session, r, WORKER, satisfaction="satisfied"),
            "accept": lambda: workflow.accept(session, r, WORKER),
        }
        with pytest.raises(WorkflowError, match="状态的诉求不能"):
            calls[action]()
        assert len(_events(session, r)) == before


def test_returned_item_is_routed_to_its_owner_and_never_to_the_street(catalog_engine) -> None:
    with session_scope(catalog_engine) as session:
        result = _log(session, "楼上水管爆了一直漏水", item_code="JD-003")
        assert result.routing.message == "收回事项：由区水务局办理，不由街道承担"
        assert result.routing.warning
        r = result.request
        water = session.exec(select(Department).where(Department.name == "区水务局")).one()
        assert r.department_id == water.id
        street = session.exec(select(Department).where(Department.name == "街道城市管理办公室")).one()
        workflow.accept(session, r, WORKER)
        with pytest.raises(WorkflowError, match="应派往区水务局"):
            workflow.dispatch(session, r, WORKER, street.id)
        workflow.dispatch(session, r, WORKER)
        assert r.department_id == water.id
        assert _events(session, r)[-1][0] == "dispatch"
        note = session.exec(
            select(RequestEvent.note).where(RequestEvent.request_id == r.id).order_by(RequestEvent.id.desc())
        ).first()
        assert note == "派往区水务局"


def test_unconfirmed_intake_uses_the_best_suggestion(catalog_engine) -> None:
    with session_scope(catalog_engine) as session:
        result = _log(session, "晚上工地施工噪音太吵了", text="凌晨还在打桩")
        assert result.routing.item_code == "JD-004"
        assert result.request.match_confirmed_by is None and result.request.match_score
        assert "收回事项" in result.routing.message


def test_return_requires_reason_and_goes_back_to_dispatcher(catalog_engine) -> None:
    with session_scope(catalog_engine) as session:
        r = _log(session, "楼道灯坏了", item_code="JD-007").request
        workflow.accept(session, r, WORKER)
        workflow.dispatch(session, r, WORKER)
        with pytest.raises(WorkflowError, match="理由"):
            workflow.return_request(session, r, CLERK, "  ")
        workflow.return_request(session, r, CLERK, "属于物业维修范围", item_code="JD-007")
        assert r.status == "returned" and r.return_count == 1
        workflow.dispatch(session, r, WORKER, note="重新派单")
        assert r.status == "dispatched"


def test_unsatisfied_callback_reopens(catalog_engine) -> None:
    with session_scope(catalog_engine) as session:
        r = _log(session, "楼道灯坏了", item_code="JD-007").request
        workflow.accept(session, r, WORKER)
        workflow.dispatch(session, r, WORKER)
        workflow.sign(session, r, CLERK)
        workflow.resolve(session, r, CLERK, "已更换灯泡")
        workflow.callback(session, r, WORKER, satisfaction="unsatisfied", solved=False, comment="第二天又不亮了")
        assert r.status == "reopened" and r.reopen_count == 1 and r.closed_at is None
        workflow.sign(session, r, CLERK)
        workflow.resolve(session, r, CLERK, "更换线路")
        workflow.callback(session, r, WORKER, satisfaction="satisfied")
        assert r.status == "closed"
        with pytest.raises(WorkflowError, match="满意度"):
            workflow.callback(session, r, WORKER, satisfaction="great")


def test_merge_writes_events_on_both_and_can_be_undone(catalog_engine) -> None:
    with session_scope(catalog_engine) as session:
        first = _log(session, "3号楼路灯坏了", item_code="JD-007").request
        second = _log(session, "3号楼门口的灯不亮", item_code="JD-007").request
        workflow.accept(session, second, WORKER)
        workflow.merge(session, second, first, WORKER)
        assert second.status == "merged" and second.duplicate_of == first.id
        assert _events(session, first)[-1][0] == "merged_in"
        with pytest.raises(WorkflowError):
            workflow.merge(session, second, second, WORKER)
        workflow.unmerge(session, second, WORKER)
        assert second.status == "accepted" and second.duplicate_of is None
        assert _events(session, first)[-1][0] == "unmerged_in"


def test_stale_version_is_a_conflict(catalog_engine) -> None:
    with session_scope(catalog_engine) as session:
        r = _log(session, "路灯不亮", item_code="JD-007").request
        with pytest.raises(ConflictError):
            workflow.accept(session, r, WORKER, expected_version=r.version + 1)
        request_id = r.id
    # two sessions read the same version; the second writer loses cleanly
    with session_scope(catalog_engine) as s1:
        a = s1.get(Request, request_id)
        with session_scope(catalog_engine) as s2:
            b = s2.get(Request, request_id)
            assert a is not None and b is not None
            workflow.accept(s2, b, WORKER)
        with pytest.raises(ConflictError):
            workflow.accept(s1, a, WORKER)


def test_deadlines_use_working_days(catalog_engine) -> None:
    with simulated_time(datetime(2026, 9, 30, 10, 0)), session_scope(catalog_engine) as session:
        r = _log(session, "路灯不亮", item_code="JD-007").request
        # National Day holiday 2026-10-01..07, and Saturday 10 Oct is a make-up workday:
        # the five working days are 8, 9, 10, 12 and 13 October
        assert r.response_due_at == datetime(2026, 10, 8, 10, 0)
        assert r.due_at == datetime(2026, 10, 13, 10, 0)


def test_intake_validates_input(catalog_engine) -> None:
    with session_scope(catalog_engine) as session:
        with pytest.raises(UserError, match="标题或内容"):
            _log(session, "  ")
        with pytest.raises(UserError, match="渠道"):
            _log(session, "路灯", channel="pigeon")
        with pytest.raises(UserError, match="NOPE"):
            _log(session, "路灯", item_code="NOPE")


def test_detail_masks_personal_data(catalog_engine) -> None:
    with session_scope(catalog_engine) as session:
        r = _log(session, "路灯不亮", item_code="JD-007", resident_name="张秀兰", resident_phone="13912345678").request
        detail = request_detail(session, r.id)
    assert detail.resident_name == "张**" and detail.resident_phone == "139****5678"
    assert [e.action for e in detail.events] == ["create"]
    assert "accept" in detail.actions and "resolve" not in detail.actions


def test_a_50000_character_paste_is_saved_as_text_and_refused_as_a_title(catalog_engine) -> None:
    """Residents' messages can be long: the detail text takes them whole; a title that long is a clear refusal on
    both databases (PostgreSQL would otherwise refuse it with a driver error), and nothing is written."""
    from sqlalchemy import func

    long_message = "楼上邻居装修噪音扰民" * 5000  # 50,000 characters
    with session_scope(catalog_engine) as session:
        saved = _log(session, "装修噪音", text=long_message).request
        assert saved.text == long_message.strip()
    with pytest.raises(UserError, match=r"标题过长（50000 字，最多 300 字）"), session_scope(catalog_engine) as session:
        _log(session, long_message)
    with session_scope(catalog_engine) as session:
        assert session.exec(select(func.count()).select_from(Request)).one() == 1
