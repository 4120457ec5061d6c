"""`xinsheng areas …`: the streets, communities and grids a database serves, set up before operators."""

from __future__ import annotations

import typer

from commands.common import engine_for, pad, signed_in, user_errors

app = typer.Typer(help="辖区（areas）：登记和列出街道、社区、网格", no_args_is_help=True, rich_markup_mode=None)


@app.command("add")
def add(
    ctx: typer.Context,
    names: list[str] = typer.Argument(
        ..., metavar="街道 [社区 [网格]]", help="从街道起逐级写出名称，如：槐安街道 东社区 东社区第1网格"
    ),
) -> None:
    """登记街道，或街道下的社区、社区下的网格（已有的不重复登记）。"""
    with user_errors():
        from models.access.audit import record
        from models.core.vocabulary import AuditAction, Privilege
        from models.people.areas import add_area_chain
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.AREAS)
        with session_scope(engine) as session:
            created = add_area_chain(session, *names)
            if created:
                record(session, actor, AuditAction.AREA_ADD, areas="/".join(n.strip() for n in names))
        joined = "/".join(n.strip() for n in names)
        typer.echo(f"已登记 {'、'.join(created)}" if created else f"{joined} 已登记过，未作改动")


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """列出街道、社区和网格（写操作员的 --area 时可用 社区/网格 区分同名网格）。"""
    with user_errors():
        from models.core.vocabulary import AREA_KIND_LABELS as KIND_LABELS
        from models.people.areas import list_areas
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        signed_in(ctx, engine)
        with session_scope(engine) as session:
            areas = list_areas(session)
        if not areas:
            typer.echo("还没有登记辖区；用 xinsheng areas add 街道 社区 网格 登记")
            return
        for area in areas:
            typer.echo(f"{pad(KIND_LABELS.get(area.kind, area.kind), 6)}{area.path}")
