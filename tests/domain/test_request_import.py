import sqlite3
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func
from sqlmodel import select

from models.core.errors import BusyError, DatabaseUnavailable, InputError
from models.files.request_import import import_requests
from models.files.tabular import parse_map_options
from models.matching.loader import load_matcher
from models.reporting.stats import compute_stats
from models.requests.workflow import Actor
from models.store.engine import session_scope
from models.store.tables import AuditEvent, MatchExample, Request, RequestEvent
from tests.conftest import shared_file

ACTOR = Actor("导入测试")

HISTORY = """工单编号,诉求标题,诉求内容,来电时间,承办单位,办理状态,答复时间,办理结果,来电人,联系电话
A-1,化粪池冒了,小区东门化粪池满了往外冒,2026/3/2 9:15:00,区排水集团,已办结,2026/3/3 10:00,已清掏,王芳,13812345678
A-2,东门化粪池堵了,臭味很大,2026-03-05 08:30,区排水集团,已办结,2026-03-06,已疏通,李强,13900001111
A-3,化粪池又满了,化粪池满了臭得不行,2026年3月9日,区排水集团,已回访,2026年3月10日,已清掏,赵敏,
A-4,楼上漏水,卫生间一直往下滴水,2026/3/10 14:00,,,,,,
"""


def _write(tmp_path: Path, text: str, name: str = "history.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def _count(engine, model) -> int:
    with session_scope(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_resolved_rows_with_a_department_teach_the_matcher(catalog_engine, tmp_path: Path) -> None:
    text = "东门的化粪池冒出来了"
    with session_scope(catalog_engine) as session:
        assert load_matcher(session).match(text).department != "区排水集团"
    with session_scope(catalog_engine) as session:
        result = import_requests(session, _write(tmp_path, HISTORY), ACTOR)
    assert (result.total, result.added, result.confirmed, result.auto_matched) == (4, 4, 3, 1)
    assert result.departments_created == ["区排水集团"]
    with session_scope(catalog_engine) as session:
        assert load_matcher(session).match(text).department == "区排水集团"
        rows = {r.external_ref: r for r in session.exec(select(Request)).all()}
    assert rows["A-1"].status == "resolved" and rows["A-3"].status == "closed"
    assert rows["A-1"].match_confirmed_by == "import"
    assert rows["A-1"].created_at.isoformat() == "2026-03-02T09:15:00"
    assert rows["A-3"].created_at.isoformat() == "2026-03-09T00:00:00"
    assert rows["A-4"].status == "new" and rows["A-4"].match_confirmed_by is None
    # the unrouted row was auto-matched: 漏水 is a returned duty, so it goes to its owner
    with session_scope(catalog_engine) as session:
        water = session.get(Request, rows["A-4"].id)
        assert water is not None and water.match_score is not None
    assert _count(catalog_engine, MatchExample) == 3
    assert _count(catalog_engine, RequestEvent) == 4
    # history past intake has no acceptance time: it must not count as a missed response
    with session_scope(catalog_engine) as session:
        response = compute_stats(session, "2026-03").overall.response
    assert (response.numerator, response.denominator) == (0, 1)  # only the unhandled A-4 is due


def test_reimport_adds_nothing(catalog_engine, tmp_path: Path) -> None:
    path = _write(tmp_path, HISTORY)
    with session_scope(catalog_engine) as session:
        import_requests(session, path, ACTOR)
    with session_scope(catalog_engine) as session:
        again = import_requests(session, path, ACTOR)
    assert (again.added, again.already_present) == (0, 4)
    assert _count(catalog_engine, Request) == 4
    assert _count(catalog_engine, MatchExample) == 3


def test_files_without_ids_are_deduplicated_by_content(catalog_engine, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "标题,内容,时间\n路灯不亮,3号楼门口,2026-04-01\n路灯不亮,3号楼门口,2026-04-01\n路灯不亮,5号楼门口,2026-04-01\n",
    )
    with session_scope(catalog_engine) as session:
        first = import_requests(session, path, ACTOR)
    with session_scope(catalog_engine) as session:
        second = import_requests(session, path, ACTOR)
    assert (first.added, first.duplicate_rows) == (2, 1)
    assert (second.added, second.already_present) == (0, 3)


def test_refs_are_unique_and_readable(catalog_engine, tmp_path: Path) -> None:
    with session_scope(catalog_engine) as session:
        import_requests(session, _write(tmp_path, HISTORY), ACTOR)
        refs = session.exec(select(Request.ref).order_by(Request.id)).all()
    assert refs == ["XS-2026-000001", "XS-2026-000002", "XS-2026-000003", "XS-2026-000004"]


@pytest.mark.parametrize(
    ("line", "column", "fragment"),
    [
        ("X-9,标题,内容,2026-13-45,,,,,,", "来电时间", "日期"),
        ("X-9,标题,内容,2026-03-01,部门,进行中吧,,,,", "办理状态", "未知的状态"),
        ("X-9,,,2026-03-01,,,,,,", "诉求标题", "都为空"),
    ],
)
def test_bad_row_names_row_and_column_and_writes_nothing(
    catalog_engine, tmp_path: Path, line: str, column: str, fragment: str
) -> None:
    path = _write(tmp_path, HISTORY + line + "\n")
    with pytest.raises(InputError) as info, session_scope(catalog_engine) as session:
        import_requests(session, path, ACTOR)
    assert info.value.row == 6 and info.value.column == column and fragment in str(info.value)
    assert _count(catalog_engine, Request) == 0
    assert _count(catalog_engine, MatchExample) == 0


def test_unknown_item_code_is_an_error(catalog_engine, tmp_path: Path) -> None:
    path = _write(tmp_path, "标题,事项编码,状态\n楼道灯坏了,NOPE-1,已办结\n")
    with pytest.raises(InputError, match="NOPE-1"), session_scope(catalog_engine) as session:
        import_requests(session, path, ACTOR)


def test_map_overrides_and_gbk_and_xlsx(catalog_engine, tmp_path: Path) -> None:
    gbk = _write(tmp_path, "序号,问题,分类\n1,楼道里想放几把折叠椅,街道城市管理办公室\n", "gbk.csv", "gb18030")
    with session_scope(catalog_engine) as session:
        result = import_requests(
            session,
            gbk,
            ACTOR,
            overrides=parse_map_options(["问题=title", "分类=department", "序号=external_ref"]),
            confirm_all=True,
        )
    assert (result.added, result.confirmed) == (1, 1)
    xlsx = tmp_path / "history.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026年3月 12345 工单导出"])
    sheet.append(["工单编号", "诉求标题", "来电时间", "承办单位", "办理状态"])
    sheet.append(["H-1", "小区路灯不亮", 46082.5, "街道城市管理办公室", "已办结"])
    book.save(xlsx)
    with session_scope(catalog_engine) as session:
        result = import_requests(session, xlsx, ACTOR)
        row = session.exec(select(Request).where(Request.external_ref == "H-1")).one()
    assert result.confirmed == 1
    assert row.created_at.isoformat() == "2026-03-01T12:00:00"


def test_bad_map_option_is_a_usage_error() -> None:
    with pytest.raises(InputError, match="源列=字段"):
        parse_map_options(["标题"])


def test_shared_dev_data_imports_as_history(sqlite_engine) -> None:
    path = shared_file("tipdm_dev_2000.csv")
    with session_scope(sqlite_engine) as session:
        result = import_requests(session, path, ACTOR, overrides={"label": "department"}, confirm_all=True)
    assert (result.added, result.confirmed) == (2000, 2000)


def test_a_title_cell_holding_the_whole_message_is_cut_and_kept_whole_in_the_text(catalog_engine, tmp_path) -> None:
    from models.files.request_import import import_requests
    from models.requests.workflow import Actor
    from models.store.engine import session_scope
    from models.store.tables import Request

    message = "楼上漏水" * 100  # 400 characters in the title column, no text column
    path = tmp_path / "long.csv"
    path.write_text(f"工单编号,诉求标题\nL-1,{message}\n", encoding="utf-8")
    with session_scope(catalog_engine) as session:
        import_requests(session, path, Actor("导入", "admin"))
    with session_scope(catalog_engine) as session:
        (request,) = session.exec(select(Request)).all()
    assert len(request.title) == 300 and request.title.endswith("…") and message.startswith(request.title[:-1])
    assert request.text == message


@pytest.mark.parametrize(
    ("orig", "kind"),
    [
        (sqlite3.OperationalError("database or disk is full"), DatabaseUnavailable),
        (sqlite3.OperationalError("database is locked"), BusyError),
    ],
)
def test_an_import_stopped_after_saving_batches_says_how_many_rows_are_in(
    catalog_engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, orig: Exception, kind: type
) -> None:
    """A full disk or a lost server during the third batch: the first two batches are committed, so the line must
    not say nothing was saved; running the same import again adds the rest."""
    from sqlalchemy.exc import OperationalError

    import models.files.request_import as request_import

    path = _write(tmp_path, "工单编号,标题\n" + "".join(f"B-{n},路灯不亮{n}\n" for n in range(1, 8)))
    real_insert, calls = request_import._write_batch, []

    def failing_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OperationalError("INSERT INTO request …", {}, orig)
        return real_insert(*args, **kwargs)

    monkeypatch.setattr(request_import, "_write_batch", failing_third)
    with pytest.raises(kind) as info, session_scope(catalog_engine) as session:
        import_requests(session, path, ACTOR, batch_size=2)
    told = str(info.value)
    assert "未保存任何内容" not in told and "\n" not in told
    assert "已保存前 4 行（共 7 行）" in told and "再次运行同一导入" in told
    assert _count(catalog_engine, Request) == 4
    monkeypatch.setattr(request_import, "_write_batch", real_insert)
    with session_scope(catalog_engine) as session:
        again = import_requests(session, path, ACTOR, batch_size=2)
    assert (again.added, again.already_present) == (3, 4)
    assert _count(catalog_engine, Request) == 7


# ---- a long import and the terminals writing meanwhile (issue 15, item 13) ----

OPEN_ROWS = "工单编号,诉求标题,承办单位,所属社区\n" + "".join(
    f"L-{n},{'楼道灯不亮' if n % 2 else '路面坑洼积水'}{n},{'新建的物业公司' if n % 3 == 0 else ''},柳荫社区\n"
    for n in range(1, 13)
)


def _lock_is_free(engine) -> bool:
    """Whether another terminal could start writing right now: BEGIN IMMEDIATE on a separate connection, no wait."""
    connection = sqlite3.connect(engine.url.database, timeout=0)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.rollback()
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()


def _probe_matches(engine, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the write lock was free at each match the import runs, filled in as it runs."""
    from models.matching.engine import Matcher

    real_match, free = Matcher.match, []

    def probing_match(self, *args, **kwargs):
        free.append(_lock_is_free(engine))
        return real_match(self, *args, **kwargs)

    monkeypatch.setattr(Matcher, "match", probing_match)
    return free


def test_rows_are_matched_while_other_terminals_can_write(
    sqlite_catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The matcher is the slow part of an import (2–3 ms a row): run under the write lock, it held the lock for
    seconds per batch and terminals' saves waited up to 15 s. Every match must happen with the lock free."""

    path = _write(tmp_path, OPEN_ROWS)
    free = _probe_matches(sqlite_catalog, monkeypatch)
    with session_scope(sqlite_catalog) as session:
        result = import_requests(session, path, ACTOR, batch_size=4)
    assert result.added == 12 and len(free) >= 8  # the rows without a department are matched
    assert all(free), f"{free.count(False)} of {len(free)} matches ran while the import held the write lock"


def test_the_lock_is_left_free_between_batches(sqlite_catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After each commit the lock is free, and the import leaves it free a little longer than SQLite's busy handler
    waits between tries (100 ms) before its next batch, so a waiting terminal is not beaten to it every time."""
    import models.files.request_import as request_import

    path = _write(tmp_path, OPEN_ROWS)
    free_after_commit: list[bool] = []
    pauses: list[float] = []
    monkeypatch.setattr(request_import.time, "sleep", pauses.append)
    with session_scope(sqlite_catalog) as session:
        import_requests(
            session,
            path,
            ACTOR,
            batch_size=4,
            progress=lambda done, _total: free_after_commit.append(_lock_is_free(sqlite_catalog)) if done else None,
        )
    assert free_after_commit == [True, True, True]
    assert len(pauses) == 2 and all(0 < pause <= request_import.WRITE_GAP_SECONDS for pause in pauses)
    assert request_import.WRITE_GAP_SECONDS > 0.1


def test_a_dry_run_counts_what_the_import_would_do_and_never_takes_the_lock(
    sqlite_catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dry run used to write every batch and roll back at the end: it held the write lock for the whole file."""
    from models.store.tables import Area, Department

    path = _write(tmp_path, OPEN_ROWS)
    before = {model: _count(sqlite_catalog, model) for model in (Request, RequestEvent, Department, Area, AuditEvent)}
    free = _probe_matches(sqlite_catalog, monkeypatch)
    with session_scope(sqlite_catalog) as session:
        dry = import_requests(
            session,
            path,
            ACTOR,
            batch_size=4,
            dry_run=True,
            progress=lambda *_: free.append(_lock_is_free(sqlite_catalog)),
        )
    assert all(free) and len(free) > 12
    assert {model: _count(sqlite_catalog, model) for model in before} == before
    with session_scope(sqlite_catalog) as session:
        real = import_requests(session, path, ACTOR, batch_size=4)
    assert (dry.added, dry.confirmed, dry.auto_matched) == (real.added, real.confirmed, real.auto_matched)
    assert real.added == 12 and real.auto_matched > 0
    assert dry.departments_created == real.departments_created == ["新建的物业公司"]
