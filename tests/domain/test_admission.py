"""The admission door (models.admission): the list's decision for each kind of duty, the procedure's clocks across
holidays, who may do what, and the trail — on both databases."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlmodel import select

from models.admission import procedure
from models.admission.door import decide_for_code, propose
from models.admission.queries import list_tasks
from models.admission.register import TaskFieldError, TaskInput, log_task
from models.admission.rules import load_rules, set_rules
from models.core.clock import simulated_time
from models.core.errors import PermissionDenied, UserError, WorkflowError
from models.matching.loader import load_matcher
from models.people.areas import add_area_chain
from models.people.permissions import Actor, actor_for, add_operator
from models.store import chain
from models.store.engine import session_scope
from models.store.tables import Task, TaskEvent

STREET = Actor("街道办·周", "supervisor")
ADMIN = Actor("管理员", "admin")


@pytest.fixture
def door(catalog_engine):
    """The catalog, a street with two communities, and one operator of each role placed in it."""
    with session_scope(catalog_engine) as session:
        add_area_chain(session, "和平街道", "东社区", "第1网格")
        add_area_chain(session, "和平街道", "西社区", "第1网格")
        add_operator(session, "东社区·刘", "community", area="东社区")
        add_operator(session, "东1网格·王", "grid_worker", area="东社区/第1网格")
        add_operator(session, "水务局·赵", "department", department="区水务局")
        add_operator(session, "城管办·钱", "department", department="街道城市管理办公室")
    return catalog_engine


def _actor(engine, name: str) -> Actor:
    with session_scope(engine) as session:
        return actor_for(session, name)


def _task(title: str, content: str = "", **kw) -> TaskInput:
    values = dict(
        department="区水务局", title=title, content=content, received_on=date(2026, 9, 1), target="东社区",
        source="OA文件", kind="报表填报", due_on=date(2026, 12, 31), hours=16.0,
    )  # fmt: skip
    values.update(kw)
    return TaskInput(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("title", "admission", "code", "words"),
    [
        ("请各社区协调老旧小区加装电梯入户意见", "admitted", "JD-001", ("基本履职", "依清单准入")),
        ("配合开展饭店油烟污染专项治理", "assist", "JD-005", ("配合履职", "区生态环境局牵头")),
        ("请社区负责供水管道漏水抢修登记", "refused", "JD-003", ("2026-03-01", "收回", "不得下派")),
        ("开展违法建设私搭乱建拆除摸排", "refused", "JD-006", ("该事项", "2026-02-01 取消", "依清单不得下派")),
        ("路灯坏了报修统计", "refused", "JD-008", ("2026-04-01", "并入", "不得另行下派")),
        ("请各社区报送辖区企业安全生产标准化达标情况", "pending", None, ("清单外", "准入程序")),
    ],
)
def test_the_door_proposes_the_lists_decision_and_cites_the_rule(door, title, admission, code, words) -> None:
    with session_scope(door) as session:
        proposal = propose(session, load_matcher(session), title)
        assert proposal.admission == admission, proposal
        assert (proposal.item.code if proposal.item else None) == code
        assert all(w in proposal.rule for w in words), proposal.rule
        assert proposal.suggestions or code is None  # with the matcher's explanations
        if code:
            assert proposal.suggestions[0].reason


def test_the_cited_rule_reads_as_the_issue_asks(door) -> None:
    with session_scope(door) as session:
        rule = decide_for_code(session, "JD-006").rule
        assert rule == "该事项“违法建设拆除”（JD-006）已于 2026-02-01 取消，依清单不得下派"
        with pytest.raises(UserError, match="没有事项编码 “JD-999”"):
            decide_for_code(session, "JD-999")


def test_logging_writes_the_task_and_its_first_event_in_the_trail(door) -> None:
    community = _actor(door, "东社区·刘")
    with session_scope(door) as session:
        cut = log_task(session, community, _task("开展违法建设摸排"), decide_for_code(session, "JD-006"))
        off = log_task(session, community, _task("报送企业安全生产台账"), decide_for_code(session, None))
        own = log_task(session, community, _task("加装电梯意见征集", department="街道城市管理办公室"),
                       decide_for_code(session, "JD-001"))  # fmt: skip
    assert cut == "RW-2026-00001" and off == "RW-2026-00002" and own == "RW-2026-00003"
    with session_scope(door) as session:
        shown = {t.ref: t for t in list_tasks(session, community)}
        assert (shown[cut].admission, shown[cut].status, shown[cut].item) == ("refused", "refused", "JD-006")
        assert (shown[off].admission, shown[off].status, shown[off].item) == ("pending", "awaiting", None)
        assert (shown[own].admission, shown[own].status) == ("admitted", "in_force")
        events = session.exec(select(TaskEvent).order_by(TaskEvent.seq)).all()
        assert [(e.action, e.to_status, e.actor) for e in events] == [
            ("register", "refused", "东社区·刘"),
            ("register", "awaiting", "东社区·刘"),
            ("register", "in_force", "东社区·刘"),
        ]
        assert "2026-02-01 取消" in events[0].note
        assert chain.verify(session.connection(), "taskevent") == (3, None)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"department": "区不存在局"}, "department", "没有名为 “区不存在局” 的部门"),
        ({"target": "北社区"}, "target", "没有名为 “北社区”"),
        ({"target": "第1网格"}, "target", "有 2 处"),
        ({"due_on": date(2026, 8, 1)}, "due_at", "早于收到日期"),
        ({"title": "  "}, "title", "标题为空"),
        ({"kind": "喝茶"}, "kind", "未知的任务类型"),
        ({"source": "托梦"}, "source", "未知的来源"),
        ({"hours": -3.0}, "hours", "预计工时"),
        ({"hours": float("nan")}, "hours", "预计工时"),
    ],
)
def test_a_bad_field_is_named_and_nothing_is_written(door, change, field, words) -> None:
    with session_scope(door) as session:
        with pytest.raises(TaskFieldError, match=words) as caught:
            log_task(session, STREET, _task(**{"title": "报送台账", **change}), decide_for_code(session, None))
        assert caught.value.field == field
    with session_scope(door) as session:
        assert session.exec(select(Task)).all() == [] and session.exec(select(TaskEvent)).all() == []


def test_who_may_log_and_where(door) -> None:
    with session_scope(door) as session:
        off = decide_for_code(session, None)
        with pytest.raises(PermissionDenied):  # a grid worker reads the door's list but does not keep it
            log_task(session, _actor(door, "东1网格·王"), _task("台账"), off)
        with pytest.raises(PermissionDenied):  # departments push tasks; they do not admit their own
            log_task(session, _actor(door, "水务局·赵"), _task("台账"), off)
        with pytest.raises(TaskFieldError, match="不在您负责的范围") as caught:  # named as the target's fault
            log_task(session, _actor(door, "东社区·刘"), _task("台账", target="西社区"), off)
        assert caught.value.field == "target"
        assert log_task(session, ADMIN, _task("台账", target="和平街道"), off).startswith("RW-2026-")


def _off_list(engine, **kw) -> str:
    with session_scope(engine) as session:
        title = kw.pop("title", "报送辖区企业安全生产台账")
        return log_task(session, STREET, _task(title, **kw), decide_for_code(session, None))


def test_the_procedure_counts_working_days_across_national_day(door) -> None:
    ref = _off_list(door, due_on=date(2026, 11, 2))
    clerk = _actor(door, "水务局·赵")
    with simulated_time(datetime(2026, 9, 28, 10)), session_scope(door) as session:
        task = procedure.apply(session, clerk, ref, provided="每季度由水务局派 1 人协助 8 小时")
        # 15 working days from 28 September: the seven days of National Day and the weekend are not counted,
        # and the make-up Saturday (10 October) is
        assert task.decision_due_on == date(2026, 10, 23)
        assert task.status == "reviewing" and task.applied_on == date(2026, 9, 28)
        event = session.exec(select(TaskEvent).where(TaskEvent.action == "apply")).one()
        assert '"late": true' in event.data and '"lead_days": 21' in event.data  # 21 working days < 30
    with simulated_time(datetime(2026, 10, 23, 17)), session_scope(door) as session:
        assert procedure.sweep(session, ADMIN) == ([], [])  # the last day is still in time
    with simulated_time(datetime(2026, 10, 24, 9)), session_scope(door) as session:
        assert procedure.sweep(session, ADMIN) == ([], [ref])
        assert procedure.sweep(session, ADMIN) == ([], [])  # once
        [shown] = list_tasks(session, STREET)
        assert shown.review_late and shown.escalated


def test_admitted_until_a_date_then_expired_and_revoked(door) -> None:
    first, second = _off_list(door), _off_list(door, title="报送燃气安全台账")
    with simulated_time(datetime(2026, 9, 2, 10)), session_scope(door) as session:
        for ref in (first, second):
            procedure.apply(session, _actor(door, "水务局·赵"), ref)
            until = date(2026, 10, 31)
            procedure.decide(session, STREET, ref, admit=True, reason="年度专项，部门派员协助", until=until)
    with simulated_time(datetime(2026, 10, 20, 10)), session_scope(door) as session:
        procedure.revoke(session, ADMIN, second, reason="部门未按约定派员")
        with pytest.raises(WorkflowError, match="只有执行中的任务"):
            procedure.revoke(session, ADMIN, second, reason="再撤一次")
    with simulated_time(datetime(2026, 11, 1, 8)), session_scope(door) as session:
        assert procedure.sweep(session, ADMIN) == ([first], [])
        statuses = {t.ref: (t.admission, t.status) for t in list_tasks(session, STREET)}
        assert statuses == {first: ("admitted", "expired"), second: ("admitted", "revoked")}
        actions = session.exec(select(TaskEvent.action).order_by(TaskEvent.seq)).all()
        assert actions == ["register", "register", "apply", "admit", "apply", "admit", "revoke", "expire"]
        assert chain.verify(session.connection(), "taskevent") == (8, None)


def test_deciding_twice_or_before_applying_is_one_clear_refusal(door) -> None:
    ref = _off_list(door)
    with session_scope(door) as session:
        with pytest.raises(WorkflowError, match="须先由下派部门提出准入申请"):
            procedure.decide(session, STREET, ref, admit=True, reason="同意")
        with pytest.raises(UserError, match="请写明拒收的理由"):
            procedure.decide(session, STREET, ref, admit=False, reason="  ")
        procedure.decide(session, _actor(door, "东社区·刘"), ref, admit=False, reason="清单外，社区有权拒绝")
    with session_scope(door) as session:
        with pytest.raises(WorkflowError, match="已经决定过"):
            procedure.decide(session, STREET, ref, admit=False, reason="再拒一次")
        with pytest.raises(UserError, match="没有编号为 “RW-2026-09999” 的任务"):
            procedure.decide(session, STREET, "RW-2026-09999", admit=False, reason="x")
    # refused at the door, the department may still apply; the review then decides
    with session_scope(door) as session:
        procedure.apply(session, _actor(door, "水务局·赵"), ref)
        procedure.decide(session, ADMIN, ref, admit=True, reason="确需社区配合，部门提供经费")
        assert [t.status for t in list_tasks(session, STREET)] == ["in_force"]


@pytest.mark.parametrize(
    ("who", "step", "allowed"),
    [
        ("东1网格·王", "apply", False),
        ("东1网格·王", "refuse", False),
        ("东1网格·王", "decide", False),
        ("东社区·刘", "apply", False),
        ("东社区·刘", "refuse", True),
        ("东社区·刘", "decide", False),
        ("水务局·赵", "apply", True),
        ("水务局·赵", "refuse", False),
        ("水务局·赵", "decide", False),
        ("城管办·钱", "apply", False),  # another department's task: not found within its reach
        ("街道办·周", "apply", True),
        ("街道办·周", "refuse", True),
        ("街道办·周", "decide", True),
        ("管理员", "decide", True),
    ],
)
def test_every_role_at_every_step(door, who, step, allowed) -> None:
    ref = _off_list(door)
    actor = STREET if who == "街道办·周" else ADMIN if who == "管理员" else _actor(door, who)
    with session_scope(door) as session:
        if step == "decide":
            procedure.apply(session, STREET, ref)

    def act(session) -> None:
        if step == "apply":
            procedure.apply(session, actor, ref)
        elif step == "refuse":
            procedure.decide(session, actor, ref, admit=False, reason="清单外")
        else:
            procedure.decide(session, actor, ref, admit=True, reason="同意")

    with session_scope(door) as session:
        if allowed:
            act(session)
        else:
            with pytest.raises(UserError):  # PermissionDenied, or not found for one outside its reach
                act(session)


def test_the_rules_are_an_administrators_setting(door) -> None:
    with session_scope(door) as session:
        assert (load_rules(session).lead_days, load_rules(session).decision_days) == (30, 15)
        with pytest.raises(PermissionDenied):
            set_rules(session, STREET, decision_days=10)
        with pytest.raises(UserError, match="审查时限"):
            set_rules(session, ADMIN, decision_days=0)
        set_rules(session, ADMIN, decision_days=10)
    ref = _off_list(door)
    with simulated_time(datetime(2026, 9, 28, 10)), session_scope(door) as session:
        assert procedure.apply(session, STREET, ref).decision_due_on == date(2026, 10, 16)


def test_a_task_decided_in_its_row_alone_fails_db_check(door) -> None:
    from sqlalchemy import text

    from models.store.consistency import check_database

    ref = _off_list(door)
    failed = lambda: {c.name: c.examples for c in check_database(door) if not c.ok}  # noqa: E731
    assert failed() == {}
    with door.begin() as conn:  # admitted on paper, with no application and no decision in the trail
        conn.execute(text("UPDATE task SET admission = 'admitted', status = 'in_force' WHERE ref = :r"), {"r": ref})
    assert failed() == {"任务状态与最后一条准入记录一致": [ref], "任务的准入决定与作出它的记录一致": [ref]}


def test_dates_that_cannot_be_right_are_refused_by_field(door) -> None:
    with session_scope(door) as session:
        off = decide_for_code(session, None)
        for change, field, words in (
            ({"received_on": date(1900, 1, 1)}, "received_at", "不合理"),
            ({"received_on": date(2030, 12, 1), "due_on": None}, "received_at", "不合理"),
            ({"due_on": date(9999, 12, 31)}, "due_at", "5 年以内"),
            ({"title": "\u200b\u200b"}, "title", "标题为空"),
        ):
            with pytest.raises(TaskFieldError, match=words) as caught:
                log_task(session, STREET, _task(**{"title": "报送台账", **change}), off)
            assert caught.value.field == field


def test_an_application_in_the_future_or_an_admission_already_over_is_refused(door) -> None:
    ref = _off_list(door)
    with simulated_time(datetime(2026, 9, 28, 10)), session_scope(door) as session:
        with pytest.raises(UserError, match="还没到"):
            procedure.apply(session, STREET, ref, applied_on=date(2026, 10, 1))
        procedure.apply(session, STREET, ref, note="\x1b[2J\x1b[31m红字\r\n伪造行")
        with pytest.raises(UserError, match=r"--until.*已经过去"):
            procedure.decide(session, STREET, ref, admit=True, reason="同意", until=date(2026, 9, 1))
        procedure.decide(session, STREET, ref, admit=True, reason="同意\x07\x1b[0m")
        notes = session.exec(select(TaskEvent.note).order_by(TaskEvent.seq)).all()
    assert notes[1:] == ["[2J[31m红字 伪造行", "同意[0m"]  # escape and control characters dropped, one line


def test_a_row_outside_the_community_workers_reach_is_a_bad_row_of_the_import(door, tmp_path) -> None:
    from models.core.errors import InputError
    from models.files.task_import import import_tasks

    path = tmp_path / "tasks.csv"
    path.write_text(
        "任务标题,下派部门,收文日期,下派对象\n报送台账,区水务局,2026-09-01,东社区\n报送台账二,区水务局,2026-09-02,西社区\n",
        encoding="utf-8",
    )
    community = _actor(door, "东社区·刘")
    with session_scope(door) as session, pytest.raises(InputError, match=r"第 3 行，列 “下派对象”.*不在您负责的范围"):
        import_tasks(session, path, community, dry_run=True)
    with session_scope(door) as session:
        result = import_tasks(session, path, community, skip_bad=True)
    assert (result.added, [e.row for e in result.errors]) == (1, [3])
