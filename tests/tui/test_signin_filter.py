"""The sign-in form's name list under `--lang en`: an English keyboard types roles in any case and names in pinyin."""

from __future__ import annotations

import pytest

from models.people.permissions import OperatorEntry
from tui import i18n
from tui.signin import name_matches

PEOPLE = [
    OperatorEntry("秦梓轩（主任）", "supervisor", ""),
    OperatorEntry("史婷", "grid_worker", "槐安里社区第1网格"),
    OperatorEntry("王芳", "department", "区水务局"),
]


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_language", "en")


def _found(text: str) -> list[str]:
    return [op.name for op in PEOPLE if name_matches(op, text)]


def test_a_role_is_found_in_any_case(english) -> None:
    assert _found("supervisor") == _found("Supervisor") == _found("SUPERVISOR") == ["秦梓轩（主任）"]


def test_a_name_is_found_by_its_pinyin_or_initials(english) -> None:
    assert _found("qinzixuan") == _found("qzx") == _found("QinZi") == ["秦梓轩（主任）"]
    assert _found("shi ting") == _found("st") == ["史婷"]
    assert _found("") == [op.name for op in PEOPLE]  # nothing typed: everyone
    assert _found("水务") == ["王芳"]  # the place still narrows the list
