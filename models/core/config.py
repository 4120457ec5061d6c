"""The configuration a process runs with: every XINSHENG_* variable is read here and nowhere else.

The environment is read when a value is asked for, not once at import: tests and `xinsheng serve`'s browser
sessions change it between calls, and a bad value (XINSHENG_POOL_SIZE=abc) is refused only by the code that needs
it, in one line naming the variable. Command-line options (--db, --lang) win over the environment; the front ends
pass them in.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping
from pathlib import Path

from models.core.errors import UserError

APP = "xinsheng"
LANGUAGES = ("zh", "en")


class Config:
    """A view of the environment (the process's own unless a mapping is given, as tests do)."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self._env: Mapping[str, str] = os.environ if environ is None else environ

    def _get(self, name: str) -> str:
        return self._env.get(name, "").strip()

    @property
    def db(self) -> str | None:
        """XINSHENG_DB: the database when --db is not given (a SQLite path or a postgresql:// URL)."""
        return self._get("XINSHENG_DB") or None

    @property
    def pinned_now(self) -> str | None:
        """XINSHENG_NOW: a fixed "now" (ISO time) for training rooms, screenshots and end-to-end tests."""
        return self._get("XINSHENG_NOW") or None

    @property
    def remote_address(self) -> str | None:
        """XINSHENG_REMOTE_ADDR: the address of the browser a `xinsheng serve` session runs for (set by the server
        for each process it starts, for sign-in audit rows; behind a reverse proxy, the proxy's address). None at a
        terminal."""
        return self._get("XINSHENG_REMOTE_ADDR") or None

    @property
    def pool_size(self) -> int:
        """XINSHENG_POOL_SIZE: PostgreSQL connections a process keeps open (docs/deployment.md)."""
        return self._count("XINSHENG_POOL_SIZE", 2)

    @property
    def pool_overflow(self) -> int:
        """XINSHENG_POOL_OVERFLOW: connections a process may open beyond the pool for a moment."""
        return self._count("XINSHENG_POOL_OVERFLOW", 6)

    @property
    def import_max_mb(self) -> int:
        """XINSHENG_IMPORT_MAX_MB: the largest CSV or XLSX file an import reads, in MB (docs/deployment.md)."""
        return self._count("XINSHENG_IMPORT_MAX_MB", 200)

    @property
    def import_max_unpacked_mb(self) -> int:
        """XINSHENG_IMPORT_MAX_UNPACKED_MB: what an XLSX may unpack to, in MB; a 1 MB zip bomb unpacks to gigabytes."""
        return self._count("XINSHENG_IMPORT_MAX_UNPACKED_MB", 500)

    @property
    def import_max_rows(self) -> int:
        """XINSHENG_IMPORT_MAX_ROWS: rows a sheet may span (declared or used), the header and title rows included."""
        return self._count("XINSHENG_IMPORT_MAX_ROWS", 500_000)

    @property
    def import_max_columns(self) -> int:
        """XINSHENG_IMPORT_MAX_COLUMNS: columns a sheet may span; a cell at XFD1048576 spans 16,384 of them."""
        return self._count("XINSHENG_IMPORT_MAX_COLUMNS", 100)

    @property
    def keymap_file(self) -> Path:
        """XINSHENG_KEYMAP, or keymap.toml in the user config directory."""
        configured = self._get("XINSHENG_KEYMAP")
        if configured:
            return Path(configured)
        return self.config_dir / "keymap.toml"

    @property
    def language(self) -> str:
        """XINSHENG_LANG: the interface language; anything unknown falls back to Chinese."""
        value = self._get("XINSHENG_LANG")
        return value if value in LANGUAGES else "zh"

    @property
    def data_dir(self) -> Path:
        """The user data directory: the default and demo databases, the error log."""
        import platformdirs

        return Path(platformdirs.user_data_dir(APP, appauthor=False))

    @property
    def config_dir(self) -> Path:
        """The user config directory: the command line's sign-in sessions, the keymap."""
        import platformdirs

        return Path(platformdirs.user_config_dir(APP, appauthor=False))

    @property
    def cache_dir(self) -> Path:
        """Files that can be rebuilt at any time (the matcher's index, the web page of `serve`)."""
        import platformdirs

        return Path(platformdirs.user_cache_dir(APP, appauthor=False))

    def _count(self, name: str, default: int) -> int:
        value = self._get(name)
        if not value:
            return default
        if not value.isdigit():
            raise UserError(f"环境变量 {name} 应为非负整数，收到 “{value}”")
        return int(value)


def config() -> Config:
    return Config()


def export_language(language: str, environ: MutableMapping[str, str] | None = None) -> None:
    """Hand the chosen language to child processes (the browser sessions `xinsheng serve` starts)."""
    (os.environ if environ is None else environ)["XINSHENG_LANG"] = language


def export_database(url: str, environ: MutableMapping[str, str] | None = None) -> None:
    """Hand the database to child processes through the environment, not the command line: a URL may carry a
    password, and every user of the machine can read another's command line (`ps`)."""
    (os.environ if environ is None else environ)["XINSHENG_DB"] = url


def data_dir() -> Path:
    return config().data_dir


def cache_dir() -> Path:
    return config().cache_dir


def config_dir() -> Path:
    return config().config_dir
