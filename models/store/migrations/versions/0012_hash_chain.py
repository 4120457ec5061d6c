"""hash-chained trails: seq and hash on requestevent and auditevent, their heads in chainhead; on PostgreSQL a
trigger numbers and links each new row and sets its time from the server's clock

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 21:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLES = ("requestevent", "auditevent")


def _postgres_triggers(schema: str) -> None:
    from models.store.trail_sql import postgres_chain

    op.execute(
        "CREATE FUNCTION xinsheng_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS "
        "$$ SELECT CASE WHEN value IS NULL THEN '-' ELSE char_length(value)::text || ':' || value END $$"
    )
    for table in TABLES:
        for statement in postgres_chain(table, schema):
            op.execute(statement)


def upgrade() -> None:
    from models.store.chain import chain_existing
    from models.store.trail_sql import sqlite_append_only

    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    op.create_table(
        "chainhead",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    for table in TABLES:
        # plain ADD COLUMN: a batch rebuild would drop the SQLite append-only triggers with the old table
        op.add_column(table, sa.Column("seq", sa.BigInteger(), nullable=True))
        op.add_column(table, sa.Column("hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        op.create_index(f"ix_{table}_seq", table, ["seq"], unique=True)
        # the trail's existing rows are numbered once, here, with the append-only guard lifted for that alone
        if postgres:
            op.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only")
        else:
            op.execute(f"DROP TRIGGER {table}_append_only_update")
        chain_existing(bind, table)
        if postgres:
            op.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_append_only")
        else:
            op.execute(sqlite_append_only(table)[0])
    if postgres:
        _postgres_triggers(bind.execute(sa.text("SELECT current_schema()")).scalar_one())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER {table}_chain ON {table}")
            op.execute(f"DROP FUNCTION xinsheng_chain_{table}()")
        op.execute("DROP FUNCTION xinsheng_field(text)")
    for table in TABLES:
        op.drop_index(f"ix_{table}_seq", table_name=table)
        op.drop_column(table, "hash")
        op.drop_column(table, "seq")
    op.drop_table("chainhead")
