"""The one place the rows of the request aggregate are built: a request's columns and an event's columns.

Intake builds one request at a time as an ORM object, an import builds thousands as plain dicts for multi-row
INSERTs, the escalation ladder writes its events with INSERT … SELECT, and the demo goes through intake. They used
to build rows separately and drifted (the pinyin initials searched by the queue came from the title or the text's
start in one place and the title alone in another); now every path asks here, and a test checks that intake and
import store the same request for the same input.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from models.core.text import phone_text, pinyin_initials
from models.core.vocabulary import Status

INITIALS_SOURCE_CHARS = 60  # of the text, for a request logged without a title
INITIALS_CHARS = 300  # the column's width


def request_row(
    *,
    ref: str,
    channel: str,
    kind: str,
    title: str,
    text: str,
    urgency: str,
    created_at: datetime,
    status: str = Status.NEW,
    location: str = "",
    area_id: int | None = None,
    resident_name: str | None = None,
    resident_phone: str | None = None,
    item_id: int | None = None,
    match_score: float | None = None,
    match_confirmed_by: str | None = None,
    department_id: int | None = None,
    category: str | None = None,
    response_due_at: datetime | None = None,
    due_at: datetime | None = None,
    external_ref: str | None = None,
    import_key: str | None = None,
    resolved_at: datetime | None = None,
    closed_at: datetime | None = None,
    resolution: str = "",
    callback_contacted: bool | None = None,
    callback_solved: bool | None = None,
    satisfaction: str | None = None,
) -> dict[str, Any]:
    """Every column of a new request, in the shape both `Request(**row)` and a multi-row INSERT take.

    Columns a new request never sets by itself (acceptance, dispatch, counters) are written out as their empty
    values, so every row of an import batch has the same keys and the INSERT stays one statement.
    """
    return dict(
        ref=ref,
        external_ref=external_ref or None,
        import_key=import_key,
        channel=channel,
        kind=kind,
        title=title,
        title_initials=pinyin_initials(title or text[:INITIALS_SOURCE_CHARS])[:INITIALS_CHARS],
        text=text,
        location=location,
        category=category,
        area_id=area_id,
        resident_name=(resident_name or "").strip() or None,
        resident_phone=phone_text(resident_phone) or None,  # １３８… typed in full width is stored as 138…
        urgency=urgency,
        status=status,
        item_id=item_id,
        match_score=match_score,
        match_confirmed_by=match_confirmed_by,
        department_id=department_id,
        created_at=created_at,
        response_due_at=response_due_at,
        due_at=due_at,
        resolved_at=resolved_at,
        closed_at=closed_at,
        resolution=resolution,
        callback_contacted=callback_contacted,
        callback_solved=callback_solved,
        satisfaction=satisfaction,
        accepted_at=None,
        dispatched_at=None,
        hours_spent=None,
        duplicate_of=None,
        return_count=0,
        reopen_count=0,
        escalation_level=0,
        version=1,
    )


def encode_data(data: Mapping[str, Any] | None) -> str:
    """An event's structured detail as stored: JSON that keeps Chinese readable in a plain SQL client."""
    return json.dumps(dict(data or {}), ensure_ascii=False, default=str)


def event_row(
    *,
    request_id: Any,
    at: Any,
    actor: Any,
    action: Any,
    department_id: Any,
    from_status: Any,
    to_status: Any,
    note: Any = "",
    data: Any = "{}",
) -> dict[str, Any]:
    """Every column of one RequestEvent.

    Values may be plain Python values (the workflow, an import) or SQL expressions over the request table (the
    escalation ladder's INSERT … SELECT, which writes thousands of events in one statement); `data` arrives
    encoded, by `encode_data` or as a literal of its output.
    """
    return dict(
        request_id=request_id,
        at=at,
        actor=actor,
        action=action,
        department_id=department_id,
        from_status=from_status,
        to_status=to_status,
        note=note,
        data=data,
    )
