"""What every xinsheng screen has in common: the app seen through what screens may ask of it, and the frame.

Screens reach the app only through `Host`, never through tui.app itself: the app imports the screens to show them,
so a screen importing the app back (even only for a type) would tie the two into one knot that cannot be read,
tested or loaded apart.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from textual.app import ComposeResult, SystemCommand
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header

from tui.delivery import still_shown

if TYPE_CHECKING:
    from sqlmodel import Session

    from models.matching.engine import Matcher
    from models.people.permissions import Actor

T = TypeVar("T")
Q = TypeVar("Q")
# how long typing must pause before the matcher runs: short enough to feel instant, long enough to skip keys typed in
# a burst
MATCH_DEBOUNCE_SECONDS = 0.01


def _own_words_for_textual_keys() -> None:
    """An open drop-down (Select) puts Textual's own "esc Dismiss menu" in the footer: English in a Chinese
    interface. Its binding is a class attribute of SelectOverlay, so it is given our words once, here, where every
    screen's module imports it (after the language is chosen)."""
    from textual.binding import Binding
    from textual.widgets._select import SelectOverlay

    from tui.i18n import tr

    SelectOverlay.BINDINGS = [Binding("escape", "dismiss", tr("收起列表"))]
    SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()


_own_words_for_textual_keys()


class Host(Protocol):
    """The part of the app a screen may use. Kept this narrow so that a screen's needs are visible in one place,
    and so that tui.app checks it provides them (mypy) without any screen importing tui.app."""

    actor: Actor
    matcher_ready: threading.Event

    @property
    def matcher(self) -> Matcher | None: ...

    def run_db(
        self,
        work: Callable[[Session], T],
        done: Callable[[T], Any],
        *,
        group: str = "db",
        exclusive: bool = False,
        on_error: Callable[[], Any] | None = None,
    ) -> None: ...

    def begin_session(self, actor: Actor, idle_minutes: int) -> None:
        """`actor` has signed in (and done what the account required first): show their landing screen."""


class XinshengScreen(Screen[None]):
    """A full screen of the app: the title bar on top, a compact footer of its keys below, its own body between.

    The frame lives here so that every screen looks the same around its content, and a screen only says what
    is inside.
    """

    @property
    def xapp(self) -> Host:
        return cast("Host", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_body()
        yield Footer(compact=True)

    def compose_body(self) -> ComposeResult:
        """The widgets between the title bar and the footer."""
        raise NotImplementedError

    _match_timer: Timer | None = None

    def match_as_typed(
        self, asked: Callable[[], Q], compute: Callable[[Q], T], show: Callable[[T], Any], *, group: str
    ) -> None:
        """Suggestions as the person types (the intake, the door, an opinion): once typing pauses, `compute` runs on
        what is asked then, in a thread worker, and its answer is shown only if that is still what is asked —
        typing went on otherwise, and a newer answer is on its way."""
        if self._match_timer is not None:
            self._match_timer.stop()

        def deliver(answer: T, question: Q) -> None:
            if question == asked():
                show(answer)

        def start() -> None:
            question = asked()

            def job() -> None:
                answer = compute(question)
                self.app.call_from_thread(still_shown(deliver, self), answer, question)

            self.run_worker(job, thread=True, group=group, exclusive=True)

        self._match_timer = self.set_timer(MATCH_DEBOUNCE_SECONDS, start)

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Commands this screen adds to the command palette while it is on top (the app's own are always there)."""
        return ()
