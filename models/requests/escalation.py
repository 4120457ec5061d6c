"""The escalation ladder for overdue work: 催办 → 督办 → 通报.

Each open request past its completion deadline climbs one rung per threshold (in working days overdue), and each
rung is an event with a reason code. Running the ladder twice changes nothing: a request's `escalation_level`
says which rungs it has already taken. Each rung is two set-based statements (INSERT … SELECT of the events, one
UPDATE), so a run costs the same on a large database whether a few or thousands of requests climb.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from models.core.clock import now, subtract_working_days
from models.core.vocabulary import OPEN_STATUSES
from models.requests.rows import encode_data, event_row
from models.store.chain import append
from models.store.tables import Request


@dataclass(frozen=True)
class Rung:
    level: int
    action: str
    label: str
    overdue_days: int  # working days past the deadline before this rung applies


LADDER = (
    Rung(1, "urge", "催办", 0),
    Rung(2, "supervise", "督办", 3),
    Rung(3, "notice", "通报", 10),
)
ACTOR = "系统（超期督办）"


@dataclass(frozen=True)
class EscalationResult:
    at: datetime
    counts: dict[str, int]  # rung label → requests that took it in this run

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _candidates(rung: Rung, at: datetime) -> list[ColumnElement[bool]]:
    cutoff = subtract_working_days(at, rung.overdue_days)
    return [
        col(Request.status).in_(OPEN_STATUSES),
        col(Request.due_at).is_not(None),
        col(Request.due_at) < cutoff,
        col(Request.escalation_level) < rung.level,
        col(Request.paused_at).is_(None),  # the clock is stopped while waiting on the resident or a decision
    ]


def escalate(session: Session, at: datetime | None = None, *, dry_run: bool = False) -> EscalationResult:
    """Move every overdue open request up the ladder as far as its lateness warrants; one event per rung taken."""
    at = at or now()
    counts: dict[str, int] = {}
    for rung in LADDER:
        conditions = _candidates(rung, at)
        count = session.execute(select(func.count()).select_from(Request).where(*conditions)).scalar_one()
        counts[rung.label] = int(count)
        if dry_run or not count:
            continue
        data = encode_data({"level": rung.level, "code": f"overdue_{rung.overdue_days}wd"})
        note = f"{rung.label}：超过办理期限" + (f" {rung.overdue_days} 个工作日以上" if rung.overdue_days else "")
        # claim first (a concurrent run re-checks the level and claims nothing), then write the claimed events.
        # The claim does not bump `version`: that counts the transitions a person made (the load test reconciles
        # version − 1 with them), and a rung changes nothing a person decides on — bumping it would make
        # every terminal that opens (each runs the ladder) turn the open detail screens of overdue work stale
        claimed = (
            session.execute(
                update(Request).where(and_(*conditions)).values(escalation_level=rung.level).returning(col(Request.id))
            )
            .scalars()
            .all()
        )
        counts[rung.label] = len(claimed)
        for start in range(0, len(claimed), 1000):
            chunk = claimed[start : start + 1000]
            claimed_rows = session.execute(
                select(col(Request.id), col(Request.department_id), col(Request.status))
                .where(col(Request.id).in_(chunk))
                .order_by(col(Request.id))
            ).all()
            events = [
                event_row(
                    request_id=request_id,
                    at=at,
                    actor=ACTOR,
                    action=rung.action,
                    department_id=department_id,
                    from_status=status,
                    to_status=status,
                    note=note,
                    data=data,
                )
                for request_id, department_id, status in claimed_rows
            ]
            append(session, "requestevent", events)  # one statement for the chunk, chained in one step
    session.flush()
    return EscalationResult(at, counts)
