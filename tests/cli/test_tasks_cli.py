"""`xinsheng tasks …` as a street office uses it: an OA export in, the door's decisions out, the procedure's steps;
and every bad input as one line naming the row and column (or the option), exit 2, nothing written."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import func, select
from typer.testing import CliRunner, Result

from commands.main import app
from models.store.engine import open_engine, session_scope
from models.store.tables import AuditEvent, Task, TaskEvent
from tests.accounts import cli_first_admin
from tests.conftest import migrated_sqlite

runner = CliRunner()

OA_HEADER = "文号,任务标题,任务内容,下派部门,任务来源,任务类型,收文日期,完成期限,预计工时,下派对象\n"
OA_ROWS = (
    "水发〔2026〕11号,关于报送辖区企业安全生产台账的通知（联系人王芳 13912345678）,按季度报送,区水务局,OA文件,"
    "报表,2026/3/2,2026/6/30,8,东社区\n"
    "生态〔2026〕5号,配合开展饭店油烟污染专项治理,逐户摸排烧烤店,区生态环境局,微信群,专项任务,2026/3/3,2026/4/30,24,东社区\n"
    "执法〔2026〕9号,开展违法建设私搭乱建拆除摸排,,区城管执法局,电话,督查检查考核,2026/3/4,,12,东社区/第1网格\n"
    "城办〔2026〕3号,组织老旧小区加装电梯意见征集,,街道城市管理办公室,会议,会议,2026/3/5,2026/5/30,20,和平街道\n"
)


def run(db: Path, *args: str) -> Result:
    return runner.invoke(app, ["--db", str(db), *args])


@pytest.fixture
def street(tmp_path: Path, sqlite_template: Path, catalog_csv: Path) -> Path:
    db = migrated_sqlite(sqlite_template, tmp_path / "street.db")
    cli_first_admin(str(db))
    for args in (
        ("catalog", "import", str(catalog_csv)),
        ("areas", "add", "和平街道", "东社区", "第1网格"),
        ("areas", "add", "和平街道", "西社区", "第1网格"),
    ):
        assert run(db, *args).exit_code == 0
    return db


def _tasks(db: Path) -> int:
    with session_scope(open_engine(db)) as session:
        return session.exec(select(func.count()).select_from(Task)).one()


def _refused(result: Result, *words: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 2 and len(lines) == 1, result.output
    assert all(w in lines[0] for w in words), lines[0]
    assert "Traceback" not in result.output


def test_an_oa_export_goes_through_the_door_once(street: Path, tmp_path: Path) -> None:
    oa = tmp_path / "收文登记.csv"
    oa.write_text(OA_HEADER + OA_ROWS, encoding="utf-8")
    done = run(street, "tasks", "import", str(oa))
    assert done.exit_code == 0, done.output
    assert "共 4 行，新增 4" in done.stdout and "准入 1，配合准入 1，拒收 1，清单外待审 1" in done.stdout
    again = run(street, "tasks", "import", str(oa))
    assert "新增 0，已存在 4" in again.stdout and _tasks(street) == 4
    listed = run(street, "tasks", "list", "--json")
    rows = {r["title"][:6]: r for r in map(json.loads, listed.stdout.splitlines())}
    assert rows["关于报送辖区"]["admission"] == "pending" and rows["关于报送辖区"]["item"] is None
    assert (rows["配合开展饭店"]["admission"], rows["配合开展饭店"]["item"]) == ("assist", "JD-005")
    assert (rows["开展违法建设"]["admission"], rows["开展违法建设"]["item"]) == ("refused", "JD-006")
    assert "2026-02-01 取消，依清单不得下派" in rows["开展违法建设"]["reason"]
    assert (rows["组织老旧小区"]["admission"], rows["组织老旧小区"]["status"]) == ("admitted", "in_force")
    assert rows["开展违法建设"]["target"] == "东社区/第1网格" and rows["配合开展饭店"]["source"] == "wechat"
    assert set(rows["关于报送辖区"]) >= {"ref", "department", "kind", "received_at", "due_at", "hours", "status"}
    assert "联系人王芳 139****5678" in rows["关于报送辖区"]["title"]  # a notice's phone, masked in every list
    pending = rows["关于报送辖区"]["ref"]
    assert run(street, "tasks", "list", "--status", "待申请准入").stdout.count("RW-2026-") == 1
    theirs = run(street, "tasks", "list", "--department", "街道城市管理办公室", "--status", "refused")
    assert theirs.exit_code == 0 and "RW-2026" not in theirs.stdout
    # the procedure: apply, decide; deciding again is one clear refusal that writes nothing
    assert run(street, "tasks", "apply", pending, "--on", "2026-03-06").exit_code == 0
    until = f"{date.today() + timedelta(days=180):%Y-%m-%d}"  # an admission ends in the future, never the past
    decided = run(street, "tasks", "decide", pending, "--admit", "--reason", "水务局派员协助", "--until", until)
    assert decided.exit_code == 0 and "已准予准入" in decided.stdout
    with session_scope(open_engine(street)) as session:
        events = session.exec(select(func.count()).select_from(TaskEvent)).one()
    _refused(run(street, "tasks", "decide", pending, "--refuse", "--reason", "再议"), pending, "已经决定过")
    with session_scope(open_engine(street)) as session:
        assert session.exec(select(func.count()).select_from(TaskEvent)).one() == events
        assert session.exec(select(AuditEvent).where(AuditEvent.action == "tasks_import")).first() is not None


def test_an_xlsx_export_with_a_title_row_and_date_cells(street: Path, tmp_path: Path) -> None:
    path = tmp_path / "下派任务.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["和平街道 2026年3月 收文登记"])
    sheet.append(["发文字号", "文件标题", "发文单位", "接收日期", "截止日期", "工时", "落实单位"])
    sheet.append(["水发〔2026〕30号", "报送节水宣传照片", "区水务局", datetime(2026, 3, 9), 46142, 2, "西社区"])
    book.save(path)
    preview = run(street, "tasks", "import", str(path), "--preview")
    assert preview.exit_code == 0 and "发文单位" in preview.stdout and _tasks(street) == 0
    done = run(street, "tasks", "import", str(path))
    assert done.exit_code == 0, done.output
    [row] = map(json.loads, run(street, "tasks", "list", "--json").stdout.splitlines())
    assert (row["received_at"], row["due_at"], row["target"]) == ("2026-03-09", "2026-04-30", "西社区")


def test_a_gb18030_file_is_read(street: Path, tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes((OA_HEADER + OA_ROWS).encode("gb18030"))
    assert "新增 4" in run(street, "tasks", "import", str(path)).stdout


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("X-1,报送台账,,区不存在局,OA文件,报表,2026/3/2,,1,东社区", ("第 2 行", "下派部门", "区不存在局")),
        ("X-1,报送台账,,区水务局,OA文件,报表,2026/3/2,,1,北社区", ("第 2 行", "下派对象", "北社区")),
        ("X-1,报送台账,,区水务局,OA文件,报表,2026/3/2,,1,第1网格", ("第 2 行", "下派对象", "有 2 处")),
        ("X-1,报送台账,,区水务局,OA文件,报表,2026/3/2,2026/3/1,1,东社区", ("第 2 行", "完成期限", "早于收到日期")),
        ("X-1,报送台账,,区水务局,OA文件,报表,2026/13/2,,1,东社区", ("第 2 行", "收文日期", "无法识别的日期")),
        ("X-1,报送台账,,区水务局,OA文件,报表,2026/3/2,,一天,东社区", ("第 2 行", "预计工时", "不是数字")),
        ("X-1,报送台账,,区水务局,托梦,报表,2026/3/2,,1,东社区", ("第 2 行", "任务来源", "未知的来源")),
    ],
)
def test_a_bad_row_is_one_line_naming_row_and_column_and_nothing_is_written(
    street: Path, tmp_path: Path, row: str, words: tuple[str, ...]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(OA_HEADER + row + "\n" + OA_ROWS, encoding="utf-8")
    _refused(run(street, "tasks", "import", str(path)), *words)
    assert _tasks(street) == 0


def test_skip_bad_sets_the_bad_rows_aside_in_a_private_file(street: Path, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(OA_HEADER + "X-1,报送台账,,区不存在局,OA文件,报表,2026/3/2,,1,东社区\n" + OA_ROWS, encoding="utf-8")
    errors = tmp_path / "错误行.csv"
    done = run(street, "tasks", "import", str(path), "--skip-bad", "--errors", str(errors))
    assert done.exit_code == 0 and "新增 4" in done.stdout and _tasks(street) == 4
    assert "区不存在局" in errors.read_text(encoding="utf-8-sig") and errors.stat().st_mode & 0o077 == 0
    _refused(run(street, "tasks", "import", str(path), "--skip-bad", "--errors", str(errors)), "--force")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("tasks", "decide", "RW-2026-00001", "--reason", "x"), ("--admit", "--refuse")),
        (("tasks", "decide", "RW-2026-09999", "--refuse", "--reason", "x"), ("RW-2026-09999",)),
        (("tasks", "decide", "RW-2026-00001", "--admit", "--reason", "x"), ("须先由下派部门提出准入申请",)),
        (("tasks", "apply", "RW-2026-00001", "--on", "明天"), ("--on", "应为日期")),
        (("tasks", "list", "--status", "done"), ("--status",)),
        (("tasks", "list", "--department", "区不存在局"), ("--department", "区不存在局")),
        (("tasks", "import", "{tmp}/none.csv"), ("none.csv",)),
    ],
)
def test_bad_options_are_one_line(street: Path, tmp_path: Path, args: tuple[str, ...], words: tuple[str, ...]) -> None:
    oa = tmp_path / "oa.csv"
    oa.write_text(OA_HEADER + OA_ROWS, encoding="utf-8")
    assert run(street, "tasks", "import", str(oa)).exit_code == 0
    with session_scope(open_engine(street)) as session:
        before = session.exec(select(func.count()).select_from(TaskEvent)).one()
    _refused(run(street, *(a.format(tmp=tmp_path) for a in args)), *words)
    with session_scope(open_engine(street)) as session:
        assert session.exec(select(func.count()).select_from(TaskEvent)).one() == before
