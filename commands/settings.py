"""`xinsheng settings …`: this database's metric weights."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from commands.common import engine_for, user_errors

if TYPE_CHECKING:
    from models.reporting.weights import Weights

app = typer.Typer(help="设置（settings）：综合得分和满意率的权重", no_args_is_help=True, rich_markup_mode=None)


def _show(weights: Weights) -> None:
    typer.echo("综合得分 = " + " + ".join(f"{v:g}×{k}" for k, v in weights.composite.items()))
    typer.echo("满意率计分：" + "，".join(f"{k} {v:g}" for k, v in weights.satisfaction.items()))


@app.command("show")
def show(ctx: typer.Context) -> None:
    """显示当前权重。"""
    with user_errors():
        from models.reporting.weights import load_weights
        from models.store.engine import session_scope

        with session_scope(engine_for(ctx)) as session:
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
        with session_scope(engine_for(ctx)) as session:
            result = set_weights(
                session,
                parse_weights(composite, "--composite") if composite else None,
                parse_weights(satisfaction, "--satisfaction") if satisfaction else None,
            )
            _show(result)
