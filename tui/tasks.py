"""任务准入: a task pushed down by a department is typed as it arrives, checked against the list as it is typed, and
logged with the list's decision (or sent into the admission procedure) — keyboard-first, like the intake."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlmodel import Session
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import DataTable, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from models.admission import procedure
from models.admission.door import CitedItem, Proposal, decide_for_code, door_items, proposal_for, rule_for
from models.admission.queries import TaskView, door_choices, list_tasks
from models.admission.register import TaskFieldError, TaskInput, log_task
from models.core.clock import now
from models.core.vocabulary import Admission, Privilege, TaskAction, TaskKind, TaskSource, TaskStatus
from models.people.permissions import may
from models.store.tables import Task, max_length
from tui.base import XinshengScreen
from tui.dialogs import NoteDialog, NoteResult
from tui.fields import FormInput
from tui.i18n import tr
from tui.intake import suggestion_text
from tui.plain_table import PlainTable

if TYPE_CHECKING:
    from models.matching.engine import MatchResult, Suggestion

RECENT = 50
# the colour of each decision where it is shown
DECISION_CLASS = {
    Admission.ADMITTED: "admitted",
    Admission.ASSIST: "assist",
    Admission.REFUSED: "refused",
    Admission.PENDING: "pending",
}
FIELD_WIDGETS = {
    "title": "#task-title",
    "content": "#task-content",
    "department": "#task-department",
    "target": "#task-target",
    "source": "#task-source",
    "kind": "#task-kind",
    "received_at": "#task-received",
    "due_at": "#task-due",
    "hours": "#task-hours",
}


def _day(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text.replace("/", "-"))
    except ValueError:
        return None


class TasksScreen(XinshengScreen):
    BINDINGS = [
        Binding("ctrl+s", "save", tr("保存"), priority=True, id="xinsheng.tasks.save"),
        Binding("f5", "choose(0)", tr("采纳"), priority=True, id="xinsheng.tasks.choose-0"),
        Binding("f6", "choose(1)", tr("采纳第2条"), priority=True, show=False, id="xinsheng.tasks.choose-1"),
        Binding("f7", "choose(2)", tr("采纳第3条"), priority=True, show=False, id="xinsheng.tasks.choose-2"),
        Binding("f8", "off_list", tr("清单外"), priority=True, id="xinsheng.tasks.off-list"),
        Binding("ctrl+r", "clear", tr("清空"), priority=True, show=False, id="xinsheng.tasks.clear"),
        # the procedure's steps, on the task highlighted in the list below (offered while the list has the cursor)
        Binding("p", "step('apply')", tr("申请准入"), id="xinsheng.tasks.apply"),
        Binding("y", "step('admit')", tr("准予"), id="xinsheng.tasks.admit"),
        Binding("n", "step('refuse')", tr("拒收任务"), id="xinsheng.tasks.refuse"),
        Binding("x", "step('revoke')", tr("撤销准入"), id="xinsheng.tasks.revoke"),
    ]
    # step → (the question, an example answer, what the notice says when done); who may take it on which task is
    # models.admission.procedure.may_take's to say
    STEPS: dict[str, tuple[str, str, str]] = {
        TaskAction.APPLY: (
            tr("准入申请：说明和部门提供的保障（必填）"),
            tr("如：部门派 1 人协助，提供经费"),
            tr("已提交准入申请"),
        ),
        TaskAction.ADMIT: (
            tr("准予准入：理由（必填）"),
            tr("如：确需社区配合，部门提供保障"),
            tr("已准予准入"),
        ),
        TaskAction.REFUSE: (
            tr("拒收：理由（必填）"),
            tr("如：清单外任务，社区有权拒绝"),
            tr("已拒收"),
        ),
        TaskAction.REVOKE: (
            tr("撤销准入：理由（必填）"),
            tr("如：部门未按约定派员"),
            tr("已撤销准入，任务停止"),
        ),
    }

    def __init__(self) -> None:
        super().__init__()
        self._result: MatchResult | None = None
        self._items: dict[str, CitedItem] = {}
        self._chosen: Suggestion | None = None
        self._off_list = False  # F8: the person says no item fits
        self._wait_timer: Timer | None = None
        self._bad_field: str | None = None  # the field a refused save named, to put the cursor on
        self._tasks: dict[str, TaskView] = {}

    def compose_body(self) -> ComposeResult:
        today = f"{now():%Y-%m-%d}"
        with Vertical(id="intake-form"):
            yield FormInput(
                placeholder=tr("任务标题：文件或通知的标题（必填）"),
                id="task-title",
                max_length=max_length(Task, "title"),
            )
            yield FormInput(placeholder=tr("任务内容：要求做什么、报什么、开什么会……"), id="task-content")
            with Horizontal(classes="row"):
                yield Select[str]([], prompt=tr("下派部门"), id="task-department")
                yield Select[str]([], prompt=tr("下派对象"), id="task-target")
                yield Select(
                    [(tr(m.label), m.value) for m in TaskSource], value="oa", allow_blank=False, id="task-source"
                )
                yield Select(
                    [(tr(m.label), m.value) for m in TaskKind], value="form", allow_blank=False, id="task-kind"
                )
            with Horizontal(classes="row"):
                yield Label(tr("收到日期"), classes="field-label")
                yield FormInput(value=today, placeholder=tr("收到日期"), id="task-received", max_length=10)
                yield Label(tr("完成期限"), classes="field-label")
                yield FormInput(placeholder="2026-12-31", id="task-due", max_length=10)
                yield Label(tr("预计工时"), classes="field-label")
                yield FormInput(placeholder=tr("小时"), id="task-hours", max_length=8)
        yield Label(tr("清单核对（F5/F6/F7 采纳第 1/2/3 条；F8 清单外；Ctrl+S 登记）"), id="suggest-title")
        yield OptionList(id="suggestions")
        yield Static("", id="door")
        table: PlainTable = PlainTable(id="tasks", cursor_type="row", zebra_stripes=True)
        # the title early: on a narrow terminal the columns on the right are the ones scrolled to
        table.add_columns(tr("编号"), tr("标题"), tr("准入决定"), tr("状态"), tr("收到"), tr("下派部门"), tr("类型"))
        yield table

    def on_mount(self) -> None:
        actor = self.xapp.actor
        self.query_one("#task-title", Input).focus()
        if not may(actor, Privilege.TASK_LOG):
            self.query_one("#intake-form").display = False
            self.query_one("#suggest-title").display = False
            self.query_one("#suggestions").display = False
            self.query_one("#tasks", DataTable).focus()
        self.xapp.run_db(lambda s: door_choices(s, actor), self._fill_choices, group="door-choices")
        self.xapp.run_db(door_items, self._set_items, group="door-items")
        self._reload()
        self._show_door()
        if not self.xapp.matcher_ready.is_set() and may(actor, Privilege.TASK_LOG):
            self.query_one("#door", Static).update(tr("正在加载匹配索引……"))
            self._wait_timer = self.set_interval(0.2, self._wait_for_matcher)

    def _fill_choices(self, choices: tuple[list[str], list[str]]) -> None:
        departments, places = choices
        self.query_one("#task-department", Select).set_options([(d, d) for d in departments])
        target = self.query_one("#task-target", Select)
        target.set_options([(p, p) for p in places])
        if len(places) == 1:
            target.value = places[0]

    def _set_items(self, items: dict[str, CitedItem]) -> None:
        self._items = items
        self._show_door()

    def _wait_for_matcher(self) -> None:
        if self.xapp.matcher_ready.is_set():
            if self._wait_timer is not None:
                self._wait_timer.stop()
            self._show_door()
            self._schedule_match()

    def _reload(self) -> None:
        actor = self.xapp.actor
        self.xapp.run_db(lambda s: list_tasks(s, actor, limit=RECENT), self._show_tasks, group="tasks", exclusive=True)

    def _show_tasks(self, tasks: list[TaskView]) -> None:
        table = self.query_one("#tasks", DataTable)
        table.clear()
        self._tasks = {task.ref: task for task in tasks}
        for task in tasks:
            _, kind, admission, status = task.labels
            late = tr("·审查超期") if task.review_late else ""
            received = (
                f"{task.received_on:%m-%d}" if task.received_on.year == now().year else f"{task.received_on:%Y-%m-%d}"
            )
            table.add_row(
                task.ref, task.title, tr(admission), tr(status) + late, received, task.department, tr(kind),
                key=task.ref,
            )  # fmt: skip
        self.refresh_bindings()

    def _highlighted(self) -> TaskView | None:
        ref = self.query_one("#tasks", PlainTable).highlighted_key()
        return self._tasks.get(ref) if ref is not None else None

    @on(DataTable.RowHighlighted, "#tasks")
    def _row_moved(self) -> None:
        self.refresh_bindings()  # which steps the highlighted task allows

    @on(DataTable.RowSelected, "#tasks")
    def _row_opened(self) -> None:
        """Enter on a task: what the door decided and why, and where the procedure stands."""
        task = self._highlighted()
        if task is None:
            return
        _, kind, admission, status = task.labels
        lines = [f"{task.title}", f"{task.department} · {tr(kind)} · {tr(admission)} · {tr(status)}", task.reason]
        if task.due_on:
            lines.append(tr("完成期限 {}").format(f"{task.due_on:%Y-%m-%d}"))
        if task.decision_due_on and task.status == TaskStatus.REVIEWING:
            lines.append(tr("应于 {} 前作出准入决定").format(f"{task.decision_due_on:%Y-%m-%d}"))
        if task.admitted_until:
            lines.append(tr("准入至 {}").format(f"{task.admitted_until:%Y-%m-%d}"))
        self.notify("\n".join(lines), title=task.ref, timeout=15)

    def _query_text(self) -> tuple[str, str]:
        return self.query_one("#task-title", Input).value.strip(), self.query_one("#task-content", Input).value.strip()

    @on(Input.Changed, "#task-title, #task-content")
    def _text_changed(self) -> None:
        self._schedule_match()

    def _schedule_match(self) -> None:
        matcher = self.xapp.matcher
        if matcher is None:
            return  # _wait_for_matcher asks again once it is loaded
        self.match_as_typed(
            self._query_text,
            lambda q: matcher.match(q[0], top=3, body=q[1], catalog_only=True),
            self._show_match,
            group="door-match",
        )

    def _show_match(self, result: MatchResult) -> None:
        self._result = result
        self._show_door()

    def proposal(self) -> Proposal | None:
        """What Ctrl+S would log: the person's choice (an item, or off-list), else the door's own proposal."""
        if self._off_list:
            admission, rule = rule_for(None)
            return Proposal(admission, None, rule)
        if self._chosen is not None:
            item = self._items.get(self._chosen.merged_from or self._chosen.code)
            admission, rule = rule_for(item)
            return Proposal(admission, item, rule, self._chosen.score)
        if self._result is None or self._result.empty:
            return None
        return proposal_for(self._result, self._items)

    def _show_door(self) -> None:
        options = self.query_one("#suggestions", OptionList)
        options.clear_options()
        door = self.query_one("#door", Static)
        if not may(self.xapp.actor, Privilege.TASK_LOG):
            door.update(tr("您的角色只能查看下派给您所在范围的任务；登记由社区和街道负责"))
            return
        result = self._result
        chosen = self._chosen.code if self._chosen is not None else None
        if result is not None:
            for rank, s in enumerate(result.suggestions, 1):
                options.add_option(Option(suggestion_text(rank, s, s.code == chosen), id=s.code))
        proposal = self.proposal()
        for name in DECISION_CLASS.values():
            door.set_class(False, name)
        if proposal is None:
            door.update("")
            return
        door.set_class(True, DECISION_CLASS[proposal.admission])
        whose = tr("（已选定）") if self._chosen is not None or self._off_list else tr("（建议，Ctrl+S 按此登记）")
        door.update(f"{tr(proposal.admission.label)}{whose}：{proposal.rule}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The door's keys are offered only to those who keep the door (the community and the street); the
        procedure's keys to those who may take the step, while the list of tasks has the cursor."""
        actor = self.xapp.actor
        if action in ("save", "choose", "off_list", "clear"):
            return may(actor, Privilege.TASK_LOG)
        if action == "step":
            task = self._highlighted()
            if self.focused is not self.query_one("#tasks", DataTable) or task is None:
                return False
            return procedure.may_take(actor, str(parameters[0]), task.status)  # only steps that would succeed
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # the procedure's keys come and go with the list's cursor

    def action_step(self, step: str) -> None:
        """Take one step of the procedure on the highlighted task, with the reason the trail keeps."""
        ref = self.query_one("#tasks", PlainTable).highlighted_key()
        if ref is None:
            return
        question, example, done_text = self.STEPS[step]
        actor = self.xapp.actor

        def work(session: Session, text: str) -> str:
            if step == TaskAction.APPLY:
                return procedure.apply(session, actor, ref, provided=text, note=text).ref
            if step == TaskAction.REVOKE:
                return procedure.revoke(session, actor, ref, reason=text).ref
            return procedure.decide(session, actor, ref, admit=step == TaskAction.ADMIT, reason=text).ref

        def answered(note: NoteResult | None) -> None:
            if note is None:
                return

            def done(task_ref: str) -> None:
                self.notify(done_text, title=task_ref)
                self._reload()

            self.xapp.run_db(lambda s: work(s, note.text), done, group="task-step")

        self.app.push_screen(NoteDialog(f"{ref} {question}", example), answered)

    def action_choose(self, index: int) -> None:
        if self._result is None or index >= len(self._result.suggestions):
            self.notify(tr("没有这条建议"), severity="warning")
            return
        self._chosen, self._off_list = self._result.suggestions[index], False
        self._show_door()

    def action_off_list(self) -> None:
        self._chosen, self._off_list = None, True
        self._show_door()

    @on(OptionList.OptionSelected, "#suggestions")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if self._result is None:
            return
        for index, s in enumerate(self._result.suggestions):
            if s.code == event.option.id:
                self.action_choose(index)

    @on(Input.Submitted, "#task-title, #task-content, #task-received, #task-due, #task-hours")
    def _next_field(self) -> None:
        self.focus_next()

    def action_clear(self) -> None:
        for widget_id in ("#task-title", "#task-content", "#task-due", "#task-hours"):
            self.query_one(widget_id, Input).value = ""
        # the next task comes from another department as often as not: it is chosen again, never carried over
        self.query_one("#task-department", Select).clear()
        self._chosen, self._off_list, self._result = None, False, None
        self._show_door()
        self.query_one("#task-title", Input).focus()

    def _value(self, widget_id: str) -> str:
        widget = self.query_one(widget_id)
        if isinstance(widget, Select):
            return widget.value if isinstance(widget.value, str) else ""
        assert isinstance(widget, Input)
        return widget.value.strip()

    def action_save(self) -> None:
        proposal = self.proposal()
        if proposal is None:
            self.notify(tr("请先填写任务标题"), severity="warning")
            self.query_one("#task-title", Input).focus()
            return
        received, due = self._value("#task-received"), self._value("#task-due")
        for text, widget_id in ((received, "#task-received"), (due, "#task-due")):
            if text and _day(text) is None:
                self.notify(tr("日期应写成 2026-12-31，收到 “{}”").format(text), severity="warning")
                self.query_one(widget_id).focus()
                return
        hours_text = self._value("#task-hours")
        try:
            hours = float(hours_text) if hours_text else 0.0
        except ValueError:
            self.notify(tr("预计工时应为数字（小时）"), severity="warning")
            self.query_one("#task-hours").focus()
            return
        task = TaskInput(
            department=self._value("#task-department"),
            title=self._value("#task-title"),
            content=self._value("#task-content"),
            received_on=_day(received),
            due_on=_day(due),
            hours=hours,
            target=self._value("#task-target"),
            source=self._value("#task-source"),
            kind=self._value("#task-kind"),
        )
        code = proposal.item.code if proposal.item else None
        actor = self.xapp.actor

        self._bad_field = None

        def work(session: Session) -> tuple[str, Proposal]:
            decided = decide_for_code(session, code)  # cited as the list stands at this moment
            try:
                return log_task(session, actor, task, decided), decided
            except TaskFieldError as problem:
                self._bad_field = problem.field
                raise

        def done(value: tuple[str, Proposal]) -> None:
            ref, decided = value
            self.notify(decided.rule, title=tr("已登记 {} · {}").format(ref, tr(decided.admission.label)), timeout=8)
            self.action_clear()
            self._reload()

        def failed() -> None:
            if self._bad_field in FIELD_WIDGETS:
                self.query_one(FIELD_WIDGETS[self._bad_field]).focus()

        self.xapp.run_db(work, done, group="task-save", on_error=failed)
