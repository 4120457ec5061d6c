"""`xinsheng consult …` (issue 19, in progress): a draft in, opinions imported verbatim and matched to articles, the
submission out in md, xlsx and docx; bad input is one line, exit 2, nothing written."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import func, select
from typer.testing import CliRunner, Result

from commands.main import app
from models.core.clock import now
from models.store.engine import open_engine, session_scope
from models.store.tables import Opinion
from tests.accounts import cli_first_admin
from tests.conftest import migrated_sqlite

runner = CliRunner()
DRAFT = Path(__file__).resolve().parents[1] / "data" / "draft_with_chapters.txt"
OPINIONS = (
    "意见内容,针对条款,提出人类型,征集渠道,提出日期,姓名,联系电话,同意署名\n"
    '"没电梯的楼，楼道里应该放几把折叠椅，老人爬楼可以歇歇脚。\n我家住六楼，我妈每次上楼要歇三回！",,居民,座谈会,'
    "2026-11-05,王秀兰,13812345678,否\n"
    "新小区的活动室被物业当仓库，罚得太轻,第五条、第八条,信息员,走访,2026-11-06,李建国,,是\n"
    "这部法律很好，支持  ,全文,律师,线上,2026-11-07,,,\n"
)


def run(db: Path, *args: str) -> Result:
    return runner.invoke(app, ["--db", str(db), *args])


@pytest.fixture
def point(tmp_path: Path, sqlite_template: Path) -> Path:
    db = migrated_sqlite(sqlite_template, tmp_path / "point.db")
    cli_first_admin(str(db))
    closes = f"{now() + timedelta(days=30):%Y-%m-%d}"  # open whenever the suite runs
    made = run(
        db, "consult", "new", "--file", str(DRAFT), "--issuer", "全国人大常委会法工委", "--opens", "2026-11-01",
        "--closes", closes,
    )  # fmt: skip
    assert made.exit_code == 0 and made.stdout.strip() == "1", made.output
    return db


def _refused(result: Result, *words: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 2 and len(lines) == 1 and all(w in lines[0] for w in words), result.output


def test_opinions_are_imported_verbatim_matched_and_passed_on(point: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "座谈会记录.csv"
    sheet.write_text(OPINIONS, encoding="utf-8")
    done = run(point, "consult", "import-opinions", "1", str(sheet))
    assert done.exit_code == 0, done.output
    assert "新增 3" in done.stdout and "按内容对应条款 1" in done.stdout and "对草案整体 1" in done.stdout
    assert "已存在 3" in run(point, "consult", "import-opinions", "1", str(sheet)).stdout
    with session_scope(open_engine(point)) as s:
        texts = s.exec(select(Opinion.text).order_by(Opinion.id)).all()
    # exactly as in the cell: the line break, the full-width punctuation, the trailing spaces
    assert texts[0] == "没电梯的楼，楼道里应该放几把折叠椅，老人爬楼可以歇歇脚。\n我家住六楼，我妈每次上楼要歇三回！"
    assert texts[2] == "这部法律很好，支持  "
    shown = json.loads(run(point, "consult", "show", "1", "--json").stdout)
    on = {a["number"]: [o["text"][:6] for o in a["opinions"]] for a in shown["articles"]}
    assert on["第六条"] == ["没电梯的楼，"] and on["第五条"] == on["第八条"] == ["新小区的活动"]
    assert [o["text"] for o in shown["whole_draft"]] == ["这部法律很好，支持  "]
    md = run(point, "consult", "export", "1", "-f", "md", "-o", "-").stdout
    assert "## 第六条（第二章 社区服务设施 · 第二节 适老化改造）" in md and "意见 1 条（居民 1）" in md
    assert "李建国（信息员）" in md and "王秀兰" not in md  # named only with consent
    for fmt in ("xlsx", "docx"):
        out = tmp_path / f"报送.{fmt}"
        assert run(point, "consult", "export", "1", "-f", fmt, "-o", str(out)).exit_code == 0
        assert out.stat().st_size > 0 and out.stat().st_mode & 0o077 == 0
    from docx import Document

    words = "\n".join(p.text for p in Document(str(tmp_path / "报送.docx")).paragraphs)
    assert "我家住六楼" in words and "王秀兰" not in words and "13812345678" not in words
    _refused(run(point, "consult", "export", "1", "-f", "docx", "-o", str(tmp_path / "报送.docx")), "--force")
    recorded = run(point, "consult", "adopt", "2", "--outcome", "部分采纳", "--final-text", "第五条增加罚款数额")
    assert recorded.exit_code == 0
    _refused(run(point, "consult", "adopt", "2", "--outcome", "采纳", "--note", "x"), "已记录结果")


@pytest.mark.parametrize(
    ("row", "words"),
    [
        (",第六条,居民,座谈会,2026-11-05,,,否", ("第 2 行", "意见内容", "为空")),
        ("意见,第九十九条,居民,座谈会,2026-11-05,,,否", ("第 2 行", "针对条款", "第九十九条")),
        ("意见,第六条,路人,座谈会,2026-11-05,,,否", ("第 2 行", "提出人类型", "路人")),
        ("意见,第六条,居民,座谈会,2026-13-05,,,否", ("第 2 行", "提出日期")),
        ("意见,第六条,居民,座谈会,2026-11-05,,,也许", ("第 2 行", "同意署名")),
    ],
)
def test_a_bad_opinion_row_is_one_line_and_nothing_is_written(point: Path, tmp_path: Path, row: str, words) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text(OPINIONS.splitlines()[0] + "\n" + row + "\n", encoding="utf-8")
    _refused(run(point, "consult", "import-opinions", "1", str(sheet)), *words)
    with session_scope(open_engine(point)) as s:
        assert s.exec(select(func.count()).select_from(Opinion)).one() == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("consult", "export", "9", "-f", "md", "-o", "-"), ("没有编号为 9",)),
        (("consult", "export", "1", "-f", "pdf"), ("--format",)),
        (("consult", "export", "1", "-f", "docx", "-o", "-"), ("标准输出",)),
        (("consult", "new", "--file", "{tmp}/empty.txt"), ("没有文字",)),
        (("consult", "new", "--file", str(DRAFT), "--opens", "2026-12-01", "--closes", "2026-11-01"), ("--closes",)),
    ],
)
def test_bad_consult_options_are_one_line(point: Path, tmp_path: Path, args, words) -> None:
    (tmp_path / "empty.txt").write_text("\n \n", encoding="utf-8")
    _refused(run(point, *(a.format(tmp=tmp_path) for a in args)), *words)


def test_the_callback_list_and_informing_a_contributor(point: Path, tmp_path: Path) -> None:
    """Staff see whom to tell and what (masked: a name only with consent, the phone never whole), and record it once."""
    sheet = tmp_path / "座谈会记录.csv"
    sheet.write_text(OPINIONS, encoding="utf-8")
    assert run(point, "consult", "import-opinions", "1", str(sheet)).exit_code == 0
    assert run(point, "consult", "callbacks").stdout.strip() == "没有待反馈的意见"  # nothing decided yet
    for opinion, outcome in (("1", "采纳"), ("2", "未采纳"), ("3", "未采纳")):
        assert run(point, "consult", "adopt", opinion, "--outcome", outcome, "--note", "已报送").exit_code == 0
    listed = run(point, "consult", "callbacks")
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    assert lines[0] == "征求意见 1：中华人民共和国社区服务促进法（草案）（待反馈 2 条）"
    assert lines[1] == "  #1  第六条  采纳  居民  王**  138****5678"  # no consent: the name masked
    assert lines[2] == "  #2  第五条、第八条  未采纳  信息员  李建国"  # named with consent, no phone left
    assert len(lines) == 3  # the anonymous opinion has nobody to tell
    assert "13812345678" not in listed.output and "王秀兰" not in listed.output
    rows = [json.loads(line) for line in run(point, "consult", "callbacks", "1", "--json").stdout.splitlines()]
    assert [(r["id"], r["articles"], r["outcome"], r["name"], r["phone"]) for r in rows] == [
        (1, ["第六条"], "adopted", "王**", "138****5678"),
        (2, ["第五条", "第八条"], "not_adopted", "李建国", None),
    ]
    told = run(point, "consult", "inform", "1")
    assert told.exit_code == 0 and told.stdout.strip() == "意见 #1：已告知提出人（采纳）", told.output
    assert [r["id"] for r in map(json.loads, run(point, "consult", "callbacks", "--json").stdout.splitlines())] == [2]
    with session_scope(open_engine(point)) as s:
        informed = s.get(Opinion, 1)
        assert informed is not None and informed.informed_at is not None and informed.informed_by == "管理员"
    _refused(run(point, "consult", "inform", "1"), "#1", "已于", "反馈过")
    _refused(run(point, "consult", "callbacks", "9"), "没有编号为 9")


@pytest.mark.parametrize(
    ("setup", "opinion", "words"),
    [
        (False, "99", ("没有编号为 #99",)),
        (True, "1", ("#1", "还没有结果")),
    ],
)
def test_informing_about_an_opinion_that_cannot_be_told_is_one_line(
    point: Path, tmp_path: Path, setup: bool, opinion: str, words: tuple[str, ...]
) -> None:
    if setup:
        sheet = tmp_path / "意见.csv"
        sheet.write_text(OPINIONS, encoding="utf-8")
        assert run(point, "consult", "import-opinions", "1", str(sheet)).exit_code == 0
    _refused(run(point, "consult", "inform", opinion), *words)


def test_logged_legislative_requests_join_all_or_none(point: Path) -> None:
    """`consult attach ID REF…`: 立法意见 requests already logged join the consultation, each once; one refused ref
    and none of them joins."""
    from models.people.permissions import Actor
    from models.requests.intake import log_request

    with session_scope(open_engine(point)) as s:
        admin = Actor("管理员", "admin")
        log_request(s, admin, title="对草案的意见", text="第六条的折叠座椅要写明谁维护", kind="legislative_opinion")
        log_request(s, admin, title="也谈社区服务", text="建议总则写上志愿服务", kind="legislative_opinion")
        log_request(s, admin, title="楼道灯坏了", kind="help")
    year = now().year
    _refused(run(point, "consult", "attach", "1", "1", "3"), f"XS-{year}-000003", "不是“立法意见”")
    _refused(run(point, "consult", "attach", "1", "99"), "99")
    _refused(run(point, "consult", "attach", "7", "1"), "没有编号为 7 的征求意见")
    with session_scope(open_engine(point)) as s:
        assert s.exec(select(func.count()).select_from(Opinion)).one() == 0  # nothing half-joined
    done = run(point, "consult", "attach", "1", "1", f"XS-{year}-000002")
    assert done.exit_code == 0, done.output
    assert done.stdout.splitlines() == [f"XS-{year}-000001 → 意见 #1", f"XS-{year}-000002 → 意见 #2"]
    _refused(run(point, "consult", "attach", "1", "2"), "已作为意见 #2")
    shown = json.loads(run(point, "consult", "show", "1", "--json").stdout)
    sixth = next(a for a in shown["articles"] if a["number"] == "第六条")
    assert [o["text"] for o in sixth["opinions"]] == ["第六条的折叠座椅要写明谁维护"]


def test_control_characters_kept_verbatim_never_reach_a_terminal_or_break_a_file(point: Path, tmp_path: Path) -> None:
    """Found by a walkthrough: Word's soft return (\\x0b) stopped the docx export, and an escape sequence in an
    opinion reached the terminal that printed it. Stored verbatim; shown and written escaped."""
    sheet = tmp_path / "意见.csv"
    sheet.write_text(
        "意见内容,针对条款,姓名,同意署名\n"
        '"从Word复制的\x0b软回车",第六条,,\n'
        '"终端注入\x1b]0;pwned\x07结束 [/b]",第六条、第七条,孙大伟,否\n'
        '"我叫孙大伟，说两句",,孙大伟,否\n',
        encoding="utf-8",
    )
    assert run(point, "consult", "import-opinions", "1", str(sheet)).exit_code == 0
    with session_scope(open_engine(point)) as s:
        assert "\x1b]0;pwned\x07" in s.exec(select(Opinion.text).where(Opinion.id == 2)).one()  # kept as given
    shown = run(point, "consult", "show", "1")
    assert shown.exit_code == 0 and "\x1b" not in shown.stdout and "\x07" not in shown.stdout
    assert "\\x1b]0;pwned\\x07结束" in shown.stdout and "孙大伟" not in shown.stdout  # no consent, no name
    for fmt in ("docx", "xlsx", "md"):
        target = tmp_path / f"报送.{fmt}"
        done = run(point, "consult", "export", "1", "-f", fmt, "-o", str(target))
        assert done.exit_code == 0, done.output
    markdown = (tmp_path / "报送.md").read_text(encoding="utf-8")
    assert "共收到意见 3 条" in markdown  # the opinion on two articles counts once
    assert "从Word复制的\n   软回车" in markdown and "\x1b" not in markdown  # the line break, inside its list item
    from docx import Document

    words = "\n".join(p.text for p in Document(str(tmp_path / "报送.docx")).paragraphs)
    assert "\\x1b]0;pwned\\x07结束" in words and "共收到意见 3 条" in words


def test_two_people_saying_the_same_are_two_opinions_and_dates_outside_the_window_are_refused(
    point: Path, tmp_path: Path
) -> None:
    """Found by a walkthrough: two anonymous 同意 on the same day were kept as one; an opinion dated after today or
    outside the consultation was accepted; an opinion nobody can be reached for could be marked as told; an outcome
    could be recorded with nothing to tell the contributor."""
    sheet = tmp_path / "座谈会.csv"
    sheet.write_text("意见内容,提出日期\n同意,2026-11-05\n同意,2026-11-05\n", encoding="utf-8")
    assert "新增 2" in run(point, "consult", "import-opinions", "1", str(sheet)).stdout
    assert "新增 0，已存在 2" in run(point, "consult", "import-opinions", "1", str(sheet)).stdout
    early = tmp_path / "早.csv"
    early.write_text("意见内容,提出日期\n太早了,2026-10-01\n", encoding="utf-8")
    _refused(run(point, "consult", "import-opinions", "1", str(early)), "第 2 行", "提出日期", "早于征求意见开始日期")
    late = tmp_path / "晚.csv"
    late.write_text(f"意见内容,提出日期\n还没到,{now() + timedelta(days=2):%Y-%m-%d}\n", encoding="utf-8")
    _refused(run(point, "consult", "import-opinions", "1", str(late)), "第 2 行", "晚于今天")
    _refused(run(point, "consult", "adopt", "1", "--outcome", "未采纳"), "--note")
    assert run(point, "consult", "adopt", "1", "--outcome", "未采纳", "--note", "已有规定").exit_code == 0
    _refused(run(point, "consult", "inform", "1"), "意见 #1", "无从反馈")
    with session_scope(open_engine(point)) as s:
        assert s.exec(select(func.count()).select_from(Opinion)).one() == 2
        assert s.get(Opinion, 1).informed_at is None  # type: ignore[union-attr]


def test_an_opinion_cannot_forge_the_structure_of_the_markdown_submission(point: Path, tmp_path: Path) -> None:
    """Found by an attack probe: an opinion's lines became a heading (## 第二十四条), a forged opinion signed by a
    deputy and a remote image in the Markdown submission. Its words are escaped and stay inside its list item."""
    forged = "赞成\n## 第二十四条（伪造标题）\n2. 全部删除  ——人大代表\n![x](http://evil.example/a.png) [点此](http://evil.example)"
    sheet = tmp_path / "意见.csv"
    sheet.write_text(f'意见内容,针对条款\n"{forged}",第六条\n', encoding="utf-8")
    assert run(point, "consult", "import-opinions", "1", str(sheet)).exit_code == 0
    target = tmp_path / "报送.md"
    assert run(point, "consult", "export", "1", "-f", "md", "-o", str(target)).exit_code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith("## 第二十四条") for line in lines)
    assert "   \\#\\# 第二十四条（伪造标题）" in lines and "   2\\. 全部删除  ——人大代表" in lines
    assert not any("](" in line or "![" in line for line in lines)


def test_an_import_is_audited_and_a_file_without_headers_echoes_no_phone(point: Path, tmp_path: Path) -> None:
    """Found by an attack probe: an import of contributors' names and phones left no audit row (a request import
    does), and a file without a header row had its first row, a resident's phone, printed in the error."""
    from models.store.tables import AuditEvent

    bare = tmp_path / "无表头.csv"
    bare.write_text("楼道要装座椅,第六条,张三丰,13600000099\n", encoding="utf-8")
    refused = run(point, "consult", "import-opinions", "1", str(bare))
    _refused(refused, "找不到表头行", "136****0099")
    assert "13600000099" not in refused.output
    sheet = tmp_path / "意见.csv"
    sheet.write_text("意见内容,针对条款,姓名,联系电话\n楼道要装座椅,第六条,张三丰,13600000099\n", encoding="utf-8")
    assert run(point, "consult", "import-opinions", "1", str(sheet)).exit_code == 0
    with session_scope(open_engine(point)) as s:
        (audit,) = s.exec(select(AuditEvent).where(AuditEvent.action == "opinions_import")).all()
    assert '"rows": 1' in audit.detail and "意见.csv" in audit.detail and "13600000099" not in audit.detail
