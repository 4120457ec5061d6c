"""The wheel must carry what the program loads at run time besides Python modules."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from models.demo import content

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_contains_styles_and_migrations(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    result = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("xinsheng-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tui/xinsheng.tcss" in names
    assert "models/store/migrations/env.py" in names
    assert "models/store/migrations/script.py.mako" in names
    assert any(n.startswith("models/store/migrations/versions/0001_") for n in names)
    assert any(n.startswith("models/store/migrations/versions/0002_") for n in names)
    assert {"models/demo/catalog.csv", "models/demo/content.json", "models/demo/consultations.json"} <= names  # data
    assert {f"models/demo/{plan['file']}" for plan in content.CONSULTATIONS} <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "xinsheng = commands.main:run" in zipfile.ZipFile(wheel).read(entry_points).decode()
