"""Issue 19 (in progress): a draft split into its articles as real drafts are laid out, opinions kept verbatim on
both databases, and opinions matched to the articles they concern."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from models.core.errors import PermissionDenied, UserError
from models.legislation.consultations import consultation_view, create_consultation, list_consultations
from models.legislation.drafts import read_draft, split_draft
from models.legislation.opinions import add_opinion, article_matcher, record_outcome, resolve_articles, suggest_articles
from models.people.permissions import Actor
from models.store.engine import session_scope
from models.store.tables import Opinion

DATA = Path(__file__).resolve().parents[1] / "data"
STREET = Actor("人大工委·郑", "supervisor")
WORKER = Actor("王网格", "grid_worker")


def test_a_draft_with_contents_chapters_and_sections_is_split_into_its_articles() -> None:
    draft = read_draft(DATA / "draft_with_chapters.txt")
    assert draft.title == "中华人民共和国社区服务促进法（草案）"
    assert [a.number for a in draft.articles] == [f"第{n}条" for n in "一二三四五六七八九"]
    sixth = draft.articles[5]
    assert (sixth.chapter, sixth.section) == ("第二章 社区服务设施", "第二节 适老化改造")
    assert sixth.text.splitlines()[1].strip().startswith("对没有电梯的住宅楼")  # its second paragraph (款)
    seventh = draft.articles[6]
    assert [line.strip()[:3] for line in seventh.text.splitlines()[1:]] == ["（一）", "（二）", "（三）"]  # 项
    assert draft.articles[7].chapter == "第三章 法律责任"  # 第五条 quoted inside 第八条 starts no article
    assert draft.articles[0].chapter == "第一章 总则"  # the table of contents set no article's chapter


def test_markdown_numbers_and_a_draft_without_articles() -> None:
    md = "# 某某条例（征求意见稿）\n\n## 第一章 总则\n\n**第1条** 为了……制定本条例。\n\n第２条　本条例适用于……\n"
    draft = split_draft(md)
    assert [a.number for a in draft.articles] == ["第1条", "第2条"]
    assert draft.articles[0].chapter == "第一章 总则" and draft.title == "某某条例（征求意见稿）"
    plain = split_draft("关于修改某法的决定（草案）\n将第三条修改为……\n")
    assert [(a.number, a.label) for a in plain.articles] == [("", "全文")]
    assert plain.articles[0].text == "关于修改某法的决定（草案）\n将第三条修改为……"


def test_a_word_draft_is_read(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    for line in (DATA / "draft_with_chapters.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "草案.docx"
    document.save(str(path))
    assert [a.number for a in read_draft(path).articles] == [
        a.number for a in read_draft(DATA / "draft_with_chapters.txt").articles
    ]


def test_a_table_in_a_word_draft_is_part_of_the_article_above_it(tmp_path: Path) -> None:
    """Found in review: only a Word file's paragraphs were read, so a schedule set out as a table (fines, duties)
    was missing from the article that introduces it. Rows are read in place, a merged cell once."""
    from docx import Document

    document = Document()
    document.add_paragraph("某市社区服务条例（草案）")
    document.add_paragraph("第一条 社区服务设施的配建标准如下表：")
    table = document.add_table(rows=3, cols=3)
    rows = (("类别", "面积", "备注"), ("活动室", "200平方米", "无"), ("卫生站", "无", "无"))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    table.cell(0, 1).merge(table.cell(0, 2)).text = "标准"
    document.add_paragraph("第二条 本条例自公布之日起施行。")
    path = tmp_path / "草案.docx"
    document.save(str(path))
    first, second = read_draft(path).articles
    assert first.text.splitlines()[1:] == ["类别 | 标准", "活动室 | 200平方米 | 无", "卫生站 | 无 | 无"]
    assert second.number == "第二条" and "类别" not in second.text


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"  \n\n", "没有文字"),
        ("draft.pdf", b"%PDF", ".txt、.md 或 .docx"),
        ("broken.docx", b"not a zip", "不是有效的 Word"),
    ],
)
def test_a_draft_file_that_cannot_be_read_is_one_line(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError, match=words):
        read_draft(path)


@pytest.fixture
def consulted(engine):
    with session_scope(engine) as s:
        consultation = create_consultation(
            s, STREET, read_draft(DATA / "draft_with_chapters.txt"), issuer="全国人大常委会法制工作委员会",
            opens_on=date(2026, 11, 1), closes_on=date(2026, 12, 20),
        )  # fmt: skip
        return engine, consultation.id


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=300).filter(lambda t: t.strip() and "\x00" not in t))
def test_any_opinion_comes_back_exactly_as_given(consulted, text: str) -> None:
    engine, consultation_id = consulted
    with session_scope(engine) as s:
        opinion_id = add_opinion(s, WORKER, consultation_id, text).id
    with session_scope(engine) as s:
        assert s.get(Opinion, opinion_id).text == text  # type: ignore[union-attr]


def test_what_cannot_be_kept_verbatim_is_refused_not_changed(consulted) -> None:
    engine, consultation_id = consulted
    with session_scope(engine) as s, pytest.raises(UserError, match="空字符"):
        add_opinion(s, WORKER, consultation_id, "建议\x00删除")
    with session_scope(engine) as s, pytest.raises(UserError, match="意见内容为空"):
        add_opinion(s, WORKER, consultation_id, " \n\t")


def test_opinions_are_matched_to_the_articles_they_concern(consulted) -> None:
    engine, consultation_id = consulted
    with session_scope(engine) as s:
        matcher, _ = article_matcher(s, consultation_id)
        for text, article in (
            ("没电梯的楼，楼道里应该放几把折叠椅，老人爬楼可以歇歇脚", "第六条"),
            ("新小区的社区用房经常被物业占用当仓库，应该规定不得挪用", "第五条"),
            ("建议明确施行日期，给基层留出准备时间", "第九条"),
        ):
            assert suggest_articles(matcher, text)[0].label == article, text


def test_an_opinion_on_articles_and_one_on_the_whole_draft_are_shown_where_they_belong(consulted) -> None:
    engine, consultation_id = consulted
    with session_scope(engine) as s:
        on_sixth = resolve_articles(s, consultation_id, ["第六条", "7"])
        add_opinion(s, WORKER, consultation_id, "楼道座椅要防火", articles=on_sixth, contributor_kind="信息员")
        add_opinion(s, WORKER, consultation_id, "总体赞成", name="张三", consent=True, channel="走访")
        with pytest.raises(UserError, match="草案中没有 “第九十九条”"):
            resolve_articles(s, consultation_id, ["第九十九条"])
        with pytest.raises(PermissionDenied):
            record_outcome(s, WORKER, 1, "采纳", note="x")
    with session_scope(engine) as s:
        view = consultation_view(s, consultation_id)
        by_label = {a.label: [o.text for o in a.opinions] for a in view.articles}
        assert by_label["第六条"] == ["楼道座椅要防火"] and by_label["第七条"] == ["楼道座椅要防火"]
        assert [o.text for o in view.whole_draft] == ["总体赞成"]
        [summary] = list_consultations(s)
        assert (summary.articles, summary.opinions, summary.adopted) == (9, 2, 0)


def test_an_outcome_is_recorded_once(consulted) -> None:
    engine, consultation_id = consulted
    with session_scope(engine) as s:
        opinion = add_opinion(s, WORKER, consultation_id, "建议增加无障碍坡道")
        record_outcome(s, STREET, opinion.id, "部分采纳", final_text="第六条增加“无障碍设施”")
        with pytest.raises(UserError, match="已记录结果（部分采纳）"):
            record_outcome(s, STREET, opinion.id, "采纳", note="再记一次")
        assert list_consultations(s)[0].adopted == 1
        assert s.exec(select(Opinion.outcome)).one() == "partly"


def test_a_legislative_request_joins_an_open_consultation_once(consulted) -> None:
    """Issue 19, item 3: the resident's words verbatim, on the article they clearly concern; their name and phone
    stay on the request. Only a 立法意见 joins, only while the consultation is open, and only once."""
    from models.core.clock import simulated_time
    from models.legislation.opinions import attach_request, awaiting_callback, callback_list
    from models.requests.intake import log_request

    engine, consultation_id = consulted
    details = "第六条里说的折叠座椅，  希望写明谁来维护\n（居民原话）"
    with simulated_time(datetime(2026, 12, 1, 9, 30)), session_scope(engine) as s:
        request = log_request(
            s, STREET, title="对社区服务促进法草案的意见", text=details, kind="legislative_opinion",
            channel="walk_in", resident_phone="13912345678",
        ).request  # fmt: skip
        opinion = attach_request(s, STREET, consultation_id, request)
        assert opinion.text == request.text
        assert (opinion.channel, opinion.given_on, opinion.contributor_phone) == ("visit", date(2026, 12, 1), None)
        assert [a.label for a in consultation_view(s, consultation_id).articles if a.opinions] == ["第六条"]
        with pytest.raises(UserError, match="已作为意见"):
            attach_request(s, STREET, consultation_id, request)
        help_request = log_request(s, STREET, title="楼道灯坏了", kind="help").request
        with pytest.raises(UserError, match="不是“立法意见”"):
            attach_request(s, STREET, consultation_id, help_request)
        record_outcome(s, STREET, opinion.id, "未采纳", note="已有规定")
        assert awaiting_callback(opinion) and [o.id for o in callback_list(s, consultation_id)] == [opinion.id]
    with simulated_time(datetime(2026, 12, 21, 9, 0)), session_scope(engine) as s:
        late = log_request(s, STREET, title="再提一条", kind="legislative_opinion").request
        with pytest.raises(UserError, match="已于 2026-12-20 截止"):
            attach_request(s, STREET, consultation_id, late)


def test_a_contributor_who_asks_is_erased_from_their_opinions(consulted) -> None:
    """PIPL Article 47 reaches opinions too: the name and phone go, with the consent, and the text given keeps its
    words but not the contributor's own name or number. Another contributor's opinion is untouched."""
    from models.privacy.residents import erase_resident

    engine, consultation_id = consulted
    admin = Actor("管理员", "admin")
    with session_scope(engine) as s:
        mine = add_opinion(
            s, WORKER, consultation_id, "我是王秀兰，电话139 1234 5678，第六条的座椅要有人管", name="王秀兰",
            phone="13912345678", consent=True,
        )  # fmt: skip
        other = add_opinion(s, WORKER, consultation_id, "支持", name="李强", phone="13912345679", consent=True)
        erased = erase_resident(s, admin, "+86 139-1234-5678")
        assert (erased.requests, erased.opinions) == (0, 1)
    with session_scope(engine) as s:
        gone, kept = s.get(Opinion, mine.id), s.get(Opinion, other.id)
        assert gone is not None and kept is not None
        assert (gone.contributor_name, gone.contributor_phone, gone.consent) == (None, None, False)
        assert gone.text == "我是〔已删除〕，电话〔已删除〕，第六条的座椅要有人管"
        assert (kept.contributor_name, kept.contributor_phone, kept.text) == ("李强", "13912345679", "支持")
    with session_scope(engine) as s, pytest.raises(UserError, match="没有找到"):
        erase_resident(s, admin, "13912345678")  # nothing left to erase


def test_an_article_is_found_however_its_number_is_written(engine) -> None:
    """Found by a walkthrough: a draft numbered 第1条 could not be named as 第二条 or 第３条 in an import."""
    draft = split_draft("某某条例（征求意见稿）\n**第1条** 为了……\n第2条 适用范围……\n第３条 附则……\n")
    with session_scope(engine) as s:
        consultation = create_consultation(s, STREET, draft, opens_on=date(2026, 11, 1))
        ids = {a.number: a.id for a in consultation_view(s, consultation.id).articles}
        assert resolve_articles(s, consultation.id, ["第二条", "第３条", "1", "第1条"]) == [
            ids["第2条"], ids["第3条"], ids["第1条"]
        ]  # fmt: skip
        with pytest.raises(UserError, match="草案中没有 “第四条”"):
            resolve_articles(s, consultation.id, ["第四条"])


def test_a_word_file_that_unpacks_to_more_than_a_draft_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    """Found by a walkthrough: a 138 KB .docx unpacking to 60 MB of XML was parsed whole (223 MB) first."""
    import zipfile

    from docx import Document

    from models.legislation.drafts import MAX_DOCX_UNPACKED

    path = tmp_path / "草案.docx"
    document = Document()
    document.add_paragraph("第一条 为了……")
    document.save(str(path))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/padding.xml", b"<a>" + b" " * (MAX_DOCX_UNPACKED + 1) + b"</a>")
    assert path.stat().st_size < 1 << 20
    with pytest.raises(UserError, match=r"解压后超过 .* MB，不像草案"):
        read_draft(path)
