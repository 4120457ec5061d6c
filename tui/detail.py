"""诉求详情: the request, its routing and its timeline, with one key per legal workflow action."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from sqlmodel import Session
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from models import intake, workflow
from models.catalog import DUTY_LABELS
from models.intake import CHANNEL_LABELS, KIND_LABELS, URGENCY_LABELS
from models.permissions import ACTION_NAMES
from models.queries import RequestDetail, list_departments, request_detail
from models.workflow import RETURN_REASONS, SATISFACTION_LABELS, STATUS_LABELS, WAITING_FOR
from tui.dialogs import (
    CallbackDialog,
    CallbackResult,
    ChoiceDialog,
    DepartmentDialog,
    ItemDialog,
    NoteDialog,
    NoteResult,
)

if TYPE_CHECKING:
    from tui.app import XinshengApp

ACTION_KEYS = {
    "accept": "accept",
    "dispatch": "dispatch",
    "sign": "sign",
    "return": "return_request",
    "resolve": "resolve",
    "callback": "callback",
    "reject": "reject",
    "reopen": "reopen",
    "unmerge": "unmerge",
    "route": "correct_item",
    "pause": "pause",
    "resume": "resume",
    "extension_requested": "request_extension",
    "extend": "decide_extension",
}


class DetailScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "back", "返回"),
        Binding("a", "accept", "受理"),
        Binding("d", "dispatch", "派单"),
        Binding("s", "sign", "签收"),
        Binding("r", "return_request", "退单"),
        Binding("f", "resolve", "办结"),
        Binding("c", "callback", "回访"),
        Binding("x", "reject", "不受理"),
        Binding("o", "reopen", "重办"),
        Binding("u", "unmerge", "撤销合并"),
        Binding("e", "correct_item", "更正"),
        Binding("p", "pause", "暂停"),
        Binding("g", "resume", "恢复"),
        Binding("t", "request_extension", "延期"),
        Binding("y", "decide_extension", "审批"),
    ]

    def __init__(self, request_id: int) -> None:
        super().__init__()
        self.request_id = request_id
        self.detail: RequestDetail | None = None

    @property
    def xapp(self) -> XinshengApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail-body"):
            yield Static("正在加载……", id="summary")
            yield Static("", id="detail-routing")
            yield Static("办理记录", classes="section-title")
            yield DataTable(id="timeline", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#timeline", DataTable)
        for label in ("时间", "操作", "人员", "状态", "说明"):
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
        summary.append(f"【{detail.status_label}{' · 已超期' if detail.overdue else ''}】", style=status_style)
        summary.append(f"  {detail.title}\n", style="bold")
        if detail.text:
            summary.append(f"{detail.text}\n")
        summary.append(
            f"地点：{detail.location or '—'}  网格：{detail.grid or '—'}  "
            f"渠道：{CHANNEL_LABELS.get(detail.channel, detail.channel)}  "
            f"类型：{KIND_LABELS.get(detail.kind, detail.kind)}  "
            f"紧急程度：{URGENCY_LABELS.get(detail.urgency, detail.urgency)}\n",
            style="dim",
        )
        summary.append(f"居民：{detail.resident_name or '—'} {detail.resident_phone}  ", style="dim")
        summary.append(f"登记：{detail.created_at:%Y-%m-%d %H:%M}  ", style="dim")
        if detail.due_at:
            summary.append(f"办结时限：{detail.due_at:%Y-%m-%d %H:%M} ", style="dim")
            summary.append(detail.deadline_words(), style="bold red" if detail.overdue else "bold")
        summary.append("\n")
        if detail.extension_days_pending:
            summary.append(f"延期申请 {detail.extension_days_pending} 个工作日，待主管审批\n", style="yellow")
        if detail.item_name:
            summary.append(
                f"清单事项：[{detail.item_code}] {detail.item_name}（{DUTY_LABELS.get(detail.duty or '', '')}）"
            )
            if detail.match_score is not None and not detail.confirmed_by:
                summary.append(f"  自动匹配{detail.match_score:.0f}分·待确认", style="yellow")
            elif detail.confirmed_by:
                summary.append(f"  已由 {detail.confirmed_by} 确认", style="green")
            summary.append("\n")
        summary.append(f"承办部门：{detail.department or '未定'}\n")
        if detail.resolution:
            summary.append(f"办理结果：{detail.resolution}\n")
        if detail.satisfaction:
            summary.append(f"回访评价：{SATISFACTION_LABELS.get(detail.satisfaction, detail.satisfaction)}\n")
        if detail.duplicate_of:
            summary.append(f"已合并到：{detail.duplicate_of}\n", style="yellow")
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
                and (ev.from_status or ev.action in ("create", "import"))
            ):
                change = f"{STATUS_LABELS.get(ev.from_status or '', '') or '—'}→{STATUS_LABELS.get(ev.to_status, '')}"
            table.add_row(f"{ev.at:%m-%d %H:%M}", ev.action_label, ev.actor, change, ev.note[:60])
        self.refresh_bindings()

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The workflow actions legal right now, for the command palette."""
        keys = {b.action: b.key for b in self.BINDINGS if isinstance(b, Binding)}
        for workflow_action, action in ACTION_KEYS.items():
            if not self.check_action(action, ()):
                continue
            name = "审批延期" if action == "decide_extension" else ACTION_NAMES.get(workflow_action, workflow_action)
            yield SystemCommand(name, f"对当前诉求执行“{name}”（按 {keys[action]}）", getattr(self, f"action_{action}"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the actions the workflow allows from the current state appear in the footer."""
        if action in ACTION_KEYS.values():
            if self.detail is None:
                return False
            allowed = {ACTION_KEYS[a] for a in self.detail.actions if a in ACTION_KEYS}
            return action in allowed
        return True

    def _apply(self, work: Callable[[Session, Any], object], message: str) -> None:
        """Run one workflow function on a fresh copy of the request, checked against the version we showed."""
        detail = self.detail
        if detail is None:
            return

        def job(session: Session) -> None:
            request = workflow.get_request(session, detail.id)
            if request.version != detail.version:
                from models.errors import ConflictError

                raise ConflictError("该诉求已被他人修改，已为你刷新，请重试")
            work(session, request)

        def done(_: object) -> None:
            self.notify(message, timeout=3)
            self.reload()

        self.xapp.run_db(job, done, group="action", on_error=self.reload)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_accept(self) -> None:
        actor = self.xapp.actor
        self._apply(lambda s, r: workflow.accept(s, r, actor), "已受理")

    def action_sign(self) -> None:
        actor = self.xapp.actor
        self._apply(lambda s, r: workflow.sign(s, r, actor), "已签收，开始办理")

    def action_unmerge(self) -> None:
        actor = self.xapp.actor
        self._apply(lambda s, r: workflow.unmerge(s, r, actor), "已撤销合并")

    def action_correct_item(self) -> None:
        """更正事项: choose the right item; the routing follows it and the matcher learns from the correction."""
        detail, matcher = self.detail, self.xapp.matcher
        if detail is None or matcher is None:
            return
        actor = self.xapp.actor

        def picked(code: str | None) -> None:
            if code:
                self._apply(
                    lambda s, r: intake.confirm_routing(s, r, actor, code, matcher=matcher), "已更正事项，匹配已学习"
                )

        self._pick_item("更正清单事项（回车确定，Esc 取消）", picked)

    def _pick_item(self, title: str, picked: Callable[[str | None], Any]) -> None:
        """Choose a catalog item: the matcher's suggestions for this request first, typing searches all."""
        detail, matcher = self.detail, self.xapp.matcher
        if detail is None or matcher is None:
            return
        suggestions = [
            (s.code, f"{s.name}（{DUTY_LABELS.get(s.duty, s.duty)} → {s.department}）")
            for s in matcher.match(f"{detail.title} {detail.text}", top=8).suggestions
        ]
        catalog = [
            (i.code, f"[{i.code}] {i.name}（{DUTY_LABELS.get(i.duty, i.duty)} → {matcher.route_department(i)}）")
            for i in matcher.items
        ]
        self.app.push_screen(ItemDialog(suggestions, catalog, title), picked)

    def action_dispatch(self) -> None:
        detail = self.detail
        if detail is None:
            return
        actor = self.xapp.actor

        def picked(choice: str | None) -> None:
            if choice:
                department_id = int(choice)
                self._apply(lambda s, r: workflow.dispatch(s, r, actor, department_id), "已派单")

        def show(departments: list[tuple[int, str, str]]) -> None:
            self.app.push_screen(DepartmentDialog(departments, detail.department_id), picked)

        self.xapp.run_db(list_departments, show, group="departments")

    def _with_note(
        self,
        title: str,
        placeholder: str,
        apply: Callable[[NoteResult], None],
        *,
        with_hours: bool = False,
        number: str | None = None,
    ) -> None:
        def done(result: NoteResult | None) -> None:
            if result is not None:
                apply(result)

        self.app.push_screen(NoteDialog(title, placeholder, with_hours=with_hours, number=number), done)

    def action_return_request(self) -> None:
        """退单: a reason code first; "not our duty" then needs the catalog item that says whose duty it is."""
        actor = self.xapp.actor

        def explain(code: str, item_code: str | None) -> None:
            self._with_note(
                f"退单说明：{RETURN_REASONS[code]}（必填）",
                "如：经核实属于区住建局职责，已告知居民",
                lambda n: self._apply(
                    lambda s, r: workflow.return_request(s, r, actor, n.text, item_code=item_code, code=code), "已退单"
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

            self._pick_item("依据哪条清单事项退单？（回车确定，Esc 取消）", item_chosen)

        self.app.push_screen(ChoiceDialog("退单原因（回车确定，Esc 取消）", RETURN_REASONS), reason_chosen)

    def action_pause(self) -> None:
        actor = self.xapp.actor

        def chosen(waiting_for: str | None) -> None:
            if waiting_for:
                self._with_note(
                    f"暂停计时：{WAITING_FOR[waiting_for]}（写明原因）",
                    "如：居民出差，约定下周三上门查看",
                    lambda n: self._apply(lambda s, r: workflow.pause(s, r, actor, waiting_for, n.text), "已暂停计时"),
                )

        self.app.push_screen(ChoiceDialog("为什么暂停计时？", WAITING_FOR), chosen)

    def action_resume(self) -> None:
        actor = self.xapp.actor
        self._apply(lambda s, r: workflow.resume(s, r, actor), "已恢复计时，办结时限已顺延")

    def action_request_extension(self) -> None:
        actor = self.xapp.actor
        self._with_note(
            "申请延期：理由（必填）",
            "如：需要采购配件，预计两周到货",
            lambda n: self._apply(
                lambda s, r: workflow.request_extension(s, r, actor, int(n.hours or 0), n.text), "已提交延期申请"
            ),
            number="延期工作日数（1–60）",
        )

    def action_decide_extension(self) -> None:
        actor = self.xapp.actor

        def chosen(answer: str | None) -> None:
            if answer:
                approve = answer == "approve"
                self._apply(
                    lambda s, r: workflow.decide_extension(s, r, actor, approve),
                    "已批准延期" if approve else "已不批准延期",
                )

        self.app.push_screen(ChoiceDialog("审批延期申请", {"approve": "批准延期", "refuse": "不批准"}), chosen)

    def action_resolve(self) -> None:
        actor = self.xapp.actor
        self._with_note(
            "办结：办理结果（必填）",
            "如：已协调物业在楼道安装折叠座椅 4 把",
            lambda n: self._apply(lambda s, r: workflow.resolve(s, r, actor, n.text, n.hours), "已办结"),
            with_hours=True,
        )

    def action_reject(self) -> None:
        actor = self.xapp.actor
        self._with_note(
            "不予受理理由（必填）",
            "如：重复诉求 / 内容不清且多次联系未果",
            lambda n: self._apply(lambda s, r: workflow.reject(s, r, actor, n.text), "已不予受理"),
        )

    def action_reopen(self) -> None:
        actor = self.xapp.actor
        self._with_note(
            "重办理由（必填）",
            "如：居民反映问题再次出现",
            lambda n: self._apply(lambda s, r: workflow.reopen(s, r, actor, n.text), "已转重办"),
        )

    def action_callback(self) -> None:
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
                "回访已记录",
            )

        self.app.push_screen(CallbackDialog(), done)
