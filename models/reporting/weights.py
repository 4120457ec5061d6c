"""Metric weights a street may set for itself (docs/domain.md, “Metrics”: "weights configurable; places differ").

Defaults: composite = 0.1 × response + 0.5 × resolution + 0.4 × satisfaction; satisfaction counts satisfied as 1,
basically satisfied as 0.9, unsatisfied as 0. They are stored per database, since the figures belong with the data.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlmodel import Session

from models.access.audit import record
from models.core.errors import UserError
from models.core.vocabulary import AuditAction, Privilege, Satisfaction
from models.people.permissions import Actor, require
from models.store.tables import Setting

DEFAULT_COMPOSITE = {"response": 0.1, "resolution": 0.5, "satisfaction": 0.4}
DEFAULT_SATISFACTION: dict[str, float] = {
    Satisfaction.SATISFIED: 1.0,
    Satisfaction.BASICALLY: 0.9,
    Satisfaction.UNSATISFIED: 0.0,
}


@dataclass(frozen=True)
class Weights:
    composite: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_COMPOSITE))
    satisfaction: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_SATISFACTION))


def load_weights(session: Session) -> Weights:
    stored = {key: session.get(Setting, key) for key in ("composite_weights", "satisfaction_weights")}
    composite = json.loads(stored["composite_weights"].value) if stored["composite_weights"] else DEFAULT_COMPOSITE
    satisfaction = (
        json.loads(stored["satisfaction_weights"].value) if stored["satisfaction_weights"] else DEFAULT_SATISFACTION
    )
    return Weights(dict(composite), dict(satisfaction))


def parse_weights(text: str, option: str) -> dict[str, float]:
    """`response=0.1,resolution=0.5,satisfaction=0.4` as a dict; a malformed part is a usage error naming it."""
    out: dict[str, float] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, sep, value = part.partition("=")
        try:
            if not sep:
                raise ValueError(part)
            out[name.strip()] = float(value)
        except ValueError:
            raise UserError(f"{option} 应写成 名称=数值,…，收到 “{part}”") from None
    return out


def set_weights(
    session: Session,
    actor: Actor,
    composite: Mapping[str, float] | None = None,
    satisfaction: Mapping[str, float] | None = None,
) -> Weights:
    """Change the weights (an administrator's setting, audited): every rate shown from now on follows them."""
    require(actor, Privilege.SETTINGS)
    if composite is not None:
        if set(composite) != set(DEFAULT_COMPOSITE):
            raise UserError(f"--composite 需要且只能给出：{'、'.join(DEFAULT_COMPOSITE)}")
        if any(v < 0 for v in composite.values()) or abs(sum(composite.values()) - 1.0) > 1e-6:
            raise UserError("--composite 的权重应为非负数且合计为 1")
        session.merge(Setting(key="composite_weights", value=json.dumps(dict(composite))))
    if satisfaction is not None:
        if set(satisfaction) != set(DEFAULT_SATISFACTION):
            raise UserError(f"--satisfaction 需要且只能给出：{'、'.join(DEFAULT_SATISFACTION)}")
        if any(not 0 <= v <= 1 for v in satisfaction.values()):
            raise UserError("--satisfaction 的权重应在 0 到 1 之间")
        session.merge(Setting(key="satisfaction_weights", value=json.dumps(dict(satisfaction))))
    session.flush()
    record(session, actor, AuditAction.SETTINGS_CHANGE, composite=composite and dict(composite),
           satisfaction=satisfaction and dict(satisfaction))  # fmt: skip
    return load_weights(session)
