"""Files and directories xinsheng creates are its user's alone: files 0600, directories 0700.

The database, its WAL, backups, exports and error lists carry residents' names and phones, so nobody else on the
machine may read them. Two layers make it so:

- `xinsheng` sets its umask to 077 once, at the start of `commands.main.run` (the CLI, the TUI, and the sessions
  `xinsheng serve` starts, which run the same entry point). Whatever a library creates on its own then comes out
  private too.
- The places that create a file or a directory also ask for the mode themselves, through the helpers below, so the
  domain functions are private when called as a library (tests, benchmarks, a script) under an ordinary 022 umask.
  A file is created with its mode by `os.open` (never written first and narrowed after: that leaves a moment in
  which it is readable); a library that insists on opening a path itself (xlsxwriter, numpy, SQLite) is handed a
  file already created 0600, which it truncates and keeps.

SQLite gives its -wal and -shm files the permissions of the database file, so creating the database 0600 before
the first connection (`models.store.engine.make_engine`) makes all three private. Directories that already exist
(the current directory a report is written to, a user's own folders) are left as they are; the ones xinsheng makes
(the data and cache directories on first use, the demo's, the web page's) are 0700.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import logging

FILE_MODE = 0o600
DIR_MODE = 0o700
UMASK = 0o077


def private_dir(path: Path) -> Path:
    """`path` as a directory, creating it and any missing parents 0700; existing directories are left alone."""
    missing: list[Path] = []
    for folder in (path, *path.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:  # made by another process meanwhile (or a file, which the next step reports)
            if not folder.is_dir():
                raise
            continue
        with contextlib.suppress(OSError):  # exactly 0700 whatever the umask took away (not on every system)
            os.chmod(folder, DIR_MODE)
    return path


def private_opener(path: str | os.PathLike[str], flags: int) -> int:
    """For `open(..., opener=private_opener)`: a new file is created 0600, and an older one of ours is narrowed."""
    fd = os.open(path, flags, FILE_MODE)
    if hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):  # not ours to change (another user's file): leave it
            os.fchmod(fd, FILE_MODE)
    return fd


def create_private(path: Path, *, exclusive: bool = True) -> Path:
    """Create `path` as an empty 0600 file for a library to fill. `exclusive` refuses anything already there
    (FileExistsError), a symlink included; otherwise an existing file is kept as it is."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else 0)
    os.close(os.open(path, flags, FILE_MODE))
    return path


def write_private_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, opener=private_opener) as fh:
        fh.write(text)
    return path


def private_rotating_log(path: Path, max_bytes: int, backups: int) -> logging.Handler:
    """A RotatingFileHandler whose files, the fresh one after each rollover included, are 0600 in a 0700 folder."""
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        def _open(self):  # type: ignore[no-untyped-def]  # logging's own signature
            return open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors, opener=private_opener)

    private_dir(path.parent)
    handler = PrivateRotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(scrubbed_formatter())
    return handler


def scrubbed_formatter() -> logging.Formatter:
    """Every line a log gets, tracebacks included, without residents' numbers or a database error's row values:
    a log is read by whoever maintains the machine, and kept longer than anyone remembers."""
    import logging

    from models.core.text import scrub_failure

    class ScrubbedFormatter(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            return scrub_failure(super().format(record))

    return ScrubbedFormatter("%(message)s")
