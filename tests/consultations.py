"""Consultations and opinions for the figures' tests, made through the real domain functions (create_consultation,
add_opinion, record_outcome, record_callback), with known counts.

| consultation | opens – closes | opinions | adopted (partly) | not adopted | undecided | informed | to call back |
|---|---|---|---|---|---|---|---|
| 老年人权益保障条例 | 2025-12-01 – 2026-01-15 | 3 | 2 (1) | 0 | 1 | 1 | 1 |
| 物业管理条例 | 2026-02-01 – 2026-02-28 | 1 | 0 | 1 | 0 | 1 | 0 |
| 社区服务促进法 | 2026-03-01 – 2026-03-31 | 4 | 1 | 2 | 1 | 0 | 2 |
| 养犬管理规定 | 2026-03-10 – (none) | 0 | | | | | |

The first counts in 2025 although one of its opinions came in January 2026: a consultation's opinions count in the
year it opened. The anonymous opinion not adopted has no way back to its contributor: not to call back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Engine

from models.core.vocabulary import Adoption
from models.legislation.consultations import create_consultation
from models.legislation.drafts import split_draft
from models.legislation.opinions import add_opinion, record_callback, record_outcome
from models.people.permissions import Actor
from models.store.engine import session_scope

STREET = Actor("人大工委·郑", "supervisor")
WORKER = Actor("王网格", "grid_worker")
DRAFT = "{}（草案）\n第一条 为了……，制定本条例。\n第二条 本条例适用于本市行政区域。\n"

# (title, opens, closes, [(given_on, outcome, told, phone)])
PLAN: list[tuple[str, date, date | None, list[tuple[date, Adoption | None, bool, str | None]]]] = [
    ("老年人权益保障条例", date(2025, 12, 1), date(2026, 1, 15), [
        (date(2025, 12, 3), Adoption.ADOPTED, True, "13812345678"),
        (date(2026, 1, 5), Adoption.PARTLY, False, "13812345679"),
        (date(2026, 1, 6), None, False, "13812345670"),
    ]),
    ("物业管理条例", date(2026, 2, 1), date(2026, 2, 28), [
        (date(2026, 2, 3), Adoption.NOT_ADOPTED, True, "13912345678"),
    ]),
    ("社区服务促进法", date(2026, 3, 1), date(2026, 3, 31), [
        (date(2026, 3, 2), Adoption.ADOPTED, False, "13712345678"),
        (date(2026, 3, 3), Adoption.NOT_ADOPTED, False, "13712345679"),
        (date(2026, 3, 4), Adoption.NOT_ADOPTED, False, None),  # anonymous: nobody to call back
        (date(2026, 3, 5), None, False, "13712345670"),
    ]),
    ("养犬管理规定", date(2026, 3, 10), None, []),
]  # fmt: skip


@dataclass(frozen=True)
class Seeded:
    ids: dict[str, int]  # consultation id by title


def seed(engine: Engine) -> Seeded:
    ids = {}
    with session_scope(engine) as s:
        for title, opens, closes, opinions in PLAN:
            consultation = create_consultation(
                s, STREET, split_draft(DRAFT.format(title)), title=title, issuer="市人大常委会法工委", opens_on=opens,
                closes_on=closes,
            )  # fmt: skip
            assert consultation.id is not None
            ids[title] = consultation.id
            for n, (given_on, outcome, told, phone) in enumerate(opinions):
                opinion = add_opinion(
                    s, WORKER, consultation.id, f"{title}的第 {n + 1} 条意见", given_on=given_on, phone=phone
                )
                assert opinion.id is not None
                if outcome is not None:
                    record_outcome(s, STREET, opinion.id, outcome, note="已吸收")
                if told:
                    record_callback(s, WORKER, opinion.id)
    return Seeded(ids)
