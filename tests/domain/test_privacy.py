"""A resident's copy, erasure and the retention purge (issue 16, item 7), on both databases: the resident is found
by phone in any writing, taken out of every field and text, and no count or rate moves."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlmodel import col, select

from models.core.errors import UserError
from models.core.text import phone_digits
from models.core.vocabulary import Action, AuditAction
from models.files.request_import import import_requests
from models.privacy.copies import render_copy, resident_copy
from models.privacy.residents import erase_resident, find_requests
from models.privacy.retention import parse_age, purge_expired
from models.reporting.stats import compute_stats
from models.requests.workflow import Actor
from models.store.consistency import check_database
from models.store.engine import session_scope
from models.store.tables import AuditEvent, MatchExample, Opinion, Request, RequestEvent

ADMIN = Actor("管理员", "admin")
HEADER = "工单编号,诉求标题,诉求内容,受理时间,承办单位,办理状态,答复时间,来电人,联系电话,所属社区"
ROWS = [
    ("P-1", "楼上漏水", "王芳说卫生间往下滴水，回电 139-1234-5678", "2022-03-02 09:30", "区水务局", "已回访",
     "2022-03-05 10:00", "王芳", "139 1234 5678"),
    ("P-2", "楼道灯不亮", "三单元楼道灯坏了，电话＋86 139 1234 5678", "2022-05-02 09:30", "街道城管科", "已回访",
     "2022-05-03 10:00", "王芳", "+86 13912345678"),
    ("P-3", "噪音扰民", "晚上唱歌到十一点", "2026-03-02 20:00", "", "待受理", "", "王芳", "１３９１２３４５６７８"),
    ("P-4", "路面坑洼", "门口坑洼积水，找李强 13912345679", "2022-03-09 08:00", "区城管委", "已回访",
     "2022-03-10 10:00", "李强", "13912345679"),
    ("P-5", "垃圾清运不及时", "东门垃圾桶满了", "2025-11-20 08:00", "街道城管科", "已回访", "2025-11-22 10:00",
     "赵敏", "010-6234-5678"),
]  # fmt: skip
HISTORY = "\n".join([HEADER, *(",".join(row) + "," for row in ROWS)]) + "\n"


@pytest.fixture
def street(catalog_engine, tmp_path: Path):
    path = tmp_path / "history.csv"
    path.write_text(HISTORY, encoding="utf-8")
    with session_scope(catalog_engine) as session:
        import_requests(session, path, ADMIN)
    return catalog_engine


def _figures(engine) -> list[object]:
    with session_scope(engine) as session:
        return [compute_stats(session, period, datetime(2026, 4, 1)) for period in ("2022-03", "2022-05", "2026-03")]


def test_phone_digits_reads_every_common_writing() -> None:
    for written in (
        "139 1234 5678",
        "139-1234-5678",
        "+86 13912345678",
        "0086-139-1234-5678",
        "１３９１２３４５６７８",
    ):
        assert phone_digits(written) == "13912345678", written
    assert phone_digits("010-6234-5678") == "01062345678"


def test_a_resident_is_found_by_phone_in_any_writing_and_not_by_a_neighbours(street) -> None:
    with session_scope(street) as session:
        found = find_requests(session, phone="139 1234 5678")
        assert [r.external_ref for r in found] == ["P-1", "P-2", "P-3"]
        assert [r.external_ref for r in find_requests(session, name="王芳")] == ["P-1", "P-2", "P-3"]
        assert [r.external_ref for r in find_requests(session, phone="(010) 62345678")] == ["P-5"]


def test_the_copy_is_whole_and_its_audit_names_the_resident_only_masked(street) -> None:
    with session_scope(street) as session:
        copy = resident_copy(session, ADMIN, phone="13912345678")
    data = json.loads(render_copy(copy, "json"))["requests"]
    assert [r["ref"] for r in data] == [r.ref for r in copy.requests] and len(data) == 3
    assert data[0]["resident_name"] == "王芳" and "139-1234-5678" in data[0]["text"]
    assert data[0]["timeline"][0]["action"] == "导入"
    assert render_copy(copy, "csv").splitlines()[0].startswith("编号,登记时间")
    with session_scope(street) as session:
        (audit,) = session.exec(select(AuditEvent).where(AuditEvent.action == AuditAction.PRIVACY_EXPORT)).all()
    assert "13912345678" not in audit.detail and "139****5678" in audit.detail and '"requests": 3' in audit.detail


def test_erasure_takes_the_resident_out_of_every_field_and_text_and_moves_no_figure(street) -> None:
    before = _figures(street)
    with session_scope(street) as session:
        assert erase_resident(session, ADMIN, "+86 139 1234 5678").requests == 3
    assert _figures(street) == before
    with session_scope(street) as session:
        rows = {r.external_ref: r for r in session.exec(select(Request))}
        for ref in ("P-1", "P-2", "P-3"):
            request = rows[ref]
            assert request.resident_name is None and request.resident_phone is None
            everything = " ".join((request.title, request.text, request.location, request.resolution))
            assert (
                "王芳" not in everything and "1234" not in everything and "〔已删除〕" in request.text
            ) or ref == "P-3"
        assert rows["P-4"].resident_name == "李强" and "13912345679" in rows["P-4"].text  # a neighbour's number stays
        examples = session.exec(select(MatchExample.text).where(col(MatchExample.request_id).in_(
            [rows["P-1"].id, rows["P-2"].id]))).all()  # fmt: skip
        assert examples and not any("1234" in text or "王芳" in text for text in examples)
        erased = session.exec(select(RequestEvent).where(RequestEvent.action == Action.ERASE)).all()
        assert len(erased) == 3 and all("王芳" not in e.note and "1234" not in e.note for e in erased)
        (audit,) = session.exec(select(AuditEvent).where(AuditEvent.action == AuditAction.PRIVACY_ERASE)).all()
        assert "13912345678" not in audit.detail
    assert [c.name for c in check_database(street) if not c.ok] == []  # chains, counters and states still agree


def test_erasing_someone_who_is_not_there_changes_nothing(street) -> None:
    with session_scope(street) as session, pytest.raises(UserError, match="没有找到"):
        erase_resident(session, ADMIN, "13800000000")
    with session_scope(street) as session:
        assert not session.exec(select(RequestEvent).where(RequestEvent.action == Action.ERASE)).all()
    for bad in ("123", "", "abc"):
        with session_scope(street) as session, pytest.raises(UserError, match="--phone"):
            erase_resident(session, ADMIN, bad)


def test_the_purge_takes_finished_requests_past_the_period_and_nothing_else(street) -> None:
    from models.core.clock import simulated_time

    before = _figures(street)
    with simulated_time(datetime(2026, 4, 1)), session_scope(street) as session:
        dry = purge_expired(session, ADMIN, dry_run=True)  # the setting: 3 years
        assert (dry.requests, f"{dry.cutoff:%Y-%m-%d}") == (3, "2023-04-01")
        assert session.exec(select(Request).where(col(Request.resident_name).is_(None))).all() == []
        done = purge_expired(session, ADMIN)
    assert done.requests == 3 and _figures(street) == before
    with session_scope(street) as session:
        kept = {r.external_ref: r.resident_name for r in session.exec(select(Request))}
    # closed in 2022: gone; closed in 2025, or still open (however old): kept
    assert kept == {"P-1": None, "P-2": None, "P-3": "王芳", "P-4": None, "P-5": "赵敏"}
    with simulated_time(datetime(2026, 4, 1)), session_scope(street) as session:
        assert purge_expired(session, ADMIN, "3m").requests == 1  # P-5, finished in November 2025


@pytest.mark.parametrize("bad", ["3x", "0y", "", "y3", "9999y", "-1y"])
def test_an_unknown_retention_period_is_refused(bad: str) -> None:
    with pytest.raises(UserError, match="--older-than"):
        parse_age(bad)


def _consultation(session, title: str, opens: date, closes: date) -> int:
    from models.legislation.consultations import create_consultation
    from models.legislation.drafts import split_draft

    draft = split_draft(f"{title}\n第一条 为了规范社区服务，制定本条例。\n第二条 楼道内设置休息座椅。\n")
    return create_consultation(session, ADMIN, draft, opens_on=opens, closes_on=closes).id or 0


def test_the_copy_holds_the_residents_opinions_on_draft_laws_too(street) -> None:
    """Article 45 reaches the contact point: an opinion given with the resident's phone or name, and one that came
    in as their request, are in the copy unmasked, with the draft, the articles and the answer; a neighbour's is not.
    """
    from models.core.clock import simulated_time
    from models.legislation.opinions import add_opinion, attach_request, record_outcome
    from models.requests.intake import log_request

    with simulated_time(datetime(2026, 3, 10, 9, 0)), session_scope(street) as session:
        consultation = _consultation(session, "某市社区服务条例（草案）", date(2026, 3, 1), date(2026, 3, 31))
        by_phone = add_opinion(
            session, ADMIN, consultation, "第二条的座椅\n要防火，找我 139 1234 5678", phone="+86 13912345678",
            name="王芳",
        )  # fmt: skip
        record_outcome(session, ADMIN, by_phone.id or 0, "部分采纳", final_text="第二条 楼道内可以设置阻燃座椅。")
        add_opinion(session, ADMIN, consultation, "赞成", phone="13912345679", name="李强")  # the neighbour
        request = log_request(
            session, ADMIN, title="对条例草案的意见", text="建议写明谁维护座椅", kind="legislative_opinion",
            channel="walk_in", resident_phone="139-1234-5678", resident_name="王芳",
        ).request  # fmt: skip
        through = attach_request(session, ADMIN, consultation, request)
        copy = resident_copy(session, ADMIN, phone="13912345678")
    assert [o.number for o in copy.opinions] == [by_phone.id, through.id]
    data = json.loads(render_copy(copy, "json"))
    first, second = data["opinions"]
    assert first["text"] == "第二条的座椅\n要防火，找我 139 1234 5678"
    assert first["contributor_phone"] == "+86 13912345678"
    assert (first["articles"], first["outcome"]) == (["全文"], "部分采纳")
    assert first["final_text"] == "第二条 楼道内可以设置阻燃座椅。"
    assert first["consultation"] == "某市社区服务条例（草案）"
    assert second["request"] == request.ref and second["contributor_phone"] is None
    assert len(data["requests"]) == 4 and "13912345679" not in json.dumps(data)
    rows = render_copy(copy, "csv").splitlines()
    assert rows[0].endswith(",类别") and sum(r.endswith(",立法意见") for r in rows) == 2
    with session_scope(street) as session:
        by_name = resident_copy(session, ADMIN, name="王芳")
        audits = session.exec(select(AuditEvent).where(AuditEvent.action == AuditAction.PRIVACY_EXPORT)).all()
    assert [o.number for o in by_name.opinions] == [by_phone.id, through.id]
    assert '"opinions": 2' in audits[0].detail and "13912345678" not in audits[0].detail


def test_a_contributor_with_no_request_gets_a_copy_of_their_opinions(street) -> None:
    from models.core.clock import simulated_time
    from models.legislation.opinions import add_opinion

    with simulated_time(datetime(2026, 3, 10, 9, 0)), session_scope(street) as session:
        consultation = _consultation(session, "某市社区服务条例（草案）", date(2026, 3, 1), date(2026, 3, 31))
        add_opinion(session, ADMIN, consultation, "同意", phone="137 0000 1111")
        copy = resident_copy(session, ADMIN, phone="13700001111")
    assert (copy.requests, [o.text for o in copy.opinions]) == ([], ["同意"])


def test_the_purge_reaches_opinions_of_consultations_closed_past_the_period(street) -> None:
    """An opinion's contact is kept for the callback; once its consultation closed and the period has passed since
    the last thing done with it, the contributor is taken out as an erasure would, and the words stay."""
    from models.core.clock import simulated_time
    from models.legislation.consultations import list_consultations
    from models.legislation.opinions import add_opinion, record_callback, record_outcome

    with simulated_time(datetime(2022, 5, 10, 9, 0)), session_scope(street) as session:
        old = _consultation(session, "旧条例（草案）", date(2022, 5, 1), date(2022, 6, 30))
        gone = add_opinion(session, ADMIN, old, "我是赵敏，座椅要防火", name="赵敏", phone="13700001111", consent=True)
        record_outcome(session, ADMIN, gone.id or 0, "采纳", note="已采纳")
        record_callback(session, ADMIN, gone.id or 0)
    with simulated_time(datetime(2025, 12, 1, 9, 0)), session_scope(street) as session:
        recent = _consultation(session, "新条例（草案）", date(2025, 11, 1), date(2025, 12, 31))
        kept = add_opinion(session, ADMIN, recent, "赞成", name="孙丽", phone="13700002222")
    with simulated_time(datetime(2026, 4, 1)), session_scope(street) as session:
        before = [(c.opinions, c.adopted) for c in list_consultations(session)]
        dry = purge_expired(session, ADMIN, dry_run=True)
        assert (dry.requests, dry.opinions) == (3, 1)
        done = purge_expired(session, ADMIN)
        assert (done.requests, done.opinions) == (3, 1)
        assert [(c.opinions, c.adopted) for c in list_consultations(session)] == before
    with session_scope(street) as session:
        old_one, new_one = session.get(Opinion, gone.id), session.get(Opinion, kept.id)
        assert old_one is not None and new_one is not None
        assert (old_one.contributor_name, old_one.contributor_phone, old_one.consent) == (None, None, False)
        assert old_one.text == "我是〔已删除〕，座椅要防火" and old_one.outcome == "adopted"
        assert (new_one.contributor_name, new_one.contributor_phone) == ("孙丽", "13700002222")
        (audit,) = session.exec(select(AuditEvent).where(AuditEvent.action == AuditAction.PRIVACY_PURGE)).all()
        assert '"opinions": 1' in audit.detail


def test_an_opinion_that_came_as_a_request_never_names_its_resident_and_is_erased_with_it(street) -> None:
    """Found by an attack probe: the opinion a 立法意见 request became kept the resident's words, name and phone
    included, after the request was erased, and the submission named the resident, who never consented."""
    from models.core.clock import simulated_time
    from models.legislation.consultations import consultation_view
    from models.legislation.opinions import attach_request
    from models.requests.intake import log_request

    with simulated_time(datetime(2026, 3, 10, 9, 0)), session_scope(street) as session:
        consultation = _consultation(session, "某市社区服务条例（草案）", date(2026, 3, 1), date(2026, 3, 31))
        request = log_request(
            session, ADMIN, title="对条例草案的意见", text="我是赵四海，电话13700001111，第二条的座椅要防火",
            kind="legislative_opinion", channel="walk_in", resident_name="赵四海", resident_phone="13700001111",
        ).request  # fmt: skip
        opinion = attach_request(session, ADMIN, consultation, request)
        shown = consultation_view(session, consultation).words(opinion)
        assert shown == "我是赵**，电话137****1111，第二条的座椅要防火"
        assert erase_resident(session, ADMIN, "137 0000 1111").requests == 1
    with session_scope(street) as session:
        erased = session.get(Opinion, opinion.id)
        assert erased is not None and erased.text == "我是〔已删除〕，电话〔已删除〕，第二条的座椅要防火"


def test_a_phone_is_found_however_it_was_left_and_erased_with_what_stood_beside_it(street) -> None:
    """Found by an attack probe: phones left as 139 1234 56 78, full width, beside a second number or with an
    extension were missed by the copy and the erasure (a SQL filter on the last four digits), and said nothing."""
    from models.core.clock import simulated_time
    from models.legislation.opinions import add_opinion
    from models.privacy.residents import find_opinions

    writings = ["139 1234 56 78", "１３９１２３４５６７８", "13912345678/010-62345678", "13912345678转8"]
    with simulated_time(datetime(2026, 3, 10, 9, 0)), session_scope(street) as session:
        consultation = _consultation(session, "某市社区服务条例（草案）", date(2026, 3, 1), date(2026, 3, 31))
        mine = [
            add_opinion(session, ADMIN, consultation, f"座椅要防火，白天打 010-62345678 找我（{n}）", phone=phone)
            for n, phone in enumerate(writings)
        ]
        add_opinion(session, ADMIN, consultation, "赞成", phone="13912345679")  # a neighbour's number
        add_opinion(session, ADMIN, consultation, "赞成", phone="113912345678")  # a number that only contains it
        assert [o.id for o in find_opinions(session, phone="+86 139-1234-5678")] == [o.id for o in mine]
        assert mine[1].contributor_phone == "13912345678"  # stored in ASCII digits, as a request's phone
        assert erase_resident(session, ADMIN, "13912345678").opinions == 4
    with session_scope(street) as session:
        texts = [session.get(Opinion, o.id).text for o in mine]  # type: ignore[union-attr]
        assert texts[2] == "座椅要防火，白天打 〔已删除〕 找我（2）"  # the second number left with it goes too
        assert all(session.get(Opinion, o.id).import_key is None for o in mine)  # type: ignore[union-attr]


def test_a_copy_by_name_is_refused_when_the_name_belongs_to_more_than_one_phone(street, tmp_path: Path) -> None:
    """Found by an attack probe: two residents called 李强 got each other's requests in one copy."""
    path = tmp_path / "more.csv"
    path.write_text(f"{HEADER}\nP-9,噪音,晚上施工,2026-03-09 08:00,,待受理,,李强,13800007777,\n", encoding="utf-8")
    with session_scope(street) as session:
        import_requests(session, path, ADMIN)
    with session_scope(street) as session, pytest.raises(UserError, match=r"2 个不同的电话.*--phone"):
        resident_copy(session, ADMIN, name="李强")
    with session_scope(street) as session:
        assert [r.title for r in resident_copy(session, ADMIN, phone="13912345679").requests] == ["路面坑洼"]


def test_the_copy_runs_no_formula_and_drives_no_terminal(street) -> None:
    """Found by an attack probe: the CSV copy kept =HYPERLINK(...) as a live formula and printed an opinion's escape
    sequences and right-to-left override to the administrator's terminal."""
    from models.core.clock import simulated_time
    from models.legislation.opinions import add_opinion

    with simulated_time(datetime(2026, 3, 10, 9, 0)), session_scope(street) as session:
        consultation = _consultation(session, "某市社区服务条例（草案）", date(2026, 3, 1), date(2026, 3, 31))
        add_opinion(session, ADMIN, consultation, '=HYPERLINK("http://evil.example","点此")', phone="13912345678")
        add_opinion(session, ADMIN, consultation, "清屏\x1b[2J退款\u202e8765", phone="13912345678")
        copy = resident_copy(session, ADMIN, phone="13912345678")
    table = render_copy(copy, "csv")
    assert "'=HYPERLINK" in table and "\x1b" not in table and "\u202e" not in table and "\\x1b[2J" in table
    data = render_copy(copy, "json")
    assert "\x1b" not in data and "\u202e" not in data
    assert json.loads(data)["opinions"][1]["text"] == "清屏\x1b[2J退款\u202e8765"  # the same data, escaped
