"""Turning two-factor sign-in on and off for an account: the operator enrols with a code from their phone app,
an administrator can take it off (a lost phone) and require it for whole roles (models.access.policy)."""

from __future__ import annotations

from sqlmodel import Session

from models.access.accounts import find_operator
from models.access.audit import record
from models.access.credentials import enrol_totp, state_of
from models.access.totp import accepted_step
from models.core.errors import UserError
from models.core.vocabulary import AuditAction, Privilege
from models.people.permissions import Actor, require


def enrol(session: Session, actor: Actor, secret: str, code: str, *, where: str = "") -> None:
    """Keep the secret only once the phone has shown it can produce a code from it."""
    operator = find_operator(session, actor.name)
    if operator is None:
        raise UserError("账户不存在")
    step = accepted_step(secret, code, None)
    if step is None:
        raise UserError("动态码不正确：请核对手机上的 6 位数字后再试")
    enrol_totp(session, operator, secret)
    state_of(session, operator).totp_last_step = step
    record(session, actor, AuditAction.TOTP_ENROL, account=operator.name, where=where)


def remove(session: Session, actor: Actor, name: str, *, where: str = "") -> None:
    require(actor, Privilege.ACCOUNTS)
    operator = find_operator(session, name)
    if operator is None:
        raise UserError(f"没有登记的操作员 “{name.strip()}”")
    if operator.totp_secret is None:
        raise UserError(f"“{operator.name}” 没有启用两步验证")
    operator.totp_secret = None
    state_of(session, operator).totp_last_step = None
    record(session, actor, AuditAction.TOTP_REMOVE, account=operator.name, where=where)
