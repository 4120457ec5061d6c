"""accounts: credentials, lockout and two-factor on operator; command-line sign-in sessions

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 17:30:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("operator") as batch:
        batch.add_column(sa.Column("name_key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True))
        batch.add_column(sa.Column("password_hash", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
        batch.add_column(
            sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("password_changed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("totp_secret", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch.add_column(sa.Column("totp_last_step", sa.Integer(), nullable=True))
    # existing names keep their spelling (events name them); each gets the key it reads as, the first of any
    # look-alike pair keeping it (a later look-alike stays without a key and is refused nothing retroactively)
    from models.core.text import name_key

    bind = op.get_bind()
    taken: set[str] = set()
    for operator_id, name in bind.execute(sa.text("SELECT id, name FROM operator ORDER BY id")).all():
        key = name_key(name)
        if key and key not in taken:
            taken.add(key)
            bind.execute(sa.text("UPDATE operator SET name_key = :k WHERE id = :i"), {"k": key, "i": operator_id})
    with op.batch_alter_table("operator") as batch:
        batch.create_unique_constraint("uq_operator_name_key", ["name_key"])
    op.create_table(
        "signinsession",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("place", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_signinsession_operator_id", "signinsession", ["operator_id"])


def downgrade() -> None:
    op.drop_index("ix_signinsession_operator_id", table_name="signinsession")
    op.drop_table("signinsession")
    with op.batch_alter_table("operator") as batch:
        batch.drop_constraint("uq_operator_name_key", type_="unique")
        for column in (
            "totp_last_step", "totp_secret", "locked_until", "failed_sign_ins", "password_changed_at",
            "must_change_password", "password_hash", "name_key",
        ):  # fmt: skip
            batch.drop_column(column)
