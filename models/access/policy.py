"""The street's security settings: password rules, lockout, idle lock, command-line session life, two-factor.

Stored per database as one JSON setting, so every terminal and every `serve` tab of a street applies the same
rules; the defaults follow 等保 2.0 level 2 practice (docs/security.md).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlmodel import Session

from models.core.errors import UserError
from models.core.vocabulary import ROLE_LABELS, ROLES
from models.store.tables import Setting

KEY = "security"
TRAINING_KEY = "training_database"


@dataclass(frozen=True)
class SecurityPolicy:
    min_length: int = 8
    char_classes: int = 3  # of lower case, upper case, digits, other
    max_failures: int = 5  # failed sign-ins in a row before the account locks
    lock_minutes: int = 15
    idle_minutes: int = 15  # an idle TUI or browser session locks its screen
    cli_session_hours: int = 8  # a command-line sign-in ends after this many idle hours
    totp_roles: tuple[str, ...] = ()  # roles that must give a two-factor code
    retention_years: int = 3  # residents' personal data on finished requests (models.privacy.retention)

    def describe(self) -> list[tuple[str, str]]:
        roles = "、".join(ROLE_LABELS[r] for r in self.totp_roles) or "无"
        return [
            ("min-length", f"密码最短 {self.min_length} 个字符"),
            ("char-classes", f"密码至少包含 {self.char_classes} 类字符（小写、大写、数字、其他）"),
            ("max-failures", f"连续 {self.max_failures} 次登录失败锁定账户"),
            ("lock-minutes", f"锁定 {self.lock_minutes} 分钟"),
            ("idle-minutes", f"闲置 {self.idle_minutes} 分钟锁屏"),
            ("cli-session-hours", f"命令行登录闲置 {self.cli_session_hours} 小时失效"),
            ("totp-roles", f"须两步验证的角色：{roles}"),
            ("retention-years", f"已办完诉求中的居民个人信息保存 {self.retention_years} 年"),
        ]


LIMITS: dict[str, tuple[int, int]] = {
    "min_length": (8, 128),
    "char_classes": (1, 4),
    "max_failures": (3, 20),
    "lock_minutes": (1, 24 * 60),
    "idle_minutes": (1, 8 * 60),
    "cli_session_hours": (1, 24 * 7),
    "retention_years": (1, 30),
}


def load_policy(session: Session) -> SecurityPolicy:
    stored = session.get(Setting, KEY)
    if stored is None:
        return SecurityPolicy()
    values: dict[str, Any] = json.loads(stored.value)
    known = {f.name for f in fields(SecurityPolicy)}
    values = {k: v for k, v in values.items() if k in known}
    if "totp_roles" in values:
        values["totp_roles"] = tuple(values["totp_roles"])
    return replace(SecurityPolicy(), **values)


def changed_policy(current: SecurityPolicy, changes: dict[str, Any]) -> SecurityPolicy:
    """The policy with `changes` applied, each checked against its bounds (option names in the message)."""
    for name, value in changes.items():
        option = "--" + name.replace("_", "-")
        if name == "totp_roles":
            unknown = [r for r in value if r not in ROLES]
            if unknown:
                raise UserError(f"{option} 应为 {'、'.join(ROLES)} 中的角色，收到 “{'、'.join(unknown)}”")
            continue
        low, high = LIMITS[name]
        if not isinstance(value, int) or not low <= value <= high:
            raise UserError(f"{option} 应在 {low} 到 {high} 之间，收到 {value}")
    values: dict[str, Any] = {k: tuple(v) if k == "totp_roles" else v for k, v in changes.items()}
    return replace(current, **values)


def store_policy(session: Session, policy: SecurityPolicy) -> None:
    session.merge(Setting(key=KEY, value=json.dumps(asdict(policy), ensure_ascii=False)))
    session.flush()


def is_training(session: Session) -> bool:
    """A training database (the demo): its operators share the documented password and its clock may be pinned."""
    stored = session.get(Setting, TRAINING_KEY)
    return stored is not None and json.loads(stored.value) is True


def mark_training(session: Session) -> None:
    session.merge(Setting(key=TRAINING_KEY, value="true"))
    session.flush()


def refuse_pinned_clock(session: Session) -> None:
    """XINSHENG_NOW (a fixed "now" for training rooms and screenshots) is honoured only on a training database:
    on a real one it would misdate every event and deadline, and lockouts would never end."""
    from models.core.config import config

    if config().pinned_now and not is_training(session):
        raise UserError("XINSHENG_NOW 只能用于培训（演示）数据库；这是正式数据库，请取消这个环境变量")
