"""`xinsheng settings …`: this database's metric weights and security settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from commands.common import engine_for, signed_in, user_errors

if TYPE_CHECKING:
    from models.reporting.weights import Weights

app = typer.Typer(
    help="设置（settings）：综合得分和满意率的权重，安全设置（密码、锁定、闲置、两步验证、个人信息保存年限），登记时的预选部门",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _show(weights: Weights) -> None:
    typer.echo("综合得分 = " + " + ".join(f"{v:g}×{k}" for k, v in weights.composite.items()))
    typer.echo("满意率计分：" + "，".join(f"{k} {v:g}" for k, v in weights.satisfaction.items()))


@app.command("show")
def show(ctx: typer.Context) -> None:
    """显示当前权重。"""
    with user_errors():
        from models.reporting.weights import load_weights
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        signed_in(ctx, engine)
        with session_scope(engine) as session:
            _show(load_weights(session))


@app.command("weights")
def weights(
    ctx: typer.Context,
    composite: str = typer.Option(
        None, "--composite", metavar="response=…,resolution=…,satisfaction=…", help="综合得分权重（合计为 1）"
    ),
    satisfaction: str = typer.Option(
        None, "--satisfaction", metavar="satisfied=…,basically=…,unsatisfied=…", help="满意率计分（0 到 1）"
    ),
) -> None:
    """设置权重（默认：0.1×响应率 + 0.5×解决率 + 0.4×满意率；满意 1、基本满意 0.9、不满意 0）。"""
    with user_errors():
        from models.core.errors import UserError
        from models.reporting.weights import parse_weights, set_weights
        from models.store.engine import session_scope

        if composite is None and satisfaction is None:
            raise UserError("请给出 --composite 或 --satisfaction")
        from models.core.vocabulary import Privilege

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.SETTINGS)
        with session_scope(engine) as session:
            result = set_weights(
                session,
                actor,
                parse_weights(composite, "--composite") if composite else None,
                parse_weights(satisfaction, "--satisfaction") if satisfaction else None,
            )
            _show(result)


@app.command("security")
def security(
    ctx: typer.Context,
    min_length: int = typer.Option(None, "--min-length", metavar="N", help="密码最短长度（8–128）"),
    char_classes: int = typer.Option(None, "--char-classes", metavar="N", help="密码至少包含几类字符（1–4）"),
    max_failures: int = typer.Option(None, "--max-failures", metavar="N", help="连续登录失败几次锁定（3–20）"),
    lock_minutes: int = typer.Option(None, "--lock-minutes", metavar="N", help="锁定多少分钟"),
    idle_minutes: int = typer.Option(None, "--idle-minutes", metavar="N", help="界面闲置多少分钟锁屏"),
    cli_session_hours: int = typer.Option(None, "--cli-session-hours", metavar="N", help="命令行登录闲置多少小时失效"),
    retention_years: int = typer.Option(
        None, "--retention-years", metavar="N", help="已办完诉求中居民个人信息的保存年限（1–30，默认 3）"
    ),
    totp_roles: str = typer.Option(
        None, "--totp-roles", metavar="角色,…", help="须两步验证的角色，逗号分隔（空字符串为不要求）"
    ),
) -> None:
    """显示或修改安全设置：密码规则、登录锁定、闲置锁屏、命令行会话、两步验证、个人信息保存年限（修改需管理员）。"""
    with user_errors():
        from models.access.audit import record
        from models.access.policy import changed_policy, load_policy, store_policy
        from models.core.vocabulary import AuditAction, Privilege
        from models.store.engine import session_scope

        changes: dict[str, object] = {
            name: value
            for name, value in (
                ("min_length", min_length),
                ("char_classes", char_classes),
                ("max_failures", max_failures),
                ("lock_minutes", lock_minutes),
                ("idle_minutes", idle_minutes),
                ("cli_session_hours", cli_session_hours),
                ("retention_years", retention_years),
            )
            if value is not None
        }
        if totp_roles is not None:
            changes["totp_roles"] = [r.strip() for r in totp_roles.replace("，", ",").split(",") if r.strip()]
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.SETTINGS if changes else None)
        with session_scope(engine) as session:
            policy = load_policy(session)
            if changes:
                policy = changed_policy(policy, changes)
                store_policy(session, policy)
                record(session, actor, AuditAction.SETTINGS_CHANGE, security=", ".join(sorted(changes)))
        for _, line in policy.describe():
            typer.echo(line)


@app.command("routing")
def routing(
    ctx: typer.Context,
    preselect: str = typer.Option(
        None,
        "--preselect",
        metavar="把握|off",
        help="匹配把握达到此值（0.5–1）时，登记界面预先选中建议部门；off 为关闭",
    ),
) -> None:
    """显示或修改登记时的预选部门（修改需管理员）。"""
    with user_errors():
        from models.core.vocabulary import Privilege
        from models.matching.preselect import describe, load_preselect, parse_preselect, set_preselect
        from models.store.engine import session_scope

        value = parse_preselect(preselect) if preselect is not None else None
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.SETTINGS if preselect is not None else None)
        with session_scope(engine) as session:
            if preselect is not None:
                set_preselect(session, actor, value)
            typer.echo(describe(load_preselect(session)))


@app.command("admission")
def admission(
    ctx: typer.Context,
    lead: int = typer.Option(None, "--lead", metavar="工作日", help="准入申请须在任务期限前提出的工作日数（默认 30）"),
    decide: int = typer.Option(None, "--decide", metavar="工作日", help="收到申请后作出决定的工作日数（默认 15）"),
    rebound_times: int = typer.Option(None, "--rebound-times", metavar="次", help="反弹回潮：次数（默认 3）"),
    rebound_months: int = typer.Option(None, "--rebound-months", metavar="月", help="反弹回潮：月数（默认 6）"),
    return_review: int = typer.Option(
        None, "--return-review", metavar="工作日", help="退单须在几个工作日内由督办负责人裁定（默认 3）"
    ),
) -> None:
    """显示或修改准入程序的时限、反弹回潮的标准和退单裁定时限（修改需管理员）。"""
    with user_errors():
        from models.admission.rules import load_rules, set_rules
        from models.core.vocabulary import Privilege
        from models.requests.return_review import load_review_days, set_review_days
        from models.store.engine import session_scope

        changes = {
            "lead_days": lead,
            "decision_days": decide,
            "rebound_times": rebound_times,
            "rebound_months": rebound_months,
        }
        changing = any(v is not None for v in changes.values())
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.SETTINGS if changing or return_review is not None else None)
        with session_scope(engine) as session:
            rules = set_rules(session, actor, **changes) if changing else load_rules(session)
            if return_review is not None:
                set_review_days(session, actor, return_review)
            review_days = load_review_days(session)
        for line in rules.describe():
            typer.echo(line)
        typer.echo(f"退单裁定：退单后 {review_days} 个工作日内由督办负责人裁定成立或不成立")
