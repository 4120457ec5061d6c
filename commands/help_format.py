"""Every `-h` in Chinese, laid out in terminal columns.

Click writes its headings ("Usage:", "Options:", "Commands:") and typer its notes ("[default: import]",
"[required]") in English through gettext, which a command-line tool cannot switch without shipping a message
catalog for the whole process. Click also measures and wraps help with len(), so a Chinese line is cut at twice the
terminal's width and the option column drifts by the width of any Chinese metavar. This formatter, given to every
context by usage.ChineseHelpGroup, rewords those few strings and measures in columns instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from typer.core import TyperGroup

from models.core.text import display_width, wrap_width

HEADINGS = {"Usage": "用法", "Options": "选项", "Commands": "子命令", "Arguments": "参数"}
_USAGE_WORDS = (("[OPTIONS]", "[选项]"), ("COMMAND [ARGS]...", "子命令 [参数]…"), ("[ARGS]...", "[参数]…"))
_NOTES = (
    (re.compile(r"default: (.*)", re.S), "默认：{0}"),
    (re.compile(r"required"), "必填"),
    (re.compile(r"env var: (.*)", re.S), "环境变量：{0}"),
)
_TYPE_NAME = re.compile(r" <[a-z_]+(?:\[[a-z_, \[\]]+\])?>$")  # typer's English type names: <path>, <list[str]>
_TRAILING_NOTES = re.compile(r"\s*\[((?:default|required|env var)[^\]]*)\]\s*$", re.S)


def chinese_notes(help_text: str) -> str:
    """typer's "  [default: x; required]" at the end of an option's help, as "（默认：x；必填）"."""
    found = _TRAILING_NOTES.search(help_text)
    if found is None:
        return help_text
    notes = []
    for part in found.group(1).split("; "):
        for pattern, template in _NOTES:
            match = pattern.fullmatch(part)
            if match:
                notes.append(template.format(*match.groups()))
                break
        else:
            notes.append(part)
    return f"{help_text[: found.start()]}（{'；'.join(notes)}）"


# typer carries its own copy of click: its classes are reached through typer's, never imported from click
_Context = TyperGroup.context_class


class ChineseHelpFormatter(_Context.formatter_class):  # type: ignore[name-defined,misc]
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, chinese in _USAGE_WORDS:
            args = args.replace(english, chinese)
        self.write(f"{'':>{self.current_indent}}{prefix or '用法：'}{prog} {args}".rstrip() + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for paragraph in text.split("\n\n"):
            if paragraph.startswith("\b"):  # click's mark for a paragraph kept as written
                self.write("".join(f"{indent}{line}\n" for line in paragraph[1:].strip("\n").splitlines()))
            else:
                lines = wrap_width(" ".join(paragraph.split()), self._room(self.current_indent))
                self.write("".join(f"{indent}{line}\n" for line in lines))
            self.write("\n")
        self.buffer.pop()  # no blank line after the last paragraph: click adds its own

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(_TYPE_NAME.sub("", term), help_text) for term, help_text in rows]
        first = min(max((display_width(term) for term, _ in rows), default=0), col_max)
        text_at = self.current_indent + first + col_spacing
        for term, help_text in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            lines = wrap_width(chinese_notes(help_text), self._room(text_at)) if help_text else []
            if not lines:
                self.write("\n")
                continue
            if display_width(term) > first:  # a term wider than the column: its help starts on the next line
                self.write("\n" + " " * text_at)
            else:
                self.write(" " * (text_at - self.current_indent - display_width(term)))
            self.write(lines[0] + "\n")
            self.write("".join(f"{'':>{text_at}}{line}\n" for line in lines[1:]))

    def _room(self, indent: int) -> int:
        return max(self.width - indent, 20)


class ChineseContext(_Context):  # type: ignore[valid-type,misc]
    formatter_class = ChineseHelpFormatter
