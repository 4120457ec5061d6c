"""Handing a worker's result back to the screen that asked for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.message_pump import MessagePump


def still_shown(callback: Callable[..., Any], owner: MessagePump | None = None) -> Callable[..., None]:
    """Wrap a UI-thread callback so it is dropped if its screen or widget has gone meanwhile.

    A database query or match can finish after the user closed the screen or quit; writing its result into widgets
    that no longer exist would crash the app on its way out.
    """
    target = owner if owner is not None else getattr(callback, "__self__", None)

    def deliver(*args: Any) -> None:
        if isinstance(target, MessagePump) and not isinstance(target, App) and not _alive(target):
            return
        callback(*args)

    return deliver


def _alive(node: MessagePump) -> bool:
    """Attached, running, and not being torn down (at shutdown children go before their screen)."""
    return node.is_attached and node.is_running and node.app.is_running
