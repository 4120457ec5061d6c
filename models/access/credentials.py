"""The one write path for an operator's credential: the Argon2id hash that signs them in, and beside it a proof
that lets the database itself tell an operator's own change from a forged one.

On PostgreSQL the terminals' role may not write the account table (docs/deployment.md, section 4), yet operators
change their own passwords and enrol their phones at those terminals. They do it through two SECURITY DEFINER
functions (migration 0013). The password function wants a key derived from the current password with the proof's
own salt: the database keeps only that key's SHA-256, so reading the table (which the terminal role can) does not
give the key, and a forged call without the password changes nothing. On SQLite there are no database roles, and
the same functions' effect is written directly.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from models.access.passwords import hash_password, hasher
from models.core.clock import now
from models.core.errors import UserError
from models.store.tables import Operator, SignInState

# what the PostgreSQL functions raise when the proof or the state does not allow the change
REFUSED_STATE = "XS401"
NO_PROOF = "这个账户是在数据库升级前建立的，还没有改密凭证：请管理员重置密码（operators reset-password）后再修改"


def derive_key(password: str, salt: bytes) -> bytes:
    """Argon2id with the sign-in hash's parameters: the proof costs an attacker as much as the hash does."""
    from argon2.low_level import Type, hash_secret_raw

    params = hasher()
    return hash_secret_raw(
        password.encode("utf-8"), salt, time_cost=params.time_cost, memory_cost=params.memory_cost,
        parallelism=params.parallelism, hash_len=32, type=Type.ID,
    )  # fmt: skip


def make_proof(password: str) -> str:
    salt = os.urandom(16)
    return f"{salt.hex()}${hashlib.sha256(derive_key(password, salt)).hexdigest()}"


def proof_key(proof: str | None, password: str) -> bytes | None:
    """The key a stored proof asks for, from the password; None for an account that has no proof yet."""
    if not proof or "$" not in proof:
        return None
    salt, digest = proof.split("$", 1)
    key = derive_key(password, bytes.fromhex(salt))
    return key if hmac.compare_digest(hashlib.sha256(key).hexdigest(), digest) else None


def set_password(operator: Operator, password: str, *, must_change: bool) -> None:
    """An administrator's setting of a password (a new account, a reset, the first administrator): on PostgreSQL
    this runs through the administrator's database connection, which may write the account table."""
    operator.password_hash = hash_password(password)
    operator.password_proof = make_proof(password)
    operator.must_change_password = must_change
    operator.password_changed_at = now()


def change_own_password(session: Session, operator: Operator, current: str, new: str) -> None:
    """The operator's own change, the current password already checked against the hash by the caller."""
    if not _postgres(session):
        set_password(operator, new, must_change=False)
        return
    key = proof_key(operator.password_proof, current)
    if key is None:
        raise UserError(NO_PROOF)
    assert operator.id is not None
    _call(
        session,
        "SELECT xinsheng_change_own_password(:id, :key, :hash, :proof)",
        {"id": operator.id, "key": key, "hash": hash_password(new), "proof": make_proof(new)},
        "当前密码不正确",
    )
    session.refresh(operator)


def enrol_totp(session: Session, operator: Operator, secret: str) -> None:
    """Keep a two-factor secret for an account that has none (replacing one needs an administrator to remove it)."""
    if not _postgres(session):
        if operator.totp_secret is not None:
            raise UserError("已启用两步验证：如需更换手机，请管理员先关闭")
        operator.totp_secret = secret
        return
    assert operator.id is not None
    _call(
        session,
        "SELECT xinsheng_enrol_totp(:id, :secret)",
        {"id": operator.id, "secret": secret},
        "已启用两步验证：如需更换手机，请管理员先关闭",
    )
    session.refresh(operator)


def state_of(session: Session, operator: Operator) -> SignInState:
    """The operator's sign-in counters, made on first use (an account added before this table had none)."""
    assert operator.id is not None
    state = session.get(SignInState, operator.id)
    if state is None:
        state = SignInState(operator_id=operator.id)
        session.add(state)
    return state


def is_locked(session: Session, operator: Operator) -> bool:
    state = state_of(session, operator)
    return state.locked_until is not None and state.locked_until > now()


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _call(session: Session, sql: str, params: dict[str, object], refused: str) -> None:
    try:
        with session.begin_nested():
            session.execute(text(sql), params)
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == REFUSED_STATE:
            raise UserError(refused) from None
        raise
