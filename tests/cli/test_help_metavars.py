"""Every -h names its arguments in Chinese and says what each is: `match -h` showed `[TEXT]` and `TEXT  诉求文字`,
`areas add -h` an argument with no description at all."""

from __future__ import annotations

import re

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from commands.main import app
from tests.cli.test_demo_everywhere import _paths

runner = CliRunner()

ENGLISH_METAVAR = re.compile(r"\b[A-Z][A-Z_]+\b")  # click's and typer's TEXT, FILE, NAME, PATH, INTEGER


def _params() -> list[object]:
    return [pytest.param(path) for path in _paths(get_command(app))]


def _arguments(shown: str) -> list[str]:
    """The rows of the 参数： section, wrapped lines joined to their row."""
    if "参数：\n" not in shown:
        return []
    rows: list[str] = []
    for line in shown.split("参数：\n", 1)[1].split("\n\n", 1)[0].splitlines():
        if line.startswith("   ") and rows:
            rows[-1] += line.strip()
        else:
            rows.append(line.strip())
    return rows


@pytest.mark.parametrize("path", _params(), ids=lambda path: " ".join(path) or "xinsheng")
def test_usage_line_and_arguments_are_chinese_and_described(path: tuple[str, ...]) -> None:
    shown = runner.invoke(app, [*path, "-h"], terminal_width=80).stdout
    usage = shown.splitlines()[0]
    assert usage.startswith("用法：xinsheng"), shown
    assert not ENGLISH_METAVAR.findall(usage), usage
    for row in _arguments(shown):
        _, _, described = row.partition("  ")  # the term, then its description
        assert described.strip().removesuffix("（必填）"), (path, row)  # a description, not only 必填


def test_the_walk_reaches_the_commands_that_had_english() -> None:
    shown = {path: runner.invoke(app, [*path, "-h"]).stdout for path in (("match",), ("areas", "add"))}
    assert "[文字]" in shown[("match",)] and "  文字  要匹配的诉求文字" in shown[("match",)]
    assert "街道 [社区 [网格]]  从街道起逐级写出名称" in shown[("areas", "add")]
