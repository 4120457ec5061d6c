"""Time limits in Chinese working days: holidays, make-up Saturdays, and the street's own rules."""

from datetime import datetime

import pytest

from models.core.clock import add_working_days, simulated_time, subtract_working_days
from models.core.errors import UserError
from models.requests.deadlines import DeadlineRules, set_rule
from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store.engine import session_scope
from tests.conftest import take_on

A = Actor("测试", "supervisor")
ADMIN = Actor("管理员", "admin")


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # National Day 2025: 1–8 October off; Sunday 28 September and Saturday 11 October are working days
        (datetime(2025, 9, 26, 10), 1, datetime(2025, 9, 28, 10)),
        (datetime(2025, 9, 30, 10), 1, datetime(2025, 10, 9, 10)),
        (datetime(2025, 9, 30, 10), 5, datetime(2025, 10, 14, 10)),
        # Spring Festival 2026: 15–23 February off; Saturdays 14 and 28 February are working days
        (datetime(2026, 2, 13, 9), 1, datetime(2026, 2, 14, 9)),
        (datetime(2026, 2, 14, 9), 1, datetime(2026, 2, 24, 9)),
        (datetime(2026, 2, 24, 9), 5, datetime(2026, 3, 2, 9)),  # 25, 26, 27, Saturday 28, Monday 2 March
        # a request logged on a day off counts from the next working day
        (datetime(2026, 3, 7, 20), 1, datetime(2026, 3, 9, 20)),
    ],
)
def test_working_days_follow_the_official_calendar(start: datetime, days: int, due: datetime) -> None:
    assert add_working_days(start, days) == due
    assert subtract_working_days(due, days) <= start


def test_the_most_specific_rule_wins(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        set_rule(s, ADMIN, "urgency", urgency="urgent", completion_days=2)
        set_rule(s, ADMIN, "category", "公共服务", completion_days=8)
        set_rule(s, ADMIN, "item", "JD-003", urgency="urgent", completion_days=1, response_days=0)
        rules = DeadlineRules.load(s)
    assert rules.days("normal") == (1, 5)  # built-in defaults
    assert rules.days("urgent") == (1, 2)  # urgency rule
    assert rules.days("normal", "JD-009", "公共服务") == (1, 8)  # category rule, every urgency
    assert rules.days("urgent", "JD-009", "公共服务") == (1, 8)  # category beats urgency
    assert rules.days("urgent", "JD-003", "公共服务") == (0, 1)  # item rule for that urgency
    assert rules.days("normal", "JD-003", "公共服务") == (1, 8)  # item rule only for urgent: falls through


def test_logging_uses_the_rules_and_bad_rules_are_refused(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        set_rule(s, ADMIN, "item", "JD-009", completion_days=10)
        with simulated_time(datetime(2026, 3, 2, 9)):  # a Monday
            request = log_request(s, A, title="高龄津贴", item_code="JD-009").request
        assert request.due_at == datetime(2026, 3, 16, 9)
        for kwargs, message in (
            ({"scope": "week", "completion_days": 3}, "--scope"),
            ({"scope": "item", "completion_days": 3}, "--key"),
            ({"scope": "item", "key": "NOPE-1", "completion_days": 3}, "没有事项编码"),
            ({"scope": "category", "key": "星座", "completion_days": 3}, "没有分类"),
            ({"scope": "urgency", "urgency": "asap", "completion_days": 3}, "--urgency"),
            ({"scope": "urgency", "completion_days": 400}, "--completion"),
            ({"scope": "urgency"}, "至少"),
        ):
            with pytest.raises(UserError, match=message):
                set_rule(s, ADMIN, **kwargs)


def _working_request(session, created: datetime):
    with simulated_time(created):
        request = log_request(session, A, title="楼上漏水", item_code="JD-007").request
        take_on(session, request, A)
    return request


def test_the_clock_pauses_while_waiting_and_resumes_with_a_later_deadline(catalog_engine) -> None:
    from sqlmodel import select

    from models.requests.escalation import escalate
    from models.requests.workflow import WorkflowError, pause, resume
    from models.store.tables import RequestEvent

    with session_scope(catalog_engine) as s:
        request = _working_request(s, datetime(2026, 3, 2, 9))  # Monday; due Monday 9 March
        assert request.due_at == datetime(2026, 3, 9, 9)
        with simulated_time(datetime(2026, 3, 4, 10)):
            with pytest.raises(WorkflowError, match="原因"):
                pause(s, request, A, "resident", " ")
            pause(s, request, A, "resident", "等居民提供漏水照片")
            with pytest.raises(WorkflowError, match="已在暂停"):
                pause(s, request, A, "decision", "再停一次")
        # paused work is neither overdue nor escalated
        assert escalate(s, datetime(2026, 3, 12, 10)).total == 0
        with simulated_time(datetime(2026, 3, 11, 15)):  # Wednesday → Wednesday: 5 working days stood still
            resume(s, request, A)
        assert request.paused_at is None and request.due_at == datetime(2026, 3, 16, 9)
        with pytest.raises(WorkflowError, match="没有在暂停"):
            resume(s, request, A)
        events = s.exec(select(RequestEvent).where(RequestEvent.request_id == request.id)).all()
    pause_event = next(e for e in events if e.action == "pause")
    resume_event = next(e for e in events if e.action == "resume")
    assert pause_event.note == "等待居民补充材料或配合：等居民提供漏水照片"
    assert '"paused_working_days": 5' in resume_event.data


def test_an_extension_needs_a_supervisor(catalog_engine) -> None:
    from models.people.permissions import PermissionDenied
    from models.requests.workflow import WorkflowError, decide_extension, request_extension

    handler = Actor("水务局", "department")
    with session_scope(catalog_engine) as s:
        request = _working_request(s, datetime(2026, 3, 2, 9))
        request.escalation_level = 1
        with pytest.raises(WorkflowError, match="1 到 60"):
            request_extension(s, request, handler, 0, "需要采购配件")
        request_extension(s, request, handler, 3, "需要采购配件")
        with pytest.raises(WorkflowError, match="待审批"):
            request_extension(s, request, handler, 2, "再延")
        with pytest.raises(PermissionDenied, match="部门承办人不能批准延期"):
            decide_extension(s, request, handler, True)
        decide_extension(s, request, A, True, "同意")
        assert request.due_at == datetime(2026, 3, 12, 9) and request.extension_days_pending is None
        assert request.escalation_level == 0
        request_extension(s, request, handler, 5, "还要等配件")
        decide_extension(s, request, A, False, "请按期办结")
        assert request.due_at == datetime(2026, 3, 12, 9)
        with pytest.raises(WorkflowError, match="没有待审批"):
            decide_extension(s, request, A, True)


def test_returns_need_a_reason_and_not_our_duty_needs_the_item(catalog_engine) -> None:
    from sqlmodel import select

    from models.access.policy import mark_training
    from models.reporting.stats import returns_by_department
    from models.requests.workflow import WorkflowError, dispatch, return_request, sign
    from models.store.tables import Department

    with session_scope(catalog_engine) as s:
        # the returns are replayed at their March times: on PostgreSQL only a training database keeps a client's
        # time for an event (elsewhere the server stamps its own clock, migration 0012)
        mark_training(s)
        request = _working_request(s, datetime(2026, 3, 2, 9))  # JD-007 → 街道城市管理办公室
        unit = Actor("城管办", "department")
        with pytest.raises(WorkflowError, match="须指明"):
            return_request(s, request, unit, "不归我们管", code="not_our_duty")
        with pytest.raises(WorkflowError, match="本单位牵头"):
            return_request(s, request, unit, "不归我们管", item_code="JD-007", code="not_our_duty")
        with pytest.raises(WorkflowError, match="退单原因"):
            return_request(s, request, unit, "不想办", code="lazy")
        with simulated_time(datetime(2026, 3, 2, 15)):
            return_request(s, request, unit, "属于供水管道问题", item_code="JD-003", code="not_our_duty")
        assert request.status == "returned" and request.return_count == 1
        water = s.exec(select(Department).where(Department.name == "区水务局")).one()
        request.department_id = water.id  # the dispatcher re-routes, as the item says
        with simulated_time(datetime(2026, 3, 3, 9)):
            dispatch(s, request, A)
            sign(s, request, A)
            return_request(s, request, Actor("水务局", "department"), "地址不在本区", code="outside_area")
    with session_scope(catalog_engine) as s:
        rows = returns_by_department(s, "2026-03")
    assert rows == [("区水务局", 1, {"outside_area": 1}), ("街道城市管理办公室", 1, {"not_our_duty": 1})]


def test_a_reopened_request_gets_a_fresh_deadline_and_starts_the_ladder_again(catalog_engine) -> None:
    from models.requests.escalation import escalate
    from models.requests.workflow import callback, reopen, resolve, sign

    with session_scope(catalog_engine) as s:
        request = _working_request(s, datetime(2026, 3, 2, 9))  # normal: due Monday 9 March
        escalate(s, datetime(2026, 3, 13, 10))  # 4 working days late: 催办 and 督办
        assert request.escalation_level == 2
        with simulated_time(datetime(2026, 3, 16, 9)):
            resolve(s, request, A, "已修复")
        # an unsatisfied callback on Friday 27 March reopens: 5 working days from then, across the weekend
        with simulated_time(datetime(2026, 3, 27, 11)):
            callback(s, request, A, satisfaction="unsatisfied", solved=False)
        assert request.status == "reopened" and request.due_at == datetime(2026, 4, 3, 11)
        assert request.escalation_level == 0
        assert escalate(s, datetime(2026, 4, 2, 10)).total == 0  # not overdue the moment it comes back
        with simulated_time(datetime(2026, 4, 3, 9)):
            sign(s, request, A)
            resolve(s, request, A, "再次修复")
            callback(s, request, A, satisfaction="satisfied")
        # a manual 重办 after closing counts from its own day: Tuesday 7 April (Qingming, 4–6 April off) + 5
        with simulated_time(datetime(2026, 4, 7, 9)):
            reopen(s, request, A, "居民再次反映")
        assert request.due_at == datetime(2026, 4, 14, 9) and request.reopen_count == 2
