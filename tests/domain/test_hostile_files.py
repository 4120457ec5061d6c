"""Spreadsheets built to hurt the reader: refused in one line (exit 2) before calamine or csv sees them.

The files are made here with zipfile (an XLSX is a zip of XML parts), never committed as binaries. Before the
checks, the first one made the process abort (SIGABRT: calamine asked for 512 GB for a sheet spanning
A1:XFD1048576) and a 1 MB zip bomb took 73 s and 1.35 GB.
"""

import os
import zipfile
from pathlib import Path

import pytest

from models.core.errors import EXIT_BAD_INPUT, InputError
from models.files.request_import import read_request_file
from models.files.tabular import read_rows

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="工单" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xml(rows: str, dimension: str | None = None) -> str:
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{declared}<sheetData>{rows}</sheetData></worksheet>"
    )


def workbook(path: Path, sheet: str, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


GOOD_ROWS = f'<row r="1">{cell("A1", "标题")}{cell("B1", "内容")}</row><row r="2">{cell("A2", "漏水")}</row>'


def refused(path: Path, *fragments: str) -> None:
    with pytest.raises(InputError) as info:
        read_request_file(path)
    message = str(info.value)
    assert info.value.exit_code == EXIT_BAD_INPUT and "\n" not in message
    for fragment in fragments:
        assert fragment in message, message


def test_a_well_formed_small_workbook_is_read(tmp_path: Path) -> None:
    table = read_request_file(workbook(tmp_path / "ok.xlsx", sheet_xml(GOOD_ROWS, "A1:B2")))
    assert [values["title"] for _, values in table.rows] == ["漏水"]


def test_cells_at_a1_and_xfd1048576_are_refused_before_calamine_reads_them(tmp_path: Path) -> None:
    rows = f'<row r="1">{cell("A1", "标题")}</row><row r="1048576">{cell("XFD1048576", "x")}</row>'
    path = workbook(tmp_path / "far.xlsx", sheet_xml(rows))
    assert path.stat().st_size < 2000
    refused(path, "far.xlsx", "1048576 行", "XINSHENG_IMPORT_MAX_ROWS")


def test_a_far_cell_in_a_row_without_a_number_is_refused(tmp_path: Path) -> None:
    rows = f'<row r="1">{cell("A1", "标题")}</row><row>{cell("XFD2", "x")}</row>'
    refused(workbook(tmp_path / "wide.xlsx", sheet_xml(rows)), "16384 列", "XINSHENG_IMPORT_MAX_COLUMNS")


def test_declared_dimensions_beyond_the_limits_are_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "declared.xlsx", sheet_xml(GOOD_ROWS, "A1:XFD1048576"))
    refused(path, "工作表声明", "1048576 行")


def test_a_zip_bomb_is_refused_by_its_unpacked_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XINSHENG_IMPORT_MAX_UNPACKED_MB", "5")
    padding = " " * (20 * 1024 * 1024)  # 20 MB of spaces packs into about 20 KB
    path = workbook(tmp_path / "bomb.xlsx", sheet_xml(GOOD_ROWS + padding))
    assert path.stat().st_size < 100_000
    refused(path, "解压后超过 5 MB", "XINSHENG_IMPORT_MAX_UNPACKED_MB")


def test_a_part_that_lies_about_its_size_is_refused_as_damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A central directory that declares 1 KB for 8 MB of XML: the unpacked stream stops at the declared size and
    the CRC fails, so the lie is caught without unpacking the rest."""
    monkeypatch.setenv("XINSHENG_IMPORT_MAX_UNPACKED_MB", "5")
    path = workbook(tmp_path / "liar.xlsx", sheet_xml(GOOD_ROWS + " " * (8 * 1024 * 1024)))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    for offset in _central_entries(bytes(data)):
        name_length = int.from_bytes(data[offset + 28 : offset + 30], "little")
        if data[offset + 46 : offset + 46 + name_length] == info.filename.encode():
            data[offset + 24 : offset + 28] = (1024).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    refused(path, "liar.xlsx", "不是有效的 Excel")


def _central_entries(data: bytes) -> list[int]:
    offsets, at = [], data.find(b"PK\x01\x02")
    while at >= 0:
        offsets.append(at)
        at = data.find(b"PK\x01\x02", at + 4)
    return offsets


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XINSHENG_IMPORT_MAX_MB", "1")
    big = tmp_path / "big.csv"
    big.write_text("标题\n" + "漏水\n" * 400_000, encoding="utf-8")
    refused(big, "big.csv", "超过导入上限 1 MB", "XINSHENG_IMPORT_MAX_MB")
    path = workbook(tmp_path / "big.xlsx", sheet_xml(GOOD_ROWS), {"xl/media/image1.bin": os.urandom(2 * 1024 * 1024)})
    refused(path, "big.xlsx", "XINSHENG_IMPORT_MAX_MB")


def test_csv_rows_and_columns_have_limits_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XINSHENG_IMPORT_MAX_ROWS", "100")
    monkeypatch.setenv("XINSHENG_IMPORT_MAX_COLUMNS", "20")
    rows = tmp_path / "rows.csv"
    rows.write_text("标题\n" + "漏水\n" * 200, encoding="utf-8")
    refused(rows, "rows.csv", "101 行", "XINSHENG_IMPORT_MAX_ROWS")
    wide = tmp_path / "wide.csv"
    wide.write_text("标题" + "," * 5000 + "\n漏水\n", encoding="utf-8")
    refused(wide, "wide.csv", "5001 列", "XINSHENG_IMPORT_MAX_COLUMNS")
    assert len(read_rows(_small(tmp_path))[0]) == 2


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "small.csv"
    path.write_text("标题\n漏水\n", encoding="utf-8")
    return path


def test_a_bad_limit_setting_is_refused_naming_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XINSHENG_IMPORT_MAX_ROWS", "many")
    with pytest.raises(Exception, match="XINSHENG_IMPORT_MAX_ROWS"):
        read_request_file(_small(tmp_path))
