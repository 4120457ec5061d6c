"""Files xinsheng writes for people (exports, reports, error lists): checked before work, complete or absent."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from models.core.errors import UserError


def check_output_path(path: Path, option: str = "--output") -> None:
    """A file in an existing directory; checked before the (possibly long) work that fills it."""
    if path.is_dir():
        raise UserError(f"{option} 指向的是目录：{path}（请给出文件名）")
    if not path.parent.exists():
        raise UserError(f"{option} 的目录不存在：{path.parent}")


@contextmanager
def complete_or_absent(path: Path, option: str = "--output") -> Iterator[Path]:
    """Yield a hidden side file to write; it takes the real name only if the writing finished."""
    check_output_path(path, option)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        yield partial
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
