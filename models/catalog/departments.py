"""Departments: the units that own catalog items and receive dispatched work.

Imports of catalogs and request histories create departments on the fly; the level guessed from the name decides
whether work sent there stays on the street or leaves it.
"""

from __future__ import annotations

from sqlmodel import Session, select

from models.core.vocabulary import DEPARTMENT_LEVELS
from models.store.tables import Department


def get_or_create_department(
    session: Session, name: str, level: str = "district", cache: dict[str, Department] | None = None
) -> Department:
    if cache is not None and name in cache:
        return cache[name]
    department = session.exec(select(Department).where(Department.name == name)).first()
    if department is None:
        if level not in DEPARTMENT_LEVELS:
            level = "district"
        department = Department(name=name, level=level)
        session.add(department)
        session.flush()
    if cache is not None:
        cache[name] = department
    return department


def guess_level(name: str) -> str:
    """A department's level from its name, for departments that imports create on the fly."""
    if "社区" in name or "居委会" in name or "村委会" in name:
        return "community"
    if "街道" in name or "乡镇" in name or name.endswith("镇"):
        return "street"
    if any(word in name for word in ("公司", "企业", "物业", "集团")):
        return "external"
    return "district"
