"""诉求登记: type the request, watch catalog suggestions update, accept one with a key, save."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from sqlmodel import Session
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from models.core.vocabulary import (
    CHANNEL_LABELS,
    DUTY_LABELS,
    KIND_LABELS,
    ROUTED_AWAY_DUTIES,
    URGENCY_LABELS,
    Channel,
    Privilege,
    RequestKind,
    Role,
)
from models.legislation.consultations import ConsultationSummary, list_consultations
from models.legislation.opinions import attach_request
from models.matching.levels import LOW_CONFIDENCE, MIN_AUTO_SCORE
from models.matching.preselect import load_preselect, preselected
from models.people.permissions import may
from models.requests.duplicates import Duplicate, find_duplicates
from models.requests.intake import (
    Routing,
    certificate_message,
    log_request,
    routing_for_code,
)
from models.requests.queries import list_grids
from models.store.tables import Request, max_length
from tui.base import XinshengScreen
from tui.fields import FormInput, PhoneInput
from tui.i18n import tr

if TYPE_CHECKING:
    from models.matching.engine import MatchResult, Suggestion

DUPLICATE_PAUSE_SECONDS = 0.4


def suggestion_text(rank: int, s: Suggestion, accepted: bool) -> Text:
    """One suggestion line: rank, name with the matched characters highlighted, duty, department, score."""
    line = Text()
    line.append("✔ " if accepted else f"{rank} ", style="bold green" if accepted else "bold")
    name = Text(s.name)
    for piece in s.highlights:
        name.highlight_words([piece], style="bold yellow")
    line.append_text(name)
    duty_style = "bold red" if s.duty in ROUTED_AWAY_DUTIES else "cyan"
    line.append(f"  [{tr(DUTY_LABELS.get(s.duty, s.duty))}]", style=duty_style)
    line.append(f" → {s.department}", style="magenta")
    line.append(tr("  {:.0f}分").format(s.score), style="dim")
    if s.score < MIN_AUTO_SCORE:
        line.append(tr(" 把握低"), style="yellow")
    line.append(f"  {s.reason}", style="dim italic")
    return line


class IntakeScreen(XinshengScreen):
    BINDINGS = [
        Binding("ctrl+s", "save", tr("保存"), priority=True, id="xinsheng.intake.save"),
        Binding("f5", "accept(0)", tr("采纳"), priority=True, id="xinsheng.intake.accept-0"),
        Binding("f6", "accept(1)", tr("采纳第2条"), priority=True, show=False, id="xinsheng.intake.accept-1"),
        Binding("f7", "accept(2)", tr("采纳第3条"), priority=True, show=False, id="xinsheng.intake.accept-2"),
        Binding("ctrl+r", "clear", tr("清空"), priority=True, show=False, id="xinsheng.intake.clear"),
        Binding("f8", "merge_duplicate", tr("合并"), priority=True, id="xinsheng.intake.merge-duplicate"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._duplicate_timer: Timer | None = None
        self._result: MatchResult | None = None
        self._accepted: Suggestion | None = None
        self._preselected = False  # _accepted was chosen by the site's pre-select setting, not by the worker
        self._preselect: float | None = None  # models.matching.preselect: the confidence that pre-selects
        self._wait_timer: Timer | None = None
        self._duplicates: list[Duplicate] = []
        self._grid_count = 0
        self._open_consultations = 0

    def compose_body(self) -> ComposeResult:
        with Vertical(id="intake-form"):
            yield FormInput(
                placeholder=tr("标题：一句话说清诉求（必填）"),
                id="title",
                max_length=max_length(Request, "title"),
                overflow=self._long_title,
            )
            yield FormInput(placeholder=tr("详细内容：居民原话、时间、持续多久……"), id="text")
            with Horizontal(classes="row"):
                yield FormInput(
                    placeholder=tr("地点：小区/楼栋/单元"), id="location", max_length=max_length(Request, "location")
                )
                yield PhoneInput(placeholder=tr("居民电话（仅用于回访）"), id="phone", max_length=20)
                yield Select[int]([], prompt=tr("所属网格"), id="grid")
            with Horizontal(classes="row"):
                yield Select(
                    [(tr(v), k) for k, v in CHANNEL_LABELS.items() if k != Channel.IMPORT],
                    value="walk_in",
                    allow_blank=False,
                    id="channel",
                )
                yield Select([(tr(v), k) for k, v in KIND_LABELS.items()], value="help", allow_blank=False, id="kind")
                yield Select(
                    [(tr(v), k) for k, v in URGENCY_LABELS.items()],
                    value="normal",
                    allow_blank=False,
                    id="urgency",
                )
                # shown only for a 立法意见: the open consultations it may join (models.legislation)
                yield Select[int]([], prompt=tr("加入征求意见（可不选）"), id="consultation")
        yield Label(tr("清单匹配建议（F5/F6/F7 采纳第 1/2/3 条；Ctrl+S 保存）"), id="suggest-title")
        yield OptionList(id="suggestions")
        yield Static("", id="routing")
        yield Static("", id="duplicates")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        actor = self.xapp.actor
        self.xapp.run_db(lambda s: list_grids(s, actor), self._fill_grids, group="grids")
        self.xapp.run_db(load_preselect, self._set_preselect, group="preselect")
        self.query_one("#consultation", Select).display = False
        self.xapp.run_db(lambda s: list_consultations(s, only_open=True), self._fill_consultations, group="consult")
        if not self.xapp.matcher_ready.is_set():
            self.query_one("#routing", Static).update(tr("正在加载匹配索引……"))
            self._wait_timer = self.set_interval(0.2, self._wait_for_matcher)

    def _fill_grids(self, grids: list[tuple[int, str]]) -> None:
        """The grids this operator may log in; a grid worker's own grid (the only one they reach) is the default."""
        actor = self.xapp.actor
        select = self.query_one("#grid", Select)
        select.set_options([(name, grid_id) for grid_id, name in grids])
        self._grid_count = len(grids)
        if len(grids) == 1 or (grids and actor.role == Role.GRID_WORKER):
            select.value = grids[0][0]

    def _fill_consultations(self, consultations: list[ConsultationSummary]) -> None:
        def label(c: ConsultationSummary) -> str:
            closes = tr("{} 截止").format(f"{c.closes_on:%m-%d}") if c.closes_on else tr("未定截止日期")
            # a national law is called without its 中华人民共和国, which would fill the select at 80 columns
            return f"{c.title.removeprefix('中华人民共和国')}（{closes}）"

        # the soonest closing first, as on the dashboard: the one a resident's opinion is most likely meant for
        consultations = sorted(consultations, key=lambda c: (c.closes_on is None, c.closes_on or date.max))
        self._open_consultations = len(consultations)
        self.query_one("#consultation", Select).set_options([(Text(label(c)), c.id) for c in consultations])
        self._show_consultations()

    @on(Select.Changed, "#kind")
    def _show_consultations(self) -> None:
        """A 立法意见 is offered the open consultations to join; any other kind has no use for the choice."""
        select = self.query_one("#consultation", Select)
        legislative = self.query_one("#kind", Select).value == RequestKind.LEGISLATIVE_OPINION
        may_join = may(self.xapp.actor, Privilege.CONSULT_OPINION)
        select.display = legislative and may_join and self._open_consultations > 0
        if not legislative:
            select.clear()

    def _wait_for_matcher(self) -> None:
        if self.xapp.matcher_ready.is_set():
            if self._wait_timer is not None:
                self._wait_timer.stop()
            self.query_one("#routing", Static).update("")
            self._schedule_match()

    def _query_text(self) -> tuple[str, str]:
        """The title and the details, as the matcher reads them (the details count for less)."""
        return self.query_one("#title", Input).value.strip(), self.query_one("#text", Input).value.strip()

    @on(Input.Changed, "#title, #text")
    def _text_changed(self) -> None:
        # an accepted suggestion stays accepted while the details are typed: only another choice (or clearing the
        # form) undoes it, never a keystroke the worker did not mean as one
        self._schedule_match()

    def _schedule_match(self) -> None:
        matcher = self.xapp.matcher
        if matcher is None:
            return  # _wait_for_matcher asks again once it is loaded
        self.match_as_typed(
            self._query_text, lambda q: matcher.match(q[0], top=3, body=q[1]), self._show_suggestions, group="match"
        )

    def _show_suggestions(self, result: MatchResult) -> None:
        self._result = result
        self._apply_preselect(result)
        self._render_suggestions()
        # the duplicate search is a database query: it waits for a pause in typing, so it never competes with
        # the next keystroke's suggestions
        if self._duplicate_timer is not None:
            self._duplicate_timer.stop()
        self._duplicate_timer = self.set_timer(DUPLICATE_PAUSE_SECONDS, self._start_duplicates)

    def _set_preselect(self, value: float | None) -> None:
        self._preselect = value

    def _apply_preselect(self, result: MatchResult) -> None:
        """A confident match pre-selects the first suggestion of its department, until the worker chooses; a
        pre-selection follows the text as it is typed (it was never the worker's choice)."""
        if self._accepted is not None and not self._preselected:
            return
        self._accepted = preselected(result, self._preselect)
        self._preselected = self._accepted is not None

    def _render_suggestions(self) -> None:
        options = self.query_one("#suggestions", OptionList)
        options.clear_options()
        routing = self.query_one("#routing", Static)
        result = self._result
        matcher = self.xapp.matcher
        if matcher is not None and not matcher.items:
            routing.set_class(True, "warning")
            routing.update(
                tr("数据库中还没有事项清单：请先运行 xinsheng catalog import 文件，或用 xinsheng --demo 试用")
            )
            return
        if result is None or result.empty:
            routing.update("")
            return
        accepted_code = self._accepted.code if self._accepted is not None else None
        if self._accepted is not None and all(s.code != accepted_code for s in result.suggestions):
            # the text moved on and the accepted item left the top three: it is still what Ctrl+S saves, so it
            # stays on screen, first, with its ✔
            options.add_option(Option(suggestion_text(0, self._accepted, True), id=self._accepted.code))
        for rank, s in enumerate(result.suggestions, 1):
            options.add_option(Option(suggestion_text(rank, s, s.code == accepted_code), id=s.code))
        top = result.suggestions[0] if result.suggestions else None
        if self._accepted is not None:
            self._show_routing(self._accepted.code)
        elif top is not None and top.certificate_elsewhere and top.score >= MIN_AUTO_SCORE:
            # a certificate the community does not issue: the resident is told at once where to apply
            routing.set_class(True, "warning")
            message, _ = certificate_message(top.name, top.duty, top.apply_at or top.department)
            routing.update(f"⚠ {message}")
        elif result.department and result.confidence >= LOW_CONFIDENCE:
            routing.set_class(False, "warning")
            top = result.suggestions[0]
            if top.department == result.department:
                routing.update(
                    tr("建议承办部门：{}（{}）—— 按 F5 采纳首选事项").format(
                        result.department, result.department_reason
                    )
                )
            else:  # the hint points elsewhere than the best item: its reason says why, rather than invite a blind F5
                routing.update(
                    tr("建议承办部门：{}（{}）—— 用 F5/F6/F7 采纳合适的事项").format(
                        result.department, result.department_reason
                    )
                )
        elif result.department:
            routing.set_class(False, "warning")
            routing.update(tr("匹配把握低：请补充内容，或人工确认事项和承办部门"))
        else:
            routing.update("")

    def _show_routing(self, code: str) -> None:
        def done(routing: Routing) -> None:
            widget = self.query_one("#routing", Static)
            widget.set_class(routing.warning, "warning")
            prefix = "⚠ " if routing.warning else "✔ "
            widget.update(f"{prefix}{routing.message}")

        self.xapp.run_db(lambda s: routing_for_code(s, code), done, group="routing", exclusive=True)

    def action_accept(self, index: int) -> None:
        if self._result is None or index >= len(self._result.suggestions):
            self.notify(tr("没有这条建议"), severity="warning")
            return
        self._accepted = self._result.suggestions[index]
        self._preselected = False
        self._render_suggestions()

    @on(Input.Submitted, "#title, #text, #location, #phone")
    def _next_field(self) -> None:
        """Enter moves on to the next field, as on a paper form; saving stays an explicit Ctrl+S."""
        self.focus_next()

    @on(OptionList.OptionSelected, "#suggestions")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        """By the item, not the row: an accepted item that left the top three is shown above them."""
        if self._result is None:
            return
        for index, s in enumerate(self._result.suggestions):
            if s.code == event.option.id:
                self.action_accept(index)

    def action_clear(self) -> None:
        for widget_id in ("#title", "#text", "#location"):
            self.query_one(widget_id, Input).value = ""
        self.query_one("#phone", PhoneInput).forget()
        self._accepted, self._preselected = None, False
        self._result = None
        self._render_suggestions()
        self._show_duplicates([])
        self.query_one("#title", Input).focus()

    def action_save(self) -> None:
        self._save(None)

    def action_merge_duplicate(self) -> None:
        if self._duplicates:
            self._save(self._duplicates[0])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The merge key is offered only while a likely duplicate is on screen."""
        if action == "merge_duplicate":
            return bool(self._duplicates)
        return True

    def _grid_id(self) -> int | None:
        grid = self.query_one("#grid", Select).value
        return grid if isinstance(grid, int) else None

    def _start_duplicates(self) -> None:
        """Look for the same problem already logged nearby (database work, so in a worker)."""
        title = self.query_one("#title", Input).value
        text = self.query_one("#text", Input).value
        grid = self._grid_id()
        item = self._accepted.code if self._accepted else None
        if item is None and self._result is not None and self._result.suggestions:
            item = self._result.suggestions[0].code

        def answered(found: list[Duplicate]) -> None:
            # the form may have moved on meanwhile (saved and cleared, or typed further): an answer about text no
            # longer there would offer to merge the next request into the one just saved
            if (self.query_one("#title", Input).value, self.query_one("#text", Input).value) == (title, text):
                self._show_duplicates(found)

        self.xapp.run_db(
            lambda s: find_duplicates(s, None, title=title, text=text, area_id=grid, item_code=item),
            answered,
            group="duplicates",
            exclusive=True,
        )

    def _show_duplicates(self, found: list[Duplicate]) -> None:
        self._duplicates = found
        widget = self.query_one("#duplicates", Static)
        if found:
            lines = [
                tr("{}《{}》{} · {} · 相似 {:.0f}").format(
                    d.ref, d.title, f"{d.created_at:%m-%d}", tr(d.status_label), d.score
                )
                for d in found[:2]
            ]
            widget.update(tr("⚠ 可能重复（本社区 30 天内）：") + "；".join(lines) + tr(" —— F8 登记并合并到第一条"))
        else:
            widget.update("")
        self.refresh_bindings()

    def _long_title(self, text: str) -> None:
        """A whole message pasted into the title belongs in the details; the title stays for one short line."""
        details = self.query_one("#text", Input)
        details.value = f"{details.value} {text}".strip()
        self.query_one("#title", Input).focus()
        self.notify(tr("内容较长，已放入“详细内容”；请在标题里用一句话概括"), timeout=6)

    def _save(self, duplicate: Duplicate | None) -> None:
        title = self.query_one("#title", Input).value.strip()
        text = self.query_one("#text", Input).value.strip()
        if not title:  # the queue, the dashboard and every search show the title: a blank one is a lost request
            self.notify(tr("请先写一句标题（必填）") if text else tr("请先填写诉求标题或内容"), severity="warning")
            self.query_one("#title", Input).focus()
            return
        if self._grid_id() is None and self._grid_count:  # a request without a grid is no grid worker's work
            self.notify(tr("请选择所属网格"), severity="warning")
            self.query_one("#grid", Select).focus()
            return
        fields: dict[str, Any] = {
            "title": title,
            "text": text,
            "location": self.query_one("#location", Input).value,
            "resident_phone": self.query_one("#phone", PhoneInput).number,
            "channel": self.query_one("#channel", Select).value,
            "kind": self.query_one("#kind", Select).value,
            "urgency": self.query_one("#urgency", Select).value,
            "item_code": self._accepted.code if self._accepted else None,
            "auto_route": False,  # no suggestion accepted: a person confirms the item, never the top guess
            "area_id": self._grid_id(),
            "duplicate_of": duplicate.id if duplicate else None,
        }
        actor, matcher = self.xapp.actor, self.xapp.matcher
        chosen = self.query_one("#consultation", Select).value
        consultation = chosen if isinstance(chosen, int) and fields["kind"] == RequestKind.LEGISLATIVE_OPINION else None

        def work(session: Session) -> tuple[str, Routing, str]:
            # one unit of work: a request that could not join its consultation is not logged either
            result = log_request(session, actor, matcher=matcher, **fields)
            joined = ""
            if consultation is not None:
                opinion = attach_request(session, actor, consultation, result.request)
                joined = tr("；已作为意见 #{} 加入征求意见").format(opinion.id)
            return result.request.ref, result.routing, joined

        def done(value: tuple[str, Routing, str]) -> None:
            ref, routing, joined = value
            merged = tr("，已合并到 {}（可在详情中按 u 撤销）").format(duplicate.ref) if duplicate else ""
            self.notify(
                f"{routing.message}{merged}{joined}",
                title=tr("已登记 {}").format(ref),
                severity="warning" if routing.warning else "information",
                timeout=6,
            )
            self.action_clear()

        self.xapp.run_db(work, done, group="save")
