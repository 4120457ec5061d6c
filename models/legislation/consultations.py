"""The one write path of a consultation and its articles, and how they are read back: the list, and one
consultation with its articles and the opinions on each (the whole-draft opinions last)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from models.core.clock import now
from models.core.errors import UserError
from models.core.text import drop_controls
from models.core.vocabulary import Adoption, Privilege
from models.legislation.display import shown_words
from models.legislation.drafts import Draft
from models.people.permissions import Actor, require
from models.store.tables import Article, Consultation, Opinion, OpinionArticle, Request, too_long

ADOPTED = (Adoption.ADOPTED, Adoption.PARTLY)  # what contact points report as 采纳


def create_consultation(
    session: Session,
    actor: Actor,
    draft: Draft,
    *,
    title: str | None = None,
    issuer: str = "",
    opens_on: date | None = None,
    closes_on: date | None = None,
    file_name: str = "",
) -> Consultation:
    """Open a consultation on a draft: the consultation and every article, in one unit of work."""
    require(actor, Privilege.CONSULT_MANAGE)
    title = " ".join(drop_controls(title or draft.title).split())  # one line wherever a title is listed
    if not title:
        raise UserError("请用 --title 给出草案名称（文件第一行为空）")
    for field_name, value, label in (("title", title, "--title"), ("issuer", issuer.strip(), "--issuer")):
        limit = too_long(Consultation, field_name, value)
        if limit is not None:
            raise UserError(f"{label} 过长（{len(value)} 字，最多 {limit} 字）")
    opens = opens_on or now().date()
    if closes_on is not None and closes_on < opens:
        raise UserError(f"--closes {closes_on:%Y-%m-%d} 早于开始日期 {opens:%Y-%m-%d}")
    consultation = Consultation(
        title=title,
        issuer=issuer.strip(),
        opens_on=opens,
        closes_on=closes_on,
        file_name=file_name[:255],
        text_sha256=hashlib.sha256(draft.text.encode("utf-8")).hexdigest(),
        created_at=now(),
        created_by=actor.name,
    )
    session.add(consultation)
    session.flush()
    assert consultation.id is not None
    session.add_all(
        Article(
            consultation_id=consultation.id,
            position=a.position,
            number=a.number,
            chapter=a.chapter[:200],
            section=a.section[:200],
            text=a.text,
        )
        for a in draft.articles
    )
    session.flush()
    return consultation


def heading(
    consultation_id: int, title: str, issuer: str, opens_on: date, closes_on: date | None, is_open: bool
) -> dict[str, object]:
    """A consultation as every JSON output names it (consult list, stats --json), before its counts."""
    return {
        "id": consultation_id,
        "title": title,
        "issuer": issuer,
        "opens": opens_on.isoformat(),
        "closes": closes_on.isoformat() if closes_on else None,
        "open": is_open,
    }


@dataclass(frozen=True)
class ConsultationSummary:
    id: int
    title: str
    issuer: str
    opens_on: date
    closes_on: date | None
    articles: int
    opinions: int
    adopted: int

    @property
    def open(self) -> bool:
        return self.closes_on is None or self.closes_on >= now().date()

    def as_dict(self) -> dict[str, object]:
        return {
            **heading(self.id, self.title, self.issuer, self.opens_on, self.closes_on, self.open),
            "articles": self.articles,
            "opinions": self.opinions,
            "adopted": self.adopted,
        }


def list_consultations(session: Session, *, only_open: bool = False) -> list[ConsultationSummary]:
    """Every consultation, the latest opened first, with its counts (each one grouped query)."""
    articles = dict(
        session.exec(select(Article.consultation_id, func.count()).group_by(col(Article.consultation_id))).all()
    )
    opinions: dict[int, tuple[int, int]] = {
        cid: (int(n), int(adopted or 0))
        for cid, n, adopted in session.exec(
            select(
                Opinion.consultation_id,
                func.count(),
                func.sum(case((col(Opinion.outcome).in_(ADOPTED), 1), else_=0)),
            ).group_by(col(Opinion.consultation_id))
        ).all()
    }
    out = []
    for c in session.exec(select(Consultation).order_by(col(Consultation.opens_on).desc(), col(Consultation.id))):
        assert c.id is not None
        n, adopted = opinions.get(c.id, (0, 0))
        out.append(
            ConsultationSummary(c.id, c.title, c.issuer, c.opens_on, c.closes_on, articles.get(c.id, 0), n, adopted)
        )
    return [c for c in out if c.open] if only_open else out


def get_consultation(session: Session, consultation_id: int) -> Consultation:
    consultation = session.get(Consultation, consultation_id)
    if consultation is None:
        raise UserError(f"没有编号为 {consultation_id} 的征求意见（xinsheng consult list 查看）")
    return consultation


@dataclass
class ArticleView:
    id: int
    position: int
    number: str
    chapter: str
    section: str
    text: str
    opinions: list[Opinion] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.number or "全文"


@dataclass
class ConsultationView:
    consultation: Consultation
    articles: list[ArticleView]
    whole_draft: list[Opinion]  # opinions on the draft as a whole (attached to no article)
    residents: dict[int, str] = field(default_factory=dict)  # opinion id → the resident of the request it came as

    def words(self, opinion: Opinion) -> str:
        """The opinion as shown and passed on (display.shown_words), its request's resident masked too."""
        return shown_words(opinion, self.residents.get(opinion.id or 0))


def consultation_view(session: Session, consultation_id: int) -> ConsultationView:
    consultation = get_consultation(session, consultation_id)
    articles = [
        ArticleView(a.id or 0, a.position, a.number, a.chapter, a.section, a.text)
        for a in session.exec(
            select(Article).where(Article.consultation_id == consultation_id).order_by(col(Article.position))
        )
    ]
    by_id = {a.id: a for a in articles}
    opinions = session.exec(
        select(Opinion)
        .where(Opinion.consultation_id == consultation_id)
        .order_by(col(Opinion.given_on), col(Opinion.id))
    ).all()
    links: dict[int, list[int]] = defaultdict(list)
    if opinions:
        for opinion_id, article_id in session.exec(
            select(OpinionArticle.opinion_id, OpinionArticle.article_id).where(
                col(OpinionArticle.opinion_id).in_([o.id for o in opinions])
            )
        ):
            links[opinion_id].append(article_id)
    whole = []
    for opinion in opinions:
        assert opinion.id is not None
        targets = [by_id[a] for a in links.get(opinion.id, []) if a in by_id]
        if not targets:
            whole.append(opinion)
        for article in targets:
            article.opinions.append(opinion)
    residents = {
        opinion_id: name
        for opinion_id, name in session.exec(
            select(Opinion.id, Request.resident_name)
            .join(Request, col(Request.id) == col(Opinion.request_id))
            .where(Opinion.consultation_id == consultation_id, col(Request.resident_name).is_not(None))
        )
        if opinion_id is not None and name
    }
    return ConsultationView(consultation, articles, whole, residents)
