"""the unit holding a request when an event happened

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 09:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("requestevent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("department_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_requestevent_department_id"), ["department_id"], unique=False)
        batch_op.create_foreign_key("fk_requestevent_department", "department", ["department_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("requestevent", schema=None) as batch_op:
        batch_op.drop_constraint("fk_requestevent_department", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_requestevent_department_id"))
        batch_op.drop_column("department_id")
