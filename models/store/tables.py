"""Database tables (docs/domain.md, “Records”).

Times are stored as naive datetimes in China Standard Time (UTC+8, no daylight saving): street offices reason in
local days and months, and naive values compare and group the same way on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class Department(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=120)
    level: str = Field(default="district", max_length=20)
    parent_id: int | None = Field(default=None, foreign_key="department.id")
    phone: str | None = Field(default=None, max_length=40)
    active: bool = True


class Area(SQLModel, table=True):
    """Street → community → grid in one self-referencing table: the hierarchy is shallow and uniform."""

    __table_args__ = (UniqueConstraint("parent_id", "name", name="uq_area_parent_name"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    kind: str = Field(max_length=20)
    parent_id: int | None = Field(default=None, foreign_key="area.id", index=True)


class Operator(SQLModel, table=True):
    """An account. `name_key` is the name as it reads (models.access.names): two names that look alike to a person
    are one key, so nobody can register a look-alike of a colleague. The credential is an Argon2id hash only."""

    __table_args__ = (UniqueConstraint("name_key", name="uq_operator_name_key"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=80)
    name_key: str | None = Field(default=None, max_length=80)
    role: str = Field(max_length=20)
    area_id: int | None = Field(default=None, foreign_key="area.id")
    department_id: int | None = Field(default=None, foreign_key="department.id")
    active: bool = True
    password_hash: str | None = Field(default=None, max_length=200)
    # "salt$sha256(key)", the key derived from the password like the hash but with its own salt: the proof an
    # operator's own change must bring on PostgreSQL, where terminals may not write this table (models.access.proof)
    password_proof: str | None = Field(default=None, max_length=200)
    must_change_password: bool = False  # a one-time password given by an administrator
    password_changed_at: datetime | None = Field(default=None, sa_type=DateTime)
    totp_secret: str | None = Field(default=None, max_length=64)


class SignInState(SQLModel, table=True):
    """What signing in changes, kept apart from the account: terminals write this row at every sign-in, while the
    account row (role, reach, credential) is changed only through an administrator's database connection."""

    operator_id: int = Field(foreign_key="operator.id", primary_key=True)
    failed_sign_ins: int = 0  # in a row; reset by a successful sign-in
    locked_until: datetime | None = Field(default=None, sa_type=DateTime)
    totp_last_step: int | None = Field(default=None, sa_type=BigInteger)  # the last step accepted: a code is good once


class SignInSession(SQLModel, table=True):
    """A command-line sign-in: only the token's SHA-256 is kept here (the token itself is in the user's 0600 file),
    so a copy of the database signs nobody in."""

    id: int | None = Field(default=None, primary_key=True)
    operator_id: int = Field(foreign_key="operator.id", index=True)
    token_hash: str = Field(unique=True, max_length=64)
    place: str = Field(default="", max_length=200)  # the terminal it was opened at
    created_at: datetime = Field(sa_type=DateTime)
    last_used_at: datetime = Field(sa_type=DateTime)
    ended_at: datetime | None = Field(default=None, sa_type=DateTime)


class CatalogRevision(SQLModel, table=True):
    """One row per catalog import, so a supervisor can see when the list changed and by how much."""

    id: int | None = Field(default=None, primary_key=True)
    file_name: str = Field(max_length=255)
    file_hash: str = Field(max_length=64)
    imported_at: datetime = Field(sa_type=DateTime)
    total: int = 0
    added: int = 0
    changed: int = 0
    cut: int = 0


class CatalogItem(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=40)
    name: str = Field(max_length=200)
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    category: str = Field(default="", max_length=200, index=True)
    keywords: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    department_id: int | None = Field(default=None, foreign_key="department.id", index=True)
    assist_departments: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    duty: str = Field(default="own", max_length=20, index=True)
    merged_into: str | None = Field(default=None, max_length=40)
    hours_per_year: float = 0.0
    effective_from: date | None = None
    revision_id: int | None = Field(default=None, foreign_key="catalogrevision.id")
    # a 证明事项 (a certificate) rather than a duty: own → the community issues it; cut → it does not, and
    # `apply_at` names where a resident applies instead (models.catalog.certificates)
    certificate: bool = False
    apply_at: str = Field(default="", max_length=200)

    def keyword_list(self) -> list[str]:
        return [k for k in self.keywords.split("、") if k]


class RefCounter(SQLModel, table=True):
    """Per-year counter behind human-readable refs (XS-2026-000123); one row update per batch keeps refs unique."""

    year: int = Field(primary_key=True)
    last: int = 0


class Request(SQLModel, table=True):
    __table_args__ = (
        Index("ix_request_status_created", "status", "created_at"),
        Index("ix_request_created", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    ref: str = Field(unique=True, max_length=32)
    external_ref: str | None = Field(default=None, max_length=120)
    import_key: str | None = Field(default=None, unique=True, max_length=160)
    channel: str = Field(default="walk_in", max_length=20)
    kind: str = Field(default="help", max_length=24)
    title: str = Field(default="", max_length=300)
    title_initials: str = Field(default="", max_length=300)  # 楼道座椅 → ldzy, for searching without a Chinese IME
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    location: str = Field(default="", max_length=200)
    category: str | None = Field(default=None, max_length=60)  # the source system's own classification (一级分类)
    area_id: int | None = Field(default=None, foreign_key="area.id", index=True)
    resident_name: str | None = Field(default=None, max_length=80)
    resident_phone: str | None = Field(default=None, max_length=40)
    urgency: str = Field(default="normal", max_length=10)
    status: str = Field(default="new", max_length=20)
    item_id: int | None = Field(default=None, foreign_key="catalogitem.id", index=True)
    match_score: float | None = None
    match_confirmed_by: str | None = Field(default=None, max_length=80)
    department_id: int | None = Field(default=None, foreign_key="department.id", index=True)
    created_at: datetime = Field(sa_type=DateTime)
    response_due_at: datetime | None = Field(default=None, sa_type=DateTime)
    accepted_at: datetime | None = Field(default=None, sa_type=DateTime)
    dispatched_at: datetime | None = Field(default=None, sa_type=DateTime)
    due_at: datetime | None = Field(default=None, sa_type=DateTime)
    resolved_at: datetime | None = Field(default=None, sa_type=DateTime)
    closed_at: datetime | None = Field(default=None, sa_type=DateTime)
    resolution: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    hours_spent: float | None = None
    callback_contacted: bool | None = None
    callback_solved: bool | None = None
    satisfaction: str | None = Field(default=None, max_length=12)
    duplicate_of: int | None = Field(default=None, foreign_key="request.id")
    return_count: int = 0
    reopen_count: int = 0
    escalation_level: int = 0  # 0 none, 1 催办, 2 督办, 3 通报 (models.requests.escalation)
    paused_at: datetime | None = Field(default=None, sa_type=DateTime)  # the deadline clock is stopped since
    extension_days_pending: int | None = None  # 延期 asked for, awaiting a supervisor's decision
    return_review_due_at: datetime | None = Field(default=None, sa_type=DateTime)  # a 退单 awaiting a ruling
    version: int = 1


class RequestEvent(SQLModel, table=True):
    """Append-only audit trail: domain functions insert rows; nothing updates or deletes them."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", index=True)
    at: datetime = Field(sa_type=DateTime)
    actor: str = Field(max_length=80)
    action: str = Field(max_length=24)
    # the unit holding the request when this happened: returns and escalations per department are counted by it
    department_id: int | None = Field(default=None, foreign_key="department.id", index=True)
    from_status: str | None = Field(default=None, max_length=20)
    to_status: str | None = Field(default=None, max_length=20)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    data: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    # the hash chain (models.store.chain): the place in the trail and the link to the row before
    seq: int | None = Field(default=None, sa_type=BigInteger, unique=True, index=True)
    hash: str | None = Field(default=None, max_length=64)


class Task(SQLModel, table=True):
    """Work a department pushed down to the street, a community or a grid, as it arrived at the door (准入).

    `admission` is what the door decided (models.admission.door): by the catalog item it cites, or, for off-list
    work, through the admission procedure; `status` is where the task stands now. Both change only through
    models.admission, each change with one TaskEvent.
    """

    __table_args__ = (
        Index("ix_task_received", "received_on"),
        Index("ix_task_department_received", "department_id", "received_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    ref: str = Field(unique=True, max_length=32)
    external_ref: str | None = Field(default=None, max_length=120)  # the OA document's number (文号)
    import_key: str | None = Field(default=None, unique=True, max_length=160)
    department_id: int = Field(foreign_key="department.id")  # who pushed it down
    source: str = Field(max_length=12)
    kind: str = Field(max_length=12)
    title: str = Field(max_length=300)
    content: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    received_on: date
    due_on: date | None = None
    hours: float = 0.0  # the estimated hours it asks of the street
    area_id: int = Field(foreign_key="area.id", index=True)  # the street, community or grid it was pushed to
    item_id: int | None = Field(default=None, foreign_key="catalogitem.id", index=True)  # the item the door cited
    match_score: float | None = None
    admission: str = Field(max_length=12, index=True)
    status: str = Field(max_length=12, index=True)
    applied_on: date | None = None  # the department's application for off-list work
    decision_due_on: date | None = None
    admitted_until: date | None = None
    provided: str = Field(default="", max_length=300)  # the hours or resources the department provides
    escalated: bool = False  # a late review was escalated
    reason: str = Field(default="", max_length=300)  # the rule the door cited, or the reason of the last decision
    created_at: datetime = Field(sa_type=DateTime)
    version: int = 1


class TaskRefCounter(SQLModel, table=True):
    """Per-year counter behind task refs (RW-2026-00123), as RefCounter is for requests."""

    year: int = Field(primary_key=True)
    last: int = 0


class TaskEvent(SQLModel, table=True):
    """Append-only, hash-chained trail of the door and the admission procedure (models.store.chain)."""

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    at: datetime = Field(sa_type=DateTime)
    actor: str = Field(max_length=80)
    action: str = Field(max_length=24)
    from_status: str | None = Field(default=None, max_length=12)
    to_status: str | None = Field(default=None, max_length=12)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    data: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    seq: int | None = Field(default=None, sa_type=BigInteger, unique=True, index=True)
    hash: str | None = Field(default=None, max_length=64)


class Consultation(SQLModel, table=True):
    """A draft law open for opinions at the legislative contact point (models.legislation)."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=300)
    issuer: str = Field(default="", max_length=120)  # who asks: 全国人大常委会法工委, a provincial congress
    opens_on: date
    closes_on: date | None = None
    file_name: str = Field(default="", max_length=255)
    text_sha256: str = Field(max_length=64)  # the draft as received
    created_at: datetime = Field(sa_type=DateTime)
    created_by: str = Field(max_length=80)


class Article(SQLModel, table=True):
    """One article of a draft (第X条), or the whole draft when it has none, as written."""

    __table_args__ = (UniqueConstraint("consultation_id", "position", name="uq_article_position"),)

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int = Field(foreign_key="consultation.id", index=True)
    position: int
    number: str = Field(default="", max_length=40)  # 第十二条; "" for a draft kept as one text
    chapter: str = Field(default="", max_length=200)
    section: str = Field(default="", max_length=200)
    text: str = Field(sa_column=Column(Text, nullable=False))


class Opinion(SQLModel, table=True):
    """What someone said about a draft, stored exactly as typed or imported (原汁原味): `text` is never normalised,
    trimmed or rewritten; only its outcome and the callback are added later, each once."""

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int = Field(foreign_key="consultation.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    contributor_kind: str = Field(max_length=12)
    channel: str = Field(max_length=12)
    given_on: date
    contributor_name: str | None = Field(default=None, max_length=80)  # personal data: shown only with consent
    contributor_phone: str | None = Field(default=None, max_length=40)  # for the callback; masked everywhere
    consent: bool = False  # to be named in the submission
    request_id: int | None = Field(default=None, foreign_key="request.id", index=True)  # a 立法意见 request
    import_key: str | None = Field(default=None, unique=True, max_length=160)
    created_at: datetime = Field(sa_type=DateTime)
    created_by: str = Field(max_length=80)
    outcome: str | None = Field(default=None, max_length=12)
    outcome_note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    final_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    decided_at: datetime | None = Field(default=None, sa_type=DateTime)
    informed_at: datetime | None = Field(default=None, sa_type=DateTime)
    informed_by: str | None = Field(default=None, max_length=80)
    version: int = 1


class OpinionArticle(SQLModel, table=True):
    """Which articles an opinion concerns; none: the draft as a whole."""

    opinion_id: int = Field(foreign_key="opinion.id", primary_key=True)
    article_id: int = Field(foreign_key="article.id", primary_key=True, index=True)


class Setting(SQLModel, table=True):
    """A street's own choices that are not rows of their own (e.g. metric weights), as JSON values."""

    key: str = Field(primary_key=True, max_length=60)
    value: str = Field(sa_column=Column(Text, nullable=False))


class DeadlineRule(SQLModel, table=True):
    """A street's own time limits: per catalog item, per category, or per urgency (the most specific wins)."""

    __table_args__ = (UniqueConstraint("scope", "key", "urgency", name="uq_deadline_rule"),)

    id: int | None = Field(default=None, primary_key=True)
    scope: str = Field(max_length=12)  # "item" (key: item code), "category" (key: category), "urgency" (key: "")
    key: str = Field(default="", max_length=60)
    urgency: str = Field(default="", max_length=10)  # "" applies to every urgency
    response_days: int | None = None
    completion_days: int | None = None


class WorkDay(SQLModel, table=True):
    """The official working-day calendar as a table, so handling times in working days are computed in SQL.

    `ordinal` counts the working days before `day` since the table's first day: the working days between two
    dates are the difference of their ordinals.
    """

    day: date = Field(primary_key=True)
    workday: bool
    ordinal: int


class AuditEvent(SQLModel, table=True):
    """Who looked at or took out what, beyond single requests (e.g. an export with residents' personal data)."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=DateTime, index=True)
    actor: str = Field(max_length=80)
    role: str = Field(default="", max_length=20)
    action: str = Field(max_length=40)
    detail: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    seq: int | None = Field(default=None, sa_type=BigInteger, unique=True, index=True)
    hash: str | None = Field(default=None, max_length=64)


class ChainHead(SQLModel, table=True):
    """The end of each hash-chained trail (models.store.chain): written only by the trail's own write path."""

    name: str = Field(primary_key=True, max_length=20)
    seq: int = Field(default=0, sa_type=BigInteger)
    hash: str = Field(max_length=64)


class MatchExample(SQLModel, table=True):
    """A confirmed routing (request text → item and/or department): the matcher's learned evidence."""

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    item_id: int | None = Field(default=None, foreign_key="catalogitem.id", index=True)
    department_id: int | None = Field(default=None, foreign_key="department.id", index=True)
    request_id: int | None = Field(default=None, foreign_key="request.id", index=True)
    source: str = Field(default="confirmed", max_length=20)
    created_at: datetime = Field(sa_type=DateTime)


def max_length(model: type[SQLModel], field: str) -> int:
    """How many characters a text column holds, as declared above: checks read it rather than repeat the number
    (PostgreSQL enforces it; SQLite would store more and differ from the server)."""
    from sqlalchemy import inspect

    return int(inspect(model).columns[field].type.length)


def too_long(model: type[SQLModel], field: str, value: str) -> int | None:
    """The column's limit when `value` exceeds it, else None."""
    limit = max_length(model, field)
    return limit if len(value) > limit else None
