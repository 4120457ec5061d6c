"""立法征求意见: a consultation's articles with the opinions on each, and an opinion typed as it is heard (at a
forum, on a visit), attached to the articles the matcher suggests as it is typed — the intake's way of working, on a
draft law instead of the duty catalog."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from sqlmodel import Session
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Checkbox,
    DataTable,
    Input,
    Label,
    OptionList,
    Select,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)
from textual.widgets.option_list import Option

from models.core.clock import now
from models.core.text import mask_phone
from models.core.vocabulary import Adoption, ContributorKind, OpinionChannel, Privilege
from models.legislation.callbacks import Contact, reveal_contributor
from models.legislation.consultations import (
    ArticleView,
    ConsultationSummary,
    ConsultationView,
    consultation_view,
    list_consultations,
)
from models.legislation.display import shown_name
from models.legislation.opinions import (
    ArticleSuggestion,
    add_opinion,
    article_matcher,
    awaiting_callback,
    reachable,
    record_callback,
    record_outcome,
    suggest_articles,
)
from models.people.permissions import may
from models.store.tables import Opinion
from tui.base import XinshengScreen
from tui.dialogs import NoteDialog, NoteResult
from tui.fields import FormInput, PhoneInput
from tui.i18n import tr
from tui.plain_table import PlainTable

if TYPE_CHECKING:
    from models.matching.engine import Matcher

WHOLE = "whole"  # the articles table's row for the opinions on the draft as a whole
SHOWN_CHARS = 60  # of an opinion, in the table; Enter shows it all


def contributor(opinion: Opinion) -> str:
    kind = tr(ContributorKind.label_of(opinion.contributor_kind))
    name = shown_name(opinion)
    return f"{kind}·{name}" if name else kind


def callback_state(opinion: Opinion) -> str:
    if opinion.informed_at is not None:
        return tr("已反馈 {}").format(f"{opinion.informed_at:%m-%d}")
    if opinion.outcome is None:
        return ""
    return tr("待反馈") if reachable(opinion) else tr("无法联系")


class ConsultScreen(XinshengScreen):
    BINDINGS = [
        Binding("ctrl+s", "save", tr("保存意见"), priority=True, id="xinsheng.consult.save"),
        Binding("f5", "pick(0)", tr("选条款"), priority=True, id="xinsheng.consult.toggle-0"),
        Binding("f6", "pick(1)", tr("选第2条建议"), priority=True, show=False, id="xinsheng.consult.toggle-1"),
        Binding("f7", "pick(2)", tr("选第3条建议"), priority=True, show=False, id="xinsheng.consult.toggle-2"),
        Binding("f8", "whole_draft", tr("对整体"), priority=True, id="xinsheng.consult.whole-draft"),
        Binding("ctrl+r", "clear", tr("清空"), priority=True, show=False, id="xinsheng.consult.clear"),
        Binding("1", "tab('tab-articles')", tr("条文与意见"), show=False, id="xinsheng.consult.tab-articles"),
        Binding("escape", "tab('tab-articles')", tr("回到条文"), show=False, id="xinsheng.consult.back"),
        Binding("2", "tab('tab-opinion')", tr("登记意见"), show=False, id="xinsheng.consult.tab-opinion"),
        # on the opinion highlighted in the table (offered while it has the cursor)
        Binding("y", f"outcome('{Adoption.ADOPTED}')", tr("记为采纳"), id="xinsheng.consult.adopted"),
        Binding("h", f"outcome('{Adoption.PARTLY}')", tr("记为部分采纳"), id="xinsheng.consult.partly"),
        Binding("n", f"outcome('{Adoption.NOT_ADOPTED}')", tr("记为未采纳"), id="xinsheng.consult.not-adopted"),
        Binding("i", "inform", tr("已反馈"), id="xinsheng.consult.inform"),
        Binding("v", "reveal", tr("查看电话"), id="xinsheng.consult.reveal"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._view: ConsultationView | None = None
        self._opinions: dict[str, Opinion] = {}
        self._matcher: Matcher | None = None
        self._suggestions: list[ArticleSuggestion] = []
        self._chosen: dict[int, str] = {}  # article id → label, in the order chosen; empty: the draft as a whole

    def compose_body(self) -> ComposeResult:
        yield Select[int]([], prompt=tr("选择征求意见的草案"), id="consultation")
        with TabbedContent(id="consult-tabs"):
            with TabPane(tr("1 条文与意见"), id="tab-articles"), Horizontal(id="consult-body"):
                articles: PlainTable = PlainTable(id="articles", cursor_type="row", zebra_stripes=True)
                # widths of their own, so the list keeps one width beside the article's text whatever a
                # chapter's name (measured from the cells they were also, on a loaded machine, cut to the headers:
                # a race fixed for every table in PlainTable)
                articles.add_column(tr("条"), width=10)  # 第二十一条 whole
                articles.add_column(tr("意见"), width=4)  # a count of two or three digits
                articles.add_column(tr("章"), width=8)
                yield articles
                with Vertical(id="consult-right"):
                    # scrolled with the mouse; Tab goes from the articles straight to their opinions
                    with VerticalScroll(id="article-scroll", can_focus=False):
                        yield Static("", id="article-text")
                    opinions: PlainTable = PlainTable(id="opinions", cursor_type="row", zebra_stripes=True)
                    opinions.add_columns(tr("编号"), tr("结果"), tr("反馈"), tr("提出人"), tr("意见"))
                    yield opinions
            with TabPane(tr("2 登记意见"), id="tab-opinion"):
                with Vertical(id="intake-form"):
                    # many lines: an opinion pasted or typed with its line breaks keeps them (Enter is a new line,
                    # Tab goes on to the next field)
                    yield TextArea(
                        id="opinion-text",
                        placeholder=tr("意见原文：照录提出人的话（必填；Enter 换行，Tab 到下一项）"),
                        soft_wrap=True,
                        tab_behavior="focus",
                        compact=True,
                        highlight_cursor_line=False,
                    )
                    with Horizontal(classes="row"):
                        yield Select(
                            [(tr(m.label), m.value) for m in ContributorKind],
                            value=ContributorKind.RESIDENT,
                            allow_blank=False,
                            id="opinion-kind",
                        )
                        yield Select(
                            [(tr(m.label), m.value) for m in OpinionChannel],
                            value=OpinionChannel.FORUM,
                            allow_blank=False,
                            id="opinion-channel",
                        )
                        yield FormInput(value=f"{now():%Y-%m-%d}", id="opinion-date", max_length=10)
                    with Horizontal(classes="row"):
                        yield FormInput(placeholder=tr("姓名（可不填）"), id="opinion-name", max_length=80)
                        yield PhoneInput(placeholder=tr("电话（仅用于反馈）"), id="opinion-phone", max_length=20)
                        yield Checkbox(tr("同意署名"), id="opinion-consent")
                yield Label(
                    tr("对应条款（F5/F6/F7 选中或取消第 1/2/3 条建议；F8 对草案整体；Ctrl+S 保存）"), id="suggest-title"
                )
                yield OptionList(id="suggestions")
                yield Static("", id="attach")

    def on_mount(self) -> None:
        actor = self.xapp.actor
        if not may(actor, Privilege.CONSULT_OPINION):
            self.query_one("#consult-tabs", TabbedContent).hide_tab("tab-opinion")
        self.xapp.run_db(list_consultations, self._fill_consultations, group="consultations")

    def _fill_consultations(self, found: list[ConsultationSummary]) -> None:
        select = self.query_one("#consultation", Select)
        found = sorted(found, key=lambda c: not c.open)  # still open first, the latest opened first within each

        def label(c: ConsultationSummary) -> str:
            closes = tr("{} 截止").format(f"{c.closes_on:%Y-%m-%d}") if c.closes_on else tr("未定截止日期")
            state = tr("征求中") if c.open else tr("已截止")
            return tr("{}（{}，{}）").format(c.title, state, closes)

        select.set_options([(Text(label(c)), c.id) for c in found])
        if not found:
            self.query_one("#article-text", Static).update(
                tr("还没有征求意见：主管用 xinsheng consult new --file 草案.docx 导入草案")
            )
            return
        if not isinstance(select.value, int):
            select.value = found[0].id
        self.query_one("#articles", DataTable).focus()

    def on_screen_resume(self) -> None:
        """Back on this screen (F11 again): what others recorded meanwhile (an import, an outcome) is shown."""
        if self._view is not None:
            self._reload()

    @on(Select.Changed, "#consultation")
    def _consultation_chosen(self) -> None:
        self._chosen.clear()
        self._matcher, self._suggestions = None, []
        self._show_suggestions()
        self._reload()

    def _consultation_id(self) -> int | None:
        value = self.query_one("#consultation", Select).value
        return value if isinstance(value, int) else None

    def _reload(self) -> None:
        consultation_id = self._consultation_id()
        if consultation_id is None:
            return

        def work(session: Session) -> tuple[ConsultationView, Matcher]:
            return consultation_view(session, consultation_id), article_matcher(session, consultation_id)[0]

        self.xapp.run_db(work, self._show_view, group="consult-view", exclusive=True)

    def _show_view(self, loaded: tuple[ConsultationView, Matcher]) -> None:
        view, matcher = loaded
        if view.consultation.id != self._consultation_id():
            return  # another draft was chosen meanwhile
        self._view, self._matcher = view, matcher
        table = self.query_one("#articles", DataTable)
        kept = table.cursor_row
        table.clear()
        for article in view.articles:
            # the chapter's number only (第二章): its heading stands above the article's text beside the list
            chapter = article.chapter.split()[0] if article.chapter else ""
            table.add_row(article.label, str(len(article.opinions)), chapter, key=str(article.id))
        if view.whole_draft or len(view.articles) > 1:
            table.add_row(tr("整体"), str(len(view.whole_draft)), "", key=WHOLE)
        if table.row_count:
            table.move_cursor(row=min(kept, table.row_count - 1))
        self._show_article()
        self._schedule_match()

    def _article(self) -> ArticleView | str | None:
        """The highlighted row: an article, WHOLE, or None when the table is empty."""
        key = self.query_one("#articles", PlainTable).highlighted_key()
        if self._view is None or key is None:
            return None
        if key == WHOLE:
            return WHOLE
        return next((a for a in self._view.articles if str(a.id) == key), None)

    @on(DataTable.RowHighlighted, "#articles")
    def _show_article(self) -> None:
        article = self._article()
        text = self.query_one("#article-text", Static)
        if self._view is None or article is None:
            text.update("")
            opinions: list[Opinion] = []
        elif isinstance(article, str):
            text.update(tr("对草案整体的意见（未对应到具体条款）"))
            opinions = self._view.whole_draft
        else:
            heading = " · ".join(part for part in (article.chapter, article.section) if part)
            text.update(Text(f"{heading}\n{article.text}" if heading else article.text))
            opinions = article.opinions
        table = self.query_one("#opinions", DataTable)
        table.clear()
        self._opinions = {}
        for opinion in opinions:
            key = str(opinion.id)
            self._opinions[key] = opinion
            outcome = tr(Adoption.label_of(opinion.outcome)) if opinion.outcome else tr("待定")
            shown = self._words(opinion).replace("\n", " ")
            table.add_row(
                f"#{opinion.id}", outcome, callback_state(opinion), contributor(opinion), shown[:SHOWN_CHARS], key=key
            )
        self.refresh_bindings()

    def _words(self, opinion: Opinion) -> str:
        return self._view.words(opinion) if self._view is not None else ""

    def _highlighted_opinion(self) -> Opinion | None:
        key = self.query_one("#opinions", PlainTable).highlighted_key()
        return self._opinions.get(key) if key is not None else None

    @on(DataTable.RowHighlighted, "#opinions")
    def _opinion_moved(self) -> None:
        self.refresh_bindings()

    @on(DataTable.RowSelected, "#opinions")
    def _opinion_opened(self) -> None:
        """Enter on an opinion: all of it, as given (masked), and what became of it."""
        opinion = self._highlighted_opinion()
        if opinion is None:
            return
        channel = tr(OpinionChannel.label_of(opinion.channel))
        lines = [self._words(opinion), f"{contributor(opinion)} · {channel} · {opinion.given_on:%Y-%m-%d}"]
        if opinion.contributor_phone:
            lines.append(tr("电话 {}").format(mask_phone(opinion.contributor_phone)))
        if opinion.outcome:
            lines.append(f"{tr(Adoption.label_of(opinion.outcome))}：{opinion.final_text or opinion.outcome_note}")
        self.notify("\n".join(lines), title=f"#{opinion.id}", timeout=20)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The form's keys for those who record opinions, on the form's tab; the outcome's keys for those who
        manage consultations, on an opinion without one; the callback's on one with an outcome not yet told."""
        actor = self.xapp.actor
        if action in ("save", "pick", "whole_draft", "clear"):
            on_form = self.query_one("#consult-tabs", TabbedContent).active == "tab-opinion"
            return may(actor, Privilege.CONSULT_OPINION) and on_form
        if action in ("outcome", "inform", "reveal"):
            opinion = self._highlighted_opinion()
            if self.focused is not self.query_one("#opinions", DataTable) or opinion is None:
                return False
            if action == "outcome":
                return may(actor, Privilege.CONSULT_MANAGE) and opinion.outcome is None
            if action == "reveal":
                return may(actor, Privilege.CONSULT_OPINION) and bool(opinion.contributor_phone)
            return may(actor, Privilege.CONSULT_OPINION) and awaiting_callback(opinion)
        if action == "tab" and parameters == ("tab-opinion",):
            return may(actor, Privilege.CONSULT_OPINION) and not isinstance(self.focused, (Input, TextArea))
        if action == "tab":  # 1 types a digit in a field; Escape leaves the form from anywhere in it
            in_field = isinstance(self.focused, (Input, TextArea))
            return not in_field or self.query_one("#consult-tabs", TabbedContent).active == "tab-opinion"
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    @on(TabbedContent.TabActivated, "#consult-tabs")
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.query_one("#opinion-text" if event.pane.id == "tab-opinion" else "#articles").focus()
        self.refresh_bindings()

    def action_tab(self, tab: str) -> None:
        self.query_one("#consult-tabs", TabbedContent).active = tab

    # recording an opinion

    @on(TextArea.Changed, "#opinion-text")
    def _text_changed(self) -> None:
        self._schedule_match()

    @on(Input.Submitted, "#opinion-date, #opinion-name, #opinion-phone")
    def _next_field(self) -> None:
        self.focus_next()

    def _schedule_match(self) -> None:
        """The articles an opinion concerns, suggested as it is typed; asked anew when another draft is chosen."""
        self.match_as_typed(self._asked, self._suggest, self._matched, group="article-match")

    def _asked(self) -> tuple[str, Matcher | None]:
        return self.query_one("#opinion-text", TextArea).text, self._matcher

    @staticmethod
    def _suggest(asked: tuple[str, Matcher | None]) -> list[ArticleSuggestion]:
        text, matcher = asked
        return suggest_articles(matcher, text) if matcher is not None and text.strip() else []

    def _matched(self, found: list[ArticleSuggestion]) -> None:
        self._suggestions = found
        self._show_suggestions()

    def _show_suggestions(self) -> None:
        options = self.query_one("#suggestions", OptionList)
        options.clear_options()
        for rank, s in enumerate(self._suggestions, 1):
            line = Text()
            chosen = s.article_id in self._chosen
            line.append("✔ " if chosen else f"{rank} ", style="bold green" if chosen else "bold")
            line.append(s.label, style="bold")
            line.append(tr("  {:.0f}分").format(s.score), style="dim")
            line.append(f"  {s.reason}", style="dim italic")
            options.add_option(Option(line, id=str(s.article_id)))
        attach = self.query_one("#attach", Static)
        if self._chosen:
            attach.update(tr("保存到：{}").format("、".join(self._chosen.values())))
        else:
            attach.update(tr("保存到：对草案整体的意见（按 F5 选中建议的条款）"))

    def action_pick(self, index: int) -> None:
        if index >= len(self._suggestions):
            self.notify(tr("没有这条建议"), severity="warning")
            return
        s = self._suggestions[index]
        if s.article_id in self._chosen:
            del self._chosen[s.article_id]
        else:
            self._chosen[s.article_id] = s.label
        self._show_suggestions()

    @on(OptionList.OptionSelected, "#suggestions")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        for index, s in enumerate(self._suggestions):
            if str(s.article_id) == event.option.id:
                self.action_pick(index)

    def action_whole_draft(self) -> None:
        self._chosen.clear()
        self._show_suggestions()

    def action_clear(self) -> None:
        self.query_one("#opinion-text", TextArea).clear()
        self.query_one("#opinion-name", Input).value = ""
        self.query_one("#opinion-phone", PhoneInput).forget()
        self.query_one("#opinion-consent", Checkbox).value = False
        self._chosen.clear()
        self._suggestions = []
        self._show_suggestions()
        self.query_one("#opinion-text", TextArea).focus()

    def action_save(self) -> None:
        consultation_id = self._consultation_id()
        text = self.query_one("#opinion-text", TextArea).text  # verbatim: not even stripped
        if consultation_id is None:
            self.notify(tr("请先选择征求意见的草案"), severity="warning")
            return
        if not text.strip():
            self.notify(tr("请先填写意见原文"), severity="warning")
            self.query_one("#opinion-text", TextArea).focus()
            return
        raw_day = self.query_one("#opinion-date", Input).value.strip()
        try:
            given_on = date.fromisoformat(raw_day.replace("/", "-")) if raw_day else None
        except ValueError:
            self.notify(tr("日期应写成 2026-12-31，收到 “{}”").format(raw_day), severity="warning")
            self.query_one("#opinion-date", Input).focus()
            return
        kind = self.query_one("#opinion-kind", Select).value
        channel = self.query_one("#opinion-channel", Select).value
        name = self.query_one("#opinion-name", Input).value
        phone = self.query_one("#opinion-phone", PhoneInput).number
        consent = self.query_one("#opinion-consent", Checkbox).value
        articles = list(self._chosen)
        actor = self.xapp.actor

        def work(session: Session) -> int:
            opinion = add_opinion(
                session, actor, consultation_id, text, articles=articles, contributor_kind=str(kind),
                channel=str(channel), given_on=given_on, name=name, phone=phone, consent=consent,
            )  # fmt: skip
            assert opinion.id is not None
            return opinion.id

        where = "、".join(self._chosen.values()) or tr("草案整体")

        def done(opinion_id: int) -> None:
            self.notify(tr("已保存意见 #{}（{}）").format(opinion_id, where), title=tr("立法意见"))
            self.action_clear()
            self._reload()

        self.xapp.run_db(work, done, group="opinion-save")

    # the answer coming back

    def action_outcome(self, outcome: str) -> None:
        opinion = self._highlighted_opinion()
        if opinion is None or opinion.id is None:
            return
        opinion_id = opinion.id
        label = tr(Adoption.label_of(outcome))
        if outcome == Adoption.NOT_ADOPTED:
            question, example = tr("未采纳：说明（必填）"), tr("如：已有上位法规定")
        else:
            question, example = tr("{}：最终条文或说明（必填）").format(label), tr("如：第十二条增加“……”")
        actor = self.xapp.actor

        def answered(note: NoteResult | None) -> None:
            if note is None:
                return
            final, remark = (note.text, "") if outcome != Adoption.NOT_ADOPTED else ("", note.text)

            def done(_: object) -> None:
                self.notify(tr("意见 #{}：{}").format(opinion_id, label), title=tr("采纳结果"))
                self._reload()

            self.xapp.run_db(
                lambda s: record_outcome(s, actor, opinion_id, outcome, final_text=final, note=remark),
                done,
                group="opinion-outcome",
            )

        self.app.push_screen(NoteDialog(f"#{opinion_id} {question}", example), answered)

    def action_reveal(self) -> None:
        """The contributor's number in full, to call them back: with a reason, recorded in the audit trail, shown
        only in a notification that disappears (as a request's contact is)."""
        opinion = self._highlighted_opinion()
        if opinion is None or opinion.id is None:
            return
        opinion_id, actor = opinion.id, self.xapp.actor

        def answered(note: NoteResult | None) -> None:
            if note is None:
                return

            def shown(contact: Contact) -> None:
                self.notify(
                    tr("{} {}（已记录查看）").format(contact.name or "—", contact.phone),
                    title=tr("提出人联系方式 #{}").format(opinion_id),
                    timeout=20,
                )

            self.xapp.run_db(lambda s: reveal_contributor(s, actor, opinion_id, note.text), shown, group="reveal")

        self.app.push_screen(
            NoteDialog(tr("查看提出人电话：用途（必填，将记入审计记录）"), tr("如：告知采纳结果")), answered
        )

    def action_inform(self) -> None:
        opinion = self._highlighted_opinion()
        if opinion is None or opinion.id is None:
            return
        opinion_id, actor = opinion.id, self.xapp.actor

        def done(_: object) -> None:
            self.notify(tr("已记录：意见 #{} 的结果已告知提出人").format(opinion_id), title=tr("反馈"))
            self._reload()

        self.xapp.run_db(lambda s: record_callback(s, actor, opinion_id), done, group="opinion-inform")
