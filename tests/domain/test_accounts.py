"""Accounts, sign-in, lockout, two-factor and the command line's sessions, on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from datetime import timedelta

import pyotp
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from models.access import accounts, cli_sessions, two_factor
from models.access.audit import list_audit
from models.access.credentials import state_of
from models.access.passwords import character_classes, check_new_password, one_time_password
from models.access.policy import SecurityPolicy, changed_policy, load_policy, store_policy
from models.access.signin import REFUSED, sign_in
from models.core.errors import PermissionDenied, UserError
from models.core.text import name_key, operator_name
from models.core.vocabulary import AuditAction, Role
from models.people.permissions import Actor
from models.store.engine import run_unit, session_scope
from models.store.tables import AuditEvent, Operator, SignInSession
from tests.accounts import PASSWORD, register

ADMIN = Actor("管理员", Role.ADMIN)


def actions(engine: Engine) -> list[str]:
    with session_scope(engine) as s:
        return [e.action for e in s.exec(select(AuditEvent).order_by(AuditEvent.id))]


def attempt(engine: Engine, name: str, password: str, code: str | None = None):
    return run_unit(engine, lambda s: sign_in(s, name, password, code=code, where="test"))


def test_passwords_are_stored_only_as_argon2id_hashes(engine: Engine) -> None:
    register(engine, "管理员")
    with session_scope(engine) as s:
        new = accounts.create_account(s, ADMIN, "李敏", "supervisor")
        stored = s.exec(select(Operator).where(Operator.name == "李敏")).one()
        assert stored.password_hash is not None and stored.password_hash.startswith("$argon2id$")
        assert new.one_time_password not in stored.password_hash and stored.must_change_password
    assert all(new.one_time_password not in a for a in actions(engine))


def test_rules_for_new_passwords() -> None:
    policy = SecurityPolicy()
    for bad in ("Ab1", "abcdefgh1", "abcdefghij", " Abcdefg1 "):
        with pytest.raises(UserError):
            check_new_password(policy, "王芳", bad)
    with pytest.raises(UserError, match="姓名"):
        check_new_password(policy, "Wang Fang", "wangfang-2026X")
    check_new_password(policy, "王芳", "Street-2026")
    assert character_classes("abcD1!") == 4 and character_classes("街道abc") == 2
    otp = one_time_password()
    check_new_password(policy, "王芳", otp)  # what an administrator hands out passes the street's own rules


def test_names_are_normalized_and_look_alikes_refused(engine: Engine) -> None:
    assert operator_name("  张　三 ") == "张 三"
    for hidden in ("张\u200b三", "张\u202e三", "张\x07三"):
        with pytest.raises(UserError, match="不可见"):
            operator_name(hidden)
    assert name_key("張三") == name_key("张 三") == name_key("张三")
    register(engine, "管理员")
    with session_scope(engine) as s:
        accounts.create_account(s, ADMIN, "张三", "supervisor")
    for look_alike in ("張三", "张 三", "张三 "):
        with pytest.raises(UserError), session_scope(engine) as s:
            accounts.create_account(s, ADMIN, look_alike, "supervisor")


def test_sign_in_refuses_alike_for_every_reason_and_locks_after_five(engine: Engine) -> None:
    register(engine, "管理员")
    register(engine, "王网格", "supervisor")
    unknown = attempt(engine, "没这个人", PASSWORD)
    wrong = attempt(engine, "王网格", "Wrong-2026")
    assert unknown.actor is None and wrong.actor is None and unknown.refused == wrong.refused == REFUSED
    for _ in range(4):
        attempt(engine, "王网格", "Wrong-2026")
    locked = attempt(engine, "王网格", PASSWORD)  # the right password, after five wrong ones
    assert locked.actor is None and locked.refused == REFUSED
    assert actions(engine).count(AuditAction.LOCK) == 1
    with session_scope(engine) as s:
        failures = [e for e in s.exec(select(AuditEvent)) if e.action == AuditAction.SIGN_IN_FAILED]
    assert failures[0].actor == ""  # an unknown name is not kept: it may be a password typed in the wrong field
    with session_scope(engine) as s:
        accounts.unlock(s, ADMIN, "王网格")
    ok = attempt(engine, "王网格", PASSWORD)
    assert ok.actor is not None and ok.actor.role == Role.SUPERVISOR


def test_lock_ends_after_its_minutes(engine: Engine) -> None:
    register(engine, "王网格", "supervisor")
    for _ in range(5):
        attempt(engine, "王网格", "Wrong-2026")
    with session_scope(engine) as s:
        operator = s.exec(select(Operator).where(Operator.name == "王网格")).one()
        state = state_of(s, operator)
        assert state.locked_until is not None
        state.locked_until -= timedelta(minutes=15)
    assert attempt(engine, "王网格", PASSWORD).actor is not None


def test_disabled_operator_cannot_sign_in_and_keeps_their_name(engine: Engine) -> None:
    register(engine, "管理员")
    register(engine, "赵离职", "supervisor")
    with session_scope(engine) as s:
        accounts.set_active(s, ADMIN, "赵离职", False)
    assert attempt(engine, "赵离职", PASSWORD).refused == REFUSED
    with session_scope(engine) as s:
        assert s.exec(select(Operator).where(Operator.name == "赵离职")).one().active is False
        accounts.set_active(s, ADMIN, "赵离职", True)
    assert attempt(engine, "赵离职", PASSWORD).actor is not None


def test_the_last_administrator_stays(engine: Engine) -> None:
    register(engine, "管理员")
    register(engine, "副管理员")
    with session_scope(engine) as s:
        accounts.set_active(s, ADMIN, "副管理员", False)
    with pytest.raises(UserError, match="唯一"), session_scope(engine) as s:
        accounts.set_role(s, Actor("副管理员", Role.ADMIN), "管理员", "supervisor")
    with pytest.raises(UserError, match="自己"), session_scope(engine) as s:
        accounts.set_active(s, ADMIN, "管理员", False)


@pytest.mark.parametrize("role", [Role.GRID_WORKER, Role.COMMUNITY, Role.DEPARTMENT, Role.SUPERVISOR])
def test_only_an_administrator_manages_accounts(engine: Engine, role: str) -> None:
    register(engine, "王网格", "supervisor")
    someone = Actor("某人", role, area_ids=frozenset(), department_id=0)
    with session_scope(engine) as s:
        for change in (
            lambda: accounts.create_account(s, someone, "新人", "supervisor"),
            lambda: accounts.reset_password(s, someone, "王网格"),
            lambda: accounts.set_role(s, someone, "王网格", "admin"),
            lambda: accounts.set_active(s, someone, "王网格", False),
            lambda: accounts.unlock(s, someone, "王网格"),
            lambda: two_factor.remove(s, someone, "王网格"),
            lambda: list_audit(s, someone),
        ):
            with pytest.raises(PermissionDenied):
                change()


def test_one_time_password_must_be_changed(engine: Engine) -> None:
    register(engine, "管理员")
    with session_scope(engine) as s:
        new = accounts.create_account(s, ADMIN, "刘新", "supervisor")
    first = attempt(engine, "刘新", new.one_time_password)
    assert first.actor is not None and first.must_change_password
    with pytest.raises(UserError, match="当前密码"), session_scope(engine) as s:
        accounts.change_password(s, first.actor, "Wrong-2026", "Mine-2026x")
    with session_scope(engine) as s:
        accounts.change_password(s, first.actor, new.one_time_password, "Mine-2026x")
    again = attempt(engine, "刘新", "Mine-2026x")
    assert again.actor is not None and not again.must_change_password
    assert attempt(engine, "刘新", new.one_time_password).actor is None


def test_first_administrator_only_while_nobody_can_administer(engine: Engine) -> None:
    with session_scope(engine) as s:
        assert accounts.bootstrap_open(s)
        accounts.bootstrap_admin(s, "首任管理员", "First-2026x")
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        accounts.bootstrap_admin(s, "第二个人", "Second-2026x")
    assert attempt(engine, "首任管理员", "First-2026x").actor is not None


def test_two_factor_codes_are_needed_checked_and_good_once(engine: Engine) -> None:
    register(engine, "王网格", "supervisor")
    secret = pyotp.random_base32()
    signed = attempt(engine, "王网格", PASSWORD).actor
    assert signed is not None
    with pytest.raises(UserError), session_scope(engine) as s:
        two_factor.enrol(s, signed, secret, "000000" if pyotp.TOTP(secret).now() != "000000" else "111111")
    with session_scope(engine) as s:
        two_factor.enrol(s, signed, secret, pyotp.TOTP(secret).now())
    assert attempt(engine, "王网格", PASSWORD).needs_code
    assert attempt(engine, "王网格", PASSWORD, code="12345").actor is None
    # the code used for enrolment is spent: the next one (30 s on) is what a phone shows next
    later = pyotp.TOTP(secret).at((int(time.time()) // 30 + 1) * 30)
    assert attempt(engine, "王网格", PASSWORD, code=later).actor is not None
    assert attempt(engine, "王网格", PASSWORD, code=later).actor is None  # replayed


def test_role_may_require_two_factor(engine: Engine) -> None:
    register(engine, "王网格", "supervisor")
    with session_scope(engine) as s:
        store_policy(s, changed_policy(load_policy(s), {"totp_roles": [Role.SUPERVISOR]}))
    assert attempt(engine, "王网格", PASSWORD).must_enrol
    with pytest.raises(UserError), session_scope(engine) as s:
        changed_policy(load_policy(s), {"max_failures": 0})


def test_command_line_sessions_resume_expire_and_end(engine: Engine) -> None:
    register(engine, "管理员")
    register(engine, "王网格", "supervisor")
    actor = attempt(engine, "王网格", PASSWORD).actor
    assert actor is not None
    token = run_unit(engine, lambda s: cli_sessions.open_session(s, actor, place="tty"))
    with session_scope(engine) as s:
        assert token not in {row.token_hash for row in s.exec(select(SignInSession))}
    assert run_unit(engine, lambda s: cli_sessions.resume(s, token)).name == "王网格"
    with session_scope(engine) as s:
        kept = s.exec(select(SignInSession)).one()
        kept.last_used_at -= timedelta(hours=9)
    with pytest.raises(cli_sessions.SessionExpired):
        run_unit(engine, lambda s: cli_sessions.resume(s, token))
    second = run_unit(engine, lambda s: cli_sessions.open_session(s, actor))
    with session_scope(engine) as s:
        accounts.set_active(s, ADMIN, "王网格", False)  # someone who left: their open sessions end with them
    with pytest.raises(cli_sessions.SessionExpired):
        run_unit(engine, lambda s: cli_sessions.resume(s, second))
    assert run_unit(engine, lambda s: cli_sessions.end(s, second)) is None  # ended already


def test_audit_list_filters(engine: Engine) -> None:
    register(engine, "管理员")
    attempt(engine, "管理员", "Wrong-2026")
    attempt(engine, "管理员", PASSWORD)
    with session_scope(engine) as s:
        failed = list_audit(s, ADMIN, action="登录失败")
        mine = list_audit(s, ADMIN, operator="管理员")
        with pytest.raises(UserError, match="--action"):
            list_audit(s, ADMIN, action="nonsense")
    assert [r.action for r in failed] == [AuditAction.SIGN_IN_FAILED]
    assert {r.action for r in mine} == {AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN}


def test_a_database_from_before_accounts_gives_its_administrator_a_password(engine: Engine) -> None:
    """Operators upgraded from before issue 14 have no credential: nobody can sign in, so the local terminal may
    give an existing administrator a password (and nobody else becomes one that way)."""
    from models.people.permissions import add_operator

    with session_scope(engine) as s:
        add_operator(s, "老管理员", "admin")
        add_operator(s, "老网格员", "supervisor")
        assert accounts.bootstrap_open(s)
    with pytest.raises(UserError, match="不是在用的管理员"), session_scope(engine) as s:
        accounts.bootstrap_admin(s, "老网格员", "Taken-2026x")
    with session_scope(engine) as s:
        assert accounts.bootstrap_admin(s, "老管理员", "Again-2026x") == "老管理员"
        assert not accounts.bootstrap_open(s)
    assert attempt(engine, "老管理员", "Again-2026x").actor is not None
    assert attempt(engine, "老网格员", "Taken-2026x").actor is None
