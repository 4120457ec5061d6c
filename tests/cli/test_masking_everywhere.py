"""One resident's phone, ID number and name, written the ways people write them into a title, a text, a location
and an outcome, must not come out whole through any command that shows requests (issue 16, item 4): the
exports in every format, the monthly report, the statistics, `match`, the learned examples, and the log."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from commands.main import app
from models.core.clock import now
from models.people.permissions import Actor
from models.requests import workflow
from models.requests.intake import log_request
from models.store.engine import open_engine, session_scope
from tests.accounts import cli_first_admin

NAME, MOBILE, LANDLINE, ID_NUMBER = "李梅", "13912345678", "01062345678", "110101199003071234"
WHOLE = (MOBILE, LANDLINE[3:], ID_NUMBER)  # a landline is found by its eight digits, with or without 010


def _leaks(output: str) -> list[str]:
    """What of the resident is whole in `output`, however it is spaced or dashed (full width folded)."""
    folded = output.translate({0xFF10 + d: 0x30 + d for d in range(10)})
    squeezed = re.sub(r"(?<=\d)[\s\-－]+(?=\d)", "", folded).replace("+86", "")
    return [secret for secret in (*WHOLE, NAME) if secret in squeezed]


def test_no_command_shows_the_resident_whole(tmp_path: Path, catalog_csv: Path) -> None:
    db = str(tmp_path / "masking.db")
    runner = CliRunner()
    cli_first_admin(db)
    assert runner.invoke(app, ["--db", db, "catalog", "import", str(catalog_csv)]).exit_code == 0
    worker = Actor("管理员", "admin")
    with session_scope(open_engine(db)) as s:
        r = log_request(
            s, worker, item_code="JD-007", resident_name=NAME, resident_phone="010-6234-5678",
            title=f"{NAME}：楼道灯坏了，回电 139 1234 5678",
            text=f"身份证 {ID_NUMBER}，另一号码 +86 139-1234-5678，全角 １３９１２３４５６７８，座机 (010) 6234-5678",
            location=f"5号楼2单元 {NAME}家门口",
        ).request  # fmt: skip
        workflow.accept(s, r, worker)
        workflow.dispatch(s, r, worker)
        workflow.sign(s, r, worker)
        workflow.resolve(s, r, worker, f"已换灯，已电话告知{NAME}（13912345678）", hours=1)
    month = f"{now():%Y-%m}"
    shown: dict[str, str] = {}
    for fmt in ("csv", "json", "open311", "xlsx"):
        out = tmp_path / f"export.{fmt}"
        done = runner.invoke(app, ["--db", db, "export", "requests", "-f", fmt, "-o", str(out)])
        assert done.exit_code == 0, done.output
        shown[f"export {fmt}"] = _xlsx_text(out) if fmt == "xlsx" else out.read_text(encoding="utf-8-sig")
    for fmt in ("md", "html", "xlsx"):
        out = tmp_path / f"report.{fmt}"
        done = runner.invoke(app, ["--db", db, "report", "--period", month, "-f", fmt, "-o", str(out)])
        assert done.exit_code == 0, done.output
        shown[f"report {fmt}"] = _xlsx_text(out) if fmt == "xlsx" else out.read_text(encoding="utf-8")
    for args in (
        ["stats", "--json"],
        ["catalog", "examples"],
        ["match", "--json", f"楼道灯坏了 回电 139 1234 5678 身份证 {ID_NUMBER}"],  # echoed as "text"
        ["db", "check"],
    ):
        done = runner.invoke(app, ["--db", db, *args])
        assert done.exit_code == 0, (args, done.output)
        shown[" ".join(args[:2])] = done.output
    assert "楼道灯坏了" in shown["export csv"] and "5678" in shown["export csv"]  # the request is there, masked
    json.loads(shown["stats --json"])
    leaks = {where: found for where, output in shown.items() if (found := _leaks(output))}
    assert leaks == {}


def _xlsx_text(path: Path) -> str:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return "\n".join(
        "\t".join(str(cell) for cell in row)
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
    )
