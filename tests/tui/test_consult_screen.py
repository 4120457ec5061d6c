"""Issue 19: the consultation screen (F11) and the intake's 立法意见. A grid worker types an opinion heard at a forum,
sees the articles it concerns suggested as it is typed, and saves it verbatim; the supervisor records the outcome and
staff the callback; a department handler only reads; a 立法意见 request logged at the intake joins an open
consultation."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import col, select
from textual.widgets import DataTable, Input, Select, TextArea

from models.core.clock import now
from models.legislation.consultations import create_consultation
from models.legislation.drafts import read_draft
from models.legislation.opinions import add_opinion
from models.people.areas import add_area_chain
from models.people.permissions import Actor
from models.store.engine import session_scope
from models.store.tables import AuditEvent, Opinion, OpinionArticle, Request
from tests.accounts import register
from tests.tui.signing import screen_text, sign_in
from tests.tui.waits import until
from tui.app import XinshengApp
from tui.consult import ConsultScreen
from tui.intake import IntakeScreen

DRAFT = Path(__file__).resolve().parents[1] / "data" / "draft_with_chapters.txt"
GRID_WORKER = "王网格"
SUPERVISOR = "郑主任"
HANDLER = "区水务局·李"
TITLE = "中华人民共和国社区服务促进法（草案）"


def _app(engine, *, closes: date | None = None) -> XinshengApp:
    with session_scope(engine) as s:
        add_area_chain(s, "和平街道", "东社区", "第1网格")
    register(engine, GRID_WORKER, "grid_worker", area="东社区/第1网格")
    register(engine, SUPERVISOR, "supervisor", area="和平街道")
    register(engine, HANDLER, "department", department="区水务局")
    closes = closes or now().date() + timedelta(days=30)
    with session_scope(engine) as s:
        consultation = create_consultation(
            s, Actor(SUPERVISOR, "supervisor"), read_draft(DRAFT), issuer="全国人大常委会法工委",
            opens_on=closes - timedelta(days=40), closes_on=closes,
        )  # fmt: skip
        assert consultation.id is not None
        add_opinion(
            s, Actor(GRID_WORKER, "grid_worker"), consultation.id, "建议把第四条的“同步交付”落到实处", articles=[4],
            name="赵大爷", phone="13912345678", consent=False, given_on=min(now().date(), closes),
        )  # fmt: skip
        # words that look like markup or hold an escape sequence: shown as they are, escaped, never run
        add_opinion(
            s, Actor(GRID_WORKER, "grid_worker"), consultation.id, "[/b]活动室\x1b[31m被占", articles=[5],
            given_on=min(now().date(), closes),
        )  # fmt: skip
    return XinshengApp(engine)


def _told(app: XinshengApp, words: str) -> bool:
    return any(words in n.message for n in app._notifications)


async def _consultation(pilot, app: XinshengApp, who: str) -> ConsultScreen:
    await sign_in(pilot, app, who)
    await pilot.press("f11")
    await until(pilot, lambda: isinstance(app.screen, ConsultScreen), "the consultation screen")
    screen = app.screen
    assert isinstance(screen, ConsultScreen)
    table = screen.query_one("#articles", DataTable)
    await until(pilot, lambda: table.row_count == 10, "the nine articles and the whole draft listed")
    try:
        await until(pilot, lambda: "第九条" in screen_text(app) and "整体" in screen_text(app), "the articles drawn")
    except AssertionError:
        raise AssertionError(screen_text(app)) from None
    return screen


async def _opinion_form(pilot, app: XinshengApp) -> tuple[ConsultScreen, TextArea]:
    """A grid worker on the form's tab (2), the cursor in the opinion's field."""
    screen = await _consultation(pilot, app, GRID_WORKER)
    await pilot.press("2")
    text = screen.query_one("#opinion-text", TextArea)
    await until(pilot, lambda: app.focused is text, "the opinion form")
    return screen, text


async def test_an_opinion_is_typed_matched_to_its_article_and_saved_verbatim(sqlite_catalog) -> None:
    app = _app(sqlite_catalog)
    typed = "楼道里能不能装个折叠座椅 老人上楼歇歇脚  "  # the two trailing spaces are the speaker's too
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _consultation(pilot, app, GRID_WORKER)
        assert TITLE in screen_text(app) and "第六条" in screen_text(app)
        await pilot.press("2")
        await until(pilot, lambda: app.focused is screen.query_one("#opinion-text", TextArea), "the opinion form")
        await pilot.press(*typed)
        await until(pilot, lambda: "字面相同：折叠座椅" in screen_text(app), "第六条 suggested, with its reason")
        assert "1 第六条" in screen_text(app)
        await pilot.press("f5")
        await until(pilot, lambda: "保存到：第六条" in screen_text(app))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen.query_one("#opinion-text", TextArea).text == "", "the form cleared")
        await until(pilot, lambda: _told(app, "已保存意见"), "the notice")
        await pilot.press("escape")  # back to the articles: 第六条 now counts one opinion
        articles = screen.query_one("#articles", DataTable)
        await until(pilot, lambda: str(articles.get_row("6")[1]) == "1" if articles.row_count else False)
    with session_scope(sqlite_catalog) as s:
        opinion = s.exec(
            select(Opinion).where(Opinion.created_by == GRID_WORKER).order_by(col(Opinion.id).desc())
        ).first()
        assert opinion is not None and opinion.text == typed  # not trimmed, not normalised
        links = s.exec(select(OpinionArticle.article_id).where(OpinionArticle.opinion_id == opinion.id)).all()
        assert links == [6]
        assert (opinion.contributor_kind, opinion.channel, opinion.consent) == ("resident", "forum", False)


async def test_an_opinion_typed_or_pasted_on_several_lines_keeps_its_line_breaks(sqlite_catalog) -> None:
    """Found in a walkthrough: the field was one line, so an opinion pasted from a letter lost its line breaks.
    Enter starts a new line, a paste keeps its own, Tab goes on to the next field, and Ctrl+S saves it as given."""
    from textual import events

    app = _app(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        _, text = await _opinion_form(pilot, app)
        await pilot.press(*"1 楼道座椅", "enter", *"2 要防火")  # (Pilot types no full-width 、)
        app.post_message(events.Paste("\n三、谁来维护？\n\t——来信人"))  # as a terminal sends it
        await until(pilot, lambda: text.text.endswith("——来信人"), "the paste in place")
        await pilot.press("tab")
        await until(pilot, lambda: app.focused is not text, "Tab left the opinion")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: text.text == "", "the form cleared")
    with session_scope(sqlite_catalog) as s:
        saved = s.exec(select(Opinion).where(col(Opinion.text).startswith("1 楼道"))).one()
        assert saved.text == "1 楼道座椅\n2 要防火\n三、谁来维护？\n\t——来信人"


async def test_the_contributors_phone_is_masked_once_typed_and_saved_in_full(sqlite_catalog) -> None:
    """Found after the first walkthrough: the phone typed on this form stayed readable on a shared screen until the
    form was saved, while the intake masks it as soon as the cursor leaves the field."""
    app = _app(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, text = await _opinion_form(pilot, app)
        await pilot.press(*"第六条的座椅要防火")
        phone = screen.query_one("#opinion-phone", Input)
        phone.focus()
        await pilot.press(*"13700001111", "tab")
        await until(pilot, lambda: phone.value == "137****1111", "the phone masked once the cursor left it")
        assert "13700001111" not in screen_text(app)
        phone.focus()
        await until(pilot, lambda: phone.value == "13700001111", "the number in full again for editing")
        await pilot.press("tab", "ctrl+s")
        await until(pilot, lambda: text.text == "" and phone.value == "", "the form cleared")
    with session_scope(sqlite_catalog) as s:
        saved = s.exec(select(Opinion).where(Opinion.text == "第六条的座椅要防火")).one()
        assert saved.contributor_phone == "13700001111"


async def test_the_supervisor_records_the_outcome_and_the_callback_is_recorded(sqlite_catalog) -> None:
    app = _app(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _consultation(pilot, app, SUPERVISOR)
        articles = screen.query_one("#articles", DataTable)
        articles.move_cursor(row=3)  # 第四条
        opinions = screen.query_one("#opinions", DataTable)
        await until(pilot, lambda: opinions.row_count == 1, "the opinion on 第四条")
        # the rows are in before they are drawn: wait for the screen, not the table
        await until(pilot, lambda: "赵*" in screen_text(app), "the contributor drawn, masked")
        assert "赵大爷" not in screen_text(app)  # no consent: the name is masked
        opinions.focus()
        await pilot.press("v")  # the phone for the callback: with a reason, audited, only in a passing notice
        await until(pilot, lambda: "查看提出人电话" in screen_text(app), "the reason asked for")
        await pilot.press(*"告知结果", "enter")
        await until(pilot, lambda: _told(app, "赵大爷 13912345678（已记录查看）"), "the contact shown")
        assert "13912345678" not in screen_text(app).replace("赵大爷 13912345678（已记录查看）", "")
        opinions.focus()
        await pilot.press("y")
        await until(pilot, lambda: "最终条文或说明" in screen_text(app), "the outcome dialog")
        await pilot.press(*"第四条增加交付后三个月内投入使用", "enter")
        await until(pilot, lambda: _told(app, "意见 #1：采纳"))
        await until(pilot, lambda: "待反馈" in screen_text(app), "the callback pending")
        opinions.focus()
        await pilot.press("y")  # a second outcome is not offered
        await pilot.press("i")
        await until(pilot, lambda: "已反馈" in screen_text(app) and "待反馈" not in screen_text(app))
    with session_scope(sqlite_catalog) as s:
        opinion = s.get(Opinion, 1)
        assert opinion is not None
        assert (opinion.outcome, opinion.final_text) == ("adopted", "第四条增加交付后三个月内投入使用")
        assert opinion.informed_by == SUPERVISOR and opinion.informed_at is not None
        [(actor, detail)] = s.exec(
            select(AuditEvent.actor, AuditEvent.detail).where(AuditEvent.action == "reveal_personal_data")
        ).all()
        assert actor == SUPERVISOR and json.loads(detail) == {"opinion": 1, "reason": "告知结果"}


async def test_a_grid_worker_may_not_record_outcomes_and_a_handler_only_reads(sqlite_catalog) -> None:
    app = _app(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _consultation(pilot, app, GRID_WORKER)
        screen.query_one("#articles", DataTable).move_cursor(row=3)
        opinions = screen.query_one("#opinions", DataTable)
        await until(pilot, lambda: opinions.row_count == 1)
        opinions.focus()
        await pilot.press("y")
        await pilot.press("n")
        assert not screen.check_action("outcome", ("adopted",))
        assert screen.check_action("reveal", ())  # a grid worker calls contributors back
        screen.query_one("#articles", DataTable).move_cursor(row=4)
        await until(pilot, lambda: "[/b]活动室\\x1b[31m被占" in screen_text(app), "the opinion shown escaped")
    with session_scope(sqlite_catalog) as s:
        assert s.get(Opinion, 1).outcome is None  # type: ignore[union-attr]

    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _consultation(pilot, app, HANDLER)
        assert "2 登记意见" not in screen_text(app)  # no form for a role that records no opinions
        await pilot.press("2")
        await pilot.press("ctrl+s")
        assert not screen.check_action("save", ())
        screen.query_one("#articles", DataTable).move_cursor(row=3)
        opinions = screen.query_one("#opinions", DataTable)
        await until(pilot, lambda: opinions.row_count == 1)
        opinions.focus()
        await pilot.press("v")
        assert not screen.check_action("reveal", ()) and "查看提出人电话" not in screen_text(app)
    with session_scope(sqlite_catalog) as s:
        assert len(s.exec(select(Opinion)).all()) == 2


async def test_a_legislative_request_joins_an_open_consultation_from_the_intake(sqlite_catalog) -> None:
    app = _app(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await sign_in(pilot, app, GRID_WORKER)
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        consultations = screen.query_one("#consultation", Select)
        await until(pilot, lambda: screen.query_one("#grid", Select).value is not Select.BLANK, "the grid")
        assert not consultations.display  # a 求助 has no use for it
        await pilot.click("#title")
        await pilot.press(*"对社区服务促进法草案的意见")
        screen.query_one("#text", Input).focus()
        await pilot.press(*"第六条说的折叠座椅 希望写明由物业维护")
        kind = screen.query_one("#kind", Select)
        kind.focus()
        await pilot.press("enter")
        await pilot.press(*"立法意见", "enter")
        await until(pilot, lambda: kind.value == "legislative_opinion" and consultations.display, "the offer")
        consultations.focus()
        await pilot.press("enter", "down", "enter")
        await until(pilot, lambda: isinstance(consultations.value, int), "the consultation chosen")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: _told(app, "已作为意见"), "the request logged and joined")
    with session_scope(sqlite_catalog) as s:
        request = s.exec(select(Request)).one()
        opinion = s.exec(select(Opinion).where(Opinion.request_id == request.id)).one()
        assert opinion.text == "第六条说的折叠座椅 希望写明由物业维护"
        assert s.exec(select(OpinionArticle.article_id).where(OpinionArticle.opinion_id == opinion.id)).all() == [6]
        assert opinion.contributor_name is None and opinion.contributor_phone is None  # they stay on the request


async def test_a_closed_consultation_is_not_offered_at_the_intake(sqlite_catalog) -> None:
    app = _app(sqlite_catalog, closes=now().date() - timedelta(days=1))
    async with app.run_test(size=(120, 36)) as pilot:
        await sign_in(pilot, app, GRID_WORKER)
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        kind = screen.query_one("#kind", Select)
        kind.value = "legislative_opinion"
        await until(pilot, lambda: screen.query_one("#grid", Select).value is not Select.BLANK)
        assert not screen.query_one("#consultation", Select).display


async def test_tabs_through_the_selects_in_one_read_leave_the_name_in_the_name_field(sqlite_catalog) -> None:
    """Found at 80×24 in tmux: the opinion, four Tabs and a name sent in one read lost the name. Tabs from a text
    field were taken in turn, but a Tab from a select ran only after the keys behind it had reached the select."""
    from tests.tui.test_key_bursts import burst
    from tests.tui.waits import idle

    app = _app(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, text = await _opinion_form(pilot, app)
        burst(app, "zuoyi\t\t\t\twangdaye")
        name = screen.query_one("#opinion-name", Input)
        await until(pilot, lambda: name.value == "wangdaye", "the name in the name field")
        await idle(pilot)
        assert text.text == "zuoyi" and app.focused is name
