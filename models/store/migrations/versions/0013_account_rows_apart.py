"""sign-in counters apart from accounts (signinstate), a password proof on operator, and on PostgreSQL the two
functions through which a terminal changes its operator's own password and enrols a phone

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 09:30:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

MOVED = ("failed_sign_ins", "locked_until", "totp_last_step")
SERVER_NOW_CST = "date_trunc('second', (now() AT TIME ZONE 'UTC') + interval '8 hours')"  # as migration 0012


def _postgres_functions(schema: str) -> None:
    # SECURITY DEFINER: they run as the owner, so the terminals' role needs no right on operator; each changes one
    # row, and only as far as the caller has shown it may (models.access.credentials says how)
    op.execute(
        f"""
CREATE FUNCTION xinsheng_change_own_password(p_id bigint, p_key bytea, p_hash text, p_proof text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
    UPDATE operator SET password_hash = p_hash, password_proof = p_proof, must_change_password = false,
        password_changed_at = {SERVER_NOW_CST}
    WHERE id = p_id AND active AND password_proof IS NOT NULL AND p_hash LIKE '$argon2id$%'
        AND p_proof ~ '^[0-9a-f]{{32}}\\$[0-9a-f]{{64}}$'
        AND split_part(password_proof, '$', 2) = encode(sha256(p_key), 'hex');
    IF NOT FOUND THEN
        RAISE EXCEPTION 'xinsheng: the current password was not proven' USING ERRCODE = 'XS401';
    END IF;
END $$"""
    )
    op.execute(
        f"""
CREATE FUNCTION xinsheng_enrol_totp(p_id bigint, p_secret text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
    UPDATE operator SET totp_secret = p_secret
    WHERE id = p_id AND active AND totp_secret IS NULL AND p_secret ~ '^[A-Z2-7]{{16,64}}$';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'xinsheng: two-factor is already set for this account' USING ERRCODE = 'XS401';
    END IF;
END $$"""
    )
    for signature in ("xinsheng_change_own_password(bigint, bytea, text, text)", "xinsheng_enrol_totp(bigint, text)"):
        op.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "signinstate",
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("totp_last_step", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.id"]),
        sa.PrimaryKeyConstraint("operator_id"),
    )
    op.execute(
        "INSERT INTO signinstate (operator_id, failed_sign_ins, locked_until, totp_last_step) "
        "SELECT id, failed_sign_ins, locked_until, totp_last_step FROM operator"
    )
    op.add_column("operator", sa.Column("password_proof", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
    for column in MOVED:  # plain DROP COLUMN (SQLite 3.35+): a batch rebuild of operator is not needed
        op.execute(f"ALTER TABLE operator DROP COLUMN {column}")
    if bind.dialect.name == "postgresql":
        _postgres_functions(bind.execute(sa.text("SELECT current_schema()")).scalar_one())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION xinsheng_enrol_totp(bigint, text)")
        op.execute("DROP FUNCTION xinsheng_change_own_password(bigint, bytea, text, text)")
    op.add_column("operator", sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("operator", sa.Column("locked_until", sa.DateTime(), nullable=True))
    op.add_column("operator", sa.Column("totp_last_step", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE operator SET failed_sign_ins = s.failed_sign_ins, locked_until = s.locked_until, "
        "totp_last_step = s.totp_last_step FROM signinstate s WHERE s.operator_id = operator.id"
    )
    op.execute("ALTER TABLE operator DROP COLUMN password_proof")
    op.drop_table("signinstate")
