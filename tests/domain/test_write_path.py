"""One write path per aggregate: intake and import build a request through the same row builder, so the same input
stores the same request, whichever door it came in by."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlmodel import select

from models.files.request_import import import_requests
from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store.engine import session_scope
from models.store.tables import Request, RequestEvent
from tests.conftest import area_chain

ADMIN = Actor("管理员", "admin")
# what differs by design: identity, the door (import keys, who confirmed), and the event that says which door
DOOR_COLUMNS = {"id", "ref", "external_ref", "import_key", "match_confirmed_by", "match_score", "channel"}


def _row(request: Request) -> dict[str, object]:
    return {k: v for k, v in request.model_dump().items() if k not in DOOR_COLUMNS}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("楼道里想放几把折叠椅", "6号楼没有电梯，老人爬楼要歇脚"),
        ("", "6号楼没有电梯，老人爬楼要歇脚，想在楼道放几把折叠椅"),  # no title: initials come from the text
    ],
)
def test_intake_and_import_store_the_same_request(catalog_engine, tmp_path: Path, title: str, text: str) -> None:
    created = datetime(2026, 3, 9, 10, 30)
    with session_scope(catalog_engine) as session:
        grid_id = area_chain(session, "槐安街道", "东社区", "第1网格")[-1].id
        logged = log_request(
            session,
            ADMIN,
            title=title,
            text=text,
            location="6号楼2单元",
            kind="suggestion",
            urgency="normal",
            area_id=grid_id,
            resident_name=" 王芳 ",
            resident_phone="13812345678",
            item_code="JD-002",
            created_at=created,
        ).request
        logged_id = logged.id
    source = tmp_path / "one.csv"
    source.write_text(
        "工单编号,诉求标题,诉求内容,来电时间,事项编码,办理状态,地点,类型,紧急程度,街道,社区,网格,来电人,联系电话\n"
        f"B-1,{title},{text},2026-03-09 10:30,JD-002,待受理,6号楼2单元,建议,一般,"
        "槐安街道,东社区,第1网格, 王芳 ,13812345678\n",
        encoding="utf-8",
    )
    with session_scope(catalog_engine) as session:
        result = import_requests(session, source, ADMIN)
        assert result.added == 1
    with session_scope(catalog_engine) as session:
        by_intake = session.get(Request, logged_id)
        by_import = session.exec(select(Request).where(Request.external_ref == "B-1")).one()
        assert by_intake is not None
        assert _row(by_import) == _row(by_intake)
        assert by_intake.title_initials  # the drift this test was written for: import used the title alone
        actions = session.exec(select(RequestEvent.request_id, RequestEvent.action, RequestEvent.to_status)).all()
        assert sorted(actions) == [(by_intake.id, "create", "new"), (by_import.id, "import", "new")]
