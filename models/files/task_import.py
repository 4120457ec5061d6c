"""Importing tasks pushed down to the street from an OA export (or any sheet of them), through the admission door.

The same reading as request imports: header recognition in Chinese and English, encodings, `--map`, a preview that
writes nothing, every row checked before anything is written (or, with skip_bad, the bad rows set aside with their
row and column), and idempotency by import key (source + 文号, or a content hash). Each task gets the door's
decision from the catalog, as if it had been typed: models.admission.door.propose.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, col, select

from models.access.audit import record
from models.admission.door import Proposal, door_items, propose
from models.admission.register import (
    FIELD_LABELS,
    CheckedTask,
    Targets,
    TaskFieldError,
    TaskInput,
    check_task,
    log_tasks,
)
from models.core.errors import InputError
from models.core.text import mask_personal
from models.core.vocabulary import AuditAction, Privilege, TaskAction, TaskKind, TaskSource
from models.files.tabular import Table, TablePreview, parse_datetime, parse_number, preview_table, read_table
from models.matching.engine import Matcher
from models.matching.loader import load_matcher
from models.people.permissions import Actor, require
from models.store.tables import Task

TASK_SYNONYMS: dict[str, tuple[str, ...]] = {
    "external_ref": ("文号", "发文字号", "发文文号", "文件编号", "任务编号", "公文编号", "编号", "序号", "ref", "id"),
    "title": ("任务名称", "任务标题", "文件标题", "公文标题", "标题", "事项名称", "主题", "名称", "subject"),
    "content": ("任务内容", "工作内容", "具体要求", "工作要求", "内容", "要求", "正文", "摘要", "description"),
    "department": (
        "下派部门", "发文单位", "来文单位", "交办单位", "发起部门", "主送部门", "牵头部门", "部门", "单位", "agency",
    ),
    "source": ("任务来源", "下派方式", "来源", "渠道", "channel"),
    "kind": ("任务类型", "任务类别", "类型", "类别", "type"),
    "received_at": ("收到日期", "收文日期", "收文时间", "接收日期", "下发日期", "发文日期", "日期", "received"),
    "due_at": ("完成期限", "截止日期", "截止时间", "办结时限", "完成时限", "期限", "due"),
    "hours": ("预计工时", "预计耗时", "工时", "耗时", "小时数", "hours"),
    "target": ("下派对象", "承接对象", "接收单位", "承办对象", "责任社区", "落实单位", "对象", "社区", "网格"),
}  # fmt: skip
REQUIRED = ("title", "department", "received_at", "target")
BATCH = 500


@dataclass
class TaskImportResult:
    file_name: str
    total: int = 0
    added: int = 0
    already_present: int = 0
    duplicate_rows: int = 0
    decisions: Counter[str] = field(default_factory=Counter)  # admission → tasks
    dry_run: bool = False
    errors: list[InputError] = field(default_factory=list)


def read_task_file(
    path: Path, *, overrides: Mapping[str, str] | None = None, encoding: str | None = None, sheet: str | None = None
) -> Table:
    return read_table(
        path,
        TASK_SYNONYMS,
        required=REQUIRED,
        overrides=overrides,
        encoding=encoding,
        sheet=sheet,
        expect="任务标题、下派部门、收到日期、下派对象",
        raw_fields=("received_at", "due_at"),
    )


def preview_task_file(
    path: Path, *, overrides: Mapping[str, str] | None = None, encoding: str | None = None, sheet: str | None = None
) -> TablePreview:
    """What `tasks import` would read (and which shown rows it would refuse); writes nothing."""
    table = read_task_file(path, overrides=overrides, encoding=encoding, sheet=sheet)
    preview = preview_table(table, personal={"title": mask_personal, "content": mask_personal})
    for row_number, values in table.rows[:5]:
        try:
            _parse_row(table, row_number, values)
        except InputError as exc:
            preview.problems.append(str(exc))
    return preview


def _parse_row(table: Table, row_number: int, values: dict[str, str]) -> TaskInput:
    """A file row as a task's fields (dates and hours read); the door's checks come after (check_task)."""

    def fail(fld: str, message: str) -> InputError:
        return InputError(message, row=row_number, column=table.column_name(fld))

    raw = table.raw_cells[row_number]
    days = {}
    for fld in ("received_at", "due_at"):
        try:
            moment = parse_datetime(raw.get(fld))
        except ValueError as exc:
            raise fail(fld, str(exc)) from None
        days[fld] = moment.date() if moment else None
    try:
        hours = parse_number(values.get("hours", ""))
    except ValueError as exc:
        raise fail("hours", str(exc)) from None
    return TaskInput(
        department=values.get("department", ""),
        title=values.get("title", ""),
        content=values.get("content", ""),
        received_on=days["received_at"],
        due_on=days["due_at"],
        hours=0.0 if hours is None else hours,
        target=values.get("target", ""),
        source=values.get("source") or TaskSource.OA.label,
        kind=values.get("kind") or TaskKind.OTHER.label,
        external_ref=values.get("external_ref", ""),
    )


def _key(source: str, task: TaskInput) -> str:
    if task.external_ref.strip():
        return f"{source}:{task.external_ref.strip()}"[:160]
    basis = "\x1f".join((task.title, task.department, str(task.received_on), task.target, task.content))
    return "sha1:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()


def import_tasks(
    session: Session,
    path: Path,
    actor: Actor,
    *,
    overrides: Mapping[str, str] | None = None,
    source: str = "import",
    encoding: str | None = None,
    sheet: str | None = None,
    matcher: Matcher | None = None,
    dry_run: bool = False,
    skip_bad: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> TaskImportResult:
    """Check every row, then write the new ones in batches, each with the door's decision and its event."""
    require(actor, Privilege.TASK_LOG)
    table = read_task_file(path, overrides=overrides, encoding=encoding, sheet=sheet)
    result = TaskImportResult(file_name=path.name, total=len(table.rows), dry_run=dry_run)
    targets = Targets(session, actor)
    checked: list[tuple[CheckedTask, str]] = []
    for row_number, values in table.rows:
        try:
            typed = _parse_row(table, row_number, values)
            checked.append((check_task(targets, typed), _key(source, typed)))
        except TaskFieldError as exc:
            result.errors.append(InputError(str(exc), row=row_number, column=table.column_name(exc.field)))
        except InputError as exc:
            result.errors.append(exc)
    if result.errors and not skip_bad:
        first = result.errors[0]
        more = f"（共 {len(result.errors)} 行有错；可加 --skip-bad 只导入正确的行）" if len(result.errors) > 1 else ""
        raise InputError(f"{first.reason}{more}", row=first.row, column=first.column)
    existing: set[str] = set()
    keys = [key for _, key in checked]
    for start in range(0, len(keys), BATCH):
        chunk = keys[start : start + BATCH]
        existing.update(k for k in session.exec(select(Task.import_key).where(col(Task.import_key).in_(chunk))) if k)
    fresh: list[tuple[CheckedTask, str]] = []
    seen: set[str] = set()
    for good, key in checked:
        if key in existing:
            result.already_present += 1
        elif key in seen:
            result.duplicate_rows += 1
        else:
            seen.add(key)
            fresh.append((good, key))
    if not fresh:
        return result
    matcher = matcher or load_matcher(session, catalog_only=True)
    items = door_items(session)
    for start in range(0, len(fresh), BATCH):
        batch: list[tuple[CheckedTask, Proposal, str | None]] = []
        for good, key in fresh[start : start + BATCH]:
            proposal = propose(session, matcher, good.values.title, good.values.content, items)
            result.decisions[proposal.admission.value] += 1
            batch.append((good, proposal, key))
        if not dry_run:
            if start == 0:
                record(session, actor, AuditAction.TASKS_IMPORT, file=path.name, rows=len(fresh))
            log_tasks(session, actor, batch, action=TaskAction.IMPORT, extra={"file": path.name})
            session.commit()
        result.added += len(batch)
        if progress is not None:
            progress(min(start + BATCH, len(fresh)), len(fresh))
    return result


__all__ = ["FIELD_LABELS", "import_tasks", "preview_task_file"]
