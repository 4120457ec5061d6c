"""The command line's sign-in: `xinsheng login` opens a session that later commands resume, until it has been idle
too long (a setting) or `xinsheng logout` ends it.

The token is 256 random bits. The database keeps only its SHA-256 (a fast hash suffices for a random secret of
that size; a slow one is for passwords people choose), and the user keeps the token in a 0600 file
(models.access.token_file), so neither a copy of the database nor of the file alone is a way in for long.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlmodel import Session, col, select

from models.access.audit import record
from models.access.credentials import is_locked
from models.access.policy import load_policy, refuse_pinned_clock
from models.core.clock import now
from models.core.errors import UserError
from models.core.vocabulary import AuditAction
from models.people.permissions import Actor, actor_for
from models.store.tables import Operator, SignInSession

EXPIRED = "登录已失效，请重新登录：xinsheng login"


class SessionExpired(UserError):
    """Bad input (exit 2): sign in again."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def open_session(session: Session, actor: Actor, *, place: str = "") -> str:
    refuse_pinned_clock(session)
    operator_id = session.exec(select(Operator.id).where(Operator.name == actor.name)).one()
    assert operator_id is not None
    token = secrets.token_urlsafe(32)
    moment = now()
    session.add(
        SignInSession(
            operator_id=operator_id,
            token_hash=_digest(token),
            place=place[:200],
            created_at=moment,
            last_used_at=moment,
        )
    )
    session.flush()
    return token


def resume(session: Session, token: str) -> Actor:
    """The operator behind a kept token, if the session is open, recent and the account still in use."""
    refuse_pinned_clock(session)
    kept = session.exec(select(SignInSession).where(SignInSession.token_hash == _digest(token))).first()
    if kept is None or kept.ended_at is not None:
        raise SessionExpired(EXPIRED)
    moment = now()
    if moment - kept.last_used_at > timedelta(hours=load_policy(session).cli_session_hours):
        kept.ended_at = moment
        session.flush()
        raise SessionExpired(EXPIRED)
    operator = session.get(Operator, kept.operator_id)
    if operator is None or not operator.active or is_locked(session, operator) or operator.must_change_password:
        kept.ended_at = moment
        session.flush()
        raise SessionExpired(EXPIRED)
    kept.last_used_at = moment
    session.flush()
    return actor_for(session, operator.name)


def end(session: Session, token: str, *, where: str = "") -> str | None:
    """End the session; the name of whoever it belonged to, or None if it had ended already."""
    kept = session.exec(
        select(SignInSession).where(SignInSession.token_hash == _digest(token), col(SignInSession.ended_at).is_(None))
    ).first()
    if kept is None:
        return None
    kept.ended_at = now()
    operator = session.get(Operator, kept.operator_id)
    name = operator.name if operator else ""
    record(session, None, AuditAction.SIGN_OUT, name=name, where=where or kept.place)
    return name


def end_all(session: Session) -> int:
    """End every open command-line session (after a restore, sessions ended since the backup would live again)."""
    moment = now()
    open_ = session.exec(select(SignInSession).where(col(SignInSession.ended_at).is_(None))).all()
    for kept in open_:
        kept.ended_at = moment
    session.flush()
    return len(open_)
