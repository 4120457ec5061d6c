"""The history index persisted between processes, in the user cache directory.

A saved index is reused when the catalog is unchanged and no confirmed routing has been removed; routings added
since it was saved are appended without re-reading the rest. Anything else rebuilds it. The cache is only ever a
speed-up: a missing, stale, corrupt or unwritable file just means building from the database.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func
from sqlmodel import Session, select

from models.history_index import HistoryIndex
from models.matching import Matcher, example_rows
from models.tables import CatalogItem, MatchExample

FORMAT = 2


def cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("xinsheng", appauthor=False))


def cache_path(session: Session) -> Path:
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    return cache_dir() / f"history-{hashlib.sha1(url.encode()).hexdigest()[:16]}.npz"


def _state(session: Session) -> dict[str, Any]:
    count, max_id = session.exec(select(func.count(), func.coalesce(func.max(MatchExample.id), 0))).one()
    items, revision, item_max = session.exec(
        select(
            func.count(),
            func.coalesce(func.max(CatalogItem.revision_id), 0),
            func.coalesce(func.max(CatalogItem.id), 0),
        )
    ).one()
    return {
        "format": FORMAT,
        "count": int(count or 0),
        "max_id": int(max_id or 0),
        "catalog": [int(items or 0), int(revision or 0), int(item_max or 0)],
    }


def _read(path: Path) -> tuple[dict[str, Any], HistoryIndex] | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            arrays = {key: data[key] for key in data.files if key != "meta"}
        return meta, HistoryIndex.from_arrays(arrays)
    except (OSError, ValueError, KeyError):
        return None


def _write(path: Path, meta: dict[str, Any], index: HistoryIndex) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with partial.open("wb") as fh:
            arrays: dict[str, Any] = {"meta": np.asarray(json.dumps(meta)), **index.to_arrays()}
            np.savez(fh, **arrays)
        partial.replace(path)
    except OSError:
        pass  # a read-only or full disk costs speed next time, nothing else


def load_history(session: Session, matcher: Matcher) -> HistoryIndex:
    state = _state(session)
    path = cache_path(session)
    cached = _read(path) if path.exists() else None
    if cached is not None:
        meta, index = cached
        same_world = meta.get("format") == FORMAT and meta.get("catalog") == state["catalog"]
        cached_count, cached_max = int(meta.get("count", -1)), int(meta.get("max_id", -1))
        if same_world and cached_count <= int(state["count"]) and cached_max <= int(state["max_id"]):
            newer = example_rows(session, after_id=cached_max)
            if cached_count + len(newer) == state["count"]:
                if newer:
                    index.extend(*matcher.prepare_examples(newer))
                    _write(path, state, index)
                return index
    index = matcher.build_history(example_rows(session))
    _write(path, state, index)
    return index
