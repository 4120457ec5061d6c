from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func
from sqlmodel import select

from models.core.errors import InputError
from models.files.catalog_import import import_catalog
from models.store.engine import session_scope
from models.store.tables import CatalogItem, CatalogRevision, Department
from tests.conftest import CATALOG_CSV, shared_file


def _count(engine, model) -> int:
    with session_scope(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_import_creates_items_departments_and_a_revision(engine, catalog_csv: Path) -> None:
    with session_scope(engine) as session:
        result = import_catalog(session, catalog_csv)
    assert (result.total, result.added, result.changed, result.cut) == (10, 10, 0, 4)
    assert "区水务局" in result.departments_created
    with session_scope(engine) as session:
        item = session.exec(select(CatalogItem).where(CatalogItem.code == "JD-008")).one()
        assert item.duty == "merged" and item.merged_into == "JD-007"
        assert item.keyword_list() == ["路灯坏"]
        water = session.exec(select(Department).where(Department.name == "区水务局")).one()
        assert water.level == "district"
        street = session.exec(select(Department).where(Department.name == "街道城市管理办公室")).one()
        assert street.level == "street"
        revision = session.exec(select(CatalogRevision)).one()
        assert (revision.total, revision.added, revision.cut) == (10, 10, 4)


def test_reimport_upserts_by_code_and_counts_changes(engine, catalog_csv: Path, tmp_path: Path) -> None:
    with session_scope(engine) as session:
        import_catalog(session, catalog_csv)
    changed = tmp_path / "changed.csv"
    changed.write_text(
        CATALOG_CSV.replace(
            "JD-010,停车秩序管理,综合治理,社区居委会,own", "JD-010,停车秩序管理,综合治理,区交通委,returned"
        )
        + "JD-011,养犬管理,综合治理,区公安分局,returned,狗、遛狗,60,,,2026-05-01\n",
        encoding="utf-8",
    )
    with session_scope(engine) as session:
        result = import_catalog(session, changed)
    assert (result.added, result.changed, result.unchanged, result.cut) == (1, 1, 9, 2)
    assert _count(engine, CatalogItem) == 11
    assert _count(engine, CatalogRevision) == 2


def test_chinese_headers_bom_and_duty_names(engine, tmp_path: Path) -> None:
    path = tmp_path / "清单.csv"
    path.write_text(
        "事项编码,事项名称,类别,责任部门,履职类型,关键词,年工时\n"
        "C1,社区养老服务,公共服务,街道民生保障办公室,基本履职,养老、助餐,100\n"
        "C2,燃气安全检查,综合治理,区城管委,收回上级部门事项,燃气、煤气,50\n"
        "C3,殡葬管理,公共服务,区民政局,配合履职,丧事,10\n"
        "C4,报刊征订,综合保障,街道党群工作办公室,取消,,5\n",
        encoding="utf-8-sig",
    )
    with session_scope(engine) as session:
        result = import_catalog(session, path)
        duties = dict(session.exec(select(CatalogItem.code, CatalogItem.duty)).all())
    assert result.added == 4
    assert duties == {"C1": "own", "C2": "returned", "C3": "assist", "C4": "cancelled"}


def test_xlsx_with_title_row(engine, tmp_path: Path) -> None:
    path = tmp_path / "catalog.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["清河街道职责清单（2026年版）"])
    sheet.append(["事项编码", "事项名称", "类别", "责任部门", "履职类型", "年工时"])
    sheet.append(["X1", "老旧小区加装电梯协调", "城乡建设", "街道城市管理办公室", "基本履职", 300])
    sheet.append(["X2", "供水管道抢修", "公共服务", "区水务局", "收回上级", 120.5])
    book.save(path)
    with session_scope(engine) as session:
        result = import_catalog(session, path)
        hours = dict(session.exec(select(CatalogItem.code, CatalogItem.hours_per_year)).all())
    assert result.added == 2
    assert hours == {"X1": 300.0, "X2": 120.5}


@pytest.mark.parametrize(
    ("row", "line", "column", "fragment"),
    [
        ("B1,名称,类别,部门,随便写,,10", 3, "duty", "未知的履职类型"),
        ("B1,名称,类别,部门,own,,十小时", 3, "hours_per_year", "不是数字"),
        (",名称,类别,部门,own,,10", 3, "code", "不能为空"),
        ("B0,重复,类别,部门,own,,10", 3, "code", "重复"),
        ("B1,名称,类别,,own,,10", 3, "department", "不能为空"),
        ("B1,合并项,类别,部门,merged,,10", 3, "merged_into", "合并"),
    ],
)
def test_bad_rows_name_row_and_column_and_write_nothing(
    sqlite_engine, tmp_path: Path, row: str, line: int, column: str, fragment: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        f"code,name,category,department,duty,keywords,hours_per_year\nB0,好的,类别,部门,own,,1\n{row}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info, session_scope(sqlite_engine) as session:
        import_catalog(session, path)
    assert info.value.row == line
    assert info.value.column == column
    assert fragment in str(info.value)
    assert f"第 {line} 行" in str(info.value)
    assert _count(sqlite_engine, CatalogItem) == 0
    assert _count(sqlite_engine, Department) == 0
    assert _count(sqlite_engine, CatalogRevision) == 0


def test_missing_required_column_lists_the_columns_found(sqlite_engine, tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("编号,内容\n1,abc\n", encoding="utf-8")
    with (
        pytest.raises(InputError, match=r"缺少必需的列.*文件中的列为：编号、内容"),
        session_scope(sqlite_engine) as s,
    ):
        import_catalog(s, path)


def test_dry_run_writes_nothing(sqlite_engine, catalog_csv: Path) -> None:
    with session_scope(sqlite_engine) as session:
        result = import_catalog(session, catalog_csv, dry_run=True)
    assert result.added == 10
    assert _count(sqlite_engine, CatalogItem) == 0
    assert _count(sqlite_engine, CatalogRevision) == 0


def test_shared_taxonomy_imports_cleanly(sqlite_engine) -> None:
    path = shared_file("taxonomy_catalog.csv")
    with session_scope(sqlite_engine) as session:
        result = import_catalog(session, path)
    assert result.total == result.added == 517
    with session_scope(sqlite_engine) as session:
        again = import_catalog(session, path)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 517)


def test_skip_bad_imports_the_good_catalog_rows(sqlite_engine, tmp_path: Path) -> None:
    path = tmp_path / "清单.csv"
    path.write_text(
        "事项编码,事项名称,责任部门,履职类型,年工时,合并至\n"
        "K1,楼道照明维护,街道城市管理办公室,基本履职,30,\n"
        "K2,,街道城市管理办公室,基本履职,10,\n"
        "K3,旧路灯报修,区城管委,合并,5,NOPE\n"
        "K4,噪音扰民查处,区城管执法局,收回上级,abc,\n"
        "K5,停车秩序管理,社区居委会,基本履职,20,\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info, session_scope(sqlite_engine) as session:
        import_catalog(session, path)
    assert info.value.row == 3 and "共 3 行有错" in str(info.value)
    with session_scope(sqlite_engine) as session:
        result = import_catalog(session, path, skip_bad=True)
        codes = sorted(session.exec(select(CatalogItem.code)).all())
    assert codes == ["K1", "K5"] and result.added == 2
    assert [(e.row, e.column) for e in result.errors] == [(3, "事项名称"), (4, "合并至"), (5, "年工时")]
