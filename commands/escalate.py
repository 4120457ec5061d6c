"""`xinsheng escalate`: move overdue work up the 催办 → 督办 → 通报 ladder (safe to run as often as you like)."""

from __future__ import annotations

import typer

from commands.common import engine_for, signed_in, user_errors


def escalate(
    ctx: typer.Context,
    dry_run: bool = typer.Option(False, "--dry-run", help="只统计将要升级的诉求，不写入"),
) -> None:
    """超期诉求逐级升级：超期即催办，超 3 个工作日督办，超 10 个工作日通报；
    准入审查超期的提请督办，准入到期的任务停止。重复运行不会重复记录。"""
    with user_errors():
        from models.admission.procedure import sweep
        from models.core.vocabulary import Privilege
        from models.requests.escalation import LADDER
        from models.requests.escalation import escalate as run_ladder
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.ESCALATE)
        with session_scope(engine) as session:
            result = run_ladder(session, dry_run=dry_run)
            expired, late = sweep(session, actor)
            if dry_run:
                session.rollback()
        prefix = "（试运行，未写入）" if dry_run else ""
        parts = "，".join(f"{rung.label} {result.counts.get(rung.label, 0)} 件" for rung in LADDER)
        typer.echo(f"{prefix}超期督办：{parts}")
        typer.echo(f"{prefix}准入：审查超期督办 {len(late)} 件，准入到期停止 {len(expired)} 件")
