"""`xinsheng db check`: is the database whole, and do the requests agree with their own event trail?

Each check is one SQL query and reports how many rows break it, with a few examples, so the same checks can run
after a crash, after a restore, or on demand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Engine


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
]


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
        for name, sql in RECONCILIATION:
            rows = conn.execute(text(sql)).all()
            results.append(Check(name, len(rows), [str(row[0]) for row in rows[:examples]]))
    return results
