"""The callback list as staff work through it: each opinion whose outcome is known and whose contributor has not
been told (opinions.callback_list decides which), with what the call needs — the consultation, the articles, the
outcome, who gave the opinion and how to reach them.

The contact comes masked from here, so no front end can show more by forgetting to mask: the name in full only
where the contributor consented to be named (as in the submission), the phone always masked (138****5678). An
opinion that came in as a 立法意见 request names its request instead: the resident is reached through the request,
whose contact the detail screen reveals with a reason, audited (models.requests.personal_data).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from models.access import audit
from models.core.errors import UserError
from models.core.text import mask_phone
from models.core.vocabulary import AuditAction, Privilege
from models.legislation.consultations import get_consultation
from models.legislation.display import shown_name
from models.legislation.opinions import callback_list
from models.people.permissions import Actor, require
from models.store.tables import Article, Consultation, Opinion, OpinionArticle, Request

WHOLE_DRAFT = "全文"


@dataclass(frozen=True)
class Callback:
    opinion_id: int
    consultation_id: int
    consultation: str  # its title
    articles: tuple[str, ...]  # 第五条, …; (全文,) for the draft as a whole
    outcome: str  # an Adoption code
    contributor_kind: str
    name: str  # in full with consent, else masked ("" when none was left)
    phone: str  # masked ("" when none was left)
    request_ref: str | None  # the 立法意见 request it came in as
    given_on: date
    decided_on: date | None

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.opinion_id,
            "consultation_id": self.consultation_id,
            "consultation": self.consultation,
            "articles": list(self.articles),
            "outcome": self.outcome,
            "contributor_kind": self.contributor_kind,
            "name": self.name or None,
            "phone": self.phone or None,
            "request": self.request_ref,
            "given_on": self.given_on.isoformat(),
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
        }


def callbacks(session: Session, consultation_id: int | None = None) -> list[Callback]:
    """The callback list (of one consultation, which must exist, or of all), by consultation then opinion."""
    if consultation_id is not None:
        get_consultation(session, consultation_id)
    opinions = callback_list(session, consultation_id)
    if not opinions:
        return []
    ids = [o.id for o in opinions]
    labels: dict[int, list[str]] = defaultdict(list)
    for opinion_id, number in session.exec(
        select(OpinionArticle.opinion_id, Article.number)
        .join(Article, col(Article.id) == col(OpinionArticle.article_id))
        .where(col(OpinionArticle.opinion_id).in_(ids))
        .order_by(col(Article.position))
    ):
        labels[opinion_id].append(number or WHOLE_DRAFT)
    titles = dict(
        session.exec(
            select(Consultation.id, Consultation.title).where(
                col(Consultation.id).in_({o.consultation_id for o in opinions})
            )
        ).all()
    )
    request_ids = {o.request_id for o in opinions if o.request_id is not None}
    refs = (
        dict(session.exec(select(Request.id, Request.ref).where(col(Request.id).in_(request_ids))).all())
        if request_ids
        else {}
    )
    out = []
    for o in opinions:
        assert o.id is not None and o.outcome is not None
        out.append(
            Callback(
                opinion_id=o.id,
                consultation_id=o.consultation_id,
                consultation=titles.get(o.consultation_id, ""),
                articles=tuple(labels.get(o.id, [WHOLE_DRAFT])),
                outcome=o.outcome,
                contributor_kind=o.contributor_kind,
                name=shown_name(o),
                phone=mask_phone(o.contributor_phone),
                request_ref=refs.get(o.request_id) if o.request_id is not None else None,
                given_on=o.given_on,
                decided_on=o.decided_at.date() if o.decided_at else None,
            )
        )
    return sorted(out, key=lambda c: (c.consultation_id, c.opinion_id))


@dataclass(frozen=True)
class Contact:
    opinion_id: int
    name: str
    phone: str


def reveal_contributor(session: Session, actor: Actor, opinion_id: int, reason: str) -> Contact:
    """The contributor's name and phone in full, for the callback: only for those who record opinions, with a
    reason, and recorded in the audit trail (as a request's contact is, models.requests.personal_data)."""
    require(actor, Privilege.CONSULT_OPINION)
    if not reason.strip():
        raise UserError("查看提出人联系方式必须写明用途")
    opinion = session.get(Opinion, opinion_id)
    if opinion is None:
        raise UserError(f"没有编号为 #{opinion_id} 的意见")
    audit.record(session, actor, AuditAction.REVEAL_PERSONAL_DATA, opinion=opinion_id, reason=reason.strip())
    return Contact(opinion_id, opinion.contributor_name or "", opinion.contributor_phone or "")
