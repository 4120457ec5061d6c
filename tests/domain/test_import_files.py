"""Imports against files shaped like real government exports: encodings, title rows, Excel dates, bad rows, re-runs."""

import csv
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func
from sqlmodel import select

from models.core.errors import InputError
from models.files.request_import import import_requests, preview_request_file
from models.requests.workflow import Actor
from models.store.engine import session_scope
from models.store.tables import Area, MatchExample, Request, RequestEvent

ACTOR = Actor("导入测试")

# a 12345 export in its own spellings: 一级分类, 所属街道/社区, 答复意见, 满意度
EXPORT_HEADER = (
    "工单编号,受理时间,诉求标题,诉求内容,来电人,联系电话,所属街道,所属社区,一级分类,承办单位,办理状态,答复时间,"
    "答复意见,满意度,备注"
)
EXPORT_ROWS = [
    "GD-001,2026/4/25 9:32:09,楼道灯坏了,3号楼2单元楼道灯不亮一周了,王芳,13812345678,槐安街道,东社区,城乡建设,"
    "街道城市管理办公室,已办结,2026/4/26 10:00,已更换灯泡,满意,",
    "GD-002,2026-04-26 08:30,楼上漏水,卫生间天花板一直滴水,李强,13900001111,槐安街道,西社区,公共服务,,处理中,,,,催办过",
    "GD-003,2026年4月27日,广场舞太吵,晚上九点后还在放音乐,赵敏,,槐安街道,东社区,综合治理,区城管执法局,"
    "已办结,2026年4月28日,已劝导,基本满意,",
]


def _export(tmp_path: Path, rows: list[str], name: str = "export.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([EXPORT_HEADER, *rows]) + "\n", encoding=encoding)
    return path


def _count(engine, model) -> int:
    with session_scope(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le"])
def test_every_common_encoding_is_detected(catalog_engine, tmp_path: Path, encoding: str) -> None:
    path = _export(tmp_path, EXPORT_ROWS, encoding=encoding)
    with session_scope(catalog_engine) as session:
        result = import_requests(session, path, ACTOR)
    assert (result.total, result.added) == (3, 3)
    with session_scope(catalog_engine) as session:
        first = session.exec(select(Request).where(Request.external_ref == "GD-001")).one()
        assert first.title == "楼道灯坏了" and first.resident_name == "王芳"
        assert first.created_at == datetime(2026, 4, 25, 9, 32, 9)
        assert first.category == "城乡建设" and first.satisfaction == "satisfied" and first.callback_contacted
        area = session.get(Area, first.area_id)
        parent = session.get(Area, area.parent_id) if area and area.parent_id else None
    assert area is not None and (area.kind, area.name) == ("community", "东社区")
    assert parent is not None and (parent.kind, parent.name) == ("street", "槐安街道")


def test_preview_shows_mapping_unmapped_columns_and_masked_rows(catalog_engine, tmp_path: Path) -> None:
    preview = preview_request_file(_export(tmp_path, EXPORT_ROWS, encoding="gb18030"))
    mapping = dict(preview.mapping)
    assert mapping["工单编号"] == "external_ref" and mapping["受理时间"] == "created_at"
    assert mapping["一级分类"] == "category" and mapping["答复意见"] == "resolution"
    assert preview.unmapped == ["备注"]
    assert preview.encoding == "gb18030" and preview.row_count == 3
    first = preview.sample[0][1]
    assert first["resident_name"] == "王*" and first["resident_phone"] == "138****5678"
    assert _count(catalog_engine, Request) == 0


def test_xlsx_with_title_rows_excel_dates_and_messy_cells(catalog_engine, tmp_path: Path) -> None:
    path = tmp_path / "月报.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["槐安街道 2026年4月 接诉即办工单明细"])
    sheet.append(["导出时间：2026-05-01"])
    sheet.append([])
    sheet.append(["工单编号", "受理时间", "诉求标题", "诉求内容", "答复时间", "办理状态"])
    sheet.append(["X-1", datetime(2026, 4, 3, 8, 15), "楼道\t堆物", "一楼\n楼道\u00a0堆满杂物", 46116.75, "已办结"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["X-2", 46117, "  路灯不亮 ", "", "2026/4/8", "已办结"])
    book.create_sheet("说明").append(["本表由系统导出"])
    book.save(path)
    with session_scope(catalog_engine) as session:
        result = import_requests(session, path, ACTOR)
        rows = {r.external_ref: r for r in session.exec(select(Request)).all()}
    assert (result.total, result.added) == (2, 2)
    assert rows["X-1"].created_at == datetime(2026, 4, 3, 8, 15)
    assert rows["X-1"].resolved_at == datetime(2026, 4, 4, 18, 0)
    assert rows["X-1"].title == "楼道 堆物" and rows["X-1"].text == "一楼 楼道 堆满杂物"
    assert rows["X-2"].created_at == datetime(2026, 4, 5) and rows["X-2"].title == "路灯不亮"
    with pytest.raises(InputError, match="找不到工作表"), session_scope(catalog_engine) as session:
        import_requests(session, path, ACTOR, sheet="三月")


def test_unknown_headers_name_the_columns_found(catalog_engine, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("甲,乙,丙\n1,2,3\n", encoding="utf-8")
    with pytest.raises(InputError) as info, session_scope(catalog_engine) as session:
        import_requests(session, path, ACTOR)
    assert "甲、乙、丙" in str(info.value) and "--map" in str(info.value)


BROKEN = [
    *EXPORT_ROWS,
    "GD-004,2026/13/45,日期错了,内容,,,,,,,,,,,",
    "GD-005,2026-04-28 10:00,状态错了,内容,,,,,,,进行中吧,,,,",
    "GD-006,2026-04-28 11:00,正常的一行,楼下烧烤油烟很大,,,,,,,,,,,",
]


def test_a_broken_row_writes_nothing_without_skip_bad(catalog_engine, tmp_path: Path) -> None:
    with pytest.raises(InputError) as info, session_scope(catalog_engine) as session:
        import_requests(session, _export(tmp_path, BROKEN), ACTOR)
    assert info.value.row == 5 and info.value.column == "受理时间"
    assert "共 2 行有错" in str(info.value) and "--skip-bad" in str(info.value)
    assert _count(catalog_engine, Request) == 0 and _count(catalog_engine, RequestEvent) == 0


def test_skip_bad_imports_good_rows_and_reports_bad_ones(catalog_engine, tmp_path: Path) -> None:
    from models.files.tabular import write_error_csv

    with session_scope(catalog_engine) as session:
        result = import_requests(session, _export(tmp_path, BROKEN), ACTOR, skip_bad=True)
    assert (result.total, result.added) == (6, 4)
    assert [(e.row, e.column) for e in result.errors] == [(5, "受理时间"), (6, "办理状态")]
    report = write_error_csv(result.errors, tmp_path / "errors.csv")
    with report.open(encoding="utf-8-sig") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["行号", "列", "原因"]
    assert lines[1][:2] == ["5", "受理时间"] and "日期" in lines[1][2]
    assert lines[2][:2] == ["6", "办理状态"] and "未知的状态" in lines[2][2]


def test_reimport_and_overlapping_later_export_add_only_new_rows(catalog_engine, tmp_path: Path) -> None:
    with session_scope(catalog_engine) as session:
        import_requests(session, _export(tmp_path, EXPORT_ROWS[:2], "april.csv"), ACTOR)
    with session_scope(catalog_engine) as session:
        again = import_requests(session, _export(tmp_path, EXPORT_ROWS[:2], "april.csv"), ACTOR)
    assert (again.added, again.already_present) == (0, 2)
    later = [*EXPORT_ROWS[1:], "GD-007,2026-04-29 09:00,井盖松动,小区东门井盖松动,,,,,,,,,,,"]
    with session_scope(catalog_engine) as session:
        overlap = import_requests(session, _export(tmp_path, later, "april-may.csv"), ACTOR)
    assert (overlap.added, overlap.already_present) == (2, 1)
    assert _count(catalog_engine, Request) == 4 and _count(catalog_engine, RequestEvent) == 4


def test_an_interrupted_import_finishes_when_run_again(catalog_engine, tmp_path: Path) -> None:
    rows = [
        f"B-{i:03d},2026-04-{1 + i % 28:02d} 09:00,第{i}件事 楼道灯坏了,内容{i},,,,,,区排水集团,已办结,,,,"
        for i in range(23)
    ]
    path = _export(tmp_path, rows, "big.csv")

    class Killed(Exception):
        pass

    def die_after_two_batches(done: int, total: int) -> None:
        if done >= 10:
            raise Killed

    with pytest.raises(Killed), session_scope(catalog_engine) as session:
        import_requests(session, path, ACTOR, batch_size=5, progress=die_after_two_batches)
    # whole batches only: every request has its creation event and its learned routing
    assert _count(catalog_engine, Request) == 10
    assert _count(catalog_engine, RequestEvent) == 10 and _count(catalog_engine, MatchExample) == 10
    with session_scope(catalog_engine) as session:
        rest = import_requests(session, path, ACTOR, batch_size=5)
    assert (rest.added, rest.already_present) == (13, 10)
    assert _count(catalog_engine, Request) == 23 and _count(catalog_engine, MatchExample) == 23
    with session_scope(catalog_engine) as session:
        refs = session.exec(select(Request.ref)).all()
    assert len(set(refs)) == 23


def test_preview_shows_dates_as_read_and_the_rows_it_would_reject(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("工单编号,受理时间,诉求标题\nA,2026-13-45 25:61,灯坏了\nB,46300.5,漏水\n", encoding="utf-8")
    preview = preview_request_file(path)
    assert preview.sample[1][1]["created_at"] == "2026-10-05 12:00"  # Excel serial 46300.5
    assert len(preview.problems) == 1 and "第 2 行" in preview.problems[0] and "受理时间" in preview.problems[0]


@pytest.mark.parametrize(
    ("header", "first", "second"),
    [
        ("工单编号,诉求标题,联系电话,联系电话", "第 3 列（C）“联系电话”", "第 4 列（D）“联系电话”"),
        ("工单编号,标题,内容,联系 电话,联系电话", "第 4 列（D）“联系 电话”", "第 5 列（E）“联系电话”"),
    ],
)
def test_duplicate_headers_are_refused_naming_both_columns(
    catalog_engine, tmp_path: Path, header: str, first: str, second: str
) -> None:
    """Which of two 联系电话 columns holds the resident's number is a guess: the first used to win silently."""
    path = tmp_path / "twins.csv"
    width = header.count(",") + 1
    path.write_text(f"{header}\n" + ",".join(["D-1", "漏水", "13800001111", "13900002222", "x"][:width]) + "\n")
    with pytest.raises(InputError) as info:
        preview_request_file(path)
    assert first in str(info.value) and second in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(InputError, match="两列同名"), session_scope(catalog_engine) as session:
        import_requests(session, path, ACTOR)
    assert _count(catalog_engine, Request) == 0


def test_duplicate_catalog_headers_are_refused(tmp_path: Path) -> None:
    from models.files.catalog_import import read_catalog_file

    path = tmp_path / "catalog.csv"
    path.write_text("事项编码,事项名称,责任部门,责任部门\nC-1,路灯维修,街道城管办,区城管委\n", encoding="utf-8")
    with pytest.raises(InputError, match="第 3 列（C）“责任部门”和第 4 列（D）“责任部门”"):
        read_catalog_file(path)


def test_an_unused_duplicate_and_a_better_spelling_are_not_refused(tmp_path: Path) -> None:
    """Two 备注 columns map to nothing; 序号 twice loses to 工单编号, the preferred spelling of the same field."""
    path = tmp_path / "fine.csv"
    path.write_text("序号,序号,工单编号,标题,备注,备注\n1,1,GD-1,漏水,,\n", encoding="utf-8")
    preview = preview_request_file(path)
    assert dict(preview.mapping)["工单编号"] == "external_ref"


def test_a_full_width_phone_is_imported_as_ascii_digits(catalog_engine, tmp_path: Path) -> None:
    path = tmp_path / "phones.csv"
    path.write_text(
        "工单编号,标题,联系电话\nP-1,漏水,１３８１２３４５６７８\nP-2,路灯,０１０－８８８８６６６６\n", encoding="utf-8"
    )
    with session_scope(catalog_engine) as session:
        import_requests(session, path, ACTOR)
    with session_scope(catalog_engine) as session:
        phones = {r.external_ref: r.resident_phone for r in session.exec(select(Request)).all()}
    assert phones == {"P-1": "13812345678", "P-2": "010-88886666"}
