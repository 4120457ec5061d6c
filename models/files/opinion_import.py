"""Importing opinions on a draft (`xinsheng consult import-opinions ID FILE`): a forum's minutes typed into a sheet,
an online form's export, letters transcribed.

Read like the other imports (header recognition, encodings, title rows, bad rows named by row and column,
idempotent), with one difference: an opinion's text is taken from the cell exactly as it is (原汁原味), not tidied
as other cells are. A row naming no article is matched to one (models.legislation.opinions.best_article) or left
on the draft as a whole.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from models.access.audit import record
from models.core.errors import InputError, UserError
from models.core.vocabulary import AuditAction, Privilege
from models.files.tabular import Table, parse_datetime, read_table
from models.legislation.consultations import get_consultation
from models.legislation.opinions import (
    add_opinion,
    article_matcher,
    best_article,
    check_given_on,
    check_text,
    parse_channel,
    parse_kind,
    resolve_articles,
    suggest_articles,
)
from models.people.permissions import Actor, require
from models.store.tables import Consultation, Opinion

OPINION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": ("意见内容", "意见建议", "具体意见", "建议内容", "意见", "内容", "opinion"),
    "article": ("针对条款", "涉及条款", "条款", "条文", "条", "article"),
    "contributor_kind": ("提出人类型", "提出人身份", "身份", "人员类别", "类别", "kind"),
    "channel": ("征集渠道", "征集方式", "渠道", "方式", "channel"),
    "date": ("提出日期", "日期", "时间", "date"),
    "name": ("提出人", "姓名", "署名", "name"),
    "phone": ("联系电话", "电话", "手机", "phone"),
    "consent": ("同意署名", "是否同意署名", "是否公开姓名", "公开署名", "consent"),
}
YES = frozenset({"是", "同意", "y", "yes", "true", "1", "√", "✓"})
NO = frozenset({"否", "不同意", "n", "no", "false", "0", "", "-"})
SPLIT = re.compile(r"[、,，;；/\s]+")


@dataclass
class _Row:
    text: str
    articles: list[int]
    whole: bool  # the row says 全文: the draft as a whole, not to be matched to an article
    contributor_kind: str
    channel: str
    given_on: date | None
    name: str | None
    phone: str | None
    consent: bool
    import_key: str


@dataclass
class OpinionImportResult:
    file_name: str
    total: int = 0
    added: int = 0
    already_present: int = 0
    matched: int = 0  # attached to an article by matching (no article given): to be checked by a person
    whole_draft: int = 0
    errors: list[InputError] = field(default_factory=list)


def import_opinions(
    session: Session,
    actor: Actor,
    consultation_id: int,
    path: Path,
    *,
    overrides: Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    skip_bad: bool = False,
) -> OpinionImportResult:
    require(actor, Privilege.CONSULT_OPINION)
    consultation = get_consultation(session, consultation_id)
    table = read_table(
        path,
        OPINION_SYNONYMS,
        required=("text",),
        overrides=overrides,
        encoding=encoding,
        sheet=sheet,
        expect="意见内容",
        raw_fields=("text", "date"),
    )
    result = OpinionImportResult(path.name, total=len(table.rows))
    matcher, _ = article_matcher(session, consultation_id)
    rows = []
    for row_number, values in table.rows:
        try:
            rows.append(_parse(session, table, consultation, row_number, values))
        except InputError as exc:
            result.errors.append(exc)
    if result.errors and not skip_bad:
        first = result.errors[0]
        more = f"（共 {len(result.errors)} 行有错；可加 --skip-bad 只导入正确的行）" if len(result.errors) > 1 else ""
        raise InputError(f"{first.reason}{more}", row=first.row, column=first.column)
    # the same words on the same day from two people who left no name are two opinions: the second occurrence of a
    # key in the file is its own (#2), so a second run of the file still finds every row already present
    seen: Counter[str] = Counter()
    for row in rows:
        seen[row.import_key] += 1
        if seen[row.import_key] > 1:
            row.import_key = f"{row.import_key}#{seen[row.import_key]}"
    keys = [row.import_key for row in rows]
    present = set(session.exec(select(Opinion.import_key).where(col(Opinion.import_key).in_(keys))).all())
    for row in rows:
        if row.import_key in present:
            result.already_present += 1
            continue
        present.add(row.import_key)
        articles = row.articles
        if not articles and not row.whole:
            best = best_article(suggest_articles(matcher, row.text))
            articles = [best.article_id] if best else []
            result.matched += bool(best)
        result.whole_draft += not articles
        add_opinion(
            session, actor, consultation_id, row.text, articles=articles, contributor_kind=row.contributor_kind,
            channel=row.channel, given_on=row.given_on, name=row.name, phone=row.phone, consent=row.consent,
            import_key=row.import_key,
        )  # fmt: skip
        result.added += 1
    if result.added:  # contributors' names and phones came in from a file: who brought them, and how many
        record(
            session, actor, AuditAction.OPINIONS_IMPORT, consultation=consultation_id, file=path.name,
            rows=result.added,
        )  # fmt: skip
    return result


def _parse(session: Session, table: Table, consultation: Consultation, row_number: int, values: dict[str, str]) -> _Row:
    def fail(fld: str, message: str) -> InputError:
        return InputError(message, row=row_number, column=table.column_name(fld))

    raw = table.raw_cells[row_number]
    text = "" if raw.get("text") is None else str(raw.get("text"))
    try:
        text = check_text(text)
    except UserError as exc:
        raise fail("text", str(exc)) from None
    article_text = values.get("article", "")
    whole = article_text.strip() in ("全文", "总体", "整体")
    try:
        labels = [label for label in SPLIT.split(article_text) if label]
        articles = resolve_articles(session, consultation.id or 0, labels)
        kind = parse_kind(values.get("contributor_kind", ""))
        channel = parse_channel(values.get("channel", ""))
    except UserError as exc:
        column = "article" if "草案中没有" in str(exc) else "channel" if "渠道" in str(exc) else "contributor_kind"
        raise fail(column, str(exc)) from None
    try:
        moment = parse_datetime(raw.get("date"))
        if moment is not None:
            check_given_on(consultation, moment.date())
    except (ValueError, UserError) as exc:
        raise fail("date", str(exc)) from None
    consent_text = values.get("consent", "").strip().lower()
    if consent_text not in YES | NO:
        raise fail("consent", f"无法识别 “{values.get('consent')}”（同意署名填 是 或 否）")
    name = values.get("name", "") or None
    basis = "\x1f".join((str(consultation.id), text, str(moment), name or ""))
    return _Row(
        text=text,
        articles=articles,
        whole=whole,
        contributor_kind=kind,
        channel=channel,
        given_on=moment.date() if moment else None,
        name=name,
        phone=values.get("phone", "") or None,
        consent=consent_text in YES,
        import_key="sha1:" + hashlib.sha1(basis.encode("utf-8")).hexdigest(),
    )
