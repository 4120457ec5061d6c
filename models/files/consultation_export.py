"""The submission (`xinsheng consult export`): per article, its text and the opinions on it, verbatim, with their count
and who gave them; then the opinions on the draft as a whole. A contributor is named only with their consent; phones
and ID numbers in any opinion are masked, as everywhere else (the legislature needs the words, not the numbers).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from models.core.vocabulary import Adoption, ContributorKind, OpinionChannel
from models.files.outputs import complete_or_absent
from models.legislation.consultations import ArticleView, ConsultationView
from models.store.tables import Opinion

FORMATS = ("md", "xlsx", "docx")


def opinion_count(view: ConsultationView) -> int:
    """Opinions received, each once however many articles it concerns."""
    return len({o.id for a in view.articles for o in a.opinions} | {o.id for o in view.whole_draft})


def attribution(opinion: Opinion) -> str:
    who = ContributorKind.label_of(opinion.contributor_kind)
    if opinion.consent and opinion.contributor_name:
        who = f"{opinion.contributor_name}（{who}）"
    return f"{who} · {OpinionChannel.label_of(opinion.channel)} · {opinion.given_on:%Y-%m-%d}"


def kinds(opinions: list[Opinion]) -> str:
    counts = Counter(ContributorKind.label_of(o.contributor_kind) for o in opinions)
    return "、".join(f"{kind} {n}" for kind, n in counts.most_common()) or "—"


def _sections(view: ConsultationView) -> list[tuple[str, str, list[Opinion]]]:
    """(heading, article text, opinions) per article with opinions, then the whole draft's."""
    out: list[tuple[str, str, list[Opinion]]] = []
    for article in view.articles:
        if article.opinions:
            out.append((_heading(article), article.text, article.opinions))
    if view.whole_draft:
        out.append(("对草案整体的意见", "", view.whole_draft))
    return out


def _heading(article: ArticleView) -> str:
    where = " · ".join(part for part in (article.chapter, article.section) if part)
    return f"{article.label}（{where}）" if where else article.label


def render_markdown(view: ConsultationView) -> str:
    c = view.consultation
    total = opinion_count(view)
    lines = [
        f"# 关于《{c.title}》的意见建议",
        "",
        f"征求意见单位：{c.issuer or '—'}；征求期间：{c.opens_on:%Y-%m-%d} 至 {c.closes_on or '—'}。",
        f"共收到意见 {total} 条，原汁原味整理如下（电话、证件号已隐去；署名均经本人同意）。",
    ]
    for heading, text, opinions in _sections(view):
        lines += ["", f"## {heading}", ""]
        if text:
            lines += [f"> {line}" for line in text.splitlines()] + [""]
        lines.append(f"意见 {len(opinions)} 条（{kinds(opinions)}）")
        lines.append("")
        for n, opinion in enumerate(opinions, 1):
            outcome = f" [{Adoption.label_of(opinion.outcome)}]" if opinion.outcome else ""
            lines.append(f"{n}. {markdown_text(view.words(opinion))}  ——{attribution(opinion)}{outcome}")
    return "\n".join(lines) + "\n"


_MARKDOWN = re.compile(r"([\\`*_\[\]{}()#+\-.!|>~<])")


def markdown_text(words: str) -> str:
    """Words as they read, not as Markdown: an opinion that writes "## 第二十四条" or a link must not become a
    heading, an image or another opinion in the submission. Its ASCII punctuation is escaped (Chinese punctuation
    needs none) and its further lines stay inside its list item."""
    return "\n   ".join(_MARKDOWN.sub(r"\\\1", line) for line in words.splitlines())


def write_export(
    view: ConsultationView, fmt: str, output: Path, *, force: bool = False, database: Path | None = None
) -> Path:
    with complete_or_absent(output, force=force, database=database) as partial:
        if fmt == "md":
            partial.write_text(render_markdown(view), encoding="utf-8")
        elif fmt == "xlsx":
            _write_xlsx(view, partial)
        else:
            _write_docx(view, partial)
    return output


def _write_xlsx(view: ConsultationView, path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    try:
        sheet = book.add_worksheet("意见汇总")
        header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        sheet.write_row(0, 0, ["条款", "条文", "序号", "意见（原文）", "提出人", "渠道", "日期", "结果"], header)
        row = 1
        for heading, text, opinions in _sections(view):
            for n, opinion in enumerate(opinions, 1):
                who = ContributorKind.label_of(opinion.contributor_kind)
                if opinion.consent and opinion.contributor_name:
                    who = f"{opinion.contributor_name}（{who}）"
                cells = [
                    heading, text if n == 1 else "", n, view.words(opinion), who,
                    OpinionChannel.label_of(opinion.channel), f"{opinion.given_on:%Y-%m-%d}",
                    Adoption.label_of(opinion.outcome, ""),
                ]  # fmt: skip
                for column, value in enumerate(cells):
                    if isinstance(value, int):
                        sheet.write_number(row, column, value)
                    else:
                        sheet.write_string(row, column, value, wrap)  # strings as strings: no formula ever runs
                row += 1
        sheet.set_column(0, 0, 22)
        sheet.set_column(1, 1, 50)
        sheet.set_column(3, 3, 60)
        sheet.set_column(4, 7, 14)
        sheet.freeze_panes(1, 0)
    finally:
        book.close()


def _write_docx(view: ConsultationView, path: Path) -> None:
    from docx import Document

    c = view.consultation
    document = Document()
    document.add_heading(f"关于《{c.title}》的意见建议", level=1)
    total = opinion_count(view)
    document.add_paragraph(
        f"征求意见单位：{c.issuer or '—'}；征求期间：{c.opens_on:%Y-%m-%d} 至 {c.closes_on or '—'}。"
        f"共收到意见 {total} 条，原汁原味整理如下（电话、证件号已隐去；署名均经本人同意）。"
    )
    for heading, text, opinions in _sections(view):
        document.add_heading(heading, level=2)
        if text:
            document.add_paragraph(text, style="Intense Quote")
        document.add_paragraph(f"意见 {len(opinions)} 条（{kinds(opinions)}）")
        for opinion in opinions:
            paragraph = document.add_paragraph(view.words(opinion), style="List Number")
            paragraph.add_run(f"  ——{attribution(opinion)}").italic = True
    document.save(str(path))
