"""Files xinsheng writes for people (exports, reports, error lists, backups): checked before work, complete or absent.

An output never replaces a file by surprise. Before the (possibly long) work starts, `check_output_path` refuses:
- a path that exists, unless the user said `--force`;
- whatever is not a regular file — a directory, a device such as /dev/null, a FIFO, a socket — even with --force:
  writing a report "into" /dev/null would replace the device node, and a FIFO would block;
- a symlink, even with --force: it may point anywhere (another user's file, the database), and following it or
  replacing it are both surprises; give the real path instead;
- the database in use (its file, or its -wal, -shm or -journal), even with --force: compared by file identity
  and by resolved path, so a hard link or a spelling through `..` is caught too.
All are UserError (exit 2), raised before anything is written. `complete_or_absent` then writes into a hidden side
file created 0600 (models.core.private) and gives it the real name only once it is complete: without --force by a
hard link, which fails rather than clobber a file that appeared meanwhile.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from models.core.errors import UserError
from models.core.private import create_private

SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def check_output_path(
    path: Path, option: str = "--output", *, force: bool = False, database: Path | None = None
) -> None:
    """Refuse, in one line naming `option`, an output that would replace something it must not (module docstring).

    `database` is the SQLite file in use, if any; it and its side files are never an output."""
    if path.is_symlink():
        raise UserError(f"{option} 是符号链接：{path}（请给出真实文件的路径）")
    if database is not None and is_database_file(path, database):
        raise UserError(f"{option} 指向正在使用的数据库：{path}（不能覆盖，请换一个文件名）")
    if path.is_dir():
        raise UserError(f"{option} 指向的是目录：{path}（请给出文件名）")
    if path.exists():
        if not path.is_file():
            raise UserError(f"{option} 不是普通文件：{path}（设备、管道等不能作为输出）")
        if not force:
            raise UserError(f"{option} 已存在：{path}（覆盖请加 --force）")
    if not path.parent.exists():
        raise UserError(f"{option} 的目录不存在：{path.parent}")


def is_database_file(path: Path, database: Path) -> bool:
    """Whether `path` is the SQLite database or one of its side files: the same file, or the same resolved path."""
    target = path.resolve()
    for candidate in (database, *(database.with_name(database.name + side) for side in SQLITE_SIDE_FILES)):
        try:
            if os.path.samefile(path, candidate):
                return True
        except OSError:  # one of them does not exist (yet): compare the names
            pass
        if target == candidate.resolve():
            return True
    return False


@contextmanager
def complete_or_absent(
    path: Path,
    option: str = "--output",
    *,
    force: bool = False,
    database: Path | None = None,
    precreate: bool = True,
) -> Iterator[Path]:
    """Yield a hidden side file to write; it takes the real name only if the writing finished.

    The side file is created empty and 0600 for writers that open a path themselves (xlsxwriter, `open("w")`);
    `precreate=False` leaves creating it to a writer that insists on a new file and makes it private itself."""
    check_output_path(path, option, force=force, database=database)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)  # left by a killed process that had the same pid
    try:
        if precreate:
            create_private(partial)
        yield partial
        _into_place(partial, path, option, force=force, database=database)
    finally:
        partial.unlink(missing_ok=True)


def _into_place(partial: Path, path: Path, option: str, *, force: bool, database: Path | None) -> None:
    if force:
        check_output_path(path, option, force=True, database=database)  # still no device, link or database
        os.replace(partial, path)
        return
    try:
        os.link(partial, path)  # unlike a rename, fails if the name was taken while we wrote
    except FileExistsError:
        raise UserError(f"{option} 在写入期间被另一个文件占用：{path}（未覆盖；覆盖请加 --force）") from None
    except OSError:  # a file system without hard links: look again, then rename
        check_output_path(path, option, database=database)
        os.replace(partial, path)
