"""Importing the duty catalog (事项清单) from CSV/XLSX: upsert by code, with a revision per import.

An import is validated completely before anything is written, so a bad row never leaves half a catalog behind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlmodel import Session, SQLModel, select

from models.access.audit import record
from models.catalog.departments import get_or_create_department, guess_level
from models.core.clock import now
from models.core.errors import InputError
from models.core.vocabulary import CUT_DUTIES, AuditAction, Duty, Privilege
from models.files.tabular import Table, parse_datetime, parse_number, read_table
from models.people.permissions import Actor, require
from models.store.tables import CatalogItem, CatalogRevision, Department, too_long

CATALOG_SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": ("事项编码", "事项编号", "清单编码", "编码", "编号", "序号编码", "item_code"),
    "name": ("事项名称", "清单事项", "职责事项", "名称", "事项", "三级分类", "title"),
    "category": ("类别", "事项类别", "分类", "所属类别", "所属领域", "领域", "category_path"),
    "department": (
        "责任部门",
        "牵头部门",
        "主责部门",
        "主管部门",
        "责任单位",
        "牵头单位",
        "部门",
        "承办部门",
        "lead_department",
    ),
    "duty": ("履职类型", "事项类型", "类型", "履职方式", "duty_type"),
    "keywords": ("关键词", "别名", "关键字", "aliases"),
    "hours_per_year": ("年工时", "工时", "年度工时", "hours"),
    "description": ("说明", "描述", "事项说明", "备注", "事项描述"),
    "merged_into": ("合并至", "并入事项", "并入", "合并到"),
    "effective_from": ("生效日期", "调整日期", "生效时间", "effective_date"),
    "assist_departments": ("配合部门", "协办部门", "配合单位"),
    "certificate": ("证明事项", "是否证明事项", "是否证明", "证明类", "certificate"),
    "apply_at": ("办理地点", "受理地点", "办理机构", "受理机构", "去哪办", "apply_at"),
}
# 证明事项 (a certificate the community may issue, or one it no longer does): yes/no as offices write it
YES = frozenset({"是", "y", "yes", "true", "1", "证明", "证明事项", "√", "✓"})
NO = frozenset({"否", "n", "no", "false", "0", "", "-", "—"})

DUTY_SYNONYMS: dict[str, str] = {
    "own": "own",
    "基本履职": "own",
    "基本履职事项": "own",
    "基本": "own",
    "assist": "assist",
    "配合履职": "assist",
    "配合履职事项": "assist",
    "配合": "assist",
    "returned": "returned",
    "收回上级": "returned",
    "收回上级部门事项": "returned",
    "收回": "returned",
    "上交": "returned",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "取消": "cancelled",
    "merged": "merged",
    "合并": "merged",
}


def split_keywords(text: str) -> list[str]:
    for sep in ",，;；|/ 、":
        text = text.replace(sep, "、")
    return list(dict.fromkeys(k for k in text.split("、") if k))


@dataclass
class CatalogImportResult:
    file_name: str
    total: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    cut: int = 0
    departments_created: list[str] = field(default_factory=list)
    dry_run: bool = False
    revision_id: int | None = None
    errors: list[InputError] = field(default_factory=list)  # bad rows left out (only with skip_bad)


CATALOG_FIELD_LABELS = {
    "code": "事项编码",
    "name": "事项名称",
    "category": "类别",
    "department": "责任部门",
    "duty": "履职类型",
    "keywords": "关键词",
    "hours_per_year": "年工时",
    "description": "说明",
    "merged_into": "合并至",
    "effective_from": "生效日期",
    "assist_departments": "配合部门",
    "certificate": "证明事项",
    "apply_at": "办理地点",
}


def read_catalog_file(
    path: Path,
    *,
    overrides: Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Table:
    return read_table(
        path,
        CATALOG_SYNONYMS,
        required=("code", "name", "department"),
        expect="事项编码、事项名称、责任部门",
        overrides=overrides,
        encoding=encoding,
        sheet=sheet,
    )


def _parse_catalog_rows(table: Table) -> tuple[list[dict[str, object]], list[InputError]]:
    """Valid rows and, for each bad row, its first problem (row and column named)."""
    parsed: list[dict[str, object]] = []
    errors: list[InputError] = []
    seen: dict[str, int] = {}
    for row_number, values in table.rows:
        try:
            parsed.append(_parse_catalog_row(table, row_number, values, seen))
        except InputError as exc:
            errors.append(exc)
    if not parsed and not errors:
        raise InputError(f"{table.path.name} 没有数据行")
    return parsed, errors


def _parse_catalog_row(
    table: Table, row_number: int, values: dict[str, str], seen: dict[str, int]
) -> dict[str, object]:
    """One file row as catalog fields; raises InputError at the first problem."""

    def fail(fld: str, message: str, row: int = row_number) -> InputError:
        return InputError(message, row=row, column=table.column_name(fld))

    # what the tables hold (PostgreSQL would refuse the whole import): the item's own columns, the unit's name
    columns: list[tuple[str, type[SQLModel], str]] = [(f, CatalogItem, f) for f in ("code", "name", "category")]
    columns += [("merged_into", CatalogItem, "merged_into"), ("department", Department, "name")]
    columns += [("apply_at", CatalogItem, "apply_at")]
    for fld, model, column in columns:
        limit = too_long(model, column, values.get(fld, ""))
        if limit is not None:
            raise fail(fld, f"内容过长（{len(values[fld])} 字，最多 {limit} 字）")
    code = values.get("code", "")
    if not code:
        raise fail("code", "事项编码不能为空")
    if code in seen:
        raise fail("code", f"事项编码 “{code}” 与第 {seen[code]} 行重复")
    seen[code] = row_number
    name = values.get("name", "")
    if not name:
        raise fail("name", "事项名称不能为空")
    department = values.get("department", "")
    if not department:
        raise fail("department", "责任部门不能为空")
    duty_text = values.get("duty", "") or "own"
    duty = DUTY_SYNONYMS.get(duty_text.lower()) or DUTY_SYNONYMS.get(duty_text.removesuffix("事项"))
    if duty is None:
        raise fail("duty", f"未知的履职类型 “{duty_text}”（可用：基本履职、配合履职、收回上级、取消、合并）")
    try:
        hours = parse_number(values.get("hours_per_year", "")) or 0.0
    except ValueError as exc:
        raise fail("hours_per_year", str(exc)) from None
    if hours < 0:
        raise fail("hours_per_year", f"年工时不能为负数：{hours:g}")
    effective: date | None = None
    raw_date = table.raw_cells[row_number].get("effective_from")
    if raw_date not in (None, ""):
        try:
            stamp = parse_datetime(raw_date)
        except ValueError as exc:
            raise fail("effective_from", str(exc)) from None
        effective = stamp.date() if stamp else None
    certificate_text = values.get("certificate", "").strip().lower()
    if certificate_text not in YES | NO:
        raise fail("certificate", f"无法识别 “{values.get('certificate')}”（证明事项填 是 或 否）")
    certificate = certificate_text in YES or values.get("category", "") == "证明事项"
    merged_into = values.get("merged_into") or None
    if duty == Duty.MERGED and not merged_into:
        raise fail("merged_into", "履职类型为“合并”的事项必须填写合并至哪个事项编码")
    return {
        "row": row_number,
        "code": code,
        "name": name,
        "category": values.get("category", ""),
        "department": department,
        "duty": duty,
        "keywords": "、".join(split_keywords(values.get("keywords", ""))),
        "hours_per_year": hours,
        "description": values.get("description", ""),
        "merged_into": merged_into,
        "effective_from": effective,
        "assist_departments": "、".join(split_keywords(values.get("assist_departments", ""))),
        "certificate": certificate,
        "apply_at": values.get("apply_at", ""),
        "merged_column": table.column_name("merged_into"),
    }


UPSERT_FIELDS = (
    "name",
    "category",
    "duty",
    "keywords",
    "hours_per_year",
    "description",
    "merged_into",
    "effective_from",
    "assist_departments",
    "certificate",
    "apply_at",
)


def import_catalog(
    session: Session,
    path: Path,
    *,
    dry_run: bool = False,
    overrides: Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    skip_bad: bool = False,
) -> CatalogImportResult:
    """Upsert items by code; departments are created as needed; one CatalogRevision records the import.

    Every row is checked first. Without `skip_bad` a bad row means nothing is written; with it the good rows go in
    and the bad ones are returned in `result.errors`. A catalog is small: it is written in one transaction.
    """
    table = read_catalog_file(path, overrides=overrides, encoding=encoding, sheet=sheet)
    rows, errors = _parse_catalog_rows(table)
    existing = {item.code: item for item in session.exec(select(CatalogItem)).all()}
    known_codes = set(existing) | {str(r["code"]) for r in rows}
    for row in list(rows):
        if row["merged_into"] and row["merged_into"] not in known_codes:
            errors.append(
                InputError(
                    f"合并至的事项编码 “{row['merged_into']}” 在文件和现有清单中都不存在",
                    row=int(str(row["row"])),
                    column=str(row["merged_column"]),
                )
            )
            rows.remove(row)
    errors.sort(key=lambda e: e.row or 0)
    if errors and not skip_bad:
        first = errors[0]
        more = f"（共 {len(errors)} 行有错；可加 --skip-bad 只导入正确的行）" if len(errors) > 1 else ""
        raise InputError(f"{first.reason}{more}", row=first.row, column=first.column)
    result = CatalogImportResult(file_name=path.name, total=len(table.rows), dry_run=dry_run, errors=errors)

    departments = {d.name: d for d in session.exec(select(Department)).all()}
    revision = CatalogRevision(
        file_name=path.name, file_hash=hashlib.sha256(path.read_bytes()).hexdigest(), imported_at=now()
    )
    session.add(revision)
    session.flush()
    for row in rows:
        dept_name = str(row["department"])
        if dept_name not in departments:
            result.departments_created.append(dept_name)
        department = get_or_create_department(session, dept_name, guess_level(dept_name), departments)
        item = existing.get(str(row["code"]))
        values = {f: row[f] for f in UPSERT_FIELDS}
        if item is None:
            item = CatalogItem(code=str(row["code"]), name=str(row["name"]))
            for f, v in values.items():
                setattr(item, f, v)
            item.department_id, item.revision_id = department.id, revision.id
            session.add(item)
            result.added += 1
            if item.duty in CUT_DUTIES:
                result.cut += 1
            continue
        was_cut = item.duty in CUT_DUTIES
        differs = item.department_id != department.id or any(getattr(item, f) != v for f, v in values.items())
        if not differs:
            result.unchanged += 1
            continue
        for f, v in values.items():
            setattr(item, f, v)
        item.department_id = department.id
        item.revision_id = revision.id
        result.changed += 1
        if item.duty in CUT_DUTIES and not was_cut:
            result.cut += 1
    revision.total, revision.added, revision.changed, revision.cut = (
        result.total,
        result.added,
        result.changed,
        result.cut,
    )
    session.flush()
    result.revision_id = revision.id
    if dry_run:
        session.rollback()
    return result


def import_catalog_as(
    session: Session,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    overrides: Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    skip_bad: bool = False,
) -> CatalogImportResult:
    """The catalog import an operator asks for: only an administrator's (a catalog decides what the street must
    do, and how many hours a cut duty frees), and audited with who did it. `import_catalog` itself stays the
    building block the demo and tests use."""
    require(actor, Privilege.CATALOG_IMPORT)
    result = import_catalog(
        session, path, dry_run=dry_run, overrides=overrides, encoding=encoding, sheet=sheet, skip_bad=skip_bad
    )
    if not dry_run:
        record(session, actor, AuditAction.CATALOG_IMPORT, file=path.name, added=result.added,
               changed=result.changed, cut=result.cut)  # fmt: skip
    return result
