from hypothesis import given
from hypothesis import strategies as st

from models.core.text import char_ngrams, clean_cell, mask_name, mask_personal, mask_phone, normalize


def test_normalize_folds_width_traditional_and_punctuation() -> None:
    assert normalize("樓道裡沒有電梯！！") == normalize("楼道里没有电梯") == "楼道里没有电梯"
    assert normalize("ＡＢＣ１２３ 😀，。") == "abc123"
    assert normalize("") == ""
    assert normalize("！？。 ") == ""


def test_clean_cell_collapses_tabs_newlines_and_nbsp() -> None:
    assert clean_cell("  楼道\t座椅\n坏了\u00a0 ") == "楼道 座椅 坏了"
    assert clean_cell(None) == ""


def test_ngrams() -> None:
    assert char_ngrams("楼道", (1, 2)) == ["楼", "道", "楼道"]


def test_masks_keep_only_what_a_list_needs() -> None:
    assert mask_name("张三丰") == "张**"
    assert mask_name("李") == "李*"
    assert mask_phone("138-1234-5678") == "138****5678"
    assert mask_phone("") == ""
    assert mask_personal("请回电13912345678，谢谢") == "请回电139****5678，谢谢"
    assert mask_personal("3号楼2单元") == "3号楼2单元"


def test_pinyin_initials_read_words_not_single_characters() -> None:
    from models.core.text import pinyin_initials

    assert pinyin_initials("楼道座椅") == "ldzy"
    assert pinyin_initials("銀行門口 3号楼") == "yhmk3hl"  # traditional → simplified; 行 read as in 银行
    assert pinyin_initials("重庆路长期漏水") == "cqlcqls"
    assert pinyin_initials("🙂！") == ""


def test_bidi_controls_are_dropped_like_control_characters() -> None:
    from models.core.text import clean_cell, drop_controls

    # U+202E RIGHT-TO-LEFT OVERRIDE would show "退款 8765" as "退款 5678"; isolates and marks likewise reorder text
    assert drop_controls("退款\u202e8765\u202c 元") == "退款8765 元"
    assert drop_controls("a\u2066b\u2067c\u2068d\u2069e\u200ef\u200fg\u061ch\u202ai\u202bj\u202dk") == "abcdefghijk"
    assert clean_cell("王\u202e芳") == "王芳"
    assert drop_controls("楼道\t灯\n坏了") == "楼道\t灯\n坏了"  # tab and line breaks stay


def test_phones_typed_in_full_width_are_stored_as_ascii_digits() -> None:
    from models.core.text import phone_text

    assert phone_text("１３８１２３４５６７８") == "13812345678"
    assert phone_text("０１０－８８８８ ６６６６") == "010-8888 6666"
    assert phone_text("（010）12345678") == "(010)12345678"
    assert phone_text("٠١٢") == "012"  # digits of another script
    assert phone_text(" 138\u202e1234 ") == "1381234"
    assert phone_text(None) == phone_text("") == ""


def test_a_request_row_stores_a_full_width_phone_as_ascii() -> None:
    from datetime import datetime

    from models.core.vocabulary import Channel, RequestKind, Urgency
    from models.requests.rows import request_row

    row = request_row(
        ref="XS-2026-000001", channel=Channel.WALK_IN, kind=RequestKind.HELP, title="漏水", text="",
        urgency=Urgency.NORMAL,
        created_at=datetime(2026, 3, 1), resident_phone="１３８１２３４５６７８",
    )  # fmt: skip
    assert row["resident_phone"] == "13812345678"
    assert request_row(
        ref="XS-2026-000002", channel=Channel.WALK_IN, kind=RequestKind.HELP, title="漏水", text="",
        urgency=Urgency.NORMAL,
        created_at=datetime(2026, 3, 1), resident_phone="  ",
    )["resident_phone"] is None  # fmt: skip


def test_wrap_width_measures_terminal_columns_and_keeps_words_and_punctuation() -> None:
    from models.core.text import display_width, wrap_width

    text = "生成月报：三率和综合得分（按部门、网格，含分子分母）、超期与退单。用 --period 2026-11 指定月份，默认上月。"
    for width in (12, 20, 31, 40, 80):
        lines = wrap_width(text, width)
        assert all(display_width(line) <= width for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert not any(line[0] in "，。、；：）" for line in lines), (width, lines)
        assert any("--period" in line for line in lines) and any("2026-11" in line for line in lines)
    assert wrap_width("一二三四，五", 8) == ["一二三", "四，五"]  # the comma takes 四 down with it
    assert wrap_width("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


@given(st.text(alphabet="路灯不亮，。（）ab -=1", max_size=80), st.integers(min_value=4, max_value=40))
def test_wrap_width_never_exceeds_its_width_nor_loses_a_character(text: str, width: int) -> None:
    from models.core.text import display_width, wrap_width

    lines = wrap_width(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
