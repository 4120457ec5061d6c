"""The history index persisted between processes, in the user cache directory.

A saved index is reused when the catalog is unchanged and no confirmed routing has been removed; routings added
since it was saved are appended without re-reading the rest. Anything else rebuilds it. The cache is only ever a
speed-up: a missing, stale, corrupt or unwritable file just means building from the database.

The file is one flat block of arrays behind a JSON header, memory-mapped on load: a new process reads only the
pages its queries touch (the vocabulary lookup, the columns of the query's n-grams) instead of the whole index,
which is over 100 MB at 100,000 examples.
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

from models.db import cache_dir
from models.history_index import HistoryIndex
from models.matching import Matcher, example_rows
from models.tables import CatalogItem, MatchExample

FORMAT = 3
MAGIC = b"XSIDX3\n"
ALIGN = 64


def cache_path(session: Session) -> Path:
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    return cache_dir() / f"history-{hashlib.sha1(url.encode()).hexdigest()[:16]}.idx"


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


PAGE = 4096


def _aligned(offset: int) -> int:
    return -(-offset // ALIGN) * ALIGN


def _read(path: Path, warm: bool = False) -> tuple[dict[str, Any], HistoryIndex] | None:
    try:
        mapped = np.memmap(path, dtype=np.uint8, mode="r")
        if warm:  # touch one byte per page: the first keystrokes then never wait on the disk
            int(mapped[::PAGE].sum())
        if bytes(mapped[: len(MAGIC)]) != MAGIC:
            return None
        start = len(MAGIC) + 8
        header_length = int(np.frombuffer(mapped, dtype="<u8", count=1, offset=len(MAGIC))[0])
        header = json.loads(bytes(mapped[start : start + header_length]).decode("utf-8"))
        data_start = _aligned(start + header_length)
        arrays: dict[str, Any] = {name: np.asarray(text) for name, text in header["strings"].items()}
        for name, (dtype, shape, offset) in header["arrays"].items():
            count = int(np.prod(shape)) if shape else 1
            view = np.frombuffer(mapped, dtype=np.dtype(dtype), count=count, offset=data_start + offset)
            arrays[name] = view.reshape(shape)
        return header["meta"], HistoryIndex.from_arrays(arrays)
    except (OSError, ValueError, KeyError, TypeError, IndexError, UnicodeDecodeError):
        return None


def _write(path: Path, meta: dict[str, Any], index: HistoryIndex) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        everything = index.to_arrays()
        arrays = {name: np.ascontiguousarray(a) for name, a in everything.items() if a.dtype.kind != "U"}
        layout: dict[str, tuple[str, list[int], int]] = {}
        offset = 0  # from the start of the data block
        for name, array in arrays.items():
            layout[name] = (array.dtype.str, list(array.shape), offset)
            offset = _aligned(offset + array.nbytes)
        strings = {name: str(a) for name, a in everything.items() if a.dtype.kind == "U"}
        header = json.dumps({"meta": meta, "strings": strings, "arrays": layout}, ensure_ascii=False).encode()
        data_start = _aligned(len(MAGIC) + 8 + len(header))
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with partial.open("wb") as fh:
            fh.write(MAGIC + np.asarray([len(header)], dtype="<u8").tobytes() + header)
            for name, array in arrays.items():
                fh.seek(data_start + layout[name][2])
                array.tofile(fh)
        partial.replace(path)
        path.with_suffix(".npz").unlink(missing_ok=True)  # the format before memory-mapping
    except OSError:
        pass  # a read-only or full disk costs speed next time, nothing else


def load_history(session: Session, matcher: Matcher, *, warm: bool = False) -> HistoryIndex:
    state = _state(session)
    path = cache_path(session)
    cached = _read(path, warm) if path.exists() else None
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
