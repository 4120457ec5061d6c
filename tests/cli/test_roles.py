"""Every command × every role (issue 14): a command runs as the operator signed in with `xinsheng login`, and a role
without the privilege is refused with exit 2 and one line (`… 不能 …`), having changed nothing.

One database is built per module (per xdist worker); each case works on its own copy of the file, so a case that
changes something (a password, a role, a restore) never shows in the next one. Sessions belong to a database path:
each case signs in on its copy.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select
from typer.testing import CliRunner, Result

from commands.main import app
from models.core.clock import now
from models.core.vocabulary import ROLE_LABELS
from models.people.areas import find_area
from models.people.permissions import Actor
from models.requests.intake import log_request
from models.store.engine import forget_engine, open_engine, session_scope
from models.store.tables import AuditEvent, MatchExample, Operator, SignInSession
from tests.accounts import PASSWORD, cli_first_admin, cli_login, register
from tests.conftest import CATALOG_CSV, migrated_sqlite

runner = CliRunner()

ROLES = ("grid_worker", "community", "department", "supervisor", "admin")
SIGNED_IN_AS = {
    "grid_worker": "史婷",
    "community": "韩社区",
    "department": "水务承办",
    "supervisor": "秦主任",
    "admin": "管理员",
}
EVERYONE = frozenset(ROLES)
ADMIN = frozenset({"admin"})
OVERSIGHT = frozenset({"supervisor", "admin"})
IMPORTERS = frozenset({"community", "supervisor", "admin"})
CONTACT_POINT = frozenset({"grid_worker", "community", "supervisor", "admin"})  # who records opinions, tells people

HISTORY = (
    "工单编号,诉求标题,诉求内容,来电人,联系电话,受理时间,承办单位,办理状态\n"
    "R-1,楼上水管爆了,卫生间往下滴水,王芳,13812345678,2026-03-02 09:30,区水务局,已办结\n"
    "R-2,楼道路灯不亮,三单元楼道灯坏了,李强,13900001111,2026-03-05 10:00,,\n"
    "R-3,晚上广场舞太吵,,赵六,13512345678,2026-03-09 20:00,,\n"
)
MORE = "工单编号,诉求标题,受理时间\nN-1,小区门口乱停车,2026-03-12 08:00\nN-2,路灯不亮,2026-03-13 19:00\n"
NEW_PASSWORD = "Neu-2026pass!"
# tasks pushed down (the admission door): two off-list, one an own duty; the second is under review in the base
TASKS = (
    "文号,任务标题,下派部门,收到日期,完成期限,预计工时,下派对象\n"
    "水发〔2026〕11号,关于报送辖区企业安全生产台账的通知,区水务局,2026-03-02,2026-06-30,8,槐安里社区/第1网格\n"
    "水发〔2026〕12号,关于报送燃气安全隐患排查台账的通知,区水务局,2026-03-03,2026-06-30,6,槐安里社区/第1网格\n"
    "城办〔2026〕3号,组织老旧小区加装电梯意见征集,街道城市管理办公室,2026-03-04,2026-05-30,20,槐安里社区\n"
)
MORE_TASKS = (
    "文号,任务标题,下派部门,收到日期,下派对象\n水发〔2026〕20号,报送节水宣传照片,区水务局,2026-03-20,槐安里社区\n"
)
# two opinions on the consultation: the first with its outcome recorded and its contributor not yet told, the second
# still waiting for its outcome
OPINIONS = (
    "意见内容,针对条款,提出人类型,征集渠道,提出日期,姓名,联系电话\n"
    "楼道里放几把折叠椅,第六条,居民,座谈会,2026-03-05,赵大妈,13700002222\n"
    "楼梯扶手太矮，老人扶着不得劲,第六条,居民,走访,2026-03-06,,\n"
)


@dataclass(frozen=True)
class Base:
    db: Path
    folder: Path
    example_id: int


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[Base]:
    """Catalog, street/community/grid, a department, one operator per role, a few requests and a backup."""
    folder = tmp_path_factory.mktemp("roles")
    with pytest.MonkeyPatch.context() as mp:  # built before conftest._isolated_env: keep the session out of ~/.config
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            mp.setenv(name, str(folder / name.lower()))
        mp.delenv("XINSHENG_DB", raising=False)
        db = migrated_sqlite(sqlite_template, folder / "roles.db")
        cli_first_admin(str(db), SIGNED_IN_AS["admin"])
        (folder / "catalog.csv").write_text(CATALOG_CSV, encoding="utf-8")
        (folder / "history.csv").write_text(HISTORY, encoding="utf-8")
        (folder / "more.csv").write_text(MORE, encoding="utf-8")
        (folder / "tasks.csv").write_text(TASKS, encoding="utf-8")
        (folder / "more_tasks.csv").write_text(MORE_TASKS, encoding="utf-8")
        (folder / "opinions.csv").write_text(OPINIONS, encoding="utf-8")
        draft = Path(__file__).resolve().parents[1] / "data" / "draft_with_chapters.txt"
        (folder / "draft.txt").write_text(draft.read_text(encoding="utf-8"), encoding="utf-8")
        for args in (
            ("catalog", "import", str(folder / "catalog.csv")),
            ("areas", "add", "槐安街道", "槐安里社区", "第1网格"),
            ("requests", "import", str(folder / "history.csv")),
            ("tasks", "import", str(folder / "tasks.csv")),
            ("tasks", "apply", "RW-2026-00002", "--on", "2026-03-05"),
            # open for a year from whenever the suite runs: a fixed closing date would refuse the draft once passed
            (
                "consult",
                "new",
                "--file",
                str(folder / "draft.txt"),
                "--opens",
                "2026-03-01",
                "--closes",
                f"{now() + timedelta(days=365):%Y-%m-%d}",
            ),
            ("consult", "import-opinions", "1", str(folder / "opinions.csv")),
            ("consult", "adopt", "1", "--outcome", "采纳", "--note", "已报送"),
        ):
            done = runner.invoke(app, ["--db", str(db), *args])
            assert done.exit_code == 0, (args, done.output)
        engine = open_engine(db)
        register(engine, SIGNED_IN_AS["grid_worker"], "grid_worker", area="第1网格")
        register(engine, SIGNED_IN_AS["community"], "community", area="槐安里社区")
        register(engine, SIGNED_IN_AS["department"], "department", department="区水务局")
        register(engine, SIGNED_IN_AS["supervisor"], "supervisor")
        register(engine, "目标人", "grid_worker", area="第1网格")  # whom the account commands act on
        register(engine, "已离职", "grid_worker", area="第1网格")
        with session_scope(engine) as session:
            session.exec(select(Operator).where(Operator.name == "已离职")).one().active = False
            # two-factor on, so that taking it off (a lost phone) has something to take
            session.exec(select(Operator).where(Operator.name == "目标人")).one().totp_secret = "JBSWY3DPEHPK3PXP"
            example_id = session.exec(select(MatchExample.id)).first()
            # a 立法意见 logged in the grid, for `consult attach`
            grid = find_area(session, "第1网格", "grid").id
            log_request(
                session, Actor(SIGNED_IN_AS["admin"], "admin"), title="对社区服务促进法草案的意见",
                text="楼道里的折叠座椅谁来维护，第六条要写清楚", kind="legislative_opinion", area_id=grid,
            )  # fmt: skip
        assert example_id is not None
        done = runner.invoke(app, ["--db", str(db), "db", "backup", str(folder / "backup.db")])
        assert done.exit_code == 0, done.output
        runner.invoke(app, ["--db", str(db), "logout"])
        forget_engine(db)
        with sqlite3.connect(db) as conn:  # everything into the main file, so a plain copy is the whole database
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    yield Base(db, folder, example_id)


@pytest.fixture
def case_db(base: Base, tmp_path: Path) -> Path:
    """This test's own copy of the module's database (not signed in: a session belongs to a database path)."""
    path = tmp_path / "case.db"
    shutil.copyfile(base.db, path)
    return path


def run(db: Path, *args: str, stdin: str | None = None) -> Result:
    return runner.invoke(app, ["--db", str(db), *args], input=stdin)


def sign_in_first(db: Path) -> str:
    """The refusal without a session: it names the login for this database, --db and all."""
    return f"错误：请先登录：xinsheng --db {db} login\n"


def audit_actions(db: Path) -> list[tuple[str | None, str]]:
    with session_scope(open_engine(db)) as session:
        rows = session.exec(select(AuditEvent.actor, AuditEvent.action).order_by(col(AuditEvent.id))).all()
    return [(actor, action) for actor, action in rows]


# (case id, arguments, roles allowed, standard input, a word the output shows when allowed)
CASES: list[tuple[str, tuple[str, ...], frozenset[str], str | None, str]] = [
    ("operators list", ("operators", "list"), ADMIN, None, "目标人"),
    ("operators add", ("operators", "add", "新同事", "--role", "grid_worker", "--area", "第1网格"), ADMIN, None,
     "一次性密码"),
    ("operators reset-password", ("operators", "reset-password", "目标人"), ADMIN, None, "一次性密码"),
    ("operators role", ("operators", "role", "目标人", "--role", "community", "--area", "槐安里社区"), ADMIN, None,
     "社区"),
    ("operators disable", ("operators", "disable", "目标人"), ADMIN, None, "已停用"),
    ("operators enable", ("operators", "enable", "已离职"), ADMIN, None, "已启用"),
    ("operators unlock", ("operators", "unlock", "目标人"), ADMIN, None, "已解锁"),
    ("operators two-factor-off", ("operators", "two-factor-off", "目标人"), ADMIN, None, "两步验证"),
    ("areas add", ("areas", "add", "槐安街道", "槐安里社区", "第2网格"), ADMIN, None, "第2网格"),
    ("areas list", ("areas", "list"), EVERYONE, None, "第1网格"),
    ("settings show", ("settings", "show"), EVERYONE, None, "综合得分"),
    ("settings weights", ("settings", "weights", "--composite", "response=0.2,resolution=0.4,satisfaction=0.4"),
     ADMIN, None, "0.2×response"),
    ("settings security show", ("settings", "security"), EVERYONE, None, "密码最短 8 个字符"),
    ("settings security change", ("settings", "security", "--min-length", "12"), ADMIN, None, "密码最短 12 个字符"),
    ("settings routing show", ("settings", "routing"), EVERYONE, None, "登记时预选部门：关闭"),
    ("settings routing change", ("settings", "routing", "--preselect", "0.9"), ADMIN, None, "把握 ≥ 0.9"),
    ("deadlines list", ("deadlines", "list"), EVERYONE, None, "工作日"),
    ("deadlines set", ("deadlines", "set", "--scope", "urgency", "--urgency", "urgent", "--completion", "2"), ADMIN,
     None, "已设置"),
    ("catalog import", ("catalog", "import", "{folder}/catalog.csv"), ADMIN, None, "未变 10"),
    ("catalog examples", ("catalog", "examples"), OVERSIGHT, None, "已确认派单样例"),
    ("catalog examples --remove", ("catalog", "examples", "--remove", "{example}"), ADMIN, None, "已删除样例"),
    ("requests import", ("requests", "import", "{folder}/more.csv"), IMPORTERS, None, "新增 2"),
    ("stats", ("stats", "--period", "2026-03"), OVERSIGHT | {"department"}, None, "解决率"),
    ("stats --json", ("stats", "--json"), OVERSIGHT, None, "freed_time_ledger"),
    ("report", ("report", "--period", "2026-03", "-f", "md", "-o", "-"), OVERSIGHT, None, "接诉即办月报"),
    ("export requests", ("export", "requests"), OVERSIGHT, None, "138****5678"),
    ("export requests --include-personal-data", ("export", "requests", "--include-personal-data"), OVERSIGHT, None,
     "13812345678"),
    ("escalate", ("escalate", "--dry-run"), OVERSIGHT, None, "超期督办"),
    ("tasks import", ("tasks", "import", "{folder}/more_tasks.csv"), IMPORTERS, None, "新增 1"),
    ("tasks list", ("tasks", "list"), EVERYONE, None, "RW-2026-00001"),
    ("tasks apply", ("tasks", "apply", "RW-2026-00001"), OVERSIGHT | {"department"}, None, "已提交准入申请"),
    ("tasks decide --refuse", ("tasks", "decide", "RW-2026-00001", "--refuse", "--reason", "清单外，社区有权拒绝"),
     IMPORTERS, None, "已拒收"),
    ("tasks decide --admit", ("tasks", "decide", "RW-2026-00002", "--admit", "--reason", "部门派员协助"), OVERSIGHT,
     None, "已准予准入"),
    ("tasks revoke", ("tasks", "revoke", "RW-2026-00003", "--reason", "清单修订"), OVERSIGHT, None, "已撤销准入"),
    ("settings admission show", ("settings", "admission"), EVERYONE, None, "30 个工作日"),
    ("settings admission --return-review", ("settings", "admission", "--return-review", "5"), ADMIN, None,
     "退单后 5 个工作日内"),
    ("catalog proposals", ("catalog", "proposals"), OVERSIGHT, None, "清单调整建议"),
    ("consult new", ("consult", "new", "--file", "{folder}/draft.txt"), OVERSIGHT, None, "2"),
    ("consult list", ("consult", "list"), EVERYONE, None, "社区服务促进法"),
    ("consult show", ("consult", "show", "1"), EVERYONE, None, "第六条"),
    ("consult callbacks", ("consult", "callbacks"), CONTACT_POINT, None, "赵**  137****2222"),
    ("consult inform", ("consult", "inform", "1"), CONTACT_POINT, None, "意见 #1：已告知提出人"),
    ("consult import-opinions", ("consult", "import-opinions", "1", "{folder}/opinions.csv"), CONTACT_POINT, None,
     "已存在 2"),
    ("consult adopt", ("consult", "adopt", "2", "--outcome", "部分采纳", "--final-text", "第六条增加扶手高度要求"),
     OVERSIGHT, None, "意见 #2：部分采纳"),
    ("consult export", ("consult", "export", "1", "-f", "md", "-o", "{tmp}/意见.md"), OVERSIGHT, None, "已导出"),
    ("consult attach", ("consult", "attach", "1", "XS-{year}-000004"), CONTACT_POINT, None, "→ 意见 #3"),
    ("catalog proposals xlsx", ("catalog", "proposals", "-f", "xlsx", "-o", "{tmp}/建议.xlsx"), OVERSIGHT, None,
     "已写出"),
    ("settings admission change", ("settings", "admission", "--decide", "10"), ADMIN, None, "10 个工作日内决定"),
    ("db backup", ("db", "backup", "{tmp}/copy-of-it.db"), ADMIN, None, "已备份"),
    ("db check", ("db", "check"), ADMIN, None, "✔"),
    ("db restore", ("db", "restore", "{folder}/backup.db"), ADMIN, None, "已从"),
    ("audit list", ("audit", "list"), ADMIN, None, "登录"),
    ("privacy export", ("privacy", "export", "--phone", "138 1234 5678"), ADMIN, None, "王芳"),
    ("privacy erase", ("privacy", "erase", "--phone", "+86 139-0000-1111", "--yes"), ADMIN, None, "已删除"),
    ("privacy purge", ("privacy", "purge", "--dry-run"), ADMIN, None, "试运行"),
    ("passwd", ("passwd", "--password-stdin"), EVERYONE, f"{PASSWORD}\n{NEW_PASSWORD}\n", "密码已修改"),
    ("logout", ("logout",), EVERYONE, None, "已退出登录"),
]  # fmt: skip
CASE_IDS = [case[0] for case in CASES]
assert len(set(CASE_IDS)) == len(CASE_IDS)


def _arguments(args: tuple[str, ...], base: Base, tmp_path: Path) -> list[str]:
    return [a.format(folder=base.folder, example=base.example_id, tmp=tmp_path, year=now().year) for a in args]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "args", "allowed", "stdin", "shows"), CASES, ids=CASE_IDS)
def test_each_command_for_each_role(
    base: Base,
    case_db: Path,
    tmp_path: Path,
    role: str,
    name: str,
    args: tuple[str, ...],
    allowed: frozenset[str],
    stdin: str | None,
    shows: str,
) -> None:
    cli_login(str(case_db), SIGNED_IN_AS[role])
    before = audit_actions(case_db)
    result = run(case_db, *_arguments(args, base, tmp_path), stdin=stdin)
    if role in allowed:
        assert result.exit_code == 0, (name, role, result.output)
        assert shows in result.output, (name, role, result.output)
        return
    assert result.exit_code == 2, (name, role, result.output)
    lines = result.stderr.strip().splitlines()
    refusal = f"错误：{ROLE_LABELS[role]}不能"
    assert len(lines) == 1 and lines[0].startswith(refusal), (name, role, result.output)
    assert result.stdout == ""
    assert audit_actions(case_db) == before  # refused before anything was done, so nothing to record


@pytest.mark.parametrize(("name", "args", "allowed", "stdin", "shows"), [c for c in CASES if c[0] != "logout"],
                         ids=[i for i in CASE_IDS if i != "logout"])  # fmt: skip
def test_without_a_session_and_a_terminal_nothing_runs(
    base: Base,
    case_db: Path,
    tmp_path: Path,
    name: str,
    args: tuple[str, ...],
    allowed: frozenset[str],
    stdin: str | None,
    shows: str,
) -> None:
    before = audit_actions(case_db)
    result = run(case_db, *_arguments(args, base, tmp_path), stdin=stdin)
    assert result.exit_code == 2 and result.stderr == sign_in_first(case_db), (name, result.output)
    assert result.stdout == "" and audit_actions(case_db) == before
    assert not (tmp_path / "copy-of-it.db").exists()


def test_a_password_cannot_be_given_as_an_argument(case_db: Path) -> None:
    """Arguments end up in the shell history and in `ps`: there is no --password, only --password-stdin."""
    before = audit_actions(case_db)
    for args in (["login", "--operator", "管理员", "--password", PASSWORD], [f"--password={PASSWORD}", "login"]):
        done = subprocess.run([sys.executable, "-m", "commands.main", "--db", str(case_db), *args],
                              capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)  # fmt: skip
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 2 and len(lines) == 1 and "没有选项 --password" in lines[0], done.stderr
        assert done.stdout == ""
    assert audit_actions(case_db) == before  # not even tried


def test_refused_sign_ins_say_the_same_one_line_and_are_audited(case_db: Path) -> None:
    attempts = {
        "wrong password": ("管理员", "Wrong-2026pw"),
        "unknown name": ("路人甲", PASSWORD),
        "disabled account": ("已离职", PASSWORD),
    }
    messages = set()
    for why, (name, password) in attempts.items():
        done = run(case_db, "login", "--operator", name, "--password-stdin", stdin=password + "\n")
        assert done.exit_code == 2 and done.stdout == "", (why, done.output)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, (why, done.stderr)
        messages.add(lines[0])
    (message,) = messages  # one line for all three: it tells nobody which names exist or why
    assert "已离职" not in message and "路人甲" not in message and "Wrong" not in message
    assert run(case_db, "stats").stderr == sign_in_first(case_db)  # a refused sign-in keeps no session
    cli_login(str(case_db), "管理员")
    listing = run(case_db, "audit", "list", "--action", "sign_in_failed")
    assert listing.exit_code == 0, listing.output
    failed = [line for line in listing.stdout.splitlines() if "登录失败" in line]
    assert len(failed) == 3, listing.stdout
    assert "Wrong-2026pw" not in listing.stdout  # whatever was typed, a password is never recorded


def test_a_personal_data_export_is_audited_before_the_data_is_written(
    case_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import models.files.export as export_module

    cli_login(str(case_db), SIGNED_IN_AS["supervisor"])
    seen_before_writing: list[list[tuple[str | None, str]]] = []

    def failing_writer(records, out) -> int:  # the disk fills up as the first row is written
        seen_before_writing.append(audit_actions(case_db))  # another connection: the row is committed already
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_module, "write_csv", failing_writer)
    out = tmp_path / "personal.csv"
    failed = run(case_db, "export", "requests", "--include-personal-data", "-o", str(out))
    assert failed.exit_code == 1 and len(failed.stderr.strip().splitlines()) == 1, failed.output
    assert not out.exists() and not list(tmp_path.glob("*.partial")) and not list(tmp_path.glob(".*.partial"))
    assert seen_before_writing and seen_before_writing[0][-1] == ("秦主任", "export_personal_data")
    assert audit_actions(case_db)[-1] == ("秦主任", "export_personal_data")  # it stays: the attempt is on record


def test_after_logout_a_command_asks_to_sign_in(case_db: Path) -> None:
    cli_login(str(case_db), SIGNED_IN_AS["supervisor"])
    assert run(case_db, "stats").exit_code == 0
    out = run(case_db, "logout")
    assert out.exit_code == 0 and "已退出登录：秦主任" in out.stdout
    after = run(case_db, "stats")
    assert after.exit_code == 2 and after.stderr == sign_in_first(case_db) and after.stdout == ""
    assert ("秦主任", "sign_out") in audit_actions(case_db) or (None, "sign_out") in audit_actions(case_db)


def test_an_idle_session_expires(case_db: Path) -> None:
    cli_login(str(case_db), SIGNED_IN_AS["supervisor"])
    assert run(case_db, "stats").exit_code == 0
    with session_scope(open_engine(case_db)) as session:  # nine hours idle; the default limit is eight
        for kept in session.exec(select(SignInSession).where(col(SignInSession.ended_at).is_(None))):
            kept.last_used_at = now() - timedelta(hours=9)
    expired = run(case_db, "stats")
    assert expired.exit_code == 2 and expired.stdout == ""
    lines = expired.stderr.strip().splitlines()
    assert len(lines) == 1 and "登录已失效" in lines[0], expired.stderr
    assert run(case_db, "stats").exit_code == 2  # and it stays ended
    cli_login(str(case_db), SIGNED_IN_AS["supervisor"])
    assert run(case_db, "stats").exit_code == 0


def test_the_session_file_is_private(case_db: Path) -> None:
    cli_login(str(case_db), SIGNED_IN_AS["grid_worker"])
    (path,) = Path(os.environ["XDG_CONFIG_HOME"]).rglob("sessions.json")
    assert path.stat().st_mode & 0o077 == 0 and PASSWORD not in path.read_text(encoding="utf-8")


def test_a_department_handler_sees_only_its_own_units_figures(case_db: Path) -> None:
    """R-1 was handled by 区水务局; R-2, R-3 and the 立法意见 were never dispatched: the unit's figures hold R-1."""
    cli_login(str(case_db), SIGNED_IN_AS["supervisor"])
    street = run(case_db, "stats")
    assert "诉求总数 4" in street.stdout and "范围" not in street.stdout
    cli_login(str(case_db), SIGNED_IN_AS["department"])
    unit = run(case_db, "stats")
    assert unit.exit_code == 0, unit.output
    assert "范围：区水务局" in unit.stdout and "诉求总数 1" in unit.stdout
