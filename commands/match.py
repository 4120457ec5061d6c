"""`xinsheng match`: match one text, or a CSV of texts, against the catalog and learned routings."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from commands import startup
from commands.common import engine_for, err, user_errors
from models.core.errors import EXIT_BAD_INPUT

BATCH_SYNONYMS = {
    "id": ("编号", "序号", "留言编号", "工单编号", "工单号"),
    "title": ("标题", "留言主题", "主题", "诉求标题"),
    "text": ("内容", "留言详情", "详情", "诉求内容"),
}


def match(
    ctx: typer.Context,
    text: str = typer.Argument(None, metavar="文字", help="要匹配的诉求文字（或用 --batch 给出文件）"),
    top: int = typer.Option(3, "--top", "-k", metavar="K", help="返回前 K 个事项（1–50）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
    batch: Path = typer.Option(None, "--batch", metavar="文件", help="批量匹配的 CSV/XLSX 文件（列：id,title[,text]）"),
    fmt: str = typer.Option("jsonl", "--format", metavar="jsonl", help="批量输出格式（目前只有 jsonl）"),
    map_: list[str] = typer.Option(None, "--map", metavar="源列=字段", help="批量文件的列映射，如 --map 问题=title"),
) -> None:
    """把诉求匹配到事项清单和承办部门。"""
    with user_errors():
        from models.matching.loader import load_matcher
        from models.store.engine import session_scope

        if not 1 <= top <= 50:
            err(f"错误：--top 应在 1 到 50 之间，收到 {top}")
            raise typer.Exit(EXIT_BAD_INPUT)
        if batch is None and not text:
            err("错误：请给出要匹配的文字，或用 --batch 文件 批量匹配")
            raise typer.Exit(EXIT_BAD_INPUT)
        if batch is not None and text:
            err("错误：诉求文字与 --batch 只能选一个")
            raise typer.Exit(EXIT_BAD_INPUT)
        if batch is not None and fmt != "jsonl":
            err(f"错误：--format 只支持 jsonl，收到 “{fmt}”")
            raise typer.Exit(EXIT_BAD_INPUT)
        if batch is not None:
            from models.files.tabular import parse_map_options, read_table

            startup.release()  # a workbook's cells are cyclic garbage once read: never frozen (commands/startup.py)
            table = read_table(batch, BATCH_SYNONYMS, required=("id", "title"), overrides=parse_map_options(map_))
        with session_scope(engine_for(ctx)) as session:
            matcher = load_matcher(session)
        if not matcher.items:
            err("提示：数据库中还没有事项清单，请先运行 xinsheng catalog import 文件")
        if batch is not None:
            out = sys.stdout
            for _row, values in table.rows:
                result = matcher.match(values.get("title", ""), top=top, body=values.get("text", ""))
                record = {
                    "id": values.get("id", ""),
                    "department": result.department,
                    "confidence": result.confidence,
                    "departments": result.department_list(),
                    "matches": [{k: v for k, v in s.as_dict().items() if k != "reason"} for s in result.suggestions],
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        result = matcher.match(text, top=top)
        if result.empty:
            err("错误：诉求文字为空（去掉标点和空白后没有内容）")
            raise typer.Exit(EXIT_BAD_INPUT)
        if as_json:
            from models.core.text import mask_personal

            typer.echo(
                json.dumps(
                    {
                        "text": mask_personal(text, ()),  # a phone typed in must not be echoed into a file
                        "department": result.department,
                        "department_score": result.department_score,
                        "department_reason": result.department_reason,
                        "confidence": result.confidence,
                        "departments": result.department_list(),
                        "matches": [s.as_dict() for s in result.suggestions],
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        from models.core.vocabulary import DUTY_LABELS

        typer.echo(f"建议部门：{result.department or '（无）'}  {result.department_reason}")
        for rank, s in enumerate(result.suggestions, 1):
            typer.echo(
                f"{rank}. [{s.code}] {s.name}  {s.score:.1f}  {DUTY_LABELS.get(s.duty, s.duty)} → "
                f"{s.department}  （{s.reason}）"
            )
