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
SQLITE_APPEND_ONLY = (
    "CREATE TRIGGER {table}_append_only_{verb} BEFORE {VERB} ON {table} "
    "BEGIN SELECT RAISE(ABORT, '{table} is append-only: events are never changed or removed'); END"
)


def _field(expression: str) -> str:
    """models.store.chain._field in SQL: length:text, NULL as '-'."""
    return f"xinsheng_field({expression})"


def _body(table: str) -> str:
    """The row's canonical text after its seq (models.store.chain.canonical), over NEW."""
    from models.store.chain import FIELDS

    parts = []
    for name in FIELDS[table]:
        if name == "at":
            parts.append(_field("to_char(NEW.at, 'YYYY-MM-DD HH24:MI:SS')"))
        else:
            parts.append(_field(f"NEW.{name}::text"))
    return " || '|' || ".join(parts)


def _postgres_triggers(schema: str) -> None:
    op.execute(
        "CREATE FUNCTION xinsheng_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS "
        "$$ SELECT CASE WHEN value IS NULL THEN '-' ELSE char_length(value)::text || ':' || value END $$"
    )
    for table in TABLES:
        # SECURITY DEFINER: runs as the owner, so the terminal role needs no right on chainhead; the search path is
        # pinned so nobody can slip in a look-alike chainhead or function ahead of ours
        op.execute(
            f"""
CREATE FUNCTION xinsheng_chain_{table}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp AS $$
DECLARE
    head_seq bigint;
    head_hash text;
BEGIN
    IF EXISTS (SELECT 1 FROM setting WHERE key = 'training_database' AND value = 'true') THEN
        NEW.at := date_trunc('second', NEW.at);  -- a training database replays a year of work in minutes
    ELSE
        NEW.at := date_trunc('second', (now() AT TIME ZONE 'UTC') + interval '8 hours');  -- stored as CST
    END IF;
    SELECT seq, hash INTO head_seq, head_hash FROM chainhead WHERE name = '{table}' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'chainhead has no row for {table}: the trail cannot be extended';
    END IF;
    NEW.seq := head_seq + 1;
    NEW.hash := encode(sha256(convert_to(head_hash || E'\\n' || NEW.seq::text || '|' || {_body(table)}, 'UTF8')), 'hex');
    UPDATE chainhead SET seq = NEW.seq, hash = NEW.hash WHERE name = '{table}';
    RETURN NEW;
END $$"""
        )
        op.execute(
            f"CREATE TRIGGER {table}_chain BEFORE INSERT ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION xinsheng_chain_{table}()"
        )


def upgrade() -> None:
    from models.store.chain import chain_existing

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
            op.execute(SQLITE_APPEND_ONLY.format(table=table, verb="update", VERB="UPDATE"))
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
