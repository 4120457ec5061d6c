"""the legislative contact point: consultation (a draft law open for opinions), its articles, opinions kept verbatim
and which articles each concerns

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 13:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "consultation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", TEXT(length=300), nullable=False),
        sa.Column("issuer", TEXT(length=120), nullable=False),
        sa.Column("opens_on", sa.Date(), nullable=False),
        sa.Column("closes_on", sa.Date(), nullable=True),
        sa.Column("file_name", TEXT(length=255), nullable=False),
        sa.Column("text_sha256", TEXT(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", TEXT(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("number", TEXT(length=40), nullable=False),
        sa.Column("chapter", TEXT(length=200), nullable=False),
        sa.Column("section", TEXT(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["consultation_id"], ["consultation.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("consultation_id", "position", name="uq_article_position"),
    )
    op.create_index("ix_article_consultation_id", "article", ["consultation_id"])
    op.create_table(
        "opinion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("contributor_kind", TEXT(length=12), nullable=False),
        sa.Column("channel", TEXT(length=12), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("contributor_name", TEXT(length=80), nullable=True),
        sa.Column("contributor_phone", TEXT(length=40), nullable=True),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("import_key", TEXT(length=160), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", TEXT(length=80), nullable=False),
        sa.Column("outcome", TEXT(length=12), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("final_text", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("informed_at", sa.DateTime(), nullable=True),
        sa.Column("informed_by", TEXT(length=80), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["consultation_id"], ["consultation.id"]),
        sa.ForeignKeyConstraint(["request_id"], ["request.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("import_key"),
    )
    op.create_index("ix_opinion_consultation_id", "opinion", ["consultation_id"])
    op.create_index("ix_opinion_request_id", "opinion", ["request_id"])
    op.create_table(
        "opinionarticle",
        sa.Column("opinion_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.ForeignKeyConstraint(["opinion_id"], ["opinion.id"]),
        sa.PrimaryKeyConstraint("opinion_id", "article_id"),
    )
    op.create_index("ix_opinionarticle_article_id", "opinionarticle", ["article_id"])


def downgrade() -> None:
    op.drop_table("opinionarticle")
    op.drop_table("opinion")
    op.drop_table("article")
    op.drop_table("consultation")
