"""request.title_initials: pinyin initials of the title, so `ldzy` finds 楼道座椅

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22 11:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table("request") as batch:
        batch.add_column(sa.Column("title_initials", sa.String(length=300), nullable=False, server_default=""))
    from models.core.text import pinyin_initials

    connection = op.get_bind()
    request = sa.table("request", sa.column("id", sa.Integer), sa.column("title", sa.String), sa.column("text"),
                       sa.column("title_initials", sa.String))  # fmt: skip
    last = 0
    while True:
        rows = connection.execute(
            sa.select(request.c.id, request.c.title, request.c.text)
            .where(request.c.id > last)
            .order_by(request.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        connection.execute(
            request.update().where(request.c.id == sa.bindparam("rid")).values(title_initials=sa.bindparam("ini")),
            [{"rid": rid, "ini": pinyin_initials(title or (text or "")[:60])[:300]} for rid, title, text in rows],
        )
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("request") as batch:
        batch.drop_column("title_initials")
