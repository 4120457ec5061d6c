"""Human-readable refs handed out by per-year counters: XS-2026-000123 for requests, RW-2026-00123 for tasks."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col

from models.store.tables import RefCounter, TaskRefCounter


def reserve(session: Session, counter: type[RefCounter] | type[TaskRefCounter], year: int, count: int) -> range:
    """Reserve `count` consecutive numbers of `year`, safe with concurrent writers on both databases."""
    if count <= 0:
        return range(0)
    # one statement each: the first writer of a year creates the row (a second one's insert does nothing), and
    # the increment reads and writes under the row lock, so two terminals can never be handed the same number
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else postgresql_insert
    session.execute(insert(counter).values(year=year, last=0).on_conflict_do_nothing(index_elements=["year"]))
    last = session.execute(
        update(counter)
        .where(col(counter.year) == year)
        .values(last=col(counter.last) + count)
        .returning(col(counter.last))
    ).scalar_one()
    return range(last - count + 1, last + 1)
