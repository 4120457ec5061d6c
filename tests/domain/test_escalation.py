"""The 催办 → 督办 → 通报 ladder: thresholds in working days, one event per rung, idempotent, set-based."""

from datetime import datetime

from sqlmodel import select

from models.core.clock import simulated_time
from models.requests.escalation import escalate
from models.requests.intake import log_request
from models.requests.workflow import Actor, resolve
from models.store.engine import session_scope
from models.store.tables import Request, RequestEvent
from tests.conftest import take_on

A = Actor("测试", "supervisor")


def _request(session, title: str, due: datetime) -> Request:
    with simulated_time(datetime(2025, 9, 1, 9)):
        request = log_request(session, A, title=title, item_code="JD-007").request
    request.due_at = due
    session.add(request)
    session.flush()
    return request


def test_the_ladder_in_working_days_across_national_day(catalog_engine) -> None:
    at = datetime(2025, 10, 14, 10)  # Tuesday after the 2025 National Day week (1–8 October off)
    with session_scope(catalog_engine) as s:
        on_time = _request(s, "未到期", datetime(2025, 10, 15, 9))
        just_late = _request(s, "刚超期", datetime(2025, 10, 13, 9))
        # due 30 September: working days since are 9, 10, 11 (make-up Saturday), 13, 14 October → 督办, not 通报
        over_holiday = _request(s, "跨国庆", datetime(2025, 9, 30, 9))
        very_late = _request(s, "严重超期", datetime(2025, 9, 1, 9))
        done = _request(s, "已办结", datetime(2025, 9, 1, 9))
        with simulated_time(datetime(2025, 9, 2, 9)):
            take_on(s, done, A)
            resolve(s, done, A, "已处理")
        ids = {r.title: r.id for r in (on_time, just_late, over_holiday, very_late, done)}
    with session_scope(catalog_engine) as s:
        first = escalate(s, at)
    assert first.counts == {"催办": 3, "督办": 2, "通报": 1}
    with session_scope(catalog_engine) as s:
        levels = {r.title: r.escalation_level for r in s.exec(select(Request)).all()}
        events = s.exec(select(RequestEvent).where(RequestEvent.action.in_(("urge", "supervise", "notice")))).all()
    assert levels == {"未到期": 0, "刚超期": 1, "跨国庆": 2, "严重超期": 3, "已办结": 0}
    by_request = {}
    for event in events:
        by_request.setdefault(event.request_id, []).append(event.action)
    assert sorted(by_request[ids["严重超期"]]) == ["notice", "supervise", "urge"]
    assert by_request[ids["刚超期"]] == ["urge"] and ids["未到期"] not in by_request
    assert all(e.actor == "系统（超期督办）" and e.from_status == e.to_status for e in events)

    with session_scope(catalog_engine) as s:  # running again changes nothing
        again = escalate(s, at)
        count = len(s.exec(select(RequestEvent).where(RequestEvent.action.in_(("urge", "supervise", "notice")))).all())
    assert again.total == 0 and count == len(events)
    with session_scope(catalog_engine) as s:  # three days later: the just-late one is 督办, the on-time one late
        later = escalate(s, datetime(2025, 10, 17, 10))
    assert later.counts == {"催办": 1, "督办": 1, "通报": 0}


def test_dry_run_counts_without_writing(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        _request(s, "超期", datetime(2025, 9, 1, 9))
    with session_scope(catalog_engine) as s:
        assert escalate(s, datetime(2025, 10, 14), dry_run=True).counts["通报"] == 1
        s.rollback()
    with session_scope(catalog_engine) as s:
        assert s.exec(select(Request)).one().escalation_level == 0
