"""Importing request histories (12345 exports, message boards, earlier spreadsheets).

Rows that name a department or item and are resolved/closed are confirmed routings: they become MatchExamples
that the matcher learns from immediately. Other rows are auto-matched. An import is idempotent: each row gets an
import key (source + external ref, or a content hash when the file has no ids) and rows already present are skipped.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from models.access.audit import record
from models.catalog.departments import get_or_create_department, guess_level
from models.core.clock import now
from models.core.errors import InputError, XinshengError
from models.core.text import mask_name, mask_phone
from models.core.vocabulary import (
    AREA_KINDS,
    CHANNEL_LABELS,
    CONFIRMING_STATUSES,
    DONE_STATUSES,
    KIND_LABELS,
    STATUS_LABELS,
    STATUS_SYNONYMS,
    URGENCY_LABELS,
    Action,
    AuditAction,
    Channel,
    Privilege,
    Status,
)
from models.files.tabular import Table, TablePreview, parse_datetime, preview_table, read_table
from models.matching.engine import Matcher
from models.matching.levels import MIN_AUTO_SCORE
from models.matching.loader import load_matcher
from models.people.permissions import require
from models.requests.deadlines import DeadlineRules
from models.requests.intake import allocate_refs, request_text
from models.requests.rows import encode_data, event_row, request_row
from models.requests.workflow import Actor
from models.store.chain import append
from models.store.failures import as_user_error, describe_failure
from models.store.tables import Area, CatalogItem, Department, MatchExample, Request, too_long

# header spellings seen in 12345 hotline exports, online message boards (留言板) and street offices' own sheets
REQUEST_SYNONYMS: dict[str, tuple[str, ...]] = {
    "external_ref": (
        "工单编号", "工单号", "留言编号", "来电编号", "诉求编号", "受理编号", "案件编号", "编号", "序号", "id", "ref",
        "ticket", "ticket_id", "service_request_id",
    ),
    "title": (
        "诉求标题", "留言主题", "留言标题", "标题", "主题", "事项标题", "工单标题", "问题标题", "subject", "summary",
    ),
    "text": (
        "诉求内容", "留言详情", "留言内容", "来电内容", "问题描述", "诉求描述", "反映内容", "工单内容", "内容", "详情",
        "描述", "body", "description", "content",
    ),
    "created_at": (
        "受理时间", "来电时间", "留言时间", "登记时间", "创建时间", "派单时间", "提交时间", "时间", "日期", "created",
        "requested_datetime", "date",
    ),
    "department": (
        "承办单位", "处理单位", "责任单位", "办理单位", "主办单位", "处置单位", "承办部门", "责任部门", "部门",
        "agency", "agency_responsible",
    ),
    "item_code": ("事项编码", "事项编号", "清单编码", "code", "service_code"),
    "category": ("一级分类", "诉求分类", "问题分类", "业务分类", "分类", "category"),
    "status": ("办理状态", "工单状态", "状态", "处理状态", "status"),
    "resolved_at": ("答复时间", "办结时间", "回复时间", "处理时间", "完成时间", "resolved", "updated_datetime"),
    "resolution": (
        "答复意见", "办理结果", "处理结果", "答复内容", "回复内容", "办理情况", "处理意见", "回复意见", "status_notes",
    ),
    "location": ("事发地址", "诉求地址", "反映地址", "事发地点", "地址", "位置", "地点", "address"),
    "channel": ("诉求渠道", "来源渠道", "工单来源", "渠道", "来源", "channel", "source"),
    "kind": ("诉求类型", "诉求类别", "类型", "类别", "kind"),
    "urgency": ("紧急程度", "缓急程度", "紧急度", "urgency"),
    "street": ("所属街道", "街道", "街镇", "街道乡镇", "乡镇街道", "street"),
    "community": ("所属社区", "社区", "村居", "社区村", "community"),
    "grid": ("所属网格", "网格", "grid"),
    "resident_name": ("来电人", "诉求人", "反映人", "联系人", "居民姓名", "姓名", "name"),
    "resident_phone": ("联系电话", "来电号码", "诉求人电话", "联系方式", "电话", "手机", "手机号", "phone"),
    "satisfaction": ("满意度", "回访满意度", "评价", "满意度评价", "satisfaction"),
    "solved": ("是否解决", "解决情况", "回访是否解决", "solved"),
}  # fmt: skip

FIELD_LABELS = {
    "external_ref": "来源编号",
    "title": "标题",
    "text": "内容",
    "created_at": "登记时间",
    "department": "承办部门",
    "item_code": "事项编码",
    "category": "分类",
    "status": "状态",
    "resolved_at": "办结时间",
    "resolution": "办理结果",
    "location": "地点",
    "channel": "渠道",
    "kind": "诉求类型",
    "urgency": "紧急程度",
    "street": "街道",
    "community": "社区",
    "grid": "网格",
    "resident_name": "居民姓名",
    "resident_phone": "联系电话",
    "satisfaction": "满意度",
    "solved": "是否解决",
}
SATISFACTION_SYNONYMS = {
    "满意": "satisfied",
    "非常满意": "satisfied",
    "很满意": "satisfied",
    "基本满意": "basically",
    "比较满意": "basically",
    "一般": "basically",
    "不满意": "unsatisfied",
    "很不满意": "unsatisfied",
    "非常不满意": "unsatisfied",
    "satisfied": "satisfied",
    "basically": "basically",
    "unsatisfied": "unsatisfied",
}
SOLVED_SYNONYMS = {
    "是": True, "已解决": True, "解决": True, "yes": True, "y": True, "true": True, "1": True,
    "否": False, "未解决": False, "没解决": False, "no": False, "n": False, "false": False, "0": False,
}  # fmt: skip

BATCH = 500
WRITE_GAP_SECONDS = 0.12  # the lock left free between batches on SQLite: longer than its busy handler's 100 ms


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
    errors: list[InputError] = field(default_factory=list)  # bad rows left out (only with skip_bad)


def _content_key(values: Mapping[str, str]) -> str:
    basis = "\x1f".join(values.get(f, "") for f in ("title", "text", "created_at", "location", "resident_phone"))
    return "sha1:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()


@dataclass
class ParsedFile:
    table: Table
    rows: list[dict[str, Any]]  # valid rows, ready to insert
    errors: list[InputError]  # one per bad row: the first problem found in it


def read_request_file(
    path: Path,
    *,
    overrides: Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Table:
    """The file's table with its columns mapped to request fields; a file with no title or text column is an error."""
    table = read_table(
        path,
        REQUEST_SYNONYMS,
        required=(),
        overrides=overrides,
        encoding=encoding,
        sheet=sheet,
        expect="诉求标题或内容，如 标题、诉求内容、留言主题",
        raw_fields=("created_at", "resolved_at"),
    )
    fields = set(table.mapping.values())
    if "title" not in fields and "text" not in fields:
        found = "、".join(h for h in table.headers if h) or "（空）"
        raise InputError(f"缺少诉求标题或内容列；文件中的列为：{found}（可用 --map 源列=title 指定）")
    return table


def preview_request_file(
    path: Path,
    *,
    overrides: Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    rows: int = 5,
) -> TablePreview:
    """What `requests import` would read from the file (residents' names and phones masked); writes nothing."""
    table = read_request_file(path, overrides=overrides, encoding=encoding, sheet=sheet)
    preview = preview_table(table, rows, personal={"resident_name": mask_name, "resident_phone": mask_phone})
    for (row_number, values), (_, shown) in zip(table.rows[:rows], preview.sample, strict=True):
        try:  # the shown rows, checked as the import would check them; dates shown as they will be read
            parsed = _parse_row(table, row_number, values, "preview")
        except InputError as exc:
            preview.problems.append(str(exc))
            continue
        for fld in ("created_at", "resolved_at"):
            if parsed.get(fld):
                shown[fld] = f"{parsed[fld]:%Y-%m-%d %H:%M}"
    return preview


def _parse_row(table: Table, row_number: int, values: dict[str, str], source: str) -> dict[str, Any]:
    """One file row as request fields; raises InputError naming the row and column of the first problem."""

    def fail(fld: str, message: str) -> InputError:
        return InputError(message, row=row_number, column=table.column_name(fld))

    fields = set(table.mapping.values())
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
    satisfaction_text = values.get("satisfaction", "")
    row["satisfaction"] = SATISFACTION_SYNONYMS.get(satisfaction_text.lower()) if satisfaction_text else None
    if satisfaction_text and row["satisfaction"] is None:
        raise fail("satisfaction", f"未知的满意度 “{satisfaction_text}”（可用：满意、基本满意、不满意）")
    solved_text = values.get("solved", "")
    row["solved"] = SOLVED_SYNONYMS.get(solved_text.lower()) if solved_text else None
    if solved_text and row["solved"] is None:
        raise fail("solved", f"无法识别 “{solved_text}”（可用：是、否、已解决、未解决）")
    row["channel"] = CHANNEL_SYNONYMS.get(values.get("channel", ""), Channel.IMPORT)
    row["kind"] = KIND_SYNONYMS.get(values.get("kind", ""), "help")
    # titles are cut instead (and kept whole in the text); identifiers and contacts must not be
    for fld in ("location", "external_ref", "category", "resident_name", "resident_phone"):
        limit = too_long(Request, fld, values.get(fld, ""))
        if limit is not None:
            raise fail(fld, f"内容过长（{len(values[fld])} 字，最多 {limit} 字）")
    ext = values.get("external_ref", "")
    row["import_key"] = f"{source}:{ext}"[:160] if ext else _content_key(values)
    return row


def parse_request_file(
    path: Path,
    *,
    overrides: Mapping[str, str] | None = None,
    source: str = "import",
    encoding: str | None = None,
    sheet: str | None = None,
    item_codes: set[str] | None = None,
) -> ParsedFile:
    """Read and validate every row before anything is written; bad rows are collected, not raised."""
    table = read_request_file(path, overrides=overrides, encoding=encoding, sheet=sheet)
    rows: list[dict[str, Any]] = []
    errors: list[InputError] = []
    for row_number, values in table.rows:
        try:
            row = _parse_row(table, row_number, values, source)
            code = row.get("item_code")
            if code and item_codes is not None and code not in item_codes:
                raise InputError(f"清单中没有事项编码 “{code}”", row=row_number, column=table.column_name("item_code"))
        except InputError as exc:
            errors.append(exc)
            continue
        rows.append(row)
    return ParsedFile(table, rows, errors)


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
    skip_bad: bool = False,
    progress: Callable[[int, int], None] | None = None,
    batch_size: int = BATCH,
) -> RequestImportResult:
    """Import a request file in batches, each committed with its events and learned routings.

    Every row is validated first: without `skip_bad` one bad row means nothing is written (the error names its row
    and column); with it, the good rows go in and the bad ones are returned in `result.errors`. Rows already in the
    database (same source and ref, or same content) are skipped, so an interrupted import finishes when run again.
    `confirm_all` treats every row naming a department or item as a confirmed routing whatever its status (for
    labelled history files that carry no status column).
    """
    require(actor, Privilege.IMPORT_REQUESTS)
    items = {item.code: item for item in session.exec(select(CatalogItem)).all()}
    parsed = parse_request_file(
        path, overrides=overrides, source=source, encoding=encoding, sheet=sheet, item_codes=set(items)
    )
    rows = parsed.rows
    result = RequestImportResult(file_name=path.name, total=len(parsed.table.rows), dry_run=dry_run)
    parsed.table.rows.clear()  # the parsed rows hold everything still needed: free the file's copy early
    parsed.table.raw_cells.clear()
    result.errors = parsed.errors
    if parsed.errors and not skip_bad:
        first = parsed.errors[0]
        more = f"（共 {len(parsed.errors)} 行有错；可加 --skip-bad 只导入正确的行）" if len(parsed.errors) > 1 else ""
        raise InputError(f"{first.reason}{more}", row=first.row, column=first.column)

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
    context = _ImportContext(session, items, matcher, result, confirm_all)
    stamp = now()
    learned = []
    for row in fresh:
        row["created_at"] = row["created_at"] or stamp
        item = items.get(row.get("item_code") or "")
        row["confirmed"] = bool(row.get("department") or item) and (confirm_all or row["status"] in CONFIRMING_STATUSES)
        if row["confirmed"]:
            learned.append(
                (
                    request_text(row.get("title", ""), row.get("text", "")),
                    item.code if item else None,
                    row.get("department") or None,
                )
            )
    # the file's confirmed routings are learned in one step before its open rows are matched: one retraining
    # instead of one per few hundred rows, and auto-matching that does not depend on row order or batch size
    matcher.learn_many(learned)
    if progress is not None:
        progress(0, len(fresh))
    # SQLite has one write lock and its busy handler retries a waiting terminal at most every 100 ms: each batch is
    # matched before its transaction opens (the lock is held only for the inserts), and the lock stays free a
    # little longer than that between batches, so a grid worker's Ctrl+S gets in within a batch or two instead of
    # losing every race to an importer that commits back to back (issue 15: saves took 25 s during an import)
    gap = WRITE_GAP_SECONDS if session.get_bind().dialect.name == "sqlite" else 0.0
    last_commit: float | None = None
    for start in range(0, len(fresh), batch_size):
        batch = [_prepare_row(context, row) for row in fresh[start : start + batch_size]]
        if not dry_run:  # a dry run writes nothing, so it never holds the lock
            if last_commit is not None and (rest := gap - (time.monotonic() - last_commit)) > 0:
                time.sleep(rest)
            try:
                if last_commit is None:
                    record(session, actor, AuditAction.REQUESTS_IMPORT, file=path.name, rows=len(fresh))
                _write_batch(context, batch, path.name, actor, stamp)
                session.commit()  # a killed import keeps whole batches; running it again adds the rest
            except Exception as exc:
                if not result.added:
                    raise
                raise _stopped_after_saving(exc, result.added, len(fresh)) from exc
            last_commit = time.monotonic()
        result.added += len(batch)
        if progress is not None:
            progress(min(start + batch_size, len(fresh)), len(fresh))
    return result


def _stopped_after_saving(exc: Exception, saved: int, rows: int) -> Exception:
    """The failure of a batch after earlier ones were committed, told truly: the database's usual line says nothing
    was saved, but the first rows are in, and running the same import again skips them and adds the rest."""
    problem = as_user_error(exc) if not isinstance(exc, XinshengError) else exc
    if problem is None:
        problem = XinshengError(describe_failure(exc))
    reason = str(problem).replace("，未保存任何内容", "")
    return type(problem)(
        f"导入中断：{reason}；已保存前 {saved} 行（共 {rows} 行），其余未保存；"
        "再次运行同一导入会跳过已保存的行，接着导入其余的"
    )


@dataclass
class _ImportContext:
    """Lookups shared by the batches of one import (departments and areas are created on first use)."""

    session: Session
    items: Mapping[str, CatalogItem]
    matcher: Matcher
    result: RequestImportResult
    confirm_all: bool
    departments: dict[str, Department] = field(default_factory=dict)
    dept_names: dict[int | None, str] = field(default_factory=dict)
    new_departments: set[str] = field(default_factory=set)  # named by the file, created by its first batch
    areas: dict[tuple[int | None, str], Area] = field(default_factory=dict)  # (parent id, name) → area
    areas_by_name: dict[tuple[str, str], Area] = field(default_factory=dict)  # (kind, name) → area
    rules: DeadlineRules = field(default_factory=DeadlineRules)

    def __post_init__(self) -> None:
        self.rules = DeadlineRules.load(self.session)
        self.departments = {d.name: d for d in self.session.exec(select(Department)).all()}
        self.dept_names = {d.id: d.name for d in self.departments.values()}
        for area in self.session.exec(select(Area)).all():
            self.areas[(area.parent_id, area.name)] = area
            self.areas_by_name.setdefault((area.kind, area.name), area)

    def department_id(self, name: str | None) -> int | None:
        if not name:
            return None
        department = get_or_create_department(self.session, name, guess_level(name), self.departments)
        self.dept_names[department.id] = department.name
        return department.id

    def area_id(self, row: Mapping[str, Any]) -> int | None:
        """The most specific of street → community → grid the row names, created under its parent if new."""
        parent: Area | None = None
        for kind in AREA_KINDS:
            name = row.get(kind)
            if not name:
                continue
            area = self.areas.get((parent.id if parent else None, name))
            if area is None and parent is None:
                area = self.areas_by_name.get((kind, name))  # e.g. a grid named alone, already known elsewhere
            if area is None:
                area = Area(name=name, kind=kind, parent_id=parent.id if parent else None)
                self.session.add(area)
                self.session.flush()
                self.areas[(area.parent_id, name)] = area
                self.areas_by_name.setdefault((kind, name), area)
            parent = area
        return parent.id if parent else None


def _write_batch(
    context: _ImportContext, batch: list[_Prepared], file_name: str, actor: Actor, stamp: datetime
) -> None:
    """One prepared batch as three multi-row INSERTs (requests, their creation events, their learned routings).

    Everything slow happened in _prepare_row: from the first write here to the caller's commit the database's
    write lock is held (SQLite) or the year's ref counter row is (PostgreSQL), and other terminals wait."""
    session = context.session
    by_year: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for prepared in batch:
        by_year[prepared.values["created_at"].year].append(prepared.values)
    for year, year_values in by_year.items():
        for value, ref in zip(year_values, allocate_refs(session, year, len(year_values)), strict=True):
            value["ref"] = ref
    for prepared in batch:
        prepared.values["department_id"] = context.department_id(prepared.department)
        prepared.values["area_id"] = context.area_id(prepared.row)
    values = [prepared.values for prepared in batch]
    # a plain executemany, then the ids by ref: INSERT … RETURNING in parameter order falls back to one
    # statement per row on SQLite. render_nulls keeps every row the same shape, so the ORM does not split the
    # batch into one statement per pattern of empty columns
    session.execute(insert(Request).execution_options(render_nulls=True), values)
    refs = [value["ref"] for value in values]
    by_ref = dict(session.execute(select(col(Request.ref), col(Request.id)).where(col(Request.ref).in_(refs))).all())
    events, examples = [], []
    for prepared in batch:
        request, request_id = prepared.values, by_ref[prepared.values["ref"]]
        events.append(
            event_row(
                request_id=request_id,
                at=stamp,
                actor=actor.name,
                action=Action.IMPORT,
                department_id=request["department_id"],
                from_status=None,
                to_status=request["status"],
                note=f"从 {file_name} 第 {prepared.row['row']} 行导入",
                data=encode_data({"file": file_name, "row": prepared.row["row"]}),
            )
        )
        if prepared.row["confirmed"]:
            examples.append(
                {
                    "text": request_text(request["title"], request["text"]),
                    "item_id": request["item_id"],
                    "department_id": request["department_id"],
                    "request_id": request_id,
                    "source": "import",
                    "created_at": stamp,
                }
            )
    append(session, "requestevent", events)
    if examples:
        session.execute(insert(MatchExample).execution_options(render_nulls=True), examples)


@dataclass
class _Prepared:
    """One row ready to write: its column values, and the names _write_batch turns into ids."""

    row: dict[str, Any]
    values: dict[str, Any]  # ref, department_id and area_id are filled in by _write_batch
    department: str | None


def _prepare_row(context: _ImportContext, row: dict[str, Any]) -> _Prepared:
    """Column values of one new request, the matcher run if it needs one: reads nothing and writes nothing, so it
    runs while other terminals can write (a plain dict: building ORM objects costs more than the INSERT)."""
    items, result = context.items, context.result
    title, text = row.get("title", ""), row.get("text", "")
    department_name = row.get("department") or None
    code = row.get("item_code") or None
    item = items.get(code) if code else None
    status = row["status"]
    score = None
    if item is None and not row["confirmed"]:
        match = context.matcher.match(title, top=1, body=text)
        if match.suggestions and match.suggestions[0].score >= MIN_AUTO_SCORE:
            best = match.suggestions[0]
            item, score = items.get(best.code), best.score
            department_name = department_name or best.department
            result.auto_matched += 1
    if item is not None and department_name is None and item.department_id is not None:
        department_name = context.dept_names.get(item.department_id)
    if (
        department_name
        and department_name not in context.departments
        and department_name not in context.new_departments
    ):
        context.new_departments.add(department_name)
        result.departments_created.append(department_name)
    if row["confirmed"]:
        result.confirmed += 1
    created: datetime = row["created_at"]
    category = row.get("category") or (item.category if item is not None else None)
    response_due, due = context.rules.due(created, row["urgency"], item.code if item else None, category)
    resolved_at = row.get("resolved_at") if status in DONE_STATUSES else None
    if status in DONE_STATUSES and resolved_at is None:
        resolved_at = created
    limit = too_long(Request, "title", title)
    if limit is not None:  # a title cell holding the whole message: the title is cut, the message is kept whole
        text = title if not text or text in title else f"{title}\n{text}"
        title = title[: limit - 1] + "…"
    values = request_row(
        ref="",  # allocated by _write_batch, in the transaction that uses it
        external_ref=row.get("external_ref"),
        import_key=row["import_key"],
        channel=row["channel"],
        kind=row["kind"],
        title=title,
        text=text,
        location=row.get("location", ""),
        # the source system's own classification only: the item's category is read through the item (stats
        # coalesce the two), so correcting the item later does not leave a stale copy behind, as intake never did
        category=row.get("category") or None,
        area_id=None,
        resident_name=row.get("resident_name"),
        resident_phone=row.get("resident_phone"),
        urgency=row["urgency"],
        status=status,
        item_id=item.id if item else None,
        match_score=score,
        match_confirmed_by="import" if row["confirmed"] else None,
        department_id=None,
        created_at=created,
        # history past intake has no recorded acceptance time: leave it out of the response rate
        response_due_at=response_due if status == Status.NEW else None,
        due_at=due,
        resolved_at=resolved_at,
        closed_at=resolved_at if status == Status.CLOSED else None,
        resolution=row.get("resolution", ""),
        callback_contacted=True if row["satisfaction"] or row["solved"] is not None else None,
        callback_solved=row["solved"],
        satisfaction=row["satisfaction"],
    )
    return _Prepared(row, values, department_name)
