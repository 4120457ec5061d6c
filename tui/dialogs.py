"""Small modal dialogs for workflow actions that need a reason, a note, a department or a rating."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from models.core.vocabulary import SATISFACTION_LABELS, DepartmentLevel, Satisfaction
from tui.i18n import tr
from tui.paste import WholePasteInput


@dataclass(frozen=True)
class NoteResult:
    text: str
    hours: float | None = None


class NoteDialog(ModalScreen[NoteResult | None]):
    """Ask for a required note (return reason, resolution…), optionally with hours spent."""

    BINDINGS = [
        Binding("escape", "cancel", tr("取消"), id="xinsheng.dialogs.cancel"),
        Binding("ctrl+s", "submit", tr("确定"), priority=True, id="xinsheng.dialogs.submit"),
    ]

    def __init__(
        self, title: str, placeholder: str, *, with_hours: bool = False, number: str | None = None, text: str = ""
    ) -> None:
        """`number` asks for a required whole number as well (e.g. the working days of an extension); `text` is
        what the note starts with."""
        super().__init__()
        self._text = text
        self._title = title
        self._placeholder = placeholder
        self._with_hours = with_hours
        self._number = number

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            yield WholePasteInput(self._text, placeholder=self._placeholder, id="note")
            if self._with_hours:
                yield Input(placeholder=tr("办理工时（小时，可不填）"), id="hours", type="number")
            if self._number:
                yield Input(placeholder=self._number, id="number", type="integer")
            yield Label("", id="dialog-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(tr("确定"), variant="primary", id="ok")
                yield Button(tr("取消"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def action_submit(self) -> None:
        note = self.query_one("#note", Input).value.strip()
        if not note:
            self.query_one("#dialog-error", Label).update(tr("请填写内容"))
            return
        hours = None
        if self._with_hours:
            raw = self.query_one("#hours", Input).value.strip()
            if raw:
                try:
                    hours = float(raw)
                except ValueError:
                    self.query_one("#dialog-error", Label).update(tr("工时应为数字"))
                    return
        if self._number:
            raw = self.query_one("#number", Input).value.strip()
            if not raw.isdigit():
                self.query_one("#dialog-error", Label).update(tr("请填写{}").format(self._number))
                return
            hours = float(raw)
        self.dismiss(NoteResult(note, hours))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class PickerDialog(ModalScreen[str | None]):
    """A list to choose from, narrowed as you type; Enter takes the highlighted entry, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", tr("取消"), id="xinsheng.dialogs.cancel")]

    def __init__(self, title: str, placeholder: str, default: str | None = None) -> None:
        super().__init__()
        self._title = title
        self._placeholder = placeholder
        self._default = default

    def entries(self, text: str) -> list[tuple[str, str]]:
        """(id, label) pairs to show for the filter text."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            yield Input(placeholder=self._placeholder, id="filter")
            yield OptionList(id="choices")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#filter", Input).focus()

    def _fill(self, text: str) -> None:
        options = self.query_one("#choices", OptionList)
        options.clear_options()
        entries = self.entries(text)
        for entry_id, label in entries:  # as plain text: a label's "[JD-003]" is a catalog code, not markup
            options.add_option(Option(Content(label), id=entry_id))
        ids = [entry_id for entry_id, _ in entries]
        if entries:
            options.highlighted = ids.index(self._default) if not text and self._default in ids else 0

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value.strip())

    @on(Input.Submitted, "#filter")
    def _submit_filter(self) -> None:
        options = self.query_one("#choices", OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(PickerDialog):
    """Choose one of a few fixed answers (a return reason, approve or refuse), by arrow keys or by typing."""

    def __init__(self, title: str, choices: dict[str, str]) -> None:
        super().__init__(title, tr("输入筛选，回车确定，Esc 取消"))
        self._choices = choices

    def entries(self, text: str) -> list[tuple[str, str]]:
        return [(code, label) for code, label in self._choices.items() if text in label]


class DepartmentDialog(PickerDialog):
    """Pick the department to dispatch to; the one the request should go to is pre-selected, and `notes` say beside
    a department why it is offered (the 退单 whose cited item it leads), so the choice is not made blind."""

    LEVELS = {level.value: tr(level.label) for level in DepartmentLevel}

    def __init__(
        self,
        departments: list[tuple[int, str, str]],
        default_id: int | None,
        notes: Mapping[int, str] | None = None,
    ) -> None:
        super().__init__(
            tr("派单给哪个部门？（回车确定，Esc 取消）"),
            tr("输入部门名称筛选"),
            str(default_id) if default_id is not None else None,
        )
        self._departments = departments
        self._notes = dict(notes or {})

    def entries(self, text: str) -> list[tuple[str, str]]:
        return [
            (str(dept_id), f"{name}（{self.LEVELS.get(level, level)}）{self._notes.get(dept_id, '')}")
            for dept_id, name, level in self._departments
            if text in name
        ]


class ConfirmDialog(ModalScreen[bool]):
    """Show what an action is about to do and ask before doing it: Enter or y goes ahead, Esc does not.

    For the actions that cannot be judged from the key that started them, such as a merge whose target was only a
    typed number."""

    BINDINGS = [
        Binding("escape", "answer(False)", tr("取消"), id="xinsheng.dialogs.cancel"),
        Binding("y", "answer(True)", tr("确定"), id="xinsheng.dialogs.confirm"),
    ]

    def __init__(self, title: str, body: Text) -> None:
        super().__init__()
        self._title = title
        self._body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            yield Static(self._body, id="confirm-body")
            with Horizontal(classes="buttons"):
                yield Button(tr("确定"), variant="primary", id="ok")
                yield Button(tr("取消"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()  # so Enter confirms

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "ok")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


@dataclass(frozen=True)
class CallbackResult:
    satisfaction: str
    solved: bool
    comment: str


class CallbackDialog(ModalScreen[CallbackResult | None]):
    """回访: the resident's rating and whether the problem is solved; unsolved or unsatisfied reopens it."""

    BINDINGS = [
        Binding("escape", "cancel", tr("取消"), id="xinsheng.dialogs.cancel"),
        Binding("ctrl+s,enter", "submit", tr("确定"), priority=True, id="xinsheng.dialogs.submit"),
        Binding("1", "rate('satisfied')", tr("满意"), priority=True, id="xinsheng.dialogs.rate-satisfied"),
        Binding("2", "rate('basically')", tr("基本满意"), priority=True, id="xinsheng.dialogs.rate-basically"),
        Binding("3", "rate('unsatisfied')", tr("不满意"), priority=True, id="xinsheng.dialogs.rate-unsatisfied"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(tr("回访评价：按 1/2/3 选择，回车确定（不满意或未解决转为重办）"), classes="dialog-title")
            with RadioSet(id="satisfaction"):
                for code, label in SATISFACTION_LABELS.items():
                    yield RadioButton(tr(label), value=code == "satisfied", id=code)
            yield Checkbox(tr("问题已解决"), value=True, id="solved")
            yield Input(placeholder=tr("居民意见（可不填）"), id="comment")
            with Horizontal(classes="buttons"):
                yield Button(tr("确定"), variant="primary", id="ok")
                yield Button(tr("取消"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#satisfaction", RadioSet).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def action_submit(self) -> None:
        if self.focused is not None and self.focused.id == "cancel":
            self.dismiss(None)
            return
        pressed = self.query_one("#satisfaction", RadioSet).pressed_button
        satisfaction = pressed.id if pressed is not None and pressed.id else "satisfied"
        self.dismiss(
            CallbackResult(
                satisfaction,
                self.query_one("#solved", Checkbox).value,
                self.query_one("#comment", Input).value.strip(),
            )
        )

    def action_rate(self, code: str) -> None:
        if isinstance(self.focused, Input):
            self.focused.insert_text_at_cursor({s.value: str(n) for n, s in enumerate(Satisfaction, 1)}[code])
            return
        self.query_one(f"#{code}", RadioButton).value = True

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ItemDialog(PickerDialog):
    """Pick the catalog item a request really belongs to: the matcher's suggestions first, typing searches all."""

    def __init__(
        self,
        suggestions: list[tuple[str, str]],
        catalog: list[tuple[str, str]],
        title: str = tr("更正清单事项（回车确定，Esc 取消）"),
    ) -> None:
        super().__init__(title, tr("输入事项名称或编码搜索"))
        self._suggestions = suggestions  # (code, label)
        self._catalog = catalog

    def entries(self, text: str) -> list[tuple[str, str]]:
        if not text:
            return self._suggestions
        return [(code, label) for code, label in self._catalog if text in label][:50]
