"""Signing in: a name and a password (and a two-factor code where one is set), checked against the Argon2id hash,
with a lock after repeated failures.

One function for every front end, so the TUI, `serve` and `xinsheng login` lock, audit and refuse alike. A refusal
never says why: an unknown name, a wrong password, a locked or a disabled account read the same, and take the same
time, so the screen cannot be used to learn who works here. The outcome is returned, not raised, so the failure
count and the audit row are committed with the refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session

from models.access.accounts import find_operator
from models.access.audit import record
from models.access.credentials import is_locked, set_password, state_of
from models.access.passwords import needs_rehash, verify_password
from models.access.policy import load_policy, refuse_pinned_clock
from models.access.totp import accepted_step
from models.core.clock import now
from models.core.errors import UserError
from models.core.vocabulary import AuditAction
from models.people.permissions import Actor, actor_for
from models.store.tables import Operator


class SignInRefused(UserError):
    """Bad input: exit 2, one line that names no reason."""


REFUSED = "姓名或密码不正确，或账户已锁定、停用（连续输错将锁定一段时间；忘记密码请找管理员重置）"


@dataclass(frozen=True)
class SignInOutcome:
    actor: Actor | None = None
    refused: str = ""
    needs_code: bool = False  # the password was right; a two-factor code must follow
    must_change_password: bool = False  # signed in with a one-time password: a new one comes first
    must_enrol: bool = False  # the role requires two-factor and this operator has none yet

    def raise_if_refused(self) -> Actor:
        if self.actor is None:
            raise SignInRefused(self.refused or REFUSED)
        return self.actor


def sign_in(session: Session, name: str, password: str, *, code: str | None = None, where: str = "") -> SignInOutcome:
    refuse_pinned_clock(session)  # a pinned clock would let a lock expire at will and misdate the audit
    policy = load_policy(session)
    operator = find_operator(session, name)
    moment = now()
    usable = operator is not None and operator.active
    # the hash is checked even when the answer is already no: the time taken must not tell a locked or unknown name
    matches = verify_password(operator.password_hash if usable and operator else None, password)
    if operator is None:
        record(session, None, AuditAction.SIGN_IN_FAILED, where=where)  # the typed name may be a password: not kept
        return SignInOutcome(refused=REFUSED)
    state = state_of(session, operator)
    locked = state.locked_until is not None and state.locked_until > moment
    if not usable or locked or not matches:
        reason = "disabled" if not operator.active else "locked" if locked else "password"
        return _failed(session, operator, reason, where, policy.max_failures, policy.lock_minutes, count=not locked)
    if operator.totp_secret:
        if not code:
            return SignInOutcome(needs_code=True)
        step = accepted_step(operator.totp_secret, code, state.totp_last_step)
        if step is None:
            return _failed(session, operator, "code", where, policy.max_failures, policy.lock_minutes)
        state.totp_last_step = step
    state.failed_sign_ins = 0
    state.locked_until = None
    # older parameters are brought up to date where the terminal may write the account (on PostgreSQL only the
    # administrator's connection may: the hash is then re-made at the operator's next own change)
    rehash = operator.password_hash and needs_rehash(operator.password_hash)
    if rehash and session.get_bind().dialect.name != "postgresql":
        set_password(operator, password, must_change=operator.must_change_password)
    actor = actor_for(session, operator.name)
    record(session, actor, AuditAction.SIGN_IN, where=where)
    return SignInOutcome(
        actor=actor,
        must_change_password=operator.must_change_password,
        must_enrol=operator.totp_secret is None and operator.role in policy.totp_roles,
    )


def _failed(
    session: Session, operator: Operator, reason: str, where: str, limit: int, minutes: int, count: bool = True
) -> SignInOutcome:
    """A refusal that counts (unless the account is locked already: waiting it out must stay possible)."""
    state = state_of(session, operator)
    if count:
        state.failed_sign_ins += 1
    record(session, None, AuditAction.SIGN_IN_FAILED, name=operator.name, reason=reason, where=where)
    if count and state.failed_sign_ins >= limit:
        state.locked_until = now() + timedelta(minutes=minutes)
        state.failed_sign_ins = 0
        record(session, None, AuditAction.LOCK, name=operator.name, minutes=minutes, where=where)
    session.flush()
    return SignInOutcome(refused=REFUSED)


def still_valid(session: Session, actor: Actor) -> bool:
    """Whether a signed-in operator is still who they were at sign-in: an account disabled, locked, reset or moved
    to another role or place since ends the session at the next look (an open TUI must not outlive a dismissal)."""
    operator = find_operator(session, actor.name)
    if operator is None or not operator.active or operator.must_change_password:
        return False
    if is_locked(session, operator):
        return False
    try:
        return actor_for(session, operator.name) == actor
    except UserError:
        return False
