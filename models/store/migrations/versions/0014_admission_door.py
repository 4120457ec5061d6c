"""the admission door: task (work pushed down to the street), its refs' counter, and its append-only,
hash-chained trail taskevent; certificate items in the catalog (certificate, apply_at); the ruling a 退单 awaits
(request.return_review_due_at)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 12:30:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    from models.store.chain import GENESIS
    from models.store.trail_sql import postgres_append_only, postgres_chain, sqlite_append_only

    bind = op.get_bind()
    op.add_column(
        "catalogitem", sa.Column("certificate", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("catalogitem", sa.Column("apply_at", TEXT(length=200), nullable=False, server_default=""))
    op.add_column("request", sa.Column("return_review_due_at", sa.DateTime(), nullable=True))
    op.create_table(
        "task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", TEXT(length=32), nullable=False),
        sa.Column("external_ref", TEXT(length=120), nullable=True),
        sa.Column("import_key", TEXT(length=160), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("source", TEXT(length=12), nullable=False),
        sa.Column("kind", TEXT(length=12), nullable=False),
        sa.Column("title", TEXT(length=300), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("match_score", sa.Float(), nullable=True),
        sa.Column("admission", TEXT(length=12), nullable=False),
        sa.Column("status", TEXT(length=12), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("decision_due_on", sa.Date(), nullable=True),
        sa.Column("admitted_until", sa.Date(), nullable=True),
        sa.Column("provided", TEXT(length=300), nullable=False),
        sa.Column("escalated", sa.Boolean(), nullable=False),
        sa.Column("reason", TEXT(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"]),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"]),
        sa.ForeignKeyConstraint(["item_id"], ["catalogitem.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("import_key"),
        sa.UniqueConstraint("ref"),
    )
    op.create_index("ix_task_received", "task", ["received_on"])
    op.create_index("ix_task_department_received", "task", ["department_id", "received_on"])
    op.create_index("ix_task_area_id", "task", ["area_id"])
    op.create_index("ix_task_item_id", "task", ["item_id"])
    op.create_index("ix_task_admission", "task", ["admission"])
    op.create_index("ix_task_status", "task", ["status"])
    op.create_table(
        "taskrefcounter",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year"),
    )
    op.create_table(
        "taskevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", TEXT(length=80), nullable=False),
        sa.Column("action", TEXT(length=24), nullable=False),
        sa.Column("from_status", TEXT(length=12), nullable=True),
        sa.Column("to_status", TEXT(length=12), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=True),
        sa.Column("hash", TEXT(length=64), nullable=True),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_taskevent_task_id", "taskevent", ["task_id"])
    op.create_index("ix_taskevent_seq", "taskevent", ["seq"], unique=True)
    op.execute(sa.text("INSERT INTO chainhead (name, seq, hash) VALUES ('taskevent', 0, :h)").bindparams(h=GENESIS))
    if bind.dialect.name == "postgresql":
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
        for statement in postgres_append_only("taskevent") + postgres_chain("taskevent", schema):
            op.execute(statement)
    else:
        for statement in sqlite_append_only("taskevent"):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER taskevent_chain ON taskevent")
        op.execute("DROP FUNCTION xinsheng_chain_taskevent()")
    op.execute("DELETE FROM chainhead WHERE name = 'taskevent'")
    op.drop_table("taskevent")
    op.drop_table("taskrefcounter")
    op.drop_table("task")
    op.drop_column("request", "return_review_due_at")
    op.drop_column("catalogitem", "apply_at")
    op.drop_column("catalogitem", "certificate")
