"""Shared CLI plumbing: the database chosen by --db / XINSHENG_DB, and one-line errors with the right exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from models.workflow import Actor

EXIT_RUNTIME = 1
EXIT_USAGE = 2


@dataclass
class CliState:
    db: str | None = None
    operator: str = "命令行"


def state(ctx: typer.Context) -> CliState:
    root = ctx.find_root()
    if not isinstance(root.obj, CliState):
        root.obj = CliState()
    return root.obj


def err(message: str) -> None:
    typer.echo(message, err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Errors users can cause become one line on stderr and exit code 2; anything else is a runtime failure (1)."""
    from models.errors import UserError

    try:
        yield
    except UserError as exc:
        err(f"错误：{exc}")
        raise typer.Exit(EXIT_USAGE) from None
    except KeyboardInterrupt:
        err("已中断")
        raise typer.Exit(130) from None
    except (typer.Exit, BrokenPipeError):
        raise
    except Exception as exc:
        if "--debug" in sys.argv:
            raise
        err(f"运行失败：{type(exc).__name__}: {exc}")
        raise typer.Exit(EXIT_RUNTIME) from None


def engine_for(ctx: typer.Context, db: str | None = None) -> Engine:
    from models.db import open_engine

    return open_engine(db or state(ctx).db)


def actor_for(ctx: typer.Context) -> Actor:
    from models.workflow import Actor

    return Actor(state(ctx).operator, "admin")


def display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, align: str = "<") -> str:
    """Pad to a terminal width: Chinese characters take two columns, so str.ljust misaligns tables."""
    gap = " " * max(0, width - display_width(text))
    return text + gap if align == "<" else gap + text
