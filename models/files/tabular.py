"""Reading CSV and XLSX files the way street offices produce them.

Headers come in Chinese or English and in many spellings, so each importer gives a table of synonyms per field;
the header row is the first of the top rows that names the most known fields (title rows above it are skipped).
Rows come back with their file row number so errors can point at the exact cell.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from models.core.errors import InputError
from models.core.private import private_opener
from models.core.text import clean_cell, mask_personal

HEADER_SEARCH_ROWS = 10


def _header_key(text: str) -> str:
    return re.sub(r"[\s_\-（）()：:*]", "", clean_cell(text)).lower()


def _column_label(index: int) -> str:
    """第 3 列（C）: the position as counted and the letter a spreadsheet shows above it."""
    letters, n = "", index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"第 {index + 1} 列（{letters}）"


def parse_map_options(options: list[str] | None) -> dict[str, str]:
    """`--map 源列=field` options as a dict; a malformed one is a usage error naming it."""
    mapping: dict[str, str] = {}
    for option in options or []:
        source, sep, target = option.partition("=")
        if not sep or not source.strip() or not target.strip():
            raise InputError(f"--map 应写成 源列=字段，收到 “{option}”")
        mapping[source.strip()] = target.strip()
    return mapping


@dataclass
class Table:
    """Rows of one sheet, keyed by field name, with the detected mapping for previews and error messages."""

    path: Path
    headers: list[str]
    mapping: dict[int, str]  # column index → field
    rows: list[tuple[int, dict[str, str]]]  # (file row number, field → cleaned text)
    raw_cells: dict[int, dict[str, object]]  # file row number → field → raw cell value (dates from XLSX)
    header_row: int = 1  # file row number of the header
    encoding: str | None = None  # as detected or given, for CSV

    def unmapped(self) -> list[str]:
        """Named columns that no field took: shown in previews so users can add a --map."""
        return [h for i, h in enumerate(self.headers) if h and i not in self.mapping]

    def column_name(self, field: str) -> str:
        for index, name in self.mapping.items():
            if name == field:
                return self.headers[index]
        return field


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    """(text, encoding name). Cheap certain cases first; charset-normalizer only for what they cannot settle."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(f"未知的编码 “{encoding}”（常用：utf-8、gb18030、utf-16）") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"文件不是 {encoding} 编码：第 {exc.start} 字节无法解码（可不加 --encoding 让程序自动识别）"
            ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(f"文件以 UTF-8 标记开头，但第 {exc.start} 字节处不是 UTF-8，文件可能已损坏") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError("文件以 UTF-16 标记开头，但内容不是有效的 UTF-16，文件可能已损坏") from None
    if b"\x00" in data[:4096]:  # UTF-16 without a byte-order mark: ASCII characters leave zero bytes
        little = data[1:4096:2].count(0) > data[0:4096:2].count(0)
        name = "utf-16-le" if little else "utf-16-be"
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            pass
    for name in ("utf-8", "gb18030"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("无法识别文件编码，请用 --encoding 指定（如 gb18030、utf-8）")
    return str(best), best.encoding


@dataclass(frozen=True)
class Limits:
    """How much a spreadsheet may hold before it is read (settings: docs/deployment.md). Checked first, because
    the readers trust the file: a 1.7 KB XLSX with cells at A1 and XFD1048576 made calamine ask for 512 GB and the
    process abort, and a 1 MB zip bomb took 73 s and 1.35 GB before anything could be said about it."""

    file_mb: int
    unpacked_mb: int
    rows: int
    columns: int

    @classmethod
    def from_config(cls) -> Limits:
        from models.core.config import config

        settings = config()
        return cls(
            settings.import_max_mb,
            settings.import_max_unpacked_mb,
            settings.import_max_rows,
            settings.import_max_columns,
        )

    def check_span(self, name: str, rows: int, columns: int, what: str = "") -> None:
        if rows > self.rows:
            raise InputError(
                f"{name} {what}有 {rows} 行，超过导入上限 {self.rows} 行（XINSHENG_IMPORT_MAX_ROWS）；"
                "请拆成几个文件导入"
            )
        if columns > self.columns:
            raise InputError(
                f"{name} {what}有 {columns} 列，超过导入上限 {self.columns} 列（XINSHENG_IMPORT_MAX_COLUMNS）；"
                "请删去多余的列或空白区域后再导入"
            )


_MB = 1024 * 1024
_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\s[^>]*?ref="\$?([A-Z]{1,3})?\$?([0-9]{1,7})?(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?"'
)
_CELL_REF = re.compile(rb'\sr="([A-Z]{0,3})([0-9]{1,7})"')  # <c r="XFD1048576"> and <row r="1048576">


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _check_size(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.file_mb * _MB:
        raise InputError(
            f"{path.name} 有 {size / _MB:.0f} MB，超过导入上限 {limits.file_mb} MB（XINSHENG_IMPORT_MAX_MB）；"
            "请拆成几个文件导入"
        )


def _check_xlsx(path: Path, limits: Limits) -> None:
    """Refuse a workbook that would take the reader's memory or time, reading only the zip: the declared sizes,
    then every part unpacked as a stream (the zip module stops at a part's declared size and checks its CRC, so a
    part that lies about its size is refused as damaged) while the worksheets' declared dimensions and the rows
    and columns their cells reach are noted."""
    import zipfile

    _check_size(path, limits)
    budget = limits.unpacked_mb * _MB
    too_big = InputError(
        f"{path.name} 解压后超过 {limits.unpacked_mb} MB（XINSHENG_IMPORT_MAX_UNPACKED_MB），"
        "不像正常的工单表（可能是压缩炸弹）；请另存为 CSV 或拆成几个文件"
    )
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if sum(part.file_size for part in parts) > budget:
                raise too_big
            unpacked = 0
            for part in parts:
                sheet = part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml")
                rows = columns = 0
                tail = b""
                with archive.open(part) as stream:
                    while chunk := stream.read(_MB):
                        unpacked += len(chunk)
                        if unpacked > budget:
                            raise too_big
                        if not sheet:
                            continue
                        text = tail + chunk
                        if not tail and (declared := _DIMENSION.search(text)):
                            first_col, first_row, last_col, last_row = declared.groups()
                            limits.check_span(
                                path.name,
                                int(last_row or first_row or 0),
                                _column_number(last_col or first_col or b""),
                                "的工作表声明",
                            )
                        refs = _CELL_REF.findall(text)
                        if refs:
                            rows = max(rows, max(int(number) for _, number in refs))
                            columns = max(columns, max(_column_number(c) for c in {letters for letters, _ in refs}))
                            limits.check_span(path.name, rows, columns, "的工作表")
                        tail = text[-64:]
    except InputError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError) as exc:
        raise InputError(f"{path.name} 不是有效的 Excel（.xlsx）文件，可能已损坏或是改了扩展名的其他文件") from exc


def _read_csv(path: Path, encoding: str | None) -> tuple[list[list[object]], str]:
    limits = Limits.from_config()
    _check_size(path, limits)
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):  # a zip container: an Excel workbook that was renamed, not a text file
        raise InputError(f"{path.name} 实际是 Excel（XLSX）文件：请把扩展名改为 .xlsx 再导入")
    text, used = _decode(data, encoding)
    if "\x00" in text:
        raise InputError(f"{path.name} 含有空字符（\\x00），不像文本文件；如是 UTF-16 等编码请用 --encoding 指定")
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first_line.count)
    rows: list[list[object]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(list(row))
            if len(rows) > limits.rows or len(row) > limits.columns:
                limits.check_span(path.name, len(rows), len(row), "至少")
        return rows, used
    except csv.Error as exc:
        raise InputError(f"{path.name} 不是有效的 CSV：{exc}") from None


def _read_xlsx(path: Path, sheet: str | None) -> list[list[object]]:
    """Cell values of one sheet, read by calamine (Rust): about ten times faster than openpyxl on 100,000 rows."""
    from python_calamine import CalamineWorkbook

    _check_xlsx(path, Limits.from_config())
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise InputError(f"{path.name} 不是有效的 Excel（.xlsx）文件，可能已损坏或是改了扩展名的其他文件") from exc
    try:
        if sheet is not None:
            if sheet not in book.sheet_names:
                raise InputError(f"找不到工作表 “{sheet}”（有：{'、'.join(book.sheet_names)}）")
            rows = book.get_sheet_by_name(sheet).to_python()
        else:
            rows = book.get_sheet_by_index(0).to_python()
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"{path.name} 的工作表无法读取：{exc}") from exc
    finally:
        book.close()
    # calamine gives every number as a float: an integer cell (a phone number, an id) must not become "138….0"
    return [
        [int(c) if isinstance(c, float) and c.is_integer() else (None if c == "" else c) for c in row] for row in rows
    ]


def read_rows(
    path: Path, *, encoding: str | None = None, sheet: str | None = None
) -> tuple[list[list[object]], str | None]:
    """All rows of the file's sheet as raw cells, and the text encoding for CSV (None for XLSX)."""
    if not path.exists():
        raise InputError(f"文件不存在：{path}")
    if path.is_dir():
        raise InputError(f"{path} 是目录，不是文件")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        if encoding:
            raise InputError("--encoding 只适用于 CSV 文件；Excel 文件不需要指定编码")
        return _read_xlsx(path, sheet), None
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
    raw_fields: Sequence[str] | None = None,
) -> Table:
    """Read a file and map its columns to fields; a missing required field is an error naming the headers found.

    `expect` describes the columns a file needs, for error messages when `required` alone cannot say it.
    `raw_fields` are the fields whose uncleaned cell values are kept (dates: an XLSX date cell is not text);
    None keeps all of them.
    """
    lookup: dict[str, tuple[str, int]] = {}  # header key → (field, rank: earlier spellings are preferred)
    for field_name, names in synonyms.items():
        for rank, name in enumerate((field_name, *names)):
            lookup.setdefault(_header_key(name), (field_name, rank))
    overrides = {_header_key(k): v for k, v in (overrides or {}).items()}
    for target in overrides.values():
        if target not in synonyms:
            raise InputError(f"--map 的目标字段 “{target}” 不存在（可用：{', '.join(synonyms)}）")

    raw, used_encoding = read_rows(path, encoding=encoding, sheet=sheet)
    best_row, best_mapping, best_twins = -1, dict[int, str](), list[tuple[int, int]]()
    for row_index, row in enumerate(raw[:HEADER_SEARCH_ROWS]):
        chosen: dict[str, tuple[int, int]] = {}  # field → (rank, column)
        twins: list[tuple[int, int]] = []  # (column taken, a later column with the same header for that field)
        for col, cell in enumerate(row):
            key = _header_key(str(cell)) if cell is not None else ""
            if key in overrides:
                candidate = (overrides[key], -1)  # --map always wins
            elif key in lookup:
                candidate = lookup[key]
            else:
                continue
            target_field, rank = candidate
            if target_field not in chosen or rank < chosen[target_field][0]:
                chosen[target_field] = (rank, col)
            elif rank == chosen[target_field][0]:
                twins.append((chosen[target_field][1], col))
        mapping = {col: target_field for target_field, (_, col) in sorted(chosen.items(), key=lambda kv: kv[1][1])}
        if len(mapping) > len(best_mapping):
            best_row, best_mapping, best_twins = row_index, mapping, twins
    if best_row < 0:
        first = next((row for row in raw[:HEADER_SEARCH_ROWS] if any(clean_cell(c) for c in row)), [])
        # without a header the first row is a resident's: its phone is masked like any echoed input
        found = mask_personal("、".join(h for h in (clean_cell(c) for c in first) if h)) or "（空）"
        raise InputError(
            f"{path.name} 中找不到表头行（应包含：{expect or '、'.join(required)}）；"
            f"文件第一行的列为：{found}（可用 --map 源列=字段 指定）"
        )
    headers = [clean_cell(c) for c in raw[best_row]]
    for first_col, second_col in best_twins:  # which of the two holds the data is a guess: the user must say
        if best_mapping.get(first_col) is not None:
            raise InputError(
                f"第 {best_row + 1} 行的表头有两列同名：{_column_label(first_col)}“{headers[first_col]}”和"
                f"{_column_label(second_col)}“{headers[second_col]}”；不知道该用哪一列，请删除或改名其中一列"
            )
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
        raw_cells[offset] = {
            f: row[c] for c, f in best_mapping.items() if c < len(row) and (raw_fields is None or f in raw_fields)
        }
    return Table(path, headers, best_mapping, rows, raw_cells, best_row + 1, used_encoding)


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


@dataclass
class TablePreview:
    """What an import would read, for `--preview`: nothing is written."""

    file_name: str
    encoding: str | None
    header_row: int
    row_count: int
    mapping: list[tuple[str, str]]  # (source column, field)
    unmapped: list[str]
    sample: list[tuple[int, dict[str, str]]]  # first rows, personal data masked
    problems: list[str] = field(default_factory=list)  # what the import would reject among those rows


def preview_table(
    table: Table, rows: int = 5, personal: Mapping[str, Callable[[str], str]] | None = None
) -> TablePreview:
    """The detected mapping and the first rows; fields in `personal` are shown through their masking function."""
    personal = personal or {}
    sample = []
    for row_number, values in table.rows[:rows]:
        shown = {f: personal[f](v) if f in personal else v for f, v in values.items()}
        sample.append((row_number, shown))
    return TablePreview(
        file_name=table.path.name,
        encoding=table.encoding,
        header_row=table.header_row,
        row_count=len(table.rows),
        mapping=[(table.headers[c], f) for c, f in sorted(table.mapping.items())],
        unmapped=table.unmapped(),
        sample=sample,
    )


def write_error_csv(errors: Sequence[InputError], path: Path) -> Path:
    """Bad rows as 行号, 列, 原因 in a CSV that Excel/WPS open in Chinese (UTF-8 with BOM); 0600, since the
    reasons quote cells."""
    with open(path, "w", encoding="utf-8-sig", newline="", opener=private_opener) as fh:
        writer = csv.writer(fh)
        writer.writerow(["行号", "列", "原因"])
        for error in errors:
            writer.writerow([error.row or "", error.column or "", error.reason])
    return path
