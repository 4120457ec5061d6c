"""`xinsheng privacy …` as an administrator types it (issue 16, item 7): the copy goes to a private file or standard
output, an erasure asks first, and bad input is one line, exit 2, nothing changed. Every role: tests/cli/test_roles.py.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from commands.main import app
from tests.accounts import cli_first_admin

runner = CliRunner()
HISTORY = (
    "工单编号,诉求标题,诉求内容,来电人,联系电话,受理时间,承办单位,办理状态,答复时间\n"
    "R-1,楼上水管爆了,王芳说卫生间往下滴水,王芳,13812345678,2022-03-02 09:30,区水务局,已回访,2022-03-03 09:30\n"
    "R-2,楼道路灯不亮,三单元楼道灯坏了,李强,13900001111,2026-03-05 10:00,,\n"
)


def run(db: Path, *args: str, stdin: str | None = None) -> Result:
    return runner.invoke(app, ["--db", str(db), *args], input=stdin)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "street.db"
    cli_first_admin(str(path))
    history = tmp_path / "history.csv"
    history.write_text(HISTORY, encoding="utf-8")
    assert run(path, "requests", "import", str(history)).exit_code == 0
    return path


def one_line(result: Result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and all(w in lines[0] for w in words), result.stderr


def test_the_copy_goes_to_standard_output_or_a_private_file_never_over_one(db: Path, tmp_path: Path) -> None:
    shown = run(db, "privacy", "export", "--phone", "138-1234-5678")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["requests"][0]["resident_phone"] == "13812345678"
    out = tmp_path / "王芳.csv"
    written = run(db, "privacy", "export", "--name", "王芳", "-f", "csv", "-o", str(out))
    assert written.exit_code == 0 and "R-1" not in written.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and "王芳" in out.read_text(encoding="utf-8")
    one_line(run(db, "privacy", "export", "--name", "王芳", "-o", str(out)), "--output 已存在", "--force")
    one_line(run(db, "privacy", "export", "--phone", "13800000000"), "没有找到")
    one_line(run(db, "privacy", "export"), "--phone 或 --name")
    one_line(run(db, "privacy", "export", "--name", "王芳", "-f", "pdf"), "--format")


def test_an_erasure_asks_first_and_names_nobody_who_is_not_there(db: Path) -> None:
    one_line(run(db, "privacy", "erase", "--phone", "13912345678", "--yes"), "没有找到", "未做任何更改")
    one_line(run(db, "privacy", "erase", "--phone", "12"), "--phone")
    one_line(run(db, "privacy", "erase", "--phone", "13812345678"), "--yes")  # no terminal to ask at
    assert "王芳" in run(db, "privacy", "export", "--phone", "13812345678").stdout  # nothing erased yet
    done = run(db, "privacy", "erase", "--phone", "13812345678", "--yes")
    assert done.exit_code == 0 and "138****5678" in done.stdout and "13812345678" not in done.output
    one_line(run(db, "privacy", "export", "--phone", "13812345678"), "没有找到")


def test_the_purge_says_what_it_would_take_and_refuses_an_unknown_period(db: Path) -> None:
    dry = run(db, "privacy", "purge", "--dry-run")
    assert dry.exit_code == 0 and "试运行" in dry.stdout and "有 1 条" in dry.stdout
    one_line(run(db, "privacy", "purge", "--older-than", "3x"), "--older-than")
    done = run(db, "privacy", "purge")
    assert done.exit_code == 0 and "1 条" in done.stdout
    assert "有 0 条" in run(db, "privacy", "purge", "--dry-run").stdout
    one_line(run(db, "settings", "security", "--retention-years", "0"), "--retention-years")
    assert "保存 5 年" in run(db, "settings", "security", "--retention-years", "5").stdout


def test_a_contributor_to_a_draft_law_gets_their_opinions_and_can_have_them_erased(db: Path, tmp_path: Path) -> None:
    """Issue 19 with issue 16's rights: the copy and the erasure reach the opinions a person gave at the contact
    point, found by the phone they left; the words stay, their name and number go."""
    draft = tmp_path / "草案.txt"
    draft.write_text("某市社区服务条例（草案）\n第一条 为了规范社区服务，制定本条例。\n第二条 楼道内设置座椅。\n")
    made = run(db, "consult", "new", "--file", str(draft), "--opens", "2026-01-01")
    assert made.exit_code == 0, made.output
    sheet = tmp_path / "意见.csv"
    row = "第二条座椅请用阻燃材料——周敏 137-0000-1111,第二条,居民,座谈会,2026-01-05,周敏,137 0000 1111"
    sheet.write_text(f"意见,条款,提出人类别,渠道,日期,姓名,电话\n{row}\n", encoding="utf-8")
    assert run(db, "consult", "import-opinions", "1", str(sheet)).exit_code == 0
    copy = json.loads(run(db, "privacy", "export", "--phone", "13700001111").stdout)
    assert copy["requests"] == [] and copy["opinions"][0]["text"].endswith("周敏 137-0000-1111")
    assert copy["opinions"][0]["articles"] == ["第二条"] and copy["opinions"][0]["contributor_name"] == "周敏"
    done = run(db, "privacy", "erase", "--phone", "13700001111", "--yes")
    assert done.exit_code == 0 and "0 条诉求和 1 条立法意见" in done.stdout, done.output
    one_line(run(db, "privacy", "export", "--phone", "13700001111"), "没有找到", "立法意见")
    shown = run(db, "consult", "show", "1", "--json")
    assert "第二条座椅请用阻燃材料——〔已删除〕 〔已删除〕" in shown.stdout and "周敏" not in shown.stdout
