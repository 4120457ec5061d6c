"""`xinsheng export requests`: the files a supervisor hands round, with residents' personal data kept back."""

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import col, select
from typer.testing import CliRunner

from commands.main import app
from models.core.clock import simulated_time
from models.people.areas import add_area_chain
from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store.engine import open_engine, session_scope
from models.store.tables import AuditEvent
from tests.accounts import PASSWORD, cli_first_admin, cli_login, register

runner = CliRunner()


def invoke(db: Path, *args: str):
    return runner.invoke(app, ["--db", str(db), *args])


@pytest.fixture
def db(tmp_path: Path, catalog_csv: Path) -> Path:
    path = tmp_path / "export.db"
    cli_first_admin(str(path))  # signed in as the administrator: exports below run as them unless a test signs in
    assert invoke(path, "catalog", "import", str(catalog_csv)).exit_code == 0
    actor = Actor("史婷", "grid_worker")
    engine = open_engine(path)
    with session_scope(engine) as session:
        add_area_chain(session, "槐安街道", "槐安里社区", "第1网格")
    register(engine, "王主任", "supervisor")
    register(engine, "史婷", "grid_worker", area="第1网格")
    with session_scope(engine) as session:
        with simulated_time(datetime(2026, 3, 2, 9, 30)):
            log_request(
                session,
                actor,
                title="楼上漏水",
                text="卫生间往下滴水，电话13812345678",
                resident_name="王芳",
                resident_phone="13812345678",
                item_code="JD-003",
            )
        with simulated_time(datetime(2026, 4, 8, 15, 0)):
            log_request(session, actor, title="=cmd|' /C calc'!A0", text="+SUM(1,2)", resident_name="李强",
                        resident_phone="13900001111", item_code="JD-007")  # fmt: skip
    return path


def test_csv_has_a_bom_chinese_headers_and_masked_personal_data(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "requests.csv"
    result = invoke(db, "export", "requests", "--format", "csv", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert "已导出 2 条" in result.stderr and "脱敏" in result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["编号"].startswith("XS-2026-") and rows[0]["承办部门"] == "区水务局"
    assert rows[0]["居民姓名"] == "王*" and rows[0]["联系电话"] == "138****5678"
    assert rows[0]["分类"] == "公共服务"  # JD-003's category: the request has none of its own (it was blank)
    assert "13812345678" not in raw.decode("utf-8-sig")  # also inside the free text
    # formulas are kept as text: Excel must not run them (CSV injection)
    assert rows[1]["标题"] == "'=cmd|' /C calc'!A0" and rows[1]["内容"] == "'+SUM(1,2)"


def test_filters_narrow_the_export_and_bad_ones_fail_before_any_output(db: Path) -> None:
    march = invoke(db, "export", "requests", "--period", "2026-03")
    assert march.exit_code == 0 and march.stdout.count("XS-2026-") == 1 and "楼上漏水" in march.stdout
    water = invoke(db, "export", "requests", "--department", "区水务局", "-f", "json")
    assert [r["title"] for r in json.loads(water.stdout)] == ["楼上漏水"]
    new = invoke(db, "export", "requests", "--status", "待受理", "-f", "json")
    assert len(json.loads(new.stdout)) == 2
    for args, message in (
        (("--department", "没有这个部门"), "没有名为"),
        (("--period", "2026-3"), "YYYY-MM"),
        (("--status", "差不多了"), "未知的状态"),
        (("--format", "pdf"), "--format"),
    ):
        bad = invoke(db, "export", "requests", *args)
        assert bad.exit_code == 2 and message in bad.stderr and bad.stdout == ""


def test_xlsx_has_typed_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "requests.xlsx"
    assert invoke(db, "export", "requests", "-f", "xlsx", "-o", str(out)).exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    first = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert isinstance(first["登记时间"], datetime) and first["登记时间"] == datetime(2026, 3, 2, 9, 30)
    assert isinstance(first["办理期限"], datetime)
    assert first["退单次数"] == 0 and isinstance(first["退单次数"], int | float)
    assert first["联系电话"] == "138****5678"
    second = dict(zip(header, [c.value for c in sheet[3]], strict=True))
    assert second["标题"] == "=cmd|' /C calc'!A0" and sheet.cell(3, header.index("标题") + 1).data_type == "s"
    assert sheet.freeze_panes == "A2"


def test_xlsx_needs_a_file_and_nothing_half_written_is_left(db: Path, tmp_path: Path) -> None:
    assert invoke(db, "export", "requests", "-f", "xlsx").exit_code == 2
    missing = tmp_path / "nope" / "out.csv"
    result = invoke(db, "export", "requests", "-o", str(missing))
    assert result.exit_code == 2 and "目录不存在" in result.stderr
    assert not list(tmp_path.glob("*.partial")) and not list(tmp_path.glob(".*.partial"))


def test_open311_georeport_v2(db: Path) -> None:
    result = invoke(db, "export", "requests", "-f", "open311")
    records = json.loads(result.stdout)
    assert len(records) == 2
    first = records[0]
    for key in ("service_request_id", "status", "service_code", "service_name", "description", "agency_responsible",
                "requested_datetime", "updated_datetime", "expected_datetime", "address", "lat", "long"):  # fmt: skip
        assert key in first
    assert first["status"] == "open" and first["service_code"] == "JD-003"
    assert first["requested_datetime"] == "2026-03-02T09:30:00+08:00"
    assert "13812345678" not in result.stdout


def test_personal_data_only_for_supervisors_and_audited(db: Path) -> None:
    # who exports is who signed in (issue 14): a grid worker may export nothing, personal data or not
    cli_login(str(db), "史婷")
    for args in ((), ("--include-personal-data",)):
        refused = invoke(db, "export", "requests", *args)
        assert refused.exit_code == 2 and refused.stderr.strip() == "错误：网格员不能导出数据" and refused.stdout == ""
    # a name nobody registered cannot sign in, so it exports nothing either
    unknown = runner.invoke(app, ["--db", str(db), "login", "--operator", "路人甲", "--password-stdin"],
                            input=PASSWORD + "\n")  # fmt: skip
    assert unknown.exit_code == 2 and unknown.stdout == ""
    cli_login(str(db), "王主任")
    shown = invoke(db, "export", "requests", "--include-personal-data", "--period", "2026-03")
    assert shown.exit_code == 0 and "王芳" in shown.stdout and "13812345678" in shown.stdout
    assert "审计" in shown.stderr
    with session_scope(open_engine(db)) as session:
        exports = col(AuditEvent.action).in_(("export", "export_personal_data"))
        audits = session.exec(select(AuditEvent).where(exports)).all()
    assert len(audits) == 1
    assert (audits[0].actor, audits[0].role, audits[0].action) == ("王主任", "supervisor", "export_personal_data")
    # written before the data (the row count is not known then): what, where to and which filters
    detail = json.loads(audits[0].detail)
    assert detail["period"] == "2026-03" and detail["format"] == "csv" and detail["file"] == "stdout"
