"""Output paths (models.files.outputs) and private files (models.core.private): what is refused, and with which mode
what is written comes out. Pure file-system checks in tmp_path; no database."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.core.errors import UserError
from models.core.private import create_private, private_dir, private_rotating_log, write_private_text
from models.files.outputs import check_output_path, complete_or_absent, is_database_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes and device nodes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _ordinary_umask() -> Iterator[None]:
    """An everyday 022 umask: the modes below must come from xinsheng, not from a strict environment."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def refusal(path: Path, option: str = "--output", **kwargs: object) -> str:
    with pytest.raises(UserError) as caught:
        check_output_path(path, option, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and option in message and str(path) in message
    return message


def test_a_new_file_in_an_existing_directory_is_fine(tmp_path: Path) -> None:
    check_output_path(tmp_path / "new.csv")
    check_output_path(tmp_path / "new.csv", force=True, database=tmp_path / "x.db")


def test_an_existing_file_needs_force(tmp_path: Path) -> None:
    existing = tmp_path / "old.csv"
    existing.write_text("keep", encoding="utf-8")
    assert refusal(existing, "--errors").endswith("（覆盖请加 --force）")
    check_output_path(existing, "--errors", force=True)


@pytest.mark.parametrize("force", [False, True])
def test_devices_fifos_directories_and_symlinks_are_refused_even_with_force(tmp_path: Path, force: bool) -> None:
    assert "不是普通文件" in refusal(Path("/dev/null"), force=force)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "不是普通文件" in refusal(fifo, force=force)
    assert "目录" in refusal(tmp_path, force=force)
    target = tmp_path / "target.csv"
    target.write_text("keep", encoding="utf-8")
    for link, points_to in ((tmp_path / "link.csv", target), (tmp_path / "dangling.csv", tmp_path / "nowhere")):
        link.symlink_to(points_to)
        assert "符号链接" in refusal(link, force=force)
    assert target.read_text(encoding="utf-8") == "keep"


def test_a_missing_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="--output 的目录不存在"):
        check_output_path(tmp_path / "missing" / "x.csv")


@pytest.mark.parametrize("force", [False, True])
def test_the_database_and_its_side_files_are_refused_even_with_force(tmp_path: Path, force: bool) -> None:
    database = tmp_path / "xinsheng.db"
    database.write_bytes(b"SQLite format 3\x00")
    (tmp_path / "sub").mkdir()
    spellings = [database, tmp_path / "sub" / ".." / "xinsheng.db", tmp_path / "xinsheng.db-wal"]
    alias = tmp_path / "alias.db"
    os.link(database, alias)  # another name for the same file
    for path in [*spellings, alias]:
        assert "数据库" in refusal(path, database=database, force=force)
    assert not is_database_file(tmp_path / "other.db", database)


def test_complete_or_absent_writes_a_private_file_and_only_a_whole_one(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    with complete_or_absent(target) as partial:
        assert mode(partial) == 0o600 and partial.stat().st_size == 0
        partial.write_text("whole", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "whole" and mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]

    failed = tmp_path / "failed.md"
    with pytest.raises(RuntimeError), complete_or_absent(failed) as partial:
        partial.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")
    assert not failed.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_complete_or_absent_replaces_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UserError, match="已存在"), complete_or_absent(target):
        raise AssertionError("the work must not start")
    with complete_or_absent(target, force=True) as partial:
        partial.write_text("new", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "new" and mode(target) == 0o600


def test_a_file_that_appears_while_writing_is_not_clobbered(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    with pytest.raises(UserError, match="--output") as caught, complete_or_absent(target) as partial:
        partial.write_text("ours", encoding="utf-8")
        target.write_text("someone else's", encoding="utf-8")
    assert "--force" in str(caught.value)
    assert target.read_text(encoding="utf-8") == "someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_private_dir_makes_missing_folders_0700_and_leaves_existing_ones(tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o755)
    deep = private_dir(tmp_path / "a" / "b" / "c")
    assert deep.is_dir()
    assert [mode(p) for p in (tmp_path / "a", tmp_path / "a" / "b", deep)] == [0o700] * 3
    assert mode(tmp_path) == 0o755
    private_dir(deep)  # again: nothing to do


def test_private_files_are_0600(tmp_path: Path) -> None:
    fresh = create_private(tmp_path / "empty")
    assert mode(fresh) == 0o600 and fresh.stat().st_size == 0
    with pytest.raises(FileExistsError):
        create_private(fresh)
    older = tmp_path / "older.html"
    older.write_text("old", encoding="utf-8")
    os.chmod(older, 0o644)
    write_private_text(older, "new")
    assert older.read_text(encoding="utf-8") == "new" and mode(older) == 0o600


def test_the_rotating_log_stays_private_after_a_rollover(tmp_path: Path) -> None:
    import logging

    path = tmp_path / "data" / "xinsheng.log"
    handler = private_rotating_log(path, 200, 2)
    try:
        for n in range(20):
            handler.handle(logging.LogRecord("x", logging.ERROR, __file__, 0, f"line {n} " + "x" * 40, None, None))
    finally:
        handler.close()
    logs = sorted(path.parent.iterdir())
    assert [p.name for p in logs] == ["xinsheng.log", "xinsheng.log.1", "xinsheng.log.2"]
    assert mode(path.parent) == 0o700 and {mode(p) for p in logs} == {0o600}
