"""What the catalog says about a task pushed down to the street: a proposed decision with the rule it rests on.

The rule is the list's own, so the door never weighs anything: an own duty is admitted; an assist duty is admitted
as 配合, naming the lead department; a duty taken back (收回) or cut (取消, 合并) is refused, citing the item and
the day it stopped being the street's; a task that matches no item well enough is off-list (清单外) and waits for
the admission procedure. The matcher only finds the item; a person at the door confirms or corrects it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from models.core.errors import UserError
from models.core.vocabulary import Admission, Duty
from models.matching.levels import DOOR_MIN_SCORE
from models.store.tables import CatalogItem, Department

if TYPE_CHECKING:
    from models.matching.engine import Matcher, MatchResult, Suggestion

DOOR_SUGGESTIONS = 3


@dataclass(frozen=True)
class CitedItem:
    """A catalog item as the door cites it."""

    id: int
    code: str
    name: str
    duty: str
    department: str  # the owner; for an assist duty, the lead department
    effective_from: date | None = None
    merged_into: str | None = None


@dataclass(frozen=True)
class Proposal:
    """The door's proposed decision for a task, the item it cites (None: off-list) and the sentence saying why."""

    admission: Admission
    item: CitedItem | None
    rule: str
    score: float | None = None
    suggestions: list[Suggestion] = field(default_factory=list)  # what the matcher found, with its explanations


def rule_for(item: CitedItem | None) -> tuple[Admission, str]:
    """The list's decision for a task citing `item`, and the sentence that cites it."""
    if item is None:
        return Admission.PENDING, "清单外事项：不在本街道事项清单内，须经准入程序（部门申请、审查批准）方可下派"
    on = f"已于 {item.effective_from:%Y-%m-%d} " if item.effective_from else "已"
    named = f"“{item.name}”（{item.code}）"
    if item.duty == Duty.OWN:
        return Admission.ADMITTED, f"属于本街道基本履职事项{named}，依清单准入"
    if item.duty == Duty.ASSIST:
        lead = item.department or "牵头部门"
        return Admission.ASSIST, f"属于配合履职事项{named}，由{lead}牵头，街道配合，依清单准入"
    if item.duty == Duty.RETURNED:
        owner = f"由{item.department}" if item.department else "由上级部门"
        return Admission.REFUSED, f"事项{named}{on}收回{owner}承担，依清单不得下派"
    if item.duty == Duty.MERGED:
        into = f"并入“{item.merged_into}”" if item.merged_into else "合并"
        return Admission.REFUSED, f"事项{named}{on}{into}，依清单不得另行下派"
    return Admission.REFUSED, f"该事项{named}{on}取消，依清单不得下派"


def door_items(session: Session, codes: list[str] | None = None) -> dict[str, CitedItem]:
    """Catalog items as the door cites them, by code (all, or those of `codes`): a screen reads them once, so the
    proposal for each keystroke needs no database."""
    query = select(CatalogItem, Department.name).join(
        Department, col(CatalogItem.department_id) == Department.id, isouter=True
    )
    if codes is not None:
        query = query.where(col(CatalogItem.code).in_(codes))
    found = {}
    for item, department in session.exec(query).all():
        assert item.id is not None
        found[item.code] = CitedItem(
            item.id, item.code, item.name, item.duty, department or "", item.effective_from, item.merged_into
        )
    return found


def cited_item(session: Session, code: str) -> CitedItem | None:
    return door_items(session, [code]).get(code)


def proposal_for(result: MatchResult, items: Mapping[str, CitedItem]) -> Proposal:
    """The door's proposal from a catalog-only match: the best item when it is a sure enough match, else off-list.

    A task matching a merged item's own words cites that item (the duty it names was merged away), not the item
    the matcher would route a resident's request to.
    """
    best = result.suggestions[0] if result.suggestions else None
    item = items.get(best.merged_from or best.code) if best is not None and best.score >= DOOR_MIN_SCORE else None
    admission, rule = rule_for(item)
    return Proposal(admission, item, rule, best.score if best else None, result.suggestions)


def propose(
    session: Session, matcher: Matcher, title: str, content: str = "", items: Mapping[str, CitedItem] | None = None
) -> Proposal:
    """The door's proposal for a task as typed (`items`: door_items, when the caller already has them)."""
    result = matcher.match(title, top=DOOR_SUGGESTIONS, body=content, catalog_only=True)
    if items is None:
        best = result.suggestions[0] if result.suggestions else None
        items = door_items(session, [best.merged_from or best.code]) if best else {}
    return proposal_for(result, items)


def decide_for_code(session: Session, code: str | None) -> Proposal:
    """The list's decision when a person names the item (or None: off-list) instead of the matcher."""
    item = cited_item(session, code) if code else None
    if code and item is None:
        raise UserError(f"清单中没有事项编码 “{code}”")
    admission, rule = rule_for(item)
    return Proposal(admission, item, rule)
