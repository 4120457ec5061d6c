"""Files (issue 14, point 7): what xinsheng creates is 0600 in 0700 directories, and an output never replaces a file
without --force, nor ever a device, a FIFO, a symlink or the database in use.

The refusals are driven through the CLI: they come before signing in, so a refused path costs no password. What a
successful write produces is checked through the same domain functions the commands call (they need a signed-in
operator on the command line)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commands.main import app
from models.core.clock import simulated_time
from models.core.config import cache_dir, data_dir
from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store.engine import dispose_all, open_engine, session_scope

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes and device nodes are POSIX")

runner = CliRunner()
ADMIN = Actor("管理员", "admin")


def invoke(db: Path | None, *args: str):
    return runner.invoke(app, [*(["--db", str(db)] if db else []), *args])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(result, option: str, path: Path, words: str) -> None:
    """Exit 2 with one line on stderr that names the option, the path and the reason."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and option in lines[0] and str(path) in lines[0] and words in lines[0], result.stderr


@pytest.fixture(autouse=True)
def _ordinary_umask() -> Iterator[None]:
    """An everyday 022 umask, as a library caller or CliRunner has it: the modes must come from xinsheng itself."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.fixture
def db(tmp_path: Path, catalog_csv: Path) -> Path:
    from models.files.catalog_import import import_catalog

    path = tmp_path / "files.db"
    with session_scope(open_engine(path)) as session:
        import_catalog(session, catalog_csv)
    with session_scope(open_engine(path)) as session, simulated_time(datetime(2026, 3, 2, 9, 30)):
        log_request(session, Actor("史婷", "grid_worker"), title="楼上漏水", text="卫生间往下滴水",
                    resident_name="王芳", resident_phone="13812345678", item_code="JD-003")  # fmt: skip
    return path


@pytest.fixture
def bad_requests(tmp_path: Path) -> Path:
    from tests.domain.test_import_files import BROKEN, _export

    return _export(tmp_path, BROKEN, name="requests.csv")


@pytest.fixture
def bad_catalog(tmp_path: Path, catalog_csv: Path) -> Path:
    path = tmp_path / "bad-catalog.csv"
    bad_row = "JD-099,坏行,城乡建设,街道城市管理办公室,不知道,坏,10,,,\n"
    path.write_text(catalog_csv.read_text(encoding="utf-8") + bad_row, encoding="utf-8")
    return path


# --- private files -------------------------------------------------------------------------------------------------


def test_a_new_database_its_wal_and_the_data_directory_are_private(tmp_path: Path) -> None:
    assert not data_dir().exists()
    database = data_dir() / "xinsheng.db"
    engine = open_engine()  # the default database, in the data directory xinsheng makes
    with engine.connect():
        sides = [database.with_name(database.name + side) for side in ("-wal", "-shm")]
        assert all(p.exists() for p in sides)
        assert [mode(p) for p in (database, *sides)] == [0o600] * 3
    assert mode(data_dir()) == 0o700 and mode(data_dir().parent) == 0o700  # both created by xinsheng


def test_open_engine_on_a_new_file_creates_it_private(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "library.db")
    with engine.connect():
        assert (tmp_path / "library.db-wal").exists()
        assert {p.name: mode(p) for p in tmp_path.glob("library.db*")} == {
            "library.db": 0o600, "library.db-wal": 0o600, "library.db-shm": 0o600}  # fmt: skip


def test_the_demo_database_and_its_directory_are_private(tmp_path: Path) -> None:
    from models.demo.builder import ensure_demo_file

    result = invoke(None, "demo", "--requests", "0")
    assert result.exit_code == 0, result.output
    assert mode(data_dir()) == 0o700 and mode(data_dir() / "demo.db") == 0o600
    dispose_all()
    nested = tmp_path / "training" / "room" / "demo.db"
    ensure_demo_file(nested, requests=0)
    assert mode(nested) == 0o600 and mode(nested.parent) == 0o700 and mode(nested.parent.parent) == 0o700


def test_exports_reports_backups_and_error_files_are_private(db: Path, tmp_path: Path, bad_catalog: Path) -> None:
    from commands.common import report_bad_rows
    from models.files.catalog_import import import_catalog
    from models.files.export import ExportFilter, export_requests
    from models.files.report_files import write_report
    from models.reporting.report import monthly_report
    from models.store.engine import backup_sqlite

    out = tmp_path / "out"
    out.mkdir()
    engine = open_engine(db)
    with session_scope(engine) as session:
        for fmt in ("csv", "xlsx", "json"):
            export_requests(session, fmt, ExportFilter(), output=out / f"export.{fmt}", actor=ADMIN, personal_data=True)
    with session_scope(engine) as session:
        content = monthly_report(session, "2026-03")
        for fmt in ("xlsx", "html", "md"):
            write_report(content, fmt, out / f"report.{fmt}")
        errors = import_catalog(session, bad_catalog, dry_run=True, skip_bad=True).errors
    backup_sqlite(engine, out / "backup.db")
    assert errors
    report_bad_rows(errors, bad_catalog, out / "errors.csv")
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 8 and {name: mode(out / name) for name in written} == dict.fromkeys(written, 0o600)


def test_the_error_log_and_the_matcher_cache_are_private(db: Path) -> None:
    from models.matching.loader import load_matcher
    from tui.app import record_failure

    try:
        raise RuntimeError("a bug")
    except RuntimeError as exc:
        log = record_failure(exc)
    assert mode(log) == 0o600 and mode(log.parent) == 0o700
    with session_scope(open_engine(db)) as session:
        load_matcher(session)
    cached = list(cache_dir().iterdir())
    assert cached and mode(cache_dir()) == 0o700 and {mode(p) for p in cached} == {0o600}


def test_the_serve_page_folder_is_private(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve")
    from tui.web_page import offline_templates

    folder = offline_templates(tmp_path / "cache" / "web")
    pages = list(folder.iterdir())
    assert pages and mode(folder) == 0o700 and {mode(p) for p in pages} == {0o600}


def test_run_sets_a_private_umask(monkeypatch: pytest.MonkeyPatch) -> None:
    from commands.main import run

    monkeypatch.setattr(sys, "argv", ["xinsheng", "--help"])
    with pytest.raises(SystemExit):
        run()
    assert os.umask(0o022) == 0o077


# --- outputs that are refused --------------------------------------------------------------------------------------


def test_an_existing_output_is_refused_without_force(
    db: Path, tmp_path: Path, bad_requests: Path, bad_catalog: Path
) -> None:
    cases = [
        ("--output", ["export", "requests", "-o"]),
        ("--output", ["export", "requests", "-f", "xlsx", "-o"]),
        ("--output", ["report", "--period", "2026-03", "-f", "md", "-o"]),
        ("--errors", ["requests", "import", str(bad_requests), "--skip-bad", "--errors"]),
        ("--errors", ["catalog", "import", str(bad_catalog), "--skip-bad", "--errors"]),
        ("备份文件", ["db", "backup"]),
    ]
    existing = tmp_path / "existing.csv"
    existing.write_text("somebody's work", encoding="utf-8")
    for option, args in cases:
        result = invoke(db, *args, str(existing))
        refused(result, option, existing, "已存在：")
        assert result.stderr.strip().endswith("（覆盖请加 --force）")
    assert existing.read_text(encoding="utf-8") == "somebody's work"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no side file left


def test_force_replaces_an_existing_output(db: Path, tmp_path: Path) -> None:
    from models.files.export import ExportFilter, export_requests
    from models.files.report_files import write_report
    from models.reporting.report import monthly_report

    existing = tmp_path / "existing.csv"
    existing.write_text("somebody's work", encoding="utf-8")
    os.chmod(existing, 0o644)
    with session_scope(open_engine(db)) as session:
        export_requests(session, "csv", ExportFilter(), output=existing, actor=ADMIN, force=True)
        assert existing.read_text(encoding="utf-8-sig").startswith("编号") and mode(existing) == 0o600
        write_report(monthly_report(session, "2026-03"), "md", existing, force=True)
    assert existing.read_text(encoding="utf-8").startswith("#") and mode(existing) == 0o600


def test_the_default_error_file_and_report_are_not_overwritten_either(
    db: Path, tmp_path: Path, bad_requests: Path, bad_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for command, source in (("requests", bad_requests), ("catalog", bad_catalog)):
        errors = tmp_path / f"{source.stem}.错误行.csv"
        errors.write_text("an earlier list", encoding="utf-8")
        refused(invoke(db, command, "import", str(source), "--skip-bad"), "--errors", errors, "--force")
        assert errors.read_text(encoding="utf-8") == "an earlier list"
    report = tmp_path / "接诉即办月报-2026-03.xlsx"
    report.write_text("last month's", encoding="utf-8")
    refused(invoke(db, "report", "--period", "2026-03"), "--output", report, "--force")
    assert report.read_text(encoding="utf-8") == "last month's"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_devices_fifos_and_symlinks_are_refused_even_with_force(
    db: Path, tmp_path: Path, bad_catalog: Path, force: list[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    kept = tmp_path / "kept.csv"
    kept.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(kept)
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere.csv")
    for path, words in ((Path("/dev/null"), "不是普通文件"), (fifo, "不是普通文件"), (link, "符号链接"),
                        (dangling, "符号链接")):  # fmt: skip
        refused(invoke(db, "export", "requests", "-o", str(path), *force), "--output", path, words)
        refused(invoke(db, "report", "--period", "2026-03", "-o", str(path), *force), "--output", path, words)
        refused(invoke(db, "db", "backup", str(path), *force), "备份文件", path, words)
        errors = ["catalog", "import", str(bad_catalog), "--skip-bad", "--errors", str(path), *force]
        refused(invoke(db, *errors), "--errors", path, words)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and stat.S_ISFIFO(fifo.lstat().st_mode)
    assert link.is_symlink() and kept.read_text(encoding="utf-8") == "keep" and not (tmp_path / "nowhere.csv").exists()


def test_the_database_itself_is_refused_even_with_force(db: Path, tmp_path: Path, bad_requests: Path) -> None:
    dispose_all()
    before = digest(db)
    (tmp_path / "sub").mkdir()
    wal = db.with_name(db.name + "-wal")
    for path in (db, wal, tmp_path / "sub" / ".." / db.name):
        for option, args in (
            ("--output", ["export", "requests", "-o"]),
            ("--output", ["report", "--period", "2026-03", "-o"]),
            ("备份文件", ["db", "backup"]),
            ("--errors", ["requests", "import", str(bad_requests), "--skip-bad", "--errors"]),
        ):
            refused(invoke(db, *args, str(path), "--force"), option, path, "正在使用的数据库")
        dispose_all()
    assert digest(db) == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM request").fetchone() == (1,)
    conn.close()
