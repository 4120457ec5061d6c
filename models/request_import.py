"""Importing request histories (12345 exports, message boards, earlier spreadsheets).

Rows that name a department or item and are resolved/closed are confirmed routings: they become MatchExamples
that the matcher learns from immediately. Other rows are auto-matched. An import is idempotent: each row gets an
import key (source + external ref, or a content hash when the file has no ids) and rows already present are skipped.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from models.catalog import get_or_create_department, guess_level
from models.clock import now
from models.errors import InputError
from models.intake import (
    CHANNEL_LABELS,
    KIND_LABELS,
    MIN_AUTO_SCORE,
    URGENCY_LABELS,
    allocate_refs,
    deadlines,
    remember_routing,
    request_text,
)
from models.matching import Matcher, load_matcher
from models.tables import Area, CatalogItem, Department, Request, RequestEvent
from models.tabular import parse_datetime, read_table
from models.workflow import STATUS_LABELS, Actor

REQUEST_SYNONYMS: dict[str, tuple[str, ...]] = {
    "external_ref": ("留言编号", "工单号", "工单编号", "来电编号", "诉求编号", "编号", "id", "ref"),
    "title": ("留言主题", "标题", "主题", "诉求标题", "事项标题", "留言标题"),
    "text": ("留言详情", "诉求内容", "内容", "详情", "问题描述", "来电内容", "留言内容", "body"),
    "created_at": ("留言时间", "来电时间", "受理时间", "登记时间", "创建时间", "时间", "created"),
    "department": ("处理单位", "承办单位", "责任单位", "办理单位", "部门", "承办部门"),
    "item_code": ("事项编码", "事项编号", "code"),
    "status": ("状态", "办理状态", "工单状态"),
    "resolved_at": ("答复时间", "办结时间", "回复时间", "resolved"),
    "resolution": ("答复意见", "办理结果", "处理结果", "回复内容", "答复内容"),
    "location": ("地址", "位置", "地点", "事发地址", "事发地点"),
    "channel": ("渠道", "来源", "诉求渠道", "来源渠道"),
    "kind": ("诉求类型", "类型", "类别"),
    "urgency": ("紧急程度", "缓急程度"),
    "grid": ("网格", "所属网格", "所属社区", "社区"),
    "resident_name": ("来电人", "姓名", "联系人", "居民姓名", "诉求人"),
    "resident_phone": ("联系电话", "电话", "手机", "来电号码", "手机号"),
}

STATUS_SYNONYMS: dict[str, str] = {
    **{code: code for code in STATUS_LABELS},
    **{label: code for code, label in STATUS_LABELS.items()},
    "待受理": "new",
    "未受理": "new",
    "受理": "accepted",
    "已派单": "dispatched",
    "派单": "dispatched",
    "已签收": "in_progress",
    "处理中": "in_progress",
    "办理中": "in_progress",
    "已办结": "resolved",
    "办结": "resolved",
    "已解决": "resolved",
    "已答复": "resolved",
    "已回复": "resolved",
    "已处理": "resolved",
    "已关闭": "closed",
    "关闭": "closed",
    "已评价": "closed",
    "已回访": "closed",
    "退单": "returned",
    "已退回": "returned",
    "无效": "rejected",
    "不予受理": "rejected",
}
CONFIRMING_STATUSES = ("resolved", "closed")
BATCH = 500


def _reverse(labels: Mapping[str, str]) -> dict[str, str]:
    table = {code: code for code in labels}
    table.update({label: code for code, label in labels.items()})
    return table


CHANNEL_SYNONYMS = {
    **_reverse(CHANNEL_LABELS),
    "12345": "hotline_12345",
    "热线": "hotline_12345",
    "来电": "phone",
    "网络": "online",
    "留言板": "online",
}
KIND_SYNONYMS = _reverse(KIND_LABELS)
URGENCY_SYNONYMS = {**_reverse(URGENCY_LABELS), "普通": "normal", "加急": "urgent", "特急": "urgent"}


@dataclass
class RequestImportResult:
    file_name: str
    total: int = 0
    added: int = 0
    already_present: int = 0
    duplicate_rows: int = 0
    confirmed: int = 0
    auto_matched: int = 0
    departments_created: list[str] = field(default_factory=list)
    dry_run: bool = False


def parse_map_options(options: list[str] | None) -> dict[str, str]:
    """`--map 源列=field` options as a dict; a malformed one is a usage error naming it."""
    mapping: dict[str, str] = {}
    for option in options or []:
        source, sep, target = option.partition("=")
        if not sep or not source.strip() or not target.strip():
            raise InputError(f"--map 应写成 源列=字段，收到 “{option}”")
        mapping[source.strip()] = target.strip()
    return mapping


def _content_key(values: Mapping[str, str]) -> str:
    basis = "\x1f".join(values.get(f, "") for f in ("title", "text", "created_at", "location", "resident_phone"))
    return "sha1:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()


def _parse_rows(
    path: Path, overrides: Mapping[str, str], source: str, encoding: str | None, sheet: str | None
) -> tuple[list[dict[str, Any]], int]:
    table = read_table(
        path,
        REQUEST_SYNONYMS,
        required=(),
        overrides=overrides,
        encoding=encoding,
        sheet=sheet,
        expect="诉求标题或内容，如 标题、诉求内容、留言主题",
    )
    fields = set(table.mapping.values())
    if "title" not in fields and "text" not in fields:
        found = "、".join(h for h in table.headers if h) or "（空）"
        raise InputError(f"缺少诉求标题或内容列；文件中的列为：{found}（可用 --map 源列=title 指定）")
    parsed: list[dict[str, Any]] = []
    for row_number, values in table.rows:

        def fail(fld: str, message: str, row: int = row_number) -> InputError:
            return InputError(message, row=row, column=table.column_name(fld))

        if not values.get("title") and not values.get("text"):
            raise fail("title" if "title" in fields else "text", "诉求标题和内容都为空")
        row: dict[str, Any] = {"row": row_number, **values}
        raw = table.raw_cells[row_number]
        for fld in ("created_at", "resolved_at"):
            try:
                row[fld] = parse_datetime(raw.get(fld))
            except ValueError as exc:
                raise fail(fld, str(exc)) from None
        if row["created_at"] and row["resolved_at"] and row["resolved_at"] < row["created_at"]:
            raise fail("resolved_at", "办结时间早于登记时间")
        status_text = values.get("status", "")
        if status_text:
            status = STATUS_SYNONYMS.get(status_text) or STATUS_SYNONYMS.get(status_text.lower())
            if status is None:
                raise fail("status", f"未知的状态 “{status_text}”（可用：{'、'.join(STATUS_LABELS.values())}）")
        else:
            status = "resolved" if (values.get("resolution") or row["resolved_at"]) else "new"
        row["status"] = status
        urgency_text = values.get("urgency", "")
        urgency = URGENCY_SYNONYMS.get(urgency_text or "normal")
        if urgency is None:
            raise fail("urgency", f"未知的紧急程度 “{urgency_text}”（可用：紧急、一般、复杂）")
        row["urgency"] = urgency
        row["channel"] = CHANNEL_SYNONYMS.get(values.get("channel", ""), "import")
        row["kind"] = KIND_SYNONYMS.get(values.get("kind", ""), "help")
        ext = values.get("external_ref", "")
        row["import_key"] = f"{source}:{ext}" if ext else _content_key(values)
        parsed.append(row)
    return parsed, len(table.rows)


def import_requests(
    session: Session,
    path: Path,
    actor: Actor,
    *,
    overrides: Mapping[str, str] | None = None,
    source: str = "import",
    confirm_all: bool = False,
    encoding: str | None = None,
    sheet: str | None = None,
    matcher: Matcher | None = None,
    dry_run: bool = False,
) -> RequestImportResult:
    """Import a request file; validation happens before any write, so a bad row means nothing is written.

    `confirm_all` treats every row naming a department or item as a confirmed routing whatever its status
    (for labelled history files that carry no status column).
    """
    rows, total = _parse_rows(path, overrides or {}, source, encoding, sheet)
    result = RequestImportResult(file_name=path.name, total=total, dry_run=dry_run)

    items = {item.code: item for item in session.exec(select(CatalogItem)).all()}
    for row in rows:
        code = row.get("item_code")
        if code and code not in items:
            raise InputError(f"清单中没有事项编码 “{code}”", row=row["row"], column="item_code")

    existing: set[str] = set()
    keys = [row["import_key"] for row in rows]
    for start in range(0, len(keys), BATCH):
        chunk = keys[start : start + BATCH]
        existing.update(
            k for k in session.exec(select(Request.import_key).where(col(Request.import_key).in_(chunk))) if k
        )
    fresh: list[dict[str, Any]] = []
    seen: set[str] = set()
    for row in rows:
        if row["import_key"] in existing:
            result.already_present += 1
        elif row["import_key"] in seen:
            result.duplicate_rows += 1
        else:
            seen.add(row["import_key"])
            fresh.append(row)
    if not fresh:
        return result

    matcher = matcher or load_matcher(session)
    departments = {d.name: d for d in session.exec(select(Department)).all()}
    areas = {a.name: a for a in session.exec(select(Area)).all()}
    dept_names = {d.id: d.name for d in departments.values()}
    stamp = now()
    by_year: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in fresh:
        row["created_at"] = row["created_at"] or stamp
        by_year[row["created_at"].year].append(row)
    for year, year_rows in by_year.items():
        for row, ref in zip(year_rows, allocate_refs(session, year, len(year_rows)), strict=True):
            row["ref"] = ref

    for start in range(0, len(fresh), BATCH):
        batch = fresh[start : start + BATCH]
        requests: list[Request] = []
        for row in batch:
            requests.append(
                _build_request(session, row, items, departments, dept_names, areas, matcher, result, confirm_all)
            )
        session.add_all(requests)
        session.flush()
        for row, request in zip(batch, requests, strict=True):
            assert request.id is not None  # assigned by the flush above
            session.add(
                RequestEvent(
                    request_id=request.id,
                    at=stamp,
                    actor=actor.name,
                    action="import",
                    from_status=None,
                    to_status=request.status,
                    note=f"从 {path.name} 第 {row['row']} 行导入",
                    data=json.dumps({"file": path.name, "row": row["row"]}, ensure_ascii=False),
                )
            )
            if row["confirmed"]:
                remember_routing(
                    session,
                    request_text(request.title, request.text),
                    request.item_id,
                    request.department_id,
                    request.id,
                    "import",
                    matcher,
                    row.get("item_code"),
                    dept_names.get(request.department_id) if request.department_id else None,
                )
        session.flush()
        result.added += len(requests)
    if dry_run:
        session.rollback()
    return result


def _build_request(
    session: Session,
    row: dict[str, Any],
    items: Mapping[str, CatalogItem],
    departments: dict[str, Department],
    dept_names: dict[int | None, str],
    areas: dict[str, Area],
    matcher: Matcher,
    result: RequestImportResult,
    confirm_all: bool,
) -> Request:
    title, text = row.get("title", ""), row.get("text", "")
    department_name = row.get("department") or None
    code = row.get("item_code") or None
    item = items.get(code) if code else None
    status = row["status"]
    row["confirmed"] = bool(department_name or item) and (confirm_all or status in CONFIRMING_STATUSES)
    score = None
    if item is None and not row["confirmed"]:
        match = matcher.match(request_text(title, text), top=1)
        if match.suggestions and match.suggestions[0].score >= MIN_AUTO_SCORE:
            best = match.suggestions[0]
            item, score = items.get(best.code), best.score
            department_name = department_name or best.department
            result.auto_matched += 1
    if item is not None and department_name is None and item.department_id is not None:
        department_name = dept_names.get(item.department_id)
    department_id = None
    if department_name:
        if department_name not in departments:
            result.departments_created.append(department_name)
        department = get_or_create_department(session, department_name, guess_level(department_name), departments)
        dept_names[department.id] = department.name
        department_id = department.id
    if row["confirmed"]:
        result.confirmed += 1
    area_id = None
    grid = row.get("grid")
    if grid:
        area = areas.get(grid)
        if area is None:
            area = Area(name=grid, kind="grid")
            session.add(area)
            session.flush()
            areas[grid] = area
        area_id = area.id
    created: datetime = row["created_at"]
    response_due, due = deadlines(created, row["urgency"])
    resolved_at = row.get("resolved_at") if status in ("resolved", "closed") else None
    if status in ("resolved", "closed") and resolved_at is None:
        resolved_at = created
    return Request(
        ref=row["ref"],
        external_ref=row.get("external_ref") or None,
        import_key=row["import_key"],
        channel=row["channel"],
        kind=row["kind"],
        title=title[:300],
        text=text,
        location=row.get("location", ""),
        area_id=area_id,
        resident_name=row.get("resident_name") or None,
        resident_phone=row.get("resident_phone") or None,
        urgency=row["urgency"],
        status=status,
        item_id=item.id if item else None,
        match_score=score,
        match_confirmed_by="import" if row["confirmed"] else None,
        department_id=department_id,
        created_at=created,
        # history past intake has no recorded acceptance time: leave it out of the response rate
        response_due_at=response_due if status == "new" else None,
        due_at=due,
        resolved_at=resolved_at,
        closed_at=resolved_at if status == "closed" else None,
        resolution=row.get("resolution", ""),
    )
