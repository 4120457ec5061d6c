"""`xinsheng consult …`: the legislative contact point — open a consultation on a draft law, see it with the opinions
on each article, record what the legislature adopted, and tell each contributor (docs/legislation.md)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from commands.common import (
    ENCODING_OPTION,
    ERRORS_OPTION,
    FORCE_ERRORS_OPTION,
    MAP_OPTION,
    SHEET_OPTION,
    SKIP_BAD_OPTION,
    engine_for,
    parse_day,
    prepare_import,
    signed_in,
    user_errors,
)

app = typer.Typer(help="立法征求意见（consult）：基层立法联系点", no_args_is_help=True, rich_markup_mode=None)


@app.command("new")
def new(
    ctx: typer.Context,
    file: Path = typer.Option(..., "--file", metavar="文件", help="草案：.txt、.md 或 .docx"),
    title: str = typer.Option(None, "--title", metavar="名称", help="草案名称（默认取文件第一行）"),
    issuer: str = typer.Option("", "--issuer", metavar="单位", help="征求意见的单位，如 全国人大常委会法工委"),
    opens: str = typer.Option(None, "--opens", metavar="日期", help="开始日期（默认今天）"),
    closes: str = typer.Option(None, "--closes", metavar="日期", help="截止日期"),
) -> None:
    """新建征求意见：读入草案，按章、节、条拆分，打印其编号。"""
    with user_errors():
        from models.core.vocabulary import Privilege
        from models.legislation.consultations import create_consultation
        from models.legislation.drafts import read_draft
        from models.store.engine import session_scope

        opens_on, closes_on = parse_day(opens, "--opens"), parse_day(closes, "--closes")
        draft = read_draft(file)
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.CONSULT_MANAGE)
        with session_scope(engine) as session:
            consultation = create_consultation(
                session, actor, draft, title=title, issuer=issuer, opens_on=opens_on, closes_on=closes_on,
                file_name=file.name,
            )  # fmt: skip
            consultation_id = consultation.id
        numbered = [a for a in draft.articles if a.number]
        split = f"{len(numbered)} 条" if numbered else "未分条，整体征求意见"
        typer.echo(consultation_id)
        typer.echo(f"已新建征求意见 {consultation_id}：{title or draft.title}（{split}）", err=True)


@app.command("list")
def list_(
    ctx: typer.Context,
    open_only: bool = typer.Option(False, "--open", help="只列出仍在征求意见的"),
    as_json: bool = typer.Option(False, "--json", help="每行一个 JSON 对象"),
) -> None:
    """列出征求意见：截止日期、条数、意见数、采纳数。"""
    with user_errors():
        from models.legislation.consultations import list_consultations
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        signed_in(ctx, engine)
        with session_scope(engine) as session:
            found = list_consultations(session, only_open=open_only)
        if as_json:
            for c in found:
                typer.echo(json.dumps(c.as_dict(), ensure_ascii=False))
            return
        if not found:
            typer.echo("还没有征求意见（xinsheng consult new --title … --file 草案.docx）")
            return
        for c in found:
            closes = f"{c.closes_on:%Y-%m-%d} 截止" if c.closes_on else "未定截止日期"
            state = "征求中" if c.open else "已截止"
            typer.echo(f"{c.id:>4}  {state}  {closes}  {c.articles} 条  意见 {c.opinions}  采纳 {c.adopted}  {c.title}")


@app.command("show")
def show(
    ctx: typer.Context,
    consultation_id: int = typer.Argument(..., metavar="编号", help="征求意见的编号"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON：各条及其意见"),
) -> None:
    """显示一次征求意见：各条条文和针对它的意见，以及对草案整体的意见。"""
    with user_errors():
        from models.core.vocabulary import Adoption, ContributorKind, OpinionChannel
        from models.legislation.consultations import consultation_view
        from models.store.engine import session_scope
        from models.store.tables import Opinion

        engine = engine_for(ctx)
        signed_in(ctx, engine)
        with session_scope(engine) as session:
            view = consultation_view(session, consultation_id)

        def opinion(o: Opinion) -> dict[str, object]:
            return {
                "id": o.id,
                "text": view.words(o),
                "contributor_kind": o.contributor_kind,
                "channel": o.channel,
                "date": o.given_on.isoformat(),
                "name": o.contributor_name if o.consent else None,
                "outcome": o.outcome,
            }

        def shown(o: Opinion) -> str:
            """One line of an opinion: masked, its control characters escaped, its line breaks as spaces."""
            return " ".join(view.words(o).split())[:80]

        c = view.consultation
        if as_json:
            typer.echo(
                json.dumps(
                    {
                        "id": c.id,
                        "title": c.title,
                        "issuer": c.issuer,
                        "opens": c.opens_on.isoformat(),
                        "closes": c.closes_on.isoformat() if c.closes_on else None,
                        "articles": [
                            {
                                "number": a.number,
                                "chapter": a.chapter,
                                "section": a.section,
                                "text": a.text,
                                "opinions": [opinion(o) for o in a.opinions],
                            }
                            for a in view.articles
                        ],
                        "whole_draft": [opinion(o) for o in view.whole_draft],
                    },
                    ensure_ascii=False,
                )
            )
            return
        typer.echo(f"{c.title}（{c.issuer or '征求意见'}，截止 {c.closes_on or '未定'}）")
        chapter = None
        for a in view.articles:
            if a.chapter and a.chapter != chapter:
                chapter = a.chapter
                typer.echo(f"\n{chapter}")
            first = a.text.splitlines()[0] if a.text else ""
            typer.echo(f"  {a.label}：{first[len(a.number) :].strip()[:60]}  （意见 {len(a.opinions)}）")
            for o in a.opinions:
                kind = ContributorKind.label_of(o.contributor_kind)
                outcome = f" [{Adoption.label_of(o.outcome)}]" if o.outcome else ""
                channel = OpinionChannel.label_of(o.channel)
                typer.echo(f"      #{o.id} {kind}·{channel}{outcome}：{shown(o)}")
        if view.whole_draft:
            typer.echo("\n对草案整体的意见")
            for o in view.whole_draft:
                kind, channel = ContributorKind.label_of(o.contributor_kind), OpinionChannel.label_of(o.channel)
                outcome = f" [{Adoption.label_of(o.outcome)}]" if o.outcome else ""
                typer.echo(f"      #{o.id} {kind}·{channel}{outcome}：{shown(o)}")


@app.command("adopt")
def adopt(
    ctx: typer.Context,
    opinion_id: int = typer.Argument(..., metavar="意见编号", help="意见的编号（consult show 中的 #N）"),
    outcome: str = typer.Option(
        ..., "--outcome", metavar="结果", help="adopted、partly、not_adopted（或 采纳、部分采纳、未采纳）"
    ),
    final_text: str = typer.Option("", "--final-text", metavar="条文", help="最终通过的条文"),
    note: str = typer.Option("", "--note", metavar="说明", help="说明"),
) -> None:
    """记录一条意见的采纳结果（只能记录一次）。"""
    with user_errors():
        from models.core.vocabulary import Adoption, Privilege
        from models.legislation.opinions import record_outcome
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.CONSULT_MANAGE)
        with session_scope(engine) as session:
            recorded = record_outcome(session, actor, opinion_id, outcome, final_text=final_text, note=note)
            label = Adoption.label_of(recorded.outcome)
        typer.echo(f"意见 #{opinion_id}：{label}")


@app.command("callbacks")
def callbacks(
    ctx: typer.Context,
    consultation_id: int = typer.Argument(None, metavar="编号", help="只列这次征求意见的（默认全部）"),
    as_json: bool = typer.Option(False, "--json", help="每行一个 JSON 对象"),
) -> None:
    """待反馈：已有采纳结果、还没告诉提出人的意见（姓名只在同意署名时显示，电话遮蔽）。"""
    with user_errors():
        from models.core.vocabulary import Adoption, ContributorKind, Privilege
        from models.legislation.callbacks import callbacks as callback_rows
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        signed_in(ctx, engine, Privilege.CONSULT_OPINION)
        with session_scope(engine) as session:
            rows = callback_rows(session, consultation_id)
        if as_json:
            for row in rows:
                typer.echo(json.dumps(row.as_dict(), ensure_ascii=False))
            return
        if not rows:
            typer.echo("没有待反馈的意见")
            return
        heading = None
        for row in rows:
            if row.consultation_id != heading:
                heading = row.consultation_id
                waiting = sum(1 for r in rows if r.consultation_id == heading)
                typer.echo(f"征求意见 {heading}：{row.consultation}（待反馈 {waiting} 条）")
            # the resident of a request is reached through it: its detail screen reveals the phone, audited
            reach = "  ".join(part for part in (row.name, row.phone) if part) or f"见诉求 {row.request_ref}"
            typer.echo(
                f"  #{row.opinion_id}  {'、'.join(row.articles)}  {Adoption.label_of(row.outcome)}  "
                f"{ContributorKind.label_of(row.contributor_kind)}  {reach}"
            )
        typer.echo("告知提出人后：xinsheng consult inform 意见编号", err=True)


@app.command("inform")
def inform(
    ctx: typer.Context,
    opinion_id: int = typer.Argument(..., metavar="意见编号", help="意见的编号（consult callbacks 中的 #N）"),
) -> None:
    """记录已把采纳结果告诉提出人（每条意见只记录一次）。"""
    with user_errors():
        from models.core.vocabulary import Adoption, Privilege
        from models.legislation.opinions import record_callback
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.CONSULT_OPINION)
        with session_scope(engine) as session:
            opinion = record_callback(session, actor, opinion_id)
            label = Adoption.label_of(opinion.outcome)
        typer.echo(f"意见 #{opinion_id}：已告知提出人（{label}）")


@app.command("attach")
def attach(
    ctx: typer.Context,
    consultation_id: int = typer.Argument(..., metavar="编号", help="仍在征求意见的草案编号"),
    refs: list[str] = typer.Argument(..., metavar="诉求编号…", help="类型为“立法意见”的诉求编号，可给多个"),
) -> None:
    """把已登记的“立法意见”诉求加入征求意见：居民原话照录，对应到明显相关的条款，否则作为对草案整体的意见。"""
    with user_errors():
        from models.core.vocabulary import Privilege
        from models.legislation.opinions import attach_request
        from models.requests.queries import request_by_ref
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.CONSULT_OPINION)
        with session_scope(engine) as session:  # all or none: a refused ref leaves the others unattached too
            joined = []
            for typed in refs:
                request = request_by_ref(session, typed, actor)  # only requests within the operator's reach
                joined.append((request.ref, attach_request(session, actor, consultation_id, request).id))
        for ref, opinion_id in joined:
            typer.echo(f"{ref} → 意见 #{opinion_id}")


@app.command("import-opinions")
def import_opinions(
    ctx: typer.Context,
    consultation_id: int = typer.Argument(..., metavar="编号", help="征求意见的编号"),
    file: Path = typer.Argument(
        ...,
        metavar="文件",
        help="CSV 或 XLSX：意见内容、针对条款、提出人类型、征集渠道、提出日期、姓名、联系电话、同意署名",
    ),
    map_: list[str] = MAP_OPTION,
    encoding: str = ENCODING_OPTION,
    sheet: str = SHEET_OPTION,
    skip_bad: bool = SKIP_BAD_OPTION,
    errors_file: Path = ERRORS_OPTION,
    force: bool = FORCE_ERRORS_OPTION,
) -> None:
    """导入意见：原文照录；未写条款的按内容对应到最相关的条款（把握不足的归入对草案整体的意见）。"""
    with user_errors():
        from commands.common import report_bad_rows
        from models.core.vocabulary import Privilege
        from models.files.opinion_import import import_opinions as run_import
        from models.store.engine import session_scope

        overrides, database = prepare_import(ctx, file, map_, skip_bad, errors_file, force)
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.CONSULT_OPINION)
        with session_scope(engine) as session:
            result = run_import(
                session, actor, consultation_id, file, overrides=overrides, encoding=encoding, sheet=sheet,
                skip_bad=skip_bad,
            )  # fmt: skip
        typer.echo(
            f"{result.file_name}：共 {result.total} 行，新增 {result.added}，已存在 {result.already_present}；"
            f"按内容对应条款 {result.matched}（请核对），对草案整体 {result.whole_draft}"
        )
        report_bad_rows(result.errors, file, errors_file, force=force, database=database)


@app.command("export")
def export(
    ctx: typer.Context,
    consultation_id: int = typer.Argument(..., metavar="编号", help="征求意见的编号"),
    fmt: str = typer.Option("docx", "--format", "-f", metavar="格式", help="docx、xlsx 或 md"),
    output: str = typer.Option(None, "--output", "-o", metavar="文件", help="输出文件（md 可用 - 输出到屏幕）"),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖它"),
) -> None:
    """导出报送材料：逐条汇总意见原文、条数和提出人类别，再列对草案整体的意见；只在本人同意时署名。"""
    with user_errors():
        from commands.common import database_file
        from models.access.audit import record
        from models.core.errors import UserError
        from models.core.vocabulary import AuditAction, Privilege
        from models.files.consultation_export import FORMATS, render_markdown, write_export
        from models.files.outputs import check_output_path
        from models.legislation.consultations import consultation_view
        from models.store.engine import session_scope

        if fmt not in FORMATS:
            raise UserError(f"--format 应为 {'、'.join(FORMATS)} 之一，收到 “{fmt}”")
        if output == "-" and fmt != "md":
            raise UserError(f"{fmt} 不能写到标准输出，请用 --output 指定文件")
        target = None if output == "-" else Path(output or f"立法意见-{consultation_id}.{fmt}")
        if target is not None:
            check_output_path(target, force=force, database=database_file(ctx))
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.CONSULT_MANAGE)
        with session_scope(engine) as session:
            view = consultation_view(session, consultation_id)
            record(session, actor, AuditAction.CONSULTATION_EXPORT, consultation=consultation_id, format=fmt)
        if target is None:
            typer.echo(render_markdown(view), nl=False)
            return
        write_export(view, fmt, target, force=force, database=database_file(ctx))
        typer.echo(f"已导出：{target}")
