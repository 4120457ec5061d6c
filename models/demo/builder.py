"""A deterministic demo database: one street, its communities and grids, departments, a realistic catalog and a
year of requests replayed through the real domain functions (catalog import, intake, matching, workflow), a year of
tasks through the admission door and three consultations of the legislative contact point (models.demo.legislation),
so every item, event, routing, opinion and figure in the demo is one the product itself produced. The words come from
the data files read by models.demo.content.

The same seed gives the same content; dates are laid out backwards from the day the demo is built.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.access.passwords import hash_password
from models.access.policy import mark_training
from models.core.clock import now, simulated_time
from models.core.errors import NotEmptyError, UserError
from models.core.private import private_dir
from models.core.text import name_key
from models.core.vocabulary import (
    TERMINAL_STATUSES,
    Admission,
    AreaKind,
    DepartmentLevel,
    Role,
    Satisfaction,
    Status,
)
from models.demo import content as content
from models.demo.legislation import build_consultations
from models.files.catalog_import import import_catalog
from models.matching.engine import Matcher
from models.matching.loader import load_matcher
from models.requests.intake import confirm_routing, log_request
from models.requests.workflow import (
    Actor,
    accept,
    callback,
    dispatch,
    merge,
    reject,
    resolve,
    return_request,
    review_return,
    sign,
)
from models.store.engine import delete_sqlite_file, forget_engine, open_engine, session_scope
from models.store.tables import (
    Area,
    CatalogItem,
    Consultation,
    Department,
    Operator,
    Opinion,
    Request,
    RequestEvent,
    Task,
)

Progress = Callable[[str], None]

# share of requests that end in each state when they are old enough to have finished
# a demo database is a training database: every operator signs in with this password, printed by `xinsheng demo`
# and written in the README, and need not change it
DEMO_PASSWORD = "Demo2026"

FINAL_MIX_OLD = (
    ("closed", 0.76),
    ("reopened_closed", 0.05),
    ("reopened", 0.04),
    ("resolved", 0.03),
    ("rejected", 0.03),
    ("merged", 0.03),
    ("returned_closed", 0.06),
)
FINAL_MIX_RECENT = (
    ("new", 0.09),
    ("accepted", 0.10),
    ("dispatched", 0.14),
    ("in_progress", 0.20),
    # 退单 waiting for their ruling: a few always, as a supervisor finds them on a Monday (the default demo's
    # recent fortnight holds about 80 requests; at 7% none was left some days, and the dashboard had none to show)
    ("returned", 0.10),
    ("resolved", 0.17),
    ("closed", 0.12),
    ("reopened", 0.04),
    ("merged", 0.02),
    ("rejected", 0.02),
)
CHANNEL_MIX = (
    ("walk_in", 0.28),
    ("phone", 0.18),
    ("hotline_12345", 0.24),
    ("wechat", 0.14),
    ("patrol", 0.12),
    ("legislative", 0.04),
)
# a final callback closes the request; unsatisfied verdicts appear on the reopened paths
SATISFACTION_MIX = (("satisfied", 0.78), ("basically", 0.22))
RECENT_DAYS = 12
# how residents open and close what they say; combined with the scenario texts they keep the demo from repeating
OPENERS = (
    "",
    "",
    "",
    "",
    "你好，",
    "您好，我是{building}的住户，",
    "麻烦问一下，",
    "反映个情况：",
    "网格员你好，",
    "我是{unit}的，",
)
CLOSERS = (
    "",
    "",
    "",
    "",
    "希望尽快处理。",
    "已经{days}了，一直没人管。",
    "家里有老人孩子，麻烦抓紧。",
    "谢谢！",
    "之前打过电话，还没解决。",
    "请给个答复。",
    "邻居们意见都很大。",
    "麻烦派人来看看。",
)


class DemoNotEmptyError(NotEmptyError):
    """The target database already holds a catalog or requests."""


@dataclass
class DemoSummary:
    communities: int
    grids: int
    departments: int
    items: int
    operators: int
    requests: int
    events: int
    tasks: int = 0
    consultations: int = 0
    opinions: int = 0


def _pick(rng: random.Random, mix: tuple[tuple[str, float], ...]) -> str:
    roll = rng.random() * sum(w for _, w in mix)
    for name, weight in mix:
        roll -= weight
        if roll <= 0:
            return name
    return mix[-1][0]


def _person(rng: random.Random) -> str:
    return rng.choice(content.SURNAMES) + rng.choice(content.GIVEN_NAMES)


def _phone(rng: random.Random) -> str:
    return rng.choice(("138", "139", "136", "150", "158", "186", "177", "131")) + f"{rng.randrange(10**8):08d}"


def _fill(rng: random.Random, template: str) -> str:
    return template.format(**{key: rng.choice(values) for key, values in content.SLOTS.items()})


def is_empty(engine: Engine) -> bool:
    """No catalog, no requests and no accounts: a database with only its first administrator is a street's, and
    must not become a training database whose passwords are printed in the README."""
    with Session(engine) as session:
        items = session.exec(select(func.count()).select_from(CatalogItem)).one()
        requests = session.exec(select(func.count()).select_from(Request)).one()
        accounts = session.exec(select(func.count()).select_from(Operator)).one()
    return not items and not requests and not accounts


def check_replaceable(db: str) -> None:
    """`demo --force` empties its target first: only ever a training database, an empty one, or nothing. A real
    street's database (or any other file) given by mistake, or on purpose, is refused, since what would replace it
    is a database whose every password is printed in the README."""
    from models.access.policy import is_training
    from models.store.engine import resolve_url, sqlite_file

    url = resolve_url(db)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        return
    refusal = f"{path or '该数据库'} 不是演示（培训）数据库：--force 只会清空并重建演示数据库"
    try:
        engine = open_engine(url, create=False)
        with Session(engine) as session:
            training = is_training(session)
    except Exception:
        raise UserError(refusal) from None
    if not training and not is_empty(engine):
        raise UserError(refusal)


def ensure_demo(engine: Engine, progress: Progress | None = None) -> DemoSummary | None:
    """Build the demo on first use only (for database servers; files go through ensure_demo_file)."""
    if not is_empty(engine):
        return None
    return build_demo(engine, progress=progress)


def ensure_demo_file(path: Path, progress: Progress | None = None, requests: int = 2400) -> DemoSummary | None:
    """Build the demo SQLite file on first use, into a side file renamed into place only when complete.

    An interrupted or failed build therefore never leaves a half-built demo that later starts would reuse.
    """
    if path.exists():
        return None
    private_dir(path.parent)  # the database itself is created 0600 by open_engine
    return build_demo_file(path, requests=requests, progress=progress)


def build_demo_file(
    path: Path,
    *,
    requests: int = 2400,
    seed: int = 2026,
    progress: Progress | None = None,
    replace: bool = False,
) -> DemoSummary:
    """Build the demo SQLite file at `path` through a side file renamed into place only when complete: a build
    killed halfway (Ctrl+C, a closed terminal, the machine going down) leaves no plausible half demo that `db check`
    would pass, and `replace` (`demo --force`, after check_replaceable) keeps the old demo until the new one is whole.

    Without `replace`, only a missing or empty database is built on, as build_demo itself requires.
    """
    if path.exists() and not replace:
        engine = open_engine(path)
        empty = is_empty(engine)
        forget_engine(path)
        if not empty:
            raise DemoNotEmptyError("目标数据库中已有清单、诉求或账户")
    partial = path.with_name(path.name + ".building")
    delete_sqlite_file(partial)
    try:
        summary = build_demo(open_engine(partial), requests=requests, seed=seed, progress=progress)
    except BaseException:
        delete_sqlite_file(partial)
        raise
    forget_engine(partial)  # closing the last connection folds the WAL into the file, which then moves alone
    delete_sqlite_file(path)  # an old -wal beside the new file would be replayed into it
    partial.replace(path)
    return summary


def _setup(session: Session, rng: random.Random) -> tuple[dict[str, list[Area]], list[Operator], dict[str, Actor]]:
    street = Area(name=content.STREET, kind=AreaKind.STREET)
    session.add(street)
    session.flush()
    grids_by_community: dict[str, list[Area]] = {}
    for name, grid_count in content.COMMUNITIES:
        community = Area(name=name, kind=AreaKind.COMMUNITY, parent_id=street.id)
        session.add(community)
        session.flush()
        grids = [
            Area(name=f"{name}第{n}网格", kind=AreaKind.GRID, parent_id=community.id) for n in range(1, grid_count + 1)
        ]
        session.add_all(grids)
        grids_by_community[name] = grids
    departments = {}
    for name, level in content.DEPARTMENTS:
        department = Department(name=name, level=level, phone=f"010-6{rng.randrange(10**6):06d}")
        session.add(department)
        departments[name] = department
    session.flush()

    # the departments above exist already, so the import finds them by name and keeps their levels and phones
    import_catalog(session, content.CATALOG_FILE)

    operators: list[Operator] = []
    grid_workers: dict[str, Actor] = {}
    for grids in grids_by_community.values():
        community_area = grids[0].parent_id
        operators.append(Operator(name=f"{_person(rng)}", role=Role.COMMUNITY, area_id=community_area))
        for grid in grids:
            worker = Operator(name=_person(rng), role=Role.GRID_WORKER, area_id=grid.id)
            operators.append(worker)
            grid_workers[grid.name] = Actor(worker.name, "grid_worker")
    for name, level in content.DEPARTMENTS:
        if level in (DepartmentLevel.DISTRICT, DepartmentLevel.STREET):
            operators.append(
                Operator(name=f"{name}·{_person(rng)}", role=Role.DEPARTMENT, department_id=departments[name].id)
            )
    operators.append(Operator(name=f"{_person(rng)}（主任）", role=Role.SUPERVISOR, area_id=street.id))
    operators.append(Operator(name="系统管理员", role=Role.ADMIN))
    seen: set[str] = set()
    unique_ops = []
    shared = hash_password(DEMO_PASSWORD)  # one hash: a training room signs in with the password it was told
    for op in operators:
        if name_key(op.name) not in seen:
            seen.add(name_key(op.name))
            op.name_key = name_key(op.name)
            op.password_hash = shared
            unique_ops.append(op)
    session.add_all(unique_ops)
    mark_training(session)
    session.flush()
    return grids_by_community, unique_ops, grid_workers


def build_demo(
    engine: Engine,
    *,
    requests: int = 2400,
    seed: int = 2026,
    progress: Progress | None = None,
    tasks: int | None = None,
) -> DemoSummary:
    if not is_empty(engine):
        raise DemoNotEmptyError("目标数据库中已有清单、诉求或账户")
    say = progress or (lambda _m: None)
    rng = random.Random(seed)
    say("正在生成演示数据：街道、社区、网格、部门和事项清单…")
    with session_scope(engine) as session:
        grids_by_community, operators, grid_workers = _setup(session, rng)
    all_grids = [g for grids in grids_by_community.values() for g in grids]
    handler_by_department = {}
    for op in operators:
        if op.role == Role.DEPARTMENT and op.department_id is not None:
            handler_by_department[op.department_id] = Actor(op.name, "department")
    dispatcher = Actor("街道接诉即办中心", "supervisor")
    scenarios = content.SCENARIOS
    weights = [rng.choice((1, 1, 2, 3, 5, 8)) for _ in scenarios]
    anchor = now()
    start = anchor - timedelta(days=365)
    plan = []
    for _ in range(requests):
        stamp = start + timedelta(seconds=rng.randrange(365 * 86400 - 3600))
        hour = rng.choice((8, 9, 9, 10, 10, 11, 14, 15, 15, 16, 17, 19, 20))
        office_hours = stamp.replace(hour=hour, minute=rng.randrange(60))
        plan.append(office_hours if office_hours < anchor else stamp)  # never log a request in the future
    plan.sort()

    with session_scope(engine) as session:
        matcher = load_matcher(session)
        codes = {item.code: item for item in session.exec(select(CatalogItem)).all()}
    recent_by_key: dict[tuple[str, int | None], int] = {}
    batch = 200
    for start_index in range(0, requests, batch):
        with session_scope(engine) as session:
            for index in range(start_index, min(requests, start_index + batch)):
                created = plan[index]
                scenario = rng.choices(scenarios, weights)[0]
                grid = rng.choice(all_grids)
                worker = grid_workers[grid.name]
                age_days = (anchor - created).days
                final = _pick(rng, FINAL_MIX_OLD if age_days > RECENT_DAYS else FINAL_MIX_RECENT)
                confirm = rng.random() < 0.7
                with simulated_time(created):
                    intake = log_request(
                        session,
                        worker,
                        title=_fill(rng, rng.choice(scenario["titles"])),
                        text=_fill(rng, rng.choice(OPENERS) + rng.choice(scenario["texts"]) + rng.choice(CLOSERS)),
                        location=f"{grid.name.split('第')[0]}{_fill(rng, '{building}{unit}')}",
                        channel=_pick(rng, CHANNEL_MIX),
                        kind=scenario.get("kind", "help"),
                        urgency=scenario.get("urgency", "normal"),
                        area_id=grid.id,
                        resident_name=_person(rng),
                        resident_phone=_phone(rng),
                        item_code=scenario["item"] if confirm else None,
                        matcher=matcher,
                    )
                request = intake.request
                key = (scenario["item"], grid.id)
                _replay(
                    session,
                    rng,
                    request,
                    final,
                    created,
                    anchor,
                    scenario,
                    codes,
                    matcher,
                    dispatcher,
                    handler_by_department,
                    worker,
                    recent_by_key.get(key),
                )
                if request.status not in (Status.MERGED, Status.REJECTED):
                    assert request.id is not None
                    recent_by_key[key] = request.id
        say(f"  已生成 {min(requests, start_index + batch)}/{requests} 条诉求")

    _pushed_down(engine, rng, anchor, tasks if tasks is not None else max(20, requests // 8), say)
    # last, so that every request and task above is the same with or without the contact point's year
    build_consultations(engine, rng, anchor, say, person=_person, phone=_phone)

    with Session(engine) as session:
        return DemoSummary(
            communities=len(grids_by_community),
            grids=len(all_grids),
            departments=session.exec(select(func.count()).select_from(Department)).one(),
            items=session.exec(select(func.count()).select_from(CatalogItem)).one(),
            operators=len(operators),
            requests=session.exec(select(func.count()).select_from(Request)).one(),
            events=session.exec(select(func.count()).select_from(RequestEvent)).one(),
            tasks=session.exec(select(func.count()).select_from(Task)).one(),
            consultations=session.exec(select(func.count()).select_from(Consultation)).one(),
            opinions=session.exec(select(func.count()).select_from(Opinion)).one(),
        )


def _replay(
    session: Session,
    rng: random.Random,
    request: Request,
    final: str,
    created: datetime,
    anchor: datetime,
    scenario: content.Scenario,
    codes: dict[str, CatalogItem],
    matcher: Matcher,
    dispatcher: Actor,
    handlers: dict[int, Actor],
    worker: Actor,
    earlier: int | None,
) -> None:
    """Walk one request through the workflow to its planned final state, with plausible gaps between steps."""
    clock = created

    def step(hours_low: float, hours_high: float) -> bool:
        nonlocal clock
        clock = clock + timedelta(hours=rng.uniform(hours_low, hours_high))
        return clock < anchor

    if final == "new":
        return
    if final == "merged":
        if earlier is not None:
            target = session.get(Request, earlier)
            # a duplicate joins work still being done (closed, rejected and merged requests take no more)
            if target is not None and target.status not in TERMINAL_STATUSES and step(0.2, 6):
                with simulated_time(clock):
                    merge(session, request, target, worker)
                return
        final = "closed"
    if not step(0.3, 30):
        return
    with simulated_time(clock):
        accept(session, request, dispatcher)
    if final == "accepted":
        return
    if final == "rejected":
        with simulated_time(clock):
            reject(session, request, dispatcher, rng.choice(content.REJECT_REASONS))
        return
    true_code = scenario["item"]
    if request.item_id is None or (request.item_id != codes[true_code].id and rng.random() < 0.5):
        with simulated_time(clock):
            confirm_routing(session, request, dispatcher, true_code, matcher=matcher)
    if not step(0.5, 8):
        return
    with simulated_time(clock):
        dispatch(session, request, dispatcher)
    if final == "dispatched":
        return
    handler = handlers.get(request.department_id or -1, Actor("承办人", "department"))
    if final in ("returned", "returned_closed"):
        if not step(2, 48):
            return
        with simulated_time(clock):
            return_request(session, request, handler, rng.choice(content.RETURN_REASONS))
        if final == "returned":
            return  # the ruling waits (the oldest of these are late)
        if not step(1, 24):
            return
        # the return is right when the work was sent under the wrong item, and is then upheld and routed again;
        # otherwise the unit is told to do it
        upheld = request.item_id != codes[true_code].id
        with simulated_time(clock):
            ruling = rng.choice(content.RETURN_RULINGS["upheld" if upheld else "overruled"])
            review_return(session, request, dispatcher, uphold=upheld, reason=ruling)
            if upheld:
                confirm_routing(session, request, dispatcher, true_code, matcher=matcher)
                dispatch(session, request, dispatcher, note="重新派单")
        handler = handlers.get(request.department_id or -1, handler)
    if not step(1, 30):
        return
    with simulated_time(clock):
        sign(session, request, handler)
    if final == "in_progress":
        return
    rounds = 2 if final in ("reopened", "reopened_closed") else 1
    for round_no in range(rounds):
        if not step(6, 24 * rng.choice((1, 2, 3, 5, 8, 12))):
            return
        with simulated_time(clock):
            resolve(
                session,
                request,
                handler,
                _fill(rng, rng.choice(scenario.get("resolutions") or ["已按居民诉求处理完毕"])),
                hours=round(rng.uniform(0.5, 8.0), 1),
            )
        if final == "resolved":
            return
        if not step(12, 72):
            return
        last_round = round_no == rounds - 1
        if final == "reopened" or (final == "reopened_closed" and not last_round):
            with simulated_time(clock):
                callback(
                    session,
                    request,
                    worker,
                    satisfaction=Satisfaction.UNSATISFIED,
                    solved=False,
                    comment=rng.choice(content.CALLBACK_COMMENTS["unsatisfied"]),
                )
            if final == "reopened":
                return
            if not step(1, 24):
                return
            with simulated_time(clock):
                sign(session, request, handler, note="重办")
            continue
        satisfaction = _pick(rng, SATISFACTION_MIX)
        with simulated_time(clock):
            callback(
                session,
                request,
                worker,
                satisfaction=satisfaction,
                solved=True,
                comment=rng.choice(content.CALLBACK_COMMENTS[satisfaction]),
            )


# what becomes of off-list work (清单外) that arrives at the door: the department applies (and is admitted or refused),
# the community refuses it at the door, or it still waits; and how often work the list refused is applied for anyway
OFF_LIST_MIX = (("applied", 0.55), ("refused_at_door", 0.3), ("waiting", 0.15))
REFUSED_THEN_APPLIED = 0.08


def _pushed_down(engine: Engine, rng: random.Random, anchor: datetime, count: int, say: Progress) -> None:
    """A year of tasks departments pushed down, through the real door: each is matched against the catalog and
    logged with the list's decision by the community (or the street) it was pushed to; off-list work then goes
    through the admission procedure. The escalation sweep runs last, as `xinsheng escalate` would."""
    from models.admission import procedure
    from models.admission.door import door_items, propose
    from models.admission.register import Targets, TaskInput, check_task, log_tasks
    from models.people.areas import list_areas
    from models.people.permissions import actor_for

    say(f"正在生成演示数据：{count} 件部门下派任务…")
    with session_scope(engine) as session:
        matcher = load_matcher(session)
        items = door_items(session)
        targets = Targets(session)
        operators = session.exec(select(Operator)).all()
        keepers = {}  # community path → its community worker
        for op in operators:
            if op.role == Role.COMMUNITY:
                actor = actor_for(session, op.name)
                community = next(e.path for e in targets.areas if e.id == op.area_id)
                keepers[community] = actor
        street = actor_for(session, next(op.name for op in operators if op.role == Role.SUPERVISOR))
        applicants = {}
        for op in operators:
            if op.role == Role.DEPARTMENT and op.department_id is not None:
                unit = session.get(Department, op.department_id)
                if unit is not None:
                    applicants[unit.name] = actor_for(session, op.name)
        places = list_areas(session)
    communities = sorted(keepers)
    street_path = next(e.path for e in places if e.kind == AreaKind.STREET)
    grids = {c: [e.path for e in places if e.path.startswith(c + "/")] for c in communities}
    templates = content.TASKS
    weights = [t["weight"] for t in templates]
    start = anchor - timedelta(days=365)
    days = sorted(start + timedelta(days=rng.randrange(365)) for _ in range(count))
    with session_scope(engine) as session:
        for day in days:
            template = rng.choices(templates, weights)[0]
            received = day.replace(hour=rng.choice((9, 10, 11, 14, 15, 16)), minute=rng.randrange(60), second=0)
            if received >= anchor:
                continue
            community = rng.choice(communities)
            where = rng.random()
            target = street_path if where < 0.15 else rng.choice(grids[community]) if where < 0.3 else community
            keeper = street if target == street_path else keepers[community]
            low, high = template["hours"]
            task = TaskInput(
                department=template["department"], title=template["title"], content=template["content"],
                received_on=received.date(), due_on=(received + timedelta(days=rng.randrange(5, 60))).date(),
                hours=round(rng.uniform(low, high) * 2) / 2, target=target, source=template["source"],
                kind=template["kind"],
            )  # fmt: skip
            with simulated_time(received):
                proposal = propose(session, matcher, task.title, task.content, items)
                [ref] = log_tasks(session, keeper, [(check_task(targets, task), proposal, None)])
            applicant = applicants.get(template["department"], street)
            clock = received
            if proposal.admission == Admission.PENDING:
                fate = _pick(rng, OFF_LIST_MIX)
                clock += timedelta(days=rng.uniform(0.5, 4))
                if (fate == "waiting" and (anchor - received).days < 30) or clock >= anchor:
                    continue
                if fate != "applied":
                    with simulated_time(clock):
                        procedure.decide(session, keeper, ref, admit=False, reason="清单外任务，社区依规拒收")
                    continue
            elif proposal.admission != Admission.REFUSED or rng.random() >= REFUSED_THEN_APPLIED:
                continue
            clock += timedelta(days=rng.uniform(1, 8))
            if clock >= anchor:
                continue
            with simulated_time(clock):
                procedure.apply(session, applicant, ref, provided=rng.choice(("", "部门派员协助", "部门提供工作经费")))
            clock += timedelta(days=rng.uniform(3, 30))
            if clock >= anchor:
                continue  # still under review (the late ones are escalated by the sweep below)
            admit = rng.random() < 0.55
            until = (clock + timedelta(days=rng.randrange(60, 240))).date() if admit and rng.random() < 0.6 else None
            with simulated_time(clock):
                reason = "确需社区配合，部门提供保障" if admit else "不在清单内，且无充分理由，不予准入"
                procedure.decide(session, street, ref, admit=admit, reason=reason, until=until)
        with simulated_time(anchor):
            procedure.sweep(session, street)
