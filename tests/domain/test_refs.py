"""A request is named by its ref, in full or by its number part, never by the internal id nobody sees."""

from __future__ import annotations

from datetime import datetime

import pytest

from models.core.clock import simulated_time
from models.core.errors import UserError
from models.requests.intake import allocate_refs, log_request
from models.requests.queries import request_by_ref
from models.requests.workflow import Actor
from models.store.engine import session_scope
from tests.conftest import area_chain

ADMIN = Actor("调度")


def test_a_number_is_the_number_part_of_a_ref_never_an_internal_id(catalog_engine) -> None:
    with session_scope(catalog_engine) as s, simulated_time(datetime(2026, 3, 2, 9, 0)):
        allocate_refs(s, 2026, 5)  # refs start at 000006 while ids start at 1, as on any street's database
        first = log_request(s, ADMIN, title="路灯不亮", item_code="JD-007").request
        second = log_request(s, ADMIN, title="楼道堆物", item_code="JD-002").request
        assert (first.id, first.ref) == (1, "XS-2026-000006") and second.id == 2
        assert request_by_ref(s, "7", ADMIN).id == second.id
        assert request_by_ref(s, " xs-2026-000007 ", ADMIN).id == second.id
        assert request_by_ref(s, "XS-2026-7", ADMIN).id == second.id
        assert request_by_ref(s, "000006", ADMIN).id == first.id
        with pytest.raises(UserError, match=r"找不到编号为 2 的诉求") as refused:
            request_by_ref(s, "2", ADMIN)  # the internal id of the second request, not a ref
        assert "XS-" not in str(refused.value)  # and nothing near it
        with pytest.raises(UserError, match=r"不是诉求编号"):
            request_by_ref(s, "路灯", ADMIN)


def test_a_number_in_two_years_or_none_is_refused_with_the_refs_within_reach(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        _, _, east = area_chain(s, "槐安街道", "东社区", "东社区第1网格")
        west = area_chain(s, "西社区", "西社区第1网格")[-1]
        worker = Actor("史婷", "grid_worker", area_ids=frozenset({east.id}))
        with simulated_time(datetime(2025, 12, 30, 9, 0)):
            last_year = log_request(s, ADMIN, title="井盖松动", item_code="JD-007", area_id=east.id).request
        with simulated_time(datetime(2026, 1, 5, 9, 0)):
            this_year = log_request(s, ADMIN, title="路灯不亮", item_code="JD-007", area_id=east.id).request
            elsewhere = log_request(s, ADMIN, title="广场舞太吵", item_code="JD-004", area_id=west.id).request
        assert (last_year.ref, this_year.ref, elsewhere.ref) == ("XS-2025-000001", "XS-2026-000001", "XS-2026-000002")
        with simulated_time(datetime(2026, 1, 6, 9, 0)):  # a bare number is this year's, when it is within reach
            assert request_by_ref(s, "1", worker).id == this_year.id
        both = "编号 1 对应多条诉求：XS-2026-000001、XS-2025-000001"
        with simulated_time(datetime(2027, 1, 4, 9, 0)), pytest.raises(UserError, match=both):
            request_by_ref(s, "1", worker)  # neither is this year's: refused, naming both
        assert request_by_ref(s, "XS-2025-000001", worker).id == last_year.id
        with pytest.raises(UserError) as unknown:
            request_by_ref(s, "2", worker)  # the west grid's request is out of her reach: not found, not named
        assert "XS-2026-000002" not in str(unknown.value)
        assert request_by_ref(s, "2", ADMIN).id == elsewhere.id
        with pytest.raises(UserError, match="相近的编号：XS-2026-000002"):
            request_by_ref(s, "XS-2024-000002", ADMIN)  # a wrong year
