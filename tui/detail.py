"""诉求详情: the request, its routing and its timeline, with one key per legal workflow action.

Every action is declared once, in ACTIONS. The key bindings, the footer, the ? list, the command palette and the
checks of what the request's state and the operator's role allow are all read from that one table, so adding or
changing an action cannot leave one of them behind (a key in the footer that the palette lacks, a palette entry the
workflow would refuse).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from rich.text import Text
from sqlmodel import Session
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from models.core.vocabulary import (
    ACTION_NAMES,
    CHANNEL_LABELS,
    DUTY_LABELS,
    KIND_LABELS,
    RETURN_REASONS,
    SATISFACTION_LABELS,
    STATUS_LABELS,
    URGENCY_LABELS,
    WAITING_FOR,
    Action,
)
from models.people.permissions import Actor
from models.requests import intake, workflow
from models.requests.queries import (
    EventRow,
    MergeTarget,
    RequestDetail,
    list_departments,
    merge_target,
    request_detail,
)
from models.store.tables import Request
from tui.base import XinshengScreen
from tui.dialogs import (
    CallbackDialog,
    CallbackResult,
    ChoiceDialog,
    ConfirmDialog,
    DepartmentDialog,
    ItemDialog,
    NoteDialog,
    NoteResult,
)
from tui.i18n import tr
from tui.plain_table import PlainTable

# one workflow call on a fresh copy of the request, by the operator, with what the note dialog collected
Step = Callable[[Session, Request, Actor, NoteResult], object]
NO_NOTE = NoteResult("")  # what a step without a dialog is given


@dataclass(frozen=True)
class Note:
    """The note dialog an action asks first: its question, an example answer, and whether it also wants the hours
    spent or a whole number. The question also keys the draft kept when the action then fails."""

    title: str
    placeholder: str
    with_hours: bool = False
    number: str | None = None


@dataclass(frozen=True)
class DetailAction:
    """One key of the detail screen, from which its binding, footer entry, ? line and palette entry are made.

    Most actions take the common path: the `note` dialog if any, then `step`, then `done` as a notification and a
    reload. The few that need other dialogs, or show a result instead of changing the request, have a `handler`.
    """

    key: str
    id: str  # the last part of the binding id: users' keymap files name it, so it never changes
    label: str  # in the footer and in ?
    workflow: str | None  # the workflow action that must be possible now; None: always offered, not in the palette
    step: Step | None = None
    done: str = ""
    note: Note | None = None
    handler: Callable[[DetailScreen], None] | None = None
    show: bool = True  # False: left out of the footer, which has room for the common keys only; still in ?
    name: str | None = None  # the palette's name, where the workflow action's own would mislead

    def __post_init__(self) -> None:
        if (self.step is None) == (self.handler is None):
            raise ValueError(f"{self.id}: an action takes either the common path (step) or its own handler")

    def binding(self) -> Binding:
        return Binding(self.key, f"act('{self.id}')", self.label, show=self.show, id=f"xinsheng.detail.{self.id}")

    @property
    def title(self) -> str:
        return self.name or tr(ACTION_NAMES.get(self.workflow or "", self.workflow or ""))


ACTIONS: tuple[DetailAction, ...] = (
    DetailAction(
        "a", "accept", tr("受理"), Action.ACCEPT,
        step=lambda s, r, actor, n: workflow.accept(s, r, actor), done=tr("已受理"),
    ),
    DetailAction("d", "dispatch", tr("派单"), Action.DISPATCH, handler=lambda screen: screen.dispatch()),
    DetailAction(
        "s", "sign", tr("签收"), Action.SIGN,
        step=lambda s, r, actor, n: workflow.sign(s, r, actor), done=tr("已签收，开始办理"),
    ),
    DetailAction("r", "return-request", tr("退单"), Action.RETURN, handler=lambda screen: screen.return_request()),
    DetailAction(
        "f", "resolve", tr("办结"), Action.RESOLVE,
        note=Note(tr("办结：办理结果（必填）"), tr("如：已协调物业在楼道安装折叠座椅 4 把"), with_hours=True),
        step=lambda s, r, actor, n: workflow.resolve(s, r, actor, n.text, n.hours), done=tr("已办结"),
    ),
    DetailAction("c", "callback", tr("回访"), Action.CALLBACK, handler=lambda screen: screen.record_callback()),
    DetailAction(
        "x", "reject", tr("不受理"), Action.REJECT,
        note=Note(tr("不予受理理由（必填）"), tr("如：重复诉求 / 内容不清且多次联系未果")),
        step=lambda s, r, actor, n: workflow.reject(s, r, actor, n.text), done=tr("已不予受理"),
    ),
    DetailAction(
        "o", "reopen", tr("重办"), Action.REOPEN,
        note=Note(tr("重办理由（必填）"), tr("如：居民反映问题再次出现")),
        step=lambda s, r, actor, n: workflow.reopen(s, r, actor, n.text), done=tr("已转重办"),
    ),
    DetailAction(
        "u", "unmerge", tr("撤销合并"), Action.UNMERGE,
        step=lambda s, r, actor, n: workflow.unmerge(s, r, actor), done=tr("已撤销合并"),
    ),
    DetailAction("e", "correct-item", tr("更正"), Action.ROUTE, handler=lambda screen: screen.correct_item()),
    DetailAction("p", "pause", tr("暂停"), Action.PAUSE, handler=lambda screen: screen.pause_clock()),
    DetailAction(
        "g", "resume", tr("恢复"), Action.RESUME,
        step=lambda s, r, actor, n: workflow.resume(s, r, actor), done=tr("已恢复计时，办结时限已顺延"),
    ),
    DetailAction(
        "t", "request-extension", tr("延期"), Action.EXTENSION_REQUESTED,
        note=Note(
            tr("申请延期：理由（必填）"), tr("如：需要采购配件，预计两周到货"), number=tr("延期工作日数（1–60）")
        ),
        step=lambda s, r, actor, n: workflow.request_extension(s, r, actor, int(n.hours or 0), n.text),
        done=tr("已提交延期申请"),
    ),
    DetailAction(
        "y", "decide-extension", tr("审批"), Action.EXTEND,
        handler=lambda screen: screen.decide_extension(), name=tr("审批延期"),
    ),
    DetailAction(
        "k", "review-return", tr("裁定退单"), Action.UPHOLD_RETURN,
        handler=lambda screen: screen.review_return(), show=False, name=tr("裁定退单"),
    ),
    DetailAction("m", "merge", tr("合并"), Action.MERGE, handler=lambda screen: screen.merge()),
    DetailAction(
        "v", "reveal-contact", tr("查看电话"), None, handler=lambda screen: screen.reveal_contact(), show=False
    ),
)  # fmt: skip
BY_ID = {action.id: action for action in ACTIONS}


def recorded(ev: EventRow) -> str:
    """The timeline's 说明: the note, after what the event stored beside it that a reader needs (the return reason
    and the catalog item it cites, the hours of a 办结, the resident's rating at a callback); shown nowhere else, it
    was lost."""
    said: list[str] = []
    if ev.action == Action.RETURN:  # (a logged request's item is in the summary above, not repeated here)
        if ev.data.get("code") in RETURN_REASONS:
            said.append(tr(RETURN_REASONS[str(ev.data["code"])]))
        if ev.item:
            said.append(tr("依据 {}").format(ev.item))
    hours = ev.data.get("hours")
    if ev.action == Action.RESOLVE and isinstance(hours, int | float):  # each 办结's own: 重办 brings a second one
        said.append(tr("工时 {:g} 小时").format(hours))
    if ev.action == Action.CALLBACK and ev.data.get("satisfaction") in SATISFACTION_LABELS:
        said.append(tr(SATISFACTION_LABELS[str(ev.data["satisfaction"])]))
        if ev.data.get("solved") is False:
            said.append(tr("未解决"))
    head = " · ".join(said)
    return f"{head}：{ev.note}" if head and ev.note else head or ev.note


def last_return(detail: RequestDetail) -> EventRow | None:
    return next((ev for ev in reversed(detail.events) if ev.action == Action.RETURN), None)


MERGE_NOTE = Note(tr("合并到哪条诉求？输入它的编号"), tr("如：XS-2026-000123，或只输数字部分 123"))


class DetailScreen(XinshengScreen):
    BINDINGS = [Binding("escape", "back", tr("返回"), id="xinsheng.detail.back"), *(a.binding() for a in ACTIONS)]

    def __init__(self, request_id: int) -> None:
        super().__init__()
        self.request_id = request_id
        self.detail: RequestDetail | None = None
        # what was typed into a dialog whose action did not go through (someone else changed the request first):
        # offered again when the same dialog opens, so a conflict costs a keypress, not the retyping
        self._drafts: dict[str, str] = {}
        self._typed: tuple[str, str] | None = None

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="detail-body"):
            yield Static(tr("正在加载……"), id="summary")
            yield Static("", id="detail-routing")
            yield Static(tr("办理记录"), classes="section-title")
            yield PlainTable(id="timeline", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#timeline", DataTable)
        for label in (tr("时间"), tr("操作"), tr("人员"), tr("状态"), tr("说明")):
            table.add_column(label)
        self.reload()

    def reload(self) -> None:
        request_id, actor = self.request_id, self.xapp.actor
        self.xapp.run_db(lambda s: request_detail(s, request_id, actor), self._show, group="detail", exclusive=True)

    def _show(self, detail: RequestDetail) -> None:
        self.detail = detail
        summary = Text()
        summary.append(f"{detail.ref}  ", style="bold")
        status_style = "bold red" if detail.overdue else "bold green"
        summary.append(f"【{tr(detail.status_label)}{tr(' · 已超期') if detail.overdue else ''}】", style=status_style)
        summary.append(f"  {detail.title}\n", style="bold")
        if detail.text:
            summary.append(f"{detail.text}\n")
        summary.append(
            tr("地点：{}  网格：{}  渠道：{}  类型：{}  紧急程度：{}\n").format(
                detail.location or "—",
                detail.grid or "—",
                tr(CHANNEL_LABELS.get(detail.channel, detail.channel)),
                tr(KIND_LABELS.get(detail.kind, detail.kind)),
                tr(URGENCY_LABELS.get(detail.urgency, detail.urgency)),
            ),
            style="dim",
        )
        summary.append(tr("居民：{} {}  ").format(detail.resident_name or "—", detail.resident_phone), style="dim")
        summary.append(tr("登记：{}  ").format(f"{detail.created_at:%Y-%m-%d %H:%M}"), style="dim")
        if detail.due_at:
            summary.append(tr("办结时限：{} ").format(f"{detail.due_at:%Y-%m-%d %H:%M}"), style="dim")
            summary.append(detail.deadline_words(), style="bold red" if detail.overdue else "bold")
        summary.append("\n")
        if detail.extension_days_pending:
            summary.append(
                tr("延期申请 {} 个工作日，待主管审批\n").format(detail.extension_days_pending), style="yellow"
            )
        if detail.item_name:
            summary.append(
                tr("清单事项：[{}] {}（{}）").format(
                    detail.item_code, detail.item_name, tr(DUTY_LABELS.get(detail.duty or "", ""))
                )
            )
            if detail.match_score is not None and not detail.confirmed_by:
                summary.append(tr("  自动匹配{:.0f}分·待确认").format(detail.match_score), style="yellow")
            elif detail.confirmed_by:
                summary.append(tr("  已由 {} 确认").format(detail.confirmed_by), style="green")
            summary.append("\n")
        summary.append(tr("承办部门：{}\n").format(detail.department or tr("未定")))
        returned = last_return(detail)
        if returned is not None:  # the unit's reason and evidence in full: the timeline's 说明 is cut to its width
            code = str(returned.data.get("code", ""))
            summary.append(tr("退单原因：{}").format(tr(RETURN_REASONS.get(code, code)) or "—"))
            if returned.item:
                summary.append("  " + tr("依据 {}").format(returned.item))
            summary.append("\n")
            if returned.note:
                summary.append(tr("退单理由：{}\n").format(returned.note))
        if detail.resolution:
            summary.append(tr("办理结果：{}").format(detail.resolution))
            if detail.hours_spent is not None:
                summary.append(tr("  办理工时：{:g} 小时").format(detail.hours_spent))
            summary.append("\n")
        if detail.satisfaction:
            summary.append(
                tr("回访评价：{}").format(tr(SATISFACTION_LABELS.get(detail.satisfaction, detail.satisfaction)))
            )
            said = next((ev.note for ev in reversed(detail.events) if ev.action == Action.CALLBACK), "")
            if said:  # why the resident is (dis)satisfied: what the callback recorded, not only the rating
                summary.append(tr("  居民意见：{}").format(said))
            summary.append("\n")
        if detail.duplicate_of:
            summary.append(tr("已合并到：{}\n").format(detail.duplicate_of), style="yellow")
        self.query_one("#summary", Static).update(summary)
        routing = self.query_one("#detail-routing", Static)
        routing.set_class(detail.routing.warning, "warning")
        routing.update(("⚠ " if detail.routing.warning else "") + detail.routing.message)
        table = self.query_one("#timeline", DataTable)
        table.clear()
        for ev in detail.events:
            change = ""
            if (
                ev.to_status
                and ev.from_status != ev.to_status
                and (ev.from_status or ev.action in (Action.CREATE, Action.IMPORT))
            ):
                before = tr(STATUS_LABELS.get(ev.from_status or "", "")) or "—"
                change = f"{before}→{tr(STATUS_LABELS.get(ev.to_status, ''))}"
            table.add_row(f"{ev.at:%m-%d %H:%M}", tr(ev.action_label), ev.actor, change, recorded(ev)[:60])
        self.refresh_bindings()

    def allowed(self, action: DetailAction) -> bool:
        """Whether the request as shown, in this operator's hands, allows the action (the domain has already
        taken the role into account in `detail.actions`)."""
        if action.workflow is None:
            return True
        return self.detail is not None and action.workflow in self.detail.actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Textual asks before it shows a key in the footer or in ?, and before it runs one: a key the workflow
        would refuse is not offered at all. The bindings ask as act('accept'); code may ask by name, "accept"."""
        name = parameters[0] if action == "act" and parameters else action
        declared = BY_ID.get(str(name))
        return True if declared is None else self.allowed(declared)

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The workflow actions legal right now, for the command palette."""
        for action in ACTIONS:
            if action.workflow is None or not self.allowed(action):
                continue
            yield SystemCommand(
                action.title,
                tr("对当前诉求执行“{}”（按 {}）").format(action.title, action.key),
                partial(self.action_act, action.id),
            )

    def action_act(self, name: str) -> None:
        """Every declared key, from the keyboard, the footer or the palette: its own handler, or the common path."""
        action = BY_ID[name]
        if action.handler is not None:
            action.handler(self)
        elif action.step is not None:
            step, actor, done = action.step, self.xapp.actor, action.done
            if action.note is None:
                self._apply(lambda s, r: step(s, r, actor, NO_NOTE), done)
            else:
                self._with_note(action.note, lambda n: self._apply(lambda s, r: step(s, r, actor, n), done))

    def action_back(self) -> None:
        self.app.pop_screen()

    def _apply(
        self, work: Callable[[Session, Request], object], message: str, draft: tuple[str, str] | None = None
    ) -> None:
        """Run one workflow function on a fresh copy of the request, checked against the version we showed.

        `draft`: the dialog and the text typed in it, kept if the action fails; by default the note being applied."""
        detail = self.detail
        if detail is None:
            return

        def job(session: Session) -> None:
            request = workflow.get_request(session, detail.id)
            if request.version != detail.version:
                from models.core.errors import ConflictError

                raise ConflictError(tr("该诉求已被他人修改，已为你刷新，请重试"))
            work(session, request)

        typed = draft or self._typed  # the note this action carries, if it came from a dialog

        def done(_: object) -> None:
            self._drafts.clear()
            self.notify(message, timeout=3)
            self.reload()

        def failed() -> None:
            if typed is not None:
                self._drafts[typed[0]] = typed[1]
            self.reload()

        self.xapp.run_db(job, done, group="action", on_error=failed)

    def _with_note(self, note: Note, apply: Callable[[NoteResult], None]) -> None:
        def done(result: NoteResult | None) -> None:
            if result is not None:
                self._typed = (note.title, result.text)  # kept as a draft only if the action it starts fails
                try:
                    apply(result)
                finally:
                    self._typed = None

        draft = self._drafts.get(note.title, "")
        dialog = NoteDialog(note.title, note.placeholder, with_hours=note.with_hours, number=note.number, text=draft)
        self.app.push_screen(dialog, done)

    def _pick_item(self, title: str, picked: Callable[[str | None], Any]) -> None:
        """Choose a catalog item: the matcher's suggestions for this request first, typing searches all."""
        detail, matcher = self.detail, self.xapp.matcher
        if detail is None or matcher is None:
            return
        suggestions = [
            (s.code, f"{s.name}（{tr(DUTY_LABELS.get(s.duty, s.duty))} → {s.department}）")
            for s in matcher.match(detail.title, top=8, body=detail.text).suggestions
        ]
        catalog = [
            (i.code, f"[{i.code}] {i.name}（{tr(DUTY_LABELS.get(i.duty, i.duty))} → {matcher.route_department(i)}）")
            for i in matcher.items
        ]
        self.app.push_screen(ItemDialog(suggestions, catalog, title), picked)

    # the actions with a handler of their own: more than one dialog, a dialog of another kind, or a result to show

    def dispatch(self) -> None:
        """派单: the department dialog opens, from the list of all of them, on the unit the item cited by the last 退单
        belongs to (marked with that item), else on the routed department."""
        detail = self.detail
        if detail is None:
            return
        actor = self.xapp.actor
        returned = last_return(detail)
        notes = {}
        if detail.cited_department_id is not None and returned is not None and returned.item:
            notes[detail.cited_department_id] = tr("  ← 退单依据 {}").format(returned.item)

        def picked(choice: str | None) -> None:
            if choice:
                department_id = int(choice)
                self._apply(lambda s, r: workflow.dispatch(s, r, actor, department_id), tr("已派单"))

        def show(departments: list[tuple[int, str, str]]) -> None:
            self.app.push_screen(DepartmentDialog(departments, detail.dispatch_to, notes), picked)

        self.xapp.run_db(list_departments, show, group="departments")

    def merge(self) -> None:
        """合并: the ref typed, then the request it names shown (ref, title, status, and its year when that is not this
        year's) to confirm, because a merged request leaves every work list and a number alone can name another."""
        detail = self.detail
        if detail is None:
            return
        actor = self.xapp.actor

        def typed(n: NoteResult) -> None:
            draft = (MERGE_NOTE.title, n.text)

            def answered(target: MergeTarget, yes: bool | None) -> None:
                if yes:
                    self._apply(
                        lambda s, r: workflow.merge(s, r, workflow.get_request(s, target.id), actor),
                        tr("已合并（按 u 可撤销）"),
                        draft,
                    )

            def confirm(target: MergeTarget) -> None:
                body = Text(tr("{} 将作为重复诉求并入：\n").format(detail.ref))
                body.append(f"{target.ref}  ", style="bold")
                body.append(f"【{tr(target.status_label)}】  {target.title}\n")
                if not target.this_year:
                    body.append(tr("注意：这是 {} 年的诉求，不是今年的\n").format(target.year), style="bold red")
                self.app.push_screen(
                    ConfirmDialog(tr("确认合并（回车或 y 合并，Esc 取消）"), body), partial(answered, target)
                )

            def refused() -> None:
                self._drafts[draft[0]] = draft[1]

            self.xapp.run_db(
                lambda s: merge_target(s, detail.id, n.text, actor), confirm, group="merge", on_error=refused
            )

        self._with_note(MERGE_NOTE, typed)

    def return_request(self) -> None:
        """退单: a reason code first; "not our duty" then needs the catalog item that says whose duty it is."""
        actor = self.xapp.actor

        def explain(code: str, item_code: str | None) -> None:
            self._with_note(
                Note(
                    tr("退单说明：{}（必填）").format(tr(RETURN_REASONS[code])),
                    tr("如：经核实属于区住建局职责，已告知居民"),
                ),
                lambda n: self._apply(
                    lambda s, r: workflow.return_request(s, r, actor, n.text, item_code=item_code, code=code),
                    tr("已退单"),
                ),
            )

        def reason_chosen(code: str | None) -> None:
            if code is None:
                return
            if code != "not_our_duty":
                explain(code, None)
                return

            def item_chosen(item: str | None) -> None:
                if item:
                    explain(code, item)

            self._pick_item(tr("依据哪条清单事项退单？（回车确定，Esc 取消）"), item_chosen)

        self.app.push_screen(
            ChoiceDialog(tr("退单原因（回车确定，Esc 取消）"), {k: tr(v) for k, v in RETURN_REASONS.items()}),
            reason_chosen,
        )

    def record_callback(self) -> None:
        """回访: the resident's rating and whether it is solved, from the callback dialog."""
        actor = self.xapp.actor

        def done(result: CallbackResult | None) -> None:
            if result is None:
                return
            self._apply(
                lambda s, r: workflow.callback(
                    s,
                    r,
                    actor,
                    satisfaction=result.satisfaction,
                    solved=result.solved,
                    comment=result.comment,
                ),
                tr("回访已记录"),
            )

        self.app.push_screen(CallbackDialog(), done)

    def correct_item(self) -> None:
        """更正事项: choose the right item; the routing follows it and the matcher learns from the correction."""
        detail, matcher = self.detail, self.xapp.matcher
        if detail is None or matcher is None:
            return
        actor = self.xapp.actor

        def picked(code: str | None) -> None:
            if code:
                self._apply(
                    lambda s, r: intake.confirm_routing(s, r, actor, code, matcher=matcher),
                    tr("已更正事项，匹配已学习"),
                )

        self._pick_item(tr("更正清单事项（回车确定，Esc 取消）"), picked)

    def pause_clock(self) -> None:
        """暂停计时: what the request waits for first, then the note, whose question names it."""
        actor = self.xapp.actor

        def chosen(waiting_for: str | None) -> None:
            if waiting_for:
                self._with_note(
                    Note(
                        tr("暂停计时：{}（写明原因）").format(tr(WAITING_FOR[waiting_for])),
                        tr("如：居民出差，约定下周三上门查看"),
                    ),
                    lambda n: self._apply(
                        lambda s, r: workflow.pause(s, r, actor, waiting_for, n.text), tr("已暂停计时")
                    ),
                )

        self.app.push_screen(ChoiceDialog(tr("为什么暂停计时？"), {k: tr(v) for k, v in WAITING_FOR.items()}), chosen)

    def decide_extension(self) -> None:
        """审批延期: approve or refuse, and the notification says which."""
        actor = self.xapp.actor

        def chosen(answer: str | None) -> None:
            if answer:
                approve = answer == "approve"
                self._apply(
                    lambda s, r: workflow.decide_extension(s, r, actor, approve),
                    tr("已批准延期") if approve else tr("已不批准延期"),
                )

        self.app.push_screen(
            ChoiceDialog(tr("审批延期申请"), {"approve": tr("批准延期"), "refuse": tr("不批准")}), chosen
        )

    def review_return(self) -> None:
        """裁定退单: upheld (it is routed again) or overruled (back to the unit), with the reason."""
        actor = self.xapp.actor

        def chosen(answer: str | None) -> None:
            if not answer:
                return
            uphold = answer == "uphold"

            def ruled(n: NoteResult) -> None:
                self._apply(
                    lambda s, r: workflow.review_return(s, r, actor, uphold=uphold, reason=n.text),
                    tr("已裁定退单成立") if uphold else tr("已裁定退单不成立，退回原单位"),
                )

            self._with_note(Note(tr("裁定理由（必填）"), tr("如：该事项清单明确由本单位牵头")), ruled)

        self.app.push_screen(
            ChoiceDialog(
                tr("裁定退单"), {"uphold": tr("退单成立（重新派单）"), "overrule": tr("退单不成立（退回原单位）")}
            ),
            chosen,
        )

    def reveal_contact(self) -> None:
        """The resident's number in full, for a callback: with a reason, recorded in the audit trail, shown only
        in a notification that disappears, never in the detail itself."""
        detail = self.detail
        if detail is None:
            return
        actor = self.xapp.actor

        def reveal(n: NoteResult) -> None:
            from models.requests.personal_data import Contact, reveal_contact

            def shown(contact: Contact) -> None:
                self.notify(
                    tr("{} {}（已记录查看）").format(contact.name or "—", contact.phone or tr("未留电话")),
                    title=tr("居民联系方式 {}").format(contact.ref),
                    timeout=20,
                )

            self.xapp.run_db(lambda s: reveal_contact(s, detail.id, actor, n.text), shown, group="reveal")

        self._with_note(Note(tr("查看居民电话：用途（必填，将记入审计记录）"), tr("如：回访居民")), reveal)
