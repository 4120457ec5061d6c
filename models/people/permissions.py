"""Who may see and do what: the role decides the actions, the operator's grid or department decides the requests.

Enforced here, in the domain layer, so the TUI, the CLI and any later front end refuse the same things; the UI
only hides what this module would refuse anyway.

- 网格员 (grid_worker): logs, accepts, routes, dispatches, calls back — in their own grid.
- 社区工作者 (community): the same across the community's grids, and handles the street duties there.
- 部门承办人 (department): signs, returns, resolves and asks for extensions on work dispatched to their unit.
- 督办负责人 (supervisor) and 管理员 (admin): everything, the dashboard, extension decisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, false, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from models.core.errors import PermissionDenied, UserError
from models.core.text import name_key, operator_name
from models.core.vocabulary import (
    ACTION_NAMES,
    OVERSEERS,
    PRE_DISPATCH_STATUSES,
    ROLE_LABELS,
    ROLES,
    Action,
    AreaKind,
    DepartmentLevel,
    Privilege,
    Role,
    Status,
)
from models.people.areas import display_names, find_area
from models.store.tables import Area, Department, Operator, Request

# a department's work begins at dispatch (imported history carries the status, not always the dispatch time)

FIELD_ACTIONS: frozenset[str] = frozenset(
    {
        Action.CREATE,
        Action.ROUTE,
        Action.ACCEPT,
        Action.DISPATCH,
        Action.REJECT,
        Action.MERGE,
        Action.UNMERGE,
        Action.CALLBACK,
        Action.REOPEN,
        Action.PAUSE,
        Action.RESUME,
    }
)
HANDLER_ACTIONS: frozenset[str] = frozenset(
    {Action.SIGN, Action.RETURN, Action.RESOLVE, Action.PAUSE, Action.RESUME, Action.EXTENSION_REQUESTED}
)
OVERSIGHT_ACTIONS: frozenset[str] = frozenset(
    {
        Action.EXTEND,
        Action.EXTENSION_REFUSED,
        Action.UPHOLD_RETURN,
        Action.OVERRULE_RETURN,
        Privilege.DASHBOARD,
        Privilege.PERSONAL_DATA,
        Privilege.REPORT,
        Privilege.EXPORT,
        Privilege.IMPORT_REQUESTS,
        Privilege.ESCALATE,
        Privilege.READ_EXAMPLES,
    }
)
# what keeps the house: accounts, places, rules, the catalog and the database itself (issue 14's least privilege)
ADMINISTRATION: frozenset[str] = frozenset(
    {
        Privilege.ACCOUNTS,
        Privilege.AREAS,
        Privilege.SETTINGS,
        Privilege.DEADLINE_RULES,
        Privilege.CATALOG_IMPORT,
        Privilege.REMOVE_EXAMPLES,
        Privilege.BACKUP,
        Privilege.RESTORE,
        Privilege.AUDIT,
        Privilege.CHECK_DATABASE,
        Privilege.RESIDENT_DATA,
    }
)
# the admission door (models.admission): the community and the street log what arrives and may refuse off-list work
# at the door; the department that wants a task applies; the street's supervisor or administrator decides
DOOR: frozenset[str] = frozenset({Privilege.TASK_LOG, Privilege.TASK_REFUSE})
ADMISSION_DECISIONS: frozenset[str] = frozenset({Privilege.TASK_APPLY, Privilege.TASK_DECIDE})
# the legislative contact point (models.legislation): anyone in the field records the opinions residents give; the
# street opens a consultation, passes the opinions up and records what the legislature adopted
CONTACT_POINT = frozenset({Privilege.CONSULT_MANAGE, Privilege.CONSULT_OPINION})
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.GRID_WORKER: FIELD_ACTIONS | {Privilege.CONSULT_OPINION},
    Role.COMMUNITY: FIELD_ACTIONS | HANDLER_ACTIONS | DOOR | {Privilege.IMPORT_REQUESTS, Privilege.CONSULT_OPINION},
    Role.DEPARTMENT: HANDLER_ACTIONS | {Privilege.TASK_APPLY},
    Role.SUPERVISOR: FIELD_ACTIONS | HANDLER_ACTIONS | OVERSIGHT_ACTIONS | DOOR | ADMISSION_DECISIONS | CONTACT_POINT,
    Role.ADMIN: FIELD_ACTIONS
    | HANDLER_ACTIONS
    | OVERSIGHT_ACTIONS
    | ADMINISTRATION
    | DOOR
    | ADMISSION_DECISIONS
    | CONTACT_POINT,
}


@dataclass(frozen=True)
class Actor:
    """Who performs an action, carried into every event.

    `area_ids` and `department_id` are the operator's reach. An actor built without either (CLI imports, tests,
    scripts run by an administrator) is limited by role only; `actor_for` always sets the reach of a registered
    grid worker, community worker or department handler, so a TUI session never runs unscoped.
    """

    name: str
    role: str = "admin"
    area_ids: frozenset[int] | None = None
    department_id: int | None = None
    place: str = field(default="", compare=False)  # the grid, community or unit, as the UI names it

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def sees_everything(self) -> bool:
        return self.role in OVERSEERS or (self.area_ids is None and self.department_id is None)


# the statuses in which the next step is this role's ("我的待办" in the queue)
_FIELD_WORK = (Status.NEW, Status.ACCEPTED, Status.RETURNED, Status.RESOLVED)
_HANDLER_WORK = (Status.DISPATCHED, Status.IN_PROGRESS, Status.REOPENED)
MY_WORK: dict[str, tuple[str, ...]] = {
    Role.GRID_WORKER: _FIELD_WORK,
    Role.COMMUNITY: _FIELD_WORK + _HANDLER_WORK,
    Role.DEPARTMENT: _HANDLER_WORK,
    Role.SUPERVISOR: (Status.NEW, Status.RETURNED),
    Role.ADMIN: (Status.NEW, Status.ACCEPTED, Status.RETURNED),
}


def my_work_statuses(role: str) -> tuple[str, ...]:
    return MY_WORK.get(role, ())


def my_work(actor: Actor | None) -> ColumnElement[bool]:
    """SQL for 我的待办: the statuses in which the next step is this role's, and for a community worker the
    handling steps only of work sent to the street's and the community's own units (see `handles`)."""
    role = actor.role if actor is not None else Role.ADMIN
    statuses = col(Request.status).in_(my_work_statuses(role))
    if role != Role.COMMUNITY:
        return statuses
    ours = select(Department.id).where(col(Department.level).in_(COMMUNITY_HANDLES))
    return or_(
        col(Request.status).in_(_FIELD_WORK),
        and_(col(Request.status).in_(_HANDLER_WORK), col(Request.department_id).in_(ours)),
    )


def may(actor: Actor, action: str) -> bool:
    """Whether the role allows the action at all, before looking at which request it is."""
    return action in ROLE_ACTIONS.get(actor.role, frozenset())


def require(actor: Actor, action: str) -> None:
    if not may(actor, action):
        raise PermissionDenied(f"{actor.role_label}不能{ACTION_NAMES.get(action, action)}")


# a community worker handles the street's duties in their community (the street's offices, the community's own
# committee), never what a district unit or an outside company was sent: signing it took it off that unit's desk
COMMUNITY_HANDLES = frozenset({DepartmentLevel.STREET, DepartmentLevel.COMMUNITY})
HANDLER_ONLY = HANDLER_ACTIONS - FIELD_ACTIONS  # 签收, 退单, 办结, 申请延期


def handles(actor: Actor, action: str, unit: Department | None) -> bool:
    """Whether the operator may take this step for the unit the request was sent to (roles and reach aside)."""
    if actor.role != Role.COMMUNITY or action not in HANDLER_ONLY:
        return True
    return unit is not None and unit.level in COMMUNITY_HANDLES


def check_unit(actor: Actor, action: str, request: Request, unit: Department | None) -> None:
    if not handles(actor, action, unit):
        sent_to = f"派给了{unit.name}" if unit is not None else "还没有派给街道或社区的单位"
        raise PermissionDenied(
            f"{request.ref} {sent_to}：{actor.role_label}只办理街道和社区的事项，不能{ACTION_NAMES.get(action, action)}"
        )


def reaches(actor: Actor, area_id: int | None, department_id: int | None, dispatched: bool = False) -> bool:
    """Whether a request in that area, dispatched (or not) to that unit, is within the operator's reach."""
    if actor.sees_everything:
        return True
    if actor.role == Role.DEPARTMENT:
        return dispatched and department_id is not None and department_id == actor.department_id
    return actor.area_ids is not None and area_id in actor.area_ids


def reaches_request(actor: Actor, request: Request) -> bool:
    """Whether this request is within the operator's reach, as it stands now."""
    return reaches(actor, request.area_id, request.department_id, request.status not in PRE_DISPATCH_STATUSES)


def check(actor: Actor, action: str, request: Request) -> None:
    """Refuse an action the role does not allow, or on a request outside the operator's grid or unit."""
    require(actor, action)
    if not reaches_request(actor, request):
        where = "派给本单位" if actor.role == Role.DEPARTMENT else "在您负责的网格"
        raise PermissionDenied(f"{request.ref} 不是{where}的诉求，{actor.role_label}不能{ACTION_NAMES[action]}")


def visible(actor: Actor) -> list[ColumnElement[bool]]:
    """SQL conditions limiting request queries to the operator's reach (none for supervisors)."""
    if actor.sees_everything:
        return []
    if actor.role == Role.DEPARTMENT:
        if actor.department_id is None:
            return [false()]
        return [col(Request.department_id) == actor.department_id, col(Request.status).not_in(PRE_DISPATCH_STATUSES)]
    if not actor.area_ids:
        return [false()]
    return [col(Request.area_id).in_(sorted(actor.area_ids))]


@dataclass(frozen=True)
class OperatorEntry:
    """A registered operator as the sign-in form's completion lists them."""

    name: str
    role: str
    place: str  # grid, community or department they serve, "" for the street-wide roles

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


def list_operators(session: Session) -> list[OperatorEntry]:
    rows = session.exec(
        select(Operator.name, Operator.role, Operator.area_id, Department.name)
        .join(Department, col(Operator.department_id) == Department.id, isouter=True)
        .where(col(Operator.active))
        .order_by(col(Operator.role), col(Operator.name))
    ).all()
    places = display_names(session)  # "东社区/第1网格" where a district has several 第1网格
    order = {role: i for i, role in enumerate(ROLES)}
    operators = [
        OperatorEntry(name, role, dept or (places.get(area_id, "") if area_id is not None else ""))
        for name, role, area_id, dept in rows
    ]
    return sorted(operators, key=lambda o: (order.get(o.role, 99), o.place, o.name))


def actor_for(session: Session, name: str) -> Actor:
    """The registered, active operator of that name with their reach; an unknown name is refused."""
    operator = session.exec(select(Operator).where(Operator.name == name.strip())).first()
    if operator is None or not operator.active:
        raise PermissionDenied(
            f"没有登记的操作员 “{name.strip()}”：请从列表中选择，或由管理员用 xinsheng operators add 登记"
        )
    area = session.get(Area, operator.area_id) if operator.area_id else None
    if operator.role in OVERSEERS:
        return Actor(operator.name, operator.role, place=area.name if area else "")
    if operator.role == Role.DEPARTMENT:
        unit = session.get(Department, operator.department_id) if operator.department_id else None
        return Actor(
            operator.name, operator.role, department_id=unit.id if unit else 0, place=unit.name if unit else ""
        )
    reach: set[int] = set()
    if operator.area_id is not None:
        reach.add(operator.area_id)
        if operator.role == Role.COMMUNITY:  # the community and every grid in it
            children = session.exec(select(Area.id).where(Area.parent_id == operator.area_id)).all()
            reach.update(i for i in children if i is not None)
    return Actor(operator.name, operator.role, area_ids=frozenset(reach), place=area.name if area else "")


def add_operator(
    session: Session, name: str, role: str, *, area: str | None = None, department: str | None = None
) -> Operator:
    """Register an operator (without a credential: models.access gives one); the name is stored as it will be
    read in the audit trail, and a name that reads the same as an existing one is refused."""
    name = operator_name(name)
    key = name_key(name)
    clash = session.exec(
        select(Operator.name).where(or_(col(Operator.name_key) == key, col(Operator.name) == name))
    ).first()
    if clash == name:
        raise UserError(f"操作员 “{name}” 已登记")
    if clash is not None:
        raise UserError(f"已有读作相同的操作员 “{clash}”，请换一个能区分的姓名（如加单位或编号）")
    operator = Operator(name=name, name_key=key, role=Role.ADMIN)
    place_operator(session, operator, role, area=area, department=department)
    return operator


def place_operator(
    session: Session, operator: Operator, role: str, *, area: str | None = None, department: str | None = None
) -> None:
    """Give an operator a role and the place it works in (a grid, a community, a department)."""
    role = {label: code for code, label in ROLE_LABELS.items()}.get(role, role)  # 网格员 as well as grid_worker
    if role not in ROLES:
        raise UserError(f"--role 应为 {'、'.join(ROLES)} 之一，收到 “{role}”")
    operator.role = role
    operator.area_id = None
    operator.department_id = None
    if role in (Role.GRID_WORKER, Role.COMMUNITY):
        kind = AreaKind.GRID if role == Role.GRID_WORKER else AreaKind.COMMUNITY
        if not area:
            raise UserError(f"{ROLE_LABELS[role]}必须用 --area 指定所在{'网格' if kind == 'grid' else '社区'}")
        operator.area_id = find_area(session, area, kind).id
    if role == Role.DEPARTMENT:
        if not department:
            raise UserError("部门承办人必须用 --department 指定单位")
        unit = session.exec(select(Department).where(Department.name == department)).first()
        if unit is None:
            raise UserError(f"没有名为 “{department}” 的单位")
        operator.department_id = unit.id
    session.add(operator)
    session.flush()
