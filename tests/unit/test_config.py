"""The configuration: every XINSHENG_* variable read in one place, when asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.core.config import Config, export_language
from models.core.errors import UserError


def test_defaults_when_nothing_is_set() -> None:
    config = Config({})
    assert config.db is None and config.pinned_now is None
    assert (config.pool_size, config.pool_overflow) == (2, 6)
    assert config.language == "zh"
    assert config.keymap_file.name == "keymap.toml"


def test_values_from_the_environment() -> None:
    config = Config(
        {
            "XINSHENG_DB": " /srv/x.db ",
            "XINSHENG_NOW": "2026-03-20T10:00",
            "XINSHENG_POOL_SIZE": "4",
            "XINSHENG_POOL_OVERFLOW": "0",
            "XINSHENG_KEYMAP": "/etc/xinsheng/keys.toml",
            "XINSHENG_LANG": "en",
        }
    )
    assert config.db == "/srv/x.db" and config.pinned_now == "2026-03-20T10:00"
    assert (config.pool_size, config.pool_overflow) == (4, 0)
    assert config.keymap_file == Path("/etc/xinsheng/keys.toml") and config.language == "en"


def test_a_bad_value_is_refused_by_name_only_where_it_is_needed() -> None:
    config = Config({"XINSHENG_POOL_SIZE": "many", "XINSHENG_LANG": "fr"})
    assert config.db is None  # the rest still reads
    assert config.language == "zh"  # an unknown language falls back to the source language
    with pytest.raises(UserError, match="XINSHENG_POOL_SIZE"):
        _ = config.pool_size


def test_the_language_is_handed_to_child_processes() -> None:
    environ: dict[str, str] = {}
    export_language("en", environ)
    assert Config(environ).language == "en"
