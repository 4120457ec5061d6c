"""The pre-select setting (issue 17): what it accepts, who may set it, and what it picks."""

from __future__ import annotations

import pytest

from models.core.errors import PermissionDenied, UserError
from models.matching.engine import MatchResult, Suggestion
from models.matching.preselect import load_preselect, parse_preselect, preselected, set_preselect
from models.people.permissions import Actor
from models.store.engine import session_scope


def _suggestion(code: str, department: str) -> Suggestion:
    return Suggestion(code, code, "", department, "own", 60.0, "")


SUGGESTIONS = [_suggestion("A", "街道"), _suggestion("B", "区水务局")]
RESULT = MatchResult("楼上漏水", "楼上漏水", "区水务局", 50.0, "", SUGGESTIONS, confidence=0.8)


def test_what_is_accepted() -> None:
    assert parse_preselect("off") is None and parse_preselect(" 关闭 ") is None
    assert parse_preselect("0.9") == 0.9 and parse_preselect("1") == 1.0
    for bad in ("0.3", "1.5", "nan", "abc", ""):
        with pytest.raises(UserError, match="--preselect"):
            parse_preselect(bad)


def test_it_picks_the_first_suggestion_of_the_matched_department_at_or_above_the_threshold() -> None:
    assert preselected(RESULT, 0.8) == RESULT.suggestions[1]  # not suggestion 1: its department is another
    assert preselected(RESULT, 0.81) is None and preselected(RESULT, None) is None


@pytest.mark.parametrize("role", ["grid_worker", "community", "department", "supervisor"])
def test_only_an_administrator_sets_it(sqlite_engine, role: str) -> None:
    with pytest.raises(PermissionDenied), session_scope(sqlite_engine) as s:
        set_preselect(s, Actor("某人", role), 0.9)
    with session_scope(sqlite_engine) as s:
        set_preselect(s, Actor("管理员", "admin"), 0.95)
    with session_scope(sqlite_engine) as s:
        assert load_preselect(s) == 0.95
        with pytest.raises(UserError):
            set_preselect(s, Actor("管理员", "admin"), 0.2)
