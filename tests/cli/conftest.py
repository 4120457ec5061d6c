"""Fixtures the command-line tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.demo.builder import ensure_demo_file
from models.store.engine import demo_db_path


@pytest.fixture
def demo() -> Path:
    """A small demo at the user's demo.db (the data directory is the test's own, see tests/conftest.py)."""
    path = demo_db_path()
    ensure_demo_file(path, requests=40)
    return path
