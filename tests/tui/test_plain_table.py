"""The one table of the screens (tui/plain_table.PlainTable), on its own."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tests.tui.waits import idle
from tui.plain_table import PlainTable


class _OneTable(App[None]):
    CSS = "PlainTable { width: 1fr; height: 1fr; }"  # sized by the screen, as on every screen: never resized by rows

    def compose(self) -> ComposeResult:
        yield PlainTable(id="t")


def _text(table: PlainTable, y: int) -> str:
    return "".join(segment.text for segment in table.render_line(y))


async def test_rows_drawn_before_the_columns_are_measured_are_drawn_again() -> None:
    """A loaded machine draws a frame between add_row and the table's next idle, where the columns are measured:
    the rows drawn then must not stay at the header's widths (the catalog showed "JD-0  老旧")."""
    app = _OneTable()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(PlainTable)
        table.add_column("编码")
        table.add_column("事项")
        table.add_row("JD-001", "老旧小区加装电梯协调")
        assert "JD-001" not in _text(table, 1)  # drawn now, before measuring: cut to the header's widths
        await idle(pilot)
        assert "JD-001" in _text(table, 1) and "老旧小区加装电梯协调" in _text(table, 1)


async def test_a_cell_is_text_not_markup() -> None:
    app = _OneTable()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(PlainTable)
        table.add_column("标题")
        table.add_row("[/b]楼道灯[red]不亮")
        await idle(pilot)
        assert "[/b]楼道灯[red]不亮" in _text(table, 1)
