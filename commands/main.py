"""The `xinsheng` console script.

Subcommands import their domain modules lazily, so `xinsheng match …` never pays for the TUI and textual is only
imported when the TUI actually opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import typer

from commands import (
    areas,
    audit,
    catalog,
    consult,
    db,
    deadlines,
    export,
    operators,
    privacy,
    requests,
    settings,
    startup,
    tasks,
)
from commands.common import state, user_errors
from commands.demo import demo
from commands.escalate import escalate
from commands.login import login, logout, passwd
from commands.match import match
from commands.report import report
from commands.serve import serve
from commands.stats import stats
from commands.usage import ChineseHelpGroup


def reader_left() -> NoReturn:
    """`xinsheng export requests | head`: the reader has what it wanted, which is no failure. Exit 0, with standard
    output pointed at /dev/null so the interpreter's last flush does not fail again."""
    import os
    import sys

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(0)


class XinshengGroup(ChineseHelpGroup):
    def invoke(self, ctx: Any) -> Any:  # typer vendors its own click: its Context is not importable by name
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # caught here: typer's main would turn it into exit 1 on its way up
            reader_left()


app = typer.Typer(
    name="xinsheng",
    cls=XinshengGroup,  # every -h says 显示本帮助后退出, not click's English; a closed pipe is not an error
    help="心声 xinsheng：登记居民诉求，匹配事项清单，派单、办结、回访与统计。",
    invoke_without_command=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,  # `--debug` tracebacks must never print a typed password or a token
)
app.add_typer(catalog.app, name="catalog", cls=ChineseHelpGroup)
app.add_typer(requests.app, name="requests", cls=ChineseHelpGroup)
app.add_typer(tasks.app, name="tasks", cls=ChineseHelpGroup)
app.add_typer(consult.app, name="consult", cls=ChineseHelpGroup)
app.add_typer(db.app, name="db", cls=ChineseHelpGroup)
app.add_typer(export.app, name="export", cls=ChineseHelpGroup)
app.add_typer(deadlines.app, name="deadlines", cls=ChineseHelpGroup)
app.add_typer(settings.app, name="settings", cls=ChineseHelpGroup)
app.add_typer(operators.app, name="operators", cls=ChineseHelpGroup)
app.add_typer(areas.app, name="areas", cls=ChineseHelpGroup)
app.add_typer(audit.app, name="audit", cls=ChineseHelpGroup)
app.add_typer(privacy.app, name="privacy", cls=ChineseHelpGroup)
app.command("login")(login)
app.command("logout")(logout)
app.command("passwd")(passwd)
app.command("demo")(demo)
app.command("match")(match)
app.command("stats")(stats)
app.command("report")(report)
app.command("escalate")(escalate)
app.command("serve")(serve)


@app.callback()
def main(
    ctx: typer.Context,
    db_: str = typer.Option(
        None, "--db", metavar="路径|URL", help="数据库文件路径或 URL（postgresql+psycopg://…）；也可设 XINSHENG_DB"
    ),
    demo_: bool = typer.Option(False, "--demo", help="在演示数据库上打开界面（首次使用时自动生成）"),
    operator: str = typer.Option(
        None, "--operator", metavar="姓名", help="登录用的姓名（仍须输入密码）；打开界面时只预先填入登录界面"
    ),
    lang: str = typer.Option(
        None, "--lang", metavar="zh|en", help="界面语言：zh 中文（默认）、en English；也可设 XINSHENG_LANG"
    ),
    version: bool = typer.Option(False, "--version", is_eager=True, help="显示版本号后退出"),
) -> None:
    """不带子命令时打开终端界面。"""
    if version:
        from importlib.metadata import version as package_version

        typer.echo(f"xinsheng {package_version('xinsheng')}")
        raise typer.Exit()
    st = state(ctx)
    st.db = db_
    st.database_options = (*(["--demo"] if demo_ else []), *(["--db", db_] if db_ else []))
    if demo_:
        # every subcommand works on the demo too (`xinsheng --demo stats`, `--demo serve`); `demo` itself builds it
        with user_errors():
            st.db = demo_database(db_, build=ctx.invoked_subcommand != "demo")
    if operator:
        st.operator = operator
    if lang:
        with user_errors():
            from tui.i18n import set_language

            set_language(lang)  # before any screen is imported: key labels are class attributes
    if ctx.invoked_subcommand is not None:
        return
    with user_errors():
        from models.store.engine import open_engine

        engine = open_engine(st.db, create=False)  # a terminal never starts an empty server database by itself
        startup.release()
        from models.access.policy import refuse_pinned_clock
        from models.store.engine import run_unit

        run_unit(engine, refuse_pinned_clock)
        from tui.app import XinshengApp

        XinshengApp(engine, operator=operator).run()  # the name only fills in the sign-in form


def demo_database(db: str | None, *, build: bool) -> str:
    """--demo: the demo database, at --db when given (a file or a server), else the user's demo.db, built on first
    use so that the first command of a training session just works, whichever it is."""
    from models.store.engine import demo_db_path, open_engine

    target = db or str(demo_db_path())
    if not build:
        return target
    from models.demo.builder import ensure_demo, ensure_demo_file

    startup.release()  # building the demo collects as usual (commands/startup.py)

    def say(message: str) -> None:
        typer.echo(message, err=True)

    if "://" in target:
        ensure_demo(open_engine(target), progress=say)
    else:
        ensure_demo_file(Path(target), progress=say)
    return target


def run() -> None:
    import os
    import sys

    startup.hold()  # until the command has its database (commands/startup.py)
    os.umask(0o077)  # everything this process and its children create is the user's alone (models/core/private.py)
    try:
        # not standalone: click's usage errors come back here to be printed as one Chinese line
        code = app(standalone_mode=False)
        sys.stdout.flush()  # what is still buffered goes now, while a closed pipe can be caught
    except BrokenPipeError:
        reader_left()
    except Exception as exc:
        from commands.usage import usage_exit_code

        code = usage_exit_code(exc)
        if code is None:
            raise
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    run()
