"""Signing in to the TUI in tests the way a person does: type the name, Enter, type the password, Enter."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from tests.accounts import PASSWORD
from tests.tui.waits import until


def on_sign_in_form(app) -> bool:
    from tui.signin import SignInScreen

    screen = app.screen
    return (
        isinstance(screen, SignInScreen)
        and screen.is_mounted
        and screen.query_one("#signin-password", Input).is_mounted
        and not screen.busy
    )


def sign_in_message(app) -> str:
    return str(app.screen.query_one("#signin-message").render())


async def type_sign_in(pilot: Pilot, app, name: str, password: str) -> None:
    """Type name and password into the form on screen and press Enter, without waiting for the answer."""
    await until(pilot, lambda: on_sign_in_form(app), "the sign-in form")
    screen = app.screen
    name_field = screen.query_one("#signin-name", Input)
    name_field.focus()
    name_field.value = ""
    await pilot.press(*name)
    await pilot.press("enter")  # takes the name (or the highlighted one from the list) and moves to the password
    await until(pilot, lambda: app.focused is screen.query_one("#signin-password", Input), "the password field")
    await pilot.press(*password, "enter")


async def sign_in(pilot: Pilot, app, name: str, password: str = PASSWORD) -> None:
    """Sign in through the form and wait until the operator's landing screen is up."""
    from tui.signin import SignInScreen

    await type_sign_in(pilot, app, name, password)
    await until(
        pilot,
        lambda: app.signed_in and not isinstance(app.screen, SignInScreen) and app.screen.is_mounted,
        f"{name} signed in",
    )


def screen_text(app) -> str:
    """Everything the terminal shows now, row by row (read from the screenshot, so what covers what is as drawn)."""
    import html
    import re

    svg = app.export_screenshot()
    rows: dict[float, list[tuple[float, str]]] = {}
    for match in re.finditer(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(float(match.group(2)), []).append((float(match.group(1)), html.unescape(match.group(3))))
    return "\n".join("".join(t for _, t in sorted(row)).replace("\xa0", " ") for _, row in sorted(rows.items()))
