"""The one write path of an opinion on a draft: kept exactly as given (原汁原味), attached to the articles it concerns
(suggested by matching it against the articles' text, as the intake matches a request against the catalog), and
later given its outcome and the callback that tells the contributor, each once.

Verbatim means the stored `text` is the string that was typed or read from the file, character for character: no
normalisation, trimming or control-character clean-up (normalisation is used for matching only). The one character
no database keeps, NUL, is refused with one line rather than silently dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import update
from sqlmodel import Session, col, select

from models.core.clock import now
from models.core.errors import ConflictError, UserError
from models.core.text import drop_controls, phone_text
from models.core.vocabulary import Adoption, Channel, ContributorKind, OpinionChannel, Privilege, RequestKind
from models.legislation.consultations import get_consultation
from models.legislation.drafts import article_ordinal
from models.matching.engine import ItemInfo, Matcher
from models.people.permissions import Actor, require
from models.store.tables import Article, Consultation, Opinion, OpinionArticle, Request, too_long

MAX_OPINION_CHARS = 20_000
SUGGESTIONS = 3
KIND_SYNONYMS = {
    **{m.value: m.value for m in ContributorKind},
    **{m.label: m.value for m in ContributorKind},
    "群众": ContributorKind.RESIDENT, "居民代表": ContributorKind.RESIDENT, "立法信息员": ContributorKind.INFORMANT,
    "企业代表": ContributorKind.ENTERPRISE, "代表": ContributorKind.DEPUTY, "专家": ContributorKind.EXPERT,
    "学者": ContributorKind.EXPERT,
}  # fmt: skip
CHANNEL_SYNONYMS = {
    **{m.value: m.value for m in OpinionChannel},
    **{m.label: m.value for m in OpinionChannel},
    "座谈": OpinionChannel.FORUM, "入户": OpinionChannel.VISIT, "网上": OpinionChannel.ONLINE,
    "来信": OpinionChannel.LETTER, "书面": OpinionChannel.LETTER,
}  # fmt: skip
OUTCOME_SYNONYMS = {**{m.value: m.value for m in Adoption}, **{m.label: m.value for m in Adoption}}


@dataclass(frozen=True)
class ArticleSuggestion:
    article_id: int
    label: str
    score: float
    reason: str


def article_matcher(session: Session, consultation_id: int) -> tuple[Matcher, dict[str, Article]]:
    """The matcher over one draft's articles: each article is an item whose text is its description, so the
    suggestions and their reasons are the catalog matcher's own."""
    articles = session.exec(
        select(Article).where(Article.consultation_id == consultation_id).order_by(col(Article.position))
    ).all()
    items = [
        ItemInfo(
            code=str(a.id),
            # no name: a label such as 第三条 fuzzy-matches any opinion that says 三; the label is a keyword
            # instead, so an opinion that names its article (对第五条) finds it
            name="",
            category="",  # a chapter's heading (法律责任) is not what an opinion on one of its articles says
            department="草案",
            duty="own",
            keywords=(a.number,) if a.number else (),
            description=a.text,
            id=a.id,
        )
        for a in articles
    ]
    return Matcher(items), {str(a.id): a for a in articles}


def suggest_articles(matcher: Matcher, text: str, top: int = SUGGESTIONS) -> list[ArticleSuggestion]:
    result = matcher.match(text, top=top, catalog_only=True)
    labels = {code: (item.keywords[0] if item.keywords else "全文") for code, item in matcher.by_code.items()}
    return [ArticleSuggestion(int(s.code), labels[s.code], s.score, s.reason) for s in result.suggestions]


# an opinion given without its article is attached to the best-matching article only when that article is clearly
# the one: it shares more than incidental characters with it (score ≥ 3 of 100) and has at least half again the
# evidence of any other article. Otherwise it goes to the draft as a whole, where a person can move it. Provisional:
# checked on a handful of opinions written for the tests, not on opinions a contact point collected
ATTACH_MIN_SCORE = 3.0
ATTACH_LEAD = 1.5


def best_article(suggestions: Sequence[ArticleSuggestion]) -> ArticleSuggestion | None:
    if not suggestions or suggestions[0].score < ATTACH_MIN_SCORE:
        return None
    runner_up = suggestions[1].score if len(suggestions) > 1 else 0.0
    return suggestions[0] if suggestions[0].score >= ATTACH_LEAD * runner_up else None


def check_text(text: str) -> str:
    """The opinion as given, refused only if it cannot be kept as given."""
    if not text.strip():
        raise UserError("意见内容为空")
    if "\x00" in text:
        raise UserError("意见中含有空字符（\\x00），无法原样保存，请检查来源文件")
    if len(text) > MAX_OPINION_CHARS:
        raise UserError(f"意见过长（{len(text):,} 字，最多 {MAX_OPINION_CHARS:,} 字）")
    return text


def check_given_on(consultation: Consultation, day: date) -> date:
    """An opinion is given while its draft is open for opinions, and not after today."""
    if day > now().date():
        raise UserError(f"提出日期 {day:%Y-%m-%d} 晚于今天")
    if day < consultation.opens_on:
        raise UserError(f"提出日期 {day:%Y-%m-%d} 早于征求意见开始日期 {consultation.opens_on:%Y-%m-%d}")
    if consultation.closes_on is not None and day > consultation.closes_on:
        raise UserError(f"提出日期 {day:%Y-%m-%d} 晚于征求意见截止日期 {consultation.closes_on:%Y-%m-%d}")
    return day


def parse_kind(text: str) -> str:
    kind = KIND_SYNONYMS.get(text.strip() or ContributorKind.RESIDENT)
    if kind is None:
        raise UserError(f"未知的提出人类型 “{text}”（可用：{'、'.join(ContributorKind.labels().values())}）")
    return kind


def parse_channel(text: str) -> str:
    channel = CHANNEL_SYNONYMS.get(text.strip() or OpinionChannel.FORUM)
    if channel is None:
        raise UserError(f"未知的征集渠道 “{text}”（可用：{'、'.join(OpinionChannel.labels().values())}）")
    return channel


def resolve_articles(session: Session, consultation_id: int, labels: Sequence[str]) -> list[int]:
    """Article ids for what a person wrote: 第十二条, 12, 第12条; an article the draft does not have is refused."""
    articles = session.exec(select(Article).where(Article.consultation_id == consultation_id)).all()
    by_label = {a.number: a.id for a in articles if a.number}
    by_ordinal = {article_ordinal(a.number): a.id for a in articles if a.number}
    found: list[int] = []
    for label in labels:
        key = label.strip()
        if not key or key in ("全文", "总体", "整体"):
            continue
        article_id = by_label.get(key) or by_ordinal.get(article_ordinal(key))
        if article_id is None:
            raise UserError(f"草案中没有 “{key}”（共 {len(articles)} 条）")
        if article_id not in found:
            found.append(article_id)
    return found


def add_opinion(
    session: Session,
    actor: Actor,
    consultation_id: int,
    text: str,
    *,
    articles: Sequence[int] = (),
    contributor_kind: str = ContributorKind.RESIDENT,
    channel: str = OpinionChannel.FORUM,
    given_on: date | None = None,
    name: str | None = None,
    phone: str | None = None,
    consent: bool = False,
    request_id: int | None = None,
    import_key: str | None = None,
) -> Opinion:
    """Record one opinion exactly as given, attached to `articles` (none: the draft as a whole)."""
    require(actor, Privilege.CONSULT_OPINION)
    consultation = get_consultation(session, consultation_id)
    text = check_text(text)
    given_on = check_given_on(consultation, given_on or now().date())
    name = drop_controls(name or "").strip() or None
    phone = phone_text(phone) or None  # １３９… stored as 139…, as a request's phone, so privacy finds it
    for field_name, value, label in (("contributor_name", name, "姓名"), ("contributor_phone", phone, "电话")):
        if value and too_long(Opinion, field_name, value) is not None:
            raise UserError(f"{label}过长")
    opinion = Opinion(
        consultation_id=consultation_id,
        text=text,
        contributor_kind=parse_kind(contributor_kind),
        channel=parse_channel(channel),
        given_on=given_on,
        contributor_name=name,
        contributor_phone=phone,
        consent=consent and name is not None,
        request_id=request_id,
        import_key=import_key,
        created_at=now(),
        created_by=actor.name,
    )
    session.add(opinion)
    session.flush()
    assert opinion.id is not None
    session.add_all(OpinionArticle(opinion_id=opinion.id, article_id=a) for a in dict.fromkeys(articles))
    session.flush()
    return opinion


def record_outcome(
    session: Session, actor: Actor, opinion_id: int, outcome: str, *, final_text: str = "", note: str = ""
) -> Opinion:
    """What the legislature did with an opinion, recorded once (a second record is refused, not overwritten)."""
    require(actor, Privilege.CONSULT_MANAGE)
    opinion = _opinion(session, opinion_id)
    code = OUTCOME_SYNONYMS.get(outcome.strip())
    if code is None:
        raise UserError(f"--outcome 应为 {'、'.join(Adoption.codes())}（或 采纳、部分采纳、未采纳），收到 “{outcome}”")
    if opinion.outcome is not None:
        raise UserError(f"意见 #{opinion_id} 已记录结果（{Adoption.label_of(opinion.outcome)}），不能再次记录")
    if not (final_text.strip() or note.strip()):  # what the contributor is told, when they are called back
        raise UserError("请用 --final-text 给出最终条文，或用 --note 说明理由（反馈时要告诉提出人）")
    _change(session, opinion, outcome=code, final_text=final_text, outcome_note=note, decided_at=now())
    return opinion


def record_callback(session: Session, actor: Actor, opinion_id: int) -> Opinion:
    """The contributor was told what became of their opinion."""
    require(actor, Privilege.CONSULT_OPINION)
    opinion = _opinion(session, opinion_id)
    if opinion.outcome is None:
        raise UserError(f"意见 #{opinion_id} 还没有结果，无可反馈")
    if opinion.informed_at is not None:
        raise UserError(f"意见 #{opinion_id} 已于 {opinion.informed_at:%Y-%m-%d} 反馈过")
    if not reachable(opinion):
        raise UserError(f"意见 #{opinion_id} 的提出人没有留下姓名、电话，也不是由诉求转来，无从反馈")
    _change(session, opinion, informed_at=now(), informed_by=actor.name)
    return opinion


def callback_list(session: Session, consultation_id: int | None = None) -> list[Opinion]:
    """Opinions with an outcome whose contributor has not been told yet and can be (`reachable`)."""
    query = select(Opinion).where(col(Opinion.outcome).is_not(None), col(Opinion.informed_at).is_(None))
    if consultation_id is not None:
        query = query.where(Opinion.consultation_id == consultation_id)
    return [o for o in session.exec(query.order_by(col(Opinion.id))) if reachable(o)]


def reachable(opinion: Opinion) -> bool:
    """Whether staff can tell the contributor what became of their opinion: a name or a phone was left, or it came
    in as a request (whose resident the request's own callback reaches)."""
    return bool(opinion.contributor_phone or opinion.contributor_name or opinion.request_id is not None)


def awaiting_callback(opinion: Opinion) -> bool:
    return opinion.outcome is not None and opinion.informed_at is None and reachable(opinion)


# how a request came in, as the contact point counts its channels: a resident who came to the office or was met on a
# round was heard face to face (走访); a message, a call or a hotline ticket is an online or remote channel (线上)
REQUEST_CHANNELS: dict[str, OpinionChannel] = {
    Channel.WALK_IN: OpinionChannel.VISIT,
    Channel.PATROL: OpinionChannel.VISIT,
    Channel.LEGISLATIVE: OpinionChannel.FORUM,
}


def attach_request(session: Session, actor: Actor, consultation_id: int, request: Request) -> Opinion:
    """A 立法意见 request joins a consultation that is still open, as one opinion: the resident's own words (the
    request's details, or its title when there are none) verbatim, on the article they clearly concern, else on the
    draft as a whole. The resident's name and phone stay on the request (one place to mask, erase and purge them);
    the opinion points to it, and is anonymous in the submission."""
    consultation = get_consultation(session, consultation_id)
    if consultation.closes_on is not None and consultation.closes_on < now().date():
        raise UserError(f"征求意见“{consultation.title}”已于 {consultation.closes_on:%Y-%m-%d} 截止，不能再加入意见")
    if request.kind != RequestKind.LEGISLATIVE_OPINION:
        raise UserError(f"诉求 {request.ref} 的类型不是“立法意见”，不能加入征求意见")
    assert request.id is not None
    already = session.exec(select(Opinion.id).where(Opinion.request_id == request.id)).first()
    if already is not None:
        raise UserError(f"诉求 {request.ref} 已作为意见 #{already} 加入征求意见")
    text = request.text if request.text.strip() else request.title
    matcher, _ = article_matcher(session, consultation_id)
    best = best_article(suggest_articles(matcher, text))
    return add_opinion(
        session,
        actor,
        consultation_id,
        text,
        articles=[best.article_id] if best else [],
        contributor_kind=ContributorKind.RESIDENT,
        channel=REQUEST_CHANNELS.get(request.channel, OpinionChannel.ONLINE),
        given_on=request.created_at.date(),
        request_id=request.id,
    )


def forget_contributor(session: Session, opinion: Opinion, text: str) -> None:
    """Erasure at the contributor's request (models.privacy): their name and phone gone, their consent with them,
    and the text given with their own name and number taken out. The one exception to verbatim, and the law's.
    The import key goes too: it is a hash of the row as imported, name included, so a list of names would find
    the erased one again. (Importing that file once more adds the opinion again: the file has the name.)"""
    _change(session, opinion, contributor_name=None, contributor_phone=None, consent=False, text=text, import_key=None)


def _opinion(session: Session, opinion_id: int) -> Opinion:
    opinion = session.get(Opinion, opinion_id)
    if opinion is None:
        raise UserError(f"没有编号为 #{opinion_id} 的意见")
    return opinion


def _change(session: Session, opinion: Opinion, **values: object) -> None:
    moved = session.execute(
        update(Opinion)
        .where(col(Opinion.id) == opinion.id, col(Opinion.version) == opinion.version)
        .values(version=opinion.version + 1, **values)
    )
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError(f"意见 #{opinion.id} 刚被别人改过，请刷新后再试")
    session.refresh(opinion)
