"""The one table of the screens: Textual's DataTable, but a cell given as a str is shown as the text it is.

DataTable reads a str cell as Rich markup. A request titled "[/b]楼道灯不亮" (residents type brackets, hotline
exports carry them) then ended the queue with a MarkupError, and a title with "[red]" changed its colour. Every value
a table shows comes from people or files, so none is markup; a cell that wants style passes a rich Text.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text, TextType
from textual import events
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, RowKey


class PlainTable(DataTable[Any]):
    async def _on_idle(self, event: events.Idle) -> None:
        """Textual measures the columns for new rows when the table is next idle. A frame drawn before that (a
        loaded machine, rows from a slow query) caches each row at the header's widths, and the cache outlives the
        measuring: the catalog then showed "JD-0  老旧" until the cursor moved (Textual issue #3533 is the same
        race for update_cell). After a measuring, the rows are drawn afresh."""
        measuring = self._require_update_dimensions or bool(self._updated_cells)
        await super()._on_idle(event)
        if measuring:
            self._clear_caches()
            self.refresh()

    def add_row(
        self,
        *cells: CellType,
        height: int | None = 1,
        key: str | None = None,
        label: TextType | None = None,
    ) -> RowKey:
        plain = [Text(cell, end="") if isinstance(cell, str) else cell for cell in cells]
        return super().add_row(*plain, height=height, key=key, label=label)

    def highlighted_key(self) -> str | None:
        """The key of the row under the cursor; None while the table is empty."""
        if not self.row_count:
            return None
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)
