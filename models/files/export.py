"""Taking requests out: CSV for Excel/WPS, typed XLSX, JSON, and Open311 GeoReport v2 for systems that speak it.

Residents' names and phone numbers are masked unless a supervisor or admin asks for them, and every such export is
written to the audit trail. Rows are streamed from the database, and files appear only when complete.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from sqlmodel import Session, col, select

from models.access import audit
from models.core.clock import now
from models.core.errors import UserError
from models.core.text import mask_name, mask_personal, mask_phone
from models.core.vocabulary import (
    CHANNEL_LABELS,
    KIND_LABELS,
    OPEN_STATUSES,
    SATISFACTION_LABELS,
    STATUS_LABELS,
    STATUS_SYNONYMS,
    URGENCY_LABELS,
    AuditAction,
    Privilege,
    Status,
)
from models.files.outputs import check_output_path, complete_or_absent
from models.people.permissions import Actor, require
from models.reporting.stats import period_bounds
from models.store.engine import sqlite_file
from models.store.tables import Area, CatalogItem, Department, Request

FORMATS = ("csv", "xlsx", "json", "open311")

# (field, Chinese header, kind) in export order; kind drives XLSX cell types and widths
COLUMNS: list[tuple[str, str, str]] = [
    ("ref", "编号", "text"),
    ("external_ref", "来源编号", "text"),
    ("created_at", "登记时间", "datetime"),
    ("channel", "渠道", "text"),
    ("kind", "诉求类型", "text"),
    ("urgency", "紧急程度", "text"),
    ("title", "标题", "wide"),
    ("text", "内容", "wide"),
    ("location", "地点", "text"),
    ("area", "网格/社区", "text"),
    ("category", "分类", "text"),
    ("item_code", "事项编码", "text"),
    ("item_name", "事项名称", "text"),
    ("department", "承办部门", "text"),
    ("status", "状态", "text"),
    ("due_at", "办理期限", "datetime"),
    ("resolved_at", "办结时间", "datetime"),
    ("overdue", "是否超期", "text"),
    ("resolution", "办理结果", "wide"),
    ("hours_spent", "用时（小时）", "number"),
    ("return_count", "退单次数", "integer"),
    ("reopen_count", "重办次数", "integer"),
    ("callback_solved", "回访是否解决", "text"),
    ("satisfaction", "满意度", "text"),
    ("resident_name", "居民姓名", "text"),
    ("resident_phone", "联系电话", "text"),
]
FORMULA_LEADERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ExportFilter:
    period: str | None = None
    status: str | None = None
    department: str | None = None


@dataclass
class ExportResult:
    rows: int
    path: Path | None
    personal_data: bool


def _status_code(status: str) -> str:
    code = STATUS_SYNONYMS.get(status.strip()) or STATUS_SYNONYMS.get(status.strip().lower())
    if code is not None:
        return code
    raise UserError(f"未知的状态 “{status}”（可用：{'、'.join(STATUS_LABELS.values())}）")


def export_records(session: Session, filters: ExportFilter, *, personal_data: bool = False) -> Iterator[dict[str, Any]]:
    """Requests matching the filters as plain records, oldest first, streamed in chunks.

    The filters are checked here, before the first record is asked for, so a bad filter fails before any output.
    """
    # the lookups are small (catalog, departments, areas): dictionaries instead of three joins per row
    items = {i.id: (i.code, i.name, i.category) for i in session.exec(select(CatalogItem)).all()}
    departments = {d.id: d.name for d in session.exec(select(Department)).all()}
    areas = {a.id: a.name for a in session.exec(select(Area)).all()}
    stmt = select(Request).order_by(col(Request.created_at), col(Request.id))
    if filters.period:
        start, end = period_bounds(filters.period)
        stmt = stmt.where(col(Request.created_at) >= start, col(Request.created_at) < end)
    if filters.status:
        stmt = stmt.where(col(Request.status) == _status_code(filters.status))
    if filters.department:
        wanted = [i for i, name in departments.items() if name == filters.department]
        if not wanted:
            raise UserError(f"没有名为 “{filters.department}” 的部门")
        stmt = stmt.where(col(Request.department_id) == wanted[0])
    return _records(session, stmt, items, departments, areas, personal_data)


def _records(
    session: Session,
    stmt: Any,
    items: dict[int | None, tuple[str, str, str]],
    departments: dict[int | None, str],
    areas: dict[int | None, str],
    personal_data: bool,
) -> Iterator[dict[str, Any]]:
    at = now()
    for request in session.exec(stmt.execution_options(yield_per=2000)):
        item_code, item_name, item_category = items.get(request.item_id, ("", "", ""))
        department, area_name = departments.get(request.department_id), areas.get(request.area_id)
        overdue = (
            request.due_at is not None
            and request.status not in (Status.MERGED, Status.REJECTED)
            and (request.resolved_at or at) > request.due_at
        )

        def text_filter(text: str, name: str | None = request.resident_name) -> str:
            """Free text keeps its words but not the resident's name, phones or ID numbers (unless asked for)."""
            return text if personal_data else mask_personal(text, [name or ""])

        yield {
            "ref": request.ref,
            "external_ref": request.external_ref or "",
            "created_at": request.created_at,
            "channel": CHANNEL_LABELS.get(request.channel, request.channel),
            "kind": KIND_LABELS.get(request.kind, request.kind),
            "urgency": URGENCY_LABELS.get(request.urgency, request.urgency),
            "title": text_filter(request.title),
            "text": text_filter(request.text),
            "location": text_filter(request.location),
            "area": area_name or "",
            # the source system's own classification, else the item's, as the figures by category read it
            "category": request.category or item_category or "",
            "item_code": item_code or "",
            "item_name": item_name or "",
            "department": department or "",
            "status": STATUS_LABELS.get(request.status, request.status),
            "status_code": request.status,
            "due_at": request.due_at,
            "resolved_at": request.resolved_at,
            "updated_at": request.closed_at or request.resolved_at or request.dispatched_at or request.created_at,
            "overdue": "是" if overdue else "否",
            "resolution": text_filter(request.resolution),
            "hours_spent": request.hours_spent,
            "return_count": request.return_count,
            "reopen_count": request.reopen_count,
            "callback_solved": "" if request.callback_solved is None else ("是" if request.callback_solved else "否"),
            "satisfaction": SATISFACTION_LABELS.get(request.satisfaction or "", ""),
            "resident_name": (request.resident_name or "") if personal_data else mask_name(request.resident_name),
            "resident_phone": (request.resident_phone or "") if personal_data else mask_phone(request.resident_phone),
        }


def neutralize(value: str) -> str:
    """A cell that a spreadsheet would run as a formula (=, +, -, @) is kept as text (CSV injection)."""
    return "'" + value if value.startswith(FORMULA_LEADERS) else value


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def write_csv(records: Iterator[dict[str, Any]], out: TextIO) -> int:
    """CSV with Chinese headers; callers open the file with utf-8-sig so Excel and WPS read it as Chinese."""
    writer = csv.writer(out)
    writer.writerow([header for _, header, _ in COLUMNS])
    count = 0
    for record in records:
        writer.writerow([neutralize(_cell_text(record[name])) for name, _, _ in COLUMNS])
        count += 1
    return count


def write_json(records: Iterator[dict[str, Any]], out: TextIO) -> int:
    out.write("[")
    count = 0
    for record in records:
        data = {name: (_cell_text(record[name]) if isinstance(record[name], datetime) else record[name])
                for name, _, _ in COLUMNS}  # fmt: skip
        out.write(("," if count else "") + "\n  " + json.dumps(data, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _iso(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M:%S+08:00") if value else None


def write_open311(records: Iterator[dict[str, Any]], out: TextIO) -> int:
    """GeoReport v2 service requests (GET /requests.json shape); times carry the China Standard Time offset."""
    out.write("[")
    count = 0
    for record in records:
        data = {
            "service_request_id": record["ref"],
            "status": "open" if record["status_code"] in OPEN_STATUSES else "closed",
            "status_notes": record["resolution"] or None,
            "service_name": record["item_name"] or record["category"] or None,
            "service_code": record["item_code"] or None,
            "description": "\n".join(p for p in (record["title"], record["text"]) if p),
            "agency_responsible": record["department"] or None,
            "service_notice": None,
            "requested_datetime": _iso(record["created_at"]),
            "updated_datetime": _iso(record["updated_at"]),
            "expected_datetime": _iso(record["due_at"]),
            "address": record["location"] or record["area"] or None,
            "address_id": None,
            "zipcode": None,
            "lat": None,
            "long": None,
            "media_url": None,
        }
        out.write(("," if count else "") + "\n  " + json.dumps(data, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_xlsx(records: Iterator[dict[str, Any]], path: Path) -> int:
    """Typed cells (dates as dates, counts as numbers), frozen header, filters; text is never read as a formula."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
    try:
        sheet = book.add_worksheet("诉求明细")
        header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        date_format = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        widths = {"text": 14, "wide": 40, "datetime": 17, "number": 10, "integer": 9}
        for index, (_, title, kind) in enumerate(COLUMNS):
            sheet.set_column(index, index, widths[kind], date_format if kind == "datetime" else None)
            sheet.write_string(0, index, title, header)
        sheet.freeze_panes(1, 0)
        count = 0
        for count, record in enumerate(records, start=1):
            for index, (name, _, kind) in enumerate(COLUMNS):
                value = record[name]
                if value is None or value == "":
                    continue
                if kind == "datetime":
                    sheet.write_datetime(count, index, value, date_format)
                elif kind in ("number", "integer"):
                    sheet.write_number(count, index, value)
                else:
                    sheet.write_string(count, index, str(value))
        sheet.autofilter(0, 0, max(count, 1), len(COLUMNS) - 1)
    finally:
        book.close()
    return count


def export_requests(
    session: Session,
    fmt: str,
    filters: ExportFilter,
    *,
    output: Path | None,
    stdout: TextIO | None = None,
    actor: Actor,
    personal_data: bool = False,
    force: bool = False,
) -> ExportResult:
    """Write the export to `output` (or `stdout` for text formats); exports need a supervisor or an administrator,
    and so does personal data. The audit row is committed before one byte leaves: if it cannot be written (a
    read-only role, a lost connection), nothing is exported.

    An existing `output` is replaced only with `force`; the session's own database file never (files.outputs)."""
    if fmt not in FORMATS:
        raise UserError(f"--format 应为 {'、'.join(FORMATS)} 之一，收到 “{fmt}”")
    if fmt == "xlsx" and output is None:
        raise UserError("XLSX 需要用 --output 指定文件")
    database = sqlite_file(str(session.get_bind().engine.url))
    if output is not None:
        check_output_path(output, force=force, database=database)
    require(actor, Privilege.EXPORT)
    if personal_data:
        require(actor, Privilege.PERSONAL_DATA)
    records = export_records(session, filters, personal_data=personal_data)
    audit.record(
        session,
        actor,
        AuditAction.EXPORT_PERSONAL_DATA if personal_data else AuditAction.EXPORT,
        format=fmt,
        file=str(output.resolve()) if output else "stdout",
        period=filters.period,
        status=filters.status,
        department=filters.department,
    )
    session.commit()
    text_writers = {"csv": write_csv, "json": write_json, "open311": write_open311}
    if output is None:
        assert stdout is not None
        count = text_writers[fmt](records, stdout)
    else:
        # a half-written export never appears under the real name
        with complete_or_absent(output, force=force, database=database) as partial:
            if fmt == "xlsx":
                count = write_xlsx(records, partial)
            else:
                encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
                with partial.open("w", encoding=encoding, newline="") as fh:
                    count = text_writers[fmt](records, fh)
    return ExportResult(count, output, personal_data)
