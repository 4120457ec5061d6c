"""Rebinding keys: every binding has an id (xinsheng.<screen>.<action>), and a keymap file maps ids to keys.

A terminal that swallows F-keys, or a team used to other keys, changes them in one file instead of in code:

    # ~/.config/xinsheng/keymap.toml (or the file named by XINSHENG_KEYMAP)
    "xinsheng.intake.save" = "ctrl+s,f10"
    "xinsheng.app.open-stats" = "f4,ctrl+t"
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from models.core.config import config


def keymap_path() -> Path:
    return config().keymap_file


def load_keymap() -> tuple[dict[str, str], str | None]:
    """(binding id → keys, a problem to tell the user or None); a broken file never stops the app."""
    path = keymap_path()
    if not path.is_file():
        return {}, None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}: {exc}"
    keymap = {str(k): v for k, v in data.items() if isinstance(v, str) and v.strip()}
    ignored = sorted(set(data) - set(keymap))
    return keymap, (f"{path}: 忽略了不是按键字符串的项 {', '.join(ignored)}" if ignored else None)
