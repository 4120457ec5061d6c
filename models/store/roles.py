"""The PostgreSQL privileges of docs/deployment.md, section 4, as one script: what each database role may do to
each table, derived from the tables themselves so that a table added by a later migration is never left out.

Four roles. The owner migrates and owns the SECURITY DEFINER functions that number the trails and take an
operator's own credential changes. Terminals (`app`) write work, but may only add to the history, never change
accounts, settings or deadline rules, and never rewrite a resident's name or phone. The administrator's connection
(`admin`) may also do those, from the server room. Reporting tools (`read`) only read.
"""

from __future__ import annotations

import re

from sqlmodel import SQLModel

import models.store.tables  # noqa: F401  (registers the tables)
from models.core.errors import UserError
from models.store.failures import ADMIN_TABLES

HISTORY = ("requestevent", "auditevent", "taskevent")  # added to, never changed
OWNER_ONLY = ("chainhead", "workday", "alembic_version")  # written by triggers and `db upgrade` alone
ADMIN_ONLY = ADMIN_TABLES  # accounts and the street's rules
RESIDENT_COLUMNS = ("resident_name", "resident_phone")  # changed only by a privacy erasure (an administrator)
FIXED_COLUMNS = ("id", "import_key", "created_at")  # set once at intake: the rates count from created_at
TASK_FIXED = ("id", "ref", "import_key", "created_at")  # a task's identity and when the door logged it
# the legislative contact point: a draft as received, its articles and the articles an opinion concerns are set once
SET_ONCE = ("consultation", "article", "opinionarticle")
# an opinion's answer, added later by staff; its words and its contributor change only by a privacy erasure
OPINION_ANSWER = ("outcome", "outcome_note", "final_text", "decided_at", "informed_at", "informed_by", "version")
OPINION_CONTRIBUTOR = ("text", "contributor_name", "contributor_phone", "consent", "import_key")
FUNCTIONS = ("xinsheng_change_own_password(bigint, bytea, text, text)", "xinsheng_enrol_totp(bigint, text)")

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def grant_script(schema: str = "xinsheng", *, app: str, admin: str, read: str) -> str:
    """The SQL an owner runs after every `db upgrade`; running it again changes nothing."""
    for name in (schema, app, admin, read):
        if not _IDENTIFIER.match(name):
            raise UserError(f"不是可用的 PostgreSQL 名称：“{name}”（只用小写字母、数字、下划线，不以数字开头）")
    tables = sorted(SQLModel.metadata.tables)
    columns = [c.name for c in SQLModel.metadata.tables["request"].columns if c.name not in FIXED_COLUMNS]
    app_columns = ", ".join(c for c in columns if c not in RESIDENT_COLUMNS)
    task_columns = ", ".join(c.name for c in SQLModel.metadata.tables["task"].columns if c.name not in TASK_FIXED)
    work = [t for t in tables if t not in HISTORY + OWNER_ONLY + ADMIN_ONLY + SET_ONCE + ("request", "task", "opinion")]
    both = f"{app}, {admin}"
    q = lambda names: ", ".join(f"{schema}.{n}" for n in names)  # noqa: E731
    lines = [
        f"-- xinsheng {schema}: run as the schema's owner after every `xinsheng db upgrade`",
        f"GRANT USAGE ON SCHEMA {schema} TO {app}, {admin}, {read};",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {app}, {admin}, {read};",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {app}, {admin}, {read};",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {both};",
        "-- work rows: terminals and the administrator",
        f"GRANT INSERT, UPDATE, DELETE ON {q(work)} TO {both};",
        "-- requests: never removed nor re-dated; a resident's name and phone change only by a privacy erasure",
        f"GRANT INSERT ON {schema}.request TO {both};",
        f"GRANT UPDATE ({app_columns}) ON {schema}.request TO {app};",
        f"GRANT UPDATE ({', '.join(columns)}) ON {schema}.request TO {admin};",
        "-- tasks pushed down: never removed; their ref, import key and logging time are set once",
        f"GRANT INSERT ON {schema}.task TO {both};",
        f"GRANT UPDATE ({task_columns}) ON {schema}.task TO {both};",
        "-- the contact point: opinions kept verbatim (原汁原味), never removed; drafts and articles set once",
        f"GRANT INSERT ON {q((*SET_ONCE, 'opinion'))} TO {both};",
        f"GRANT UPDATE ({', '.join(OPINION_ANSWER)}) ON {schema}.opinion TO {app};",
        f"GRANT UPDATE ({', '.join(OPINION_ANSWER + OPINION_CONTRIBUTOR)}) ON {schema}.opinion TO {admin};",
        "-- the history: added to (the server numbers, links and dates each row), never changed",
        f"GRANT INSERT ON {q(HISTORY)} TO {both};",
        "-- accounts, settings and deadline rules: the administrator's connection only",
        f"GRANT INSERT, UPDATE, DELETE ON {q(ADMIN_ONLY)} TO {admin};",
        "-- an operator's own password and phone, proven (models/access/credentials.py)",
        *(f"GRANT EXECUTE ON FUNCTION {schema}.{f} TO {both};" for f in FUNCTIONS),
    ]
    return "\n".join(lines) + "\n"
