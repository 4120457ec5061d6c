from models.core.text import char_ngrams, clean_cell, mask_name, mask_phone, mask_phones_in_text, normalize


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
    assert mask_phones_in_text("请回电13912345678，谢谢") == "请回电139****5678，谢谢"
    assert mask_phones_in_text("3号楼2单元") == "3号楼2单元"


def test_pinyin_initials_read_words_not_single_characters() -> None:
    from models.core.text import pinyin_initials

    assert pinyin_initials("楼道座椅") == "ldzy"
    assert pinyin_initials("銀行門口 3号楼") == "yhmk3hl"  # traditional → simplified; 行 read as in 银行
    assert pinyin_initials("重庆路长期漏水") == "cqlcqls"
    assert pinyin_initials("🙂！") == ""
