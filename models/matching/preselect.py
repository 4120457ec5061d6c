"""A site's choice to let a confident match pre-select its department at intake.

The confidence is a calibrated probability (models.matching.calibration), so a site chooses this as the share of
pre-selections it is willing to see corrected: at 0.9, about one in ten. The worker still sees the ✔ and can
choose another suggestion; nothing is routed before Ctrl+S.
"""

from __future__ import annotations

import json

from sqlmodel import Session

from models.access.audit import record
from models.core.errors import UserError
from models.core.vocabulary import AuditAction, Privilege
from models.matching.levels import LOW_CONFIDENCE
from models.people.permissions import Actor, require
from models.store.tables import Setting

KEY = "routing_preselect"
OFF_WORDS = ("off", "关", "关闭", "none")


def load_preselect(session: Session) -> float | None:
    """The confidence at or above which intake pre-selects the department; None: never."""
    stored = session.get(Setting, KEY)
    value = json.loads(stored.value) if stored is not None else None
    return float(value) if isinstance(value, int | float) else None


def parse_preselect(text: str) -> float | None:
    if text.strip().lower() in OFF_WORDS:
        return None
    try:
        value = float(text)
    except ValueError:
        raise UserError(
            f"--preselect 应为 {LOW_CONFIDENCE:g} 到 1 之间的把握（如 0.9），或 off；收到 “{text}”"
        ) from None
    if not LOW_CONFIDENCE <= value <= 1.0:
        raise UserError(
            f"--preselect 应在 {LOW_CONFIDENCE:g} 到 1 之间（低于 {LOW_CONFIDENCE:g} 时多半是错的），收到 {value:g}"
        )
    return value


def set_preselect(session: Session, actor: Actor, value: float | None) -> None:
    """An administrator's setting, audited."""
    require(actor, Privilege.SETTINGS)
    if value is not None and not LOW_CONFIDENCE <= value <= 1.0:
        raise UserError(f"预选把握应在 {LOW_CONFIDENCE:g} 到 1 之间")
    session.merge(Setting(key=KEY, value=json.dumps(value)))
    session.flush()
    record(session, actor, AuditAction.SETTINGS_CHANGE, preselect=value)


def describe(value: float | None) -> str:
    if value is None:
        return "登记时预选部门：关闭（总由网格员采纳建议）"
    wrong = f"约每 {1 / max(1e-9, 1 - value):.0f} 条中有 1 条需改" if value < 1 else "极少需改"
    return f"登记时预选部门：把握 ≥ {value:g} 时预先选中首条同部门建议（{wrong}）"
