"""The house rules of the architecture that import-linter cannot see: one vocabulary, one configuration, one error
tree. Each reads the source, so a new module that breaks a rule fails here, naming the file and line."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.core import errors, vocabulary

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("models", "tui", "commands")


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for package in SOURCES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue  # a migration is history: it keeps the literals it was written with
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"


def test_codes_are_declared_only_in_the_vocabulary() -> None:
    """A tuple, list, set or dict literal that spells out two or more codes of one kind is a second declaration of
    that vocabulary (the cut duties were once written out in four places)."""
    kinds = [set(enum.codes()) for enum in vocabulary.EVERY_CODE]
    found = []
    for path, tree in _modules():
        if path.name == "vocabulary.py":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                elements = node.elts
            elif isinstance(node, ast.Dict):
                elements = [k for k in node.keys if k is not None]
            else:
                continue
            strings = {e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)}
            if len(strings) >= 2 and len(strings) == len(elements) and any(strings <= codes for codes in kinds):
                found.append(f"{_where(path, node)} {sorted(strings)}")
    assert found == []


def test_only_the_configuration_reads_the_environment() -> None:
    found = []
    for path, tree in _modules():
        if path.relative_to(ROOT).as_posix() == "models/core/config.py":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "putenv"):
                found.append(_where(path, node))
    assert found == []


def test_every_error_class_is_in_the_one_tree() -> None:
    """An exception class of our own outside XinshengError would escape the front ends' one-line handling."""
    tree_names = {name for name, value in vars(errors).items() if isinstance(value, type)}
    found = []
    for path, module in _modules():
        for node in ast.walk(module):
            if not isinstance(node, ast.ClassDef) or node.name == "XinshengError":
                continue
            bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
            if bases & {"Exception", "BaseException", "RuntimeError", "ValueError"}:
                found.append(f"{_where(path, node)} {node.name}")
            elif node.name.endswith(("Error", "Denied", "Unavailable")) and not bases & tree_names:
                found.append(f"{_where(path, node)} {node.name}({', '.join(sorted(bases))})")
    assert found == []


ERROR_KINDS = [e for e in vars(errors).values() if isinstance(e, type) and issubclass(e, Exception)]


@pytest.mark.parametrize("kind", ERROR_KINDS, ids=lambda e: e.__name__)
def test_each_kind_of_error_carries_the_exit_code_of_its_kind(kind: type[Exception]) -> None:
    assert issubclass(kind, errors.XinshengError)
    expected = errors.EXIT_BAD_INPUT if issubclass(kind, errors.UserError) else errors.EXIT_RUNTIME
    assert kind.exit_code == expected  # type: ignore[attr-defined]


def test_an_outage_is_not_bad_input() -> None:
    assert errors.DatabaseUnavailable.exit_code == 1 and errors.BusyError.exit_code == 1
    assert errors.InputError.exit_code == 2 and errors.PermissionDenied.exit_code == 2


@pytest.mark.parametrize("enum", vocabulary.EVERY_CODE, ids=lambda e: e.__name__)
def test_each_code_has_one_label_and_an_english_name(enum: type[vocabulary.Code]) -> None:
    labels = [member.label for member in enum]
    assert len(set(labels)) == len(labels)
    assert all(member.english and member.english.isascii() for member in enum)
    assert all(enum(member.value) is member and member == member.value for member in enum)


def test_a_stored_code_compares_and_serialises_as_the_string_the_database_holds() -> None:
    import json

    assert vocabulary.Status.IN_PROGRESS == "in_progress" and f"{vocabulary.Status.IN_PROGRESS}" == "in_progress"
    assert json.dumps([vocabulary.Duty.RETURNED]) == '["returned"]'
    assert vocabulary.Status.label_of("in_progress") == "办理中" and vocabulary.Status.label_of("legacy") == "legacy"


def test_no_module_imports_itself_round_a_ring() -> None:
    """import-linter's acyclic_siblings contract checks each package's children; this checks every module against
    every other, function-level and TYPE_CHECKING imports included (grimp reads them all)."""
    grimp = pytest.importorskip("grimp", reason="grimp comes with import-linter (the test extra)")
    graph = grimp.build_graph(*SOURCES)
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    rings: list[list[str]] = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        order[module] = low[module] = len(order)
        stack.append(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in order:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], order[imported])
        if low[module] == order[module]:
            ring = []
            while not ring or ring[-1] != module:
                ring.append(stack.pop())
            if len(ring) > 1:
                rings.append(sorted(ring))

    for module in sorted(graph.modules):
        if module not in order:
            visit(module)
    assert rings == []


def test_no_module_outside_the_migrations_is_longer_than_800_lines() -> None:
    """Past that a module holds more than one concern (the demo's content was 5,700 lines of literals)."""
    long = [
        f"{path.relative_to(ROOT)} {lines}"
        for path, _ in _modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 800
    ]
    assert long == []


def test_stored_codes_are_compared_with_their_members_not_with_strings() -> None:
    """`request.status == Status.MERGED`, not `== "merged"`: a typo in a member fails at import, a typo in a string
    compares unequal for ever."""
    kinds = {
        "status": vocabulary.Status,
        "from_status": vocabulary.Status,
        "to_status": vocabulary.Status,
        "role": vocabulary.Role,
        "duty": vocabulary.Duty,
        "action": vocabulary.Action,
    }
    found = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Compare):
                continue
            sides = [node.left, *node.comparators]
            names = {s.attr if isinstance(s, ast.Attribute) else getattr(s, "id", None) for s in sides}
            for side in sides:
                if isinstance(side, ast.Constant) and any(
                    name in kinds and side.value in kinds[name].codes() for name in names
                ):
                    found.append(f"{_where(path, node)} {side.value!r}")
    assert found == []
