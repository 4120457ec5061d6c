"""Bad input, generated (issue 7): random bytes, wrong encodings, huge cells, formulas, control characters, emoji
and SQL-looking text through the importers, the matcher, the exports and the command line.

The properties: a clear error (a UserError, in the CLI exit code 2 and one line) or a correct result; never a
traceback; never a partial write; no exported cell that a spreadsheet would run as a formula.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from models.core.errors import UserError
from models.core.text import clean_cell
from models.files.catalog_import import import_catalog
from models.files.export import FORMULA_LEADERS, ExportFilter, export_requests
from models.files.request_import import import_requests
from models.matching.engine import Matcher
from models.matching.loader import load_matcher
from models.people.permissions import Actor
from models.store.consistency import check_database
from models.store.engine import open_engine, session_scope
from models.store.tables import CatalogItem, Request, RequestEvent
from tests.accounts import cli_login, register
from tests.conftest import CATALOG_CSV

ADMIN = Actor("属性测试", "admin")
CLI_ADMIN = "命令行管理员"
HOSTILE = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example","点我")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "'; DROP TABLE request; --",
    "Robert'); DELETE FROM requestevent WHERE ('1'='1",
    "楼道\x07里\x1b[31m有\x1b[0m椅子",
    "👴🏻🪑 楼道放折叠椅 🙏",
    "\u202e反向文字\u202c 漏水",
    "路灯\r\n不亮\r\n好几天",
    "楼道漏水" * 12_500,  # 50,000 characters
    "",
    "   ",
    "NULL",
    "０１２３全角",
]
cells = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20),
)
# openpyxl itself refuses to write control characters into a sheet
xlsx_cells = cells.map(lambda s: re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", s))
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16")
# 40 examples per property in the suite; XINSHENG_HYPOTHESIS_EXAMPLES=2000 for a long hunt
EXAMPLES = int(os.environ.get("XINSHENG_HYPOTHESIS_EXAMPLES", "40"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """One database for all examples of a test: every example checks what it changed, not a fresh file."""
    folder = tmp_path_factory.mktemp("props")
    catalog = folder / "catalog.csv"
    catalog.write_text(CATALOG_CSV, encoding="utf-8")
    engine = open_engine(folder / "props.db")
    with session_scope(engine) as session:
        import_catalog(session, catalog)
    yield engine
    engine.dispose()


def _counts(engine: Engine) -> tuple[int, int, int]:
    with Session(engine) as session:
        return (
            session.exec(select(func.count()).select_from(Request)).one(),
            session.exec(select(func.count()).select_from(RequestEvent)).one(),
            session.exec(select(func.count()).select_from(CatalogItem)).one(),
        )


def _new_file(tmp_path: Path, suffix: str) -> Path:
    return tmp_path / f"{uuid.uuid4().hex}{suffix}"


def _csv_file(tmp_path: Path, header: list[str], rows: list[tuple[str, ...]], encoding: str) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path = _new_file(tmp_path, ".csv")
    path.write_bytes(buffer.getvalue().encode(encoding))  # every one of ENCODINGS encodes all of Unicode
    return path


def _import(engine: Engine, path: Path, **options: object) -> object | None:
    """The import's result, or None after a UserError; either way nothing half-written."""
    before = _counts(engine)
    try:
        with session_scope(engine) as session:
            return import_requests(session, path, ADMIN, **options)  # type: ignore[arg-type]
    except UserError as exc:
        assert str(exc).strip() and "\n" not in str(exc).strip()
        assert _counts(engine) == before, "a refused import wrote something"
        return None


@FAST
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".xlsx", ".txt", ".xls"]))
def test_random_bytes_are_refused_cleanly_by_both_importers(
    db: Engine, tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = _new_file(tmp_path, suffix)
    path.write_bytes(data)
    _import(db, path)
    before = _counts(db)
    try:
        with session_scope(db) as session:
            import_catalog(session, path)
    except UserError:
        assert _counts(db) == before


@FAST
@given(
    rows=st.lists(st.tuples(cells, cells, cells, st.text("0123456789-+ ", max_size=20)), min_size=1, max_size=6),
    encoding=st.sampled_from(ENCODINGS),
    declared=st.sampled_from([None, None, *ENCODINGS, "big5", "latin-1"]),  # what the user says it is
    skip_bad=st.booleans(),
)
def test_hostile_cells_import_exactly_or_not_at_all(
    db: Engine,
    tmp_path: Path,
    rows: list[tuple[str, str, str, str]],
    encoding: str,
    declared: str | None,
    skip_bad: bool,
) -> None:
    path = _csv_file(tmp_path, ["诉求标题", "诉求内容", "地点", "联系电话"], rows, encoding)
    before = _counts(db)
    result = _import(db, path, skip_bad=skip_bad, encoding=declared, source=f"props-{uuid.uuid4().hex[:6]}")
    if result is None or declared not in (None, encoding):
        return  # read with the wrong encoding: refused, or mojibake the user asked for
    added = result.added  # type: ignore[attr-defined]
    event(f"imported {min(added, 3)}+ rows")
    requests, events, _ = _counts(db)
    assert requests - before[0] == added and events - before[1] == added  # each request with its import event
    with Session(db) as session:
        stored = session.exec(select(Request.title, Request.text).order_by(col(Request.id).desc()).limit(added)).all()
    expected = {clean_cell(cell) for row in rows for cell in row[:2]}
    for title, text in stored:
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", title + text)  # no escape sequence kept
        cut = title.endswith("…") and len(title) == 300  # a long title cell: cut, and kept whole in the text
        assert any(cell.startswith(title.removesuffix("…") if cut else title) for cell in expected)
        assert text in expected or (cut and any(len(cell) > 300 and cell in text for cell in expected))


@FAST
@given(rows=st.lists(st.tuples(xlsx_cells, xlsx_cells), min_size=1, max_size=5), formulas=st.booleans())
def test_xlsx_with_formulas_and_hostile_cells(
    db: Engine, tmp_path: Path, rows: list[tuple[str, str]], formulas: bool
) -> None:
    """openpyxl stores a string starting with = as a formula: the importer sees a formula without a cached value."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["标题", "诉求内容"])
    for title, text in rows:
        sheet.append([("=" + title) if formulas else title, text])
    path = _new_file(tmp_path, ".xlsx")
    book.save(path)
    _import(db, path, skip_bad=True, source=f"xlsx-{uuid.uuid4().hex[:6]}")


@FAST
@given(
    rows=st.lists(st.tuples(cells, cells, cells, cells), min_size=1, max_size=5), encoding=st.sampled_from(ENCODINGS)
)
def test_catalog_import_of_hostile_cells_is_all_or_nothing(
    db: Engine, tmp_path: Path, rows: list[tuple[str, str, str, str]], encoding: str
) -> None:
    path = _csv_file(tmp_path, ["事项编码", "事项名称", "承办部门", "关键词"], rows, encoding)
    before = _counts(db)
    try:
        with session_scope(db) as session:
            result = import_catalog(session, path)
    except UserError as exc:
        assert "\n" not in str(exc).strip()
        assert _counts(db) == before
        return
    assert _counts(db)[2] >= before[2]
    assert result.added + result.changed + result.unchanged >= 1


@pytest.fixture(scope="module")
def matcher(db: Engine) -> Matcher:
    with Session(db) as session:
        return load_matcher(session, use_cache=False)


@settings(max_examples=EXAMPLES * 4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=cells, top=st.integers(1, 10))
def test_the_matcher_answers_any_text(matcher: Matcher, text: str, top: int) -> None:
    result = matcher.match(text, top=top)
    scores = [s.score for s in result.suggestions]
    assert len(scores) <= top and scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    assert all(s.code and isinstance(s.reason, str) for s in result.suggestions)


def test_exports_neutralize_every_formula_and_the_database_survives_sql_looking_text(
    db: Engine, tmp_path: Path
) -> None:
    """After the examples above (and these rows) every exported CSV cell is safe to open in a spreadsheet."""
    from models.requests.intake import log_request

    with session_scope(db) as session:
        for value in HOSTILE[:8]:
            log_request(session, ADMIN, title=value or "空", text=value, location=value, resident_name=value[:80])
    out = io.StringIO()
    with session_scope(db) as session:
        export_requests(session, "csv", ExportFilter(), output=None, stdout=out, actor=ADMIN)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert len(rows) > 8
    dangerous = [cell for row in rows[1:] for cell in row if cell.startswith(FORMULA_LEADERS)]
    assert dangerous == []
    assert any(cell.startswith("'=cmd|") for row in rows for cell in row)  # kept, as text
    assert all(check.ok for check in check_database(db)), "SQL-looking text changed the database"


# ── the command line ───────────────────────────────────────────────────────────────────────────────────────
runner = CliRunner()
words = st.one_of(st.sampled_from(HOSTILE[:12]), st.text(min_size=1, max_size=25))


@pytest.fixture(scope="module")
def cli_database(db: Engine) -> str:
    """The module's database with an administrator the command line signs in as (issue 14: every command but
    `match` runs as a signed-in operator)."""
    register(db, CLI_ADMIN, "admin")
    return str(db.url.database)


@pytest.fixture
def cli_db(cli_database: str) -> str:
    """Signed in for this test: each test has its own config directory (conftest._isolated_env), so its own session."""
    cli_login(cli_database, CLI_ADMIN)
    return cli_database


def _cli(db_path: str, *args: str) -> None:
    """As the console script runs: not standalone, usage errors printed by commands.usage."""
    from commands.main import app
    from commands.usage import usage_exit_code

    before = _counts(open_engine(db_path))
    result = runner.invoke(app, ["--db", db_path, *args], standalone_mode=False, catch_exceptions=True)
    output, code = result.output, result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        printed = io.StringIO()
        with contextlib.redirect_stderr(printed):
            usage = usage_exit_code(result.exception)
        assert usage is not None, f"{args}: {result.exception!r}"  # anything else would be a traceback
        output, code = output + printed.getvalue(), usage
    assert code in (0, 2), (args, code, output)
    assert "Traceback" not in output
    assert "请先登录" not in output and "登录已失效" not in output, (args, output)  # the input was tried, not refused
    if code == 2:
        message = [line for line in output.splitlines() if line.strip()]
        assert len(message) == 1 and message[0].startswith("错误："), (args, output)
        assert _counts(open_engine(db_path)) == before


@FAST
@given(period=words, by=words, flag=st.sampled_from(["--period", "--by"]))
def test_stats_options(cli_db: str, period: str, by: str, flag: str) -> None:
    _cli(cli_db, "stats", flag, period if flag == "--period" else by)


@FAST
@given(fmt=words, status=words, department=words)
def test_export_options(cli_db: str, tmp_path: Path, fmt: str, status: str, department: str) -> None:
    target = _new_file(tmp_path, ".out")
    _cli(cli_db, "export", "requests", "-f", fmt, "--status", status, "--department", department, "-o", str(target))


@FAST
@given(text=words, top=st.one_of(words, st.integers(-5, 60).map(str)))
def test_match_options(cli_db: str, text: str, top: str) -> None:
    assume(not text.startswith("-"))
    _cli(cli_db, "match", "--top", top, text)


@FAST
@given(scope=words, key=words, response=st.one_of(words, st.integers(-3, 400).map(str)))
def test_deadline_options(cli_db: str, scope: str, key: str, response: str) -> None:
    _cli(cli_db, "deadlines", "set", "--scope", scope, "--key", key, "--response", response)


@FAST
@given(name=words, role=words, area=words)
def test_operator_options(cli_db: str, name: str, role: str, area: str) -> None:
    assume(not name.startswith("-"))
    _cli(cli_db, "operators", "add", name, "--role", role, "--area", area)


@FAST
@given(path=words, mapping=words, encoding=words)
def test_import_options(cli_db: str, path: str, mapping: str, encoding: str) -> None:
    assume(not path.startswith("-"))
    _cli(cli_db, "requests", "import", path, "--map", mapping, "--encoding", encoding)
