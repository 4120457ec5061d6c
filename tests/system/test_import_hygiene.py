"""Layering guards: models never import the front-end libraries, and CLI commands never load the TUI."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, tmp_path: Path) -> str:
    env = {
        "XDG_DATA_HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_cli_commands_do_not_import_textual(tmp_path: Path) -> None:
    code = f"""
import sys
from typer.testing import CliRunner
from commands.main import app
db = {str(tmp_path / "h.db")!r}
first_admin = ["operators", "add", "甲", "--role", "admin", "--password-stdin"]
login = ["login", "--operator", "甲", "--password-stdin"]
for args in (first_admin, login, ["db", "upgrade"], ["match", "路灯不亮"], ["stats", "--json"],
             ["catalog", "import", "--help"]):
    result = CliRunner().invoke(app, ["--db", db, *args], input="Hygiene-2026x\\n")
    assert result.exit_code == 0, (args, result.output)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "tui"))
print(",".join(loaded))
"""
    assert _run(code, tmp_path).strip() == ""


def test_models_never_import_front_end_libraries(tmp_path: Path) -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT / "models").with_suffix("").parts).removesuffix(".__init__")
        for p in (ROOT / "models").rglob("*.py")
        if "migrations" not in p.parts
    )
    code = f"""
import importlib, sys
for name in {modules!r}:
    importlib.import_module("models." + name if name != "__init__" else "models")
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "typer", "rich", "tui", "commands"))))
"""
    assert _run(code, tmp_path).strip() == ""
