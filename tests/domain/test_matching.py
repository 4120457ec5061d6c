import pytest

from models.core.text import normalize
from models.matching.engine import ItemInfo, Matcher
from models.matching.loader import load_matcher
from models.store.engine import session_scope

ITEMS = [
    ItemInfo("A1", "老旧小区加装电梯协调", "城乡建设", "街道城市管理办公室", "own", ("电梯", "加装", "爬楼")),
    ItemInfo("A2", "楼道公共设施维护", "城乡建设", "街道城市管理办公室", "own", ("楼道", "座椅", "折叠椅")),
    ItemInfo("A3", "供水管道漏水抢修", "公共服务", "区水务局", "returned", ("漏水", "水管", "爆管")),
    ItemInfo("A4", "噪音扰民查处", "综合治理", "区城管执法局", "returned", ("噪音", "施工", "广场舞")),
    ItemInfo("A5", "旧路灯报修", "城乡建设", "区城管委", "merged", ("路灯",), merged_into="A6"),
    ItemInfo("A6", "市政照明维护", "城乡建设", "街道城市管理办公室", "own", ("照明", "路灯")),
]


def test_keywords_route_colloquial_text() -> None:
    m = Matcher(ITEMS)
    result = m.match("我家楼上水管爆了，一直在漏水", top=3)
    assert result.suggestions[0].code == "A3"
    assert result.suggestions[0].duty == "returned"
    assert result.department == "区水务局"
    assert "漏水" in result.suggestions[0].reason
    assert 0 < result.suggestions[0].score <= 100


def test_top_k_is_ordered_and_bounded() -> None:
    result = Matcher(ITEMS).match("楼道里放几把折叠椅给老人歇脚", top=2)
    assert len(result.suggestions) == 2
    assert result.suggestions[0].code == "A2"
    assert result.suggestions[0].score >= result.suggestions[1].score


def test_traditional_and_simplified_get_the_same_matches() -> None:
    m = Matcher(ITEMS)
    simplified = m.match("晚上广场舞噪音太大", top=3)
    traditional = m.match("晚上廣場舞噪音太大！！", top=3)
    assert [s.code for s in simplified.suggestions] == [s.code for s in traditional.suggestions]
    assert [s.score for s in simplified.suggestions] == [s.score for s in traditional.suggestions]


def test_empty_and_punctuation_only_text_give_an_empty_result() -> None:
    m = Matcher(ITEMS)
    for text in ("", "   ", "！！？？。。", "😀😀"):
        result = m.match(text)
        assert result.empty and result.suggestions == [] and result.department is None


def test_merged_item_routes_to_the_item_it_was_folded_into() -> None:
    m = Matcher(ITEMS)
    assert m.route_department(m.by_code["A5"]) == "街道城市管理办公室"
    result = m.match("路灯", top=6)
    assert [s.code for s in result.suggestions if s.code in ("A5", "A6")] == ["A6"]  # offered as its successor


def test_a_confirmed_routing_changes_the_next_match_without_rebuild() -> None:
    m = Matcher(ITEMS)
    text = "小区东门的化粪池冒出来了，臭得不行"
    before = m.match(text)
    assert before.department != "区排水集团"
    for variant in ("化粪池冒了满地都是", "东门化粪池堵了往外冒", "化粪池满了臭味很大"):
        m.add_example(variant, None, "区排水集团")
    after = m.match(text)
    assert after.department == "区排水集团"
    assert "已确认" in after.department_reason


def test_a_withdrawn_routing_stops_voting_at_once() -> None:
    text = "小区东门的化粪池冒出来了，臭得不行"
    fresh = Matcher(ITEMS)  # delta: confirmed in this session
    fresh.add_example(text, None, "区排水集团")
    assert fresh.match(text).department == "区排水集团"
    assert fresh.forget_example(text, None, "区排水集团")
    assert fresh.match(text).department != "区排水集团"

    loaded = Matcher(ITEMS, [(text, None, "区排水集团"), ("楼道灯坏了", "A6", None)])  # base: built from history
    neighbours = loaded.history.neighbours(normalize(text), 3)
    assert loaded.history.label(neighbours[0].row) == (None, "区排水集团")
    assert not loaded.forget_example(text, "A3", None)  # another routing of the same text: nothing to withdraw
    assert loaded.forget_example(text, None, "区排水集团")
    assert all(
        loaded.history.label(n.row) == (None, None)
        for n in loaded.history.neighbours(normalize(text), 3)
        if n.similarity > 0.999
    )
    assert loaded.match(text).department != "区排水集团"


def test_a_corrected_request_teaches_the_running_matcher(catalog_engine) -> None:
    from models.requests.intake import confirm_routing, log_request
    from models.requests.workflow import Actor

    actor = Actor("测试员", role="supervisor")
    text = "三号楼楼梯间的扶手松了"
    with session_scope(catalog_engine) as session:
        matcher = load_matcher(session)
        request = log_request(session, actor, title=text, item_code="JD-010", matcher=matcher).request
        learned = {matcher.history.label(n.row) for n in matcher.history.neighbours(normalize(text), 5)}
        assert ("JD-010", "社区居委会") in learned  # the (wrong) confirmation is learned at once
        confirm_routing(session, request, actor, "JD-002", matcher=matcher)
        voted = {matcher.history.label(n.row) for n in matcher.history.neighbours(normalize(text), 5)}
    assert ("JD-010", "社区居委会") not in voted
    assert ("JD-002", "街道城市管理办公室") in voted


def test_load_matcher_reads_catalog_and_examples(catalog_engine) -> None:
    with session_scope(catalog_engine) as session:
        m = load_matcher(session)
    assert len(m.items) == 10
    assert m.match("楼上漏水").suggestions[0].code == "JD-003"


@pytest.mark.parametrize("length", [10_000])
def test_very_long_text_is_handled(length: int) -> None:
    text = ("楼道里没有电梯老人爬楼很累" * (length // 12 + 1))[:length]
    result = Matcher(ITEMS).match(text)
    assert result.suggestions and result.suggestions[0].code in ("A1", "A2")


def test_highlighting_a_pasted_50000_character_request_against_a_huge_catalog_name_is_quick() -> None:
    """Found by the property tests: the span search was quadratic in the term, cubic overall; minutes per match."""
    from models.matching.engine import SPAN_MAX_CHARS, _matched_spans

    query = "楼道漏水" * 12_500
    spans = _matched_spans(query, ["楼道漏水" * 12_500, "噪音扰民" * 12_500, "供水管道漏水抢修"])
    assert spans and all(len(s) <= SPAN_MAX_CHARS for s in spans) and "道漏水" in spans  # from 供水管道漏水抢修
    # the whole match, with an item whose name is that long (fuzzy scoring was quadratic in it as well)
    huge = ItemInfo("X-1", "噪音扰民" * 12_500, "综合治理", "区城管执法局", "own", ("噪音",))
    result = Matcher([huge]).match("楼道漏水" * 12_500 + "噪音", top=3)
    assert [s.code for s in result.suggestions] == ["X-1"] and "噪音" in result.suggestions[0].reason


def test_a_merged_item_is_suggested_as_its_successor_and_an_inactive_one_never() -> None:
    """Accepting 小区停车秩序劝导 [已合并] logged work under a duty that no longer exists; its words now find the
    item it was folded into, and an item nobody takes any more is not offered at all."""
    result = Matcher(ITEMS).match("旧路灯报修", top=6)
    codes = [s.code for s in result.suggestions]
    assert "A5" not in codes and codes[0] == "A6"
    assert "旧路灯报修" in result.suggestions[0].reason  # says why the successor came up
    inactive = [ItemInfo(**{**vars(i), "active": i.code != "A3"}) for i in ITEMS]
    leak = Matcher(inactive).match("我家楼上水管爆了，一直在漏水", top=6)
    assert "A3" not in [s.code for s in leak.suggestions] and leak.department != "区水务局"
    dangling = [*ITEMS, ItemInfo("A7", "水管爆裂报修", "公共服务", "区水务局", "merged", ("爆裂",), merged_into="ZZ")]
    assert "A7" not in [s.code for s in Matcher(dangling).match("水管爆裂", top=7).suggestions]


def test_when_the_department_hint_and_the_first_item_differ_the_reason_says_why() -> None:
    """`match 小区门口井盖松动` named 区公安交通支队 (history) while its first item went to 区城管委 (the catalog)."""
    items = [*ITEMS, ItemInfo("A8", "井盖缺损处置", "城乡建设", "区城管委", "returned", ("井盖",))]
    history = [("小区门口井盖松动了", None, "区公安交通支队")] * 5
    result = Matcher(items, history).match("小区门口井盖松动", top=3)
    assert result.department == "区公安交通支队" and result.suggestions[0].department == "区城管委"
    assert "首选事项“井盖缺损处置”（归区城管委）不同" in result.department_reason
    assert "以往的派单" in result.department_reason
    agree = Matcher(items).match("井盖松动", top=3)
    assert agree.department == agree.suggestions[0].department and "不同" not in agree.department_reason


def test_the_loader_marks_items_of_a_disabled_department_inactive(catalog_engine) -> None:
    from sqlmodel import select

    from models.store.tables import Department

    with session_scope(catalog_engine) as s:
        s.exec(select(Department).where(Department.name == "区水务局")).one().active = False
    with session_scope(catalog_engine) as s:
        matcher = load_matcher(s, use_cache=False)
    assert "JD-003" not in [x.code for x in matcher.match("楼上水管爆了一直漏水", top=10).suggestions]


def test_a_number_inside_a_longer_number_is_no_keyword() -> None:
    """A phone such as 138 1234 5678 holds the digits 12345: the hotline's own item must not take it (issue 18: it
    made the admission door cite 12345热线诉求接办 and admit off-list work)."""
    from models.matching.engine import ItemInfo, Matcher

    matcher = Matcher(
        [
            ItemInfo("ZZ-005", "12345热线诉求接办", "综合治理", "街道接诉即办中心", "own", keywords=("12345",)),
            ItemInfo("ZZ-029", "反诈骗宣传", "综合治理", "槐安派出所", "assist", keywords=("反诈",)),
        ]
    )
    phone = matcher.match("请联系王建国领取材料，电话138 1234 5678", catalog_only=True)
    assert all("12345" not in s.reason for s in phone.suggestions)
    hotline = matcher.match("打12345热线没人接", catalog_only=True)
    assert hotline.suggestions[0].code == "ZZ-005" and "关键词：12345" in hotline.suggestions[0].reason
