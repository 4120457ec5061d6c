"""The demo street as a legislative contact point (基层立法联系点): three consultations on drafts, written in
models/demo/drafts and consultations.json, built through the contact point's own write paths (the draft split as
`consult new` splits it, each opinion added as given, its article named or found by the matcher, outcomes and
callbacks recorded), so the demo shows what the product itself produces.

One consultation was answered long ago (every opinion has its outcome, most contributors have been told), one
closed recently (some outcomes are in, the callbacks wait), and one is still open: opinions keep coming, among them
the 立法意见 requests residents logged at intake since it opened, attached where the matcher finds their article.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from models.core.clock import simulated_time
from models.core.vocabulary import (
    Action,
    Adoption,
    ContributorKind,
    OpinionChannel,
    RequestKind,
    Role,
    Status,
)
from models.demo import content
from models.legislation.consultations import create_consultation
from models.legislation.drafts import split_draft
from models.legislation.opinions import (
    ATTACH_MIN_SCORE,
    add_opinion,
    article_matcher,
    attach_request,
    best_article,
    record_callback,
    record_outcome,
    resolve_articles,
    suggest_articles,
)
from models.matching.engine import Matcher
from models.people.permissions import Actor, actor_for
from models.store.engine import session_scope
from models.store.tables import Operator, Request, RequestEvent

Progress = Callable[[str], None]
Draw = Callable[[random.Random], str]  # a made-up name or phone, drawn as the rest of the demo draws them

ANSWERED, ANSWERING = "answered", "answering"  # a consultation's stage in consultations.json
HOURS = (9, 9, 10, 10, 11, 14, 14, 15, 16, 19)
PASSED_OVER = frozenset({Status.MERGED, Status.REJECTED})  # a duplicate, or not taken: not passed on twice


@dataclass
class Staff:
    """Who records what: the street's office opens consultations, takes letters and online opinions and records
    outcomes; community workers hold the 座谈会; grid workers hear opinions on their visits."""

    street: Actor
    community: list[Actor]
    grid: list[Actor]
    by_name: dict[str, Actor] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> Staff:
        operators = session.exec(select(Operator).order_by(col(Operator.id))).all()
        actors = {op.name: actor_for(session, op.name) for op in operators if op.role != Role.DEPARTMENT}
        street = next(actors[op.name] for op in operators if op.role == Role.SUPERVISOR)
        community = [actors[op.name] for op in operators if op.role == Role.COMMUNITY]
        grid = [actors[op.name] for op in operators if op.role == Role.GRID_WORKER]
        return cls(street, community, grid, actors)

    def recorder(self, rng: random.Random, channel: str) -> Actor:
        if channel == OpinionChannel.FORUM:
            return rng.choice(self.community)
        if channel == OpinionChannel.VISIT:
            return rng.choice(self.grid)
        return self.street


@dataclass
class Given:
    """One opinion waiting to be recorded, at the time it was given (the demo records them in that order)."""

    at: datetime
    recorder: Actor
    text: str
    kind: str
    channel: str
    labels: list[str] | None  # None: found by matching
    name: str | None = None
    phone: str | None = None
    consent: bool = False
    request: Request | None = None  # a 立法意见 request, joining as the intake joins it
    data: content.OpinionData | None = None


def build_consultations(
    engine: Engine, rng: random.Random, anchor: datetime, say: Progress, *, person: Draw, phone: Draw
) -> None:
    say(f"正在生成演示数据：基层立法联系点的 {len(content.CONSULTATIONS)} 次征求意见…")
    with session_scope(engine) as session:
        staff = Staff.load(session)
        for plan in content.CONSULTATIONS:
            _consultation(session, rng, anchor, staff, plan, person, phone)


def _consultation(
    session: Session,
    rng: random.Random,
    anchor: datetime,
    staff: Staff,
    plan: content.ConsultationData,
    person: Draw,
    phone: Draw,
) -> None:
    opens = (anchor - timedelta(days=plan["opens"])).date()
    closes = (anchor - timedelta(days=plan["closes"])).date()
    last_day = min(closes, anchor.date() - timedelta(days=1))  # an open one: opinions until yesterday
    with simulated_time(datetime.combine(opens, time(9, 0))):
        consultation = create_consultation(
            session, staff.street, split_draft(content.draft_text(plan)), issuer=plan["issuer"], opens_on=opens,
            closes_on=closes, file_name=Path(plan["file"]).name,
        )  # fmt: skip
    assert consultation.id is not None
    matcher, _ = article_matcher(session, consultation.id)
    forums = [opens + timedelta(days=d) for d in plan["forums"]]
    given = []
    for data in plan["opinions"]:
        channel = data["channel"]
        if channel == OpinionChannel.FORUM:
            day = rng.choice(forums)
        else:
            day = opens + timedelta(days=rng.randrange((last_day - opens).days + 1))
        named = data.get("name")
        given.append(
            Given(
                at=_at(rng, day),
                recorder=staff.recorder(rng, channel),
                text=data["text"],
                kind=data["kind"],
                channel=channel,
                labels=data.get("articles"),
                name=person(rng) if named is True else named or None,
                phone=phone(rng) if data.get("phone") else None,
                consent=data.get("consent", False),
                data=data,
            )
        )
    if plan["stage"] not in (ANSWERED, ANSWERING):
        given += _requests_since(session, staff, matcher, opens, anchor)
    recorded = []
    for g in sorted(given, key=lambda g: g.at):
        with simulated_time(g.at):
            if g.request is not None:
                opinion = attach_request(session, g.recorder, consultation.id, g.request)
            else:
                opinion = add_opinion(
                    session, g.recorder, consultation.id, g.text,
                    articles=_articles(session, consultation.id, matcher, g), contributor_kind=g.kind,
                    channel=g.channel, given_on=g.at.date(), name=g.name, phone=g.phone, consent=g.consent,
                )  # fmt: skip
        assert opinion.id is not None
        recorded.append((opinion.id, g))
    if plan["stage"] in (ANSWERED, ANSWERING):
        _answer(session, rng, anchor, staff, plan, recorded)


def _at(rng: random.Random, day: date) -> datetime:
    return datetime.combine(day, time(rng.choice(HOURS), rng.randrange(60)))


def _articles(session: Session, consultation_id: int, matcher: Matcher, given: Given) -> list[int]:
    """The articles the opinion was recorded against, or, when it named none, the one the matcher is sure of (as an
    import attaches a row without an article); otherwise the draft as a whole."""
    if given.labels is not None:
        return resolve_articles(session, consultation_id, given.labels)
    best = best_article(suggest_articles(matcher, given.text))
    return [best.article_id] if best else []


def _requests_since(session: Session, staff: Staff, matcher: Matcher, opens: date, anchor: datetime) -> list[Given]:
    """The 立法意见 requests logged since the consultation opened, joined to it (opinions.attach_request, as the
    intake joins one) by the grid worker who logged each, the next hour. Those that share no more than incidental
    words with any article of this draft (a dog-keeping rule, say) are about another law and stay requests."""
    since = datetime.combine(opens, time(0, 0))
    found = session.exec(
        select(Request, RequestEvent.actor)
        .join(RequestEvent, col(RequestEvent.request_id) == col(Request.id))
        .where(
            Request.kind == RequestKind.LEGISLATIVE_OPINION,
            col(Request.created_at) >= since,
            RequestEvent.action == Action.CREATE,
        )
        .order_by(col(Request.id))
    ).all()
    return [
        Given(
            at=min(request.created_at + timedelta(hours=1), anchor - timedelta(minutes=1)),
            recorder=staff.by_name.get(logged_by, staff.street),
            text=request.text if request.text.strip() else request.title,
            kind=ContributorKind.RESIDENT,
            channel=OpinionChannel.ONLINE,  # attach_request says, from the request's own channel
            labels=None,
            request=request,
        )
        for request, logged_by in found
        if request.status not in PASSED_OVER and _about(matcher, request.text or request.title)
    ]


def _about(matcher: Matcher, text: str) -> bool:
    """The text shares more than incidental words with some article of the draft (where it goes, the article or
    the draft as a whole, is then _articles' to say)."""
    suggestions = suggest_articles(matcher, text, top=1)
    return bool(suggestions) and suggestions[0].score >= ATTACH_MIN_SCORE


def _answer(
    session: Session,
    rng: random.Random,
    anchor: datetime,
    staff: Staff,
    plan: content.ConsultationData,
    recorded: list[tuple[int, Given]],
) -> None:
    """The legislature's answer, recorded by the street as it arrives; then the contributors who left a name or a
    phone are told, most of them within a few weeks (an answered consultation) or only some yet (a recent one)."""
    decided = anchor - timedelta(days=plan["decided"])
    for opinion_id, g in recorded:
        data = g.data or {}
        outcome = data.get("outcome")
        note = data.get("note", "")
        if outcome is None and plan["stage"] == ANSWERED:
            outcome, note = Adoption.NOT_ADOPTED, rng.choice(content.NOT_ADOPTED_NOTES)
        if outcome is None:
            continue
        at = _at(rng, (decided + timedelta(days=rng.randrange(plan["decided_spread"] + 1))).date())
        with simulated_time(min(at, anchor - timedelta(hours=1))):
            record_outcome(session, staff.street, opinion_id, outcome, final_text=data.get("final_text", ""), note=note)
        if not (g.name or g.phone) or rng.random() >= plan["informed_share"]:
            continue
        told = _at(rng, (at + timedelta(days=rng.randrange(1, 21))).date())
        if told < anchor:
            with simulated_time(told):
                record_callback(session, g.recorder, opinion_id)
