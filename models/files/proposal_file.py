"""`xinsheng catalog proposals --format xlsx`: the proposals with their evidence, one row per piece of evidence, for
the district office that revises the list."""

from __future__ import annotations

from pathlib import Path

from models.core.text import mask_personal
from models.files.outputs import complete_or_absent
from models.reporting.proposals import Proposal

HEADER = ["建议", "事项编码", "事项名称", "部门", "次数", "依据编号", "日期", "依据部门", "说明"]


def write_proposals_xlsx(
    proposals: list[Proposal], output: Path, *, force: bool = False, database: Path | None = None
) -> Path:
    import xlsxwriter

    with complete_or_absent(output, force=force, database=database) as partial:
        book = xlsxwriter.Workbook(str(partial))
        try:
            sheet = book.add_worksheet("清单调整建议")
            header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
            sheet.write_row(0, 0, HEADER, header)
            row = 1
            for proposal in proposals:
                for evidence in proposal.evidence:
                    cells = [
                        proposal.label, proposal.item_code or "", proposal.item_name, proposal.department,
                        len(proposal.evidence), evidence.ref, evidence.day, evidence.department,
                        mask_personal(evidence.note),
                    ]  # fmt: skip
                    for column, value in enumerate(cells):
                        if isinstance(value, int):
                            sheet.write_number(row, column, value)
                        else:  # a title such as =HYPERLINK(…) stays text: write_row would make it a formula
                            sheet.write_string(row, column, value)
                    row += 1
            sheet.set_column(0, 0, 40)
            sheet.set_column(1, 4, 14)
            sheet.set_column(5, 7, 16)
            sheet.set_column(8, 8, 50)
            sheet.freeze_panes(1, 0)
        finally:
            book.close()
    return output
