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
from tui.i18n import tr

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
    "merge": "merge_into",
    "pause": "pause",
    "resume": "resume",
    "extension_requested": "request_extension",
    "extend": "decide_extension",
}


class DetailScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "back", tr("返回"), id="xinsheng.detail.back"),
        Binding("a", "accept", tr("受理"), id="xinsheng.detail.accept"),
        Binding("d", "dispatch", tr("派单"), id="xinsheng.detail.dispatch"),
        Binding("s", "sign", tr("签收"), id="xinsheng.detail.sign"),
        Binding("r", "return_request", tr("退单"), id="xinsheng.detail.return-request"),
        Binding("f", "resolve", tr("办结"), id="xinsheng.detail.resolve"),
        Binding("c", "callback", tr("回访"), id="xinsheng.detail.callback"),
        Binding("x", "reject", tr("不受理"), id="xinsheng.detail.reject"),
        Binding("o", "reopen", tr("重办"), id="xinsheng.detail.reopen"),
        Binding("u", "unmerge", tr("撤销合并"), id="xinsheng.detail.unmerge"),
        Binding("e", "correct_item", tr("更正"), id="xinsheng.detail.correct-item"),
        Binding("p", "pause", tr("暂停"), id="xinsheng.detail.pause"),
        Binding("g", "resume", tr("恢复"), id="xinsheng.detail.resume"),
        Binding("t", "request_extension", tr("延期"), id="xinsheng.detail.request-extension"),
        Binding("y", "decide_extension", tr("审批"), id="xinsheng.detail.decide-extension"),
        Binding("m", "merge_into", tr("合并"), show=False, id="xinsheng.detail.merge"),  # in ? and the palette
        Binding("v", "reveal_contact", tr("查看电话"), show=False, id="xinsheng.detail.reveal-contact"),
    ]

    def __init__(self, request_id: int) -> None:
        super().__init__()
        self.request_id = request_id
        self.detail: RequestDetail | None = None
        # what was typed into a dialog whose action did not go through (someone else changed the request first):
        # offered again when the same dialog opens, so a conflict costs a keypress, not the retyping
        self._drafts: dict[str, str] = {}
        self._typed: tuple[str, str] | None = None

    @property
    def xapp(self) -> XinshengApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail-body"):
            yield Static(tr("正在加载……"), id="summary")
            yield Static("", id="detail-routing")
            yield Static(tr("办理记录"), classes="section-title")
            yield DataTable(id="timeline", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

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
        if detail.resolution:
            summary.append(tr("办理结果：{}\n").format(detail.resolution))
        if detail.satisfaction:
            summary.append(
                tr("回访评价：{}\n").format(tr(SATISFACTION_LABELS.get(detail.satisfaction, detail.satisfaction)))
            )
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
                and (ev.from_status or ev.action in ("create", "import"))
            ):
                before = tr(STATUS_LABELS.get(ev.from_status or "", "")) or "—"
                change = f"{before}→{tr(STATUS_LABELS.get(ev.to_status, ''))}"
            table.add_row(f"{ev.at:%m-%d %H:%M}", tr(ev.action_label), ev.actor, change, ev.note[:60])
        self.refresh_bindings()

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The workflow actions legal right now, for the command palette."""
        keys = {b.action: b.key for b in self.BINDINGS if isinstance(b, Binding)}
        for workflow_action, action in ACTION_KEYS.items():
            if not self.check_action(action, ()):
                continue
            name = (
                tr("审批延期")
                if action == "decide_extension"
                else tr(ACTION_NAMES.get(workflow_action, workflow_action))
            )
            yield SystemCommand(
                name, tr("对当前诉求执行“{}”（按 {}）").format(name, keys[action]), getattr(self, f"action_{action}")
            )

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

                raise ConflictError(tr("该诉求已被他人修改，已为你刷新，请重试"))
            work(session, request)

        typed = self._typed  # the note this action carries, if it came from a dialog

        def done(_: object) -> None:
            self._drafts.clear()
            self.notify(message, timeout=3)
            self.reload()

        def failed() -> None:
            if typed is not None:
                self._drafts[typed[0]] = typed[1]
            self.reload()

        self.xapp.run_db(job, done, group="action", on_error=failed)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_accept(self) -> None:
        actor = self.xapp.actor
        self._apply(lambda s, r: workflow.accept(s, r, actor), tr("已受理"))

    def action_sign(self) -> None:
        actor = self.xapp.actor
        self._apply(lambda s, r: workflow.sign(s, r, actor), tr("已签收，开始办理"))

    def action_merge_into(self) -> None:
        """合并: this request duplicates an earlier one; type its ref. Undone with u."""
        actor = self.xapp.actor

        def merge(n: NoteResult) -> None:
            self._apply(
                lambda s, r: workflow.merge(s, r, workflow.find_request(s, n.text), actor),
                tr("已合并（按 u 可撤销）"),
            )

        self._with_note(tr("合并到哪条诉求？输入它的编号"), tr("如：XS-2026-000123"), merge)

    def action_reveal_contact(self) -> None:
        """The resident's number in full, for a callback: with a reason, recorded in the audit trail, shown only
        in a notification that disappears, never in the detail itself."""
        detail = self.detail
        if detail is None:
            return
        actor = self.xapp.actor

        def reveal(n: NoteResult) -> None:
            from models.personal_data import Contact, reveal_contact

            def shown(contact: Contact) -> None:
                self.notify(
                    tr("{} {}（已记录查看）").format(contact.name or "—", contact.phone or tr("未留电话")),
                    title=tr("居民联系方式 {}").format(contact.ref),
                    timeout=20,
                )

            self.xapp.run_db(lambda s: reveal_contact(s, detail.id, actor, n.text), shown, group="reveal")

        self._with_note(tr("查看居民电话：用途（必填，将记入审计记录）"), tr("如：回访居民"), reveal)

    def action_unmerge(self) -> None:
        actor = self.xapp.actor
        self._apply(lambda s, r: workflow.unmerge(s, r, actor), tr("已撤销合并"))

    def action_correct_item(self) -> None:
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

    def _pick_item(self, title: str, picked: Callable[[str | None], Any]) -> None:
        """Choose a catalog item: the matcher's suggestions for this request first, typing searches all."""
        detail, matcher = self.detail, self.xapp.matcher
        if detail is None or matcher is None:
            return
        suggestions = [
            (s.code, f"{s.name}（{tr(DUTY_LABELS.get(s.duty, s.duty))} → {s.department}）")
            for s in matcher.match(f"{detail.title} {detail.text}", top=8).suggestions
        ]
        catalog = [
            (i.code, f"[{i.code}] {i.name}（{tr(DUTY_LABELS.get(i.duty, i.duty))} → {matcher.route_department(i)}）")
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
                self._apply(lambda s, r: workflow.dispatch(s, r, actor, department_id), tr("已派单"))

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
                self._typed = (title, result.text)  # kept as a draft only if the action it starts fails
                try:
                    apply(result)
                finally:
                    self._typed = None

        draft = self._drafts.get(title, "")
        self.app.push_screen(NoteDialog(title, placeholder, with_hours=with_hours, number=number, text=draft), done)

    def action_return_request(self) -> None:
        """退单: a reason code first; "not our duty" then needs the catalog item that says whose duty it is."""
        actor = self.xapp.actor

        def explain(code: str, item_code: str | None) -> None:
            self._with_note(
                tr("退单说明：{}（必填）").format(tr(RETURN_REASONS[code])),
                tr("如：经核实属于区住建局职责，已告知居民"),
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

    def action_pause(self) -> None:
        actor = self.xapp.actor

        def chosen(waiting_for: str | None) -> None:
            if waiting_for:
                self._with_note(
                    tr("暂停计时：{}（写明原因）").format(tr(WAITING_FOR[waiting_for])),
                    tr("如：居民出差，约定下周三上门查看"),
                    lambda n: self._apply(
                        lambda s, r: workflow.pause(s, r, actor, waiting_for, n.text), tr("已暂停计时")
                    ),
                )

        self.app.push_screen(ChoiceDialog(tr("为什么暂停计时？"), {k: tr(v) for k, v in WAITING_FOR.items()}), chosen)

    def action_resume(self) -> None:
        actor = self.xapp.actor
        self._apply(lambda s, r: workflow.resume(s, r, actor), tr("已恢复计时，办结时限已顺延"))

    def action_request_extension(self) -> None:
        actor = self.xapp.actor
        self._with_note(
            tr("申请延期：理由（必填）"),
            tr("如：需要采购配件，预计两周到货"),
            lambda n: self._apply(
                lambda s, r: workflow.request_extension(s, r, actor, int(n.hours or 0), n.text), tr("已提交延期申请")
            ),
            number=tr("延期工作日数（1–60）"),
        )

    def action_decide_extension(self) -> None:
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

    def action_resolve(self) -> None:
        actor = self.xapp.actor
        self._with_note(
            tr("办结：办理结果（必填）"),
            tr("如：已协调物业在楼道安装折叠座椅 4 把"),
            lambda n: self._apply(lambda s, r: workflow.resolve(s, r, actor, n.text, n.hours), tr("已办结")),
            with_hours=True,
        )

    def action_reject(self) -> None:
        actor = self.xapp.actor
        self._with_note(
            tr("不予受理理由（必填）"),
            tr("如：重复诉求 / 内容不清且多次联系未果"),
            lambda n: self._apply(lambda s, r: workflow.reject(s, r, actor, n.text), tr("已不予受理")),
        )

    def action_reopen(self) -> None:
        actor = self.xapp.actor
        self._with_note(
            tr("重办理由（必填）"),
            tr("如：居民反映问题再次出现"),
            lambda n: self._apply(lambda s, r: workflow.reopen(s, r, actor, n.text), tr("已转重办")),
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
                tr("回访已记录"),
            )

        self.app.push_screen(CallbackDialog(), done)
