"""Finding requests that are probably the same problem reported again (重复诉求).

Residents in one building report the same broken light three times in different words, and a worker should merge
them rather than send three teams. "Same problem" needs two kinds of evidence: the texts are alike, and they are
about the same duty (the matched catalog item). The second keeps apart requests that share a building but not a
problem ("3号楼楼道灯坏了" and "3号楼楼道堆满杂物").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz
from sqlmodel import Session, col, select

from models.core.clock import now
from models.core.text import mask_personal, normalize
from models.core.vocabulary import OPEN_STATUSES, STATUS_LABELS
from models.matching.levels import MIN_AUTO_SCORE
from models.store.tables import Area, CatalogItem, Request

if TYPE_CHECKING:  # numpy-backed; loaded by the matcher itself, off the start-up path
    from models.matching.engine import Matcher

WINDOW_DAYS = 30
MIN_SCORE = 60.0
CANDIDATE_LIMIT = 500


@dataclass(frozen=True)
class Duplicate:
    id: int
    ref: str
    title: str
    created_at: datetime
    status: str
    score: float
    same_item: bool

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def _area_scope(session: Session, area_id: int) -> list[int]:
    """The grid itself and every grid of its community: neighbours report the same problems."""
    area = session.get(Area, area_id)
    if area is None or area.parent_id is None:
        return [area_id]
    siblings = session.exec(select(Area.id).where(Area.parent_id == area.parent_id)).all()
    return [a for a in siblings if a is not None] or [area_id]


def text_similarity(a: str, b: str) -> float:
    """0–100: how alike two normalized texts are, tolerant of word order and of one being longer."""
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), 0.9 * fuzz.partial_ratio(a, b), fuzz.token_set_ratio(" ".join(a), " ".join(b)))


def find_duplicates(
    session: Session,
    matcher: Matcher | None,
    *,
    title: str,
    text: str = "",
    area_id: int | None,
    item_code: str | None = None,
    exclude_id: int | None = None,
    at: datetime | None = None,
    limit: int = 5,
) -> list[Duplicate]:
    """Open requests of the same grid or community from the last 30 days that look like the same problem."""
    query = normalize(f"{title}{text}")
    if not query or area_id is None:
        return []
    if item_code is None and matcher is not None:
        result = matcher.match(title, top=1, body=text)
        # only a suggestion the intake would route by names the duty: a faint one (a few points, 字符相近) would
        # make any request "the same item" as the last one and offer it as a duplicate
        sure = result.suggestions and result.suggestions[0].score >= MIN_AUTO_SCORE
        item_code = result.suggestions[0].code if sure else None
    since = (at or now()) - timedelta(days=WINDOW_DAYS)
    conditions = [
        col(Request.area_id).in_(_area_scope(session, area_id)),
        col(Request.status).in_((*OPEN_STATUSES, "resolved")),
        col(Request.created_at) >= since,
    ]
    if exclude_id is not None:
        conditions.append(col(Request.id) != exclude_id)
    columns: list[Any] = [
        Request.id,
        Request.ref,
        Request.title,
        Request.text,
        Request.created_at,
        Request.status,
        CatalogItem.code,
        Request.resident_name,
    ]
    rows = session.exec(
        select(*columns)
        .join(CatalogItem, col(Request.item_id) == CatalogItem.id, isouter=True)
        .where(*conditions)
        .order_by(col(Request.created_at).desc())
        .limit(CANDIDATE_LIMIT)
    ).all()
    found = []
    for rid, ref, other_title, other_text, created, status, other_code, resident in rows:
        similarity = text_similarity(query, normalize(f"{other_title}{other_text}"))
        same_item = item_code is not None and other_code == item_code
        # different duties are different problems, however alike the words (same building, same stairwell…)
        if item_code is not None and other_code is not None and not same_item:
            continue
        score = 0.7 * similarity + (30.0 if same_item else 0.0)
        if score >= MIN_SCORE and rid is not None:
            # shown on the intake screen to whoever is typing: another resident's phone or name stays masked
            shown = mask_personal(other_title, [resident] if resident else [])
            found.append(Duplicate(rid, ref, shown, created, status, round(score, 1), same_item))
    found.sort(key=lambda d: d.score, reverse=True)
    return found[:limit]
