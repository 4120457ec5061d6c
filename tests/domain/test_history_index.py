"""The learned index: exact n-gram keys, neighbours, the department model, the delta, and the on-disk cache."""

from pathlib import Path

import numpy as np
from sqlalchemy import delete, func
from sqlmodel import select

from models.files.request_import import import_requests
from models.matching import history_index
from models.matching.history_index import HistoryIndex, gram_keys
from models.matching.index_file import cache_path
from models.matching.loader import load_matcher
from models.requests.workflow import Actor
from models.store.engine import session_scope
from models.store.tables import MatchExample


def test_gram_keys_are_exact_and_stay_inside_each_text() -> None:
    docs, keys = gram_keys(["ab", "c"])
    grams = sorted(zip(docs.tolist(), keys.tolist(), strict=True))
    a, b, c = ord("a"), ord("b"), ord("c")
    assert grams == sorted([(0, a), (0, b), (0, a << 21 | b), (1, c)])
    # different strings never share a key: 3 code points fit in 63 bits without hashing
    _, k1 = gram_keys(["楼道灯"])
    _, k2 = gram_keys(["楼灯道"])
    assert set(k1.tolist()) != set(k2.tolist())


def _index() -> HistoryIndex:
    texts = ["楼道灯坏了", "楼道的灯不亮", "路灯坏了一直不亮", "楼上漏水", "卫生间漏水渗到楼下", "水管爆了漏水"]
    labels = [(None, "社区居委会")] * 3 + [(None, "区水务局")] * 3
    return HistoryIndex.build(texts, labels)


def test_neighbours_and_department_model() -> None:
    index = _index()
    best = index.neighbours("楼道灯不亮了", 3)
    assert index.label(best[0].row) == (None, "社区居委会")
    assert best[0].similarity > best[-1].similarity > 0
    posterior = index.department_posterior("家里漏水了")
    assert max(posterior, key=posterior.get) == "区水务局"
    assert abs(sum(posterior.values()) - 1.0) <= 1e-4 * len(index.departments)  # negligible ones are dropped


def test_delta_is_searchable_at_once_and_folds_into_the_base(monkeypatch) -> None:
    index = _index()
    index.add("化粪池冒了", None, "区排水集团")
    assert index.label(index.neighbours("化粪池又冒了", 1)[0].row) == (None, "区排水集团")
    monkeypatch.setattr(history_index, "REBUILD_DELTA", 2)
    index.add("化粪池满了", None, "区排水集团")
    assert not index._delta_texts and index.counts.shape[0] == 8
    assert "区排水集团" in index.department_posterior("化粪池满了往外冒")


def test_arrays_round_trip() -> None:
    index = _index()
    again = HistoryIndex.from_arrays(index.to_arrays())
    for query in ("楼道灯不亮", "漏水"):
        assert [(n.row, round(n.similarity, 6)) for n in again.neighbours(query, 3)] == [
            (n.row, round(n.similarity, 6)) for n in index.neighbours(query, 3)
        ]
        assert again.department_posterior(query) == index.department_posterior(query)
    assert np.array_equal(again.vocab, index.vocab)


HISTORY = "工单编号,诉求标题,承办单位,办理状态\n" + "".join(
    f"{i},{title},{dept},已办结\n"
    for i, (title, dept) in enumerate(
        [
            ("化粪池冒了往外流", "区排水集团"),
            ("东门化粪池堵了", "区排水集团"),
            ("楼道灯坏了", "社区居委会"),
            ("楼道的灯不亮", "社区居委会"),
            ("楼上漏水", "区水务局"),
        ]
    )
)


def test_cache_is_reused_extended_and_rebuilt(catalog_engine, tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text(HISTORY, encoding="utf-8")
    with session_scope(catalog_engine) as s:
        import_requests(s, first, Actor("t"))
    with session_scope(catalog_engine) as s:
        built = load_matcher(s)
        path = cache_path(s)
    assert path.exists() and built.example_count == 5

    second = tmp_path / "b.csv"
    second.write_text("工单编号,诉求标题,承办单位,办理状态\n9,化粪池满了很臭,区排水集团,已办结\n", encoding="utf-8")
    with session_scope(catalog_engine) as s:
        import_requests(s, second, Actor("t"))
    with session_scope(catalog_engine) as s:
        extended = load_matcher(s)
        fresh = load_matcher(s, use_cache=False)
    assert extended.example_count == fresh.example_count == 6
    for text in ("化粪池冒出来了", "楼道灯不亮", "漏水"):
        assert extended.match(text).department == fresh.match(text).department
        assert extended.match(text).department_score == fresh.match(text).department_score

    with session_scope(catalog_engine) as s:  # a removed example forces a rebuild
        s.exec(delete(MatchExample).where(MatchExample.id == s.exec(select(func.min(MatchExample.id))).one()))
    with session_scope(catalog_engine) as s:
        assert load_matcher(s).example_count == 5

    with session_scope(catalog_engine) as s:  # read back memory-mapped: same answers, and still correctable
        mapped, fresh = load_matcher(s), load_matcher(s, use_cache=False)
    for text in ("化粪池冒出来了", "楼道灯不亮", "漏水"):
        assert mapped.match(text).departments == fresh.match(text).departments
    assert mapped.forget_example("化粪池满了很臭", None, "区排水集团")
    exact = [n for n in mapped.history.neighbours("化粪池满了很臭", 3) if n.similarity > 0.999]
    assert exact and all(mapped.history.label(n.row) == (None, None) for n in exact)

    whole = path.read_bytes()
    for damaged in (b"not an index file", whole[: len(whole) // 2], whole[:20]):  # only a lost speed-up
        path.write_bytes(damaged)
        with session_scope(catalog_engine) as s:
            assert load_matcher(s).example_count == 5


def test_the_catalog_model_is_kept_and_a_new_process_needs_no_scipy(sqlite_catalog, tmp_path: Path) -> None:
    """`xinsheng match` in a new process built the catalog's naive Bayes model every time, importing scipy (issue
    17: 2.4× a bare sqlmodel import). It is now read from the cache, and rebuilt when the catalog's words change."""
    import subprocess
    import sys

    from models.store.tables import CatalogItem

    with session_scope(sqlite_catalog) as s:
        built = load_matcher(s)
    url = str(sqlite_catalog.url.database)
    probe = (
        "import sys; from models.store.engine import open_engine, session_scope; "
        "from models.matching.loader import load_matcher; s = session_scope(open_engine(sys.argv[1])).__enter__(); "
        "m = load_matcher(s); print(m.match('楼上水管爆了一直漏水').department, 'scipy' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", probe, url], capture_output=True, text=True, check=True)
    department, scipy_loaded = run.stdout.split()
    assert department == built.match("楼上水管爆了一直漏水").department and scipy_loaded == "False", run.stderr
    with session_scope(sqlite_catalog) as s:  # the catalog's words change: the kept model is not used
        item = s.exec(select(CatalogItem).where(CatalogItem.code == "JD-003")).one()
        item.name = "楼上楼下漏水纠纷调解"
    with session_scope(sqlite_catalog) as s:
        assert (
            load_matcher(s).match("漏水纠纷").departments
            == load_matcher(s, use_cache=False).match("漏水纠纷").departments
        )
