"""Issue 18: the door's side of the ledger on both databases — hours refused (freed, on record) and off-list hours
admitted anyway (added burden) per month and per community, beside the catalog's estimate and the requests solved;
departments ranked by tasks pushed; departments that keep pushing cut or off-list work (反弹回潮)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from models.admission import procedure
from models.admission.door import decide_for_code
from models.admission.register import TaskInput, log_task
from models.admission.rules import set_rules
from models.core.clock import simulated_time
from models.files.report_files import render_text
from models.people.areas import add_area_chain
from models.people.permissions import Actor
from models.reporting.dashboard import dashboard_data
from models.reporting.report import monthly_report
from models.store.engine import session_scope

STREET = Actor("街道办·周", "supervisor")
ADMIN = Actor("管理员", "admin")


def _log(session, title: str, department: str, code: str | None, hours: float, received: date, target: str) -> str:
    task = TaskInput(department=department, title=title, received_on=received, target=target, hours=hours)
    return log_task(session, STREET, task, decide_for_code(session, code))


@pytest.fixture
def pushed(catalog_engine):
    """Four months of tasks: cut duties refused, off-list work refused or admitted, own duties admitted."""
    with session_scope(catalog_engine) as s:
        add_area_chain(s, "和平街道", "东社区", "第1网格")
        add_area_chain(s, "和平街道", "西社区", "第1网格")
        set_rules(s, ADMIN, rebound_times=3, rebound_months=3)
        _log(s, "违建摸排", "区城管执法局", "JD-006", 12, date(2026, 8, 31), "东社区")  # cut: refused
        _log(s, "噪音排查", "区城管执法局", "JD-004", 8, date(2026, 10, 8), "东社区/第1网格")  # returned: refused
        _log(s, "违建再摸排", "区城管执法局", "JD-006", 10, date(2026, 11, 2), "西社区")  # cut again: refused
        _log(s, "加装电梯意见", "街道城市管理办公室", "JD-001", 20, date(2026, 11, 4), "东社区")  # own: admitted
        off = _log(s, "企业安全台账", "区城管执法局", None, 16, date(2026, 11, 5), "西社区/第1网格")  # off-list
        kept = _log(s, "燃气台账", "区水务局", None, 6, date(2026, 11, 6), "和平街道")  # off-list, later refused
        # refused by the list (a cut duty), then admitted through the procedure: added burden too
        again = _log(s, "违建再次摸排，联系王芳13912345678", "区城管执法局", "JD-006", 4, date(2026, 11, 7), "东社区")
    with simulated_time(datetime(2026, 11, 9, 10)), session_scope(catalog_engine) as s:
        procedure.apply(s, STREET, off)
        procedure.decide(s, STREET, off, admit=True, reason="专项，部门派员")
        procedure.decide(s, STREET, kept, admit=False, reason="清单外，社区有权拒绝")
        procedure.apply(s, STREET, again)
        procedure.decide(s, STREET, again, admit=True, reason="区里要求街道配合")
    return catalog_engine


def test_the_ledger_sets_the_doors_record_beside_the_estimate(pushed) -> None:
    with session_scope(pushed) as s:
        report = monthly_report(s, "2026-11", at=datetime(2026, 11, 30, 18))
    by_month = {m.month: m for m in report.ledger}
    assert [by_month[m].door.refused_hours for m in ("2026-08", "2026-09", "2026-10")] == [12.0, 0.0, 8.0]
    november = by_month["2026-11"].door
    # the cut duty applied for and admitted anyway is burden, as the off-list work admitted is
    assert (november.refused_hours, november.refused, november.burden_hours, november.admitted_off_list) == (
        16.0, 2, 20.0, 2,
    )  # fmt: skip
    assert by_month["2026-11"].freed_hours > 0  # the catalog's estimate stays beside the record
    communities = {c.community: c for c in report.by_community}
    assert (communities["西社区"].tasks, communities["西社区"].door.refused_hours) == (2, 10.0)
    assert communities["西社区"].door.burden_hours == 16.0  # a task pushed to a grid counts for its community
    assert (communities["东社区"].tasks, communities["东社区"].door.burden_hours) == (2, 4.0)
    assert communities["街道本级"].door.refused_hours == 6.0
    ranking = [(d.department, d.pushed, d.refused, d.admitted_off_list, d.cut_pushed) for d in report.department_tasks]
    assert ranking == [
        ("区城管执法局", 3, 1, 2, 2),
        ("区水务局", 1, 1, 0, 0),
        ("街道城市管理办公室", 1, 0, 0, 0),
    ]
    # three months are September to November: August's cut duty is outside; October's returned duty, November's
    # cut and off-list work are in
    [rebound] = report.task_rebounds
    assert (rebound.department, rebound.count) == ("区城管执法局", 4)
    assert [title[:4] for _, _, title in rebound.tasks] == ["违建再次", "企业安全", "违建再摸", "噪音排查"]
    text = render_text(report, "md")
    sections = ("拒收工时（记录）", "清单外准入工时（新增负担）", "按社区", "部门下派任务排名", "反弹回潮", "3 个月内")
    for words in sections:
        assert words in text, words
    assert "13912345678" not in text and "139****5678" in text  # a notice's phone, masked in the report


def test_stats_json_carries_both_figures_labelled(pushed) -> None:
    with simulated_time(datetime(2026, 11, 30, 18)), session_scope(pushed) as s:
        data = dashboard_data(s, "2026-11")
    november = next(m for m in data["freed_time_ledger"] if m["month"] == "2026-11")
    assert november["freed_hours_recorded"] == 16.0 and november["added_burden_hours"] == 20.0
    assert "freed_hours" in november  # the estimate keeps its name and meaning
    assert {c["community"] for c in data["tasks_by_community"]} >= {"东社区", "西社区", "街道本级"}
    assert data["tasks_by_department"][0]["department"] == "区城管执法局"
    assert data["task_rebounds"] == [
        {
            "department": "区城管执法局",
            "count": 4,
            "tasks": ["RW-2026-00007", "RW-2026-00005", "RW-2026-00003", "RW-2026-00002"],
        }
    ]
