"""Reading CSV and XLSX files the way street offices produce them.

Headers come in Chinese or English and in many spellings, so each importer gives a table of synonyms per field;
the header row is the first of the top rows that names the most known fields (title rows above it are skipped).
Rows come back with their file row number so errors can point at the exact cell.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from models.errors import InputError
from models.text import clean_cell

HEADER_SEARCH_ROWS = 10


def _header_key(text: str) -> str:
    return re.sub(r"[\s_\-（）()：:*]", "", clean_cell(text)).lower()


@dataclass
class Table:
    """Rows of one sheet, keyed by field name, with the detected mapping for previews and error messages."""

    path: Path
    headers: list[str]
    mapping: dict[int, str]  # column index → field
    rows: list[tuple[int, dict[str, str]]]  # (file row number, field → cleaned text)
    raw_cells: dict[int, dict[str, object]]  # file row number → field → raw cell value (dates from XLSX)

    def column_name(self, field: str) -> str:
        for index, name in self.mapping.items():
            if name == field:
                return self.headers[index]
        return field


def _decode(data: bytes, encoding: str | None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"无法按编码 {encoding} 读取文件：{exc}") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("无法识别文件编码，请用 --encoding 指定（如 gb18030、utf-8）")
    return str(best)


def _read_csv(path: Path, encoding: str | None) -> list[list[object]]:
    text = _decode(path.read_bytes(), encoding)
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first_line.count)
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _read_xlsx(path: Path, sheet: str | None) -> list[list[object]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InputError(f"{path.name} 不是有效的 Excel（.xlsx）文件，可能已损坏或是改了扩展名的其他文件") from exc
    try:
        if sheet is not None:
            if sheet not in book.sheetnames:
                raise InputError(f"找不到工作表 “{sheet}”（有：{'、'.join(book.sheetnames)}）")
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        return [list(row) for row in ws.iter_rows(values_only=True)]
    finally:
        book.close()


def read_rows(path: Path, *, encoding: str | None = None, sheet: str | None = None) -> list[list[object]]:
    if not path.exists():
        raise InputError(f"文件不存在：{path}")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        if encoding:
            raise InputError("--encoding 只适用于 CSV 文件；Excel 文件不需要指定编码")
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt", ".tsv"):
        if sheet is not None:
            raise InputError("--sheet 只适用于 Excel（.xlsx）文件")
        return _read_csv(path, encoding)
    raise InputError(f"不支持的文件类型 “{suffix or path.name}”：请使用 .csv 或 .xlsx")


def read_table(
    path: Path,
    synonyms: Mapping[str, Sequence[str]],
    required: Sequence[str],
    *,
    overrides: Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    expect: str | None = None,
) -> Table:
    """Read a file and map its columns to fields; a missing required field is an error naming the headers found.

    `expect` describes the columns a file needs, for error messages when `required` alone cannot say it.
    """
    lookup: dict[str, str] = {}
    for field_name, names in synonyms.items():
        lookup[_header_key(field_name)] = field_name
        for name in names:
            lookup[_header_key(name)] = field_name
    overrides = {_header_key(k): v for k, v in (overrides or {}).items()}
    for target in overrides.values():
        if target not in synonyms:
            raise InputError(f"--map 的目标字段 “{target}” 不存在（可用：{', '.join(synonyms)}）")

    raw = read_rows(path, encoding=encoding, sheet=sheet)
    best_row, best_mapping = -1, dict[int, str]()
    for row_index, row in enumerate(raw[:HEADER_SEARCH_ROWS]):
        mapping: dict[int, str] = {}
        for col, cell in enumerate(row):
            key = _header_key(str(cell)) if cell is not None else ""
            target_field = overrides.get(key) or lookup.get(key)
            if target_field and target_field not in mapping.values():
                mapping[col] = target_field
        if len(mapping) > len(best_mapping):
            best_row, best_mapping = row_index, mapping
    if best_row < 0:
        raise InputError(f"{path.name} 中找不到表头行（应包含：{expect or '、'.join(required)}）")
    headers = [clean_cell(c) for c in raw[best_row]]
    header_keys = {_header_key(h) for h in headers}
    unknown = [source for source in overrides if source not in header_keys]
    if unknown:
        found = "、".join(h for h in headers if h) or "（空）"
        raise InputError(f"--map 的源列 “{unknown[0]}” 不在文件中；文件中的列为：{found}")
    missing = [f for f in required if f not in best_mapping.values()]
    if missing:
        found = "、".join(h for h in headers if h) or "（空）"
        raise InputError(f"缺少必需的列：{'、'.join(missing)}；文件中的列为：{found}（可用 --map 源列=字段 指定）")

    rows: list[tuple[int, dict[str, str]]] = []
    raw_cells: dict[int, dict[str, object]] = {}
    for offset, row in enumerate(raw[best_row + 1 :], start=best_row + 2):
        values = {f: clean_cell(row[c]) if c < len(row) else "" for c, f in best_mapping.items()}
        if not any(values.values()):
            continue
        rows.append((offset, values))
        raw_cells[offset] = {f: row[c] for c, f in best_mapping.items() if c < len(row)}
    return Table(path, headers, best_mapping, rows, raw_cells)


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?(?:\s*(\d{1,2})[:时](\d{1,2})分?(?::(\d{1,2}))?秒?)?$"),
)
EXCEL_EPOCH = datetime(1899, 12, 30)


def parse_datetime(value: object) -> datetime | None:
    """Dates as offices write them: 2019/4/25 9:32:09, 2019-04-25 09:32, 2019年4月25日, Excel serials, cells."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return (EXCEL_EPOCH + timedelta(days=float(value))).replace(microsecond=0)
        raise ValueError(f"无法识别的日期 “{value}”")
    text = clean_cell(value)
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            y, mo, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
            try:
                return datetime(y, mo, d, h, mi, s)
            except ValueError:
                raise ValueError(f"无法识别的日期 “{text}”（日期或时间超出范围）") from None
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return parse_datetime(float(text))
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None, microsecond=0)
    except ValueError:
        raise ValueError(f"无法识别的日期 “{text}”") from None


def parse_number(text: str) -> float | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"不是数字：“{text}”") from None
