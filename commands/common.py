"""Shared CLI plumbing: the database chosen by --db / XINSHENG_DB, and one-line errors with the right exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from models.core.errors import EXIT_RUNTIME

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from models.core.errors import InputError
    from models.files.tabular import TablePreview
    from models.requests.workflow import Actor


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
    from models.core.text import one_line

    typer.echo(one_line(message), err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Errors raised on purpose become one line on stderr and the exit code of their kind (bad input 2, runtime
    failure 1); anything else is a bug, still one line and exit 1 unless --debug asks for the traceback."""
    from models.core.errors import XinshengError

    try:
        yield
    except XinshengError as exc:
        err(f"错误：{exc}")
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        err("已中断")
        raise typer.Exit(130) from None
    except (typer.Exit, BrokenPipeError):
        raise
    except Exception as exc:
        if "--debug" in sys.argv:
            raise
        from models.store.failures import as_user_error

        problem = as_user_error(exc)
        if problem is not None:  # the database's refusal or absence, not a bug: one line, the exit code of its kind
            err(f"错误：{problem}")
            raise typer.Exit(problem.exit_code) from None
        err(f"运行失败：{type(exc).__name__}: {exc}")
        raise typer.Exit(EXIT_RUNTIME) from None


def engine_for(ctx: typer.Context, db: str | None = None, *, create: bool = False) -> Engine:
    """The database the command works on. Only commands that put content in (imports, operators add) may start a
    new SQLite file: `stats --db dmeo.db` must say the file is missing, not report zeros from an empty new one."""
    from models.store.engine import open_engine

    target = db or state(ctx).db
    if not create:
        existing_url(ctx, target)
    return open_engine(target, create=create)


def existing_url(ctx: typer.Context, db: str | None = None) -> str:
    """The database URL, refusing a SQLite file that does not exist (a mistyped path, not a new database)."""
    from models.store.engine import resolve_url

    url = resolve_url(db or state(ctx).db)
    path = Path(url.removeprefix("sqlite:///"))
    if url.startswith("sqlite:///") and not path.exists():
        from models.core.errors import UserError

        raise UserError(f"数据库文件不存在：{path}（请检查 --db；新库请先导入事项清单，或运行 xinsheng demo）")
    return url


def actor_for(ctx: typer.Context) -> Actor:
    from models.requests.workflow import Actor

    return Actor(state(ctx).operator, "admin")


def display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, align: str = "<") -> str:
    """Pad to a terminal width: Chinese characters take two columns, so str.ljust misaligns tables."""
    gap = " " * max(0, width - display_width(text))
    return text + gap if align == "<" else gap + text


def progress_reporter(label: str) -> Callable[[int, int], None] | None:
    """A progress bar on stderr for long jobs; None when stderr is not a terminal (logs and pipes stay clean)."""
    if not sys.stderr.isatty():
        return None
    import time

    start = time.monotonic()

    def report(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(1, total)
        elapsed = time.monotonic() - start
        rate = f"{done / elapsed:,.0f} 行/秒" if elapsed > 0.5 and done else ""
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\r{label} [{'█' * filled}{'·' * (width - filled)}] {done:,}/{total:,} {rate}   {end}")
        sys.stderr.flush()

    return report


def print_preview(preview: TablePreview, labels: Mapping[str, str]) -> None:
    """`--preview`: the detected columns, what was not recognized, and the first rows."""
    where = f"编码 {preview.encoding}，" if preview.encoding else ""
    typer.echo(
        f"{preview.file_name}：{where}表头在第 {preview.header_row} 行，数据 {preview.row_count} 行（预览，未写入）"
    )
    typer.echo("识别的列：")
    for source, target in preview.mapping:
        typer.echo(f"  {pad(source, 16)} → {target}（{labels.get(target, target)}）")
    if preview.unmapped:
        typer.echo(f"未识别的列：{'、'.join(preview.unmapped)}（可用 --map 源列=字段 指定，字段见上方英文名）")
    else:
        typer.echo("未识别的列：无")
    if preview.sample:
        typer.echo(f"前 {len(preview.sample)} 行：")
    for row_number, values in preview.sample:
        shown = " · ".join(f"{labels.get(k, k)}={v[:30]}" for k, v in values.items() if v)
        typer.echo(f"  第 {row_number} 行：{shown}")
    for problem in preview.problems:
        typer.echo(f"  有错：{problem}")


def check_errors_option(skip_bad: bool, errors_file: Path | None, source: Path) -> None:
    from models.core.errors import UserError

    if errors_file is not None and not skip_bad:
        raise UserError("--errors 需与 --skip-bad 一起使用")
    if skip_bad:
        from models.files.outputs import check_output_path

        check_output_path(errors_file or Path.cwd() / f"{source.stem}.错误行.csv", "--errors")


def report_bad_rows(errors: Sequence[InputError], source: Path, target: Path | None) -> None:
    """`--skip-bad`: the rows left out go to an error CSV (行号, 列, 原因) and its path is printed."""
    if not errors:
        return
    from models.files.tabular import write_error_csv

    path = target or Path.cwd() / f"{source.stem}.错误行.csv"
    write_error_csv(errors, path)
    err(f"跳过有错的行 {len(errors)} 行，明细（行号、列、原因）：{path}")
