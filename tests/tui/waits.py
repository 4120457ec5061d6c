"""Waiting in TUI tests for what the app is doing, never for a number of seconds.

The app does its database work in thread workers that post their results back, and starts some of that work from
timers (the intake's debounce). A round here waits for every worker that is pending or running to finish, then for
every widget on screen to process the messages that work posted (Pilot.pause with no delay). A loaded machine makes
each round slower; it does not make a test fail. The bound is a number of rounds of real work, generous enough that
only a condition that will never hold reaches it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerState

ROUNDS = 500

_BUSY = (WorkerState.PENDING, WorkerState.RUNNING)


def _busy(pilot: Pilot) -> list:
    return [worker for worker in pilot.app.workers if worker.state in _BUSY]


async def _round(pilot: Pilot) -> None:
    for worker in _busy(pilot):
        if worker.state == WorkerState.RUNNING:  # a pending one starts during the pause below; next round waits
            # an exclusive worker cancelled by its successor (a queue reloading twice) is done, not a failure:
            # Textual's wait_for_complete raised it out of the test on a loaded machine. A worker that failed
            # (a bug) still fails the test.
            with contextlib.suppress(WorkerCancelled):
                await worker.wait()
    await pilot.pause()


async def until(pilot: Pilot, condition: Callable[[], object], what: str = "") -> None:
    """Let the app work until `condition()` holds."""
    for _ in range(ROUNDS):
        if condition():
            return
        await _round(pilot)
    raise AssertionError(f"{what or 'the condition'} never held while the app worked ({ROUNDS} rounds)")


async def idle(pilot: Pilot) -> None:
    """Let the app finish everything it has started: no worker pending or running and every message processed,
    twice in a row (a worker's result may start another). Then "nothing happened" can be asserted."""
    quiet = 0
    for _ in range(ROUNDS):
        quiet = quiet + 1 if not _busy(pilot) else 0
        if quiet >= 2:
            return
        await _round(pilot)
    raise AssertionError(f"the app never went idle ({ROUNDS} rounds)")
