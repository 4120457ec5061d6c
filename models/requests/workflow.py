"""The request workflow (docs/domain.md, “Workflow”): every state change goes through `transition`, which checks
legality, applies the change under an optimistic version check and appends one RequestEvent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from models.core.clock import add_working_days, now, working_days
from models.core.errors import ConflictError, UserError, WorkflowError
from models.core.vocabulary import (
    ACTION_LABELS,
    RETURN_REASONS,
    ROUTED_AWAY_DUTIES,
    SATISFACTION_LABELS,
    SATISFACTIONS,
    STATUS_LABELS,
    STREET_LEVELS,
    TERMINAL_STATUSES,
    WAITING_FOR,
    WORKING_STATUSES,
    Action,
    Duty,
    Status,
)
from models.people.permissions import HANDLER_ONLY, Actor, check, check_unit, require
from models.requests.deadlines import DeadlineRules
from models.requests.return_review import load_review_days
from models.requests.rows import encode_data, event_row
from models.store.chain import append
from models.store.tables import CatalogItem, Department, Request, RequestEvent

# action → states it may start from; the target state is decided by the action's function
ALLOWED_FROM: dict[str, tuple[str, ...]] = {
    Action.ROUTE: (Status.NEW, Status.ACCEPTED, Status.RETURNED),
    Action.ACCEPT: (Status.NEW,),
    Action.DISPATCH: (Status.ACCEPTED, Status.RETURNED),
    Action.SIGN: (Status.DISPATCHED, Status.REOPENED),
    Action.RETURN: (Status.DISPATCHED, Status.IN_PROGRESS),
    Action.RESOLVE: (Status.IN_PROGRESS,),
    Action.CALLBACK: (Status.RESOLVED,),
    Action.REJECT: (Status.NEW, Status.ACCEPTED, Status.RETURNED),
    Action.MERGE: (Status.NEW, Status.ACCEPTED, Status.DISPATCHED, Status.IN_PROGRESS, Status.RETURNED),
    Action.UNMERGE: (Status.MERGED,),
    Action.REOPEN: (Status.CLOSED,),
    Action.PAUSE: WORKING_STATUSES,
    Action.RESUME: WORKING_STATUSES,
    Action.EXTENSION_REQUESTED: WORKING_STATUSES,
    Action.EXTEND: WORKING_STATUSES,
    Action.EXTENSION_REFUSED: WORKING_STATUSES,
    # a 退单 is ruled on while its ruling is pending (possible_actions): upheld whatever happened since (the field
    # may already have sent it to the right unit), overruled only while it still waits to be routed again
    Action.UPHOLD_RETURN: tuple(s for s in Status if s not in (Status.MERGED, Status.REJECTED)),
    Action.OVERRULE_RETURN: (Status.RETURNED,),
}


def available_actions(status: str) -> list[str]:
    return [action for action, states in ALLOWED_FROM.items() if status in states]


def possible_actions(request: Request) -> list[str]:
    """The actions that would succeed now: the status, whether the clock is paused, whether an extension waits."""
    paused, pending = request.paused_at is not None, request.extension_days_pending is not None
    ruled = request.return_review_due_at is None
    blocked: dict[str, bool] = {
        Action.UPHOLD_RETURN: ruled,
        Action.OVERRULE_RETURN: ruled,
        Action.PAUSE: paused,
        Action.RESUME: not paused,
        Action.EXTENSION_REQUESTED: pending,
        Action.EXTEND: not pending,
        Action.EXTENSION_REFUSED: not pending,
    }
    return [action for action in available_actions(request.status) if not blocked.get(action, False)]


def _event(
    session: Session,
    request: Request,
    actor: Actor,
    action: str,
    *,
    from_status: str | None,
    to_status: str | None,
    note: str = "",
    data: Mapping[str, Any] | None = None,
) -> None:
    assert request.id is not None
    row = event_row(
        request_id=request.id,
        at=now(),
        actor=actor.name,
        action=action,
        department_id=request.department_id,
        from_status=from_status,
        to_status=to_status,
        note=note,
        data=encode_data(data),
    )
    append(session, "requestevent", [row])


def record_event(
    session: Session,
    request: Request,
    actor: Actor,
    action: str,
    *,
    note: str = "",
    data: Mapping[str, Any] | None = None,
) -> None:
    """An event that does not change status (creation, import), still part of the same audit trail."""
    _event(session, request, actor, action, from_status=None, to_status=request.status, note=note, data=data)


def transition(
    session: Session,
    request: Request,
    action: str,
    actor: Actor,
    *,
    to_status: str | None = None,
    note: str = "",
    changes: Mapping[str, Any] | None = None,
    data: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> Request:
    """Apply one legal action: status + field changes, guarded by the request's version, plus its event."""
    allowed = ALLOWED_FROM.get(action)
    if allowed is None:
        raise WorkflowError(f"未知的操作 “{action}”")
    check(actor, action, request)  # before the state, so nobody learns about work outside their reach
    if action in HANDLER_ONLY:  # a community worker signs only for the street's and the community's own units
        unit = session.get(Department, request.department_id) if request.department_id else None
        check_unit(actor, action, request, unit)
    if expected_version is not None and expected_version != request.version:
        # before the status: what the user saw is stale, so "reload and retry" is the useful answer
        raise ConflictError("该诉求已被他人修改，请刷新后重试")
    if request.status not in allowed:
        raise WorkflowError(
            f"“{STATUS_LABELS.get(request.status, request.status)}”状态的诉求不能{ACTION_LABELS.get(action, action)}"
        )
    from_status = request.status
    target = to_status or from_status
    values = dict(changes or {})
    values["status"] = target
    values["version"] = request.version + 1
    assert request.id is not None
    result = session.execute(
        update(Request).where(col(Request.id) == request.id, col(Request.version) == request.version).values(**values)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError("该诉求已被他人修改，请刷新后重试")
    for key, value in values.items():
        setattr(request, key, value)
    _event(session, request, actor, action, from_status=from_status, to_status=target, note=note, data=data)
    session.flush()
    return request


def get_request(session: Session, request_id: int) -> Request:
    request = session.get(Request, request_id)
    if request is None:
        raise UserError(f"找不到诉求 #{request_id}")
    return request


def accept(session: Session, request: Request, actor: Actor, note: str = "", **kw: Any) -> Request:
    return transition(
        session,
        request,
        Action.ACCEPT,
        actor,
        to_status=Status.ACCEPTED,
        note=note,
        changes={"accepted_at": now()},
        **kw,
    )


def dispatch(
    session: Session,
    request: Request,
    actor: Actor,
    department_id: int | None = None,
    note: str = "",
    **kw: Any,
) -> Request:
    """Send to a department; work on returned/cancelled duties may never be dispatched back to the street.

    Sent after a 退单 to the unit of the item the 退单 cites, the request takes that item along (see `cited_routing`).
    """
    department_id = department_id or request.department_id
    if department_id is None:
        raise WorkflowError("派单前请先确认承办部门")
    department = session.get(Department, department_id)
    if department is None:
        raise UserError(f"找不到部门 #{department_id}")
    changes: dict[str, Any] = {"department_id": department_id, "dispatched_at": now()}
    data: dict[str, Any] = {"department": department.name}
    sent = f"派往{department.name}"
    item = session.get(CatalogItem, request.item_id) if request.item_id is not None else None
    cited = cited_routing(session, request)
    if cited is not None and cited[1] == department_id and (item is None or _lead_of(session, item) != department_id):
        item = cited[0]
        changes.update(item_id=item.id, match_confirmed_by=actor.name)
        data["item"] = item.code
        sent += f"，事项改为 [{item.code}] {item.name}"
    if item is not None and item.duty in ROUTED_AWAY_DUTIES and department.level in STREET_LEVELS:
        lead = session.get(Department, item.department_id) if item.department_id else None
        raise WorkflowError(
            f"事项“{item.name}”已{'收回' if item.duty == Duty.RETURNED else '取消'}，"
            f"应派往{lead.name if lead else '主管部门'}，不能派给{department.name}"
        )
    return transition(
        session,
        request,
        Action.DISPATCH,
        actor,
        to_status=Status.DISPATCHED,
        note=f"{note}：{sent}" if note else sent,
        changes=changes,
        data=data,
        **kw,
    )


def sign(session: Session, request: Request, actor: Actor, note: str = "", **kw: Any) -> Request:
    return transition(session, request, Action.SIGN, actor, to_status=Status.IN_PROGRESS, note=note, **kw)


def return_request(
    session: Session,
    request: Request,
    actor: Actor,
    reason: str,
    item_code: str | None = None,
    code: str = "other",
    **kw: Any,
) -> Request:
    """退单: the unit sends the work back to the dispatcher for re-routing; a reason is mandatory.

    "Not our duty" must name the catalog item that says whose duty it is, and that item must belong to another
    unit: a return is a routing claim, and the dispatcher needs the evidence to re-route at once.
    """
    if not reason.strip():
        raise WorkflowError("退单必须填写理由")
    if code not in RETURN_REASONS:
        raise WorkflowError(f"退单原因应为：{'、'.join(RETURN_REASONS.values())}")
    data: dict[str, Any] = {"code": code}
    if code == "not_our_duty":
        if not item_code:
            raise WorkflowError("以“不属于本单位职责”退单，须指明依据的清单事项")
        item = session.exec(select(CatalogItem).where(CatalogItem.code == item_code)).first()
        if item is None:
            raise WorkflowError(f"清单中没有事项 “{item_code}”")
        if item.department_id is not None and item.department_id == request.department_id:
            raise WorkflowError(f"事项 “{item.name}” 正由本单位牵头，不能据此退单")
    if item_code:
        data["item"] = item_code
    routed = session.get(CatalogItem, request.item_id) if request.item_id is not None else None
    if routed is not None:  # the item the unit was sent the work under: what a ruling judges the list by
        data["routed_item"] = routed.code
    review_due = add_working_days(now(), load_review_days(session))
    data["review_by"] = f"{review_due:%Y-%m-%d %H:%M}"
    return transition(
        session,
        request,
        Action.RETURN,
        actor,
        to_status=Status.RETURNED,
        note=reason.strip(),
        changes={"return_count": request.return_count + 1, "return_review_due_at": review_due},
        data=data,
        **kw,
    )


def review_return(session: Session, request: Request, actor: Actor, *, uphold: bool, reason: str, **kw: Any) -> Request:
    """A supervisor's ruling on a 退单: upheld, the request waits to be routed again (and the return counts as
    evidence against the list, models.reporting.proposals); overruled, it goes back to the unit that returned it,
    with the ruling's reason, and its deadline runs on."""
    if not reason.strip():
        raise WorkflowError("裁定退单必须写明理由")
    if request.return_review_due_at is None:
        raise WorkflowError(f"{request.ref} 没有待裁定的退单")
    late = now() > request.return_review_due_at
    data = {"late": late, "department": request.department_id}
    if uphold:
        return transition(
            session, request, Action.UPHOLD_RETURN, actor, note=reason.strip(),
            changes={"return_review_due_at": None}, data=data, **kw,
        )  # fmt: skip
    if request.department_id is None:
        raise WorkflowError("退单的单位不明，不能退回，请改为派单")
    return transition(
        session, request, Action.OVERRULE_RETURN, actor, to_status=Status.DISPATCHED, note=reason.strip(),
        changes={"return_review_due_at": None, "dispatched_at": now()}, data=data, **kw,
    )  # fmt: skip


def cited_routing(session: Session, request: Request) -> tuple[CatalogItem, int | None] | None:
    """While a returned request waits for the dispatcher: the catalog item its last 退单 cites, and the unit that
    item's work goes to.

    A 退单 citing an item (as "not our duty" must) is a routing claim with its evidence. The dispatcher is shown
    that unit first, and when the work does go there, `dispatch` makes the cited item the request's own, so its
    header, its routing banner and the per-item statistics name the item the work was sent on, not the one the
    claim refuted.
    """
    if request.status != Status.RETURNED:
        return None
    last = session.exec(
        select(RequestEvent.data)
        .where(RequestEvent.request_id == request.id, RequestEvent.action == Action.RETURN)
        .order_by(col(RequestEvent.id).desc())
    ).first()
    code = json.loads(last or "{}").get("item")
    item = session.exec(select(CatalogItem).where(CatalogItem.code == code)).first() if code else None
    return (item, _lead_of(session, item)) if item is not None else None


def _lead_of(session: Session, item: CatalogItem) -> int | None:
    """The unit an item's work goes to: its own lead, or for an item merged into another, that one's (as
    `models.requests.intake.routing_for_code` routes it)."""
    if item.duty == Duty.MERGED and item.merged_into:
        target = session.exec(select(CatalogItem).where(CatalogItem.code == item.merged_into)).first()
        if target is not None:
            return target.department_id
    return item.department_id


def resolve(
    session: Session, request: Request, actor: Actor, note: str, hours: float | None = None, **kw: Any
) -> Request:
    if not note.strip():
        raise WorkflowError("办结必须填写办理结果")
    if hours is not None and hours < 0:
        raise WorkflowError("办理工时不能为负数")
    return transition(
        session,
        request,
        Action.RESOLVE,
        actor,
        to_status=Status.RESOLVED,
        note=note.strip(),
        changes={"resolved_at": now(), "resolution": note.strip(), "hours_spent": hours},
        # also in the event: the request keeps only the last 办结's hours, and after 重办 the first ones were lost
        data={"hours": hours} if hours is not None else None,
        **kw,
    )


def callback(
    session: Session,
    request: Request,
    actor: Actor,
    *,
    satisfaction: str,
    solved: bool = True,
    contacted: bool = True,
    comment: str = "",
    **kw: Any,
) -> Request:
    """回访: solved and not unsatisfied closes the request; anything else reopens it (重办)."""
    if satisfaction not in SATISFACTIONS:
        raise WorkflowError(f"满意度应为：{'、'.join(SATISFACTION_LABELS.values())}")
    closes = solved and satisfaction != "unsatisfied"
    changes: dict[str, Any] = {
        "callback_contacted": contacted,
        "callback_solved": solved,
        "satisfaction": satisfaction,
    }
    if closes:
        changes["closed_at"] = now()
    else:
        changes.update(_reopen_changes(session, request))
    return transition(
        session,
        request,
        Action.CALLBACK,
        actor,
        to_status=Status.CLOSED if closes else "reopened",
        note=comment,
        changes=changes,
        data={"solved": solved, "satisfaction": satisfaction, "contacted": contacted},
        **kw,
    )


def reject(session: Session, request: Request, actor: Actor, reason: str, **kw: Any) -> Request:
    if not reason.strip():
        raise WorkflowError("不予受理必须填写理由")
    return transition(session, request, Action.REJECT, actor, to_status=Status.REJECTED, note=reason.strip(), **kw)


def reopen(session: Session, request: Request, actor: Actor, reason: str, **kw: Any) -> Request:
    if not reason.strip():
        raise WorkflowError("重办必须填写理由")
    return transition(
        session,
        request,
        Action.REOPEN,
        actor,
        to_status=Status.REOPENED,
        note=reason.strip(),
        changes=_reopen_changes(session, request),
        **kw,
    )


def _reopen_changes(session: Session, request: Request) -> dict[str, Any]:
    """重办 is new work for the unit: a fresh completion limit from now, and the escalation ladder starts over,
    so a request reopened after its first deadline is not overdue the moment it comes back."""
    item = session.get(CatalogItem, request.item_id) if request.item_id else None
    _, due = DeadlineRules.load(session).due(
        now(), request.urgency, item.code if item else None, request.category or (item.category if item else None)
    )
    return {"reopen_count": request.reopen_count + 1, "due_at": due, "escalation_level": 0, "paused_at": None}


def check_merge(request: Request, into: Request, actor: Actor) -> None:
    """Refuse a merge target before anyone is asked to confirm it, and again when the merge is written.

    A merged request drops out of every work list, so it may only be merged into one somebody still works on. The
    targets refused are exactly TERMINAL_STATUSES, by what each means: 已回访 (closed) is finished for good, and
    merging a new complaint into it buried it with last year's answer; 不予受理 (rejected) is work that will never
    be done; 已合并 (merged) is itself a duplicate, whose master is the one to join. 已办结 (resolved) stays a valid
    target: it still waits for its callback, which may reopen it, just as the duplicate finder offers it.
    """
    if into.id == request.id:
        raise WorkflowError("不能与自身合并")
    if into.status == Status.MERGED:
        raise WorkflowError(f"{into.ref} 本身已被合并，请合并到它的主诉求")
    if into.status in TERMINAL_STATUSES:
        raise WorkflowError(
            f"{into.ref} 为“{STATUS_LABELS[into.status]}”，已不再办理：重复诉求只能合并到仍在办理的诉求"
        )
    check(actor, Action.MERGE, into)


def merge(session: Session, request: Request, into: Request, actor: Actor, **kw: Any) -> Request:
    """Mark `request` as a duplicate of `into`; both requests get an event so either timeline tells the story."""
    check_merge(request, into, actor)
    transition(
        session,
        request,
        Action.MERGE,
        actor,
        to_status=Status.MERGED,
        note=f"合并到 {into.ref}",
        changes={"duplicate_of": into.id},
        data={"into": into.ref},
        **kw,
    )
    record_event(session, into, actor, Action.MERGED_IN, note=f"{request.ref} 合并到此", data={"from": request.ref})
    session.flush()
    return request


def unmerge(session: Session, request: Request, actor: Actor, **kw: Any) -> Request:
    """Undo a merge: the request returns to the state it had before it was merged."""
    last_merge = session.exec(
        select(RequestEvent)
        .where(RequestEvent.request_id == request.id, RequestEvent.action == Action.MERGE)
        .order_by(col(RequestEvent.id).desc())
    ).first()
    previous = last_merge.from_status if last_merge and last_merge.from_status else "new"
    target = session.get(Request, request.duplicate_of) if request.duplicate_of else None
    transition(
        session,
        request,
        Action.UNMERGE,
        actor,
        to_status=previous,
        note="撤销合并",
        changes={"duplicate_of": None},
        **kw,
    )
    if target is not None:
        record_event(
            session, target, actor, Action.UNMERGED_IN, note=f"{request.ref} 撤销合并", data={"from": request.ref}
        )
        session.flush()
    return request


def pause(session: Session, request: Request, actor: Actor, waiting_for: str, reason: str, **kw: Any) -> Request:
    """暂停计时: the deadline clock stops while the work waits on the resident or on an upper-level decision."""
    if waiting_for not in WAITING_FOR:
        raise WorkflowError(f"暂停原因应为：{'、'.join(WAITING_FOR.values())}")
    if not reason.strip():
        raise WorkflowError("暂停计时必须写明原因")
    if request.paused_at is not None:
        raise WorkflowError("该诉求已在暂停计时中")
    return transition(
        session,
        request,
        Action.PAUSE,
        actor,
        note=f"{WAITING_FOR[waiting_for]}：{reason.strip()}",
        changes={"paused_at": now()},
        data={"waiting_for": waiting_for},
        **kw,
    )


def resume(session: Session, request: Request, actor: Actor, note: str = "", **kw: Any) -> Request:
    """恢复计时: the deadlines move on by the working days the clock stood still."""
    if request.paused_at is None:
        raise WorkflowError("该诉求没有在暂停计时")
    stopped = working_days(request.paused_at, now())
    changes: dict[str, Any] = {"paused_at": None}
    if request.due_at is not None:
        changes["due_at"] = add_working_days(request.due_at, stopped)
    if request.response_due_at is not None and request.accepted_at is None:
        changes["response_due_at"] = add_working_days(request.response_due_at, stopped)
    return transition(
        session, request, Action.RESUME, actor, note=note or f"暂停 {stopped} 个工作日", changes=changes,
        data={"paused_working_days": stopped}, **kw,
    )  # fmt: skip


def request_extension(session: Session, request: Request, actor: Actor, days: int, reason: str, **kw: Any) -> Request:
    """申请延期: the handler asks for more working days; a supervisor decides."""
    if not 1 <= days <= 60:
        raise WorkflowError("延期应为 1 到 60 个工作日")
    if not reason.strip():
        raise WorkflowError("申请延期必须写明理由")
    if request.extension_days_pending is not None:
        raise WorkflowError("已有待审批的延期申请")
    return transition(
        session, request, Action.EXTENSION_REQUESTED, actor, note=reason.strip(),
        changes={"extension_days_pending": days}, data={"days": days}, **kw,
    )  # fmt: skip


def decide_extension(
    session: Session, request: Request, actor: Actor, approve: bool, note: str = "", **kw: Any
) -> Request:
    """批准或不批准延期: only a supervisor or an admin; approval moves the completion deadline."""
    require(actor, Action.EXTEND)  # the roles that decide are models.people.permissions' to say
    days = request.extension_days_pending
    if days is None:
        raise WorkflowError("没有待审批的延期申请")
    changes: dict[str, Any] = {"extension_days_pending": None}
    if approve and request.due_at is not None:
        changes["due_at"] = add_working_days(request.due_at, days)
        changes["escalation_level"] = 0  # a new deadline: the ladder starts again from it
    return transition(
        session, request, Action.EXTEND if approve else Action.EXTENSION_REFUSED, actor, note=note,
        changes=changes, data={"days": days, "approved": approve}, **kw,
    )  # fmt: skip
