"""`xinsheng deadlines …`: the street's own time limits per urgency, category or catalog item."""

from __future__ import annotations

import typer

from commands.common import engine_for, signed_in, user_errors

app = typer.Typer(help="办理时限（deadlines）：按紧急程度、分类或事项设置工作日时限", no_args_is_help=True,
                  rich_markup_mode=None)  # fmt: skip


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """列出自定义时限（未设置的按默认：响应 1 个工作日；紧急 1、一般 5、复杂 15 个工作日办结）。"""
    with user_errors():
        from sqlmodel import select

        from models.store.engine import session_scope
        from models.store.tables import DeadlineRule

        engine = engine_for(ctx)
        signed_in(ctx, engine)
        with session_scope(engine) as session:
            rules = session.exec(select(DeadlineRule).order_by(DeadlineRule.scope, DeadlineRule.key)).all()
            if not rules:
                typer.echo("没有自定义时限：响应 1 个工作日；紧急 1、一般 5、复杂 15 个工作日办结")
            for rule in rules:
                target = {"item": f"事项 {rule.key}", "category": f"分类 {rule.key}", "urgency": "全部"}[rule.scope]
                urgency = rule.urgency or "各紧急程度"
                response = "—" if rule.response_days is None else f"{rule.response_days} 个工作日"
                completion = "—" if rule.completion_days is None else f"{rule.completion_days} 个工作日"
                typer.echo(f"{target}（{urgency}）：响应 {response}，办结 {completion}")


@app.command("set")
def set_(
    ctx: typer.Context,
    scope: str = typer.Option(..., "--scope", metavar="item|category|urgency", help="按事项、分类或紧急程度"),
    key: str = typer.Option("", "--key", metavar="编码或分类", help="事项编码或分类名称（按紧急程度时不用）"),
    urgency: str = typer.Option("", "--urgency", metavar="urgent|normal|complex", help="只对该紧急程度生效"),
    response: int = typer.Option(None, "--response", metavar="N", help="响应时限（工作日）"),
    completion: int = typer.Option(None, "--completion", metavar="N", help="办结时限（工作日）"),
) -> None:
    """设置时限：最具体的规则优先（事项 > 分类 > 紧急程度）；只影响此后登记和导入的诉求。"""
    with user_errors():
        from models.core.vocabulary import Privilege
        from models.requests.deadlines import set_rule
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.DEADLINE_RULES)
        with session_scope(engine) as session:
            rule = set_rule(session, actor, scope, key, urgency, response_days=response, completion_days=completion)
            typer.echo(
                f"已设置：{rule.scope} {rule.key or ''} {rule.urgency or '各紧急程度'} → "
                f"响应 {rule.response_days if rule.response_days is not None else '默认'}，"
                f"办结 {rule.completion_days if rule.completion_days is not None else '默认'} 个工作日"
            )
