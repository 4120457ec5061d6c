"""A site's choice to let a confident match pre-select its department at intake.

The confidence is a calibrated probability (models.matching.calibration), so a site chooses this as the share of
pre-selections it is willing to see corrected: at 0.9, about one in ten. The worker still sees the ✔ and can
choose another suggestion; nothing is routed before Ctrl+S.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlmodel import Session

from models.access.audit import record
from models.core.errors import UserError
from models.core.vocabulary import AuditAction, Privilege
from models.matching.levels import LOW_CONFIDENCE
from models.people.permissions import Actor, require
from models.store.tables import Setting

if TYPE_CHECKING:
    from models.matching.engine import MatchResult, Suggestion

KEY = "routing_preselect"
OFF_WORDS = ("off", "关", "关闭", "none")


def load_preselect(session: Session) -> float | None:
    """The confidence at or above which intake pre-selects the department; None: never."""
    stored = session.get(Setting, KEY)
    value = json.loads(stored.value) if stored is not None else None
    return float(value) if isinstance(value, int | float) else None


def parse_preselect(text: str) -> float | None:
    """--preselect as typed: a confidence, or off."""
    if text.strip().lower() in OFF_WORDS:
        return None
    try:
        value = float(text)
    except ValueError:
        raise UserError(
            f"--preselect 应为 {LOW_CONFIDENCE:g} 到 1 之间的把握（如 0.9），或 off；收到 “{text}”"
        ) from None
    _check(value, "--preselect")
    return value


def set_preselect(session: Session, actor: Actor, value: float | None) -> None:
    """An administrator's setting, audited."""
    require(actor, Privilege.SETTINGS)
    if value is not None:
        _check(value, "预选把握")
    session.merge(Setting(key=KEY, value=json.dumps(value)))
    session.flush()
    record(session, actor, AuditAction.SETTINGS_CHANGE, preselect=value)


def _check(value: float, name: str) -> None:
    if not LOW_CONFIDENCE <= value <= 1.0:  # NaN fails too
        low = f"{LOW_CONFIDENCE:g}"
        raise UserError(f"{name} 应在 {low} 到 1 之间（低于 {low} 时多半是错的），收到 {value:g}")


def preselected(result: MatchResult, threshold: float | None) -> Suggestion | None:
    """What intake pre-selects for a match: the first suggestion of its department, when the match is at least as
    sure as the site's threshold; None otherwise (and always when the site has none)."""
    if threshold is None or result.empty or result.confidence < threshold:
        return None
    return next((s for s in result.suggestions if s.department == result.department), None)


def describe(value: float | None) -> str:
    if value is None:
        return "登记时预选部门：关闭（总由网格员采纳建议）"
    wrong = f"约每 {1 / max(1e-9, 1 - value):.0f} 条中有 1 条需改" if value < 1 else "极少需改"
    return f"登记时预选部门：把握 ≥ {value:g} 时预先选中首条同部门建议（{wrong}）"
