"""`xinsheng audit list`: the security events (sign-ins, account and settings changes, imports, backups,
personal-data reveals and exports), for an administrator."""

from __future__ import annotations

import json
from datetime import date

import typer

from commands.common import engine_for, pad, signed_in, user_errors

app = typer.Typer(help="安全审计（audit）：登录、账户、设置、导入、备份、个人信息的查看和导出", no_args_is_help=True,
                  rich_markup_mode=None)  # fmt: skip


@app.command("list")
def list_(
    ctx: typer.Context,
    since: str = typer.Option(None, "--since", metavar="YYYY-MM-DD", help="只列出该日起的事件"),
    operator: str = typer.Option(None, "--operator", metavar="姓名", help="只列出此人的事件"),
    action: str = typer.Option(None, "--action", metavar="事件", help="只列出此类事件（如 sign_in_failed、登录失败）"),
    limit: int = typer.Option(200, "--limit", min=1, metavar="N", help="最多列出 N 条（最新的在前）"),
    as_json: bool = typer.Option(False, "--json", help="每行一个 JSON 对象"),
) -> None:
    """列出安全审计事件，最新的在前（管理员）。"""
    with user_errors():
        from models.access.audit import list_audit
        from models.core.errors import UserError
        from models.core.text import one_line
        from models.core.vocabulary import Privilege
        from models.store.engine import session_scope

        try:
            day = date.fromisoformat(since) if since else None
        except ValueError:
            raise UserError(f"--since 应写成 YYYY-MM-DD，收到 “{since}”") from None
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.AUDIT)
        with session_scope(engine) as session:
            rows = list_audit(session, actor, since=day, operator=operator, action=action, limit=limit)
        for row in rows:
            if as_json:
                record = {"at": row.at.isoformat(sep=" "), "operator": row.actor, "role": row.role,
                          "action": row.action, **row.detail}  # fmt: skip
                typer.echo(json.dumps(record, ensure_ascii=False))
            else:
                # every stored text as one visible line: a file name or a place may hold a line break
                detail = one_line("，".join(f"{k}={v}" for k, v in row.detail.items()))
                who = one_line(row.actor or "（未知姓名）")
                typer.echo(f"{row.at:%Y-%m-%d %H:%M:%S}  {pad(who, 18)}{pad(row.label, 18)} {detail}")
        if not rows and not as_json:
            typer.echo("没有符合条件的审计事件")
