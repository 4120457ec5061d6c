"""The catalog browser (F9) within the operator's reach (issue 16, item 5): a grid worker saw the refs and titles of
requests in other grids and streets, and the learned texts they came with."""

from __future__ import annotations

from models.catalog.browse import item_overview
from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store.engine import session_scope
from tests.conftest import area_chain

ADMIN = Actor("管理员", "admin")


def test_a_grid_worker_sees_only_their_grids_requests_and_texts(catalog_engine) -> None:
    with session_scope(catalog_engine) as session:
        mine = area_chain(session, "槐安街道", "东社区", "第1网格")[-1].id
        theirs = area_chain(session, "柳荫街道", "西社区", "第9网格")[-1].id
        assert mine is not None and theirs is not None
        for grid, who, n in ((mine, "王芳", 2), (theirs, "李强", 3)):
            for i in range(n):
                log_request(session, ADMIN, title=f"{who}家楼道灯不亮{i}，回电13912345678", area_id=grid,
                            resident_name=who, item_code="JD-007")  # fmt: skip
    worker = Actor("史婷", "grid_worker", area_ids=frozenset({mine}))
    supervisor = Actor("秦主任", "supervisor")
    with session_scope(catalog_engine) as session:
        seen = item_overview(session, "JD-007", worker)
        everything = item_overview(session, "JD-007", supervisor)
    assert (seen.requests, everything.requests) == (2, 5)
    assert len(seen.recent) == 2 and len(everything.recent) == 5
    assert not any("李" in title for _, _, _, title in seen.recent)
    assert seen.examples == 2 and not any("李" in text for text in seen.example_texts)
    shown = " ".join([*(t for *_, t in everything.recent), *everything.example_texts])
    assert "王芳" not in shown and "李强" not in shown and "13912345678" not in shown and "139****5678" in shown


def test_the_queue_and_the_detail_show_a_residents_words_masked(catalog_engine) -> None:
    """Phones in any writing, ID numbers and the resident's own name, in the title, text, location and timeline:
    masked like the contact fields (issue 16, item 4); the full number stays one audited reveal away."""
    from models.requests.queries import list_requests, request_detail

    with session_scope(catalog_engine) as session:
        grid = area_chain(session, "槐安街道", "东社区", "第1网格")[-1].id
        request = log_request(
            session, ADMIN, title="王芳家漏水，回电 139-1234-5678", text="王芳说身份证 11010519491231002X 丢了",
            location="3号楼 王芳家", area_id=grid, resident_name="王芳", resident_phone="13912345678",
            item_code="JD-007",
        ).request  # fmt: skip
        request_id = request.id
    with session_scope(catalog_engine) as session:
        (row,) = list_requests(session, None, None, actor=ADMIN)
        detail = request_detail(session, request_id, ADMIN)
    shown = " ".join([row.title, detail.title, detail.text, detail.location, *(e.note for e in detail.events)])
    assert "王芳" not in shown and "1234" not in shown and "19491231" not in shown
    assert row.title == "王*家漏水，回电 139****5678" and detail.location == "3号楼 王*家"
