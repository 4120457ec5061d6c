"""The hash chains over the append-only trails: `requestevent`, `auditevent` and `taskevent` (the door's).

Append-only triggers stop an UPDATE or a DELETE, but not someone who can drop them, nor a crafted backup. Each
row therefore carries `seq` (its place in its trail, 1, 2, 3, … with no gap) and `hash`, the SHA-256 of the previous
row's hash and this row's canonical content. Rewriting, removing or inserting a row anywhere breaks every hash
after it, unless all of them are recomputed: that is what the head (the last seq and hash, printed by `db check`
and by each monthly report) pins on paper, outside the database.

Who computes the link: on PostgreSQL a trigger does, as the table owner, with the server's clock, so the terminal
role chooses neither the hash nor the time (migration 0012). On SQLite, which has one writer at a time, `append`
below does, holding the write lock from reading the head to writing it back. Both produce the same canonical text,
so `verify` reads either database the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.engine import Connection, RowMapping
from sqlmodel import Session

from models.store.tables import AuditEvent, RequestEvent, TaskEvent

GENESIS = "0" * 64  # the hash before the first row
# the columns each trail's hash covers, in order (seq first, then these); the id is left out: on PostgreSQL the
# sequence hands ids out before the chain's lock orders the rows, so seq is the order
FIELDS: dict[str, tuple[str, ...]] = {
    "requestevent": (
        "request_id", "at", "actor", "action", "department_id", "from_status", "to_status", "note", "data",
    ),
    "auditevent": ("at", "actor", "role", "action", "detail"),
    "taskevent": ("task_id", "at", "actor", "action", "from_status", "to_status", "note", "data"),
}  # fmt: skip
MODELS: dict[str, type[RequestEvent] | type[AuditEvent] | type[TaskEvent]] = {
    "requestevent": RequestEvent, "auditevent": AuditEvent, "taskevent": TaskEvent,
}  # fmt: skip
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # to the second: PostgreSQL's to_char(at, 'YYYY-MM-DD HH24:MI:SS')


def _field(value: Any) -> str:
    """One value as length:text, NULL as '-': no text can pass for two fields or for a NULL."""
    if value is None:
        return "-"
    if isinstance(value, datetime):
        value = value.strftime(TIME_FORMAT)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    value = str(value)
    return f"{len(value)}:{value}"


def canonical(table: str, seq: int, row: Mapping[Any, Any]) -> str:
    return f"{seq}|{_body(table, row)}"


def _body(table: str, row: Mapping[Any, Any]) -> str:
    """The canonical text after the seq: what the row says, whatever its place."""
    return "|".join(_field(_time(row[name]) if name == "at" else row[name]) for name in FIELDS[table])


def sha256_hex(text: str) -> str:
    """The link function, also registered on every SQLite connection as xinsheng_sha256 (store.engine)."""
    return hashlib.sha256(text.encode()).hexdigest()


def _time(value: Any) -> Any:
    """SQLite hands a time read through plain SQL back as its stored text ('2026-12-01 09:30:00.000000')."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def link(previous: str, table: str, seq: int, row: Mapping[Any, Any]) -> str:
    return sha256_hex(f"{previous}\n{canonical(table, seq, row)}")


def append(session: Session, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """The one way events are written: add `rows` (column values without seq and hash) to the end of a trail."""
    if not rows:
        return
    model = MODELS[table]
    for row in rows:
        row["at"] = row["at"].replace(microsecond=0)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(insert(model), list(rows))  # the trigger numbers and links each row, and sets its time
        return
    if len(rows) == 1:  # a terminal's one event: numbered and linked by the UPDATE that moves the head
        (row,) = rows
        row["seq"], row["hash"] = session.execute(
            text(
                "UPDATE chainhead SET seq = seq + 1, "
                "hash = xinsheng_sha256(hash || char(10) || (seq + 1) || '|' || :b) WHERE name = :t RETURNING seq, hash"
            ),
            {"b": _body(table, row), "t": table},
        ).one()
        session.execute(insert(model).execution_options(render_nulls=True), [row])
        return
    # the UPDATE takes SQLite's write lock before the head is read, and it is held until the caller commits
    last, previous = session.execute(
        text("UPDATE chainhead SET seq = seq + :n WHERE name = :t RETURNING seq, hash"), {"n": len(rows), "t": table}
    ).one()
    seq = last - len(rows)
    for row in rows:
        seq += 1
        row["seq"] = seq
        row["hash"] = previous = link(previous, table, seq, row)
    session.execute(insert(model).execution_options(render_nulls=True), list(rows))
    session.execute(text("UPDATE chainhead SET hash = :h WHERE name = :t"), {"h": previous, "t": table})


@dataclass(frozen=True)
class Head:
    """Where a trail ends: its row count and last hash, short enough to print on a report."""

    table: str
    seq: int
    hash: str

    @property
    def short(self) -> str:
        return self.hash[:12]

    def __str__(self) -> str:
        return f"{self.table} {self.seq:,} 条 · {self.short}"


def heads(conn: Connection) -> list[Head]:
    """Every trail's head, in the order of FIELDS (the requests' trail first)."""
    found = {t: Head(t, int(s), h) for t, s, h in conn.execute(text("SELECT name, seq, hash FROM chainhead"))}
    return [found[t] for t in FIELDS if t in found] + [h for t, h in sorted(found.items()) if t not in FIELDS]


@dataclass(frozen=True)
class Break:
    """The first row where a trail stops agreeing with itself."""

    table: str
    seq: int | None
    row_id: int | None
    reason: str

    def __str__(self) -> str:
        where = f"第 {self.seq} 条" if self.seq is not None else "无序号的行"
        return f"{self.table} {where}（id {self.row_id}）：{self.reason}"


def _rows(conn: Connection, table: str, batch: int = 5000) -> Iterator[RowMapping]:
    columns = ", ".join(("id", "seq", "hash", *FIELDS[table]))
    result = conn.execution_options(stream_results=True, yield_per=batch).execute(
        text(f"SELECT {columns} FROM {table} ORDER BY seq, id")
    )
    yield from result.mappings()


def verify(conn: Connection, table: str) -> tuple[int, Break | None]:
    """Walk one trail from its first row: (rows walked, the first break or None)."""
    unnumbered = conn.execute(text(f"SELECT min(id), count(*) FROM {table} WHERE seq IS NULL OR hash IS NULL")).one()
    if unnumbered[1]:
        return 0, Break(table, None, unnumbered[0], f"{unnumbered[1]} 行没有序号或哈希（绕过了写入路径）")
    previous, expected, count = GENESIS, 1, 0
    for row in _rows(conn, table):
        count += 1
        if row["seq"] != expected:
            what = "重复" if row["seq"] < expected else f"缺少第 {expected} 条"
            return count, Break(table, row["seq"], row["id"], f"序号{what}（有行被删除或插入）")
        if link(previous, table, expected, row) != row["hash"]:
            return count, Break(table, row["seq"], row["id"], "哈希不符（这一行或它之前的行被改过）")
        previous, expected = row["hash"], expected + 1
    head = conn.execute(text("SELECT seq, hash FROM chainhead WHERE name = :t"), {"t": table}).one_or_none()
    if head is None or (int(head[0]), head[1]) != (count, previous):
        return count, Break(table, count or None, None, "链头与最后一行不符（末尾的行被删除或链头被改过）")
    return count, None


def chain_existing(conn: Connection, table: str) -> Head:
    """Number and link the rows a trail already has (migration 0012), oldest id first, and set its head."""
    columns = ", ".join(("id", *FIELDS[table]))
    rows = conn.execute(text(f"SELECT {columns} FROM {table} ORDER BY id")).mappings().all()
    previous, updates = GENESIS, []
    for seq, row in enumerate(rows, start=1):
        values = dict(row)
        values["at"] = _time(values["at"]).replace(microsecond=0)
        previous = link(previous, table, seq, values)
        updates.append({"i": row["id"], "s": seq, "h": previous, "a": values["at"]})
    for start in range(0, len(updates), 5000):
        conn.execute(
            text(f"UPDATE {table} SET seq = :s, hash = :h, at = :a WHERE id = :i"),
            updates[start : start + 5000],
        )
    conn.execute(
        text("INSERT INTO chainhead (name, seq, hash) VALUES (:t, :s, :h)"),
        {"t": table, "s": len(updates), "h": previous},
    )
    return Head(table, len(updates), previous)


def tables() -> Iterable[str]:
    return FIELDS.keys()
