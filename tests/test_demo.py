"""The demo database is real product output: built through intake, matching and the workflow."""

import contextlib
import hashlib
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from models.db import open_engine
from models.demo import build_demo, ensure_demo
from models.stats import compute_stats
from models.tables import CatalogItem, Department, MatchExample, Request, RequestEvent
from models.workflow import STATUS_LABELS


def _digest(engine) -> str:
    with Session(engine) as s:
        rows = s.exec(
            select(Request.ref, Request.title, Request.text, Request.status, Request.resident_phone).order_by(
                Request.id
            )
        ).all()
        events = s.exec(
            select(RequestEvent.action, RequestEvent.actor, RequestEvent.note).order_by(RequestEvent.id)
        ).all()
    return hashlib.sha256(repr((rows, events)).encode()).hexdigest()


def test_default_demo_meets_the_brief(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "demo.db")
    summary = build_demo(engine)
    assert summary.requests >= 2000 and summary.departments >= 20 and summary.items >= 150
    with Session(engine) as s:
        statuses = set(s.exec(select(Request.status).distinct()).all())
        duties = dict(s.exec(select(CatalogItem.duty, func.count()).group_by(CatalogItem.duty)).all())
        titles = s.exec(select(func.count(func.distinct(Request.title)))).one()
        texts = s.exec(select(func.count(func.distinct(Request.text)))).one()
        oldest = s.exec(select(func.min(Request.created_at))).one()
        newest = s.exec(select(func.max(Request.created_at))).one()
        examples = s.exec(select(func.count()).select_from(MatchExample)).one()
        without_creation = s.exec(
            select(func.count())
            .select_from(Request)
            .where(
                ~select(RequestEvent.id)
                .where(RequestEvent.request_id == Request.id, RequestEvent.action == "create")
                .exists()
            )
        ).one()
        hours = s.exec(select(func.sum(CatalogItem.hours_per_year))).one()
        district = s.exec(select(func.count()).select_from(Department).where(Department.level == "district")).one()
    assert statuses == set(STATUS_LABELS), statuses ^ set(STATUS_LABELS)
    assert set(duties) == {"own", "assist", "returned", "cancelled", "merged"}
    assert duties["returned"] >= 0.25 * sum(duties.values())
    assert titles >= 600 and texts >= 1500, (titles, texts)
    assert (newest - oldest).days >= 330
    assert examples >= 1000 and without_creation == 0 and hours > 0 and district >= 10
    overall = compute_stats(Session(engine)).overall
    assert overall.resolution.denominator > 1000 and 0.8 < (overall.resolution.value or 0) < 1.0
    assert ensure_demo(engine) is None  # built once; a second start leaves it alone


def test_same_seed_same_content(tmp_path: Path) -> None:
    first = open_engine(tmp_path / "a.db")
    second = open_engine(tmp_path / "b.db")
    build_demo(first, requests=150, seed=7)
    build_demo(second, requests=150, seed=7)
    assert _digest(first) == _digest(second)
    other = open_engine(tmp_path / "c.db")
    build_demo(other, requests=150, seed=8)
    assert _digest(other) != _digest(first)


def test_interrupted_demo_file_is_never_reused(tmp_path: Path) -> None:
    from models.demo import ensure_demo_file

    target = tmp_path / "demo.db"
    messages: list[str] = []

    def interrupt_midway(message: str) -> None:
        messages.append(message)
        if "200/" in message:
            raise KeyboardInterrupt

    with contextlib.suppress(KeyboardInterrupt):
        ensure_demo_file(target, interrupt_midway, requests=300)
    assert not target.exists()
    summary = ensure_demo_file(target, requests=300)
    assert summary is not None and summary.requests == 300 and target.exists()
    assert ensure_demo_file(target, requests=300) is None
    assert not (tmp_path / "demo.db.building").exists()
