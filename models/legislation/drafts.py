"""A draft law as the legislature publishes it for comment: a title, perhaps a table of contents, then 第X章 (chapters),
第X节 (sections) and 第X条 (articles), each article one or more paragraphs (款) and numbered items (项).

Splitting keeps every article's text exactly as written (the lines of the file, joined by newlines): the submission
quotes articles back to the legislature, and an opinion is read against the words it was given. A draft with no
第X条 at all is kept as one text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.core.errors import UserError
from models.core.text import drop_controls

NUMERAL = "[一二三四五六七八九十百千零〇两0-9０-９]+"
ARTICLE = re.compile(rf"^\s*(第{NUMERAL}条)(?:[\s\u3000]+|$)")
HEADING = re.compile(rf"^\s*(第{NUMERAL}([编章节]))(?:[\s\u3000]+(.*\S))?\s*$")
CONTENTS = re.compile(r"^\s*目\s*录\s*$")
MARKDOWN_MARK = re.compile(r"^\s*#{1,6}\s+|^\s*[*_]{1,2}(?=第)")
MAX_DRAFT_CHARS = 2_000_000  # the longest codes run to about 200,000 characters
SUFFIXES = (".txt", ".md", ".docx")


@dataclass(frozen=True)
class DraftArticle:
    """One article (or the whole text, `number` ""), with the chapter and section it stands in."""

    position: int
    number: str  # 第十二条, or "" for a draft kept as one text
    chapter: str  # 第二章 监督管理, or ""
    section: str  # 第一节 一般规定, or ""
    text: str  # as written (without the indentation of its first line), its number included

    @property
    def label(self) -> str:
        return self.number or "全文"


@dataclass(frozen=True)
class Draft:
    title: str
    text: str
    articles: list[DraftArticle]


def read_draft(path: Path) -> Draft:
    """Read a draft file; one clear line when it cannot be read or holds no text."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(f"草案文件应为 .txt、.md 或 .docx：{path.name}")
    if not path.is_file():
        raise UserError(f"找不到草案文件：{path}")
    if suffix == ".docx":
        text = _docx_text(path)
    else:
        data = path.read_bytes()
        if len(data) > 4 * MAX_DRAFT_CHARS:
            raise UserError(f"草案文件过大：{path.name}")
        text = _decode(data, path.name)
    if not text.strip():
        raise UserError(f"草案文件没有文字：{path.name}")
    if len(text) > MAX_DRAFT_CHARS:
        raise UserError(f"草案过长（{len(text):,} 字，最多 {MAX_DRAFT_CHARS:,} 字）：{path.name}")
    return split_draft(text)


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "gb18030", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(f"无法识别草案文件的编码（请存为 UTF-8）：{name}")


# what a Word draft may unpack to: its longest text with Word's XML around it, several times over; a 138 KB file
# that unpacked to 60 MB of XML took 223 MB of memory to parse before its length could be refused
MAX_DOCX_UNPACKED = 20 * MAX_DRAFT_CHARS


def _check_unpacked(path: Path) -> None:
    """Refuse a Word file that unpacks to more than a draft could hold, by reading the zip as a stream (a part that
    lies about its size is stopped by the zip module), before the XML is parsed."""
    import zipfile

    unpacked = 0
    with zipfile.ZipFile(path) as archive:
        for part in archive.infolist():
            with archive.open(part) as stream:
                while chunk := stream.read(1 << 20):
                    unpacked += len(chunk)
                    if unpacked > MAX_DOCX_UNPACKED:
                        limit = MAX_DOCX_UNPACKED >> 20
                        raise UserError(f"Word 文件解压后超过 {limit} MB，不像草案：{path.name}")


def _docx_text(path: Path) -> str:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        _check_unpacked(path)
        document = Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
        raise UserError(f"不是有效的 Word（.docx）文件：{path.name}") from exc
    return "\n".join(_docx_lines(document))


def _docx_lines(document: Any) -> Iterator[str]:
    """The body in reading order: each paragraph a line, and each row of a table a line of its cells (a schedule
    of fines or of duties set out as a table is part of the article above it). A merged cell, which python-docx
    gives once per grid column it covers, is read once."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if not isinstance(block, Table):
            yield block.text
            continue
        for row in block.rows:
            cells: list[str] = []
            previous = None
            for cell in row.cells:
                if cell._tc is not previous:  # the same element for every column a merged cell covers
                    cells.append(" ".join(cell.text.split()))
                previous = cell._tc
            if any(cells):
                yield " | ".join(cells)


def split_draft(text: str) -> Draft:
    """Title, articles (with their chapter and section) and the whole text, as written."""
    # a draft is the legislature's text, not a resident's words: its stray control characters (a NUL, an escape
    # sequence) are dropped, as from any imported cell; Word's soft returns are line breaks
    text = drop_controls(text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n"))
    lines = text.split("\n")
    title = next((_plain(line) for line in lines if line.strip()), "")
    articles: list[DraftArticle] = []
    chapter = section = ""
    current: list[str] = []
    number = ""
    in_contents = False

    def close() -> None:
        if number:
            body = "\n".join(current).strip("\n")
            articles.append(DraftArticle(len(articles) + 1, number, chapter, section, body))

    for line in lines:
        plain = _plain(line)
        if CONTENTS.match(plain):
            in_contents = True  # the table of contents lists headings; the first article ends it
            continue
        heading = HEADING.match(plain)
        if heading:
            close()
            number, current = "", []
            name = f"{heading.group(1)} {heading.group(3) or ''}".strip()
            if heading.group(2) == "节":
                section = name
            else:
                chapter, section = name, ""
            continue
        article = ARTICLE.match(plain)
        if article:
            in_contents = False
            close()
            number, current = _normal_number(article.group(1)), [line.strip()]
            continue
        if number and not in_contents:
            current.append(line.rstrip())
    close()
    if not articles:
        articles = [DraftArticle(1, "", "", "", text.strip("\n"))]
    return Draft(title, text, articles)


_DIGIT = {**{c: i for i, c in enumerate("零一二三四五六七八九")}, "〇": 0, "两": 2}
_UNIT = {"十": 10, "百": 100, "千": 1000}


def article_ordinal(label: str) -> int | None:
    """The number of an article however it is written: 第十二条, 第12条, 第１２条, 十二, 12 → 12; None if it is none.
    A draft numbered 第1条 is then found by 第一条 and the other way round."""
    core = label.strip().removeprefix("第").removesuffix("条").strip()
    if not core:
        return None
    digits = "".join(str(d) for c in core if (d := unicodedata.decimal(c, None)) is not None)
    if len(digits) == len(core):
        return int(digits)
    total = current = 0
    for c in core:
        if c in _DIGIT:
            current = _DIGIT[c]
        elif c in _UNIT:
            total += (current or 1) * _UNIT[c]  # 十二: 一十二
            current = 0
        else:
            return None
    return total + current


def _plain(line: str) -> str:
    """A line as its words read, without Markdown's heading or emphasis marks (for recognising headings only)."""
    return MARKDOWN_MARK.sub("", line).replace("**", "").replace("__", "").strip()


def _normal_number(number: str) -> str:
    """第１２条 (full-width digits) reads as 第12条."""
    return number.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
