"""A one-line input that keeps a whole pasted message.

Textual's Input keeps only the first line of a paste, and refuses a paste that would pass `max_length` without a
word. A resident's message copied from WeChat has line breaks and can run to pages: both behaviours lose what the
grid worker meant to record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.widgets import Input


class WholePasteInput(Input):
    """Line breaks in a paste become spaces; a paste too long for the field goes to `overflow` instead."""

    def __init__(self, *args: Any, overflow: Callable[[str], None] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.overflow = overflow

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # not Input's own handler, which would keep the first line only
        event.stop()
        text = " ".join(event.text.split())
        if not text:
            return
        start, end = sorted(self.selection)
        room = self.max_length - (len(self.value) - (end - start)) if self.max_length else len(text)
        if len(text) > room and self.overflow is not None:
            self.overflow(text)
            return
        self.replace(text[:room], start, end)
