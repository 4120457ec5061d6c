"""Accounts: adding an operator with a one-time password, resets, role changes, disabling and enabling, unlocking.

Every change here needs an administrator (Privilege.ACCOUNTS) and leaves an audit row, except the one way in on a
database nobody can sign in to yet: the first administrator, created at the local terminal (`bootstrap_admin`).
A disabled operator keeps their name on everything they did and simply cannot sign in.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from models.access.audit import record
from models.access.credentials import change_own_password, set_password, state_of
from models.access.passwords import check_new_password, one_time_password, verify_password
from models.access.policy import load_policy, refuse_pinned_clock
from models.core.clock import now
from models.core.errors import PermissionDenied, UserError
from models.core.text import name_key, operator_name
from models.core.vocabulary import ROLE_LABELS, AuditAction, Privilege, Role
from models.people.permissions import Actor, add_operator, place_operator, require
from models.store.tables import Operator, SignInSession


@dataclass(frozen=True)
class NewCredential:
    """What an administrator hands over: the name and a password that works once, to be changed at sign-in."""

    name: str
    role: str
    one_time_password: str

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


def find_operator(session: Session, name: str) -> Operator | None:
    """The operator a typed name means: by how it reads (張三 finds 张三), then by its exact spelling."""
    try:
        key = name_key(operator_name(name))
    except UserError:
        return None
    found = session.exec(select(Operator).where(Operator.name_key == key)).first()
    return found or session.exec(select(Operator).where(Operator.name == name.strip())).first()


def _existing(session: Session, name: str) -> Operator:
    operator = find_operator(session, name)
    if operator is None:
        raise UserError(f"没有登记的操作员 “{name.strip()}”")
    return operator


def create_account(
    session: Session,
    actor: Actor,
    name: str,
    role: str,
    *,
    area: str | None = None,
    department: str | None = None,
    where: str = "",
) -> NewCredential:
    """Register an operator with a one-time password (shown once, to the administrator)."""
    require(actor, Privilege.ACCOUNTS)
    operator = add_operator(session, name, role, area=area, department=department)
    name = operator.name
    password = one_time_password()
    set_password(operator, password, must_change=True)
    record(session, actor, AuditAction.ACCOUNT_ADD, account=name, new_role=operator.role, where=where)
    return NewCredential(name, operator.role, password)


def bootstrap_open(session: Session) -> bool:
    """Whether nobody could administer this database: no active administrator has a credential. Only then may the
    local terminal make one without signing in (a new street, or a database from before accounts)."""
    query = select(Operator.id).where(
        Operator.role == Role.ADMIN, col(Operator.active), col(Operator.password_hash).is_not(None)
    )
    return session.exec(query).first() is None


def bootstrap_admin(session: Session, name: str, password: str, *, where: str = "") -> str:
    """The first administrator, with the password they chose at the local terminal. An existing administrator
    without a credential (a database from before accounts) gets theirs this way too."""
    refuse_pinned_clock(session)
    if not bootstrap_open(session):
        raise PermissionDenied("已有管理员：请由管理员登录后用 xinsheng operators add 登记")
    name = operator_name(name)
    check_new_password(load_policy(session), name, password)
    operator = find_operator(session, name)
    if operator is None:
        operator = add_operator(session, name, Role.ADMIN)
    elif operator.role != Role.ADMIN or not operator.active:
        raise UserError(f"“{operator.name}” 不是在用的管理员；请换一个姓名登记第一位管理员")
    set_password(operator, password, must_change=False)
    session.flush()
    first = Actor(operator.name, Role.ADMIN)
    record(session, first, AuditAction.ACCOUNT_ADD, account=operator.name, new_role=Role.ADMIN, where=where,
           note="第一位管理员（本机终端）")  # fmt: skip
    return operator.name


def reset_password(session: Session, actor: Actor, name: str, *, where: str = "") -> NewCredential:
    """A new one-time password; the account is unlocked and its command-line sessions end."""
    require(actor, Privilege.ACCOUNTS)
    operator = _existing(session, name)
    if operator.name == actor.name:  # a lost one-time password would leave the street without an administrator
        raise UserError("不能重置自己的密码：请用 xinsheng passwd（或界面里的 修改密码）修改")
    password = one_time_password()
    set_password(operator, password, must_change=True)
    _clear_lock(session, operator)
    _end_sessions(session, operator)
    record(session, actor, AuditAction.PASSWORD_RESET, account=operator.name, where=where)
    return NewCredential(operator.name, operator.role, password)


def change_password(session: Session, actor: Actor, old: str, new: str, *, where: str = "") -> None:
    """An operator's own change: the current password first, then the new one by the street's rules."""
    operator = _existing(session, actor.name)
    if not verify_password(operator.password_hash, old):
        raise UserError("当前密码不正确")
    if new == old:
        raise UserError("新密码不能与当前密码相同")
    check_new_password(load_policy(session), operator.name, new)
    change_own_password(session, operator, old, new)
    _end_sessions(session, operator)  # a changed password is when a session someone else took must end
    record(session, actor, AuditAction.PASSWORD_CHANGE, account=operator.name, where=where)


def set_role(
    session: Session,
    actor: Actor,
    name: str,
    role: str,
    *,
    area: str | None = None,
    department: str | None = None,
    where: str = "",
) -> str:
    """Move an operator to another role (and the grid, community or unit it needs)."""
    require(actor, Privilege.ACCOUNTS)
    operator = _existing(session, name)
    old = operator.role
    if old == Role.ADMIN and role not in (Role.ADMIN, ROLE_LABELS[Role.ADMIN]):
        _keep_an_admin(session, operator)
    place_operator(session, operator, role, area=area, department=department)
    _end_sessions(session, operator)  # the reach changed: a kept session would carry the old one
    record(session, actor, AuditAction.ACCOUNT_ROLE, account=operator.name, old_role=old, new_role=operator.role,
           where=where)  # fmt: skip
    return operator.role


def set_active(session: Session, actor: Actor, name: str, active: bool, *, where: str = "") -> None:
    """Disable (someone left) or enable again. A disabled operator cannot sign in; their sessions end."""
    require(actor, Privilege.ACCOUNTS)
    operator = _existing(session, name)
    if operator.active == active:
        raise UserError(f"“{operator.name}” 已{'启用' if active else '停用'}")
    if not active:
        if operator.name == actor.name:
            raise UserError("不能停用自己的账户")
        if operator.role == Role.ADMIN:
            _keep_an_admin(session, operator)
        _end_sessions(session, operator)
    operator.active = active
    action = AuditAction.ACCOUNT_ENABLE if active else AuditAction.ACCOUNT_DISABLE
    record(session, actor, action, account=operator.name, where=where)


def unlock(session: Session, actor: Actor, name: str, *, where: str = "") -> None:
    require(actor, Privilege.ACCOUNTS)
    operator = _existing(session, name)
    _clear_lock(session, operator)
    record(session, actor, AuditAction.UNLOCK, account=operator.name, where=where)


def _clear_lock(session: Session, operator: Operator) -> None:
    state = state_of(session, operator)
    state.failed_sign_ins = 0
    state.locked_until = None


def _keep_an_admin(session: Session, leaving: Operator) -> None:
    others = select(Operator.id).where(Operator.role == Role.ADMIN, col(Operator.active), Operator.id != leaving.id)
    if session.exec(others).first() is None:
        raise UserError(f"“{leaving.name}” 是唯一在用的管理员：请先登记另一位管理员")


def _end_sessions(session: Session, operator: Operator) -> None:
    open_ = select(SignInSession).where(SignInSession.operator_id == operator.id, col(SignInSession.ended_at).is_(None))
    for kept in session.exec(open_):
        kept.ended_at = now()
    session.flush()
