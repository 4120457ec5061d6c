"""The garbage collector waits while a command starts.

A one-shot command spends most of its life importing: sqlalchemy, pydantic, typer, the ORM tables and numpy make
some 100,000 long-lived objects, and the collector walks them about 290 times on the way, gen-2 passes included:
0.08–0.1 s of a 0.5–0.6 s `xinsheng match`, measured with gc.callbacks. None of it is garbage. So the console script
holds collection off from its start until the command has its database, then moves everything that exists out of
the collector's sight (gc.freeze) and lets it run as usual for the command's own work: an import of 100,000 rows,
the demo or the TUI collect as they always did, without walking the interpreter's startup again and again.

Only the console script holds it (`run`): tests that call the Typer app in-process never turn the collector off.
"""

from __future__ import annotations

import gc


def hold() -> None:
    """From the console script's start: no collection while modules load."""
    gc.disable()


def release() -> None:
    """Once the command has its database: what exists now is frozen, and collection resumes. Idempotent; a no-op
    where nothing was held."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
