"""The legislative contact point's figures (docs/legislation.md, "Figures"): per consultation and per year, how many
opinions were gathered, adopted and reported back, each an aggregate in SQL.

Two choices hold throughout, so every table adds up the same way:
- a consultation and all its opinions count in the year it opened (`opens_on`): a year's row is the sum of the rows
  of the consultations opened in it, even for opinions given after New Year. A monthly report counts its year up to
  the end of its month, so the report of a past month does not grow as later consultations open;
- the adoption rate is adopted (采纳, in full or in part: models.legislation.consultations.ADOPTED) over the opinions
  with a recorded outcome. An opinion still awaiting the legislature's answer is neither, so a consultation does not
  look worse the fresher it is; the undecided are counted beside it.

The counting lives here rather than beside `list_consultations` because the report, `stats --json` and the dashboard
need more than its two counts (partly, not adopted, informed, callbacks pending) and by year; `reporting` may read
`legislation`, which may not read `reporting`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, case, distinct, func, or_, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from models.core.clock import now
from models.core.vocabulary import Adoption
from models.legislation.consultations import ADOPTED, heading
from models.reporting.stats import Rate, count_where, period_bounds
from models.store.tables import Consultation, Opinion

YEAR_NOTE = (
    "征求意见及其全部意见计入开始征求的年度（月报计本年 1 月至本月开始的）。"
    "采纳含部分采纳；采纳率 = 采纳 ÷ 已有结果的意见（尚无结果的计为待定）；"
    "已反馈：已告知提出人结果的意见；待反馈：已有结果、留有联系方式、尚未告知的意见。"
)


@dataclass(frozen=True)
class OpinionCounts:
    """What became of a set of opinions. `adopted` is 采纳 as contact points report it: in full or in part."""

    opinions: int = 0
    adopted: int = 0
    partly: int = 0  # of `adopted`, those adopted in part
    not_adopted: int = 0
    informed: int = 0  # the contributor was told the outcome (callback recorded)
    callbacks_pending: int = 0  # an outcome, a way to reach the contributor, and not told yet

    @property
    def decided(self) -> int:
        return self.adopted + self.not_adopted

    @property
    def undecided(self) -> int:
        return self.opinions - self.decided

    @property
    def adoption(self) -> Rate:
        """Adopted over the opinions with an outcome (the module's docstring says why not over all opinions)."""
        return Rate(self.adopted, self.decided)

    def as_dict(self) -> dict[str, Any]:
        return {
            "opinions": self.opinions,
            "adopted": self.adopted,
            "partly_adopted": self.partly,
            "not_adopted": self.not_adopted,
            "undecided": self.undecided,
            "adoption_rate": self.adoption.as_dict(),
            "informed": self.informed,
            "callbacks_pending": self.callbacks_pending,
        }


@dataclass(frozen=True)
class ConsultationFigures:
    id: int
    title: str
    issuer: str
    opens_on: date
    closes_on: date | None
    open: bool  # still taking opinions today: no closing date, or it has not passed
    counts: OpinionCounts

    def as_dict(self) -> dict[str, Any]:
        return {
            **heading(self.id, self.title, self.issuer, self.opens_on, self.closes_on, self.open),
            **self.counts.as_dict(),
        }


@dataclass(frozen=True)
class YearFigures:
    year: int
    consultations: int  # opened in the year (up to the end of month `through`)
    counts: OpinionCounts  # their opinions, whenever given
    through: int = 12  # the last month of the year counted: a monthly report counts the year to its month

    @property
    def span(self) -> str:
        """The months counted, as a report heading says them: 2026 年, 2026 年 1 月, 2026 年 1–3 月."""
        months = "" if self.through == 12 else " 1 月" if self.through == 1 else f" 1–{self.through} 月"
        return f"{self.year} 年{months}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "through_month": self.through,
            "consultations": self.consultations,
            **self.counts.as_dict(),
        }


@dataclass(frozen=True)
class LegislationFigures:
    """The contact point's part of the monthly report and the dashboard."""

    year: YearFigures  # the report month's year, up to the end of the month
    in_month: list[ConsultationFigures] = field(default_factory=list)  # taking opinions at some time in the month
    open_now: list[ConsultationFigures] = field(default_factory=list)  # taking opinions today, soonest closing first


def _count_columns() -> list[Any]:
    """The OpinionCounts columns over `opinion`, outer-joined to `consultation` (a consultation without opinions
    gives one row of NULLs, which count as nothing)."""
    outcome, informed = col(Opinion.outcome), col(Opinion.informed_at)
    reachable = or_(col(Opinion.contributor_phone).is_not(None), col(Opinion.contributor_name).is_not(None))
    return [
        func.count(col(Opinion.id)).label("opinions"),
        count_where(outcome.in_(ADOPTED)).label("adopted"),
        count_where(outcome == Adoption.PARTLY).label("partly"),
        count_where(outcome == Adoption.NOT_ADOPTED).label("not_adopted"),
        count_where(informed.is_not(None)).label("informed"),
        count_where(and_(outcome.is_not(None), informed.is_(None), reachable)).label("callbacks_pending"),
    ]


def _counts(row: Any) -> OpinionCounts:
    return OpinionCounts(
        opinions=int(row.opinions),
        adopted=int(row.adopted),
        partly=int(row.partly),
        not_adopted=int(row.not_adopted),
        informed=int(row.informed),
        callbacks_pending=int(row.callbacks_pending),
    )


def _still_open(today: date) -> ColumnElement[bool]:
    closes = col(Consultation.closes_on)
    return or_(closes.is_(None), closes >= today)


def consultation_figures(
    session: Session,
    *,
    active_from: date | None = None,
    active_until: date | None = None,
    only_open: bool = False,
    today: date | None = None,
) -> list[ConsultationFigures]:
    """Each consultation with its counts, in one grouped query. `active_from`/`active_until` keep those taking
    opinions at some time in [from, until); `only_open` those taking them `today`, soonest closing first (no
    closing date last), which is the order a supervisor chases them in; otherwise the latest opened first."""
    today = today or now().date()
    opens, closes = col(Consultation.opens_on), col(Consultation.closes_on)
    where: list[ColumnElement[bool]] = []
    if active_until is not None:
        where.append(opens < active_until)
    if active_from is not None:
        where.append(or_(closes.is_(None), closes >= active_from))
    if only_open:
        where.append(_still_open(today))
        order = [case((closes.is_(None), 1), else_=0), closes, opens, col(Consultation.id)]
    else:
        order = [opens.desc(), col(Consultation.id)]
    keys = [col(Consultation.id), col(Consultation.title), col(Consultation.issuer), opens, closes]
    rows = session.execute(
        select(*keys, *_count_columns())
        .select_from(Consultation)
        .outerjoin(Opinion, col(Opinion.consultation_id) == Consultation.id)
        .where(*where)
        .group_by(*keys)
        .order_by(*order)
    ).all()
    return [
        ConsultationFigures(
            id=int(row.id),
            title=row.title,
            issuer=row.issuer,
            opens_on=row.opens_on,
            closes_on=row.closes_on,
            open=row.closes_on is None or row.closes_on >= today,
            counts=_counts(row),
        )
        for row in rows
    ]


def year_figures(session: Session, year: int | None = None) -> list[YearFigures]:
    """Per year a consultation opened in (only `year`, if given), oldest first, in one grouped query."""
    opened = func.extract("year", col(Consultation.opens_on))
    rows = session.execute(
        select(
            opened.label("year"), func.count(distinct(col(Consultation.id))).label("consultations"), *_count_columns()
        )
        .select_from(Consultation)
        .outerjoin(Opinion, col(Opinion.consultation_id) == Consultation.id)
        .where(*([] if year is None else [opened == year]))
        .group_by(opened)
        .order_by(opened)
    ).all()
    return [YearFigures(int(row.year), int(row.consultations), _counts(row)) for row in rows]


def totals(session: Session, year: int | None = None, through: int = 12) -> YearFigures:
    """All consultations (or those opened in `year`, up to the end of its month `through`) as one row: the sum of
    year_figures' rows, in SQL."""
    opened = col(Consultation.opens_on)
    where: list[ColumnElement[bool]] = []
    if year is not None:  # dates, not datetimes: SQLite compares dates as text, and '2026-02-01' < '2026-02-01 00:…'
        where = [opened >= date(year, 1, 1), opened < period_bounds(f"{year:04d}-{through:02d}")[1].date()]
    row = session.execute(
        select(func.count(distinct(col(Consultation.id))).label("consultations"), *_count_columns())
        .select_from(Consultation)
        .outerjoin(Opinion, col(Opinion.consultation_id) == Consultation.id)
        .where(*where)
    ).one()
    return YearFigures(year or 0, int(row.consultations), _counts(row), through)


def monthly_figures(session: Session, period: str, today: date | None = None) -> LegislationFigures:
    """The report month's year to the end of the month (a report of a past month does not change as consultations
    open later), the consultations taking opinions during the month, and those open today."""
    start, end = period_bounds(period)
    return LegislationFigures(
        year=totals(session, start.year, start.month),
        in_month=consultation_figures(session, active_from=start.date(), active_until=end.date(), today=today),
        open_now=consultation_figures(session, only_open=True, today=today),
    )


def legislation_data(session: Session, period: str | None = None) -> dict[str, Any]:
    """`stats --json`'s "legislation": all time, or with a period the figures its monthly report shows (the
    period's year up to its month; the consultations taking opinions during the month). The totals are the sum of
    by_year."""
    if period:
        start, end = period_bounds(period)
        overall = totals(session, start.year, start.month)
        years = [overall]
        consultations = consultation_figures(session, active_from=start.date(), active_until=end.date())
    else:
        overall, years, consultations = totals(session), year_figures(session), consultation_figures(session)
    return {
        "year_of": "opens_on",  # a consultation and all its opinions count in the year it opened
        "adoption_rate_of": "adopted (in full or in part) / opinions with an outcome",
        "consultations": overall.consultations,
        **overall.counts.as_dict(),
        "by_year": [y.as_dict() for y in years],
        "by_consultation": [c.as_dict() for c in consultations],
    }
