"""Streets, communities and grids: set up before anyone is registered, and named so that a district's many
"第1网格" can be told apart.

A grid is usually named inside its community ("第1网格"), so a bare name is ambiguous in a district database.
Places are written as paths, "东社区/第1网格" or "槐安街道/东社区/第1网格"; a bare name is accepted when it is unique.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlmodel import Session, col, select

from models.core.errors import UserError
from models.core.text import drop_controls
from models.core.vocabulary import AREA_KIND_LABELS, AREA_KINDS
from models.store.tables import Area


@dataclass(frozen=True)
class AreaEntry:
    id: int
    kind: str
    path: str  # 街道/社区/网格, from the top


def add_area_chain(session: Session, *names: str) -> list[str]:
    """Create street → community → grid (one to three levels, each under the previous); returns the paths created.

    Running it again with the same names creates nothing, so a setup script can be re-run safely.
    """
    names = tuple(n.strip() for n in names)
    if not 1 <= len(names) <= 3 or not all(names):
        raise UserError("请依次给出 街道 [社区 [网格]]，名称不能为空")
    if any("/" in n for n in names):
        raise UserError("名称里不能有 “/”（它用来分隔街道、社区和网格）")
    if any(drop_controls(n) != n or "\n" in n or "\t" in n for n in names):
        raise UserError("名称里不能有换行、制表符或控制字符")
    created: list[str] = []
    parent: Area | None = None
    for kind, name in zip(AREA_KINDS, names, strict=False):
        area = session.exec(
            select(Area).where(Area.name == name, Area.parent_id == (parent.id if parent else None))
        ).first()
        if area is None:
            area = Area(name=name, kind=kind, parent_id=parent.id if parent else None)
            session.add(area)
            session.flush()
            created.append("/".join(names[: AREA_KINDS.index(kind) + 1]))
        elif area.kind != kind:
            raise UserError(
                f"“{name}” 已登记为{AREA_KIND_LABELS.get(area.kind, area.kind)}，不能再作{AREA_KIND_LABELS[kind]}"
            )
        parent = area
    return created


def list_areas(session: Session) -> list[AreaEntry]:
    """Every place with its full path, streets first, each followed by what lies under it."""
    areas = {a.id: a for a in session.exec(select(Area).order_by(col(Area.id))).all() if a.id is not None}
    entries = [AreaEntry(i, a.kind, _path(areas, a)) for i, a in areas.items()]
    return sorted(entries, key=lambda e: e.path)


def _path(areas: dict[int, Area], area: Area) -> str:
    parts = [area.name]
    seen = {area.id}
    while area.parent_id is not None and area.parent_id in areas and area.parent_id not in seen:
        area = areas[area.parent_id]
        seen.add(area.id)
        parts.append(area.name)
    return "/".join(reversed(parts))


def find_area(session: Session, spec: str, kind: str) -> Area:
    """The one place of `kind` that `spec` names: a path ending in it, or a bare name that is unique."""
    spec = spec.strip().strip("/")
    label = AREA_KIND_LABELS[kind]
    entries = [e for e in list_areas(session) if e.kind == kind]
    matches = [e for e in entries if e.path == spec or e.path.endswith("/" + spec)]
    if not matches:
        raise UserError(f"没有名为 “{spec}” 的{label}（xinsheng areas list 查看；xinsheng areas add 新建）")
    if len(matches) > 1:
        shown = "、".join(e.path for e in matches[:5])
        raise UserError(f"“{spec}” 有 {len(matches)} 个{label}：{shown}，请写出上一级，如 “{matches[0].path}”")
    area = session.get(Area, matches[0].id)
    assert area is not None
    return area


def display_names(session: Session, kind: str | None = None) -> dict[int, str]:
    """How to show each place: its own name when that is unique, else the shortest path that tells it apart."""
    entries = [e for e in list_areas(session) if kind is None or e.kind == kind]
    tails = Counter(_tail(e.path, depth) for e in entries for depth in range(1, e.path.count("/") + 2))
    shown: dict[int, str] = {}
    for entry in entries:
        depths = range(1, entry.path.count("/") + 2)
        shown[entry.id] = next((_tail(entry.path, d) for d in depths if tails[_tail(entry.path, d)] == 1), entry.path)
    return shown


def _tail(path: str, depth: int) -> str:
    return "/".join(path.split("/")[-depth:])
