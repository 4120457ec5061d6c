"""The English interface: every string the screens show through tr() has a translation with the same fields."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from tui.strings_en import EN

TUI = Path(__file__).resolve().parents[2] / "tui"


def _msgids() -> list[str]:
    found = []
    for path in sorted(TUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.append(first.value)
    return found


def _model_labels() -> list[str]:
    from models.core.vocabulary import (
        ACTION_LABELS,
        ACTION_NAMES,
        CHANNEL_LABELS,
        DUTY_LABELS,
        KIND_LABELS,
        RETURN_REASONS,
        ROLE_LABELS,
        SATISFACTION_LABELS,
        STATUS_LABELS,
        URGENCY_LABELS,
        WAITING_FOR,
    )
    from models.reporting.stats import DEPARTMENT_COLUMNS

    labels = list(DEPARTMENT_COLUMNS)
    for table in (STATUS_LABELS, ACTION_LABELS, RETURN_REASONS, WAITING_FOR, SATISFACTION_LABELS, DUTY_LABELS,
                  CHANNEL_LABELS, KIND_LABELS, URGENCY_LABELS, ROLE_LABELS, ACTION_NAMES):  # fmt: skip
        labels.extend(table.values())
    return labels


def _fields(text: str) -> list[str]:
    return [spec for _, name, spec, _ in string.Formatter().parse(text) if name is not None for spec in [spec]]


def test_the_screens_use_tr_and_every_message_has_an_english_entry() -> None:
    ids = _msgids()
    assert len(ids) > 200  # the screens really go through the catalog
    missing = sorted({i for i in ids + _model_labels() if i not in EN})
    assert missing == []


@pytest.mark.parametrize("msgid", sorted(EN))
def test_a_translation_keeps_the_fields_of_its_message(msgid: str) -> None:
    source, english = msgid, EN[msgid]
    assert len(_fields(source)) == len(_fields(english)), (source, english)
    assert re.findall(r"\[/?[a-z $]+\]", source) == re.findall(r"\[/?[a-z $]+\]", english) or "[" not in source


def test_no_chinese_is_left_in_the_english_catalog() -> None:
    cjk = re.compile(r"[\u4e00-\u9fff]")
    assert [v for k, v in EN.items() if cjk.search(v) and k != "心声 xinsheng"] == []


def test_an_unknown_language_is_refused() -> None:
    from models.core.errors import UserError
    from tui.i18n import set_language

    with pytest.raises(UserError, match="--lang"):
        set_language("fr")
