"""The fields of the data-entry forms (intake, consultation, tasks): Tabs inside a paste move between fields, and a
phone is on screen in full only while it is being typed."""

from __future__ import annotations

from typing import Any

from textual import events

from models.core.text import mask_phone
from tui.paste import WholePasteInput


class FormInput(WholePasteInput):
    """A field of a form, where a Tab inside a paste is the worker's Tab key.

    A paste (a terminal's bracketed paste: text copied from a message, or a clipboard tool typing for the worker)
    may carry Tabs between what belongs in separate fields; as a paste the Tab became a space and the details
    landed in the title. So each Tab moves to the next field, and what follows it is pasted there. Keys typed
    quickly that arrive in one read are not a paste: tui.app.XinshengApp._key_in_turn keeps them in order.
    """

    def _on_paste(self, event: events.Paste) -> None:
        if "\t" not in event.text:
            super()._on_paste(event)
            return
        event.prevent_default()
        event.stop()
        head, _, rest = event.text.partition("\t")
        if head:
            super()._on_paste(events.Paste(head))
        target = self.screen.focus_next()
        if rest and target is not None:
            target.post_message(events.Paste(rest))


class PhoneInput(FormInput):
    """A resident's or contributor's phone: once the cursor leaves the field it shows 138****5678, so the number is
    not left on a shared screen; coming back to the field shows it in full again for editing. `number` is what was
    typed, whichever of the two the field shows."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._number = ""

    @property
    def number(self) -> str:
        shown = self.value.strip()
        return self._number if self._number and shown == mask_phone(self._number) else shown

    def forget(self) -> None:
        """Empty the field and the number behind it (a saved or cleared form)."""
        self._number = ""
        self.value = ""

    def _on_blur(self, event: events.Blur) -> None:
        self._number = self.number
        if self._number:
            self.value = mask_phone(self._number)
        super()._on_blur(event)

    def _on_focus(self, event: events.Focus) -> None:
        if self._number and self.value == mask_phone(self._number):
            self.value = self._number
        super()._on_focus(event)
