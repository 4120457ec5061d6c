"""Shared CLI plumbing: the database chosen by --db / XINSHENG_DB, and one-line errors with the right exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from commands import startup
from models.core.errors import EXIT_RUNTIME
from models.core.text import display_width

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from models.core.errors import InputError
    from models.files.tabular import TablePreview
    from models.people.permissions import Actor


@dataclass
class CliState:
    db: str | None = None
    operator: str | None = None  # --operator: the name to sign in as, never an identity by itself
    database_options: tuple[str, ...] = ()  # --demo / --db as given: a hint naming a command must repeat them


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
        from models.store.failures import as_user_error, describe_failure

        problem = as_user_error(exc)
        if problem is not None:  # the database's refusal or absence, not a bug: one line, the exit code of its kind
            err(f"错误：{problem}")
            raise typer.Exit(problem.exit_code) from None
        err(f"运行失败：{describe_failure(exc)}")
        raise typer.Exit(EXIT_RUNTIME) from None


def engine_for(ctx: typer.Context, db: str | None = None, *, create: bool = False) -> Engine:
    """The database the command works on. Only commands that put content in (imports, operators add) may start a
    new SQLite file: `stats --db dmeo.db` must say the file is missing, not report zeros from an empty new one."""
    from models.store.engine import open_engine

    target = db or state(ctx).db
    if not create:
        existing_url(ctx, target)
    engine = open_engine(target, create=create)
    startup.release()  # the command's modules are loaded: collection resumes (commands/startup.py)
    return engine


def existing_url(ctx: typer.Context, db: str | None = None) -> str:
    """The database URL, refusing a SQLite file that does not exist (a mistyped path, not a new database)."""
    from models.store.engine import resolve_url

    url = resolve_url(db or state(ctx).db)
    path = Path(url.removeprefix("sqlite:///"))
    if url.startswith("sqlite:///") and not path.exists():
        from models.core.errors import UserError
        from models.store.engine import demo_db_path

        demo = demo_db_path()
        if demo.exists():  # most likely someone trying things out on the demo who forgot --demo
            command = " ".join(ctx.command_path.split()[1:]) or "stats"
            raise UserError(
                f"数据库文件不存在：{path}（请检查 --db；演示数据库在 {demo}，"
                f"用它请加 --demo：xinsheng --demo {command}）"
            )
        raise UserError(
            f"数据库文件不存在：{path}（请检查 --db；新库由第一位管理员建立：xinsheng operators add 姓名 --role admin；"
            "试用请运行 xinsheng --demo）"
        )
    return url


def database_file(ctx: typer.Context, db: str | None = None) -> Path | None:
    """The SQLite file in use (None on a server): an output may never be it (files.outputs.check_output_path)."""
    from models.store.engine import resolve_url, sqlite_file

    return sqlite_file(resolve_url(db or state(ctx).db))


def login_command(ctx: typer.Context) -> str:
    """The login for the database this command used: a session is kept per database, so after `xinsheng --demo
    stats` the hint `xinsheng login` would sign in to another database and the next command would refuse again."""
    import shlex

    from sqlalchemy.engine import make_url

    options = list(state(ctx).database_options)
    if "--db" in options:
        at = options.index("--db") + 1
        if "://" in options[at]:  # a server URL: never print its password
            options[at] = make_url(options[at]).render_as_string(hide_password=True)
    return " ".join(["xinsheng", *(shlex.quote(option) for option in options), "login"])


def signed_in(ctx: typer.Context, engine: Engine, privilege: str | None = None) -> Actor:
    """The operator this command runs as: the session `xinsheng login` keeps for this database, or, at an
    interactive terminal without one, a sign-in for this command alone. `privilege` is checked by the domain's
    own rule (models.people.permissions.require), the same the TUI obeys.

    Without a terminal and without a session the command stops before doing anything: a script must sign in first.
    """
    from models.access.cli_sessions import SessionExpired, resume
    from models.access.token_file import kept_token
    from models.core.errors import UserError
    from models.core.text import name_key
    from models.people.permissions import require
    from models.store.engine import run_unit

    url = engine.url.render_as_string(hide_password=False)
    token = kept_token(url)
    actor: Actor | None = None
    if token is not None:
        try:
            actor = run_unit(engine, lambda s: resume(s, token))
        except SessionExpired:
            if not interactive():
                raise SessionExpired(f"登录已失效，请重新登录：{login_command(ctx)}") from None
    if actor is None:
        if not interactive():
            raise UserError(f"请先登录：{login_command(ctx)}")
        actor = prompt_sign_in(ctx, engine)
    else:
        named = state(ctx).operator
        if named and name_key(named) != name_key(actor.name):
            # a script still naming someone (the old --operator) must not quietly run as whoever is signed in
            raise UserError(f"本数据库已登录的是 {actor.name}，不是 “{named}”：请先 xinsheng logout，或去掉 --operator")
    if privilege is not None:
        require(actor, privilege)
    return actor


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stderr.isatty()


def read_secret(prompt: str) -> str:
    """A password typed without echo at the terminal."""
    import getpass

    return getpass.getpass(prompt, stream=sys.stderr)


def prompt_sign_in(ctx: typer.Context, engine: Engine, *, stdin_lines: list[str] | None = None) -> Actor:
    """Sign in with a name and a password (and a code where two-factor is on), typed at the terminal or given on
    standard input by a script (`--password-stdin`: the password, then the code or new password, one per line).
    A one-time password must be replaced here before anything else."""
    from models.access.accounts import change_password
    from models.access.signin import SignInRefused, sign_in
    from models.access.where import here
    from models.core.errors import UserError
    from models.store.engine import run_unit

    lines = list(stdin_lines) if stdin_lines is not None else None

    def ask(prompt: str, secret: bool = True) -> str:
        if lines is not None:
            if not lines:
                raise UserError(f"标准输入缺少{prompt.rstrip('：')}")
            return lines.pop(0)
        return read_secret(prompt) if secret else typer.prompt(prompt, err=True, prompt_suffix="")

    name = state(ctx).operator
    if not name:
        if lines is not None:
            raise UserError("用 --password-stdin 时请用 --operator 给出姓名")
        name = typer.prompt("姓名：", err=True, prompt_suffix="")
    password = ask("密码：")
    where = here()
    outcome = run_unit(engine, lambda s: sign_in(s, name, password, where=where))
    if outcome.needs_code:
        code = ask("动态码（手机验证器上的 6 位数字）：", secret=False)
        outcome = run_unit(engine, lambda s: sign_in(s, name, password, code=code, where=where))
    actor = outcome.raise_if_refused()
    if outcome.must_enrol:
        raise SignInRefused("您的角色须启用两步验证：请先在终端界面（xinsheng）登录并完成设置")
    if outcome.must_change_password:
        err("这是一次性密码，请设置新密码（至少 8 位，含大写、小写、数字、符号中的三类，不含姓名）")
        new = ask("新密码：")
        if lines is None and read_secret("再输入一次：") != new:
            raise UserError("两次输入的新密码不一致")
        run_unit(engine, lambda s: change_password(s, actor, password, new, where=where))
    return actor


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


# the options every file import shares (requests, catalog, tasks, opinions), written once so that their names, metavars
# and help agree; Typer reads an option's definition and never changes it, so one serves every command
MAP_OPTION = typer.Option(None, "--map", metavar="源列=字段", help="列映射 源列=字段，可重复")
ENCODING_OPTION = typer.Option(None, "--encoding", metavar="编码", help="CSV 编码（默认自动识别）")
SHEET_OPTION = typer.Option(None, "--sheet", metavar="工作表", help="XLSX 工作表名（默认第一个）")
SKIP_BAD_OPTION = typer.Option(
    False, "--skip-bad", help="跳过有错的行，只导入正确的行；错误行写入错误文件（行号、列、原因）"
)
ERRORS_OPTION = typer.Option(
    None, "--errors", metavar="文件", help="--skip-bad 的错误文件路径（默认：当前目录下 <文件名>.错误行.csv）"
)
FORCE_ERRORS_OPTION = typer.Option(False, "--force", help="错误文件已存在时覆盖它")


def prepare_import(
    ctx: typer.Context, file: Path, map_: list[str] | None, skip_bad: bool, errors_file: Path | None, force: bool
) -> tuple[dict[str, str], Path | None]:
    """Before any row is read: the column map (`--map`) understood, and the error file checked (never over the
    database, never over a file without --force); the map and the database path to hand on."""
    from models.files.tabular import parse_map_options

    overrides = parse_map_options(map_)
    database = database_file(ctx) if skip_bad else None
    check_errors_option(skip_bad, errors_file, file, force=force, database=database)
    return overrides, database


def errors_path(errors_file: Path | None, source: Path) -> Path:
    """Where `--skip-bad` puts the bad rows: `--errors`, or <source name>.错误行.csv in the current directory."""
    return errors_file or Path.cwd() / f"{source.stem}.错误行.csv"


def check_errors_option(
    skip_bad: bool, errors_file: Path | None, source: Path, *, force: bool = False, database: Path | None = None
) -> None:
    """Before the import: the error file (given or default) may be written, and replaces one only with --force."""
    from models.core.errors import UserError

    if errors_file is not None and not skip_bad:
        raise UserError("--errors 需与 --skip-bad 一起使用")
    if skip_bad:
        from models.files.outputs import check_output_path

        check_output_path(errors_path(errors_file, source), "--errors", force=force, database=database)


def report_bad_rows(
    errors: Sequence[InputError],
    source: Path,
    target: Path | None,
    *,
    force: bool = False,
    database: Path | None = None,
) -> None:
    """`--skip-bad`: the rows left out go to an error CSV (行号, 列, 原因), complete and 0600; its path is printed."""
    if not errors:
        return
    from models.files.outputs import complete_or_absent
    from models.files.tabular import write_error_csv

    path = errors_path(target, source)
    with complete_or_absent(path, "--errors", force=force, database=database) as partial:
        write_error_csv(errors, partial)
    err(f"跳过有错的行 {len(errors)} 行，明细（行号、列、原因）：{path}")


def parse_day(text: str | None, option: str) -> date | None:
    """A date option as offices write dates (2026-12-31, 2026/12/31, 2026年12月31日); one line naming the option
    when it is none."""
    if text is None:
        return None
    from models.core.errors import UserError
    from models.files.tabular import parse_datetime

    try:
        moment = parse_datetime(text)
    except ValueError:
        moment = None
    if moment is None:
        raise UserError(f"{option} 应为日期，如 2026-12-31，收到 “{text}”")
    return moment.date()
