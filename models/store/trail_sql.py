"""The SQL that guards a hash-chained trail (models.store.chain), shared by the migrations that create trails:
0010 and 0012 made `requestevent` and `auditevent` append-only and chained, 0014 does the same for `taskevent`.

Kept in one place so every trail is guarded by the same text; the migrations call it with their own table names.
"""

from __future__ import annotations

SQLITE_APPEND_ONLY = (
    "CREATE TRIGGER {table}_append_only_{verb} BEFORE {VERB} ON {table} "
    "BEGIN SELECT RAISE(ABORT, '{table} is append-only: events are never changed or removed'); END"
)


def sqlite_append_only(table: str) -> list[str]:
    return [SQLITE_APPEND_ONLY.format(table=table, verb=verb.lower(), VERB=verb) for verb in ("UPDATE", "DELETE")]


def postgres_append_only(table: str) -> list[str]:
    """Triggers calling xinsheng_append_only() (migration 0010 creates the function)."""
    return [
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION xinsheng_append_only()",
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION xinsheng_append_only()",
    ]


def _body(table: str) -> str:
    """The row's canonical text after its seq (models.store.chain.canonical), over NEW."""
    from models.store.chain import FIELDS

    parts = []
    for name in FIELDS[table]:
        if name == "at":
            parts.append("xinsheng_field(to_char(NEW.at, 'YYYY-MM-DD HH24:MI:SS'))")
        else:
            parts.append(f"xinsheng_field(NEW.{name}::text)")
    return " || '|' || ".join(parts)


def postgres_chain(table: str, schema: str) -> list[str]:
    """The trigger that numbers and links each new row and sets its time from the server's clock (xinsheng_field()
    from migration 0012)."""
    # SECURITY DEFINER: runs as the owner, so the terminal role needs no right on chainhead; the search path is
    # pinned so nobody can slip in a look-alike chainhead or function ahead of ours
    linked = f"head_hash || E'\\n' || NEW.seq::text || '|' || {_body(table)}"
    function = f"""
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
    NEW.hash := encode(sha256(convert_to({linked}, 'UTF8')), 'hex');
    UPDATE chainhead SET seq = NEW.seq, hash = NEW.hash WHERE name = '{table}';
    RETURN NEW;
END $$"""
    trigger = (
        f"CREATE TRIGGER {table}_chain BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION xinsheng_chain_{table}()"
    )
    return [function, trigger]
