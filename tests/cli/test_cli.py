"""The command-line contract (README.md, “Command line”) through Typer's CliRunner, on real database files."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commands.main import app
from models.store.migrations import HEAD_REVISION
from tests.accounts import PASSWORD, cli_first_admin
from tests.conftest import shared_file

runner = CliRunner()


def invoke(db: Path | str, *args: str):
    return runner.invoke(app, ["--db", str(db), *args])


def new_db(path: Path) -> Path:
    """A new database file with its first administrator, signed in: a new file starts with an administrator now
    (issue 14), no longer with the first `catalog import`."""
    cli_first_admin(str(path))
    return path


@pytest.fixture
def db(tmp_path: Path, catalog_csv: Path) -> Path:
    path = new_db(tmp_path / "cli.db")
    result = invoke(path, "catalog", "import", str(catalog_csv))
    assert result.exit_code == 0, result.output
    return path


def test_catalog_import_reports_counts(tmp_path: Path, catalog_csv: Path) -> None:
    result = invoke(new_db(tmp_path / "a.db"), "catalog", "import", str(catalog_csv))
    assert result.exit_code == 0
    assert "共 10 项，新增 10" in result.stdout and "收回/取消/合并 4" in result.stdout
    again = invoke(tmp_path / "a.db", "catalog", "import", str(catalog_csv))
    assert "新增 0，更新 0，未变 10" in again.stdout


def test_catalog_dry_run_writes_nothing(tmp_path: Path, catalog_csv: Path) -> None:
    result = invoke(new_db(tmp_path / "b.db"), "catalog", "import", str(catalog_csv), "--dry-run")
    assert result.exit_code == 0 and "试运行" in result.stdout
    empty = invoke(tmp_path / "b.db", "match", "路灯不亮")
    assert "无" in empty.stdout and "catalog import" in empty.stderr  # no catalog: say what to do


def test_bad_catalog_exits_2_with_row_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,department,duty\nA,路灯,街道,own\nB,漏水,区水务局,whatever\n", encoding="utf-8")
    result = invoke(new_db(tmp_path / "c.db"), "catalog", "import", str(bad))
    assert result.exit_code == 2
    assert "第 3 行" in result.stderr and "duty" in result.stderr and "未知的履职类型" in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file_and_wrong_type_exit_2(tmp_path: Path) -> None:
    missing = invoke(new_db(tmp_path / "d.db"), "catalog", "import", str(tmp_path / "nope.csv"))
    assert missing.exit_code == 2 and "nope.csv" in missing.stderr
    doc = tmp_path / "x.docx"
    doc.write_bytes(b"PK")
    result = invoke(tmp_path / "d.db", "catalog", "import", str(doc))
    assert result.exit_code == 2 and "不支持的文件类型" in result.stderr


def test_match_text_and_json(db: Path) -> None:
    result = invoke(db, "match", "楼上水管爆了一直漏水", "--top", "2")
    assert result.exit_code == 0
    assert "建议部门：区水务局" in result.stdout and "供水管道漏水抢修" in result.stdout
    data = json.loads(invoke(db, "match", "楼上水管爆了一直漏水", "--json").stdout)
    assert data["department"] == "区水务局"
    assert data["matches"][0]["code"] == "JD-003" and data["matches"][0]["duty"] == "returned"
    assert set(data["matches"][0]) >= {"code", "name", "category", "department", "duty", "score", "reason"}
    # issue 17: a calibrated confidence, and the candidate departments, distinct, best first, at least three
    assert 0.0 <= data["confidence"] <= 1.0
    names = [d["name"] for d in data["departments"]]
    assert names[0] == data["department"] and len(names) == len(set(names)) >= 3
    scores = [d["score"] for d in data["departments"]]
    assert scores == sorted(scores, reverse=True)


def test_version_and_top_bounds(db: Path) -> None:
    assert runner.invoke(app, ["--version"]).stdout.startswith("xinsheng ")
    for bad in ("0", "-1", "51"):
        result = invoke(db, "match", "路灯", "--top", bad)
        assert result.exit_code == 2 and "--top" in result.stderr and "Usage" not in result.output


def test_match_empty_text_is_a_clear_error(db: Path) -> None:
    for text in ("", "！！！"):
        result = invoke(db, "match", text)
        assert result.exit_code == 2 and "错误" in result.stderr


def test_match_batch_jsonl_in_input_order(db: Path, tmp_path: Path) -> None:
    batch = tmp_path / "batch.csv"
    batch.write_text(
        "id,title,text\nq1,晚上广场舞噪音太大,\nq2,楼道里放几把折叠椅,老人爬楼累\nq3,！！,\n",
        encoding="utf-8-sig",
    )
    result = invoke(db, "match", "--batch", str(batch), "--top", "2", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["q1", "q2", "q3"]
    assert lines[0]["department"] == "区城管执法局"
    assert lines[1]["matches"][0]["code"] == "JD-002" and len(lines[1]["matches"]) == 2
    assert set(lines[1]["matches"][0]) == {"code", "name", "category", "department", "duty", "score"}
    assert lines[2] == {"id": "q3", "department": None, "confidence": 0.0, "departments": [], "matches": []}
    assert lines[0]["departments"][0]["name"] == "区城管执法局" and 0 < lines[0]["confidence"] <= 1
    assert invoke(db, "match", "--batch", str(batch), "--format", "csv").exit_code == 2


def test_requests_import_teaches_match_and_is_idempotent(db: Path, tmp_path: Path) -> None:
    history = tmp_path / "h.csv"
    history.write_text(
        "工单编号,诉求标题,承办单位,办理状态\n1,化粪池冒了往外流,区排水集团,已办结\n2,东门化粪池堵了,区排水集团,已办结\n"
        "3,化粪池满了很臭,区排水集团,已办结\n",
        encoding="utf-8",
    )
    first = invoke(db, "requests", "import", str(history))
    assert first.exit_code == 0 and "新增 3" in first.stdout and "已确认派单 3" in first.stdout
    again = invoke(db, "requests", "import", str(history))
    assert "新增 0，已存在 3" in again.stdout
    assert json.loads(invoke(db, "match", "化粪池冒出来了", "--json").stdout)["department"] == "区排水集团"


def test_requests_import_bad_map_and_bad_row(db: Path, tmp_path: Path) -> None:
    history = tmp_path / "h.csv"
    history.write_text("标题,时间\n路灯坏了,2026-02-30\n", encoding="utf-8")
    result = invoke(db, "requests", "import", str(history))
    assert result.exit_code == 2 and "第 2 行" in result.stderr and "时间" in result.stderr
    result = invoke(db, "requests", "import", str(history), "--map", "标题")
    assert result.exit_code == 2 and "--map" in result.stderr


def test_stats_text_and_json(db: Path, tmp_path: Path) -> None:
    history = tmp_path / "h.csv"
    history.write_text("编号,标题,时间,状态\n1,路灯坏了,2026-03-02 10:00,登记\n", encoding="utf-8")
    invoke(db, "requests", "import", str(history))
    data = json.loads(invoke(db, "stats", "--json", "--period", "2026-03").stdout)
    assert data["total"] == 1 and data["by_status"]["new"] == 1
    assert set(data["resolution_rate"]) == {"numerator", "denominator", "rate"}
    text = invoke(db, "stats").stdout
    assert "解决率" in text and "满意率" in text and "响应率" in text
    bad = invoke(db, "stats", "--period", "2026/03")
    assert bad.exit_code == 2 and "YYYY-MM" in bad.stderr


def test_db_commands(tmp_path: Path) -> None:
    path = tmp_path / "e.db"
    up = invoke(path, "db", "upgrade")
    assert up.exit_code == 0 and f"→ {HEAD_REVISION}" in up.stdout
    assert "数据库已是最新版本" in invoke(path, "db", "upgrade").stdout
    assert f"版本：{HEAD_REVISION}" in invoke(path, "db", "current").stdout
    cli_first_admin(str(path))  # a backup is an administrator's (upgrade and current need no sign-in)
    backup = tmp_path / "backup.db"
    assert invoke(path, "db", "backup", str(backup)).exit_code == 0 and backup.exists()
    assert invoke(path, "db", "backup", str(backup)).exit_code == 2


def test_xinsheng_db_environment_variable(tmp_path: Path, catalog_csv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "env.db"
    monkeypatch.setenv("XINSHENG_DB", str(path))
    first = runner.invoke(app, ["operators", "add", "管理员", "--role", "admin", "--password-stdin"], input=PASSWORD)
    assert first.exit_code == 0, first.output
    assert path.exists()
    login = runner.invoke(app, ["login", "--operator", "管理员", "--password-stdin"], input=PASSWORD)
    assert login.exit_code == 0, login.output
    assert runner.invoke(app, ["catalog", "import", str(catalog_csv)]).exit_code == 0
    assert "未变 10" in invoke(path, "catalog", "import", str(catalog_csv)).stdout  # the same file, via --db


def test_unreachable_database_url_is_a_clear_error(tmp_path: Path) -> None:
    result = invoke("postgresql+psycopg://nobody@127.0.0.1:1/none", "stats")
    # an outage is a runtime failure, not bad input: exit 1, still one line
    assert result.exit_code == 1 and "无法打开数据库" in result.stderr and len(result.stderr.splitlines()) == 1


def test_postgres_url_works_for_commands(pg_url: str, catalog_csv: Path, tmp_path: Path) -> None:
    assert "版本：（空库）" in invoke(pg_url, "db", "current").stdout  # looking creates nothing
    assert invoke(pg_url, "stats").exit_code == 2  # nor does a command that only reads
    assert invoke(pg_url, "catalog", "import", str(catalog_csv)).exit_code == 2  # nor an import (issue 14)
    assert "版本：（空库）" in invoke(pg_url, "db", "current").stdout
    cli_first_admin(pg_url)  # the first administrator is what starts a database now
    assert invoke(pg_url, "catalog", "import", str(catalog_csv)).exit_code == 0
    assert f"版本：{HEAD_REVISION}" in invoke(pg_url, "db", "current").stdout
    history = tmp_path / "h.csv"
    history.write_text("工单编号,诉求标题,承办单位,办理状态\n1,化粪池冒了往外流,区排水集团,已办结\n", encoding="utf-8")
    assert "新增 1" in invoke(pg_url, "requests", "import", str(history)).stdout
    assert "新增 0" in invoke(pg_url, "requests", "import", str(history)).stdout
    data = json.loads(invoke(pg_url, "match", "晚上广场舞噪音太大", "--json").stdout)
    assert data["department"] == "区城管执法局"
    assert json.loads(invoke(pg_url, "stats", "--json").stdout)["total"] == 1
    assert invoke(pg_url, "db", "backup", str(tmp_path / "b.db")).exit_code == 2  # pg_dump's job, said clearly


def test_demo_command_on_postgres_and_sqlite(pg_url: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--db", pg_url, "--requests", "40"])
    assert result.exit_code == 0, result.output
    assert "40 条诉求" in result.stdout
    again = runner.invoke(app, ["demo", "--db", pg_url, "--requests", "40"])
    assert again.exit_code == 2 and "--force" in again.stderr
    assert runner.invoke(app, ["demo", "--db", pg_url, "--force"]).exit_code == 2
    path = tmp_path / "demo.db"
    assert runner.invoke(app, ["demo", "--db", str(path), "--requests", "30"]).exit_code == 0
    rebuilt = runner.invoke(app, ["demo", "--db", str(path), "--requests", "20", "--force"])
    assert rebuilt.exit_code == 0 and "20 条诉求" in rebuilt.stdout


def test_shared_catalog_through_the_cli(tmp_path: Path) -> None:
    catalog = shared_file("taxonomy_catalog.csv")
    result = invoke(new_db(tmp_path / "s.db"), "catalog", "import", str(catalog))
    assert result.exit_code == 0 and "共 517 项" in result.stdout


def test_mistyped_db_directory_is_an_error_not_a_new_database(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "x.db"
    result = invoke(missing, "stats")
    assert result.exit_code == 2 and "目录不存在" in result.stderr
    assert not missing.parent.exists()


def test_file_option_mistakes_are_named(db: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "r.csv"
    csv_file.write_text("标题,部门\n路灯坏了,社区居委会\n", encoding="utf-8")
    result = invoke(db, "requests", "import", str(csv_file), "--map", "承办单位=department")
    assert result.exit_code == 2 and "承办单位" in result.stderr and "标题、部门" in result.stderr
    result = invoke(db, "requests", "import", str(csv_file), "--sheet", "Sheet1")
    assert result.exit_code == 2 and "--sheet" in result.stderr
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    result = invoke(db, "requests", "import", str(empty))
    assert result.exit_code == 2 and "诉求标题或内容" in result.stderr
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    result = invoke(db, "catalog", "import", str(fake))
    assert result.exit_code == 2 and "不是有效的 Excel" in result.stderr and "zip" not in result.stderr


def test_resolved_before_created_is_a_row_error(db: Path, tmp_path: Path) -> None:
    history = tmp_path / "h.csv"
    history.write_text("标题,来电时间,答复时间\n路灯坏了,2026-03-05,2026-03-01\n", encoding="utf-8")
    result = invoke(db, "requests", "import", str(history))
    assert result.exit_code == 2 and "第 2 行" in result.stderr and "早于" in result.stderr


def test_supervisor_lists_and_removes_bad_examples(db: Path, tmp_path: Path) -> None:
    history = tmp_path / "h.csv"
    history.write_text(
        "工单编号,诉求标题,承办单位,办理状态\n1,化粪池冒了往外流,区排水集团,已办结\n2,东门化粪池堵了,区排水集团,已办结\n"
        "3,化粪池满了很臭,区排水集团,已办结\n",
        encoding="utf-8",
    )
    invoke(db, "requests", "import", str(history))
    assert json.loads(invoke(db, "match", "化粪池冒出来了", "--json").stdout)["department"] == "区排水集团"
    listing = invoke(db, "catalog", "examples", "--department", "区排水集团")
    assert listing.exit_code == 0 and "共 3 条" in listing.stdout and "化粪池满了很臭" in listing.stdout
    ids = [line.split()[0].lstrip("#") for line in listing.stdout.splitlines()[1:]]
    for example_id in ids:
        removed = invoke(db, "catalog", "examples", "--remove", example_id)
        assert removed.exit_code == 0 and "已删除样例" in removed.stdout
    assert json.loads(invoke(db, "match", "化粪池冒出来了", "--json").stdout)["department"] != "区排水集团"
    missing = invoke(db, "catalog", "examples", "--remove", "999999")
    assert missing.exit_code == 2 and "找不到" in missing.stderr


def test_messy_input_through_the_cli(db: Path) -> None:
    long_text = "楼上卫生间漏水，" * 1250  # 10,000 characters
    result = invoke(db, "match", long_text, "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["department"] == "区水务局"
    for noise in ("😀😀😀", "！？。，、", "\u3000\t"):
        bad = invoke(db, "match", noise)
        assert bad.exit_code == 2 and "为空" in bad.stderr and "Traceback" not in bad.output
    simplified = json.loads(invoke(db, "match", "晚上广场舞噪音太大，吵得睡不着", "--json").stdout)
    traditional = json.loads(invoke(db, "match", "晚上廣場舞噪音太大，吵得睡不著！！", "--json").stdout)
    assert simplified["matches"] == traditional["matches"]
    fullwidth = json.loads(invoke(db, "match", "ＪＤ楼上漏水！！😀", "--json").stdout)
    assert fullwidth["matches"][0]["code"] == "JD-003"


def _request_count(db: Path) -> int:
    from sqlalchemy import func
    from sqlmodel import select

    from models.store.engine import open_engine, session_scope
    from models.store.tables import Request

    with session_scope(open_engine(db)) as session:
        return session.exec(select(func.count()).select_from(Request)).one()


def test_import_preview_writes_nothing(db: Path, tmp_path: Path) -> None:
    from tests.domain.test_import_files import EXPORT_ROWS, _export

    path = _export(tmp_path, EXPORT_ROWS, encoding="gb18030")
    result = invoke(db, "requests", "import", str(path), "--preview")
    assert result.exit_code == 0, result.output
    assert "编码 gb18030" in result.stdout and "表头在第 1 行" in result.stdout
    assert "一级分类" in result.stdout and "→ category（分类）" in result.stdout
    assert "未识别的列：备注" in result.stdout
    assert "王*" in result.stdout and "138****5678" in result.stdout and "13812345678" not in result.stdout
    assert _request_count(db) == 0


def test_import_bad_rows_exit_2_or_go_to_an_error_file(db: Path, tmp_path: Path, monkeypatch) -> None:
    from tests.domain.test_import_files import BROKEN, _export

    path = _export(tmp_path, BROKEN)
    strict = invoke(db, "requests", "import", str(path))
    assert strict.exit_code == 2
    assert "第 5 行" in strict.stderr and "受理时间" in strict.stderr and "--skip-bad" in strict.stderr
    assert _request_count(db) == 0

    monkeypatch.chdir(tmp_path)
    lenient = invoke(db, "requests", "import", str(path), "--skip-bad")
    assert lenient.exit_code == 0, lenient.output
    assert "新增 4" in lenient.stdout and _request_count(db) == 4
    report = tmp_path / "export.错误行.csv"
    assert str(report) in lenient.stderr and report.exists()
    assert report.read_text(encoding="utf-8-sig").splitlines()[0] == "行号,列,原因"


def test_catalog_import_preview_and_map(tmp_path: Path) -> None:
    path = tmp_path / "清单.csv"
    path.write_text("序,事项,主责部门,说明文字\nK1,楼道照明维护,街道城市管理办公室,楼道灯\n", encoding="utf-8")
    db = new_db(tmp_path / "c.db")
    preview = invoke(db, "catalog", "import", str(path), "--preview")
    assert preview.exit_code == 2 and "code" in preview.stderr and "序" in preview.stderr
    mapped = ["--map", "序=code", "--map", "说明文字=description"]
    preview = invoke(db, "catalog", "import", str(path), "--preview", *mapped)
    assert preview.exit_code == 0, preview.output
    assert "→ code（事项编码）" in preview.stdout and "→ department（责任部门）" in preview.stdout
    done = invoke(db, "catalog", "import", str(path), *mapped)
    assert done.exit_code == 0 and "新增 1" in done.stdout


def test_progress_bar_only_on_a_terminal(monkeypatch) -> None:
    import io
    import sys

    from commands.common import progress_reporter

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress_reporter("导入") is None
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    report = progress_reporter("导入")
    assert report is not None
    report(0, 2000)
    report(1000, 2000)
    report(2000, 2000)
    shown = screen.getvalue()
    assert "1,000/2,000" in shown and "2,000/2,000" in shown and shown.endswith("\n") and "\r" in shown


def test_stats_by_dimension_and_json_with_ledger(db: Path) -> None:
    by_channel = invoke(db, "stats", "--by", "channel")
    assert by_channel.exit_code == 0 and by_channel.stdout.splitlines()[-1].startswith(("渠道", "来访", "12345"))
    assert "渠道" in by_channel.stdout
    data = json.loads(invoke(db, "stats", "--json", "--by", "community").stdout)
    assert data["dimension"] == "community" and "by_community" in data
    assert "reopen_rate" in data and "handling_days_median" in data
    assert len(data["freed_time_ledger"]) == 12 and data["rebounds"]["count"] == 0
    assert data["returns_by_department"] == []
    bad = invoke(db, "stats", "--by", "星座")
    assert bad.exit_code == 2 and "--by" in bad.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stats", "--bogus"], "没有选项 --bogus"),
        (["stats", "--perod", "2026-10"], "是不是 --period"),
        (["report"], "缺少必需的选项 --period"),
        (["requests", "import"], "缺少参数 文件"),
        (["export", "foo"], "没有子命令"),
        (["stats", "--period"], "需要一个值"),
    ],
)
def test_usage_errors_are_one_chinese_line_with_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "commands.main", "--db", str(tmp_path / "u.db"), *args],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and message in lines[0] and "-h 查看帮助" in lines[0]


def test_a_file_that_is_not_a_database_is_a_usage_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.csv"
    bogus.write_text("a,b\n1,2\n", encoding="utf-8")
    result = invoke(bogus, "stats")
    assert result.exit_code == 2 and "不是数据库文件" in result.stderr


def test_bad_output_paths_fail_before_anything_is_written(db: Path, tmp_path: Path) -> None:
    from tests.domain.test_import_files import BROKEN, _export

    path = _export(tmp_path, BROKEN)
    for errors in (tmp_path / "missing" / "e.csv", tmp_path):
        result = invoke(db, "requests", "import", str(path), "--skip-bad", "--errors", str(errors))
        assert result.exit_code == 2 and "--errors" in result.stderr
    assert _request_count(db) == 0
    alone = invoke(db, "requests", "import", str(path), "--errors", str(tmp_path / "e.csv"))
    assert alone.exit_code == 2 and "--skip-bad" in alone.stderr
    for args in (["export", "requests", "-o", str(tmp_path)], ["report", "--period", "2026-03", "-o", str(tmp_path)]):
        result = invoke(db, *args)
        assert result.exit_code == 2 and "目录" in result.stderr and "partial" not in result.stderr
    encoding = invoke(db, "requests", "import", str(path), "--encoding", "foo")
    assert encoding.exit_code == 2 and "未知的编码 “foo”" in encoding.stderr


def test_report_to_stdout_and_names_masked_in_exported_text(db: Path, tmp_path: Path) -> None:
    import csv as csv_module
    import io

    source = tmp_path / "one.csv"
    header = "工单编号,诉求标题,诉求内容,来电人,联系电话,受理时间\n"
    line = "N-1,楼道灯坏了,我是赵六电话13512345678请回电,赵六,13512345678,2026-03-05 10:00\n"
    source.write_text(header + line, encoding="utf-8")
    assert invoke(db, "requests", "import", str(source)).exit_code == 0
    exported = invoke(db, "export", "requests")
    row = next(csv_module.DictReader(io.StringIO(exported.stdout)))
    assert row["内容"] == "我是赵*电话135****5678请回电" and row["居民姓名"] == "赵*"
    markdown = invoke(db, "report", "--period", "2026-03", "--format", "md", "-o", "-")
    assert markdown.exit_code == 0 and markdown.stdout.startswith("# 接诉即办月报 · 2026-03")
    empty = invoke(db, "report", "--period", "2000-01", "--format", "md", "-o", "-")
    assert empty.exit_code == 0 and "没有登记的诉求" in empty.stderr


def test_escalate_command_is_idempotent(db: Path) -> None:
    from datetime import datetime

    from models.core.clock import simulated_time
    from models.requests.intake import log_request
    from models.requests.workflow import Actor
    from models.store.engine import open_engine, session_scope

    with session_scope(open_engine(db)) as session, simulated_time(datetime(2025, 3, 3, 9)):
        log_request(session, Actor("t"), title="很久以前的路灯", item_code="JD-007")
    dry = invoke(db, "escalate", "--dry-run")
    assert dry.exit_code == 0 and "试运行" in dry.stdout and "通报 1 件" in dry.stdout
    assert "通报 1 件" in invoke(db, "escalate").stdout
    assert "催办 0 件，督办 0 件，通报 0 件" in invoke(db, "escalate").stdout


def test_operators_are_registered_listed_and_checked_before_the_tui_opens(db: Path) -> None:
    # the administrator who made the database is the one listed at first (no list without one, issue 14)
    first = invoke(db, "operators", "list").stdout.splitlines()
    assert len(first) == 2 and first[1].split() == ["管理员", "管理员"]
    added = invoke(db, "operators", "add", "周主任", "--role", "supervisor")
    assert added.exit_code == 0 and "已登记 周主任（督办负责人），一次性密码：" in added.stdout
    for args, message in (
        (("周主任", "--role", "admin"), "已登记"),
        (("李", "--role", "boss"), "--role"),
        (("李", "--role", "grid_worker"), "--area"),
        (("李", "--role", "grid_worker", "--area", "不存在网格"), "没有名为"),
        (("李", "--role", "department", "--department", "火星局"), "火星局"),
    ):
        result = invoke(db, "operators", "add", *args)
        assert result.exit_code == 2 and message in result.stderr, (args, result.output)
    chinese_role = invoke(db, "operators", "add", "王管理", "--role", "管理员")  # the role in Chinese works too
    assert "已登记 王管理（管理员）" in chinese_role.stdout
    listing = invoke(db, "operators", "list").stdout.splitlines()
    assert listing[0].split() == ["角色", "姓名", "网格", "/", "社区", "/", "单位"] and len(listing) == 4
    assert "督办负责人" in listing[1] and "周主任" in listing[1]
    assert {line.split()[1] for line in listing[2:]} == {"王管理", "管理员"}
    # a name alone signs nobody in (issue 14): --operator names who signs in, the password is still asked for,
    # and the TUI's sign-in screen refuses an unknown name as it refuses a wrong password (tests/tui)
    assert invoke(db, "logout").exit_code == 0
    for name in ("路人甲", "周主任"):
        unknown = invoke(db, "--operator", name, "operators", "list")
        assert unknown.exit_code == 2 and unknown.stderr.strip() == f"错误：请先登录：xinsheng --db {db} login"


def test_serve_refuses_a_port_out_of_range_in_one_line(db: Path) -> None:
    result = invoke(db, "serve", "--port", "99999")
    assert result.exit_code == 2 and result.stderr.strip() == "错误：--port 应在 1 到 65535 之间，收到 99999"


def test_a_mistyped_database_path_is_refused_by_commands_that_only_read(tmp_path: Path) -> None:
    """`stats --db dmeo.db` must not report zeros from a new empty file; only the first administrator starts a
    database (issue 14: imports and `areas add` no longer do, they need a signed-in administrator first)."""
    for args in (["stats"], ["report", "--period", "2026-10", "-f", "md", "-o", "-"], ["export", "requests"],
                 ["match", "路灯"], ["operators", "list"], ["db", "check"], ["login", "--operator", "甲"],
                 ["catalog", "import", str(tmp_path / "c.csv")], ["requests", "import", str(tmp_path / "r.csv")],
                 ["areas", "add", "槐安街道"]):  # fmt: skip
        result = invoke(tmp_path / "dmeo.db", *args)
        assert result.exit_code == 2, args
        assert "数据库文件不存在" in result.stderr and "dmeo.db" in result.stderr
    assert not (tmp_path / "dmeo.db").exists()
    first = runner.invoke(app, ["--db", str(tmp_path / "dmeo.db"), "operators", "add", "甲", "--role", "admin",
                                "--password-stdin"], input=PASSWORD)  # fmt: skip
    assert first.exit_code == 0 and (tmp_path / "dmeo.db").exists()


def test_match_says_why_the_department_differs_from_the_first_item(db: Path) -> None:
    """`match '小区门口井盖松动' --json` named 区公安交通支队 (what similar requests went to) while its first item
    went elsewhere, and nothing said why."""
    from models.catalog.departments import get_or_create_department
    from models.core.clock import now
    from models.store.engine import open_engine, session_scope
    from models.store.tables import MatchExample

    with session_scope(open_engine(str(db))) as s:
        police = get_or_create_department(s, "区公安交通支队", "district")
        for _ in range(5):
            s.add(MatchExample(text="小区门口井盖松动了", department_id=police.id, source="import", created_at=now()))
    data = json.loads(invoke(db, "match", "小区门口井盖松动", "--json").stdout)
    assert data["department"] == "区公安交通支队" and data["matches"][0]["department"] != "区公安交通支队"
    assert "不同，因为建议部门依据以往的派单" in data["department_reason"]
    text = invoke(db, "match", "小区门口井盖松动").stdout
    assert "首选事项“" in text.splitlines()[0]
