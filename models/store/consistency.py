"""`xinsheng db check`: is the database whole, and do the requests and tasks agree with their own event trails?

Each check is one SQL query and reports how many rows break it, with a few examples, so the same checks can run
after a crash, after a restore, or on demand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from models.store import chain


@dataclass(frozen=True)
class Check:
    name: str
    problems: int
    examples: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.problems == 0


# (name, SQL returning one row per problem, its first column an example to show)
RECONCILIATION = [
    (
        "每条诉求都有登记或导入记录",
        "SELECT r.ref FROM request r WHERE NOT EXISTS (SELECT 1 FROM requestevent e "
        "WHERE e.request_id = r.id AND e.action IN ('create', 'import'))",
    ),
    (
        "诉求状态与最后一条改变状态的记录一致",
        "SELECT r.ref FROM request r JOIN requestevent e ON e.id = (SELECT max(e2.id) FROM requestevent e2 "
        "WHERE e2.request_id = r.id AND e2.to_status IS NOT NULL) WHERE e.to_status <> r.status",
    ),
    (
        "办理记录都指向存在的诉求",
        "SELECT CAST(e.id AS VARCHAR(20)) FROM requestevent e LEFT JOIN request r ON r.id = e.request_id "
        "WHERE r.id IS NULL",
    ),
    (
        "合并的诉求指向存在的主诉求",
        "SELECT r.ref FROM request r LEFT JOIN request m ON m.id = r.duplicate_of "
        "WHERE r.status = 'merged' AND m.id IS NULL",
    ),
    ("诉求编号不重复", "SELECT ref FROM request GROUP BY ref HAVING count(*) > 1"),
    (
        "退单次数与退单记录一致",
        "SELECT r.ref FROM request r WHERE r.return_count <> (SELECT count(*) FROM requestevent e "
        "WHERE e.request_id = r.id AND e.action = 'return')",
    ),
    (
        "重办次数与重办记录一致",
        # a 重办 is asked for (reopen) or follows an unsatisfied callback: either way its event enters 'reopened'
        "SELECT r.ref FROM request r WHERE r.reopen_count <> (SELECT count(*) FROM requestevent e "
        "WHERE e.request_id = r.id AND e.action IN ('reopen', 'callback') AND e.to_status = 'reopened')",
    ),
    (
        # refs are XS-YYYY-NNNNNN, handed out by the year's counter with no gap: a removed request leaves one
        "诉求编号计数器与编号一致（无缺号）",
        "SELECT CAST(y.year AS VARCHAR(8)) FROM (SELECT CAST(substr(ref, 4, 4) AS INTEGER) AS year, "
        "count(*) AS refs, max(CAST(substr(ref, 9) AS INTEGER)) AS highest FROM request WHERE ref LIKE 'XS-%' "
        "GROUP BY substr(ref, 4, 4)) y LEFT JOIN refcounter c ON c.year = y.year "
        "WHERE c.year IS NULL OR c.last <> y.highest OR y.refs <> y.highest",
    ),
]

# the guards the trails rely on, by name: present and enabled (migrations 0010, 0012 and 0014)
SQLITE_TRIGGERS = {f"{t}_append_only_{verb}" for t in chain.tables() for verb in ("update", "delete")}
POSTGRES_TRIGGERS = {f"{t}_{kind}" for t in chain.tables() for kind in ("append_only", "no_truncate", "chain")}


def check_database(engine: Engine, examples: int = 5) -> list[Check]:
    results: list[Check] = []
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            integrity = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check").all()]
            bad = [line for line in integrity if line != "ok"]
            results.append(Check("SQLite 完整性检查（integrity_check）", len(bad), bad[:examples]))
            keys = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            results.append(
                Check("外键（foreign_key_check）", len(keys), [f"{t} 行 {rowid}" for t, rowid, *_ in keys[:examples]])
            )
        checks = [*RECONCILIATION, *_outcome_checks(engine.dialect.name), *_task_checks(engine.dialect.name)]
        for name, sql in checks:
            rows = conn.execute(text(sql)).all()
            results.append(Check(name, len(rows), [str(row[0]) for row in rows[:examples]]))
        missing = missing_guards(conn)
        results.append(Check("只增不改的保护（触发器）齐全且启用", len(missing), missing[:examples]))
        for table in chain.tables():
            _, broken = chain.verify(conn, table)
            results.append(
                Check(f"{TRAIL_NAMES[table]}哈希链完整", int(broken is not None), [str(broken)] if broken else [])
            )
    return results


def _task_checks(dialect: str) -> list[tuple[str, str]]:
    """The door's record against its trail: a task rewritten in its row alone (admitted on paper) no longer matches
    the last event that decided it."""
    said = "CAST(e.data AS json) ->> 'admission'" if dialect == "postgresql" else "json_extract(e.data, '$.admission')"
    decided = (
        "e.id = (SELECT max(e2.id) FROM taskevent e2 WHERE e2.task_id = t.id "
        "AND e2.action IN ('register', 'import', 'admit', 'refuse'))"
    )
    return [
        (
            "每件下派任务都有登记或导入记录",
            "SELECT t.ref FROM task t WHERE NOT EXISTS (SELECT 1 FROM taskevent e "
            "WHERE e.task_id = t.id AND e.action IN ('register', 'import'))",
        ),
        (
            "任务状态与最后一条准入记录一致",
            "SELECT t.ref FROM task t JOIN taskevent e ON e.id = (SELECT max(e2.id) FROM taskevent e2 "
            "WHERE e2.task_id = t.id) WHERE e.to_status <> t.status",
        ),
        (
            "任务的准入决定与作出它的记录一致",
            f"SELECT t.ref FROM task t JOIN taskevent e ON {decided} WHERE t.admission <> CASE e.action "
            f"WHEN 'admit' THEN 'admitted' WHEN 'refuse' THEN 'refused' ELSE COALESCE({said}, '') END",
        ),
    ]


def _outcome_checks(dialect: str) -> list[tuple[str, str]]:
    """The figures a rate rests on, against the event that set them: a satisfaction or an outcome rewritten in the
    request row alone (as a terminal's database account could) no longer matches its trail."""
    said = (
        "CAST(e.data AS json) ->> 'satisfaction'"
        if dialect == "postgresql"
        else "json_extract(e.data, '$.satisfaction')"
    )
    last = "e.id = (SELECT max(e2.id) FROM requestevent e2 WHERE e2.request_id = r.id AND e2.action = '{}')"
    return [
        (
            "满意度与最后一次回访记录一致",
            f"SELECT r.ref FROM request r JOIN requestevent e ON {last.format('callback')} "
            f"WHERE COALESCE(r.satisfaction, '') <> COALESCE({said}, '')",
        ),
        (
            # a privacy erasure scrubs the outcome's wording (models.privacy) and says so in the trail
            "办理结果与最后一次办结记录一致",
            f"SELECT r.ref FROM request r JOIN requestevent e ON {last.format('resolve')} "
            "WHERE r.resolution <> e.note AND NOT EXISTS (SELECT 1 FROM requestevent x "
            "WHERE x.request_id = r.id AND x.action = 'erase')",
        ),
    ]


TRAIL_NAMES = {"requestevent": "办理记录", "auditevent": "安全审计", "taskevent": "准入记录"}


def missing_guards(conn: Connection) -> list[str]:
    """The append-only and chain triggers that are absent or disabled, by name."""
    if conn.dialect.name == "sqlite":
        present = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        return sorted(SQLITE_TRIGGERS - present)
    rows = conn.execute(
        text(
            "SELECT t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal"
        )
    ).all()
    enabled = {name for name, state in rows if state in ("O", "A")}
    disabled = {name for name, state in rows if state not in ("O", "A")}
    return sorted((POSTGRES_TRIGGERS - enabled - disabled) | {f"{n}（已停用）" for n in POSTGRES_TRIGGERS & disabled})


def chain_heads(bind: Engine | Connection) -> list[str]:
    """Where each trail ends now, one line each: printed by `db check` and on every monthly report, so a page
    on paper pins the history up to that day (a later rewrite cannot produce the same short hash)."""
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            return chain_heads(conn)
    return [f"{TRAIL_NAMES[head.table]}链头：{head.seq:,} 条 · {head.short}" for head in chain.heads(bind)]
