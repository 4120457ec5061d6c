"""paused deadline clock and pending extension on requests

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 09:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.add_column(sa.Column("paused_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("extension_days_pending", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.drop_column("extension_days_pending")
        batch_op.drop_column("paused_at")
