"""Where the command line keeps its sign-in tokens: one private file in the user config directory, one token per
database, so `--db a.db` and `--db b.db` are two separate sign-ins.

The file and its directory are created 0600/0700 and written by replacing, so a half-written file never exists;
a file anybody else can read is refused rather than used.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

from models.core.config import config_dir
from models.core.errors import UserError
from models.core.private import private_dir

FILE_NAME = "sessions.json"


def _path() -> Path:
    return config_dir() / FILE_NAME


def database_key(url: str) -> str:
    """The database a token is for, without any password the URL carries."""
    from sqlalchemy.engine import make_url

    if url.startswith("sqlite:///"):
        return "sqlite:///" + str(Path(url.removeprefix("sqlite:///")).resolve())
    return hashlib.sha256(make_url(url).render_as_string(hide_password=True).encode()).hexdigest()


def _read() -> dict[str, str]:
    path = _path()
    try:
        info = path.lstat()
    except FileNotFoundError:
        return {}
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        raise UserError(f"登录凭据文件 {path} 不是普通文件：请删除它后重新登录（xinsheng login）")
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UserError(f"登录凭据文件 {path} 可被他人读取：请删除它后重新登录（xinsheng login）")
    if path.parent.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UserError(f"目录 {path.parent} 可被他人访问：请执行 chmod 700 {path.parent} 后再试")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _write(tokens: dict[str, str]) -> None:
    path = _path()
    private_dir(path.parent)
    partial = path.with_name(f".{FILE_NAME}.{os.getpid()}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(tokens, out)
    partial.replace(path)


def kept_token(url: str) -> str | None:
    return _read().get(database_key(url))


def keep_token(url: str, token: str) -> None:
    tokens = _read()
    tokens[database_key(url)] = token
    _write(tokens)


def forget_token(url: str) -> str | None:
    tokens = _read()
    token = tokens.pop(database_key(url), None)
    if token is not None:
        _write(tokens)
    return token
