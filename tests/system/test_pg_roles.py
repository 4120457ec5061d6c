"""The database roles of docs/deployment.md, section 4, on the real PostgreSQL server, attacked the way issue 16's
review did: a terminal's account must not change accounts, settings, history or a resident's phone, nor date an
event; the owner's rewrites must show in `db check` or in the printed chain head; the reporting role writes nothing.

Each role is a real, non-superuser login; the grants are exactly what `xinsheng db grants` prints.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, ProgrammingError
from sqlmodel import select

from models.access import accounts, two_factor
from models.access.policy import load_policy, mark_training, store_policy
from models.access.signin import sign_in
from models.access.totp import new_secret
from models.core.clock import now
from models.core.errors import PermissionDenied, UserError
from models.people.permissions import Actor
from models.requests import workflow
from models.requests.intake import log_request
from models.store import chain
from models.store.consistency import chain_heads, check_database
from models.store.engine import make_engine, session_scope, upgrade
from models.store.roles import grant_script
from models.store.tables import Operator, Request
from tests.accounts import PASSWORD
from tests.conftest import CATALOG_CSV, PG_URL, _require_pg

pytestmark = pytest.mark.postgres

ADMIN = Actor("管理员", "admin")
WORKER = Actor("网格员", "admin")


@pytest.fixture
def roles(tmp_path) -> Iterator[dict[str, Engine]]:
    """A schema owned by a real owner role, migrated by it, with the terminal, administrator and reporting roles
    granted by the script; one engine per role."""
    _require_pg()
    suffix = uuid.uuid4().hex[:8]
    names = {kind: f"xs_{kind}_{suffix}" for kind in ("owner", "app", "admin", "read")}
    schema = f"xs_roles_{suffix}"
    base = PG_URL.rsplit("@", 1)[1]
    superuser = make_engine(PG_URL)
    with superuser.begin() as conn:
        for name in names.values():
            conn.execute(text(f"CREATE ROLE {name} LOGIN"))
        conn.execute(text(f"CREATE SCHEMA {schema} AUTHORIZATION {names['owner']}"))
    engines = {
        kind: make_engine(f"postgresql+psycopg://{name}@{base}?options=-csearch_path%3D{schema}")
        for kind, name in names.items()
    }
    try:
        upgrade(engines["owner"])
        with engines["owner"].begin() as conn:
            conn.exec_driver_sql(grant_script(schema, app=names["app"], admin=names["admin"], read=names["read"]))
        catalog = tmp_path / "catalog.csv"
        catalog.write_text(CATALOG_CSV, encoding="utf-8")
        from models.files.catalog_import import import_catalog

        with session_scope(engines["admin"]) as s:  # the first administrator, in the server room
            accounts.bootstrap_admin(s, ADMIN.name, PASSWORD)
            import_catalog(s, catalog)
        yield engines
    finally:
        for engine in engines.values():
            engine.dispose()
        with superuser.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            for name in names.values():
                conn.execute(text(f"DROP OWNED BY {name}"))
                conn.execute(text(f"DROP ROLE {name}"))
        superuser.dispose()


def _closed_request(engine: Engine) -> str:
    """A request through its whole life, at a terminal: its ref."""
    with session_scope(engine) as s:
        r = log_request(s, WORKER, title="楼道灯坏了", item_code="JD-007", resident_name="李梅",
                        resident_phone="13912345678").request  # fmt: skip
        workflow.accept(s, r, WORKER)
        workflow.dispatch(s, r, WORKER)
        workflow.sign(s, r, WORKER)
        workflow.resolve(s, r, WORKER, "已更换灯泡", hours=1)
        workflow.callback(s, r, WORKER, satisfaction="unsatisfied", solved=True)
        return r.ref


def _refused(engine: Engine, sql: str, **params: object) -> None:
    with pytest.raises(ProgrammingError) as caught, engine.begin() as conn:
        conn.execute(text(sql), params)
    assert getattr(caught.value.orig, "sqlstate", None) == "42501", caught.value


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE operator SET role = 'supervisor'",  # promote oneself
        "UPDATE operator SET password_hash = NULL",  # take over an account
        "INSERT INTO setting (key, value) VALUES ('training_database', 'true')",  # then choose event times
        "UPDATE setting SET value = '{}'",
        "DELETE FROM deadlinerule",
        "UPDATE requestevent SET note = ''",
        "DELETE FROM auditevent",
        "UPDATE chainhead SET seq = 0",
        "UPDATE request SET resident_phone = '13800000000'",
        "UPDATE request SET created_at = '2019-01-01'",  # move a request out of the month it counts in
        "DELETE FROM request",
        "ALTER TABLE requestevent DISABLE TRIGGER ALL",
        "DELETE FROM task",  # a task refused at the door stays on record (issue 18)
        "UPDATE task SET created_at = '2019-01-01'",
        "UPDATE taskevent SET note = ''",
        "DELETE FROM taskevent",
        # the contact point (issue 19): what a resident said is passed on verbatim, and stays so
        "UPDATE opinion SET text = '同意'",
        "UPDATE opinion SET contributor_phone = '13800000000'",
        "UPDATE opinion SET given_on = '2019-01-01'",
        "DELETE FROM opinion",
        "DELETE FROM opinionarticle",
        "UPDATE article SET text = ''",
        "UPDATE consultation SET closes_on = '2099-01-01'",
    ],
)
def test_the_terminal_role_cannot_change_accounts_settings_history_or_residents(roles, sql: str) -> None:
    _closed_request(roles["app"])
    _refused(roles["app"], sql)


def test_an_event_inserted_by_hand_gets_the_servers_time_and_its_place_in_the_chain(roles) -> None:
    ref = _closed_request(roles["app"])
    with roles["app"].begin() as conn:
        rid = conn.execute(text("SELECT id FROM request WHERE ref = :r"), {"r": ref}).scalar_one()
        conn.execute(  # backdated, in the supervisor's name, with a made-up place and hash
            text(
                "INSERT INTO requestevent (request_id, at, actor, action, to_status, note, data, seq, hash) "
                "VALUES (:r, '2019-01-01 03:00', '秦主任', 'callback', 'closed', '', '{}', 1, :h)"
            ),
            {"r": rid, "h": "0" * 64},
        )
        row = conn.execute(text("SELECT at, seq FROM requestevent ORDER BY seq DESC LIMIT 1")).one()
    assert abs(row.at - now()) < timedelta(minutes=5)  # the server's clock, in China Standard Time
    with roles["app"].connect() as conn:
        count, broken = chain.verify(conn, "requestevent")
    assert broken is None and row.seq == count  # the newest row of the trail, dated today, not a rewrite of 2019


def test_a_satisfaction_or_outcome_rewritten_in_the_row_alone_fails_db_check(roles) -> None:
    ref = _closed_request(roles["app"])
    assert all(c.ok for c in check_database(roles["app"]))
    with roles["app"].begin() as conn:
        conn.execute(text("UPDATE request SET satisfaction = 'satisfied', resolution = '已解决' WHERE ref = :r"),
                     {"r": ref})  # fmt: skip
    failing = {c.name: c.examples for c in check_database(roles["app"]) if not c.ok}
    assert failing == {"满意度与最后一次回访记录一致": [ref], "办理结果与最后一次办结记录一致": [ref]}


def test_accounts_and_settings_change_only_through_the_administrators_connection(roles) -> None:
    with session_scope(roles["admin"]) as s:
        made = accounts.create_account(s, ADMIN, "王网格", "supervisor")
    for change in (
        lambda s: accounts.create_account(s, ADMIN, "冒名者", "admin"),
        lambda s: accounts.set_role(s, ADMIN, "王网格", "admin"),
        lambda s: accounts.unlock(s, ADMIN, "王网格") or accounts.set_active(s, ADMIN, "王网格", False),
        lambda s: store_policy(s, replace(load_policy(s), max_failures=100)),
        mark_training,  # a training database keeps the times its terminals send
    ):
        with pytest.raises(PermissionDenied) as caught, session_scope(roles["app"]) as s:
            change(s)
        assert "管理员的数据库连接" in str(caught.value) and "\n" not in str(caught.value)
    with session_scope(roles["admin"]) as s:
        assert s.exec(select(Operator.role).where(Operator.name == "王网格")).one() == "supervisor"
        accounts.set_role(s, ADMIN, "王网格", "supervisor")  # through the administrator's connection it works
    # the operator's own change at a terminal: the one-time password, then theirs
    with session_scope(roles["app"]) as s:
        outcome = sign_in(s, "王网格", made.one_time_password)
    assert outcome.must_change_password and outcome.actor is not None
    with session_scope(roles["app"]) as s:
        accounts.change_password(s, outcome.actor, made.one_time_password, "Wang-Grid-2026")
    with session_scope(roles["app"]) as s:
        assert sign_in(s, "王网格", "Wang-Grid-2026").actor is not None
        secret = new_secret()
        import pyotp

        two_factor.enrol(s, outcome.actor, secret, pyotp.TOTP(secret).now())
    other = new_secret()  # a second enrolment would replace the phone: an administrator's call
    with session_scope(roles["app"]) as s, pytest.raises(UserError, match="已启用两步验证"):
        two_factor.enrol(s, outcome.actor, other, pyotp.TOTP(other).now())


def test_a_forged_call_to_the_password_function_changes_nothing(roles) -> None:
    """What the terminal role can read (the hash, the proof) is not what the function asks for."""
    with session_scope(roles["admin"]) as s:
        accounts.create_account(s, ADMIN, "王网格", "supervisor")
    with roles["app"].connect() as conn:
        target = conn.execute(
            text("SELECT id, password_hash, password_proof FROM operator WHERE name = '管理员'")
        ).one()
    salt, digest = target.password_proof.split("$")
    for key in (bytes.fromhex(digest), bytes.fromhex(salt), target.password_hash.encode()):
        with pytest.raises(DBAPIError) as caught, roles["app"].begin() as conn:
            conn.execute(
                text("SELECT xinsheng_change_own_password(:i, :k, :h, :p)"),
                {"i": target.id, "k": key, "h": "$argon2id$v=19$forged", "p": "0" * 32 + "$" + "0" * 64},
            )
        assert getattr(caught.value.orig, "sqlstate", None) == "XS401"
    with roles["app"].connect() as conn:
        assert conn.execute(text("SELECT password_hash FROM operator WHERE name = '管理员'")).scalar_one() == (
            target.password_hash
        )
    with session_scope(roles["app"]) as s:
        assert sign_in(s, ADMIN.name, PASSWORD).actor is not None


def test_the_reporting_role_writes_nothing(roles) -> None:
    ref = _closed_request(roles["app"])
    with roles["read"].connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM request WHERE ref = :r"), {"r": ref}).scalar_one() == 1
    for sql in (
        "UPDATE request SET status = 'new'",
        "INSERT INTO auditevent (at, actor, role, action, detail) VALUES (now(), 'x', '', 'sign_in', '{}')",
        "UPDATE signinstate SET failed_sign_ins = 0",
        "UPDATE operator SET role = 'admin'",
    ):
        _refused(roles["read"], sql)


def test_the_owners_rewrite_shows_in_db_check_or_in_the_printed_head(roles) -> None:
    """The owner can lift the guards; what it then does is named by `db check`, and a rewrite that recomputes the
    whole chain still cannot reproduce the head a monthly report printed before it."""
    for _ in range(3):
        _closed_request(roles["app"])
    printed = chain_heads(roles["app"])
    owner = roles["owner"]
    with owner.begin() as conn:
        conn.execute(text("ALTER TABLE requestevent DISABLE TRIGGER requestevent_append_only"))
        conn.execute(text("DELETE FROM requestevent WHERE seq = 5"))
    failing = {c.name: c.examples for c in check_database(owner) if not c.ok}
    assert failing["只增不改的保护（触发器）齐全且启用"] == ["requestevent_append_only（已停用）"]
    assert "第 5 条" in failing["办理记录哈希链完整"][0]
    with owner.begin() as conn:  # the whole chain recomputed, the guard put back: db check is clean again …
        conn.execute(text("DELETE FROM chainhead WHERE name = 'requestevent'"))
        chain.chain_existing(conn, "requestevent")
        conn.execute(text("ALTER TABLE requestevent ENABLE TRIGGER requestevent_append_only"))
    assert all(c.ok for c in check_database(owner) if c.name != "诉求状态与最后一条改变状态的记录一致")
    assert chain_heads(owner)[0] != printed[0]  # … but the head on last month's paper no longer matches


def test_grant_script_refuses_names_that_are_not_plain_identifiers() -> None:
    with pytest.raises(UserError, match="不是可用的 PostgreSQL 名称"):
        grant_script("xinsheng", app="app; DROP TABLE request", admin="a", read="r")


def test_a_resident_is_erased_only_through_the_administrators_connection(roles) -> None:
    from models.privacy.residents import erase_resident

    ref = _closed_request(roles["app"])
    with pytest.raises(PermissionDenied), session_scope(roles["app"]) as s:
        erase_resident(s, ADMIN, "13912345678")
    with session_scope(roles["admin"]) as s:
        assert erase_resident(s, ADMIN, "139 1234 5678").requests == 1
    with session_scope(roles["app"]) as s:
        kept = s.exec(select(Request).where(Request.ref == ref)).one()
        assert kept.resident_phone is None and kept.resident_name is None and kept.satisfaction == "unsatisfied"


def test_a_terminal_records_an_opinions_answer_and_only_the_administrator_erases_its_contributor(roles) -> None:
    """The grants leave the answer to the terminals and the words to nobody: an outcome and a callback are recorded
    at a terminal; the erasure that takes a contributor out is the administrator's connection's, and a terminal
    trying it is one line with nothing changed."""
    from datetime import date

    from models.legislation.consultations import create_consultation
    from models.legislation.drafts import split_draft
    from models.legislation.opinions import add_opinion, record_callback, record_outcome
    from models.privacy.residents import erase_resident
    from models.store.tables import Opinion

    today = now().date()
    with session_scope(roles["app"]) as s:
        draft = split_draft("某市社区服务条例（草案）\n第一条 楼道内设置座椅。\n")
        consultation = create_consultation(s, ADMIN, draft, opens_on=date(today.year, 1, 1))
        opinion = add_opinion(s, WORKER, consultation.id or 0, "座椅要防火，电话13700001111", phone="13700001111")
        record_outcome(s, ADMIN, opinion.id or 0, "采纳", note="已采纳")
        record_callback(s, WORKER, opinion.id or 0)
    with pytest.raises(PermissionDenied) as caught, session_scope(roles["app"]) as s:
        erase_resident(s, ADMIN, "13700001111")
    assert "权限不足" in str(caught.value) and "\n" not in str(caught.value) and "13700001111" not in str(caught.value)
    with session_scope(roles["admin"]) as s:
        assert erase_resident(s, ADMIN, "13700001111").opinions == 1
    with session_scope(roles["read"]) as s:
        kept = s.get(Opinion, opinion.id)
        assert kept is not None and kept.contributor_phone is None and kept.text == "座椅要防火，电话〔已删除〕"
        assert kept.outcome == "adopted" and kept.informed_at is not None
