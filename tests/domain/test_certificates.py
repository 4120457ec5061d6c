"""Issue 18, item 7: the certificates a community may issue (证明事项) are part of the catalog; a request for one it
does not issue says so and names where to apply."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from models.core.errors import InputError
from models.files.catalog_import import import_catalog
from models.matching.loader import load_matcher
from models.people.permissions import Actor
from models.requests.intake import log_request, routing_for_code
from models.store.engine import session_scope
from models.store.tables import CatalogItem

CERTIFICATES = """事项编码,事项名称,类别,责任部门,履职类型,关键词,证明事项,办理地点,生效日期
ZM-01,居住证明,证明事项,社区居委会,基本履职,居住证明、居住情况、住在本社区,是,
ZM-02,亲属关系证明,证明事项,区公安分局,取消,亲属关系、父子关系、母女关系,是,户籍所在地派出所或公证处,2024-03-01
ZM-03,无犯罪记录证明,证明事项,区公安分局,收回上级,无犯罪记录、犯罪记录、政审,是,户籍所在地派出所,2024-03-01
JD-01,楼道公共设施维护,城乡建设,街道城市管理办公室,基本履职,楼道、座椅,否,
"""


@pytest.fixture
def certified(engine, tmp_path: Path):
    path = tmp_path / "清单.csv"
    path.write_text(CERTIFICATES, encoding="utf-8")
    with session_scope(engine) as s:
        import_catalog(s, path)
    return engine


def test_certificates_are_read_with_where_to_apply(certified) -> None:
    with session_scope(certified) as s:
        items = {i.code: (i.certificate, i.apply_at) for i in s.exec(select(CatalogItem)).all()}
    assert items == {
        "ZM-01": (True, ""),
        "ZM-02": (True, "户籍所在地派出所或公证处"),
        "ZM-03": (True, "户籍所在地派出所"),
        "JD-01": (False, ""),
    }


def test_a_request_for_a_certificate_the_community_does_not_issue_names_where_to_apply(certified) -> None:
    with session_scope(certified) as s:
        matcher = load_matcher(s)
        result = matcher.match("想开个我和我父亲的亲属关系证明")
        top = result.suggestions[0]
        assert (top.code, top.certificate_elsewhere, top.apply_at) == ("ZM-02", True, "户籍所在地派出所或公证处")
        routing = routing_for_code(s, "ZM-02")
        assert (
            routing.warning
            and routing.message == "“亲属关系证明”不是社区出具的证明事项，请到户籍所在地派出所或公证处办理"
        )
        own = routing_for_code(s, "ZM-01")
        assert not own.warning and own.message == "证明事项“居住证明”：由社区出具"
        logged = log_request(s, Actor("王网格", "grid_worker"), title="开无犯罪记录证明", item_code="ZM-03")
        assert "请到户籍所在地派出所办理" in logged.routing.message


def test_a_certificate_column_that_says_neither_yes_nor_no_is_named(engine, tmp_path: Path) -> None:
    path = tmp_path / "坏.csv"
    path.write_text(CERTIFICATES.replace(",是,\n", ",也许,\n", 1), encoding="utf-8")
    with session_scope(engine) as s, pytest.raises(InputError, match=r"第 2 行.*证明事项.*也许"):
        import_catalog(s, path)
