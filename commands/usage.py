"""Command-line usage errors as one Chinese line (click's own are four lines of English), and the Chinese line of
every command's -h/--help option."""

from __future__ import annotations

import re
import sys
from typing import Any

from typer.core import TyperGroup

from commands.help_format import ChineseContext
from models.core.errors import EXIT_BAD_INPUT
from models.core.text import one_line

_PATTERNS: list[tuple[str, str]] = [
    (r"No such option: (\S+)(?:\s+(?:Did you mean (\S+)\?|\(Possible options: ([^)]*)\)))?", "没有选项 {0}{1}"),
    (r"Missing option '([^']+)'.*", "缺少必需的选项 {0}"),
    (r"Missing argument '([^']+)'.*", "缺少参数 {0}"),
    (r"Missing parameter: (\S+)", "缺少参数 {0}"),
    (r"No such command '([^']+)'.*", "没有子命令 “{0}”"),
    (r"Option '([^']+)' requires an argument.*", "选项 {0} 需要一个值"),
    (r"Invalid value for '([^']+)'(?: / '[^']+')*: (.*)", "选项 {0} 的值无效：{1}"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", "多余的参数：{0}"),
    (r"Option '([^']+)' does not take a value.*", "选项 {0} 不带值"),
    (r"Missing command.*", "缺少子命令"),
]


# commands that read a password: an extra argument given to them is not echoed back
SECRET_TAKERS = frozenset({"login", "passwd", "add"})


# why a value was refused, as typer's parameter validation words it
_REASONS: list[tuple[str, str]] = [
    (r"Input should be a valid integer.*", "应为整数"),
    (r"Input should be a valid number.*", "应为数字"),
    (r"Input should be greater than or equal to (\S+)", "应不小于 {0}"),
    (r"Input should be less than or equal to (\S+)", "应不大于 {0}"),
    (r"Input should be greater than (\S+)", "应大于 {0}"),
    (r"Input should be less than (\S+)", "应小于 {0}"),
    (r"'(.*)' is not a valid (?:integer|int)(?: range)?\.?", "“{0}” 不是整数"),
    (r"'(.*)' is not a valid float(?: range)?\.?", "“{0}” 不是数字"),
]


def _reason(text: str) -> str:
    for pattern, template in _REASONS:
        match = re.fullmatch(pattern, text.strip(), flags=re.S)
        if match:
            return template.format(*match.groups())
    return text


def translate(message: str) -> str:
    for pattern, template in _PATTERNS:
        match = re.fullmatch(pattern, message.strip(), flags=re.S)
        if match:
            parts = [g or "" for g in match.groups()]
            if template.startswith("选项") and "值无效" in template:
                parts[1] = _reason(parts[1])
            if template.startswith("没有选项"):
                guess = parts[1] or (parts[2] if len(parts) > 2 else "")
                parts = [parts[0], f"，是不是 {guess}？" if guess else ""]
            return template.format(*parts)
    return message.strip()


def _kinds(exc: BaseException) -> set[str]:
    # typer vendors click privately: recognise its exceptions by class name rather than import them
    return {cls.__name__ for cls in type(exc).__mro__}


def usage_exit_code(exc: BaseException) -> int | None:
    """Print a click usage error as `错误：…（… -h 查看帮助）` and give its exit code; None for anything else."""
    kinds = _kinds(exc)
    ctx = getattr(exc, "ctx", None)
    if "NoArgsIsHelpError" in kinds and ctx is not None:
        print(ctx.get_help(), file=sys.stderr)
        return EXIT_BAD_INPUT
    if "UsageError" in kinds:
        command = ctx.command_path if ctx is not None else "xinsheng"
        message = translate(exc.format_message())  # type: ignore[attr-defined]
        if message.startswith("多余的参数") and command.rsplit(" ", 1)[-1] in SECRET_TAKERS:
            # what was typed there may well be a password: it is not repeated on the screen or into a log
            message = "多余的参数（密码不能写在命令行上：请用 --password-stdin 从标准输入提供，或按提示输入）"
        print(one_line(f"错误：{message}（{command} -h 查看帮助）"), file=sys.stderr)
        return EXIT_BAD_INPUT
    if "Exit" in kinds:
        return int(getattr(exc, "exit_code", 0))
    if "Abort" in kinds:
        print("已中断", file=sys.stderr)
        return 130
    if "ClickException" in kinds:
        print(one_line(f"错误：{exc.format_message()}"), file=sys.stderr)  # type: ignore[attr-defined]
        return int(getattr(exc, "exit_code", 1))
    return None


HELP_TEXT = "显示本帮助后退出"


def chinese_help(command: Any, ctx: Any) -> None:
    """Give a command's -h/--help option its Chinese line. Click words it "Show this message and exit." as a literal
    (not through gettext) when it first builds the option; the option is kept on the command, so rewording it
    once is enough."""
    option = command.get_help_option(ctx)
    if option is not None:
        option.help = HELP_TEXT
    command.context_class = ChineseContext


class ChineseHelpGroup(TyperGroup):
    """The class of the root app and of every sub-app (main.py passes it to Typer and add_typer): it rewords its
    own help option and that of each command it resolves, and gives each the Chinese help layout, so commands
    defined in their own modules need nothing."""

    context_class = ChineseContext

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            chinese_help(command, ctx)
        return command
